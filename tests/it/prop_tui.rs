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
use afghan_timeline::tui::action::Action;
use afghan_timeline::tui::app::{App, Settings};
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

fn action() -> impl Strategy<Value = Action> {
    use Action::*;
    use afghan_timeline::tui::prompt::Edit;
    let plain = prop::sample::select(vec![
        NextEvent,
        PrevEvent,
        FirstEvent,
        LastEvent,
        HalfPageDown,
        PageDown,
        HalfPageUp,
        PageUp,
        NextYear,
        PrevYear,
        NextEra,
        PrevEra,
        StartSearch,
        SearchBackspace,
        SearchDeleteWord,
        SearchKeep,
        SearchClear,
        OpenActorPicker,
        PickerDown,
        PickerUp,
        PickerToggle,
        PickerSwitchMode,
        PickerApply,
        PickerCancel,
        PickerFirst,
        PickerLast,
        PickerBackspace,
        PickerClearSelection,
        ClearFilters,
        OpenRange,
        RangeBackspace,
        RangeClearLine,
        RangeApply,
        RangeCancel,
        FocusDetail,
        FocusList,
        DetailDown,
        DetailUp,
        DetailPageDown,
        DetailPageUp,
        ToggleMark,
        MarkDown,
        UnmarkUp,
        Copy,
        CopyIds,
        OpenSource,
        ToggleZoom,
        Accept,
        ToggleHelp,
        HelpDown,
        HelpUp,
        Back,
        Quit,
        QuitNow,
        Suspend,
        StartJump,
        JumpGo,
        JumpCancel,
        HistoryBack,
        HistoryForward,
        NextMatch,
        PrevMatch,
        Edit(Edit::Left),
        Edit(Edit::Right),
        Edit(Edit::Home),
        Edit(Edit::End),
        Edit(Edit::WordLeft),
        Edit(Edit::WordRight),
        Edit(Edit::KillToStart),
        Edit(Edit::KillToEnd),
        Edit(Edit::KillWordBack),
        Edit(Edit::KillAlnumWordBack),
        Edit(Edit::DeleteBack),
        Edit(Edit::DeleteForward),
    ]);
    prop_oneof![
        8 => plain,
        3 => (0..=9u8).prop_map(CountDigit),
        2 => (0..=9u8).prop_map(FollowRelated),
        3 => any_char().prop_map(SearchType),
        1 => any_char().prop_map(|c| Edit(Edit::Insert(c))),
        2 => any_char().prop_map(PickerType),
        2 => prop::sample::select(vec!['1', '9', '.', '-', '0', '2', 'x']).prop_map(RangeType),
        1 => (0..110u16, 0..310u16, any::<bool>()).prop_map(|(row, col, down)| Wheel { row, col, down }),
        2 => (0..110u16, 0..310u16).prop_map(|(row, col)| Click { row, col }),
        3 => size().prop_map(|(width, height)| Resize { width, height }),
    ]
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
    filter.from = from.map(parse_date);
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
            app.update(action);
            assert_consistent(&app);
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
        &[StartSearch, SearchType('w')][..],
        &[OpenActorPicker, PickerDown][..],
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
            app.update(Action::SearchType(c));
        }
        app.update(Action::SearchDeleteWord);
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
        app.update(Action::SearchType(c));
        assert_consistent(&app);
    }
    assert_eq!(app.visible().len(), 1, "\"ΑΣΑ\" finds the event titled ΑΣΑ");
}
