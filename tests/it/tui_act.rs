//! Acting on events without leaving, and pick mode's keys, as `update` sequences: the
//! effects `update` returns (`Copy`, `Open`, `Exit`), what the status line says, the
//! zoomed layout, and the keymap's pick-mode table.

use std::collections::BTreeSet;

use afghan_timeline::load;
use afghan_timeline::model::{EventId, Timeline};
use afghan_timeline::output::{self, Format};
use afghan_timeline::query::Filter;
use afghan_timeline::tui::action::Action::{self, *};
use afghan_timeline::tui::action::Msg;
use afghan_timeline::tui::app::{App, Settings};
use afghan_timeline::tui::effect::{Effect, Exit};
use afghan_timeline::tui::keymap::{self, Key};
use afghan_timeline::tui::mode::Mode;
use afghan_timeline::tui::prompt::Edit as PromptEdit;

const SAMPLE: &str = include_str!("../fixtures/tui/sample.ron");

const SOURCES: &str = r#"(
    title: "Sources",
    actors: [(id: "tass", name: "Telegraph Agency", kind: Organization)],
    events: [
        (id: "two-addresses", date: "1950-01-02", title: "Two addresses", summary: "S.",
         actors: ["tass"],
         sources: [(publisher: "A", title: "No address"),
                   (publisher: "B", title: "First", url: "https://example.org/first"),
                   (publisher: "C", title: "Second", url: "http://example.org/second")]),
        (id: "no-address", date: "1951-01-02", title: "No address", summary: "S.",
         actors: ["tass"], sources: [(publisher: "A", title: "Paper only")]),
        (id: "local-file", date: "1952-01-02", title: "A local file", summary: "S.",
         actors: ["tass"], sources: [(publisher: "A", title: "Disk", url: "file:///etc/passwd")]),
    ],
)"#;

fn app_with(text: &str, settings: Settings, width: u16, height: u16) -> App {
    let timeline = load::parse(text, "test.ron").expect("the timeline loads");
    let mut app = App::new(timeline, Filter::default(), settings).0;
    app.update(Resize { width, height });
    app
}

fn sample(pick: bool) -> App {
    let settings = Settings {
        pick,
        ..Settings::default()
    };
    app_with(SAMPLE, settings, 120, 40)
}

fn formatted(timeline: &Timeline, events: &[EventId], format: Format) -> String {
    let mut out = Vec::new();
    output::write_events(&mut out, timeline, events, format).expect("formats");
    String::from_utf8(out).expect("UTF-8")
}

fn ids(app: &App, wanted: &[&str]) -> Vec<EventId> {
    wanted
        .iter()
        .map(|id| app.timeline().find_event(id).expect("a known id"))
        .collect()
}

#[test]
fn y_copies_the_selected_event_as_markdown_and_says_so() {
    let mut app = sample(false);
    app.update(NextEvent);
    let selected = app.selected_event().expect("selected");
    let expected = formatted(app.timeline(), &[selected], Format::Markdown);
    assert!(expected.starts_with('#'), "Markdown: {expected:?}");
    assert_eq!(app.update(Copy), Some(Effect::Copy(expected)));
    assert_eq!(app.flash(), Some("copied 1 event as Markdown"));
    // The next action clears the message; nothing else changed.
    app.update(NextEvent);
    assert_eq!(app.flash(), None);
}

#[test]
fn y_copies_the_marked_events_in_date_order_in_the_format_given() {
    let settings = Settings {
        copy_format: Format::Json,
        ..Settings::default()
    };
    let mut app = app_with(SAMPLE, settings, 120, 40);
    // Mark the fifth event, then the second: the copy is in date order all the same.
    app.update(CountDigit(4));
    app.update(NextEvent);
    app.update(ToggleMark);
    app.update(FirstEvent);
    app.update(NextEvent);
    app.update(ToggleMark);
    let marked: Vec<EventId> = app.marked().iter().copied().collect();
    assert_eq!(marked.len(), 2);
    assert_eq!(marked, ids(&app, &["war-starts", "thaw-talks"]));
    let json = formatted(app.timeline(), &marked, Format::Json);
    assert_eq!(json.lines().count(), 2);
    assert_eq!(app.update(Copy), Some(Effect::Copy(json)));
    assert_eq!(app.flash(), Some("copied 2 events as JSON"));
    assert_eq!(
        app.update(CopyIds),
        Some(Effect::Copy("war-starts\nthaw-talks\n".to_owned()))
    );
    assert_eq!(app.flash(), Some("copied 2 ids"));
}

