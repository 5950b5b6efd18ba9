//! The search index: what interactive filtering needs, laid out for scanning.
//!
//! The explorer re-applies the filter on every key typed, over every event. Reading each
//! event's strings where they lie (a pointer per field, scattered over the heap) and
//! comparing case-insensitively byte by byte costs far more than the work itself, so the
//! index keeps, per event and contiguous:
//!
//! * the searchable text (title, summary, detail, tags, location) folded once (case and
//!   accents, see `fold`), in one string, fields separated by a newline so that no word
//!   matches across two fields;
//! * a 64-bit mask of the event's actors (bit `actor % 64`): exact for up to 64 actors, a
//!   cheap pre-check that is confirmed against the actor list beyond that;
//! * the first and last day the event covers, for range filters.
//!
//! Actor names and aliases are matched once per query word, not once per event.
//!
//! The lower-cased text is most of the index's cost. The explorer builds the rest at once
//! and the text after its first frame ([`SearchIndex::build_without_text`], then
//! [`SearchIndex::fill_text`] on another thread); a search that needs the text before it is
//! there waits for it (on the explorer's search worker, with "indexing…" on screen).

use std::sync::OnceLock;

use crate::fold::push_folded;
use crate::model::{Event, Timeline, day_number};

/// The index of a run of consecutive events, built on one thread.
struct Part {
    text: String,
    ends: Vec<usize>,
    actor_masks: Vec<u64>,
    first_days: Vec<i32>,
    last_days: Vec<i32>,
    has_end: Vec<bool>,
}

impl Part {
    fn build(events: &[Event], with_text: bool) -> Part {
        let bytes: usize = if with_text {
            events
                .iter()
                .map(|e| fields(e).map(|f| f.len() + 1).sum::<usize>())
                .sum()
        } else {
            0
        };
        let mut part = Part {
            text: String::with_capacity(bytes),
            ends: Vec::with_capacity(events.len()),
            actor_masks: Vec::with_capacity(events.len()),
            first_days: Vec::with_capacity(events.len()),
            last_days: Vec::with_capacity(events.len()),
            has_end: Vec::with_capacity(events.len()),
        };
        for event in events {
            if with_text {
                for field in fields(event) {
                    push_folded(&mut part.text, field);
                    part.text.push('\n');
                }
                part.ends.push(part.text.len());
            }
            part.actor_masks
                .push(event.actors.iter().fold(0, |m, a| m | actor_bit(a.index())));
            part.first_days.push(event.date.sort_key());
            part.last_days.push(day_number(event.last_day()));
            part.has_end.push(event.end.is_some());
        }
        part
    }
}

/// Per-event data for fast filtering; built once per loaded timeline.
pub struct SearchIndex {
    /// Every event's lower-cased text, once built.
    text: OnceLock<Text>,
    pub(super) actor_masks: Vec<u64>,
    pub(super) first_days: Vec<i32>,
    pub(super) last_days: Vec<i32>,
    /// Whether the event has an `end` (the time view draws it as a bar).
    has_end: Vec<bool>,
    /// Each actor's name and aliases, folded, newline-separated.
    pub(super) actor_text: Vec<String>,
}

/// The searchable text of every event, lower-cased, end to end.
pub(super) struct Text {
    text: String,
    /// `ends[i]` is where event i's text ends in `text` (it starts where i - 1 ends).
    ends: Vec<usize>,
}

impl Text {
    /// Event `i`'s lower-cased searchable text, as bytes: slicing bytes checks no character
    /// boundaries, so it does not touch the text before the search reads it.
    pub(super) fn of(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text.as_bytes()[start..self.ends[i]]
    }
}

/// The bit of an actor in an event's mask.
pub fn actor_bit(index: usize) -> u64 {
    1 << (index % 64)
}

/// The searchable fields of an event, as the plain filter reads them too.
pub(super) fn fields(event: &Event) -> impl Iterator<Item = &str> {
    [event.title.as_str(), event.summary.as_str()]
        .into_iter()
        .chain(event.detail.as_deref())
        .chain(event.location.as_deref())
        .chain(event.tags.iter().map(String::as_str))
}

