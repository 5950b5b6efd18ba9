//! Loading a large timeline with something on screen: the file's name, what the loader is
//! doing and how far it has got, while the keys still work.
//!
//! The loader runs on its own thread and reports to a shared [`Progress`]; this loop has
//! the meter drawn a few times a second (by the explorer's loop, which alone names views) and reads keys in between (`q` or Ctrl-c leave, as the
//! explorer's own keymap says). Small inputs never show it: a file under
//! [`load::SHOW_FROM_BYTES`] (and the built-in timeline) loads before the terminal is touched,
//! exactly as it always has, and a larger one that loads within [`FLASH_DELAY`] goes straight
//! to the list; from [`DRAW_AT_ONCE_FROM`] the screen is drawn before the loader starts. On success the terminal [`Session`] is handed to the explorer, so the list
//! replaces the meter without the screen flickering back to the shell; on failure the
//! session is dropped first, so the diagnostics print on the restored terminal.

use std::io::BufWriter;
use std::sync::Arc;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use crossterm::event;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use super::action::Action;
use super::input;
use super::mode::Mode;
use super::terminal::{Guard, Tty, Writer};
use crate::error::Error;
use crate::load::{self, Input, LoadError, Phase, Progress, Snapshot, loads_quietly};
use crate::model::Timeline;

/// How long a larger load may take before the meter appears, for the same reason.
pub const FLASH_DELAY: Duration = Duration::from_millis(120);

/// From this size the loading screen is drawn without waiting for [`FLASH_DELAY`].
pub const DRAW_AT_ONCE_FROM: u64 = 64 << 20;

/// How long the loop waits for a key before it looks at the loader again: short, because
/// the list waits for this loop to notice that the load is done.
const TICK: Duration = Duration::from_millis(10);

/// How often the meter is redrawn while the load goes on.
const REDRAW: Duration = Duration::from_millis(50);

/// The terminal frames are drawn on.
pub type Term = Terminal<CrosstermBackend<Writer>>;

/// The terminal in the explorer's mode. Dropping it restores the terminal: the fields drop
/// in order, so the terminal's last bytes go out before the guard restores.
pub struct Session {
    pub term: Term,
    pub guard: Guard,
}

impl Session {
    pub fn enter(mouse: bool) -> Result<Session, Error> {
        // A dumb terminal ignores cursor movement: every frame would scroll by as text.
        if std::env::var_os("TERM").is_some_and(|t| t == "dumb") {
            return Err(Error::DumbTerminal);
        }
        let tty = Tty::open().ok_or(Error::NoTerminal)?;
        let mut out = BufWriter::with_capacity(1 << 16, tty);
        let guard = Guard::enter(&mut out, mouse).map_err(Error::terminal("take the terminal"))?;
        let term =
            Terminal::new(CrosstermBackend::new(out)).map_err(Error::terminal("start drawing"))?;
        Ok(Session { term, guard })
    }
}

/// How a load with a meter ended.
#[allow(clippy::large_enum_variant)] // made once per run and unpacked at once
pub enum Loaded {
    /// The timeline, and the terminal session if the meter was shown.
    Timeline(Timeline, Option<Session>),
    /// The reader left while it loaded.
    Quit,
}

/// What the meter shows: plain data, drawn by [`LoadingView`].
#[derive(Clone, Debug)]
pub struct LoadingState {
    pub name: String,
    pub progress: Snapshot,
    pub elapsed: Duration,
}

/// Loads `input` for the explorer, showing the meter with `draw` when the load is a long one.
pub fn load(
    input: &Input,
    mouse: bool,
    mut draw: impl FnMut(&mut Term, &LoadingState) -> Result<(), Error>,
) -> Result<Loaded, Error> {
    if loads_quietly(input) {
        return Ok(Loaded::Timeline(load::load(input)?, None));
    }
    let progress = Arc::new(Progress::default());
    let start_loader = || {
        let (done, result) = mpsc::channel::<Result<Timeline, LoadError>>();
        let (input, progress) = (input.clone(), Arc::clone(&progress));
        // Detached: if the reader quits, the process exits without waiting for it.
        std::thread::spawn(move || {
            let _ = done.send(load::load_with(&input, &progress));
        });
        result
    };
    // A file this large cannot load within the flash delay: the screen comes first, before
    // the loader starts faulting in its buffer and competing for the cores.
    let certain = matches!(input, Input::Path(path)
        if std::fs::metadata(path).is_ok_and(|m| m.len() >= DRAW_AT_ONCE_FROM));
    let (result, mut session) = if certain {
        let mut session = Session::enter(mouse)?;
        let first = LoadingState {
            name: input.name(),
            progress: progress.snapshot(),
            elapsed: Duration::ZERO,
        };
        draw(&mut session.term, &first)?;
        (start_loader(), session)
    } else {
        let result = start_loader();
        match result.recv_timeout(FLASH_DELAY) {
            Ok(loaded) => return Ok(Loaded::Timeline(loaded?, None)),
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => {
                return Err(Error::terminal("load while drawing")(lost_loader()));
            }
        }
        (result, Session::enter(mouse)?)
    };
    let start = Instant::now();
    let name = input.name();
    let mut drawn: Option<Instant> = None;
    loop {
        if drawn.is_none_or(|at| at.elapsed() >= REDRAW) {
            let state = LoadingState {
                name: name.clone(),
                progress: progress.snapshot(),
                elapsed: start.elapsed(),
            };
            draw(&mut session.term, &state)?;
            drawn = Some(Instant::now());
        }
        if event::poll(TICK).map_err(Error::terminal("wait for a key"))? {
            let ev = event::read().map_err(Error::terminal("read a key"))?;
            if matches!(
                input::action(&ev, Mode::Browse),
                Some(Action::Quit | Action::QuitNow)
            ) {
                return Ok(Loaded::Quit);
            }
        }
        match result.try_recv() {
            Ok(loaded) => {
                // On failure the session is dropped here, before the caller prints.
                let timeline = loaded?;
                // The explorer builds its search index next (for a large timeline, all but its
                // text), before its first frame.
                let indexing = LoadingState {
                    name,
                    progress: Snapshot {
                        phase: Phase::Indexing,
                        done: 0,
                        total: None,
                    },
                    elapsed: start.elapsed(),
                };
                draw(&mut session.term, &indexing)?;
                return Ok(Loaded::Timeline(timeline, Some(session)));
            }
            Err(mpsc::TryRecvError::Empty) => {}
            Err(mpsc::TryRecvError::Disconnected) => {
                return Err(Error::terminal("load while drawing")(lost_loader()));
            }
        }
    }
}

/// The loading thread ended without a result: it panicked, and the panic hook has already
/// printed why.
fn lost_loader() -> std::io::Error {
    std::io::Error::other("the loading thread stopped without a result")
}
