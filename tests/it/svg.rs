//! `export --to svg`: the picture is well-formed XML, carries one `data-id` per event
//! drawn, puts marks in date order, draws imprecise dates across their period, refuses
//! its options elsewhere, switches to density for big timelines, and renders in resvg with
//! every era name and lane label inside the canvas, none over another.

// Pixel coordinates of a canvas a few thousand pixels wide: small, positive numbers.
#![allow(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::cast_precision_loss
)]

use std::collections::BTreeSet;
use std::fmt::Write as _;

use afghan_timeline::load;
use afghan_timeline::tui::time::svg::{self, DENSE_FROM, SvgOptions};

use crate::common::run;

fn export(args: &[&str]) -> String {
    let mut all = vec!["export", "--to", "svg"];
    all.extend_from_slice(args);
    let r = run(&all);
    r.code(0);
    r.stdout
}

fn marks<'a>(doc: &'a roxmltree::Document<'a>) -> Vec<roxmltree::Node<'a, 'a>> {
    doc.descendants()
        .filter(|n| n.attribute("data-id").is_some())
        .collect()
}

fn num(node: roxmltree::Node<'_, '_>, attr: &str) -> f64 {
    node.attribute(attr)
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("{attr} on {node:?}"))
}

fn ids_listed(args: &[&str]) -> BTreeSet<String> {
    let mut all = vec!["list", "--format", "id"];
    all.extend_from_slice(args);
    let r = run(&all);
    r.code(0);
    r.stdout.lines().map(str::to_owned).collect()
}

#[test]
fn one_data_id_per_filtered_event() {
    for (export_args, list_args) in [
        (vec![], vec![]),
        (vec!["--actor", "taliban"], vec!["--actor", "taliban"]),
        (
            vec!["--from", "1979", "--until", "1989"],
            vec!["--from", "1979", "--to", "1989"],
        ),
    ] {
        let text = export(&export_args);
        let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
        let ids: Vec<String> = marks(&doc)
            .iter()
            .map(|n| n.attribute("data-id").unwrap().to_owned())
            .collect();
        let expected = ids_listed(&list_args);
        assert!(!expected.is_empty());
        assert_eq!(ids.len(), expected.len(), "{export_args:?}");
        assert_eq!(ids.into_iter().collect::<BTreeSet<_>>(), expected);
        assert_eq!(
            doc.root_element().attribute("data-events"),
            Some(expected.len().to_string().as_str())
        );
        // Every mark has its dates and a tooltip.
        for m in marks(&doc) {
            assert!(m.attribute("data-start").is_some_and(|d| d.len() == 10));
            assert!(m.attribute("data-end").is_some_and(|d| d.len() == 10));
            let title = m.children().find(|c| c.has_tag_name("title"));
            assert!(
                title
                    .and_then(|t| t.text())
                    .is_some_and(|t| t.contains(" — "))
            );
        }
    }
}

#[test]
fn marks_run_left_to_right_in_date_order() {
    let text = export(&[]);
    let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
    let mut marks: Vec<(String, f64)> = marks(&doc)
        .iter()
        .map(|m| (m.attribute("data-start").unwrap().to_owned(), num(*m, "x")))
        .collect();
    assert!(marks.len() > 20);
    marks.sort_by(|a, b| a.0.cmp(&b.0));
    for pair in marks.windows(2) {
        assert!(pair[0].1 <= pair[1].1, "{pair:?}");
    }
    // Distinct years, distinct places.
    let first = marks.first().unwrap();
    let last = marks.last().unwrap();
    assert!(last.1 - first.1 > 1000.0, "{first:?} {last:?}");
    // The empty years between 1921 and 1978 fold, as in the time view: one mark, and no
    // event drawn inside it.
    let folds: Vec<_> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("fold"))
        .collect();
    assert_eq!(folds.len(), 1);
    assert_eq!(folds[0].attribute("data-start"), Some("1922-01-01"));
    assert_eq!(folds[0].attribute("data-end"), Some("1977-12-31"));
    let band = folds[0]
        .children()
        .find(|c| c.has_tag_name("rect"))
        .unwrap();
    let (x0, x1) = (num(band, "x"), num(band, "x") + num(band, "width"));
    assert!(
        marks.iter().all(|(_, x)| *x <= x0 || *x >= x1),
        "{x0}..{x1}"
    );
    let label = folds[0].children().find(|c| c.has_tag_name("text"));
    assert_eq!(label.and_then(|t| t.text()), Some("╌56y╌"));
}

