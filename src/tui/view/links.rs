//! OSC 8 hyperlinks over the source addresses the detail pane shows, so a click in a
//! terminal that supports them opens the address.
//!
//! Drawn by the loop after [`super::Screen`] and kept apart from it, so that screen
//! snapshots stay plain text. Each row's run of address characters (of one style) becomes
//! one cell holding the whole link around the run's text, with ratatui's `ForcedWidth` of
//! the run: the escape sequence adds no width, so the diff and the cursor stay right, the
//! address is written once per row rather than once per character (a long address in every
//! cell made a redraw cost its length times its cells), and an address wrapped over several
//! rows is still one link. The cells the run covers keep their characters, so the buffer
//! still says what the terminal shows. Only `http(s)` addresses of printable ASCII are
//! linked, so nothing from the data can end the sequence or start another, and none longer
//! than [`MAX_LINK`], which terminals do not open anyway: it is shown as plain text.

use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use crate::tui::app::{App, is_web_address};
use crate::tui::mode::Mode;

/// The longest address made a link, in bytes. Terminals cap the URI of an OSC 8 link
/// (VTE and kitty at 2,083 and 2,048 bytes; browsers' own limits are near 2,000), so a
/// longer one would not open from a click anyway.
pub const MAX_LINK: usize = 2000;

pub struct Links<'a> {
    pub app: &'a App,
}

impl Widget for Links<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        // An overlay covers the detail pane: its cells are not the addresses any more.
        if matches!(app.mode(), Mode::Help | Mode::Actors) {
            return;
        }
        let inner = app.areas_at(area).detail_inner;
        let (Some(id), Some(lines)) = (app.selected_event(), app.detail_lines(inner.width)) else {
            return;
        };
        let event = app.timeline().event(id);
        let link = app.theme().link();
        let scroll = app.detail_scroll();
        let end = (scroll + usize::from(inner.height)).min(lines.len());
        let mut row = scroll;
        while row < end {
            if lines[row].style != link {
                row += 1;
                continue;
            }
            let (first, last) = run(lines, row, link);
            let address = address_of(&lines[first..=last]).and_then(|text| {
                event
                    .sources
                    .iter()
                    .find_map(|s| s.url.as_deref().filter(|u| *u == text))
                    .filter(|u| is_web_address(u))
            });
            if let Some(address) = address {
                for r in row..=last.min(end - 1) {
                    let y = inner.y + u16::try_from(r - scroll).unwrap_or(u16::MAX);
                    link_row(buf, inner.left()..inner.right(), y, address);
                }
            }
            row = last + 1;
        }
    }
}

