//! The detail pane's content: the selected event in full, wrapped to the pane's width.
//!
//! [`lines`] is the single source of the pane's content: `update` builds and caches it per
//! selection and width to bound scrolling, and the view draws the cached lines, so the two
//! can never disagree. Styled `Line`s are plain data; nothing here draws.

use std::fmt::Write as _;

use ratatui::text::{Line, Span};

use crate::model::calendar::{self, DateStyle, column_date};
use crate::model::{Event, EventId, Interval, Timeline};
use crate::tui::links::Backlinks;
use crate::tui::text::{NBSP, clean, glue_units, wrap, wrap_hanging, wrap_paragraphs};
use crate::tui::theme::Theme;

/// The pane's lines for event `id` at a content width; `previous` is the event listed
/// before it (the interval line), `backlinks` what references it. `update` caches them per
/// selection and width, and bounds scrolling by them.
/// The event the pane shows, the one listed before it, and the reader's note on it.
#[derive(Clone, Copy)]
pub struct Shown<'a> {
    pub id: EventId,
    pub previous: Option<EventId>,
    pub note: Option<&'a str>,
}

pub fn lines(
    tl: &Timeline,
    backlinks: &Backlinks,
    shown: Shown<'_>,
    width: u16,
    theme: Theme,
    dates: DateStyle,
) -> Vec<Line<'static>> {
    let Shown { id, previous, note } = shown;
    let event = tl.event(id);
    let w = usize::from(width.max(1));
    let mut out: Vec<Line<'static>> = Vec::new();
    // A no-break space keeps a number with its unit through the wrap (`glue_units`); on
    // screen it is a space like any other.
    let push_wrapped = |out: &mut Vec<Line<'static>>, text: &str, style| {
        out.extend(
            wrap_paragraphs(text, w)
                .into_iter()
                .map(|l| Line::styled(l.replace(NBSP, " "), style)),
        );
    };

    push_wrapped(&mut out, &event.title, theme.heading());
    push_wrapped(&mut out, &glue_units(&when(event, dates)), theme.date());
    if calendar::computed_back(event.date, dates) {
        push_wrapped(
            &mut out,
            &format!("Calendar: {}", calendar::COMPUTED_BACK_SHORT),
            theme.dim(),
        );
    }
    if let Some(note) = &event.date_note {
        push_wrapped(&mut out, &format!("Date note: {note}"), theme.warning());
    }
    if let Some(prev) = previous.map(|p| tl.event(p)) {
        let gap = Interval::between(prev.date.first_day(), event.date.first_day());
        push_wrapped(
            &mut out,
            &glue_units(&format!(
                "{gap} since the previous event ({})",
                column_date(prev.date, dates)
            )),
            theme.dim(),
        );
    }
    out.push(Line::raw(""));

    let actors: Vec<String> = event
        .actors
        .iter()
        .map(|a| {
            let actor = tl.actor(*a);
            format!(
                "{} ({})",
                clean(&actor.name),
                actor.kind.as_str().to_lowercase()
            )
        })
        .collect();
    labelled(&mut out, "Actors", &actors.join(", "), w, theme);
    eras(&mut out, tl, event, w, theme);
    if let Some(location) = &event.location {
        labelled(&mut out, "Location", location, w, theme);
    }
    if !event.tags.is_empty() {
        labelled(&mut out, "Tags", &event.tags.join(", "), w, theme);
    }
    out.push(Line::raw(""));
    push_wrapped(&mut out, &event.summary, ratatui::style::Style::new());
    if let Some(detail) = &event.detail {
        out.push(Line::raw(""));
        push_wrapped(&mut out, detail, ratatui::style::Style::new());
    }
    // The reader's own words, apart from the timeline's: after what the event says,
    // before its sources.
    if let Some(note) = note {
        out.push(Line::raw(""));
        out.push(Line::styled("Note", theme.title()));
        push_wrapped(&mut out, note, theme.warning());
    }

    out.push(Line::raw(""));
    out.push(Line::styled("Sources", theme.title()));
    for (n, s) in event.sources.iter().enumerate() {
        let mut text = format!("{}. {} — {}", n + 1, clean(&s.publisher), clean(&s.title));
        if let Some(date) = s.date {
            let _ = write!(text, " ({})", date.short());
        }
        out.extend(hanging(&text, w, 3, ratatui::style::Style::new()));
        if let Some(url) = &s.url {
            out.extend(indented(&clean(url), w, 3, theme.link()));
        }
    }
    followable(&mut out, tl, backlinks, id, w, theme, dates);
    out
}

