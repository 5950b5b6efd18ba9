//! Where everything goes, in pixels: the lanes' names on the left, the plot beside them,
//! era bands stacked in rows above the lanes so that no band and no name overlaps another,
//! the axis below.

use super::scale::{self, Fold, Stretch, rows};
use super::text;
use crate::model::{ActorId, EventId, Timeline};

/// Margins around everything.
pub const PAD: f64 = 16.0;
/// Label text size.
pub const FONT: f64 = 12.0;
/// The heading's text size.
pub const TITLE_FONT: f64 = 16.0;
pub const HEADER: f64 = 34.0;
pub const ERA_ROW: f64 = 20.0;
pub const LANE: f64 = 24.0;
pub const AXIS: f64 = 26.0;
pub const LEGEND: f64 = 22.0;
/// The narrowest mark: a day's event is at least this wide. The plot ends this far
/// before the right margin, so that a mark on the last day stays inside the canvas.
pub const MIN_MARK: f64 = 6.0;
/// Space kept between two era names (or bands) in a row.
const ERA_GAP: f64 = 8.0;
/// The narrowest picture that still has a plot.
pub const MIN_WIDTH: u32 = 320;

/// The days the events cover, `[first, end)`, and their mapping onto the plot: to scale,
/// with the long empty stretches folded.
#[derive(Clone, Debug)]
pub struct Plot {
    pub first: i64,
    pub end: i64,
    pub left: f64,
    pub right: f64,
    pub stretches: Vec<Stretch>,
    pub folds: Vec<Fold>,
}

impl Plot {
    /// The x of the start of `day` (days outside the span are clamped to its edges, days
    /// in a fold to its end).
    pub fn x(&self, day: i64) -> f64 {
        scale::x_of(&self.stretches, day.clamp(self.first, self.end))
    }

    /// The day whose start is at or before `x`.
    pub fn day_at(&self, x: f64) -> i64 {
        scale::day_at(&self.stretches, x)
    }

    /// Whether `day` is folded away.
    pub fn folded(&self, day: i64) -> bool {
        self.folds.iter().any(|f| (f.from..f.to).contains(&day))
    }

    /// Days shown.
    pub fn span(&self) -> i64 {
        (self.end - self.first).max(1)
    }
}

/// Lanes of their own for at most this many actors; the events of the others share one
/// more lane, as in the time view, so that a picture stays a picture.
pub const MAX_LANES: usize = 12;

/// One actor's lane, or (`actor: None`) the lane of the events none of whose actors has one.
#[derive(Clone, Debug)]
pub struct Lane {
    pub actor: Option<ActorId>,
    /// The events of this actor among those drawn.
    pub count: usize,
    /// Its name and count as shown, cut to the names' column.
    pub label: String,
}

/// One era's band and where its name goes.
#[derive(Clone, Debug)]
pub struct EraPlace {
    /// Index into the timeline's eras.
    pub era: usize,
    pub row: usize,
    pub x0: f64,
    pub x1: f64,
    /// The name as shown (with `→ now` when ongoing) and its x.
    pub label: String,
    pub label_x: f64,
}

pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub plot: Plot,
    pub lanes: Vec<Lane>,
    /// The lane of each actor (`None`: the actor has no lane of its own).
    pub lane_of: Vec<Option<usize>>,
    /// The lane of the events none of whose actors has a lane, if there are any.
    pub others: Option<usize>,
    pub eras: Vec<EraPlace>,
    pub era_rows: usize,
}

impl Layout {
    pub fn eras_top() -> f64 {
        PAD + HEADER
    }

    pub fn lanes_top(&self) -> f64 {
        let gap = if self.era_rows > 0 { 6.0 } else { 0.0 };
        Layout::eras_top() + rows(self.era_rows) * ERA_ROW + gap
    }

    pub fn lanes_bottom(&self) -> f64 {
        self.lanes_top() + rows(self.lanes.len()) * LANE
    }

    pub fn lane_top(&self, lane: usize) -> f64 {
        self.lanes_top() + rows(lane) * LANE
    }

