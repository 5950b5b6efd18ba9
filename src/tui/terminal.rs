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
//! before the message prints, and a signal thread. All three call the same [`restore`]. A
//! lock shared with drawing makes sure a signal never lands in the middle of a frame's bytes.
//!
//! The signal thread handles every catchable signal whose default would end or stop the
//! process with the terminal still taken:
//!
//! * SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF,
//!   SIGXCPU, SIGXFSZ and SIGPIPE restore, then exit with 128 + the signal. (SIGPIPE only
//!   while the explorer runs: otherwise it stays ignored, as Rust has it, so a closed pipe
//!   is an error value and a quiet end.)
//! * SIGTSTP from outside (`kill -TSTP`) does what Ctrl-z does: restore, then stop.
//! * SIGCONT (after either stop, or a `kill -STOP`, after which the shell may have reset the
//!   terminal's modes) takes the terminal again and has the loop clear and redraw: it wakes
//!   the loop with a SIGWINCH, which crossterm turns into a resize event, and the loop sees
//!   [`take_resumed`]. No timer is needed.

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, Once};

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute, terminal};
use signal_hook::consts::{
    SIGALRM, SIGCONT, SIGHUP, SIGINT, SIGPIPE, SIGPROF, SIGQUIT, SIGTERM, SIGTSTP, SIGUSR1,
    SIGUSR2, SIGVTALRM, SIGXCPU, SIGXFSZ,
};

/// Held while a frame is written and while the terminal is restored.
static SCREEN: Mutex<()> = Mutex::new(());
/// Whether a [`Guard`] owns the terminal: signals then restore it, and SIGCONT retakes it.
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// Whether the explorer captures the mouse, for taking the terminal again after a stop.
static MOUSE: AtomicBool = AtomicBool::new(false);
/// Set when the terminal was taken again after a stop: the screen must be redrawn whole.
static RESUMED: AtomicBool = AtomicBool::new(false);
/// Whether a program of the reader's (the editor) has the terminal: Ctrl-c and Ctrl-\\
/// there are its own, as git leaves them to the editor it runs.
static CHILD: AtomicBool = AtomicBool::new(false);

/// Whether the terminal was taken again after a stop since the last call; the loop then
/// clears and redraws everything.
pub fn take_resumed() -> bool {
    RESUMED.swap(false, Ordering::SeqCst)
}

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
        MOUSE.store(mouse, Ordering::SeqCst);
        ACTIVE.store(true, Ordering::SeqCst);
        let guard = Guard { _owned: () };
        enter(out, mouse)?;
        Ok(guard)
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        let _screen = lock_screen();
        ACTIVE.store(false, Ordering::SeqCst);
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
            SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF,
            SIGXCPU, SIGXFSZ, SIGPIPE, SIGTSTP, SIGCONT,
        ];
        if let Ok(mut signals) = signal_hook::iterator::Signals::new(signals) {
            std::thread::spawn(move || {
                for signal in signals.forever() {
                    let active = ACTIVE.load(Ordering::SeqCst);
                    match signal {
                        SIGTSTP => {
                            if active {
                                let _screen = lock_screen();
                                restore();
                            }
                            // Stops here until SIGCONT, which takes the terminal again.
                            let _ = signal_hook::low_level::emulate_default_handler(SIGTSTP);
                        }
                        SIGCONT if active => retake(),
                        SIGCONT => {}
                        SIGPIPE if !active => {}
                        SIGINT | SIGQUIT if CHILD.load(Ordering::SeqCst) => {}
                        _ => {
                            let _screen = lock_screen();
                            restore();
                            std::process::exit(128 + signal);
                        }
                    }
                }
            });
        }
    });
}

/// After a stop: the explorer's mode again, and a redraw of everything.
fn retake() {
    {
        let _screen = lock_screen();
        if let Some(mut tty) = Tty::open() {
            let _ = enter(&mut tty, MOUSE.load(Ordering::SeqCst));
            let _ = tty.flush();
        }
    }
    RESUMED.store(true, Ordering::SeqCst);
    // Wakes the loop, blocked on the next event: crossterm reports a resize.
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGWINCH);
}

/// Gives the terminal to another program of the reader's (the editor) while `run` runs,
/// restored as a stop restores it, and takes it back after. Meanwhile a stop and `fg`
/// leave the terminal to that program, and Ctrl-c is its own.
pub fn hand_over<R>(out: &mut impl Write, mouse: bool, run: impl FnOnce() -> R) -> io::Result<R> {
    {
        let _screen = lock_screen();
        ACTIVE.store(false, Ordering::SeqCst);
        CHILD.store(true, Ordering::SeqCst);
        restore();
    }
    let result = run();
    let _screen = lock_screen();
    CHILD.store(false, Ordering::SeqCst);
    ACTIVE.store(true, Ordering::SeqCst);
    enter(out, mouse)?;
    Ok(result)
}

/// Ctrl-z: give the terminal back, stop like any job, and take it again on `fg`.
pub fn suspend(out: &mut impl Write, mouse: bool) -> io::Result<()> {
    {
        let _screen = lock_screen();
        restore();
    }
    // Stops the process here until SIGCONT (SIGTSTP itself is caught, see the module).
    signal_hook::low_level::emulate_default_handler(SIGTSTP)?;
    enter(out, mouse)
}
