//! The calendar the ticks count in: the Gregorian, or the one the reader chose beside it
//! (Solar or lunar Hijri), with the day arithmetic the ticks need (a day's year, month and
//! day; the first day of a year or month) and their labels. A scale that begins before the
//! chosen calendar's year 1 counts in the Gregorian, as its dates are shown.

use chrono::{Datelike, NaiveDate};

use crate::model::calendar::{DateStyle, Lang, Reckoning, digits, month_name};
use crate::model::{astronomical, month_abbrev, written, year_words};

/// Which calendar ticks count in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reckoner {
    other: Option<(Reckoning, Lang)>,
}

impl Reckoner {
    pub const GREGORIAN: Reckoner = Reckoner { other: None };

    /// The style's calendar for a scale that begins on `start`.
    pub fn for_start(style: DateStyle, start: NaiveDate) -> Reckoner {
        let other = style
            .reckoning()
            .filter(|r| start >= r.epoch())
            .map(|r| (r, style.lang));
        Reckoner { other }
    }

    /// The year (as historians write Gregorian years), month 1–12 and day of `day`.
    pub fn ymd(self, day: NaiveDate) -> Option<(i32, u32, u32)> {
        match self.other {
            None => Some((written(day.year()), day.month(), day.day())),
            Some((r, _)) => r
                .day(day)
                .map(|d| (d.year, u32::from(d.month), u32::from(d.day))),
        }
    }

    /// The day of a year, month and day; the Gregorian has no year 0, whose day is AD 1's.
    pub fn day(self, year: i32, month: u32, day: u32) -> Option<NaiveDate> {
        match self.other {
            None => {
                NaiveDate::from_ymd_opt(astronomical(if year == 0 { 1 } else { year }), month, day)
            }
            Some((r, _)) => r.gregorian(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?),
        }
    }

    /// Days in a month.
    pub fn month_days(self, year: i32, month: u32) -> u32 {
        let next = if month == 12 {
            self.day(year + 1, 1, 1)
        } else {
            self.day(year, month + 1, 1)
        };
        match (self.day(year, month, 1), next) {
            (Some(a), Some(b)) => u32::try_from((b - a).num_days()).unwrap_or(30),
            _ => 30,
        }
    }

    /// The first of the month `n` months after the month of `day`.
    pub fn add_months(self, day: NaiveDate, n: u32) -> Option<NaiveDate> {
        let (y, m, _) = self.ymd(day)?;
        let months = i64::from(y) * 12 + i64::from(m - 1) + i64::from(n);
        let year = i32::try_from(months.div_euclid(12)).ok()?;
        let month = u32::try_from(months.rem_euclid(12)).ok()? + 1;
        self.day(year, month, 1)
    }

    fn month(self, month: u32) -> String {
        match self.other {
            None => month_abbrev(month).to_owned(),
            Some((r, lang)) => month_name(r, lang, u8::try_from(month).unwrap_or(0)).to_owned(),
        }
    }

    fn number(self, n: u32) -> String {
        match self.other {
            None => n.to_string(),
            Some((_, lang)) => digits(n, lang),
        }
    }

    /// A year's label: `1979`, `500 BCE`, `1358`, `۱۳۵۸`; a Gregorian year of the first
    /// millennium says `CE` (`100 CE`), since beside a month or on an axis of days a bare
    /// `100` would read as a day.
    pub fn year_label(self, year: i32) -> String {
        match self.other {
            None if (1..1000).contains(&year) => format!("{year} CE"),
            None => year_words(year),
            Some((_, lang)) => digits(year, lang),
        }
    }

    /// `24 Dec`, `24 Asad`.
    pub fn day_label(self, day: NaiveDate) -> String {
        self.ymd(day)
            .map(|(_, m, d)| format!("{} {}", self.number(d), self.month(m)))
            .unwrap_or_default()
    }

    /// `Dec 1979`, `Asad 1400`.
    pub fn month_label(self, day: NaiveDate) -> String {
        self.ymd(day)
            .map(|(y, m, _)| format!("{} {}", self.month(m), self.year_label(y)))
            .unwrap_or_default()
    }

    /// `24 Dec 1979`, `24 Asad 1400`.
    pub fn full_label(self, day: NaiveDate) -> String {
        self.ymd(day)
            .map(|(y, _, _)| format!("{} {}", self.day_label(day), self.year_label(y)))
            .unwrap_or_default()
    }
}
