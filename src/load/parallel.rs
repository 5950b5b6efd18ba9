//! Parsing the `events` list on every core.
//!
//! The list is cut into pieces, several per thread, that threads take from a shared queue
//! (a queue rather than fixed halves: on a shared machine one core may be busier than the
//! other). Each piece is read element after element, the plain ones by `plain`, any other
//! by ron, and lands in its own vector: the events are never copied or moved again until
//! the model is assembled from the pieces.
//!
//! Where the pieces start is a guess, then proved. Every element after the first is looked
//! for where the first one stands: at the start of a line with the first one's indentation,
//! as every generated or exported timeline is laid out. A piece is read from its start
//! with the lexical rules (strings, comments, brackets), so a piece whose own start is
//! right finds the true end of every element in it; it must then land exactly on the next
//! piece's start, after a comma. The first piece's start is the list's first element, so by
//! induction every accepted piece starts on an element. A guess that falls inside a string
//! or a nested list is never landed on, and the list is then cut by `split`, which finds
//! every element's end on one thread before the elements are parsed on all of them.
//!
//! It reads bytes, not checked text: each piece checks its own UTF-8 on its own thread, so
//! the whole file is never checked on one thread first.
//!
//! Any failure here means "parse it on one thread": the single-threaded parse is the one
//! source of syntax errors, so their messages and positions are exactly ron's on the whole
//! file. A file with an error pays for several parses; a valid one only for this.

use std::ops::Range;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use memchr::memmem;

use super::progress::{Phase, Progress};
use super::raw::{RawEvent, RawTimeline};
use super::split::{self, Split};
use super::{options, plain};

/// Pieces per thread: enough that a busy core's share can be taken over by the other.
const PIECES_PER_THREAD: usize = 8;

/// Elements per batch taken from the queue when the list is cut by `split`.
const BATCH: usize = 2048;

/// Bytes parsed between two reports to the progress meter.
const REPORT_EVERY: usize = 1 << 20;

/// A parsed file: the rest of the timeline with an empty `events`, and its events in file
/// order, in the pieces they were parsed in.
pub struct Parsed {
    pub head: RawTimeline,
    pub parts: Vec<Vec<RawEvent>>,
}

/// The timeline parsed on `threads` threads, or `None` when the text must be parsed on one
/// (it cannot be cut safely, or some part of it does not parse).
pub fn parse(text: &[u8], threads: usize, progress: &Progress) -> Option<Parsed> {
    progress.start(Phase::Splitting, None);
    let open = split::events_open(text)?;
    let first = split::skip_trivia(text, open + 1)?;
    let starts = guess_starts(text, first, threads * PIECES_PER_THREAD);
    progress.start(Phase::Parsing, Some((text.len() - open) as u64));
    let by_pieces = if starts.len() > 1 {
        in_pieces(text, &starts, threads, progress)
    } else {
        None
    };
    let (parts, close) = if let Some(done) = by_pieces {
        done
    } else {
        progress.start(Phase::Splitting, None);
        by_split(text, threads, progress)?
    };
    // The rest of the file, with an empty list where the events were, as ron reads it.
    let mut rest = Vec::with_capacity(text.len() - (close - open) + 1);
    rest.extend_from_slice(&text[..=open]);
    rest.extend_from_slice(&text[close..]);
    let head: RawTimeline = options().from_bytes(&rest).ok()?;
    Some(Parsed { head, parts })
}

