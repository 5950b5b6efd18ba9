//! An event's `date_note` on a slide, both ways: which parts of it go to the start's and
//! the end's own `display_date`, and the slide's `display_date` (the date line), which
//! begins with the dates. Shared by the export, which writes them, and the import, which
//! calls the same functions to tell whether a slide still shows what the export wrote.
//!
//! The parts `display: …`, `start: …` and `end: …` are what an import makes of a
//! TimelineJS file's own display dates; the export puts them back. Nothing of a note is
//! lost on the way: an `end: …` part of an event that has no `end_date` on its slide stays
//! in the note on the date line, and a `display: …` part stands for the dates only when it
//! names their year (`display: 138 BC`), so a note that happens to begin with `display:`
//! follows the dates instead of hiding them.

use super::date::{same_period, span};
use crate::interop::html::{escape_text, strip};
use crate::model::Date;

/// Opens the part of a date note that is an imported slide's `display_date`.
pub const DISPLAY: &str = "display: ";

/// Separates the dates from the note in `display_date`.
pub const NOTE_SEPARATOR: &str = " — ";

/// Separates the converted date from the Gregorian ones in `display_date`.
pub const CALENDAR_SEPARATOR: &str = " · ";

/// The parts of a date note that an import made from a start's or an end's own
/// `display_date` (`start: 138 BC`), which the export writes back there, and the rest.
pub struct NoteParts<'a> {
    /// A slide's whole `display_date` from an imported file, written back as it was.
    pub display: Option<&'a str>,
    pub start: Option<&'a str>,
    /// Only when the slide has an `end_date` to show it on.
    pub end: Option<&'a str>,
    pub rest: String,
}

/// Whether the slide of an event with these dates has an `end_date`: not when the end
/// names the start's period or the span is one day (see `export::slide_dates`).
pub fn has_end_date(date: Date, end: Option<Date>) -> bool {
    end.filter(|end| !same_period(*end, date))
        .and_then(|end| span(date, end))
        .is_some()
}

/// The parts of the note of an event with these dates.
pub fn note_parts(date: Date, end: Option<Date>, note: Option<&str>) -> NoteParts<'_> {
    let has_end = has_end_date(date, end);
    let mut parts = NoteParts {
        display: None,
        start: None,
        end: None,
        rest: String::new(),
    };
    let note = note.unwrap_or_default();
    // Where the display part began and the end of the last part that continues it: a
    // file's display date may hold "; " itself ("1919 — spring; not established"), and
    // the parts after it that are not `start: `/`end: ` are its own.
    let mut display_from: Option<usize> = None;
    let mut offset = 0;
    for part in note.split("; ") {
        let at = offset;
        offset += part.len() + "; ".len();
        let known = part.starts_with("start: ")
            || part.starts_with("end: ")
            || part.starts_with("start time ")
            || part.starts_with("end time ");
        if let (Some(from), None, false) = (display_from, parts.start.or(parts.end), known) {
            parts.display = Some(&note[from..at + part.len()]);
            continue;
        }
        if known {
            display_from = None;
        }
        if let (None, Some(shown)) = (parts.display, part.strip_prefix(DISPLAY)) {
            parts.display = Some(shown);
            display_from = Some(at + DISPLAY.len());
        } else if let (None, Some(shown)) = (parts.start, part.strip_prefix("start: ")) {
            parts.start = Some(shown);
        } else if let (true, None, Some(shown)) = (has_end, parts.end, part.strip_prefix("end: ")) {
            parts.end = Some(shown);
        } else if !part.trim().is_empty() {
            if !parts.rest.is_empty() {
                parts.rest.push_str("; ");
            }
            parts.rest.push_str(part.trim());
        }
    }
    parts
}

/// The dates in words, as `display_date` begins: `about 1994`, `24 December 1979 – 1989`.
pub fn date_words(date: Date, end: Option<Date>) -> String {
    match end {
        Some(end) if end != date => format!("{} – {}", date.long(), end.long()),
        _ => date.long(),
    }
}

/// Whether `text` holds the year of `date` as a number of its own (`138` in `138 BC`,
/// not in `1380`).
fn names_year(text: &str, date: Date) -> bool {
    let year = u64::from(date.year().unsigned_abs());
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|number| !number.is_empty())
        .any(|number| number.parse::<u64>().ok() == Some(year))
}

