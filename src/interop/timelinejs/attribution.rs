//! Who an imported event is about and on whose word: actors from `group` (or the
//! record), sources from `media` (or the record), and the stand-ins used when TimelineJS
//! gives neither, since every event in a timeline file needs one of each.

use super::export;
use super::ids::slug;
use super::import::Importer;
use super::record::EventRecord;
use super::shape::{Media, Slide};
use crate::interop::html::strip;
use crate::load::{RawActor, RawActorKind, RawSource, is_address};
use crate::sanitize::is_blank;
use crate::sanitize::quote;

impl Importer<'_> {
    /// The record's actors (those the document declares), and the `group` unless it is
    /// the name of one of them; the Unknown actor when there is neither.
    pub(super) fn event_actors(
        &mut self,
        at: &str,
        slide: &Slide,
        record: Option<&EventRecord>,
    ) -> Vec<String> {
        let mut actors: Vec<String> = Vec::new();
        for id in record.into_iter().flat_map(|r| &r.actors) {
            if self.actor_by_id.contains_key(id) {
                if !actors.contains(id) {
                    actors.push(id.clone());
                }
            } else {
                self.warn(format!(
                    "{at}: its record names the actor {}, which the document does not declare; it is dropped",
                    quote(id)
                ));
            }
        }
        // A group that shows nothing (`"\u0000"`, a lone mark) names no actor.
        let group = slide
            .group
            .as_deref()
            .map(str::trim)
            .filter(|g| !is_blank(&export::stripped_field_text(g)));
        // An exported group that names a kind or an era is not an actor.
        let group = group.filter(|_| record.is_none() || self.groups_are_actors);
        if let Some(group) = group {
            let known = actors.iter().any(|id| {
                self.actor_by_id
                    .get(id)
                    .is_some_and(|&i| export::group(&self.actors[i].name) == group)
            });
            if !known {
                let id = self.group_actor(group);
                actors.retain(|a| *a != id);
                // The group stands for the first actor: a changed group replaces it.
                if record.is_some() && !actors.is_empty() {
                    actors[0] = id;
                } else {
                    actors.insert(0, id);
                }
            }
        }
        if actors.is_empty() {
            self.without_group += 1;
            actors.push(self.unknown_actor());
        }
        actors
    }

    /// The actor a group names: an actor of that name if there is one, else a new one of
    /// the kind the options give.
    fn group_actor(&mut self, group: &str) -> String {
        let name = export::stripped_field_text(group);
        let name = if name.is_empty() {
            group.to_owned()
        } else {
            name
        };
        if let Some(&i) = self.actor_by_name.get(&name) {
            return self.actors[i].id.clone();
        }
        let id = self.actor_ids.claim(&slug(&name), "group");
        self.add_actor(RawActor {
            id: id.clone(),
            name,
            kind: self.options.group_kind,
            aliases: Vec::new(),
        });
        id
    }

    /// The stand-in actor for slides without a group, made on first use.
    fn unknown_actor(&mut self) -> String {
        if let Some(id) = &self.unknown_actor {
            return id.clone();
        }
        // A group called "Unknown" already stands for the same thing.
        if let Some(&i) = self.actor_by_name.get("Unknown") {
            let id = self.actors[i].id.clone();
            self.unknown_actor = Some(id.clone());
            return id;
        }
        let id = self.actor_ids.claim("unknown", "unknown");
        self.add_actor(RawActor {
            id: id.clone(),
            name: "Unknown".to_owned(),
            kind: RawActorKind::Group,
            aliases: Vec::new(),
        });
        self.unknown_actor = Some(id.clone());
        id
    }

    /// The record's sources (a date that does not read is dropped), and the media as a
    /// source unless it is one of them; the file itself when there is neither.
    pub(super) fn sources(
        &mut self,
        at: &str,
        slide: &Slide,
        record: Option<&EventRecord>,
    ) -> Vec<RawSource> {
        let mut sources = Vec::new();
        for s in record.into_iter().flat_map(|r| &r.sources) {
            let mut date = s.date.clone();
            if let Some(d) = &date
                && d.parse::<crate::model::Date>().is_err()
            {
                self.warn(format!(
                    "{at}: its record's source date {} does not read; it is dropped",
                    quote(d)
                ));
                date = None;
            }
            let mut url = s.url.clone();
            if let Some(u) = &url
                && !is_address(u)
            {
                self.warn(format!(
                    "{at}: its record's source url {} is not an absolute address; it is dropped",
                    quote(u)
                ));
                url = None;
            }
            sources.push(RawSource {
                publisher: s.publisher.clone(),
                title: s.title.clone(),
                date,
                url,
            });
        }
        if let Some(media) = &slide.media
            && let Some(source) = self.media_source(at, media)
            && !sources
                .iter()
                .any(|s| source.url.is_some() && s.url == source.url)
        {
            sources.push(source);
        }
        if sources.is_empty() {
            self.without_source += 1;
            let fallback = &self.fallback_source;
            sources.push(RawSource {
                publisher: fallback.publisher.clone(),
                title: fallback.title.clone(),
                date: None,
                url: None,
            });
        }
        sources
    }

    /// `media` as a source: `credit` (or the site) published it, `title` (or `caption`)
    /// names it, `url` is where it is. `None` without a url or a credit.
    fn media_source(&mut self, at: &str, media: &Media) -> Option<RawSource> {
        let text =
            |value: &Option<String>| value.as_deref().map(strip).filter(|t| !t.trim().is_empty());
        let url = media
            .url
            .as_deref()
            .map(str::trim)
            .filter(|u| !u.is_empty());
        let credit = text(&media.credit);
        let (mut title, caption) = (text(&media.title), text(&media.caption));
        // An embed (a quote, an iframe, a tweet) is markup, not an address: its address is
        // the `src` or `href` in it, and a quote's words are what the source says.
        let url = match url {
            Some(markup) if markup.starts_with('<') => {
                let embed = Embed::read(markup);
                self.warn(format!(
                    "{at}: its media is HTML ({}); {}",
                    embed.kind,
                    match (&embed.address, &embed.quote) {
                        (Some(a), None) =>
                            format!("its address {} becomes the source's url", quote(a)),
                        (None, Some(_)) => "its text becomes the source's title".to_owned(),
                        (Some(a), Some(_)) => format!(
                            "its address {} becomes the source's url and its text the title",
                            quote(a)
                        ),
                        (None, None) => "it has no address or text and is dropped".to_owned(),
                    }
                ));
                // The embed's words (a quote, a tweet's text) are what the source says;
                // the caption, often who said it, stays beside them.
                title = match (embed.quote, &caption) {
                    (Some(quote), Some(caption)) => Some(format!("{quote} — {caption}")),
                    (quote, _) => quote.or(title).or(caption.clone()),
                };
                embed.address
            }
            // A protocol-relative address (`//upload.wikimedia.org/…`), which TimelineJS
            // loads from the page's own scheme: the web's is https.
            Some(url) if url.starts_with("//") && is_address(&format!("https:{url}")) => {
                Some(format!("https:{url}"))
            }
            Some(url) if !is_address(url) => {
                self.warn(format!(
                    "{at}: its media url {} is not an absolute address (like https://…); it is dropped",
                    quote(url)
                ));
                None
            }
            Some(url) => Some(url.to_owned()),
            None => None,
        };
        if media.alt.as_deref().is_some_and(|a| !a.trim().is_empty()) {
            self.lose("media.alt");
        }
        // Without an address, credit or title, the caption is what is left to cite.
        if url.is_none() && credit.is_none() && title.is_none() && caption.is_none() {
            return None;
        }
        let embedded = media
            .url
            .as_deref()
            .is_some_and(|u| u.trim_start().starts_with('<'));
        if title.is_some() && caption.is_some() && !embedded {
            self.lose("media.caption");
        }
        let publisher = credit
            .or_else(|| url.as_deref().and_then(host))
            .unwrap_or_else(|| "unknown".to_owned());
        let title = title
            .or(caption)
            .or_else(|| url.clone())
            .unwrap_or_else(|| "untitled media".to_owned());
        Some(RawSource {
            publisher,
            title,
            date: None,
            url,
        })
    }
}

