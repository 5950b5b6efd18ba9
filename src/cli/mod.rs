//! The command line, as clap sees it. Converted once into domain types by `command`;
//! nothing else in the crate imports clap. The completion scripts and the man page are
//! generated here too, since they are made from the clap definition itself.

use std::io;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueHint};
pub use clap_complete::Shell;
use clap_complete::engine::ArgValueCompleter;

mod values;

pub use values::{
    ActorFormatArg, CalendarArg, ErasArg, ExportFormat, FormatArg, GroupByArg, HijriArg,
    ImportFormat, KindArg, LangArg,
};

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
    #[command(flatten)]
    pub source: Source,

    #[command(flatten)]
    pub filter: FilterArgs,

    /// Start the explorer on this event id
    #[arg(long, value_name = "ID", value_hint = ValueHint::Other, add = ArgValueCompleter::new(crate::complete::event_ids))]
    pub select: Option<String>,

    /// Format of the chosen events in pick mode [default: text]
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,

    /// Do not capture the mouse (keeps the terminal's own text selection)
    #[arg(long)]
    pub no_mouse: bool,

    /// Start clean: not where you left this timeline last time, nothing marked
    #[arg(long)]
    pub fresh: bool,
    #[command(flatten)]
    pub dates: DateArgs,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the events that match a filter, in date order
    List {
        #[command(flatten)]
        source: Source,
        #[command(flatten)]
        filter: FilterArgs,
        /// Only the events you starred in the explorer (*)
        #[arg(long)]
        starred: bool,
        /// Only the events you wrote a note on in the explorer (N)
        #[arg(long)]
        noted: bool,
        /// Output format
        #[arg(long, value_enum, default_value_t = FormatArg::Text)]
        format: FormatArg,
    },
    /// Print one event, and your note on it
    Show {
        /// The event's id (see 'list --format id')
        #[arg(value_hint = ValueHint::Other, add = ArgValueCompleter::new(crate::complete::event_ids))]
        id: String,
        #[command(flatten)]
        source: Source,
        /// Output format
        #[arg(long, value_enum, default_value_t = FormatArg::Text)]
        format: FormatArg,
    },
    /// Print the actors with their kinds, aliases and number of events
    Actors {
        #[command(flatten)]
        source: Source,
        /// Output format
        #[arg(long, value_enum, default_value_t = ActorFormatArg::Text)]
        format: ActorFormatArg,
    },
    /// Validate a timeline file and report every problem in it
    Check {
        /// The file to check (default: --file, else the built-in timeline)
        path: Option<String>,
        #[command(flatten)]
        source: Source,
    },
    /// Write the timeline, or the events a filter selects, for another tool: TimelineJS, a
    /// Markdown chronology, JSON, a timeline file (RON), or a picture of the time view (SVG)
    // `--to` is the format here, as it always was; the date range ends with `--until`.
    #[command(mut_arg("until", |a| a.long("until").visible_alias(None)))]
    Export {
        #[command(flatten)]
        source: Source,
        #[command(flatten)]
        filter: FilterArgs,
        /// The format to write to stdout
        #[arg(long, value_enum, value_name = "FORMAT")]
        to: ExportFormat,
        /// TimelineJS and CSV: what the slides' groups (rows of the navigation) are
        /// [default: actor for a timeline imported from TimelineJS groups, else none]
        #[arg(long, value_enum, value_name = "BY")]
        group_by: Option<GroupByArg>,
        /// TimelineJS and CSV: which eras go into its single era band [default: cover]
        #[arg(long, value_enum, value_name = "WHICH")]
        eras: Option<ErasArg>,
        /// TimelineJS and CSV: only this era in the band (its id; repeat for more)
        #[arg(long = "era", value_name = "ID")]
        era: Vec<String>,
        /// SVG only: the picture's width in pixels [default: 1600]
        #[arg(long, value_name = "PX", value_parser = clap::value_parser!(u32).range(320..=100_000))]
        width: Option<u32>,
    },
    /// Add one event to a timeline file, in date order, keeping every other byte of it
    ///
    /// The event is read from standard input, in the file's own RON shape; with a terminal
    /// there, your editor opens on a template instead. It is checked against the whole
    /// timeline first: on any problem the file is left as it was.
    Add {
        #[command(flatten)]
        source: Source,
    },
    /// Write a small valid timeline to start from (one actor, one event, with comments)
    New {
        /// The file to create; an existing file is never replaced
        path: String,
        /// The timeline's title
        #[arg(long, default_value = "My timeline")]
        title: String,
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

/// The command line as parsed and documented: the clap definition itself.
pub fn command() -> clap::Command {
    Cli::command()
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
    refuse_misplaced(&cmd, &matches)?;
    Cli::from_arg_matches(&matches).map_err(|e| e.format(&mut cmd))
}

/// Options before a subcommand are the explorer's. A subcommand takes those of a group
/// that it flattens too (`Source`'s `--file`; `FilterArgs` before `list`), merged with its
/// own; any other is refused, saying where it belongs. Read from clap's definition, so no
/// list of flags is kept by hand; after the subcommand, clap itself refuses what it lacks.
fn refuse_misplaced(cmd: &clap::Command, matches: &clap::ArgMatches) -> Result<(), clap::Error> {
    let Some((name, _)) = matches.subcommand() else {
        return Ok(());
    };
    let Some(sub) = cmd.find_subcommand(name) else {
        return Ok(());
    };
    let shared: Vec<&clap::Id> = cmd
        .get_groups()
        .filter(|g| sub.get_groups().any(|s| s.get_id() == g.get_id()))
        .flat_map(clap::ArgGroup::get_args)
        .collect();
    for arg in cmd.get_arguments() {
        let id = arg.get_id();
        let given =
            matches.value_source(id.as_str()) == Some(clap::parser::ValueSource::CommandLine);
        if !given || shared.contains(&id) || arg.is_global_set() {
            continue;
        }
        let flag = format!("--{}", arg.get_long().unwrap_or(id.as_str()));
        // The subcommand's own option of that name, taking the same values: the reader
        // meant it for the subcommand.
        let same = sub.get_arguments().any(|a| {
            a.get_id() == id
                && a.get_value_names() == arg.get_value_names()
                && a.get_possible_values() == arg.get_possible_values()
        });
        let message = if same {
            format!("put {flag} after '{name}': 'afghan-timeline {name} {flag} …'")
        } else {
            format!(
                "{flag} is not an option of '{name}' (before a subcommand it is the explorer's)"
            )
        };
        return Err(cmd
            .clone()
            .error(clap::error::ErrorKind::ArgumentConflict, message));
    }
    Ok(())
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

/// How dates are shown: global, so before or after any subcommand.
#[derive(Debug, Default, Args)]
pub struct DateArgs {
    /// Show dates in this calendar beside the Gregorian [default: gregorian]
    #[arg(
        long,
        value_enum,
        global = true,
        value_name = "CALENDAR",
        ignore_case = true
    )]
    pub calendar: Option<CalendarArg>,

    /// Which lunar Hijri calendar [default: umm-al-qura]
    #[arg(
        long,
        value_enum,
        global = true,
        value_name = "VARIANT",
        ignore_case = true
    )]
    pub hijri: Option<HijriArg>,

    /// The language of the converted dates' months and digits [default: en]
    #[arg(
        long,
        value_enum,
        global = true,
        value_name = "LANG",
        ignore_case = true
    )]
    pub lang: Option<LangArg>,
}

