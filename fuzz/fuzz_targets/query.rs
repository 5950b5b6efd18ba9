//! The filter engine on fuzzed timelines and filters. The timeline is built from the fuzz
//! input valid by construction, written as RON by the crate's own writer and loaded back
//! (so the writer/loader round trip is fuzzed too). The results must be a subset of the
//! events, in date order, exactly the events the filter's parts match by a reference
//! reading of the search rules (docs/explorer.md); the indexed search the explorer uses,
//! fresh or narrowing an earlier result as typing does, must agree.

#![no_main]

use afghan_timeline::load::{self, RawActor, RawActorKind, RawEvent, RawSource, RawTimeline};
use afghan_timeline::model::{ActorId, Date, Event, Timeline};
use afghan_timeline::query::{ActorMode, Filter, Narrowing, SearchIndex};
use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Input {
    actors: Vec<FuzzActor>,
    events: Vec<FuzzEvent>,
    query: String,
    /// Where, in characters, the query typed so far ended before the rest was typed.
    typed: u8,
    picks: Vec<u8>,
    all: bool,
    from: Option<FuzzDate>,
    to: Option<FuzzDate>,
}

#[derive(Arbitrary, Debug)]
struct FuzzActor {
    name: String,
    aliases: Vec<String>,
}

#[derive(Arbitrary, Debug)]
struct FuzzEvent {
    date: FuzzDate,
    end: Option<FuzzDate>,
    title: String,
    summary: String,
    detail: Option<String>,
    location: Option<String>,
    tags: Vec<String>,
    actors: Vec<u8>,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
struct FuzzDate {
    year: u16,
    month: u8,
    day: u8,
    precision: u8,
    approximate: bool,
}

impl FuzzDate {
    /// A date string that exists, at the precision chosen.
    fn text(self) -> String {
        // There is no year 0000: 0001 to 9999.
        let year = 1 + i32::from(self.year % 9_999);
        let month = 1 + u32::from(self.month % 12);
        let day = (1..=1 + u32::from(self.day % 31))
            .rev()
            .find(|d| Date::ymd(year, month, *d).is_some())
            .unwrap_or(1);
        let tilde = if self.approximate { "~" } else { "" };
        match self.precision % 3 {
            0 => format!("{tilde}{year:04}"),
            1 => format!("{tilde}{year:04}-{month:02}"),
            _ => format!("{tilde}{year:04}-{month:02}-{day:02}"),
        }
    }

