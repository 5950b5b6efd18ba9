//! The command line, as clap sees it. Converted once into domain types by `command`;
//! nothing else in the crate imports clap.

use clap::{Args, Parser, Subcommand, ValueEnum};

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
    #[arg(long, value_name = "ID")]
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
        /// Output format
        #[arg(long, value_enum, default_value_t = FormatArg::Text)]
        format: FormatArg,
    },
    /// Print one event
    Show {
        /// The event's id (see 'list --format id')
        id: String,
        /// Output format
        #[arg(long, value_enum, default_value_t = FormatArg::Text)]
        format: FormatArg,
    },
    /// Print the actors with their kinds, aliases and number of events
    Actors {
        /// Output format
        #[arg(long, value_enum, default_value_t = ActorFormatArg::Text)]
        format: ActorFormatArg,
    },
    /// Validate a timeline file and report every problem in it
    Check {
        /// The file to check (default: --file, else the built-in timeline)
        path: Option<String>,
    },
}

/// Which events to show; shared by `list` and the explorer. Global, so the flags may stand
/// before or after `list`; the other subcommands refuse them rather than ignore them.
#[derive(Debug, Default, Args)]
pub struct FilterArgs {
    /// Only events with this actor (id, name or alias, any case); repeat for several
    #[arg(long, global = true, value_name = "ACTOR")]
    pub actor: Vec<String>,

    /// With several --actor, require all of them instead of any
    #[arg(long, global = true)]
    pub all_actors: bool,

    /// Only events containing all of these words (title, summary, detail, tags, location, actors)
    #[arg(long, global = true, value_name = "TEXT")]
    pub query: Option<String>,

    /// Only events that overlap this date or later (YYYY, YYYY-MM or YYYY-MM-DD)
    #[arg(long, global = true, value_name = "DATE")]
    pub from: Option<String>,

    /// Only events that overlap this date or earlier (YYYY, YYYY-MM or YYYY-MM-DD)
    #[arg(long, global = true, value_name = "DATE")]
    pub to: Option<String>,
}

impl FilterArgs {
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
