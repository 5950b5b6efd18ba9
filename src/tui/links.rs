//! Links both ways: which events name an event in their `related` list ("Referenced by"),
//! built once when the explorer starts so that showing an event costs nothing per frame.

use crate::model::{EventId, Timeline};

/// For every event, the events whose `related` names it, in date order: one flat list and
/// where each event's part of it starts (a million events cost two arrays, not a million
/// small vectors).
#[derive(Clone, Debug, Default)]
pub struct Backlinks {
    starts: Vec<u32>,
    from: Vec<EventId>,
}

impl Backlinks {
    pub fn build(timeline: &Timeline) -> Backlinks {
        let mut counts = vec![0u32; timeline.events.len() + 1];
        for event in &timeline.events {
            for r in &event.related {
                counts[r.index() + 1] += 1;
            }
        }
        for i in 1..counts.len() {
            counts[i] += counts[i - 1];
        }
        let mut next = counts.clone();
        let mut from = vec![EventId(0); counts.last().map_or(0, |n| *n as usize)];
        // Events are visited in date order, so each part comes out in date order.
        for id in timeline.event_ids() {
            for r in &timeline.event(id).related {
                let at = &mut next[r.index()];
                from[*at as usize] = id;
                *at += 1;
            }
        }
        Backlinks {
            starts: counts,
            from,
        }
    }

    /// The events whose `related` names `id`, in date order (once per naming event).
    pub fn of(&self, id: EventId) -> &[EventId] {
        match (self.starts.get(id.index()), self.starts.get(id.index() + 1)) {
            (Some(&a), Some(&b)) => &self.from[a as usize..b as usize],
            _ => &[],
        }
    }
}

/// The events that reference `id` and are not among its own related events (a mutual link
/// is listed once, under "Related").
pub fn referenced_by<'a>(
    timeline: &'a Timeline,
    backlinks: &'a Backlinks,
    id: EventId,
) -> impl Iterator<Item = EventId> + 'a {
    let related = &timeline.event(id).related;
    backlinks
        .of(id)
        .iter()
        .copied()
        .filter(move |r| !related.contains(r))
}

/// The events the detail pane of `id` numbers for following: its related events, then the
/// other events that reference it.
pub fn followable<'a>(
    timeline: &'a Timeline,
    backlinks: &'a Backlinks,
    id: EventId,
) -> impl Iterator<Item = EventId> + 'a {
    timeline
        .event(id)
        .related
        .iter()
        .copied()
        .chain(referenced_by(timeline, backlinks, id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backlinks_invert_related_in_date_order() {
        let timeline = crate::load::parse(
            include_str!("../../tests/fixtures/tui/sample.ron"),
            "sample.ron",
        )
        .expect("the sample loads");
        let links = Backlinks::build(&timeline);
        let ids = |of: &str| -> Vec<&str> {
            let id = timeline.find_event(of).expect("in the sample");
            links
                .of(id)
                .iter()
                .map(|e| timeline.event(*e).id.as_str())
                .collect()
        };
        assert_eq!(ids("founding"), ["embassy-opens", "recognition"]);
        assert_eq!(ids("embassy-opens"), ["embassy-attack", "recognition"]);
        assert_eq!(ids("armistice"), ["war-starts"]);
        assert!(ids("cjk").is_empty());
        // A mutual link is followed once, as a related event.
        let war = timeline.find_event("war-starts").expect("in the sample");
        assert_eq!(followable(&timeline, &links, war).count(), 1);
        let founding = timeline.find_event("embassy-opens").expect("in the sample");
        let all: Vec<&str> = followable(&timeline, &links, founding)
            .map(|e| timeline.event(e).id.as_str())
            .collect();
        assert_eq!(all, ["founding", "embassy-attack", "recognition"]);
    }
}
