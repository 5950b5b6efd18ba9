//! Dynamic shell completions (`clap_complete`'s engine, `COMPLETE=bash afghan-timeline`):
//! event ids after `show`, actor ids and names after `--actor` and `--exclude-actor`, tags
//! after `--tag`, read from the timeline the command line being completed names with
//! `--file` (else the built-in one). A file that does not load completes nothing rather
//! than printing an error into the prompt.

use std::ffi::OsStr;

use clap_complete::engine::CompletionCandidate;

use crate::load::{self, Input};
use crate::model::Timeline;
use crate::sanitize::line;

/// The timeline of the command line being completed: its `--file PATH` or `--file=PATH`
/// (not `-`: standard input is the shell's), else the built-in one.
fn timeline() -> Option<Timeline> {
    let args: Vec<String> = std::env::args().collect();
    let file = args.iter().enumerate().rev().find_map(|(i, a)| {
        a.strip_prefix("--file=")
            .map(str::to_owned)
            .or_else(|| (a == "--file").then(|| args.get(i + 1).cloned()).flatten())
    });
    let input = match file.as_deref() {
        Some("-") => return None,
        Some(path) => Input::from_arg(path),
        None => Input::Embedded,
    };
    load::load(&input).ok()
}

/// What is typed (when it is text) and the timeline to complete from (when it loads).
fn context(current: &OsStr) -> Option<(&str, Timeline)> {
    Some((current.to_str()?, timeline()?))
}

/// Event ids starting with what is typed, each with its date and title as help.
pub fn event_ids(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some((typed, timeline)) = context(current) else {
        return Vec::new();
    };
    timeline
        .events
        .iter()
        .filter(|e| e.id.starts_with(typed))
        .map(|e| {
            CompletionCandidate::new(line(&e.id).into_owned()).help(Some(
                format!("{} {}", e.date.short(), line(&e.title)).into(),
            ))
        })
        .collect()
}

/// Actor ids and names (any case) starting with what is typed; a name is offered as
/// typed in the file, and a match by name offers it too.
pub fn actors(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some((typed, timeline)) = context(current) else {
        return Vec::new();
    };
    let typed = typed.to_lowercase();
    let mut out = Vec::new();
    for actor in &timeline.actors {
        for value in [&actor.id, &actor.name] {
            if value.to_lowercase().starts_with(&typed) {
                out.push(
                    CompletionCandidate::new(line(value).into_owned())
                        .help(Some(line(&actor.name).into_owned().into())),
                );
            }
        }
    }
    out
}

/// The timeline's tags (any case) starting with what is typed, each with its number of
/// events as help.
pub fn tags(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some((typed, timeline)) = context(current) else {
        return Vec::new();
    };
    let typed = typed.to_lowercase();
    crate::query::tag_counts(&timeline)
        .into_iter()
        .filter(|(tag, _)| tag.to_lowercase().starts_with(&typed))
        .map(|(tag, n)| {
            CompletionCandidate::new(line(tag).into_owned()).help(Some(
                format!("{n} event{}", if n == 1 { "" } else { "s" }).into(),
            ))
        })
        .collect()
}
