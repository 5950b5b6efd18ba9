//! The plain-RON shortcut (`load::plain`) against ron: for events written with every
//! feature the shortcut reads and many it leaves to ron (raw strings, `\u{…}` and `\x…`
//! escapes, string continuations, `Some(…)`, block comments, non-ASCII whitespace, unknown,
//! duplicate and missing fields, missing commas, other struct names), whenever the shortcut
//! answers, ron gives exactly the same value; and on events written plainly it does answer,
//! so the parallel loader really takes the fast way. The same for whole timelines (actors
//! of every kind: unit enum variants), as the single-threaded load reads them.

use afghan_timeline::load::{self, RawEvent, RawTimeline};
use proptest::prelude::*;

use crate::common::proptest_config;

/// String contents the shortcut reads, escapes included.
const PIECES: [&str; 19] = [
    "word", " ", "é", "北京", "(", ")", "]", ",", "//", "/*", "'", "#", r"\n", r"\t", r#"\""#,
    r"\\", r"\r", r"\0", r"\'",
];

/// Trivia between tokens; from `PLAIN_TRIVIA` on, ron's alone.
const TRIVIA: [&str; 8] = [
    "",
    " ",
    "\n    ",
    "\t",
    "// a comment ] ( \" ,\n",
    "/* block */",
    "\u{2028}",
    "// unclosed at the end",
];

const PLAIN_TRIVIA: usize = 5;

/// Values the shortcut leaves to ron, or reads differently from the plain ones.
const HOSTILE_VALUES: [&str; 10] = [
    "r#\"raw\"#",
    "r\"raw\"",
    "\"\\u{e9}\"",
    "\"\\x41\"",
    "\"a\\\n  b\"",
    "Some(\"d\")",
    "None",
    "Nonesuch",
    "[\"a\",,]",
    "\"ok\"",
];

fn content() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES.to_vec()), 0..6)
        .prop_map(|parts| format!("\"{}\"", parts.concat()))
}

fn strings() -> impl Strategy<Value = String> {
    prop::collection::vec(content(), 0..3).prop_map(|items| format!("[{}]", items.join(", ")))
}

/// An optional field: left out, `None`, or a bare value (ron's implicit `Some`).
fn opt() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        Just(None),
        Just(Some("None".to_owned())),
        content().prop_map(Some),
    ]
}

/// One event as written: its fields in some order, its name, the trivia between tokens.
#[derive(Clone, Debug)]
struct Written {
    fields: Vec<(String, String)>,
    name: &'static str,
    trivia: Vec<usize>,
    trailing_comma: bool,
    /// Index of a comma to leave out, if any.
    drop_comma: Option<usize>,
}

/// A plain event: every field in the shortcut's subset.
fn plain() -> impl Strategy<Value = Written> {
    (
        (content(), content(), content(), content()),
        (opt(), opt(), opt()),
        (strings(), strings(), strings()),
        (content(), content(), opt()),
        (any::<usize>(), prop::sample::select(vec!["", "Event"])),
        prop::collection::vec(0..PLAIN_TRIVIA, 1..8),
        any::<bool>(),
    )
        .prop_map(
            |(
                (id, date, title, summary),
                (detail, location, end),
                (actors, tags, related),
                (publisher, source_title, url),
                (order, name),
                trivia,
                trailing_comma,
            )| {
                let mut fields: Vec<(String, String)> = vec![
                    ("id".into(), id),
                    ("date".into(), date),
                    ("title".into(), title),
                    ("summary".into(), summary),
                    ("actors".into(), actors),
                    ("tags".into(), tags),
                    ("related".into(), related),
                ];
                for (field, value) in [("detail", detail), ("location", location), ("end", end)] {
                    if let Some(value) = value {
                        fields.push((field.into(), value));
                    }
                }
                let url = url.map(|u| format!(", url: {u}")).unwrap_or_default();
                fields.push((
                    "sources".into(),
                    format!("[Source(publisher: {publisher}, title: {source_title}{url})]"),
                ));
                // serde takes fields in any order.
                let n = fields.len();
                fields.rotate_left(order % n);
                Written {
                    fields,
                    name,
                    trivia,
                    trailing_comma,
                    drop_comma: None,
                }
            },
        )
}

