//! TimelineJS (<https://timeline.knightlab.com>), the web tool newsrooms build timelines
//! with, both ways.
//!
//! | timeline | TimelineJS |
//! | --- | --- |
//! | title, description | the title slide's `text.headline`, `text.text` |
//! | event `id` | `unique_id` |
//! | `date`, `end` at their precision | `start_date`, `end_date` with only the parts they have |
//! | `title` | `text.headline` (escaped HTML) |
//! | `summary`, `detail`, `sources` | `text.text`: paragraphs and a numbered list (escaped HTML) |
//! | approximate date, `date_note` | `display_date` |
//! | first actor's name | `group` (TimelineJS groups by one string) |
//! | eras | `eras` (not one that starts and ends in the same period; an ongoing one ends on the last day of the latest event or era, see [`ongoing`]) |
//!
//! **Round trip.** TimelineJS ignores keys it does not know, so each slide, era and the
//! document carry an `afghan_timeline` record of what its fields cannot hold ([`record`]);
//! import restores from it, so that importing an export gives back the same timeline.
//! A value is restored only while the visible field it was exported to is unchanged:
//! edits made in TimelineJS win.
//!
//! **Import of other files.** Ids come from `unique_id` or the headline; HTML is stripped
//! to text; `group` becomes an actor; `media` a source; a slide with neither gets the
//! actor "Unknown" and cites the file; display dates and times of day go to the date note;
//! slides without a readable start date are skipped, as TimelineJS skips them. Each of
//! these is said in a warning, as is every field with no place in a timeline file.

mod attribution;
mod date;
mod export;
mod ids;
mod import;
mod ongoing;
mod record;
mod shape;
mod slide;
mod syntax;

pub use export::{Exported, export};
pub use import::{ImportOptions, Imported, import};
pub use shape::{BACKGROUND, DATE, ERA, MEDIA, RECORD, SLIDE, TEXT, TOP};

use crate::load::RawTimeline;

/// An imported timeline as the text of a timeline file.
pub fn to_ron(timeline: &RawTimeline, from: &str) -> String {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .new_line("\n");
    // Strings are escaped by ron (`escape_strings`), so no control character is written raw.
    let body = crate::load::options()
        .to_string_pretty(timeline, config)
        .unwrap_or_default();
    let from = crate::sanitize::line(from);
    format!("// Imported from the TimelineJS file {from} by afghan-timeline.\n{body}\n")
}
