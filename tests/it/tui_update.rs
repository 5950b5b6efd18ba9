//! `App::update` driven by action sequences, with no terminal: selection, scroll offset,
//! visible count, mode and outcome, including the edges (empty filter, last row, 1×1).

use afghan_timeline::load;
use afghan_timeline::model::EventId;
use afghan_timeline::query::{ActorMode, Filter};
use afghan_timeline::tui::action::Action::{self, *};
use afghan_timeline::tui::app::{App, Settings};
use afghan_timeline::tui::effect::{Effect, Exit};
use afghan_timeline::tui::mode::Mode;
use afghan_timeline::tui::prompt::Edit;

use crate::common::assert_consistent;

const SAMPLE: &str = include_str!("../fixtures/tui/sample.ron");

fn app_sized(pick_mode: bool, width: u16, height: u16) -> App {
    let timeline = load::parse(SAMPLE, "sample.ron").expect("the sample loads");
    let mut app = App::new(
        timeline,
        Filter::default(),
        Settings {
            pick: pick_mode,
            ..Settings::default()
        },
    )
    .0;
    app.update(Resize { width, height });
    app
}

fn app() -> App {
    app_sized(false, 120, 40)
}

fn run(app: &mut App, actions: &[Action]) {
    for a in actions {
        app.update(*a);
    }
}

fn selected_id(app: &App) -> &str {
    &app.timeline()
        .event(app.selected_event().expect("something is selected"))
        .id
}

fn type_query(app: &mut App, text: &str) {
    app.update(StartSearch);
    for c in text.chars() {
        app.update(Action::typed(c));
    }
}

#[test]
fn movement_table() {
    // (actions, expected selected index)
    let table: &[(&[Action], usize)] = &[
        (&[], 0),
        (&[NextEvent], 1),
        (&[NextEvent, NextEvent, PrevEvent], 1),
        (&[PrevEvent], 0),
        (&[LastEvent], 9),
        (&[LastEvent, NextEvent], 9),
        (&[LastEvent, FirstEvent], 0),
        (&[CountDigit(5), NextEvent], 5),
        (&[CountDigit(1), CountDigit(2), NextEvent], 9),
        (&[CountDigit(3), NextEvent, CountDigit(2), PrevEvent], 1),
        (&[CountDigit(0), NextEvent], 1),
        (&[NextYear], 1),
        (&[NextYear, NextYear], 3),
        (&[LastEvent, PrevYear], 8),
        (&[NextEra], 1),
        (&[NextEra, NextEra], 4),
        (&[NextEra, NextEra, PrevEra], 1),
        (&[PageDown], 9),
        (&[LastEvent, PageUp], 0),
    ];
    for (actions, expected) in table {
        let mut app = app();
        run(&mut app, actions);
        assert_eq!(app.selected(), *expected, "after {actions:?}");
        assert_consistent(&app);
    }
}

#[test]
fn half_and_full_pages_follow_the_list_height() {
    // 80×24: the list has a border and shares the body with the detail pane.
    let mut app = app_sized(false, 80, 24);
    let rows = app.list_rows();
    assert!(rows > 2 && rows < 10, "list rows {rows}");
    app.update(HalfPageDown);
    assert_eq!(app.selected(), rows / 2);
    app.update(HalfPageUp);
    assert_eq!(app.selected(), 0);
    app.update(PageDown);
    assert_eq!(app.selected(), rows);
    assert_consistent(&app);
}

#[test]
fn scrolling_keeps_the_selection_on_screen_in_a_short_list() {
    let mut app = app_sized(false, 80, 14);
    let rows = app.list_rows();
    assert!(rows >= 2, "list rows {rows}");
    for _ in 0..12 {
        app.update(NextEvent);
        assert_consistent(&app);
    }
    assert_eq!(app.selected(), 9);
    assert!(app.offset() > 0, "a short list must have scrolled");
    run(&mut app, &[FirstEvent]);
    assert_eq!(app.offset(), 0);
    assert_consistent(&app);
}

