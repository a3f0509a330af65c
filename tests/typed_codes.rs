//! Issue 27: codes are typed at the edge and stay typed. A field or a binding that holds a unit's code is a
//! `UnitCode`, not a `String`; the few that hold text which is not (yet) a code are listed here with the reason.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on what it did not expect")]

use std::collections::BTreeMap;
use std::path::Path;

/// Where `unit: String` may stay, how many times, and why.
const ALLOWED: &[(&str, usize, &str)] = &[
    (
        "src/store/refused.rs",
        3,
        "UnknownUnit, NoUnitForRole, UnitNotInRound: the text a user typed that names no unit of the round",
    ),
    (
        "src/sftp/mod.rs",
        4,
        "the first name of a path as the SFTP client sent it: the store checks it names the unit on upload",
    ),
    ("src/tui/app/navigation.rs", 1, "open_unit's caller passes the queue's text; typed with the queue"),
];

/// How many times `unit: String` appears in each file of a tree.
fn count(dir: &Path, found: &mut BTreeMap<String, usize>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            count(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            let n = occurrences(&text);
            if n > 0 {
                let name = path.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap().to_string_lossy().replace('\\', "/");
                found.insert(name, n);
            }
        }
    }
}

/// `unit: String` as a field, a parameter or a typed binding (`let unit: String`, `pub unit: String`).
fn occurrences(text: &str) -> usize {
    text.match_indices("unit: String")
        .filter(|(at, _)| !text[..*at].ends_with(|c: char| c.is_alphanumeric() || c == '_'))
        .filter(|(at, m)| !text[at + m.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_'))
        .count()
}

#[test]
fn the_counter_finds_a_string_unit_and_only_that() {
    assert_eq!(occurrences("struct A { unit: String, other_unit: String, unit: StringLike }"), 1);
    assert_eq!(occurrences("fn f(unit: UnitCode) {}"), 0);
}

#[test]
fn unit_codes_are_typed_outside_the_short_list() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = BTreeMap::new();
    count(&src, &mut found);
    let allowed: BTreeMap<String, usize> = ALLOWED.iter().map(|(file, n, _)| ((*file).to_string(), *n)).collect();
    let over: Vec<String> = found
        .iter()
        .filter(|(file, n)| allowed.get(*file).is_none_or(|limit| *n > limit))
        .map(|(file, n)| format!("{file}: {n} × `unit: String` (hold a UnitCode)"))
        .collect();
    assert!(over.is_empty(), "unit codes held as plain text:\n{}", over.join("\n"));
}
