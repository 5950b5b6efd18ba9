//! Keys → actions, as one table per mode. Pure: the same table drives `action` and the
//! help overlay, so the help can never drift from the real bindings.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEventKind};

use super::action::{Action, TimeAction};
use super::mode::Mode;
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

/// Bindings in the list (browse) mode.
pub const LIST: &[Binding] = &[
    bind(
        &[Char('j'), Code(KeyCode::Down)],
        "next event (a count first: 5j)",
        Action::NextEvent,
    ),
    bind(
        &[Char('k'), Code(KeyCode::Up)],
        "previous event",
        Action::PrevEvent,
    ),
    bind(
        &[Char('g'), Code(KeyCode::Home)],
        "first event; 10g: the 10th",
        Action::FirstEvent,
    ),
    bind(
        &[Char('G'), Code(KeyCode::End)],
        "last event; 10G: the 10th shown",
        Action::LastEvent,
    ),
    bind(&[Ctrl('d')], "half a page down", Action::HalfPageDown),
    bind(&[Code(KeyCode::PageDown)], "a page down", Action::PageDown),
    bind(&[Ctrl('u')], "half a page up", Action::HalfPageUp),
    bind(&[Code(KeyCode::PageUp)], "a page up", Action::PageUp),
    bind(&[Char(']')], "next year with events", Action::NextYear),
    bind(&[Char('[')], "previous year with events", Action::PrevYear),
    bind(&[Char('}')], "next era", Action::NextEra),
    bind(&[Char('{')], "previous era", Action::PrevEra),
    note(&[Char('0'), Char('9')], "count: 5j, 10G, 3 Space marks 3"),
    bind(&[Char(':')], "jump to a date (1989-02)", Action::StartJump),
    bind(
        &[Code(KeyCode::Backspace), Ctrl('o')],
        "back to where a jump or link came from",
        Action::HistoryBack,
    ),
    bind(&[Ctrl('f')], "forward again", Action::HistoryForward),
    bind(&[Char('/')], "search", Action::StartSearch)
        .hints(Some((2, "search")), Some((4, "search"))),
    bind(&[Char('a')], "filter by actor", Action::OpenActorPicker)
        .hints(Some((3, "actors")), Some((5, "actors"))),
    bind(&[Char('v')], "time view", Action::Time(TimeAction::Toggle))
        .hints(Some((5, "time")), None),
    // In pick mode typed characters are for the prompt: a chord that does not type.
    bind(
        &[Ctrl('t')],
        "time view (also in pick mode)",
        Action::Time(TimeAction::Toggle),
    )
    .hints(None, Some((7, "time"))),
    bind(
        &[Char('r')],
        "date range: 1979..1989, ..2001",
        Action::OpenRange,
    )
    .hints(Some((6, "range")), Some((8, "range"))),
    bind(
        &[Char('c')],
        "clear query, actors and range",
        Action::ClearFilters,
    )
    .hints(Some((7, "clear")), None),
    bind(
        &[Code(KeyCode::Tab), Char('l'), Code(KeyCode::Right)],
        "focus the detail pane",
        Action::FocusDetail,
    ),
    bind(&[Char(' ')], "mark / unmark the event", Action::ToggleMark)
        .hints(None, Some((1, "mark"))),
    bind(
        &[Code(KeyCode::Enter)],
        "open the detail (pick mode: print)",
        Action::Accept,
    )
    .hints(Some((4, "detail")), Some((0, "pick"))),
    bind(
        &[Char('y')],
        "copy the marked, else this event",
        Action::Copy,
    ),
    bind(&[Char('Y')], "copy their ids", Action::CopyIds),
    bind(
        &[Char('o')],
        "open source address (2o: the 2nd)",
        Action::OpenSource,
    ),
    bind(&[Char('z')], "zoom the detail in / out", Action::ToggleZoom),
    bind(&[Char('?')], "this help", Action::ToggleHelp).hints(Some((0, "help")), Some((2, "help"))),
    bind(
        &[Code(KeyCode::Esc)],
        "clear query, then actors, then range",
        Action::Back,
    ),
    bind(&[Char('q')], "quit (with marks, q twice)", Action::Quit)
        .hints(Some((1, "quit")), Some((3, "cancel"))),
    bind(&[Ctrl('c')], "quit at once", Action::QuitNow),
    bind(&[Ctrl('z')], "suspend (fg to come back)", Action::Suspend),
];

