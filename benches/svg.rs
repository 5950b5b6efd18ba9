//! `cargo bench --bench svg`: `export --to svg` at scale. For each size, the writer alone
//! on a loaded timeline (median of 5), the picture's size, and the whole command as a
//! person runs it (`afghan-timeline export --to svg --file big.ron > t.svg`: the release
//! binary loading the file and writing the SVG to a pipe), wall time from start to exit,
//! median of 3.
//!
//! Sizes: 1,000, 100,000 and 1,000,000 events from `synth` (seed 7); `SVG_SIZES=100000`
//! runs only the sizes listed. The targets (issue 22): at 1,000,000 events the file stays
//! under 5 MB and the command ends in under 10 s. Results in BENCHMARKS.md.

// Durations and byte counts become f64 only to print them; precision is not at stake.
#![allow(clippy::cast_precision_loss)]

#[path = "synth/mod.rs"]
#[allow(dead_code)] // the generator's helpers that only `examples/synth.rs` calls
mod synth;

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use afghan_timeline::load;
use afghan_timeline::tui::time::svg::{self, SvgOptions};

const SEED: u64 = 7;

fn main() {
    let sizes: Vec<usize> = match std::env::var("SVG_SIZES") {
        Ok(only) => only
            .split(',')
            .filter_map(|n| n.trim().parse().ok())
            .collect(),
        Err(_) => vec![1_000, 100_000, 1_000_000],
    };
    println!("export --to svg (seed {SEED}; writer: median of 5)");
    println!();
    println!(
        "{:>9} {:>10} {:>12} {:>10} {:>14}",
        "events", "form", "writer", "SVG MB", "whole command"
    );
    for n in sizes {
        let text = synth::generate_string(n, SEED);
        let timeline = load::parse(&text, "synth.ron").expect("the generated timeline loads");
        let mut out = Vec::new();
        let writer = median(5, || {
            out.clear();
            let start = Instant::now();
            svg::write(&mut out, &timeline, SvgOptions::default()).expect("write to a Vec");
            start.elapsed()
        });
        let form = if n >= svg::DENSE_FROM {
            "density"
        } else {
            "marks"
        };
        let bytes = out.len();
        drop(timeline);
        let file = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("svg-bench.ron");
        std::fs::write(&file, &text).expect("write the timeline file");
        drop(text);
        let mut piped = 0;
        let whole = median(3, || {
            let (t, b) = whole_command(&file);
            piped = b;
            t
        });
        let _ = std::fs::remove_file(&file);
        assert_eq!(piped, bytes, "the command writes the same picture");
        println!(
            "{:>9} {:>10} {:>12} {:>10.2} {:>14}",
            n,
            form,
            fmt(writer),
            bytes as f64 / 1e6,
            fmt(whole)
        );
    }
}

/// `afghan-timeline export --to svg --file FILE`: the wall time and the bytes it wrote.
fn whole_command(file: &std::path::Path) -> (Duration, usize) {
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_afghan-timeline"))
        .args(["export", "--to", "svg", "--file"])
        .arg(file)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary starts");
    let mut stdout = child.stdout.take().expect("piped");
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        stdout.read_to_end(&mut out).expect("read the picture");
        out.len()
    });
    let status = child.wait().expect("the binary runs");
    let elapsed = start.elapsed();
    assert!(status.success(), "export --to svg failed");
    (elapsed, reader.join().expect("reader"))
}

fn median(runs: usize, mut f: impl FnMut() -> Duration) -> Duration {
    let mut times: Vec<Duration> = (0..runs).map(|_| f()).collect();
    times.sort();
    times[times.len() / 2]
}

fn fmt(d: Duration) -> String {
    let us = d.as_secs_f64() * 1e6;
    if us < 1000.0 {
        format!("{us:.0} µs")
    } else if us < 1e6 {
        format!("{:.1} ms", us / 1000.0)
    } else {
        format!("{:.2} s", us / 1e6)
    }
}
