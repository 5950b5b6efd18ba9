//! Reading a timeline: bytes → text → raw serde shapes → validated [`Timeline`].
//!
//! Every way a file can be wrong ends in a [`LoadError`] that renders as compiler-style
//! lines `path:line:col: message`; nothing here panics on any input. The embedded timeline
//! goes through the same path as any file, and a test keeps it valid.

mod assemble;
mod clash;
mod diagnostic;
mod file;
mod locate;
pub mod memory;
mod parallel;
mod pieces;
pub mod plain;
mod problem;
mod progress;
mod raw;
mod read;
mod source;
mod split;
mod validate;

use std::borrow::Cow;
use std::path::PathBuf;

pub use diagnostic::{Diagnostic, Report};
pub use problem::{DocPath, Problem, Seg};
pub use progress::{Phase, Progress, SHOW_FROM_BYTES, Snapshot, loads_quietly};
pub use raw::{RawActor, RawActorKind, RawEra, RawEvent, RawSource, RawTimeline, Refs};
pub use read::MAX_BYTES;
pub use split::{Split, split};
pub use validate::{is_address, warnings};

use crate::model::Timeline;

/// The timeline that ships inside the binary.
pub const EMBEDDED: &str = include_str!("../../data/timeline.ron");

/// Where a timeline comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    Embedded,
    Stdin,
    Path(PathBuf),
}

impl Input {
    /// `-` is standard input; anything else a path.
    pub fn from_arg(arg: &str) -> Input {
        if arg == "-" {
            Input::Stdin
        } else {
            Input::Path(PathBuf::from(arg))
        }
    }

    /// The name used at the start of every message about this input.
    pub fn name(&self) -> String {
        match self {
            Input::Embedded => "data/timeline.ron".to_owned(),
            Input::Stdin => "<stdin>".to_owned(),
            // A name that shows nothing (`check ''`) is quoted, so that the message does
            // not begin with a bare colon; any other is written as compilers write paths.
            Input::Path(p) => {
                let name = p.display().to_string();
                if crate::sanitize::is_blank(&name) {
                    crate::sanitize::quote(&name)
                } else {
                    crate::sanitize::line(&name).into_owned()
                }
            }
        }
    }
}

/// Why a timeline could not be loaded. Displayed, it is the full plain-text report.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    #[error("{name}: {reason}")]
    Read { name: String, reason: String },
    #[error(
        "{name}:{line}:{col}: not valid UTF-8 (byte 0x{byte:02x}); a timeline is a UTF-8 RON text file"
    )]
    NotUtf8 {
        name: String,
        line: usize,
        col: usize,
        byte: u8,
    },
    #[error("{name}:{line}:{col}: a NUL byte; this looks like a binary file, not a RON timeline")]
    Binary {
        name: String,
        line: usize,
        col: usize,
    },
    #[error(
        "{name}: the file is empty; a timeline starts with '(' and has title, actors and events"
    )]
    Empty { name: String },
    #[error("{}", .0.render(false))]
    Invalid(Report),
}

/// Loads a timeline from its input.
pub fn load(input: &Input) -> Result<Timeline, LoadError> {
    load_with(input, &Progress::default())
}

/// Loads a timeline from its input, reporting how far it has got to `progress`.
pub fn load_with(input: &Input, progress: &Progress) -> Result<Timeline, LoadError> {
    let name = input.name();
    match input {
        Input::Embedded => parse_text(Cow::Borrowed(EMBEDDED), &name, 1, progress, Parallel::No),
        Input::Stdin => {
            progress.start(Phase::Reading, None);
            let bytes = read::read_bounded(std::io::stdin().lock(), &name, None, progress)?;
            file::fits_in_memory(&bytes, &name)?;
            let threads = threads_for(bytes.len());
            parse_bytes_metered(bytes, &name, threads, progress, true)
        }
        Input::Path(path) => file::load(path, &name, progress, &|| {}),
    }
}

/// [`load_with`] of a file, with `pause` run between reading the file and checking that it
/// did not change meanwhile: for a test to change it there, deterministically.
#[doc(hidden)]
pub fn load_path_pausing(
    path: &std::path::Path,
    progress: &Progress,
    pause: &dyn Fn(),
) -> Result<Timeline, LoadError> {
    let name = Input::Path(path.to_owned()).name();
    file::load(path, &name, progress, pause)
}

