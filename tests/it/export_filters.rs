//! A subset is a timeline: `export` takes `list`'s filter flags and writes exactly the
//! events `list` prints for them, in every format; `--to ron` loads back and passes
//! `check`; with no filter it gives back the timeline itself. And the sharper filters'
//! meaning (`--tag`, `--exclude-actor`, `--exact-actors`, `--ids`) on a fixture.

use std::collections::HashMap;

use serde_json::Value;

use crate::common::{self, fixture, run, run_with_stdin};
use afghan_timeline::load::{self, Input};
use afghan_timeline::model::Timeline;
use afghan_timeline::model::calendar::DateStyle;

fn built_in() -> Timeline {
    load::load(&Input::Embedded).expect("the built-in timeline loads")
}

/// The event ids a format's output holds, in order. One row per export format: a new
/// format joins every test below with its row.
type IdsOf = fn(&str) -> Vec<String>;

const FORMATS: &[(&str, IdsOf)] = &[
    ("timelinejs", timelinejs_ids),
    ("markdown", markdown_ids),
    ("json", json_ids),
    ("ron", ron_ids),
    ("csv", csv_ids),
];

fn timelinejs_ids(out: &str) -> Vec<String> {
    let doc: Value = serde_json::from_str(out).expect("TimelineJS JSON");
    doc["events"]
        .as_array()
        .expect("an events array")
        .iter()
        .map(|e| e["unique_id"].as_str().expect("a unique_id").to_owned())
        .collect()
}

fn json_ids(out: &str) -> Vec<String> {
    let doc: Value = serde_json::from_str(out).expect("a JSON document");
    doc["events"]
        .as_array()
        .expect("an events array")
        .iter()
        .map(|e| e["id"].as_str().expect("an id").to_owned())
        .collect()
}

fn ron_ids(out: &str) -> Vec<String> {
    let timeline = common::load_text(out);
    timeline.events.iter().map(|e| e.id.clone()).collect()
}

/// The chronology names no ids: each `###` heading is matched to the event whose heading
/// it is in the chronology of the whole built-in timeline.
fn markdown_ids(out: &str) -> Vec<String> {
    let timeline = built_in();
    let mut whole = Vec::new();
    afghan_timeline::interop::markdown::write_in(&mut whole, &timeline, DateStyle::default())
        .expect("the chronology writes");
    let whole = String::from_utf8(whole).expect("UTF-8");
    let headings: Vec<&str> = whole.lines().filter(|l| l.starts_with("### ")).collect();
    assert_eq!(
        headings.len(),
        timeline.events.len(),
        "one heading per event"
    );
    let by_heading: HashMap<&str, &str> = headings
        .into_iter()
        .zip(timeline.events.iter().map(|e| e.id.as_str()))
        .collect();
    out.lines()
        .filter(|l| l.starts_with("### "))
        .map(|l| {
            by_heading
                .get(l)
                .expect("a heading of the whole chronology")
                .to_string()
        })
        .collect()
}

/// A sheet names no ids either: each event row (no `Type`) is matched to the event whose
/// row it is in the sheet of the whole built-in timeline.
fn csv_ids(out: &str) -> Vec<String> {
    let event_rows = |text: &str| -> Vec<String> {
        csv::Reader::from_reader(text.as_bytes())
            .records()
            .map(|r| r.expect("RFC 4180"))
            .filter(|r| r.get(15) == Some(""))
            .map(|r| r.iter().collect::<Vec<_>>().join("\u{1f}"))
            .collect()
    };
    let whole = run(&["export", "--to", "csv"]);
    let timeline = built_in();
    let rows = event_rows(&whole.stdout);
    assert_eq!(rows.len(), timeline.events.len(), "one row per event");
    let by_row: HashMap<String, &str> = rows
        .into_iter()
        .zip(timeline.events.iter().map(|e| e.id.as_str()))
        .collect();
    event_rows(out)
        .iter()
        .map(|row| {
            by_row
                .get(row)
                .expect("a row of the whole sheet")
                .to_string()
        })
        .collect()
}

/// Filter flags, each set alone; every one selects some events and leaves some out. The
/// date range ends with `--until`, which `list` takes too (`export`'s `--to` is the format).
const FLAGS: &[&[&str]] = &[
    &["--actor", "taliban"],
    &["--actor", "russia", "--actor", "taliban", "--all-actors"],
    &["--actor", "russia", "--actor", "taliban", "--exact-actors"],
    &["--exclude-actor", "taliban"],
    &["--tag", "diplomacy"],
    &["--tag", "diplomacy", "--tag", "sanctions"],
    &["--query", "treaty"],
    &["--from", "2021"],
    &["--until", "1989"],
    &["--actor", "russia", "--actor", "taliban", "--from", "2021"],
];

