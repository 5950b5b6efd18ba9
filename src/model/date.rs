//! Calendar dates that keep their precision.
//!
//! A timeline date is written `"YYYY"`, `"YYYY-MM"` or `"YYYY-MM-DD"`, optionally prefixed
//! with `~` when it is approximate. `"1994"` means *some time in 1994*, not 1 January 1994,
//! so a [`Date`] is really an interval of days: [`Date::first_day`] ..= [`Date::last_day`].
//!
//! A `-` before the four year digits marks a year before the common era: `"-0500"` is
//! 500 BCE, and `"~-0500-03"` is about March 500 BCE. The number is kept as written, the way
//! TimelineJS reads `year: -500` (and shows it as "500 BCE"), so the two tools agree on
//! every year. There is no year `0000` (nor `-0000`): historians count 1 BCE, then AD 1.
//! Day arithmetic is chrono's proleptic Gregorian calendar on the astronomical year
//! (1 BCE is year 0 there, 2 BCE year -1), so an interval across the era boundary counts
//! historians' years: from 1 BCE to AD 1 is one year, not two.
//!
//! Two rules follow from that and are relied on across the crate:
//!
//! * **Ordering** (`Timeline` sorting) places an imprecise date at the *start* of its period:
//!   `"1979"` sorts together with `"1979-01-01"`. Events whose first days are equal keep their
//!   order in the file (the sort is stable), so an author controls ties by writing order.
//!   [`Ord`] on `Date` itself is a total order consistent with `Eq`: first day, then coarser
//!   precision first, then exact before approximate.
//! * **Range filters** use interval overlap: an event matches `--from A --to B` when its days
//!   `[first_day(date), last_day(end or date)]` intersect `[first_day(A), last_day(B)]`, so
//!   `--from 1979-12` includes an event dated `"1979"`.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};

/// How exactly a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Year,
    Month,
    Day,
}

impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Year => "year",
            Precision::Month => "month",
            Precision::Day => "day",
        }
    }
}

/// A date at year, month or day precision, possibly approximate.
///
/// Invariant: the fields name a real calendar period (month 1–12, a day that exists in that
/// month); `month`/`day` beyond the precision are 1, so the first day is always valid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
    precision: Precision,
    approximate: bool,
}

/// Why a date string was rejected; the message names the bad part and the expected form.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("expected a date like \"1979\", \"1979-12\" or \"1979-12-24\"")]
    Shape,
    #[error("month {0} does not exist (months are 01 to 12)")]
    Month(u32),
    #[error("day {day} does not exist in {}-{month:02}", year_digits(*.year))]
    Day { year: i32, month: u32, day: u32 },
    #[error("there is no year -0000; the first year before the common era is -0001")]
    NegativeZero,
    #[error("there is no year 0000; the year before 0001 is 1 BCE, written -0001")]
    YearZero,
}

/// The astronomical year chrono counts with, for a year as written (`-0001` is year 0).
pub(crate) fn astronomical(year: i32) -> i32 {
    if year < 0 { year + 1 } else { year }
}

/// The year as written, for chrono's astronomical year.
pub(crate) fn written(astronomical: i32) -> i32 {
    if astronomical <= 0 {
        astronomical - 1
    } else {
        astronomical
    }
}

/// A year as a file writes it: four digits, with a leading `-` before the common era.
fn year_digits(year: i32) -> String {
    if year < 0 {
        format!("-{:04}", year.unsigned_abs())
    } else {
        format!("{year:04}")
    }
}

/// A year for people: `1979`, or `500 BCE` before the common era.
pub(crate) fn year_words(year: i32) -> String {
    if year < 0 {
        format!("{} BCE", year.unsigned_abs())
    } else {
        year.to_string()
    }
}

/// A month's three-letter name (`Dec`), for 1–12; empty otherwise.
pub(crate) fn month_abbrev(month: u32) -> &'static str {
    month
        .checked_sub(1)
        .and_then(|m| MONTHS.get(m as usize))
        .and_then(|m| m.get(..3))
        .unwrap_or("")
}

pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Date {
    /// A day-precision date, the year as written (`-0044` is 44 BCE); `None` when the
    /// day does not exist or the year is 0.
    pub fn ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        if year == 0 {
            return None;
        }
        NaiveDate::from_ymd_opt(astronomical(year), month, day)
            .map(|d| Date::from_naive(d, Precision::Day))
    }

    fn from_naive(d: NaiveDate, precision: Precision) -> Date {
        Date {
            year: written(d.year()),
            month: u8::try_from(d.month()).unwrap_or(1),
            day: u8::try_from(d.day()).unwrap_or(1),
            precision,
            approximate: false,
        }
    }

    pub fn year(self) -> i32 {
        self.year
    }

    /// The month (1–12) when the precision is at least a month.
    pub fn month(self) -> Option<u32> {
        (self.precision >= Precision::Month).then_some(u32::from(self.month))
    }

    /// The day of the month when the precision is a day.
    pub fn day(self) -> Option<u32> {
        (self.precision == Precision::Day).then_some(u32::from(self.day))
    }

    pub fn precision(self) -> Precision {
        self.precision
    }

    pub fn is_approximate(self) -> bool {
        self.approximate
    }

    /// The same period, marked approximate.
    #[must_use]
    pub fn approximately(self) -> Date {
        Date {
            approximate: true,
            ..self
        }
    }

    /// The first calendar day of the period this date names.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(
            astronomical(self.year),
            u32::from(self.month),
            u32::from(self.day),
        )
        .unwrap_or(NaiveDate::MIN)
    }

    /// The last calendar day of the period this date names.
    pub fn last_day(self) -> NaiveDate {
        let first = self.first_day();
        match self.precision {
            Precision::Day => first,
            Precision::Month => first
                .checked_add_months(chrono::Months::new(1))
                .and_then(|d| d.pred_opt())
                .unwrap_or(NaiveDate::MAX),
            Precision::Year => {
                NaiveDate::from_ymd_opt(astronomical(self.year), 12, 31).unwrap_or(NaiveDate::MAX)
            }
        }
    }

    /// Days since the common era of the first day: the key timelines are sorted by.
    pub fn sort_key(self) -> i32 {
        day_number(self.first_day())
    }

    /// The form written in timeline files, e.g. `~1994` or `1979-12-24`.
    pub fn iso(self) -> String {
        self.to_string()
    }

    /// Short human form at its precision: `1979`, `Dec 1979`, `24 Dec 1979`, `~1994`,
    /// `500 BCE`.
    pub fn short(self) -> String {
        let tilde = if self.approximate { "~" } else { "" };
        let month = MONTHS[usize::from(self.month - 1)].get(..3).unwrap_or("");
        let year = year_words(self.year);
        match self.precision {
            Precision::Year => format!("{tilde}{year}"),
            Precision::Month => format!("{tilde}{month} {year}"),
            Precision::Day => format!("{tilde}{} {month} {year}", self.day),
        }
    }

    /// The width of [`Date::short`] in columns, without building it: a list sizes its
    /// date column for the widest date of a timeline (`~31 Dec 9999 BCE` is 16).
    pub fn short_width(self) -> usize {
        let digits = |n: u32| n.checked_ilog10().map_or(1, |l| l as usize + 1);
        let bce = if self.year < 0 { " BCE".len() } else { 0 };
        let year = digits(self.year.unsigned_abs()) + bce;
        let before = match self.precision {
            Precision::Year => 0,
            Precision::Month => "Dec ".len(),
            Precision::Day => digits(u32::from(self.day)) + " Dec ".len(),
        };
        usize::from(self.approximate) + before + year
    }

    /// Long human form: `24 December 1979`, `December 1979`, `about 1994`,
    /// `15 March 44 BCE`.
    pub fn long(self) -> String {
        let about = if self.approximate { "about " } else { "" };
        let month = MONTHS[usize::from(self.month - 1)];
        let year = year_words(self.year);
        match self.precision {
            Precision::Year => format!("{about}{year}"),
            Precision::Month => format!("{about}{month} {year}"),
            Precision::Day => format!("{about}{} {month} {year}", self.day),
        }
    }
}

impl Ord for Date {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.sort_key(), self.precision, self.approximate).cmp(&(
            other.sort_key(),
            other.precision,
            other.approximate,
        ))
    }
}

impl PartialOrd for Date {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.approximate {
            f.write_str("~")?;
        }
        f.write_str(&year_digits(self.year))?;
        if self.precision >= Precision::Month {
            write!(f, "-{:02}", self.month)?;
        }
        if self.precision == Precision::Day {
            write!(f, "-{:02}", self.day)?;
        }
        Ok(())
    }
}

/// Parses exactly `N` ASCII digits.
fn digits(s: &str, n: usize) -> Result<u32, DateError> {
    if s.len() == n && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().map_err(|_| DateError::Shape)
    } else {
        Err(DateError::Shape)
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (approximate, rest) = match s.strip_prefix('~') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let (negative, rest) = match rest.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, rest),
        };
        let mut parts = rest.split('-');
        let year = digits(parts.next().unwrap_or(""), 4)?;
        let month = parts.next().map(|m| digits(m, 2)).transpose()?;
        let day = parts.next().map(|d| digits(d, 2)).transpose()?;
        if parts.next().is_some() {
            return Err(DateError::Shape);
        }
        let year = i32::try_from(year).map_err(|_| DateError::Shape)?;
        let year = match (negative, year) {
            (true, 0) => return Err(DateError::NegativeZero),
            (false, 0) => return Err(DateError::YearZero),
            (true, y) => -y,
            (false, y) => y,
        };
        if let Some(m) = month
            && !(1..=12).contains(&m)
        {
            return Err(DateError::Month(m));
        }
        let precision = match (month, day) {
            (None, _) => Precision::Year,
            (Some(_), None) => Precision::Month,
            (Some(_), Some(_)) => Precision::Day,
        };
        let (m, d) = (month.unwrap_or(1), day.unwrap_or(1));
        let naive = NaiveDate::from_ymd_opt(astronomical(year), m, d).ok_or(DateError::Day {
            year,
            month: m,
            day: d,
        })?;
        Ok(Date {
            approximate,
            ..Date::from_naive(naive, precision)
        })
    }
}

