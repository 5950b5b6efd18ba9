//! A large file read in pieces by every thread (`load::load` on a path from 4 MB): the
//! same timeline, and for a broken file the same report to the byte, as the whole text
//! parsed on one thread. Which way a load went shows in its phases: the piecewise way
//! never has a separate reading phase.

use afghan_timeline::load::{self, Input, LoadError, Phase, Progress};
use afghan_timeline::model::Timeline;

use crate::synth;

/// Events enough for a file past the 4 MB from which a file is parsed on every core.
const EVENTS: usize = 6_000;

fn outcome(result: Result<Timeline, LoadError>) -> Result<Timeline, String> {
    result.map_err(|e| match e {
        LoadError::Invalid(report) => format!("{}\n{report:?}", report.render(true)),
        other => other.to_string(),
    })
}

/// Whether this machine parses a large file on more than one thread: on a single core the
/// file is read whole, and only the results can be compared.
fn cores() -> bool {
    std::thread::available_parallelism().is_ok_and(|n| n.get() > 1)
}

/// Loads `text` from a file named `name` both ways: through the path, and as bytes on one
/// thread; and whether the path load read the file whole first.
fn both_ways(
    name: &str,
    text: &[u8],
) -> (Result<Timeline, String>, Result<Timeline, String>, bool) {
    let dir = std::env::temp_dir().join(format!("pieces-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, text).expect("written");
    let input = Input::Path(path.clone());
    let progress = Progress::default();
    let by_path = outcome(load::load_with(&input, &progress));
    let read_whole = progress.timings().iter().any(|(p, _)| *p == Phase::Reading);
    let one_thread = outcome(load::parse_bytes_on(text.to_vec(), &input.name(), 1));
    std::fs::remove_file(&path).expect("removed");
    (by_path, one_thread, read_whole)
}

/// The first byte of a line at about `fraction` of the text.
fn line_at(text: &str, fraction: f64) -> usize {
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    let at = (text.len() as f64 * fraction) as usize;
    text.as_bytes()[at..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(at, |n| at + n + 1)
}

fn big() -> String {
    let text = synth::generate_string(EVENTS, 11);
    assert!(text.len() > 4 << 20, "only {} bytes", text.len());
    text
}

#[test]
fn a_large_file_read_in_pieces_gives_the_one_thread_timeline() {
    let (by_path, one_thread, read_whole) = both_ways("big.ron", big().as_bytes());
    let timeline = one_thread.as_ref().expect("the generated file is valid");
    assert_eq!(timeline.events.len(), EVENTS);
    assert_eq!(by_path, one_thread);
    assert!(
        !read_whole || !cores(),
        "the file was read whole, not in pieces"
    );
    // With a byte order mark too.
    let bom = format!("\u{feff}{}", big());
    let (by_path, one_thread, read_whole) = both_ways("bom.ron", bom.as_bytes());
    assert!(one_thread.is_ok());
    assert_eq!(by_path, one_thread);
    assert!(!read_whole || !cores());
}

#[test]
fn a_large_file_with_problems_gives_the_one_thread_report() {
    let text = big();
    // A problem for the checks (an unknown actor), deep in the file.
    let at = line_at(&text, 0.75);
    let actor = at + text[at..].find("actors: [\"").expect("an actors list") + "actors: [\"".len();
    let unknown = format!("{}nobody-at-all\", \"{}", &text[..actor], &text[actor..]);
    let (by_path, one_thread, read_whole) = both_ways("unknown.ron", unknown.as_bytes());
    let report = one_thread
        .as_ref()
        .expect_err("an unknown actor is a problem");
    assert!(report.contains("nobody-at-all"), "{report}");
    assert_eq!(by_path, one_thread);
    assert!(
        !read_whole || !cores(),
        "the problem was found in pieces; only the report read it whole"
    );

    // A syntax error: the pieces fail, the file is read whole, ron has the word.
    let at = line_at(&text, 0.5);
    let title = at + text[at..].find("title: ").expect("a title");
    let broken = format!("{}title: title: {}", &text[..title], &text[title + 7..]);
    let (by_path, one_thread, read_whole) = both_ways("broken.ron", broken.as_bytes());
    assert!(one_thread.is_err());
    assert_eq!(by_path, one_thread);
    assert!(read_whole);

    // A lone CR inside a string is text, not a line end: the whole-text way keeps it.
    let at = line_at(&text, 0.25);
    let title = at + text[at..].find("title: \"").expect("a title") + "title: \"".len();
    let lone = format!("{}\r{}", &text[..title], &text[title..]);
    let (by_path, one_thread, read_whole) = both_ways("lone-cr.ron", lone.as_bytes());
    let timeline = one_thread.as_ref().expect("a CR in a string is valid");
    // The first `title` after the place is an event's or a source's.
    assert!(timeline.events.iter().any(|e| {
        e.title.starts_with('\r') || e.sources.iter().any(|s| s.title.starts_with('\r'))
    }));
    assert_eq!(by_path, one_thread);
    assert!(read_whole);

    // CRLF line ends are left to the whole-text way, with the same result.
    let crlf = text.replace('\n', "\r\n");
    let (by_path, one_thread, read_whole) = both_ways("crlf.ron", crlf.as_bytes());
    assert!(one_thread.is_ok());
    assert_eq!(by_path, one_thread);
    assert!(read_whole);
}
