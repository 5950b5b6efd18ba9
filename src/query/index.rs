//! The search index: what interactive filtering needs, laid out for scanning.
//!
//! The explorer re-applies the filter on every key typed, over every event. Reading each
//! event's strings where they lie (a pointer per field, scattered over the heap) and
//! comparing case-insensitively byte by byte costs far more than the work itself, so the
//! index keeps, per event and contiguous:
//!
//! * the searchable text (title, summary, detail, tags, location) lower-cased once, in one
//!   string, fields separated by a newline so that no word matches across two fields;
//! * a 64-bit mask of the event's actors (bit `actor % 64`): exact for up to 64 actors, a
//!   cheap pre-check that is confirmed against the actor list beyond that;
//! * the first and last day the event covers, for range filters.
//!
//! Actor names and aliases are matched once per query word, not once per event.

use crate::model::{Event, Timeline};

/// Per-event data for fast filtering; built once per loaded timeline.
pub struct SearchIndex {
    text: String,
    /// `ends[i]` is where event i's text ends in `text` (it starts where i - 1 ends).
    ends: Vec<usize>,
    pub(super) actor_masks: Vec<u64>,
    pub(super) first_days: Vec<i32>,
    pub(super) last_days: Vec<i32>,
    /// Each actor's name and aliases, lower-cased, newline-separated.
    pub(super) actor_text: Vec<String>,
}

/// The bit of an actor in an event's mask.
pub(super) fn actor_bit(index: usize) -> u64 {
    1 << (index % 64)
}

fn days(d: chrono::NaiveDate) -> i32 {
    chrono::Datelike::num_days_from_ce(&d)
}

/// Appends `s` lower-cased exactly as `str::to_lowercase` does (the plain filter's rule),
/// without a temporary string when it is ASCII.
fn push_lower(out: &mut String, s: &str) {
    if s.is_ascii() {
        out.extend(s.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        out.push_str(&s.to_lowercase());
    }
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
        let bytes: usize = timeline
            .events
            .iter()
            .map(|e| fields(e).map(|f| f.len() + 1).sum::<usize>())
            .sum();
        let mut text = String::with_capacity(bytes);
        let mut ends = Vec::with_capacity(timeline.events.len());
        let mut actor_masks = Vec::with_capacity(timeline.events.len());
        let mut first_days = Vec::with_capacity(timeline.events.len());
        let mut last_days = Vec::with_capacity(timeline.events.len());
        for event in &timeline.events {
            for field in fields(event) {
                push_lower(&mut text, field);
                text.push('\n');
            }
            ends.push(text.len());
            actor_masks.push(event.actors.iter().fold(0, |m, a| m | actor_bit(a.index())));
            first_days.push(days(event.date.first_day()));
            last_days.push(days(event.last_day()));
        }
        let actor_text = timeline
            .actors
            .iter()
            .map(|a| {
                let mut s = String::new();
                for name in std::iter::once(&a.name).chain(&a.aliases) {
                    push_lower(&mut s, name);
                    s.push('\n');
                }
                s
            })
            .collect();
        SearchIndex {
            text,
            ends,
            actor_masks,
            first_days,
            last_days,
            actor_text,
        }
    }

    /// The first day an event covers, as days since the common era: the timeline's sort key,
    /// read from a contiguous array instead of the event.
    pub fn first_day(&self, id: crate::model::EventId) -> i32 {
        self.first_days[id.index()]
    }

    /// Event `i`'s lower-cased searchable text, as bytes: slicing bytes checks no character
    /// boundaries, so it does not touch the text before the search reads it.
    pub(super) fn text_of(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text.as_bytes()[start..self.ends[i]]
    }

    /// Bytes the index holds, for the benchmark's memory notes.
    pub fn heap_bytes(&self) -> usize {
        self.text.capacity()
            + self.ends.capacity() * size_of::<usize>()
            + self.actor_masks.capacity() * 8
            + (self.first_days.capacity() + self.last_days.capacity()) * 4
    }
}
