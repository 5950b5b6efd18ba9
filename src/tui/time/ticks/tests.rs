//! The ticks at each zoom, in the Gregorian and in the calendars beside it.
use super::*;

const G: Reckoner = Reckoner::GREGORIAN;

fn day(y: i32, m: u32, d: u32) -> i64 {
    i64::from(day_number(NaiveDate::from_ymd_opt(y, m, d).unwrap()))
}

fn labels(scale: &Scale) -> (Step, Vec<String>) {
    let step = choose_step(scale, G);
    (
        step,
        ticks(scale, step, G)
            .into_iter()
            .filter_map(|t| t.label)
            .collect(),
    )
}

/// One table row per zoom level: a century down to days.
#[test]
fn each_zoom_level_ticks_at_its_round_step() {
    let cases: [(i64, i64, u16, Step, &[&str]); 6] = [
        (
            day(1900, 1, 1),
            day(2026, 1, 1) - day(1900, 1, 1),
            40,
            Step::Years(25),
            &["1900", "1925", "1950", "1975", "2000"],
        ),
        (
            day(1919, 1, 1),
            day(2026, 1, 1) - day(1919, 1, 1),
            100,
            Step::Years(10),
            &[
                "1920", "1930", "1940", "1950", "1960", "1970", "1980", "1990", "2000", "2010",
                "2020",
            ],
        ),
        (
            day(1979, 1, 1),
            day(1990, 1, 1) - day(1979, 1, 1),
            80,
            Step::Years(1),
            &[
                "1979", "1980", "1981", "1982", "1983", "1984", "1985", "1986", "1987", "1988",
                "1989",
            ],
        ),
        (
            day(1979, 1, 1),
            day(1981, 1, 1) - day(1979, 1, 1),
            120,
            Step::Months(3),
            &[
                "Jan 1979", "Apr 1979", "Jul 1979", "Oct 1979", "Jan 1980", "Apr 1980", "Jul 1980",
                "Oct 1980",
            ],
        ),
        (
            day(1979, 10, 1),
            day(1980, 4, 1) - day(1979, 10, 1),
            80,
            Step::Months(1),
            &[
                "Oct 1979", "Nov 1979", "Dec 1979", "Jan 1980", "Feb 1980", "Mar 1980",
            ],
        ),
        (
            day(1979, 12, 20),
            80,
            80,
            Step::Days(10),
            &[
                "21 Dec", "1 Jan", "11 Jan", "21 Jan", "1 Feb", "11 Feb", "21 Feb", "1 Mar",
            ],
        ),
    ];
    for (start, span, width, step, expected) in cases {
        let scale = Scale::new(start, span, width);
        let (chosen, got) = labels(&scale);
        assert_eq!(chosen, step, "{scale:?}");
        assert_eq!(got, expected, "{scale:?}");
    }
}

#[test]
fn before_the_common_era_years_read_bce() {
    // chrono's years: -599 is 600 BCE, -299 is 300 BCE.
    let start = day(-599, 1, 1);
    let scale = Scale::new(start, day(-299, 1, 1) - start, 60);
    let (step, got) = labels(&scale);
    assert_eq!(step, Step::Years(100));
    assert_eq!(got, ["600 BCE", "500 BCE", "400 BCE"]);
    assert_eq!(range_label(&scale, step, G), "600 BCE – 301 BCE");
    // Across the era boundary: no year 0; AD 1 follows 1 BCE.
    let start = day(-199, 1, 1);
    let (step, got) = labels(&Scale::new(start, day(201, 1, 1) - start, 60));
    assert_eq!(step, Step::Years(100));
    // Years of the first millennium say CE: a lone `1` or `100` reads as a day.
    assert_eq!(got[..4], ["200 BCE", "100 BCE", "1 CE", "100 CE"]);
    let month = Scale::new(day(-499, 3, 1), 365, 60);
    assert_eq!(
        labels(&month).1.first().map(String::as_str),
        Some("Apr 500 BCE")
    );
}

