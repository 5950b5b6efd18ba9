//! Warnings of one kind about many slides or rows, said once: the same message about
//! different places, values aside, becomes one line with its count and first places.

use std::collections::{HashMap, HashSet};

/// More warnings of one kind than this become one line with their count.
const MANY: usize = 3;

/// The warnings with each kind that comes more than a few times (the same message about
/// different slides or rows, values aside) said once, with its count and first places:
/// a file of 140 slides with an empty field gets one line, not 140.
pub fn collapse(warnings: Vec<String>) -> Vec<String> {
    let parsed: Vec<Option<(String, String)>> = warnings.iter().map(|w| placed(w)).collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for (_, kind) in parsed.iter().flatten() {
        *counts.entry(kind.as_str()).or_insert(0) += 1;
    }
    let mut said: HashSet<&str> = HashSet::new();
    let mut out = Vec::with_capacity(warnings.len());
    for (warning, this) in warnings.into_iter().zip(&parsed) {
        let Some((_, kind)) = this else {
            out.push(warning);
            continue;
        };
        let n = counts[kind.as_str()];
        if n <= MANY {
            out.push(warning);
            continue;
        }
        if !said.insert(kind.as_str()) {
            continue;
        }
        let mut places: Vec<&str> = Vec::new();
        let mut all = 0;
        for (place, _) in parsed.iter().flatten().filter(|(_, k)| k == kind) {
            if !places.contains(&place.as_str()) {
                all += 1;
                if places.len() < MANY {
                    places.push(place.as_str());
                }
            }
        }
        let more = match all - places.len() {
            0 => String::new(),
            more => format!(" and {more} more"),
        };
        out.push(format!(
            "{n} times: {kind} (at {}{more})",
            places.join(", ")
        ));
    }
    out
}

/// A warning's place (`events[3]`, `eras[1]`, `sheet.csv:12`) and its kind: the rest,
/// past the slide's quoted name, with every quoted value shown as `'…'`.
fn placed(warning: &str) -> Option<(String, String)> {
    let (place, rest) = if warning.starts_with("events[") || warning.starts_with("eras[") {
        let end = warning.find(']')? + 1;
        (
            &warning[..end],
            warning[end..].strip_prefix(' ').unwrap_or(&warning[end..]),
        )
    } else {
        // `NAME:LINE: …`, the place of a sheet's row.
        let colon = warning.find(": ")?;
        let head = &warning[..colon];
        let (_, line) = head.rsplit_once(':')?;
        if line.is_empty() || !line.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        (head, &warning[colon + 2..])
    };
    // The slide's name, quoted, then ': '.
    let rest = match rest.strip_prefix('\'') {
        Some(named) => named.split_once("': ").map_or(rest, |(_, after)| after),
        None => rest.strip_prefix(": ").unwrap_or(rest),
    };
    // A quote opens after a space or a bracket and closes before anything but a letter,
    // so the apostrophe of `TimelineJS's` is text.
    let mut kind = String::with_capacity(rest.len());
    let mut quoted = false;
    let chars: Vec<char> = rest.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i + 1).copied();
        if c == '\'' && !quoted && before.is_none_or(|b| b == ' ' || b == '(') {
            kind.push('\'');
            quoted = true;
        } else if c == '\'' && quoted && after.is_none_or(|a| !a.is_alphanumeric()) {
            kind.push_str("…'");
            quoted = false;
        } else if !quoted {
            kind.push(c);
        }
    }
    Some((place.to_owned(), kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn many_warnings_of_a_kind_become_one_line() {
        let mut warnings: Vec<String> = (0..140)
            .map(|i| {
                format!(
                    "events[{i}] 'slide {i}': its media url '{i}.jpg' is not an absolute address"
                )
            })
            .collect();
        warnings.push("s.csv:4: the time 'x' does not read".to_owned());
        warnings.push("a warning without a place".to_owned());
        let out = collapse(warnings);
        assert_eq!(
            out,
            [
                "140 times: its media url '…' is not an absolute address \
                 (at events[0], events[1], events[2] and 137 more)",
                "s.csv:4: the time 'x' does not read",
                "a warning without a place",
            ]
        );
    }
}
