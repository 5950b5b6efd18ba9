//! Keeping the explorer on the file's latest version: a watcher of the file (the `notify`
//! crate, watching its directory so that every way an editor saves is seen: in place,
//! truncate then write, a temporary file renamed over it, delete and create), else a poll
//! of its size and modification time, and a loader thread that reads a new version in the
//! background while the explorer keeps answering keys.
//!
//! A change is taken once the file has been quiet for a moment and its size and time are
//! the same twice in a row (an editor's save in several writes is one change). A version
//! that does not load never replaces the one shown: `update` keeps it as a report.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::{Duration, Instant, SystemTime};

use notify::{RecommendedWatcher, RecursiveMode, Watcher as _};

use crate::load::{Input, LoadError};
use crate::model::Timeline;
use crate::tui::version::Version;

/// How long the file must be quiet before it is read.
const QUIET: Duration = Duration::from_millis(150);
/// How often the file is looked at when no watcher could be had (a network filesystem).
const POLL: Duration = Duration::from_millis(500);

/// What the file looked like: a change of either is a new version.
type Stamp = Option<(u64, SystemTime)>;

fn stamp(path: &Path) -> Stamp {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.len(), meta.modified().ok()?))
}

/// The directories to watch and the file names to look for there: the file's own, and,
/// when it is a symbolic link, its target's too (an editor that follows the link saves
/// there, which the link's directory never hears of).
fn watched_places(path: &Path) -> Vec<(PathBuf, std::ffi::OsString)> {
    let place = |p: &Path| {
        let dir = match p.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
            _ => PathBuf::from("."),
        };
        Some((dir, p.file_name()?.to_os_string()))
    };
    let mut places: Vec<_> = place(path).into_iter().collect();
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link
        && let Some(target) = std::fs::canonicalize(path).ok().as_deref().and_then(place)
        && !places.contains(&target)
    {
        places.push(target);
    }
    places
}

/// Watches one timeline file and loads its new versions on a thread of their own.
pub struct Watch {
    path: PathBuf,
    /// `None` where the system would not watch: the file's stamp is polled instead.
    watcher: Option<RecommendedWatcher>,
    events: Receiver<()>,
    /// The stamp of the version last read, and when the file last changed.
    seen: Stamp,
    changed_at: Option<Instant>,
    last_poll: Instant,
    loads: Sender<Arc<Timeline>>,
    loaded: Receiver<Result<Version, LoadError>>,
    loading: bool,
}

impl Watch {
    /// Starts watching `path` (the version shown was read just now).
    pub fn start(path: &Path) -> Watch {
        let (tx, events) = mpsc::channel();
        let places = watched_places(path);
        let names: Vec<_> = places.iter().map(|(_, name)| name.clone()).collect();
        let watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
            // Only events about this file's names: the directories may hold others.
            if let Ok(event) = event
                && event
                    .paths
                    .iter()
                    .any(|p| p.file_name().is_some_and(|n| names.iter().any(|m| m == n)))
            {
                let _ = tx.send(());
            }
        })
        .ok()
        .and_then(|mut watcher| {
            for (dir, _) in &places {
                watcher.watch(dir, RecursiveMode::NonRecursive).ok()?;
            }
            Some(watcher)
        });
        let (loads, load_rx) = mpsc::channel::<Arc<Timeline>>();
        let (loaded_tx, loaded) = mpsc::channel();
        let input = Input::Path(path.to_path_buf());
        std::thread::spawn(move || {
            while let Ok(mut shown) = load_rx.recv() {
                // Only the latest request matters: a burst of saves is one load.
                while let Ok(later) = load_rx.try_recv() {
                    shown = later;
                }
                // What changed is found here too, not on the loop's thread.
                let version = crate::load::load(&input).map(|t| Version::against(&shown, t));
                drop(shown);
                if loaded_tx.send(version).is_err() {
                    return;
                }
            }
        });
        Watch {
            path: path.to_path_buf(),
            watcher,
            events,
            seen: stamp(path),
            changed_at: None,
            last_poll: Instant::now(),
            loads,
            loaded,
            loading: false,
        }
    }

    /// Whether the loop should wake up for the watch (a change settling, a load running).
    pub fn busy(&self) -> bool {
        self.changed_at.is_some() || self.loading || self.watcher.is_none()
    }

    /// Loads the file now (after the reader's editor closed on it); `shown` is the
    /// version on screen, which the new one is compared with.
    pub fn reload_now(&mut self, shown: &Arc<Timeline>) {
        self.seen = stamp(&self.path);
        self.changed_at = None;
        self.loading = true;
        let _ = self.loads.send(Arc::clone(shown));
    }

    /// Looks at what happened since the last call: returns a new version (or what is
    /// wrong with it) when one has been read. `shown` is the version on screen.
    pub fn poll(&mut self, shown: &Arc<Timeline>) -> Option<Result<Version, LoadError>> {
        let now = Instant::now();
        while self.events.try_recv().is_ok() {
            self.changed_at = Some(now);
        }
        if self.watcher.is_none() && now.duration_since(self.last_poll) >= POLL {
            self.last_poll = now;
            if stamp(&self.path) != self.seen {
                self.changed_at.get_or_insert(now);
            }
        }
        if let Some(at) = self.changed_at
            && now.duration_since(at) >= QUIET
        {
            let first = stamp(&self.path);
            // The same twice in a row, a moment apart: the save is done.
            std::thread::sleep(Duration::from_millis(20));
            let again = stamp(&self.path);
            if first != again {
                self.changed_at = Some(now);
            } else if again != self.seen || again.is_none() {
                self.seen = again;
                self.changed_at = None;
                // A file deleted to be created again is not a version yet.
                if again.is_some() {
                    self.loading = true;
                    let _ = self.loads.send(Arc::clone(shown));
                }
            } else {
                self.changed_at = None;
            }
        }
        let result = self.loaded.try_recv().ok();
        if result.is_some() {
            self.loading = false;
        }
        result
    }
}
