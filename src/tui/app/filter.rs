//! Applying the filter: at once when the scan is cheap, else as a search for the worker
//! (an effect), keeping the reader's place in the list either way.

use super::App;
use crate::model::EventId;
use crate::query::{Filter, Narrowing};
use crate::tui::effect::Effect;
use crate::tui::search::SearchJob;
use crate::tui::time::axis::AxisModel;

impl App {
    /// Applies the filter: at once when that is cheap, else by asking the loop to run a
    /// search on the worker while the list keeps showing the last result. Typing at the end
    /// of a query narrows what is shown: only those events are tested, and only for the
    /// new word.
    pub(super) fn request_filter(&mut self) -> Option<Effect> {
        self.search_generation += 1;
        let narrows = self.filter.narrows(&self.shown);
        let candidates = if narrows {
            self.visible.len()
        } else {
            self.timeline.events.len()
        };
        if self.filter.has_words() && candidates >= self.async_from {
            let within = narrows.then(|| (self.visible.clone(), self.shown.clone()));
            self.searching = true;
            return Some(Effect::Search(Box::new(SearchJob {
                generation: self.search_generation,
                filter: self.filter.clone(),
                within,
            })));
        }
        self.searching = false;
        let within = narrows.then_some(Narrowing {
            matches: &self.visible,
            previous: &self.shown,
        });
        let matches = self
            .filter
            .apply_indexed(&self.timeline, &self.index, within);
        let filter = self.filter.clone();
        self.show_matches(matches, filter);
        None
    }

    /// Shows the matches of `filter`, keeping the reader's place: the same event if it still
    /// matches, else the nearest match at or after its date, else the last match.
    pub(super) fn show_matches(&mut self, matches: Vec<EventId>, filter: Filter) {
        let previous = match self.anchor {
            Some((origin, placed)) if placed == self.selected_event() => Some(origin),
            _ => self.selected_event(),
        };
        self.visible = matches;
        self.shown = filter;
        self.selected = match previous {
            // Event ids are in date order, so the insertion point is the next match in time.
            Some(id) => match self.visible.binary_search(&id) {
                Ok(i) => i,
                Err(i) => {
                    self.detail_scroll = 0;
                    i.min(self.visible.len().saturating_sub(1))
                }
            },
            None => 0,
        };
        self.anchor = previous
            .filter(|id| self.selected_event() != Some(*id))
            .map(|id| (id, self.selected_event()));
        self.scroll_to_selection();
        self.rebuild_axis();
    }

    pub(super) fn rebuild_axis(&mut self) {
        let axis = self.areas().axis;
        self.axis = AxisModel::build(
            &self.timeline,
            &self.index,
            &self.visible,
            axis.width,
            crate::tui::layout::band_rows(axis.height),
            self.dates,
        );
    }

    pub(super) fn edit_query(&mut self, edit: impl FnOnce(&mut String)) -> Option<Effect> {
        let mut query = self.filter.query().to_owned();
        edit(&mut query);
        self.filter.set_query_in(&query, self.dates.hijri);
        self.request_filter()
    }
}
