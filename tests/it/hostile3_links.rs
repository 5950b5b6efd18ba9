//! The hostile suite, third round (issue 25), for the detail pane's addresses: what an OSC 8
//! link costs (bug 1), and wrapped addresses and titles that read back exactly (bug 2).

use std::fmt::Write as _;

use afghan_timeline::model::Timeline;
use afghan_timeline::query::Filter;
use afghan_timeline::tui::action::Action;
use afghan_timeline::tui::app::{App, Settings};
use afghan_timeline::tui::detail_text;
use afghan_timeline::tui::links::Backlinks;
use afghan_timeline::tui::theme::Theme;
use afghan_timeline::tui::view::{Links, Screen};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

/// One event whose one source has `address`, with a related event titled `related`.
fn with_address(address: &str, related: &str) -> String {
    let mut text =
        String::from("(title: \"t\", actors: [(id: \"a\", name: \"A\", kind: State)], events: [\n");
    let _ = writeln!(
        text,
        "(id: \"e\", date: \"1950-01-02\", title: \"E\", summary: \"s\", actors: [\"a\"], \
         related: [\"r\"], sources: [(publisher: \"p\", title: \"t\", url: {address:?})]),\n\
         (id: \"r\", date: \"1950-01-01\", title: {related:?}, summary: \"s\", actors: [\"a\"], \
         sources: [(publisher: \"p\", title: \"t\")]),"
    );
    text + "])"
}

/// The explorer on `text`, on event `e`, the detail over the whole screen.
fn zoomed(text: &str, width: u16, height: u16) -> App {
    let timeline = afghan_timeline::load::parse(text, "links.ron").expect("loads");
    let select = timeline.find_event("e");
    let settings = Settings {
        select,
        ..Settings::default()
    };
    let (mut app, _) = App::new(timeline, Filter::default(), settings);
    app.update(Action::Resize { width, height });
    app.update(Action::ToggleZoom);
    app
}

/// The bytes a full redraw of `app` writes for its cells: every cell that differs from an
/// empty screen, as the loop's first frame (or one after a resize) draws them.
fn redraw_bytes(app: &App, width: u16, height: u16) -> (usize, Buffer) {
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::empty(area);
    Screen { app }.render(area, &mut buf);
    Links { app }.render(area, &mut buf);
    let bytes = Buffer::empty(area)
        .diff(&buf)
        .iter()
        .map(|(_, _, cell)| cell.symbol().len())
        .sum();
    (bytes, buf)
}

/// Bug 1: a link is written once per row, and an address longer than a terminal uses is
/// plain text: a full redraw of an address of 1,999 bytes stays under 150 KB (it was over
/// 4 MB, the address in each of its cells), one of 100 KB under 20 KB (120 MB before).
#[test]
fn a_long_address_costs_a_bounded_redraw() {
    let (width, height) = (120u16, 40u16);
    let path: String = "a".repeat(1999 - "https://x.org/".len());
    let linked = format!("https://x.org/{path}");
    let app = zoomed(&with_address(&linked, "R"), width, height);
    let (bytes, buf) = redraw_bytes(&app, width, height);
    eprintln!("a 1,999-byte address: {bytes} bytes per full redraw");
    assert!(bytes < 150_000, "{bytes} bytes for one screen");
    let links = buf
        .content()
        .iter()
        .filter(|c| c.symbol().starts_with("\x1b]8;;https://x.org/"))
        .count();
    assert!(links > 1, "the address is still a link, once per row");

    let huge = format!("https://x.org/{}", "b".repeat(100_000));
    let app = zoomed(&with_address(&huge, "R"), width, height);
    let (bytes, buf) = redraw_bytes(&app, width, height);
    eprintln!("a 100 KB address: {bytes} bytes per full redraw");
    assert!(bytes < 20_000, "{bytes} bytes for one screen");
    assert!(
        !buf.content().iter().any(|c| c.symbol().contains('\x1b')),
        "an address over {} bytes is plain text",
        afghan_timeline::tui::view::MAX_LINK
    );
    let shown: String = buf
        .content()
        .iter()
        .map(ratatui::buffer::Cell::symbol)
        .collect();
    assert!(shown.contains("https://x.org/bbbb"), "and still shown");
}

/// The link-styled runs of lines, each trimmed and joined: what the links read back.
fn runs(lines: &[Line<'_>], link: ratatui::style::Style) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    for l in lines {
        if l.style == link {
            current
                .get_or_insert_with(String::new)
                .push_str(l.to_string().trim());
        } else if let Some(run) = current.take() {
            out.push(run);
        }
    }
    out.extend(current);
    out
}

