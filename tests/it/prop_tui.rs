//! Property tests of the explorer's state and views, with no terminal: random timelines
//! (valid by construction, written as RON and loaded like any file) and random action
//! sequences, resizes down to 0×0 included. `update` never panics and keeps its invariants
//! after every action; any state draws at any size from 1×1 to 300×100 without panicking,
//! and no cell of the screen holds a control character.

use afghan_timeline::load::{
    self, RawActor, RawActorKind, RawEra, RawEvent, RawSource, RawTimeline,
};
use afghan_timeline::model::{Date, Timeline};
use afghan_timeline::query::Filter;
use afghan_timeline::sanitize::is_dangerous;
use afghan_timeline::tui::action::{Action, TimeAction, WriteAction};
use afghan_timeline::tui::app::{App, Settings};
use afghan_timeline::tui::prompt::Edit;
use afghan_timeline::tui::theme::Theme;
use afghan_timeline::tui::view::Screen;
use proptest::prelude::*;

use crate::common::{assert_consistent, field, proptest_config};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

/// Characters of every width and of every kind a file may hold: ASCII, wide CJK and emoji,
/// combining and zero-width marks, right-to-left scripts, controls and bidi overrides.
fn any_char() -> impl Strategy<Value = char> {
    prop_oneof![
        6 => prop::char::range('a', 'z'),
        2 => Just(' '),
        1 => prop::sample::select(vec![
            '中', '文', '한', 'ｶ', '😀', '🇦', '\u{301}', '\u{200d}', '\u{200c}', '\u{200f}',
            '\u{fe0f}', 'د', 'پ', 'Ж', 'é', '…', '\u{2028}', '\u{a0}', '\u{212a}', 'İ', 'Σ',
            'Α', 'ß',
        ]),
        1 => prop::sample::select(vec![
            '\u{1b}', '\t', '\n', '\r', '\u{9b}', '\u{7f}', '\u{0}', '\u{7}', '\u{8}',
            '\u{85}', '\u{202e}', '\u{2066}',
        ]),
        1 => any::<char>(),
    ]
}

fn text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(any_char(), 0..max).prop_map(|v| v.into_iter().collect())
}

/// Titles, summaries and names must not be blank (nor only invisible characters).
fn non_blank(max: usize) -> impl Strategy<Value = String> {
    text(max).prop_map(|t| {
        if afghan_timeline::sanitize::is_blank(&t) {
            format!("x{t}")
        } else {
            t
        }
    })
}

/// A date that exists, as a file writes it. Few distinct years, so equal dates, equal
/// first days at different precisions and eras that begin at an event are common.
fn date_text() -> impl Strategy<Value = String> {
    let year = prop_oneof![4 => 1979..1984i32, 1 => 1..10_000i32];
    (
        year,
        1..=12u32,
        1..=31u32,
        0..3u8,
        prop::bool::weighted(0.2),
    )
        .prop_map(|(y, m, d, precision, approximate)| {
            let d = (1..=d)
                .rev()
                .find(|d| Date::ymd(y, m, *d).is_some())
                .unwrap_or(1);
            let tilde = if approximate { "~" } else { "" };
            match precision {
                0 => format!("{tilde}{y:04}"),
                1 => format!("{tilde}{y:04}-{m:02}"),
                _ => format!("{tilde}{y:04}-{m:02}-{d:02}"),
            }
        })
}

fn parse_date(text: &str) -> Date {
    text.parse().expect("generated dates exist")
}

/// `(start, end)` with the end not before the start.
fn ordered(a: String, b: String) -> (String, String) {
    if parse_date(&b).last_day() < parse_date(&a).first_day() {
        (b, a)
    } else {
        (a, b)
    }
}

#[derive(Clone, Debug)]
struct EventSpec {
    date: String,
    end: Option<String>,
    title: String,
    summary: String,
    detail: Option<String>,
    tags: Vec<String>,
    location: Option<String>,
    actors: Vec<usize>,
    related: Vec<usize>,
}

