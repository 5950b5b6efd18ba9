//! A new version of the timeline, after the reader edited the file or it changed on disk:
//! the explorer is built again on it and keeps the reader's place. The selection stays on
//! the same event id (else the nearest event by date), the filter, the marks, the time
//! view's window, the mode and the scroll stay, and the status line says what changed
//! (`reloaded: 71 events (+1, 2 changed)`). A broken version never replaces the shown one:
//! its report is kept for the status line's marker and the problems overlay.

use std::collections::BTreeSet;
use std::sync::Arc;

use super::{App, Settings};
use crate::load::LoadError;
use crate::model::{ActorId, Timeline};
use crate::query::Filter;
use crate::tui::effect::Effect;
use crate::tui::mode::Mode;
use crate::tui::version::{Changes, Version};

impl App {
    /// Shows `timeline` in place of the one shown, keeping the reader's place.
    pub(super) fn reload(&mut self, version: Version) -> Option<Effect> {
        let Version { timeline, changes } = version;
        let old = Arc::clone(&self.timeline);
        let selected = self
            .selected_event()
            .map(|id| (old.event(id).id.clone(), old.event(id).date.sort_key()));
        let filter = same_filter(&self.filter, &old, &timeline);
        let marked: BTreeSet<_> = self
            .marked
            .iter()
            .filter_map(|id| timeline.find_event(&old.event(*id).id))
            .collect();
        // The calendar the reader cycled to stays too.
        let settings = Settings {
            dates: self.dates,
            ..self.settings
        };
        let (mut app, effect) = App::new(timeline, filter, settings);
        app.size = self.size;
        app.marked = marked;
        app.time.open = self.time.open;
        app.time.window = self.time.window;
        // The session's choices of width and lane order hold across versions of the file.
        app.time.full_width = self.time.full_width;
        app.time.order = self.time.order;
        app.personal = std::mem::take(&mut self.personal);
        app.resolve_personal();
        app.acting.zoomed = self.acting.zoomed;
        // A prompt keeps its text; the actor filter's overlay counted the old actors, and
        // the problems overlay showed what this version no longer has.
        app.prompt = std::mem::take(&mut self.prompt);
        app.mode = match self.mode {
            Mode::Actors | Mode::Problems => app.home_mode(),
            mode => mode,
        };
        app.help_return = self.help_return;
        app.help_scroll = self.help_scroll;
        app.rebuild_axis();
        if let Some((id, key)) = selected {
            let same = app.timeline.find_event(&id);
            // Else the nearest by date: the first shown at or after the old date.
            let nearest = same
                .filter(|e| app.visible.binary_search(e).is_ok())
                .or_else(|| {
                    let at = app
                        .visible
                        .partition_point(|e| app.timeline.event(*e).date.sort_key() < key);
                    app.visible
                        .get(at.min(app.visible.len().saturating_sub(1)))
                        .copied()
                });
            if let Some(to) = nearest {
                app.select_event(to);
                if same == Some(to) {
                    app.detail_scroll = self.detail_scroll;
                }
            }
        }
        app.scroll_to_selection();
        app.flash = Some(reloaded_message(app.timeline.events.len(), changes));
        *self = app;
        effect
    }

    /// A version of the file that does not load: the shown timeline stays, what is wrong
    /// is kept for the status line's marker and the problems overlay (`!`).
    pub(super) fn reload_failed(&mut self, error: &LoadError) {
        self.problems = Some(Problems::of(error));
        self.problems_scroll = 0;
    }

    /// What is wrong with the file's last version, while it is the last version.
    pub fn problems(&self) -> Option<&Problems> {
        self.problems.as_ref()
    }

    pub fn problems_scroll(&self) -> u16 {
        self.problems_scroll
    }

    /// `!`: every problem, as `check` prints them, over the screen; `!` again closes it.
    pub(super) fn toggle_problems(&mut self) {
        if self.mode == Mode::Problems {
            self.mode = self.home_mode();
        } else if self.problems.is_some() {
            self.problems_scroll = 0;
            self.mode = Mode::Problems;
        } else {
            self.flash = Some("no problems: the file loads".to_owned());
        }
    }

    /// Scrolls the problems overlay, within its lines.
    pub(super) fn scroll_problems(&mut self, down: bool) {
        let lines = self
            .problems
            .as_ref()
            .map_or(0, |p| p.report.lines().count());
        let room = usize::from(
            crate::tui::overlay::report_frame(self.size, lines)
                .height
                .saturating_sub(2),
        );
        let max = u16::try_from(lines.saturating_sub(room)).unwrap_or(u16::MAX);
        self.problems_scroll = if down {
            (self.problems_scroll + 1).min(max)
        } else {
            self.problems_scroll.saturating_sub(1)
        };
    }
}

/// What is wrong with a version of the file: its first problem, for the status line's
/// marker, and every problem as `check` prints them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problems {
    /// `my.ron:182:11: invalid date '1979-13-24'`.
    pub first: String,
    /// Problems beyond the first.
    pub more: usize,
    /// The whole report, plain.
    pub report: String,
}

impl Problems {
    fn of(error: &LoadError) -> Problems {
        match error {
            LoadError::Invalid(report) => Problems {
                first: report.diagnostics.first().map_or_else(
                    || report.name.clone(),
                    |d| format!("{}:{}:{}: {}", report.name, d.line, d.col, d.message),
                ),
                more: (report.diagnostics.len() + report.more).saturating_sub(1),
                report: report.render(false),
            },
            other => Problems {
                first: other
                    .to_string()
                    .lines()
                    .next()
                    .unwrap_or_default()
                    .to_owned(),
                more: 0,
                report: other.to_string(),
            },
        }
    }
}

/// The same filter on the new version: actors found again by id (one that is gone drops
/// out of the filter), the words and the range as they were.
fn same_filter(filter: &Filter, old: &Timeline, new: &Timeline) -> Filter {
    let mut same = filter.clone();
    let again = |actors: &[ActorId]| -> Vec<ActorId> {
        actors
            .iter()
            .filter_map(|a| new.find_actor(&old.actor(*a).id))
            .collect()
    };
    same.actors = again(&filter.actors);
    same.excluded = again(&filter.excluded);
    same
}

/// `reloaded: 71 events (+1, −2, 3 changed)`.
pub fn reloaded_message(events: usize, changes: Changes) -> String {
    let mut parts = Vec::new();
    if changes.added > 0 {
        parts.push(format!("+{}", changes.added));
    }
    if changes.removed > 0 {
        parts.push(format!("−{}", changes.removed));
    }
    if changes.changed > 0 {
        parts.push(format!("{} changed", changes.changed));
    }
    if parts.is_empty() {
        format!("reloaded: {events} events (no change)")
    } else {
        format!("reloaded: {events} events ({})", parts.join(", "))
    }
}
