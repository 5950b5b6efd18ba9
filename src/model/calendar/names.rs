//! Month names, digits and era marks of the converted dates, in the Latin spellings used
//! for Afghanistan or in Dari or Pashto.
//!
//! The Solar Hijri months are the zodiac names Afghanistan uses, not Iran's Farvardin…
//! Their Arabic-script forms are CLDR's: `cldr-json` 48 (cldr-cal-persian-full
//! 48.2.0-BETA0/BETA2), `main/fa-AF/ca-persian.json` and `main/ps/ca-persian.json`,
//! months → format → wide. Pashto sources differ between ګ and گ in غبرگولی and چنگاښ:
//! these are CLDR's (گ). The lunar months in Arabic script are CLDR's `fa-AF`
//! (`main/fa-AF/ca-islamic.json`, wide) for Pashto too: CLDR 48's `ps` names mix in Latin
//! numerals (`ربيع II`, `جماعه II`), and the Arabic month names are the same words in
//! both languages. CLDR's `fa-AF` and `ps` number in Eastern Arabic-Indic digits
//! (`arabext`, ۰–۹), and so do the dates here in those languages. The era marks are
//! CLDR's `fa-AF` (`ه.ش.`, `ه.ق.`), for Pashto too, whose CLDR era is the Latin `AP`.

use super::Reckoning;

/// The language of a converted date's month names and digits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Latin script, ASCII digits.
    #[default]
    Latin,
    /// Dari (`fa-AF`): Arabic script, Eastern Arabic-Indic digits.
    Dari,
    /// Pashto (`ps`): Arabic script, Eastern Arabic-Indic digits.
    Pashto,
}

impl Lang {
    /// As the flag takes it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Latin => "en",
            Lang::Dari => "fa-AF",
            Lang::Pashto => "ps",
        }
    }
}

/// Solar Hijri months as spelled for Afghanistan in Latin script.
pub(super) const SOLAR_LATIN: [&str; 12] = [
    "Hamal", "Sawr", "Jawza", "Saratan", "Asad", "Sunbula", "Mizan", "Aqrab", "Qaws", "Jadi",
    "Dalw", "Hut",
];

/// CLDR 48 `fa-AF`, ca-persian, months/format/wide.
pub(super) const SOLAR_DARI: [&str; 12] = [
    "حمل",
    "ثور",
    "جوزا",
    "سرطان",
    "اسد",
    "سنبلهٔ",
    "میزان",
    "عقرب",
    "قوس",
    "جدی",
    "دلو",
    "حوت",
];

/// CLDR 48 `ps`, ca-persian, months/format/wide.
pub(super) const SOLAR_PASHTO: [&str; 12] = [
    "وری",
    "غویی",
    "غبرگولی",
    "چنگاښ",
    "زمری",
    "وږی",
    "تله",
    "لړم",
    "لیندۍ",
    "مرغومی",
    "سلواغه",
    "کب",
];

/// Lunar Hijri months in Latin script.
pub(super) const LUNAR_LATIN: [&str; 12] = [
    "Muharram",
    "Safar",
    "Rabi' al-Awwal",
    "Rabi' al-Thani",
    "Jumada al-Ula",
    "Jumada al-Akhirah",
    "Rajab",
    "Sha'ban",
    "Ramadan",
    "Shawwal",
    "Dhu al-Qa'dah",
    "Dhu al-Hijjah",
];

/// Lunar Hijri months abbreviated, for the explorer's list, whose column would otherwise
/// be as wide as `Rabi' al-Awwal – Rabi' al-Thani 1443`: CLDR's root (which English
/// inherits), ca-islamic, months/format/abbreviated.
pub(super) const LUNAR_LATIN_SHORT: [&str; 12] = [
    "Muh.",
    "Saf.",
    "Rab. I",
    "Rab. II",
    "Jum. I",
    "Jum. II",
    "Raj.",
    "Sha.",
    "Ram.",
    "Shaw.",
    "Dhuʻl-Q.",
    "Dhuʻl-H.",
];

