//! A subset is a timeline: the events a filter (or a reader's marks) selected, made into a
//! whole [`Timeline`] that every formatter takes as it takes the full one. Filtering once
//! and formatting after is what gives each export format every filter for free.

use crate::model::{ActorId, EventId, Timeline};

use super::Filter;

/// A timeline made of some events of another, and what was lost in the making.
#[derive(Debug)]
pub struct Subset {
    pub timeline: Timeline,
    /// `related` links from a kept event to one left out, dropped.
    pub dropped_links: usize,
}

impl Subset {
    /// The warnings to show for this subset: one line for the dropped links, if any.
    pub fn warnings(&self) -> Vec<String> {
        match self.dropped_links {
            0 => Vec::new(),
            1 => vec!["1 related link points to an event left out; dropped".to_owned()],
            n => vec![format!(
                "{n} related links point to events left out; dropped"
            )],
        }
    }
}

/// The timeline of `events` (ids of `timeline`, in date order): only the actors they name,
/// the eras that overlap their span, `related` links to events left out dropped, the title
/// kept and a description line saying what made it (`made_by`). Every event selected
/// gives back the timeline itself, unchanged, actors without events and all eras included.
pub fn subset(timeline: &Timeline, events: &[EventId], made_by: &str) -> Subset {
    if events.len() == timeline.events.len() {
        return Subset {
            timeline: timeline.clone(),
            dropped_links: 0,
        };
    }
    let mut new_event = vec![None; timeline.events.len()];
    for (n, id) in events.iter().enumerate() {
        new_event[id.index()] = Some(EventId(to_u32(n)));
    }
    let mut named = vec![false; timeline.actors.len()];
    for id in events {
        for a in &timeline.event(*id).actors {
            named[a.index()] = true;
        }
    }
    // Actors keep their file order.
    let mut actors = Vec::new();
    let mut new_actor: Vec<Option<ActorId>> = vec![None; timeline.actors.len()];
    for (i, actor) in timeline.actors.iter().enumerate() {
        if named[i] {
            new_actor[i] = Some(ActorId(to_u32(actors.len())));
            actors.push(actor.clone());
        }
    }
    let mut dropped_links = 0;
    let kept: Vec<_> = events
        .iter()
        .map(|id| {
            let mut event = timeline.event(*id).clone();
            event.actors = event
                .actors
                .iter()
                .filter_map(|a| new_actor[a.index()])
                .collect();
            let before = event.related.len();
            event.related = event
                .related
                .iter()
                .filter_map(|r| new_event[r.index()])
                .collect();
            dropped_links += before - event.related.len();
            event
        })
        .collect();
    let first = kept.iter().map(|e| e.date.first_day()).min();
    let last = kept.iter().map(crate::model::Event::last_day).max();
    let eras = match (first, last) {
        (Some(first), Some(last)) => timeline
            .eras
            .iter()
            .filter(|era| {
                era.start.first_day() <= last && era.last_day().is_none_or(|l| l >= first)
            })
            .cloned()
            .collect(),
        _ => Vec::new(),
    };
    let line = format!(
        "{} of the {} events of this timeline, selected by {made_by}.",
        kept.len(),
        timeline.events.len()
    );
    let mut by_id: Vec<(u64, EventId)> = kept
        .iter()
        .enumerate()
        .map(|(n, e)| (crate::model::id_hash(&e.id), EventId(to_u32(n))))
        .collect();
    by_id.sort_unstable_by(|(h1, a), (h2, b)| {
        (h1, kept[a.index()].id.as_str()).cmp(&(h2, kept[b.index()].id.as_str()))
    });
    Subset {
        timeline: Timeline {
            title: timeline.title.clone(),
            description: Some(match &timeline.description {
                Some(d) => format!("{d}\n\n{line}"),
                None => line,
            }),
            actors,
            eras,
            events: kept,
            by_id,
        },
        dropped_links,
    }
}

impl Filter {
    /// The filter as the command-line flags that would make it, actors by id:
    /// `--actor russia --actor taliban --exact-actors --from 2021`; `no filter` when empty.
    pub fn as_flags(&self, timeline: &Timeline) -> String {
        let mut out: Vec<String> = self
            .actors
            .iter()
            .map(|a| format!("--actor {}", timeline.actor(*a).id))
            .collect();
        if self.exact_actors() {
            out.push("--exact-actors".to_owned());
        } else if self.actor_mode == super::ActorMode::All && self.actors.len() > 1 {
            out.push("--all-actors".to_owned());
        }
        out.extend(
            self.excluded
                .iter()
                .map(|a| format!("--exclude-actor {}", timeline.actor(*a).id)),
        );
        out.extend(self.tags.iter().map(|t| format!("--tag {}", quoted(t))));
        if !self.query().is_empty() {
            out.push(format!("--query {}", quoted(self.query())));
        }
        if let Some(from) = self.from {
            out.push(format!("--from {from}"));
        }
        if let Some(to) = self.to {
            out.push(format!("--to {to}"));
        }
        if let Some(ids) = &self.ids {
            out.push(format!("--ids (a list of {})", ids.len()));
        }
        if out.is_empty() {
            "no filter".to_owned()
        } else {
            out.join(" ")
        }
    }
}

/// A flag's value as a shell would need it: quoted when it holds a space or a quote.
fn quoted(value: &str) -> String {
    if value
        .chars()
        .any(|c| c.is_whitespace() || c == '\'' || c == '"')
    {
        format!("'{}'", value.replace('\'', r"'\''"))
    } else {
        value.to_owned()
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
