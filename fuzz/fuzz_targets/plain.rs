//! The plain-RON shortcut against ron itself, on arbitrary bytes: whenever the shortcut
//! answers, ron reads the same bytes to exactly the same value. (It may decline anything;
//! declining is always safe, answering differently never is.)

#![no_main]

use afghan_timeline::load::{self, RawEvent, RawSource, RawTimeline};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some(event) = load::plain::from_bytes::<RawEvent>(data) {
        let ron: RawEvent = load::options()
            .from_bytes(data)
            .unwrap_or_else(|e| panic!("plain read {event:?}, ron refused: {e}"));
        assert_eq!(event, ron);
    }
    if let Some(source) = load::plain::from_bytes::<RawSource>(data) {
        let ron: RawSource = load::options()
            .from_bytes(data)
            .unwrap_or_else(|e| panic!("plain read {source:?}, ron refused: {e}"));
        assert_eq!(source, ron);
    }
    if let Some(timeline) = load::plain::from_bytes::<RawTimeline>(data) {
        let ron: RawTimeline = load::options()
            .from_bytes(data)
            .unwrap_or_else(|e| panic!("plain read {timeline:?}, ron refused: {e}"));
        assert_eq!(timeline, ron);
    }
    if let Some(list) = load::plain::from_bytes::<Vec<Option<String>>>(data) {
        let ron: Vec<Option<String>> = load::options()
            .from_bytes(data)
            .unwrap_or_else(|e| panic!("plain read {list:?}, ron refused: {e}"));
        assert_eq!(list, ron);
    }
});