/// Bug 2: every source address of the built-in chronology reads back exactly from its
/// wrapped lines at every pane width from 20 to 130 columns (at 52 columns every address of
/// 105 to 149 characters gained a space), and the links find it.
#[test]
fn every_builtin_address_reads_back_at_every_width() {
    let timeline = afghan_timeline::load::parse(afghan_timeline::load::EMBEDDED, "built-in")
        .expect("the built-in timeline loads");
    let backlinks = Backlinks::build(&timeline);
    let theme = Theme { color: false };
    let mut checked = 0;
    for width in 20..=130u16 {
        for id in timeline.event_ids() {
            let lines = detail_text::lines(
                &timeline,
                &backlinks,
                detail_text::Shown {
                    id,
                    previous: None,
                    note: None,
                },
                width,
                theme,
                afghan_timeline::model::calendar::DateStyle::default(),
            );
            let runs = runs(&lines, theme.link());
            for url in timeline
                .event(id)
                .sources
                .iter()
                .filter_map(|s| s.url.as_deref())
            {
                assert!(
                    runs.iter().any(|r| r == url),
                    "{url} does not read back at {width} columns: {runs:#?}"
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 10_000, "{checked} addresses checked");
}

/// Bug 2, through the screen: the 2021 takeover's and the 1921 treaty's addresses are
/// links at 120×40, each row's run part of one whole address.
#[test]
fn the_builtin_addresses_are_links_at_120_columns() {
    let timeline: Timeline =
        afghan_timeline::load::parse(afghan_timeline::load::EMBEDDED, "built-in").expect("loads");
    for id in ["taliban-take-kabul-2021", "treaty-1921"] {
        let event = timeline.find_event(id).expect("in the chronology");
        let urls: Vec<String> = timeline
            .event(event)
            .sources
            .iter()
            .filter_map(|s| s.url.clone())
            .collect();
        let settings = Settings {
            select: Some(event),
            ..Settings::default()
        };
        let (mut app, _) = App::new(timeline.clone(), Filter::default(), settings);
        app.update(Action::Resize {
            width: 120,
            height: 40,
        });
        let mut linked: Vec<String> = Vec::new();
        // Scroll through the whole detail, collecting each link's text by address.
        app.update(Action::FocusDetail);
        for _ in 0..20 {
            let (_, buf) = redraw_bytes(&app, 120, 40);
            for cell in buf.content() {
                if let Some(rest) = cell.symbol().strip_prefix("\x1b]8;;") {
                    let (address, _) = rest.split_once('\x1b').expect("closed");
                    linked.push(address.to_owned());
                }
            }
            app.update(Action::DetailPageDown);
        }
        for url in &urls {
            assert!(
                linked.iter().any(|l| l == url),
                "{id}: {url} is not linked; linked: {linked:#?}"
            );
        }
    }
}

/// Bug 2 for "Related" rows: a title of one long word wraps at the width, with nothing
/// added, and no row holds only a few characters of it (the word starts on the row after
/// the key and date, and fills each row but its last).
#[test]
fn a_related_title_of_one_long_word_reads_back() {
    let word: String = ('a'..='z').cycle().take(140).collect();
    let text = with_address("https://example.org/x", &word);
    let timeline = afghan_timeline::load::parse(&text, "links.ron").expect("loads");
    let backlinks = Backlinks::build(&timeline);
    let id = timeline.find_event("e").expect("there");
    let theme = Theme { color: false };
    for width in [40u16, 52, 57, 80] {
        let lines: Vec<String> = detail_text::lines(
            &timeline,
            &backlinks,
            detail_text::Shown {
                id,
                previous: None,
                note: None,
            },
            width,
            theme,
            afghan_timeline::model::calendar::DateStyle::default(),
        )
        .iter()
        .map(ToString::to_string)
        .collect();
        let at = lines
            .iter()
            .position(|l| l.starts_with("[1] "))
            .expect("the related row");
        let rows: Vec<&str> = lines[at..]
            .iter()
            .take_while(|l| !l.is_empty())
            .map(String::as_str)
            .collect();
        let joined: String = rows.iter().map(|r| r.trim_start()).collect();
        assert!(joined.ends_with(&word), "{width}: {rows:#?}");
        for row in &rows[1..rows.len() - 1] {
            assert_eq!(
                afghan_timeline::tui::text::width(row),
                usize::from(width),
                "{width}: a row short of the width: {rows:#?}"
            );
        }
    }
}
