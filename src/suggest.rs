//! "Did you mean …?" for unknown ids and names.

/// The candidate most like `wanted`, if any is close enough to be a plausible typo.
pub fn closest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let wanted = wanted.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&wanted, &c.to_lowercase()), c))
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
    let wanted = wanted.to_lowercase();
    let mut scored: Vec<(f64, &str)> = candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&wanted, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.85)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored.into_iter().take(n).map(|(_, c)| c).collect()
}
