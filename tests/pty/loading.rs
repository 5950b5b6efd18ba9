//! The loading screen through the real binary in a pseudo-terminal: a generated timeline
//! large enough to load slowly shows it (name, phase, share done) while it loads, the keys
//! leave during loading with the terminal given back, a failed load prints its diagnostics
//! after the restore, and a small file never draws it. Not timed: the first screen's speed
//! is measured in `benches/scale.rs`.

use crate::{reference, screen, session, synth};

use reference::Scratch;
use screen::{assert_restored, find_bytes};
use session::{Session, Spawn};

/// Events in the generated file: above the size from which loading shows progress
/// (`load::SHOW_FROM_BYTES`), and slow enough to load in a test build that the screen
/// is seen well before the list.
const EVENTS: usize = 12_000;

/// A line of the loading screen that no other screen has, as its bytes reach the terminal.
const LOADING_KEYS: &str = "q or Ctrl-c to leave";

fn generated(label: &str) -> Scratch {
    let text = synth::generate_string(EVENTS, 5);
    assert!(
        text.len() as u64 >= afghan_timeline::load::SHOW_FROM_BYTES,
        "the generated file is too small to show progress"
    );
    Scratch::with_contents(label, &text)
}

/// Waits for the loading screen: the file's name, a phase, and a percentage or an amount.
fn wait_loading(s: &mut Session, name: &str) {
    let title = format!("loading {name}");
    s.wait_for("the loading screen", |screen| {
        let text = screen.contents();
        text.contains(&title)
            && ["reading…", "parsing…", "checking…"]
                .iter()
                .any(|p| text.contains(p))
            && (text.contains('%') || text.contains(" MB"))
    });
}

#[test]
fn a_large_file_shows_the_loading_screen_and_q_leaves_during_loading() {
    let file = generated("loading-q.ron");
    let path = file.path().to_str().expect("a UTF-8 temp path");
    let mut s = Spawn::app(&["--file", path]).start();
    wait_loading(&mut s, path);
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    let raw = s.raw();
    assert_restored(&raw, 0);
    assert!(find_bytes(&raw, LOADING_KEYS.as_bytes()).is_some());
    // It left from the loading screen: the list's status line (`N of M`) was never drawn.
    assert_eq!(find_bytes(&raw, format!("of {EVENTS}").as_bytes()), None);
}

#[test]
fn ctrl_c_during_loading_in_pick_mode_exits_130_and_prints_nothing() {
    let file = generated("loading-pick.ron");
    let out = Scratch::new("loading-pick.out");
    let path = file.path().to_str().expect("a UTF-8 temp path");
    let mut s = Spawn::shell(r#"exec "$BIN" "$@" > "$OUT""#, &["--file", path])
        .env("OUT", out.path())
        .start();
    wait_loading(&mut s, path);
    s.send("\x03");
    assert_eq!(s.wait_exit(), 130);
    assert_restored(&s.raw(), 0);
    assert_eq!(out.read(), "");
}

#[test]
fn the_list_replaces_the_loading_screen_when_the_load_ends() {
    let file = generated("loading-done.ron");
    let path = file.path().to_str().expect("a UTF-8 temp path");
    let mut s = Spawn::app(&["--file", path]).start();
    wait_loading(&mut s, path);
    s.wait_drawn(EVENTS);
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    assert_restored(&s.raw(), 0);
}

#[test]
fn a_failed_load_prints_its_diagnostics_after_the_terminal_is_restored() {
    let mut text = synth::generate_string(EVENTS, 5);
    // The file's last date, made impossible: found only once the whole file is parsed.
    let at = text.rfind("date: \"").expect("a date") + "date: \"".len();
    let end = at + text[at..].find('"').expect("the date's end");
    text.replace_range(at..end, "1979-02-30");
    let file = Scratch::with_contents("loading-bad.ron", &text);
    let path = file.path().to_str().expect("a UTF-8 temp path");
    let mut s = Spawn::app(&["--file", path]).start();
    wait_loading(&mut s, path);
    assert_eq!(s.wait_exit(), 2);
    let raw = s.raw();
    let restored = assert_restored(&raw, 0);
    let report =
        find_bytes(&raw, b"invalid date '1979-02-30").expect("the diagnostic reaches the terminal");
    assert!(
        report > restored,
        "the diagnostic (byte {report}) came before the restore ended (byte {restored})"
    );
}

#[test]
fn a_small_file_never_draws_the_loading_screen() {
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tui/sample.ron");
    let mut s = Spawn::app(&["--file", fixture]).start();
    // The sample's ten events, counted after the position (`1/10 events`).
    s.wait_drawn(10);
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    let raw = s.raw();
    assert_restored(&raw, 0);
    assert_eq!(find_bytes(&raw, LOADING_KEYS.as_bytes()), None);
}

#[test]
fn check_shows_progress_on_a_terminal_and_nothing_when_stderr_is_piped() {
    let file = generated("loading-check.ron");
    let path = file.path().to_str().expect("a UTF-8 temp path");
    let mut s = Spawn::app(&["check", path]).start();
    assert_eq!(s.wait_exit(), 0);
    let raw = String::from_utf8_lossy(&s.raw()).into_owned();
    let meter = raw
        .find(&format!("{path}: "))
        .expect("a progress line on the terminal");
    let ok = raw
        .find(&format!("ok: {EVENTS} events"))
        .expect("the result");
    assert!(
        meter < ok,
        "the progress line comes before the result:\n{raw}"
    );
    // The line is erased before the result is printed.
    assert!(raw[meter..ok].contains("\r\x1b[2K"), "{raw:?}");

    let piped = std::process::Command::new(env!("CARGO_BIN_EXE_afghan-timeline"))
        .args(["check", path])
        .output()
        .expect("the binary runs");
    assert!(piped.status.success());
    assert_eq!(String::from_utf8_lossy(&piped.stderr), "");
}
