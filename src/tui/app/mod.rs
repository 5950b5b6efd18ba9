//! The explorer's one state and its one `update`.
//!
//! `update` is the only place state changes and it does no I/O: scrolling, the selection
//! after a filter change and the actor picker's counts are all computed here, from the
//! terminal size that the last `Resize` reported, so the views only ever read. What needs
//! I/O (a search on the worker, leaving, suspending) `update` returns as an [`Effect`] for
//! the loop to perform. The fields are private: [`Settings`] fix what is given at start,
//! `read.rs` holds the methods views and tests read through, `nav.rs` the movement and
//! scrolling (and counts), `filter.rs` the applying of the filter, `filter_keys.rs` the
//! reader's controls over it (`c`, `Esc`, the range prompt, the actor picker's keys).

use std::collections::BTreeSet;
use std::sync::Arc;

use ratatui::layout::Rect;

mod act;
mod detail;
mod filter;
mod filter_keys;
mod history;
mod nav;

pub use act::is_web_address;
mod read;
mod time;

pub use nav::EraHeader;
pub use time::TimeView;

use crate::model::{EventId, Timeline};
use crate::output::Format;
use crate::query::{Filter, SearchIndex};
use crate::tui::action::{Action, Msg};
use crate::tui::axis::AxisModel;
use crate::tui::effect::{Effect, Exit};
use crate::tui::layout::{self, Areas};
use crate::tui::links::{self, Backlinks};
use crate::tui::mode::Mode;
use crate::tui::overlay;
use crate::tui::picker::Picker;
use crate::tui::prompt::{Edit, Prompt};
use crate::tui::theme::Theme;

/// Text searches over at least this many events run on the search worker.
pub const ASYNC_SEARCH_FROM: usize = 100_000;

/// What the explorer is built with; nothing here changes afterwards.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Settings {
    /// Whether Enter ends the explorer with a choice (the caller prints it).
    pub pick: bool,
    /// The one theme every view reads, and the cached detail lines are styled with.
    pub theme: Theme,
    /// The event to start on, if it matches the filter.
    pub select: Option<EventId>,
    /// Text searches over at least this many candidates go to the worker.
    pub async_from: usize,
    /// What `y` copies: `--format` when it was given, else Markdown.
    pub copy_format: Format,
    /// Build the search index's text later (the loop does, after the first frame): for
    /// timelines whose searches go to the worker, which waits for it.
    pub defer_index_text: bool,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            pick: false,
            theme: Theme { color: true },
            select: None,
            async_from: ASYNC_SEARCH_FROM,
            copy_format: Format::Markdown,
            defer_index_text: false,
        }
    }
}

/// The explorer's state. Fields are private: `update` changes them, methods read them.
pub struct App {
    /// Shared with the search worker, which reads it while the explorer draws.
    timeline: Arc<Timeline>,
    /// Built once at start: every refilter scans it instead of the events' own strings.
    index: Arc<SearchIndex>,
    /// Which events reference which, built once.
    backlinks: Backlinks,
    /// The time axis for the visible list at the current width.
    axis: AxisModel,
    filter: Filter,
    /// The events that match `shown`, in date order.
    visible: Vec<EventId>,
    /// The filter `visible` reflects: `filter` itself, except while a search runs.
    shown: Filter,
    /// Counts filter changes; a search result is only taken for the current one.
    search_generation: u64,
    /// Whether a search is running on the worker (the list shows the last result).
    searching: bool,
    /// Text searches over at least this many candidates go to the worker.
    async_from: usize,
    /// Index into `visible` of the selected event (0 when `visible` is empty).
    selected: usize,
    /// The event the reader was on when a filter change moved the selection away from it,
    /// and where that change put it: while the reader has not moved since, the next filter
    /// change starts from the first again, so `/zzz` then Esc comes back to it.
    anchor: Option<(EventId, Option<EventId>)>,
    /// Index into `visible` of the event drawn at the top of the list.
    offset: usize,
    /// Rows the era bands above the axis want: two when some eras overlap in time.
    era_rows: u16,
    marked: BTreeSet<EventId>,
    mode: Mode,
    /// The mode the help overlay returns to.
    help_return: Mode,
    detail_scroll: usize,
    help_scroll: u16,
    /// Columns of the list's date column: the widest date of the timeline, so that no
    /// date is cut (`~31 Dec 9999 BCE`) and filtering never moves the titles.
    date_width: usize,
    picker: Picker,
    /// The prompt being typed: the query at `/`, the date at `:`.
    prompt: Prompt,
    /// Places to go back and forward to (`history.rs`).
    history: history::History,
    /// The event to select when the search that is running ends (going back to a filter).
    pending_select: Option<EventId>,
    /// The date range prompt's text, while it is open.
    range_input: String,
    /// A typed count prefix (`5` of `5j`).
    count: Option<u32>,
    size: Rect,
    /// A one-off message for the status line, cleared by the next action.
    flash: Option<String>,
    /// Whether Enter ends the explorer with a choice.
    pick_mode: bool,
    /// The one theme: views read it here, and the detail lines are styled with it.
    theme: Theme,
    /// The time view, which replaces the list when open.
    time: TimeView,
    /// The detail pane's lines for the selected event at the pane's width, wrapped once per
    /// selection and width instead of once per frame (a 10 MB title takes half a second).
    detail_cache: detail::DetailCache,
    /// Copying, zoom and the quit warning (`act.rs`).
    acting: act::Acting,
}

