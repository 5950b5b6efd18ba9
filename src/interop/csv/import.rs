//! A sheet → a timeline file: each row becomes the slide object TimelineJS's own sheet
//! reader (`ConfigFactory.js`, `extractEventFromCSVObject`) makes of it, and the slides go
//! through the TimelineJS import, every message placed at its row.
//!
//! Sheets as spreadsheet programs write them are read: a byte-order mark, CRLF, quoted
//! cells over several lines, empty trailing columns and rows, the header in any order
//! and case. A column TimelineJS does not know is named in a warning; a sheet without a
//! `Year` or a `Headline` column is refused, since no row of it could be a slide.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value, json};

use super::HEADERS;
use crate::interop::ImportError;
use crate::interop::timelinejs::{self, ImportOptions, Imported, Places};
use crate::sanitize::quote;

/// Columns TimelineJS's sheet reader knows beyond the template's: `Alt Text` (the media's
/// alternative text) and `Tag` (the first sheets' name for `Group`).
const EXTRA: [&str; 2] = ["Alt Text", "Tag"];

/// Columns without which no row could be a slide.
const REQUIRED: [&str; 2] = ["Year", "Headline"];

/// The header row: which column holds which of TimelineJS's fields.
struct Header {
    /// For each column of the sheet, the field it holds (its name as TimelineJS spells it).
    fields: Vec<Option<&'static str>>,
    /// The column of each field the sheet has, looked up once rather than per cell.
    columns: HashMap<&'static str, usize>,
    line: u64,
}

/// A row's cells by field name, trimmed as TimelineJS trims them.
struct Row<'a> {
    header: &'a Header,
    record: &'a csv::StringRecord,
}

impl Row<'_> {
    fn get(&self, field: &str) -> &str {
        self.header
            .columns
            .get(field)
            .and_then(|&i| self.record.get(i))
            .map_or("", str::trim)
    }
}

/// Imports the bytes of a sheet (CSV) in TimelineJS's layout.
pub fn import(bytes: &[u8], options: &ImportOptions) -> Result<Imported, ImportError> {
    let name = &options.name;
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut warnings = Vec::new();
    let mut header: Option<Header> = None;
    let mut title: Option<Value> = None;
    let mut events = Vec::new();
    let mut eras = Vec::new();
    let mut places = Places::default();
    for record in reader.records() {
        let record = record.map_err(|e| read_error(name, &e))?;
        let line = record.position().map_or(0, csv::Position::line);
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let Some(header) = &header else {
            header = Some(read_header(name, &record, line, &mut warnings)?);
            continue;
        };
        let at = format!("{name}:{line}");
        let row = Row {
            header,
            record: &record,
        };
        unnamed_cells(header, &record, &at, &mut warnings);
        let slide = slide(&row, &at, &mut warnings);
        match row.get("Type").to_lowercase().as_str() {
            "title" if title.is_none() => title = Some(slide),
            "title" => {
                warnings.push(format!(
                    "{at}: a second title row; it is read as an event (as TimelineJS does)"
                ));
                events.push(slide);
                places.events.push(at);
            }
            "era" => {
                eras.push(slide);
                places.eras.push(at);
            }
            "" | "event" => {
                events.push(slide);
                places.events.push(at);
            }
            other => {
                warnings.push(format!(
                    "{at}: the type {} is not 'title' or 'era'; the row is read as an event",
                    quote(other)
                ));
                events.push(slide);
                places.events.push(at);
            }
        }
    }
    // A header and nothing under it (a blank template) has nothing to import: said as an
    // error, as for an empty sheet, rather than written out as an empty timeline.
    if let Some(header) = header
        .as_ref()
        .filter(|_| title.is_none() && events.is_empty() && eras.is_empty())
    {
        return Err(ImportError::Syntax {
            name: name.clone(),
            line: usize::try_from(header.line).unwrap_or(usize::MAX),
            col: 1,
            message: "the sheet has its header row and no rows under it; nothing to import \
                      (a row per event goes under the header, as in TimelineJS's template)"
                .to_owned(),
        });
    }
    if header.is_none() {
        return Err(ImportError::Read {
            name: name.clone(),
            reason: format!(
                "the sheet is empty; a TimelineJS sheet opens with the header row {}",
                HEADERS.join(",")
            ),
        });
    }
    let mut document = Map::new();
    if let Some(title) = title {
        document.insert("title".to_owned(), title);
    }
    document.insert("events".to_owned(), Value::Array(events));
    document.insert("eras".to_owned(), Value::Array(eras));
    let mut imported = timelinejs::import_document(&Value::Object(document), options, &places)?;
    let mut warnings = timelinejs::collapse(warnings);
    warnings.append(&mut imported.warnings);
    imported.warnings = warnings;
    Ok(imported)
}

