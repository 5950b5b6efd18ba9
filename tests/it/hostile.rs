//! The hostile-input suite: what other people's files and a careless pipeline can do, end
//! to end through the real binary where it matters. Deep nesting, closed pipes, escape
//! sequences in every field and every message, huge files, huge titles and huge numbers
//! of errors. The terminal side (sizes, resizing, pick mode into a closed pipe, hostile
//! text on a real screen) is in `tests/pty/hostile.rs`.

use crate::common;

use std::fmt::Write as _;
use std::process::Stdio;
use std::sync::{OnceLock, mpsc};
use std::time::{Duration, Instant};

use afghan_timeline::load::{
    self, LoadError, RawActor, RawActorKind, RawEvent, RawSource, RawTimeline,
};
use afghan_timeline::model::Timeline;
use afghan_timeline::query::Filter;
use afghan_timeline::sanitize::is_dangerous;
use afghan_timeline::tui::action::Action;
use afghan_timeline::tui::app::{App, Settings};
use afghan_timeline::tui::view::Screen;
use common::{field, fixture, run};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

const FORMATS: [&str; 6] = ["text", "line", "id", "json", "ron", "markdown"];

/// Fails when `text` holds a character that must never reach a terminal raw.
#[track_caller]
fn assert_inert(what: &str, text: &str, allowed: &[char]) {
    if let Some((at, c)) = text
        .char_indices()
        .find(|(_, c)| is_dangerous(*c) && !allowed.contains(c))
    {
        let around: String = text[at..].chars().take(60).collect();
        panic!("{what}: raw {c:?} at byte {at}: {around:?}");
    }
}

/// The fixture with its `\u{…}` escapes turned into the characters themselves, so that the
/// file holds raw control bytes (all but NUL, which makes any file binary).
fn raw_version(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("\\u{") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 3..];
        let end = after.find('}').expect("closed escape");
        let c = u32::from_str_radix(&after[..end], 16)
            .ok()
            .and_then(char::from_u32)
            .expect("a valid escape");
        if c == '\0' {
            out.push_str(&rest[at..at + 4 + end]);
        } else {
            out.push(c);
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// A scratch file for this process: other sessions may run this suite in the same target
/// directory at the same time, and must not read a file half written by this one.
fn scratch(name: &str, contents: &[u8]) -> String {
    let path = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("hostile-{}-{name}", std::process::id()));
    std::fs::write(&path, contents).expect("write a scratch file");
    path.to_str().expect("a UTF-8 path").to_owned()
}

/// Runs `body` on a thread with the default (small) stack and fails if it takes longer
/// than `limit`: for loader input that could recurse or loop.
fn within<T: Send + 'static>(limit: Duration, body: impl FnOnce() -> T + Send + 'static) -> T {
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = send.send(body());
    });
    match receive.recv_timeout(limit) {
        Ok(value) => value,
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("still running after {limit:?}"),
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("the thread panicked"),
    }
}

fn load_error(text: String) -> LoadError {
    within(Duration::from_secs(60), move || {
        load::parse_bytes(text.into_bytes(), "deep.ron").err()
    })
    .expect("the input is rejected")
}

// Deep nesting.

/// Deep nesting is one error at the first place the schema cannot accept, on a 2 MiB
/// thread stack, in whatever shape it comes: brackets, parentheses, braces, `Some(` and
/// struct names, at the top or inside a field, closed or not. (The typed schema stops ron
/// within a few levels; its recursion limit stays as the backstop.)
#[test]
fn deep_nesting_is_an_error_on_a_small_stack() {
    let n = 100_000;
    let cases = [
        ("[", "[".repeat(n)),
        ("(", "(".repeat(n)),
        ("{", "{".repeat(n)),
        ("[(", "[(".repeat(n / 2)),
        (
            "Some(",
            format!("(title: \"t\", description: {}", "Some(".repeat(n)),
        ),
        (
            "Event(",
            format!("(title: \"t\", actors: [], events: [{}", "Event(".repeat(n)),
        ),
        (
            "events [",
            format!("(title: \"t\", actors: [], events: {}", "[".repeat(n)),
        ),
        (
            "closed",
            format!(
                "(title: \"t\", actors: [], events: {}{})",
                "[".repeat(n),
                "]".repeat(n)
            ),
        ),
    ];
    for (what, text) in cases {
        let e = load_error(text);
        let message = e.to_string();
        assert!(message.starts_with("deep.ron:1:"), "{what}: {message}");
        assert!(message.contains(": 1 problem found;"), "{what}: {message}");
        assert_inert(what, &message, &['\n']);
    }
}

