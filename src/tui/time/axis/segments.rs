//! The axis's layout: the years with events cut into runs drawn to scale, the long empty
//! stretches between them folded into `╌32y╌`, and the two-way mapping between days and
//! columns on that layout. Pure geometry over plain years and widths; the model in
//! `mod.rs` puts the events on it.

use crate::model::{Date, EventId, Timeline};
use crate::tui::text::width;

/// Empty years that fold, at least.
const FOLD_MIN_YEARS: i32 = 8;

/// One stretch of the axis: a run of years drawn to scale, or a fold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    Scale {
        first: i32,
        last: i32,
        x: u16,
        width: u16,
    },
    Fold {
        years: i32,
        x: u16,
        width: u16,
    },
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

/// Lays the years out over `width` columns, folding long gaps when there is room.
pub(super) fn segments(years: &[i32], width: u16) -> Vec<Segment> {
    let (Some(&first), Some(&last)) = (years.first(), years.last()) else {
        return Vec::new();
    };
    let mut runs: Vec<(i32, i32)> = vec![(first, first)];
    for &y in &years[1..] {
        let run = runs.last_mut().expect("runs starts non-empty");
        if y - run.1 > FOLD_MIN_YEARS {
            runs.push((y, y));
        } else {
            run.1 = y;
        }
    }
    let folds = runs.len() - 1;
    let fold_width = |gap: i32| u16::try_from(width_of_fold(gap)).unwrap_or(u16::MAX);
    let fold_total: u16 = runs
        .windows(2)
        .map(|w| fold_width(w[1].0 - w[0].1 - 1))
        .sum();
    let span_years: i32 = runs.iter().map(|(a, b)| b - a + 1).sum();
    // Without room for folds and a few columns per run, draw one linear scale.
    if folds == 0 || fold_total + u16::try_from(runs.len() * 4).unwrap_or(u16::MAX) > width {
        return vec![Segment::Scale {
            first,
            last,
            x: 0,
            width,
        }];
    }
    let scale_width = i64::from(width - fold_total);
    let mut out = Vec::new();
    let (mut x, mut years_done, mut scale_used) = (0u16, 0i64, 0u16);
    for (n, &(a, b)) in runs.iter().enumerate() {
        if n > 0 {
            let gap = a - runs[n - 1].1 - 1;
            let w = fold_width(gap);
            out.push(Segment::Fold {
                years: gap,
                x,
                width: w,
            });
            x += w;
        }
        // Cumulative rounding, so the runs fill the scale exactly.
        years_done += i64::from(b - a + 1);
        let target =
            u16::try_from(scale_width * years_done / i64::from(span_years)).unwrap_or(width);
        let w = target
            .saturating_sub(scale_used)
            .max(1)
            .min(width.saturating_sub(x).max(1));
        scale_used += w;
        out.push(Segment::Scale {
            first: a,
            last: b,
            x,
            width: w,
        });
        x += w;
    }
    out
}

pub fn fold_label(years: i32) -> String {
    format!("╌{years}y╌")
}

fn width_of_fold(years: i32) -> usize {
    width(&fold_label(years))
}

/// The column (relative) where a day falls.
pub fn column_of(segs: &[Segment], day: i32) -> Option<u16> {
    for s in segs {
        if let Segment::Scale {
            first,
            last,
            x,
            width,
        } = *s
        {
            let (start, end) = (year_start(first), year_start(last + 1));
            if day < end || matches!(segs.last(), Some(l) if l == s) {
                let day = day.clamp(start, end - 1);
                let offset =
                    i64::from(day - start) * i64::from(width) / i64::from((end - start).max(1));
                return Some(x + u16::try_from(offset).unwrap_or(0).min(width - 1));
            }
        }
    }
    None
}

/// The days `[start, end)` a column covers, when it is on a scale.
pub(super) fn days_of(segs: &[Segment], col: u16) -> Option<(i32, i32)> {
    segs.iter().find_map(|s| match *s {
        Segment::Scale {
            first,
            last,
            x,
            width,
        } if col >= x && col < x + width => {
            let (start, end) = (year_start(first), year_start(last + 1));
            let span = i64::from(end - start);
            let at = |c: u16| {
                start + i32::try_from(span * i64::from(c - x) / i64::from(width)).unwrap_or(0)
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
                first: 1921,
                last: 2025,
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
