//! The hostile suite, second round, for the explorer's screen: dates that need a wide
//! column, a detail longer than 65,535 lines, and characters whose width terminals disagree
//! on. Drawn into ratatui's `TestBackend`; no terminal needed.

use std::fmt::Write as _;

use afghan_timeline::tui::action::Action::{self, *};
use afghan_timeline::tui::app::App;
use afghan_timeline::tui::text::{MAX_MARKS, clean, fit_clean, width, wrap};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

/// A one-actor timeline of `(id, date, title, detail)` events.
fn timeline(events: &[(&str, &str, &str, &str)]) -> String {
    let mut text = String::from(
        "(title: \"t\", actors: [(id: \"ussr\", name: \"USSR\", kind: State)], events: [\n",
    );
    for (id, date, title, detail) in events {
        let _ = writeln!(
            text,
            "(id: \"{id}\", date: \"{date}\", title: {title:?}, summary: \"s\", detail: {detail:?}, \
             actors: [\"ussr\"], sources: [(publisher: \"p\", title: \"t\")]),"
        );
    }
    text + "])"
}

fn app(text: &str, width: u16, height: u16, actions: &[Action]) -> App {
    crate::common::colourless_app(text, "hostile.ron", width, height, actions)
}

fn draw(app: &App, width: u16, height: u16) -> Buffer {
    let terminal = crate::common::draw_screen(app, width, height);
    terminal.backend().buffer().clone()
}

fn row(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect()
}

/// Item 6: BCE dates are shown whole; the column is as wide as the widest date.
#[test]
fn the_date_column_fits_the_widest_date() {
    let text = timeline(&[
        ("far", "~-9999-12-31", "Far back", "d"),
        ("ides", "-0044-03-15", "Ides of March", "d"),
        ("war", "1979-12-24", "War", "d"),
    ]);
    let app = app(&text, 100, 20, &[]);
    assert_eq!(app.date_width(), "~31 Dec 9999 BCE".len());
    let buf = draw(&app, 100, 20);
    let screen: Vec<String> = (0..20).map(|y| row(&buf, y)).collect();
    for (date, title) in [
        ("~31 Dec 9999 BCE", "Far back"),
        ("15 Mar 44 BCE", "Ides of March"),
        ("24 Dec 1979", "War"),
    ] {
        let line = screen
            .iter()
            .find(|l| l.contains(title))
            .unwrap_or_else(|| panic!("{title} is not on the screen:\n{}", screen.join("\n")));
        assert!(line.contains(&format!("{date} ")), "{date} cut in {line:?}");
        // Titles line up after the widest date.
        let at = line.find(title).expect("found above");
        let start = line.find(date).expect("found above");
        assert_eq!(
            line[start..at].chars().count(),
            "~31 Dec 9999 BCE ".chars().count(),
            "{line:?}"
        );
    }
}

/// Item 7: the detail pane scrolls past line 65,535.
#[test]
fn the_detail_scrolls_past_line_65535() {
    let lines = 70_000;
    let detail: String = (0..lines).fold(String::new(), |mut s, n| {
        let _ = writeln!(s, "line {n}");
        s
    });
    let text = timeline(&[("long", "1979", "Long", &detail)]);
    let mut app = app(&text, 80, 24, &[FocusDetail]);
    let mut before = usize::MAX;
    while app.detail_scroll() != before {
        before = app.detail_scroll();
        app.update(DetailPageDown);
    }
    assert!(
        app.detail_scroll() > usize::from(u16::MAX),
        "stopped at {}",
        app.detail_scroll()
    );
    let buf = draw(&app, 80, 24);
    let screen: String = (0..24).map(|y| row(&buf, y) + "\n").collect();
    assert!(screen.contains(&format!("line {}", lines - 1)), "{screen}");
}

/// Item 10: characters whose width terminals disagree on.
const TRICKY: [(&str, &str); 12] = [
    ("soft hyphen", "co\u{ad}operate"),
    ("hangul fillers", "a\u{115f}\u{1160}\u{3164}\u{ffa0}b"),
    ("line separators", "one\u{2028}two\u{2029}three"),
    ("noncharacters", "x\u{fdd0}\u{fffe}\u{10ffff}y"),
    ("zero-width space", "Kabul\u{200b}Kandahar"),
    (
        "combining run",
        "Z\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}\u{307}\u{308}alg\u{300}o",
    ),
    (
        "emoji zwj",
        "family \u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467} here",
    ),
    ("emoji vs16", "love \u{2764}\u{fe0f} end"),
    ("flag", "flag \u{1f1e6}\u{1f1eb} end"),
    ("cjk", "阿富汗塔利班"),
    ("dari zwnj", "می\u{200c}خواهم"),
    ("bom and word joiner", "\u{feff}a\u{2060}b"),
];

