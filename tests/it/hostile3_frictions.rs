//! Issue 25, the newcomer's frictions: each a small thing that read wrong or did the
//! unexpected, driven through `App::update` and drawn into a test terminal.

use afghan_timeline::tui::action::Action::{self, *};
use afghan_timeline::tui::app::App;
use afghan_timeline::tui::input;
use afghan_timeline::tui::mode::Mode;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use crate::common::{colourless_app, draw_screen, run};

fn sample(width: u16, height: u16, actions: &[Action]) -> App {
    let text = std::fs::read_to_string(crate::common::fixture("tui/sample.ron")).expect("read");
    colourless_app(&text, "sample.ron", width, height, actions)
}

fn selected(app: &App) -> String {
    let id = app.selected_event().expect("an event");
    app.timeline().event(id).id.clone()
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::typed(c));
    }
}

fn screen(app: &App, width: u16, height: u16) -> Vec<String> {
    let terminal = draw_screen(app, width, height);
    let buf = terminal.backend().buffer();
    (0..height)
        .map(|y| (0..width).map(|x| buf[(x, y)].symbol()).collect())
        .collect()
}

/// `c` after a filter that moved the selection stays on the event the filter took the
/// reader to (it still matches once the filter is cleared), not the one before it.
#[test]
fn c_keeps_the_event_a_filter_moved_to() {
    let mut app = sample(120, 40, &[]);
    assert_eq!(selected(&app), "founding");
    app.update(StartSearch);
    typed(&mut app, "armistice");
    app.update(SearchKeep);
    assert_eq!(selected(&app), "armistice");
    app.update(ClearFilters);
    assert_eq!(app.visible().len(), app.timeline().events.len());
    assert_eq!(
        selected(&app),
        "armistice",
        "c went back to the first event"
    );
}

/// In the detail, `G`/`End` go to the end and `g`/`Home` to the top.
#[test]
fn g_and_shift_g_scroll_the_detail_to_its_ends() {
    let mut app = sample(80, 16, &[]);
    app.update(NextEvent);
    app.update(FocusDetail);
    assert_eq!(app.mode(), Mode::Detail);
    let before = selected(&app);
    app.update(DetailBottom);
    assert!(app.detail_scroll() > 0, "the end is below the first page");
    let end = app.detail_scroll();
    app.update(DetailDown);
    assert_eq!(app.detail_scroll(), end, "nothing past the end");
    app.update(DetailTop);
    assert_eq!(app.detail_scroll(), 0);
    assert_eq!(selected(&app), before, "the selection did not move");
    // Through the keymap, as a terminal sends them.
    let key = |code| Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
    for (code, action) in [
        (KeyCode::Char('G'), DetailBottom),
        (KeyCode::End, DetailBottom),
        (KeyCode::Char('g'), DetailTop),
        (KeyCode::Home, DetailTop),
    ] {
        assert_eq!(
            input::action(&key(code), Mode::Detail),
            Some(action),
            "{code:?}"
        );
    }
}

/// After Backspace then Ctrl-f, the status says what happened to the filter: following a
/// link the filter hides clears it; back restores it; forward clears it again, and says so.
#[test]
fn going_forward_to_no_filter_says_cleared() {
    let mut app = sample(120, 40, &[]);
    app.update(StartSearch);
    typed(&mut app, "armistice");
    app.update(SearchKeep);
    assert_eq!(selected(&app), "armistice");
    app.update(FocusDetail);
    app.update(FollowRelated(1));
    assert_eq!(selected(&app), "war-starts");
    assert!(
        app.filter().query().is_empty(),
        "the hidden link cleared the filter"
    );
    app.update(HistoryBack);
    assert_eq!(app.filter().query(), "armistice");
    assert_eq!(app.flash(), Some("filter restored"));
    app.update(HistoryForward);
    assert!(app.filter().query().is_empty());
    assert_eq!(app.flash(), Some("filter cleared"));
}

