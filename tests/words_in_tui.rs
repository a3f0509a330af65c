//! Issue 27 item 2: every sentence a person reads from the interface comes from `src/messages/`. This reads the
//! interface's sources and fails on a string literal holding a Vietnamese letter outside `#[cfg(test)]` code.
//! It checks every file of `src/tui` (`SPEAKING_THROUGH_MESSAGES`, the views included); a new file must be listed
//! (`NOT_YET_CHECKED` is for a folder whose words are moving, empty today), and no function is exempt any more
//! (`AWAITING_DOMAIN_GATES` is empty since the three rules became domain gates, issue 27 item 1).
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on what it did not expect")]

use std::path::Path;

/// The interface's files whose words all come from the catalog.
const SPEAKING_THROUGH_MESSAGES: &[&str] = &[
    "src/tui/mod.rs",
    "src/tui/keymap.rs",
    "src/tui/effects.rs",
    "src/tui/app/mod.rs",
    "src/tui/app/comments.rs",
    "src/tui/app/desk.rs",
    "src/tui/app/details.rs",
    "src/tui/app/forms.rs",
    "src/tui/app/guard.rs",
    "src/tui/app/keys.rs",
    "src/tui/app/messages.rs",
    "src/tui/app/navigation.rs",
    "src/tui/app/panes.rs",
    "src/tui/app/screens.rs",
    "src/tui/app/unit_side.rs",
    "src/tui/app/views.rs",
    "src/tui/app/update/mod.rs",
    "src/tui/app/update/appraisal.rs",
    "src/tui/app/update/browse.rs",
    "src/tui/app/update/decisions.rs",
    "src/tui/app/update/desk.rs",
    "src/tui/app/update/mouse.rs",
    "src/tui/app/update/self_assessment.rs",
    "src/tui/view/charts.rs",
    "src/tui/view/desk.rs",
    "src/tui/view/editors.rs",
    "src/tui/view/form.rs",
    "src/tui/view/mod.rs",
    "src/tui/view/overlays.rs",
    "src/tui/view/progress.rs",
    "src/tui/view/queue.rs",
    "src/tui/view/ranking.rs",
    "src/tui/view/self_assessment.rs",
    "src/tui/view/unit.rs",
    "src/tui/view/wrap.rs",
];

/// Folders of the interface not checked yet: the views' words move to `messages/views.rs` in their own change.
const NOT_YET_CHECKED: &[&str] = &[];

/// Functions that still word a rule of their own (`who_may`, the approval blocker, the withdrawal refusal): they
/// become domain gates worded in `messages/` (issue 27 item 1), and leave this list then.
const AWAITING_DOMAIN_GATES: &[&str] = &[];

/// A letter of Vietnamese (or any Latin letter beyond ASCII).
fn vietnamese_letter(c: char) -> bool {
    c.is_alphabetic() && !c.is_ascii() && matches!(c as u32, 0xC0..=0x24F | 0x1E00..=0x1EFF)
}

/// One string literal of a source: where it starts (a byte offset) and its text.
struct Literal {
    at: usize,
    text: String,
}

