//! The output formats, shared by `list`, `show`, `actors` and the TUI's accepted choice.
//!
//! Human formats (`text`, `line`, `markdown`) pass every string from the file through
//! [`crate::sanitize`]; machine formats (`json`, `ron`) escape what their grammar requires,
//! and JSON additionally escapes DEL, C1 and bidi controls so a pretty-printer or a `jq -r`
//! cannot be tricked into emitting them raw by accident.

mod actors;
mod csv_list;
mod json;
pub mod markdown;
pub mod ron_format;
mod text;

use std::io::{self, Write};

use crate::model::calendar::DateStyle;
use crate::model::{EventId, Timeline};

pub use actors::{ActorFormat, write_actors};
pub use csv_list::io_error as csv_io_error;
pub use json::{actor_json, event_json, event_json_in, write_json_line};
pub use text::{actor_names, date_in, date_range};

/// How events are written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// A readable block per event.
    #[default]
    Text,
    /// `DATE<TAB>ACTOR NAMES<TAB>TITLE`, one line per event.
    Line,
    /// The event id alone.
    Id,
    /// JSON Lines: one object per event.
    Json,
    /// The event as it would appear in a timeline file.
    Ron,
    /// A Markdown section per event.
    Markdown,
    /// CSV, one row per event after a header row (RFC 4180), for spreadsheets and pandas.
    Csv,
}

impl Format {
    pub const ALL: [Format; 7] = [
        Format::Text,
        Format::Line,
        Format::Id,
        Format::Json,
        Format::Ron,
        Format::Markdown,
        Format::Csv,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Line => "line",
            Format::Id => "id",
            Format::Json => "json",
            Format::Ron => "ron",
            Format::Markdown => "markdown",
            Format::Csv => "csv",
        }
    }
}

/// Writes `events` (in the order given) in `format`, with Gregorian dates.
pub fn write_events(
    out: &mut dyn Write,
    timeline: &Timeline,
    events: &[EventId],
    format: Format,
) -> io::Result<()> {
    write_events_in(out, timeline, events, format, DateStyle::default())
}

/// Writes `events` in `format`, their dates in the style's calendar: the human formats
/// write the converted date (`show`'s block both), JSON adds it as a field of its own.
pub fn write_events_in(
    out: &mut dyn Write,
    timeline: &Timeline,
    events: &[EventId],
    format: Format,
    style: DateStyle,
) -> io::Result<()> {
    if format == Format::Csv {
        return csv_list::write(out, timeline, events);
    }
    for (i, &id) in events.iter().enumerate() {
        let event = timeline.event(id);
        let first = i == 0;
        match format {
            Format::Text => text::write_block(out, timeline, event, first, style)?,
            Format::Line => text::write_line(out, timeline, event, style)?,
            Format::Id => writeln!(out, "{}", crate::sanitize::line(&event.id))?,
            Format::Json => write_json_line(out, &event_json_in(timeline, event, style))?,
            Format::Ron => ron_format::write_event(out, timeline, event, first)?,
            Format::Markdown => markdown::write_event(out, timeline, event, first, style)?,
            // Written above, as a whole: a header row comes first.
            Format::Csv => {}
        }
    }
    Ok(())
}
