//! Reading an input with bounds: what `--file` may name and how much of it is read.
//!
//! `/dev/zero`, `/dev/urandom` or an endless `--file -` used to be read to the end (never)
//! before the binary-file check. Now:
//!
//! * devices and sockets are refused before they are opened; a FIFO is read (`--file
//!   <(…)` is one), and when nothing writes to it yet, "waiting for …" says why nothing
//!   happens;
//! * the first [`FIRST_CHUNK`] bytes are checked for NUL and UTF-8 before reading on;
//! * an input past [`MAX_BYTES`] (4 GiB, as docs/format.md says) is refused, a regular
//!   file by its size before any of it is read;
//! * the buffer is grown with `try_reserve`, so that running out of memory is a message
//!   rather than an abort (see `memory`).

use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write as _};
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use super::{LoadError, Progress, describe_io, memory};

/// The largest timeline read, in bytes.
/// Four times the 1,000,000-event benchmark file (1.1 GB), which must load: the cap is
/// there to stop endless input, not to refuse a real timeline.
pub const MAX_BYTES: u64 = 1 << 32;
/// Bytes checked for text before reading on.
const FIRST_CHUNK: u64 = 64 * 1024;
/// How long opening a FIFO may block before saying that it waits for a writer.
const PATIENCE: Duration = Duration::from_millis(500);

/// Opens a path that may be read as a timeline: a regular file or a FIFO.
pub(super) fn open(path: &Path, name: &str) -> Result<File, LoadError> {
    let refuse = |reason: String| LoadError::Read {
        name: name.to_owned(),
        reason,
    };
    let meta = std::fs::metadata(path).map_err(|e| refuse(describe_io(&e)))?;
    let kind = meta.file_type();
    if kind.is_dir() {
        return Err(refuse("is a directory, not a timeline file".to_owned()));
    }
    if is_fifo(kind) {
        return open_fifo(path, name).map_err(|e| refuse(describe_io(&e)));
    }
    if !kind.is_file() {
        return Err(refuse(
            "is a device or socket, not a file to read; give the path of a file".to_owned(),
        ));
    }
    File::open(path).map_err(|e| refuse(describe_io(&e)))
}

#[cfg(unix)]
pub(super) fn is_fifo(kind: std::fs::FileType) -> bool {
    use std::os::unix::fs::FileTypeExt as _;
    kind.is_fifo()
}

#[cfg(not(unix))]
pub(super) fn is_fifo(_: std::fs::FileType) -> bool {
    false
}

/// Opens a FIFO, which blocks until a writer opens it; says so on stderr if that takes
/// more than a moment.
fn open_fifo(path: &Path, name: &str) -> std::io::Result<File> {
    let (opened, wait) = mpsc::channel::<()>();
    let notice =
        format!("afghan-timeline: waiting for {name} (a FIFO) to be written; Ctrl-c gives up\n");
    let waiter = std::thread::spawn(move || {
        if wait.recv_timeout(PATIENCE) == Err(mpsc::RecvTimeoutError::Timeout) {
            let _ = std::io::stderr().lock().write_all(notice.as_bytes());
        }
    });
    let file = File::open(path);
    let _ = opened.send(());
    let _ = waiter.join();
    file
}

/// Refuses a regular file larger than [`MAX_BYTES`] by its size, before reading any of it.
pub(super) fn check_size(file: &File, name: &str) -> Result<(), LoadError> {
    match file.metadata() {
        Ok(meta) if meta.is_file() && meta.len() > MAX_BYTES => Err(too_large(name, MAX_BYTES)),
        _ => Ok(()),
    }
}

fn too_large(name: &str, max: u64) -> LoadError {
    LoadError::Read {
        name: name.to_owned(),
        reason: format!(
            "larger than {} MiB, the most a timeline may be; split it into several files",
            max >> 20
        ),
    }
}

/// All of `reader`, at most [`MAX_BYTES`], refusing binary input after its first chunk;
/// read in pieces so that `progress` moves while a large file is read. `len`, when known
/// (a regular file), is reserved at once.
pub(super) fn read_bounded(
    reader: impl Read,
    name: &str,
    len: Option<u64>,
    progress: &Progress,
) -> Result<Vec<u8>, LoadError> {
    read_capped(reader, name, MAX_BYTES, len, progress)
}

/// Makes room for `more` bytes, or says there is not enough memory: a failed allocation
/// would end the program with no message (see `memory`).
fn reserve(bytes: &mut Vec<u8>, more: usize, name: &str) -> Result<(), LoadError> {
    if bytes.try_reserve(more).is_ok() || bytes.try_reserve_exact(more).is_ok() {
        return Ok(());
    }
    Err(out_of_memory(name, bytes.len() as u64 + more as u64))
}

fn out_of_memory(name: &str, wanted: u64) -> LoadError {
    LoadError::Read {
        name: name.to_owned(),
        reason: format!(
            "not enough memory to read it ({} MiB); free some memory, or split the timeline \
             into several files",
            wanted.div_ceil(1 << 20)
        ),
    }
}

