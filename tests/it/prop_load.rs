//! Property tests of the loader, the fast cousins of `fuzz/` that run with `cargo test`:
//! fixtures mutated at random load or are reported, never panic, and every report is inert
//! and points inside the file; any strings written by the crate's own RON writer load back
//! unchanged.

use afghan_timeline::load::{
    self, LoadError, RawActor, RawActorKind, RawEvent, RawSource, RawTimeline,
};
use afghan_timeline::model::{EventId, Timeline};
use afghan_timeline::sanitize::is_dangerous;
use proptest::prelude::*;

use crate::common::{field, proptest_config};

const SEEDS: [&str; 7] = [
    include_str!("../fixtures/valid/minimal.ron"),
    include_str!("../fixtures/valid/named-structs.ron"),
    include_str!("../fixtures/valid/unicode.ron"),
    include_str!("../fixtures/tui/sample.ron"),
    include_str!("../fixtures/hostile/escapes.ron"),
    include_str!("../fixtures/hostile/errors.ron"),
    include_str!("../fixtures/invalid/two-faults.ron"),
];

/// Pieces of RON and of the format that make mutations interesting.
const TOKENS: [&str; 24] = [
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "r#\"",
    "\"#",
    "r#",
    "Some(",
    "//",
    "/*",
    "*/",
    "\\u{1b}",
    "\\",
    "\u{1b}",
    "\r\n",
    "\u{feff}",
    "#![enable(implicit_some)]",
    "date: \"1979-02-30\",",
    "related: [\"nowhere\"],",
];

#[derive(Clone, Debug)]
enum Mutation {
    Insert(f64, usize),
    Delete(f64, usize),
    Flip(f64, u8),
    Duplicate(f64, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = 0.0..1.0f64;
    prop_oneof![
        3 => (at.clone(), 0..TOKENS.len()).prop_map(|(a, t)| Mutation::Insert(a, t)),
        2 => (at.clone(), 1..40usize).prop_map(|(a, n)| Mutation::Delete(a, n)),
        2 => (at.clone(), any::<u8>()).prop_map(|(a, b)| Mutation::Flip(a, b)),
        1 => (at, 1..200usize).prop_map(|(a, n)| Mutation::Duplicate(a, n)),
    ]
}

fn apply(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let position = |f: f64| {
            // A fraction of the length, as an index: truncation is the point.
            #[allow(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                clippy::cast_precision_loss
            )]
            let i = (f * bytes.len() as f64) as usize;
            i.min(bytes.len())
        };
        match *m {
            Mutation::Insert(at, token) => {
                let i = position(at);
                bytes.splice(i..i, TOKENS[token].bytes());
            }
            Mutation::Delete(at, n) => {
                let i = position(at);
                let end = (i + n).min(bytes.len());
                bytes.drain(i..end);
            }
            Mutation::Flip(at, b) => {
                let i = position(at);
                if let Some(slot) = bytes.get_mut(i) {
                    *slot = b;
                }
            }
            Mutation::Duplicate(at, n) => {
                let i = position(at);
                let end = (i + n).min(bytes.len());
                let copy = bytes[i..end].to_vec();
                bytes.splice(end..end, copy);
            }
        }
    }
    bytes
}

/// What any accepted file must be: sorted, indexed, its references in range.
fn assert_valid(t: &Timeline) {
    assert!(
        t.events
            .windows(2)
            .all(|w| w[0].date.sort_key() <= w[1].date.sort_key())
    );
    for (i, e) in t.events.iter().enumerate() {
        let id = EventId(u32::try_from(i).expect("few events"));
        assert_eq!(t.find_event(&e.id), Some(id));
        assert!(!e.actors.is_empty() && e.actors.iter().all(|a| a.index() < t.actors.len()));
        assert!(e.related.iter().all(|r| r.index() < t.events.len()));
        assert!(!e.sources.is_empty());
    }
}

