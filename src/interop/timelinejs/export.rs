//! Timeline → TimelineJS JSON.
//!
//! Every slide is built only from fields TimelineJS documents, so the file loads in
//! TimelineJS unchanged; what TimelineJS has no field for travels in an
//! `afghan_timeline` record beside them (see the module above). The functions that make
//! the visible fields from plain values are public to the importer, which calls them to
//! tell whether a visible field is still what the export wrote.

use std::fmt::Write as _;

use serde_json::{Map, Value, json};

use super::date::{same_period, span, write as date_json};
use super::eras::{self, EraSelection};
use super::groups::{self, GroupBy};
use super::note::{display_date, note_parts, text_note};
pub use super::note::{stripped_field, stripped_field_text};
use super::shape::RECORD;
use crate::interop::html::{escape, paragraphs};
use crate::model::calendar::{self, DateStyle, Form};
use crate::model::{Date, Event, Timeline};
use crate::output::{actor_json, event_json_in};
use crate::sanitize::is_linkable;
use crate::sanitize::line;

/// A TimelineJS document and what could not be shown in it.
#[derive(Debug)]
pub struct Exported {
    pub document: Value,
    pub warnings: Vec<String>,
}

/// A source as the slide text lists it.
pub struct SourceView<'a> {
    pub publisher: &'a str,
    pub title: &'a str,
    pub date: Option<Date>,
    pub url: Option<&'a str>,
}

impl SourceView<'_> {
    /// Whether this is the stand-in an import cites for a slide without credit or media:
    /// published by the imported file (a `.json` or `.csv` name, or standard input), titled
    /// as the timeline, with no date or address.
    pub fn is_placeholder(&self, timeline_title: &str) -> bool {
        let extension = std::path::Path::new(self.publisher)
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_lowercase);
        self.url.is_none()
            && self.date.is_none()
            && self.title == timeline_title
            && (matches!(extension.as_deref(), Some("json" | "csv")) || self.publisher == "<stdin>")
    }
}

/// Whether `title` is the stand-in an import gives a file whose title slide has no
/// headline (`Imported from FILE.json`): the export then publishes no headline, and no
/// title slide at all unless there is a description for it, as the file had none.
pub fn is_placeholder_title(title: &str) -> bool {
    title
        .strip_prefix(IMPORTED_FROM)
        .and_then(|file| std::path::Path::new(file).extension())
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("json") || e.eq_ignore_ascii_case("csv"))
        || title == format!("{IMPORTED_FROM}<stdin>")
}

/// How the stand-in title begins.
pub const IMPORTED_FROM: &str = "Imported from ";

/// How to export.
#[derive(Clone, Copy, Debug, Default)]
pub struct ExportOptions {
    pub group_by: GroupBy,
    pub eras: EraSelection,
    /// A calendar beside the Gregorian: its date follows in each slide's `display_date`.
    pub dates: DateStyle,
}

/// The whole timeline as a TimelineJS document.
pub fn export(timeline: &Timeline, options: ExportOptions) -> Exported {
    let mut warnings = Vec::new();
    if timeline.events.is_empty() {
        warnings.push(
            "the timeline has no events; TimelineJS shows nothing but the message \
             'Timeline configuration has no events'"
                .to_owned(),
        );
    }
    let mut counts = vec![0usize; timeline.actors.len()];
    for event in &timeline.events {
        for a in &event.actors {
            counts[a.index()] += 1;
        }
    }
    let groups = groups::assign(timeline, options.group_by, &mut warnings);
    // An ongoing era is written with the end `ends` gives it, warned about only when the
    // band shows it: an era left out is not written with an end, so there is nothing to say.
    let ends = super::ongoing::ends(timeline);
    let mut band_warnings = Vec::new();
    let band = eras::band(&ends, options.eras, &mut band_warnings);
    warnings.extend(
        ends.iter()
            .zip(&band.is_shown)
            .filter(|((era, _), shown)| era.end.is_none() && **shown)
            .map(|(&(era, written), _)| super::ongoing::warning(era, written)),
    );
    warnings.append(&mut band_warnings);
    let mut document = json!({
        "events": timeline
            .events
            .iter()
            .zip(&groups)
            .map(|(e, g)| slide(timeline, e, g.as_deref(), options.dates))
            .collect::<Vec<_>>(),
        "eras": band.shown,
        "scale": "human",
        RECORD: {
            "actors": timeline
                .actors
                .iter()
                .zip(&counts)
                .map(|(a, n)| actor_json(a, *n))
                .collect::<Vec<_>>(),
            "eras": band.hidden,
            "group_by": groups::resolve(timeline, options.group_by).as_str(),
        },
    });
    // A title slide only where there is a title to publish: the stand-in title of an
    // imported file without one is not, and adding a slide it did not have changes it.
    let placeholder = is_placeholder_title(&timeline.title);
    if !placeholder || timeline.description.is_some() {
        document["title"] = title_slide(timeline, placeholder);
    }
    Exported { document, warnings }
}

fn title_slide(timeline: &Timeline, placeholder: bool) -> Value {
    // An explicit id that no event has: TimelineJS would otherwise give the title the slug
    // of its headline, and rename an event whose id happened to be that slug.
    let mut id = "title".to_owned();
    let mut n = 1;
    while timeline.find_event(&id).is_some() {
        n += 1;
        id = format!("title-{n}");
    }
    json!({
        "unique_id": id,
        "text": {
            "headline": if placeholder { String::new() } else { headline(&timeline.title) },
            "text": description_html(timeline.description.as_deref()),
        },
        RECORD: {
            "title": timeline.title,
            "description": timeline.description,
        },
    })
}

