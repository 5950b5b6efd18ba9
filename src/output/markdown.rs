//! The `markdown` format: a section per event, pasteable into a report.
//!
//! The output is inert: text from the file can change neither the document's structure nor
//! what it links to. [`inline`] and [`block`] escape HTML (`<b>`, `<script>`, entities),
//! brackets (links, images, footnote references), and at the start of a line everything
//! that would begin a heading, quote, list, table, fence or footnote definition. Only
//! `http`, `https` and `mailto` addresses become links.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, Write};

use super::text::{actor_names, date_in};
use crate::model::calendar::{self, DateStyle};
use crate::model::{Event, Source, Timeline};
use crate::sanitize::is_linkable;
use crate::sanitize::{Lines, clean, line};

pub(super) fn write_event(
    out: &mut dyn Write,
    timeline: &Timeline,
    event: &Event,
    first: bool,
    style: DateStyle,
) -> io::Result<()> {
    if !first {
        writeln!(out)?;
    }
    writeln!(out, "## {}: {}", date_in(event, style), text(&event.title))?;
    write_body(out, timeline, event, "", style)?;
    writeln!(out)?;
    writeln!(out, "**Sources**")?;
    writeln!(out)?;
    for (n, source) in event.sources.iter().enumerate() {
        writeln!(out, "{}. {}", n + 1, cite(source))?;
    }
    Ok(())
}

/// What follows an event's heading: its facts line, the summary (then `marks`, such as
/// footnote references), the detail and the date note; with a calendar, both dates first
/// in the facts. Shared with the chronology export.
pub fn write_body(
    out: &mut dyn Write,
    timeline: &Timeline,
    event: &Event,
    marks: &str,
    style: DateStyle,
) -> io::Result<()> {
    writeln!(out)?;
    let actors = inline(&actor_names(timeline, event)).into_owned();
    let mut facts = Vec::new();
    if style.reckoning().is_some() {
        let both = calendar::beside(event.date, event.end, style);
        facts.push(format!("**Date:** {}", inline(&both)));
    }
    facts.push(format!("**Actors:** {actors}"));
    if let Some(location) = &event.location {
        facts.push(format!("**Location:** {}", text(location)));
    }
    if !event.tags.is_empty() {
        let tags: Vec<_> = event.tags.iter().map(|t| text(t)).collect();
        facts.push(format!("**Tags:** {}", tags.join(", ")));
    }
    writeln!(out, "{}", facts.join(" · "))?;
    writeln!(out)?;
    writeln!(out, "{}{marks}", block(&event.summary))?;
    if let Some(detail) = &event.detail {
        writeln!(out)?;
        writeln!(out, "{}", block(detail))?;
    }
    if let Some(note) = &event.date_note {
        writeln!(out)?;
        writeln!(out, "> **Date:** {}", text(note))?;
    }
    if calendar::computed_back(event.date, style) {
        writeln!(out)?;
        writeln!(out, "> **Calendar:** {}", calendar::COMPUTED_BACK)?;
    }
    Ok(())
}

/// `RFE/RL, *Title*, 27 Dec 2009, <https://…>`
pub fn cite(source: &Source) -> String {
    let mut cited = format!("{}, *{}*", text(&source.publisher), text(&source.title));
    if let Some(date) = source.date {
        let _ = write!(cited, ", {}", date.short());
    }
    if let Some(url) = &source.url {
        let url = line(url);
        // An autolink ends at a space or '>'; an address holding one is shown, not linked.
        if is_linkable(&url) && !url.contains(|c: char| c.is_whitespace() || "<>".contains(c)) {
            let _ = write!(cited, ", <{url}>");
        } else {
            let _ = write!(cited, ", {}", inline(&url));
        }
    }
    cited
}

/// One-line file text (a title, a name) for Markdown: sanitized, unindented, then
/// [`inline`], and a start that would begin a block escaped (it may start a footnote or
/// a list item, where an indent or a `#` would make code or a heading).
pub fn text(value: &str) -> String {
    unblock(&inline(line(value).trim_start()))
}

/// Text inside a line, inert: HTML and character references escaped (`&lt;b&gt;`),
/// backslashes, brackets and backticks escaped so that no link, image, footnote
/// reference or code span forms.
pub fn inline(text: &str) -> Cow<'_, str> {
    if !text.contains(['&', '<', '>', '[', ']', '\\', '`']) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '[' | ']' | '\\' | '`' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Multi-line file text (a summary, a detail) for Markdown: sanitized, each line
/// [`inline`], unindented (four spaces would make code) and [`unblock`]ed, so the text
/// stays paragraphs.
pub fn block(value: &str) -> String {
    let cleaned = clean(value.trim(), Lines::Keep);
    let mut out = String::with_capacity(cleaned.len() + 8);
    for (i, l) in cleaned.lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&unblock(&inline(l.trim_start())));
    }
    out
}

/// `line` with a start that would begin a block (`#`, `>`, `-`, `+`, `*`, `=`, `|`, `~`,
/// `1.`, `1)`), after any spaces, escaped.
fn unblock(line: &str) -> String {
    let body = line.trim_start();
    let (indent, body) = line.split_at(line.len() - body.len());
    let digits = body
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(body.len());
    if body.starts_with(['#', '>', '-', '+', '*', '=', '|', '~', ':']) {
        format!("{indent}\\{body}")
    } else if digits > 0 && body[digits..].starts_with(['.', ')']) {
        format!("{indent}{}\\{}", &body[..digits], &body[digits..])
    } else {
        line.to_owned()
    }
}
