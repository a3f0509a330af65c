//! Imports from a person's inbox (`/nhap` over SFTP), as the secretary's desk runs them: the same store
//! functions as `thamdinh import KIND FILE`, first tried in a transaction that is rolled back (a preview of what
//! would change, or every problem of the file), then for real.

use crate::store::Imported;
use crate::store::preview::Preview;
use crate::store::{Refused, Store, StoreError};
use std::path::{Path, PathBuf};

/// What a file holds, as `thamdinh import KIND` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// `units`: code, name, bloc, group.
    Units,
    /// `scores`: self-scores, appraisals, reasons, applicability, explanations.
    Scores,
    /// `grades`: the council's grade overrides, each with its reason.
    Grades,
    /// `facts`: unit, fact, value.
    Facts,
    /// `evidence`: the units' documents (*tài liệu kiểm chứng*).
    Evidence,
    /// A filled score sheet (.xlsx).
    Sheet,
}

impl FileKind {
    /// Every kind, in the order the desk offers them.
    pub const ALL: [FileKind; 6] =
        [FileKind::Units, FileKind::Scores, FileKind::Grades, FileKind::Facts, FileKind::Evidence, FileKind::Sheet];

    /// The kind a file evidently is: a workbook is a score sheet; a CSV file by its header's columns.
    pub fn guess(path: &Path) -> Option<FileKind> {
        let extension = path.extension()?.to_string_lossy().to_lowercase();
        if extension == "xlsx" {
            return Some(FileKind::Sheet);
        }
        if extension != "csv" {
            return None;
        }
        let text = std::fs::read_to_string(path).ok()?;
        let header = text.trim_start_matches('\u{feff}').lines().next()?.to_lowercase();
        let columns: Vec<&str> = header.split([',', ';']).map(str::trim).collect();
        let has = |name: &str| columns.contains(&name);
        if has("code") && has("bloc") {
            Some(FileKind::Units)
        } else if has("fact") && has("value") {
            Some(FileKind::Facts)
        } else if has("grade") {
            Some(FileKind::Grades)
        } else if has("title") && has("reference") {
            Some(FileKind::Evidence)
        } else if has("unit") && has("criterion") {
            Some(FileKind::Scores)
        } else {
            None
        }
    }
}

/// Imports a file for real: one transaction, audited under the session's user.
pub fn import_file(store: &mut Store, kind: FileKind, path: &Path) -> Result<Imported, StoreError> {
    match kind {
        FileKind::Units => store.import_units(path),
        FileKind::Scores => store.import_scores(path),
        FileKind::Grades => store.import_grades(path),
        FileKind::Facts => store.import_facts(path),
        FileKind::Evidence => store.import_evidence(path),
        FileKind::Sheet => super::import_sheet(store, path),
    }
}

/// A file tried without writing: what it would change, or every problem found in it.
#[derive(Debug)]
pub enum Checked {
    /// Nothing wrong: what the import would change, for the person to confirm.
    Clean(Preview<Imported>),
    /// Every problem found (up to the most a preview lists); nothing was written.
    Refused(Vec<StoreError>),
}

/// The most problems a preview lists (a file wrong on every line says so well enough by then).
pub const MOST_PROBLEMS: usize = 200;

/// Tries the import in a transaction that is rolled back. A refused CSV file is tried again without each
/// refused line (blanked, so every other line keeps its number) until it passes: every problem of the file is
/// listed, each with its line, column and rule. A problem of the whole file (its header, a workbook) ends the list.
pub fn preview_file(store: &mut Store, kind: FileKind, path: &Path) -> Result<Checked, StoreError> {
    let mut problems = Vec::new();
    let mut trial: Option<(PathBuf, String)> = None;
    let outcome = loop {
        let tried = trial.as_ref().map_or(path, |(copy, _)| copy.as_path());
        match store.preview(|store| import_file(store, kind, tried)) {
            Ok(preview) => break Ok(preview),
            Err(error) if is_problem(&error) => {
                let line = problem_line(&error);
                problems.push(error);
                let (
                    Some(line),
                    FileKind::Units | FileKind::Scores | FileKind::Grades | FileKind::Facts | FileKind::Evidence,
                ) = (line.filter(|&line| line > 1), kind)
                else {
                    break Err(());
                };
                if problems.len() >= MOST_PROBLEMS {
                    break Err(());
                }
                let text = match &trial {
                    Some((_, text)) => text.clone(),
                    None => String::from_utf8_lossy(&crate::store::paths::read_input(path)?).into_owned(),
                };
                let blanked = blank_line(&text, line);
                if blanked == text {
                    break Err(());
                }
                let copy = trial_copy(store, path, &blanked)?;
                trial = Some((copy, blanked));
            }
            Err(error) => {
                remove_trial(trial.as_ref());
                return Err(error);
            }
        }
    };
    remove_trial(trial.as_ref());
    Ok(match outcome {
        Ok(preview) if problems.is_empty() => Checked::Clean(preview),
        _ => Checked::Refused(problems),
    })
}