fn list_ids(flags: &[&str]) -> Vec<String> {
    let mut args = vec!["list", "--format", "id"];
    args.extend(flags);
    let out = run(&args);
    out.code(0);
    out.stdout.lines().map(str::to_owned).collect()
}

#[test]
fn each_export_format_with_each_filter_flag_writes_lists_events() {
    let total = built_in().events.len();
    for flags in FLAGS {
        let expected = list_ids(flags);
        assert!(
            !expected.is_empty() && expected.len() < total,
            "{flags:?} selects {} of {total}",
            expected.len()
        );
        for (format, ids_of) in FORMATS {
            let mut args = vec!["export", "--to", format];
            args.extend(*flags);
            let out = run(&args);
            out.code(0);
            assert_eq!(
                ids_of(&out.stdout),
                expected,
                "export --to {format} {flags:?}"
            );
        }
    }
}

#[test]
fn ids_from_a_file_or_stdin_feed_an_export() {
    let picked = "taliban-take-kabul-2021\r\n\r\n  saur-revolution  \n";
    let path = common::scratch("picked-ids.txt", picked.as_bytes());
    let mut expected = list_ids(&["--ids", &path]);
    assert_eq!(
        expected.len(),
        2,
        "blank lines, spaces and CRLF are allowed"
    );
    expected.sort();
    assert_eq!(expected, ["saur-revolution", "taliban-take-kabul-2021"]);
    for (format, ids_of) in FORMATS {
        let mut from_file = ids_of(&run(&["export", "--to", format, "--ids", &path]).stdout);
        from_file.sort();
        assert_eq!(from_file, expected, "{format}, --ids FILE");
        let piped = run_with_stdin(&["export", "--to", format, "--ids", "-"], picked.as_bytes());
        piped.code(0);
        let mut from_stdin = ids_of(&piped.stdout);
        from_stdin.sort();
        assert_eq!(from_stdin, expected, "{format}, --ids -");
    }
}

#[test]
fn an_unknown_id_is_an_error_naming_its_line() {
    let path = common::scratch("picked-bad.txt", b"saur-revolution\n\nsaur-revolutoin\n");
    let out = run(&["export", "--to", "ron", "--ids", &path]);
    out.code(2);
    assert!(out.stdout.is_empty(), "nothing written: {}", out.stdout);
    assert!(
        out.stderr
            .contains(&format!("{path}:3:1: no event with id 'saur-revolutoin'"))
            && out.stderr.contains("did you mean 'saur-revolution'"),
        "{}",
        out.stderr
    );
    let missing = run(&["list", "--ids", "/nonexistent/picked.txt"]);
    missing.code(2);
    assert!(
        missing
            .stderr
            .contains("--ids '/nonexistent/picked.txt': cannot read it"),
        "{}",
        missing.stderr
    );
}

#[test]
fn a_filtered_ron_export_loads_back_and_passes_check() {
    let whole = built_in();
    for flags in FLAGS {
        let mut args = vec!["export", "--to", "ron"];
        args.extend(*flags);
        let out = run(&args);
        out.code(0);
        let path = common::scratch("subset.ron", out.stdout.as_bytes());
        let checked = run(&["check", &path]);
        checked.code(0);
        let subset = common::load_text(&out.stdout);
        assert_eq!(subset.title, whole.title, "{flags:?}: the title is kept");
        let description = subset.description.as_deref().unwrap_or_default();
        assert!(
            description.ends_with(&format!(
                "{} of the {} events of this timeline, selected by {}.",
                subset.events.len(),
                whole.events.len(),
                subset_flags(&whole, flags)
            )),
            "{flags:?}: {description}"
        );
        // Only the actors its events name.
        let mut named: Vec<&str> = subset
            .events
            .iter()
            .flat_map(|e| e.actors.iter().map(|a| subset.actor(*a).id.as_str()))
            .collect();
        named.sort_unstable();
        named.dedup();
        let mut actors: Vec<&str> = subset.actors.iter().map(|a| a.id.as_str()).collect();
        actors.sort_unstable();
        assert_eq!(
            actors, named,
            "{flags:?}: the actors are those the events name"
        );
        // The eras that overlap its span, and no other.
        let first = subset
            .events
            .iter()
            .map(|e| e.date.first_day())
            .min()
            .expect("events");
        let last = subset
            .events
            .iter()
            .map(afghan_timeline::model::Event::last_day)
            .max()
            .expect("events");
        let overlapping: Vec<&str> = whole
            .eras
            .iter()
            .filter(|e| e.start.first_day() <= last && e.last_day().is_none_or(|l| l >= first))
            .map(|e| e.id.as_str())
            .collect();
        let eras: Vec<&str> = subset.eras.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(
            eras, overlapping,
            "{flags:?}: the eras overlapping the span"
        );
        // A related link to an event left out is dropped, and one warning counts them.
        let kept: Vec<&str> = subset.events.iter().map(|e| e.id.as_str()).collect();
        let dropped: usize = kept
            .iter()
            .map(|id| {
                let e = whole.event(whole.find_event(id).expect("an event of the whole"));
                e.related
                    .iter()
                    .filter(|r| !kept.contains(&whole.event(**r).id.as_str()))
                    .count()
            })
            .sum();
        let warned = out
            .stderr
            .lines()
            .filter(|l| l.contains("left out; dropped"))
            .count();
        assert_eq!(
            warned,
            usize::from(dropped > 0),
            "{flags:?}: {}",
            out.stderr
        );
        if dropped > 0 {
            assert!(
                out.stderr.contains(&format!("{dropped} related link")),
                "{}",
                out.stderr
            );
        }
    }
}