#[test]
fn search_filters_live_and_keeps_the_reader_in_place() {
    let mut app = app();
    run(&mut app, &[NextEvent, NextEvent, NextEvent]); // armistice, 1954
    assert_eq!(selected_id(&app), "armistice");
    type_query(&mut app, "embassy");
    assert_eq!(app.mode(), Mode::Search);
    assert_eq!(app.visible().len(), 2, "embassy-opens and embassy-attack");
    // armistice no longer matches: the nearest match at or after its date.
    assert_eq!(selected_id(&app), "embassy-opens");
    assert_consistent(&app);
    app.update(SearchKeep);
    assert_eq!(app.mode(), Mode::Browse);
    assert_eq!(app.filter().query(), "embassy");

    // Narrowing further keeps the same event while it still matches.
    app.update(NextEvent);
    assert_eq!(selected_id(&app), "embassy-attack");
    type_query(&mut app, " attack");
    assert_eq!(selected_id(&app), "embassy-attack");
    assert_eq!(app.visible().len(), 1);

    // Clearing brings everything back and stays on the same event.
    app.update(SearchClear);
    assert_eq!(app.mode(), Mode::Browse);
    assert_eq!(app.visible().len(), 10);
    assert_eq!(selected_id(&app), "embassy-attack");
    assert_consistent(&app);
}

#[test]
fn search_with_no_later_match_lands_on_the_last_match() {
    let mut app = app();
    run(&mut app, &[LastEvent]);
    type_query(&mut app, "treaty");
    assert_eq!(selected_id(&app), "founding");
    assert_consistent(&app);
}

#[test]
fn search_matches_all_words_in_any_case_across_fields() {
    let mut app = app();
    type_query(&mut app, "PETROVA embassy"); // alias of an actor + a title word
    assert_eq!(app.visible().len(), 1);
    assert_eq!(selected_id(&app), "embassy-opens");
    app.update(Action::Edit(Edit::DeleteBack));
    assert_eq!(app.filter().query(), "PETROVA embass");
    app.update(Action::Edit(Edit::KillWordBack));
    assert_eq!(app.filter().query(), "PETROVA ");
    assert_eq!(app.visible().len(), 3, "every event with Ana Petrova");
}

#[test]
fn empty_filter_is_safe_everywhere() {
    let mut app = app_sized(true, 120, 40);
    type_query(&mut app, "zzzz");
    app.update(SearchKeep);
    assert!(app.visible().is_empty());
    for a in [
        NextEvent,
        PrevEvent,
        LastEvent,
        FirstEvent,
        PageDown,
        HalfPageUp,
        NextYear,
        PrevYear,
        NextEra,
        PrevEra,
        ToggleMark,
        FocusDetail,
        DetailDown,
        CountDigit(3),
        FollowRelated(3),
    ] {
        app.update(a);
        assert_consistent(&app);
    }
    assert_eq!(app.mode(), Mode::Pick, "no detail to focus");
    assert_eq!(
        app.update(Accept),
        Some(Effect::Exit(Exit::Accept(Vec::new())))
    );
}

#[test]
fn escape_clears_the_query_then_never_quits() {
    let mut app = app();
    type_query(&mut app, "war");
    app.update(SearchKeep);
    let first = app.update(Back);
    assert_eq!(app.filter().query(), "");
    assert_eq!(app.visible().len(), 10);
    assert!(first.is_none());
    assert_eq!(app.flash(), Some("query cleared"));
    assert_eq!(app.update(Back), None, "nothing left: Esc does nothing");
    assert_eq!(app.mode(), Mode::Browse);
    assert_eq!(app.flash(), None);
}

#[test]
fn actor_picker_applies_only_on_enter() {
    let mut app = app();
    app.update(OpenActorFilter);
    assert_eq!(app.mode(), Mode::Actors);
    assert_eq!(
        app.actor_filter().counts[..5],
        [8, 5, 3, 3, 3],
        "events per actor, in declaration order"
    );
    run(&mut app, &[ActorDown, ActorToggle, ActorCancel]);
    assert_eq!(app.mode(), Mode::Browse);
    assert!(app.filter().actors.is_empty(), "cancel changes nothing");

    run(
        &mut app,
        &[
            OpenActorFilter,
            ActorDown,
            // Space moves on: the next toggle is two rows further with one move.
            ActorToggle,
            ActorDown,
            ActorToggle,
            ActorApply,
        ],
    );
    let names: Vec<&str> = app
        .filter()
        .actors
        .iter()
        .map(|a| app.timeline().actor(*a).id.as_str())
        .collect();
    assert_eq!(names, ["south", "rebels"]);
    assert_eq!(app.filter().actor_mode, ActorMode::Any);
    assert_eq!(app.visible().len(), 7);
    assert_consistent(&app);

    run(&mut app, &[OpenActorFilter, ActorSwitchMode, ActorApply]);
    assert_eq!(app.filter().actor_mode, ActorMode::All);
    assert_eq!(app.visible().len(), 1, "only the war has both");
    assert_eq!(selected_id(&app), "war-starts");
    assert_consistent(&app);
}