/// What any rejection must be: inert, and located inside the text.
fn assert_reported(e: &LoadError, bytes: &[u8]) {
    let message = e.to_string();
    let bad = message.chars().find(|c| is_dangerous(*c) && *c != '\n');
    assert_eq!(bad, None, "a raw control in the report:\n{message}");
    assert!(message.ends_with('\n') || !matches!(e, LoadError::Invalid(_)));
    if let LoadError::Invalid(report) = e {
        let lines = bytes.split(|b| *b == b'\n').count();
        assert!(!report.diagnostics.is_empty());
        for d in &report.diagnostics {
            assert!(
                d.line >= 1 && d.line <= lines && d.col >= 1,
                "{}:{} is outside a file of {lines} lines:\n{message}",
                d.line,
                d.col
            );
        }
    }
}

proptest! {
    #![proptest_config(proptest_config(256))]

    #[test]
    fn mutated_files_load_or_are_reported(
        seed in 0..SEEDS.len(),
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        let bytes = apply(SEEDS[seed].as_bytes().to_vec(), &mutations);
        match load::parse_bytes(bytes.clone(), "mutated.ron") {
            Ok(timeline) => assert_valid(&timeline),
            Err(e) => assert_reported(&e, &bytes),
        }
    }

    #[test]
    fn arbitrary_bytes_load_or_are_reported(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        match load::parse_bytes(bytes.clone(), "bytes.ron") {
            Ok(timeline) => assert_valid(&timeline),
            Err(e) => assert_reported(&e, &bytes),
        }
    }

    /// The `ron` output format and `load` agree on every string, whatever it holds.
    #[test]
    fn any_strings_survive_the_writer_and_the_loader(
        title in any::<String>(),
        name in any::<String>(),
        texts in prop::collection::vec((any::<String>(), any::<String>(), prop::option::of(any::<String>())), 0..4),
    ) {
        // Required text, tags and aliases must show something (not only invisible characters).
        let non_blank = |s: &str| if afghan_timeline::sanitize::is_blank(s) { format!("x{s}") } else { s.to_owned() };
        let title = non_blank(&title);
        // `check` takes only absolute addresses as urls: any characters but spaces, control
        // and format characters, after a scheme.
        let shows = |c: &char| !c.is_whitespace() && !afghan_timeline::sanitize::has_hidden_characters(&c.to_string());
        let address = |s: &String| format!("https://example.org/{}", s.chars().filter(shows).collect::<String>());
        let raw = RawTimeline {
            title: title.clone(),
            description: Some(name.clone()),
            actors: vec![RawActor { id: "a".to_owned(), name: non_blank(&name), kind: RawActorKind::Person, aliases: vec![title.clone()] }],
            eras: Vec::new(),
            events: texts.iter().enumerate().map(|(i, (t, s, d))| RawEvent {
                fingerprint: afghan_timeline::model::Fingerprint::default(),
                id: format!("e{i}"),
                date: field("2001-09-09"),
                end: None,
                title: non_blank(t),
                summary: non_blank(s),
                detail: d.clone(),
                date_note: d.clone(),
                actors: [field("a")].into_iter().collect(),
                tags: vec![non_blank(t)],
                location: Some(s.clone()),
                sources: vec![RawSource { publisher: t.clone(), title: s.clone(), date: None, url: d.as_ref().map(address) }],
                related: load::Refs::new(),
            }).collect(),
        };
        let text = load::options().to_string(&raw).expect("serializes");
        let t = load::parse(&text, "written.ron").map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(&t.title, &title);
        prop_assert_eq!(t.description.as_deref(), Some(name.as_str()));
        prop_assert_eq!(&t.actors[0].aliases, &vec![title]);
        for (e, (title, summary, detail)) in t.events.iter().zip(&texts) {
            prop_assert_eq!(&e.title, &non_blank(title));
            prop_assert_eq!(&e.summary, &non_blank(summary));
            prop_assert_eq!(&e.detail, detail);
            prop_assert_eq!(&e.tags, &vec![non_blank(title)]);
            prop_assert_eq!(&e.sources[0].publisher, title);
            prop_assert_eq!(&e.sources[0].url, &detail.as_ref().map(address));
        }
    }
}
