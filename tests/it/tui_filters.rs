//! Filters you can see and undo, through `App::update` with no terminal: `c` clears them
//! all, `Esc` peels them one at a time and never quits, the `r` range prompt, the position
//! and range in the status line, the actor picker that narrows as you type, and counts.

use afghan_timeline::load;
use afghan_timeline::query::{ActorMode, Filter};
use afghan_timeline::tui::action::Action::{self, *};
use afghan_timeline::tui::app::{App, Settings};
use afghan_timeline::tui::effect::{Effect, Exit};
use afghan_timeline::tui::mode::Mode;
use afghan_timeline::tui::prompt::Edit;
use afghan_timeline::tui::view::summary;

use crate::common::{assert_consistent, date};

const SAMPLE: &str = include_str!("../fixtures/tui/sample.ron");

fn app_with(pick: bool) -> App {
    let timeline = load::parse(SAMPLE, "sample.ron").expect("the sample loads");
    let settings = Settings {
        pick,
        ..Settings::default()
    };
    let mut app = App::new(timeline, Filter::default(), settings).0;
    app.update(Resize {
        width: 120,
        height: 40,
    });
    app
}

fn app() -> App {
    app_with(false)
}

fn run(app: &mut App, actions: &[Action]) {
    for a in actions {
        app.update(*a);
        assert_consistent(app);
    }
}

fn type_into(app: &mut App, open: Action, each: fn(char) -> Action, text: &str) {
    app.update(open);
    for c in text.chars() {
        app.update(each(c));
    }
}

/// Opens the range prompt, replaces what it holds with `text` and presses Enter.
fn set_range(app: &mut App, text: &str) -> Option<Effect> {
    app.update(OpenRange);
    app.update(Action::Edit(Edit::KillToStart));
    for c in text.chars() {
        app.update(Action::typed(c));
    }
    app.update(RangeApply)
}

fn visible_ids(app: &App) -> Vec<&str> {
    app.visible()
        .iter()
        .map(|id| app.timeline().event(*id).id.as_str())
        .collect()
}

fn actor_ids(app: &App) -> Vec<&str> {
    app.filter()
        .actors
        .iter()
        .map(|a| app.timeline().actor(*a).id.as_str())
        .collect()
}

fn picker_names(app: &App) -> Vec<&str> {
    app.actor_filter()
        .shown
        .iter()
        .map(|&i| {
            app.actor_filter()
                .tag(i)
                .unwrap_or_else(|| app.timeline().actors[i].name.as_str())
        })
        .collect()
}

/// Query, actor and range all set: the state the undo tests start from.
fn fully_filtered() -> App {
    let mut app = app();
    type_into(&mut app, StartSearch, Action::typed, "border");
    app.update(SearchKeep);
    run(
        &mut app,
        &[
            OpenActorFilter,
            ActorDown,
            ActorDown,
            ActorToggle,
            ActorApply,
        ],
    );
    set_range(&mut app, "1950..1954");
    assert_eq!(app.filter().query(), "border");
    assert_eq!(actor_ids(&app), ["league"]);
    assert_eq!(
        (app.filter().from, app.filter().to),
        (Some(date("1950").into()), Some(date("1954").into()))
    );
    app
}

#[test]
fn c_clears_every_filter_at_once_and_says_what_went() {
    let mut app = fully_filtered();
    assert!(app.visible().is_empty(), "all three together match nothing");
    assert_eq!(app.update(ClearFilters), None);
    assert!(app.filter().is_empty(), "{:?}", app.filter());
    assert_eq!(app.visible().len(), 10);
    assert_eq!(app.flash(), Some("cleared: query, actors, range"));
    assert_consistent(&app);
    app.update(ClearFilters);
    assert_eq!(app.flash(), Some("no filter to clear"));
}

