//! A new version of the file, through `App::update` with no terminal: the place is kept
//! (the same event id, else the nearest by date), the filter, the marks and the time
//! view's window stay, the status line says what changed, and a version that does not load
//! never replaces the shown one.

use afghan_timeline::load;
use afghan_timeline::query::Filter;
use afghan_timeline::tui::action::{Action, Msg, TimeAction};
use afghan_timeline::tui::app::{App, Settings, Version};
use afghan_timeline::tui::mode::Mode;

const SAMPLE: &str = include_str!("../fixtures/tui/sample.ron");

fn app() -> App {
    let timeline = load::parse(SAMPLE, "sample.ron").expect("the sample loads");
    let settings = Settings {
        editable: true,
        ..Settings::default()
    };
    let mut app = App::new(timeline, Filter::default(), settings).0;
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    app
}

fn reload(app: &mut App, text: &str) {
    let version = load::parse(text, "sample.ron")
        .map(|t| Box::new(Version::against(app.timeline(), t)))
        .map_err(Box::new);
    app.update(Msg::Reloaded(version));
}

fn selected_id(app: &App) -> String {
    let id = app.selected_event().expect("a selection");
    app.timeline().event(id).id.clone()
}

#[test]
fn the_place_the_filter_the_marks_and_the_window_stay() {
    let mut app = app();
    let ids: Vec<String> = app.timeline().events.iter().map(|e| e.id.clone()).collect();
    let title = app.timeline().events[3].title.clone();
    app.update(Action::NextEvent);
    app.update(Action::ToggleMark);
    app.update(Action::NextEvent);
    app.update(Action::Time(TimeAction::Toggle));
    app.update(Action::Time(TimeAction::ZoomIn));
    app.update(Action::Time(TimeAction::FullWidth));
    app.update(Action::Time(TimeAction::LaneOrder));
    let window = app.time().window;
    let (wide, order) = (app.time().full_width, app.time().order);
    let on = selected_id(&app);
    let edited = SAMPLE.replacen(&title, "A new title", 1);
    assert_ne!(edited, SAMPLE);
    reload(&mut app, &edited);
    assert_eq!(selected_id(&app), on, "the same event");
    assert_eq!(app.marked_count(), 1);
    assert_eq!(app.mode(), Mode::Time);
    assert_eq!(app.time().window, window);
    assert_eq!((app.time().full_width, app.time().order), (wide, order));
    assert!(wide, "z holds across versions of the file");
    assert_eq!(
        app.flash(),
        Some(format!("reloaded: {} events (1 changed)", ids.len()).as_str())
    );
    assert!(
        app.timeline()
            .events
            .iter()
            .any(|e| e.title == "A new title")
    );
}

#[test]
fn a_removed_event_gives_way_to_the_nearest_by_date() {
    let mut app = app();
    let timeline = app.timeline().clone();
    app.update(Action::NextEvent);
    app.update(Action::NextEvent);
    let gone = selected_id(&app);
    let next = timeline.events[3].id.clone();
    // The sample writes each event on lines of its own, `(id: "…", …),`: drop that element.
    let start = SAMPLE
        .find(&format!("id: \"{gone}\""))
        .expect("in the file");
    let open = SAMPLE[..start].rfind('(').expect("its parenthesis");
    let close = open
        + SAMPLE[open..]
            .find("\n        (")
            .expect("the next element");
    let without = format!("{}{}", &SAMPLE[..open], &SAMPLE[close + 9..]);
    reload(&mut app, &without);
    assert_eq!(app.timeline().events.len(), timeline.events.len() - 1);
    assert_eq!(selected_id(&app), next);
    assert!(
        app.flash().is_some_and(|f| f.contains("(−1)")),
        "{:?}",
        app.flash()
    );
}

#[test]
fn a_version_that_does_not_load_never_replaces_the_shown_one() {
    let mut app = app();
    let before = app.timeline().clone();
    reload(&mut app, &SAMPLE.replacen("date: \"", "date: \"x", 1));
    assert_eq!(app.timeline().as_ref(), before.as_ref());
    let problems = app.problems().expect("kept for the marker");
    assert!(
        problems.first.starts_with("sample.ron:"),
        "{}",
        problems.first
    );
    app.update(Action::ToggleProblems);
    assert_eq!(app.mode(), Mode::Problems);
    app.update(Action::ToggleProblems);
    reload(&mut app, SAMPLE);
    assert!(app.problems().is_none(), "a good version clears the marker");
}

