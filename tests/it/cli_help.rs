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
    let filters = [
        "--actor",
        "--all-actors",
        "--exact-actors",
        "--exclude-actor",
        "--tag",
        "--ids",
        "--query",
        "--from",
        "--to",
    ];
    let list = [&["--file", "--format"][..], &filters].concat();
    // `export` filters as `list` does; its `--to` is the format, the range's end `--until`.
    let export = [
        &["--file", "--to", "--until"][..],
        &filters[..filters.len() - 1],
    ]
    .concat();
    let table: [(&str, &[&str], &[&str]); 8] = [
        ("list", &list, &[]),
        ("show", &["--file", "--format"], &filters),
        ("actors", &["--file", "--format"], &filters),
        ("check", &["--file"], &filters),
        ("export", &export, &["--format"]),
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
    // What a help does not list, clap refuses: after the subcommand, and before it.
    for args in [
        &["show", "--actor", "ussr", "saur-revolution"][..],
        &["man", "--file", "x.ron"],
        &[
            "import",
            "--file",
            "x.ron",
            "--from",
            "timelinejs",
            "y.json",
        ],
    ] {
        let out = run(args);
        out.code(2);
        assert!(out.stdout.is_empty());
        assert!(
            out.stderr
                .contains(&format!("unexpected argument '{}'", args[1])),
            "{args:?}: {}",
            out.stderr
        );
    }
    let out = run(&["--actor", "ussr", "show", "saur-revolution"]);
    out.code(2);
    assert!(
        out.stderr.contains("--actor is not an option of 'show'"),
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
    use afghan_timeline::tui::mode::help_sections;
    let out = run(&["man"]);
    let keys = out
        .stdout
        .split_once(".SH KEYS\n")
        .expect("a KEYS section")
        .1;
    let roff = |s: &str| s.replace('\\', "\\e").replace('-', "\\-");
    for (title, table) in help_sections() {
        assert!(keys.contains(&format!(".SS {}", roff(title))), "{title}");
        for b in table {
            let entry = format!(".TP\n\\fB{}\\fR\n{}\n", roff(&keys_label(b)), roff(b.help));
            assert!(keys.contains(&entry), "{entry}");
        }
    }
}

/// What the shell hook asks the binary for the word at `index` of `words` (`clap_complete`'s
/// dynamic protocol, as fish speaks it: one candidate a line, help after a tab).
fn complete(words: &[&str], index: usize) -> Vec<String> {
    let out = crate::common::bin()
        .env("COMPLETE", "fish")
        .env("_CLAP_COMPLETE_INDEX", index.to_string())
        .arg("--")
        .args(words)
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("UTF-8")
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn completions_offer_event_ids_after_show_and_actors_after_actor() {
    let ids = complete(&["afghan-timeline", "show", "saur"], 2);
    assert_eq!(ids.len(), 1, "{ids:?}");
    assert!(ids[0].starts_with("saur-revolution\t"), "{ids:?}");
    let select = complete(&["afghan-timeline", "--select", "saur"], 2);
    assert!(select[0].starts_with("saur-revolution\t"), "{select:?}");
    let actors = complete(&["afghan-timeline", "list", "--actor", "tal"], 3);
    let values: Vec<&str> = actors.iter().filter_map(|l| l.split('\t').next()).collect();
    assert_eq!(values, ["taliban", "Taliban"], "{actors:?}");
    // From the file the command line names.
    let file = crate::common::fixture("valid/named-structs.ron");
    let ids = complete(&["afghan-timeline", "--file", &file, "show", ""], 4);
    let values: Vec<&str> = ids
        .iter()
        .filter_map(|l| l.split('\t').next())
        .filter(|v| !v.starts_with('-'))
        .collect();
    assert_eq!(values, ["invasion", "withdrawal"], "{ids:?}");
    // A file that does not load completes nothing, quietly.
    let none = complete(
        &["afghan-timeline", "--file", "/no/such.ron", "show", ""],
        4,
    );
    assert!(none.iter().all(|l| l.starts_with('-')), "{none:?}");
}

#[test]
fn completions_offer_actor_ids_after_exclude_actor_and_tags_after_tag() {
    let actors = complete(&["afghan-timeline", "list", "--exclude-actor", "rus"], 3);
    let values: Vec<&str> = actors.iter().filter_map(|l| l.split('\t').next()).collect();
    assert_eq!(values, ["russia", "Russia"], "{actors:?}");
    let actors = complete(&["afghan-timeline", "export", "--actor", "tal"], 3);
    let values: Vec<&str> = actors.iter().filter_map(|l| l.split('\t').next()).collect();
    assert_eq!(values, ["taliban", "Taliban"], "{actors:?}");
    // Tags of the file the command line names, with their counts.
    let file = crate::common::fixture("filters/sharp.ron");
    let tags = complete(
        &["afghan-timeline", "--file", &file, "list", "--tag", "d"],
        5,
    );
    assert_eq!(
        tags,
        ["Diplomacy\t1 event", "diplomacy\t2 events"],
        "{tags:?}"
    );
    let tags = complete(
        &["afghan-timeline", "--file", &file, "list", "--tag", "s"],
        5,
    );
    assert_eq!(tags, ["security\t2 events"], "{tags:?}");
}
