//! Lane choice, per-cell counts, bars and the "others" lane, each checked against a plain
//! count over the events.

use std::fmt::Write as _;

use super::*;
use crate::load;

/// Actors a–e; a is in most events, e in one; "long" runs 1980–1989.
const RON: &str = r#"(
    title: "t",
    actors: [
        (id: "a", name: "Alpha", kind: State),
        (id: "b", name: "Beta", kind: State),
        (id: "c", name: "Gamma", kind: Group),
        (id: "d", name: "Delta", kind: Person),
        (id: "e", name: "Epsilon", kind: Person),
    ],
    events: [
        (id: "p1", date: "1980-01-01", title: "one", summary: "s", actors: ["a"], sources: [(publisher: "p", title: "t")]),
        (id: "long", date: "1980-01-02", end: "1989-12-31", title: "long", summary: "s", actors: ["a", "b"], sources: [(publisher: "p", title: "t")]),
        (id: "p2", date: "1980-01-03", title: "two", summary: "s", actors: ["a", "c"], sources: [(publisher: "p", title: "t")]),
        (id: "p3", date: "1985-06", title: "three", summary: "s", actors: ["a"], sources: [(publisher: "p", title: "t")]),
        (id: "p4", date: "1985-06-15", title: "four", summary: "s", actors: ["c"], sources: [(publisher: "p", title: "t")]),
        (id: "p5", date: "1987", title: "five", summary: "s", actors: ["d"], sources: [(publisher: "p", title: "t")]),
        (id: "p6", date: "1988-03-03", title: "six", summary: "s", actors: ["d", "e"], sources: [(publisher: "p", title: "t")]),
        (id: "p7", date: "1989", title: "seven", summary: "s", actors: ["b"], sources: [(publisher: "p", title: "t")]),
        (id: "short", date: "1989-05-01", end: "1989-05-02", title: "short", summary: "s", actors: ["e"], sources: [(publisher: "p", title: "t")]),
    ],
)"#;

struct Fixture {
    timeline: Timeline,
    index: SearchIndex,
    visible: Vec<EventId>,
    lanes: LaneIndex,
}

fn fixture() -> Fixture {
    let timeline = load::parse(RON, "t.ron").expect("the fixture loads");
    let index = SearchIndex::build(&timeline);
    let visible: Vec<EventId> = timeline.event_ids().collect();
    let lanes = LaneIndex::build(&timeline, &index, &visible);
    Fixture {
        timeline,
        index,
        visible,
        lanes,
    }
}

impl Fixture {
    fn events(&self) -> Events<'_> {
        Events {
            timeline: &self.timeline,
            index: &self.index,
            visible: &self.visible,
            lanes: &self.lanes,
        }
    }

    fn actor(&self, id: &str) -> ActorId {
        self.timeline
            .find_actor(id)
            .expect("an actor of the fixture")
    }

    fn whole(&self, width: u16) -> Scale {
        Window::default().scale(self.lanes.extent, width)
    }
}

use super::super::Window;

fn row(cells: &[Cell]) -> String {
    cells.iter().map(|c| c.ch).collect()
}

#[test]
fn the_extent_runs_from_the_first_start_to_the_last_end() {
    let f = fixture();
    let first = i64::from(f.index.first_day(f.visible[0]));
    assert_eq!(f.lanes.extent.first, first);
    // "long" ends 1989-12-31, the last day of all.
    let long = f.timeline.find_event("long").unwrap();
    assert_eq!(f.lanes.extent.end, i64::from(f.index.last_day(long)) + 1);
}

