//! Which `group` each slide gets: the rows of TimelineJS's navigation.
//!
//! TimelineJS gives every group its own row of at least 30 px, plus one unlabelled row for
//! the slides without a group, and takes the height from the story above it: at the usual
//! 650 px embed, more than [`MAX_GROUPS`] rows push the navigation out of the embed or
//! squeeze the story below 300 px (measured in `tests/browser`). So the default is no
//! groups, except for a timeline imported from TimelineJS groups, which keeps them
//! ([`from_groups`]); `actor` groups the events of the largest actors and leaves the rest in the
//! unlabelled row; `kind` and `era` write what they say, with a warning when that is more
//! rows than fit.

use std::collections::HashSet;

use crate::model::{ActorId, ActorKind, Date, Era, Event, Timeline};

/// Rows (groups, counting the unlabelled one) that leave a 650 px embed a story area of
/// at least 300 px and the whole navigation inside it.
pub const MAX_GROUPS: usize = 10;

/// The placeholder actor an import gives slides without a group; never written as a
/// group, so that a file without groups stays without them.
pub const PLACEHOLDER: &str = "Unknown";

/// What the slides' `group` says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum GroupBy {
    /// [`GroupBy::Actor`] for a timeline whose actors came from TimelineJS groups (see
    /// [`from_groups`]), so that a grouped file keeps its groups on the way back; else
    /// [`GroupBy::None`].
    #[default]
    Auto,
    /// No `group`: one row for every slide.
    None,
    /// The first actor's name, for the largest actors that fit.
    Actor,
    /// The first actor's kind (State, Organization, Group, Person).
    Kind,
    /// The name of the era the event starts in (the latest-starting one when eras overlap).
    Era,
}

impl GroupBy {
    /// The option value, as the command line and the record spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            GroupBy::Auto => "auto",
            GroupBy::None => "none",
            GroupBy::Actor => "actor",
            GroupBy::Kind => "kind",
            GroupBy::Era => "era",
        }
    }
}

/// The group of every event, in timeline order, and the warnings about them.
pub fn assign(timeline: &Timeline, by: GroupBy, warnings: &mut Vec<String>) -> Vec<Option<String>> {
    let groups: Vec<Option<String>> = match resolve(timeline, by) {
        GroupBy::None | GroupBy::Auto => vec![None; timeline.events.len()],
        GroupBy::Actor => by_actor(timeline, warnings),
        GroupBy::Kind => timeline
            .events
            .iter()
            .map(|e| first_actor(timeline, e).map(|a| timeline.actor(a).kind.as_str().to_owned()))
            .collect(),
        GroupBy::Era => timeline
            .events
            .iter()
            .map(|e| era_of(&timeline.eras, e.date).map(|era| era.name.clone()))
            .collect(),
    };
    let rows = rows(&groups);
    if rows > MAX_GROUPS {
        warnings.push(format!(
            "--group-by {} writes {rows} rows of groups; TimelineJS fits about {MAX_GROUPS} in \
             its usual 650 px embed, so the navigation leaves the embed or the story shrinks; \
             use --group-by none or actor, or a taller embed",
            by.as_str()
        ));
    }
    groups
}

/// What [`GroupBy::Auto`] means for this timeline.
pub fn resolve(timeline: &Timeline, by: GroupBy) -> GroupBy {
    match by {
        GroupBy::Auto if from_groups(timeline) => GroupBy::Actor,
        GroupBy::Auto => GroupBy::None,
        by => by,
    }
}

/// Whether the timeline's actors are what an import makes of TimelineJS groups: each
/// named by its group, its id the slug of that name, no aliases, of the import's kind
/// `Group`, besides the stand-in "Unknown" of slides without a group. A timeline written
/// by hand gives its actors aliases or kinds of their own (states, people), and is not
/// grouped unless asked; so is an import made with another `--group-kind`.
pub fn from_groups(timeline: &Timeline) -> bool {
    let groups: Vec<_> = timeline
        .actors
        .iter()
        .filter(|a| !(a.name == PLACEHOLDER && a.aliases.is_empty()))
        .collect();
    !groups.is_empty()
        && groups.iter().all(|a| {
            a.aliases.is_empty() && a.kind == ActorKind::Group && super::ids::slug(&a.name) == a.id
        })
}

/// Rows TimelineJS draws for these groups: one per name, and one for slides without.
pub fn rows(groups: &[Option<String>]) -> usize {
    let names: HashSet<&str> = groups.iter().flatten().map(String::as_str).collect();
    let ungrouped = groups.iter().any(Option::is_none);
    if names.is_empty() {
        0
    } else {
        names.len() + usize::from(ungrouped)
    }
}

/// The event's first actor, unless it is an import's placeholder for "no group".
fn first_actor(timeline: &Timeline, event: &Event) -> Option<ActorId> {
    event
        .actors
        .first()
        .copied()
        .filter(|a| timeline.actor(*a).name != PLACEHOLDER)
}

/// First actors' names, for the actors that lead the most events, as many as fit with a
/// row left for the rest.
fn by_actor(timeline: &Timeline, warnings: &mut Vec<String>) -> Vec<Option<String>> {
    let mut leads = vec![0usize; timeline.actors.len()];
    for event in &timeline.events {
        if let Some(a) = first_actor(timeline, event) {
            leads[a.index()] += 1;
        }
    }
    let mut order: Vec<usize> = (0..leads.len()).filter(|&i| leads[i] > 0).collect();
    // Most events first; ties in the order the file declares the actors.
    order.sort_by_key(|&i| std::cmp::Reverse(leads[i]));
    // Events led by the placeholder already take the unlabelled row.
    let ungrouped = timeline
        .events
        .iter()
        .any(|e| first_actor(timeline, e).is_none());
    let shown: HashSet<usize> = if order.len() + usize::from(ungrouped) <= MAX_GROUPS {
        order.iter().copied().collect()
    } else {
        let kept: HashSet<usize> = order.iter().take(MAX_GROUPS - 1).copied().collect();
        let left = order.len() - kept.len();
        let events: usize = order[kept.len()..].iter().map(|&i| leads[i]).sum();
        warnings.push(format!(
            "--group-by actor: the {} actors with the most events get a group; the events of \
             {} ({}) share the unlabelled row, since TimelineJS fits about {MAX_GROUPS} rows \
             in its usual 650 px embed",
            kept.len(),
            counted(left, "other actor"),
            counted(events, "event"),
        ));
        kept
    };
    timeline
        .events
        .iter()
        .map(|e| {
            first_actor(timeline, e)
                .filter(|a| shown.contains(&a.index()))
                .map(|a| timeline.actor(a).name.clone())
        })
        .collect()
}

/// `1 event`, `2 events`.
fn counted(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// The era a date falls in (an ongoing one never ends); of overlapping ones, the one
/// that started last.
fn era_of(eras: &[Era], date: Date) -> Option<&Era> {
    eras.iter()
        .filter(|era| era.covers(date.first_day()))
        .max_by_key(|era| era.start.first_day())
}

#[cfg(test)]
mod tests {
    use super::rows;

    #[test]
    fn rows_count_the_unlabelled_row_only_beside_groups() {
        let g = |s: &str| Some(s.to_owned());
        assert_eq!(rows(&[None, None]), 0);
        assert_eq!(rows(&[g("a"), g("a")]), 1);
        assert_eq!(rows(&[g("a"), g("b"), None]), 3);
    }
}
