//! The real binary: every subcommand and format, exit statuses, usage errors, standard
//! input and a reader that goes away early.

use crate::common;

use clap::CommandFactory;
use common::{fixture, run, run_with_stdin};

const FORMATS: [&str; 6] = ["text", "line", "id", "json", "ron", "markdown"];

#[test]
fn clap_definition_is_consistent() {
    afghan_timeline::cli::Cli::command().debug_assert();
    afghan_timeline::cli::command().debug_assert();
}

#[test]
fn check_uses_file_when_no_path_is_given() {
    let out = run(&["--file", &fixture("valid/named-structs.ron"), "check"]);
    out.code(0);
    assert_eq!(out.stdout, "ok: 2 events, 2 actors\n");
}

#[test]
fn list_every_format_on_embedded_data() {
    let ids = run(&["list", "--format", "id"]);
    ids.code(0);
    let count = ids.stdout.lines().count();
    assert!(count > 50, "{count} events");
    for format in FORMATS {
        let out = run(&["list", "--format", format]);
        out.code(0);
        assert!(out.stderr.is_empty(), "{format}: {}", out.stderr);
        let shown = match format {
            "text" => out
                .stdout
                .lines()
                .filter(|l| l.starts_with("  id: "))
                .count(),
            "line" | "id" | "json" => out.stdout.lines().count(),
            "ron" => out.stdout.lines().filter(|l| *l == "(").count(),
            "markdown" => out.stdout.lines().filter(|l| l.starts_with("## ")).count(),
            _ => unreachable!(),
        };
        assert_eq!(shown, count, "{format}: one entry per event");
    }
}

#[test]
fn list_defaults_to_text() {
    assert_eq!(
        run(&["list"]).stdout,
        run(&["list", "--format", "text"]).stdout
    );
}

#[test]
fn show_every_format() {
    let path = fixture("valid/named-structs.ron");
    let expected_start = [
        (
            "text",
            "24 Dec 1979 – 27 Dec 1979  Soviet troops enter Afghanistan\n",
        ),
        (
            "line",
            "1979-12-24\tSoviet Union, Mujahideen\tSoviet troops enter Afghanistan\n",
        ),
        ("id", "invasion\n"),
        ("json", "{\""),
        ("ron", "(\n    id: \"invasion\",\n"),
        (
            "markdown",
            "## 24 Dec 1979 – 27 Dec 1979: Soviet troops enter Afghanistan\n",
        ),
    ];
    for (format, start) in expected_start {
        let out = run(&["--file", &path, "show", "invasion", "--format", format]);
        out.code(0);
        assert!(out.stdout.starts_with(start), "{format}:\n{}", out.stdout);
        if format != "id" {
            assert!(out.stdout.contains("Soviet troops enter"), "{format}");
            assert!(
                !out.stdout.contains("The last Soviet troops"),
                "{format}: one event"
            );
        }
    }
}

