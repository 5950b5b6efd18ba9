//! The plot's days in pixels, with the long empty stretches folded by the rule the time
//! view and the list's axis fold them by ([`gap_between`]): each fold as wide as its mark
//! (`╌56y╌`), the stretches with events sharing the rest in proportion to their days.

use super::text;
use crate::tui::time::axis::{Gap, fold_label, gap_between};

/// A number of days (or of rows) as a distance: exact for any span of dates the model
/// holds (day numbers are `i32`).
pub fn days(n: i64) -> f64 {
    f64::from(i32::try_from(n).unwrap_or(if n < 0 { i32::MIN } else { i32::MAX }))
}

/// A count of rows or lanes, for multiplying by their height.
pub fn rows(n: usize) -> f64 {
    days(i64::try_from(n).unwrap_or(i64::MAX))
}

/// Days `[start, end)` drawn to scale over `[x0, x1)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stretch {
    pub start: i64,
    pub end: i64,
    pub x0: f64,
    pub x1: f64,
}

/// Folded empty years: the days `[from, to)`, drawn as a mark over `[x0, x1)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fold {
    pub years: i32,
    pub from: i64,
    pub to: i64,
    pub x0: f64,
    pub x1: f64,
}

/// The width a fold's mark takes, with room on both sides.
pub fn fold_width(years: i32, size: f64) -> f64 {
    text::width(&fold_label(years), size) + 12.0
}

/// Lays `[first, end)` over `[left, right)` with the gaps between `years` (the years with
/// events, ascending) folded; one linear stretch when the folds would leave the stretches
/// less than 40 px each.
pub fn lay_out(
    years: &[i32],
    (first, end): (i64, i64),
    (left, right): (f64, f64),
    size: f64,
) -> (Vec<Stretch>, Vec<Fold>) {
    let linear = (
        vec![Stretch {
            start: first,
            end,
            x0: left,
            x1: right,
        }],
        Vec::new(),
    );
    let gaps: Vec<Gap> = years
        .windows(2)
        .filter_map(|w| gap_between(w[0], w[1]))
        .filter(|g| g.from > first && g.to < end && g.from < g.to)
        .collect();
    if gaps.is_empty() {
        return linear;
    }
    let folds_px: f64 = gaps.iter().map(|g| fold_width(g.years, size)).sum();
    let runs = gaps.len() + 1;
    let room = right - left - folds_px;
    if room < 40.0 * rows(runs) {
        return linear;
    }
    let mut bounds = vec![first];
    for g in &gaps {
        bounds.extend([g.from, g.to]);
    }
    bounds.push(end);
    let shown: i64 = bounds.chunks(2).map(|r| r[1] - r[0]).sum();
    let (mut stretches, mut folds) = (Vec::new(), Vec::new());
    let mut x = left;
    for (i, run) in bounds.chunks(2).enumerate() {
        if i > 0 {
            let g = gaps[i - 1];
            let w = fold_width(g.years, size);
            folds.push(Fold {
                years: g.years,
                from: g.from,
                to: g.to,
                x0: x,
                x1: x + w,
            });
            x += w;
        }
        let w = room * days(run[1] - run[0]) / days(shown.max(1));
        stretches.push(Stretch {
            start: run[0],
            end: run[1],
            x0: x,
            x1: x + w,
        });
        x += w;
    }
    (stretches, folds)
}

/// The x of the start of `day`; a day in a fold maps to the fold's end.
pub fn x_of(stretches: &[Stretch], day: i64) -> f64 {
    let last = stretches.len().saturating_sub(1);
    for (i, s) in stretches.iter().enumerate() {
        if day < s.end || i == last {
            let day = day.clamp(s.start, s.end);
            return s.x0 + days(day - s.start) * (s.x1 - s.x0) / days((s.end - s.start).max(1));
        }
    }
    0.0
}

/// The day whose start is at or before `x` (the inverse of [`x_of`]); in a fold, the day
/// after it.
pub fn day_at(stretches: &[Stretch], x: f64) -> i64 {
    let last = stretches.len().saturating_sub(1);
    for (i, s) in stretches.iter().enumerate() {
        if x < s.x1 || i == last {
            let len = s.end - s.start;
            let frac = ((x - s.x0) / (s.x1 - s.x0).max(1e-9)).clamp(0.0, 1.0);
            let target = frac * days(len) + 1e-9;
            // The largest day whose start is at or before x, by bisection.
            let (mut lo, mut hi) = (0, len);
            while lo < hi {
                let mid = lo + (hi - lo + 1) / 2;
                if days(mid) <= target {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return s.start + lo;
        }
    }
    0
}

#[cfg(test)]
fn first_day_of(year: i32) -> i64 {
    i64::from(crate::tui::time::axis::year_start(year))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_stretch_folds_and_days_keep_their_order() {
        let years = [1919, 1921, 1978, 1979, 1990];
        let (first, end) = (first_day_of(1919), first_day_of(1991));
        let (stretches, folds) = lay_out(&years, (first, end), (100.0, 1100.0), 12.0);
        assert_eq!(folds.len(), 2, "{folds:?}");
        assert_eq!(folds[0].years, 56);
        assert_eq!(folds[1].years, 10);
        // The folded years take only their mark; the years with events get the rest.
        let before = x_of(&stretches, first_day_of(1979)) - x_of(&stretches, first_day_of(1978));
        assert!(before > 50.0, "{before}");
        let mut last = f64::MIN;
        for day in (first..end).step_by(97) {
            let x = x_of(&stretches, day);
            assert!(x >= last, "{day}");
            assert!((100.0..=1100.0).contains(&x));
            last = x;
            let back = day_at(&stretches, x);
            let inside = folds.iter().any(|f| (f.from..f.to).contains(&day));
            assert!(
                inside || back == day || (x_of(&stretches, back) - x).abs() < 1e-9,
                "{day} {back}"
            );
        }
    }

    #[test]
    fn too_little_room_stays_linear() {
        let years = [1900, 1950, 2000];
        let (s, f) = lay_out(
            &years,
            (first_day_of(1900), first_day_of(2001)),
            (0.0, 100.0),
            12.0,
        );
        assert!(f.is_empty());
        assert_eq!(s.len(), 1);
    }
}
