//! The explorer's reaches outside itself, performed by the loop for `update`'s effects: the
//! clipboard through OSC 52 (an escape sequence the terminal, tmux or an SSH client's
//! terminal acts on, so no clipboard program is needed), a browser started without
//! waiting for it, and the reader's editor on a text (a note), waited for.

use std::process::{Command, Stdio};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

/// The OSC 52 sequence that puts `text` on the clipboard. Base64 carries any byte, so
/// nothing in the text can end the sequence early.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", STANDARD.encode(text))
}

/// The command that opens `address`: `$BROWSER` (its first `:`-separated entry, words
/// split on spaces, `%s` replaced by the address or the address appended), else the
/// system's opener.
pub fn browser_command(browser: Option<&str>, address: &str) -> Vec<String> {
    let entry = browser
        .and_then(|b| b.split(':').map(str::trim).find(|e| !e.is_empty()))
        .unwrap_or(if cfg!(target_os = "macos") {
            "open"
        } else {
            "xdg-open"
        });
    let mut words: Vec<String> = entry.split_whitespace().map(str::to_owned).collect();
    if words.iter().any(|w| w.contains("%s")) {
        for word in &mut words {
            *word = word.replace("%s", address);
        }
    } else {
        words.push(address.to_owned());
    }
    words
}

/// Starts the browser on `address` and returns at once; a thread reaps it so that no
/// zombie is left. Its output goes nowhere: it must not draw over the explorer. The error
/// is a sentence for the status line.
pub fn open(address: &str) -> Result<(), String> {
    let browser = std::env::var("BROWSER").ok();
    let words = browser_command(browser.as_deref(), address);
    let (program, args) = words.split_first().ok_or("no browser to start")?;
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| {
            let hint = if browser.is_some() {
                ""
            } else {
                "; set $BROWSER"
            };
            format!(
                "could not start {}: {e}{hint}",
                crate::sanitize::quote(program)
            )
        })?;
    std::thread::spawn(move || child.wait());
    Ok(())
}

/// `text` edited in the reader's editor, through a private temporary file (`name` helps
/// the reader, and their editor by its extension, see what it is: `note-x.md`).
pub fn edit_text(text: &str, name: &str) -> Result<String, String> {
    let path = crate::atomic::private_temporary(name, text.as_bytes())
        .map_err(|e| format!("cannot write a temporary file for the editor: {e}"))?;
    let edited = crate::editor::edit(&path, None).and_then(|()| {
        std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))
    });
    let _ = std::fs::remove_file(&path);
    edited
}

/// `A`: the template in the editor, and what the reader wrote added to the file at
/// `path` (atomically; on any problem the file is as it was). `Ok(Some(id))`: added;
/// `Ok(None)`: the template was left as it was. A refused event is kept in a file the
/// message names, so nothing the reader wrote is lost.
pub fn add_event(
    path: &std::path::Path,
    timeline: &crate::model::Timeline,
    date: crate::model::Date,
    actors: &[&str],
) -> Result<Option<String>, String> {
    let name = crate::sanitize::line(&path.display().to_string()).into_owned();
    let template = crate::authoring::template(timeline, &name, date, actors);
    let written = edit_text(&template, "new-event.ron")?;
    if written == template || written.trim().is_empty() {
        return Ok(None);
    }
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {name}: {e}"))?;
    let refused =
        |first: String| match crate::atomic::private_temporary("new-event.ron", written.as_bytes())
        {
            Ok(kept) => format!(
                "not added, {name} is unchanged: {first}; your event is in {}",
                kept.display()
            ),
            Err(_) => format!("not added, {name} is unchanged: {first}"),
        };
    match crate::authoring::add(&text, &name, &written, "the new event") {
        Ok(added) => crate::atomic::replace(path, added.text.as_bytes())
            .map(|()| Some(added.id))
            .map_err(|e| format!("cannot write {name}: {e}")),
        Err(crate::authoring::AddError::Event(report)) => Err(refused(first_problem(
            &crate::load::LoadError::Invalid(report),
        ))),
        Err(crate::authoring::AddError::Timeline { error, .. }) => {
            Err(refused(first_problem(&error)))
        }
        Err(crate::authoring::AddError::NoList) => {
            Err(refused("its events list cannot be found safely".to_owned()))
        }
    }
}

/// The first line of what is wrong.
fn first_problem(error: &crate::load::LoadError) -> String {
    error
        .to_string()
        .lines()
        .next()
        .unwrap_or_default()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_carries_the_text_in_base64() {
        assert_eq!(osc52("hi\n"), "\x1b]52;c;aGkK\x07");
        // An escape in the text cannot end the sequence.
        assert!(!osc52("\x07\x1b").trim_end_matches('\x07').contains('\x07'));
    }

    #[test]
    fn browser_takes_the_first_entry_and_its_placeholder() {
        let a = "https://example.org/x";
        assert_eq!(browser_command(Some("firefox:chromium"), a), ["firefox", a]);
        assert_eq!(
            browser_command(Some("w3m -o x %s"), a),
            ["w3m", "-o", "x", a]
        );
        let fallback = browser_command(None, a);
        assert_eq!(fallback.last().map(String::as_str), Some(a));
        assert_eq!(fallback.len(), 2);
        assert_eq!(browser_command(Some(" : "), a).len(), 2);
    }
}
