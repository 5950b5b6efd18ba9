//! The second half of loading: a checked file becomes the model.
//!
//! Everything here runs after the source text is dropped, and cannot fail: `validate`
//! already resolved every reference. Strings are moved, never cloned.

use std::sync::Mutex;

use super::raw::{RawActorKind, RawEvent, RawSource, RawTimeline};
use super::validate::{Checked, CheckedEvent};
use crate::model::{Actor, ActorKind, Date, Event, EventId, Source, Timeline};

/// Moves the checked file into the model: sorted, indexed, references as indices. Its
/// events are `parts`, in file order (`raw.events` is not read).
pub fn assemble(
    raw: RawTimeline,
    parts: Vec<Vec<RawEvent>>,
    checked: Checked,
    threads: usize,
) -> Timeline {
    let Checked {
        mut eras,
        events: checked,
        source_dates,
        related,
        by_id,
    } = checked;
    let RawTimeline {
        title,
        description,
        actors,
        ..
    } = raw;
    let count = checked.len();
    let actors = actors
        .into_iter()
        .map(|a| Actor {
            id: a.id,
            name: a.name,
            kind: match a.kind {
                RawActorKind::State => ActorKind::State,
                RawActorKind::Organization => ActorKind::Organization,
                RawActorKind::Group => ActorKind::Group,
                RawActorKind::Person => ActorKind::Person,
            },
            aliases: a.aliases,
        })
        .collect();

    // Sort by the first day of each date, ties in file order (see `model::date`). The keys
    // are computed once: `sort_key` goes through the calendar.
    let mut order: Vec<(i32, u32)> = checked
        .iter()
        .enumerate()
        .map(|(i, c)| (c.date.sort_key(), to_u32(i)))
        .collect();
    order.sort_unstable();
    let mut new_index = vec![0u32; count];
    for (pos, &(_, file_index)) in order.iter().enumerate() {
        new_index[file_index as usize] = to_u32(pos);
    }

    let by_id: Vec<(u64, EventId)> = by_id
        .into_iter()
        .map(|(h, i)| (h, EventId(new_index[i as usize])))
        .collect();

    drop(order);
    // The array is allocated up front, because glibc consolidates its freed small blocks
    // at the next large allocation, and building is about to free a few small blocks per
    // event (the raw actor and related lists): a large allocation after those costs a
    // sweep over every one of them. Its pages are only touched as the parts move in.
    let mut events: Vec<Event> = Vec::with_capacity(count);
    let resolved = Resolved {
        source_dates: &source_dates,
        related: &related,
        new_index: &new_index,
    };
    // The parts joined in file order, each freed once moved, then put in date order in
    // place: gathering them into date order in a new array held every event twice at the
    // peak of the load (a quarter of the peak for small events).
    for part in build(parts, checked, &resolved, threads) {
        events.extend(part);
    }
    debug_assert_eq!(events.len(), count);
    into_date_order(&mut events, new_index);
    eras.sort_by_key(|e| e.start.sort_key());
    Timeline {
        title,
        description,
        actors,
        eras,
        events,
        by_id,
    }
}

/// The model's sources, moved from the raw ones. Into a new array rather than collected in
/// place: a raw source is larger than a model source, so collecting in place would shrink
/// the allocation and free its small tail, a block glibc would later have to sweep (see
/// `raw::Refs`); the raw array itself is freed whole, too large to leave such a debt.
fn sources(raw: Vec<RawSource>, dates: &[Option<Date>]) -> Vec<Source> {
    let mut sources = Vec::with_capacity(raw.len());
    sources.extend(raw.into_iter().zip(dates).map(|(s, date)| Source {
        publisher: s.publisher,
        title: s.title,
        date: *date,
        url: s.url,
    }));
    sources
}

/// What checking resolved for all events, which building each one reads.
struct Resolved<'a> {
    source_dates: &'a [Option<Date>],
    related: &'a [u32],
    /// Each event's place in date order, by file index.
    new_index: &'a [u32],
}

/// The model's events, built from the parts on every thread, each part in file order. A
/// part's raw array is freed as soon as its events are moved out.
fn build(
    parts: Vec<Vec<RawEvent>>,
    mut checked: Vec<CheckedEvent>,
    resolved: &Resolved<'_>,
    threads: usize,
) -> Vec<Vec<Event>> {
    let mut jobs = Vec::with_capacity(parts.len());
    let mut rest: &mut [CheckedEvent] = &mut checked;
    for part in parts {
        let Some((mine, others)) = std::mem::take(&mut rest).split_at_mut_checked(part.len())
        else {
            break;
        };
        jobs.push((part, mine));
        rest = others;
    }
    let built: Vec<Mutex<Vec<Event>>> = jobs.iter().map(|_| Mutex::default()).collect();
    let queue = Mutex::new(jobs.into_iter().enumerate());
    let work = || {
        loop {
            let next = queue.lock().map_or(None, |mut q| q.next());
            let Some((j, (raw, checks))) = next else {
                break;
            };
            let events = raw
                .into_iter()
                .zip(checks)
                .map(|(raw, c)| event(raw, c, resolved))
                .collect();
            if let Ok(mut slot) = built[j].lock() {
                *slot = events;
            }
        }
    };
    super::on_threads(threads.min(built.len()), work);
    built
        .into_iter()
        .map(|part| part.into_inner().unwrap_or_default())
        .collect()
}

/// Moves each event from its file position `i` to its date position `new_index[i]`, in
/// place: each cycle of the permutation is followed once, so every event moves once.
fn into_date_order(events: &mut [Event], mut new_index: Vec<u32>) {
    for i in 0..events.len().min(new_index.len()) {
        loop {
            let j = new_index[i] as usize;
            if j == i || j >= events.len() {
                break;
            }
            events.swap(i, j);
            new_index.swap(i, j);
        }
    }
}

/// One event of the model, its strings moved from the raw event.
fn event(raw: RawEvent, c: &mut CheckedEvent, resolved: &Resolved<'_>) -> Event {
    let dates = &resolved.source_dates[c.sources_at..c.sources_at + raw.sources.len()];
    let links = &resolved.related[c.related_at..c.related_at + raw.related.len()];
    Event {
        id: raw.id,
        date: c.date,
        end: c.end,
        title: raw.title,
        summary: raw.summary,
        detail: raw.detail,
        date_note: raw.date_note,
        actors: std::mem::take(&mut c.actors),
        tags: raw.tags,
        location: raw.location,
        sources: sources(raw.sources, dates),
        related: links
            .iter()
            .map(|&r| EventId(resolved.new_index[r as usize]))
            .collect(),
        fingerprint: raw.fingerprint,
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
