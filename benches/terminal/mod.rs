//! The explorer's start through a real terminal: the release binary in a pseudo-terminal,
//! its output parsed as a terminal would draw it, timed from the spawn to its first screen
//! (the loading screen for a large file, the list for a small one) and to the list showing
//! every event ("N of N events" on the status line), when it is ready for keys.

use std::io::{Read, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// Time to the first screen and time to the list, for one start of the explorer on `file`.
pub fn start(bin: &str, file: &Path, events: usize) -> (Duration, Duration) {
    let (rows, cols) = (40, 120);
    let pair = native_pty_system()
        .openpty(PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pty");
    let mut cmd = CommandBuilder::new(bin);
    cmd.arg("--file");
    cmd.arg(file);
    cmd.env("TERM", "xterm-256color");
    let mut reader = pair.master.try_clone_reader().expect("pty reader");
    let mut writer = pair.master.take_writer().expect("pty writer");
    let start = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).expect("the binary starts");
    drop(pair.slave);
    let nz = |n: u16| std::num::NonZeroU16::new(n).expect("a size above zero");
    let mut parser = vt100::Parser::new(nz(rows), nz(cols), 0);
    // The status line counts every event after the position: `1/70 events`.
    let ready_text = format!("/{events} events");
    let mut buf = vec![0u8; 1 << 16];
    let mut first = None;
    let ready = loop {
        let n = reader.read(&mut buf).expect("pty output");
        assert!(n > 0, "the explorer ended before its list was drawn");
        parser.process(&buf[..n]);
        let screen = parser.screen().contents();
        if first.is_none() && !screen.trim().is_empty() {
            first = Some(start.elapsed());
        }
        if screen.contains(&ready_text) {
            break start.elapsed();
        }
    };
    writer.write_all(b"q").expect("send q");
    writer.flush().expect("flush q");
    // Drain what is left so the child is never blocked on a full pty, then reap it.
    while reader.read(&mut buf).is_ok_and(|n| n > 0) {}
    let _ = child.wait();
    (first.unwrap_or(ready), ready)
}
