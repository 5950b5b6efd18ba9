//! Eras → TimelineJS's era band.
//!
//! TimelineJS draws every era in one band, so overlapping eras hide each other (a short
//! one becomes an unlabelled sliver under a long one): the export names each overlapping
//! pair in a warning, and `--eras disjoint` keeps only eras that overlap none kept before
//! them in the file. An era TimelineJS cannot hold (a single day, see [`era_dates`]) stays out of the
//! band, with a warning, and travels in the document's record so that import keeps it. An
//! ongoing era comes with the end [`super::ongoing::ends`] gave it; overlaps are judged by
//! the ends written.

use serde_json::{Value, json};

use super::date::span;
use super::shape::RECORD;
use crate::interop::html::escape;
use crate::model::{Date, Era};
use crate::sanitize::quote;

/// Which eras go into the band.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EraSelection {
    /// Every era, overlapping ones named in warnings.
    #[default]
    All,
    /// In the file's order, each era that overlaps none kept before it.
    Disjoint,
}

/// The eras TimelineJS shows, and the records of those it does not.
pub struct Band {
    pub shown: Vec<Value>,
    pub hidden: Vec<Value>,
}

/// `eras` pairs each era with the end it is written with (see [`super::ongoing::ends`]).
pub fn band(eras: &[(&Era, Date)], selection: EraSelection, warnings: &mut Vec<String>) -> Band {
    let mut shown = Vec::new();
    let mut hidden = Vec::new();
    let mut kept: Vec<(&Era, Date)> = Vec::new();
    let mut left_out = Vec::new();
    for &(era, written_end) in eras {
        let Some((start, end)) = era_dates(era, written_end) else {
            warnings.push(format!(
                "era {} is a single day ({}); TimelineJS drops an end equal to the start and \
                 then rejects the era, so it is left out of 'eras' (its record keeps it for import)",
                quote(&era.id),
                quote(&era.start.to_string())
            ));
            hidden.push(era_record(era));
            continue;
        };
        if selection == EraSelection::Disjoint
            && kept.iter().any(|k| overlap(*k, (era, written_end)))
        {
            left_out.push(quote(&era.id));
            hidden.push(era_record(era));
            continue;
        }
        kept.push((era, written_end));
        shown.push(json!({
            "start_date": start,
            "end_date": end,
            "text": { "headline": escape(&era.name) },
            RECORD: era_record(era),
        }));
    }
    if !left_out.is_empty() {
        warnings.push(format!(
            "--eras disjoint leaves out the overlapping eras {} (their records keep them for import)",
            left_out.join(", ")
        ));
    }
    let pairs: Vec<String> = kept
        .iter()
        .enumerate()
        .flat_map(|(i, a)| kept[i + 1..].iter().map(move |b| (a, b)))
        .filter(|(a, b)| overlap(**a, **b))
        .map(|(a, b)| format!("{} and {}", quote(&a.0.name), quote(&b.0.name)))
        .collect();
    if !pairs.is_empty() {
        warnings.push(format!(
            "TimelineJS draws eras in one band, where overlapping ones hide each other: {}; \
             --eras disjoint keeps only eras that do not overlap",
            pairs.join(", ")
        ));
    }
    Band { shown, hidden }
}

/// An era's start and `end` (its own, or an ongoing era's written end) as TimelineJS
/// keeps them (see [`span`]); `None` for an era of a single day, which TimelineJS rejects.
/// The one place an era's dates are written.
pub fn era_dates(era: &Era, end: Date) -> Option<(Value, Value)> {
    span(era.start, end).map(|(start, end, _)| (start, end))
}

/// Whether two eras, with their written ends, share more than a boundary day in
/// TimelineJS's band, where an era ends at the start of its last day and one that starts
/// that day only touches it.
fn overlap((a, a_end): (&Era, Date), (b, b_end): (&Era, Date)) -> bool {
    a.start.first_day() < b_end.last_day() && b.start.first_day() < a_end.last_day()
}

fn era_record(era: &Era) -> Value {
    json!({
        "id": era.id,
        "name": era.name,
        "start": era.start.to_string(),
        "end": era.end.map(|d| d.to_string()),
    })
}
