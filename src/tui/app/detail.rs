//! The detail pane's lines, built once per selection, width, colours and query rather than
//! once per frame, with the query's matches highlighted; and `n`/`N`, which scroll to the
//! lines holding a match.

use ratatui::text::Line;

use super::App;
use crate::model::EventId;
use crate::model::calendar::DateStyle;
use crate::tui::{detail_text, highlight};

/// What the detail pane's lines were built for, and the lines.
#[derive(Default)]
pub(super) struct DetailCache {
    /// The event, its predecessor, the width, the colours, which notes (a counter),
    /// and how dates are shown.
    key: Option<(EventId, Option<EventId>, u16, bool, u64, DateStyle)>,
    /// The query words highlighted in `lines`.
    words: Vec<String>,
    lines: Vec<Line<'static>>,
    /// The lines holding a match, ascending.
    matches: Vec<usize>,
    /// The match `n`/`N` last went to, as a line.
    current: Option<usize>,
}

impl App {
    /// The detail pane's lines at `width`, when they are cached for it.
    pub fn detail_lines(&self, width: u16) -> Option<&[Line<'static>]> {
        let (_, _, cached, _, _, _) = self.detail_cache.key?;
        (cached == width).then_some(self.detail_cache.lines.as_slice())
    }

    /// Lines in the detail pane for the selected event at its current width.
    pub fn detail_line_count(&self) -> usize {
        self.detail_cache.lines.len()
    }

    /// The detail lines that hold a match of the query, ascending.
    pub fn detail_matches(&self) -> &[usize] {
        &self.detail_cache.matches
    }

    /// Rebuilds the detail pane's lines when the event, its predecessor (the interval line),
    /// the pane's width, the colours or the query changed; keeps the scroll inside them.
    pub(super) fn refresh_detail(&mut self) {
        let width = self.areas().detail_inner.width;
        let key = self.selected_event().map(|id| {
            let previous = self.selected.checked_sub(1).map(|p| self.visible[p]);
            (
                id,
                previous,
                width,
                self.theme.color,
                self.personal.notes_changed,
                self.dates,
            )
        });
        let words = self.filter.words();
        if key != self.detail_cache.key || words != self.detail_cache.words.as_slice() {
            let plain = match self.selected_event() {
                Some(id) if width > 0 => detail_text::lines(
                    &self.timeline,
                    &self.backlinks,
                    detail_text::Shown {
                        id,
                        previous: self.previous_event(),
                        note: self.note(id),
                    },
                    width,
                    self.theme,
                    self.dates,
                ),
                _ => Vec::new(),
            };
            let mut matches = Vec::new();
            let lines = plain
                .into_iter()
                .enumerate()
                .map(|(n, line)| {
                    let (line, had) = highlight::line(line, words, self.theme.highlight());
                    if had {
                        matches.push(n);
                    }
                    line
                })
                .collect();
            let same_event = key.map(|k| k.0) == self.detail_cache.key.map(|k| k.0);
            let current = self.detail_cache.current.filter(|_| same_event);
            self.detail_cache = DetailCache {
                key,
                words: words.to_vec(),
                lines,
                matches,
                current,
            };
        }
        let height = usize::from(self.areas().detail_inner.height);
        let max = self.detail_cache.lines.len().saturating_sub(height);
        self.detail_scroll = self.detail_scroll.min(max);
    }

    /// `n` (forward) or `N`: scrolls the detail so the next or previous line with a match
    /// is at the top (as far as the text lets it), wrapping around at either end.
    pub(super) fn next_match(&mut self, forward: bool) {
        let matches = &self.detail_cache.matches;
        if matches.is_empty() {
            self.flash = Some(if self.filter.words().is_empty() {
                "no query to find (/ types one)".to_owned()
            } else {
                "no match in this event".to_owned()
            });
            return;
        }
        let here = self.detail_cache.current.unwrap_or(self.detail_scroll);
        let next = if forward {
            let after = if self.detail_cache.current.is_some() {
                here + 1
            } else {
                here
            };
            matches.iter().find(|&&m| m >= after)
        } else {
            matches.iter().rev().find(|&&m| m < here)
        };
        let line = if let Some(&line) = next {
            line
        } else {
            self.flash = Some("search wrapped".to_owned());
            if forward {
                matches[0]
            } else {
                matches[matches.len() - 1]
            }
        };
        self.detail_cache.current = Some(line);
        let height = usize::from(self.areas().detail_inner.height);
        let max = self.detail_cache.lines.len().saturating_sub(height);
        self.detail_scroll = line.min(max);
    }
}
