//! The filter engine: which events match actors, words and a date range.
//!
//! UI-free and shared: `list` applies a [`Filter`] once, the TUI re-applies it on every
//! keystroke. Matching never allocates for ASCII words, the common case, because the TUI
//! runs it over every event of the timeline for each key typed.

mod dates;
mod index;
mod range;
mod subset;
mod tags;

use memchr::memmem;

pub use dates::{typed_date, typed_form};
pub use index::{SearchIndex, actor_bit};
pub use range::{Range, RangeError, parse_range, parse_range_in, range_input, range_label};
pub use subset::{Subset, subset};
pub use tags::{find_tag, tag_counts};

use crate::model::calendar::{Hijri, Period};
use crate::model::{ActorId, Event, EventId, Timeline, day_number};

/// Whether a set of actors means any of them or all of them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ActorMode {
    #[default]
    Any,
    All,
}

/// An earlier result that a filter narrows (see [`Filter::apply_indexed`]).
#[derive(Clone, Copy, Debug)]
pub struct Narrowing<'a> {
    /// The earlier filter's matches, in date order.
    pub matches: &'a [EventId],
    /// The earlier filter: the same actors and dates, a query that the new one extends.
    pub previous: &'a Filter,
}

/// What to show. The default filter matches every event.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub actors: Vec<ActorId>,
    pub actor_mode: ActorMode,
    /// Folded words (case and accents, see `fold`); an event matches when it contains all
    /// of them.
    words: Vec<String>,
    /// Per word, the days it names when it is a date word (`1989`, `dec 1979`): an event
    /// whose period overlaps them matches that word too.
    word_days: Vec<Option<dates::Days>>,
    /// The raw query as typed, for display.
    query: String,
    /// The range's ends, each a period typed in any calendar (`1979`, `sh:1400-05`).
    pub from: Option<Period>,
    pub to: Option<Period>,
    /// Actors no matching event may name (`--exclude-actor`).
    pub excluded: Vec<ActorId>,
    /// With `actors`: an event's actors must be exactly that set (`--exact-actors`),
    /// whatever `actor_mode` says.
    pub exact: bool,
    /// Tags as the timeline spells them; an event with any of them matches (`--tag`).
    pub tags: Vec<String>,
    /// Only these event ids, sorted (`--ids FILE`); `None` is every event.
    pub ids: Option<Vec<String>>,
}

impl Filter {
    /// Sets the text query: whitespace-separated words, all required, case-insensitive;
    /// a lunar Hijri date word is read in the Umm al-Qura calendar.
    pub fn set_query(&mut self, query: &str) {
        self.set_query_in(query, Hijri::default());
    }

    /// Sets the text query, reading its lunar Hijri date words in the `hijri` calendar.
    pub fn set_query_in(&mut self, query: &str, hijri: Hijri) {
        query.clone_into(&mut self.query);
        (self.words, self.word_days) = dates::words(query, hijri).into_iter().unzip();
    }

    /// The words to highlight in a matching event's text, lower-cased (a date word too:
    /// its text may be there as well).
    pub fn words(&self) -> &[String] {
        &self.words
    }

    pub fn query(&self) -> &str {
        &self.query
    }

    /// Whether a date word of the query (`1989`, `dec 1979`) covers part of the event's
    /// period: the reason it matched, when its text does not say so.
    pub fn matches_a_date_word(&self, event: &Event) -> bool {
        let (first, last) = (event.date.sort_key(), day_number(event.last_day()));
        self.word_days
            .iter()
            .flatten()
            .any(|(from, to)| last >= *from && first <= *to)
    }

    /// Whether the query has any word to look for.
    pub fn has_words(&self) -> bool {
        !self.words.is_empty()
    }

    /// Whether this filter only narrows `previous`, so that every match of this one is a
    /// match of `previous`: the same actors and dates, and each earlier word the same or
    /// contained in the word now at its place, which is no date word (a date word matches
    /// events without its text, so it may widen). Compared after lower-casing, not as typed: lower-casing
    /// depends on context (a Greek capital sigma ends a word as "ς" but is "σ" inside one),
    /// so a typed prefix is not always a prefix once lowered.
    pub fn narrows(&self, previous: &Filter) -> bool {
        self.actors == previous.actors
            && self.actor_mode == previous.actor_mode
            && self.excluded == previous.excluded
            && self.exact == previous.exact
            && self.tags == previous.tags
            && self.ids == previous.ids
            && self.from == previous.from
            && self.to == previous.to
            && previous.words.len() <= self.words.len()
            && previous
                .words
                .iter()
                .zip(self.words.iter().zip(&self.word_days))
                .all(|(old, (new, days))| {
                    old == new || (days.is_none() && new.contains(old.as_str()))
                })
    }