/// Bindings of the time view; the list's other keys work there too (j/k and the arrows
/// step through the events in time as in the list, Tab focuses the detail).
pub const TIME: &[Binding] = &[
    bind(
        &[Char('v')],
        "back to the list",
        Action::Time(TimeAction::Toggle),
    )
    .hints(Some((5, "list")), None),
    bind(
        &[Ctrl('t')],
        "back to the list (also in pick mode)",
        Action::Time(TimeAction::Toggle),
    )
    .hints(None, Some((4, "list"))),
    bind(
        &[Char('+'), Char('=')],
        "zoom in around the selection",
        Action::Time(TimeAction::ZoomIn),
    )
    .hints(Some((1, "zoom")), Some((2, "zoom"))),
    bind(&[Char('-')], "zoom out", Action::Time(TimeAction::ZoomOut))
        .hints(Some((1, "zoom")), Some((2, "zoom"))),
    bind(
        &[Char('0')],
        "fit the filtered span",
        Action::Time(TimeAction::Fit),
    )
    .hints(Some((4, "fit")), None),
    bind(
        &[Char('h'), Code(KeyCode::Left)],
        "previous event in time",
        Action::PrevEvent,
    )
    .hints(Some((2, "move")), None),
    bind(
        &[Char('l'), Code(KeyCode::Right)],
        "next event in time",
        Action::NextEvent,
    )
    .hints(Some((2, "move")), None),
    bind(
        &[Char('H')],
        "pan back half a screen",
        Action::Time(TimeAction::PanBack),
    )
    .hints(Some((3, "pan")), Some((3, "pan"))),
    bind(
        &[Char('L')],
        "pan forward half a screen",
        Action::Time(TimeAction::PanForward),
    )
    .hints(Some((3, "pan")), Some((3, "pan"))),
    bind(
        &[Code(KeyCode::Enter)],
        "open the detail (pick mode: print)",
        Action::Accept,
    )
    .hints(None, Some((1, "pick"))),
    bind(&[Char('?')], "this help", Action::ToggleHelp).hints(Some((6, "help")), Some((5, "help"))),
];

/// Bindings while the detail pane has focus.
pub const DETAIL: &[Binding] = &[
    bind(
        &[Char('j'), Code(KeyCode::Down)],
        "scroll down",
        Action::DetailDown,
    )
    .hint(1, "scroll"),
    bind(
        &[Char('k'), Code(KeyCode::Up)],
        "scroll up",
        Action::DetailUp,
    )
    .hint(1, "scroll"),
    bind(
        &[Ctrl('d'), Code(KeyCode::PageDown), Char(' ')],
        "a page down",
        Action::DetailPageDown,
    ),
    bind(
        &[Ctrl('u'), Code(KeyCode::PageUp)],
        "a page up",
        Action::DetailPageUp,
    ),
    note(&[Char('1'), Char('9')], "follow related event N").hint(2, "related"),
    bind(&[Char('n')], "next match of the query", Action::NextMatch).hint(5, "match"),
    bind(&[Char('N')], "previous match", Action::PrevMatch).hint(5, "match"),
    bind(
        &[Code(KeyCode::Backspace), Ctrl('o')],
        "back to where a link came from",
        Action::HistoryBack,
    ),
    bind(&[Ctrl('f')], "forward again", Action::HistoryForward),
    bind(
        &[
            Char('h'),
            Code(KeyCode::Left),
            Code(KeyCode::Esc),
            Code(KeyCode::Tab),
        ],
        "back to the list",
        Action::FocusList,
    )
    .hint(0, "back"),
    bind(
        &[Code(KeyCode::Enter)],
        "pick mode: print and exit",
        Action::Accept,
    ),
    bind(
        &[Char('y')],
        "copy the marked, else this event",
        Action::Copy,
    ),
    bind(&[Char('Y')], "copy the ids", Action::CopyIds),
    bind(
        &[Char('o')],
        "open the first source address",
        Action::OpenSource,
    ),
    bind(&[Char('z')], "zoom in / out", Action::ToggleZoom).hint(4, "zoom"),
    bind(&[Char('?')], "this help", Action::ToggleHelp).hint(3, "help"),
    bind(&[Char('q')], "quit", Action::Quit),
    bind(&[Ctrl('c')], "quit at once", Action::QuitNow),
    bind(&[Ctrl('z')], "suspend", Action::Suspend),
];

