//! Timelines in other tools' formats: TimelineJS both ways, and documents for people
//! (a Markdown chronology) and programs (one JSON document).
//!
//! Everything here is I/O-free except [`read_input`]: converters take a validated
//! [`crate::model::Timeline`] or the bytes of a file and return text or values plus the
//! warnings to show, and `command` prints both. Invariants: an export never fails (what
//! a target cannot show is reported as a warning), and an import either fails with a
//! `path:line:col: message` error or returns a timeline that `check` accepts, with every
//! value it could not carry over named in a warning.

pub mod csv;
pub mod document;
pub mod format;
pub mod html;
pub mod markdown;
pub mod timelinejs;

pub use format::{EXTENSIONS, Format, WriteOptions, format_for_path, write};

use crate::load::Input;

/// Why an import produced nothing. Displayed, each is a complete message for stderr.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{name}: {reason}")]
    Read { name: String, reason: String },
    #[error("{name}:{line}:{col}: {message}")]
    Syntax {
        name: String,
        line: usize,
        col: usize,
        message: String,
    },
    /// A converter bug: the output did not load. Reported rather than written out.
    #[error(
        "{name}: the imported timeline does not pass 'check'; this is a bug in afghan-timeline, please report it:\n{report}"
    )]
    Invalid { name: String, report: String },
    /// The input could not be read as text (a device, binary data, too large).
    #[error("{0}")]
    Input(crate::load::LoadError),
}

/// What an import reads, for the messages on a file that is not text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// TimelineJS JSON.
    TimelineJs,
    /// A sheet (CSV) in TimelineJS's layout.
    Sheet,
}

impl Kind {
    fn what(self) -> &'static str {
        match self {
            Kind::TimelineJs => "a TimelineJS JSON file",
            Kind::Sheet => "a CSV sheet",
        }
    }

    fn encoding(self) -> &'static str {
        match self {
            Kind::TimelineJs => "a TimelineJS file is UTF-8 JSON",
            Kind::Sheet => "save the sheet as CSV in UTF-8 (in a spreadsheet program: CSV UTF-8)",
        }
    }
}

/// The bytes of an input file (`-` is standard input), with the same one-line messages
/// as loading a timeline for a missing file, a directory or an unreadable one.
pub fn read_input(input: &Input, kind: Kind) -> Result<Vec<u8>, ImportError> {
    let name = input.name();
    let fail = |reason: String| ImportError::Read {
        name: name.clone(),
        reason,
    };
    match input {
        Input::Embedded => Err(fail("nothing to import; give a file".to_owned())),
        Input::Path(path) if path.is_dir() => Err(fail("is a directory, not a file".to_owned())),
        Input::Path(path)
            if std::fs::metadata(path).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound) =>
        {
            Err(fail("no such file; check the path".to_owned()))
        }
        // Bounded as a timeline is: devices refused, binary input seen in its first chunk,
        // at most `load::MAX_BYTES`.
        // Its messages for binary input speak of RON timelines: here the file is another.
        _ => crate::load::read(input).map_err(|e| match e {
            crate::load::LoadError::Binary { name, line, col } => ImportError::Syntax {
                name,
                line,
                col,
                message: format!(
                    "a NUL byte; this looks like a binary file, not {}",
                    kind.what()
                ),
            },
            crate::load::LoadError::NotUtf8 {
                name,
                line,
                col,
                byte,
            } => ImportError::Syntax {
                name,
                line,
                col,
                message: format!("not valid UTF-8 (byte 0x{byte:02x}); {}", kind.encoding()),
            },
            other => ImportError::Input(other),
        }),
    }
}
