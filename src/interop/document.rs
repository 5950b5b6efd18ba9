//! `export --to json`: the whole timeline as one JSON document.
//!
//! Events are the objects `list --format json` prints ([`output::event_json`]), so a
//! script written against one reads the other; actors are `actors --format json`'s. The
//! document is written by the same control-character-safe writer as every JSON output.

use serde_json::{Value, json};

use crate::model::Timeline;
use crate::output;

/// `{title, description, actors, eras, events}`, events in date order.
pub fn timeline_json(timeline: &Timeline) -> Value {
    let mut counts = vec![0usize; timeline.actors.len()];
    for event in &timeline.events {
        for a in &event.actors {
            counts[a.index()] += 1;
        }
    }
    json!({
        "title": timeline.title,
        "description": timeline.description,
        "actors": timeline
            .actors
            .iter()
            .zip(&counts)
            .map(|(a, n)| output::actor_json(a, *n))
            .collect::<Vec<_>>(),
        "eras": timeline.eras.iter().map(|era| json!({
            "id": era.id,
            "name": era.name,
            "start": era.start.to_string(),
            "end": era.end.map(|d| d.to_string()),
        })).collect::<Vec<_>>(),
        "events": timeline
            .events
            .iter()
            .map(|e| output::event_json(timeline, e))
            .collect::<Vec<_>>(),
    })
}
