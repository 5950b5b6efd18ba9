//! The hostile suite, third round (issue 25), in a real terminal: a message that does not
//! fit the status line is shortened, never dropped.

use super::reference::Scratch;
use super::screen::status_line;
use super::session::Spawn;

const SOURCES: &str = r#"(
    title: "Sources",
    actors: [(id: "tass", name: "Telegraph Agency", kind: Organization)],
    events: [
        (id: "with-address", date: "1950-01-02", title: "An event with an address",
         summary: "Read about it.", actors: ["tass"],
         sources: [(publisher: "A", title: "First", url: "https://example.org/first")]),
    ],
)"#;

/// Bug 4: `o` at 80×24 with a browser that cannot start says so, cut with `…`.
#[test]
fn o_with_a_missing_browser_at_80_columns_says_so() {
    let timeline = Scratch::with_contents("hostile3-sources.ron", SOURCES);
    let browser = format!("/nonexistent/{}/browser", "deep".repeat(8));
    let mut s = Spawn::app(&["--file", &timeline.path().to_string_lossy()])
        .size(80, 24)
        .env("BROWSER", &browser)
        .start();
    s.wait_drawn(1);
    s.send("o");
    s.wait_for("the failure, shortened", |screen| {
        let line = status_line(screen);
        line.contains("could not start '/nonexistent/deep") && line.trim_end().ends_with('…')
    });
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

/// The newcomer's frictions: `list` that matches nothing says so when stderr is a terminal,
/// and still exits 1 (through a pipe it stays quiet: `tests/it/hostile3_frictions.rs`).
#[test]
fn list_matching_nothing_says_so_at_a_terminal() {
    let mut s = Spawn::app(&["list", "--query", "zzzqqqxxx"]).start();
    s.wait_for_text("no event matches the filter; the timeline has");
    assert_eq!(s.wait_exit(), 1);
}
