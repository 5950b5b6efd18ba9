//! `w`: the events shown (or the marked ones) written to a file, in the format its
//! extension names. `update` decides what to write and hands the loop a [`WriteJob`]; the
//! loop runs [`write`], which makes the subset timeline, formats it with the one writer
//! `export` uses, and writes it atomically, never over an existing file unless the reader
//! confirmed.

use std::fmt::Write as _;
use std::path::PathBuf;

use crate::interop::{self, Format, timelinejs};
use crate::model::calendar::DateStyle;
use crate::model::{EventId, Timeline};
use crate::sanitize::quote;

/// One file to write: where, in what format, which events, and what chose them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WriteJob {
    /// As the reader typed it (for messages).
    pub path: String,
    pub format: Format,
    /// In date order.
    pub events: Vec<EventId>,
    /// What selected them, for the written timeline's description: the filter's flags or
    /// the marks.
    pub made_by: String,
    pub dates: DateStyle,
    /// Whether the reader confirmed replacing a file that is there.
    pub overwrite: bool,
}

/// How a write ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Written {
    /// Written: the message for the status line.
    Done(String),
    /// A file is there and the reader has not said to replace it.
    Exists,
    /// Not written: why, for the status line.
    Failed(String),
}

/// The path as typed, `~/` as the home directory.
fn resolve(typed: &str) -> PathBuf {
    match (typed.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(typed),
    }
}

/// Writes the job's events of `timeline`, as a timeline of their own, to its file.
pub fn write(timeline: &Timeline, job: &WriteJob) -> Written {
    let subset = crate::query::subset(timeline, &job.events, &job.made_by);
    let options = interop::WriteOptions {
        timelinejs: timelinejs::ExportOptions {
            dates: job.dates,
            ..timelinejs::ExportOptions::default()
        },
    };
    let mut bytes = Vec::new();
    let warnings = match interop::write(&mut bytes, job.format, &subset.timeline, options) {
        Ok(warnings) => warnings,
        Err(e) => return Written::Failed(format!("not written: {e}")),
    };
    let path = resolve(&job.path);
    let result = if job.overwrite {
        crate::atomic::replace(&path, &bytes)
    } else {
        crate::atomic::create_new(&path, &bytes)
    };
    match result {
        Ok(()) => {
            let n = job.events.len();
            let mut message = format!(
                "wrote {n} event{} as {} to {}",
                if n == 1 { "" } else { "s" },
                job.format.name(),
                quote(&job.path)
            );
            let notes: Vec<String> = subset.warnings().into_iter().chain(warnings).collect();
            if let Some(first) = notes.first() {
                let _ = write!(message, " · {first}");
                if notes.len() > 1 {
                    let _ = write!(message, " (+{} more)", notes.len() - 1);
                }
            }
            Written::Done(message)
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && !job.overwrite => {
            Written::Exists
        }
        Err(e) => Written::Failed(format!("cannot write {}: {}", quote(&job.path), why(&e))),
    }
}

/// Why a file could not be written, in words that fit a status line: the OS's own text
/// without its `(os error 2)`, and for the common cases what to do.
fn why(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => "no such directory; check the path".to_owned(),
        ErrorKind::PermissionDenied => "permission denied; choose another directory".to_owned(),
        ErrorKind::IsADirectory => "it is a directory; give a file name".to_owned(),
        _ => {
            let text = e.to_string();
            match text.rfind(" (os error ") {
                Some(at) => text[..at].to_owned(),
                None => text,
            }
        }
    }
}
