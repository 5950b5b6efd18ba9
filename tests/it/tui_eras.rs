//! The era headers in the explorer's list and the era bands above its axis: an event is
//! filed under its innermost era, an outer era resumes "(continued)", no header stands
//! without an event under it, eras beginning together share one row, overlapping eras'
//! names are stacked so each shows, and years before the common era read `500 BCE`.

use afghan_timeline::load;
use afghan_timeline::query::Filter;
use afghan_timeline::tui::action::Action::{self, *};
use afghan_timeline::tui::app::{App, Settings};
use afghan_timeline::tui::theme::Theme;
use afghan_timeline::tui::view::Screen;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::common::assert_consistent;

const ERAS: &str = r#"Timeline(
    title: "Eras",
    actors: [(id: "a", name: "A", kind: State)],
    eras: [
        (id: "ancient", name: "Ancient kingdom", start: "-0500", end: "-0400"),
        (id: "pdpa", name: "PDPA rule", start: "1978-04-27", end: "1992-04-16"),
        (id: "april", name: "April days", start: "1978-04-27", end: "1978-05-30"),
        (id: "war", name: "Soviet–Afghan War", start: "1979-12-24", end: "1989-02-15"),
        (id: "mujahideen", name: "Mujahideen government", start: "1992-04-28", end: "1996-09-27"),
        (id: "emirate", name: "Second Taliban emirate", start: "1996-09-27", end: "2001-11-13"),
    ],
    events: [
        (id: "old", date: "-0450", title: "Old", summary: "S", actors: ["a"], sources: [(publisher: "P", title: "T")]),
        (id: "saur", date: "1978-04-27", title: "Saur", summary: "S", actors: ["a"], sources: [(publisher: "P", title: "T")]),
        (id: "invasion", date: "1979-12-24", title: "Invasion", summary: "S", actors: ["a"], sources: [(publisher: "P", title: "T")]),
        (id: "withdrawal", date: "1989-02-15", title: "Withdrawal", summary: "S", actors: ["a"], sources: [(publisher: "P", title: "T")]),
        (id: "after", date: "1989-12-24", title: "After", summary: "S", actors: ["a"], sources: [(publisher: "P", title: "T")]),
        (id: "fall", date: "1992-04-16", title: "Fall", summary: "S", actors: ["a"], sources: [(publisher: "P", title: "T")]),
        (id: "kabul", date: "1996-09-27", title: "Kabul", summary: "S", actors: ["a"], sources: [(publisher: "P", title: "T")]),
    ],
)"#;

fn app(filter: Filter, width: u16, height: u16) -> App {
    app_of(ERAS, filter, width, height)
}

fn app_of(text: &str, filter: Filter, width: u16, height: u16) -> App {
    let timeline = load::parse(text, "eras.ron").expect("the era timeline loads");
    let settings = Settings {
        theme: Theme { color: false },
        ..Settings::default()
    };
    let (mut app, _) = App::new(timeline, filter, settings);
    app.update(Action::Resize { width, height });
    app
}

fn screen(app: &App, width: u16, height: u16) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    terminal
        .draw(|f| f.render_widget(Screen { app }, f.area()))
        .expect("draw");
    let buffer = terminal.backend().buffer();
    (0..height)
        .map(|y| (0..width).map(|x| buffer[(x, y)].symbol()).collect())
        .collect()
}

/// The list's header rows, in order, without their rules.
fn headers(lines: &[String]) -> Vec<String> {
    lines
        .iter()
        .filter_map(|l| {
            let inner = l.split('│').nth(1)?;
            inner
                .trim_start()
                .starts_with("──")
                .then(|| inner.trim_matches(|c| c == '─' || c == ' ').to_owned())
        })
        .collect()
}

#[test]
fn headers_follow_the_innermost_era_and_outer_eras_resume_continued() {
    let app = app(Filter::default(), 120, 40);
    assert_consistent(&app);
    assert_eq!(
        headers(&screen(&app, 120, 40)),
        [
            "Ancient kingdom · 500 BCE–400 BCE",
            // Each era with its own years (issue 25: the outer name stood beside the
            // inner era's years).
            "PDPA rule · 1978–1992 › April days · 1978–1978",
            "Soviet–Afghan War · 1979–1989",
            "PDPA rule (continued) · 1978–1992",
            "Second Taliban emirate · 1996–2001",
        ]
    );
}

