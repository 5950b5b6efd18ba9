//! Parse, don't validate: raw file shapes become a [`Timeline`] whose invariants hold.
//!
//! Every check runs and every problem is collected, so an author sees all mistakes at once.
//! Strings are moved, never cloned, from the raw shapes into the model: at a million events
//! a second copy of the text would double the memory of a load.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use super::problem::{DocPath, Problem};
use super::raw::{RawActorKind, RawEvent, RawSource, RawTimeline};
use crate::model::{Actor, ActorId, ActorKind, Date, Era, Event, EventId, Source, Timeline};
use crate::sanitize::quote;
use crate::suggest::closest;

/// What checking resolved, kept until the strings can be moved into the model.
pub struct Checked {
    eras: Vec<Era>,
    events: Vec<Option<CheckedEvent>>,
}

/// Checks a parsed file; every problem found, or what the model needs from it.
///
/// Checking only borrows: the caller still holds the source text here, to locate problems,
/// and drops it before [`assemble`] so the text and the model never coexist.
pub fn check(raw: &RawTimeline) -> Result<Checked, Vec<Problem>> {
    let mut problems = Vec::new();
    let root = DocPath::root();

    let actor_index = check_actors(raw, &mut problems);
    let eras = check_eras(raw, &mut problems);
    check_unique(
        raw.eras.iter().map(|e| e.id.as_str()),
        "era",
        "eras",
        &mut problems,
    );

    let event_index = check_unique(
        raw.events.iter().map(|e| e.id.as_str()),
        "event",
        "events",
        &mut problems,
    );
    let events = raw
        .events
        .iter()
        .enumerate()
        .map(|(i, ev)| {
            check_event(
                ev,
                &root.field("events").index(i),
                &actor_index,
                &event_index,
                &mut problems,
            )
        })
        .collect();
    if problems.is_empty() {
        Ok(Checked { eras, events })
    } else {
        Err(problems)
    }
}

/// Moves the checked file into the model: sorted, indexed, references as indices.
pub fn assemble(raw: RawTimeline, checked: Checked) -> Timeline {
    let Checked {
        eras,
        events: mut checked,
    } = checked;
    let RawTimeline {
        title,
        description,
        actors,
        events,
        ..
    } = raw;
    let actors = actors
        .into_iter()
        .map(|a| Actor {
            id: a.id,
            name: a.name,
            kind: match a.kind {
                RawActorKind::State => ActorKind::State,
                RawActorKind::Organization => ActorKind::Organization,
                RawActorKind::Group => ActorKind::Group,
                RawActorKind::Person => ActorKind::Person,
            },
            aliases: a.aliases,
        })
        .collect();

    // Stable sort by the first day of each date: ties keep file order (see `model::date`).
    let mut order: Vec<usize> = (0..events.len()).collect();
    let keys: Vec<i32> = checked
        .iter()
        .map(|c| c.as_ref().map_or(0, |c| c.date.sort_key()))
        .collect();
    order.sort_by_key(|&i| keys[i]);
    let mut new_index = vec![0u32; events.len()];
    for (pos, &file_index) in order.iter().enumerate() {
        new_index[file_index] = to_u32(pos);
    }

    let mut slots: Vec<Option<RawEvent>> = events.into_iter().map(Some).collect();
    let events = order
        .iter()
        .filter_map(|&i| {
            let raw = slots[i].take()?;
            let c = checked[i].take()?;
            Some(Event {
                id: raw.id,
                date: c.date,
                end: c.end,
                title: raw.title,
                summary: raw.summary,
                detail: raw.detail,
                date_note: raw.date_note,
                actors: c.actors,
                tags: raw.tags,
                location: raw.location,
                sources: raw
                    .sources
                    .into_iter()
                    .zip(c.source_dates)
                    .map(|(s, date)| Source {
                        publisher: s.publisher,
                        title: s.title,
                        date,
                        url: s.url,
                    })
                    .collect(),
                related: c.related.iter().map(|&r| EventId(new_index[r])).collect(),
            })
        })
        .collect();

    let mut timeline = Timeline {
        title,
        description,
        actors,
        eras,
        events,
        by_id: Vec::new(),
    };
    timeline.eras.sort_by_key(|e| e.start.sort_key());
    timeline.index_ids();
    timeline
}

