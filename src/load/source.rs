//! Where the parallel parse reads its text from: bytes already in memory (standard input,
//! or a file read whole after the piecewise way failed), or a regular file that each
//! thread reads a piece at a time at the piece's offset. Read that way the file is never
//! held whole in memory (a million events is 1.1 GB of text, as much again as the model),
//! and reading it is spread over the threads instead of coming first on one.

use std::borrow::Cow;
use std::fs::File;
use std::ops::Range;

/// The text the parallel parse reads.
pub enum Source<'a> {
    Text(&'a [u8]),
    /// A regular file of `len` bytes whose text starts at `skip` (past a byte order mark).
    #[cfg_attr(not(unix), allow(dead_code))]
    File {
        file: &'a File,
        len: usize,
        skip: usize,
    },
}

impl Source<'_> {
    /// The length of the text.
    pub fn len(&self) -> usize {
        match self {
            Source::Text(text) => text.len(),
            Source::File { len, skip, .. } => len - skip,
        }
    }

    /// Bytes `range` of the text: borrowed, or read into `buf`, which only grows, so that a
    /// thread reuses one buffer for all its pieces. `None` if they cannot be read whole
    /// (the file shrank, or an I/O error: the caller reads the file the ordinary way then,
    /// and reports what is wrong).
    pub fn bytes<'b>(&'b self, range: Range<usize>, buf: &'b mut Vec<u8>) -> Option<&'b [u8]> {
        match self {
            Source::Text(text) => text.get(range),
            Source::File { file, skip, .. } => {
                let n = range.len();
                if buf.len() < n {
                    buf.resize(n, 0);
                }
                read_at(file, &mut buf[..n], range.start + skip)?;
                Some(&buf[..n])
            }
        }
    }

    /// Bytes `range` of the text, owned only when they had to be read.
    pub fn owned_bytes(&self, range: Range<usize>) -> Option<Cow<'_, [u8]>> {
        match self {
            Source::Text(text) => text.get(range).map(Cow::Borrowed),
            Source::File { .. } => {
                let mut buf = Vec::new();
                self.bytes(range, &mut buf)?;
                Some(Cow::Owned(buf))
            }
        }
    }
}

#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], offset: usize) -> Option<()> {
    use std::os::unix::fs::FileExt as _;
    file.read_exact_at(buf, offset as u64).ok()
}

/// Without positioned reads a file is never read this way (`load_in_pieces` in `load`).
#[cfg(not(unix))]
fn read_at(_: &File, _: &mut [u8], _: usize) -> Option<()> {
    None
}
