//! The one place state changes: [`App::update`] takes a message (an action of the reader,
//! a search result, a paste, a failure the loop reports), changes the state and returns
//! what the loop must do, if anything. It does no I/O. Each action is routed here to the
//! method that handles it, most of them in the sibling files (`nav.rs`, `filter_keys.rs`,
//! `act.rs`, `history.rs`, `time.rs`, ...); the few that only switch modes are at the end.

use super::App;
use crate::tui::action::{Action, Msg};
use crate::tui::effect::Effect;
use crate::tui::mode::{Mode, has_prompt};
use crate::tui::prompt::Prompt;

impl App {
    /// The only place state changes: an action of the reader, or a search result. Returns
    /// what the loop must do, if anything.
    pub fn update(&mut self, msg: impl Into<Msg>) -> Option<Effect> {
        // A `q` warned about the marks only if the very next action is `q` again.
        self.acting.armed = std::mem::take(&mut self.acting.quit_armed);
        let effect = self.step(msg.into());
        // Zoom belongs to the focused detail (and the help over it): leaving it unzooms.
        self.acting.zoomed &= matches!(self.mode, Mode::Detail | Mode::Help);
        self.refresh_time();
        self.refresh_detail();
        effect
    }

    fn step(&mut self, msg: Msg) -> Option<Effect> {
        match msg {
            Msg::Act(action) => return self.act(action),
            Msg::SearchResults {
                generation,
                matches,
            } => {
                if self.searching && generation == self.search_generation {
                    self.searching = false;
                    let filter = self.filter.clone();
                    self.show_matches(matches, filter);
                    if let Some(id) = self.pending_select.take() {
                        self.select_event(id);
                    }
                }
            }
            Msg::Paste(text) => {
                self.flash = None;
                if has_prompt(self.mode) {
                    self.sync_query_prompt();
                    self.prompt.paste(&text);
                    return self.prompt_changed();
                }
            }
            Msg::Failed(message) | Msg::Done(message) => self.flash = Some(message),
            Msg::WriteExists(job) => self.ask_overwrite(*job),
            Msg::Restore(saved) => self.restore_personal(*saved),
            Msg::NoteWritten { id, note } => return self.note_written(id, &note),
            Msg::Reloaded(Ok(version)) => return self.reload(*version),
            Msg::Reloaded(Err(error)) => self.reload_failed(&error),
        }
        None
    }

