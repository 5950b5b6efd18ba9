//! A person's own timeline in a real terminal: `e` opens `$EDITOR` (a script that records
//! its arguments and edits the file) at the selected event's line and the edit shows; every
//! way an editor saves is seen and reloaded; a broken save keeps the last good timeline and
//! shows the marker until a fix; `A` adds an event through the template; stars and notes
//! survive a restart and never change a byte of the timeline file.

use std::io::Write as _;

use super::reference::Scratch;
use super::screen::{detail_shows, status_line};
use super::session::{Session, Spawn, fresh_state_dir};

const TIMELINE: &str = r#"// My chronology.
Timeline(
    title: "Mine",
    actors: [
        Actor(id: "me", name: "Me", kind: Person),
    ],
    events: [
        Event(
            id: "first",
            date: "1980",
            title: "The first event",
            summary: "One.",
            actors: ["me"],
            sources: [Source(publisher: "P", title: "Q")],
        ),
        // The second, with a comment.
        Event(
            id: "second",
            date: "1990-05",
            title: "The second event",
            summary: "Two.",
            actors: ["me"],
            sources: [Source(publisher: "P", title: "Q")],
        ),
    ],
)
"#;

/// The editor: records its arguments, then applies `$EDIT_SED` to the file, or copies
/// `$EDIT_WRITE` over it; and, as a second person would, `$EDIT_ALSO_SED` to `$EDIT_ALSO`.
const EDITOR: &str = r#"#!/bin/sh
printf '%s\n' "$*" >> "$EDIT_LOG"
for f; do :; done
if [ -n "$EDIT_SED" ]; then sed -i "$EDIT_SED" "$f"; fi
if [ -n "$EDIT_WRITE" ]; then cat "$EDIT_WRITE" > "$f"; fi
if [ -n "$EDIT_ALSO" ]; then sed -i "$EDIT_ALSO_SED" "$EDIT_ALSO"; fi
"#;

struct Setup {
    file: Scratch,
    editor: Scratch,
    log: Scratch,
}

fn setup(label: &str) -> Setup {
    let file = Scratch::with_contents(&format!("{label}.ron"), TIMELINE);
    let editor = Scratch::with_contents(&format!("{label}-editor.sh"), EDITOR);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(editor.path(), std::fs::Permissions::from_mode(0o755))
            .expect("chmod the editor");
    }
    let log = Scratch::with_contents(&format!("{label}-editor.log"), "");
    Setup { file, editor, log }
}

fn explorer(setup: &Setup, state: &std::path::Path) -> Spawn {
    let file = setup.file.path().to_str().expect("a UTF-8 path").to_owned();
    Spawn::app(&["--file", &file])
        .env("EDITOR", setup.editor.path())
        .env("VISUAL", setup.editor.path())
        .env("EDIT_LOG", setup.log.path())
        .env("XDG_STATE_HOME", state)
}

fn wait_title(s: &mut Session, title: &str) {
    s.wait_for(title, |screen| screen.contents().contains(title));
}

