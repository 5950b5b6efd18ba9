//! A timeline date written in a converting calendar, at its own precision and no finer.
//!
//! A Gregorian month or year never lines up with a Solar Hijri one, so a month-precision
//! date names the parts of the months it covers (`March 2011` is `Hut 1389 – Hamal 1390
//! SH`) and a year the years (`1919` is `1297–1298 SH`): no day is invented. An
//! approximate date keeps its `~`. A period that begins before the calendar's year 1, or
//! before the common era, has no converted form: it is shown in the Gregorian only.

use chrono::NaiveDate;

use super::names::short_month_name;
use super::{CalendarDay, DateStyle, Lang, Reckoning, digits, month_name};
use crate::model::{Date, Precision};

/// How much of the calendar's name a converted date carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// `24 Asad 1400`, `7 Muh. 1443`: where the screen names the calendar already and room
    /// is short (the list's column), the lunar months abbreviated.
    Bare,
    /// `24 Asad 1400 SH`, `7 Muharram 1443 AH`.
    Short,
    /// `7 Muharram 1443 AH (Umm al-Qura)`: the lunar variant named.
    Long,
}

/// Solar Hijri days before 1 Hamal 1336 (21 March 1957), when Afghanistan fixed the
/// months' lengths, are counted back with today's rules.
const FIXED_FROM: (i32, u8, u8) = (1336, 1, 1);

/// The same, short enough for one line of the explorer's detail pane.
pub const COMPUTED_BACK_SHORT: &str = "computed back (Afghanistan fixed its months in 1957)";

/// The note that goes with a Solar Hijri date computed back.
pub const COMPUTED_BACK: &str = "Solar Hijri dates before 1336 SH (1957), when Afghanistan \
fixed the lengths of its months, are computed back with today's rules, not what \
contemporaries wrote";

/// The days a date covers, as converted days; `None` before the calendar's epoch.
fn span(date: Date, reckoning: Reckoning) -> Option<(CalendarDay, CalendarDay)> {
    let (first, last) = (date.first_day(), date.last_day());
    if date.year() < 1 || first < reckoning.epoch() {
        return None;
    }
    Some((reckoning.day(first)?, reckoning.day(last)?))
}

/// One date in the calendar, without its era mark: `24 Asad 1400`, `Hut 1389 – Hamal
/// 1390`, `Saratan – Asad 1400`, `1297–1298`, with `~` when approximate.
fn bare(date: Date, reckoning: Reckoning, lang: Lang, form: Form) -> Option<String> {
    let (a, b) = span(date, reckoning)?;
    let month = |m: u8| {
        if form == Form::Bare {
            short_month_name(reckoning, lang, m)
        } else {
            month_name(reckoning, lang, m)
        }
    };
    let n = |v: i32| digits(v, lang);
    let text = match date.precision() {
        Precision::Day => format!("{} {} {}", n(a.day.into()), month(a.month), n(a.year)),
        Precision::Month if (a.year, a.month) == (b.year, b.month) => {
            format!("{} {}", month(a.month), n(a.year))
        }
        Precision::Month if a.year == b.year => {
            format!("{} – {} {}", month(a.month), month(b.month), n(a.year))
        }
        Precision::Month => format!(
            "{} {} – {} {}",
            month(a.month),
            n(a.year),
            month(b.month),
            n(b.year)
        ),
        Precision::Year if a.year == b.year => n(a.year),
        Precision::Year => format!("{}–{}", n(a.year), n(b.year)),
    };
    let tilde = if date.is_approximate() { "~" } else { "" };
    Some(format!("{tilde}{text}"))
}

/// An event's date (and end) in the style's calendar, in `form`; `None` in the Gregorian
/// style, and when the period begins before the calendar's year 1.
pub fn show(date: Date, end: Option<Date>, style: DateStyle, form: Form) -> Option<String> {
    let reckoning = style.reckoning()?;
    let lang = style.lang;
    let mut text = bare(date, reckoning, lang, form)?;
    if let Some(end) = end.filter(|e| *e != date) {
        text.push_str(" – ");
        text.push_str(&bare(end, reckoning, lang, form)?);
    }
    if form != Form::Bare {
        text.push(' ');
        text.push_str(reckoning.era(lang));
    }
    if let (Form::Long, Reckoning::LunarHijri(variant)) = (form, reckoning) {
        text.push_str(" (");
        text.push_str(variant.label());
        text.push(')');
    }
    Some(text)
}

/// A date as the explorer's list gives it: in the style's calendar without its era mark
/// (the status line names the calendar), else the Gregorian short form.
pub fn column_date(date: Date, style: DateStyle) -> String {
    show(date, None, style, Form::Bare).unwrap_or_else(|| date.short())
}

/// Both dates, as `show` and the detail pane give them: `15 August 2021 · 24 Asad 1400
/// SH`; the Gregorian alone when there is no converted date.
pub fn beside(date: Date, end: Option<Date>, style: DateStyle) -> String {
    let mut gregorian = date.long();
    if let Some(end) = end.filter(|e| *e != date) {
        gregorian.push_str(" – ");
        gregorian.push_str(&end.long());
    }
    match show(date, end, style, Form::Long) {
        Some(converted) => format!("{gregorian} · {converted}"),
        None => gregorian,
    }
}

/// Whether a date shown in the style's calendar is a Solar Hijri date computed back from
/// before Afghanistan fixed its months (see [`COMPUTED_BACK`]).
pub fn computed_back(date: Date, style: DateStyle) -> bool {
    let Some(Reckoning::SolarHijri) = style.reckoning() else {
        return false;
    };
    let (y, m, d) = FIXED_FROM;
    let fixed = Reckoning::SolarHijri
        .gregorian(y, m, d)
        .unwrap_or(NaiveDate::MIN);
    span(date, Reckoning::SolarHijri).is_some() && date.first_day() < fixed
}