fn event_spec() -> impl Strategy<Value = EventSpec> {
    (
        (date_text(), prop::option::weighted(0.3, date_text())),
        (non_blank(40), non_blank(60)),
        prop::option::weighted(0.3, text(200)),
        prop::collection::vec("[a-z]{1,8}", 0..3),
        prop::option::weighted(0.3, text(20)),
        prop::collection::vec(any::<usize>(), 1..4),
        prop::collection::vec(any::<usize>(), 0..3),
    )
        .prop_map(
            |((date, end), (title, summary), detail, tags, location, actors, related)| {
                let (date, end) = match end {
                    Some(end) => {
                        let (date, end) = ordered(date, end);
                        (date, Some(end))
                    }
                    None => (date, None),
                };
                EventSpec {
                    date,
                    end,
                    title,
                    summary,
                    detail,
                    tags,
                    location,
                    actors,
                    related,
                }
            },
        )
}

/// The values in order, each once.
fn distinct(values: impl Iterator<Item = usize>) -> impl Iterator<Item = usize> {
    let mut seen = Vec::new();
    values.filter(move |v| {
        let new = !seen.contains(v);
        seen.push(*v);
        new
    })
}

/// Timelines from empty to a dozen events, with up to six actors and three eras (some
/// ongoing: without an end).
fn timeline() -> impl Strategy<Value = Timeline> {
    let actors =
        prop::collection::vec((non_blank(16), prop::collection::vec(text(10), 0..2)), 1..7);
    let eras = prop::collection::vec(
        (
            non_blank(20),
            date_text(),
            prop::option::weighted(0.7, date_text()),
        ),
        0..4,
    );
    let events = prop::collection::vec(event_spec(), 0..13);
    (non_blank(30), actors, eras, events).prop_map(|(title, actors, eras, events)| {
        let raw = RawTimeline {
            title,
            description: None,
            actors: actors
                .into_iter()
                .enumerate()
                .map(|(i, (name, aliases))| RawActor {
                    id: format!("actor-{i}"),
                    // No actor may answer to another's name or alias: mark each as its own.
                    name: format!("{name}~n{i}"),
                    kind: [
                        RawActorKind::State,
                        RawActorKind::Organization,
                        RawActorKind::Group,
                        RawActorKind::Person,
                    ][i % 4],
                    aliases: aliases
                        .into_iter()
                        .enumerate()
                        .map(|(j, alias)| format!("{alias}~a{i}-{j}"))
                        .collect(),
                })
                .collect(),
            eras: eras
                .into_iter()
                .enumerate()
                .map(|(i, (name, a, b))| {
                    let (start, end) = match b {
                        Some(b) => {
                            let (start, end) = ordered(a, b);
                            (start, Some(end))
                        }
                        None => (a, None),
                    };
                    RawEra {
                        id: format!("era-{i}"),
                        name,
                        start: field(&start),
                        end: end.as_deref().map(field),
                    }
                })
                .collect(),
            events: Vec::new(),
        };
        let n_actors = raw.actors.len();
        let n_events = events.len();
        let events = events
            .into_iter()
            .enumerate()
            .map(|(i, e)| RawEvent {
                fingerprint: afghan_timeline::model::Fingerprint::default(),
                id: format!("event-{i}"),
                date: field(&e.date),
                end: e.end.as_deref().map(field),
                title: e.title,
                summary: e.summary,
                detail: e.detail,
                date_note: None,
                // Each actor and related event once, and no event related to itself.
                actors: distinct(e.actors.iter().map(|a| a % n_actors))
                    .map(|a| field(&format!("actor-{a}")))
                    .collect(),
                tags: e.tags,
                location: e.location,
                sources: vec![RawSource {
                    publisher: "Wire".to_owned(),
                    title: "Report".to_owned(),
                    date: None,
                    url: Some("https://example.org/a".to_owned()),
                }],
                related: distinct(e.related.iter().map(|r| r % n_events))
                    .filter(|&r| r != i)
                    .map(|r| field(&format!("event-{r}")))
                    .collect(),
            })
            .collect();
        let raw = RawTimeline { events, ..raw };
        let text = load::options()
            .to_string(&raw)
            .expect("a raw timeline serializes");
        match load::parse(&text, "generated.ron") {
            Ok(timeline) => timeline,
            Err(e) => panic!("a generated timeline does not load:\n{e}\n{text}"),
        }
    })
}

