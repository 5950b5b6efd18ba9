//! The reader's own marks on the timeline: stars (`*`), notes (`N`, written in the editor),
//! and where they left it. They come from the notes store through `Msg::Restore` before the
//! first frame, and every change goes back to it as an effect; the timeline file itself is
//! never written. Kept by event id, so they follow an event through a reload, and a note
//! whose event is gone stays in the store (the status line counts those).

use std::collections::{BTreeSet, HashMap};

use super::App;
use crate::model::{EventId, Timeline};
use crate::notes::{Entry, Field, Saved, Session};
use crate::tui::effect::Effect;

/// The stars and notes, resolved against the timeline shown.
#[derive(Default)]
pub(super) struct Personal {
    /// What the store holds, by event id: the source of truth across reloads.
    saved: Saved,
    starred: BTreeSet<EventId>,
    notes: HashMap<EventId, String>,
    /// Changes with every note written, so the cached detail lines know to rebuild.
    pub(super) notes_changed: u64,
}

impl Personal {
    /// Resolves what the store holds against `timeline`; returns how many entries name
    /// events that are not in it.
    fn resolve(&mut self, timeline: &Timeline) -> usize {
        self.starred.clear();
        self.notes.clear();
        let mut orphans = 0;
        for (id, entry) in &self.saved.events {
            let Some(event) = timeline.find_event(id) else {
                orphans += 1;
                continue;
            };
            if entry.star {
                self.starred.insert(event);
            }
            if let Some(note) = &entry.note {
                self.notes.insert(event, note.clone());
            }
        }
        self.notes_changed += 1;
        orphans
    }
}

impl App {
    /// The actions on the reader's own file and marks: stars, notes, editing and adding,
    /// and the problems of the file's last save.
    pub(super) fn own_act(&mut self, action: crate::tui::action::Action) -> Option<Effect> {
        use crate::tui::action::Action;
        match action {
            Action::ToggleStar => return self.toggle_star(),
            Action::EditNote => return self.edit_note(),
            Action::EditTimeline => return self.edit_timeline(),
            Action::AddEvent => return self.add_event(),
            Action::ToggleProblems => self.toggle_problems(),
            Action::ProblemsDown => self.scroll_problems(true),
            Action::ProblemsUp => self.scroll_problems(false),
            _ => {}
        }
        None
    }

    /// What the store held at start: stars and notes, and unless the reader starts fresh
    /// (the session is then absent) where they were and what they had marked.
    pub(super) fn restore_personal(&mut self, saved: Saved) {
        let session = saved.session.clone();
        self.personal.saved = saved;
        let orphans = self.personal.resolve(&self.timeline);
        if orphans > 0 {
            self.flash = Some(orphans_message(orphans));
        }
        // Pick mode is a chooser for scripts, as fzf is: it starts at the top with
        // nothing marked, whatever a session left.
        let Some(session) = session.filter(|_| !self.pick_mode) else {
            return;
        };
        self.marked = session
            .marked
            .iter()
            .filter_map(|id| self.timeline.find_event(id))
            .collect();
        // `--select` is where the reader asked to start; the session only when it is not.
        if !self.started_on_select
            && let Some(id) = session
                .selected
                .and_then(|id| self.timeline.find_event(&id))
        {
            self.select_event(id);
        }
    }

    /// After a reload: the same stars and notes, found again by id.
    pub(super) fn resolve_personal(&mut self) -> usize {
        self.personal.resolve(&self.timeline)
    }

    /// `*`: stars or unstars the selected event.
    pub(super) fn toggle_star(&mut self) -> Option<Effect> {
        let id = self.selected_event()?;
        let key = self.timeline.event(id).id.clone();
        let mut entry = self.personal.saved.entry(&key).cloned().unwrap_or_default();
        entry.star = !entry.star;
        if entry.star {
            self.personal.starred.insert(id);
            self.flash = Some("starred".to_owned());
        } else {
            self.personal.starred.remove(&id);
            self.flash = Some("star removed".to_owned());
        }
        Some(self.set_entry(key, entry, Field::Star))
    }