#[test]
fn the_built_in_timeline_says_how_to_get_an_editable_copy() {
    let timeline = load::parse(SAMPLE, "sample.ron").expect("the sample loads");
    let mut app = App::new(timeline, Filter::default(), Settings::default()).0;
    assert!(app.update(Action::EditTimeline).is_none());
    assert!(
        app.flash()
            .is_some_and(|f| f.contains("export --to ron > my.ron")),
        "{:?}",
        app.flash()
    );
    assert!(app.update(Action::AddEvent).is_none());
}

#[test]
fn a_fix_saved_while_the_problems_are_open_closes_them() {
    // The reader reads the problems (`!`) and fixes the file in another window: the overlay
    // has nothing left to show, and the keys must be the list's again, not its.
    let mut app = app();
    reload(&mut app, &SAMPLE.replacen("date: \"", "date: \"x", 1));
    app.update(Action::ToggleProblems);
    assert_eq!(app.mode(), Mode::Problems);
    reload(&mut app, SAMPLE);
    assert!(app.problems().is_none());
    assert_eq!(app.mode(), Mode::Browse);
    let first = selected_id(&app);
    app.update(Action::NextEvent);
    assert_ne!(selected_id(&app), first, "j moves the selection again");
}

/// A file opened through a symbolic link whose target lives in another directory: an
/// editor that follows the link saves at the target, and the watch sees that too.
#[test]
fn a_save_through_a_symbolic_link_is_seen() {
    use afghan_timeline::tui::watch::Watch;
    use std::sync::Arc;
    use std::time::{Duration, Instant};

    let root = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("core-watch-link");
    let (links, targets) = (root.join("links"), root.join("targets"));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&links).unwrap();
    std::fs::create_dir_all(&targets).unwrap();
    let target = targets.join("story.ron");
    std::fs::write(&target, SAMPLE).unwrap();
    let link = links.join("story.ron");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let shown = Arc::new(load::parse(SAMPLE, "story.ron").expect("the sample loads"));
    let mut watch = Watch::start(&link);

    // A save by rename at the target, as vim and most editors do it.
    let first = &shown.events[0].title;
    let edited = SAMPLE.replacen(first.as_str(), "Saved at the target", 1);
    let temp = targets.join(".story.ron.swp");
    std::fs::write(&temp, &edited).unwrap();
    std::fs::rename(&temp, &target).unwrap();

    let deadline = Instant::now() + Duration::from_secs(10);
    let version = loop {
        if let Some(result) = watch.poll(&shown) {
            break result.expect("the new version loads");
        }
        assert!(Instant::now() < deadline, "no reload within 10 s");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(version.timeline.events[0].title, "Saved at the target");
    assert_eq!(version.changes.changed, 1);
}

/// What changed, between versions read by the parallel parse (which fingerprints each
/// event's text) and by the single-threaded one (which does not): the same counts, and a
/// change of a comment or of spacing alone is no change, though the text differs.
#[test]
fn the_fingerprints_tell_unchanged_events_and_the_fields_decide_the_rest() {
    let on = |text: &str, threads| {
        load::parse_bytes_on(text.as_bytes().to_vec(), "sample.ron", threads).expect("loads")
    };
    let edited = SAMPLE
        .replacen(
            "title: \"Border war begins\"",
            "title: \"Border war starts\"",
            1,
        )
        .replacen(
            "(id: \"founding\", date: \"1921-02-28\",",
            "(id: \"founding\", /* checked */ date:   \"1921-02-28\",",
            1,
        );
    assert_ne!(edited, SAMPLE, "the fixture has the fields edited here");
    for threads in [4, 1] {
        let (old, new) = (on(SAMPLE, threads), on(&edited, threads));
        let changes = Version::against(&old, new.clone()).changes;
        assert_eq!(changes.changed, 1, "on {threads} threads: {changes:?}");
        assert_eq!((changes.added, changes.removed), (0, 0));
        let again = Version::against(&old, on(SAMPLE, threads)).changes;
        assert_eq!(
            (again.added, again.removed, again.changed),
            (0, 0, 0),
            "on {threads} threads"
        );
        let fingerprints = |id: &str| {
            let (a, b) = (old.find_event(id).unwrap(), new.find_event(id).unwrap());
            old.event(a).fingerprint.same(new.event(b).fingerprint)
        };
        if threads > 1 {
            // Taken by the parallel parse: the same text is known the same without its
            // fields, and a comment makes the texts differ though the fields do not.
            assert_eq!(fingerprints("armistice"), Some(true));
            assert_eq!(fingerprints("founding"), Some(false));
        } else {
            assert_eq!(fingerprints("armistice"), None);
        }
    }
}