#[test]
fn picker_counts_follow_the_rest_of_the_filter() {
    let mut app = app();
    type_query(&mut app, "embassy");
    app.update(SearchKeep);
    app.update(OpenActorFilter);
    assert_eq!(app.actor_filter().counts[..5], [2, 0, 0, 1, 1]);
}

#[test]
fn accept_in_browse_mode_opens_the_detail() {
    let mut app = app();
    let effect = app.update(Accept);
    assert_eq!(app.mode(), Mode::Detail);
    assert!(effect.is_none());
    app.update(FocusList);
    assert_eq!(app.mode(), Mode::Browse);
}

#[test]
fn accept_in_pick_mode_returns_the_selection_or_the_marks_in_date_order() {
    let mut app = app_sized(true, 120, 40);
    app.update(NextEvent);
    assert_eq!(
        app.update(Accept),
        Some(Effect::Exit(Exit::Accept(vec![EventId(1)])))
    );

    let mut app = app_sized(true, 120, 40);
    run(
        &mut app,
        &[
            LastEvent, ToggleMark, FirstEvent, ToggleMark, ToggleMark, PrevEvent, ToggleMark,
        ],
    );
    // Marked 9, then 0 and 1 (marking moves on), then unmarked 1.
    assert_eq!(
        app.marked().iter().copied().collect::<Vec<_>>(),
        [EventId(0), EventId(9)]
    );
    assert_eq!(
        app.update(Accept),
        Some(Effect::Exit(Exit::Accept(vec![EventId(0), EventId(9)])))
    );
}

#[test]
fn quit_and_ctrl_c_quit_from_every_mode() {
    for setup in [
        &[][..],
        &[StartSearch][..],
        &[OpenActorFilter][..],
        &[ToggleHelp][..],
        &[FocusDetail][..],
    ] {
        let mut app = app();
        run(&mut app, setup);
        assert_eq!(
            app.update(Quit),
            Some(Effect::Exit(Exit::Quit)),
            "after {setup:?}"
        );
    }
}

#[test]
fn help_returns_to_the_mode_it_came_from() {
    let mut app = app();
    run(&mut app, &[FocusDetail, ToggleHelp]);
    assert_eq!(app.mode(), Mode::Help);
    app.update(ToggleHelp);
    assert_eq!(app.mode(), Mode::Detail);
}

#[test]
fn detail_scrolls_within_its_text_and_follows_related_events() {
    let mut app = app_sized(false, 80, 24);
    run(&mut app, &[NextEvent, FocusDetail]);
    assert_eq!(selected_id(&app), "war-starts");
    for _ in 0..200 {
        app.update(DetailDown);
    }
    let max = app.detail_scroll();
    assert!(max > 0, "the war's detail is longer than the pane");
    app.update(DetailDown);
    assert_eq!(app.detail_scroll(), max, "scrolling stops at the end");
    app.update(DetailUp);
    assert_eq!(app.detail_scroll(), max - 1);

    app.update(FollowRelated(1));
    assert_eq!(selected_id(&app), "armistice");
    assert_eq!(app.detail_scroll(), 0, "a new event starts at its top");
    app.update(FollowRelated(7));
    assert_eq!(selected_id(&app), "armistice", "no related event 7");
    assert!(app.flash().is_some_and(|f| f.contains('7')));
}

#[test]
fn following_a_hidden_related_event_clears_the_filter() {
    let mut app = app();
    type_query(&mut app, "recognises");
    run(&mut app, &[SearchKeep, FocusDetail, FollowRelated(1)]);
    assert_eq!(selected_id(&app), "founding");
    assert!(app.filter().is_empty());
    assert_consistent(&app);
}