#[test]
fn without_a_filter_the_busiest_actors_get_lanes_then_others() {
    let f = fixture();
    let scale = f.whole(50);
    let ids = |keys: &[LaneKey]| -> Vec<String> {
        keys.iter()
            .map(|k| match k {
                LaneKey::Actor(a) => f.timeline.actor(*a).id.clone(),
                LaneKey::Others => "others".to_owned(),
            })
            .collect()
    };
    // Counts: a 4, b 2, c 2, d 2, e 2: ties in the timeline's order.
    assert_eq!(
        ids(&choose_lanes(&f.lanes, &[], &scale, 9)),
        ["a", "b", "c", "d", "e"]
    );
    assert_eq!(
        ids(&choose_lanes(&f.lanes, &[], &scale, 5)),
        ["a", "b", "c", "d", "e"]
    );
    assert_eq!(
        ids(&choose_lanes(&f.lanes, &[], &scale, 3)),
        ["a", "b", "others"]
    );
    assert_eq!(ids(&choose_lanes(&f.lanes, &[], &scale, 1)), ["others"]);
    assert!(choose_lanes(&f.lanes, &[], &scale, 0).is_empty());
    // Only the visible span counts: in 1987–1989, d and e lead and a has nothing.
    let late = Scale::new(f.index.first_day(f.visible[5]).into(), 3 * 365, 50);
    assert_eq!(ids(&choose_lanes(&f.lanes, &[], &late, 9)), ["d", "e", "b"]);
}

#[test]
fn with_a_filter_the_lanes_are_the_filtered_actors() {
    let f = fixture();
    let scale = f.whole(50);
    let filtered = [f.actor("e"), f.actor("c")];
    assert_eq!(
        choose_lanes(&f.lanes, &filtered, &scale, 4),
        [LaneKey::Actor(filtered[0]), LaneKey::Actor(filtered[1])]
    );
    assert_eq!(
        choose_lanes(&f.lanes, &filtered, &scale, 1),
        [LaneKey::Others]
    );
}

/// Every count in every cell equals a plain count of the events starting in its days.
#[test]
fn cell_counts_match_a_scan_of_the_events() {
    let f = fixture();
    for width in [3u16, 10, 37, 80, 400] {
        let scale = f.whole(width);
        for a in 0..5u32 {
            let actor = ActorId(a);
            let cells = f.events().cells(LaneKey::Actor(actor), &scale, &[]);
            assert_eq!(cells.len(), usize::from(width));
            for c in 0..width {
                let (from, to) = (scale.day_at(c), scale.day_at(c + 1));
                let expected: Vec<EventId> = f
                    .visible
                    .iter()
                    .copied()
                    .filter(|id| f.timeline.event(*id).actors.contains(&actor))
                    .filter(|id| (from..to).contains(&i64::from(f.index.first_day(*id))))
                    .collect();
                let got = cells[usize::from(c)].kind;
                match expected.as_slice() {
                    [] => assert!(matches!(got, Kind::Empty | Kind::Bar), "{got:?}"),
                    [one] => assert!(
                        got == Kind::Point(*one) || got == Kind::Start(*one),
                        "{got:?}"
                    ),
                    many => assert_eq!(got, Kind::Count(u32::try_from(many.len()).unwrap())),
                }
                assert_eq!(
                    f.lanes.count(actor, from, to),
                    expected.len(),
                    "the range count agrees"
                );
            }
        }
    }
}

#[test]
fn a_duration_is_a_bar_to_its_end_and_never_less_than_a_cell() {
    let f = fixture();
    let scale = f.whole(40);
    let b = f.events().cells(LaneKey::Actor(f.actor("b")), &scale, &[]);
    // "long" starts in the first column and runs to the last; "seven" (1989) sits on it.
    assert_eq!(
        b[0].kind,
        Kind::Start(f.timeline.find_event("long").unwrap())
    );
    let bar = row(&b);
    assert!(
        bar.starts_with("━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━"),
        "{bar:?}"
    );
    // "seven" is known to the year, which spans four columns here: its mark is the
    // hollow one of an imprecise date (the bar leaves its run no empty cells).
    assert!(bar.contains('◇'), "the point on the bar shows: {bar:?}");
    // "short" lasts two days: at forty columns for ten years it is one cell.
    let e = f.events().cells(LaneKey::Actor(f.actor("e")), &scale, &[]);
    let short = f.timeline.find_event("short").unwrap();
    let cols: Vec<usize> = (0..e.len())
        .filter(|&c| matches!(e[c].kind, Kind::Start(id) if id == short) || e[c].kind == Kind::Bar)
        .collect();
    assert_eq!(cols.len(), 1, "{}", row(&e));
}

