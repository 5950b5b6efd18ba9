//! The region's calendars beside the Gregorian: the Solar Hijri calendar, Afghanistan's
//! official one, and the lunar Hijri calendar in its Umm al-Qura and tabular variants.
//!
//! The arithmetic is ICU4X's (`icu_calendar`), never leap rules of our own: its Persian
//! calendar is the 33-year rule with a table of corrections that matches the astronomical
//! calendar (vernal equinox at the 52.5° E meridian) from 1178 to 3000 SH; its Umm
//! al-Qura calendar is KACST's published table for 1300–1600 AH and the tabular one
//! outside it; the tabular calendar is the civil one (epoch Friday 16 July 622 Julian,
//! leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29 of each 30).
//!
//! Days cross between the calendars as chrono's day numbers, which count from 1 January
//! of AD 1 like ICU4X's Rata Die. A day before a calendar's year 1 has no date in it: such
//! dates are shown in the Gregorian calendar only (see [`show`]), never as year 0 or -5.

mod names;
mod period;
mod show;

use chrono::NaiveDate;
use icu_calendar::cal::hijri::{TabularAlgorithmEpoch, TabularAlgorithmLeapYears};
use icu_calendar::cal::{Hijri as IcuHijri, Persian};
use icu_calendar::types::RataDie;

pub use names::{Lang, digits, month_name, parse_digits};
pub use period::{Period, PeriodError};
pub use show::{
    COMPUTED_BACK, COMPUTED_BACK_SHORT, Form, beside, column_date, computed_back, show,
};

/// Which lunar Hijri calendar: the table Saudi Arabia publishes, or the arithmetic one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Hijri {
    #[default]
    UmmAlQura,
    Tabular,
}

impl Hijri {
    /// The name a date is followed by: `(Umm al-Qura)`.
    pub fn label(self) -> &'static str {
        match self {
            Hijri::UmmAlQura => "Umm al-Qura",
            Hijri::Tabular => "tabular",
        }
    }
}

/// The calendar dates are shown in, beside the Gregorian one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Calendar {
    #[default]
    Gregorian,
    SolarHijri,
    LunarHijri,
}

impl Calendar {
    pub const ALL: [Calendar; 3] = [
        Calendar::Gregorian,
        Calendar::SolarHijri,
        Calendar::LunarHijri,
    ];

    /// As the flag takes it: `solar-hijri`.
    pub fn name(self) -> &'static str {
        match self {
            Calendar::Gregorian => "gregorian",
            Calendar::SolarHijri => "solar-hijri",
            Calendar::LunarHijri => "lunar-hijri",
        }
    }

    /// The next one in [`Calendar::ALL`], round: what the explorer's key moves to.
    #[must_use]
    pub fn next(self) -> Calendar {
        match self {
            Calendar::Gregorian => Calendar::SolarHijri,
            Calendar::SolarHijri => Calendar::LunarHijri,
            Calendar::LunarHijri => Calendar::Gregorian,
        }
    }
}

/// How dates are written: in which calendar beside the Gregorian, which lunar Hijri
/// variant, and in which language the months of the converted date are named. Given once,
/// on the command line, and handed to every formatter and to the explorer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct DateStyle {
    pub calendar: Calendar,
    pub hijri: Hijri,
    pub lang: Lang,
}

impl DateStyle {
    /// The converting calendar, or `None` for the Gregorian alone.
    pub fn reckoning(self) -> Option<Reckoning> {
        match self.calendar {
            Calendar::Gregorian => None,
            Calendar::SolarHijri => Some(Reckoning::SolarHijri),
            Calendar::LunarHijri => Some(Reckoning::LunarHijri(self.hijri)),
        }
    }

    /// The same, in another calendar.
    #[must_use]
    pub fn with_calendar(self, calendar: Calendar) -> DateStyle {
        DateStyle { calendar, ..self }
    }
}

/// A calendar that converts: what the arithmetic below takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Reckoning {
    SolarHijri,
    LunarHijri(Hijri),
}

/// A day in a converting calendar: year, month 1–12, day of the month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CalendarDay {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

const UMM_AL_QURA: IcuHijri<icu_calendar::cal::hijri::UmmAlQura> = IcuHijri::new_umm_al_qura();
const TABULAR: IcuHijri<icu_calendar::cal::hijri::TabularAlgorithm> = IcuHijri::new_tabular(
    TabularAlgorithmLeapYears::TypeII,
    TabularAlgorithmEpoch::Friday,
);

fn rata_die(day: NaiveDate) -> RataDie {
    RataDie::new(i64::from(chrono::Datelike::num_days_from_ce(&day)))
}

fn from_rata_die(rd: RataDie) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(rd.to_i64_date()).ok()?)
}

