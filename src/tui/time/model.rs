//! The whole time view as data: the scale, the ticks, the era rows, the lanes with their
//! cells, the placed titles and where the selection is. Built by `update`; drawn as is.
//!
//! Rows of the pane, top to bottom: era bands (a quarter of the rows, or all the lanes
//! leave), one row per lane, then the axis (a tick line and the labels, or only the labels when short).
//! Narrow panes drop the lanes' names and the titles first, then the eras.

use unicode_width::UnicodeWidthChar;

use super::axis::{Segment, axis_ticks, column_of, era_columns, lay_out};
use super::lanes::{Cell, Events, Kind, LaneIndex, LaneKey, LaneOrder};
use super::lanes::{choose_lanes_by, ranked_actors_by};
use super::{EraBand, EraLabel, Placed, Scale, Step, Tick, Window, choose_step, place_labels};
use super::{era_label, range_label, stack_labelled};
use crate::model::{ActorId, EventId, Timeline};
use crate::query::SearchIndex;

/// What the model is computed from.
pub struct TimeInput<'a> {
    pub timeline: &'a Timeline,
    pub index: &'a SearchIndex,
    pub visible: &'a [EventId],
    pub lanes: &'a LaneIndex,
    /// The actor filter's actors: the lanes, when there are any.
    pub filtered: &'a [ActorId],
    pub window: Window,
    pub selected: Option<EventId>,
    /// The pane's inside, in cells.
    pub width: u16,
    pub height: u16,
    /// The calendar the ticks count in, beside the Gregorian.
    pub dates: crate::model::calendar::DateStyle,
    /// The lanes' order.
    pub order: LaneOrder,
}

/// One lane's row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lane {
    pub key: LaneKey,
    /// The lane's visible events starting in the window (its header's count, which the
    /// busiest-first order follows; none for "others").
    pub count: Option<usize>,
    pub cells: Vec<Cell>,
    pub labels: Vec<Placed>,
    /// The columns of the selected event in this lane (its marker, or its bar), if here.
    pub selected: Option<(u16, u16)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeModel {
    /// The window in time, linear: what zoom and pan move.
    pub scale: Scale,
    /// How the window is drawn: its stretches with events to scale, the long empty ones
    /// between them folded, by the list axis's rule and layout (`axis::lay_out`). Every
    /// column below (cells, ticks, bands, the selection) is a column of this layout.
    pub segments: Vec<Segment>,
    pub step: Step,
    /// The range shown, for the title: `1979 – 1989`.
    pub range: String,
    pub ticks: Vec<Tick>,
    pub eras: Vec<Vec<EraBand>>,
    /// Where each era's name is written over the bands (`row` indexes `eras`).
    pub era_labels: Vec<EraLabel>,
    /// Eras whose names are cut or left out: a legend row under the bands names them.
    pub era_legend: Vec<usize>,
    pub lanes: Vec<Lane>,
    /// Columns left of the scale for the lanes' names (0: no names).
    pub name_width: u16,
    /// 2: a tick line and labels; 1: labels only; 0: no axis.
    pub axis_rows: u16,
}

impl Default for TimeModel {
    fn default() -> TimeModel {
        TimeModel {
            scale: Scale::new(0, 1, 1),
            segments: Vec::new(),
            step: Step::Years(1),
            range: String::new(),
            ticks: Vec::new(),
            eras: Vec::new(),
            era_labels: Vec::new(),
            era_legend: Vec::new(),
            lanes: Vec::new(),
            name_width: 0,
            axis_rows: 0,
        }
    }
}

/// Columns of the lanes' names for a pane this wide.
fn name_width(width: u16) -> u16 {
    match width {
        60.. => 19,
        40..60 => 13,
        28..40 => 7,
        _ => 0,
    }
}

/// The glyph down a fold's middle in every lane.
pub const FOLD_CUT: char = '┊';

/// Titles show from this scale width on.
const LABELS_FROM: u16 = 24;

impl TimeModel {
    /// The scale the input's window gives in this pane, before anything else is built.
    pub fn scale_for(input: &TimeInput<'_>) -> Scale {
        let width = input.width.saturating_sub(name_width(input.width)).max(1);
        input.window.scale(input.lanes.extent, width)
    }

