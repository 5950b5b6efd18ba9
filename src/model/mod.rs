//! The validated timeline: plain data whose invariants hold by construction.
//!
//! Nothing here knows about serde, files or terminals. A [`Timeline`] is only built by
//! `load`, which guarantees: ids are unique, every actor and related reference resolves
//! (as an index), `end` is never before `date`, and events are sorted by date.

pub mod calendar;
mod date;
mod fingerprint;
mod timeline;

pub use date::{Date, DateError, Interval, Precision, day_number, typed_date, typed_form};
pub(crate) use date::{astronomical, month_abbrev, written, year_words};
pub use fingerprint::Fingerprint;
pub(crate) use timeline::id_hash;
pub use timeline::{Actor, ActorId, ActorKind, Era, Event, EventId, Source, Timeline};