/// What checking an event resolved, kept until the strings can be moved.
struct CheckedEvent {
    date: Date,
    end: Option<Date>,
    actors: Vec<ActorId>,
    source_dates: Vec<Option<Date>>,
    /// File indices of related events.
    related: Vec<usize>,
}

fn check_event(
    ev: &RawEvent,
    path: &DocPath,
    actor_index: &HashMap<&str, ActorId>,
    event_index: &HashMap<&str, usize>,
    problems: &mut Vec<Problem>,
) -> Option<CheckedEvent> {
    let before = problems.len();
    check_id(&ev.id, "event", &path.field("id"), problems);
    let date = parse_date(&ev.date, &path.field("date"), problems);
    let end = ev
        .end
        .as_ref()
        .map(|e| (e, parse_date(e, &path.field("end"), problems)));
    if let (Some(date), Some((end_text, Some(end)))) = (date, &end)
        && end.last_day() < date.first_day()
    {
        problems.push(
            Problem::new(
                path.field("end"),
                format!(
                    "event {} ends {} before its date {}",
                    quote(&ev.id),
                    quote(end_text),
                    quote(&ev.date)
                ),
            )
            .help("'end' must not be before 'date'"),
        );
    }
    for (field, text) in [("title", &ev.title), ("summary", &ev.summary)] {
        if text.trim().is_empty() {
            problems.push(Problem::new(
                path.field(field),
                format!("event {} has an empty {field}", quote(&ev.id)),
            ));
        }
    }

    if ev.actors.is_empty() {
        problems.push(
            Problem::new(
                path.field("actors"),
                format!("event {} has no actors", quote(&ev.id)),
            )
            .help("name at least one actor id, e.g. actors: [\"russia\"]"),
        );
    }
    let actors: Vec<ActorId> = ev
        .actors
        .iter()
        .enumerate()
        .filter_map(|(j, name)| {
            let found = actor_index.get(name.as_str()).copied();
            if found.is_none() {
                problems.push(unknown_ref(
                    path.field("actors").index(j),
                    "actor",
                    name,
                    &ev.id,
                    actor_index.keys().copied(),
                    "declare it in 'actors' at the top of the file",
                ));
            }
            found
        })
        .collect();

    let source_dates = check_sources(ev, path, problems);

    let related = ev
        .related
        .iter()
        .enumerate()
        .filter_map(|(j, id)| {
            let found = event_index.get(id.as_str()).copied();
            if found.is_none() {
                problems.push(unknown_ref(
                    path.field("related").index(j),
                    "related event",
                    id,
                    &ev.id,
                    event_index.keys().copied(),
                    "'related' lists ids of events in this file",
                ));
            }
            found
        })
        .collect();

    if problems.len() > before {
        return None;
    }
    Some(CheckedEvent {
        date: date?,
        end: end.and_then(|(_, e)| e),
        actors,
        source_dates,
        related,
    })
}

fn check_sources(ev: &RawEvent, path: &DocPath, problems: &mut Vec<Problem>) -> Vec<Option<Date>> {
    if ev.sources.is_empty() {
        problems.push(
            Problem::new(
                path.field("sources"),
                format!("event {} cites no sources", quote(&ev.id)),
            )
            .help("add at least one, e.g. sources: [(publisher: \"TASS\", title: \"…\")]"),
        );
    }
    ev.sources
        .iter()
        .enumerate()
        .map(|(j, s): (usize, &RawSource)| {
            s.date.as_ref().and_then(|d| {
                parse_date(d, &path.field("sources").index(j).field("date"), problems)
            })
        })
        .collect()
}

