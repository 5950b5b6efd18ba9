//! The picture's ticks: the time view's step (the finest whose labels have room, chosen by
//! [`choose_step`] on a scale of character cells), put on exact days in pixels.

use chrono::NaiveDate;

use super::super::ticks::{first_tick, next_tick};
use super::super::{Reckoner, Scale, Step, choose_step};
use crate::model::day_number;

/// One tick: its day and its label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tick {
    pub day: i64,
    pub label: String,
}

fn date_of(day: i64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(day).ok()?)
}

/// The step for `span` days from `first` over `cells` character cells.
pub fn step(first: i64, span: i64, cells: u16, cal: Reckoner) -> Step {
    choose_step(&Scale::new(first, span, cells), cal)
}

/// The ticks in `[first, end)` at `step`, in the calendar `cal` counts in.
pub fn ticks(first: i64, end: i64, step: Step, cal: Reckoner) -> Vec<Tick> {
    let mut out = Vec::new();
    let Some(from) = date_of(first) else {
        return out;
    };
    let mut tick = first_tick(step, from, cal);
    while let Some(day) = tick {
        let n = i64::from(day_number(day));
        // Bounded by the span and the step, and by a hard stop for any calendar's quirk.
        if n >= end || out.len() > 4096 {
            break;
        }
        out.push(Tick {
            day: n,
            label: step.label(day, cal),
        });
        tick = next_tick(step, day, cal).filter(|next| *next > day);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> i64 {
        i64::from(day_number(
            NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap(),
        ))
    }

    #[test]
    fn decade_ticks_fall_on_the_first_of_january() {
        let (first, end) = (day("1978-04-27"), day("2021-09-01"));
        let ticks = ticks(first, end, Step::Years(10), Reckoner::GREGORIAN);
        let labels: Vec<&str> = ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["1980", "1990", "2000", "2010", "2020"]);
        assert_eq!(ticks[0].day, day("1980-01-01"));
    }

    #[test]
    fn month_ticks_are_in_order_inside_the_span() {
        let (first, end) = (day("1979-11-15"), day("1980-03-01"));
        let ticks = ticks(first, end, Step::Months(1), Reckoner::GREGORIAN);
        assert_eq!(ticks.len(), 3);
        assert!(ticks.windows(2).all(|w| w[0].day < w[1].day));
        assert!(ticks.iter().all(|t| (first..end).contains(&t.day)));
    }
}
