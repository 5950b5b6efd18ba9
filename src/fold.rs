//! Text folded for matching: case folded and accents removed, so that `istanbul` finds
//! `İstanbul`, `οδυσσευς` finds `ΟΔΥΣΣΕΥΣ` and `kabul` finds `Kābul`. Search words, the
//! search index, actor names and aliases (`--actor`, the picker) and highlighting all fold
//! with [`fold_char`], so what one finds the others find.
//!
//! A character is folded on its own, which gives the same as folding the whole text: its
//! canonical decomposition (`unicode-normalization`, the Unicode data kept current with
//! the standard), marks removed (so their order, which normalisation would fix, does not
//! matter), then std's `to_lowercase` and the few full case foldings it does not do (`ß`
//! is `ss`, final `ς` is `σ`, `ſ` is `s`, the `ﬁ` ligatures are their letters, Greek symbol
//! variants are their letters). Compatibility forms (fullwidth letters, `ℌ`) stay what they
//! are: canonical decomposition only, as for accents.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Calls `out` with each character `c` folds to: none for a mark, several for `ß`.
pub fn fold_char(c: char, out: &mut impl FnMut(char)) {
    if c.is_ascii() {
        out(c.to_ascii_lowercase());
        return;
    }
    decompose_canonical(c, |d| {
        if is_combining_mark(d) {
            return;
        }
        for lower in d.to_lowercase() {
            if is_combining_mark(lower) {
                // `İ` lowers to `i` and a combining dot above.
                continue;
            }
            match special(lower) {
                Some(folded) => folded.chars().for_each(&mut *out),
                None => out(lower),
            }
        }
    });
}

/// Full case foldings that `to_lowercase` leaves alone (Unicode's CaseFolding.txt, status
/// C and F, for the lower-case letters that differ).
fn special(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' => "ss",
        'ς' => "σ",
        'ſ' => "s",
        'µ' => "μ",
        'ϐ' => "β",
        'ϑ' => "θ",
        'ϕ' => "φ",
        'ϖ' => "π",
        'ϰ' => "κ",
        'ϱ' => "ρ",
        'ϵ' => "ε",
        'ﬀ' => "ff",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        'ﬃ' => "ffi",
        'ﬄ' => "ffl",
        'ﬅ' | 'ﬆ' => "st",
        'ŉ' => "ʼn",
        'և' => "եւ",
        _ => return None,
    })
}

/// Appends `s` folded to `out`; runs of ASCII are lowered in bulk.
pub fn push_folded(out: &mut String, s: &str) {
    let mut rest = s;
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let start = out.len();
        out.push_str(&rest[..ascii]);
        out[start..].make_ascii_lowercase();
        rest = &rest[ascii..];
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            fold_char(c, &mut |f| out.push(f));
            rest = chars.as_str();
        }
    }
}

/// `s` folded.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_folded(&mut out, s);
    out
}

/// Whether `a` and `b` are the same once folded (an actor's name as typed).
pub fn eq_folded(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    let mut left = Vec::new();
    a.chars().for_each(|c| fold_char(c, &mut |f| left.push(f)));
    let mut right = Vec::new();
    b.chars().for_each(|c| fold_char(c, &mut |f| right.push(f)));
    left == right
}

/// Whether `haystack` contains `needle` (already folded) once folded: the same as
/// `fold(haystack).contains(needle)`, without allocating when both are ASCII.
pub fn contains_folded(haystack: &str, needle: &str) -> bool {
    // Both ASCII: no character outside ASCII folds into ASCII but through a mark or a
    // case mapping of a non-ASCII character, which an ASCII text does not have.
    if needle.is_ascii() && haystack.is_ascii() {
        let (h, n) = (haystack.as_bytes(), needle.as_bytes());
        n.is_empty() || h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
    } else {
        fold(haystack).contains(needle)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_and_accents_fold_away() {
        for (text, folded) in [
            ("İstanbul", "istanbul"),
            ("ΟΔΥΣΣΕΥΣ", "οδυσσευσ"),
            ("οδυσσευς", "οδυσσευσ"),
            ("Kābul", "kabul"),
            ("Straße", "strasse"),
            ("Ｋabul", "ｋabul"),
            ("\u{212a}abul", "kabul"),
            ("ﬁnal", "final"),
            ("Ἀθῆναι", "αθηναι"),
            ("e\u{301}", "e"),
            ("Dari: کابل", "dari: کابل"),
            ("北京", "北京"),
        ] {
            assert_eq!(fold(text), folded, "{text}");
        }
        assert!(eq_folded("kabul", "KĀBUL"));
        assert!(!eq_folded("kabul", "kabal"));
        assert!(contains_folded("Mazār-i-Sharīf", "mazar-i-sharif"));
        assert!(contains_folded("Kabul", "abu"));
    }
}
