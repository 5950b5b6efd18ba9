//! Dates: parsing, precision, the days a date covers, ordering, and calendar intervals.

use crate::common::{self, date};

use afghan_timeline::model::{Date, DateError, Interval, Precision};
use chrono::NaiveDate;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real day")
}

#[test]
fn valid_dates_keep_their_precision() {
    // (input, precision, approximate, year, month, day); each prints back as written.
    type Row = (&'static str, Precision, bool, i32, Option<u32>, Option<u32>);
    let table: &[Row] = &[
        ("1994", Precision::Year, false, 1994, None, None),
        ("1979-12", Precision::Month, false, 1979, Some(12), None),
        (
            "1979-12-24",
            Precision::Day,
            false,
            1979,
            Some(12),
            Some(24),
        ),
        ("~1994", Precision::Year, true, 1994, None, None),
        ("~1995-08", Precision::Month, true, 1995, Some(8), None),
        ("~1996-09-27", Precision::Day, true, 1996, Some(9), Some(27)),
        ("2024-02-29", Precision::Day, false, 2024, Some(2), Some(29)),
        ("2000-02-29", Precision::Day, false, 2000, Some(2), Some(29)),
        ("0921", Precision::Year, false, 921, None, None),
    ];
    for &(input, precision, approximate, year, month, day) in table {
        let d = date(input);
        assert_eq!(d.precision(), precision, "{input}");
        assert_eq!(d.is_approximate(), approximate, "{input}");
        assert_eq!(d.year(), year, "{input}");
        assert_eq!(d.month(), month, "{input}");
        assert_eq!(d.day(), day, "{input}");
        assert_eq!(d.to_string(), input, "a date prints as it was written");
        assert_eq!(d.iso(), input);
    }
}

#[test]
fn invalid_dates_are_rejected_with_the_reason() {
    let table: &[(&str, DateError)] = &[
        (
            "1989-02-30",
            DateError::Day {
                year: 1989,
                month: 2,
                day: 30,
            },
        ),
        (
            "2023-02-29",
            DateError::Day {
                year: 2023,
                month: 2,
                day: 29,
            },
        ),
        (
            "1900-02-29",
            DateError::Day {
                year: 1900,
                month: 2,
                day: 29,
            },
        ),
        (
            "1979-04-31",
            DateError::Day {
                year: 1979,
                month: 4,
                day: 31,
            },
        ),
        (
            "1979-12-00",
            DateError::Day {
                year: 1979,
                month: 12,
                day: 0,
            },
        ),
        ("1989-13-01", DateError::Month(13)),
        ("1989-13", DateError::Month(13)),
        ("1989-00", DateError::Month(0)),
        ("yesterday", DateError::Shape),
        ("79", DateError::Shape),
        ("1979-1-2", DateError::Shape),
        ("1979-01-2", DateError::Shape),
        ("", DateError::Shape),
        ("~", DateError::Shape),
        ("~~1979", DateError::Shape),
        ("1979-", DateError::Shape),
        ("1979-12-24-1", DateError::Shape),
        ("1979-12-24T00:00", DateError::Shape),
        (" 1979", DateError::Shape),
        ("1979 ", DateError::Shape),
        ("+1979", DateError::Shape),
        ("19790", DateError::Shape),
        ("1979/12/24", DateError::Shape),
        ("١٩٧٩", DateError::Shape),
    ];
    for (input, expected) in table {
        assert_eq!(
            input.parse::<Date>().as_ref(),
            Err(expected),
            "{input:?} must be rejected"
        );
    }
}

#[test]
fn date_errors_say_what_is_wrong() {
    let message = |s: &str| s.parse::<Date>().unwrap_err().to_string();
    assert_eq!(message("1989-02-30"), "day 30 does not exist in 1989-02");
    assert_eq!(
        message("1989-13-01"),
        "month 13 does not exist (months are 01 to 12)"
    );
    assert!(message("yesterday").contains("\"1979-12-24\""));
}

#[test]
fn a_date_covers_the_days_of_its_period() {
    let table = [
        ("1979", day(1979, 1, 1), day(1979, 12, 31)),
        ("1979-12", day(1979, 12, 1), day(1979, 12, 31)),
        ("1979-04", day(1979, 4, 1), day(1979, 4, 30)),
        ("2024-02", day(2024, 2, 1), day(2024, 2, 29)),
        ("2023-02", day(2023, 2, 1), day(2023, 2, 28)),
        ("1979-12-24", day(1979, 12, 24), day(1979, 12, 24)),
        ("~1994", day(1994, 1, 1), day(1994, 12, 31)),
    ];
    for (input, first, last) in table {
        assert_eq!(date(input).first_day(), first, "first day of {input}");
        assert_eq!(date(input).last_day(), last, "last day of {input}");
    }
}

#[test]
fn ordering_puts_an_imprecise_date_at_the_start_of_its_period() {
    assert_eq!(date("1979").sort_key(), date("1979-01-01").sort_key());
    assert_eq!(date("1979-12").sort_key(), date("1979-12-01").sort_key());
    assert!(date("1979").sort_key() < date("1979-01-02").sort_key());
    assert!(date("1979-12").sort_key() > date("1979-11-30").sort_key());
    // Ord is total and consistent with Eq: same first day, coarser first, exact first.
    let mut dates = [
        date("~1979-01-01"),
        date("1979-01-01"),
        date("1979-01"),
        date("~1979"),
        date("1979"),
        date("1978-12-31"),
    ];
    dates.sort();
    let sorted: Vec<String> = dates.iter().map(ToString::to_string).collect();
    assert_eq!(
        sorted,
        [
            "1978-12-31",
            "1979",
            "~1979",
            "1979-01",
            "1979-01-01",
            "~1979-01-01"
        ]
    );
    assert_ne!(date("1979"), date("1979-01-01"));
}

#[test]
fn timeline_ties_keep_file_order_both_ways_round() {
    let year_first = common::load_text(&common::timeline_of(&[
        ("later", "1980", None),
        ("year", "1979", None),
        ("day", "1979-01-01", None),
        ("month", "1979-01", None),
        ("earlier", "1978-12-31", None),
    ]));
    assert_eq!(
        common::ids(&year_first),
        ["earlier", "year", "day", "month", "later"]
    );
    let day_first = common::load_text(&common::timeline_of(&[
        ("later", "1980", None),
        ("day", "1979-01-01", None),
        ("month", "~1979-01", None),
        ("year", "1979", None),
        ("earlier", "1978-12-31", None),
    ]));
    assert_eq!(
        common::ids(&day_first),
        ["earlier", "day", "month", "year", "later"]
    );
}

#[test]
fn short_and_long_forms() {
    let table = [
        ("1979", "1979", "1979"),
        ("1979-12", "Dec 1979", "December 1979"),
        ("1979-12-24", "24 Dec 1979", "24 December 1979"),
        ("~1994", "~1994", "about 1994"),
        ("~1995-08", "~Aug 1995", "about August 1995"),
    ];
    for (input, short, long) in table {
        assert_eq!(date(input).short(), short);
        assert_eq!(date(input).long(), long);
    }
}

#[test]
fn interval_between_days() {
    // (from, to, years, months, days, displayed)
    let table = [
        ((1979, 12, 24), (1989, 2, 15), (9, 1, 22), "+9 y 1 m"),
        ((1979, 12, 24), (1980, 4, 5), (0, 3, 12), "+3 m 12 d"),
        ((1979, 12, 24), (1979, 12, 29), (0, 0, 5), "+5 d"),
        ((1979, 12, 24), (1979, 12, 24), (0, 0, 0), "+0 d"),
        ((1979, 12, 24), (1980, 12, 24), (1, 0, 0), "+1 y"),
        ((1979, 12, 24), (1981, 1, 2), (1, 0, 9), "+1 y"),
        ((1979, 12, 24), (1980, 2, 24), (0, 2, 0), "+2 m"),
        // The day of the month has not been reached: one month less, the rest in days.
        ((1979, 1, 31), (1979, 3, 1), (0, 1, 1), "+1 m 1 d"),
        ((2024, 1, 31), (2024, 2, 29), (0, 1, 0), "+1 m"),
        ((2024, 2, 29), (2025, 3, 1), (1, 0, 1), "+1 y"),
        ((1921, 2, 28), (2026, 1, 15), (104, 10, 18), "+104 y 10 m"),
    ];
    for ((fy, fm, fd), (ty, tm, td), (years, months, days), shown) in table {
        let interval = Interval::between(day(fy, fm, fd), day(ty, tm, td));
        assert_eq!(
            interval,
            Interval {
                years,
                months,
                days
            },
            "{fy}-{fm}-{fd} to {ty}-{tm}-{td}"
        );
        assert_eq!(interval.to_string(), shown);
    }
}

#[test]
fn interval_backwards_is_zero() {
    let zero = Interval {
        years: 0,
        months: 0,
        days: 0,
    };
    assert_eq!(Interval::between(day(1989, 2, 15), day(1979, 12, 24)), zero);
}

/// A range lasts from its first day to its last, both counted: "lasted 2 d" for 24–25
/// December 1979, a day for one day, and whole months for month ranges.
#[test]
fn lasted_counts_both_ends_of_a_range() {
    let table = [
        ((1979, 12, 24), (1979, 12, 25), "+2 d"),
        ((1979, 12, 24), (1979, 12, 24), "+1 d"),
        ((1979, 12, 1), (1989, 2, 28), "+9 y 3 m"),
        ((1979, 12, 24), (1989, 2, 15), "+9 y 1 m"),
        ((2024, 2, 1), (2024, 2, 29), "+1 m"),
    ];
    for ((fy, fm, fd), (ty, tm, td), shown) in table {
        assert_eq!(
            Interval::inclusive(day(fy, fm, fd), day(ty, tm, td)).to_string(),
            shown,
            "{fy}-{fm}-{fd} to {ty}-{tm}-{td}"
        );
    }
}
