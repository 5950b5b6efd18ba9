//! Ongoing eras (no `end`) through TimelineJS, which rejects an era without an `end_date`.
//!
//! The export gives an ongoing era the last day the timeline covers: the last day of its
//! latest event or era (an era counts by its end, an ongoing one by its start). It says so
//! in a warning, and the era's record keeps `end: null`. The import makes the era ongoing
//! again while its `end_date` is still the day the export would write for the imported
//! timeline; an end changed in TimelineJS wins, as every edit made there does.
//!
//! This is kept apart from the export and import of ordinary ends on purpose: it only
//! decides *which* end an ongoing era gets, never how an end is written or read.

use chrono::NaiveDate;

use crate::load::{RawEra, RawEvent};
use crate::model::{Date, Era, Event, Timeline};
use crate::sanitize::quote;

/// Every era with the end TimelineJS is given: its own, or for an ongoing era the last
/// day of the latest event or era. The export warns (see [`warning`]) only about the
/// ongoing eras its band shows: one the band leaves out is written with no end at all.
pub(super) fn ends(timeline: &Timeline) -> Vec<(&Era, Date)> {
    let events = timeline.events.iter().map(Event::last_day);
    let eras = timeline
        .eras
        .iter()
        .map(|era| era.last_day().unwrap_or_else(|| era.start.last_day()));
    let latest = last_of(events.chain(eras));
    timeline
        .eras
        .iter()
        // `latest` is None only without eras, and then nothing is mapped: an era's start
        // is always a candidate.
        .map(|era| (era, era.end.or(latest).unwrap_or(era.start)))
        .collect()
}

/// What the export says about an ongoing era it shows with the end `written`.
pub(super) fn warning(era: &Era, written: Date) -> String {
    format!(
        "era {} is ongoing (it has no end), and TimelineJS needs one: it is written to end on \
         {}, the last day of the latest event or era (its record keeps it ongoing for import)",
        quote(&era.id),
        quote(&written.to_string())
    )
}

/// Import: the eras at `ongoing` (their records say ongoing) lose their end again when
/// it is still the day [`ends`] would give them in the imported timeline.
pub(super) fn reopen(eras: &mut [RawEra], ongoing: &[usize], events: &[RawEvent]) {
    if ongoing.is_empty() {
        return;
    }
    // The import built these strings from dates it read, so they parse; one that does
    // not is simply left out of the reckoning.
    let parse = |text: &str| text.parse::<Date>().ok();
    let events = events
        .iter()
        .filter_map(|e| parse(e.end.as_deref().unwrap_or(&e.date)).map(Date::last_day));
    // An era counts by its end; one ongoing at export (in `ongoing`, or a hidden era
    // still without an end) by its start, as in `ends`.
    let eras_last = eras.iter().enumerate().filter_map(|(i, era)| {
        let text = match era.end.as_deref() {
            Some(end) if !ongoing.contains(&i) => end,
            _ => era.start.as_str(),
        };
        parse(text).map(Date::last_day)
    });
    let Some(latest) = last_of(events.chain(eras_last)) else {
        return;
    };
    for &i in ongoing {
        if eras[i].end.as_deref().and_then(parse) == Some(latest) {
            eras[i].end = None;
        }
    }
}

/// The latest of `days`, as a day-precision date.
fn last_of(days: impl Iterator<Item = NaiveDate>) -> Option<Date> {
    use chrono::Datelike as _;
    let day = days.max()?;
    Date::ymd(day.year(), day.month(), day.day())
}
