//! Compiler-style reports: `path:line:col: message`, then the line with a caret.
//!
//! The header line is ours so that every problem starts with the grep- and editor-friendly
//! `path:line:col:` form; the snippet under it is drawn by `annotate-snippets`, the renderer
//! rustc itself uses. Snippet lines are sanitized before rendering: they are file text.

use std::fmt::Write as _;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use super::locate::{Pos, locate};
use super::problem::Problem;
use crate::sanitize::{line as clean_line, quote};
use crate::suggest::closest;

/// At most this many problems are shown in full; the rest are counted.
pub const MAX_SHOWN: usize = 50;

/// One reported problem, with its position resolved and its source line captured.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub line: usize,
    pub col: usize,
    pub message: String,
    pub help: Option<String>,
    /// The offending line, sanitized, and the byte span of the bad value in it.
    snippet: Option<(String, Range<usize>)>,
}

/// Every problem found in one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    pub name: String,
    pub diagnostics: Vec<Diagnostic>,
    /// Problems found beyond [`MAX_SHOWN`].
    pub more: usize,
}

impl Report {
    /// A syntax or shape error from ron: there is only ever one, at ron's position.
    pub fn syntax(name: &str, text: &str, err: &ron::error::SpannedError) -> Report {
        let pos = pos_of(text, err.span.start.line, err.span.start.col);
        let rest = &text[pos.offset..];
        let (message, help) = match (&err.code, rest.strip_prefix('"')) {
            // The only identifiers a timeline holds are actor kinds.
            (ron::Error::ExpectedIdentifier, Some(_)) => {
                // The string's contents, without its quotes (an unclosed one has no end).
                let token = &rest[..token_len(rest)];
                let inner = &token[1..];
                let kind = inner.strip_suffix('"').unwrap_or(inner);
                (
                    format!(
                        "the kind {} is written without quotes",
                        quote(&format!("\"{kind}\""))
                    ),
                    Some(
                        ["State", "Organization", "Group", "Person"]
                            .into_iter()
                            .find(|k| k.eq_ignore_ascii_case(kind))
                            .map_or_else(
                                || "the kinds are State, Organization, Group and Person".to_owned(),
                                |k| format!("write kind: {k}"),
                            ),
                    ),
                )
            }
            _ => syntax_message(&err.code),
        };
        // A comma missing at a line's end is found on the next line's first token: point
        // where it belongs, after the value it should follow.
        let (pos, message, help) = match (&err.code, end_of_line_before(text, pos)) {
            (ron::Error::ExpectedComma, Some(end)) => (
                end,
                "expected a comma after this value".to_owned(),
                Some("add ',' at the end of this line".to_owned()),
            ),
            _ => (pos, message, help),
        };
        Report {
            name: name.to_owned(),
            diagnostics: vec![Diagnostic::at(text, pos, &message, help)],
            more: 0,
        }
    }

    /// Validation problems, located in `text`, in file order.
    pub fn problems(name: &str, text: &str, mut problems: Vec<Problem>) -> Report {
        // The first problems in the file are the ones shown: order by section and item
        // (validation runs by kind of check), then by position once located.
        problems.sort_by_key(|p| p.path.file_order());
        let more = problems.len().saturating_sub(MAX_SHOWN);
        problems.truncate(MAX_SHOWN);
        let wanted: Vec<_> = problems
            .iter()
            .flat_map(|p| std::iter::once(&p.path).chain(&p.first))
            .collect();
        let found = locate(text, &wanted);
        let mut diagnostics: Vec<Diagnostic> = problems
            .into_iter()
            .map(|p| {
                let pos = found.get(&p.path).copied().unwrap_or(Pos {
                    line: 1,
                    col: 1,
                    offset: 0,
                });
                let mut message = p.message;
                if let Some(first) = p.first.as_ref().and_then(|f| found.get(f)) {
                    let _ = write!(message, " (first used at line {})", first.line);
                }
                Diagnostic::at(text, pos, &message, p.help)
            })
            .collect();
        diagnostics.sort_by_key(|d| (d.line, d.col));
        Report {
            name: name.to_owned(),
            diagnostics,
            more,
        }
    }

    /// The whole report; `color` adds ANSI styling to the snippets.
    pub fn render(&self, color: bool) -> String {
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let mut out = String::new();
        for d in &self.diagnostics {
            let _ = writeln!(out, "{}:{}:{}: {}", self.name, d.line, d.col, d.message);
            if let Some((source, span)) = &d.snippet {
                let mut group = Group::with_level(Level::ERROR).element(
                    Snippet::source(source.as_str())
                        .line_start(d.line)
                        .annotation(AnnotationKind::Primary.span(span.clone())),
                );
                if let Some(help) = &d.help {
                    group = group.element(Level::HELP.message(help.as_str()));
                }
                let _ = writeln!(out, "{}", renderer.render(&[group]));
            } else if let Some(help) = &d.help {
                let _ = writeln!(out, "  help: {help}");
            }
        }
        let total = self.diagnostics.len() + self.more;
        if self.more > 0 {
            let _ = writeln!(
                out,
                "{}: … and {} more problems not shown",
                self.name, self.more
            );
        }
        let _ = writeln!(
            out,
            "{}: {} {} found; fix {} and run 'afghan-timeline check' again",
            self.name,
            total,
            if total == 1 { "problem" } else { "problems" },
            if total == 1 { "it" } else { "them" }
        );
        out
    }
}