/// CLDR 48 `fa-AF`, ca-islamic, months/format/wide (a ZWNJ, U+200C, inside the compound
/// names, as CLDR writes them).
pub(super) const LUNAR_ARABIC: [&str; 12] = [
    "محرم",
    "صفر",
    "ربیع\u{200c}الاول",
    "ربیع\u{200c}الثانی",
    "جمادی\u{200c}الاول",
    "جمادی\u{200c}الثانی",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
    "ذیقعده",
    "ذیحجه",
];

/// The name of month 1–12 of a calendar in a language; empty for another number.
pub fn month_name(reckoning: Reckoning, lang: Lang, month: u8) -> &'static str {
    let names = match (reckoning, lang) {
        (Reckoning::SolarHijri, Lang::Latin) => &SOLAR_LATIN,
        (Reckoning::SolarHijri, Lang::Dari) => &SOLAR_DARI,
        (Reckoning::SolarHijri, Lang::Pashto) => &SOLAR_PASHTO,
        (Reckoning::LunarHijri(_), Lang::Latin) => &LUNAR_LATIN,
        (Reckoning::LunarHijri(_), Lang::Dari | Lang::Pashto) => &LUNAR_ARABIC,
    };
    usize::from(month)
        .checked_sub(1)
        .and_then(|m| names.get(m))
        .copied()
        .unwrap_or("")
}

/// The name of a month where room is short: the lunar months abbreviated in Latin script,
/// every other name whole (the solar ones are short already).
pub fn short_month_name(reckoning: Reckoning, lang: Lang, month: u8) -> &'static str {
    match (reckoning, lang) {
        (Reckoning::LunarHijri(_), Lang::Latin) => usize::from(month)
            .checked_sub(1)
            .and_then(|m| LUNAR_LATIN_SHORT.get(m))
            .copied()
            .unwrap_or(""),
        _ => month_name(reckoning, lang, month),
    }
}

/// The mark after a year.
pub(super) fn era(reckoning: Reckoning, lang: Lang) -> &'static str {
    match (reckoning, lang) {
        (Reckoning::SolarHijri, Lang::Latin) => "SH",
        (Reckoning::LunarHijri(_), Lang::Latin) => "AH",
        (Reckoning::SolarHijri, _) => "ه.ش.",
        (Reckoning::LunarHijri(_), _) => "ه.ق.",
    }
}

/// A number in the language's digits: `1400`, or `۱۴۰۰` in Dari and Pashto.
pub fn digits(n: impl std::fmt::Display, lang: Lang) -> String {
    let text = n.to_string();
    match lang {
        Lang::Latin => text,
        Lang::Dari | Lang::Pashto => text
            .chars()
            .map(|c| match c.to_digit(10) {
                Some(d) => char::from_u32(0x06F0 + d).unwrap_or(c),
                None => c,
            })
            .collect(),
    }
}

