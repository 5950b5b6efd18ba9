//! The detail pane: the lines `update` built for the selected event (`tui/detail_text.rs`),
//! scrolled, with a position hint when they do not fit.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Paragraph, Widget};

use crate::tui::app::App;
use crate::tui::detail_text::{Shown, lines};
use crate::tui::hints::footer;
use crate::tui::mode::Mode;
use crate::tui::theme::Theme;

pub struct Detail<'a> {
    pub app: &'a App,
    pub theme: Theme,
}

impl Widget for Detail<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let focused = self.app.mode() == Mode::Detail;
        let mut block = Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(self.theme.border(focused))
            .title(Line::from(" Detail ").style(self.theme.title()));
        if focused {
            block = block.title_bottom(
                Line::from(footer(Mode::Detail, self.app.pick_mode(), area.width))
                    .style(self.theme.dim()),
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
            built = self.app.selected_event().map_or_else(Vec::new, |id| {
                lines(
                    self.app.timeline(),
                    self.app.backlinks(),
                    Shown {
                        id,
                        previous: self.app.previous_event(),
                        note: self.app.note(id),
                    },
                    inner.width,
                    self.theme,
                    self.app.dates(),
                )
            });
            &built
        };
        let total = all.len();
        // Only the lines on screen go to the paragraph.
        let start = self.app.detail_scroll().min(total);
        let end = (start + usize::from(inner.height)).min(total);
        Paragraph::new(all[start..end].to_vec()).render(inner, buf);
        // A position hint when the text does not fit, as a pager gives it (`top`, `45%`,
        // `end`): a count of lines (`33/37`) read as a count of events beside the status
        // line's `1/70`.
        if total > usize::from(inner.height) && area.width > 12 {
            let shown = (self.app.detail_scroll() + usize::from(inner.height)).min(total);
            let hint = if self.app.detail_scroll() == 0 {
                " top ".to_owned()
            } else if shown == total {
                " end ".to_owned()
            } else {
                format!(" {}% ", shown * 100 / total)
            };
            let x = area
                .right()
                .saturating_sub(u16::try_from(hint.len()).unwrap_or(0) + 1);
            buf.set_string(x, area.y, hint, self.theme.dim());
        }
    }
}
