//! The time view through the real binary: `v`, zoom, pan and moving the selection while
//! browsing; in pick mode, reaching the view with Ctrl-t and moving with the arrows (keys
//! that do not type, since typed characters are meant for the prompt there), then Enter
//! printing the event selected in the view.

use super::picker;
use super::reference::{Scratch, events, string_field};
use super::screen::{detail_shows, status_line};
use super::session::Spawn;

/// The title of the pane at the top left: in the time view, the range it shows.
fn pane_title(screen: &vt100::Screen) -> String {
    let (_, cols) = screen.size();
    let top = screen.rows(0, cols.get()).next().unwrap_or_default();
    top.split_once("╭ ")
        .and_then(|(_, rest)| rest.split_once(" ─"))
        .map_or_else(String::new, |(title, _)| title.to_owned())
}

/// The first and last year a range title names (`Dec 1979 – Mar 1980`: 1979, 1980).
fn years(title: &str) -> Option<(i32, i32)> {
    let years: Vec<i32> = title
        .split(|c: char| !c.is_ascii_digit())
        .filter(|t| t.len() >= 3)
        .filter_map(|t| t.parse().ok())
        .collect();
    Some((*years.first()?, *years.last()?))
}

#[test]
fn browse_switches_to_the_time_view_zooms_pans_and_selects() {
    let events = events();
    let mut s = Spawn::app(&[]).start();
    s.wait_drawn(events.len());

    s.send("v");
    s.wait_for("the time view's keys in the status line", |screen| {
        status_line(screen).contains("+/- zoom")
    });
    let whole = s.with_screen(pane_title);
    let (first, last) = years(&whole).unwrap_or_else(|| panic!("a range title: {whole:?}"));
    assert!(first < last, "the whole span is years long: {whole:?}");

    s.send("+");
    s.wait_for("a narrower range after +", |screen| {
        years(&pane_title(screen)).is_some_and(|(a, b)| b - a < last - first)
    });
    let zoomed = s.with_screen(pane_title);
    let (zoomed_first, _) = years(&zoomed).expect("a range title");

    // l moves to the next event in time; the detail pane follows.
    s.send("l");
    s.wait_for("the second event in the detail", |screen| {
        detail_shows(screen, &events[1].title)
    });
    s.send("L");
    s.wait_for("a later range after L", |screen| {
        years(&pane_title(screen)).is_some_and(|(a, _)| a > zoomed_first)
    });
    // j steps on through time as in the list, and brings the event back into view.
    s.send("j");
    s.wait_for("the third event in the detail", |screen| {
        detail_shows(screen, &events[2].title)
    });
    s.send("0");
    s.wait_for("the whole span again after 0", |screen| {
        pane_title(screen) == whole
    });

    s.send("v");
    s.wait_for("the list's keys again", |screen| {
        status_line(screen).contains("v time")
    });
    assert!(
        s.with_screen(|screen| detail_shows(screen, &events[2].title)),
        "back in the list, the selection is kept"
    );
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn pick_mode_reaches_the_time_view_with_ctrl_t_and_enter_prints_its_selection() {
    let events = events();
    let out = Scratch::new("time-pick.json");
    let mut s = picker(&out, &["--format", "json"]).start();
    // Pick mode opens at its prompt.
    s.wait_pick_drawn(events.len());
    s.send("\x14");
    s.wait_for("the time view's pick hints", |screen| {
        status_line(screen).contains("Enter pick · +/- zoom")
    });
    s.send("\x1b[C\x1b[C");
    s.wait_for("the third event in the detail", |screen| {
        detail_shows(screen, &events[2].title)
    });
    s.send("\r");
    assert_eq!(s.wait_exit(), 0);
    let printed = out.read();
    let lines: Vec<&str> = printed.lines().collect();
    assert_eq!(lines.len(), 1, "one JSON line on stdout: {printed:?}");
    let value: serde_json::Value = serde_json::from_str(lines[0]).expect("stdout is JSON");
    assert_eq!(string_field(&value, "id"), events[2].id);
}
