//! Keys → actions, as data: one table per mode, one binding per row (as gitui's
//! `key_list.rs`). The same tables drive `input::action`, the help overlay, the status
//! line's hints and the generated docs, so none can drift from the real bindings. Which
//! tables a mode looks up, in what order, and what an unbound typed key means there, is
//! the mode's entry in `mode::MODES`.

use crossterm::event::KeyCode;

use super::action::{Action, TimeAction, WriteAction};
use super::prompt::Edit;

/// A key as the tables spell it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Ctrl(char),
    /// Alt (Meta) and a character: in pick mode, where plain characters type.
    Alt(char),
    Code(KeyCode),
    /// Alt (Meta) with a key that is no character: `Alt-Backspace`.
    AltCode(KeyCode),
}

/// One row of the help: the keys, what they do, and the action (None: handled as a class,
/// such as digits or typed text); with a short hint if the status line and the pane
/// footers name it.
pub struct Binding {
    pub keys: &'static [Key],
    pub help: &'static str,
    pub action: Option<Action>,
    pub hint: Option<Hint>,
}

/// A binding's short hint (`? help`), generated with the binding's own keys so that it
/// can never name a key that does something else.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hint {
    /// Where the hint goes among the mode's hints (lower first: the status line keeps as
    /// many as fit) and its word, outside pick mode; `None`: not shown there.
    pub browse: Option<(u8, &'static str)>,
    /// The same in pick mode, where Enter and q mean pick and cancel.
    pub pick: Option<(u8, &'static str)>,
    /// How many of the binding's keys the hint names (`? or Esc close`).
    pub keys: usize,
}

const fn bind(keys: &'static [Key], help: &'static str, action: Action) -> Binding {
    Binding {
        keys,
        help,
        action: Some(action),
        hint: None,
    }
}

const fn note(keys: &'static [Key], help: &'static str) -> Binding {
    Binding {
        keys,
        help,
        action: None,
        hint: None,
    }
}

impl Binding {
    /// Hinted as `word` at `rank`, in and out of pick mode. Bindings of a mode with the
    /// same rank share one hint: `j/k scroll`.
    const fn hint(self, rank: u8, word: &'static str) -> Binding {
        self.hints(Some((rank, word)), Some((rank, word)))
    }

    /// Hinted differently outside and inside pick mode.
    const fn hints(
        mut self,
        browse: Option<(u8, &'static str)>,
        pick: Option<(u8, &'static str)>,
    ) -> Binding {
        self.hint = Some(Hint {
            browse,
            pick,
            keys: 1,
        });
        self
    }

    /// The hint names the first `n` keys.
    const fn hint_keys(mut self, n: usize) -> Binding {
        if let Some(hint) = &mut self.hint {
            hint.keys = n;
        }
        self
    }
}

use Key::{Alt, AltCode, Char, Code, Ctrl};

mod pick;
pub use pick::PICK;

// The keys that are no character, short enough for a table row.
const UP: Key = Code(KeyCode::Up);
const DOWN: Key = Code(KeyCode::Down);
const LEFT: Key = Code(KeyCode::Left);
const RIGHT: Key = Code(KeyCode::Right);
const HOME: Key = Code(KeyCode::Home);
const END: Key = Code(KeyCode::End);
const PGUP: Key = Code(KeyCode::PageUp);
const PGDN: Key = Code(KeyCode::PageDown);
const TAB: Key = Code(KeyCode::Tab);
const BACKTAB: Key = Code(KeyCode::BackTab);
const ENTER: Key = Code(KeyCode::Enter);
const ESC: Key = Code(KeyCode::Esc);
const BACKSPACE: Key = Code(KeyCode::Backspace);
const DELETE: Key = Code(KeyCode::Delete);

use Action as A;
const TIME_TOGGLE: Action = A::Time(TimeAction::Toggle);

/// Bindings in the list (browse) mode.
#[rustfmt::skip]
pub const LIST: &[Binding] = &[
    bind(&[Char('j'), DOWN], "next event (a count first: 5j)", A::NextEvent),
    bind(&[Char('k'), UP], "previous event", A::PrevEvent),
    bind(&[Char('g'), HOME], "first event; 10g: the 10th", A::FirstEvent),
    bind(&[Char('G'), END], "last event; 10G: the 10th shown", A::LastEvent),
    bind(&[Ctrl('d')], "half a page down", A::HalfPageDown),
    bind(&[PGDN], "a page down", A::PageDown),
    bind(&[Ctrl('u')], "half a page up", A::HalfPageUp),
    bind(&[PGUP], "a page up", A::PageUp),
    bind(&[Char(']')], "next year with events", A::NextYear),
    bind(&[Char('[')], "previous year with events", A::PrevYear),
    bind(&[Char('}')], "next era", A::NextEra),
    bind(&[Char('{')], "previous era", A::PrevEra),
    note(&[Char('0'), Char('9')], "count: 5j, 10G, 3 Space marks 3"),
    bind(&[Char(':')], "jump to a date (1989-02)", A::StartJump),
    bind(&[BACKSPACE, Ctrl('o')], "back to where a jump or link came from", A::HistoryBack),
    bind(&[Ctrl('f')], "forward again", A::HistoryForward),
    bind(&[Char('/')], "search", A::StartSearch).hints(Some((2, "search")), Some((4, "search"))),
    bind(&[Char('a')], "filter by actor", A::OpenActorFilter).hints(Some((3, "actors")), Some((5, "actors"))),
    bind(&[Char('v')], "time view", TIME_TOGGLE).hints(Some((5, "time")), None),
    // In pick mode typed characters are for the prompt: a chord that does not type.
    bind(&[Ctrl('t')], "time view (also in pick mode)", TIME_TOGGLE).hints(None, Some((7, "time"))),
    bind(&[Char('r')], "date range: 1979..1989, ..2001", A::OpenRange).hints(Some((6, "range")), Some((8, "range"))),
    bind(&[Char('c')], "clear query, actors and range", A::ClearFilters).hints(Some((7, "clear")), None),
    bind(&[TAB, Char('l'), RIGHT], "focus the detail pane", A::FocusDetail),
    bind(&[Char(' ')], "mark / unmark the event", A::ToggleMark).hints(None, Some((1, "mark"))),
    bind(&[ENTER], "open the detail (pick mode: print)", A::Accept).hints(Some((4, "detail")), Some((0, "pick"))),
    bind(&[Char('y')], "copy the marked, else this event", A::Copy),
    bind(&[Char('Y')], "copy their ids", A::CopyIds),
    bind(&[Char('o')], "open source address (2o: the 2nd)", A::OpenSource),
    bind(&[Char('z')], "zoom the detail in / out", A::ToggleZoom),
    bind(&[Char('*')], "star / unstar (kept for next time)", A::ToggleStar),
    bind(&[Char('N')], "write a note on the event (in $EDITOR)", A::EditNote),
    bind(&[Char('e')], "edit the timeline file at this event ($EDITOR)", A::EditTimeline),
    bind(&[Char('A')], "add an event to the file (a template in $EDITOR)", A::AddEvent),
    bind(&[Char('w')], "write shown/marked events to a file", A::Write(WriteAction::Open)),
    bind(&[Char('!')], "the problems of the file's last save", A::ToggleProblems),
    // `c` clears; the capital is the calendar, free in the list, the time view and the detail.
    bind(&[Char('C')], "next calendar (Gregorian, SH, AH)", A::NextCalendar),
    bind(&[Char('?')], "this help", A::ToggleHelp).hints(Some((0, "help")), Some((2, "help"))),
    bind(&[ESC], "clear query, then actors, then range", A::Back),
    bind(&[Char('q')], "quit (with marks, q twice)", A::Quit).hints(Some((1, "quit")), Some((3, "cancel"))),
    bind(&[Ctrl('c')], "quit at once", A::QuitNow),
    bind(&[Ctrl('z')], "suspend (fg to come back)", A::Suspend),
];

/// Bindings of the time view; the list's other keys work there too (j/k and the arrows
/// step through the events in time as in the list, Tab focuses the detail).
#[rustfmt::skip]
pub const TIME: &[Binding] = &[
    bind(&[Char('v')], "back to the list", TIME_TOGGLE).hints(Some((5, "list")), None),
    bind(&[Ctrl('t')], "back to the list (also in pick mode)", TIME_TOGGLE).hints(None, Some((4, "list"))),
    bind(&[Char('+'), Char('=')], "zoom in, the selection in the middle", A::Time(TimeAction::ZoomIn)).hints(Some((1, "zoom")), Some((2, "zoom"))),
    bind(&[Char('-')], "zoom out, the selection in the middle", A::Time(TimeAction::ZoomOut)).hints(Some((1, "zoom")), Some((2, "zoom"))),
    bind(&[Char('0')], "fit the filtered span", A::Time(TimeAction::Fit)).hints(Some((4, "fit")), None),
    bind(&[Char('h'), LEFT], "previous event in time", A::PrevEvent).hints(Some((2, "move")), None),
    bind(&[Char('l'), RIGHT], "next event in time", A::NextEvent).hints(Some((2, "move")), None),
    bind(&[Char('H')], "pan back half a screen", A::Time(TimeAction::PanBack)).hints(Some((3, "pan")), Some((3, "pan"))),
    bind(&[Char('L')], "pan forward half a screen", A::Time(TimeAction::PanForward)).hints(Some((3, "pan")), Some((3, "pan"))),
    bind(&[Char('z')], "whole width / the detail beside", A::Time(TimeAction::FullWidth)).hints(Some((7, "wide")), None),
    bind(&[Char('s')], "lanes: busiest first / by first seen", A::Time(TimeAction::LaneOrder)).hints(Some((8, "order")), None),
    bind(&[ENTER], "open the detail (pick mode: print)", A::Accept).hints(None, Some((1, "pick"))),
    bind(&[Char('?')], "this help", A::ToggleHelp).hints(Some((6, "help")), Some((5, "help"))),
];

/// Bindings while the detail pane has focus.
#[rustfmt::skip]
pub const DETAIL: &[Binding] = &[
    bind(&[Char('j'), DOWN], "scroll down", A::DetailDown).hint(1, "scroll"),
    bind(&[Char('k'), UP], "scroll up", A::DetailUp).hint(1, "scroll"),
    bind(&[Ctrl('d'), PGDN, Char(' ')], "a page down", A::DetailPageDown),
    bind(&[Ctrl('u'), PGUP], "a page up", A::DetailPageUp),
    bind(&[Char('g'), HOME], "the top", A::DetailTop),
    bind(&[Char('G'), END], "the end", A::DetailBottom),
    note(&[Char('1'), Char('9')], "follow related event N").hint(2, "related"),
    bind(&[Char('n')], "next match of the query", A::NextMatch).hint(5, "match"),
    bind(&[Char('N')], "previous match", A::PrevMatch).hint(5, "match"),
    bind(&[BACKSPACE, Ctrl('o')], "back to where a link came from", A::HistoryBack),
    bind(&[Ctrl('f')], "forward again", A::HistoryForward),
    bind(&[Char('h'), LEFT, ESC, TAB], "back to the list", A::FocusList).hint(0, "back"),
    bind(&[ENTER], "pick mode: print and exit", A::Accept),
    bind(&[Char('y')], "copy the marked, else this event", A::Copy),
    bind(&[Char('Y')], "copy the ids", A::CopyIds),
    bind(&[Char('o')], "open the first source address", A::OpenSource),
    bind(&[Char('z')], "zoom in / out", A::ToggleZoom).hint(4, "zoom"),
    bind(&[Char('*')], "star / unstar", A::ToggleStar),
    bind(&[Char('e')], "edit the timeline file here", A::EditTimeline),
    bind(&[Char('C')], "next calendar (Gregorian, SH, AH)", A::NextCalendar),
    bind(&[Char('?')], "this help", A::ToggleHelp).hint(3, "help"),
    bind(&[Char('q')], "quit", A::Quit),
    bind(&[Ctrl('c')], "quit at once", A::QuitNow),
    bind(&[Ctrl('z')], "suspend", A::Suspend),
];

/// Bindings at the search prompt (typed text goes into the query).
#[rustfmt::skip]
pub const SEARCH: &[Binding] = &[
    note(&[Char('a'), Char('z')], "type words; all must match"),
    bind(&[ENTER], "keep the query, back to the list", A::SearchKeep).hint(0, "keep"),
    bind(&[ESC], "clear the query, back to the list", A::SearchClear).hint(1, "clear"),
    bind(&[DOWN, Ctrl('n')], "next event", A::NextEvent),
    bind(&[UP, Ctrl('p')], "previous event", A::PrevEvent),
    bind(&[Ctrl('c')], "quit at once", A::QuitNow),
];

/// Bindings at the `:` prompt (typed text is the date).
#[rustfmt::skip]
pub const JUMP: &[Binding] = &[
    note(&[Char('0'), Char('9')], "type a date: 1989, 1989-02, feb 1989"),
    bind(&[ENTER], "jump to it", A::JumpGo).hint(0, "jump"),
    bind(&[ESC], "cancel", A::JumpCancel).hint(1, "cancel"),
    bind(&[Ctrl('c')], "quit at once", A::QuitNow),
];

/// Bindings in the actor filter's overlay. Typed characters narrow the list, so moving
/// and the rest take keys that do not type.
#[rustfmt::skip]
pub const ACTORS: &[Binding] = &[
    note(&[Char('a'), Char('z')], "type to narrow: name, id or alias"),
    bind(&[DOWN, Ctrl('n')], "next actor", A::ActorDown),
    bind(&[UP, Ctrl('p')], "previous actor", A::ActorUp),
    bind(&[HOME], "first actor", A::ActorFirst),
    bind(&[END], "last actor", A::ActorLast),
    bind(&[Char(' ')], "require / leave alone, and move on", A::ActorToggle).hint(1, "require"),
    // Ctrl-r: rule out. Every readline key stays the prompt's.
    bind(&[Ctrl('r')], "exclude an actor (−) / leave alone, and move on", A::ActorExclude).hint(2, "exclude"),
    bind(&[TAB], "match any / all required actors", A::ActorSwitchMode).hint(3, "any/all"),
    bind(&[BACKTAB], "exactly the required actors, no others: on / off", A::ActorSwitchExact).hint(4, "exactly"),
    bind(&[Ctrl('x')], "leave every actor and tag alone", A::ActorClearSelection).hint(6, "none"),
    bind(&[ENTER], "apply", A::ActorApply).hint(0, "apply"),
    bind(&[ESC], "cancel", A::ActorCancel).hint(5, "cancel"),
    bind(&[Ctrl('c')], "quit at once", A::QuitNow),
];

/// Bindings at the date range prompt (typed text is the range).
#[rustfmt::skip]
pub const RANGE: &[Binding] = &[
    note(&[Char('0'), Char('9')], "type 1979..1989, 1989-02.., ..2001"),
    bind(&[ENTER], "apply; an empty range clears it", A::RangeApply).hint(0, "apply"),
    bind(&[ESC], "cancel", A::RangeCancel).hint(1, "cancel"),
    bind(&[Ctrl('c')], "quit at once", A::QuitNow),
];

/// Bindings at the `w` prompt (typed text is the file's path; its extension the format).
#[rustfmt::skip]
pub const WRITE: &[Binding] = &[
    note(&[Char('a'), Char('z')], "type a path; its extension is the format"),
    bind(&[ENTER], "write; an existing file is replaced only if you say so", A::Write(WriteAction::Go)).hint(0, "write"),
    bind(&[ESC], "cancel", A::Write(WriteAction::Cancel)).hint(1, "cancel"),
    bind(&[Ctrl('c')], "quit at once", A::QuitNow),
];

/// Bindings when the file `w` names is there already.
#[rustfmt::skip]
pub const OVERWRITE: &[Binding] = &[
    bind(&[Char('y')], "replace the file", A::Write(WriteAction::Replace)).hint(0, "replace"),
    bind(&[Char('n'), ESC], "keep it, write nothing", A::Write(WriteAction::Keep)).hint(1, "keep"),
    bind(&[Ctrl('c')], "quit at once", A::QuitNow),
];

/// Readline editing at every prompt, after the mode's own keys, which win where they
/// differ: Home and End move in the actor filter's list, Ctrl-k moves up in pick mode.
#[rustfmt::skip]
pub const EDIT: &[Binding] = &[
    bind(&[BACKSPACE], "delete a character", A::Edit(Edit::DeleteBack)),
    bind(&[DELETE], "delete under the cursor", A::Edit(Edit::DeleteForward)),
    bind(&[LEFT, Ctrl('b')], "a character left", A::Edit(Edit::Left)),
    bind(&[RIGHT, Ctrl('f')], "a character right", A::Edit(Edit::Right)),
    bind(&[HOME, Ctrl('a')], "to the start", A::Edit(Edit::Home)),
    bind(&[END, Ctrl('e')], "to the end", A::Edit(Edit::End)),
    bind(&[Alt('b')], "a word left", A::Edit(Edit::WordLeft)),
    bind(&[Alt('f')], "a word right", A::Edit(Edit::WordRight)),
    bind(&[Ctrl('w')], "delete a word", A::Edit(Edit::KillWordBack)),
    bind(&[AltCode(KeyCode::Backspace)], "delete a word (letters, digits)", A::Edit(Edit::KillAlnumWordBack)),
    bind(&[Ctrl('u')], "delete to the start", A::Edit(Edit::KillToStart)),
    bind(&[Ctrl('k')], "delete to the end", A::Edit(Edit::KillToEnd)),
];

/// Bindings over the problems of the file's last save.
#[rustfmt::skip]
pub const PROBLEMS: &[Binding] = &[
    bind(&[Char('j'), DOWN], "scroll down", A::ProblemsDown).hint(1, "scroll"),
    bind(&[Char('k'), UP], "scroll up", A::ProblemsUp).hint(1, "scroll"),
    bind(&[Char('!'), ESC], "close", A::ToggleProblems).hint(0, "close").hint_keys(2),
    bind(&[Char('e')], "edit the timeline file", A::EditTimeline),
    bind(&[Char('q')], "quit", A::Quit),
    bind(&[Ctrl('c')], "quit at once", A::QuitNow),
];

/// Bindings while the help is shown.
#[rustfmt::skip]
pub const HELP: &[Binding] = &[
    bind(&[Char('j'), DOWN], "scroll down", A::HelpDown).hint(1, "scroll"),
    bind(&[Char('k'), UP], "scroll up", A::HelpUp).hint(1, "scroll"),
    bind(&[Char('?'), ESC], "close the help", A::ToggleHelp).hint(0, "close").hint_keys(2),
    bind(&[Char('q')], "quit", A::Quit),
    bind(&[Ctrl('c')], "quit at once", A::QuitNow),
];

/// How a key is shown in the help and the status line.
pub fn key_label(key: Key) -> String {
    match key {
        Key::Char(' ') => "Space".to_owned(),
        Key::Char(c) => c.to_string(),
        Key::Ctrl(c) => format!("Ctrl-{c}"),
        Key::Alt(c) => format!("Alt-{c}"),
        Key::AltCode(code) => format!("Alt-{}", key_label(Key::Code(code))),
        Key::Code(code) => match code {
            KeyCode::BackTab => "Shift-Tab".to_owned(),
            KeyCode::Down => "↓".to_owned(),
            KeyCode::Up => "↑".to_owned(),
            KeyCode::Left => "←".to_owned(),
            KeyCode::Right => "→".to_owned(),
            KeyCode::PageDown => "PgDn".to_owned(),
            KeyCode::PageUp => "PgUp".to_owned(),
            KeyCode::Char(c) => c.to_string(),
            other => other.to_string(),
        },
    }
}

/// The keys of a binding, as `j ↓`, or a range such as `0–9` for notes.
pub fn keys_label(binding: &Binding) -> String {
    if binding.action.is_none() && binding.keys.len() == 2 {
        return format!(
            "{}–{}",
            key_label(binding.keys[0]),
            key_label(binding.keys[1])
        );
    }
    binding
        .keys
        .iter()
        .map(|k| key_label(*k))
        .collect::<Vec<_>>()
        .join(" ")
}
