//! `thamdinh backup`: a consistent copy of the round while sessions are open (SQLite's online backup, in one read
//! transaction), checked before it is put in place (`PRAGMA integrity_check` and the audit log's chain and tables on
//! the copy), never over an existing file nor the database or its companions (`paths::check_destination`).

use super::Store;
use super::audit::ChainCheck;
use super::error::{Result, StoreError};
use super::files::{files_dir, hash_file, private_dir};
use super::trust::TrustRefused;
use crate::domain::permissions::CouncilWrite;
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// What a verified backup holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupMade {
    /// The copy's file.
    pub path: PathBuf,
    /// Audit rows in the copy, and its head (the newest row's hash).
    pub audit_rows: i64,
    /// The copy's head: the newest audit row's hash; None for an empty log.
    pub audit_head: Option<String>,
    /// The units' stored files carried beside the copy (`<copy>.files/`), each rehashed against the copy.
    pub files: usize,
}

impl Store {
    /// Copies the round into the new file `out` while other sessions may write, verifies the copy and only then
    /// moves it into place; a copy that does not verify is removed. The secretary's, the chairman's or the service
    /// account's.
    pub fn backup(&self, out: &Path) -> Result<BackupMade> {
        self.permit(CouncilWrite::Backup)?;
        destination(&self.path, out)?;
        let temporary = temporary_beside(out)?;
        let made = self.copy_into(&temporary).and_then(|()| verify_copy(&temporary, out));
        let carried = made.and_then(|made| self.carry_files(&temporary, out).map(|files| (made, files)));
        let placed = carried.and_then(|(made, files)| {
            destination(&self.path, out)?;
            // A hard link never replaces a file that appeared meanwhile.
            std::fs::hard_link(&temporary, out).map_err(|e| {
                if !files.is_empty() {
                    let _ = std::fs::remove_dir_all(files_dir(out));
                }
                if e.kind() == std::io::ErrorKind::AlreadyExists {
                    StoreError::from(TrustRefused::BackupExists { file: out.display().to_string() })
                } else {
                    StoreError::from(TrustRefused::BackupNotVerified {
                        file: out.display().to_string(),
                        why: e.to_string(),
                    })
                }
            })?;
            Ok(BackupMade { files: files.len(), ..made })
        });
        remove_with_companions(&temporary);
        if placed.is_err() {
            let _ = std::fs::remove_dir_all(files_dir(&temporary));
        }
        placed
    }

    /// Copies every file the copy's database records into `<temporary>.files/`, rehashes each copy against its
    /// record, and moves the folder to `<out>.files/` (which must not exist). The file names carried.
    fn carry_files(&self, temporary: &Path, out: &Path) -> Result<Vec<PathBuf>> {
        let failed =
            |why: String| StoreError::from(TrustRefused::BackupNotVerified { file: out.display().to_string(), why });
        let target = files_dir(out);
        if std::fs::symlink_metadata(&target).is_ok() {
            return Err(TrustRefused::BackupExists { file: target.display().to_string() }.into());
        }
        let staging = files_dir(temporary);
        let copy = Store::open_read_only(temporary)?;
        let mut carried = Vec::new();
        for document in copy.all_document_files()? {
            let from = self.stored_file(&document);
            let to = copy.stored_file(&document);
            if std::fs::symlink_metadata(&to).is_err() {
                if let Some(folder) = to.parent() {
                    private_dir(folder)?;
                }
                std::fs::copy(&from, &to).map_err(|e| failed(format!("{}: {e}", from.display())))?;
                if hash_file(&to)? != document.sha256 {
                    return Err(failed(format!("{}: SHA-256 {}", from.display(), document.sha256)));
                }
                carried.push(to);
            }
        }
        drop(copy);
        if std::fs::symlink_metadata(&staging).is_ok() {
            std::fs::rename(&staging, &target).map_err(|e| failed(format!("{}: {e}", target.display())))?;
        }
        Ok(carried)
    }

    /// SQLite's online backup of every page in one step (one read transaction: a consistent state even while
    /// others commit), then the copy made a single file (rollback journal) of its own.
    fn copy_into(&self, temporary: &Path) -> Result<()> {
        let mut copy = Connection::open(temporary)?;
        {
            let backup = rusqlite::backup::Backup::new(&self.conn, &mut copy)?;
            // -1: every page in one step, so the copy is one committed state; busy or locked: wait and try again.
            let mut waits = 0;
            loop {
                match backup.step(-1)? {
                    rusqlite::backup::StepResult::Done => break,
                    rusqlite::backup::StepResult::More => {}
                    rusqlite::backup::StepResult::Busy | rusqlite::backup::StepResult::Locked if waits < 400 => {
                        waits += 1;
                        std::thread::sleep(Duration::from_millis(25));
                    }
                    _ => {
                        return Err(StoreError::Sqlite(rusqlite::Error::SqliteFailure(
                            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                            None,
                        )));
                    }
                }
            }
        }
        copy.query_row("PRAGMA journal_mode = DELETE", [], |_| Ok(()))?;
        Ok(())
    }
}

/// The store's one guard, with a backup's own words for a file that exists (there is no --force).
fn destination(db: &Path, out: &Path) -> Result<()> {
    match super::paths::check_destination(db, out, false) {
        Err(StoreError::Refused(why)) if matches!(*why, super::Refused::ExportExists { .. }) => {
            Err(TrustRefused::BackupExists { file: out.display().to_string() }.into())
        }
        other => other,
    }
}

/// A new empty file beside `out`, for the copy before it is verified.
fn temporary_beside(out: &Path) -> Result<PathBuf> {
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "backup".into());
    for n in 0..100 {
        let candidate = out.with_file_name(format!(".{name}.{}-{n}.tmp", std::process::id()));
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&candidate) {
            Ok(_) => return Ok(candidate),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => {
                return Err(
                    TrustRefused::BackupNotVerified { file: out.display().to_string(), why: e.to_string() }.into()
                );
            }
        }
    }
    Err(TrustRefused::BackupNotVerified { file: out.display().to_string(), why: "no free temporary name".into() }
        .into())
}

/// The copy's own checks: SQLite's integrity check, then the audit chain and every table against the log.
fn verify_copy(temporary: &Path, out: &Path) -> Result<BackupMade> {
    let failed =
        |why: String| StoreError::from(TrustRefused::BackupNotVerified { file: out.display().to_string(), why });
    {
        let raw = Connection::open_with_flags(temporary, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        let integrity: String = raw.query_row("PRAGMA integrity_check", [], |row| row.get(0))?;
        if integrity != "ok" {
            return Err(failed(format!("integrity_check: {integrity}")));
        }
    }
    let copy = Store::open_read_only(temporary)?;
    let (audit_rows, audit_head) = match copy.audit_verify()? {
        ChainCheck::Intact { rows, head } => (rows, head),
        ChainCheck::Broken { row, problem } => return Err(failed(format!("audit row {row}: {problem}"))),
    };
    let unexplained = copy.audit_unexplained()?;
    if let Some(first) = unexplained.first() {
        return Err(failed(format!("{} {}: {}", first.table, first.key, first.field)));
    }
    Ok(BackupMade { path: out.to_path_buf(), audit_rows, audit_head, files: 0 })
}

fn remove_with_companions(path: &Path) {
    for suffix in std::iter::once("").chain(super::paths::COMPANIONS) {
        let mut name = path.as_os_str().to_os_string();
        name.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
}
