//! `cargo bench --bench problems`: how long it takes to report a file full of mistakes,
//! and whether that time stays linear in the number of mistakes.
//!
//! Each file is a timeline whose every event holds four problems (an id with a capital
//! letter, a day that does not exist, an unknown actor, an unknown related event), so
//! that 100,000 problems are 25,000 events. A case is the library's whole `check` path on
//! the bytes already in memory: parse, validate, locate the fifty problems that are shown,
//! suggest for them, and render the report. The first fifty are shown in full and the
//! rest only counted, and "did you mean" looks only at the shown ones, so twice the
//! problems should cost about twice the time; a ratio near 4 would mean some step had
//! become quadratic again.
//!
//! Prints the median of several runs for 50,000 and 100,000 problems and their ratio.

// Durations become f64 only to print them; precision is not at stake.
#![allow(clippy::cast_precision_loss)]

use std::hint::black_box;
use std::time::Instant;

use afghan_timeline::load::{self, LoadError};

#[path = "synth/faulty.rs"]
mod faulty;

const RUNS: usize = 7;

fn main() {
    let half = faulty::timeline(50_000).into_bytes();
    let full = faulty::timeline(100_000).into_bytes();
    // Alternate the sizes, so that a slow spell on the machine falls on both.
    let (mut halves, mut fulls) = (Vec::new(), Vec::new());
    for _ in 0..RUNS {
        halves.push(report_seconds(&half, 50_000));
        fulls.push(report_seconds(&full, 100_000));
    }
    let (half, full) = (median(&mut halves), median(&mut fulls));
    println!("afghan-timeline problems benchmark (medians of {RUNS} runs)");
    println!("   50,000 problems  {:>9.1} ms", half * 1e3);
    println!("  100,000 problems  {:>9.1} ms", full * 1e3);
    println!(
        "  ratio 100k / 50k  {:>9.2}   (linear: about 2)",
        full / half
    );
}

/// Seconds to load `bytes`, find its `problems` problems and render the report.
fn report_seconds(bytes: &[u8], problems: usize) -> f64 {
    let bytes = bytes.to_vec();
    let start = Instant::now();
    let error = load::parse_bytes(bytes, "faulty.ron").expect_err("the file is rejected");
    let rendered = error.to_string();
    let seconds = start.elapsed().as_secs_f64();
    // Measure what the doc says: every problem found, fifty of them shown.
    let LoadError::Invalid(report) = &error else {
        panic!("not a validation report: {error}");
    };
    assert_eq!(report.diagnostics.len() + report.more, problems);
    assert_eq!(report.diagnostics.len(), 50);
    black_box(rendered);
    seconds
}

fn median(samples: &mut [f64]) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}
