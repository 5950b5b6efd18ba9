//! The time view's scale, computed on the state side: which days each column shows, where
//! the ticks go and what they say, which actors get a lane, what each cell of a lane holds,
//! where titles fit, and how overlapping eras stack. `update` builds a [`TimeModel`] when
//! the filter, the zoom, the size or the selection changes; the view only draws it.
//!
//! Days are day numbers (days since the common era, [`crate::model::day_number`]), the
//! same numbers the search index, the range filters and the list's axis compare. The
//! per-column work reads sorted arrays of them with binary search ([`LaneIndex`]), so a
//! frame costs O(columns · lanes · log n) however long the timeline is.

pub mod axis;
mod eras;
mod lanes;
mod model;
mod place;
mod reckon;
pub mod svg;
mod ticks;

pub use eras::{
    EraBand, EraLabel, LabelledEras, era_label, stack_bands, stack_eras, stack_labelled,
};
pub use lanes::{
    Cell, Events, Kind, LaneIndex, LaneKey, LaneOrder, choose_lanes, choose_lanes_by,
    ranked_actors, ranked_actors_by,
};
pub use model::{FOLD_CUT, Lane, TimeInput, TimeModel};
pub use place::{Placed, place_labels};
pub use ticks::{Reckoner, Step, Tick, choose_step, range_label, ticks};

/// Which days the columns show: column `c` holds the days `[day_at(c), day_at(c + 1))`.
///
/// Invariant: `span >= width >= 1`, so a column is at least one day (the deepest zoom) and
/// every day falls in exactly one column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scale {
    /// The first day shown.
    pub start: i64,
    /// Days shown across the width.
    pub span: i64,
    pub width: u16,
}

impl Scale {
    /// A scale of `span` days from `start` over `width` columns; the span grows to one day
    /// per column at least.
    pub fn new(start: i64, span: i64, width: u16) -> Scale {
        let width = width.max(1);
        Scale {
            start,
            span: span.max(i64::from(width)),
            width,
        }
    }

    /// The day after the last one shown.
    pub fn end(&self) -> i64 {
        self.start + self.span
    }

    /// The first day of column `col` (`col` may be `width`: the end).
    pub fn day_at(&self, col: u16) -> i64 {
        self.start
            + (i64::from(col) * self.span).div_euclid(i64::from(self.width))
            + i64::from((i64::from(col) * self.span).rem_euclid(i64::from(self.width)) != 0)
    }

    /// The column a day falls in, when it is shown.
    pub fn col(&self, day: i64) -> Option<u16> {
        if day < self.start || day >= self.end() {
            return None;
        }
        let col = (day - self.start) * i64::from(self.width) / self.span;
        u16::try_from(col).ok()
    }

    /// The column a day falls in, or the edge it lies beyond.
    pub fn col_clamped(&self, day: i64) -> u16 {
        if day < self.start {
            0
        } else {
            self.col(day).unwrap_or(self.width - 1)
        }
    }

    /// Days per column, rounded down: 1 at the deepest zoom.
    pub fn days_per_col(&self) -> i64 {
        self.span / i64::from(self.width)
    }
}

/// The days a timeline's visible events cover: `[first, end)`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Extent {
    pub first: i64,
    pub end: i64,
}

/// Where the view is in time, independent of the width: what `+`, `-`, `0`, `H`/`L` and
/// resizing change. `None` span: fitted to the extent (what `0` restores).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Window {
    pub start: i64,
    pub span: Option<i64>,
}

impl Window {
    /// The scale this window gives at `width` over `extent`: fitted, or kept inside it.
    pub fn scale(self, extent: Extent, width: u16) -> Scale {
        let whole = (extent.end - extent.first).max(1);
        match self.span {
            None => {
                let scale = Scale::new(extent.first, whole, width);
                Scale {
                    start: clamp_start(scale.start, scale.span, extent),
                    ..scale
                }
            }
            Some(span) => {
                let scale = Scale::new(self.start, span.min(whole), width);
                Scale {
                    start: clamp_start(scale.start, scale.span, extent),
                    ..scale
                }
            }
        }
    }

