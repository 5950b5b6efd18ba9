//! Pick mode's table, fzf's keys: the prompt is active from the start, so every binding
//! but typing uses a key that does not type (arrows, Ctrl, Alt, F1). The prompt's editing
//! keys come from `EDIT`, after these (so Ctrl-k here is the previous event, as in fzf).

use crossterm::event::KeyCode;

use super::Key::{Alt, Char, Code, Ctrl};
use super::{Binding, DOWN, ENTER, ESC, PGDN, PGUP, TAB, TIME_TOGGLE, UP, bind, note};
use crate::tui::action::{Action as A, WriteAction};

/// Bindings in pick mode (stdout is not a terminal), fzf's: the prompt is active from the
/// start, so typed characters filter and every other action has a key that does not type.
#[rustfmt::skip]
pub const PICK: &[Binding] = &[
    note(&[Char('a'), Char('z')], "type to filter; all words must match"),
    bind(&[ENTER], "print the marked, else this; exit", A::Accept).hint(0, "pick"),
    bind(&[TAB], "mark and move down", A::MarkDown).hint(1, "mark"),
    bind(&[Code(KeyCode::BackTab)], "unmark and move up", A::UnmarkUp),
    bind(&[ESC, Ctrl('c'), Ctrl('g')], "cancel (exit 130)", A::Quit).hint(2, "cancel"),
    bind(&[DOWN, Ctrl('n'), Ctrl('j')], "next event", A::NextEvent),
    bind(&[UP, Ctrl('p'), Ctrl('k')], "previous event", A::PrevEvent),
    bind(&[PGDN], "a page down", A::PageDown),
    bind(&[PGUP], "a page up", A::PageUp),
    bind(&[Alt('d')], "half a page down", A::HalfPageDown),
    bind(&[Alt('u')], "half a page up", A::HalfPageUp),
    bind(&[Alt('g')], "first event", A::FirstEvent),
    bind(&[Alt('G')], "last event", A::LastEvent),
    bind(&[Alt(']')], "next year with events", A::NextYear),
    bind(&[Alt('[')], "previous year with events", A::PrevYear),
    bind(&[Alt('}')], "next era", A::NextEra),
    bind(&[Alt('{')], "previous era", A::PrevEra),
    bind(&[Alt(':')], "jump to a date (1989-02)", A::StartJump),
    bind(&[Ctrl('o')], "back to where a jump came from", A::HistoryBack),
    bind(&[Ctrl('f')], "forward again", A::HistoryForward),
    bind(&[Alt('a')], "filter by actor", A::OpenActorFilter),
    bind(&[Alt('r')], "date range", A::OpenRange),
    bind(&[Alt('c')], "clear query, actors and range", A::ClearFilters),
    bind(&[Ctrl('t')], "time view", TIME_TOGGLE),
    // Not →: the prompt's cursor has it.
    bind(&[Alt('l')], "focus the detail pane", A::FocusDetail),
    bind(&[Alt('y')], "copy the marked, else this event", A::Copy),
    bind(&[Alt('Y')], "copy the ids", A::CopyIds),
    bind(&[Alt('o')], "open the first source address", A::OpenSource),
    bind(&[Alt('z')], "zoom the detail", A::ToggleZoom),
    bind(&[Alt('*')], "star / unstar", A::ToggleStar),
    bind(&[Alt('N')], "write a note (in $EDITOR)", A::EditNote),
    bind(&[Alt('e')], "edit the timeline file here", A::EditTimeline),
    bind(&[Alt('A')], "add an event to the file", A::AddEvent),
    bind(&[Alt('w')], "write shown/marked events to a file", A::Write(WriteAction::Open)),
    bind(&[Alt('!')], "the problems of the file's last save", A::ToggleProblems),
    // Alt-c clears, as c does outside pick mode: the capital is the calendar, as C is.
    bind(&[Alt('C')], "next calendar (Gregorian, SH, AH)", A::NextCalendar),
    bind(&[Code(KeyCode::F(1)), Alt('?')], "this help", A::ToggleHelp).hint(3, "help"),
    bind(&[Ctrl('z')], "suspend (fg to come back)", A::Suspend),
];