/// The bytes of an input, read with the same bounds as a timeline (see `read`): a device
/// is refused, binary input is recognised from its first chunk, and no more than
/// [`MAX_BYTES`] is read. For `import`.
pub fn read(input: &Input) -> Result<Vec<u8>, LoadError> {
    let name = input.name();
    let progress = Progress::default();
    match input {
        Input::Embedded => Ok(EMBEDDED.as_bytes().to_vec()),
        Input::Stdin => read::read_bounded(std::io::stdin().lock(), &name, None, &progress),
        Input::Path(path) => {
            let file = read::open(path, &name)?;
            read::check_size(&file, &name)?;
            let len = file.metadata().ok().filter(std::fs::Metadata::is_file);
            read::read_bounded(file, &name, len.map(|m| m.len()), &progress)
        }
    }
}

/// Runs `work` on `threads` threads at once, this one among them, until each returns. The
/// threads share out their work through whatever queue `work` takes it from.
fn on_threads(threads: usize, work: impl Fn() + Sync) {
    std::thread::scope(|s| {
        for _ in 1..threads {
            s.spawn(&work);
        }
        work();
    });
}

/// Below this size a file is parsed on one thread: on a busy machine, waiting for a second
/// core to take the spawned thread can cost more than the parse it would share.
const PARALLEL_FROM: usize = 4 << 20;

/// How many threads to parse a text of `len` bytes on.
pub(super) fn threads_for(len: usize) -> usize {
    if len < PARALLEL_FROM {
        1
    } else {
        std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
    }
}

/// What went wrong reading a file, in words, with what to do about it.
pub fn describe_io(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => {
            "no such file; check the path, or leave out --file for the built-in timeline".to_owned()
        }
        ErrorKind::PermissionDenied => "permission denied; check the file's permissions".to_owned(),
        ErrorKind::IsADirectory => "is a directory, not a timeline file".to_owned(),
        _ => format!("cannot read: {e}"),
    }
}

/// Checks the bytes are text, then parses them.
pub fn parse_bytes(bytes: Vec<u8>, name: &str) -> Result<Timeline, LoadError> {
    let threads = threads_for(bytes.len());
    parse_bytes_metered(bytes, name, threads, &Progress::default(), true)
}

/// [`parse_bytes`] on exactly `threads` threads, whatever the size; 1 is the single-threaded
/// path. For the tests and fuzz targets that hold the two to one result.
pub fn parse_bytes_on(bytes: Vec<u8>, name: &str, threads: usize) -> Result<Timeline, LoadError> {
    parse_bytes_metered(bytes, name, threads, &Progress::default(), true)
}

/// `pieces`: whether the parallel parse may try reading the list in pieces (see `pieces`);
/// not when the file has already failed to be read that way.
pub(super) fn parse_bytes_metered(
    bytes: Vec<u8>,
    name: &str,
    threads: usize,
    progress: &Progress,
    pieces: bool,
) -> Result<Timeline, LoadError> {
    // The parallel path reads the bytes as they are: NUL bytes (binary files) and CR bytes
    // go to `parse_text`, which has the messages for NUL and turns CRLF into LF first.
    let body = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
    let parallel = threads > 1 && memchr::memchr2(b'\0', b'\r', body).is_none();
    if parallel
        && let Some(parallel::Parsed { head, parts }) =
            parallel::parse(body, threads, progress, pieces)
    {
        progress.start(Phase::Checking, None);
        let checked = validate::check(&head, &parts, threads).map_err(|problems| {
            // Every byte was checked as UTF-8 by the parse, so this does not fail.
            let text = std::str::from_utf8(body).unwrap_or_default();
            LoadError::Invalid(Report::problems(name, text, problems))
        })?;
        drop(bytes);
        progress.start(Phase::Assembling, None);
        return Ok(assemble::assemble(head, parts, checked, threads));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let before = std::str::from_utf8(&bytes[..valid]).unwrap_or("");
        let before = before.strip_prefix('\u{feff}').unwrap_or(before);
        // Binary files usually hold both; a NUL before the first bad byte says more.
        if let Some(nul) = before.find('\0') {
            let (line, col) = line_col(&before[..nul]);
            return LoadError::Binary {
                name: name.to_owned(),
                line,
                col,
            };
        }
        let (line, col) = line_col(before);
        LoadError::NotUtf8 {
            name: name.to_owned(),
            line,
            col,
            byte: bytes[valid],
        }
    })?;
    // Tried in parallel already: the same text would fail the same way. Not tried (CR or
    // NUL bytes): `parse_text` refuses NUL and turns CRLF into LF, and may then try.
    let again = if parallel {
        Parallel::No
    } else if pieces {
        Parallel::Pieces
    } else {
        Parallel::Split
    };
    parse_text(Cow::Owned(text), name, threads, progress, again)
}

