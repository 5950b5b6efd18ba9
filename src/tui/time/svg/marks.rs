//! The events on their lanes: one mark per event and lane (the mark in the event's first
//! lane carries its id, dates and tooltip; the others point to it with `data-of`), or,
//! from [`DENSE_FROM`] events, one column of counts per lane instead.

use std::io::{self, Write};

use chrono::NaiveDate;

use super::layout::{LANE, Layout, MIN_MARK};
use super::scale::rows;
use super::text::escape;
use crate::model::{Date, Event, EventId, Precision, Timeline, day_number};

/// From this many events the picture draws density: a file of one element per event
/// would pass ten megabytes beyond a few tens of thousands, and marks a pixel apart
/// say nothing one by one.
pub const DENSE_FROM: usize = 5_000;

/// At most this many density columns in all lanes together: about 180 bytes each, so the
/// densest picture stays near 4 MB whatever the number of events.
const DENSE_CELLS: f64 = 20_000.0;

pub fn iso(day: i64) -> String {
    i32::try_from(day)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// `24 December 1979`, for tooltips.
fn long_day(day: i64) -> String {
    i32::try_from(day)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .and_then(|d| {
            use chrono::Datelike;
            Date::ymd(crate::model::written(d.year()), d.month(), d.day())
        })
        .map(Date::long)
        .unwrap_or_default()
}

/// The lanes an event is drawn in: those of its actors, else "others".
fn lanes_of<'a>(e: &'a Event, layout: &'a Layout) -> impl Iterator<Item = usize> + 'a {
    let own = e.actors.iter().filter_map(|a| layout.lane_of[a.index()]);
    let others = layout
        .others
        .filter(|_| e.actors.iter().all(|a| layout.lane_of[a.index()].is_none()));
    own.chain(others)
}

/// One element per event and lane.
pub fn write_marks(
    out: &mut dyn Write,
    timeline: &Timeline,
    events: &[EventId],
    layout: &Layout,
) -> io::Result<()> {
    let plot = &layout.plot;
    writeln!(out, "<g class=\"events\">")?;
    for &id in events {
        let e = timeline.event(id);
        let first = i64::from(e.date.sort_key());
        let last = i64::from(day_number(e.last_day()));
        let (x0, x1) = (plot.x(first), plot.x(last + 1));
        let w = (x1 - x0).max(MIN_MARK);
        let approx = e.date.is_approximate() || e.end.is_some_and(Date::is_approximate);
        let (class, dy, h) = match (e.end, e.date.precision()) {
            (Some(_), _) => ("bar", 8.0, 8.0),
            (None, Precision::Day) => ("day", 4.0, 16.0),
            (None, _) => ("period", 6.0, 12.0),
        };
        let class = if approx {
            format!("ev {class} approx")
        } else {
            format!("ev {class}")
        };
        let when = match e.end {
            Some(end) => format!("{} – {}", e.date.long(), end.long()),
            None => e.date.long(),
        };
        let tooltip = escape(&format!("{when} — {}", e.title));
        let key = escape(&e.id);
        let mut primary = true;
        for lane in lanes_of(e, layout) {
            let y = layout.lane_top(lane) + dy;
            if primary {
                writeln!(
                    out,
                    "<rect class=\"{class}\" x=\"{x0:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" data-id=\"{key}\" data-start=\"{}\" data-end=\"{}\"><title>{tooltip}</title></rect>",
                    iso(first),
                    iso(last)
                )?;
                primary = false;
            } else {
                writeln!(
                    out,
                    "<rect class=\"{class} echo\" x=\"{x0:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" data-of=\"{key}\"><title>{tooltip}</title></rect>",
                )?;
            }
        }
    }
    writeln!(out, "</g>")
}

/// Per lane, columns of the plot with the number of events that begin in each.
pub fn write_density(
    out: &mut dyn Write,
    timeline: &Timeline,
    events: &[EventId],
    layout: &Layout,
) -> io::Result<()> {
    let plot = &layout.plot;
    let lanes = layout.lanes.len().max(1);
    let plot_px = (plot.right - plot.left).max(1.0);
    // Columns of at least 4 pixels, fewer when many lanes share the budget.
    let col_px = (rows(lanes) * plot_px / DENSE_CELLS).ceil().max(4.0);
    // As many columns as fit at that width (a picture is at most 100,000 px wide); with
    // folds, a column is pixels of the plot, and holds the days drawn there.
    let fit = (1..=100_000usize)
        .find(|&c| rows(c) * col_px >= plot_px)
        .unwrap_or(100_000);
    let edges: Vec<f64> = (0..=fit).map(|c| plot.left + rows(c) * col_px).collect();
    let cols = fit;
    // The first day drawn at or after `x`.
    let first_at = |x: f64| {
        let d = plot.day_at(x);
        if plot.x(d) < x { d + 1 } else { d }
    };
    let mut counts = vec![0u32; layout.lanes.len() * cols];
    for &id in events {
        let e = timeline.event(id);
        let x = plot.x(i64::from(e.date.sort_key()));
        let c = edges.partition_point(|&edge| edge <= x).clamp(1, cols) - 1;
        for lane in lanes_of(e, layout) {
            counts[lane * cols + c] += 1;
        }
    }
    let most = f64::from(counts.iter().copied().max().unwrap_or(1).max(1));
    writeln!(out, "<g class=\"density\">")?;
    for lane in 0..layout.lanes.len() {
        let top = layout.lane_top(lane);
        for c in 0..cols {
            let n = counts[lane * cols + c];
            if n == 0 {
                continue;
            }
            let (x0, x1) = (edges[c], edges[c + 1].min(plot.right));
            let d0 = first_at(x0).min(plot.end - 1);
            let d1 = if c + 1 == cols {
                plot.end
            } else {
                first_at(x1).max(d0 + 1)
            };
            // Height by the square root of the count: one event still shows, the busiest
            // column fills the lane.
            let h = 3.0 + (LANE - 7.0) * (f64::from(n) / most).sqrt();
            let y = top + LANE - 2.0 - h;
            let events_word = if n == 1 { "event" } else { "events" };
            writeln!(
                out,
                "<rect class=\"dn\" x=\"{x0:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{h:.1}\" data-count=\"{n}\" data-start=\"{}\" data-end=\"{}\"><title>{n} {events_word}, {} – {}</title></rect>",
                (x1 - x0).max(1.0),
                iso(d0),
                iso(d1 - 1),
                long_day(d0),
                long_day(d1 - 1),
            )?;
        }
    }
    writeln!(out, "</g>")
}
