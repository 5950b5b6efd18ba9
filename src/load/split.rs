//! Finds the top-level elements of a timeline's `events: [ … ]` list without parsing them,
//! so that the elements can be parsed on every core (see `parallel`).
//!
//! The scanner follows RON's lexical rules as ron 0.12's parser applies them: strings with
//! escapes, raw strings `r#"…"#` (and byte strings `b"…"`, `br#"…"#`), chars, raw
//! identifiers `r#name`, `//` comments to the end of the line and nested `/* */` comments.
//! Outside strings and comments only brackets and commas give structure.
//!
//! It never decides what a file means: whenever it meets something whose reading could
//! differ from ron's (extension attributes `#![…]`, a stray `#`, any non-ASCII character
//! between tokens, unbalanced or mismatched brackets, an empty element), it gives up and
//! the caller parses the whole file on one thread, which also yields ron's exact error.
//! Every step consumes input, so the scan is one linear pass and cannot hang.

use std::ops::Range;

use memchr::{memchr, memchr2, memmem};

/// Where the `events` list and its elements lie in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Split {
    /// Byte offset of the list's `[`.
    pub open: usize,
    /// Byte offset of the list's `]`.
    pub close: usize,
    /// Each element's text, between the commas (trivia included, the commas not).
    pub items: Vec<Range<usize>>,
}

/// Splits the `events` list of a whole timeline text, or `None` when that is not safe.
/// The text need not be checked UTF-8: the scanner reads only ASCII structure.
pub fn split(text: &[u8]) -> Option<Split> {
    list(text, events_open(text)?)
}

/// The offset of the `[` that opens the `events` list, found by skipping the fields before
/// it, or `None` when that is not safe. The text need not be checked UTF-8.
pub fn events_open(text: &[u8]) -> Option<usize> {
    let b = text;
    let mut i = skip_trivia(b, 0)?;
    // An optional struct name, `Timeline(`; anything but an identifier here is ron's to judge.
    let name = ident_end(b, i);
    if name > i {
        i = skip_trivia(b, name)?;
    }
    if b.get(i) != Some(&b'(') {
        return None;
    }
    i += 1;
    loop {
        i = skip_trivia(b, i)?;
        let start = i;
        let raw = b[i..].starts_with(b"r#");
        let end = ident_end(b, if raw { i + 2 } else { i });
        let field = &b[if raw { start + 2 } else { start }..end];
        if field.is_empty() {
            // `)` (no `events` field) or something that is not a field name.
            return None;
        }
        i = skip_trivia(b, end)?;
        if b.get(i) != Some(&b':') {
            return None;
        }
        i = skip_trivia(b, i + 1)?;
        if field == b"events" {
            return (b.get(i) == Some(&b'[')).then_some(i);
        }
        i = scan_to_delimiter(b, i)?;
        if b[i] != b',' {
            return None;
        }
        i += 1;
    }
}

/// The elements of the list whose `[` is at `open`.
fn list(b: &[u8], open: usize) -> Option<Split> {
    let mut items = Vec::new();
    let mut i = open + 1;
    let close = loop {
        let end = scan_to_delimiter(b, i)?;
        items.push(i..end);
        match b[end] {
            b',' => i = end + 1,
            b']' => break end,
            _ => return None,
        }
    };
    // A trailing comma (or an empty list) leaves one last element of trivia alone; any other
    // empty element (`[a,,b]`, `[,a]`) is a syntax error for ron to report.
    if items
        .last()
        .is_some_and(|last| skip_trivia(b, last.start) == Some(last.end))
    {
        items.pop();
    }
    if items
        .iter()
        .any(|item| skip_trivia(b, item.start) == Some(item.end))
    {
        return None;
    }
    Some(Split { open, close, items })
}