    /// Lays out `events` of `timeline` on a picture `width` pixels wide.
    pub fn new(timeline: &Timeline, events: &[EventId], width: u32) -> Layout {
        let width = f64::from(width.max(MIN_WIDTH));
        let (first, end) = extent(timeline, events);
        let (lanes, lane_of) = lanes(timeline, events);
        let others = lanes.iter().position(|l| l.actor.is_none());
        // The names' column: as wide as the widest name, at most a quarter of the picture.
        let names_max = (width / 4.0).floor();
        let names = lanes
            .iter()
            .map(|l| text::width(&lane_text(timeline, l), FONT))
            .fold(0.0, f64::max)
            .min(names_max);
        let lanes = lanes
            .into_iter()
            .map(|l| Lane {
                label: text::fit(&lane_text(timeline, &l), FONT, names).into_owned(),
                ..l
            })
            .collect::<Vec<_>>();
        let left = PAD + if names > 0.0 { names + 12.0 } else { 0.0 };
        let right = width - PAD - MIN_MARK;
        let (stretches, folds) =
            scale::lay_out(&years(timeline, events), (first, end), (left, right), FONT);
        let plot = Plot {
            first,
            end,
            left,
            right,
            stretches,
            folds,
        };
        let eras = place_eras(timeline, &plot, width - PAD);
        let era_rows = eras.iter().map(|e| e.row + 1).max().unwrap_or(0);
        let mut layout = Layout {
            width,
            height: 0.0,
            plot,
            lanes,
            lane_of,
            others,
            eras,
            era_rows,
        };
        layout.height = (layout.lanes_bottom() + AXIS + LEGEND + PAD).ceil();
        layout
    }
}

fn lane_text(timeline: &Timeline, lane: &Lane) -> String {
    let name = match lane.actor {
        Some(a) => text::shown(&timeline.actor(a).name).into_owned(),
        None => "Others".to_owned(),
    };
    format!("{name} ({})", lane.count)
}

/// The years in which events begin, ascending (the events are in date order).
fn years(timeline: &Timeline, events: &[EventId]) -> Vec<i32> {
    let mut out: Vec<i32> = Vec::new();
    for &id in events {
        let y = timeline.event(id).date.year();
        if out.last() != Some(&y) {
            out.push(y);
        }
    }
    out
}

/// The days the events cover: from the first day of the first to the day after the last
/// day any of them covers.
fn extent(timeline: &Timeline, events: &[EventId]) -> (i64, i64) {
    let mut first = i64::MAX;
    let mut end = i64::MIN;
    for &id in events {
        let e = timeline.event(id);
        first = first.min(i64::from(e.date.sort_key()));
        end = end.max(i64::from(crate::model::day_number(e.last_day())) + 1);
    }
    if first > end {
        (0, 1)
    } else {
        (first, end.max(first + 1))
    }
}

/// One lane per actor with an event here, busiest first (the time view's order), ties in
/// the timeline's actor order, at most [`MAX_LANES`]; then "others" for the events none of
/// whose actors has a lane. With the lane of each actor.
fn lanes(timeline: &Timeline, events: &[EventId]) -> (Vec<Lane>, Vec<Option<usize>>) {
    let mut counts = vec![0usize; timeline.actors.len()];
    for &id in events {
        for a in &timeline.event(id).actors {
            counts[a.index()] += 1;
        }
    }
    let mut lanes: Vec<Lane> = counts
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > 0)
        .map(|(i, &count)| Lane {
            actor: Some(ActorId(u32::try_from(i).unwrap_or(u32::MAX))),
            count,
            label: String::new(),
        })
        .collect();
    lanes.sort_by_key(|l| (std::cmp::Reverse(l.count), l.actor));
    lanes.truncate(MAX_LANES);
    let mut lane_of = vec![None; timeline.actors.len()];
    for (i, lane) in lanes.iter().enumerate() {
        if let Some(a) = lane.actor {
            lane_of[a.index()] = Some(i);
        }
    }
    let others = events
        .iter()
        .filter(|&&id| (timeline.event(id).actors.iter()).all(|a| lane_of[a.index()].is_none()))
        .count();
    if others > 0 {
        lanes.push(Lane {
            actor: None,
            count: others,
            label: String::new(),
        });
    }
    (lanes, lane_of)
}

