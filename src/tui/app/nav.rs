//! Movement and scrolling: the parts of `update` that are arithmetic on the visible list.
//!
//! The list shows a header row above an event that begins an era (its first visible event
//! on or after the era's start), so rows and events differ. Everything that needs rows
//! goes through [`App::era_headers`], which the list view uses too.

use super::App;
use crate::model::{Era, EventId};
use crate::tui::mode::Mode;
use crate::tui::overlay;

/// One header row of the list: the eras that begin there, outer first (the last is the
/// innermost, under which the events below are filed), each with its index in the
/// timeline's eras; `continued` when the innermost had begun before the event above.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EraHeader<'a> {
    pub eras: Vec<(usize, &'a Era)>,
    pub continued: bool,
}

/// Lines the mouse wheel moves.
const WHEEL_STEP: isize = 3;

impl App {
    /// The era header row above visible event `i`, if it has one: where the innermost era
    /// containing the event (the one that started last, as in the Markdown export) is not
    /// the previous event's. Enclosing eras that begin there too fold into the same row, and
    /// an era that had begun before the previous event resumes, "continued". So no header
    /// stands without an event under it, and an event after an inner era ends is filed
    /// under the outer one again. O(eras) per row, whatever the number of events.
    pub fn era_headers(&self, i: usize) -> impl Iterator<Item = EraHeader<'_>> + '_ {
        self.era_header(i).into_iter()
    }

