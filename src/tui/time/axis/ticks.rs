//! The axis's year ticks: each scale of the layout gets the time view's round steps on
//! its own span, and labels that would collide or run past the axis are dropped.

use super::segments::{Segment, year_of_day};
use crate::model::calendar::DateStyle;
use crate::tui::time::{Reckoner, Scale, Tick, choose_step, ticks};

/// The ticks of each scale at its own round step (`1980 1985 1990`, `500 BCE`); a scale
/// too narrow for any step keeps its first year, which may run on over the fold after it
/// (the fold's label is on the row above). A label that would touch the one before it or
/// run past the axis is dropped, the tick kept.
pub fn axis_ticks(segs: &[Segment], axis_width: u16, dates: DateStyle) -> Vec<Tick> {
    let mut out: Vec<Tick> = Vec::new();
    for s in segs {
        let Segment::Scale {
            start,
            end,
            x,
            width,
        } = *s
        else {
            continue;
        };
        let scale = Scale::new(start, end - start, width);
        let first = year_of_day(start);
        let start = chrono::NaiveDate::from_num_days_from_ce_opt(i32::try_from(start).unwrap_or(0))
            .unwrap_or_default();
        let cal = Reckoner::for_start(dates, start);
        let mut these = ticks(&scale, choose_step(&scale, cal), cal);
        if these.iter().all(|t| t.label.is_none()) {
            let year = cal.ymd(start).map_or(first, |(y, _, _)| y);
            these = vec![Tick {
                col: 0,
                label: Some(cal.year_label(year)),
            }];
        }
        out.extend(these.into_iter().map(|t| Tick {
            col: t.col + x,
            ..t
        }));
    }
    let mut free_from = 0u16;
    for tick in &mut out {
        if let Some(label) = &tick.label {
            let len = u16::try_from(crate::tui::text::width(label)).unwrap_or(u16::MAX);
            if tick.col < free_from || u32::from(tick.col) + u32::from(len) > u32::from(axis_width)
            {
                tick.label = None;
            } else {
                free_from = tick.col + len + 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::time::axis::segments::segments;

    fn labels(ticks: &[Tick]) -> Vec<&str> {
        ticks.iter().filter_map(|t| t.label.as_deref()).collect()
    }

    /// Ticks at round steps whatever the width (not `1978 1982 1984 1988`), and years
    /// before the common era read `500 BCE`.
    #[test]
    fn year_ticks_are_round_and_bce_years_read_bce() {
        for width in [30u16, 47, 60, 80, 93, 120] {
            let segs = segments(&(1978..=1989).collect::<Vec<_>>(), width);
            let ticks = axis_ticks(&segs, width, DateStyle::default());
            let years: Vec<i32> = labels(&ticks).iter().map(|l| l.parse().unwrap()).collect();
            assert!(years.len() >= 2, "{width}: {years:?}");
            let step = years[1] - years[0];
            assert!([1, 2, 5, 10].contains(&step), "{width}: {years:?}");
            assert!(
                years.windows(2).all(|w| w[1] - w[0] == step),
                "{width}: {years:?}"
            );
            assert!(years.iter().all(|y| y % step == 0), "{width}: {years:?}");
        }
        let segs = segments(&[-500, -499, -498, -497], 40);
        assert_eq!(
            labels(&axis_ticks(&segs, 40, DateStyle::default()))[0],
            "500 BCE"
        );
    }
}
