//! Ongoing eras (an era without `end`) through the whole tool: the loader and `check`, the
//! JSON document, TimelineJS (the end it is written with, the warning, the way back), the
//! Markdown chronology, the explorer's list header, axis band and detail pane, and the
//! built-in timeline's eras.

use crate::common;
use afghan_timeline::interop::timelinejs::{self, ExportOptions, ImportOptions};
use afghan_timeline::load::{self, RawActorKind};
use afghan_timeline::model::{Date, Era, Timeline};
use afghan_timeline::output::write_json_line;
use afghan_timeline::tui::action::Action::{self, *};
use afghan_timeline::tui::action::TimeAction;
use common::{fixture, load_fixture, load_text, run};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use serde_json::{Value, json};

const ONGOING: &str = "valid/ongoing-era.ron";

fn day(text: &str) -> chrono::NaiveDate {
    text.parse::<Date>().expect("a date").first_day()
}

/// A timeline file with one era `(id: "e", name: "E", start: …, <end>)` and one event.
fn with_era(era_fields: &str) -> String {
    format!(
        "(title: \"t\", actors: [(id: \"a\", name: \"A\", kind: State)], \
         eras: [(id: \"e\", name: \"E\", {era_fields})], \
         events: [(id: \"x\", date: \"2000\", title: \"X\", summary: \"s\", actors: [\"a\"], \
         sources: [(publisher: \"p\", title: \"t\")])])"
    )
}

#[test]
fn an_era_without_end_loads_as_ongoing() {
    let timeline = load_fixture(ONGOING);
    let new = &timeline.eras[1];
    assert_eq!(new.id, "new-order");
    assert_eq!(new.end, None);
    assert_eq!(new.last_day(), None);
    assert_eq!(new.years(), "2021–");
    // It covers every day from its start on, and none before.
    for (date, covered) in [
        ("2021-08-14", false),
        ("2021-08-15", true),
        ("2024-06-30", true),
        ("9999-12-31", true),
    ] {
        assert_eq!(new.covers(day(date)), covered, "{date}");
    }
    // A closed era is unchanged: its end's period is the last it covers.
    let old = &timeline.eras[0];
    assert_eq!(old.years(), "1990–2001");
    assert_eq!(old.last_day(), Some(day("2001-12-31")));
    assert!(old.covers(day("2001-12-31")) && !old.covers(day("2002-01-01")));
}

#[test]
fn check_accepts_a_missing_end_and_still_rejects_an_end_before_the_start() {
    let ok = run(&["check", &fixture(ONGOING)]);
    ok.code(0);
    assert_eq!(ok.stdout, "ok: 5 events, 2 actors\n");
    assert_eq!(ok.stderr, "");

    let ongoing = load_text(&with_era("start: \"1999\""));
    assert_eq!(ongoing.eras[0].end, None);

    let path = common::scratch(
        "era-end-before-start.ron",
        with_era("start: \"2001\", end: \"1999-05\"").as_bytes(),
    );
    let bad = run(&["check", &path]);
    bad.code(2);
    assert!(
        bad.stderr
            .contains("era 'e' ends '1999-05' before it starts '2001'"),
        "{}",
        bad.stderr
    );
    // A bad end date is reported as such, not taken for a missing one.
    let path = common::scratch(
        "era-bad-end.ron",
        with_era("start: \"2001\", end: \"2001-13\"").as_bytes(),
    );
    let bad = run(&["check", &path]);
    bad.code(2);
    assert!(
        bad.stderr.contains("invalid date '2001-13'"),
        "{}",
        bad.stderr
    );
    // The start stays required.
    let path = common::scratch("era-no-start.ron", with_era("end: \"2001\"").as_bytes());
    let bad = run(&["check", &path]);
    bad.code(2);
    assert!(
        bad.stderr.contains("missing field 'start'"),
        "{}",
        bad.stderr
    );
}

#[test]
fn the_json_document_reports_an_ongoing_end_as_null() {
    let r = run(&["export", "--to", "json", "--file", &fixture(ONGOING)]);
    r.code(0);
    let document: Value = serde_json::from_str(&r.stdout).expect("one JSON document");
    assert_eq!(
        document["eras"],
        json!([
            {"id": "old-order", "name": "Old order", "start": "1990", "end": "2001"},
            {"id": "new-order", "name": "New order", "start": "2021-08-15", "end": null},
        ])
    );
}

#[test]
fn the_built_in_timeline_has_the_corrected_era_ends() {
    let r = run(&["export", "--to", "json"]);
    r.code(0);
    let document: Value = serde_json::from_str(&r.stdout).expect("one JSON document");
    let era = |id: &str| {
        document["eras"]
            .as_array()
            .expect("eras")
            .iter()
            .find(|e| e["id"] == id)
            .unwrap_or_else(|| panic!("no era {id}"))
            .clone()
    };
    // The first emirate ends with the surrender of Kandahar, not the loss of Kabul.
    assert_eq!(era("first-emirate")["end"], "2001-12-07");
    assert_eq!(era("second-emirate")["start"], "2021-08-15");
    assert_eq!(era("second-emirate")["end"], Value::Null);
}

