//! The full-screen explorer (placeholder until the TUI lands).

use crate::command::Outcome;
use crate::error::Error;
use crate::model::{EventId, Timeline};
use crate::output::Format;
use crate::query::Filter;

/// Start-up options of the explorer.
#[derive(Clone, Debug, Default)]
pub struct Options {
    pub mouse: bool,
    pub select: Option<EventId>,
}

pub fn run(
    _timeline: Timeline,
    _filter: Filter,
    _options: &Options,
    _format: Format,
) -> Result<Outcome, Error> {
    Err(Error::NoTerminal)
}
