//! Loading a timeline from a path: a regular file (refused by its size and by the memory it
//! needs before any of it is read, then parsed in pieces on every core or read whole) or a
//! FIFO (read whole, then measured the same way).
//!
//! A regular file that changes while it is read is refused, not reported: its size,
//! modification and change times and inode are taken when it is opened and compared after
//! each read, since a report that quotes the new text beside problems found in the old one
//! (`invalid date '1979-02-30'` under a line that says `"1947-12-24"`) is worse than none.

use std::fs::File;
use std::path::Path;

use super::{
    LoadError, MAX_BYTES, Phase, Progress, Report, Timeline, assemble, memory, parallel, read,
    threads_for, validate,
};

/// What tells one state of a file from another.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
    #[cfg(unix)]
    changed: (i64, i64),
    #[cfg(unix)]
    inode: u64,
}

fn stamp(file: &File) -> Option<Stamp> {
    #[cfg(unix)]
    use std::os::unix::fs::MetadataExt as _;
    let meta = file.metadata().ok()?;
    Some(Stamp {
        len: meta.len(),
        modified: meta.modified().ok(),
        #[cfg(unix)]
        changed: (meta.ctime(), meta.ctime_nsec()),
        #[cfg(unix)]
        inode: meta.ino(),
    })
}

/// A regular file's state when it was opened, to compare after reading it.
struct Watch<'a> {
    file: &'a File,
    name: &'a str,
    at_open: Option<Stamp>,
    /// Run before each comparison (see `load_path_pausing`).
    pause: &'a dyn Fn(),
}

impl Watch<'_> {
    /// Whether the file is as it was when opened; an error saying it changed if not.
    fn unchanged(&self) -> Result<(), LoadError> {
        (self.pause)();
        match self.at_open {
            Some(before) if stamp(self.file) != Some(before) => Err(changed(self.name)),
            _ => Ok(()),
        }
    }
}

fn changed(name: &str) -> LoadError {
    LoadError::Read {
        name: name.to_owned(),
        reason: "changed while it was read; try again once it is written".to_owned(),
    }
}

/// Loads the timeline at `path` (see the module).
pub(super) fn load(
    path: &Path,
    name: &str,
    progress: &Progress,
    pause: &dyn Fn(),
) -> Result<Timeline, LoadError> {
    let file = read::open(path, name)?;
    read::check_size(&file, name)?;
    let meta = file.metadata().ok();
    let len = meta.as_ref().map_or(0, std::fs::Metadata::len);
    let regular = meta.is_some_and(|m| m.is_file());
    if regular {
        memory::check(name, len, &read::sample(&file), 0)?;
    }
    let watch = Watch {
        file: &file,
        name,
        at_open: if regular { stamp(&file) } else { None },
        pause,
    };
    let pieces = match load_in_pieces(&watch, len, progress) {
        Piecewise::Loaded(loaded) => return loaded,
        Piecewise::Unsuitable => true,
        // The same text in memory would fail the same way.
        Piecewise::Failed => false,
    };
    progress.start(Phase::Reading, Some(len));
    let bytes = read::read_bounded(&file, name, regular.then_some(len), progress)?;
    watch.unchanged()?;
    if !regular {
        fits_in_memory(&bytes, name)?;
    }
    let threads = threads_for(bytes.len());
    super::parse_bytes_metered(bytes, name, threads, progress, pieces)
}

/// Refuses text read from a stream when parsing it needs more memory than is left.
pub(super) fn fits_in_memory(bytes: &[u8], name: &str) -> Result<(), LoadError> {
    let sample = &bytes[..bytes.len().min(memory::SAMPLE)];
    memory::check(name, bytes.len() as u64, sample, bytes.len() as u64)
}

/// How reading a file in pieces went.
enum Piecewise {
    Loaded(Result<Timeline, LoadError>),
    /// Not a file for it (small, not regular, binary): read it whole, and try pieces then.
    Unsuitable,
    /// Tried and failed: read it whole, and do not try pieces again.
    Failed,
}

/// A regular file large enough to parse on every core, read a piece at a time by each
/// thread (see `source`), checked and assembled; or why it must be read whole the ordinary
/// way, which also reports whatever keeps it from parsing.
fn load_in_pieces(watch: &Watch<'_>, len: u64, progress: &Progress) -> Piecewise {
    let (file, name) = (watch.file, watch.name);
    let Ok(len_bytes) = usize::try_from(len) else {
        return Piecewise::Unsuitable;
    };
    let threads = threads_for(len_bytes);
    let regular = file.metadata().is_ok_and(|m| m.is_file());
    // Positioned reads are Unix's (see `source`). A binary file is refused after its
    // first chunk by the ordinary way.
    if !cfg!(unix) || threads < 2 || len > MAX_BYTES || !regular || !read::starts_as_text(file) {
        return Piecewise::Unsuitable;
    }
    let Some(parallel::Parsed { head, parts }) =
        parallel::parse_file(file, len_bytes, threads, progress)
    else {
        return Piecewise::Failed;
    };
    if let Err(e) = watch.unchanged() {
        return Piecewise::Loaded(Err(e));
    }
    progress.start(Phase::Checking, None);
    Piecewise::Loaded(match validate::check(&head, &parts, threads) {
        Ok(checked) => {
            progress.start(Phase::Assembling, None);
            Ok(assemble::assemble(head, parts, checked, threads))
        }
        // The report quotes the file: only now is it read whole, and only the text that
        // was checked may be quoted.
        Err(problems) => Err(read::whole(file, name)
            .and_then(|text| watch.unchanged().map(|()| text))
            .map_or_else(
                |e| e,
                |text| {
                    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
                    LoadError::Invalid(Report::problems(name, text, problems))
                },
            )),
    })
}
