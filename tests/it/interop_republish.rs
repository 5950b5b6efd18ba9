//! Re-publishing an imported timeline (issue 21): what a TimelineJS file or sheet comes
//! back as when exported again. One test per rule: no stand-in title or title slide, no
//! placeholder source, protocol-relative media kept, captions kept, groups kept by
//! default, year-precision ends as TimelineJS means them, display dates escaped only as
//! TimelineJS needs.

use crate::common;

use common::{fixture, run, scratch};
use serde_json::Value;

/// Imports a fixture (`--from` its kind) through the binary and returns the RON file's
/// path, checked. The file is named for the test too: tests run at once, and several import
/// the same fixture, so one test must not read the file while another writes it.
fn imported(from: &str, path: &str) -> String {
    let out = run(&["import", "--from", from, &fixture(path)]);
    out.code(0);
    let test = std::thread::current()
        .name()
        .unwrap_or("main")
        .replace("::", "-");
    let ron = scratch(
        &format!("republish-{test}-{}.ron", path.replace('/', "-")),
        out.stdout.as_bytes(),
    );
    run(&["check", &ron]).code(0);
    ron
}

fn export_json(ron: &str, extra: &[&str]) -> (Value, String) {
    let mut args = vec!["export", "--to", "timelinejs", "--file", ron];
    args.extend_from_slice(extra);
    let out = run(&args);
    out.code(0);
    (serde_json::from_str(&out.stdout).expect("JSON"), out.stderr)
}

fn slide<'a>(document: &'a Value, headline: &str) -> &'a Value {
    document["events"]
        .as_array()
        .expect("events")
        .iter()
        .find(|s| s["text"]["headline"] == headline)
        .unwrap_or_else(|| panic!("no slide {headline:?}"))
}

#[test]
fn a_file_without_a_title_is_published_without_one() {
    let ron = imported("timelinejs", "timelinejs/no-attribution.json");
    let (document, _) = export_json(&ron, &[]);
    assert_eq!(
        document.get("title"),
        None,
        "no title slide the file did not have"
    );
    let sheet = run(&["export", "--to", "csv", "--file", &ron]);
    assert!(
        !sheet.stdout.contains(",title,"),
        "no title row: {}",
        sheet.stdout
    );
    assert!(!sheet.stdout.contains("Imported from"), "{}", sheet.stdout);
}

#[test]
fn a_placeholder_source_is_never_published() {
    let ron = imported("timelinejs", "timelinejs/no-attribution.json");
    let (document, _) = export_json(&ron, &[]);
    let text = slide(&document, "A year later")["text"]["text"]
        .as_str()
        .unwrap_or_default();
    assert!(!text.contains("no-attribution.json"), "{text}");
    let kabul = slide(&document, "Kabul falls")["text"]["text"]
        .as_str()
        .unwrap_or_default();
    assert!(!kabul.contains("Sources"), "{kabul}");
    // And it survives the round trip through the export's record.
    let again = scratch(
        "republish-placeholder.json",
        document.to_string().as_bytes(),
    );
    let back = run(&["import", "--from", "timelinejs", &again]);
    back.code(0);
    assert!(
        back.stdout.contains("publisher: \"no-attribution.json\""),
        "{}",
        back.stdout
    );
}

#[test]
fn protocol_relative_media_is_kept_as_https() {
    let ron = imported("timelinejs", "timelinejs/republish.json");
    let text = std::fs::read_to_string(&ron).expect("ron");
    assert!(
        text.contains("url: \"https://upload.wikimedia.org/wikipedia/commons/a/a4/Example.jpg\""),
        "{text}"
    );
    let sheet = imported("csv", "csv/protocol-relative.csv");
    let text = std::fs::read_to_string(&sheet).expect("ron");
    assert!(
        text.contains("url: \"https://upload.wikimedia.org/"),
        "{text}"
    );
}

#[test]
fn captions_are_kept_beside_a_quote() {
    let ron = imported("timelinejs", "timelinejs/republish.json");
    let text = std::fs::read_to_string(&ron).expect("ron");
    assert!(
        text.contains("There is no demand for women engineers, as such. — Edith Clarke, in 1948"),
        "{text}"
    );
}

