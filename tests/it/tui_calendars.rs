//! The explorer in the calendars beside the Gregorian: `C` cycles them and keeps the place,
//! the status line names the one shown, and the list and the detail in the Solar Hijri
//! calendar, in Latin script, Dari and Pashto, at 80×24 and 120×40: right-to-left month
//! names, with their combining marks, measured like every text, keep the layout.

use afghan_timeline::model::calendar::{Calendar, DateStyle, Lang};
use afghan_timeline::query::Filter;
use afghan_timeline::tui::action::Action::{self, *};
use afghan_timeline::tui::app::{App, Settings};
use afghan_timeline::tui::mode::Mode;
use afghan_timeline::tui::text::width;

/// The built-in timeline: its dates are those the issue names.
const BUILT_IN: &str = include_str!("../../data/timeline.ron");

fn app(dates: DateStyle, width: u16, height: u16, actions: &[Action]) -> App {
    let timeline = afghan_timeline::load::parse(BUILT_IN, "timeline.ron").expect("loads");
    let settings = Settings {
        theme: afghan_timeline::tui::theme::Theme { color: false },
        select: timeline.find_event("taliban-take-kabul-2021"),
        dates,
        ..Settings::default()
    };
    let (mut app, _) = App::new(timeline, Filter::default(), settings);
    app.update(Resize { width, height });
    for a in actions {
        app.update(*a);
    }
    app
}

fn solar(lang: Lang) -> DateStyle {
    DateStyle {
        calendar: Calendar::SolarHijri,
        lang,
        ..DateStyle::default()
    }
}

fn rows(app: &App, width: u16, height: u16) -> Vec<String> {
    let terminal = crate::common::draw_screen(app, width, height);
    let buffer = terminal.backend().buffer();
    (0..height)
        .map(|y| {
            (0..width)
                .map(|x| buffer[(x, y)].symbol().to_owned())
                .collect::<String>()
        })
        .collect()
}

#[test]
fn c_cycles_the_calendars_and_keeps_the_place() {
    let mut app = app(DateStyle::default(), 120, 40, &[]);
    app.update(StartSearch);
    for c in "kabul".chars() {
        app.update(Action::typed(c));
    }
    app.update(SearchKeep);
    let (selected, filter) = (app.selected_event(), app.filter().clone());
    let status = |app: &App| {
        crate::common::draw_screen(app, 120, 40)
            .backend()
            .buffer()
            .clone()
    };
    let last_row = |app: &App| {
        let buffer = status(app);
        (0..120)
            .map(|x| buffer[(x, 39)].symbol().to_owned())
            .collect::<String>()
    };
    assert!(!last_row(&app).contains("Solar Hijri"));
    for (calendar, named) in [
        (Calendar::SolarHijri, "Solar Hijri"),
        (Calendar::LunarHijri, "lunar Hijri (Umm al-Qura)"),
        (Calendar::Gregorian, ""),
    ] {
        app.update(NextCalendar);
        assert_eq!(app.dates().calendar, calendar);
        assert_eq!(app.selected_event(), selected, "the selection stays");
        assert_eq!(app.filter(), &filter, "the filter stays");
        if !named.is_empty() {
            assert!(
                last_row(&app).contains(&format!("events · {named}")),
                "{named}"
            );
        }
    }
    // In the detail pane too, where the focus stays.
    app.update(FocusDetail);
    app.update(NextCalendar);
    assert_eq!(app.mode(), Mode::Detail);
    assert_eq!(app.dates().calendar, Calendar::SolarHijri);
}

#[test]
fn the_list_and_the_detail_show_the_solar_hijri_dates() {
    let app = app(solar(Lang::Latin), 120, 40, &[]);
    let screen = rows(&app, 120, 40).join("\n");
    assert!(screen.contains("24 Asad 1400   "), "{screen}");
    // Both dates on the detail's date line (the precision may wrap to the next row).
    assert!(
        screen.contains("15 August 2021 · 24 Asad 1400 SH · day"),
        "{screen}"
    );
    let dari = rows(&self::app(solar(Lang::Dari), 120, 40, &[]), 120, 40).join("\n");
    assert!(dari.contains("۲۴ اسد ۱۴۰۰"), "{dari}");
}

