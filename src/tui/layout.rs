//! Where each pane goes for a terminal size. Shared by `update` (scrolling, mouse hits) and
//! the views, so what is scrolled is exactly what is drawn.

use ratatui::layout::{Constraint, Layout, Margin, Rect};

/// Below this the explorer shows a one-line notice instead of panes.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 6;
/// From this width on, the detail pane sits beside the list instead of below it.
pub const SIDE_BY_SIDE: u16 = 100;

/// A pane's one-cell border, inside which its rows are.
const BORDER: Margin = Margin::new(1, 1);

/// The panes' rectangles; a zero-sized rectangle is a pane that does not fit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Areas {
    pub axis: Rect,
    /// The list including its border.
    pub list: Rect,
    /// The rows inside the list's border.
    pub list_inner: Rect,
    pub detail: Rect,
    pub detail_inner: Rect,
    pub status: Rect,
}

/// Whether a terminal of this size can show the explorer at all.
pub fn fits(area: Rect) -> bool {
    area.width >= MIN_WIDTH && area.height >= MIN_HEIGHT
}

/// Rows of era bands in an axis strip `height` rows high: the rows above the marks and
/// the year labels.
pub fn band_rows(height: u16) -> usize {
    usize::from(height.saturating_sub(2))
}

/// The detail pane's width beside the list: 38 % of the screen, at least
/// [`DETAIL_BESIDE`] columns. Text reads well in a column of 46 to 70 characters, so the
/// list, whose rows are cut to one line each, takes the rest: at 120 columns a title shows
/// 8 more characters than with an even split (45 % for the detail).
fn detail_width(width: u16) -> u16 {
    (width.saturating_mul(38) / 100)
        .max(DETAIL_BESIDE)
        .min(width / 2)
}

/// The narrowest detail pane beside the list.
pub const DETAIL_BESIDE: u16 = 46;

/// `detail_focused`: on a terminal too short for both panes, the detail replaces the list.
pub fn areas(area: Rect, detail_focused: bool) -> Areas {
    areas_with_eras(area, detail_focused, 1)
}

/// The panes with `era_rows` rows of era bands above the axis when the terminal is tall
/// enough (a second row only from 24 rows on, so that overlapping eras each keep their
/// name without costing a short terminal a list row).
pub fn areas_with_eras(area: Rect, detail_focused: bool, era_rows: u16) -> Areas {
    if !fits(area) {
        return Areas::default();
    }
    let axis_rows = match area.height {
        h if h >= 24 && era_rows >= 2 => 4,
        h if h >= 20 => 3,
        h if h >= 12 => 2,
        _ => 0,
    };
    let [axis, body, status] = Layout::vertical([
        Constraint::Length(axis_rows),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(area);
    let (list, detail) = if area.width >= SIDE_BY_SIDE {
        let [list, detail] = Layout::horizontal([
            Constraint::Fill(1),
            Constraint::Length(detail_width(area.width)),
        ])
        .areas(body);
        (list, detail)
    } else if body.height >= 12 {
        let [list, detail] =
            Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(body);
        (list, detail)
    } else if detail_focused {
        (Rect::default(), body)
    } else {
        (body, Rect::default())
    };
    Areas {
        axis,
        list,
        list_inner: list.inner(BORDER),
        detail,
        detail_inner: detail.inner(BORDER),
        status,
    }
}

/// The panes with the strip above the list given to the list: the time view shows time
/// itself, so the strip would only repeat it.
pub fn without_axis(areas: Areas) -> Areas {
    if areas.axis.height == 0 || areas.list.area() == 0 {
        return areas;
    }
    let list = Rect {
        y: areas.axis.y,
        height: areas.list.height + areas.axis.height,
        ..areas.list
    };
    // Side by side, the detail pane takes the rows too.
    let detail = if areas.detail.y == areas.list.y {
        Rect {
            y: areas.axis.y,
            height: areas.detail.height + areas.axis.height,
            ..areas.detail
        }
    } else {
        areas.detail
    };
    Areas {
        axis: Rect::default(),
        list,
        list_inner: list.inner(BORDER),
        detail,
        detail_inner: detail.inner(BORDER),
        ..areas
    }
}

/// The panes with the detail's room given to the list's pane (the time view's `z`): the
/// detail opens over the screen instead ([`zoomed`]).
pub fn full_width(areas: Areas) -> Areas {
    if areas.list.area() == 0 {
        return areas;
    }
    let list = if areas.detail.area() == 0 {
        areas.list
    } else {
        areas.list.union(areas.detail)
    };
    Areas {
        list,
        list_inner: list.inner(BORDER),
        detail: Rect::default(),
        detail_inner: Rect::default(),
        ..areas
    }
}

/// The detail pane over everything but the status line (`z`, or Enter on a narrow screen).
pub fn zoomed(area: Rect) -> Areas {
    if !fits(area) {
        return Areas::default();
    }
    let [detail, status] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(1)]).areas(area);
    Areas {
        detail,
        detail_inner: detail.inner(BORDER),
        status,
        ..Areas::default()
    }
}
