//! The time axis, drawn from the model `update` keeps (`tui/axis/`): era bands above,
//! the events' marks with the selection, years below.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use crate::tui::app::App;
use crate::tui::text::fit_clean;
use crate::tui::theme::Theme;
use crate::tui::time::EraBand;
use crate::tui::time::axis::{Segment, column_of, fold_label};

pub struct Axis<'a> {
    pub app: &'a App,
    pub theme: Theme,
}

impl Widget for Axis<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        if area.height == 0 || area.width < 4 || app.visible().is_empty() {
            return;
        }
        let segs = app.axis().segments();
        let rows = area.height;
        // Marks and year labels at the bottom, era bands above them.
        let (marks_y, labels_y) = match rows {
            1 => (area.y, None),
            _ => (area.bottom() - 2, Some(area.bottom() - 1)),
        };
        for (r, row) in app.axis().bands().iter().enumerate() {
            let y = area.y + u16::try_from(r).unwrap_or(u16::MAX);
            if y < marks_y {
                self.bands(row, area.x, y, area.width, buf);
            }
        }
        self.marks(segs, area.x, marks_y, buf);
        if let Some(y) = labels_y {
            for tick in app.axis().ticks() {
                if let Some(label) = &tick.label
                    && tick.col < area.width
                {
                    buf.set_stringn(
                        area.x + tick.col,
                        y,
                        label,
                        usize::from(area.width - tick.col),
                        self.theme.dim(),
                    );
                }
            }
        }
    }
}

impl Axis<'_> {
    /// One row of era bands: each band's name from its first column, cut with `…` only
    /// when the band itself is too short for it. An ongoing era's band runs to the axis's
    /// right edge (`column_of` clamps its open end there) and ends in an arrow, since it
    /// runs on past the axis.
    fn bands(&self, row: &[EraBand], x0: u16, y: u16, width: u16, buf: &mut Buffer) {
        let eras = &self.app.timeline().eras;
        for band in row {
            let era = &eras[band.era];
            let len = usize::from(band.to.saturating_sub(band.from) + 1);
            let arrow = if era.end.is_none() && len >= 3 {
                "→"
            } else {
                ""
            };
            // A leading space keeps adjacent bands' names apart.
            let room = len.saturating_sub(1 + crate::tui::text::width(arrow));
            let name = fit_clean(&era.name, room);
            let text = format!(" {name:<room$}{arrow}");
            if band.from < width {
                buf.set_stringn(
                    x0 + band.from,
                    y,
                    &text,
                    usize::from(width - band.from),
                    self.theme.era(band.era),
                );
            }
        }
    }

    fn marks(&self, segs: &[Segment], x0: u16, y: u16, buf: &mut Buffer) {
        let app = self.app;
        let counts = app.axis().counts();
        let max = counts.iter().copied().max().unwrap_or(1).max(1);
        for (col, &n) in counts.iter().enumerate() {
            let col = u16::try_from(col).unwrap_or(0);
            if n > 0 {
                // Four heights, scaled to the busiest column.
                let glyph = ["▂", "▄", "▆", "█"][((n * 4 - 1) / max).min(3)];
                buf.set_string(x0 + col, y, glyph, self.theme.date());
            }
        }
        for s in segs {
            if let Segment::Fold { years, x, .. } = *s {
                buf.set_string(x0 + x, y, fold_label(years), self.theme.dim());
            }
        }
        if let Some(id) = app.selected_event()
            && let Some(col) = column_of(segs, i64::from(app.index().first_day(id)))
        {
            buf.set_string(
                x0 + col,
                y,
                "◆",
                self.theme
                    .accent()
                    .patch(Style::new().add_modifier(ratatui::style::Modifier::REVERSED)),
            );
        }
    }
}
