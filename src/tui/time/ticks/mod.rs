//! Axis ticks at round steps for the zoom (centuries, decades, years, months, days), with
//! labels in the dates' human form: `1979`, `500 BCE`, `Dec 1979`, `24 Dec`.
//!
//! The step is the finest one whose labels still have room between two ticks, so the
//! number of ticks is bounded by the width, never by the days shown.

use chrono::NaiveDate;

use super::Scale;
pub use super::reckon::Reckoner;
use crate::model::day_number;
use crate::tui::text::width;

/// The distance between two ticks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Days of the month `1, 1 + n, 1 + 2n, …`.
    Days(u32),
    /// Months `Jan, Jan + n, …` (n divides 12).
    Months(u32),
    /// Years that are multiples of n.
    Years(i32),
}

/// Every step, finest first.
///
/// A column is a day at the deepest zoom and a day label (`24 Dec`) needs nine columns
/// with its spaces, so ten days is the finest step that can be labelled.
const STEPS: [Step; 24] = [
    Step::Days(10),
    Step::Days(15),
    Step::Months(1),
    Step::Months(2),
    Step::Months(3),
    Step::Months(6),
    Step::Years(1),
    Step::Years(2),
    Step::Years(5),
    Step::Years(10),
    Step::Years(20),
    Step::Years(25),
    Step::Years(50),
    Step::Years(100),
    Step::Years(200),
    Step::Years(250),
    Step::Years(500),
    Step::Years(1000),
    Step::Years(2000),
    Step::Years(5000),
    Step::Years(10_000),
    Step::Years(20_000),
    Step::Years(50_000),
    Step::Years(100_000),
];

impl Step {
    /// Roughly how many days apart its ticks are.
    fn days(self) -> i64 {
        match self {
            Step::Days(n) => i64::from(n),
            Step::Months(n) => i64::from(n) * 30,
            Step::Years(n) => i64::from(n) * 365,
        }
    }

    /// The label of a tick on `day` at this step, in the calendar the ticks count in.
    pub fn label(self, day: NaiveDate, cal: Reckoner) -> String {
        match self {
            Step::Days(_) => cal.day_label(day),
            Step::Months(_) => cal.month_label(day),
            Step::Years(_) => cal
                .ymd(day)
                .map(|(y, _, _)| cal.year_label(y))
                .unwrap_or_default(),
        }
    }
}

/// One tick: its column and label (`None` when the label has no room there).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tick {
    pub col: u16,
    pub label: Option<String>,
}

fn date_of(day: i64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(day).ok()?)
}

/// The finest step whose labels fit between its ticks with room to spare.
pub fn choose_step(scale: &Scale, cal: Reckoner) -> Step {
    let sample = date_of(scale.start).unwrap_or_default();
    let last = date_of(scale.end() - 1).unwrap_or_default();
    STEPS
        .into_iter()
        .find(|step| {
            let label = width(&step.label(sample, cal)).max(width(&step.label(last, cal)));
            let room = step.days() * i64::from(scale.width) / scale.span.max(1);
            // Three spaces between labels at the least, so that they read as separate.
            room >= i64::try_from(label).unwrap_or(i64::MAX) + 3
        })
        .unwrap_or(Step::Years(100_000))
}

/// The first tick date at or after `from` for `step`, in the ticks' calendar (the
/// picture's ticks too: one walk of the calendar for the terminal and the SVG).
pub fn first_tick(step: Step, from: NaiveDate, cal: Reckoner) -> Option<NaiveDate> {
    let (year, month, _) = cal.ymd(from)?;
    match step {
        Step::Years(n) => {
            // Round years as historians count them: 600 BCE, 500 BCE, … (chrono's year
            // -599, -499, …); there is no year 0, so its tick is AD 1.
            let mut year = year.div_euclid(n) * n;
            if cal.day(year, 1, 1)? < from {
                year += n;
            }
            cal.day(year, 1, 1)
        }
        Step::Months(n) => {
            let m0 = month - 1;
            let mut tick = cal.day(year, m0 - m0 % n + 1, 1)?;
            while tick < from {
                tick = cal.add_months(tick, n)?;
            }
            Some(tick)
        }
        Step::Days(_) => {
            let mut tick = cal.day(year, month, 1)?;
            while tick < from {
                tick = next_tick(step, tick, cal)?;
            }
            Some(tick)
        }
    }
}

/// The tick after `tick`. Day ticks restart on the 1st of each month, and skip a last tick
/// of a month that would crowd the 1st after it.
pub fn next_tick(step: Step, tick: NaiveDate, cal: Reckoner) -> Option<NaiveDate> {
    let (year, month, day) = cal.ymd(tick)?;
    match step {
        Step::Years(n) => {
            let year = year.div_euclid(n).checked_add(1)?.checked_mul(n)?;
            cal.day(year, 1, 1)
        }
        Step::Months(n) => cal.add_months(tick, n),
        Step::Days(n) => {
            let next_month = cal.add_months(tick, 1)?;
            let day = day + n;
            if n > 1 && day + n / 2 > cal.month_days(year, month) {
                Some(next_month)
            } else {
                cal.day(year, month, day).or(Some(next_month))
            }
        }
    }
}

/// The ticks of a scale at its step, labelled left to right wherever a label does not
/// touch the one before it or run past the edge.
pub fn ticks(scale: &Scale, step: Step, cal: Reckoner) -> Vec<Tick> {
    let mut out = Vec::new();
    let Some(from) = date_of(scale.start) else {
        return out;
    };
    let mut tick = first_tick(step, from, cal);
    let mut free_from = 0u16;
    // A tick per column at the very most, whatever the step.
    while let Some(day) = tick {
        let Some(col) = scale.col(i64::from(day_number(day))) else {
            break;
        };
        let label = step.label(day, cal);
        let len = u16::try_from(width(&label)).unwrap_or(u16::MAX);
        let fits = col >= free_from && u32::from(col) + u32::from(len) <= u32::from(scale.width);
        if fits {
            free_from = col + len + 1;
        }
        out.push(Tick {
            col,
            label: fits.then_some(label),
        });
        if out.len() > usize::from(scale.width) {
            break;
        }
        tick = next_tick(step, day, cal);
    }
    out
}

/// The range shown, for the pane's title, at the step's precision: `1979 – 1989`,
/// `Dec 1979 – Mar 1980`, `24 Dec 1979 – 3 Jan 1980`.
pub fn range_label(scale: &Scale, step: Step, cal: Reckoner) -> String {
    let (Some(a), Some(b)) = (date_of(scale.start), date_of(scale.end() - 1)) else {
        return String::new();
    };
    let one = |d: NaiveDate| match step {
        Step::Days(_) => cal.full_label(d),
        Step::Months(_) => cal.month_label(d),
        Step::Years(_) => Step::Years(1).label(d, cal),
    };
    let (a, b) = (one(a), one(b));
    if a == b { a } else { format!("{a} – {b}") }
}

#[cfg(test)]
mod tests;
