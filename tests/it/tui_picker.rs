//! The picker of actors and tags through `App::update`: an actor required, excluded
//! (`−Northland` in the status line) or left alone, "exactly these" as a toggle, tags;
//! `c` and Esc cover them, and going back restores them.

use afghan_timeline::load;
use afghan_timeline::query::Filter;
use afghan_timeline::tui::action::Action::{self, *};
use afghan_timeline::tui::app::{App, Settings};
use afghan_timeline::tui::view::summary;

use crate::common::assert_consistent;

const SAMPLE: &str = include_str!("../fixtures/tui/sample.ron");

fn app() -> App {
    let timeline = load::parse(SAMPLE, "sample.ron").expect("the sample loads");
    let mut app = App::new(timeline, Filter::default(), Settings::default()).0;
    app.update(Resize {
        width: 120,
        height: 40,
    });
    app
}

fn run(app: &mut App, actions: &[Action]) {
    for a in actions {
        app.update(*a);
        assert_consistent(app);
    }
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::typed(c));
    }
}

fn visible_ids(app: &App) -> Vec<&str> {
    app.visible()
        .iter()
        .map(|id| app.timeline().event(*id).id.as_str())
        .collect()
}

#[test]
fn an_excluded_actor_leaves_its_events_out_and_shows_with_a_minus() {
    let mut app = app();
    // Ctrl-r on Northland, the first actor: excluded.
    run(&mut app, &[OpenActorFilter, ActorExclude, ActorApply]);
    assert_eq!(visible_ids(&app), ["pashto", "cjk"]);
    assert!(
        summary(&app).contains("actors: −Northland"),
        "{}",
        summary(&app)
    );
    // Ctrl-r again on it leaves it alone; Space requires it instead.
    run(&mut app, &[OpenActorFilter, ActorExclude, ActorApply]);
    assert_eq!(app.visible().len(), 10);
    run(
        &mut app,
        &[OpenActorFilter, ActorDown, ActorExclude, ActorApply],
    );
    assert_eq!(
        app.filter().excluded,
        [app.timeline().find_actor("south").unwrap()]
    );
    assert!(app.filter().actors.is_empty());
}

#[test]
fn exactly_these_is_a_toggle() {
    let mut app = app();
    run(
        &mut app,
        &[
            OpenActorFilter,
            ActorToggle,
            ActorToggle,
            ActorSwitchExact,
            ActorApply,
        ],
    );
    assert_eq!(visible_ids(&app), ["founding", "armistice"]);
    assert!(
        summary(&app).contains("actors: exactly Northland + Southland"),
        "{}",
        summary(&app)
    );
    // The picker opens with the toggle on; Shift-Tab turns it off.
    app.update(OpenActorFilter);
    assert!(app.actor_filter().exact);
    run(&mut app, &[ActorSwitchExact, ActorApply]);
    assert!(!app.filter().exact);
    // Any of Northland and Southland: all but the rebels' broadcast.
    assert_eq!(app.visible().len(), 9);
}

#[test]
fn tags_are_entries_of_the_picker_and_any_of_them_matches() {
    let mut app = app();
    app.update(OpenActorFilter);
    typed(&mut app, "treaty");
    // A tag cannot be excluded: Ctrl-r leaves it as it is.
    run(&mut app, &[ActorExclude]);
    assert_eq!(app.actor_filter().selected_count(), 0);
    run(&mut app, &[ActorToggle, ActorApply]);
    assert_eq!(visible_ids(&app), ["founding"]);
    app.update(OpenActorFilter);
    typed(&mut app, "security");
    run(&mut app, &[ActorToggle, ActorApply]);
    assert_eq!(visible_ids(&app), ["founding", "embassy-attack"]);
    assert!(
        summary(&app).contains("tags: security, treaty"),
        "{}",
        summary(&app)
    );
}

/// Northland excluded, Southland required, the `military` tag: the state the undo tests
/// start from.
fn sharply_filtered() -> App {
    let mut app = app();
    run(&mut app, &[OpenActorFilter, ActorExclude, ActorToggle]);
    typed(&mut app, "military");
    run(&mut app, &[ActorToggle, ActorApply]);
    assert_eq!(app.filter().actors.len(), 1);
    assert_eq!(app.filter().excluded.len(), 1);
    assert_eq!(app.filter().tags, ["military"]);
    app
}

#[test]
fn c_clears_the_actors_and_the_tags_and_says_so() {
    let mut app = sharply_filtered();
    run(&mut app, &[ClearFilters]);
    assert_eq!(app.flash(), Some("cleared: actors, tags"));
    assert_eq!(*app.filter(), Filter::default());
    assert_eq!(app.visible().len(), 10);
}

#[test]
fn esc_peels_the_actors_then_the_tags() {
    let mut app = sharply_filtered();
    run(&mut app, &[Back]);
    assert_eq!(app.flash(), Some("actor filter cleared"));
    assert!(app.filter().actors.is_empty() && app.filter().excluded.is_empty());
    assert_eq!(visible_ids(&app), ["war-starts"]);
    run(&mut app, &[Back]);
    assert_eq!(app.flash(), Some("tag filter cleared"));
    assert_eq!(*app.filter(), Filter::default());
}

#[test]
fn going_back_restores_the_sharper_filters() {
    let mut app = app();
    run(
        &mut app,
        &[
            OpenActorFilter,
            ActorToggle,
            ActorToggle,
            ActorSwitchExact,
            ActorApply,
        ],
    );
    let exact = app.filter().clone();
    // The armistice's related event, the war's start, has the rebels too: following the
    // link clears the filter.
    run(&mut app, &[NextEvent, FocusDetail, FollowRelated(1)]);
    assert_eq!(
        app.timeline()
            .event(app.visible()[app.selected()])
            .id
            .as_str(),
        "war-starts"
    );
    assert_eq!(*app.filter(), Filter::default());
    run(&mut app, &[HistoryBack]);
    assert_eq!(*app.filter(), exact);
    assert_eq!(visible_ids(&app), ["founding", "armistice"]);
    run(&mut app, &[HistoryForward]);
    assert_eq!(*app.filter(), Filter::default());
}
