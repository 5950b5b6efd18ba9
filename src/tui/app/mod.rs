//! The explorer's one state and its one `update`.
//!
//! `update` is the only place state changes and it does no I/O: scrolling, the selection
//! after a filter change and the actor picker's counts are all computed here, from the
//! terminal size that the last `Resize` reported, so the views only ever read. What needs
//! I/O (a search on the worker, leaving, suspending) `update` returns as an [`Effect`] for
//! the loop to perform. The fields are private: [`Settings`] fix what is given at start,
//! this file holds the state and its construction, `update.rs` the `update` that routes
//! each message to its handler, `read.rs` the methods views and tests read through,
//! `nav.rs` the movement and scrolling (and counts), `filter.rs` the applying of the
//! filter, `filter_keys.rs` the reader's controls over it (`c`, `Esc`, the search and range
//! prompts, the actor picker's keys), `history.rs` jumps and the way back, `act.rs`
//! marking, copying and choosing, `detail.rs` the detail pane's lines, `time.rs` the time
//! view.

use std::collections::BTreeSet;
use std::sync::Arc;

use ratatui::layout::Rect;

mod act;
mod detail;
mod filter;
mod filter_keys;
mod history;
mod nav;
mod personal;
mod reload;

pub use act::is_web_address;
mod read;
mod time;
mod update;
mod write;

pub use crate::tui::version::{Changes, Version};
pub use nav::EraHeader;
pub use reload::{Problems, reloaded_message};
pub use time::TimeView;

use crate::model::calendar::{Calendar, DateStyle, column_date};
use crate::model::{EventId, Timeline};
use crate::output::Format;
use crate::query::{Filter, SearchIndex};
use crate::tui::actor_filter::ActorFilter;
use crate::tui::effect::Effect;
use crate::tui::links::Backlinks;
use crate::tui::mode::Mode;
use crate::tui::prompt::Prompt;
use crate::tui::theme::Theme;
use crate::tui::time::axis::AxisModel;

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
    /// Whether the timeline is a file of the reader's, which `e` may open in the editor.
    pub editable: bool,
    /// The calendar dates start in, beside the Gregorian (a key cycles it), the lunar
    /// variant and the language of the converted dates.
    pub dates: DateStyle,
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
            editable: false,
            dates: DateStyle::default(),
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
    actor_filter: ActorFilter,
    /// The one prompt, whichever is being typed: the query at `/` and in pick mode, the
    /// date at `:`, the range at `r`, the actor filter's text at `a`.
    prompt: Prompt,
    /// Places to go back and forward to (`history.rs`).
    history: history::History,
    /// The event to select when the search that is running ends (going back to a filter).
    pending_select: Option<EventId>,
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
    /// The reader's stars and notes (`personal.rs`).
    personal: personal::Personal,
    /// Whether `--select` chose where to start (a saved session then does not).
    started_on_select: bool,
    /// What the explorer was built with: a reload builds it again the same way.
    settings: Settings,
    /// What is wrong with the file's last version, when it did not load (`reload.rs`).
    problems: Option<Problems>,
    problems_scroll: u16,
    /// How dates are shown: the calendar beside the Gregorian, which the reader may cycle.
    dates: DateStyle,
    /// The write waiting for the reader to say whether to replace its file (`w`).
    pending_write: Option<crate::tui::write::WriteJob>,
}

/// Columns of the list's date column: the widest date of the timeline in the style's
/// calendar, so that no date is cut (`~31 Dec 9999 BCE`, `Hut 1389 – Hamal 1390`) and
/// filtering never moves the titles. Arabic-script names are measured like every text.
fn date_width(timeline: &Timeline, dates: DateStyle) -> usize {
    if dates.reckoning().is_none() {
        return timeline
            .events
            .iter()
            .map(|e| e.date.short_width())
            .max()
            .unwrap_or(0);
    }
    timeline
        .events
        .iter()
        .map(|e| crate::tui::text::width(&column_date(e.date, dates)))
        .max()
        .unwrap_or(0)
}

/// The calendar as the status line names it: `Gregorian`, `Solar Hijri`, `lunar Hijri
/// (Umm al-Qura)`.
pub fn calendar_words(dates: DateStyle) -> String {
    match dates.calendar {
        Calendar::Gregorian => "Gregorian".to_owned(),
        Calendar::SolarHijri => "Solar Hijri".to_owned(),
        Calendar::LunarHijri => format!("lunar Hijri ({})", dates.hijri.label()),
    }
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
        let date_width = date_width(&timeline, settings.dates);
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
            actor_filter: ActorFilter::default(),
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
            personal: personal::Personal::default(),
            started_on_select: settings.select.is_some(),
            settings,
            problems: None,
            problems_scroll: 0,
            dates: settings.dates,
            pending_write: None,
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
            // Where the reader starts, not a jump: there is nothing before it to go back to.
            app.select_event(id);
        }
        app.refresh_detail();
        (app, effect)
    }

    /// Selects this event, if it matches the filter.
    fn select_event(&mut self, id: EventId) {
        if let Ok(i) = self.visible.binary_search(&id) {
            self.selected = i;
            self.detail_scroll = 0;
            self.scroll_to_selection();
        }
    }
}
