//! Plain RON, read fast: the subset of RON that timelines are written in (what `import`,
//! `list --format ron`, the generator and most people write), deserialized several times
//! faster than ron's general parser: a whole small file, or the elements of a large file's
//! `events` list on every core (see `pieces`).
//!
//! It is a shortcut, never a judge. It accepts only text whose meaning is certain: structs
//! with or without their name, identifiers in ASCII, `"…"` strings with the escapes
//! `\" \\ \n \t \r \0 \'`, lists, `None` and implicit `Some`, unit enum variants, ASCII
//! whitespace and `//` comments. On anything else — raw strings, other escapes, block
//! comments, non-ASCII whitespace, `Some(…)`, numbers, other enum variants, extension
//! attributes, any error at all — it answers `None`, and the caller asks ron, whose result
//! and messages stay the only ones a user sees. Where it does
//! answer, the value is the one ron gives for the same text (the property tests and the
//! `plain` fuzz target hold the two together).
//!
//! Deserialization is serde's: the raw structs' own `Deserialize` decides field names,
//! defaults, unknown and duplicate fields, exactly as it does under ron. The types it can
//! be asked for have no recursion, so input cannot make it recurse deeper than they nest.

use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};

/// The value of `bytes` (one RON value with trivia around it), or `None` when the text is
/// not plain RON or not a valid `T`: ask ron then.
pub fn from_bytes<'de, T: de::Deserialize<'de>>(bytes: &'de [u8]) -> Option<T> {
    // ron checks the whole input's UTF-8 before it reads a token; so does this.
    let text = std::str::from_utf8(bytes).ok()?;
    let mut de = Plain { text, pos: 0 };
    de.skip_trivia().ok()?;
    let value = T::deserialize(&mut de).ok()?;
    de.skip_trivia().ok()?;
    (de.pos == text.len()).then_some(value)
}

/// The value that starts at `pos` in `text`, and the offset just after it (trivia after it
/// not skipped), or `None` as for [`from_bytes`]: how the parallel parse reads a list's
/// elements in place, one after the other.
pub(super) fn value_at<'de, T: de::Deserialize<'de>>(
    text: &'de str,
    pos: usize,
) -> Option<(T, usize)> {
    let mut de = Plain { text, pos };
    let value = T::deserialize(&mut de).ok()?;
    Some((value, de.pos))
}

/// "Not plain, ask ron": the one error, without a message, because none is ever shown.
#[derive(Debug)]
pub struct NotPlain;

impl fmt::Display for NotPlain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not plain RON")
    }
}

impl std::error::Error for NotPlain {}

impl de::Error for NotPlain {
    fn custom<T: fmt::Display>(_: T) -> Self {
        NotPlain
    }
}

type Result<T> = std::result::Result<T, NotPlain>;

struct Plain<'de> {
    text: &'de str,
    pos: usize,
}

impl<'de> Plain<'de> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn expect(&mut self, c: u8) -> Result<()> {
        if self.peek() == Some(c) {
            self.pos += 1;
            Ok(())
        } else {
            Err(NotPlain)
        }
    }

    /// ASCII whitespace (ron's set, less its non-ASCII members) and `//` comments closed by
    /// a newline. A `/*` comment or a line comment running to the end is ron's to read.
    fn skip_trivia(&mut self) -> Result<()> {
        let b = self.text.as_bytes();
        loop {
            match b.get(self.pos) {
                Some(b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) => self.pos += 1,
                Some(b'/') if b.get(self.pos + 1) == Some(&b'/') => {
                    let line = memchr::memchr(b'\n', &b[self.pos..]).ok_or(NotPlain)?;
                    self.pos += line + 1;
                }
                Some(b'/') => return Err(NotPlain),
                _ => return Ok(()),
            }
        }
    }

    /// `skip_trivia`, then a `,` if there is one (and the trivia after it): whether there was.
    fn comma(&mut self) -> Result<bool> {
        self.skip_trivia()?;
        if self.peek() == Some(b',') {
            self.pos += 1;
            self.skip_trivia()?;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    /// An ASCII identifier. A non-ASCII character touching it could continue it in ron's
    /// (Unicode) reading, so that is not plain.
    fn ident(&mut self) -> Result<&'de str> {
        let b = self.text.as_bytes();
        let start = self.pos;
        if !b
            .get(start)
            .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'_')
        {
            return Err(NotPlain);
        }
        let len = b[start..]
            .iter()
            .position(|c| !(c.is_ascii_alphanumeric() || *c == b'_'))
            .unwrap_or(b.len() - start);
        if b.get(start + len).is_some_and(|c| !c.is_ascii()) {
            return Err(NotPlain);
        }
        self.pos += len;
        Ok(&self.text[start..self.pos])
    }

    /// Whether an identifier starts here (or a non-ASCII character that might start one).
    fn at_ident(&self) -> bool {
        self.peek()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == b'_' || !c.is_ascii())
    }

    /// A `"…"` string: borrowed from the text when it has no escapes.
    fn string<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        self.expect(b'"')?;
        let b = self.text.as_bytes();
        let run = memchr::memchr2(b'"', b'\\', &b[self.pos..]).ok_or(NotPlain)?;
        let start = self.pos;
        self.pos += run;
        if b[self.pos] == b'"' {
            self.pos += 1;
            return visitor.visit_borrowed_str(&self.text[start..self.pos - 1]);
        }
        let mut owned = String::with_capacity(run + 16);
        owned.push_str(&self.text[start..self.pos]);
        loop {
            // At a backslash: the escapes whose meaning is one character.
            let c = match b.get(self.pos + 1) {
                Some(b'"') => '"',
                Some(b'\\') => '\\',
                Some(b'n') => '\n',
                Some(b't') => '\t',
                Some(b'r') => '\r',
                Some(b'0') => '\0',
                Some(b'\'') => '\'',
                _ => return Err(NotPlain),
            };
            owned.push(c);
            self.pos += 2;
            let run = memchr::memchr2(b'"', b'\\', &b[self.pos..]).ok_or(NotPlain)?;
            owned.push_str(&self.text[self.pos..self.pos + run]);
            self.pos += run;
            if b[self.pos] == b'"' {
                self.pos += 1;
                return visitor.visit_string(owned);
            }
        }
    }
}

