//! The time view, drawn into ratatui's `TestBackend` at 120×40, 80×24 and 40×12: the whole
//! span, zoomed to a decade and to days, with an actor filter, with overlapping eras
//! (the fixture's), all with colours off as under `NO_COLOR` (insta does not record
//! styles; the style tests below check them). Also the state side of the view's keys and
//! mouse: zoom, fit, pan, select, resize.

use afghan_timeline::load;
use afghan_timeline::model::EventId;
use afghan_timeline::query::Filter;
use afghan_timeline::tui::action::Action::{self, *};
use afghan_timeline::tui::action::TimeAction;
use afghan_timeline::tui::app::{App, Settings};
use afghan_timeline::tui::effect::{Effect, Exit};
use afghan_timeline::tui::theme::Theme;
use afghan_timeline::tui::view::Screen;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

const FIXTURE: &str = include_str!("../fixtures/tui/time.ron");
const SIZES: [(u16, u16); 3] = [(120, 40), (80, 24), (40, 12)];
const TOGGLE: Action = Time(TimeAction::Toggle);
const ZOOM_IN: Action = Time(TimeAction::ZoomIn);

/// The fixture's explorer on event `select`, with colours or not (`NO_COLOR`).
fn app(actors: &[&str], select: &str, color: bool, pick: bool) -> App {
    let timeline = load::parse(FIXTURE, "time.ron").expect("the fixture loads");
    let mut filter = Filter::default();
    filter.actors = actors
        .iter()
        .map(|a| timeline.find_actor(a).expect("a fixture actor"))
        .collect();
    let select = Some(timeline.find_event(select).expect("a fixture event"));
    let settings = Settings {
        pick,
        theme: Theme { color },
        select,
        ..Settings::default()
    };
    App::new(timeline, filter, settings).0
}

fn id(app: &App, name: &str) -> EventId {
    app.timeline().find_event(name).expect("a fixture event")
}

fn draw(app: &App) -> Buffer {
    let size = app.size();
    let terminal = crate::common::draw_screen(app, size.width, size.height);
    terminal.backend().buffer().clone()
}

/// The app at a size, on event `select`, after `actions`, in colour or not.
fn at_in(
    width: u16,
    height: u16,
    actors: &[&str],
    select: &str,
    actions: &[Action],
    color: bool,
) -> App {
    let mut app = app(actors, select, color, false);
    app.update(Resize { width, height });
    for a in actions {
        app.update(*a);
    }
    app
}

/// The same without colours, as under `NO_COLOR`.
fn at(width: u16, height: u16, actors: &[&str], select: &str, actions: &[Action]) -> App {
    at_in(width, height, actors, select, actions, false)
}

fn snapshot_at_all_sizes(name: &str, actors: &[&str], select: &str, actions: &[Action]) {
    for (w, h) in SIZES {
        let app = at(w, h, actors, select, actions);
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
        terminal
            .draw(|f| f.render_widget(Screen { app: &app }, f.area()))
            .expect("draw");
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), terminal.backend());
    }
}

