//! Keys → actions, as one table per mode. Pure: the same table drives `action` and the
//! help overlay, so the help can never drift from the real bindings.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEventKind};

use super::action::Action;
use super::mode::Mode;

/// A key as the tables spell it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Code(KeyCode),
}

/// One row of the help: the keys, what they do, and the action (None: handled as a class,
/// such as digits or typed text).
pub struct Binding {
    pub keys: &'static [Key],
    pub help: &'static str,
    pub action: Option<Action>,
}

const fn bind(keys: &'static [Key], help: &'static str, action: Action) -> Binding {
    Binding {
        keys,
        help,
        action: Some(action),
    }
}

const fn note(keys: &'static [Key], help: &'static str) -> Binding {
    Binding {
        keys,
        help,
        action: None,
    }
}

use Key::{Char, Code, Ctrl};

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
        "first event",
        Action::FirstEvent,
    ),
    bind(
        &[Char('G'), Code(KeyCode::End)],
        "last event",
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
    note(&[Char('0'), Char('9')], "count prefix for the next move"),
    bind(&[Char('/')], "search", Action::StartSearch),
    bind(&[Char('a')], "filter by actor", Action::OpenActorPicker),
    bind(
        &[Code(KeyCode::Tab), Char('l'), Code(KeyCode::Right)],
        "focus the detail pane",
        Action::FocusDetail,
    ),
    bind(&[Char(' ')], "mark / unmark the event", Action::ToggleMark),
    bind(
        &[Code(KeyCode::Enter)],
        "open the detail; pick mode: print, exit",
        Action::Accept,
    ),
    bind(&[Char('?')], "this help", Action::ToggleHelp),
    bind(
        &[Code(KeyCode::Esc)],
        "clear the query, else quit",
        Action::Back,
    ),
    bind(&[Char('q'), Ctrl('c')], "quit", Action::Quit),
    bind(&[Ctrl('z')], "suspend (fg to come back)", Action::Suspend),
];

/// Bindings while the detail pane has focus.
pub const DETAIL: &[Binding] = &[
    bind(
        &[Char('j'), Code(KeyCode::Down)],
        "scroll down",
        Action::DetailDown,
    ),
    bind(
        &[Char('k'), Code(KeyCode::Up)],
        "scroll up",
        Action::DetailUp,
    ),
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
    note(&[Char('1'), Char('9')], "follow related event N"),
    bind(
        &[
            Char('h'),
            Code(KeyCode::Left),
            Code(KeyCode::Esc),
            Code(KeyCode::Tab),
        ],
        "back to the list",
        Action::FocusList,
    ),
    bind(
        &[Code(KeyCode::Enter)],
        "pick mode: print and exit",
        Action::Accept,
    ),
    bind(&[Char('?')], "this help", Action::ToggleHelp),
    bind(&[Char('q'), Ctrl('c')], "quit", Action::Quit),
    bind(&[Ctrl('z')], "suspend", Action::Suspend),
];

/// Bindings at the search prompt (typed text goes into the query).
pub const SEARCH: &[Binding] = &[
    note(&[Char('a'), Char('z')], "type words; all must match"),
    bind(
        &[Code(KeyCode::Enter)],
        "keep the query, back to the list",
        Action::SearchKeep,
    ),
    bind(
        &[Code(KeyCode::Esc)],
        "clear the query, back to the list",
        Action::SearchClear,
    ),
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
    bind(&[Ctrl('c')], "quit", Action::Quit),
];

/// Bindings in the actor picker.
pub const PICKER: &[Binding] = &[
    bind(
        &[Char('j'), Code(KeyCode::Down)],
        "next actor",
        Action::PickerDown,
    ),
    bind(
        &[Char('k'), Code(KeyCode::Up)],
        "previous actor",
        Action::PickerUp,
    ),
    bind(&[Char(' ')], "select / unselect", Action::PickerToggle),
    bind(
        &[Code(KeyCode::Tab)],
        "match any / all selected",
        Action::PickerSwitchMode,
    ),
    bind(&[Code(KeyCode::Enter)], "apply", Action::PickerApply),
    bind(&[Code(KeyCode::Esc)], "cancel", Action::PickerCancel),
    bind(&[Char('q'), Ctrl('c')], "quit", Action::Quit),
];

/// Bindings while the help is shown.
pub const HELP: &[Binding] = &[
    bind(
        &[Char('j'), Code(KeyCode::Down)],
        "scroll down",
        Action::HelpDown,
    ),
    bind(&[Char('k'), Code(KeyCode::Up)], "scroll up", Action::HelpUp),
    bind(
        &[Char('?'), Code(KeyCode::Esc)],
        "close the help",
        Action::ToggleHelp,
    ),
    bind(&[Char('q'), Ctrl('c')], "quit", Action::Quit),
];

/// The table for a mode.
pub fn bindings(mode: Mode) -> &'static [Binding] {
    match mode {
        Mode::Browse => LIST,
        Mode::Detail => DETAIL,
        Mode::Search => SEARCH,
        Mode::ActorPicker => PICKER,
        Mode::Help => HELP,
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
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        _ => None,
    }
}

fn key_action(key: &KeyEvent, mode: Mode) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let pressed = match key.code {
        KeyCode::Char(c) if ctrl => Key::Ctrl(c.to_ascii_lowercase()),
        KeyCode::Char(c) => Key::Char(c),
        code => Key::Code(code),
    };
    let table = bindings(mode);
    if let Some(found) = table
        .iter()
        .find(|b| b.action.is_some() && b.keys.contains(&pressed))
    {
        return found.action;
    }
    match (mode, pressed) {
        (Mode::Browse | Mode::Detail, Key::Char(c @ '0'..='9')) => c
            .to_digit(10)
            .and_then(|d| u8::try_from(d).ok())
            .map(Action::Digit),
        (Mode::Search, Key::Char(c)) => Some(Action::SearchType(c)),
        _ => None,
    }
}

/// How a key is shown in the help and the status line.
pub fn key_label(key: Key) -> String {
    match key {
        Key::Char(' ') => "Space".to_owned(),
        Key::Char(c) => c.to_string(),
        Key::Ctrl(c) => format!("Ctrl-{c}"),
        Key::Code(code) => match code {
            KeyCode::Down => "↓".to_owned(),
            KeyCode::Up => "↑".to_owned(),
            KeyCode::Left => "←".to_owned(),
            KeyCode::Right => "→".to_owned(),
            KeyCode::PageDown => "PgDn".to_owned(),
            KeyCode::PageUp => "PgUp".to_owned(),
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
