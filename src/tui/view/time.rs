//! The time view: era bands, a row per actor lane and the axis, drawn from the
//! [`TimeModel`] that `update` computed. Nothing here counts events or places labels; it
//! picks glyph styles and cuts text to the room it was given.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Widget};

use crate::tui::app::App;
use crate::tui::mode::Mode;
use crate::tui::text::{self, fit_clean};
use crate::tui::theme::Theme;
use crate::tui::time::axis::{Segment, fold_label};
use crate::tui::time::{FOLD_CUT, Kind, Lane, LaneKey, TimeModel, era_label};

/// A count in at most four columns: `987`, `9876`, `12k`, `1.2M`.
fn compact(n: usize) -> String {
    match n {
        0..10_000 => n.to_string(),
        10_000..1_000_000 => format!("{}k", n / 1000),
        _ if n < 10_000_000 => format!("{}.{}M", n / 1_000_000, n / 100_000 % 10),
        _ => format!("{}M", n / 1_000_000),
    }
}

pub struct TimePane<'a> {
    pub app: &'a App,
    pub theme: Theme,
}

impl Widget for TimePane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, theme) = (self.app, self.theme);
        let model = &app.time().model;
        let order = match app.time().order {
            crate::tui::time::LaneOrder::Busiest => String::new(),
            other @ crate::tui::time::LaneOrder::FirstSeen => {
                format!(" · lanes {}", other.label())
            }
        };
        let title = if model.range.is_empty() {
            " Time ".to_owned()
        } else {
            format!(" {}{order} ", model.range)
        };
        let block = Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(theme.border(app.mode() != Mode::Detail))
            .title(
                Line::from(fit_clean(&title, usize::from(area.width.saturating_sub(2))))
                    .style(theme.title()),
            );
        let inner = block.inner(area);
        block.render(area, buf);
        if app.visible().is_empty() {
            super::list::empty_state(app, theme).render(inner, buf);
            return;
        }
        // The model is laid out for the pane `update` last measured. A frame drawn between
        // the terminal's resize and the Resize it reports (or a test drawing at another
        // size) gets the frame alone: the next frame, at the new size, draws the rest.
        let rows = model.era_rows() + model.lanes.len() + usize::from(model.axis_rows);
        if inner.width <= model.name_width
            || inner.height == 0
            || model.name_width + model.scale.width > inner.width
            || rows > usize::from(inner.height)
        {
            return;
        }
        let x0 = inner.x + model.name_width;
        let mut y = self.eras(model, inner, x0, buf);
        for lane in &model.lanes {
            self.lane(lane, model, Rect::new(inner.x, y, inner.width, 1), buf);
            y += 1;
        }
        // The axis sits on the pane's floor, under however few lanes there are, as a
        // chart's does: right under the last lane it floated mid-pane.
        let floor = inner.bottom().saturating_sub(model.axis_rows).max(y);
        self.axis(model, x0, floor, inner.bottom(), buf);
    }
}

