//! The `csv` format: one row per event after a header row, RFC 4180, for spreadsheets and
//! pandas (`pandas.read_csv`). Lists (actors, tags, sources) share a cell each: actor ids
//! and tags joined by `; `, sources one a line. Control characters are escaped as in the
//! human formats (`\u{1b}`), since a spreadsheet cell is read by a person and a CSV file
//! is as often `cat` to a terminal; line breaks stay, quoted, as RFC 4180 allows.

use std::io::{self, Write};

use crate::model::{EventId, Timeline};
use crate::sanitize::{Lines, clean};

/// The header row.
pub const HEADER: [&str; 8] = [
    "id",
    "date",
    "precision",
    "title",
    "actors",
    "tags",
    "summary",
    "sources",
];

/// Writes the header and a row for each of `events`, in the order given.
pub fn write(out: &mut dyn Write, timeline: &Timeline, events: &[EventId]) -> io::Result<()> {
    let mut sheet = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    sheet.write_record(HEADER).map_err(io_error)?;
    for &id in events {
        let event = timeline.event(id);
        // A span as ISO 8601 writes an interval: `1979-12-24/1989-02-15`.
        let date = match event.end {
            Some(end) => format!("{}/{end}", event.date),
            None => event.date.to_string(),
        };
        let actors: Vec<&str> = event
            .actors
            .iter()
            .map(|a| timeline.actor(*a).id.as_str())
            .collect();
        let sources: Vec<String> = event
            .sources
            .iter()
            .map(|s| {
                let mut parts = vec![s.publisher.clone(), s.title.clone()];
                parts.extend(s.date.map(|d| d.to_string()));
                parts.extend(s.url.clone());
                parts.join(", ")
            })
            .collect();
        let cells = [
            event.id.clone(),
            date,
            event.date.precision().as_str().to_owned(),
            event.title.clone(),
            actors.join("; "),
            event.tags.join("; "),
            event.summary.clone(),
            sources.join("\n"),
        ];
        sheet
            .write_record(cells.iter().map(|c| clean(c, Lines::Keep).into_owned()))
            .map_err(io_error)?;
    }
    sheet.flush()
}

/// The writer's error as an I/O error, keeping its kind: a closed pipe stays one.
pub fn io_error(e: csv::Error) -> io::Error {
    if !e.is_io_error() {
        return io::Error::other(e);
    }
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        _ => io::Error::other("the CSV could not be written"),
    }
}
