//! Parsing a timeline on every core: the `events` list in pieces (see `pieces`), or, when
//! its layout does not allow guessing where pieces start, cut by `split` into elements
//! that the threads parse in batches; the rest of the file (title, actors, eras) is parsed
//! by ron as itself, with an empty list in place of the events.
//!
//! It reads bytes, not checked text: each piece or element checks its own UTF-8 on its own
//! thread, so the whole file is never checked on one thread first.
//!
//! Any failure here means "parse it on one thread": the single-threaded parse is the one
//! source of syntax errors, so their messages and positions are exactly ron's on the whole
//! file. A file with an error pays for several parses; a valid one only for this.

use std::fs::File;
use std::ops::Range;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use super::pieces;
use super::progress::{Phase, Progress, REPORT_EVERY};
use super::raw::{RawEvent, RawTimeline};
use super::source::Source;
use super::split::{self, Split};
use super::{options, plain};

/// Pieces per thread: enough that a busy core's share can be taken over by the other.
const PIECES_PER_THREAD: usize = 8;

/// Elements per batch taken from the queue when the list is cut by `split`.
const BATCH: usize = 2048;

/// The text read first from a file, to find the list; more if the list starts later.
const HEAD: usize = 1 << 20;

/// Past this the fields before the list are read the ordinary way, with the whole file.
const HEAD_MOST: usize = 16 << 20;

/// A parsed file: the rest of the timeline with an empty `events`, and its events in file
/// order, in the pieces they were parsed in.
pub struct Parsed {
    pub head: RawTimeline,
    pub parts: Vec<Vec<RawEvent>>,
}

/// The timeline in `text`, parsed on `threads` threads, or `None` when it must be parsed on
/// one (it cannot be cut safely, or some part of it does not parse).
/// `pieces`: whether to try reading the list in pieces first.
pub fn parse(text: &[u8], threads: usize, progress: &Progress, pieces: bool) -> Option<Parsed> {
    progress.start(Phase::Parsing, Some(text.len() as u64));
    if pieces && let Some(parsed) = in_pieces(&Source::Text(text), threads, progress) {
        return Some(parsed);
    }
    progress.start(Phase::Splitting, None);
    let (parts, open, close) = by_split(text, threads, progress)?;
    let head = head(&text[..=open], &text[close..])?;
    Some(Parsed { head, parts })
}

/// The timeline in the regular file `file` of `len` bytes, read piece by piece on
/// `threads` threads (see `source`), or `None` when it must be read whole: its list cannot
/// be cut into pieces, or some part of it does not parse.
pub fn parse_file(file: &File, len: usize, threads: usize, progress: &Progress) -> Option<Parsed> {
    let bom = "\u{feff}".as_bytes();
    let whole = Source::File { file, len, skip: 0 };
    let skip = match whole.bytes(0..3.min(len), &mut Vec::new()) {
        Some(first) if first == bom => bom.len(),
        Some(_) => 0,
        None => return None,
    };
    progress.start(Phase::Parsing, Some(len as u64));
    in_pieces(&Source::File { file, len, skip }, threads, progress)
}

/// The list read in pieces and the rest of the file around it.
fn in_pieces(source: &Source<'_>, threads: usize, progress: &Progress) -> Option<Parsed> {
    let len = source.len();
    // The text up to the list, from a first window or, when the fields before the list are
    // longer, a larger one.
    let mut window = HEAD.min(len);
    let (before, open) = loop {
        let before = source.owned_bytes(0..window)?;
        if let Some(open) = split::events_open(&before) {
            break (before, open);
        }
        if window == len || window >= HEAD_MOST {
            return None;
        }
        window = window.saturating_mul(16).min(len);
    };
    let first = split::skip_trivia(&before, open + 1)?;
    let starts = pieces::guess_starts(source, &before, open, first, threads * PIECES_PER_THREAD);
    if starts.len() < 2 {
        return None;
    }
    let (parts, close) = pieces::read(source, &starts, threads, progress)?;
    let after = source.owned_bytes(close..len)?;
    let head = head(&before[..=open], &after)?;
    Some(Parsed { head, parts })
}