    fn date(self) -> Date {
        self.text().parse().expect("FuzzDate::text is a valid date")
    }
}

/// Non-blank text: titles, summaries and names must have something in them.
fn non_blank(s: &str) -> String {
    if afghan_timeline::sanitize::is_blank(s) {
        format!("x{s}")
    } else {
        s.to_owned()
    }
}

/// A raw field from text, whatever string type the raw shapes use for it.
fn field<T: for<'a> From<&'a str>>(text: &str) -> T {
    T::from(text)
}

fn build(input: &Input) -> RawTimeline {
    let mut actors: Vec<RawActor> = input
        .actors
        .iter()
        .take(8)
        .enumerate()
        .map(|(i, a)| RawActor {
            id: format!("a{i}"),
            // No actor may answer to another's name or alias, nor to an empty one: each is
            // marked as its own.
            name: format!("{}~n{i}", a.name),
            kind: RawActorKind::Group,
            aliases: a
                .aliases
                .iter()
                .take(3)
                .enumerate()
                .map(|(j, alias)| format!("{alias}~a{i}-{j}"))
                .collect(),
        })
        .collect();
    if actors.is_empty() {
        actors.push(RawActor {
            id: "a0".to_owned(),
            name: "A".to_owned(),
            kind: RawActorKind::State,
            aliases: Vec::new(),
        });
    }
    let events = input
        .events
        .iter()
        .take(16)
        .enumerate()
        .map(|(i, e)| {
            let date = e.date.date();
            let end = e
                .end
                .filter(|end| end.date().last_day() >= date.first_day())
                .map(|end| field(&end.text()));
            // Each actor once in an event.
            let mut picked: Vec<usize> = Vec::new();
            for p in e.actors.iter().take(4) {
                let a = usize::from(*p) % actors.len();
                if !picked.contains(&a) {
                    picked.push(a);
                }
            }
            let mut event_actors: Vec<_> = picked
                .iter()
                .map(|a| field(&format!("a{a}")))
                .collect();
            if event_actors.is_empty() {
                event_actors.push(field("a0"));
            }
            RawEvent {
                fingerprint: afghan_timeline::model::Fingerprint::default(),
                id: format!("e{i}"),
                date: field(&e.date.text()),
                end,
                title: non_blank(&e.title),
                summary: non_blank(&e.summary),
                detail: e.detail.clone(),
                date_note: None,
                actors: event_actors.into(),
                tags: e.tags.iter().take(3).map(|t| non_blank(t)).collect(),
                location: e.location.clone(),
                sources: vec![RawSource {
                    publisher: "p".to_owned(),
                    title: "t".to_owned(),
                    date: None,
                    url: None,
                }],
                related: load::Refs::new(),
            }
        })
        .collect();
    RawTimeline {
        title: "fuzz".to_owned(),
        description: None,
        actors,
        eras: Vec::new(),
        events,
    }
}

/// The query's words as docs/explorer.md reads them: lower-cased; a month name (in full, its
/// first three letters or `sept`, with an optional full stop) and a four-digit year after
/// it are one word; a word that is a date (`1989`, `1979-12`, `1979-12-24`, a month and a
/// year) carries it.
fn terms(query: &str) -> Vec<(String, Option<Date>)> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let month = |w: &str| {
        let w = w.strip_suffix('.').unwrap_or(w);
        MONTHS
            .iter()
            .position(|m| {
                *m == w || (w.len() == 3 && m.starts_with(w)) || (w == "sept" && *m == "september")
            })
            .map(|i| i + 1)
    };
    let words: Vec<String> = query.split_whitespace().map(folded).collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k < words.len() {
        let w = &words[k];
        if let (Some(m), Some(year)) = (month(w), words.get(k + 1))
            && year.len() == 4
            && year.bytes().all(|b| b.is_ascii_digit())
        {
            out.push((
                format!("{w} {year}"),
                format!("{year}-{m:02}").parse::<Date>().ok(),
            ));
            k += 2;
            continue;
        }
        // `44 bce`: a year of up to four digits and the era, one date word.
        if let Some(era) = words.get(k + 1)
            && matches!(era.as_str(), "bce" | "bc" | "b.c." | "b.c.e.")
            && (1..=4).contains(&w.len())
            && w.bytes().all(|b| b.is_ascii_digit())
        {
            out.push((
                format!("{w} {era}"),
                format!("-{w:0>4}").parse::<Date>().ok(),
            ));
            k += 2;
            continue;
        }
        // A year before the common era begins with its sign: `-9999`, `-0044-03`.
        let digits = w.strip_prefix('-').unwrap_or(w);
        let is_date = w.len() >= 4
            && digits.as_bytes().first().is_some_and(u8::is_ascii_digit)
            && w.bytes().all(|b| b.is_ascii_digit() || b == b'-');
        out.push((
            w.clone(),
            if is_date {
                w.parse::<Date>().ok()
            } else {
                None
            },
        ));
        k += 1;
    }
    out
}

/// Text folded as docs/explorer.md's search rules say, done to the whole text at once (the
/// crate folds a character at a time, which must come to the same): canonical
/// decomposition, marks removed, lower-cased, and the full case foldings `to_lowercase`
/// leaves out.
fn folded(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization as _;
    use unicode_normalization::char::is_combining_mark;
    let bare: String = text.nfd().filter(|c| !is_combining_mark(*c)).collect();
    bare.to_lowercase()
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(|c| {
            let folded: &str = match c {
                'ß' => "ss",
                'ς' => "σ",
                'ſ' => "s",
                'µ' => "μ",
                'ϐ' => "β",
                'ϑ' => "θ",
                'ϕ' => "φ",
                'ϖ' => "π",
                'ϰ' => "κ",
                'ϱ' => "ρ",
                'ϵ' => "ε",
                'ﬀ' => "ff",
                'ﬁ' => "fi",
                'ﬂ' => "fl",
                'ﬃ' => "ffi",
                'ﬄ' => "ffl",
                'ﬅ' | 'ﬆ' => "st",
                'ŉ' => "ʼn",
                'և' => "եւ",
                _ => return vec![c],
            };
            folded.chars().collect()
        })
        .collect()
}

