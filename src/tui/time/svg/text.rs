//! Text in the picture: escaped for XML, and measured in pixels before any renderer sees
//! it, so that labels can be placed without overlapping.
//!
//! The measure is an upper bound for the common sans-serif faces (`DejaVu Sans`, the widest
//! of them, `Liberation Sans`, Arial): a label given the room it asks for never runs into
//! the next one, whichever of these fonts the reader's renderer picks.

use std::borrow::Cow;

use unicode_width::UnicodeWidthChar;

/// `text` from the file, safe inside an element or a quoted attribute: control characters
/// made visible (as on the terminal), the five markup characters escaped, and characters
/// XML 1.0 forbids (U+FFFE, U+FFFF) replaced.
pub fn escape(text: &str) -> String {
    let clean = crate::sanitize::line(text);
    let mut out = String::with_capacity(clean.len());
    for c in clean.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // What `sanitize` leaves is printable, but XML also refuses these two.
            '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            c if u32::from(c) < 0x20 => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// The cleaned text as it will be drawn (before escaping).
pub fn shown(text: &str) -> Cow<'_, str> {
    crate::sanitize::line(text)
}

/// An upper bound of the text's advance in pixels at `size` px.
pub fn width(text: &str, size: f64) -> f64 {
    let em: f64 = text
        .chars()
        .map(|c| match c {
            ' ' | 'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '!' | '|' => 0.34,
            'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '-' => 0.45,
            'm' | 'w' => 0.98,
            'M' | 'W' => 1.0,
            '0'..='9' => 0.64,
            'a'..='z' => 0.63,
            'A'..='Z' => 0.78,
            '–' | '—' | '→' | '…' => 0.84,
            c => match c.width() {
                Some(2) => 1.05,
                Some(0) => 0.0,
                _ => 0.84,
            },
        })
        .sum();
    em * size
}

/// `text` cut to at most `max` pixels at `size`, ending with `…` when cut.
pub fn fit(text: &str, size: f64, max: f64) -> Cow<'_, str> {
    if width(text, size) <= max {
        return Cow::Borrowed(text);
    }
    let room = max - width("…", size);
    let mut used = 0.0;
    let mut out = String::new();
    for c in text.chars() {
        let w = width(c.encode_utf8(&mut [0; 4]), size);
        if used + w > room {
            break;
        }
        used += w;
        out.push(c);
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('…');
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_controls_are_escaped() {
        assert_eq!(
            escape("a<b>&\"c'\u{1b}[31m"),
            "a&lt;b&gt;&amp;&quot;c&apos;\\u{1b}[31m"
        );
        assert_eq!(escape("x\u{ffff}"), "x\u{fffd}");
    }

    #[test]
    fn a_cut_label_fits_its_room() {
        let label = "Soviet–Afghan War and the long withdrawal";
        let cut = fit(label, 12.0, 80.0);
        assert!(cut.ends_with('…'));
        assert!(width(&cut, 12.0) <= 80.0);
        assert_eq!(fit("War", 12.0, 80.0), "War");
    }
}
