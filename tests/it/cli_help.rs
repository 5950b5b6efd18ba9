//! The command line's own documentation through the binary: each subcommand's help lists
//! only what works there, `--select` hidden by the filter is a usage error, the man pages
//! and the completions.

use crate::common::run;

/// The flags a subcommand's help shows (`--file`, `--actor`…), from its Options section.
fn flags(help: &str) -> Vec<&str> {
    help.lines()
        .filter_map(|l| {
            let l = l.trim_start();
            let l = l.strip_prefix("-h, ").unwrap_or(l);
            l.starts_with("--")
                .then(|| l.split([' ', '=']).next().unwrap_or(l))
        })
        .collect()
}

#[test]
fn each_subcommands_help_lists_only_the_flags_that_work_there() {
    let filters = ["--actor", "--all-actors", "--query", "--from", "--to"];
    let table: [(&str, &[&str], &[&str]); 8] = [
        (
            "list",
            &[
                "--file",
                "--actor",
                "--all-actors",
                "--query",
                "--from",
                "--to",
                "--format",
            ],
            &[],
        ),
        ("show", &["--file", "--format"], &filters),
        ("actors", &["--file", "--format"], &filters),
        ("check", &["--file"], &filters),
        ("export", &["--file", "--to"], &["--actor", "--query"]),
        (
            "import",
            &["--from", "--group-kind"],
            &["--file", "--actor"],
        ),
        ("completions", &[], &["--file"]),
        ("man", &[], &["--file"]),
    ];
    for (sub, shown, hidden) in table {
        let out = run(&[sub, "--help"]);
        out.code(0);
        let listed = flags(&out.stdout);
        for flag in shown {
            assert!(
                listed.contains(flag),
                "{sub} --help lacks {flag}: {listed:?}"
            );
        }
        for flag in hidden {
            assert!(
                !listed.contains(flag),
                "{sub} --help lists {flag}: {listed:?}"
            );
        }
    }
    // Hidden is not accepted: those flags are still refused with a word on where they go.
    let out = run(&["show", "--actor", "ussr", "saur-revolution"]);
    out.code(2);
    assert!(
        out.stderr
            .contains("filter 'list' and the explorer, not 'show'"),
        "{}",
        out.stderr
    );
    let out = run(&["man", "--file", "x.ron"]);
    out.code(2);
    assert!(
        out.stderr.contains("'man' does not read one"),
        "{}",
        out.stderr
    );
}

#[test]
fn select_hidden_by_the_starting_filter_is_a_usage_error_naming_the_filter() {
    let out = run(&[
        "--from",
        "2000",
        "--actor",
        "ussr",
        "--select",
        "recognition-1919",
    ]);
    out.code(2);
    assert_eq!(
        out.stderr,
        "afghan-timeline: --select 'recognition-1919' is hidden by the filter \
(--actor ussr --from 2000); drop the filter or select an event it shows\n"
    );
}

#[test]
fn an_unknown_actor_suggests_the_actor_before_an_alias() {
    let file = crate::common::scratch(
        "alias-suggest.ron",
        br#"Timeline(
    title: "Aliases",
    actors: [
        Actor(id: "ussr", name: "Soviet Union", kind: State, aliases: ["Soviet Army"]),
        Actor(id: "usa", name: "United States", kind: State),
    ],
    events: [
        Event(id: "e", date: "1979", title: "E", summary: "S", actors: ["ussr"], sources: [(publisher: "P", title: "T")]),
    ],
)"#,
    );
    let out = run(&["--file", &file, "list", "--actor", "Sovet"]);
    out.code(2);
    assert!(
        out.stderr.contains("(did you mean 'Soviet Union' (ussr)?)"),
        "{}",
        out.stderr
    );
    // An alias alone close to the word still finds its actor.
    let out = run(&["--file", &file, "list", "--actor", "Soviet Armi"]);
    assert!(
        out.stderr.contains("(did you mean 'Soviet Union' (ussr)?)"),
        "{}",
        out.stderr
    );
}

/// Every page the man page names (`afghan-timeline-list(1)`) is printed by `man NAME`,
/// and an unknown one is a usage error listing them.
#[test]
fn every_man_page_named_exists() {
    let main = run(&["man"]);
    main.code(0);
    let named: std::collections::BTreeSet<&str> = main
        .stdout
        .split("afghan\\-timeline\\-")
        .skip(1)
        .filter_map(|rest| rest.split_once("(1)").map(|(name, _)| name))
        .filter(|name| name.chars().all(|c| c.is_ascii_lowercase()))
        .collect();
    assert!(named.len() >= 8, "{named:?}");
    for name in named {
        let page = run(&["man", name]);
        page.code(0);
        assert!(
            page.stdout
                .contains(&format!(".TH afghan-timeline-{name} 1")),
            "{name}: {}",
            &page.stdout[..page.stdout.len().min(200)]
        );
    }
    let list = run(&["man", "list"]);
    assert!(
        list.stdout.contains("\\fB\\-\\-actor\\fR"),
        "list's page has its flags"
    );
    assert!(
        list.stdout.contains("\\fB\\-\\-file\\fR"),
        "and the global ones"
    );
    let out = run(&["man", "nope"]);
    out.code(2);
    assert!(
        out.stderr
            .contains("no man page 'nope'; the subcommands are list,"),
        "{}",
        out.stderr
    );
}

/// The man page's KEYS section is the keymap: every binding's keys and words, per mode.
#[test]
fn the_man_page_has_a_keys_section_from_the_keymap() {
    use afghan_timeline::tui::keymap::keys_label;
    use afghan_timeline::tui::overlay::HELP_SECTIONS;
    let out = run(&["man"]);
    let keys = out
        .stdout
        .split_once(".SH KEYS\n")
        .expect("a KEYS section")
        .1;
    let roff = |s: &str| s.replace('\\', "\\e").replace('-', "\\-");
    for (title, table) in HELP_SECTIONS {
        assert!(keys.contains(&format!(".SS {}", roff(title))), "{title}");
        for b in table {
            let entry = format!(".TP\n\\fB{}\\fR\n{}\n", roff(&keys_label(b)), roff(b.help));
            assert!(keys.contains(&entry), "{entry}");
        }
    }
}
