//! The TimelineJS JSON format as serde reads it, and its field lists.
//!
//! The fields are those of TimelineJS3's `TimelineConfig.js` and `TLDate.js` and of
//! <https://timeline.knightlab.com/docs/json-format.html>. Reading is as lenient as
//! TimelineJS itself: a text or date part may arrive as a string, a number or `null`
//! (spreadsheet exports write `"month": ""`), and unknown keys are ignored here, then
//! named by [`not_carried`] so that nothing is dropped without a word. Only the shape of
//! the containers is strict (`events` a list, a date an object), and a mistake there is
//! a serde error with a line and column.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use serde_json::Value;

/// The key under which afghan-timeline keeps, per slide, era and timeline, what
/// TimelineJS has no field for; TimelineJS ignores keys it does not know.
pub const RECORD: &str = "afghan_timeline";

pub const TOP: &[&str] = &["events", "title", "eras", "scale"];
pub const SLIDE: &[&str] = &[
    "start_date",
    "end_date",
    "text",
    "media",
    "group",
    "display_date",
    "background",
    "autolink",
    "unique_id",
];
pub const DATE: &[&str] = &[
    "year",
    "month",
    "day",
    "hour",
    "minute",
    "second",
    "millisecond",
    "display_date",
    "format",
];
pub const TEXT: &[&str] = &["headline", "text"];
pub const MEDIA: &[&str] = &[
    "url",
    "caption",
    "credit",
    "thumbnail",
    "alt",
    "title",
    "link",
    "link_target",
];
pub const BACKGROUND: &[&str] = &["url", "alt", "color"];
pub const ERA: &[&str] = &["start_date", "end_date", "text"];

#[derive(Debug, Deserialize)]
pub struct Document {
    /// Slides are read one by one, so that one of the wrong shape is skipped, not fatal.
    pub events: Vec<Value>,
    #[serde(default)]
    pub title: Option<Slide>,
    #[serde(default)]
    pub eras: Option<Vec<Value>>,
    #[serde(default, rename = "afghan_timeline")]
    pub record: Option<Value>,
}

#[derive(Debug, Default, Deserialize)]
pub struct Slide {
    #[serde(default)]
    pub start_date: Option<TjsDate>,
    #[serde(default)]
    pub end_date: Option<TjsDate>,
    #[serde(default)]
    pub text: Option<Text>,
    #[serde(default)]
    pub media: Option<Media>,
    #[serde(default, deserialize_with = "lenient")]
    pub group: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub display_date: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub unique_id: Option<String>,
    #[serde(default, rename = "afghan_timeline")]
    pub record: Option<Value>,
}

impl Slide {
    pub fn headline(&self) -> Option<&str> {
        self.text.as_ref().and_then(|t| t.headline.as_deref())
    }

