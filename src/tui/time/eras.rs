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
