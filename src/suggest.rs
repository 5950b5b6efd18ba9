//! "Did you mean …?" for unknown ids and names.
//!
//! Bounded work whatever the input: Jaro-Winkler costs the product of the two lengths, so a
//! 100 KB unknown id compared with every id of a big file took tens of seconds. Two rules
//! keep each comparison small without changing what a typo gets: a candidate whose length
//! differs too much from the name is no plausible typo and is skipped after counting at most
//! [`MEASURED`] characters of each, and only the first [`COMPARED`] characters of each are
//! scored.

/// Characters of each name counted for the length rule; longer names count as this long.
const MEASURED: usize = 256;
/// Characters of each name that are scored; a typo past the 64th character of a name is
/// still found by the prefix's score being perfect.
const COMPARED: usize = 64;

/// The candidate most like `wanted`, if any is close enough to be a plausible typo.
pub fn closest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let wanted = Name::new(wanted);
    candidates
        .into_iter()
        .filter_map(|c| Some((wanted.score(c)?, c)))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

/// How close the closest of `candidates` is to `wanted` (Jaro–Winkler, 0 to 1), when it is
/// close enough to be a plausible typo.
pub fn closest_score<'a>(
    wanted: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<f64> {
    let wanted = wanted.to_lowercase();
    candidates
        .into_iter()
        .map(|c| strsim::jaro_winkler(&wanted, &c.to_lowercase()))
        .filter(|score| *score >= 0.8)
        .reduce(f64::max)
}

/// Up to `n` candidates ordered from most to least like `wanted`.
pub fn ranked<'a>(
    wanted: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    n: usize,
) -> Vec<&'a str> {
    let wanted = Name::new(wanted);
    let mut scored: Vec<(f64, &str)> = candidates
        .into_iter()
        .filter_map(|c| Some((wanted.score(c)?, c)))
        .filter(|(score, _)| *score >= 0.85)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored.into_iter().take(n).map(|(_, c)| c).collect()
}

/// The unknown name, measured and cut once for all candidates.
struct Name {
    /// Its length in characters, up to [`MEASURED`].
    len: usize,
    /// Its first [`COMPARED`] characters, lower-cased.
    compared: String,
}

impl Name {
    fn new(name: &str) -> Name {
        Name {
            len: measure(name),
            compared: cut(name),
        }
    }

    /// How alike `candidate` is, or `None` when its length rules it out. The work is
    /// bounded by the constants, not by the lengths of the two names.
    fn score(&self, candidate: &str) -> Option<f64> {
        if !lengths_close(self.len, measure(candidate)) {
            return None;
        }
        Some(strsim::jaro_winkler(&self.compared, &cut(candidate)))
    }
}

fn measure(name: &str) -> usize {
    name.chars().take(MEASURED).count()
}

fn cut(name: &str) -> String {
    name.chars()
        .take(COMPARED)
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether two lengths are close enough for one name to be a typo of the other: within 3
/// characters, or half the longer name (a prefix such as `soviet-withdrawal` is a fair
/// guess for `soviet-withdrawal-complete`).
fn lengths_close(a: usize, b: usize) -> bool {
    a.abs_diff(b) <= 3.max(a.max(b) / 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The unbounded suggestion the bounds must not make worse for names people type.
    fn unbounded<'a>(wanted: &str, candidates: &[&'a str]) -> Option<&'a str> {
        let wanted = wanted.to_lowercase();
        candidates
            .iter()
            .map(|c| (strsim::jaro_winkler(&wanted, &c.to_lowercase()), *c))
            .filter(|(score, _)| *score >= 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
            .map(|(_, c)| c)
    }

    #[test]
    fn typos_get_the_same_suggestion_as_without_bounds() {
        let timeline =
            crate::load::parse(crate::load::EMBEDDED, "data").expect("embedded timeline");
        let ids: Vec<&str> = timeline.events.iter().map(|e| e.id.as_str()).collect();
        let actors: Vec<&str> = timeline.actors.iter().map(|a| a.id.as_str()).collect();
        let mut checked = 0;
        for pool in [&ids, &actors] {
            for name in pool.iter().step_by(7) {
                let chars: Vec<char> = name.chars().collect();
                let typos = [
                    chars[1..].iter().collect::<String>(),
                    chars[..chars.len() - 1].iter().collect(),
                    format!("{name}x"),
                    name.to_uppercase(),
                    {
                        let mut swapped = chars.clone();
                        swapped.swap(0, 1);
                        swapped.into_iter().collect()
                    },
                ];
                for typo in typos {
                    assert_eq!(
                        closest(&typo, pool.iter().copied()),
                        unbounded(&typo, pool),
                        "{typo:?}"
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 50, "only {checked} typos checked");
        assert_eq!(closest("Talban", actors.iter().copied()), Some("taliban"));
    }

    #[test]
    fn hostile_names_are_compared_in_bounded_work() {
        let huge = "x".repeat(100_000);
        let name = Name::new(&huge);
        assert_eq!(
            (name.len, name.compared.chars().count()),
            (MEASURED, COMPARED)
        );
        // A huge name against short candidates: ruled out by length, nothing scored.
        assert_eq!(name.score("soviet-invasion"), None);
        // Against another huge name: only the cut prefixes are scored.
        assert_eq!(cut(&"y".repeat(50_000)).chars().count(), COMPARED);
        assert_eq!(name.score(&huge), Some(1.0));
        // Lower-casing can grow a character (İ is two), never past a small multiple.
        assert!(cut(&"İ".repeat(1_000)).chars().count() <= 2 * COMPARED);
    }

    #[test]
    fn far_lengths_are_no_typo() {
        assert!(lengths_close(5, 8));
        assert!(lengths_close(30, 40));
        assert!(!lengths_close(3, 12));
        assert!(!lengths_close(20, 100_000.min(MEASURED)));
    }
}
