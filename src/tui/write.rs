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
use crate::tui::time::svg::{self, SvgOptions};

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
    let mut bytes = Vec::new();
    // The picture draws the events from the timeline itself; the other formats write
    // them as a timeline of their own, whose making may have something to say.
    let made = match job.format {
        Format::Svg => {
            let options = SvgOptions {
                dates: job.dates,
                ..SvgOptions::default()
            };
            svg::write_events(&mut bytes, timeline, &job.events, options).map(|()| Vec::new())
        }
        format => {
            let subset = crate::query::subset(timeline, &job.events, &job.made_by);
            let options = interop::WriteOptions {
                timelinejs: timelinejs::ExportOptions {
                    dates: job.dates,
                    ..timelinejs::ExportOptions::default()
                },
            };
            interop::write(&mut bytes, format, &subset.timeline, options)
                .map(|warnings| subset.warnings().into_iter().chain(warnings).collect())
        }
    };
    let notes: Vec<String> = match made {
        Ok(notes) => notes,
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