/// The flags as the description names them: actors by id, `--until` as `--to`.
fn subset_flags(whole: &Timeline, flags: &[&str]) -> String {
    let mut out = Vec::new();
    let mut exact_or_all = None;
    let mut rest = Vec::new();
    let mut i = 0;
    while i < flags.len() {
        match flags[i] {
            "--actor" => {
                let id = whole.find_actor(flags[i + 1]).expect("an actor");
                out.push(format!("--actor {}", whole.actor(id).id));
                i += 2;
            }
            flag @ ("--exact-actors" | "--all-actors") => {
                exact_or_all = Some(flag);
                i += 1;
            }
            "--until" => {
                rest.push(format!("--to {}", flags[i + 1]));
                i += 2;
            }
            flag => {
                rest.push(format!("{flag} {}", flags[i + 1]));
                i += 2;
            }
        }
    }
    out.extend(exact_or_all.map(str::to_owned));
    out.extend(rest);
    out.join(" ")
}

#[test]
fn an_unfiltered_ron_export_loads_back_as_the_source() {
    let out = run(&["export", "--to", "ron"]);
    out.code(0);
    assert!(out.stderr.is_empty(), "{}", out.stderr);
    let back = common::load_text(&out.stdout);
    let whole = built_in();
    assert_eq!(back.title, whole.title);
    assert_eq!(back.description, whole.description);
    assert_eq!(back.actors, whole.actors);
    assert_eq!(back.eras, whole.eras);
    assert_eq!(back.events, whole.events);
    // And so on a fixture with ongoing eras, unicode and control characters.
    for path in [
        "valid/ongoing-era.ron",
        "valid/unicode.ron",
        "valid/control-characters.ron",
    ] {
        let out = run(&["export", "--to", "ron", "--file", &fixture(path)]);
        out.code(0);
        let back = common::load_text(&out.stdout);
        let source = common::load_fixture(path);
        assert_eq!(
            (&back.actors, &back.eras, &back.events),
            (&source.actors, &source.eras, &source.events),
            "{path}"
        );
    }
}

fn sharp(flags: &[&str]) -> Vec<String> {
    let file = fixture("filters/sharp.ron");
    let mut args = vec!["list", "--file", &file, "--format", "id"];
    args.extend(flags);
    let out = run(&args);
    out.stdout.lines().map(str::to_owned).collect()
}

#[test]
fn tag_keeps_events_with_any_of_the_tags_in_any_case() {
    assert_eq!(
        sharp(&["--tag", "DIPLOMACY"]),
        ["russia-alone", "russia-taliban", "four-parties"]
    );
    assert_eq!(
        sharp(&["--tag", "recognition", "--tag", "security"]),
        ["russia-taliban", "taliban-russia-china", "four-parties"]
    );
    let out = run(&[
        "list",
        "--file",
        &fixture("filters/sharp.ron"),
        "--tag",
        "securty",
    ]);
    out.code(2);
    assert!(
        out.stderr
            .contains("no event has the tag 'securty' (did you mean 'security'?)"),
        "{}",
        out.stderr
    );
}

#[test]
fn exclude_actor_leaves_out_every_event_naming_it() {
    assert_eq!(
        sharp(&["--exclude-actor", "china"]),
        ["russia-alone", "russia-taliban", "taliban-alone"]
    );
    assert_eq!(
        sharp(&[
            "--actor",
            "taliban",
            "--exclude-actor",
            "Russian Federation"
        ]),
        ["taliban-alone"]
    );
    let out = run(&[
        "list",
        "--file",
        &fixture("filters/sharp.ron"),
        "--actor",
        "un",
        "--exclude-actor",
        "un",
    ]);
    out.code(2);
    assert!(
        out.stderr
            .contains("--actor and --exclude-actor both name 'un'"),
        "{}",
        out.stderr
    );
}