impl SearchIndex {
    pub fn build(timeline: &Timeline) -> SearchIndex {
        Self::build_parts(timeline, true)
    }

    /// The index without its text, which [`SearchIndex::fill_text`] adds later: the
    /// actor masks and days alone are quick to build.
    pub fn build_without_text(timeline: &Timeline) -> SearchIndex {
        Self::build_parts(timeline, false)
    }

    /// Builds the text if it is not there yet (`timeline` must be the one indexed).
    pub fn fill_text(&self, timeline: &Timeline) {
        if self.text.get().is_none()
            && let Some(text) = Self::build_parts(timeline, true).text.into_inner()
        {
            let _ = self.text.set(text);
        }
    }

    /// Whether the text is built, so a search can start at once.
    pub fn text_ready(&self) -> bool {
        self.text.get().is_some()
    }

    /// The text, waiting for [`SearchIndex::fill_text`] if it is still being built.
    pub(super) fn text(&self) -> &Text {
        self.text.wait()
    }

    fn build_parts(timeline: &Timeline, with_text: bool) -> SearchIndex {
        // Lower-casing every event's text is the one heavy part of starting the explorer on a
        // big timeline: it is split over the cores, each part built alone and then joined.
        let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        let chunk = timeline.events.len().div_ceil(threads).max(1);
        let parts: Vec<Part> = if threads < 2 || timeline.events.len() < 10_000 {
            vec![Part::build(&timeline.events, with_text)]
        } else {
            std::thread::scope(|scope| {
                let handles: Vec<_> = timeline
                    .events
                    .chunks(chunk)
                    .map(|events| scope.spawn(move || Part::build(events, with_text)))
                    .collect();
                handles
                    .into_iter()
                    .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                    .collect()
            })
        };
        let mut text = String::with_capacity(parts.iter().map(|p| p.text.len()).sum());
        let mut ends = Vec::with_capacity(timeline.events.len());
        let mut actor_masks = Vec::with_capacity(timeline.events.len());
        let mut first_days = Vec::with_capacity(timeline.events.len());
        let mut last_days = Vec::with_capacity(timeline.events.len());
        let mut has_end = Vec::with_capacity(timeline.events.len());
        for part in parts {
            let base = text.len();
            text.push_str(&part.text);
            ends.extend(part.ends.iter().map(|e| e + base));
            actor_masks.extend(part.actor_masks);
            first_days.extend(part.first_days);
            last_days.extend(part.last_days);
            has_end.extend(part.has_end);
        }
        let actor_text = timeline
            .actors
            .iter()
            .map(|a| {
                let mut s = String::new();
                for name in std::iter::once(&a.name).chain(&a.aliases) {
                    push_folded(&mut s, name);
                    s.push('\n');
                }
                s
            })
            .collect();
        let built = OnceLock::new();
        if with_text {
            let _ = built.set(Text { text, ends });
        }
        SearchIndex {
            text: built,
            actor_masks,
            first_days,
            last_days,
            has_end,
            actor_text,
        }
    }

    /// The first day an event covers, as days since the common era: the timeline's sort key,
    /// read from a contiguous array instead of the event.
    pub fn first_day(&self, id: crate::model::EventId) -> i32 {
        self.first_days[id.index()]
    }

    /// The last day an event covers (its `end`, else the end of its date's period).
    pub fn last_day(&self, id: crate::model::EventId) -> i32 {
        self.last_days[id.index()]
    }

    /// Whether the event has an `end`, read without touching the event.
    pub fn has_end(&self, id: crate::model::EventId) -> bool {
        self.has_end[id.index()]
    }

    /// The event's actors as a mask of bits `actor % 64`: exact while the timeline has at
    /// most 64 actors, a pre-check beyond.
    pub fn actor_mask(&self, id: crate::model::EventId) -> u64 {
        self.actor_masks[id.index()]
    }

    /// Bytes the index holds, for the benchmark's memory notes.
    pub fn heap_bytes(&self) -> usize {
        self.text.get().map_or(0, |t| {
            t.text.capacity() + t.ends.capacity() * size_of::<usize>()
        }) + self.actor_masks.capacity() * 8
            + (self.first_days.capacity() + self.last_days.capacity()) * 4
            + self.has_end.capacity()
    }
}
