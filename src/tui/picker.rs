//! The actor picker's state: a cursor over every actor, a tentative selection, any/all.
//! Nothing changes in the filter until Enter applies it.

use crate::model::{ActorId, Timeline};
use crate::query::{ActorMode, Filter, SearchIndex};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Picker {
    pub cursor: usize,
    pub offset: usize,
    pub chosen: Vec<bool>,
    pub mode: ActorMode,
    /// Events per actor under the current filter, its actor part aside.
    pub counts: Vec<usize>,
}

impl Picker {
    pub fn open(timeline: &Timeline, index: &SearchIndex, filter: &Filter) -> Picker {
        let mut chosen = vec![false; timeline.actors.len()];
        for a in &filter.actors {
            chosen[a.index()] = true;
        }
        // Count what each actor would add under the rest of the filter (query, dates).
        let mut rest = filter.clone();
        rest.actors.clear();
        let mut counts = vec![0; timeline.actors.len()];
        for id in rest.apply_indexed(timeline, index, None) {
            for a in &timeline.event(id).actors {
                counts[a.index()] += 1;
            }
        }
        Picker {
            cursor: 0,
            offset: 0,
            chosen,
            mode: filter.actor_mode,
            counts,
        }
    }

    pub fn down(&mut self) {
        if self.cursor + 1 < self.chosen.len() {
            self.cursor += 1;
        }
    }

    pub fn up(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn toggle(&mut self) {
        if let Some(c) = self.chosen.get_mut(self.cursor) {
            *c = !*c;
        }
    }

    pub fn switch_mode(&mut self) {
        self.mode = match self.mode {
            ActorMode::Any => ActorMode::All,
            ActorMode::All => ActorMode::Any,
        };
    }

    /// Keeps the cursor inside a window of `rows`.
    pub fn scroll(&mut self, rows: usize) {
        if rows == 0 || self.cursor < self.offset {
            self.offset = self.cursor;
        } else if self.cursor >= self.offset + rows {
            self.offset = self.cursor + 1 - rows;
        }
    }

    pub fn apply(&self, filter: &mut Filter) {
        filter.actors = self
            .chosen
            .iter()
            .enumerate()
            .filter(|(_, c)| **c)
            .map(|(i, _)| ActorId(u32::try_from(i).unwrap_or(u32::MAX)))
            .collect();
        filter.actor_mode = self.mode;
    }
}
