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
    #[error(
        "{flag} {value} is not a date: {reason}; use YYYY, YYYY-MM or YYYY-MM-DD, sh:YYYY-MM-DD or ah:YYYY-MM-DD (a month or a year alone too), or a month and a year ('asad 1400')"
    )]
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
    /// The explorer's terminal failed; `what` names the operation (`read a key`).
    #[error("terminal: cannot {what}: {source}")]
    Terminal {
        what: &'static str,
        source: std::io::Error,
    },
    /// Writing to stdout failed.
    #[error("cannot write output: {0}")]
    Output(std::io::Error),
    /// Another I/O operation failed; `what` names it (`render the man page`).
    #[error("cannot {what}: {source}")]
    Io {
        what: &'static str,
        source: std::io::Error,
    },
    /// A change to a timeline file was refused because of `error`; the file is as it was.
    #[error("{error}{file} is unchanged")]
    Unchanged {
        error: Box<LoadError>,
        /// The file, as messages name it.
        file: String,
    },
}

impl Error {
    /// A terminal error that says which operation failed, for `map_err`.
    pub fn terminal(what: &'static str) -> impl FnOnce(std::io::Error) -> Error {
        move |source| Error::Terminal { what, source }
    }

    /// Output errors that only mean the reader went away (`list | head -1`) are not errors.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Output(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

#[cfg(test)]
mod tests {
    use std::io;

    use super::Error;

    /// Each I/O failure says which operation failed; only stdout's broken pipe is quiet.
    #[test]
    fn io_errors_name_the_operation_that_failed() {
        let e = Error::terminal("read a key")(io::Error::other("gone"));
        assert_eq!(e.to_string(), "terminal: cannot read a key: gone");
        assert!(!e.is_broken_pipe());
        let e = Error::Io {
            what: "render the man page",
            source: io::Error::other("full"),
        };
        assert_eq!(e.to_string(), "cannot render the man page: full");
        let pipe = Error::Output(io::Error::from(io::ErrorKind::BrokenPipe));
        assert!(pipe.is_broken_pipe());
        assert!(pipe.to_string().starts_with("cannot write output: "));
    }
}
