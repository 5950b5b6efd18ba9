//! A fingerprint of an event's text, taken where the parallel parse has that text in hand:
//! a reload compares two versions' events by it (`reloaded: … (2 changed)`) instead of
//! following every string of both, which costs a cache miss a field.

/// The fingerprint of one event's text in its file, or none (the event was read some other
/// way). A cache, not part of the event's value: it never makes two events unequal, so an
/// event read with one and the same event read without are still equal.
#[derive(Clone, Copy, Debug, Default)]
pub struct Fingerprint(u64);

impl PartialEq for Fingerprint {
    fn eq(&self, _: &Fingerprint) -> bool {
        true
    }
}

impl Eq for Fingerprint {}

impl Fingerprint {
    /// The fingerprint of an element's text, whitespace and a trailing comma around it left
    /// out, so that the two ways the parse cuts an element agree. Words of eight bytes, mixed
    /// as rustc's `FxHasher` mixes: the parse already pays for reading the text, and this
    /// must cost little beside it. Not a defence against a crafted collision, which would
    /// only make an edited event count as unchanged in a message.
    #[must_use]
    pub fn of(text: &[u8]) -> Fingerprint {
        let text = text.trim_ascii();
        let text = text.strip_suffix(b",").unwrap_or(text).trim_ascii_end();
        // Four lanes of eight bytes, each its own chain of multiplications, so that the
        // processor runs them side by side: one chain would wait on each multiply.
        let mut lanes = [text.len() as u64, 1, 2, 3];
        let mut blocks = text.chunks_exact(32);
        for block in &mut blocks {
            for (lane, word) in lanes.iter_mut().zip(block.chunks_exact(8)) {
                *lane = mix(*lane, word);
            }
        }
        let mut words = blocks.remainder().chunks(8);
        let mut h = lanes[0];
        for word in &mut words {
            h = mix(h, word);
        }
        for lane in &lanes[1..] {
            h = mix(h, &lane.to_le_bytes());
        }
        // Never 0, which means none.
        Fingerprint(h | 1)
    }

    /// Whether two events read the same, when both have a fingerprint.
    #[must_use]
    pub fn same(self, other: Fingerprint) -> Option<bool> {
        (self.0 != 0 && other.0 != 0).then_some(self.0 == other.0)
    }
}

/// One step of rustc's `FxHasher`: a word of up to eight bytes into `h`.
fn mix(h: u64, word: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut w = [0u8; 8];
    w[..word.len()].copy_from_slice(word);
    (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_text_cut_either_way_has_one_fingerprint_and_an_edit_another() {
        let a = Fingerprint::of(b"Event(id: \"a\", title: \"One\")");
        let cut = Fingerprint::of(b"\n    Event(id: \"a\", title: \"One\"),\n");
        assert_eq!(a.same(cut), Some(true));
        let edited = Fingerprint::of(b"Event(id: \"a\", title: \"Onf\")");
        assert_eq!(a.same(edited), Some(false));
        // Every byte counts, in each lane and in the last, short words.
        let text =
            b"Event(id: \"b\", title: \"A longer title\", summary: \"Past 32 bytes\")".to_vec();
        for i in 0..text.len() {
            let mut changed = text.clone();
            changed[i] ^= 0x20;
            assert_eq!(
                Fingerprint::of(&text).same(Fingerprint::of(&changed)),
                Some(false)
            );
        }
    }

    #[test]
    fn none_is_unknown_and_never_makes_events_unequal() {
        let some = Fingerprint::of(b"x");
        assert_eq!(some.same(Fingerprint::default()), None);
        assert_eq!(Fingerprint::default().same(some), None);
        assert_eq!(some, Fingerprint::default());
    }
}
