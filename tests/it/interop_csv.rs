//! Sheets (CSV) in TimelineJS's Google Sheets layout (issue 21): the export's columns and
//! rows, the import of sheets as spreadsheet programs write them (one fixture per quirk),
//! bad sheets and their messages, TimelineJS3's own sample sheets, the byte-identical
//! round trip of the built-in timeline, and `list --format csv`.

use std::fmt::Write as _;

use crate::common;

use afghan_timeline::interop::csv::HEADERS;
use common::{fixture, run, scratch};

/// The rows of a CSV text, as the `csv` crate reads them (RFC 4180).
fn rows(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.expect("RFC 4180").iter().map(str::to_owned).collect())
        .collect()
}

fn cell<'a>(row: &'a [String], column: &str) -> &'a str {
    let i = HEADERS.iter().position(|h| *h == column).expect("a column");
    &row[i]
}

/// Imports a sheet fixture through the binary, checks the result, and returns the RON
/// text and the warnings.
fn import(path: &str) -> (String, String) {
    let sheet = fixture(path);
    let imported = run(&["import", "--from", "csv", &sheet]);
    imported.code(0);
    let ron = scratch(
        &format!("csv-{}.ron", path.replace('/', "-")),
        imported.stdout.as_bytes(),
    );
    let checked = run(&["check", &ron]);
    checked.code(0);
    (imported.stdout, imported.stderr)
}

fn event_count(ron: &str) -> usize {
    afghan_timeline::load::parse(ron, "imported.ron")
        .expect("loads")
        .events
        .len()
}

#[test]
fn the_export_has_timelinejs_columns_a_title_row_era_rows_and_a_row_per_event() {
    let out = run(&["export", "--to", "csv", "--eras", "all"]);
    out.code(0);
    assert!(out.stdout.starts_with(
        "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,\
         Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background\r\n"
    ));
    let rows = rows(&out.stdout);
    let timeline =
        afghan_timeline::load::parse(include_str!("../../data/timeline.ron"), "data/timeline.ron")
            .expect("built-in");
    assert!(rows.iter().all(|r| r.len() == 18), "every row has 18 cells");
    let kind = |k: &str| rows[1..].iter().filter(|r| cell(r, "Type") == k).count();
    assert_eq!(kind("title"), 1);
    assert_eq!(kind("era"), timeline.eras.len());
    assert_eq!(kind(""), timeline.events.len());
    assert_eq!(
        rows.len(),
        1 + 1 + timeline.eras.len() + timeline.events.len()
    );
    // Precision from the cells filled: a year alone, a month, a day.
    for (row, event) in rows[1..]
        .iter()
        .filter(|r| cell(r, "Type").is_empty())
        .zip(&timeline.events)
    {
        assert_eq!(cell(row, "Year"), event.date.year().to_string());
        assert_eq!(
            cell(row, "Month").is_empty(),
            event.date.month().is_none(),
            "{}",
            event.id
        );
        assert_eq!(
            cell(row, "Day").is_empty(),
            event.date.day().is_none(),
            "{}",
            event.id
        );
        // What TimelineJS's sheet reader rejects: a date cell that is not a whole number.
        for column in ["Year", "Month", "Day", "End Year", "End Month", "End Day"] {
            let value = cell(row, column);
            assert!(
                value.is_empty()
                    || value
                        .trim_start_matches('-')
                        .chars()
                        .all(|c| c.is_ascii_digit()),
                "{}: {column} {value:?}",
                event.id
            );
        }
    }
}

#[test]
fn export_import_export_is_byte_identical_for_the_built_in_timeline() {
    let first = run(&["export", "--to", "csv"]);
    first.code(0);
    let sheet = scratch("round-trip.csv", first.stdout.as_bytes());
    let imported = run(&["import", "--from", "csv", &sheet]);
    imported.code(0);
    let ron = scratch("round-trip.ron", imported.stdout.as_bytes());
    run(&["check", &ron]).code(0);
    let second = run(&["export", "--to", "csv", "--file", &ron]);
    second.code(0);
    assert!(
        first.stdout == second.stdout,
        "the second export differs from the first"
    );
}

#[test]
fn each_quirk_of_spreadsheet_programs_imports() {
    // fixture, events expected
    let table = [
        ("csv/bom.csv", 2),
        ("csv/crlf.csv", 2),
        ("csv/multiline-cell.csv", 2),
        ("csv/trailing-empty.csv", 2),
        ("csv/header-order-case.csv", 2),
        ("csv/extra-column.csv", 2),
        ("csv/times.csv", 2),
    ];
    let (plain, _) = import("csv/crlf.csv");
    for (path, events) in table {
        let (ron, stderr) = import(path);
        assert_eq!(event_count(&ron), events, "{path}");
        assert!(!stderr.contains("skipped"), "{path}: {stderr}");
        if !matches!(path, "csv/times.csv" | "csv/multiline-cell.csv") {
            // The quirk changes nothing of what is imported (the comment names the file).
            let body = |r: &str| r.lines().skip(1).collect::<Vec<_>>().join("\n");
            assert_eq!(body(&ron), body(&plain), "{path}");
        }
    }
    let (ron, _) = import("csv/multiline-cell.csv");
    // The quoted cell is read whole, its doubled quotes as one; HTML folds its line break.
    assert!(
        ron.contains(r#"detail: "It lasts \"nine\" years, until 1989.""#),
        "{ron}"
    );
}

#[test]
fn the_imported_file_says_it_came_from_a_sheet() {
    let (ron, _) = import("csv/crlf.csv");
    let first = ron.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("// Imported from the CSV sheet ")
            && first.ends_with("crlf.csv by afghan-timeline."),
        "{first}"
    );
}