/// Terminal sizes: mostly tiny (where layouts degenerate), sometimes anything up to
/// 300×100, and the edges themselves.
fn size() -> impl Strategy<Value = (u16, u16)> {
    prop_oneof![
        3 => (0..=8u16, 0..=8u16),
        2 => (15..=45u16, 4..=16u16),
        2 => (0..=300u16, 0..=100u16),
        1 => prop::sample::select(vec![(1, 1), (5, 2), (20, 6), (19, 6), (20, 5), (100, 12), (99, 11), (300, 100)]),
    ]
}

/// The random data an action may carry.
#[derive(Clone, Debug)]
struct Data {
    c: char,
    n: u8,
    row: u16,
    col: u16,
    down: bool,
    size: (u16, u16),
}

/// Every edit of a prompt; `edit_of` below has no `_` arm, so a new one does not compile
/// until it is listed here too.
const EDITS: [Edit; 13] = [
    Edit::Insert('x'),
    Edit::DeleteBack,
    Edit::DeleteForward,
    Edit::Left,
    Edit::Right,
    Edit::Home,
    Edit::End,
    Edit::WordLeft,
    Edit::WordRight,
    Edit::KillToStart,
    Edit::KillToEnd,
    Edit::KillWordBack,
    Edit::KillAlnumWordBack,
];

fn edit_of(d: &Data) -> Edit {
    match EDITS[usize::from(d.n) % EDITS.len()] {
        Edit::Insert(_) => Edit::Insert(d.c),
        e @ (Edit::DeleteBack
        | Edit::DeleteForward
        | Edit::Left
        | Edit::Right
        | Edit::Home
        | Edit::End
        | Edit::WordLeft
        | Edit::WordRight
        | Edit::KillToStart
        | Edit::KillToEnd
        | Edit::KillWordBack
        | Edit::KillAlnumWordBack) => e,
    }
}

/// Every time-view action, the same way.
const TIMES: [TimeAction; 8] = [
    TimeAction::Toggle,
    TimeAction::ZoomIn,
    TimeAction::ZoomOut,
    TimeAction::Fit,
    TimeAction::PanBack,
    TimeAction::PanForward,
    TimeAction::FullWidth,
    TimeAction::LaneOrder,
];

fn time_of(d: &Data) -> TimeAction {
    match TIMES[usize::from(d.n) % TIMES.len()] {
        t @ (TimeAction::Toggle
        | TimeAction::ZoomIn
        | TimeAction::ZoomOut
        | TimeAction::Fit
        | TimeAction::PanBack
        | TimeAction::PanForward
        | TimeAction::FullWidth
        | TimeAction::LaneOrder) => t,
    }
}

/// Every action of `w`, the same way.
const WRITES: [WriteAction; 5] = [
    WriteAction::Open,
    WriteAction::Go,
    WriteAction::Cancel,
    WriteAction::Replace,
    WriteAction::Keep,
];

fn write_of(d: &Data) -> WriteAction {
    match WRITES[usize::from(d.n) % WRITES.len()] {
        w @ (WriteAction::Open
        | WriteAction::Go
        | WriteAction::Cancel
        | WriteAction::Replace
        | WriteAction::Keep) => w,
    }
}

/// Writes the list of action kinds and the match that fills one in from one list: each
/// plain action once, each action with data once with its template, pattern and maker.
/// The match has no `_` arm, so a new `Action` variant does not compile until it is a row
/// here, and a row here is both a template and an arm: none can be generated and not be
/// handled, or handled and never generated.
macro_rules! generated_actions {
    ($d:ident; plain: [$($plain:ident),* $(,)?], with_data: [$($template:expr, $pat:pat => $made:expr;)*]) => {
        fn templates() -> Vec<Action> {
            vec![$(Action::$plain,)* $($template,)*]
        }

        fn varied(template: Action, $d: &Data) -> Action {
            match template {
                $(Action::$plain)|* => template,
                $($pat => $made,)*
            }
        }
    };
}

