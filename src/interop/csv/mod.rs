//! Spreadsheets in TimelineJS's Google Sheets layout, both ways: the 18 columns of its
//! template, one row per slide, a `title` row and an `era` row per era (`Type`).
//!
//! A sheet is a TimelineJS document laid out in rows, and TimelineJS itself reads it so
//! (`ConfigFactory.js`: each row becomes a slide object). So both ways go through the
//! TimelineJS converters: the export lays out the slides [`super::timelinejs::export`]
//! makes, the import builds the slide objects TimelineJS would build from the rows and
//! hands them to [`super::timelinejs::import_document`], with each message placed at its
//! row (`sheet.csv:12: …`). What a sheet has no column for (the `afghan_timeline`
//! records) is not written: TimelineJS's sheet proxy rejects extra columns.

mod export;
mod import;

pub use export::write;
pub use import::import;

/// TimelineJS's sheet template's columns, in its order.
pub const HEADERS: [&str; 18] = [
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Type",
    "Group",
    "Background",
];
