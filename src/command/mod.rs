//! The command layer, kept thin: each subcommand loads what it reads, hands the work to the
//! library (the filter engine, the formatters, the explorer) and reports how it ended.
//! Arguments become domain values in [`args`]; `export` and `import` are in [`export`].

mod args;
mod author;
mod export;

use std::io::{self, BufWriter, IsTerminal, Write};

use crate::cli::{Cli, Command, FormatArg};
use crate::colors::Colors;
use crate::error::Error;
use crate::load::{self, Input};
use crate::model::calendar::DateStyle;
use crate::model::{EventId, Timeline};
use crate::notes::Store;
use crate::output::{self, Format};
use crate::sanitize::{line, quote};
use crate::tui::{self, Explored};

pub use args::{to_filter, to_filter_in};

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

/// Runs the parsed command line; `colors` is what `NO_COLOR` said at start.
pub fn run(cli: Cli, colors: Colors) -> Result<Outcome, Error> {
    let input = args::input(&cli)?;
    let filter_args = args::filter_args(&cli);
    if filter_args.ids.as_deref() == Some("-") && matches!(input, Input::Stdin) {
        return Err(Error::Usage(
            "--file - and --ids - both read standard input; give one of them a file".to_owned(),
        ));
    }
    let style = args::date_style(&cli);
    match cli.command {
        Some(Command::Check { .. }) => check(&input),
        Some(Command::List {
            format,
            starred,
            noted,
            ..
        }) => {
            let timeline = load_until_exit(&input)?;
            let mut events = to_filter_in(timeline, &filter_args, style.hijri)?.apply(timeline);
            if starred || noted {
                let saved = saved(&input)?;
                events.retain(|id| {
                    saved
                        .entry(&timeline.event(*id).id)
                        .is_some_and(|e| (!starred || e.star) && (!noted || e.note.is_some()))
                });
            }
            if events.is_empty() {
                // A person at a terminal sees an empty answer as a failure to run; a script
                // reads the exit status, and its stderr stays quiet.
                if io::stderr().is_terminal() {
                    let _ = writeln!(
                        io::stderr().lock(),
                        "afghan-timeline: no event matches the filter; the timeline has {} events",
                        timeline.events.len()
                    );
                }
                return Ok(Outcome::NothingMatched);
            }
            print_events(timeline, &events, format.into(), style)
        }
        Some(Command::Show { id, format, .. }) => {
            let timeline = load_until_exit(&input)?;
            let found = timeline
                .find_event(&id)
                .ok_or_else(|| args::unknown_event(timeline, &id))?;
            print_events(timeline, &[found], format.into(), style)?;
            // The note is the reader's own, never the timeline's: after the event, in
            // the human formats only, so a machine format stays what it promises.
            let note = Store::for_input(&input)
                .and_then(|store| store.load().ok())
                .and_then(|saved| saved.entry(&id).and_then(|e| e.note.clone()));
            if let (Some(note), FormatArg::Text | FormatArg::Markdown) = (note, format) {
                let heading = if format == FormatArg::Markdown {
                    "**Note**"
                } else {
                    "Note:"
                };
                let mut out = stdout();
                writeln!(
                    out,
                    "\n{heading}\n{}",
                    crate::sanitize::clean(&note, crate::sanitize::Lines::Keep)
                )
                .and_then(|()| out.flush())
                .map_err(Error::Output)?;
            }
            Ok(Outcome::Printed)
        }
        Some(Command::Actors { format, .. }) => {
            let timeline = load_until_exit(&input)?;
            let mut out = stdout();
            output::write_actors(&mut out, timeline, format.into())
                .and_then(|()| out.flush())
                .map_err(Error::Output)?;
            Ok(if timeline.actors.is_empty() {
                Outcome::NothingMatched
            } else {
                Outcome::Printed
            })
        }
        Some(Command::Export {
            to,
            group_by,
            eras,
            era,
            width,
            ..
        }) => {
            let options = (group_by, eras, era.as_slice(), width);
            export::run(&input, &filter_args, to, options, style)
        }
        Some(Command::Import {
            from,
            path,
            group_kind,
        }) => export::import(from, &path, group_kind.into()),
        Some(Command::Add { .. }) => author::add(&input),
        Some(Command::New { path, title }) => author::new(&path, &title),
        Some(Command::Completions { shell }) => print_bytes(&crate::cli::completions(shell)),
        Some(Command::Man { page }) => man(page.as_deref()),
        None => explore(&input, &cli, &filter_args, colors, style),
    }
}