/// Whether two eras share a day: the band above the axis then needs a second row.
fn eras_overlap(eras: &[crate::model::Era]) -> bool {
    let mut spans: Vec<(i32, i32)> = eras
        .iter()
        .map(|e| (e.start.sort_key(), e.end_key()))
        .collect();
    spans.sort_unstable();
    spans.windows(2).any(|w| w[1].0 <= w[0].1)
}

impl App {
    /// The state at start, and what the loop must do first: the filter given on the
    /// command line may already be a search for the worker. `timeline` may be shared with
    /// the caller, which prints the choice from it.
    pub fn new(
        timeline: impl Into<Arc<Timeline>>,
        filter: Filter,
        settings: Settings,
    ) -> (App, Option<Effect>) {
        let timeline = timeline.into();
        let date_width = timeline
            .events
            .iter()
            .map(|e| e.date.short_width())
            .max()
            .unwrap_or(0);
        let mut app = App {
            index: Arc::new(if settings.defer_index_text {
                SearchIndex::build_without_text(&timeline)
            } else {
                SearchIndex::build(&timeline)
            }),
            backlinks: Backlinks::build(&timeline),
            shown: Filter::default(),
            search_generation: 0,
            searching: false,
            async_from: settings.async_from,
            axis: AxisModel::default(),
            visible: Vec::new(),
            picker: Picker::default(),
            range_input: String::new(),
            timeline,
            filter,
            selected: 0,
            anchor: None,
            offset: 0,
            era_rows: 1,
            marked: BTreeSet::new(),
            mode: if settings.pick {
                Mode::Pick
            } else {
                Mode::Browse
            },
            help_return: Mode::Browse,
            detail_scroll: 0,
            help_scroll: 0,
            prompt: Prompt::default(),
            history: history::History::default(),
            pending_select: None,
            date_width,
            count: None,
            size: Rect::default(),
            flash: None,
            pick_mode: settings.pick,
            theme: settings.theme,
            detail_cache: detail::DetailCache::default(),
            acting: act::Acting::new(settings.copy_format),
            time: TimeView::default(),
        };
        app.era_rows = if eras_overlap(&app.timeline.eras) {
            2
        } else {
            1
        };
        // Every event matches the default filter: `visible` and `shown` agree from the start.
        app.visible = app.timeline.event_ids().collect();
        let effect = app.request_filter();
        if let Some(id) = settings.select {
            // Back from a `--select` start goes to the top of the list.
            app.remember();
            app.select_event(id);
        }
        app.refresh_detail();
        (app, effect)
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
        if self.time.open {
            layout::without_axis(areas)
        } else {
            areas
        }
    }

