//! Date words in a query: `1989`, `1979-12`, `1979-12-24`, `dec 1979`, `december 1979`.
//!
//! A query word that names a date finds the events whose period overlaps it (as `--from`
//! and `--to` together do), besides the events that contain the word in their text. A month
//! name followed by a year is read as one word, the month of that year.

use crate::model::{Date, day_number};

/// The days `[first, last]` a date word covers, as day numbers (`model::day_number`).
pub type Days = (i32, i32);

/// Month names as a query may spell them: the full name or its first three letters
/// (`sept` too), lower-case, with an optional trailing full stop.
fn month(word: &str) -> Option<u32> {
    const NAMES: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let word = word.strip_suffix('.').unwrap_or(word);
    if word.len() < 3 {
        return None;
    }
    NAMES
        .iter()
        .position(|name| *name == word || (word.len() == 3 && name.starts_with(word)))
        .or_else(|| (word == "sept").then_some(8))
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// The days of a date written as a timeline file writes it, from a four-digit year on:
/// `1989`, `1979-12`, `1979-12-24`. Anything else (`198`, `12`, `1979-13`) is no date.
fn iso(word: &str) -> Option<Days> {
    if word.len() < 4 || !word.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
        return None;
    }
    if !word.as_bytes()[0].is_ascii_digit() {
        return None;
    }
    word.parse::<Date>().ok().map(days_of)
}

fn days_of(date: Date) -> Days {
    (date.sort_key(), day_number(date.last_day()))
}

/// The query's words, lower-cased, each with the days it names if it is a date word; a
/// month name and the year after it become one word (`dec 1979`).
pub fn words(query: &str) -> Vec<(String, Option<Days>)> {
    let lowered: Vec<String> = query.split_whitespace().map(crate::fold::fold).collect();
    let mut out = Vec::with_capacity(lowered.len());
    let mut k = 0;
    while k < lowered.len() {
        let word = &lowered[k];
        if let (Some(m), Some(next)) = (month(word), lowered.get(k + 1))
            && next.len() == 4
            && next.bytes().all(|b| b.is_ascii_digit())
            && let Some(date) = format!("{next}-{m:02}").parse::<Date>().ok()
        {
            out.push((format!("{word} {next}"), Some(days_of(date))));
            k += 2;
            continue;
        }
        out.push((word.clone(), iso(word)));
        k += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days(s: &str) -> Option<Days> {
        s.parse::<Date>().ok().map(days_of)
    }

    #[test]
    fn years_months_and_days_are_date_words() {
        assert_eq!(words("1989"), vec![("1989".to_owned(), days("1989"))]);
        assert_eq!(
            words("1979-12"),
            vec![("1979-12".to_owned(), days("1979-12"))]
        );
        assert_eq!(
            words("1979-12-24"),
            vec![("1979-12-24".to_owned(), days("1979-12-24"))]
        );
        assert!(days("1979-12").is_some_and(|(a, b)| b - a == 30));
    }

    #[test]
    fn a_month_name_and_a_year_are_one_word() {
        for q in ["dec 1979", "December 1979", "DEC. 1979"] {
            let got = words(q);
            assert_eq!(got.len(), 1, "{q}");
            assert_eq!(got[0].1, days("1979-12"), "{q}");
        }
        assert_eq!(words("sept 1989")[0].1, days("1989-09"));
        assert_eq!(words("may 1988")[0].1, days("1988-05"));
        // The month stays a word of its own without a year after it.
        assert_eq!(
            words("dec kabul"),
            vec![("dec".to_owned(), None), ("kabul".to_owned(), None)]
        );
        assert_eq!(words("troops december 1979 kabul").len(), 3);
    }

    #[test]
    fn other_words_are_not_dates() {
        for q in [
            "198",
            "12",
            "1979-13",
            "1979-02-30",
            "abc",
            "19x9",
            "-1979",
            "1979-",
        ] {
            assert!(words(q).iter().all(|(_, d)| d.is_none()), "{q}");
        }
    }
}
