//! The `events` list read in pieces, several per thread, that threads take from a shared
//! queue (a queue rather than fixed halves: on a shared machine one core may be busier than
//! the other). Each piece is read element after element, the plain ones by `plain`, any
//! other by ron, into its own vector: the events are never copied or moved again until the
//! model is assembled from the pieces.
//!
//! Where the pieces start is a guess, then proved. An element is looked for where the first
//! one stands: at the start of a line with the first one's indentation, as every generated
//! or exported timeline is laid out. A piece is read from its start with RON's lexical
//! rules (strings, comments, brackets), so a piece whose own start is right finds the true
//! end of every element in it; it must then land exactly on the next piece's start, after a
//! comma. The first piece starts at the list's `[`, so by induction every accepted piece
//! starts on an element. A guess inside a string or a nested list is never landed on: the
//! caller then cuts the list another way.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use memchr::memmem;

use super::progress::{Progress, REPORT_EVERY};
use super::raw::RawEvent;
use super::source::Source;
use super::{options, plain, split};

/// Bytes read after each guessed place to find the line where an element begins: first
/// this many, then four times as many, up to [`WINDOW_MOST`].
const WINDOW_FIRST: usize = 4 << 10;
const WINDOW_MOST: usize = 256 << 10;

/// Where the pieces of the list are guessed to start: just after the list's `[` (at
/// `open`), then the next line from each `1/pieces` of the text on that starts as the first
/// element (at `first` in `head`, the text up to it) does.
pub fn guess_starts(
    source: &Source<'_>,
    head: &[u8],
    open: usize,
    first: usize,
    pieces: usize,
) -> Vec<usize> {
    let mut starts = vec![open + 1];
    let line = memchr::memrchr(b'\n', &head[..first]).map_or(0, |n| n + 1);
    let indent = &head[line..first];
    let Some(&lead) = head.get(first) else {
        return starts;
    };
    if line == 0 || !indent.iter().all(|c| matches!(c, b' ' | b'\t')) {
        return starts;
    }
    let mut needle = Vec::with_capacity(indent.len() + 2);
    needle.push(b'\n');
    needle.extend_from_slice(indent);
    needle.push(lead);
    let finder = memmem::Finder::new(&needle);
    let len = source.len();
    let span = len - first;
    let mut buf = Vec::new();
    for j in 1..pieces {
        let last = starts[starts.len() - 1];
        let from = (first + span / pieces * j).max(last + 1);
        // A small window first (an element is rarely longer), a larger one if need be.
        let mut window = WINDOW_FIRST;
        let found = loop {
            let range = from..(from + window).min(len);
            let end = range.end;
            if let Some(at) = source
                .bytes(range, &mut buf)
                .and_then(|bytes| finder.find(bytes))
            {
                break Some(at);
            }
            if end == len || window >= WINDOW_MOST {
                break None;
            }
            window *= 4;
        };
        if let Some(at) = found {
            starts.push(from + at + needle.len() - 1);
        }
    }
    starts
}

/// How reading one piece ended.
enum Piece {
    /// On the next piece's start, after a comma: its events.
    Landed(Vec<RawEvent>),
    /// On the list's `]` (at this offset of the text): its events, the last of the list.
    Closed(Vec<RawEvent>, usize),
    /// Anywhere else: a wrong guess, or something for the single-threaded parse to judge.
    Failed,
}

/// The list read in the pieces that start at `starts`: the events of each piece, and the
/// offset of the list's `]`. `None` when a guess was wrong or an element did not parse.
pub fn read(
    source: &Source<'_>,
    starts: &[usize],
    threads: usize,
    progress: &Progress,
) -> Option<(Vec<Vec<RawEvent>>, usize)> {
    let results: Vec<Mutex<Option<Piece>>> = starts.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    // The first piece known to close the list or to fail: no piece after it is needed (the
    // pieces are accepted in order up to it), so none after it is read.
    let last = AtomicUsize::new(usize::MAX);
    let work = || {
        let options = options();
        let mut buf = Vec::new();
        loop {
            let j = next.fetch_add(1, Ordering::Relaxed);
            let Some(&start) = starts.get(j) else { break };
            if j > last.load(Ordering::Relaxed) {
                break;
            }
            let stop = starts.get(j + 1).copied();
            let piece = match source.bytes(start..stop.unwrap_or(source.len()), &mut buf) {
                Some(bytes) => read_piece(bytes, start, stop.is_some(), &options, progress),
                None => Piece::Failed,
            };
            if !matches!(piece, Piece::Landed(_)) {
                last.fetch_min(j, Ordering::Relaxed);
            }
            if let Ok(mut slot) = results[j].lock() {
                *slot = Some(piece);
            }
        }
    };
    super::on_threads(threads.min(starts.len()), work);
    // Accepted in order: each piece starts where the one before it landed. A piece after
    // the one that closed the list began past its end (in a later field): dropped.
    let mut parts = Vec::with_capacity(starts.len());
    for slot in results {
        match slot.into_inner().ok().flatten()? {
            Piece::Landed(events) => parts.push(events),
            Piece::Closed(events, close) => {
                parts.push(events);
                return Some((parts, close));
            }
            Piece::Failed => return None,
        }
    }
    None
}

