//! TimelineJS export: the document's shape against TimelineJS's field list, the mapping
//! field by field, and the round trip (import of an export gives back the timeline).

use crate::common;

use afghan_timeline::interop::timelinejs::{self, EraSelection, ExportOptions, ImportOptions};
use afghan_timeline::load::{self, RawActorKind};
use afghan_timeline::model::Timeline;
use afghan_timeline::output::write_json_line;
use common::{fixture, load_fixture, run, run_with_stdin};
use serde_json::{Value, json};

/// TimelineJS's JSON format, written from its documentation and TimelineJS3's
/// `TimelineConfig.js` / `TLDate.js`, independently of the exporter's own lists.
const TOP: &[&str] = &["events", "title", "eras", "scale"];
const SLIDE: &[&str] = &[
    "start_date",
    "end_date",
    "text",
    "media",
    "group",
    "display_date",
    "background",
    "autolink",
    "unique_id",
];
const DATE: &[&str] = &[
    "year",
    "month",
    "day",
    "hour",
    "minute",
    "second",
    "millisecond",
    "display_date",
    "format",
];
const TEXT: &[&str] = &["headline", "text"];
const ERA: &[&str] = &["start_date", "end_date", "text"];
/// The one key the export adds; TimelineJS ignores keys it does not know.
const RECORD: &str = "afghan_timeline";

fn export(timeline: &Timeline) -> (Value, Vec<String>) {
    export_with(timeline, timelinejs::ExportOptions::default())
}

fn export_with(timeline: &Timeline, options: timelinejs::ExportOptions) -> (Value, Vec<String>) {
    let exported = timelinejs::export(timeline, options);
    (exported.document, exported.warnings)
}

fn by_actor() -> timelinejs::ExportOptions {
    timelinejs::ExportOptions {
        group_by: timelinejs::GroupBy::Actor,
        ..timelinejs::ExportOptions::default()
    }
}

fn keys_within(object: &Value, allowed: &[&str], what: &str) {
    let object = object
        .as_object()
        .unwrap_or_else(|| panic!("{what} is not an object"));
    for key in object.keys() {
        assert!(
            allowed.contains(&key.as_str()) || key == RECORD,
            "{what}: '{key}' is not a TimelineJS field"
        );
    }
}

/// A date object as TimelineJS reads it: a whole `year`, and `month`/`day` in range.
fn check_date(date: &Value, what: &str) {
    keys_within(date, DATE, what);
    assert!(date["year"].is_i64(), "{what}: year {:?}", date["year"]);
    if let Some(month) = date.get("month") {
        assert!((1..=12).contains(&month.as_i64().unwrap_or(0)), "{what}");
    }
    if let Some(day) = date.get("day") {
        assert!(date.get("month").is_some(), "{what}: day without month");
        assert!((1..=31).contains(&day.as_i64().unwrap_or(0)), "{what}");
    }
}

fn check_text(text: &Value, what: &str) {
    keys_within(text, TEXT, what);
    for value in text.as_object().into_iter().flat_map(|t| t.values()) {
        assert!(value.is_string(), "{what}: {value:?}");
    }
}

/// Every object and field in the document is one TimelineJS documents.
fn check_shape(document: &Value) {
    keys_within(document, TOP, "top level");
    assert_eq!(document["scale"], "human");
    let title = &document["title"];
    keys_within(title, SLIDE, "title");
    check_text(&title["text"], "title.text");
    let mut ids = vec![title["unique_id"].as_str().expect("title id").to_owned()];
    let events = document["events"].as_array().expect("events is a list");
    assert!(!events.is_empty());
    for (i, slide) in events.iter().enumerate() {
        let what = format!("events[{i}]");
        keys_within(slide, SLIDE, &what);
        check_date(&slide["start_date"], &format!("{what}.start_date"));
        if let Some(end) = slide.get("end_date") {
            check_date(end, &format!("{what}.end_date"));
        }
        check_text(&slide["text"], &format!("{what}.text"));
        assert!(
            slide["text"]["headline"]
                .as_str()
                .is_some_and(|h| !h.is_empty())
        );
        for field in ["group", "display_date", "unique_id"] {
            if let Some(value) = slide.get(field) {
                assert!(value.is_string(), "{what}.{field}: {value:?}");
            }
        }
        ids.push(slide["unique_id"].as_str().expect("unique_id").to_owned());
    }
    let total = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(
        ids.len(),
        total,
        "unique_ids are unique, the title's included"
    );
    for (i, era) in document["eras"]
        .as_array()
        .expect("eras")
        .iter()
        .enumerate()
    {
        let what = format!("eras[{i}]");
        keys_within(era, ERA, &what);
        // TimelineJS rejects an era without both dates, and drops an end equal to its start.
        check_date(&era["start_date"], &what);
        check_date(&era["end_date"], &what);
        assert_ne!(era["start_date"], era["end_date"], "{what}");
        assert!(era["text"]["headline"].is_string(), "{what}");
    }
}

