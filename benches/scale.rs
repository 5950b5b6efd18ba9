//! `cargo bench --bench scale`: how afghan-timeline scales, with side-by-side baselines
//! measured in the same run. See BENCHMARKS.md for what each column means.
//!
//! Sizes: 1k, 100k and 200k events; `SCALE_1M=1` adds 500k and 1M. Peak memory is measured
//! in a fresh child process per case (the kernel's peak resident set, `VmHWM`), so one
//! case's allocations cannot hide another's.
//!
//! `cargo bench --bench scale -- --time-view` measures only the time view beside the list
//! (see `time_view/mod.rs`); `-- --tiny` the memory an event takes (see `tiny/mod.rs`).

// Durations and byte counts become f64 only to print them; precision is not at stake.
#![allow(clippy::cast_precision_loss)]

#[path = "synth/mod.rs"]
mod synth;
#[path = "terminal/mod.rs"]
mod terminal;
#[path = "time_view/mod.rs"]
mod time_view;
#[path = "tiny/mod.rs"]
mod tiny;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use afghan_timeline::load::{self, Input, Phase, Progress, RawTimeline};
use afghan_timeline::query::Filter;
use afghan_timeline::tui::action::{Action, Msg};
use afghan_timeline::tui::app::{ASYNC_SEARCH_FROM, App, Settings};
use afghan_timeline::tui::effect::Effect;
use afghan_timeline::tui::prompt::Edit;
use afghan_timeline::tui::view::Screen;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SEED: u64 = 7;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // Child mode: measure one case's peak memory and print it.
    if let Some(i) = args.iter().position(|a| a == "--peak") {
        let (case, file) = (&args[i + 1], PathBuf::from(&args[i + 2]));
        peak_child(case, &file);
        return;
    }
    if let Some(i) = args.iter().position(|a| a == "--tiny-peak") {
        tiny::child(&args[i + 1], Path::new(&args[i + 2]));
        return;
    }
    if args.iter().any(|a| a == "--tiny") {
        tiny::run();
        return;
    }
    if args.iter().any(|a| a == "--time-view") {
        time_view::run();
        return;
    }
    let mut sizes = vec![1_000, 100_000, 200_000];
    if std::env::var_os("SCALE_1M").is_some_and(|v| !v.is_empty()) {
        sizes.extend([500_000, 1_000_000]);
    }
    // `SCALE_SIZES=100000,200000`: only these sizes (a long run split in parts).
    if let Ok(only) = std::env::var("SCALE_SIZES") {
        sizes = only
            .split(',')
            .filter_map(|n| n.trim().parse().ok())
            .collect();
    }
    println!("afghan-timeline scale benchmark (seed {SEED}; medians)");
    println!();
    println!(
        "{:>9} {:>9} {:>10} {:>10} {:>10} {:>8} {:>8} {:>12} {:>11} {:>12} {:>10} {:>10} {:>10} {:>6}",
        "events",
        "MB",
        "json",
        "ron_raw",
        "load",
        "raw/json",
        "load/raw",
        "filter_actor",
        "search_key",
        "search_broad",
        "frame",
        "raw peak",
        "load peak",
        "ratio"
    );
    let mut rows: Vec<Row> = Vec::new();
    for &n in &sizes {
        let row = measure(n);
        println!(
            "{:>9} {:>9.1} {:>10} {:>10} {:>10} {:>8.2} {:>8.2} {:>12} {:>11} {:>12} {:>10} {:>7} MB {:>7} MB {:>6.2}",
            n,
            row.bytes as f64 / 1e6,
            fmt(row.json),
            fmt(row.ron_raw),
            fmt(row.load),
            ratio(row.ron_raw, row.json),
            ratio(row.load, row.ron_raw),
            fmt(row.filter_actor),
            fmt(row.search_key),
            fmt(row.search_broad),
            fmt(row.frame),
            row.raw_peak_kb / 1024,
            row.load_peak_kb / 1024,
            row.load_peak_kb as f64 / row.raw_peak_kb as f64,
        );
        rows.push(row);
    }
    println!();
    println!("growth when the input doubles (ideal 2.00; quadratic would be 4.00):");
    for pair in rows.windows(2).filter(|w| w[1].events == 2 * w[0].events) {
        let (a, b) = (&pair[0], &pair[1]);
        println!(
            "  {:>7} -> {:>7}: load {:.2}x, search_key {:.2}x, search_broad {:.2}x, filter_actor {:.2}x, frame {:.2}x",
            a.events,
            b.events,
            ratio(b.load, a.load),
            ratio(b.search_key, a.search_key),
            ratio(b.search_broad, a.search_broad),
            ratio(b.filter_actor, a.filter_actor),
            ratio(b.frame, a.frame),
        );
    }
    if let (Some(small), Some(big)) = (rows.first(), rows.last()) {
        println!(
            "  frame at {} / frame at {}: {:.2}x",
            big.events,
            small.events,
            ratio(big.frame, small.frame)
        );
    }
    print_start_and_phases(&rows);
    println!();
    startup();
}

