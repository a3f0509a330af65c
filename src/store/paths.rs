//! Where a file may be written, and which files may be read: the one guard every writer of files calls
//! ([`check_destination`]: exports, `init --db`, `backup`, and any new kind of file) and the bounded reader of
//! input files ([`read_input`]).

use super::error::{Result, StoreError};
use super::refused::Refused;
use super::trust::TrustRefused;
use std::path::{Path, PathBuf};

/// The companion files SQLite keeps beside a database, named after its real path.
pub const COMPANIONS: [&str; 3] = ["-wal", "-shm", "-journal"];

/// Refuses a destination `out` that a program writing beside the round's database `db` must never write:
/// the database itself or one of its `-wal`, `-shm`, `-journal` files under any name (a relative path, a
/// symbolic link to either, a hard link: the database's real path is resolved and files are compared by device
/// and inode), or an existing thing that is not a regular file (a device such as `/dev/full`, a FIFO, a
/// folder) — whatever `force` says. An existing regular file is refused unless `force` (`--force`) lets it be
/// replaced. Every command that writes a file calls this first, and again just before it moves the file in.
pub fn check_destination(db: &Path, out: &Path, force: bool) -> Result<()> {
    let target = resolved(out);
    let mut names = vec![db.to_path_buf()];
    if let Ok(real) = std::fs::canonicalize(db) {
        names.push(real);
    }
    names.push(resolved(db));
    for name in names {
        for suffix in std::iter::once("").chain(COMPANIONS) {
            let file = with_suffix(&name, suffix);
            if resolved(&file) == target || same_file(&file, out) {
                return Err(StoreError::from(Refused::ExportOverDatabase {
                    file: out.display().to_string(),
                    database: file.display().to_string(),
                    part: (!suffix.is_empty()).then(|| suffix.to_string()),
                }));
            }
        }
    }
    let Ok(link) = std::fs::symlink_metadata(out) else { return Ok(()) };
    // What the name leads to: a link is judged by its target (a dangling link is a name in use).
    let kind = std::fs::metadata(out).unwrap_or(link);
    if !kind.is_file() {
        return Err(TrustRefused::NotRegularFile { file: out.display().to_string() }.into());
    }
    if force { Ok(()) } else { Err(StoreError::from(Refused::ExportExists { file: out.display().to_string() })) }
}

/// `path` with `suffix` added to its file name (`a.db` and `-wal` make `a.db-wal`).
fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

/// A path made absolute and free of links: the file itself when it exists (a link followed), else its folder's
/// real path joined with its name.
fn resolved(path: &Path) -> PathBuf {
    if let Ok(real) = std::fs::canonicalize(path) {
        return real;
    }
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let folder = std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_path_buf());
    match path.file_name() {
        Some(name) => folder.join(name),
        None => folder,
    }
}

/// Two names for one file (a hard link or a symbolic link).
fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// The largest input file read (a CSV or a workbook): 128 MB.
pub const MAX_INPUT_BYTES: u64 = 128 * 1024 * 1024;

/// Refuses an input that is not a regular file (`/dev/zero`, a FIFO, a folder) or is above `MAX_INPUT_BYTES`,
/// before anything of it is read.
pub fn check_input(path: &Path) -> Result<()> {
    let file = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| unreadable(path, &e))?;
    if !meta.is_file() {
        return Err(TrustRefused::InputNotRegularFile { file }.into());
    }
    if meta.len() > MAX_INPUT_BYTES {
        return Err(TrustRefused::InputTooLarge { file, limit: MAX_INPUT_BYTES }.into());
    }
    Ok(())
}

fn unreadable(path: &Path, e: &std::io::Error) -> StoreError {
    StoreError::from(Refused::Unreadable {
        file: path.display().to_string(),
        not_found: e.kind() == std::io::ErrorKind::NotFound,
        why: e.to_string(),
    })
}

/// Reads an input file whole, as `check_input` allows it, and never more than `MAX_INPUT_BYTES` of it.
pub fn read_input(path: &Path) -> Result<Vec<u8>> {
    use std::io::Read;
    check_input(path)?;
    let opened = std::fs::File::open(path).map_err(|e| unreadable(path, &e))?;
    let mut bytes = Vec::new();
    opened.take(MAX_INPUT_BYTES + 1).read_to_end(&mut bytes).map_err(|e| unreadable(path, &e))?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        let file = path.display().to_string();
        return Err(TrustRefused::InputTooLarge { file, limit: MAX_INPUT_BYTES }.into());
    }
    Ok(bytes)
}
