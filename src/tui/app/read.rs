//! How views and tests read the state: borrowing methods, one per field they need, and
//! the few derived from them (the selected event, where the panes go). The fields stay
//! private so that only `update` (and construction) can change them.

use std::collections::BTreeSet;
use std::sync::Arc;

use ratatui::layout::Rect;

use super::App;
use crate::model::{EventId, Timeline};
use crate::query::{Filter, SearchIndex};
use crate::tui::actor_filter::ActorFilter;
use crate::tui::layout::{self, Areas};
use crate::tui::mode::Mode;
use crate::tui::theme::Theme;
use crate::tui::time::axis::AxisModel;

impl App {
    /// Shared with the search worker.
    pub fn timeline(&self) -> &Arc<Timeline> {
        &self.timeline
    }

    /// Shared with the search worker.
    pub fn index(&self) -> &Arc<SearchIndex> {
        &self.index
    }

    /// Which events reference which: "Referenced by" in the detail pane.
    pub fn backlinks(&self) -> &crate::tui::links::Backlinks {
        &self.backlinks
    }

    /// The time axis for the visible list at the current width.
    pub fn axis(&self) -> &AxisModel {
        &self.axis
    }

    /// The filter as the reader set it (a search for it may still be running).
    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    /// The filter the visible list reflects.
    pub fn shown(&self) -> &Filter {
        &self.shown
    }

    /// The events that match `shown`, in date order.
    pub fn visible(&self) -> &[EventId] {
        &self.visible
    }

    /// Counts filter changes; the worker drops searches of older generations.
    pub fn search_generation(&self) -> u64 {
        self.search_generation
    }

    /// Whether a search is running on the worker (the list shows the last result).
    pub fn searching(&self) -> bool {
        self.searching
    }

    /// Rows the era bands above the axis want (see `layout::areas_with_eras`).
    pub fn era_rows(&self) -> u16 {
        self.era_rows
    }

    /// Index into `visible` of the selected event (0 when `visible` is empty).
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// Index into `visible` of the event drawn at the top of the list.
    pub fn offset(&self) -> usize {
        self.offset
    }

    pub fn marked(&self) -> &BTreeSet<EventId> {
        &self.marked
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// Columns of the list's date column (the widest date of the timeline).
    pub fn date_width(&self) -> usize {
        self.date_width
    }

    pub fn detail_scroll(&self) -> usize {
        self.detail_scroll
    }

    /// The mode the help was opened from, whose keys it shows first.
    pub fn help_return(&self) -> Mode {
        self.help_return
    }

    pub fn help_scroll(&self) -> u16 {
        self.help_scroll
    }

    pub fn actor_filter(&self) -> &ActorFilter {
        &self.actor_filter
    }

    /// The prompt being typed: the query at `/`, the date at `:`.
    pub fn prompt(&self) -> &crate::tui::prompt::Prompt {
        &self.prompt
    }

    /// A typed count prefix (`5` of `5j`), while one is being typed.
    pub fn count(&self) -> Option<u32> {
        self.count
    }

    /// The terminal size the last `Resize` reported.
    pub fn size(&self) -> Rect {
        self.size
    }

    /// A one-off message for the status line.
    pub fn flash(&self) -> Option<&str> {
        self.flash.as_deref()
    }

    /// Whether Enter ends the explorer with a choice.
    pub fn pick_mode(&self) -> bool {
        self.pick_mode
    }

    /// The one theme every view draws with.
    /// How dates are shown now: the calendar beside the Gregorian, which `C` cycles.
    pub fn dates(&self) -> crate::model::calendar::DateStyle {
        self.dates
    }

    pub fn theme(&self) -> Theme {
        self.theme
    }

    /// The selected event, if any event is visible.
    pub fn selected_event(&self) -> Option<EventId> {
        self.visible.get(self.selected).copied()
    }

    /// The event listed just before the selected one, if any.
    pub fn previous_event(&self) -> Option<EventId> {
        self.selected.checked_sub(1).map(|p| self.visible[p])
    }

    /// Where the panes are at the current size.
    pub fn areas(&self) -> Areas {
        self.areas_at(self.size)
    }

    /// Where the panes go on a screen of this size: the views draw by these.
    pub fn areas_at(&self, area: Rect) -> Areas {
        if self.acting.zoomed {
            return layout::zoomed(area);
        }
        let areas = layout::areas_with_eras(area, self.mode == Mode::Detail, self.era_rows);
        if self.time_full_width() {
            layout::full_width(layout::without_axis(areas))
        } else if self.time.open {
            layout::without_axis(areas)
        } else {
            areas
        }
    }
}