/// `display_date` (HTML), when the written dates alone would mislead: an approximate
/// date reads "about 1994"; an end known to the month or year, or a start written as its
/// first day (see [`span`]), is said in words, since TimelineJS would show the day; and a
/// date note follows the dates, since TimelineJS shows nothing else there. An imported
/// file's own display date (`display: 138 BC` in the note) is written back unchanged when
/// it names the year; else it follows the dates as the rest of a note does.
///
/// With a converted date (`24 Asad 1400 SH`), it follows the dates, before the note, and
/// there is always a `display_date`, the dates in words first.
pub fn display_date(
    date: Date,
    end: Option<Date>,
    note: Option<&str>,
    converted: Option<&str>,
) -> Option<String> {
    let NoteParts { display, rest, .. } = note_parts(date, end, note);
    let after = converted
        .map(|c| format!("{CALENDAR_SEPARATOR}{c}"))
        .unwrap_or_default();
    let mut rest = rest;
    if let Some(display) = display {
        if names_year(display, date) {
            let mut shown = format!("{display}{after}");
            if !rest.is_empty() && rest.chars().count() <= SHORT_NOTE {
                shown.push_str(NOTE_SEPARATOR);
                shown.push_str(&rest);
            }
            return Some(stripped_field(&shown));
        }
        let part = format!("{DISPLAY}{display}");
        rest = if rest.is_empty() {
            part
        } else {
            format!("{part}; {rest}")
        };
    }
    // A long note goes in the slide's text ([`text_note`]): the date line stays short.
    if rest.chars().count() > SHORT_NOTE {
        rest.clear();
    }
    let approximate = date.is_approximate() || end.is_some_and(Date::is_approximate);
    let end = end.filter(|e| !same_period(*e, date));
    let imprecise = end.is_some_and(|e| {
        e.day().is_none() || span(date, e).is_none_or(|(_, _, promoted)| promoted)
    });
    if !approximate && !imprecise && rest.is_empty() && converted.is_none() {
        return None;
    }
    let mut shown = date_words(date, end);
    shown.push_str(&after);
    if !rest.is_empty() {
        shown.push_str(NOTE_SEPARATOR);
        shown.push_str(&rest);
    }
    Some(stripped_field(&shown))
}

/// The longest note the date line carries after the dates; a longer one (the built-in
/// timeline's run to 294 characters) goes in the slide's text, so that the date line stays
/// a date: TimelineJS shows it above the headline and in the time markers' labels.
pub const SHORT_NOTE: usize = 80;

/// The note written in the slide's text instead of its date line: the part of the note
/// that would follow the dates, when it is longer than [`SHORT_NOTE`].
pub fn text_note(date: Date, end: Option<Date>, note: Option<&str>) -> Option<String> {
    let NoteParts { display, rest, .. } = note_parts(date, end, note);
    // A file's own display date that does not name the year follows the dates with the
    // rest of the note, as `display_date` writes it.
    let rest = match display {
        Some(display) if !names_year(display, date) && rest.is_empty() => {
            format!("{DISPLAY}{display}")
        }
        Some(display) if !names_year(display, date) => format!("{DISPLAY}{display}; {rest}"),
        _ => rest,
    };
    (rest.chars().count() > SHORT_NOTE).then_some(rest)
}

/// Text for a field TimelineJS strips of markup and then inserts as HTML: `& < >`
/// escaped for each reading, and nothing else, since the time markers' labels read it as
/// text after the first (a quote escaped twice is read out as `&quot;`).
pub fn stripped_field(text: &str) -> String {
    escape_text(&escape_text(text))
}

/// What TimelineJS shows of such a field, as plain text.
pub fn stripped_field_text(html: &str) -> String {
    strip(&strip(html))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        text.parse().expect("a date")
    }

    #[test]
    fn display_date_says_what_the_written_dates_cannot() {
        // date, end, date note, display_date
        type Row<'a> = (&'a str, Option<&'a str>, Option<&'a str>, Option<&'a str>);
        let table: [Row; 12] = [
            ("1979-12-24", None, None, None),
            ("1979-12-24", Some("1989-02-15"), None, None),
            ("~1994", None, None, Some("about 1994")),
            (
                "1979-12-24",
                Some("1989-02"),
                None,
                Some("24 December 1979 – February 1989"),
            ),
            (
                "2021",
                Some("2021-08-15"),
                None,
                Some("2021 – 15 August 2021"),
            ),
            ("1994", None, Some("Spring."), Some("1994 — Spring.")),
            ("-0138", None, Some("display: 138 BC"), Some("138 BC")),
            (
                "1994",
                None,
                Some("start: c. 1994; Odd"),
                Some("1994 — Odd"),
            ),
            // No end_date to show it on: the end's part stays on the date line.
            (
                "1994",
                None,
                Some("end: autumn"),
                Some("1994 — end: autumn"),
            ),
            (
                "1994-05-01",
                Some("1994-05-01"),
                Some("Odd; end: noon"),
                Some("1 May 1994 — Odd; end: noon"),
            ),
            // A display part that does not name the year follows the dates.
            (
                "1995",
                None,
                Some("display: the year of f"),
                Some("1995 — display: the year of f"),
            ),
            (
                "1995",
                None,
                Some("display: 19950"),
                Some("1995 — display: 19950"),
            ),
        ];
        for (date, end, note, shown) in table {
            let got = display_date(d(date), end.map(d), note, None);
            assert_eq!(got.as_deref(), shown, "{date} {end:?} {note:?}");
        }
    }

    #[test]
    fn note_parts_split_what_goes_back_to_the_dates() {
        let note = "display: 138 BC; start: spring; end: autumn; start time 10:00";
        let parts = note_parts(d("1994"), Some(d("1995")), Some(note));
        assert_eq!(parts.display, Some("138 BC"));
        assert_eq!(parts.start, Some("spring"));
        assert_eq!(parts.end, Some("autumn"));
        assert_eq!(parts.rest, "start time 10:00");
        // Without an end_date the end's part is the note's own, in its place.
        let parts = note_parts(d("1994"), None, Some("a; end: autumn; b"));
        assert_eq!(parts.end, None);
        assert_eq!(parts.rest, "a; end: autumn; b");
    }
}
