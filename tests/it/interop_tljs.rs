//! TimelineJS mapping rules of issue 12, one test each: ends, groups, eras, escaping,
//! HTML media, edit cycles, and the smaller import rules. The real client renders the
//! same rules in `tests/browser`.

use crate::common;

use afghan_timeline::interop::timelinejs::{
    self, EraSelection, ExportOptions, GroupBy, ImportOptions, Imported, MAX_GROUPS,
};
use afghan_timeline::load::{self, RawActorKind};
use afghan_timeline::model::Timeline;
use common::run;
use serde_json::{Value, json};

fn timeline(eras: &str, events: &str) -> Timeline {
    let text = format!(
        "(title: \"T\", actors: [(id: \"a\", name: \"A <x>\", kind: State), (id: \"b\", name: \"B\", kind: Person)],
          eras: [{eras}], events: [{events}])"
    );
    load::parse(&text, "t.ron").unwrap_or_else(|e| panic!("{e}"))
}

fn event(id: &str, date: &str, extra: &str) -> String {
    format!(
        "(id: \"{id}\", date: \"{date}\", {extra} title: \"{id}\", summary: \"S.\", actors: [\"a\"],
          sources: [(publisher: \"P\", title: \"T\")])"
    )
}

fn export(timeline: &Timeline, options: ExportOptions) -> (Value, Vec<String>) {
    let e = timelinejs::export(timeline, options);
    (e.document, e.warnings)
}

fn import(document: &Value) -> Imported {
    let options = ImportOptions {
        name: "t.json".to_owned(),
        group_kind: RawActorKind::Group,
    };
    timelinejs::import(document.to_string().as_bytes(), &options).expect("imports")
}

#[test]
fn an_end_inside_the_start_period_writes_the_start_as_its_first_day() {
    let t = timeline(
        "(id: \"e\", name: \"E\", start: \"2021\", end: \"2021-08-15\")",
        &event("june", "1994-06", "end: \"1994-06-30\","),
    );
    let (doc, warnings) = export(&t, ExportOptions::default());
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(
        doc["eras"][0]["start_date"],
        json!({"year": 2021, "month": 1, "day": 1})
    );
    assert_eq!(
        doc["eras"][0]["end_date"],
        json!({"year": 2021, "month": 8, "day": 15})
    );
    let slide = &doc["events"][0];
    assert_eq!(
        slide["start_date"],
        json!({"year": 1994, "month": 6, "day": 1})
    );
    assert_eq!(
        slide["end_date"],
        json!({"year": 1994, "month": 6, "day": 30})
    );
    assert_eq!(slide["display_date"], "June 1994 – 30 June 1994");
}

#[test]
fn year_and_month_ends_are_written_as_their_last_day() {
    let t = timeline(
        "(id: \"e\", name: \"E\", start: \"2021-08-15\", end: \"2026\")",
        &event("x", "1979-12-24", "end: \"1979\","),
    );
    let (doc, _) = export(&t, ExportOptions::default());
    assert_eq!(
        doc["eras"][0]["end_date"],
        json!({"year": 2026, "month": 12, "day": 31})
    );
    assert_eq!(
        doc["events"][0]["end_date"],
        json!({"year": 1979, "month": 12, "day": 31})
    );
    assert_eq!(doc["events"][0]["display_date"], "24 December 1979 – 1979");
    // And the import reads the record's ends back, not the written days.
    let back = import(&doc);
    assert_eq!(back.timeline.events[0].end.as_deref(), Some("1979"));
    assert_eq!(back.timeline.eras[0].end.as_deref(), Some("2026"));
}

#[test]
fn groups_are_none_by_default_and_actor_keeps_those_that_fit() {
    let data = load::load(&load::Input::Embedded).expect("embedded");
    let (doc, _) = export(&data, ExportOptions::default());
    assert!(
        doc["events"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s.get("group").is_none())
    );
    let (doc, warnings) = export(
        &data,
        ExportOptions {
            group_by: GroupBy::Actor,
            ..ExportOptions::default()
        },
    );
    let groups: std::collections::HashSet<&str> = doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["group"].as_str())
        .collect();
    assert_eq!(groups.len(), MAX_GROUPS - 1, "{groups:?}");
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("share the unlabelled row")),
        "{warnings:?}"
    );
    let (doc, _) = export(
        &data,
        ExportOptions {
            group_by: GroupBy::Kind,
            ..ExportOptions::default()
        },
    );
    assert_eq!(doc["events"][0]["group"], "State");
    assert_eq!(doc["afghan_timeline"]["group_by"], "kind");
    // Kinds are not actors: the import keeps the recorded actors.
    let back = import(&doc);
    assert!(!back.timeline.actors.iter().any(|a| a.name == "State"));
}

