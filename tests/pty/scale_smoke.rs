//! The generator and the loader cannot drift apart: a generated 10,000-event timeline is
//! checked, listed and explored through the real binary (not timed: speed is measured in
//! `benches/scale.rs`).

use crate::{reference, screen, session, synth};

use std::process::Command;

use reference::Scratch;
use screen::status_line;
use session::Spawn;

const EVENTS: usize = 10_000;

fn binary(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_afghan-timeline"))
        .args(args)
        .output()
        .expect("the binary runs")
}

#[test]
fn a_generated_ten_thousand_event_timeline_loads_lists_and_navigates() {
    let file = Scratch::with_contents("synth.ron", &synth::generate_string(EVENTS, 11));
    let path = file.path().to_str().expect("a UTF-8 temp path");

    let check = binary(&["check", path]);
    assert!(
        check.status.success(),
        "check: {}",
        String::from_utf8_lossy(&check.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&check.stdout),
        format!("ok: {EVENTS} events, 50 actors\n")
    );

    let ids = binary(&["list", "--file", path, "--format", "id"]);
    let ids: Vec<String> = String::from_utf8_lossy(&ids.stdout)
        .lines()
        .map(str::to_owned)
        .collect();
    assert_eq!(ids.len(), EVENTS);
    let embassy = binary(&[
        "list", "--file", path, "--query", "embassy", "--format", "id",
    ]);
    let embassy = String::from_utf8_lossy(&embassy.stdout).lines().count();
    assert!(
        embassy > 0 && embassy < EVENTS,
        "{embassy} events mention an embassy"
    );

    let mut s = Spawn::app(&["--file", path]).size(120, 40).start();
    s.wait_drawn(EVENTS);
    // G: the last event; its title is in the detail pane, as `list` orders it.
    let last = binary(&["show", &ids[EVENTS - 1], "--file", path, "--format", "json"]);
    let last: serde_json::Value = serde_json::from_slice(&last.stdout).expect("json");
    let title = last["title"].as_str().expect("a title").to_owned();
    s.send("G");
    s.wait_for("the last event in the detail", |screen| {
        screen::detail_shows(screen, &title)
    });
    // A search narrows to exactly what `list --query` finds.
    s.send("/embassy");
    let expected = format!("{embassy} of {EVENTS}");
    s.wait_for(&format!("status {expected:?}"), |screen| {
        status_line(screen).contains(&expected)
    });
    s.send("\r");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}
