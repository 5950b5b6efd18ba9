//! TimelineJS (<https://timeline.knightlab.com>), the web tool newsrooms build timelines
//! with, both ways.
//!
//! | timeline | TimelineJS |
//! | --- | --- |
//! | title, description | the title slide's `text.headline`, `text.text` |
//! | event `id` | `unique_id` |
//! | `date` at its precision, `end` | `start_date` with its parts, `end_date` as the last day of its period |
//! | `title` | `text.headline` (escaped HTML) |
//! | `summary`, `detail`, `sources` | `text.text`: paragraphs and a numbered list (escaped HTML) |
//! | approximate date, `date_note` | `display_date` (a note over 80 characters goes in `text.text`) |
//! | first actor, kind or era (`--group-by`; by default none, or the groups an import came from) | `group`, `& < >` escaped twice |
//! | eras (by default those covering the most without overlapping; `--eras all`, `disjoint`, `--era ID`) | `eras` (not a single day; an ongoing one ends on the last day of the latest event or era, see [`ongoing`]) |
//!
//! **Round trip.** TimelineJS ignores keys it does not know, so each slide, era and the
//! document carry an `afghan_timeline` record of what its fields cannot hold ([`record`]);
//! import restores from it, so that importing an export gives back the same timeline.
//! A value is restored only while the visible field it was exported to is unchanged:
//! edits made in TimelineJS win, and what the export itself generated (the "Sources"
//! list in the text, the dates in words before a note) is dropped, so that edit cycles do
//! not pile it up.
//!
//! **Layout.** What TimelineJS 3.9.11 does with an export, measured in Chromium by
//! `tests/browser`, decides the shapes: ends are last days, a start that holds its end is
//! written as its first day (`date::span`), groups stay within what a 650 px embed fits
//! (`groups`), and overlapping eras are named (`eras`).
//!
//! **Import of other files.** Ids come from `unique_id` or the headline; HTML is stripped
//! to text; `group` becomes an actor; `media` a source (an HTML embed gives its address
//! or its words, never markup); a slide of the wrong shape is skipped; a slide with neither gets the
//! actor "Unknown" and cites the file; display dates and times of day go to the date note;
//! slides without a readable start date are skipped, as TimelineJS skips them. Each of
//! these is said in a warning, as is every field with no place in a timeline file.

mod attribution;
mod date;
mod eras;
mod export;
mod groups;
mod ids;
mod import;
mod listed;
mod noise;
mod note;
mod ongoing;
mod record;
mod repair;
mod shape;
mod slide;
mod summary;
mod syntax;

pub use eras::{EraSelection, pick_eras};
pub use export::{ExportOptions, Exported, export};
pub use groups::{GroupBy, MAX_GROUPS};
pub use import::{ImportOptions, Imported, Places, import, import_document};
pub use noise::collapse;
pub use shape::{BACKGROUND, DATE, ERA, MEDIA, RECORD, SLIDE, TEXT, TOP};

use crate::load::RawTimeline;

/// An imported timeline as the text of a timeline file; its first line says where it came
/// from: `what` is the kind of file (`the TimelineJS file`, `the CSV sheet`), `from` its name.
pub fn to_ron(timeline: &RawTimeline, what: &str, from: &str) -> String {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .new_line("\n");
    // Strings are escaped by ron (`escape_strings`), so no control character is written raw.
    let body = crate::load::options()
        .to_string_pretty(timeline, config)
        .unwrap_or_default();
    let from = crate::sanitize::line(from);
    format!("// Imported from {what} {from} by afghan-timeline.\n{body}\n")
}
