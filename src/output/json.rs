//! The `json` format (JSON Lines) and the JSON shape of actors.

use std::io::{self, Write};

use serde_json::{Value, json};

use crate::model::calendar::{self, DateStyle, Form, Reckoning};
use crate::model::{Actor, Event, Timeline};
use crate::sanitize::is_dangerous;

/// An event as a JSON object; dates are the strings a timeline file would hold.
pub fn event_json(timeline: &Timeline, event: &Event) -> Value {
    json!({
        "id": event.id,
        "date": event.date.to_string(),
        "precision": event.date.precision().as_str(),
        "approximate": event.date.is_approximate(),
        "end": event.end.map(|d| d.to_string()),
        "title": event.title,
        "summary": event.summary,
        "detail": event.detail,
        "date_note": event.date_note,
        "actors": event.actors.iter().map(|a| timeline.actor(*a).id.as_str()).collect::<Vec<_>>(),
        "tags": event.tags,
        "location": event.location,
        "sources": event.sources.iter().map(|s| json!({
            "publisher": s.publisher,
            "title": s.title,
            "date": s.date.map(|d| d.to_string()),
            "url": s.url,
        })).collect::<Vec<_>>(),
        "related": event.related.iter().map(|r| timeline.event(*r).id.as_str()).collect::<Vec<_>>(),
    })
}

/// [`event_json`] with, in a calendar beside the Gregorian, the converted date as a field
/// of its own, `calendar_date`; the Gregorian fields stay as they are. It is `null` when the
/// event began before the calendar did.
pub fn event_json_in(timeline: &Timeline, event: &Event, style: DateStyle) -> Value {
    let mut value = event_json(timeline, event);
    let Some(reckoning) = style.reckoning() else {
        return value;
    };
    let day = |d: chrono::NaiveDate| {
        reckoning
            .day(d)
            .map(|c| format!("{:04}-{:02}-{:02}", c.year, c.month, c.day))
    };
    let converted = calendar::show(event.date, event.end, style, Form::Long).map(|text| {
        let mut field = json!({
            "calendar": style.calendar.name(),
            "text": text,
            "first_day": day(event.date.first_day()),
            "last_day": day(event.last_day()),
            "computed_back": calendar::computed_back(event.date, style),
        });
        if let Reckoning::LunarHijri(variant) = reckoning {
            field["variant"] = json!(match variant {
                calendar::Hijri::UmmAlQura => "umm-al-qura",
                calendar::Hijri::Tabular => "tabular",
            });
        }
        field
    });
    if let Value::Object(map) = &mut value {
        map.insert("calendar_date".to_owned(), json!(converted));
    }
    value
}

/// An actor as a JSON object, with its number of events.
pub fn actor_json(actor: &Actor, events: usize) -> Value {
    json!({
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind.as_str(),
        "aliases": actor.aliases,
        "events": events,
    })
}

/// One compact JSON value and a newline.
pub fn write_json_line(out: &mut dyn Write, value: &Value) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, SafeFormatter);
    serde::Serialize::serialize(value, &mut ser).map_err(io::Error::from)?;
    writeln!(out)
}

/// `serde_json`'s compact formatter, plus `\uXXXX` escapes for DEL, C1 and bidi controls
/// (`serde_json` already escapes C0).
struct SafeFormatter;

impl serde_json::ser::Formatter for SafeFormatter {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if is_dangerous(c) {
                writer.write_all(&fragment.as_bytes()[start..i])?;
                write!(writer, "\\u{:04x}", u32::from(c))?;
                start = i + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }
}