/// `--select` is where the reader starts: Backspace has nowhere to go.
#[test]
fn back_after_select_stays() {
    let text = std::fs::read_to_string(crate::common::fixture("tui/sample.ron")).expect("read");
    let timeline = afghan_timeline::load::parse(&text, "sample.ron").expect("loads");
    let settings = afghan_timeline::tui::app::Settings {
        select: timeline.find_event("recognition"),
        ..Default::default()
    };
    let (mut app, _) = App::new(
        timeline,
        afghan_timeline::query::Filter::default(),
        settings,
    );
    app.update(Resize {
        width: 120,
        height: 40,
    });
    app.update(HistoryBack);
    assert_eq!(selected(&app), "recognition");
}

/// Selected actors that the picker's typed text hides are named beside the count.
#[test]
fn the_picker_names_selected_actors_it_hides() {
    let mut app = sample(120, 40, &[OpenActorFilter]);
    app.update(ActorToggle); // Northland
    app.update(ActorToggle); // Southland
    typed(&mut app, "league");
    let rows = screen(&app, 120, 40);
    let row = rows
        .iter()
        .find(|r| r.contains("> league"))
        .expect("the picker's query row");
    assert!(
        row.contains("2 selected, hidden: Northland, Southland"),
        "{row}"
    );
}

/// `list` that matches nothing is quiet on a pipe (a script reads the status, 1); at a
/// terminal it says so (`tests/pty/hostile3.rs`).
#[test]
fn list_matching_nothing_is_quiet_on_a_pipe() {
    let out = run(&["list", "--query", "zzzqqqxxx"]);
    out.code(1);
    assert_eq!(out.stderr, "");
}

/// The README's picker example writes Markdown into its `.md` file.
#[test]
fn the_readme_picks_markdown_into_a_markdown_file() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README");
    let examples: Vec<&str> = readme
        .lines()
        .filter(|l| l.contains("afghan-timeline") && l.contains(".md") && l.contains('>'))
        .filter(|l| !l.contains("export"))
        .collect();
    assert!(!examples.is_empty());
    for line in examples {
        assert!(line.contains("--format markdown"), "{line}");
    }
}

/// The detail's scroll position reads as a pager's (`top`, `45%`, `end`), not as a count
/// like the status line's `1/70`.
#[test]
fn the_detail_position_is_not_a_count() {
    let mut app = sample(80, 16, &[NextEvent, FocusDetail]);
    let title = |app: &App| {
        screen(app, 80, 16)
            .into_iter()
            .find(|r| r.contains("Detail"))
            .expect("the detail's border")
    };
    assert!(title(&app).contains(" top "), "{}", title(&app));
    app.update(DetailDown);
    let middle = title(&app);
    assert!(middle.contains("% "), "{middle}");
    assert!(!middle.contains('/'), "{middle}");
    app.update(DetailBottom);
    assert!(title(&app).contains(" end "), "{}", title(&app));
}

/// At 120 columns the list has the width for a 40-character title; the detail keeps 46.
#[test]
fn the_list_gets_the_width_the_detail_does_not_need() {
    let app = sample(120, 40, &[]);
    let areas = app.areas();
    assert!(areas.detail.width >= 46, "{areas:?}");
    assert!(areas.list.width >= 74, "{areas:?}");
    let rows = screen(&app, 120, 40);
    assert!(
        rows.iter()
            .any(|r| r.contains("Southland recognises the new government")),
        "{rows:#?}"
    );
}

/// `?` shows the current mode's keys first; in browse mode pick mode's come last, off the
/// first screen at 120×40.
#[test]
fn help_shows_the_current_modes_keys_first() {
    let app = sample(120, 40, &[ToggleHelp]);
    let rows = screen(&app, 120, 40);
    assert!(rows[1].starts_with("│List "), "{}", rows[1]);
    assert!(
        !rows.iter().any(|r| r.contains("Pick mode (stdout")),
        "{rows:#?}"
    );
    let app = sample(120, 40, &[FocusDetail, ToggleHelp]);
    let rows = screen(&app, 120, 40);
    assert!(rows[1].starts_with("│Detail pane "), "{}", rows[1]);
}

