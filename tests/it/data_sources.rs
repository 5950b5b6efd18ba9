//! The built-in chronology (`data/timeline.ron`): it passes `check`, its sources meet the
//! sourcing standard (no content farms, mirrors or aggregators; addresses that are absolute
//! and present on most events), and the corrections of issue 13 stay corrected.

use crate::common;

use afghan_timeline::load::{self, Input};
use afghan_timeline::model::{ActorKind, Event, Timeline};
use common::run;

/// Hosts and outlets that are not sources: content farms and SEO sites, a Telegram
/// aggregator, Wikipedia and its mirrors, and the "Pravda network" sites.
const BANNED: &[&str] = &[
    "vogueindustry",
    "kopirki",
    "kampuspedia",
    "paperexplained",
    "unacademy",
    "onl.li",
    "telemetr",
    "wikipedia",
    "liquisearch",
    "piglix",
    "wiki-gateway",
    "news-pravda",
    "pravda-en.com",
];

fn embedded() -> Timeline {
    load::load(&Input::Embedded).expect("the embedded timeline loads")
}

fn event<'t>(timeline: &'t Timeline, id: &str) -> &'t Event {
    timeline.event(
        timeline
            .find_event(id)
            .unwrap_or_else(|| panic!("no event {id:?}")),
    )
}

fn actor_ids<'t>(timeline: &'t Timeline, event: &Event) -> Vec<&'t str> {
    event
        .actors
        .iter()
        .map(|a| timeline.actor(*a).id.as_str())
        .collect()
}

/// Every text field of an event, for searches that must cover all of them.
fn all_text(event: &Event) -> String {
    let mut text = format!("{}\n{}", event.title, event.summary);
    for field in [&event.detail, &event.date_note, &event.location]
        .into_iter()
        .flatten()
    {
        text.push('\n');
        text.push_str(field);
    }
    text
}

#[test]
fn the_embedded_timeline_passes_check() {
    let out = run(&["check"]);
    out.code(0);
    assert!(out.stdout.starts_with("ok: "), "{}", out.stdout);
    assert!(out.stderr.is_empty(), "{}", out.stderr);
}

#[test]
fn no_source_names_a_banned_host_or_outlet() {
    let timeline = embedded();
    let mut offenders = Vec::new();
    for event in &timeline.events {
        for source in &event.sources {
            let cited = format!(
                "{} | {} | {}",
                source.publisher,
                source.title,
                source.url.as_deref().unwrap_or("")
            )
            .to_lowercase();
            for banned in BANNED {
                if cited.contains(banned) {
                    offenders.push(format!("{}: {banned} in {cited}", event.id));
                }
            }
        }
    }
    assert!(offenders.is_empty(), "{offenders:#?}");
}

#[test]
fn at_least_four_events_in_five_cite_an_address() {
    let timeline = embedded();
    let without: Vec<&str> = timeline
        .events
        .iter()
        .filter(|e| e.sources.iter().all(|s| s.url.is_none()))
        .map(|e| e.id.as_str())
        .collect();
    let with = timeline.events.len() - without.len();
    assert!(
        with * 5 >= timeline.events.len() * 4,
        "{with} of {} events cite an address; without one: {without:?}",
        timeline.events.len()
    );
}

#[test]
fn every_address_is_an_absolute_http_url() {
    let timeline = embedded();
    let mut seen = 0;
    for event in &timeline.events {
        for url in event.sources.iter().filter_map(|s| s.url.as_deref()) {
            seen += 1;
            let rest = url
                .strip_prefix("https://")
                .or_else(|| url.strip_prefix("http://"))
                .unwrap_or_else(|| panic!("{}: {url:?} is not http(s)", event.id));
            let host = rest.split('/').next().unwrap_or("");
            assert!(
                host.contains('.') && !host.starts_with('.'),
                "{}: {url:?} has no host",
                event.id
            );
            assert!(
                !url.chars().any(char::is_whitespace),
                "{}: {url:?} contains whitespace",
                event.id
            );
        }
    }
    assert!(seen > 0, "the embedded data cites no address at all");
}

#[test]
fn the_1919_and_1921_events_name_soviet_russia_not_the_ussr() {
    let timeline = embedded();
    let rsfsr = timeline.actor(timeline.find_actor("rsfsr").expect("an rsfsr actor"));
    assert_eq!(rsfsr.kind, ActorKind::State);
    assert_eq!(rsfsr.name, "Soviet Russia");
    for id in ["recognition-1919", "treaty-1921"] {
        let actors = actor_ids(&timeline, event(&timeline, id));
        assert!(actors.contains(&"rsfsr"), "{id}: {actors:?}");
        assert!(!actors.contains(&"ussr"), "{id}: {actors:?}");
    }
    // The names of Soviet Russia and of an army no longer answer as the Soviet Union.
    for name in ["RSFSR", "Soviet Russia"] {
        assert_eq!(
            timeline.find_actor(name),
            timeline.find_actor("rsfsr"),
            "{name}"
        );
    }
    let army = timeline.actor(timeline.find_actor("40th Army").expect("a 40th Army actor"));
    assert_eq!(army.kind, ActorKind::Organization);
    let ussr = timeline.actor(timeline.find_actor("ussr").expect("a ussr actor"));
    for alias in &ussr.aliases {
        assert!(
            !alias.contains("Army") && !alias.contains("RSFSR") && !alias.contains("Russia"),
            "{alias:?} is not a name of the Soviet Union"
        );
    }
}