/// The run of link-styled lines around line `row`, first and last.
fn run(lines: &[Line<'_>], row: usize, link: ratatui::style::Style) -> (usize, usize) {
    let first = (0..=row)
        .rev()
        .take_while(|&r| lines[r].style == link)
        .last()
        .unwrap_or(row);
    let last = (row..lines.len())
        .take_while(|&r| lines[r].style == link)
        .last()
        .unwrap_or(row);
    (first, last)
}

/// The whole address that a run of lines spells, each trimmed of its indent and joined;
/// `None` when it is longer than [`MAX_LINK`] (measured before it is built).
fn address_of(lines: &[Line<'_>]) -> Option<String> {
    let len: usize = lines
        .iter()
        .flat_map(|l| &l.spans)
        .map(|s| s.content.len())
        .sum();
    if len > MAX_LINK.saturating_add(lines.len().saturating_mul(8)) {
        return None;
    }
    let text: String = lines
        .iter()
        .map(|l| l.to_string().trim().to_owned())
        .collect();
    (text.len() <= MAX_LINK).then_some(text)
}

/// Makes each run of drawn address characters on row `y` (printable ASCII, one style) one
/// link cell as wide as the run.
fn link_row(buf: &mut Buffer, columns: std::ops::Range<u16>, y: u16, address: &str) {
    let mut x = columns.start;
    while x < columns.end {
        let start = x;
        let style = buf[(x, y)].style();
        let mut text = String::new();
        while x < columns.end {
            let cell = &buf[(x, y)];
            let symbol = cell.symbol();
            if symbol == " " || !symbol.is_ascii() || symbol.len() != 1 || cell.style() != style {
                break;
            }
            text.push_str(symbol);
            x += 1;
        }
        if text.is_empty() {
            x += 1;
            continue;
        }
        let width = std::num::NonZeroU16::new(x - start).unwrap_or(std::num::NonZeroU16::MIN);
        buf[(start, y)]
            .set_symbol(&format!("\x1b]8;;{address}\x1b\\{text}\x1b]8;;\x1b\\"))
            .set_diff_option(CellDiffOption::ForcedWidth(width));
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::model::Timeline;
    use crate::query::Filter;
    use crate::tui::action::Action;
    use crate::tui::app::Settings;

    const TIMELINE: &str = r#"(
        title: "Links",
        actors: [(id: "tass", name: "Telegraph Agency", kind: Organization)],
        events: [(
            id: "linked",
            date: "1950-01-02",
            title: "An event with sources",
            summary: "Read about it.",
            actors: ["tass"],
            sources: [
                (publisher: "Local", title: "Not a web address", url: "file:///etc/passwd"),
                (publisher: "Web", title: "Long", url: "https://example.org/a/very/long/path/that/wraps/over/more/than/one/row/of/the/narrow/pane"),
            ],
        )],
    )"#;

    /// Each row's run of a web address is one cell holding the address's OSC 8 link around
    /// the run's text, as wide as the run, also where the address wraps; the cells it covers
    /// keep their characters; a `file:` address and every other cell are left alone.
    #[test]
    fn web_addresses_in_the_detail_are_one_osc8_link_per_row() {
        let timeline: Arc<Timeline> =
            Arc::new(crate::load::parse(TIMELINE, "links.ron").expect("loads"));
        let address = timeline.events[0].sources[1]
            .url
            .clone()
            .expect("an address");
        let (mut app, _) = App::new(timeline, Filter::default(), Settings::default());
        app.update(Action::Resize {
            width: 60,
            height: 30,
        });
        app.update(Action::ToggleZoom);
        let area = Rect::new(0, 0, 60, 30);
        let mut buf = Buffer::empty(area);
        super::super::Screen { app: &app }.render(area, &mut buf);
        let plain = buf.clone();
        Links { app: &app }.render(area, &mut buf);
        let open = format!("\x1b]8;;{address}\x1b\\");
        let mut rows = std::collections::BTreeSet::new();
        let mut linked = String::new();
        let mut covered = 0;
        for (i, (cell, before)) in buf.content().iter().zip(plain.content()).enumerate() {
            if let Some(rest) = cell.symbol().strip_prefix(&open) {
                let text = rest
                    .strip_suffix("\x1b]8;;\x1b\\")
                    .expect("the link is closed");
                let drawn: String = plain.content()[i..i + text.len()]
                    .iter()
                    .map(ratatui::buffer::Cell::symbol)
                    .collect();
                assert_eq!(text, drawn, "the run's characters themselves");
                let width = std::num::NonZeroU16::new(u16::try_from(text.len()).expect("short"))
                    .expect("not empty");
                assert_eq!(cell.diff_option, CellDiffOption::ForcedWidth(width));
                linked.push_str(text);
                assert!(rows.insert(i / 60), "one link per row");
                covered = text.len() - 1;
            } else if covered > 0 {
                covered -= 1;
                assert_eq!(cell, before, "a covered cell keeps its character");
            } else {
                assert_eq!(cell, before, "cell {i} is not part of the address");
            }
        }
        assert_eq!(linked, address, "the linked cells spell the address");
        assert!(
            rows.len() > 1,
            "the address wraps, and every row of it is linked"
        );
    }
}
