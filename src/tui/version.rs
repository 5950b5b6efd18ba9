//! A new version of a timeline beside the one shown: what changed, by event id (added,
//! removed, changed), found where the new version was loaded, off the loop's thread.

use crate::model::{Event, Timeline};

/// What changed between two versions, by event id.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    pub added: usize,
    pub removed: usize,
    pub changed: usize,
}

impl Changes {
    pub fn between(old: &Timeline, new: &Timeline) -> Changes {
        // The events in as many runs as there are cores, compared side by side: a reload
        // waits for this.
        let threads = std::thread::available_parallelism().map_or(1, usize::from);
        let run = new.events.len().div_ceil(threads).max(1);
        let parts: Vec<(usize, usize, usize)> = std::thread::scope(|scope| {
            let workers: Vec<_> = (0..new.events.len())
                .step_by(run)
                .map(|from| scope.spawn(move || Changes::part(old, new, from, run)))
                .collect();
            workers
                .into_iter()
                .map(|w| w.join().unwrap_or_default())
                .collect()
        });
        let (added, kept, changed) = parts
            .into_iter()
            .fold((0, 0, 0), |(a, k, c), (a2, k2, c2)| {
                (a + a2, k + k2, c + c2)
            });
        Changes {
            added,
            removed: old.events.len() - kept,
            changed,
        }
    }

    /// Added, kept and changed among `len` events of `new` from `from` on.
    fn part(old: &Timeline, new: &Timeline, from: usize, len: usize) -> (usize, usize, usize) {
        let (mut added, mut kept, mut changed) = (0, 0, 0);
        for (i, event) in new.events.iter().enumerate().skip(from).take(len) {
            // Most events keep their place between two versions: look there first, and
            // search the ids only for those that moved.
            let same_place = old
                .events
                .get(i)
                .filter(|e| e.id == event.id)
                .map(|_| crate::model::EventId(u32::try_from(i).unwrap_or(u32::MAX)));
            match same_place.or_else(|| old.find_event(&event.id)) {
                None => added += 1,
                Some(at) => {
                    kept += 1;
                    if !same_event(old, old.event(at), new, event) {
                        changed += 1;
                    }
                }
            }
        }
        (added, kept, changed)
    }
}

/// A new version of the timeline and what changed since the one shown: compared where it
/// was loaded, off the loop's thread.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Version {
    pub timeline: Timeline,
    pub changes: Changes,
}

impl Version {
    pub fn against(shown: &Timeline, timeline: Timeline) -> Version {
        let changes = Changes::between(shown, &timeline);
        Version { timeline, changes }
    }
}

/// Whether two versions of an event say the same: every field, actors and related events
/// compared by id (their indices differ between versions). The same text in the file (by
/// the fingerprints the parse took) says the same, and is told by comparing a number each
/// rather than following every string of both, a cache miss a field: most events of a
/// reload are unchanged. A text that differs may still say the same (a comment, spacing),
/// so only the fields decide that it changed.
fn same_event(old: &Timeline, a: &Event, new: &Timeline, b: &Event) -> bool {
    if a.fingerprint.same(b.fingerprint) == Some(true) {
        return true;
    }
    a.date == b.date
        && a.end == b.end
        && a.title == b.title
        && a.summary == b.summary
        && a.detail == b.detail
        && a.date_note == b.date_note
        && a.tags == b.tags
        && a.location == b.location
        && a.sources == b.sources
        && a.actors.len() == b.actors.len()
        && a.actors
            .iter()
            .zip(&b.actors)
            .all(|(x, y)| old.actor(*x).id == new.actor(*y).id)
        && a.related.len() == b.related.len()
        && a.related
            .iter()
            .zip(&b.related)
            .all(|(x, y)| old.event(*x).id == new.event(*y).id)
}