/// From `i`, skips whole values until a `,` or a closing bracket outside any bracket that
/// opened after `i`; its offset. `None` at the end of the text or on anything unsafe.
pub(super) fn scan_to_delimiter(b: &[u8], mut i: usize) -> Option<usize> {
    let mut stack: Vec<u8> = Vec::new();
    loop {
        let c = *b.get(i)?;
        match c {
            b',' | b')' | b']' | b'}' if stack.is_empty() => return Some(i),
            b'(' => stack.push(b')'),
            b'[' => stack.push(b']'),
            b'{' => stack.push(b'}'),
            b')' | b']' | b'}' if stack.pop() != Some(c) => return None,
            b'"' => {
                i = string_end(b, i + 1)?;
                continue;
            }
            b'\'' => {
                i = char_end(b, i + 1)?;
                continue;
            }
            b'/' => {
                i = comment_end(b, i)?;
                continue;
            }
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                i = word_end(b, i)?;
                continue;
            }
            // `#` only belongs to raw strings and raw identifiers, which `word_end` takes
            // whole; anything else (an attribute) is for ron to judge. Non-ASCII outside a
            // string could be Unicode whitespace or an identifier: not worth guessing.
            b'#' | 0x80.. => return None,
            _ => {}
        }
        i += 1;
    }
}

/// After a word starting at `i`: an identifier, a raw identifier `r#name`, or a prefixed
/// literal `r"…"`, `r#"…"#`, `b"…"`, `br"…"`, `b'…'`, taken whole.
fn word_end(b: &[u8], i: usize) -> Option<usize> {
    let end = ident_end(b, i);
    let word = &b[i..end];
    match (word, b.get(end)) {
        (b"r" | b"br", Some(b'"' | b'#')) => {
            let hashes = b[end..].iter().take_while(|&&c| c == b'#').count();
            let quote = end + hashes;
            match b.get(quote) {
                Some(b'"') => {
                    let mut ending = vec![b'"'];
                    ending.resize(1 + hashes, b'#');
                    let found = memmem::find(&b[quote + 1..], &ending)?;
                    Some(quote + 1 + found + ending.len())
                }
                // `r#name`: ron's raw identifiers may hold `.`, `+` and `-` too.
                _ if word == b"r" && hashes == 1 => {
                    let raw_end = quote
                        + b[quote..]
                            .iter()
                            .take_while(|c| {
                                c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'+' | b'-')
                            })
                            .count();
                    (raw_end > quote).then_some(raw_end)
                }
                _ => None,
            }
        }
        (b"b", Some(b'"')) => string_end(b, end + 1),
        (b"b", Some(b'\'')) => char_end(b, end + 1),
        _ => Some(end),
    }
}

/// The end of an ASCII identifier run starting at `i` (`i` itself when there is none).
fn ident_end(b: &[u8], i: usize) -> usize {
    i + b[i..]
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_')
        .count()
}

/// Just after the closing `"` of a string whose content starts at `i`.
fn string_end(b: &[u8], mut i: usize) -> Option<usize> {
    loop {
        i += memchr2(b'"', b'\\', &b[i..])?;
        if b[i] == b'"' {
            return Some(i + 1);
        }
        // An escape: whatever follows the backslash (`"`, `\`, a line break, `u{…}`'s `u`)
        // belongs to it; the rest of a `\u{…}` holds neither quote nor backslash.
        i += 2;
        if i > b.len() {
            return None;
        }
    }
}

/// Just after the closing `'` of a char whose content starts at `i`: one character, or
/// an escape such as `\'`, `\\` or `\u{…}`.
fn char_end(b: &[u8], i: usize) -> Option<usize> {
    let first = *b.get(i)?;
    let after = if first == b'\\' {
        // Past the escaped character; the rest of the escape holds no quote.
        let rest = i + 2;
        rest + memchr(b'\'', b.get(rest..)?)?
    } else {
        i + utf8_len(first)
    };
    (b.get(after) == Some(&b'\'')).then_some(after + 1)
}

