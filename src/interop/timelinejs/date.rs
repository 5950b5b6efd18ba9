//! TimelineJS date objects ↔ timeline dates.
//!
//! TimelineJS implies precision by the finest part present (`{year}` is a year,
//! `{year, month}` a month …), which is exactly how a timeline date is written, so the
//! two map part for part. A negative `year` is a year before the common era on both
//! sides (`-500` ↔ `"-0500"`). What a timeline date cannot hold (a time of day) is
//! returned as text for the date note, never dropped.

use std::fmt::Write as _;

use serde_json::{Map, Value, json};

use super::shape::TjsDate;
use crate::model::Date;

/// A date read from TimelineJS, with the time of day that did not fit, if any.
#[derive(Debug)]
pub struct Read {
    pub date: Date,
    /// `14:30`, `14:30:05` or `14:30:05.250`.
    pub time: Option<String>,
    /// A `day` given without a `month`, which is ignored (TimelineJS would read January).
    pub day_without_month: bool,
    /// A day the month does not have (30 February), which TimelineJS rolls over into the
    /// next month; the date keeps the month instead.
    pub rolled_over: Option<i64>,
}

/// The date object for `date`, with only the parts its precision has.
pub fn write(date: Date) -> Value {
    let mut parts = Map::new();
    parts.insert("year".to_owned(), json!(date.year()));
    if let Some(month) = date.month() {
        parts.insert("month".to_owned(), json!(month));
    }
    if let Some(day) = date.day() {
        parts.insert("day".to_owned(), json!(day));
    }
    Value::Object(parts)
}

/// The date object for the last day of `date`'s period: how an end is written, since
/// TimelineJS reads `{year: 2026}` as 1 January 2026, not as the whole year.
pub fn write_end(date: Date) -> Value {
    day_json(date.last_day())
}

/// The date object for the first day of `date`'s period.
pub fn write_first_day(date: Date) -> Value {
    day_json(date.first_day())
}

fn day_json(day: chrono::NaiveDate) -> Value {
    use chrono::Datelike as _;
    // chrono counts astronomical years (1 BCE is 0); TimelineJS, as historians do (-1).
    let year = crate::model::written(day.year());
    json!({"year": year, "month": day.month(), "day": day.day()})
}

/// A start and an end as TimelineJS keeps them: the end as the last day of its period, the
/// start at its own precision unless the end agrees with it on every part the start has
/// (an end inside the start's period), which TimelineJS takes for a repeated start and
/// drops; then the start is written as its first day. `None` when the span is a single
/// day, which TimelineJS cannot hold as a start and a different end. The flag says whether
/// the start was written finer than it is known.
pub fn span(start: Date, end: Date) -> Option<(Value, Value, bool)> {
    if start.first_day() >= end.last_day() {
        return None;
    }
    let inside = end.first_day() >= start.first_day() && end.last_day() <= start.last_day();
    let written_start = if inside {
        write_first_day(start)
    } else {
        write(start)
    };
    let promoted = inside && start.day().is_none();
    Some((written_start, write_end(end), promoted))
}

/// Whether `shown`, read back from a file, is what the export wrote for the start
/// `recorded`: the same period, or its first day.
pub fn is_written_start(recorded: Date, shown: Date) -> bool {
    same_period(recorded, shown)
        || (shown.day().is_some() && shown.first_day() == recorded.first_day())
}

/// Whether `shown` is what the export wrote for the end `recorded`: the same period
/// (files written before ends were days), or its last day.
pub fn is_written_end(recorded: Date, shown: Date) -> bool {
    same_period(recorded, shown)
        || (shown.day().is_some() && shown.first_day() == recorded.last_day())
}

/// Whether two dates name the same period, whether or not they are approximate.
pub fn same_period(a: Date, b: Date) -> bool {
    (a.year(), a.month(), a.day()) == (b.year(), b.month(), b.day())
}

/// The end TimelineJS means by an `end_date` without a day: it reads `{year: 650}` as
/// 1 January 650 and `{year: 1989, month: 2}` as 1 February 1989, so the span ends with
/// the period before (the year 649, January 1989). TimelineJS's own adjacent eras
/// (600–650, 650–700) so stay adjacent instead of overlapping by a year. An end that
/// would then fall before the start is kept as written.
pub fn meant_end(start: Date, end: Date) -> Date {
    if end.day().is_some() {
        return end;
    }
    let year = end.year();
    let (year, month) = match end.month() {
        None => (year - 1, None),
        Some(1) => (year - 1, Some(12)),
        Some(m) => (year, Some(m - 1)),
    };
    let mut text = if year < 0 {
        format!("-{:04}", year.unsigned_abs())
    } else {
        format!("{year:04}")
    };
    if let Some(m) = month {
        let _ = write!(text, "-{m:02}");
    }
    match text.parse::<Date>() {
        Ok(before) if before.last_day() >= start.first_day() => {
            if end.is_approximate() {
                before.approximately()
            } else {
                before
            }
        }
        _ => end,
    }
}

