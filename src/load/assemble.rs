//! The second half of loading: a checked file becomes the model.
//!
//! Everything here runs after the source text is dropped, and cannot fail: `validate`
//! already resolved every reference. Strings are moved, never cloned.

use super::raw::{RawActorKind, RawEvent, RawTimeline};
use super::validate::Checked;
use crate::model::{Actor, ActorKind, Event, EventId, Source, Timeline};

/// Moves the checked file into the model: sorted, indexed, references as indices. Its
/// events are `parts`, in file order (`raw.events` is not read).
pub fn assemble(raw: RawTimeline, parts: Vec<Vec<RawEvent>>, checked: Checked) -> Timeline {
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

    // Built in file order into an array allocated up front, then permuted into date order
    // in place. Up front, because glibc consolidates its freed small blocks at the next
    // large allocation, and validation is about to free a few small blocks per event (the
    // raw actor and related lists): a large allocation after those costs a sweep over
    // every one of them.
    let mut built: Vec<Event> = Vec::with_capacity(count);
    // Each part's array is freed as soon as its events are moved out.
    for (raw, c) in parts.into_iter().flatten().zip(checked) {
        let dates = &source_dates[c.sources_at..c.sources_at + raw.sources.len()];
        let links = &related[c.related_at..c.related_at + raw.related.len()];
        built.push(Event {
            id: raw.id,
            date: c.date,
            end: c.end,
            title: raw.title,
            summary: raw.summary,
            detail: raw.detail,
            date_note: raw.date_note,
            actors: c.actors,
            tags: raw.tags,
            location: raw.location,
            // Collected in place: the raw sources' allocation is reused.
            sources: raw
                .sources
                .into_iter()
                .zip(dates)
                .map(|(s, date)| Source {
                    publisher: s.publisher,
                    title: s.title,
                    date: *date,
                    url: s.url,
                })
                .collect(),
            related: links
                .iter()
                .map(|&r| EventId(new_index[r as usize]))
                .collect(),
        });
    }
    let mut events = built;
    permute(&mut events, &mut new_index);
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

/// Moves `items[i]` to `items[target[i]]` for every i, by following cycles: O(n) swaps.
/// `target` is used up (left as the identity).
fn permute<T>(items: &mut [T], target: &mut [u32]) {
    for start in 0..items.len() {
        while target[start] as usize != start {
            let to = target[start] as usize;
            items.swap(start, to);
            target.swap(start, to);
        }
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