/// Text with Eastern Arabic-Indic (۰–۹) and Arabic-Indic (٠–٩) digits made ASCII, so that
/// a date typed in Dari or Pashto reads like one typed in Latin script.
pub fn parse_digits(text: &str) -> std::borrow::Cow<'_, str> {
    if text.is_ascii() {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| match u32::from(c) {
            d @ 0x06F0..=0x06F9 => char::from_u32(d - 0x06F0 + u32::from(b'0')).unwrap_or(c),
            d @ 0x0660..=0x0669 => char::from_u32(d - 0x0660 + u32::from(b'0')).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Other spellings of the solar months, and the Iranian names of the same months.
const SOLAR_OTHER: [(&str, u8); 20] = [
    ("farvardin", 1),
    ("ordibehesht", 2),
    ("khordad", 3),
    ("tir", 4),
    ("mordad", 5),
    ("shahrivar", 6),
    ("mehr", 7),
    ("aban", 8),
    ("azar", 9),
    ("dey", 10),
    ("bahman", 11),
    ("esfand", 12),
    ("saur", 2),
    ("sowr", 2),
    ("jauza", 3),
    ("sonbola", 6),
    ("sunbulah", 6),
    ("aghrab", 8),
    ("dalv", 11),
    ("hoot", 12),
];

/// Other spellings of the lunar months.
const LUNAR_OTHER: [(&str, u8); 8] = [
    ("rabii", 3),
    ("rabiii", 4),
    ("rabialakhir", 4),
    ("jumadai", 5),
    ("jumadaii", 6),
    ("jumadaalawwal", 5),
    ("jumadaalthani", 6),
    ("dhulhijjah", 12),
];

/// A month word as typed (`asad`, `Hut`, `حمل`, `rabi al-awwal`): the calendar and the
/// month. Latin words compare without case, apostrophes, hyphens or spaces; the Iranian
/// names of the same solar months (`farvardin` …) and a few common spellings are read too.
pub(super) fn month_word(word: &str) -> Option<(super::Calendar, u8)> {
    use super::Calendar::{LunarHijri, SolarHijri};
    let key: String = word
        .chars()
        .filter(|c| !matches!(c, '\'' | '’' | '`' | '-' | '_' | ' ' | '.' | '\u{200c}'))
        .flat_map(char::to_lowercase)
        .collect();
    if key.is_empty() {
        return None;
    }
    let squash = |name: &str| -> String {
        name.chars()
            .filter(|c| !matches!(c, '\'' | '-' | ' ' | '\u{200c}'))
            .flat_map(char::to_lowercase)
            .collect()
    };
    let position = |names: &[&str; 12]| {
        names
            .iter()
            .position(|n| squash(n) == key)
            .and_then(|i| u8::try_from(i + 1).ok())
    };
    for names in [&SOLAR_LATIN, &SOLAR_DARI, &SOLAR_PASHTO] {
        if let Some(m) = position(names) {
            return Some((SolarHijri, m));
        }
    }
    if let Some(&(_, m)) = SOLAR_OTHER.iter().find(|(n, _)| *n == key) {
        return Some((SolarHijri, m));
    }
    for names in [&LUNAR_LATIN, &LUNAR_ARABIC] {
        if let Some(m) = position(names) {
            return Some((LunarHijri, m));
        }
    }
    LUNAR_OTHER
        .iter()
        .find(|(n, _)| *n == key)
        .map(|&(_, m)| (LunarHijri, m))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::calendar::Calendar;

    #[test]
    fn month_words_in_every_spelling() {
        assert_eq!(month_word("asad"), Some((Calendar::SolarHijri, 5)));
        assert_eq!(month_word("HUT"), Some((Calendar::SolarHijri, 12)));
        assert_eq!(month_word("حمل"), Some((Calendar::SolarHijri, 1)));
        assert_eq!(month_word("کب"), Some((Calendar::SolarHijri, 12)));
        assert_eq!(month_word("farvardin"), Some((Calendar::SolarHijri, 1)));
        assert_eq!(month_word("muharram"), Some((Calendar::LunarHijri, 1)));
        assert_eq!(
            month_word("rabi' al-awwal"),
            Some((Calendar::LunarHijri, 3))
        );
        assert_eq!(month_word("rabialthani"), Some((Calendar::LunarHijri, 4)));
        assert_eq!(
            month_word("ربیع\u{200c}الاول"),
            Some((Calendar::LunarHijri, 3))
        );
        assert_eq!(month_word("kabul"), None);
        assert_eq!(month_word("december"), None);
        assert_eq!(month_word(""), None);
    }

    #[test]
    fn digits_both_ways() {
        assert_eq!(digits(1400, Lang::Dari), "۱۴۰۰");
        assert_eq!(digits(24, Lang::Latin), "24");
        assert_eq!(parse_digits("۱۴۰۰-٠٥"), "1400-05");
    }
}