    /// Zoomed in or out around `day`, which keeps its column (the wheel, under the
    /// pointer); back to fitted once the span covers the extent, and never below a day
    /// per column. `shown` is how many of the window's days are drawn to scale (its folds
    /// left out): zooming in halves those, so that a folded fit zooms at once.
    #[must_use]
    pub fn zoom(self, extent: Extent, width: u16, day: i64, zoom_in: bool, shown: i64) -> Window {
        let scale = self.scale(extent, width);
        let Some(span) = self.zoomed_span(extent, width, zoom_in, shown) else {
            return Window::default();
        };
        // The day under the anchor stays at the same fraction of the width.
        let day = day.clamp(scale.start, scale.end() - 1);
        let start = day - i128_mul_div(day - scale.start, span, scale.span);
        Window {
            start: clamp_start(start, span, extent),
            span: Some(span),
        }
    }

    /// Zoomed in or out with `day` (the selection) in the middle of the window, unless
    /// the extent's edge holds the window back (`+`, `-`).
    #[must_use]
    pub fn zoom_centred(
        self,
        extent: Extent,
        width: u16,
        day: i64,
        zoom_in: bool,
        shown: i64,
    ) -> Window {
        let Some(span) = self.zoomed_span(extent, width, zoom_in, shown) else {
            return Window::default();
        };
        Window {
            start: clamp_start(day - span / 2, span, extent),
            span: Some(span),
        }
    }

    /// The span a zoom step gives, `None` once it covers the extent (fitted again).
    fn zoomed_span(self, extent: Extent, width: u16, zoom_in: bool, shown: i64) -> Option<i64> {
        let scale = self.scale(extent, width);
        let whole = (extent.end - extent.first).max(1);
        let span = if zoom_in {
            (shown.clamp(1, scale.span) / 2).max(i64::from(width.max(1)))
        } else {
            scale.span.saturating_mul(2)
        };
        (span < whole).then_some(span)
    }

    /// Moved by `days` (negative: back), kept inside the extent.
    #[must_use]
    pub fn pan(self, extent: Extent, width: u16, days: i64) -> Window {
        let scale = self.scale(extent, width);
        if self.span.is_none() {
            return self;
        }
        Window {
            start: clamp_start(scale.start + days, scale.span, extent),
            span: Some(scale.span),
        }
    }

    /// Moved the least needed so that `day` is shown, with a tenth of the width to spare.
    #[must_use]
    pub fn reveal(self, extent: Extent, width: u16, day: i64) -> Window {
        let scale = self.scale(extent, width);
        if self.span.is_none() || (day >= scale.start && day < scale.end()) {
            return self;
        }
        // Out of view: centre it, so that the events around it show on both sides.
        Window {
            start: clamp_start(day - scale.span / 2, scale.span, extent),
            span: Some(scale.span),
        }
    }
}

/// `a * b / c` without overflow for any day numbers.
fn i128_mul_div(a: i64, b: i64, c: i64) -> i64 {
    i64::try_from(i128::from(a) * i128::from(b) / i128::from(c.max(1))).unwrap_or(0)
}