#[test]
fn exact_actors_keeps_events_with_just_those_actors() {
    let two = ["--actor", "russia", "--actor", "taliban"];
    assert_eq!(
        sharp(&two),
        [
            "russia-alone",
            "russia-taliban",
            "taliban-russia-china",
            "taliban-alone",
            "four-parties"
        ]
    );
    assert_eq!(
        sharp(&[&two[..], &["--all-actors"]].concat()),
        ["russia-taliban", "taliban-russia-china", "four-parties"]
    );
    assert_eq!(
        sharp(&[&two[..], &["--exact-actors"]].concat()),
        ["russia-taliban"]
    );
    assert_eq!(
        sharp(&["--actor", "taliban", "--exact-actors"]),
        ["taliban-alone"]
    );
    let out = run(&[
        "list",
        "--file",
        &fixture("filters/sharp.ron"),
        "--exact-actors",
    ]);
    out.code(2);
    assert!(out.stderr.contains("give --actor too"), "{}", out.stderr);
}

#[test]
fn the_subset_of_the_fixture_drops_links_actors_and_eras_it_does_not_need() {
    let file = fixture("filters/sharp.ron");
    let out = run(&[
        "export",
        "--to",
        "ron",
        "--file",
        &file,
        "--tag",
        "recognition",
    ]);
    out.code(0);
    let subset = common::load_text(&out.stdout);
    let ids: Vec<&str> = subset.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["russia-taliban"]);
    assert!(subset.events[0].related.is_empty());
    assert!(
        out.stderr
            .contains("2 related links point to events left out; dropped"),
        "{}",
        out.stderr
    );
    let actors: Vec<&str> = subset.actors.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(actors, ["russia", "taliban"]);
    let eras: Vec<&str> = subset.eras.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(eras, ["late"]);
}

#[test]
fn ids_and_the_timeline_cannot_both_come_from_stdin() {
    let out = run(&["export", "--to", "ron", "--file", "-", "--ids", "-"]);
    out.code(2);
    assert!(
        out.stderr
            .contains("--file - and --ids - both read standard input"),
        "{}",
        out.stderr
    );
}

/// `list --format ron` prints events to paste into a file, not a file: loading it says so
/// and names the command that writes one.
#[test]
fn list_format_ron_loaded_as_a_file_points_to_export() {
    let listed = run(&[
        "list", "--format", "ron", "--actor", "taliban", "--from", "2025",
    ]);
    listed.code(0);
    let path = common::scratch("listed.ron", listed.stdout.as_bytes());
    let out = run(&["check", &path]);
    out.code(2);
    assert!(
        out.stderr.contains("unknown field 'id' in Timeline")
            && out
                .stderr
                .contains("looks like events from 'list --format ron'")
            && out.stderr.contains("'export --to ron'"),
        "{}",
        out.stderr
    );
}

/// The explorer's docs list every extension `w` knows, with its format, and no other: the
/// table and `interop::EXTENSIONS` cannot drift apart when a format joins.
#[test]
fn the_docs_list_ws_extensions() {
    let docs = include_str!("../../docs/explorer.md");
    let section = docs
        .split("## Writing a file (`w`)")
        .nth(1)
        .expect("the section on w")
        .split("\n## ")
        .next()
        .expect("its text");
    let mut listed: Vec<String> = section
        .lines()
        .filter_map(|l| l.strip_prefix("| `."))
        .map(|l| l.split('`').next().expect("an extension").to_owned())
        .collect();
    listed.sort();
    let mut known: Vec<String> = afghan_timeline::interop::EXTENSIONS
        .iter()
        .map(|(ext, _)| (*ext).to_owned())
        .collect();
    known.sort();
    assert_eq!(listed, known);
    for (ext, format) in afghan_timeline::interop::EXTENSIONS {
        let row = section
            .lines()
            .find(|l| l.starts_with(&format!("| `.{ext}` |")))
            .expect("a row");
        assert!(row.contains(&format!("--to {}", format.name())), "{row}");
    }
}

/// As `list`: a filter that matches nothing exits 1, and nothing is written.
#[test]
fn a_filter_that_matches_nothing_writes_nothing_and_exits_1() {
    for (format, _) in FORMATS {
        let out = run(&["export", "--to", format, "--query", "zzzqqq"]);
        out.code(1);
        assert!(out.stdout.is_empty(), "{format}: {}", out.stdout);
        assert!(
            out.stderr
                .contains("no event matches the filter (--query zzzqqq); nothing written"),
            "{}",
            out.stderr
        );
    }
}
