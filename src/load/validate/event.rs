//! Checking the events, run by run on every thread: each event's id, dates, texts, actors,
//! sources and links, resolved into what the model needs and collected into flat vectors
//! (no vector per event but its actors), or every problem found.

use std::collections::HashMap;

use super::ids::IdIndex;
use super::{check_id, is_address, parse_date};
use crate::load::problem::{DocPath, Problem, Unknown};
use crate::load::raw::RawEvent;
use crate::model::{ActorId, Date};
use crate::sanitize::{has_hidden_characters, is_blank, quote};

/// What checking one event resolved.
pub(in crate::load) struct CheckedEvent {
    pub(in crate::load) date: Date,
    pub(in crate::load) end: Option<Date>,
    pub(in crate::load) actors: Vec<ActorId>,
    /// Where this event's entries start in `Checked::source_dates` and `Checked::related`.
    pub(in crate::load) sources_at: usize,
    pub(in crate::load) related_at: usize,
}

/// What checking a run of events found, with offsets relative to the run.
#[derive(Default)]
pub(super) struct EventsChecked {
    pub(super) events: Vec<CheckedEvent>,
    pub(super) source_dates: Vec<Option<Date>>,
    pub(super) related: Vec<u32>,
    pub(super) problems: Vec<Problem>,
}

/// Checks `events`, the first of which is event number `first` of the file.
pub(super) fn check_events(
    events: &[RawEvent],
    first: usize,
    actor_index: &HashMap<&str, ActorId>,
    ids: &IdIndex<'_>,
) -> EventsChecked {
    let mut out = EventsChecked {
        events: Vec::with_capacity(events.len()),
        source_dates: Vec::with_capacity(events.len() * 2),
        ..EventsChecked::default()
    };
    for (i, ev) in events.iter().enumerate() {
        // The path is built only for a problem: an allocation per event otherwise.
        crate::load::clash::event_refs(ev, || event_path(first + i), &mut out.problems);
        let checked = check_event(
            first + i,
            ev,
            actor_index,
            ids,
            &mut out.source_dates,
            &mut out.related,
            &mut out.problems,
        );
        if let Some(c) = checked {
            out.events.push(c);
        }
    }
    out
}

fn event_path(i: usize) -> DocPath {
    DocPath::root().field("events").index(i)
}

#[allow(clippy::too_many_arguments)] // the flat outputs are the point: no per-event vectors
fn check_event(
    i: usize,
    ev: &RawEvent,
    actor_index: &HashMap<&str, ActorId>,
    ids: &IdIndex<'_>,
    source_dates: &mut Vec<Option<Date>>,
    related: &mut Vec<u32>,
    problems: &mut Vec<Problem>,
) -> Option<CheckedEvent> {
    let before = problems.len();
    let path = |field| event_path(i).field(field);
    check_id(&ev.id, "event", || path("id"), problems);
    let date = parse_date(&ev.date, || path("date"), problems);
    let end = ev
        .end
        .as_ref()
        .map(|e| (e, parse_date(e, || path("end"), problems)));
    if let (Some(date), Some((end_text, Some(end)))) = (date, &end)
        && end.last_day() < date.first_day()
    {
        let message = format!(
            "event {} ends {} before its date {}",
            quote(&ev.id),
            quote(end_text),
            quote(&ev.date)
        );
        problems.push(Problem::new(path("end"), message).help("'end' must not be before 'date'"));
    }
    for (field, text) in [("title", &ev.title), ("summary", &ev.summary)] {
        if is_blank(text) {
            problems.push(Problem::new(
                path(field),
                format!("event {} has an empty {field}", quote(&ev.id)),
            ));
        }
    }

    if ev.actors.is_empty() {
        problems.push(
            Problem::new(
                path("actors"),
                format!("event {} has no actors", quote(&ev.id)),
            )
            .help("name at least one actor id, e.g. actors: [\"russia\"]"),
        );
    }
    let mut actors = Vec::with_capacity(ev.actors.len());
    for (j, name) in ev.actors.iter().enumerate() {
        match actor_index.get(name.as_str()) {
            Some(id) => actors.push(*id),
            None => problems.push(unknown_ref(
                path("actors").index(j),
                "actor",
                name,
                &ev.id,
                Unknown::Actor,
                "declare it in 'actors' at the top of the file",
            )),
        }
    }

    if ev.sources.is_empty() {
        problems.push(
            Problem::new(
                path("sources"),
                format!("event {} cites no sources", quote(&ev.id)),
            )
            .help("add at least one, e.g. sources: [(publisher: \"TASS\", title: \"…\")]"),
        );
    }
    let sources_at = source_dates.len();
    for (j, s) in ev.sources.iter().enumerate() {
        if let Some(url) = s.url.as_deref().filter(|u| !is_address(u)) {
            problems.push(url_problem(path("sources").index(j).field("url"), url));
        }
        let date = s
            .date
            .as_ref()
            .and_then(|d| parse_date(d, || path("sources").index(j).field("date"), problems));
        source_dates.push(date);
    }

    let related_at = related.len();
    for (j, id) in ev.related.iter().enumerate() {
        match ids.get(id) {
            Some(target) => related.push(target),
            None => problems.push(unknown_ref(
                path("related").index(j),
                "related event",
                id,
                &ev.id,
                Unknown::Event,
                "'related' lists ids of events in this file",
            )),
        }
    }

    if problems.len() > before {
        return None;
    }
    Some(CheckedEvent {
        date: date?,
        end: end.and_then(|(_, e)| e),
        actors,
        sources_at,
        related_at,
    })
}

fn unknown_ref(
    path: DocPath,
    what: &str,
    name: &str,
    event: &str,
    unknown: fn(String) -> Unknown,
    help: &str,
) -> Problem {
    let mut problem = Problem::new(
        path,
        format!("unknown {what} {} in event {}", quote(name), quote(event)),
    )
    .help(help);
    problem.suggest = Some(unknown(name.to_owned()));
    problem
}

/// Why a source's `url` is not an address: it holds a character that cannot be in one, or
/// it is not absolute.
fn url_problem(at: DocPath, url: &str) -> Problem {
    if has_hidden_characters(url) {
        Problem::new(
            at,
            format!(
                "source url {} holds a control or format character; it is not an address",
                quote(url)
            ),
        )
        .help("remove the escaped character; an address is printable text")
    } else {
        Problem::new(
            at,
            format!("source url {} is not an absolute address", quote(url)),
        )
        .help("write the whole address, e.g. url: \"https://example.org/page\", or leave url out")
    }
}
