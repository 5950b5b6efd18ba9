//! The terminal the explorer draws on, and the promise to always give it back.
//!
//! The UI is drawn on `/dev/tty`, never on stdout: stdout belongs to the caller (`> f`,
//! `| cmd`) and receives only the chosen events, after the terminal is restored. Keys come
//! from the terminal too (crossterm's `use-dev-tty`), so `cat f | afghan-timeline --file -`
//! still reads the keyboard.
//!
//! Raw mode, the alternate screen and mouse capture are undone on every way out: the
//! [`Guard`]'s `Drop` (created before the first mode change, so every `?` and early return
//! is covered, even a failure half-way into the explorer's mode), a panic hook that restores
//! before the message prints, and a signal thread for SIGTERM, SIGHUP, SIGINT and SIGQUIT
//! that restores and exits with 128 + the signal. All three call the same [`restore`]. A
//! lock shared with drawing makes sure a signal never lands in the middle of a frame's bytes.

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, IsTerminal, Write};
use std::sync::{Mutex, MutexGuard, Once};

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute, terminal};

/// Held while a frame is written and while the terminal is restored.
static SCREEN: Mutex<()> = Mutex::new(());

/// Where the UI's bytes go: the controlling terminal, else stderr when that is a terminal.
pub enum Tty {
    Device(File),
    Stderr(io::Stderr),
}

impl Tty {
    /// Opens the terminal, or says there is none.
    pub fn open() -> Option<Tty> {
        match OpenOptions::new().read(true).write(true).open("/dev/tty") {
            Ok(file) => Some(Tty::Device(file)),
            Err(_) if io::stderr().is_terminal() => Some(Tty::Stderr(io::stderr())),
            Err(_) => None,
        }
    }
}

impl Write for Tty {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Tty::Device(f) => f.write(buf),
            Tty::Stderr(e) => e.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Tty::Device(f) => f.flush(),
            Tty::Stderr(e) => e.flush(),
        }
    }
}

/// Buffered so a frame leaves in one write: no tearing while a key is held.
pub type Writer = BufWriter<Tty>;

/// Takes the screen lock; poisoning (a panic while drawing) does not stop a restore.
pub fn lock_screen() -> MutexGuard<'static, ()> {
    SCREEN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Owns the terminal's mode while the explorer runs; dropping it gives the terminal back.
#[must_use = "the terminal is restored when the guard is dropped"]
pub struct Guard {
    _owned: (),
}

impl Guard {
    /// Installs the panic hook and the signal thread, then puts the terminal into the
    /// explorer's mode. The guard exists before the first change, so a failure part-way
    /// (raw mode on, the alternate screen refused) still restores everything.
    pub fn enter(out: &mut impl Write, mouse: bool) -> io::Result<Guard> {
        install_restorers();
        let guard = Guard { _owned: () };
        enter(out, mouse)?;
        Ok(guard)
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        let _screen = lock_screen();
        restore();
    }
}

/// Puts the terminal into the explorer's mode.
fn enter(out: &mut impl Write, mouse: bool) -> io::Result<()> {
    terminal::enable_raw_mode()?;
    // Fault injection for the test that a failure part-way into the explorer's mode still
    // gives the terminal back (tests/pty/terminal.rs): nothing from outside can make
    // entering the alternate screen fail on a real terminal.
    if std::env::var_os("AFGHAN_TIMELINE_TEST_ENTER_FAIL").is_some() {
        return Err(io::Error::other(
            "AFGHAN_TIMELINE_TEST_ENTER_FAIL is set: failing after raw mode, as asked",
        ));
    }
    // Bracketed paste: a pasted text arrives whole, not as keys that could act.
    execute!(
        out,
        EnterAlternateScreen,
        cursor::Hide,
        EnableBracketedPaste
    )?;
    if mouse {
        execute!(out, EnableMouseCapture)?;
    }
    Ok(())
}

/// Gives the terminal back: idempotent, best effort, safe to call from anywhere.
pub fn restore() {
    let _ = terminal::disable_raw_mode();
    if let Some(mut tty) = Tty::open() {
        let _ = execute!(
            tty,
            DisableBracketedPaste,
            DisableMouseCapture,
            LeaveAlternateScreen,
            cursor::Show
        );
        let _ = tty.flush();
    }
}

/// Installs the panic hook and the signal thread, once per process.
fn install_restorers() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
        let signals = [
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGHUP,
            signal_hook::consts::SIGINT,
            signal_hook::consts::SIGQUIT,
        ];
        if let Ok(mut signals) = signal_hook::iterator::Signals::new(signals) {
            std::thread::spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    let _screen = lock_screen();
                    restore();
                    std::process::exit(128 + signal);
                }
            });
        }
    });
}

/// Ctrl-z: give the terminal back, stop like any job, and take it again on `fg`.
pub fn suspend(out: &mut impl Write, mouse: bool) -> io::Result<()> {
    {
        let _screen = lock_screen();
        restore();
    }
    // Stops the process here until SIGCONT.
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    enter(out, mouse)
}
