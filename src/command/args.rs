//! The command line's arguments resolved to domain values against the loaded timeline:
//! the filter (actors by id, name or alias, dates parsed), the `--select` event, the one
//! timeline to read. Every mistake is a usage error that quotes what was typed and says
//! what would work ("did you mean").

use crate::cli::{Cli, Command, FilterArgs};
use crate::error::Error;
use crate::load::Input;
use crate::model::calendar::{DateStyle, Hijri, Period};
use crate::model::{EventId, Timeline};
use crate::query::{ActorMode, Filter};
use crate::sanitize::{line, quote};
use crate::suggest::{closest_score, ranked};

/// How much less an alias counts than an actor's own id or name when suggesting one.
const ALIAS_HANDICAP: f64 = 0.05;

/// The timeline the command line names: `--file` after the subcommand, else before it,
/// else the built-in one; `check PATH` names its own, and may not be given two.
pub fn input(cli: &Cli) -> Result<Input, Error> {
    let before = cli.source.file.as_deref();
    let file = match &cli.command {
        Some(
            Command::List { source, .. }
            | Command::Show { source, .. }
            | Command::Actors { source, .. }
            | Command::Export { source, .. }
            | Command::Add { source },
        ) => source.file.as_deref().or(before),
        Some(Command::Check { path, source }) => {
            let file = source.file.as_deref().or(before);
            if let (Some(file), Some(path)) = (file, path) {
                return Err(Error::Usage(format!(
                    "'check' was given two files, --file {} and {}; name the file to check once",
                    quote(file),
                    quote(path)
                )));
            }
            path.as_deref().or(file)
        }
        _ => before,
    };
    Ok(file.map_or(Input::Embedded, Input::from_arg))
}

/// The filter flags in force: those before `list` and after it, or the explorer's.
pub fn filter_args(cli: &Cli) -> FilterArgs {
    match &cli.command {
        Some(Command::List { filter, .. } | Command::Export { filter, .. }) => {
            cli.filter.merged(filter)
        }
        _ => cli.filter.merged(&FilterArgs::default()),
    }
}

/// How dates are shown: `--calendar`, `--hijri`, `--lang`, wherever they were given.
pub fn date_style(cli: &Cli) -> DateStyle {
    let dates = &cli.dates;
    DateStyle {
        calendar: dates.calendar.map(Into::into).unwrap_or_default(),
        hijri: dates.hijri.map(Into::into).unwrap_or_default(),
        lang: dates.lang.map(Into::into).unwrap_or_default(),
    }
}

/// The filter the arguments describe, with actors resolved and dates parsed.
pub fn to_filter(timeline: &Timeline, args: &FilterArgs) -> Result<Filter, Error> {
    to_filter_in(timeline, args, Hijri::default())
}

/// [`to_filter`], with lunar Hijri dates read in the `hijri` calendar.
pub fn to_filter_in(timeline: &Timeline, args: &FilterArgs, hijri: Hijri) -> Result<Filter, Error> {
    let mut filter = Filter::default();
    for name in &args.actor {
        let id = timeline
            .find_actor(name)
            .ok_or_else(|| unknown_actor(timeline, name))?;
        if !filter.actors.contains(&id) {
            filter.actors.push(id);
        }
    }
    for name in &args.exclude_actor {
        let id = timeline
            .find_actor(name)
            .ok_or_else(|| unknown_actor(timeline, name))?;
        if filter.actors.contains(&id) {
            return Err(Error::Usage(format!(
                "--actor and --exclude-actor both name {}; give it once",
                quote(name)
            )));
        }
        if !filter.excluded.contains(&id) {
            filter.excluded.push(id);
        }
    }
    if args.exact_actors && args.actor.is_empty() {
        return Err(Error::Usage(
            "--exact-actors says the events' actors are exactly the --actor ones; give --actor too"
                .to_owned(),
        ));
    }
    filter.exact = args.exact_actors;
    for typed in &args.tag {
        let found = crate::query::find_tag(timeline, typed);
        if found.is_empty() {
            return Err(unknown_tag(timeline, typed));
        }
        for tag in found {
            if !filter.tags.iter().any(|t| t == tag) {
                filter.tags.push(tag.to_owned());
            }
        }
    }
    if let Some(path) = &args.ids {
        filter.set_ids(read_ids(timeline, path)?);
    }
    filter.actor_mode = if args.all_actors {
        ActorMode::All
    } else {
        ActorMode::Any
    };
    if let Some(query) = &args.query {
        filter.set_query_in(query, hijri);
    }
    filter.from = args
        .from
        .as_deref()
        .map(|d| parse_flag_date("--from", d, hijri))
        .transpose()?;
    filter.to = args
        .to
        .as_deref()
        .map(|d| parse_flag_date("--to", d, hijri))
        .transpose()?;
    if let (Some(from), Some(to)) = (filter.from, filter.to)
        && to.last_day() < from.first_day()
    {
        return Err(Error::Usage(format!(
            "--from {} is after --to {}; swap them",
            quote(&from.to_string()),
            quote(&to.to_string())
        )));
    }
    Ok(filter)
}

