//! Errors of the store, worded for the secretary: which file, which line, which rule.

pub use super::file_fault::{FileFault, Oversize, SheetItem};
pub use super::refused::{CsvProblem, Refused, RowItem, RowRefused, Subject, TextField};
pub use super::row_problem::{HeldScore, RowFault, RowPlace, RowProblem};
use crate::domain::error::DataError;
use crate::domain::permissions::Refusal;
use std::path::PathBuf;

/// Everything the store refuses or fails at. Each variant is worded for the person in `messages` (the `#[error]`
/// text is the English fallback of logs and tests); none quotes a value the person may not see.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// No database at the path given: the round is to be created first.
    #[error("{path}: no database here; create one with `thamdinh init --db {path} --regulation ID --year YYYY`")]
    Missing {
        /// The path given.
        path: PathBuf,
    },
    /// `init` on a file that already holds a round: a round is never overwritten.
    #[error("{path}: already holds a round ({regulation} {year}); use a new file for a new round")]
    AlreadyInitialised {
        /// The file given.
        path: PathBuf,
        /// The regulation of the round it holds.
        regulation: String,
        /// The year of the round it holds.
        year: i32,
    },
    /// An SQLite database, but not one of this program's rounds (its application id differs).
    #[error("{path}: not a thamdinh database")]
    NotThamdinh {
        /// The file given.
        path: PathBuf,
    },
    /// A round written by a newer version of the program: this one would misread it, so it refuses.
    #[error(
        "{path}: made by a newer thamdinh (schema {found}, this program knows up to {supported}); update the program"
    )]
    TooNew {
        /// The file given.
        path: PathBuf,
        /// The database's schema version.
        found: i64,
        /// The newest schema version this program knows.
        supported: i64,
    },
    /// `init --regulation` naming no regulation the program has (built in or in `THAMDINH_DATA_DIR`).
    #[error("unknown regulation {id:?}; available: {}", available.join(", "))]
    UnknownRegulation {
        /// The id given.
        id: String,
        /// The ids there are.
        available: Vec<String>,
    },
    /// A round's year outside 1990–2200 (a typing slip: `init --year 20265`).
    #[error("year {0} is not a plausible year")]
    BadYear(i32),
    /// The regulation's data files do not read or do not hold together.
    #[error("{0}")]
    Data(#[from] DataError),
    /// The folder `THAMDINH_DATA_DIR` names is refused (missing, empty, or an id also built in).
    #[error("{0}")]
    Catalog(#[from] super::catalog::CatalogError),
    /// A refused value of an import row, a sheet's cell or a unit's form: where, which column, unit, value and rule.
    #[error("{0}")]
    Row(Box<RowProblem>),
    /// A write or a read the round's rules or data refuse, with its facts.
    #[error("{0}")]
    Refused(Box<Refused>),
    /// A value of an import file the user's role does not allow.
    #[error("{0}")]
    RowRefused(Box<RowRefused>),
    /// A write the user's role does not allow.
    #[error("refused: {0}")]
    Forbidden(Box<Refusal>),
    /// A save based on a version another session has since replaced; nothing was written.
    #[error("{0}")]
    Stale(Box<StaleSave>),
    /// A login naming no current user of this round (`--user`, `user remove`).
    #[error("no council user {name:?} in this database; see `thamdinh user list --db PATH`")]
    UnknownUser {
        /// The login given.
        name: String,
    },
    /// The terminal (or a file the interface writes) failed.
    #[error("terminal: {0}")]
    Terminal(#[from] std::io::Error),
    /// A file a unit sent that is not kept (`store::files`).
    #[error("{0}")]
    Upload(Box<super::files::UploadRefused>),
    /// SQLite itself failed (disk full, corruption …): not a rule, nothing the person typed.
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// Bringing the database's schema up to date failed; the database is left as it was.
    #[error("database schema: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    /// A file the trust guards refuse (`store::paths`), or a backup that did not verify.
    #[error("{0}")]
    Trust(Box<super::trust::TrustRefused>),
    /// A database that did not open, and why (permission, locked, not SQLite, read-only for a write).
    #[error("{0}")]
    Open(Box<super::open_error::OpenRefused>),
}

impl StoreError {
    /// A refusal of the session's right (not a bad value): what a unit's focal person's attempt is audited for,
    /// from the command line and the interface alike.
    pub fn is_refusal(&self) -> bool {
        match self {
            StoreError::Forbidden(_) | StoreError::RowRefused(_) => true,
            StoreError::Refused(why) => matches!(**why, Refused::SheetRefused { .. }),
            _ => false,
        }
    }
}

/// What every store function returns.
pub type Result<T> = std::result::Result<T, StoreError>;

impl From<Refused> for StoreError {
    fn from(why: Refused) -> StoreError {
        StoreError::Refused(Box::new(why))
    }
}

impl From<Refusal> for StoreError {
    fn from(why: Refusal) -> StoreError {
        StoreError::Forbidden(Box::new(why))
    }
}

/// What a refused stale save says: the newer value, who saved it, and the value that was not written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unit {unit}, {component}: not saved — {by} saved it meanwhile ({}{}; version {version}); your value {yours} was not written: look at theirs and save again",
    current.as_deref().unwrap_or("no appraised score"),
    if current_reason.is_empty() { String::new() } else { format!(", reason: {current_reason}") }
)]
pub struct StaleSave {
    /// The unit of the save.
    pub unit: crate::domain::code::UnitCode,
    /// The component of the save.
    pub component: String,
    /// The appraised score saved meanwhile, and its deduction reason.
    pub current: Option<String>,
    /// The deduction reason saved with it (empty: none).
    pub current_reason: String,
    /// Who saved it meanwhile (login).
    pub by: String,
    /// The component's version now: saving again on it overrides theirs.
    pub version: i64,
    /// The value this session tried to save, not written.
    pub yours: String,
}
