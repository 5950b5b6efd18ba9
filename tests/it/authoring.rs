//! A person's own timeline: `add` puts one event in at its place in date order and changes
//! nothing else (a property over random files with comments and odd formatting); a bad
//! event leaves the file byte for byte as it was; `new` never replaces a file; `export --to
//! ron` is an editable copy that loads back as the same timeline.

use std::fmt::Write as _;

use afghan_timeline::authoring::{self, AddError};
use afghan_timeline::load;
use afghan_timeline::output::ron_format::timeline_text;
use proptest::prelude::*;

use crate::common::{proptest_config, run, run_with_stdin, scratch};

/// An event's text as a person might write it: named or not, fields on one line or many.
fn event_text(id: &str, date: &str, named: bool, one_line: bool) -> String {
    let name = if named { "Event" } else { "" };
    if one_line {
        format!(
            "{name}(id: \"{id}\", date: \"{date}\", title: \"T {id}\", summary: \"S\", actors: [\"a\"], sources: [(publisher: \"P\", title: \"Q\")])"
        )
    } else {
        format!(
            "{name}(\n    id: \"{id}\",\n    date: \"{date}\",\n    title: \"T {id}\",\n    summary: \"S\",\n    actors: [\"a\"],\n    sources: [\n        (publisher: \"P\", title: \"Q\"),\n    ],\n)"
        )
    }
}

fn date_text() -> impl Strategy<Value = String> {
    (1900..2030i32, 0..3u8, 1..=12u32, 1..=28u32).prop_map(|(y, p, m, d)| match p {
        0 => format!("{y}"),
        1 => format!("{y}-{m:02}"),
        _ => format!("{y}-{m:02}-{d:02}"),
    })
}

fn sort_key(date: &str) -> i32 {
    date.parse::<afghan_timeline::model::Date>()
        .expect("a date")
        .sort_key()
}

prop_compose! {
    /// A valid file: events in date order, each written its own way, with comments and
    /// blank lines between them, two- or four-space indents, a trailing comma or not.
    fn file()(
        dates in prop::collection::vec(date_text(), 0..8),
        styles in prop::collection::vec((any::<bool>(), any::<bool>(), 0..3u8), 8),
        four in any::<bool>(),
        trailing in any::<bool>(),
    ) -> (String, Vec<String>) {
        let mut dates = dates;
        dates.sort_by_key(|d| sort_key(d));
        let ind = if four { "    " } else { "  " };
        let mut text = format!(
            "// my timeline\nTimeline(\n{ind}title: \"Mine\", // a comment\n{ind}actors: [(id: \"a\", name: \"A\", kind: Person)],\n\n{ind}events: ["
        );
        for (i, date) in dates.iter().enumerate() {
            let (named, one_line, gap) = styles[i];
            match gap {
                0 => text.push('\n'),
                1 => text.push_str("\n\n"),
                _ => {
                    let _ = write!(text, "\n{ind}{ind}// before e{i}\n");
                }
            }
            let event = event_text(&format!("e{i}"), date, named, one_line);
            let event: Vec<String> = event.lines().map(|l| format!("{ind}{ind}{l}")).collect();
            text.push_str(&event.join("\n"));
            if i + 1 < dates.len() || trailing {
                text.push(',');
            }
            if gap == 2 {
                text.push_str(" // after");
            }
        }
        let _ = write!(text, "\n{ind}],\n)\n");
        (text, dates)
    }
}

