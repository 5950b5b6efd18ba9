//! Text from files never acts on the terminal: `sanitize::clean` itself, every human
//! format on the control-character fixture, JSON escaping, and error messages.

use crate::common;

use std::borrow::Cow;

use afghan_timeline::sanitize::{Lines, clean, line, quote};
use common::{fixture, run};

/// Characters that must never reach the terminal raw (beyond C0, which is checked apart).
const RAW_FORBIDDEN: [char; 5] = ['\u{1b}', '\u{9b}', '\u{202e}', '\r', '\u{7}'];

#[track_caller]
fn assert_inert(what: &str, text: &str) {
    for c in RAW_FORBIDDEN {
        assert!(!text.contains(c), "{what}: raw {c:?} in\n{text}");
    }
    let bad = text.chars().find(|&c| {
        (c.is_control() && c != '\n' && c != '\t') || ('\u{2066}'..='\u{2069}').contains(&c)
    });
    assert_eq!(bad, None, "{what}: control character in\n{text}");
}

#[test]
fn clean_text_is_borrowed_unchanged() {
    for text in [
        "",
        "plain ASCII",
        "Soviet–Afghan War, « 1979 »",
        "می‌خواهم \u{200f}RLM",
        "中华人民共和国",
        "two\nlines",
    ] {
        let cleaned = clean(text, Lines::Keep);
        assert!(matches!(cleaned, Cow::Borrowed(_)), "{text:?}");
        assert_eq!(cleaned, text);
    }
    assert!(matches!(line("one line"), Cow::Borrowed("one line")));
}

#[test]
fn dangerous_characters_become_visible_escapes() {
    let table = [
        ("\u{1b}[31mred", "\\u{1b}[31mred"),
        ("a\u{7}b", "a\\u{7}b"),
        ("\u{9b}2J", "\\u{9b}2J"),
        ("\u{85}", "\\u{85}"),
        ("x\u{7f}", "x\\u{7f}"),
        ("\u{202e}abc\u{202c}", "\\u{202e}abc\\u{202c}"),
        ("\u{2066}isolate\u{2069}", "\\u{2066}isolate\\u{2069}"),
        ("over\rwrite", "over\\u{d}write"),
        ("\0", "\\u{0}"),
        // Dari and Pashto need ZWNJ, ZWJ, LRM and RLM: they stay.
        (
            "a\u{200c}b\u{200d}c\u{200e}d\u{200f}\u{1b}",
            "a\u{200c}b\u{200d}c\u{200e}d\u{200f}\\u{1b}",
        ),
    ];
    for (input, expected) in table {
        assert_eq!(clean(input, Lines::Keep), expected, "{input:?}");
        assert_eq!(clean(input, Lines::Escape), expected, "{input:?}");
    }
}

#[test]
fn newlines_kept_or_escaped() {
    assert_eq!(clean("a\nb", Lines::Keep), "a\nb");
    assert_eq!(clean("a\nb", Lines::Escape), "a\\u{a}b");
    assert_eq!(clean("a\r\nb", Lines::Keep), "a\\u{d}\nb");
    assert_eq!(line("a\r\nb"), "a\\u{d}\\u{a}b");
}

#[test]
fn tabs_expand_to_the_next_stop() {
    assert_eq!(clean("\tx", Lines::Keep), "        x");
    assert_eq!(clean("ab\tx", Lines::Keep), "ab      x");
    assert_eq!(clean("abcdefgh\tx", Lines::Keep), "abcdefgh        x");
    // Columns restart after a kept newline.
    assert_eq!(clean("abc\n\tx", Lines::Keep), "abc\n        x");
}

#[test]
fn clean_is_idempotent() {
    for text in [
        "\u{1b}[31mred\u{1b}[0m",
        "tab\there\nand\r\n\u{9b}",
        "\u{202e}bidi\u{2067}",
        "plain",
        "\\u{1b} already escaped",
    ] {
        for lines in [Lines::Keep, Lines::Escape] {
            let once = clean(text, lines).into_owned();
            let twice = clean(&once, lines);
            assert!(matches!(twice, Cow::Borrowed(_)), "{text:?}");
            assert_eq!(twice, once);
        }
    }
}

#[test]
fn quote_shortens_and_cleans() {
    assert_eq!(quote("ussr"), "'ussr'");
    assert_eq!(quote("a\u{1b}b"), "'a\\u{1b}b'");
    let long = "x".repeat(100);
    assert_eq!(quote(&long), format!("'{}…'", "x".repeat(60)));
}