/// The explorer's start through a real terminal, and the load's phases, for every size.
fn print_start_and_phases(rows: &[Row]) {
    println!();
    println!("through a real terminal (the release binary in a pty, 120x40; medians):");
    println!(
        "{:>9} {:>13} {:>10} {:>10}",
        "events", "first screen", "ready", "ready/raw"
    );
    for row in rows {
        println!(
            "{:>9} {:>13} {:>10} {:>10.2}",
            row.events,
            fmt(row.first_screen),
            fmt(row.ready),
            ratio(row.ready, row.ron_raw)
        );
    }
    println!();
    println!(
        "phases of load (the run with the median time); the index's text is built after the first frame;"
    );
    println!(
        "a file read in pieces (from 4 MB) has no phase of its own for reading or splitting (-): each thread reads"
    );
    println!("and splits its own pieces as it parses them:");
    println!(
        "{:>9} {:>10} {:>10} {:>10} {:>10} {:>10} {:>10} {:>12}",
        "events", "read", "split", "parse", "validate", "assemble", "app", "index text"
    );
    for row in rows {
        // A phase the load never entered is "-", not a time of zero.
        let phase = |name: &str| {
            let times: Vec<Duration> = row
                .phases
                .iter()
                .filter(|(p, _)| p.as_str() == name)
                .map(|(_, d)| *d)
                .collect();
            if times.is_empty() {
                "-".to_owned()
            } else {
                fmt(times.into_iter().sum())
            }
        };
        println!(
            "{:>9} {:>10} {:>10} {:>10} {:>10} {:>10} {:>10} {:>12}",
            row.events,
            phase("read"),
            phase("split"),
            phase("parse"),
            phase("validate"),
            phase("assemble"),
            phase("index"),
            fmt(row.index_text),
        );
    }
}

/// The explorer's settings for a timeline of `n` events, as `tui::run` chooses them: the
/// index's text is deferred where searches go to the worker.
fn explorer_settings(n: usize) -> Settings {
    Settings {
        pick: true,
        defer_index_text: n >= ASYNC_SEARCH_FROM,
        ..Settings::default()
    }
}

struct Row {
    events: usize,
    bytes: usize,
    json: Duration,
    ron_raw: Duration,
    load: Duration,
    filter_actor: Duration,
    search_key: Duration,
    search_broad: Duration,
    frame: Duration,
    raw_peak_kb: u64,
    load_peak_kb: u64,
    first_screen: Duration,
    ready: Duration,
    /// The load's phases (`index` is `App::new`: the index without its text, the list).
    phases: Vec<(Phase, Duration)>,
    /// Building the index's text, after the first frame.
    index_text: Duration,
}

/// One timed load: its time, its phases, and the index's text built after it.
type LoadRun = (Duration, Vec<(Phase, Duration)>, Duration);

