//! The folds of empty time: one model (`tui::time::axis::lay_out` with the rule
//! `gap_between`) serves the list's axis and the time view, so at fit both fold the same
//! years with the same mark, ticks never fall inside a fold, and zooming into a fold
//! unfolds it.

use afghan_timeline::tui::action::{Action, TimeAction};
use afghan_timeline::tui::app::App;
use afghan_timeline::tui::time::axis::Segment;

const BUILT_IN: &str = include_str!("../../data/timeline.ron");

fn sample_text() -> String {
    std::fs::read_to_string(crate::common::fixture("tui/sample.ron")).expect("read")
}

fn folds(segs: &[Segment]) -> Vec<i32> {
    segs.iter()
        .filter_map(|s| match *s {
            Segment::Fold { years, .. } => Some(years),
            Segment::Scale { .. } => None,
        })
        .collect()
}

fn app(text: &str, width: u16, height: u16) -> App {
    crate::common::colourless_app(text, "t.ron", width, height, &[])
}

#[test]
fn the_list_axis_and_the_time_view_fold_the_same_years() {
    for (text, expected) in [(BUILT_IN, vec![56]), (&*sample_text(), vec![28, 35, 20])] {
        for (w, h) in [(120, 40), (200, 60)] {
            let mut app = app(text, w, h);
            let list = folds(app.axis().segments());
            app.update(Action::Time(TimeAction::Toggle));
            let time = folds(&app.time().model.segments);
            assert_eq!(list, expected, "the list's axis at {w}×{h}");
            assert_eq!(time, list, "the time view at {w}×{h}");
        }
    }
}

/// At fit the folded years take a mark's width, so the years with events get the rest:
/// on the built-in timeline 1978–2026 takes nearly all of the lanes' width.
#[test]
fn at_fit_the_years_with_events_get_the_width() {
    let mut app = app(BUILT_IN, 120, 40);
    app.update(Action::Time(TimeAction::Toggle));
    let model = &app.time().model;
    let scaled: u16 = model
        .segments
        .iter()
        .filter_map(|s| match *s {
            Segment::Scale { width, .. } => Some(width),
            Segment::Fold { .. } => None,
        })
        .sum();
    assert!(scaled + 6 >= model.scale.width, "{:?}", model.segments);
    // No tick falls inside a fold.
    for s in &model.segments {
        if let Segment::Fold { x, width, .. } = *s {
            assert!(
                model.ticks.iter().all(|t| t.col < x || t.col >= x + width),
                "{:?} {:?}",
                model.ticks,
                model.segments
            );
        }
    }
}

/// Zooming in on the event just after a fold unfolds it: the window no longer holds the
/// whole gap, and what it shows of it is drawn to scale.
#[test]
fn zooming_into_a_fold_unfolds_it() {
    let mut app = app(BUILT_IN, 120, 40);
    app.update(Action::Time(TimeAction::Toggle));
    assert_eq!(folds(&app.time().model.segments), [56]);
    // The first year after the gap (1919, 1921, then 1978).
    app.update(Action::FirstEvent);
    app.update(Action::NextYear);
    app.update(Action::NextYear);
    let id = app.selected_event().expect("a selection");
    assert!(app.timeline().event(id).date.year() > 1921);
    app.update(Action::Time(TimeAction::ZoomIn));
    assert!(folds(&app.time().model.segments).is_empty());
}

/// At 200 columns (and at 120 with `z`) the built-in timeline's seven eras are all named
/// whole at fit, the ongoing one with `→ now`, and no legend is needed.
#[test]
fn every_era_of_the_built_in_timeline_is_named_at_fit() {
    for (w, h, wide) in [(200, 60, false), (200, 60, true), (120, 40, true)] {
        let mut app = app(BUILT_IN, w, h);
        app.update(Action::Time(TimeAction::Toggle));
        if wide {
            app.update(Action::Time(TimeAction::FullWidth));
        }
        let model = &app.time().model;
        assert_eq!(app.timeline().eras.len(), 7);
        assert!(
            model.era_legend.is_empty(),
            "{w}×{h}: {:?}",
            model.era_legend
        );
        assert_eq!(model.era_labels.len(), 7, "{w}×{h}");
        let screen = crate::common::draw_screen(&app, w, h);
        let text: String = format!("{:?}", screen.backend());
        for era in &app.timeline().eras {
            assert!(text.contains(&era.name), "{w}×{h}: {}", era.name);
        }
        assert!(text.contains("Second Taliban emirate → now"));
    }
}