impl<'de> de::Deserializer<'de> for &mut Plain<'de> {
    type Error = NotPlain;

    /// Self-describing input is ron's: the raw types never ask for it.
    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(NotPlain)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.string(visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.string(visitor)
    }

    /// `None`, or with ron's implicit `Some` any other value; `Some(…)` and other
    /// identifiers are left to ron.
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.at_ident() {
            if self.ident()? == "None" {
                return visitor.visit_none();
            }
            return Err(NotPlain);
        }
        visitor.visit_some(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.expect(b'[')?;
        let value = visitor.visit_seq(Commas::new(self, b']'))?;
        self.skip_trivia()?;
        self.expect(b']')?;
        Ok(value)
    }

    /// `Name( field: value, … )`, the name optional and, when written, the struct's own.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        if self.at_ident() {
            if self.ident()? != name {
                return Err(NotPlain);
            }
            self.skip_trivia()?;
        }
        self.expect(b'(')?;
        let value = visitor.visit_map(Commas::new(self, b')'))?;
        self.skip_trivia()?;
        self.expect(b')')?;
        Ok(value)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(self.ident()?)
    }

    /// A unit variant, written as its bare name; any other kind of variant is ron's.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_enum(UnitVariant(self))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char bytes byte_buf unit
        unit_struct newtype_struct tuple tuple_struct map ignored_any
    }
}

/// An enum value read as a unit variant: its name, and nothing after it.
struct UnitVariant<'a, 'de>(&'a mut Plain<'de>);

impl<'de> de::EnumAccess<'de> for UnitVariant<'_, 'de> {
    type Error = NotPlain;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        let variant = seed.deserialize(&mut *self.0)?;
        Ok((variant, self))
    }
}

impl<'de> de::VariantAccess<'de> for UnitVariant<'_, 'de> {
    type Error = NotPlain;

    /// Nothing to read: whatever follows the name is the enclosing list's or struct's to
    /// judge, and anything but a comma or its end is not plain there.
    fn unit_variant(self) -> Result<()> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, _: T) -> Result<T::Value> {
        Err(NotPlain)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value> {
        Err(NotPlain)
    }

    fn struct_variant<V: Visitor<'de>>(self, _: &'static [&'static str], _: V) -> Result<V::Value> {
        Err(NotPlain)
    }
}

/// The elements of a list or the fields of a struct, with ron's comma rules: a comma
/// between elements, one after the last allowed.
struct Commas<'a, 'de> {
    de: &'a mut Plain<'de>,
    close: u8,
    had_comma: bool,
}

impl<'a, 'de> Commas<'a, 'de> {
    fn new(de: &'a mut Plain<'de>, close: u8) -> Self {
        Commas {
            de,
            close,
            had_comma: true,
        }
    }

    fn has_element(&mut self) -> Result<bool> {
        self.de.skip_trivia()?;
        let at_close = self.de.peek() == Some(self.close);
        match (self.had_comma, at_close) {
            (_, true) => Ok(false),
            (true, false) => Ok(true),
            (false, false) => Err(NotPlain),
        }
    }
}

impl<'de> SeqAccess<'de> for Commas<'_, 'de> {
    type Error = NotPlain;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if !self.has_element()? {
            return Ok(None);
        }
        let value = seed.deserialize(&mut *self.de)?;
        self.had_comma = self.de.comma()?;
        Ok(Some(value))
    }
}

impl<'de> MapAccess<'de> for Commas<'_, 'de> {
    type Error = NotPlain;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if !self.has_element()? {
            return Ok(None);
        }
        seed.deserialize(&mut *self.de).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        self.de.skip_trivia()?;
        self.de.expect(b':')?;
        self.de.skip_trivia()?;
        let value = seed.deserialize(&mut *self.de)?;
        self.had_comma = self.de.comma()?;
        Ok(value)
    }
}
