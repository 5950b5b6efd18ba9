//! Where the overlays (help, the actor filter) go on a screen, computed from plain sizes: the
//! keymap's table lengths and the number of actors. `update` scrolls by these and the
//! views draw into them, so what is scrolled is exactly what is drawn, and nothing needs
//! to build the styled help text just to count its lines.

use ratatui::layout::{Constraint, Rect};

use super::keymap::Binding;
use super::mode::{HELP_LEFT, Mode, help_sections_for};

/// Lines after the last section.
pub const HELP_FOOTNOTES: [&str; 9] = [
    "Mouse: wheel scrolls, click selects; over the",
    "time view the wheel zooms and a drag pans",
    "(--no-mouse turns it off)",
    "",
    "Time view marks: ◆ an event on its day · ━━ with an end",
    "◇┄┄ known only to the month or year, drawn across it",
    "○┈┈ an approximate (~) date · 2–9, ░▒▓█ several events",
    "╌56y╌ and ┊ 56 empty years folded · ★ starred",
    "eras: … under the bands names those cut for room",
];

/// Width of one column of the help.
pub const HELP_COLUMN: u16 = 58;

/// Whether the help shows two columns at this content width.
pub fn help_two_columns(width: u16) -> bool {
    width >= 2 * HELP_COLUMN + 2
}

/// Lines of one help section: its title, a line per binding, a blank line.
pub fn help_section_lines(table: &[Binding]) -> usize {
    table.len() + 2
}

/// Lines of the section the help ends with when the timeline has `eras` eras: a blank
/// line, its title and an era a line, each named in full (the time view may have had to
/// cut their names for room).
pub fn help_era_lines(eras: usize) -> usize {
    if eras == 0 { 0 } else { eras + 2 }
}

/// Lines of the help at a content width, opened from `mode` (its order, see
/// `mode::help_sections_for`), for a timeline of `eras` eras.
pub fn help_lines(width: u16, mode: Mode, eras: usize) -> usize {
    let sections = help_sections_for(mode);
    let left = sections
        .iter()
        .take(HELP_LEFT)
        .map(|(_, table)| help_section_lines(table))
        .sum::<usize>();
    let right = sections
        .iter()
        .skip(HELP_LEFT)
        .map(|(_, table)| help_section_lines(table))
        .sum::<usize>()
        + HELP_FOOTNOTES.len()
        + help_era_lines(eras);
    if help_two_columns(width) {
        left.max(right)
    } else {
        left + right
    }
}

/// The help's box on a screen of `area`, opened from `mode`.
pub fn help_frame(area: Rect, mode: Mode, eras: usize) -> Rect {
    let width = if area.width >= 2 * HELP_COLUMN + 4 {
        2 * HELP_COLUMN + 4
    } else {
        HELP_COLUMN + 4
    };
    let height =
        u16::try_from(help_lines(width.saturating_sub(2), mode, eras) + 2).unwrap_or(u16::MAX);
    // Above the status line, which stays readable (it says how to close the help).
    let above_status = Rect {
        height: area.height.saturating_sub(1).max(1),
        ..area
    };
    above_status.centered(Constraint::Length(width), Constraint::Length(height))
}

/// Lines the help can scroll, at this screen size, opened from `mode`, for a timeline of
/// `eras` eras.
pub fn help_max_scroll(area: Rect, mode: Mode, eras: usize) -> u16 {
    let rect = help_frame(area, mode, eras);
    let total = help_lines(rect.width.saturating_sub(2), mode, eras);
    u16::try_from(total.saturating_sub(usize::from(rect.height.saturating_sub(2)))).unwrap_or(0)
}

/// The box of a report of `lines` lines over the screen (the file's problems), above the
/// status line, which says how to close it.
pub fn report_frame(area: Rect, lines: usize) -> Rect {
    let above_status = Rect {
        height: area.height.saturating_sub(1).max(1),
        ..area
    };
    let height = u16::try_from(lines + 2)
        .unwrap_or(u16::MAX)
        .min(above_status.height.saturating_sub(2).max(3));
    above_status.centered(
        Constraint::Length(area.width.saturating_sub(4).min(100)),
        Constraint::Length(height),
    )
}

/// Width of the actor picker.
const PICKER_WIDTH: u16 = 64;

/// The actor picker's box for a screen size and number of actors: a row for the typed
/// query above the actors, sized for all of them so that typing does not resize it.
pub fn actor_filter_frame(size: Rect, actors: usize) -> Rect {
    let height = u16::try_from(actors + 3)
        .unwrap_or(u16::MAX)
        .min(size.height.saturating_sub(2).max(3));
    size.centered(Constraint::Length(PICKER_WIDTH), Constraint::Length(height))
}

/// The picker's width on a screen `screen` columns wide (as [`actor_filter_frame`] makes it).
pub fn actor_filter_width(screen: u16) -> u16 {
    screen.min(PICKER_WIDTH)
}

/// Actor rows that fit in the picker, below its query row: what `update` scrolls by.
pub fn actor_filter_rows(size: Rect, actors: usize) -> usize {
    usize::from(actor_filter_frame(size, actors).height.saturating_sub(3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn help_scrolls_only_when_it_does_not_fit() {
        let tall = Rect::new(0, 0, 200, 200);
        let m = Mode::Browse;
        assert_eq!(help_max_scroll(tall, m, 0), 0);
        let frame = help_frame(tall, m, 0);
        assert_eq!(frame.width, 2 * HELP_COLUMN + 4);
        assert_eq!(
            usize::from(frame.height),
            help_lines(frame.width - 2, m, 0) + 2
        );
        let short = Rect::new(0, 0, 80, 24);
        let one_column = help_lines(HELP_COLUMN + 2, m, 0);
        assert!(one_column > help_lines(2 * HELP_COLUMN + 2, m, 0));
        // The status line (the last row) stays free: 21 rows inside the frame.
        assert_eq!(usize::from(help_max_scroll(short, m, 0)), one_column - 21);
        assert!(
            help_frame(short, m, 0).bottom() <= 23,
            "{:?}",
            help_frame(short, m, 0)
        );
        assert!(help_frame(Rect::new(0, 0, 120, 40), m, 0).bottom() <= 39);
    }

    #[test]
    fn the_picker_shows_every_actor_that_fits() {
        let size = Rect::new(0, 0, 80, 24);
        assert_eq!(actor_filter_rows(size, 5), 5);
        assert_eq!(actor_filter_rows(size, 500), 19);
        // Centred by ratatui (`Rect::centered`): an odd spare row goes above.
        assert_eq!(actor_filter_frame(size, 5), Rect::new(8, 8, 64, 8));
        assert_eq!(actor_filter_rows(Rect::new(0, 0, 20, 6), 5), 1);
    }
}
