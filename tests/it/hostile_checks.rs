//! The hostile suite, second round, for what `check` and the command line must refuse or
//! resolve without ambiguity: colliding actor names, repeated and self references, blank
//! required text, ids that read as options, invisible characters in quoted values, and
//! `--actor` on timelines that cannot answer it.

use crate::common;
use std::fmt::Write as _;

use afghan_timeline::model::{Actor, ActorKind, Timeline};
use common::{run, scratch};

/// `check`'s report for a file, which must be refused.
fn refused(name: &str, text: &str) -> String {
    let path = scratch(&format!("checks-{name}.ron"), text.as_bytes());
    let out = run(&["check", &path]);
    out.code(2);
    common::assert_no_crash(&out.stderr);
    out.stderr
}

/// A timeline with these actors and one event per `(id, actors, related, tags)`.
fn timeline(actors: &str, events: &[(&str, &str, &str, &str)]) -> String {
    let mut text = format!("(title: \"t\", actors: [{actors}], events: [\n");
    for (id, actors, related, tags) in events {
        let _ = writeln!(
            text,
            "(id: \"{id}\", date: \"1979\", title: \"x\", summary: \"s\", actors: [{actors}], \
             tags: [{tags}], sources: [(publisher: \"p\", title: \"t\")], related: [{related}]),"
        );
    }
    text + "])\n"
}

fn actor(id: &str, name: &str, aliases: &[&str]) -> Actor {
    Actor {
        id: id.to_owned(),
        name: name.to_owned(),
        kind: ActorKind::State,
        aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
    }
}

/// Item 3: an exact id wins, then a name, then an alias (the model, since `check`
/// refuses a file where these collide).
#[test]
fn actor_lookup_prefers_an_id_then_a_name_then_an_alias() {
    let mut t = Timeline::default();
    t.actors = vec![
        actor("a", "Bee", &["b", "c"]),
        actor("b", "Ay", &[]),
        actor("c", "C", &["bee"]),
    ];
    let found = |name: &str| t.find_actor(name).map(|id| t.actor(id).id.as_str());
    assert_eq!(found("b"), Some("b"), "an alias shadowed an id");
    assert_eq!(found(" B "), Some("b"));
    assert_eq!(found("bee"), Some("a"), "an alias shadowed a name");
    assert_eq!(found("c"), Some("c"));
    assert_eq!(found("Ay"), Some("b"));
    assert_eq!(found("   "), None);
    assert_eq!(found(""), None);
}

/// Item 3: `check` reports a name or alias another actor answers to.
#[test]
fn check_reports_actor_names_that_collide() {
    let actors = "(id: \"a\", name: \"Alpha\", kind: State, aliases: [\"b\", \"alpha\"]),\
                  (id: \"b\", name: \"ALPHA\", kind: State, aliases: [\"Gamma\"]),\
                  (id: \"c\", name: \"gamma\", kind: State)";
    let text = timeline(actors, &[("e", "\"a\"", "", "")]);
    let stderr = refused("collide", &text);
    assert!(
        stderr.contains("actor 'a' has alias 'b', which is also the id of actor 'b'"),
        "{stderr}"
    );
    assert!(
        stderr.contains("actor 'b' has name 'ALPHA', which is also the name of actor 'a'"),
        "{stderr}"
    );
    assert!(
        stderr.contains("actor 'b' has alias 'Gamma', which is also the name of actor 'c'"),
        "{stderr}"
    );
    // An actor's own id, name and aliases may repeat each other.
    assert!(!stderr.contains("alias 'alpha'"), "{stderr}");
    assert!(
        stderr.contains("'--actor' finds one actor by it"),
        "{stderr}"
    );
    assert!(stderr.contains("3 problems found"), "{stderr}");
}

/// Item 4: an actor or related event listed twice, and a link to itself.
#[test]
fn check_reports_repeated_and_self_references() {
    let actors = "(id: \"a\", name: \"A\", kind: State)";
    let text = timeline(
        actors,
        &[
            ("e", "\"a\", \"a\"", "\"f\", \"f\", \"e\"", ""),
            ("f", "\"a\"", "", ""),
        ],
    );
    let stderr = refused("repeats", &text);
    assert!(
        stderr.contains("event 'e' names actor 'a' twice"),
        "{stderr}"
    );
    assert!(
        stderr.contains("event 'e' lists related event 'f' twice"),
        "{stderr}"
    );
    assert!(
        stderr.contains("event 'e' is related to itself"),
        "{stderr}"
    );
    assert!(stderr.contains("3 problems found"), "{stderr}");
}

/// Item 12: blank required text, including text of invisible characters only, and empty
/// tags and aliases.
#[test]
fn check_reports_blank_titles_names_tags_and_aliases() {
    let text = "(title: \"\\u{200b}\", \
        actors: [(id: \"a\", name: \"\\u{3164}\", kind: State, aliases: [\"  \"])], \
        eras: [(id: \"era\", name: \"\", start: \"1979\", end: \"1989\")], \
        events: [(id: \"e\", date: \"1979\", title: \"\\u{2060}\\u{feff}\", summary: \"s\", \
        actors: [\"a\"], tags: [\"\", \"ok\"], sources: [(publisher: \"p\", title: \"t\")])])";
    let stderr = refused("blank", text);
    for expected in [
        "the timeline has an empty title",
        "actor 'a' has an empty name",
        "actor 'a' has an empty alias",
        "era 'era' has an empty name",
        "event 'e' has an empty title",
        "event 'e' has an empty tag",
    ] {
        assert!(stderr.contains(expected), "{expected}:\n{stderr}");
    }
    assert!(stderr.contains("6 problems found"), "{stderr}");
}

