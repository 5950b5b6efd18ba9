//! The picker's contract, as fzf's: with stdout redirected the prompt is active from the
//! start and typed characters filter at once; arrows and Ctrl-n/p/j/k and PgUp/PgDn move;
//! Tab marks and moves down, Shift-Tab unmarks and moves up; Enter prints the marked
//! events (else the selected one) and exits 0; Esc, Ctrl-c and Ctrl-g cancel with 130; an
//! empty list on Enter exits 1; the other actions have keys that do not type.

use super::picker;
use super::reference::{Scratch, events, ids};
use super::screen::{detail_shows, status_line};

const DOWN: &str = "\x1b[B";
const UP: &str = "\x1b[A";
const TAB: &str = "\t";
const SHIFT_TAB: &str = "\x1b[Z";

#[test]
fn typed_characters_filter_at_once_and_enter_prints_the_selected_event() {
    let total = events().len();
    let embassy = ids(&["--query", "embassy"]);
    assert!(!embassy.is_empty() && embassy.len() < total);
    let out = Scratch::new("pick-typed.id");
    let mut s = picker(&out, &["--format", "id"]).start();
    s.wait_pick_drawn(total);
    // No `/` first: the prompt is already active.
    s.send("embassy");
    let counted = format!("{} of {total}", embassy.len());
    s.wait_for(
        &format!("the prompt '> embassy' and {counted:?}"),
        |screen| {
            let status = status_line(screen);
            status.starts_with("> embassy") && status.contains(&counted)
        },
    );
    s.send("\r");
    assert_eq!(s.wait_exit(), 0);
    assert_eq!(out.read(), format!("{}\n", embassy[0]));
}

#[test]
fn arrows_ctrl_n_p_j_k_and_pages_move() {
    let events = events();
    let out = Scratch::new("pick-moves.id");
    let mut s = picker(&out, &["--format", "id"]).start();
    s.wait_pick_drawn(events.len());
    // (keys, index of the event then selected)
    let steps: [(&str, &str, usize); 6] = [
        ("Down", DOWN, 1),
        ("Ctrl-n", "\x0e", 2),
        ("Ctrl-j", "\n", 3),
        ("Ctrl-p", "\x10", 2),
        ("Ctrl-k", "\x0b", 1),
        ("Up", UP, 0),
    ];
    for (name, keys, index) in steps {
        s.send(keys);
        s.wait_for(&format!("event {index} after {name}"), |screen| {
            detail_shows(screen, &events[index].title)
        });
    }
    s.send("\x1b[6~");
    s.wait_for("PgDn to move off the first event", |screen| {
        !detail_shows(screen, &events[0].title)
    });
    s.send("\x1b[5~");
    s.wait_for("PgUp back to the first event", |screen| {
        detail_shows(screen, &events[0].title)
    });
    // Nothing typed: the moves did not go into the query.
    assert!(s.with_screen(|screen| status_line(screen).starts_with("> ▏")));
    s.send("\r");
    assert_eq!(s.wait_exit(), 0);
    assert_eq!(out.read(), format!("{}\n", events[0].id));
}

#[test]
fn tab_marks_shift_tab_unmarks_and_enter_prints_the_marked_in_date_order() {
    let events = events();
    let out = Scratch::new("pick-marks.id");
    // The narrow layout: the detail pane sits under the list.
    let mut s = picker(&out, &["--format", "id"]).size(80, 24).start();
    s.wait_pick_drawn(events.len());
    let marked = |n: usize| {
        move |screen: &vt100::Screen| status_line(screen).contains(&format!("· {n} marked"))
    };
    // Mark the fourth event first, then the first: the output is in date order.
    s.send(&DOWN.repeat(3));
    s.wait_for("the fourth event", |screen| {
        detail_shows(screen, &events[3].title)
    });
    s.send(TAB);
    s.wait_for("1 marked", marked(1));
    s.wait_for("Tab moved down to the fifth event", |screen| {
        detail_shows(screen, &events[4].title)
    });
    s.send(&UP.repeat(3));
    s.wait_for("the second event", |screen| {
        detail_shows(screen, &events[1].title)
    });
    s.send(TAB);
    s.wait_for("2 marked", marked(2));
    // Shift-Tab on the (unmarked) third event moves up; again, it unmarks the second.
    s.send(SHIFT_TAB);
    s.wait_for("Shift-Tab moved up to the second event", |screen| {
        detail_shows(screen, &events[1].title)
    });
    s.send(SHIFT_TAB);
    s.wait_for("1 marked after unmarking", marked(1));
    s.wait_for("the first event", |screen| {
        detail_shows(screen, &events[0].title)
    });
    s.send(TAB);
    s.wait_for("2 marked again", marked(2));
    s.send("\r");
    assert_eq!(s.wait_exit(), 0);
    assert_eq!(out.read(), format!("{}\n{}\n", events[0].id, events[3].id));
}

