//! One TimelineJS slide → one event.
//!
//! Visible fields are read as TimelineJS shows them; a slide's `afghan_timeline` record
//! restores what they cannot hold (the `~` of a date, the summary/detail split, actor
//! ids, tags, location, sources, related events) for as long as the visible field is
//! still exactly what the export wrote. What has no place in an event goes to its date
//! note (times of day, display dates) or into a warning.

use super::date::{self, Read, same_period};
use super::export::{self, SourceView};
use super::ids::{is_valid, slug};
use super::import::Importer;
use super::record::{self, EventRecord};
use super::shape::Slide;
use crate::interop::html::{split_paragraphs, strip};
use crate::load::RawEvent;
use crate::model::Date;
use crate::sanitize::quote;

/// Words that open a display date for a date that is only approximately known.
const APPROXIMATE: [&str; 7] = ["~", "c.", "ca.", "circa", "about", "approx", "around"];

impl Importer<'_> {
    /// The event a slide holds, with the related ids its record wants; `None` (and a
    /// warning) when TimelineJS would skip the slide too.
    pub(super) fn event(&mut self, i: usize, slide: &Slide) -> Option<(RawEvent, Vec<String>)> {
        let at = label(i, slide);
        let Some(start) = &slide.start_date else {
            self.warn(format!(
                "{at}: skipped: it has no start_date (TimelineJS skips it too)"
            ));
            return None;
        };
        let start = match date::read(start) {
            Ok(start) => start,
            Err(why) => {
                self.warn(format!(
                    "{at}: skipped: its start_date does not read: {why}"
                ));
                return None;
            }
        };
        let end = match slide.end_date.as_ref().map(date::read) {
            Some(Err(why)) => {
                self.warn(format!("{at}: its end_date is dropped: {why}"));
                None
            }
            Some(Ok(end)) => Some(end),
            None => None,
        };
        let record = match record::read::<EventRecord>(slide.record.as_ref()) {
            Ok(record) => record,
            Err(why) => {
                self.warn(format!("{at}: ignoring its afghan_timeline record: {why}"));
                None
            }
        };
        let record = record.as_ref();
        let id = self.event_id(&at, slide);
        let headline = slide.headline().unwrap_or_default();
        let mut title = match record {
            Some(r) if headline == export::headline(&r.title) => r.title.clone(),
            _ => strip(headline),
        };
        if title.trim().is_empty() {
            self.warn(format!("{at}: it has no headline; its title is its id"));
            title.clone_from(&id);
        }
        let (date, end, date_note) = self.dates(&at, slide, record, &start, end.as_ref());
        let (summary, detail) = self.text(slide, record, &title);
        let actors = self.event_actors(&at, slide, record);
        let sources = self.sources(&at, slide, record);
        let event = RawEvent {
            id,
            date: date.to_string().into(),
            end: end.map(|e| e.to_string().into()),
            title,
            summary,
            detail,
            date_note,
            actors: actors.into_iter().map(Into::into).collect(),
            tags: record.map(|r| r.tags.clone()).unwrap_or_default(),
            location: record.and_then(|r| r.location.clone()),
            sources,
            related: Vec::new(),
        };
        Some((event, record.map(|r| r.related.clone()).unwrap_or_default()))
    }

    /// `unique_id` when it is a valid, unused id; else its slug, or the headline's.
    fn event_id(&mut self, at: &str, slide: &Slide) -> String {
        let wanted = slide.unique_id.as_deref().map(str::trim);
        let Some(wanted) = wanted.filter(|u| !u.is_empty()) else {
            let base = slug(&strip(slide.headline().unwrap_or_default()));
            return self.event_ids.claim(&base, "event");
        };
        let base = if is_valid(wanted) {
            wanted.to_owned()
        } else {
            slug(wanted)
        };
        let id = self.event_ids.claim(&base, "event");
        if id != wanted {
            self.warn(format!(
                "{at}: its unique_id {} becomes the id {} (ids are unique and use a-z, 0-9 and '-')",
                quote(wanted),
                quote(&id)
            ));
        }
        id
    }

    /// The date, end and date note: recorded dates restore `~`; display dates and times
    /// of day, which a date cannot hold, become the note.
    fn dates(
        &mut self,
        at: &str,
        slide: &Slide,
        record: Option<&EventRecord>,
        start: &Read,
        shown_end: Option<&Read>,
    ) -> (Date, Option<Date>, Option<String>) {
        let parse = |text: Option<&String>| text.and_then(|t| t.parse::<Date>().ok());
        let recorded_date = parse(record.map(|r| &r.date));
        let recorded_end = parse(record.and_then(|r| r.end.as_ref()));
        let mut date = recorded_date
            .filter(|d| same_period(*d, start.date))
            .unwrap_or(start.date);
        let mut end = match (shown_end, recorded_end) {
            (Some(shown), Some(rec)) if same_period(rec, shown.date) => Some(rec),
            (Some(shown), _) => Some(shown.date),
            // The export leaves out an end in the same period as the start.
            (None, Some(rec)) if slide.end_date.is_none() && same_period(rec, date) => Some(rec),
            (None, _) => None,
        };
        if let Some(e) = end
            && e.last_day() < date.first_day()
        {
            self.warn(format!(
                "{at}: its end_date ({e}) is before its start_date ({date}); the end is dropped"
            ));
            end = None;
        }
        let mut notes = Vec::new();
        let shown = slide.display_date.as_deref().unwrap_or_default();
        let exported = recorded_date.and_then(|d| {
            export::display_date(d, recorded_end, record.and_then(|r| r.date_note.as_deref()))
        });
        match record {
            Some(r)
                if recorded_date.is_some() && exported.as_deref().unwrap_or_default() == shown =>
            {
                notes.extend(r.date_note.clone());
            }
            _ => {
                let shown = strip(shown);
                if !shown.is_empty() {
                    let lower = shown.to_lowercase();
                    if APPROXIMATE.iter().any(|w| lower.starts_with(w)) && !date.is_approximate() {
                        date = format!("~{date}").parse().unwrap_or(date);
                    }
                    notes.push(shown);
                }
            }
        }
        for (which, part) in [("start", &slide.start_date), ("end", &slide.end_date)] {
            let shown = part
                .as_ref()
                .and_then(|d| d.display_date.as_deref())
                .map(strip);
            if let Some(shown) = shown.filter(|s| !s.is_empty()) {
                notes.push(format!("{which}: {shown}"));
            }
        }
        for (which, read) in [("start", Some(start)), ("end", shown_end)] {
            let Some(read) = read else { continue };
            if read.day_without_month {
                self.warn(format!(
                    "{at}: its {which}_date has a day but no month; the day is ignored"
                ));
            }
            if let Some(time) = &read.time {
                self.warn(format!(
                    "{at}: its {which} time {time} is kept in its date_note (dates stop at the day)"
                ));
                notes.push(format!("{which} time {time}"));
            }
        }
        (date, end, Some(notes.join("; ")).filter(|n| !n.is_empty()))
    }

    /// Summary and detail: the recorded ones while `text.text` is what the export wrote,
    /// else the text's first paragraph and the rest.
    fn text(
        &mut self,
        slide: &Slide,
        record: Option<&EventRecord>,
        title: &str,
    ) -> (String, Option<String>) {
        let body = slide.body().unwrap_or_default();
        if let Some(r) = record {
            let sources: Vec<SourceView> = r
                .sources
                .iter()
                .map(|s| SourceView {
                    publisher: &s.publisher,
                    title: &s.title,
                    date: s.date.as_deref().and_then(|d| d.parse().ok()),
                    url: s.url.as_deref(),
                })
                .collect();
            if body == export::slide_html(&r.summary, r.detail.as_deref(), &sources)
                && !r.summary.trim().is_empty()
            {
                return (r.summary.clone(), r.detail.clone());
            }
        }
        let text = strip(body);
        let mut paragraphs = split_paragraphs(&text);
        let summary = paragraphs.next().unwrap_or_default().to_owned();
        let rest: Vec<&str> = paragraphs.collect();
        let detail = (!rest.is_empty()).then(|| rest.join("\n\n"));
        if summary.is_empty() {
            self.without_text += 1;
            return (title.to_owned(), detail);
        }
        (summary, detail)
    }
}

/// `events[3] 'soviet-intervention'`: where a slide is, for messages.
fn label(i: usize, slide: &Slide) -> String {
    let name = slide
        .unique_id
        .clone()
        .filter(|u| !u.trim().is_empty())
        .or_else(|| slide.headline().map(strip).filter(|h| !h.is_empty()));
    match name {
        Some(name) => format!("events[{i}] {}", quote(&name)),
        None => format!("events[{i}]"),
    }
}
