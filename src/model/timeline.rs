//! Actors, eras, events and the timeline that owns them.

use super::Date;

/// Index of an actor in [`Timeline::actors`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ActorId(pub u32);

/// Index of an event in [`Timeline::events`] (date order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EventId(pub u32);

impl ActorId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl EventId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ActorKind {
    State,
    Organization,
    Group,
    Person,
}

impl ActorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::State => "State",
            ActorKind::Organization => "Organization",
            ActorKind::Group => "Group",
            ActorKind::Person => "Person",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    pub aliases: Vec<String>,
}

impl Actor {
    /// Whether `name` is this actor's id, name or one of its aliases, ignoring case.
    pub fn answers_to(&self, name: &str) -> bool {
        std::iter::once(&self.id)
            .chain(std::iter::once(&self.name))
            .chain(&self.aliases)
            .any(|n| eq_ignore_case(n, name))
    }
}

/// A named period; eras may overlap.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Era {
    pub id: String,
    pub name: String,
    pub start: Date,
    /// `None` while the era is ongoing (the file gives no `end`).
    pub end: Option<Date>,
}

impl Era {
    /// A closed era named `name` (its id too) from `start` to `end`: a fixture for tests.
    #[cfg(test)]
    pub(crate) fn closed(name: &str, start: &str, end: &str) -> Era {
        Era {
            id: name.to_owned(),
            name: name.to_owned(),
            start: start.parse().expect("a fixture's start date"),
            end: Some(end.parse().expect("a fixture's end date")),
        }
    }

    /// The last day the era covers; an ongoing era has none, it covers every day from its
    /// start on.
    pub fn last_day(&self) -> Option<chrono::NaiveDate> {
        self.end.map(Date::last_day)
    }

    /// The day number ([`day_number`](super::day_number)) of the era's last day, for
    /// comparisons with sort keys: `i32::MAX` while it is ongoing, so it outlasts every day.
    pub fn end_key(&self) -> i32 {
        self.last_day().map_or(i32::MAX, super::day_number)
    }

    /// Whether `day` falls within the era (an ongoing one never ends).
    pub fn covers(&self, day: chrono::NaiveDate) -> bool {
        self.start.first_day() <= day && self.last_day().is_none_or(|last| day <= last)
    }

    /// The era's years as the explorer shows them: `1978–1992`, `500 BCE–400 BCE`, or
    /// `2021–` while it is ongoing (an open span: an en dash with nothing after it).
    pub fn years(&self) -> String {
        let end = self
            .end
            .map(|e| super::year_words(e.year()))
            .unwrap_or_default();
        format!("{}–{end}", super::year_words(self.start.year()))
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub publisher: String,
    pub title: String,
    pub date: Option<Date>,
    pub url: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub id: String,
    pub date: Date,
    pub end: Option<Date>,
    pub title: String,
    pub summary: String,
    pub detail: Option<String>,
    pub date_note: Option<String>,
    /// At least one; indices into [`Timeline::actors`].
    pub actors: Vec<ActorId>,
    pub tags: Vec<String>,
    pub location: Option<String>,
    /// At least one.
    pub sources: Vec<Source>,
    pub related: Vec<EventId>,
    /// Of its text in the file, where the parallel parse read it: what a reload compares.
    pub fingerprint: super::Fingerprint,
}

impl Event {
    /// The last day this event covers: its `end`, or the end of its date's period.
    pub fn last_day(&self) -> chrono::NaiveDate {
        self.end.unwrap_or(self.date).last_day()
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Timeline {
    pub title: String,
    pub description: Option<String>,
    pub actors: Vec<Actor>,
    pub eras: Vec<Era>,
    /// Sorted by [`Date::sort_key`], ties in file order.
    pub events: Vec<Event>,
    /// Events sorted by the hash of their id (then the id), for lookup by id without a
    /// second copy of every id. Hash first: sorting a million ids by their text would chase
    /// a pointer per comparison, sorting by an inline hash does not.
    pub(crate) by_id: Vec<(u64, EventId)>,
}

impl Timeline {
    pub fn event(&self, id: EventId) -> &Event {
        &self.events[id.index()]
    }

    pub fn actor(&self, id: ActorId) -> &Actor {
        &self.actors[id.index()]
    }

    /// The event with this id string, if any.
    pub fn find_event(&self, id: &str) -> Option<EventId> {
        let key = (id_hash(id), id);
        self.by_id
            .binary_search_by(|(h, e)| (*h, self.event(*e).id.as_str()).cmp(&key))
            .ok()
            .map(|i| self.by_id[i].1)
    }

    /// The actor that answers to `name` (ignoring case and surrounding space): an exact id
    /// wins, then a name, then an alias, so another actor's alias can never shadow an id.
    /// Blank text names no actor.
    pub fn find_actor(&self, name: &str) -> Option<ActorId> {
        let name = name.trim();
        if name.is_empty() {
            return None;
        }
        let by = |names: &dyn Fn(&Actor) -> bool| self.actors.iter().position(names);
        by(&|a| eq_ignore_case(&a.id, name))
            .or_else(|| by(&|a| eq_ignore_case(&a.name, name)))
            .or_else(|| by(&|a| a.aliases.iter().any(|n| eq_ignore_case(n, name))))
            .map(|i| ActorId(u32::try_from(i).unwrap_or(u32::MAX)))
    }

    /// All event ids in date order.
    pub fn event_ids(&self) -> impl ExactSizeIterator<Item = EventId> + '_ {
        (0..self.events.len()).map(|i| EventId(u32::try_from(i).unwrap_or(u32::MAX)))
    }
}

/// Unicode-aware case-insensitive equality without allocating.
fn eq_ignore_case(a: &str, b: &str) -> bool {
    crate::fold::eq_folded(a, b)
}

/// The hash that orders [`Timeline::by_id`]: `DefaultHasher::new()` has fixed keys, so the
/// order is the same in every process (it is never persisted, only kept consistent).
pub(crate) fn id_hash(id: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    id.hash(&mut h);
    h.finish()
}