/// The lines `new` has that `old` lacks, when that is one block (and at most one line
/// before it given a comma): the whole of the difference.
fn inserted_block<'a>(old: &'a str, new: &'a str) -> Option<Vec<&'a str>> {
    let (o, n): (Vec<&str>, Vec<&str>) = (old.lines().collect(), new.lines().collect());
    let prefix = o.iter().zip(&n).take_while(|(a, b)| a == b).count();
    let suffix = o[prefix..]
        .iter()
        .rev()
        .zip(n[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (o_mid, n_mid) = (&o[prefix..o.len() - suffix], &n[prefix..n.len() - suffix]);
    match o_mid {
        [] => Some(n_mid.to_vec()),
        // The last element had no trailing comma: its line gains one, nothing else.
        [line] if n_mid.first().is_some_and(|n| gains_a_comma(line, n)) => {
            Some(n_mid[1..].to_vec())
        }
        _ => None,
    }
}

/// Whether `new` is `old` with one comma put in somewhere.
fn gains_a_comma(old: &str, new: &str) -> bool {
    new.len() == old.len() + 1
        && new
            .char_indices()
            .any(|(i, c)| c == ',' && format!("{}{}", &new[..i], &new[i + 1..]) == old)
}

proptest! {
    #![proptest_config(proptest_config(96))]

    #[test]
    fn add_inserts_one_block_at_its_date_and_changes_nothing_else(
        (text, dates) in file(),
        date in date_text(),
        named in any::<bool>(),
        one_line in any::<bool>(),
    ) {
        let before = load::parse(&text, "mine.ron").expect("the generated file loads");
        let event = event_text("new", &date, named, one_line);
        let added = authoring::add(&text, "mine.ron", &event, "<stdin>").expect("added");
        let block = inserted_block(&text, &added.text);
        prop_assert!(block.is_some(), "more than one block changed:\n{}\n---\n{}", text, added.text);
        let block = block.expect("checked");
        prop_assert_eq!(block.len(), event.lines().count(), "{:?}", block);
        prop_assert!(block.iter().any(|l| l.contains("id: \"new\"")));
        let after = load::parse(&added.text, "mine.ron").expect("the result loads");
        prop_assert_eq!(after.events.len(), before.events.len() + 1);
        // In file order, the event sits after every event dated on or before it and
        // before every later one.
        let new_at = added.text.find("id: \"new\"").expect("present");
        for (i, d) in dates.iter().enumerate() {
            let at = added.text.find(&format!("id: \"e{i}\"")).expect("kept");
            if sort_key(d) <= sort_key(&date) {
                prop_assert!(at < new_at, "e{} ({}) after the new event ({})", i, d, date);
            } else {
                prop_assert!(at > new_at, "e{} ({}) before the new event ({})", i, d, date);
            }
        }
        prop_assert_eq!(added.line, added.text[..added.text.find("id: \"new\"").expect("x")].lines().count() - usize::from(!one_line));
    }

    #[test]
    fn a_bad_event_is_refused_and_the_text_is_not_changed(
        (text, dates) in file(),
        which in 0..5u8,
    ) {
        let event = match which {
            0 if !dates.is_empty() => event_text("e0", "1999", true, true),
            0 | 1 => event_text("x", "1999", true, true).replace("[\"a\"]", "[\"nobody\"]"),
            2 => event_text("x", "1999-02-30", true, true),
            3 => event_text("x", "1999", true, true).replace("title", "titel"),
            _ => "Event(id: \"x\", date: ".to_owned(),
        };
        let refused = authoring::add(&text, "mine.ron", &event, "<stdin>");
        prop_assert!(matches!(refused, Err(AddError::Event(_) | AddError::Timeline { .. })), "{:?}", refused);
    }
}

#[test]
fn bad_events_leave_the_file_byte_for_byte_and_exit_2() {
    let text = authoring::new_timeline("Mine");
    let path = scratch("add-bad.ron", text.as_bytes());
    let cases = [
        (
            event_text("started", "2026", true, false),
            "duplicate event id 'started'",
        ),
        (
            event_text("x", "2026", true, false).replace("[\"a\"]", "[\"mee\"]"),
            "did you mean 'me'",
        ),
        (
            event_text("x", "2026-13", true, false).replace("[\"a\"]", "[\"me\"]"),
            "'2026-13'",
        ),
        ("Event(id: \"x\", date: \"2026\"".to_owned(), "<stdin>:"),
    ];
    for (event, message) in cases {
        let event = event.replace("[\"a\"]", "[\"me\"]");
        let out = run_with_stdin(&["add", "--file", &path], event.as_bytes());
        out.code(2);
        assert!(out.stderr.contains(message), "{message}: {}", out.stderr);
        assert!(out.stderr.contains("is unchanged"), "{}", out.stderr);
        assert_eq!(
            std::fs::read_to_string(&path).expect("read"),
            text,
            "{message}"
        );
    }
    let good = event_text("later", "2027-01-02", true, false).replace("[\"a\"]", "[\"me\"]");
    let out = run_with_stdin(&["add", "--file", &path], good.as_bytes());
    out.code(0);
    assert!(out.stderr.contains("added 'later'"), "{}", out.stderr);
    let now = std::fs::read_to_string(&path).expect("read");
    assert!(inserted_block(&text, &now).is_some());
    assert_eq!(load::parse(&now, "x").expect("loads").events.len(), 2);
}

#[test]
fn the_built_in_timeline_and_stdin_are_not_added_to() {
    for args in [&["add"][..], &["add", "--file", "-"]] {
        let out = run_with_stdin(args, b"Event()");
        out.code(2);
        assert!(
            out.stderr.contains("export --to ron > my.ron"),
            "{}",
            out.stderr
        );
    }
}

#[test]
fn new_writes_a_valid_timeline_and_never_replaces_a_file() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("new-cmd");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join("story.ron");
    let path = path.to_str().expect("utf-8");
    run(&["new", path, "--title", "My story"]).code(0);
    let out = run(&["--file", path, "check"]);
    out.code(0);
    assert!(
        out.stdout.contains("ok: 1 events, 1 actors"),
        "{}",
        out.stdout
    );
    std::fs::write(path, "mine").expect("write");
    let again = run(&["new", path]);
    again.code(2);
    assert!(again.stderr.contains("never replaces"), "{}", again.stderr);
    assert_eq!(std::fs::read_to_string(path).expect("read"), "mine");
}

#[test]
fn export_to_ron_is_a_copy_that_loads_back_as_the_same_timeline() {
    let original = load::parse(load::EMBEDDED, "timeline.ron").expect("loads");
    let text = timeline_text(&original).expect("written");
    let copy = load::parse(&text, "copy.ron").expect("the copy loads");
    assert_eq!(copy, original);
    let out = run(&["export", "--to", "ron"]);
    out.code(0);
    assert_eq!(out.stdout, text);
}

/// A small file of two events, its lines ended by `nl`, and an event to add to it.
fn two_events(nl: &str) -> String {
    [
        "Timeline(",
        "    title: \"t\",",
        "    actors: [(id: \"a\", name: \"A\", kind: Person)],",
        "    events: [",
        "        (id: \"x\", date: \"1979\", title: \"X\", summary: \"S\", actors: [\"a\"], sources: [(publisher: \"P\", title: \"Q\")]),",
        "        (id: \"z\", date: \"1999\", title: \"Z\", summary: \"S\", actors: [\"a\"], sources: [(publisher: \"P\", title: \"Q\")]),",
        "    ],",
        ")",
        "",
    ]
    .join(nl)
}

fn summary_of(text: &str, id: &str) -> String {
    let timeline = load::parse(text, "f.ron").expect("loads");
    let event = timeline.find_event(id).expect("the event");
    timeline.event(event).summary.clone()
}

#[test]
fn a_summary_over_several_lines_is_added_as_written() {
    // Re-indenting the event must not indent the string's own lines: they are its text.
    let event = event_text("n", "1985", true, false)
        .replace("summary: \"S\"", "summary: \"first\n  second\"");
    let added = authoring::add(&two_events("\n"), "f.ron", &event, "<stdin>").expect("added");
    assert_eq!(summary_of(&added.text, "n"), "first\n  second");
    // Pasted indented (the string's second line too, so that is its text), with that
    // line starting in a no-break space (from a web page): dedenting cut inside that
    // character and panicked.
    let pasted: String = event
        .replace("first\n  second", "first\n   \u{a0}second")
        .lines()
        .map(|l| ["    ", l, "\n"].concat())
        .collect();
    let added = authoring::add(&two_events("\n"), "f.ron", &pasted, "<stdin>").expect("added");
    assert_eq!(summary_of(&added.text, "n"), "first\n       \u{a0}second");
}

#[test]
fn an_event_with_a_comment_of_its_own_after_it_is_added() {
    // The comma the list needs goes before the comment, not into it.
    let event = event_text("n", "1985", true, false);
    for (text, tail) in [
        (two_events("\n"), " // from my notes"),
        (two_events("\n"), ", // from my notes"),
        (
            two_events("\n").replace("]),\n    ],", "])],"),
            " // from my notes",
        ),
    ] {
        let with_comment = format!("{event}{tail}");
        let added = authoring::add(&text, "f.ron", &with_comment, "<stdin>")
            .unwrap_or_else(|e| panic!("{tail:?} into {text}: {e:?}"));
        assert_eq!(
            load::parse(&added.text, "f.ron")
                .expect("loads")
                .events
                .len(),
            3
        );
        assert!(added.text.contains("), // from my notes"), "{}", added.text);
    }
    let last = event_text("n", "2000", true, false) + " // from my notes";
    let text = two_events("\n").replace("]),\n    ],", "])],");
    let added = authoring::add(&text, "f.ron", &last, "<stdin>").expect("added last");
    assert_eq!(
        load::parse(&added.text, "f.ron")
            .expect("loads")
            .events
            .len(),
        3
    );
}

#[test]
fn a_file_with_crlf_line_ends_gets_an_event_with_crlf_line_ends() {
    let text = two_events("\r\n");
    let event = event_text("n", "1985", true, false);
    let added = authoring::add(&text, "f.ron", &event, "<stdin>").expect("added");
    assert_eq!(
        added.text.matches('\n').count(),
        added.text.matches("\r\n").count(),
        "a line ending in LF alone: {:?}",
        added.text
    );
    assert_eq!(
        added.text.replace("\r\n", "\n").lines().count(),
        text.lines().count() + event.lines().count()
    );
    assert_eq!(
        load::parse(&added.text, "f.ron")
            .expect("loads")
            .events
            .len(),
        3
    );
}

#[test]
fn a_file_that_starts_with_a_byte_order_mark_is_added_to_and_keeps_it() {
    let text = format!("\u{feff}{}", two_events("\r\n"));
    let added = authoring::add(
        &text,
        "f.ron",
        &event_text("n", "1985", true, false),
        "<stdin>",
    )
    .expect("added");
    assert!(added.text.starts_with("\u{feff}Timeline(\r\n"));
    assert_eq!(added.line, 6);
    assert_eq!(
        load::parse(&added.text, "f.ron")
            .expect("loads")
            .events
            .len(),
        3
    );
    // `e` opens the editor at the event's line in such a file too.
    assert_eq!(authoring::event_line(&text, "z"), Some(6));
}

#[cfg(unix)]
#[test]
fn add_through_a_symbolic_link_changes_the_file_it_names_and_keeps_the_link() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("add-link");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("repo")).expect("dir");
    let target = dir.join("repo/story.ron");
    std::fs::write(&target, authoring::new_timeline("Mine")).expect("write");
    let link = dir.join("story.ron");
    std::os::unix::fs::symlink("repo/story.ron", &link).expect("symlink");
    let event = event_text("later", "2027", true, false).replace("[\"a\"]", "[\"me\"]");
    let link_arg = link.to_str().expect("utf-8");
    run_with_stdin(&["add", "--file", link_arg], event.as_bytes()).code(0);
    let meta = std::fs::symlink_metadata(&link).expect("stat");
    assert!(
        meta.file_type().is_symlink(),
        "the link was replaced by a file"
    );
    let now = std::fs::read_to_string(&target).expect("read");
    assert!(
        now.contains("id: \"later\""),
        "the linked file was not changed"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.join("repo"))
        .expect("read dir")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