/// The layout holds whatever the script: every row is exactly the screen's width, the
/// list's titles start in one column and its right border is where it is in Latin script.
#[test]
fn right_to_left_names_keep_the_layout() {
    for (w, h) in [(80u16, 24u16), (120, 40)] {
        let latin = rows(&app(solar(Lang::Latin), w, h, &[]), w, h);
        for lang in [Lang::Dari, Lang::Pashto] {
            let screen = rows(&app(solar(lang), w, h, &[]), w, h);
            for (row, text) in screen.iter().enumerate() {
                assert_eq!(
                    width(text),
                    usize::from(w),
                    "{lang:?} {w}x{h} row {row}: {text}"
                );
            }
            let borders = |s: &[String]| -> Vec<Vec<usize>> {
                s.iter()
                    .map(|r| {
                        r.char_indices()
                            .filter(|(_, c)| *c == '│')
                            .map(|(i, _)| width(&r[..i]))
                            .collect()
                    })
                    .collect()
            };
            assert_eq!(borders(&screen), borders(&latin), "{lang:?} {w}x{h}");
        }
    }
}

#[test]
fn screens_in_every_script() {
    for (name, lang) in [
        ("latin", Lang::Latin),
        ("dari", Lang::Dari),
        ("pashto", Lang::Pashto),
    ] {
        for (w, h) in [(80u16, 24u16), (120, 40)] {
            let list = app(solar(lang), w, h, &[]);
            let detail = app(solar(lang), w, h, &[FocusDetail, ToggleZoom]);
            for (what, app) in [("list", list), ("detail", detail)] {
                let terminal = crate::common::draw_screen(&app, w, h);
                insta::assert_snapshot!(format!("solar_{name}_{what}_{w}x{h}"), terminal.backend());
            }
        }
    }
}

fn typed(app: &mut App, open: Action, text: &str, go: Action) {
    app.update(open);
    for c in text.chars() {
        app.update(Action::typed(c));
    }
    app.update(go);
}

/// The `:` jump and the `r` range read Hijri dates whatever the calendar shown; a date
/// that does not exist keeps the prompt's reason in the status line.
#[test]
fn the_jump_and_the_range_read_hijri_dates() {
    let mut app = app(DateStyle::default(), 120, 40, &[]);
    let id = |app: &App| {
        app.selected_event()
            .map(|e| app.timeline().event(e).id.clone())
    };
    typed(&mut app, FirstEvent, "", FirstEvent);
    typed(&mut app, StartJump, "sh:1400-05-24", JumpGo);
    assert_eq!(id(&app).as_deref(), Some("taliban-take-kabul-2021"));
    typed(&mut app, FirstEvent, "", FirstEvent);
    typed(&mut app, StartJump, "24 Asad 1400", JumpGo);
    assert_eq!(id(&app).as_deref(), Some("taliban-take-kabul-2021"));
    typed(&mut app, StartJump, "sh:1400-13", JumpGo);
    let flash = app.flash().unwrap_or_default().to_owned();
    assert!(flash.contains("month 13 does not exist"), "{flash}");
    // Asad 1400: from 23 July to 22 August 2021.
    typed(&mut app, OpenRange, "sh:1400-05", RangeApply);
    let shown: Vec<String> = app
        .visible()
        .iter()
        .map(|e| app.timeline().event(*e).date.to_string())
        .collect();
    assert!(!shown.is_empty());
    assert!(
        shown
            .iter()
            .all(|d| ("2021-07-23".."2021-08-23").contains(&d.as_str())),
        "{shown:?}"
    );
}

/// `y` copies the dates as shown: after `C`, the Markdown names the Solar Hijri date.
#[test]
fn copying_follows_the_calendar_shown() {
    let mut app = app(DateStyle::default(), 120, 40, &[]);
    let copied = |app: &mut App| match app.update(Copy) {
        Some(afghan_timeline::tui::effect::Effect::Copy(text)) => text,
        other => panic!("a copy, not {other:?}"),
    };
    assert!(!copied(&mut app).contains("Asad"));
    app.update(NextCalendar);
    let text = copied(&mut app);
    assert!(text.starts_with("## 24 Asad 1400 SH: "), "{text}");
    assert!(
        text.contains("**Date:** 15 August 2021 · 24 Asad 1400 SH"),
        "{text}"
    );
}
