//! Lanes: one row per actor, and what each of its cells holds at a scale.
//!
//! [`LaneIndex`] is built once per filter result (when the time view is open): per actor,
//! the sorted first days of its visible events, and its events with an `end` sorted by
//! start with the running maximum of their last days. A cell's count is then two binary
//! searches, and whether a bar crosses it one more (some duration that starts before the
//! cell's end reaches its start exactly when the running maximum before that point does).
//! The "others" lane, whose membership depends on which actors got lanes, is laid out the
//! same way for each set of lanes when first needed (one pass over the visible events),
//! and kept for the next few zooms and pans.

use std::cell::RefCell;

use super::axis::{FOLD_MIN_YEARS, Gap, gap_between, year_of_day};
use super::{Extent, Scale};
use crate::model::{ActorId, EventId, Timeline};
use crate::query::{SearchIndex, actor_bit};

mod others;

use others::Others;

/// The visible events of one actor, laid out for range counts.
#[derive(Default)]
struct ActorEvents {
    /// First days, ascending (the visible list's order).
    days: Vec<i32>,
    /// Where each is in the visible list.
    pos: Vec<u32>,
    /// Events with an `end`: first days ascending, the running maximum of last days, and
    /// the visible position of the event that reaches it.
    dur_days: Vec<i32>,
    dur_reach: Vec<i32>,
    dur_arg: Vec<u32>,
}

/// Per-actor sorted days of the visible events; rebuilt when the filter result changes.
#[derive(Default)]
pub struct LaneIndex {
    actors: Vec<ActorEvents>,
    /// The days the visible events cover.
    pub extent: Extent,
    /// The empty stretches between the visible events' years that fold, by the list
    /// axis's rule (`axis::gap_between`), ascending: found once per filter result, so
    /// that a frame folds any window by a binary search.
    pub gaps: Vec<Gap>,
    /// The day after the last day the visible events' dates cover, their `end`s left
    /// out: the end of a search's or a range's fit, so that a match with a long `end`
    /// does not squeeze the others into a few columns.
    pub dates_end: i64,
    /// The longest visible event with an `end`, in days: how far before a span an event
    /// can start and still reach into it.
    longest: i64,
    /// The "others" lanes built so far, for the last few sets of actors with lanes (a
    /// memo: zooming back and forth meets the same sets again).
    others: RefCell<Vec<Others>>,
}

impl LaneIndex {
    /// O(events · actors per event), once per filter result. Reads only the search
    /// index's contiguous arrays (days, actor masks, whether an event has an `end`) while
    /// the timeline has at most 64 actors, so a million events take milliseconds rather
    /// than a cache miss per event.
    pub fn build(timeline: &Timeline, index: &SearchIndex, visible: &[EventId]) -> LaneIndex {
        let masks_exact = timeline.actors.len() <= 64;
        // Count first, so that every array is allocated once at its size: growing them
        // by doubling would copy and fault in twice the memory.
        let mut sizes = vec![(0usize, 0usize); timeline.actors.len()];
        if masks_exact {
            for &id in visible {
                let (mut mask, end) = (index.actor_mask(id), usize::from(index.has_end(id)));
                while mask != 0 {
                    let size = &mut sizes[mask.trailing_zeros() as usize];
                    mask &= mask - 1;
                    size.0 += 1;
                    size.1 += end;
                }
            }
        }
        let mut actors: Vec<ActorEvents> = sizes
            .iter()
            .map(|&(n, ends)| ActorEvents {
                days: Vec::with_capacity(n),
                pos: Vec::with_capacity(n),
                dur_days: Vec::with_capacity(ends),
                dur_reach: Vec::with_capacity(ends),
                dur_arg: Vec::with_capacity(ends),
            })
            .collect();
        let (mut last, mut longest) = (i32::MIN, 0i64);
        let mut gaps = Vec::new();
        // Whole empty years between two first days need at least this many days between
        // them: only such pairs (few) have their years computed.
        let fold_days = i32::try_from(365 * i64::from(FOLD_MIN_YEARS)).unwrap_or(i32::MAX);
        let mut prev_first = i32::MAX;
        let mut dates_end = i64::MIN;
        let add = |lane: &mut ActorEvents, first: i32, end: Option<i32>, p: u32| {
            lane.days.push(first);
            lane.pos.push(p);
            if let Some(end) = end {
                let reach = lane.dur_reach.last().copied().unwrap_or(i32::MIN);
                lane.dur_days.push(first);
                if end > reach {
                    lane.dur_reach.push(end);
                    lane.dur_arg.push(p);
                } else {
                    lane.dur_reach.push(reach);
                    lane.dur_arg.push(lane.dur_arg.last().copied().unwrap_or(p));
                }
            }
        };
        for (p, &id) in visible.iter().enumerate() {
            let p = u32::try_from(p).unwrap_or(u32::MAX);
            let (first, last_day) = (index.first_day(id), index.last_day(id));
            if first.saturating_sub(prev_first) >= fold_days
                && let Some(gap) = gap_between(
                    year_of_day(i64::from(prev_first)),
                    year_of_day(i64::from(first)),
                )
            {
                gaps.push(gap);
            }
            prev_first = first;
            last = last.max(last_day);
            // An event with an `end`: its date's own period is not kept; its first day is.
            let date_last = if index.has_end(id) { first } else { last_day };
            dates_end = dates_end.max(i64::from(date_last) + 1);
            let end = index.has_end(id).then_some(last_day);
            if end.is_some() {
                longest = longest.max(i64::from(last_day) - i64::from(first));
            }
            if masks_exact {
                let mut mask = index.actor_mask(id);
                while mask != 0 {
                    let a = mask.trailing_zeros() as usize;
                    mask &= mask - 1;
                    add(&mut actors[a], first, end, p);
                }
            } else {
                for a in &timeline.event(id).actors {
                    add(&mut actors[a.index()], first, end, p);
                }
            }
        }
        let extent = match visible.first() {
            Some(&id) => Extent {
                first: i64::from(index.first_day(id)),
                end: i64::from(last) + 1,
            },
            None => Extent::default(),
        };
        LaneIndex {
            actors,
            extent,
            gaps,
            dates_end,
            longest,
            others: RefCell::default(),
        }
    }

