//! TimelineJS JSON → a timeline file: the document, its title and eras, and the checks
//! that make the result load. Slides become events in `slide.rs`.

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize as _;
use serde_json::Value;

use super::date::{self, is_written_end, is_written_start};
use super::export;
use super::ids::{Ids, is_valid, slug};
use super::record::{self, DocumentRecord, TitleRecord};
use super::shape::{Document, Era, Slide, not_carried};
use super::syntax::{in_file_words, not_utf8, syntax};
use crate::interop::ImportError;
use crate::interop::html::strip;
use crate::load::{RawActor, RawActorKind, RawEra, RawEvent, RawSource, RawTimeline};
use crate::model::Date;
use crate::sanitize::quote;

/// How to import.
#[derive(Clone, Debug)]
pub struct ImportOptions {
    /// The input's name, for messages and for the source of events that cite none.
    pub name: String,
    /// The kind of the actors made from `group`s.
    pub group_kind: RawActorKind,
}

/// A timeline that `check` accepts, and what the import could not carry over.
#[derive(Debug)]
pub struct Imported {
    pub timeline: RawTimeline,
    pub warnings: Vec<String>,
}

/// Where each slide and era of a document came from, for messages: a spreadsheet row's
/// `sheet.csv:12` in place of `events[3]`. Indexed as the document's `events` and `eras`.
#[derive(Clone, Debug, Default)]
pub struct Places {
    pub events: Vec<String>,
    pub eras: Vec<String>,
}

/// Conversion state shared by the document, its slides and its eras.
pub(super) struct Importer<'a> {
    pub(super) options: &'a ImportOptions,
    pub(super) places: Option<&'a Places>,
    pub(super) warnings: Vec<String>,
    pub(super) actors: Vec<RawActor>,
    pub(super) actor_ids: Ids,
    /// Indices into `actors` by id and by name, so that a file with thousands of groups
    /// is not searched once per slide.
    pub(super) actor_by_id: HashMap<String, usize>,
    pub(super) actor_by_name: HashMap<String, usize>,
    pub(super) event_ids: Ids,
    /// Values with no place in a timeline file, by field, with how many slides had one.
    pub(super) lost: BTreeMap<String, usize>,
    pub(super) unknown_actor: Option<String>,
    pub(super) without_group: usize,
    pub(super) without_text: usize,
    /// Slides whose `end_date` holds nothing (`{}`, `{"year": ""}`): counted, not warned
    /// one by one.
    pub(super) empty_ends: usize,
    pub(super) without_source: usize,
    pub(super) fallback_source: RawSource,
    /// Whether a slide's `group` names an actor: always, unless the document's record says
    /// the export grouped by kind or era.
    pub(super) groups_are_actors: bool,
}

/// Imports the bytes of a TimelineJS JSON file.
pub fn import(bytes: &[u8], options: &ImportOptions) -> Result<Imported, ImportError> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if let Err(e) = std::str::from_utf8(bytes) {
        return Err(not_utf8(&options.name, bytes, e));
    }
    // Read as plain values first: to name the keys the typed read ignores, and to tell a
    // TimelineJS 2 file, which nests everything under 'timeline', from a broken one.
    let value: Value =
        serde_json::from_slice(bytes).map_err(|e| syntax(&options.name, bytes, &e))?;
    if let Some(old) = value
        .get("timeline")
        .filter(|_| value.get("events").is_none())
    {
        let slides = old
            .get("date")
            .and_then(Value::as_array)
            .map_or(0, Vec::len);
        return Err(ImportError::Read {
            name: options.name.clone(),
            reason: format!(
                "this is a TimelineJS 2 file ('timeline' with {slides} 'date' entries); only \
                 TimelineJS 3 files ('events' at the top) are imported: open it in TimelineJS 3's \
                 spreadsheet template, or move its entries to 'events' in the TimelineJS 3 format"
            ),
        });
    }
    let document: Document =
        serde_json::from_slice(bytes).map_err(|e| syntax(&options.name, bytes, &e))?;
    Ok(run(&value, &document, options, None))
}

/// Imports a TimelineJS document built in memory (from a spreadsheet's rows), its
/// messages placed by `places`.
pub fn import_document(
    value: &Value,
    options: &ImportOptions,
    places: &Places,
) -> Result<Imported, ImportError> {
    let document = Document::deserialize(value).map_err(|e| ImportError::Read {
        name: options.name.clone(),
        reason: in_file_words(&e.to_string()),
    })?;
    Ok(run(value, &document, options, Some(places)))
}

fn run(
    value: &Value,
    document: &Document,
    options: &ImportOptions,
    places: Option<&Places>,
) -> Imported {
    let mut importer = Importer {
        options,
        places,
        warnings: Vec::new(),
        actors: Vec::new(),
        actor_ids: Ids::default(),
        actor_by_id: HashMap::new(),
        actor_by_name: HashMap::new(),
        event_ids: Ids::default(),
        lost: not_carried(value),
        unknown_actor: None,
        without_group: 0,
        without_text: 0,
        empty_ends: 0,
        without_source: 0,
        fallback_source: RawSource {
            publisher: String::new(),
            title: String::new(),
            date: None,
            url: None,
        },
        groups_are_actors: true,
    };
    importer.document(document)
}

