//! Axis ticks at round steps for the zoom (centuries, decades, years, months, days), with
//! labels in the dates' human form: `1979`, `500 BCE`, `Dec 1979`, `24 Dec`.
//!
//! The step is the finest one whose labels still have room between two ticks, so the
//! number of ticks is bounded by the width, never by the days shown.

use chrono::{Datelike, NaiveDate};

use super::Scale;
use crate::model::{astronomical, day_number, day_year_words, month_abbrev, written, year_words};

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

    /// The label of a tick on `day` at this step.
    pub fn label(self, day: NaiveDate) -> String {
        match self {
            Step::Days(_) => format!("{} {}", day.day(), month_abbrev(day.month())),
            Step::Months(_) => format!("{} {}", month_abbrev(day.month()), axis_year(day)),
            Step::Years(_) => axis_year(day),
        }
    }
}

/// A year on the axis: `1979`, `500 BCE`, and `1 CE` to `999 CE`, which beside a month or
/// alone on an axis of days (`Dec 1`, `24`) would read as a day.
pub fn axis_year_words(year: i32) -> String {
    if (1..1000).contains(&year) {
        format!("{year} CE")
    } else {
        year_words(year)
    }
}

fn axis_year(day: NaiveDate) -> String {
    match written(day.year()) {
        year @ 1..1000 => axis_year_words(year),
        _ => day_year_words(day),
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
pub fn choose_step(scale: &Scale) -> Step {
    let sample = date_of(scale.start).unwrap_or_default();
    let last = date_of(scale.end() - 1).unwrap_or_default();
    STEPS
        .into_iter()
        .find(|step| {
            let label = step
                .label(sample)
                .chars()
                .count()
                .max(step.label(last).chars().count());
            let room = step.days() * i64::from(scale.width) / scale.span.max(1);
            // Three spaces between labels at the least, so that they read as separate.
            room >= i64::try_from(label).unwrap_or(i64::MAX) + 3
        })
        .unwrap_or(Step::Years(100_000))
}

/// The first tick date at or after `from` for `step`.
fn first_tick(step: Step, from: NaiveDate) -> Option<NaiveDate> {
    match step {
        Step::Years(n) => {
            // Round years as historians count them: 600 BCE, 500 BCE, … (chrono's year
            // -599, -499, …).
            let mut year = written(from.year()).div_euclid(n) * n;
            if year_tick(year)? < from {
                year += n;
            }
            year_tick(year)
        }
        Step::Months(n) => {
            let m0 = from.month0();
            let mut tick = NaiveDate::from_ymd_opt(from.year(), m0 - m0 % n + 1, 1)?;
            while tick < from {
                tick = tick.checked_add_months(chrono::Months::new(n))?;
            }
            Some(tick)
        }
        Step::Days(n) => {
            let mut tick = from.with_day(1)?;
            while tick < from {
                tick = next_tick(step, tick, n)?;
            }
            Some(tick)
        }
    }
}

/// 1 January of a year as written; there is no year 0, so its tick is AD 1.
fn year_tick(year: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(astronomical(if year == 0 { 1 } else { year }), 1, 1)
}

/// The tick after `tick`. Day ticks restart on the 1st of each month, and skip a last tick
/// of a month that would crowd the 1st after it.
fn next_tick(step: Step, tick: NaiveDate, n: u32) -> Option<NaiveDate> {
    match step {
        Step::Years(n) => {
            let year = written(tick.year())
                .div_euclid(n)
                .checked_add(1)?
                .checked_mul(n)?;
            year_tick(year)
        }
        Step::Months(n) => tick.checked_add_months(chrono::Months::new(n)),
        Step::Days(_) => {
            let next_month = tick
                .with_day(1)?
                .checked_add_months(chrono::Months::new(1))?;
            let day = tick.day() + n;
            let month_days = next_month.pred_opt()?.day();
            if n > 1 && day + n / 2 > month_days {
                Some(next_month)
            } else {
                tick.with_day(day).or(Some(next_month))
            }
        }
    }
}

/// The ticks of a scale at its step, labelled left to right wherever a label does not
/// touch the one before it or run past the edge.
pub fn ticks(scale: &Scale, step: Step) -> Vec<Tick> {
    let mut out = Vec::new();
    let (Some(from), n) = (
        date_of(scale.start),
        match step {
            Step::Days(n) | Step::Months(n) => n,
            Step::Years(_) => 1,
        },
    ) else {
        return out;
    };
    let mut tick = first_tick(step, from);
    let mut free_from = 0u16;
    // A tick per column at the very most, whatever the step.
    while let Some(day) = tick {
        let Some(col) = scale.col(i64::from(day_number(day))) else {
            break;
        };
        let label = step.label(day);
        let len = u16::try_from(label.chars().count()).unwrap_or(u16::MAX);
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
        tick = next_tick(step, day, n);
    }
    out
}

/// The range shown, for the pane's title, at the step's precision: `1979 – 1989`,
/// `Dec 1979 – Mar 1980`, `24 Dec 1979 – 3 Jan 1980`.
pub fn range_label(scale: &Scale, step: Step) -> String {
    let (Some(a), Some(b)) = (date_of(scale.start), date_of(scale.end() - 1)) else {
        return String::new();
    };
    let one = |d: NaiveDate| match step {
        Step::Days(_) => format!("{} {} {}", d.day(), month_abbrev(d.month()), axis_year(d)),
        Step::Months(_) => Step::Months(1).label(d),
        Step::Years(_) => axis_year(d),
    };
    let (a, b) = (one(a), one(b));
    if a == b { a } else { format!("{a} – {b}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> i64 {
        i64::from(day_number(NaiveDate::from_ymd_opt(y, m, d).unwrap()))
    }

    fn labels(scale: &Scale) -> (Step, Vec<String>) {
        let step = choose_step(scale);
        (
            step,
            ticks(scale, step)
                .into_iter()
                .filter_map(|t| t.label)
                .collect(),
        )
    }

    /// One table row per zoom level: a century down to days.
    #[test]
    fn each_zoom_level_ticks_at_its_round_step() {
        let cases: [(i64, i64, u16, Step, &[&str]); 6] = [
            (
                day(1900, 1, 1),
                day(2026, 1, 1) - day(1900, 1, 1),
                40,
                Step::Years(25),
                &["1900", "1925", "1950", "1975", "2000"],
            ),
            (
                day(1919, 1, 1),
                day(2026, 1, 1) - day(1919, 1, 1),
                100,
                Step::Years(10),
                &[
                    "1920", "1930", "1940", "1950", "1960", "1970", "1980", "1990", "2000", "2010",
                    "2020",
                ],
            ),
            (
                day(1979, 1, 1),
                day(1990, 1, 1) - day(1979, 1, 1),
                80,
                Step::Years(1),
                &[
                    "1979", "1980", "1981", "1982", "1983", "1984", "1985", "1986", "1987", "1988",
                    "1989",
                ],
            ),
            (
                day(1979, 1, 1),
                day(1981, 1, 1) - day(1979, 1, 1),
                120,
                Step::Months(3),
                &[
                    "Jan 1979", "Apr 1979", "Jul 1979", "Oct 1979", "Jan 1980", "Apr 1980",
                    "Jul 1980", "Oct 1980",
                ],
            ),
            (
                day(1979, 10, 1),
                day(1980, 4, 1) - day(1979, 10, 1),
                80,
                Step::Months(1),
                &[
                    "Oct 1979", "Nov 1979", "Dec 1979", "Jan 1980", "Feb 1980", "Mar 1980",
                ],
            ),
            (
                day(1979, 12, 20),
                80,
                80,
                Step::Days(10),
                &[
                    "21 Dec", "1 Jan", "11 Jan", "21 Jan", "1 Feb", "11 Feb", "21 Feb", "1 Mar",
                ],
            ),
        ];
        for (start, span, width, step, expected) in cases {
            let scale = Scale::new(start, span, width);
            let (chosen, got) = labels(&scale);
            assert_eq!(chosen, step, "{scale:?}");
            assert_eq!(got, expected, "{scale:?}");
        }
    }

    #[test]
    fn before_the_common_era_years_read_bce() {
        // chrono's years: -599 is 600 BCE, -299 is 300 BCE.
        let start = day(-599, 1, 1);
        let scale = Scale::new(start, day(-299, 1, 1) - start, 60);
        let (step, got) = labels(&scale);
        assert_eq!(step, Step::Years(100));
        assert_eq!(got, ["600 BCE", "500 BCE", "400 BCE"]);
        assert_eq!(range_label(&scale, step), "600 BCE – 301 BCE");
        // Across the era boundary: no year 0; AD 1 follows 1 BCE.
        let start = day(-199, 1, 1);
        let (step, got) = labels(&Scale::new(start, day(201, 1, 1) - start, 60));
        assert_eq!(step, Step::Years(100));
        // Years of the first millennium say CE: a lone `1` or `100` reads as a day.
        assert_eq!(got[..4], ["200 BCE", "100 BCE", "1 CE", "100 CE"]);
        let month = Scale::new(day(-499, 3, 1), 365, 60);
        assert_eq!(
            labels(&month).1.first().map(String::as_str),
            Some("Apr 500 BCE")
        );
    }

    #[test]
    fn labels_never_overlap_or_run_past_the_edge() {
        for width in [5u16, 17, 40, 80, 119, 200] {
            for (start, span) in [
                (day(1900, 1, 1), 46_000),
                (day(1979, 1, 1), 800),
                (day(-50, 6, 1), 90),
            ] {
                let scale = Scale::new(start, span, width);
                let step = choose_step(&scale);
                let mut end = 0u32;
                for t in ticks(&scale, step) {
                    if let Some(label) = t.label {
                        let len = u32::try_from(label.chars().count()).unwrap();
                        assert!(u32::from(t.col) >= end, "{label} at {} overlaps", t.col);
                        end = u32::from(t.col) + len + 1;
                        assert!(end - 1 <= u32::from(width));
                    }
                }
            }
        }
    }

    #[test]
    fn ticks_are_bounded_by_the_width_not_the_days() {
        let scale = Scale::new(day(-100_000, 1, 1), 90_000_000, 30);
        let step = choose_step(&scale);
        assert!(ticks(&scale, step).len() <= 31);
    }

    #[test]
    fn the_range_is_written_at_the_steps_precision() {
        let decade = Scale::new(day(1979, 1, 1), day(1989, 1, 1) - day(1979, 1, 1), 100);
        assert_eq!(range_label(&decade, choose_step(&decade)), "1979 – 1988");
        let month = Scale::new(day(1979, 12, 1), 31, 31);
        assert_eq!(
            range_label(&month, choose_step(&month)),
            "1 Dec 1979 – 31 Dec 1979"
        );
        let months = Scale::new(day(1979, 12, 1), 120, 40);
        assert_eq!(range_label(&months, Step::Months(1)), "Dec 1979 – Mar 1980");
    }
}
