//! A timeline full of mistakes, shared by the `problems` benchmark and the hostile tests
//! (included by path): every event holds four problems (a day that does not exist, an id
//! with a capital letter, an unknown actor, an unknown related event), in file order.

use std::fmt::Write as _;

/// A timeline with `problems` problems, four to an event.
pub fn timeline(problems: usize) -> String {
    let mut text =
        String::from("(title: \"t\", actors: [(id: \"a\", name: \"A\", kind: State)], events: [\n");
    for i in 0..problems / 4 {
        let _ = writeln!(
            text,
            "(id: \"E{i}\", date: \"1979-02-30\", title: \"x\", summary: \"s\", actors: [\"zz{i}\"], \
             sources: [(publisher: \"p\", title: \"t\")], related: [\"nowhere-{i}\"]),"
        );
    }
    text.push_str("])\n");
    text
}
