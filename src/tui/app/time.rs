//! The time view's part of `update`: opening it, zoom and pan, the mouse over it, and
//! keeping its [`TimeModel`] current.
//!
//! The model is rebuilt when what it shows changed (the filter result, the window in
//! time, the pane's size); a move of the selection only re-marks it and re-places the
//! titles, after panning the window when the selection left it.

use super::App;
use crate::model::{ActorId, EventId};
use crate::tui::action::TimeAction;
use crate::tui::mode::Mode;
use crate::tui::time::{LaneIndex, LaneKey, LaneOrder, Scale, TimeInput, TimeModel, Window};

/// The time view's state: whether it replaces the list, where it is in time, and what
/// `update` computed for the view to draw.
#[derive(Default)]
pub struct TimeView {
    /// Whether the list pane shows the time view.
    pub open: bool,
    /// Where it is in time; kept across resizes and while the list is shown.
    pub window: Window,
    /// What the view draws.
    pub model: TimeModel,
    lanes: LaneIndex,
    /// The filter result `lanes` was built for: (search generation, searching).
    lanes_for: Option<(u64, bool)>,
    built_for: Option<BuildKey>,
    selected_for: Option<EventId>,
    /// The column a drag with the left button last reached.
    drag_from: Option<u16>,
    /// Whether the view has the detail's columns too (`z`); kept for the session.
    pub full_width: bool,
    /// The lanes' order (`s`).
    pub order: LaneOrder,
}

/// Everything but the selection that the model depends on.
#[derive(Clone, Debug, PartialEq, Eq)]
struct BuildKey {
    /// The calendar the ticks count in.
    dates: crate::model::calendar::DateStyle,
    visible: (u64, bool),
    window: Window,
    width: u16,
    height: u16,
    filtered: Vec<ActorId>,
    order: LaneOrder,
}

impl App {
    /// The time view's state, for the view and tests.
    pub fn time(&self) -> &TimeView {
        &self.time
    }

    /// The mode the list's pane returns to from the detail, a prompt or an overlay.
    pub(super) fn home_mode(&self) -> Mode {
        if self.time.open {
            Mode::Time
        } else if self.pick_mode {
            // Pick mode's list has the prompt (fzf).
            Mode::Pick
        } else {
            Mode::Browse
        }
    }

    pub(super) fn time_act(&mut self, action: TimeAction) {
        match action {
            TimeAction::Toggle => {
                self.time.open = !self.time.open;
                self.mode = self.home_mode();
                // The strip above the list is hidden under the time view: back, it needs
                // its columns again.
                self.rebuild_axis();
                self.scroll_to_selection();
            }
            _ if !self.time.open => {}
            TimeAction::ZoomIn | TimeAction::ZoomOut => {
                let scale = self.time_scale();
                let centre = self
                    .selected_day()
                    .filter(|d| scale.col(*d).is_some())
                    .unwrap_or(scale.start + scale.span / 2);
                let zoom_in = action == TimeAction::ZoomIn;
                self.time.window = self.time.window.zoom_centred(
                    self.time.lanes.extent,
                    scale.width,
                    centre,
                    zoom_in,
                    self.shown_days(),
                );
            }
            TimeAction::Fit => self.time.window = Window::default(),
            TimeAction::FullWidth => self.time.full_width = !self.time.full_width,
            TimeAction::LaneOrder => self.time.order = self.time.order.next(),
            TimeAction::PanBack | TimeAction::PanForward => {
                let half = self.time_scale().span / 2;
                let days = if action == TimeAction::PanBack {
                    -half
                } else {
                    half
                };
                self.pan(days);
            }
        }
    }

    /// Zooms keeping `anchor` in its column (the wheel, under the pointer).
    fn zoom(&mut self, anchor: i64, zoom_in: bool) {
        let width = self.time_scale().width;
        let shown = self.shown_days();
        self.time.window =
            self.time
                .window
                .zoom(self.time.lanes.extent, width, anchor, zoom_in, shown);
    }