/// Format and filler characters show as escapes; combining runs are capped; the joiners
/// Dari needs stay.
#[test]
fn the_ui_shows_format_and_filler_characters_as_escapes() {
    for (name, text) in TRICKY {
        let shown = clean(text);
        for c in [
            '\u{ad}', '\u{115f}', '\u{1160}', '\u{3164}', '\u{ffa0}', '\u{2028}', '\u{2029}',
            '\u{fdd0}', '\u{fffe}', '\u{200b}', '\u{feff}', '\u{2060}',
        ] {
            assert!(!shown.contains(c), "{name}: {c:?} left raw in {shown:?}");
        }
        let run = shown
            .chars()
            .fold((0, 0), |(longest, now), c| {
                let now = if ('\u{300}'..='\u{36f}').contains(&c) {
                    now + 1
                } else {
                    0
                };
                (longest.max(now), now)
            })
            .0;
        assert!(
            run <= MAX_MARKS,
            "{name}: {run} marks in a row in {shown:?}"
        );
    }
    assert_eq!(clean("co\u{ad}operate"), "co\\u{ad}operate");
    assert_eq!(clean("می\u{200c}خواهم"), "می\u{200c}خواهم");
    assert!(
        clean(TRICKY[6].1).contains("\\u{200d}"),
        "ZWJ between emoji"
    );
}

/// One width measure: what `width` says a cut title takes is exactly the cells ratatui
/// fills, for each tricky string, at several widths; and list rows keep their badges.
#[test]
fn measured_widths_match_the_rendered_rows() {
    for (name, text) in TRICKY {
        for max in [3, 8, 20, 60] {
            let fitted = fit_clean(text, max);
            let measured = width(&fitted);
            assert!(measured <= max, "{name}: {fitted:?} is {measured} > {max}");
            let mut buf = Buffer::empty(Rect::new(0, 0, 80, 1));
            Line::raw(fitted.clone()).render(buf.area, &mut buf);
            // The cells a line fills: up to the last cell it wrote, plus the cells that
            // cell's symbol covers (a wide character's second cell is left blank).
            let filled = (0..80u16)
                .rev()
                .find(|&x| buf[(x, 0)].symbol() != " ")
                .map_or(0, |x| usize::from(x) + width(buf[(x, 0)].symbol()));
            assert!(
                filled == measured || fitted.ends_with(' '),
                "{name} at {max}: width says {measured}, the buffer holds {filled} in {:?}",
                row(&buf, 0)
            );
        }
    }
    // In the list: every row ends with its actor badge, whatever the title holds.
    let events: Vec<(String, String)> = TRICKY
        .iter()
        .enumerate()
        .map(|(i, (_, t))| (format!("e{i}"), (*t).repeat(8)))
        .collect();
    let specs: Vec<(&str, &str, &str, &str)> = events
        .iter()
        .map(|(id, title)| (id.as_str(), "1979", title.as_str(), "d"))
        .collect();
    let app = app(&timeline(&specs), 90, 40, &[]);
    let buf = draw(&app, 90, 40);
    let rows: Vec<String> = (0..40)
        .map(|y| row(&buf, y))
        .filter(|r| r.starts_with('│') && r.contains(" 1979 "))
        .collect();
    assert_eq!(rows.len(), TRICKY.len(), "{rows:#?}");
    for r in rows {
        let inside = r.trim_end().trim_end_matches('│').trim_end();
        assert!(inside.ends_with(" ussr"), "badge lost in {r:?}");
    }
}

/// A grapheme wider than a line (found by the sanitize fuzz target: prepended concatenation
/// marks join what follows) is split rather than overflowing.
#[test]
fn a_grapheme_wider_than_the_line_is_split() {
    for text in ["\u{601}\u{601}2", "\u{1100}\u{1100}\u{1100}\u{1161}"] {
        for max in [2, 3] {
            for line in wrap(text, max) {
                assert!(width(&line) <= max, "{text:?} at {max}: {line:?}");
            }
        }
    }
}
