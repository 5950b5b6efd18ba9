//! Parse, don't validate: raw file shapes become a [`crate::model::Timeline`] whose invariants
//! hold (this module checks; `assemble` builds).
//!
//! Every check runs and every problem is collected, so an author sees all mistakes at once.
//! The happy path is built for a million events: checking allocates nothing per event
//! beyond the event's resolved actors (problem paths are only built when there is a
//! problem, source dates and related links go into flat vectors), event ids are indexed by
//! one sort that also finds duplicates and becomes the timeline's id index, and strings are
//! moved, never cloned, into the model.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

mod event;
mod ids;

pub(super) use event::CheckedEvent;
use event::{EventsChecked, check_events};
use ids::{IdIndex, index_event_ids};

use super::diagnostic::MAX_SHOWN;
use super::problem::{DocPath, Problem, Unknown};
use super::raw::{RawEvent, RawTimeline};
use crate::model::{ActorId, Date, Era};
use crate::sanitize::{is_blank, quote};
use crate::suggest::closest;

/// What checking resolved, kept until the strings can be moved into the model.
pub struct Checked {
    pub(super) eras: Vec<Era>,
    /// One per event, in file order.
    pub(super) events: Vec<CheckedEvent>,
    /// Every event's source dates, event after event, in file order.
    pub(super) source_dates: Vec<Option<Date>>,
    /// Every event's related links (file indices), event after event, in file order.
    pub(super) related: Vec<u32>,
    /// File indices of the events, sorted by id hash then id.
    pub(super) by_id: Vec<(u64, u32)>,
}

/// Checks a parsed file, whose events are `parts` (in file order; `raw.events` is not
/// read); every problem found, or what the model needs from it.
///
/// Checking only borrows: the caller still holds the source text here, to locate problems,
/// and drops it before [`assemble`] so the text and the model never coexist.
pub fn check(
    raw: &RawTimeline,
    parts: &[Vec<RawEvent>],
    threads: usize,
) -> Result<Checked, Vec<Problem>> {
    let mut problems = Vec::new();
    if is_blank(&raw.title) {
        problems.push(
            Problem::new(
                DocPath::root().field("title"),
                "the timeline has an empty title",
            )
            .help("give it a title, e.g. title: \"Soviet–Afghan relations\""),
        );
    }
    let actor_index = check_actors(raw, &mut problems);
    super::clash::actor_names(raw, &mut problems);
    let eras = check_eras(raw, &mut problems);
    let ids = index_event_ids(parts, &mut problems);

    // The events are checked in runs taken from a queue by every thread, and the runs
    // joined in file order: the result, problems included, is the one a single pass gives.
    let runs = runs(parts, threads);
    let checked: Vec<Mutex<EventsChecked>> = runs.iter().map(|_| Mutex::default()).collect();
    let next = AtomicUsize::new(0);
    let work = || {
        loop {
            let k = next.fetch_add(1, Ordering::Relaxed);
            let Some(&(events, first)) = runs.get(k) else {
                break;
            };
            let run = check_events(events, first, &actor_index, &ids);
            if let Ok(mut slot) = checked[k].lock() {
                *slot = run;
            }
        }
    };
    super::on_threads(threads.min(runs.len()), work);
    let total = runs.iter().map(|(events, _)| events.len()).sum();
    let mut all = EventsChecked {
        events: Vec::with_capacity(total),
        ..EventsChecked::default()
    };
    for run in checked {
        let mut next = run.into_inner().unwrap_or_default();
        for c in &mut next.events {
            c.sources_at += all.source_dates.len();
            c.related_at += all.related.len();
        }
        all.events.append(&mut next.events);
        all.source_dates.append(&mut next.source_dates);
        all.related.append(&mut next.related);
        all.problems.append(&mut next.problems);
    }
    problems.append(&mut all.problems);
    if !problems.is_empty() {
        suggest(&mut problems, &actor_index, &ids);
        return Err(problems);
    }
    let by_id = ids.0.iter().map(|(h, _, i)| (*h, *i)).collect();
    Ok(Checked {
        eras,
        events: all.events,
        source_dates: all.source_dates,
        related: all.related,
        by_id,
    })
}