/// A fold's cells in a lane are taken but hold no event: an "others" lane of folds alone
/// is as empty as any, and gives its row to the next actor.
#[test]
fn a_lane_of_folds_alone_is_empty() {
    use afghan_timeline::tui::time::{FOLD_CUT, Kind, LaneKey};
    for height in 20..=40 {
        let mut app = app(BUILT_IN, 120, height);
        app.update(Action::Time(TimeAction::Toggle));
        app.update(Action::Time(TimeAction::FullWidth));
        for lane in &app.time().model.lanes {
            let shows = lane.cells.iter().any(|c| {
                !(c.kind == Kind::Empty || (c.kind == Kind::Bar && matches!(c.ch, ' ' | FOLD_CUT)))
            });
            assert!(
                shows || lane.key != LaneKey::Others,
                "an empty others lane at 120×{height}"
            );
        }
    }
}

/// On the built-in timeline, from fit and for 20 steps of `+`, the selection stays in the
/// middle of the lanes' width (its column, on the drawn layout) unless the timeline's edge
/// holds the view back; 20 steps of `-` bring the fit back.
#[test]
fn the_selection_stays_centred_for_20_zoom_steps() {
    use afghan_timeline::tui::time::axis::column_of;
    let mut app = app(BUILT_IN, 200, 60);
    app.update(Action::Time(TimeAction::Toggle));
    let fit = app.time().model.scale;
    // An event in 2001, well inside the timeline.
    while app
        .selected_event()
        .is_some_and(|id| app.timeline().event(id).date.year() < 2001)
    {
        app.update(Action::NextYear);
    }
    let id = app.selected_event().expect("a selection");
    let day = i64::from(app.index().first_day(id));
    for step in 0..20 {
        app.update(Action::Time(TimeAction::ZoomIn));
        let model = &app.time().model;
        let s = model.scale;
        let col = column_of(&model.segments, day).expect("shown");
        let at_edge = s.start <= fit.start || s.end() >= fit.end();
        assert!(
            col.abs_diff(s.width / 2) <= 1 || at_edge,
            "step {step}: column {col} of {}",
            s.width
        );
    }
    assert_eq!(app.time().model.scale.days_per_col(), 1, "down to a day");
    for _ in 0..20 {
        app.update(Action::Time(TimeAction::ZoomOut));
    }
    assert_eq!(app.time().model.scale, fit);
}

/// Where the time view has had to cut era names (80×24: one row of bands and a legend that
/// runs out of room itself), the help names every era in full: scrolled to its end, it
/// shows each one whole.
#[test]
fn where_names_are_cut_the_help_names_every_era() {
    let mut app = app(BUILT_IN, 80, 24);
    app.update(Action::Time(TimeAction::Toggle));
    let text = format!("{:?}", crate::common::draw_screen(&app, 80, 24).backend());
    let cut = app
        .timeline()
        .eras
        .iter()
        .filter(|e| !text.contains(&e.name))
        .count();
    assert!(cut > 0, "at 80×24 some era's name is cut or left out");
    app.update(Action::ToggleHelp);
    for _ in 0..500 {
        app.update(Action::HelpDown);
    }
    let help = format!("{:?}", crate::common::draw_screen(&app, 80, 24).backend());
    assert!(help.contains("Eras of this timeline"), "{help}");
    for era in &app.timeline().eras {
        assert!(help.contains(&era.name), "{} is not in the help", era.name);
    }
    assert!(help.contains("Second Taliban emirate → now"));
}
