//! Date ranges as a reader types and reads them: `1979..1989`, `1989-02..`, `..2001`, or
//! one date for its whole period. UI-free, so the explorer's `r` prompt and any other
//! front end parse and show a range the same way; the ends mean what `--from`/`--to` mean.

use crate::model::DateError;
use crate::model::calendar::{Hijri, Period, PeriodError};
// Typed text is quoted as file text is: a typed U+202E or C1 control must not reach the
// terminal from the status line.
use crate::sanitize::quote;

/// The ends of a range; `None` is open. Both `None`: no range at all.
pub type Range = (Option<Period>, Option<Period>);

/// Why a typed range was rejected, worded for the status line.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RangeError {
    /// One end is not a date; the end as typed, and why.
    #[error("{} is not a date: {}", quote(value), reason_words(reason))]
    Date { value: String, reason: PeriodError },
    /// Two dates joined the way a status line shows them (`1979–1989`) or with a hyphen
    /// (`1979-1989`), which would read as a month: what to type instead.
    #[error("write a range with two dots: {}", quote(.0))]
    Joined(String),
    /// Both ends given, the first after the second.
    #[error("'{from}' is after '{to}'; swap them")]
    Reversed { from: String, to: String },
}

/// Why a date was rejected, short enough for a status line beside the prompt.
fn reason_words(reason: &PeriodError) -> String {
    match reason {
        PeriodError::Gregorian(DateError::Shape) => {
            "write 1979, 1979-12, 1979-12-24, sh:1400-05 or asad 1400".to_owned()
        }
        other => other.to_string(),
    }
}

/// Parses a typed range, each end in any calendar (`sh:1400..sh:1401`), lunar Hijri
/// ends in the `hijri` calendar. Blank text is the empty range (no date filter).
///
/// # Errors
/// When an end is not a date, or the first end is after the second.
pub fn parse_range_in(text: &str, hijri: Hijri) -> Result<Range, RangeError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok((None, None));
    }
    let (from, to) = if let Some((from, to)) = text.split_once("..") {
        (end(from, hijri)?, end(to, hijri)?)
    } else {
        // One date: its whole period, as `1989` is the year 1989.
        let date = end(text, hijri).map_err(|e| joined(text, hijri).unwrap_or(e))?;
        (date, date)
    };
    if let (Some(f), Some(t)) = (from, to)
        && t.last_day() < f.first_day()
    {
        return Err(RangeError::Reversed {
            from: f.to_string(),
            to: t.to_string(),
        });
    }
    Ok((from, to))
}

/// `1979–1989` or `1979-1989` (not a date) as the range it means, when both sides are
/// dates: `1979..1989`.
fn joined(text: &str, hijri: Hijri) -> Option<RangeError> {
    let (from, to) = text
        .split_once('–')
        .or_else(|| text.rsplit_once('-').filter(|(f, _)| !f.is_empty()))?;
    let both = [from.trim(), to.trim()];
    both.iter()
        .all(|d| d.is_empty() || Period::parse(d, hijri).is_ok())
        .then(|| RangeError::Joined(format!("{}..{}", both[0], both[1])))
}

/// One end: blank is open.
fn end(text: &str, hijri: Hijri) -> Result<Option<Period>, RangeError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    Period::parse(text, hijri)
        .map(Some)
        .map_err(|reason| RangeError::Date {
            value: text.to_owned(),
            reason,
        })
}

/// [`parse_range_in`] in the Umm al-Qura calendar.
///
/// # Errors
/// As [`parse_range_in`].
pub fn parse_range(text: &str) -> Result<Range, RangeError> {
    parse_range_in(text, Hijri::default())
}

/// How a range reads in the status line: as it is typed at the prompt (`1979..1989`,
/// `1989-02..`, `..2001`, `..1 BCE`), `1989` for a single period; `None` when there is no
/// range. The same form as the prompt's, so that what the status shows can be typed; a
/// dash between the ends read as a sign beside a year before the common era (`–-0001`).
pub fn range_label(range: Range) -> Option<String> {
    Some(range_input(range)).filter(|s| !s.is_empty())
}

/// How a range is typed at the prompt (`1979..1989`): what `parse_range` reads back.
pub fn range_input((from, to): Range) -> String {
    match (from, to) {
        (None, None) => String::new(),
        (Some(f), Some(t)) if f == t => f.to_string(),
        (f, t) => format!(
            "{}..{}",
            f.map(|d| d.to_string()).unwrap_or_default(),
            t.map(|d| d.to_string()).unwrap_or_default()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<Period> {
        s.parse::<crate::model::Date>().ok().map(Period::from)
    }

    #[test]
    fn the_forms_a_reader_types() {
        assert_eq!(parse_range("1979..1989"), Ok((d("1979"), d("1989"))));
        assert_eq!(parse_range(" 1989-02.. "), Ok((d("1989-02"), None)));
        assert_eq!(parse_range("..2001"), Ok((None, d("2001"))));
        assert_eq!(parse_range("1989"), Ok((d("1989"), d("1989"))));
        assert_eq!(parse_range(""), Ok((None, None)));
        assert_eq!(parse_range(".."), Ok((None, None)));
        assert_eq!(parse_range("-0500..-0400"), Ok((d("-0500"), d("-0400"))));
    }

    #[test]
    fn bad_ranges_say_what_is_wrong() {
        let err = parse_range("19x9..").expect_err("not a date");
        assert_eq!(
            err.to_string(),
            "'19x9' is not a date: write 1979, 1979-12, 1979-12-24, sh:1400-05 or asad 1400"
        );
        let err = parse_range("1989..1979").expect_err("reversed");
        assert_eq!(err.to_string(), "'1989' is after '1979'; swap them");
        assert!(parse_range("1989-13..").is_err());
        // The status line's own form, or a hyphen, gets the form to type.
        for (typed, said) in [
            ("1979–1989", "'1979..1989'"),
            ("1979-1989", "'1979..1989'"),
            ("1989-02–", "'1989-02..'"),
            ("–2001", "'..2001'"),
        ] {
            let err = parse_range(typed).expect_err("not a range");
            assert_eq!(
                err.to_string(),
                format!("write a range with two dots: {said}")
            );
        }
        assert!(matches!(
            parse_range("1989-13"),
            Err(RangeError::Date { .. })
        ));
        assert!(parse_range("1979..1989..2001").is_err());
    }

    #[test]
    fn labels_and_inputs_round_trip() {
        for text in ["1979..1989", "1989-02..", "..2001", "1989", ""] {
            let range = parse_range(text).expect("parses");
            assert_eq!(range_input(range), text);
            assert_eq!(parse_range(&range_input(range)), Ok(range));
        }
        // The status line shows what is typed: no dash beside a minus sign (`–-0001`).
        assert_eq!(
            range_label((d("1979"), d("1989"))).as_deref(),
            Some("1979..1989")
        );
        assert_eq!(
            range_label((d("1989-02"), None)).as_deref(),
            Some("1989-02..")
        );
        assert_eq!(range_label((None, d("2001"))).as_deref(), Some("..2001"));
        assert_eq!(range_label((None, d("-0001"))).as_deref(), Some("..1 BCE"));
        assert_eq!(range_label((None, None)), None);
        assert_eq!(parse_range("..1 BCE"), Ok((None, d("-0001"))));
        assert_eq!(parse_range("44 BCE"), Ok((d("-0044"), d("-0044"))));
    }
}