#[test]
fn resizing_to_one_cell_and_back_keeps_the_selection() {
    let mut app = app();
    run(&mut app, &[CountDigit(7), NextEvent]);
    for (w, h) in [(1, 1), (5, 2), (19, 5), (20, 6), (300, 100), (80, 24)] {
        app.update(Resize {
            width: w,
            height: h,
        });
        assert_eq!(app.selected(), 7, "at {w}×{h}");
        assert_consistent(&app);
        run(&mut app, &[NextEvent, PrevEvent, DetailDown, HelpDown]);
    }
}

#[test]
fn clicks_select_rows_and_the_wheel_moves() {
    let mut app = app();
    let list = app.areas().list_inner;
    // Row 0 is the first event; the era header of the war sits on row 1.
    app.update(Click {
        row: list.y + 2,
        col: list.x + 3,
    });
    assert_eq!(selected_id(&app), "war-starts");
    app.update(Click {
        row: list.y + 1,
        col: list.x + 3,
    });
    assert_eq!(
        selected_id(&app),
        "war-starts",
        "a header row selects nothing"
    );
    app.update(Wheel {
        row: list.y,
        col: list.x,
        down: true,
    });
    assert_eq!(app.selected(), 4);
    let detail = app.areas().detail;
    app.update(Click {
        row: detail.y + 1,
        col: detail.x + 1,
    });
    assert_eq!(app.mode(), Mode::Detail);
}

/// Past `async_from` candidates a search goes to the worker: `update` returns a job, the
/// list keeps the last result and keeps responding, and only the current job's result is
/// taken.
#[test]
fn large_searches_leave_a_job_and_take_only_the_current_result() {
    use afghan_timeline::tui::action::Msg;
    let timeline = load::parse(SAMPLE, "sample.ron").expect("the sample loads");
    // Every text search is "large" here.
    let settings = Settings {
        async_from: 0,
        ..Settings::default()
    };
    let (mut app, first) = App::new(timeline, Filter::default(), settings);
    assert!(first.is_none(), "no query at start, no search");
    app.update(Resize {
        width: 120,
        height: 40,
    });
    let before = app.visible().to_vec();
    app.update(StartSearch);
    app.update(Action::typed('e'));
    let Some(Effect::Search(job)) = app.update(Action::typed('m')) else {
        panic!("a job for the worker");
    };
    assert!(app.searching());
    assert_eq!(job.generation, app.search_generation());
    assert_eq!(
        app.visible(),
        before,
        "the last result stays on screen while searching"
    );
    // Keys keep working while the search runs.
    app.update(NextEvent);
    assert_eq!(app.selected(), 1);
    assert!(afghan_timeline::tui::view::summary(&app).contains("searching…"));

    // A result for an older generation is ignored.
    let stale = Msg::SearchResults {
        generation: job.generation - 1,
        matches: Vec::new(),
    };
    app.update(stale);
    assert!(app.searching());
    assert_eq!(app.visible(), before);

    // Typing on narrows from what is shown, not from the unfinished search.
    let Some(Effect::Search(newer)) = app.update(Action::typed('b')) else {
        panic!("a newer job");
    };
    assert!(newer.generation > job.generation);
    let (shown, shown_filter) = newer.within.clone().expect("narrows the shown result");
    assert_eq!(shown, before);
    assert_eq!(shown_filter, Filter::default());
    // The first job's result, arriving late, is stale now.
    let late = job
        .run(app.timeline(), app.index(), &|| false)
        .expect("runs");
    app.update(Msg::SearchResults {
        generation: job.generation,
        matches: late,
    });
    assert_eq!(app.visible(), before);

    let matches = newer
        .run(app.timeline(), app.index(), &|| false)
        .expect("runs");
    assert_eq!(matches, app.filter().apply(app.timeline()));
    app.update(Msg::SearchResults {
        generation: newer.generation,
        matches,
    });
    assert!(!app.searching());
    assert_eq!(app.visible().len(), 2, "embassy-opens and embassy-attack");
    assert_eq!(app.shown(), app.filter());
    assert_consistent(&app);
}