#[test]
fn e_opens_the_editor_at_the_selected_event_and_the_edit_shows() {
    let setup = setup("e");
    let state = fresh_state_dir();
    let mut s = explorer(&setup, &state)
        .env("EDIT_SED", "s/The second event/The second event, edited/")
        .start();
    s.wait_drawn(2);
    s.send("j");
    s.wait_for("the second event", |screen| {
        detail_shows(screen, "The second event")
    });
    s.send("e");
    wait_title(&mut s, "The second event, edited");
    s.wait_for("the reload's word", |screen| {
        status_line(screen).contains("reloaded: 2 events (1 changed)")
    });
    // +LINE is the line of the event's opening parenthesis, as the file had it.
    let line = TIMELINE
        .lines()
        .position(|l| l.contains("id: \"second\""))
        .expect("the id's line");
    let log = std::fs::read_to_string(setup.log.path()).expect("the editor's log");
    let path = setup.file.path().display().to_string();
    assert_eq!(
        log.trim(),
        format!("+{line} {path}"),
        "its line is {line}, the id's is {}",
        line + 1
    );
    // The selection stayed on the event.
    assert!(s.with_screen(|screen| detail_shows(screen, "The second event, edited")));
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn every_way_an_editor_saves_is_reloaded() {
    let setup = setup("saves");
    let state = fresh_state_dir();
    let mut s = explorer(&setup, &state).start();
    s.wait_drawn(2);
    let path = setup.file.path().to_path_buf();
    let renamed = |n: &str| TIMELINE.replace("The first event", &format!("Saved {n}"));
    // Written in place.
    std::fs::write(&path, renamed("in place")).expect("write");
    wait_title(&mut s, "Saved in place");
    // Truncated, then written in a second step.
    {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .truncate(true)
            .open(&path)
            .expect("open");
        f.flush().expect("flush the empty file");
        f.write_all(renamed("in two steps").as_bytes())
            .expect("write");
    }
    wait_title(&mut s, "Saved in two steps");
    // A temporary file renamed over it.
    let temp = path.with_extension("swp");
    std::fs::write(&temp, renamed("by rename")).expect("write");
    std::fs::rename(&temp, &path).expect("rename");
    wait_title(&mut s, "Saved by rename");
    // Deleted, then created again.
    std::fs::remove_file(&path).expect("delete");
    std::fs::write(&path, renamed("after a delete")).expect("create");
    wait_title(&mut s, "Saved after a delete");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn a_broken_save_keeps_the_last_good_timeline_until_it_is_fixed() {
    let setup = setup("broken");
    let state = fresh_state_dir();
    let mut s = explorer(&setup, &state).start();
    s.wait_drawn(2);
    let path = setup.file.path().to_path_buf();
    std::fs::write(&path, TIMELINE.replace("\"1990-05\"", "\"1990-13\"")).expect("write");
    let line = TIMELINE
        .lines()
        .position(|l| l.contains("1990-05"))
        .expect("x")
        + 1;
    s.wait_for("the marker", |screen| {
        let status = status_line(screen);
        status.contains(&format!(":{line}:19: invalid date '1990-13'")) && status.contains('✗')
    });
    assert!(
        s.with_screen(|screen| screen.contents().contains("The second event")),
        "the last good timeline stays"
    );
    s.send("!");
    s.wait_for("every problem", |screen| {
        screen.contents().contains("1 problem found")
    });
    s.send("\x1b");
    std::fs::write(&path, TIMELINE.replace("The second event", "Fixed")).expect("write");
    wait_title(&mut s, "Fixed");
    s.wait_for("the marker gone", |screen| {
        !status_line(screen).contains('✗')
    });
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn capital_a_adds_an_event_through_the_template() {
    let setup = setup("add");
    let state = fresh_state_dir();
    let sed = r#"s/id: "new-event"/id: "added"/; s/title: ""/title: "Added here"/; s/summary: ""/summary: "S"/; s/publisher: ""/publisher: "P"/; s/, url: "https:\/\/"//; s/actors: \[\]/actors: ["me"]/"#;
    let mut s = explorer(&setup, &state).env("EDIT_SED", sed).start();
    s.wait_drawn(2);
    s.send("A");
    wait_title(&mut s, "Added here");
    s.wait_for("the status", |screen| {
        let status = status_line(screen);
        status.contains("added 'added'") || status.contains("reloaded: 3 events (+1)")
    });
    let text = std::fs::read_to_string(setup.file.path()).expect("read");
    assert!(text.starts_with("// My chronology."), "the comment is kept");
    assert_eq!(text.matches("Event(").count(), 3);
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

/// The template's edit of `capital_a_adds_an_event_through_the_template`, for the CLI.
const FILL_TEMPLATE: &str = r#"s/id: "new-event"/id: "added"/; s/title: ""/title: "Added here"/; s/summary: ""/summary: "S"/; s/publisher: ""/publisher: "P"/; s/, url: "https:\/\/"//; s/actors: \[\]/actors: ["me"]/"#;

/// `add` on a terminal opens the editor on the template; the file saved meanwhile (here by
/// the editor script itself, as another window would) keeps that save under the insertion.
#[test]
fn add_in_the_editor_keeps_a_save_made_while_it_was_open() {
    let setup = setup("add-cli");
    let file = setup.file.path().to_str().expect("a UTF-8 path").to_owned();
    let mut s = Spawn::app(&["add", "--file", &file])
        .env("EDITOR", setup.editor.path())
        .env("VISUAL", setup.editor.path())
        .env("EDIT_LOG", setup.log.path())
        .env("EDIT_SED", FILL_TEMPLATE)
        .env("EDIT_ALSO", setup.file.path())
        .env(
            "EDIT_ALSO_SED",
            "s/The second event/The second, renamed meanwhile/",
        )
        .env("XDG_STATE_HOME", fresh_state_dir())
        .start();
    assert_eq!(s.wait_exit(), 0);
    let text = std::fs::read_to_string(setup.file.path()).expect("read");
    assert!(text.contains("The second, renamed meanwhile"), "{text}");
    assert!(text.contains("Added here"), "{text}");
    assert_eq!(text.matches("Event(").count(), 3);
}

/// An event typed in the editor and refused (its id is taken) is not lost: the file is
/// unchanged, and the event is kept in a file the message names.
#[test]
fn add_in_the_editor_keeps_a_refused_event() {
    let setup = setup("add-cli-refused");
    let file = setup.file.path().to_str().expect("a UTF-8 path").to_owned();
    let taken = FILL_TEMPLATE.replace(r#"id: "added""#, r#"id: "first""#);
    let mut s = Spawn::app(&["add", "--file", &file])
        .env("EDITOR", setup.editor.path())
        .env("VISUAL", setup.editor.path())
        .env("EDIT_LOG", setup.log.path())
        .env("EDIT_SED", &taken)
        .env("XDG_STATE_HOME", fresh_state_dir())
        .start();
    s.wait_for("the kept event's path", |screen| {
        screen.contents().contains("your event is kept in")
    });
    assert_eq!(s.wait_exit(), 2);
    assert_eq!(
        std::fs::read_to_string(setup.file.path()).expect("read"),
        TIMELINE
    );
    let raw = String::from_utf8_lossy(&s.raw()).into_owned();
    let kept = raw
        .split("your event is kept in ")
        .nth(1)
        .and_then(|rest| rest.split(".ron").next())
        .map(|p| format!("{p}.ron"))
        .expect("a path");
    let event = std::fs::read_to_string(kept.trim()).expect("the kept event");
    assert!(event.contains("Added here"), "{event}");
}

#[test]
fn stars_and_notes_survive_a_restart_and_never_touch_the_file() {
    let setup = setup("stars");
    let state = fresh_state_dir();
    let note = Scratch::with_contents("note.md", "Ask the archive about this one.\n");
    let mut s = explorer(&setup, &state)
        .env("EDIT_WRITE", note.path())
        .start();
    s.wait_drawn(2);
    s.send("*");
    s.wait_for("starred", |screen| status_line(screen).contains("starred"));
    s.send("N");
    s.wait_for("the note", |screen| {
        screen.contents().contains("Ask the archive")
    });
    s.send("j");
    s.wait_for("the second event", |screen| {
        detail_shows(screen, "The second event")
    });
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    assert_eq!(
        std::fs::read_to_string(setup.file.path()).expect("read"),
        TIMELINE,
        "starring and noting never write the timeline"
    );

    let mut again = explorer(&setup, &state).start();
    again.wait_for("the second event, where the reader left", |screen| {
        detail_shows(screen, "The second event")
    });
    again.wait_for("the star", |screen| {
        screen.contents().contains("★ The first event")
    });
    again.send("k");
    again.wait_for("the note", |screen| {
        screen.contents().contains("Ask the archive")
    });
    again.send("q");
    assert_eq!(again.wait_exit(), 0);
    // And the command line sees them too.
    let file = setup.file.path().to_str().expect("utf-8");
    let out = std::process::Command::new(super::session::BIN)
        .args(["--file", file, "list", "--starred", "--format", "id"])
        .env("XDG_STATE_HOME", &state)
        .output()
        .expect("run list");
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "first");
}
