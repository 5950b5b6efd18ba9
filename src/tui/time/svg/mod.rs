//! The time view as a picture to publish: one self-contained SVG (no fonts, scripts or
//! images from elsewhere) of the same model as the explorer's time view — era bands with
//! their names, one lane per actor, duration bars, ticks at the view's steps, event
//! marks — laid out in pixels.
//!
//! Every event's mark carries `data-id`, `data-start` and `data-end` (the ISO first and
//! last day it covers) and a `<title>` (the browser's tooltip). From [`DENSE_FROM`]
//! events the lanes show density instead: per column, a bar as high as the square root
//! of the events that begin there, with `data-count`, `data-start`, `data-end` and a
//! tooltip; the root says which form it is (`data-dense`) and how many events it draws
//! (`data-events`). See docs/interop.md.
//!
//! I/O-free but for the `Write` it is given; used by `export --to svg`.

mod axis;
mod layout;
mod marks;
mod scale;
mod text;

use std::io::{self, Write};

use self::layout::{AXIS, ERA_ROW, FONT, LANE, Layout, PAD, TITLE_FONT};
use self::text::escape;
use super::Reckoner;
use crate::model::calendar::DateStyle;
use crate::model::{EventId, Timeline};

pub use self::layout::MIN_WIDTH;
pub use self::marks::DENSE_FROM;

/// The picture's width when none is asked for.
pub const DEFAULT_WIDTH: u32 = 1600;

/// How to draw.
#[derive(Clone, Copy, Debug)]
pub struct SvgOptions {
    /// Pixels across (at least [`MIN_WIDTH`]).
    pub width: u32,
    /// The calendar the ticks count in.
    pub dates: DateStyle,
}

impl Default for SvgOptions {
    fn default() -> SvgOptions {
        SvgOptions {
            width: DEFAULT_WIDTH,
            dates: DateStyle::default(),
        }
    }
}

/// Era colours, in turn.
const ERA_FILLS: [&str; 7] = [
    "#f1d9a7", "#c8e0c0", "#c5d5ee", "#efc8d5", "#d8cbeb", "#eee0ad", "#c9e6e5",
];

const STYLE: &str = "text{fill:#222}.h{font-size:16px;font-weight:bold}.sub{fill:#555}\
.lane{fill:#f6f6f6}.tick{stroke:#d0d0d0;stroke-width:1}.era-label{fill:#222}\
.ev{fill:#1f4e8c}.period{fill-opacity:.35;stroke:#1f4e8c;stroke-width:1}\
.bar{fill-opacity:.75}.approx{stroke:#1f4e8c;stroke-dasharray:3 2;stroke-width:1}\
.echo{fill-opacity:.45}.dn{fill:#1f4e8c;fill-opacity:.8}";

/// The whole timeline as a picture.
pub fn write(out: &mut dyn Write, timeline: &Timeline, options: SvgOptions) -> io::Result<()> {
    let all: Vec<EventId> = timeline.event_ids().collect();
    write_events(out, timeline, &all, options)
}

/// `events` (in date order, as a filter gives them) of `timeline` as a picture.
pub fn write_events(
    out: &mut dyn Write,
    timeline: &Timeline,
    events: &[EventId],
    options: SvgOptions,
) -> io::Result<()> {
    let layout = Layout::new(timeline, events, options.width);
    let (w, h) = (layout.width, layout.height);
    let dense = events.len() >= DENSE_FROM;
    writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
font-family=\"DejaVu Sans, Verdana, Arial, sans-serif\" font-size=\"{FONT}\" data-events=\"{}\" data-dense=\"{dense}\">",
        events.len()
    )?;
    writeln!(out, "<title>{}</title>", escape(&timeline.title))?;
    writeln!(out, "<style>{STYLE}</style>")?;
    writeln!(out, "<rect width=\"{w}\" height=\"{h}\" fill=\"#ffffff\"/>")?;
    write_header(out, timeline, events, &layout, options)?;
    if events.is_empty() {
        return writeln!(out, "</svg>");
    }
    write_lanes(out, timeline, &layout)?;
    write_eras(out, timeline, &layout)?;
    write_axis(out, &layout, options)?;
    if dense {
        marks::write_density(out, timeline, events, &layout)?;
    } else {
        marks::write_marks(out, timeline, events, &layout)?;
    }
    write_legend(out, &layout, dense)?;
    writeln!(out, "</svg>")
}