#[test]
fn c_names_only_what_was_set() {
    let mut app = app();
    set_range(&mut app, "..1950");
    app.update(ClearFilters);
    assert_eq!(app.flash(), Some("cleared: range"));
    assert_eq!(app.visible().len(), 10);
}

#[test]
fn escape_peels_query_then_actors_then_range_and_never_quits() {
    let mut app = fully_filtered();
    let steps: &[(&str, usize)] = &[
        // Each step shows more: nothing, 1, 3, then all 10.
        ("query cleared", 1),
        ("actor filter cleared", 3),
        ("date range cleared", 10),
    ];
    for (flash, shown) in steps {
        assert_eq!(app.update(Back), None, "Esc never quits in browse mode");
        assert_eq!(app.flash(), Some(*flash));
        assert_eq!(app.visible().len(), *shown, "after {flash}");
        assert_eq!(app.mode(), Mode::Browse);
        assert_consistent(&app);
    }
    assert!(app.filter().is_empty());
    for _ in 0..3 {
        assert_eq!(app.update(Back), None, "nothing left: nothing happens");
        assert_eq!(app.flash(), None);
        assert_eq!(app.mode(), Mode::Browse);
    }
    assert_eq!(app.update(Quit), Some(Effect::Exit(Exit::Quit)), "q quits");
}

#[test]
fn escape_closes_what_is_open_before_touching_the_filter() {
    let mut app = fully_filtered();
    // A count being typed is the first thing Esc drops.
    run(&mut app, &[CountDigit(3), Back]);
    assert_eq!(app.count(), None);
    assert_eq!(
        app.filter().query(),
        "border",
        "the count went, not the query"
    );
    run(&mut app, &[ClearFilters, NextEvent]);
    assert_eq!(app.selected(), 1, "the dropped count does not apply later");
    let mut app = fully_filtered();
    // Open panes and prompts close without touching the filter.
    for (open, close) in [
        (OpenActorFilter, ActorCancel),
        (OpenRange, RangeCancel),
        (FocusDetail, FocusList),
        (ToggleHelp, ToggleHelp),
    ] {
        run(&mut app, &[open, close]);
        assert_eq!(app.mode(), Mode::Browse, "{open:?} then Esc");
        assert_eq!(app.filter().query(), "border");
        assert_eq!(actor_ids(&app), ["league"]);
    }
}

/// Pick mode's own list cancels on Esc (fzf); over its time view the list's Esc applies,
/// which peels the filter first and then cancels.
#[test]
fn escape_in_pick_mode_cancels_once_nothing_is_left() {
    let mut app = app_with(true);
    type_into(&mut app, StartSearch, Action::typed, "war");
    app.update(SearchKeep);
    assert_eq!(app.update(Back), None, "the query goes first");
    assert_eq!(app.update(Back), Some(Effect::Exit(Exit::Quit)));
}

#[test]
fn the_range_prompt_takes_the_forms_a_reader_types() {
    let table: &[(&str, &[&str], &str)] = &[
        (
            "1950..1954",
            &["war-starts", "league-session", "armistice"],
            "1950..1954",
        ),
        (
            "1999-01..",
            &["pashto", "cjk", "embassy-attack", "recognition"],
            "1999-01..",
        ),
        (
            "..1950",
            &["founding", "war-starts", "league-session"],
            "..1950",
        ),
        ("2001", &["cjk"], "2001"),
    ];
    for (typed, ids, label) in table {
        let mut app = app();
        assert_eq!(set_range(&mut app, typed), None);
        assert_eq!(app.mode(), Mode::Browse, "{typed}: the prompt closes");
        assert_eq!(visible_ids(&app), *ids, "{typed}");
        assert!(
            summary(&app).contains(&format!(" · {label}")),
            "{typed}: {:?} shows {label}",
            summary(&app)
        );
        assert_consistent(&app);
    }
}

