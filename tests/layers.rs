//! The layers point one way: `domain` ← `store` ← `sheet` (and `papers`) ← `messages`, `demo` ← `tui`, `cli`. A module names only the
//! layers below it, so the rules never depend on SQLite and the store never on a spreadsheet or a screen.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

use std::path::Path;

/// Each layer and the layers it may name (besides itself).
const LAYERS: &[(&str, &[&str])] = &[
    ("domain", &[]),
    ("store", &["domain"]),
    ("sheet", &["domain", "store"]),
    ("demo", &["domain", "store"]),
    // The council's papers (.docx, the publication page) sit beside the workbooks and reuse their check block.
    ("papers", &["domain", "store", "sheet"]),
    // The message catalog words what the layers below return; only the edges (interface, command line) name it.
    ("messages", &["domain", "store", "sheet"]),
    ("tui", &["domain", "store", "sheet", "papers", "messages"]),
    // Files over SSH (issue 24): a server of the store's files, worded by the catalog; only the command line starts it.
    ("sftp", &["domain", "store", "sheet", "papers", "messages"]),
    ("cli", &["domain", "store", "sheet", "papers", "messages", "demo", "tui", "sftp"]),
];

fn sources(dir: &Path, found: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

#[test]
fn no_layer_names_a_layer_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut breaks = Vec::new();
    for (layer, allowed) in LAYERS {
        let mut files = Vec::new();
        sources(&src.join(layer), &mut files);
        assert!(!files.is_empty(), "src/{layer} has sources");
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            for (number, line) in text.lines().enumerate() {
                for (other, _) in LAYERS {
                    let named =
                        line.contains(&format!("crate::{other}::")) || line.contains(&format!("crate::{other};"));
                    if other != layer && named && !allowed.contains(other) {
                        breaks.push(format!(
                            "{}:{}: {layer} names {other}: {}",
                            file.display(),
                            number + 1,
                            line.trim()
                        ));
                    }
                }
            }
        }
    }
    assert!(breaks.is_empty(), "a lower layer names a higher one:\n{}", breaks.join("\n"));
}