#[test]
fn display_date_and_group_are_escaped_for_both_readings() {
    let t = timeline("", &event("x", "1994-05-01", "date_note: \"<b>bold</b>\","));
    let (doc, _) = export(
        &t,
        ExportOptions {
            group_by: GroupBy::Actor,
            ..ExportOptions::default()
        },
    );
    assert_eq!(
        doc["events"][0]["display_date"],
        "1 May 1994 — &amp;lt;b&amp;gt;bold&amp;lt;/b&amp;gt;"
    );
    assert_eq!(doc["events"][0]["group"], "A &amp;lt;x&amp;gt;");
    let back = import(&doc);
    assert_eq!(
        back.timeline.events[0].date_note.as_deref(),
        Some("<b>bold</b>")
    );
}

#[test]
fn overlapping_eras_are_named_and_disjoint_keeps_them_apart() {
    let eras = "(id: \"long\", name: \"Long\", start: \"1990\", end: \"2000\"),
                (id: \"short\", name: \"Short\", start: \"1995\", end: \"1996\"),
                (id: \"after\", name: \"After\", start: \"2000-12-31\", end: \"2005\")";
    let t = timeline(eras, &event("x", "1994", ""));
    // The default band: the eras covering the most days without overlapping.
    let (doc, warnings) = export(&t, ExportOptions::default());
    let names: Vec<&str> = doc["eras"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["text"]["headline"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Long", "After"]);
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("--eras cover") && w.contains("'short'")),
        "{warnings:?}"
    );
    let (doc, warnings) = export(
        &t,
        ExportOptions {
            eras: EraSelection::All,
            ..ExportOptions::default()
        },
    );
    assert_eq!(doc["eras"].as_array().unwrap().len(), 3);
    assert!(
        warnings.iter().any(|w| w.contains("'Long' and 'Short'")),
        "{warnings:?}"
    );
    assert!(
        !warnings.iter().any(|w| w.contains("'After'")),
        "touching is not overlapping"
    );
    let (doc, warnings) = export(
        &t,
        ExportOptions {
            eras: EraSelection::Disjoint,
            ..ExportOptions::default()
        },
    );
    let names: Vec<&str> = doc["eras"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["text"]["headline"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Long", "After"]);
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("leaves out the overlapping eras 'short'"))
    );
    assert_eq!(
        import(&doc).timeline.eras.len(),
        3,
        "left-out eras come back from the record"
    );
}

#[test]
fn html_media_give_an_address_or_text_never_markup() {
    let doc = json!({"events": [
        {"start_date": {"year": 2000}, "text": {"headline": "Q"},
         "media": {"url": "<blockquote>Words said.</blockquote>", "credit": "Someone"}},
        {"start_date": {"year": 2001}, "text": {"headline": "I"},
         "media": {"url": "<iframe src=\"https://example.org/v\"></iframe>"}},
        {"start_date": {"year": 2002}, "text": {"headline": "T"},
         "media": {"url": "<blockquote class=\"twitter-tweet\"><p>Hi</p><a href=\"https://twitter.com/u/status/1\">d</a></blockquote>"}},
        {"start_date": {"year": 2003}, "text": {"headline": "R"}, "media": {"url": "pics/a.jpg", "credit": "C"}}
    ]});
    let back = import(&doc);
    let s = |i: usize| &back.timeline.events[i].sources[0];
    assert_eq!(
        (s(0).title.as_str(), s(0).url.as_deref()),
        ("Words said.", None)
    );
    assert_eq!(s(1).url.as_deref(), Some("https://example.org/v"));
    assert!(s(2).title.starts_with("Hi d"), "{}", s(2).title);
    assert_eq!(s(2).url.as_deref(), Some("https://twitter.com/u/status/1"));
    assert_eq!(s(3).url, None, "a relative address is dropped");
    assert_eq!(
        back.warnings
            .iter()
            .filter(|w| w.contains("its media is HTML"))
            .count(),
        3
    );
}

#[test]
fn check_rejects_a_source_url_that_is_not_an_absolute_address() {
    let text = "(title: \"T\", actors: [(id: \"a\", name: \"A\", kind: State)], events: [(id: \"x\", date: \"1994\", title: \"X\", summary: \"S\", actors: [\"a\"], sources: [(publisher: \"P\", title: \"T\", url: \"<blockquote>\")])])";
    let path = common::scratch("tljs-url.ron", text.as_bytes());
    let r = run(&["check", &path]);
    r.code(2);
    assert!(
        r.stderr
            .contains("source url '<blockquote>' is not an absolute address"),
        "{}",
        r.stderr
    );
}

#[test]
fn an_edit_cycle_drops_the_exported_sources_and_date_prefix() {
    let t = timeline("", &event("x", "~1994", "date_note: \"Old.\","));
    let (mut doc, _) = export(&t, ExportOptions::default());
    let slide = &mut doc["events"][0];
    let text = slide["text"]["text"]
        .as_str()
        .unwrap()
        .replace("<p><strong>", "<p>New.</p><p><strong>");
    slide["text"]["text"] = json!(text);
    slide["display_date"] = json!("about 1994 — Edited.");
    let back = import(&doc);
    let e = &back.timeline.events[0];
    assert_eq!(e.detail.as_deref(), Some("New."));
    assert_eq!(e.date_note.as_deref(), Some("Edited."));
    assert_eq!(&*e.date, "~1994");
}

#[test]
fn smaller_import_rules() {
    let doc = json!({"events": [
        {"start_date": {"year": 1990, "display_date": "circa 1990"}, "text": {"headline": "A<br>B"}},
        {"start_date": {"year": -138}, "display_date": "138 BC", "text": {"headline": "Old"}},
        {"start_date": {"year": 2024, "month": 2, "day": 30}, "text": {"headline": "Талибан"}},
        {"start_date": {"year": 2025}, "text": {"text": "<p>First sentence. Second.</p>"}},
        {"start_date": "bad", "text": {"headline": "Wrong shape"}},
        {"unique_id": "-dash", "start_date": {"year": 2026}, "text": {"headline": "D"}},
        {"start_date": {"year": 2027}, "media": {"url": "https://example.org/p.jpg", "caption": "Caption words"}}
    ]});
    let back = import(&doc);
    let e = &back.timeline.events;
    assert_eq!((&*e[0].date, e[0].title.as_str()), ("~1990", "A B"));
    assert_eq!(e[2].id, "event-2024-02");
    assert_eq!(&*e[2].date, "2024-02");
    assert_eq!(e[3].title, "First sentence.");
    assert_eq!(e.len(), 6, "the slide of the wrong shape is skipped");
    assert_eq!(e[4].id, "dash");
    assert_eq!(e[5].title, "Caption words");
    // A file's own display date comes back unchanged, and without groups no group appears.
    let text = timelinejs::to_ron(&back.timeline, "the TimelineJS file", "t.json");
    let again = load::parse(&text, "t.ron").expect("loads");
    let (doc, _) = export(
        &again,
        ExportOptions {
            group_by: GroupBy::Actor,
            ..ExportOptions::default()
        },
    );
    let old = doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["unique_id"] == "old")
        .unwrap();
    assert_eq!(old["display_date"], "138 BC");
    assert!(old.get("group").is_none());
}

#[test]
fn a_changed_group_replaces_the_first_actor() {
    let text = "(title: \"T\", actors: [(id: \"a\", name: \"A\", kind: State), (id: \"b\", name: \"B\", kind: State), (id: \"c\", name: \"C\", kind: State)],
      events: [(id: \"x\", date: \"1994\", title: \"X\", summary: \"S\", actors: [\"a\", \"b\"], sources: [(publisher: \"P\", title: \"T\")])])";
    let t = load::parse(text, "t.ron").expect("loads");
    let (mut doc, _) = export(
        &t,
        ExportOptions {
            group_by: GroupBy::Actor,
            ..ExportOptions::default()
        },
    );
    doc["events"][0]["group"] = json!("C");
    let back = import(&doc);
    let actors: Vec<&str> = back.timeline.events[0]
        .actors
        .iter()
        .map(|a| &**a)
        .collect();
    assert_eq!(actors, ["c", "b"]);
}

#[test]
fn cli_rules_empty_export_timelinejs2_and_group_kind_spelling() {
    let empty = common::scratch("tljs-empty.ron", b"(title: \"T\", actors: [], events: [])");
    let r = run(&["--file", &empty, "export", "--to", "timelinejs"]);
    r.code(0);
    assert!(
        r.stderr.contains("the timeline has no events"),
        "{}",
        r.stderr
    );
    let old = common::scratch(
        "tljs-tl2.json",
        br#"{"timeline": {"headline": "x", "date": [{"startDate": "2000"}]}}"#,
    );
    let r = run(&["import", "--from", "timelinejs", &old]);
    r.code(2);
    assert!(
        r.stderr.contains("this is a TimelineJS 2 file"),
        "{}",
        r.stderr
    );
    let r = run(&[
        "import",
        "--from",
        "timelinejs",
        "--group-kind",
        "State",
        &common::fixture("timelinejs/no-attribution.json"),
    ]);
    r.code(0);
    assert!(r.stdout.contains("kind: State"), "{}", r.stdout);
    let r = run(&["export", "--to", "markdown", "--group-by", "actor"]);
    r.code(2);
}

#[test]
fn check_warns_about_an_end_inside_a_coarser_start() {
    let text = "(title: \"T\", actors: [(id: \"a\", name: \"A\", kind: State)],
      eras: [(id: \"e\", name: \"E\", start: \"2021\", end: \"2021-08-15\")],
      events: [(id: \"x\", date: \"1994-06\", end: \"1994-06-30\", title: \"X\", summary: \"S\", actors: [\"a\"], sources: [(publisher: \"P\", title: \"T\")])])";
    let path = common::scratch("tljs-inside.ron", text.as_bytes());
    let r = run(&["check", &path]);
    r.code(0);
    assert!(r.stdout.starts_with("ok: 1 events"), "{}", r.stdout);
    assert!(
        r.stderr
            .contains("era 'e' ends '2021-08-15' inside the year it starts in ('2021')"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("event 'x' ends '1994-06-30' inside the month"),
        "{}",
        r.stderr
    );
    let r = run(&["check"]);
    assert_eq!(r.stderr, "", "the built-in timeline has no such shape");
}

#[test]
fn actor_groups_leave_room_for_the_unlabelled_row() {
    let ids: Vec<String> = (0..MAX_GROUPS).map(|i| format!("k{i}")).collect();
    let mut actors: Vec<String> = ids
        .iter()
        .map(|id| format!("(id: \"{id}\", name: \"{id}\", kind: State)"))
        .collect();
    actors.push("(id: \"unknown\", name: \"Unknown\", kind: Group)".to_owned());
    let mut events: Vec<String> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| {
            format!(
                "(id: \"e{i}\", date: \"{}\", title: \"T\", summary: \"S\", actors: [\"{id}\"], sources: [(publisher: \"P\", title: \"T\")])",
                2000 + i
            )
        })
        .collect();
    events.push("(id: \"u\", date: \"1999\", title: \"T\", summary: \"S\", actors: [\"unknown\"], sources: [(publisher: \"P\", title: \"T\")])".to_owned());
    let text = format!(
        "(title: \"T\", actors: [{}], events: [{}])",
        actors.join(", "),
        events.join(", ")
    );
    let t = load::parse(&text, "t.ron").expect("loads");
    let (doc, warnings) = export(
        &t,
        ExportOptions {
            group_by: GroupBy::Actor,
            ..ExportOptions::default()
        },
    );
    let slides = doc["events"].as_array().unwrap();
    let named: std::collections::HashSet<&str> =
        slides.iter().filter_map(|s| s["group"].as_str()).collect();
    assert_eq!(
        named.len() + 1,
        MAX_GROUPS,
        "with the unlabelled row, just what fits"
    );
    assert!(!named.contains("Unknown"));
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("the events of 1 other actor (1 event) share")),
        "{warnings:?}"
    );
}
