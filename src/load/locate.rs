//! Finds the line and column of values in RON text, by their path in the document.
//!
//! Runs only when there are problems to report, and only on text that ron has already
//! parsed, so it can be a small tolerant scanner rather than a second parser. It must stay
//! safe when it reads the text differently from ron (a construct it does not know puts it
//! inside a string, where anything goes): every step consumes input, so it ends in one
//! pass, and past [`MAX_DEPTH`] it gives up instead of recursing further, so it cannot
//! overflow the stack. Paths it does not find are reported at the start of the file.

use std::collections::{HashMap, HashSet};

use super::problem::{DocPath, Seg};

/// Nesting beyond ron's own limit (128) means the scanner has lost its way; it stops.
const MAX_DEPTH: usize = 256;

/// A 1-based line and column (in characters), as ron reports them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
    /// Byte offset of the position in the text.
    pub offset: usize,
}

/// The positions of the `wanted` paths that occur in `text`.
pub fn locate(text: &str, wanted: &[&DocPath]) -> HashMap<DocPath, Pos> {
    let distinct = wanted.iter().collect::<HashSet<_>>().len();
    let mut scanner = Scanner {
        text,
        at: 0,
        line: 1,
        col: 1,
        wanted,
        distinct,
        found: HashMap::new(),
    };
    scanner.skip_attributes();
    let mut path = Vec::new();
    scanner.value(&mut path, 0);
    scanner.found
}

