//! "Did you mean" on arbitrary names: it never panics, suggests only a candidate it was
//! given, agrees between its two forms, and always finds a name that is among the
//! candidates. Bounded time is held by libFuzzer's `-timeout`.

#![no_main]

use afghan_timeline::suggest::{closest, ranked};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (String, Vec<String>)| {
    let (wanted, candidates) = input;
    let pool = || candidates.iter().map(String::as_str);
    let best = closest(&wanted, pool());
    if let Some(best) = best {
        assert!(candidates.iter().any(|c| c == best));
    }
    let top = ranked(&wanted, pool(), 3);
    assert!(top.len() <= 3);
    if let Some(first) = top.first() {
        assert_eq!(Some(*first), best, "ranked and closest disagree");
    }
    if candidates.contains(&wanted) {
        assert!(best.is_some(), "{wanted:?} is a candidate yet not suggested");
    }
});