generated_actions! {
    d;
    plain: [
        NextEvent, PrevEvent, FirstEvent, LastEvent, HalfPageDown, PageDown, HalfPageUp,
        PageUp, NextYear, PrevYear, NextEra, PrevEra, StartSearch, SearchKeep, SearchClear,
        StartJump, JumpGo, JumpCancel, HistoryBack, HistoryForward, OpenActorFilter,
        ActorDown, ActorUp, ActorFirst, ActorLast, ActorToggle, ActorClearSelection,
        ActorSwitchMode, ActorExclude, ActorSwitchExact, ActorApply, ActorCancel, ClearFilters,
        OpenRange, RangeApply,
        RangeCancel, FocusDetail, FocusList, DetailDown, DetailUp, DetailPageDown,
        DetailPageUp, DetailTop, DetailBottom, NextMatch, PrevMatch, ToggleMark, MarkDown,
        UnmarkUp, Accept, Copy, CopyIds, OpenSource, ToggleZoom, ToggleStar, EditNote,
        EditTimeline, AddEvent, ToggleProblems, ProblemsDown, ProblemsUp, NextCalendar,
        ToggleHelp, HelpDown, HelpUp, Back, Quit, QuitNow,
        Suspend,
    ],
    with_data: [
        Action::CountDigit(0), Action::CountDigit(_) => Action::CountDigit(d.n % 10);
        Action::FollowRelated(0), Action::FollowRelated(_) => Action::FollowRelated(d.n % 10);
        Action::Wheel { row: 0, col: 0, down: true }, Action::Wheel { .. } => Action::Wheel { row: d.row, col: d.col, down: d.down };
        Action::Click { row: 0, col: 0 }, Action::Click { .. } => Action::Click { row: d.row, col: d.col };
        // The mouse dragged with the button held: over the time view it pans.
        Action::Drag { row: 0, col: 0 }, Action::Drag { .. } => Action::Drag { row: d.row, col: d.col };
        Action::Resize { width: 0, height: 0 }, Action::Resize { .. } => Action::Resize { width: d.size.0, height: d.size.1 };
        Action::Time(TimeAction::Toggle), Action::Time(_) => Action::Time(time_of(d));
        Action::typed('x'), Action::Edit(_) => Action::Edit(edit_of(d));
        Action::Write(WriteAction::Open), Action::Write(_) => Action::Write(write_of(d));
    ]
}

fn action() -> impl Strategy<Value = Action> {
    let data = (
        any_char(),
        any::<u8>(),
        0..110u16,
        0..310u16,
        any::<bool>(),
        size(),
    )
        .prop_map(|(c, n, row, col, down, size)| Data {
            c,
            n,
            row,
            col,
            down,
            size,
        });
    // Typing, resizing and the time view weigh more: prompts fill up, layouts degenerate,
    // and the time view's zoom and pan meet their bounds.
    let kind = prop_oneof![
        6 => prop::sample::select(templates()),
        3 => Just(Action::typed('x')),
        2 => Just(Action::Resize { width: 0, height: 0 }),
        3 => prop::sample::select(vec![
            Action::Time(TimeAction::Toggle),
            Action::Drag { row: 0, col: 0 },
            Action::Wheel { row: 0, col: 0, down: true },
        ]),
    ];
    (kind, data).prop_map(|(template, d)| varied(template, &d))
}

/// The time view's own invariants, when it is open: the scale is never finer than a day
/// per column; zoom and pan stay in bounds (the view always shows some of the span of the
/// events shown); and when an action moved the selection, the selected event is in view
/// (a pan may leave it behind, as a map's does).
fn assert_time_view(app: &App, moved: bool) {
    let time = app.time();
    if !time.open || app.list_rows() == 0 {
        return;
    }
    let scale = time.model.scale;
    assert!(scale.span >= i64::from(scale.width), "{scale:?}");
    let in_view = |id| {
        let (first, last) = (app.index().first_day(id), app.index().last_day(id));
        i64::from(first) < scale.end() && i64::from(last) >= scale.start
    };
    let days = |id| (app.index().first_day(id), app.index().last_day(id));
    if let (Some(&first), Some(_)) = (app.visible().first(), app.visible().last()) {
        let start = days(first).0;
        let end = app
            .visible()
            .iter()
            .map(|&id| days(id).1)
            .max()
            .unwrap_or(start);
        assert!(
            i64::from(start) < scale.end() && i64::from(end) >= scale.start,
            "the view ({scale:?}) left the events' span {start}–{end}"
        );
    }
    if moved
        && scale.width > 1
        && let Some(id) = app.selected_event()
    {
        assert!(
            in_view(id),
            "the selection {id:?} is out of view: {scale:?}"
        );
    }
}