/// Nested block comments and brackets inside strings are not nesting: the first is an
/// unclosed comment, the second a valid file.
#[test]
fn comments_and_strings_full_of_brackets() {
    let n = 100_000;
    let e = load_error(format!("/*{}", "/*".repeat(n)));
    assert!(e.to_string().starts_with("deep.ron:1:"), "{e}");
    let closed = format!(
        "{}{}(title: \"t\", actors: [], events: [])",
        "/*".repeat(n),
        "*/".repeat(n)
    );
    let parsed = within(Duration::from_secs(60), move || {
        load::parse(&closed, "comments.ron").map(|t| t.events.len())
    });
    assert_eq!(parsed.expect("nested comments are fine"), 0);
    let title = format!("{}{}", "([{".repeat(n), "}])".repeat(n));
    let text = format!("(title: \"{title}\", actors: [], events: [])");
    let loaded = within(Duration::from_secs(60), move || {
        load::parse(&text, "strings.ron").map(|t| t.title.len())
    });
    assert_eq!(loaded.expect("brackets in a string are text"), 6 * n);
}

/// The position scanner runs after a successful parse, when validation finds a problem.
/// It used to read a raw identifier (`r#title`) as the start of a raw string, lose its
/// way, take the brackets inside a later string for nesting, and at its depth limit loop
/// forever. It must find the problem's position and finish.
#[test]
fn position_scanner_survives_raw_identifiers_and_brackets_in_strings() {
    let path = fixture("hostile/raw-identifier-brackets.ron");
    let text = std::fs::read_to_string(&path).expect("read fixture");
    let e = within(Duration::from_secs(60), move || {
        load::parse(&text, "raw-identifier-brackets.ron").err()
    })
    .expect("the date is invalid");
    let message = e.to_string();
    assert!(
        message.starts_with("raw-identifier-brackets.ron:9:19: invalid date '1979-02-30'"),
        "{message}"
    );
    // Generated, deeper than any limit, and with the scanner's other way to lose track:
    // `#![enable(…)]` attributes before the value.
    for prefix in ["", "#![enable(implicit_some)]\n"] {
        let text = format!(
            "{prefix}(\n    r#title: \"t\",\n    description: \"#{}\",\n    actors: [(id: \"a\", name: \"A\", kind: State)],\n    events: [(id: \"e\", date: \"1979-02-30\", title: \"x\", summary: \"s\", actors: [\"a\"], sources: [(publisher: \"p\", title: \"t\")])],\n)\n",
            "(".repeat(100_000)
        );
        let line = 5 + prefix.matches('\n').count();
        let e = load_error(text);
        assert!(
            e.to_string()
                .starts_with(&format!("deep.ron:{line}:30: invalid date")),
            "{prefix:?}: {e}"
        );
    }
}

// Pipes.