/// The rest of the file (`before` the list, up to its `[`, and `after` it, from its `]`),
/// with an empty list where the events were, as ron reads it.
fn head(before: &[u8], after: &[u8]) -> Option<RawTimeline> {
    let mut rest = Vec::with_capacity(before.len() + after.len());
    rest.extend_from_slice(before);
    rest.extend_from_slice(after);
    // As in the pieces: NUL bytes and CR line ends are the single-threaded parse's to judge.
    if memchr::memchr2(b'\0', b'\r', &rest).is_some() {
        return None;
    }
    options().from_bytes(&rest).ok()
}

/// The list cut by `split` and its elements parsed on every thread, in one part; and the
/// offsets of the list's `[` and `]`.
fn by_split(
    text: &[u8],
    threads: usize,
    progress: &Progress,
) -> Option<(Vec<Vec<RawEvent>>, usize, usize)> {
    let Split { open, close, items } = split::split(text)?;
    // Every element checks its own UTF-8, trivia included; trivia after the last element (a
    // trailing comma, comments, the whole inside of an empty list) belongs to none, and its
    // comments may hold any byte: checked here, as ron checks the whole text.
    let after_items = items.last().map_or(open + 1, |item| item.end);
    std::str::from_utf8(&text[after_items..close]).ok()?;
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
    super::on_threads(threads, work);
    if failed.into_inner() {
        return None;
    }
    Some((vec![events], open, close))
}

/// One element cut by `split`: plain RON the fast way, anything else as ron reads it.
fn parse_item(text: &[u8], range: &Range<usize>, options: &ron::Options) -> Option<RawEvent> {
    let item = &text[range.clone()];
    let mut event = plain::from_bytes::<RawEvent>(item)
        .or_else(|| options.from_bytes::<RawEvent>(item).ok())?;
    event.fingerprint = crate::model::Fingerprint::of(item);
    Some(event)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_on(text: &str, threads: usize) -> Option<Parsed> {
        parse(text.as_bytes(), threads, &Progress::default(), true)
    }

    fn ids(parsed: &Parsed) -> Vec<&str> {
        parsed
            .parts
            .iter()
            .flatten()
            .map(|e| e.id.as_str())
            .collect()
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
        let parsed = parse_on(&text, 2).expect("parses");
        assert_eq!(ids(&parsed), ["a", "x", "b"]);
        assert_eq!(parsed.parts.len(), 1, "split, not pieces");
    }

    /// Found by the `split` fuzz target: invalid UTF-8 in a comment that is the whole inside
    /// of the list belongs to no element; the whole text must still be checked.
    #[test]
    fn invalid_utf8_in_a_comment_outside_every_element_is_not_parsed() {
        let mut text = b"(title: \"t\", actors: [], events: [\n   // a comment \xec\n])\n".to_vec();
        assert_eq!(
            parse(&text, 2, &Progress::default(), true).map(|p| p.parts.len()),
            None
        );
        // The same after the last element, behind a trailing comma.
        text = format!(
            "(title: \"t\", actors: [], events: [\n    {},\n    // \u{e9}\n])\n",
            event("a")
        )
        .into_bytes();
        let at = text.iter().position(|&b| b == 0xc3).expect("the é");
        text[at + 1] = b'x';
        assert!(parse(&text, 2, &Progress::default(), true).is_none());
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
        let parsed = parse_on(&text, 4).expect("parses");
        let ids = ids(&parsed);
        assert_eq!(ids.len(), 20);
        assert_eq!(ids[19], "e19");
        assert_eq!(parsed.head.eras.len(), 20);
        assert!(parsed.parts.len() > 1, "read in one piece");
    }

    #[test]
    fn a_file_is_read_in_pieces_with_its_byte_order_mark() {
        let mut text = String::from("\u{feff}(title: \"t\", actors: [], events: [\n");
        for i in 0..50 {
            text.extend(["    ", &event(&format!("e{i}")), ",\n"]);
        }
        text.push_str("])\n");
        let path = std::env::temp_dir().join(format!("pieces-{}.ron", std::process::id()));
        std::fs::write(&path, &text).expect("written");
        let file = File::open(&path).expect("opened");
        let parsed = parse_file(&file, text.len(), 2, &Progress::default());
        std::fs::remove_file(&path).expect("removed");
        let parsed = parsed.expect("parses");
        assert_eq!(ids(&parsed).len(), 50);
        assert!(parsed.parts.len() > 1, "read in one piece");
        assert_eq!(parsed.head.title, "t");
    }
}
