//! The event ids, sorted once: the lookup for `related`, the finder of duplicates, and,
//! once the events are in date order, the timeline's id index.

use super::{duplicate, to_u32};
use crate::load::problem::Problem;
use crate::load::raw::RawEvent;
use crate::model::id_hash;

/// Event ids sorted by hash, then text, then file index: the lookup for `related` and,
/// once the events are sorted by date, the timeline's id index (see `Timeline::by_id`).
pub(super) struct IdIndex<'a>(pub(super) Vec<(u64, &'a str, u32)>);

impl IdIndex<'_> {
    pub(super) fn get(&self, id: &str) -> Option<u32> {
        let key = (id_hash(id), id);
        self.0
            .binary_search_by(|(h, s, _)| (*h, *s).cmp(&key))
            .ok()
            .map(|i| self.0[i].2)
    }
}

/// Sorts the event ids once: duplicates become neighbours (reported, the first in file order
/// named), and the sorted list serves every later lookup.
pub(super) fn index_event_ids<'a>(
    parts: &'a [Vec<RawEvent>],
    problems: &mut Vec<Problem>,
) -> IdIndex<'a> {
    let mut ids: Vec<(u64, &str, u32)> = parts
        .iter()
        .flatten()
        .enumerate()
        .map(|(i, e)| (id_hash(&e.id), e.id.as_str(), to_u32(i)))
        .collect();
    // Equal ids have equal hashes and sort by file index, so a run starts with the first.
    ids.sort_unstable();
    let mut run_start = 0;
    for k in 1..ids.len() {
        if (ids[k].0, ids[k].1) != (ids[run_start].0, ids[run_start].1) {
            run_start = k;
        } else if !ids[k].1.is_empty() {
            problems.push(duplicate(
                "event",
                "events",
                ids[k].1,
                ids[k].2 as usize,
                ids[run_start].2 as usize,
            ));
        }
    }
    IdIndex(ids)
}