    /// Selects this event, if it matches the filter.
    fn select_event(&mut self, id: EventId) {
        if let Ok(i) = self.visible.binary_search(&id) {
            self.selected = i;
            self.detail_scroll = 0;
            self.scroll_to_selection();
        }
    }

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
                self.sync_query_prompt();
                match self.mode {
                    Mode::Search | Mode::Pick => {
                        self.prompt.paste(&text);
                        return self.query_from_prompt();
                    }
                    Mode::Jump => self.prompt.paste(&text),
                    _ => {}
                }
            }
            Msg::Failed(message) => self.flash = Some(message),
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
            Action::OpenActorPicker
            | Action::PickerDown
            | Action::PickerUp
            | Action::PickerFirst
            | Action::PickerLast
            | Action::PickerToggle
            | Action::PickerClearSelection
            | Action::PickerSwitchMode
            | Action::PickerType(_)
            | Action::PickerBackspace
            | Action::PickerApply => return self.picker_act(action),
            Action::ClearFilters => return self.clear_filters(),
            Action::OpenRange
            | Action::RangeType(_)
            | Action::RangeBackspace
            | Action::RangeClearLine
            | Action::RangeApply => return self.range_act(action),
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
            Action::SearchType(c) => return self.edit_prompt(Edit::Insert(c)),
            Action::SearchBackspace => return self.edit_prompt(Edit::DeleteBack),
            Action::SearchDeleteWord => return self.edit_prompt(Edit::KillWordBack),
            Action::Edit(edit) => return self.edit_prompt(edit),
            Action::SearchClear => {
                self.mode = self.home_mode();
                self.prompt = Prompt::default();
                return self.edit_query(String::clear);
            }
            Action::StartJump => {
                self.prompt = Prompt::default();
                self.mode = Mode::Jump;
            }
            Action::JumpGo => self.jump(),
            Action::JumpCancel => self.mode = self.home_mode(),
            Action::HistoryBack => return self.go_back(),
            Action::HistoryForward => return self.go_forward(),
            Action::NextMatch => self.next_match(true),
            Action::PrevMatch => self.next_match(false),
            Action::FocusDetail => self.focus_detail(),
            Action::SearchKeep | Action::PickerCancel | Action::RangeCancel | Action::FocusList => {
                self.mode = self.home_mode();
            }
            Action::DetailDown => self.scroll_detail(1),
            Action::DetailUp => self.scroll_detail(-1),
            Action::DetailPageDown => {
                self.scroll_detail(i32::from(self.areas().detail_inner.height.max(2) - 1));
            }
            Action::DetailPageUp => {
                self.scroll_detail(-i32::from(self.areas().detail_inner.height.max(2) - 1));
            }
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
            Action::ToggleHelp => self.toggle_help(),
            Action::HelpDown => {
                self.help_scroll = (self.help_scroll + 1).min(overlay::help_max_scroll(self.size));
            }
            Action::HelpUp => self.help_scroll = self.help_scroll.saturating_sub(1),
            Action::Back => return self.back(),

            // Suspending is I/O: the loop does it.
            Action::Suspend => return Some(Effect::Suspend),
            Action::Resize { width, height } => self.resize(width, height),
        }
        None
    }

    fn toggle_mark(&mut self, n: usize) {
        let ids: Vec<EventId> = self
            .visible
            .iter()
            .skip(self.selected)
            .take(n)
            .copied()
            .collect();
        for id in &ids {
            if !self.marked.remove(id) {
                self.marked.insert(*id);
            }
        }
        // Like a file manager: marking moves on, so Space Space … marks a run.
        self.move_by(ids.len().cast_signed());
    }

    fn accept(&mut self) -> Option<Effect> {
        if !self.pick_mode {
            self.open_detail();
            return None;
        }
        Some(Effect::Exit(Exit::Accept(self.chosen())))
    }

    fn focus_detail(&mut self) {
        if !self.visible.is_empty() {
            self.mode = Mode::Detail;
        }
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

    /// An edit of the prompt; at the search prompt a changed text is the new query.
    fn edit_prompt(&mut self, edit: Edit) -> Option<Effect> {
        self.sync_query_prompt();
        let changed = self.prompt.apply(edit);
        if changed && matches!(self.mode, Mode::Search | Mode::Pick) {
            return self.query_from_prompt();
        }
        None
    }

    /// Pick mode types into the query at any time, and other keys may have changed it
    /// since (Esc clears it, going back restores one): the prompt starts from the query.
    fn sync_query_prompt(&mut self) {
        if matches!(self.mode, Mode::Search | Mode::Pick)
            && self.prompt.text() != self.filter.query()
        {
            self.prompt = Prompt::new(self.filter.query());
        }
    }

    fn query_from_prompt(&mut self) -> Option<Effect> {
        let text = self.prompt.text().to_owned();
        self.edit_query(|q| *q = text)
    }

    /// Follows related event `n` (1-based) of the selected event, clearing the filter when
    /// the target is hidden by it: following a link should never lead nowhere.
    fn follow_related(&mut self, n: usize) -> Option<Effect> {
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
