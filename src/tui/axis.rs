//! The time axis's model: every visible event placed proportionally in time, long empty
//! stretches folded into `╌32y╌` so that dense years stay readable. `update` builds it when
//! the visible list or the width changes; the view (`view/axis.rs`) only draws it, and mouse
//! clicks are resolved here.
//!
//! The scale is built from the *years* that have events, found by binary search over the
//! sorted visible list, and each column counts its events by binary search too: the cost is
//! O(width · log n) per build, whatever the number of events.

use crate::model::{Date, Era, EventId, Timeline, year_words};
use crate::query::SearchIndex;
use crate::tui::text::width;
use crate::tui::timescale::{EraBand, Scale, Tick, choose_step, stack_bands, ticks};

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
fn years(timeline: &Timeline, visible: &[EventId]) -> Vec<i32> {
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
fn segments(years: &[i32], width: u16) -> Vec<Segment> {
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
fn days_of(segs: &[Segment], col: u16) -> Option<(i32, i32)> {
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

/// Visible indices of the events in `[start, end)` days.
fn range_of(index: &SearchIndex, visible: &[EventId], (start, end): (i32, i32)) -> (usize, usize) {
    let key = |id: &EventId| index.first_day(*id);
    (
        visible.partition_point(|id| key(id) < start),
        visible.partition_point(|id| key(id) < end),
    )
}

/// The axis's scale and per-column counts for one visible list and width. `update` builds
/// it when either changes, so a frame draws it without touching the events.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AxisModel {
    segs: Vec<Segment>,
    counts: Vec<usize>,
    /// The eras over the shown years, stacked into rows so that overlapping ones each
    /// keep their name (the time view's stacking, on this axis's columns).
    bands: Vec<Vec<EraBand>>,
    /// Year ticks at round steps (the time view's), labelled where they fit.
    ticks: Vec<Tick>,
}

/// An era's first and last column on the axis, when some of it is on a scale (an era
/// wholly inside a fold, or outside the shown years, is not drawn).
fn era_columns(segs: &[Segment], era: &Era) -> Option<(u16, u16)> {
    // An ongoing era's end is past every year: `column_of` clamps it to the right edge.
    let (start, end) = (era.start.sort_key(), era.end_key());
    let on_scale = segs.iter().any(|s| match *s {
        Segment::Scale { first, last, .. } => {
            start < year_start(last + 1) && end >= year_start(first)
        }
        Segment::Fold { .. } => false,
    });
    if !on_scale {
        return None;
    }
    Some((column_of(segs, start)?, column_of(segs, end)?))
}

/// The ticks of each scale at its own round step (`1980 1985 1990`, `500 BCE`); a scale
/// too narrow for any step keeps its first year, which may run on over the fold after it
/// (the fold's label is on the row above). A label that would touch the one before it or
/// run past the axis is dropped, the tick kept.
fn axis_ticks(segs: &[Segment], axis_width: u16) -> Vec<Tick> {
    let mut out: Vec<Tick> = Vec::new();
    for s in segs {
        let Segment::Scale {
            first,
            last,
            x,
            width,
        } = *s
        else {
            continue;
        };
        let start = i64::from(year_start(first));
        let scale = Scale::new(start, i64::from(year_start(last + 1)) - start, width);
        let mut these = ticks(&scale, choose_step(&scale));
        if these.iter().all(|t| t.label.is_none()) {
            these = vec![Tick {
                col: 0,
                label: Some(year_words(first)),
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

impl AxisModel {
    /// The model for `visible` (event ids in date order) drawn over `width` columns, with
    /// `band_rows` rows for the eras.
    pub fn build(
        timeline: &Timeline,
        index: &SearchIndex,
        visible: &[EventId],
        width: u16,
        band_rows: usize,
    ) -> AxisModel {
        if visible.is_empty() || width == 0 {
            return AxisModel::default();
        }
        let segs = segments(&years(timeline, visible), width);
        let bands = stack_bands(&timeline.eras, |era| era_columns(&segs, era), band_rows);
        let ticks = axis_ticks(&segs, width);
        let counts = (0..width)
            .map(|col| {
                days_of(&segs, col).map_or(0, |r| {
                    let (a, b) = range_of(index, visible, r);
                    b - a
                })
            })
            .collect();
        AxisModel {
            segs,
            counts,
            bands,
            ticks,
        }
    }

    /// The era bands, a row at a time, top first.
    pub fn bands(&self) -> &[Vec<EraBand>] {
        &self.bands
    }

    /// The year ticks, left to right.
    pub fn ticks(&self) -> &[Tick] {
        &self.ticks
    }

    /// The stretches of the axis, left to right.
    pub fn segments(&self) -> &[Segment] {
        &self.segs
    }

    /// Events per column.
    pub fn counts(&self) -> &[usize] {
        &self.counts
    }

    /// The column (relative to the axis) where a day falls.
    pub fn column_of(&self, day: i32) -> Option<u16> {
        column_of(&self.segs, day)
    }

    /// The first of the `visible` events under column `col` (relative to the axis), for
    /// mouse clicks; `visible` must be the list the model was built for.
    pub fn event_at(&self, index: &SearchIndex, visible: &[EventId], col: u16) -> Option<EventId> {
        let (a, b) = range_of(index, visible, days_of(&self.segs, col)?);
        (a < b).then(|| visible[a])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> (Timeline, SearchIndex) {
        let timeline = crate::load::parse(
            include_str!("../../tests/fixtures/tui/sample.ron"),
            "sample.ron",
        )
        .expect("the sample loads");
        let index = SearchIndex::build(&timeline);
        (timeline, index)
    }

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

    fn era(name: &str, start: &str, end: &str) -> Era {
        Era {
            id: name.to_owned(),
            name: name.to_owned(),
            start: start.parse().unwrap(),
            end: Some(end.parse().unwrap()),
        }
    }

    /// Overlapping eras go to separate rows, so every name shows whole; one row keeps the
    /// earlier era and leaves the overlapping one out rather than drawing over it.
    #[test]
    fn overlapping_eras_stack_into_rows() {
        let segs = segments(&[1978, 1985, 1992, 2001, 2021], 100);
        let eras = [
            era("PDPA rule", "1978-04-27", "1992-04-16"),
            era("Soviet–Afghan War", "1979-12-24", "1989-02-15"),
            era("Second Taliban emirate", "1996-09-27", "2001-11-13"),
            era("US intervention", "2001-10-07", "2021-08-30"),
        ];
        let rows = stack_bands(&eras, |e| era_columns(&segs, e), 2);
        let names: Vec<Vec<usize>> = rows
            .iter()
            .map(|r| r.iter().map(|b| b.era).collect())
            .collect();
        assert_eq!(names, [vec![0, 2], vec![1, 3]]);
        for row in &rows {
            for pair in row.windows(2) {
                assert!(pair[0].to < pair[1].from, "{pair:?}");
            }
        }
        assert_eq!(stack_bands(&eras, |e| era_columns(&segs, e), 1).len(), 1);
        // An era wholly inside a fold is not drawn.
        let folded = segments(&[1921, 1990], 80);
        assert_eq!(era_columns(&folded, &era("gap", "1950", "1960")), None);
    }

    fn labels(ticks: &[Tick]) -> Vec<&str> {
        ticks.iter().filter_map(|t| t.label.as_deref()).collect()
    }

    /// Ticks at round steps whatever the width (not `1978 1982 1984 1988`), and years
    /// before the common era read `500 BCE`.
    #[test]
    fn year_ticks_are_round_and_bce_years_read_bce() {
        for width in [30u16, 47, 60, 80, 93, 120] {
            let segs = segments(&(1978..=1989).collect::<Vec<_>>(), width);
            let ticks = axis_ticks(&segs, width);
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
        assert_eq!(labels(&axis_ticks(&segs, 40))[0], "500 BCE");
    }

    #[test]
    fn every_event_is_counted_once_and_a_click_finds_it() {
        let (timeline, index) = sample();
        let visible: Vec<EventId> = timeline.event_ids().collect();
        let model = AxisModel::build(&timeline, &index, &visible, 60, 1);
        assert_eq!(model.counts().len(), 60);
        assert_eq!(model.counts().iter().sum::<usize>(), visible.len());
        // A click finds an event exactly where a mark is drawn (a column with a count).
        for (col, &n) in model.counts().iter().enumerate() {
            let col = u16::try_from(col).expect("narrow");
            let found = model.event_at(&index, &visible, col);
            assert_eq!(found.is_some(), n > 0, "column {col}");
        }
        assert!(
            model.event_at(&index, &visible, 60).is_none(),
            "past the axis"
        );
        assert_eq!(
            AxisModel::build(&timeline, &index, &[], 60, 1),
            AxisModel::default()
        );
        assert_eq!(
            AxisModel::build(&timeline, &index, &visible, 0, 1),
            AxisModel::default()
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