/// Reads the elements in `bytes`, which start at offset `start` of the text, until their
/// end (when `more` pieces follow) or the list's end.
fn read_piece(
    bytes: &[u8],
    start: usize,
    more: bool,
    options: &ron::Options,
    progress: &Progress,
) -> Piece {
    // NUL bytes (binary files) and CR line ends are the single-threaded parse's to judge.
    if memchr::memchr2(b'\0', b'\r', bytes).is_some() {
        return Piece::Failed;
    }
    let Ok(piece) = std::str::from_utf8(bytes) else {
        return Piece::Failed;
    };
    let b = piece.as_bytes();
    let mut events = Vec::new();
    let mut unreported = 0;
    let mut pos = 0;
    let close = loop {
        let Some(at) = split::skip_trivia(b, pos) else {
            return Piece::Failed;
        };
        unreported += at - pos;
        pos = at;
        if pos == b.len() && more {
            break None;
        }
        if b.get(pos) == Some(&b']') {
            // An empty list, or a trailing comma before its end.
            break Some(pos);
        }
        let Some((event, after)) = element(piece, pos, options) else {
            return Piece::Failed;
        };
        events.push(event);
        let Some(at) = split::skip_trivia(b, after) else {
            return Piece::Failed;
        };
        unreported += at - pos;
        pos = at;
        match b.get(pos) {
            Some(b',') => {
                pos += 1;
                unreported += 1;
            }
            Some(b']') => break Some(pos),
            _ => return Piece::Failed,
        }
        if unreported >= REPORT_EVERY {
            progress.advance(unreported as u64);
            unreported = 0;
        }
    };
    progress.advance(unreported as u64);
    events.shrink_to_fit();
    match close {
        None => Piece::Landed(events),
        Some(close) => Piece::Closed(events, start + close),
    }
}

/// The element at `pos` and the offset after it: plain RON the fast way; anything else (or
/// an error) as ron reads the element's text, which `split` delimits.
fn element(piece: &str, pos: usize, options: &ron::Options) -> Option<(RawEvent, usize)> {
    let (mut event, end) = if let Some(found) = plain::value_at::<RawEvent>(piece, pos) {
        found
    } else {
        let end = split::scan_to_delimiter(piece.as_bytes(), pos)?;
        (options.from_str(&piece[pos..end]).ok()?, end)
    };
    event.fingerprint = crate::model::Fingerprint::of(&piece.as_bytes()[pos..end]);
    Some((event, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn starts(text: &str, pieces: usize) -> Vec<&str> {
        let b = text.as_bytes();
        let open = split::events_open(b).expect("a list");
        let first = split::skip_trivia(b, open + 1).expect("trivia");
        guess_starts(&Source::Text(b), b, open, first, pieces)[1..]
            .iter()
            .map(|&s| &text[s..s + 4])
            .collect()
    }

    #[test]
    fn pieces_are_guessed_at_lines_indented_as_the_first_element() {
        let text =
            "(events: [\n  (a: 1),\n  (b: 2, c: [\n    (d: 3),\n  ]),\n  (e: 4),\n  (f: 5),\n])";
        assert_eq!(starts(text, 100), ["(b: ", "(e: ", "(f: "]);
        // The first element not on a line of its own: no guess, one piece.
        assert!(starts("(events: [(a: 1),\n (b: 2)])", 4).is_empty());
    }

    #[test]
    fn a_guess_inside_a_string_is_made_but_never_landed_on() {
        let text =
            "(events: [\n    (id: \"a\", t: \"x\n    (not: an element)\"),\n    (id: \"b\"),\n])";
        assert_eq!(starts(text, 100), ["(not", "(id:"]);
    }
}
