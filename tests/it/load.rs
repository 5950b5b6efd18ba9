//! Loading: valid fixtures load, generated hostile input (deep nesting, hundreds of
//! faults) is a message and never a crash, and every input source names itself.

use crate::common;

use common::{fixture, run};

#[test]
fn deep_nesting_is_a_message_not_a_crash() {
    let cases = [
        ("deep-square.ron", "[".repeat(100_000)),
        ("deep-paren.ron", "(".repeat(100_000)),
        (
            "deep-events.ron",
            format!(
                "(title: \"t\", actors: [], events: {})",
                "[".repeat(100_000)
            ),
        ),
        (
            "deep-some.ron",
            format!("(title: \"t\", description: {}", "Some(".repeat(100_000)),
        ),
    ];
    for (name, text) in cases {
        let path = common::scratch(name, text.as_bytes());
        let out = run(&["check", &path]);
        out.code(2);
        assert!(
            out.stderr.starts_with(&format!("{path}:1:")),
            "{name}: {}",
            out.stderr
        );
        assert!(out.stderr.contains("1 problem found"), "{name}");
    }
}

#[test]
fn two_faults_are_both_reported() {
    let path = fixture("invalid/two-faults.ron");
    let out = run(&["check", &path]);
    out.code(2);
    let headers: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| l.starts_with(&format!("{path}:")))
        .collect();
    assert_eq!(
        headers,
        [
            format!("{path}:9:19: invalid date '1979-12-32': day 32 does not exist in 1979-12"),
            format!("{path}:20:22: unknown actor 'gromov' in event 'withdrawal'"),
            format!("{path}: 2 problems found; fix them and run 'afghan-timeline check' again"),
        ]
    );
}

#[test]
fn two_hundred_faults_show_fifty_and_count_the_rest() {
    let events: Vec<(String, &str)> = (0..200).map(|i| (format!("e{i}"), "1979-02-30")).collect();
    let refs: Vec<(&str, &str, Option<&str>)> = events
        .iter()
        .map(|(id, date)| (id.as_str(), *date, None))
        .collect();
    let path = common::scratch("two-hundred.ron", common::timeline_of(&refs).as_bytes());
    let out = run(&["check", &path]);
    out.code(2);
    let located: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| l.contains("invalid date '1979-02-30'"))
        .collect();
    assert_eq!(located.len(), 50);
    // The first fifty, in file order: events start on line 5 of the generated file.
    assert!(
        located[0].starts_with(&format!("{path}:5:")),
        "{}",
        located[0]
    );
    assert!(
        located[49].starts_with(&format!("{path}:54:")),
        "{}",
        located[49]
    );
    assert!(
        out.stderr
            .contains(&format!("{path}: … and 150 more problems not shown"))
    );
    assert!(out.stderr.contains(&format!("{path}: 200 problems found")));
}

#[test]
fn valid_fixtures_check_ok() {
    let table = [
        ("minimal.ron", 1, 1),
        ("bom.ron", 1, 1),
        ("crlf.ron", 1, 1),
        ("named-structs.ron", 2, 2),
        ("unicode.ron", 1, 2),
        ("control-characters.ron", 2, 1),
    ];
    for (name, events, actors) in table {
        let out = run(&["check", &fixture(&format!("valid/{name}"))]);
        out.code(0);
        assert_eq!(
            out.stdout,
            format!("ok: {events} events, {actors} actors\n"),
            "{name}"
        );
        assert!(out.stderr.is_empty(), "{name}: {}", out.stderr);
    }
}

#[test]
fn crlf_fixture_really_has_crlf_and_loads_without_carriage_returns() {
    let bytes = std::fs::read(fixture("valid/crlf.ron")).expect("read");
    assert!(
        bytes.windows(2).any(|w| w == b"\r\n"),
        "git must keep the CRLF line endings (see tests/fixtures/valid/.gitattributes)"
    );
    let timeline = common::load_fixture("valid/crlf.ron");
    assert_eq!(
        timeline.events[0].summary,
        "The 40th Army\ncrosses the border."
    );
}

#[test]
fn bom_fixture_really_starts_with_a_bom() {
    let bytes = std::fs::read(fixture("valid/bom.ron")).expect("read");
    assert!(bytes.starts_with(b"\xef\xbb\xbf("));
    assert_eq!(common::load_fixture("valid/bom.ron").events.len(), 1);
}

#[test]
fn named_structs_load_every_field() {
    let timeline = common::load_fixture("valid/named-structs.ron");
    assert_eq!(timeline.title, "Named structs");
    assert_eq!(timeline.eras.len(), 1);
    let invasion = &timeline.events[0];
    assert_eq!(invasion.id, "invasion");
    assert_eq!(
        invasion.end.map(|d| d.to_string()).as_deref(),
        Some("1979-12-27")
    );
    assert_eq!(
        invasion.detail.as_deref(),
        Some("Explicit Some(…) is accepted too.")
    );
    assert_eq!(invasion.location.as_deref(), Some("Kabul"));
    assert_eq!(
        invasion.sources[0].url.as_deref(),
        Some("https://example.org/war")
    );
    assert_eq!(timeline.event(invasion.related[0]).id, "withdrawal");
}

#[test]
fn unicode_fixture_keeps_zwnj() {
    let timeline = common::load_fixture("valid/unicode.ron");
    assert!(timeline.events[0].title.contains('\u{200c}'));
    assert_eq!(timeline.actors[1].name, "中华人民共和国");
}

#[test]
fn stdin_names_itself_in_messages() {
    let text = std::fs::read(fixture("invalid/month-13.ron")).expect("read");
    let out = common::run_with_stdin(&["--file", "-", "check"], &text);
    out.code(2);
    assert!(
        out.stderr
            .starts_with("<stdin>:10:19: invalid date '1989-13-01'"),
        "{}",
        out.stderr
    );
}

#[test]
fn embedded_timeline_is_valid() {
    let out = run(&["check"]);
    out.code(0);
    assert!(out.stdout.starts_with("ok: "), "{}", out.stdout);
    let timeline = afghan_timeline::load::load(&afghan_timeline::load::Input::Embedded)
        .expect("the embedded timeline loads");
    assert_eq!(
        out.stdout,
        format!(
            "ok: {} events, {} actors\n",
            timeline.events.len(),
            timeline.actors.len()
        )
    );
    assert!(timeline.events.len() > 50);
}
