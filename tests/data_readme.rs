//! `data/README.md` documents every key the regulation loader accepts: each field of each data file's
//! structure, each condition kind and each value of a closed list (levels, grades, explanation rules). A key
//! the loader learns without a line in the README fails here.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

use std::path::Path;

/// The sources whose `Deserialize` items make the data files' schema.
const SCHEMA_SOURCES: [&str; 6] = [
    "src/domain/loader.rs",
    "src/domain/classification.rs",
    "src/domain/self_assessment.rs",
    "src/domain/calendar.rs",
    "src/domain/holidays.rs",
    "src/domain/grades.rs",
];

fn snake_case(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// The keys of every item deriving `Deserialize` in a source: its fields, and for an enum its variants in
/// snake case (a condition's `kind`, a level, a grade).
fn keys_of(source: &str) -> Vec<String> {
    let mut keys = Vec::new();
    let mut inside = false;
    let mut armed = false;
    for line in source.lines() {
        if line.starts_with("#[derive(") && line.contains("Deserialize") {
            armed = true;
            continue;
        }
        if armed && (line.starts_with("pub struct") || line.starts_with("struct") || line.starts_with("pub enum")) {
            inside = line.ends_with('{');
            armed = false;
            continue;
        }
        if inside {
            if line.starts_with('}') {
                inside = false;
                continue;
            }
            let trimmed = line.trim_start();
            let depth = line.len() - trimmed.len();
            let field = trimmed.strip_prefix("pub ").unwrap_or(trimmed);
            if let Some((name, _)) = field.split_once(':')
                && !name.is_empty()
                && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            {
                keys.push(name.to_string());
            } else if depth == 4 && trimmed.starts_with(|c: char| c.is_ascii_uppercase()) {
                let name: String = trimmed.chars().take_while(char::is_ascii_alphanumeric).collect();
                keys.push(snake_case(&name));
            }
        }
    }
    keys
}

#[test]
fn every_key_the_loader_accepts_is_in_the_data_readme() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("data/README.md")).unwrap();
    let mut missing = Vec::new();
    let mut seen = 0;
    for file in SCHEMA_SOURCES {
        let source = std::fs::read_to_string(root.join(file)).unwrap();
        for key in keys_of(&source) {
            seen += 1;
            if !readme.contains(&format!("`{key}`")) {
                missing.push(format!("{file}: {key}"));
            }
        }
    }
    assert!(seen > 60, "the schema's keys were not found ({seen}): has the loader moved?");
    assert!(missing.is_empty(), "data/README.md does not document: {missing:#?}");
}

#[test]
fn the_key_finder_sees_fields_and_variants() {
    let source = "#[derive(Deserialize)]\nstruct A {\n    rate: String,\n    pub cap: Option<u32>,\n}\n\
                  #[derive(Debug, Deserialize)]\npub enum K {\n    TotalAtLeast {\n        value: Decimal,\n    },\n    Not,\n}\n";
    assert_eq!(keys_of(source), ["rate", "cap", "total_at_least", "value", "not"]);
}