/// The worker thread runs jobs and abandons stale ones.
#[test]
fn the_search_worker_returns_the_current_jobs_matches() {
    use afghan_timeline::tui::search::{SearchJob, Searcher};
    use std::time::{Duration, Instant};
    let app = app();
    let searcher = Searcher::start(app.timeline().clone(), app.index().clone());
    let job = |generation, query: &str| {
        let mut filter = Filter::default();
        filter.set_query(query);
        SearchJob {
            generation,
            filter,
            within: None,
        }
    };
    searcher.submit(job(1, "treaty"));
    searcher.submit(job(2, "embassy"));
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut got = None;
    while Instant::now() < deadline {
        if let Some((generation, matches)) = searcher.try_result() {
            if generation == 2 {
                got = Some(matches);
                break;
            }
            assert_eq!(generation, 1, "only submitted generations come back");
        }
        std::thread::yield_now();
    }
    let matches = got.expect("the current job's result arrives before the deadline");
    let mut expected = Filter::default();
    expected.set_query("embassy");
    assert_eq!(matches, expected.apply(app.timeline()));
}

/// A search that narrows the list under a selection near its end fills the list from
/// above instead of leaving the selection alone at the top of an empty pane.
#[test]
fn narrowing_near_the_end_keeps_the_list_full() {
    let mut app = app_sized(false, 80, 16);
    app.update(LastEvent);
    assert!(
        app.offset() > 1,
        "a short list scrolled to its end (offset {})",
        app.offset()
    );
    type_query(&mut app, "embassy"); // two events, both before the selection
    assert_eq!(app.visible().len(), 2);
    assert_eq!(selected_id(&app), "embassy-attack", "the last match");
    assert_eq!(app.offset(), 0, "both matches fit, so both are shown");
    assert_consistent(&app);
}

/// `/zzz` matches nothing for a moment; clearing it comes back to the same event.
#[test]
fn a_query_that_briefly_matches_nothing_keeps_the_selection() {
    let mut app = app();
    run(&mut app, &[NextEvent, NextEvent, NextEvent]);
    let before = selected_id(&app).to_owned();
    type_query(&mut app, "zzz");
    assert!(app.visible().is_empty());
    app.update(SearchClear);
    assert_eq!(selected_id(&app), before);
    // The same through Enter then Esc in the list.
    type_query(&mut app, "zzz");
    run(&mut app, &[SearchKeep, Back]);
    assert_eq!(app.filter().query(), "");
    assert_eq!(selected_id(&app), before);
}

/// With the index's text deferred (a large timeline: the loop builds it after the first
/// frame), the explorer starts at once, a search says "indexing…" until the text is there,
/// and the worker's job waits for it and then gives the same result as a full index.
#[test]
fn a_search_before_the_index_text_is_built_says_indexing_and_waits_for_it() {
    use afghan_timeline::tui::action::Msg;
    let timeline = load::parse(SAMPLE, "sample.ron").expect("the sample loads");
    let settings = Settings {
        async_from: 0,
        defer_index_text: true,
        ..Settings::default()
    };
    let (mut app, _) = App::new(timeline, Filter::default(), settings);
    app.update(Resize {
        width: 120,
        height: 40,
    });
    assert!(!app.index().text_ready());
    app.update(StartSearch);
    let Some(Effect::Search(job)) = app.update(Action::typed('e')) else {
        panic!("a job for the worker");
    };
    assert!(afghan_timeline::tui::view::summary(&app).contains("indexing…"));
    // The worker's wait ends when another thread fills the text in.
    let (timeline, index) = (app.timeline().clone(), app.index().clone());
    let matches = std::thread::scope(|s| {
        let search = s.spawn(|| job.run(&timeline, &index, &|| false));
        index.fill_text(&timeline);
        search.join().expect("the search thread")
    })
    .expect("runs");
    assert!(app.index().text_ready());
    assert_eq!(matches, app.filter().apply(app.timeline()));
    assert!(!matches.is_empty());
    app.update(Msg::SearchResults {
        generation: job.generation,
        matches,
    });
    assert!(!afghan_timeline::tui::view::summary(&app).contains("indexing…"));
}
