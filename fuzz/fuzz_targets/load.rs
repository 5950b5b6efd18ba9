//! The loader on arbitrary bytes: an error that reads well, or a valid timeline; never a
//! panic, an abort or a hang (run with `-timeout`, see CONTRIBUTING.md).

#![no_main]

mod check;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match afghan_timeline::load::parse_bytes(data.to_vec(), "fuzz.ron") {
        Ok(timeline) => check::timeline(&timeline),
        Err(e) => check::error(&e, data),
    }
});
