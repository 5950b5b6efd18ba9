//! The hostile suite, third round (issue 25), for the loader's resources: a file over the
//! size cap refused by its size, a load that needs more memory than there is refused with
//! a message instead of aborting (bug 7), and a file that changes while it is read (bug 8).

use std::cell::Cell;
use std::fmt::Write as _;
use std::process::{Command, Stdio};

use crate::common::{assert_no_crash, scratch};

/// Runs `script` in `sh` with the address space limited to `kb` KiB (`ulimit -v`), `$BIN`
/// the binary; returns the exit status and stderr.
fn limited(kb: u64, script: &str) -> (Option<i32>, String) {
    let output = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {kb} && {script}"))
        .env("BIN", env!("CARGO_BIN_EXE_afghan-timeline"))
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .expect("sh runs");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_no_crash(&stderr);
    (output.status.code(), stderr)
}

/// A timeline of `n` events as small as events get.
fn tiny(n: usize) -> String {
    let mut text =
        String::from("(title: \"t\", actors: [(id: \"a\", name: \"A\", kind: State)], events: [\n");
    for i in 0..n {
        let _ = writeln!(
            text,
            "(id: \"e{i}\", date: \"2000\", title: \"t\", summary: \"s\", actors: [\"a\"], \
             sources: [(publisher: \"p\", title: \"t\")]),"
        );
    }
    text + "])\n"
}

/// Bug 7: a regular file over the 4 GiB cap is refused by its size, before any of it is
/// read: under a 512 MiB address space, which reading it whole could never fit.
#[test]
fn a_file_over_the_cap_is_refused_by_its_size() {
    // Text for longer than the first chunk the loader checks, then a hole.
    let head = format!("(title: \"t\", events: [{}", " ".repeat(200_000));
    let path = scratch("hostile3-sparse.ron", head.as_bytes());
    let file = std::fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .expect("open");
    // Sparse: no disk is used for the hole.
    file.set_len(afghan_timeline::load::MAX_BYTES + 1)
        .expect("a sparse file");
    drop(file);
    let (code, stderr) = limited(512 * 1024, &format!("exec \"$BIN\" check --file '{path}'"));
    let _ = std::fs::remove_file(&path);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("larger than 4096 MiB, the most a timeline may be"),
        "{stderr}"
    );
}

/// Bug 7 and the memory per event: a timeline that needs more memory than the process may
/// take is refused with a message and exit 2, not an abort ("memory allocation of …
/// bytes failed", status 134) halfway through the load.
#[test]
fn a_load_that_cannot_fit_in_memory_is_a_message() {
    let path = scratch("hostile3-tiny.ron", tiny(400_000).as_bytes());
    let (code, stderr) = limited(400 * 1024, &format!("exec \"$BIN\" check --file '{path}'"));
    let _ = std::fs::remove_file(&path);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("loading it needs about"), "{stderr}");
    assert!(
        stderr.contains("(about 4"),
        "about 400,000 events: {stderr}"
    );
    assert!(stderr.contains("MiB is free for it"), "{stderr}");
}

/// Bug 7 for a stream, whose size is not known before it is read: the buffer is grown with
/// `try_reserve`, so running out while reading is a message too.
#[test]
fn a_stream_too_large_for_memory_is_a_message() {
    let (code, stderr) = limited(
        300 * 1024,
        "{ printf '('; head -c 600000000 /dev/zero | tr '\\0' ' '; } | \"$BIN\" check --file -",
    );
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("<stdin>: not enough memory to read it"),
        "{stderr}"
    );
}

/// Bug 8: a file changed between being read and being checked is refused as changed, not
/// reported against its new text; for a small file read whole and for one of 5 MB read in
/// pieces on every core.
#[test]
fn a_file_changed_while_it_is_read_is_refused() {
    let valid = crate::common::timeline_of(&[("a", "1947-12-24", None), ("b", "1950", None)]);
    let invalid = valid.replace("1947-12-24", "1979-02-30");
    let mut large_valid = tiny(45_000);
    large_valid.insert_str(large_valid.len() - 3, &valid_event("x", "1947-12-24"));
    let large_invalid = large_valid.replace("1947-12-24", "1979-02-30");
    assert!(large_valid.len() > 5_000_000);
    for (label, before, after) in [
        ("small", &invalid, &valid),
        ("large", &large_invalid, &large_valid),
    ] {
        let path = scratch(&format!("hostile3-changing-{label}.ron"), before.as_bytes());
        let changed = Cell::new(false);
        let result = afghan_timeline::load::load_path_pausing(
            std::path::Path::new(&path),
            &afghan_timeline::load::Progress::default(),
            &|| {
                if !changed.replace(true) {
                    // Longer, so that the change shows whatever the clock's resolution.
                    std::fs::write(&path, format!("{after}\n// edited\n")).expect("rewrite");
                }
            },
        );
        assert!(changed.get(), "{label}: the pause ran");
        let message = result.map(|_| ()).expect_err("refused").to_string();
        assert!(
            message.ends_with("changed while it was read; try again once it is written"),
            "{label}: {message}"
        );
        assert!(!message.contains("1947-12-24"), "{label}: {message}");
        // Unchanged, the same file is reported as it is.
        std::fs::write(&path, before).expect("rewrite");
        let report =
            afghan_timeline::load::load(&afghan_timeline::load::Input::Path(path.clone().into()))
                .map(|_| ())
                .expect_err("invalid")
                .to_string();
        assert!(report.contains("'1979-02-30'"), "{label}: {report}");
        let _ = std::fs::remove_file(&path);
    }
}

fn valid_event(id: &str, date: &str) -> String {
    format!(
        "(id: \"{id}\", date: \"{date}\", title: \"t\", summary: \"s\", actors: [\"a\"], \
         sources: [(publisher: \"p\", title: \"t\")]),\n"
    )
}