/// Related events, then those that reference this one, numbered on from 1 to 9: the keys
/// that follow them.
fn followable(
    out: &mut Vec<Line<'static>>,
    tl: &Timeline,
    backlinks: &Backlinks,
    id: EventId,
    w: usize,
    theme: Theme,
    dates: DateStyle,
) {
    let event = tl.event(id);
    let referenced_by: Vec<EventId> = crate::tui::links::referenced_by(tl, backlinks, id).collect();
    let groups = [
        (
            "Related (press the number to follow)",
            event.related.as_slice(),
        ),
        ("Referenced by", referenced_by.as_slice()),
    ];
    let mut n = 0;
    for (heading, links) in groups {
        if links.is_empty() {
            continue;
        }
        out.push(Line::raw(""));
        out.push(Line::styled(heading, theme.title()));
        for r in links {
            let rel = tl.event(*r);
            let key = if n < 9 {
                format!("[{}]", n + 1)
            } else {
                "   ".to_owned()
            };
            n += 1;
            out.extend(hanging(
                &format!(
                    "{key} {} · {}",
                    column_date(rel.date, dates),
                    clean(&rel.title)
                ),
                w,
                4,
                theme.link(),
            ));
        }
    }
}

/// `24 December 1979 – 25 December 1979 · day precision · lasted 2 d` (both days count),
/// with the date in the chosen calendar after the Gregorian one: `15 August 2021 · 24
/// Asad 1400 SH · day precision`.
fn when(event: &Event, dates: DateStyle) -> String {
    let mut s = calendar::beside(event.date, event.end, dates);
    let _ = write!(s, " · {} precision", event.date.precision().as_str());
    if let Some(end) = event.end {
        let d = Interval::inclusive(event.date.first_day(), end.last_day());
        let _ = write!(s, " · lasted {}", d.to_string().trim_start_matches('+'));
    }
    s
}

/// `Era: Second Taliban emirate (2021–)`: the eras the event's period falls in, however
/// it was filtered to (an ongoing era never ends), with their years.
fn eras(out: &mut Vec<Line<'static>>, tl: &Timeline, event: &Event, w: usize, theme: Theme) {
    let (first, last) = (event.date.first_day(), event.last_day());
    let eras: Vec<String> = tl
        .eras
        .iter()
        .filter(|era| {
            era.start.first_day() <= last && era.last_day().is_none_or(|end| end >= first)
        })
        .map(|era| format!("{} ({})", era.name, era.years()))
        .collect();
    if !eras.is_empty() {
        let label = if eras.len() == 1 { "Era" } else { "Eras" };
        labelled(out, label, &eras.join(", "), w, theme);
    }
}

fn labelled(out: &mut Vec<Line<'static>>, label: &str, value: &str, w: usize, theme: Theme) {
    let indent = label.len() + 2;
    let body = wrap(&clean(value), w.saturating_sub(indent).max(1));
    for (n, l) in body.into_iter().enumerate() {
        let head = if n == 0 {
            format!("{label}: ")
        } else {
            " ".repeat(indent)
        };
        out.push(Line::from(vec![
            Span::styled(head, theme.dim()),
            Span::raw(l),
        ]));
    }
}

