//! The full-screen explorer, built as The Elm Architecture:
//!
//! * [`app::App`] is the one state, [`app::App::update`] the one place it changes; it
//!   returns [`effect::Effect`]s (search on the worker, exit, suspend) as values;
//! * [`keymap`] turns terminal events into intent-named [`action::Action`]s, purely;
//! * the models `update` needs live on the state side and take plain data: [`axis`] (the
//!   time scale and its hit-testing), [`detail_text`] (the wrapped detail lines),
//!   [`overlay`] (help and picker geometry from the keymap's table sizes), [`picker`] (the
//!   actor picker narrowed as you type), [`mode`]; the date range parser is the filter
//!   engine's (`query::parse_range`), shared with any other front end;
//! * [`view`] draws `&App` and changes nothing; only views and this loop name `view`;
//! * [`run`] is the loop: read → keymap → update → perform the effect → draw, blocking on
//!   input, the terminal owned by a [`terminal::Guard`] that restores it on every way out;
//! * [`hints`] generates every key hint on screen from the keymap;
//! * [`outside`] is what the loop does for `Effect::Copy` (OSC 52) and `Effect::Open`.
//!
//! [`browse`] returns what was chosen; the caller prints it through the same formatter as
//! `show`, after the terminal is restored, so nothing but the choice reaches stdout.

pub mod action;
pub mod actor_filter;
pub mod app;
pub mod detail_text;
pub mod effect;
pub mod highlight;
pub mod hints;
pub mod input;
pub mod keydoc;
pub mod keymap;
pub mod layout;
pub mod links;
pub mod loading;
pub mod mode;
pub mod outside;
pub mod overlay;
mod perform;
pub mod prompt;
pub mod search;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod time;
pub mod version;
pub mod view;
pub mod watch;
pub mod write;

use std::io::Write as _;
use std::sync::Arc;
use std::time::Duration;

use crossterm::event;

use crate::error::Error;
use crate::model::{EventId, Timeline};
use crate::query::Filter;
use action::{Action, Msg};
use app::{App, Settings};
use effect::{Effect, Exit};
use search::Searcher;
use theme::Theme;

use crate::notes::Store;

/// Start-up options of the explorer.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    pub mouse: bool,
    pub select: Option<EventId>,
    /// Pick mode: Enter ends the explorer with a choice. Only the caller knows what its
    /// stdout is for, so it decides (the command line picks when stdout is not a terminal).
    pub pick: bool,
    /// What `y` copies events as: `--format` when given, else Markdown.
    pub copy_format: Option<crate::output::Format>,
    /// Colours or not, as `NO_COLOR` said at start: the loading screen and the explorer.
    pub theme: Theme,
    /// Start clean: not where the reader left this timeline last time, nothing marked.
    pub fresh: bool,
    /// The calendar the dates start in (a key cycles it), the lunar variant, the language.
    pub dates: crate::model::calendar::DateStyle,
}