    /// The days the drawn layout shows to scale, its folds left out (the window's whole
    /// span before the model is built for it).
    fn shown_days(&self) -> i64 {
        let scale = self.time_scale();
        if self.time.model.scale == scale && !self.time.model.segments.is_empty() {
            crate::tui::time::axis::shown_days(&self.time.model.segments)
        } else {
            scale.span
        }
    }

    fn pan(&mut self, days: i64) {
        let width = self.time_scale().width;
        self.time.window = self.time.window.pan(self.time.lanes.extent, width, days);
    }

    fn selected_day(&self) -> Option<i64> {
        self.selected_event()
            .map(|id| i64::from(self.index.first_day(id)))
    }

    /// The scale at the current window and pane size.
    fn time_scale(&self) -> Scale {
        TimeModel::scale_for(&self.time_input())
    }

    /// Whether the time view has the whole width, the detail opening over it on Enter.
    pub fn time_full_width(&self) -> bool {
        self.time.open && self.time.full_width
    }

    /// Whether the time view shows one lane for the filter's actors: with all of several
    /// required, every event shown has each of them, and a lane apiece would repeat one
    /// lane as many times.
    pub fn time_lanes_joined(&self) -> bool {
        self.filter.actor_mode == crate::query::ActorMode::All && self.filter.actors.len() > 1
    }

