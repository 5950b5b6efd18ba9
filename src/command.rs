//! The subcommands: resolve arguments against the timeline, run, report what happened.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::sync::Arc;

use crate::cli::{
    ActorFormatArg, Cli, Command, ErasArg, ExportFormat, FilterArgs, GroupByArg, ImportFormat,
};
use crate::error::Error;
use crate::interop::{self, ImportError, timelinejs};
use crate::load::{self, Input, RawActorKind};
use crate::model::{Date, Timeline};
use crate::output::{self, Format};
use crate::query::{ActorMode, Filter};
use crate::sanitize::{line, quote};
use crate::suggest::{closest_score, ranked};

/// How much less an alias counts than an actor's own id or name when suggesting one.
const ALIAS_HANDICAP: f64 = 0.05;
use crate::tui::effect::Exit;

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
    // Filter flags may come before the subcommand or after it.
    let none = FilterArgs::default();
    let filter_args = cli
        .filter
        .merged(filter_after(cli.command.as_ref()).unwrap_or(&none));
    match cli.command {
        Some(Command::Check { path, .. }) => {
            let input = path.as_deref().map_or(input, Input::from_arg);
            let timeline = load_until_exit(&input)?;
            warn_all(&input.name(), &load::warnings(timeline));
            let mut out = stdout();
            writeln!(
                out,
                "ok: {} events, {} actors",
                timeline.events.len(),
                timeline.actors.len()
            )
            .map_err(Error::Output)?;
            out.flush().map_err(Error::Output)?;
            Ok(Outcome::Printed)
        }
        Some(Command::List { format, .. }) => {
            let timeline = load_until_exit(&input)?;
            let filter = to_filter(timeline, &filter_args)?;
            let events = filter.apply(timeline);
            if events.is_empty() {
                return Ok(Outcome::NothingMatched);
            }
            print_events(timeline, &events, format.into())
        }
        Some(Command::Show { id, format, .. }) => {
            let timeline = load_until_exit(&input)?;
            let found = timeline
                .find_event(&id)
                .ok_or_else(|| unknown_event(timeline, &id))?;
            print_events(timeline, &[found], format.into())
        }
        Some(Command::Actors { format, .. }) => {
            let timeline = load_until_exit(&input)?;
            print_actors(timeline, format)
        }
        Some(Command::Export { to, group_by, eras }) => export(&input, to, group_by, eras),
        Some(Command::Import {
            from: ImportFormat::TimelineJs,
            path,
            group_kind,
        }) => import(&path, group_kind.into()),
        Some(Command::Completions { shell }) => print_bytes(&crate::cli::completions(shell)),
        Some(Command::Man { page }) => man(page.as_deref()),
        None => {
            let theme = crate::tui::theme::Theme {
                color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            };
            let (timeline, session) = match crate::tui::load(&input, !cli.no_mouse, theme)? {
                crate::tui::loading::Loaded::Timeline(timeline, session) => (timeline, session),
                crate::tui::loading::Loaded::Quit if io::stdout().is_terminal() => {
                    return Ok(Outcome::Closed);
                }
                crate::tui::loading::Loaded::Quit => return Ok(Outcome::Cancelled),
            };
            let filter = to_filter(&timeline, &filter_args)?;
            let select = match &cli.select {
                Some(id) => Some(selected(&timeline, &filter, &filter_args, id)?),
                None => None,
            };
            let options = crate::tui::Options {
                mouse: !cli.no_mouse,
                select,
                pick: !io::stdout().is_terminal(),
                copy_format: cli.format.map(Into::into),
            };
            let format = cli.format.unwrap_or(crate::cli::FormatArg::Text);
            let timeline = Arc::new(timeline);
            let exit = crate::tui::run(Arc::clone(&timeline), filter, &options, session)?;
            // Never freed: the process exits next, and freeing a big timeline event by event
            // would hold the shell prompt back for seconds after quitting.
            let timeline: &Timeline = Box::leak(Box::new(timeline));
            match exit {
                Exit::Quit if options.pick => Ok(Outcome::Cancelled),
                Exit::Quit => Ok(Outcome::Closed),
                Exit::Accept(chosen) if chosen.is_empty() => Ok(Outcome::NothingMatched),
                Exit::Accept(chosen) => print_events(timeline, &chosen, format.into()),
            }
        }
    }
}

