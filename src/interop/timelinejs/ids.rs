//! Ids for imported events, actors and eras: valid in a timeline file (`a-z`, `0-9`,
//! `-`) and unique within their list.

use std::collections::{HashMap, HashSet};

/// Longest slug made from a headline; ids are for typing, not for reading.
const MAX_SLUG: usize = 60;

/// Whether `id` is already a valid timeline id (one that does not begin with `-`).
pub fn is_valid(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && id
            .bytes()
            .all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'-'))
}

/// `text` as an id: lower-case ASCII letters and digits, every other run of characters a
/// single `-`, cut at a word boundary near [`MAX_SLUG`]; empty when nothing is left.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in text.chars() {
        let c = fold(c);
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else {
            dash = true;
        }
    }
    if out.len() > MAX_SLUG {
        let cut = out[..MAX_SLUG].rfind('-').unwrap_or(MAX_SLUG);
        out.truncate(cut);
    }
    out
}

/// Accented Latin letters as their base letter, so "Kabul – Pul-e-Khumrī" keeps its `i`.
fn fold(c: char) -> char {
    match c {
        'à'..='å' | 'ā' | 'ă' | 'ą' | 'À'..='Å' | 'Ā' | 'Ă' | 'Ą' => 'a',
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => 'c',
        'è'..='ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'È'..='Ë' | 'Ē' | 'Ė' | 'Ę' | 'Ě' => 'e',
        'ì'..='ï' | 'ī' | 'į' | 'Ì'..='Ï' | 'Ī' | 'Į' => 'i',
        'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => 'n',
        'ò'..='ö' | 'ø' | 'ō' | 'ő' | 'Ò'..='Ö' | 'Ø' | 'Ō' | 'Ő' => 'o',
        'ù'..='ü' | 'ū' | 'ů' | 'ű' | 'Ù'..='Ü' | 'Ū' | 'Ů' | 'Ű' => 'u',
        'ý' | 'ÿ' | 'Ý' => 'y',
        'ś' | 'š' | 'ş' | 'Ś' | 'Š' | 'Ş' => 's',
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => 'z',
        c => c,
    }
}

/// The ids given out so far in one list.
#[derive(Debug, Default)]
pub struct Ids {
    taken: HashSet<String>,
    /// The next suffix worth trying per base, so that a thousand slides titled "Untitled"
    /// take linear time, not quadratic.
    next: HashMap<String, usize>,
}

impl Ids {
    pub fn contains(&self, id: &str) -> bool {
        self.taken.contains(id)
    }

    /// Takes `wanted` if it is free, else `wanted-2`, `wanted-3` …; `fallback` when
    /// `wanted` is empty.
    pub fn claim(&mut self, wanted: &str, fallback: &str) -> String {
        let base = if wanted.is_empty() { fallback } else { wanted };
        let mut id = base.to_owned();
        if self.taken.contains(&id) {
            let mut n = self.next.get(base).copied().unwrap_or(2);
            id = format!("{base}-{n}");
            while self.taken.contains(&id) {
                n += 1;
                id = format!("{base}-{n}");
            }
            self.next.insert(base.to_owned(), n + 1);
        }
        self.taken.insert(id.clone());
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_valid_ids() {
        let table = [
            (
                "Soviet troops enter Afghanistan",
                "soviet-troops-enter-afghanistan",
            ),
            (
                "  The 1979 (Dec.) Intervention! ",
                "the-1979-dec-intervention",
            ),
            ("Event_1", "event-1"),
            ("Pul-e-Khumrī", "pul-e-khumri"),
            ("Талибан", ""),
            ("", ""),
        ];
        for (text, expected) in table {
            assert_eq!(slug(text), expected, "{text:?}");
            assert!(expected.is_empty() || is_valid(expected));
        }
        assert!(slug(&"word ".repeat(40)).len() <= MAX_SLUG);
        assert!(!is_valid("-leading-dash"), "ids may not begin with '-'");
        assert_eq!(slug("-leading-dash"), "leading-dash");
    }

    #[test]
    fn claimed_ids_are_unique() {
        let mut ids = Ids::default();
        assert_eq!(ids.claim("a", "event"), "a");
        assert_eq!(ids.claim("a", "event"), "a-2");
        assert_eq!(ids.claim("", "event"), "event");
        assert_eq!(ids.claim("", "event"), "event-2");
        assert!(ids.contains("a-2"));
    }
}
