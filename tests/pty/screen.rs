//! Reading a parsed screen and the raw byte log: where text is, what a pane says, which
//! escape sequences were written and in what order.

/// (rows, columns) of the screen.
pub fn size(screen: &vt100::Screen) -> (u16, u16) {
    let (rows, cols) = screen.size();
    (rows.get(), cols.get())
}

/// The bottom row: the explorer's status line.
pub fn status_line(screen: &vt100::Screen) -> String {
    let (_, cols) = size(screen);
    screen
        .rows(0, cols)
        .last()
        .unwrap_or_default()
        .trim_end()
        .to_owned()
}

/// One row as text, with each byte of the text mapped to the column of its cell, so a
/// match in the text can be turned back into a screen position.
fn row_text(screen: &vt100::Screen, row: u16) -> (String, Vec<u16>) {
    let (_, cols) = size(screen);
    let mut text = String::new();
    let mut columns = Vec::new();
    for col in 0..cols {
        let Some(cell) = screen.cell(row, col) else {
            continue;
        };
        if cell.is_wide_continuation() {
            continue;
        }
        let contents = if cell.has_contents() {
            cell.contents()
        } else {
            " "
        };
        text.push_str(contents);
        columns.resize(text.len(), col);
    }
    (text, columns)
}

/// The first (row, column) where `needle` is drawn, scanning rows top-down and each row
/// left to right.
pub fn find(screen: &vt100::Screen, needle: &str) -> Option<(u16, u16)> {
    let (rows, _) = size(screen);
    (0..rows).find_map(|row| {
        let (text, columns) = row_text(screen, row);
        text.find(needle).map(|i| (row, columns[i]))
    })
}

/// A bordered pane: the rows and columns of its border.
#[derive(Clone, Copy, Debug)]
pub struct Pane {
    top: u16,
    left: u16,
    right: u16,
    bottom: u16,
}

impl Pane {
    /// The pane whose top-left corner is at this cell.
    fn at(screen: &vt100::Screen, (top, left): (u16, u16)) -> Option<Pane> {
        let (rows, cols) = size(screen);
        let is = |row, col, corner| {
            screen
                .cell(row, col)
                .is_some_and(|cell| cell.contents() == corner)
        };
        let right = (left + 1..cols).find(|&c| is(top, c, "╮"))?;
        let bottom = (top + 1..rows).find(|&r| is(r, left, "╰"))?;
        Some(Pane {
            top,
            left,
            right,
            bottom,
        })
    }

    /// The pane titled `title`.
    pub fn titled(screen: &vt100::Screen, title: &str) -> Option<Pane> {
        Pane::at(screen, find(screen, &format!("╭ {title} "))?)
    }

    /// The first pane from the top left: the event list.
    pub fn first(screen: &vt100::Screen) -> Option<Pane> {
        Pane::at(screen, find(screen, "╭")?)
    }

    fn inner_rows(self, screen: &vt100::Screen) -> impl Iterator<Item = (u16, String)> + '_ {
        let rows = self.top + 1..self.bottom;
        screen
            .rows(self.left + 1, self.right - self.left - 1)
            .skip(usize::from(self.top) + 1)
            .zip(rows)
            .map(|(text, row)| (row, text))
    }

    /// The text inside, its lines joined and whitespace collapsed, so that wrapped text
    /// compares equal to the unwrapped original.
    pub fn text(self, screen: &vt100::Screen) -> String {
        collapse(
            &self
                .inner_rows(screen)
                .map(|(_, text)| text)
                .collect::<Vec<_>>()
                .join(" "),
        )
    }

    /// The first (row, column) inside the pane where `needle` is drawn.
    pub fn find(self, screen: &vt100::Screen, needle: &str) -> Option<(u16, u16)> {
        self.inner_rows(screen).find_map(|(row, text)| {
            let col = text.find(needle).map(|i| text[..i].chars().count())?;
            Some((row, self.left + 1 + u16::try_from(col).ok()?))
        })
    }
}

/// Whether the detail pane shows this title (possibly wrapped over several lines).
pub fn detail_shows(screen: &vt100::Screen, title: &str) -> bool {
    Pane::titled(screen, "Detail").is_some_and(|pane| pane.text(screen).contains(&collapse(title)))
}

pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The parameters of every SGR sequence (`ESC [ … m`) in the byte log, as `"38;5;39"`.
pub fn sgr_params(raw: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = raw;
    while let Some(start) = find_bytes(rest, b"\x1b[") {
        let body = &rest[start + 2..];
        // A CSI sequence ends at its first byte in 0x40..=0x7e.
        let Some(end) = body.iter().position(|b| (0x40..=0x7e).contains(b)) else {
            break;
        };
        if body[end] == b'm' {
            found.push(String::from_utf8_lossy(&body[..end]).into_owned());
        }
        rest = &body[end + 1..];
    }
    found
}

/// Whether any SGR sequence sets a 256-colour or true-colour foreground or background.
pub fn sets_colour(params: &str) -> bool {
    let fields: Vec<&str> = params.split(';').collect();
    fields
        .windows(2)
        .any(|w| matches!(w, ["38" | "48", "5" | "2"]))
}

/// Whether an SGR sequence turns on reverse video (`7`, alone or among others).
pub fn sets_reverse(params: &str) -> bool {
    params.split(';').any(|p| p == "7")
}

pub fn find_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

pub fn rfind_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// Sequences that take the terminal: alternate screen, hidden cursor, mouse reporting.
pub const ENTERING: [&str; 3] = ["\x1b[?1049h", "\x1b[?25l", "\x1b[?1000h"];

/// Their opposites; crossterm 0.29's `DisableMouseCapture` ends with `?1000l` after
/// turning off the 1006, 1015, 1003 and 1002 modes.
pub const RESTORING: [&str; 4] = ["\x1b[?1049l", "\x1b[?25h", "\x1b[?1000l", "\x1b[?1006l"];

/// Asserts that the terminal was taken and then given back: every entering sequence
/// appears, and every restoring sequence appears after the last of them and at or after
/// `since`. Returns where the restoring ends (the end of the last restoring sequence).
pub fn assert_restored(raw: &[u8], since: usize) -> usize {
    let last_enter = ENTERING
        .iter()
        .map(|seq| {
            rfind_bytes(raw, seq.as_bytes())
                .unwrap_or_else(|| panic!("{seq:?} was never written: the terminal was not taken"))
        })
        .max()
        .unwrap_or(0);
    let mut end = 0;
    for seq in RESTORING {
        let at = rfind_bytes(raw, seq.as_bytes())
            .unwrap_or_else(|| panic!("{seq:?} was never written: the terminal was not restored"));
        assert!(
            at > last_enter,
            "{seq:?} (last at byte {at}) was not written after the last entering sequence (byte {last_enter})"
        );
        assert!(
            at >= since,
            "{seq:?} (last at byte {at}) was written before byte {since}, not at the end"
        );
        end = end.max(at + seq.len());
    }
    end
}

/// Asserts that `stty -a` output shows a cooked terminal: canonical input and echo on.
pub fn assert_cooked(stty: &str) {
    let flags: Vec<&str> = stty
        .split(|c: char| c.is_whitespace() || c == ';')
        .collect();
    for flag in ["icanon", "echo"] {
        assert!(
            flags.contains(&flag),
            "stty does not show {flag:?}: raw mode was left on\n{stty}"
        );
        assert!(
            !flags.contains(&format!("-{flag}").as_str()),
            "stty shows -{flag}: raw mode was left on\n{stty}"
        );
    }
}
