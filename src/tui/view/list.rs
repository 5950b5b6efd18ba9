//! The event list: one row per event, era headers where an era begins. Only the rows on
//! screen are built, whatever the size of the timeline.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget};

use crate::model::calendar::column_date;
use crate::tui::action::Action;
use crate::tui::app::{App, EraHeader};
use crate::tui::highlight;
use crate::tui::hints::key_for;
use crate::tui::mode::Mode;
use crate::tui::prompt::Edit;
use crate::tui::text::{clean, fit, fit_clean, width as text_width};
use crate::tui::theme::Theme;

pub struct EventList<'a> {
    pub app: &'a App,
    pub theme: Theme,
}

impl Widget for EventList<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let focused = app.mode() != Mode::Detail;
        let title = format!(
            " {} ",
            fit_clean(
                &app.timeline().title,
                usize::from(area.width.saturating_sub(4))
            )
        );
        let block = Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(self.theme.border(focused))
            .title(Line::from(title).style(self.theme.title()));
        let inner = block.inner(area);
        block.render(area, buf);
        if app.visible().is_empty() {
            empty_state(app, self.theme).render(inner, buf);
            return;
        }
        let rows = usize::from(inner.height);
        let mut y = 0;
        let mut i = app.offset();
        while y < rows && i < app.visible().len() {
            let shown = app.headers_shown(i);
            // The top row carries its own header, else the pinned one of the era it is
            // filed under.
            let headers = if i == app.offset() {
                app.top_headers(i)
            } else {
                app.era_headers(i).collect()
            };
            for header in headers.into_iter().take(shown) {
                if y >= rows {
                    break;
                }
                header_line(&header, inner.width, self.theme).render(row_rect(inner, y), buf);
                y += 1;
            }
            if y >= rows {
                break;
            }
            draw_event(app, i, row_rect(inner, y), self.theme, buf);
            y += 1;
            i += 1;
        }
    }
}

fn row_rect(inner: Rect, y: usize) -> Rect {
    Rect {
        y: inner.y + u16::try_from(y).unwrap_or(0),
        height: 1,
        ..inner
    }
}