/// The eras that meet the plot's span, each with its name placed inside its band when it
/// fits, else beside it (right of its start, or left of the canvas's edge), then stacked
/// greedily in rows by start: an era goes to the first row where neither its band nor its
/// name meets what is already there. Every era shown is named; a name longer than the
/// whole plot is cut (its band's tooltip has it whole).
fn place_eras(timeline: &Timeline, plot: &Plot, limit: f64) -> Vec<EraPlace> {
    let mut order: Vec<usize> = (0..timeline.eras.len()).collect();
    order.sort_by_key(|&i| (timeline.eras[i].start.sort_key(), i));
    let mut row_ends: Vec<f64> = Vec::new();
    let mut out = Vec::new();
    for i in order {
        let era = &timeline.eras[i];
        let (start, last) = (i64::from(era.start.sort_key()), i64::from(era.end_key()));
        if last < plot.first || start >= plot.end {
            continue;
        }
        let (x0, x1) = (
            plot.x(start),
            plot.x(last.saturating_add(1)).max(plot.x(start) + 1.0),
        );
        let x1 = if era.end.is_none() { limit } else { x1 };
        let name = text::shown(&era.name);
        let full = if era.end.is_none() {
            format!("{name} → now")
        } else {
            name.into_owned()
        };
        let label = text::fit(&full, FONT, limit - plot.left - 8.0).into_owned();
        let label_width = text::width(&label, FONT);
        let label_x = if label_width + 8.0 <= x1 - x0 || x0 + 4.0 + label_width <= limit {
            x0 + 4.0
        } else {
            (limit - label_width).max(plot.left)
        };
        let from = x0.min(label_x);
        let to = x1.max(label_x + label_width);
        let row = if let Some(r) = row_ends.iter().position(|&end| end + ERA_GAP <= from) {
            r
        } else {
            row_ends.push(f64::NEG_INFINITY);
            row_ends.len() - 1
        };
        row_ends[row] = to;
        out.push(EraPlace {
            era: i,
            row,
            x0,
            x1,
            label,
            label_x,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use super::*;

    /// A timeline with these eras (name, start year, end year or ongoing) and one event
    /// from 1900 to 2020, so that the plot spans those years.
    fn with_eras(eras: &[(String, i32, Option<i32>)]) -> Timeline {
        let mut text =
            String::from("(title: \"t\", actors: [(id: \"a\", name: \"A\", kind: State)], eras: [");
        for (i, (name, start, end)) in eras.iter().enumerate() {
            let end = end.map_or(String::new(), |e| format!("end: \"{e}\","));
            let _ = write!(
                text,
                "(id: \"e{i}\", name: \"{name}\", start: \"{start}\", {end}),"
            );
        }
        text.push_str(
            "], events: [(id: \"x\", date: \"1900\", end: \"2020\", title: \"x\", summary: \"s\", \
             actors: [\"a\"], sources: [(publisher: \"p\", title: \"t\")])])",
        );
        crate::load::parse(&text, "test.ron").expect("the fixture loads")
    }

    /// Every era is placed, and in each row no band or name meets another's.
    fn assert_placed(timeline: &Timeline, width: u32) -> Layout {
        let layout = Layout::new(timeline, &timeline.event_ids().collect::<Vec<_>>(), width);
        assert_eq!(layout.eras.len(), timeline.eras.len());
        for (i, a) in layout.eras.iter().enumerate() {
            let span = |p: &EraPlace| {
                let w = text::width(&p.label, FONT);
                (p.x0.min(p.label_x), p.x1.max(p.label_x + w))
            };
            let (a0, a1) = span(a);
            assert!(a0 >= PAD && a1 <= layout.width - PAD + 0.01, "{a:?}");
            assert!(a.label.starts_with(&timeline.eras[a.era].name[..1]));
            for b in &layout.eras[i + 1..] {
                let (b0, b1) = span(b);
                assert!(a.row != b.row || a1 <= b0 || b1 <= a0, "{a:?} meets {b:?}");
            }
        }
        layout
    }

    #[test]
    fn overlapping_and_narrow_eras_are_all_named_in_rows_apart() {
        let eras = vec![
            ("A long era with a long name".to_owned(), 1900, Some(1950)),
            ("Inside it".to_owned(), 1910, Some(1912)),
            (
                "A war of two years with a name longer than its band".to_owned(),
                1913,
                Some(1914),
            ),
            ("Now".to_owned(), 2001, None),
            ("Just before".to_owned(), 1999, Some(2000)),
        ];
        let layout = assert_placed(&with_eras(&eras), 1000);
        let timeline = with_eras(&eras);
        let now = layout
            .eras
            .iter()
            .find(|e| timeline.eras[e.era].name == "Now");
        assert_eq!(now.expect("placed").label, "Now → now");
        // Whole names while they fit beside their band.
        assert!(layout.eras.iter().all(|e| !e.label.ends_with('…')));
    }

    #[test]
    fn random_eras_never_overlap() {
        let mut seed = 99u64;
        let mut next = |n: u64| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            i32::try_from((seed >> 33) % n).expect("small")
        };
        for _ in 0..40 {
            let eras: Vec<(String, i32, Option<i32>)> = (0..=next(12))
                .map(|i| {
                    let start = 1900 + next(110);
                    let name = "Era name ".repeat(usize::try_from(next(4)).unwrap() + 1);
                    let end = (next(5) > 0).then(|| (start + next(30)).min(2020));
                    (format!("{name}{i}"), start, end)
                })
                .collect();
            for width in [320, 800, 1600] {
                assert_placed(&with_eras(&eras), width);
            }
        }
    }
}
