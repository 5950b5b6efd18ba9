//! The `text` and `line` formats.

use std::io::{self, Write};

use crate::model::calendar::{self, DateStyle, Form};
use crate::model::{Event, Timeline};
use crate::sanitize::{Lines, clean, line};

/// `24 Dec 1979`, or `24 Dec 1979 – 25 Dec 1979` when the event has an end.
pub fn date_range(event: &Event) -> String {
    match event.end {
        Some(end) if end != event.date => format!("{} – {}", event.date.short(), end.short()),
        _ => event.date.short(),
    }
}

/// The event's date in the style's calendar: `24 Asad 1400 SH`, `Hut 1389 – Hamal 1390
/// SH`; the Gregorian [`date_range`] in the Gregorian style and before the calendar began.
pub fn date_in(event: &Event, style: DateStyle) -> String {
    calendar::show(event.date, event.end, style, Form::Short).unwrap_or_else(|| date_range(event))
}

/// The event's actors' names, comma-separated and sanitized.
pub fn actor_names(timeline: &Timeline, event: &Event) -> String {
    event
        .actors
        .iter()
        .map(|a| line(&timeline.actor(*a).name).into_owned())
        .collect::<Vec<_>>()
        .join(", ")
}

pub(super) fn write_line(
    out: &mut dyn Write,
    timeline: &Timeline,
    event: &Event,
    style: DateStyle,
) -> io::Result<()> {
    let date = calendar::show(event.date, event.end, style, Form::Short)
        .unwrap_or_else(|| event.date.to_string());
    writeln!(
        out,
        "{}\t{}\t{}",
        date,
        actor_names(timeline, event),
        line(&event.title)
    )
}

pub(super) fn write_block(
    out: &mut dyn Write,
    timeline: &Timeline,
    event: &Event,
    first: bool,
    style: DateStyle,
) -> io::Result<()> {
    if !first {
        writeln!(out)?;
    }
    writeln!(out, "{}  {}", date_in(event, style), line(&event.title))?;
    writeln!(out, "  id: {}", line(&event.id))?;
    if style.reckoning().is_some() {
        writeln!(
            out,
            "  date: {}",
            calendar::beside(event.date, event.end, style)
        )?;
        if calendar::computed_back(event.date, style) {
            writeln!(out, "  calendar note: {}", calendar::COMPUTED_BACK)?;
        }
    }
    writeln!(out, "  actors: {}", actor_names(timeline, event))?;
    if let Some(location) = &event.location {
        writeln!(out, "  location: {}", line(location))?;
    }
    if !event.tags.is_empty() {
        let tags: Vec<_> = event.tags.iter().map(|t| line(t)).collect();
        writeln!(out, "  tags: {}", tags.join(", "))?;
    }
    if let Some(note) = &event.date_note {
        writeln!(out, "  date note: {}", line(note))?;
    }
    writeln!(out)?;
    write_paragraph(out, &event.summary)?;
    if let Some(detail) = &event.detail {
        writeln!(out)?;
        write_paragraph(out, detail)?;
    }
    writeln!(out)?;
    writeln!(out, "  Sources:")?;
    for (n, source) in event.sources.iter().enumerate() {
        write!(
            out,
            "  {}. {}, \"{}\"",
            n + 1,
            line(&source.publisher),
            line(&source.title)
        )?;
        if let Some(date) = source.date {
            write!(out, ", {}", date.short())?;
        }
        if let Some(url) = &source.url {
            write!(out, ", {}", line(url))?;
        }
        writeln!(out)?;
    }
    if !event.related.is_empty() {
        let related: Vec<_> = event
            .related
            .iter()
            .map(|r| line(&timeline.event(*r).id).into_owned())
            .collect();
        writeln!(out, "  related: {}", related.join(", "))?;
    }
    Ok(())
}

/// Multi-line text, indented two spaces per line.
fn write_paragraph(out: &mut dyn Write, text: &str) -> io::Result<()> {
    for l in clean(text.trim(), Lines::Keep).lines() {
        writeln!(out, "  {l}")?;
    }
    Ok(())
}
