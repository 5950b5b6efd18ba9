//! A report over the screen: every problem of the file's last save, exactly as `check`
//! prints them (sanitized, as every text from a file), scrolled by `update`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};

use crate::tui::app::App;
use crate::tui::hints::footer;
use crate::tui::mode::Mode;
use crate::tui::overlay::report_frame;
use crate::tui::text::fit_clean;
use crate::tui::theme::Theme;

pub struct Report<'a> {
    pub app: &'a App,
    pub theme: Theme,
}

impl Widget for Report<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Some(problems) = self.app.problems() else {
            return;
        };
        let frame = report_frame(area, problems.report.lines().count());
        Clear.render(frame, buf);
        let title = if problems.more > 0 {
            format!(" The file's last save: {} problems ", problems.more + 1)
        } else {
            " The file's last save: 1 problem ".to_owned()
        };
        let block = Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(self.theme.border(true))
            .title(
                Line::from(fit_clean(
                    &title,
                    usize::from(frame.width.saturating_sub(2)),
                ))
                .style(self.theme.warning()),
            )
            .title_bottom(
                Line::from(footer(Mode::Problems, self.app.pick_mode(), frame.width))
                    .style(self.theme.dim()),
            );
        let inner = block.inner(frame);
        block.render(frame, buf);
        let width = usize::from(inner.width);
        let lines: Vec<Line<'static>> = problems
            .report
            .lines()
            .skip(usize::from(self.app.problems_scroll()))
            .take(usize::from(inner.height))
            .map(|l| Line::raw(fit_clean(l, width)))
            .collect();
        Paragraph::new(lines).render(inner, buf);
    }
}
