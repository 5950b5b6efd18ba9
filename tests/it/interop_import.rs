//! TimelineJS import of hand-written files: every field of the format, string and negative
//! years, times of day, missing start dates, HTML, missing actors and sources, and the
//! `path:line:col` errors for files that are not TimelineJS JSON.

use crate::common;

use afghan_timeline::interop::timelinejs::{self, ImportOptions, Imported};
use afghan_timeline::load::{RawActorKind, RawEvent};
use common::{fixture, run, run_with_stdin, scratch};

fn import_fixture(path: &str, group_kind: RawActorKind) -> Imported {
    let bytes = std::fs::read(fixture(path)).expect("fixture");
    let options = ImportOptions {
        name: path.to_owned(),
        group_kind,
    };
    timelinejs::import(&bytes, &options).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn event<'a>(imported: &'a Imported, id: &str) -> &'a RawEvent {
    imported
        .timeline
        .events
        .iter()
        .find(|e| e.id == id)
        .unwrap_or_else(|| panic!("no event {id}"))
}

#[track_caller]
fn warned(imported: &Imported, part: &str) {
    assert!(
        imported.warnings.iter().any(|w| w.contains(part)),
        "no warning with {part:?} in {:#?}",
        imported.warnings
    );
}

fn every_field() -> Imported {
    import_fixture("timelinejs/every-field.json", RawActorKind::Group)
}

#[test]
fn the_title_slide_is_the_title_and_undated_slides_are_skipped() {
    let imported = every_field();
    let t = &imported.timeline;

    // Title slide: HTML stripped, entities decoded; its media and background reported.
    assert_eq!(t.title, "Empires & Afghanistan");
    assert_eq!(
        t.description.as_deref(),
        Some("From the Achaemenids to the Taliban.\n\nA test timeline.")
    );

    // Slides without a readable start date are skipped, as TimelineJS skips them.
    let ids: Vec<&str> = t.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "alexander",
            "storm-333-the-tajbeg-palace",
            "withdrawal-complete",
            "kabul-falls-to-the-taliban"
        ]
    );
    warned(
        &imported,
        "events[3] 'No date at all': skipped: it has no start_date",
    );
    warned(&imported, "events[4] 'Unreadable year': skipped");
    warned(&imported, "year 'nineteen' is not a whole number");
}

#[test]
fn slides_keep_dates_text_groups_and_media() {
    let imported = every_field();
    // String and negative years; `c.` marks the date approximate; display dates are notes.
    let alexander = event(&imported, "alexander");
    assert_eq!(alexander.date, "~-0330");
    // `end_date {year: -327}` is 1 January 327 BCE to TimelineJS: the end is 328 BCE.
    assert_eq!(alexander.end.as_deref(), Some("-0328"));
    assert_eq!(
        alexander.date_note.as_deref(),
        Some("display: c. 330 BCE; start: spring 330 BCE")
    );
    // HTML stripped: tags gone, paragraphs and <br> kept as line breaks.
    assert_eq!(alexander.title, "Alexander enters Bactria");
    assert_eq!(alexander.summary, "Alexander crossed the Hindu Kush.");
    assert_eq!(
        alexander.detail.as_deref(),
        Some("He married Roxana\nin 327 BCE.")
    );
    // group → an actor of kind Group; media → a source.
    assert_eq!(alexander.actors.as_slice(), ["macedon"]);
    let source = &alexander.sources[0];
    assert_eq!(source.publisher, "Example Atlas");
    assert_eq!(source.title, "Map of the campaign");
    assert_eq!(
        source.url.as_deref(),
        Some("https://www.example.org/alexander")
    );

    // Hours and minutes cannot be a date; they go to the date note, with a warning.
    let storm = event(&imported, "storm-333-the-tajbeg-palace");
    assert_eq!(storm.date, "1979-12-27");
    assert_eq!(storm.date_note.as_deref(), Some("start time 19:30"));
    assert_eq!(
        storm.summary,
        "Soviet special forces stormed the palace — report (https://example.org/storm). \
         Amin was killed & Karmal installed."
    );
    warned(&imported, "its start time 19:30 is kept in its date_note");
    let withdrawal = event(&imported, "withdrawal-complete");
    assert_eq!(withdrawal.date, "1989-02-15");
    assert_eq!(
        withdrawal.date_note.as_deref(),
        Some("start time 10:00:05.250")
    );
    warned(
        &imported,
        "its unique_id 'Withdrawal_Complete' becomes the id 'withdrawal-complete'",
    );
    warned(
        &imported,
        "2 events without text repeat their headline as summary",
    );
    // Empty parts, as spreadsheets write them, are absent parts.
    assert_eq!(event(&imported, "kabul-falls-to-the-taliban").date, "1996");
}

