//! `w` in a real terminal, tried as a new user would: the explorer filtered to Russia and
//! the Taliban since 2021, `w` and a path ending in `.json`, and the file holds TimelineJS's
//! document with exactly the events shown; a second `w` to the same path asks first, and
//! `n` leaves the file as it was.

use super::reference::{Scratch, events, ids};
use super::screen::status_line;
use super::session::Spawn;

/// The issue's story: what Russia and the Taliban did alone together since 2021.
const STORY: [&str; 7] = [
    "--actor",
    "russia",
    "--actor",
    "taliban",
    "--exact-actors",
    "--from",
    "2021",
];

#[test]
fn w_writes_the_filtered_events_as_timelinejs_and_asks_before_replacing() {
    let expected = ids(&STORY);
    let total = events().len();
    assert!(!expected.is_empty() && expected.len() < total);
    let story = Scratch::new("story.json");
    let path = story.path().to_str().expect("a UTF-8 path").to_owned();
    let mut s = Spawn::app(&STORY).start();
    let shown = format!("1/{} of {total} events", expected.len());
    s.wait_for(&format!("status {shown:?}"), |screen| {
        status_line(screen).starts_with(&shown)
    });

    s.send("w");
    s.wait_for_text("write to ");
    s.send(&path);
    s.send("\r");
    let n = expected.len();
    // The path itself may be cut at the status line's end.
    let wrote = format!(
        "wrote {n} event{} as timelinejs to '",
        if n == 1 { "" } else { "s" }
    );
    s.wait_for(&format!("status {wrote:?}"), |screen| {
        status_line(screen).contains(&wrote)
    });
    let document: serde_json::Value =
        serde_json::from_str(&story.read()).expect("the file is JSON");
    let written: Vec<&str> = document["events"]
        .as_array()
        .expect("TimelineJS's events")
        .iter()
        .map(|e| e["unique_id"].as_str().expect("a unique_id"))
        .collect();
    assert_eq!(written, expected, "exactly the events shown");
    assert!(
        document["title"]["text"]["headline"].is_string(),
        "a title slide"
    );

    // Again to the same path: the question, and `n` keeps the file.
    std::fs::write(story.path(), "mine").expect("replace the file");
    s.send("w");
    s.wait_for_text("write to ");
    s.send(&path);
    s.send("\r");
    s.wait_for_text("it is there already");
    s.send("n");
    s.wait_for_text("nothing written;");
    assert_eq!(story.read(), "mine");
    // And `y` replaces it.
    s.send("w");
    s.wait_for_text("write to ");
    s.send(&path);
    s.send("\r");
    s.wait_for_text("it is there already");
    s.send("y");
    s.wait_for(&format!("status {wrote:?} again"), |screen| {
        status_line(screen).contains(&wrote)
    });
    assert!(story.read().starts_with('{'), "{}", story.read());
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

/// The same trial by keys alone: the picker requires Russia and the Taliban, Shift-Tab
/// makes it exactly them, `r` starts the range in 2021, and `w` writes what is shown.
#[test]
fn the_trial_by_keys_picker_range_and_w() {
    let expected = ids(&STORY);
    let total = events().len();
    let story = Scratch::new("keys-story.json");
    let path = story.path().to_str().expect("a UTF-8 path").to_owned();
    let mut s = Spawn::app(&[]).start();
    s.wait_drawn(total);

    s.send("a");
    s.wait_for_text("Actors and tags · match any of the required");
    s.send("russia ");
    s.wait_for_text("[x] Russia");
    s.send("\x15taliban ");
    s.wait_for_text("[x] Taliban");
    s.send("\x1b[Z");
    s.wait_for_text("Actors and tags · match exactly the required");
    s.send("\r");
    s.wait_for_text("actors: exactly Russia + Taliban");
    s.send("r2021..\r");
    let shown = format!("1/{} of {total} events", expected.len());
    s.wait_for(&format!("status {shown:?}"), |screen| {
        status_line(screen).starts_with(&shown)
    });

    s.send("w");
    s.wait_for_text("write to ");
    s.send(&path);
    s.send("\r");
    s.wait_for_text("as timelinejs to '");
    let document: serde_json::Value =
        serde_json::from_str(&story.read()).expect("the file is JSON");
    let written: Vec<&str> = document["events"]
        .as_array()
        .expect("TimelineJS's events")
        .iter()
        .map(|e| e["unique_id"].as_str().expect("a unique_id"))
        .collect();
    assert_eq!(written, expected, "exactly the events shown");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}
