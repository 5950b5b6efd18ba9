//! The folded layout that both the list's axis and the time view draw: stretches of days
//! drawn to scale, and the long empty stretches between them folded into `╌32y╌`. One
//! rule says which gaps fold ([`gap_between`]: more than [`FOLD_MIN_YEARS`] empty years
//! between two years with events) and one function lays the stretches out over a width
//! ([`lay_out`]), so the two views fold the same years with the same mark. Pure geometry
//! over day numbers and widths; the models put the events on it.

use chrono::Datelike;

use crate::model::{Date, EventId, Timeline};
use crate::tui::text::width;

/// Empty years between two years with events that fold, at least.
pub const FOLD_MIN_YEARS: i32 = 8;

/// One stretch of a layout: days `[start, end)` drawn to scale, or a fold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    Scale {
        start: i64,
        end: i64,
        x: u16,
        width: u16,
    },
    Fold {
        years: i32,
        x: u16,
        width: u16,
    },
}

/// Empty whole years that fold: the days `[from, to)`, in which no event starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Gap {
    pub from: i64,
    pub to: i64,
    pub years: i32,
}

/// The fold rule: the years strictly between two consecutive years with events (`prev`
/// and `next`, as written) fold when there are more than [`FOLD_MIN_YEARS`] of them less
/// one, as the list's axis has always folded them.
pub fn gap_between(prev: i32, next: i32) -> Option<Gap> {
    (next - prev > FOLD_MIN_YEARS).then(|| Gap {
        from: i64::from(year_start(prev + 1)),
        to: i64::from(year_start(next)),
        years: next - prev - 1,
    })
}

/// The year (as written: `-44` is 44 BCE) of a day number.
pub fn year_of_day(day: i64) -> i32 {
    let day = i32::try_from(day).unwrap_or(if day < 0 { i32::MIN } else { i32::MAX });
    chrono::NaiveDate::from_num_days_from_ce_opt(day).map_or(0, |d| crate::model::written(d.year()))
}

/// Days since the common era of 1 January of `year`, the year as written (`-0044` is
/// 44 BCE; `Date` maps it to chrono's astronomical year). There is no year 0: the year
/// after 1 BCE (`-1 + 1`) is AD 1.
pub fn year_start(year: i32) -> i32 {
    let year = if year == 0 { 1 } else { year };
    Date::ymd(year, 1, 1).map_or(0, Date::sort_key)
}

/// The years with visible events, ascending; O(years · log n).
pub(super) fn years(timeline: &Timeline, visible: &[EventId]) -> Vec<i32> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < visible.len() {
        let y = timeline.event(visible[i]).date.year();
        out.push(y);
        i += visible[i..].partition_point(|id| timeline.event(*id).date.year() <= y);
    }
    out
}

/// The list axis's layout: the years with events, whole, with the rule's gaps folded.
pub(super) fn segments(years: &[i32], width: u16) -> Vec<Segment> {
    let (Some(&first), Some(&last)) = (years.first(), years.last()) else {
        return Vec::new();
    };
    let gaps: Vec<Gap> = years
        .windows(2)
        .filter_map(|w| gap_between(w[0], w[1]))
        .collect();
    lay_out(
        i64::from(year_start(first)),
        i64::from(year_start(last + 1)),
        &gaps,
        width,
    )
}

