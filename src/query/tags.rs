//! The timeline's tags, as the `--tag` flag, its completions and the explorer's picker see
//! them: each spelling once, with its number of events.

use crate::model::Timeline;

/// Each tag as the timeline spells it, with how many events carry it, sorted by tag.
pub fn tag_counts(timeline: &Timeline) -> Vec<(&str, usize)> {
    // Hashed, then sorted once: the explorer's picker counts the tags of a million events
    // when it opens, and a few distinct tags sort in no time.
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for event in &timeline.events {
        for tag in &event.tags {
            *counts.entry(tag.as_str()).or_default() += 1;
        }
    }
    let mut counts: Vec<(&str, usize)> = counts.into_iter().collect();
    counts.sort_unstable();
    counts
}

/// The timeline's spellings of a typed tag, compared case- and accent-insensitively (a file
/// may spell one tag two ways); empty when it has none.
pub fn find_tag<'t>(timeline: &'t Timeline, typed: &str) -> Vec<&'t str> {
    let typed = crate::fold::fold(typed.trim());
    tag_counts(timeline)
        .into_iter()
        .map(|(tag, _)| tag)
        .filter(|tag| crate::fold::fold(tag) == typed)
        .collect()
}