/// The search rules' rule for words (docs/explorer.md), read literally: every word occurs,
/// in any case and with or without accents (both folded), in the title, summary, detail,
/// tags, location or an actor's name or alias, or is a date word whose period the event's
/// overlaps.
fn words_match(t: &Timeline, e: &Event, terms: &[(String, Option<Date>)]) -> bool {
    let mut fields: Vec<&str> = vec![&e.title, &e.summary];
    fields.extend(e.detail.as_deref());
    fields.extend(e.location.as_deref());
    fields.extend(e.tags.iter().map(String::as_str));
    for a in &e.actors {
        let actor = t.actor(*a);
        fields.push(&actor.name);
        fields.extend(actor.aliases.iter().map(String::as_str));
    }
    terms.iter().all(|(w, date)| {
        date.is_some_and(|d| e.last_day() >= d.first_day() && e.date.first_day() <= d.last_day())
            || fields.iter().any(|f| folded(f).contains(w.as_str()))
    })
}

fuzz_target!(|input: Input| {
    let raw = build(&input);
    let text = load::options()
        .to_string(&raw)
        .expect("a raw timeline serializes");
    let timeline = match load::parse(&text, "fuzz.ron") {
        Ok(t) => t,
        Err(e) => panic!("the writer's own output does not load:\n{e}\n{text}"),
    };
    // Strings survive the round trip exactly.
    for e in &timeline.events {
        let i: usize = e.id[1..].parse().expect("ids are e<N>");
        assert_eq!(e.title, raw.events[i].title);
        assert_eq!(e.summary, raw.events[i].summary);
        assert_eq!(e.detail, raw.events[i].detail);
        assert_eq!(e.location, raw.events[i].location);
    }

    let mut filter = Filter::default();
    filter.set_query(&input.query);
    for p in &input.picks {
        let id = ActorId(u32::from(*p) % u32::try_from(timeline.actors.len()).unwrap_or(1));
        if !filter.actors.contains(&id) {
            filter.actors.push(id);
        }
    }
    filter.actor_mode = if input.all {
        ActorMode::All
    } else {
        ActorMode::Any
    };
    filter.from = input.from.map(|d| d.date().into());
    filter.to = input.to.map(|d| d.date().into());

    let found = filter.apply(&timeline);
    assert!(
        found.windows(2).all(|w| w[0] < w[1]),
        "in order, no repeats"
    );
    assert!(found.iter().all(|id| id.index() < timeline.events.len()));
    let words = terms(&input.query);
    let expected: Vec<_> = timeline
        .event_ids()
        .filter(|id| {
            let e = timeline.event(*id);
            let actors = filter.actors.is_empty()
                || match filter.actor_mode {
                    ActorMode::Any => filter.actors.iter().any(|a| e.actors.contains(a)),
                    ActorMode::All => filter.actors.iter().all(|a| e.actors.contains(a)),
                };
            let range = filter.from.is_none_or(|f| e.last_day() >= f.first_day())
                && filter.to.is_none_or(|t| e.date.first_day() <= t.last_day());
            actors && range && words_match(&timeline, e, &words)
        })
        .collect();
    assert_eq!(found, expected, "query {:?}", input.query);
    for id in timeline.event_ids() {
        let matches = filter.matches(&timeline, timeline.event(id));
        assert_eq!(matches, found.contains(&id), "matches agrees with apply");
    }

    let index = SearchIndex::build(&timeline);
    assert_eq!(
        filter.apply_indexed(&timeline, &index, None),
        found,
        "indexed search"
    );
    // As typed: the query up to some character first, then the rest narrowing it.
    let cut = input
        .query
        .char_indices()
        .nth(usize::from(input.typed))
        .map_or(input.query.len(), |(i, _)| i);
    let mut earlier = filter.clone();
    earlier.set_query(&input.query[..cut]);
    let earlier_found = earlier.apply_indexed(&timeline, &index, None);
    if filter.narrows(&earlier) {
        let narrowing = Narrowing {
            matches: &earlier_found,
            previous: &earlier,
        };
        assert_eq!(
            filter.apply_indexed(&timeline, &index, Some(narrowing)),
            found,
            "narrowing {:?} to {:?}",
            &input.query[..cut],
            input.query
        );
    }
});