#[test]
fn nothing_shown_nothing_copied() {
    let mut app = sample(false);
    app.update(StartSearch);
    for c in "zzzz".chars() {
        app.update(Action::typed(c));
    }
    app.update(SearchKeep);
    assert_eq!(app.update(Copy), None);
    assert!(
        app.flash()
            .is_some_and(|f| f.starts_with("nothing to copy"))
    );
}

#[test]
fn o_opens_the_first_web_address_and_2o_the_second() {
    let mut app = app_with(SOURCES, Settings::default(), 120, 40);
    assert_eq!(
        app.update(OpenSource),
        Some(Effect::Open("https://example.org/first".to_owned()))
    );
    assert_eq!(
        app.flash(),
        Some("opening source 1 of 2: https://example.org/first")
    );
    app.update(CountDigit(2));
    assert_eq!(
        app.update(OpenSource),
        Some(Effect::Open("http://example.org/second".to_owned()))
    );
    app.update(CountDigit(3));
    assert_eq!(app.update(OpenSource), None);
    assert_eq!(
        app.flash(),
        Some("this event's sources give 2 addresses, not 3")
    );
    // The detail pane has `o` too.
    app.update(FocusDetail);
    assert!(matches!(app.update(OpenSource), Some(Effect::Open(_))));
}

#[test]
fn o_without_an_address_or_with_a_local_one_says_so() {
    let mut app = app_with(SOURCES, Settings::default(), 120, 40);
    app.update(NextEvent);
    assert_eq!(app.update(OpenSource), None);
    assert_eq!(app.flash(), Some("this event's sources give no address"));
    app.update(NextEvent);
    assert_eq!(
        app.update(OpenSource),
        None,
        "no browser for a file: address"
    );
    assert_eq!(app.flash(), Some("not a web address: 'file:///etc/passwd'"));
}

#[test]
fn a_browser_that_cannot_start_is_a_status_message() {
    let mut app = sample(false);
    let before = app.selected_event();
    assert_eq!(
        app.update(Msg::Failed("could not start 'nope': not found".to_owned())),
        None
    );
    assert_eq!(app.flash(), Some("could not start 'nope': not found"));
    assert_eq!(app.selected_event(), before);
}

#[test]
fn the_first_q_with_marks_warns_and_the_second_quits() {
    let mut app = sample(false);
    assert_eq!(
        app.update(Quit),
        Some(Effect::Exit(Exit::Quit)),
        "without marks q quits at once"
    );
    app.update(ToggleMark);
    app.update(ToggleMark);
    app.update(ToggleMark);
    assert_eq!(app.update(Quit), None);
    assert_eq!(app.flash(), Some("3 marked — y copies them; q again quits"));
    assert_eq!(app.update(Quit), Some(Effect::Exit(Exit::Quit)));
    // Anything in between disarms it: the warning comes again.
    let mut app = sample(false);
    app.update(ToggleMark);
    assert_eq!(app.update(Quit), None);
    app.update(NextEvent);
    assert_eq!(app.update(Quit), None, "warned again after a move");
    assert_eq!(app.update(Quit), Some(Effect::Exit(Exit::Quit)));
    // Ctrl-c is an interrupt: it quits at once, marks or not.
    let mut app = sample(false);
    app.update(ToggleMark);
    assert_eq!(app.update(QuitNow), Some(Effect::Exit(Exit::Quit)));
    // In pick mode the marks are the answer: leaving is cancelling, at once.
    let mut pick = sample(true);
    pick.update(MarkDown);
    assert_eq!(pick.update(Quit), Some(Effect::Exit(Exit::Quit)));
}

