//! The detail pane: the selected event in full, wrapped to the pane's width.
//!
//! [`lines`] is the single source of the pane's content: the view draws it and `update`
//! counts it to bound scrolling, so the two can never disagree.

use std::fmt::Write as _;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget};

use super::text::{clean, wrap, wrap_paragraphs};
use crate::model::{Event, Interval, Timeline};
use crate::tui::app::{App, Mode};
use crate::tui::theme::Theme;

/// The pane's lines for a content width; empty when nothing is selected. `update` caches
/// them per selection and width, and bounds scrolling by them.
pub fn lines(app: &App, width: u16, theme: Theme) -> Vec<Line<'static>> {
    let Some(id) = app.selected_event() else {
        return Vec::new();
    };
    let tl = &app.timeline;
    let event = tl.event(id);
    let w = usize::from(width.max(1));
    let mut out: Vec<Line<'static>> = Vec::new();
    let push_wrapped = |out: &mut Vec<Line<'static>>, text: &str, style| {
        out.extend(
            wrap_paragraphs(text, w)
                .into_iter()
                .map(|l| Line::styled(l, style)),
        );
    };

    push_wrapped(&mut out, &event.title, theme.heading());
    push_wrapped(&mut out, &when(event), theme.date());
    if let Some(note) = &event.date_note {
        push_wrapped(&mut out, &format!("Date note: {note}"), theme.warning());
    }
    if let Some(prev) = app
        .selected
        .checked_sub(1)
        .map(|p| tl.event(app.visible[p]))
    {
        let gap = Interval::between(prev.date.first_day(), event.date.first_day());
        push_wrapped(
            &mut out,
            &format!("{gap} since the previous event ({})", prev.date.short()),
            theme.dim(),
        );
    }
    out.push(Line::raw(""));

    eras(&mut out, tl, event, w, theme);
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

    out.push(Line::raw(""));
    out.push(Line::styled("Sources", theme.title()));
    for (n, s) in event.sources.iter().enumerate() {
        let mut text = format!("{}. {} — {}", n + 1, clean(&s.publisher), clean(&s.title));
        if let Some(date) = s.date {
            let _ = write!(text, " ({})", date.short());
        }
        out.extend(hanging(&text, w, 3, ratatui::style::Style::new()));
        if let Some(url) = &s.url {
            out.extend(hanging(&format!("   {}", clean(url)), w, 3, theme.link()));
        }
    }
    if !event.related.is_empty() {
        out.push(Line::raw(""));
        out.push(Line::styled(
            "Related (press the number to follow)",
            theme.title(),
        ));
        for (n, r) in event.related.iter().enumerate() {
            let rel = tl.event(*r);
            let key = if n < 9 {
                format!("[{}]", n + 1)
            } else {
                "   ".to_owned()
            };
            out.extend(hanging(
                &format!("{key} {} · {}", rel.date.short(), clean(&rel.title)),
                w,
                4,
                theme.link(),
            ));
        }
    }
    out
}

/// `24 December 1979 – 25 December 1979 · day precision · lasted 1 d`
fn when(event: &Event) -> String {
    let mut s = event.date.long();
    if let Some(end) = event.end {
        let _ = write!(s, " – {}", end.long());
    }
    let _ = write!(s, " · {} precision", event.date.precision().as_str());
    if let Some(end) = event.end {
        let d = Interval::between(event.date.first_day(), end.first_day());
        let _ = write!(s, " · lasted {}", d.to_string().trim_start_matches('+'));
    }
    s
}

/// `Era: Second Taliban emirate (2021–)`: the eras the event's date falls in, if any.
fn eras(out: &mut Vec<Line<'static>>, tl: &Timeline, event: &Event, w: usize, theme: Theme) {
    let day = event.date.first_day();
    let eras: Vec<String> = tl
        .eras
        .iter()
        .filter(|era| era.covers(day))
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

/// Wraps `text` with continuation lines indented by `indent` columns.
fn hanging(
    text: &str,
    w: usize,
    indent: usize,
    style: ratatui::style::Style,
) -> Vec<Line<'static>> {
    let first = wrap(text, w);
    let Some((head, rest)) = first.split_first() else {
        return Vec::new();
    };
    let mut out = vec![Line::styled(head.clone(), style)];
    let rest = rest.join(" ");
    if !rest.is_empty() {
        for l in wrap(&rest, w.saturating_sub(indent).max(1)) {
            out.push(Line::styled(format!("{}{l}", " ".repeat(indent)), style));
        }
    }
    out
}

pub struct Detail<'a> {
    pub app: &'a App,
    pub theme: Theme,
}

impl Widget for Detail<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let focused = self.app.mode == Mode::Detail;
        let mut block = Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(self.theme.border(focused))
            .title(Line::from(" Detail ").style(self.theme.title()));
        if focused {
            block = block.title_bottom(
                Line::from(" j/k scroll · 1-9 follow · h back ").style(self.theme.dim()),
            );
        }
        let inner = block.inner(area);
        block.render(area, buf);
        // The lines `update` cached for this width; built here only when drawn at a size
        // other than the last one reported (never in the explorer itself).
        let built;
        let all = if let Some(cached) = self.app.detail_lines(inner.width) {
            cached
        } else {
            built = lines(self.app, inner.width, self.theme);
            &built
        };
        let total = all.len();
        // Only the lines on screen go to the paragraph.
        let start = usize::from(self.app.detail_scroll).min(total);
        let end = (start + usize::from(inner.height)).min(total);
        Paragraph::new(all[start..end].to_vec()).render(inner, buf);
        // A position hint when the text does not fit.
        if total > usize::from(inner.height) && area.width > 12 {
            let shown =
                (usize::from(self.app.detail_scroll) + usize::from(inner.height)).min(total);
            let hint = format!(" {shown}/{total} ");
            let x = area
                .right()
                .saturating_sub(u16::try_from(hint.len()).unwrap_or(0) + 1);
            buf.set_string(x, area.y, hint, self.theme.dim());
        }
    }
}