#[test]
fn an_extra_column_is_a_warning_naming_it() {
    let (_, stderr) = import("csv/extra-column.csv");
    assert!(
        stderr.contains("extra-column.csv:1: the column 'Notes' is not one of TimelineJS's"),
        "{stderr}"
    );
    assert!(
        stderr.contains("extra-column.csv:3: text in column S"),
        "{stderr}"
    );
}

#[test]
fn bad_sheets_are_refused_with_their_messages() {
    // fixture, a part of the message
    let table = [
        (
            "csv/bad/empty.csv",
            "empty.csv: the sheet is empty; a TimelineJS sheet opens with the header row Year,Month,",
        ),
        (
            "csv/bad/blank-lines.csv",
            "blank-lines.csv: the sheet is empty",
        ),
        (
            "csv/bad/missing-year.csv",
            "missing-year.csv:1:1: the header has no 'Year' column",
        ),
        (
            "csv/bad/missing-headline.csv",
            "missing-headline.csv:1:1: the header has no 'Headline' column",
        ),
        (
            "csv/bad/header-only.csv",
            "header-only.csv:1:1: the sheet has its header row and no rows under it; nothing to import",
        ),
        (
            "csv/bad/not-utf8.csv",
            "not-utf8.csv:2:22: not valid UTF-8 (byte 0xe9); save the sheet as CSV in UTF-8",
        ),
    ];
    for (path, message) in table {
        let out = run(&["import", "--from", "csv", &fixture(path)]);
        out.code(2);
        assert!(out.stdout.is_empty(), "{path}: nothing written");
        assert!(out.stderr.contains(message), "{path}: {}", out.stderr);
    }
}

#[test]
fn what_a_row_cannot_map_is_said_at_its_line() {
    let (ron, stderr) = import("csv/bad/rows.csv");
    for message in [
        "rows.csv:3: 'A bad year': skipped: its start_date does not read: year '19x5' is not a whole number",
        "rows.csv:4: the month, day or time without a year is ignored",
        "rows.csv:4: 'No year at all': skipped: it has no start_date",
        "rows.csv:6: the type 'slide' is not 'title' or 'era'; the row is read as an event",
        "rows.csv:7: a second title row; it is read as an event",
    ] {
        assert!(stderr.contains(message), "{message}\n{stderr}");
    }
    assert_eq!(event_count(&ron), 2, "the fine row and the odd type");
    let (_, stderr) = import("csv/times.csv");
    assert!(
        stderr.contains("times.csv:4: the time 'half past' does not read as a time of day"),
        "{stderr}"
    );
}

#[test]
fn timelinejs_own_sample_sheets_import_with_every_row() {
    for path in [
        "csv/timelinejs3/contrib-women_in_computing.csv",
        "csv/timelinejs3/tests-women_in_computing.csv",
        "csv/timelinejs3/template-my-own-timeline.csv",
    ] {
        let text = std::fs::read_to_string(fixture(path)).expect("sample");
        let rows = rows(&text);
        let slides = rows[1..]
            .iter()
            .filter(|r| r.iter().any(|c| !c.trim().is_empty()))
            .filter(|r| !matches!(cell(r, "Type"), "title" | "era"))
            .count();
        let eras = rows[1..]
            .iter()
            .filter(|r| cell(r, "Type") == "era")
            .count();
        let (ron, stderr) = import(path);
        let timeline = afghan_timeline::load::parse(&ron, "imported.ron").expect("loads");
        assert_eq!(
            timeline.events.len(),
            slides,
            "{path}: every row a slide\n{stderr}"
        );
        assert_eq!(timeline.eras.len(), eras, "{path}");
        assert!(!stderr.contains("skipped"), "{path}: {stderr}");
        assert_eq!(
            timeline.title,
            rows.iter()
                .find(|r| cell(r, "Type") == "title")
                .map_or("", |r| cell(r, "Headline"))
        );
    }
}

#[test]
fn era_rows_become_eras() {
    let (ron, _) = import("csv/era-rows.csv");
    let timeline = afghan_timeline::load::parse(&ron, "imported.ron").expect("loads");
    let names: Vec<&str> = timeline.eras.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["First half", "Second half"]);
}