/// A starting filter: none, or a query, an actor or a range.
fn filter(timeline: &Timeline, query: &str, actor: Option<usize>, from: Option<&str>) -> Filter {
    let mut filter = Filter::default();
    filter.set_query(query);
    if let Some(a) = actor
        && let Some(first) = timeline.actors.get(a % timeline.actors.len().max(1))
        && let Some(id) = timeline.find_actor(&first.id)
    {
        filter.actors.push(id);
    }
    filter.from = from.map(|d| parse_date(d).into());
    filter
}

/// Draws the whole screen at `width`×`height` and checks that no cell holds a control.
fn draw(app: &App, width: u16, height: u16) {
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::empty(area);
    Screen { app }.render(area, &mut buf);
    for (i, cell) in buf.content().iter().enumerate() {
        let bad = cell.symbol().chars().find(|c| is_dangerous(*c));
        assert!(
            bad.is_none(),
            "cell {i} of {width}×{height} holds {bad:?}: {:?}",
            cell.symbol()
        );
    }
}

proptest! {
    #![proptest_config(proptest_config(64))]

    #[test]
    fn update_keeps_the_invariants_after_every_action(
        timeline in timeline(),
        start in (text(4), prop::option::of(any::<usize>()), prop::option::weighted(0.2, date_text())),
        pick_mode in any::<bool>(),
        actions in prop::collection::vec(action(), 0..60),
    ) {
        let (query, actor, from) = start;
        let filter = filter(&timeline, &query, actor, from.as_deref());
        let mut app = App::new(timeline, filter, Settings { pick: pick_mode, ..Settings::default() }).0;
        assert_consistent(&app);
        for action in actions {
            let before = app.selected_event();
            app.update(action);
            assert_consistent(&app);
            assert_time_view(&app, app.selected_event() != before);
        }
    }

    #[test]
    fn any_state_draws_at_any_size(
        timeline in timeline(),
        actions in prop::collection::vec(action(), 0..30),
        sizes in prop::collection::vec((1..=300u16, 1..=100u16), 1..3),
        color in any::<bool>(),
    ) {
        let settings = Settings { theme: Theme { color }, ..Settings::default() };
        let mut app = App::new(timeline, Filter::default(), settings).0;
        for action in actions {
            app.update(action);
            // Small screens are cheap: draw those after every action, as the loop does.
            if app.size().width <= 40 && app.size().height <= 16 && app.size().area() > 0 {
                draw(&app, app.size().width, app.size().height);
            }
        }
        // Then the state as it is, at sizes that need not match the last resize (a frame
        // drawn just after the terminal changed size, before the Resize is read).
        if app.size().area() > 0 {
            draw(&app, app.size().width, app.size().height);
        }
        for (width, height) in sizes {
            draw(&app, width, height);
        }
    }
}

/// The two ends of the size range, on the same state, every mode.
#[test]
fn every_mode_draws_at_one_cell_and_at_300_by_100() {
    use Action::*;
    let sample = load::parse(include_str!("../fixtures/tui/sample.ron"), "sample.ron")
        .expect("sample loads");
    for setup in [
        &[][..],
        &[StartSearch, Action::typed('w')][..],
        &[OpenActorFilter, ActorDown][..],
        &[ToggleHelp][..],
        &[FocusDetail][..],
        &[LastEvent, ToggleMark][..],
    ] {
        for (width, height) in [(1, 1), (5, 2), (19, 5), (20, 6), (300, 100)] {
            let mut app = App::new(sample.clone(), Filter::default(), Settings::default()).0;
            app.update(Resize { width, height });
            for a in setup {
                app.update(*a);
            }
            assert_consistent(&app);
            draw(&app, width, height);
        }
    }
}

