//! `cargo bench --bench reload`: a reload of a large timeline file against a cold load of
//! it, and the explorer's key latency while a reload runs (issue 20's targets: a reload at
//! 100,000 events costs no more than 1.5× a cold load, and keys are answered within 60 ms
//! while it runs). See BENCHMARKS.md.
//!
//! A cold load is what starting the explorer costs: the file read and checked, then the
//! explorer built on it (`App::new`). A reload is what the watch does: the same load on a
//! thread of its own, then the swap (`Msg::Reloaded`), which keeps the reader's place and
//! frees the old version; only the swap runs on the loop's thread.

#[path = "synth/mod.rs"]
mod synth;

use std::time::{Duration, Instant};

use afghan_timeline::load::{self, Input};
use afghan_timeline::query::Filter;
use afghan_timeline::tui::action::{Action, Msg};
use afghan_timeline::tui::app::{ASYNC_SEARCH_FROM, App, Settings, Version};
use std::sync::Arc;

fn settings(n: usize) -> Settings {
    Settings {
        defer_index_text: n >= ASYNC_SEARCH_FROM,
        editable: true,
        ..Settings::default()
    }
}

/// The processor time this process has used so far, on all its threads (user and system,
/// from `/proc/self/stat`, in the kernel's ticks of 10 ms). A cost that other programs on
/// the machine do not inflate, as they do the wall-clock time.
fn cpu_time() -> Duration {
    let ticks = std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            let fields: Vec<u64> = s
                .rsplit_once(')')?
                .1
                .split_whitespace()
                .skip(11)
                .take(2)
                .filter_map(|f| f.parse().ok())
                .collect();
            Some(fields.iter().sum::<u64>())
        })
        .unwrap_or(0);
    Duration::from_millis(ticks * 10)
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

/// A cold load, in this process: the file read and checked, the explorer built on it; the
/// median of `runs`, each version freed before the next (not timed).
fn cold_load(input: &Input, n: usize, runs: usize) -> (Duration, Duration) {
    let (walls, cpus) = (0..runs)
        .map(|_| {
            let (start, cpu) = (Instant::now(), cpu_time());
            let timeline = load::load(input).expect("loads");
            let app = App::new(timeline, Filter::default(), settings(n)).0;
            let t = (start.elapsed(), cpu_time().saturating_sub(cpu));
            if std::env::var_os("RELOAD_PARTS").is_some() {
                eprintln!("cold load and App::new {:?} ({:?} processor)", t.0, t.1);
            }
            drop(app);
            t
        })
        .unzip();
    (median(walls), median(cpus))
}

/// A load as a fresh process makes it: `check` run afresh (memory from the system rather
/// than what the run before freed); the median of `runs`.
fn fresh_check(path: &std::path::Path, runs: usize) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                let status = std::process::Command::new(env!("CARGO_BIN_EXE_afghan-timeline"))
                    .arg("--file")
                    .arg(path)
                    .arg("check")
                    .stdout(std::process::Stdio::null())
                    .status()
                    .expect("run check");
                assert!(status.success());
                start.elapsed()
            })
            .collect(),
    )
}

fn main() {
    let sizes: Vec<usize> = std::env::var("RELOAD_SIZES").map_or_else(
        |_| vec![100_000, 200_000],
        |s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect(),
    );
    let runs = std::env::var("RELOAD_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    println!(
        "| events | cold load (in process) | check in a fresh process | reload (load + swap) | swap on the loop | reload / cold load | reload / check | processor time: cold / reload / ratio | key p50 / max during a reload |"
    );
    println!("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    for n in sizes {
        let path = std::env::temp_dir().join(format!(
            "afghan-timeline-reload-{n}-{}.ron",
            std::process::id()
        ));
        std::fs::write(&path, synth::generate_string(n, 7)).expect("write the timeline");
        let input = Input::Path(path.clone());

        let (cold, cold_cpu) = cold_load(&input, n, runs);
        let fresh = fresh_check(&path, runs);

        let mut app = App::new(
            load::load(&input).expect("loads"),
            Filter::default(),
            settings(n),
        )
        .0;
        app.update(Action::Resize {
            width: 120,
            height: 40,
        });
        let (mut reloads, mut swaps, mut keys) = (Vec::new(), Vec::new(), Vec::new());
        let mut reload_cpus = Vec::new();
        for _ in 0..runs {
            let (start, cpu) = (Instant::now(), cpu_time());
            // As in the explorer: the search worker shares the timeline and its index.
            let serving = (Arc::clone(app.timeline()), Arc::clone(app.index()));
            // The watch's thread loads and compares; the loop meanwhile answers keys.
            let loading = {
                let (input, shown) = (input.clone(), Arc::clone(app.timeline()));
                std::thread::spawn(move || {
                    let (t0, c0) = (Instant::now(), cpu_time());
                    let loaded = load::load(&input);
                    let (t1, c1) = (Instant::now(), cpu_time());
                    let v = loaded.map(|t| Version::against(&shown, t));
                    // `RELOAD_PARTS=1`: where a reload's time goes, on stderr.
                    if std::env::var_os("RELOAD_PARTS").is_some() {
                        eprintln!(
                            "load {:?} ({:?} processor), compare {:?} ({:?} processor)",
                            t1 - t0,
                            c1.saturating_sub(c0),
                            t1.elapsed(),
                            cpu_time().saturating_sub(c1)
                        );
                    }
                    v
                })
            };
            // A key every 10 ms, as a fast typist's: the loop idles between keys, as
            // the explorer's does, rather than take a core from the loader.
            while !loading.is_finished() {
                let key = Instant::now();
                app.update(Action::NextEvent);
                app.update(Action::PrevEvent);
                keys.push(key.elapsed() / 2);
                std::thread::sleep(Duration::from_millis(10));
            }
            let version = loading
                .join()
                .expect("the thread")
                .map(Box::new)
                .map_err(Box::new);
            let swap = Instant::now();
            app.update(Msg::Reloaded(version));
            swaps.push(swap.elapsed());
            reloads.push(start.elapsed());
            reload_cpus.push(cpu_time().saturating_sub(cpu));
            // As the loop does after a reload: the old version freed off its thread. A
            // reader's saves are seconds apart, so the next reload starts once it is freed
            // (not timed), rather than race the freeing of this one.
            std::thread::spawn(move || drop(serving))
                .join()
                .expect("the old version is freed");
        }
        let reload = median(reloads);
        let swap_max = swaps.iter().max().copied().unwrap_or_default();
        keys.sort();
        let key_max = keys.last().copied().unwrap_or_default().max(swap_max);
        let reload_cpu = median(reload_cpus);
        println!(
            "| {n} | {} | {} | {} | {} (max {}) | {:.2} | {:.2} | {} / {} / {:.2} | {} / {} |",
            ms(cold),
            ms(fresh),
            ms(reload),
            ms(median(swaps)),
            ms(swap_max),
            reload.as_secs_f64() / cold.as_secs_f64(),
            reload.as_secs_f64() / fresh.as_secs_f64(),
            ms(cold_cpu),
            ms(reload_cpu),
            reload_cpu.as_secs_f64() / cold_cpu.as_secs_f64(),
            ms(keys.get(keys.len() / 2).copied().unwrap_or_default()),
            ms(key_max),
        );
        let _ = std::fs::remove_file(&path);
    }
}
