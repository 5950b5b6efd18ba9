//! `export --to markdown`: the timeline as a chronology a person can paste into a report.
//!
//! One heading per era, one entry per event in date order, sources as numbered footnotes
//! (`[^3]`) defined once at the end, a source cited by several events sharing its
//! number. Eras may overlap, so an event sits under the innermost era that contains its
//! date (the one that started last); when an inner era ends the outer one resumes,
//! "continued", and events outside every era sit under their span of years. All text from
//! the file is sanitized as in every human format, and made inert Markdown
//! ([`crate::output::markdown::block`]). With a calendar beside the Gregorian, each
//! entry's heading gives the converted date after the Gregorian one, and its facts both.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use crate::model::calendar::{self, DateStyle, Form};
use crate::model::{Date, Event, Source, Timeline};
use crate::output::date_range;
use crate::output::markdown::{block, cite, text, write_body};

/// Writes the whole timeline as one Markdown document, with Gregorian dates.
pub fn write(out: &mut dyn Write, timeline: &Timeline) -> io::Result<()> {
    write_in(out, timeline, DateStyle::default())
}

/// Writes the whole timeline as one Markdown document, the style's calendar beside the
/// Gregorian.
pub fn write_in(out: &mut dyn Write, timeline: &Timeline, style: DateStyle) -> io::Result<()> {
    writeln!(out, "# {}", text(&timeline.title))?;
    if let Some(description) = &timeline.description {
        writeln!(out)?;
        writeln!(out, "{}", block(description))?;
    }
    if let (Some(first), Some(last)) = (timeline.events.first(), timeline.events.last()) {
        writeln!(out)?;
        let n = timeline.events.len();
        let events = if n == 1 { "event" } else { "events" };
        writeln!(
            out,
            "*{n} {events}, {} to {}.*",
            first.date.short(),
            last.end.unwrap_or(last.date).short()
        )?;
    }
    let sections: Vec<Option<usize>> = timeline
        .events
        .iter()
        .map(|e| section(timeline, e))
        .collect();
    let mut notes = Footnotes::default();
    let mut seen_eras = vec![false; timeline.eras.len()];
    for (i, event) in timeline.events.iter().enumerate() {
        if i == 0 || sections[i] != sections[i - 1] {
            writeln!(out)?;
            if let Some(e) = sections[i] {
                let era = &timeline.eras[e];
                let name = text(&era.name);
                if seen_eras[e] {
                    writeln!(out, "## {name} (continued)")?;
                } else {
                    // An ongoing era's span is open: `15 Aug 2021–`.
                    let span = match era.end {
                        Some(end) => format!("{} – {}", era.start.short(), end.short()),
                        None => format!("{}–", era.start.short()),
                    };
                    writeln!(out, "## {name}, {span}")?;
                }
                seen_eras[e] = true;
            } else {
                let run = sections[i..].iter().take_while(|s| s.is_none()).count();
                let last = &timeline.events[i + run - 1];
                let (from, to) = (event.date.short(), last.date.short());
                if from == to {
                    writeln!(out, "## {from}")?;
                } else {
                    writeln!(out, "## {from} – {to}")?;
                }
            }
        }
        write_entry(out, timeline, event, &mut notes, style)?;
    }
    if !notes.order.is_empty() {
        writeln!(out)?;
        writeln!(out, "## Sources")?;
        writeln!(out)?;
        for (n, source) in notes.order.iter().enumerate() {
            writeln!(out, "[^{}]: {}", n + 1, cite(source))?;
        }
    }
    Ok(())
}

fn write_entry<'a>(
    out: &mut dyn Write,
    timeline: &Timeline,
    event: &'a Event,
    notes: &mut Footnotes<'a>,
    style: DateStyle,
) -> io::Result<()> {
    writeln!(out)?;
    let mut date = date_range(event);
    if let Some(converted) = calendar::show(event.date, event.end, style, Form::Short) {
        date = format!("{date} · {converted}");
    }
    writeln!(out, "### {}: {}", date, text(&event.title))?;
    let mut marks = String::new();
    for source in &event.sources {
        let _ = write!(marks, "[^{}]", notes.number(source));
    }
    write_body(out, timeline, event, &marks, style)
}

/// The innermost era containing the event's date: the one that started last, and of
/// those the one that ends first (an ongoing era ends after every other).
fn section(timeline: &Timeline, event: &Event) -> Option<usize> {
    let day = event.date.first_day();
    timeline
        .eras
        .iter()
        .enumerate()
        .filter(|(_, era)| era.covers(day))
        .max_by_key(|(_, era)| {
            let last = era.last_day().unwrap_or(chrono::NaiveDate::MAX);
            (era.start.first_day(), std::cmp::Reverse(last))
        })
        .map(|(i, _)| i)
}

/// A source's identity: the same publisher, title, date and address is the same source.
type SourceKey<'a> = (&'a str, &'a str, Option<Date>, Option<&'a str>);

/// Footnote numbers, one per distinct source, in order of first citation.
#[derive(Default)]
struct Footnotes<'a> {
    order: Vec<&'a Source>,
    numbers: HashMap<SourceKey<'a>, usize>,
}

impl<'a> Footnotes<'a> {
    fn number(&mut self, source: &'a Source) -> usize {
        let key = (
            source.publisher.as_str(),
            source.title.as_str(),
            source.date,
            source.url.as_deref(),
        );
        if let Some(&n) = self.numbers.get(&key) {
            return n;
        }
        self.order.push(source);
        let n = self.order.len();
        self.numbers.insert(key, n);
        n
    }
}
