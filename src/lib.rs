//! afghan-timeline: a terminal explorer for timelines kept in RON files, shipped with a
//! sourced chronology of Soviet and Russian relations with Afghanistan and the Taliban.
//!
//! The crate map, from data to screen:
//!
//! * [`model`]: dates with precision, actors, eras, events; the validated [`model::Timeline`].
//! * [`load`]: bytes → raw serde shapes → validated timeline, with compiler-style diagnostics,
//!   parsed on every core; [`meter`] shows its progress on stderr.
//! * [`query`]: the filter engine (actors, words, date range), shared by the CLI and the TUI.
//! * [`output`]: the text / line / id / json / ron / markdown writers, shared the same way.
//! * [`interop`]: TimelineJS import and export, the Markdown chronology, the JSON document.
//! * [`sanitize`]: keeps control sequences in file text away from the terminal.
//! * [`tui`]: the explorer and picker (The Elm Architecture: state, actions, update, views).
//! * [`cli`] and [`command`]: the command line and what each subcommand does.

pub mod cli;
pub mod command;
pub mod complete;
pub mod error;
pub mod interop;
pub mod load;
pub mod meter;
pub mod model;
pub mod output;
pub mod query;
pub mod sanitize;
pub mod suggest;
pub mod tui;

use std::io::Write;
use std::process::ExitCode;

/// Runs a parsed command line and reports errors on stderr; returns the exit status.
pub fn run(cli: cli::Cli) -> ExitCode {
    match command::run(cli) {
        Ok(outcome) => ExitCode::from(outcome.exit_code()),
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            let message = match &e {
                error::Error::Load(load::LoadError::Invalid(report)) => {
                    report.render(command::color_allowed(&std::io::stderr()))
                }
                error::Error::Load(other) => format!("{other}\n"),
                error::Error::Import(import) => format!("{import}\n"),
                other => format!("afghan-timeline: {other}\n"),
            };
            let _ = std::io::stderr().lock().write_all(message.as_bytes());
            ExitCode::from(2)
        }
    }
}