/// Wraps `text` with continuation lines indented by `indent` columns, in one pass, so
/// that a word split over two lines reads back whole.
fn hanging(
    text: &str,
    w: usize,
    indent: usize,
    style: ratatui::style::Style,
) -> Vec<Line<'static>> {
    let pad = " ".repeat(indent);
    wrap_hanging(text, w, w.saturating_sub(indent))
        .into_iter()
        .enumerate()
        .map(|(n, l)| {
            let l = if n == 0 { l } else { format!("{pad}{l}") };
            Line::styled(l, style)
        })
        .collect()
}

/// Every line of `text` indented by `indent` columns: a source's address, which the
/// links over it (`view/links.rs`) read back by trimming and joining its lines.
fn indented(
    text: &str,
    w: usize,
    indent: usize,
    style: ratatui::style::Style,
) -> Vec<Line<'static>> {
    let pad = " ".repeat(indent);
    let inner = w.saturating_sub(indent).max(1);
    wrap(text, inner)
        .into_iter()
        .map(|l| Line::styled(format!("{pad}{l}"), style))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(lines: &[Line<'_>]) -> Vec<String> {
        lines.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn the_lines_fit_the_width_and_say_what_the_pane_promises() {
        let timeline = crate::load::parse(
            include_str!("../../tests/fixtures/tui/sample.ron"),
            "sample.ron",
        )
        .expect("the sample loads");
        let id = timeline.find_event("war-starts").expect("in the sample");
        let previous = timeline.find_event("founding");
        let theme = Theme { color: false };
        let backlinks = Backlinks::build(&timeline);
        // From 40 columns on (narrower, a label or the `Related` heading overhangs, cut by the
        // pane as it is drawn).
        for width in [40, 44, 120] {
            let lines = text(&lines(
                &timeline,
                &backlinks,
                Shown {
                    id,
                    previous,
                    note: None,
                },
                width,
                theme,
                DateStyle::default(),
            ));
            assert_eq!(
                lines[0],
                crate::tui::text::fit(&lines[0], usize::from(width))
            );
            for l in &lines {
                assert!(
                    crate::tui::text::width(l) <= usize::from(width).max(1),
                    "{l:?} is wider than {width}"
                );
            }
        }
        let wide = text(&lines(
            &timeline,
            &backlinks,
            Shown {
                id,
                previous,
                note: None,
            },
            120,
            theme,
            DateStyle::default(),
        ));
        assert_eq!(wide[0], "Border war begins");
        assert!(
            wide.iter()
                .any(|l| l.starts_with("Date note: Some accounts"))
        );
        assert!(
            wide.iter()
                .any(|l| l.contains("since the previous event (28 Feb 1921)"))
        );
        assert!(
            wide.iter()
                .any(|l| l.starts_with("[1] ") && l.contains("Armistice"))
        );
        // Armistice names this event back, and this one names it: listed once.
        assert!(!wide.iter().any(|l| l == "Referenced by"));
        // Two events name "embassy-opens" besides its own related one: numbered on.
        let opens = timeline.find_event("embassy-opens").expect("in the sample");
        let opened = text(&lines(
            &timeline,
            &backlinks,
            Shown {
                id: opens,
                previous: None,
                note: None,
            },
            120,
            theme,
            DateStyle::default(),
        ));
        let referenced = opened
            .iter()
            .position(|l| l == "Referenced by")
            .expect("a Referenced by heading");
        assert!(opened[referenced + 1].starts_with("[2] 5 Sep 2022 · Attack near"));
        assert!(opened[referenced + 2].starts_with("[3] 3 Jul 2025 · Southland"));
        assert!(wide.iter().any(|l| l == "Era: Border War (1950–1954)"));
        // Without a previous event there is no interval line.
        let first = text(&lines(
            &timeline,
            &backlinks,
            Shown {
                id,
                previous: None,
                note: None,
            },
            120,
            theme,
            DateStyle::default(),
        ));
        assert!(!first.iter().any(|l| l.contains("since the previous event")));
    }
}
