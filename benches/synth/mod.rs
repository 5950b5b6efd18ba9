//! A deterministic generator of realistic timelines, shared by `examples/synth.rs` and the
//! `scale` benchmark (included by path, so the two can never drift apart).
//!
//! Dates spread over a century at mixed precision (day, month, year, some approximate),
//! ~50 actors of every kind with aliases, 1–4 actors per event, titles and summaries of
//! realistic length that mix English with Dari/Pashto and CJK words, 1–3 sources, some
//! `related` links and a few overlapping eras. Valid by construction: `check` accepts it.

use std::io::{self, Write};

/// splitmix64: tiny, fast and the same on every platform, so a seed always gives the same
/// file (a `rand` dependency would tie the output to that crate's version).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).unwrap_or(0)
    }

    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const ACTORS: usize = 50;

const WORDS: &[&str] = &[
    "talks",
    "border",
    "treaty",
    "delegation",
    "embassy",
    "ministry",
    "agreement",
    "troops",
    "withdrawal",
    "sanctions",
    "council",
    "envoy",
    "province",
    "valley",
    "convoy",
    "pipeline",
    "wheat",
    "fuel",
    "railway",
    "election",
    "ceasefire",
    "refugees",
    "summit",
    "declaration",
    "court",
    "ban",
    "aid",
    "trade",
    "security",
    "airport",
    "negotiations",
    "resolution",
    "کابل",
    "سوله",
    "د سولې خبرې",
    "هیئت",
    "می‌خواهم",
    "قرارداد",
    "北京",
    "会談",
    "代表団",
    "合意",
];

const PLACES: &[&str] = &[
    "Kabul",
    "Moscow",
    "Doha",
    "Kandahar",
    "Termez",
    "Geneva",
    "Beijing",
    "Tashkent",
    "مزار شریف",
    "Herat",
];

const PUBLISHERS: &[&str] = &[
    "TASS",
    "RFE/RL",
    "AP",
    "AFP",
    "Reuters",
    "BBC",
    "UN press release",
    "Ariana News",
    "TOLOnews",
    "新华社",
];

const TAGS: &[&str] = &[
    "diplomacy",
    "military",
    "economy",
    "security",
    "humanitarian",
    "recognition",
    "sanctions",
    "women",
];

const KINDS: &[&str] = &["State", "Organization", "Group", "Person"];

/// Syllables for the general vocabulary: pronounceable, ASCII, and never one of `WORDS`.
const SYLLABLES: &[&str] = &[
    "ka", "lo", "mir", "zan", "te", "qu", "dar", "shi", "ven", "ro", "bal", "ek", "nu", "gor",
    "pa", "il",
];

/// Words in the general vocabulary.
const VOCABULARY: usize = 4096;

/// Word `rank` of the general vocabulary: three syllables picked by its digits in base 16.
fn general_word(rank: usize, out: &mut String) {
    for k in 0..3 {
        out.push_str(SYLLABLES[(rank >> (4 * k)) % SYLLABLES.len()]);
    }
}

/// One word: a third of the time a topical word (the ones a query looks for), otherwise
/// a word of a larger general vocabulary drawn with a Zipf-like skew (rank log-uniform),
/// so common words are common and rare words rare, as in real text.
#[allow(clippy::cast_precision_loss)] // 53 random bits and a small count: exact in f64
fn push_word(rng: &mut Rng, out: &mut String) {
    if rng.chance(33) {
        out.push_str(rng.pick(WORDS));
    } else {
        let u = (rng.next() >> 11) as f64 / (1u64 << 53) as f64;
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // in 0..VOCABULARY
        let rank = ((VOCABULARY as f64).ln() * u).exp() as usize - 1;
        general_word(rank.min(VOCABULARY - 1), out);
    }
}

fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut s = String::new();
    for i in 0..words {
        if i > 0 {
            s.push(' ');
        }
        push_word(rng, &mut s);
    }
    if let Some(first) = s.get(..1) {
        let upper = first.to_uppercase();
        s.replace_range(..1, &upper);
    }
    s
}

fn date(rng: &mut Rng) -> String {
    let year = 1925 + rng.below(101);
    let month = 1 + rng.below(12);
    let day = 1 + rng.below(28);
    let approx = if rng.chance(5) { "~" } else { "" };
    match rng.below(10) {
        0 => format!("{approx}{year}"),
        1 | 2 => format!("{approx}{year}-{month:02}"),
        _ => format!("{approx}{year}-{month:02}-{day:02}"),
    }
}

