//! The hostile suite, second round: Markdown output is inert. Text from the file, however
//! it is written, gives the document the same structure (headings, lists, quotes, code,
//! HTML, links, images, footnotes) as plain words would, and only `http`, `https` and
//! `mailto` addresses become links. The structure is read by a real `CommonMark` + GFM
//! parser (pulldown-cmark), not by looking for substrings.

use crate::common;
use pulldown_cmark::{Event, Options, Parser, Tag};

/// Text that would restructure a Markdown document if written as it is.
const HOSTILE: &str = "# not a heading [^1]: <script>alert(1)</script> [x](javascript:alert(1)) \
![i](http://e.example/i.png) <b>b</b> &lt;i&gt; \\[y](z) ## \n\
# Heading\n[^1]: a fake source\n[ref]: javascript:alert(1)\n[ref] and [^1]\n> quote\n\
- item\n* item\n+ item\n1. one\n2) two\n    indented code\n```\nfence\n```\n~~~\nfence\n~~~\n\
===\n---\n| a | b |\n|---|---|\n<div>html</div>\n<!-- comment -->\n<http://auto.example>";

/// A RON string literal holding `text`.
fn ron(text: &str) -> String {
    format!("{text:?}")
}

/// A timeline with `text` in every text field, and `url` as the address of a source.
fn timeline(text: &str, url: &str) -> String {
    let t = ron(text);
    let url = ron(url);
    format!(
        "(title: {t}, description: {t}, \
         actors: [(id: \"a\", name: {t}, kind: State)], \
         eras: [(id: \"e\", name: {t}, start: \"1979\", end: \"1989\")], \
         events: [(id: \"one\", date: \"1980\", title: {t}, summary: {t}, detail: {t}, \
         location: {t}, tags: [{t}], actors: [\"a\"], \
         sources: [(publisher: {t}, title: {t}, url: {url}), (publisher: \"p\", title: {t})])])"
    )
}

/// The structure of a Markdown document: every block and every link-like element, with
/// its target; text and emphasis are left out.
fn structure(markdown: &str) -> Vec<String> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_GFM;
    Parser::new_ext(markdown, options)
        .filter_map(|event| match event {
            Event::Start(tag) => match tag {
                Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Superscript => None,
                Tag::Link { dest_url, .. } => Some(format!("link {dest_url}")),
                Tag::Image { dest_url, .. } => Some(format!("image {dest_url}")),
                other => Some(format!("{other:?}")),
            },
            Event::Html(html) | Event::InlineHtml(html) => Some(format!("html {html}")),
            Event::FootnoteReference(label) => Some(format!("footnote-ref {label}")),
            Event::Code(_) => Some("code".to_owned()),
            _ => None,
        })
        .collect()
}

/// What `args` prints for the timeline `text`.
fn markdown(name: &str, text: &str, args: &[&str]) -> String {
    let path = common::scratch(&format!("markdown-{name}.ron"), text.as_bytes());
    let mut all = vec!["--file", &path];
    all.extend_from_slice(args);
    let out = common::run(&all);
    out.code(0);
    out.stdout
}

#[test]
fn hostile_text_gives_the_structure_plain_words_give() {
    for args in [
        &["export", "--to", "markdown"][..],
        &["list", "--format", "markdown"][..],
        &["show", "one", "--format", "markdown"][..],
    ] {
        let plain = markdown(
            "plain",
            &timeline("plain words", "ftp://plain.example"),
            args,
        );
        for text in [
            HOSTILE.to_owned(),
            format!("   {HOSTILE}"),
            format!("\t{HOSTILE}"),
        ] {
            let hostile = markdown("hostile", &timeline(&text, "javascript:alert(1)"), args);
            assert_eq!(
                structure(&hostile),
                structure(&plain),
                "{args:?}:\n{hostile}"
            );
            assert!(!hostile.contains('<'), "{args:?}: raw '<' in\n{hostile}");
        }
    }
}

#[test]
fn only_web_and_mail_addresses_become_links() {
    for (url, linked) in [
        ("https://example.org/a?b=1", true),
        ("http://example.org", true),
        ("mailto:desk@example.org", true),
        ("javascript:alert(1)", false),
        ("data:text/html,<script>alert(1)</script>", false),
        ("vbscript:msgbox", false),
        ("https://example.org/>x", false),
    ] {
        let out = markdown(
            "link",
            &timeline("plain", url),
            &["export", "--to", "markdown"],
        );
        let links: Vec<String> = structure(&out)
            .into_iter()
            .filter(|s| s.starts_with("link "))
            .collect();
        if linked {
            assert_eq!(links, [format!("link {url}")], "{url}:\n{out}");
        } else {
            assert!(links.is_empty(), "{url}: {links:?}\n{out}");
        }
    }
}