impl Diagnostic {
    fn at(text: &str, pos: Pos, message: &str, help: Option<String>) -> Diagnostic {
        let line_start = text[..pos.offset].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[pos.offset..]
            .find('\n')
            .map_or(text.len(), |i| pos.offset + i);
        let line = &text[line_start..line_end];
        let offset = pos.offset - line_start;
        let token = token_len(&line[offset..]);
        // Sanitize the three parts separately so the caret still points at the bad value.
        let before = clean_line(&line[..offset]);
        let bad = clean_line(&line[offset..offset + token]);
        let after = clean_line(&line[offset + token..]);
        let start = before.len();
        let span = start..start + bad.len().max(usize::from(bad.is_empty()));
        let shown = format!("{before}{bad}{after}");
        // Very long lines (a 10 MB title) are not worth drawing; the header says enough.
        let snippet = (shown.len() <= 2_000)
            .then(|| (shown.clone(), span.start..span.end.min(shown.len().max(1))));
        Diagnostic {
            line: pos.line,
            col: pos.col,
            message: clean_line(message).into_owned(),
            help,
            snippet,
        }
    }
}

/// Byte length of the token at the start of `rest`: a whole string literal, or a word.
fn token_len(rest: &str) -> usize {
    let mut chars = rest.char_indices();
    match chars.next() {
        None => 0,
        Some((_, '"')) => {
            let mut escaped = false;
            for (i, c) in chars {
                match c {
                    '\\' if !escaped => escaped = true,
                    '"' if !escaped => return i + 1,
                    _ => escaped = false,
                }
            }
            rest.len()
        }
        Some((_, c)) if c.is_alphanumeric() || c == '_' => rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len()),
        Some((_, c)) => c.len_utf8(),
    }
}

/// The byte offset of a ron line/column (1-based, column in characters), clamped to the text.
fn pos_of(text: &str, line: usize, col: usize) -> Pos {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    let offset = text[line_start..]
        .char_indices()
        .take_while(|(_, c)| *c != '\n')
        .nth(col.saturating_sub(1))
        .map_or_else(
            || {
                text[line_start..]
                    .find('\n')
                    .map_or(text.len(), |i| line_start + i)
            },
            |(i, _)| line_start + i,
        );
    Pos {
        line: line.max(1),
        col: col.max(1),
        offset,
    }
}

/// Just after the last character before `pos`, when only whitespace, a line break among
/// it, lies between them.
fn end_of_line_before(text: &str, pos: Pos) -> Option<Pos> {
    let before = text.get(..pos.offset)?;
    let kept = before.trim_end();
    if kept.is_empty() || !before[kept.len()..].contains('\n') {
        return None;
    }
    let line_start = kept.rfind('\n').map_or(0, |i| i + 1);
    Some(Pos {
        line: 1 + kept.matches('\n').count(),
        col: 1 + kept[line_start..].chars().count(),
        offset: kept.len(),
    })
}

/// ron's error, reworded in this tool's voice, with advice where there is some to give.
fn syntax_message(code: &ron::Error) -> (String, Option<String>) {
    use ron::Error as E;
    let kind_of = |outer: &Option<String>| outer.clone().unwrap_or_else(|| "this value".to_owned());
    match code {
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            // An event where the timeline should be: what `list --format ron` prints,
            // loaded as a file (issue 21's reader tried exactly that).
            let event_as_timeline = outer.as_deref() == Some("Timeline") && found == "id";
            let help = match closest(found, expected.iter().copied()) {
                _ if event_as_timeline => "this looks like events from 'list --format ron', \
                    which go inside a timeline's events: [ … ]; 'export --to ron' (with the same \
                    filter flags) writes a whole timeline file"
                    .to_owned(),
                Some(best) => format!(
                    "did you mean '{best}'? fields of {}: {}",
                    kind_of(outer),
                    expected.join(", ")
                ),
                None => format!("fields of {}: {}", kind_of(outer), expected.join(", ")),
            };
            (
                format!("unknown field {} in {}", quote(found), kind_of(outer)),
                Some(help),
            )
        }
        E::MissingStructField { field, outer } => (
            format!("missing field '{field}' in {}", kind_of(outer)),
            Some(format!("add {field}: … to this {}", kind_of(outer))),
        ),
        E::DuplicateStructField { field, outer } => (
            format!("field '{field}' appears twice in {}", kind_of(outer)),
            Some("keep one of them".to_owned()),
        ),
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => (
            format!(
                "unknown {} {}",
                outer.as_deref().map_or("variant", |_| "kind"),
                quote(found)
            ),
            Some(format!("expected one of: {}", expected.join(", "))),
        ),
        E::ExceededRecursionLimit => (
            "values nested too deeply (more than 128 levels)".to_owned(),
            Some("a timeline nests only a few levels; check for unbalanced brackets".to_owned()),
        ),
        E::Eof => (
            "unexpected end of file".to_owned(),
            Some("a bracket, parenthesis or string is probably not closed".to_owned()),
        ),
        E::TrailingCharacters => (
            "unexpected text after the end of the timeline".to_owned(),
            Some("the whole file is one ( … ); remove what follows it".to_owned()),
        ),
        E::ExpectedDifferentStructName { expected, found } => (
            format!("expected struct name '{expected}', found {}", quote(found)),
            Some(format!("write {expected}( … ) or leave the name out")),
        ),
        other => {
            let text = other.to_string();
            let mut chars = text.chars();
            let lowered = chars
                .next()
                .map_or(String::new(), |c| c.to_lowercase().chain(chars).collect());
            (lowered, None)
        }
    }
}
