//! Where the query's words occur in a piece of text, for highlighting: the list rows on
//! screen and the selected event's detail lines, never the whole timeline, so drawing costs
//! the same however many events there are.
//!
//! Matching is the search engine's: containment of each folded word (`query::Filter::words`,
//! case and accents folded by `fold`). Ranges are byte ranges of the text as shown, so a
//! match of `kabul` marks the `ā` of `Kābul`.

use std::ops::Range;

use ratatui::style::Style;

use crate::fold::fold_char;
use ratatui::text::{Line, Span};

/// The byte ranges of `text` where one of `words` occurs, ignoring case: sorted, merged.
pub fn ranges(text: &str, words: &[String]) -> Vec<Range<usize>> {
    let words: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || text.is_empty() {
        return Vec::new();
    }
    // The text folded (case and accents, as the search folds it), with the span of the
    // original character behind each byte: a match marks the characters as shown.
    let mut lowered = String::with_capacity(text.len());
    let mut origin: Vec<Range<usize>> = Vec::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        let whole = i..i + c.len_utf8();
        fold_char(c, &mut |f| {
            lowered.push(f);
            origin.extend(std::iter::repeat_n(whole.clone(), f.len_utf8()));
        });
    }
    let mut found: Vec<Range<usize>> = Vec::new();
    for word in words {
        let mut from = 0;
        while let Some(at) = lowered[from..].find(word) {
            let (start, end) = (from + at, from + at + word.len());
            found.push(origin[start].start..origin[end - 1].end);
            // Overlapping occurrences (`aa` in `aaa`) merge below anyway.
            from = start + lowered[start..].chars().next().map_or(1, char::len_utf8);
        }
    }
    found.sort_by_key(|r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(found.len());
    for r in found {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// `spans` with the matches of `words` drawn in `style` (patched over each span's own):
/// spans are split where a match starts or ends, even across spans.
pub fn spans(spans: Vec<Span<'static>>, words: &[String], style: Style) -> Vec<Span<'static>> {
    let text: String = spans.iter().map(|s| s.content.as_ref()).collect();
    let found = ranges(&text, words);
    if found.is_empty() {
        return spans;
    }
    let mut out = Vec::with_capacity(spans.len() + 2 * found.len());
    let mut at = 0;
    for span in spans {
        let (start, end) = (at, at + span.content.len());
        at = end;
        let mut cut = start;
        for r in found.iter().filter(|r| r.start < end && r.end > start) {
            let (a, b) = (r.start.max(start), r.end.min(end));
            if a > cut {
                out.push(Span::styled(text[cut..a].to_owned(), span.style));
            }
            out.push(Span::styled(text[a..b].to_owned(), span.style.patch(style)));
            cut = b;
        }
        if cut < end {
            out.push(Span::styled(text[cut..end].to_owned(), span.style));
        }
    }
    out
}

/// A line with its matches highlighted, and whether it had any.
pub fn line(line: Line<'static>, words: &[String], style: Style) -> (Line<'static>, bool) {
    let before = line.spans.len();
    let Line {
        spans: parts,
        style: line_style,
        alignment,
    } = line;
    let had = !ranges(
        &parts.iter().map(|s| s.content.as_ref()).collect::<String>(),
        words,
    )
    .is_empty();
    let parts = if had {
        spans(parts, words, style)
    } else {
        parts
    };
    debug_assert!(had || parts.len() == before);
    let mut out = Line::from(parts).style(line_style);
    out.alignment = alignment;
    (out, had)
}

#[cfg(test)]
mod tests {
    use ratatui::style::Modifier;

    use super::*;

    fn w(words: &[&str]) -> Vec<String> {
        words.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn ranges_ignore_case_and_merge() {
        assert_eq!(ranges("Soviet troops", &w(&["soviet"])), vec![0..6]);
        assert_eq!(ranges("aaa", &w(&["aa"])), vec![0..3]);
        assert_eq!(ranges("Kabul, KABUL", &w(&["kabul"])), vec![0..5, 7..12]);
        assert_eq!(ranges("ab", &w(&["a", "b"])), vec![0..2]);
        assert_eq!(ranges("nothing", &w(&["zzz"])), vec![]);
        assert_eq!(ranges("nothing", &w(&[])), vec![]);
        // Non-ASCII: byte ranges of the text as shown.
        assert_eq!(ranges("北京で会談", &w(&["会談"])), vec![9..15]);
        assert_eq!(ranges("ÉCOLE", &w(&["ec"])), vec![0..3]);
        // Folded away, accents are still marked: the `ā` of `Kābul` is part of the match.
        assert_eq!(ranges("Kābul", &w(&["kabul"])), vec![0..6]);
        assert_eq!(ranges("İstanbul", &w(&["istanbul"])), vec![0..9]);
        // The Kelvin sign lowers to an ASCII k: the range is the sign's three bytes.
        assert_eq!(ranges("\u{212a}abul", &w(&["kabul"])), vec![0..7]);
    }

    #[test]
    fn spans_split_at_matches_across_spans() {
        let mark = Style::new().add_modifier(Modifier::UNDERLINED);
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let out = spans(
            vec![Span::raw("Border w"), Span::styled("ar begins", bold)],
            &w(&["war"]),
            mark,
        );
        let parts: Vec<(&str, Style)> = out.iter().map(|s| (s.content.as_ref(), s.style)).collect();
        assert_eq!(
            parts,
            vec![
                ("Border ", Style::new()),
                ("w", mark),
                ("ar", bold.patch(mark)),
                (" begins", bold),
            ]
        );
        let (_, had) = line(Line::raw("no match"), &w(&["war"]), mark);
        assert!(!had);
    }
}
