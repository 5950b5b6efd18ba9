//! One run of the real binary in a pseudo-terminal, seen the way a person would see it.
//!
//! A reader thread pumps everything the child writes to the terminal into a `vt100`
//! parser (the screen as drawn) and a byte log (for escape sequences such as the ones
//! that restore the terminal). Tests never sleep to synchronise: [`Session::wait_for`]
//! polls the parsed screen until a condition holds, woken by each new chunk of output,
//! and fails with the screen as it last was once [`DEADLINE`] passes or the child's
//! output ends. Dropping a session kills whatever is left of the child's process group,
//! so a failed test never leaves a process behind.

use std::ffi::{OsStr, OsString};
use std::fmt::Write as _;
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use super::screen::status_line;
use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

pub const BIN: &str = env!("CARGO_BIN_EXE_afghan-timeline");

/// How long any one wait may take: generous, because tests run in parallel on busy machines.
pub const DEADLINE: Duration = Duration::from_secs(10);

/// The longest a wait sleeps between checks when no output arrives (the child's exit
/// does not wake the waiter, so it has to look).
const POLL: Duration = Duration::from_millis(10);

/// What the child has written so far.
struct Output {
    parser: vt100::Parser,
    raw: Vec<u8>,
    /// The terminal's output is closed: every process holding the pty's slave is gone.
    closed: bool,
}