#[test]
fn the_range_prompt_opens_with_the_range_and_empty_clears_it() {
    let mut app = app();
    set_range(&mut app, "1950..1954");
    app.update(OpenRange);
    assert_eq!(app.mode(), Mode::Range);
    assert_eq!(app.prompt().text(), "1950..1954", "ready to edit");
    run(
        &mut app,
        &[Action::Edit(Edit::DeleteBack), Action::typed('3')],
    );
    assert_eq!(app.prompt().text(), "1950..1953");
    run(&mut app, &[Action::Edit(Edit::KillToStart), RangeApply]);
    assert_eq!(app.mode(), Mode::Browse);
    assert_eq!((app.filter().from, app.filter().to), (None, None));
    assert_eq!(app.visible().len(), 10);
    assert_eq!(app.flash(), Some("date range cleared"));
    // Esc leaves the range as it was.
    set_range(&mut app, "..1950");
    type_into(&mut app, OpenRange, Action::typed, "99");
    app.update(RangeCancel);
    assert_eq!(app.filter().to, Some(date("1950").into()));
}

#[test]
fn a_bad_range_keeps_the_prompt_and_says_why() {
    let table: &[(&str, &str)] = &[
        (
            "19x9..",
            "'19x9' is not a date: write 1979, 1979-12, 1979-12-24, sh:1400-05 or asad 1400",
        ),
        (
            "sh:1400-12-30..",
            "day 30 does not exist in Hut 1400 SH, which has 29 days (it is not a leap year)",
        ),
        (
            "..sh:1400-13-01",
            "month 13 does not exist in the Solar Hijri calendar",
        ),
        ("1989..1979", "'1989' is after '1979'; swap them"),
        ("1989-13", "month 13 does not exist"),
        // The form the status line shows gets the form to type.
        ("1979–1989", "write a range with two dots: '1979..1989'"),
    ];
    for (typed, message) in table {
        let mut app = app();
        set_range(&mut app, "..1950");
        assert_eq!(set_range(&mut app, typed), None);
        assert_eq!(app.mode(), Mode::Range, "{typed}: still open to fix");
        let flash = app.flash().expect("a message");
        assert!(flash.contains(message), "{typed}: {flash:?}");
        assert_eq!(app.filter().to, Some(date("1950").into()), "unchanged");
        // Typing again clears the message; Esc leaves the old range.
        app.update(Action::typed('x'));
        assert_eq!(app.flash(), None);
        app.update(RangeCancel);
        assert_eq!(app.filter().to, Some(date("1950").into()));
    }
}

#[test]
fn the_status_line_shows_the_position_among_those_shown() {
    let mut app = app();
    assert!(
        summary(&app).starts_with("1/10 events"),
        "{}",
        summary(&app)
    );
    run(&mut app, &[NextEvent, NextEvent]);
    assert!(
        summary(&app).starts_with("3/10 events"),
        "{}",
        summary(&app)
    );
    set_range(&mut app, "1950..1954");
    assert!(
        // The selected event (the third) is the second of those in the range.
        summary(&app).starts_with("2/3 of 10 events · 1950..1954"),
        "{}",
        summary(&app)
    );
    run(&mut app, &[FirstEvent]);
    assert!(summary(&app).starts_with("1/3 of 10"), "{}", summary(&app));
    set_range(&mut app, "1800");
    assert!(summary(&app).starts_with("0/0 of 10 events · 1800"));
    // A count being typed shows, like vim's showcmd.
    set_range(&mut app, "");
    run(&mut app, &[CountDigit(1), CountDigit(2)]);
    assert!(summary(&app).ends_with(" · count 12"), "{}", summary(&app));
}