    pub fn is_empty(&self) -> bool {
        self.actors.is_empty()
            && self.words.is_empty()
            && self.from.is_none()
            && self.to.is_none()
            && self.excluded.is_empty()
            && self.tags.is_empty()
            && self.ids.is_none()
    }

    /// Whether one event passes every part of the filter.
    pub fn matches(&self, timeline: &Timeline, event: &Event) -> bool {
        self.matches_actors(event)
            && self.matches_tags_and_ids(event)
            && self.matches_range(event)
            && self.matches_words(timeline, event)
    }

    /// Keeps only the events whose ids are in `ids` (any order, duplicates allowed).
    pub fn set_ids(&mut self, ids: impl IntoIterator<Item = String>) {
        let mut ids: Vec<String> = ids.into_iter().collect();
        ids.sort_unstable();
        ids.dedup();
        self.ids = Some(ids);
    }

    /// Whether the required actors are to be matched exactly: `exact` with some to match.
    pub fn exact_actors(&self) -> bool {
        self.exact && !self.actors.is_empty()
    }

    /// The matching events, in date order.
    pub fn apply(&self, timeline: &Timeline) -> Vec<EventId> {
        timeline
            .event_ids()
            .filter(|id| self.matches(timeline, timeline.event(*id)))
            .collect()
    }

    fn matches_actors(&self, event: &Event) -> bool {
        if self.excluded.iter().any(|a| event.actors.contains(a)) {
            return false;
        }
        match self.actor_mode {
            _ if self.actors.is_empty() => true,
            _ if self.exact => {
                self.actors.iter().all(|a| event.actors.contains(a))
                    && event.actors.iter().all(|a| self.actors.contains(a))
            }
            ActorMode::Any => self.actors.iter().any(|a| event.actors.contains(a)),
            ActorMode::All => self.actors.iter().all(|a| event.actors.contains(a)),
        }
    }

    fn matches_tags_and_ids(&self, event: &Event) -> bool {
        (self.tags.is_empty() || event.tags.iter().any(|t| self.tags.contains(t)))
            && self
                .ids
                .as_ref()
                .is_none_or(|ids| ids.binary_search(&event.id).is_ok())
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
        let (first, last) = (event.date.sort_key(), day_number(event.last_day()));
        self.words.iter().zip(&self.word_days).all(|(word, days)| {
            if days.is_some_and(|(from, to)| last >= from && first <= to) {
                return true;
            }
            let actor_texts = event.actors.iter().flat_map(|a| {
                let actor = timeline.actor(*a);
                std::iter::once(actor.name.as_str()).chain(actor.aliases.iter().map(String::as_str))
            });
            index::fields(event)
                .chain(actor_texts)
                .any(|field| contains_folded(field, word))
        })
    }

    /// The matching events, like [`Filter::apply`], through a [`SearchIndex`] of the same
    /// timeline; only among an earlier result when `within` gives one.
    ///
    /// Narrowing is how typing stays cheap: when a query only grows at its end, every match
    /// of the new query matched the old one, so only those are tested, and only for the
    /// words that changed.
    pub fn apply_indexed(
        &self,
        timeline: &Timeline,
        index: &SearchIndex,
        within: Option<Narrowing<'_>>,
    ) -> Vec<EventId> {
        self.apply_indexed_until(timeline, index, within, &|| false)
            .unwrap_or_default()
    }

