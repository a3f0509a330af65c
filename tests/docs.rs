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

/// Nothing in the library switches the lint off: not a module (`#![allow(missing_docs)]`, or an `allow` or
/// `expect` on its `mod` line), nor one item (`#[expect(missing_docs, reason = …)]` on an enum whose fields sit on
/// one line, or on a clap value enum): every public item, field and variant says what it is.
#[test]
fn missing_docs_is_never_switched_off() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let silenced: Vec<_> = files
        .iter()
        .filter(|file| switches_missing_docs_off(&std::fs::read_to_string(file).unwrap()))
        .map(|file| file.strip_prefix(&src).unwrap().display().to_string())
        .collect();
    assert!(silenced.is_empty(), "files that switch missing_docs off: {silenced:?}");
}

/// The code (of one source file, comments left out) allows or expects `missing_docs` in some attribute: its lint
/// list (what comes before `reason` or the closing parenthesis) names it, alone or among others, inner or outer,
/// or inside a `cfg_attr`.
fn switches_missing_docs_off(text: &str) -> bool {
    let code: String = text.lines().map(|line| line.split("//").next().unwrap_or("")).collect();
    let compact: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    ["allow(", "expect("].iter().any(|level| {
        compact.match_indices(level).any(|(at, _)| {
            let lints = &compact[at + level.len()..];
            let lints = &lints[..lints.find([')', '(']).unwrap_or(lints.len())];
            lints.split(',').any(|lint| lint == "missing_docs")
        })
    })
}

#[test]
fn a_lint_switched_off_is_seen() {
    assert!(switches_missing_docs_off("#![allow(missing_docs)]\n"));
    assert!(switches_missing_docs_off("#[allow(missing_docs, reason = \"later\")]\npub mod store;\n"));
    assert!(switches_missing_docs_off("#[expect(\n    missing_docs,\n    reason = \"later\"\n)]\nmod rows;\n"));
    assert!(switches_missing_docs_off(
        "#[expect(missing_docs, reason = \"the fields sit on their variant's one line\")]\npub enum RowPlace {}\n"
    ));
    assert!(switches_missing_docs_off("#[allow(missing_docs, reason = \"clap prints it\")]\npub enum TieArg {}\n"));
    assert!(switches_missing_docs_off("#[allow(dead_code, missing_docs)]\nstruct A;\n"));
    assert!(switches_missing_docs_off("#[cfg_attr(test, allow(clippy::unwrap_used, missing_docs))]\nstruct A;\n"));
    assert!(!switches_missing_docs_off("#![warn(missing_docs)]\n"));
    assert!(!switches_missing_docs_off("// a comment may say #[allow(missing_docs)]\nstruct A;\n"));
    assert!(!switches_missing_docs_off("#[allow(clippy::missing_docs_in_private_items)]\nstruct A;\n"));
}
