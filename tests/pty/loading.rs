//! The loading screen through the real binary in a pseudo-terminal: a generated timeline
//! that loads slowly shows it (name, phase, amount done) while it loads, the keys leave
//! during loading with the terminal given back, a failed load prints its diagnostics after
//! the restore, and a small file never draws it. Not timed: the first screen's speed is
//! measured in `benches/scale.rs`.
//!
//! A generated file on disk now loads faster than the screen's 120 ms grace, so "slowly" is
//! made certain instead of hoped for: the timeline comes through a FIFO that the test
//! feeds, half of it first, the rest only when the test has seen what it waits for.

use std::io::Write as _;
use std::sync::mpsc;

use crate::{reference, screen, session, synth};

use reference::Scratch;
use screen::{assert_restored, find_bytes};
use session::{Session, Spawn};

/// Events in the generated file: above the size from which loading shows progress
/// (`load::SHOW_FROM_BYTES`).
const EVENTS: usize = 12_000;

/// A line of the loading screen that no other screen has, as its bytes reach the terminal.
const LOADING_KEYS: &str = "q or Ctrl-c to leave";

fn generated_text() -> String {
    let text = synth::generate_string(EVENTS, 5);
    assert!(
        text.len() as u64 >= afghan_timeline::load::SHOW_FROM_BYTES,
        "the generated file is too small to show progress"
    );
    text
}

fn generated(label: &str) -> Scratch {
    Scratch::with_contents(label, &generated_text())
}

/// A timeline fed through a FIFO: the first half is written as soon as the binary opens
/// it, the rest on [`Feed::finish`]. Dropped unfinished, the FIFO is closed on the half.
struct Feed {
    fifo: Scratch,
    rest: Option<mpsc::Sender<()>>,
    writer: Option<std::thread::JoinHandle<()>>,
}

impl Feed {
    fn start(label: &str, text: String) -> Feed {
        let fifo = Scratch::new(label);
        let made = std::process::Command::new("mkfifo")
            .arg(fifo.path())
            .status()
            .expect("mkfifo runs");
        assert!(made.success(), "mkfifo {}", fifo.path().display());
        let (rest, go) = mpsc::channel::<()>();
        let path = fifo.path().to_owned();
        let writer = std::thread::spawn(move || {
            // Blocks until the binary opens the FIFO to read.
            let Ok(mut out) = std::fs::OpenOptions::new().write(true).open(&path) else {
                return;
            };
            let half = text.len() / 2;
            // The binary may have left already (q): then writing fails, and that is fine.
            if out.write_all(&text.as_bytes()[..half]).is_err() || go.recv().is_err() {
                return;
            }
            let _ = out.write_all(&text.as_bytes()[half..]);
        });
        Feed {
            fifo,
            rest: Some(rest),
            writer: Some(writer),
        }
    }

    fn path(&self) -> &str {
        self.fifo.path().to_str().expect("a UTF-8 temp path")
    }

    /// Writes the rest of the timeline and closes the FIFO.
    fn finish(&mut self) {
        if let Some(rest) = self.rest.take() {
            rest.send(()).expect("the writer waits for the rest");
        }
        if let Some(writer) = self.writer.take() {
            writer.join().expect("the writer thread");
        }
    }
}

impl Drop for Feed {
    fn drop(&mut self) {
        // Closing the channel ends the writer after its half; a writer still blocked in
        // `open` (the binary never opened the FIFO) is left to end with the test process.
        self.rest.take();
        if let Some(writer) = self.writer.take()
            && writer.is_finished()
        {
            let _ = writer.join();
        }
    }
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
fn a_slow_load_shows_the_loading_screen_and_q_leaves_during_loading() {
    let feed = Feed::start("loading-q.ron", generated_text());
    let mut s = Spawn::app(&["--file", feed.path()]).start();
    wait_loading(&mut s, feed.path());
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
    let feed = Feed::start("loading-pick.ron", generated_text());
    let out = Scratch::new("loading-pick.out");
    let mut s = Spawn::shell(r#"exec "$BIN" "$@" > "$OUT""#, &["--file", feed.path()])
        .env("OUT", out.path())
        .start();
    wait_loading(&mut s, feed.path());
    s.send("\x03");
    assert_eq!(s.wait_exit(), 130);
    assert_restored(&s.raw(), 0);
    assert_eq!(out.read(), "");
}

#[test]
fn the_list_replaces_the_loading_screen_when_the_load_ends() {
    let mut feed = Feed::start("loading-done.ron", generated_text());
    let mut s = Spawn::app(&["--file", feed.path()]).start();
    wait_loading(&mut s, feed.path());
    feed.finish();
    s.wait_drawn(EVENTS);
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    assert_restored(&s.raw(), 0);
}

#[test]
fn a_failed_load_prints_its_diagnostics_after_the_terminal_is_restored() {
    let mut text = generated_text();
    // The file's last date, made impossible: found only once the whole file is parsed.
    let at = text.rfind("date: \"").expect("a date") + "date: \"".len();
    let end = at + text[at..].find('"').expect("the date's end");
    text.replace_range(at..end, "1979-02-30");
    let mut feed = Feed::start("loading-bad.ron", text);
    let mut s = Spawn::app(&["--file", feed.path()]).start();
    wait_loading(&mut s, feed.path());
    feed.finish();
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
    let mut feed = Feed::start("loading-check.ron", generated_text());
    let path = feed.path().to_owned();
    let mut s = Spawn::app(&["check", &path]).start();
    let meter_line = format!("{path}: reading");
    s.wait_for_raw("the progress line", 0, |raw| {
        find_bytes(raw, meter_line.as_bytes()).is_some()
    });
    feed.finish();
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

    let file = generated("loading-check.ron");
    let path = file.path().to_str().expect("a UTF-8 temp path");
    let piped = std::process::Command::new(env!("CARGO_BIN_EXE_afghan-timeline"))
        .args(["check", path])
        .output()
        .expect("the binary runs");
    assert!(piped.status.success());
    assert_eq!(String::from_utf8_lossy(&piped.stderr), "");
}
