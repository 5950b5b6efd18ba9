//! The help overlay, generated from the keymap tables themselves.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};

use crate::tui::hints::footer;
use crate::tui::keymap::{self, Binding};
use crate::tui::mode::Mode;
use crate::tui::overlay::{
    HELP_COLUMN as COLUMN, HELP_FOOTNOTES, HELP_LEFT, HELP_SECTIONS, help_frame,
};
use crate::tui::theme::Theme;

/// One section's lines: its title, then a line per binding.
fn section(title: &'static str, table: &[Binding], theme: Theme) -> Vec<Line<'static>> {
    let mut out = vec![Line::styled(title, theme.heading())];
    for b in table {
        out.push(Line::from(vec![
            Span::styled(format!("  {:<18}", keymap::keys_label(b)), theme.accent()),
            Span::raw(b.help),
        ]));
    }
    out.push(Line::raw(""));
    out
}

/// Every binding, grouped by mode: the list's keys beside the others when `width` allows
/// two columns, else one after the other. `overlay::help_lines` counts them from the same
/// tables for `update`'s scrolling.
pub fn lines(width: u16, theme: Theme) -> Vec<Line<'static>> {
    let mut left: Vec<Line<'static>> = HELP_SECTIONS[..HELP_LEFT]
        .iter()
        .flat_map(|(title, table)| section(title, table, theme))
        .collect();
    let mut right: Vec<Line<'static>> = HELP_SECTIONS[HELP_LEFT..]
        .iter()
        .flat_map(|(title, table)| section(title, table, theme))
        .collect();
    right.extend(HELP_FOOTNOTES.map(|note| Line::styled(note, theme.dim())));
    if !crate::tui::overlay::help_two_columns(width) {
        left.append(&mut right);
        return left;
    }
    let rows = left.len().max(right.len());
    left.resize(rows, Line::raw(""));
    right.resize(rows, Line::raw(""));
    left.into_iter()
        .zip(right)
        .map(|(l, r)| {
            let pad = usize::from(COLUMN).saturating_sub(l.width());
            let mut spans = l.spans;
            spans.push(Span::raw(" ".repeat(pad)));
            spans.extend(r.spans);
            Line::from(spans)
        })
        .collect()
}

pub struct Help {
    pub theme: Theme,
    pub scroll: u16,
}

impl Widget for Help {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let rect = help_frame(area);
        let lines = lines(rect.width.saturating_sub(2), self.theme);
        Clear.render(rect, buf);
        Paragraph::new(lines)
            .scroll((self.scroll, 0))
            .block(
                Block::bordered()
                    .border_type(BorderType::Rounded)
                    .border_style(self.theme.border(true))
                    .title(Line::from(" Keys ").style(self.theme.title()))
                    .title_bottom(
                        Line::from(footer(Mode::Help, false, rect.width)).style(self.theme.dim()),
                    ),
            )
            .render(rect, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::overlay::help_lines;

    /// Every binding of every table is in the help, with its keys and what it does.
    #[test]
    fn the_help_lists_every_binding_with_its_keys() {
        let text: Vec<String> = lines(40, Theme { color: false })
            .iter()
            .map(ToString::to_string)
            .collect();
        for (title, table) in HELP_SECTIONS {
            let at = text
                .iter()
                .position(|l| l == title)
                .unwrap_or_else(|| panic!("section {title:?}"));
            for (n, b) in table.iter().enumerate() {
                let line = &text[at + 1 + n];
                assert!(
                    line.contains(&keymap::keys_label(b)) && line.ends_with(b.help),
                    "{title}: {line:?}"
                );
            }
        }
    }

    /// `update` scrolls by the count from the tables; this is what is drawn.
    #[test]
    fn the_drawn_help_has_the_lines_the_tables_count() {
        for width in [0, 40, 60, 117, 118, 200] {
            assert_eq!(
                lines(width, Theme { color: true }).len(),
                help_lines(width),
                "at width {width}"
            );
        }
    }
}