fn measure(n: usize) -> Row {
    let text = synth::generate_string(n, SEED);
    let file = std::env::temp_dir().join(format!(
        "afghan-timeline-bench-{n}-{}.ron",
        std::process::id()
    ));
    std::fs::write(&file, &text).expect("write the generated timeline");
    let raw: RawTimeline = load::options()
        .from_str(&text)
        .expect("the generator writes valid RON");
    let json = serde_json::to_string(&raw).expect("serialize as JSON");
    drop(raw);

    // Enough runs that one slow spell of the shared host does not move a median (a load at
    // a million once spent 0.7 s outside all its phases).
    let runs = if n >= 500_000 {
        5
    } else if n >= 100_000 {
        9
    } else {
        30
    };
    // Each result is dropped after its timer stops: freeing is not loading, and the
    // program itself never frees its timeline (see `command::load_until_exit`).
    let json_time = median(runs, || {
        timed(|| serde_json::from_str::<RawTimeline>(&json).expect("json parses"))
    });
    drop(json);
    let ron_raw = median(runs, || {
        timed(|| {
            load::options()
                .from_str::<RawTimeline>(&text)
                .expect("ron parses")
        })
    });
    let input = Input::Path(file.clone());
    // The whole load as the explorer does it before its first frame: read, parse, validate,
    // sort, index (its text deferred from 100,000 events), and the visible list.
    let mut phase_runs: Vec<LoadRun> = Vec::new();
    let load_time = median(runs, || {
        let progress = Progress::default();
        let start = Instant::now();
        let timeline = load::load_with(&input, &progress).expect("loads");
        progress.start(Phase::Indexing, None);
        let app = App::new(timeline, Filter::default(), explorer_settings(n)).0;
        black_box(&app);
        let elapsed = start.elapsed();
        progress.finish();
        let text_start = Instant::now();
        app.index().fill_text(app.timeline());
        let index_text = text_start.elapsed();
        phase_runs.push((elapsed, progress.timings(), index_text));
        drop(app);
        elapsed
    });
    phase_runs.sort_by_key(|(t, _, _)| *t);
    let (_, phases, index_text) = phase_runs.swap_remove(phase_runs.len() / 2);
    let term_runs = if n >= 500_000 {
        5
    } else if n >= 100_000 {
        7
    } else {
        15
    };
    let mut starts: Vec<(Duration, Duration)> = (0..term_runs)
        .map(|_| terminal::start(env!("CARGO_BIN_EXE_afghan-timeline"), &file, n))
        .collect();
    starts.sort_by_key(|(first, _)| *first);
    let first_screen = starts[starts.len() / 2].0;
    starts.sort_by_key(|(_, ready)| *ready);
    let ready = starts[starts.len() / 2].1;

    let (filter_actor, search_key, search_broad, frame) = ui_timings(&input, n);

    let raw_peak_kb = peak("ron_raw", &file);
    let load_peak_kb = peak("load", &file);
    let _ = std::fs::remove_file(&file);
    Row {
        events: n,
        bytes: text.len(),
        json: json_time,
        ron_raw,
        load: load_time,
        filter_actor,
        search_key,
        search_broad,
        frame,
        raw_peak_kb,
        load_peak_kb,
        first_screen,
        ready,
        phases,
        index_text,
    }
}

/// The explorer every UI timing starts from: pick mode (nothing draws on a terminal),
/// sized 200×50.
fn bench_app(timeline: afghan_timeline::model::Timeline) -> App {
    let settings = Settings {
        pick: true,
        ..Settings::default()
    };
    let mut app = App::new(timeline, Filter::default(), settings).0;
    app.update(Action::Resize {
        width: 200,
        height: 50,
    });
    app
}

/// `filter_actor`, `search_key`, `search_broad` and `frame`, on the explorer's own state.
fn ui_timings(input: &Input, n: usize) -> (Duration, Duration, Duration, Duration) {
    let mut app = bench_app(load::load(input).expect("loads"));
    let ui_runs = if n >= 500_000 { 5 } else { 20 };

    // Toggling one actor in the picker and applying it (opening the picker is not timed).
    let filter_actor = median(ui_runs, || {
        app.update(Action::OpenActorFilter);
        app.update(Action::ActorToggle);
        let start = Instant::now();
        app.update(Action::ActorApply);
        black_box(&app.visible());
        let t = start.elapsed();
        app.update(Action::OpenActorFilter);
        app.update(Action::ActorToggle);
        app.update(Action::ActorApply);
        t
    });

    // One more character of a two-word query: "treaty embass" -> "treaty embassy".
    app.update(Action::StartSearch);
    for c in "treaty embass".chars() {
        app.update(Action::typed(c));
    }
    let (search_key, key_latency) = type_one_more(&mut app, ui_runs, 'y');
    app.update(Action::SearchClear);

    // The worst case for typing: a query that most events match ("k" -> "ka").
    app.update(Action::StartSearch);
    app.update(Action::typed('k'));
    let (search_broad, broad_latency) = type_one_more(&mut app, ui_runs, 'a');
    if broad_latency * 10 < search_broad || key_latency * 10 < search_key {
        println!(
            "  ({n} events: the search ran on the worker; the key itself took {} / {})",
            fmt(key_latency),
            fmt(broad_latency)
        );
    }
    app.update(Action::SearchClear);

    // One update + one draw of the whole screen, the selection in the middle.
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).expect("test backend");
    // A count prefix moves the selection there, as a reader would: `5000j`.
    app.update(Action::FirstEvent);
    for d in (app.visible().len() / 2).to_string().bytes() {
        app.update(Action::CountDigit(d - b'0'));
    }
    app.update(Action::NextEvent);
    let mut down = true;
    let frame = median(200, || {
        let start = Instant::now();
        app.update(if down {
            Action::NextEvent
        } else {
            Action::PrevEvent
        });
        down = !down;
        terminal
            .draw(|f| {
                f.render_widget(Screen { app: &app }, f.area());
            })
            .expect("draw");
        start.elapsed()
    });

    (filter_actor, search_key, search_broad, frame)
}

