//! A stretch of days as a reader names it, in any of the calendars: what `--from`, `--to`,
//! the explorer's range and `:` jump, and a query's date words read.
//!
//! The forms: a timeline file's Gregorian date (`1979`, `1979-12`, `1979-12-24`,
//! `-0500`); a Solar Hijri or lunar Hijri one after `sh:` or `ah:` (`sh:1400`,
//! `sh:1400-05`, `sh:1400-05-24`, `ah:1443-01-07`); or a month word and a year, with a day
//! before them if wanted (`asad 1400`, `24 Asad 1400`, `dec 1979`, `muharram 1443`,
//! `اسد ۱۴۰۰`). A Hijri month or year is the whole of it in days, which no Gregorian
//! [`Date`] can say, hence this type: a first and a last day, and how it was named.

use std::fmt;

use chrono::NaiveDate;

use super::names::month_word;
use super::{Calendar, Hijri, Reckoning, month_name, parse_digits};
use crate::model::{Date, DateError, Precision};

/// Days from `first` to `last`, named in one calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Period {
    first: NaiveDate,
    last: NaiveDate,
    named: Named,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Named {
    Gregorian(Date),
    Hijri {
        reckoning: Reckoning,
        year: i32,
        month: Option<u8>,
        day: Option<u8>,
    },
}

