//! The actor picker overlay: the typed query, then every actor it matches with its kind
//! and its count under the filter.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use crate::query::ActorMode;
use crate::tui::app::App;
use crate::tui::hints::footer;
use crate::tui::mode::Mode;
use crate::tui::overlay::picker_frame;
use crate::tui::text::{fit_clean, width};
use crate::tui::theme::Theme;

pub struct ActorPicker<'a> {
    pub app: &'a App,
    pub theme: Theme,
}

impl Widget for ActorPicker<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let picker = &app.picker();
        let rect = picker_frame(area, app.timeline().actors.len());
        Clear.render(rect, buf);
        let mode = match picker.mode {
            ActorMode::Any => "any of",
            ActorMode::All => "all of",
        };
        let block = Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(self.theme.border(true))
            .title(
                Line::from(format!(" Actors · match {mode} the selected "))
                    .style(self.theme.title()),
            )
            .title_bottom(
                Line::from(footer(Mode::ActorPicker, app.pick_mode(), rect.width))
                    .style(self.theme.dim()),
            );
        let inner = block.inner(rect);
        block.render(rect, buf);
        if app.timeline().actors.is_empty() {
            Line::styled("This timeline declares no actors.", self.theme.dim()).render(inner, buf);
            return;
        }
        let w = usize::from(inner.width);
        self.query_row(inner, buf);
        let list = Rect {
            y: inner.y + 1,
            height: inner.height.saturating_sub(1),
            ..inner
        };
        if picker.shown.is_empty() {
            Line::styled("No actor matches.", self.theme.dim()).render(list, buf);
            return;
        }
        for (row, &i) in picker
            .shown
            .iter()
            .skip(picker.offset)
            .take(usize::from(list.height))
            .enumerate()
        {
            let actor = &app.timeline().actors[i];
            let id = crate::model::ActorId(u32::try_from(i).unwrap_or(u32::MAX));
            let check = if picker.chosen[i] { "[x] " } else { "[ ] " };
            let count = format!("{:>5}", picker.counts[i]);
            let kind = format!("  {:<12}", actor.kind.as_str());
            let name_room = w.saturating_sub(4 + width(&kind) + count.len());
            let name = fit_clean(&actor.name, name_room);
            let pad = " ".repeat(name_room.saturating_sub(width(&name)));
            let line = Line::from(vec![
                Span::styled(check, self.theme.mark()),
                Span::styled(name, self.theme.actor(id)),
                Span::raw(pad),
                Span::styled(kind, self.theme.dim()),
                Span::styled(
                    count,
                    if picker.counts[i] == 0 {
                        self.theme.dim()
                    } else {
                        ratatui::style::Style::new()
                    },
                ),
            ]);
            let line = if picker.current() == Some(i) {
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

impl ActorPicker<'_> {
    /// `> sov▏            2/5 · 1 selected`: what is typed, and how much it leaves.
    fn query_row(&self, inner: Rect, buf: &mut Buffer) {
        let picker = self.app.picker();
        let w = usize::from(inner.width);
        let selected = picker.selected_count();
        let counts = if selected > 0 {
            format!(
                "{}/{} · {selected} selected",
                picker.shown.len(),
                picker.chosen.len()
            )
        } else {
            format!("{}/{}", picker.shown.len(), picker.chosen.len())
        };
        let room = w.saturating_sub(width(&counts) + 4);
        let typed = fit_clean(&picker.query, room);
        let pad = w.saturating_sub(3 + width(&typed) + width(&counts));
        Line::from(vec![
            Span::styled("> ", self.theme.accent()),
            Span::raw(typed),
            Span::styled("▏", self.theme.accent()),
            Span::raw(" ".repeat(pad)),
            Span::styled(counts, self.theme.dim()),
        ])
        .render(Rect { height: 1, ..inner }, buf);
    }
}
