//! Date words in a query: `1989`, `1979-12`, `1979-12-24`, `dec 1979`, `december 1979`,
//! and in the Hijri calendars `sh:1400-05-24`, `ah:1443`, `asad 1400`, `24 asad 1400`.
//!
//! A query word that names a date finds the events whose period overlaps it (as `--from`
//! and `--to` together do), besides the events that contain the word in their text. A month
//! name followed by a year is read as one word, the month of that year.

use crate::model::calendar::{Hijri, Period};
use crate::model::{Date, day_number};
pub use crate::model::{typed_date, typed_form};

/// The days `[first, last]` a date word covers, as day numbers (`model::day_number`).
pub type Days = (i32, i32);

/// The days of a date written as a timeline file writes it, from a four-digit year on:
/// `1989`, `1979-12`, `1979-12-24`; or in a Hijri calendar, `sh:1400-05`, `ah:1443`.
/// Anything else (`198`, `12`, `1979-13`, `sh:1400-13`) is no date.
fn single(word: &str, hijri: Hijri) -> Option<Days> {
    if word.starts_with("sh:") || word.starts_with("ah:") {
        return Period::parse(word, hijri).ok().map(days_of);
    }
    if word.len() < 4 || !word.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
        return None;
    }
    // A year before the common era begins with its sign (`-9999`, `-0044-03-15`).
    let digits = word.strip_prefix('-').unwrap_or(word);
    if !digits.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    word.parse::<Date>().ok().map(|d| days_of(d.into()))
}

fn days_of(period: Period) -> Days {
    (
        day_number(period.first_day()),
        day_number(period.last_day()),
    )
}

/// `44` followed by `bce` or `bc`: the year 44 BCE, as one date word.
fn bce(year: &str, era: Option<&String>) -> Option<(String, Days)> {
    let era = era.filter(|e| matches!(e.as_str(), "bce" | "bc" | "b.c." | "b.c.e."))?;
    if year.is_empty() || year.len() > 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let date = typed_date(&format!("{year} bce")).ok()?;
    Some((format!("{year} {era}"), days_of(date.into())))
}

/// A month word and the four-digit year after it, with a day before them if given: `dec
/// 1979`, `24 asad 1400`, `rabi' al-awwal 1443` (a lunar month may take three words).
/// How many words it took, and its days.
fn phrase(words: &[String], hijri: Hijri) -> Option<(usize, Days)> {
    (2..=words.len().min(5)).rev().find_map(|n| {
        let year = crate::model::calendar::parse_digits(&words[n - 1]).into_owned();
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        // A plain number first is a day only before a month word: `1979 1989` is no date.
        let period = Period::parse(&words[..n].join(" "), hijri).ok()?;
        Some((n, days_of(period)))
    })
}

/// The query's words, lower-cased, each with the days it names if it is a date word; a
/// month name and the year after it become one word (`dec 1979`, `asad 1400`), with the
/// day before them (`24 asad 1400`). `hijri` is the lunar calendar `ah:` and the lunar
/// months mean.
pub fn words(query: &str, hijri: Hijri) -> Vec<(String, Option<Days>)> {
    let lowered: Vec<String> = query.split_whitespace().map(crate::fold::fold).collect();
    let mut out = Vec::with_capacity(lowered.len());
    let mut k = 0;
    while k < lowered.len() {
        if let Some((n, days)) = phrase(&lowered[k..], hijri) {
            out.push((lowered[k..k + n].join(" "), Some(days)));
            k += n;
            continue;
        }
        let word = &lowered[k];
        if let Some((both, days)) = bce(word, lowered.get(k + 1)) {
            out.push((both, Some(days)));
            k += 2;
            continue;
        }
        out.push((word.clone(), single(word, hijri)));
        k += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days(s: &str) -> Option<Days> {
        s.parse::<Date>().ok().map(|d| days_of(d.into()))
    }

    fn words(query: &str) -> Vec<(String, Option<Days>)> {
        super::words(query, Hijri::UmmAlQura)
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

    fn day(y: i32, m: u32, d: u32) -> i32 {
        day_number(chrono::NaiveDate::from_ymd_opt(y, m, d).expect("a day"))
    }

    /// 24 Asad 1400 SH and 7 Muharram 1443 AH (Umm al-Qura) are 15 August 2021.
    #[test]
    fn hijri_dates_are_date_words() {
        let taken = day(2021, 8, 15);
        for q in [
            "sh:1400-05-24",
            "24 Asad 1400",
            "24 اسد ۱۴۰۰",
            "ah:1443-01-07",
            "SH:1400-05-24",
        ] {
            let got = words(q);
            assert_eq!(got.len(), 1, "{q}");
            assert_eq!(got[0].1, Some((taken, taken)), "{q}");
        }
        // A month of 31 days around it, and a year of 365 (1400 is no leap year).
        for (q, len) in [("asad 1400", 31), ("sh:1400-05", 31), ("sh:1400", 365)] {
            let (first, last) = words(q)[0].1.expect("a date word");
            assert!(first <= taken && taken <= last, "{q}");
            assert_eq!(last - first + 1, len, "{q}");
        }
        assert_eq!(words("rabi' al-awwal 1443").len(), 1);
        assert_eq!(words("troops asad 1400 kabul").len(), 3);
        // Two years are two date words, not a day and a year.
        assert_eq!(words("1979 1989").len(), 2);
        for q in [
            "sh:1400-13",
            "sh:1400-12-30",
            "ah:1443-01-31",
            "sh:",
            "asad",
        ] {
            assert!(words(q).iter().all(|(_, d)| d.is_none()), "{q}");
        }
    }
}