/// The time `work` takes; its result is dropped after the timer stops.
fn timed<T>(work: impl FnOnce() -> T) -> Duration {
    let start = Instant::now();
    let value = black_box(work());
    let elapsed = start.elapsed();
    drop(value);
    elapsed
}

/// Runs the search `update` asked the worker for, as the worker would, and delivers it.
fn settle(app: &mut App, effect: Option<Effect>) {
    if let Some(Effect::Search(job)) = effect {
        let matches = job
            .run(app.timeline(), app.index(), &|| false)
            .expect("not stopped");
        app.update(Msg::SearchResults {
            generation: job.generation,
            matches,
        });
    }
}

/// The median time from typing `c` at the end of the current query until its matches are
/// shown (undone between runs). A search that `update` hands to the worker is run here the
/// way the worker runs it, and timed to its result; the key itself then returns at once
/// (the second value, the median time `update` took, shows it).
fn type_one_more(app: &mut App, runs: usize, c: char) -> (Duration, Duration) {
    let mut key = Vec::new();
    let total = median(runs, || {
        let start = Instant::now();
        let effect = app.update(Action::typed(c));
        key.push(start.elapsed());
        settle(app, effect);
        black_box(&app.visible());
        let t = start.elapsed();
        let effect = app.update(Action::Edit(Edit::DeleteBack));
        settle(app, effect);
        t
    });
    key.sort();
    (total, key[key.len() / 2])
}

/// The median duration of `runs` runs of `f`; `f` may time itself by returning a Duration.
fn median<T: IntoTiming>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let timed = f().timing();
            timed.unwrap_or_else(|| start.elapsed())
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

trait IntoTiming {
    fn timing(self) -> Option<Duration>;
}

impl IntoTiming for () {
    fn timing(self) -> Option<Duration> {
        None
    }
}

impl IntoTiming for Duration {
    fn timing(self) -> Option<Duration> {
        Some(self)
    }
}

/// Runs one case in a child process and returns its peak resident set in KiB.
fn peak(case: &str, file: &Path) -> u64 {
    peak_in("--peak", case, file)
}

/// Runs one case in a child process that `flag` selects (`--peak`, `--tiny-peak`) and
/// returns its peak resident set in KiB.
fn peak_in(flag: &str, case: &str, file: &Path) -> u64 {
    let exe = std::env::current_exe().expect("own path");
    let out = Command::new(exe)
        .args([flag, case])
        .arg(file)
        .stderr(Stdio::inherit())
        .output()
        .expect("child runs");
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .unwrap_or(0)
}

fn peak_child(case: &str, file: &Path) {
    if case == "ron_raw" {
        // The bare baseline: the file read whole and parsed into owned raw structs.
        let text = std::fs::read_to_string(file).expect("read");
        let raw: RawTimeline = load::options().from_str(&text).expect("parses");
        black_box((&text, &raw));
    } else {
        // The explorer's peak: loaded, started, and its index's text built.
        let timeline = load::load(&Input::Path(file.to_path_buf())).expect("loads");
        let n = timeline.events.len();
        let app = App::new(timeline, Filter::default(), explorer_settings(n)).0;
        app.index().fill_text(app.timeline());
        black_box(&app);
    }
    println!("{}", vm_hwm_kb());
}

fn vm_hwm_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}

/// Whole-process start-up: `list --format id` on the embedded data next to `true` and `cat`.
fn startup() {
    let bin = env!("CARGO_BIN_EXE_afghan-timeline");
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/data/timeline.ron");
    let time = |program: &str, args: &[&str]| {
        median(50, || {
            let start = Instant::now();
            let status = Command::new(program)
                .args(args)
                .stdout(Stdio::null())
                .status()
                .expect("runs");
            assert!(status.success(), "{program} failed");
            start.elapsed()
        })
    };
    let ours = time(bin, &["list", "--format", "id"]);
    let t = time("true", &[]);
    let cat = time("cat", &[data]);
    println!("start-up (whole process, median of 50):");
    println!(
        "  afghan-timeline list --format id > /dev/null   {}",
        fmt(ours)
    );
    println!(
        "  true                                           {}",
        fmt(t)
    );
    println!(
        "  cat data/timeline.ron > /dev/null              {}",
        fmt(cat)
    );
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

fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64().max(1e-12)
}
