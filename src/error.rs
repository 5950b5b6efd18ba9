//! Errors that end a command, and the exit status each one means.

use crate::load::LoadError;

/// Everything that stops a command. Displayed, each is a complete message for stderr.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    Load(#[from] LoadError),
    #[error("{0}")]
    Import(#[from] crate::interop::ImportError),
    #[error("unknown actor {name}{hint}; known actors: {known}")]
    UnknownActor {
        name: String,
        hint: String,
        known: String,
    },
    #[error("unknown actor {name}: this timeline has no actors; drop '--actor'")]
    NoActors { name: String },
    #[error("no event with id {id}{hint}; 'afghan-timeline list --format id' lists them")]
    UnknownEvent { id: String, hint: String },
    #[error("{flag} {value} is not a date: {reason}; use YYYY, YYYY-MM or YYYY-MM-DD")]
    BadDate {
        flag: &'static str,
        value: String,
        reason: String,
    },
    #[error("{0}")]
    Usage(String),
    #[error("no terminal; use 'afghan-timeline list'")]
    NoTerminal,
    #[error(
        "this terminal (TERM=dumb) cannot place the cursor, which the explorer needs; use 'afghan-timeline list', or set TERM to your terminal's type"
    )]
    DumbTerminal,
    #[error("terminal: {0}")]
    Terminal(std::io::Error),
    #[error("cannot write output: {0}")]
    Output(std::io::Error),
}

impl Error {
    /// Output errors that only mean the reader went away (`list | head -1`) are not errors.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Output(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Error {
        Error::Output(e)
    }
}
