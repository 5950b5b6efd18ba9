//! The reader's stars, notes and last place, through `App::update` with no terminal: what
//! the store held is restored before the first frame, every change goes back to the store
//! as an effect (the timeline itself is never written), a note whose event is gone is kept
//! and counted, and `--select` wins over the last session.

use afghan_timeline::load;
use afghan_timeline::notes::{Entry, Field, Saved, Session};
use afghan_timeline::query::Filter;
use afghan_timeline::tui::action::{Action, Msg};
use afghan_timeline::tui::app::{App, Settings};
use afghan_timeline::tui::effect::Effect;
use afghan_timeline::tui::view::Screen;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

const SAMPLE: &str = include_str!("../fixtures/tui/sample.ron");

fn app(select: Option<&str>) -> App {
    let timeline = load::parse(SAMPLE, "sample.ron").expect("the sample loads");
    let select = select.map(|id| timeline.find_event(id).expect("an event"));
    let settings = Settings {
        select,
        ..Settings::default()
    };
    let mut app = App::new(timeline, Filter::default(), settings).0;
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    app
}

fn ids(app: &App) -> Vec<String> {
    app.timeline().events.iter().map(|e| e.id.clone()).collect()
}

fn saved(entries: &[(&str, bool, Option<&str>)], session: Option<Session>) -> Saved {
    Saved {
        timeline: "sample".to_owned(),
        events: entries
            .iter()
            .map(|(id, star, note)| {
                (
                    (*id).to_owned(),
                    Entry {
                        star: *star,
                        note: note.map(str::to_owned),
                    },
                )
            })
            .collect(),
        session,
    }
}

fn screen(app: &App) -> String {
    let area = Rect::new(0, 0, 120, 40);
    let mut buf = Buffer::empty(area);
    Screen { app }.render(area, &mut buf);
    (0..area.height)
        .map(|y| {
            (0..area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn stars_and_notes_come_back_and_are_drawn() {
    let mut app = app(None);
    let all = ids(&app);
    app.update(Msg::Restore(Box::new(saved(
        &[
            (&all[1], true, None),
            (&all[2], false, Some("ask the archive")),
        ],
        None,
    ))));
    let second = app.timeline().find_event(&all[1]).expect("event");
    assert!(app.is_starred(second));
    assert!(screen(&app).contains('★'), "the list shows the star");
    let third = app.timeline().find_event(&all[2]).expect("event");
    app.update(Action::LastEvent);
    app.update(Action::FirstEvent);
    app.update(Action::NextEvent);
    app.update(Action::NextEvent);
    assert_eq!(app.selected_event(), Some(third));
    let shown = screen(&app);
    assert!(shown.contains("Note"), "{shown}");
    assert!(shown.contains("ask the archive"), "{shown}");
}

#[test]
fn starring_and_noting_go_to_the_store_as_effects() {
    let mut app = app(None);
    let first = app.timeline().events[0].id.clone();
    let Some(Effect::SaveEntry { id, entry, field }) = app.update(Action::ToggleStar) else {
        panic!("a star is saved");
    };
    assert_eq!((id.as_str(), entry.star), (first.as_str(), true));
    assert_eq!(
        field,
        Field::Star,
        "only the star: a note written elsewhere stays"
    );
    let Some(Effect::EditNote { id, note }) = app.update(Action::EditNote) else {
        panic!("a note is written in the editor");
    };
    assert_eq!((id.as_str(), note.as_str()), (first.as_str(), ""));
    let Some(Effect::SaveEntry { entry, field, .. }) = app.update(Msg::NoteWritten {
        id: first.clone(),
        note: "check the date\n".to_owned(),
    }) else {
        panic!("the note is saved");
    };
    assert_eq!(
        entry,
        Entry {
            star: true,
            note: Some("check the date".to_owned())
        }
    );
    assert_eq!(field, Field::Note);
    // The same note again changes nothing; an emptied one is removed, the star kept.
    assert!(
        app.update(Msg::NoteWritten {
            id: first.clone(),
            note: "check the date".to_owned()
        })
        .is_none()
    );
    let Some(Effect::SaveEntry { entry, .. }) = app.update(Msg::NoteWritten {
        id: first.clone(),
        note: "  \n".to_owned(),
    }) else {
        panic!("the removal is saved");
    };
    assert_eq!(entry.note, None);
    assert!(entry.star);
    let Some(Effect::SaveEntry { entry, .. }) = app.update(Action::ToggleStar) else {
        panic!("unstarring is saved");
    };
    assert!(entry.is_empty(), "nothing left: the store drops the entry");
}

#[test]
fn orphans_are_counted_and_the_session_restored_unless_select_says_otherwise() {
    let mut app = app(None);
    let all = ids(&app);
    let session = Session {
        selected: Some(all[3].clone()),
        marked: vec![all[0].clone(), "gone".to_owned()],
    };
    app.update(Msg::Restore(Box::new(saved(
        &[("gone", true, Some("was here")), ("also-gone", true, None)],
        Some(session.clone()),
    ))));
    assert_eq!(
        app.flash(),
        Some("2 stars or notes kept for events no longer in the timeline")
    );
    let fourth = app.timeline().find_event(&all[3]).expect("event");
    assert_eq!(app.selected_event(), Some(fourth));
    assert_eq!(app.marked_count(), 1);
    assert_eq!(app.session().selected.as_deref(), Some(all[3].as_str()));

    let mut chosen = self::app(Some(&all[1]));
    chosen.update(Msg::Restore(Box::new(saved(&[], Some(session)))));
    let second = chosen.timeline().find_event(&all[1]).expect("event");
    assert_eq!(chosen.selected_event(), Some(second), "--select wins");
}

/// Pick mode is a chooser for scripts: a session's marks must never be printed by an Enter
/// the reader did not mean for them, so it starts at the top with nothing marked.
#[test]
fn pick_mode_does_not_restore_the_session() {
    let timeline = load::parse(SAMPLE, "sample.ron").expect("the sample loads");
    let all: Vec<String> = timeline.events.iter().map(|e| e.id.clone()).collect();
    let settings = Settings {
        pick: true,
        ..Settings::default()
    };
    let mut app = App::new(timeline, Filter::default(), settings).0;
    app.update(Msg::Restore(Box::new(saved(
        &[(&all[2], true, None)],
        Some(Session {
            selected: Some(all[3].clone()),
            marked: vec![all[1].clone()],
        }),
    ))));
    assert_eq!(app.marked_count(), 0);
    assert_eq!(app.selected(), 0);
    let third = app.timeline().find_event(&all[2]).expect("event");
    assert!(app.is_starred(third), "stars still show");
}
