//! The picker of actors and tags (`a`): a typed query narrowing the entries (actors by
//! name, id or alias, then tags), a cursor over those shown, a tentative choice per entry
//! (an actor required, excluded or left alone; a tag required or not), any/all and "exactly
//! these". Nothing changes in the filter until Enter applies it. Takes plain data (the
//! timeline), so it tests without a terminal.

use crate::model::{Actor, ActorId, Timeline};
use crate::query::{ActorMode, Filter, SearchIndex, contains_folded};

/// What the picker does with one entry.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Pick {
    #[default]
    Off,
    /// An actor the events must name (any or all of them, or exactly them); a tag they
    /// may carry (any of the tags).
    Required,
    /// An actor no event shown may name (`−Russia`).
    Excluded,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActorFilter {
    /// Index into `shown` of the entry under the cursor.
    pub cursor: usize,
    /// Index into `shown` of the first row drawn.
    pub offset: usize,
    /// Per entry: the actors in declaration order, then the tags.
    pub chosen: Vec<Pick>,
    pub mode: ActorMode,
    /// Whether the required actors must be exactly an event's actors.
    pub exact: bool,
    /// Events per entry under the current filter, its actor and tag parts aside.
    pub counts: Vec<usize>,
    /// The timeline's tags, the entries after the actors (`query::tag_counts` order).
    pub tags: Vec<String>,
    /// The entries the query matches (all of them for an empty query), in order.
    pub shown: Vec<usize>,
}

impl ActorFilter {
    pub fn open(timeline: &Timeline, index: &SearchIndex, filter: &Filter) -> ActorFilter {
        let actors = timeline.actors.len();
        let tags: Vec<String> = crate::query::tag_counts(timeline)
            .into_iter()
            .map(|(tag, _)| tag.to_owned())
            .collect();
        let mut chosen = vec![Pick::Off; actors + tags.len()];
        for a in &filter.actors {
            chosen[a.index()] = Pick::Required;
        }
        for a in &filter.excluded {
            chosen[a.index()] = Pick::Excluded;
        }
        for (i, tag) in tags.iter().enumerate() {
            if filter.tags.contains(tag) {
                chosen[actors + i] = Pick::Required;
            }
        }
        // Count what each entry would add under the rest of the filter (query, dates).
        let mut rest = filter.clone();
        rest.actors.clear();
        rest.excluded.clear();
        rest.tags.clear();
        let mut counts = vec![0; chosen.len()];
        for id in rest.apply_indexed(timeline, index, None) {
            let event = timeline.event(id);
            for a in &event.actors {
                counts[a.index()] += 1;
            }
            for tag in &event.tags {
                if let Ok(i) = tags.binary_search(tag) {
                    counts[actors + i] += 1;
                }
            }
        }
        ActorFilter {
            cursor: 0,
            offset: 0,
            shown: (0..chosen.len()).collect(),
            chosen,
            mode: filter.actor_mode,
            exact: filter.exact,
            counts,
            tags,
        }
    }

    /// The entry under the cursor (an index into `chosen`), if any is shown.
    pub fn current(&self) -> Option<usize> {
        self.shown.get(self.cursor).copied()
    }

    /// The number of actor entries: those before the tags.
    pub fn actor_count(&self) -> usize {
        self.chosen.len() - self.tags.len()
    }

    /// The tag of an entry, if it is one.
    pub fn tag(&self, entry: usize) -> Option<&str> {
        entry
            .checked_sub(self.actor_count())
            .and_then(|i| self.tags.get(i))
            .map(String::as_str)
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

    /// Space: requires the entry under the cursor, or leaves it alone if it was chosen,
    /// and moves on, so Space Space … requires a run.
    pub fn toggle(&mut self) {
        self.set_current(Pick::Required);
    }

    /// Excludes the actor under the cursor, or leaves it alone if it was chosen, and moves
    /// on; a tag cannot be excluded and stays as it is.
    pub fn exclude(&mut self) {
        if self.current().is_some_and(|i| self.tag(i).is_none()) {
            self.set_current(Pick::Excluded);
        }
    }

    fn set_current(&mut self, pick: Pick) {
        if let Some(c) = self.current().and_then(|i| self.chosen.get_mut(i)) {
            *c = if *c == Pick::Off { pick } else { Pick::Off };
            self.down();
        }
    }

    /// Leaves every entry alone, shown or not.
    pub fn clear_selection(&mut self) {
        self.chosen.fill(Pick::Off);
    }

    /// How many entries are required or excluded.
    pub fn selected_count(&self) -> usize {
        self.chosen.iter().filter(|c| **c != Pick::Off).count()
    }

    pub fn switch_mode(&mut self) {
        self.mode = match self.mode {
            ActorMode::Any => ActorMode::All,
            ActorMode::All => ActorMode::Any,
        };
    }

    pub fn switch_exact(&mut self) {
        self.exact = !self.exact;
    }

    /// Shows the entries the typed `query` matches: every word in an actor's name, id or
    /// an alias, or in a tag, in any case. The cursor stays on its entry while it is shown.
    pub fn narrow(&mut self, actors: &[Actor], query: &str) {
        let current = self.current();
        let words: Vec<String> = query.split_whitespace().map(crate::fold::fold).collect();
        let matches = |texts: &mut dyn Iterator<Item = &String>| {
            let texts: Vec<&String> = texts.collect();
            words
                .iter()
                .all(|word| texts.iter().any(|text| contains_folded(text, word)))
        };
        let actor_entries = actors
            .iter()
            .enumerate()
            .filter(|(_, actor)| {
                matches(
                    &mut std::iter::once(&actor.name)
                        .chain(std::iter::once(&actor.id))
                        .chain(&actor.aliases),
                )
            })
            .map(|(i, _)| i);
        let tag_entries = self
            .tags
            .iter()
            .enumerate()
            .filter(|(_, tag)| matches(&mut std::iter::once(*tag)))
            .map(|(i, _)| actors.len() + i);
        self.shown = actor_entries.chain(tag_entries).collect();
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
        let actors = self.actor_count();
        let with = |pick: Pick| -> Vec<ActorId> {
            self.chosen[..actors]
                .iter()
                .enumerate()
                .filter(|(_, c)| **c == pick)
                .map(|(i, _)| ActorId(u32::try_from(i).unwrap_or(u32::MAX)))
                .collect()
        };
        filter.actors = with(Pick::Required);
        filter.excluded = with(Pick::Excluded);
        filter.tags = self
            .tags
            .iter()
            .zip(&self.chosen[actors..])
            .filter(|(_, c)| **c == Pick::Required)
            .map(|(t, _)| t.clone())
            .collect();
        filter.actor_mode = self.mode;
        filter.exact = self.exact;
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
            chosen: vec![Pick::Off; actors.len()],
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
