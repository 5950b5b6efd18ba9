//! `cargo bench --bench scale -- --tiny`: the memory an event takes at the peak of a load
//! when the event is as small as events get (a title and summary of one letter, one actor,
//! one source), where the per-event cost is all there is. `TINY_EVENTS=N` sets the count
//! (1,000,000 by default). Each peak is the kernel's (`VmHWM`) of a fresh child process
//! that does only that case, as for the scale bench's other peaks.
//!
//! The loader refuses a file whose need, estimated from these figures
//! (`load::memory::PER_EVENT` an event besides its text, and half the text again), is more
//! than the process may take; this is where those figures come from.

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::Path;

use afghan_timeline::load::{self, Input};
use afghan_timeline::query::Filter;
use afghan_timeline::tui::app::{App, Settings};

pub fn run() {
    let n: usize = std::env::var("TINY_EVENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let path = std::env::temp_dir().join(format!("afghan-timeline-tiny-{n}.ron"));
    std::fs::write(&path, text(n)).expect("write the tiny timeline");
    let bytes = std::fs::metadata(&path).map_or(0, |m| m.len());
    println!(
        "memory per event, {n} tiny events ({:.1} MB of RON)",
        bytes as f64 / 1e6
    );
    println!("{:>10} {:>12} {:>14}", "case", "peak", "per event");
    for case in ["check", "explorer"] {
        let kb = super::peak_in("--tiny-peak", case, &path);
        println!(
            "{case:>10} {:>9} MB {:>11} B",
            kb / 1024,
            kb * 1024 / n.max(1) as u64
        );
    }
    let need = load::memory::need(bytes, n as u64);
    println!(
        "  the loader's estimate for this file: {} MB ({} B an event besides 1.5 times the text)",
        need >> 20,
        load::memory::PER_EVENT
    );
    let _ = std::fs::remove_file(&path);
}

/// `(title: …, events: [ … ])` with `n` events of one letter.
fn text(n: usize) -> String {
    let mut text =
        String::from("(title: \"t\", actors: [(id: \"a\", name: \"A\", kind: State)], events: [\n");
    for i in 0..n {
        let _ = writeln!(
            text,
            "(id: \"e{i}\", date: \"2000\", title: \"t\", summary: \"s\", actors: [\"a\"], \
             sources: [(publisher: \"p\", title: \"t\")]),"
        );
    }
    text + "])\n"
}

/// The child: `check`'s load alone, or the explorer started on it with its index's text.
pub fn child(case: &str, file: &Path) {
    let timeline = load::load(&Input::Path(file.to_path_buf())).expect("loads");
    if case == "explorer" {
        let app = App::new(timeline, Filter::default(), Settings::default()).0;
        app.index().fill_text(app.timeline());
        black_box(&app);
    } else {
        black_box(&timeline);
    }
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    println!("{kb}");
}
