//! Width-aware text helpers: truncation with an ellipsis and word wrapping, shared by the
//! state-side models (wrapped detail lines) and the views. Widths are terminal columns (CJK
//! counts two), never bytes or chars.
//!
//! One width measure everywhere: [`width`] is the width ratatui draws with (a grapheme at
//! a time, [`CellWidth`]), so a cut or a wrap made here is exactly what the buffer gets.
//! Where terminals and that measure disagree, the text is made unambiguous first
//! ([`clean`]): format and filler characters (soft hyphen, zero-width space, word joiner,
//! a BOM, Hangul fillers, U+2028/U+2029, noncharacters, a zero-width joiner or variation
//! selector after a non-letter, as in emoji sequences) become visible escapes such as
//! `\u{ad}`, and a run of combining marks is cut to [`MAX_MARKS`] after its base. The
//! joiners Dari and Pashto need (ZWNJ, and ZWJ between letters) and LRM/RLM stay.

use std::fmt::Write as _;

use ratatui::buffer::CellWidth;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthChar;

use crate::sanitize;

/// Combining marks kept after one base character (Zalgo text stacks hundreds).
pub const MAX_MARKS: usize = 3;

/// The display width of `s`, as ratatui draws it.
pub fn width(s: &str) -> usize {
    s.graphemes(true).map(|g| usize::from(g.cell_width())).sum()
}

/// `s` cut to at most `max` columns, ending in `…` when cut. One pass that stops at the
/// cut, so a 10 MB title costs no more than a short one.
pub fn fit(s: &str, max: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    let mut cuts = Vec::new();
    for g in s.graphemes(true) {
        let w = width(g);
        if used + w > max {
            // Back off whole graphemes until the ellipsis fits.
            while used + 1 > max {
                match cuts.pop() {
                    Some((at, before)) => {
                        out.truncate(at);
                        used = before;
                    }
                    None => return out,
                }
            }
            out.push('…');
            return out;
        }
        cuts.push((out.len(), used));
        out.push_str(g);
        used += w;
    }
    out
}

/// File text made safe and cut to `max` columns; only the part that can show is cleaned.
pub fn fit_clean(s: &str, max: usize) -> String {
    let end = s
        .char_indices()
        .nth(max.saturating_mul(2) + 8)
        .map_or(s.len(), |(i, _)| i);
    fit(&clean(&s[..end]), max)
}

/// File text made safe and unambiguous for one screen line.
pub fn clean(s: &str) -> String {
    visible(&sanitize::line(s))
}

/// Sanitized text with the characters whose width terminals disagree on made visible,
/// and combining runs capped (see the module).
fn visible(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut marks = 0;
    let mut previous: Option<char> = None;
    for c in s.chars() {
        if escaped(c, previous) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            marks = 0;
            previous = Some('}');
            continue;
        }
        if is_mark(c) {
            marks += 1;
            if marks > MAX_MARKS {
                continue;
            }
        } else {
            marks = 0;
        }
        out.push(c);
        previous = Some(c);
    }
    out
}

/// Whether `c` shows in the UI as an escape, given the character before it.
fn escaped(c: char, previous: Option<char>) -> bool {
    let after_letter = previous.is_some_and(char::is_alphabetic);
    match c {
        // Kept: ZWNJ, LRM and RLM, which Dari, Pashto and Arabic text need, and spaces other
        // than U+0020, which are as wide everywhere.
        '\u{200c}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{a0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200a}'
        | '\u{202f}'
        | '\u{205f}'
        | '\u{3000}' => false,
        // ZWJ between letters shapes a script; after a symbol it builds an emoji sequence,
        // as do the variation selectors, whose width terminals disagree on.
        '\u{200d}' | '\u{fe0e}' | '\u{fe0f}' => !after_letter,
        c => sanitize::is_invisible(c),
    }
}

/// A combining mark: drawn on the character before it (zero width, not a joiner).
fn is_mark(c: char) -> bool {
    c.width() == Some(0)
        && !matches!(c, '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{206f}' | '\u{feff}')
}

/// Greedy word wrap of one paragraph (no newlines) to `max` columns; words longer than a
/// line are split. Always at least one line.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    wrap_hanging(text, max, max)
}

/// [`wrap`] with a first line of `first` columns and the others of `rest` (a hanging
/// indent leaves `rest` narrower). One pass over the words: wrapping again what was
/// wrapped once would put a space into a word split across two lines, and an address so
/// split would no longer read back as itself.
pub fn wrap_hanging(text: &str, first: usize, rest: usize) -> Vec<String> {
    let (first, rest) = (first.max(1), rest.max(1));
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    let mut max = first;
    // A no-break space joins what must stay on one line (`2 d`, see `glue_units`).
    for word in text
        .split(|c: char| c.is_whitespace() && c != NBSP)
        .filter(|w| !w.is_empty())
    {
        let w = width(word);
        if used > 0 && used + 1 + w > max {
            lines.push(std::mem::take(&mut line));
            used = 0;
            max = rest;
        }
        if w > max {
            // Split an over-long word (a URL, a run of CJK) across lines.
            for g in word.graphemes(true) {
                // A grapheme wider than a line (prepended marks, a long jamo sequence) is
                // split into its characters, each at most two columns.
                let pieces: Vec<&str> = if width(g) > max {
                    g.char_indices()
                        .map(|(i, c)| &g[i..i + c.len_utf8()])
                        .collect()
                } else {
                    vec![g]
                };
                for piece in pieces {
                    let cw = width(piece);
                    if used + cw > max && used > 0 {
                        lines.push(std::mem::take(&mut line));
                        used = 0;
                        max = rest;
                    }
                    line.push_str(piece);
                    used += cw;
                }
            }
            continue;
        }
        if used > 0 {
            line.push(' ');
            used += 1;
        }
        line.push_str(word);
        used += w;
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The no-break space, which [`wrap`] never breaks at.
pub const NBSP: char = '\u{a0}';

/// `2 y 3 m` with a no-break space between each number and its unit, so that a wrap
/// never leaves a number at a line's end and its unit on the next (`lasted 2` / `d`).
pub fn glue_units(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let between = i > 0
                && chars[i - 1].is_ascii_digit()
                && chars.get(i + 1).is_some_and(|n| n.is_alphabetic());
            if c == ' ' && between { NBSP } else { c }
        })
        .collect()
}

/// Wraps multi-line text: each paragraph (separated by newlines) wrapped on its own.
pub fn wrap_paragraphs(text: &str, max: usize) -> Vec<String> {
    let cleaned = sanitize::clean(text.trim(), sanitize::Lines::Keep);
    cleaned
        .split('\n')
        .flat_map(|p| {
            if p.trim().is_empty() {
                vec![String::new()]
            } else {
                wrap(&visible(p), max)
            }
        })
        .collect()
}