#[test]
fn the_picker_narrows_as_you_type_by_name_id_or_alias() {
    let mut app = app();
    let table: &[(&str, &[&str])] = &[
        ("land", &["Northland", "Southland"]),
        ("LAND", &["Northland", "Southland"]),
        // An alias: "NL" is Northland's; no name contains "nl".
        ("nl", &["Northland"]),
        // An id: "ana" is Ana Petrova's id (and in her name).
        ("ana", &["Ana Petrova"]),
        ("petrova", &["Ana Petrova"]),
        // Every word must match, in any of the texts.
        ("hill rebels", &["Hill Rebels"]),
        ("zzz", &[]),
        // A tag, after the actors.
        ("treat", &["treaty"]),
        (
            "",
            &[
                "Northland",
                "Southland",
                "The League",
                "Hill Rebels",
                "Ana Petrova",
                "diplomacy",
                "military",
                "security",
                "treaty",
            ],
        ),
    ];
    for (typed, names) in table {
        app.update(ActorCancel);
        type_into(&mut app, OpenActorFilter, Action::typed, typed);
        assert_eq!(picker_names(&app), *names, "{typed:?}");
        assert_eq!(app.prompt().text(), *typed);
        assert_consistent(&app);
    }
}

#[test]
fn the_picker_keys() {
    let mut app = app();
    type_into(&mut app, OpenActorFilter, Action::typed, "land");
    // Space toggles and moves on: both shown actors with two presses.
    run(&mut app, &[ActorToggle, ActorToggle]);
    assert_eq!(app.actor_filter().selected_count(), 2);
    // Backspace widens the list again; the cursor stays on its actor.
    run(
        &mut app,
        &[
            Action::Edit(Edit::DeleteBack),
            Action::Edit(Edit::DeleteBack),
            Action::Edit(Edit::DeleteBack),
            Action::Edit(Edit::DeleteBack),
        ],
    );
    // Every entry again: the five actors, then the tags.
    let entries = app.actor_filter().chosen.len();
    assert_eq!(app.actor_filter().shown.len(), entries);
    assert_eq!(app.actor_filter().current(), Some(1), "still on Southland");
    run(&mut app, &[ActorLast]);
    assert_eq!(
        app.actor_filter().current(),
        Some(entries - 1),
        "End: the last tag"
    );
    run(&mut app, &[ActorDown]);
    assert_eq!(
        app.actor_filter().current(),
        Some(entries - 1),
        "no further"
    );
    run(&mut app, &[ActorFirst, ActorUp]);
    assert_eq!(app.actor_filter().current(), Some(0), "Home: the first");
    run(&mut app, &[ActorDown, ActorDown, ActorUp]);
    assert_eq!(app.actor_filter().current(), Some(1));
    // Ctrl-x unselects everything, Tab switches any/all, Enter applies.
    run(&mut app, &[ActorClearSelection]);
    assert_eq!(app.actor_filter().selected_count(), 0);
    run(&mut app, &[ActorToggle, ActorToggle, ActorToggle]);
    assert_eq!(app.actor_filter().current(), Some(4), "moved on after each");
    run(&mut app, &[ActorSwitchMode, ActorApply]);
    assert_eq!(app.mode(), Mode::Browse);
    assert_eq!(actor_ids(&app), ["south", "league", "rebels"]);
    assert_eq!(app.filter().actor_mode, ActorMode::All);
    // Esc cancels: nothing typed or toggled reaches the filter.
    type_into(&mut app, OpenActorFilter, Action::typed, "ana");
    run(&mut app, &[ActorToggle, ActorSwitchMode, ActorCancel]);
    assert_eq!(actor_ids(&app), ["south", "league", "rebels"]);
    assert_eq!(app.filter().actor_mode, ActorMode::All);
}

#[test]
fn a_narrowed_picker_keeps_the_hidden_selection() {
    let mut app = app();
    run(&mut app, &[OpenActorFilter, ActorToggle]);
    type_into(&mut app, OpenActorFilter, Action::typed, "");
    app.update(ActorCancel);
    run(&mut app, &[OpenActorFilter, ActorToggle]);
    for c in "rebels".chars() {
        app.update(Action::typed(c));
    }
    run(&mut app, &[ActorToggle, ActorApply]);
    assert_eq!(
        actor_ids(&app),
        ["north", "rebels"],
        "Northland stays selected"
    );
}

