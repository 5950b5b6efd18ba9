//! Authoring a timeline file: adding an event to it without touching anything else
//! ([`add`]), finding the line where an event starts for an editor ([`event_line`]), the
//! template `add` opens in an editor ([`template`]) and a first file to start from
//! ([`new_timeline`]). Pure text in, text out: the command layer reads and writes the
//! files (atomically, see `atomic`).

mod insert;
mod lex;

use std::fmt::Write as _;

use crate::load::{self, LoadError, RawEvent, Report, split};
use crate::model::{Date, Timeline};

pub use insert::insert_event;

/// What `add` and the explorer's `e` say of a timeline that is not a file of the reader's
/// (the built-in one, or standard input).
pub const NOT_EDITABLE: &str = "this timeline is not a file of yours and cannot be changed in place; \
make an editable copy with 'afghan-timeline export --to ron > my.ron', then use '--file my.ron'";

/// Why an event was not added.
#[derive(Debug)]
pub enum AddError {
    /// The event's own text is not RON of an event (located in that text).
    Event(Report),
    /// The file with the event in it would not load (a report located in that text);
    /// `line` is where the event would have started.
    Timeline { error: LoadError, line: usize },
    /// The file's events list could not be found safely.
    NoList,
}

/// A file's text with one more event.
#[derive(Debug)]
pub struct Added {
    pub text: String,
    /// The line where the new event starts.
    pub line: usize,
    pub id: String,
}

/// `event` (RON, as written in a file, from `event_name`) added to `text` (the file
/// `name`): parsed, put at its place in date order, and the whole file loaded again with
/// the loader's own checks (a duplicate id, an unknown actor with "did you mean", dates,
/// related ids). Nothing but the inserted block differs from `text`.
pub fn add(text: &str, name: &str, event: &str, event_name: &str) -> Result<Added, AddError> {
    let event = strip_comment_lines(event).trim();
    // A comma after the event, as in the file's list, even before a comment of its own.
    let end = lex::significant_end(event);
    let event = match event[..end].strip_suffix(',') {
        Some(body) => format!("{}{}", body.trim_end(), &event[end..]),
        None => event.to_owned(),
    };
    let event = event.as_str();
    let raw: RawEvent = load::options()
        .from_str(event)
        .map_err(|e| AddError::Event(Report::syntax(event_name, event, &e)))?;
    // An invalid date goes last; the check below says what is wrong with it.
    let date = raw
        .date
        .parse::<Date>()
        .unwrap_or_else(|_| "9999-12-31".parse().expect("a date"));
    let combined = insert_event(text, &dedent(event), date).ok_or(AddError::NoList)?;
    let line = event_line(&combined, &raw.id).unwrap_or(1);
    match load::parse(&combined, name) {
        Ok(_) => Ok(Added {
            text: combined,
            line,
            id: raw.id,
        }),
        Err(error) => Err(AddError::Timeline { error, line }),
    }
}

/// The 1-based line of the opening parenthesis of the event `id` in a file's text.
pub fn event_line(text: &str, id: &str) -> Option<usize> {
    #[derive(serde::Deserialize)]
    #[serde(rename = "Event")]
    struct Named {
        id: String,
    }
    // A byte order mark is no line's.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let found = split(text.as_bytes())?;
    found.items.iter().find_map(|r| {
        let item = &text[r.clone()];
        let named: Named = load::options().from_str(item).ok()?;
        (named.id == id).then(|| {
            let start = r.start + (item.len() - strip_comment_lines(item).len());
            let start = start + (text[start..].len() - text[start..].trim_start().len());
            text[..start].matches('\n').count() + 1
        })
    })
}

/// Leading whitespace and `//` comment lines dropped: the template's instructions.
fn strip_comment_lines(text: &str) -> &str {
    let mut rest = text;
    loop {
        let trimmed = rest.trim_start();
        if let Some(comment) = trimmed.strip_prefix("//") {
            rest = comment.find('\n').map_or("", |n| &comment[n + 1..]);
        } else {
            return trimmed;
        }
    }
}