#[test]
fn timelinejs_gets_the_last_day_of_the_latest_event_or_era_with_a_warning() {
    let timeline = load_fixture(ONGOING);
    let exported = timelinejs::export(&timeline, ExportOptions::default());
    let eras = &exported.document["eras"];
    // The latest day is the end of 'talks' (2024-06), later than any date or era end.
    assert_eq!(
        eras[1]["end_date"],
        json!({"year": 2024, "month": 6, "day": 30})
    );
    assert_eq!(
        eras[1]["start_date"],
        json!({"year": 2021, "month": 8, "day": 15})
    );
    // The record keeps it ongoing; the closed era is written as before.
    assert_eq!(eras[1]["afghan_timeline"]["end"], Value::Null);
    // (an end is written as the last day of its period, as for every era).
    assert_eq!(
        eras[0]["end_date"],
        json!({"year": 2001, "month": 12, "day": 31})
    );
    assert_eq!(exported.warnings.len(), 1, "{:?}", exported.warnings);
    let warning = &exported.warnings[0];
    assert!(
        warning.contains("era 'new-order' is ongoing") && warning.contains("'2024-06-30'"),
        "{warning}"
    );

    // A closed era that ends later than every event sets the day.
    let mut later = timeline.clone();
    later.eras[0].end = Some("2025-02".parse().expect("date"));
    // Every era in the band (the default leaves out one of two that overlap).
    let all = ExportOptions {
        eras: timelinejs::EraSelection::All,
        ..ExportOptions::default()
    };
    let exported = timelinejs::export(&later, all);
    assert_eq!(
        exported.document["eras"][1]["end_date"],
        json!({"year": 2025, "month": 2, "day": 28})
    );

    // On the command line the warning goes to stderr, the document to stdout.
    let r = run(&["export", "--to", "timelinejs", "--file", &fixture(ONGOING)]);
    r.code(0);
    serde_json::from_str::<Value>(&r.stdout).expect("stdout is one JSON document");
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    assert!(
        r.stderr.starts_with("afghan-timeline: warning: ")
            && r.stderr.contains("era 'new-order' is ongoing"),
        "{}",
        r.stderr
    );
}

#[test]
fn an_ongoing_era_the_band_leaves_out_is_not_warned_about() {
    // An era that overlaps the ongoing one and covers more days: the default band keeps it
    // and leaves the ongoing era out, which is then written with no end at all.
    let mut timeline = load_fixture(ONGOING);
    let mut longer = timeline.eras[0].clone();
    longer.id = "long-era".to_owned();
    longer.start = "1990".parse().expect("date");
    longer.end = Some("2024".parse().expect("date"));
    timeline.eras.push(longer);
    let exported = timelinejs::export(&timeline, ExportOptions::default());
    let shown: Vec<&Value> = exported.document["eras"]
        .as_array()
        .into_iter()
        .flatten()
        .collect();
    assert!(
        shown
            .iter()
            .all(|e| e["afghan_timeline"]["id"] != "new-order"),
        "{shown:?}"
    );
    assert!(
        !exported.warnings.iter().any(|w| w.contains("is ongoing")),
        "{:?}",
        exported.warnings
    );
    assert!(
        exported
            .warnings
            .iter()
            .any(|w| w.contains("leaves out the overlapping eras") && w.contains("'new-order'")),
        "{:?}",
        exported.warnings
    );
    // With every era in the band it is written with an end, and that is said.
    let all = ExportOptions {
        eras: timelinejs::EraSelection::All,
        ..ExportOptions::default()
    };
    let exported = timelinejs::export(&timeline, all);
    assert!(
        exported
            .warnings
            .iter()
            .any(|w| w.contains("era 'new-order' is ongoing")),
        "{:?}",
        exported.warnings
    );
}

/// Imports a TimelineJS document and loads the RON the import wrote.
fn import(document: &Value) -> (Timeline, Vec<String>) {
    let mut bytes = Vec::new();
    write_json_line(&mut bytes, document).expect("write");
    let options = ImportOptions {
        name: "exported.json".to_owned(),
        group_kind: RawActorKind::Group,
    };
    let imported = timelinejs::import(&bytes, &options).expect("imports");
    let text = timelinejs::to_ron(&imported.timeline, "the TimelineJS file", "exported.json");
    let back = load::parse(&text, "imported.ron")
        .unwrap_or_else(|e| panic!("the import does not load:\n{e}\n{text}"));
    (back, imported.warnings)
}

