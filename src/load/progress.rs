//! How far a load has got, shared between the thread that loads and the one that shows it.
//!
//! Plain atomics: the loader stores its phase and counts as it goes (a few hundred times in
//! a whole load, never per value), and the screen or the stderr meter reads them whenever it
//! draws. The numbers are honest: bytes read of the file's size, bytes of the events list
//! parsed, events checked. A phase whose amount of work is unknown (standard input's size,
//! ron's own single-threaded parse) has no total, and is shown without a percentage.

use std::sync::Mutex;
use std::sync::atomic::{AtomicU8, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use super::Input;

/// Inputs smaller than this load without a meter on screen: they take well under the
/// 300 ms a first screen may take, and a meter that flashes for a frame helps nobody.
pub const SHOW_FROM_BYTES: u64 = 8 << 20;

/// Bytes a parsing thread takes in between two reports to the meter: a few hundred reports
/// in a whole load, never one per value.
pub(super) const REPORT_EVERY: usize = 1 << 20;

/// Whether an input is small enough to load without showing progress: the built-in
/// timeline, or a regular file under [`SHOW_FROM_BYTES`] (or one that cannot be read, whose
/// error comes at once). The size of standard input or a FIFO (`--file <(…)`) is unknown
/// until it ends, so they may show progress.
pub fn loads_quietly(input: &Input) -> bool {
    match input {
        Input::Embedded => true,
        Input::Stdin => false,
        Input::Path(path) => std::fs::metadata(path).map_or(true, |m| {
            !super::read::is_fifo(m.file_type()) && m.len() < SHOW_FROM_BYTES
        }),
    }
}

/// What the load is doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Reading,
    /// Finding the elements of the events list (part of parsing, to the reader).
    Splitting,
    Parsing,
    Checking,
    /// Moving the checked values into the model (part of checking, to the reader).
    Assembling,
    Indexing,
}

impl Phase {
    const ALL: [Phase; 6] = [
        Phase::Reading,
        Phase::Splitting,
        Phase::Parsing,
        Phase::Checking,
        Phase::Assembling,
        Phase::Indexing,
    ];

    /// The phase's own name, as the benchmark reports it.
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Reading => "read",
            Phase::Splitting => "split",
            Phase::Parsing => "parse",
            Phase::Checking => "validate",
            Phase::Assembling => "assemble",
            Phase::Indexing => "index",
        }
    }

    /// What the reader is told the program is doing.
    pub fn label(self) -> &'static str {
        match self {
            Phase::Reading => "reading",
            Phase::Splitting | Phase::Parsing => "parsing",
            Phase::Checking | Phase::Assembling => "checking",
            Phase::Indexing => "indexing",
        }
    }
}

/// The shared meter. `Progress::default()` is one nobody reads.
#[derive(Debug, Default)]
pub struct Progress {
    phase: AtomicU8,
    done: AtomicU64,
    /// `u64::MAX` when the amount of work is unknown.
    total: AtomicU64,
    /// When each phase started, for the benchmark's breakdown.
    started: Mutex<Vec<(Phase, Instant)>>,
}

/// One reading of the meter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Snapshot {
    pub phase: Phase,
    pub done: u64,
    pub total: Option<u64>,
}

impl Snapshot {
    /// Done, in percent of the total, if the total is known (0–100).
    pub fn percent(&self) -> Option<u8> {
        let total = self.total?;
        let pct = (self.done.min(total).saturating_mul(100))
            .checked_div(total)
            .unwrap_or(100);
        Some(u8::try_from(pct).unwrap_or(100))
    }
}

impl Progress {
    /// Starts a phase of `total` units of work (`None`: unknown).
    pub fn start(&self, phase: Phase, total: Option<u64>) {
        self.done.store(0, Ordering::Relaxed);
        self.total
            .store(total.unwrap_or(u64::MAX), Ordering::Relaxed);
        self.phase.store(phase as u8, Ordering::Release);
        if let Ok(mut started) = self.started.lock() {
            started.push((phase, Instant::now()));
        }
    }

    /// Marks the end of the last phase, for [`Progress::timings`].
    pub fn finish(&self) {
        if let Ok(mut started) = self.started.lock() {
            started.push((Phase::Indexing, Instant::now()));
        }
    }

    /// How long each phase took, in order, up to [`Progress::finish`] (the last phase
    /// started without a finish is left out).
    pub fn timings(&self) -> Vec<(Phase, Duration)> {
        let started = self.started.lock().map(|s| s.clone()).unwrap_or_default();
        started
            .windows(2)
            .map(|w| (w[0].0, w[1].1 - w[0].1))
            .collect()
    }

    pub fn advance(&self, n: u64) {
        self.done.fetch_add(n, Ordering::Relaxed);
    }

    pub fn snapshot(&self) -> Snapshot {
        let phase = Phase::ALL[usize::from(self.phase.load(Ordering::Acquire)).min(5)];
        let total = self.total.load(Ordering::Relaxed);
        Snapshot {
            phase,
            done: self.done.load(Ordering::Relaxed),
            total: (total != u64::MAX).then_some(total),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_files_and_the_built_in_timeline_load_quietly() {
        let dir = std::env::temp_dir().join(format!("loading-quiet-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let small = dir.join("small.ron");
        std::fs::write(&small, "x".repeat(1000)).expect("write");
        let big = dir.join("big.ron");
        let file = std::fs::File::create(&big).expect("create");
        file.set_len(SHOW_FROM_BYTES).expect("sparse file");
        assert!(loads_quietly(&Input::Embedded));
        assert!(loads_quietly(&Input::Path(small)));
        assert!(loads_quietly(&Input::Path(dir.join("missing.ron"))));
        assert!(!loads_quietly(&Input::Path(big)));
        assert!(!loads_quietly(&Input::Stdin));
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn percent_is_of_the_known_total_only() {
        let p = Progress::default();
        p.start(Phase::Parsing, Some(200));
        p.advance(50);
        assert_eq!(p.snapshot().phase, Phase::Parsing);
        assert_eq!(p.snapshot().percent(), Some(25));
        p.advance(500);
        assert_eq!(p.snapshot().percent(), Some(100));
        p.start(Phase::Reading, None);
        p.advance(10);
        assert_eq!(p.snapshot().percent(), None);
        assert_eq!(p.snapshot().done, 10);
    }
}
