//! What the loop does for `update`: each [`Effect`] performed, and what came of it fed
//! back as a message. The workers beside the app (the search worker, the file's watch)
//! live here with it.

use std::io::Write as _;
use std::sync::Arc;

use super::action::Msg;
use super::app::App;
use super::effect::{Effect, Exit};
use super::loading::Term;
use super::search::Searcher;
use super::{Outside, forget_screen, outside, terminal, watch};
use crate::error::Error;
use crate::model::Timeline;

/// The workers the loop runs beside the app: the search worker, the file's watch.
pub(super) struct Services {
    pub(super) searcher: Searcher,
    pub(super) watch: Option<watch::Watch>,
    /// The timeline the search worker serves.
    pub(super) serving: Arc<Timeline>,
}

impl Services {
    /// After a reload the app shows another timeline: the search worker serves that one
    /// (the old one is freed once nothing holds it), and its index gets its text.
    pub(super) fn follow_reload(&mut self, app: &App) {
        if Arc::ptr_eq(&self.serving, app.timeline()) {
            return;
        }
        // The old version is freed off the loop's thread: the old worker drops its share
        // as it ends, and the loop's share goes to a thread of its own.
        let old = std::mem::replace(&mut self.serving, Arc::clone(app.timeline()));
        std::thread::spawn(move || drop(old));
        self.searcher = Searcher::start(Arc::clone(app.timeline()), Arc::clone(app.index()));
        fill_index_text(app);
    }
}

/// The search index's text, after the first frame of a timeline that defers it; a search
/// waits for it.
pub(super) fn fill_index_text(app: &App) {
    if !app.index().text_ready() {
        let (timeline, index) = (Arc::clone(app.timeline()), Arc::clone(app.index()));
        std::thread::spawn(move || index.fill_text(&timeline));
    }
}

pub(super) fn perform_all(
    effect: Option<Effect>,
    app: &mut App,
    services: &mut Services,
    term: &mut Term,
    outside: &Outside,
) -> Result<Option<Exit>, Error> {
    match effect {
        Some(effect) => perform(effect, app, services, term, outside),
        None => Ok(None),
    }
}

/// Does what `update` asked; an exit ends the loop. What could not be done goes back to
/// `app` as a message.
pub(super) fn perform(
    effect: Effect,
    app: &mut App,
    services: &mut Services,
    term: &mut Term,
    outside: &Outside,
) -> Result<Option<Exit>, Error> {
    let options = outside.options;
    match effect {
        Effect::Search(job) => services.searcher.submit(*job),
        Effect::Exit(exit) => return Ok(Some(exit)),
        Effect::Suspend => {
            terminal::suspend(term.backend_mut(), options.mouse)
                .map_err(Error::terminal("suspend"))?;
            forget_screen(term)?;
        }
        Effect::Copy(text) => {
            // To the terminal the explorer draws on, between frames: the emulator (or
            // tmux, or the terminal at the far end of SSH) sets its clipboard. Under the
            // screen lock, like a frame, so a signal's restore never cuts it in half.
            let _screen = terminal::lock_screen();
            let out = term.backend_mut();
            out.write_all(outside::osc52(&text).as_bytes())
                .and_then(|()| out.flush())
                .map_err(Error::terminal("copy"))?;
        }
        Effect::Open(address) => {
            if let Err(message) = outside::open(&address) {
                app.update(Msg::Failed(message));
            }
        }
        Effect::SaveEntry { id, entry, field } => {
            let saved = outside
                .store
                .ok_or_else(|| "stars and notes are not kept for standard input".to_owned())
                .and_then(|store| store.save_field(&id, &entry, field));
            if let Err(message) = saved {
                app.update(Msg::Failed(message));
            }
        }
        Effect::EditNote { id, note } => {
            let written = terminal::hand_over(term.backend_mut(), options.mouse, || {
                outside::edit_text(&note, &format!("note-{id}.md"))
            })
            .map_err(Error::terminal("take the terminal back"))?;
            forget_screen(term)?;
            let effect = match written {
                Ok(note) => app.update(Msg::NoteWritten { id, note }),
                Err(message) => app.update(Msg::Failed(message)),
            };
            return perform_all(effect, app, services, term, outside);
        }
        Effect::EditTimeline { id } => {
            let (Some(path), Some(watch)) = (outside.file, services.watch.as_mut()) else {
                app.update(Msg::Failed(crate::authoring::NOT_EDITABLE.to_owned()));
                return Ok(None);
            };
            // At the event's opening parenthesis, as the file has it now.
            let line = id.and_then(|id| {
                let text = std::fs::read_to_string(path).ok()?;
                crate::authoring::event_line(&text, &id)
            });
            let edited = terminal::hand_over(term.backend_mut(), options.mouse, || {
                crate::editor::edit(path, line)
            })
            .map_err(Error::terminal("take the terminal back"))?;
            forget_screen(term)?;
            if let Err(message) = edited {
                app.update(Msg::Failed(message));
            }
            // The watcher would see the change too; the reader is waiting for it now.
            watch.reload_now(app.timeline());
        }
        Effect::Write(job) => {
            let message = match super::write::write(app.timeline(), &job) {
                super::write::Written::Done(message) => Msg::Done(message),
                super::write::Written::Exists => Msg::WriteExists(job),
                super::write::Written::Failed(message) => Msg::Failed(message),
            };
            app.update(message);
        }
        Effect::AddEvent { date, actors } => {
            let (Some(path), Some(watch)) = (outside.file, services.watch.as_mut()) else {
                app.update(Msg::Failed(crate::authoring::NOT_EDITABLE.to_owned()));
                return Ok(None);
            };
            let actors: Vec<&str> = actors.iter().map(String::as_str).collect();
            let timeline = Arc::clone(app.timeline());
            let added = terminal::hand_over(term.backend_mut(), options.mouse, || {
                outside::add_event(path, &timeline, date, &actors)
            })
            .map_err(Error::terminal("take the terminal back"))?;
            forget_screen(term)?;
            match added {
                Ok(Some(id)) => {
                    watch.reload_now(app.timeline());
                    app.update(Msg::Done(format!("added {}", crate::sanitize::quote(&id))));
                }
                Ok(None) => {
                    app.update(Msg::Done("nothing added".to_owned()));
                }
                Err(message) => {
                    app.update(Msg::Failed(message));
                }
            }
        }
    }
    Ok(None)
}