    pub fn build(input: &TimeInput<'_>) -> TimeModel {
        let name_width = name_width(input.width);
        let scale = TimeModel::scale_for(input);
        if input.visible.is_empty() || input.width <= name_width || input.height == 0 {
            return TimeModel {
                scale,
                ..TimeModel::default()
            };
        }
        let start = chrono::NaiveDate::from_num_days_from_ce_opt(
            i32::try_from(scale.start).unwrap_or_default(),
        )
        .unwrap_or_default();
        let cal = super::Reckoner::for_start(input.dates, start);
        let step = choose_step(&scale, cal);
        let axis_rows = match input.height {
            8.. => 2,
            3..8 => 1,
            _ => 0,
        };
        let rest = usize::from(input.height - axis_rows);
        // Eras get a quarter of the rows when lanes need them, and whatever the lanes
        // leave otherwise.
        let era_share = match rest {
            6.. => rest / 4,
            4..6 => 1,
            _ => 0,
        };
        let segments = folded(input.lanes, &scale);
        let (eras, keys) = eras_and_lanes(input, &segments, &scale, rest, era_share);
        let shown: Vec<ActorId> = keys
            .iter()
            .filter_map(|k| match k {
                LaneKey::Actor(a) => Some(*a),
                LaneKey::Others => None,
            })
            .collect();
        let events = Events {
            timeline: input.timeline,
            index: input.index,
            visible: input.visible,
            lanes: input.lanes,
        };
        let mut lanes: Vec<Lane> = keys
            .into_iter()
            .map(|key| Lane {
                key,
                count: lane_count(input.lanes, key, &scale),
                cells: folded_cells(&events, key, &segments, &shown),
                labels: Vec::new(),
                selected: None,
            })
            .collect();
        // An empty "others" lane means every event of the actors without a lane has one
        // with a lane: its row goes to the next actor instead, which hides nothing more.
        if let Some(last) = lanes.last_mut()
            && last.key == LaneKey::Others
            && last.cells.iter().all(|c| {
                // A fold's cells are taken, but hold no event.
                c.kind == Kind::Empty || (c.kind == Kind::Bar && matches!(c.ch, ' ' | FOLD_CUT))
            })
        {
            let ranked = ranked_actors_by(input.lanes, input.filtered, &scale, input.order);
            let next = ranked.iter().find(|a| !shown.contains(a));
            match next {
                Some(&a) => {
                    last.key = LaneKey::Actor(a);
                    last.count = lane_count(input.lanes, last.key, &scale);
                    last.cells = folded_cells(&events, last.key, &segments, &shown);
                }
                None => {
                    lanes.pop();
                }
            }
        }
        let mut model = TimeModel {
            scale,
            step,
            range: range_label(&scale, step, cal),
            ticks: axis_ticks(&segments, scale.width, input.dates),
            segments,
            eras: eras.rows,
            era_labels: eras.labels,
            era_legend: eras.legend,
            lanes,
            name_width,
            axis_rows,
        };
        model.select(input);
        model
    }

    /// Marks the selection in each lane it is in and places the titles around it: what a
    /// move of the selection changes, without counting the cells again.
    pub fn select(&mut self, input: &TimeInput<'_>) {
        let shown: Vec<ActorId> = self
            .lanes
            .iter()
            .filter_map(|l| match l.key {
                LaneKey::Actor(a) => Some(a),
                LaneKey::Others => None,
            })
            .collect();
        let selected = input.selected.map(|id| {
            let event = input.timeline.event(id);
            let (first, last) = (
                i64::from(input.index.first_day(id)),
                i64::from(input.index.last_day(id)),
            );
            // The whole of the days it may be on: its `end`, or its month or year.
            let last =
                if event.end.is_some() || event.date.precision() != crate::model::Precision::Day {
                    last
                } else {
                    first
                };
            let cols = (last >= self.scale.start && first < self.scale.end())
                .then(|| {
                    Some((
                        column_of(&self.segments, first)?,
                        column_of(&self.segments, last)?,
                    ))
                })
                .flatten();
            (id, &event.actors, cols)
        });
        let mut title_width = |id: EventId| title_width(&input.timeline.event(id).title);
        for lane in &mut self.lanes {
            lane.selected = selected.and_then(|(_, actors, cols)| {
                let here = match lane.key {
                    LaneKey::Actor(a) => actors.contains(&a),
                    LaneKey::Others => !actors.iter().any(|a| shown.contains(a)),
                };
                if here { cols } else { None }
            });
            lane.labels = if self.scale.width >= LABELS_FROM {
                place_labels(&lane.cells, input.selected, &mut title_width)
            } else {
                Vec::new()
            };
        }
    }
}