fn check_eras(raw: &RawTimeline, problems: &mut Vec<Problem>) -> Vec<Era> {
    raw.eras
        .iter()
        .enumerate()
        .filter_map(|(i, era)| {
            let path = DocPath::root().field("eras").index(i);
            check_id(&era.id, "era", &path.field("id"), problems);
            let start = parse_date(&era.start, &path.field("start"), problems);
            let end = parse_date(&era.end, &path.field("end"), problems);
            let (start, end) = (start?, end?);
            if end.last_day() < start.first_day() {
                problems.push(
                    Problem::new(
                        path.field("end"),
                        format!(
                            "era {} ends {} before it starts {}",
                            quote(&era.id),
                            quote(&era.end),
                            quote(&era.start)
                        ),
                    )
                    .help("swap start and end, or correct the date"),
                );
            }
            Some(Era {
                id: era.id.clone(),
                name: era.name.clone(),
                start,
                end,
            })
        })
        .collect()
}

fn check_actors<'a>(
    raw: &'a RawTimeline,
    problems: &mut Vec<Problem>,
) -> HashMap<&'a str, ActorId> {
    for (i, actor) in raw.actors.iter().enumerate() {
        let path = DocPath::root().field("actors").index(i);
        check_id(&actor.id, "actor", &path.field("id"), problems);
        if actor.name.trim().is_empty() {
            problems.push(Problem::new(
                path.field("name"),
                format!("actor {} has an empty name", quote(&actor.id)),
            ));
        }
    }
    check_unique(
        raw.actors.iter().map(|a| a.id.as_str()),
        "actor",
        "actors",
        problems,
    )
    .into_iter()
    .map(|(id, i)| (id, ActorId(to_u32(i))))
    .collect()
}

/// Maps each id to its first index, reporting every later duplicate.
fn check_unique<'a>(
    ids: impl Iterator<Item = &'a str>,
    what: &str,
    list: &'static str,
    problems: &mut Vec<Problem>,
) -> HashMap<&'a str, usize> {
    let mut seen = HashMap::new();
    for (i, id) in ids.enumerate() {
        match seen.entry(id) {
            Entry::Vacant(slot) => {
                slot.insert(i);
            }
            Entry::Occupied(first) if !id.is_empty() => {
                let root = DocPath::root().field(list);
                problems.push(
                    Problem::new(
                        root.index(i).field("id"),
                        format!("duplicate {what} id {}", quote(id)),
                    )
                    .help(format!("every {what} needs its own id; rename one of them"))
                    .first(root.index(*first.get()).field("id")),
                );
            }
            Entry::Occupied(_) => {}
        }
    }
    seen
}

/// Ids are non-empty and made of `a-z`, `0-9` and `-`, so they are safe in URLs and shells.
fn check_id(id: &str, what: &str, path: &DocPath, problems: &mut Vec<Problem>) {
    if id.is_empty() {
        problems.push(
            Problem::new(path.clone(), format!("empty {what} id"))
                .help("give it an id such as \"soviet-withdrawal\""),
        );
    } else if let Some(bad) = id
        .chars()
        .find(|c| !matches!(c, 'a'..='z' | '0'..='9' | '-'))
    {
        problems.push(
            Problem::new(
                path.clone(),
                format!(
                    "{what} id {} contains {}",
                    quote(id),
                    quote(&bad.to_string())
                ),
            )
            .help("ids use only lower-case letters a-z, digits and '-'"),
        );
    }
}

fn parse_date(text: &str, path: &DocPath, problems: &mut Vec<Problem>) -> Option<Date> {
    match text.parse() {
        Ok(date) => Some(date),
        Err(e) => {
            problems.push(Problem::new(path.clone(), format!("invalid date {}: {e}", quote(text))).help(
                "dates are \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\", with a leading '~' when approximate",
            ));
            None
        }
    }
}

fn unknown_ref<'a>(
    path: DocPath,
    what: &str,
    name: &str,
    event: &str,
    known: impl Iterator<Item = &'a str>,
    help: &str,
) -> Problem {
    let help = match closest(name, known) {
        Some(best) => format!("did you mean {}? {help}", quote(best)),
        None => help.to_owned(),
    };
    Problem::new(
        path,
        format!("unknown {what} {} in event {}", quote(name), quote(event)),
    )
    .help(help)
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
