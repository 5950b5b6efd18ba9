//! The events-list splitter and the parallel loader on arbitrary bytes: the splitter never
//! panics and returns ordered elements inside the list, and loading on two threads gives
//! exactly what loading on one gives: the same timeline, or the same report to the byte.

#![no_main]

use afghan_timeline::load::{self, LoadError};
use libfuzzer_sys::fuzz_target;

fn outcome(result: Result<afghan_timeline::model::Timeline, LoadError>) -> String {
    match result {
        Ok(timeline) => format!("{timeline:?}"),
        Err(LoadError::Invalid(report)) => format!("{}\n{report:?}", report.render(true)),
        Err(e) => e.to_string(),
    }
}

fuzz_target!(|data: &[u8]| {
    if let Some(split) = load::split(data) {
        assert!(split.open < split.close && split.close < data.len());
        let mut at = split.open + 1;
        for item in &split.items {
            assert!(item.start >= at && item.start < item.end && item.end <= split.close);
            at = item.end + 1;
        }
    }
    let single = outcome(load::parse_bytes_on(data.to_vec(), "fuzz.ron", 1));
    let parallel = outcome(load::parse_bytes_on(data.to_vec(), "fuzz.ron", 2));
    assert_eq!(single, parallel);
});
