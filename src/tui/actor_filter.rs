//! The actor chooser's state: a typed query narrowing the actors (by name, id or alias), a
//! cursor over those shown, a tentative selection, any/all. Nothing changes in the filter
//! until Enter applies it. Takes plain data (the actors), so it tests without a terminal.

use crate::model::{Actor, ActorId, Timeline};
use crate::query::{ActorMode, Filter, SearchIndex, contains_folded};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActorFilter {
    /// Index into `shown` of the actor under the cursor.
    pub cursor: usize,
    /// Index into `shown` of the first row drawn.
    pub offset: usize,
    /// Per actor, in declaration order: whether it is selected.
    pub chosen: Vec<bool>,
    pub mode: ActorMode,
    /// Events per actor under the current filter, its actor part aside.
    pub counts: Vec<usize>,
    /// The actors the query matches (all of them for an empty query), in declaration order.
    pub shown: Vec<usize>,
}

impl ActorFilter {
    pub fn open(timeline: &Timeline, index: &SearchIndex, filter: &Filter) -> ActorFilter {
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
        ActorFilter {
            cursor: 0,
            offset: 0,
            chosen,
            mode: filter.actor_mode,
            counts,
            shown: (0..timeline.actors.len()).collect(),
        }
    }

    /// The actor under the cursor (an index into the timeline's actors), if any is shown.
    pub fn current(&self) -> Option<usize> {
        self.shown.get(self.cursor).copied()
    }

    pub fn down(&mut self) {
        if self.cursor + 1 < self.shown.len() {
            self.cursor += 1;
        }
    }

    pub fn up(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn first(&mut self) {
        self.cursor = 0;
    }

    pub fn last(&mut self) {
        self.cursor = self.shown.len().saturating_sub(1);
    }

    /// Toggles the actor under the cursor and moves on, so Space Space … selects a run.
    pub fn toggle(&mut self) {
        if let Some(c) = self.current().and_then(|i| self.chosen.get_mut(i)) {
            *c = !*c;
            self.down();
        }
    }

    /// Unselects every actor, shown or not.
    pub fn clear_selection(&mut self) {
        self.chosen.fill(false);
    }

    /// How many actors are selected.
    pub fn selected_count(&self) -> usize {
        self.chosen.iter().filter(|c| **c).count()
    }

    pub fn switch_mode(&mut self) {
        self.mode = match self.mode {
            ActorMode::Any => ActorMode::All,
            ActorMode::All => ActorMode::Any,
        };
    }

    /// Shows the actors the typed `query` matches: every word in the name, the id or an
    /// alias, in any case. The cursor stays on its actor while it is still shown.
    pub fn narrow(&mut self, actors: &[Actor], query: &str) {
        let current = self.current();
        let words: Vec<String> = query.split_whitespace().map(crate::fold::fold).collect();
        self.shown = actors
            .iter()
            .enumerate()
            .filter(|(_, actor)| {
                words.iter().all(|word| {
                    std::iter::once(&actor.name)
                        .chain(std::iter::once(&actor.id))
                        .chain(&actor.aliases)
                        .any(|text| contains_folded(text, word))
                })
            })
            .map(|(i, _)| i)
            .collect();
        self.cursor = current
            .and_then(|c| self.shown.iter().position(|&i| i == c))
            .unwrap_or(0);
        self.offset = 0;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ActorKind;

    fn actor(id: &str, name: &str, aliases: &[&str]) -> Actor {
        Actor {
            id: id.to_owned(),
            name: name.to_owned(),
            kind: ActorKind::State,
            aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
        }
    }

    fn typed(actors: &[Actor], text: &str) -> ActorFilter {
        let mut chooser = ActorFilter {
            chosen: vec![false; actors.len()],
            shown: (0..actors.len()).collect(),
            ..ActorFilter::default()
        };
        // Narrowed as the text is typed, a character at a time.
        for end in text.char_indices().map(|(i, c)| i + c.len_utf8()) {
            chooser.narrow(actors, &text[..end]);
        }
        chooser
    }

    /// Each of the three texts alone finds the actor: the id, the name, an alias.
    #[test]
    fn typing_matches_the_id_the_name_or_an_alias() {
        let actors = [
            actor("ussr", "Soviet Union", &["Soviet Army"]),
            actor("dra", "Afghanistan", &["Democratic Republic"]),
            actor("tb", "Taliban", &[]),
        ];
        for (text, shown) in [
            ("ussr", vec![0]),
            ("UNION", vec![0]),
            ("army", vec![0]),
            ("dra", vec![1]),
            ("republic", vec![1]),
            ("an", vec![1, 2]),
            ("soviet army", vec![0]),
            ("soviet taliban", vec![]),
        ] {
            assert_eq!(typed(&actors, text).shown, shown, "{text:?}");
        }
    }

    /// An empty list: moving, toggling and Home/End are safe and change nothing.
    #[test]
    fn nothing_shown_is_safe() {
        let actors = [actor("a", "A", &[])];
        let mut chooser = typed(&actors, "zzz");
        chooser.down();
        chooser.last();
        chooser.toggle();
        chooser.first();
        chooser.up();
        assert_eq!((chooser.cursor, chooser.current()), (0, None));
        assert_eq!(chooser.selected_count(), 0);
    }
}
