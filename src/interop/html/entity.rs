//! Character references: `&amp;`, `&#39;`, `&#x2014;` and the named entities that turn
//! up in hand-written and CMS-made HTML. Unknown names stay as text, as browsers leave them.

/// Entities in an attribute value decoded; nothing else changes.
pub(super) fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let (decoded, len) = entity(&rest[at..]).unwrap_or(("&".into(), 1));
        out.push_str(&decoded);
        rest = &rest[at + len..];
    }
    out.push_str(rest);
    out
}

/// The entity at the start of `s` (`&amp;`, `&#39;`, `&#x2014;`) and its length; `None`
/// when it is not one we know, so the `&` stays as text.
pub(super) fn entity(s: &str) -> Option<(String, usize)> {
    let body = s.strip_prefix('&')?;
    // Entity names are short; a ';' further on belongs to the text.
    let (end, _) = body.char_indices().take(12).find(|&(_, c)| c == ';')?;
    let name = &body[..end];
    let len = end + 2;
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        // As browsers do: NUL, surrogates and out-of-range numbers become U+FFFD.
        let c = char::from_u32(code)
            .filter(|&c| c != '\0')
            .unwrap_or('\u{fffd}');
        return Some((c.to_string(), len));
    }
    let text = NAMED
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)?;
    Some((text.to_owned(), len))
}

/// The named entities that turn up in hand-written and CMS-made HTML.
const NAMED: &[(&str, &str)] = &[
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", "\u{a0}"),
    ("shy", ""),
    ("ndash", "–"),
    ("mdash", "—"),
    ("hellip", "…"),
    ("lsquo", "‘"),
    ("rsquo", "’"),
    ("sbquo", "‚"),
    ("ldquo", "“"),
    ("rdquo", "”"),
    ("bdquo", "„"),
    ("laquo", "«"),
    ("raquo", "»"),
    ("middot", "·"),
    ("bull", "•"),
    ("copy", "©"),
    ("reg", "®"),
    ("trade", "™"),
    ("deg", "°"),
    ("times", "×"),
    ("divide", "÷"),
    ("minus", "−"),
    ("plusmn", "±"),
    ("euro", "€"),
    ("pound", "£"),
    ("yen", "¥"),
    ("cent", "¢"),
    ("sect", "§"),
    ("para", "¶"),
    ("aacute", "á"),
    ("agrave", "à"),
    ("acirc", "â"),
    ("auml", "ä"),
    ("ccedil", "ç"),
    ("eacute", "é"),
    ("egrave", "è"),
    ("ecirc", "ê"),
    ("euml", "ë"),
    ("iacute", "í"),
    ("iuml", "ï"),
    ("ntilde", "ñ"),
    ("oacute", "ó"),
    ("ouml", "ö"),
    ("uacute", "ú"),
    ("uuml", "ü"),
    ("szlig", "ß"),
];
