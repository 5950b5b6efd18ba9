//! The picker of actors and tags: the typed query, then every actor it matches with its
//! kind, then every tag, each with its count under the filter and its state (`[x]`
//! required, `[−]` excluded).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use crate::query::ActorMode;
use crate::tui::actor_filter::Pick;
use crate::tui::app::App;
use crate::tui::hints::footer;
use crate::tui::mode::Mode;
use crate::tui::overlay::actor_filter_frame;
use crate::tui::text::{clean, fit, fit_clean, width};

use super::status::prompt_spans;
use crate::tui::theme::Theme;

pub struct ActorOverlay<'a> {
    pub app: &'a App,
    pub theme: Theme,
}

impl Widget for ActorOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let chooser = &app.actor_filter();
        let rect = actor_filter_frame(area, chooser.chosen.len());
        Clear.render(rect, buf);
        let mode = match chooser.mode {
            _ if chooser.exact => "exactly",
            ActorMode::Any => "any of",
            ActorMode::All => "all of",
        };
        let block = Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(self.theme.border(true))
            .title(
                Line::from(format!(" Actors and tags · match {mode} the required "))
                    .style(self.theme.title()),
            )
            .title_bottom(
                Line::from(footer(Mode::Actors, app.pick_mode(), rect.width))
                    .style(self.theme.dim()),
            );
        let inner = block.inner(rect);
        block.render(rect, buf);
        if chooser.chosen.is_empty() {
            Line::styled(
                "This timeline declares no actors and no tags.",
                self.theme.dim(),
            )
            .render(inner, buf);
            return;
        }
        let w = usize::from(inner.width);
        self.query_row(inner, buf);
        let list = Rect {
            y: inner.y + 1,
            height: inner.height.saturating_sub(1),
            ..inner
        };
        if chooser.shown.is_empty() {
            Line::styled("No actor or tag matches.", self.theme.dim()).render(list, buf);
            return;
        }
        for (row, &i) in chooser
            .shown
            .iter()
            .skip(chooser.offset)
            .take(usize::from(list.height))
            .enumerate()
        {
            let check = match chooser.chosen[i] {
                Pick::Off => "[ ] ",
                Pick::Required => "[x] ",
                Pick::Excluded => "[−] ",
            };
            let count = format!("{:>5}", chooser.counts[i]);
            let (name, kind, style) = if let Some(tag) = chooser.tag(i) {
                (tag, "tag", self.theme.dim())
            } else {
                let actor = &app.timeline().actors[i];
                let id = crate::model::ActorId(u32::try_from(i).unwrap_or(u32::MAX));
                (
                    actor.name.as_str(),
                    actor.kind.as_str(),
                    self.theme.actor(id),
                )
            };
            let kind = format!("  {kind:<12}");
            let name_room = w.saturating_sub(4 + width(&kind) + count.len());
            let name = fit_clean(name, name_room);
            let pad = " ".repeat(name_room.saturating_sub(width(&name)));
            let line = Line::from(vec![
                Span::styled(check, self.theme.mark()),
                Span::styled(name, style),
                Span::raw(pad),
                Span::styled(kind, self.theme.dim()),
                Span::styled(
                    count,
                    if chooser.counts[i] == 0 {
                        self.theme.dim()
                    } else {
                        ratatui::style::Style::new()
                    },
                ),
            ]);
            let line = if chooser.current() == Some(i) {
                line.patch_style(self.theme.selected())
            } else {
                line
            };
            let y = list.y + u16::try_from(row).unwrap_or(0);
            line.render(
                Rect {
                    y,
                    height: 1,
                    ..list
                },
                buf,
            );
        }
    }
}

impl ActorOverlay<'_> {
    /// `> sov▏            2/5 · 1 selected`: what is typed, and how much it leaves.
    fn query_row(&self, inner: Rect, buf: &mut Buffer) {
        let chooser = self.app.actor_filter();
        let w = usize::from(inner.width);
        let selected = chooser.selected_count();
        let mut counts = if selected > 0 {
            format!(
                "{}/{} · {selected} selected",
                chooser.shown.len(),
                chooser.chosen.len()
            )
        } else {
            format!("{}/{}", chooser.shown.len(), chooser.chosen.len())
        };
        // The selected actors the typed text hides are named: a count alone does not say
        // what Enter will apply.
        let hidden: Vec<String> = chooser
            .chosen
            .iter()
            .enumerate()
            .filter(|&(i, &pick)| pick != Pick::Off && !chooser.shown.contains(&i))
            .map(|(i, _)| match chooser.tag(i) {
                Some(tag) => clean(tag),
                None => clean(&self.app.timeline().actors[i].name),
            })
            .collect();
        if !hidden.is_empty() {
            counts = format!("{counts}, hidden: {}", hidden.join(", "));
        }
        // The typed text keeps some columns; its end shows, the cursor after it.
        let counts = fit(&counts, w.saturating_sub(14).max(12));
        let room = w.saturating_sub(width(&counts) + 4);
        let mut spans = prompt_spans("> ", self.app.prompt(), room, self.theme);
        let used: usize = spans.iter().map(|s| width(&s.content)).sum();
        spans.push(Span::raw(
            " ".repeat(w.saturating_sub(used + width(&counts))),
        ));
        spans.push(Span::styled(counts, self.theme.dim()));
        Line::from(spans).render(Rect { height: 1, ..inner }, buf);
    }
}
