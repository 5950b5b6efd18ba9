//! Bad input: one fixture per mistake under `tests/fixtures/invalid/`, each checked through
//! the real binary for its message, its `path:line:col` position and exit status 2.

use crate::common;

use common::{fixture, run};

/// `check` on `tests/fixtures/invalid/NAME.ron` fails with status 2 and reports, at
/// `path:LINE:COL: `, a message containing `message`. Returns stderr for further checks.
#[track_caller]
fn rejects(name: &str, line: usize, col: usize, message: &str) -> String {
    let path = fixture(&format!("invalid/{name}.ron"));
    let out = run(&["check", &path]);
    out.code(2);
    assert!(out.stdout.is_empty(), "{name}: nothing on stdout");
    let header = format!("{path}:{line}:{col}: ");
    let found = out
        .stderr
        .lines()
        .any(|l| l.starts_with(&header) && l.contains(message));
    assert!(
        found,
        "{name}: expected a line starting {header:?} containing {message:?} in:\n{}",
        out.stderr
    );
    out.stderr
}

#[test]
fn date_that_does_not_exist() {
    rejects(
        "date-not-exist",
        10,
        19,
        "invalid date '1989-02-30': day 30 does not exist in 1989-02",
    );
}

#[test]
fn month_thirteen() {
    rejects(
        "month-13",
        10,
        19,
        "invalid date '1989-13-01': month 13 does not exist",
    );
}

#[test]
fn date_that_is_a_word() {
    let stderr = rejects("date-yesterday", 10, 19, "invalid date 'yesterday'");
    assert!(
        stderr.contains("\"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\""),
        "{stderr}"
    );
}

#[test]
fn duplicate_event_id() {
    rejects(
        "duplicate-event-id",
        16,
        17,
        "duplicate event id 'moscow-talks' (first used at line 8)",
    );
}

#[test]
fn duplicate_actor_id() {
    rejects(
        "duplicate-actor-id",
        6,
        14,
        "duplicate actor id 'russia' (first used at line 4)",
    );
}

#[test]
fn unknown_actor_in_an_event() {
    let stderr = rejects(
        "unknown-actor",
        13,
        32,
        "unknown actor 'talban' in event 'moscow-talks'",
    );
    assert!(stderr.contains("did you mean 'taliban'?"), "{stderr}");
}

#[test]
fn unknown_related_event() {
    let stderr = rejects(
        "unknown-related",
        14,
        23,
        "unknown related event 'moscow-talk' in event 'moscow-talks'",
    );
    assert!(stderr.contains("did you mean 'moscow-talks'?"), "{stderr}");
}

#[test]
fn end_before_date() {
    rejects(
        "end-before-date",
        10,
        18,
        "event 'soviet-war' ends '1979-11-30' before its date '1979-12-24'",
    );
}

#[test]
fn era_end_before_start() {
    rejects(
        "era-end-before-start",
        7,
        81,
        "era 'soviet-war' ends '1979-12-24' before it starts '1989-02-15'",
    );
}

#[test]
fn empty_event_id() {
    rejects("empty-event-id", 8, 17, "empty event id");
}

#[test]
fn id_with_bad_characters() {
    let stderr = rejects(
        "bad-id-characters",
        8,
        17,
        "event id 'Soviet War' contains 'S'",
    );
    assert!(
        stderr.contains("lower-case letters a-z, digits and '-'"),
        "{stderr}"
    );
}

#[test]
fn event_without_actors() {
    rejects("no-actors", 12, 21, "event 'invasion' has no actors");
}

#[test]
fn event_without_sources() {
    rejects("no-sources", 13, 22, "event 'invasion' cites no sources");
}

#[test]
fn unknown_field_suggests_the_right_one() {
    let stderr = rejects("unknown-field", 13, 13, "unknown field 'locaton' in Event");
    assert!(stderr.contains("did you mean 'location'?"), "{stderr}");
}

#[test]
fn missing_required_field() {
    // ron notices the missing field where the struct closes.
    rejects("missing-field", 13, 9, "missing field 'summary' in Event");
}

