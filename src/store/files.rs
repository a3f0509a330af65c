//! The files a unit sends through the program (issue 24): its evidence documents and its signed, stamped score
//! sheet, kept beside the database in `<db>.files/` (owned by the service account, never served as they lie):
//! `don-vi/<unit>/<sha256>` holds each file by its content, `xuat/<user>/` the exports a user made, `tam/` the
//! uploads under way. A file is checked whole before it becomes a document (name, size, type by content, pages,
//! packed size), then recorded in one audited transaction; a refused file leaves nothing behind.

use super::Store;
use super::audit::{AuditAction, Change};
use super::error::{Result, StoreError};
use super::state::row_state;
use crate::domain::code::UnitCode;
use crate::store::{Refused, Subject};
use rusqlite::{OptionalExtension, params};
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::{Path, PathBuf};

/// The largest file a unit may send (a scanned document of a few hundred pages fits).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// The most a unit may keep, every version of every file together.
pub const MAX_UNIT_BYTES: u64 = 1024 * 1024 * 1024;
/// The most pages a PDF may have.
pub const MAX_PDF_PAGES: u64 = 2_000;
/// The most an office file (a zip package) may unpack to, and the most parts it may hold.
pub const MAX_UNPACKED_BYTES: u64 = 256 * 1024 * 1024;
/// The most parts (files inside the zip) an office file may hold.
pub const MAX_PACKED_PARTS: usize = 10_000;
/// The folder of a unit's signed, stamped score sheet (beside its criteria's folders).
pub const SIGNED_SHEET: &str = "bieu-cham-ky";

/// Why a file sent by a unit is not kept. Nothing of it is stored.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UploadRefused {
    /// A name that could reach outside its folder or fool the terminal.
    #[error("{name:?}: a file name may not hold a folder, a control or a direction character, nor start with a dot")]
    BadName {
        /// The name as sent.
        name: String,
    },
    /// The folder it was put in is no criterion of the unit's framework (nor the signed sheet's).
    #[error("unit {unit}: no criterion {folder} to file a document under")]
    NoFolder {
        /// The unit sending.
        unit: UnitCode,
        /// The folder as named.
        folder: String,
    },
    /// Larger than [`MAX_FILE_BYTES`].
    #[error("{name}: larger than {limit_mb} MB, the limit of one file")]
    TooLarge {
        /// The file's name.
        name: String,
        /// The limit, in MB.
        limit_mb: u64,
    },
    /// Keeping it would take the unit over [`MAX_UNIT_BYTES`].
    #[error("{name}: the unit's files would reach {total_mb} MB, over its limit of {limit_mb} MB")]
    UnitFull {
        /// The file's name.
        name: String,
        /// What the unit's files would weigh with it, in MB.
        total_mb: u64,
        /// The limit, in MB.
        limit_mb: u64,
    },
    /// No bytes at all.
    #[error("{name}: empty file")]
    Empty {
        /// The file's name.
        name: String,
    },
    /// Its content is none of the accepted types, whatever its name says.
    #[error(
        "{name}: its content is {found}, not an accepted document (PDF, JPEG, PNG, TIFF, Word, Excel, OpenDocument)"
    )]
    NotADocument {
        /// The file's name.
        name: String,
        /// What the content is, as read.
        found: String,
    },
    /// An accepted type, but not the one its extension says (a renamed file).
    #[error("{name}: named .{extension}, but its content is {found}")]
    NotItsName {
        /// The file's name.
        name: String,
        /// The extension it has.
        extension: String,
        /// What the content is.
        found: String,
    },
    /// A PDF of more than [`MAX_PDF_PAGES`] pages.
    #[error("{name}: {pages} pages, over the limit of {limit}")]
    TooManyPages {
        /// The file's name.
        name: String,
        /// Its pages.
        pages: u64,
        /// The limit.
        limit: u64,
    },
    /// An office file that unpacks past [`MAX_UNPACKED_BYTES`] or [`MAX_PACKED_PARTS`].
    #[error("{name}: unpacks to more than {limit_mb} MB or {parts} parts (a packed bomb)")]
    Bomb {
        /// The file's name.
        name: String,
        /// The unpacked limit, in MB.
        limit_mb: u64,
        /// The parts' limit.
        parts: usize,
    },
    /// A PDF whose compressed object streams unpack past the limit.
    #[error("{name}: the PDF's object streams unpack to more than {limit_mb} MB (a packed bomb)")]
    PdfBomb {
        /// The file's name.
        name: String,
        /// The limit, in MB.
        limit_mb: u64,
    },
    /// The connection closed before the whole file arrived; the part received is thrown away.
    #[error("{name}: the upload was not complete")]
    Incomplete {
        /// The file's name.
        name: String,
    },
    /// A side file (`X.pdf.toml`) that does not read as its three fields.
    #[error(
        "{name}: a side file holds three lines, so = \"12/BC-STC\", ngay = \"15/01/2025\", trich_yeu = \"…\" ({why})"
    )]
    SideFile {
        /// The side file's name.
        name: String,
        /// What is wrong, as the TOML reader (or the size bound) says it.
        why: String,
    },
    /// The file's side file was refused earlier in the session, so its number, date and title are unknown.
    #[error("{name}: its side file was refused in this session; send a correct {name}.toml, then the file again")]
    SideFileRefused {
        /// The file's name.
        name: String,
    },
    /// A side file (or a description) for a file the unit has not sent, or that a newer version replaced.
    #[error("{name}: no such current file of unit {unit} (a replaced version keeps its document)")]
    NoSuchFile {
        /// The unit.
        unit: UnitCode,
        /// The file's name.
        name: String,
    },
    /// The number given is already another file's under the same criterion.
    #[error("{name}: number {reference} already belongs to another file of this criterion ({other})")]
    ReferenceTaken {
        /// The file's name.
        name: String,
        /// The number given.
        reference: String,
        /// The other file's name.
        other: String,
    },
}

