//! `add` and `new`: a person's own timeline file changed or created, atomically and only
//! as asked (see `authoring` for the text, `atomic` for the write).

use std::io::{IsTerminal, Read};
use std::path::Path;

use crate::authoring::{self, AddError};
use crate::error::Error;
use crate::load::{self, Input, LoadError};
use crate::model::Date;

use super::Outcome;

/// `add --file PATH`: one event from standard input (or the editor, on a terminal) added
/// to the file in date order; on any problem exit 2 and the file untouched.
pub fn add(input: &Input) -> Result<Outcome, Error> {
    let Input::Path(path) = input else {
        return Err(Error::Usage(authoring::NOT_EDITABLE.to_owned()));
    };
    let name = input.name();
    // The file must load as it is: an event is checked against the whole of it, and a
    // broken file is told before anyone types an event.
    let timeline = load::parse(&read_text(input, &name)?, &name)?;
    let (event, event_name, typed) = if std::io::stdin().is_terminal() {
        let Some(event) = from_editor(&timeline, &name)? else {
            eprintln!("afghan-timeline: nothing added (the template was left as it was)");
            return Ok(Outcome::NothingMatched);
        };
        (event, "the new event".to_owned(), true)
    } else {
        let mut event = String::new();
        std::io::stdin()
            .read_to_string(&mut event)
            .map_err(|e| Error::Usage(format!("cannot read the event from standard input: {e}")))?;
        (event, "<stdin>".to_owned(), false)
    };
    drop(timeline);
    // Read again: the file may have been saved while the event was being written, and
    // that save must not be lost under the insertion.
    let text = read_text(input, &name)?;
    let added = authoring::add(&text, &name, &event, &event_name).map_err(|e| {
        if typed {
            keep_typed(&event);
        }
        match e {
            AddError::Event(report) => Error::Unchanged {
                error: Box::new(LoadError::Invalid(report)),
                file: name.clone(),
            },
            AddError::Timeline { error, .. } => Error::Unchanged {
                error: Box::new(error),
                file: name.clone(),
            },
            AddError::NoList => Error::Usage(format!(
                "cannot find the events list of {name} safely; add the event by hand"
            )),
        }
    })?;
    crate::atomic::replace(path, added.text.as_bytes()).map_err(|source| Error::Io {
        what: "write the timeline file",
        source,
    })?;
    eprintln!(
        "afghan-timeline: added {} at line {} of {name}",
        crate::sanitize::quote(&added.id),
        added.line
    );
    Ok(Outcome::Printed)
}

/// The file's text, which must be UTF-8.
fn read_text(input: &Input, name: &str) -> Result<String, Error> {
    String::from_utf8(load::read(input)?).map_err(|_| {
        Error::Usage(format!(
            "{name} is not UTF-8 text; 'afghan-timeline check' says where"
        ))
    })
}

/// An event typed in the editor and refused: kept in a file of its own, so that nothing
/// the person wrote is lost, and where it is said on stderr.
fn keep_typed(event: &str) {
    if let Ok(kept) = crate::atomic::private_temporary("new-event.ron", event.as_bytes()) {
        eprintln!(
            "afghan-timeline: your event is kept in {}",
            crate::sanitize::line(&kept.display().to_string())
        );
    }
}

/// The event written in the editor on the template, or `None` when it was left as it was
/// (or emptied): like `git commit`, that adds nothing.
fn from_editor(timeline: &crate::model::Timeline, name: &str) -> Result<Option<String>, Error> {
    let template = authoring::template(timeline, name, today(), &[]);
    let path = crate::atomic::private_temporary("new-event.ron", template.as_bytes()).map_err(
        |source| Error::Io {
            what: "write the event template",
            source,
        },
    )?;
    // The cursor on the title, the first line to fill in.
    let title_line = template
        .lines()
        .position(|l| l.trim_start().starts_with("title:"));
    let edited = crate::editor::edit(&path, title_line.map(|i| i + 1))
        .map_err(Error::Usage)
        .and_then(|()| {
            std::fs::read_to_string(&path).map_err(|source| Error::Io {
                what: "read the edited event",
                source,
            })
        });
    let _ = std::fs::remove_file(&path);
    let edited = edited?;
    let unchanged = edited == template || edited.trim().is_empty();
    Ok((!unchanged).then_some(edited))
}

/// `new PATH`: a small valid timeline, never over an existing file.
pub fn new(path: &str, title: &str) -> Result<Outcome, Error> {
    let text = authoring::new_timeline(title);
    crate::atomic::create_new(Path::new(path), text.as_bytes()).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            Error::Usage(format!(
                "{} exists; 'new' never replaces a file: choose another name",
                crate::sanitize::quote(path)
            ))
        } else {
            Error::Io {
                what: "write the new timeline",
                source: e,
            }
        }
    })?;
    eprintln!(
        "afghan-timeline: wrote {}; open it with 'afghan-timeline --file {}'",
        crate::sanitize::quote(path),
        crate::sanitize::line(path)
    );
    Ok(Outcome::Printed)
}

/// Today's date (UTC), for the template.
pub fn today() -> Date {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    let date = chrono::NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|epoch| epoch.checked_add_days(chrono::Days::new(days)))
        .unwrap_or_default();
    date.format("%Y-%m-%d")
        .to_string()
        .parse()
        .unwrap_or_else(|_| "2026".parse().expect("a date"))
}
