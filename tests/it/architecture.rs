//! The module structure the docs promise, checked on the source itself: no import cycle
//! between modules anywhere in `src/`, the explorer's state never reaches into its views,
//! and the explorer never reaches into the command layer (it returns the choice instead).
//!
//! Modules are files (`src/tui/app/nav.rs` is `tui::app::nav`); an edge is any path that
//! starts with `crate::` or `super::`, in a `use` (braces expanded) or inline, resolved to
//! the longest module it names. Comments are skipped; `mod x;` declarations are not edges.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `src/tui/app/mod.rs` → `["tui", "app"]`; `src/lib.rs` → `[]`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).expect("under src");
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().expect("a file name");
    let stem = last.trim_end_matches(".rs");
    if !matches!(stem, "mod" | "lib" | "main") {
        parts.push(stem.to_owned());
    }
    parts
}

/// The source without comments, so that prose naming a module is not an import.
fn code_of(text: &str) -> String {
    text.lines()
        .map(|l| l.find("//").map_or(l, |i| &l[..i]))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Expands `a::{b, c::{d, e}}` into `a::b`, `a::c::d`, `a::c::e`.
fn expand(tree: &str) -> Vec<String> {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        return vec![tree.to_owned()];
    };
    let prefix = &tree[..open];
    let inner = &tree[open + 1..tree.rfind('}').expect("balanced braces")];
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .flat_map(|p| expand(p).into_iter().map(move |e| format!("{prefix}{e}")))
        .collect()
}

/// Every `crate::…` / `super::…` path in the code, `use` trees expanded.
fn paths_in(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut statement: Option<String> = None;
    for line in code.lines() {
        let trimmed = line.trim_start();
        if statement.is_none() {
            let body = trimmed
                .strip_prefix("pub ")
                .or_else(|| trimmed.strip_prefix("pub(crate) "))
                .or_else(|| trimmed.strip_prefix("pub(super) "))
                .unwrap_or(trimmed);
            if let Some(tree) = body.strip_prefix("use ") {
                statement = Some(String::new());
                statement.as_mut().expect("just set").push_str(tree);
            }
        } else if let Some(s) = statement.as_mut() {
            s.push_str(trimmed);
        }
        if let Some(s) = statement.take_if(|s| s.contains(';')) {
            out.extend(expand(&s[..s.find(';').expect("contains ;")]));
        }
    }
    for (i, _) in code
        .match_indices("crate::")
        .chain(code.match_indices("super::"))
    {
        let before_ok = code[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric() && c != '_' && c != ':');
        if before_ok {
            let path: String = code[i..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            out.push(path);
        }
    }
    out
}

/// The module a path refers to, from module `from`: its longest prefix that is a module.
fn resolve(path: &str, from: &[String], modules: &BTreeSet<Vec<String>>) -> Option<Vec<String>> {
    let segments: Vec<&str> = path.split("::").map(str::trim).collect();
    let (mut base, rest): (Vec<String>, &[&str]) = match *segments.first()? {
        "crate" => (Vec::new(), &segments[1..]),
        "super" => {
            // `super` of a `mod.rs` file's module is its parent; so is that of a leaf file.
            let mut base = from.to_vec();
            let mut rest = &segments[..];
            while rest.first() == Some(&"super") {
                base.pop()?;
                rest = &rest[1..];
            }
            (base, rest)
        }
        _ => return None,
    };
    let mut best = base.clone();
    for s in rest {
        base.push((*s).to_owned());
        if modules.contains(&base) {
            best.clone_from(&base);
        } else {
            break;
        }
    }
    Some(best)
}

struct Graph {
    edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
    /// Raw paths per module, for the naming rules.
    paths: BTreeMap<Vec<String>, Vec<String>>,
    files: BTreeMap<Vec<String>, PathBuf>,
}

fn graph() -> Graph {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| module_of(&src, f)).collect();
    let mut graph = Graph {
        edges: BTreeMap::new(),
        paths: BTreeMap::new(),
        files: BTreeMap::new(),
    };
    for file in &files {
        let module = module_of(&src, file);
        // `main.rs` is its own crate: its `crate::` is not the library's.
        if file.ends_with("main.rs") && module.is_empty() {
            continue;
        }
        let code = code_of(&std::fs::read_to_string(file).expect("read a source file"));
        let paths = paths_in(&code);
        let targets = paths
            .iter()
            .filter_map(|p| resolve(p, &module, &modules))
            .filter(|t| *t != module)
            .collect();
        graph.edges.insert(module.clone(), targets);
        graph.paths.insert(module.clone(), paths);
        graph.files.insert(module, file.clone());
    }
    graph
}