/// `── PDPA rule › Saur revolution · 1978–1992 ───`, or `── PDPA rule (continued) · …`:
/// the eras beginning here, outer first, with the innermost's years and colour; an
/// ongoing era's span is open: `2021–`.
fn header_line(header: &EraHeader<'_>, width: u16, theme: Theme) -> Line<'static> {
    let Some((&(inner_index, inner), outer)) = header.eras.split_last() else {
        return Line::default();
    };
    // Each era with its own years (an era folded in from outside the inner one has its own
    // span, not the inner one's), the inner one kept whole and the outer ones cut first.
    let continued = if header.continued { " (continued)" } else { "" };
    let room = usize::from(width).saturating_sub(6);
    let inner_label = fit(
        &format!("{}{continued} · {}", clean(&inner.name), inner.years()),
        room,
    );
    let outer_room = room.saturating_sub(text_width(&inner_label) + 3);
    let prefix = if outer.is_empty() || outer_room < 2 {
        String::new()
    } else {
        let names: Vec<String> = outer
            .iter()
            .map(|(_, era)| format!("{} · {}", clean(&era.name), era.years()))
            .collect();
        format!("{} › ", fit(&names.join(" › "), outer_room))
    };
    let label = format!(" {prefix}{inner_label} ");
    let rule = usize::from(width).saturating_sub(text_width(&label) + 2);
    Line::from(vec![
        Span::styled("──", theme.dim()),
        Span::styled(label, theme.era(inner_index)),
        Span::styled("─".repeat(rule), theme.dim()),
    ])
}

/// `● 24 Dec 1979  Title …                 ussr taliban`: the selected row's style is laid
/// on the whole row first, and the title and the badges are drawn at either end of it, so
/// no cell is drawn twice and no padding is built.
fn draw_event(app: &App, i: usize, row: Rect, theme: Theme, buf: &mut Buffer) {
    let id = app.visible()[i];
    let event = app.timeline().event(id);
    let width = usize::from(row.width);
    let selected = i == app.selected();
    let mark = if app.is_marked(id) { "●" } else { " " };
    let date_width = app.date_width();
    // Padded by columns, not characters: a Dari month may hold a combining mark.
    let date = column_date(event.date, app.dates());
    let date = format!(
        "{date}{}",
        " ".repeat(date_width.saturating_sub(text_width(&date)))
    );

    // Badges take at most a quarter of the row and two actors; the title gets the rest.
    let badge_room = width / 4;
    let mut badges: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for (n, actor) in event.actors.iter().enumerate() {
        let label = fit_clean(&app.timeline().actor(*actor).id, 14);
        let rest = event.actors.len() - n - 1;
        let more = if rest > 0 {
            format!(" +{rest}")
        } else {
            String::new()
        };
        if n == 2
            || used + text_width(&label) + 1 + if n == 0 { 0 } else { more.len() } > badge_room
        {
            if n > 0 {
                badges.push(Span::styled(
                    format!(" +{}", event.actors.len() - n),
                    theme.dim(),
                ));
            }
            break;
        }
        badges.push(Span::raw(" "));
        badges.push(Span::styled(label.clone(), theme.actor(*actor)));
        used += text_width(&label) + 1;
    }
    let badges_width: usize = badges.iter().map(|s| text_width(&s.content)).sum();
    // A star of the reader's stands before the title.
    let star = if app.is_starred(id) { "★ " } else { "" };
    let fixed = 2 + date_width + 1 + text_width(star);
    let title_room = width.saturating_sub(fixed + badges_width + 1);
    let title = fit_clean(&event.title, title_room);

    let title_style = if selected {
        theme.title()
    } else {
        ratatui::style::Style::new()
    };
    let mut spans = vec![
        Span::styled(format!("{mark} "), theme.mark()),
        // A date word of the query matched this event by its date: show that as the why.
        Span::styled(
            fit(&date, date_width),
            if app.filter().matches_a_date_word(event) {
                theme.date().patch(theme.highlight())
            } else {
                theme.date()
            },
        ),
        Span::raw(" "),
        Span::styled(star, theme.mark()),
    ];
    // Only this row's title as drawn is searched for the words: the cost of a frame
    // stays with the rows on screen.
    spans.extend(highlight::spans(
        vec![Span::styled(title, title_style)],
        app.filter().words(),
        theme.highlight(),
    ));
    if selected {
        buf.set_style(row, theme.selected());
    }
    Line::from(spans).render(row, buf);
    let badges_width = u16::try_from(badges_width).unwrap_or(0).min(row.width);
    let right = Rect {
        x: row.right() - badges_width,
        width: badges_width,
        ..row
    };
    Line::from(badges).render(right, buf);
}

pub(super) fn empty_state(app: &App, theme: Theme) -> Paragraph<'static> {
    let mut lines = vec![Line::raw("")];
    if app.timeline().events.is_empty() {
        lines.push(Line::styled(
            "This timeline has no events yet.",
            theme.title(),
        ));
        lines.push(Line::styled(
            "Add some under events: [ … ] in the file.",
            theme.dim(),
        ));
    } else {
        lines.push(Line::styled("No event matches the filter.", theme.title()));
        // Pick mode's prompt is always there, and its Esc cancels: other keys say it.
        let mode = if app.pick_mode() {
            Mode::Pick
        } else {
            Mode::Browse
        };
        if !app.filter().query().is_empty() {
            let edit = if app.pick_mode() {
                format!(
                    "{} or {} edit the query",
                    key_for(mode, Action::Edit(Edit::DeleteBack)),
                    key_for(mode, Action::Edit(Edit::KillWordBack))
                )
            } else {
                format!(
                    "{} clears the query · {} edits it",
                    key_for(mode, Action::Back),
                    key_for(mode, Action::StartSearch)
                )
            };
            lines.push(Line::styled(edit, theme.dim()));
        }
        if !app.filter().actors.is_empty() {
            lines.push(Line::styled(
                format!(
                    "{} changes the actors",
                    key_for(mode, Action::OpenActorFilter)
                ),
                theme.dim(),
            ));
        }
    }
    Paragraph::new(lines).centered()
}
