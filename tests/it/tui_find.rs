//! Finding and orientation in the explorer (issue 10): highlights in the list rows and the
//! detail, `n`/`N`, date words, the `:` jump, readline prompts and paste, back and forward
//! (restoring a filter a link cleared), "Referenced by", the event's eras and the pinned
//! era header. Driven through `update`, drawn into `TestBackend` where it shows.

use afghan_timeline::load;
use afghan_timeline::query::Filter;
use afghan_timeline::tui::action::Action::{self, *};
use afghan_timeline::tui::action::Msg;
use afghan_timeline::tui::app::{App, Settings};
use afghan_timeline::tui::effect::Effect;
use afghan_timeline::tui::input;
use afghan_timeline::tui::mode::Mode;
use afghan_timeline::tui::prompt::Edit;
use afghan_timeline::tui::theme::Theme;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

use crate::common::{assert_consistent, deliver_search};

const SAMPLE: &str = include_str!("../fixtures/tui/sample.ron");

fn app_with(color: bool, async_from: usize, width: u16, height: u16) -> App {
    let timeline = load::parse(SAMPLE, "sample.ron").expect("the sample loads");
    let settings = Settings {
        theme: Theme { color },
        async_from,
        ..Settings::default()
    };
    let (mut app, _) = App::new(timeline, Filter::default(), settings);
    app.update(Resize { width, height });
    app
}

fn app() -> App {
    app_with(false, usize::MAX, 120, 40)
}

fn run(app: &mut App, actions: &[Action]) {
    for a in actions {
        app.update(*a);
        assert_consistent(app);
    }
}

fn type_query(app: &mut App, text: &str) {
    app.update(StartSearch);
    for c in text.chars() {
        app.update(Action::typed(c));
    }
}

fn selected_id(app: &App) -> String {
    app.timeline()
        .event(app.selected_event().expect("a selection"))
        .id
        .clone()
}

fn visible_ids(app: &App) -> Vec<String> {
    app.visible()
        .iter()
        .map(|id| app.timeline().event(*id).id.clone())
        .collect()
}

fn select(app: &mut App, id: &str) {
    app.update(FirstEvent);
    while selected_id(app) != id {
        let before = app.selected();
        app.update(NextEvent);
        assert_ne!(before, app.selected(), "{id} is not shown");
    }
}

fn draw(app: &App) -> Buffer {
    let size = app.size();
    let terminal = crate::common::draw_screen(app, size.width, size.height);
    terminal.backend().buffer().clone()
}

/// The cells of screen row `y` whose symbols spell `text`, starting at column `x`.
fn find_in_row(buf: &Buffer, y: u16, text: &str) -> Option<u16> {
    let row: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
    row.find(text)
        .map(|byte| u16::try_from(row[..byte].chars().count()).expect("fits"))
}

/// The first row holding `text` starting in columns `xs`, and the column it starts at.
fn find(buf: &Buffer, text: &str, xs: std::ops::Range<u16>) -> (u16, u16) {
    (0..buf.area.height)
        .find_map(|y| {
            find_in_row(buf, y, text)
                .filter(|x| xs.contains(x))
                .map(|x| (x, y))
        })
        .unwrap_or_else(|| panic!("{text:?} is not on screen"))
}

fn highlighted(buf: &Buffer, x: u16, y: u16, len: u16, color: bool) -> bool {
    (x..x + len).all(|x| {
        let style = buf[(x, y)].style();
        if color {
            style.bg == Some(Color::Indexed(178))
        } else {
            style
                .add_modifier
                .contains(Modifier::BOLD | Modifier::UNDERLINED)
        }
    })
}

