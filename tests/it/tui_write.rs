//! `w` through `App::update` with no terminal: the prompt, what is written (the shown
//! events, else the marked ones), the format from the extension, the question before a
//! file is replaced; and the loop's side, `tui::write::write`, on real files.

use afghan_timeline::interop::Format;
use afghan_timeline::load;
use afghan_timeline::model::Timeline;
use afghan_timeline::query::Filter;
use afghan_timeline::tui::action::Action::{self, *};
use afghan_timeline::tui::action::{Msg, WriteAction};
use afghan_timeline::tui::app::{App, Settings};
use afghan_timeline::tui::effect::Effect;
use afghan_timeline::tui::mode::Mode;
use afghan_timeline::tui::write::{self as writing, WriteJob, Written};

use crate::common::assert_consistent;

const SAMPLE: &str = include_str!("../fixtures/tui/sample.ron");

fn timeline() -> Timeline {
    load::parse(SAMPLE, "sample.ron").expect("the sample loads")
}

fn app(filter: Filter) -> App {
    let mut app = App::new(timeline(), filter, Settings::default()).0;
    app.update(Resize {
        width: 120,
        height: 40,
    });
    app
}

/// `w`, the path typed, Enter: what `update` asked the loop to do.
fn w(app: &mut App, path: &str) -> Option<Effect> {
    app.update(Write(WriteAction::Open));
    assert_eq!(app.mode(), Mode::Write);
    for c in path.chars() {
        app.update(Action::typed(c));
    }
    let effect = app.update(Write(WriteAction::Go));
    assert_consistent(app);
    effect
}

fn job(effect: Option<Effect>) -> WriteJob {
    match effect {
        Some(Effect::Write(job)) => *job,
        other => panic!("expected a write, got {other:?}"),
    }
}

fn ids<'a>(timeline: &'a Timeline, job: &WriteJob) -> Vec<&'a str> {
    job.events
        .iter()
        .map(|e| timeline.event(*e).id.as_str())
        .collect()
}

#[test]
fn w_writes_the_events_shown_in_the_format_of_the_extension() {
    let t = timeline();
    let mut filter = Filter::default();
    filter.actors = vec![t.find_actor("rebels").expect("an actor")];
    filter.excluded = vec![t.find_actor("league").expect("an actor")];
    let mut app = app(filter);
    let shown: Vec<_> = app.visible().to_vec();
    assert!(!shown.is_empty() && shown.len() < t.events.len());
    let job = job(w(&mut app, "story.json"));
    assert_eq!(app.mode(), Mode::Browse);
    assert_eq!(job.format, Format::TimelineJs);
    assert_eq!(job.events, shown);
    assert!(!job.overwrite);
    assert_eq!(
        job.made_by,
        "--actor rebels --exclude-actor league in the explorer"
    );
    for (path, format) in [("notes.MD", Format::Markdown), ("copy.ron", Format::Ron)] {
        assert_eq!(self::job(w(&mut app, path)).format, format, "{path}");
    }
}

#[test]
fn w_writes_the_marked_events_when_there_are_marks() {
    let t = timeline();
    let mut app = app(Filter::default());
    app.update(NextEvent);
    app.update(ToggleMark);
    app.update(NextEvent);
    app.update(ToggleMark);
    let job = job(w(&mut app, "picked.ron"));
    // Space marks and moves on: the second mark skips one.
    assert_eq!(ids(&t, &job), ["war-starts", "armistice"]);
    assert_eq!(job.made_by, "the reader's 2 marks");
}

#[test]
fn an_unknown_extension_keeps_the_prompt_open_and_says_why() {
    let mut app = app(Filter::default());
    assert_eq!(w(&mut app, "story.docx"), None);
    assert_eq!(app.mode(), Mode::Write);
    let flash = app.flash().expect("a reason");
    assert!(
        flash.contains("'.docx'") && flash.contains(".json"),
        "{flash}"
    );
    // Esc leaves it, writing nothing.
    assert_eq!(app.update(Write(WriteAction::Cancel)), None);
    assert_eq!(app.mode(), Mode::Browse);
    assert_eq!(w(&mut app, "   "), None);
    assert_eq!(app.flash(), Some("nothing written: no path"));
}

