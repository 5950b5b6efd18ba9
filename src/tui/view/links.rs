//! OSC 8 hyperlinks over the source addresses the detail pane shows, so a click in a
//! terminal that supports them opens the address.
//!
//! Drawn by the loop after [`super::Screen`] and kept apart from it, so that screen
//! snapshots stay plain text. Each cell of an address carries its own link around its
//! one character, with ratatui's `ForcedWidth(1)`: the escape sequence adds no width, so
//! the diff and the cursor stay right, and an address wrapped over several rows is still
//! one link. Only `http(s)` addresses of printable ASCII are linked, so nothing from the
//! data can end the sequence or start another.

use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use crate::tui::app::{App, is_web_address};
use crate::tui::mode::Mode;

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
        for row in scroll..end {
            if lines[row].style != link {
                continue;
            }
            let Some(address) = address_at(lines, row, link)
                .and_then(|text| {
                    event
                        .sources
                        .iter()
                        .find_map(|s| s.url.as_deref().filter(|u| *u == text))
                })
                .filter(|u| is_web_address(u))
            else {
                continue;
            };
            let y = inner.y + u16::try_from(row - scroll).unwrap_or(u16::MAX);
            for x in inner.left()..inner.right() {
                let cell = &mut buf[(x, y)];
                let symbol = cell.symbol();
                if symbol == " " || !symbol.is_ascii() {
                    continue;
                }
                let linked = format!("\x1b]8;;{address}\x1b\\{symbol}\x1b]8;;\x1b\\");
                cell.set_symbol(&linked)
                    .set_diff_option(CellDiffOption::ForcedWidth(std::num::NonZeroU16::MIN));
            }
        }
    }
}

/// The whole address that line `row` is part of: the run of link-styled lines around it,
/// each trimmed of its indent and joined.
fn address_at(lines: &[Line<'_>], row: usize, link: ratatui::style::Style) -> Option<String> {
    let first = (0..=row)
        .rev()
        .take_while(|&r| lines[r].style == link)
        .last()?;
    let last = (row..lines.len())
        .take_while(|&r| lines[r].style == link)
        .last()?;
    Some(
        lines[first..=last]
            .iter()
            .map(|l| l.to_string().trim().to_owned())
            .collect(),
    )
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

    /// Every drawn character of a web address is wrapped in the address's OSC 8 link and
    /// keeps a width of one column, also where the address wraps; a `file:` address and
    /// every other cell are left alone.
    #[test]
    fn web_addresses_in_the_detail_are_osc8_links_of_width_one() {
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
        for (i, (cell, before)) in buf.content().iter().zip(plain.content()).enumerate() {
            if let Some(rest) = cell.symbol().strip_prefix(&open) {
                let symbol = rest
                    .strip_suffix("\x1b]8;;\x1b\\")
                    .expect("the link is closed");
                assert_eq!(symbol, before.symbol(), "the character itself is kept");
                assert_eq!(
                    cell.diff_option,
                    CellDiffOption::ForcedWidth(std::num::NonZeroU16::MIN)
                );
                linked.push_str(symbol);
                rows.insert(i / 60);
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
