//! Places and the way back: where the reader was before a jump (a followed link, a `:`
//! date, `--select`), so that Backspace / Ctrl-o return there and Ctrl-f goes forward
//! again, like a browser. A place holds the filter too: a link that had to clear the filter
//! gets it back on the way back.

use super::App;
use crate::model::DateError;
use crate::model::EventId;
use crate::model::calendar::{Period, PeriodError};
use crate::query::Filter;
use crate::tui::effect::Effect;
use crate::tui::links;
use crate::tui::mode::Mode;

/// Places kept each way; older ones are forgotten.
const KEEP: usize = 100;

/// One place: the selected event, whether the detail pane had the keyboard, the filter.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Place {
    event: Option<EventId>,
    detail: bool,
    filter: Filter,
}

/// The places behind and ahead of the reader.
#[derive(Default)]
pub(super) struct History {
    back: Vec<Place>,
    forward: Vec<Place>,
}

impl App {
    /// How many places lie behind and ahead of the reader.
    pub fn history_depth(&self) -> (usize, usize) {
        (self.history.back.len(), self.history.forward.len())
    }
}

fn push(stack: &mut Vec<Place>, place: Place) {
    if stack.len() == KEEP {
        stack.remove(0);
    }
    stack.push(place);
}

impl App {
    fn place(&self) -> Place {
        Place {
            event: self.selected_event(),
            detail: self.mode == Mode::Detail,
            filter: self.filter.clone(),
        }
    }

    /// Records the current place before a jump; a new jump forgets the places ahead.
    pub(super) fn remember(&mut self) {
        let here = self.place();
        if self.history.back.last() != Some(&here) {
            push(&mut self.history.back, here);
        }
        self.history.forward.clear();
    }

    pub(super) fn go_back(&mut self) -> Option<Effect> {
        let Some(place) = self.history.back.pop() else {
            self.flash = Some("nowhere to go back to".to_owned());
            return None;
        };
        let here = self.place();
        push(&mut self.history.forward, here);
        self.restore(place)
    }

    pub(super) fn go_forward(&mut self) -> Option<Effect> {
        let Some(place) = self.history.forward.pop() else {
            self.flash = Some("nowhere to go forward to".to_owned());
            return None;
        };
        let here = self.place();
        push(&mut self.history.back, here);
        self.restore(place)
    }

    /// Goes to a place: its filter first (a search on the worker selects the event when it
    /// ends), then its event and pane.
    fn restore(&mut self, place: Place) -> Option<Effect> {
        let mut effect = None;
        if place.filter != self.filter {
            self.filter = place.filter;
            effect = self.request_filter();
            // Going back may go to a place with no filter at all: say what happened.
            self.flash = Some(if self.filter.is_empty() {
                "filter cleared".to_owned()
            } else {
                "filter restored".to_owned()
            });
        }
        if let Some(id) = place.event {
            if self.searching {
                self.pending_select = Some(id);
            } else {
                self.select_event(id);
            }
        }
        // The list or the time view, whichever is open, unless the detail had the keyboard.
        self.mode = if place.detail && !self.visible.is_empty() {
            Mode::Detail
        } else {
            self.home_mode()
        };
        effect
    }

    /// Enter at the `:` prompt: selects the first shown event on or after the date typed,
    /// remembering where the reader was.
    pub(super) fn jump(&mut self) {
        let text = self.prompt.text().trim().to_owned();
        self.mode = self.home_mode();
        if text.is_empty() {
            return;
        }
        let first = match Period::parse(&text, self.dates.hijri) {
            Ok(period) => crate::model::day_number(period.first_day()),
            Err(e) => {
                // Quoted as every message quotes typed text: no control reaches the terminal.
                let text = crate::sanitize::quote(&text);
                // A shape no form has gets the forms; a date that does not exist, why.
                self.flash = Some(match e {
                    PeriodError::Gregorian(DateError::Shape) => format!(
                        "not a date: {text} (try 1989, 1989-02, feb 1989, 44 BCE, sh:1400-05 or asad 1400)"
                    ),
                    e => format!("not a date: {text}: {e}"),
                });
                return;
            }
        };
        let i = self
            .visible
            .partition_point(|id| self.index.first_day(*id) < first);
        if i == self.visible.len() {
            self.flash = Some(format!(
                "no event shown on or after {}",
                crate::tui::text::clean(&text)
            ));
            return;
        }
        self.remember();
        self.move_to(i);
    }

    /// Follows related event `n` (1-based) of the selected event, clearing the filter when
    /// the target is hidden by it: following a link should never lead nowhere.
    pub(super) fn follow_related(&mut self, n: usize) -> Option<Effect> {
        let current = self.selected_event()?;
        let Some(target) = n
            .checked_sub(1)
            .and_then(|i| links::followable(&self.timeline, &self.backlinks, current).nth(i))
        else {
            self.flash = Some(format!("no related event {n}"));
            return None;
        };
        self.remember();
        let mut effect = None;
        if self.visible.binary_search(&target).is_err() {
            self.filter = Filter::default();
            effect = self.request_filter();
            self.flash = Some("filter cleared to show the related event".to_owned());
        }
        self.select_event(target);
        effect
    }
}
