//! Pick mode's table, fzf's keys: the prompt is active from the start, so every binding
//! but typing uses a key that does not type (arrows, Ctrl, Alt, F1).

use crossterm::event::KeyCode;

use super::Key::{Alt, Char, Code, Ctrl};
use super::{Binding, bind, note};
use crate::tui::action::{Action, TimeAction};

/// Bindings in pick mode (stdout is not a terminal), fzf's: the prompt is active from the
/// start, so typed characters filter and every other action has a key that does not type.
pub const PICK: &[Binding] = &[
    note(
        &[Char('a'), Char('z')],
        "type to filter; all words must match",
    ),
    bind(
        &[Code(KeyCode::Enter)],
        "print the marked, else this; exit",
        Action::Accept,
    )
    .hint(0, "pick"),
    bind(
        &[Code(KeyCode::Tab)],
        "mark and move down",
        Action::MarkDown,
    )
    .hint(1, "mark"),
    bind(
        &[Code(KeyCode::BackTab)],
        "unmark and move up",
        Action::UnmarkUp,
    ),
    bind(
        &[Code(KeyCode::Esc), Ctrl('c'), Ctrl('g')],
        "cancel (exit 130)",
        Action::Quit,
    )
    .hint(2, "cancel"),
    bind(
        &[Code(KeyCode::Down), Ctrl('n'), Ctrl('j')],
        "next event",
        Action::NextEvent,
    ),
    bind(
        &[Code(KeyCode::Up), Ctrl('p'), Ctrl('k')],
        "previous event",
        Action::PrevEvent,
    ),
    bind(&[Code(KeyCode::PageDown)], "a page down", Action::PageDown),
    bind(&[Code(KeyCode::PageUp)], "a page up", Action::PageUp),
    bind(&[Alt('d')], "half a page down", Action::HalfPageDown),
    bind(&[Alt('u')], "half a page up", Action::HalfPageUp),
    bind(
        &[Code(KeyCode::Backspace)],
        "delete a character",
        Action::SearchBackspace,
    ),
    bind(&[Ctrl('w')], "delete a word", Action::SearchDeleteWord),
    bind(&[Alt('g')], "first event", Action::FirstEvent),
    bind(&[Alt('G')], "last event", Action::LastEvent),
    bind(&[Alt(']')], "next year with events", Action::NextYear),
    bind(&[Alt('[')], "previous year with events", Action::PrevYear),
    bind(&[Alt('}')], "next era", Action::NextEra),
    bind(&[Alt('{')], "previous era", Action::PrevEra),
    bind(&[Alt(':')], "jump to a date (1989-02)", Action::StartJump),
    bind(
        &[Ctrl('o')],
        "back to where a jump came from",
        Action::HistoryBack,
    ),
    bind(&[Ctrl('f')], "forward again", Action::HistoryForward),
    bind(&[Alt('a')], "filter by actor", Action::OpenActorPicker),
    bind(&[Alt('r')], "date range", Action::OpenRange),
    bind(
        &[Alt('c')],
        "clear query, actors and range",
        Action::ClearFilters,
    ),
    bind(&[Ctrl('t')], "time view", Action::Time(TimeAction::Toggle)),
    // Not →: the prompt's cursor has it.
    bind(&[Alt('l')], "focus the detail pane", Action::FocusDetail),
    bind(
        &[Alt('y')],
        "copy the marked, else this event",
        Action::Copy,
    ),
    bind(&[Alt('Y')], "copy the ids", Action::CopyIds),
    bind(
        &[Alt('o')],
        "open the first source address",
        Action::OpenSource,
    ),
    bind(&[Alt('z')], "zoom the detail", Action::ToggleZoom),
    bind(
        &[Code(KeyCode::F(1)), Alt('?')],
        "this help",
        Action::ToggleHelp,
    )
    .hint(3, "help"),
    bind(&[Ctrl('z')], "suspend (fg to come back)", Action::Suspend),
];
