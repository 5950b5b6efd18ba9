//! A person's stars, notes and last place in a timeline: personal data, kept apart from the
//! timeline file (starring never writes to it), in `$XDG_STATE_HOME/afghan-timeline/`
//! (default `~/.local/state/afghan-timeline/`), one JSON file per timeline, named by a hash
//! of the timeline's canonical path (the built-in timeline has a file of its own).
//!
//! Entries are keyed by event id, so a note survives edits of its event, and a note whose
//! event is gone is kept (an orphan) rather than dropped. Every write re-reads the file and
//! changes only the entry it is about, then replaces the file atomically: two explorers on
//! one timeline never corrupt the store, and neither loses what the other saved before.
//! A store that cannot be read as ours is never overwritten.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::load::Input;

/// What is kept for one event.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub star: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Entry {
    pub fn is_empty(&self) -> bool {
        !self.star && self.note.is_none()
    }
}

/// Which part of an entry a change is about: a save takes that part from the explorer and
/// keeps the other as the store has it (another explorer may have changed it meanwhile).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Star,
    Note,
}

/// Where the reader was when they last left the explorer on this timeline.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selected: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub marked: Vec<String>,
}

/// Everything kept for one timeline.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Saved {
    /// The timeline this is about, as a check on the file's name.
    #[serde(default)]
    pub timeline: String,
    #[serde(default)]
    pub events: BTreeMap<String, Entry>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<Session>,
}

impl Saved {
    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.events.get(id)
    }

    /// The ids with a star, or with a note.
    pub fn starred(&self) -> impl Iterator<Item = &str> {
        self.events
            .iter()
            .filter(|(_, e)| e.star)
            .map(|(id, _)| id.as_str())
    }

    pub fn noted(&self) -> impl Iterator<Item = &str> {
        self.events
            .iter()
            .filter(|(_, e)| e.note.is_some())
            .map(|(id, _)| id.as_str())
    }
}

/// The store of one timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Store {
    path: PathBuf,
    timeline: String,
}

impl Store {
    /// The store for `input` in the state directory the environment names, if one can be
    /// had: `$XDG_STATE_HOME`, else `$HOME/.local/state`. Standard input has none (there is
    /// nothing to key it by).
    pub fn for_input(input: &Input) -> Option<Store> {
        let home = std::env::var_os("XDG_STATE_HOME")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .or_else(|| {
                std::env::var_os("HOME")
                    .filter(|v| !v.is_empty())
                    .map(|h| PathBuf::from(h).join(".local/state"))
            })?;
        Store::in_dir(&home.join("afghan-timeline"), input)
    }

    /// The store for `input` in `dir`.
    pub fn in_dir(dir: &Path, input: &Input) -> Option<Store> {
        let timeline = match input {
            Input::Embedded => "built-in".to_owned(),
            Input::Stdin => return None,
            Input::Path(path) => std::fs::canonicalize(path)
                .unwrap_or_else(|_| path.clone())
                .display()
                .to_string(),
        };
        let name = if matches!(input, Input::Embedded) {
            "built-in.json".to_owned()
        } else {
            format!("{:016x}.json", fnv1a(timeline.as_bytes()))
        };
        Some(Store {
            path: dir.join(name),
            timeline,
        })
    }

