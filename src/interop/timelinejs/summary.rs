//! The import's closing words: one warning for each thing that happened to many slides
//! (stand-in actors and sources, repeated headlines, fields with no place in a timeline
//! file), rather than one per slide.

use std::collections::{HashMap, HashSet};

use super::import::Importer;
use crate::sanitize::{line, quote};

/// More warnings of one kind than this become one line with their count.
const MANY: usize = 3;

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

/// The warnings with each kind that comes more than a few times (the same message about
/// different slides or rows, values aside) said once, with its count and first places:
/// a file of 140 slides with an empty field gets one line, not 140.
pub fn collapse(warnings: Vec<String>) -> Vec<String> {
    let parsed: Vec<Option<(String, String)>> = warnings.iter().map(|w| placed(w)).collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for (_, kind) in parsed.iter().flatten() {
        *counts.entry(kind.as_str()).or_insert(0) += 1;
    }
    let mut said: HashSet<&str> = HashSet::new();
    let mut out = Vec::with_capacity(warnings.len());
    for (warning, this) in warnings.into_iter().zip(&parsed) {
        let Some((_, kind)) = this else {
            out.push(warning);
            continue;
        };
        let n = counts[kind.as_str()];
        if n <= MANY {
            out.push(warning);
            continue;
        }
        if !said.insert(kind.as_str()) {
            continue;
        }
        let places: Vec<&str> = parsed
            .iter()
            .flatten()
            .filter(|(_, k)| k == kind)
            .map(|(place, _)| place.as_str())
            .take(MANY)
            .collect();
        out.push(format!(
            "{n} slides or rows: {kind} (at {} and {} more)",
            places.join(", "),
            n - places.len()
        ));
    }
    out
}

/// A warning's place (`events[3]`, `eras[1]`, `sheet.csv:12`) and its kind: the rest,
/// past the slide's quoted name, with every quoted value shown as `'…'`.
fn placed(warning: &str) -> Option<(String, String)> {
    let (place, rest) = if warning.starts_with("events[") || warning.starts_with("eras[") {
        let end = warning.find(']')? + 1;
        (
            &warning[..end],
            warning[end..].strip_prefix(' ').unwrap_or(&warning[end..]),
        )
    } else {
        // `NAME:LINE: …`, the place of a sheet's row.
        let colon = warning.find(": ")?;
        let head = &warning[..colon];
        let (_, line) = head.rsplit_once(':')?;
        if line.is_empty() || !line.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        (head, &warning[colon + 2..])
    };
    // The slide's name, quoted, then ': '.
    let rest = match rest.strip_prefix('\'') {
        Some(named) => named.split_once("': ").map_or(rest, |(_, after)| after),
        None => rest.strip_prefix(": ").unwrap_or(rest),
    };
    let mut kind = String::with_capacity(rest.len());
    let mut quoted = false;
    for c in rest.chars() {
        if c == '\'' {
            if quoted {
                kind.push_str("…'");
            } else {
                kind.push('\'');
            }
            quoted = !quoted;
        } else if !quoted {
            kind.push(c);
        }
    }
    Some((place.to_owned(), kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn many_warnings_of_a_kind_become_one_line() {
        let mut warnings: Vec<String> = (0..140)
            .map(|i| {
                format!(
                    "events[{i}] 'slide {i}': its media url '{i}.jpg' is not an absolute address"
                )
            })
            .collect();
        warnings.push("s.csv:4: the time 'x' does not read".to_owned());
        warnings.push("a warning without a place".to_owned());
        let out = collapse(warnings);
        assert_eq!(
            out,
            [
                "140 slides or rows: its media url '…' is not an absolute address \
                 (at events[0], events[1], events[2] and 137 more)",
                "s.csv:4: the time 'x' does not read",
                "a warning without a place",
            ]
        );
    }
}
