//! Finding in the real terminal: a bracketed paste lands in the search prompt whole (a
//! line break in it neither submits nor reaches the list), and the terminal's paste mode
//! is turned on while the explorer runs and off when it leaves.

use super::reference::{events, ids};
use super::screen::{find_bytes, rfind_bytes, status_line};
use super::session::Spawn;

#[test]
fn a_bracketed_paste_lands_in_the_prompt_and_paste_mode_is_given_back() {
    let total = events().len();
    let expected = ids(&["--query", "soviet troops"]).len();
    assert!(expected > 0 && expected < total, "{expected} of {total}");
    let mut s = Spawn::app(&[]).start();
    s.wait_drawn(total);
    s.send("/");
    s.wait_for("the search prompt", |screen| {
        status_line(screen).starts_with('/')
    });
    s.send("\x1b[200~soviet\ntroops\x1b[201~");
    let prompt = format!("/soviet troops▏  1/{expected} of {total}");
    s.wait_for(&format!("{prompt:?}"), |screen| {
        status_line(screen).starts_with(&prompt)
    });
    // Ctrl-a and a typed word go to the start of the prompt, as in readline.
    s.send("\x01x");
    s.wait_for("the word typed at the start", |screen| {
        status_line(screen).starts_with("/x▏soviet troops")
    });
    s.send("\x7f\r");
    // The status line: `1/7 of 70 events · query: "soviet troops"`.
    let kept = format!("/{expected} of {total} events · query: \"soviet troops\"");
    s.wait_for(&format!("{kept:?}"), |screen| {
        status_line(screen).contains(&kept)
    });
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    let raw = s.raw();
    let on = find_bytes(&raw, b"\x1b[?2004h").expect("bracketed paste turned on");
    let off = rfind_bytes(&raw, b"\x1b[?2004l").expect("bracketed paste turned off");
    assert!(on < off, "paste mode is turned off after it was turned on");
}