/// The source with comments blanked (so braces and quotes in them count for nothing), and its string literals.
/// Handles `//` and `/* */` comments, `"…"` with escapes, raw strings `r#"…"#`, byte strings, char literals
/// (`'"'`, `'\''`) and lifetimes.
fn lex(source: &str) -> (String, Vec<Literal>) {
    let chars: Vec<(usize, char)> = source.char_indices().collect();
    let mut code = String::with_capacity(source.len());
    let mut literals = Vec::new();
    let mut i = 0;
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    while i < chars.len() {
        let (offset, c) = chars[i];
        match (c, at(i + 1)) {
            ('/', Some('/')) => {
                while i < chars.len() && chars[i].1 != '\n' {
                    i += 1;
                }
            }
            ('/', Some('*')) => {
                i += 2;
                while i < chars.len() && !(chars[i].1 == '*' && at(i + 1) == Some('/')) {
                    i += 1;
                }
                i += 2;
            }
            ('r', Some('"' | '#')) if !code.ends_with(|p: char| p.is_alphanumeric() || p == '_') => {
                match raw_string(&chars, i) {
                    Some((text, next)) => {
                        literals.push(Literal { at: offset, text });
                        code.push_str("\"\"");
                        i = next;
                    }
                    None => {
                        code.push(c);
                        i += 1;
                    }
                }
            }
            ('"', _) => {
                let mut text = String::new();
                i += 1;
                while i < chars.len() && chars[i].1 != '"' {
                    if chars[i].1 == '\\' {
                        i += 1;
                    }
                    if let Some(&(_, c)) = chars.get(i) {
                        text.push(c);
                    }
                    i += 1;
                }
                literals.push(Literal { at: offset, text });
                code.push_str("\"\"");
                i += 1;
            }
            ('\'', Some('\\')) => {
                // An escaped char literal: up to its closing quote.
                i += 2;
                while i < chars.len() && chars[i].1 != '\'' {
                    i += 1;
                }
                code.push_str("' '");
                i += 1;
            }
            ('\'', Some(_)) if at(i + 2) == Some('\'') => {
                code.push_str("' '");
                i += 3;
            }
            _ => {
                code.push(c);
                i += 1;
            }
        }
        // Keep the blanked code as long as the source up to here, so offsets match.
        let consumed = chars.get(i).map_or(source.len(), |&(o, _)| o);
        while code.len() < consumed {
            code.push(' ');
        }
    }
    (code, literals)
}

/// A raw string `r#"…"#` starting at `i` (the `r`): its text and where the code goes on; None if `r` is a name.
fn raw_string(chars: &[(usize, char)], i: usize) -> Option<(String, usize)> {
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let mut hashes = 0;
    let mut j = i + 1;
    while at(j) == Some('#') {
        hashes += 1;
        j += 1;
    }
    if at(j) != Some('"') {
        return None;
    }
    let closing: Vec<char> = std::iter::once('"').chain(std::iter::repeat_n('#', hashes)).collect();
    let start = j + 1;
    let mut end = start;
    while end < chars.len() && !chars[end..].iter().map(|&(_, c)| c).take(closing.len()).eq(closing.iter().copied()) {
        end += 1;
    }
    Some((chars[start..end].iter().map(|&(_, c)| c).collect(), end + closing.len()))
}

/// Byte ranges of the code not checked: `#[cfg(test)]` items and the functions awaiting a domain gate.
fn skipped(code: &str) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let starts = code.match_indices("#[cfg(test)]").map(|(at, _)| at);
    let gated = AWAITING_DOMAIN_GATES.iter().flat_map(|name| code.match_indices(name).map(|(at, _)| at));
    for start in starts.chain(gated) {
        let Some(open) = code[start..].find('{').map(|o| start + o) else { continue };
        let mut depth = 0;
        for (offset, c) in code[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        ranges.push((start, open + offset));
                        break;
                    }
                }
                _ => {}
            }
        }
    }
    ranges
}

/// The Vietnamese literals of a source outside the skipped ranges, with their line.
fn vietnamese_literals(source: &str) -> Vec<(usize, String)> {
    literals_where(source, |text| text.chars().any(vietnamese_letter))
}

/// The literals of a source outside the skipped ranges whose text `wanted`, with their line.
fn literals_where(source: &str, wanted: impl Fn(&str) -> bool) -> Vec<(usize, String)> {
    let (code, literals) = lex(source);
    let skipped = skipped(&code);
    literals
        .into_iter()
        .filter(|literal| wanted(&literal.text))
        .filter(|literal| !skipped.iter().any(|&(from, to)| (from..=to).contains(&literal.at)))
        .map(|literal| (source[..literal.at].lines().count(), literal.text))
        .collect()
}

#[test]
fn the_interface_says_nothing_outside_the_catalog() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    for file in SPEAKING_THROUGH_MESSAGES {
        let source = std::fs::read_to_string(root.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        found.extend(vietnamese_literals(&source).into_iter().map(|(line, text)| format!("{file}:{line}: {text:?}")));
    }
    assert!(found.is_empty(), "Vietnamese written outside src/messages/:\n{}", found.join("\n"));
}

