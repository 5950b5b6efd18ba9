//! Eras → TimelineJS's era band.
//!
//! TimelineJS draws every era in one band, so overlapping eras hide each other (a short
//! one becomes an unlabelled sliver under a long one): the export names each overlapping
//! pair in a warning; the default (`cover`) keeps the eras that cover the most days
//! without overlapping, and `--eras disjoint` keeps only eras that overlap none kept
//! before them in the file. An era TimelineJS cannot hold (a single day, see [`era_dates`]) stays out of the
//! band, with a warning, and travels in the document's record so that import keeps it. An
//! ongoing era comes with the end [`super::ongoing::ends`] gave it; overlaps are judged by
//! the ends written.

use serde_json::{Value, json};

use super::date::span;
use super::shape::RECORD;
use crate::interop::html::escape;
use crate::model::{Date, Era, Timeline, day_number};
use crate::sanitize::quote;

/// Which eras go into the band.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EraSelection {
    /// The eras that cover the most days without overlapping (see [`cover`]): a band a
    /// newsroom can publish as is, every label readable.
    #[default]
    Cover,
    /// Every era, overlapping ones named in warnings.
    All,
    /// In the file's order, each era that overlaps none kept before it.
    Disjoint,
}

/// The eras TimelineJS shows, and the records of those it does not.
pub struct Band {
    pub shown: Vec<Value>,
    pub hidden: Vec<Value>,
    /// For each era given to [`band`], whether it is in `shown`.
    pub is_shown: Vec<bool>,
}

/// `eras` pairs each era with the end it is written with (see [`super::ongoing::ends`]).
pub fn band(eras: &[(&Era, Date)], selection: EraSelection, warnings: &mut Vec<String>) -> Band {
    let mut shown = Vec::new();
    let mut hidden = Vec::new();
    let mut kept: Vec<(&Era, Date)> = Vec::new();
    let mut left_out = Vec::new();
    let mut is_shown = vec![false; eras.len()];
    let covering = (selection == EraSelection::Cover).then(|| cover(eras));
    for (i, &(era, written_end)) in eras.iter().enumerate() {
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
        let out = match &covering {
            Some(chosen) => !chosen[i],
            None => {
                selection == EraSelection::Disjoint
                    && kept.iter().any(|k| overlap(*k, (era, written_end)))
            }
        };
        if out {
            left_out.push(quote(&era.id));
            hidden.push(era_record(era));
            continue;
        }
        kept.push((era, written_end));
        is_shown[i] = true;
        shown.push(json!({
            "start_date": start,
            "end_date": end,
            "text": { "headline": escape(&era.name) },
            RECORD: era_record(era),
        }));
    }
    if !left_out.is_empty() {
        let how = if selection == EraSelection::Cover {
            "the era band (--eras cover, the default: the eras that cover the most without \
             overlapping) leaves out"
        } else {
            "--eras disjoint leaves out"
        };
        warnings.push(format!(
            "{how} the overlapping eras {} (their records keep them for import; --eras all \
             shows every era, --era ID picks them)",
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
    Band {
        shown,
        hidden,
        is_shown,
    }
}

/// Which eras [`EraSelection::Cover`] keeps: of the eras TimelineJS can draw, the set
/// that covers the most days without two overlapping (weighted interval scheduling: by
/// end, each era either joins the best set of eras ending before it starts, or not).
/// Ties keep the earlier choice, so the result is the same on every run.
fn cover(eras: &[(&Era, Date)]) -> Vec<bool> {
    let first = |i: usize| eras[i].0.start.first_day();
    let last = |i: usize| eras[i].1.last_day();
    let mut order: Vec<usize> = (0..eras.len())
        .filter(|&i| era_dates(eras[i].0, eras[i].1).is_some())
        .collect();
    order.sort_by_key(|&i| (last(i), first(i), i));
    let days = |i: usize| i64::from(day_number(last(i))) - i64::from(day_number(first(i)));
    // best[k]: the most days covered by the first k eras in `order`.
    let mut best = vec![0i64; order.len() + 1];
    let mut take = vec![false; order.len()];
    let mut before = vec![0usize; order.len()];
    for (k, &i) in order.iter().enumerate() {
        // Eras ending no later than this one starts only touch it (see `overlap`).
        let p = order[..k].partition_point(|&j| last(j) <= first(i));
        before[k] = p;
        let with = best[p] + days(i);
        take[k] = with > best[k];
        best[k + 1] = if take[k] { with } else { best[k] };
    }
    let mut chosen = vec![false; eras.len()];
    let mut k = order.len();
    while k > 0 {
        if take[k - 1] {
            chosen[order[k - 1]] = true;
            k = before[k - 1];
        } else {
            k -= 1;
        }
    }
    chosen
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

/// The timeline with only the eras `ids` names (`--era ID`), in the file's order; an id
/// that names no era is an error that lists the ids there are.
pub fn pick_eras(mut timeline: Timeline, ids: &[String]) -> Result<Timeline, String> {
    if let Some(unknown) = ids
        .iter()
        .find(|id| !timeline.eras.iter().any(|e| &e.id == *id))
    {
        let known: Vec<String> = timeline.eras.iter().map(|e| quote(&e.id)).collect();
        return Err(format!(
            "--era {}: no era has that id; the eras are {}",
            quote(unknown),
            if known.is_empty() {
                "none".to_owned()
            } else {
                known.join(", ")
            }
        ));
    }
    timeline.eras.retain(|e| ids.contains(&e.id));
    Ok(timeline)
}
