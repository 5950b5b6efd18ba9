//! The command line, as clap sees it. Converted once into domain types by `command`;
//! nothing else in the crate imports clap. The completion scripts and the man page are
//! generated here too, since they are made from the clap definition itself.

use std::io;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
pub use clap_complete::Shell;
use clap_complete::engine::ArgValueCompleter;

use crate::interop::timelinejs::{EraSelection, GroupBy};
use crate::load::RawActorKind;
use crate::output::Format;

/// A terminal explorer of the history of Soviet and Russian relations with Afghanistan and
/// the Taliban, or of any timeline file in the same format.
///
/// With no command it opens the full-screen explorer. When stdout is not a terminal it is a
/// picker: choose an event with the keyboard and it is printed to stdout.
#[derive(Debug, Parser)]
#[command(name = "afghan-timeline", version, max_term_width = 100)]
#[command(
    after_help = "Exit status: 0 when something was printed, 1 when a filter matched nothing, \
2 on bad input or usage, 130 when the picker was left without choosing."
)]
pub struct Cli {
    /// Read this timeline file instead of the built-in one ('-' reads standard input)
    #[arg(long, global = true, value_name = "PATH")]
    pub file: Option<String>,

    #[command(flatten)]
    pub filter: FilterArgs,

    /// Start the explorer on this event id
    #[arg(long, value_name = "ID", add = ArgValueCompleter::new(crate::complete::event_ids))]
    pub select: Option<String>,

    /// Format of the chosen events in pick mode [default: text]
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,

    /// Do not capture the mouse (keeps the terminal's own text selection)
    #[arg(long)]
    pub no_mouse: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the events that match a filter, in date order
    List {
        #[command(flatten)]
        filter: FilterArgs,
        /// Output format
        #[arg(long, value_enum, default_value_t = FormatArg::Text)]
        format: FormatArg,
    },
    /// Print one event
    Show {
        /// The event's id (see 'list --format id')
        #[arg(add = ArgValueCompleter::new(crate::complete::event_ids))]
        id: String,
        #[command(flatten)]
        filter: FilterArgs,
        /// Output format
        #[arg(long, value_enum, default_value_t = FormatArg::Text)]
        format: FormatArg,
    },
    /// Print the actors with their kinds, aliases and number of events
    Actors {
        #[command(flatten)]
        filter: FilterArgs,
        /// Output format
        #[arg(long, value_enum, default_value_t = ActorFormatArg::Text)]
        format: ActorFormatArg,
    },
    /// Validate a timeline file and report every problem in it
    Check {
        /// The file to check (default: --file, else the built-in timeline)
        path: Option<String>,
        #[command(flatten)]
        filter: FilterArgs,
    },
    /// Write the whole timeline for another tool: TimelineJS, a Markdown chronology, JSON
    Export {
        /// The format to write to stdout
        #[arg(long, value_enum, value_name = "FORMAT")]
        to: ExportFormat,
        /// TimelineJS only: what the slides' groups (rows of the navigation) are [default: none]
        #[arg(long, value_enum, value_name = "BY")]
        group_by: Option<GroupByArg>,
        /// TimelineJS only: which eras go into its single era band [default: all]
        #[arg(long, value_enum, value_name = "WHICH")]
        eras: Option<ErasArg>,
    },
    /// Convert a TimelineJS JSON file into a timeline file (RON), written to stdout
    Import {
        /// The format of the file
        #[arg(long, value_enum, value_name = "FORMAT")]
        from: ImportFormat,
        /// The file to convert ('-' reads standard input)
        path: String,
        /// The kind of the actors made from TimelineJS groups
        #[arg(long, value_enum, value_name = "KIND", default_value_t = KindArg::Group, ignore_case = true)]
        group_kind: KindArg,
    },
    /// Print a shell completion script (docs/cli.md says where to put it)
    Completions {
        /// The shell to complete in
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Print the manual page (roff; 'afghan-timeline man | man -l -' shows it)
    Man {
        /// A subcommand's own page instead (afghan-timeline-list(1): 'man list')
        #[arg(value_name = "SUBCOMMAND")]
        page: Option<String>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// TimelineJS JSON, to publish on the web
    #[value(name = "timelinejs")]
    TimelineJs,
    /// A chronology with a heading per era and sources as footnotes
    Markdown,
    /// The whole timeline as one JSON document
    Json,
}

/// What TimelineJS groups slides by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum GroupByArg {
    /// No groups: one row for every slide (lays out at any embed height)
    None,
    /// The first actor, for the actors with the most events that fit; the rest share a row
    Actor,
    /// The first actor's kind (State, Organization, Group, Person)
    Kind,
    /// The era the event starts in
    Era,
}

impl From<GroupByArg> for GroupBy {
    fn from(by: GroupByArg) -> GroupBy {
        match by {
            GroupByArg::None => GroupBy::None,
            GroupByArg::Actor => GroupBy::Actor,
            GroupByArg::Kind => GroupBy::Kind,
            GroupByArg::Era => GroupBy::Era,
        }
    }
}

/// Which eras TimelineJS's era band shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ErasArg {
    /// Every era, with a warning naming the overlapping pairs
    All,
    /// Only eras that overlap none before them in the file
    Disjoint,
}

