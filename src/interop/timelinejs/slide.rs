//! One TimelineJS slide → one event.
//!
//! Visible fields are read as TimelineJS shows them; a slide's `afghan_timeline` record
//! restores what they cannot hold (the `~` of a date, the summary/detail split, actor
//! ids, tags, location, sources, related events) for as long as the visible field is
//! still exactly what the export wrote. What has no place in an event goes to its date
//! note (times of day, display dates) or into a warning.

use super::date::{self, Read, is_written_end, is_written_start, same_period, span};
use super::export::{self, SOURCES_HEADING, SourceView};
use super::ids::{is_valid, slug};
use super::import::Importer;
use super::listed;
use super::note;
use super::record::{self, EventRecord};
use super::shape::{Slide, TjsDate};
use crate::interop::html::{split_paragraphs, strip};
use crate::load::{RawEvent, RawSource, Refs};
use crate::model::Date;
use crate::sanitize::quote;

/// Words that open a display date for a date that is only approximately known.
const APPROXIMATE: [&str; 7] = ["~", "c.", "ca.", "circa", "about", "approx", "around"];

impl Importer<'_> {
    /// The event a slide holds, with the related ids its record wants; `None` (and a
    /// warning) when TimelineJS would skip the slide too.
    pub(super) fn event(&mut self, i: usize, slide: &Slide) -> Option<(RawEvent, Vec<String>)> {
        let at = label(i, slide, self.places.and_then(|p| p.events.get(i)));
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
        let empty = |part: Option<&String>| part.is_none_or(|p| p.trim().is_empty());
        let end_date = slide.end_date.as_ref().filter(|d| {
            let blank = empty(d.year.as_ref()) && empty(d.month.as_ref()) && empty(d.day.as_ref());
            if blank {
                self.empty_ends += 1;
            }
            !blank
        });
        let end = match end_date.map(date::read) {
            Some(Err(why)) => {
                self.warn(format!("{at}: its end_date is dropped: {why}"));
                None
            }
            Some(Ok(mut end)) => {
                end.date = date::meant_end(start.date, end.date);
                Some(end)
            }
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
        let headline = slide.headline().unwrap_or_default();
        let mut title = match record {
            Some(r)
                if headline == export::event_headline(&r.title, &r.summary)
                    && !headline.is_empty() =>
            {
                r.title.clone()
            }
            _ => one_line(&strip(headline)),
        };
        if title.is_empty()
            && let Some((from, text)) = untitled(slide)
        {
            self.warn(format!(
                "{at}: it has no headline; its title is taken from its {from}"
            ));
            title = text;
        }
        let id = self.event_id(&at, slide, &title, start.date);
        if title.is_empty() {
            self.warn(format!(
                "{at}: it has no headline or text; its title is its id"
            ));
            title.clone_from(&id);
        }
        let (date, end, date_note) = self.dates(&at, slide, record, &start, end.as_ref());
        let (summary, detail, listed) = self.text(slide, record, &title);
        let actors = self.event_actors(&at, slide, record);
        // Without a record, the sources the export listed in the text come back from it.
        let sources = match listed {
            Some(listed) if record.is_none() => listed,
            _ => self.sources(&at, slide, record),
        };
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
            related: Refs::new(),
            fingerprint: crate::model::Fingerprint::default(),
        };
        Some((event, record.map(|r| r.related.clone()).unwrap_or_default()))
    }

    /// `unique_id` when it is a valid, unused id; else its slug, or the title's; else, for
    /// a title without Latin letters or digits, `event-` and the date.
    fn event_id(&mut self, at: &str, slide: &Slide, title: &str, date: Date) -> String {
        let wanted = slide.unique_id.as_deref().map(str::trim);
        let Some(wanted) = wanted.filter(|u| !u.is_empty()) else {
            let base = slug(title);
            if base.is_empty() {
                let id = self
                    .event_ids
                    .claim(&format!("event-{}", slug(&date.to_string())), "event");
                self.warn(format!(
                    "{at}: its headline has no letters a-z or digits to make an id of; its id is {}",
                    quote(&id)
                ));
                return id;
            }
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
                "{at}: its unique_id {} becomes the id {} (ids are unique, use a-z, 0-9 and '-', \
                 and do not begin with '-')",
                quote(wanted),
                quote(&id)
            ));
        }
        id
    }

    /// The date, end and date note: recorded dates restore `~`; display dates and times
    /// of day, which a date cannot hold, become the note, less what the export wrote.
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
            .filter(|d| is_written_start(*d, start.date))
            .unwrap_or(start.date);
        let mut end = match (shown_end, recorded_end) {
            (Some(shown), Some(rec)) if is_written_end(rec, shown.date) => Some(rec),
            (Some(shown), _) => Some(shown.date),
            // The export leaves out an end in the start's period, or a single day's.
            (None, Some(rec))
                if slide.end_date.is_none()
                    && (same_period(rec, date) || span(date, rec).is_none()) =>
            {
                Some(rec)
            }
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
        let recorded = recorded_date.zip(record).map(|(d, r)| Recorded {
            date: d,
            end: recorded_end,
            note: r.date_note.as_deref(),
            calendar: r.calendar_date.as_ref().map(|c| c.text.as_str()),
        });
        let mut notes = display_notes(slide, recorded.as_ref(), &mut date, &mut end);
        for (which, read) in [("start", Some(start)), ("end", shown_end)] {
            let Some(read) = read else { continue };
            if read.day_without_month {
                self.warn(format!(
                    "{at}: its {which}_date has a day but no month; the day is ignored"
                ));
            }
            if let Some(day) = read.rolled_over {
                self.warn(format!(
                    "{at}: its {which}_date has day {day}, which its month does not have \
                     (TimelineJS rolls it over into the next month); the month is kept"
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
    ) -> (String, Option<String>, Option<Vec<RawSource>>) {
        let body = slide.body().unwrap_or_default();
        if let Some(r) = record {
            let timeline_title = &self.fallback_source.title;
            let sources: Vec<SourceView> = r
                .sources
                .iter()
                .map(|s| SourceView {
                    publisher: &s.publisher,
                    title: &s.title,
                    date: s.date.as_deref().and_then(|d| d.parse().ok()),
                    url: s.url.as_deref(),
                })
                .filter(|s| !s.is_placeholder(timeline_title))
                .collect();
            let date = r.date.parse::<Date>().ok();
            let end = r.end.as_deref().and_then(|e| e.parse::<Date>().ok());
            let in_text = date.and_then(|d| note::text_note(d, end, r.date_note.as_deref()));
            if body
                == export::slide_html(
                    &r.summary,
                    r.detail.as_deref(),
                    in_text.as_deref(),
                    &sources,
                )
                && !r.summary.trim().is_empty()
            {
                return (r.summary.clone(), r.detail.clone(), None);
            }
        }
        // The export's own "Sources" list comes back from the record (or, without one,
        // from the list itself), never as text: an edit cycle would otherwise add it to
        // the detail once more each time.
        let mut listed = None;
        let body = match (record, body.rfind(SOURCES_HEADING)) {
            (Some(_), Some(at)) if body.trim_end().ends_with("</ol>") => &body[..at],
            (None, Some(_)) => match listed::read(body) {
                Some((before, sources)) => {
                    listed = Some(sources);
                    before
                }
                None => body,
            },
            _ => body,
        };
        let text = strip(body);
        let mut paragraphs = split_paragraphs(&text);
        let summary = paragraphs.next().unwrap_or_default().to_owned();
        let rest: Vec<&str> = paragraphs.collect();
        let detail = (!rest.is_empty()).then(|| rest.join("\n\n"));
        if summary.is_empty() {
            self.without_text += 1;
            return (title.to_owned(), detail, listed);
        }
        (summary, detail, listed)
    }
}

/// `events[3] 'soviet-intervention'` (or `sheet.csv:12: 'Ada Lovelace'` for a row of a
/// spreadsheet): where a slide is, for messages.
fn label(i: usize, slide: &Slide, place: Option<&String>) -> String {
    let (place, sep) = place.map_or_else(|| (format!("events[{i}]"), " "), |p| (p.clone(), ": "));
    let name = slide
        .unique_id
        .clone()
        .filter(|u| !u.trim().is_empty())
        .or_else(|| slide.headline().map(strip).filter(|h| !h.is_empty()));
    match name {
        Some(name) => format!("{place}{sep}{}", quote(&name)),
        None => place,
    }
}

/// Whether a display date says its date is only approximately known.
fn approximate(shown: &str) -> bool {
    let lower = shown.trim_start().to_lowercase();
    APPROXIMATE.iter().any(|w| lower.starts_with(w))
}

/// Text on one line: `<br>` and other breaks in a headline fold to a space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Longest title made from a slide's text.
const MAX_TITLE: usize = 80;

/// A title for a slide without a headline: the first sentence of its text, else its
/// media caption; and which of the two it came from.
fn untitled(slide: &Slide) -> Option<(&'static str, String)> {
    let text = one_line(&strip(slide.body().unwrap_or_default()));
    let caption = slide
        .media
        .as_ref()
        .and_then(|m| m.caption.as_deref())
        .map(|c| one_line(&strip(c)));
    let (from, text) = if text.is_empty() {
        ("media caption", caption.filter(|c| !c.is_empty())?)
    } else {
        ("text", text)
    };
    let sentence = text.find(". ").map_or(text.as_str(), |end| &text[..=end]);
    if sentence.chars().count() <= MAX_TITLE {
        return Some((from, sentence.to_owned()));
    }
    let cut: String = sentence.chars().take(MAX_TITLE).collect();
    let cut = cut.rfind(' ').map_or(cut.as_str(), |at| &cut[..at]);
    Some((from, format!("{cut}…")))
}

/// What the record says the export wrote for a slide's dates.
struct Recorded<'a> {
    date: Date,
    end: Option<Date>,
    note: Option<&'a str>,
    /// The converted date the export added to `display_date`, if it added one.
    calendar: Option<&'a str>,
}

/// The date note's parts from the slide's display dates: the recorded note while they are
/// what the export wrote; after an edit, what was typed less the dates the export put
/// first; in other files, each display date as it is (one that opens with "circa" … marks
/// its date approximate).
fn display_notes(
    slide: &Slide,
    recorded: Option<&Recorded>,
    date: &mut Date,
    end: &mut Option<Date>,
) -> Vec<String> {
    let shown = slide.display_date.as_deref().unwrap_or_default();
    let part_shown = |part: &Option<TjsDate>| {
        part.as_ref()
            .and_then(|d| d.display_date.as_deref())
            .map(export::stripped_field_text)
            .filter(|s| !s.is_empty())
    };
    let (start_shown, end_shown) = (part_shown(&slide.start_date), part_shown(&slide.end_date));
    let mut notes = Vec::new();
    if let Some(r) = recorded {
        let parts = note::note_parts(r.date, r.end, r.note);
        let exported = note::display_date(r.date, r.end, r.note, r.calendar);
        if exported.as_deref().unwrap_or_default() == shown
            && start_shown.as_deref() == parts.start
            && end_shown.as_deref() == parts.end
        {
            notes.extend(r.note.map(str::to_owned));
            return notes;
        }
        let shown = export::stripped_field_text(shown);
        if parts.display.is_some() {
            // The file's own display date, edited: still the file's own.
            if !shown.is_empty() {
                notes.push(format!("{}{shown}", note::DISPLAY));
            }
        } else {
            let mut words = note::date_words(r.date, r.end);
            if let Some(converted) = r.calendar {
                words = format!("{words}{}{converted}", note::CALENDAR_SEPARATOR);
            }
            let rest = if shown == words {
                ""
            } else {
                shown
                    .strip_prefix(&format!("{words}{}", note::NOTE_SEPARATOR))
                    .unwrap_or(&shown)
            };
            if !rest.trim().is_empty() {
                notes.push(rest.trim().to_owned());
            }
        }
        notes.extend(start_shown.map(|s| format!("start: {s}")));
        notes.extend(end_shown.map(|s| format!("end: {s}")));
        return notes;
    }
    let shown = export::stripped_field_text(shown);
    if approximate(&shown) {
        *date = date.approximately();
    }
    if !shown.is_empty() {
        notes.push(format!("{}{shown}", note::DISPLAY));
    }
    if let Some(s) = start_shown {
        if approximate(&s) {
            *date = date.approximately();
        }
        notes.push(format!("start: {s}"));
    }
    if let Some(s) = end_shown {
        if approximate(&s) {
            *end = end.map(Date::approximately);
        }
        notes.push(format!("end: {s}"));
    }
    notes
}
