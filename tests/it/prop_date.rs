//! Property tests of dates: the file form round-trips, parsing accepts only the canonical
//! form, and `Ord` is a total order consistent with `Eq` and with the sort key.

use std::cmp::Ordering;

use afghan_timeline::model::{Date, Precision};
use proptest::prelude::*;

/// Parts of a date that exists: the year, a month and a day that exist in it.
fn parts() -> impl Strategy<Value = (i32, u32, u32)> {
    // A few years most of the time, so that equal and adjacent dates are common; any
    // four-digit year otherwise, leap years included (there is no year 0).
    let year = prop_oneof![3 => 1979..1982i32, 1 => 1..10_000i32, 1 => Just(2000), 1 => Just(1900)];
    (year, 1..=12u32, 1..=31u32).prop_map(|(y, m, d)| {
        let day = (1..=d)
            .rev()
            .find(|d| Date::ymd(y, m, *d).is_some())
            .unwrap_or(1);
        (y, m, day)
    })
}

fn precision() -> impl Strategy<Value = Precision> {
    prop_oneof![
        Just(Precision::Year),
        Just(Precision::Month),
        Just(Precision::Day)
    ]
}

/// The file form of a date, as an author would write it.
fn written((year, month, day): (i32, u32, u32), precision: Precision, approximate: bool) -> String {
    let tilde = if approximate { "~" } else { "" };
    match precision {
        Precision::Year => format!("{tilde}{year:04}"),
        Precision::Month => format!("{tilde}{year:04}-{month:02}"),
        Precision::Day => format!("{tilde}{year:04}-{month:02}-{day:02}"),
    }
}

fn date() -> impl Strategy<Value = Date> {
    (parts(), precision(), any::<bool>()).prop_map(|(p, precision, approximate)| {
        written(p, precision, approximate)
            .parse()
            .expect("written dates exist")
    })
}

/// Strings that look like dates, and many that nearly do.
fn date_like() -> impl Strategy<Value = String> {
    prop_oneof![
        "~?-?[0-9]{1,5}(-[0-9]{1,3}(-[0-9]{1,3})?)?",
        "[~0-9 +-]{0,12}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn written_dates_parse_with_their_parts(
        p in parts(), precision in precision(), approximate in any::<bool>()
    ) {
        let text = written(p, precision, approximate);
        let d: Date = text.parse().map_err(|e| TestCaseError::fail(format!("{text}: {e}")))?;
        prop_assert_eq!(d.year(), p.0);
        prop_assert_eq!(d.precision(), precision);
        prop_assert_eq!(d.is_approximate(), approximate);
        prop_assert_eq!(d.month(), (precision >= Precision::Month).then_some(p.1));
        prop_assert_eq!(d.day(), (precision == Precision::Day).then_some(p.2));
        prop_assert_eq!(d.to_string(), text);
    }

    #[test]
    fn display_round_trips(d in date()) {
        prop_assert_eq!(d.to_string().parse::<Date>(), Ok(d));
        prop_assert_eq!(d.iso(), d.to_string());
        prop_assert!(d.first_day() <= d.last_day());
    }

    /// Whatever parses is in the one canonical form, so it prints back as written.
    #[test]
    fn only_canonical_text_parses(text in date_like()) {
        if let Ok(d) = text.parse::<Date>() {
            prop_assert_eq!(d.to_string(), text);
            prop_assert_eq!(d.to_string().parse::<Date>(), Ok(d));
        }
    }

    #[test]
    fn ordering_is_a_total_order(a in date(), b in date(), c in date()) {
        // Consistent with Eq and with partial_cmp; antisymmetric.
        prop_assert_eq!(a.cmp(&b) == Ordering::Equal, a == b);
        prop_assert_eq!(a.partial_cmp(&b), Some(a.cmp(&b)));
        prop_assert_eq!(a.cmp(&b), b.cmp(&a).reverse());
        prop_assert_eq!(a.cmp(&a), Ordering::Equal);
        // Transitive.
        if a <= b && b <= c {
            prop_assert!(a <= c, "{a} <= {b} <= {c} but not {a} <= {c}");
        }
        if a < b && b < c {
            prop_assert!(a < c);
        }
        // Timelines sort by the first day: the order refines it.
        if a < b {
            prop_assert!(a.sort_key() <= b.sort_key());
        }
        prop_assert_eq!(a.sort_key() < b.sort_key(), a.first_day() < b.first_day());
    }

    #[test]
    fn sorting_agrees_with_pairwise_order(mut dates in prop::collection::vec(date(), 0..20)) {
        dates.sort();
        for w in dates.windows(2) {
            prop_assert!(w[0] <= w[1]);
            prop_assert!(w[0].sort_key() <= w[1].sort_key());
        }
    }
}
