//! Era bands above the lanes. Eras may overlap (an intervention inside a war, a rule that
//! outlasts it); overlapping ones go to separate rows so that none hides another.

use super::Scale;
use crate::model::Era;

/// One era's band in a row: columns `from..=to`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EraBand {
    /// Index into the timeline's eras (its colour and name).
    pub era: usize,
    pub from: u16,
    pub to: u16,
}

/// The eras shown at `scale`, stacked greedily: each era goes to the first row whose last
/// band ends before it begins (a column apart, so that two names never touch), in the
/// timeline's era order sorted by start. At most `max_rows` rows; eras that would need
/// more are left out.
pub fn stack_eras(eras: &[Era], scale: &Scale, max_rows: usize) -> Vec<Vec<EraBand>> {
    stack_bands(
        eras,
        |era| {
            let (start, end) = (i64::from(era.start.sort_key()), i64::from(era.end_key()));
            (end >= scale.start && start < scale.end())
                .then(|| (scale.col_clamped(start), scale.col_clamped(end)))
        },
        max_rows,
    )
}

/// The stacking itself, for any way of placing an era in columns (`columns` gives an
/// era's first and last column, or `None` when it is not shown): the list's folded axis
/// uses it too.
pub fn stack_bands(
    eras: &[Era],
    columns: impl Fn(&Era) -> Option<(u16, u16)>,
    max_rows: usize,
) -> Vec<Vec<EraBand>> {
    let mut order: Vec<usize> = (0..eras.len()).collect();
    order.sort_by_key(|&i| (eras[i].start.sort_key(), i));
    let mut rows: Vec<Vec<EraBand>> = Vec::new();
    for i in order {
        let Some((from, to)) = columns(&eras[i]) else {
            continue;
        };
        let band = EraBand { era: i, from, to };
        let free = rows
            .iter()
            .position(|row| row.last().is_none_or(|b| b.to < band.from));
        match free {
            Some(r) => rows[r].push(band),
            None if rows.len() < max_rows => rows.push(vec![band]),
            None => {}
        }
    }
    rows
}

/// An era's name as a label: its name, cleaned, and `→ now` when it is ongoing. Only
/// the name's first 256 characters are read: no row is wider, and a name may be megabytes.
pub fn era_label(era: &Era) -> String {
    let head = era
        .name
        .char_indices()
        .nth(256)
        .map_or(era.name.as_str(), |(i, _)| &era.name[..i]);
    let name = crate::sanitize::line(head);
    if era.end.is_none() {
        format!("{name} → now")
    } else {
        name.into_owned()
    }
}

/// Where an era's name is written: on row `row` of the era rows, `width` columns from
/// `col` (inside its band, or running on past it into free columns of its row).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EraLabel {
    pub era: usize,
    pub row: usize,
    pub col: u16,
    pub width: u16,
    /// Whether the whole label is shown (else it is cut, and the legend names the era).
    pub whole: bool,
}

/// Era bands stacked so that every name has room: the bands, the labels, and the eras a
/// legend must name in full (cut, or left out for want of rows).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LabelledEras {
    pub rows: Vec<Vec<EraBand>>,
    pub labels: Vec<EraLabel>,
    pub legend: Vec<usize>,
}

/// Shortest cut label worth writing (with its `…`).
const MIN_CUT_LABEL: u16 = 5;

