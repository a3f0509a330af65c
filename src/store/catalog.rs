//! Where regulations come from: the data files built into the program, and beside them the folders of
//! `THAMDINH_DATA_DIR` (it adds regulations, it never hides the built-in ones).

use crate::domain::calendar::WorkCalendar;
use crate::domain::error::DataError;
use crate::domain::loader::DataFiles;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_data.rs"));
}

/// The environment variable naming a data folder whose regulations are offered beside the built-in ones.
pub const DATA_DIR_VARIABLE: &str = "THAMDINH_DATA_DIR";

/// What is wrong with the folder `THAMDINH_DATA_DIR` names; the program refuses to start with it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CatalogError {
    /// The folder does not exist (or is not a folder that can be read).
    #[error("THAMDINH_DATA_DIR={}: no such folder", folder.display())]
    FolderMissing {
        /// The folder the variable names.
        folder: PathBuf,
    },
    /// The folder holds no sub-folder with a `regulation.toml`.
    #[error("THAMDINH_DATA_DIR={}: holds no regulation (a sub-folder with regulation.toml)", folder.display())]
    NoRegulation {
        /// The folder the variable names.
        folder: PathBuf,
    },
    /// A regulation of the folder has the id of a built-in one.
    #[error("regulation {id:?} is both built in (data/{id}) and in {}", folder.display())]
    Duplicate {
        /// The regulation's id, taken by the built-in one.
        id: String,
        /// The folder the variable names.
        folder: PathBuf,
    },
}

fn data_dir() -> Option<PathBuf> {
    std::env::var_os(DATA_DIR_VARIABLE).filter(|value| !value.is_empty()).map(PathBuf::from)
}

/// The ids of the built-in regulations, sorted.
pub fn built_in() -> Vec<String> {
    let mut ids: Vec<String> = embedded::FILES
        .iter()
        .filter_map(|(path, _)| path.strip_suffix("/regulation.toml").map(str::to_string))
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

/// The ids of the regulations of a data folder (its sub-folders holding a `regulation.toml`), sorted.
fn in_folder(dir: &Path) -> Result<Vec<String>, CatalogError> {
    let entries = std::fs::read_dir(dir).map_err(|_| CatalogError::FolderMissing { folder: dir.to_path_buf() })?;
    let mut ids: Vec<String> = entries
        .flatten()
        .filter(|e| e.path().join("regulation.toml").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    ids.sort();
    Ok(ids)
}

/// Checks the folder `THAMDINH_DATA_DIR` names, if any: it exists, holds a regulation, and none of its ids is
/// a built-in one. Without the variable there is nothing to check.
pub fn check() -> Result<(), CatalogError> {
    let Some(dir) = data_dir() else { return Ok(()) };
    let ids = in_folder(&dir)?;
    if ids.is_empty() {
        return Err(CatalogError::NoRegulation { folder: dir });
    }
    let built = built_in();
    match ids.into_iter().find(|id| built.contains(id)) {
        Some(id) => Err(CatalogError::Duplicate { folder: dir.join(&id), id }),
        None => Ok(()),
    }
}

/// The ids of the regulations available to `init`: the built-in ones and those of `THAMDINH_DATA_DIR`.
pub fn available() -> Vec<String> {
    let mut ids = built_in();
    if let Some(dir) = data_dir() {
        ids.extend(in_folder(&dir).unwrap_or_default());
    }
    ids.sort();
    ids.dedup();
    ids
}

/// The working-day calendar built into the program: the public holidays, announced days off and make-up
/// Saturdays of each year of `data/calendar/` (read once). A file that does not read is a build's fault, caught
/// by the tests; the program then counts no working day rather than guess.
pub fn work_calendar() -> Result<&'static WorkCalendar, &'static DataError> {
    static CALENDAR: OnceLock<Result<WorkCalendar, DataError>> = OnceLock::new();
    CALENDAR
        .get_or_init(|| {
            let files = embedded::FILES.iter().filter(|(path, _)| path.starts_with("calendar/"));
            WorkCalendar::from_files(files.map(|(path, text)| (*path, *text)))
        })
        .as_ref()
}

/// The built-in calendar, or one of no year (every count then says so) if its files should not read.
pub fn work_calendar_or_empty() -> &'static WorkCalendar {
    static EMPTY: WorkCalendar = WorkCalendar::empty();
    work_calendar().unwrap_or(&EMPTY)
}

/// Where a regulation's files come from: `None` for the built-in ones, else the folder holding them.
pub fn folder_of(regulation: &str) -> Option<PathBuf> {
    let dir = data_dir()?;
    let folder = dir.join(regulation);
    (is_plain_id(regulation) && folder.join("regulation.toml").is_file()).then_some(folder)
}

/// An id names one folder: no separator, no `..`.
fn is_plain_id(id: &str) -> bool {
    !id.is_empty() && id != "." && id != ".." && !id.contains(['/', '\\'])
}

/// The texts of one regulation's files, or None when there is no such regulation. A built-in regulation
/// is read from the program; another from its folder under `THAMDINH_DATA_DIR`.
pub fn files(regulation: &str) -> Option<DataFiles> {
    let embedded: DataFiles = embedded::FILES
        .iter()
        .filter_map(|(path, text)| {
            let relative = path.strip_prefix(regulation)?.strip_prefix('/')?;
            Some((relative.to_string(), text.to_string()))
        })
        .collect();
    let files = if embedded.contains_key("regulation.toml") { embedded } else { read_folder(&folder_of(regulation)?) };
    files.contains_key("regulation.toml").then_some(files)
}

/// Every file under a folder (`.toml` and `.csv`, as the built-in ones), by its path inside it.
pub fn read_folder(folder: &Path) -> DataFiles {
    let mut files = DataFiles::new();
    let mut pending = vec![folder.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            let wanted = matches!(path.extension().and_then(|e| e.to_str()), Some("toml" | "csv"));
            if path.is_dir() {
                pending.push(path);
            } else if wanted
                && let (Ok(relative), Ok(text)) = (path.strip_prefix(folder), std::fs::read_to_string(&path))
            {
                files.insert(relative.to_string_lossy().replace('\\', "/"), text);
            }
        }
    }
    files
}