/// The events cut into runs for the threads (a few per thread, none across two parts),
/// each with the file index of its first event.
fn runs(parts: &[Vec<RawEvent>], threads: usize) -> Vec<(&[RawEvent], usize)> {
    let total: usize = parts.iter().map(Vec::len).sum();
    let most = total.div_ceil(threads.max(1) * 4).max(1024);
    let mut runs = Vec::new();
    let mut first = 0;
    for part in parts {
        for events in part.chunks(most) {
            runs.push((events, first));
            first += events.len();
        }
    }
    runs
}

pub(super) fn duplicate(
    what: &str,
    list: &'static str,
    id: &str,
    at: usize,
    first: usize,
) -> Problem {
    let root = DocPath::root().field(list);
    Problem::new(
        root.index(at).field("id"),
        format!("duplicate {what} id {}", quote(id)),
    )
    .help(format!("every {what} needs its own id; rename one of them"))
    .first(root.index(first).field("id"))
}

fn check_eras(raw: &RawTimeline, problems: &mut Vec<Problem>) -> Vec<Era> {
    let mut first_of: HashMap<&str, usize> = HashMap::new();
    raw.eras
        .iter()
        .enumerate()
        .filter_map(|(i, era)| {
            let path = |field| DocPath::root().field("eras").index(i).field(field);
            check_id(&era.id, "era", || path("id"), problems);
            if !era.id.is_empty()
                && let Some(&first) = first_of.get(era.id.as_str())
            {
                problems.push(duplicate("era", "eras", &era.id, i, first));
            }
            first_of.entry(&era.id).or_insert(i);
            if is_blank(&era.name) {
                problems.push(Problem::new(
                    path("name"),
                    format!("era {} has an empty name", quote(&era.id)),
                ));
            }
            let start = parse_date(&era.start, || path("start"), problems);
            // No `end` is an ongoing era, not a mistake.
            let end = match &era.end {
                Some(text) => Some(parse_date(text, || path("end"), problems)?),
                None => None,
            };
            let start = start?;
            if let (Some(end_text), Some(end)) = (&era.end, end)
                && end.last_day() < start.first_day()
            {
                let message = format!(
                    "era {} ends {} before it starts {}",
                    quote(&era.id),
                    quote(end_text),
                    quote(&era.start)
                );
                problems.push(
                    Problem::new(path("end"), message)
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

/// Checks the actors and maps each id to its index (the first, for a duplicate).
fn check_actors<'a>(
    raw: &'a RawTimeline,
    problems: &mut Vec<Problem>,
) -> HashMap<&'a str, ActorId> {
    let mut index: HashMap<&str, ActorId> = HashMap::with_capacity(raw.actors.len());
    for (i, actor) in raw.actors.iter().enumerate() {
        let path = |field| DocPath::root().field("actors").index(i).field(field);
        check_id(&actor.id, "actor", || path("id"), problems);
        if is_blank(&actor.name) {
            problems.push(Problem::new(
                path("name"),
                format!("actor {} has an empty name", quote(&actor.id)),
            ));
        }
        match index.get(actor.id.as_str()) {
            Some(first) if !actor.id.is_empty() => {
                problems.push(duplicate("actor", "actors", &actor.id, i, first.index()));
            }
            Some(_) => {}
            None => {
                index.insert(&actor.id, ActorId(to_u32(i)));
            }
        }
    }
    index
}

/// Ids are non-empty and made of `a-z`, `0-9` and `-`, so they are safe in URLs and shells.
pub(super) fn check_id(
    id: &str,
    what: &str,
    path: impl FnOnce() -> DocPath,
    problems: &mut Vec<Problem>,
) {
    if id.is_empty() {
        problems.push(
            Problem::new(path(), format!("empty {what} id"))
                .help("give it an id such as \"soviet-withdrawal\""),
        );
    } else if id.starts_with('-') {
        problems.push(
            Problem::new(path(), format!("{what} id {} begins with '-'", quote(id)))
                .help("on the command line it would read as an option; start it with a-z or 0-9"),
        );
    } else if let Some(bad) = id
        .chars()
        .find(|c| !matches!(c, 'a'..='z' | '0'..='9' | '-'))
    {
        problems.push(
            Problem::new(
                path(),
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

/// What a valid timeline may still get wrong, for `check` to warn about: an era or event
/// whose end lies inside the period of a coarser start (`start: "2021"`,
/// `end: "2021-08-15"`) may end before it starts, and says less than it seems to.
pub fn warnings(timeline: &crate::model::Timeline) -> Vec<String> {
    let inside = |start: Date, end: Date| {
        start.precision() < end.precision()
            && start.first_day() <= end.first_day()
            && end.last_day() <= start.last_day()
    };
    let warn = |what: &str, id: &str, start: Date, end: Date| {
        format!(
            "{what} {} ends {} inside the {} it starts in ({}), so it may end before it starts; \
             give the start as exactly as the end if it is known (TimelineJS export writes \
             the start as the {}'s first day)",
            quote(id),
            quote(&end.to_string()),
            start.precision().as_str(),
            quote(&start.to_string()),
            start.precision().as_str(),
        )
    };
    let mut found = Vec::new();
    for era in &timeline.eras {
        // An ongoing era has no end to lie inside its start.
        if let Some(end) = era.end.filter(|end| inside(era.start, *end)) {
            found.push(warn("era", &era.id, era.start, end));
        }
    }
    for event in &timeline.events {
        if let Some(end) = event.end.filter(|end| inside(event.date, *end)) {
            found.push(warn("event", &event.id, event.date, end));
        }
    }
    found
}

/// Whether `text` is an absolute address: a scheme (`https`, `mailto` …), a colon, and
/// no spaces, control or format characters. A relative path or markup would break every
/// link made from it; an ESC or a U+202E would act on the terminal that shows it.
pub fn is_address(text: &str) -> bool {
    if crate::sanitize::has_hidden_characters(text) {
        return false;
    }
    let Some((scheme, rest)) = text.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        && !rest.is_empty()
        && !text.chars().any(char::is_whitespace)
}

pub(super) fn parse_date(
    text: &str,
    path: impl FnOnce() -> DocPath,
    problems: &mut Vec<Problem>,
) -> Option<Date> {
    match text.parse() {
        Ok(date) => Some(date),
        Err(e) => {
            problems.push(
                Problem::new(path(), format!("invalid date {}: {e}", quote(text)))
                    .help("dates are \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\", with a leading '~' when approximate"),
            );
            None
        }
    }
}

/// Puts the problems in file order and adds "did you mean" to the ones that will be shown.
/// Only those: a suggestion is a pass over every known name, and a file may hold 100,000
/// bad references.
fn suggest(problems: &mut [Problem], actors: &HashMap<&str, ActorId>, ids: &IdIndex<'_>) {
    problems.sort_by_key(|p| p.path.file_order());
    for problem in problems.iter_mut().take(MAX_SHOWN) {
        let best = match problem.suggest.take() {
            Some(Unknown::Actor(name)) => closest(&name, actors.keys().copied()),
            Some(Unknown::Event(name)) => closest(&name, ids.0.iter().map(|(_, s, _)| *s)),
            None => None,
        };
        if let Some(best) = best {
            let help = problem.help.take().unwrap_or_default();
            problem.help = Some(format!("did you mean {}? {help}", quote(best)));
        }
    }
}

pub(super) fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
