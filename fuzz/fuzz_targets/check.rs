//! Invariants shared by the fuzz targets: what any loaded timeline, any error report and
//! any output must satisfy, whatever the input was.

// Each target uses a subset of these checks.
#![allow(dead_code)]

use afghan_timeline::load::LoadError;
use afghan_timeline::model::{EventId, Timeline};
use afghan_timeline::output::{self, Format};
use afghan_timeline::query::Filter;
use afghan_timeline::sanitize::is_dangerous;
use afghan_timeline::tui::action::Action;
use afghan_timeline::tui::app::{App, Settings};
use afghan_timeline::tui::view::Screen;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

/// Panics when `text` holds a character that must never reach a terminal raw.
pub fn inert(what: &str, text: &str, allowed: &[char]) {
    if let Some(c) = text
        .chars()
        .find(|&c| is_dangerous(c) && !allowed.contains(&c))
    {
        panic!("{what}: raw {c:?} in {text:?}");
    }
}

/// Every rejected input is a readable, inert report within its own text.
pub fn error(e: &LoadError, input: &[u8]) {
    let plain = e.to_string();
    inert("error message", &plain, &['\n']);
    if let LoadError::Invalid(report) = e {
        assert_eq!(report.render(false), plain);
        let _ = report.render(true);
        assert!(
            !report.diagnostics.is_empty(),
            "an invalid file has a problem"
        );
        assert!(report.diagnostics.len() <= 50, "at most 50 problems shown");
        let lines = input.split(|b| *b == b'\n').count();
        for d in &report.diagnostics {
            assert!(
                d.line >= 1 && d.line <= lines && d.col >= 1,
                "position {}:{} outside a text of {lines} lines: {plain}",
                d.line,
                d.col
            );
        }
    }
}

fn index(i: usize) -> EventId {
    EventId(u32::try_from(i).expect("fewer than 2^32 events"))
}

fn valid_id(id: &str) -> bool {
    !id.is_empty() && id.chars().all(|c| matches!(c, 'a'..='z' | '0'..='9' | '-'))
}

/// Every accepted input is a timeline whose invariants hold, and which every output
/// format and the explorer can show.
pub fn timeline(t: &Timeline) {
    for w in t.events.windows(2) {
        assert!(
            w[0].date.sort_key() <= w[1].date.sort_key(),
            "events in date order"
        );
    }
    for (i, a) in t.actors.iter().enumerate() {
        assert!(valid_id(&a.id), "actor id {:?}", a.id);
        assert!(!a.name.trim().is_empty());
        assert!(
            t.actors[..i].iter().all(|b| b.id != a.id),
            "unique actor ids"
        );
    }
    for w in t.eras.windows(2) {
        assert!(
            w[0].start.sort_key() <= w[1].start.sort_key(),
            "eras in order"
        );
    }
    for era in &t.eras {
        assert!(valid_id(&era.id));
        assert!(era.last_day().is_none_or(|d| d >= era.start.first_day()));
    }
    for (i, e) in t.events.iter().enumerate() {
        assert!(valid_id(&e.id), "event id {:?}", e.id);
        assert_eq!(
            t.find_event(&e.id),
            Some(index(i)),
            "id index finds {:?}",
            e.id
        );
        assert!(!e.title.trim().is_empty() && !e.summary.trim().is_empty());
        assert!(!e.actors.is_empty() && e.actors.iter().all(|a| a.index() < t.actors.len()));
        assert!(!e.sources.is_empty());
        assert!(e.related.iter().all(|r| r.index() < t.events.len()));
        if let Some(end) = e.end {
            assert!(end.last_day() >= e.date.first_day(), "end not before date");
        }
    }
    outputs(t);
    screen(t);
}

/// Every format writes every event; human formats are inert, JSON parses back.
fn outputs(t: &Timeline) {
    let all: Vec<EventId> = t.event_ids().collect();
    for format in Format::ALL {
        let mut out = Vec::new();
        output::write_events(&mut out, t, &all, format).expect("writing to memory succeeds");
        let text = String::from_utf8(out).expect("output is UTF-8");
        let allowed: &[char] = match format {
            Format::Line => &['\n', '\t'],
            // RFC 4180 ends each record with CRLF.
            Format::Csv => &['\n', '\r'],
            _ => &['\n'],
        };
        inert(format.name(), &text, allowed);
        if format == Format::Json {
            for (line, event) in text.lines().zip(&t.events) {
                let value: serde_json::Value =
                    serde_json::from_str(line).expect("each json line parses");
                assert_eq!(value["title"].as_str(), Some(event.title.as_str()));
                assert_eq!(value["summary"].as_str(), Some(event.summary.as_str()));
            }
        }
    }
}

/// The explorer opens on the timeline and draws at a common and a tiny size.
fn screen(t: &Timeline) {
    let (mut app, _) = App::new(t.clone(), Filter::default(), Settings::default());
    for (width, height) in [(80, 24), (7, 3)] {
        app.update(Action::Resize { width, height });
        app.update(Action::LastEvent);
        app.update(Action::FocusDetail);
        let area = Rect::new(0, 0, width, height);
        let mut buf = Buffer::empty(area);
        Screen { app: &app }.render(area, &mut buf);
        for cell in buf.content() {
            inert("screen cell", cell.symbol(), &[]);
        }
    }
}