    /// The file this store keeps.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// What is kept; nothing yet is an empty `Saved`. `Err` says why the file cannot be
    /// read, and then nothing will be written over it.
    pub fn load(&self) -> Result<Saved, String> {
        let bytes = match std::fs::read(&self.path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Ok(Saved {
                    timeline: self.timeline.clone(),
                    ..Saved::default()
                });
            }
            Err(e) => return Err(format!("cannot read {}: {e}", self.path.display())),
        };
        serde_json::from_slice(&bytes).map_err(|e| {
            format!(
                "{} is not a notes file of ours ({e}); it is left as it is",
                self.path.display()
            )
        })
    }

    /// Sets one event's entry (an empty one removes it), merged into what is on disk now.
    pub fn save_entry(&self, id: &str, entry: &Entry) -> Result<(), String> {
        self.update(|saved| {
            if entry.is_empty() {
                saved.events.remove(id);
            } else {
                saved.events.insert(id.to_owned(), entry.clone());
            }
        })
    }

    /// Sets one field of one event's entry, merged into what is on disk now: the other
    /// field stays as the store has it.
    pub fn save_field(&self, id: &str, entry: &Entry, field: Field) -> Result<(), String> {
        self.update(|saved| {
            let mut merged = saved.events.get(id).cloned().unwrap_or_default();
            match field {
                Field::Star => merged.star = entry.star,
                Field::Note => merged.note.clone_from(&entry.note),
            }
            if merged.is_empty() {
                saved.events.remove(id);
            } else {
                saved.events.insert(id.to_owned(), merged);
            }
        })
    }

    /// Records where the reader left.
    pub fn save_session(&self, session: &Session) -> Result<(), String> {
        self.update(|saved| saved.session = Some(session.clone()))
    }

    fn update(&self, change: impl FnOnce(&mut Saved)) -> Result<(), String> {
        let mut saved = self.load()?;
        saved.timeline.clone_from(&self.timeline);
        change(&mut saved);
        let text = serde_json::to_string_pretty(&saved).map_err(|e| e.to_string())? + "\n";
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        let written = if self.path.exists() {
            crate::atomic::replace(&self.path, text.as_bytes())
        } else {
            crate::atomic::create_new(&self.path, text.as_bytes())
                .or_else(|_| crate::atomic::replace(&self.path, text.as_bytes()))
        };
        written.map_err(|e| format!("cannot save {}: {e}", self.path.display()))
    }
}

/// FNV-1a, 64 bits: a hash that stays the same across versions and platforms, for a file
/// name (std's hasher makes no such promise).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("notes-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn two_writers_each_keep_what_the_other_saved() {
        let dir = dir("merge");
        let a = Store::in_dir(&dir, &Input::Embedded).expect("a store");
        let b = a.clone();
        let star = Entry {
            star: true,
            note: None,
        };
        let note = Entry {
            star: false,
            note: Some("see the Pravda piece".to_owned()),
        };
        a.save_entry("x", &star).expect("saved");
        b.save_entry("y", &note).expect("saved");
        a.save_session(&Session {
            selected: Some("y".to_owned()),
            marked: vec!["x".to_owned()],
        })
        .expect("saved");
        let saved = b.load().expect("loads");
        assert_eq!(saved.entry("x"), Some(&star));
        assert_eq!(saved.entry("y"), Some(&note));
        assert_eq!(saved.session.and_then(|s| s.selected).as_deref(), Some("y"));
        b.save_entry("x", &Entry::default()).expect("saved");
        assert!(
            a.load().expect("loads").entry("x").is_none(),
            "an empty entry is removed"
        );
    }

    /// One explorer stars an event while another wrote a note on it: both stay.
    #[test]
    fn a_star_saved_by_one_explorer_keeps_the_note_another_wrote() {
        let dir = dir("fields");
        let a = Store::in_dir(&dir, &Input::Embedded).expect("a store");
        let note = Entry {
            star: false,
            note: Some("from b".to_owned()),
        };
        a.save_field("x", &note, Field::Note).expect("saved");
        // The first explorer's cached entry knows nothing of the note.
        let star = Entry {
            star: true,
            note: None,
        };
        a.save_field("x", &star, Field::Star).expect("saved");
        assert_eq!(
            a.load().expect("loads").entry("x"),
            Some(&Entry {
                star: true,
                note: Some("from b".to_owned())
            })
        );
    }

    #[test]
    fn a_file_that_is_not_ours_is_never_overwritten() {
        let dir = dir("foreign");
        let store = Store::in_dir(&dir, &Input::Embedded).expect("a store");
        std::fs::create_dir_all(&dir).expect("dir");
        std::fs::write(store.path(), "my own notes, not JSON").expect("write");
        assert!(store.load().is_err());
        assert!(
            store
                .save_entry(
                    "x",
                    &Entry {
                        star: true,
                        note: None
                    }
                )
                .is_err()
        );
        assert_eq!(
            std::fs::read_to_string(store.path()).expect("read"),
            "my own notes, not JSON"
        );
    }

    #[test]
    fn each_file_has_its_own_store_and_stdin_none() {
        let dir = dir("keys");
        let a = Store::in_dir(&dir, &Input::Path("a.ron".into())).expect("a");
        let b = Store::in_dir(&dir, &Input::Path("b.ron".into())).expect("b");
        assert_ne!(a.path(), b.path());
        assert!(Store::in_dir(&dir, &Input::Stdin).is_none());
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