/// Bindings at the search prompt (typed text goes into the query).
pub const SEARCH: &[Binding] = &[
    note(&[Char('a'), Char('z')], "type words; all must match"),
    bind(
        &[Code(KeyCode::Enter)],
        "keep the query, back to the list",
        Action::SearchKeep,
    )
    .hint(0, "keep"),
    bind(
        &[Code(KeyCode::Esc)],
        "clear the query, back to the list",
        Action::SearchClear,
    )
    .hint(1, "clear"),
    bind(
        &[Code(KeyCode::Backspace)],
        "delete a character",
        Action::SearchBackspace,
    ),
    bind(&[Ctrl('w')], "delete a word", Action::SearchDeleteWord),
    bind(
        &[Code(KeyCode::Down), Ctrl('n')],
        "next event",
        Action::NextEvent,
    ),
    bind(
        &[Code(KeyCode::Up), Ctrl('p')],
        "previous event",
        Action::PrevEvent,
    ),
    bind(&[Ctrl('c')], "quit at once", Action::QuitNow),
];

/// Bindings at the `:` prompt (typed text is the date).
pub const JUMP: &[Binding] = &[
    note(
        &[Char('0'), Char('9')],
        "type a date: 1989, 1989-02, feb 1989",
    ),
    bind(&[Code(KeyCode::Enter)], "jump to it", Action::JumpGo).hint(0, "jump"),
    bind(&[Code(KeyCode::Esc)], "cancel", Action::JumpCancel).hint(1, "cancel"),
    bind(
        &[Code(KeyCode::Backspace)],
        "delete a character",
        Action::Edit(Edit::DeleteBack),
    ),
    bind(
        &[Ctrl('w')],
        "delete a word",
        Action::Edit(Edit::KillWordBack),
    ),
    bind(&[Ctrl('c')], "quit at once", Action::QuitNow),
];

/// Readline editing, at the search and `:` prompts alike (after the mode's own keys).
pub const EDIT: &[Binding] = &[
    bind(
        &[Code(KeyCode::Left)],
        "a character left",
        Action::Edit(Edit::Left),
    ),
    bind(
        &[Code(KeyCode::Right)],
        "a character right",
        Action::Edit(Edit::Right),
    ),
    bind(
        &[Code(KeyCode::Home), Ctrl('a')],
        "to the start",
        Action::Edit(Edit::Home),
    ),
    bind(
        &[Code(KeyCode::End), Ctrl('e')],
        "to the end",
        Action::Edit(Edit::End),
    ),
    bind(&[Alt('b')], "a word left", Action::Edit(Edit::WordLeft)),
    bind(&[Alt('f')], "a word right", Action::Edit(Edit::WordRight)),
    bind(
        &[Ctrl('u')],
        "delete to the start",
        Action::Edit(Edit::KillToStart),
    ),
    bind(
        &[Ctrl('k')],
        "delete to the end",
        Action::Edit(Edit::KillToEnd),
    ),
    bind(
        &[AltCode(KeyCode::Backspace)],
        "delete a word (letters, digits)",
        Action::Edit(Edit::KillAlnumWordBack),
    ),
    bind(
        &[Code(KeyCode::Delete)],
        "delete under the cursor",
        Action::Edit(Edit::DeleteForward),
    ),
];

