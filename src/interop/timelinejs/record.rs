//! The `afghan_timeline` records: what the export keeps beside the TimelineJS fields so
//! that an import of an export gives back the same timeline.
//!
//! An event's record is the event exactly as `list --format json` prints it; an era's is
//! `{id, name, start, end}`; the title slide's `{title, description}`; the document's
//! `{actors, eras}` (every actor as `actors --format json` prints it, and the eras
//! TimelineJS could not show). Records are hints, not authority: one that does not read
//! is reported and ignored, and the importer uses a recorded value only while the visible
//! field it was exported to is unchanged, so an edit made in TimelineJS wins.

use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::load::{RawActorKind, RawEra, RawSource};

// `expecting`: a record that does not read is named in words, never by its Rust type.
#[derive(Debug, Deserialize)]
#[serde(expecting = "an event as 'list --format json' prints it")]
pub struct EventRecord {
    pub title: String,
    pub date: String,
    #[serde(default)]
    pub end: Option<String>,
    pub summary: String,
    #[serde(default)]
    pub detail: Option<String>,
    #[serde(default)]
    pub date_note: Option<String>,
    #[serde(default)]
    pub actors: Vec<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub location: Option<String>,
    #[serde(default)]
    pub sources: Vec<RawSource>,
    #[serde(default)]
    pub related: Vec<String>,
    /// The converted date an export made with a calendar added to `display_date`.
    #[serde(default)]
    pub calendar_date: Option<CalendarRecord>,
}

/// `calendar_date` of a record: only its text is read back.
#[derive(Debug, Deserialize)]
pub struct CalendarRecord {
    pub text: String,
}

#[derive(Debug, Deserialize)]
#[serde(expecting = "an object with a title and a description")]
pub struct TitleRecord {
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(expecting = "an object with actors and eras")]
pub struct DocumentRecord {
    #[serde(default)]
    pub actors: Vec<ActorRecord>,
    #[serde(default)]
    pub eras: Vec<RawEra>,
    /// What the slides' `group` says (`none`, `actor`, `kind`, `era`); files written
    /// before the option grouped by actor.
    #[serde(default)]
    pub group_by: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(expecting = "an actor as 'actors --format json' prints it")]
pub struct ActorRecord {
    pub id: String,
    pub name: String,
    pub kind: RawActorKind,
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// Reads a record; `Err` holds the reason it does not read, for a warning.
pub fn read<T: DeserializeOwned>(value: Option<&Value>) -> Result<Option<T>, String> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(v) => T::deserialize(v)
            .map(Some)
            .map_err(|e| e.to_string().replace('`', "'")),
    }
}
