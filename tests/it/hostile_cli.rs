//! The hostile suite, second round, for the command line's edges: output that cannot be
//! written, flags a subcommand would ignore, and messages that must not leak the program's
//! own type names or confuse a quoted value.

use crate::common;
use std::process::Stdio;

use common::{bin, fixture, run, scratch};

/// Every command, `--help` and `--version` included, with its arguments.
fn every_command() -> Vec<Vec<String>> {
    let tljs = fixture("timelinejs/every-field.json");
    [
        &["--help"][..],
        &["--version"],
        &["help"],
        &["list", "--help"],
        &["list"],
        &["show", "soviet-intervention"],
        &["actors"],
        &["check"],
        &["export", "--to", "markdown"],
        &["export", "--to", "json"],
        &["export", "--to", "timelinejs"],
        &["import", "--from", "timelinejs", &tljs],
        &["completions", "bash"],
        &["man"],
    ]
    .iter()
    .map(|args| args.iter().map(|a| (*a).to_owned()).collect())
    .collect()
}

/// Decision: output that cannot be written is an error for every command.
#[test]
fn a_full_output_is_an_error_for_every_command() {
    for args in every_command() {
        let out = bin()
            .args(&args)
            .stdin(Stdio::null())
            .stdout(std::fs::File::create("/dev/full").expect("/dev/full opens"))
            .output()
            .expect("the binary runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains("cannot write output: No space left on device"),
            "{args:?}: {stderr}"
        );
    }
}

/// Decision: a closed standard output is an error too, while `> /dev/null` is not.
#[test]
fn a_closed_output_is_an_error_for_every_command() {
    for args in every_command() {
        let closed = std::process::Command::new("sh")
            .arg("-c")
            .arg("exec \"$0\" \"$@\" >&-")
            .arg(env!("CARGO_BIN_EXE_afghan-timeline"))
            .args(&args)
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .output()
            .expect("sh runs");
        let stderr = String::from_utf8_lossy(&closed.stderr);
        assert_eq!(closed.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains("cannot write output: standard output is closed"),
            "{args:?}: {stderr}"
        );
        let discarded = bin()
            .args(&args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .output()
            .expect("the binary runs");
        assert_ne!(discarded.status.code(), Some(2), "{args:?} > /dev/null");
    }
}

/// Decision: a reader that goes away (`| head`) is a quiet end, `--help` included.
#[test]
fn a_closed_pipe_stays_a_quiet_success() {
    for args in every_command() {
        let out = std::process::Command::new("bash")
            .arg("-c")
            .arg("\"$0\" \"$@\" | true; exit ${PIPESTATUS[0]}")
            .arg(env!("CARGO_BIN_EXE_afghan-timeline"))
            .args(&args)
            .stdin(Stdio::null())
            .output()
            .expect("bash runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            !stderr.contains("cannot write") && !stderr.contains("panicked"),
            "{args:?}: {stderr}"
        );
        assert_ne!(out.status.code(), Some(2), "{args:?}: {stderr}");
    }
}

/// Decision: `--file X check Y` names two files; a usage error, not a silent choice.
#[test]
fn check_with_two_files_is_a_usage_error() {
    let out = run(&["--file", "x.ron", "check", "y.ron"]);
    out.code(2);
    assert!(
        out.stderr
            .contains("'check' was given two files, --file 'x.ron' and 'y.ron'"),
        "{}",
        out.stderr
    );
}

/// Decision: a quoted kind says that kinds are written without quotes.
#[test]
fn a_quoted_kind_says_to_drop_the_quotes() {
    let path = scratch(
        "hostile-cli-kind.ron",
        b"(title: \"t\", actors: [(id: \"a\", name: \"A\", kind: \"State\")], events: [])",
    );
    let out = run(&["check", &path]);
    out.code(2);
    assert!(
        out.stderr
            .contains(":1:50: the kind '\"State\"' is written without quotes"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("help: write kind: State"),
        "{}",
        out.stderr
    );
}

/// Decision: warnings about records that do not read name no Rust type.
#[test]
fn record_warnings_name_no_rust_types() {
    let json = r#"{"title": {"text": {"headline": "T"}, "afghan_timeline": 5},
        "events": [{"start_date": {"year": 1980}, "text": {"headline": "h", "text": "t"},
        "afghan_timeline": "x"}],
        "afghan_timeline": {"actors": [{"id": "a", "name": "A", "kind": "State", "aliases": 3}]}}"#;
    let path = scratch("hostile-cli-records.json", json.as_bytes());
    let out = run(&["import", "--from", "timelinejs", &path]);
    out.code(0);
    let warnings: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| l.contains("afghan_timeline record"))
        .collect();
    assert_eq!(warnings.len(), 3, "{}", out.stderr);
    for warning in warnings {
        assert!(
            !warning.contains("Record") && !warning.contains("Raw") && !warning.contains("struct"),
            "{warning}"
        );
    }
    assert!(
        out.stderr
            .contains("expected an event as 'list --format json' prints it")
    );
}

/// Item 4 and 12 through import: what `check` now refuses is repaired with a true reason,
/// so an import still gives a timeline `check` accepts.
#[test]
fn imports_repair_what_check_refuses_with_true_reasons() {
    let json = r#"{"title": {"text": {"headline": "\u200b"}},
        "events": [
          {"unique_id": "e1", "start_date": {"year": 1980}, "text": {"headline": "h", "text": "t"},
           "afghan_timeline": {"title": "h", "date": "1980", "summary": "t", "actors": ["a", "a"],
             "tags": ["", "ok"], "related": ["e1", "e2", "e2"], "sources": [{"publisher": "p", "title": "t"}]}},
          {"unique_id": "e2", "start_date": {"year": 1981}, "text": {"headline": "\u2060", "text": "t"}}],
        "afghan_timeline": {"actors": [
          {"id": "a", "name": "A", "kind": "State", "aliases": ["b", " "]},
          {"id": "b", "name": "a", "kind": "State"}]}}"#;
    let path = scratch("hostile-cli-repair.json", json.as_bytes());
    let out = run(&["import", "--from", "timelinejs", &path]);
    out.code(0);
    for expected in [
        "related event 'e1' is the event itself; the link is dropped",
        "related event 'e2' is listed twice; the repeat is dropped",
        "actor 'a': its alias 'b' is empty or another actor's; it is dropped",
        "actor 'b': its name 'a' is another actor's; it is called 'a (b)'",
        "empty tags are dropped",
        "the timeline is called 'Imported timeline'",
        "event 'e2': its title shows nothing; its title is its id",
    ] {
        assert!(out.stderr.contains(expected), "{expected}:\n{}", out.stderr);
    }
    assert!(
        !out.stderr.contains("is not in the import"),
        "{}",
        out.stderr
    );
    let ron = scratch("hostile-cli-repaired.ron", out.stdout.as_bytes());
    let checked = run(&["check", &ron]);
    checked.code(0);
}

/// The quoted-kind message on an unclosed string that ends inside a multi-byte character
/// (found by the load fuzz target: it panicked on a char boundary).
#[test]
fn a_quoted_kind_message_survives_an_unclosed_string() {
    let bytes = b"(\"\\}\xef\xbb\xbf\xef\xbf\xbb".to_vec();
    let e = afghan_timeline::load::parse_bytes(bytes, "fuzzed.ron").expect_err("refused");
    assert!(e.to_string().contains("fuzzed.ron:1:2:"), "{e}");
}