    fn era_header(&self, i: usize) -> Option<EraHeader<'_>> {
        let here = self.section(i)?;
        if i > 0 && self.section(i - 1) == Some(here) {
            return None;
        }
        let eras = &self.timeline.eras;
        let day = self.index.first_day(self.visible[i]);
        let prev = i
            .checked_sub(1)
            .map(|p| self.index.first_day(self.visible[p]));
        let inner = &eras[here];
        let inner_end = inner.end_key();
        let mut folded: Vec<usize> = (0..eras.len())
            .filter(|&k| {
                let era = &eras[k];
                let (start, end) = (era.start.sort_key(), era.end_key());
                k == here || (start <= day && end >= inner_end && prev.is_none_or(|p| p < start))
            })
            .collect();
        folded.sort_by_key(|&k| {
            (
                eras[k].start.sort_key(),
                std::cmp::Reverse(eras[k].end_key()),
            )
        });
        Some(EraHeader {
            eras: folded.into_iter().map(|k| (k, &eras[k])).collect(),
            continued: prev.is_some_and(|p| p >= inner.start.sort_key()),
        })
    }

    /// The innermost era containing visible event `i`'s first day: the one that started
    /// last, and of those the one that ends first.
    fn section(&self, i: usize) -> Option<usize> {
        let day = self.index.first_day(*self.visible.get(i)?);
        self.timeline
            .eras
            .iter()
            .enumerate()
            .filter(|(_, era)| era.start.sort_key() <= day && day <= era.end_key())
            .max_by_key(|(_, era)| (era.start.sort_key(), std::cmp::Reverse(era.end_key())))
            .map(|(k, _)| k)
    }

    /// Rows event `i` takes in the list: its own and its era headers'.
    pub fn row_height(&self, i: usize) -> usize {
        1 + self.era_headers(i).count()
    }

    /// The era visible event `i` is filed under (the innermost holding its date, as its
    /// headers have it): pinned at the list's top when its own header has scrolled away.
    pub fn current_era(&self, i: usize) -> Option<&Era> {
        self.section(i).map(|k| &self.timeline.eras[k])
    }

    /// The headers drawn above event `i` when it is the top row: its own, else the pinned
    /// header of the era it is filed under (that era alone; "continued" when the era had
    /// begun before the event, as it has whenever its header scrolled away).
    pub fn top_headers(&self, i: usize) -> Vec<EraHeader<'_>> {
        let own: Vec<EraHeader<'_>> = self.era_headers(i).collect();
        if !own.is_empty() {
            return own;
        }
        self.section(i)
            .map(|k| EraHeader {
                eras: vec![(k, &self.timeline.eras[k])],
                continued: false,
            })
            .into_iter()
            .collect()
    }

    /// Rows event `i` takes as the top row, with its own or a pinned header.
    fn top_height(&self, i: usize) -> usize {
        1 + self.top_headers(i).len()
    }

    /// Rows in the list pane.
    pub fn list_rows(&self) -> usize {
        usize::from(self.areas().list_inner.height)
    }

    /// Events in a page: the list's rows, at least one.
    pub(super) fn page(&self) -> usize {
        self.list_rows().max(1)
    }

    /// `n` pages, or half pages with `div` 2, as a signed move of at least one event.
    pub(super) fn pages(&self, n: usize, div: usize) -> isize {
        (self.page() / div).max(1).saturating_mul(n).cast_signed()
    }

    /// Repeats a jump `n` times, stopping once it no longer moves (so `1000000]` is cheap).
    pub(super) fn repeat(&mut self, n: usize, jump: fn(&mut App)) {
        for _ in 0..n {
            let before = self.selected;
            jump(self);
            if self.selected == before {
                break;
            }
        }
    }

    pub(super) fn count_digit(&mut self, d: u8) {
        let next = self
            .count
            .unwrap_or(0)
            .saturating_mul(10)
            .saturating_add(u32::from(d));
        // A lone 0 is not a count; cap counts so a held key cannot overflow anything.
        self.count = (next > 0).then_some(next.min(1_000_000));
    }

    pub(super) fn move_by(&mut self, delta: isize) {
        let target = self.selected.saturating_add_signed(delta);
        self.move_to(target);
    }

    pub(super) fn move_to(&mut self, index: usize) {
        let index = index.min(self.visible.len().saturating_sub(1));
        if index != self.selected {
            self.detail_scroll = 0;
        }
        self.selected = index;
        self.scroll_to_selection();
    }

    /// Moves `offset` the least needed to keep the selected event, with its headers, on
    /// screen. Costs O(rows), never O(events), so a jump to the end of a million is instant.
    pub(super) fn scroll_to_selection(&mut self) {
        if self.visible.is_empty() {
            self.selected = 0;
            self.offset = 0;
            return;
        }
        self.selected = self.selected.min(self.visible.len() - 1);
        let rows = self.list_rows();
        if self.selected < self.offset || rows == 0 {
            self.offset = self.selected;
            return;
        }
        // The smallest offset that still shows the selection at the bottom (the top row
        // carries a pinned era header).
        let top = self.lowest_top(self.selected, rows);
        self.offset = self.offset.max(top).min(self.selected);
        // Never leave rows empty below the last event while earlier ones are hidden above
        // (after a search narrows the list under a selection near its end, say).
        let bottom = self.lowest_top(self.visible.len() - 1, rows);
        self.offset = self.offset.min(bottom);
        // A pinned header pushed the selection off the bottom: start one lower.
        while self.offset < self.selected && self.rows_through(self.offset, self.selected) > rows {
            self.offset += 1;
        }
    }

    /// The smallest top row from which rows `top..=last` fit in `rows`. Costs O(rows).
    fn lowest_top(&self, last: usize, rows: usize) -> usize {
        let mut top = last;
        // Rows of `top + 1..=last` as ordinary rows, and `top` as the top row.
        let mut below = 0;
        while top > 0 && below + self.row_height(top) + self.top_height(top - 1) <= rows {
            below += self.row_height(top);
            top -= 1;
        }
        top
    }

    /// Rows that `top..=last` take with `top` as the top row.
    fn rows_through(&self, top: usize, last: usize) -> usize {
        self.top_height(top) + (top + 1..=last).map(|i| self.row_height(i)).sum::<usize>()
    }

    fn year_of(&self, i: usize) -> i32 {
        self.timeline.event(self.visible[i]).date.year()
    }

    /// The index of the first visible event dated in `year` or later.
    fn first_in_year(&self, year: i32) -> usize {
        self.visible
            .partition_point(|id| self.timeline.event(*id).date.year() < year)
    }

    pub(super) fn next_year(&mut self) {
        if self.visible.is_empty() {
            return;
        }
        let next = self.first_in_year(self.year_of(self.selected) + 1);
        if next < self.visible.len() {
            self.move_to(next);
        }
    }

    pub(super) fn prev_year(&mut self) {
        if self.visible.is_empty() {
            return;
        }
        let this_year = self.first_in_year(self.year_of(self.selected));
        if let Some(last_of_prev) = this_year.checked_sub(1) {
            self.move_to(self.first_in_year(self.year_of(last_of_prev)));
        }
    }

    /// Visible indices where some era begins, ascending.
    fn era_starts(&self) -> Vec<usize> {
        let mut starts: Vec<usize> = self
            .timeline
            .eras
            .iter()
            .map(|era| {
                self.visible
                    .partition_point(|id| self.index.first_day(*id) < era.start.sort_key())
            })
            .filter(|&i| i < self.visible.len())
            .collect();
        starts.sort_unstable();
        starts.dedup();
        starts
    }

    pub(super) fn next_era(&mut self) {
        if let Some(&i) = self.era_starts().iter().find(|&&i| i > self.selected) {
            self.move_to(i);
        }
    }

    pub(super) fn prev_era(&mut self) {
        if let Some(&i) = self.era_starts().iter().rev().find(|&&i| i < self.selected) {
            self.move_to(i);
        }
    }

    pub(super) fn scroll_detail(&mut self, delta: i32) {
        let areas = self.areas();
        // Scrolling runs before `update` refreshes the detail for a new selection or width,
        // so this counts the lines the reader is looking at.
        let lines = self.detail_line_count();
        let max = lines.saturating_sub(usize::from(areas.detail_inner.height));
        // A usize: a long detail has more than 65,535 lines (a u16 stopped there).
        self.detail_scroll = self
            .detail_scroll
            .saturating_add_signed(isize::try_from(delta).unwrap_or(0))
            .min(max);
    }

    /// The terminal's new size: everything scrolled by it is brought back inside.
    pub(super) fn resize(&mut self, width: u16, height: u16) {
        self.size = ratatui::layout::Rect::new(0, 0, width, height);
        self.rebuild_axis();
        self.scroll_to_selection();
        self.scroll_actor_filter();
        self.help_scroll = self.help_scroll.min(self.help_max_scroll());
    }

    /// How far the help scrolls at this size, opened from its mode, with this timeline's
    /// eras at its end.
    pub(super) fn help_max_scroll(&self) -> u16 {
        overlay::help_max_scroll(self.size, self.help_return, self.timeline().eras.len())
    }

    pub(super) fn scroll_actor_filter(&mut self) {
        let rows = overlay::actor_filter_rows(self.size, self.actor_filter.chosen.len());
        self.actor_filter.scroll(rows);
    }

    pub(super) fn wheel(&mut self, row: u16, col: u16, down: bool) {
        let step = if down { WHEEL_STEP } else { -WHEEL_STEP };
        let areas = self.areas();
        if self.time.open
            && matches!(self.mode, Mode::Time | Mode::Detail)
            && areas.list_inner.contains((col, row).into())
        {
            self.time_wheel(col, down);
        } else if areas.detail.contains((col, row).into()) {
            self.scroll_detail(i32::try_from(step).unwrap_or(0));
        } else if self.mode == Mode::Actors {
            for _ in 0..WHEEL_STEP {
                if down {
                    self.actor_filter.down();
                } else {
                    self.actor_filter.up();
                }
            }
            self.scroll_actor_filter();
        } else {
            self.move_by(step);
        }
    }

    pub(super) fn click(&mut self, row: u16, col: u16) {
        if !matches!(
            self.mode,
            Mode::Browse | Mode::Pick | Mode::Time | Mode::Detail
        ) {
            return;
        }
        let areas = self.areas();
        if areas.detail.contains((col, row).into()) {
            self.mode = Mode::Detail;
        } else if self.time.open && areas.list_inner.contains((col, row).into()) {
            self.mode = self.home_mode();
            self.time_click(row, col);
        } else if areas.list_inner.contains((col, row).into()) {
            self.mode = self.home_mode();
            if let Some(i) = self.event_at_row(usize::from(row - areas.list_inner.y)) {
                self.move_to(i);
            }
        } else if areas.axis.contains((col, row).into())
            && let Some(id) = self
                .axis
                .event_at(&self.index, &self.visible, col - areas.axis.x)
            && let Ok(i) = self.visible.binary_search(&id)
        {
            self.move_to(i);
        }
    }

    /// The visible event drawn on list row `row` (0 = first row), if an event is there.
    fn event_at_row(&self, row: usize) -> Option<usize> {
        let mut y = 0;
        let mut i = self.offset;
        while i < self.visible.len() {
            y += self.headers_shown(i);
            if y == row {
                return Some(i);
            }
            if y > row {
                return None;
            }
            y += 1;
            i += 1;
        }
        None
    }

    /// Header rows drawn above event `i`: all its headers, except that the top event's are
    /// dropped when they would push it off a short list.
    pub fn headers_shown(&self, i: usize) -> usize {
        if i != self.offset {
            return self.era_headers(i).count();
        }
        let headers = self.top_headers(i).len();
        if headers >= self.list_rows() {
            0
        } else {
            headers
        }
    }

    /// The events marked, or none: for the status line.
    pub fn marked_count(&self) -> usize {
        self.marked.len()
    }

    /// Whether an event is marked.
    pub fn is_marked(&self, id: EventId) -> bool {
        self.marked.contains(&id)
    }
}
