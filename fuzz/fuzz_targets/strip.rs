//! The HTML stripper on arbitrary text: it never panics, its look-aheads stay linear in the
//! input (the bound that `<a <a <a …` once broke), its output is trimmed and never holds
//! more than one blank line in a row, and text it escaped comes back unchanged.

#![no_main]

use afghan_timeline::interop::html::{escape, strip, strip_counted};
use afghan_timeline::sanitize::is_dangerous;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|html: &str| {
    let (text, scanned) = strip_counted(html);
    assert!(
        scanned <= 2 * html.len(),
        "{scanned} bytes looked at for {} of {html:?}",
        html.len()
    );
    assert_eq!(text, text.trim_end(), "trailing space in {text:?}");
    assert!(!text.contains("\n\n\n"), "two blank lines in {text:?}");

    // Our own escaping survives a round trip through the stripper.
    if !html.chars().any(|c| c.is_whitespace() || is_dangerous(c)) {
        assert_eq!(strip(&escape(html)), html);
    }
});