/// Bindings in the actor picker. Typed characters narrow the list, so moving and the
/// rest take keys that do not type.
pub const PICKER: &[Binding] = &[
    note(&[Char('a'), Char('z')], "type to narrow: name, id or alias"),
    bind(
        &[Code(KeyCode::Down), Ctrl('n')],
        "next actor",
        Action::PickerDown,
    ),
    bind(
        &[Code(KeyCode::Up), Ctrl('p')],
        "previous actor",
        Action::PickerUp,
    ),
    bind(&[Code(KeyCode::Home)], "first actor", Action::PickerFirst),
    bind(&[Code(KeyCode::End)], "last actor", Action::PickerLast),
    bind(
        &[Char(' ')],
        "select / unselect, and move on",
        Action::PickerToggle,
    )
    .hint(1, "select"),
    bind(
        &[Code(KeyCode::Tab)],
        "match any / all selected",
        Action::PickerSwitchMode,
    )
    .hint(2, "any/all"),
    bind(
        &[Ctrl('x')],
        "unselect every actor",
        Action::PickerClearSelection,
    )
    .hint(4, "none"),
    bind(
        &[Code(KeyCode::Backspace)],
        "delete a typed character",
        Action::PickerBackspace,
    ),
    bind(&[Code(KeyCode::Enter)], "apply", Action::PickerApply).hint(0, "apply"),
    bind(&[Code(KeyCode::Esc)], "cancel", Action::PickerCancel).hint(3, "cancel"),
    bind(&[Ctrl('c')], "quit at once", Action::QuitNow),
];

/// Bindings at the date range prompt (typed text is the range).
pub const RANGE: &[Binding] = &[
    note(
        &[Char('0'), Char('9')],
        "type 1979..1989, 1989-02.., ..2001",
    ),
    bind(
        &[Code(KeyCode::Enter)],
        "apply; an empty range clears it",
        Action::RangeApply,
    )
    .hint(0, "apply"),
    bind(&[Code(KeyCode::Esc)], "cancel", Action::RangeCancel).hint(1, "cancel"),
    bind(
        &[Code(KeyCode::Backspace)],
        "delete a character",
        Action::RangeBackspace,
    ),
    bind(&[Ctrl('u')], "clear the line", Action::RangeClearLine),
    bind(&[Ctrl('c')], "quit at once", Action::QuitNow),
];

/// Bindings while the help is shown.
pub const HELP: &[Binding] = &[
    bind(
        &[Char('j'), Code(KeyCode::Down)],
        "scroll down",
        Action::HelpDown,
    )
    .hint(1, "scroll"),
    bind(&[Char('k'), Code(KeyCode::Up)], "scroll up", Action::HelpUp).hint(1, "scroll"),
    bind(
        &[Char('?'), Code(KeyCode::Esc)],
        "close the help",
        Action::ToggleHelp,
    )
    .hint(0, "close")
    .hint_keys(2),
    bind(&[Char('q')], "quit", Action::Quit),
    bind(&[Ctrl('c')], "quit at once", Action::QuitNow),
];

/// The table for a mode.
pub fn bindings(mode: Mode) -> &'static [Binding] {
    match mode {
        Mode::Browse => LIST,
        Mode::Time => TIME,
        Mode::Detail => DETAIL,
        Mode::Search => SEARCH,
        Mode::ActorPicker => PICKER,
        Mode::Help => HELP,
        Mode::Jump => JUMP,
        Mode::Range => RANGE,
        Mode::Pick => PICK,
    }
}