/// The query's words are marked in the list row and in the detail pane: bold and underlined
/// without colour, a background with colour; the rest of the row is not.
#[test]
fn matches_are_highlighted_in_list_rows_and_the_detail() {
    for color in [false, true] {
        let mut app = app_with(color, usize::MAX, 120, 40);
        type_query(&mut app, "embassy");
        app.update(SearchKeep);
        assert_eq!(visible_ids(&app), ["embassy-opens", "embassy-attack"]);
        app.update(NextEvent);
        let buf = draw(&app);
        // The unselected row: "Embassy reopens" in the list (left pane).
        let list = app.areas().list;
        let in_list = list.x..list.right();
        let (x, y) = find(&buf, "Embassy reopens", in_list.clone());
        assert!(
            highlighted(&buf, x, y, 7, color),
            "colour {color}: list title"
        );
        assert!(
            !highlighted(&buf, x + 8, y, 7, color),
            "colour {color}: 'reopens'"
        );
        // The selected row keeps its own style around the match.
        let (x, y) = find(&buf, "Attack near the embassy", in_list);
        assert!(
            highlighted(&buf, x + 16, y, 7, color),
            "colour {color}: selected row"
        );
        assert!(!highlighted(&buf, x, y, 6, color));
        // The detail pane (right of the list): the summary's match.
        let (x, y) = find(&buf, "embassy", list.right()..buf.area.width);
        assert!(highlighted(&buf, x, y, 7, color), "colour {color}: detail");
        assert!(!app.detail_matches().is_empty());
    }
}

/// `n` scrolls the focused detail to the next line holding a match, `N` to the previous,
/// wrapping around; without a match it says so.
#[test]
fn n_and_shift_n_go_between_matches_in_the_detail() {
    let mut app = app_with(false, usize::MAX, 40, 12);
    select(&mut app, "war-starts");
    type_query(&mut app, "border");
    run(&mut app, &[SearchKeep, FocusDetail]);
    assert_eq!(selected_id(&app), "war-starts");
    let matches = app.detail_matches().to_vec();
    assert!(matches.len() >= 2, "{matches:?}");
    let height = usize::from(app.areas().detail_inner.height);
    let max = app.detail_line_count() - height;
    let shows = |app: &App, line: usize| {
        let top = app.detail_scroll();
        (top..top + height).contains(&line)
    };
    app.update(NextMatch);
    assert!(shows(&app, matches[0]));
    assert_eq!(app.detail_scroll(), matches[0].min(max));
    app.update(NextMatch);
    assert!(shows(&app, matches[1]));
    app.update(PrevMatch);
    assert!(shows(&app, matches[0]));
    app.update(PrevMatch);
    assert_eq!(app.flash(), Some("search wrapped"));
    assert!(shows(&app, *matches.last().expect("matches")));
    // The keys: n and N in the detail pane.
    let key = |c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    assert_eq!(input::action(&key('n'), Mode::Detail), Some(NextMatch));
    assert_eq!(input::action(&key('N'), Mode::Detail), Some(PrevMatch));
    // No match in this event.
    run(&mut app, &[FocusList, StartSearch, SearchClear]);
    run(&mut app, &[FocusDetail, NextMatch]);
    assert_eq!(app.flash(), Some("no query to find (/ types one)"));
}

/// Date words in the explorer: the one search engine, with the list following as typed,
/// including a word that grows into a date (`jun` → `jun 1954`).
#[test]
fn date_words_filter_the_explorer() {
    let mut app = app();
    type_query(&mut app, "1950");
    assert_eq!(visible_ids(&app), ["war-starts", "league-session"]);
    run(&mut app, &[SearchClear]);
    type_query(&mut app, "jun");
    let fresh = |app: &App| app.filter().apply(app.timeline());
    assert_eq!(app.visible(), fresh(&app));
    for c in " 1954".chars() {
        app.update(Action::typed(c));
        assert_consistent(&app);
    }
    assert_eq!(visible_ids(&app), ["war-starts", "armistice"]);
    // Highlighted words are the typed ones: a date word's text, as one phrase.
    assert_eq!(app.filter().words(), ["jun 1954"]);
    // The date column shows why an event matched a date word.
    let buf = draw(&app);
    let list = app.areas().list;
    let (x, y) = find(&buf, "1 Jun 1954", list.x..list.right());
    assert!(highlighted(&buf, x, y, 10, false), "the date is marked");
    let (x, y) = find(&buf, "Armistice ends", list.x..list.right());
    assert!(!highlighted(&buf, x, y, 9, false), "the title has no match");
}

