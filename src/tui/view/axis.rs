//! The time axis: every visible event placed proportionally in time, era bands above,
//! years below, the selection marked. Long empty stretches fold into `╌ 32 y ╌` so that
//! dense years stay readable.
//!
//! The scale is built from the *years* that have events, found by binary search over the
//! sorted visible list, and each column counts its events by binary search too: the cost is
//! O(width · log n) per frame, whatever the number of events.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use super::text::{fit_clean, width};
use crate::model::{EventId, day_number};
use crate::tui::app::App;
use crate::tui::theme::Theme;

/// Empty years that fold, at least.
const FOLD_MIN_YEARS: i32 = 8;

/// One stretch of the axis: a run of years drawn to scale, or a fold.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Segment {
    Scale {
        first: i32,
        last: i32,
        x: u16,
        width: u16,
    },
    Fold {
        years: i32,
        x: u16,
        width: u16,
    },
}

/// Days since the common era of 1 January of `year`.
fn year_start(year: i32) -> i32 {
    chrono::NaiveDate::from_ymd_opt(year, 1, 1).map_or(0, day_number)
}

/// The years with visible events, ascending; O(years · log n).
fn years(app: &App) -> Vec<i32> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < app.visible.len() {
        let y = app.timeline.event(app.visible[i]).date.year();
        out.push(y);
        i += app.visible[i..].partition_point(|id| app.timeline.event(*id).date.year() <= y);
    }
    out
}

/// Lays the years out over `width` columns, folding long gaps when there is room.
fn segments(years: &[i32], width: u16) -> Vec<Segment> {
    let (Some(&first), Some(&last)) = (years.first(), years.last()) else {
        return Vec::new();
    };
    let mut runs: Vec<(i32, i32)> = vec![(first, first)];
    for &y in &years[1..] {
        let run = runs.last_mut().expect("runs starts non-empty");
        if y - run.1 > FOLD_MIN_YEARS {
            runs.push((y, y));
        } else {
            run.1 = y;
        }
    }
    let folds = runs.len() - 1;
    let fold_width = |gap: i32| u16::try_from(width_of_fold(gap)).unwrap_or(u16::MAX);
    let fold_total: u16 = runs
        .windows(2)
        .map(|w| fold_width(w[1].0 - w[0].1 - 1))
        .sum();
    let span_years: i32 = runs.iter().map(|(a, b)| b - a + 1).sum();
    // Without room for folds and a few columns per run, draw one linear scale.
    if folds == 0 || fold_total + u16::try_from(runs.len() * 4).unwrap_or(u16::MAX) > width {
        return vec![Segment::Scale {
            first,
            last,
            x: 0,
            width,
        }];
    }
    let scale_width = i64::from(width - fold_total);
    let mut out = Vec::new();
    let (mut x, mut years_done, mut scale_used) = (0u16, 0i64, 0u16);
    for (n, &(a, b)) in runs.iter().enumerate() {
        if n > 0 {
            let gap = a - runs[n - 1].1 - 1;
            let w = fold_width(gap);
            out.push(Segment::Fold {
                years: gap,
                x,
                width: w,
            });
            x += w;
        }
        // Cumulative rounding, so the runs fill the scale exactly.
        years_done += i64::from(b - a + 1);
        let target =
            u16::try_from(scale_width * years_done / i64::from(span_years)).unwrap_or(width);
        let w = target
            .saturating_sub(scale_used)
            .max(1)
            .min(width.saturating_sub(x).max(1));
        scale_used += w;
        out.push(Segment::Scale {
            first: a,
            last: b,
            x,
            width: w,
        });
        x += w;
    }
    out
}

fn fold_label(years: i32) -> String {
    format!("╌{years}y╌")
}

fn width_of_fold(years: i32) -> usize {
    width(&fold_label(years))
}

/// The column (relative) where a day falls.
fn column_of(segs: &[Segment], day: i32) -> Option<u16> {
    for s in segs {
        if let Segment::Scale {
            first,
            last,
            x,
            width,
        } = *s
        {
            let (start, end) = (year_start(first), year_start(last + 1));
            if day < end || matches!(segs.last(), Some(l) if l == s) {
                let day = day.clamp(start, end - 1);
                let offset =
                    i64::from(day - start) * i64::from(width) / i64::from((end - start).max(1));
                return Some(x + u16::try_from(offset).unwrap_or(0).min(width - 1));
            }
        }
    }
    None
}

/// The days `[start, end)` a column covers, when it is on a scale.
fn days_of(segs: &[Segment], col: u16) -> Option<(i32, i32)> {
    segs.iter().find_map(|s| match *s {
        Segment::Scale {
            first,
            last,
            x,
            width,
        } if col >= x && col < x + width => {
            let (start, end) = (year_start(first), year_start(last + 1));
            let span = i64::from(end - start);
            let at = |c: u16| {
                start + i32::try_from(span * i64::from(c - x) / i64::from(width)).unwrap_or(0)
            };
            Some((
                at(col),
                if col + 1 == x + width {
                    end
                } else {
                    at(col + 1)
                },
            ))
        }
        _ => None,
    })
}

/// Visible indices of the events in `[start, end)` days.
fn range_of(app: &App, (start, end): (i32, i32)) -> (usize, usize) {
    let key = |id: &EventId| app.index.first_day(*id);
    (
        app.visible.partition_point(|id| key(id) < start),
        app.visible.partition_point(|id| key(id) < end),
    )
}