/// The calendar interval between two days, as years, months and days (`+9 y 1 m`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Interval {
    pub years: u32,
    pub months: u32,
    pub days: u32,
}

impl Interval {
    /// From `from` to `to` (`to` not before `from`; otherwise zero).
    pub fn between(from: NaiveDate, to: NaiveDate) -> Interval {
        if to <= from {
            return Interval {
                years: 0,
                months: 0,
                days: 0,
            };
        }
        let mut months = (to.year() - from.year()) * 12 + to.month0().cast_signed()
            - from.month0().cast_signed();
        // Step back a month when the day of month has not been reached yet.
        let shifted = |m: i32| from.checked_add_months(chrono::Months::new(m.unsigned_abs()));
        while months > 0 && shifted(months).is_none_or(|d| d > to) {
            months -= 1;
        }
        let anchor = shifted(months).unwrap_or(from);
        let days = u32::try_from((to - anchor).num_days()).unwrap_or(0);
        let months = months.unsigned_abs();
        Interval {
            years: months / 12,
            months: months % 12,
            days,
        }
    }

    /// How long something from `first` to `last` lasted, both days counted, as ranges
    /// are everywhere else: 24–25 December 1979 lasted 2 days.
    pub fn inclusive(first: NaiveDate, last: NaiveDate) -> Interval {
        Interval::between(first, last.succ_opt().unwrap_or(last))
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Days are noise next to years: "+9 y 1 m", "+3 m 12 d", "+5 d".
        match (self.years, self.months, self.days) {
            (0, 0, d) => write!(f, "+{d} d"),
            (0, m, 0) => write!(f, "+{m} m"),
            (0, m, d) => write!(f, "+{m} m {d} d"),
            (y, 0, _) => write!(f, "+{y} y"),
            (y, m, _) => write!(f, "+{y} y {m} m"),
        }
    }
}

/// A calendar day as a number, days since the common era: what sorting, range filters and
/// the time axis compare.
pub fn day_number(day: NaiveDate) -> i32 {
    day.num_days_from_ce()
}

/// A date as a reader types it (at `r`, `:`, `--from`): the file's form (`1979-12`,
/// `-0044-03-15`), or a date before the common era as people write it, `44 BCE`, `44 BC`,
/// `44-03-15 BCE`, the year without leading zeros.
///
/// # Errors
/// Why it is not a date, as the file's form would say.
pub fn typed_date(text: &str) -> Result<Date, DateError> {
    let text = text.trim();
    let lower = text.to_ascii_lowercase();
    let Some(rest) = lower
        .strip_suffix("bce")
        .or_else(|| lower.strip_suffix("bc"))
    else {
        return text.parse();
    };
    let rest = rest.trim_end();
    let (approximate, rest) = rest.strip_prefix('~').map_or((false, rest), |r| (true, r));
    let (year, more) = rest.split_once('-').unwrap_or((rest, ""));
    if year.is_empty() || year.len() > 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DateError::Shape);
    }
    let tilde = if approximate { "~" } else { "" };
    let more = if more.is_empty() {
        String::new()
    } else {
        format!("-{more}")
    };
    format!("{tilde}-{year:0>4}{more}").parse()
}

/// How [`typed_date`] reads a date back: the file's form, but a year before the common era
/// as `44 BCE` (`-0001` after a range's `..` or `–` reads as a sign of its own).
pub fn typed_form(date: Date) -> String {
    if date.year() < 0 && date.month().is_none() {
        let tilde = if date.is_approximate() { "~" } else { "" };
        format!("{tilde}{} BCE", date.year().unsigned_abs())
    } else {
        date.to_string()
    }
}

#[cfg(test)]
mod width_tests {
    use super::Date;

    #[test]
    fn short_width_is_the_width_of_short() {
        for text in [
            "1979",
            "~1994",
            "1979-12",
            "1979-12-24",
            "1979-12-05",
            "~1979-12-05",
            "-0044",
            "-0044-03-15",
            "~-9999-12-31",
            "9999-12-31",
            "0001",
            "-0001-01",
            "0999-01-01",
        ] {
            let date: Date = text.parse().expect("a date");
            assert_eq!(date.short_width(), date.short().chars().count(), "{text}");
        }
    }
}
