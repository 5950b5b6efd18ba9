//! Date words in a query: `1989`, `1979-12`, `1979-12-24`, `dec 1979`, `december 1979`.
//!
//! A query word that names a date finds the events whose period overlaps it (as `--from`
//! and `--to` together do), besides the events that contain the word in their text. A month
//! name followed by a year is read as one word, the month of that year.

use crate::model::{Date, DateError, day_number};

/// A date as a reader types it (at `r`, `:`, `--from`): the file's form (`1979-12`,
/// `-0044-03-15`), or a date before the common era as people write it, `44 BCE`, `44 BC`,
/// `44-03-15 BCE`, the year without leading zeros.
///
/// # Errors
/// Why it is not a date, as the file's form would say.
pub fn typed_date(text: &str) -> Result<Date, DateError> {
    let text = text.trim();
    let lower = text.to_ascii_lowercase();
    let Some(rest) = lower
        .strip_suffix("bce")
        .or_else(|| lower.strip_suffix("bc"))
    else {
        return text.parse();
    };
    let rest = rest.trim_end();
    let (approximate, rest) = rest.strip_prefix('~').map_or((false, rest), |r| (true, r));
    let (year, more) = rest.split_once('-').unwrap_or((rest, ""));
    if year.is_empty() || year.len() > 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DateError::Shape);
    }
    let tilde = if approximate { "~" } else { "" };
    let more = if more.is_empty() {
        String::new()
    } else {
        format!("-{more}")
    };
    format!("{tilde}-{year:0>4}{more}").parse()
}

/// How [`typed_date`] reads a date back: the file's form, but a year before the common era
/// as `44 BCE` (`-0001` after a range's `..` or `–` reads as a sign of its own).
pub fn typed_form(date: Date) -> String {
    if date.year() < 0 && date.month().is_none() {
        let tilde = if date.is_approximate() { "~" } else { "" };
        format!("{tilde}{} BCE", date.year().unsigned_abs())
    } else {
        date.to_string()
    }
}

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
    // A year before the common era begins with its sign (`-9999`, `-0044-03-15`).
    let digits = word.strip_prefix('-').unwrap_or(word);
    if !digits.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    word.parse::<Date>().ok().map(days_of)
}

/// `44` followed by `bce` or `bc`: the year 44 BCE, as one date word.
fn bce(year: &str, era: Option<&String>) -> Option<(String, Days)> {
    let era = era.filter(|e| matches!(e.as_str(), "bce" | "bc" | "b.c." | "b.c.e."))?;
    if year.is_empty() || year.len() > 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let date = typed_date(&format!("{year} bce")).ok()?;
    Some((format!("{year} {era}"), days_of(date)))
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
        if let Some((both, days)) = bce(word, lowered.get(k + 1)) {
            out.push((both, Some(days)));
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
    fn years_before_the_common_era_are_date_words() {
        assert_eq!(words("-9999"), vec![("-9999".to_owned(), days("-9999"))]);
        assert_eq!(words("44 BCE"), vec![("44 bce".to_owned(), days("-0044"))]);
        assert_eq!(words("44 bc kabul").len(), 2);
        assert_eq!(typed_date("44 BCE"), "-0044".parse());
        assert_eq!(typed_date("44-03-15 BCE"), "-0044-03-15".parse());
        assert_eq!(typed_date("~500 bc"), "~-0500".parse());
        assert_eq!(typed_date(" 1979-12 "), "1979-12".parse());
        assert!(typed_date("0 BCE").is_err());
        assert!(typed_date("BCE").is_err());
        assert!(typed_date("-44 BCE").is_err());
        for text in ["44 BCE", "~500 BCE", "-0044-03", "1979"] {
            let date = typed_date(text).expect("a date");
            assert_eq!(typed_date(&typed_form(date)), Ok(date), "{text}");
        }
        assert_eq!(typed_form(typed_date("1 BCE").expect("a date")), "1 BCE");
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
            "--1979",
            "1979-",
        ] {
            assert!(words(q).iter().all(|(_, d)| d.is_none()), "{q}");
        }
    }
}
