//! The `markdown` format: a section per event, pasteable into a report.

use std::io::{self, Write};

use super::text::{actor_names, date_range};
use crate::model::{Event, Timeline};
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
    writeln!(out, "{}", clean(event.summary.trim(), Lines::Keep))?;
    if let Some(detail) = &event.detail {
        writeln!(out)?;
        writeln!(out, "{}", clean(detail.trim(), Lines::Keep))?;
    }
    if let Some(note) = &event.date_note {
        writeln!(out)?;
        writeln!(out, "> **Date:** {}", line(note))?;
    }
    writeln!(out)?;
    writeln!(out, "**Sources**")?;
    writeln!(out)?;
    for (n, source) in event.sources.iter().enumerate() {
        write!(
            out,
            "{}. {}, *{}*",
            n + 1,
            line(&source.publisher),
            line(&source.title)
        )?;
        if let Some(date) = source.date {
            write!(out, ", {}", date.short())?;
        }
        match &source.url {
            Some(url) => writeln!(out, ", <{}>", line(url))?,
            None => writeln!(out)?,
        }
    }
    Ok(())
}