/// Reads a date object; the error says which part is wrong and why.
pub fn read(date: &TjsDate) -> Result<Read, String> {
    let year = part("year", date.year.as_deref())?.ok_or("it has no year")?;
    if !(-9999..=9999).contains(&year) {
        return Err(format!(
            "year {year} is outside -9999 to 9999, the years a timeline file can hold"
        ));
    }
    let month = part("month", date.month.as_deref())?;
    let day = part("day", date.day.as_deref())?;
    if let Some(m) = month
        && !(1..=12).contains(&m)
    {
        return Err(format!("month {m} does not exist (months are 1 to 12)"));
    }
    let day_without_month = month.is_none() && day.is_some();
    let day = if day_without_month { None } else { day };
    if let Some(d) = day
        && !(1..=31).contains(&d)
    {
        return Err(format!("day {d} does not exist"));
    }
    let written = |parts: [Option<i64>; 2]| {
        let mut text = if year < 0 {
            format!("-{:04}", year.unsigned_abs())
        } else {
            format!("{year:04}")
        };
        for p in parts.into_iter().flatten() {
            let _ = write!(text, "-{p:02}");
        }
        text.parse::<Date>().map_err(|e| format!("{e}"))
    };
    let (parsed, rolled_over) = match written([month, day]) {
        Ok(parsed) => (parsed, None),
        Err(_) if day.is_some() => (written([month, None])?, day),
        Err(why) => return Err(why),
    };
    Ok(Read {
        date: parsed,
        time: time(date)?,
        day_without_month,
        rolled_over,
    })
}

/// The time of day, when any of its parts is given.
fn time(date: &TjsDate) -> Result<Option<String>, String> {
    let hour = part("hour", date.hour.as_deref())?;
    let minute = part("minute", date.minute.as_deref())?;
    let second = part("second", date.second.as_deref())?;
    let milli = part("millisecond", date.millisecond.as_deref())?;
    if hour.is_none() && minute.is_none() && second.is_none() && milli.is_none() {
        return Ok(None);
    }
    for (name, value, max) in [
        ("hour", hour, 23),
        ("minute", minute, 59),
        ("second", second, 59),
        ("millisecond", milli, 999),
    ] {
        if let Some(v) = value
            && !(0..=max).contains(&v)
        {
            return Err(format!("{name} {v} does not exist (0 to {max})"));
        }
    }
    let mut text = format!("{:02}:{:02}", hour.unwrap_or(0), minute.unwrap_or(0));
    if second.is_some() || milli.is_some() {
        let _ = write!(text, ":{:02}", second.unwrap_or(0));
    }
    if let Some(ms) = milli {
        let _ = write!(text, ".{ms:03}");
    }
    Ok(Some(text))
}

/// One part as a whole number; empty text is an absent part, as in TimelineJS.
fn part(name: &str, text: Option<&str>) -> Result<Option<i64>, String> {
    let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    // Numbers arrive as their JSON text: `1979`, or `1979.0` from some spreadsheets.
    let whole = text.strip_suffix(".0").unwrap_or(text);
    whole.parse::<i64>().map(Some).map_err(|_| {
        // A whole number all the same, only past what a date can hold: say so, rather
        // than that it is not one (`99999999999999999999`, or `1e+21` from a float).
        let digits = whole.strip_prefix('-').unwrap_or(whole);
        let integral = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
            || whole
                .parse::<f64>()
                .is_ok_and(|n| n.is_finite() && n.fract() == 0.0);
        let what = match (integral, whole.starts_with('-')) {
            (true, false) => "is too large",
            (true, true) => "is too small",
            (false, _) => "is not a whole number",
        };
        format!("{name} {} {what}", crate::sanitize::quote(text))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        text.parse().expect("a date")
    }

    #[test]
    fn span_writes_ends_as_last_days_and_lifts_a_start_that_holds_the_end() {
        let table = [
            // start, end, written start, written end, lifted
            (
                "1979-12-24",
                "1989-02",
                json!({"year": 1979, "month": 12, "day": 24}),
                json!({"year": 1989, "month": 2, "day": 28}),
                false,
            ),
            (
                "1979",
                "1980",
                json!({"year": 1979}),
                json!({"year": 1980, "month": 12, "day": 31}),
                false,
            ),
            (
                "2021",
                "2021-08-15",
                json!({"year": 2021, "month": 1, "day": 1}),
                json!({"year": 2021, "month": 8, "day": 15}),
                true,
            ),
            (
                "1994-06",
                "1994-06-30",
                json!({"year": 1994, "month": 6, "day": 1}),
                json!({"year": 1994, "month": 6, "day": 30}),
                true,
            ),
            (
                "1994",
                "1994",
                json!({"year": 1994, "month": 1, "day": 1}),
                json!({"year": 1994, "month": 12, "day": 31}),
                true,
            ),
            (
                "-0330",
                "-0323-06-10",
                json!({"year": -330}),
                json!({"year": -323, "month": 6, "day": 10}),
                false,
            ),
            (
                "2024-02",
                "2024",
                json!({"year": 2024, "month": 2}),
                json!({"year": 2024, "month": 12, "day": 31}),
                false,
            ),
        ];
        for (start, end, written_start, written_end, lifted) in table {
            let got = span(d(start), d(end));
            assert_eq!(
                got,
                Some((written_start, written_end, lifted)),
                "{start} .. {end}"
            );
        }
        // A single day cannot be a start and a different end.
        assert_eq!(span(d("1979"), d("1979-01-01")), None);
        assert_eq!(span(d("1979-12-24"), d("1979-12-24")), None);
    }

    #[test]
    fn written_dates_are_recognised_as_their_recorded_ones() {
        assert!(is_written_start(d("2021"), d("2021-01-01")));
        assert!(is_written_start(d("~2021"), d("2021")));
        assert!(!is_written_start(d("2021"), d("2021-01-02")));
        assert!(is_written_end(d("2026"), d("2026-12-31")));
        assert!(
            is_written_end(d("1989-02"), d("1989-02")),
            "files written before"
        );
        assert!(!is_written_end(d("2026"), d("2026-01-01")));
    }

    #[test]
    fn a_day_the_month_lacks_keeps_the_month() {
        let date = TjsDate {
            year: Some("2024".into()),
            month: Some("2".into()),
            day: Some("30".into()),
            ..TjsDate::default()
        };
        let read = read(&date).expect("reads");
        assert_eq!(read.date, d("2024-02"));
        assert_eq!(read.rolled_over, Some(30));
    }
}