/// The action for a terminal event in a mode, if it means anything there.
pub fn action(event: &Event, mode: Mode) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => key_action(key, mode),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::ScrollDown => Some(Action::Wheel {
                row: mouse.row,
                col: mouse.column,
                down: true,
            }),
            MouseEventKind::ScrollUp => Some(Action::Wheel {
                row: mouse.row,
                col: mouse.column,
                down: false,
            }),
            MouseEventKind::Down(crossterm::event::MouseButton::Left) => Some(Action::Click {
                row: mouse.row,
                col: mouse.column,
            }),
            MouseEventKind::Drag(crossterm::event::MouseButton::Left) => Some(Action::Drag {
                row: mouse.row,
                col: mouse.column,
            }),
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        _ => None,
    }
}

/// A key as the tables spell it (Alt aside: see `key_action`).
fn pressed(key: &KeyEvent) -> Key {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    match key.code {
        KeyCode::Char(c) if ctrl => Key::Ctrl(c.to_ascii_lowercase()),
        KeyCode::Char(c) if alt => Key::Alt(c),
        KeyCode::Char(c) => Key::Char(c),
        code => Key::Code(code),
    }
}

fn key_action(key: &KeyEvent, mode: Mode) -> Option<Action> {
    let alt =
        key.modifiers.contains(KeyModifiers::ALT) && !key.modifiers.contains(KeyModifiers::CONTROL);
    let pressed = pressed(key);
    // Readline editing follows the prompt's own keys.
    let edits = if matches!(mode, Mode::Search | Mode::Jump | Mode::Pick) {
        EDIT
    } else {
        &[]
    };
    let find = |table: &[Binding], key: Key| {
        table
            .iter()
            .chain(edits)
            .find(|b| b.action.is_some() && b.keys.contains(&key))
            .and_then(|b| b.action)
    };
    // An Alt key means itself where it is bound, else what the key means without Alt (a
    // terminal sends Esc and a key typed fast as Alt and the key).
    let alt_key = match key.code {
        KeyCode::Char(_) => pressed,
        code => Key::AltCode(code),
    };
    if alt && let Some(found) = find(bindings(mode), alt_key) {
        return Some(found);
    }
    let pressed = match (alt, key.code) {
        (true, KeyCode::Char(c)) if find(bindings(mode), pressed).is_none() => Key::Char(c),
        _ => pressed,
    };
    if let Some(found) = find(bindings(mode), pressed) {
        return Some(found);
    }
    // The time view keeps the list's keys that it does not bind itself.
    if mode == Mode::Time
        && let Some(found) = find(LIST, pressed)
    {
        return Some(found);
    }
    let digit = match pressed {
        Key::Char(c) => c.to_digit(10).and_then(|d| u8::try_from(d).ok()),
        _ => None,
    };
    match (mode, pressed) {
        (Mode::Browse | Mode::Time, _) if digit.is_some() => digit.map(Action::CountDigit),
        (Mode::Detail, _) if digit.is_some() => digit.map(Action::FollowRelated),
        (Mode::Search | Mode::Pick, Key::Char(c)) => Some(Action::SearchType(c)),
        (Mode::Jump, Key::Char(c)) => Some(Action::Edit(Edit::Insert(c))),
        (Mode::ActorPicker, Key::Char(c)) => Some(Action::PickerType(c)),
        (Mode::Range, Key::Char(c)) => Some(Action::RangeType(c)),
        _ => None,
    }
}

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

#[cfg(test)]
mod tests {
    use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

    use super::*;

    /// A digit means what the mode makes of it, and the action says which.
    #[test]
    fn digits_are_counts_in_the_list_and_links_in_the_detail() {
        let five = Event::Key(KeyEvent::new(KeyCode::Char('5'), KeyModifiers::NONE));
        assert_eq!(action(&five, Mode::Browse), Some(Action::CountDigit(5)));
        assert_eq!(action(&five, Mode::Detail), Some(Action::FollowRelated(5)));
        assert_eq!(action(&five, Mode::Search), Some(Action::SearchType('5')));
        assert_eq!(
            action(&five, Mode::ActorPicker),
            Some(Action::PickerType('5'))
        );
        assert_eq!(action(&five, Mode::Range), Some(Action::RangeType('5')));
        assert_eq!(action(&five, Mode::Help), None);
    }

