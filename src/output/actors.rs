//! The actors, as `actors` prints them: a readable table, or JSON Lines; each with its
//! number of events.

use std::io::{self, Write};

use crate::model::Timeline;
use crate::sanitize::line;

use super::{actor_json, write_json_line};

/// How actors are written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ActorFormat {
    /// `id  kind  count  name  (aliases)`, aligned.
    #[default]
    Text,
    /// JSON Lines: one object per actor.
    Json,
}

/// Writes every actor of the timeline with its number of events.
pub fn write_actors(
    out: &mut impl Write,
    timeline: &Timeline,
    format: ActorFormat,
) -> io::Result<()> {
    let mut counts = vec![0usize; timeline.actors.len()];
    for event in &timeline.events {
        for a in &event.actors {
            counts[a.index()] += 1;
        }
    }
    match format {
        ActorFormat::Json => {
            for (actor, n) in timeline.actors.iter().zip(&counts) {
                write_json_line(out, &actor_json(actor, *n))?;
            }
        }
        ActorFormat::Text => {
            let id_width = timeline
                .actors
                .iter()
                .map(|a| line(&a.id).chars().count())
                .max()
                .unwrap_or(2);
            for (actor, n) in timeline.actors.iter().zip(&counts) {
                let aliases: Vec<_> = actor.aliases.iter().map(|a| line(a).into_owned()).collect();
                let aliases = if aliases.is_empty() {
                    String::new()
                } else {
                    format!("  ({})", aliases.join(", "))
                };
                writeln!(
                    out,
                    "{:<id_width$}  {:<12}  {:>4}  {}{}",
                    line(&actor.id),
                    actor.kind.as_str(),
                    n,
                    line(&actor.name),
                    aliases
                )?;
            }
        }
    }
    Ok(())
}
