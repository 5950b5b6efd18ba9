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
//! * [`sanitize`]: keeps control sequences in file text away from the terminal; [`fold`]:
//!   case and accent folding, the one rule by which words and names match.
//! * [`tui`]: the explorer and picker (The Elm Architecture: state, actions, update, views).
//! * [`cli`] and [`command`]: the command line and what each subcommand does; [`colors`]:
//!   `NO_COLOR`, read once at start.

pub mod atomic;
pub mod authoring;
pub mod cli;
pub mod colors;
pub mod command;
pub mod complete;
pub mod editor;
pub mod error;
pub mod fold;
pub mod interop;
pub mod load;
pub mod meter;
pub mod model;
pub mod notes;
pub mod output;
pub mod query;
pub mod sanitize;
pub mod suggest;
pub mod tui;

use std::io::Write;
use std::process::ExitCode;

/// Runs a parsed command line and reports errors on stderr; returns the exit status.
/// `colors` is the one reading of `NO_COLOR`, made at start.
pub fn run(cli: cli::Cli, colors: colors::Colors) -> ExitCode {
    match command::run(cli, colors) {
        Ok(outcome) => ExitCode::from(outcome.exit_code()),
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => fail(&e, colors),
    }
}

/// Reports an error that ends the program on stderr; returns exit status 2.
pub fn fail(e: &error::Error, colors: colors::Colors) -> ExitCode {
    let message = match e {
        error::Error::Load(load::LoadError::Invalid(report)) => {
            report.render(colors.on(&std::io::stderr()))
        }
        error::Error::Load(other) => format!("{other}\n"),
        error::Error::Unchanged { error, file } => {
            let report = match error.as_ref() {
                load::LoadError::Invalid(report) => report.render(colors.on(&std::io::stderr())),
                other => format!("{other}\n"),
            };
            format!("{report}afghan-timeline: {file} is unchanged\n")
        }
        error::Error::Import(import) => format!("{import}\n"),
        other => format!("afghan-timeline: {other}\n"),
    };
    let _ = std::io::stderr().lock().write_all(message.as_bytes());
    ExitCode::from(2)
}

/// Whether standard output was closed (`>&-`) when the program started.
///
/// Rust's runtime reopens a closed standard descriptor on `/dev/null` before `main`, so
/// `list >&-` would print nothing and exit 0; output that cannot be written is an error
/// here, as `/dev/full` is. What is left to see is how the runtime opened it: `/dev/null`
/// read-write, which a shell's `>/dev/null` never does (it opens write-only), so only an
/// explicit `1<>/dev/null` is mistaken for a closed output. Linux only (`/proc`).
pub fn stdout_closed() -> bool {
    let Ok(target) = std::fs::read_link("/proc/self/fd/1") else {
        return false;
    };
    if target != std::path::Path::new("/dev/null") {
        return false;
    }
    let info = std::fs::read_to_string("/proc/self/fdinfo/1").unwrap_or_default();
    info.lines()
        .find_map(|l| l.strip_prefix("flags:"))
        .and_then(|flags| u32::from_str_radix(flags.trim(), 8).ok())
        .is_some_and(|flags| flags & 0o3 == 0o2)
}
