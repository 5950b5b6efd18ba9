//! Property tests of the sanitizer: nothing that could act on a terminal comes out, cleaning
//! twice changes nothing, clean text is untouched, and every safe character survives in
//! order. Also the screen's text helpers built on it.

use std::borrow::Cow;

use afghan_timeline::sanitize::{Lines, clean, is_dangerous, line, quote};
use afghan_timeline::tui::text::{fit_clean, width, wrap_paragraphs};
use proptest::prelude::*;

/// The code points docs/cli.md promises never reach a terminal raw (under "Output formats").
fn forbidden(c: char) -> bool {
    let c = u32::from(c);
    c < 0x20
        || (0x7f..=0x9f).contains(&c)
        || (0x202a..=0x202e).contains(&c)
        || (0x2066..=0x2069).contains(&c)
}

/// Text rich in what matters here: every C0 and C1 control, DEL, the bidi controls and
/// their harmless neighbours (ZWJ, ZWNJ, LRM, RLM), wide and zero-width characters, and
/// escapes that are already visible.
fn hostile_text() -> impl Strategy<Value = String> {
    let interesting = prop_oneof![
        prop::char::range('\u{0}', '\u{1f}'),
        prop::char::range('\u{7f}', '\u{9f}'),
        prop::char::range('\u{2028}', '\u{206f}'),
        prop::char::range('\u{200b}', '\u{200f}'),
        prop::sample::select(vec![
            '中', '😀', '\u{301}', '\u{fe0f}', 'د', '\\', '{', '}', 'u'
        ]),
    ];
    let pieces = prop_oneof![
        3 => interesting.prop_map(String::from),
        2 => "[a-z ]{1,6}",
        1 => any::<char>().prop_map(String::from),
        1 => Just("\\u{1b}".to_owned()),
        1 => Just("\x1b[31m".to_owned()),
        1 => Just("\x1b]0;title\x07".to_owned()),
        1 => Just("\r\n".to_owned()),
    ];
    prop::collection::vec(pieces, 0..24).prop_map(|v| v.concat())
}

fn lines_mode() -> impl Strategy<Value = Lines> {
    prop_oneof![Just(Lines::Keep), Just(Lines::Escape)]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn output_is_inert(text in hostile_text(), lines in lines_mode()) {
        let out = clean(&text, lines);
        let bad = out.chars().find(|&c| forbidden(c) && !(c == '\n' && lines == Lines::Keep));
        prop_assert_eq!(bad, None, "in {:?}", out);
        if lines == Lines::Keep {
            prop_assert_eq!(out.matches('\n').count(), text.matches('\n').count());
        }
    }

    #[test]
    fn cleaning_is_idempotent(text in hostile_text(), lines in lines_mode()) {
        let once = clean(&text, lines);
        let twice = clean(&once, lines);
        prop_assert!(matches!(twice, Cow::Borrowed(_)), "cleaning {:?} again changed it", once);
        prop_assert_eq!(&twice, &once);
    }

    #[test]
    fn clean_text_is_unchanged(text in "[^\u{0}-\u{1f}\u{7f}-\u{9f}\u{202a}-\u{202e}\u{2066}-\u{2069}]*") {
        for lines in [Lines::Keep, Lines::Escape] {
            let out = clean(&text, lines);
            prop_assert!(matches!(out, Cow::Borrowed(_)));
            prop_assert_eq!(out, text.as_str());
        }
        let with_newlines = format!("{text}\n{text}");
        prop_assert_eq!(clean(&with_newlines, Lines::Keep), with_newlines.as_str());
    }

    /// Every safe character survives, in order, and only escapes and tab stops are added.
    #[test]
    fn safe_characters_survive_in_order(text in hostile_text(), lines in lines_mode()) {
        let out = clean(&text, lines);
        let mut rest = out.chars();
        for c in text.chars().filter(|&c| !is_dangerous(c) || (c == '\n' && lines == Lines::Keep)) {
            prop_assert!(rest.any(|o| o == c), "{:?} of {:?} is missing from {:?}", c, text, out);
        }
        prop_assert_eq!(line(&text), clean(&text, Lines::Escape));
    }

    #[test]
    fn quotes_are_short_and_inert(text in hostile_text()) {
        let q = quote(&text);
        prop_assert!(q.starts_with('\'') && q.ends_with('\''));
        prop_assert!(q.chars().count() <= 63, "{:?}", q);
        prop_assert!(!q.chars().any(forbidden), "{:?}", q);
    }

    /// What the screen draws from file text: inert and within the width it was given.
    #[test]
    fn screen_text_is_inert_and_fits(text in hostile_text(), max in 0..50usize) {
        let fitted = fit_clean(&text, max);
        prop_assert!(!fitted.chars().any(forbidden), "{:?}", fitted);
        prop_assert!(width(&fitted) <= max, "{:?} is wider than {}", fitted, max);
        for l in wrap_paragraphs(&text, max) {
            prop_assert!(!l.chars().any(forbidden), "{:?}", l);
            // A double-width character cannot fit a one-column line.
            prop_assert!(max < 2 || width(&l) <= max, "{:?} is wider than {}", l, max);
        }
    }
}

/// Every code point, not a sample: what is escaped is exactly docs/cli.md's set.
#[test]
fn danger_is_exactly_the_documented_set() {
    for c in (0..=0x10_ffff).filter_map(char::from_u32) {
        assert_eq!(is_dangerous(c), forbidden(c), "{c:?}");
    }
}

/// Tabs expand to the next multiple of eight columns instead of vanishing, counting the
/// columns that escapes before them take.
#[test]
fn tabs_expand_after_escapes() {
    assert_eq!(clean("\u{1b}\tx", Lines::Keep), "\\u{1b}  x");
    assert_eq!(clean("\u{9b}a\tb", Lines::Escape), "\\u{9b}a b");
    assert_eq!(clean("\t\t", Lines::Keep), " ".repeat(16));
}
