//! Colours and emphasis. With `NO_COLOR` every style falls back to bold, dim, underline
//! and reverse video: colour is never the only signal.

use ratatui::style::{Color, Modifier, Style};

use crate::model::ActorId;

/// Distinct, readable on dark and light backgrounds.
const ACTOR_COLORS: [Color; 10] = [
    Color::Indexed(39),  // blue
    Color::Indexed(208), // orange
    Color::Indexed(34),  // green
    Color::Indexed(170), // magenta
    Color::Indexed(178), // gold
    Color::Indexed(44),  // teal
    Color::Indexed(167), // red
    Color::Indexed(141), // violet
    Color::Indexed(107), // olive
    Color::Indexed(175), // pink
];

/// Era bands: muted, so the event marks on top stay readable. Eras are numbered in order
/// of their start, so eras next to each other in time never share a colour, and up
/// to twelve eras each have their own (the built-in seven shared one with six).
const ERA_COLORS: [Color; 12] = [
    Color::Indexed(24),
    Color::Indexed(58),
    Color::Indexed(53),
    Color::Indexed(23),
    Color::Indexed(94),
    Color::Indexed(60),
    Color::Indexed(22),
    Color::Indexed(88),
    Color::Indexed(17),
    Color::Indexed(130),
    Color::Indexed(65),
    Color::Indexed(96),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    fn pick(self, colored: Style, plain: Style) -> Style {
        if self.color { colored } else { plain }
    }

    pub fn selected(self) -> Style {
        self.pick(
            Style::new()
                .bg(Color::Indexed(238))
                .add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::REVERSED),
        )
    }

    pub fn date(self) -> Style {
        self.pick(Style::new().fg(Color::Indexed(109)), Style::new())
    }

    pub fn dim(self) -> Style {
        self.pick(
            Style::new().fg(Color::Indexed(244)),
            Style::new().add_modifier(Modifier::DIM),
        )
    }

    pub fn title(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn heading(self) -> Style {
        self.pick(
            Style::new()
                .fg(Color::Indexed(179))
                .add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        )
    }

    pub fn accent(self) -> Style {
        self.pick(
            Style::new()
                .fg(Color::Indexed(214))
                .add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    pub fn mark(self) -> Style {
        self.pick(
            Style::new()
                .fg(Color::Indexed(214))
                .add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    pub fn border(self, focused: bool) -> Style {
        match (self.color, focused) {
            (true, true) => Style::new().fg(Color::Indexed(214)),
            (true, false) => Style::new().fg(Color::Indexed(240)),
            (false, true) => Style::new().add_modifier(Modifier::BOLD),
            (false, false) => Style::new().add_modifier(Modifier::DIM),
        }
    }

    pub fn actor(self, id: ActorId) -> Style {
        self.pick(
            Style::new().fg(ACTOR_COLORS[id.index() % ACTOR_COLORS.len()]),
            Style::new(),
        )
    }

    pub fn era(self, index: usize) -> Style {
        self.pick(
            Style::new()
                .bg(ERA_COLORS[index % ERA_COLORS.len()])
                .fg(Color::Indexed(252)),
            Style::new().add_modifier(Modifier::UNDERLINED),
        )
    }

    /// An era's name where it runs on past its band: the band's colour as the text's,
    /// plain without colour (the underline stays the band's own).
    pub fn era_overhang(self, index: usize) -> Style {
        self.pick(
            Style::new().fg(ERA_COLORS[index % ERA_COLORS.len()]),
            Style::new(),
        )
    }

    pub fn link(self) -> Style {
        self.pick(
            Style::new()
                .fg(Color::Indexed(75))
                .add_modifier(Modifier::UNDERLINED),
            Style::new().add_modifier(Modifier::UNDERLINED),
        )
    }

    /// Where a query word matched: in list rows and the detail pane.
    pub fn highlight(self) -> Style {
        self.pick(
            Style::new()
                .fg(Color::Indexed(16))
                .bg(Color::Indexed(178))
                .add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        )
    }

    pub fn warning(self) -> Style {
        self.pick(
            Style::new()
                .fg(Color::Indexed(178))
                .add_modifier(Modifier::ITALIC),
            Style::new().add_modifier(Modifier::ITALIC),
        )
    }
}
