//! Why a round's database did not open, told apart (permission, locked, not SQLite, read-only for a write),
//! and the read-only open of a round in a read-only folder (a WAL database whose `-shm` cannot be created).

use super::error::StoreError;
use rusqlite::{Connection, ErrorCode, OpenFlags};
use std::fmt::Write as _;
use std::path::Path;

/// A database file that did not open, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OpenRefused {
    /// This account may not read the file, or may not enter its folder.
    #[error("{path}: permission denied: this account may not read the file or its folder")]
    PermissionDenied {
        /// The database file as given.
        path: String,
    },
    /// Another program holds a lock on the database longer than the wait.
    #[error("{path}: locked by another program; try again when it has finished")]
    Locked {
        /// The database file as given.
        path: String,
    },
    /// The file is not an SQLite database at all.
    #[error("{path}: not an SQLite database (not a thamdinh round)")]
    NotSqlite {
        /// The file as given.
        path: String,
    },
    /// A command that writes was given a file (or folder) this account may only read.
    #[error("{path}: read-only (the file or its folder); this command writes: copy the round somewhere writable")]
    ReadOnly {
        /// The database file as given.
        path: String,
    },
}

impl From<OpenRefused> for StoreError {
    fn from(why: OpenRefused) -> StoreError {
        StoreError::Open(Box::new(why))
    }
}

/// Names what an SQLite error met while opening `path` means; an error it cannot name stays SQLite's.
pub fn classify(path: &Path, error: rusqlite::Error) -> StoreError {
    let shown = path.display().to_string();
    let code = error.sqlite_error_code();
    match code {
        Some(ErrorCode::PermissionDenied) => OpenRefused::PermissionDenied { path: shown }.into(),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => OpenRefused::Locked { path: shown }.into(),
        Some(ErrorCode::NotADatabase) => OpenRefused::NotSqlite { path: shown }.into(),
        Some(ErrorCode::ReadOnly) => OpenRefused::ReadOnly { path: shown }.into(),
        Some(ErrorCode::CannotOpen)
            if std::fs::File::open(path).is_err_and(|e| e.kind() == std::io::ErrorKind::PermissionDenied) =>
        {
            OpenRefused::PermissionDenied { path: shown }.into()
        }
        _ => StoreError::Sqlite(error),
    }
}

/// Opens `path` only to read it. A WAL round in a folder this account cannot write has no `-shm` to share
/// and SQLite refuses it; when no `-wal` is there either (the last writer closed cleanly, so nothing is
/// pending and nobody can be writing into a read-only folder), it is opened as immutable instead.
pub fn open_read_only(path: &Path) -> Result<Connection, StoreError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| classify(path, e))?;
    match conn.query_row("PRAGMA application_id", [], |row| row.get::<_, i64>(0)) {
        Err(error)
            if matches!(error.sqlite_error_code(), Some(ErrorCode::CannotOpen | ErrorCode::ReadOnly))
                && !wal_pending(path) =>
        {
            let Some(uri) = file_uri(path, "immutable=1") else { return Err(classify(path, error)) };
            Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI).map_err(|e| classify(path, e))
        }
        Err(error) => Err(classify(path, error)),
        Ok(_) => Ok(conn),
    }
}

/// Attaches the round at `path` to `conn` as `name`, only to read it (`audit verify` replays the log beside it),
/// falling back to an immutable read in a read-only folder as `open_read_only` does.
pub fn attach_read_only(conn: &Connection, path: &Path, name: &str) -> Result<(), StoreError> {
    let try_attach = |parameters: &str| -> rusqlite::Result<()> {
        let uri = file_uri(path, parameters).ok_or(rusqlite::Error::InvalidPath(path.to_path_buf()))?;
        conn.execute(&format!("ATTACH DATABASE ?1 AS \"{name}\""), [uri])?;
        let first =
            conn.query_row(&format!("SELECT count(*) FROM \"{name}\".sqlite_master"), [], |r| r.get::<_, i64>(0));
        if first.is_err() {
            conn.execute_batch(&format!("DETACH DATABASE \"{name}\""))?;
        }
        first.map(|_| ())
    };
    match try_attach("mode=ro") {
        Err(error)
            if matches!(error.sqlite_error_code(), Some(ErrorCode::CannotOpen | ErrorCode::ReadOnly))
                && !wal_pending(path) =>
        {
            try_attach("immutable=1").map_err(|e| classify(path, e))
        }
        Err(error) => Err(classify(path, error)),
        Ok(()) => Ok(()),
    }
}

/// Whether a non-empty `-wal` beside the database holds pages not yet in it.
fn wal_pending(path: &Path) -> bool {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    std::fs::metadata(wal).is_ok_and(|m| m.len() > 0)
}

/// `file:` URI of `path` (absolute, percent-encoded) with `parameters`; `None` for a name that is not UTF-8.
fn file_uri(path: &Path, parameters: &str) -> Option<String> {
    let absolute = std::path::absolute(path).ok()?;
    let text = absolute.to_str()?;
    let mut uri = String::from("file:");
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"/-._~".contains(&byte) {
            uri.push(char::from(byte));
        } else {
            let _ = write!(uri, "%{byte:02X}");
        }
    }
    uri.push('?');
    uri.push_str(parameters);
    Some(uri)
}