    /// Alt-b is a word left at a prompt; an unbound Alt key means the plain key.
    #[test]
    fn alt_keys_are_bound_at_the_prompts_and_plain_elsewhere() {
        let alt = |code| Event::Key(KeyEvent::new(code, KeyModifiers::ALT));
        assert_eq!(
            action(&alt(KeyCode::Char('b')), Mode::Search),
            Some(Action::Edit(Edit::WordLeft))
        );
        assert_eq!(
            action(&alt(KeyCode::Backspace), Mode::Jump),
            Some(Action::Edit(Edit::KillAlnumWordBack))
        );
        assert_eq!(
            action(&alt(KeyCode::Char('x')), Mode::Search),
            Some(Action::SearchType('x'))
        );
        assert_eq!(action(&alt(KeyCode::Esc), Mode::Browse), Some(Action::Back));
        assert_eq!(
            action(&alt(KeyCode::Char('?')), Mode::Browse),
            Some(Action::ToggleHelp)
        );
    }

    /// Pick mode's prompt edits like the others (fzf's does), except where fzf gives a key
    /// to moving: Ctrl-k is the previous event there, not "delete to the end".
    #[test]
    fn pick_mode_edits_its_prompt_like_readline_but_keeps_fzf_moves() {
        let key = |code, mods| Event::Key(KeyEvent::new(code, mods));
        let ctrl = |c| key(KeyCode::Char(c), KeyModifiers::CONTROL);
        assert_eq!(
            action(&ctrl('a'), Mode::Pick),
            Some(Action::Edit(Edit::Home))
        );
        assert_eq!(
            action(&ctrl('e'), Mode::Pick),
            Some(Action::Edit(Edit::End))
        );
        assert_eq!(
            action(&ctrl('u'), Mode::Pick),
            Some(Action::Edit(Edit::KillToStart))
        );
        assert_eq!(
            action(&key(KeyCode::Left, KeyModifiers::NONE), Mode::Pick),
            Some(Action::Edit(Edit::Left))
        );
        assert_eq!(
            action(&key(KeyCode::Char('b'), KeyModifiers::ALT), Mode::Pick),
            Some(Action::Edit(Edit::WordLeft))
        );
        assert_eq!(
            action(&key(KeyCode::Delete, KeyModifiers::NONE), Mode::Pick),
            Some(Action::Edit(Edit::DeleteForward))
        );
        assert_eq!(action(&ctrl('k'), Mode::Pick), Some(Action::PrevEvent));
        assert_eq!(action(&ctrl('j'), Mode::Pick), Some(Action::NextEvent));
    }

    /// q asks twice when events are marked; Ctrl-c, an interrupt, quits at once.
    #[test]
    fn ctrl_c_quits_at_once_where_q_may_ask() {
        let key = |code, mods| Event::Key(KeyEvent::new(code, mods));
        let ctrl_c = key(KeyCode::Char('c'), KeyModifiers::CONTROL);
        let q = key(KeyCode::Char('q'), KeyModifiers::NONE);
        for mode in [Mode::Browse, Mode::Detail, Mode::Time, Mode::Help] {
            assert_eq!(action(&q, mode), Some(Action::Quit), "{mode:?}");
            assert_eq!(action(&ctrl_c, mode), Some(Action::QuitNow), "{mode:?}");
        }
        for mode in [Mode::Search, Mode::Jump, Mode::ActorPicker, Mode::Range] {
            assert_eq!(action(&ctrl_c, mode), Some(Action::QuitNow), "{mode:?}");
        }
    }
}