#[test]
fn groups_become_actors_and_eras_keep_bce_years() {
    let imported = every_field();
    let t = &imported.timeline;
    // One actor per group name; the Unknown actor for the slide without one.
    let actors: Vec<(&str, &str)> = t
        .actors
        .iter()
        .map(|a| (a.id.as_str(), a.name.as_str()))
        .collect();
    assert_eq!(
        actors,
        [
            ("macedon", "Macedon"),
            ("ussr", "USSR"),
            ("unknown", "Unknown")
        ]
    );
    assert!(
        t.actors
            .iter()
            .all(|a| matches!(a.kind, RawActorKind::Group))
    );
    warned(&imported, "1 event without a group");
    warned(&imported, "3 events without media url or credit");

    // Eras: negative years; an era without an end date is skipped.
    let eras: Vec<(&str, &str, Option<&str>)> = t
        .eras
        .iter()
        .map(|e| (e.id.as_str(), e.start.as_str(), e.end.as_deref()))
        .collect();
    assert_eq!(
        eras,
        [
            // `end_date {year: -330}` is 1 January 330 BCE to TimelineJS: the era ends
            // with 331 BCE.
            ("achaemenid-rule", "-0550", Some("-0331")),
            ("soviet-afghan-war", "1979-12-24", Some("1989-02-15"))
        ]
    );
    assert_eq!(t.eras[1].name, "Soviet–Afghan War");
    warned(&imported, "eras[2] 'No end date': skipped");
}

#[test]
fn what_has_no_place_in_a_timeline_file_is_listed() {
    let imported = every_field();
    // Presentation fields and unknown keys are listed, never dropped in silence.
    let lost = imported
        .warnings
        .iter()
        .find(|w| w.starts_with("not carried over"))
        .expect("a not-carried-over warning");
    for field in [
        "autolink (1)",
        "background (1)",
        "end_date.format (1)",
        "era end_date.display_date (1)",
        "era text.text (1)",
        "media.alt (1)",
        "media.caption (1)",
        "media.link (1)",
        "media.link_target (1)",
        "media.thumbnail (1)",
        "title.background (1)",
        "title.media (1)",
        "unknown field 'extra_top_level' (1)",
    ] {
        assert!(lost.contains(field), "{field} not in {lost}");
    }
}

#[test]
fn the_import_on_the_command_line_passes_check() {
    let r = run(&[
        "import",
        "--from",
        "timelinejs",
        &fixture("timelinejs/every-field.json"),
    ]);
    r.code(0);
    assert!(
        r.stdout
            .starts_with("// Imported from the TimelineJS file ")
    );
    for line in r.stderr.lines() {
        assert!(line.starts_with("afghan-timeline: warning: "), "{line}");
    }
    let path = scratch("interop-every-field.ron", r.stdout.as_bytes());
    let check = run(&["check", &path]);
    check.code(0);
    assert_eq!(check.stdout, "ok: 4 events, 3 actors\n");
    // BCE dates display as such once imported.
    let show = run(&["show", "alexander", "--file", &path]);
    assert!(
        show.stdout
            .starts_with("~330 BCE – 328 BCE  Alexander enters Bactria"),
        "{}",
        show.stdout
    );
}

#[test]
fn group_kind_chooses_the_kind_of_group_actors() {
    let imported = import_fixture("timelinejs/every-field.json", RawActorKind::Person);
    let kinds: Vec<(&str, RawActorKind)> = imported
        .timeline
        .actors
        .iter()
        .map(|a| (a.id.as_str(), a.kind))
        .collect();
    assert!(
        matches!(kinds[0], ("macedon", RawActorKind::Person)),
        "{kinds:?}"
    );
    // The stand-in for a missing group stays a Group.
    assert!(
        matches!(kinds[2], ("unknown", RawActorKind::Group)),
        "{kinds:?}"
    );
    let r = run(&[
        "import",
        "--from",
        "timelinejs",
        "--group-kind",
        "state",
        &fixture("timelinejs/every-field.json"),
    ]);
    r.code(0);
    assert!(
        r.stdout
            .contains("name: \"USSR\",\n            kind: State,"),
        "{}",
        r.stdout
    );
}

#[test]
fn missing_actors_and_sources_get_stand_ins_and_warnings() {
    let imported = import_fixture("timelinejs/no-attribution.json", RawActorKind::Group);
    let t = &imported.timeline;
    assert_eq!(t.title, "Imported from no-attribution.json");
    warned(&imported, "no title slide");
    // Same headline twice: the second id is made unique.
    let ids: Vec<&str> = t.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["kabul-falls", "kabul-falls-2", "a-year-later"]);
    assert_eq!(t.events[0].actors.as_slice(), ["unknown"]);
    assert_eq!(t.events[1].actors.as_slice(), ["united-states"]);
    assert_eq!(t.events[2].actors.as_slice(), ["unknown"]);
    for e in &t.events[..2] {
        assert_eq!(e.sources.len(), 1);
        assert_eq!(e.sources[0].publisher, "no-attribution.json");
        assert_eq!(e.sources[0].title, "Imported from no-attribution.json");
    }
    // A caption alone is kept, as the source's title, never dropped.
    assert_eq!(
        t.events[2].sources[0].title,
        "A caption with no url or credit"
    );
    warned(&imported, "2 events without a group");
    warned(&imported, "2 events without media url or credit");
}

