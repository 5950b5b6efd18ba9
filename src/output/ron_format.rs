//! The `ron` format: an event exactly as a timeline file would hold it, ready to paste.

use std::io::{self, Write};

use crate::load::{RawActor, RawActorKind, RawEra, RawEvent, RawSource, RawTimeline};
use crate::model::{Actor, ActorKind, Event, Timeline};

/// The raw shape of an event, as `load` would read it back.
pub fn raw_event(timeline: &Timeline, event: &Event) -> RawEvent {
    RawEvent {
        id: event.id.clone(),
        date: event.date.to_string().into(),
        end: event.end.map(|d| d.to_string().into()),
        title: event.title.clone(),
        summary: event.summary.clone(),
        detail: event.detail.clone(),
        date_note: event.date_note.clone(),
        actors: event
            .actors
            .iter()
            .map(|a| timeline.actor(*a).id.as_str().into())
            .collect(),
        tags: event.tags.clone(),
        location: event.location.clone(),
        sources: event
            .sources
            .iter()
            .map(|s| RawSource {
                publisher: s.publisher.clone(),
                title: s.title.clone(),
                date: s.date.map(|d| d.to_string().into()),
                url: s.url.clone(),
            })
            .collect(),
        related: event
            .related
            .iter()
            .map(|r| timeline.event(*r).id.as_str().into())
            .collect(),
        fingerprint: crate::model::Fingerprint::default(),
    }
}

pub(super) fn write_event(
    out: &mut dyn Write,
    timeline: &Timeline,
    event: &Event,
    _first: bool,
) -> io::Result<()> {
    // Strings are escaped (ron's `escape_strings` default), so control characters from the
    // file come out as `\u{…}` escapes, never raw.
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .new_line("\n");
    let text = crate::load::options()
        .to_string_pretty(&raw_event(timeline, event), config)
        .map_err(|e| io::Error::other(e.to_string()))?;
    writeln!(out, "{text},")
}

/// The raw shape of an actor, as `load` would read it back.
pub fn raw_actor(actor: &Actor) -> RawActor {
    RawActor {
        id: actor.id.clone(),
        name: actor.name.clone(),
        kind: match actor.kind {
            ActorKind::State => RawActorKind::State,
            ActorKind::Organization => RawActorKind::Organization,
            ActorKind::Group => RawActorKind::Group,
            ActorKind::Person => RawActorKind::Person,
        },
        aliases: actor.aliases.clone(),
    }
}

/// The raw shape of a whole timeline, as `load` would read it back: the same title,
/// actors, eras and events, events in date order.
pub fn raw_timeline(timeline: &Timeline) -> RawTimeline {
    RawTimeline {
        title: timeline.title.clone(),
        description: timeline.description.clone(),
        actors: timeline.actors.iter().map(raw_actor).collect(),
        eras: timeline
            .eras
            .iter()
            .map(|e| RawEra {
                id: e.id.clone(),
                name: e.name.clone(),
                start: e.start.to_string().into(),
                end: e.end.map(|d| d.to_string().into()),
            })
            .collect(),
        events: timeline
            .events
            .iter()
            .map(|e| raw_event(timeline, e))
            .collect(),
    }
}

/// A whole timeline as a file's text (RON, four-space indents), loading back as itself.
pub fn timeline_text(timeline: &Timeline) -> io::Result<String> {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .new_line("\n");
    crate::load::options()
        .to_string_pretty(&raw_timeline(timeline), config)
        .map(|text| text + "\n")
        .map_err(|e| io::Error::other(e.to_string()))
}