#[test]
fn no_header_stands_without_an_event_under_it() {
    let day = "1996-09-27"
        .parse::<afghan_timeline::model::Date>()
        .ok()
        .map(Into::into);
    let mut filter = Filter::default();
    filter.from = day;
    filter.to = day;
    let app = app(filter, 120, 40);
    assert_eq!(app.visible().len(), 1);
    assert_eq!(
        headers(&screen(&app, 120, 40)),
        ["Second Taliban emirate · 1996–2001"]
    );
    assert_consistent(&app);
}

/// An ongoing era (no `end`) files every later event under it with an open span
/// (`1996–`); once the list has scrolled, the header pinned at its top is the one of the
/// era the top event is filed under, as the era headers have it.
#[test]
fn an_ongoing_era_files_later_events_and_the_pinned_header_agrees() {
    let text = ERAS
        .replace(
            r#"start: "1996-09-27", end: "2001-11-13""#,
            r#"start: "1996-09-27""#,
        )
        .replace(
            "    ],\n)",
            "        (id: \"late\", date: \"2023-05\", title: \"Late\", summary: \"S\", actors: [\"a\"], sources: [(publisher: \"P\", title: \"T\")]),\n    ],\n)",
        );
    let app = app_of(&text, Filter::default(), 120, 40);
    let shown = headers(&screen(&app, 120, 40));
    assert_eq!(
        shown.last().map(String::as_str),
        Some("Second Taliban emirate · 1996–")
    );
    assert_eq!(
        shown.len(),
        5,
        "the late event needs no header of its own: {shown:?}"
    );

    let mut pinned = 0;
    for height in 9..=14 {
        let mut app = app_of(&text, Filter::default(), 120, height);
        let mut filed: Option<String> = None;
        for i in 0..app.visible().len() {
            if let Some(h) = app.era_headers(i).next() {
                filed = h.eras.last().map(|(_, e)| e.name.clone());
            }
            let current = app.current_era(i).map(|e| e.name.clone());
            if current.is_some() {
                assert_eq!(
                    current, filed,
                    "event {i} is pinned under another era than its header's"
                );
            }
            app.update(NextEvent);
            assert_consistent(&app);
            let top = app.offset();
            if app.era_headers(top).next().is_none()
                && let Some(era) = app.current_era(top)
            {
                let want = format!("{} · {}", era.name, era.years());
                let lines = screen(&app, 120, height);
                let y = usize::from(app.areas().list_inner.y);
                let first = headers(&lines[y..=y]);
                assert_eq!(first.first(), Some(&want), "the pinned header at the top");
                pinned += 1;
            }
        }
    }
    assert!(
        pinned > 0,
        "no state with a scrolled-away header was reached"
    );
}

/// The band above the axis: overlapping eras on separate rows, each name whole unless
/// its own span is too short for it (then cut with `…`), never overwritten by another.
#[test]
fn overlapping_eras_names_all_show_in_the_band() {
    let mut app = app(Filter::default(), 120, 40);
    app.update(NextEvent);
    let lines = screen(&app, 120, 40);
    let rows = app.axis().bands();
    assert_eq!(rows.len(), 2, "{rows:?}");
    let mut whole = 0;
    for (r, row) in rows.iter().enumerate() {
        let line: Vec<char> = lines[r].chars().collect();
        for band in row {
            let name = &app.timeline().eras[band.era].name;
            let room = usize::from(band.to - band.from);
            let shown: String = line[usize::from(band.from) + 1..=usize::from(band.to)]
                .iter()
                .collect();
            if name.chars().count() <= room {
                assert!(shown.starts_with(name.as_str()), "{name} in {shown:?}");
                whole += 1;
            } else {
                assert!(shown.ends_with('…'), "{name} in {shown:?}");
            }
        }
    }
    assert!(whole >= 3, "{lines:#?}");
    assert!(lines[3].starts_with("450 BCE"), "axis labels: {}", lines[3]);
    insta::assert_snapshot!("eras_120x40", lines.join("\n"));
    let small = app_sized_screen(80, 24);
    insta::assert_snapshot!("eras_80x24", small.join("\n"));
}

fn app_sized_screen(width: u16, height: u16) -> Vec<String> {
    let app = app(Filter::default(), width, height);
    screen(&app, width, height)
}
