//! Timeline → TimelineJS JSON.
//!
//! Every slide is built only from fields TimelineJS documents, so the file loads in
//! TimelineJS unchanged; what TimelineJS has no field for travels in an
//! `afghan_timeline` record beside them (see the module above). The functions that make
//! the visible fields from plain values are public to the importer, which calls them to
//! tell whether a visible field is still what the export wrote.

use std::fmt::Write as _;

use serde_json::{Map, Value, json};

use super::date::{same_period, write as date_json};
use super::shape::RECORD;
use crate::interop::html::{escape, is_linkable, paragraphs};
use crate::model::{Date, Era, Event, Timeline};
use crate::output::{actor_json, event_json};
use crate::sanitize::{line, quote};

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

/// The whole timeline as a TimelineJS document.
pub fn export(timeline: &Timeline) -> Exported {
    let mut warnings = Vec::new();
    let mut counts = vec![0usize; timeline.actors.len()];
    for event in &timeline.events {
        for a in &event.actors {
            counts[a.index()] += 1;
        }
    }
    let mut shown_eras = Vec::new();
    let mut hidden_eras = Vec::new();
    for (era, end) in super::ongoing::ends(timeline, &mut warnings) {
        if same_period(era.start, end) {
            warnings.push(format!(
                "era {} starts and ends in the same period ({}); TimelineJS drops an end \
                 equal to the start and then rejects the era, so it is left out of 'eras' \
                 (its record keeps it for import)",
                quote(&era.id),
                quote(&era.start.to_string())
            ));
            hidden_eras.push(era_record(era));
        } else {
            shown_eras.push(era_slide(era, end));
        }
    }
    let document = json!({
        "title": title_slide(timeline),
        "events": timeline.events.iter().map(|e| slide(timeline, e)).collect::<Vec<_>>(),
        "eras": shown_eras,
        "scale": "human",
        RECORD: {
            "actors": timeline
                .actors
                .iter()
                .zip(&counts)
                .map(|(a, n)| actor_json(a, *n))
                .collect::<Vec<_>>(),
            "eras": hidden_eras,
        },
    });
    Exported { document, warnings }
}

fn title_slide(timeline: &Timeline) -> Value {
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
            "headline": headline(&timeline.title),
            "text": description_html(timeline.description.as_deref()),
        },
        RECORD: {
            "title": timeline.title,
            "description": timeline.description,
        },
    })
}

fn slide(timeline: &Timeline, event: &Event) -> Value {
    let mut slide = Map::new();
    slide.insert("unique_id".to_owned(), json!(event.id));
    slide.insert("start_date".to_owned(), date_json(event.date));
    if let Some(end) = event.end.filter(|end| !same_period(*end, event.date)) {
        slide.insert("end_date".to_owned(), date_json(end));
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
        .collect();
    slide.insert(
        "text".to_owned(),
        json!({
            "headline": headline(&event.title),
            "text": slide_html(&event.summary, event.detail.as_deref(), &sources),
        }),
    );
    if let Some(first) = event.actors.first() {
        slide.insert(
            "group".to_owned(),
            json!(group(&timeline.actor(*first).name)),
        );
    }
    if let Some(shown) = display_date(event.date, event.end, event.date_note.as_deref()) {
        slide.insert("display_date".to_owned(), json!(shown));
    }
    slide.insert(RECORD.to_owned(), event_json(timeline, event));
    Value::Object(slide)
}

/// `end` is the era's own, or the one [`super::ongoing::ends`] gave an ongoing era.
fn era_slide(era: &Era, end: Date) -> Value {
    json!({
        "start_date": date_json(era.start),
        "end_date": date_json(end),
        "text": { "headline": headline(&era.name) },
        RECORD: era_record(era),
    })
}

fn era_record(era: &Era) -> Value {
    json!({
        "id": era.id,
        "name": era.name,
        "start": era.start.to_string(),
        "end": era.end.map(|d| d.to_string()),
    })
}

/// `text.headline`: the title as HTML text.
pub fn headline(title: &str) -> String {
    escape(title)
}

/// `group`: plain text (TimelineJS strips markup from it), controls made visible.
pub fn group(name: &str) -> String {
    line(name).into_owned()
}

/// The title slide's `text.text`.
pub fn description_html(description: Option<&str>) -> String {
    description.map(paragraphs).unwrap_or_default()
}

/// `text.text`: the summary, the detail's paragraphs, and the sources as a numbered list.
pub fn slide_html(summary: &str, detail: Option<&str>, sources: &[SourceView]) -> String {
    let mut html = paragraphs(summary);
    if let Some(detail) = detail {
        html.push_str(&paragraphs(detail));
    }
    if !sources.is_empty() {
        html.push_str("<p><strong>Sources</strong></p><ol>");
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

/// `display_date`, when the date alone would mislead: approximate dates read "about
/// 1994", and a date note follows the date, since TimelineJS shows nothing else there.
pub fn display_date(date: Date, end: Option<Date>, note: Option<&str>) -> Option<String> {
    let approximate = date.is_approximate() || end.is_some_and(Date::is_approximate);
    if !approximate && note.is_none() {
        return None;
    }
    let mut shown = match end {
        Some(end) if end != date => format!("{} – {}", date.long(), end.long()),
        _ => date.long(),
    };
    if let Some(note) = note {
        let _ = write!(shown, " — {}", line(note.trim()));
    }
    Some(shown)
}
