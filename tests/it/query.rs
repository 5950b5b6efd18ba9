//! The filter engine: words, actors and date ranges, resolved from arguments as `list` does.

use crate::common;

use afghan_timeline::cli::FilterArgs;
use afghan_timeline::command::to_filter;
use afghan_timeline::error::Error;
use afghan_timeline::model::Timeline;
use afghan_timeline::query::{Filter, Narrowing, SearchIndex};

/// The ids of the events `args` selects, in date order.
fn select<'a>(timeline: &'a Timeline, args: &FilterArgs) -> Vec<&'a str> {
    let filter = to_filter(timeline, args).unwrap_or_else(|e| panic!("filter: {e}"));
    let plain = filter.apply(timeline);
    // The explorer's indexed engine must select exactly what the plain one does.
    let index = SearchIndex::build(timeline);
    assert_eq!(
        filter.apply_indexed(timeline, &index, None),
        plain,
        "indexed filter differs for {args:?}"
    );
    plain
        .into_iter()
        .map(|id| timeline.event(id).id.as_str())
        .collect()
}

fn query(q: &str) -> FilterArgs {
    FilterArgs {
        query: Some(q.to_owned()),
        ..FilterArgs::default()
    }
}

fn actors(names: &[&str], all: bool) -> FilterArgs {
    FilterArgs {
        actor: names.iter().map(|&n| n.to_owned()).collect(),
        all_actors: all,
        ..FilterArgs::default()
    }
}

fn range(from: Option<&str>, to: Option<&str>) -> FilterArgs {
    FilterArgs {
        from: from.map(str::to_owned),
        to: to.map(str::to_owned),
        ..FilterArgs::default()
    }
}

#[test]
fn query_searches_each_field_case_insensitively() {
    let timeline = common::load_fixture("valid/query.ron");
    let table: &[(&str, &[&str])] = &[
        ("alphatitle", &["title-word"]),
        ("BETASUMMARY", &["summary-word"]),
        ("EpsilonDetail", &["detail-word"]),
        ("ZETATAG", &["tag-word"]),
        ("etacity", &["location-word"]),
        // Actor names and aliases.
        ("zamir", &["tag-word", "location-word"]),
        ("moskva", &["title-word", "detail-word"]),
        ("islamic", &["summary-word", "detail-word", "location-word"]),
        ("中华", &["unicode-word"]),
        // Substrings, and non-ASCII case folding.
        ("lphatit", &["title-word"]),
        ("àéî", &["unicode-word"]),
        ("کابل‌ستان", &["unicode-word"]),
        ("two lines", &["detail-word"]),
    ];
    for (q, expected) in table {
        assert_eq!(select(&timeline, &query(q)), *expected, "--query {q:?}");
    }
}

#[test]
fn query_requires_all_words() {
    let timeline = common::load_fixture("valid/query.ron");
    assert_eq!(
        select(&timeline, &query("plain  ETACITY")),
        ["location-word"]
    );
    assert_eq!(
        select(&timeline, &query("plain zamir")),
        ["tag-word", "location-word"]
    );
    assert!(select(&timeline, &query("alphatitle betasummary")).is_empty());
    assert!(select(&timeline, &query("zzzz")).is_empty());
}

#[test]
fn empty_query_matches_everything() {
    let timeline = common::load_fixture("valid/query.ron");
    assert_eq!(select(&timeline, &query("")).len(), timeline.events.len());
    assert_eq!(
        select(&timeline, &query("   ")).len(),
        timeline.events.len()
    );
    assert!(
        to_filter(&timeline, &query(" "))
            .expect("filter")
            .is_empty()
    );
}