/// The lines without the indentation they all share (the first line aside, which starts
/// at the parenthesis). Indentation is spaces and tabs; a line that begins inside a string
/// is the string's own text and stays as it is.
fn dedent(text: &str) -> String {
    let inside = lex::lines_in_string(text);
    let lines: Vec<&str> = text.lines().collect();
    let code = |i: usize| !inside.get(i).copied().unwrap_or(false);
    let common = lines
        .iter()
        .enumerate()
        .skip(1)
        .filter(|&(i, l)| code(i) && !l.trim().is_empty())
        .map(|(_, l)| insert::indent_width(l))
        .min()
        .unwrap_or(0);
    let closing = lines
        .last()
        .filter(|_| code(lines.len() - 1))
        .map_or(0, |l| insert::indent_width(l));
    let cut = common.min(closing);
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                l.trim_start()
            } else if !code(i) {
                l
            } else if l.trim().is_empty() {
                ""
            } else {
                &l[cut.min(insert::indent_width(l))..]
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// What `add` opens in an editor: instructions and the file's actors in comments, then an
/// event to fill in, dated `date` with `actors`, with one source to complete.
pub fn template(timeline: &Timeline, file: &str, date: Date, actors: &[&str]) -> String {
    let mut out = format!(
        "// A new event for {file}. Fill it in, save and quit: it is checked and added in date\n\
         // order. Quit without saving, or empty the file, to add nothing.\n"
    );
    out.push_str("// The actors of this timeline (use their ids):\n");
    for actor in &timeline.actors {
        let id = crate::sanitize::line(&actor.id);
        let name = crate::sanitize::line(&actor.name);
        let _ = writeln!(out, "//   {id} ({name})");
    }
    let actors = actors
        .iter()
        .map(|a| format!("{a:?}"))
        .collect::<Vec<_>>()
        .join(", ");
    let _ = write!(
        out,
        "Event(\n    id: \"new-event\",\n    date: \"{date}\",\n    title: \"\",\n    summary: \"\",\n    actors: [{actors}],\n    tags: [],\n    sources: [\n        Source(publisher: \"\", title: \"\", date: \"{date}\", url: \"https://\"),\n    ],\n)\n"
    );
    out
}

/// A minimal valid timeline to start from: one actor, one event, with comments on the
/// format.
pub fn new_timeline(title: &str) -> String {
    let title = format!("{title:?}");
    format!(
        r#"// A timeline for afghan-timeline. The format: docs/format.md of the project.
// Open it with 'afghan-timeline --file THIS_FILE'; add events with
// 'afghan-timeline add --file THIS_FILE', or edit here: dates are "YYYY", "YYYY-MM" or
// "YYYY-MM-DD" ("~" in front for approximate ones), ids are unique, actors are named by id.
Timeline(
    title: {title},
    actors: [
        // kind: State, Organization, Group or Person.
        Actor(id: "me", name: "Me", kind: Person),
    ],
    // Eras are optional: Era(id: "…", name: "…", start: "…", end: "…").
    eras: [],
    events: [
        Event(
            id: "started",
            date: "2026",
            title: "I started this timeline",
            summary: "One event to show the shape; change it or add more.",
            actors: ["me"],
            sources: [
                Source(publisher: "Me", title: "My notes"),
            ],
        ),
    ],
)
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_new_timeline_loads() {
        let text = new_timeline("My \"story\"");
        let timeline = load::parse(&text, "new.ron").expect("it loads");
        assert_eq!(timeline.title, "My \"story\"");
        assert_eq!(timeline.events.len(), 1);
    }

    #[test]
    fn the_line_of_an_event_is_its_opening_parenthesis() {
        let text = "(\n  events: [\n    // a note\n    Event(id: \"a\"),\n\n    (\n      id: \"b\",\n    ),\n  ],\n)";
        assert_eq!(event_line(text, "a"), Some(4));
        assert_eq!(event_line(text, "b"), Some(6));
        assert_eq!(event_line(text, "c"), None);
    }

    #[test]
    fn dedent_keeps_the_shape() {
        assert_eq!(
            dedent("(\n        id: \"a\",\n    )"),
            "(\n    id: \"a\",\n)"
        );
    }
}
