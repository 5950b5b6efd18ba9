//! Terminal events → actions: a key is looked up in the tables its mode's entry names
//! (`mode::MODES`), in order; a key none of them binds means what the entry's `typed`
//! says. Pure, so it tests without a terminal.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEventKind};

use super::action::Action;
use super::keymap::Key;
use super::mode::{Mode, Typed, spec};
use super::prompt::Edit;

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
    let spec = spec(mode);
    // The mode's own table first, then its fallbacks, in the order its entry gives.
    let find = |key: Key| {
        std::iter::once(spec.keys)
            .chain(spec.fallback.iter().copied())
            .flat_map(|table| table.iter())
            .find(|b| b.action.is_some() && b.keys.contains(&key))
            .and_then(|b| b.action)
    };
    // An Alt key means itself where it is bound, else what the key means without Alt (a
    // terminal sends Esc and a key typed fast as Alt and the key).
    let alt_key = match key.code {
        KeyCode::Char(_) => pressed,
        code => Key::AltCode(code),
    };
    if alt && let Some(found) = find(alt_key) {
        return Some(found);
    }
    let pressed = match (alt, key.code) {
        (true, KeyCode::Char(c)) => Key::Char(c),
        _ => pressed,
    };
    if let Some(found) = find(pressed) {
        return Some(found);
    }
    let Key::Char(c) = pressed else {
        return None;
    };
    let digit = c.to_digit(10).and_then(|d| u8::try_from(d).ok());
    match spec.typed {
        Typed::Count => digit.map(Action::CountDigit),
        Typed::Related => digit.map(Action::FollowRelated),
        Typed::Prompt => Some(Action::Edit(Edit::Insert(c))),
        Typed::Ignored => None,
    }
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
        for mode in [
            Mode::Search,
            Mode::Actors,
            Mode::Range,
            Mode::Jump,
            Mode::Pick,
        ] {
            assert_eq!(action(&five, mode), Some(Action::Edit(Edit::Insert('5'))));
        }
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
            Some(Action::Edit(Edit::Insert('x')))
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

    /// Every prompt edits alike: the actor filter's and the range prompt's too (they kept
    /// strings of their own once, where Ctrl-w and Ctrl-u did nothing).
    #[test]
    fn every_prompt_has_the_readline_keys() {
        let ctrl = |c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
        for mode in [
            Mode::Search,
            Mode::Jump,
            Mode::Range,
            Mode::Actors,
            Mode::Pick,
        ] {
            assert_eq!(
                action(&ctrl('w'), mode),
                Some(Action::Edit(Edit::KillWordBack)),
                "{mode:?}"
            );
            assert_eq!(
                action(&ctrl('u'), mode),
                Some(Action::Edit(Edit::KillToStart)),
                "{mode:?}"
            );
            assert_eq!(
                action(&ctrl('a'), mode),
                Some(Action::Edit(Edit::Home)),
                "{mode:?}"
            );
            assert_eq!(
                action(&ctrl('e'), mode),
                Some(Action::Edit(Edit::End)),
                "{mode:?}"
            );
            assert_eq!(
                action(&ctrl('b'), mode),
                Some(Action::Edit(Edit::Left)),
                "{mode:?}"
            );
        }
        // Where the mode's own table binds a key, it wins over editing.
        assert_eq!(
            action(&ctrl('k'), Mode::Range),
            Some(Action::Edit(Edit::KillToEnd))
        );
        assert_eq!(action(&ctrl('k'), Mode::Pick), Some(Action::PrevEvent));
        assert_eq!(action(&ctrl('f'), Mode::Pick), Some(Action::HistoryForward));
        assert_eq!(
            action(&ctrl('f'), Mode::Actors),
            Some(Action::Edit(Edit::Right))
        );
        let home = Event::Key(KeyEvent::new(KeyCode::Home, KeyModifiers::NONE));
        assert_eq!(action(&home, Mode::Actors), Some(Action::ActorFirst));
        assert_eq!(action(&home, Mode::Range), Some(Action::Edit(Edit::Home)));
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
        for mode in [Mode::Search, Mode::Jump, Mode::Actors, Mode::Range] {
            assert_eq!(action(&ctrl_c, mode), Some(Action::QuitNow), "{mode:?}");
        }
    }
}