    /// Visible events of `actor` starting in `[from, to)`.
    pub fn count(&self, actor: ActorId, from: i64, to: i64) -> usize {
        self.actors.get(actor.index()).map_or(0, |a| {
            let (lo, hi) = bounds(&a.days, from, to);
            hi - lo
        })
    }

    /// Visible positions of `actor`'s events, in time order.
    pub fn positions(&self, actor: ActorId) -> &[u32] {
        self.actors.get(actor.index()).map_or(&[], |a| &a.pos)
    }
}

/// Indices of `days` in `[from, to)`.
fn bounds(days: &[i32], from: i64, to: i64) -> (usize, usize) {
    (
        days.partition_point(|&d| i64::from(d) < from),
        days.partition_point(|&d| i64::from(d) < to),
    )
}

/// The order of the actors' lanes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LaneOrder {
    /// The most events in the span first.
    #[default]
    Busiest,
    /// The earliest first visible event first: the story's order of entrances.
    FirstSeen,
}

impl LaneOrder {
    /// The next order, round (`s`).
    #[must_use]
    pub fn next(self) -> LaneOrder {
        match self {
            LaneOrder::Busiest => LaneOrder::FirstSeen,
            LaneOrder::FirstSeen => LaneOrder::Busiest,
        }
    }

    /// What the lane headers' title says of it.
    pub fn label(self) -> &'static str {
        match self {
            LaneOrder::Busiest => "busiest first",
            LaneOrder::FirstSeen => "by first appearance",
        }
    }
}

impl LaneIndex {
    /// The first day of `actor`'s first visible event.
    pub fn first_day(&self, actor: ActorId) -> Option<i32> {
        self.actors.get(actor.index())?.days.first().copied()
    }
}

/// Which lane.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LaneKey {
    Actor(ActorId),
    /// The events none of whose actors has a lane.
    Others,
}

/// The actors in the order they get lanes: the filtered actors when there is an actor
/// filter, else those with events in the span, the most first (ties: the timeline's
/// actor order). Costs O(actors · log n).
pub fn ranked_actors(lanes: &LaneIndex, filtered: &[ActorId], scale: &Scale) -> Vec<ActorId> {
    ranked_actors_by(lanes, filtered, scale, LaneOrder::Busiest)
}