#[test]
fn z_zooms_the_detail_over_the_screen_and_back() {
    let mut app = sample(false);
    let normal = app.areas();
    assert!(normal.list.area() > 0 && normal.axis.area() > 0);
    app.update(ToggleZoom);
    assert_eq!(app.mode(), Mode::Detail);
    assert!(app.zoomed());
    let zoomed = app.areas();
    assert_eq!(zoomed.list.area(), 0);
    assert_eq!(zoomed.axis.area(), 0);
    assert_eq!((zoomed.detail.width, zoomed.detail.height), (120, 39));
    assert_eq!(zoomed.status, normal.status, "the status line stays");
    // Help over the zoomed detail keeps it zoomed.
    app.update(ToggleHelp);
    app.update(ToggleHelp);
    assert!(app.zoomed());
    app.update(ToggleZoom);
    assert_eq!(app.mode(), Mode::Browse);
    assert!(!app.zoomed());
    assert_eq!(app.areas(), normal);
    // Leaving the detail another way unzooms too.
    app.update(ToggleZoom);
    app.update(FocusList);
    assert!(!app.zoomed());
    assert_eq!(app.areas(), normal);
}

#[test]
fn enter_opens_the_detail_zoomed_below_100_columns() {
    let mut wide = sample(false);
    wide.update(Accept);
    assert_eq!(wide.mode(), Mode::Detail);
    assert!(!wide.zoomed(), "beside the list at 120 columns");
    let mut narrow = app_with(SAMPLE, Settings::default(), 99, 40);
    narrow.update(Accept);
    assert_eq!(narrow.mode(), Mode::Detail);
    assert!(narrow.zoomed(), "zoomed at 99 columns");
    assert_eq!(narrow.areas().detail.width, 99);
    narrow.update(FocusList);
    assert_eq!(narrow.mode(), Mode::Browse);
    assert!(!narrow.zoomed());
}

#[test]
fn pick_mode_starts_at_the_prompt_and_typing_filters_at_once() {
    let mut app = sample(true);
    assert_eq!(app.mode(), Mode::Pick);
    let total = app.visible().len();
    for c in "embassy".chars() {
        app.update(Action::typed(c));
    }
    assert_eq!(app.filter().query(), "embassy");
    assert!(app.visible().len() < total && !app.visible().is_empty());
    assert_eq!(app.mode(), Mode::Pick, "still at the prompt");
    app.update(Action::Edit(PromptEdit::DeleteBack));
    assert_eq!(app.filter().query(), "embass");
}

/// Pick mode's prompt edits like readline, as fzf's does: the cursor moves and text goes
/// in where it stands.
#[test]
fn pick_mode_prompt_edits_like_readline() {
    use afghan_timeline::tui::prompt::Edit;
    let mut app = sample(true);
    for c in "embassy".chars() {
        app.update(Action::typed(c));
    }
    app.update(Edit(Edit::Home));
    app.update(Action::typed('x'));
    assert_eq!(app.filter().query(), "xembassy");
    app.update(Edit(Edit::End));
    app.update(Edit(Edit::KillToStart));
    assert_eq!(app.filter().query(), "");
    assert_eq!(app.mode(), Mode::Pick, "still at the prompt");
}

#[test]
fn tab_marks_and_moves_down_shift_tab_unmarks_and_moves_up() {
    let mut app = sample(true);
    app.update(MarkDown);
    app.update(MarkDown);
    assert_eq!(app.selected(), 2);
    assert_eq!(
        app.marked().iter().copied().collect::<Vec<_>>(),
        app.visible()[..2].to_vec()
    );
    // Shift-Tab unmarks where it stands (nothing here), then moves up and unmarks there.
    app.update(UnmarkUp);
    assert_eq!(app.selected(), 1);
    assert_eq!(app.marked().len(), 2);
    app.update(UnmarkUp);
    assert_eq!(app.selected(), 0);
    let marked: BTreeSet<EventId> = std::iter::once(app.visible()[0]).collect();
    assert_eq!(app.marked(), &marked);
    assert_eq!(
        app.update(Accept),
        Some(Effect::Exit(Exit::Accept(vec![app.visible()[0]])))
    );
}