#[test]
fn a_duration_that_starts_before_the_span_still_crosses_it() {
    let f = fixture();
    let from = f.index.first_day(f.visible[5]).into();
    let scale = Scale::new(from, 200, 20);
    let b = f.events().cells(LaneKey::Actor(f.actor("b")), &scale, &[]);
    assert_eq!(row(&b), "━".repeat(20));
}

#[test]
fn counts_are_digits_numbers_where_they_fit_or_shades() {
    let cells = |kinds: &[u32]| -> Vec<Cell> {
        kinds
            .iter()
            .map(|&n| match n {
                0 => Cell::EMPTY,
                n => Cell {
                    ch: ' ',
                    kind: Kind::Count(n),
                },
            })
            .collect()
    };
    let mut c = cells(&[2, 0, 12, 0, 0, 345, 0, 0, 12, 5, 150, 7000, 3, 4, 0, 6]);
    write_counts(&mut c);
    // 12 after 345 and 4 after 3 would run into the digits before them.
    assert_eq!(row(&c), "2 12 345▒5▓█3░ 6");
}

#[test]
fn the_others_lane_holds_the_events_with_no_actor_in_a_lane() {
    let f = fixture();
    let scale = f.whole(60);
    let shown = [f.actor("a"), f.actor("b")];
    let cells = f.events().cells(LaneKey::Others, &scale, &shown);
    let counted: u32 = cells
        .iter()
        .map(|c| match c.kind {
            Kind::Point(_) | Kind::Start(_) => 1,
            Kind::Count(n) if c.ch.is_ascii_digit() => n,
            _ => 0,
        })
        .sum();
    // p4 (c), p5 (d), p6 (d, e), short (e): p2 has a; long has a and b.
    assert_eq!(counted, 4, "{}", row(&cells));
    let short = f.timeline.find_event("short").unwrap();
    assert!(cells.iter().any(|c| c.kind == Kind::Start(short)));
}

/// The others lane's counts equal a plain scan, at every width, for every set of lanes;
/// asked again, the kept lane gives the same cells.
#[test]
fn others_counts_match_a_scan_of_the_events() {
    let f = fixture();
    let sets: [&[&str]; 4] = [&["a"], &["a", "b"], &["d", "c"], &["e"]];
    for set in sets {
        let shown: Vec<ActorId> = set.iter().map(|a| f.actor(a)).collect();
        for width in [4u16, 19, 64, 300] {
            let scale = f.whole(width);
            let cells = f.events().cells(LaneKey::Others, &scale, &shown);
            assert_eq!(cells, f.events().cells(LaneKey::Others, &scale, &shown));
            for c in 0..width {
                let (from, to) = (scale.day_at(c), scale.day_at(c + 1));
                let expected: Vec<EventId> = f
                    .visible
                    .iter()
                    .copied()
                    .filter(|id| {
                        !f.timeline
                            .event(*id)
                            .actors
                            .iter()
                            .any(|a| shown.contains(a))
                    })
                    .filter(|id| (from..to).contains(&i64::from(f.index.first_day(*id))))
                    .collect();
                let got = cells[usize::from(c)].kind;
                match expected.as_slice() {
                    [] => assert!(matches!(got, Kind::Empty | Kind::Bar), "{got:?}"),
                    [one] => assert!(got == Kind::Point(*one) || got == Kind::Start(*one)),
                    many => assert_eq!(got, Kind::Count(u32::try_from(many.len()).unwrap())),
                }
            }
        }
    }
}