fn utf8_len(lead: u8) -> usize {
    match lead {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}

/// Just after the comment starting with the `/` at `i`; `None` if it is not a comment or
/// is not closed.
fn comment_end(b: &[u8], i: usize) -> Option<usize> {
    match b.get(i + 1)? {
        b'/' => Some(memchr(b'\n', &b[i..]).map_or(b.len(), |n| i + n + 1)),
        b'*' => {
            // As ron reads them: at each `/` or `*`, an opening `/*` first, then `*/`.
            let mut depth = 1usize;
            let mut j = i + 2;
            while depth > 0 {
                j += memchr2(b'/', b'*', &b[j..])?;
                if b[j..].starts_with(b"/*") {
                    depth += 1;
                    j += 2;
                } else if b[j..].starts_with(b"*/") {
                    depth -= 1;
                    j += 2;
                } else {
                    j += 1;
                }
            }
            Some(j)
        }
        _ => None,
    }
}

/// Past whitespace and comments from `i`. `None` for an unclosed block comment, a stray
/// `/`, or non-ASCII (Unicode whitespace is ron's to read).
pub(super) fn skip_trivia(b: &[u8], mut i: usize) -> Option<usize> {
    loop {
        match b.get(i) {
            Some(b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) => i += 1,
            Some(b'/') => i = comment_end(b, i)?,
            Some(0x80..) => return None,
            _ => return Some(i),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(text: &str) -> Option<Vec<&str>> {
        let s = split(text.as_bytes())?;
        assert_eq!(&text[s.open..=s.open], "[");
        assert_eq!(&text[s.close..=s.close], "]");
        Some(s.items.iter().map(|r| text[r.clone()].trim()).collect())
    }

    #[test]
    fn splits_at_top_level_commas_only() {
        let text = r#"Timeline(title: "a, b", actors: [(id: "x")], events: [(id: "a", t: [1, 2]), (id: "b"),])"#;
        assert_eq!(
            items(text).unwrap(),
            [r#"(id: "a", t: [1, 2])"#, r#"(id: "b")"#]
        );
    }

    #[test]
    fn strings_comments_and_chars_hide_their_brackets_and_commas() {
        let text = concat!(
            "(events: [\n",
            "  (t: \"a \\\" ], ( // \"), // a comment ], (\n",
            "  (t: r##\"raw \"# ], \"##, c: '\\'', d: ',', e: b\"],\"), /* a /* nested */ ], */\n",
            "  (t: br#\"\"], \"#, r#id: 1),\n",
            "])"
        );
        let got = items(text).unwrap();
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got[0].starts_with("(t: \"a \\\""));
        // A comment after a comma belongs to the next element's text.
        assert!(
            got[1].starts_with("// a comment ], (\n  (t: r##\"raw"),
            "{:?}",
            got[1]
        );
        assert!(got[1].ends_with("b\"],\")"), "{:?}", got[1]);
        assert!(
            got[2].starts_with("/* a /* nested */ ], */\n  (t: br#"),
            "{:?}",
            got[2]
        );
    }

    #[test]
    fn the_events_field_is_found_after_others_and_as_a_raw_identifier() {
        assert_eq!(items("(events: [])").unwrap(), Vec::<&str>::new());
        assert_eq!(items("( r#events : /* c */ [ (a), ] )").unwrap(), ["(a)"]);
        let nested = "(actors: [(events: [1, 2])], events: [(x), (y)])";
        assert_eq!(items(nested).unwrap(), ["(x)", "(y)"]);
    }

    #[test]
    fn gives_up_where_ron_must_judge() {
        for text in [
            "#![enable(implicit_some)] (events: [])",
            "(events: [(a),, (b)])",
            "(events: [, (b)])",
            "(events: [(a) #])",
            "(events: [(a]])",
            "(events: [(a), \u{2028} (b)])",
            "(title: \"unclosed, events: [])",
            "(events: [(a) /* unclosed ])",
            "(events: [(a) / (b)])",
            "(title: \"t\")",
            "[1, 2]",
            "(events: (1, 2))",
            "(events: [r##x])",
            "(events: ['ab'])",
        ] {
            assert_eq!(split(text.as_bytes()), None, "{text}");
        }
    }
}
