//! Helpers shared by the integration tests: run the real binary, find fixtures, and check
//! that what reaches the user is a message rather than a panic or a Debug dump.

// Not every helper is used by every build of the test crate (cfg, filters).
#![allow(dead_code)]

use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// What one run of the binary produced.
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Asserts the exit status, showing both streams when it is wrong.
    #[track_caller]
    pub fn code(&self, expected: i32) -> &Run {
        assert_eq!(
            self.code,
            Some(expected),
            "exit status\n--- stdout:\n{}\n--- stderr:\n{}",
            self.stdout,
            self.stderr
        );
        self
    }
}

pub fn bin() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_afghan-timeline"));
    // Plain output whatever the environment of the test run, and stars and notes in a
    // directory of the tests' own, never the home of whoever runs them.
    let state = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("it-state");
    command
        .env("NO_COLOR", "1")
        .env("XDG_STATE_HOME", state)
        .env_remove("RUST_BACKTRACE");
    command
}

/// Runs the binary with `args` and empty standard input.
pub fn run(args: &[&str]) -> Run {
    run_with_stdin(args, b"")
}

pub fn run_with_stdin(args: &[&str], stdin: &[u8]) -> Run {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut pipe = child.stdin.take().expect("stdin is piped");
    let input = stdin.to_vec();
    // Written from a thread so a large input cannot deadlock against a full stdout pipe.
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let output = child.wait_with_output().expect("the binary runs");
    writer.join().expect("stdin writer");
    let run = Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    };
    assert_no_crash(&run.stderr);
    run
}

/// Stderr must hold messages for people: no panic, no Rust Debug shapes. Quoted file
/// lines (`12 |     detail: Some("x"),`) are the user's own text and are skipped.
#[track_caller]
pub fn assert_no_crash(stderr: &str) {
    let ours: Vec<&str> = stderr
        .lines()
        .filter(|l| {
            let number = l
                .trim_start()
                .trim_start_matches(|c: char| c.is_ascii_digit());
            !(number.len() < l.trim_start().len() && number.starts_with(" |"))
        })
        .collect();
    let ours = ours.join("\n");
    for shape in [
        "panicked",
        "RUST_BACKTRACE",
        "Some(",
        ": None",
        "(None",
        "Error {",
        "Err(",
        "Ok(",
    ] {
        assert!(
            !ours.contains(shape),
            "stderr contains {shape:?}:\n{stderr}"
        );
    }
}

pub fn fixture(path: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path);
    path.to_str().expect("UTF-8 path").to_owned()
}

/// A scratch file for one test, in cargo's per-target temporary directory.
pub fn scratch(name: &str, contents: &[u8]) -> String {
    // Prefixed so that other test suites' scratch files cannot collide with these.
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("core-{name}"));
    std::fs::write(&path, contents).expect("write scratch file");
    path.to_str().expect("UTF-8 path").to_owned()
}

/// Loads fixture text through the library, panicking with the rendered report on failure.
pub fn load_text(text: &str) -> afghan_timeline::model::Timeline {
    match afghan_timeline::load::parse(text, "test.ron") {
        Ok(timeline) => timeline,
        Err(e) => panic!("fixture does not load:\n{e}"),
    }
}

pub fn load_fixture(path: &str) -> afghan_timeline::model::Timeline {
    let bytes = std::fs::read(fixture(path)).expect("read fixture");
    match afghan_timeline::load::parse_bytes(bytes, path) {
        Ok(timeline) => timeline,
        Err(e) => panic!("{path} does not load:\n{e}"),
    }
}

/// A one-actor timeline holding `events`, each `(id, date, end)`, in this file order.
pub fn timeline_of(events: &[(&str, &str, Option<&str>)]) -> String {
    let mut text = String::from(
        "(\n    title: \"t\",\n    actors: [(id: \"a\", name: \"A\", kind: State)],\n    events: [\n",
    );
    for (id, date, end) in events {
        let end = end.map_or(String::new(), |e| format!(" end: \"{e}\","));
        let _ = writeln!(
            text,
            "        (id: \"{id}\", date: \"{date}\",{end} title: \"{id}\", summary: \"s\", \
             actors: [\"a\"], sources: [(publisher: \"p\", title: \"t\")]),"
        );
    }
    text.push_str("    ],\n)\n");
    text
}

/// The ids of a loaded timeline's events, in its (date) order.
pub fn ids(timeline: &afghan_timeline::model::Timeline) -> Vec<&str> {
    timeline.events.iter().map(|e| e.id.as_str()).collect()
}

/// Runs the binary, reads one line of its output and closes the pipe, as `… | head -1`
/// does; asserts a line came and the exit status is 0, and returns stderr.
pub fn reader_leaves_early(args: &[&str]) -> String {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut stdout = BufReader::new(child.stdout.take().expect("piped"));
    let mut first = String::new();
    stdout.read_line(&mut first).expect("one line");
    assert!(!first.is_empty());
    drop(stdout);
    let output = child.wait_with_output().expect("the binary ends");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(0), "{args:?}: {stderr}");
    stderr
}