#[test]
fn actor_matches_id_name_or_alias_in_any_case() {
    let timeline = common::load_fixture("valid/query.ron");
    for name in [
        "taliban",
        "TALIBAN",
        "islamic emirate",
        "Islamic Emirate",
        "  Taliban ",
    ] {
        assert_eq!(
            select(&timeline, &actors(&[name], false)),
            ["summary-word", "detail-word", "location-word"],
            "--actor {name:?}"
        );
    }
    for name in ["ussr", "usSR", "soviet union", "Moskva Regime"] {
        assert_eq!(
            select(&timeline, &actors(&[name], false)),
            ["title-word", "detail-word"],
            "--actor {name:?}"
        );
    }
    assert_eq!(
        select(&timeline, &actors(&["中华人民共和国"], false)),
        ["unicode-word"]
    );
}

#[test]
fn repeated_actors_mean_any_unless_all_actors() {
    let timeline = common::load_fixture("valid/query.ron");
    assert_eq!(
        select(&timeline, &actors(&["ussr", "kabulov"], false)),
        ["title-word", "detail-word", "tag-word", "location-word"]
    );
    assert_eq!(
        select(&timeline, &actors(&["taliban", "kabulov"], true)),
        ["location-word"]
    );
    assert_eq!(
        select(&timeline, &actors(&["ussr", "taliban"], true)),
        ["detail-word"]
    );
    // The same actor twice, by id and by alias, is one actor.
    assert_eq!(
        select(&timeline, &actors(&["kabulov", "Envoy Kabulov"], true)),
        ["tag-word", "location-word"]
    );
}

#[test]
fn every_part_of_a_filter_must_match() {
    let timeline = common::load_fixture("valid/query.ron");
    let args = FilterArgs {
        actor: vec!["taliban".to_owned()],
        query: Some("plain".to_owned()),
        from: Some("2000".to_owned()),
        ..FilterArgs::default()
    };
    assert_eq!(select(&timeline, &args), ["location-word"]);
}

#[test]
fn unknown_actor_is_an_error_that_lists_and_suggests() {
    let timeline = common::load_fixture("valid/query.ron");
    let err = to_filter(&timeline, &actors(&["talibn"], false)).unwrap_err();
    assert!(matches!(err, Error::UnknownActor { .. }));
    assert_eq!(
        err.to_string(),
        "unknown actor 'talibn' (did you mean 'Taliban' (taliban)?); known actors: ussr, taliban, kabulov, china"
    );
}

#[test]
fn bad_range_dates_are_errors() {
    let timeline = common::load_fixture("valid/query.ron");
    for (from, to, flag, shown) in [
        (Some("yesterday"), None, "--from", "'yesterday'"),
        (None, Some("2023-02-29"), "--to", "'2023-02-29'"),
        (None, Some("1979-13"), "--to", "'1979-13'"),
    ] {
        let err = to_filter(&timeline, &range(from, to)).unwrap_err();
        assert!(matches!(err, Error::BadDate { .. }));
        assert!(
            err.to_string()
                .starts_with(&format!("{flag} {shown} is not a date: ")),
            "{err}"
        );
    }
}

/// A timeline for the overlap rule: year, month and day dates, and one event spanning years.
fn ranges() -> Timeline {
    common::load_text(&common::timeline_of(&[
        ("before", "1978-12-31", None),
        ("span", "1978-06-01", Some("1980-02")),
        ("year", "1979", None),
        ("jan", "1979-01", None),
        ("jan31", "1979-01-31", None),
        ("feb1", "1979-02-01", None),
        ("dec24", "1979-12-24", None),
        ("leap", "2024-02-29", None),
    ]))
}