#[test]
fn the_export_of_the_embedded_timeline_has_timelinejs_shape() {
    let timeline = load::load(&load::Input::Embedded).expect("embedded loads");
    let (document, warnings) = export(&timeline);
    check_shape(&document);
    // Eras overlap in TimelineJS's single band, so the default band keeps those that cover
    // the most without overlapping. The ongoing second emirate is one it leaves out, so it
    // is written with no end, and nothing is said of one.
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains(
            "leaves out the overlapping eras 'soviet-war', 'first-emirate', 'second-emirate'"
        ),
        "{warnings:?}"
    );
    assert_eq!(document["events"].as_array().map(Vec::len), Some(73));
    let names: Vec<&str> = document["eras"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["text"]["headline"].as_str())
        .collect();
    assert_eq!(
        names,
        [
            "PDPA rule",
            "Mujahideen government",
            "US-led intervention",
            "Russia&#39;s step-by-step normalisation"
        ]
    );
    // Every era, when asked for all: overlaps named.
    let all = timelinejs::export(
        &timeline,
        ExportOptions {
            eras: EraSelection::All,
            ..ExportOptions::default()
        },
    );
    assert_eq!(all.document["eras"].as_array().map(Vec::len), Some(7));
    assert!(
        all.warnings
            .iter()
            .any(|w| w.contains("'US-led intervention' and 'Second Taliban emirate'")),
        "{:?}",
        all.warnings
    );
}

#[test]
fn the_export_maps_each_field() {
    let timeline = load_fixture("timelinejs/mapping.ron");
    let (document, warnings) = export_with(&timeline, by_actor());
    check_shape(&document);
    let slide = |id: &str| {
        document["events"]
            .as_array()
            .and_then(|events| events.iter().find(|s| s["unique_id"] == id))
            .unwrap_or_else(|| panic!("no slide {id}"))
            .clone()
    };

    // id → unique_id; the date at its precision; an end in the same period left out.
    let gaugamela = slide("gaugamela");
    assert_eq!(
        gaugamela["start_date"],
        json!({"year": -331, "month": 10, "day": 1})
    );
    assert_eq!(gaugamela.get("end_date"), None);
    assert_eq!(slide("roxana")["start_date"], json!({"year": -327}));
    assert_eq!(slide("roxana").get("end_date"), None);
    assert_eq!(
        slide("month")["start_date"],
        json!({"year": 1994, "month": 10})
    );
    assert_eq!(
        slide("month")["end_date"],
        json!({"year": 1996, "month": 9, "day": 27})
    );

    // title → text.headline, escaped.
    assert_eq!(
        gaugamela["text"]["headline"],
        "Battle of &lt;Gaugamela&gt; &amp; &quot;after&quot;"
    );
    // summary, detail and numbered sources → text.text, escaped; only web links linked.
    let text = gaugamela["text"]["text"].as_str().expect("text");
    assert!(text.starts_with(
        "<p>Alexander defeated Darius III.</p><p>First detail paragraph.</p>\
         <p>Second, with a line<br>break.</p>"
    ));
    assert!(text.contains(
        "<ol><li>Arrian, <em>Anabasis &lt;III&gt;</em>, 150, \
         <a href=\"https://example.org/arrian?a=1&amp;b=2\">https://example.org/arrian?a=1&amp;b=2</a></li>"
    ));
    assert!(text.contains("<li>Mischief, <em>Bad link</em>, javascript:alert(1)</li></ol>"));
    assert!(!text.contains("href=\"javascript"));

    // approximate date or date note → display_date; neither → none.
    assert_eq!(gaugamela.get("display_date"), None);
    assert_eq!(
        slide("roxana")["display_date"],
        "about 327 BCE — Sources differ on the year."
    );

    // group: the first actor's name.
    assert_eq!(gaugamela["group"], "Macedon");
    assert_eq!(slide("roxana")["group"], "Bactria &amp;amp; Sogdia");
    assert_eq!(slide("month")["group"], "Bactria &amp;amp; Sogdia");

    // The title slide: title and description.
    assert_eq!(
        document["title"]["text"]["headline"],
        "Mapping &lt;test&gt; &amp; &quot;quotes&quot;"
    );
    assert_eq!(
        document["title"]["text"]["text"],
        "<p>First paragraph.</p><p>Second paragraph.</p>"
    );

    // Eras, with BCE years; ends are the last day of their period, and a start whose
    // period holds the end is written as its first day (else TimelineJS drops the end).
    assert_eq!(
        document["eras"],
        json!([{
            "start_date": {"year": -330},
            "end_date": {"year": -323, "month": 6, "day": 10},
            "text": {"headline": "Alexander&#39;s &lt;campaign&gt;"},
            "afghan_timeline": {"id": "campaign", "name": "Alexander's <campaign>",
                                "start": "-0330", "end": "-0323-06-10"},
        }, {
            "start_date": {"year": 1994, "month": 1, "day": 1},
            "end_date": {"year": 1994, "month": 12, "day": 31},
            "text": {"headline": "A single year"},
            "afghan_timeline": {"id": "one-year", "name": "A single year",
                                "start": "1994", "end": "1994"},
        }])
    );
    assert!(warnings.is_empty(), "{warnings:?}");

    // The record is the event as `list --format json` prints it.
    assert_eq!(gaugamela[RECORD]["tags"], json!(["battle", "war"]));
    assert_eq!(gaugamela[RECORD]["related"], json!(["roxana"]));
}