/// Where the pieces of the list are guessed to start: `first` (the first element), then the
/// next line from each `1/pieces` of the text on that starts as the first element's does.
fn guess_starts(b: &[u8], first: usize, pieces: usize) -> Vec<usize> {
    let mut starts = vec![first];
    let line = memchr::memrchr(b'\n', &b[..first]).map_or(0, |n| n + 1);
    let indent = &b[line..first];
    let Some(&lead) = b.get(first) else {
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
    let span = b.len() - first;
    for j in 1..pieces {
        let last = starts[starts.len() - 1];
        let from = (first + span / pieces * j).max(last + 1);
        let Some(at) = b.get(from..).and_then(|rest| finder.find(rest)) else {
            break;
        };
        starts.push(from + at + needle.len() - 1);
    }
    starts
}

/// How reading one piece ended.
enum Piece {
    /// On the next piece's start, after a comma: its events.
    Landed(Vec<RawEvent>),
    /// On the list's `]` (at this offset): its events, the last of the list.
    Closed(Vec<RawEvent>, usize),
    /// Anywhere else: a wrong guess, or a syntax error.
    Failed,
}

/// The list read in the pieces that start at `starts`: the events of each piece, and the
/// offset of the list's `]`. `None` when a guess was wrong or an element did not parse.
fn in_pieces(
    text: &[u8],
    starts: &[usize],
    threads: usize,
    progress: &Progress,
) -> Option<(Vec<Vec<RawEvent>>, usize)> {
    let results: Vec<Mutex<Option<Piece>>> = starts.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let work = || {
        let options = options();
        loop {
            let j = next.fetch_add(1, Ordering::Relaxed);
            let Some(&start) = starts.get(j) else { break };
            let stop = starts.get(j + 1).copied();
            let piece = read_piece(text, start, stop, &options, progress);
            if let Ok(mut slot) = results[j].lock() {
                *slot = Some(piece);
            }
        }
    };
    std::thread::scope(|s| {
        for _ in 1..threads {
            s.spawn(work);
        }
        work();
    });
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

/// Reads the elements from `start` (an element's first byte) until `stop` (the next
/// piece's start) or, when there is no `stop`, the list's end.
fn read_piece(
    text: &[u8],
    start: usize,
    stop: Option<usize>,
    options: &ron::Options,
    progress: &Progress,
) -> Piece {
    let Ok(piece) = std::str::from_utf8(&text[start..stop.unwrap_or(text.len())]) else {
        return Piece::Failed;
    };
    let b = piece.as_bytes();
    let mut events = Vec::new();
    let mut unreported = 0;
    let mut pos = 0;
    let end = loop {
        let Some(at) = split::skip_trivia(b, pos) else {
            return Piece::Failed;
        };
        pos = at;
        if pos == b.len() && stop.is_some() {
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
        unreported += after - pos;
        if unreported >= REPORT_EVERY {
            progress.advance(unreported as u64);
            unreported = 0;
        }
        let Some(at) = split::skip_trivia(b, after) else {
            return Piece::Failed;
        };
        pos = at;
        match b.get(pos) {
            Some(b',') => pos += 1,
            Some(b']') => break Some(pos),
            _ => return Piece::Failed,
        }
    };
    progress.advance(unreported as u64);
    events.shrink_to_fit();
    match end {
        None => Piece::Landed(events),
        Some(close) => Piece::Closed(events, start + close),
    }
}

/// The element at `pos` and the offset after it: plain RON the fast way; anything else (or
/// an error) as ron reads the element's text, which `split` delimits.
fn element(piece: &str, pos: usize, options: &ron::Options) -> Option<(RawEvent, usize)> {
    if let Some(found) = plain::value_at::<RawEvent>(piece, pos) {
        return Some(found);
    }
    let end = split::scan_to_delimiter(piece.as_bytes(), pos)?;
    let event = options.from_str(&piece[pos..end]).ok()?;
    Some((event, end))
}

/// The list cut by `split` and its elements parsed on every thread, in one part.
fn by_split(
    text: &[u8],
    threads: usize,
    progress: &Progress,
) -> Option<(Vec<Vec<RawEvent>>, usize)> {
    let Split { open, close, items } = split::split(text)?;
    progress.start(Phase::Parsing, Some((close - open) as u64));
    let mut events: Vec<RawEvent> = std::iter::repeat_with(RawEvent::default)
        .take(items.len())
        .collect();
    let queue = Mutex::new(events.chunks_mut(BATCH).zip(items.chunks(BATCH)));
    let failed = AtomicBool::new(false);
    let work = || {
        let options = options();
        let mut unreported = 0;
        loop {
            let next = queue.lock().map_or(None, |mut q| q.next());
            let Some((slots, ranges)) = next else { break };
            for (slot, range) in slots.iter_mut().zip(ranges) {
                if failed.load(Ordering::Relaxed) {
                    return;
                }
                let Some(event) = parse_item(text, range, &options) else {
                    failed.store(true, Ordering::Relaxed);
                    return;
                };
                *slot = event;
                unreported += range.len() + 1;
                if unreported >= REPORT_EVERY {
                    progress.advance(unreported as u64);
                    unreported = 0;
                }
            }
        }
        progress.advance(unreported as u64);
    };
    std::thread::scope(|s| {
        for _ in 1..threads {
            s.spawn(work);
        }
        work();
    });
    if failed.into_inner() {
        return None;
    }
    Some((vec![events], close))
}

/// One element cut by `split`: plain RON the fast way, anything else as ron reads it.
fn parse_item(text: &[u8], range: &Range<usize>, options: &ron::Options) -> Option<RawEvent> {
    let item = &text[range.clone()];
    plain::from_bytes::<RawEvent>(item).or_else(|| options.from_bytes::<RawEvent>(item).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn starts(text: &str, pieces: usize) -> Vec<&str> {
        let b = text.as_bytes();
        let open = split::events_open(b).expect("a list");
        let first = split::skip_trivia(b, open + 1).expect("trivia");
        guess_starts(b, first, pieces)
            .into_iter()
            .map(|s| &text[s..s + 4])
            .collect()
    }

    #[test]
    fn pieces_are_guessed_at_lines_indented_as_the_first_element() {
        let text =
            "(events: [\n  (a: 1),\n  (b: 2, c: [\n    (d: 3),\n  ]),\n  (e: 4),\n  (f: 5),\n])";
        assert_eq!(starts(text, 100), ["(a: ", "(b: ", "(e: ", "(f: "]);
        // The first element not on a line of its own: no guess, one piece.
        assert_eq!(starts("(events: [(a: 1),\n (b: 2)])", 4), ["(a: "]);
    }

    fn parse_on(text: &str, threads: usize) -> Option<Vec<String>> {
        let parsed = parse(text.as_bytes(), threads, &Progress::default())?;
        Some(
            parsed
                .parts
                .iter()
                .flatten()
                .map(|e| e.id.clone())
                .collect(),
        )
    }

    fn event(id: &str) -> String {
        format!(
            "(id: \"{id}\", date: \"2001\", title: \"t\", summary: \"s\", actors: [\"a\"], sources: [])"
        )
    }

    #[test]
    fn a_wrong_guess_is_never_landed_on_and_the_list_is_split_instead() {
        // The second "element" line is inside a string: a guess lands there, the first
        // piece reads through it, and the split path still gives the right events.
        let text = format!(
            "(title: \"t\", actors: [], events: [\n    {},\n    (id: \"x\", date: \"2001\", title: \"t\", summary: \"s\n    (not: an element)\", actors: [\"a\"], sources: []),\n    {},\n])",
            event("a"),
            event("b")
        );
        assert!(
            starts(&text, 16).contains(&"(not"),
            "{:?}",
            starts(&text, 16)
        );
        assert_eq!(parse_on(&text, 2).expect("parses"), ["a", "x", "b"]);
    }

    #[test]
    fn pieces_guessed_past_the_list_are_dropped() {
        // Eras after the events, laid out like them: guesses land in them.
        let mut text = String::from("(title: \"t\", actors: [], events: [\n");
        for i in 0..20 {
            text.extend(["    ", &event(&format!("e{i}")), ",\n"]);
        }
        text.push_str("], eras: [\n");
        for i in 0..20 {
            text.extend([
                "    (id: \"r",
                &i.to_string(),
                "\", name: \"n\", start: \"2001\"),\n",
            ]);
        }
        text.push_str("])");
        let ids = parse_on(&text, 4).expect("parses");
        assert_eq!(ids.len(), 20);
        assert_eq!(ids[19], "e19");
        let parsed = parse(text.as_bytes(), 4, &Progress::default()).expect("parses");
        assert_eq!(parsed.head.eras.len(), 20);
        assert!(
            parsed.parts.len() > 1,
            "read in one piece: {}",
            parsed.parts.len()
        );
    }
}