/// The suffix of a side file: `X.pdf.toml` gives the number, date and title of `X.pdf` in the same folder.
pub const SIDE_FILE_SUFFIX: &str = ".toml";
/// The most a side file may hold.
pub const MAX_SIDE_FILE_BYTES: usize = 16 * 1024;

/// A side file's three fields, as written (checked by the rules of a typed document when applied).
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SideFile {
    /// `so`: the document's number and symbol (*số, ký hiệu*).
    pub so: String,
    /// `ngay`: its date (*ngày*), as written (dd/mm/yyyy).
    pub ngay: String,
    /// `trich_yeu`: its title (*trích yếu*).
    pub trich_yeu: String,
}

/// The file a side file describes (`X.pdf.toml` → `X.pdf`), when `name` is one: the described name must itself be
/// an accepted document's name.
pub fn side_file_target(name: &str) -> Option<&str> {
    let target = name.strip_suffix(SIDE_FILE_SUFFIX)?;
    let extension = Path::new(target).extension()?.to_string_lossy().to_lowercase();
    expected_type(&extension).map(|_| target)
}

/// Reads a side file's text: UTF-8 TOML with exactly `so`, `ngay` and `trich_yeu`, each a string.
pub fn parse_side_file(name: &str, bytes: &[u8]) -> std::result::Result<SideFile, UploadRefused> {
    let refuse = |why: String| UploadRefused::SideFile { name: name.to_string(), why };
    if bytes.len() > MAX_SIDE_FILE_BYTES {
        return Err(refuse(format!("> {MAX_SIDE_FILE_BYTES} bytes")));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| refuse("not UTF-8".into()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    toml::from_str::<SideFile>(text).map_err(|e| refuse(e.message().to_string()))
}

impl From<UploadRefused> for StoreError {
    fn from(refused: UploadRefused) -> StoreError {
        StoreError::Upload(Box::new(refused))
    }
}

/// One file a unit sent, as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentFile {
    /// The file's id in the store.
    pub id: i64,
    /// The unit that sent it.
    pub unit: crate::domain::code::UnitCode,
    /// A criterion's code, or [`SIGNED_SHEET`].
    pub folder: String,
    /// Its name as sent.
    pub name: String,
    /// The SHA-256 of its content, hex: the name it is kept under.
    pub sha256: String,
    /// Its size in bytes.
    pub size: u64,
    /// The type read from the content (`application/pdf`, `image/jpeg`, …).
    pub kind: String,
    /// A PDF's pages.
    pub pages: Option<u64>,
    /// The login that sent it.
    pub uploaded_by: String,
    /// When, in UTC.
    pub uploaded_at: String,
    /// The newer version that replaced this one.
    pub replaced_by: Option<i64>,
    /// A PDF's first lines, where it has a text layer.
    pub preview: Option<String>,
    /// Its number, date and title once given (a side file, or the unit's form); None: not yet.
    pub document: Option<FileDocument>,
}

/// The number (*số, ký hiệu*), date and title (*trích yếu*) of an uploaded file: the evidence row it backs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileDocument {
    /// Its number and symbol (*số, ký hiệu*).
    pub reference: String,
    /// `YYYY-MM-DD`, as every evidence date is stored.
    pub issued_on: String,
    /// Its title (*trích yếu*).
    pub title: String,
}