struct Scanner<'a> {
    text: &'a str,
    at: usize,
    line: usize,
    col: usize,
    wanted: &'a [&'a DocPath],
    /// How many different paths are wanted: once all are found, the rest is not read.
    distinct: usize,
    found: HashMap<DocPath, Pos>,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<char> {
        self.text[self.at..].chars().next()
    }

    fn peek_at(&self, n: usize) -> Option<char> {
        self.text[self.at..].chars().nth(n)
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += c.len_utf8();
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    fn skip_trivia(&mut self) {
        loop {
            match (self.peek(), self.peek_at(1)) {
                (Some(c), _) if c.is_whitespace() || c == '\u{feff}' => {
                    self.bump();
                }
                (Some('/'), Some('/')) => {
                    while self.peek().is_some_and(|c| c != '\n') {
                        self.bump();
                    }
                }
                (Some('/'), Some('*')) => {
                    self.bump();
                    self.bump();
                    let mut depth = 1;
                    while depth > 0 {
                        match (self.bump(), self.peek()) {
                            (None, _) => return,
                            (Some('*'), Some('/')) => {
                                self.bump();
                                depth -= 1;
                            }
                            (Some('/'), Some('*')) => {
                                self.bump();
                                depth += 1;
                            }
                            _ => {}
                        }
                    }
                }
                _ => return,
            }
        }
    }

    /// `#![enable(…)]` attributes before the value.
    fn skip_attributes(&mut self) {
        loop {
            self.skip_trivia();
            if !self.text[self.at..].starts_with("#![") {
                return;
            }
            while self.bump().is_some_and(|c| c != ']') {}
        }
    }

    /// `r"…"` or `r#"…"#`, as opposed to a raw identifier such as `r#title`.
    fn at_raw_string(&self) -> bool {
        self.text[self.at..]
            .strip_prefix('r')
            .is_some_and(|rest| rest.trim_start_matches('#').starts_with('"'))
    }

    fn record(&mut self, path: &[Seg]) {
        if let Some(p) = self.wanted.iter().find(|p| p.0 == path) {
            let pos = Pos {
                line: self.line,
                col: self.col,
                offset: self.at,
            };
            self.found.entry((*p).clone()).or_insert(pos);
        }
    }

    fn value(&mut self, path: &mut Vec<Seg>, depth: usize) {
        self.skip_trivia();
        self.record(path);
        if depth > MAX_DEPTH {
            self.at = self.text.len();
            return;
        }
        match self.peek() {
            Some('"') => self.string(),
            Some('r') if self.at_raw_string() => self.raw_string(),
            Some('b') if self.peek_at(1) == Some('"') => {
                self.bump();
                self.string();
            }
            Some('(') => self.seq(path, ')', depth),
            Some('[') => self.seq(path, ']', depth),
            Some('{') => self.seq(path, '}', depth),
            Some('\'') => {
                self.bump();
                while let Some(c) = self.bump() {
                    match c {
                        '\\' => {
                            self.bump();
                        }
                        '\'' => break,
                        _ => {}
                    }
                }
            }
            Some(_) => {
                let is_some = self.word() == "Some";
                self.skip_trivia();
                if self.peek() == Some('(') {
                    // `Event(…)` is the struct itself; `Some(x)` is x at the same path.
                    if is_some {
                        // Point at the value inside, not at the word `Some`.
                        self.found.remove(&DocPath(path.clone()));
                        self.bump();
                        self.value(path, depth + 1);
                        self.skip_trivia();
                        if self.peek() == Some(')') {
                            self.bump();
                        }
                    } else {
                        self.seq(path, ')', depth);
                    }
                }
            }
            None => {}
        }
    }

    fn word(&mut self) -> &str {
        let start = self.at;
        while self.peek().is_some_and(|c| {
            !c.is_whitespace()
                && !matches!(c, ',' | ':' | '(' | ')' | '[' | ']' | '{' | '}' | '"' | '/')
        }) {
            self.bump();
        }
        &self.text[start..self.at]
    }

    fn string(&mut self) {
        self.bump();
        while let Some(c) = self.bump() {
            match c {
                '\\' => {
                    self.bump();
                }
                '"' => return,
                _ => {}
            }
        }
    }

    fn raw_string(&mut self) {
        self.bump();
        let mut hashes = 0;
        while self.peek() == Some('#') {
            self.bump();
            hashes += 1;
        }
        self.bump();
        'outer: while let Some(c) = self.bump() {
            if c == '"' {
                for _ in 0..hashes {
                    if self.peek() != Some('#') {
                        continue 'outer;
                    }
                    self.bump();
                }
                return;
            }
        }
    }

    /// `(field: v, …)`, `(v, …)`, `[v, …]` or `{k: v, …}` after the opening bracket.
    fn seq(&mut self, path: &mut Vec<Seg>, close: char, depth: usize) {
        self.bump();
        let mut index = 0;
        loop {
            if self.found.len() == self.distinct {
                // Everything wanted is found: the rest of a large file need not be read
                // (the problems shown are the first ones in the file).
                self.at = self.text.len();
                return;
            }
            self.skip_trivia();
            match self.peek() {
                None => return,
                Some(c) if c == close => {
                    self.bump();
                    return;
                }
                Some(',') => {
                    self.bump();
                    continue;
                }
                _ => {}
            }
            let start = self.at;
            let field = (close == ')').then(|| self.field_name()).flatten();
            match field {
                Some(name) => path.push(Seg::Field(name)),
                None => path.push(Seg::Index(index)),
            }
            self.value(path, depth + 1);
            path.pop();
            self.skip_trivia();
            if close == '}' && self.peek() == Some(':') {
                // A map entry: the value after the key shares the key's index.
                self.bump();
                path.push(Seg::Index(index));
                self.value(path, depth + 1);
                path.pop();
            }
            if self.at == start {
                // A character no value starts with (a stray `]` or `:`): step over it.
                self.bump();
            }
            index += 1;
        }
    }

    /// `name:` at the cursor, consumed, as the matching static field name of the schema.
    /// Comments may stand between the name and its colon (`date /* c */ : …`), as ron
    /// allows; when no colon follows, nothing is consumed.
    fn field_name(&mut self) -> Option<&'static str> {
        let rest = &self.text[self.at..];
        // A raw identifier, `r#title:`, names the same field.
        let raw = if rest.starts_with("r#") { 2 } else { 0 };
        let ident = &rest[raw..];
        let len = ident.find(|c: char| !(c.is_alphanumeric() || c == '_'))?;
        if len == 0 {
            return None;
        }
        let name = FIELDS
            .iter()
            .find(|f| **f == &ident[..len])
            .copied()
            .unwrap_or("?");
        let before = (self.at, self.line, self.col);
        for _ in 0..raw + len {
            self.bump();
        }
        self.skip_trivia();
        if self.peek() != Some(':') {
            (self.at, self.line, self.col) = before;
            return None;
        }
        self.bump();
        Some(name)
    }
}

/// Every field name of the file format, so paths can hold `&'static str`.
const FIELDS: &[&str] = &[
    "title",
    "description",
    "actors",
    "eras",
    "events",
    "id",
    "name",
    "kind",
    "aliases",
    "start",
    "end",
    "date",
    "summary",
    "detail",
    "date_note",
    "tags",
    "location",
    "sources",
    "related",
    "publisher",
    "url",
];