/// `lasted 2 d` and `+9 y 1 m` never break between a number and its unit, at any width.
#[test]
fn a_number_keeps_its_unit_through_the_wrap() {
    use afghan_timeline::tui::detail_text::lines;
    use afghan_timeline::tui::links::Backlinks;
    let text = crate::common::timeline_of(&[
        ("first", "1950-01-01", None),
        ("long", "1979-12-24", Some("1989-02-15")),
    ]);
    let timeline = afghan_timeline::load::parse(&text, "units.ron").expect("loads");
    let backlinks = Backlinks::build(&timeline);
    let (long, first) = (timeline.find_event("long"), timeline.find_event("first"));
    let theme = afghan_timeline::tui::theme::Theme { color: false };
    for width in 12..=80u16 {
        let rows: Vec<String> = lines(
            &timeline,
            &backlinks,
            afghan_timeline::tui::detail_text::Shown {
                id: long.expect("there"),
                previous: first,
                note: None,
            },
            width,
            theme,
            afghan_timeline::model::calendar::DateStyle::default(),
        )
        .iter()
        .map(ToString::to_string)
        .collect();
        for pair in rows.windows(2) {
            let ends_in_number = pair[0].trim_end().ends_with(|c: char| c.is_ascii_digit());
            let unit = pair[1]
                .split_whitespace()
                .next()
                .is_some_and(|w| matches!(w, "d" | "m" | "y" | "d)" | "since"));
            assert!(!(ends_in_number && unit), "{width}: {pair:?}");
        }
        assert!(
            !rows.iter().any(|r| r.contains('\u{a0}')),
            "spaces on screen"
        );
    }
}

/// Every era of the built-in timeline has a colour of its own.
#[test]
fn eras_do_not_share_a_colour() {
    let timeline =
        afghan_timeline::load::parse(afghan_timeline::load::EMBEDDED, "built-in").expect("loads");
    let theme = afghan_timeline::tui::theme::Theme { color: true };
    let styles: Vec<_> = (0..timeline.eras.len()).map(|k| theme.era(k)).collect();
    for (a, style) in styles.iter().enumerate() {
        for (b, other) in styles.iter().enumerate().skip(a + 1) {
            assert_ne!(style, other, "eras {a} and {b} share a colour");
        }
    }
    // Neighbours in time never share one, however many eras there are.
    assert!((0..40).all(|k| theme.era(k) != theme.era(k + 1)));
}

/// With all of two actors required, the time view shows one lane for both (two would be the
/// same lane twice), named for both; and the axis sits on the pane's floor however few
/// lanes there are.
#[test]
fn the_time_view_joins_required_actors_and_floors_its_axis() {
    let mut app = sample(120, 40, &[OpenActorFilter]);
    app.update(ActorToggle); // Northland
    app.update(ActorToggle); // Southland
    app.update(ActorSwitchMode);
    app.update(ActorApply);
    app.update(Time(afghan_timeline::tui::action::TimeAction::Toggle));
    assert!(app.time_lanes_joined());
    let rows = screen(&app, 120, 40);
    let lanes: Vec<&String> = rows
        .iter()
        .filter(|r| r.starts_with("│Northland") || r.starts_with("│Southland"))
        .collect();
    assert_eq!(lanes.len(), 1, "{rows:#?}");
    assert!(lanes[0].starts_with("│Northland + S"), "{}", lanes[0]);
    // The axis's year labels are on the row above the border, at the bottom.
    let bottom = rows
        .iter()
        .rposition(|r| r.starts_with('╰'))
        .expect("the pane's bottom");
    let list_part = |r: &String| r.chars().take(70).collect::<String>();
    assert!(
        list_part(&rows[bottom - 1]).contains("1950"),
        "{:#?}",
        &rows[bottom - 3..=bottom]
    );
}