/// What an HTML embed in `media.url` holds.
struct Embed {
    kind: &'static str,
    address: Option<String>,
    quote: Option<String>,
}

impl Embed {
    fn read(markup: &str) -> Embed {
        let lower = markup.to_ascii_lowercase();
        let kind = if lower.contains("twitter-tweet") || lower.contains("twitter.com/") {
            "a tweet"
        } else if lower.starts_with("<iframe") {
            "an iframe"
        } else if lower.starts_with("<blockquote") {
            "a blockquote"
        } else {
            "markup"
        };
        let mut addresses = attributes(markup, "src").chain(attributes(markup, "href"));
        // A tweet's own address is its status link, the last link in the embed.
        let address = if kind == "a tweet" {
            let all: Vec<String> = attributes(markup, "href").collect();
            all.iter()
                .rev()
                .find(|a| a.contains("/status/"))
                .or(all.last())
                .cloned()
        } else {
            addresses.next()
        };
        let quote = Some(
            strip(markup)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        )
        .filter(|q| !q.is_empty());
        Embed {
            kind,
            address: address.filter(|a| is_address(a)),
            quote,
        }
    }
}

/// The values of one attribute in markup, entities decoded, in order.
fn attributes<'a>(markup: &'a str, name: &'a str) -> impl Iterator<Item = String> + 'a {
    let lower = markup.to_ascii_lowercase();
    let needle = format!("{name}=");
    let mut from = 0;
    std::iter::from_fn(move || {
        loop {
            let at = from + lower.get(from..)?.find(&needle)?;
            from = at + needle.len();
            // An attribute, not the end of another name (`data-src=`).
            if at > 0 && !lower.as_bytes()[at - 1].is_ascii_whitespace() {
                continue;
            }
            let rest = &markup[from..];
            let (quote, rest) = match rest.chars().next()? {
                q @ ('"' | '\'') => (q, &rest[1..]),
                _ => continue,
            };
            let value = &rest[..rest.find(quote)?];
            return Some(strip(value));
        }
    })
}