#[test]
fn unknown_actor_kind() {
    let stderr = rejects("unknown-actor-kind", 4, 50, "unknown kind 'Empire'");
    assert!(
        stderr.contains("expected one of: State, Organization, Group, Person"),
        "{stderr}"
    );
}

#[test]
fn unclosed_parenthesis() {
    let stderr = rejects("unclosed-paren", 15, 7, "unexpected end of file");
    assert!(stderr.contains("probably not closed"), "{stderr}");
}

#[test]
fn trailing_characters() {
    rejects(
        "trailing-characters",
        16,
        2,
        "unexpected text after the end of the timeline",
    );
}

#[test]
fn invalid_utf8() {
    rejects("invalid-utf8", 2, 24, "not valid UTF-8 (byte 0xe9)");
}

#[test]
fn nul_byte_and_binary_garbage() {
    // The NUL (6:1) comes before the first invalid UTF-8 byte (6:5): the file is binary.
    rejects(
        "nul-byte",
        6,
        1,
        "a NUL byte; this looks like a binary file",
    );
}

#[test]
fn nul_byte_in_valid_utf8() {
    let path = common::scratch("nul-in-text.ron", b"(\n  title: \"a\0b\",\n)\n");
    let out = run(&["check", &path]);
    out.code(2);
    assert!(
        out.stderr.starts_with(&format!("{path}:2:12: a NUL byte")),
        "{}",
        out.stderr
    );
}

#[test]
fn invalid_utf8_after_a_bom_counts_columns_without_it() {
    let path = common::scratch("bom-then-bad.ron", b"\xef\xbb\xbf(title: \"\xff\")");
    let out = run(&["check", &path]);
    out.code(2);
    assert!(
        out.stderr
            .starts_with(&format!("{path}:1:10: not valid UTF-8 (byte 0xff)")),
        "{}",
        out.stderr
    );
}

#[test]
fn empty_file() {
    let path = fixture("invalid/empty.ron");
    let out = run(&["check", &path]);
    out.code(2);
    assert_eq!(
        out.stderr,
        format!(
            "{path}: the file is empty; a timeline starts with '(' and has title, actors and events\n"
        )
    );
}

#[test]
fn blank_file_is_empty_too() {
    let path = common::scratch("blank.ron", b" \n\r\n\t\n");
    let out = run(&["check", &path]);
    out.code(2);
    assert!(
        out.stderr
            .starts_with(&format!("{path}: the file is empty"))
    );
}

#[test]
fn missing_file() {
    let path = fixture("invalid/does-not-exist.ron");
    let out = run(&["check", &path]);
    out.code(2);
    assert!(
        out.stderr.starts_with(&format!("{path}: no such file")),
        "{}",
        out.stderr
    );
    // The same through --file, for any command.
    let out = run(&["--file", &path, "list"]);
    out.code(2);
    assert!(out.stderr.starts_with(&format!("{path}: no such file")));
}

#[test]
fn directory() {
    let path = fixture("invalid");
    let out = run(&["check", &path]);
    out.code(2);
    assert_eq!(
        out.stderr,
        format!("{path}: is a directory, not a timeline file\n")
    );
}

#[test]
fn located_through_comments_raw_strings_named_structs_and_some() {
    // The caret is on the value inside `Some(…)`, not on the word `Some`.
    let stderr = rejects(
        "explicit-some",
        16,
        69,
        "invalid date '1979-02-30': day 30 does not exist in 1979-02",
    );
    assert!(
        stderr.contains(&format!("|{}^^^^^^^^^^^^\n", " ".repeat(69))),
        "{stderr}"
    );
}

#[test]
fn snippet_points_at_the_bad_value() {
    let stderr = rejects("month-13", 10, 19, "month 13");
    assert!(
        stderr.contains("10 |             date: \"1989-13-01\",\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains("   |                   ^^^^^^^^^^^^\n"),
        "{stderr}"
    );
    assert!(stderr.contains("= help: dates are"), "{stderr}");
}