impl Importer<'_> {
    pub(super) fn warn(&mut self, message: String) {
        self.warnings.push(message);
    }

    pub(super) fn lose(&mut self, field: &str) {
        *self.lost.entry(field.to_owned()).or_insert(0) += 1;
    }

    /// Declares an actor whose id has been claimed.
    pub(super) fn add_actor(&mut self, actor: RawActor) {
        let index = self.actors.len();
        self.actor_by_id.insert(actor.id.clone(), index);
        self.actor_by_name
            .entry(actor.name.clone())
            .or_insert(index);
        self.actors.push(actor);
    }

    fn document(&mut self, document: &Document) -> Imported {
        match record::read::<DocumentRecord>(document.record.as_ref()) {
            Ok(record) => {
                self.groups_are_actors = record
                    .as_ref()
                    .and_then(|r| r.group_by.as_deref())
                    .is_none_or(|by| by == "actor" || by == "none");
                self.declare_actors(record.as_ref());
            }
            Err(why) => self.warn(format!(
                "ignoring the document's afghan_timeline record: {why}"
            )),
        }
        let (title, description) = self.title(document.title.as_ref());
        let file = self
            .options
            .name
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .to_owned();
        self.fallback_source = RawSource {
            publisher: file,
            title: title.clone(),
            date: None,
            url: None,
        };
        let mut events = Vec::with_capacity(document.events.len());
        let mut related = Vec::with_capacity(document.events.len());
        for (i, value) in document.events.iter().enumerate() {
            let slide = match Slide::deserialize(value) {
                Ok(slide) => slide,
                Err(e) => {
                    self.warn(format!(
                        "events[{i}]: skipped: it is not a slide of TimelineJS's shape ({})",
                        in_file_words(&e.to_string())
                    ));
                    continue;
                }
            };
            if let Some((event, wanted)) = self.event(i, &slide) {
                events.push(event);
                related.push(wanted);
            }
        }
        self.resolve_related(&mut events, related);
        let eras = self.eras(document, &events);
        self.summarize(events.len());
        let mut timeline = RawTimeline {
            title,
            description,
            actors: std::mem::take(&mut self.actors),
            eras,
            events,
        };
        let repaired = super::repair::repair(&mut timeline);
        self.warnings.extend(repaired);
        Imported {
            timeline,
            warnings: super::noise::collapse(std::mem::take(&mut self.warnings)),
        }
    }

    /// Actors from the document's record, each checked as `check` would.
    fn declare_actors(&mut self, record: Option<&DocumentRecord>) {
        for actor in record.into_iter().flat_map(|r| &r.actors) {
            if !is_valid(&actor.id) || self.actor_ids.contains(&actor.id) {
                self.warn(format!(
                    "the record's actor id {} is not a valid, unique id; that actor is dropped",
                    quote(&actor.id)
                ));
                continue;
            }
            if actor.name.trim().is_empty() {
                self.warn(format!(
                    "the record's actor {} has no name; it is dropped",
                    quote(&actor.id)
                ));
                continue;
            }
            self.actor_ids.claim(&actor.id, "actor");
            self.add_actor(RawActor {
                id: actor.id.clone(),
                name: actor.name.clone(),
                kind: actor.kind,
                aliases: actor.aliases.clone(),
            });
        }
    }

    fn title(&mut self, slide: Option<&Slide>) -> (String, Option<String>) {
        let mut title = String::new();
        let mut description = None;
        if let Some(slide) = slide {
            let record = match record::read::<TitleRecord>(slide.record.as_ref()) {
                Ok(record) => record,
                Err(why) => {
                    self.warn(format!(
                        "ignoring the title's afghan_timeline record: {why}"
                    ));
                    None
                }
            };
            let headline = slide.headline().unwrap_or_default();
            title = match &record {
                Some(r) if headline == export::headline(&r.title) => r.title.clone(),
                _ => strip(headline)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
            };
            let body = slide.body().unwrap_or_default();
            description = match &record {
                Some(r) if body == export::description_html(r.description.as_deref()) => {
                    r.description.clone()
                }
                _ => Some(strip(body)).filter(|d| !d.is_empty()),
            };
        }
        if title.trim().is_empty() {
            let file = self.options.name.rsplit('/').next().unwrap_or_default();
            title = format!("{}{file}", export::IMPORTED_FROM);
            self.warn(format!(
                "the file has no title slide with a headline; the timeline is called {} \
                 (which an export does not publish)",
                quote(&title)
            ));
        }
        (title, description)
    }

    /// Keeps the related ids that name imported events.
    fn resolve_related(&mut self, events: &mut [RawEvent], related: Vec<Vec<String>>) {
        for (event, wanted) in events.iter_mut().zip(related) {
            for id in wanted {
                let why = if id == event.id {
                    "is the event itself; the link is dropped"
                } else if event.related.iter().any(|r| r.as_str() == id) {
                    "is listed twice; the repeat is dropped"
                } else if !self.event_ids.contains(&id) {
                    "is not in the import; the link is dropped"
                } else {
                    event.related.push(id.into());
                    continue;
                };
                self.warn(format!(
                    "event {}: related event {} {why}",
                    quote(&event.id),
                    quote(&id)
                ));
            }
        }
    }

    fn eras(&mut self, document: &Document, events: &[RawEvent]) -> Vec<RawEra> {
        let mut eras = Vec::new();
        let mut era_ids = Ids::default();
        // Eras whose record says they were ongoing when exported.
        let mut ongoing = Vec::new();
        for (i, value) in document.eras.iter().flatten().enumerate() {
            let era = match Era::deserialize(value) {
                Ok(era) => era,
                Err(e) => {
                    self.warn(format!(
                        "eras[{i}]: skipped: it is not an era of TimelineJS's shape ({})",
                        in_file_words(&e.to_string())
                    ));
                    continue;
                }
            };
            if let Some((era, was_ongoing)) = self.era(i, &era, &mut era_ids) {
                if was_ongoing {
                    ongoing.push(eras.len());
                }
                eras.push(era);
            }
        }
        // Eras TimelineJS could not show travel in the document's record only.
        let hidden = record::read::<DocumentRecord>(document.record.as_ref())
            .ok()
            .flatten()
            .map(|r| r.eras)
            .unwrap_or_default();
        for era in hidden {
            let start = era.start.parse::<Date>();
            let end = era.end.as_deref().map(str::parse::<Date>).transpose();
            // No end: the era is ongoing, as the record is exactly the era.
            let fits = matches!((&start, &end), (Ok(s), Ok(e))
                if e.is_none_or(|e| e.last_day() >= s.first_day()));
            if is_valid(&era.id)
                && !era_ids.contains(&era.id)
                && fits
                && !era.name.trim().is_empty()
            {
                era_ids.claim(&era.id, "era");
                eras.push(era);
            } else {
                self.warn(format!(
                    "the record's era {} does not read as an era; it is dropped",
                    quote(&era.id)
                ));
            }
        }
        // After the hidden eras: the export counted them when it chose the end.
        super::ongoing::reopen(&mut eras, &ongoing, events);
        eras
    }

    /// The era, and whether its record says it was ongoing (see [`super::ongoing`]).
    fn era(&mut self, i: usize, era: &Era, era_ids: &mut Ids) -> Option<(RawEra, bool)> {
        let headline = era.text.as_ref().and_then(|t| t.headline.as_deref());
        let (place, sep) = self
            .places
            .and_then(|p| p.eras.get(i))
            .map_or_else(|| (format!("eras[{i}]"), " "), |p| (p.clone(), ": "));
        let at = match headline {
            Some(h) => format!("{place}{sep}{}", quote(&strip(h))),
            None => place,
        };
        let (Some(start), Some(end)) = (&era.start_date, &era.end_date) else {
            self.warn(format!(
                "{at}: skipped: an era needs a start_date and an end_date (TimelineJS rejects it too)"
            ));
            return None;
        };
        let (start, end) = match (date::read(start), date::read(end)) {
            (Ok(s), Ok(mut e)) => {
                e.date = date::meant_end(s.date, e.date);
                (s, e)
            }
            (Err(why), _) | (_, Err(why)) => {
                self.warn(format!("{at}: skipped: {why}"));
                return None;
            }
        };
        if start.time.is_some() || end.time.is_some() {
            self.warn(format!(
                "{at}: the time of day is dropped (eras keep whole days)"
            ));
        }
        let record = match record::read::<RawEra>(era.record.as_ref()) {
            Ok(r) => r,
            Err(why) => {
                self.warn(format!("{at}: ignoring its afghan_timeline record: {why}"));
                None
            }
        };
        let headline = headline.unwrap_or_default();
        let name = match &record {
            Some(r) if headline == export::headline(&r.name) => r.name.clone(),
            _ => strip(headline),
        };
        let wanted = match &record {
            Some(r) if is_valid(&r.id) && !era_ids.contains(&r.id) => r.id.clone(),
            _ => slug(&name),
        };
        let id = era_ids.claim(&wanted, "era");
        let name = if name.trim().is_empty() {
            id.clone()
        } else {
            name
        };
        let recorded = |text: Option<&str>, shown: Date, written: fn(Date, Date) -> bool| {
            text.and_then(|t| t.parse::<Date>().ok())
                .filter(|d| written(*d, shown))
                .unwrap_or(shown)
        };
        let start = recorded(
            record.as_ref().map(|r| r.start.as_str()),
            start.date,
            is_written_start,
        );
        let end = recorded(
            record.as_ref().and_then(|r| r.end.as_deref()),
            end.date,
            is_written_end,
        );
        if end.last_day() < start.first_day() {
            self.warn(format!(
                "{at}: skipped: it ends ({end}) before it starts ({start})"
            ));
            return None;
        }
        let was_ongoing = record.as_ref().is_some_and(|r| r.end.is_none());
        let era = RawEra {
            id,
            name,
            start: start.to_string().into(),
            end: Some(end.to_string().into()),
        };
        Some((era, was_ongoing))
    }
}