/// The event under column `col` of the axis in `area`, for mouse clicks.
pub fn event_at(app: &App, area: Rect, col: u16) -> Option<EventId> {
    let (a, b) = range_of(app, days_of(&app.axis.segs, col.checked_sub(area.x)?)?);
    (a < b).then(|| app.visible[a])
}

/// The axis's scale and per-column counts for one visible list and width. `update` builds
/// it when either changes, so a frame draws it without touching the events.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AxisModel {
    segs: Vec<Segment>,
    counts: Vec<usize>,
}

impl AxisModel {
    pub fn build(app: &App, width: u16) -> AxisModel {
        if app.visible.is_empty() || width == 0 {
            return AxisModel::default();
        }
        let segs = segments(&years(app), width);
        let counts = (0..width)
            .map(|col| {
                days_of(&segs, col).map_or(0, |r| {
                    let (a, b) = range_of(app, r);
                    b - a
                })
            })
            .collect();
        AxisModel { segs, counts }
    }
}

pub struct Axis<'a> {
    pub app: &'a App,
    pub theme: Theme,
}

impl Widget for Axis<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        if area.height == 0 || area.width < 4 || app.visible.is_empty() {
            return;
        }
        let segs = &app.axis.segs;
        let rows = area.height;
        let (band_y, marks_y, labels_y) = match rows {
            1 => (None, area.y, None),
            2 => (None, area.y, Some(area.y + 1)),
            _ => (Some(area.y), area.y + 1, Some(area.y + 2)),
        };
        if let Some(y) = band_y {
            self.bands(segs, area.x, y, area.width, buf);
        }
        self.marks(segs, area.x, marks_y, buf);
        if let Some(y) = labels_y {
            labels(segs, area.x, y, area.width, self.theme, buf);
        }
    }
}

impl Axis<'_> {
    fn bands(&self, segs: &[Segment], x0: u16, y: u16, width: u16, buf: &mut Buffer) {
        let app = self.app;
        for (n, era) in app.timeline.eras.iter().enumerate() {
            // An ongoing era runs to the axis's right edge (`column_of` clamps there).
            let end = era.last_day().map_or(i32::MAX, day_number);
            let (Some(a), Some(b)) = (column_of(segs, era.start.sort_key()), column_of(segs, end))
            else {
                continue;
            };
            // Eras entirely outside the shown years are skipped.
            let first_day = segs.first().and_then(|s| {
                if let Segment::Scale { first, .. } = s {
                    Some(year_start(*first))
                } else {
                    None
                }
            });
            if first_day.is_some_and(|d| end < d) {
                continue;
            }
            let len = usize::from(b.saturating_sub(a) + 1);
            // A leading space keeps adjacent bands' names apart; an ongoing era's band
            // ends in an arrow, since it runs on past the axis.
            let arrow = if era.end.is_none() && len >= 3 {
                "→"
            } else {
                ""
            };
            let room = len.saturating_sub(1 + super::text::width(arrow));
            let name = fit_clean(&era.name, room);
            let text = format!(" {name:<room$}{arrow}");
            if a < width {
                buf.set_stringn(x0 + a, y, &text, usize::from(width - a), self.theme.era(n));
            }
        }
    }

    fn marks(&self, segs: &[Segment], x0: u16, y: u16, buf: &mut Buffer) {
        let app = self.app;
        let counts = &app.axis.counts;
        let max = counts.iter().copied().max().unwrap_or(1).max(1);
        for (col, &n) in counts.iter().enumerate() {
            let col = u16::try_from(col).unwrap_or(0);
            if n > 0 {
                // Four heights, scaled to the busiest column.
                let glyph = ["▂", "▄", "▆", "█"][((n * 4 - 1) / max).min(3)];
                buf.set_string(x0 + col, y, glyph, self.theme.date());
            }
        }
        for s in segs {
            if let Segment::Fold { years, x, .. } = *s {
                buf.set_string(x0 + x, y, fold_label(years), self.theme.dim());
            }
        }
        if let Some(id) = app.selected_event()
            && let Some(col) = column_of(segs, app.index.first_day(id))
        {
            buf.set_string(
                x0 + col,
                y,
                "◆",
                self.theme
                    .accent()
                    .patch(Style::new().add_modifier(ratatui::style::Modifier::REVERSED)),
            );
        }
    }
}

/// Year labels at the start of each scale and then wherever they fit.
fn labels(segs: &[Segment], x0: u16, y: u16, width: u16, theme: Theme, buf: &mut Buffer) {
    let mut free_from = 0u16;
    for s in segs {
        if let Segment::Scale {
            first,
            last,
            x,
            width: w,
        } = *s
        {
            let step = ((last - first + 1) * 5 / i32::from(w.max(1))).max(1);
            let step = [1, 2, 5, 10, 20, 25, 50, 100]
                .into_iter()
                .find(|&s| s >= step)
                .unwrap_or(100);
            let mut year = first;
            while year <= last {
                if let Some(col) = column_of(segs, year_start(year)) {
                    let label = year.to_string();
                    let len = u16::try_from(label.len()).unwrap_or(4);
                    if col >= free_from
                        && col + len <= width
                        && (year == first || col + len <= x + w)
                    {
                        buf.set_string(x0 + col, y, &label, theme.dim());
                        free_from = col + len + 1;
                    }
                }
                year = if year == first {
                    (first / step + 1) * step
                } else {
                    year + step
                };
            }
        }
    }
}