/// How `parse_text` may try the parallel parse before the single-threaded one.
#[derive(Clone, Copy, PartialEq)]
enum Parallel {
    /// In pieces, or cut by the scanner when the pieces fail.
    Pieces,
    /// Only cut by the scanner: the pieces failed on this text already.
    Split,
    /// Not at all.
    No,
}

/// Parses and validates timeline text. `name` starts every message.
pub fn parse(text: &str, name: &str) -> Result<Timeline, LoadError> {
    parse_text(
        Cow::Borrowed(text),
        name,
        threads_for(text.len()),
        &Progress::default(),
        Parallel::Pieces,
    )
}

/// The one parsing path. Owned text is dropped as soon as it is no longer needed to report
/// problems, before the model is assembled: at a million events the text is as large as
/// the model, and holding both would set the peak memory of a load.
fn parse_text(
    text: Cow<'_, str>,
    name: &str,
    threads: usize,
    progress: &Progress,
    parallel: Parallel,
) -> Result<Timeline, LoadError> {
    let text = match text {
        Cow::Borrowed(t) => Cow::Borrowed(t.strip_prefix('\u{feff}').unwrap_or(t)),
        Cow::Owned(mut t) if t.starts_with('\u{feff}') => {
            t.replace_range(..'\u{feff}'.len_utf8(), "");
            Cow::Owned(t)
        }
        owned @ Cow::Owned(_) => owned,
    };
    if let Some(nul) = text.find('\0') {
        let (line, col) = line_col(&text[..nul]);
        return Err(LoadError::Binary {
            name: name.to_owned(),
            line,
            col,
        });
    }
    if text.trim().is_empty() {
        return Err(LoadError::Empty {
            name: name.to_owned(),
        });
    }
    // CRLF files: string values spanning lines would otherwise keep a '\r' per line.
    let text = if text.contains('\r') {
        Cow::Owned(read::crlf_to_lf(text.into_owned()))
    } else {
        text
    };
    let parsed = match parallel {
        _ if threads < 2 => None,
        Parallel::No => None,
        // A CR left once CRLF is LF is a lone one, which the pieces leave to others.
        Parallel::Pieces if !text.contains('\r') => {
            parallel::parse(text.as_bytes(), threads, progress, true)
        }
        Parallel::Pieces | Parallel::Split => {
            parallel::parse(text.as_bytes(), threads, progress, false)
        }
    };
    let parallel::Parsed { head, parts } = if let Some(parsed) = parsed {
        parsed
    } else {
        // On one thread: plain RON the fast way, anything else (and every syntax error) as
        // ron reads it. Neither's progress can be measured.
        progress.start(Phase::Parsing, None);
        let plain = plain::from_bytes::<RawTimeline>(text.as_bytes());
        let mut head: RawTimeline = match plain {
            Some(raw) => raw,
            None => options()
                .from_str(&text)
                .map_err(|e| LoadError::Invalid(Report::syntax(name, &text, &e)))?,
        };
        let events = std::mem::take(&mut head.events);
        parallel::Parsed {
            head,
            parts: vec![events],
        }
    };
    progress.start(Phase::Checking, None);
    let checked = validate::check(&head, &parts, threads)
        .map_err(|problems| LoadError::Invalid(Report::problems(name, &text, problems)))?;
    drop(text);
    progress.start(Phase::Assembling, None);
    Ok(assemble::assemble(head, parts, checked, threads))
}

/// ron options shared by reading and writing: optional fields without `Some(…)`, and the
/// default recursion limit kept so deeply nested input is an error, not a stack overflow.
pub fn options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// 1-based line and column (in characters) just after `before`.
fn line_col(before: &str) -> (usize, usize) {
    let line = 1 + before.matches('\n').count();
    let col = 1 + before.rsplit('\n').next().map_or(0, |l| l.chars().count());
    (line, col)
}