impl TimeModel {
    /// Rows above the lanes: the era bands and, when a name is cut, the legend.
    pub fn era_rows(&self) -> usize {
        self.eras.len() + usize::from(!self.era_legend.is_empty())
    }

    /// The lane drawn on row `row` of the pane's inside, if a lane is there.
    pub fn lane_at(&self, row: u16) -> Option<LaneKey> {
        let top = u16::try_from(self.era_rows()).unwrap_or(u16::MAX);
        self.lanes
            .get(usize::from(row.checked_sub(top)?))
            .map(|l| l.key)
    }
}

/// The era rows and the lanes for `rest` rows: eras get up to `era_share` rows when the
/// lanes need them and whatever the lanes leave otherwise, stacked so that every name has
/// room, or cut with a legend row when rows run short.
fn eras_and_lanes(
    input: &TimeInput<'_>,
    segments: &[Segment],
    scale: &Scale,
    rest: usize,
    era_share: usize,
) -> (super::LabelledEras, Vec<LaneKey>) {
    let eras_in = |max_rows: usize| {
        let labels: Vec<u16> = input
            .timeline
            .eras
            .iter()
            .map(|e| u16::try_from(crate::tui::text::width(&era_label(e))).unwrap_or(u16::MAX))
            .collect();
        stack_labelled(
            &input.timeline.eras,
            |era| era_columns(segments, era),
            |i| labels[i],
            scale.width,
            max_rows,
        )
    };
    let rows_of = |e: &super::LabelledEras| e.rows.len() + usize::from(!e.legend.is_empty());
    let mut eras = if era_share > 0 {
        eras_in(rest - 1)
    } else {
        super::LabelledEras::default()
    };
    let keys = choose_lanes_by(
        input.lanes,
        input.filtered,
        scale,
        rest - rows_of(&eras).min(era_share),
        input.order,
    );
    // Fewer rows than the eras asked for: stacked again in those, the legend's row
    // kept when something is cut.
    let allowed = rest - keys.len();
    if rows_of(&eras) > allowed {
        eras = eras_in(allowed);
        if rows_of(&eras) > allowed && allowed >= 2 {
            eras = eras_in(allowed - 1);
        }
        // A single row keeps the bands, their names cut, rather than the legend.
        if rows_of(&eras) > allowed {
            eras.legend.clear();
        }
        if eras.rows.len() > allowed {
            eras = super::LabelledEras::default();
        }
    }
    (eras, keys)
}

fn lane_count(lanes: &LaneIndex, key: LaneKey, scale: &Scale) -> Option<usize> {
    match key {
        LaneKey::Actor(a) => Some(lanes.count(a, scale.start, scale.end())),
        LaneKey::Others => None,
    }
}

/// The window's layout: the gaps of the visible events' years that lie inside it folded.
fn folded(lanes: &LaneIndex, scale: &Scale) -> Vec<Segment> {
    let gaps = &lanes.gaps;
    let lo = gaps.partition_point(|g| g.from <= scale.start);
    let hi = gaps.partition_point(|g| g.to < scale.end()).max(lo);
    lay_out(scale.start, scale.end(), &gaps[lo..hi], scale.width)
}

/// A lane's cells over a folded layout: each stretch at its own scale, the folds a dotted
/// line down their middle (`┊`), taken, so that no title runs across a fold.
fn folded_cells(
    events: &Events<'_>,
    key: LaneKey,
    segments: &[Segment],
    shown: &[ActorId],
) -> Vec<Cell> {
    let mut out = Vec::new();
    for s in segments {
        match *s {
            Segment::Scale {
                start, end, width, ..
            } => out.extend(events.cells(key, &Scale::new(start, end - start, width), shown)),
            Segment::Fold { width, .. } => {
                out.extend((0..width).map(|c| Cell {
                    ch: if c == width / 2 { FOLD_CUT } else { ' ' },
                    kind: Kind::Bar,
                }));
            }
        }
    }
    out
}

/// A title's width on screen once cleaned, looking no further than a label can use.
fn title_width(title: &str) -> u16 {
    let head = title
        .char_indices()
        .nth(256)
        .map_or(title, |(i, _)| &title[..i]);
    let w: usize = crate::sanitize::line(head)
        .chars()
        .map(|c| c.width().unwrap_or(0))
        .sum();
    u16::try_from(w).unwrap_or(u16::MAX)
}