#[test]
fn show_unknown_id_says_so_and_suggests() {
    let out = run(&["show", "no-such-id"]);
    out.code(2);
    assert!(out.stdout.is_empty());
    assert!(
        out.stderr
            .starts_with("afghan-timeline: no event with id 'no-such-id'"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("'afghan-timeline list --format id' lists them")
    );

    let out = run(&["show", "soviet-withdrawl"]);
    out.code(2);
    assert!(
        out.stderr
            .contains("(did you mean 'soviet-withdrawal-begins' or 'soviet-withdrawal-complete'"),
        "{}",
        out.stderr
    );
}

#[test]
fn show_each_embedded_id() {
    let ids = run(&["list", "--format", "id"]).stdout;
    for id in ids.lines().step_by(10) {
        let out = run(&["show", id, "--format", "id"]);
        out.code(0);
        assert_eq!(out.stdout, format!("{id}\n"));
    }
}

#[test]
fn actors_text_and_json() {
    let path = fixture("valid/query.ron");
    let out = run(&["--file", &path, "actors"]);
    out.code(0);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(
        lines,
        [
            "ussr     State            2  Soviet Union  (USSR, Moskva Regime)",
            "taliban  Group            3  Taliban  (Islamic Emirate)",
            "kabulov  Person           2  Zamir Kabulov  (Envoy Kabulov)",
            "china    State            1  中华人民共和国",
        ]
    );
    let out = run(&["--file", &path, "actors", "--format", "json"]);
    out.code(0);
    let first: serde_json::Value =
        serde_json::from_str(out.stdout.lines().next().expect("a line")).expect("JSON");
    assert_eq!(
        first,
        serde_json::json!({
            "id": "ussr",
            "name": "Soviet Union",
            "kind": "State",
            "aliases": ["USSR", "Moskva Regime"],
            "events": 2,
        })
    );
    assert_eq!(out.stdout.lines().count(), 4);
    // On the embedded data, every actor line parses.
    let out = run(&["actors", "--format", "json"]);
    out.code(0);
    for line in out.stdout.lines() {
        let value: serde_json::Value = serde_json::from_str(line).expect("JSON line");
        assert!(
            value["id"].is_string() && value["events"].is_u64(),
            "{line}"
        );
    }
}

#[test]
fn filter_that_matches_nothing_exits_one() {
    let out = run(&["list", "--query", "zzzz"]);
    out.code(1);
    assert!(out.stdout.is_empty());
    assert!(out.stderr.is_empty(), "{}", out.stderr);
    run(&["list", "--from", "2999"]).code(1);
}

#[test]
fn unknown_actor_flag_lists_known_actors_and_suggests() {
    let out = run(&["list", "--actor", "nobody"]);
    out.code(2);
    assert!(out.stdout.is_empty());
    assert!(
        out.stderr
            .starts_with("afghan-timeline: unknown actor 'nobody'"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("known actors: ussr, russia, afghanistan")
    );
    assert!(out.stderr.contains(", kabulov,"));

    let out = run(&["list", "--actor", "Kabulow"]);
    out.code(2);
    assert!(
        out.stderr
            .contains("(did you mean 'Zamir Kabulov' (kabulov)?)"),
        "{}",
        out.stderr
    );
}

#[test]
fn bad_date_flag_is_a_usage_error() {
    let out = run(&["list", "--from", "yesterday"]);
    out.code(2);
    assert!(
        out.stderr
            .starts_with("afghan-timeline: --from 'yesterday' is not a date"),
        "{}",
        out.stderr
    );
    let out = run(&["list", "--to", "2023-02-29"]);
    out.code(2);
    assert!(out.stderr.contains("day 29 does not exist in 2023-02"));
    // The leap day exists.
    run(&["list", "--to", "2024-02-29"]).code(0);
}

#[test]
fn clap_usage_errors_exit_two() {
    for args in [
        &["list", "--format", "yaml"][..],
        &["no-such-command"],
        &["show"],
        &["list", "--frob"],
    ] {
        let out = run(args);
        out.code(2);
        assert!(out.stderr.contains("error:"), "{args:?}: {}", out.stderr);
    }
}

#[test]
fn actor_flag_on_embedded_data() {
    let ids = |args: &[&str]| -> Vec<String> {
        let out = run(args);
        out.code(0);
        out.stdout.lines().map(str::to_owned).collect()
    };
    let ussr = ids(&["list", "--actor", "USSR", "--format", "id"]);
    assert_eq!(
        ussr,
        ids(&["list", "--actor", "soviet union", "--format", "id"])
    );
    assert!(
        ussr.iter().any(|id| id == "soviet-intervention"),
        "{ussr:?}"
    );
    let taliban = ids(&["list", "--actor", "islamic emirate", "--format", "id"]);
    let kabulov = ids(&["list", "--actor", "Kabulov", "--format", "id"]);
    let any = ids(&[
        "list", "--actor", "taliban", "--actor", "kabulov", "--format", "id",
    ]);
    let all = ids(&[
        "list",
        "--actor",
        "taliban",
        "--actor",
        "kabulov",
        "--all-actors",
        "--format",
        "id",
    ]);
    assert!(!all.is_empty());
    for id in &any {
        assert!(taliban.contains(id) || kabulov.contains(id), "{id}");
    }
    for id in taliban.iter().chain(&kabulov) {
        assert!(any.contains(id), "{id} missing from the union");
    }
    for id in &all {
        assert!(taliban.contains(id) && kabulov.contains(id), "{id}");
    }
    assert!(all.len() < any.len());
}

#[test]
fn query_and_range_flags_reach_the_filter() {
    let path = fixture("valid/query.ron");
    let ids = |extra: &[&str]| {
        let mut args = vec!["--file", path.as_str(), "list", "--format", "id"];
        args.extend_from_slice(extra);
        run(&args).stdout
    };
    assert_eq!(
        ids(&["--query", "Plain ZAMIR"]),
        "tag-word\nlocation-word\n"
    );
    assert_eq!(
        ids(&["--from", "1979-12", "--to", "1980"]),
        "title-word\nsummary-word\n"
    );
    assert_eq!(ids(&["--to", "1979-01"]), "title-word\n");
    assert_eq!(
        ids(&["--from", "2001-12-31", "--to", "2001-12-31"]),
        "tag-word\n"
    );
}

#[test]
fn file_dash_reads_stdin() {
    let text = std::fs::read(fixture("valid/named-structs.ron")).expect("read");
    let out = run_with_stdin(&["--file", "-", "list", "--format", "id"], &text);
    out.code(0);
    assert_eq!(out.stdout, "invasion\nwithdrawal\n");
    let out = run_with_stdin(&["check", "-"], &text);
    out.code(0);
    assert_eq!(out.stdout, "ok: 2 events, 2 actors\n");
    let out = run_with_stdin(&["--file", "-", "list"], b"");
    out.code(2);
    assert!(
        out.stderr.starts_with("<stdin>: the file is empty"),
        "{}",
        out.stderr
    );
}

/// `list | head -1`: a quiet exit 0, nothing on stderr.
fn reader_leaves_early(args: &[&str]) {
    let stderr = common::reader_leaves_early(args);
    assert!(stderr.is_empty(), "{args:?}: {stderr}");
}

#[test]
fn broken_pipe_is_a_quiet_success() {
    reader_leaves_early(&["list"]);
    // The embedded list may fit in a pipe's buffer; this one cannot, so the writer
    // really meets the closed pipe.
    let events: Vec<String> = (0..10_000).map(|i| format!("event-{i}")).collect();
    let spec: Vec<(&str, &str, Option<&str>)> = events
        .iter()
        .map(|id| (id.as_str(), "1979-02-01", None))
        .collect();
    let path = common::scratch("broken-pipe.ron", common::timeline_of(&spec).as_bytes());
    for format in FORMATS {
        reader_leaves_early(&["--file", &path, "list", "--format", format]);
    }
}

#[test]
fn help_and_version() {
    let out = run(&["--help"]);
    out.code(0);
    assert!(
        out.stdout
            .contains("Exit status: 0 when something was printed")
    );
    for sub in ["list", "show", "actors", "check"] {
        assert!(out.stdout.contains(sub), "{sub}");
    }
    let out = run(&["--version"]);
    out.code(0);
    assert!(out.stdout.starts_with("afghan-timeline "));
}

#[test]
fn filter_flags_work_before_or_after_list() {
    let after = run(&["list", "--query", "embassy", "--format", "id"]);
    let before = run(&[
        "--query", "embassy", "--actor", "russia", "list", "--format", "id",
    ]);
    after.code(0);
    before.code(0);
    let after: Vec<&str> = after.stdout.lines().collect();
    let before: Vec<&str> = before.stdout.lines().collect();
    assert!(
        !before.is_empty() && before.len() < after.len(),
        "{before:?} vs {after:?}"
    );
    assert!(before.iter().all(|id| after.contains(id)));
}

#[test]
fn flags_that_would_be_ignored_are_usage_errors() {
    let cases: &[(&[&str], &str)] = &[
        (&["--format", "json", "list"], "put --format after 'list'"),
        (
            &["show", "soviet-intervention", "--query", "x"],
            "unexpected argument '--query'",
        ),
        (
            &["actors", "--actor", "ussr"],
            "unexpected argument '--actor'",
        ),
        (&["check", "--from", "1979"], "unexpected argument '--from'"),
        (
            &["--query", "x", "check"],
            "--query is not an option of 'check'",
        ),
        (
            &["--select", "soviet-intervention", "list"],
            "--select is not an option of 'list' (before a subcommand it is the explorer's)",
        ),
        (
            &["--file", "a.ron", "check", "b.ron"],
            "'check' was given two files",
        ),
        (
            &["list", "--from", "1980", "--to", "1979"],
            "--from '1980' is after --to '1979'",
        ),
    ];
    for (args, message) in cases {
        let r = run(args);
        r.code(2);
        assert!(r.stdout.is_empty(), "{args:?} printed {}", r.stdout);
        assert!(r.stderr.contains(message), "{args:?}: {}", r.stderr);
    }
    // A range inside one year is not inverted.
    run(&[
        "list", "--from", "1979-12", "--to", "1979-12", "--format", "id",
    ])
    .code(0);
}

/// `list --query 1989` goes through the one search engine: every event dated in 1989, or
/// spanning into it, is listed (as `--from 1989 --to 1989` lists them), and so are events
/// that only say "1989" in their text.
#[test]
fn list_query_finds_events_by_a_date_word() {
    let ids = |args: &[&str]| {
        let mut all = vec!["list", "--format", "id"];
        all.extend_from_slice(args);
        run(&all).code(0).stdout.clone()
    };
    let by_date = ids(&["--from", "1989", "--to", "1989"]);
    let by_word = ids(&["--query", "1989"]);
    assert!(by_date.lines().count() >= 2, "{by_date}");
    for id in by_date.lines() {
        assert!(
            by_word.lines().any(|l| l == id),
            "{id} missing from {by_word}"
        );
    }
    assert_eq!(
        ids(&["--query", "feb 1989"]),
        ids(&["--from", "1989-02", "--to", "1989-02"])
    );
    assert_eq!(
        ids(&["--query", "february 1989"]),
        ids(&["--query", "1989-02"])
    );
}