/// The problems overlay (a save that did not load) at the ends of the size range, and
/// while it scrolls: nothing panics, no control character reaches a cell.
#[test]
fn the_problems_overlay_draws_at_any_size() {
    use afghan_timeline::load::LoadError;
    let sample = load::parse(include_str!("../fixtures/tui/sample.ron"), "sample.ron")
        .expect("sample loads");
    let broken = load::parse(
        "(title: \"x\u{1b}[2J\", actors: [], events: [(id: 1)])",
        "my\u{202e}.ron",
    )
    .expect_err("a broken save");
    assert!(matches!(broken, LoadError::Invalid(_)));
    for (width, height) in [(1, 1), (5, 2), (19, 5), (20, 6), (80, 24), (300, 100)] {
        let mut app = App::new(sample.clone(), Filter::default(), Settings::default()).0;
        app.update(Action::Resize { width, height });
        app.update(afghan_timeline::tui::action::Msg::Reloaded(Err(Box::new(
            broken.clone(),
        ))));
        draw(&app, width, height);
        for action in [
            Action::ToggleProblems,
            Action::ProblemsDown,
            Action::ProblemsDown,
            Action::ProblemsUp,
        ] {
            app.update(action);
            assert_consistent(&app);
            draw(&app, width, height);
        }
    }
}

// Regressions: what the properties above found, as plain tests.

fn sample_app(width: u16, height: u16) -> App {
    let sample = load::parse(include_str!("../fixtures/tui/sample.ron"), "sample.ron")
        .expect("sample loads");
    let mut app = App::new(sample, Filter::default(), Settings::default()).0;
    app.update(Action::Resize { width, height });
    app
}

/// Ctrl-w after a word and a space that is more than one byte (a no-break space, as
/// Option-Space types on a Mac, or U+2028) must delete the word, not split the space.
#[test]
fn deleting_a_word_after_a_multibyte_space() {
    for space in ['\u{a0}', '\u{2028}', '\u{3000}'] {
        let mut app = sample_app(80, 24);
        app.update(Action::StartSearch);
        for c in ['w', 'a', 'r', space, 'x'] {
            app.update(Action::typed(c));
        }
        app.update(Action::Edit(
            afghan_timeline::tui::prompt::Edit::KillWordBack,
        ));
        assert_eq!(
            app.filter().query(),
            format!("war{space}"),
            "after {space:?}"
        );
        assert_consistent(&app);
    }
}

/// The terminal can shrink after the last Resize was read and before the next frame:
/// ratatui's draw then lays out at the new size, so the views must not assume the size
/// that `update` last saw.
#[test]
fn drawing_narrower_than_the_last_resize() {
    let app = sample_app(66, 6);
    for (width, height) in [(20, 20), (40, 12), (65, 6), (1, 1)] {
        draw(&app, width, height);
    }
}

/// Typing narrows the search to the previous matches, which is only right if every match
/// of the longer query matched the shorter one. Lower-casing is not always so: Greek
/// capital sigma lower-cases to a final sigma at the end of a word ("ΑΣ" → "ας") and to a
/// medial one inside it ("ΑΣΑ" → "ασα"). The incremental result must equal a fresh search.
#[test]
fn narrowing_search_agrees_with_a_fresh_search_for_final_sigma() {
    let text = r#"(title: "t", actors: [(id: "a", name: "A", kind: State)], events: [
        (id: "e", date: "1979", title: "ΑΣΑ", summary: "s", actors: ["a"], sources: [(publisher: "p", title: "t")]),
    ])"#;
    let timeline = load::parse(text, "sigma.ron").expect("loads");
    let mut app = App::new(timeline, Filter::default(), Settings::default()).0;
    app.update(Action::Resize {
        width: 80,
        height: 24,
    });
    app.update(Action::StartSearch);
    for c in "ΑΣΑ".chars() {
        app.update(Action::typed(c));
        assert_consistent(&app);
    }
    assert_eq!(app.visible().len(), 1, "\"ΑΣΑ\" finds the event titled ΑΣΑ");
}
