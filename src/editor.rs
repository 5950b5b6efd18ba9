//! The reader's editor, as git and less run it: `$VISUAL`, else `$EDITOR`, else `vi`, the
//! variable split like a shell's word list (`code --wait`, `emacsclient -t`, `nvim -u
//! NONE`), given `+LINE` before the file where a line is known. Its standard streams are
//! the terminal itself (`/dev/tty`), so it works where this program's output goes to a file.

use std::fs::OpenOptions;
use std::path::Path;
use std::process::{Command, Stdio};

/// The editor's words: the program and its own arguments.
pub fn words() -> Result<Vec<String>, String> {
    let (name, value) = ["VISUAL", "EDITOR"]
        .into_iter()
        .find_map(|name| {
            let value = std::env::var(name).ok()?;
            (!value.trim().is_empty()).then_some((name, value))
        })
        .unwrap_or(("the default", "vi".to_owned()));
    match shlex::split(&value) {
        Some(words) if !words.is_empty() => Ok(words),
        _ => Err(format!(
            "${name} is {} and cannot be split into words; set it to a command such as 'vi' or 'code --wait'",
            crate::sanitize::quote(&value)
        )),
    }
}

/// Runs the editor on `path`, at `line` when given, and waits for it. `Err` says why it
/// could not run or what it exited with.
pub fn edit(path: &Path, line: Option<usize>) -> Result<(), String> {
    let words = words()?;
    let mut command = Command::new(&words[0]);
    command.args(&words[1..]);
    if let Some(line) = line {
        command.arg(format!("+{line}"));
    }
    command.arg(path);
    if let Ok(tty) = OpenOptions::new().read(true).write(true).open("/dev/tty")
        && let (Ok(input), Ok(output)) = (tty.try_clone(), tty.try_clone())
    {
        command
            .stdin(Stdio::from(input))
            .stdout(Stdio::from(output))
            .stderr(Stdio::from(tty));
    }
    let program = crate::sanitize::quote(&words[0]);
    let status = command
        .status()
        .map_err(|e| format!("cannot start the editor {program}: {e}; set $VISUAL or $EDITOR"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("the editor {program} exited with {status}"))
    }
}
