//! Issue 27 ("also"): the library's code documents itself. Every source file opens with a `//!` line saying what
//! the module is, and the layers are under `missing_docs`, so with clippy's `-D warnings` a public item without a
//! doc comment fails the build.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

use std::path::{Path, PathBuf};

/// The layers whose public items must all be documented; `store` and `tui` join them as their docs are written
/// (then the lint moves to `lib.rs` and covers the crate).
const DOCUMENTED: &[&str] = &["domain", "messages", "sheet", "papers", "sftp", "demo", "cli"];

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
fn the_documented_layers_are_under_missing_docs() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let crate_wide = asks_for_docs(&src.join("lib.rs"));
    let unguarded: Vec<_> =
        DOCUMENTED.iter().filter(|layer| !crate_wide && !asks_for_docs(&src.join(layer).join("mod.rs"))).collect();
    assert!(unguarded.is_empty(), "layers whose public items may go undocumented: {unguarded:?}");
}
