//! Acting on events without leaving: copying, opening a source, zooming the detail, the
//! marks warning on quit, marking (Space, and pick mode's fzf Tab), and Enter, which opens
//! the detail or, in pick mode, ends with the choice. What needs I/O (the clipboard, a
//! browser) goes back to the loop as an [`Effect`]; the text to copy is formatted here,
//! through the same formatter as `list` and `show`, so the loop only writes it out.

use super::App;
use crate::model::EventId;
use crate::output::{self, Format};
use crate::tui::action::Action;
use crate::tui::effect::{Effect, Exit};
use crate::tui::hints;
use crate::tui::layout::SIDE_BY_SIDE;
use crate::tui::mode::Mode;

/// The most text `y` puts on the clipboard: terminals take an OSC 52 sequence up to about
/// 100 KB and drop a longer one silently.
pub const MAX_COPY: usize = 100_000;

/// The state of acting on events.
pub(super) struct Acting {
    /// What `y` copies the events as.
    copy_format: Format,
    /// The detail pane covers the screen (only while it has the focus).
    pub(super) zoomed: bool,
    /// `q` was pressed once with marks: the next `q` quits.
    pub(super) quit_armed: bool,
    /// `quit_armed` as it was before the current action.
    pub(super) armed: bool,
}

impl Acting {
    pub(super) fn new(copy_format: Format) -> Acting {
        Acting {
            copy_format,
            zoomed: false,
            quit_armed: false,
            armed: false,
        }
    }
}

impl App {
    /// This file's actions; `n` is the count (`2o`).
    pub(super) fn act_on(&mut self, action: Action, n: usize) -> Option<Effect> {
        match action {
            Action::Quit => return self.quit(),
            Action::QuitNow => return Some(Effect::Exit(Exit::Quit)),
            Action::MarkDown => self.mark_down(),
            Action::UnmarkUp => self.unmark_up(),
            Action::Copy => return self.copy(false),
            Action::CopyIds => return self.copy(true),
            Action::OpenSource => return self.open_source(n),
            Action::ToggleZoom => self.toggle_zoom(),
            _ => {}
        }
        None
    }

    /// The events an action on "them" means: the marked ones in date order, else the
    /// selected one.
    pub fn chosen(&self) -> Vec<EventId> {
        if self.marked.is_empty() {
            self.selected_event().into_iter().collect()
        } else {
            self.marked.iter().copied().collect()
        }
    }

    /// `y`/`Y`: the chosen events in the output format (`--format`, else Markdown), or
    /// their ids, for the loop to put on the clipboard.
    fn copy(&mut self, ids: bool) -> Option<Effect> {
        let events = self.chosen();
        if events.is_empty() {
            self.flash = Some("nothing to copy: no event is shown".to_owned());
            return None;
        }
        let format = if ids {
            Format::Id
        } else {
            self.acting.copy_format
        };
        let mut text = Vec::new();
        // Writing into memory cannot fail; a formatter error would be a bug worth a message.
        // The dates as shown: in the calendar `C` chose.
        let written =
            output::write_events_in(&mut text, &self.timeline, &events, format, self.dates);
        if let Err(e) = written {
            self.flash = Some(format!("could not format the events: {e}"));
            return None;
        }
        let n = events.len();
        if text.len() > MAX_COPY {
            // Terminals drop an OSC 52 sequence past their limit without a word (xterm,
            // tmux and kitty cut off near 100 KB), so claiming "copied" would be untrue.
            self.flash = Some(format!(
                "not copied: {n} {} to {} KB, more than a terminal's clipboard takes \
                 ({} KB); mark fewer, or print them: 'afghan-timeline > file' (pick mode, \
                 Tab marks) or 'afghan-timeline list'",
                if n == 1 { "event comes" } else { "events come" },
                text.len().div_ceil(1000),
                MAX_COPY / 1000
            ));
            return None;
        }
        let what = match (ids, n) {
            (true, 1) => "1 id".to_owned(),
            (true, n) => format!("{n} ids"),
            (false, 1) => "1 event".to_owned(),
            (false, n) => format!("{n} events"),
        };
        self.flash = Some(if ids {
            format!("copied {what}")
        } else {
            format!("copied {what} as {}", format_label(format))
        });
        Some(Effect::Copy(String::from_utf8_lossy(&text).into_owned()))
    }

