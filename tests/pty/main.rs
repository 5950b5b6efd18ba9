//! End to end: the real binary in a pseudo-terminal. Keys go in as bytes, the screen is
//! parsed with `vt100`, stdout is redirected to a file where pick mode needs it, and the
//! exit status and the bytes written to the terminal are checked.
//!
//! Every wait polls for a condition with a deadline (see `session.rs`); nothing
//! sleeps to synchronise. Expected counts, ids and titles come from the same binary's
//! `list` and `actors` commands rather than being written down here.

// `pick` holds the picker's fzf contract, `act` copying and opening (OSC 52, $BROWSER,
// OSC 8), `filters` the filter keys, `find` a paste into the search prompt; `terminal`
// holds the tests of terminal handling, `hostile` the hostile suite's terminal side and
// `hostile_signals` its signals, `scale_smoke` a generated 10,000-event timeline, `time`
// the time view, `loading` the loading screen; `reference`, `screen` and `session` are
// the harness.
mod act;
mod authoring;
mod calendars;
mod filters;
mod find;
mod hostile;
mod hostile3;
mod hostile_signals;
mod loading;
mod pick;
mod reference;
mod scale_smoke;
mod screen;
mod session;
#[path = "../../benches/synth/mod.rs"]
mod synth;
mod terminal;
mod time;
mod write;

use reference::{Scratch, actors, events, ids, string_field};
use screen::{detail_shows, find, status_line};
use session::Spawn;

/// The explorer in pick mode, stdout redirected to `out`.
pub fn picker(out: &Scratch, args: &[&str]) -> Spawn {
    Spawn::shell(r#"exec "$BIN" "$@" > "$OUT""#, args).env("OUT", out.path())
}

#[test]
fn browse_moves_searches_filters_by_actor_and_focuses_the_detail() {
    let events = events();
    let total = events.len();
    let actors = actors();
    let mut s = Spawn::app(&[]).start();
    s.wait_drawn(total);
    assert!(
        s.with_screen(|screen| detail_shows(screen, &events[0].title)),
        "the detail shows the first event"
    );

    s.send("j");
    s.wait_for("the second event in the detail", |screen| {
        detail_shows(screen, &events[1].title)
    });
    s.send("\x1b[B");
    s.wait_for("the third event after Down", |screen| {
        detail_shows(screen, &events[2].title)
    });
    s.send("k");
    s.wait_for("the second event after k", |screen| {
        detail_shows(screen, &events[1].title)
    });

    let embassy = ids(&["--query", "embassy"]).len();
    assert!(
        embassy > 0 && embassy < total,
        "the query narrows the timeline ({embassy} of {total})"
    );
    s.send("/embassy");
    s.wait_for("the search prompt", |screen| {
        status_line(screen).starts_with("/embassy")
    });
    s.send("\r");
    let searched = format!("/{embassy} of {total} events · query: \"embassy\"");
    s.wait_for(&format!("status {searched:?}"), |screen| {
        status_line(screen).contains(&searched)
    });

    s.send("a");
    s.wait_for_text("Actors and tags · match any of the required");
    let (actor_id, actor_name) = &actors[1];
    // Letters type into the picker's query: Down moves.
    s.send("\x1b[B ");
    s.wait_for_text(&format!("[x] {actor_name}"));
    s.send("\r");
    let both = ids(&["--query", "embassy", "--actor", actor_id]).len();
    assert!(
        both > 0,
        "some embassy event involves {actor_name}, so the detail can take focus"
    );
    let filtered = format!("/{both} of {total} events · actors: {actor_name} · query: \"embassy\"");
    s.wait_for(&format!("status {filtered:?}"), |screen| {
        status_line(screen).contains(&filtered)
    });
    assert!(
        s.with_screen(|screen| find(screen, "Actors · match").is_none()),
        "the picker closed on Enter"
    );

    let hint = " h back · j/k scroll · 1-9 related ";
    s.send("\t");
    s.wait_for_text(hint);
    s.send("\x1b");
    s.wait_for("the detail hint to go after Esc", |screen| {
        !screen.contents().contains(hint)
    });
    // Esc in the detail pane goes back to the list; the filter is still there.
    assert!(s.with_screen(|screen| status_line(screen).contains(&filtered)));

    s.send("q");
    assert_eq!(s.wait_exit(), 0, "q closes the explorer with status 0");
}

#[test]
fn pick_mode_enter_prints_the_selected_event_as_json() {
    let events = events();
    let out = Scratch::new("pick.json");
    let mut s = picker(&out, &["--format", "json"]).start();
    s.wait_pick_drawn(events.len());
    s.send("\x1b[B");
    s.wait_for("the second event in the detail", |screen| {
        detail_shows(screen, &events[1].title)
    });
    s.send("\r");
    assert_eq!(s.wait_exit(), 0);
    let printed = out.read();
    let lines: Vec<&str> = printed.lines().collect();
    assert_eq!(
        lines.len(),
        1,
        "exactly one JSON line, and nothing else, reaches stdout:\n{printed:?}"
    );
    assert!(printed.ends_with('\n'));
    let value: serde_json::Value = serde_json::from_str(lines[0]).expect("stdout is JSON");
    assert_eq!(string_field(&value, "id"), events[1].id);
}

const PIPED_TIMELINE: &str = r#"(
    title: "Piped",
    actors: [(id: "tass", name: "Telegraph Agency", kind: Organization)],
    events: [
        (
            id: "piped-first",
            date: "1950-01-02",
            title: "First piped event",
            summary: "Read from standard input.",
            actors: ["tass"],
            sources: [(publisher: "Test", title: "One")],
        ),
        (
            id: "piped-second",
            date: "1960-03-04",
            title: "Second piped event",
            summary: "Also read from standard input.",
            actors: ["tass"],
            sources: [(publisher: "Test", title: "Two")],
        ),
    ],
)
"#;

#[test]
fn piped_timeline_still_reads_keys_from_the_terminal() {
    let input = Scratch::with_contents("piped.ron", PIPED_TIMELINE);
    let out = Scratch::new("piped.out");
    let mut s = Spawn::shell(r#"cat "$IN" | "$BIN" --file - --format id > "$OUT""#, &[])
        .env("IN", input.path())
        .env("OUT", out.path())
        .start();
    s.wait_pick_drawn(2);
    assert!(
        s.with_screen(|screen| detail_shows(screen, "First piped event")),
        "the piped timeline is shown"
    );
    s.send("\r");
    assert_eq!(s.wait_exit(), 0);
    assert_eq!(out.read(), "piped-first\n");
}