fn slide(timeline: &Timeline, event: &Event, group: Option<&str>, dates: DateStyle) -> Value {
    let mut slide = Map::new();
    slide.insert("unique_id".to_owned(), json!(event.id));
    let (start, end) = slide_dates(event.date, event.end);
    slide.insert("start_date".to_owned(), start);
    if let Some(end) = end {
        slide.insert("end_date".to_owned(), end);
    }
    let parts = note_parts(event.date, event.end, event.date_note.as_deref());
    for (key, shown) in [("start_date", parts.start), ("end_date", parts.end)] {
        if let (Some(shown), Some(Value::Object(date))) = (shown, slide.get_mut(key)) {
            date.insert("display_date".to_owned(), json!(stripped_field(shown)));
        }
    }
    let sources: Vec<SourceView> = event
        .sources
        .iter()
        .map(|s| SourceView {
            publisher: &s.publisher,
            title: &s.title,
            date: s.date,
            url: s.url.as_deref(),
        })
        // The stand-in an import cites for a slide without credit is not a source to publish.
        .filter(|s| !s.is_placeholder(&timeline.title))
        .collect();
    slide.insert(
        "text".to_owned(),
        json!({
            "headline": event_headline(&event.title, &event.summary),
            "text": slide_html(
                &event.summary,
                event.detail.as_deref(),
                text_note(event.date, event.end, event.date_note.as_deref()).as_deref(),
                &sources
            ),
        }),
    );
    if let Some(group) = group {
        slide.insert("group".to_owned(), json!(self::group(group)));
    }
    // The converted date after the dates in words: `15 August 2021 · 24 Asad 1400 SH`. The
    // record's `calendar_date` says what was added, so that an import knows it.
    let converted = calendar::show(event.date, event.end, dates, Form::Long);
    let shown = display_date(
        event.date,
        event.end,
        event.date_note.as_deref(),
        converted.as_deref(),
    );
    if let Some(shown) = shown {
        slide.insert("display_date".to_owned(), json!(shown));
    }
    slide.insert(RECORD.to_owned(), event_json_in(timeline, event, dates));
    Value::Object(slide)
}

/// An event's `start_date` and `end_date`: no end when it names the start's period or
/// the span is a single day; else as [`span`] writes them.
fn slide_dates(date: Date, end: Option<Date>) -> (Value, Option<Value>) {
    match end
        .filter(|end| !same_period(*end, date))
        .and_then(|end| span(date, end))
    {
        Some((start, end, _)) => (start, Some(end)),
        None => (date_json(date), None),
    }
}

/// `text.headline`: the title as HTML text.
pub fn headline(title: &str) -> String {
    escape(title)
}

/// A slide's `text.headline`: the title, unless it is the one an import made up from the
/// text of a slide without a headline (the text's first sentence, or its start cut with
/// `…`): publishing that would show the words twice, and the original had none.
pub fn event_headline(title: &str, summary: &str) -> String {
    let cut = title.strip_suffix('…').is_some_and(|start| {
        !start.is_empty() && summary.len() > start.len() && summary.starts_with(start)
    });
    let sentence = title.ends_with('.')
        && summary
            .strip_prefix(title)
            .is_some_and(|rest| rest.starts_with(' '));
    if cut || sentence {
        String::new()
    } else {
        headline(title)
    }
}

/// `group`: text for a field TimelineJS strips of markup and then puts into the page as
/// markup (`display_date` and `group`), so it is escaped twice: once for each reading.
pub fn group(name: &str) -> String {
    stripped_field(&line(name))
}

/// The title slide's `text.text`.
pub fn description_html(description: Option<&str>) -> String {
    description.map(paragraphs).unwrap_or_default()
}

/// What opens the list of sources in a slide's text.
pub const SOURCES_HEADING: &str = "<p><strong>Sources</strong></p>";

/// `text.text`: the summary, the detail's paragraphs, a date note too long for the date
/// line (see [`super::note::text_note`]), and the sources as a numbered list.
pub fn slide_html(
    summary: &str,
    detail: Option<&str>,
    note: Option<&str>,
    sources: &[SourceView],
) -> String {
    let mut html = paragraphs(summary);
    if let Some(detail) = detail {
        html.push_str(&paragraphs(detail));
    }
    if let Some(note) = note {
        html.push_str(&paragraphs(note));
    }
    if !sources.is_empty() {
        html.push_str(SOURCES_HEADING);
        html.push_str("<ol>");
        for s in sources {
            let _ = write!(
                html,
                "<li>{}, <em>{}</em>",
                escape(s.publisher),
                escape(s.title)
            );
            if let Some(date) = s.date {
                let _ = write!(html, ", {}", escape(&date.short()));
            }
            match s.url {
                Some(url) if is_linkable(url) => {
                    let url = escape(url);
                    let _ = write!(html, ", <a href=\"{url}\">{url}</a>");
                }
                Some(url) => {
                    let _ = write!(html, ", {}", escape(url));
                }
                None => {}
            }
            html.push_str("</li>");
        }
        html.push_str("</ol>");
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stripped_fields_read_back_as_the_text() {
        for text in ["<b>bold</b> & co", "a < b", "plain"] {
            assert_eq!(stripped_field_text(&stripped_field(text)), text);
        }
    }
}
