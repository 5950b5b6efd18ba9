//! What has the keyboard, one mode at a time, and the one table that says what each mode
//! is: its title, the key tables looked up in it and in which order, what a key that no
//! table claims means there, and what it draws over the panes.
//!
//! Everything that differs by mode reads [`MODES`]: the keymap's lookup, the help overlay
//! and its scrolling, the status line's prompt and hints, the generated key tables of the
//! docs and the man page, and the screen's choice of overlay. A new mode is one entry here,
//! one table in `keymap`, its handling in `update` and its view.

use super::keymap::{self, Binding};

/// What has the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Browse,
    /// Browsing in the time view, which the list's pane shows instead of the list.
    Time,
    Search,
    /// The actor filter's overlay (`a`): typed text narrows the actors.
    Actors,
    Help,
    Detail,
    /// The `:` prompt: a date to jump to.
    Jump,
    /// Pick mode's list: the prompt is active, typed characters filter (fzf).
    Pick,
    /// The date range prompt (`r`).
    Range,
    /// Every problem of the file's last version, over the screen (`!`).
    Problems,
    /// The `w` prompt: the path of a file to write the events to.
    Write,
    /// Whether to replace the file the `w` prompt named, which is there.
    Overwrite,
}

/// What a key that none of the mode's tables binds means there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Typed {
    Ignored,
    /// A digit is a count prefix (`5j`).
    Count,
    /// A digit follows related event N.
    Related,
    /// A character is typed into the mode's prompt.
    Prompt,
}

/// What a mode draws besides the panes, and where.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    None,
    /// The mode's prompt takes the status line, after this sign.
    StatusPrompt(&'static str),
    /// The help, centred above the status line (`overlay::help_frame`).
    Help,
    /// The actor filter's box, its prompt on its first row (`overlay::actor_filter_frame`).
    ActorBox,
    /// A report of the state's (the file's problems) in a box over the screen
    /// (`overlay::report_frame`).
    Report,
}

/// One mode's entry in the table.
pub struct ModeSpec {
    pub mode: Mode,
    /// The title of its section in the help and the docs; `None`: no section of its own.
    pub title: Option<&'static str>,
    /// Its own bindings, looked up first; their hints' ranks order the status line.
    pub keys: &'static [Binding],
    /// Tables looked up after its own: readline editing at a prompt, the list's keys in
    /// the time view.
    pub fallback: &'static [&'static [Binding]],
    pub typed: Typed,
    pub overlay: Overlay,
}

/// Every mode, in the help's order: the first [`HELP_LEFT`] sections fill its left column.
#[rustfmt::skip]
pub static MODES: [ModeSpec; 12] = [
    ModeSpec { mode: Mode::Browse, title: Some("List"), keys: keymap::LIST, fallback: &[], typed: Typed::Count, overlay: Overlay::None },
    ModeSpec { mode: Mode::Time, title: Some("Time view (v; the list's other keys too)"), keys: keymap::TIME, fallback: &[keymap::LIST], typed: Typed::Count, overlay: Overlay::None },
    ModeSpec { mode: Mode::Pick, title: Some("Pick mode (stdout is not a terminal)"), keys: keymap::PICK, fallback: &[keymap::EDIT], typed: Typed::Prompt, overlay: Overlay::StatusPrompt("> ") },
    ModeSpec { mode: Mode::Detail, title: Some("Detail pane"), keys: keymap::DETAIL, fallback: &[], typed: Typed::Related, overlay: Overlay::None },
    ModeSpec { mode: Mode::Search, title: Some("Search prompt"), keys: keymap::SEARCH, fallback: &[keymap::EDIT], typed: Typed::Prompt, overlay: Overlay::StatusPrompt("/") },
    ModeSpec { mode: Mode::Jump, title: Some("Date prompt (:)"), keys: keymap::JUMP, fallback: &[keymap::EDIT], typed: Typed::Prompt, overlay: Overlay::StatusPrompt(":") },
    ModeSpec { mode: Mode::Actors, title: Some("Actor picker"), keys: keymap::ACTORS, fallback: &[keymap::EDIT], typed: Typed::Prompt, overlay: Overlay::ActorBox },
    ModeSpec { mode: Mode::Range, title: Some("Date range prompt"), keys: keymap::RANGE, fallback: &[keymap::EDIT], typed: Typed::Prompt, overlay: Overlay::StatusPrompt("range ") },
    ModeSpec { mode: Mode::Write, title: Some("Write prompt (w)"), keys: keymap::WRITE, fallback: &[keymap::EDIT], typed: Typed::Prompt, overlay: Overlay::StatusPrompt("write to ") },
    ModeSpec { mode: Mode::Overwrite, title: Some("Replace a file (after w)"), keys: keymap::OVERWRITE, fallback: &[], typed: Typed::Ignored, overlay: Overlay::StatusPrompt("replace ") },
    ModeSpec { mode: Mode::Problems, title: Some("Problems of the file (!)"), keys: keymap::PROBLEMS, fallback: &[], typed: Typed::Ignored, overlay: Overlay::Report },
    ModeSpec { mode: Mode::Help, title: None, keys: keymap::HELP, fallback: &[], typed: Typed::Ignored, overlay: Overlay::Help },
];