/// In pick mode typed characters filter, so every other binding uses a key that does not
/// type; and every action of the list is reachable there, but those the prompt makes
/// moot (`/` starts the search that is always on; Esc cancels, as in fzf; Tab and
/// Shift-Tab mark instead of Space; pick mode's cancel never asks, so it is Ctrl-c's
/// quit-at-once already).
#[test]
fn pick_mode_keys_do_not_type_and_reach_every_list_action() {
    for binding in keymap::PICK.iter().filter(|b| b.action.is_some()) {
        for key in binding.keys {
            assert!(
                !matches!(key, Key::Char(_)),
                "{:?} types in pick mode: {}",
                key,
                binding.help
            );
        }
    }
    let reachable: Vec<Action> = keymap::PICK.iter().filter_map(|b| b.action).collect();
    let moot = [StartSearch, Back, ToggleMark, QuitNow];
    for binding in keymap::LIST {
        let Some(action) = binding.action else {
            continue;
        };
        assert!(
            moot.contains(&action) || reachable.contains(&action),
            "{action:?} ({}) has no key in pick mode",
            binding.help
        );
    }
    assert!(reachable.contains(&Quit) && reachable.contains(&Accept));
}

/// The screen after `actions`, colours off, in or out of pick mode.
fn draw(pick: bool, width: u16, height: u16, actions: &[Action]) -> ratatui::backend::TestBackend {
    let settings = Settings {
        pick,
        theme: afghan_timeline::tui::theme::Theme { color: false },
        ..Settings::default()
    };
    let mut app = app_with(SAMPLE, settings, width, height);
    for a in actions {
        app.update(*a);
    }
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height)).expect("backend");
    terminal
        .draw(|f| f.render_widget(afghan_timeline::tui::view::Screen { app: &app }, f.area()))
        .expect("draw");
    terminal.backend().clone()
}

fn typed(text: &str) -> Vec<Action> {
    text.chars().map(Action::typed).collect()
}

#[test]
fn pick_mode_screens() {
    let mut actions = typed("war");
    actions.push(MarkDown);
    insta::assert_snapshot!("pick_typed_80x24", draw(true, 80, 24, &actions));
    insta::assert_snapshot!("pick_empty_80x24", draw(true, 80, 24, &typed("zzzz")));
}

#[test]
fn zoomed_detail_screens() {
    insta::assert_snapshot!(
        "zoomed_120x40",
        draw(false, 120, 40, &[NextEvent, ToggleZoom])
    );
    insta::assert_snapshot!(
        "enter_zoomed_80x24",
        draw(false, 80, 24, &[NextEvent, Accept])
    );
}

/// Leaving the time view or a zoomed detail in pick mode comes back to the prompt.
#[test]
fn pick_mode_comes_back_to_its_prompt() {
    use afghan_timeline::tui::action::TimeAction;
    let mut app = sample(true);
    app.update(Time(TimeAction::Toggle));
    assert_eq!(app.mode(), Mode::Time);
    app.update(ToggleZoom);
    assert!(app.zoomed());
    app.update(ToggleZoom);
    assert_eq!(app.mode(), Mode::Time, "unzooming returns to the time view");
    app.update(Time(TimeAction::Toggle));
    assert_eq!(app.mode(), Mode::Pick);
    app.update(FocusDetail);
    app.update(FocusList);
    assert_eq!(app.mode(), Mode::Pick);
    app.update(Action::typed('x'));
    assert_eq!(app.filter().query(), "x", "the prompt types again");
}
