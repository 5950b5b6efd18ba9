//! The subcommands: resolve arguments against the timeline, run, report what happened.

use std::io::{self, BufWriter, IsTerminal, Write};

use crate::cli::{ActorFormatArg, Cli, Command, FilterArgs};
use crate::error::Error;
use crate::load::{self, Input};
use crate::model::{Date, Timeline};
use crate::output::{self, Format};
use crate::query::{ActorMode, Filter};
use crate::sanitize::{line, quote};
use crate::suggest::{closest, ranked};

/// How a successful command ended, which decides the exit status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Something was printed (exit 0).
    Printed,
    /// A filter matched nothing, or there was nothing to accept (exit 1).
    NothingMatched,
    /// The picker was left without choosing (exit 130, like fzf).
    Cancelled,
    /// The explorer was closed after browsing (exit 0).
    Closed,
}

impl Outcome {
    pub fn exit_code(self) -> u8 {
        match self {
            Outcome::Printed | Outcome::Closed => 0,
            Outcome::NothingMatched => 1,
            Outcome::Cancelled => 130,
        }
    }
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<Outcome, Error> {
    let input = cli.file.as_deref().map_or(Input::Embedded, Input::from_arg);
    check_usage(&cli)?;
    match cli.command {
        Some(Command::Check { path }) => {
            let input = path.as_deref().map_or(input, Input::from_arg);
            let timeline = load::load(&input)?;
            let mut out = stdout();
            writeln!(
                out,
                "ok: {} events, {} actors",
                timeline.events.len(),
                timeline.actors.len()
            )?;
            out.flush()?;
            Ok(Outcome::Printed)
        }
        Some(Command::List { format }) => {
            let timeline = load::load(&input)?;
            let filter = to_filter(&timeline, &cli.filter)?;
            let events = filter.apply(&timeline);
            if events.is_empty() {
                return Ok(Outcome::NothingMatched);
            }
            print_events(&timeline, &events, format.into())
        }
        Some(Command::Show { id, format }) => {
            let timeline = load::load(&input)?;
            let found = timeline
                .find_event(&id)
                .ok_or_else(|| unknown_event(&timeline, &id))?;
            print_events(&timeline, &[found], format.into())
        }
        Some(Command::Actors { format }) => {
            let timeline = load::load(&input)?;
            print_actors(&timeline, format)
        }
        None => {
            let timeline = load::load(&input)?;
            let filter = to_filter(&timeline, &cli.filter)?;
            let select = match &cli.select {
                Some(id) => Some(
                    timeline
                        .find_event(id)
                        .ok_or_else(|| unknown_event(&timeline, id))?,
                ),
                None => None,
            };
            let options = crate::tui::Options {
                mouse: !cli.no_mouse,
                select,
            };
            let format = cli.format.unwrap_or(crate::cli::FormatArg::Text);
            crate::tui::run(timeline, filter, &options, format.into())
        }
    }
}

/// Flags that would otherwise be silently ignored are usage errors.
fn check_usage(cli: &Cli) -> Result<(), Error> {
    let Some(command) = &cli.command else {
        return Ok(());
    };
    let name = match command {
        Command::List { .. } => "list",
        Command::Show { .. } => "show",
        Command::Actors { .. } => "actors",
        Command::Check { .. } => "check",
    };
    if cli.format.is_some() {
        return Err(Error::Usage(format!(
            "put --format after '{name}': 'afghan-timeline {name} --format …'"
        )));
    }
    if cli.select.is_some() || cli.no_mouse {
        return Err(Error::Usage(format!(
            "--select and --no-mouse are for the explorer, not '{name}'"
        )));
    }
    if name != "list" && cli.filter.is_set() {
        return Err(Error::Usage(format!(
            "--actor, --all-actors, --query, --from and --to filter 'list' and the explorer, not '{name}'"
        )));
    }
    Ok(())
}

/// Stdout, buffered: `list` of a million events must not make a syscall per line.
fn stdout() -> BufWriter<io::StdoutLock<'static>> {
    BufWriter::with_capacity(64 * 1024, io::stdout().lock())
}

