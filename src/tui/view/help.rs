//! The help overlay, generated from the keymap tables themselves.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};

use crate::tui::keymap::{self, Binding};
use crate::tui::layout::centered;
use crate::tui::theme::Theme;

const SECTIONS: [(&str, &[Binding]); 4] = [
    ("List", keymap::LIST),
    ("Detail pane", keymap::DETAIL),
    ("Search prompt", keymap::SEARCH),
    ("Actor picker", keymap::PICKER),
];

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

/// Width of one column of the help.
const COLUMN: u16 = 58;

/// Every binding, grouped by mode: the list's keys beside the others when `width` allows
/// two columns, else one after the other. Shared by the view and by `update`'s scrolling.
pub fn lines(width: u16, theme: Theme) -> Vec<Line<'static>> {
    let mut left = section(SECTIONS[0].0, SECTIONS[0].1, theme);
    let mut right: Vec<Line<'static>> = SECTIONS[1..]
        .iter()
        .flat_map(|(title, table)| section(title, table, theme))
        .collect();
    right.push(Line::styled(
        "Mouse: wheel scrolls, click selects",
        theme.dim(),
    ));
    right.push(Line::styled("(--no-mouse turns it off)", theme.dim()));
    if width < 2 * COLUMN + 2 {
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

/// The overlay's box on a screen of `area`.
pub fn frame(area: Rect) -> Rect {
    let width = if area.width >= 2 * COLUMN + 4 {
        2 * COLUMN + 4
    } else {
        COLUMN + 4
    };
    let height = u16::try_from(lines(width.saturating_sub(2), Theme { color: false }).len() + 2)
        .unwrap_or(u16::MAX);
    centered(area, width, height)
}

/// Lines the help can scroll, at this screen size.
pub fn max_scroll(area: Rect) -> u16 {
    let rect = frame(area);
    let total = lines(rect.width.saturating_sub(2), Theme { color: false }).len();
    u16::try_from(total.saturating_sub(usize::from(rect.height.saturating_sub(2)))).unwrap_or(0)
}

pub struct Help {
    pub theme: Theme,
    pub scroll: u16,
}

impl Widget for Help {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let rect = frame(area);
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
                        Line::from(" j/k scroll · ? or Esc closes ").style(self.theme.dim()),
                    ),
            )
            .render(rect, buf);
    }
}