#[test]
fn range_filters_use_interval_overlap() {
    let timeline = ranges();
    let table: &[(Option<&str>, Option<&str>, &[&str])] = &[
        // An event dated "1979" overlaps December 1979.
        (Some("1979-12"), None, &["span", "year", "dec24", "leap"]),
        // `--to 1979-01` ends on 1979-01-31: "1979" overlaps it, "1979-12-24" does not.
        (
            None,
            Some("1979-01"),
            &["span", "before", "year", "jan", "jan31"],
        ),
        // Last day of a month, on both sides.
        (
            Some("1979-01-31"),
            Some("1979-01-31"),
            &["span", "year", "jan", "jan31"],
        ),
        (Some("1979-02"), Some("1979-02"), &["span", "year", "feb1"]),
        // A year range includes everything dated within it.
        (
            Some("1979"),
            Some("1979"),
            &["span", "year", "jan", "jan31", "feb1", "dec24"],
        ),
        // The spanning event's `end` ("1980-02") covers the leap day 1980-02-29.
        (Some("1980-02-29"), None, &["span", "leap"]),
        (Some("1980-03"), None, &["leap"]),
        (None, Some("1978-12-31"), &["span", "before"]),
        (None, Some("1978-05"), &[]),
        (Some("2024-02-29"), Some("2024-02-29"), &["leap"]),
        (Some("2024-03-01"), None, &[]),
    ];
    for (from, to, expected) in table {
        assert_eq!(
            select(&timeline, &range(*from, *to)),
            *expected,
            "--from {from:?} --to {to:?}"
        );
    }
}

#[test]
fn no_filter_keeps_date_order() {
    let timeline = ranges();
    assert_eq!(
        select(&timeline, &FilterArgs::default()),
        [
            "span", "before", "year", "jan", "jan31", "feb1", "dec24", "leap"
        ]
    );
}

#[test]
fn embedded_timeline_answers_to_names_from_the_issue() {
    let timeline = afghan_timeline::load::load(&afghan_timeline::load::Input::Embedded)
        .expect("embedded timeline");
    for (name, id) in [
        ("USSR", "ussr"),
        ("islamic emirate", "taliban"),
        ("Kabulov", "kabulov"),
    ] {
        let selected = select(&timeline, &actors(&[name], false));
        assert!(!selected.is_empty(), "--actor {name:?}");
        for event_id in selected {
            let event = timeline.event(timeline.find_event(event_id).expect("event"));
            assert!(
                event.actors.iter().any(|a| timeline.actor(*a).id == id),
                "{event_id} does not involve {id}"
            );
        }
    }
}

/// Folding is Unicode's, the same in both engines: the Kelvin sign and the dotted capital
/// I fold into ASCII, a Greek sigma is one letter however it ends a word, accents fold
/// away (issue 25: `istanbul` finds `İstanbul`, `οδυσσευς` and `οδυσσευσ` find
/// `ΟΔΥΣΣΕΥΣ`).
#[test]
fn unicode_case_rules_agree_between_the_plain_and_indexed_engines() {
    let ron = r#"(title: "u", actors: [(id: "a", name: "Ӄ Actor", kind: Person, aliases: ["ΣΟΦΙΑ"])], events: [
        (id: "kelvin", date: "2000", title: "273 \u{212a} absolute", summary: "s", actors: ["a"], sources: [(publisher: "p", title: "t")]),
        (id: "dotted", date: "2001", title: "\u{130}stanbul", summary: "s", actors: ["a"], sources: [(publisher: "p", title: "t")]),
        (id: "sigma", date: "2002", title: "ΟΔΥΣΣΕΥΣ", summary: "کابل می\u{200c}خواهم 北京", actors: ["a"], sources: [(publisher: "p", title: "t")]),
    ])"#;
    let timeline = afghan_timeline::load::parse(ron, "unicode.ron").expect("loads");
    let index = SearchIndex::build(&timeline);
    for (query, expected) in [
        ("k", &["kelvin"][..]),
        ("i̇stanbul", &["dotted"][..]),
        ("οδυσσευς", &["sigma"][..]),
        ("οδυσσευσ", &["sigma"][..]),
        ("istanbul", &["dotted"][..]),
        ("ΙΣΤΑΝΒΟΥΛ", &[][..]),
        ("σοφια", &["kelvin", "dotted", "sigma"][..]),
        ("می\u{200c}خواهم", &["sigma"][..]), // ZWNJ is part of the word, kept on both sides
        ("北京", &["sigma"][..]),
        ("ӄ", &["kelvin", "dotted", "sigma"][..]),
    ] {
        let mut filter = Filter::default();
        filter.set_query(query);
        let plain: Vec<&str> = filter
            .apply(&timeline)
            .iter()
            .map(|id| timeline.event(*id).id.as_str())
            .collect();
        let indexed: Vec<&str> = filter
            .apply_indexed(&timeline, &index, None)
            .iter()
            .map(|id| timeline.event(*id).id.as_str())
            .collect();
        assert_eq!(plain, expected, "plain engine, query {query:?}");
        assert_eq!(indexed, expected, "indexed engine, query {query:?}");
    }
}