#[test]
fn list_format_csv_is_one_row_per_event_after_a_header() {
    let out = run(&["list", "--format", "csv", "--actor", "taliban"]);
    out.code(0);
    let ids = run(&["list", "--format", "id", "--actor", "taliban"]);
    let rows = rows(&out.stdout);
    assert_eq!(
        rows[0],
        [
            "id",
            "date",
            "precision",
            "title",
            "actors",
            "tags",
            "summary",
            "sources"
        ]
    );
    let listed: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(listed, ids.stdout.lines().collect::<Vec<_>>());
    assert!(
        rows[1..]
            .iter()
            .all(|r| r[4].split("; ").any(|a| a == "taliban"))
    );
    assert!(
        rows[1..]
            .iter()
            .all(|r| ["year", "month", "day"].contains(&r[2].as_str()))
    );
    assert!(out.stdout.contains("\r\n"), "RFC 4180 line ends");
}

#[test]
fn a_sheet_of_thousands_of_extra_columns_gets_a_line_per_kind() {
    let extra = 5000;
    let mut text = String::from("Year,Headline");
    for i in 0..extra {
        let _ = write!(text, ",Extra {i}");
    }
    text.push('\n');
    for row in 0..10 {
        let _ = write!(text, "199{row},Row {row}");
        text.push_str(&",x".repeat(extra));
        text.push('\n');
    }
    let sheet = scratch("wide.csv", text.as_bytes());
    let out = run(&["import", "--from", "csv", &sheet]);
    out.code(0);
    assert!(out.stderr.lines().count() <= 6, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("5000 times: the column '…' is not one of TimelineJS's"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("text in column C, D, E, F, G and 4995 more"),
        "{}",
        out.stderr
    );
    assert_eq!(event_count(&out.stdout), 10);
}

/// Nothing from a hostile sheet reaches the terminal as a control sequence: C0 and C1
/// controls, DEL and the bidi overrides are shown escaped wherever they are echoed.
fn assert_inert(what: &str, text: &str) {
    let raw = text.chars().find(|&c| {
        (c.is_control() && c != '\n' && c != '\r' && c != '\t')
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
    });
    assert!(raw.is_none(), "{what}: raw {raw:?} in {text:?}");
}

/// Hostile sheets (brief R21): control characters in cells and in the header, cells that
/// look like formulas, ragged rows, a cell of a megabyte, a quote left open. Each imports
/// or is refused (exit 2, `path:line`) without a panic, with nothing raw on the terminal,
/// and what is imported passes `check`.
#[test]
fn hostile_sheets_import_or_are_refused_without_a_raw_control_character() {
    let header = HEADERS.join(",");
    let row = |year: &str, headline: &str, rest: &str| format!("{year},,,,,,,,,{headline},{rest}");
    let huge = "A".repeat(1 << 20);
    // name, sheet, exit status, a part of stderr
    let sheets = [
        (
            "controls",
            format!(
                "{header},Evil\u{1b}[31m\n{}\n{}\n",
                row("19\u{1b}[2Jx5", "Head\u{7}\u{202e}", "t"),
                row(
                    "1990",
                    "\"Bad \u{1b}]0;pwned\u{7} \u{9b}31m\"",
                    "te\u{7f}xt,,,,,\u{1b}[1mtyp,grp\u{1b}[2J,"
                )
            ),
            0,
            "controls.csv:1: the column 'Evil\\u{1b}[31m' is not one of TimelineJS's",
        ),
        (
            "formulas",
            format!(
                "{header}\n{}\n",
                row(
                    "1990",
                    "\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"",
                    "+cmd|' /C calc'!A0,,,,,,@SUM(1),"
                )
            ),
            0,
            "",
        ),
        (
            "ragged",
            format!(
                "{header}\n{}\n1991,,,,,,,,,Long,t,,,,,,,,,,,,extra\n1992\n",
                row("1990", "Short", "")
            ),
            0,
            "ragged.csv:3: text in column W",
        ),
        (
            "huge",
            format!("{header}\n{}\n", row("1990", &huge, "t")),
            0,
            "",
        ),
        (
            "open-quote",
            format!("{header}\n{}\n", row("1990", "\"never closed", "t")),
            0,
            "",
        ),
        (
            "header-only",
            format!("{header}\r\n"),
            2,
            "header-only.csv:1:1: ",
        ),
    ];
    for (name, sheet, code, said) in sheets {
        let path = scratch(&format!("hostile-{name}.csv"), sheet.as_bytes());
        let out = run(&["import", "--from", "csv", &path]);
        out.code(code);
        common::assert_no_crash(&out.stderr);
        assert_inert(name, &out.stderr);
        assert_inert(name, &out.stdout);
        assert!(out.stderr.contains(said), "{name}: {}", out.stderr);
        if code == 0 {
            let ron = scratch(&format!("hostile-{name}.ron"), out.stdout.as_bytes());
            run(&["check", &ron]).code(0);
            // The sheet made of it again is inert too.
            let again = run(&["export", "--to", "csv", "--file", &ron]);
            again.code(0);
            assert_inert(name, &again.stdout);
            let listed = run(&["list", "--format", "csv", "--file", &ron]);
            assert_inert(name, &listed.stdout);
        } else {
            assert!(out.stdout.is_empty(), "{name}: nothing written");
        }
    }
}