/// A stored file that is not what its record says (`audit verify`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    /// The file as recorded.
    pub document: DocumentFile,
    /// The stored file's SHA-256 now; None when it is missing.
    pub found: Option<String>,
}

/// `<db>.files`: the folder of everything the program keeps beside the database.
pub fn files_dir(db: &Path) -> PathBuf {
    let mut name = db.file_name().map(std::ffi::OsStr::to_os_string).unwrap_or_default();
    name.push(".files");
    db.with_file_name(name)
}

/// The folder of the exports `user` made (what they may download from `/xuat`).
pub fn exports_dir(db: &Path, user: &str) -> PathBuf {
    files_dir(db).join("xuat").join(user)
}

/// A council user's inbox (`/nhap` over SFTP): the files they upload to import from the secretary's desk.
pub fn inbox_dir(db: &Path, user: &str) -> PathBuf {
    files_dir(db).join("nhap").join(user)
}

/// Where uploads under way are written before they are checked.
pub fn uploads_dir(db: &Path) -> PathBuf {
    files_dir(db).join("tam")
}

/// Creates `dir` (and its parents) readable by the service account only.
pub fn private_dir(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new().recursive(true).mode(0o700).create(dir)
}

/// A file's name as a unit may give it: one plain name, no folder, no control or bidi character, not hidden.
pub fn check_file_name(name: &str) -> std::result::Result<(), UploadRefused> {
    let bidi = |c: char| matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    let bad = name.is_empty()
        || name.len() > 200
        || name.starts_with('.')
        || name.contains(['/', '\\', ':'])
        || name.chars().any(|c| c.is_control() || bidi(c));
    if bad { Err(UploadRefused::BadName { name: name.to_string() }) } else { Ok(()) }
}

/// What the check of a whole file found.
struct Inspected {
    sha256: String,
    size: u64,
    kind: String,
    pages: Option<u64>,
}

/// The extensions accepted and the type each must have by content (infer's extension).
fn expected_type(extension: &str) -> Option<&'static str> {
    Some(match extension {
        "pdf" => "pdf",
        "jpg" | "jpeg" => "jpg",
        "png" => "png",
        "tif" | "tiff" => "tif",
        "doc" => "doc",
        "docx" => "docx",
        "xls" => "xls",
        "xlsx" => "xlsx",
        "odt" => "odt",
        "ods" => "ods",
        _ => return None,
    })
}

/// Checks a whole uploaded file: size, type by content against its name, a PDF's pages, a package's unpacked size.
fn inspect(path: &Path, name: &str) -> Result<Inspected> {
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let (mut size, mut head, mut buffer) = (0u64, Vec::new(), vec![0u8; 1 << 16]);
    loop {
        let read = file.read(&mut buffer)?;
        if read == 0 {
            break;
        }
        let chunk = &buffer[..read];
        hasher.update(chunk);
        if head.len() < 8192 {
            head.extend_from_slice(&chunk[..chunk.len().min(8192 - head.len())]);
        }
        size += read as u64;
        if size > MAX_FILE_BYTES {
            return Err(UploadRefused::TooLarge { name: name.into(), limit_mb: MAX_FILE_BYTES >> 20 }.into());
        }
    }
    if size == 0 {
        return Err(UploadRefused::Empty { name: name.into() }.into());
    }
    let detected = infer::get(&head);
    let mut found = detected.map_or_else(|| "không rõ".to_string(), |kind| kind.mime_type().to_string());
    let extension = Path::new(name).extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    let Some(expected) = expected_type(&extension) else {
        return Err(UploadRefused::NotADocument { name: name.into(), found }.into());
    };
    if detected.map(|kind| kind.extension()) != Some(expected) {
        // infer reads an office package by the order of its first parts, which LibreOffice writes differently
        // from Word and Excel (its .docx and .xlsx read as a plain zip): a zip is then read by the parts it holds.
        let package = detected.is_some_and(|kind| kind.extension() == "zip").then(|| package_type(path)).flatten();
        match package {
            Some((extension, mime)) if extension == expected => found = mime.to_string(),
            _ => return Err(UploadRefused::NotItsName { name: name.into(), extension, found }.into()),
        }
    }
    // A PDF is read whole (it is at most MAX_FILE_BYTES) for its exact page count.
    let pages = if expected == "pdf" {
        let bomb = |_| UploadRefused::PdfBomb {
            name: name.into(),
            limit_mb: (super::pdf::MAX_OBJECT_STREAM_BYTES >> 20) as u64,
        };
        Some(super::pdf::pages(&std::fs::read(path)?).map_err(bomb)?)
    } else {
        None
    };
    if let Some(pages) = pages.filter(|pages| *pages > MAX_PDF_PAGES) {
        return Err(UploadRefused::TooManyPages { name: name.into(), pages, limit: MAX_PDF_PAGES }.into());
    }
    if matches!(expected, "docx" | "xlsx" | "odt" | "ods") {
        check_package(path, name)?;
    }
    Ok(Inspected { sha256: super::audit::hex(&hasher.finalize()), size, kind: found, pages })
}