#[test]
fn every_file_of_the_interface_is_checked_or_named_as_not_yet() {
    // A new file of the interface joins one list or the other: none is forgotten.
    for file in rust_files(&["src/tui"]) {
        let listed = SPEAKING_THROUGH_MESSAGES.contains(&file.as_str())
            || NOT_YET_CHECKED.iter().any(|folder| file.starts_with(&format!("{folder}/")));
        assert!(listed, "{file} is in neither list");
    }
}

#[test]
fn the_check_finds_what_it_looks_for() {
    // The check itself: a Vietnamese literal is found, in code, a raw string and after a char literal of a
    // quote, and in a function that once awaited its domain gate (none does any more); a comment and a test
    // module are not.
    let source = concat!(
        "// \"Bình luận\" in a comment\n",
        "fn a() -> &'static str { let _q = '\"'; \"Lưu\" }\n",
        "fn b() -> String { r#\"Đóng \"x\"\"#.to_string() }\n",
        "fn who_may(w: W) -> &'static str { \"Chỉ Thư ký\" }\n",
        "fn c() -> &'static str { \"plain English\" }\n",
        "#[cfg(test)]\n",
        "mod tests { fn t() { let _ = \"Kiểm thử\"; } }\n",
    );
    let found: Vec<String> = vietnamese_literals(source).into_iter().map(|(_, text)| text).collect();
    assert_eq!(found, vec!["Lưu".to_string(), "Đóng \"x\"".to_string(), "Chỉ Thư ký".to_string()]);
}

/// Every Rust file under these folders of the repository, by its path from the repository's root.
fn rust_files(folders: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    let mut folders: Vec<_> = folders.iter().map(|folder| root.join(folder)).collect();
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path.strip_prefix(root).unwrap().to_string_lossy().into_owned());
            }
        }
    }
    files
}

/// Folders whose sentences a person reads: the catalog, the interface and the command line.
const CITING_FOLDERS: [&str; 3] = ["src/messages", "src/tui", "src/cli"];

/// The literals of a source, outside `#[cfg(test)]` code and comments (doc comments included), that write an
/// article number of their own (*Điều 10.4*, *Article 10.4*), with their line.
fn fixed_articles(source: &str) -> Vec<(usize, String)> {
    let numbered = |text: &str, word: &str| {
        text.match_indices(word).any(|(at, _)| text[at + word.len()..].starts_with(|c: char| c.is_ascii_digit()))
    };
    literals_where(source, |text| ["Điều ", "Article ", "article "].iter().any(|word| numbered(text, word)))
}

/// Issue 26: an article is cited from the round's regulation's data (`rerating`, `[citations]`, `[self_assessment]
/// source` …), never written in the program: one regulation's article would be shown under another.
#[test]
fn no_article_of_a_regulation_is_written_in_the_program() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = rust_files(&CITING_FOLDERS);
    let mut found = Vec::new();
    for name in &files {
        let source = std::fs::read_to_string(root.join(name)).unwrap();
        found.extend(fixed_articles(&source).into_iter().map(|(line, text)| format!("{name}:{line}: {text:?}")));
    }
    assert!(files.len() > 60, "the folders were not read ({} files)", files.len());
    assert!(
        found.is_empty(),
        "an article written in the program, not taken from the regulation's data:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_article_check_finds_what_it_looks_for() {
    let source = concat!(
        "/// Re-rating (Điều 10.4) in a doc comment\n",
        "fn a() -> &'static str { \"xếp loại lại (Điều 10.4)\" }\n",
        "fn b() -> &'static str { \"the chairman re-rates (Article 10.4)\" }\n",
        "fn c() -> String { format!(\"Điều {n}\") }\n",
        "fn d() -> &'static str { \"Điều kiện\" }\n",
        "#[cfg(test)]\n",
        "mod tests { fn t() { let _ = \"Điều 7\"; } }\n",
    );
    let found: Vec<String> = fixed_articles(source).into_iter().map(|(_, text)| text).collect();
    assert_eq!(found, vec!["xếp loại lại (Điều 10.4)".to_string(), "the chairman re-rates (Article 10.4)".to_string()]);
}
