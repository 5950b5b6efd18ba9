//! The status line: what is shown (`12 of 48 events · actors: … · query: "…"`) on the
//! left, the few keys that matter now on the right (from the keymap, most important
//! first, as many as fit); the search prompt while typing.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::query::ActorMode;
use crate::tui::app::App;
use crate::tui::hints::{fitting, hints};
use crate::tui::mode::Mode;
use crate::tui::text::{clean, fit, width};
use crate::tui::theme::Theme;

pub struct Status<'a> {
    pub app: &'a App,
    pub theme: Theme,
}

/// `12 of 48 events · actors: Russia, Taliban · query: "embassy" · 2 marked`
pub fn summary(app: &App) -> String {
    let tl = &app.timeline();
    let mut parts = vec![format!(
        "{} of {} events",
        app.visible().len(),
        tl.events.len()
    )];
    if app.searching() && !app.index().text_ready() {
        parts.push("indexing…".to_owned());
    } else if app.searching() {
        parts.push("searching…".to_owned());
    }
    if !app.filter().actors.is_empty() {
        let names: Vec<String> = app
            .filter()
            .actors
            .iter()
            .map(|a| clean(&tl.actor(*a).name))
            .collect();
        let join = if app.filter().actor_mode == ActorMode::All {
            " + "
        } else {
            ", "
        };
        parts.push(format!("actors: {}", names.join(join)));
    }
    if !app.filter().query().is_empty() {
        parts.push(format!("query: \"{}\"", clean(app.filter().query())));
    }
    if app.marked_count() > 0 {
        parts.push(format!("{} marked", app.marked_count()));
    }
    parts.join(" · ")
}

impl Widget for Status<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let w = usize::from(area.width);
        let left: Vec<Span<'static>> = if matches!(app.mode(), Mode::Search | Mode::Pick) {
            // fzf's prompt in pick mode, where it is always there; `/` when searching.
            let prompt = if app.mode() == Mode::Pick { "> " } else { "/" };
            let marked = match app.marked_count() {
                0 => String::new(),
                n => format!(" · {n} marked"),
            };
            vec![
                Span::styled(prompt, self.theme.accent()),
                Span::raw(fit(&clean(app.filter().query()), w.saturating_sub(2))),
                Span::styled("▏", self.theme.accent()),
                Span::styled(
                    format!(
                        "  {} of {}{marked}",
                        app.visible().len(),
                        app.timeline().events.len()
                    ),
                    self.theme.dim(),
                ),
            ]
        } else {
            vec![Span::raw(fit(&summary(app), w))]
        };
        let right = match app.flash() {
            Some(message) => Span::styled(message.to_owned(), self.theme.accent()),
            None => Span::raw(String::new()),
        };
        let left_width: usize = left.iter().map(|s| width(&s.content)).sum();
        let right = if app.flash().is_none() {
            Span::styled(
                fitting(
                    &hints(app.mode(), app.pick_mode()),
                    w.saturating_sub(left_width + 2),
                ),
                self.theme.dim(),
            )
        } else {
            right
        };
        let mut spans = left;
        let right_width = width(&right.content);
        if left_width + 2 + right_width <= w {
            spans.push(Span::raw(" ".repeat(w - left_width - right_width)));
            spans.push(right);
        }
        Line::from(spans).render(area, buf);
    }
}