/// Runs the binary with stdout a pipe whose reading end is closed before it starts:
/// `afghan-timeline … | true` where `true` has already gone.
fn into_closed_pipe(args: &[&str]) -> (Option<i32>, String) {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    let output = common::bin()
        .args(args)
        .stdin(Stdio::null())
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .expect("the binary runs");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn a_closed_pipe_is_a_quiet_success_for_every_command() {
    let hostile = fixture("hostile/escapes.ron");
    let mut commands: Vec<Vec<&str>> = FORMATS
        .iter()
        .flat_map(|f| {
            [
                vec!["list", "--format", f],
                vec!["--file", &hostile, "show", "every-field", "--format", f],
            ]
        })
        .collect();
    commands.extend([
        vec!["actors"],
        vec!["actors", "--format", "json"],
        vec!["check"],
        vec!["--file", &hostile, "list"],
    ]);
    for args in commands {
        let (code, stderr) = into_closed_pipe(&args);
        assert_eq!(code, Some(0), "{args:?}: {stderr}");
        assert_eq!(stderr, "", "{args:?}");
    }
}

/// An error message into a closed stderr: still exit 2, no panic (which would be 101).
#[test]
fn a_closed_stderr_keeps_the_exit_status() {
    for args in [
        vec!["check", &fixture("invalid/two-faults.ron")],
        vec!["show", "no-such-event"],
        vec!["list", "--actor", "nobody"],
    ] {
        let (reader, writer) = std::io::pipe().expect("a pipe");
        drop(reader);
        let status = common::bin()
            .args(&args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(writer)
            .status()
            .expect("the binary runs");
        assert_eq!(status.code(), Some(2), "{args:?}");
    }
}

// Hostile content.

/// Loads a timeline file through the library, failing with its report.
fn load_path(path: &str) -> Timeline {
    let bytes = std::fs::read(path).expect("read timeline");
    load::parse_bytes(bytes, path).unwrap_or_else(|e| panic!("{path} does not load:\n{e}"))
}

/// The hostile fixture as written (escapes) and with raw control characters in the file,
/// written once for all the tests that read it.
fn hostile_files() -> Vec<(&'static str, String)> {
    static RAW: OnceLock<String> = OnceLock::new();
    let path = fixture("hostile/escapes.ron");
    let raw = RAW.get_or_init(|| {
        let text = std::fs::read_to_string(&path).expect("read fixture");
        scratch("raw.ron", raw_version(&text).as_bytes())
    });
    vec![("escaped", path), ("raw", raw.clone())]
}

/// Visible traces of the payloads that human formats must show.
const VISIBLE: [&str; 4] = [
    "\\u{1b}[7;31;42mHOSTILE-CSI",
    "\\u{9b}7mC1-CSI",
    "\\u{202e}RLO\\u{202c}",
    "\\u{2066}LRI\\u{2069}",
];

/// Human formats show every payload as a visible escape, and tabs as spaces.
fn check_human(what: &str, format: &str, stdout: &str) {
    // Markdown escapes the backslash and bracket, so that they render as written.
    let shown = |visible: &str| {
        if format == "markdown" {
            visible.replace('\\', "\\\\").replace('[', "\\[")
        } else {
            visible.to_owned()
        }
    };
    for visible in VISIBLE.map(shown) {
        assert!(
            stdout.contains(&visible),
            "{what}: {visible:?} in\n{stdout}"
        );
    }
    // The title's tab expands to the next stop instead of vanishing.
    assert!(stdout.contains("Title   TAB"), "{what}:\n{stdout}");
    if format != "line" {
        for visible in ["\\u{d}FAKE-OVERWRITE", "\\u{85}NEL", "Kabul\\u{202e}lubaK"].map(shown) {
            assert!(
                stdout.contains(&visible),
                "{what}: {visible:?} in\n{stdout}"
            );
        }
    }
}

/// JSON escapes everything for the terminal, yet holds the same strings for a program.
fn check_json(what: &str, timeline: &Timeline, stdout: &str) {
    for line in stdout.lines() {
        let value: serde_json::Value = serde_json::from_str(line).expect("JSON");
        let id = value["id"].as_str().expect("an id");
        let event = timeline.event(timeline.find_event(id).expect("a known id"));
        assert_eq!(
            value["title"].as_str(),
            Some(event.title.as_str()),
            "{what}"
        );
        assert_eq!(
            value["summary"].as_str(),
            Some(event.summary.as_str()),
            "{what}"
        );
        assert_eq!(value["detail"].as_str(), event.detail.as_deref(), "{what}");
        assert_eq!(
            value["date_note"].as_str(),
            event.date_note.as_deref(),
            "{what}"
        );
        assert_eq!(
            value["sources"][0]["publisher"].as_str(),
            Some(event.sources[0].publisher.as_str()),
            "{what}"
        );
    }
}

/// The `ron` output of every event, pasted back into a file, loads with the same strings.
fn check_ron_pastes_back(what: &str, timeline: &Timeline, stdout: &str) {
    let file = format!(
        "(title: \"t\", actors: [(id: \"hostile\", name: \"h\", kind: Group), \
         (id: \"plain\", name: \"p\", kind: State)], events: [{stdout}])"
    );
    let pasted = load::parse(&file, "pasted.ron").unwrap_or_else(|e| panic!("{what}: {e}"));
    assert_eq!(pasted.events.len(), timeline.events.len(), "{what}");
    for event in &pasted.events {
        let original = timeline.event(timeline.find_event(&event.id).expect("a known id"));
        assert_eq!(event.title, original.title, "{what}");
        assert_eq!(event.summary, original.summary, "{what}");
        assert_eq!(event.detail, original.detail, "{what}");
        assert_eq!(event.date_note, original.date_note, "{what}");
        assert_eq!(event.sources, original.sources, "{what}");
    }
}

#[test]
fn every_format_keeps_hostile_text_inert() {
    for (variant, path) in hostile_files() {
        let timeline = load_path(&path);
        for format in FORMATS {
            for command in [&["list"][..], &["show", "every-field"][..]] {
                let mut args = vec!["--file", &path];
                args.extend_from_slice(command);
                args.extend_from_slice(&["--format", format]);
                let out = run(&args);
                out.code(0);
                let what = format!("{variant} {args:?}");
                let allowed: &[char] = if format == "line" {
                    &['\n', '\t']
                } else {
                    &['\n']
                };
                assert_inert(&what, &out.stdout, allowed);
                match format {
                    "text" | "markdown" | "line" => check_human(&what, format, &out.stdout),
                    "json" => check_json(&what, &timeline, &out.stdout),
                    "ron" if command == ["list"] => {
                        check_ron_pastes_back(&what, &timeline, &out.stdout);
                    }
                    _ => {}
                }
            }
        }
        let out = run(&["--file", &path, "actors", "--format", "json"]);
        out.code(0);
        assert_inert(&format!("{variant} actors json"), &out.stdout, &['\n']);
        let out = run(&["--file", &path, "actors"]);
        out.code(0);
        assert_inert(&format!("{variant} actors"), &out.stdout, &['\n']);
        assert!(
            out.stdout
                .contains("Name \\u{1b}[7;31;42mHOSTILE-CSI\\u{1b}[0m"),
            "{}",
            out.stdout
        );
        assert!(
            out.stdout.contains("Plain   Actor"),
            "the tab expands:\n{}",
            out.stdout
        );
    }
}

/// Every kind of validation problem quotes a hostile value; the raw-bytes version also
/// puts them in the quoted source lines.
#[test]
fn every_error_message_keeps_hostile_text_inert() {
    for (variant, path) in [
        ("escaped", fixture("hostile/errors.ron")),
        (
            "raw",
            scratch(
                "errors-raw.ron",
                raw_version(&std::fs::read_to_string(fixture("hostile/errors.ron")).expect("read"))
                    .as_bytes(),
            ),
        ),
    ] {
        let out = run(&["check", &path]);
        out.code(2);
        assert_inert(variant, &out.stderr, &['\n']);
        for expected in [
            "actor id 'bad\\u{1b}]0;PWNED\\u{7}' contains '\\u{1b}'",
            "duplicate actor id 'dup'",
            "era id 'era\\u{9b}2J' contains '\\u{9b}'",
            "invalid date '2020\\u{1b}[2J'",
            "invalid date '\\u{202e}2019'",
            "event id 'ev\\u{202e}' contains '\\u{202e}'",
            "invalid date '1979-02-30\\u{1b}]0;x\\u{7}'",
            "invalid date '\\u{9b}31m'",
            "unknown actor 'bad\\u{1b}]0;PWNEX\\u{7}' in event 'ev\\u{202e}'",
            "did you mean 'bad\\u{1b}]0;PWNED\\u{7}'?",
            "unknown actor '\\u{1b}[2J'",
            "invalid date '\\u{85}2020'",
            "unknown related event '\\u{2066}nowhere\\u{2069}'",
            "duplicate event id 'ev\\u{202e}'",
            "invalid date '1978\\u{d}'",
        ] {
            assert!(
                out.stderr.contains(expected),
                "{variant}: {expected:?} in\n{}",
                out.stderr
            );
        }
    }
}

/// Errors ron itself reports, with hostile text on the offending line or in the value.
#[test]
fn syntax_errors_keep_hostile_text_inert() {
    let cases: [(&str, &[u8]); 6] = [
        ("enum-as-string", b"(title: \"t\", actors: [(id: \"a\", name: \"A\", kind: \"\x1b]0;PWNED\x07\xe2\x80\xae\")], events: [])"),
        ("list-as-string", b"(title: \"t\", actors: \"\x1b[2J\xc2\x9b31m\", events: [])"),
        ("unclosed-string", b"(title: \"\x1b[2J\xe2\x80\xae\xc2\x85 never closed"),
        ("bad-escape", b"(title: \"\\q \x1b]0;PWNED\x07\", actors: [], events: [])"),
        ("comment-on-error-line", b"(title: 5, /* \x1b]0;PWNED\x07 \r\xe2\x81\xa6 */ actors: [], events: [])"),
        ("unknown-field", b"(title: \"t\", r#titl\xc3\xa9: \"\x1b[2J\", actors: [], events: [])"),
    ];
    for (name, bytes) in cases {
        let path = scratch(&format!("syntax-{name}.ron"), bytes);
        let out = run(&["check", &path]);
        out.code(2);
        assert_inert(name, &out.stderr, &['\n']);
        assert!(
            out.stderr.contains(":1:"),
            "{name}: located:\n{}",
            out.stderr
        );
    }
}

/// Values from the command line are echoed back escaped in every message.
#[test]
fn command_line_values_are_escaped_in_messages() {
    let hostile = "\x1b]0;PWNED\x07\u{9b}31m\u{202e}\r";
    let file = scratch(
        "hostile-\u{1b}[2J-name\u{202e}.ron",
        b"(title: \"t\", actors: [], events: [(id: \"E\")])",
    );
    for args in [
        vec!["--select", hostile],
        vec!["list", "--to", hostile],
        vec!["list", "--from", "1990", "--to", "1980"],
        vec!["list", "--actor", hostile],
        vec!["show", hostile],
        vec!["check", &file],
        vec!["--file", hostile, "list"],
    ] {
        let out = run(&args);
        out.code(2);
        assert_inert(&format!("{args:?}"), &out.stderr, &['\n']);
    }
}

/// clap's own messages quote the bad value too: an unknown format, subcommand or flag.
#[test]
fn usage_errors_from_the_argument_parser_are_inert() {
    let hostile = "x\u{9b}31m\u{85}\u{202e}\ry";
    for args in [
        vec!["list", "--format", hostile],
        vec!["actors", "--format", hostile],
        vec![hostile],
    ] {
        let out = run(&args);
        out.code(2);
        assert_inert(&format!("{args:?}"), &out.stderr, &['\n']);
    }
}

// Hostile content on screen.

fn screen_text(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in 0..area.height {
        for x in 0..area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

fn draw(app: &App, width: u16, height: u16) -> Buffer {
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::empty(area);
    Screen { app }.render(area, &mut buf);
    buf
}

#[test]
fn hostile_text_on_screen_is_inert_and_visible() {
    use Action::*;
    for (variant, path) in hostile_files() {
        let timeline = load_path(&path);
        for setup in [
            &[][..],
            &[FocusDetail][..],
            &[NextEvent, FocusDetail, FollowRelated(1)][..],
            &[
                StartSearch,
                Action::typed('\u{1b}'),
                Action::typed('['),
                Action::typed('\u{9b}'),
            ][..],
            &[OpenActorFilter][..],
            &[ToggleHelp][..],
        ] {
            for (width, height) in [(120, 40), (80, 24), (40, 12), (20, 6)] {
                let mut app = App::new(timeline.clone(), Filter::default(), Settings::default()).0;
                app.update(Resize { width, height });
                for a in setup {
                    app.update(*a);
                }
                let buf = draw(&app, width, height);
                let text = screen_text(&buf);
                assert_inert(
                    &format!("{variant} {setup:?} {width}×{height}"),
                    &text,
                    &['\n'],
                );
            }
        }
        // In full: the list shows the title with its tab expanded, the detail shows the
        // escapes where the sequences were.
        let mut app = App::new(timeline.clone(), Filter::default(), Settings::default()).0;
        app.update(Resize {
            width: 200,
            height: 60,
        });
        let text = screen_text(&draw(&app, 200, 60));
        assert!(
            text.contains("Title   TAB \\u{1b}[7;31;42mHOSTILE-CSI"),
            "{variant}:\n{text}"
        );
        for visible in [
            "\\u{9b}7mC1-CSI",
            "\\u{202e}RLO",
            "Safe text\\u{d}FAKE-OVERWRITE",
            "Kabul\\u{202e}lubaK",
            "PWNED-ERA",
        ] {
            assert!(text.contains(visible), "{variant}: {visible:?} on\n{text}");
        }
    }
}

// Size.

/// `n` events of realistic size (~1.1 KB each) written straight to a file.
fn big_timeline(n: usize) -> String {
    let words = "word ".repeat(200);
    let mut text = String::with_capacity(n * 1200);
    text.push_str("(title: \"big\", actors: [(id: \"a\", name: \"A\", kind: State)], events: [\n");
    for i in 0..n {
        let _ = writeln!(
            text,
            "(id: \"e{i}\", date: \"{:04}-{:02}-{:02}\", title: \"Event {i} {}\", summary: \"{words}\", \
             actors: [\"a\"], sources: [(publisher: \"p\", title: \"t\")]),",
            1900 + i % 120,
            1 + i % 12,
            1 + i % 28,
            &words[..200]
        );
    }
    text.push_str("])\n");
    text
}

/// A 100 MB file loads, through the debug binary (about six seconds here).
#[test]
fn a_hundred_megabyte_timeline_loads() {
    let n = 90_000;
    let text = big_timeline(n);
    assert!(text.len() > 100_000_000, "{} bytes", text.len());
    let path = scratch("100mb.ron", text.as_bytes());
    drop(text);
    let out = run(&["check", &path]);
    let _ = std::fs::remove_file(&path);
    out.code(0);
    assert_eq!(out.stdout, format!("ok: {n} events, 1 actors\n"));
}

/// A timeline of a short event and, after it, one titled `title` (plain text and `\u{1b}`,
/// written as RON escapes): made as text, as fast as a debug build allows.
fn one_event(title: &str) -> Timeline {
    let title = title.replace('\u{1b}', "\\u{1b}");
    let text = format!(
        "(title: \"t\", actors: [(id: \"a\", name: \"A\", kind: State)], events: [
            (id: \"short\", date: \"1979\", title: \"Short\", summary: \"s\", actors: [\"a\"], sources: [(publisher: \"p\", title: \"t\")]),
            (id: \"huge\", date: \"1979\", title: \"{title}\", summary: \"s\", actors: [\"a\"], sources: [(publisher: \"p\", title: \"t\")]),
        ])"
    );
    load::parse(&text, "huge.ron").expect("loads")
}

/// Best of `tries` times for a resize and a frame at 120×40 of an explorer on `timeline`,
/// after `setup`: the resize recomputes what `update` derives from the size (the detail's
/// length among it), the frame draws every pane.
fn frame_time(timeline: Timeline, setup: &[Action], tries: usize) -> f64 {
    let mut app = App::new(timeline, Filter::default(), Settings::default()).0;
    for a in setup {
        app.update(*a);
    }
    (0..tries)
        .map(|n| {
            let start = Instant::now();
            app.update(Action::Resize {
                width: 120 - u16::try_from(n % 2).unwrap_or(0),
                height: 40,
            });
            let buf = draw(&app, app.size().width, 40);
            let seconds = start.elapsed().as_secs_f64();
            assert_inert("frame", &screen_text(&buf), &['\n']);
            seconds
        })
        .fold(f64::INFINITY, f64::min)
}

/// About `bytes` of title: words, with an escape sequence every hundred bytes.
fn long_title(bytes: usize) -> String {
    format!("{} \u{1b}[2J ", "word ".repeat(20)).repeat(bytes.div_ceil(106))
}

/// A 10 MB title in the list costs no more than a short one: only what fits is cut,
/// cleaned and drawn. Selected, its detail is wrapped in full each frame, which must stay
/// linear (a ten times longer title, well under thirty times the frame).
#[test]
fn a_ten_megabyte_title_draws_in_bounded_time() {
    let huge = one_event(&long_title(10_000_000));
    assert!(huge.events[1].title.len() > 10_000_000);
    let small = one_event(&long_title(100_000));
    // Other tests run beside this one: each side takes its best of several frames, and a
    // slow ratio is measured again before it counts.
    let mut in_list = f64::INFINITY;
    for _ in 0..3 {
        in_list = in_list.min(frame_time(huge.clone(), &[], 5) / frame_time(small.clone(), &[], 5));
        if in_list < 3.0 {
            break;
        }
    }
    assert!(
        in_list < 3.0,
        "a 100× longer title in the list made the frame {in_list:.1}× slower"
    );
    let medium = one_event(&long_title(1_000_000));
    let selected = [Action::NextEvent];
    let detail = frame_time(huge, &selected, 2) / frame_time(medium, &selected, 2);
    assert!(
        detail < 30.0,
        "a 10× longer selected title made the frame {detail:.1}× slower"
    );
}

#[test]
fn a_ten_megabyte_title_lists_in_full() {
    let title = long_title(10_000_000);
    let escapes = title.matches('\u{1b}').count();
    let text = load::options()
        .to_string(&RawTimeline {
            title: "t".to_owned(),
            description: None,
            actors: vec![RawActor {
                id: "a".to_owned(),
                name: "A".to_owned(),
                kind: RawActorKind::State,
                aliases: Vec::new(),
            }],
            eras: Vec::new(),
            events: vec![RawEvent {
                fingerprint: afghan_timeline::model::Fingerprint::default(),
                id: "huge".to_owned(),
                date: field("1979"),
                end: None,
                title,
                summary: "s".to_owned(),
                detail: None,
                date_note: None,
                actors: [field("a")].into_iter().collect(),
                tags: Vec::new(),
                location: None,
                sources: vec![RawSource {
                    publisher: "p".to_owned(),
                    title: "t".to_owned(),
                    date: None,
                    url: None,
                }],
                related: load::Refs::new(),
            }],
        })
        .expect("serializes");
    let path = scratch("10mb-title.ron", text.as_bytes());
    let out = run(&["--file", &path, "list", "--format", "line"]);
    let _ = std::fs::remove_file(&path);
    out.code(0);
    assert_inert("line", &out.stdout, &['\n', '\t']);
    assert!(out.stdout.len() > 10_000_000);
    assert_eq!(out.stdout.matches("\\u{1b}[2J").count(), escapes);
}

/// The stderr of `check` on a file of `problems` problems.
fn check_report(problems: usize) -> String {
    let path = scratch(
        &format!("{problems}-problems.ron"),
        crate::faulty::timeline(problems).as_bytes(),
    );
    let out = run(&["check", &path]);
    let _ = std::fs::remove_file(&path);
    out.code(2);
    // The scratch name holds the count; take it out so that two reports compare.
    out.stderr.replace(&path, "faulty.ron")
}

/// 100,000 problems: the first fifty in full, the rest counted. What is shown does not
/// grow with the file: the reports of 50,000 and of 100,000 problems are the same fifty
/// problems, byte for byte, and differ only in their counts. (That the time stays linear
/// in the number of problems is measured by `cargo bench --bench problems`, not here.)
#[test]
fn a_hundred_thousand_problems_are_capped() {
    let stderr = check_report(100_000);
    let headers = stderr
        .lines()
        .filter(|l| l.contains(".ron:") && l.contains(": "))
        .count();
    assert!(headers >= 50, "{headers} located problems shown");
    assert!(
        stderr.contains(": … and 99950 more problems not shown"),
        "{}",
        &stderr[stderr.len().saturating_sub(500)..]
    );
    assert!(stderr.contains(": 100000 problems found;"));
    // The snippets of the shown problems are there, and the report is short.
    assert!(
        stderr.len() < 50 * 1_000,
        "{} bytes of report",
        stderr.len()
    );
    let half = check_report(50_000);
    assert!(half.contains(": … and 49950 more problems not shown"));
    assert!(half.contains(": 50000 problems found;"));
    let shown = |report: &str| -> String {
        let end = report.find(": … and ").expect("a count of the rest");
        report[..end].to_owned()
    };
    assert_eq!(shown(&stderr), shown(&half));
}

/// The header line of every shown problem points into the file.
#[test]
fn problem_positions_are_inside_the_file() {
    let text = crate::faulty::timeline(400);
    let lines = text.lines().count();
    let e = load_error(text);
    let LoadError::Invalid(report) = e else {
        panic!("not a validation report: {e}");
    };
    assert_eq!(report.diagnostics.len(), 50);
    assert_eq!(report.more, 350);
    for d in &report.diagnostics {
        assert!(d.line >= 2 && d.line <= lines, "line {} of {lines}", d.line);
    }
}

/// "Did you mean" is skipped past the first fifty problems, to keep 100,000 of them
/// linear; but the fifty shown are the first in the file, not the first found, so a typo
/// at the top of the file must keep its suggestion however many problems come later.
#[test]
fn a_shown_problem_keeps_its_suggestion_after_many_others() {
    let mut text = String::from(
        "(title: \"t\", actors: [(id: \"russia\", name: \"R\", kind: State)], events: [\n\
         (id: \"first\", date: \"1979\", title: \"x\", summary: \"s\", actors: [\"rusia\"], \
         sources: [(publisher: \"p\", title: \"t\")]),\n",
    );
    for _ in 0..60 {
        text.push_str(
            "(id: \"dup\", date: \"1979\", title: \"x\", summary: \"s\", actors: [\"russia\"], \
             sources: [(publisher: \"p\", title: \"t\")]),\n",
        );
    }
    text.push_str("])\n");
    let message = load_error(text).to_string();
    let first = message.lines().take(6).collect::<Vec<_>>().join("\n");
    assert!(
        first.starts_with("deep.ron:2:") && first.contains("unknown actor 'rusia'"),
        "{first}"
    );
    assert!(first.contains("did you mean 'russia'?"), "{first}");
}