/// Past 64 actors the masks are not exact: lanes and the others lane read the events'
/// actor lists instead, with the same results.
#[test]
fn more_than_64_actors_are_counted_exactly() {
    let mut actors = String::new();
    for i in 0..70 {
        write!(actors, "(id: \"x{i}\", name: \"X{i}\", kind: Group),").expect("a String");
    }
    // x1 and x65 share a mask bit; each event has one of them.
    let ron = format!(
        r#"(title: "t", actors: [{actors}], events: [
            (id: "a", date: "2000", title: "a", summary: "s", actors: ["x1"], sources: [(publisher: "p", title: "t")]),
            (id: "b", date: "2001", end: "2003", title: "b", summary: "s", actors: ["x65"], sources: [(publisher: "p", title: "t")]),
            (id: "c", date: "2002", title: "c", summary: "s", actors: ["x65", "x2"], sources: [(publisher: "p", title: "t")]),
        ])"#
    );
    let timeline = load::parse(&ron, "t.ron").expect("loads");
    let index = SearchIndex::build(&timeline);
    let visible: Vec<EventId> = timeline.event_ids().collect();
    let lanes = LaneIndex::build(&timeline, &index, &visible);
    let scale = Window::default().scale(lanes.extent, 10);
    let (x1, x65) = (ActorId(1), ActorId(65));
    assert_eq!(lanes.count(x1, scale.start, scale.end()), 1);
    assert_eq!(lanes.count(x65, scale.start, scale.end()), 2);
    let events = Events {
        timeline: &timeline,
        index: &index,
        visible: &visible,
        lanes: &lanes,
    };
    // With x1 in a lane, the others are b and c (x65's), not a.
    let others = events.cells(LaneKey::Others, &scale, &[x1]);
    let starts = others
        .iter()
        .filter(|c| matches!(c.kind, Kind::Point(_) | Kind::Start(_)))
        .count();
    assert_eq!(starts, 2, "{}", row(&others));
    assert!(others.iter().any(|c| c.kind == Kind::Bar), "b's bar shows");
}

#[test]
fn galloping_finds_the_same_point_as_a_binary_search() {
    let days: Vec<i32> = (0..500).map(|i| i * 3 / 7).collect();
    for from in [0usize, 1, 17, 250, 499, 500] {
        for bound in [-1i32, 0, 5, 100, 213, 214, 1000] {
            let expected = from.max(days.partition_point(|&d| d < bound));
            let got = gallop(days.len(), from, |i| days[i] < bound);
            assert_eq!(got, expected, "from {from} bound {bound}");
        }
    }
}

/// Zoomed and panned, the others lane (laid out over a stretch around the span) still
/// matches a scan, bars that start before the span included; the lanes kept from earlier
/// spans give the same cells as fresh ones.
#[test]
fn others_match_a_scan_in_every_window() {
    let f = fixture();
    let first = f.lanes.extent.first;
    // With c and d in lanes, "long" (a, b: ten years) is an other and crosses every span.
    for (shown, offset) in [["a", "d"], ["c", "d"]]
        .into_iter()
        .flat_map(|set| [0i64, 180, 700, 2500, 3300].map(|o| (set, o)))
    {
        let shown = shown.map(|a| f.actor(a));
        for span in [60i64, 400, 1500, 4000] {
            let scale = Scale::new(first + offset, span, 30);
            let cells = f.events().cells(LaneKey::Others, &scale, &shown);
            let fresh = fixture();
            assert_eq!(cells, fresh.events().cells(LaneKey::Others, &scale, &shown));
            for c in 0..scale.width {
                let (from, to) = (scale.day_at(c), scale.day_at(c + 1));
                let others = f.visible.iter().copied().filter(|id| {
                    !f.timeline
                        .event(*id)
                        .actors
                        .iter()
                        .any(|a| shown.contains(a))
                });
                let starting = others
                    .clone()
                    .filter(|id| (from..to).contains(&i64::from(f.index.first_day(*id))))
                    .count();
                let crossing = others.filter(|id| f.index.has_end(*id)).any(|id| {
                    i64::from(f.index.first_day(id)) < to && i64::from(f.index.last_day(id)) >= from
                });
                let got = cells[usize::from(c)].kind;
                match starting {
                    0 if crossing => assert_eq!(got, Kind::Bar, "{scale:?} {c}"),
                    // Or the run of an imprecise date that starts in an earlier cell.
                    0 => assert!(
                        got == Kind::Empty
                            || (got == Kind::Bar && matches!(cells[usize::from(c)].ch, '┄' | '┈')),
                        "{scale:?} {c}: {got:?}"
                    ),
                    1 => assert!(matches!(got, Kind::Point(_) | Kind::Start(_)), "{got:?}"),
                    n => assert_eq!(got, Kind::Count(u32::try_from(n).unwrap())),
                }
            }
        }
    }
}