/// A start that keeps `[start, start + span)` inside the extent where it can; a span
/// longer than the extent (a day per column over a few days of events) centres them.
fn clamp_start(start: i64, span: i64, extent: Extent) -> i64 {
    let whole = extent.end - extent.first;
    if span > whole {
        return extent.first - (span - whole) / 2;
    }
    start.min(extent.end - span).max(extent.first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_day_falls_in_the_column_that_starts_at_or_before_it() {
        for (start, span, width) in [(0, 100, 7), (-500, 3650, 80), (10, 40, 40), (0, 1, 5)] {
            let s = Scale::new(start, span, width);
            assert_eq!(s.day_at(0), s.start);
            assert_eq!(s.day_at(s.width), s.end());
            for day in s.start..s.end() {
                let c = s.col(day).expect("a shown day has a column");
                assert!(s.day_at(c) <= day && day < s.day_at(c + 1), "{s:?} {day}");
            }
            assert_eq!(s.col(s.start - 1), None);
            assert_eq!(s.col(s.end()), None);
        }
    }

    /// Fitted to fewer days than columns, the days sit in the middle of the width.
    #[test]
    fn a_short_extent_is_centred() {
        let extent = Extent {
            first: 1000,
            end: 1017,
        };
        let s = Window::default().scale(extent, 99);
        assert_eq!(s.span, 99);
        let (a, b) = (s.col(1000).unwrap(), s.col(1016).unwrap());
        assert!(a.abs_diff(99 - 1 - b) <= 1, "{a} {b}");
    }

    #[test]
    fn a_column_is_never_less_than_a_day() {
        let s = Scale::new(0, 10, 80);
        assert_eq!(s.span, 80);
        assert_eq!(s.days_per_col(), 1);
        assert_eq!(s.col(79), Some(79));
    }

    const EXTENT: Extent = Extent {
        first: 1000,
        end: 1000 + 36_500,
    };

    #[test]
    fn zooming_in_halves_the_span_and_keeps_the_anchor_in_its_column() {
        let w = Window::default();
        let anchor = 1000 + 20_000;
        let before = w.scale(EXTENT, 100).col(anchor);
        let z = w.zoom(EXTENT, 100, anchor, true, i64::MAX);
        let scale = z.scale(EXTENT, 100);
        assert_eq!(scale.span, 36_500 / 2);
        assert_eq!(scale.col(anchor), before);
        // Down to a day per column, and no further.
        let mut z = z;
        for _ in 0..30 {
            z = z.zoom(EXTENT, 100, anchor, true, i64::MAX);
        }
        assert_eq!(z.scale(EXTENT, 100).span, 100);
        assert!(z.scale(EXTENT, 100).col(anchor).is_some());
    }

    /// `+` keeps the selection in the middle of the window at every step, down to a day
    /// per column, unless the extent's edge holds the window back; `-` too on the way out.
    #[test]
    fn centred_zoom_keeps_the_selection_in_the_middle_for_20_steps() {
        for day in [EXTENT.first + 20_000, EXTENT.first + 300, EXTENT.end - 10] {
            let mut w = Window::default();
            for step in 0..40 {
                let zoom_in = step < 20;
                let shown = w.scale(EXTENT, 100).span;
                w = w.zoom_centred(EXTENT, 100, day, zoom_in, shown);
                let s = w.scale(EXTENT, 100);
                let col = s.col(day).expect("the selection stays in view");
                let at_edge = s.start == EXTENT.first || s.end() == EXTENT.end;
                assert!(
                    (49..=51).contains(&col) || at_edge,
                    "step {step}: {day} at column {col} of {s:?}"
                );
                // Away from the edges, the middle day is the selection's, to the day.
                if !at_edge {
                    assert!((s.start + s.span / 2 - day).abs() <= 1, "{s:?}");
                }
            }
            assert_eq!(w, Window::default(), "20 steps out fit again");
        }
        // Halving the days drawn to scale: a folded fit showing a tenth of its days zooms
        // straight to a twentieth.
        let w = Window::default().zoom_centred(EXTENT, 100, 20_000, true, 3650);
        assert_eq!(w.span, Some(1825));
    }

    #[test]
    fn zooming_out_stops_at_the_fitted_span() {
        let w = Window::default()
            .zoom(EXTENT, 100, 5000, true, i64::MAX)
            .zoom(EXTENT, 100, 5000, true, i64::MAX);
        let w = w.zoom(EXTENT, 100, 5000, false, i64::MAX);
        assert_eq!(w.scale(EXTENT, 100).span, 36_500 / 2);
        assert_eq!(
            w.zoom(EXTENT, 100, 5000, false, i64::MAX),
            Window::default()
        );
    }

    #[test]
    fn panning_stays_inside_the_extent() {
        let w = Window::default().zoom(EXTENT, 100, 20_000, true, i64::MAX);
        let far = w.pan(EXTENT, 100, 1_000_000).scale(EXTENT, 100);
        assert_eq!(far.end(), EXTENT.end);
        let back = w.pan(EXTENT, 100, -1_000_000).scale(EXTENT, 100);
        assert_eq!(back.start, EXTENT.first);
        // The fitted view has nowhere to pan.
        assert_eq!(Window::default().pan(EXTENT, 100, 500), Window::default());
    }

    #[test]
    fn revealing_a_hidden_day_centres_it() {
        let w = Window::default()
            .zoom(EXTENT, 100, 2000, true, i64::MAX)
            .zoom(EXTENT, 100, 2000, true, i64::MAX);
        let scale = w.scale(EXTENT, 100);
        let day = scale.end() + 5000;
        let moved = w.reveal(EXTENT, 100, day).scale(EXTENT, 100);
        assert!(moved.col(day).is_some_and(|c| (45..=55).contains(&c)));
        // A shown day moves nothing.
        assert_eq!(w.reveal(EXTENT, 100, scale.start + 1), w);
    }

    #[test]
    fn a_resize_keeps_the_days_shown() {
        let w = Window::default().zoom(EXTENT, 100, 20_000, true, i64::MAX);
        let (a, b) = (w.scale(EXTENT, 100), w.scale(EXTENT, 60));
        assert_eq!((a.start, a.span), (b.start, b.span));
    }
}
