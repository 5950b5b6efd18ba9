//! Views: functions of `&App` that draw; they never change state.

pub mod actor_filter;
pub mod axis;
pub mod detail;
pub mod help;
mod links;
mod list;
pub mod loading;
mod report;
mod status;
pub mod time;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::app::App;
use super::layout::{self, MIN_HEIGHT, MIN_WIDTH};
use super::mode::{Overlay, spec};
use super::text;

pub use links::{Links, MAX_LINK};
pub use status::summary;

/// The whole screen, in the app's one theme.
pub struct Screen<'a> {
    pub app: &'a App,
}

impl Widget for Screen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, theme) = (self.app, self.app.theme());
        if !layout::fits(area) {
            let notice = format!("terminal too small: need {MIN_WIDTH}×{MIN_HEIGHT}");
            Line::styled(text::fit(&notice, usize::from(area.width)), theme.dim())
                .render(area, buf);
            return;
        }
        let areas = app.areas_at(area);
        axis::Axis { app, theme }.render(areas.axis, buf);
        if areas.list.area() > 0 && app.time().open {
            time::TimePane { app, theme }.render(areas.list, buf);
        } else if areas.list.area() > 0 {
            list::EventList { app, theme }.render(areas.list, buf);
        }
        if areas.detail.area() > 0 {
            detail::Detail { app, theme }.render(areas.detail, buf);
        }
        status::Status { app, theme }.render(areas.status, buf);
        // A prompt in the status line was drawn with it, above.
        match spec(app.mode()).overlay {
            Overlay::Help => help::Help {
                theme,
                scroll: app.help_scroll(),
                mode: app.help_return(),
                eras: app
                    .timeline()
                    .eras
                    .iter()
                    .map(crate::tui::time::era_label)
                    .collect(),
            }
            .render(area, buf),
            Overlay::ActorBox => actor_filter::ActorOverlay { app, theme }.render(area, buf),
            Overlay::Report => report::Report { app, theme }.render(area, buf),
            Overlay::None | Overlay::StatusPrompt(_) => {}
        }
    }
}
