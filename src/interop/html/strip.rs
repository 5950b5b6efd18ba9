//! HTML → plain text, laid out the way a browser would show it as text: runs of whitespace
//! collapse, paragraphs become blank lines, list items get their numbers or bullets, a
//! link keeps its address. It never fails: what does not parse as a tag is text.

use super::entity::{decode, entity};

/// HTML as plain text: tags removed, entities decoded, whitespace collapsed, paragraphs
/// (`<p>`, `<div>`, headings, lists) separated by a blank line, `<br>` a newline, list
/// items numbered or bulleted, a link followed by its address when the text is not the
/// address itself, `<script>`/`<style>` contents and comments dropped.
///
/// Linear in the length of `html`: see [`strip_counted`].
pub fn strip(html: &str) -> String {
    strip_counted(html).0
}

/// [`strip`], plus the number of bytes its look-aheads examined (for a tag's `>`, a
/// comment's `-->`, a script's end tag). Every byte is looked ahead at a bounded number of
/// times, so the count stays within a small multiple of `html.len()`: the tests and the
/// fuzz target hold it to that, as the proof that hostile input cannot make stripping
/// quadratic.
///
/// The rule that makes it so: a `<` whose tag runs to the end of the text without a
/// closing `>` makes the rest of the text plain text. Without it each `<` of `<a <a <a …`
/// would rescan everything after it.
pub fn strip_counted(html: &str) -> (String, usize) {
    let mut out = Plain::default();
    let mut lists: Vec<Option<u32>> = Vec::new();
    let mut link: Option<(String, usize)> = None;
    let mut rest = html;
    let mut scanned = 0;
    let mut tags_end = false;
    while let Some(c) = rest.chars().next() {
        match c {
            '<' if !tags_end => {
                if let Some(after) = rest.strip_prefix("<!--") {
                    let end = after.find("-->");
                    scanned += end.map_or(after.len(), |end| end + 3);
                    rest = end.map_or("", |end| &after[end + 3..]);
                    continue;
                }
                let tag = match Tag::parse(rest) {
                    Parsed::Tag(tag) => tag,
                    Parsed::Text => {
                        out.push('<');
                        rest = &rest[1..];
                        continue;
                    }
                    Parsed::Unclosed => {
                        scanned += rest.len();
                        tags_end = true;
                        continue;
                    }
                };
                scanned += tag.len;
                rest = &rest[tag.len..];
                if !tag.closing && matches!(tag.name.as_str(), "script" | "style") {
                    let close = format!("</{}", tag.name);
                    let at = find_ignore_case(rest, &close);
                    scanned += at.map_or(rest.len(), |at| at + close.len());
                    rest = at.map_or("", |at| &rest[at..]);
                    continue;
                }
                element(&tag, &mut out, &mut lists, &mut link);
            }
            '&' => {
                let (decoded, len) = entity(rest).unwrap_or(("&".into(), 1));
                out.push_str(&decoded);
                rest = &rest[len..];
            }
            c if c.is_whitespace() && c != '\u{a0}' => {
                out.space();
                rest = &rest[c.len_utf8()..];
            }
            c => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    (out.finish(), scanned)
}

/// What an element does to the text around it.
fn element(
    tag: &Tag,
    out: &mut Plain,
    lists: &mut Vec<Option<u32>>,
    link: &mut Option<(String, usize)>,
) {
    match tag.name.as_str() {
        "br" => out.line_break(),
        "p" | "div" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "table" | "tr"
        | "section" | "article" | "header" | "footer" | "pre" | "hr" | "figure" | "figcaption"
        | "dl" => out.paragraph_break(),
        "ul" | "ol" => {
            out.paragraph_break();
            if tag.closing {
                lists.pop();
            } else {
                lists.push((tag.name == "ol").then_some(0));
            }
        }
        "li" if !tag.closing => {
            out.line_break_once();
            if let Some(Some(n)) = lists.last_mut() {
                *n += 1;
                out.push_str(&format!("{n}."));
                out.space();
            } else {
                out.push('-');
                out.push(' ');
            }
        }
        "dt" | "dd" | "td" | "th" if !tag.closing => out.space(),
        "a" if !tag.closing => {
            *link = tag
                .attr("href")
                .filter(|href| !href.is_empty())
                .map(|href| (href, out.text.len()));
        }
        "a" => {
            if let Some((href, start)) = link.take() {
                let shown = out.text.get(start..).unwrap_or("").trim();
                let bare = href.strip_prefix("mailto:").unwrap_or(&href);
                if shown != href && shown != bare {
                    let shown_empty = shown.is_empty();
                    if !shown_empty {
                        out.space();
                    }
                    let wrapped = if shown_empty {
                        href
                    } else {
                        format!("({href})")
                    };
                    out.push_str(&wrapped);
                }
            }
        }
        "img" => {
            if let Some(alt) = tag.attr("alt").filter(|a| !a.trim().is_empty()) {
                out.space();
                out.push_str(&alt);
                out.space();
            }
        }
        _ => {}
    }
}

/// Plain text under construction, collapsing whitespace the way HTML layout does.
#[derive(Default)]
struct Plain {
    text: String,
    space: bool,
    /// Newlines owed before the next character: 1 a line break, 2 a paragraph break.
    breaks: u8,
}

impl Plain {
    fn push(&mut self, c: char) {
        if !self.text.is_empty() {
            if self.breaks > 0 {
                self.text
                    .push_str(if self.breaks >= 2 { "\n\n" } else { "\n" });
            } else if self.space && !self.text.ends_with(' ') {
                self.text.push(' ');
            }
        }
        self.space = false;
        self.breaks = 0;
        self.text.push(c);
    }

    /// Text from an entity or an attribute: its whitespace (`&#10;`, a newline inside
    /// an `href`) collapses like the page's own.
    fn push_str(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_whitespace() && c != '\u{a0}' {
                self.space();
            } else {
                self.push(c);
            }
        }
    }

    fn space(&mut self) {
        self.space = true;
    }

    /// `<br>`: two in a row make a paragraph break, as they look in a browser.
    fn line_break(&mut self) {
        self.breaks = (self.breaks + 1).min(2);
    }

    /// A list item starts a new line, but does not add to a break already owed.
    fn line_break_once(&mut self) {
        self.breaks = self.breaks.max(1);
    }

    fn paragraph_break(&mut self) {
        self.breaks = 2;
    }

    fn finish(self) -> String {
        let mut text = self.text;
        text.truncate(text.trim_end().len());
        text
    }
}

/// What a `<` starts.
enum Parsed<'a> {
    Tag(Tag<'a>),
    /// Not a tag (`a < b`): the `<` is text.
    Text,
    /// A tag that runs to the end of the text without its `>`.
    Unclosed,
}

/// A start or end tag: `<a href="…">`, `</p>`, `<br/>`.
struct Tag<'a> {
    name: String,
    closing: bool,
    attrs: &'a str,
    /// Bytes from `<` to `>` inclusive.
    len: usize,
}