/// Decision: ids may not begin with '-', and `check` says why.
#[test]
fn ids_beginning_with_a_dash_are_refused() {
    let text = timeline(
        "(id: \"-a\", name: \"A\", kind: State)",
        &[("-e", "\"-a\"", "", "")],
    );
    let stderr = refused("dash", &text);
    assert!(stderr.contains("actor id '-a' begins with '-'"), "{stderr}");
    assert!(stderr.contains("event id '-e' begins with '-'"), "{stderr}");
    assert!(stderr.contains("would read as an option"), "{stderr}");
}

/// Decision: quoted values show invisible characters as escapes.
#[test]
fn quoted_values_show_invisible_characters() {
    let text = common::timeline_of(&[("e", "2025\u{200b}", None)]);
    let stderr = refused("invisible", &text);
    assert!(stderr.contains("invalid date '2025\\u{200b}'"), "{stderr}");
    let out = run(&["show", "soviet-invasion\u{feff}"]);
    out.code(2);
    assert!(
        out.stderr.contains("'soviet-invasion\\u{feff}'"),
        "{}",
        out.stderr
    );
}

/// Item 12 and a decision: blank `--actor` matches nothing, and a timeline without actors
/// says so instead of listing none.
#[test]
fn actor_flags_that_cannot_match_say_why() {
    let out = run(&["list", "--actor", "   "]);
    out.code(2);
    assert!(out.stderr.contains("unknown actor '   '"), "{}", out.stderr);

    let empty = scratch(
        "checks-no-actors.ron",
        b"(title: \"t\", actors: [], events: [])",
    );
    let out = run(&["--file", &empty, "list", "--actor", "x"]);
    out.code(2);
    assert!(
        out.stderr
            .contains("unknown actor 'x': this timeline has no actors"),
        "{}",
        out.stderr
    );
}

/// Item 5: a comment between a field name and its colon still locates the problem.
#[test]
fn comments_before_a_colon_keep_the_position() {
    for (name, between) in [("block", " /* c */ "), ("line", " // c\n  ")] {
        let text = format!(
            "(title: \"t\", actors: [(id: \"a\", name: \"A\", kind: State)], events: [(id: \"e\", \
             date{between}: \"1979-13\", title: \"x\", summary: \"s\", actors: [\"a\"], \
             sources: [(publisher: \"p\", title: \"t\")])])"
        );
        let stderr = refused(&format!("comment-{name}"), &text);
        let header = stderr.lines().next().unwrap_or_default();
        let (line, col) = text[..text.find("\"1979-13\"").expect("the date")]
            .lines()
            .enumerate()
            .last()
            .map(|(n, l)| (n + 1, l.chars().count() + 1))
            .expect("a line");
        assert!(
            header.contains(&format!(".ron:{line}:{col}: invalid date '1979-13'")),
            "{name}: {header}"
        );
    }
}

/// Item 11: devices are refused before they are read, and endless binary standard input
/// is refused after its first chunk.
#[test]
fn devices_and_endless_input_are_refused() {
    for device in ["/dev/zero", "/dev/urandom", "/dev/null"] {
        let out = run(&["--file", device, "check"]);
        out.code(2);
        assert!(
            out.stderr.contains(&format!(
                "{device}: is a device or socket, not a file to read"
            )),
            "{device}: {}",
            out.stderr
        );
    }
    for (device, expected) in [("/dev/zero", "a NUL byte"), ("/dev/urandom", "")] {
        let out = common::bin()
            .args(["--file", "-", "check"])
            .stdin(std::fs::File::open(device).expect("the device opens"))
            .output()
            .expect("the binary runs");
        assert_eq!(out.status.code(), Some(2), "{device}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.starts_with("<stdin>:1:"), "{device}: {stderr}");
        assert!(stderr.contains(expected), "{device}: {stderr}");
    }
}

/// Decision: a FIFO nobody writes to yet says what it waits for, then is read when a
/// writer comes.
#[test]
fn a_fifo_without_a_writer_says_it_is_waiting() {
    use std::io::{BufRead, BufReader, Write};

    let path = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("checks-fifo-{}", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let made = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let mut child = common::bin()
        .args(["--file", path.to_str().expect("UTF-8"), "check"])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut stderr = BufReader::new(child.stderr.take().expect("stderr is piped"));
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut first = String::new();
        let _ = stderr.read_line(&mut first);
        let _ = send.send(first);
    });
    let first = receive
        .recv_timeout(std::time::Duration::from_secs(30))
        .unwrap_or_default();
    if !first.contains("waiting for") {
        // Do not leave it blocked on the FIFO.
        let _ = child.kill();
    }
    assert!(
        first.contains("waiting for") && first.contains("(a FIFO)"),
        "{first}"
    );
    let mut writer = std::fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .expect("the FIFO opens for writing");
    writer
        .write_all(afghan_timeline::load::EMBEDDED.as_bytes())
        .expect("the timeline is written");
    drop(writer);
    let status = child.wait().expect("the binary ends");
    let _ = std::fs::remove_file(&path);
    assert_eq!(status.code(), Some(0));
}

/// Item 11 for import: the same bounds as for a timeline.
#[test]
fn import_reads_with_the_same_bounds() {
    let out = run(&["import", "--from", "timelinejs", "/dev/zero"]);
    out.code(2);
    assert!(
        out.stderr.contains("/dev/zero: is a device or socket"),
        "{}",
        out.stderr
    );
    let out = common::bin()
        .args(["import", "--from", "timelinejs", "-"])
        .stdin(std::fs::File::open("/dev/zero").expect("the device opens"))
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("<stdin>:1:1: a NUL byte"));
}
