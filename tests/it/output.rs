//! Output formats: what each prints (reviewed snapshots), JSON Lines that parse with the
//! promised fields, and RON that pastes back into a timeline file as the same events.

use crate::common;

use afghan_timeline::model::Timeline;
use common::{fixture, run};
use serde_json::{Value, json};

fn list(file: &str, format: &str) -> String {
    let out = run(&["--file", &fixture(file), "list", "--format", format]);
    out.code(0);
    out.stdout
}

#[test]
fn text_format() {
    insta::assert_snapshot!("text", list("valid/named-structs.ron", "text"));
}

#[test]
fn line_format() {
    insta::assert_snapshot!("line", list("valid/named-structs.ron", "line"));
}

#[test]
fn markdown_format() {
    insta::assert_snapshot!("markdown", list("valid/named-structs.ron", "markdown"));
}

#[test]
fn ron_format() {
    insta::assert_snapshot!("ron", list("valid/named-structs.ron", "ron"));
}

#[test]
fn id_format() {
    assert_eq!(
        list("valid/named-structs.ron", "id"),
        "invasion\nwithdrawal\n"
    );
}

#[test]
fn json_format_has_every_field() {
    let out = list("valid/named-structs.ron", "json");
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is one JSON value"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(
        lines[0],
        json!({
            "id": "invasion",
            "date": "1979-12-24",
            "precision": "day",
            "approximate": false,
            "end": "1979-12-27",
            "title": "Soviet troops enter Afghanistan",
            "summary": "The 40th Army crosses the border.",
            "detail": "Explicit Some(…) is accepted too.",
            "date_note": null,
            "actors": ["ussr", "mujahideen"],
            "tags": ["war"],
            "location": "Kabul",
            "sources": [{
                "publisher": "TASS",
                "title": "War",
                "date": "1979-12-28",
                "url": "https://example.org/war",
            }],
            "related": ["withdrawal"],
        })
    );
    assert_eq!(lines[1]["end"], Value::Null);
    assert_eq!(lines[1]["location"], Value::Null);
    assert_eq!(lines[1]["tags"], json!([]));
    assert_eq!(lines[1]["sources"][0]["url"], Value::Null);
}

#[test]
fn json_lines_of_embedded_data_have_the_documented_shape() {
    let out = run(&["list", "--format", "json"]);
    out.code(0);
    let mut count = 0;
    for line in out.stdout.lines() {
        let event: Value = serde_json::from_str(line).expect("JSON line");
        let object = event.as_object().expect("an object");
        for key in ["id", "date", "title", "summary"] {
            assert!(object[key].is_string(), "{key} in {line}");
        }
        for key in ["end", "detail", "location"] {
            assert!(
                object[key].is_string() || object[key].is_null(),
                "{key} in {line}"
            );
        }
        for key in ["actors", "tags", "related"] {
            let items = object[key].as_array().expect("an array");
            assert!(items.iter().all(Value::is_string), "{key} in {line}");
        }
        assert!(!object["actors"].as_array().expect("actors").is_empty());
        let sources = object["sources"].as_array().expect("sources");
        assert!(!sources.is_empty());
        for source in sources {
            assert!(source["publisher"].is_string() && source["title"].is_string());
            assert!(source["date"].is_string() || source["date"].is_null());
            assert!(source["url"].is_string() || source["url"].is_null());
        }
        count += 1;
    }
    assert_eq!(
        count,
        run(&["list", "--format", "id"]).stdout.lines().count()
    );
}

/// The actors of `timeline` written as a timeline file would hold them.
fn actors_ron(timeline: &Timeline) -> String {
    let mut out = String::new();
    for a in &timeline.actors {
        let raw = afghan_timeline::output::ron_format::raw_actor(a);
        let text = afghan_timeline::load::options()
            .to_string(&raw)
            .expect("serialize");
        out.push_str(&text);
        out.push_str(",\n");
    }
    out
}

/// Prints every event as RON, pastes them into a new file with the same actors, and
/// expects that file to load back to the same events.
fn round_trip(file: Option<&str>) {
    let mut args = Vec::new();
    let path;
    if let Some(file) = file {
        path = fixture(file);
        args.extend(["--file", path.as_str()]);
    }
    let original = match file {
        Some(file) => common::load_fixture(file),
        None => {
            afghan_timeline::load::load(&afghan_timeline::load::Input::Embedded).expect("embedded")
        }
    };
    args.extend(["list", "--format", "ron"]);
    let printed = run(&args);
    printed.code(0);
    let pasted = format!(
        "(\n    title: \"pasted\",\n    actors: [\n{}],\n    events: [\n{}],\n)\n",
        actors_ron(&original),
        printed.stdout
    );
    let scratch = common::scratch(
        &format!(
            "round-trip-{}.ron",
            file.unwrap_or("embedded").replace('/', "-")
        ),
        pasted.as_bytes(),
    );
    let check = run(&["check", &scratch]);
    check.code(0);
    let reloaded = common::load_text(&pasted);
    assert_eq!(reloaded.actors, original.actors);
    assert_eq!(reloaded.events, original.events);
}

#[test]
fn ron_output_round_trips_the_embedded_timeline() {
    round_trip(None);
}

#[test]
fn ron_output_round_trips_fixtures() {
    for file in [
        "valid/named-structs.ron",
        "valid/control-characters.ron",
        "valid/unicode.ron",
        "valid/crlf.ron",
        "valid/query.ron",
    ] {
        round_trip(Some(file));
    }
}

#[test]
fn show_ron_of_one_event_pastes_into_a_file() {
    let out = run(&[
        "--file",
        &fixture("valid/minimal.ron"),
        "show",
        "invasion",
        "--format",
        "ron",
    ]);
    out.code(0);
    let pasted = format!(
        "(title: \"t\", actors: [(id: \"ussr\", name: \"Soviet Union\", kind: State)], events: [{}])",
        out.stdout
    );
    let reloaded = common::load_text(&pasted);
    assert_eq!(
        reloaded.events,
        common::load_fixture("valid/minimal.ron").events
    );
}

#[test]
fn approximate_and_ranged_dates_in_human_formats() {
    let text = common::timeline_of(&[
        ("approx", "~1994", None),
        ("month", "1995-08", Some("1996-08")),
        ("same", "1996-09-27", Some("1996-09-27")),
    ]);
    let path = common::scratch("human-dates.ron", text.as_bytes());
    let out = run(&["--file", &path, "list", "--format", "line"]);
    out.code(0);
    assert_eq!(
        out.stdout,
        "~1994\tA\tapprox\n1995-08\tA\tmonth\n1996-09-27\tA\tsame\n"
    );
    let out = run(&["--file", &path, "list"]);
    let headers: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with(' '))
        .collect();
    assert_eq!(
        headers,
        [
            "~1994  approx",
            "Aug 1995 – Aug 1996  month",
            "27 Sep 1996  same"
        ]
    );
}