    pub fn body(&self) -> Option<&str> {
        self.text.as_ref().and_then(|t| t.text.as_deref())
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct Text {
    #[serde(default, deserialize_with = "lenient")]
    pub headline: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub text: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct Media {
    #[serde(default, deserialize_with = "lenient")]
    pub url: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub caption: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub credit: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub title: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub alt: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct Era {
    #[serde(default)]
    pub start_date: Option<TjsDate>,
    #[serde(default)]
    pub end_date: Option<TjsDate>,
    #[serde(default)]
    pub text: Option<Text>,
    #[serde(default, rename = "afghan_timeline")]
    pub record: Option<Value>,
}

/// A date object; every part as the text it was given, numbers included, so that the
/// converter can name a bad part in its warning.
#[derive(Debug, Default, Deserialize)]
pub struct TjsDate {
    #[serde(default, deserialize_with = "lenient")]
    pub year: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub month: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub day: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub hour: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub minute: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub second: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub millisecond: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub display_date: Option<String>,
}

/// A string, number or boolean as text; `null` as `None`. Lists and objects are errors.
fn lenient<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    struct Lenient;
    impl Visitor<'_> for Lenient {
        type Value = Option<String>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a string or a number")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Some(v.to_owned()))
        }
        fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
            Ok(Some(v))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
    }
    deserializer.deserialize_any(Lenient)
}

/// Keys present in the file that the import has no place for, with how many objects hold
/// each: presentation fields (`background`, `media.thumbnail`, a date's `format` …) and
/// keys TimelineJS does not know either. `caption` and `alt` are counted by the importer,
/// which knows when they were used.
pub fn not_carried(document: &Value) -> BTreeMap<String, usize> {
    let mut found = BTreeMap::new();
    let Some(top) = document.as_object() else {
        return found;
    };
    let mut note = |key: String| *found.entry(key).or_insert(0) += 1;
    for key in top.keys() {
        if !TOP.contains(&key.as_str()) && key != RECORD {
            note(format!("unknown field '{key}'"));
        }
    }
    if let Some(title) = top.get("title").and_then(Value::as_object) {
        for (key, value) in title.iter().filter(|(_, v)| filled(v)) {
            match key.as_str() {
                "text" => unknown_in(value, TEXT, "title.text", &mut note),
                // The title slide's id only anchors it in a web page.
                "unique_id" | RECORD => {}
                k if SLIDE.contains(&k) => note(format!("title.{k}")),
                k => note(format!("unknown field 'title.{k}'")),
            }
        }
    }
    for slide in top
        .get("events")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let Some(slide) = slide.as_object() else {
            continue;
        };
        for (key, value) in slide.iter().filter(|(_, v)| filled(v)) {
            match key.as_str() {
                "start_date" | "end_date" => date_fields(value, key, &mut note),
                "text" => unknown_in(value, TEXT, "text", &mut note),
                "media" => {
                    for k in value.as_object().into_iter().flat_map(filled_keys) {
                        match k.as_str() {
                            "thumbnail" | "link" | "link_target" => note(format!("media.{k}")),
                            k if MEDIA.contains(&k) => {}
                            k => note(format!("unknown field 'media.{k}'")),
                        }
                    }
                }
                "background" | "autolink" => note(key.clone()),
                k if SLIDE.contains(&k) || k == RECORD => {}
                k => note(format!("unknown field '{k}'")),
            }
        }
    }
    for era in top
        .get("eras")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let Some(era) = era.as_object() else { continue };
        for (key, value) in era.iter().filter(|(_, v)| filled(v)) {
            match key.as_str() {
                "start_date" | "end_date" => date_fields(value, &format!("era {key}"), &mut note),
                "text" => {
                    for k in value.as_object().into_iter().flat_map(filled_keys) {
                        match k.as_str() {
                            "headline" => {}
                            "text" => note("era text.text".to_owned()),
                            k => note(format!("unknown field 'era text.{k}'")),
                        }
                    }
                }
                k if ERA.contains(&k) || k == RECORD => {}
                k => note(format!("unknown field 'era {k}'")),
            }
        }
    }
    found
}

fn date_fields(value: &Value, at: &str, note: &mut impl FnMut(String)) {
    for key in value.as_object().into_iter().flat_map(filled_keys) {
        match key.as_str() {
            // Era dates keep no note; slide dates' display_date goes to date_note.
            "display_date" if at.starts_with("era") => note(format!("{at}.display_date")),
            "format" => note(format!("{at}.format")),
            k if DATE.contains(&k) => {}
            k => note(format!("unknown field '{at}.{k}'")),
        }
    }
}

fn unknown_in(value: &Value, known: &[&str], at: &str, note: &mut impl FnMut(String)) {
    for key in value.as_object().into_iter().flat_map(filled_keys) {
        if !known.contains(&key.as_str()) {
            note(format!("unknown field '{at}.{key}'"));
        }
    }
}

/// Whether a value holds anything: an empty string, `null`, `{}` or `[]` carries nothing
/// to lose, and is not counted as "not carried over".
fn filled(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::String(s) => !s.trim().is_empty(),
        Value::Object(o) => o.values().any(filled),
        Value::Array(a) => !a.is_empty(),
        Value::Bool(_) | Value::Number(_) => true,
    }
}

/// The keys of an object whose values hold something.
fn filled_keys(object: &serde_json::Map<String, Value>) -> impl Iterator<Item = &String> {
    object.iter().filter(|(_, v)| filled(v)).map(|(k, _)| k)
}