#[test]
fn exported_html_carries_no_control_characters() {
    for path in ["timelinejs/mapping.ron", "valid/control-characters.ron"] {
        let timeline = load_fixture(path);
        let (document, _) = export(&timeline);
        for slide in document["events"].as_array().into_iter().flatten() {
            for field in [
                &slide["text"]["headline"],
                &slide["text"]["text"],
                &slide["group"],
            ] {
                let text = field.as_str().unwrap_or_default();
                let bad = text.chars().find(|&c| {
                    c.is_control()
                        || ('\u{202a}'..='\u{202e}').contains(&c)
                        || ('\u{2066}'..='\u{2069}').contains(&c)
                });
                assert_eq!(bad, None, "{path}: {text:?}");
            }
        }
        let mut written = Vec::new();
        write_json_line(&mut written, &document).expect("write");
        let written = String::from_utf8(written).expect("UTF-8");
        assert!(
            !written.contains(['\u{1b}', '\u{9b}', '\u{202e}', '\u{7}']),
            "{path}"
        );
    }
}

#[test]
fn export_on_the_command_line_writes_one_document_and_warns_on_stderr() {
    let r = run(&["export", "--to", "timelinejs", "--eras", "disjoint"]);
    r.code(0);
    let document: Value = serde_json::from_str(&r.stdout).expect("stdout is one JSON document");
    check_shape(&document);
    // One warning for the ongoing second emirate, one for the eras left out.
    assert_eq!(r.stderr.lines().count(), 2, "{}", r.stderr);
    assert!(
        r.stderr
            .lines()
            .all(|l| l.starts_with("afghan-timeline: warning: ")),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("era 'second-emirate' is ongoing"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("--eras disjoint leaves out the overlapping eras 'soviet-war', 'us-intervention', 'normalisation'"),
        "{}",
        r.stderr
    );
    assert_eq!(document["eras"].as_array().map(Vec::len), Some(4));
}

/// Export, write as the binary would, import, and load the RON the import wrote.
fn round_trip(timeline: &Timeline) -> (Timeline, Vec<String>) {
    let (document, _) = export(timeline);
    let mut bytes = Vec::new();
    write_json_line(&mut bytes, &document).expect("write");
    let options = ImportOptions {
        name: "exported.json".to_owned(),
        group_kind: RawActorKind::Group,
    };
    let imported = timelinejs::import(&bytes, &options).expect("the export imports");
    let text = timelinejs::to_ron(&imported.timeline, "the TimelineJS file", "exported.json");
    let back = load::parse(&text, "imported.ron")
        .unwrap_or_else(|e| panic!("the import does not load:\n{e}\n{text}"));
    (back, imported.warnings)
}

#[test]
fn import_of_the_export_gives_back_the_embedded_timeline() {
    let timeline = load::load(&load::Input::Embedded).expect("embedded loads");
    let (back, warnings) = round_trip(&timeline);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(back.events.len(), 73);
    // Everything: title, description, actors, eras, events with dates, text and sources.
    assert_eq!(back, timeline);
}

#[test]
fn the_round_trip_keeps_bce_dates_control_characters_and_every_valid_fixture() {
    let mut paths = vec!["timelinejs/mapping.ron".to_owned()];
    for entry in std::fs::read_dir(fixture("valid")).expect("fixtures") {
        let name = entry.expect("entry").file_name();
        let name = name.to_string_lossy();
        if name.ends_with(".ron") {
            paths.push(format!("valid/{name}"));
        }
    }
    for path in paths {
        let timeline = load_fixture(&path);
        let (back, warnings) = round_trip(&timeline);
        assert!(warnings.is_empty(), "{path}: {warnings:?}");
        assert_eq!(back, timeline, "{path}");
    }
}

#[test]
fn the_round_trip_through_the_binary_gives_the_same_json() {
    let exported = run(&["export", "--to", "timelinejs"]);
    exported.code(0);
    let imported = run_with_stdin(
        &["import", "--from", "timelinejs", "-"],
        exported.stdout.as_bytes(),
    );
    imported.code(0);
    assert_eq!(
        imported.stderr, "",
        "a round trip has nothing to warn about"
    );
    let path = common::scratch("interop-round-trip.ron", imported.stdout.as_bytes());
    run(&["check", &path]).code(0);
    let before = run(&["export", "--to", "json"]);
    let after = run(&["export", "--to", "json", "--file", &path]);
    assert_eq!(before.stdout, after.stdout);
}

#[test]
fn an_edit_made_in_timelinejs_wins_over_the_record() {
    let timeline = load_fixture("timelinejs/mapping.ron");
    let (mut document, _) = export(&timeline);
    let slide = &mut document["events"][0];
    slide["text"]["headline"] = json!("Gaugamela, <i>renamed</i>");
    slide["start_date"] = json!({"year": -331, "month": 10});
    slide["text"]["text"] = json!("<p>New summary.</p><p>New detail.</p>");
    let bytes = serde_json::to_vec(&document).expect("json");
    let options = ImportOptions {
        name: "edited.json".to_owned(),
        group_kind: RawActorKind::Group,
    };
    let imported = timelinejs::import(&bytes, &options).expect("imports");
    let event = &imported.timeline.events[0];
    assert_eq!(event.title, "Gaugamela, renamed");
    assert_eq!(event.date, "-0331-10");
    assert_eq!(event.summary, "New summary.");
    assert_eq!(event.detail.as_deref(), Some("New detail."));
    // What TimelineJS cannot show still comes from the record.
    assert_eq!(event.tags, ["battle", "war"]);
    assert_eq!(event.actors.as_slice(), ["macedon", "bactria"]);
    assert_eq!(event.sources.len(), 2);
    assert_eq!(event.related.as_slice(), ["roxana"]);
    // The approximate date kept its '~' while its visible date was unchanged.
    assert_eq!(imported.timeline.events[1].date, "~-0327");
}

#[test]
fn without_its_record_a_slide_imports_from_what_timelinejs_shows() {
    let timeline = load_fixture("timelinejs/mapping.ron");
    let (mut document, _) = export_with(&timeline, by_actor());
    let slide = document["events"][1].as_object_mut().expect("slide");
    slide.remove(RECORD);
    let bytes = serde_json::to_vec(&document).expect("json");
    let options = ImportOptions {
        name: "plain.json".to_owned(),
        group_kind: RawActorKind::Group,
    };
    let imported = timelinejs::import(&bytes, &options).expect("imports");
    let event = &imported.timeline.events[1];
    assert_eq!(event.id, "roxana");
    assert_eq!(
        event.date, "~-0327",
        "'about …' in display_date marks it approximate"
    );
    assert_eq!(
        event.date_note.as_deref(),
        Some("display: about 327 BCE — Sources differ on the year.")
    );
    // The group names a declared actor, so no new actor is made.
    assert_eq!(event.actors.as_slice(), ["bactria"]);
    // The "Sources" list the export wrote in the text gives the sources back, not the
    // file itself: a sheet, which has no room for records, keeps its sources so.
    let original = timeline.event(timeline.find_event("roxana").expect("roxana"));
    let publishers: Vec<&str> = event.sources.iter().map(|s| s.publisher.as_str()).collect();
    let expected: Vec<&str> = original
        .sources
        .iter()
        .map(|s| s.publisher.as_str())
        .collect();
    assert_eq!(publishers, expected);
    assert!(
        !imported
            .warnings
            .iter()
            .any(|w| w.contains("cite the file itself")),
        "{:?}",
        imported.warnings
    );
}
