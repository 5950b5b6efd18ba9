//! The "Sources" list the export writes at the end of a slide's text, read back when the
//! slide has no record to restore its sources from (a sheet has no room for one). Only a
//! list that the export would write again byte for byte is read: anything else is text.

use std::fmt::Write as _;

use super::export::{SOURCES_HEADING, SourceView, slide_html};
use crate::interop::html::strip;
use crate::load::{RawSource, is_address};
use crate::model::Date;

/// The text before the "Sources" list, and the list's sources, when `body` ends with the
/// list exactly as the export writes it.
pub fn read(body: &str) -> Option<(&str, Vec<RawSource>)> {
    let at = body.rfind(SOURCES_HEADING)?;
    let list = body[at..].trim_end();
    let items = list
        .strip_prefix(SOURCES_HEADING)?
        .strip_prefix("<ol>")?
        .strip_suffix("</ol>")?;
    let mut sources = Vec::new();
    for item in items.split_terminator("</li>") {
        sources.push(item_source(item.strip_prefix("<li>")?)?);
    }
    if sources.is_empty() {
        return None;
    }
    Some((&body[..at], sources))
}

/// One `<li>`'s source: `publisher, <em>title</em>[, date][, address]`, tried each way
/// the export could have written it, kept only if it writes back the same.
fn item_source(item: &str) -> Option<RawSource> {
    let (publisher, rest) = item.split_once(", <em>")?;
    let (title, rest) = rest.split_once("</em>")?;
    let (publisher, title) = (strip(publisher), strip(title));
    let mut tries: Vec<(Option<Date>, Option<String>)> = Vec::new();
    if let Some(link) = rest.strip_suffix("</a>") {
        let (before, href) = link.rsplit_once(", <a href=\"")?;
        let (url, _) = href.split_once("\">")?;
        let date = before.strip_prefix(", ").and_then(short_date);
        tries.push((date, Some(strip(url))));
    } else if let Some(rest) = rest.strip_prefix(", ") {
        tries.push((short_date(rest), None));
        tries.push((None, Some(strip(rest))));
        if let Some((date, url)) = rest.split_once(", ") {
            tries.push((short_date(date), Some(strip(url))));
        }
    } else {
        tries.push((None, None));
    }
    tries.into_iter().find_map(|(date, url)| {
        let view = SourceView {
            publisher: &publisher,
            title: &title,
            date,
            url: url.as_deref(),
        };
        let written = slide_html("", None, None, &[view]);
        let expected = format!("{SOURCES_HEADING}<ol><li>{item}</li></ol>");
        (written == expected).then(|| RawSource {
            publisher: publisher.clone(),
            title: title.clone(),
            date: date.map(|d| d.to_string().into()),
            url: url.filter(|u| is_address(u)),
        })
    })
}

/// A date as [`Date::short`] writes it: `7 Dec 1978`, `~Aug 2021`, `44 BCE`.
fn short_date(text: &str) -> Option<Date> {
    let (approximate, rest) = match text.strip_prefix('~') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (rest, bce) = match rest.strip_suffix(" BCE") {
        Some(rest) => (rest, true),
        None => (rest, false),
    };
    let words: Vec<&str> = rest.split(' ').collect();
    let (day, month, year) = match words.as_slice() {
        [year] => (None, None, *year),
        [month, year] => (None, Some(*month), *year),
        [day, month, year] => (Some(*day), Some(*month), *year),
        _ => return None,
    };
    let year: i32 = year.parse().ok()?;
    let year = if bce { -year } else { year };
    let sign = if year < 0 { "-" } else { "" };
    let mut iso = format!(
        "{}{sign}{:04}",
        if approximate { "~" } else { "" },
        year.abs()
    );
    if let Some(month) = month {
        let n = (1..=12).find(|&m| {
            Date::ymd(2000, m, 1).is_some_and(|d| d.short().starts_with(&format!("1 {month} ")))
        })?;
        let _ = write!(iso, "-{n:02}");
    }
    if let Some(day) = day {
        let _ = write!(iso, "-{:02}", day.parse::<u32>().ok()?);
    }
    let date: Date = iso.parse().ok()?;
    (date.short() == text).then_some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_dates_read_back() {
        for text in ["7 Dec 1978", "~Aug 2021", "2015", "15 Mar 44 BCE", "~1994"] {
            assert_eq!(short_date(text).map(Date::short).as_deref(), Some(text));
        }
        assert_eq!(short_date("Dec 7 1978"), None);
    }

    #[test]
    fn a_written_list_reads_back() {
        let views = [
            SourceView {
                publisher: "Dawn, Karachi",
                title: "A \"clip\" <b>",
                date: "1979-12-28".parse().ok(),
                url: None,
            },
            SourceView {
                publisher: "Time",
                title: "Murder",
                date: None,
                url: Some("https://example.com/a?b=1&c=2"),
            },
        ];
        let html = slide_html("Summary.", None, None, &views);
        let (before, sources) = read(&html).expect("the list reads back");
        assert_eq!(before, "<p>Summary.</p>");
        assert_eq!(sources[0].publisher, "Dawn, Karachi");
        assert_eq!(sources[0].title, "A \"clip\" <b>");
        assert_eq!(sources[0].date.as_deref(), Some("1979-12-28"));
        assert_eq!(
            sources[1].url.as_deref(),
            Some("https://example.com/a?b=1&c=2")
        );
        assert!(read("<p>Sources</p><ol><li>made by hand</li></ol>").is_none());
    }
}
