//! The last step of an import: what `check`'s stricter rules would refuse is repaired, each
//! repair named in a warning, so that an import still always gives a timeline `check`
//! accepts. Text that is blank to a reader (spaces or invisible characters only) takes a
//! fallback; a name or alias that another actor answers to is renamed or dropped; an actor
//! listed twice in an event is listed once; empty tags are dropped.

use std::collections::HashMap;

use crate::load::RawTimeline;
use crate::sanitize::{is_blank, quote};

/// Repairs `timeline` in place; returns a warning per repair.
pub(super) fn repair(timeline: &mut RawTimeline) -> Vec<String> {
    let mut warnings = Vec::new();
    if is_blank(&timeline.title) {
        warnings.push(format!(
            "the title {} shows nothing; the timeline is called 'Imported timeline'",
            quote(&timeline.title)
        ));
        "Imported timeline".clone_into(&mut timeline.title);
    }
    actor_names(timeline, &mut warnings);
    for era in &mut timeline.eras {
        if is_blank(&era.name) {
            warnings.push(format!(
                "era {}: its name shows nothing; it is named by its id",
                quote(&era.id)
            ));
            era.name.clone_from(&era.id);
        }
    }
    for event in &mut timeline.events {
        let id = quote(&event.id);
        if is_blank(&event.title) {
            warnings.push(format!(
                "event {id}: its title shows nothing; its title is its id"
            ));
            event.title.clone_from(&event.id);
        }
        if is_blank(&event.summary) {
            warnings.push(format!(
                "event {id}: its text shows nothing; its summary is its title"
            ));
            event.summary.clone_from(&event.title);
        }
        let mut seen = Vec::with_capacity(event.actors.len());
        event.actors.retain(|a| {
            let first = !seen.contains(a);
            seen.push(a.clone());
            first
        });
        if seen.len() != event.actors.len() {
            warnings.push(format!("event {id}: an actor listed twice is listed once"));
        }
        let tags = event.tags.len();
        event.tags.retain(|t| !is_blank(t));
        if tags != event.tags.len() {
            warnings.push(format!("event {id}: empty tags are dropped"));
        }
    }
    warnings
}

/// No actor may answer to another's name or alias (`--actor` must find one): a colliding
/// alias is dropped, a colliding name gets its id added.
fn actor_names(timeline: &mut RawTimeline, warnings: &mut Vec<String>) {
    let key = |text: &str| crate::fold::fold(text.trim());
    let mut taken: HashMap<String, usize> = HashMap::new();
    for (i, actor) in timeline.actors.iter().enumerate() {
        taken.entry(key(&actor.id)).or_insert(i);
    }
    for (i, actor) in timeline.actors.iter_mut().enumerate() {
        if is_blank(&actor.name) {
            warnings.push(format!(
                "actor {}: its name shows nothing; it is named by its id",
                quote(&actor.id)
            ));
            actor.name.clone_from(&actor.id);
        }
        let owner = *taken.entry(key(&actor.name)).or_insert(i);
        if owner != i {
            let renamed = format!("{} ({})", actor.name, actor.id);
            warnings.push(format!(
                "actor {}: its name {} is another actor's; it is called {}",
                quote(&actor.id),
                quote(&actor.name),
                quote(&renamed)
            ));
            taken.insert(key(&renamed), i);
            actor.name = renamed;
        }
    }
    for (i, actor) in timeline.actors.iter_mut().enumerate() {
        let id = quote(&actor.id);
        actor.aliases.retain(|alias| {
            let owner = (!is_blank(alias)).then(|| *taken.entry(key(alias)).or_insert(i));
            if owner == Some(i) {
                return true;
            }
            warnings.push(format!(
                "actor {id}: its alias {} is empty or another actor's; it is dropped",
                quote(alias)
            ));
            false
        });
    }
}
