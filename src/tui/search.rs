//! Search that never blocks the screen: on a large timeline a text search runs on a worker
//! thread while the explorer keeps drawing and taking keys.
//!
//! `update` stays pure: when a scan would be long it only records a [`SearchJob`] (an
//! effect, in Elm terms) and keeps showing the last result. The loop hands the job to the
//! [`Searcher`] and feeds its result back to `update` as a message. Every job carries a
//! generation; a newer key makes older jobs stale, the worker abandons a stale scan within
//! a few thousand events, and `update` ignores a stale result.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};

use crate::model::{EventId, Timeline};
use crate::query::{Filter, Narrowing, SearchIndex};

/// A scan to run: the filter, and the earlier result it narrows, if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchJob {
    pub generation: u64,
    pub filter: Filter,
    /// The matches shown and the filter that produced them, when the new filter narrows it.
    pub within: Option<(Vec<EventId>, Filter)>,
}

impl SearchJob {
    /// Runs the scan; `None` when `stop` said to give up.
    pub fn run(
        &self,
        timeline: &Timeline,
        index: &SearchIndex,
        stop: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<EventId>> {
        let within = self
            .within
            .as_ref()
            .map(|(matches, previous)| Narrowing { matches, previous });
        self.filter
            .apply_indexed_until(timeline, index, within, stop)
    }
}

/// The worker thread and its two channels.
pub struct Searcher {
    jobs: Sender<SearchJob>,
    results: Receiver<(u64, Vec<EventId>)>,
    /// The generation the explorer is at; anything older is stale.
    latest: Arc<AtomicU64>,
}

impl Searcher {
    pub fn start(timeline: Arc<Timeline>, index: Arc<SearchIndex>) -> Searcher {
        let (jobs, job_rx) = mpsc::channel::<SearchJob>();
        let (result_tx, results) = mpsc::channel();
        let latest = Arc::new(AtomicU64::new(0));
        let current = Arc::clone(&latest);
        std::thread::spawn(move || {
            for job in job_rx {
                let stale = || current.load(Ordering::Relaxed) != job.generation;
                if stale() {
                    continue;
                }
                if let Some(matches) = job.run(&timeline, &index, &stale)
                    && result_tx.send((job.generation, matches)).is_err()
                {
                    return;
                }
            }
        });
        Searcher {
            jobs,
            results,
            latest,
        }
    }

    /// Tells the worker which generation is current, so it drops anything older.
    pub fn follow(&self, generation: u64) {
        self.latest.store(generation, Ordering::Relaxed);
    }

    pub fn submit(&self, job: SearchJob) {
        self.follow(job.generation);
        // The worker only stops when this end is dropped, so sending cannot fail before.
        let _ = self.jobs.send(job);
    }

    /// The newest finished result, if any arrived.
    pub fn try_result(&self) -> Option<(u64, Vec<EventId>)> {
        self.results.try_iter().last()
    }
}