    fn time_input(&self) -> TimeInput<'_> {
        let inner = self.areas().list_inner;
        TimeInput {
            timeline: &self.timeline,
            index: &self.index,
            visible: &self.visible,
            lanes: &self.time.lanes,
            filtered: if self.time_lanes_joined() {
                &self.filter.actors[..1]
            } else {
                &self.filter.actors
            },
            window: self.time.window,
            selected: self.selected_event(),
            width: inner.width,
            height: inner.height,
            dates: self.dates,
            order: self.time.order,
        }
    }

    /// Brings the model up to date with the state; part of every `update`.
    pub(super) fn refresh_time(&mut self) {
        let visible = (self.search_generation, self.searching);
        // The lanes for the filter the explorer starts with are built with the first
        // update, as part of starting (a few milliseconds per 100,000 events), so that the
        // first `v` shows at once; later filters build them when the view needs them.
        if !self.time.open && self.time.lanes_for.is_some() {
            return;
        }
        if self.time.lanes_for != Some(visible) {
            self.time.lanes = LaneIndex::build(&self.timeline, &self.index, &self.visible);
            // A new filter result (a search, a range, actors) is fitted: the view shows the
            // matches' own span, not where the last zoom was.
            if self.time.lanes_for.is_some() {
                self.time.window = Window::default();
            }
            // A search or a range fits the matches' dates: a match's long `end` runs on
            // past the right edge rather than squeezing the matches together.
            let narrowed = !self.filter.query().is_empty()
                || self.filter.from.is_some()
                || self.filter.to.is_some();
            let lanes = &mut self.time.lanes;
            if narrowed && lanes.dates_end > lanes.extent.first {
                lanes.extent.end = lanes.dates_end;
            }
            self.time.lanes_for = Some(visible);
        }
        if !self.time.open {
            return;
        }
        let selected = self.selected_event();
        if selected != self.time.selected_for
            && let Some(day) = self.selected_day()
        {
            let width = self.time_scale().width;
            self.time.window = self.time.window.reveal(self.time.lanes.extent, width, day);
        }
        let inner = self.areas().list_inner;
        let key = BuildKey {
            dates: self.dates,
            visible,
            window: self.time.window,
            width: inner.width,
            height: inner.height,
            filtered: self.filter.actors.clone(),
            order: self.time.order,
        };
        if self.time.built_for.as_ref() != Some(&key) {
            self.time.model = TimeModel::build(&self.time_input());
            self.time.built_for = Some(key);
        } else if selected != self.time.selected_for {
            let mut model = std::mem::take(&mut self.time.model);
            model.select(&self.time_input());
            self.time.model = model;
        }
        self.time.selected_for = selected;
    }

    /// The wheel over the time view zooms around the day under the pointer.
    pub(super) fn time_wheel(&mut self, col: u16, down: bool) {
        let day = self.day_at_screen_col(col);
        self.zoom(day, !down);
    }

    /// A click in the time view selects the event nearest in time to the pointer: in the
    /// actor's lane clicked, or among all events elsewhere (the others lane, the era rows,
    /// the axis). It also starts a drag.
    pub(super) fn time_click(&mut self, row: u16, col: u16) {
        self.time.drag_from = Some(col);
        let inner = self.areas().list_inner;
        let day = self.day_at_screen_col(col);
        let lane = row
            .checked_sub(inner.y)
            .and_then(|r| self.time.model.lane_at(r));
        let found = match lane {
            Some(LaneKey::Actor(actor)) => self.nearest_of_actor(actor, day),
            _ => None,
        }
        .or_else(|| self.nearest(day));
        if let Some(i) = found {
            self.move_to(i);
        }
    }

    /// Dragging with the left button over the time view pans: the day under the pointer
    /// follows it.
    pub(super) fn drag(&mut self, col: u16) {
        let Some(from) = self.time.drag_from.filter(|_| self.time.open) else {
            return;
        };
        let scale = self.time_scale();
        let days = (i64::from(from) - i64::from(col)) * scale.span / i64::from(scale.width);
        self.pan(days);
        self.time.drag_from = Some(col);
    }

    /// The day under a screen column of the time view (its scale's edge outside it).
    fn day_at_screen_col(&self, col: u16) -> i64 {
        let scale = self.time_scale();
        let x0 = self.areas().list_inner.x + self.time.model.name_width;
        let c = col.saturating_sub(x0).min(scale.width - 1);
        let segs = &self.time.model.segments;
        if self.time.model.scale == scale
            && let Some((from, to)) = crate::tui::time::axis::days_of(segs, c).or_else(|| {
                // A fold's column: the first day after the fold.
                let next = segs.iter().find_map(|s| match *s {
                    crate::tui::time::axis::Segment::Scale { start, x, .. } if x > c => Some(start),
                    _ => None,
                })?;
                Some((next, next + 1))
            })
        {
            return (from + to - 1) / 2;
        }
        (scale.day_at(c) + scale.day_at(c + 1) - 1) / 2
    }

    /// The visible index of the event starting nearest to `day`.
    fn nearest(&self, day: i64) -> Option<usize> {
        let key = |i: usize| i64::from(self.index.first_day(self.visible[i]));
        let after = self
            .visible
            .partition_point(|id| i64::from(self.index.first_day(*id)) < day);
        closest(after, self.visible.len(), day, key)
    }

    /// The visible index of `actor`'s event starting nearest to `day`.
    fn nearest_of_actor(&self, actor: ActorId, day: i64) -> Option<usize> {
        let positions = self.time.lanes.positions(actor);
        let key = |i: usize| i64::from(self.index.first_day(self.visible[positions[i] as usize]));
        let after = positions
            .partition_point(|&p| i64::from(self.index.first_day(self.visible[p as usize])) < day);
        closest(after, positions.len(), day, key).map(|i| positions[i] as usize)
    }
}

/// Of the items `after - 1` and `after` (of `len`, sorted by `key`), the one nearest `day`.
fn closest(after: usize, len: usize, day: i64, key: impl Fn(usize) -> i64) -> Option<usize> {
    match (after.checked_sub(1), (after < len).then_some(after)) {
        (Some(b), Some(a)) => Some(if day - key(b) <= key(a) - day { b } else { a }),
        (Some(b), None) => Some(b),
        (None, a) => a,
    }
}
