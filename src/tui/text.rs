//! Width-aware text helpers: truncation with an ellipsis and word wrapping, shared by the
//! state-side models (wrapped detail lines) and the views. Widths are terminal columns (CJK
//! counts two), never bytes or chars.

use unicode_width::UnicodeWidthChar;

use crate::sanitize;

/// The display width of `s`.
pub fn width(s: &str) -> usize {
    s.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// `s` cut to at most `max` columns, ending in `…` when cut. One pass that stops at the
/// cut, so a 10 MB title costs no more than a short one.
pub fn fit(s: &str, max: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max {
            while used + 1 > max {
                match out.pop() {
                    Some(p) => used -= p.width().unwrap_or(0),
                    None => return out,
                }
            }
            out.push('…');
            return out;
        }
        out.push(c);
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

/// File text made safe for one screen line.
pub fn clean(s: &str) -> String {
    sanitize::line(s).into_owned()
}

/// Greedy word wrap of one paragraph (no newlines) to `max` columns; words longer than a
/// line are split. Always at least one line.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for word in text.split_whitespace() {
        let w = width(word);
        if used > 0 && used + 1 + w > max {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        if w > max {
            // Split an over-long word (a URL, a run of CJK) across lines.
            for c in word.chars() {
                let cw = c.width().unwrap_or(0);
                if used + cw > max && used > 0 {
                    lines.push(std::mem::take(&mut line));
                    used = 0;
                }
                line.push(c);
                used += cw;
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

/// Wraps multi-line text: each paragraph (separated by newlines) wrapped on its own.
pub fn wrap_paragraphs(text: &str, max: usize) -> Vec<String> {
    let cleaned = sanitize::clean(text.trim(), sanitize::Lines::Keep);
    cleaned
        .split('\n')
        .flat_map(|p| {
            if p.trim().is_empty() {
                vec![String::new()]
            } else {
                wrap(p, max)
            }
        })
        .collect()
}