    fn act(&mut self, action: Action) -> Option<Effect> {
        self.flash = None;
        let count = match action {
            Action::CountDigit(_) => None,
            _ => self.count.take(),
        };
        let n = count.map_or(1, |c| c as usize);
        match action {
            // Esc first cancels a count being typed: the only thing open in the list.
            Action::Back if count.is_some() => return None,
            Action::OpenActorFilter
            | Action::ActorDown
            | Action::ActorUp
            | Action::ActorFirst
            | Action::ActorLast
            | Action::ActorToggle
            | Action::ActorClearSelection
            | Action::ActorSwitchMode
            | Action::ActorExclude
            | Action::ActorSwitchExact
            | Action::ActorApply => return self.actor_filter_act(action),
            Action::ClearFilters => return self.clear_filters(),
            Action::OpenRange => self.open_range(),
            Action::RangeApply => return self.apply_range(),
            Action::NextEvent => self.move_by(n.cast_signed()),
            Action::PrevEvent => self.move_by(-n.cast_signed()),
            // With a count, both go to the nth shown event, as vim's `10G` and `10gg`.
            Action::FirstEvent => self.move_to(count.map_or(0, |_| n - 1)),
            Action::LastEvent => {
                self.move_to(count.map_or(self.visible.len().saturating_sub(1), |_| n - 1));
            }
            Action::HalfPageDown => self.move_by(self.pages(n, 2)),
            Action::HalfPageUp => self.move_by(-self.pages(n, 2)),
            Action::PageDown => self.move_by(self.pages(n, 1)),
            Action::PageUp => self.move_by(-self.pages(n, 1)),
            Action::NextYear => self.repeat(n, Self::next_year),
            Action::PrevYear => self.repeat(n, Self::prev_year),
            Action::NextEra => self.repeat(n, Self::next_era),
            Action::PrevEra => self.repeat(n, Self::prev_era),
            Action::CountDigit(d) => self.count_digit(d),
            Action::FollowRelated(n) => return self.follow_related(usize::from(n)),
            Action::Wheel { row, col, down } => self.wheel(row, col, down),
            Action::Click { row, col } => self.click(row, col),
            Action::Drag { col, .. } => self.drag(col),
            Action::Time(time) => self.time_act(time),
            Action::StartSearch => {
                self.prompt = Prompt::new(self.filter.query());
                self.mode = Mode::Search;
            }
            Action::Edit(edit) => return self.edit_prompt(edit),
            Action::SearchClear => {
                self.mode = self.home_mode();
                self.prompt = Prompt::default();
                return self.edit_query(String::clear);
            }
            Action::StartJump => self.start_jump(),
            Action::JumpGo => self.jump(),
            Action::JumpCancel => self.mode = self.home_mode(),
            Action::HistoryBack => return self.go_back(),
            Action::HistoryForward => return self.go_forward(),
            Action::NextMatch => self.next_match(true),
            Action::PrevMatch => self.next_match(false),
            Action::FocusDetail => self.focus_detail(),
            Action::SearchKeep | Action::ActorCancel | Action::RangeCancel | Action::FocusList => {
                self.mode = self.home_mode();
            }
            Action::DetailDown
            | Action::DetailUp
            | Action::DetailPageDown
            | Action::DetailPageUp
            | Action::DetailTop
            | Action::DetailBottom => self.detail_act(action),
            Action::ToggleMark => self.toggle_mark(n),
            Action::Accept => return self.accept(),
            Action::Quit
            | Action::QuitNow
            | Action::MarkDown
            | Action::UnmarkUp
            | Action::Copy
            | Action::CopyIds
            | Action::OpenSource
            | Action::ToggleZoom => return self.act_on(action, n),
            Action::ToggleStar
            | Action::EditNote
            | Action::EditTimeline
            | Action::AddEvent
            | Action::ToggleProblems
            | Action::ProblemsDown
            | Action::ProblemsUp => return self.own_act(action),
            Action::Write(write) => return self.write_act(write),
            Action::ToggleHelp => self.toggle_help(),
            Action::NextCalendar => self.next_calendar(),
            Action::HelpDown => {
                self.help_scroll = (self.help_scroll + 1).min(self.help_max_scroll());
            }
            Action::HelpUp => self.help_scroll = self.help_scroll.saturating_sub(1),
            Action::Back => return self.back(),

            // Suspending is I/O: the loop does it.
            Action::Suspend => return Some(Effect::Suspend),
            Action::Resize { width, height } => self.resize(width, height),
        }
        None
    }

    /// `C`: the dates in the next calendar. Only what shows dates changes (the list's
    /// column, the detail, the ticks); the selection, the filter and the scroll stay.
    fn next_calendar(&mut self) {
        self.dates = self.dates.with_calendar(self.dates.calendar.next());
        self.date_width = super::date_width(&self.timeline, self.dates);
        self.rebuild_axis();
        self.flash = Some(format!("dates: {}", super::calendar_words(self.dates)));
    }

    /// Scrolling the detail pane: a line, a page, to the top or the end.
    fn detail_act(&mut self, action: Action) {
        let page = i32::from(self.areas().detail_inner.height.max(2) - 1);
        match action {
            Action::DetailDown => self.scroll_detail(1),
            Action::DetailUp => self.scroll_detail(-1),
            Action::DetailPageDown => self.scroll_detail(page),
            Action::DetailPageUp => self.scroll_detail(-page),
            Action::DetailTop => self.detail_scroll = 0,
            Action::DetailBottom => self.scroll_detail(i32::MAX),
            _ => {}
        }
    }

    fn focus_detail(&mut self) {
        if self.time_full_width() {
            // The detail has no columns beside the view: it opens over it.
            self.open_detail();
        } else if !self.visible.is_empty() {
            self.mode = Mode::Detail;
        }
    }

    /// `:` opens the date prompt, empty.
    fn start_jump(&mut self) {
        self.prompt = Prompt::default();
        self.mode = Mode::Jump;
    }

    fn toggle_help(&mut self) {
        if self.mode == Mode::Help {
            self.mode = self.help_return;
        } else {
            self.help_return = self.mode;
            self.help_scroll = 0;
            self.mode = Mode::Help;
        }
    }
}
