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

/// Names of a higher layer a lower one may use: the council's papers and workbooks word a unit's reasons with the
/// catalog's words for them (`messages::reasons`, which names only `domain`, so no layer loops back).
const WORDS_OF_REASONS: &[(&str, &[&str])] = &[
    ("sheet", &["crate::messages::reasons::", "crate::messages::Lang"]),
    ("papers", &["crate::messages::reasons::", "crate::messages::Lang"]),
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
                let allowed_names = WORDS_OF_REASONS.iter().filter(|(l, _)| l == layer).flat_map(|(_, n)| n.iter());
                let mut line = line.to_string();
                for name in allowed_names {
                    line = line.replace(name, "");
                }
                let line = line.as_str();
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

/// The words of the reasons, which the papers and workbooks name, name only the domain (and their own catalog).
#[test]
fn the_words_of_reasons_name_only_the_domain() {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/messages/reasons.rs")).unwrap();
    let named: Vec<&str> =
        text.lines().filter(|line| line.contains("crate::") && !line.contains("crate::domain::")).collect();
    assert!(named.is_empty(), "messages/reasons.rs names more than the domain: {named:?}");
}
