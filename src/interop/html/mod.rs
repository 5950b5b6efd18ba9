//! Just enough HTML for TimelineJS: escaping our text into it ([`escape`],
//! [`paragraphs`]), and stripping its markup back to plain text ([`strip`]).
//!
//! Escaped HTML carries no raw control characters: the characters [`crate::sanitize`]
//! guards the terminal from become the same visible escapes (`\u{1b}`), since a web page
//! is as easily fooled by a bidi override as a terminal is. Everything else is text,
//! never markup.

mod entity;
mod strip;

use std::fmt::Write as _;

pub use strip::{strip, strip_counted};

use crate::sanitize::is_dangerous;

/// `text` as HTML text content: `& < > " '` escaped, a newline as `<br>`, a tab as a space,
/// other control characters as a visible `\u{…}`.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push_str("<br>"),
            '\t' => out.push(' '),
            c if is_dangerous(c) => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// `text` as HTML text content with only what markup needs escaped (`& < >`): quotes are
/// text outside attributes, and a field that is read as text once more (an accessible
/// label) would otherwise show their entities (`Taraki&#39;s`).
pub fn escape_text(text: &str) -> String {
    // `escape` escapes `&` first, so a `&quot;` typed in the text is `&amp;quot;` here and
    // is not touched by putting the quotes back.
    escape(text).replace("&quot;", "\"").replace("&#39;", "'")
}

/// Plain text as HTML paragraphs: blank lines separate `<p>`s, single newlines are `<br>`.
pub fn paragraphs(text: &str) -> String {
    let mut out = String::new();
    for paragraph in split_paragraphs(text) {
        let _ = write!(out, "<p>{}</p>", escape(paragraph));
    }
    out
}

/// The non-empty paragraphs of plain text (separated by blank lines), trimmed.
pub fn split_paragraphs(text: &str) -> impl Iterator<Item = &str> {
    text.split("\n\n").map(str::trim).filter(|p| !p.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sanitize::is_linkable;

    #[test]
    fn escape_then_strip_gives_back_single_line_text() {
        for text in ["a & b < c > d \"e\" 'f'", "Soviet–Afghan War", "می‌خواهم"] {
            assert_eq!(strip(&escape(text)), text);
        }
        assert_eq!(strip(&paragraphs("one\ntwo\n\nthree")), "one\ntwo\n\nthree");
    }

    #[test]
    fn escape_leaves_no_control_characters() {
        let escaped = escape("a\u{1b}[31m\u{202e}b\tc");
        assert_eq!(escaped, "a\\u{1b}[31m\\u{202e}b c");
        assert!(!escaped.chars().any(is_dangerous));
    }

    #[test]
    fn only_web_and_mail_addresses_are_links() {
        assert!(is_linkable("https://example.org"));
        assert!(is_linkable("mailto:a@b.org"));
        assert!(!is_linkable("javascript:alert(1)"));
        assert!(!is_linkable("data:text/html,x"));
    }
}