/// The reader's stars and notes for this timeline; an unreadable store is an error here,
/// where the reader asked for them.
fn saved(input: &Input) -> Result<crate::notes::Saved, Error> {
    let Some(store) = Store::for_input(input) else {
        return Err(Error::Usage(
            "stars and notes are kept per timeline file; standard input has none".to_owned(),
        ));
    };
    store.load().map_err(Error::Usage)
}

/// `check`: every problem, or `ok` with the counts.
fn check(input: &Input) -> Result<Outcome, Error> {
    let timeline = load_until_exit(input)?;
    warn_all(&input.name(), &load::warnings(timeline));
    let mut out = stdout();
    writeln!(
        out,
        "ok: {} events, {} actors",
        timeline.events.len(),
        timeline.actors.len()
    )
    .and_then(|()| out.flush())
    .map_err(Error::Output)?;
    Ok(Outcome::Printed)
}

/// No subcommand: the explorer, or the picker when stdout is not a terminal; what was
/// chosen is printed after the terminal is given back.
fn explore(
    input: &Input,
    cli: &Cli,
    filter_args: &crate::cli::FilterArgs,
    colors: Colors,
    style: DateStyle,
) -> Result<Outcome, Error> {
    let pick = !io::stdout().is_terminal();
    let options = tui::Options {
        mouse: !cli.no_mouse,
        select: None,
        pick,
        copy_format: cli.format.map(Into::into),
        theme: tui::theme::Theme {
            color: colors.wanted(),
        },
        fresh: cli.fresh,
        dates: style,
    };
    let explored = tui::explore(input, options, Store::for_input(input), |timeline| {
        let filter = to_filter_in(timeline, filter_args, style.hijri)?;
        let select = cli
            .select
            .as_deref()
            .map(|id| args::selected(timeline, &filter, filter_args, id))
            .transpose()?;
        Ok((filter, select))
    })?;
    match explored {
        Explored::Quit if pick => Ok(Outcome::Cancelled),
        Explored::Quit => Ok(Outcome::Closed),
        Explored::Chose(_, chosen) if chosen.is_empty() => Ok(Outcome::NothingMatched),
        Explored::Chose(timeline, chosen) => {
            let format = cli.format.unwrap_or(FormatArg::Text);
            print_events(timeline, &chosen, format.into(), style)
        }
    }
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

/// Warnings on stderr, one line each, sanitized: they quote file text.
fn warn_all(name: &str, warnings: &[String]) {
    let mut err = io::stderr().lock();
    for warning in warnings {
        let _ = writeln!(err, "afghan-timeline: warning: {name}: {}", line(warning));
    }
}

/// Warnings about `name`, in order; one that begins with its own place in it (a sheet's
/// row: `sheet.csv:12: …`) is not prefixed with the name again.
fn warn_placed(name: &str, warnings: &[String]) {
    let mut err = io::stderr().lock();
    let placed = format!("{name}:");
    for warning in warnings {
        if warning.starts_with(&placed) {
            let _ = writeln!(err, "afghan-timeline: warning: {}", line(warning));
        } else {
            let _ = writeln!(err, "afghan-timeline: warning: {name}: {}", line(warning));
        }
    }
}

fn print_bytes(bytes: &[u8]) -> Result<Outcome, Error> {
    let mut out = stdout();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(Error::Output)?;
    Ok(Outcome::Printed)
}

/// Stdout, buffered: `list` of a million events must not make a syscall per line.
fn stdout() -> BufWriter<io::StdoutLock<'static>> {
    BufWriter::with_capacity(64 * 1024, io::stdout().lock())
}

/// Prints events through the shared formatter, dates in the style's calendar.
fn print_events(
    timeline: &Timeline,
    events: &[EventId],
    format: Format,
    style: DateStyle,
) -> Result<Outcome, Error> {
    let mut out = stdout();
    output::write_events_in(&mut out, timeline, events, format, style)
        .and_then(|()| out.flush())
        .map_err(Error::Output)?;
    Ok(Outcome::Printed)
}
