//! The help overlay, generated from the keymap tables themselves.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};

use crate::tui::hints::footer;
use crate::tui::keymap::{self, Binding};
use crate::tui::mode::{HELP_LEFT, Mode, help_sections_for};
use crate::tui::overlay::{HELP_COLUMN as COLUMN, HELP_FOOTNOTES, help_era_lines, help_frame};
use crate::tui::text::fit;
use crate::tui::theme::Theme;

/// Columns before a binding's words: two of indent and the keys'.
const KEYS_WIDTH: usize = 20;

/// One section's lines: its title, then a line per binding, each within `max` columns
/// (a longer description ends in `…`, so a line never pushes the column beside it).
fn section(title: &'static str, table: &[Binding], max: usize, theme: Theme) -> Vec<Line<'static>> {
    let mut out = vec![Line::styled(fit(title, max), theme.heading())];
    for b in table {
        out.push(Line::from(vec![
            Span::styled(
                fit(&format!("  {:<18}", keymap::keys_label(b)), max),
                theme.accent(),
            ),
            Span::raw(fit(b.help, max.saturating_sub(KEYS_WIDTH))),
        ]));
    }
    out.push(Line::raw(""));
    out
}

/// Every binding, grouped by mode: the list's keys beside the others when `width` allows
/// two columns, else one after the other. `overlay::help_lines` counts them from the same
/// tables for `update`'s scrolling.
pub fn lines(width: u16, theme: Theme, mode: Mode, eras: &[String]) -> Vec<Line<'static>> {
    let two = crate::tui::overlay::help_two_columns(width);
    // In two columns the left one keeps a space before the right one.
    let left_max = if two {
        usize::from(COLUMN) - 1
    } else {
        usize::MAX
    };
    let sections = help_sections_for(mode);
    let mut left: Vec<Line<'static>> = sections
        .iter()
        .take(HELP_LEFT)
        .flat_map(|(title, table)| section(title, table, left_max, theme))
        .collect();
    let mut right: Vec<Line<'static>> = sections
        .iter()
        .skip(HELP_LEFT)
        .flat_map(|(title, table)| section(title, table, usize::MAX, theme))
        .collect();
    right.extend(HELP_FOOTNOTES.map(|note| Line::styled(note, theme.dim())));
    // Every era's whole name (sanitised by `era_label`), which the time view may cut.
    if help_era_lines(eras.len()) > 0 {
        let max = usize::from(COLUMN);
        right.push(Line::raw(""));
        right.push(Line::styled(
            fit("Eras of this timeline", max),
            theme.heading(),
        ));
        right.extend(eras.iter().map(|e| Line::raw(fit(&format!("  {e}"), max))));
    }
    if !two {
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
    /// The mode the help was opened from: its keys come first.
    pub mode: Mode,
    /// The timeline's eras, named in full.
    pub eras: Vec<String>,
}

impl Widget for Help {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let rect = help_frame(area, self.mode, self.eras.len());
        let lines = lines(
            rect.width.saturating_sub(2),
            self.theme,
            self.mode,
            &self.eras,
        );
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
        let text: Vec<String> = lines(40, Theme { color: false }, Mode::Browse, &[])
            .iter()
            .map(ToString::to_string)
            .collect();
        for (title, table) in crate::tui::mode::help_sections() {
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

    /// In two columns the right one starts at the same column on every row, whatever the
    /// length of a description on the left.
    #[test]
    fn the_right_column_starts_at_the_same_place_on_every_row() {
        let width = 2 * COLUMN + 2;
        let rows = lines(width, Theme { color: false }, Mode::Browse, &[]);
        let mut right_starts = 0;
        for line in &rows {
            let text = line.to_string();
            let left: String = text.chars().take(usize::from(COLUMN)).collect();
            assert!(
                crate::tui::text::width(left.trim_end()) < usize::from(COLUMN),
                "the left column runs into the right one: {text:?}"
            );
            let right: String = text.chars().skip(usize::from(COLUMN)).collect();
            if !right.trim().is_empty() {
                // A section title, or a binding indented by two.
                let indent = right.len() - right.trim_start().len();
                assert!(indent == 0 || indent == 2, "{text:?}");
                right_starts += 1;
            }
        }
        assert!(right_starts > 10);
    }

    /// `update` scrolls by the count from the tables; this is what is drawn.
    #[test]
    fn the_drawn_help_has_the_lines_the_tables_count() {
        let eras = [
            "Soviet–Afghan War".to_owned(),
            "Second Taliban emirate → now".to_owned(),
        ];
        for mode in [Mode::Browse, Mode::Pick, Mode::Detail, Mode::Time] {
            for width in [0, 40, 60, 117, 118, 200] {
                for eras in [&eras[..0], &eras[..]] {
                    assert_eq!(
                        lines(width, Theme { color: true }, mode, eras).len(),
                        help_lines(width, mode, eras.len()),
                        "at width {width} from {mode:?} with {} eras",
                        eras.len()
                    );
                }
            }
        }
    }
}