const PRECISIONS: &str = r#"(
    title: "Precisions",
    actors: [(id: "a", name: "Actor A", kind: State), (id: "b", name: "Actor <B> & co", kind: Group)],
    eras: [
        (id: "war", name: "The war", start: "1979-12-24", end: "1989-02-15"),
        (id: "after", name: "After \"it\"", start: "1989-02-16"),
    ],
    events: [
        (id: "year", date: "1980", title: "Spring 1980, not to the day", summary: "s",
         actors: ["a"], sources: [(publisher: "P", title: "T")]),
        (id: "month", date: "1984-03", title: "March", summary: "s",
         actors: ["a", "b"], sources: [(publisher: "P", title: "T")]),
        (id: "day", date: "1985-06-01", title: "A <day> & \u{1b}[31mred", summary: "s",
         actors: ["b"], sources: [(publisher: "P", title: "T")]),
        (id: "approx", date: "~1987", title: "About then", summary: "s",
         actors: ["a"], sources: [(publisher: "P", title: "T")]),
        (id: "span", date: "1988-01-01", end: "1990-06-30", title: "A span", summary: "s",
         actors: ["a"], sources: [(publisher: "P", title: "T")]),
    ],
)"#;

fn picture(source: &str, width: u32) -> String {
    let timeline = load::parse(source, "test.ron").expect("the fixture loads");
    let mut out = Vec::new();
    let options = SvgOptions {
        width,
        ..SvgOptions::default()
    };
    svg::write(&mut out, &timeline, options).expect("writing to a Vec");
    String::from_utf8(out).expect("UTF-8")
}

fn mark<'a>(doc: &'a roxmltree::Document<'a>, id: &str) -> roxmltree::Node<'a, 'a> {
    doc.descendants()
        .find(|n| n.attribute("data-id") == Some(id))
        .unwrap_or_else(|| panic!("a mark for {id}"))
}

#[test]
fn imprecise_dates_are_drawn_across_their_period() {
    let text = picture(PRECISIONS, 1200);
    let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
    let (year, month, day) = (mark(&doc, "year"), mark(&doc, "month"), mark(&doc, "day"));
    let w = |n| num(n, "width");
    assert!(
        w(year) > w(month) && w(month) > w(day),
        "{year:?} {month:?} {day:?}"
    );
    assert_eq!(year.attribute("data-start"), Some("1980-01-01"));
    assert_eq!(year.attribute("data-end"), Some("1980-12-31"));
    assert_eq!(month.attribute("data-end"), Some("1984-03-31"));
    assert_eq!(day.attribute("data-end"), Some("1985-06-01"));
    // Marked apart: approximate, and a span to its end.
    assert!(
        mark(&doc, "approx")
            .attribute("class")
            .unwrap()
            .contains("approx")
    );
    let span = mark(&doc, "span");
    assert_eq!(span.attribute("data-end"), Some("1990-06-30"));
    assert!(w(span) > w(year));
    // The month's event is in two lanes and carries its id once.
    assert_eq!(
        doc.descendants()
            .filter(|n| n.attribute("data-of") == Some("month"))
            .count(),
        1
    );
}

#[test]
fn text_from_the_file_is_escaped_and_free_of_control_characters() {
    let text = picture(PRECISIONS, 1200);
    assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{text}");
    let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
    let all: String = doc.descendants().filter_map(|n| n.text()).collect();
    assert!(all.contains("Actor <B> & co"));
    assert!(all.contains("A <day> & \\u{1b}[31mred"));
    // The ongoing era says so.
    assert!(all.contains("After \"it\" → now"), "{all}");
}

#[test]
fn width_belongs_to_svg_only() {
    let r = run(&["export", "--to", "json", "--width", "800"]);
    r.code(2);
    assert!(r.stderr.contains("'--to svg'"), "{}", r.stderr);
    // A filter that matches nothing writes nothing, as every export.
    let r = run(&["export", "--to", "svg", "--query", "zzzqqq-nothing"]);
    r.code(1);
    assert!(r.stderr.contains("no event matches"), "{}", r.stderr);
    assert!(r.stdout.is_empty());
    let text = export(&["--width", "900"]);
    let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
    assert_eq!(doc.root_element().attribute("width"), Some("900"));
}

/// A timeline of `n` events over `actors` actors, spread over fifty years.
fn big(n: usize, actors: usize) -> String {
    let mut s = String::from("(title: \"Big\", actors: [");
    for a in 0..actors {
        let _ = write!(s, "(id: \"a{a}\", name: \"Actor {a}\", kind: State),");
    }
    s.push_str(
        "], eras: [(id: \"e\", name: \"The era\", start: \"1970\", end: \"1990\")], events: [",
    );
    for i in 0..n {
        let day = 1 + i % 28;
        let month = 1 + (i / 28) % 12;
        let year = 1960 + (i / 336) % 50;
        let _ = write!(
            s,
            "(id: \"e{i}\", date: \"{year}-{month:02}-{day:02}\", title: \"E\", summary: \"s\", actors: [\"a{}\"], sources: [(publisher: \"P\", title: \"T\")]),",
            i % actors
        );
    }
    s.push_str("])");
    s
}