impl<'a> Tag<'a> {
    /// What the `<` at the start of `s` starts.
    fn parse(s: &'a str) -> Parsed<'a> {
        let Some(after) = s.strip_prefix('<') else {
            return Parsed::Text;
        };
        if let Some(declaration) = after.strip_prefix(['!', '?']) {
            // <!DOCTYPE …>, <?xml …?>: dropped like an unknown element.
            let Some(end) = declaration.find('>') else {
                return Parsed::Unclosed;
            };
            return Parsed::Tag(Tag {
                name: String::new(),
                closing: false,
                attrs: "",
                len: 2 + end + 1,
            });
        }
        let (closing, body) = match after.strip_prefix('/') {
            Some(body) => (true, body),
            None => (false, after),
        };
        if !body.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return Parsed::Text;
        }
        let name_len = body
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(body.len());
        let mut quote = None;
        let mut end = None;
        for (i, c) in body[name_len..].char_indices() {
            match (quote, c) {
                (None, '"' | '\'') => quote = Some(c),
                (Some(q), c) if c == q => quote = None,
                (None, '>') => {
                    end = Some(name_len + i);
                    break;
                }
                _ => {}
            }
        }
        let Some(end) = end else {
            return Parsed::Unclosed;
        };
        Parsed::Tag(Tag {
            name: body[..name_len].to_ascii_lowercase(),
            closing,
            attrs: &body[name_len..end],
            len: s.len() - body.len() + end + 1,
        })
    }