#[test]
fn labels_never_overlap_or_run_past_the_edge() {
    for width in [5u16, 17, 40, 80, 119, 200] {
        for (start, span) in [
            (day(1900, 1, 1), 46_000),
            (day(1979, 1, 1), 800),
            (day(-50, 6, 1), 90),
        ] {
            let scale = Scale::new(start, span, width);
            let step = choose_step(&scale, G);
            let mut end = 0u32;
            for t in ticks(&scale, step, G) {
                if let Some(label) = t.label {
                    let len = u32::try_from(label.chars().count()).unwrap();
                    assert!(u32::from(t.col) >= end, "{label} at {} overlaps", t.col);
                    end = u32::from(t.col) + len + 1;
                    assert!(end - 1 <= u32::from(width));
                }
            }
        }
    }
}

#[test]
fn ticks_are_bounded_by_the_width_not_the_days() {
    let scale = Scale::new(day(-100_000, 1, 1), 90_000_000, 30);
    let step = choose_step(&scale, G);
    assert!(ticks(&scale, step, G).len() <= 31);
}

#[test]
fn the_range_is_written_at_the_steps_precision() {
    let decade = Scale::new(day(1979, 1, 1), day(1989, 1, 1) - day(1979, 1, 1), 100);
    assert_eq!(
        range_label(&decade, choose_step(&decade, G), G),
        "1979 – 1988"
    );
    let month = Scale::new(day(1979, 12, 1), 31, 31);
    assert_eq!(
        range_label(&month, choose_step(&month, G), G),
        "1 Dec 1979 – 31 Dec 1979"
    );
    let months = Scale::new(day(1979, 12, 1), 120, 40);
    assert_eq!(
        range_label(&months, Step::Months(1), G),
        "Dec 1979 – Mar 1980"
    );
}

/// In the Solar Hijri calendar the ticks fall on Nowruz (1 Hamal 1358 is 21 March 1979,
/// from the reference table) and on the first of its months, labelled in its years and
/// months, in Dari with its digits; before 622 CE they stay Gregorian.
#[test]
fn ticks_count_in_the_calendar_chosen() {
    use crate::model::calendar::{Calendar, DateStyle, Lang};
    let solar = |lang| DateStyle {
        calendar: Calendar::SolarHijri,
        lang,
        ..DateStyle::default()
    };
    let start = day(1979, 1, 1);
    let scale = Scale::new(start, day(1990, 1, 1) - start, 80);
    let cal = Reckoner::for_start(
        solar(Lang::Latin),
        NaiveDate::from_ymd_opt(1979, 1, 1).unwrap(),
    );
    let step = choose_step(&scale, cal);
    assert_eq!(step, Step::Years(1));
    let ticks = ticks(&scale, step, cal);
    let first = ticks.first().expect("a tick");
    assert_eq!(first.label.as_deref(), Some("1358"));
    assert_eq!(Some(first.col), scale.col(day(1979, 3, 21)));
    let dari = Reckoner::for_start(
        solar(Lang::Dari),
        NaiveDate::from_ymd_opt(1979, 1, 1).unwrap(),
    );
    assert_eq!(
        super::ticks(&scale, step, dari)[0].label.as_deref(),
        Some("۱۳۵۸")
    );
    // Months: Asad 1400 begins on 23 July 2021.
    let start = day(2021, 7, 1);
    let months = Scale::new(start, 120, 80);
    let labelled: Vec<(u16, String)> = super::ticks(&months, Step::Months(1), cal)
        .into_iter()
        .filter_map(|t| Some((t.col, t.label?)))
        .collect();
    assert_eq!(labelled[0].1, "Asad 1400");
    assert_eq!(Some(labelled[0].0), months.col(day(2021, 7, 23)));
    // Before the calendar's year 1, the Gregorian.
    let early = NaiveDate::from_ymd_opt(500, 1, 1).unwrap();
    assert_eq!(
        Reckoner::for_start(solar(Lang::Latin), early),
        Reckoner::GREGORIAN
    );
}