#[test]
fn grouped_files_keep_their_groups_by_default() {
    let ron = imported("timelinejs", "timelinejs/republish.json");
    let (document, _) = export_json(&ron, &[]);
    assert_eq!(slide(&document, "Tanks in Kabul")["group"], "Soldiers");
    assert_eq!(
        slide(&document, "Edith Clarke: Bucking the Trend")["group"],
        "Engineers"
    );
    // A sheet too: export, import and export again keep every row's group.
    let sheet = imported("csv", "csv/crlf.csv");
    let first = run(&["export", "--to", "csv", "--file", &sheet]);
    assert!(first.stdout.contains(",USSR,\r\n") && first.stdout.contains(",Taliban,\r\n"));
    // The built-in timeline, whose actors are written by hand, stays ungrouped.
    let (built_in, _) = {
        let out = run(&["export", "--to", "timelinejs"]);
        (
            serde_json::from_str::<Value>(&out.stdout).expect("JSON"),
            out.stderr,
        )
    };
    assert!(
        built_in["events"]
            .as_array()
            .expect("events")
            .iter()
            .all(|s| s.get("group").is_none())
    );
    // Asked for none, none.
    let (ungrouped, _) = export_json(&ron, &["--group-by", "none"]);
    assert_eq!(slide(&ungrouped, "Tanks in Kabul").get("group"), None);
}

#[test]
fn year_precision_ends_keep_what_timelinejs_meant() {
    let ron = imported("timelinejs", "timelinejs/republish.json");
    let text = std::fs::read_to_string(&ron).expect("ron");
    assert!(text.contains("end: \"0649\""), "{text}");
    // Adjacent in TimelineJS, adjacent here: no overlap warning, both kept by disjoint.
    let (document, stderr) = export_json(&ron, &["--eras", "disjoint"]);
    assert_eq!(
        document["eras"].as_array().map(Vec::len),
        Some(2),
        "{stderr}"
    );
    assert!(!stderr.contains("overlapping"), "{stderr}");
    assert_eq!(document["eras"][0]["end_date"]["year"], 649);
    let sheet = imported("csv", "csv/era-rows.csv");
    let text = std::fs::read_to_string(&sheet).expect("ron");
    assert!(
        text.contains("end: \"0649\"") && text.contains("end: \"0699\""),
        "{text}"
    );
}

#[test]
fn display_dates_are_escaped_only_as_timelinejs_needs() {
    let ron = scratch(
        "republish-quotes.ron",
        br#"(title: "T", actors: [(id: "a", name: "A", kind: State)], events: [
            (id: "x", date: "1979-09-14", title: "Amin ousts Taraki", summary: "S.",
             date_note: "Taraki's \"resignation\" <b>", actors: ["a"],
             sources: [(publisher: "P", title: "T")])])"#,
    );
    let (document, _) = export_json(&ron, &[]);
    // Quotes as they are (a screen reader reads the label as text); `<` escaped twice.
    assert_eq!(
        document["events"][0]["display_date"],
        "14 September 1979 — Taraki's \"resignation\" &amp;lt;b&amp;gt;"
    );
}

#[test]
fn the_built_in_date_lines_are_short_and_long_notes_go_in_the_text() {
    let out = run(&["export", "--to", "timelinejs"]);
    let document: Value = serde_json::from_str(&out.stdout).expect("JSON");
    let slides = document["events"].as_array().expect("events");
    for slide in slides {
        let line = slide["display_date"].as_str().unwrap_or_default();
        assert!(line.chars().count() <= 120, "a short date line: {line}");
        assert!(!line.contains(" — "), "dates only, in one style: {line}");
    }
    let taraki = slides
        .iter()
        .find(|s| s["unique_id"] == "amin-ousts-taraki")
        .or_else(|| {
            slides.iter().find(|s| {
                s["text"]["headline"]
                    .as_str()
                    .is_some_and(|h| h.contains("ousts Taraki"))
            })
        })
        .expect("the Taraki slide");
    let text = taraki["text"]["text"].as_str().expect("text");
    assert!(
        text.contains(
            "Radio Kabul announced Taraki&#39;s &quot;resignation&quot; on 16 September.</p>"
        ),
        "{text}"
    );
    // The record keeps the note, so an import gives it back as the date note.
    let json = scratch("republish-built-in.json", out.stdout.as_bytes());
    let back = run(&["import", "--from", "timelinejs", &json]);
    assert!(
        back.stdout
            .contains("date_note: \"September 1979 is well attested."),
        "date note restored"
    );
}

