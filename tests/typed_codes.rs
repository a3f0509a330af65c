//! Issue 27: codes are typed at the edge and stay typed. A field, a parameter or a binding that holds a unit's
//! or a bloc's code is a `UnitCode` or a `BlocCode`, not a `String` nor a `&str`; the few that hold text which is
//! not (yet) a code are listed here with the reason. The list is exact: a place that becomes typed leaves it.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on what it did not expect")]

use std::collections::BTreeMap;
use std::path::Path;

/// The spellings of a code held as plain text, and the type that should hold it.
const FORMS: &[(&str, &str)] = &[
    ("unit: String", "UnitCode"),
    ("unit: &str", "&UnitCode"),
    ("bloc: String", "BlocCode"),
    ("bloc: &str", "&BlocCode"),
];

/// Where a form may stay, how many times, and why.
const ALLOWED: &[(&str, &str, usize, &str)] = &[
    (
        "unit: String",
        "src/store/refused.rs",
        3,
        "UnknownUnit, NoUnitForRole, UnitNotInRound: the text a user typed that names no unit of the round",
    ),
    ("bloc: String", "src/store/refused.rs", 1, "UnknownBloc: the text a user typed that names no bloc"),
    ("bloc: String", "src/store/row_problem.rs", 1, "UnknownBloc: the units file's cell that names no bloc"),
    (
        "bloc: &str",
        "src/store/import.rs",
        1,
        "check_unit_place: the units file's cell, the one place it is checked to name a bloc of the regulation",
    ),
    ("bloc: &str", "src/sheet/layout.rs", 1, "Meta::line prints the bloc's name (the regulation's), not its code"),
    (
        "bloc: &str",
        "src/messages/views.rs",
        3,
        "ranking_title, approval_title, distribution_title print the bloc's name (its code where it has none)",
    ),
];

/// How many times each form appears in each file of a tree, by (form, file).
fn count(dir: &Path, found: &mut BTreeMap<(String, String), usize>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            count(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            let name = path.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap().to_string_lossy().replace('\\', "/");
            for (form, _) in FORMS {
                let n = occurrences(&text, form);
                if n > 0 {
                    found.insert(((*form).to_string(), name.clone()), n);
                }
            }
        }
    }
}

/// `form` (`unit: String`) as a field, a parameter or a typed binding (`let unit: String`, `pub unit: String`),
/// as a whole word on both sides.
fn occurrences(text: &str, form: &str) -> usize {
    text.match_indices(form)
        .filter(|(at, _)| !text[..*at].ends_with(|c: char| c.is_alphanumeric() || c == '_'))
        .filter(|(at, m)| !text[at + m.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_'))
        .count()
}

/// What differs between the tree and the list: a form found more often than allowed, or an allowance that no
/// longer matches what is found (the list stays exact).
fn differences(found: &BTreeMap<(String, String), usize>) -> Vec<String> {
    let allowed: BTreeMap<(String, String), usize> =
        ALLOWED.iter().map(|(form, file, n, _)| (((*form).to_string(), (*file).to_string()), *n)).collect();
    let typed = |form: &str| FORMS.iter().find(|(f, _)| *f == form).map_or("", |(_, typed)| *typed);
    let over = found
        .iter()
        .filter(|(key, n)| allowed.get(*key).is_none_or(|limit| *n > limit))
        .map(|((form, file), n)| format!("{file}: {n} × `{form}` (hold a {})", typed(form)));
    let stale = allowed
        .iter()
        .filter(|(key, n)| found.get(*key).is_none_or(|found| found < n))
        .map(|((form, file), n)| format!("{file}: allowed {n} × `{form}`, found fewer: lower the allowance"));
    over.chain(stale).collect()
}

#[test]
fn the_counter_finds_each_plain_form_and_only_that() {
    assert_eq!(occurrences("struct A { unit: String, other_unit: String, unit: StringLike }", "unit: String"), 1);
    assert_eq!(occurrences("fn f(unit: UnitCode) {}", "unit: String"), 0);
    assert_eq!(occurrences("fn f(unit: &str, sub_unit: &str, unit: &strs) {}", "unit: &str"), 1);
    assert_eq!(occurrences("fn f(bloc: &BlocCode, bloc: &str) { let bloc: String; }", "bloc: &str"), 1);
    assert_eq!(occurrences("fn f(bloc: &BlocCode, bloc: &str) { let bloc: String; }", "bloc: String"), 1);
}

#[test]
fn a_new_plain_code_or_a_stale_allowance_is_found() {
    let mut found = BTreeMap::new();
    for (form, file, n, _) in ALLOWED {
        found.insert(((*form).to_string(), (*file).to_string()), *n);
    }
    assert!(differences(&found).is_empty(), "the list itself passes");
    found.insert(("unit: &str".to_string(), "src/store/new.rs".to_string()), 1);
    let said = differences(&found);
    assert_eq!(said, ["src/store/new.rs: 1 × `unit: &str` (hold a &UnitCode)"]);
    found.remove(&("unit: &str".to_string(), "src/store/new.rs".to_string()));
    if let Some((form, file, n, _)) = ALLOWED.first() {
        found.insert(((*form).to_string(), (*file).to_string()), n - 1);
        assert_eq!(differences(&found).len(), 1, "an allowance above what is found is stale");
    }
}

#[test]
fn unit_and_bloc_codes_are_typed_outside_the_short_list() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = BTreeMap::new();
    count(&src, &mut found);
    let said = differences(&found);
    assert!(said.is_empty(), "codes held as plain text:\n{}", said.join("\n"));
}