/// Lays the days `[start, end)` out over `width` columns with `gaps` (ascending, each
/// inside the span) folded: each fold as wide as its mark, the stretches between them
/// sharing the rest in proportion to their days. Without room for the marks and a few
/// columns per stretch, or with fewer days than columns (a stretch would be narrower than
/// a day per column), it is one linear scale.
pub fn lay_out(start: i64, end: i64, gaps: &[Gap], width: u16) -> Vec<Segment> {
    let linear = vec![Segment::Scale {
        start,
        end,
        x: 0,
        width,
    }];
    let gaps: Vec<&Gap> = gaps
        .iter()
        .filter(|g| g.from > start && g.to < end && g.from < g.to)
        .collect();
    let mut runs: Vec<(i64, i64)> = Vec::with_capacity(gaps.len() + 1);
    let mut from = start;
    for g in &gaps {
        if g.from <= from {
            return linear;
        }
        runs.push((from, g.from));
        from = g.to;
    }
    runs.push((from, end));
    let fold_width = |years: i32| u16::try_from(width_of_fold(years)).unwrap_or(u16::MAX);
    let fold_total: u32 = gaps.iter().map(|g| u32::from(fold_width(g.years))).sum();
    let shown: i64 = runs.iter().map(|(a, b)| b - a).sum();
    let room = u32::try_from(runs.len() * 4).unwrap_or(u32::MAX);
    if gaps.is_empty()
        || fold_total + room > u32::from(width)
        || shown < i64::from(width) - i64::from(fold_total)
    {
        return linear;
    }
    let scale_width = i64::from(width) - i64::from(fold_total);
    let mut out = Vec::with_capacity(runs.len() * 2);
    let (mut x, mut days_done, mut scale_used) = (0u16, 0i64, 0u16);
    for (n, &(a, b)) in runs.iter().enumerate() {
        if n > 0 {
            let years = gaps[n - 1].years;
            let w = fold_width(years);
            out.push(Segment::Fold { years, x, width: w });
            x += w;
        }
        // Cumulative rounding, so the runs fill the scale exactly.
        days_done += b - a;
        let target = u16::try_from(scale_width * days_done / shown).unwrap_or(width);
        let w = target
            .saturating_sub(scale_used)
            .max(1)
            .min(width.saturating_sub(x).max(1));
        scale_used += w;
        out.push(Segment::Scale {
            start: a,
            end: b,
            x,
            width: w,
        });
        x += w;
    }
    out
}

/// The days a layout draws to scale (its folds left out): what a zoom halves.
pub fn shown_days(segs: &[Segment]) -> i64 {
    segs.iter()
        .map(|s| match *s {
            Segment::Scale { start, end, .. } => end - start,
            Segment::Fold { .. } => 0,
        })
        .sum()
}

pub fn fold_label(years: i32) -> String {
    format!("╌{years}y╌")
}

fn width_of_fold(years: i32) -> usize {
    width(&fold_label(years))
}

/// The column (relative) where a day falls; a day in a fold falls on the first column
/// after it, a day outside the layout on its edge.
pub fn column_of(segs: &[Segment], day: i64) -> Option<u16> {
    let last = segs
        .iter()
        .rposition(|s| matches!(s, Segment::Scale { .. }))?;
    for (i, s) in segs.iter().enumerate() {
        if let Segment::Scale {
            start,
            end,
            x,
            width,
        } = *s
            && (day < end || i == last)
        {
            let day = day.clamp(start, end - 1);
            let offset =
                i128::from(day - start) * i128::from(width) / i128::from((end - start).max(1));
            return Some(x + u16::try_from(offset).unwrap_or(0).min(width - 1));
        }
    }
    None
}

/// The days `[start, end)` a column covers, when it is on a scale.
pub fn days_of(segs: &[Segment], col: u16) -> Option<(i64, i64)> {
    segs.iter().find_map(|s| match *s {
        Segment::Scale {
            start,
            end,
            x,
            width,
        } if col >= x && col < x + width => {
            let span = i128::from(end - start);
            let at = |c: u16| {
                start + i64::try_from(span * i128::from(c - x) / i128::from(width)).unwrap_or(0)
            };
            Some((
                at(col),
                if col + 1 == x + width {
                    end
                } else {
                    at(col + 1)
                },
            ))
        }
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_empty_stretches_fold_and_the_scales_fill_the_width() {
        let segs = segments(&[1921, 1950, 1954, 1990, 2025], 80);
        let folds: Vec<i32> = segs
            .iter()
            .filter_map(|s| match s {
                Segment::Fold { years, .. } => Some(*years),
                Segment::Scale { .. } => None,
            })
            .collect();
        assert_eq!(folds, vec![28, 35, 34]);
        let end = segs.last().map(|s| match *s {
            Segment::Scale { x, width, .. } | Segment::Fold { x, width, .. } => x + width,
        });
        assert_eq!(end, Some(80), "{segs:?}");
        // Too narrow for folds: one linear scale.
        assert_eq!(
            segments(&[1921, 2025], 10),
            vec![Segment::Scale {
                start: i64::from(year_start(1921)),
                end: i64::from(year_start(2026)),
                x: 0,
                width: 10
            }]
        );
    }

    #[test]
    fn year_starts_count_historians_years() {
        assert_eq!(year_start(1980) - year_start(1979), 365);
        // 1 BCE is a leap year in the proleptic calendar, and AD 1 follows it.
        assert_eq!(year_start(1) - year_start(-1), 366);
        assert_eq!(year_start(0), year_start(1));
        assert_eq!(year_start(-1) - year_start(-2), 365);
    }
}