/// A cycle, if the graph has one (depth-first search with colours).
fn find_cycle(edges: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>) -> Option<Vec<Vec<String>>> {
    fn visit(
        node: &Vec<String>,
        edges: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        state: &mut BTreeMap<Vec<String>, u8>,
        stack: &mut Vec<Vec<String>>,
    ) -> Option<Vec<Vec<String>>> {
        state.insert(node.clone(), 1);
        stack.push(node.clone());
        for next in edges.get(node).into_iter().flatten() {
            match state.get(next).copied().unwrap_or(0) {
                1 => {
                    let from = stack.iter().position(|n| n == next).expect("on the stack");
                    let mut cycle = stack[from..].to_vec();
                    cycle.push(next.clone());
                    return Some(cycle);
                }
                0 => {
                    if let Some(c) = visit(next, edges, state, stack) {
                        return Some(c);
                    }
                }
                _ => {}
            }
        }
        stack.pop();
        state.insert(node.clone(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for node in edges.keys() {
        if state.get(node).copied().unwrap_or(0) == 0 {
            let mut stack = Vec::new();
            if let Some(c) = visit(node, edges, &mut state, &mut stack) {
                return Some(c);
            }
        }
    }
    None
}

fn name(module: &[String]) -> String {
    if module.is_empty() {
        "crate".to_owned()
    } else {
        module.join("::")
    }
}

#[test]
fn the_parser_sees_imports_and_the_cycle_finder_finds_cycles() {
    // The checks below are only as good as these two pieces, so they are tested too.
    let paths = paths_in("use crate::{a::{b, c::D}, e};\nlet x = super::f::g(); // crate::h");
    assert!(paths.contains(&"crate::a::b".to_owned()), "{paths:?}");
    assert!(paths.contains(&"crate::a::c::D".to_owned()), "{paths:?}");
    assert!(paths.contains(&"crate::e".to_owned()), "{paths:?}");
    assert!(paths.contains(&"super::f::g".to_owned()), "{paths:?}");
    let code = code_of("let y = 1; // crate::h");
    assert!(paths_in(&code).is_empty());
    let m = |s: &str| s.split("::").map(str::to_owned).collect::<Vec<_>>();
    let mut edges = BTreeMap::new();
    edges.insert(m("a"), BTreeSet::from([m("b")]));
    edges.insert(m("b"), BTreeSet::from([m("c")]));
    edges.insert(m("c"), BTreeSet::new());
    assert!(find_cycle(&edges).is_none());
    edges.insert(m("c"), BTreeSet::from([m("a")]));
    assert!(find_cycle(&edges).is_some());
    let modules = BTreeSet::from([m("tui"), m("tui::app"), m("tui::app::nav")]);
    assert_eq!(
        resolve("super::Mode", &m("tui::app::nav"), &modules),
        Some(m("tui::app"))
    );
    assert_eq!(
        resolve("crate::tui::app::App", &m("x"), &modules),
        Some(m("tui::app"))
    );
}

#[test]
fn no_import_cycle_between_modules_in_src() {
    let graph = graph();
    assert!(graph.edges.len() > 40, "found the modules");
    assert!(
        graph.edges[&vec!["tui".to_owned(), "view".to_owned(), "list".to_owned()]]
            .contains(&vec!["tui".to_owned(), "app".to_owned()]),
        "found the edges (the list view reads the app)"
    );
    if let Some(cycle) = find_cycle(&graph.edges) {
        let names: Vec<String> = cycle.iter().map(|m| name(m)).collect();
        panic!("import cycle: {}", names.join(" → "));
    }
}

#[test]
fn the_explorer_state_never_names_its_views_and_never_the_command_layer() {
    let graph = graph();
    let mut problems = Vec::new();
    for (module, paths) in &graph.paths {
        if module.first().map(String::as_str) != Some("tui") {
            continue;
        }
        let file = graph.files[module].display().to_string();
        let is_view = module.get(1).map(String::as_str) == Some("view");
        // The loop in `tui/mod.rs` draws the screen, so it alone may name the views.
        let is_loop = module.len() == 1;
        for p in paths {
            if !is_view && !is_loop && p.split("::").any(|s| s == "view") {
                problems.push(format!("{file}: names a view: {p}"));
            }
            if p.starts_with("crate::command") {
                problems.push(format!("{file}: imports the command layer: {p}"));
            }
        }
        for target in &graph.edges[module] {
            if !is_view && !is_loop && target.get(1).map(String::as_str) == Some("view") {
                problems.push(format!("{file}: depends on {}", name(target)));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The house's layers, top to bottom: a module imports its own layer and those below,
/// never one above. `crate` (lib.rs, which only dispatches) stands above them all.
const LAYERS: &[&[&str]] = &[
    &["command"],
    &["cli"],
    &["complete"],
    &["tui"],
    &["error"],
    &["authoring", "notes"],
    &["interop"],
    &["output"],
    &["meter", "query"],
    &["load"],
    &["suggest"],
    &["model"],
    &["atomic", "colors", "editor", "fold", "sanitize"],
];

/// Inside the explorer: the views on top, then the loop (`tui/mod.rs`, `tui/loading.rs`,
/// `tui/perform.rs`),
/// then the state (`app`), then the models the state uses (everything else).
fn tui_layer(module: &[String]) -> usize {
    match module.get(1).map(String::as_str) {
        Some("view") => 0,
        None | Some("loading" | "perform") => 1,
        Some("app") => 2,
        Some(_) => 3,
    }
}

fn layer(module: &[String]) -> Option<usize> {
    let top = module.first()?;
    LAYERS.iter().position(|l| l.contains(&top.as_str()))
}

/// Where an import runs back up, if anywhere: the edge and why.
fn upward(from: &[String], to: &[String]) -> Option<String> {
    let (Some(a), Some(b)) = (layer(from), layer(to)) else {
        // `crate` itself: lib.rs may import anything; nothing imports it but to reach down.
        return None;
    };
    if b < a {
        return Some(format!(
            "{} imports {} from a layer above",
            name(from),
            name(to)
        ));
    }
    if from.first().map(String::as_str) == Some("tui")
        && to.first().map(String::as_str) == Some("tui")
        && tui_layer(to) < tui_layer(from)
    {
        return Some(format!(
            "{} imports {}, above it in the explorer",
            name(from),
            name(to)
        ));
    }
    None
}

/// The import graph of the code outside unit tests (a test may reach for any fixture).
fn graph_without_tests() -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let full = graph();
    let modules: BTreeSet<Vec<String>> = full.files.keys().cloned().collect();
    let mut edges = BTreeMap::new();
    for (module, file) in &full.files {
        let text = std::fs::read_to_string(file).expect("read a source file");
        let text = text.split("#[cfg(test)]").next().unwrap_or_default();
        let is_tests = file.file_stem().is_some_and(|s| s == "tests") && file.starts_with(&src);
        let targets: BTreeSet<Vec<String>> = if is_tests {
            BTreeSet::new()
        } else {
            paths_in(&code_of(text))
                .iter()
                // `crate::tui::{a, b}` is seen expanded; its bare head `crate::tui::` is not
                // an import of `tui` itself.
                .filter(|p| !p.ends_with("::"))
                .filter_map(|p| resolve(p, module, &modules))
                .filter(|t| t != module)
                .collect()
        };
        edges.insert(module.clone(), targets);
    }
    edges
}

#[test]
fn the_layering_rule_itself_catches_an_import_that_runs_up() {
    let m = |s: &str| s.split("::").map(str::to_owned).collect::<Vec<_>>();
    assert!(upward(&m("output::markdown"), &m("interop::html")).is_some());
    assert!(upward(&m("tui::app::nav"), &m("tui::view::list")).is_some());
    assert!(upward(&m("tui::time::model"), &m("tui::app")).is_some());
    assert!(upward(&m("tui::view::list"), &m("tui::app")).is_none());
    assert!(upward(&m("command::args"), &m("model::date")).is_none());
    // Every top-level module of src/ has its layer: a new one must be placed.
    let graph = graph();
    for module in graph.files.keys().filter(|m| !m.is_empty()) {
        assert!(
            layer(module).is_some(),
            "{} has no layer in LAYERS",
            name(module)
        );
    }
}

#[test]
fn no_import_runs_back_up_anywhere_in_src() {
    let edges = graph_without_tests();
    assert!(edges.len() > 40, "found the modules");
    let problems: Vec<String> = edges
        .iter()
        .flat_map(|(from, targets)| targets.iter().filter_map(move |to| upward(from, to)))
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// One name per file: no module poses as another's sibling through `#[path]`.
#[test]
fn no_module_in_src_is_given_a_path_of_another() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 40, "found the files");
    let pathed: Vec<String> = files
        .iter()
        .filter(|f| {
            code_of(&std::fs::read_to_string(f).expect("read"))
                .lines()
                .any(|l| l.trim_start().starts_with("#[path"))
        })
        .map(|f| f.display().to_string())
        .collect();
    assert!(pathed.is_empty(), "{pathed:?}");
}
