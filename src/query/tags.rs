//! The timeline's tags, as the `--tag` flag, its completions and the explorer's picker see
//! them: each spelling once, with its number of events.

use crate::model::Timeline;

/// Each tag as the timeline spells it, with how many events carry it, sorted by tag.
pub fn tag_counts(timeline: &Timeline) -> Vec<(&str, usize)> {
    let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for event in &timeline.events {
        for tag in &event.tags {
            *counts.entry(tag.as_str()).or_default() += 1;
        }
    }
    counts.into_iter().collect()
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