/// The office type a zip package is by the parts it holds: `word/document.xml` a Word file, `xl/workbook.xml` an
/// Excel file, its `mimetype` part an `OpenDocument` one. None for another zip.
fn package_type(path: &Path) -> Option<(&'static str, &'static str)> {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).ok()?).ok()?;
    if archive.index_for_name("word/document.xml").is_some() {
        return Some(("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
    }
    if archive.index_for_name("xl/workbook.xml").is_some() {
        return Some(("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    }
    let mut mimetype = String::new();
    archive.by_name("mimetype").ok()?.take(100).read_to_string(&mut mimetype).ok()?;
    match mimetype.trim() {
        "application/vnd.oasis.opendocument.text" => Some(("odt", "application/vnd.oasis.opendocument.text")),
        "application/vnd.oasis.opendocument.spreadsheet" => {
            Some(("ods", "application/vnd.oasis.opendocument.spreadsheet"))
        }
        _ => None,
    }
}

/// A zip package (an office file): its parts as declared must stay under the limits, without unpacking it.
fn check_package(path: &Path, name: &str) -> Result<()> {
    let bomb = || {
        StoreError::from(UploadRefused::Bomb {
            name: name.into(),
            limit_mb: MAX_UNPACKED_BYTES >> 20,
            parts: MAX_PACKED_PARTS,
        })
    };
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path)?).map_err(|_| bomb())?;
    if archive.len() > MAX_PACKED_PARTS {
        return Err(bomb());
    }
    let mut total = 0u64;
    for index in 0..archive.len() {
        let part = archive.by_index_raw(index).map_err(|_| bomb())?;
        total = total.saturating_add(part.size());
        if total > MAX_UNPACKED_BYTES {
            return Err(bomb());
        }
    }
    // The sizes a package declares may lie (a part saying 1 000 bytes that unpacks to gigabytes): each part is
    // unpacked into nothing, counting, and refused past what it declared or past the limit of the whole.
    let mut unpacked = 0u64;
    for index in 0..archive.len() {
        let part = archive.by_index(index).map_err(|_| bomb())?;
        let declared = part.size();
        let allowed = declared.min(MAX_UNPACKED_BYTES - unpacked.min(MAX_UNPACKED_BYTES));
        let read =
            std::io::copy(&mut part.take(allowed.saturating_add(1)), &mut std::io::sink()).map_err(|_| bomb())?;
        if read > allowed {
            return Err(bomb());
        }
        unpacked += read;
    }
    Ok(())
}

fn read_document(row: &rusqlite::Row<'_>) -> rusqlite::Result<DocumentFile> {
    Ok(DocumentFile {
        id: row.get(0)?,
        unit: row.get(1)?,
        folder: row.get(2)?,
        name: row.get(3)?,
        sha256: row.get(4)?,
        size: row.get::<_, i64>(5)?.try_into().unwrap_or(0),
        kind: row.get(6)?,
        pages: row.get::<_, Option<i64>>(7)?.and_then(|pages| pages.try_into().ok()),
        uploaded_by: row.get(8)?,
        uploaded_at: row.get(9)?,
        replaced_by: row.get(10)?,
        preview: row.get(11)?,
        document: match row.get::<_, Option<String>>(12)? {
            Some(reference) => Some(FileDocument { reference, issued_on: row.get(13)?, title: row.get(14)? }),
            None => None,
        },
    })
}

const DOCUMENT_COLUMNS: &str = "d.id, d.unit, d.folder, d.name, d.sha256, d.size, d.kind, d.pages, d.uploaded_by, \
     d.uploaded_at, d.replaced_by, d.preview, e.reference, e.issued_on, e.title \
     FROM document_file d LEFT JOIN evidence e ON e.file = d.id";

impl Store {
    /// Where this round keeps its files.
    pub fn files_dir(&self) -> PathBuf {
        files_dir(self.path())
    }

    /// Where a stored file lies.
    pub fn stored_file(&self, document: &DocumentFile) -> PathBuf {
        self.files_dir().join("don-vi").join(document.unit.as_str()).join(&document.sha256)
    }

    /// Every file a unit sent, replaced versions included, by folder, name and age.
    pub fn document_files(&self, unit: &UnitCode) -> Result<Vec<DocumentFile>> {
        let mut statement = self
            .conn
            .prepare_cached(&format!("SELECT {DOCUMENT_COLUMNS} WHERE d.unit = ?1 ORDER BY d.folder, d.name, d.id"))?;
        let rows = statement.query_map([unit], read_document)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every unit's code, in order.
    pub fn unit_codes(&self) -> Result<Vec<UnitCode>> {
        let mut statement = self.conn.prepare_cached("SELECT code FROM unit ORDER BY code")?;
        let rows = statement.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every file of every unit (for `audit verify`).
    pub fn all_document_files(&self) -> Result<Vec<DocumentFile>> {
        let mut statement = self.conn.prepare_cached(&format!("SELECT {DOCUMENT_COLUMNS} ORDER BY d.id"))?;
        let rows = statement.query_map([], read_document)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The unit's current signed score sheet, if it sent one.
    pub fn signed_sheet(&self, unit: &UnitCode) -> Result<Option<DocumentFile>> {
        Ok(self.document_files(unit)?.into_iter().rfind(|d| d.folder == SIGNED_SHEET && d.replaced_by.is_none()))
    }

    /// The folders a unit files documents under: its framework's criteria and components, and the signed sheet.
    pub fn document_folders(&self, unit: &UnitCode) -> Result<Vec<String>> {
        let (bloc, group) = self.unit_place(unit)?;
        let framework = self
            .regulation
            .framework_for(&bloc, group.as_deref())
            .ok_or_else(|| Refused::NoFramework { unit: unit.into() })?;
        let mut folders: Vec<String> = framework.evidence_codes().into_iter().map(str::to_string).collect();
        folders.push(SIGNED_SHEET.to_string());
        Ok(folders)
    }

    /// Whether this session may send a file into `unit`'s `folder` now (refused as the form's document is).
    pub fn permit_upload(&self, unit: &UnitCode, folder: &str) -> Result<()> {
        if !self.document_folders(unit)?.iter().any(|f| f == folder) {
            return Err(UploadRefused::NoFolder { unit: unit.into(), folder: folder.into() }.into());
        }
        let (bloc, _) = self.unit_place(unit)?;
        self.check_not_frozen(&bloc, Subject::Unit(unit.into()))?;
        self.permit_self_assessment(unit)
    }

    /// Keeps the uploaded file at `temp` as a document of `unit`'s `folder` named `name`: checked whole, moved into
    /// the store by its hash, recorded (a file of the same name becomes the replaced version) in one audited
    /// transaction, with `preview` (a PDF's first lines, read by the caller). `temp` is gone afterwards, kept or
    /// refused.
    pub fn accept_upload(
        &mut self,
        unit: &UnitCode,
        folder: &str,
        name: &str,
        temp: &Path,
        preview: Option<&str>,
    ) -> Result<DocumentFile> {
        let kept = self.keep_upload(unit, folder, name, temp, preview);
        let _ = std::fs::remove_file(temp);
        kept
    }

    fn keep_upload(
        &mut self,
        unit: &UnitCode,
        folder: &str,
        name: &str,
        temp: &Path,
        preview: Option<&str>,
    ) -> Result<DocumentFile> {
        check_file_name(name)?;
        self.permit_upload(unit, folder)?;
        let found = inspect(temp, name)?;
        let held: i64 =
            self.conn
                .query_row("SELECT COALESCE(SUM(size), 0) FROM document_file WHERE unit = ?1", [unit], |r| r.get(0))?;
        let total = u64::try_from(held).unwrap_or(0) + found.size;
        if total > MAX_UNIT_BYTES {
            let refused =
                UploadRefused::UnitFull { name: name.into(), total_mb: total >> 20, limit_mb: MAX_UNIT_BYTES >> 20 };
            return Err(refused.into());
        }
        let home = self.files_dir().join("don-vi").join(unit.as_str());
        private_dir(&home)?;
        let stored = home.join(&found.sha256);
        let fresh = std::fs::symlink_metadata(&stored).is_err();
        if fresh {
            std::fs::rename(temp, &stored)?;
        }
        let preview = preview.filter(|_| found.kind == "application/pdf");
        let recorded = self.record_upload(unit, folder, name, &found, preview);
        if recorded.is_err() && fresh {
            let _ = std::fs::remove_file(&stored);
        }
        recorded
    }

    fn record_upload(
        &mut self,
        unit: &UnitCode,
        folder: &str,
        name: &str,
        found: &Inspected,
        preview: Option<&str>,
    ) -> Result<DocumentFile> {
        let tx = self.write_transaction()?;
        self.permit_self_assessment(unit)?;
        let (size, pages) =
            (i64::try_from(found.size).unwrap_or(i64::MAX), found.pages.and_then(|p| i64::try_from(p).ok()));
        let mut states = Vec::new();
        let new = tx
            .prepare_cached(
                "INSERT INTO document_file (unit, folder, name, sha256, size, kind, pages, uploaded_by, preview, uploaded_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) RETURNING *",
            )?
            .query_row(
                params![
                    unit,
                    folder,
                    name,
                    found.sha256,
                    size,
                    found.kind,
                    pages,
                    self.actor.name,
                    preview,
                    self.clock.stored_now_seconds()
                ],
                |r| Ok((r.get::<_, i64>(0)?, row_state("document_file", r)?)),
            )?;
        states.push(new.1);
        let replaced: Option<(i64, String)> = tx
            .query_row(
                "UPDATE document_file SET replaced_by = ?1
                 WHERE unit = ?2 AND folder = ?3 AND name = ?4 AND id <> ?1 AND replaced_by IS NULL RETURNING *",
                params![new.0, unit, folder, name],
                |r| Ok((r.get(0)?, row_state("document_file", r)?)),
            )
            .optional()?;
        let old = replaced.as_ref().map(|(id, _)| format!("#{id}"));
        if let Some((old_id, _)) = &replaced {
            // The new version backs the document the old one backed (its number, date and title carry over).
            let moved = tx
                .prepare_cached("UPDATE evidence SET file = ?1 WHERE file = ?2 RETURNING *")?
                .query_row(params![new.0, old_id], |r| row_state("evidence", r))
                .optional()?;
            states.extend(moved);
        }
        states.extend(replaced.map(|(_, state)| state));
        let detail = format!("{unit} {folder}: file {name} ({} bytes, SHA-256 {})", found.size, found.sha256);
        let change = Change::new(AuditAction::Upload, detail)
            .on(unit, Some(folder))
            .value(&format!("file:{name}"), old, Some(format!("#{} {}", new.0, found.sha256)))
            .states(states);
        self.audit_trail(&tx)?.record(&tx, change)?;
        let document = tx.query_row(&format!("SELECT {DOCUMENT_COLUMNS} WHERE d.id = ?1"), [new.0], read_document)?;
        tx.commit()?;
        Ok(document)
    }

    /// Records that this session took a file (a document, or `what` of a unit: its dossier) in the audit log.
    pub fn record_download(&mut self, unit: &UnitCode, folder: Option<&str>, what: &str) -> Result<()> {
        let tx = self.write_transaction()?;
        let change = Change::new(AuditAction::Download, format!("{unit}: downloaded {what}")).on(unit, folder).value(
            "download",
            None,
            Some(what.to_string()),
        );
        self.audit_trail(&tx)?.record(&tx, change)?;
        tx.commit()?;
        Ok(())
    }

    /// Rehashes every stored file; the ones missing or changed since they were recorded.
    pub fn check_stored_files(&self) -> Result<Vec<FileProblem>> {
        let mut problems = Vec::new();
        for document in self.all_document_files()? {
            let found = hash_file(&self.stored_file(&document)).ok();
            if found.as_deref() != Some(document.sha256.as_str()) {
                problems.push(FileProblem { document, found });
            }
        }
        Ok(problems)
    }
}

/// A file's SHA-256 (hex), read in pieces.
pub fn hash_file(path: &Path) -> std::io::Result<String> {
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 1 << 16];
    loop {
        let read = file.read(&mut buffer)?;
        if read == 0 {
            return Ok(super::audit::hex(&hasher.finalize()));
        }
        hasher.update(&buffer[..read]);
    }
}
