//! Dates before the common era: `"-0500"` is 500 BCE. Parsing, printing back, human
//! forms, ordering, the days a date covers, and the command line.

use crate::common::{self, date};

use afghan_timeline::model::{Date, DateError, Interval, Precision};
use chrono::NaiveDate;

#[test]
fn negative_years_parse_and_print_back_as_written() {
    type Row = (&'static str, Precision, bool, i32, Option<u32>, Option<u32>);
    let table: &[Row] = &[
        ("-0500", Precision::Year, false, -500, None, None),
        ("-0001", Precision::Year, false, -1, None, None),
        ("-9999", Precision::Year, false, -9999, None, None),
        ("-0500-03", Precision::Month, false, -500, Some(3), None),
        ("-0044-03-15", Precision::Day, false, -44, Some(3), Some(15)),
        ("~-0330", Precision::Year, true, -330, None, None),
        (
            "~-0330-06-10",
            Precision::Day,
            true,
            -330,
            Some(6),
            Some(10),
        ),
    ];
    for &(input, precision, approximate, year, month, day) in table {
        let d = date(input);
        assert_eq!(d.precision(), precision, "{input}");
        assert_eq!(d.is_approximate(), approximate, "{input}");
        assert_eq!(d.year(), year, "{input}");
        assert_eq!(d.month(), month, "{input}");
        assert_eq!(d.day(), day, "{input}");
        assert_eq!(d.to_string(), input, "a date prints as it was written");
    }
}

#[test]
fn malformed_negative_years_are_rejected() {
    let table: &[(&str, DateError)] = &[
        ("-0000", DateError::NegativeZero),
        ("-0000-01-01", DateError::NegativeZero),
        ("0000", DateError::YearZero),
        ("~0000-06", DateError::YearZero),
        ("-500", DateError::Shape),
        ("-05000", DateError::Shape),
        ("--0500", DateError::Shape),
        ("-~0500", DateError::Shape),
        ("- 0500", DateError::Shape),
        ("-", DateError::Shape),
        ("-0500-13", DateError::Month(13)),
        (
            "-0500-02-30",
            DateError::Day {
                year: -500,
                month: 2,
                day: 30,
            },
        ),
    ];
    for (input, expected) in table {
        assert_eq!(input.parse::<Date>().as_ref(), Err(expected), "{input:?}");
    }
    let message = |s: &str| s.parse::<Date>().unwrap_err().to_string();
    assert_eq!(message("-0500-02-30"), "day 30 does not exist in -0500-02");
    assert!(message("-0000").contains("there is no year -0000"));
}

#[test]
fn human_forms_say_bce() {
    let table = [
        ("-0500", "500 BCE", "500 BCE"),
        ("-0500-03", "Mar 500 BCE", "March 500 BCE"),
        ("-0044-03-15", "15 Mar 44 BCE", "15 March 44 BCE"),
        ("~-0330", "~330 BCE", "about 330 BCE"),
        ("0921", "921", "921"),
    ];
    for (input, short, long) in table {
        assert_eq!(date(input).short(), short, "{input}");
        assert_eq!(date(input).long(), long, "{input}");
    }
}

#[test]
fn earlier_years_sort_first_and_cover_their_days() {
    let mut dates: Vec<Date> = ["1979", "0001", "-0001", "-0044-03-15", "-0500", "-0044"]
        .iter()
        .map(|s| date(s))
        .collect();
    dates.sort();
    let sorted: Vec<String> = dates.iter().map(ToString::to_string).collect();
    assert_eq!(
        sorted,
        ["-0500", "-0044", "-0044-03-15", "-0001", "0001", "1979"]
    );
    assert!(date("-0500").sort_key() < date("-0001").sort_key());
    // chrono counts astronomical years: 500 BCE is its year -499.
    let first = NaiveDate::from_ymd_opt(-499, 1, 1).expect("a day");
    let last = NaiveDate::from_ymd_opt(-499, 12, 31).expect("a day");
    assert_eq!(date("-0500").first_day(), first);
    assert_eq!(date("-0500").last_day(), last);
}

#[test]
fn the_command_line_filters_and_shows_bce_events() {
    let text = common::timeline_of(&[
        ("modern", "1979", None),
        ("ides", "-0044-03-15", None),
        ("alexander", "~-0330", Some("-0327")),
    ]);
    let path = common::scratch("bce.ron", text.as_bytes());
    let all = common::run(&["list", "--file", &path, "--format", "id"]);
    all.code(0);
    assert_eq!(all.stdout, "alexander\nides\nmodern\n");
    let range = common::run(&[
        "list", "--file", &path, "--from", "-0100", "--to", "-0044-03", "--format", "id",
    ]);
    range.code(0);
    assert_eq!(range.stdout, "ides\n");
    let show = common::run(&["show", "alexander", "--file", &path]);
    assert!(
        show.stdout.starts_with("~330 BCE – 327 BCE  alexander\n"),
        "{}",
        show.stdout
    );
    let line = common::run(&["list", "--file", &path, "--format", "line"]);
    assert!(
        line.stdout.starts_with("~-0330\tA\talexander\n"),
        "{}",
        line.stdout
    );
}

/// Historians' years: 1 BCE is followed by AD 1, so intervals across the era boundary
/// have no year 0 in them, and 1 BCE is a leap year as the proleptic calendar has it.
#[test]
fn intervals_across_the_era_boundary_count_historians_years() {
    let one_day = date("-0001-12-31").first_day();
    assert_eq!((date("0001-01-01").first_day() - one_day).num_days(), 1);
    let years = |a: &str, b: &str| Interval::between(date(a).first_day(), date(b).first_day());
    assert_eq!(years("-0001", "0001").years, 1);
    assert_eq!(years("-0044-03-15", "0014-08-19").years, 57);
    assert_eq!(years("-0001-06-01", "0001-06-01").to_string(), "+1 y");
    assert!(Date::ymd(-1, 2, 29).is_some());
    assert!(Date::ymd(0, 1, 1).is_none());
    assert_eq!(date("-0001-02-29").to_string(), "-0001-02-29");
}
