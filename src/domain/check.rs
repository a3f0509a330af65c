//! `thamdinh regulations check`: every problem of a regulation folder found at once where the files allow it
//! (each missing file, each file that is not TOML), then every problem of its meaning the loader finds, part by
//! part (`load_regulation_checked`).

use super::error::{DataError, line_of};
use super::loader::{DataFiles, load_regulation_checked};
use super::regulation::Regulation;

/// The files every regulation needs.
const REQUIRED: [&str; 3] = ["regulation.toml", "agencies.toml", "blocs.toml"];

/// The regulation the folder's files make, or every problem found: each required file missing, each TOML
/// file that does not parse (file and line), and otherwise each of the loader's refusals (file, line, key).
pub fn check_folder(folder: &str, files: &DataFiles) -> Result<Regulation, Vec<DataError>> {
    let mut problems: Vec<DataError> = REQUIRED
        .iter()
        .filter(|path| !files.contains_key(**path))
        .map(|path| DataError::Missing {
            file: format!("{folder}/{path}"),
            message: "the regulation needs this file".into(),
        })
        .collect();
    for (path, text) in files.iter().filter(|(path, _)| {
        std::path::Path::new(path.as_str()).extension().is_some_and(|e| e.eq_ignore_ascii_case("toml"))
    }) {
        if let Err(error) = toml::from_str::<toml::Table>(text) {
            let line = error.span().map_or(1, |span| line_of(text, span.start));
            problems.push(DataError::at(&format!("{folder}/{path}"), line, error.message().trim().to_string()));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    load_regulation_checked(folder, files)
}
