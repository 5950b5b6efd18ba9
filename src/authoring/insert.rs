//! Putting one new event into a timeline file's text, keeping every other byte: the file's
//! comments, blank lines, formatting and field order stay as they are, and its diff is one
//! inserted block of whole lines (plus a comma after the last element when the list had no
//! trailing comma and the event goes after it).

use super::lex::{lines_in_string, significant_end};
use crate::load::split;
use crate::model::Date;

/// `event` (RON, as `render_event` writes it) inserted into `text`'s events list at its
/// place in date order: after the last element, in file order, dated on or before `date`.
/// `None` when the list cannot be found safely (the caller refuses the file then).
pub fn insert_event(text: &str, event: &str, date: Date) -> Option<String> {
    if let Some(rest) = text.strip_prefix('\u{feff}') {
        // A byte order mark (Windows' Notepad writes one): the loader skips it, and it stays.
        return insert_event(rest, event, date).map(|out| format!("\u{feff}{out}"));
    }
    let bytes = text.as_bytes();
    let found = split(bytes)?;
    // The event's lines end as the file's do (CRLF from Windows' editors, or LF).
    let nl = if text.find('\n').is_some_and(|n| text[..n].ends_with('\r')) {
        "\r\n"
    } else {
        "\n"
    };
    let items: Vec<(usize, usize)> = found
        .items
        .iter()
        .filter(|r| !text[r.start..r.end].trim().is_empty())
        .map(|r| (r.start, r.end))
        .collect();
    let indent = items.first().map_or_else(
        || indent_of(text, found.open) + "    ",
        |&(start, _)| indent_of(text, first_significant(text, start)),
    );
    let block = indented(event, &indent, nl);
    // The element after which the event goes: the last one dated on or before it.
    let key = date.sort_key();
    let after = items
        .iter()
        .rposition(|&(start, end)| item_key(&text[start..end]).is_some_and(|k| k <= key));
    let mut out = String::with_capacity(text.len() + block.len() + 2);
    match after {
        None => {
            // Before the first element, or into an empty list.
            let at = items.first().map_or(found.open + 1, |&(start, _)| {
                line_start(text, first_significant(text, start))
            });
            out.push_str(&text[..at]);
            if items.is_empty() {
                // Into an empty list: on lines of its own, before what closes the list.
                out.push_str(nl);
                push_with_comma(&mut out, &block);
                if !text[at..].starts_with(['\n', '\r']) {
                    out.push_str(nl);
                }
            } else {
                push_with_comma(&mut out, &block);
                out.push_str(nl);
            }
            out.push_str(&text[at..]);
        }
        Some(k) => {
            let (_, end) = items[k];
            if bytes.get(end) == Some(&b',') {
                // After the comma's line: a comment after the comma stays on its line.
                let at = text[end..].find('\n').map_or(text.len(), |n| end + n + 1);
                out.push_str(&text[..at]);
                if !text[..at].ends_with('\n') {
                    out.push_str(nl);
                }
                push_with_comma(&mut out, &block);
                out.push_str(nl);
                out.push_str(&text[at..]);
            } else {
                // The last element, without a trailing comma: give it one, after its last
                // token (a comment after it stays after it).
                let (start, _) = items[k];
                let content_end = start + significant_end(&text[start..end]);
                out.push_str(&text[..content_end]);
                out.push(',');
                // The block on lines of its own, after the rest of that line (a comment).
                if let Some(n) = text[content_end..end].find('\n') {
                    let at = content_end + n + 1;
                    out.push_str(&text[content_end..at]);
                    push_with_comma(&mut out, &block);
                    out.push_str(nl);
                    out.push_str(&text[at..]);
                } else {
                    out.push_str(nl);
                    push_with_comma(&mut out, &block);
                    // A comment that ends the event would hide what closes the list.
                    if block[significant_end(&block)..].contains("//") {
                        out.push_str(nl);
                    }
                    out.push_str(&text[content_end..]);
                }
            }
        }
    }
    Some(out)
}

/// `block` and the comma that follows it in the list: after its last token, so that a
/// comment ending the event (`Event(…) // from my notes`) stays after the comma.
fn push_with_comma(out: &mut String, block: &str) {
    let end = significant_end(block);
    out.push_str(&block[..end]);
    out.push(',');
    out.push_str(&block[end..]);
}

/// Only the date of an element; the rest is the loader's to judge.
#[derive(serde::Deserialize)]
#[serde(rename = "Event")]
struct Dated {
    date: compact_str::CompactString,
}

/// The date key of one element's text, if it has a date.
fn item_key(item: &str) -> Option<i32> {
    let dated: Dated = crate::load::options().from_str(item).ok()?;
    dated.date.parse::<Date>().ok().map(Date::sort_key)
}

/// The first byte at or after `from` that is not whitespace or a comment.
fn first_significant(text: &str, from: usize) -> usize {
    let mut i = from;
    loop {
        let rest = &text[i..];
        let trimmed = rest.trim_start();
        i += rest.len() - trimmed.len();
        if trimmed.starts_with("//") {
            i += trimmed.find('\n').map_or(trimmed.len(), |n| n + 1);
        } else {
            return i;
        }
    }
}

fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |n| n + 1)
}

/// The whitespace that begins the line holding `at`.
fn indent_of(text: &str, at: usize) -> String {
    let start = line_start(text, at);
    text[start..at]
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect()
}

/// `event`'s lines indented by `indent` and ended by `nl`, but for those that begin inside a string: their
/// leading spaces are the string's text.
fn indented(event: &str, indent: &str, nl: &str) -> String {
    let inside = lines_in_string(event);
    event
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if l.is_empty() || inside.get(i).copied().unwrap_or(false) {
                l.to_owned()
            } else {
                format!("{indent}{l}")
            }
        })
        .collect::<Vec<_>>()
        .join(nl)
}

/// The bytes of spaces and tabs that begin `line`.
pub(super) fn indent_width(line: &str) -> usize {
    line.len() - line.trim_start_matches([' ', '\t']).len()
}

#[cfg(test)]
mod tests {
    use super::*;

    const EVENT: &str = "(\n    id: \"new\",\n    date: \"1980\",\n)";

    fn date(s: &str) -> Date {
        s.parse().expect("a date")
    }

    #[test]
    fn goes_between_the_events_around_its_date_as_whole_lines() {
        let text = "(\n  events: [\n    (id: \"a\", date: \"1979\"), // first\n    (id: \"b\", date: \"1989\"),\n  ],\n)\n";
        let out = insert_event(text, EVENT, date("1980")).expect("inserted");
        assert_eq!(
            out,
            "(\n  events: [\n    (id: \"a\", date: \"1979\"), // first\n    (\n        id: \"new\",\n        date: \"1980\",\n    ),\n    (id: \"b\", date: \"1989\"),\n  ],\n)\n"
        );
    }

    #[test]
    fn first_last_and_into_an_empty_list() {
        let text = "(events: [\n    (id: \"a\", date: \"1985\")\n])";
        let first = insert_event(text, "(id: \"new\")", date("1900")).expect("first");
        assert_eq!(
            first,
            "(events: [\n    (id: \"new\"),\n    (id: \"a\", date: \"1985\")\n])"
        );
        let last = insert_event(text, "(id: \"new\")", date("1999")).expect("last");
        assert_eq!(
            last,
            "(events: [\n    (id: \"a\", date: \"1985\"),\n    (id: \"new\"),\n])"
        );
        let empty = insert_event("(events: [])", "(id: \"new\")", date("1999")).expect("empty");
        assert_eq!(empty, "(events: [\n    (id: \"new\"),\n])");
    }
}
