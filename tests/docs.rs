//! Issue 27 ("also"): the library's code documents itself. Every source file opens with a `//!` line saying what
//! the module is, and the whole library is under `missing_docs` (asked once, at the crate root), so with clippy's
//! `-D warnings` a public item without a doc comment fails the build.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

use std::path::{Path, PathBuf};

fn sources(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// The file asks for `missing_docs` at warn, deny or forbid level among its inner attributes.
fn asks_for_docs(file: &Path) -> bool {
    let text = std::fs::read_to_string(file).unwrap();
    text.lines()
        .map(str::trim)
        .take_while(|line| line.is_empty() || line.starts_with("//!") || line.starts_with("#!"))
        .any(|line| {
            ["#![warn(", "#![deny(", "#![forbid("].iter().any(|level| line.starts_with(level))
                && line.contains("missing_docs")
        })
}

#[test]
fn every_source_file_opens_with_a_module_doc_line() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    assert!(files.len() > 100, "the crate's sources are found: {}", files.len());
    let undocumented: Vec<_> = files
        .iter()
        .filter(|file| {
            !std::fs::read_to_string(file).unwrap().lines().next().is_some_and(|line| line.starts_with("//!"))
        })
        .map(|file| file.strip_prefix(&src).unwrap().display().to_string())
        .collect();
    assert!(undocumented.is_empty(), "files without a `//!` first line: {undocumented:?}");
}

#[test]
fn the_whole_library_is_under_missing_docs() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    assert!(asks_for_docs(&src.join("lib.rs")), "src/lib.rs asks for `missing_docs` at the crate root");
}

/// No file switches the lint off for a whole module (`#![allow(missing_docs)]` inside it, or an `allow` or
/// `expect` on its `mod` line): an exception is written on the one item it concerns, with its reason.
#[test]
fn no_module_turns_missing_docs_off() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let silenced: Vec<_> = files
        .iter()
        .filter(|file| silences_a_module(&std::fs::read_to_string(file).unwrap()))
        .map(|file| file.strip_prefix(&src).unwrap().display().to_string())
        .collect();
    assert!(silenced.is_empty(), "files that switch missing_docs off for a module: {silenced:?}");
}

/// The text (of one source file) turns `missing_docs` off for a module.
fn silences_a_module(text: &str) -> bool {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if ["#![allow(missing_docs", "#![expect(missing_docs"].iter().any(|inner| compact.contains(inner)) {
        return true;
    }
    ["#[allow(missing_docs", "#[expect(missing_docs"].iter().any(|outer| {
        compact.match_indices(outer).any(|(at, _)| {
            let after = &compact[at..];
            let item = after.find(")]").map_or("", |end| &after[end + 2..]);
            ["mod", "pubmod", "pub(crate)mod"].iter().any(|start| item.starts_with(start))
        })
    })
}

#[test]
fn a_module_switched_off_is_seen() {
    assert!(silences_a_module("#![allow(missing_docs)]\n"));
    assert!(silences_a_module("#[allow(missing_docs, reason = \"later\")]\npub mod store;\n"));
    assert!(silences_a_module("#[expect(\n    missing_docs,\n    reason = \"later\"\n)]\nmod rows;\n"));
    assert!(!silences_a_module("#[allow(missing_docs, reason = \"clap prints it\")]\npub enum TieArg {}\n"));
}