fn text(buffer: &Buffer) -> String {
    let area = buffer.area;
    (0..area.height)
        .map(|y| {
            (0..area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
                + "\n"
        })
        .collect()
}

#[test]
fn whole_span_with_overlapping_eras() {
    snapshot_at_all_sizes("time_whole", &[], "amin", &[TOGGLE]);
}

#[test]
fn zoomed_to_a_decade() {
    snapshot_at_all_sizes("time_decade", &[], "amin", &[TOGGLE, ZOOM_IN]);
}

/// Zoomed in as far as it goes: a column is a day, around the events of late December 1979.
fn days() -> Vec<Action> {
    std::iter::once(TOGGLE)
        .chain(std::iter::repeat_n(ZOOM_IN, 12))
        .collect()
}

#[test]
fn zoomed_to_days() {
    snapshot_at_all_sizes("time_days", &[], "storm", &days());
}

#[test]
fn with_an_actor_filter() {
    snapshot_at_all_sizes("time_actors", &["us", "mujahideen"], "stinger", &[TOGGLE]);
}

/// Rows of the screen that show a lane of `actor`: the name at the pane's left.
fn lane_row(buffer: &Buffer, name: &str) -> u16 {
    (0..buffer.area.height)
        .find(|&y| {
            text(buffer)
                .lines()
                .nth(usize::from(y))
                .is_some_and(|l| l.starts_with(&format!("│{name}")))
        })
        .unwrap_or_else(|| panic!("a lane of {name}:\n{}", text(buffer)))
}

/// Cells with a style property, as (x, y).
fn cells_where(buffer: &Buffer, test: impl Fn(&ratatui::buffer::Cell) -> bool) -> Vec<(u16, u16)> {
    let area = buffer.area;
    (0..area.height)
        .flat_map(|y| (0..area.width).map(move |x| (x, y)))
        .filter(|&(x, y)| test(&buffer[(x, y)]))
        .collect()
}

#[test]
fn without_colour_the_selection_is_reverse_video_and_nothing_else_is() {
    let app = at(80, 24, &[], "kabul", &[TOGGLE]);
    let buffer = draw(&app);
    let reversed = cells_where(&buffer, |c| c.modifier.contains(Modifier::REVERSED));
    let row = lane_row(&buffer, "Afghanistan");
    // "Kabul falls" is Afghanistan's alone, its last event, at the right end of the lane.
    assert_eq!(reversed.len(), 1, "{reversed:?}\n{}", text(&buffer));
    let (x, y) = reversed[0];
    assert_eq!(y, row);
    assert_eq!(buffer[(x, y)].symbol(), "◆");
    // In colour, the same cell stands out by its background instead.
    let coloured = draw(&at_in(80, 24, &[], "kabul", &[TOGGLE], true));
    assert_eq!(coloured[(x, y)].bg, Color::Indexed(238));
    assert!(!coloured[(x, y)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn a_bar_selected_is_marked_along_its_length() {
    let app = at(120, 40, &[], "talks", &[TOGGLE]);
    let buffer = draw(&app);
    let row = lane_row(&buffer, "Pakistan");
    let reversed: Vec<(u16, u16)> =
        cells_where(&buffer, |c| c.modifier.contains(Modifier::REVERSED))
            .into_iter()
            .filter(|&(_, y)| y == row)
            .collect();
    // Six years at about 2.6 columns a year, in one run from the bar's first cell (the
    // Accords, on the talks' last day, are inside it).
    assert!(reversed.len() >= 10, "{reversed:?}\n{}", text(&buffer));
    assert!(
        reversed.windows(2).all(|w| w[1].0 == w[0].0 + 1),
        "{reversed:?}"
    );
    assert_eq!(buffer[reversed[0]].symbol(), "━");
    assert!(
        reversed
            .iter()
            .filter(|&&c| buffer[c].symbol() == "━")
            .count()
            >= 10
    );
}

#[test]
fn v_switches_the_pane_and_back_keeping_the_selection() {
    let mut app = at(120, 40, &[], "amin", &[]);
    let before = app.selected_event();
    app.update(TOGGLE);
    assert!(app.time().open);
    assert!(text(&draw(&app)).contains("╭ 1973 – 1996 "));
    app.update(NextEvent);
    let moved = app.selected_event();
    assert_ne!(moved, before);
    app.update(TOGGLE);
    assert!(!app.time().open);
    assert_eq!(app.selected_event(), moved);
    assert!(text(&draw(&app)).contains("Time view fixture"));
}

#[test]
fn zoom_halves_the_span_around_the_selection_and_0_fits() {
    let mut app = at(120, 40, &[], "crossing", &[TOGGLE]);
    let whole = app.time().model.scale;
    let day = i64::from(app.index().first_day(id(&app, "crossing")));
    app.update(ZOOM_IN);
    let zoomed = app.time().model.scale;
    assert_eq!(zoomed.span, whole.span / 2);
    let middle = zoomed.width / 2;
    assert!(
        zoomed.col(day).is_some_and(|c| c.abs_diff(middle) <= 1),
        "the selection is in the middle: {:?} of {zoomed:?}",
        zoomed.col(day)
    );
    app.update(Time(TimeAction::ZoomOut));
    assert_eq!(app.time().model.scale, whole);
    for _ in 0..20 {
        app.update(ZOOM_IN);
    }
    assert_eq!(
        app.time().model.scale.days_per_col(),
        1,
        "down to a day per column"
    );
    assert!(app.time().model.scale.col(day).is_some());
    app.update(Time(TimeAction::Fit));
    assert_eq!(app.time().model.scale, whole);
}

#[test]
fn pan_moves_half_a_screen_and_stops_at_the_ends() {
    let mut app = at(120, 40, &[], "crossing", &[TOGGLE, ZOOM_IN, ZOOM_IN]);
    let before = app.time().model.scale;
    app.update(Time(TimeAction::PanForward));
    let after = app.time().model.scale;
    assert_eq!(after.start - before.start, before.span / 2);
    for _ in 0..20 {
        app.update(Time(TimeAction::PanBack));
    }
    assert_eq!(
        app.time().model.scale.start,
        app.time().model.scale.start.min(before.start)
    );
    let first = i64::from(app.index().first_day(app.visible()[0]));
    assert_eq!(app.time().model.scale.start, first);
    // Panning moves the view, not the selection.
    assert_eq!(app.selected_event(), Some(id(&app, "crossing")));
}

/// h/l and j/k step through events in time; the view follows the selection.
#[test]
fn moving_the_selection_pans_to_keep_it_in_view() {
    let mut app = at(80, 24, &[], "daoud", &[TOGGLE]);
    for _ in 0..12 {
        app.update(ZOOM_IN);
    }
    for n in 1..app.visible().len() {
        app.update(NextEvent);
        assert_eq!(app.selected(), n);
        let shown = app.time().model.lanes.iter().any(|l| l.selected.is_some());
        assert!(shown, "event {n} is in view:\n{}", text(&draw(&app)));
    }
    let end = app.time().model.scale;
    app.update(PrevEvent);
    assert!(app.time().model.lanes.iter().any(|l| l.selected.is_some()));
    assert!(app.time().model.scale.start <= end.start);
}

#[test]
fn resizing_keeps_the_zoom_and_the_selection() {
    let mut app = at(120, 40, &[], "storm", &[TOGGLE, ZOOM_IN, ZOOM_IN, ZOOM_IN]);
    let (scale, selected) = (app.time().model.scale, app.selected_event());
    app.update(Resize {
        width: 100,
        height: 30,
    });
    app.update(Resize {
        width: 120,
        height: 40,
    });
    assert_eq!(app.time().model.scale, scale);
    assert_eq!(app.selected_event(), selected);
    // At another width the same days are shown.
    app.update(Resize {
        width: 200,
        height: 50,
    });
    let wide = app.time().model.scale;
    assert_eq!((wide.start, wide.span), (scale.start, scale.span));
}

#[test]
fn tiny_terminals_degrade_without_panicking() {
    for width in 1..=44 {
        for height in 1..=14 {
            let app = at(width, height, &[], "storm", &[TOGGLE, ZOOM_IN, NextEvent]);
            let buffer = draw(&app);
            if width >= 40 && height >= 12 {
                assert!(text(&buffer).contains("Saur regime"), "{}", text(&buffer));
            }
        }
    }
    // At 24×8 there is a lane or two, no names and no titles.
    let app = at(24, 8, &[], "storm", &[TOGGLE]);
    assert!(!app.time().model.lanes.is_empty());
    assert_eq!(app.time().model.name_width, 0);
    assert!(app.time().model.lanes.iter().all(|l| l.labels.is_empty()));
}

#[test]
fn the_mouse_selects_zooms_and_pans() {
    let mut app = at(120, 40, &[], "daoud", &[TOGGLE]);
    let buffer = draw(&app);
    // Click the Pakistan lane at the far right: its nearest event is the Accords.
    let row = lane_row(&buffer, "Pakistan");
    app.update(Click { row, col: 63 });
    assert_eq!(app.selected_event(), Some(id(&app, "accords")));
    // The wheel zooms around the pointer; a drag pans.
    let whole = app.time().model.scale;
    app.update(Wheel {
        row,
        col: 40,
        down: false,
    });
    let zoomed = app.time().model.scale;
    assert_eq!(zoomed.span, whole.span / 2);
    app.update(Click { row, col: 40 });
    app.update(Drag { row, col: 30 });
    let dragged = app.time().model.scale;
    assert!(
        dragged.start > zoomed.start,
        "dragging left shows later days"
    );
    app.update(Wheel {
        row,
        col: 40,
        down: true,
    });
    assert_eq!(app.time().model.scale.span, whole.span);
}

#[test]
fn enter_in_pick_mode_chooses_the_event_selected_in_the_time_view() {
    let mut app = app(&[], "daoud", false, true);
    app.update(Resize {
        width: 80,
        height: 24,
    });
    app.update(TOGGLE);
    app.update(ZOOM_IN);
    app.update(NextEvent);
    app.update(NextEvent);
    let chosen = app.selected_event().expect("a selection");
    assert_eq!(chosen, id(&app, "treaty"));
    assert_eq!(
        app.update(Accept),
        Some(Effect::Exit(Exit::Accept(vec![chosen])))
    );
}

/// When not every actor has a row, the last row is "others" only if it shows something:
/// otherwise it goes to the next actor, and no row is left empty.
#[test]
fn no_lane_row_is_left_empty() {
    use afghan_timeline::tui::time::{Kind, LaneKey};
    for height in 8..=24 {
        for actions in [vec![TOGGLE], days()] {
            let app = at(80, height, &[], "storm", &actions);
            for lane in &app.time().model.lanes {
                let shows = lane.cells.iter().any(|c| c.kind != Kind::Empty);
                assert!(
                    shows || lane.key != LaneKey::Others,
                    "an empty others lane at 80x{height}:\n{}",
                    text(&draw(&app))
                );
            }
        }
    }
}

/// `z` gives the time view the detail's columns; Enter then opens the detail over it,
/// leaving it comes back to the wide view, and `z` again brings the detail back beside.
/// The choice outlives closing and reopening the view.
#[test]
fn z_gives_the_time_view_the_whole_width_and_back() {
    let mut app = at(120, 40, &[], "amin", &[TOGGLE]);
    let beside = app.areas().list_inner.width;
    assert!(app.areas().detail.width > 0);
    app.update(Time(TimeAction::FullWidth));
    assert_eq!(app.areas().list_inner.width, 118, "the whole width");
    assert_eq!(app.areas().detail.width, 0);
    assert!(app.time().model.scale.width > beside);
    app.update(Accept);
    assert!(app.zoomed(), "the detail opens over the view");
    assert!(text(&draw(&app)).contains("Amin takes power"));
    app.update(FocusList);
    assert!(!app.zoomed());
    assert_eq!(app.areas().list_inner.width, 118, "back to the wide view");
    // Remembered: the list, then the time view again.
    app.update(TOGGLE);
    assert!(app.areas().detail.width > 0, "the list keeps its detail");
    app.update(TOGGLE);
    assert_eq!(app.areas().list_inner.width, 118);
    app.update(Time(TimeAction::FullWidth));
    assert_eq!(app.areas().list_inner.width, beside);
}

/// Each lane's header shows its actor's count; `s` orders the lanes by first appearance
/// and back to the busiest first.
#[test]
fn lane_headers_count_and_s_cycles_the_order() {
    let mut app = at(120, 40, &[], "amin", &[TOGGLE]);
    let screen = text(&draw(&app));
    let ussr = app.timeline().find_actor("ussr").expect("an actor");
    let ussr_count = app
        .visible()
        .iter()
        .filter(|&&e| app.timeline().event(e).actors.contains(&ussr))
        .count();
    let row = screen
        .lines()
        .find(|l| l.starts_with("│Soviet Union"))
        .expect("a lane for the Soviet Union");
    assert!(
        row.contains(&format!(" {ussr_count} ")),
        "{row} should hold {ussr_count}"
    );
    let firsts = |app: &App| -> Vec<i32> {
        app.time()
            .model
            .lanes
            .iter()
            .filter_map(|l| match l.key {
                afghan_timeline::tui::time::LaneKey::Actor(a) => app
                    .visible()
                    .iter()
                    .find(|&&e| app.timeline().event(e).actors.contains(&a))
                    .map(|&e| app.index().first_day(e)),
                afghan_timeline::tui::time::LaneKey::Others => None,
            })
            .collect()
    };
    let counts = |app: &App| -> Vec<usize> {
        app.time()
            .model
            .lanes
            .iter()
            .filter_map(|l| l.count)
            .collect()
    };
    assert!(
        counts(&app).windows(2).all(|w| w[0] >= w[1]),
        "busiest first"
    );
    app.update(Time(TimeAction::LaneOrder));
    let f = firsts(&app);
    assert!(
        f.windows(2).all(|w| w[0] <= w[1]),
        "by first appearance: {f:?}"
    );
    assert!(text(&draw(&app)).contains("lanes by first appearance"));
    app.update(Time(TimeAction::LaneOrder));
    assert!(counts(&app).windows(2).all(|w| w[0] >= w[1]));
    // On the built-in timeline the two orders differ (the fixture's happen to agree).
    let mut app = crate::common::colourless_app(
        include_str!("../../data/timeline.ron"),
        "timeline.ron",
        200,
        60,
        &[TOGGLE],
    );
    let busiest = counts(&app);
    app.update(Time(TimeAction::LaneOrder));
    let f = firsts(&app);
    assert!(
        f.windows(2).all(|w| w[0] <= w[1]),
        "by first appearance: {f:?}"
    );
    assert_ne!(counts(&app), busiest, "a different order");
}

/// A search fits the view to its matches' dates: after `/dec 1979` the four December
/// matches spread over the width (not two columns of all 1979), though one of them runs
/// on to 1989.
#[test]
fn a_search_fits_the_view_to_the_matches() {
    let mut app = at(120, 40, &[], "amin", &[TOGGLE, ZOOM_IN, ZOOM_IN]);
    app.update(StartSearch);
    for c in "dec 1979".chars() {
        app.update(Action::typed(c));
    }
    app.update(SearchKeep);
    assert_eq!(app.visible().len(), 4, "the December matches");
    let scale = app.time().model.scale;
    // December at most, or a day per column (the deepest zoom) when the pane is wider.
    assert!(scale.span <= i64::from(scale.width).max(31), "{scale:?}");
    assert_eq!(scale.days_per_col(), 1);
    let cols: std::collections::BTreeSet<u16> = app
        .visible()
        .iter()
        .filter_map(|&e| scale.col(i64::from(app.index().first_day(e))))
        .collect();
    assert!(cols.len() >= 3, "{cols:?} of {scale:?}");
}

/// Zoomed in, a lane's count is its events in the span shown, the number the
/// busiest-first order goes by.
#[test]
fn lane_counts_follow_the_span() {
    let app = at(120, 40, &[], "storm", &days());
    let scale = app.time().model.scale;
    for lane in &app.time().model.lanes {
        if let afghan_timeline::tui::time::LaneKey::Actor(a) = lane.key {
            let n = app
                .visible()
                .iter()
                .filter(|&&e| app.timeline().event(e).actors.contains(&a))
                .filter(|&&e| scale.col(i64::from(app.index().first_day(e))).is_some())
                .count();
            assert_eq!(lane.count, Some(n), "{:?}", lane.key);
        }
    }
    let counts: Vec<usize> = app
        .time()
        .model
        .lanes
        .iter()
        .filter_map(|l| l.count)
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
}