fn read_capped(
    mut reader: impl Read,
    name: &str,
    max: u64,
    len: Option<u64>,
    progress: &Progress,
) -> Result<Vec<u8>, LoadError> {
    const PIECE: u64 = 8 << 20;
    let failed = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::OutOfMemory => out_of_memory(name, len.unwrap_or(0)),
        _ => LoadError::Read {
            name: name.to_owned(),
            reason: describe_io(&e),
        },
    };
    let mut bytes = Vec::new();
    if let Some(len) = len {
        if len > max {
            return Err(too_large(name, max));
        }
        // One byte more, to see the end without growing.
        reserve(
            &mut bytes,
            usize::try_from(len + 1).unwrap_or(usize::MAX),
            name,
        )?;
    }
    reader
        .by_ref()
        .take(FIRST_CHUNK)
        .read_to_end(&mut bytes)
        .map_err(failed)?;
    if !looks_like_text(&bytes) {
        // The full check names the first bad byte's line and column.
        super::parse_bytes(bytes, name)?;
        return Err(LoadError::Empty {
            name: name.to_owned(),
        });
    }
    progress.advance(bytes.len() as u64);
    loop {
        // One byte past the limit is enough to know it is too large.
        let room = (max + 1).saturating_sub(bytes.len() as u64);
        // Room for the whole piece first, so that reading never grows the buffer itself.
        let piece = usize::try_from(PIECE.min(room)).unwrap_or(usize::MAX);
        if bytes.capacity() - bytes.len() < piece {
            reserve(&mut bytes, piece, name)?;
        }
        let n = (&mut reader)
            .take(PIECE.min(room))
            .read_to_end(&mut bytes)
            .map_err(failed)?;
        if n == 0 || room == 0 {
            break;
        }
        progress.advance(n as u64);
    }
    if bytes.len() as u64 > max {
        return Err(too_large(name, max));
    }
    Ok(bytes)
}

/// Whether the first chunk of a regular file may begin a text file (see [`looks_like_text`]).
/// The file is left at its start, for whoever reads it next.
pub(super) fn starts_as_text(file: &File) -> bool {
    let mut chunk = Vec::new();
    let mut reader = file;
    let read = reader.take(FIRST_CHUNK).read_to_end(&mut chunk).is_ok();
    let rewound = reader.seek(SeekFrom::Start(0)).is_ok();
    read && rewound && looks_like_text(&chunk)
}

/// The first [`memory::SAMPLE`] bytes of a regular file, to count its events; the file is
/// left at its start.
pub(super) fn sample(file: &File) -> Vec<u8> {
    let mut chunk = Vec::new();
    let mut reader = file;
    let _ = reader.take(memory::SAMPLE as u64).read_to_end(&mut chunk);
    let _ = reader.seek(SeekFrom::Start(0));
    chunk
}

/// The whole text of a regular file from its start, with the usual bounds; the file was
/// parsed already, so its bytes are UTF-8 unless it changed meanwhile.
pub(super) fn whole(file: &File, name: &str) -> Result<String, LoadError> {
    let mut reader = file;
    reader
        .seek(SeekFrom::Start(0))
        .map_err(|e| LoadError::Read {
            name: name.to_owned(),
            reason: describe_io(&e),
        })?;
    let len = file.metadata().ok().map(|m| m.len());
    let bytes = read_bounded(reader, name, len, &Progress::default())?;
    String::from_utf8(bytes).map_err(|_| LoadError::Read {
        name: name.to_owned(),
        reason: "changed while it was read; try again".to_owned(),
    })
}

/// Whether a first chunk may begin a text file: no NUL, and UTF-8 except perhaps for a
/// character cut at the chunk's end.
fn looks_like_text(chunk: &[u8]) -> bool {
    let valid = match std::str::from_utf8(chunk) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none(),
    };
    valid && !chunk.contains(&0)
}

/// `text` with each CRLF made LF, in place: a copy would hold the file twice, the most
/// memory a load of a large file could ask for at once.
pub(super) fn crlf_to_lf(text: String) -> String {
    let mut bytes = text.into_bytes();
    let mut kept = 0;
    for at in 0..bytes.len() {
        if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
            continue;
        }
        bytes[kept] = bytes[at];
        kept += 1;
    }
    bytes.truncate(kept);
    // Only ASCII bytes were taken out, so the text is still UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endless_binary_input_is_refused_after_the_first_chunk() {
        let mut zeros = std::io::repeat(0);
        let e = read_bounded(&mut zeros, "zero", None, &Progress::default()).expect_err("refused");
        assert!(
            matches!(
                e,
                LoadError::Binary {
                    line: 1,
                    col: 1,
                    ..
                }
            ),
            "{e}"
        );
        let mut noise = std::io::repeat(0xff);
        let e = read_bounded(&mut noise, "noise", None, &Progress::default()).expect_err("refused");
        assert!(matches!(e, LoadError::NotUtf8 { byte: 0xff, .. }), "{e}");
    }

    #[test]
    fn endless_text_is_refused_past_the_limit() {
        let mut endless = std::io::repeat(b' ');
        let e = read_capped(&mut endless, "endless", 2 << 20, None, &Progress::default())
            .expect_err("refused");
        assert!(e.to_string().contains("larger than 2 MiB"), "{e}");
        let exact = vec![b' '; 2 << 20];
        assert!(
            read_capped(
                exact.as_slice(),
                "exact",
                2 << 20,
                None,
                &Progress::default()
            )
            .is_ok()
        );
    }

    #[test]
    fn a_character_cut_by_the_first_chunk_is_text() {
        let mut text = vec![b'a'; usize::try_from(FIRST_CHUNK).unwrap_or(0) - 1];
        text.extend("é".repeat(10).bytes());
        let read = read_bounded(text.as_slice(), "cut", None, &Progress::default()).expect("read");
        assert_eq!(read, text);
        assert!(!looks_like_text(b"a\0b"));
        assert!(looks_like_text(b"a\xc3"));
        assert!(!looks_like_text(b"a\xc3b"));
    }
}