/// Stacks the eras as [`stack_bands`] does, but each era keeps the columns its label
/// needs too: from the band's first column (or, near the right edge, ending there), a
/// column apart from anything else in the row. An era whose label finds no row within
/// `max_rows` goes, in a second pass, where its band alone fits, its label cut to the
/// free columns there; it is then in the legend, as is an era with no room at all.
pub fn stack_labelled(
    eras: &[Era],
    columns: impl Fn(&Era) -> Option<(u16, u16)>,
    label_width: impl Fn(usize) -> u16,
    width: u16,
    max_rows: usize,
) -> LabelledEras {
    let mut order: Vec<usize> = (0..eras.len()).collect();
    order.sort_by_key(|&i| (eras[i].start.sort_key(), i));
    // Per row, the column ranges taken (inclusive).
    let mut taken: Vec<Vec<(u16, u16)>> = Vec::new();
    let mut out = LabelledEras::default();
    let free = |row: &[(u16, u16)], (a, b): (u16, u16)| {
        row.iter()
            .all(|&(x, y)| u32::from(b) + 1 < u32::from(x) || u32::from(y) + 1 < u32::from(a))
    };
    let mut later = Vec::new();
    for i in order {
        let Some((from, to)) = columns(&eras[i]) else {
            continue;
        };
        let lw = label_width(i);
        if lw == 0 || lw > width {
            later.push((i, from, to));
            continue;
        }
        let col = from.min(width - lw);
        let reach = (from.min(col), to.max(col + lw - 1));
        let row = match taken.iter().position(|r| free(r, reach)) {
            Some(r) => r,
            None if taken.len() < max_rows => {
                taken.push(Vec::new());
                out.rows.push(Vec::new());
                taken.len() - 1
            }
            None => {
                later.push((i, from, to));
                continue;
            }
        };
        taken[row].push(reach);
        out.rows[row].push(EraBand { era: i, from, to });
        out.labels.push(EraLabel {
            era: i,
            row,
            col,
            width: lw,
            whole: true,
        });
    }
    for (i, from, to) in later {
        let Some(row) = taken.iter().position(|r| free(r, (from, to))) else {
            out.legend.push(i);
            continue;
        };
        // The free columns from the band's start to the next thing in the row.
        let next = taken[row]
            .iter()
            .filter(|&&(x, _)| x > from)
            .map(|&(x, _)| x.saturating_sub(1))
            .min()
            .unwrap_or(width);
        let room = next.saturating_sub(from).min(label_width(i));
        taken[row].push((from, to.max(from + room.max(1) - 1)));
        out.rows[row].push(EraBand { era: i, from, to });
        let whole = room >= label_width(i);
        if !whole {
            out.legend.push(i);
        }
        if room >= MIN_CUT_LABEL || whole {
            out.labels.push(EraLabel {
                era: i,
                row,
                col: from,
                width: room,
                whole,
            });
        }
    }
    for row in &mut out.rows {
        row.sort_by_key(|b| b.from);
    }
    out.legend.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, day_number};

    fn era(name: &str, start: &str, end: &str) -> Era {
        Era::closed(name, start, end)
    }

    fn scale(from: &str, to: &str, width: u16) -> Scale {
        let (a, b): (Date, Date) = (from.parse().unwrap(), to.parse().unwrap());
        let start = i64::from(a.sort_key());
        Scale::new(
            start,
            i64::from(day_number(b.last_day())) + 1 - start,
            width,
        )
    }

    #[test]
    fn overlapping_eras_stack_and_disjoint_ones_share_a_row() {
        let eras = [
            era("pdpa", "1978-04-27", "1992-04-16"),
            era("war", "1979-12-24", "1989-02-15"),
            era("mujahideen", "1992-04-28", "1996-09-27"),
            era("emirate", "1996-09-27", "2001-11-13"),
            era("intervention", "2001-10-07", "2021-08-30"),
        ];
        let rows = stack_eras(&eras, &scale("1978", "2021", 100), 4);
        let names: Vec<Vec<&str>> = rows
            .iter()
            .map(|r| r.iter().map(|b| eras[b.era].name.as_str()).collect())
            .collect();
        assert_eq!(
            names,
            [
                vec!["pdpa", "emirate"],
                vec!["war", "mujahideen", "intervention"]
            ]
        );
        // No two bands of a row touch.
        for row in &rows {
            for pair in row.windows(2) {
                assert!(pair[0].to < pair[1].from, "{pair:?}");
            }
        }
    }

    #[test]
    fn eras_outside_the_span_are_left_out_and_clipped_at_the_edges() {
        let eras = [
            era("old", "1900", "1910"),
            era("war", "1979-12-24", "1989-02-15"),
        ];
        let rows = stack_eras(&eras, &scale("1985", "1986", 40), 3);
        assert_eq!(
            rows,
            [vec![EraBand {
                era: 1,
                from: 0,
                to: 39
            }]]
        );
    }

    #[test]
    fn an_ongoing_era_runs_to_the_right_edge() {
        let mut eras = [
            era("emirate", "1996-09-27", "2001-12-07"),
            era("now", "2021-08-15", "2021"),
        ];
        eras[1].end = None;
        let rows = stack_eras(&eras, &scale("1996", "2025", 60), 3);
        let now = rows
            .iter()
            .flatten()
            .find(|b| b.era == 1)
            .expect("the ongoing era is shown");
        assert_eq!(now.to, 59);
        // Shown too when the span starts after it began, and left out before it begins.
        assert_eq!(
            stack_eras(&eras, &scale("2024", "2025", 60), 3),
            [vec![EraBand {
                era: 1,
                from: 0,
                to: 59
            }]]
        );
        assert!(stack_eras(&eras[1..], &scale("2005", "2010", 60), 3).is_empty());
    }

    /// Over many random sets of eras and widths, no label overlaps another label or a
    /// band of its row, each stays inside the width, and every era with columns is
    /// labelled whole or named in the legend.
    #[test]
    fn era_labels_never_overlap_and_the_legend_names_the_rest() {
        let mut seed = 99u64;
        let mut rand = |n: u64| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) % n
        };
        for _ in 0..400 {
            let width = 20 + u16::try_from(rand(180)).unwrap();
            let n = 1 + rand(9);
            let spans: Vec<(u16, u16, u16)> = (0..n)
                .map(|_| {
                    let from = u16::try_from(rand(u64::from(width))).unwrap();
                    let to = (from + u16::try_from(rand(40)).unwrap()).min(width - 1);
                    (from, to, 1 + u16::try_from(rand(40)).unwrap())
                })
                .collect();
            let eras: Vec<Era> = (0..spans.len())
                .map(|i| era("e", &format!("{}", 1900 + i), &format!("{}", 1901 + i)))
                .collect();
            let index = |e: &Era| eras.iter().position(|x| std::ptr::eq(x, e)).unwrap();
            let rows = 1 + usize::try_from(rand(4)).unwrap();
            let out = stack_labelled(
                &eras,
                |e| {
                    let (a, b, _) = spans[index(e)];
                    Some((a, b))
                },
                |i| spans[i].2,
                width,
                rows,
            );
            assert!(out.rows.len() <= rows);
            for l in &out.labels {
                assert!(l.col + l.width <= width, "{l:?} in {width}");
                for m in &out.labels {
                    if m.era != l.era && m.row == l.row {
                        assert!(
                            l.col + l.width < m.col || m.col + m.width < l.col,
                            "{l:?} {m:?}"
                        );
                    }
                }
                for b in &out.rows[l.row] {
                    if b.era != l.era {
                        assert!(l.col + l.width <= b.from || b.to < l.col, "{l:?} {b:?}");
                    }
                }
            }
            for i in 0..spans.len() {
                let whole = out.labels.iter().any(|l| l.era == i && l.whole);
                assert!(whole != out.legend.contains(&i), "era {i}: {out:?}");
            }
        }
    }

    /// With room, every era's name is whole and the legend empty; an ongoing era's
    /// label says so; near the right edge a label ends there rather than past it.
    #[test]
    fn every_era_is_named_when_the_width_allows() {
        let mut eras = vec![
            era("PDPA rule", "1978-04-27", "1992-04-16"),
            era("Soviet–Afghan War", "1979-12-24", "1989-02-15"),
            era("Second Taliban emirate", "2021-08-15", "2021"),
        ];
        eras[2].end = None;
        assert_eq!(era_label(&eras[2]), "Second Taliban emirate → now");
        let s = scale("1978", "2025", 100);
        let cols = |e: &Era| {
            let (a, b) = (i64::from(e.start.sort_key()), i64::from(e.end_key()));
            Some((s.col_clamped(a), s.col_clamped(b)))
        };
        let width =
            |i: usize| u16::try_from(crate::tui::text::width(&era_label(&eras[i]))).unwrap();
        let out = stack_labelled(&eras, cols, width, 100, 3);
        assert!(out.legend.is_empty(), "{out:?}");
        assert_eq!(out.labels.len(), 3);
        assert!(out.labels.iter().all(|l| l.whole));
        let now = out.labels.iter().find(|l| l.era == 2).unwrap();
        assert_eq!(now.col + now.width, 100, "{now:?}");
        // One row: the overlapping war is cut or in the legend, never drawn over.
        let one = stack_labelled(&eras, cols, width, 100, 1);
        assert!(one.legend.contains(&1), "{one:?}");
    }

    #[test]
    fn rows_beyond_the_limit_are_dropped() {
        let eras = [
            era("a", "1980", "1990"),
            era("b", "1981", "1990"),
            era("c", "1982", "1990"),
        ];
        assert_eq!(stack_eras(&eras, &scale("1980", "1990", 50), 2).len(), 2);
        assert!(stack_eras(&eras, &scale("1980", "1990", 50), 0).is_empty());
    }
}
