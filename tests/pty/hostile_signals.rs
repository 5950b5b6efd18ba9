//! The hostile suite, second round, for signals: every catchable signal that would end the
//! explorer restores the terminal first and exits with 128 + n, and a stop from outside
//! (`kill -TSTP`, like Ctrl-z) gives the terminal back, while SIGCONT takes it again and
//! redraws; and on a terminal that cannot place the cursor (`TERM=dumb`) it refuses with a
//! pointer to `list`. The real binary in a pseudo-terminal; every wait polls with a
//! deadline.

use crate::{reference, screen, session};

use std::process::Command;
use std::time::Instant;

use reference::events;
use screen::{assert_cooked, assert_restored, find_bytes, status_line};
use session::{DEADLINE, Spawn};

fn kill(signal: &str, pid: u32) {
    let sent = Command::new("kill")
        .args([&format!("-{signal}"), &pid.to_string()])
        .status()
        .expect("run kill");
    assert!(sent.success(), "kill -{signal} failed");
}

/// The process state letter from /proc (`T` when stopped).
fn state(pid: u32) -> char {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // The state follows the command name, which is in parentheses.
    stat.rsplit_once(')')
        .and_then(|(_, rest)| rest.trim_start().chars().next())
        .unwrap_or('?')
}

fn wait_until(what: &str, holds: impl Fn() -> bool) {
    let deadline = Instant::now() + DEADLINE;
    while !holds() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::yield_now();
    }
}

/// Item 9: the other catchable fatal signals restore, then exit with 128 + n.
#[test]
fn other_fatal_signals_restore_and_exit_128_plus_n() {
    let total = events().len();
    for (signal, n) in [
        ("USR1", 10),
        ("USR2", 12),
        ("PIPE", 13),
        ("ALRM", 14),
        ("XCPU", 24),
        ("XFSZ", 25),
        ("VTALRM", 26),
        ("PROF", 27),
    ] {
        let mut s = Spawn::app(&[]).start();
        s.wait_drawn(total);
        let before = s.raw_len();
        kill(signal, s.pid());
        assert_eq!(s.wait_exit(), 128 + n, "SIG{signal}");
        assert_restored(&s.raw(), before);
        assert_cooked(&s.stty());
    }
}

/// Item 8: `kill -TSTP` from outside stops like Ctrl-z, with the terminal given back, and
/// SIGCONT takes it again and redraws; then keys work as before.
#[test]
fn an_outside_stop_gives_the_terminal_back_and_continuing_redraws() {
    let total = events().len();
    for how in ["kill -TSTP", "Ctrl-z"] {
        let mut s = Spawn::app(&[]).start();
        s.wait_drawn(total);
        let before = s.raw_len();
        if how == "Ctrl-z" {
            s.send("\x1a");
        } else {
            kill("TSTP", s.pid());
        }
        let pid = s.pid();
        // Every restoring sequence has arrived (they come in one write, but the reader may
        // see it in parts).
        wait_until(&format!("{how}: the terminal given back"), || {
            let raw = s.raw();
            screen::RESTORING
                .iter()
                .all(|seq| find_bytes(&raw[before..], seq.as_bytes()).is_some())
        });
        wait_until(&format!("{how}: the process to stop"), || state(pid) == 'T');
        let stopped = s.raw_len();
        assert_restored(&s.raw(), before);
        assert_cooked(&s.stty());

        kill("CONT", pid);
        s.wait_drawn(total);
        assert!(
            s.with_screen(vt100::Screen::alternate_screen),
            "{how}: redrawn on the main screen"
        );
        let raw = s.raw();
        assert!(
            find_bytes(&raw[stopped..], b"\x1b[?1049h").is_some(),
            "{how}: the alternate screen was not entered again"
        );
        wait_until(&format!("{how}: raw mode again"), || {
            s.stty().contains("-icanon")
        });
        // Keys reach the explorer again: the search prompt opens, then it quits.
        s.send("/");
        s.wait_for(&format!("{how}: the search prompt"), |screen| {
            status_line(screen).starts_with('/')
        });
        s.send("\x1b");
        s.wait_for(&format!("{how}: the search closed"), |screen| {
            !status_line(screen).starts_with('/')
        });
        let before_quit = s.raw_len();
        s.send("q");
        assert_eq!(s.wait_exit(), 0, "{how}");
        assert_restored(&s.raw(), before_quit);
    }
}

/// Decision: `TERM=dumb` is refused with a clear message, exit 2, the terminal untouched.
#[test]
fn a_dumb_terminal_is_refused() {
    let mut s = Spawn::app(&[]).env("TERM", "dumb").start();
    assert_eq!(s.wait_exit(), 2);
    let raw = s.raw();
    let text = String::from_utf8_lossy(&raw);
    assert!(
        text.contains("(TERM=dumb) cannot place the cursor")
            && text.contains("use 'afghan-timeline list'"),
        "{text}"
    );
    assert!(
        find_bytes(&raw, b"\x1b[?1049h").is_none(),
        "the screen was taken: {text}"
    );
}
