//! Acting on events from the explorer, end to end: `y` writes OSC 52 to the terminal (read
//! back from the pty and decoded), `o` starts `$BROWSER` (a script that writes its
//! argument to a file) without blocking the explorer, a browser that cannot start is a
//! status message, and source addresses carry OSC 8 links at the right width.

use std::time::{Duration, Instant};

use base64::Engine as _;

use super::reference::{Scratch, events, run_lines};
use super::screen::{Pane, find_bytes, status_line};
use super::session::{DEADLINE, Spawn};

const SOURCES: &str = r#"(
    title: "Sources",
    actors: [(id: "tass", name: "Telegraph Agency", kind: Organization)],
    events: [
        (id: "with-addresses", date: "1950-01-02", title: "An event with addresses",
         summary: "Read about it.", actors: ["tass"],
         sources: [(publisher: "A", title: "First", url: "https://example.org/first?a=1&b=2"),
                   (publisher: "B", title: "Second", url: "https://example.org/second")]),
        (id: "no-address", date: "1951-01-02", title: "Paper only", summary: "S.",
         actors: ["tass"], sources: [(publisher: "A", title: "A printed book")]),
    ],
)"#;

/// The text of every OSC 52 clipboard sequence in the bytes, decoded.
fn clipboard_writes(raw: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = raw;
    while let Some(at) = find_bytes(rest, b"\x1b]52;c;") {
        rest = &rest[at + 7..];
        let end = rest
            .iter()
            .position(|&b| b == 0x07)
            .expect("the sequence ends with BEL");
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(&rest[..end])
            .expect("the payload is base64");
        found.push(String::from_utf8(bytes).expect("UTF-8 text"));
        rest = &rest[end..];
    }
    found
}

#[test]
fn y_puts_the_event_as_markdown_on_the_clipboard_through_osc52() {
    let events = events();
    let markdown = run_lines(&["show", &events[1].id, "--format", "markdown"]).join("\n");
    let mut s = Spawn::app(&[]).start();
    s.wait_drawn(events.len());
    s.send("j");
    s.wait_for("the second event", |screen| {
        super::screen::detail_shows(screen, &events[1].title)
    });
    let mark = s.raw_len();
    s.send("y");
    s.wait_for_raw("an OSC 52 sequence", mark, |raw| {
        find_bytes(raw, b"\x1b]52;c;").is_some() && raw.contains(&0x07)
    });
    s.wait_for("the status message", |screen| {
        status_line(screen).contains("copied 1 event as Markdown")
    });
    let copied = clipboard_writes(&s.raw()[mark..]);
    assert_eq!(copied.len(), 1);
    assert_eq!(copied[0].trim_end(), markdown.trim_end());

    // Y copies the ids of the marked events, in date order.
    s.send("k ");
    s.wait_for("1 marked", |screen| {
        status_line(screen).contains("1 marked")
    });
    let mark = s.raw_len();
    s.send("Y");
    s.wait_for("the ids message", |screen| {
        status_line(screen).contains("copied 1 id")
    });
    s.wait_for_raw("the ids on the clipboard", mark, |raw| {
        find_bytes(raw, b"\x1b]52;c;").is_some() && raw.contains(&0x07)
    });
    assert_eq!(
        clipboard_writes(&s.raw()[mark..]),
        [format!("{}\n", events[0].id)]
    );
    // With a mark, the first q warns; the second quits.
    s.send("q");
    s.wait_for("the marks warning", |screen| {
        status_line(screen).contains("1 marked — y copies them; q again quits")
    });
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

/// Polls for a file's contents with a deadline: the browser runs on its own.
fn wait_for_file(file: &Scratch) -> String {
    let deadline = Instant::now() + DEADLINE;
    loop {
        if let Ok(text) = std::fs::read_to_string(file.path())
            && text.ends_with('\n')
        {
            return text;
        }
        assert!(
            Instant::now() < deadline,
            "the browser never wrote its file"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn o_opens_the_address_with_browser_and_keeps_the_explorer_going() {
    let timeline = Scratch::with_contents("sources.ron", SOURCES);
    let opened = Scratch::new("opened.txt");
    let script = Scratch::with_contents(
        "browser.sh",
        "#!/bin/sh\necho \"browser output must not reach the screen\"\nprintf '%s\\n' \"$1\" > \"$OPENED\"\n",
    );
    std::fs::set_permissions(
        script.path(),
        std::os::unix::fs::PermissionsExt::from_mode(0o755),
    )
    .expect("make the script executable");
    let mut s = Spawn::app(&["--file", &timeline.path().to_string_lossy()])
        .env("BROWSER", script.path())
        .env("OPENED", opened.path())
        .start();
    s.wait_drawn(2);
    // The second address, with a count.
    s.send("2o");
    assert_eq!(wait_for_file(&opened), "https://example.org/second\n");
    s.wait_for("the status message", |screen| {
        status_line(screen).contains("opening source 2 of 2: https://example.org/second")
    });
    // The explorer still answers, and the browser's output went nowhere.
    s.send("j");
    s.wait_for("the second event", |screen| {
        super::screen::detail_shows(screen, "Paper only")
    });
    assert!(!s.with_screen(|screen| screen.contents().contains("browser output")));
    s.send("o");
    s.wait_for("no address", |screen| {
        status_line(screen).contains("this event's sources give no address")
    });
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn a_browser_that_cannot_start_is_a_message_not_a_crash() {
    let timeline = Scratch::with_contents("sources-missing.ron", SOURCES);
    let mut s = Spawn::app(&["--file", &timeline.path().to_string_lossy()])
        .env("BROWSER", "/nonexistent/browser")
        .start();
    s.wait_drawn(2);
    s.send("o");
    s.wait_for("the failure on the status line", |screen| {
        status_line(screen).contains("could not start '/nonexistent/browser'")
    });
    s.send("j");
    s.wait_for("the explorer still answers", |screen| {
        super::screen::detail_shows(screen, "Paper only")
    });
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

/// The detail pane's addresses are OSC 8 links, one sequence per row (issue 25: not one
/// per character), and drawing them keeps every column in place: the address reads whole
/// on screen and the pane's right border is where it was.
#[test]
fn addresses_are_osc8_links_that_keep_their_width() {
    let timeline = Scratch::with_contents("sources-osc8.ron", SOURCES);
    let mut s = Spawn::app(&["--file", &timeline.path().to_string_lossy()]).start();
    s.wait_drawn(2);
    let address = "https://example.org/first?a=1&b=2";
    s.wait_for_text(address);
    let raw = s.raw();
    assert!(
        find_bytes(
            &raw,
            format!("\x1b]8;;{address}\x1b\\{address}\x1b]8;;\x1b\\").as_bytes()
        )
        .is_some(),
        "the address's row is one link around its text"
    );
    s.with_screen(|screen| {
        let pane = Pane::titled(screen, "Detail").expect("the detail pane");
        let (row, _) = pane.find(screen, address).expect("the address in the pane");
        let text = screen.contents_between(row, 0, row, 120);
        assert!(
            text.trim_end().ends_with('│'),
            "the right border stays at the edge: {text:?}"
        );
        assert_eq!(
            text.chars().count(),
            120,
            "the row keeps its width: {text:?}"
        );
    });
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}