fn jump(app: &mut App, date: &str) {
    app.update(StartJump);
    assert_eq!(app.mode(), Mode::Jump);
    for c in date.chars() {
        app.update(Edit(Edit::Insert(c)));
    }
    app.update(JumpGo);
}

/// `:` selects the first shown event on or after a date, is recorded in history, and
/// says so when the text is no date or nothing is shown after it.
#[test]
fn colon_jumps_to_a_date_and_back_returns() {
    let mut app = app();
    jump(&mut app, "1990");
    assert_eq!(selected_id(&app), "thaw-talks");
    assert_eq!(app.mode(), Mode::Browse);
    jump(&mut app, "feb 1999");
    assert_eq!(selected_id(&app), "cjk");
    jump(&mut app, "1999-01");
    assert_eq!(selected_id(&app), "pashto");
    assert_eq!(app.history_depth(), (3, 0));
    run(&mut app, &[HistoryBack]);
    assert_eq!(selected_id(&app), "cjk");
    run(&mut app, &[HistoryBack, HistoryBack]);
    assert_eq!(selected_id(&app), "founding");
    run(&mut app, &[HistoryBack]);
    assert_eq!(app.flash(), Some("nowhere to go back to"));
    run(&mut app, &[HistoryForward]);
    assert_eq!(selected_id(&app), "thaw-talks");
    // Not a date, and past the last event: a message, the selection stays.
    jump(&mut app, "soon");
    assert_eq!(
        app.flash(),
        Some("not a date: 'soon' (try 1989, 1989-02, feb 1989, 44 BCE, sh:1400-05 or asad 1400)")
    );
    jump(&mut app, "2030");
    assert_eq!(app.flash(), Some("no event shown on or after 2030"));
    assert_eq!(selected_id(&app), "thaw-talks");
    // The keys: `:` in the list; Backspace and Ctrl-o back, Ctrl-f forward.
    let key = |code, m| Event::Key(KeyEvent::new(code, m));
    let none = KeyModifiers::NONE;
    let ctrl = KeyModifiers::CONTROL;
    assert_eq!(
        input::action(&key(KeyCode::Char(':'), none), Mode::Browse),
        Some(StartJump)
    );
    for mode in [Mode::Browse, Mode::Detail] {
        assert_eq!(
            input::action(&key(KeyCode::Backspace, none), mode),
            Some(HistoryBack)
        );
        assert_eq!(
            input::action(&key(KeyCode::Char('o'), ctrl), mode),
            Some(HistoryBack)
        );
        assert_eq!(
            input::action(&key(KeyCode::Char('f'), ctrl), mode),
            Some(HistoryForward)
        );
    }
}

