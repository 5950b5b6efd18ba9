//! The status line: where the reader is and what is shown (`12/48 of 70 events ·
//! 1979–1989 · actors: … · query: "…"`) on the left, the few keys that matter now on the
//! right (from the keymap, most important first, as many as fit); the search or date
//! range prompt while typing.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::query::{ActorMode, range_label};
use crate::tui::app::App;
use crate::tui::hints::{beyond_footer, fitting, hints};
use crate::tui::mode::{Mode, Overlay, spec};
use crate::tui::overlay::actor_filter_width;
use crate::tui::prompt::Prompt;
use crate::tui::text::{clean, fit, fit_clean, width};
use crate::tui::theme::Theme;
use unicode_segmentation::UnicodeSegmentation;

pub struct Status<'a> {
    pub app: &'a App,
    pub theme: Theme,
}

/// `12/48 of 70 events · 1979–1989 · actors: Russia, Taliban · query: "embassy" · 2 marked`:
/// the selected event's position among those shown, then every filter in force.
pub fn summary(app: &App) -> String {
    let tl = &app.timeline();
    let (shown, total) = (app.visible().len(), tl.events.len());
    let position = if shown == 0 { 0 } else { app.selected() + 1 };
    let mut parts = vec![if shown == total {
        format!("{position}/{shown} events")
    } else {
        format!("{position}/{shown} of {total} events")
    }];
    if app.searching() && !app.index().text_ready() {
        parts.push("indexing…".to_owned());
    } else if app.searching() {
        parts.push("searching…".to_owned());
    }
    if app.dates().reckoning().is_some() {
        parts.push(crate::tui::app::calendar_words(app.dates()));
    }
    if let Some(range) = range_label((app.filter().from, app.filter().to)) {
        parts.push(range);
    }
    let filter = app.filter();
    if !filter.actors.is_empty() || !filter.excluded.is_empty() {
        let names: Vec<String> = filter
            .actors
            .iter()
            .map(|a| clean(&tl.actor(*a).name))
            .collect();
        let join = if filter.actor_mode == ActorMode::All || filter.exact_actors() {
            " + "
        } else {
            ", "
        };
        let mut words = Vec::new();
        if filter.exact_actors() {
            words.push("exactly".to_owned());
        }
        if !names.is_empty() {
            words.push(names.join(join));
        }
        words.extend(
            filter
                .excluded
                .iter()
                .map(|a| format!("−{}", clean(&tl.actor(*a).name))),
        );
        parts.push(format!("actors: {}", words.join(" ")));
    }
    if !filter.tags.is_empty() {
        let tags: Vec<String> = filter.tags.iter().map(|t| clean(t)).collect();
        parts.push(format!("tags: {}", tags.join(", ")));
    }
    if let Some(ids) = &filter.ids {
        parts.push(format!("ids: {} listed", ids.len()));
    }
    if !app.filter().query().is_empty() {
        parts.push(format!("query: \"{}\"", clean(app.filter().query())));
    }
    if app.marked_count() > 0 {
        parts.push(format!("{} marked", app.marked_count()));
    }
    if let Some(count) = app.count() {
        parts.push(format!("count {count}"));
    }
    parts.join(" · ")
}

/// The prompt as the reader sees it: pick mode's is the query, which other keys may have
/// changed since it was last typed (Esc clears it, going back restores one).
pub(super) fn shown_prompt(app: &App) -> std::borrow::Cow<'_, Prompt> {
    if app.mode() == Mode::Pick && app.prompt().text() != app.filter().query() {
        std::borrow::Cow::Owned(Prompt::new(app.filter().query()))
    } else {
        std::borrow::Cow::Borrowed(app.prompt())
    }
}

