//! The time view's second round on its own fixture (`tui/time_round2.ron`: a folded gap,
//! seven eras, dates known to the day, the month, the year and approximately), drawn at
//! 80×24, 120×40 and 200×60 with colours off as under `NO_COLOR`: at fit, at full width
//! (`z`), and zoomed to months on a month-precision event. Also the marks that must read
//! without colour.

use afghan_timeline::load;
use afghan_timeline::query::Filter;
use afghan_timeline::tui::action::Action::{self, *};
use afghan_timeline::tui::action::TimeAction;
use afghan_timeline::tui::app::{App, Settings};
use afghan_timeline::tui::theme::Theme;

const FIXTURE: &str = include_str!("../fixtures/tui/time_round2.ron");
const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (200, 60)];
const TOGGLE: Action = Time(TimeAction::Toggle);
const ZOOM_IN: Action = Time(TimeAction::ZoomIn);
const WIDE: Action = Time(TimeAction::FullWidth);

fn app(w: u16, h: u16, select: &str, actions: &[Action]) -> App {
    let timeline = load::parse(FIXTURE, "time_round2.ron").expect("the fixture loads");
    let select = Some(timeline.find_event(select).expect("a fixture event"));
    let settings = Settings {
        theme: Theme { color: false },
        select,
        ..Settings::default()
    };
    let mut app = App::new(timeline, Filter::default(), settings).0;
    app.update(Resize {
        width: w,
        height: h,
    });
    for a in actions {
        app.update(*a);
    }
    app
}

fn screen(app: &App) -> String {
    let size = app.size();
    let terminal = crate::common::draw_screen(app, size.width, size.height);
    let buf = terminal.backend().buffer();
    (0..size.height)
        .map(|y| {
            (0..size.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
                + "\n"
        })
        .collect()
}

fn snapshots(name: &str, select: &str, actions: &[Action]) {
    for (w, h) in SIZES {
        let app = app(w, h, select, actions);
        let terminal = crate::common::draw_screen(&app, w, h);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), terminal.backend());
    }
}

/// Zoomed in on the month-precision event until a month spans several columns.
fn months() -> Vec<Action> {
    std::iter::once(TOGGLE)
        .chain(std::iter::once(WIDE))
        .chain(std::iter::repeat_n(ZOOM_IN, 7))
        .collect()
}

#[test]
fn at_fit_with_folds_and_every_era() {
    snapshots("round2_fit", "accords", &[TOGGLE]);
}

#[test]
fn at_full_width() {
    snapshots("round2_wide", "accords", &[TOGGLE, WIDE]);
}

#[test]
fn zoomed_to_months_on_a_month_precision_event() {
    snapshots("round2_months", "il76", &months());
}

/// Without colour every kind of date still reads apart: a day `◆`, a month or a year
/// spread across its columns `◇┄`, an approximate year `○┈`; the selected month event's
/// whole month is highlighted.
#[test]
fn imprecise_dates_are_drawn_across_their_period_without_colour() {
    let app = app(200, 60, "il76", &months());
    let text = screen(&app);
    let lane = text
        .lines()
        .find(|l| l.starts_with("│Taliban"))
        .expect("a Taliban lane");
    assert!(lane.contains("◇┄"), "{lane}");
    let scale = app.time().model.scale;
    let il76 = app.timeline().find_event("il76").expect("il76");
    let (first, last) = (
        i64::from(app.index().first_day(il76)),
        i64::from(app.index().last_day(il76)),
    );
    let (a, b) = (
        scale.col(first).expect("shown"),
        scale.col(last).expect("shown"),
    );
    assert!(b > a + 1, "a month spans columns {a}..{b}");
    let selected = app
        .time()
        .model
        .lanes
        .iter()
        .find_map(|l| l.selected)
        .expect("the selection is drawn");
    assert_eq!(selected, (a, b), "the whole month is the selection");
    // The approximate year, at fit over the whole width.
    let app = self::app(200, 60, "aid", &[TOGGLE, WIDE, ZOOM_IN]);
    let text = screen(&app);
    let lane = text
        .lines()
        .find(|l| l.starts_with("│United States"))
        .expect("a US lane");
    assert!(lane.contains("○┈"), "{lane}");
    // A day-precision event stays a diamond.
    assert!(lane.contains('◆'), "{lane}");
}