/// The search prompt edits like readline, through the keys the keymap gives, and a paste
/// lands at the cursor whole.
#[test]
fn the_prompt_edits_like_readline_and_takes_a_paste() {
    let mut app = app();
    type_query(&mut app, "border war");
    let key =
        |code, m| input::action(&Event::Key(KeyEvent::new(code, m)), Mode::Search).expect("bound");
    let (none, ctrl, alt) = (KeyModifiers::NONE, KeyModifiers::CONTROL, KeyModifiers::ALT);
    let steps: &[(Action, &str, usize)] = &[
        (key(KeyCode::Char('b'), alt), "border war", 7),
        (key(KeyCode::Left, none), "border war", 6),
        (key(KeyCode::Char('a'), ctrl), "border war", 0),
        (key(KeyCode::Char('f'), alt), "border war", 6),
        (key(KeyCode::Char('k'), ctrl), "border", 6),
        (key(KeyCode::Home, none), "border", 0),
        (key(KeyCode::Delete, none), "order", 0),
        (key(KeyCode::End, none), "order", 5),
        (key(KeyCode::Char('e'), ctrl), "order", 5),
        (key(KeyCode::Backspace, alt), "", 0),
    ];
    for (action, text, cursor) in steps {
        app.update(*action);
        assert_eq!(
            (app.prompt().text(), app.prompt().cursor()),
            (*text, *cursor),
            "{action:?}"
        );
        // The query follows the prompt as typed.
        assert_eq!(app.filter().query(), *text);
        assert_consistent(&app);
    }
    for c in "talks".chars() {
        app.update(Action::typed(c));
    }
    app.update(key(KeyCode::Home, none));
    app.update(Msg::Paste("quiet\n".to_owned()));
    assert_eq!(app.filter().query(), "quiet talks");
    assert_eq!(visible_ids(&app), ["thaw-talks"]);
    app.update(key(KeyCode::Char('u'), ctrl));
    assert_eq!(app.filter().query(), "talks");
    // At the `:` prompt too.
    run(&mut app, &[SearchKeep, StartJump]);
    app.update(Msg::Paste("1995".to_owned()));
    app.update(JumpGo);
    assert_eq!(visible_ids(&app), ["thaw-talks", "cjk"]);
    assert_eq!(selected_id(&app), "cjk");
}

/// Following a link hidden by the filter clears it; going back restores the filter, the
/// selection and the focus, and forward returns to the link's target.
#[test]
fn back_restores_the_filter_a_link_cleared() {
    let mut app = app();
    type_query(&mut app, "embassy");
    run(&mut app, &[SearchKeep]);
    select(&mut app, "embassy-opens");
    run(&mut app, &[FocusDetail, FollowRelated(1)]);
    assert_eq!(selected_id(&app), "founding");
    assert!(app.filter().query().is_empty());
    run(&mut app, &[HistoryBack]);
    assert_eq!(app.filter().query(), "embassy");
    assert_eq!(selected_id(&app), "embassy-opens");
    assert_eq!(app.mode(), Mode::Detail);
    assert_eq!(app.history_depth(), (0, 1));
    run(&mut app, &[HistoryForward]);
    assert_eq!(selected_id(&app), "founding");
    assert!(app.filter().query().is_empty());
}

/// `--select` is where the reader starts, not a jump (issue 25): back has nowhere to go
/// and says so, staying on the event.
#[test]
fn back_from_a_select_start_stays_where_it_started() {
    let timeline = load::parse(SAMPLE, "sample.ron").expect("the sample loads");
    let select = timeline.find_event("armistice");
    let (mut app, _) = App::new(
        timeline,
        Filter::default(),
        Settings {
            select,
            ..Settings::default()
        },
    );
    app.update(Resize {
        width: 80,
        height: 24,
    });
    assert_eq!(selected_id(&app), "armistice");
    run(&mut app, &[HistoryBack]);
    assert_eq!(selected_id(&app), "armistice");
    assert_eq!(app.flash(), Some("nowhere to go back to"));
}

/// On a timeline large enough for the worker, restoring a filter is a search job like any
/// other: the selection is made when its result arrives, and a stale result is dropped.
#[test]
fn back_through_the_worker_selects_when_the_result_arrives() {
    let mut app = app_with(false, 0, 120, 40);
    app.update(StartSearch);
    let mut job = None;
    for c in "embassy".chars() {
        if let Some(Effect::Search(j)) = app.update(Action::typed(c)) {
            job = Some(j);
        }
    }
    let job = job.expect("a search job");
    deliver_search(&mut app, &job);
    run(&mut app, &[SearchKeep]);
    assert_eq!(selected_id(&app), "embassy-opens");
    run(&mut app, &[FocusDetail, FollowRelated(1)]);
    assert_eq!(selected_id(&app), "founding");
    assert!(app.filter().query().is_empty());
    let Some(Effect::Search(back)) = app.update(HistoryBack) else {
        panic!("restoring a text filter is a search for the worker");
    };
    assert!(app.searching());
    // A stale result changes nothing.
    app.update(Msg::SearchResults {
        generation: back.generation - 1,
        matches: Vec::new(),
    });
    assert!(app.searching());
    deliver_search(&mut app, &back);
    assert!(!app.searching());
    assert_eq!(visible_ids(&app), ["embassy-opens", "embassy-attack"]);
    assert_eq!(selected_id(&app), "embassy-opens");
    assert_eq!(app.mode(), Mode::Detail);
}

