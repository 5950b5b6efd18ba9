//! The hostile suite, third round (issue 25): years before the common era everywhere a
//! date is typed or shown: `:`, `r`, `--from`, query words, the status line and the axis.

use afghan_timeline::tui::action::{Action, TimeAction};
use afghan_timeline::tui::app::App;
use afghan_timeline::tui::view::summary;

use crate::common::{run, scratch, timeline_of};

fn events() -> String {
    timeline_of(&[
        ("far", "-9999", None),
        ("ides", "-0044-03-15", None),
        ("before", "-0001-06", None),
        ("after", "0001-06", None),
        ("late", "1979", None),
    ])
}

fn app() -> App {
    crate::common::colourless_app(&events(), "bce.ron", 120, 40, &[])
}

fn selected(app: &App) -> &str {
    let id = app.selected_event().expect("an event");
    app.timeline().event(id).id.as_str()
}

/// `:` takes `-0044-03-15` and `44 BCE`, as `r` and `--from` do.
#[test]
fn jump_takes_years_before_the_common_era() {
    for typed in ["-0044-03-15", "44 BCE", "44 bc", "-0044"] {
        let mut app = app();
        app.update(Action::StartJump);
        for c in typed.chars() {
            app.update(Action::typed(c));
        }
        app.update(Action::JumpGo);
        assert_eq!(selected(&app), "ides", "{typed}: {:?}", app.flash());
    }
}

/// `r` and the status line: `..1 BCE` is typed and shown as itself, never `–-0001`.
#[test]
fn the_status_shows_a_bce_range_as_it_is_typed() {
    let mut app = app();
    app.update(Action::OpenRange);
    for c in "..1 BCE".chars() {
        app.update(Action::typed(c));
    }
    app.update(Action::RangeApply);
    let status = summary(&app);
    assert!(status.contains(" · ..1 BCE"), "{status}");
    assert!(!status.contains("–-"), "{status}");
    assert_eq!(app.visible().len(), 3, "{status}");
}

/// `--query -9999` and `--query "44 BCE"` are date words; `--from "44 BCE"` is a date.
#[test]
fn bce_query_words_and_flags() {
    let path = scratch("hostile3-bce.ron", events().as_bytes());
    let ids = |args: &[&str]| {
        let mut all = vec!["--file", path.as_str(), "list", "--format", "id"];
        all.extend_from_slice(args);
        run(&all)
            .stdout
            .lines()
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&["--query", "-9999"]), ["far"]);
    assert_eq!(ids(&["--query", "44 BCE"]), ["ides"]);
    assert_eq!(
        ids(&["--from", "44 BCE", "--to", "1 BCE"]),
        ["ides", "before"]
    );
}

/// Axis labels of the first millennium say CE, so that none reads as a day.
#[test]
fn axis_years_near_year_one_say_ce() {
    let text = timeline_of(&[("before", "-0001-06", None), ("after", "0002-06", None)]);
    let mut app = crate::common::colourless_app(&text, "one.ron", 120, 40, &[]);
    app.update(Action::Time(TimeAction::Toggle));
    let terminal = crate::common::draw_screen(&app, 120, 40);
    let buf = terminal.backend().buffer();
    let screen: String = (0..40)
        .map(|y| (0..120).map(|x| buf[(x, y)].symbol()).collect::<String>() + "\n")
        .collect();
    assert!(
        screen.contains("1 CE") || screen.contains("2 CE"),
        "{screen}"
    );
    assert!(screen.contains("BCE"), "{screen}");
}