/// `/soviet▏war`: a prompt's sign, its text (cleaned, cut to `room` columns) and the cursor
/// where it is; the text before the cursor is cut from the left so the cursor always shows.
/// Every prompt is drawn by this: the status line's and the actor filter's.
pub(super) fn prompt_spans(
    sign: &'static str,
    prompt: &Prompt,
    room: usize,
    theme: Theme,
) -> Vec<Span<'static>> {
    let (before, after) = prompt.text().split_at(prompt.cursor());
    let before = clean(before);
    // The widest tail that fits, measured once from the end: measuring what is left after
    // each dropped character made a 64 KB paste take half a minute to show.
    let mut start = before.len();
    let mut used = 0;
    for (at, g) in before.grapheme_indices(true).rev() {
        let w = width(g);
        if used + w > room {
            break;
        }
        used += w;
        start = at;
    }
    let before = before[start..].to_owned();
    let after = fit_clean(after, room.saturating_sub(used));
    vec![
        Span::styled(sign, theme.accent()),
        Span::raw(before),
        Span::styled("▏", theme.accent()),
        Span::raw(after),
    ]
}

impl Status<'_> {
    /// The `w` prompt, with what it writes and the formats while it is empty; the question
    /// whether to replace the file it named.
    fn write_prompt(&self, sign: &'static str, w: usize) -> Vec<Span<'static>> {
        let app = self.app;
        if app.mode() == Mode::Overwrite {
            let question = format!("'{}'? it is there already", clean(app.prompt().text()));
            return vec![
                Span::styled(sign, self.theme.accent()),
                Span::raw(fit(&question, w.saturating_sub(width(sign)))),
            ];
        }
        let mut spans = prompt_spans(sign, app.prompt(), w.saturating_sub(3), self.theme);
        if app.prompt().text().is_empty() {
            spans.push(Span::styled(
                format!("  {}", write_formats(app)),
                self.theme.dim(),
            ));
        }
        spans
    }
}

impl Widget for Status<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let w = usize::from(area.width);
        let in_range = app.mode() == Mode::Range;
        let sign = match spec(app.mode()).overlay {
            Overlay::StatusPrompt(sign) => Some(sign),
            _ => None,
        };
        let left: Vec<Span<'static>> = if let (true, Some(sign)) = (in_range, sign) {
            self.range_prompt(sign, w)
        } else if let (Mode::Search | Mode::Pick, Some(sign)) = (app.mode(), sign) {
            // fzf's prompt in pick mode, where it is always there; `/` when searching.
            let marked = match app.marked_count() {
                0 => String::new(),
                n => format!(" · {n} marked"),
            };
            let mut spans = prompt_spans(sign, &shown_prompt(app), w.saturating_sub(3), self.theme);
            // The position among those shown, as the status line gives it (`12/48`).
            let shown = app.visible().len();
            let position = if shown == 0 { 0 } else { app.selected() + 1 };
            spans.push(Span::styled(
                format!(
                    "  {position}/{shown} of {}{marked}",
                    app.timeline().events.len()
                ),
                self.theme.dim(),
            ));
            spans
        } else if let (Mode::Write | Mode::Overwrite, Some(sign)) = (app.mode(), sign) {
            self.write_prompt(sign, w)
        } else if let (Mode::Jump, Some(sign)) = (app.mode(), sign) {
            let mut spans = prompt_spans(sign, app.prompt(), w.saturating_sub(3), self.theme);
            if app.prompt().text().is_empty() {
                spans.push(Span::styled(
                    "  date to jump to: 1989, 1989-02, feb 1989",
                    self.theme.dim(),
                ));
            }
            spans
        } else if let Some(problems) = app.problems() {
            // The file's last save did not load: said until a save loads, before all else.
            let more = match problems.more {
                0 => String::new(),
                n => format!(" (+{n} more)"),
            };
            let marker = fit(&format!("✗ {}{more} · ! shows", clean(&problems.first)), w);
            let rest = w.saturating_sub(width(&marker) + 3);
            vec![
                Span::styled(marker, self.theme.warning()),
                Span::raw(if rest > 0 { " · " } else { "" }),
                Span::raw(fit(&summary(app), rest)),
            ]
        } else {
            vec![Span::raw(fit(&summary(app), w))]
        };
        let right = match app.flash() {
            Some(message) => Span::styled(message.to_owned(), self.theme.accent()),
            None => Span::raw(String::new()),
        };
        let left_width: usize = left.iter().map(|s| width(&s.content)).sum();
        // The range prompt shows its message on the left, next to what it is about, and
        // keeps its keys on the right when there is room.
        let right = if app.flash().is_none() || in_range {
            Span::styled(
                fitting(&self.hints(area.width), w.saturating_sub(left_width + 2)),
                self.theme.dim(),
            )
        } else {
            right
        };
        let mut spans = left;
        let mut right = right;
        let mut left_width = left_width;
        if app.flash().is_some() && !in_range && left_width + 2 + width(&right.content) > w {
            // A message is never dropped, and it is what the reader has to read now (why a
            // write failed, what it wrote), while the left is there again at the next key:
            // the message takes the line but for the left's first columns (where the reader
            // is, `1/40 of 73…`), shortened with `…` only if it needs more still.
            let room = w.saturating_sub(left_width.min(LEFT_KEPT) + 2);
            right.content = fit(&right.content, room).into();
            let keep = w.saturating_sub(width(&right.content) + 2);
            if left_width > keep {
                spans = fit_spans(spans, keep);
                left_width = spans.iter().map(|s| width(&s.content)).sum();
            }
        }
        let right_width = width(&right.content);
        if left_width + 2 + right_width <= w {
            spans.push(Span::raw(" ".repeat(w - left_width - right_width)));
            spans.push(right);
        }
        Line::from(spans).render(area, buf);
    }
}

