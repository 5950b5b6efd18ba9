//! The "others" lane: the events none of whose actors has a lane. Which events those are
//! depends on the lanes chosen, so it is laid out per set of lanes, over the span and as
//! much again around it, and the last few are kept: zooming back and forth and panning
//! meet the same sets again.

use super::{Events, LaneIndex, actor_bit, gallop};
use crate::model::{ActorId, EventId};
use crate::tui::time::Scale;

/// The "others" lane for one set of actors with lanes over a stretch of the visible list,
/// laid out like an actor's lane: a running count of the events with none of those actors,
/// so that a column's count is one subtraction, and their events with an `end` for bars.
pub(super) struct Others {
    /// The actors with lanes, sorted.
    shown: Vec<ActorId>,
    /// The stretch laid out: visible indices `first..first + before.len() - 1`.
    first: usize,
    /// `before[i]`: such events among the visible ones from `first` to `first + i`.
    before: Vec<u32>,
    dur_days: Vec<i32>,
    dur_reach: Vec<i32>,
}

/// "Others" lanes kept for reuse.
const OTHERS_KEPT: usize = 4;

impl LaneIndex {
    /// Runs `f` on the "others" lane of the actors `shown` laid out over at least the
    /// visible indices `need`, building it the first time: one pass over those events
    /// (and as many again around them, for the pans that follow), then every zoom and pan
    /// inside with the same lanes reads it by binary search like an actor's lane.
    fn with_others<R>(
        &self,
        events: &Events<'_>,
        shown: &[ActorId],
        need: (usize, usize),
        f: impl FnOnce(&Others) -> R,
    ) -> R {
        let mut sorted = shown.to_vec();
        sorted.sort_unstable();
        let mut cache = self.others.borrow_mut();
        let found = cache.iter().position(|o| {
            o.shown == sorted && o.first <= need.0 && need.1 < o.first + o.before.len()
        });
        let at = if let Some(at) = found {
            at
        } else {
            if cache.len() == OTHERS_KEPT {
                cache.remove(0);
            }
            let margin = (need.1 - need.0) / 2;
            let stretch = (
                need.0.saturating_sub(margin),
                need.1.saturating_add(margin).min(events.visible.len()),
            );
            cache.push(Others::build(events, sorted, stretch));
            cache.len() - 1
        };
        f(&cache[at])
    }
}

impl Events<'_> {
    /// The others lane: counts by subtraction of running counts, bars by the running
    /// maximum of ends, as for an actor's lane.
    pub(super) fn other_cells(
        &self,
        scale: &Scale,
        shown: &[ActorId],
        counts: &mut [u32],
        single: &mut [u32],
        covered: &mut [bool],
    ) {
        let key = |id: &EventId| i64::from(self.index.first_day(*id));
        let span_lo = self.visible.partition_point(|id| key(id) < scale.start);
        let span_hi = gallop(self.visible.len(), span_lo, |i| {
            key(&self.visible[i]) < scale.end()
        });
        // Events with an `end` that start before the span may reach into it.
        let reach_lo = self
            .visible
            .partition_point(|id| key(id) < scale.start - self.lanes.longest);
        self.lanes
            .with_others(self, shown, (reach_lo, span_hi), |others| {
                let at = |i: usize| others.before[i - others.first];
                let mut lo = span_lo;
                let mut k = others
                    .dur_days
                    .partition_point(|&d| i64::from(d) < scale.start);
                for c in 0..scale.width {
                    let (from, to) = (scale.day_at(c), scale.day_at(c + 1));
                    let hi = gallop(span_hi, lo, |i| key(&self.visible[i]) < to);
                    let i = usize::from(c);
                    counts[i] = at(hi) - at(lo);
                    if counts[i] > 0 {
                        // The first such event in the column: where the running count steps.
                        let base = at(lo);
                        let step = others.before[lo - others.first + 1..=hi - others.first]
                            .partition_point(|&b| b == base);
                        single[i] = u32::try_from(lo + step).unwrap_or(u32::MAX);
                    }
                    k = gallop(others.dur_days.len(), k, |j| {
                        i64::from(others.dur_days[j]) < to
                    });
                    covered[i] = k > 0 && i64::from(others.dur_reach[k - 1]) >= from;
                    lo = hi;
                }
            });
    }
}

impl Others {
    /// Lays the lane out over the visible indices `first..end`.
    fn build(events: &Events<'_>, shown: Vec<ActorId>, (first, end): (usize, usize)) -> Others {
        let masks_exact = events.timeline.actors.len() <= 64;
        let mask = shown.iter().fold(0u64, |m, a| m | actor_bit(a.index()));
        let mut before = Vec::with_capacity(end - first + 1);
        let (mut dur_days, mut dur_reach) = (Vec::new(), Vec::new());
        let mut n = 0u32;
        before.push(0);
        for &id in &events.visible[first..end] {
            let other = if masks_exact {
                events.index.actor_mask(id) & mask == 0
            } else {
                !events
                    .timeline
                    .event(id)
                    .actors
                    .iter()
                    .any(|a| shown.binary_search(a).is_ok())
            };
            if other {
                n += 1;
                if events.index.has_end(id) {
                    let reach = dur_reach.last().copied().unwrap_or(i32::MIN);
                    dur_days.push(events.index.first_day(id));
                    dur_reach.push(reach.max(events.index.last_day(id)));
                }
            }
            before.push(n);
        }
        Others {
            shown,
            first,
            before,
            dur_days,
            dur_reach,
        }
    }
}
