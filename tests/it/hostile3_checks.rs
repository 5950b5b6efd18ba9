//! The hostile suite, third round (issue 25), for what `check` refuses and `import` makes:
//! addresses with control or format characters, and text that shows nothing.

use crate::common::{assert_no_crash, run, scratch};

/// `check`'s stderr for a file it must refuse.
fn refused(name: &str, text: &str) -> String {
    let path = scratch(&format!("hostile3-{name}.ron"), text.as_bytes());
    let out = run(&["check", &path]);
    out.code(2);
    out.stderr
}

/// Decision: a source `url` holding a control or format character is not an address; each
/// is named, escaped, at its line and column.
#[test]
fn check_refuses_an_address_with_control_or_format_characters() {
    for (label, hidden, escaped) in [
        ("esc", "\\u{1b}", "\\u{1b}"),
        ("bel", "\\u{7}", "\\u{7}"),
        ("del", "\\u{7f}", "\\u{7f}"),
        ("c1", "\\u{9b}", "\\u{9b}"),
        ("rlo", "\\u{202e}", "\\u{202e}"),
        ("zwsp", "\\u{200b}", "\\u{200b}"),
    ] {
        let text = crate::common::timeline_of(&[("e", "1950", None)]).replace(
            "(publisher: \"p\", title: \"t\")",
            &format!("(publisher: \"p\", title: \"t\", url: \"https://example.org/{hidden}x\")"),
        );
        let stderr = refused(&format!("url-{label}"), &text);
        assert!(
            stderr.contains(":5:")
                && stderr.contains(&format!(
                    "source url 'https://example.org/{escaped}x' holds a control or format \
                 character; it is not an address"
                )),
            "{label}: {stderr}"
        );
        assert!(
            !stderr.contains('\u{1b}') && !stderr.contains('\u{202e}'),
            "{label}"
        );
    }
}

/// Decision: text of control characters, variation selectors, U+2800 or a lone combining
/// mark is blank, refused as an empty title or name is.
#[test]
fn check_refuses_text_that_shows_nothing() {
    let text = "(title: \"\\u{1}\\u{2}\", \
        actors: [(id: \"a\", name: \"\\u{fe0f}\", kind: State)], \
        eras: [(id: \"era\", name: \"\\u{301}\", start: \"1979\", end: \"1989\")], \
        events: [(id: \"e\", date: \"1979\", title: \"\\u{2800}\", summary: \"\\u{0}\", \
        actors: [\"a\"], sources: [(publisher: \"p\", title: \"t\")])])";
    let stderr = refused("blank", text);
    for expected in [
        "the timeline has an empty title",
        "actor 'a' has an empty name",
        "era 'era' has an empty name",
        "event 'e' has an empty title",
        "event 'e' has an empty summary",
    ] {
        assert!(stderr.contains(expected), "{expected}:\n{stderr}");
    }
    // Text with something to show is not blank: a mark on its letter, a braille letter.
    let fine = crate::common::timeline_of(&[("e", "1979", None)])
        .replace("title: \"e\"", "title: \"e\\u{301}\\u{2801}\"");
    let path = scratch("hostile3-not-blank.ron", fine.as_bytes());
    run(&["check", &path]).code(0);
}

/// Decision: import does not make an actor of a group that shows nothing (`"\u0000"`): the
/// slide is given the actor "Unknown", as a slide without a group is, with the warning.
#[test]
fn import_makes_no_actor_of_a_blank_group() {
    let json = r#"{"events": [
        {"start_date": {"year": 1979}, "text": {"headline": "A", "text": "s"}, "group": "\u0000"},
        {"start_date": {"year": 1980}, "text": {"headline": "B", "text": "s"}, "group": "\u0301"}
    ]}"#;
    let path = scratch("hostile3-blank-group.json", json.as_bytes());
    let out = run(&["import", "--from", "timelinejs", &path]);
    out.code(0);
    assert_no_crash(&out.stderr);
    assert!(
        !out.stdout.contains("\\u{0}") && !out.stdout.contains("\\0"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains('\u{301}'), "{}", out.stdout);
    assert!(out.stdout.contains("name: \"Unknown\""), "{}", out.stdout);
    assert!(
        out.stderr.contains("2 events without a group"),
        "{}",
        out.stderr
    );
    // What it wrote loads.
    let back = scratch("hostile3-blank-group.ron", out.stdout.as_bytes());
    run(&["check", &back]).code(0);
}

/// A missing comma at a line's end is reported at that line's end, after the value it
/// should follow, not on the next line's first token.
#[test]
fn a_missing_comma_is_pointed_at_the_line_before() {
    let text = crate::common::timeline_of(&[("e", "1979", None)])
        .replace("date: \"1979\",", "date: \"1979\"\n           ");
    let stderr = refused("comma", &text);
    assert!(
        stderr.contains(":5:31: expected a comma after this value"),
        "{stderr}"
    );
    assert!(stderr.contains("date: \"1979\"\n"), "{stderr}");
    assert!(
        stderr.contains("add ',' at the end of this line"),
        "{stderr}"
    );
    // On one line, the comma is still asked for where the next value starts.
    let text = crate::common::timeline_of(&[("e", "1979", None)])
        .replace("date: \"1979\",", "date: \"1979\"");
    let stderr = refused("comma-inline", &text);
    assert!(stderr.contains("expected comma"), "{stderr}");
}
