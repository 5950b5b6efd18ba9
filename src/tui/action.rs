//! What the reader wants, named by intent. Keys and mouse events become these in
//! `keymap`; `App::update` is the only thing that acts on them.

/// One intent. Counts come from a typed prefix such as `5j`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    // Moving through the list.
    NextEvent,
    PrevEvent,
    FirstEvent,
    LastEvent,
    HalfPageDown,
    PageDown,
    HalfPageUp,
    PageUp,
    NextYear,
    PrevYear,
    NextEra,
    PrevEra,
    /// A digit of a count prefix (`5j`).
    CountDigit(u8),
    /// Follow the selected event's related event N (1-based), from the detail pane.
    FollowRelated(u8),
    /// Scroll by the mouse wheel: positive is down.
    Wheel {
        row: u16,
        col: u16,
        down: bool,
    },
    /// A click on the screen.
    Click {
        row: u16,
        col: u16,
    },
    /// The pointer moved with the left button held.
    Drag {
        row: u16,
        col: u16,
    },
    /// The time view: open it, zoom, pan.
    Time(TimeAction),

    // Search.
    StartSearch,
    SearchKeep,
    SearchClear,
    /// An edit of the prompt being typed, whichever it is (search, `:`, range, the actor
    /// filter's text, pick mode's query): typed characters are `Edit::Insert`.
    Edit(crate::tui::prompt::Edit),

    // Places.
    /// `:` opens a prompt for a date to jump to.
    StartJump,
    /// Enter at the `:` prompt: select the first shown event at or after the date.
    JumpGo,
    /// Esc at the `:` prompt.
    JumpCancel,
    /// Back to the place before the last jump (a followed link, `:`).
    HistoryBack,
    /// Forward again, undoing a `HistoryBack`.
    HistoryForward,

    // The actor filter's overlay.
    OpenActorFilter,
    ActorDown,
    ActorUp,
    ActorFirst,
    ActorLast,
    /// Toggle the actor under the cursor and move on.
    ActorToggle,
    /// Unselect every actor.
    ActorClearSelection,
    ActorSwitchMode,
    ActorExclude,
    ActorSwitchExact,
    ActorApply,
    ActorCancel,

    // Filters.
    /// Clear the query, the actors and the date range at once.
    ClearFilters,
    /// Open the date range prompt.
    OpenRange,
    RangeApply,
    RangeCancel,

    // Detail pane.
    FocusDetail,
    FocusList,
    DetailDown,
    DetailUp,
    DetailPageDown,
    DetailPageUp,
    /// `g`/`Home` in the detail pane: its first line.
    DetailTop,
    /// `G`/`End` in the detail pane: its last page.
    DetailBottom,
    /// `n`/`N` in the detail pane: scroll to the next / previous line with a match.
    NextMatch,
    PrevMatch,

    // Choosing.
    ToggleMark,
    /// Tab in pick mode: mark the selected event and move down.
    MarkDown,
    /// Shift-Tab in pick mode: unmark the selected event and move up.
    UnmarkUp,
    Accept,

    // Acting on events without leaving.
    /// Copy the marked events (else the selected one) in the output format.
    Copy,
    /// Copy their ids.
    CopyIds,
    /// Open the selected event's source address N (a count: `2o`; 1 without one).
    OpenSource,
    /// The detail pane over the whole screen, and back.
    ToggleZoom,
    /// Star or unstar the selected event (the reader's own mark, kept across sessions).
    ToggleStar,
    /// Write the reader's note on the selected event, in their editor.
    EditNote,
    /// Open the timeline file in the reader's editor at the selected event.
    EditTimeline,
    /// Add an event to the timeline file through a template in the reader's editor.
    AddEvent,
    /// Show every problem of the file's last version, or close them.
    ToggleProblems,
    /// `w`, its prompt and its question.
    Write(WriteAction),
    ProblemsDown,
    ProblemsUp,
    /// Show the dates in the next calendar beside the Gregorian (Gregorian alone, Solar
    /// Hijri, lunar Hijri, round), keeping the selection and the filter.
    NextCalendar,

    // Overlays and leaving.
    ToggleHelp,
    HelpDown,
    HelpUp,
    /// Esc: cancel a count, else clear the query, else the actors, else the range.
    Back,
    /// `q`: quit, though with marks in browse mode the first one only warns.
    Quit,
    /// Ctrl-c: quit at once, marks or not (an interrupt never asks twice).
    QuitNow,
    Suspend,
    Resize {
        width: u16,
        height: u16,
    },
}

/// What the reader asks of the time view.
/// `w`: writing the events shown (or marked) to a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WriteAction {
    /// Open the prompt for the file's path.
    Open,
    /// Write to the path typed.
    Go,
    /// Leave the prompt, writing nothing.
    Cancel,
    /// At the question whether to replace a file that is there: yes.
    Replace,
    /// No: keep it.
    Keep,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeAction {
    /// Switch the list pane between the list and the time view.
    Toggle,
    ZoomIn,
    ZoomOut,
    /// Fit the filtered events' whole span.
    Fit,
    /// Pan by half a screen back or forward in time.
    PanBack,
    PanForward,
    /// Give the time view the detail's columns too, or give them back (`z`).
    FullWidth,
    /// The next order of the lanes: busiest first, first appearance.
    LaneOrder,
}

/// Everything `update` reacts to: the reader's actions, and what the search worker found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    Act(Action),
    /// The matches of the search with this generation.
    SearchResults {
        generation: u64,
        matches: Vec<crate::model::EventId>,
    },
    /// Text pasted into the terminal (bracketed paste), for the prompt being typed.
    Paste(String),
    /// An effect the loop could not perform (no browser could start): said on the status line.
    Failed(String),
    /// What an effect the loop performed did (`added 'x'`): said on the status line.
    Done(String),
    /// A `w` found a file at its path: the reader is asked before it is replaced.
    WriteExists(Box<crate::tui::write::WriteJob>),
    /// The reader's stars, notes and last session from the notes store, before the first
    /// frame (without the session when they start fresh).
    Restore(Box<crate::notes::Saved>),
    /// The editor closed on the note of the event with this id.
    NoteWritten {
        id: String,
        note: String,
    },
    /// A new version of the timeline file: loaded, or what is wrong with it.
    Reloaded(Result<Box<crate::tui::version::Version>, Box<crate::load::LoadError>>),
}

impl Action {
    /// A character typed at the prompt.
    pub const fn typed(c: char) -> Action {
        Action::Edit(crate::tui::prompt::Edit::Insert(c))
    }
}

impl From<Action> for Msg {
    fn from(action: Action) -> Msg {
        Msg::Act(action)
    }
}