#[test]
fn counts_work_for_every_motion() {
    // (actions, expected selected index); the sample has 10 events, one a year or so.
    let table: &[(&[Action], usize)] = &[
        (&[CountDigit(1), CountDigit(0), LastEvent], 9),
        (&[CountDigit(3), LastEvent], 2),
        (&[CountDigit(9), CountDigit(9), LastEvent], 9),
        (&[LastEvent, CountDigit(4), FirstEvent], 3),
        (&[LastEvent, FirstEvent], 0),
        (&[CountDigit(3), NextEvent, CountDigit(2), PrevEvent], 1),
        // Years: 1921, 1950, 1950, 1954, ~1990, …; 2] skips 1950 and lands on 1954.
        (&[CountDigit(2), NextYear], 3),
        (&[LastEvent, CountDigit(2), PrevYear], 7),
        // Eras begin at 1950 (index 1) and 1990 (index 4).
        (&[CountDigit(2), NextEra], 4),
        (&[CountDigit(9), NextEra], 4),
        (&[LastEvent, CountDigit(2), PrevEra], 1),
    ];
    for (actions, expected) in table {
        let mut app = app();
        run(&mut app, actions);
        assert_eq!(app.selected(), *expected, "{actions:?}");
    }
}

#[test]
fn counts_multiply_pages() {
    let mut app = app();
    app.update(Resize {
        width: 80,
        height: 7,
    });
    let page = app.list_rows();
    assert!(page > 0 && page * 2 < 10, "a page of {page} rows");
    run(&mut app, &[CountDigit(2), PageDown]);
    assert_eq!(app.selected(), 2 * page);
    run(&mut app, &[CountDigit(2), PageUp]);
    assert_eq!(app.selected(), 0);
    run(&mut app, &[CountDigit(2), HalfPageDown]);
    assert_eq!(app.selected(), 2 * (page / 2).max(1));
}

#[test]
fn a_count_marks_that_many_and_moves_on() {
    let mut app = app();
    run(&mut app, &[NextEvent, CountDigit(3), ToggleMark]);
    let marked: Vec<usize> = app
        .marked()
        .iter()
        .map(|id| app.visible().binary_search(id).expect("shown"))
        .collect();
    assert_eq!(marked, [1, 2, 3]);
    assert_eq!(app.selected(), 4, "past the marked run");
    // Near the end a count marks what is left.
    run(&mut app, &[CountDigit(9), CountDigit(9), ToggleMark]);
    assert_eq!(app.marked().len(), 3 + 6);
}

/// Over the time view the filter keys work the same and give the time view back.
#[test]
fn the_filter_keys_return_to_the_time_view() {
    use afghan_timeline::tui::action::TimeAction;
    let mut app = app();
    app.update(Time(TimeAction::Toggle));
    assert_eq!(app.mode(), Mode::Time);
    set_range(&mut app, "1950..1954");
    assert_eq!(app.mode(), Mode::Time, "after the range prompt");
    assert_eq!(app.visible().len(), 3);
    run(&mut app, &[OpenActorFilter, ActorToggle, ActorApply]);
    assert_eq!(app.mode(), Mode::Time, "after the picker");
    assert_eq!(actor_ids(&app), ["north"]);
    assert_eq!(app.update(Back), None);
    assert_eq!(app.flash(), Some("actor filter cleared"));
    assert_eq!(app.mode(), Mode::Time);
    app.update(ClearFilters);
    assert_eq!(app.flash(), Some("cleared: range"));
    assert_eq!(app.visible().len(), 10);
    assert_eq!(
        app.update(Back),
        None,
        "Esc never quits the time view either"
    );
    assert_eq!(app.mode(), Mode::Time);
}
