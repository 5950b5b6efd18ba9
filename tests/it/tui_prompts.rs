//! One prompt for every text input: the search, the `:` date, the `r` range and the actor
//! filter's text all edit alike (readline keys, a cursor, bracketed paste). Driven through
//! the keymap with real key events, as a terminal sends them, on the built-in timeline.

use afghan_timeline::load;
use afghan_timeline::query::Filter;
use afghan_timeline::tui::action::{Action, Msg};
use afghan_timeline::tui::app::{App, Settings};
use afghan_timeline::tui::input;
use afghan_timeline::tui::mode::Mode;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use crate::common::assert_consistent;

fn app() -> App {
    let timeline = load::parse(load::EMBEDDED, "timeline.ron").expect("the built-in loads");
    let mut app = App::new(timeline, Filter::default(), Settings::default()).0;
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    app
}

/// Presses a key as the terminal reports it, in whatever mode the app is in.
fn press(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    let event = Event::Key(KeyEvent::new(code, modifiers));
    if let Some(action) = input::action(&event, app.mode()) {
        app.update(action);
        assert_consistent(app);
    }
}

fn key(app: &mut App, c: char) {
    press(app, KeyCode::Char(c), KeyModifiers::NONE);
}

fn ctrl(app: &mut App, c: char) {
    press(app, KeyCode::Char(c), KeyModifiers::CONTROL);
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, c);
    }
}

/// The names of the actors the filter's overlay lists now.
fn shown_actors(app: &App) -> Vec<String> {
    app.actor_filter()
        .shown
        .iter()
        .map(|&i| app.timeline().actors[i].name.clone())
        .collect()
}

fn years(app: &App) -> (i32, i32) {
    let t = app.timeline();
    let first = t.event(*app.visible().first().expect("events shown"));
    let last = t.event(*app.visible().last().expect("events shown"));
    (first.date.year(), last.date.year())
}

#[test]
fn in_the_actor_filter_ctrl_u_clears_what_was_typed() {
    let mut app = app();
    key(&mut app, 'a');
    assert_eq!(app.mode(), Mode::Actors);
    type_text(&mut app, "kabul");
    let names = shown_actors(&app);
    assert!(names.iter().any(|n| n.contains("Kabulov")), "{names:?}");
    ctrl(&mut app, 'u');
    assert_eq!(app.prompt().text(), "");
    type_text(&mut app, "lavrov");
    let names = shown_actors(&app);
    assert!(names.iter().any(|n| n.contains("Lavrov")), "{names:?}");
    assert!(!names.iter().any(|n| n.contains("Kabulov")), "{names:?}");
    // Ctrl-w takes the word back, Ctrl-a and Ctrl-k the whole line.
    ctrl(&mut app, 'w');
    assert_eq!(app.prompt().text(), "");
    type_text(&mut app, "sergei lavrov");
    ctrl(&mut app, 'a');
    ctrl(&mut app, 'k');
    assert_eq!(app.prompt().text(), "");
    assert_eq!(
        app.actor_filter().shown.len(),
        app.actor_filter().chosen.len()
    );
}

#[test]
fn in_the_range_prompt_ctrl_u_then_a_new_range() {
    let mut app = app();
    key(&mut app, 'r');
    assert_eq!(app.mode(), Mode::Range);
    type_text(&mut app, "1979..1989");
    ctrl(&mut app, 'u');
    assert_eq!(app.prompt().text(), "");
    type_text(&mut app, "2001..2021");
    press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(app.mode(), Mode::Browse);
    let (first, last) = years(&app);
    assert!(first >= 2001 && last <= 2021, "{first}–{last}");
    assert!(app.visible().len() > 3);
    // The prompt reopens holding the range as typed, the cursor at its end: Left moves it.
    key(&mut app, 'r');
    assert_eq!(app.prompt().text(), "2001..2021");
    press(&mut app, KeyCode::Left, KeyModifiers::NONE);
    press(&mut app, KeyCode::Backspace, KeyModifiers::NONE);
    assert_eq!(app.prompt().text(), "2001..201");
    assert_eq!(
        app.prompt().cursor(),
        "2001..20".len(),
        "before the last digit"
    );
}

#[test]
fn paste_reaches_the_range_prompt_and_the_actor_filter() {
    let mut app = app();
    key(&mut app, 'r');
    ctrl(&mut app, 'u');
    app.update(Msg::Paste("2021..\n2025".to_owned()));
    assert_eq!(
        app.prompt().text(),
        "2021.. 2025",
        "a line break pastes as a space"
    );
    ctrl(&mut app, 'u');
    app.update(Msg::Paste("2021..2025".to_owned()));
    press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    let (first, last) = years(&app);
    assert!(first >= 2021 && last <= 2025, "{first}–{last}");

    key(&mut app, 'a');
    app.update(Msg::Paste("lavrov".to_owned()));
    let names = shown_actors(&app);
    assert!(
        !names.is_empty() && names.iter().all(|n| n.contains("Lavrov")),
        "{names:?}"
    );
}