/// Sections in the help's left column.
pub const HELP_LEFT: usize = 2;

/// The section of the editing keys every prompt shares, after the modes' own.
pub const EDIT_SECTION: (&str, &[Binding]) = (
    "Editing at every prompt (/, :, r, a, w, pick mode)",
    keymap::EDIT,
);

/// A mode's entry.
pub fn spec(mode: Mode) -> &'static ModeSpec {
    MODES
        .iter()
        .find(|s| s.mode == mode)
        .expect("every mode has an entry in MODES")
}

/// The help's sections, in order: each mode's own table under its title, then the editing
/// keys. The help, its scrolling and the generated docs all read this.
pub fn help_sections() -> impl Iterator<Item = (&'static str, &'static [Binding])> {
    MODES
        .iter()
        .filter_map(|s| Some((s.title?, s.keys)))
        .chain(std::iter::once(EDIT_SECTION))
}

/// The help's sections as the help overlay shows them, opened from `mode`: that mode's
/// keys first, then the others in [`help_sections`]' order, pick mode's last unless it is
/// the mode (in browse mode they took half the overlay, of no use there).
pub fn help_sections_for(mode: Mode) -> Vec<(&'static str, &'static [Binding])> {
    let own = |s: &&ModeSpec| s.mode == mode;
    let pick_last = |s: &&ModeSpec| s.mode == Mode::Pick && mode != Mode::Pick;
    MODES
        .iter()
        .filter(own)
        .chain(MODES.iter().filter(|s| !own(s) && !pick_last(s)))
        .filter_map(|s| Some((s.title?, s.keys)))
        .chain(std::iter::once(EDIT_SECTION))
        .chain(
            MODES
                .iter()
                .filter(pick_last)
                .filter_map(|s| Some((s.title?, s.keys))),
        )
        .collect()
}

/// Whether typed characters go into a prompt in this mode.
pub fn has_prompt(mode: Mode) -> bool {
    spec(mode).typed == Typed::Prompt
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mode_has_one_entry_and_every_prompt_edits() {
        for (i, s) in MODES.iter().enumerate() {
            assert_eq!(
                MODES.iter().filter(|t| t.mode == s.mode).count(),
                1,
                "{:?}",
                s.mode
            );
            assert!(std::ptr::eq(spec(s.mode), std::ptr::from_ref(&MODES[i])));
            // A prompt without the editing keys would be the old, lesser input.
            if s.typed == Typed::Prompt {
                let edits = |t: &&[Binding]| {
                    t.iter()
                        .any(|b| matches!(b.action, Some(crate::tui::action::Action::Edit(_))))
                };
                assert!(s.fallback.iter().any(edits), "{:?}", s.mode);
            }
        }
        assert_eq!(help_sections().count(), MODES.len());
        for s in &MODES {
            let ordered = help_sections_for(s.mode);
            assert_eq!(ordered.len(), MODES.len(), "{:?}", s.mode);
            if let Some(title) = s.title {
                assert_eq!(ordered[0].0, title, "{:?}: its own keys first", s.mode);
            }
        }
        let browse = help_sections_for(Mode::Browse);
        assert!(browse[browse.len() - 1].0.starts_with("Pick mode"));
    }
}