/// Prints events through the shared formatter.
pub fn print_events(
    timeline: &Timeline,
    events: &[crate::model::EventId],
    format: Format,
) -> Result<Outcome, Error> {
    let mut out = stdout();
    output::write_events(&mut out, timeline, events, format)?;
    out.flush()?;
    Ok(Outcome::Printed)
}

fn print_actors(timeline: &Timeline, format: ActorFormatArg) -> Result<Outcome, Error> {
    let mut counts = vec![0usize; timeline.actors.len()];
    for event in &timeline.events {
        for a in &event.actors {
            counts[a.index()] += 1;
        }
    }
    let mut out = stdout();
    match format {
        ActorFormatArg::Json => {
            for (actor, n) in timeline.actors.iter().zip(&counts) {
                output::write_json_line(&mut out, &output::actor_json(actor, *n))?;
            }
        }
        ActorFormatArg::Text => {
            let id_width = timeline
                .actors
                .iter()
                .map(|a| line(&a.id).chars().count())
                .max()
                .unwrap_or(2);
            for (actor, n) in timeline.actors.iter().zip(&counts) {
                let aliases: Vec<_> = actor.aliases.iter().map(|a| line(a).into_owned()).collect();
                let aliases = if aliases.is_empty() {
                    String::new()
                } else {
                    format!("  ({})", aliases.join(", "))
                };
                writeln!(
                    out,
                    "{:<id_width$}  {:<12}  {:>4}  {}{}",
                    line(&actor.id),
                    actor.kind.as_str(),
                    n,
                    line(&actor.name),
                    aliases
                )?;
            }
        }
    }
    out.flush()?;
    Ok(if timeline.actors.is_empty() {
        Outcome::NothingMatched
    } else {
        Outcome::Printed
    })
}

/// The filter the arguments describe, with actors resolved and dates parsed.
pub fn to_filter(timeline: &Timeline, args: &FilterArgs) -> Result<Filter, Error> {
    let mut filter = Filter::default();
    for name in &args.actor {
        let id = timeline
            .find_actor(name)
            .ok_or_else(|| unknown_actor(timeline, name))?;
        if !filter.actors.contains(&id) {
            filter.actors.push(id);
        }
    }
    filter.actor_mode = if args.all_actors {
        ActorMode::All
    } else {
        ActorMode::Any
    };
    if let Some(query) = &args.query {
        filter.set_query(query);
    }
    filter.from = args
        .from
        .as_deref()
        .map(|d| parse_flag_date("--from", d))
        .transpose()?;
    filter.to = args
        .to
        .as_deref()
        .map(|d| parse_flag_date("--to", d))
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

fn parse_flag_date(flag: &'static str, value: &str) -> Result<Date, Error> {
    value
        .parse()
        .map_err(|e: crate::model::DateError| Error::BadDate {
            flag,
            value: quote(value),
            reason: e.to_string(),
        })
}

fn unknown_actor(timeline: &Timeline, name: &str) -> Error {
    let names = timeline.actors.iter().flat_map(|a| {
        std::iter::once(a.id.as_str())
            .chain(std::iter::once(a.name.as_str()))
            .chain(a.aliases.iter().map(String::as_str))
    });
    let hint = closest(name, names)
        .map(|best| format!(" (did you mean {}?)", quote(best)))
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

fn unknown_event(timeline: &Timeline, id: &str) -> Error {
    let close = ranked(id, timeline.events.iter().map(|e| e.id.as_str()), 3);
    let hint = if close.is_empty() {
        String::new()
    } else {
        let close: Vec<_> = close.iter().map(|c| quote(c)).collect();
        format!(" (did you mean {}?)", close.join(" or "))
    };
    Error::UnknownEvent {
        id: quote(id),
        hint,
    }
}

/// Whether colour may be used on a stream: a terminal, and `NO_COLOR` unset or empty.
pub fn color_allowed(stream: &impl IsTerminal) -> bool {
    stream.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}