/// [`ranked_actors`] in either order: by first appearance, those with events in the span
/// by their first visible event (ties: the timeline's actor order).
pub fn ranked_actors_by(
    lanes: &LaneIndex,
    filtered: &[ActorId],
    scale: &Scale,
    order: LaneOrder,
) -> Vec<ActorId> {
    if !filtered.is_empty() {
        return filtered.to_vec();
    }
    if order == LaneOrder::FirstSeen {
        let mut seen: Vec<(i32, ActorId)> = (0..lanes.actors.len())
            .map(|a| ActorId(u32::try_from(a).unwrap_or(u32::MAX)))
            .filter(|&a| lanes.count(a, scale.start, scale.end()) > 0)
            .filter_map(|a| Some((lanes.first_day(a)?, a)))
            .collect();
        seen.sort_unstable();
        return seen.into_iter().map(|(_, a)| a).collect();
    }
    let mut counted: Vec<(usize, ActorId)> = (0..lanes.actors.len())
        .map(|a| ActorId(u32::try_from(a).unwrap_or(u32::MAX)))
        .map(|a| (lanes.count(a, scale.start, scale.end()), a))
        .filter(|(n, _)| *n > 0)
        .collect();
    counted.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
    counted.into_iter().map(|(_, a)| a).collect()
}

/// The lanes for `rows` rows: the [`ranked_actors`] that fit; when not all fit, the last
/// row is "others".
pub fn choose_lanes(
    lanes: &LaneIndex,
    filtered: &[ActorId],
    scale: &Scale,
    rows: usize,
) -> Vec<LaneKey> {
    choose_lanes_by(lanes, filtered, scale, rows, LaneOrder::Busiest)
}

/// [`choose_lanes`] in either order.
pub fn choose_lanes_by(
    lanes: &LaneIndex,
    filtered: &[ActorId],
    scale: &Scale,
    rows: usize,
    order: LaneOrder,
) -> Vec<LaneKey> {
    if rows == 0 {
        return Vec::new();
    }
    let actors = ranked_actors_by(lanes, filtered, scale, order);
    if actors.len() <= rows {
        return actors.into_iter().map(LaneKey::Actor).collect();
    }
    let mut out: Vec<LaneKey> = actors[..rows - 1]
        .iter()
        .copied()
        .map(LaneKey::Actor)
        .collect();
    out.push(LaneKey::Others);
    out
}

/// What a cell shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Empty,
    /// Crossed by an event with an `end` that starts in an earlier cell.
    Bar,
    /// The one event starting here, a point in time.
    Point(EventId),
    /// The one event starting here, one with an `end` (its bar's first cell).
    Start(EventId),
    /// Part of the count of the events starting in the cell where the count begins.
    Count(u32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cell {
    pub ch: char,
    pub kind: Kind,
}

impl Cell {
    pub const EMPTY: Cell = Cell {
        ch: ' ',
        kind: Kind::Empty,
    };
}

/// What the state knows about the events: the pieces a lane's cells are computed from.
pub struct Events<'a> {
    pub timeline: &'a Timeline,
    pub index: &'a SearchIndex,
    pub visible: &'a [EventId],
    pub lanes: &'a LaneIndex,
}

impl Events<'_> {
    /// The cells of lane `key` at `scale`; `shown` are the actors that have lanes.
    pub fn cells(&self, key: LaneKey, scale: &Scale, shown: &[ActorId]) -> Vec<Cell> {
        let width = usize::from(scale.width);
        let mut counts = vec![0u32; width];
        let mut single = vec![0u32; width];
        let mut covered = vec![false; width];
        match key {
            LaneKey::Actor(actor) => {
                if let Some(a) = self.lanes.actors.get(actor.index()) {
                    actor_cells(a, scale, &mut counts, &mut single, &mut covered);
                }
            }
            LaneKey::Others => {
                self.other_cells(scale, shown, &mut counts, &mut single, &mut covered);
            }
        }
        let mut cells: Vec<Cell> = (0..width)
            .map(|c| match counts[c] {
                0 if covered[c] => Cell {
                    ch: '━',
                    kind: Kind::Bar,
                },
                0 => Cell::EMPTY,
                1 => {
                    let id = self.visible[single[c] as usize];
                    if self.index.has_end(id) {
                        Cell {
                            ch: '━',
                            kind: Kind::Start(id),
                        }
                    } else {
                        Cell {
                            ch: '◆',
                            kind: Kind::Point(id),
                        }
                    }
                }
                n => Cell {
                    ch: ' ',
                    kind: Kind::Count(n),
                },
            })
            .collect();
        write_counts(&mut cells);
        self.spread_imprecise(&mut cells, scale);
        cells
    }

    /// An event known only to the month or the year is a period, not a day: once that
    /// period spans two columns or more it is drawn across them, `◇┄┄┄` (a hollow mark,
    /// a light dashed run), and an approximate (`~`) date `○┈┈┈` (a ring, a dotted run),
    /// whatever the colours. The run takes only empty cells and is a bar for the
    /// titles (they go after it). A period inside one column keeps the `◆`, but an
    /// approximate date still shows its ring there.
    fn spread_imprecise(&self, cells: &mut [Cell], scale: &Scale) {
        for c in 0..cells.len() {
            let Kind::Point(id) = cells[c].kind else {
                continue;
            };
            let date = self.timeline.event(id).date;
            let approximate = date.is_approximate();
            if date.precision() == crate::model::Precision::Day && !approximate {
                continue;
            }
            let last = scale.col_clamped(i64::from(self.index.last_day(id)));
            let spans = usize::from(last) > c;
            let (mark, run) = match (approximate, spans) {
                (true, _) => ('○', '┈'),
                (false, true) => ('◇', '┄'),
                (false, false) => continue,
            };
            cells[c].ch = mark;
            for cell in cells.iter_mut().take(usize::from(last) + 1).skip(c + 1) {
                if cell.kind != Kind::Empty {
                    break;
                }
                *cell = Cell {
                    ch: run,
                    kind: Kind::Bar,
                };
            }
        }
    }
}

