//! The parallel loader against the single-threaded one: for random valid timelines written
//! with hostile text (strings holding `(`, `]`, `//`, `"`, raw strings, nested comments,
//! CRLF line ends, a BOM), both give exactly the same timeline; for the same files with one
//! point corrupted, both give exactly the same diagnostics. `load::parse_on` forces the
//! thread count whatever the size, so a few events are cut into several parts.

use afghan_timeline::load::{self, LoadError};
use afghan_timeline::model::Timeline;
use proptest::prelude::*;

use crate::common::proptest_config;

/// Pieces of string content that a careless splitter would take for structure.
const HOSTILE: [&str; 22] = [
    "(",
    ")",
    "]",
    "[",
    "}",
    ",",
    "//",
    "/*",
    "*/",
    "\"",
    "\\",
    "'",
    "#",
    "r#\"",
    "\"#",
    "\n",
    "\r\n",
    "word",
    " ",
    "é",
    // Where the parallel parse guesses that an element starts, in a file laid out in lines.
    "\n    (",
    "\n    Event(",
];

/// Trivia that may stand between any two tokens.
const TRIVIA: [&str; 7] = [
    " ",
    "\n    ",
    "// a comment with ] ( \" , and r#\"\n",
    "/* block ] , ( \" */",
    "/* nested /* twice ] */ still , ( */",
    "\t",
    "",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(HOSTILE.to_vec()), 0..10)
        .prop_map(|parts| parts.concat())
}

/// One string value and how to write it: escaped (false) or raw `r#"…"#` (true).
fn value() -> impl Strategy<Value = (String, bool)> {
    (text(), any::<bool>())
}

#[derive(Clone, Debug)]
struct Ev {
    title: (String, bool),
    summary: (String, bool),
    detail: Option<(String, bool)>,
    date: &'static str,
    actors: Vec<usize>,
    related: Vec<usize>,
    named: bool,
}

/// The values in order, each once.
fn once_each(values: &[usize]) -> impl Iterator<Item = usize> + '_ {
    values
        .iter()
        .enumerate()
        .filter(|(k, v)| !values[..*k].contains(v))
        .map(|(_, v)| *v)
}

fn event() -> impl Strategy<Value = Ev> {
    (
        value(),
        value(),
        prop::option::of(value()),
        prop::sample::select(vec!["1979-12-24", "1989-02", "~1919", "2001"]),
        prop::collection::vec(0..3usize, 1..3),
        prop::collection::vec(0..8usize, 0..3),
        any::<bool>(),
    )
        .prop_map(
            |(title, summary, detail, date, actors, related, named)| Ev {
                title,
                summary,
                detail,
                date,
                actors,
                related,
                named,
            },
        )
}

#[derive(Clone, Debug)]
#[allow(clippy::struct_excessive_bools)] // each is one independent way of writing the file
struct File {
    events: Vec<Ev>,
    /// Which trivia goes where, cycled through.
    trivia: Vec<usize>,
    crlf: bool,
    bom: bool,
    trailing_comma: bool,
    /// Every element on a line of its own, indented alike: the parallel parse then reads
    /// the list in pieces whose starts it guesses.
    lines: bool,
}

fn file() -> impl Strategy<Value = File> {
    (
        prop::collection::vec(event(), 0..12),
        prop::collection::vec(0..TRIVIA.len(), 1..16),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(events, trivia, crlf, bom, trailing_comma, lines)| File {
            events,
            trivia,
            crlf,
            bom,
            trailing_comma,
            lines,
        })
}

/// A RON string literal for `s`.
fn literal((s, raw): &(String, bool)) -> String {
    // Never blank: the content of a title or summary is not what is under test here.
    let s = format!("x{s}");
    if *raw {
        let longest = s.split(|c| c != '#').map(str::len).max().unwrap_or(0);
        let hashes = "#".repeat(longest + 1);
        format!("r{hashes}\"{s}\"{hashes}")
    } else {
        format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

struct Writer<'a> {
    out: String,
    trivia: &'a [usize],
    next: usize,
}

impl Writer<'_> {
    fn push(&mut self, s: &str) {
        self.out.push_str(s);
    }

    /// Some trivia, from the file's cycle.
    fn gap(&mut self) {
        let t = self.trivia[self.next % self.trivia.len()];
        self.next += 1;
        self.out.push_str(TRIVIA[t]);
    }

    fn field(&mut self, name: &str, value: &str) {
        self.gap();
        self.push(name);
        self.gap();
        self.push(":");
        self.gap();
        self.push(value);
        self.gap();
        self.push(",");
    }
}

fn render(f: &File) -> String {
    let mut w = Writer {
        out: String::new(),
        trivia: &f.trivia,
        next: 0,
    };
    if f.bom {
        w.push("\u{feff}");
    }
    w.push("Timeline(");
    w.field("title", "\"Hostile ], ( // \\\" text\"");
    w.field(
        "actors",
        "[(id: \"a0\", name: \"A, ]\", kind: State), (id: \"a1\", name: r#\"B \"( \"#, kind: Person), (id: \"a2\", name: \"C\", kind: Group)]",
    );
    w.gap();
    w.push("events");
    w.gap();
    w.push(":");
    w.gap();
    w.push("[");
    let n = f.events.len();
    for (i, e) in f.events.iter().enumerate() {
        if f.lines {
            w.push("\n    ");
        } else {
            w.gap();
        }
        if e.named {
            w.push("Event");
        }
        w.push("(");
        w.field("id", &format!("\"e{i}\""));
        w.field("date", &format!("\"{}\"", e.date));
        w.field("title", &literal(&e.title));
        w.field("summary", &literal(&e.summary));
        if let Some(d) = &e.detail {
            w.field("detail", &literal(d));
        }
        // Each actor and related event once, and no event related to itself (check's rules).
        let actors: Vec<String> = once_each(&e.actors).map(|a| format!("\"a{a}\"")).collect();
        w.field("actors", &format!("[{}]", actors.join(", ")));
        w.field("sources", "[(publisher: \"P\", title: \"T ] ( //\")]");
        let related: Vec<String> = once_each(&e.related)
            .filter(|r| *r < n && *r != i)
            .map(|r| format!("\"e{r}\""))
            .collect();
        w.field("related", &format!("[{}]", related.join(",")));
        w.gap();
        w.push(")");
        w.gap();
        if i + 1 < n || f.trailing_comma {
            w.push(",");
        }
    }
    w.gap();
    w.push("]");
    w.gap();
    w.push(")");
    w.gap();
    if f.crlf {
        w.out.replace('\n', "\r\n")
    } else {
        w.out
    }
}

