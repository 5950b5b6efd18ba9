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
pub mod prompt;
pub mod search;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod time;
pub mod view;

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
    start: impl FnOnce(&Timeline) -> Result<(Filter, Option<EventId>), Error>,
) -> Result<Explored, Error> {
    let (timeline, session) = match load(input, options.mouse, options.theme)? {
        loading::Loaded::Timeline(timeline, session) => (timeline, session),
        loading::Loaded::Quit => return Ok(Explored::Quit),
    };
    let (filter, select) = start(&timeline)?;
    let options = Options { select, ..options };
    let timeline = Arc::new(timeline);
    let exit = run(Arc::clone(&timeline), filter, &options, session)?;
    // Never freed: the process exits next, and freeing a big timeline event by event would
    // hold the shell prompt back for seconds after quitting.
    let timeline: &'static Timeline = Box::leak(Box::new(timeline));
    Ok(match exit {
        Exit::Quit => Explored::Quit,
        Exit::Accept(chosen) => Explored::Chose(timeline, chosen),
    })
}

/// Opens the explorer and returns how it ended; the caller prints a choice after the
/// terminal is restored. `session` is the terminal the loading screen already holds, if any.
fn run(
    timeline: Arc<Timeline>,
    filter: Filter,
    options: &Options,
    session: Option<loading::Session>,
) -> Result<Exit, Error> {
    let settings = Settings {
        pick: options.pick,
        theme: options.theme,
        select: options.select,
        copy_format: options
            .copy_format
            .unwrap_or(crate::output::Format::Markdown),
        // Searches over this many events go to the worker, which waits for the text.
        defer_index_text: timeline.events.len() >= app::ASYNC_SEARCH_FROM,
        dates: options.dates,
        ..Settings::default()
    };
    let (app, first) = App::new(timeline, filter, settings);
    // Never freed: the process exits next, and freeing a big timeline event by event would
    // hold the shell prompt back for seconds after quitting.
    let app = Box::leak(Box::new(app));
    browse(app, first, options, session)
}

/// Runs the explorer on the terminal until the reader leaves or chooses; `first` is the
/// effect the app was built with.
pub fn browse(
    app: &mut App,
    first: Option<Effect>,
    options: &Options,
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
    event_loop(app, first, term, options)
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

fn event_loop(
    app: &mut App,
    first: Option<Effect>,
    mut term: Term,
    options: &Options,
) -> Result<Exit, Error> {
    // crossterm starts listening for SIGWINCH on its first poll; poll once before reading
    // the size, so a resize during the first frame is not lost.
    event::poll(Duration::ZERO).map_err(Error::terminal("read a key"))?;
    let size = term.size().map_err(Error::terminal("read its size"))?;
    let resized = app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    let searcher = Searcher::start(Arc::clone(app.timeline()), Arc::clone(app.index()));
    for effect in [first, resized].into_iter().flatten() {
        if let Some(exit) = perform(effect, app, &searcher, &mut term, options)? {
            return Ok(exit);
        }
    }
    searcher.follow(app.search_generation());
    draw(&mut term, app)?;
    if !app.index().text_ready() {
        // The search index's text, after the first frame; a search waits for it.
        let (timeline, index) = (Arc::clone(app.timeline()), Arc::clone(app.index()));
        std::thread::spawn(move || index.fill_text(&timeline));
    }
    // Fault injection for the test that a panic inside the UI gives the terminal back before
    // its message (tests/pty/terminal.rs): nothing from outside can make the UI panic.
    assert!(
        std::env::var_os("AFGHAN_TIMELINE_TEST_PANIC").is_none(),
        "AFGHAN_TIMELINE_TEST_PANIC is set: panicking inside the UI, as asked"
    );
    loop {
        // Block for one event, then take whatever else is already queued (a held key)
        // before drawing again, so the screen keeps up instead of replaying a backlog.
        // While a search runs, wake up for its result too: the one time the loop waits on
        // something other than the terminal.
        let mut next = if app.searching() {
            event::poll(SEARCH_POLL)
                .and_then(|ready| ready.then(event::read).transpose())
                .map_err(Error::terminal("read a key"))?
        } else {
            Some(event::read().map_err(Error::terminal("read a key"))?)
        };
        if let Some((generation, matches)) = searcher.try_result() {
            let effect = app.update(Msg::SearchResults {
                generation,
                matches,
            });
            if let Some(exit) = perform_all(effect, app, &searcher, &mut term, options)? {
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
                if let Some(exit) = perform_all(effect, app, &searcher, &mut term, options)? {
                    return Ok(exit);
                }
            }
            if event::poll(Duration::ZERO).map_err(Error::terminal("read a key"))? {
                next = Some(event::read().map_err(Error::terminal("read a key"))?);
            }
        }
        // Tell the worker what is current, so it drops a search a cheap filter replaced.
        searcher.follow(app.search_generation());
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

use loading::Term;

fn perform_all(
    effect: Option<Effect>,
    app: &mut App,
    searcher: &Searcher,
    term: &mut Term,
    options: &Options,
) -> Result<Option<Exit>, Error> {
    match effect {
        Some(effect) => perform(effect, app, searcher, term, options),
        None => Ok(None),
    }
}

/// Does what `update` asked; an exit ends the loop. What could not be done goes back to
/// `app` as a message.
fn perform(
    effect: Effect,
    app: &mut App,
    searcher: &Searcher,
    term: &mut Term,
    options: &Options,
) -> Result<Option<Exit>, Error> {
    match effect {
        Effect::Search(job) => searcher.submit(*job),
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
    }
    Ok(None)
}

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