/// A refusal of the file's content (shown to the person), not a failure of the machine.
fn is_problem(error: &StoreError) -> bool {
    !matches!(error, StoreError::Sqlite(_) | StoreError::Terminal(_) | StoreError::Open(_) | StoreError::Migration(_))
}

/// The CSV line a refusal names, if it names one.
pub fn problem_line(error: &StoreError) -> Option<u64> {
    match error {
        StoreError::Row(problem) => match &problem.place {
            crate::store::RowPlace::Line { line, .. } => Some(*line),
            _ => None,
        },
        StoreError::RowRefused(refused) => Some(refused.line),
        StoreError::Refused(why) => match &**why {
            Refused::Csv { line, .. } => Some(*line),
            _ => None,
        },
        StoreError::Trust(why) => match &**why {
            crate::store::trust::TrustRefused::CsvLineBreak { line, .. }
            | crate::store::trust::TrustRefused::CsvQuoteOpen { line, .. } => Some(*line),
            _ => None,
        },
        _ => None,
    }
}

/// The text with physical line `line` (1-based) emptied, its line break kept.
fn blank_line(text: &str, line: u64) -> String {
    let mut out = String::with_capacity(text.len());
    for (number, piece) in text.split_inclusive('\n').enumerate() {
        if number as u64 + 1 == line {
            if piece.ends_with("\r\n") {
                out.push_str("\r\n");
            } else if piece.ends_with('\n') {
                out.push('\n');
            }
        } else {
            out.push_str(piece);
        }
    }
    out
}

/// A copy of the file under its own name in a private folder beside the database (its refusals name the file as
/// the person knows it).
fn trial_copy(store: &Store, path: &Path, text: &str) -> Result<PathBuf, StoreError> {
    let folder = crate::store::files::uploads_dir(store.path()).join(format!("kiem-tra-{}", std::process::id()));
    crate::store::files::private_dir(&folder)?;
    let copy = folder.join(path.file_name().unwrap_or(std::ffi::OsStr::new("tep.csv")));
    std::fs::write(&copy, text)?;
    Ok(copy)
}

fn remove_trial(trial: Option<&(PathBuf, String)>) {
    if let Some((copy, _)) = trial {
        let _ = std::fs::remove_file(copy);
        if let Some(folder) = copy.parent() {
            let _ = std::fs::remove_dir(folder);
        }
    }
}

/// The files of a person's inbox (CSV and workbooks), by name.
pub fn inbox_files(db: &Path, user: &str) -> Vec<PathBuf> {
    let folder = crate::store::files::inbox_dir(db, user);
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .map(|read| {
            read.flatten()
                .map(|entry| entry.path())
                .filter(|path| path.symlink_metadata().is_ok_and(|meta| meta.is_file()))
                .filter(|path| {
                    let hidden = path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
                    let extension = path.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
                    !hidden && (extension == "csv" || extension == "xlsx")
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blanked_line_keeps_every_other_line_number() {
        assert_eq!(blank_line("a\nb\nc\n", 2), "a\n\nc\n");
        assert_eq!(blank_line("a\r\nb\r\nc", 3), "a\r\nb\r\n");
        assert_eq!(blank_line("a\nb\n", 9), "a\nb\n");
    }
}