#[test]
fn a_file_that_is_there_is_replaced_only_after_y() {
    let mut app = app(Filter::default());
    let first = job(w(&mut app, "story.json"));
    app.update(Msg::WriteExists(Box::new(first.clone())));
    assert_eq!(app.mode(), Mode::Overwrite);
    // Typed characters are no answer: only y or n.
    assert_eq!(app.update(Action::typed('x')), None);
    assert_eq!(app.mode(), Mode::Overwrite);
    let again = job(app.update(Write(WriteAction::Replace)));
    assert_eq!(app.mode(), Mode::Browse);
    assert!(again.overwrite);
    assert_eq!(
        (again.path, again.events),
        (first.path.clone(), first.events.clone())
    );
    // No.
    app.update(Msg::WriteExists(Box::new(first)));
    assert_eq!(app.update(Write(WriteAction::Keep)), None);
    assert_eq!(app.mode(), Mode::Browse);
    assert_eq!(
        app.flash(),
        Some("nothing written; 'story.json' is as it was")
    );
}

fn scratch_dir(name: &str) -> std::path::PathBuf {
    let dir =
        std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("tui-write-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    dir
}

#[test]
fn the_write_makes_a_subset_timeline_and_never_replaces_unasked() {
    let t = timeline();
    let dir = scratch_dir("files");
    let path = dir.join("subset.ron").to_str().expect("UTF-8").to_owned();
    let events = vec![
        t.find_event("war-starts").unwrap(),
        t.find_event("armistice").unwrap(),
    ];
    let mut job = WriteJob {
        path: path.clone(),
        format: Format::Ron,
        events,
        made_by: "the reader's 2 marks".to_owned(),
        dates: afghan_timeline::model::calendar::DateStyle::default(),
        overwrite: false,
    };
    let Written::Done(message) = writing::write(&t, &job) else {
        panic!("written")
    };
    assert!(
        message.starts_with(&format!("wrote 2 events as ron to '{path}'")),
        "{message}"
    );
    let back = load::parse(&std::fs::read_to_string(&path).unwrap(), "subset.ron").expect("loads");
    let back_ids: Vec<&str> = back.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(back_ids, ["war-starts", "armistice"]);
    assert!(
        back.description
            .unwrap()
            .ends_with("selected by the reader's 2 marks.")
    );
    // Again: the file is there, and stays as it was.
    std::fs::write(&path, "mine").unwrap();
    assert_eq!(writing::write(&t, &job), Written::Exists);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
    job.overwrite = true;
    assert!(matches!(writing::write(&t, &job), Written::Done(_)));
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("war-starts")
    );
    // A directory that is not there is a message, not a crash.
    job.path = dir.join("no/such/dir/x.json").to_str().unwrap().to_owned();
    job.overwrite = false;
    let Written::Failed(message) = writing::write(&t, &job) else {
        panic!("not written")
    };
    assert!(message.starts_with("cannot write '"), "{message}");
    assert!(
        message.ends_with(": no such directory; check the path"),
        "{message}"
    );
}

/// `w story.svg`: the picture of the events shown, each event's mark found by its id, the
/// others not drawn.
#[test]
fn w_draws_the_events_shown_as_a_picture() {
    let t = timeline();
    let mut filter = Filter::default();
    filter.set_query("war");
    let mut app = app(filter);
    let dir = scratch_dir("svg");
    let path = dir.join("story.SVG").to_str().expect("UTF-8").to_owned();
    let job = job(w(&mut app, &path));
    assert_eq!(job.format, Format::Svg);
    let shown = ids(&t, &job);
    assert!(
        !shown.is_empty() && shown.len() < t.events.len(),
        "{shown:?}"
    );
    let Written::Done(message) = writing::write(&t, &job) else {
        panic!("written")
    };
    assert!(
        message.starts_with(&format!("wrote {} event", shown.len())),
        "{message}"
    );
    let svg = std::fs::read_to_string(&path).expect("the picture");
    let doc = roxmltree::Document::parse(&svg).expect("well-formed XML");
    let drawn: Vec<&str> = doc
        .descendants()
        .filter_map(|n| n.attribute("data-id"))
        .collect();
    assert_eq!(drawn.len(), shown.len());
    for id in &shown {
        assert!(drawn.contains(id), "{id} is not drawn");
    }
}