impl From<ErasArg> for EraSelection {
    fn from(eras: ErasArg) -> EraSelection {
        match eras {
            ErasArg::All => EraSelection::All,
            ErasArg::Disjoint => EraSelection::Disjoint,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ImportFormat {
    /// TimelineJS JSON, as its documentation describes it
    #[value(name = "timelinejs")]
    TimelineJs,
}

/// An actor kind, as a flag value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    State,
    Organization,
    Group,
    Person,
}

impl From<KindArg> for RawActorKind {
    fn from(kind: KindArg) -> RawActorKind {
        match kind {
            KindArg::State => RawActorKind::State,
            KindArg::Organization => RawActorKind::Organization,
            KindArg::Group => RawActorKind::Group,
            KindArg::Person => RawActorKind::Person,
        }
    }
}

/// The command line as parsed and documented: the clap definition, with the flags a
/// subcommand accepts only to refuse them (the filter flags after `show`, `actors` and
/// `check`, the global `--file` for the subcommands that read no timeline) hidden from
/// its help, completions and man page, so that each lists only what works there.
pub fn command() -> clap::Command {
    let mut cmd = Cli::command();
    for name in ["show", "actors", "check"] {
        cmd = cmd.mut_subcommand(name, |sub| {
            ["actor", "all_actors", "query", "from", "to"]
                .into_iter()
                .fold(sub, |sub, flag| sub.mut_arg(flag, |a| a.hide(true)))
        });
    }
    // clap copies a global flag into each subcommand that has none of its own: a hidden
    // copy of it takes its place there (its value still reaches `Cli::file`).
    let file = cmd
        .get_arguments()
        .find(|a| a.get_id() == "file")
        .cloned()
        .map(|a| a.hide(true));
    for name in ["import", "completions", "man"] {
        if let Some(file) = file.clone() {
            cmd = cmd.mut_subcommand(name, |sub| sub.arg(file));
        }
    }
    cmd
}

/// Parses these arguments (the program's name first) with [`command`].
///
/// # Errors
/// clap's usage error, or its help or version text to print.
pub fn parse_from<I, T>(args: I) -> Result<Cli, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let mut cmd = command();
    let matches = cmd.try_get_matches_from_mut(args)?;
    Cli::from_arg_matches(&matches).map_err(|e| e.format(&mut cmd))
}

/// The completion script for `shell`. Generated into memory first: `clap_complete` panics
/// when its writer fails, and stdout may be a closed pipe.
pub fn completions(shell: Shell) -> Vec<u8> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command(), "afghan-timeline", &mut script);
    script
}

