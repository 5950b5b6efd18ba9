//! The calendars on the command line: `show`, `list` in every format, `export`, the dates
//! typed in a Hijri calendar, and the mistakes. The dates expected here are those of the
//! reference table (`calendar_reference.rs`, from convertdate, jdatetime and hijridate) and
//! of the issue; the spellings are CLDR's.

use crate::common::{assert_no_crash, fixture, run};

const EDGES: &str = "calendars/edges.ron";

fn show(id: &str, extra: &[&str]) -> String {
    let mut args = vec!["show", id];
    args.extend_from_slice(extra);
    run(&args).code(0).stdout.clone()
}

fn ids(args: &[&str]) -> Vec<String> {
    let mut all = vec!["list", "--format", "id"];
    all.extend_from_slice(args);
    run(&all).stdout.lines().map(str::to_owned).collect()
}

#[test]
fn show_gives_both_dates_of_the_built_in_events() {
    let sh = ["--calendar", "solar-hijri"];
    let kabul = show("taliban-take-kabul-2021", &sh);
    assert!(kabul.starts_with("24 Asad 1400 SH  "), "{kabul}");
    assert!(
        kabul.contains("  date: 15 August 2021 · 24 Asad 1400 SH\n"),
        "{kabul}"
    );
    assert!(show("soviet-intervention", &sh).contains("3 Jadi 1358"));
    assert!(show("russia-recognition", &sh).contains("3 July 2025 · 12 Saratan 1404 SH"));
    assert!(show("soviet-withdrawal-complete", &sh).contains("26 Dalw 1367 SH"));
    // The flag is global: before the subcommand as well.
    let before = run(&[
        "--calendar",
        "solar-hijri",
        "show",
        "taliban-take-kabul-2021",
    ]);
    assert_eq!(before.code(0).stdout, kabul);
    // Without it, nothing changes.
    assert!(!show("taliban-take-kabul-2021", &[]).contains("Asad"));
}

#[test]
fn lunar_hijri_names_its_variant() {
    let uq = show("taliban-take-kabul-2021", &["--calendar", "lunar-hijri"]);
    assert!(
        uq.contains("15 August 2021 · 7 Muharram 1443 AH (Umm al-Qura)"),
        "{uq}"
    );
    let tab = show(
        "taliban-take-kabul-2021",
        &["--calendar", "lunar-hijri", "--hijri", "tabular"],
    );
    assert!(
        tab.contains("15 August 2021 · 6 Muharram 1443 AH (tabular)"),
        "{tab}"
    );
}

#[test]
fn dari_and_pashto_month_names_and_digits() {
    let dari = show(
        "taliban-take-kabul-2021",
        &["--calendar", "solar-hijri", "--lang", "fa-AF"],
    );
    assert!(dari.contains("15 August 2021 · ۲۴ اسد ۱۴۰۰ ه.ش."), "{dari}");
    let pashto = show(
        "taliban-take-kabul-2021",
        &["--calendar", "solar-hijri", "--lang", "ps"],
    );
    assert!(pashto.contains("۲۴ زمری ۱۴۰۰"), "{pashto}");
    let lunar = show(
        "taliban-take-kabul-2021",
        &["--calendar", "lunar-hijri", "--lang", "fa-AF"],
    );
    assert!(lunar.contains("۷ محرم ۱۴۴۳ ه.ق."), "{lunar}");
}

