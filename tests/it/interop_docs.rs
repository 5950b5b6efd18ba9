//! Documents for people and programs: the Markdown chronology, the JSON document, the
//! shell completion scripts and the man page.

use crate::common;

use std::collections::BTreeSet;

use afghan_timeline::model::Timeline;
use common::{fixture, run};
use serde_json::Value;

#[test]
fn markdown_has_a_heading_per_era_an_entry_per_event_and_footnoted_sources() {
    let r = run(&["export", "--to", "markdown"]);
    r.code(0);
    assert_eq!(r.stderr, "");
    let md = &r.stdout;
    assert!(md.starts_with("# Russia, the Soviet Union and Afghanistan\n\n"));
    assert!(md.contains("*73 events, 1919 to 6 Mar 2026.*"));
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(
        headings,
        [
            "## 1919 – 28 Feb 1921",
            "## PDPA rule, 27 Apr 1978 – 16 Apr 1992",
            "## Soviet–Afghan War, 24 Dec 1979 – 15 Feb 1989",
            "## PDPA rule (continued)",
            "## Mujahideen government, 28 Apr 1992 – 27 Sep 1996",
            "## First Taliban emirate, 27 Sep 1996 – 7 Dec 2001",
            "## US-led intervention, 7 Oct 2001 – 30 Aug 2021",
            "## Second Taliban emirate, 15 Aug 2021–",
            "## Russia's step-by-step normalisation, 6 Apr 2022 – 6 Mar 2026",
            "## Sources",
        ]
    );
    assert_eq!(md.lines().filter(|l| l.starts_with("### ")).count(), 73);
    assert!(md.contains("### 24 Dec 1979 – 25 Dec 1979: Soviet troops enter Afghanistan\n"));

    // Every footnote used is defined once, numbered 1..n in order of first use.
    let defined: Vec<usize> = md
        .lines()
        .filter_map(|l| l.strip_prefix("[^")?.split_once("]: ")?.0.parse().ok())
        .collect();
    assert_eq!(defined, (1..=defined.len()).collect::<Vec<_>>());
    let mut used = BTreeSet::new();
    for l in md.lines().filter(|l| !l.starts_with("[^")) {
        for part in l.split("[^").skip(1) {
            let n: usize = part
                .split(']')
                .next()
                .and_then(|n| n.parse().ok())
                .expect("a number");
            used.insert(n);
        }
    }
    assert_eq!(used, defined.iter().copied().collect());
}

