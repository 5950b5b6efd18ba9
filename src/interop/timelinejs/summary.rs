//! The import's closing words: one warning for each thing that happened to many slides
//! (stand-in actors and sources, repeated headlines, fields with no place in a timeline
//! file), rather than one per slide.

use super::import::Importer;
use crate::sanitize::{line, quote};

impl Importer<'_> {
    /// One warning for each thing that happened to many slides.
    pub(super) fn summarize(&mut self, events: usize) {
        if events == 0 {
            self.warn("no event could be imported; the timeline is empty".to_owned());
        }
        if self.without_group > 0 {
            let id = self.unknown_actor.clone().unwrap_or_default();
            self.warn(format!(
                "{} without a group (and no actors in a record) {} given the actor {} (Unknown, \
                 kind Group); name the real actors in the RON file",
                plural(self.without_group, "event"),
                if self.without_group == 1 { "is" } else { "are" },
                quote(&id)
            ));
        }
        if self.empty_ends > 0 {
            self.warn(format!(
                "{} an empty end_date (no year), which TimelineJS ignores too; it is left out",
                if self.empty_ends == 1 {
                    "1 slide has".to_owned()
                } else {
                    format!("{} slides have", self.empty_ends)
                }
            ));
        }
        if self.without_text > 0 {
            self.warn(format!(
                "{} without text repeat their headline as summary",
                plural(self.without_text, "event")
            ));
        }
        if self.without_source > 0 {
            self.warn(format!(
                "{} without media url or credit (and no sources in a record) cite the file \
                 itself (publisher {}, title {}); add the real sources to the RON file",
                plural(self.without_source, "event"),
                quote(&self.fallback_source.publisher),
                quote(&self.fallback_source.title)
            ));
        }
        if !self.lost.is_empty() {
            let fields: Vec<String> = self
                .lost
                .iter()
                .map(|(field, n)| format!("{} ({n})", line(field)))
                .collect();
            self.warn(format!(
                "not carried over, a timeline file has no place for them: {}",
                fields.join(", ")
            ));
        }
    }
}

pub(super) fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
