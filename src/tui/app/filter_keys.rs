//! The reader's controls over the filter: `c` clearing it all, `Esc` peeling it one part
//! at a time, the `r` date range prompt, the actor picker's keys, and the edits of the
//! search prompt, whose text is the query. Each says in the status line what it did, so a
//! filter never changes unseen.

use super::App;
use crate::query::{Filter, parse_range_in, range_input};
use crate::tui::action::Action;
use crate::tui::actor_filter::ActorFilter;
use crate::tui::effect::{Effect, Exit};
use crate::tui::mode::{Mode, has_prompt};
use crate::tui::prompt::{Edit, Prompt};

impl App {
    /// `c`: clears the query, the actors, the tags, the date range and the `--ids` list at
    /// once, naming what went.
    pub(super) fn clear_filters(&mut self) -> Option<Effect> {
        let mut cleared = Vec::new();
        if !self.filter.query().is_empty() {
            cleared.push("query");
        }
        if !self.filter.actors.is_empty() || !self.filter.excluded.is_empty() {
            cleared.push("actors");
        }
        if !self.filter.tags.is_empty() {
            cleared.push("tags");
        }
        if self.filter.from.is_some() || self.filter.to.is_some() {
            cleared.push("range");
        }
        if self.filter.ids.is_some() {
            cleared.push("ids");
        }
        if cleared.is_empty() {
            self.flash = Some("no filter to clear".to_owned());
            return None;
        }
        self.filter = Filter::default();
        self.flash = Some(format!("cleared: {}", cleared.join(", ")));
        // `c` keeps the event a filter took the reader to, as every filter change does;
        // going back to where the reader was before it is Esc's, step by step.
        if self.selected_event().is_some() {
            self.anchor = None;
        }
        self.request_filter()
    }

    /// `Esc` in the list: peels one thing at a time (the query, then the actors required
    /// and excluded, the tags, the range, the `--ids` list) and never quits; with nothing left it does nothing. In pick mode, where Esc
    /// is how a script's chooser is abandoned, it then cancels.
    pub(super) fn back(&mut self) -> Option<Effect> {
        if !self.filter.query().is_empty() {
            self.flash = Some("query cleared".to_owned());
            return self.edit_query(String::clear);
        }
        if !self.filter.actors.is_empty() || !self.filter.excluded.is_empty() {
            self.filter.actors.clear();
            self.filter.excluded.clear();
            self.flash = Some("actor filter cleared".to_owned());
            return self.request_filter();
        }
        if !self.filter.tags.is_empty() {
            self.filter.tags.clear();
            self.flash = Some("tag filter cleared".to_owned());
            return self.request_filter();
        }
        if self.filter.from.is_some() || self.filter.to.is_some() {
            (self.filter.from, self.filter.to) = (None, None);
            self.flash = Some("date range cleared".to_owned());
            return self.request_filter();
        }
        if self.filter.ids.take().is_some() {
            self.flash = Some("id list cleared".to_owned());
            return self.request_filter();
        }
        self.pick_mode.then_some(Effect::Exit(Exit::Quit))
    }

    /// `r` opens the range prompt holding the current range as typed.
    pub(super) fn open_range(&mut self) {
        self.prompt = Prompt::new(&range_input((self.filter.from, self.filter.to)));
        self.mode = Mode::Range;
    }

    /// Enter at the range prompt: applies a valid range (empty clears it); a bad one keeps
    /// the prompt open with the reason in the status line.
    pub(super) fn apply_range(&mut self) -> Option<Effect> {
        match parse_range_in(self.prompt.text(), self.dates.hijri) {
            Ok((from, to)) => {
                self.mode = self.home_mode();
                if (from, to) == (self.filter.from, self.filter.to) {
                    return None;
                }
                (self.filter.from, self.filter.to) = (from, to);
                if from.is_none() && to.is_none() {
                    self.flash = Some("date range cleared".to_owned());
                }
                self.request_filter()
            }
            Err(e) => {
                self.flash = Some(e.to_string());
                None
            }
        }
    }

    /// The actor filter's actions (its typed text is the prompt's: `prompt_changed`).
    pub(super) fn actor_filter_act(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::OpenActorFilter => {
                self.actor_filter = ActorFilter::open(&self.timeline, &self.index, &self.filter);
                self.prompt = Prompt::default();
                self.mode = Mode::Actors;
            }
            Action::ActorDown => self.actor_filter.down(),
            Action::ActorUp => self.actor_filter.up(),
            Action::ActorFirst => self.actor_filter.first(),
            Action::ActorLast => self.actor_filter.last(),
            Action::ActorToggle => self.actor_filter.toggle(),
            Action::ActorClearSelection => self.actor_filter.clear_selection(),
            Action::ActorSwitchMode => self.actor_filter.switch_mode(),
            Action::ActorExclude => self.actor_filter.exclude(),
            Action::ActorSwitchExact => self.actor_filter.switch_exact(),
            Action::ActorApply => {
                self.actor_filter.apply(&mut self.filter);
                self.mode = self.home_mode();
                return self.request_filter();
            }
            _ => {}
        }
        self.scroll_actor_filter();
        None
    }

    /// An edit of the prompt, whichever mode's it is.
    pub(super) fn edit_prompt(&mut self, edit: Edit) -> Option<Effect> {
        if !has_prompt(self.mode) {
            return None;
        }
        self.sync_query_prompt();
        if self.prompt.apply(edit) {
            return self.prompt_changed();
        }
        None
    }

    /// What a changed prompt text changes: the query at the search prompt and in pick
    /// mode, the actors shown in the actor filter; the `:` and range prompts wait for Enter.
    pub(super) fn prompt_changed(&mut self) -> Option<Effect> {
        match self.mode {
            Mode::Search | Mode::Pick => return self.query_from_prompt(),
            Mode::Actors => {
                self.actor_filter
                    .narrow(&self.timeline.actors, self.prompt.text());
                self.scroll_actor_filter();
            }
            _ => {}
        }
        None
    }

    /// Pick mode types into the query at any time, and other keys may have changed it
    /// since (Esc clears it, going back restores one): the prompt starts from the query.
    pub(super) fn sync_query_prompt(&mut self) {
        if matches!(self.mode, Mode::Search | Mode::Pick)
            && self.prompt.text() != self.filter.query()
        {
            self.prompt = Prompt::new(self.filter.query());
        }
    }

    pub(super) fn query_from_prompt(&mut self) -> Option<Effect> {
        let text = self.prompt.text().to_owned();
        self.edit_query(|q| *q = text)
    }
}