/// A CSV error (only text that is not UTF-8, since rows may have any length) at its place.
fn read_error(name: &str, e: &csv::Error) -> ImportError {
    let line = e.position().map_or(1, csv::Position::line);
    ImportError::Syntax {
        name: name.to_owned(),
        line: usize::try_from(line).unwrap_or(usize::MAX),
        col: 1,
        message: "not valid UTF-8; save the sheet as CSV in UTF-8".to_owned(),
    }
}

/// The header row, matched to TimelineJS's columns ignoring case and spacing.
fn read_header(
    name: &str,
    record: &csv::StringRecord,
    line: u64,
    warnings: &mut Vec<String>,
) -> Result<Header, ImportError> {
    let key = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let mut fields = Vec::with_capacity(record.len());
    let mut seen = HashSet::new();
    for cell in record {
        let wanted = key(cell);
        if wanted.is_empty() {
            fields.push(None);
            continue;
        }
        let field = HEADERS
            .iter()
            .chain(&EXTRA)
            .find(|h| key(h) == wanted)
            .copied();
        match field {
            Some(f) if seen.contains(f) => {
                warnings.push(format!(
                    "{name}:{line}: the column {} comes twice; the second is ignored",
                    quote(cell.trim())
                ));
                fields.push(None);
            }
            Some(f) => {
                seen.insert(f);
                fields.push(Some(f));
            }
            None => {
                warnings.push(format!(
                    "{name}:{line}: the column {} is not one of TimelineJS's; its cells are \
                     ignored (remove it before giving the sheet to TimelineJS, which rejects \
                     extra columns)",
                    quote(cell.trim())
                ));
                fields.push(None);
            }
        }
    }
    let missing: Vec<&str> = REQUIRED.into_iter().filter(|r| !seen.contains(r)).collect();
    if !missing.is_empty() {
        let line = usize::try_from(line).unwrap_or(usize::MAX);
        return Err(ImportError::Syntax {
            name: name.to_owned(),
            line,
            col: 1,
            message: format!(
                "the header has no {} column; a TimelineJS sheet needs Year and Headline \
                 (its header row: {})",
                missing
                    .iter()
                    .map(|m| quote(m))
                    .collect::<Vec<_>>()
                    .join(" or "),
                HEADERS.join(",")
            ),
        });
    }
    let columns = fields
        .iter()
        .enumerate()
        .filter_map(|(i, f)| f.map(|f| (f, i)))
        .collect();
    Ok(Header {
        fields,
        columns,
        line,
    })
}

/// A cell under no header, or beyond the header's last column, holds something: said once
/// per row, since its text is not imported.
fn unnamed_cells(
    header: &Header,
    record: &csv::StringRecord,
    at: &str,
    warnings: &mut Vec<String>,
) {
    let lost: Vec<String> = record
        .iter()
        .enumerate()
        .filter(|(i, cell)| {
            !cell.trim().is_empty() && header.fields.get(*i).copied().flatten().is_none()
        })
        .map(|(i, _)| column_name(i))
        .collect();
    if !lost.is_empty() {
        let shown = if lost.len() > 5 {
            format!("{} and {} more", lost[..5].join(", "), lost.len() - 5)
        } else {
            lost.join(", ")
        };
        warnings.push(format!(
            "{at}: text in column {shown} (not a column of TimelineJS's, see line {}) is not imported",
            header.line
        ));
    }
}

/// A spreadsheet's name for the column at `index`: A, B … Z, AA …
fn column_name(index: usize) -> String {
    let mut n = index + 1;
    let mut name = Vec::new();
    while n > 0 {
        let digit = u8::try_from((n - 1) % 26).unwrap_or(0);
        name.push(char::from(b'A' + digit));
        n = (n - 1) / 26;
    }
    name.iter().rev().collect()
}

