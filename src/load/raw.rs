//! The serde shapes of a timeline file: exactly what the file says, nothing checked yet.
//!
//! These are plain typed structs on purpose (no `ron::Value`, `untagged` or `flatten`):
//! they are what ron parses fastest and most predictably. `deny_unknown_fields` turns a
//! typo such as `locaton` into an error instead of silently dropping the value. The same
//! structs serialize the `ron` output format, so a printed event pastes back into a file.
//! The `rename`s let authors write the optional struct names `Timeline(`, `Event(` ….
//!
//! Dates and references to other ids only live until validation resolves them, so they are
//! `CompactString`s: stored inline up to 24 bytes, they cost no allocation to parse and no
//! free once resolved (six of each per event, on average, at a million events).

use compact_str::CompactString;
use serde::{Deserialize, Serialize};
use smallvec::SmallVec;

/// An event's references to actors or to other events: inline up to four, so that a
/// million events cost no allocation for them to parse, and no free once resolved (freeing
/// millions of small blocks leaves glibc a sweep over all of them at its next large
/// allocation, a third of a second at a million events).
pub type Refs = SmallVec<[CompactString; 4]>;

#[derive(Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename = "Timeline", deny_unknown_fields)]
pub struct RawTimeline {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub actors: Vec<RawActor>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub eras: Vec<RawEra>,
    pub events: Vec<RawEvent>,
}

#[derive(Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename = "Actor", deny_unknown_fields)]
pub struct RawActor {
    pub id: String,
    pub name: String,
    pub kind: RawActorKind,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Deserialize, Serialize)]
pub enum RawActorKind {
    State,
    Organization,
    Group,
    Person,
}

#[derive(Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename = "Era", deny_unknown_fields)]
pub struct RawEra {
    pub id: String,
    pub name: String,
    pub start: CompactString,
    /// Left out while the era is ongoing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<CompactString>,
}

// `Default` only so the parallel parse can allocate every event's slot up front.
#[derive(Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(rename = "Event", deny_unknown_fields)]
pub struct RawEvent {
    pub id: String,
    pub date: CompactString,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<CompactString>,
    pub title: String,
    pub summary: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_note: Option<String>,
    pub actors: Refs,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    pub sources: Vec<RawSource>,
    #[serde(default, skip_serializing_if = "SmallVec::is_empty")]
    pub related: Refs,
    /// Of the element's text, set by the parallel parse (never read from the file).
    #[serde(skip)]
    pub fingerprint: crate::model::Fingerprint,
}

#[derive(Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename = "Source", deny_unknown_fields)]
pub struct RawSource {
    pub publisher: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<CompactString>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}
