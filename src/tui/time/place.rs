//! Greedy placement of event titles beside their markers.
//!
//! A title goes to the right of its marker (or of its bar's end), one space after it, into
//! cells that hold nothing, and stops a space before the next thing in the lane. The
//! selected event is placed first, then the others from left to right; a title that has
//! fewer than [`MIN_LABEL`] columns is left out, a longer one is cut (the view ends it
//! with `…`). Placed titles therefore never overlap each other or any mark, and dense
//! stretches, where markers and counts leave no room, show no titles at all.

use super::lanes::{Cell, Kind};
use crate::model::EventId;

/// Columns a title needs at least to be worth showing.
pub const MIN_LABEL: u16 = 4;

/// A title placed in a lane: `width` columns from `col`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placed {
    pub id: EventId,
    pub col: u16,
    pub width: u16,
}

/// Places the titles of the lane's single events; `title_width` gives a title's full width
/// in columns (the placement never asks for more), `selected` goes first.
pub fn place_labels(
    cells: &[Cell],
    selected: Option<EventId>,
    title_width: &mut dyn FnMut(EventId) -> u16,
) -> Vec<Placed> {
    let width = u16::try_from(cells.len()).unwrap_or(u16::MAX);
    // (event, the column after its marker or bar)
    let mut anchors: Vec<(EventId, u16)> = Vec::new();
    let mut c = 0u16;
    while c < width {
        match cells[usize::from(c)].kind {
            // An imprecise date's run (`◇┄┄`, `○┈┈`) is its own: the title goes after it.
            Kind::Point(id) => {
                let mut end = c + 1;
                while end < width
                    && cells[usize::from(end)].kind == Kind::Bar
                    && matches!(cells[usize::from(end)].ch, '┄' | '┈')
                {
                    end += 1;
                }
                anchors.push((id, end));
            }
            Kind::Start(id) => {
                let mut end = c + 1;
                while end < width && cells[usize::from(end)].kind == Kind::Bar {
                    end += 1;
                }
                anchors.push((id, end));
            }
            _ => {}
        }
        c += 1;
    }
    if let Some(i) = anchors.iter().position(|(id, _)| Some(*id) == selected) {
        let first = anchors.remove(i);
        anchors.insert(0, first);
    }
    let mut taken: Vec<bool> = cells.iter().map(|c| c.kind != Kind::Empty).collect();
    let mut out = Vec::new();
    for (id, after) in anchors {
        // One space after the marker, then free cells up to a space before the next mark.
        let from = after + 1;
        if after >= width || taken[usize::from(after)] || from >= width {
            continue;
        }
        let free = taken[usize::from(from)..]
            .iter()
            .take_while(|t| !**t)
            .count();
        let free = u16::try_from(free).unwrap_or(u16::MAX);
        let room = if from + free >= width {
            free
        } else {
            free.saturating_sub(1)
        };
        let len = room.min(title_width(id));
        if len < MIN_LABEL.min(title_width(id)) || len == 0 {
            continue;
        }
        for t in &mut taken[usize::from(after)..usize::from(from + len)] {
            *t = true;
        }
        out.push(Placed {
            id,
            col: from,
            width: len,
        });
    }
    out.sort_by_key(|p| p.col);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lane(pattern: &str) -> Vec<Cell> {
        pattern
            .chars()
            .enumerate()
            .map(|(i, ch)| {
                let id = EventId(u32::try_from(i).unwrap());
                let kind = match ch {
                    '◆' => Kind::Point(id),
                    '┣' => Kind::Start(id),
                    '━' => Kind::Bar,
                    ' ' => Kind::Empty,
                    _ => Kind::Count(2),
                };
                Cell { ch, kind }
            })
            .collect()
    }

    fn place(pattern: &str, selected: Option<u32>, title: u16) -> Vec<(u32, u16, u16)> {
        place_labels(&lane(pattern), selected.map(EventId), &mut |_| title)
            .into_iter()
            .map(|p| (p.id.0, p.col, p.width))
            .collect()
    }

    #[test]
    fn a_title_goes_after_its_marker_and_stops_before_the_next() {
        // ◆ at 0 and 12: the first title has columns 2..=10, one space before the ◆.
        assert_eq!(
            place("◆           ◆         ", None, 40),
            [(0, 2, 9), (12, 14, 8)]
        );
        // Short titles take only their width.
        assert_eq!(place("◆           ◆", None, 3), [(0, 2, 3)]);
    }

    #[test]
    fn a_bar_is_labelled_after_its_end() {
        assert_eq!(place("┣━━━        ", None, 20), [(0, 5, 7)]);
    }

    #[test]
    fn cramped_titles_are_left_out() {
        assert!(place("◆   ◆   ◆", None, 30).is_empty());
        assert!(place("◆◆◆◆◆◆", None, 30).is_empty());
        assert!(place("◆ 3  ◆", None, 30).is_empty());
    }

    #[test]
    fn titles_come_out_left_to_right_whatever_is_selected() {
        let expected = [(0, 2, 4), (7, 9, 6)];
        assert_eq!(place("◆      ◆       ", None, 30), expected);
        assert_eq!(place("◆      ◆       ", Some(7), 30), expected);
    }

    /// Over many lanes, no placed title overlaps a mark or another title.
    #[test]
    fn placed_titles_never_overlap() {
        let mut seed = 12_345u64;
        for _ in 0..500 {
            let pattern: String = (0..60)
                .map(|_| {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    match (seed >> 33) % 10 {
                        0 => '◆',
                        1 => '┣',
                        2 => '━',
                        3 => '4',
                        _ => ' ',
                    }
                })
                .collect();
            let cells = lane(&pattern);
            let placed = place_labels(&cells, Some(EventId(7)), &mut |id| {
                u16::try_from(id.0 % 13).unwrap()
            });
            let mut used = vec![false; cells.len()];
            for p in &placed {
                for c in p.col..p.col + p.width {
                    let c = usize::from(c);
                    assert_eq!(cells[c].kind, Kind::Empty, "{pattern:?} {p:?}");
                    assert!(!used[c], "{pattern:?} {placed:?}");
                    used[c] = true;
                }
            }
        }
    }
}
