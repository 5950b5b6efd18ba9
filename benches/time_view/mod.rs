//! `cargo bench --bench scale -- --time-view`: the time view's frame and zoom step beside
//! the list's frame, measured in the same run on the same state. Short on purpose (it
//! skips the parsing baselines and the memory children of the full run): sizes 1,000 and
//! 100,000, with `SCALE_1M=1` also 1,000,000.

use std::time::{Duration, Instant};

use afghan_timeline::load;
use afghan_timeline::tui::action::{Action, TimeAction};
use afghan_timeline::tui::app::App;
use afghan_timeline::tui::view::Screen;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::{SEED, fmt, median, synth};

pub fn run() {
    let mut sizes = vec![1_000, 100_000];
    if std::env::var_os("SCALE_1M").is_some_and(|v| !v.is_empty()) {
        sizes.push(1_000_000);
    }
    println!("time view at 200×50 (seed {SEED}; medians of 200)");
    println!();
    println!(
        "{:>9} {:>12} {:>12} {:>12} {:>12} {:>12}",
        "events", "list frame", "time frame", "zoom step", "zoom deeper", "time open"
    );
    for n in sizes {
        let t = measure(n);
        println!(
            "{:>9} {:>12} {:>12} {:>12} {:>12} {:>12}",
            n,
            fmt(t.list),
            fmt(t.time),
            fmt(t.zoom),
            fmt(t.deeper),
            fmt(t.open)
        );
    }
}

/// One update and one draw of the whole screen, alternating `a` and `b`.
fn frames(app: &mut App, terminal: &mut Terminal<TestBackend>, a: Action, b: Action) -> Duration {
    let mut first = true;
    median(200, || {
        let start = Instant::now();
        app.update(if first { a } else { b });
        first = !first;
        terminal
            .draw(|f| f.render_widget(Screen { app }, f.area()))
            .expect("draw");
        start.elapsed()
    })
}

struct Timings {
    list: Duration,
    time: Duration,
    zoom: Duration,
    deeper: Duration,
    open: Duration,
}

/// The timings with the selection in the middle of the timeline. `zoom` alternates the
/// whole span and half of it (every event in view); `deeper` zooms in step by step from
/// the whole span to a day per column, where most steps meet a new set of lanes whose
/// "others" lane is laid out for the first time.
fn measure(n: usize) -> Timings {
    let text = synth::generate_string(n, SEED);
    let timeline = load::parse(&text, "synth.ron").expect("the generated timeline loads");
    drop(text);
    let mut app = super::bench_app(timeline);
    app.update(Action::FirstEvent);
    for d in (app.visible().len() / 2).to_string().bytes() {
        app.update(Action::CountDigit(d - b'0'));
    }
    app.update(Action::NextEvent);
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).expect("test backend");
    let list = frames(
        &mut app,
        &mut terminal,
        Action::NextEvent,
        Action::PrevEvent,
    );
    let toggle = Action::Time(TimeAction::Toggle);
    // Opening builds the per-actor lanes once for the filter result: timed once, as the
    // reader meets it.
    let start = Instant::now();
    app.update(toggle);
    terminal
        .draw(|f| f.render_widget(Screen { app: &app }, f.area()))
        .expect("draw");
    let open = start.elapsed();
    let time = frames(
        &mut app,
        &mut terminal,
        Action::NextEvent,
        Action::PrevEvent,
    );
    let zoom = frames(
        &mut app,
        &mut terminal,
        Action::Time(TimeAction::ZoomIn),
        Action::Time(TimeAction::ZoomOut),
    );
    let mut deeper: Vec<Duration> = Vec::new();
    for _ in 0..5 {
        app.update(Action::Time(TimeAction::Fit));
        for _ in 0..16 {
            let start = Instant::now();
            app.update(Action::Time(TimeAction::ZoomIn));
            terminal
                .draw(|f| f.render_widget(Screen { app: &app }, f.area()))
                .expect("draw");
            deeper.push(start.elapsed());
        }
    }
    deeper.sort();
    Timings {
        list,
        time,
        zoom,
        deeper: deeper[deeper.len() / 2],
        open,
    }
}
