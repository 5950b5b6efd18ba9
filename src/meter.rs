//! A progress line on stderr while `check`, `list` and the other commands load a large
//! timeline: `big.ron: parsing 45%`, rewritten in place and erased when the load ends.
//!
//! Only when stderr is a terminal and the input is large (see [`load::loads_quietly`]):
//! piped or redirected stderr stays clean, and a small file loads before a line would be
//! worth drawing. The line is drawn by a thread of its own that wakes a few times a second
//! and ends the moment the load does.

use std::io::{self, IsTerminal, Write};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

use crate::load::{self, Input, LoadError, Progress, Snapshot};
use crate::model::Timeline;

/// The first line waits this long, so a load that ends at once draws nothing.
const FIRST: Duration = Duration::from_millis(120);
/// Then the line is redrawn this often.
const TICK: Duration = Duration::from_millis(100);

/// Loads `input`, with a progress line on stderr when it is a terminal and the load a long one.
pub fn load(input: &Input) -> Result<Timeline, LoadError> {
    if !io::stderr().is_terminal() || load::loads_quietly(input) {
        return load::load(input);
    }
    let progress = Progress::default();
    let name = input.name();
    let (finished, wait) = mpsc::channel::<()>();
    std::thread::scope(|s| {
        let (name, progress) = (&name, &progress);
        s.spawn(move || {
            let mut wait_for = FIRST;
            let mut drawn = false;
            while let Err(RecvTimeoutError::Timeout) = wait.recv_timeout(wait_for) {
                let mut err = io::stderr().lock();
                let _ = write!(err, "\r\x1b[2K{}", line(name, progress.snapshot()));
                let _ = err.flush();
                drawn = true;
                wait_for = TICK;
            }
            if drawn {
                let _ = write!(io::stderr().lock(), "\r\x1b[2K");
            }
        });
        let loaded = load::load_with(input, progress);
        drop(finished);
        loaded
    })
}

/// The line for one reading of the meter.
pub fn line(name: &str, progress: Snapshot) -> String {
    let phase = progress.phase.label();
    match progress.percent() {
        Some(pct) => format!("{name}: {phase} {pct}%"),
        None => format!("{name}: {phase}…"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::Phase;

    #[test]
    fn the_line_says_the_phase_and_the_share_done_when_known() {
        let known = Snapshot {
            phase: Phase::Splitting,
            done: 1,
            total: Some(4),
        };
        assert_eq!(line("big.ron", known), "big.ron: parsing 25%");
        let unknown = Snapshot {
            phase: Phase::Assembling,
            done: 7,
            total: None,
        };
        assert_eq!(line("big.ron", unknown), "big.ron: checking…");
    }
}