    /// [`Filter::apply_indexed`] that gives up, returning `None`, as soon as `stop` says so:
    /// the explorer's search worker abandons a scan when a newer key has made it stale.
    pub fn apply_indexed_until(
        &self,
        timeline: &Timeline,
        index: &SearchIndex,
        within: Option<Narrowing<'_>>,
        stop: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<EventId>> {
        // Words the earlier result already guarantees need no second look.
        let (words, word_days): (Vec<&String>, Vec<Option<dates::Days>>) = self
            .words
            .iter()
            .zip(&self.word_days)
            .enumerate()
            .filter(|(k, (w, _))| {
                within
                    .as_ref()
                    .is_none_or(|n| n.previous.words.get(*k) != Some(*w))
            })
            .map(|(_, (w, d))| (w, *d))
            .unzip();
        let finders: Vec<memmem::Finder<'_>> = words
            .iter()
            .map(|w| memmem::Finder::new(w.as_bytes()))
            .collect();
        // Per word, the actors whose names contain it, as a mask and exactly.
        let word_actors: Vec<(u64, Vec<bool>)> = words
            .iter()
            .map(|w| {
                let which: Vec<bool> = index
                    .actor_text
                    .iter()
                    .map(|t| t.contains(w.as_str()))
                    .collect();
                let mask = which
                    .iter()
                    .enumerate()
                    .filter(|(_, m)| **m)
                    .fold(0, |m, (i, _)| m | index::actor_bit(i));
                (mask, which)
            })
            .collect();
        let wanted = self
            .actors
            .iter()
            .fold(0, |m, a| m | index::actor_bit(a.index()));
        let exact_masks = timeline.actors.len() <= 64;
        // Only a text search needs the text, and may have to wait for it to be built.
        let lowered = (!finders.is_empty()).then(|| index.text());
        let from = self.from.map(|p| day_number(p.first_day()));
        let to = self.to.map(|p| day_number(p.last_day()));
        let test = |i: usize| {
            if from.is_some_and(|f| index.last_days[i] < f)
                || to.is_some_and(|t| index.first_days[i] > t)
            {
                return false;
            }
            let mask = index.actor_masks[i];
            if !self.actors.is_empty() || !self.excluded.is_empty() {
                let maybe = match self.actor_mode {
                    _ if self.actors.is_empty() => true,
                    ActorMode::Any if !self.exact => mask & wanted != 0,
                    _ => mask & wanted == wanted,
                };
                // The mask alone settles "any" and "all" among up to 64 actors; exclusion
                // and exactness are asked of the event's own list.
                let confirm = !exact_masks || self.exact || !self.excluded.is_empty();
                if !maybe || (confirm && !self.matches_actors(&timeline.events[i])) {
                    return false;
                }
            }
            if !self.matches_tags_and_ids(&timeline.events[i]) {
                return false;
            }
            finders.iter().zip(&word_actors).zip(&word_days).all(
                |((finder, (word_mask, which)), days)| {
                    days.is_some_and(|(from, to)| {
                        index.last_days[i] >= from && index.first_days[i] <= to
                    }) || lowered.is_some_and(|t| finder.find(t.of(i)).is_some())
                        || (mask & word_mask != 0
                            && timeline.events[i].actors.iter().any(|a| which[a.index()]))
                },
            )
        };
        let all: Vec<EventId>;
        let candidates = match within {
            Some(narrowing) => narrowing.matches,
            None if finders.is_empty() => {
                return Some(timeline.event_ids().filter(|id| test(id.index())).collect());
            }
            None => {
                all = timeline.event_ids().collect();
                &all
            }
        };
        filter_parallel(candidates, |id| test(id.index()), stop)
    }
}

/// Below this many candidates a text search runs on one thread: starting threads would cost
/// more than it saves.
const PARALLEL_FROM: usize = 20_000;

/// Items tested between two looks at `stop`: small enough to stop within a millisecond,
/// large enough that looking costs nothing.
const STOP_EVERY: usize = 4096;

/// `items` filtered by `keep`, in order, spread over the machine's cores when there are
/// enough of them to be worth it; `None` if `stop` said so first. Text search is the one
/// thing in the explorer that reads a large share of memory per key; splitting it keeps
/// typing responsive on big timelines.
fn filter_parallel(
    items: &[EventId],
    keep: impl Fn(EventId) -> bool + Sync,
    stop: &(dyn Fn() -> bool + Sync),
) -> Option<Vec<EventId>> {
    let run = |part: &[EventId]| {
        let mut out = Vec::new();
        for block in part.chunks(STOP_EVERY) {
            if stop() {
                return None;
            }
            out.extend(block.iter().copied().filter(|id| keep(*id)));
        }
        Some(out)
    };
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    if threads < 2 || items.len() < PARALLEL_FROM {
        return run(items);
    }
    let chunk = items.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let parts: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(move || run(part)))
            .collect();
        // A worker only panics if `keep` does, and `keep` is plain indexing and search.
        let mut out = Vec::with_capacity(items.len());
        for part in parts {
            out.extend(part.join().ok()??);
        }
        Some(out)
    })
}

/// The days `[first, last]` (as `model::day_number`s) that `text` names when the whole of
/// it is one date word of a query: `1989`, `1989-02`, `1989-02-15`, `feb 1989`,
/// `sh:1400-05`, `asad 1400`; lunar Hijri ones in the `hijri` calendar.
pub fn date_word(text: &str, hijri: Hijri) -> Option<(i32, i32)> {
    match dates::words(text, hijri).as_slice() {
        [(_, days)] => *days,
        _ => None,
    }
}

/// Whether `haystack` contains `needle` (already folded) once folded: case and accents
/// ignored (see `fold`).
pub use crate::fold::contains_folded;
