//! The hostile suite, third round (issue 25), for TimelineJS: a date note's parts survive
//! the export and the round trip (bug 6), and the import's messages say what is wrong.

use crate::common::{run, scratch};

const NOTES: &str = r#"(title: "t", actors: [(id: "a", name: "A", kind: State)], events: [
 (id: "e", date: "1994", date_note: "end: autumn", title: "E", summary: "s", actors: ["a"], sources: [(publisher: "p", title: "t")]),
 (id: "f", date: "1995", date_note: "display: the year of f", title: "F", summary: "s", actors: ["a"], sources: [(publisher: "p", title: "t")]),
 (id: "g", date: "1996", end: "1997", date_note: "end: autumn", title: "G", summary: "s", actors: ["a"], sources: [(publisher: "p", title: "t")]),
 (id: "h", date: "-0138", date_note: "display: 138 BC", title: "H", summary: "s", actors: ["a"], sources: [(publisher: "p", title: "t")]),
])"#;

/// The slides of an export, by id.
fn slides(json: &str) -> std::collections::HashMap<String, serde_json::Value> {
    let document: serde_json::Value = serde_json::from_str(json).expect("JSON");
    document["events"]
        .as_array()
        .expect("events")
        .iter()
        .map(|s| (s["unique_id"].as_str().expect("id").to_owned(), s.clone()))
        .collect()
}

/// Bug 6: the `end: …` part of the note of an event without `end` stays on the slide's
/// date line and comes back from a round trip; a note that begins with `display:` but
/// does not name the year follows the dates instead of replacing them; an imported
/// display date that names the year still stands for the dates.
#[test]
fn a_date_note_survives_the_export_whole() {
    let file = scratch("hostile3-notes.ron", NOTES.as_bytes());
    let exported = run(&["export", "--file", &file, "--to", "timelinejs"]);
    exported.code(0);
    assert!(
        exported.stderr.is_empty(),
        "no warning needed: {}",
        exported.stderr
    );
    let slides = slides(&exported.stdout);
    let shown = |id: &str| slides[id]["display_date"].as_str().unwrap_or("").to_owned();
    assert_eq!(shown("e"), "1994 — end: autumn");
    assert_eq!(shown("f"), "1995 — display: the year of f");
    assert_eq!(slides["g"]["end_date"]["display_date"], "autumn");
    assert_eq!(shown("h"), "138 BC");

    let json = scratch("hostile3-notes.json", exported.stdout.as_bytes());
    let imported = run(&["import", "--from", "timelinejs", &json]);
    imported.code(0);
    let back = scratch("hostile3-notes-back.ron", imported.stdout.as_bytes());
    let notes = run(&["list", "--file", &back, "--format", "json"]);
    notes.code(0);
    let events: Vec<serde_json::Value> = notes
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    let note = |id: &str| {
        events
            .iter()
            .find(|e| e["id"] == id)
            .and_then(|e| e["date_note"].as_str())
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(note("e"), "end: autumn");
    assert_eq!(note("f"), "display: the year of f");
    assert_eq!(note("g"), "end: autumn");
    assert_eq!(note("h"), "display: 138 BC");
}

/// `import`'s stderr and exit status for a file it must refuse.
fn import_refused(name: &str, json: &[u8]) -> String {
    let path = scratch(name, json);
    let out = run(&["import", "--from", "timelinejs", &path]);
    out.code(2);
    out.stderr
}

/// Decision, import wording: a NUL in a JSON file is not "not a RON timeline"; a number
/// too large says so, not "not a whole number"; a lone surrogate gets a message of ours.
#[test]
fn import_messages_say_what_is_wrong_with_a_json_file() {
    let stderr = import_refused("hostile3-nul.json", b"{\"events\": [\0]}");
    assert!(
        stderr.contains(
            ":1:13: a NUL byte; this looks like a binary file, not a TimelineJS JSON file"
        ),
        "{stderr}"
    );
    assert!(!stderr.contains("RON"), "{stderr}");

    let huge = br#"{"events": [{"start_date": {"year": 99999999999999999999}, "text": {"headline": "A"}}]}"#;
    let path = scratch("hostile3-huge-year.json", huge);
    let out = run(&["import", "--from", "timelinejs", &path]);
    assert!(
        out.stderr
            .contains("year '100000000000000000000' is too large"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("not a whole number"), "{}", out.stderr);
    let out = run(&["import", "--from", "timelinejs", &scratch(
        "hostile3-huge-string.json",
        br#"{"events": [{"start_date": {"year": "-99999999999999999999"}, "text": {"headline": "A"}}]}"#,
    )]);
    assert!(out.stderr.contains("is too small"), "{}", out.stderr);
    let stderr = import_refused(
        "hostile3-out-of-range.json",
        br#"{"events": [{"start_date": {"year": 1e400}}]}"#,
    );
    assert!(
        stderr.contains("invalid JSON: a number too large"),
        "{stderr}"
    );

    for (label, escape, json) in [
        (
            "lead",
            "\\ud800",
            r#"{"events": [{"text": {"headline": "A\ud800"}}]}"#,
        ),
        (
            "trail",
            "\\udc00",
            r#"{"events": [{"text": {"headline": "A\udc00 b"}}]}"#,
        ),
        (
            "lead-then",
            "\\ud800",
            r#"{"events": [{"text": {"headline": "A\ud800\u0041"}}]}"#,
        ),
    ] {
        let stderr = import_refused(&format!("hostile3-surrogate-{label}.json"), json.as_bytes());
        assert!(
            stderr.contains(&format!(
                "invalid JSON: '{escape}' is half of a UTF-16 surrogate pair, not a character"
            )),
            "{label}: {stderr}"
        );
    }
}

/// Decision: `check ''` quotes the empty name instead of starting its message with a colon.
#[test]
fn an_empty_file_name_is_quoted() {
    let out = run(&["check", ""]);
    out.code(2);
    assert!(out.stderr.starts_with("'': no such file"), "{}", out.stderr);
    let out = run(&["import", "--from", "timelinejs", ""]);
    out.code(2);
    assert!(out.stderr.starts_with("'': no such file"), "{}", out.stderr);
}