/// The slide object TimelineJS's sheet reader makes of a row (only the cells that hold
/// something, so that an empty cell reads as no value).
fn slide(row: &Row, at: &str, warnings: &mut Vec<String>) -> Value {
    let mut slide = Map::new();
    let put = |map: &mut Map<String, Value>, key: &str, value: &str| {
        if !value.is_empty() {
            map.insert(key.to_owned(), json!(value));
        }
    };
    for (key, prefix) in [("start_date", ""), ("end_date", "End ")] {
        let year = integer(row.get(&format!("{prefix}Year")));
        let month = integer(row.get(&format!("{prefix}Month")));
        let day = integer(row.get(&format!("{prefix}Day")));
        let time = row.get(&format!("{prefix}Time"));
        if year.is_empty() {
            if !month.is_empty() || !day.is_empty() || !time.is_empty() {
                warnings.push(format!(
                    "{at}: the {}month, day or time without a {}year is ignored (TimelineJS \
                     needs the year)",
                    prefix.to_lowercase(),
                    prefix.to_lowercase()
                ));
            }
            continue;
        }
        let mut date = Map::new();
        put(&mut date, "year", &year);
        put(&mut date, "month", &month);
        put(&mut date, "day", &day);
        if !time.is_empty() {
            match parse_time(time) {
                Some(parts) => {
                    for (k, v) in ["hour", "minute", "second", "millisecond"]
                        .iter()
                        .zip(parts)
                    {
                        if let Some(v) = v {
                            date.insert((*k).to_owned(), json!(v.to_string()));
                        }
                    }
                }
                None => warnings.push(format!(
                    "{at}: the {}time {} does not read as a time of day (like 19:30 or 7:30 PM); \
                     it is dropped",
                    prefix.to_lowercase(),
                    quote(time)
                )),
            }
        }
        slide.insert(key.to_owned(), Value::Object(date));
    }
    put(&mut slide, "display_date", row.get("Display Date"));
    let mut text = Map::new();
    put(&mut text, "headline", row.get("Headline"));
    put(&mut text, "text", row.get("Text"));
    if !text.is_empty() {
        slide.insert("text".to_owned(), Value::Object(text));
    }
    let mut media = Map::new();
    put(&mut media, "url", row.get("Media"));
    put(&mut media, "credit", row.get("Media Credit"));
    put(&mut media, "caption", row.get("Media Caption"));
    put(&mut media, "thumbnail", row.get("Media Thumbnail"));
    put(&mut media, "alt", row.get("Alt Text"));
    if !media.is_empty() {
        slide.insert("media".to_owned(), Value::Object(media));
    }
    let group = Some(row.get("Group"))
        .filter(|g| !g.is_empty())
        .unwrap_or_else(|| row.get("Tag"));
    put(&mut slide, "group", group);
    let background = row.get("Background");
    if !background.is_empty() {
        // As TimelineJS reads it: an address is an image, anything else a colour.
        let key = if background.starts_with("http:")
            || background.starts_with("https:")
            || background.starts_with('/')
        {
            "url"
        } else {
            "color"
        };
        slide.insert("background".to_owned(), json!({ key: background }));
    }
    Value::Object(slide)
}

/// A number cell as TimelineJS cleans it: spaces and thousands commas taken out.
fn integer(cell: &str) -> String {
    cell.chars()
        .filter(|c| !c.is_whitespace() && *c != ',')
        .collect()
}

/// A time of day as TimelineJS's `parseTime` reads it: `19:30`, `7:30 PM`, `1930`,
/// `19.30`, `19:30:15.5`. Hour, minute, second, millisecond.
fn parse_time(text: &str) -> Option<[Option<u32>; 4]> {
    let lower = text.trim().to_lowercase();
    let (clock, period) = ["a.m.", "p.m.", "am", "pm", "a.m", "p.m"]
        .iter()
        .find_map(|p| {
            lower
                .strip_suffix(p)
                .map(|rest| (rest.trim().to_owned(), p.starts_with('p')))
                .map(|(rest, pm)| (rest, Some(pm)))
        })
        .unwrap_or((lower.clone(), None));
    let parts: Vec<String> =
        if clock.len() >= 3 && clock.len() <= 4 && clock.chars().all(|c| c.is_ascii_digit()) {
            let (h, m) = clock.split_at(clock.len() - 2);
            vec![h.to_owned(), m.to_owned()]
        } else if clock.contains(':') {
            clock.split(':').map(str::to_owned).collect()
        } else {
            clock.split('.').map(str::to_owned).collect()
        };
    let number = |s: &str| s.trim().parse::<u32>().ok();
    let mut hour = number(parts.first()?)?;
    match period {
        Some(true) if hour < 12 => hour += 12,
        Some(false) if hour == 12 => hour = 0,
        _ => {}
    }
    if hour > 23 || parts.len() > 3 {
        return None;
    }
    let minute = parts.get(1).map_or(Some(0), |m| number(m));
    let (mut second, mut milli) = (None, None);
    if let Some(s) = parts.get(2) {
        let mut pieces = s.split(['.', ',']);
        second = Some(number(pieces.next()?)?);
        if let Some(frac) = pieces.next() {
            milli = Some(number(frac)? * 100);
        }
    }
    Some([Some(hour), Some(minute?), second, milli])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_as_timelinejs_reads_them() {
        assert_eq!(parse_time("19:30"), Some([Some(19), Some(30), None, None]));
        assert_eq!(
            parse_time("7:30 PM"),
            Some([Some(19), Some(30), None, None])
        );
        assert_eq!(parse_time("12:05 am"), Some([Some(0), Some(5), None, None]));
        assert_eq!(parse_time("1930"), Some([Some(19), Some(30), None, None]));
        assert_eq!(
            parse_time("19:30:15.5"),
            Some([Some(19), Some(30), Some(15), Some(500)])
        );
        assert_eq!(parse_time("25:00"), None);
        assert_eq!(parse_time("noon"), None);
    }

    #[test]
    fn columns_are_named_as_spreadsheets_name_them() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(18), "S");
    }
}