/// The timeline to read: the explorer's, and that of each subcommand that reads one (not
/// `import`, `completions` or `man`, where clap refuses it). Before `list` or `show` it is
/// the subcommand's too.
#[derive(Debug, Default, Args)]
pub struct Source {
    /// Read this timeline file instead of the built-in one ('-' reads standard input)
    #[arg(long, value_name = "PATH")]
    pub file: Option<String>,
}

/// Which events to show; shared by `list` and the explorer, and accepted before `list`
/// too (merged with those after it). Elsewhere clap refuses them: the subcommands that
/// take no filter do not flatten this.
#[derive(Debug, Default, Args)]
pub struct FilterArgs {
    /// Only events with this actor (id, name or alias, any case); repeat for several
    #[arg(long, value_name = "ACTOR", value_hint = ValueHint::Other, add = ArgValueCompleter::new(crate::complete::actors))]
    pub actor: Vec<String>,

    /// With several --actor, require all of them instead of any
    #[arg(long)]
    pub all_actors: bool,

    /// With --actor: only events whose actors are exactly the given ones, no more, no fewer
    #[arg(long)]
    pub exact_actors: bool,

    /// Leave out every event naming this actor (id, name or alias); repeat for several
    #[arg(long, value_name = "ACTOR", value_hint = ValueHint::Other, add = ArgValueCompleter::new(crate::complete::actors))]
    pub exclude_actor: Vec<String>,

    /// Only events with this tag (any case); repeat for several, an event with any of them
    #[arg(long, value_name = "TAG", value_hint = ValueHint::Other, add = ArgValueCompleter::new(crate::complete::tags))]
    pub tag: Vec<String>,

    /// Only the events whose ids this file lists, one a line ('-' reads standard input)
    #[arg(long, value_name = "FILE")]
    pub ids: Option<String>,

    /// Only events containing all of these words (title, summary, detail, tags, location, actors)
    // A query may begin with a hyphen: `-9999` is a date word, the year 9999 BCE.
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub query: Option<String>,

    /// Only events that overlap this date or later (YYYY, YYYY-MM or YYYY-MM-DD; -YYYY or
    /// 44 BCE before the common era; sh:YYYY-MM-DD, ah:YYYY-MM-DD, 'asad 1400')
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub from: Option<String>,

    /// Only events that overlap this date or earlier (same forms as --from); --until in
    /// 'export', whose --to is the format
    // Its id is `until`, so that `export` can rename it: there `--to` names the format.
    #[arg(
        id = "until",
        long = "to",
        visible_alias = "until",
        value_name = "DATE",
        allow_hyphen_values = true
    )]
    pub to: Option<String>,
}

impl FilterArgs {
    /// These flags, with those given after the subcommand added to those before it.
    #[must_use]
    pub fn merged(&self, after: &FilterArgs) -> FilterArgs {
        FilterArgs {
            actor: self.actor.iter().chain(&after.actor).cloned().collect(),
            all_actors: self.all_actors || after.all_actors,
            exact_actors: self.exact_actors || after.exact_actors,
            exclude_actor: (self.exclude_actor.iter())
                .chain(&after.exclude_actor)
                .cloned()
                .collect(),
            tag: self.tag.iter().chain(&after.tag).cloned().collect(),
            ids: after.ids.clone().or_else(|| self.ids.clone()),
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
        if self.exact_actors {
            out.push("--exact-actors".to_owned());
        }
        out.extend(
            self.exclude_actor
                .iter()
                .map(|a| format!("--exclude-actor {a}")),
        );
        out.extend(self.tag.iter().map(|t| format!("--tag {t}")));
        for (flag, value) in [
            ("--query", &self.query),
            ("--from", &self.from),
            ("--to", &self.to),
            ("--ids", &self.ids),
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
            || self.exact_actors
            || !self.exclude_actor.is_empty()
            || !self.tag.is_empty()
            || self.ids.is_some()
            || self.query.is_some()
            || self.from.is_some()
            || self.to.is_some()
    }
}