#[test]
fn a_headline_made_up_from_the_text_is_not_published() {
    let ron = imported("timelinejs", "timelinejs/republish.json");
    let (document, _) = export_json(&ron, &[]);
    let last = &document["events"][2];
    assert_eq!(last["text"]["headline"], "", "the original had no headline");
    assert!(last["text"]["text"].as_str().is_some_and(|t| {
        t.starts_with("<p>The last Soviet troops leave Afghanistan. The war is over.</p>")
    }));
    // Imported again, it gets the same title, from the same text.
    let again = scratch("republish-headline.json", document.to_string().as_bytes());
    let back = run(&["import", "--from", "timelinejs", &again]);
    assert!(
        back.stdout
            .contains("title: \"The last Soviet troops leave Afghanistan.\"")
    );
    // A headline of its own is published.
    assert_eq!(document["events"][1]["text"]["headline"], "Tanks in Kabul");
}

#[test]
fn warnings_are_one_line_per_kind_with_counts() {
    // 140 slides with an empty end_date and empty strings in presentation fields.
    let slides: Vec<String> = (0..140)
        .map(|i| {
            format!(
                r#"{{"start_date": {{"year": {}}}, "end_date": {{"year": ""}}, "background": {{"url": ""}},
                   "media": {{"url": "pic-{i}.jpg", "credit": "Agency", "thumbnail": ""}},
                   "text": {{"headline": "Slide {i}", "text": "Text."}}, "group": "G"}}"#,
                1900 + i
            )
        })
        .collect();
    let file = format!(
        r#"{{"title": {{"text": {{"headline": "Noise"}}}}, "events": [{}]}}"#,
        slides.join(",")
    );
    let path = scratch("noise.json", file.as_bytes());
    let out = run(&["import", "--from", "timelinejs", &path]);
    out.code(0);
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert!(lines.len() <= 4, "{}", out.stderr);
    assert!(
        out.stderr.contains("140 slides have an empty end_date"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("140 times: its media url '…' is not an absolute address"),
        "{}",
        out.stderr
    );
    assert!(
        !out.stderr.contains("not carried over"),
        "empty strings carry nothing: {}",
        out.stderr
    );
    // The built-in timeline is named as such, never by a path the user has not got.
    let built_in = run(&["export", "--to", "timelinejs"]);
    assert!(
        !built_in.stderr.contains("data/timeline.ron"),
        "{}",
        built_in.stderr
    );
    assert!(
        built_in.stderr.contains("the built-in timeline: "),
        "{}",
        built_in.stderr
    );
    // An empty file is told it is empty, not that a bracket is open.
    let empty = scratch("empty.json", b"");
    let out = run(&["import", "--from", "timelinejs", &empty]);
    out.code(2);
    assert!(out.stderr.contains("the file is empty"), "{}", out.stderr);
    assert!(
        !out.stderr.contains("probably not closed"),
        "{}",
        out.stderr
    );
}

#[test]
fn the_default_era_band_can_be_published_as_is_and_eras_can_be_picked() {
    let out = run(&["export", "--to", "timelinejs"]);
    out.code(0);
    let document: Value = serde_json::from_str(&out.stdout).expect("JSON");
    let ids: Vec<&str> = document["eras"]
        .as_array()
        .expect("eras")
        .iter()
        .filter_map(|e| e["afghan_timeline"]["id"].as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "pdpa-rule",
            "mujahideen-government",
            "us-intervention",
            "normalisation"
        ]
    );
    assert!(
        !out.stderr.contains("overlapping ones hide each other"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("--era ID picks them"), "{}", out.stderr);
    let picked = run(&[
        "export",
        "--to",
        "csv",
        "--era",
        "soviet-war",
        "--era",
        "first-emirate",
    ]);
    picked.code(0);
    let eras: Vec<&str> = picked
        .stdout
        .lines()
        .filter(|l| l.contains(",era,"))
        .collect();
    assert_eq!(eras.len(), 2, "{eras:?}");
    assert!(eras[0].contains("Soviet–Afghan War") && eras[1].contains("First Taliban emirate"));
    let unknown = run(&["export", "--to", "timelinejs", "--era", "pdpa"]);
    unknown.code(2);
    assert!(
        unknown
            .stderr
            .contains("--era 'pdpa': no era has that id; the eras are 'pdpa-rule',"),
        "{}",
        unknown.stderr
    );
    let misplaced = run(&["export", "--to", "markdown", "--era", "pdpa-rule"]);
    misplaced.code(2);
    assert!(
        misplaced
            .stderr
            .contains("options of '--to timelinejs' and '--to csv' only")
    );
}
