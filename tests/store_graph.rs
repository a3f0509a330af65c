//! The import graph of `src/store` (issue 27): which file names which. `audit verify` (`store/verify/`) sits above
//! the trail (`audit.rs`, `action.rs`), the recorder (`state.rs`), the migrations (`schema.rs`) and the seed, and
//! none of them reaches it; the shapes the files share live in `rows.rs` and `dates.rs`, so nobody names
//! `import.rs` for one; and the graph's cycles are only the ones justified below.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// A file of `src/store` (its stem), or a folder of it (its name: `verify`), and the nodes it names.
type Graph = BTreeMap<String, BTreeSet<String>>;

/// The store's root file: it declares every file and defines `Store`, which each file extends with `impl Store`;
/// an edge to it says "adds methods to the store" (or "uses the root's three text helpers"), not a layer.
const ROOT: &str = "mod";

/// The trail, the recorder, the migrations and the seed: what every write and every round's creation reaches.
const BELOW_THE_VERIFIER: [&str; 5] = ["audit", "action", "state", "schema", "seed"];

const VERIFIER: &str = "verify";

/// The cycles left, each with why its files belong together. A cycle found must fit inside one of these.
const JUSTIFIED_CYCLES: &[(&[&str], &str)] = &[(
    &[
        "error",
        "refused",
        "row_problem",
        "file_fault",
        "open_error",
        "trust",
        "files",
        "exceptions",
        "papers",
        "paper_settings",
    ],
    // The typed refusals. `StoreError` (error.rs) wraps each kind of refusal, and each kind is defined beside the
    // rule that raises it (an upload's in files.rs, a quota exception's in exceptions.rs, a paper's in papers.rs
    // and paper_settings.rs, a file's trust in trust.rs, an open's in open_error.rs), whose functions return
    // `StoreError`. Cutting this loop would part each rule from the words of its refusal. The trail, the recorder,
    // the migrations and the verifier are outside it: they name none of it, or are named by none of it.
    "the typed refusals and the rules that raise them",
)];

/// The files every write reaches stand in no cycle: the trail names only the actions and the clock, the recorder
/// only the trail and the clock (their errors are SQLite's).
const OUTSIDE_EVERY_CYCLE: [&str; 4] = ["audit", "action", "state", "rows"];

/// The code of a file without comments and without its unit tests (`#[cfg(test)] mod tests` closes a file).
fn code_of(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => &text[..at],
        None => text.as_str(),
    };
    text.lines().map(|line| line.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n")
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// The first names after each `prefix` in `code`: `super::audit::Change` gives `audit`; `super::{Store, audit_one}`
/// gives `Store` and `audit_one` (the first name of each item of the group).
fn names_after(code: &str, prefix: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find(prefix) {
        let before_ok = rest[..at].chars().next_back().is_none_or(|c| !is_ident(c) && c != ':');
        rest = &rest[at + prefix.len()..];
        if !before_ok {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            let (mut depth, mut item, mut first) = (0, String::new(), true);
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => first = true,
                    c if depth == 0 && is_ident(c) && first => item.push(c),
                    _ if !item.is_empty() => {
                        names.push(std::mem::take(&mut item));
                        first = false;
                    }
                    _ => {}
                }
            }
            if !item.is_empty() {
                names.push(item);
            }
        } else {
            names.push(rest.chars().take_while(|c| is_ident(*c)).collect());
        }
    }
    names
}

/// The store's import graph, from `use super::…`, `crate::store::…` and (in the root) `module::…`.
fn graph() -> Graph {
    let store = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/store");
    // Each node and its files; in a folder, `super::` names the folder's own files except in its `mod.rs`.
    let mut files: BTreeMap<String, Vec<(std::path::PathBuf, bool)>> = BTreeMap::new();
    for entry in std::fs::read_dir(&store).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            for inner in std::fs::read_dir(&path).unwrap() {
                let inner = inner.unwrap().path();
                let folder_root = inner.file_stem().is_some_and(|s| s == "mod");
                files.entry(name.clone()).or_default().push((inner, folder_root));
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.entry(name).or_default().push((path, true));
        }
    }
    // The names the root brings in (`pub use error::{…}`, `use audit::{…}`) belong to the node they come from.
    let root = code_of(&store.join("mod.rs"));
    let mut brought: BTreeMap<String, String> = BTreeMap::new();
    for node in files.keys() {
        for name in names_after(&root, &format!("use {node}::")) {
            brought.insert(name, node.clone());
        }
    }
    let mut graph = Graph::new();
    for (node, paths) in &files {
        let mut targets = BTreeSet::new();
        for (path, super_is_store) in paths {
            let code = code_of(path);
            let mut names = names_after(&code, "crate::store::");
            if *super_is_store {
                names.extend(names_after(&code, "super::"));
            }
            if node == ROOT {
                names.extend(files.keys().filter(|other| code.contains(&format!("{other}::"))).cloned());
            }
            for name in names {
                let target = if files.contains_key(&name) {
                    name
                } else {
                    brought.get(&name).cloned().unwrap_or_else(|| ROOT.to_string())
                };
                targets.insert(target);
            }
        }
        targets.remove(node);
        graph.insert(node.clone(), targets);
    }
    graph
}

