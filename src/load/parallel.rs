//! Parsing the `events` list on every core.
//!
//! `split` finds the list's elements; the rest of the file (title, actors, eras) is parsed
//! as itself with an empty list in its place, and the elements are parsed one by one, each
//! as a whole RON value, by threads that take batches of them from a shared queue (a queue
//! rather than fixed halves: on a shared machine one core may be busier than the other).
//! Every element lands in its place in one array allocated up front, so the events are
//! never copied and the peak memory stays that of the one-thread parse.
//!
//! It reads bytes, not checked text: ron checks each element's UTF-8 as it parses it, on
//! the element's thread, so the whole file is never checked on one thread first (every
//! byte is in the head or in an element; the scanner gives up on non-ASCII between them).
//!
//! Any failure here means "parse it on one thread": the single-threaded parse is the one
//! source of syntax errors, so their messages and positions are exactly ron's on the whole
//! file. A file with an error pays for both parses; a valid one only for this.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use super::options;
use super::progress::{Phase, Progress};
use super::raw::{RawEvent, RawTimeline};
use super::split::{Split, split};

/// Elements per batch taken from the queue: large enough that the queue's lock is rare,
/// small enough that the last batches balance the threads.
const BATCH: usize = 2048;

/// Bytes parsed between two reports to the progress meter.
const REPORT_EVERY: usize = 1 << 20;

/// The raw timeline, parsed on `threads` threads, or `None` when the text must be parsed on
/// one (it cannot be split safely, or some part of it does not parse).
pub fn parse(text: &[u8], threads: usize, progress: &Progress) -> Option<RawTimeline> {
    progress.start(Phase::Splitting, None);
    let Split { open, close, items } = split(text)?;
    let list_bytes = (close - open) as u64;
    progress.start(Phase::Parsing, Some(list_bytes));
    let mut head = Vec::with_capacity(text.len() - (close - open) + 1);
    head.extend_from_slice(&text[..=open]);
    head.extend_from_slice(&text[close..]);
    let mut raw: RawTimeline = options().from_bytes(&head).ok()?;
    drop(head);

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
                let Ok(event) = options.from_bytes::<RawEvent>(&text[range.clone()]) else {
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
    raw.events = events;
    Some(raw)
}
