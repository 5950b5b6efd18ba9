//! The `markdown` format: a section per event, pasteable into a report.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::text::{actor_names, date_range};
use crate::model::{Event, Source, Timeline};
use crate::sanitize::{Lines, clean, line};

pub(super) fn write_event(
    out: &mut dyn Write,
    timeline: &Timeline,
    event: &Event,
    first: bool,
) -> io::Result<()> {
    if !first {
        writeln!(out)?;
    }
    writeln!(out, "## {}: {}", date_range(event), line(&event.title))?;
    write_body(out, timeline, event, "")?;
    writeln!(out)?;
    writeln!(out, "**Sources**")?;
    writeln!(out)?;
    for (n, source) in event.sources.iter().enumerate() {
        writeln!(out, "{}. {}", n + 1, cite(source))?;
    }
    Ok(())
}

/// What follows an event's heading: its facts line, the summary (then `marks`, such as
/// footnote references), the detail and the date note. Shared with the chronology export.
pub fn write_body(
    out: &mut dyn Write,
    timeline: &Timeline,
    event: &Event,
    marks: &str,
) -> io::Result<()> {
    writeln!(out)?;
    let mut facts = vec![format!("**Actors:** {}", actor_names(timeline, event))];
    if let Some(location) = &event.location {
        facts.push(format!("**Location:** {}", line(location)));
    }
    if !event.tags.is_empty() {
        let tags: Vec<_> = event.tags.iter().map(|t| line(t).into_owned()).collect();
        facts.push(format!("**Tags:** {}", tags.join(", ")));
    }
    writeln!(out, "{}", facts.join(" · "))?;
    writeln!(out)?;
    writeln!(out, "{}{marks}", clean(event.summary.trim(), Lines::Keep))?;
    if let Some(detail) = &event.detail {
        writeln!(out)?;
        writeln!(out, "{}", clean(detail.trim(), Lines::Keep))?;
    }
    if let Some(note) = &event.date_note {
        writeln!(out)?;
        writeln!(out, "> **Date:** {}", line(note))?;
    }
    Ok(())
}

/// `RFE/RL, *Title*, 27 Dec 2009, <https://…>`
pub fn cite(source: &Source) -> String {
    let mut text = format!("{}, *{}*", line(&source.publisher), line(&source.title));
    if let Some(date) = source.date {
        let _ = write!(text, ", {}", date.short());
    }
    if let Some(url) = &source.url {
        let _ = write!(text, ", <{}>", line(url));
    }
    text
}