/// How a session of the explorer ended, for the caller to report.
#[derive(Debug)]
pub enum Explored {
    /// Left while loading, or without choosing.
    Quit,
    /// Chose these events (date order; empty when there was nothing to choose) of this
    /// timeline, which lives until the process exits.
    Chose(&'static Timeline, Vec<EventId>),
}

/// The explorer from start to end, the one call the command line makes: loads the
/// timeline (with the loading screen while a long load runs), lets `start` resolve the
/// filter and the event to start on against it, runs the explorer, and returns what was
/// chosen. The terminal is given back before this returns, an error included.
pub fn explore(
    input: &crate::load::Input,
    options: Options,
    store: Option<Store>,
    start: impl FnOnce(&Timeline) -> Result<(Filter, Option<EventId>), Error>,
) -> Result<Explored, Error> {
    let (timeline, session) = match load(input, options.mouse, options.theme)? {
        loading::Loaded::Timeline(timeline, session) => (timeline, session),
        loading::Loaded::Quit => return Ok(Explored::Quit),
    };
    let (filter, select) = start(&timeline)?;
    let options = Options { select, ..options };
    let file = match input {
        crate::load::Input::Path(path) => Some(path.as_path()),
        _ => None,
    };
    // The app owns the timeline alone: a reload frees the version it replaces.
    let (exit, shown) = run(timeline, filter, &options, store, file, session)?;
    Ok(match exit {
        Exit::Quit => Explored::Quit,
        Exit::Accept(chosen) => Explored::Chose(shown, chosen),
    })
}

/// Opens the explorer and returns how it ended, with the timeline shown last (the file's
/// latest version: the choice is of its events); the caller prints a choice after the
/// terminal is restored. `session` is the terminal the loading screen already holds, if any.
fn run(
    timeline: Timeline,
    filter: Filter,
    options: &Options,
    store: Option<Store>,
    file: Option<&std::path::Path>,
    session: Option<loading::Session>,
) -> Result<(Exit, &'static Timeline), Error> {
    let settings = Settings {
        pick: options.pick,
        theme: options.theme,
        select: options.select,
        copy_format: options
            .copy_format
            .unwrap_or(crate::output::Format::Markdown),
        // Searches over this many events go to the worker, which waits for the text.
        defer_index_text: timeline.events.len() >= app::ASYNC_SEARCH_FROM,
        editable: file.is_some(),
        dates: options.dates,
        ..Settings::default()
    };
    let (app, first) = App::new(timeline, filter, settings);
    // Never freed: the process exits next, and freeing a big timeline event by event would
    // hold the shell prompt back for seconds after quitting.
    let app = Box::leak(Box::new(app));
    // The reader's stars and notes, before the first frame. A store that cannot be read
    // is said on the status line and then left alone: nothing is written over it.
    let store = store.and_then(|store| match store.load() {
        Ok(mut saved) => {
            if options.fresh {
                saved.session = None;
            }
            app.update(Msg::Restore(Box::new(saved)));
            Some(store)
        }
        Err(message) => {
            app.update(Msg::Failed(message));
            None
        }
    });
    let exit = browse(app, first, options, store.as_ref(), file, session);
    if let Some(store) = store.as_ref().filter(|_| !options.pick) {
        // Where the reader left, for next time (a pick is no place to come back to); a failure to save it is no reason to
        // lose their choice, so it is only said.
        if let Err(message) = store.save_session(&app.session()) {
            let _ = writeln!(std::io::stderr(), "afghan-timeline: {message}");
        }
    }
    let app: &'static App = app;
    Ok((exit?, app.timeline().as_ref()))
}

/// Runs the explorer on the terminal until the reader leaves or chooses; `first` is the
/// effect the app was built with.
pub fn browse(
    app: &mut App,
    first: Option<Effect>,
    options: &Options,
    store: Option<&Store>,
    file: Option<&std::path::Path>,
    session: Option<loading::Session>,
) -> Result<Exit, Error> {
    let session = match session {
        Some(session) => session,
        None => loading::Session::enter(options.mouse)?,
    };
    // The terminal is dropped inside the loop, before the guard restores: its last bytes go
    // out before the restore.
    let loading::Session {
        term,
        guard: _guard,
    } = session;
    event_loop(
        app,
        first,
        term,
        &Outside {
            options,
            store,
            file,
        },
    )
}

/// What the loop performs effects with, besides the app and the terminal.
struct Outside<'a> {
    options: &'a Options,
    /// The reader's notes store, if this timeline has one.
    store: Option<&'a Store>,
    /// The timeline's file, watched and editable, when it is one.
    file: Option<&'a std::path::Path>,
}

/// Loads the explorer's timeline, with the loading screen on the terminal while a long load
/// runs (see [`loading`]).
fn load(input: &crate::load::Input, mouse: bool, theme: Theme) -> Result<loading::Loaded, Error> {
    loading::load(input, mouse, |term, state| {
        let _screen = terminal::lock_screen();
        term.draw(|frame| {
            frame.render_widget(view::loading::LoadingView { state, theme }, frame.area());
        })
        .map_err(Error::terminal("draw"))?;
        Ok(())
    })
}

use loading::Term;
use perform::{Services, fill_index_text, perform, perform_all};

