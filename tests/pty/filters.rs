//! Filters you can see and undo, in a real terminal: the keys whose bytes a terminal
//! sends as sequences (Home, End, a lone Esc) and Esc never quitting, which only the real
//! binary reading a real terminal can show.

use super::reference::{actors, events, ids};
use super::screen::status_line;
use super::session::Spawn;

/// The actor picker's row for an actor, checked or not.
fn row(checked: bool, name: &str) -> String {
    format!("[{}] {name}", if checked { 'x' } else { ' ' })
}

#[test]
fn range_picker_and_esc_in_a_real_terminal() {
    let total = events().len();
    let actors = actors();
    let (first, last) = (&actors[0].1, &actors[actors.len() - 1].1);
    let mut s = Spawn::app(&[]).start();
    s.wait_drawn(total);

    // `r`: the range prompt; a bad range says why and keeps the prompt.
    s.send("r19x9\r");
    s.wait_for_text("'19x9' is not a date");
    s.send("\x15..1989\r");
    let before = ids(&["--to", "1989"]).len();
    let ranged = format!("/{before} of {total} events · ..1989");
    s.wait_for(&format!("status {ranged:?}"), |screen| {
        status_line(screen).contains(&ranged)
    });

    // The picker: End and Home arrive as escape sequences; Space toggles. The tags follow
    // the actors, so End reaches the last actor once the typed id leaves it last.
    s.send("a");
    s.wait_for_text("Actors and tags · match any of the required");
    s.send(&actors[actors.len() - 1].0);
    s.send("\x1b[F ");
    s.wait_for_text(&row(true, last));
    s.send("\x15\x1b[H ");
    s.wait_for_text(&row(true, first));
    // Typing narrows: the last actor's id leaves it alone on screen with its check.
    s.send(&actors[actors.len() - 1].0);
    s.wait_for("the picker narrowed to one actor", |screen| {
        let text = screen.contents();
        text.contains(&row(true, last)) && !text.contains(&row(true, first))
    });
    s.send("\r");
    s.wait_for("both actors in the status line", |screen| {
        status_line(screen).contains(&format!("actors: {first}, {last}"))
    });

    // Esc peels: the actors, then the range; each its own key, waited for.
    s.send("\x1b");
    s.wait_for("the actors cleared", |screen| {
        let status = status_line(screen);
        status.contains(&ranged) && !status.contains("actors:")
    });
    s.send("\x1b");
    let all = format!("/{total} events");
    s.wait_for("the range cleared", |screen| {
        status_line(screen).contains(&all)
    });
    // The selection stayed on its event: where it is now among all of them.
    let at: usize = s.with_screen(|screen| {
        let status = status_line(screen);
        let (position, _) = status.split_once('/').expect("a position");
        position.parse().expect("a number")
    });
    // Nothing left: Esc does nothing. The resize and the key after it are only drawn if
    // the explorer is still running.
    s.send("\x1b");
    s.resize(100, 30);
    s.wait_for("a redraw at 100 columns", |screen| {
        status_line(screen).chars().count() > 80
    });
    s.send("3j");
    let moved = format!("{}/{total} events", at + 3);
    s.wait_for("the explorer still running after Esc", |screen| {
        status_line(screen).starts_with(&moved)
    });

    // `c` clears everything at once and says so.
    s.send("/war\r");
    s.wait_for_text("query: \"war\"");
    s.send("c");
    s.wait_for_text("cleared: query");
    s.send("q");
    assert_eq!(s.wait_exit(), 0, "q quits");
}
