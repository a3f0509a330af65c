//! Telling Vietnamese in what the program shows under `--lang en` (issue 27 item 2): the letters only Vietnamese
//! writes, the round's data (which an English run shows as it is), and the words left once that data is taken out.
//! `tests/messages.rs` (the command line) and `tests/screens_lang.rs` (the screens) use it.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

use std::path::{Path, PathBuf};

/// Letters only Vietnamese writes (a vowel with its tone or hat, đ): English text never carries one.
const VIETNAMESE_LETTERS: &str = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ";

/// A placeholder for a piece taken out (no letter, so never a word).
pub const TAKEN: &str = "\u{2400}";

pub fn is_vietnamese_letter(c: char) -> bool {
    c.to_lowercase().any(|lower| VIETNAMESE_LETTERS.contains(lower))
}

/// Whether `text` carries a Vietnamese letter.
pub fn is_vietnamese(text: &str) -> bool {
    text.chars().any(is_vietnamese_letter)
}

/// The Vietnamese words of a text (split at whatever is not a letter or digit).
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|word| is_vietnamese(word)).map(ToString::to_string).collect()
}

/// Only the Vietnamese phrases, longest first, each once.
pub fn longest_first(mut phrases: Vec<String>) -> Vec<String> {
    phrases.retain(|phrase| is_vietnamese(phrase));
    phrases.sort_by_key(|phrase| std::cmp::Reverse(phrase.chars().count()));
    phrases.dedup();
    phrases
}

/// Every text the round at `db` and the program's data hold, which an English run shows as it is: each string of
/// the regulations' files and rows of data/ (unit names, criterion and condition titles, fact labels, quotes of
/// articles), what people typed into the round (unit names, full names, reasons, explanations, evidence titles;
/// never the audit log's details or a published copy, the program's own sentences), and `typed`. Vietnamese only,
/// longest first.
pub fn data_phrases(db: &Path, typed: &[&str]) -> Vec<String> {
    fn walk(value: &toml::Value, out: &mut Vec<String>) {
        match value {
            toml::Value::String(text) => out.push(text.clone()),
            toml::Value::Array(items) => items.iter().for_each(|item| walk(item, out)),
            toml::Value::Table(table) => table.values().for_each(|item| walk(item, out)),
            _ => {}
        }
    }
    fn files(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() { files(&path, out) } else { out.push(path) }
        }
    }
    let mut phrases: Vec<String> = typed.iter().map(ToString::to_string).collect();
    let mut paths = Vec::new();
    files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data"), &mut paths);
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        match path.extension().and_then(|e| e.to_str()) {
            Some("toml") => walk(&text.parse::<toml::Table>().unwrap().into(), &mut phrases),
            Some("csv") => {
                let mut reader = csv::Reader::from_reader(text.as_bytes());
                for record in reader.records() {
                    phrases.extend(record.unwrap().iter().map(ToString::to_string));
                }
            }
            _ => {}
        }
    }
    let connection = rusqlite::Connection::open(db).unwrap();
    for table in
        ["unit", "council_user", "score", "leader_score", "grade_override", "evidence", "rerating", "submission"]
    {
        let mut statement = connection.prepare(&format!("SELECT * FROM {table}")).unwrap();
        let columns = statement.column_count();
        let mut rows = statement.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            for at in 0..columns {
                if let Ok(Some(text)) = row.get::<_, Option<String>>(at) {
                    phrases.push(text);
                }
            }
        }
    }
    longest_first(phrases)
}

/// `text` with each of `phrases` it quotes whole (between word boundaries) replaced by [`TAKEN`].
pub fn take_out(text: &str, phrases: &[String]) -> String {
    let mut rest = text.to_string();
    for phrase in phrases {
        let mut from = 0;
        while let Some(found) = rest[from..].find(phrase.as_str()) {
            let at = from + found;
            let end = at + phrase.len();
            let bounded = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
            if bounded(rest[..at].chars().next_back()) && bounded(rest[end..].chars().next()) {
                rest.replace_range(at..end, TAKEN);
                from = at + TAKEN.len();
            } else {
                from = end;
            }
        }
    }
    rest
}

/// The Vietnamese words a line shows once the data it quotes whole is taken out.
pub fn outside(line: &str, phrases: &[String]) -> Vec<String> {
    words(&take_out(line, phrases))
}