    /// `o`, `2o`: the selected event's `n`th source address (1-based), for the loop to
    /// open. Only web addresses are handed to a browser: a data file must not be able to
    /// start a program or open a local file by naming it as a source.
    fn open_source(&mut self, n: usize) -> Option<Effect> {
        let Some(id) = self.selected_event() else {
            self.flash = Some("no event is shown".to_owned());
            return None;
        };
        let addresses: Vec<&str> = self
            .timeline
            .event(id)
            .sources
            .iter()
            .filter_map(|s| s.url.as_deref())
            .collect();
        let Some(address) = n.checked_sub(1).and_then(|i| addresses.get(i)) else {
            self.flash = Some(match addresses.len() {
                0 => "this event's sources give no address".to_owned(),
                1 => format!("this event's sources give 1 address, not {n}"),
                k => format!("this event's sources give {k} addresses, not {n}"),
            });
            return None;
        };
        if !is_web_address(address) {
            self.flash = Some(format!(
                "not a web address: {}",
                crate::sanitize::quote(address)
            ));
            return None;
        }
        // Which source, so that `2o` and `3o` say what they open as `o` does.
        self.flash = Some(format!(
            "opening source {n} of {}: {address}",
            addresses.len()
        ));
        Some(Effect::Open((*address).to_owned()))
    }

    /// `q` with marks, outside pick mode: the first press says what would be lost.
    fn quit(&mut self) -> Option<Effect> {
        let n = self.marked.len();
        if self.pick_mode || n == 0 || self.acting.armed {
            return Some(Effect::Exit(Exit::Quit));
        }
        self.acting.quit_armed = true;
        self.flash = Some(format!(
            "{n} marked — {} copies them; {} again quits",
            hints::key_for(Mode::Browse, Action::Copy),
            hints::key_for(Mode::Browse, Action::Quit),
        ));
        None
    }

    /// `z`: the detail over the whole screen (it takes the focus), and back to the list.
    fn toggle_zoom(&mut self) {
        if self.acting.zoomed {
            self.acting.zoomed = false;
            self.mode = self.home_mode();
        } else if !self.visible.is_empty() {
            self.acting.zoomed = true;
            self.mode = Mode::Detail;
        }
    }

    /// Enter outside pick mode: the detail takes the focus, zoomed where the panes are
    /// stacked and the detail would get half a narrow screen.
    pub(super) fn open_detail(&mut self) {
        if self.visible.is_empty() {
            return;
        }
        self.mode = Mode::Detail;
        self.acting.zoomed = self.size.width < SIDE_BY_SIDE || self.time_full_width();
    }

    /// Enter: in pick mode the explorer ends with the chosen events, else the detail opens.
    pub(super) fn accept(&mut self) -> Option<Effect> {
        if !self.pick_mode {
            self.open_detail();
            return None;
        }
        Some(Effect::Exit(Exit::Accept(self.chosen())))
    }

    /// Space: toggles the marks of the selected event and the `n - 1` after it (a count).
    pub(super) fn toggle_mark(&mut self, n: usize) {
        let ids: Vec<EventId> = self
            .visible
            .iter()
            .skip(self.selected)
            .take(n)
            .copied()
            .collect();
        for id in &ids {
            if !self.marked.remove(id) {
                self.marked.insert(*id);
            }
        }
        // Like a file manager: marking moves on, so Space Space … marks a run.
        self.move_by(ids.len().cast_signed());
    }

    /// Tab in pick mode (fzf): mark the selected event and move down.
    fn mark_down(&mut self) {
        if let Some(id) = self.selected_event() {
            self.marked.insert(id);
            self.move_by(1);
        }
    }

    /// Shift-Tab in pick mode: unmark the selected event and move up.
    fn unmark_up(&mut self) {
        if let Some(id) = self.selected_event() {
            self.marked.remove(&id);
            self.move_by(-1);
        }
    }

    /// Whether the detail pane covers the screen.
    pub fn zoomed(&self) -> bool {
        self.acting.zoomed
    }
}

/// How the status line names a format.
fn format_label(format: Format) -> &'static str {
    match format {
        Format::Markdown => "Markdown",
        Format::Json => "JSON",
        Format::Ron => "RON",
        Format::Text => "text",
        Format::Line => "lines",
        Format::Id => "ids",
        Format::Csv => "CSV",
    }
}

/// An `http://` or `https://` address of printable ASCII: safe to hand to a browser and
/// to write inside an escape sequence.
pub fn is_web_address(address: &str) -> bool {
    let rest = ["https://", "http://"].iter().find_map(|scheme| {
        address
            .get(..scheme.len())
            .filter(|s| s.eq_ignore_ascii_case(scheme))
            .map(|_| &address[scheme.len()..])
    });
    rest.is_some_and(|rest| !rest.is_empty()) && address.bytes().all(|b| b.is_ascii_graphic())
}