#[test]
fn markdown_numbers_a_source_once_and_escapes_control_characters() {
    let text = "(title: \"t\", actors: [(id: \"a\", name: \"A\", kind: State)], events: [\
        (id: \"one\", date: \"-0044-03-15\", title: \"Ides\", summary: \"s\", actors: [\"a\"], \
         sources: [(publisher: \"Plutarch\", title: \"Caesar\")]),\
        (id: \"two\", date: \"-0044-03-17\", title: \"After\", summary: \"s2\", actors: [\"a\"], \
         sources: [(publisher: \"Plutarch\", title: \"Caesar\"), (publisher: \"Suetonius\", title: \"Julius\")])])";
    let path = common::scratch("interop-footnotes.ron", text.as_bytes());
    let r = run(&["export", "--to", "markdown", "--file", &path]);
    r.code(0);
    assert!(
        r.stdout.contains("## 15 Mar 44 BCE – 17 Mar 44 BCE\n"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("\ns[^1]\n"), "{}", r.stdout);
    assert!(r.stdout.contains("\ns2[^1][^2]\n"), "{}", r.stdout);
    assert!(
        r.stdout
            .ends_with("[^1]: Plutarch, *Caesar*\n[^2]: Suetonius, *Julius*\n")
    );

    let hostile = run(&[
        "export",
        "--to",
        "markdown",
        "--file",
        &fixture("valid/control-characters.ron"),
    ]);
    hostile.code(0);
    assert!(
        !hostile
            .stdout
            .contains(['\u{1b}', '\u{9b}', '\u{202e}', '\u{7}', '\r'])
    );
    assert!(
        // The visible escape, its backslash and bracket escaped for Markdown.
        hostile.stdout.contains("Red \\\\u{1b}\\[31mtitle"),
        "{}",
        hostile.stdout
    );
}

#[test]
fn json_is_one_document_with_the_objects_of_list_and_actors() {
    let r = run(&["export", "--to", "json"]);
    r.code(0);
    assert_eq!(r.stdout.lines().count(), 1);
    let document: Value = serde_json::from_str(&r.stdout).expect("one JSON document");
    let list = run(&["list", "--format", "json"]);
    let events: Vec<Value> = list
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(document["events"], Value::Array(events));
    let actors = run(&["actors", "--format", "json"]);
    let actors: Vec<Value> = actors
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(document["actors"], Value::Array(actors));
    assert_eq!(
        document["title"],
        "Russia, the Soviet Union and Afghanistan"
    );
    assert!(document["description"].is_string());
    assert_eq!(
        document["eras"][0],
        serde_json::json!({"id": "pdpa-rule", "name": "PDPA rule", "start": "1978-04-27", "end": "1992-04-16"})
    );
    // The library function is what the binary prints.
    let timeline: Timeline =
        afghan_timeline::load::load(&afghan_timeline::load::Input::Embedded).expect("loads");
    assert_eq!(
        afghan_timeline::interop::document::timeline_json(&timeline),
        document
    );
}

#[test]
fn completion_scripts_know_every_subcommand_and_value() {
    let marks = [
        ("bash", "complete -F _afghan__timeline"),
        ("zsh", "#compdef afghan-timeline"),
        ("fish", "complete -c afghan-timeline"),
        ("elvish", "edit:completion:arg-completer[afghan-timeline]"),
        ("powershell", "Register-ArgumentCompleter"),
    ];
    for (shell, mark) in marks {
        let r = run(&["completions", shell]);
        r.code(0);
        assert!(r.stdout.contains(mark), "{shell}: no {mark:?}");
        for word in [
            "list",
            "show",
            "export",
            "import",
            "completions",
            "group-kind",
        ] {
            assert!(r.stdout.contains(word), "{shell}: no {word:?}");
        }
        // Elvish and PowerShell scripts complete flags, not their values.
        if matches!(shell, "bash" | "zsh" | "fish") {
            for value in ["timelinejs", "markdown", "organization"] {
                assert!(r.stdout.contains(value), "{shell}: no {value:?}");
            }
        }
    }
    // The bash script is valid bash.
    if let Ok(out) = std::process::Command::new("bash")
        .args(["-n", "-c", &run(&["completions", "bash"]).stdout])
        .output()
    {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let bad = run(&["completions", "tcsh"]);
    bad.code(2);
    assert!(bad.stderr.contains("possible values"), "{}", bad.stderr);
}

/// The static scripts cannot list actors or tags, but they should not offer file names
/// after `--actor`, `--exclude-actor`, `--tag` or `--select` either (issue 21).
#[test]
fn static_scripts_offer_no_file_names_for_actors_tags_and_ids() {
    let bash = run(&["completions", "bash"]).stdout;
    for flag in ["--actor)", "--exclude-actor)", "--tag)", "--select)"] {
        let at = bash.find(flag).unwrap_or_else(|| panic!("bash: no {flag}"));
        let reply = bash[at..].lines().nth(1).unwrap_or_default();
        assert!(
            reply.contains("COMPREPLY") && !reply.contains("compgen -f"),
            "bash {flag} {reply}"
        );
    }
    let zsh = run(&["completions", "zsh"]).stdout;
    for flag in ["*--actor=", "*--exclude-actor=", "*--tag=", "--select="] {
        let line = zsh
            .lines()
            .find(|l| l.contains(flag))
            .unwrap_or_else(|| panic!("zsh: no {flag}"));
        assert!(
            !line.contains("_default") && !line.contains("_files"),
            "zsh {line}"
        );
    }
}

#[test]
fn the_man_page_documents_the_command_line() {
    let r = run(&["man"]);
    r.code(0);
    let page = &r.stdout;
    assert!(page.contains(".TH afghan-timeline 1"), "{page}");
    assert!(page.contains(".SH NAME"));
    assert!(page.contains(".SH SUBCOMMANDS"));
    for word in [
        "export",
        "import",
        "completions",
        "\\-\\-file",
        "Exit status",
    ] {
        assert!(page.contains(word), "no {word:?} in the man page");
    }
    let file = run(&["--file", "x.ron", "man"]);
    file.code(2);
    assert!(
        file.stderr.contains("--file is not an option of 'man'"),
        "{}",
        file.stderr
    );
}

/// A reader that leaves after one line: exit 0, and no crash on stderr.
fn reader_leaves_early(args: &[&str]) {
    common::assert_no_crash(&common::reader_leaves_early(args));
}

#[test]
fn a_closed_pipe_ends_every_generator_quietly() {
    // Large enough that the writer meets the closed pipe: every format writes more than a
    // pipe buffer (64 KiB) for 3 000 events.
    let events: Vec<String> = (0..3_000).map(|i| format!("event-{i}")).collect();
    let spec: Vec<(&str, &str, Option<&str>)> = events
        .iter()
        .map(|id| (id.as_str(), "1979-02-01", None))
        .collect();
    let path = common::scratch("interop-pipe.ron", common::timeline_of(&spec).as_bytes());
    for to in ["markdown", "json", "timelinejs"] {
        reader_leaves_early(&["export", "--to", to, "--file", &path]);
    }
    reader_leaves_early(&["completions", "zsh"]);
    reader_leaves_early(&["man"]);
}