/// `www.example.org` → `example.org`: the site, as a publisher.
fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.trim_start_matches("www.");
    (!host.is_empty()).then(|| host.to_owned())
}

#[cfg(test)]
mod tests {
    use super::Embed;

    #[test]
    fn embeds_give_their_address_and_words() {
        let quote = Embed::read("<blockquote>We said <b>this</b>.</blockquote>");
        assert_eq!(
            (quote.kind, quote.address, quote.quote.as_deref()),
            ("a blockquote", None, Some("We said this."))
        );
        let frame =
            Embed::read("<iframe data-src='x' src='https://example.org/v?a=1&amp;b=2'></iframe>");
        assert_eq!(frame.kind, "an iframe");
        assert_eq!(
            frame.address.as_deref(),
            Some("https://example.org/v?a=1&b=2")
        );
        let tweet = Embed::read(
            "<blockquote class=\"twitter-tweet\"><p>Hi <a href=\"https://t.co/x\">link</a></p>\
             <a href=\"https://twitter.com/u/status/9\">date</a></blockquote>",
        );
        assert_eq!(tweet.kind, "a tweet");
        assert_eq!(
            tweet.address.as_deref(),
            Some("https://twitter.com/u/status/9")
        );
        let relative = Embed::read("<iframe src=\"/local/page\"></iframe>");
        assert_eq!(relative.address, None, "only absolute addresses");
    }

    #[test]
    fn host_names_the_site() {
        assert_eq!(
            super::host("https://www.bbc.co.uk/news/x"),
            Some("bbc.co.uk".to_owned())
        );
        assert_eq!(
            super::host("http://tass.com?id=1"),
            Some("tass.com".to_owned())
        );
        assert_eq!(super::host("not a url"), None);
    }
}
