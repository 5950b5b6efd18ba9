//! How the explorer treats the terminal itself: giving it back on every way out (quit,
//! signals), refusing to run without one, small sizes and resizing, and `NO_COLOR`.

use std::fs::File;
use std::process::{Command, Stdio};
use std::time::Instant;

use super::reference::{Scratch, events};
use super::screen::{
    Pane, assert_cooked, assert_restored, detail_shows, sets_colour, sets_reverse, sgr_params,
    status_line,
};
use super::session::{self, BIN, DEADLINE, Spawn};

#[test]
fn quitting_restores_the_terminal() {
    let total = events().len();
    let mut s = Spawn::shell(r#""$BIN"; echo "exit=$?"; stty -a"#, &[]).start();
    s.wait_drawn(total);
    s.send("q");
    assert_eq!(s.wait_exit(), 0, "stty ran");
    let raw = s.raw();
    let restored = assert_restored(&raw, 0);
    let after = String::from_utf8_lossy(&raw[restored..]);
    assert!(after.contains("exit=0"), "the explorer exited 0:\n{after}");
    assert_cooked(&after);
}

/// A panic inside the UI (injected with `AFGHAN_TIMELINE_TEST_PANIC` after the first frame)
/// gives the terminal back first: the restoring sequences come before the panic message,
/// the exit status is Rust's 101, and the terminal is in cooked mode afterwards.
#[test]
fn a_panic_inside_the_ui_restores_the_terminal_before_its_message() {
    let mut s = Spawn::shell(r#""$BIN"; echo "exit=$?"; stty -a"#, &[])
        .env("AFGHAN_TIMELINE_TEST_PANIC", "1")
        .start();
    assert_eq!(s.wait_exit(), 0, "stty ran");
    let raw = s.raw();
    let message = super::screen::find_bytes(&raw, b"panicked").expect("a panic message");
    // Everything is given back before the message (dropping the terminal may show the
    // cursor once more after it, which is harmless).
    assert_restored(&raw[..message], 0);
    let after = String::from_utf8_lossy(&raw[message..]);
    assert!(
        after.contains("AFGHAN_TIMELINE_TEST_PANIC"),
        "not the injected panic:\n{after}"
    );
    assert!(after.contains("exit=101"), "a panic exits 101:\n{after}");
    assert_cooked(&after);
}

/// A failure part-way into the explorer's mode (injected with
/// `AFGHAN_TIMELINE_TEST_ENTER_FAIL` after raw mode is on, before the alternate screen) is
/// reported, exits 2, and leaves the terminal in cooked mode: the guard that restores it
/// exists before the first change.
#[test]
fn a_failure_while_entering_the_ui_still_restores_the_terminal() {
    let mut s = Spawn::shell(r#""$BIN"; echo "exit=$?"; stty -a"#, &[])
        .env("AFGHAN_TIMELINE_TEST_ENTER_FAIL", "1")
        .start();
    assert_eq!(s.wait_exit(), 0, "stty ran");
    let raw = s.raw();
    let after = String::from_utf8_lossy(&raw);
    assert!(
        after
            .contains("terminal: cannot take the terminal: AFGHAN_TIMELINE_TEST_ENTER_FAIL is set"),
        "not the injected failure:\n{after}"
    );
    assert!(
        after.contains("exit=2"),
        "a terminal error exits 2:\n{after}"
    );
    let message = after.find("exit=2").expect("found above");
    assert_cooked(&after[message..]);
}

fn signal_restores_the_terminal(signal: &str, code: u32) {
    let total = events().len();
    let mut s = Spawn::app(&[]).start();
    s.wait_drawn(total);
    let before_signal = s.raw_len();
    let sent = Command::new("kill")
        .args([&format!("-{signal}"), &s.pid().to_string()])
        .status()
        .expect("run kill");
    assert!(sent.success(), "kill -{signal} failed");
    assert_eq!(
        s.wait_exit(),
        code,
        "SIG{signal} exits with 128 + the signal number"
    );
    assert_restored(&s.raw(), before_signal);
    assert_cooked(&s.stty());
}

#[test]
fn sigterm_restores_the_terminal_and_exits_143() {
    signal_restores_the_terminal("TERM", 143);
}

#[test]
fn sighup_restores_the_terminal_and_exits_129() {
    signal_restores_the_terminal("HUP", 129);
}

#[test]
fn sigint_restores_the_terminal_and_exits_130() {
    signal_restores_the_terminal("INT", 130);
}

#[test]
fn without_any_terminal_it_says_to_use_list() {
    let stdout = Scratch::new("notty.out");
    let stderr = Scratch::new("notty.err");
    // setsid: a new session has no controlling terminal, so /dev/tty cannot be opened.
    let mut child = Command::new("setsid")
        .args(["-w", BIN])
        .stdin(Stdio::null())
        .stdout(File::create(stdout.path()).expect("create stdout file"))
        .stderr(File::create(stderr.path()).expect("create stderr file"))
        .spawn()
        .expect("run setsid");
    let deadline = Instant::now() + DEADLINE;
    let status = loop {
        if let Some(status) = child.try_wait().expect("poll the child") {
            break status;
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("no exit without a terminal: it found one and waited for keys");
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    };
    let err = stderr.read();
    assert_eq!(status.code(), Some(2), "stderr: {err}");
    assert_eq!(
        err,
        "afghan-timeline: no terminal; use 'afghan-timeline list'\n"
    );
    assert_eq!(stdout.read(), "");
}

/// Whether the screen holds only the one-line too-small notice.
fn only_the_notice(screen: &vt100::Screen) -> bool {
    let contents = screen.contents();
    contents.starts_with("terminal too") && contents.trim_end().lines().count() == 1
}

#[test]
fn small_terminal_shows_a_notice_until_resized() {
    let events = events();
    let mut s = Spawn::app(&[]).size(80, 24).start();
    s.wait_drawn(events.len());
    // A key that shows its effect proves the event loop is reading (and so listening
    // for resizes) before the terminal changes size under it.
    s.send("j");
    s.wait_for("the second event in the detail", |screen| {
        detail_shows(screen, &events[1].title)
    });
    s.resize(15, 5);
    s.wait_for("only the too-small notice at 15×5", only_the_notice);
    s.resize(80, 24);
    s.wait_drawn(events.len());
    assert!(
        s.with_screen(|screen| detail_shows(screen, &events[1].title)),
        "the panes are back at 80×24, with the same selection:\n{}",
        s.with_screen(session::dump)
    );
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

/// Started too small and resized as soon as the notice shows, the explorer must redraw
/// at the new size without waiting for a key. Repeated because the resize can only be
/// lost in a short window at start-up.
#[test]
fn resize_just_after_the_first_frame_redraws() {
    let total = events().len();
    for attempt in 1..=10 {
        let mut s = Spawn::app(&[]).size(15, 5).start();
        s.wait_for("only the too-small notice at 15×5", only_the_notice);
        s.resize(80, 24);
        s.wait_for(
            &format!("a redraw at 80×24 without a key (attempt {attempt})"),
            |screen| status_line(screen).starts_with(&format!("1/{total} events")),
        );
        s.send("q");
        assert_eq!(s.wait_exit(), 0);
    }
}

/// Runs the explorer until drawn and quits; returns the SGR parameters written and
/// whether the selected row (the first event) and the next are in reverse video.
fn styles(no_color: bool) -> (Vec<String>, bool, bool) {
    let events = events();
    let spawn = Spawn::app(&[]);
    let mut s = if no_color {
        spawn.env("NO_COLOR", "1")
    } else {
        spawn
    }
    .start();
    s.wait_drawn(events.len());
    // Titles are cut to fit the list; their first words are drawn in full.
    let reverse_at = |screen: &vt100::Screen, title: &str| {
        let start: String = title.chars().take(12).collect();
        let list = Pane::first(screen).expect("the list pane");
        let (row, col) = list
            .find(screen, &start)
            .unwrap_or_else(|| panic!("{start:?} in the list"));
        screen.cell(row, col).is_some_and(vt100::Cell::inverse)
    };
    let (selected, other) = s.with_screen(|screen| {
        (
            reverse_at(screen, &events[0].title),
            reverse_at(screen, &events[1].title),
        )
    });
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    (sgr_params(&s.raw()), selected, other)
}

#[test]
fn no_color_uses_reverse_video_instead_of_colours() {
    let (params, selected, other) = styles(true);
    let coloured: Vec<&String> = params.iter().filter(|p| sets_colour(p)).collect();
    assert!(
        coloured.is_empty(),
        "NO_COLOR output sets colours: {coloured:?}"
    );
    assert!(
        params.iter().any(|p| sets_reverse(p)),
        "reverse video (SGR 7) is never written"
    );
    assert!(selected, "the selected row is in reverse video");
    assert!(!other, "an unselected row is not");
}

#[test]
fn colour_is_used_without_no_color() {
    let (params, selected, _) = styles(false);
    assert!(
        params.iter().any(|p| sets_colour(p)),
        "no 256-colour sequence was written"
    );
    assert!(
        !selected,
        "with colour the selection is a background, not reverse video"
    );
}
