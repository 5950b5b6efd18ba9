//! The time axis, drawn from the model `update` keeps (`tui/axis.rs`): era bands above,
//! the events' marks with the selection, years below.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use crate::model::day_number;
use crate::tui::app::App;
use crate::tui::axis::{Segment, column_of, fold_label, year_start};
use crate::tui::text::fit_clean;
use crate::tui::theme::Theme;

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
        let (band_y, marks_y, labels_y) = match rows {
            1 => (None, area.y, None),
            2 => (None, area.y, Some(area.y + 1)),
            _ => (Some(area.y), area.y + 1, Some(area.y + 2)),
        };
        if let Some(y) = band_y {
            self.bands(segs, area.x, y, area.width, buf);
        }
        self.marks(segs, area.x, marks_y, buf);
        if let Some(y) = labels_y {
            labels(segs, area.x, y, area.width, self.theme, buf);
        }
    }
}

impl Axis<'_> {
    fn bands(&self, segs: &[Segment], x0: u16, y: u16, width: u16, buf: &mut Buffer) {
        let app = self.app;
        for (n, era) in app.timeline().eras.iter().enumerate() {
            // An ongoing era runs to the axis's right edge (`column_of` clamps there).
            let end = era.last_day().map_or(i32::MAX, day_number);
            let (Some(a), Some(b)) = (column_of(segs, era.start.sort_key()), column_of(segs, end))
            else {
                continue;
            };
            // Eras entirely outside the shown years are skipped.
            let first_day = segs.first().and_then(|s| {
                if let Segment::Scale { first, .. } = s {
                    Some(year_start(*first))
                } else {
                    None
                }
            });
            if first_day.is_some_and(|d| end < d) {
                continue;
            }
            let len = usize::from(b.saturating_sub(a) + 1);
            // A leading space keeps adjacent bands' names apart; an ongoing era's band
            // ends in an arrow, since it runs on past the axis.
            let arrow = if era.end.is_none() && len >= 3 {
                "→"
            } else {
                ""
            };
            let room = len.saturating_sub(1 + crate::tui::text::width(arrow));
            let name = fit_clean(&era.name, room);
            let text = format!(" {name:<room$}{arrow}");
            if a < width {
                buf.set_stringn(x0 + a, y, &text, usize::from(width - a), self.theme.era(n));
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
            && let Some(col) = column_of(segs, app.index().first_day(id))
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

/// Year labels at the start of each scale and then wherever they fit.
fn labels(segs: &[Segment], x0: u16, y: u16, width: u16, theme: Theme, buf: &mut Buffer) {
    let mut free_from = 0u16;
    for s in segs {
        if let Segment::Scale {
            first,
            last,
            x,
            width: w,
        } = *s
        {
            let step = ((last - first + 1) * 5 / i32::from(w.max(1))).max(1);
            let step = [1, 2, 5, 10, 20, 25, 50, 100]
                .into_iter()
                .find(|&s| s >= step)
                .unwrap_or(100);
            let mut year = first;
            while year <= last {
                if let Some(col) = column_of(segs, year_start(year)) {
                    let label = year.to_string();
                    let len = u16::try_from(label.len()).unwrap_or(4);
                    if col >= free_from
                        && col + len <= width
                        && (year == first || col + len <= x + w)
                    {
                        buf.set_string(x0 + col, y, &label, theme.dim());
                        free_from = col + len + 1;
                    }
                }
                year = if year == first {
                    (first / step + 1) * step
                } else {
                    year + step
                };
            }
        }
    }
}