/// The columns of the left part a message that does not fit leaves it.
const LEFT_KEPT: usize = 12;

/// `spans` cut to `max` columns, the last one kept ending in `…`.
fn fit_spans(spans: Vec<Span<'static>>, max: usize) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    let mut used = 0;
    for mut span in spans {
        let w = width(&span.content);
        if used + w > max {
            span.content = fit(&span.content, max - used).into();
            out.push(span);
            break;
        }
        used += w;
        out.push(span);
    }
    out
}

impl Status<'_> {
    /// The hints of the status line. Under the picker, whose frame has a footer of its
    /// own, the ones its footer had no room for (at 80 columns, `Shift-Tab exactly · Esc
    /// cancel`), so that every key is shown somewhere; the footer's again if it has all.
    fn hints(&self, screen_width: u16) -> Vec<String> {
        let (mode, pick) = (self.app.mode(), self.app.pick_mode());
        if mode == Mode::Actors {
            let rest = beyond_footer(mode, pick, actor_filter_width(screen_width));
            if !rest.is_empty() {
                return rest;
            }
        }
        hints(mode, pick)
    }

    /// `range 1979..19▏  '19' is not a date: …`, or the forms it takes while nothing is wrong.
    fn range_prompt(&self, sign: &'static str, w: usize) -> Vec<Span<'static>> {
        let mut spans = prompt_spans(sign, self.app.prompt(), w.saturating_sub(8), self.theme);
        let used: usize = spans.iter().map(|s| width(&s.content)).sum();
        let room = w.saturating_sub(used + 2);
        let (note, style) = match self.app.flash() {
            Some(message) => (message.to_owned(), self.theme.accent()),
            None => (
                "e.g. 1979..1989 · 1989-02.. · ..2001 · empty clears".to_owned(),
                self.theme.dim(),
            ),
        };
        let note = fit(&note, room);
        if !note.is_empty() {
            spans.push(Span::raw("  "));
            spans.push(Span::styled(note, style));
        }
        spans
    }
}

/// What `w` writes, by extension, from the one table: `.json timelinejs (N events)`.
fn write_formats(app: &App) -> String {
    let n = if app.marked_count() > 0 {
        format!("the {} marked", app.marked_count())
    } else {
        format!("the {} shown", app.visible().len())
    };
    let formats: Vec<String> = crate::interop::EXTENSIONS
        .iter()
        .map(|(ext, format)| format!(".{ext} {}", format.name()))
        .collect();
    format!("{n} · {}", formats.join(", "))
}
