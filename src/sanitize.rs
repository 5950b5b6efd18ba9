//! Keeps text from a timeline file from acting on the terminal.
//!
//! Titles and summaries come from other people's files. Printed raw, an ESC or a C1 CSI
//! (U+009B) could retitle the terminal or rewrite the line, and a bidi override could make
//! text read differently from what it is (the class of kubectl CVE-2021-25743 and
//! television issue #1124). Every human-facing writer sends file text through [`clean`]:
//!
//! * C0 controls (except `\n` where the format is multi-line), DEL, C1 controls (as code
//!   points) and the bidi overrides and isolates U+202A–U+202E, U+2066–U+2069 become a
//!   visible escape such as `\u{1b}`, so a reader can see that something was there;
//! * a tab expands to spaces up to the next multiple of 8 columns, instead of vanishing;
//! * ZWJ, ZWNJ, LRM and RLM (U+200C–U+200F) stay: Dari and Pashto text needs them.
//!
//! The output contains none of the replaced characters, so cleaning twice changes nothing.

use std::borrow::Cow;
use std::fmt::Write as _;

const TAB_STOP: usize = 8;

/// Whether newlines survive (multi-line formats) or are escaped (one-line formats).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lines {
    Keep,
    Escape,
}

/// Characters that must never reach a terminal as themselves.
pub fn is_dangerous(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with dangerous characters escaped and tabs expanded; borrowed when already clean.
pub fn clean(text: &str, lines: Lines) -> Cow<'_, str> {
    let needs_work = text
        .chars()
        .any(|c| is_dangerous(c) && !(c == '\n' && lines == Lines::Keep));
    if !needs_work {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut column = 0;
    for c in text.chars() {
        match c {
            '\n' if lines == Lines::Keep => {
                out.push('\n');
                column = 0;
                continue;
            }
            '\t' => {
                let width = TAB_STOP - column % TAB_STOP;
                out.extend(std::iter::repeat_n(' ', width));
                column += width;
                continue;
            }
            c if is_dangerous(c) => {
                let before = out.len();
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
                column += out.len() - before;
                continue;
            }
            c => out.push(c),
        }
        column += 1;
    }
    Cow::Owned(out)
}

/// One-line cleaned text.
pub fn line(text: &str) -> Cow<'_, str> {
    clean(text, Lines::Escape)
}

/// A value from the file for an error message: cleaned, shortened, in single quotes.
pub fn quote(text: &str) -> String {
    const MAX: usize = 60;
    let cleaned = line(text);
    match cleaned.char_indices().nth(MAX) {
        Some((cut, _)) => format!("'{}…'", &cleaned[..cut]),
        None => format!("'{cleaned}'"),
    }
}