#[test]
fn the_cli_lists_the_soviet_russia_events_by_that_name() {
    let out = run(&["list", "--actor", "Soviet Russia", "--format", "id"]);
    out.code(0);
    assert_eq!(out.stdout, "recognition-1919\ntreaty-1921\n");
    let out = run(&["list", "--actor", "rsfsr", "--format", "json"]);
    out.code(0);
    assert_eq!(out.stdout.lines().count(), 2, "{}", out.stdout);
    assert!(
        out.stdout
            .lines()
            .all(|l| l.contains("\"actors\":[\"rsfsr\"")),
        "{}",
        out.stdout
    );
}

#[test]
fn ghani_fled_to_termez_in_uzbekistan_then_the_uae() {
    let timeline = embedded();
    let kabul = event(&timeline, "taliban-take-kabul-2021");
    for needle in ["Termez", "Uzbekistan", "United Arab Emirates"] {
        assert!(kabul.summary.contains(needle), "{}", kabul.summary);
    }
    assert!(!kabul.summary.contains("Tajikistan"), "{}", kabul.summary);
}

#[test]
fn no_unit_105th_and_no_disputed_soviet_unit_claims() {
    assert!(!load::EMBEDDED.contains("105th"));
    let timeline = embedded();
    let invasion = event(&timeline, "soviet-intervention");
    assert!(!all_text(invasion).contains("Airborne Division"));
    assert!(!all_text(invasion).contains("Wikipedia"));
}

#[test]
fn najibullah_became_head_of_state_in_september_and_president_in_november_1987() {
    let timeline = embedded();
    let najib = event(&timeline, "najibullah-president");
    assert_eq!(najib.date.to_string(), "1987-09-30");
    assert!(najib.title.contains("head of state"), "{}", najib.title);
    assert!(
        najib
            .summary
            .contains("Chairman of the Revolutionary Council"),
        "{}",
        najib.summary
    );
    assert!(
        najib.summary.contains("30 November 1987"),
        "{}",
        najib.summary
    );
    let note = najib.date_note.as_deref().expect("a date note");
    assert!(note.contains("30 September 1987") && note.contains("30 November 1987"));
}

#[test]
fn the_other_corrections_of_the_audit_hold() {
    let timeline = embedded();

    let round6 = event(&timeline, "moscow-format-6");
    let said = format!("{} {}", round6.title, round6.summary).to_lowercase();
    assert!(!said.contains("first"), "{said}");
    assert!(
        round6
            .detail
            .as_deref()
            .unwrap_or("")
            .contains("20 October 2021")
    );

    let kazakhstan = event(&timeline, "kazakhstan-delisting");
    assert!(
        !kazakhstan.title.contains("removes"),
        "{}",
        kazakhstan.title
    );
    assert!(
        kazakhstan
            .date_note
            .as_deref()
            .unwrap_or("")
            .contains("3 June 2024")
    );

    let china = event(&timeline, "china-credentials");
    let note = china.date_note.as_deref().unwrap_or("");
    assert!(!note.contains("artefact of US time"), "{note}");
    assert!(note.contains("behind Beijing"), "{note}");

    // A retrospective page is dated by its own publication, or not at all.
    let kabul1996 = event(&timeline, "taliban-take-kabul-1996");
    for source in &kabul1996.sources {
        if source.publisher.contains("On This Day") {
            assert_eq!(source.date, None, "{}", source.title);
        }
    }

    let recognition = event(&timeline, "russia-recognition");
    let detail = recognition.detail.as_deref().unwrap_or("");
    assert!(
        detail.contains("The Afghan Foreign Ministry said Muttaqi described the decision as \"the beginning of a new phase of positive relations, mutual respect, and constructive engagement\""),
        "{detail}"
    );
    assert!(
        recognition
            .sources
            .iter()
            .any(|s| s.title.contains("flag") && s.url.is_some()),
        "no source with an address reports the flag"
    );

    let description = timeline.description.as_deref().unwrap_or("");
    assert!(
        !description.contains("verified fact sheet"),
        "{description}"
    );
    assert!(description.contains("audited"), "{description}");
}