/// "Referenced by" lists the events that name this one, numbered after its related events,
/// and the numbers follow them.
#[test]
fn referenced_by_is_listed_and_followable() {
    let mut app = app();
    select(&mut app, "founding");
    app.update(FocusDetail);
    let text: Vec<String> = app
        .detail_lines(app.areas().detail_inner.width)
        .expect("cached")
        .iter()
        .map(ToString::to_string)
        .collect();
    let at = text
        .iter()
        .position(|l| l == "Referenced by")
        .expect("a Referenced by heading");
    assert!(text[at + 1].starts_with("[1] 5 Sep 1995 · Embassy reopens"));
    assert!(text[at + 2].starts_with("[2] 3 Jul 2025 · Southland recognises"));
    run(&mut app, &[FollowRelated(2)]);
    assert_eq!(selected_id(&app), "recognition");
    run(&mut app, &[HistoryBack, FollowRelated(1)]);
    assert_eq!(selected_id(&app), "embassy-opens");
    run(&mut app, &[FollowRelated(3)]);
    assert_eq!(selected_id(&app), "recognition");
    run(&mut app, &[FollowRelated(5)]);
    assert_eq!(app.flash(), Some("no related event 5"));
}

/// The detail names the event's era(s); an event outside every era names none.
#[test]
fn the_detail_names_the_events_eras() {
    let mut app = app();
    let era_line = |app: &App| -> Option<String> {
        app.detail_lines(app.areas().detail_inner.width)
            .expect("cached")
            .iter()
            .map(ToString::to_string)
            .find(|l| l.starts_with("Era"))
    };
    select(&mut app, "league-session");
    assert_eq!(
        era_line(&app).as_deref(),
        Some("Era: Border War (1950–1954)")
    );
    select(&mut app, "cjk");
    assert_eq!(era_line(&app).as_deref(), Some("Era: The Thaw (1990–2001)"));
    select(&mut app, "embassy-attack");
    assert_eq!(era_line(&app), None);
}

/// When the list has scrolled past an era's header, the era's header stays pinned on its
/// first row, and the selection stays on screen below it.
#[test]
fn the_current_eras_header_is_pinned_at_the_top() {
    let mut app = app_with(false, usize::MAX, 120, 12);
    let mut pinned = 0;
    for _ in 0..app.visible().len() {
        app.update(NextEvent);
        assert_consistent(&app);
        let top = app.offset();
        if app.era_headers(top).count() > 0 {
            continue;
        }
        let Some(era) = app.current_era(top).map(|e| e.name.clone()) else {
            continue;
        };
        let buf = draw(&app);
        let first_row = app.areas().list_inner.y;
        assert!(
            find_in_row(&buf, first_row, &format!("── {era} ·")).is_some(),
            "{era} is not pinned above {}",
            app.timeline().event(app.visible()[top]).id
        );
        let date = app
            .timeline()
            .event(app.selected_event().expect("a selection"))
            .date
            .short();
        let list = app.areas().list_inner;
        assert!(
            (list.y..list.bottom()).any(|y| find_in_row(&buf, y, &date).is_some()),
            "the selection is off screen"
        );
        pinned += 1;
    }
    assert!(
        pinned > 0,
        "no state with a scrolled-away header was reached"
    );
}