    /// An attribute's value, entities decoded.
    fn attr(&self, wanted: &str) -> Option<String> {
        let mut rest = self.attrs;
        loop {
            rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
            if rest.is_empty() {
                return None;
            }
            let name_len = rest
                .find(|c: char| c.is_whitespace() || c == '=' || c == '/')
                .unwrap_or(rest.len());
            let name = &rest[..name_len];
            rest = rest[name_len..].trim_start();
            let value = if let Some(after) = rest.strip_prefix('=') {
                let after = after.trim_start();
                let (value, len) = if let Some(q @ ('"' | '\'')) = after.chars().next() {
                    let inner = &after[1..];
                    let close = inner.find(q).unwrap_or(inner.len());
                    (&inner[..close], (close + 2).min(after.len()))
                } else {
                    let len = after.find(char::is_whitespace).unwrap_or(after.len());
                    (&after[..len], len)
                };
                rest = &after[len..];
                value
            } else {
                ""
            };
            if name.eq_ignore_ascii_case(wanted) {
                return Some(decode(value));
            }
        }
    }
}

/// Byte offset of `needle` (ASCII) in `haystack`, ignoring ASCII case.
fn find_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strip_renders_like_a_browser() {
        let table = [
            ("plain", "plain"),
            ("<p>one</p><p>two</p>", "one\n\ntwo"),
            ("a<br>b<br/><br />c", "a\nb\n\nc"),
            ("  lots   of\n\n  space ", "lots of space"),
            ("<b>bold</b> and <i>it</i>", "bold and it"),
            (
                "&lt;tag&gt; &amp; &quot;q&quot; &#39;s&#39; &#x2014; &#8211;",
                "<tag> & \"q\" 's' — –",
            ),
            ("&unknown; & alone", "&unknown; & alone"),
            ("a < b > c", "a < b > c"),
            ("<ol><li>x</li><li>y</li></ol>", "1. x\n2. y"),
            ("<ul><li>x<li>y</ul>", "- x\n- y"),
            (
                "<a href=\"https://x.org/a?b=1&amp;c=2\">X</a>",
                "X (https://x.org/a?b=1&c=2)",
            ),
            ("<a href='https://x.org'>https://x.org</a>", "https://x.org"),
            ("<script>alert(1)</script>ok<style>p{}</style>", "ok"),
            ("<!-- hidden -->shown<!DOCTYPE html>", "shown"),
            ("<img src=x alt=\"a map\">here", "a map here"),
            ("&#0;&#xD800;", "\u{fffd}\u{fffd}"),
            ("unclosed <b", "unclosed <b"),
            // Whitespace from entities and attributes collapses too (found by fuzzing).
            ("a&#10;&#10;&#10;b", "a b"),
            ("<a href=\"x\n\n\ny\">t</a>", "t (x y)"),
            ("<img alt=\"a\n\n\nb\">", "a b"),
        ];
        for (html, text) in table {
            assert_eq!(strip(html), text, "{html:?}");
        }
    }

    #[test]
    fn a_tag_left_open_makes_the_rest_text() {
        assert_eq!(strip("<a <b>x</b>"), "x");
        assert_eq!(strip("x <a \"<b>y</b>"), "x <a \"<b>y</b>");
        assert_eq!(strip("<b>x</b> <!DOCTYPE y &amp; <i"), "x <!DOCTYPE y & <i");
    }

    /// The work is linear in the input for the shapes that used to rescan the rest of the
    /// text once per `<` (a 300 KB headline of `<a ` took 87 s).
    #[test]
    fn hostile_markup_is_stripped_in_linear_work() {
        let shapes: [(&str, &str); 8] = [
            ("<a ", ""),
            ("<a \"", ""),
            ("<a '", ">"),
            ("<!x", ""),
            ("<!--", ""),
            ("<script>", "</scrip"),
            ("<b>&amp", ""),
            ("</a", " "),
        ];
        for (unit, tail) in shapes {
            for n in [1, 10, 1_000, 20_000] {
                let html = unit.repeat(n) + tail;
                let (_, scanned) = strip_counted(&html);
                assert!(
                    scanned <= 2 * html.len(),
                    "{unit:?} x {n}: {scanned} bytes looked at for {}",
                    html.len()
                );
            }
        }
    }
}