/// The nodes `from` reaches, the root left out (it declares every file, so through it all reach all).
fn reached(graph: &Graph, from: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut todo = vec![from.to_string()];
    while let Some(node) = todo.pop() {
        for next in graph.get(&node).into_iter().flatten() {
            if next != ROOT && seen.insert(next.clone()) {
                todo.push(next.clone());
            }
        }
    }
    seen
}

/// The strongly connected parts of more than one node (the cycles), the root left out.
fn cycles(graph: &Graph) -> Vec<BTreeSet<String>> {
    let mut found: Vec<BTreeSet<String>> = Vec::new();
    for node in graph.keys().filter(|n| *n != ROOT) {
        if found.iter().any(|part| part.contains(node)) {
            continue;
        }
        let forward = reached(graph, node);
        let part: BTreeSet<String> =
            forward.iter().filter(|other| reached(graph, other).contains(node)).cloned().collect();
        if !part.is_empty() {
            let mut part = part;
            part.insert(node.clone());
            found.push(part);
        }
    }
    found
}

fn printed(graph: &Graph) -> String {
    graph
        .iter()
        .map(|(node, named)| format!("{node:>16} → {}", named.iter().cloned().collect::<Vec<_>>().join(" ")))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The reading works: known edges are found (else the checks below would pass on an empty graph).
#[test]
fn the_graph_is_read() {
    let graph = graph();
    eprintln!("{}", printed(&graph));
    assert!(graph["state"].contains("audit"), "the recorder names the trail");
    assert!(graph[VERIFIER].contains("state"), "the verifier reads the recorder's tables");
    assert!(graph[VERIFIER].contains("seed"), "the verifier regenerates a demo round");
    assert!(graph[ROOT].contains("schema"), "the root runs the migrations");
    assert!(graph["write"].contains("rows"), "the writes take the shared rows");
    assert!(graph["import"].contains("csv_input"), "the imports read CSV");
}

#[test]
fn nothing_below_the_verifier_reaches_it() {
    let graph = graph();
    for below in BELOW_THE_VERIFIER {
        let reach = reached(&graph, below);
        assert!(!reach.contains(VERIFIER), "{below} reaches {VERIFIER} through {reach:?}\n{}", printed(&graph));
    }
    let naming: Vec<&String> =
        graph.iter().filter(|(n, named)| *n != ROOT && named.contains(VERIFIER)).map(|(n, _)| n).collect();
    assert!(naming.is_empty(), "only the store's root declares the verifier; these name it: {naming:?}");
}

/// No file names `import.rs` for a shape: the store's files nor the layers above (they call `Store::import_*`).
#[test]
fn nobody_names_the_imports_for_a_shape() {
    let graph = graph();
    let naming: Vec<&String> =
        graph.iter().filter(|(n, named)| *n != ROOT && named.contains("import")).map(|(n, _)| n).collect();
    assert!(naming.is_empty(), "these store files name import.rs: {naming:?}");
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut stack = vec![src];
    let mut outside = Vec::new();
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("src/store/mod.rs") {
                let code = code_of(&path);
                if code.contains("store::import::")
                    || (path.starts_with(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/store"))
                        && code.contains("super::import"))
                {
                    outside.push(path.display().to_string());
                }
            }
        }
    }
    assert!(outside.is_empty(), "these files name store::import for a shape: {outside:?}");
}

#[test]
fn only_justified_cycles() {
    let graph = graph();
    let found = cycles(&graph);
    eprintln!("cycles of src/store (the root left out):");
    for part in &found {
        eprintln!("  {}", part.iter().cloned().collect::<Vec<_>>().join(" ↔ "));
    }
    for part in &found {
        let justified =
            JUSTIFIED_CYCLES.iter().any(|(allowed, _)| part.iter().all(|node| allowed.contains(&node.as_str())));
        assert!(justified, "a cycle no comment justifies: {part:?}\n{}", printed(&graph));
    }
}

#[test]
fn the_trail_and_the_recorder_are_in_no_cycle() {
    let graph = graph();
    for part in cycles(&graph) {
        for node in OUTSIDE_EVERY_CYCLE {
            assert!(!part.contains(node), "{node} is in the cycle {part:?}\n{}", printed(&graph));
        }
    }
    for node in OUTSIDE_EVERY_CYCLE {
        let reach = reached(&graph, node);
        assert!(!reach.contains("error"), "{node} names the store's errors through {reach:?}");
    }
}
