//! The loading screen: the file's name, what the loader is doing, and a bar with the share
//! done when the loader knows its total (otherwise the amount done, and the time taken).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Gauge, Widget};

use crate::load::Phase;
use crate::tui::loading::LoadingState;
use crate::tui::text;
use crate::tui::theme::Theme;

pub struct LoadingView<'a> {
    pub state: &'a LoadingState,
    pub theme: Theme,
}

impl Widget for LoadingView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (state, theme) = (self.state, self.theme);
        let width = area.width.saturating_sub(4).min(72);
        let [_, middle, _] = Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(4),
            Constraint::Fill(1),
        ])
        .areas(area);
        let [_, column, _] = Layout::horizontal([
            Constraint::Fill(1),
            Constraint::Length(width),
            Constraint::Fill(1),
        ])
        .areas(middle);
        let [name, bar, phase, keys] = Layout::vertical([Constraint::Length(1); 4]).areas(column);
        let w = usize::from(column.width);
        Line::styled(
            text::fit(&format!("loading {}", state.name), w),
            theme.title(),
        )
        .render(name, buf);
        let progress = state.progress;
        let seconds = state.elapsed.as_secs_f64();
        let (ratio, label) = match progress.percent() {
            Some(pct) => (f64::from(pct) / 100.0, format!("{pct}%")),
            None => (0.0, amount(progress.phase, progress.done)),
        };
        Gauge::default()
            .gauge_style(theme.accent())
            .ratio(ratio)
            .label(label)
            .render(bar, buf);
        Line::from(vec![
            Span::styled(format!("{}…", progress.phase.label()), theme.heading()),
            Span::styled(format!("  {seconds:.1} s"), theme.dim()),
        ])
        .render(phase, buf);
        Line::styled(text::fit("q or Ctrl-c to leave", w), theme.dim()).render(keys, buf);
    }
}

/// What was done in a phase whose total is unknown, in its own unit.
fn amount(phase: Phase, done: u64) -> String {
    match phase {
        Phase::Reading | Phase::Parsing | Phase::Splitting => {
            // Bytes as megabytes to one decimal, without a float cast of the count.
            format!("{}.{} MB", done / 1_000_000, done % 1_000_000 / 100_000)
        }
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use super::*;
    use crate::load::Snapshot;

    fn screen(progress: Snapshot) -> String {
        let state = LoadingState {
            name: "big.ron".to_owned(),
            progress,
            elapsed: Duration::from_millis(1500),
        };
        let mut term = Terminal::new(TestBackend::new(60, 8)).expect("backend");
        term.draw(|f| {
            f.render_widget(
                LoadingView {
                    state: &state,
                    theme: Theme { color: false },
                },
                f.area(),
            );
        })
        .expect("draw");
        let buffer = term.backend().buffer();
        (0..buffer.area.height)
            .map(|y| {
                (0..buffer.area.width)
                    .map(|x| buffer[(x, y)].symbol())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn shows_the_name_the_phase_and_the_share_done() {
        let shown = screen(Snapshot {
            phase: Phase::Parsing,
            done: 30,
            total: Some(120),
        });
        assert!(shown.contains("loading big.ron"), "{shown}");
        assert!(shown.contains("25%"), "{shown}");
        assert!(shown.contains("parsing…"), "{shown}");
        assert!(shown.contains("1.5 s"), "{shown}");
    }

    #[test]
    fn an_unknown_total_shows_the_amount_not_a_percentage() {
        let shown = screen(Snapshot {
            phase: Phase::Reading,
            done: 12_345_678,
            total: None,
        });
        assert!(shown.contains("12.3 MB"), "{shown}");
        assert!(shown.contains("reading…"), "{shown}");
        assert!(!shown.contains('%'), "{shown}");
    }
}