fn fields<A: icu_calendar::AsCalendar>(date: &icu_calendar::Date<A>) -> CalendarDay {
    CalendarDay {
        year: date.year().extended_year(),
        month: date.month().ordinal,
        day: date.day_of_month().0,
    }
}

impl Reckoning {
    /// The date of `day` in this calendar; `None` before its year 1 (622 CE), where
    /// nobody counted in it.
    pub fn day(self, day: NaiveDate) -> Option<CalendarDay> {
        let rd = rata_die(day);
        let found = match self {
            Reckoning::SolarHijri => fields(&icu_calendar::Date::from_rata_die(rd, Persian)),
            Reckoning::LunarHijri(Hijri::UmmAlQura) => {
                fields(&icu_calendar::Date::from_rata_die(rd, UMM_AL_QURA))
            }
            Reckoning::LunarHijri(Hijri::Tabular) => {
                fields(&icu_calendar::Date::from_rata_die(rd, TABULAR))
            }
        };
        (found.year >= 1).then_some(found)
    }

    /// The Gregorian day of a date in this calendar; `None` when there is no such date
    /// (month 13, the 30th of a 29-day month) or it is outside years 1–9999.
    pub fn gregorian(self, year: i32, month: u8, day: u8) -> Option<NaiveDate> {
        if !(1..=9999).contains(&year) {
            return None;
        }
        let (y, m) = (year.into(), icu_calendar::types::Month::new(month));
        let rd = match self {
            Reckoning::SolarHijri => icu_calendar::Date::try_new(y, m, day, Persian)
                .ok()?
                .to_rata_die(),
            Reckoning::LunarHijri(Hijri::UmmAlQura) => {
                icu_calendar::Date::try_new(y, m, day, UMM_AL_QURA)
                    .ok()?
                    .to_rata_die()
            }
            Reckoning::LunarHijri(Hijri::Tabular) => {
                icu_calendar::Date::try_new(y, m, day, TABULAR)
                    .ok()?
                    .to_rata_die()
            }
        };
        from_rata_die(rd)
    }

    /// Days in a month of a year (29 to 31); 0 when there is no such month.
    pub fn month_days(self, year: i32, month: u8) -> u8 {
        if !(1..=12).contains(&month) {
            return 0;
        }
        let Some(first) = self.gregorian(year, month, 1) else {
            return 0;
        };
        let next = if month == 12 {
            self.gregorian(year + 1, 1, 1)
        } else {
            self.gregorian(year, month + 1, 1)
        };
        next.and_then(|n| u8::try_from((n - first).num_days()).ok())
            .unwrap_or(0)
    }

    /// The first day of the year 1: before it, a day has no date in this calendar.
    pub fn epoch(self) -> NaiveDate {
        self.gregorian(1, 1, 1).unwrap_or(NaiveDate::MIN)
    }

    /// The mark after a year: `SH`, `AH`, or its Arabic-script form.
    pub fn era(self, lang: Lang) -> &'static str {
        names::era(self, lang)
    }

    pub fn calendar(self) -> Calendar {
        match self {
            Reckoning::SolarHijri => Calendar::SolarHijri,
            Reckoning::LunarHijri(_) => Calendar::LunarHijri,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a day")
    }

    #[test]
    fn days_go_there_and_back() {
        for reckoning in [
            Reckoning::SolarHijri,
            Reckoning::LunarHijri(Hijri::UmmAlQura),
            Reckoning::LunarHijri(Hijri::Tabular),
        ] {
            let mut day = ymd(700, 1, 1);
            while day < ymd(2100, 1, 1) {
                let d = reckoning.day(day).expect("after the epoch");
                assert_eq!(reckoning.gregorian(d.year, d.month, d.day), Some(day));
                day += chrono::Duration::days(97);
            }
            assert_eq!(reckoning.day(reckoning.epoch()).map(|d| d.year), Some(1));
            let before = reckoning.epoch().pred_opt().expect("a day before");
            assert_eq!(reckoning.day(before), None);
        }
    }

    #[test]
    fn impossible_dates_have_no_day() {
        let sh = Reckoning::SolarHijri;
        assert_eq!(sh.gregorian(1400, 13, 1), None);
        assert_eq!(sh.gregorian(1400, 12, 30), None);
        assert!(sh.gregorian(1399, 12, 30).is_some());
        assert_eq!(sh.gregorian(0, 1, 1), None);
        assert_eq!(sh.month_days(1400, 12), 29);
        assert_eq!(sh.month_days(1399, 12), 30);
        assert_eq!(sh.month_days(1400, 1), 31);
        assert_eq!(sh.month_days(1400, 13), 0);
    }
}
