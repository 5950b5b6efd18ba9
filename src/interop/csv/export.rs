//! A timeline → a sheet: the TimelineJS export's slides, one row each.

use std::io::{self, Write};

use serde_json::Value;

use super::HEADERS;
use crate::interop::timelinejs::{self, ExportOptions};
use crate::model::Timeline;
use crate::output::csv_io_error as io_error;

/// Writes `timeline` as a sheet (RFC 4180, CRLF line ends as the RFC has them, a header
/// row first) and returns what the sheet could not show, as the TimelineJS export does.
pub fn write(
    out: &mut dyn Write,
    timeline: &Timeline,
    options: ExportOptions,
) -> io::Result<Vec<String>> {
    let exported = timelinejs::export(timeline, options);
    let document = &exported.document;
    let mut sheet = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    sheet.write_record(HEADERS).map_err(io_error)?;
    if let Some(title) = document.get("title") {
        sheet.write_record(row(title, "title")).map_err(io_error)?;
    }
    for era in document["eras"].as_array().into_iter().flatten() {
        sheet.write_record(row(era, "era")).map_err(io_error)?;
    }
    for slide in document["events"].as_array().into_iter().flatten() {
        sheet.write_record(row(slide, "")).map_err(io_error)?;
    }
    sheet.flush()?;
    Ok(exported.warnings)
}

/// A slide's cells in [`HEADERS`]' order. The export writes no time of day, media or
/// background, so those cells stay empty.
fn row(slide: &Value, kind: &str) -> [String; 18] {
    let text = |path: &[&str]| -> String {
        let mut value = slide;
        for key in path {
            match value.get(key) {
                Some(v) => value = v,
                None => return String::new(),
            }
        }
        match value {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            _ => String::new(),
        }
    };
    [
        text(&["start_date", "year"]),
        text(&["start_date", "month"]),
        text(&["start_date", "day"]),
        String::new(),
        text(&["end_date", "year"]),
        text(&["end_date", "month"]),
        text(&["end_date", "day"]),
        String::new(),
        text(&["display_date"]),
        text(&["text", "headline"]),
        text(&["text", "text"]),
        text(&["media", "url"]),
        text(&["media", "credit"]),
        text(&["media", "caption"]),
        text(&["media", "thumbnail"]),
        kind.to_owned(),
        text(&["group"]),
        String::new(),
    ]
}