fn write_header(
    out: &mut dyn Write,
    timeline: &Timeline,
    events: &[EventId],
    layout: &Layout,
    options: SvgOptions,
) -> io::Result<()> {
    let plot = &layout.plot;
    let y = PAD + TITLE_FONT;
    let room = layout.width - 2.0 * PAD;
    let title = text::fit(&text::shown(&timeline.title), TITLE_FONT * 1.1, room * 0.6).into_owned();
    writeln!(
        out,
        "<text class=\"h\" x=\"{PAD}\" y=\"{y}\">{}</text>",
        escape(&title)
    )?;
    let sub = if events.is_empty() {
        "no events".to_owned()
    } else {
        let cal = Reckoner::GREGORIAN;
        let step = axis::step(plot.first, plot.span(), 80, cal);
        let first =
            chrono::NaiveDate::from_num_days_from_ce_opt(i32::try_from(plot.first).unwrap_or(0));
        let last =
            chrono::NaiveDate::from_num_days_from_ce_opt(i32::try_from(plot.end - 1).unwrap_or(0));
        let range = match (first, last) {
            (Some(a), Some(b)) => {
                let cal = Reckoner::for_start(options.dates, a);
                let (a, b) = (step.label(a, cal), step.label(b, cal));
                if a == b { a } else { format!("{a} – {b}") }
            }
            _ => String::new(),
        };
        let n = events.len();
        format!("{range} · {n} {}", if n == 1 { "event" } else { "events" })
    };
    let title_w = text::width(&title, TITLE_FONT * 1.1);
    let sub = text::fit(&sub, FONT, (room - title_w - 16.0).max(0.0)).into_owned();
    writeln!(
        out,
        "<text class=\"sub\" x=\"{:.1}\" y=\"{y}\">{}</text>",
        PAD + title_w + 16.0,
        escape(&sub)
    )
}

fn write_lanes(out: &mut dyn Write, timeline: &Timeline, layout: &Layout) -> io::Result<()> {
    writeln!(out, "<g class=\"lanes\">")?;
    for (i, lane) in layout.lanes.iter().enumerate() {
        let top = layout.lane_top(i);
        if i % 2 == 0 {
            writeln!(
                out,
                "<rect class=\"lane\" x=\"{PAD}\" y=\"{top:.1}\" width=\"{:.1}\" height=\"{LANE}\"/>",
                layout.width - 2.0 * PAD
            )?;
        }
        let actor = lane.actor.map_or(String::new(), |a| {
            format!(" data-actor=\"{}\"", escape(&timeline.actor(a).id))
        });
        writeln!(
            out,
            "<text class=\"lane-label\" x=\"{PAD}\" y=\"{:.1}\"{actor}>{}</text>",
            top + LANE / 2.0 + FONT * 0.35,
            escape(&lane.label)
        )?;
    }
    writeln!(out, "</g>")
}

fn write_eras(out: &mut dyn Write, timeline: &Timeline, layout: &Layout) -> io::Result<()> {
    writeln!(out, "<g class=\"eras\">")?;
    let (lanes_top, lanes_bottom) = (layout.lanes_top(), layout.lanes_bottom());
    for place in &layout.eras {
        let era = &timeline.eras[place.era];
        let fill = ERA_FILLS[place.era % ERA_FILLS.len()];
        let top = Layout::eras_top() + scale::rows(place.row) * ERA_ROW;
        let width = place.x1 - place.x0;
        let end = era.last_day().map(|d| d.format("%Y-%m-%d").to_string());
        let years = escape(&era.years());
        writeln!(
            out,
            "<g class=\"era\" data-era=\"{}\" data-start=\"{}\" data-end=\"{}\"><title>{} ({years})</title>",
            escape(&era.id),
            era.start.first_day().format("%Y-%m-%d"),
            end.as_deref().unwrap_or(""),
            escape(&era.name)
        )?;
        writeln!(
            out,
            "<rect x=\"{:.1}\" y=\"{top:.1}\" width=\"{width:.1}\" height=\"{:.1}\" fill=\"{fill}\"/>",
            place.x0,
            ERA_ROW - 3.0
        )?;
        // The era's stretch shaded faintly across the lanes too.
        writeln!(
            out,
            "<rect x=\"{:.1}\" y=\"{lanes_top:.1}\" width=\"{width:.1}\" height=\"{:.1}\" fill=\"{fill}\" fill-opacity=\".3\"/>",
            place.x0,
            lanes_bottom - lanes_top
        )?;
        writeln!(
            out,
            "<text class=\"era-label\" x=\"{:.1}\" y=\"{:.1}\">{}</text>\n</g>",
            place.label_x,
            top + ERA_ROW / 2.0 + FONT * 0.25,
            escape(&place.label)
        )?;
    }
    writeln!(out, "</g>")
}