/// Narrowing within the previous matches gives what a full pass gives.
#[test]
fn narrowing_within_previous_matches_equals_a_full_pass() {
    let timeline = common::load_text(afghan_timeline::load::EMBEDDED);
    let index = SearchIndex::build(&timeline);
    let mut previous = (Filter::default(), timeline.event_ids().collect::<Vec<_>>());
    let mut query = String::new();
    for c in "russia embassy kabul".chars() {
        query.push(c);
        let mut filter = Filter::default();
        filter.set_query(&query);
        let within = Narrowing {
            matches: &previous.1,
            previous: &previous.0,
        };
        let narrowed = filter.apply_indexed(&timeline, &index, Some(within));
        assert_eq!(narrowed, filter.apply(&timeline), "after typing {query:?}");
        previous = (filter, narrowed);
    }
    assert!(
        !previous.1.is_empty(),
        "the embedded data has a Russian embassy in Kabul"
    );
}

/// Date words: a year, a month (`1979-12`, `dec 1979`, `december 1979`) or a day finds
/// every event whose period overlaps it, as `--from`/`--to` do, and still every event that
/// has the word in its text.
#[test]
fn date_words_find_events_by_period_and_by_text() {
    let timeline = common::load_text(&common::timeline_of(&[
        ("before", "1978-12-31", None),
        ("span", "1978-06-01", Some("1980-02")),
        ("year", "1979", None),
        ("jan", "1979-01", None),
        ("dec24", "1979-12-24", None),
        ("memo-1979-12", "2024-02-29", None),
    ]));
    let table: &[(&str, &[&str])] = &[
        ("1979", &["span", "year", "jan", "dec24", "memo-1979-12"]),
        ("1979-12", &["span", "year", "dec24", "memo-1979-12"]),
        ("dec 1979", &["span", "year", "dec24"]),
        ("December 1979", &["span", "year", "dec24"]),
        ("1979-01-31", &["span", "year", "jan"]),
        ("1980", &["span"]),
        // Each word must match, one by date and one by text.
        ("1979 dec24", &["dec24"]),
        ("jan 1979 memo", &[]),
        // Not dates: plain text.
        ("dec", &["dec24"]),
        ("1978-13", &[]),
    ];
    for (q, expected) in table {
        assert_eq!(select(&timeline, &query(q)), *expected, "--query {q:?}");
    }
}

/// A date word widens what a word matches, so a query that grows into one (`dec` →
/// `dec 1979`) is not searched among the earlier matches only.
#[test]
fn a_query_growing_into_a_date_word_does_not_narrow() {
    let mut dec = Filter::default();
    dec.set_query("dec");
    let mut month = Filter::default();
    month.set_query("dec 1979");
    assert!(!month.narrows(&dec));
    let mut year = Filter::default();
    year.set_query("1979");
    let mut longer = Filter::default();
    longer.set_query("19790");
    assert!(longer.narrows(&year), "a longer plain word narrows");
    let mut same = Filter::default();
    same.set_query("1979 kabul");
    assert!(
        same.narrows(&year),
        "the same date word and a new one narrow"
    );
}