/// A date from text that must parse, with the reason when it does not.
#[track_caller]
pub fn date(s: &str) -> afghan_timeline::model::Date {
    s.parse()
        .unwrap_or_else(|e| panic!("{s:?} should parse: {e}"))
}

/// A raw field from text, whatever string type the raw shapes use for it.
pub fn field<T: for<'a> From<&'a str>>(text: &str) -> T {
    T::from(text)
}

/// `cases` by default; `PROPTEST_CASES=n` runs more. Failures are not persisted: each one
/// found becomes a named regression test.
pub fn proptest_config(cases: u32) -> proptest::test_runner::Config {
    let mut config = proptest::test_runner::Config::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = cases;
    }
    config.failure_persistence = None;
    config
}

/// The invariants every state of the explorer must keep, whatever led to it: the visible
/// list is exactly the matching events in date order, the selection is inside it and on
/// screen with its era headers, marks and the picker's cursor are in range.
pub fn assert_consistent(app: &afghan_timeline::tui::app::App) {
    let t = app.timeline();
    assert!(
        t.events
            .windows(2)
            .all(|w| w[0].date.sort_key() <= w[1].date.sort_key()),
        "timeline not in date order"
    );
    assert!(
        app.visible().windows(2).all(|w| w[0] < w[1]),
        "visible list not in date order"
    );
    let expected: Vec<_> = t
        .event_ids()
        .filter(|id| app.filter().matches(t, t.event(*id)))
        .collect();
    assert_eq!(
        app.visible(),
        expected,
        "visible is not exactly the matching events, in order"
    );
    assert_eq!(
        app.visible(),
        app.filter().apply(t),
        "apply disagrees with matches"
    );
    assert!(app.marked().iter().all(|id| id.index() < t.events.len()));
    if app.visible().is_empty() {
        assert_eq!(
            (app.selected(), app.offset()),
            (0, 0),
            "empty list, yet a selection"
        );
        assert!(app.selected_event().is_none());
        return;
    }
    assert!(
        app.selected() < app.visible().len(),
        "selection {} outside the list",
        app.selected()
    );
    assert!(
        app.offset() <= app.selected(),
        "offset {} below the selection {}",
        app.offset(),
        app.selected()
    );
    let rows = app.list_rows();
    if rows > 0 {
        // Rows from the top of the list down to the selected event, its headers included,
        // less the top event's headers that are not drawn.
        let used: usize = (app.offset()..=app.selected())
            .map(|i| app.row_height(i))
            .sum::<usize>()
            - app.era_headers(app.offset()).count()
            + app.headers_shown(app.offset());
        assert!(
            used <= rows,
            "selection off screen: {used} rows used of {rows}"
        );
    }
    let picker = &app.actor_filter();
    if !picker.shown.is_empty() {
        assert!(
            picker.cursor < picker.shown.len(),
            "picker cursor outside the actors shown"
        );
        assert_eq!(
            picker.chosen.len(),
            t.actors.len() + picker.tags.len(),
            "an entry per actor and per tag"
        );
        assert!(
            picker.shown.iter().all(|&i| i < picker.chosen.len()),
            "picker shows an entry that does not exist"
        );
        assert!(picker.offset <= picker.cursor, "picker cursor scrolled off");
    }
}

/// The explorer on `text` with colours off, sized to `width`×`height`, after `actions`:
/// where the screen tests start from.
pub fn colourless_app(
    text: &str,
    name: &str,
    width: u16,
    height: u16,
    actions: &[afghan_timeline::tui::action::Action],
) -> afghan_timeline::tui::app::App {
    use afghan_timeline::tui::action::Action;
    use afghan_timeline::tui::app::{App, Settings};
    let timeline = afghan_timeline::load::parse(text, name).expect("the timeline loads");
    let settings = Settings {
        theme: afghan_timeline::tui::theme::Theme { color: false },
        ..Settings::default()
    };
    let (mut app, _) = App::new(
        timeline,
        afghan_timeline::query::Filter::default(),
        settings,
    );
    app.update(Action::Resize { width, height });
    for a in actions {
        app.update(*a);
    }
    app
}

/// The whole screen of `app` drawn into a test terminal of `width`×`height`.
pub fn draw_screen(
    app: &afghan_timeline::tui::app::App,
    width: u16,
    height: u16,
) -> ratatui::Terminal<ratatui::backend::TestBackend> {
    use afghan_timeline::tui::view::Screen;
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height))
        .expect("test backend");
    terminal
        .draw(|f| f.render_widget(Screen { app }, f.area()))
        .expect("draw");
    terminal
}

/// Runs a search job as the explorer's worker would, uncancelled, and delivers its result to
/// `app` as the worker's message.
pub fn deliver_search(
    app: &mut afghan_timeline::tui::app::App,
    job: &afghan_timeline::tui::search::SearchJob,
) {
    let matches = job
        .run(app.timeline(), app.index(), &|| false)
        .expect("not stopped");
    app.update(afghan_timeline::tui::action::Msg::SearchResults {
        generation: job.generation,
        matches,
    });
}
