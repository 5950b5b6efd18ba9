//! Whole-screen snapshots of the explorer at 120×40, 80×24 and 40×12, drawn into ratatui's
//! `TestBackend` with colours off (insta does not record colour; the style test below does).
//! Every snapshot also checks that colours off means it: no cell has a foreground or
//! background colour.

use afghan_timeline::load;
use afghan_timeline::query::Filter;
use afghan_timeline::tui::action::Action::{self, *};
use afghan_timeline::tui::app::{App, Settings};
use afghan_timeline::tui::view::Screen;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};

const SAMPLE: &str = include_str!("../fixtures/tui/sample.ron");
const SIZES: [(u16, u16); 3] = [(120, 40), (80, 24), (40, 12)];

fn screen(width: u16, height: u16, actions: &[Action]) -> Terminal<TestBackend> {
    let app = crate::common::colourless_app(SAMPLE, "sample.ron", width, height, actions);
    crate::common::draw_screen(&app, width, height)
}

fn snapshot_at_all_sizes(name: &str, actions: &[Action]) {
    for (w, h) in SIZES {
        let terminal = screen(w, h, actions);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), terminal.backend());
        assert_no_colour(&format!("{name}_{w}x{h}"), terminal.backend().buffer());
    }
}

/// Colours off: every cell keeps the terminal's own colours (emphasis may remain).
fn assert_no_colour(name: &str, buffer: &Buffer) {
    let coloured: Vec<(u16, u16)> = buffer
        .content()
        .iter()
        .enumerate()
        .filter(|(_, cell)| {
            cell.fg != Color::Reset
                || cell.bg != Color::Reset
                || cell.underline_color != Color::Reset
        })
        .map(|(i, _)| buffer.pos_of(i))
        .collect();
    assert!(
        coloured.is_empty(),
        "{name}: {} cells coloured with colours off, first at {:?}",
        coloured.len(),
        coloured.first()
    );
}

/// The check above can fail: the same screen with the theme's colours on has coloured cells.
#[test]
fn colours_on_do_colour_the_screen() {
    let timeline = load::parse(SAMPLE, "sample.ron").expect("the sample loads");
    let (mut app, _) = App::new(timeline, Filter::default(), Settings::default());
    app.update(Resize {
        width: 80,
        height: 24,
    });
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("test backend");
    terminal
        .draw(|f| f.render_widget(Screen { app: &app }, f.area()))
        .expect("draw");
    let buffer = terminal.backend().buffer();
    assert!(
        buffer.content().iter().any(|c| c.fg != Color::Reset),
        "the default theme colours something"
    );
    let caught = std::panic::catch_unwind(|| assert_no_colour("on", buffer));
    assert!(caught.is_err(), "the colours-off check sees colour");
}

fn search(text: &str) -> Vec<Action> {
    std::iter::once(StartSearch)
        .chain(text.chars().map(Action::typed))
        .collect()
}

#[test]
fn list() {
    snapshot_at_all_sizes("list", &[NextEvent, NextEvent]);
}

#[test]
fn detail_focused() {
    snapshot_at_all_sizes("detail", &[NextEvent, FocusDetail]);
}

#[test]
fn actor_picker() {
    snapshot_at_all_sizes("picker", &[OpenActorFilter, ActorDown, ActorToggle]);
}

#[test]
fn help_overlay() {
    snapshot_at_all_sizes("help", &[ToggleHelp]);
}

#[test]
fn empty_state() {
    let mut actions = search("zzzz");
    actions.push(SearchKeep);
    snapshot_at_all_sizes("empty", &actions);
}

#[test]
fn search_in_progress() {
    snapshot_at_all_sizes("search", &search("embassy"));
}

#[test]
fn too_small_shows_a_notice() {
    let terminal = screen(19, 5, &[]);
    let text: String = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(ratatui::buffer::Cell::symbol)
        .collect();
    assert!(text.starts_with("terminal too small"), "{text:?}");
    // 1×1 draws without panicking and says what it can.
    let terminal = screen(1, 1, &[]);
    assert_eq!(terminal.backend().buffer().content()[0].symbol(), "…");
}

/// The selected row is reverse video when colours are off, across the whole row, and no
/// other row is.
#[test]
fn selected_row_is_reverse_video_without_colour() {
    let terminal = screen(80, 24, &[NextEvent, NextEvent]);
    let buffer = terminal.backend().buffer();
    // Find the row that shows the selected title.
    let row_of = |needle: &str| {
        (0..buffer.area.height).find(|&y| {
            let line: String = (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect();
            line.contains(needle)
        })
    };
    let y = row_of("The League condemns the war").expect("selected title on screen");
    let line_area = Rect::new(1, y, 78, 1);
    // Mark column (2), date padded to the sample's widest date ("28 Feb 1921", 11), a
    // space, the title, badges flush right.
    let title = "The League condemns the war";
    let badges = "league north";
    let text = format!(
        "  {:<11} {title}{}{badges}",
        "Jun 1950",
        " ".repeat(78 - 14 - title.len() - badges.len())
    );
    let mut expected = Buffer::with_lines([text]);
    let reversed = Style::new().add_modifier(Modifier::REVERSED);
    let bold_reversed = Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD);
    expected.set_style(Rect::new(0, 0, 78, 1), reversed);
    expected.set_style(Rect::new(0, 0, 2, 1), bold_reversed); // the mark column is bold
    expected.set_style(Rect::new(14, 0, 27, 1), bold_reversed); // the selected title is bold
    let mut actual = Buffer::empty(Rect::new(0, 0, 78, 1));
    for x in 0..78 {
        actual[(x, 0)] = buffer[(line_area.x + x, y)].clone();
    }
    assert_eq!(actual, expected);
    // The row above (another event) is not reversed.
    let above = row_of("Border war begins").expect("previous event on screen");
    assert!(!buffer[(5, above)].modifier.contains(Modifier::REVERSED));
}

fn typed(open: Action, each: fn(char) -> Action, text: &str) -> Vec<Action> {
    std::iter::once(open)
        .chain(text.chars().map(each))
        .collect()
}

/// The range prompt after a bad range: what was typed, and why it is wrong, in the status line.
#[test]
fn range_prompt_with_a_bad_range() {
    let mut actions = typed(OpenRange, Action::typed, "1989..19x9");
    actions.push(RangeApply);
    snapshot_at_all_sizes("range_error", &actions);
}

/// Every filter in force, and the position, in the status line.
#[test]
fn status_line_with_range_actors_and_query() {
    let mut actions = typed(OpenRange, Action::typed, "1950..");
    actions.extend([RangeApply, OpenActorFilter, ActorToggle, ActorApply]);
    actions.extend(typed(StartSearch, Action::typed, "war"));
    actions.extend([SearchKeep, NextEvent]);
    snapshot_at_all_sizes("filtered", &actions);
}

/// The actor picker narrowed by typing, one actor selected.
#[test]
fn actor_picker_narrowed_by_typing() {
    let mut actions = typed(OpenActorFilter, Action::typed, "land");
    actions.push(ActorToggle);
    snapshot_at_all_sizes("picker_typed", &actions);
}