/// The event `--select` names; a usage error naming the filter when the filter hides it,
/// since the explorer would otherwise open elsewhere without a word.
pub fn selected(
    timeline: &Timeline,
    filter: &Filter,
    filter_args: &FilterArgs,
    id: &str,
) -> Result<EventId, Error> {
    let found = timeline
        .find_event(id)
        .ok_or_else(|| unknown_event(timeline, id))?;
    if !filter.matches(timeline, timeline.event(found)) {
        return Err(Error::Usage(format!(
            "--select {} is hidden by the filter ({}); drop the filter or select an event it shows",
            quote(id),
            line(&filter_args.given())
        )));
    }
    Ok(found)
}

fn parse_flag_date(flag: &'static str, value: &str, hijri: Hijri) -> Result<Period, Error> {
    Period::parse(value, hijri).map_err(|e| Error::BadDate {
        flag,
        value: quote(value),
        reason: e.to_string(),
    })
}

/// The event ids of an `--ids` file (`-`: standard input), one a line; blank lines, spaces
/// around an id and CRLF line ends are allowed. An id the timeline lacks is an error naming
/// its line: a list picked from another timeline or version would otherwise export fewer
/// events without a word.
fn read_ids(timeline: &Timeline, path: &str) -> Result<Vec<String>, Error> {
    let (name, text) = if path == "-" {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin().lock(), &mut text).map_err(
            |source| Error::Io {
                what: "read the --ids list from standard input",
                source,
            },
        )?;
        ("<stdin>".to_owned(), text)
    } else {
        let text = std::fs::read_to_string(path).map_err(|e| {
            Error::Usage(format!(
                "--ids {}: cannot read it ({e}); give a file of event ids, one a line",
                quote(path)
            ))
        })?;
        (path.to_owned(), text)
    };
    let mut ids = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let id = raw.trim();
        if id.is_empty() {
            continue;
        }
        if timeline.find_event(id).is_none() {
            return Err(Error::Usage(format!(
                "{}:{}:1: {}; fix the line or remove it",
                line(&name),
                n + 1,
                unknown_event(timeline, id)
            )));
        }
        ids.push(id.to_owned());
    }
    Ok(ids)
}

/// ` (did you mean 'a' or 'b'?)` for the closest candidates, or nothing without one.
fn did_you_mean(close: &[&str]) -> String {
    if close.is_empty() {
        return String::new();
    }
    let close: Vec<_> = close.iter().map(|c| quote(c)).collect();
    format!(" (did you mean {}?)", close.join(" or "))
}

/// A tag no event carries, with the closest tags as suggestions.
fn unknown_tag(timeline: &Timeline, typed: &str) -> Error {
    let tags = crate::query::tag_counts(timeline);
    let hint = did_you_mean(&ranked(typed, tags.iter().map(|(t, _)| *t), 3));
    Error::Usage(format!(
        "no event has the tag {}{hint}; 'afghan-timeline list --format json' shows the tags",
        quote(typed)
    ))
}

fn unknown_actor(timeline: &Timeline, name: &str) -> Error {
    if timeline.actors.is_empty() {
        return Error::NoActors { name: quote(name) };
    }
    // The actor is suggested, by its name and id: its own id and name count before its
    // aliases, so 'Sovet' finds the Soviet Union rather than its alias 'Soviet Army'.
    let best = timeline
        .actors
        .iter()
        .filter_map(|a| {
            let own = closest_score(name, [a.id.as_str(), a.name.as_str()]);
            let alias = closest_score(name, a.aliases.iter().map(String::as_str))
                .map(|s| s - ALIAS_HANDICAP);
            own.into_iter()
                .chain(alias)
                .reduce(f64::max)
                .map(|s| (s, a))
        })
        .max_by(|x, y| x.0.total_cmp(&y.0));
    let hint = best
        .map(|(_, a)| format!(" (did you mean {} ({})?)", quote(&a.name), line(&a.id)))
        .unwrap_or_default();
    let known: Vec<_> = timeline
        .actors
        .iter()
        .map(|a| line(&a.id).into_owned())
        .collect();
    Error::UnknownActor {
        name: quote(name),
        hint,
        known: known.join(", "),
    }
}

/// An unknown event id, with the closest ids as suggestions.
pub fn unknown_event(timeline: &Timeline, id: &str) -> Error {
    let hint = did_you_mean(&ranked(
        id,
        timeline.events.iter().map(|e| e.id.as_str()),
        3,
    ));
    Error::UnknownEvent {
        id: quote(id),
        hint,
    }
}