#[test]
fn an_ongoing_era_comes_back_ongoing_unless_its_end_was_edited() {
    let timeline = load_fixture(ONGOING);
    let document = timelinejs::export(&timeline, ExportOptions::default()).document;
    let (back, warnings) = import(&document);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(back, timeline);

    // An end set in TimelineJS wins over the record, as every edit there does.
    let mut edited = document.clone();
    edited["eras"][1]["end_date"] = json!({"year": 2023, "month": 3});
    let (back, _) = import(&edited);
    // TimelineJS reads an end without a day as the period's first day (1 March 2023):
    // the era ends with February.
    assert_eq!(back.eras[1].end, Some("2023-02".parse().expect("date")));

    // So does a later event: the written end is then no longer the latest day.
    let mut extended = document.clone();
    let mut slide = extended["events"][4].clone();
    slide["unique_id"] = json!("later");
    slide["start_date"] = json!({"year": 2025});
    slide
        .as_object_mut()
        .expect("slide")
        .remove("afghan_timeline");
    extended["events"]
        .as_array_mut()
        .expect("events")
        .push(slide);
    let (back, _) = import(&extended);
    assert_eq!(back.eras[1].end, Some("2024-06-30".parse().expect("date")));
}

#[test]
fn an_era_timelinejs_cannot_show_still_counts_for_the_ongoing_end() {
    // 'blip' is a single day, 31 March 2025, so it travels in the document's record only;
    // it is still the latest era, and the ongoing era is written to end with it.
    let mut timeline = load_fixture(ONGOING);
    timeline.eras.push(Era {
        id: "blip".to_owned(),
        name: "Blip".to_owned(),
        start: "2025-03-31".parse().expect("date"),
        end: Some("2025-03-31".parse().expect("date")),
    });
    let exported = timelinejs::export(&timeline, ExportOptions::default());
    assert_eq!(exported.document["eras"].as_array().map(Vec::len), Some(2));
    assert_eq!(
        exported.document["eras"][1]["end_date"],
        json!({"year": 2025, "month": 3, "day": 31})
    );
    let (back, warnings) = import(&exported.document);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(back, timeline);
}

#[test]
fn markdown_gives_an_ongoing_era_an_open_span() {
    let r = run(&["export", "--to", "markdown", "--file", &fixture(ONGOING)]);
    r.code(0);
    let headings: Vec<&str> = r.stdout.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(
        headings,
        [
            "## Old order, 1990 – 2001",
            "## 2010",
            "## New order, 15 Aug 2021–",
            "## Sources",
        ]
    );
    // Every event from the era's start on sits under it, however late.
    let section = r
        .stdout
        .split("## New order, 15 Aug 2021–\n")
        .nth(1)
        .and_then(|s| s.split("## Sources").next())
        .expect("the era's section");
    for title in ["The new order begins", "Long talks", "A League session"] {
        assert!(section.contains(title), "{title} not under the era");
    }
}

fn screen(width: u16, height: u16, actions: &[Action]) -> Terminal<TestBackend> {
    let text = std::fs::read_to_string(fixture(ONGOING)).expect("read fixture");
    let app = common::colourless_app(&text, "ongoing-era.ron", width, height, actions);
    common::draw_screen(&app, width, height)
}

fn rows(terminal: &Terminal<TestBackend>) -> Vec<String> {
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect()
        })
        .collect()
}

#[test]
fn the_explorer_shows_an_ongoing_era_open_ended() {
    // The fourth event ('Long talks') is selected: inside the ongoing era.
    let terminal = screen(80, 24, &[NextEvent, NextEvent, NextEvent]);
    let rows = rows(&terminal);
    // The list header's span is open.
    assert!(
        rows.iter().any(|r| r.contains("── New order · 2021– ──")),
        "{rows:#?}"
    );
    assert!(
        rows.iter()
            .any(|r| r.contains("── Old order · 1990–2001 ──"))
    );
    // The band runs to the axis's right edge and ends in an arrow.
    let band = rows[0].trim_end();
    assert!(band.contains(" New order"), "{band:?}");
    assert!(band.ends_with('→'), "{band:?}");
    assert_eq!(band.chars().count(), 80, "{band:?}");
    // The detail names the era with its open span.
    assert!(
        rows.iter().any(|r| r.contains("Era: New order (2021–)")),
        "{rows:#?}"
    );
    insta::assert_snapshot!("ongoing_era_80x24", terminal.backend());
}

#[test]
fn the_time_view_runs_an_ongoing_era_to_its_right_edge() {
    let terminal = screen(80, 24, &[Time(TimeAction::Toggle)]);
    let rows = rows(&terminal);
    // Both eras share the band row; the ongoing one's name is cut to fit: ` New …→`.
    let band = rows
        .iter()
        .find(|r| r.contains("Old order") && r.contains(" New "))
        .unwrap_or_else(|| panic!("no band row for the eras: {rows:#?}"));
    // Inside the pane's border: the band's last cell is the arrow.
    let inner = band.trim_end().trim_end_matches('│').trim_end();
    assert!(inner.ends_with('→'), "{band:?}");
    assert_eq!(
        band.chars().count() - inner.chars().count(),
        1,
        "the band reaches the border: {band:?}"
    );
}

#[test]
fn an_event_before_an_ongoing_era_is_not_in_it() {
    // 'gap' (2010) is between the eras: no era line in its detail.
    let terminal = screen(80, 24, &[NextEvent]);
    let rows = rows(&terminal);
    assert!(rows.iter().any(|r| r.contains("Between the eras")));
    assert!(!rows.iter().any(|r| r.contains("Era:")), "{rows:#?}");
}
