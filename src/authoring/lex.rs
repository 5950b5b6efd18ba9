//! RON's lexical rules, as far as adding an event needs them: where strings (with their
//! escapes, raw strings `r#"…"#`, chars) and comments (`//`, nested `/* */`) lie, so that a
//! comma goes after a text's last token and a string's own lines keep their indentation.
//! One walker serves both; it never fails and every step consumes input.

/// What a stretch of text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A string or a char, quotes included.
    Str,
    Comment,
    /// Any other character that is not whitespace.
    Other,
}

/// One stretch: its kind and its bytes `[start, end)`; whitespace is left out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
}

/// The text's strings, comments and other characters, in order.
pub fn tokens(text: &str) -> Vec<Token> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let start = i;
        let kind = match b[i] {
            c if c.is_ascii_whitespace() => {
                i += 1;
                continue;
            }
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
                Kind::Str
            }
            b'\'' => {
                // A char: one character or an escape, then its quote.
                i += if b.get(i + 1) == Some(&b'\\') { 3 } else { 2 };
                while i < b.len() && b[i] != b'\'' && b[i] != b'\n' {
                    i += 1;
                }
                if b.get(i) == Some(&b'\'') {
                    i += 1;
                }
                Kind::Str
            }
            b'r' if b.get(i + 1).is_some_and(|c| *c == b'#' || *c == b'"')
                && (i == 0
                    || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_')
                    || b[i - 1] == b'b') =>
            {
                let hashes = b[i + 1..].iter().take_while(|c| **c == b'#').count();
                if b.get(i + 1 + hashes) == Some(&b'"') {
                    let close: Vec<u8> = std::iter::once(b'"')
                        .chain(std::iter::repeat_n(b'#', hashes))
                        .collect();
                    let open = i + 1 + hashes + 1;
                    i = b
                        .get(open..)
                        .and_then(|rest| {
                            rest.windows(close.len())
                                .position(|w| w == close.as_slice())
                        })
                        .map_or(b.len(), |p| open + p + close.len());
                    Kind::Str
                } else {
                    // A raw identifier, `r#name`.
                    i += 1 + hashes;
                    Kind::Other
                }
            }
            b'/' if b.get(i + 1) == Some(&b'/') => {
                i = text[i..].find('\n').map_or(b.len(), |n| i + n);
                Kind::Comment
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let mut depth = 0;
                while i < b.len() {
                    if b[i..].starts_with(b"/*") {
                        depth += 1;
                        i += 2;
                    } else if b[i..].starts_with(b"*/") {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
                Kind::Comment
            }
            _ => {
                i += 1;
                Kind::Other
            }
        };
        out.push(Token {
            kind,
            start,
            end: i.min(b.len()),
        });
    }
    out
}

/// Where the last token of `text` ends: past its last character outside comments and
/// whitespace (0 when there is none).
pub fn significant_end(text: &str) -> usize {
    let mut end = tokens(text)
        .iter()
        .rev()
        .find(|t| t.kind != Kind::Comment)
        .map_or(0, |t| t.end);
    // Back to a character boundary, should a multi-byte character end the text.
    while !text.is_char_boundary(end) {
        end += 1;
    }
    end
}

/// For each line of `text`, whether it begins inside a string (a string that spans lines
/// continues on it).
pub fn lines_in_string(text: &str) -> Vec<bool> {
    let mut lines = vec![false; text.matches('\n').count() + 1];
    let mut line_of = Vec::with_capacity(text.len() + 1);
    let mut line = 0;
    for c in text.bytes() {
        line_of.push(line);
        if c == b'\n' {
            line += 1;
        }
    }
    line_of.push(line);
    for t in tokens(text).iter().filter(|t| t.kind == Kind::Str) {
        // A line break inside the string starts a line inside it.
        for l in line_of[t.start]..line_of[t.end.min(text.len())] {
            lines[l + 1] = true;
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_comments_and_the_rest() {
        let text = "(a: \"x // y\", /* c /* d */ */ b: r#\"q\"#, c: '\"') // end";
        let kinds: Vec<(Kind, &str)> = tokens(text)
            .iter()
            .map(|t| (t.kind, &text[t.start..t.end]))
            .filter(|(k, _)| *k != Kind::Other)
            .collect();
        assert_eq!(
            kinds,
            [
                (Kind::Str, "\"x // y\""),
                (Kind::Comment, "/* c /* d */ */"),
                (Kind::Str, "r#\"q\"#"),
                (Kind::Str, "'\"'"),
                (Kind::Comment, "// end"),
            ]
        );
        assert_eq!(significant_end(text), text.find(" // end").expect("x"));
        assert_eq!(significant_end("  // only a comment"), 0);
    }

    #[test]
    fn the_lines_a_string_spans_begin_inside_it() {
        let text = "(\n  s: \"one\ntwo\nthree\",\n  t: 1,\n)";
        assert_eq!(
            lines_in_string(text),
            [false, false, true, true, false, false]
        );
    }
}
