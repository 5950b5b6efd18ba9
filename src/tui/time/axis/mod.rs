//! The time axis's model: every visible event placed proportionally in time, long empty
//! stretches folded into `╌32y╌` so that dense years stay readable. `update` builds it when
//! the visible list or the width changes; the view (`view/axis.rs`) only draws it, and mouse
//! clicks are resolved here.
//!
//! The scale is built from the *years* that have events, found by binary search over the
//! sorted visible list, and each column counts its events by binary search too: the cost is
//! O(width · log n) per build, whatever the number of events.
//!
//! `segments.rs` lays the years out (runs to scale, folds between them) and maps days to
//! columns and back; `ticks.rs` puts year ticks on that layout and `eras.rs` finds the era
//! bands' columns; this file holds [`AxisModel`], which builds all of it and counts the
//! events under each column.

mod eras;
mod segments;
mod ticks;

pub use segments::{
    FOLD_MIN_YEARS, Gap, Segment, column_of, days_of, fold_label, gap_between, lay_out, shown_days,
    year_of_day, year_start,
};

use crate::model::{EventId, Timeline};
use crate::query::SearchIndex;
use crate::tui::time::{EraBand, Tick, stack_bands};
pub use eras::era_columns;
use segments::{segments, years};
pub use ticks::axis_ticks;

/// Visible indices of the events in `[start, end)` days.
fn range_of(index: &SearchIndex, visible: &[EventId], (start, end): (i64, i64)) -> (usize, usize) {
    let key = |id: &EventId| i64::from(index.first_day(*id));
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

impl AxisModel {
    /// The model for `visible` (event ids in date order) drawn over `width` columns, with
    /// `band_rows` rows for the eras.
    pub fn build(
        timeline: &Timeline,
        index: &SearchIndex,
        visible: &[EventId],
        width: u16,
        band_rows: usize,
        dates: crate::model::calendar::DateStyle,
    ) -> AxisModel {
        if visible.is_empty() || width == 0 {
            return AxisModel::default();
        }
        let segs = segments(&years(timeline, visible), width);
        let bands = stack_bands(&timeline.eras, |era| era_columns(&segs, era), band_rows);
        let ticks = axis_ticks(&segs, width, dates);
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
        column_of(&self.segs, i64::from(day))
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
            include_str!("../../../../tests/fixtures/tui/sample.ron"),
            "sample.ron",
        )
        .expect("the sample loads");
        let index = SearchIndex::build(&timeline);
        (timeline, index)
    }

    #[test]
    fn every_event_is_counted_once_and_a_click_finds_it() {
        let (timeline, index) = sample();
        let visible: Vec<EventId> = timeline.event_ids().collect();
        let model = AxisModel::build(
            &timeline,
            &index,
            &visible,
            60,
            1,
            crate::model::calendar::DateStyle::default(),
        );
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
            AxisModel::build(
                &timeline,
                &index,
                &[],
                60,
                1,
                crate::model::calendar::DateStyle::default()
            ),
            AxisModel::default()
        );
        assert_eq!(
            AxisModel::build(
                &timeline,
                &index,
                &visible,
                0,
                1,
                crate::model::calendar::DateStyle::default()
            ),
            AxisModel::default()
        );
    }
}
