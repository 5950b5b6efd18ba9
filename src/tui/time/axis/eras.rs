//! Which columns of the axis an era spans, for the era bands over it. Only the parts of
//! an era that fall on a scale count: an era wholly inside a fold, or outside the shown
//! years, has no columns and is not drawn.

use super::segments::{Segment, column_of};
use crate::model::Era;

/// An era's first and last column on the axis, when some of it is on a scale (an era
/// wholly inside a fold, or outside the shown years, is not drawn).
pub fn era_columns(segs: &[Segment], era: &Era) -> Option<(u16, u16)> {
    // An ongoing era's end is past every year: `column_of` clamps it to the right edge.
    let (start, end) = (i64::from(era.start.sort_key()), i64::from(era.end_key()));
    let on_scale = segs.iter().any(|s| match *s {
        Segment::Scale {
            start: from,
            end: to,
            ..
        } => start < to && end >= from,
        Segment::Fold { .. } => false,
    });
    if !on_scale {
        return None;
    }
    Some((column_of(segs, start)?, column_of(segs, end)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::time::axis::segments::segments;
    use crate::tui::time::stack_bands;

    fn era(name: &str, start: &str, end: &str) -> Era {
        Era::closed(name, start, end)
    }

    /// Overlapping eras go to separate rows, so every name shows whole; one row keeps the
    /// earlier era and leaves the overlapping one out rather than drawing over it.
    #[test]
    fn overlapping_eras_stack_into_rows() {
        let segs = segments(&[1978, 1985, 1992, 2001, 2021], 100);
        let eras = [
            era("PDPA rule", "1978-04-27", "1992-04-16"),
            era("Soviet–Afghan War", "1979-12-24", "1989-02-15"),
            era("Second Taliban emirate", "1996-09-27", "2001-11-13"),
            era("US intervention", "2001-10-07", "2021-08-30"),
        ];
        let rows = stack_bands(&eras, |e| era_columns(&segs, e), 2);
        let names: Vec<Vec<usize>> = rows
            .iter()
            .map(|r| r.iter().map(|b| b.era).collect())
            .collect();
        assert_eq!(names, [vec![0, 2], vec![1, 3]]);
        for row in &rows {
            for pair in row.windows(2) {
                assert!(pair[0].to < pair[1].from, "{pair:?}");
            }
        }
        assert_eq!(stack_bands(&eras, |e| era_columns(&segs, e), 1).len(), 1);
        // An era wholly inside a fold is not drawn.
        let folded = segments(&[1921, 1990], 80);
        assert_eq!(era_columns(&folded, &era("gap", "1950", "1960")), None);
    }
}
