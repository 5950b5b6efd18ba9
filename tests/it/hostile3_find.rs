//! The hostile suite, third round (issue 25): matching is Unicode case folding plus accent
//! folding, for search words and actor names alike, and highlighting marks the characters
//! as written.

use crate::common::{run, scratch};

const FOLDING: &str = r#"(title: "f", actors: [
        (id: "city", name: "Kābul Municipality", kind: Organization, aliases: ["ΔΗΜΟΣ"]),
        (id: "p", name: "Person", kind: Person),
    ], events: [
        (id: "dotted", date: "2000", title: "İstanbul talks", summary: "s", actors: ["p"], sources: [(publisher: "p", title: "t")]),
        (id: "greek", date: "2001", title: "ΟΔΥΣΣΕΥΣ returns", summary: "s", actors: ["p"], sources: [(publisher: "p", title: "t")]),
        (id: "macron", date: "2002", title: "Talks in Kābul", summary: "s", actors: ["p"], sources: [(publisher: "p", title: "t")]),
        (id: "city", date: "2003", title: "A council meets", summary: "s", actors: ["city"], sources: [(publisher: "p", title: "t")]),
    ])"#;

fn ids(args: &[&str]) -> Vec<String> {
    let path = scratch("hostile3-folding.ron", FOLDING.as_bytes());
    let mut all = vec!["--file", &path, "list", "--format", "id"];
    all.extend_from_slice(args);
    let out = run(&all);
    out.stdout.lines().map(str::to_owned).collect()
}

/// Decision: `istanbul` finds `İstanbul`, `οδυσσευς` finds `ΟΔΥΣΣΕΥΣ`, `kabul` finds
/// `Kābul`, in the text and in actor names; `--actor` folds the same way.
#[test]
fn search_and_actor_names_fold_case_and_accents() {
    assert_eq!(ids(&["--query", "istanbul"]), ["dotted"]);
    assert_eq!(ids(&["--query", "οδυσσευς"]), ["greek"]);
    assert_eq!(ids(&["--query", "kabul"]), ["macron", "city"]);
    assert_eq!(ids(&["--query", "δημος"]), ["city"]);
    assert_eq!(ids(&["--actor", "kabul municipality"]), ["city"]);
    assert_eq!(ids(&["--actor", "δημος"]), ["city"]);
}

/// Actor names that fold to one name collide, as names differing in case did: `--actor`
/// must find one actor.
#[test]
fn names_that_fold_alike_collide() {
    let text = FOLDING.replace("name: \"Person\"", "name: \"kabul municipality\"");
    let path = scratch("hostile3-folding-clash.ron", text.as_bytes());
    let out = run(&["check", &path]);
    out.code(2);
    assert!(out.stderr.contains("kabul municipality"), "{}", out.stderr);
}

/// Highlighting marks the characters as written: the whole of `Kābul` for `kabul`, the
/// whole of `İstanbul` for `istanbul`.
#[test]
fn highlighting_marks_the_original_characters() {
    use afghan_timeline::tui::highlight::ranges;
    let word = |w: &str| vec![afghan_timeline::fold::fold(w)];
    let text = "Talks in Kābul, then İstanbul";
    let marked: Vec<&str> = ranges(text, &word("kabul"))
        .into_iter()
        .chain(ranges(text, &word("ISTANBUL")))
        .map(|r| &text[r])
        .collect();
    assert_eq!(marked, ["Kābul", "İstanbul"]);
}