struct Shared {
    output: Mutex<Output>,
    changed: Condvar,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Output> {
        self.output.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// What to run, and in a terminal of which size.
pub struct Spawn {
    command_line: Vec<OsString>,
    env: Vec<(OsString, OsString)>,
    cols: u16,
    rows: u16,
}

impl Spawn {
    /// At 120×40 unless `size` says otherwise.
    fn new(command_line: Vec<OsString>) -> Spawn {
        Spawn {
            command_line,
            env: Vec::new(),
            cols: 120,
            rows: 40,
        }
    }

    /// The binary itself with these arguments: its pid is the child's pid.
    pub fn app(args: &[&str]) -> Spawn {
        let program = std::iter::once(BIN);
        Spawn::new(
            program
                .chain(args.iter().copied())
                .map(OsString::from)
                .collect(),
        )
    }

    /// `sh -c SCRIPT sh ARGS…`, with `$BIN` set to the binary. Paths reach the script
    /// through environment variables and `"$@"`, never pasted into its text.
    pub fn shell(script: &str, args: &[&str]) -> Spawn {
        let shell = ["sh", "-c", script, "sh"].into_iter();
        Spawn::new(
            shell
                .chain(args.iter().copied())
                .map(OsString::from)
                .collect(),
        )
        .env("BIN", BIN)
    }

    pub fn size(mut self, cols: u16, rows: u16) -> Spawn {
        self.cols = cols;
        self.rows = rows;
        self
    }

    pub fn env(mut self, key: impl AsRef<OsStr>, value: impl AsRef<OsStr>) -> Spawn {
        self.env
            .push((key.as_ref().to_owned(), value.as_ref().to_owned()));
        self
    }

    pub fn start(self) -> Session {
        let pair = native_pty_system()
            .openpty(pty_size(self.cols, self.rows))
            .expect("open a pty");
        let mut cmd = CommandBuilder::from_argv(self.command_line);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        // Colour is on unless a test asks otherwise, whatever the environment running the tests.
        cmd.env_remove("NO_COLOR");
        // Stars, notes and sessions go to a directory of this session's own, never to the
        // home of whoever runs the tests (a test that wants one shared sets its own).
        cmd.env("XDG_STATE_HOME", fresh_state_dir());
        for (key, value) in self.env {
            cmd.env(key, value);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn in the pty");
        // Our copy of the slave must go, or the master never reports the end of output.
        drop(pair.slave);
        let pid = child.process_id().expect("the child's pid");
        let shared = Arc::new(Shared {
            output: Mutex::new(Output {
                parser: vt100::Parser::new(nz(self.rows), nz(self.cols), 0),
                raw: Vec::new(),
                closed: false,
            }),
            changed: Condvar::new(),
        });
        let reader = pair.master.try_clone_reader().expect("pty reader");
        let pump = Arc::clone(&shared);
        thread::spawn(move || read_output(reader, &pump));
        let writer = pair.master.take_writer().expect("pty writer");
        Session {
            child,
            pid,
            reaped: false,
            shared,
            writer,
            master: pair.master,
        }
    }
}

/// Reads until the slave side closes (Linux reports that as EIO), feeding the parser.
fn read_output(mut reader: Box<dyn Read + Send>, shared: &Shared) {
    let mut buf = [0u8; 16 * 1024];
    loop {
        match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                let mut out = shared.lock();
                out.parser.process(&buf[..n]);
                out.raw.extend_from_slice(&buf[..n]);
                drop(out);
                shared.changed.notify_all();
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => break,
        }
    }
    shared.lock().closed = true;
    shared.changed.notify_all();
}

fn nz(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("a terminal size is not zero")
}

fn pty_size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

pub struct Session {
    child: Box<dyn Child + Send + Sync>,
    pid: u32,
    /// Whether the child has been reaped: from then on its pid may belong to another
    /// process, so it must never be signalled again.
    reaped: bool,
    shared: Arc<Shared>,
    writer: Box<dyn Write + Send>,
    master: Box<dyn MasterPty + Send>,
}

impl Session {
    pub fn pid(&self) -> u32 {
        self.pid
    }

    /// The slave side's device, for looking at its settings from outside.
    pub fn tty_path(&self) -> PathBuf {
        self.master.tty_name().expect("the pty's device name")
    }

    /// `stty -a` of the session's terminal, seen from outside: the pty outlives the child,
    /// so its settings show whether raw mode was turned off.
    pub fn stty(&self) -> String {
        let out = std::process::Command::new("stty")
            .arg("-a")
            .arg("-F")
            .arg(self.tty_path())
            .output()
            .expect("run stty");
        assert!(
            out.status.success(),
            "stty -F failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Types bytes as a keyboard would. A lone Esc must be its own call, followed by a
    /// wait for its effect: crossterm reads Esc plus whatever follows as one sequence.
    pub fn send(&mut self, keys: &str) {
        self.writer
            .write_all(keys.as_bytes())
            .and_then(|()| self.writer.flush())
            .expect("write keys to the pty");
    }

    /// Resizes the terminal, as a terminal emulator would: the screen model first, then
    /// the kernel's size, which sends SIGWINCH to the child.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.shared.lock().parser.set_size(nz(rows), nz(cols));
        self.master
            .resize(pty_size(cols, rows))
            .expect("resize the pty");
    }

    /// Waits until `holds` is true of the screen; fails with the last screen otherwise.
    pub fn wait_for(&mut self, what: &str, holds: impl Fn(&vt100::Screen) -> bool) {
        let deadline = Instant::now() + DEADLINE;
        let shared = Arc::clone(&self.shared);
        let mut out = shared.lock();
        loop {
            if holds(out.parser.screen()) {
                return;
            }
            let now = Instant::now();
            if out.closed || now >= deadline {
                let why = if out.closed {
                    "the child's output ended"
                } else {
                    "timed out"
                };
                let screen = dump(out.parser.screen());
                drop(out);
                let status = self.try_reap().map(|s| s.to_string());
                panic!(
                    "{why} waiting for {what} (child status: {status:?}); the screen was:\n{screen}"
                );
            }
            out = shared
                .changed
                .wait_timeout(out, (deadline - now).min(POLL))
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }

    /// Waits for the explorer's first frame: the status line counting every event, after
    /// the position (`1/70 events`).
    pub fn wait_drawn(&mut self, total: usize) {
        let expected = format!("/{total} events");
        self.wait_for(&format!("status line \"…{expected}\""), |screen| {
            status_line(screen).contains(&expected)
        });
    }

    /// Waits for pick mode's first frame: the prompt, and every event counted beside it.
    pub fn wait_pick_drawn(&mut self, total: usize) {
        let expected = format!("{total} of {total}");
        self.wait_for(&format!("the prompt and {expected:?}"), |screen| {
            let status = status_line(screen);
            status.starts_with("> ") && status.contains(&expected)
        });
    }

    /// Waits until `holds` is true of the bytes written to the terminal since `from`.
    pub fn wait_for_raw(&mut self, what: &str, from: usize, holds: impl Fn(&[u8]) -> bool) {
        let deadline = Instant::now() + DEADLINE;
        let shared = Arc::clone(&self.shared);
        let mut out = shared.lock();
        loop {
            if holds(out.raw.get(from..).unwrap_or_default()) {
                return;
            }
            let now = Instant::now();
            if out.closed || now >= deadline {
                let screen = dump(out.parser.screen());
                drop(out);
                panic!("timed out waiting for {what}; the screen was:\n{screen}");
            }
            out = shared
                .changed
                .wait_timeout(out, (deadline - now).min(POLL))
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }

    /// Waits until this text is somewhere on the screen.
    pub fn wait_for_text(&mut self, text: &str) {
        self.wait_for(&format!("{text:?} on the screen"), |s| {
            s.contents().contains(text)
        });
    }

    /// Waits for the child to exit and for all of its output; returns the exit code.
    /// A death by signal fails the test: the binary is meant to exit with 128 + signal.
    pub fn wait_exit(&mut self) -> u32 {
        let deadline = Instant::now() + DEADLINE;
        let code = loop {
            if let Some(status) = self.try_reap() {
                assert!(
                    status.signal().is_none(),
                    "the child was killed by {status}; the screen was:\n{}",
                    self.screen_dump()
                );
                break status.exit_code();
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for the child to exit; the screen was:\n{}",
                self.screen_dump()
            );
            let out = self.shared.lock();
            drop(
                self.shared
                    .changed
                    .wait_timeout(out, POLL)
                    .unwrap_or_else(PoisonError::into_inner),
            );
        };
        // The reader may still hold the last bytes (the restore sequences): wait for them.
        let mut out = self.shared.lock();
        while !out.closed {
            let now = Instant::now();
            assert!(
                now < deadline,
                "the child exited with {code} but its terminal output never ended"
            );
            out = self
                .shared
                .changed
                .wait_timeout(out, deadline - now)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
        code
    }

    /// The child's exit status if it has exited, reaping it.
    fn try_reap(&mut self) -> Option<ExitStatus> {
        let status = self.child.try_wait().expect("poll the child");
        self.reaped |= status.is_some();
        status
    }

    /// Everything the child wrote to the terminal so far.
    pub fn raw(&self) -> Vec<u8> {
        self.shared.lock().raw.clone()
    }

    /// How many bytes the child has written so far: a mark for "after this point".
    pub fn raw_len(&self) -> usize {
        self.shared.lock().raw.len()
    }

    /// Looks at the current screen.
    pub fn with_screen<R>(&self, look: impl FnOnce(&vt100::Screen) -> R) -> R {
        look(self.shared.lock().parser.screen())
    }

    fn screen_dump(&self) -> String {
        self.with_screen(dump)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if self.reaped {
            return;
        }
        // Not reaped: the test failed. The child leads its own session and process
        // group (portable-pty calls setsid), so this reaches `sh -c` pipelines too.
        let _ = std::process::Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.pid)])
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The screen, with row numbers, for failure messages.
pub fn dump(screen: &vt100::Screen) -> String {
    let mut out = String::new();
    for (i, row) in screen.rows(0, screen.size().1.get()).enumerate() {
        let _ = writeln!(out, "{i:>3}|{row}");
    }
    out
}

/// A new, empty directory for one session's notes store.
pub fn fresh_state_dir() -> std::path::PathBuf {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("pty-state-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}