#[test]
fn human_formats_escape_control_characters() {
    let path = fixture("valid/control-characters.ron");
    for format in ["text", "line", "markdown", "id"] {
        let out = run(&["--file", &path, "list", "--format", format]);
        out.code(0);
        assert_inert(format, &out.stdout);
        if format == "id" {
            continue;
        }
        // Markdown escapes the escape's backslash and bracket, so it renders as written.
        let shown = |visible: &str| {
            if format == "markdown" {
                visible.replace('\\', "\\\\").replace('[', "\\[")
            } else {
                visible.to_owned()
            }
        };
        assert!(
            out.stdout.contains(&shown("Red \\u{1b}[31mtitle")),
            "{format}"
        );
        assert!(
            out.stdout.contains(&shown("Hostile\\u{1b}[2J actor")),
            "{format}"
        );
        // ZWNJ and RLM are kept as themselves.
        assert!(
            out.stdout.contains("می\u{200c}خواهم \u{200f}RLM"),
            "{format}"
        );
        // The title's tabs became spaces.
        assert!(out.stdout.contains("with       ta      b"), "{format}");
        if format != "line" {
            // Multi-line formats also show the summary and location.
            assert!(out.stdout.contains(&shown("\\u{9b}2J")), "{format}");
            assert!(
                out.stdout.contains(&shown("Kabul\\u{202e}lubaK")),
                "{format}"
            );
            assert!(out.stdout.contains(&shown("Line one\\u{d}\n")), "{format}");
        }
    }
    let out = run(&["--file", &path, "actors"]);
    out.code(0);
    assert_inert("actors", &out.stdout);
    assert!(out.stdout.contains("(\\u{202e}reversed)"));
}

#[test]
fn text_format_shows_escapes_in_every_field() {
    let out = run(&[
        "--file",
        &fixture("valid/control-characters.ron"),
        "show",
        "csi",
    ]);
    out.code(0);
    for expected in [
        "  location: Kabul\\u{202e}lubaK",
        "  tags: tag\\u{1b}[5m, ",
        "  date note: note \\u{1b}[1mbold",
        "  Line one\\u{d}\n  over\\u{d}write",
        "OSC \\u{1b}]0;new title\\u{7} and",
        // An address cannot hold a control character (issue 25): `check` refuses it.
        "  1. Pub\\u{1b}[31m, \"Title\\u{d}\", https://example.org/control",
    ] {
        assert!(
            out.stdout.contains(expected),
            "{expected:?} in\n{}",
            out.stdout
        );
    }
}

#[test]
fn json_escapes_controls_and_keeps_the_strings() {
    let path = fixture("valid/control-characters.ron");
    let out = run(&["--file", &path, "list", "--format", "json"]);
    out.code(0);
    assert_inert("json", &out.stdout);
    assert!(out.stdout.contains("\\u001b[31m"));
    assert!(out.stdout.contains("\\u009b2J"));
    assert!(out.stdout.contains("\\u202e"));
    let timeline = common::load_fixture("valid/control-characters.ron");
    for (line, event) in out.stdout.lines().zip(&timeline.events) {
        let value: serde_json::Value = serde_json::from_str(line).expect("JSON");
        assert_eq!(value["title"], event.title.as_str());
        assert_eq!(value["summary"], event.summary.as_str());
        assert_eq!(value["detail"].as_str(), event.detail.as_deref());
        assert_eq!(value["location"].as_str(), event.location.as_deref());
        assert_eq!(
            value["sources"][0]["url"].as_str(),
            event.sources[0].url.as_deref()
        );
    }
    let actors = run(&["--file", &path, "actors", "--format", "json"]);
    assert_inert("actors json", &actors.stdout);
    let actor: serde_json::Value = serde_json::from_str(actors.stdout.trim_end()).expect("JSON");
    assert_eq!(actor["name"], "Hostile\u{1b}[2J actor");
    assert_eq!(actor["aliases"][0], "\u{202e}reversed");
}

#[test]
fn ron_output_escapes_controls() {
    let out = run(&[
        "--file",
        &fixture("valid/control-characters.ron"),
        "list",
        "--format",
        "ron",
    ]);
    out.code(0);
    assert_inert("ron", &out.stdout);
}

#[test]
fn error_messages_escape_hostile_values() {
    let path = fixture("invalid/unknown-actor-escape.ron");
    let out = run(&["check", &path]);
    out.code(2);
    assert_inert("check stderr", &out.stderr);
    assert!(
        out.stderr
            .contains("unknown actor '\\u{1b}]0;pwned\\u{7}\\u{1b}[2J\\u{9b}31m\\u{202e}'"),
        "{}",
        out.stderr
    );

    // Raw control bytes in the file itself: message and snippet are both cleaned.
    let raw = b"(title: \"x\", actors: [(id: \"a\x1b[31m\xc2\x9b\", name: \"A\", kind: State)], events: [])";
    let scratch = common::scratch("raw-controls.ron", raw);
    let out = run(&["check", &scratch]);
    out.code(2);
    assert_inert("raw controls stderr", &out.stderr);
    assert!(
        out.stderr
            .contains("actor id 'a\\u{1b}[31m\\u{9b}' contains '\\u{1b}'"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("(id: \"a\\u{1b}[31m\\u{9b}\", name"),
        "{}",
        out.stderr
    );

    // Command-line values echoed back.
    for args in [
        &["list", "--actor", "\u{1b}[31mx\u{202e}"][..],
        &["show", "\u{1b}]0;title\u{7}"],
        &["list", "--from", "\u{9b}1979"],
        &["check", "no-such-\u{1b}[2J.ron"],
    ] {
        let out = run(args);
        out.code(2);
        assert_inert(&format!("{args:?}"), &out.stderr);
        assert!(out.stderr.contains("\\u{"), "{args:?}: {}", out.stderr);
    }
}