/// The event `--select` names; a usage error naming the filter when the filter hides it,
/// since the explorer would otherwise open elsewhere without a word.
fn selected(
    timeline: &Timeline,
    filter: &Filter,
    filter_args: &FilterArgs,
    id: &str,
) -> Result<crate::model::EventId, Error> {
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

/// `man [SUBCOMMAND]`: the page, or a usage error naming the pages there are.
fn man(page: Option<&str>) -> Result<Outcome, Error> {
    let rendered = crate::cli::man_page(page).map_err(|source| Error::Io {
        what: "render the man page",
        source,
    })?;
    let Some(rendered) = rendered else {
        return Err(Error::Usage(format!(
            "no man page {}; the subcommands are {}",
            quote(page.unwrap_or_default()),
            crate::cli::man_pages().join(", ")
        )));
    };
    print_bytes(&rendered)
}

/// Loads a timeline that lives until the process exits, and is never freed: a command
/// prints and exits, and freeing a million events string by string takes longer than the
/// whole `list` (the operating system reclaims the memory at once).
fn load_until_exit(input: &Input) -> Result<&'static Timeline, Error> {
    Ok(Box::leak(Box::new(crate::meter::load(input)?)))
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
        Command::Export { .. } => "export",
        Command::Import { .. } => "import",
        Command::Completions { .. } => "completions",
        Command::Man { .. } => "man",
    };
    let import = matches!(command, Command::Import { .. });
    let reads_no_timeline =
        import || matches!(command, Command::Completions { .. } | Command::Man { .. });
    if cli.file.is_some() && reads_no_timeline {
        return Err(Error::Usage(format!(
            "--file names a timeline to read; '{name}' does not read one{}",
            if import {
                " (give the file to import as its argument)"
            } else {
                ""
            }
        )));
    }
    if let (
        Some(file),
        Command::Check {
            path: Some(path), ..
        },
    ) = (&cli.file, command)
    {
        return Err(Error::Usage(format!(
            "'check' was given two files, --file {} and {}; name the file to check once",
            quote(file),
            quote(path)
        )));
    }
    let export = matches!(command, Command::Export { .. });
    if cli.format.is_some() && (export || reads_no_timeline) {
        let hint = if export { " (it takes --to)" } else { "" };
        return Err(Error::Usage(format!(
            "--format is not an option of '{name}'{hint}"
        )));
    }
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
    let after = filter_after(Some(command)).is_some_and(FilterArgs::is_set);
    let list = matches!(command, Command::List { .. });
    if !list && (cli.filter.is_set() || after) {
        return Err(Error::Usage(format!(
            "--actor, --all-actors, --query, --from and --to filter 'list' and the explorer, not '{name}'"
        )));
    }
    Ok(())
}

/// The filter flags given after the subcommand, for the subcommands that accept them
/// (`list` uses them; the others accept them only to refuse them with a message).
fn filter_after(command: Option<&Command>) -> Option<&FilterArgs> {
    match command? {
        Command::List { filter, .. }
        | Command::Show { filter, .. }
        | Command::Actors { filter, .. }
        | Command::Check { filter, .. } => Some(filter),
        _ => None,
    }
}

/// `export --to …`: the whole timeline in another format, with warnings on stderr for
/// what the format cannot show.
fn export(
    input: &Input,
    to: ExportFormat,
    group_by: Option<GroupByArg>,
    eras: Option<ErasArg>,
) -> Result<Outcome, Error> {
    if to != ExportFormat::TimelineJs && (group_by.is_some() || eras.is_some()) {
        return Err(Error::Usage(
            "--group-by and --eras are options of '--to timelinejs' only".to_owned(),
        ));
    }
    let options = timelinejs::ExportOptions {
        group_by: group_by.map(Into::into).unwrap_or_default(),
        eras: eras.map(Into::into).unwrap_or_default(),
    };
    let timeline = crate::meter::load(input)?;
    let mut out = stdout();
    match to {
        ExportFormat::TimelineJs => {
            let exported = timelinejs::export(&timeline, options);
            warn_all(&input.name(), &exported.warnings);
            output::write_json_line(&mut out, &exported.document).map_err(Error::Output)?;
        }
        ExportFormat::Json => {
            output::write_json_line(&mut out, &interop::document::timeline_json(&timeline))
                .map_err(Error::Output)?;
        }
        ExportFormat::Markdown => {
            interop::markdown::write(&mut out, &timeline).map_err(Error::Output)?;
        }
    }
    out.flush().map_err(Error::Output)?;
    Ok(Outcome::Printed)
}

/// `import --from timelinejs PATH`: a timeline file on stdout, warnings on stderr.
fn import(path: &str, group_kind: RawActorKind) -> Result<Outcome, Error> {
    let input = Input::from_arg(path);
    let name = input.name();
    let bytes = interop::read_input(&input)?;
    let options = timelinejs::ImportOptions {
        name: name.clone(),
        group_kind,
    };
    let imported = timelinejs::import(&bytes, &options)?;
    let text = timelinejs::to_ron(&imported.timeline, &name);
    // The import promises a file that 'check' accepts. Checking costs little, and a bug
    // then surfaces here instead of in the user's file.
    if let Err(e) = load::parse(&text, "the imported timeline") {
        return Err(ImportError::Invalid {
            name,
            report: e.to_string(),
        }
        .into());
    }
    warn_all(&name, &imported.warnings);
    print_bytes(text.as_bytes())
}

/// Warnings on stderr, one line each, sanitized: they quote file text.
fn warn_all(name: &str, warnings: &[String]) {
    let mut err = io::stderr().lock();
    for warning in warnings {
        let _ = writeln!(err, "afghan-timeline: warning: {name}: {}", line(warning));
    }
}

fn print_bytes(bytes: &[u8]) -> Result<Outcome, Error> {
    let mut out = stdout();
    out.write_all(bytes).map_err(Error::Output)?;
    out.flush().map_err(Error::Output)?;
    Ok(Outcome::Printed)
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
    output::write_events(&mut out, timeline, events, format).map_err(Error::Output)?;
    out.flush().map_err(Error::Output)?;
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
                output::write_json_line(&mut out, &output::actor_json(actor, *n))
                    .map_err(Error::Output)?;
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
                )
                .map_err(Error::Output)?;
            }
        }
    }
    out.flush().map_err(Error::Output)?;
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
