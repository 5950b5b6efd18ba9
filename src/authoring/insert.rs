//! Putting one new event into a timeline file's text, keeping every other byte: the file's
//! comments, blank lines, formatting and field order stay as they are, and its diff is one
//! inserted block of whole lines (plus a comma after the last element when the list had no
//! trailing comma and the event goes after it).

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

/// Where the last token of `item` ends: past its last character outside comments and
/// whitespace. Reads RON's lexical rules: strings with escapes, raw strings, `//` and nested
/// `/* */` comments.
pub(super) fn significant_end(item: &str) -> usize {
    let b = item.as_bytes();
    let (mut i, mut end) = (0, 0);
    while i < b.len() {
        match b[i] {
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
                end = i.min(b.len());
            }
            b'r' if b.get(i + 1).is_some_and(|c| *c == b'#' || *c == b'"') => {
                let hashes = b[i + 1..].iter().take_while(|c| **c == b'#').count();
                let close: Vec<u8> = std::iter::once(b'"')
                    .chain(std::iter::repeat_n(b'#', hashes))
                    .collect();
                let open = i + 1 + hashes + 1;
                i = b
                    .get(open..)
                    .and_then(|rest| {
                        rest.windows(close.len())
                            .position(|w| w == close.as_slice())
                    })
                    .map_or(b.len(), |p| open + p + close.len());
                end = i;
            }
            b'/' if b.get(i + 1) == Some(&b'/') => {
                i = item[i..].find('\n').map_or(b.len(), |n| i + n + 1);
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let mut depth = 0;
                while i < b.len() {
                    if b[i..].starts_with(b"/*") {
                        depth += 1;
                        i += 2;
                    } else if b[i..].starts_with(b"*/") {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
            }
            c if c.is_ascii_whitespace() => i += 1,
            _ => {
                i += 1;
                end = i;
            }
        }
    }
    // Back to a character boundary, should a multi-byte character end the item.
    while !item.is_char_boundary(end) {
        end += 1;
    }
    end
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

/// For each line of `text`, whether it begins inside a string (a string that spans lines
/// continues on it). Reads RON's lexical rules as [`significant_end`] does, chars too.
pub(super) fn lines_in_string(text: &str) -> Vec<bool> {
    let b = text.as_bytes();
    let mut lines = vec![false];
    let mut i = 0;
    // Inside a string from `from` to `to`: each line break there starts a line inside it.
    let mark = |lines: &mut Vec<bool>, from: usize, to: usize| {
        let to = to.min(b.len());
        lines.extend(
            b[from.min(to)..to]
                .iter()
                .filter(|c| **c == b'\n')
                .map(|_| true),
        );
    };
    while i < b.len() {
        match b[i] {
            b'\n' => {
                lines.push(false);
                i += 1;
            }
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                mark(&mut lines, start, i);
                i += 1;
            }
            b'\'' => {
                // A char: one character or an escape, then its quote.
                i += if b.get(i + 1) == Some(&b'\\') { 3 } else { 2 };
                while i < b.len() && b[i] != b'\'' && b[i] != b'\n' {
                    i += 1;
                }
                if b.get(i) == Some(&b'\'') {
                    i += 1;
                }
            }
            b'r' if b.get(i + 1).is_some_and(|c| *c == b'#' || *c == b'"')
                && (i == 0
                    || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_')
                    || b[i - 1] == b'b') =>
            {
                let hashes = b[i + 1..].iter().take_while(|c| **c == b'#').count();
                if b.get(i + 1 + hashes) != Some(&b'"') {
                    // A raw identifier, `r#name`.
                    i += 1 + hashes;
                    continue;
                }
                let close: Vec<u8> = std::iter::once(b'"')
                    .chain(std::iter::repeat_n(b'#', hashes))
                    .collect();
                let open = i + 1 + hashes + 1;
                let end = b
                    .get(open..)
                    .and_then(|rest| {
                        rest.windows(close.len())
                            .position(|w| w == close.as_slice())
                    })
                    .map_or(b.len(), |p| open + p);
                mark(&mut lines, open, end);
                i = end + close.len();
            }
            b'/' if b.get(i + 1) == Some(&b'/') => {
                i = text[i..].find('\n').map_or(b.len(), |n| i + n);
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let mut depth = 0;
                while i < b.len() {
                    if b[i..].starts_with(b"/*") {
                        depth += 1;
                        i += 2;
                    } else if b[i..].starts_with(b"*/") {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        if b[i] == b'\n' {
                            lines.push(false);
                        }
                        i += 1;
                    }
                }
            }
            _ => i += 1,
        }
    }
    lines
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
