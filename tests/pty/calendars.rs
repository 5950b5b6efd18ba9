//! The calendars through the real binary, as a new reader would meet them: started on the
//! 2021 takeover of Kabul, one key (`C`) shows the Solar Hijri date in the list and the
//! detail, names the calendar in the status line, and keeps the event selected; again for
//! the lunar Hijri date, and once more back to the Gregorian. `--calendar solar-hijri
//! --lang fa-AF` starts there, with the Dari month and Eastern Arabic-Indic digits.

use super::screen::{detail_shows, status_line};
use super::session::Spawn;

const KABUL: &str = "taliban-take-kabul-2021";

#[test]
fn one_key_switches_the_calendar_and_keeps_the_place() {
    let mut s = Spawn::app(&["--select", KABUL]).start();
    s.wait_for("the takeover selected", |screen| {
        detail_shows(screen, "15 August 2021 · day precision")
    });
    let position = s.with_screen(|screen| {
        status_line(screen)
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_owned()
    });
    s.send("C");
    s.wait_for("the Solar Hijri date beside the Gregorian", |screen| {
        detail_shows(screen, "15 August 2021 · 24 Asad 1400 SH")
            && status_line(screen).contains("Solar Hijri")
    });
    s.send("C");
    s.wait_for("the lunar Hijri date", |screen| {
        detail_shows(screen, "7 Muharram 1443 AH (Umm al-Qura)")
            && status_line(screen).contains("lunar Hijri (Umm al-Qura)")
    });
    s.send("C");
    s.wait_for("the Gregorian alone again", |screen| {
        detail_shows(screen, "15 August 2021 · day precision")
            && !status_line(screen).contains("Hijri")
    });
    // The same event all along: the position in the status line has not moved.
    s.with_screen(|screen| assert!(status_line(screen).starts_with(&position), "{position}"));
    s.send("q");
    s.wait_exit();
}

#[test]
fn starts_in_dari() {
    let mut s = Spawn::app(&[
        "--select",
        KABUL,
        "--calendar",
        "solar-hijri",
        "--lang",
        "fa-AF",
    ])
    .size(80, 24)
    .start();
    s.wait_for("the Dari date in the list", |screen| {
        screen.contents().contains("۲۴ اسد ۱۴۰۰")
    });
    s.send("q");
    s.wait_exit();
}