fn write_axis(out: &mut dyn Write, layout: &Layout, options: SvgOptions) -> io::Result<()> {
    let plot = &layout.plot;
    let start =
        chrono::NaiveDate::from_num_days_from_ce_opt(i32::try_from(plot.first).unwrap_or(0))
            .unwrap_or_default();
    let cal = Reckoner::for_start(options.dates, start);
    // Cells of about a character's width: the time view's rule for a step whose labels fit.
    // Folds left out: the step is the one the stretches drawn to scale need.
    let scaled = |s: &scale::Stretch| (s.end - s.start, s.x1 - s.x0);
    let (shown, plot_px) = plot
        .stretches
        .iter()
        .map(scaled)
        .fold((0, 0.0), |(d, w), (sd, sw)| (d + sd, w + sw));
    let cells = (1..=u16::MAX)
        .rev()
        .find(|&c| f64::from(c) * 8.0 <= plot_px)
        .unwrap_or(1);
    let step = axis::step(plot.first, shown.max(1), cells, cal);
    let (top, bottom) = (Layout::eras_top(), layout.lanes_bottom());
    let label_y = bottom + AXIS / 2.0 + FONT * 0.35;
    let limit = layout.width - PAD;
    let mut free_from = f64::NEG_INFINITY;
    writeln!(out, "<g class=\"axis\">")?;
    // Each fold: the lanes cut by a blank band, its mark (`╌56y╌`) on the axis.
    for f in &plot.folds {
        let (lanes_top, w) = (layout.lanes_top(), f.x1 - f.x0);
        writeln!(
            out,
            "<g class=\"fold\" data-start=\"{}\" data-end=\"{}\"><title>{} empty years folded</title>\
<rect x=\"{:.1}\" y=\"{lanes_top:.1}\" width=\"{w:.1}\" height=\"{:.1}\" fill=\"#ffffff\" stroke=\"#bbbbbb\" stroke-dasharray=\"2 3\"/>",
            marks::iso(f.from),
            marks::iso(f.to - 1),
            f.years,
            f.x0,
            bottom - lanes_top
        )?;
        let label = axis_fold_label(f.years);
        let lw = text::width(&label, FONT);
        writeln!(
            out,
            "<text class=\"fold-label\" x=\"{:.1}\" y=\"{label_y:.1}\">{}</text></g>",
            f.x0 + (w - lw) / 2.0,
            escape(&label)
        )?;
    }
    let in_fold = |a: f64, b: f64| plot.folds.iter().any(|f| a < f.x1 && f.x0 < b);
    for tick in axis::ticks(plot.first, plot.end, step, cal) {
        if plot.folded(tick.day) {
            continue;
        }
        let x = plot.x(tick.day);
        writeln!(
            out,
            "<line class=\"tick\" x1=\"{x:.1}\" y1=\"{top:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\"/>",
            bottom + 4.0
        )?;
        let w = text::width(&tick.label, FONT);
        if x >= free_from && x + w <= limit && !in_fold(x, x + w) {
            writeln!(
                out,
                "<text class=\"tick-label\" x=\"{x:.1}\" y=\"{label_y:.1}\">{}</text>",
                escape(&tick.label)
            )?;
            free_from = x + w + 12.0;
        }
    }
    writeln!(out, "</g>")
}

fn axis_fold_label(years: i32) -> String {
    super::axis::fold_label(years)
}

fn write_legend(out: &mut dyn Write, layout: &Layout, dense: bool) -> io::Result<()> {
    let y = layout.lanes_bottom() + AXIS + 4.0;
    let base = y + FONT;
    let room = layout.width - 2.0 * PAD;
    writeln!(out, "<g class=\"legend\">")?;
    if dense {
        let line = format!(
            "Each column: how many events begin there (height by the square root); {DENSE_FROM} or more events are drawn this way. Hover for counts and dates."
        );
        writeln!(
            out,
            "<text class=\"sub\" x=\"{PAD}\" y=\"{base:.1}\">{}</text>",
            escape(&text::fit(&line, FONT, room))
        )?;
        return writeln!(out, "</g>");
    }
    // Samples of each mark, each followed by what it means; as many as fit.
    let items: [(&str, f64, f64, &str); 4] = [
        ("ev day", 6.0, 14.0, "a day"),
        (
            "ev period",
            24.0,
            10.0,
            "a month or a year, drawn across it",
        ),
        ("ev period approx", 24.0, 10.0, "approximate (~)"),
        (
            "ev bar",
            24.0,
            8.0,
            "from a date to an end; hover a mark for its date and title",
        ),
    ];
    let mut x = PAD;
    for (class, w, h, what) in items {
        let need = w + 6.0 + text::width(what, FONT);
        if x + need > PAD + room {
            break;
        }
        writeln!(
            out,
            "<rect class=\"{class}\" x=\"{x:.1}\" y=\"{:.1}\" width=\"{w}\" height=\"{h}\"/>",
            base - FONT * 0.4 - h / 2.0
        )?;
        writeln!(
            out,
            "<text class=\"sub\" x=\"{:.1}\" y=\"{base:.1}\">{}</text>",
            x + w + 6.0,
            escape(what)
        )?;
        x += need + 18.0;
    }
    writeln!(out, "</g>")
}
