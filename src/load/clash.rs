//! Names and references that clash, or say nothing: rules small enough to run per item.
//!
//! * An actor's name or alias that is another actor's id, name or alias: `--actor` could
//!   find only one of them (an actor's own id, name and aliases may repeat each other).
//! * An actor or a related event listed twice in one event, and an event related to itself.
//! * Text that is required but blank: empty, spaces, or only invisible characters such as
//!   U+200B ([`crate::sanitize::is_blank`]); an empty tag or alias.
//!
//! The happy path allocates nothing per event: repeats in the short lists of one event
//! are found by comparing pairs, and only a long list (hostile or generated) is hashed.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use super::problem::{DocPath, Problem};
use super::raw::{RawEvent, RawTimeline};
use crate::sanitize::{is_blank, quote};

/// Lists at most this long are checked for repeats pair by pair.
const PAIRWISE: usize = 16;

/// What an actor answers to on the command line.
#[derive(Clone, Copy)]
enum Role {
    Id,
    Name,
    Alias,
}

impl Role {
    fn word(self) -> &'static str {
        match self {
            Role::Id => "id",
            Role::Name => "name",
            Role::Alias => "alias",
        }
    }
}

/// Reports an actor name or alias that another actor also answers to, and blank aliases.
pub(super) fn actor_names(raw: &RawTimeline, problems: &mut Vec<Problem>) {
    let mut taken: HashMap<String, (usize, Role)> = HashMap::new();
    let path = |i: usize| DocPath::root().field("actors").index(i);
    for (i, actor) in raw.actors.iter().enumerate() {
        taken
            .entry(crate::fold::fold(actor.id.trim()))
            .or_insert((i, Role::Id));
    }
    let mut claim =
        |i: usize, role: Role, text: &str, at: DocPath, problems: &mut Vec<Problem>| match taken
            .entry(crate::fold::fold(text.trim()))
        {
            Entry::Vacant(slot) => {
                slot.insert((i, role));
            }
            Entry::Occupied(slot) => {
                let (owner, owner_role) = *slot.get();
                if owner != i {
                    let message = format!(
                        "actor {} has {} {}, which is also the {} of actor {}",
                        quote(&raw.actors[i].id),
                        role.word(),
                        quote(text),
                        owner_role.word(),
                        quote(&raw.actors[owner].id)
                    );
                    problems.push(
                        Problem::new(at, message)
                            .help("'--actor' finds one actor by it; rename or drop one of them")
                            .first(path(owner)),
                    );
                }
            }
        };
    for (i, actor) in raw.actors.iter().enumerate() {
        if !is_blank(&actor.name) {
            claim(i, Role::Name, &actor.name, path(i).field("name"), problems);
        }
    }
    for (i, actor) in raw.actors.iter().enumerate() {
        for (j, alias) in actor.aliases.iter().enumerate() {
            let at = path(i).field("aliases").index(j);
            if is_blank(alias) {
                problems.push(
                    Problem::new(at, format!("actor {} has an empty alias", quote(&actor.id)))
                        .help("remove it, or write the other name the actor goes by"),
                );
            } else {
                claim(i, Role::Alias, alias, at, problems);
            }
        }
    }
}

/// Reports an actor or related event listed twice in an event, a link to itself, and
/// blank tags.
pub(super) fn event_refs(ev: &RawEvent, path: impl Fn() -> DocPath, problems: &mut Vec<Problem>) {
    for (j, repeat) in repeats(&ev.actors[..]) {
        problems.push(
            Problem::new(
                path().field("actors").index(j),
                format!(
                    "event {} names actor {} twice",
                    quote(&ev.id),
                    quote(repeat)
                ),
            )
            .help("list each actor once"),
        );
    }
    for (j, repeat) in repeats(&ev.related[..]) {
        problems.push(
            Problem::new(
                path().field("related").index(j),
                format!(
                    "event {} lists related event {} twice",
                    quote(&ev.id),
                    quote(repeat)
                ),
            )
            .help("list each related event once"),
        );
    }
    for (j, id) in ev.related.iter().enumerate() {
        if id.as_str() == ev.id {
            problems.push(
                Problem::new(
                    path().field("related").index(j),
                    format!("event {} is related to itself", quote(&ev.id)),
                )
                .help("'related' links to other events; remove this one"),
            );
        }
    }
    for (j, tag) in ev.tags.iter().enumerate() {
        if is_blank(tag) {
            problems.push(
                Problem::new(
                    path().field("tags").index(j),
                    format!("event {} has an empty tag", quote(&ev.id)),
                )
                .help("remove it"),
            );
        }
    }
}

/// The entries that repeat an earlier one, with their positions.
fn repeats<T: AsRef<str>>(list: &[T]) -> Vec<(usize, &str)> {
    let mut found = Vec::new();
    if list.len() <= PAIRWISE {
        for (j, item) in list.iter().enumerate() {
            if list[..j]
                .iter()
                .any(|earlier| earlier.as_ref() == item.as_ref())
            {
                found.push((j, item.as_ref()));
            }
        }
    } else {
        let mut seen = std::collections::HashSet::with_capacity(list.len());
        for (j, item) in list.iter().enumerate() {
            if !seen.insert(item.as_ref()) {
                found.push((j, item.as_ref()));
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::repeats;

    #[test]
    fn repeats_are_found_in_short_and_long_lists() {
        assert_eq!(repeats(&["a", "b", "a", "a"]), [(2, "a"), (3, "a")]);
        assert!(repeats(&["a", "b"]).is_empty());
        let long: Vec<String> = (0..100).map(|n| (n % 50).to_string()).collect();
        let found = repeats(&long);
        assert_eq!(found.len(), 50);
        assert_eq!(found[0], (50, "0"));
    }
}
