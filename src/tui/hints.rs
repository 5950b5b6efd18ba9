//! The short key hints of the status line, the pane footers and the empty list, generated
//! from the keymap: each names its binding's own keys, so rebinding a key changes the hint
//! with it and no hint can name a key that does something else.

use super::action::Action;
use super::keymap::{Binding, Key, key_label};
use super::mode::{Mode, spec};
use super::text::width;

/// A mode's hints, most important first (`? help`, `j/k scroll`, `1-9 related`).
pub fn hints(mode: Mode, pick: bool) -> Vec<String> {
    let table = spec(mode).keys;
    let mut ranked: Vec<(u8, &'static str, &Binding)> = table
        .iter()
        .filter_map(|b| {
            let hint = b.hint?;
            let (rank, word) = if pick { hint.pick } else { hint.browse }?;
            Some((rank, word, b))
        })
        .collect();
    ranked.sort_by_key(|(rank, _, _)| *rank);
    let mut out: Vec<String> = Vec::new();
    let mut last_rank = None;
    for (rank, word, binding) in ranked {
        let keys = hint_keys(binding);
        if last_rank == Some(rank) {
            // Bindings that share a rank share a hint: `j/k scroll`.
            let previous = out.last_mut().expect("a hint of this rank");
            let (first_keys, rest) = previous.split_once(' ').expect("keys, then the word");
            *previous = format!("{first_keys}/{keys} {rest}");
        } else {
            out.push(format!("{keys} {word}"));
        }
        last_rank = Some(rank);
    }
    out
}

/// The keys a hint names: the first `hint.keys` of the binding, or a note's range (`1-9`).
fn hint_keys(binding: &Binding) -> String {
    if binding.action.is_none() && binding.keys.len() == 2 {
        return format!(
            "{}-{}",
            key_label(binding.keys[0]),
            key_label(binding.keys[1])
        );
    }
    let n = binding.hint.map_or(1, |h| h.keys);
    binding
        .keys
        .iter()
        .take(n)
        .map(|k| key_label(*k))
        .collect::<Vec<_>>()
        .join(" or ")
}

/// The first key bound to `action` in `mode` (its own table, then its fallbacks), as the
/// help shows it: for prose that names a key ("Esc clears the query").
pub fn key_for(mode: Mode, action: Action) -> String {
    let spec = spec(mode);
    std::iter::once(spec.keys)
        .chain(spec.fallback.iter().copied())
        .flat_map(|table| table.iter())
        .find(|b| b.action == Some(action))
        .and_then(|b| b.keys.first())
        .map_or_else(|| "?".to_owned(), |k: &Key| key_label(*k))
}

/// As many hints as fit in `room` columns, joined; the most important come first.
pub fn fitting(hints: &[String], room: usize) -> String {
    hints[..fitting_count(hints, room)].join(SEPARATOR)
}

/// Between two hints.
const SEPARATOR: &str = " · ";

/// How many of `hints`, from the first, fit in `room` columns when joined.
fn fitting_count(hints: &[String], room: usize) -> usize {
    let mut used = 0;
    for (i, h) in hints.iter().enumerate() {
        let more = width(h) + if i == 0 { 0 } else { width(SEPARATOR) };
        if used + more > room {
            return i;
        }
        used += more;
    }
    hints.len()
}

/// The footer of a bordered pane or overlay `width` columns wide: the mode's hints that
/// fit between the corners, spaced; empty when none does.
pub fn footer(mode: Mode, pick: bool, width: u16) -> String {
    let fits = fitting(&hints(mode, pick), footer_room(width));
    if fits.is_empty() {
        fits
    } else {
        format!(" {fits} ")
    }
}

/// The mode's hints that [`footer`] leaves out of a frame `width` columns wide: what the
/// status line shows under an overlay that has its own footer, rather than the same again.
pub fn beyond_footer(mode: Mode, pick: bool, width: u16) -> Vec<String> {
    let all = hints(mode, pick);
    let shown = fitting_count(&all, footer_room(width));
    all[shown..].to_vec()
}

/// The columns between a frame's corners, a space kept at each end.
fn footer_room(width: u16) -> usize {
    usize::from(width.saturating_sub(4))
}

#[cfg(test)]
mod tests {
    use crate::tui::input;
    use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

    use super::*;

    const MODES: [Mode; 9] = [
        Mode::Jump,
        Mode::Pick,
        Mode::Browse,
        Mode::Time,
        Mode::Detail,
        Mode::Search,
        Mode::Actors,
        Mode::Help,
        Mode::Range,
    ];

    fn event(key: Key) -> Event {
        Event::Key(match key {
            Key::Char(c) => KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
            Key::Ctrl(c) => KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL),
            Key::Alt(c) => KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT),
            Key::Code(code) => KeyEvent::new(code, KeyModifiers::NONE),
            Key::AltCode(code) => KeyEvent::new(code, KeyModifiers::ALT),
        })
    }

    /// The key labels of a hint's keys: `j/k` is two keys, `? or Esc` two, `/` the slash.
    fn labels(keys: &str) -> Vec<&str> {
        keys.split(" or ")
            .flat_map(|k| {
                if k == "/" {
                    vec![k]
                } else {
                    k.split('/').collect()
                }
            })
            .collect()
    }

    /// Every key a hint names, pressed in its mode, does what a binding with that hint
    /// word does: read back from the hint text itself, not from how it was built.
    #[test]
    fn every_hint_names_keys_that_do_what_it_says() {
        for mode in MODES {
            let table = spec(mode).keys;
            for pick in [false, true] {
                let shown = hints(mode, pick);
                assert!(!shown.is_empty(), "{mode:?} has hints");
                for hint in &shown {
                    let (keys, word) = hint.rsplit_once(' ').expect("keys, then a word");
                    let hinted: Vec<&Binding> = table
                        .iter()
                        .filter(|b| {
                            b.hint
                                .and_then(|h| if pick { h.pick } else { h.browse })
                                .is_some_and(|(_, w)| w == word)
                        })
                        .collect();
                    assert!(!hinted.is_empty(), "{hint:?}: no binding hinted {word:?}");
                    for label in labels(keys) {
                        // A range such as `1-9` names its two ends.
                        // (`Ctrl-t` is one key, not a range.)
                        let is_key = table
                            .iter()
                            .flat_map(|b| b.keys.iter())
                            .any(|k| key_label(*k) == label);
                        let labels: Vec<&str> = match label.split_once('-') {
                            Some((a, b)) if !is_key && !a.is_empty() && !b.is_empty() => {
                                vec![a, b]
                            }
                            _ => vec![label],
                        };
                        for label in labels {
                            let key = table
                                .iter()
                                .flat_map(|b| b.keys.iter().copied())
                                .find(|k| key_label(*k) == label)
                                .unwrap_or_else(|| {
                                    panic!("{hint:?}: {label:?} is not a key of {mode:?}")
                                });
                            let does = input::action(&event(key), mode);
                            assert!(
                                does.is_some(),
                                "{hint:?}: {label:?} does nothing in {mode:?}"
                            );
                            assert!(
                                hinted
                                    .iter()
                                    .any(|b| b.action.is_none() || b.action == does),
                                "{hint:?}: {label:?} does {does:?} in {mode:?}"
                            );
                        }
                    }
                }
            }
        }
    }

    /// The status line as it was written by hand before the hints came from the keymap.
    #[test]
    fn the_status_line_hints_read_as_before() {
        let h = |mode, pick| hints(mode, pick).join(" · ");
        assert_eq!(
            h(Mode::Browse, false),
            "? help · q quit · / search · a actors · Enter detail · v time · r range · c clear"
        );
        assert_eq!(
            h(Mode::Browse, true),
            "Enter pick · Space mark · ? help · q cancel · / search · a actors · Ctrl-t time · r range"
        );
        assert_eq!(
            h(Mode::Time, false),
            "+/- zoom · h/l move · H/L pan · 0 fit · v list · ? help · z wide · s order"
        );
        assert_eq!(
            h(Mode::Time, true),
            "Enter pick · +/- zoom · H/L pan · Ctrl-t list · ? help"
        );
        assert_eq!(
            h(Mode::Detail, false),
            "h back · j/k scroll · 1-9 related · ? help · z zoom · n/N match"
        );
        assert_eq!(
            h(Mode::Pick, true),
            "Enter pick · Tab mark · Esc cancel · F1 help"
        );
        assert_eq!(h(Mode::Search, false), "Enter keep · Esc clear");
        assert_eq!(
            h(Mode::Actors, false),
            "Enter apply · Space require · Ctrl-r exclude · Tab any/all · Shift-Tab exactly · Esc cancel · Ctrl-x none"
        );
        assert_eq!(h(Mode::Range, false), "Enter apply · Esc cancel");
        assert_eq!(h(Mode::Help, false), "? or Esc close · j/k scroll");
        assert_eq!(key_for(Mode::Browse, Action::Back), "Esc");
    }

    #[test]
    fn hints_that_do_not_fit_are_left_out_whole() {
        let all = hints(Mode::Detail, false);
        assert_eq!(fitting(&all, 17), "h back");
        assert_eq!(fitting(&all, 19), "h back · j/k scroll");
        assert_eq!(fitting(&all, 5), "");
        assert_eq!(
            footer(Mode::Detail, false, 40),
            " h back · j/k scroll · 1-9 related "
        );
        assert_eq!(footer(Mode::Detail, false, 8), "");
    }
}