#[test]
fn precision_stays_honest() {
    let file = fixture(EDGES);
    let sh = ["--file", file.as_str(), "--calendar", "solar-hijri"];
    let shown = |id: &str| show(id, &sh);
    assert!(shown("march-2011").contains("date: March 2011 · Hut 1389 – Hamal 1390 SH"));
    let year = shown("year-1919");
    assert!(year.contains("date: 1919 · 1297–1298 SH"), "{year}");
    assert!(
        year.contains("calendar note: Solar Hijri dates before 1336 SH (1957)"),
        "{year}"
    );
    let about = shown("about-1994");
    assert!(
        about.contains("date: about 1994 · ~1372–1373 SH"),
        "{about}"
    );
    assert!(!about.contains("calendar note"), "{about}");
    assert!(shown("about-march").contains("· ~Hut 1389 – Hamal 1390 SH"));
    // 1 Hamal 1336 is the first day Afghanistan's fixed months count.
    let fixed = shown("fixed");
    assert!(
        fixed.contains("date: 21 March 1957 · 1 Hamal 1336 SH"),
        "{fixed}"
    );
    assert!(!fixed.contains("calendar note"), "{fixed}");
    // Before 622 CE, before the common era, and a year begun before the Hijra: the
    // Gregorian alone, and no error.
    for (id, date) in [
        ("bce", "15 March 44 BCE"),
        ("before-622", "600"),
        ("hijra-year", "622"),
    ] {
        let out = shown(id);
        assert!(out.contains(&format!("  date: {date}\n")), "{out}");
        assert!(!out.contains("SH"), "{out}");
        let lunar = show(id, &["--file", file.as_str(), "--calendar", "lunar-hijri"]);
        assert!(!lunar.contains("AH"), "{lunar}");
    }
}

#[test]
fn list_formats_use_the_calendar() {
    let day = [
        "--from",
        "2021-08-15",
        "--to",
        "2021-08-15",
        "--calendar",
        "solar-hijri",
    ];
    let with = |format: &str| {
        let mut args = vec!["list", "--format", format];
        args.extend_from_slice(&day);
        run(&args).code(0).stdout.clone()
    };
    let line = with("line");
    assert!(
        line.lines().all(|l| l.starts_with("24 Asad 1400 SH\t")),
        "{line}"
    );
    assert!(with("text").starts_with("24 Asad 1400 SH  "));
    let markdown = with("markdown");
    assert!(markdown.starts_with("## 24 Asad 1400 SH: "), "{markdown}");
    assert!(
        markdown.contains("**Date:** 15 August 2021 · 24 Asad 1400 SH"),
        "{markdown}"
    );
    let json = with("json");
    let first: serde_json::Value =
        serde_json::from_str(json.lines().next().expect("a line")).expect("JSON");
    assert_eq!(first["date"], "2021-08-15", "the Gregorian date unchanged");
    assert_eq!(first["calendar_date"]["calendar"], "solar-hijri");
    assert_eq!(first["calendar_date"]["text"], "24 Asad 1400 SH");
    assert_eq!(first["calendar_date"]["first_day"], "1400-05-24");
    let plain = run(&[
        "list",
        "--format",
        "json",
        "--from",
        "2021-08-15",
        "--to",
        "2021-08-15",
    ]);
    assert!(!plain.stdout.contains("calendar_date"));
}

#[test]
fn dates_typed_in_either_calendar() {
    let gregorian = ids(&["--from", "2021-08-15", "--to", "2021-08-15"]);
    assert!(gregorian.contains(&"taliban-take-kabul-2021".to_owned()));
    for day in [
        "sh:1400-05-24",
        "ah:1443-01-07",
        "24 Asad 1400",
        "۲۴ اسد ۱۴۰۰",
    ] {
        assert_eq!(ids(&["--from", day, "--to", day]), gregorian, "{day}");
    }
    // A Hijri month or year is its days: Asad 1400 is 23 July – 22 August 2021.
    let asad = ids(&["--from", "2021-07-23", "--to", "2021-08-22"]);
    for month in ["sh:1400-05", "asad 1400"] {
        assert_eq!(ids(&["--from", month, "--to", month]), asad, "{month}");
    }
    let year = ids(&["--from", "2021-03-21", "--to", "2022-03-20"]);
    assert_eq!(ids(&["--from", "sh:1400", "--to", "sh:1400"]), year);
    // The query's date words read them too.
    assert_eq!(ids(&["--query", "sh:1400-05-24"]), gregorian);
    assert_eq!(ids(&["--query", "asad 1400"]), asad);
}