/// One event; `e` is its number, and earlier numbers are valid `related` targets.
fn write_event(out: &mut impl Write, rng: &mut Rng, e: usize) -> io::Result<()> {
    let mut actors: Vec<usize> = (0..=rng.below(4)).map(|_| rng.below(ACTORS)).collect();
    actors.sort_unstable();
    actors.dedup();
    let actors: Vec<String> = actors.iter().map(|a| format!("\"actor-{a}\"")).collect();
    let start = date(rng);
    writeln!(out, "        (")?;
    writeln!(out, "            id: \"event-{e}\",")?;
    writeln!(out, "            date: \"{start}\",")?;
    if rng.chance(10) {
        // An end in a later year can never be before the date, whatever its precision.
        let year: usize = start.trim_start_matches('~')[..4].parse().unwrap_or(1925);
        writeln!(out, "            end: \"{}\",", year + 1 + rng.below(5))?;
    }
    let (title_words, summary_words) = (5 + rng.below(8), 20 + rng.below(25));
    writeln!(
        out,
        "            title: \"{}\",",
        sentence(rng, title_words)
    )?;
    writeln!(
        out,
        "            summary: \"{}.\",",
        sentence(rng, summary_words)
    )?;
    if rng.chance(30) {
        writeln!(
            out,
            "            detail: \"{}.\\n\\n{}.\",",
            sentence(rng, 60),
            sentence(rng, 60)
        )?;
    }
    if rng.chance(10) {
        writeln!(
            out,
            "            date_note: \"Sources give the {}.\",",
            sentence(rng, 4)
        )?;
    }
    writeln!(out, "            actors: [{}],", actors.join(", "))?;
    if rng.chance(70) {
        writeln!(
            out,
            "            tags: [\"{}\", \"{}\"],",
            rng.pick(TAGS),
            rng.pick(TAGS)
        )?;
    }
    if rng.chance(50) {
        writeln!(out, "            location: \"{}\",", rng.pick(PLACES))?;
    }
    write!(out, "            sources: [")?;
    for _ in 0..=rng.below(3) {
        write!(
            out,
            "(publisher: \"{}\", title: \"{}\", date: \"{}\"), ",
            rng.pick(PUBLISHERS),
            sentence(rng, 6),
            date(rng).trim_start_matches('~')
        )?;
    }
    writeln!(out, "],")?;
    if e > 0 && rng.chance(10) {
        writeln!(out, "            related: [\"event-{}\"],", rng.below(e))?;
    }
    writeln!(out, "        ),")?;
    Ok(())
}

/// Writes a timeline of `events` events to `out`.
pub fn generate(events: usize, seed: u64, out: &mut impl Write) -> io::Result<()> {
    let mut rng = Rng::new(seed);
    writeln!(out, "(")?;
    writeln!(
        out,
        "    title: \"Synthetic timeline ({events} events, seed {seed})\","
    )?;
    writeln!(
        out,
        "    description: \"Generated by examples/synth.rs for scale tests.\","
    )?;
    writeln!(out, "    actors: [")?;
    for a in 0..ACTORS {
        let kind = KINDS[a % KINDS.len()];
        writeln!(
            out,
            // Numbered like the name: no actor may answer to another's alias.
            "        (id: \"actor-{a}\", name: \"{} {a}\", kind: {kind}, aliases: [\"A{a}\", \"{} {a}\"]),",
            sentence(&mut rng, 2),
            rng.pick(WORDS),
        )?;
    }
    writeln!(out, "    ],")?;
    writeln!(out, "    eras: [")?;
    for (i, (start, end)) in [
        (1925, 1945),
        (1940, 1960),
        (1960, 1979),
        (1979, 1989),
        (1989, 2001),
        (2001, 2021),
        (2021, 2025),
    ]
    .iter()
    .enumerate()
    {
        writeln!(
            out,
            "        (id: \"era-{i}\", name: \"Era {i}: {}\", start: \"{start}\", end: \"{end}\"),",
            sentence(&mut rng, 2)
        )?;
    }
    writeln!(out, "    ],")?;
    writeln!(out, "    events: [")?;
    for e in 0..events {
        write_event(out, &mut rng, e)?;
    }
    writeln!(out, "    ],")?;
    writeln!(out, ")")
}

/// The generated timeline as a string.
#[allow(dead_code)] // used by the bench, not by examples/synth.rs
pub fn generate_string(events: usize, seed: u64) -> String {
    let mut out = Vec::with_capacity(events * 900);
    generate(events, seed, &mut out).expect("writing to a Vec cannot fail");
    String::from_utf8(out).expect("the generator writes UTF-8")
}
