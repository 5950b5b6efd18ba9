//! What the screen should show, asked of the same binary's non-interactive commands
//! (`list`, `actors`), so the tests follow the data instead of hard-coding it.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::session::BIN;

/// An event as `list --format json` prints it, reduced to what the tests look for.
pub struct Event {
    pub id: String,
    pub title: String,
}

/// Runs `afghan-timeline ARGS` and returns its stdout lines; an empty result (exit 1) is
/// an empty list, anything else but success fails the test.
pub fn run_lines(args: &[&str]) -> Vec<String> {
    let output = Command::new(BIN)
        .args(args)
        .output()
        .expect("run the binary");
    let code = output.status.code();
    assert!(
        code == Some(0) || code == Some(1),
        "afghan-timeline {args:?} exited with {code:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .expect("utf-8 output")
        .lines()
        .map(str::to_owned)
        .collect()
}

/// `list --format id` with extra filter arguments: the ids in date order.
pub fn ids(filter: &[&str]) -> Vec<String> {
    let mut args = vec!["list", "--format", "id"];
    args.extend_from_slice(filter);
    run_lines(&args)
}

/// Every event of the built-in timeline in date order.
pub fn events() -> Vec<Event> {
    let events: Vec<Event> = run_lines(&["list", "--format", "json"])
        .iter()
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            Event {
                id: string_field(&value, "id"),
                title: string_field(&value, "title"),
            }
        })
        .collect();
    let ids = ids(&[]);
    assert_eq!(
        events.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(),
        ids,
        "json and id formats list the same events"
    );
    assert!(
        events.len() >= 4,
        "the built-in timeline has enough events for these tests"
    );
    events
}

/// `(id, name)` of every actor, in the file's order (the picker's order).
pub fn actors() -> Vec<(String, String)> {
    run_lines(&["actors", "--format", "json"])
        .iter()
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            (string_field(&value, "id"), string_field(&value, "name"))
        })
        .collect()
}

pub fn string_field(value: &serde_json::Value, key: &str) -> String {
    value[key]
        .as_str()
        .unwrap_or_else(|| panic!("no string {key:?} in {value}"))
        .to_owned()
}

/// A file in the temporary directory that is removed when dropped. Unique per process
/// and per call, so tests running in parallel never share one.
pub struct Scratch {
    path: PathBuf,
}

impl Scratch {
    pub fn new(label: &str) -> Scratch {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!(
            "afghan-timeline-pty-{}-{n}-{label}",
            std::process::id()
        ));
        // Whatever a crashed earlier run with the same pid left must not pass for output.
        let _ = std::fs::remove_file(&path);
        Scratch { path }
    }

    pub fn with_contents(label: &str, contents: &str) -> Scratch {
        let scratch = Scratch::new(label);
        std::fs::write(&scratch.path, contents).expect("write a scratch file");
        scratch
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The file's contents; a file that was never created fails the test.
    pub fn read(&self) -> String {
        std::fs::read_to_string(&self.path)
            .unwrap_or_else(|e| panic!("read {}: {e}", self.path.display()))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}