fn event_loop(
    app: &mut App,
    first: Option<Effect>,
    mut term: Term,
    outside: &Outside,
) -> Result<Exit, Error> {
    // crossterm starts listening for SIGWINCH on its first poll; poll once before reading
    // the size, so a resize during the first frame is not lost.
    event::poll(Duration::ZERO).map_err(Error::terminal("read a key"))?;
    let size = term.size().map_err(Error::terminal("read its size"))?;
    let resized = app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    let mut services = Services {
        searcher: Searcher::start(Arc::clone(app.timeline()), Arc::clone(app.index())),
        watch: outside.file.map(watch::Watch::start),
        serving: Arc::clone(app.timeline()),
    };
    for effect in [first, resized].into_iter().flatten() {
        if let Some(exit) = perform(effect, app, &mut services, &mut term, outside)? {
            return Ok(exit);
        }
    }
    services.searcher.follow(app.search_generation());
    draw(&mut term, app)?;
    fill_index_text(app);
    // Fault injection for the test that a panic inside the UI gives the terminal back before
    // its message (tests/pty/terminal.rs): nothing from outside can make the UI panic.
    assert!(
        std::env::var_os("AFGHAN_TIMELINE_TEST_PANIC").is_none(),
        "AFGHAN_TIMELINE_TEST_PANIC is set: panicking inside the UI, as asked"
    );
    loop {
        // Block for one event, then take whatever else is already queued (a held key)
        // before drawing again, so the screen keeps up instead of replaying a backlog.
        // While a search runs, or a file is watched, wake up for those too: the only times
        // the loop waits on something other than the terminal.
        let wait = if app.searching() {
            Some(SEARCH_POLL)
        } else {
            services
                .watch
                .as_ref()
                .map(|w| if w.busy() { WATCH_BUSY } else { WATCH_IDLE })
        };
        let mut next = match wait {
            Some(wait) => event::poll(wait)
                .and_then(|ready| ready.then(event::read).transpose())
                .map_err(Error::terminal("read a key"))?,
            None => Some(event::read().map_err(Error::terminal("read a key"))?),
        };
        if let Some((generation, matches)) = services.searcher.try_result() {
            let effect = app.update(Msg::SearchResults {
                generation,
                matches,
            });
            if let Some(exit) = perform_all(effect, app, &mut services, &mut term, outside)? {
                return Ok(exit);
            }
        }
        let shown = Arc::clone(app.timeline());
        if let Some(version) = services.watch.as_mut().and_then(|w| w.poll(&shown)) {
            let effect = app.update(Msg::Reloaded(version.map(Box::new).map_err(Box::new)));
            services.follow_reload(app);
            if let Some(exit) = perform_all(effect, app, &mut services, &mut term, outside)? {
                return Ok(exit);
            }
        }
        let mut resized = false;
        while let Some(ev) = next.take() {
            resized |= matches!(ev, event::Event::Resize(..));
            let msg = match ev {
                event::Event::Paste(text) => Some(Msg::Paste(text)),
                ev => input::action(&ev, app.mode()).map(Msg::Act),
            };
            if let Some(msg) = msg {
                let effect = app.update(msg);
                if let Some(exit) = perform_all(effect, app, &mut services, &mut term, outside)? {
                    return Ok(exit);
                }
            }
            if event::poll(Duration::ZERO).map_err(Error::terminal("read a key"))? {
                next = Some(event::read().map_err(Error::terminal("read a key"))?);
            }
        }
        // Tell the worker what is current, so it drops a search a cheap filter replaced.
        services.searcher.follow(app.search_generation());
        // Back from a stop the screen holds nothing of the last frame; after a resize it may
        // hold anything: the terminal cut or reflowed it, and several resizes in a row can
        // leave ratatui's own check of the size seeing no change. Either way the next frame
        // is drawn whole, not as the difference from the last.
        if terminal::take_resumed() || resized {
            forget_screen(&mut term)?;
        }
        draw(&mut term, app)?;
    }
}

/// How often the loop looks for a search result while one is running.
const SEARCH_POLL: Duration = Duration::from_millis(8);
/// How often it looks at a watched file: while a change settles or a load runs, and
/// otherwise (a watcher's events wait in their channel until then).
const WATCH_BUSY: Duration = Duration::from_millis(25);
const WATCH_IDLE: Duration = Duration::from_millis(200);

/// Clears the screen and forgets the last frame, so that the next draw paints everything.
/// Not `Terminal::clear`: that first asks the terminal where its cursor is, a round trip
/// that a terminal just back from a stop may not answer in time (and the reply would
/// arrive among the keys).
fn forget_screen(term: &mut Term) -> Result<(), Error> {
    let _screen = terminal::lock_screen();
    ratatui::backend::Backend::clear_region(term.backend_mut(), ratatui::backend::ClearType::All)
        .map_err(Error::terminal("draw"))?;
    // Each swap resets the buffer it leaves behind: two reset both.
    term.swap_buffers();
    term.swap_buffers();
    Ok(())
}

fn draw(term: &mut Term, app: &App) -> Result<(), Error> {
    let _screen = terminal::lock_screen();
    crossterm::execute!(
        term.backend_mut(),
        crossterm::terminal::BeginSynchronizedUpdate
    )
    .map_err(Error::terminal("draw"))?;
    term.draw(|frame| {
        frame.render_widget(view::Screen { app }, frame.area());
        frame.render_widget(view::Links { app }, frame.area());
    })
    .map_err(Error::terminal("draw"))?;
    crossterm::execute!(
        term.backend_mut(),
        crossterm::terminal::EndSynchronizedUpdate
    )
    .map_err(Error::terminal("draw"))?;
    Ok(())
}