/// Why a typed date was rejected: the message names the bad part and what would do.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PeriodError {
    #[error("{0}")]
    Gregorian(#[from] DateError),
    #[error("expected {0}:1400, {0}:1400-05 or {0}:1400-05-24")]
    Shape(&'static str),
    #[error("month {month} does not exist in the {calendar} calendar (months are 01 to 12)")]
    Month { calendar: &'static str, month: u32 },
    #[error("day {day} does not exist in {month} {year} {era}, which has {days} days{leap}")]
    Day {
        day: u32,
        month: &'static str,
        year: i32,
        era: &'static str,
        days: u8,
        leap: &'static str,
    },
    #[error("the {calendar} years run from 1 (622 CE) to 9999, not {year}")]
    Year { calendar: &'static str, year: i32 },
}

impl From<Date> for Period {
    fn from(date: Date) -> Period {
        Period {
            first: date.first_day(),
            last: date.last_day(),
            named: Named::Gregorian(date),
        }
    }
}

fn calendar_name(reckoning: Reckoning) -> &'static str {
    match reckoning {
        Reckoning::SolarHijri => "Solar Hijri",
        Reckoning::LunarHijri(_) => "lunar Hijri",
    }
}

impl Period {
    pub fn first_day(self) -> NaiveDate {
        self.first
    }

    pub fn last_day(self) -> NaiveDate {
        self.last
    }

    /// The Gregorian date it was typed as, if it was.
    pub fn gregorian(self) -> Option<Date> {
        match self.named {
            Named::Gregorian(date) => Some(date),
            Named::Hijri { .. } => None,
        }
    }

    /// A year, month or day of a Hijri calendar as days; a day or month that does not
    /// exist is an error naming it.
    pub fn hijri(
        reckoning: Reckoning,
        year: i32,
        month: Option<u8>,
        day: Option<u8>,
    ) -> Result<Period, PeriodError> {
        let calendar = calendar_name(reckoning);
        if !(1..=9999).contains(&year) {
            return Err(PeriodError::Year { calendar, year });
        }
        if let Some(m) = month.filter(|m| !(1..=12).contains(m)) {
            return Err(PeriodError::Month {
                calendar,
                month: m.into(),
            });
        }
        if let (Some(m), Some(d)) = (month, day) {
            let days = reckoning.month_days(year, m);
            if d == 0 || d > days {
                let leap = match (reckoning, m) {
                    (Reckoning::SolarHijri, 12) if days == 29 => " (it is not a leap year)",
                    (Reckoning::SolarHijri, 12) => " (it is a leap year)",
                    _ => "",
                };
                return Err(PeriodError::Day {
                    day: d.into(),
                    month: month_name(reckoning, super::Lang::Latin, m),
                    year,
                    era: reckoning.era(super::Lang::Latin),
                    days,
                    leap,
                });
            }
        }
        let at = |y: i32, m: u8, d: u8| reckoning.gregorian(y, m, d);
        let first = at(year, month.unwrap_or(1), day.unwrap_or(1));
        let last = match (month, day) {
            (Some(m), Some(d)) => at(year, m, d),
            (Some(12), None) | (None, _) => at(year + 1, 1, 1).and_then(|d| d.pred_opt()),
            (Some(m), None) => at(year, m + 1, 1).and_then(|d| d.pred_opt()),
        };
        // Year 9999's end lies past ICU4X's range: the last day that is.
        let last = last.or_else(|| first.map(|_| NaiveDate::MAX));
        match (first, last) {
            (Some(first), Some(last)) => Ok(Period {
                first,
                last,
                named: Named::Hijri {
                    reckoning,
                    year,
                    month,
                    day,
                },
            }),
            _ => Err(PeriodError::Year { calendar, year }),
        }
    }

    /// Reads a date in any of the forms (see the module); `hijri` is the lunar variant
    /// `ah:` and the lunar month words mean.
    pub fn parse(text: &str, hijri: Hijri) -> Result<Period, PeriodError> {
        let text = parse_digits(text.trim());
        let text = text.as_ref();
        let lower = text.to_lowercase();
        for (prefix, reckoning) in [
            ("sh:", Reckoning::SolarHijri),
            ("ah:", Reckoning::LunarHijri(hijri)),
        ] {
            if let Some(body) = lower.strip_prefix(prefix) {
                return numeric(body, reckoning, prefix.trim_end_matches(':'));
            }
        }
        // A Gregorian date as people write it before the common era: `44 BCE`.
        if lower.ends_with("bce") || lower.ends_with("bc") {
            return Ok(crate::model::typed_date(text)?.into());
        }
        if text.contains(char::is_whitespace) {
            return words(text, hijri);
        }
        Ok(crate::model::typed_date(text)?.into())
    }
}

/// `1400`, `1400-05`, `1400-05-24` after `sh:` or `ah:`.
fn numeric(body: &str, reckoning: Reckoning, prefix: &'static str) -> Result<Period, PeriodError> {
    let number = |s: &str, most: usize| {
        (!s.is_empty() && s.len() <= most && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
            .ok_or(PeriodError::Shape(prefix))
    };
    let mut parts = body.split('-');
    let year = number(parts.next().unwrap_or(""), 4)?;
    let month = parts.next().map(|m| number(m, 2)).transpose()?;
    let day = parts.next().map(|d| number(d, 2)).transpose()?;
    if parts.next().is_some() {
        return Err(PeriodError::Shape(prefix));
    }
    let small = |v: u32| u8::try_from(v).unwrap_or(u8::MAX);
    Period::hijri(
        reckoning,
        i32::try_from(year).unwrap_or(0),
        month.map(small),
        day.map(small),
    )
}

/// `asad 1400`, `24 asad 1400`, `dec 1979`, `rabi' al-awwal 1443`.
fn words(text: &str, hijri: Hijri) -> Result<Period, PeriodError> {
    let mut tokens: Vec<&str> = text.split_whitespace().collect();
    let shape = PeriodError::Gregorian(DateError::Shape);
    let year = tokens
        .pop()
        .filter(|y| (1..=4).contains(&y.len()) && y.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|y| y.parse::<i32>().ok())
        .ok_or(shape.clone())?;
    let day = match tokens.first() {
        Some(d) if tokens.len() > 1 && d.len() <= 2 && d.bytes().all(|b| b.is_ascii_digit()) => {
            let day = d.parse::<u8>().ok();
            tokens.remove(0);
            day
        }
        _ => None,
    };
    let month = tokens.join(" ");
    if let Some(m) = gregorian_month(&month) {
        let date = match day {
            Some(d) => Date::ymd(year, m, d.into()).ok_or(DateError::Day {
                year,
                month: m,
                day: d.into(),
            })?,
            None => format!("{year:04}-{m:02}").parse::<Date>()?,
        };
        return Ok(date.into());
    }
    let (calendar, m) = month_word(&month).ok_or(shape)?;
    let reckoning = if calendar == Calendar::SolarHijri {
        Reckoning::SolarHijri
    } else {
        Reckoning::LunarHijri(hijri)
    };
    Period::hijri(reckoning, year, Some(m), day)
}

/// A Gregorian month as a reader types it: the name or its first three letters (`sept`
/// too), any case, with an optional full stop.
pub(crate) fn gregorian_month(word: &str) -> Option<u32> {
    let word = word.strip_suffix('.').unwrap_or(word).to_lowercase();
    if word.len() < 3 {
        return None;
    }
    crate::model::date::MONTHS
        .iter()
        .position(|name| {
            let name = name.to_lowercase();
            name == word || (word.len() == 3 && name.starts_with(&word))
        })
        .or_else(|| (word == "sept").then_some(8))
        .and_then(|i| u32::try_from(i + 1).ok())
}

impl fmt::Display for Period {
    /// As it would be typed back: `1979-12`, `sh:1400-05`, `ah:1443-01-07`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.named {
            // `44 BCE`, not `-0044`: after a range's `..` a sign would read as a dash.
            Named::Gregorian(date) => f.write_str(&crate::model::typed_form(date)),
            Named::Hijri {
                reckoning,
                year,
                month,
                day,
            } => {
                let prefix = match reckoning {
                    Reckoning::SolarHijri => "sh",
                    Reckoning::LunarHijri(_) => "ah",
                };
                write!(f, "{prefix}:{year}")?;
                if let Some(m) = month {
                    write!(f, "-{m:02}")?;
                }
                if let Some(d) = day {
                    write!(f, "-{d:02}")?;
                }
                Ok(())
            }
        }
    }
}

impl Period {
    /// How precisely it was named.
    pub fn precision(self) -> Precision {
        match self.named {
            Named::Gregorian(date) => date.precision(),
            Named::Hijri { month: None, .. } => Precision::Year,
            Named::Hijri { day: None, .. } => Precision::Month,
            Named::Hijri { .. } => Precision::Day,
        }
    }
}
