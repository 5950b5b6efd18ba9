//! The sanitizer and the screen's text helpers on arbitrary text: nothing dangerous comes
//! out, cleaning is idempotent, clean text is untouched, and the rest of the text survives
//! in order.

#![no_main]

mod check;

use std::borrow::Cow;

use afghan_timeline::sanitize::{Lines, clean, is_dangerous, line, quote};
use afghan_timeline::tui::text::{fit_clean, width, wrap, wrap_paragraphs};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for lines in [Lines::Keep, Lines::Escape] {
        let kept: &[char] = if lines == Lines::Keep { &['\n'] } else { &[] };
        let out = clean(text, lines);
        check::inert("clean", &out, kept);
        let again = clean(&out, lines);
        assert!(matches!(again, Cow::Borrowed(_)), "idempotent: {text:?}");
        assert_eq!(again, out);
        let untouched = !text.chars().any(|c| is_dangerous(c) && !kept.contains(&c));
        if untouched {
            assert!(
                matches!(out, Cow::Borrowed(s) if s == text),
                "clean text unchanged"
            );
        }
        // What was safe survives, in order: it is a subsequence of the output.
        let mut rest = out.chars();
        for c in text
            .chars()
            .filter(|c| !is_dangerous(*c) || kept.contains(c))
        {
            assert!(rest.any(|o| o == c), "{c:?} of {text:?} lost in {out:?}");
        }
    }
    assert_eq!(line(text), clean(text, Lines::Escape));

    let quoted = quote(text);
    check::inert("quote", &quoted, &[]);
    assert!(quoted.starts_with('\'') && quoted.ends_with('\''));
    assert!(
        quoted.chars().count() <= 60 + 3,
        "quote is short: {quoted:?}"
    );

    for max in [0, 1, 2, 7, 40] {
        let fitted = fit_clean(text, max);
        check::inert("fit_clean", &fitted, &[]);
        assert!(width(&fitted) <= max, "{fitted:?} wider than {max}");
        for l in wrap_paragraphs(text, max) {
            check::inert("wrap_paragraphs", &l, &[]);
            assert!(max < 2 || width(&l) <= max, "{l:?} wider than {max}");
        }
        for l in wrap(&line(text), max) {
            assert!(max < 2 || width(&l) <= max, "{l:?} wider than {max}");
        }
    }
});