/// The first index from `from` (of `len`) where `below` stops holding (it holds for a
/// prefix): steps of 1, 2, 4, … then a binary search in the last step. The columns are
/// walked left to right, so each search starts where the last one ended and costs the
/// logarithm of the events in its column, near in memory, rather than of the whole lane.
fn gallop(len: usize, from: usize, below: impl Fn(usize) -> bool) -> usize {
    let mut lo = from;
    let mut step = 1;
    let mut hi = from;
    while hi < len && below(hi) {
        lo = hi + 1;
        hi = hi.saturating_add(step).min(len);
        step *= 2;
    }
    // The answer is in [lo, hi]: below(lo - 1) held, and hi is len or !below(hi).
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if below(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// Counts, single events and bar crossings of one actor's lane, by galloping search.
fn actor_cells(
    a: &ActorEvents,
    scale: &Scale,
    counts: &mut [u32],
    single: &mut [u32],
    covered: &mut [bool],
) {
    let mut lo = bounds(&a.days, scale.start, scale.start).0;
    let mut k = bounds(&a.dur_days, scale.start, scale.start).0;
    for c in 0..scale.width {
        let (from, to) = (scale.day_at(c), scale.day_at(c + 1));
        let hi = gallop(a.days.len(), lo, |j| i64::from(a.days[j]) < to);
        let i = usize::from(c);
        counts[i] = u32::try_from(hi - lo).unwrap_or(u32::MAX);
        if hi > lo {
            single[i] = a.pos[lo];
        }
        k = gallop(a.dur_days.len(), k, |j| i64::from(a.dur_days[j]) < to);
        covered[i] = k > 0 && i64::from(a.dur_reach[k - 1]) >= from;
        lo = hi;
    }
}

/// Writes each count into its cells: a digit for 2–9, a larger number when the cells after
/// it are free. Where that cannot be read apart (the cells after are taken, or the cell
/// before ends in a digit, so `2` and `5` would read `25`), a shade for its order of
/// magnitude instead: `░` units, `▒` tens, `▓` hundreds, `█` more.
fn write_counts(cells: &mut [Cell]) {
    let mut c = 0;
    while c < cells.len() {
        let Kind::Count(n) = cells[c].kind else {
            c += 1;
            continue;
        };
        let digits: Vec<char> = n.to_string().chars().collect();
        let room = cells[c + 1..]
            .iter()
            .take(digits.len() - 1)
            .take_while(|cell| matches!(cell.kind, Kind::Empty | Kind::Bar))
            .count();
        let after_digit = c > 0 && cells[c - 1].ch.is_ascii_digit();
        if room + 1 == digits.len() && !after_digit {
            for (k, ch) in digits.into_iter().enumerate() {
                cells[c + k] = Cell {
                    ch,
                    kind: Kind::Count(n),
                };
            }
            c += room + 1;
        } else {
            cells[c].ch = match n {
                0..10 => '░',
                10..100 => '▒',
                100..1000 => '▓',
                _ => '█',
            };
            c += 1;
        }
    }
}

#[cfg(test)]
mod tests;
