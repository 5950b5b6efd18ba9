//! JSON that is not a TimelineJS timeline, as `path:line:col: message`: `serde_json`'s
//! position (bytes, from 1) turned into the line and character column editors show, its
//! wording turned from our Rust types into the file's objects, and the text it stopped
//! at quoted. Input that is not UTF-8 is located the same way.

use serde_json::error::Category;

use crate::interop::ImportError;
use crate::sanitize::{line, quote};

/// A `serde_json` error as `path:line:col: message`, near the text it stopped at.
pub(super) fn syntax(name: &str, bytes: &[u8], e: &serde_json::Error) -> ImportError {
    // An empty file has no bracket to leave open: say what it lacks instead.
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return ImportError::Read {
            name: name.to_owned(),
            reason: "the file is empty; a TimelineJS file is a JSON object such as \
                     {\"events\": [{\"start_date\": {\"year\": 2021}, \"text\": {\"headline\": \"…\"}}]}"
                .to_owned(),
        };
    }
    let mut message = e.to_string();
    if let Some(at) = message.rfind(" at line ") {
        message.truncate(at);
    }
    let message = in_file_words(&message);
    let line_text = bytes
        .split(|&b| b == b'\n')
        .nth(e.line().saturating_sub(1))
        .unwrap_or_default();
    // serde_json counts bytes from 1, at the character it stopped on; people and editors
    // count characters.
    let at = e.column().saturating_sub(1).min(line_text.len());
    let col = String::from_utf8_lossy(&line_text[..at]).chars().count() + 1;
    if let Some(escape) = lone_surrogate(line_text, at) {
        return ImportError::Syntax {
            name: name.to_owned(),
            line: e.line().max(1),
            col,
            message: format!(
                "invalid JSON: {} is half of a UTF-16 surrogate pair, not a character; \
                 write the character itself or both halves of its pair",
                quote(escape)
            ),
        };
    }
    if message.starts_with("number out of range") {
        return ImportError::Syntax {
            name: name.to_owned(),
            line: e.line().max(1),
            col,
            message: format!("invalid JSON: a number too large{}", near(&line_text[at..])),
        };
    }
    let message = match e.classify() {
        Category::Eof => {
            format!("invalid JSON: {message}; a bracket, brace or string is probably not closed")
        }
        Category::Syntax => format!("invalid JSON: {message}{}", near(&line_text[at..])),
        // Type errors quote a bad number or string themselves, not a list or an object.
        Category::Data if message.contains(['\'', '"']) => {
            format!("not a TimelineJS timeline: {message}")
        }
        Category::Data => format!(
            "not a TimelineJS timeline: {message}{}",
            near(&line_text[at..])
        ),
        Category::Io => message,
    };
    // A huge bad value would bury the position.
    let message: String = line(&message).chars().take(300).collect();
    ImportError::Syntax {
        name: name.to_owned(),
        line: e.line().max(1),
        col,
        message,
    }
}

/// The `\uD800`–`\uDFFF` escape serde stopped on or just after, in `line` at byte `at`:
/// its own words for it ("unexpected end of hex escape", "lone leading surrogate") do not
/// say what is wrong.
fn lone_surrogate(line: &[u8], at: usize) -> Option<&str> {
    let text = std::str::from_utf8(line).ok()?;
    let before = text.get(..at.min(text.len()))?;
    // The escape just before where serde stopped, or the one before that when serde read
    // the next escape looking for the pair's second half.
    before
        .rmatch_indices("\\u")
        .take(2)
        .filter(|(start, _)| at <= start + 12)
        .find_map(|(start, _)| {
            let escape = text.get(start..start + 6)?;
            let code = u32::from_str_radix(&escape[2..], 16).ok()?;
            (0xd800..=0xdfff).contains(&code).then_some(escape)
        })
}

/// ` at '…'`: the text where serde stopped, quoted.
fn near(rest: &[u8]) -> String {
    let rest = String::from_utf8_lossy(rest);
    let near: String = rest.trim_end().chars().take(24).collect();
    if near.is_empty() {
        String::new()
    } else {
        format!(" at {}", quote(&near))
    }
}

/// Input that is not UTF-8, located like a syntax error.
pub(super) fn not_utf8(name: &str, bytes: &[u8], e: std::str::Utf8Error) -> ImportError {
    let before = &bytes[..e.valid_up_to()];
    let line = before.split(|&b| b == b'\n').count();
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let col = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    ImportError::Syntax {
        name: name.to_owned(),
        line,
        col,
        message: format!(
            "not valid UTF-8 (byte 0x{:02x}); a TimelineJS file is UTF-8 JSON",
            bytes[e.valid_up_to()]
        ),
    }
}

/// serde's wording, which names our Rust types, in the file's words.
pub(super) fn in_file_words(message: &str) -> String {
    let mut message = message.replace('`', "'");
    for (rust, file) in [
        ("struct TjsDate", "a date object"),
        ("struct Slide", "a slide object"),
        ("struct Text", "a text object"),
        ("struct Media", "a media object"),
        ("struct Era", "an era object"),
        ("struct Document", "a TimelineJS object with 'events'"),
    ] {
        message = message.replace(rust, file);
    }
    message
}