impl TimePane<'_> {
    /// The era bands, their names and the legend; returns the row under them.
    fn eras(&self, model: &TimeModel, inner: Rect, x0: u16, buf: &mut Buffer) -> u16 {
        let (app, theme) = (self.app, self.theme);
        let mut y = inner.y;
        let eras = &app.timeline().eras;
        for row in &model.eras {
            for band in row {
                let len = usize::from(band.to - band.from) + 1;
                // An ongoing era's band ends in an arrow, as on the list's axis.
                let arrow = if eras[band.era].end.is_none() && len >= 3 {
                    "→"
                } else {
                    ""
                };
                let text = format!("{arrow:>len$}");
                buf.set_stringn(x0 + band.from, y, &text, len, theme.era(band.era));
            }
            y += 1;
        }
        // The names, placed by the model: inside the band in its style, and where one
        // runs on past its band, in the band's colour on the background.
        for label in &model.era_labels {
            let Some(band) = model
                .eras
                .get(label.row)
                .and_then(|r| r.iter().find(|b| b.era == label.era))
            else {
                continue;
            };
            let ly = inner.y + u16::try_from(label.row).unwrap_or(u16::MAX);
            let name = fit_clean(&era_label(&eras[label.era]), usize::from(label.width));
            let mut x = x0 + label.col;
            for g in unicode_segmentation::UnicodeSegmentation::graphemes(name.as_str(), true) {
                let col = x - x0;
                let style = if col >= band.from && col <= band.to {
                    theme.era(label.era)
                } else {
                    theme.era_overhang(label.era)
                };
                buf.set_stringn(
                    x,
                    ly,
                    g,
                    usize::from(inner.right().saturating_sub(x)),
                    style,
                );
                x += u16::try_from(text::width(g)).unwrap_or(1);
            }
        }
        if !model.era_legend.is_empty() {
            let names: Vec<String> = model
                .era_legend
                .iter()
                .map(|&i| era_label(&eras[i]))
                .collect();
            let legend = format!("eras: {}", names.join(" · "));
            // The whole row, the lanes' names' columns too: it names what the bands cut.
            let room = usize::from(inner.width);
            buf.set_stringn(inner.x, y, fit_clean(&legend, room), room, theme.dim());
            y += 1;
        }
        y
    }

    fn lane(&self, lane: &Lane, model: &TimeModel, row: Rect, buf: &mut Buffer) {
        let (app, theme) = (self.app, self.theme);
        let joined;
        let (name, style) = match lane.key {
            // All of several actors: one lane stands for them all (see `App::time_input`).
            LaneKey::Actor(a) if app.time_lanes_joined() => {
                joined = app
                    .filter()
                    .actors
                    .iter()
                    .map(|&b| app.timeline().actor(b).name.as_str())
                    .collect::<Vec<_>>()
                    .join(" + ");
                (joined.as_str(), theme.actor(a))
            }
            LaneKey::Actor(a) => (app.timeline().actor(a).name.as_str(), theme.actor(a)),
            LaneKey::Others => ("others", theme.dim()),
        };
        if model.name_width > 0 {
            // The count right-aligned before the scale, the name cut to what it leaves.
            let room = usize::from(model.name_width - 1);
            let count = lane.count.map(compact).unwrap_or_default();
            let count_w = text::width(&count);
            // A name needs a few letters more than the count: narrow panes drop the count.
            let name_room = if count_w + 9 <= room {
                room - count_w - 1
            } else {
                room
            };
            let name = fit_clean(name, name_room);
            buf.set_string(row.x, row.y, name, style.patch(theme.dim()));
            if name_room < room {
                let x = row.x + u16::try_from(room - count_w).unwrap_or(0);
                buf.set_string(x, row.y, count, theme.dim());
            }
        }
        let x0 = row.x + model.name_width;
        for (c, cell) in lane.cells.iter().enumerate() {
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            let cell_style = match cell.kind {
                Kind::Empty => continue,
                Kind::Bar if cell.ch == FOLD_CUT => theme.dim(),
                Kind::Point(id) | Kind::Start(id) if app.is_marked(id) => theme.mark(),
                Kind::Point(_) | Kind::Start(_) | Kind::Bar => style,
                Kind::Count(_) => theme.date(),
            };
            // A starred event's mark is a star (whatever its colour: NO_COLOR sees it).
            let ch = match cell.kind {
                Kind::Point(id) | Kind::Start(id) if app.is_starred(id) => '★',
                _ => cell.ch,
            };
            buf[(x0 + c, row.y)].set_char(ch).set_style(cell_style);
        }
        for label in &lane.labels {
            let title = &app.timeline().event(label.id).title;
            let text = fit_clean(title, usize::from(label.width));
            let text_style = if Some(label.id) == app.selected_event() {
                theme.title()
            } else {
                Style::new()
            };
            buf.set_stringn(
                x0 + label.col,
                row.y,
                text,
                usize::from(label.width),
                text_style,
            );
        }
        if let Some((from, to)) = lane.selected {
            for c in from..=to {
                let cell = &mut buf[(x0 + c, row.y)];
                if cell.symbol() == " " {
                    cell.set_char('◆');
                }
                cell.set_style(theme.selected());
            }
        }
    }

    /// The tick line (`┬` on `─`) and the labels under it, or only the labels.
    fn axis(&self, model: &TimeModel, x0: u16, y: u16, bottom: u16, buf: &mut Buffer) {
        let theme = self.theme;
        let width = model.scale.width;
        let mut y = y;
        let folds = || {
            model.segments.iter().filter_map(|s| match *s {
                Segment::Fold { years, x, .. } => Some((x, fold_label(years))),
                Segment::Scale { .. } => None,
            })
        };
        if model.axis_rows == 2 && y < bottom {
            buf.set_string(x0, y, "─".repeat(usize::from(width)), theme.dim());
            for tick in &model.ticks {
                buf[(x0 + tick.col, y)].set_char('┬');
            }
            // The folded years, on the line they are cut out of (as on the list's axis).
            for (x, label) in folds() {
                buf.set_string(x0 + x, y, label, theme.dim());
            }
            y += 1;
        } else if model.axis_rows == 1 && y < bottom {
            for (x, label) in folds() {
                buf.set_string(x0 + x, y, label, theme.dim());
            }
        }
        if model.axis_rows >= 1 && y < bottom {
            for tick in &model.ticks {
                if let Some(label) = &tick.label {
                    buf.set_string(x0 + tick.col, y, label, theme.dim());
                }
            }
        }
    }
}
