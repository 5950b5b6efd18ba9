//! The filter engine: which events match actors, words and a date range.
//!
//! UI-free and shared: `list` applies a [`Filter`] once, the TUI re-applies it on every
//! keystroke. Matching never allocates for ASCII words, the common case, because the TUI
//! runs it over every event of the timeline for each key typed.

use crate::model::{ActorId, Date, Event, EventId, Timeline};

/// Whether a set of actors means any of them or all of them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ActorMode {
    #[default]
    Any,
    All,
}

/// What to show. The default filter matches every event.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub actors: Vec<ActorId>,
    pub actor_mode: ActorMode,
    /// Lower-cased words; an event matches when it contains all of them.
    words: Vec<String>,
    /// The raw query as typed, for display.
    query: String,
    pub from: Option<Date>,
    pub to: Option<Date>,
}

impl Filter {
    /// Sets the text query: whitespace-separated words, all required, case-insensitive.
    pub fn set_query(&mut self, query: &str) {
        query.clone_into(&mut self.query);
        self.words = query.split_whitespace().map(str::to_lowercase).collect();
    }

    pub fn query(&self) -> &str {
        &self.query
    }

    pub fn is_empty(&self) -> bool {
        self.actors.is_empty() && self.words.is_empty() && self.from.is_none() && self.to.is_none()
    }

    /// Whether one event passes every part of the filter.
    pub fn matches(&self, timeline: &Timeline, event: &Event) -> bool {
        self.matches_actors(event)
            && self.matches_range(event)
            && self.matches_words(timeline, event)
    }

    /// The matching events, in date order.
    pub fn apply(&self, timeline: &Timeline) -> Vec<EventId> {
        timeline
            .event_ids()
            .filter(|id| self.matches(timeline, timeline.event(*id)))
            .collect()
    }

    fn matches_actors(&self, event: &Event) -> bool {
        match self.actor_mode {
            _ if self.actors.is_empty() => true,
            ActorMode::Any => self.actors.iter().any(|a| event.actors.contains(a)),
            ActorMode::All => self.actors.iter().all(|a| event.actors.contains(a)),
        }
    }

    /// Interval overlap (see `model::date`): the event's days `[first day of date, last day
    /// of end or date]` must meet `[first day of from, last day of to]`.
    fn matches_range(&self, event: &Event) -> bool {
        let after_from = self
            .from
            .is_none_or(|from| event.last_day() >= from.first_day());
        let before_to = self
            .to
            .is_none_or(|to| event.date.first_day() <= to.last_day());
        after_from && before_to
    }

    fn matches_words(&self, timeline: &Timeline, event: &Event) -> bool {
        self.words.iter().all(|word| {
            let actor_texts = event.actors.iter().flat_map(|a| {
                let actor = timeline.actor(*a);
                std::iter::once(actor.name.as_str()).chain(actor.aliases.iter().map(String::as_str))
            });
            [event.title.as_str(), event.summary.as_str()]
                .into_iter()
                .chain(event.detail.as_deref())
                .chain(event.location.as_deref())
                .chain(event.tags.iter().map(String::as_str))
                .chain(actor_texts)
                .any(|field| contains_lowered(field, word))
        })
    }
}

/// Whether `haystack` contains `needle` (already lower-case), ignoring case.
///
/// ASCII needles are compared byte-wise: an ASCII byte never occurs inside a multi-byte
/// UTF-8 sequence, so a byte match is a character match.
pub fn contains_lowered(haystack: &str, needle: &str) -> bool {
    if needle.is_ascii() {
        let (h, n) = (haystack.as_bytes(), needle.as_bytes());
        n.is_empty() || h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
    } else {
        haystack.to_lowercase().contains(needle)
    }
}