    /// `e`: the timeline file in the editor, at the selected event; a timeline that is not
    /// a file of the reader's says how to get one.
    pub(super) fn edit_timeline(&mut self) -> Option<Effect> {
        if !self.settings.editable {
            self.flash = Some(crate::authoring::NOT_EDITABLE.to_owned());
            return None;
        }
        Some(Effect::EditTimeline {
            id: self
                .selected_event()
                .map(|id| self.timeline.event(id).id.clone()),
        })
    }

    /// `A`: a new event, through a template dated as the selected event, with the actors
    /// of the filter.
    pub(super) fn add_event(&mut self) -> Option<Effect> {
        if !self.settings.editable {
            self.flash = Some(crate::authoring::NOT_EDITABLE.to_owned());
            return None;
        }
        let date = self
            .selected_event()
            .map(|id| self.timeline.event(id).date)
            .or_else(|| "2026".parse().ok())?;
        let actors = self
            .filter
            .actors
            .iter()
            .map(|a| self.timeline.actor(*a).id.clone())
            .collect();
        Some(Effect::AddEvent { date, actors })
    }

    /// `N`: the selected event's note, to write in the editor.
    pub(super) fn edit_note(&mut self) -> Option<Effect> {
        let id = self.selected_event()?;
        Some(Effect::EditNote {
            id: self.timeline.event(id).id.clone(),
            note: self.personal.notes.get(&id).cloned().unwrap_or_default(),
        })
    }

    /// The editor closed on a note: kept, or removed when it was emptied.
    pub(super) fn note_written(&mut self, key: String, note: &str) -> Option<Effect> {
        let note = note.trim_end();
        let mut entry = self.personal.saved.entry(&key).cloned().unwrap_or_default();
        let before = entry.note.clone();
        entry.note = (!note.trim().is_empty()).then(|| note.to_owned());
        if entry.note == before {
            self.flash = Some("note unchanged".to_owned());
            return None;
        }
        if let Some(id) = self.timeline.find_event(&key) {
            match &entry.note {
                Some(note) => self.personal.notes.insert(id, note.clone()),
                None => self.personal.notes.remove(&id),
            };
        }
        self.personal.notes_changed += 1;
        self.flash = Some(
            if entry.note.is_some() {
                "note saved"
            } else {
                "note removed"
            }
            .to_owned(),
        );
        Some(self.set_entry(key, entry, Field::Note))
    }

    fn set_entry(&mut self, key: String, entry: Entry, field: Field) -> Effect {
        if entry.is_empty() {
            self.personal.saved.events.remove(&key);
        } else {
            self.personal
                .saved
                .events
                .insert(key.clone(), entry.clone());
        }
        Effect::SaveEntry {
            id: key,
            entry,
            field,
        }
    }

    pub fn is_starred(&self, id: EventId) -> bool {
        self.personal.starred.contains(&id)
    }

    /// The reader's note on an event.
    pub fn note(&self, id: EventId) -> Option<&str> {
        self.personal.notes.get(&id).map(String::as_str)
    }

    /// Where the reader is now and what is marked, for the store when they leave.
    pub fn session(&self) -> Session {
        Session {
            selected: self
                .selected_event()
                .map(|id| self.timeline.event(id).id.clone()),
            marked: self
                .marked
                .iter()
                .map(|id| self.timeline.event(*id).id.clone())
                .collect(),
        }
    }
}

/// The status line's word on notes whose events are gone.
pub(super) fn orphans_message(orphans: usize) -> String {
    if orphans == 1 {
        "1 star or note kept for an event no longer in the timeline".to_owned()
    } else {
        format!("{orphans} stars or notes kept for events no longer in the timeline")
    }
}
