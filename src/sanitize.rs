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

/// Characters that show nothing, or nothing a reader can tell apart from a space: format
/// characters (Unicode category Cf: soft hyphen, zero-width space, word joiner, a BOM
/// inside text, tag characters …), spaces other than U+0020, the line and paragraph
/// separators, the Hangul fillers and the noncharacters. Terminals disagree on their
/// width, and in a quoted value they hide what is wrong (`'2025\u{200b}'`).
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{a0}' | '\u{ad}' | '\u{115f}' | '\u{1160}' | '\u{1680}' | '\u{180e}'
        | '\u{600}'..='\u{605}' | '\u{61c}' | '\u{6dd}' | '\u{70f}' | '\u{890}'..='\u{891}'
        | '\u{8e2}' | '\u{2000}'..='\u{200f}' | '\u{2028}'..='\u{202f}' | '\u{205f}'..='\u{206f}'
        | '\u{3000}' | '\u{3164}' | '\u{fdd0}'..='\u{fdef}' | '\u{feff}' | '\u{ffa0}'
        | '\u{fff9}'..='\u{fffb}' | '\u{110bd}' | '\u{110cd}' | '\u{13430}'..='\u{1343f}'
        | '\u{1bca0}'..='\u{1bca3}' | '\u{1d173}'..='\u{1d17a}' | '\u{e0001}' | '\u{e0020}'..='\u{e007f}')
        || (u32::from(c) & 0xfffe) == 0xfffe
}

/// Whether `text` shows nothing: empty, or only spaces, [invisible](is_invisible) and
/// control characters, variation selectors, the blank braille pattern U+2800, and
/// combining marks with nothing to combine with (a mark alone draws on nothing, or on
/// whatever the terminal drew before it). Required text (a title, a name) must not be
/// blank.
pub fn is_blank(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_whitespace()
            || c.is_control()
            || is_invisible(c)
            || is_variation_selector(c)
            || c == '\u{2800}'
            || unicode_width::UnicodeWidthChar::width(c) == Some(0)
    })
}

/// A variation selector (U+FE00–U+FE0F, the supplement's U+E0100–U+E01EF, and the
/// Mongolian ones): it only chooses how the character before it looks.
pub fn is_variation_selector(c: char) -> bool {
    matches!(c, '\u{fe00}'..='\u{fe0f}' | '\u{e0100}'..='\u{e01ef}' | '\u{180b}'..='\u{180d}' | '\u{180f}')
}

/// Whether an address holds a character that cannot be part of one: a control character
/// (ESC, BEL, DEL, C1), a bidi control, or a format or other invisible character (U+200B).
/// Such a value would act on a terminal or hide what it points to.
pub fn has_hidden_characters(address: &str) -> bool {
    address
        .chars()
        .any(|c| c.is_control() || is_dangerous(c) || is_invisible(c) || is_variation_selector(c))
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
/// Invisible characters are escaped too, so the quote shows what is wrong with the value
/// (`invalid date '2025\u{200b}'`).
pub fn quote(text: &str) -> String {
    const MAX: usize = 60;
    let line = line(text);
    let cleaned: Cow<'_, str> = if line.chars().any(is_invisible) {
        let mut out = String::with_capacity(line.len() + 8);
        for c in line.chars() {
            if is_invisible(c) {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            } else {
                out.push(c);
            }
        }
        Cow::Owned(out)
    } else {
        line
    };
    match cleaned.char_indices().nth(MAX) {
        Some((cut, _)) => format!("'{}…'", &cleaned[..cut]),
        None => format!("'{cleaned}'"),
    }
}

/// Whether a URL may become a link: web and mail addresses only, never `javascript:`.
/// Here, below both, because the Markdown writer and the HTML of the TimelineJS export
/// make links alike.
pub fn is_linkable(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    ["http://", "https://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
}
