//! The documents hold together: every relative link in the README, `ARCHITECTURE.md`,
//! `CONTRIBUTING.md`, `BENCHMARKS.md` and `docs/*.md` names a file that exists, and a
//! `#anchor` names a heading of that file (GitHub's slugs); and the README stays a front
//! door: short, with the two commands that work on a fresh machine.
//!
//! Links are found by a real Markdown parser (pulldown-cmark), so a link inside a code
//! block is not a link and a reference-style link is.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The documents whose links are checked.
fn documents() -> Vec<PathBuf> {
    let root = Path::new(ROOT);
    let mut docs: Vec<PathBuf> = [
        "README.md",
        "ARCHITECTURE.md",
        "CONTRIBUTING.md",
        "BENCHMARKS.md",
    ]
    .iter()
    .map(|name| root.join(name))
    .collect();
    let mut manual: Vec<PathBuf> = std::fs::read_dir(root.join("docs"))
        .expect("docs/ reads")
        .map(|entry| entry.expect("a docs/ entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "md"))
        .collect();
    manual.sort();
    docs.extend(manual);
    docs
}

fn parser(text: &str) -> Parser<'_> {
    Parser::new_ext(text, Options::ENABLE_TABLES)
}

/// GitHub's anchor for a heading: lower case, spaces to `-`, every other character that
/// is not a letter, a digit, `-` or `_` dropped.
fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// The anchors of a document's headings; a repeated heading gets `-1`, `-2` … as on GitHub.
fn anchors(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut heading: Option<String> = None;
    for event in parser(text) {
        match event {
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::Text(t) | Event::Code(t) => {
                if let Some(h) = heading.as_mut() {
                    h.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                let base = slug(&heading.take().unwrap_or_default());
                let mut anchor = base.clone();
                let mut n = 0;
                while !found.insert(anchor.clone()) {
                    n += 1;
                    anchor = format!("{base}-{n}");
                }
            }
            _ => {}
        }
    }
    found
}

/// Whether a link leaves the repository: `https:`, `mailto:` or any other scheme.
fn is_external(dest: &str) -> bool {
    let Some((scheme, _)) = dest.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// Every relative link of `text` (the document at `file`) that does not resolve, as
/// `file: [dest]: why`.
fn broken_links(file: &Path, text: &str) -> Vec<String> {
    let dir = file.parent().expect("a document is in a directory");
    let name = file
        .strip_prefix(ROOT)
        .unwrap_or(file)
        .display()
        .to_string();
    let mut broken = Vec::new();
    for event in parser(text) {
        let Event::Start(Tag::Link { dest_url: dest, .. } | Tag::Image { dest_url: dest, .. }) =
            event
        else {
            continue;
        };
        let dest: &str = &dest;
        if is_external(dest) {
            continue;
        }
        let (path, anchor) = dest.split_once('#').unwrap_or((dest, ""));
        let target = if path.is_empty() {
            file.to_path_buf()
        } else {
            dir.join(path)
        };
        if !path.is_empty() && !target.exists() {
            broken.push(format!("{name}: [{dest}]: no such file"));
            continue;
        }
        if anchor.is_empty() {
            continue;
        }
        let target_text = if path.is_empty() {
            text.to_owned()
        } else if target.extension().is_some_and(|e| e == "md") {
            std::fs::read_to_string(&target).expect("a linked document reads")
        } else {
            broken.push(format!(
                "{name}: [{dest}]: an anchor into a file that is not Markdown"
            ));
            continue;
        };
        if !anchors(&target_text).contains(anchor) {
            broken.push(format!(
                "{name}: [{dest}]: no heading with the anchor '#{anchor}'"
            ));
        }
    }
    broken
}

#[test]
fn every_relative_link_in_the_docs_resolves() {
    let mut broken = Vec::new();
    let mut links = 0;
    for file in documents() {
        let text = std::fs::read_to_string(&file).expect("a document reads");
        links += parser(&text)
            .filter(|e| matches!(e, Event::Start(Tag::Link { .. })))
            .count();
        broken.extend(broken_links(&file, &text));
    }
    assert!(links > 20, "found the links ({links})");
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn a_broken_link_or_anchor_is_reported() {
    // The checker is only as good as its reading of links and headings.
    let file = Path::new(ROOT).join("SELF_TEST.md");
    let text = "\
# A heading

[fine](README.md) [fine](docs/explorer.md#search-rules) [fine](#a-heading)
[fine](docs/cli.md#output-formats---format) [web](https://example.com/nope.md)
[mail](mailto:someone@example.com) [dir](tests/browser/)
[gone](docs/nope.md) [gone](README.md#no-such-heading) [gone](#nor-this)
[gone][ref]

```
[not a link](nowhere.md)
```

[ref]: ARCHITECTURE.md#no-such-part
";
    let broken = broken_links(&file, text);
    assert_eq!(
        broken,
        [
            "SELF_TEST.md: [docs/nope.md]: no such file",
            "SELF_TEST.md: [README.md#no-such-heading]: no heading with the anchor '#no-such-heading'",
            "SELF_TEST.md: [#nor-this]: no heading with the anchor '#nor-this'",
            "SELF_TEST.md: [ARCHITECTURE.md#no-such-part]: no heading with the anchor '#no-such-part'",
        ]
    );
}

#[test]
fn anchors_follow_githubs_slugs() {
    assert_eq!(
        slug("Output formats (`--format`)"),
        "output-formats---format"
    );
    assert_eq!(
        slug("Pick mode (the fzf contract)"),
        "pick-mode-the-fzf-contract"
    );
    assert_eq!(
        slug("This round: the loader (issue 14)"),
        "this-round-the-loader-issue-14"
    );
    let found = anchors("# The explorer\n\n## Notes\n\n## Notes\n\n## `--file` and *more*\n");
    let expected = ["the-explorer", "notes", "notes-1", "--file-and-more"];
    assert_eq!(found, expected.iter().map(|s| (*s).to_owned()).collect());
}

#[test]
fn the_readme_is_a_front_door() {
    let readme = std::fs::read_to_string(Path::new(ROOT).join("README.md")).expect("README reads");
    let lines: Vec<&str> = readme.lines().collect();
    assert!(
        lines.len() <= 250,
        "README.md has {} lines; at most 250 (the manual is in docs/)",
        lines.len()
    );
    for command in ["cargo run --release", "cargo test"] {
        assert!(
            lines.iter().any(|l| l.trim() == command),
            "README.md has no line `{command}`"
        );
    }
}
