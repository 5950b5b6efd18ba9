//! Whether output may be coloured. `NO_COLOR` (no-color.org) is read once, when the program
//! starts, into a [`Colors`] that every path styling text is handed: the explorer's theme,
//! the loading screen, the diagnostics on stderr.

use std::io::IsTerminal;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Colors {
    wanted: bool,
}

impl Colors {
    /// The one reading of `NO_COLOR`: colour unless it is set to something non-empty.
    pub fn from_env() -> Colors {
        Colors::new(std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()))
    }

    pub const fn new(wanted: bool) -> Colors {
        Colors { wanted }
    }

    /// Whether colour is wanted at all (a terminal program that draws knows it has one).
    pub const fn wanted(self) -> bool {
        self.wanted
    }

    /// Whether colour may go to this stream: wanted, and the stream is a terminal.
    pub fn on(self, stream: &impl IsTerminal) -> bool {
        self.wanted && stream.is_terminal()
    }
}