#[test]
fn many_events_are_drawn_as_density() {
    let n = DENSE_FROM + 500;
    let text = picture(&big(n, 20), 1600);
    let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.attribute("data-dense"), Some("true"));
    assert_eq!(root.attribute("data-events"), Some(n.to_string().as_str()));
    assert_eq!(marks(&doc).len(), 0);
    // Each event counted once in its one lane.
    let cells: Vec<_> = doc
        .descendants()
        .filter(|n| n.attribute("data-count").is_some())
        .collect();
    let total: f64 = cells.iter().map(|c| num(*c, "data-count")).sum();
    assert!((total - n as f64).abs() < 0.5, "{total}");
    for c in &cells {
        assert!(c.attribute("data-start") <= c.attribute("data-end"));
        assert!(num(*c, "x") >= 0.0 && num(*c, "x") + num(*c, "width") <= 1600.0);
    }
    // Below the threshold, one mark per event.
    let text = picture(&big(DENSE_FROM - 1, 20), 1600);
    let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
    assert_eq!(marks(&doc).len(), DENSE_FROM - 1);
    // Twenty actors: twelve lanes of their own, and the others' events share one.
    let lanes: Vec<&str> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("lane-label"))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(lanes.len(), 13, "{lanes:?}");
    let others = lanes.last().unwrap();
    let count: usize = others
        .strip_prefix("Others (")
        .and_then(|s| s.strip_suffix(')'))
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{others:?}"));
    // Events go round the actors: the last eight of every twenty have no lane of their own.
    assert_eq!(count, (0..DENSE_FROM - 1).filter(|i| i % 20 >= 12).count());
}

/// Every text of the picture as resvg lays it out: its content and its box.
fn texts(tree: &resvg::usvg::Tree) -> Vec<(String, resvg::usvg::Rect)> {
    fn walk(group: &resvg::usvg::Group, out: &mut Vec<(String, resvg::usvg::Rect)>) {
        for node in group.children() {
            match node {
                resvg::usvg::Node::Group(g) => walk(g, out),
                resvg::usvg::Node::Text(t) => {
                    let s: String = t
                        .chunks()
                        .iter()
                        .map(resvg::usvg::TextChunk::text)
                        .collect();
                    out.push((s, t.abs_bounding_box()));
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(tree.root(), &mut out);
    out
}

#[test]
fn resvg_renders_every_era_and_lane_inside_the_canvas() {
    let text = export(&[]);
    let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
    let labels = |class: &str| -> Vec<String> {
        doc.descendants()
            .filter(|n| n.attribute("class") == Some(class))
            .filter_map(|n| n.text().map(str::to_owned))
            .collect()
    };
    let (eras, lanes) = (labels("era-label"), labels("lane-label"));
    // Every era of the built-in timeline is named, whole.
    let timeline = load::parse(load::EMBEDDED, "built-in").expect("loads");
    assert_eq!(eras.len(), timeline.eras.len());
    for era in &timeline.eras {
        assert!(
            eras.iter().any(|e| e.starts_with(&era.name)),
            "{} in {eras:?}",
            era.name
        );
    }
    assert!(lanes.len() >= 5);

    let mut options = resvg::usvg::Options::default();
    options.fontdb_mut().load_system_fonts();
    assert!(
        !options.fontdb.is_empty(),
        "the test needs a system font (fonts-dejavu-core)"
    );
    let tree = resvg::usvg::Tree::from_str(&text, &options).expect("resvg parses it");
    let (w, h) = (tree.size().width(), tree.size().height());
    let laid = texts(&tree);
    for name in eras.iter().chain(&lanes) {
        let found = laid.iter().find(|(s, _)| s == name);
        let (_, b) = found.unwrap_or_else(|| panic!("{name:?} laid out by resvg"));
        assert!(b.width() > 1.0 && b.height() > 1.0, "{name:?} drawn: {b:?}");
    }
    // Nothing outside the canvas, and no text over another.
    let all = tree.root().abs_bounding_box();
    assert!(
        all.left() >= 0.0 && all.top() >= 0.0 && all.right() <= w && all.bottom() <= h,
        "{all:?} in {w}×{h}"
    );
    for (i, (a, ra)) in laid.iter().enumerate() {
        assert!(
            ra.left() >= 0.0 && ra.right() <= w && ra.bottom() <= h,
            "{a:?} {ra:?}"
        );
        for (b, rb) in &laid[i + 1..] {
            let apart = ra.right() <= rb.left()
                || rb.right() <= ra.left()
                || ra.bottom() <= rb.top()
                || rb.bottom() <= ra.top();
            assert!(apart, "{a:?} {ra:?} overlaps {b:?} {rb:?}");
        }
    }

    // Rendered: ink where each era's name is.
    let mut pixmap = resvg::tiny_skia::Pixmap::new(w.ceil() as u32, h.ceil() as u32).unwrap();
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::default(),
        &mut pixmap.as_mut(),
    );
    let png = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("svg-export.png");
    pixmap.save_png(&png).expect("the PNG is written");
    for name in &eras {
        let (_, b) = laid.iter().find(|(s, _)| s == name).unwrap();
        let dark = (b.left() as u32..b.right() as u32)
            .flat_map(|x| (b.top() as u32..b.bottom() as u32).map(move |y| (x, y)))
            .filter(|&(x, y)| pixmap.pixel(x, y).is_some_and(|p| p.red() < 100))
            .count();
        assert!(dark > 20, "{name:?}: {dark} dark pixels in {b:?}");
    }
}