/// One point of the text changed: a token inserted, a stretch deleted, a byte replaced.
#[derive(Clone, Debug)]
enum Corruption {
    Insert(f64, &'static str),
    Delete(f64, usize),
    Byte(f64, u8),
}

fn corruption() -> impl Strategy<Value = Corruption> {
    let at = 0.0..1.0f64;
    let tokens = vec![
        "(",
        ")",
        "[",
        "]",
        ",",
        ",,",
        "\"",
        "r#\"",
        "//",
        "/*",
        "*/",
        "'",
        "#",
        ":",
        "x",
        "\u{2028}",
        "\0",
        "date: \"1979-13-01\",",
        "actors: [\"nobody\"],",
        "related: [\"e0\"],",
        "(id: \"e0\", date: \"2001\", title: \"t\", summary: \"s\", actors: [\"a0\"], sources: [(publisher: \"p\", title: \"t\")]),",
    ];
    prop_oneof![
        3 => (at.clone(), prop::sample::select(tokens)).prop_map(|(a, t)| Corruption::Insert(a, t)),
        2 => (at.clone(), 1..12usize).prop_map(|(a, n)| Corruption::Delete(a, n)),
        1 => (at, any::<u8>()).prop_map(|(a, b)| Corruption::Byte(a, b)),
    ]
}

fn corrupt(text: &str, c: &Corruption) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    // A fraction of the length, as an index: truncation is the point.
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    let at = |f: f64, len: usize| ((f * len as f64) as usize).min(len);
    match c {
        Corruption::Insert(f, token) => {
            let i = at(*f, bytes.len());
            bytes.splice(i..i, token.bytes());
        }
        Corruption::Delete(f, n) => {
            let i = at(*f, bytes.len());
            let end = (i + n).min(bytes.len());
            bytes.drain(i..end);
        }
        Corruption::Byte(f, b) => {
            let i = at(*f, bytes.len());
            if let Some(slot) = bytes.get_mut(i) {
                *slot = *b;
            }
        }
    }
    bytes
}

/// Everything a load yields, to compare: the whole timeline, or the whole report.
fn outcome(result: Result<Timeline, LoadError>) -> Result<Timeline, String> {
    result.map_err(|e| {
        let plain = e.to_string();
        match e {
            LoadError::Invalid(report) => format!("{plain}\n{}\n{report:?}", report.render(true)),
            _ => plain,
        }
    })
}

fn single_and_parallel(bytes: &[u8]) -> (Result<Timeline, String>, Result<Timeline, String>) {
    let single = outcome(load::parse_bytes_on(bytes.to_vec(), "f.ron", 1));
    let parallel = outcome(load::parse_bytes_on(bytes.to_vec(), "f.ron", 4));
    (single, parallel)
}

proptest! {
    #![proptest_config(proptest_config(256))]

    #[test]
    fn valid_hostile_files_give_the_single_threaded_timeline(f in file()) {
        let text = render(&f);
        let (single, parallel) = single_and_parallel(text.as_bytes());
        let timeline = single.as_ref().unwrap_or_else(|e| panic!("the generated file is invalid:\n{e}\n{text}"));
        prop_assert_eq!(timeline.events.len(), f.events.len());
        prop_assert_eq!(&parallel, &single, "{}", text);
        // The parallel path was taken, not the fallback: the scanner split the list whole.
        let body = text.strip_prefix('\u{feff}').unwrap_or(&text).replace("\r\n", "\n");
        let split = load::split(body.as_bytes()).expect("a generated file splits");
        prop_assert_eq!(split.items.len(), f.events.len());
    }

    #[test]
    fn corrupted_files_give_the_single_threaded_diagnostics(f in file(), c in corruption()) {
        let text = render(&f);
        let bytes = corrupt(&text, &c);
        let (single, parallel) = single_and_parallel(&bytes);
        prop_assert_eq!(&parallel, &single, "{}", String::from_utf8_lossy(&bytes));
    }
}

/// The fixtures, valid and not, load the same on one thread and on several.
#[test]
fn fixtures_load_the_same_on_one_thread_and_on_several() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut seen = 0;
    for sub in ["valid", "invalid", "hostile", "tui"] {
        let Ok(entries) = std::fs::read_dir(format!("{dir}/{sub}")) else {
            continue;
        };
        for entry in entries.flatten() {
            let bytes = std::fs::read(entry.path()).expect("fixture reads");
            let (single, parallel) = single_and_parallel(&bytes);
            assert_eq!(parallel, single, "{}", entry.path().display());
            seen += 1;
        }
    }
    assert!(seen > 20, "only {seen} fixtures found");
}
