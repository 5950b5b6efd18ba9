//! The key tables as documentation: the tables of `docs/explorer.md` (Markdown) and the man
//! page's KEYS section (roff), both generated from the mode table and the keymap that drive
//! the explorer and its help, so that no document can name a key that does something else.
//! A test compares `docs/explorer.md` with [`markdown`] (CONTRIBUTING.md says how to
//! regenerate it).

use std::fmt::Write as _;

use super::keymap::{self, Binding};
use super::mode::help_sections;

/// Where the generated tables start and end in `docs/explorer.md`.
pub const KEYS_START: &str = "<!-- keys:start (generated from src/tui/keymap.rs) -->";
pub const KEYS_END: &str = "<!-- keys:end -->";

/// Each binding's keys as written in a document: `` `j` `↓` ``, or `` `0`–`9` ``.
fn keys(binding: &Binding) -> String {
    let label = keymap::keys_label(binding);
    if binding.action.is_none() && binding.keys.len() == 2 {
        return label
            .split('–')
            .map(|k| format!("`{k}`"))
            .collect::<Vec<_>>()
            .join("–");
    }
    binding
        .keys
        .iter()
        .map(|k| match keymap::key_label(*k).as_str() {
            "`" => "`` ` ``".to_owned(),
            "|" => "`\\|`".to_owned(),
            label => format!("`{label}`"),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The docs' key tables: one per mode, in the help's order.
pub fn markdown() -> String {
    let mut out = String::new();
    for (n, (title, table)) in help_sections().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let _ = writeln!(out, "| {title} | |\n| --- | --- |");
        for b in table {
            let _ = writeln!(out, "| {} | {} |", keys(b), b.help.replace('|', "\\|"));
        }
    }
    out
}

/// Text made safe for roff: backslashes and hyphens escaped, no line starting a request.
fn roff(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with(['.', '\'']) {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

/// The man page's KEYS section: a subsection per mode, a tagged paragraph per binding.
pub fn roff_section() -> String {
    let mut out = String::from(".SH KEYS\n");
    for (title, table) in help_sections() {
        let _ = writeln!(out, ".SS {}", roff(title));
        for b in table {
            let _ = writeln!(
                out,
                ".TP\n\\fB{}\\fR\n{}",
                roff(&keymap::keys_label(b)),
                roff(b.help)
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_binding_is_in_both_documents() {
        let (md, man) = (markdown(), roff_section());
        for (title, table) in help_sections() {
            assert!(md.contains(&format!("| {title} |")), "{title}");
            assert!(man.contains(&format!(".SS {}", roff(title))), "{title}");
            for b in table {
                assert!(
                    md.contains(&format!("| {} | {} |", keys(b), b.help)),
                    "{}",
                    b.help
                );
                assert!(man.contains(&roff(b.help)), "{}", b.help);
            }
        }
        assert_eq!(roff(".x-y\\"), "\\&.x\\-y\\e");
    }
}