/// The man page, in roff: the program's own, with a KEYS section generated from the
/// explorer's keymap, or the page of one subcommand (`afghan-timeline-list(1)`, which the
/// program's page names). `Ok(None)`: there is no such subcommand.
pub fn man_page(page: Option<&str>) -> io::Result<Option<Vec<u8>>> {
    let mut cmd = command();
    // Built, so that the subcommands' pages list the global flags they accept.
    cmd.build();
    let mut out = Vec::new();
    match page {
        None => {
            clap_mangen::Man::new(cmd).render(&mut out)?;
            out.extend_from_slice(crate::tui::keydoc::roff_section().as_bytes());
        }
        Some(name) => {
            let Some(sub) = cmd.get_subcommands().find(|s| s.get_name() == name) else {
                return Ok(None);
            };
            let sub = sub
                .clone()
                .display_name(format!("afghan-timeline-{name}"))
                .bin_name(format!("afghan-timeline {name}"));
            clap_mangen::Man::new(sub).render(&mut out)?;
        }
    }
    Ok(Some(out))
}

/// The subcommands that have a man page, for the message when another is asked for.
pub fn man_pages() -> Vec<String> {
    let mut cmd = command();
    cmd.build();
    cmd.get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect()
}

/// Which events to show; shared by `list` and the explorer. Accepted before any
/// subcommand and after `list`, `show`, `actors` and `check`, so the flags may stand before
/// or after `list`, and elsewhere are refused with a word on where they belong rather
/// than ignored. Not global: `export --to` and `import --from` are other flags.
#[derive(Debug, Default, Args)]
pub struct FilterArgs {
    /// Only events with this actor (id, name or alias, any case); repeat for several
    #[arg(long, value_name = "ACTOR", add = ArgValueCompleter::new(crate::complete::actors))]
    pub actor: Vec<String>,

    /// With several --actor, require all of them instead of any
    #[arg(long)]
    pub all_actors: bool,

    /// Only events containing all of these words (title, summary, detail, tags, location, actors)
    #[arg(long, value_name = "TEXT")]
    pub query: Option<String>,

    /// Only events that overlap this date or later (YYYY, YYYY-MM or YYYY-MM-DD; -YYYY BCE)
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub from: Option<String>,

    /// Only events that overlap this date or earlier (YYYY, YYYY-MM or YYYY-MM-DD; -YYYY BCE)
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub to: Option<String>,
}

impl FilterArgs {
    /// These flags, with those given after the subcommand added to those before it.
    #[must_use]
    pub fn merged(&self, after: &FilterArgs) -> FilterArgs {
        FilterArgs {
            actor: self.actor.iter().chain(&after.actor).cloned().collect(),
            all_actors: self.all_actors || after.all_actors,
            query: after.query.clone().or_else(|| self.query.clone()),
            from: after.from.clone().or_else(|| self.from.clone()),
            to: after.to.clone().or_else(|| self.to.clone()),
        }
    }

    /// The filter flags given, as typed: `--from 1990 --actor ussr`.
    #[must_use]
    pub fn given(&self) -> String {
        let mut out: Vec<String> = self.actor.iter().map(|a| format!("--actor {a}")).collect();
        if self.all_actors {
            out.push("--all-actors".to_owned());
        }
        for (flag, value) in [
            ("--query", &self.query),
            ("--from", &self.from),
            ("--to", &self.to),
        ] {
            if let Some(v) = value {
                out.push(format!("{flag} {v}"));
            }
        }
        out.join(" ")
    }

    /// Whether any filter flag was given.
    pub fn is_set(&self) -> bool {
        !self.actor.is_empty()
            || self.all_actors
            || self.query.is_some()
            || self.from.is_some()
            || self.to.is_some()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// A readable block per event
    Text,
    /// DATE<TAB>ACTORS<TAB>TITLE
    Line,
    /// Event ids only
    Id,
    /// JSON Lines, one object per event
    Json,
    /// As in a timeline file
    Ron,
    /// A Markdown section per event
    Markdown,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ActorFormatArg {
    Text,
    Json,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Text => Format::Text,
            FormatArg::Line => Format::Line,
            FormatArg::Id => Format::Id,
            FormatArg::Json => Format::Json,
            FormatArg::Ron => Format::Ron,
            FormatArg::Markdown => Format::Markdown,
        }
    }
}