fn cancel_with(key: &str) {
    let out = Scratch::new("pick-cancel.out");
    let mut s = picker(&out, &[]).start();
    s.wait_pick_drawn(events().len());
    // Something typed and marked first: cancelling drops it all.
    s.send("a");
    s.wait_for("the typed query", |screen| {
        status_line(screen).starts_with("> a")
    });
    s.send(TAB);
    s.wait_for("1 marked", |screen| {
        status_line(screen).contains("1 marked")
    });
    s.send(key);
    assert_eq!(s.wait_exit(), 130, "cancelling the picker is status 130");
    assert_eq!(
        out.read(),
        "",
        "nothing reaches stdout when the picker is left"
    );
}

#[test]
fn esc_cancels_with_130() {
    cancel_with("\x1b");
}

#[test]
fn ctrl_c_cancels_with_130() {
    cancel_with("\x03");
}

#[test]
fn ctrl_g_cancels_with_130() {
    cancel_with("\x07");
}

#[test]
fn enter_on_an_empty_list_exits_1() {
    let total = events().len();
    let out = Scratch::new("pick-empty.out");
    let mut s = picker(&out, &[]).start();
    s.wait_pick_drawn(total);
    s.send("zzzzzz");
    let empty = format!("0 of {total}");
    s.wait_for(&format!("{empty:?} after typing"), |screen| {
        let status = status_line(screen);
        status.starts_with("> zzzzzz") && status.contains(&empty)
    });
    assert!(
        s.with_screen(|screen| screen.contents().contains("No event matches")),
        "the empty state is explained"
    );
    s.send("\r");
    assert_eq!(s.wait_exit(), 1, "accepting nothing is status 1");
    assert_eq!(out.read(), "");
}

/// The help (F1) lists pick mode's keys, and the keys that do not type reach the rest:
/// Alt-a the actor picker, Alt-l the detail pane.
#[test]
fn other_actions_have_keys_that_do_not_type_listed_in_the_help() {
    let total = events().len();
    let out = Scratch::new("pick-help.out");
    let mut s = picker(&out, &[]).size(120, 60).start();
    s.wait_pick_drawn(total);
    s.send("\x1bOP");
    s.wait_for_text("Pick mode (stdout is not a terminal)");
    for listed in ["Alt-a", "Shift-Tab", "Esc Ctrl-c Ctrl-g", "Alt-y", "Alt-o"] {
        s.wait_for_text(listed);
    }
    s.send("\x1b");
    s.wait_for("the help to close", |screen| {
        !screen.contents().contains("Pick mode (stdout")
    });
    s.send("\x1ba");
    s.wait_for_text("Actors and tags · match any of the required");
    s.send("\x1b");
    s.wait_for("the actor picker to close", |screen| {
        !screen.contents().contains("Actors and tags · match")
    });
    s.send("\x1bl");
    s.wait_for_text(" h back · j/k scroll");
    // Nothing of it was typed into the query.
    s.send("h");
    s.wait_for("the prompt, still empty", |screen| {
        status_line(screen).starts_with(&format!("> ▏  1/{total} of {total}"))
    });
    s.send("\x03");
    assert_eq!(s.wait_exit(), 130);
}

/// The sharper filters reach pick mode, and a pick feeds an export: `--tag` and
/// `--exclude-actor` narrow the picker as they narrow `list`; every event marked and
/// printed as ids, `export --ids` of that file writes exactly them.
#[test]
fn sharper_filters_narrow_the_picker_and_its_ids_feed_an_export() {
    let flags = ["--tag", "diplomacy", "--exclude-actor", "taliban"];
    let expected = ids(&flags);
    let total = events().len();
    assert!(expected.len() > 1 && expected.len() < total);
    let out = Scratch::new("pick-sharp.id");
    let mut args = vec!["--format", "id"];
    args.extend(flags);
    let mut s = picker(&out, &args).start();
    let counted = format!("1/{} of {total}", expected.len());
    s.wait_for(&format!("the picker's {counted:?}"), |screen| {
        status_line(screen).contains(&counted)
    });
    s.send(&TAB.repeat(expected.len()));
    let marked = format!("{} marked", expected.len());
    s.wait_for(&marked, |screen| status_line(screen).contains(&marked));
    s.send("\r");
    assert_eq!(s.wait_exit(), 0);
    let picked: Vec<String> = out.read().lines().map(str::to_owned).collect();
    assert_eq!(picked, expected);

    let path = out.path().to_str().expect("a UTF-8 path");
    let exported = std::process::Command::new(env!("CARGO_BIN_EXE_afghan-timeline"))
        .args(["export", "--to", "timelinejs", "--ids", path])
        .output()
        .expect("the export runs");
    assert!(
        exported.status.success(),
        "{}",
        String::from_utf8_lossy(&exported.stderr)
    );
    let document: serde_json::Value =
        serde_json::from_slice(&exported.stdout).expect("TimelineJS JSON");
    let written: Vec<&str> = document["events"]
        .as_array()
        .expect("events")
        .iter()
        .map(|e| e["unique_id"].as_str().expect("a unique_id"))
        .collect();
    assert_eq!(written, expected);
}