/// One change that takes a plain event out of the subset, or makes it wrong.
#[derive(Clone, Debug)]
enum Edit {
    Value(usize, &'static str),
    Trivia(usize, usize),
    Unknown,
    Duplicate,
    Missing(usize),
    DropComma(usize),
    Name(&'static str),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => (any::<usize>(), prop::sample::select(HOSTILE_VALUES.to_vec()))
            .prop_map(|(at, v)| Edit::Value(at, v)),
        2 => (any::<usize>(), PLAIN_TRIVIA..TRIVIA.len()).prop_map(|(at, t)| Edit::Trivia(at, t)),
        1 => Just(Edit::Unknown),
        1 => Just(Edit::Duplicate),
        1 => any::<usize>().prop_map(Edit::Missing),
        1 => any::<usize>().prop_map(Edit::DropComma),
        1 => prop::sample::select(vec!["Source", "Event ", "event", "r#Event"]).prop_map(Edit::Name),
    ]
}

fn apply(w: &mut Written, edit: &Edit) {
    let n = w.fields.len();
    match edit {
        Edit::Value(at, v) => (*v).clone_into(&mut w.fields[at % n].1),
        Edit::Trivia(at, t) => {
            let at = at % (w.trivia.len() + 1);
            w.trivia.insert(at, *t);
        }
        Edit::Unknown => w.fields.push(("place".into(), "\"x\"".into())),
        Edit::Duplicate => w.fields.push(w.fields[0].clone()),
        Edit::Missing(at) => {
            w.fields.remove(at % n);
        }
        Edit::DropComma(at) => w.drop_comma = Some(at % n),
        Edit::Name(name) => w.name = name,
    }
}

/// A plain event with up to three edits: about a fifth keep none.
fn hostile() -> impl Strategy<Value = Written> {
    (plain(), prop::collection::vec(edit(), 0..4)).prop_map(|(mut w, edits)| {
        for e in &edits {
            apply(&mut w, e);
        }
        w
    })
}

fn render(w: &Written) -> String {
    let mut gaps = w.trivia.iter().cycle();
    let mut gap = || TRIVIA[*gaps.next().expect("cycled")];
    let mut out = String::new();
    out.push_str(gap());
    out.push_str(w.name);
    out.push('(');
    let n = w.fields.len();
    for (i, (field, value)) in w.fields.iter().enumerate() {
        out.push_str(gap());
        out.push_str(field);
        out.push_str(gap());
        out.push(':');
        out.push_str(gap());
        out.push_str(value);
        out.push_str(gap());
        if (i + 1 < n || w.trailing_comma) && w.drop_comma != Some(i) {
            out.push(',');
        }
    }
    out.push_str(gap());
    out.push(')');
    // The last gap may be an unclosed line comment: the end of the text.
    out.push_str(gap());
    out
}

proptest! {
    #![proptest_config(proptest_config(512))]

    #[test]
    fn whenever_the_shortcut_answers_ron_agrees(w in hostile()) {
        let text = render(&w);
        if let Some(plain) = load::plain::from_bytes::<RawEvent>(text.as_bytes()) {
            let ron: RawEvent = load::options()
                .from_str(&text)
                .unwrap_or_else(|e| panic!("the shortcut read it, ron refused: {e}\n{text}"));
            prop_assert_eq!(plain, ron, "{}", text);
        }
    }

    #[test]
    fn plain_events_are_read_by_the_shortcut_as_ron_reads_them(w in plain()) {
        let text = render(&w);
        let ron: RawEvent = load::options()
            .from_str(&text)
            .unwrap_or_else(|e| panic!("the generated event is not RON: {e}\n{text}"));
        let plain = load::plain::from_bytes::<RawEvent>(text.as_bytes());
        prop_assert_eq!(plain, Some(ron), "{}", text);
    }
}

/// A whole timeline around plain events: actors of every kind (unit enum variants), eras
/// with and without an end; and the same with one thing only ron may read.
fn timeline(events: &[Written], kinds: &[&str], edit: Option<&str>) -> String {
    let actors: Vec<String> = kinds
        .iter()
        .enumerate()
        .map(|(i, kind)| format!("(id: \"a{i}\", name: \"A {i}\", kind: {kind}, aliases: [\"x\"])"))
        .collect();
    let events: Vec<String> = events.iter().map(render).collect();
    let text = format!(
        "Timeline(\n    title: \"T\",\n    description: None,\n    actors: [{}],\n    eras: [(id: \"e\", name: \"E\", start: \"1979\"), (id: \"f\", name: \"F\", start: \"1989\", end: \"1992\")],\n    events: [\n{}\n    ],\n)\n",
        actors.join(", "),
        events.join(",\n")
    );
    match edit {
        Some(edit) => text.replacen("kind: State", edit, 1),
        None => text,
    }
}

proptest! {
    #![proptest_config(proptest_config(128))]

    #[test]
    fn plain_timelines_are_read_by_the_shortcut_as_ron_reads_them(
        events in prop::collection::vec(plain(), 0..4),
        kinds in prop::collection::vec(
            prop::sample::select(vec!["State", "Organization", "Group", "Person"]), 1..5),
    ) {
        let text = timeline(&events, &kinds, None);
        let ron: RawTimeline = load::options()
            .from_str(&text)
            .unwrap_or_else(|e| panic!("the generated timeline is not RON: {e}\n{text}"));
        prop_assert_eq!(load::plain::from_bytes::<RawTimeline>(text.as_bytes()), Some(ron), "{}", text);
    }

    #[test]
    fn whenever_the_shortcut_answers_for_a_timeline_ron_agrees(
        events in prop::collection::vec(hostile(), 0..3),
        edit in prop::option::of(prop::sample::select(vec![
            "kind: State()", "kind: State(1)", "kind: Nation", "kind: r#State", "kind: \"State\"",
            "kind: State /* c */", "kind: Person,", "kind: Group ",
        ])),
    ) {
        let text = timeline(&events, &["State", "Person"], edit);
        if let Some(plain) = load::plain::from_bytes::<RawTimeline>(text.as_bytes()) {
            let ron: RawTimeline = load::options()
                .from_str(&text)
                .unwrap_or_else(|e| panic!("the shortcut read it, ron refused: {e}\n{text}"));
            prop_assert_eq!(plain, ron, "{}", text);
        }
    }
}

/// What the shortcut must leave to ron, each once by name.
#[test]
fn the_shortcut_declines_what_it_does_not_read() {
    let event = |middle: &str| {
        format!(
            "(id: \"i\", date: \"2001\", title: \"t\", summary: \"s\", actors: [\"a\"], sources: [(publisher: \"p\", title: \"t\")]{middle})"
        )
    };
    for (what, text) in [
        ("a raw string", event(", detail: r\"d\"")),
        ("a unicode escape", event(", detail: \"\\u{e9}\"")),
        ("a byte escape", event(", detail: \"\\x41\"")),
        ("a string continuation", event(", detail: \"a\\\n b\"")),
        ("Some(…)", event(", detail: Some(\"d\")")),
        ("a block comment", event(" /* c */")),
        ("non-ASCII whitespace", event("\u{2028}")),
        ("an unclosed line comment", format!("{} // end", event(""))),
        ("another struct's name", format!("Source{}", event(""))),
        ("an unknown field", event(", place: \"x\"")),
        ("a missing comma", event(" detail: \"d\"")),
        (
            "invalid UTF-8 in a comment",
            format!("{} // \u{ff}\n", event("")),
        ),
    ] {
        let mut bytes = text.into_bytes();
        if what.starts_with("invalid UTF-8") {
            let at = bytes.len() - 3;
            bytes[at] = 0xff;
            bytes.truncate(at + 1);
            bytes.push(b'\n');
        }
        assert_eq!(
            load::plain::from_bytes::<RawEvent>(&bytes),
            None,
            "{what}: {}",
            String::from_utf8_lossy(&bytes)
        );
    }
    // And the plain form of the same event is read.
    assert!(load::plain::from_bytes::<RawEvent>(event(", detail: \"d\"").as_bytes()).is_some());
}