#[test]
fn impossible_hijri_dates_say_why() {
    for (value, why) in [
        (
            "sh:1400-13-01",
            "month 13 does not exist in the Solar Hijri calendar",
        ),
        (
            "sh:1400-12-31",
            "day 31 does not exist in Hut 1400 SH, which has 29 days",
        ),
        ("sh:1400-12-30", "(it is not a leap year)"),
        ("ah:1443-01-31", "day 31 does not exist in Muharram 1443 AH"),
        ("sh:14x0", "expected sh:1400, sh:1400-05 or sh:1400-05-24"),
        ("sh:0", "the Solar Hijri years run from 1 (622 CE) to 9999"),
        ("qaws", "expected a date like"),
    ] {
        let out = run(&["list", "--from", value]);
        out.code(2);
        assert!(
            out.stderr
                .contains(&format!("--from '{value}' is not a date: ")),
            "{}",
            out.stderr
        );
        assert!(out.stderr.contains(why), "{value}: {}", out.stderr);
        assert!(
            out.stderr.contains("sh:YYYY-MM-DD"),
            "says what to do: {}",
            out.stderr
        );
        assert_no_crash(&out.stderr);
    }
    // 1399 was a leap year: its 30 Hut exists.
    run(&["list", "--from", "sh:1399-12-30", "--format", "id"]).code(0);
}

#[test]
fn exports_write_the_converted_date_beside() {
    let markdown = run(&["export", "--to", "markdown", "--calendar", "solar-hijri"]);
    let markdown = &markdown.code(0).stdout;
    assert!(
        markdown.contains("### 15 Aug 2021 · 24 Asad 1400 SH: "),
        "{markdown}"
    );
    let tljs = run(&["export", "--to", "timelinejs", "--calendar", "solar-hijri"]);
    let doc: serde_json::Value = serde_json::from_str(&tljs.code(0).stdout).expect("JSON");
    let slide = doc["events"]
        .as_array()
        .expect("events")
        .iter()
        .find(|s| s["unique_id"] == "taliban-take-kabul-2021")
        .expect("the slide");
    let shown = slide["display_date"].as_str().expect("a display date");
    assert!(
        shown.starts_with("15 August 2021 · 24 Asad 1400 SH"),
        "{shown}"
    );
    // Imported back, the converted date is taken off again: as if exported without it.
    let path = crate::common::scratch("calendar-export.json", tljs.stdout.as_bytes());
    let plain = run(&["export", "--to", "timelinejs"]);
    let plain_path = crate::common::scratch("plain-export.json", plain.stdout.as_bytes());
    let back = run(&["import", "--from", "timelinejs", &path]);
    let plain_back = run(&["import", "--from", "timelinejs", &plain_path]);
    // The first line names the file read.
    let body = |text: &str| text.lines().skip(1).map(str::to_owned).collect::<Vec<_>>();
    let (back, plain_back) = (body(&back.code(0).stdout), body(&plain_back.code(0).stdout));
    let differ = back.iter().zip(&plain_back).find(|(a, b)| a != b);
    assert_eq!(differ, None);
    assert_eq!(back.len(), plain_back.len());
}

#[test]
fn the_flags_take_any_case_and_refuse_other_values() {
    let out = run(&[
        "show",
        "taliban-take-kabul-2021",
        "--calendar",
        "Solar-Hijri",
        "--lang",
        "FA-af",
    ]);
    assert!(out.code(0).stdout.contains("۲۴ اسد ۱۴۰۰"));
    let bad = run(&["show", "taliban-take-kabul-2021", "--calendar", "julian"]);
    bad.code(2);
    assert!(bad.stderr.contains("'julian'"), "{}", bad.stderr);
    assert!(
        bad.stderr.contains("solar-hijri"),
        "says what would do: {}",
        bad.stderr
    );
    assert_no_crash(&bad.stderr);
}