#[test]
fn malformed_files_are_errors_at_a_line_and_column() {
    let cases: &[(&str, &[u8], &str)] = &[
        (
            "trailing-comma",
            b"{\n  \"events\": [\n    {\"start_date\": {\"year\": 1979},, }\n  ]\n}\n",
            ":3:35: invalid JSON: key must be a string at ', }'",
        ),
        (
            "unclosed",
            b"{\"events\": [",
            ":1:12: invalid JSON: EOF while parsing a list",
        ),
        (
            "no-events",
            b"{\"title\": {\"text\": {\"headline\": \"x\"}}}",
            ":1:38: not a TimelineJS timeline: missing field 'events'",
        ),
        (
            "columns-count-characters",
            b"{\"scale\": \"\xc3\xa9\xc3\xa9\" x}",
            ":1:16: invalid JSON: expected ',' or '}' at 'x}'",
        ),
        (
            "not-utf8",
            b"{\"events\": []}\n\xff",
            ":2:1: not valid UTF-8 (byte 0xff)",
        ),
        (
            "empty",
            b"",
            // Said as what it is, not as a bracket left open.
            ": the file is empty; a TimelineJS file is a JSON object",
        ),
    ];
    for (name, bytes, expected) in cases {
        let path = scratch(&format!("interop-{name}.json"), bytes);
        let r = run(&["import", "--from", "timelinejs", &path]);
        r.code(2);
        assert!(r.stdout.is_empty(), "{name}: {}", r.stdout);
        assert_eq!(r.stderr.lines().count(), 1, "{name}: {}", r.stderr);
        assert!(
            r.stderr.starts_with(&format!("{path}{expected}")),
            "{name}: expected {path}{expected}\n got {}",
            r.stderr
        );
    }
}

#[test]
fn unreadable_inputs_and_misplaced_flags_are_errors() {
    let missing = run(&["import", "--from", "timelinejs", "/no/such/file.json"]);
    missing.code(2);
    assert_eq!(
        missing.stderr,
        "/no/such/file.json: no such file; check the path\n"
    );
    let dir = run(&["import", "--from", "timelinejs", env!("CARGO_MANIFEST_DIR")]);
    dir.code(2);
    assert!(dir.stderr.contains("is a directory"), "{}", dir.stderr);
    let file = run(&[
        "--file",
        "x.ron",
        "import",
        "--from",
        "timelinejs",
        "y.json",
    ]);
    file.code(2);
    // clap refuses it: `import` reads no timeline, it takes the file as its argument.
    assert!(
        file.stderr.contains("--file is not an option of 'import'"),
        "{}",
        file.stderr
    );
    let filter = run(&["--from", "1979", "import", "--from", "timelinejs", "y.json"]);
    filter.code(2);
    assert!(
        filter
            .stderr
            .contains("--from is not an option of 'import'"),
        "{}",
        filter.stderr
    );
    let format = run(&["--format", "json", "export", "--to", "json"]);
    format.code(2);
    assert!(
        format
            .stderr
            .contains("--format is not an option of 'export'"),
        "{}",
        format.stderr
    );
}

#[test]
fn stdin_a_byte_order_mark_and_control_characters_are_handled() {
    let json = "\u{feff}{\"title\": {\"text\": {\"headline\": \"T&#27;[31m\"}}, \"events\": [\
                {\"start_date\": {\"year\": \"-0044\", \"month\": 3, \"day\": 15}, \
                 \"text\": {\"headline\": \"Ides\u{202e} of March\"}, \"group\": \"Senate\", \
                 \"media\": {\"url\": \"https://example.org/ides\"}}]}";
    let r = run_with_stdin(&["import", "--from", "timelinejs", "-"], json.as_bytes());
    r.code(0);
    // Control characters from the file are escaped in the RON, never written raw.
    assert!(!r.stdout.contains(['\u{1b}', '\u{202e}']), "{}", r.stdout);
    assert!(r.stdout.contains("date: \"-0044-03-15\""), "{}", r.stdout);
    assert!(
        r.stdout.contains("publisher: \"example.org\""),
        "{}",
        r.stdout
    );
    let path = scratch("interop-stdin.ron", r.stdout.as_bytes());
    let show = run(&["show", "ides-of-march", "--file", &path]);
    show.code(0);
    assert!(
        show.stdout
            .starts_with("15 Mar 44 BCE  Ides\\u{202e} of March"),
        "{}",
        show.stdout
    );
}
