//! Files over SSH (issue 24). Under the deployment's forced command, `sftp`, `scp` (SFTP since OpenSSH 9) and
//! `WinSCP` ask sshd for the `sftp` subsystem; sshd then runs the forced command with `SSH_ORIGINAL_COMMAND` naming
//! the subsystem's program, and the program, signed in as the key's user, serves SFTP itself on its standard
//! input and output over the virtual folder of `tree` (the protocol is `russh-sftp`'s, on a one-thread tokio
//! runtime that lives here only). Every read of the disk goes through a record of the store: an export by its
//! user's folder, a document by its hash.

mod dossier;
mod preview;
pub mod tree;

use crate::domain::code::UnitCode;
use crate::messages::Lang;
use crate::messages::uploads as say;
use crate::store::Store;
use crate::store::files::{self, DocumentFile};
use crate::store::upload_refusals::UploadRefusal;
use russh_sftp::protocol::{Attrs, Data, File, FileAttributes, Handle, Name, OpenFlags, Status, StatusCode, Version};
use russh_sftp::server::StatusReply;
use std::collections::HashMap;
use std::os::unix::fs::FileExt;
use std::path::PathBuf;
use tree::{Miss, Node};

/// Whether `SSH_ORIGINAL_COMMAND` is sshd asking for the `sftp` subsystem: its program (`/usr/lib/openssh/
/// sftp-server`, as `Subsystem sftp` names it) or `internal-sftp`.
pub fn is_sftp_request(original: &str) -> bool {
    let program = original.split_whitespace().next().unwrap_or("");
    let name = program.rsplit('/').next().unwrap_or(program);
    matches!(name, "sftp-server" | "internal-sftp" | "sftp")
}

/// Serves SFTP on standard input and output as the store's signed-in user until the client leaves.
pub fn serve(store: Store) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread().build()?;
    let (alive, mut gone) = tokio::sync::mpsc::channel::<()>(1);
    let session = Session {
        store,
        handles: HashMap::new(),
        next: 0,
        dossiers: HashMap::new(),
        pending: HashMap::new(),
        parts: HashMap::new(),
        _alive: alive,
    };
    runtime.block_on(async move {
        let stream = tokio::io::join(tokio::io::stdin(), tokio::io::stdout());
        russh_sftp::server::run(stream, session).await;
        // The server's task owns the session: the channel closes when it ends.
        let _ = gone.recv().await;
    });
    Ok(())
}

/// What an open handle reads or writes.
enum Open {
    /// A real file read: an export, a document (recorded as taken on close once read) or a dossier.
    Read { file: std::fs::File, taken: Option<Taken>, read: bool },
    /// An upload under way into `temp`, checked and kept on close.
    Write { file: std::fs::File, temp: PathBuf, unit: UnitCode, folder: String, name: String, refused: Option<String> },
    /// A file sent into the user's inbox, written to `temp`, put in place as `dest` on close.
    Inbox { file: std::fs::File, temp: PathBuf, dest: PathBuf, refused: Option<String> },
    /// A folder listing, sent in one piece.
    Dir { entries: Option<Vec<File>> },
    /// A text the program writes for this user (the note of refused uploads), held in memory.
    Text { data: Vec<u8> },
    /// A side file (`X.pdf.toml`) under way, held in memory: the number, date and title of `target`.
    Side { data: Vec<u8>, unit: UnitCode, folder: String, name: String, target: String },
}

/// A side file's fields waiting for its file in this session (or why it was refused), by unit, folder and name.
type Pending = HashMap<(UnitCode, String, String), Result<files::SideFile, String>>;

/// What the audit log records when a file is taken.
struct Taken {
    unit: UnitCode,
    folder: Option<String>,
    what: String,
}

struct Session {
    store: Store,
    handles: HashMap<String, Open>,
    next: u64,
    /// Each unit's dossier, built once per session, removed when it ends.
    dossiers: HashMap<UnitCode, PathBuf>,
    /// Side files sent before their file.
    pending: Pending,
    /// Uploads sent under a temporary name (`WinSCP`'s `NAME.filepart`), whole, waiting for the rename to `NAME`
    /// that makes them a document: by unit, folder and temporary name.
    parts: HashMap<(UnitCode, String, String), PathBuf>,
    _alive: tokio::sync::mpsc::Sender<()>,
}

impl Drop for Session {
    fn drop(&mut self) {
        for open in self.handles.values() {
            if let Open::Write { temp, .. } = open {
                let _ = std::fs::remove_file(temp);
            }
        }
        for path in self.dossiers.values().chain(self.parts.values()) {
            let _ = std::fs::remove_file(path);
        }
    }
}

fn reply(code: StatusCode, message: String) -> StatusReply {
    StatusReply::new(code).with_message(message)
}

/// A refusal the person must read: in the reply (`WinSCP` shows it) and on standard error, one line. The OpenSSH
/// clients (`sftp`, `scp`) show only a reply's code (*Failure*, *Permission denied*); run as `sftp -D` they print
/// the server's standard error, but sshd drops a subsystem's standard error (a forced command's too).
fn told(code: StatusCode, message: String) -> StatusReply {
    use std::io::Write;
    let line = crate::messages::cli::error_line(&message);
    let _ = writeln!(std::io::stderr().lock(), "{}", crate::domain::text::escape_line(&line));
    reply(code, message)
}

fn miss(path: &str, why: Miss) -> StatusReply {
    match why {
        Miss::Missing => reply(StatusCode::NoSuchFile, say::sftp_missing(path)),
        Miss::Forbidden => told(StatusCode::PermissionDenied, say::sftp_forbidden(path)),
    }
}

/// The temporary name `WinSCP` uploads under before renaming to the real one.
const PART_SUFFIX: &str = ".filepart";

/// A path as names from the root (`/stc/I.1/a.pdf`), as a refusal keeps it.
fn clean(path: &str) -> String {
    format!("/{}", tree::names(path).join("/"))
}

fn failure(error: &impl std::fmt::Display) -> StatusReply {
    reply(StatusCode::Failure, error.to_string())
}

fn ok(id: u32) -> Status {
    Status { id, status_code: StatusCode::Ok, error_message: "Ok".into(), language_tag: "en-US".into() }
}

fn dir_attrs() -> FileAttributes {
    let mut attrs = FileAttributes { permissions: Some(0o755), ..FileAttributes::default() };
    attrs.set_dir(true);
    attrs
}

fn file_attrs(size: u64, mtime: Option<u32>) -> FileAttributes {
    let mut attrs =
        FileAttributes { size: Some(size), permissions: Some(0o644), mtime, atime: mtime, ..FileAttributes::default() };
    attrs.set_regular(true);
    attrs
}

/// The note of refused uploads: a read-only file.
fn note_attrs(size: usize, mtime: Option<u32>) -> FileAttributes {
    let mut attrs = file_attrs(size as u64, mtime);
    attrs.permissions = Some(0o444);
    attrs.set_regular(true);
    attrs
}

/// When a refusal happened, as a file's time.
fn refused_at(refusal: &UploadRefusal) -> Option<u32> {
    let at = refusal.at.parse::<jiff::Timestamp>().ok()?;
    u32::try_from(at.as_second()).ok()
}

fn modified(meta: &std::fs::Metadata) -> Option<u32> {
    let since = meta.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?;
    u32::try_from(since.as_secs()).ok()
}

impl Session {
    /// A refused upload: told as [`told`] does, and kept for this user, who reads it in the note
    /// (`/TU-CHOI-TAI-LEN.txt`, what the OpenSSH clients leave them) and on the unit's screen.
    /// What is kept is escaped as one line (a name sent with a control or direction character shows as its escape).
    fn refuse(&self, path: &str, code: StatusCode, vi: String, en: &str) -> StatusReply {
        use crate::domain::text::escape_line;
        let kept = self.store.record_upload_refusal(&escape_line(&clean(path)), &escape_line(&vi), &escape_line(en));
        if let Err(e) = kept {
            tracing::warn!("a refused upload of {path} was not kept for its note: {e}");
        }
        told(code, vi)
    }

    /// An upload the store refused, kept for this user with its reason in both languages.
    fn refuse_store(&self, path: &str, code: StatusCode, error: &crate::store::StoreError) -> StatusReply {
        use crate::messages::{Lang, store_error};
        self.refuse(path, code, store_error(error, Lang::Vi), &store_error(error, Lang::En))
    }

    /// An upload into a place no one writes, or not this user.
    fn refuse_place(&self, path: &str, why: Option<Miss>) -> StatusReply {
        use crate::messages::refusals::{forbidden_en, missing_en, read_only_en};
        match why {
            Some(Miss::Forbidden) => {
                self.refuse(path, StatusCode::PermissionDenied, say::sftp_forbidden(path), &forbidden_en(path))
            }
            Some(Miss::Missing) => {
                self.refuse(path, StatusCode::NoSuchFile, say::sftp_missing(path), &missing_en(path))
            }
            None => self.refuse(path, StatusCode::PermissionDenied, say::sftp_read_only(path), &read_only_en(path)),
        }
    }

    /// This user's refused uploads a note shows: all of them, or those sent into one unit's folder.
    fn refusals(&self, scope: Option<&(UnitCode, String)>) -> Result<Vec<UploadRefusal>, StatusReply> {
        let all = self.store.upload_refusals().map_err(|e| failure(&e))?;
        Ok(match scope {
            None => all,
            Some((unit, folder)) => {
                let inside = format!("/{unit}/{folder}/");
                all.into_iter().filter(|r| r.path.starts_with(&inside)).collect()
            }
        })
    }

    /// The note of refused uploads: its text and its time (the latest refusal's).
    fn note(&self, scope: Option<&(UnitCode, String)>) -> Result<(Vec<u8>, Option<u32>), StatusReply> {
        let refusals = self.refusals(scope)?;
        let text = crate::messages::refusals::note_text(&self.store.actor().name, &refusals, Lang::Vi);
        Ok((text.into_bytes(), refusals.first().and_then(refused_at)))
    }

    /// The note as a folder lists it, when it has a refusal to show: `ls -l` prints the latest one after its name.
    fn note_entry(&self, scope: Option<&(UnitCode, String)>) -> Result<Option<File>, StatusReply> {
        let refusals = self.refusals(scope)?;
        let Some(latest) = refusals.first() else { return Ok(None) };
        let text = crate::messages::refusals::note_text(&self.store.actor().name, &refusals, Lang::Vi);
        let mut entry = File::new(tree::NOTE_FILE, note_attrs(text.len(), refused_at(latest)));
        entry.longname = format!("{}  {}", entry.longname, crate::messages::refusals::note_listing(latest, Lang::Vi));
        Ok(Some(entry))
    }

    fn new_handle(&mut self, open: Open) -> String {
        self.next += 1;
        let handle = format!("h{}", self.next);
        self.handles.insert(handle.clone(), open);
        handle
    }

    fn resolve(&self, path: &str) -> Result<Node, StatusReply> {
        tree::resolve(&self.store, path).map_err(|why| miss(path, why))
    }

    /// An export's file on disk: a plain file in its owner's folder (no hidden file, no link).
    fn export_file(&self, owner: &str, name: &str, path: &str) -> Result<(PathBuf, std::fs::Metadata), StatusReply> {
        let real = files::exports_dir(self.store.path(), owner).join(name);
        match std::fs::symlink_metadata(&real) {
            Ok(meta) if meta.is_file() && !name.starts_with('.') => Ok((real, meta)),
            _ => Err(miss(path, Miss::Missing)),
        }
    }

    /// A file of the user's inbox on disk: a plain file (no hidden file, no link).
    fn inbox_file(&self, name: &str, path: &str) -> Result<(PathBuf, std::fs::Metadata), StatusReply> {
        let real = files::inbox_dir(self.store.path(), &self.store.actor().name).join(name);
        match std::fs::symlink_metadata(&real) {
            Ok(meta) if meta.is_file() && !name.starts_with('.') => Ok((real, meta)),
            _ => Err(miss(path, Miss::Missing)),
        }
    }

    /// The current document of that name in a unit's folder.
    fn document(&self, unit: &UnitCode, folder: &str, name: &str) -> Result<Option<DocumentFile>, StatusReply> {
        let documents = self.store.document_files(unit).map_err(|e| failure(&e))?;
        Ok(documents.into_iter().find(|d| d.folder == folder && d.name == name && d.replaced_by.is_none()))
    }

    fn dossier(&mut self, unit: &UnitCode) -> Result<PathBuf, StatusReply> {
        if let Some(path) = self.dossiers.get(unit) {
            return Ok(path.clone());
        }
        let path = dossier::build(&self.store, unit).map_err(|e| failure(&e))?;
        self.dossiers.insert(unit.clone(), path.clone());
        Ok(path)
    }

    fn stat(&mut self, path: &str) -> Result<FileAttributes, StatusReply> {
        match self.resolve(path)? {
            Node::Root | Node::Exports(_) | Node::AllExports | Node::Unit(_) | Node::Folder(..) | Node::Inbox => {
                Ok(dir_attrs())
            }
            Node::InboxFile(name) => {
                let (_, meta) = self.inbox_file(&name, path)?;
                Ok(file_attrs(meta.len(), modified(&meta)))
            }
            Node::ExportFile(owner, name) => {
                let (_, meta) = self.export_file(&owner, &name, path)?;
                Ok(file_attrs(meta.len(), modified(&meta)))
            }
            Node::Document(unit, folder, name) => match self.document(&unit, &folder, &name)? {
                Some(document) => Ok(file_attrs(document.size, None)),
                None => match self.parts.get(&(unit, folder, name)) {
                    Some(part) => {
                        let meta = std::fs::metadata(part).map_err(|e| failure(&e))?;
                        Ok(file_attrs(meta.len(), modified(&meta)))
                    }
                    None => Err(miss(path, Miss::Missing)),
                },
            },
            Node::Dossier(unit) => {
                let real = self.dossier(&unit)?;
                let meta = std::fs::metadata(real).map_err(|e| failure(&e))?;
                Ok(file_attrs(meta.len(), modified(&meta)))
            }
            Node::Note(scope) => {
                let (text, at) = self.note(scope.as_ref())?;
                Ok(note_attrs(text.len(), at))
            }
        }
    }

    fn list(&mut self, path: &str) -> Result<Vec<File>, StatusReply> {
        let dir = |name: &str| File::new(name, dir_attrs());
        Ok(match self.resolve(path)? {
            Node::Root => {
                let mut entries = vec![dir(tree::EXPORTS)];
                if tree::reads_papers(&self.store) {
                    entries.push(dir(tree::ALL_EXPORTS));
                }
                if tree::has_inbox(&self.store) {
                    entries.push(dir(tree::INBOX));
                }
                let units = match &self.store.actor().unit {
                    Some(own) => vec![own.clone()],
                    None => self.store.unit_codes().map_err(|e| failure(&e))?,
                };
                entries.extend(units.iter().map(|unit| dir(unit)));
                entries.extend(self.note_entry(None)?);
                entries
            }
            Node::AllExports => {
                let folder = files::files_dir(self.store.path()).join(tree::EXPORTS);
                let mut owners: Vec<String> = std::fs::read_dir(folder)
                    .map(|read| read.flatten().filter_map(|e| e.file_name().into_string().ok()).collect())
                    .unwrap_or_default();
                owners.sort();
                owners.iter().map(|owner| dir(owner)).collect()
            }
            Node::Exports(owner) => self.list_exports(&owner),
            Node::Inbox => plain_files(&files::inbox_dir(self.store.path(), &self.store.actor().name)),
            Node::Unit(unit) => {
                let mut entries: Vec<File> = Vec::new();
                if tree::reads_papers(&self.store) {
                    entries.push(File::new(tree::dossier_name(&unit), file_attrs(0, None)));
                }
                let folders = self.store.document_folders(&unit).map_err(|e| failure(&e))?;
                entries.extend(folders.iter().map(|folder| dir(folder)));
                entries
            }
            Node::Folder(unit, folder) => {
                let documents = self.store.document_files(&unit).map_err(|e| failure(&e))?;
                let mut entries: Vec<File> = documents
                    .iter()
                    .filter(|d| d.folder == folder && d.replaced_by.is_none())
                    .map(|d| File::new(d.name.clone(), file_attrs(d.size, None)))
                    .collect();
                entries.extend(self.note_entry(Some(&(unit, folder)))?);
                entries
            }
            Node::ExportFile(..) | Node::Document(..) | Node::Dossier(_) | Node::InboxFile(_) | Node::Note(_) => {
                return Err(reply(StatusCode::Failure, say::sftp_missing(path)));
            }
        })
    }

    fn list_exports(&self, owner: &str) -> Vec<File> {
        plain_files(&files::exports_dir(self.store.path(), owner))
    }
}

/// The plain files of a folder (no hidden file, no link, no folder), by name.
fn plain_files(folder: &std::path::Path) -> Vec<File> {
    let mut entries: Vec<File> = std::fs::read_dir(folder)
        .map(|read| {
            read.flatten()
                .filter_map(|entry| {
                    let name = entry.file_name().into_string().ok()?;
                    let meta = entry.path().symlink_metadata().ok()?;
                    (meta.is_file() && !name.starts_with('.'))
                        .then(|| File::new(name, file_attrs(meta.len(), modified(&meta))))
                })
                .collect()
        })
        .unwrap_or_default();
    entries.sort_by(|a, b| a.filename.cmp(&b.filename));
    entries
}

impl Session {
    fn open_read(&mut self, path: &str) -> Result<Open, StatusReply> {
        let (real, taken) = match self.resolve(path)? {
            Node::Note(scope) => return Ok(Open::Text { data: self.note(scope.as_ref())?.0 }),
            Node::ExportFile(owner, name) => (self.export_file(&owner, &name, path)?.0, None),
            Node::InboxFile(name) => (self.inbox_file(&name, path)?.0, None),
            Node::Document(unit, folder, name) => {
                let Some(document) = self.document(&unit, &folder, &name)? else {
                    return Err(miss(path, Miss::Missing));
                };
                let what = format!("{folder}/{name} (#{}, SHA-256 {})", document.id, document.sha256);
                (self.store.stored_file(&document), Some(Taken { unit, folder: Some(folder), what }))
            }
            Node::Dossier(unit) => {
                let what = tree::dossier_name(&unit);
                (self.dossier(&unit)?, Some(Taken { unit, folder: None, what }))
            }
            Node::Root | Node::Exports(_) | Node::AllExports | Node::Unit(_) | Node::Folder(..) | Node::Inbox => {
                return Err(reply(StatusCode::Failure, say::sftp_missing(path)));
            }
        };
        let file = std::fs::File::open(real).map_err(|e| failure(&e))?;
        Ok(Open::Read { file, taken, read: false })
    }

    /// A side file arrived whole: checked (its text, then the rules of a typed document); applied to its file
    /// when that is already here, else held for it in this session. A refused one is remembered: its file is
    /// refused too.
    fn close_side(
        &mut self,
        id: u32,
        data: &[u8],
        unit: UnitCode,
        folder: String,
        name: &str,
        target: String,
    ) -> Result<Status, StatusReply> {
        let checked = files::parse_side_file(name, data).map_err(crate::store::StoreError::from).and_then(|side| {
            self.store.check_file_document(&unit, &folder, &side.trich_yeu, &side.so, &side.ngay).map(|()| side)
        });
        let path = format!("/{unit}/{folder}/{name}");
        let side = match checked {
            Ok(side) => side,
            Err(e) => {
                let why = crate::messages::store_error(&e, crate::messages::Lang::Vi);
                self.pending.insert((unit, folder, target), Err(why));
                return Err(self.refuse_store(&path, StatusCode::Failure, &e));
            }
        };
        match self.document(&unit, &folder, &target)? {
            Some(document) => self
                .store
                .describe_file(&unit, document.id, &side.trich_yeu, &side.so, &side.ngay)
                .map(|()| ok(id))
                .map_err(|e| self.refuse_store(&path, StatusCode::Failure, &e)),
            None => {
                self.pending.insert((unit, folder, target), Ok(side));
                Ok(ok(id))
            }
        }
    }

    fn open_write(&mut self, path: &str) -> Result<Open, StatusReply> {
        let node = tree::resolve(&self.store, path).map_err(|why| self.refuse_place(path, Some(why)))?;
        if let Node::InboxFile(name) = &node {
            return self.open_inbox_write(path, name);
        }
        let Node::Document(unit, folder, name) = node else {
            return Err(self.refuse_place(path, None));
        };
        let refused = |e: crate::store::StoreError| self.refuse_store(path, StatusCode::PermissionDenied, &e);
        files::check_file_name(&name).map_err(|e| refused(e.into()))?;
        self.store.permit_upload(&unit, &folder).map_err(refused)?;
        if let Some(target) = files::side_file_target(&name) {
            let target = target.to_string();
            return Ok(Open::Side { data: Vec::new(), unit, folder, name, target });
        }
        let dir = files::uploads_dir(self.store.path());
        files::private_dir(&dir).map_err(|e| failure(&e))?;
        let temp = dir.join(format!("{}-{}.part", std::process::id(), self.next + 1));
        let file = std::fs::OpenOptions::new().write(true).create_new(true).open(&temp).map_err(|e| failure(&e))?;
        Ok(Open::Write { file, temp, unit, folder, name, refused: None })
    }
}

impl Session {
    /// A file sent into the inbox: written beside its place, put there (replacing one of the same name) on close.
    fn open_inbox_write(&mut self, path: &str, name: &str) -> Result<Open, StatusReply> {
        files::check_file_name(name)
            .map_err(|e| self.refuse_store(path, StatusCode::PermissionDenied, &crate::store::StoreError::from(e)))?;
        let folder = files::inbox_dir(self.store.path(), &self.store.actor().name);
        files::private_dir(&folder).map_err(|e| failure(&e))?;
        let temp = folder.join(format!(".{}-{}.part", std::process::id(), self.next + 1));
        let file = std::fs::OpenOptions::new().write(true).create_new(true).open(&temp).map_err(|e| failure(&e))?;
        Ok(Open::Inbox { file, temp, dest: folder.join(name), refused: None })
    }
}

impl russh_sftp::server::Handler for Session {
    type Error = StatusReply;

    fn unimplemented(&self) -> Self::Error {
        StatusReply::new(StatusCode::OpUnsupported)
    }

    async fn init(&mut self, _version: u32, _extensions: HashMap<String, String>) -> Result<Version, Self::Error> {
        Ok(Version::new())
    }

    async fn realpath(&mut self, id: u32, path: String) -> Result<Name, Self::Error> {
        let path = format!("/{}", tree::names(&path).join("/"));
        Ok(Name { id, files: vec![File::dummy(path)] })
    }

    async fn stat(&mut self, id: u32, path: String) -> Result<Attrs, Self::Error> {
        Ok(Attrs { id, attrs: Session::stat(self, &path)? })
    }

    async fn lstat(&mut self, id: u32, path: String) -> Result<Attrs, Self::Error> {
        Ok(Attrs { id, attrs: Session::stat(self, &path)? })
    }

    async fn opendir(&mut self, id: u32, path: String) -> Result<Handle, Self::Error> {
        let entries = self.list(&path)?;
        Ok(Handle { id, handle: self.new_handle(Open::Dir { entries: Some(entries) }) })
    }

    async fn readdir(&mut self, id: u32, handle: String) -> Result<Name, Self::Error> {
        match self.handles.get_mut(&handle) {
            Some(Open::Dir { entries }) => match entries.take() {
                Some(files) if !files.is_empty() => Ok(Name { id, files }),
                _ => Err(StatusReply::new(StatusCode::Eof)),
            },
            _ => Err(StatusReply::new(StatusCode::Failure)),
        }
    }

    async fn open(
        &mut self,
        id: u32,
        filename: String,
        pflags: OpenFlags,
        _attrs: FileAttributes,
    ) -> Result<Handle, Self::Error> {
        let writes = pflags.intersects(OpenFlags::WRITE | OpenFlags::CREATE | OpenFlags::TRUNCATE | OpenFlags::APPEND);
        let open = if writes { self.open_write(&filename)? } else { self.open_read(&filename)? };
        Ok(Handle { id, handle: self.new_handle(open) })
    }

    async fn read(&mut self, id: u32, handle: String, offset: u64, len: u32) -> Result<Data, Self::Error> {
        if let Some(Open::Text { data }) = self.handles.get(&handle) {
            let start = usize::try_from(offset).unwrap_or(usize::MAX).min(data.len());
            let end = start.saturating_add(len.min(256 * 1024) as usize).min(data.len());
            if start == end {
                return Err(StatusReply::new(StatusCode::Eof));
            }
            return Ok(Data { id, data: data[start..end].to_vec() });
        }
        let Some(Open::Read { file, read, .. }) = self.handles.get_mut(&handle) else {
            return Err(StatusReply::new(StatusCode::Failure));
        };
        let mut data = vec![0u8; len.min(256 * 1024) as usize];
        let got = file.read_at(&mut data, offset).map_err(|e| failure(&e))?;
        if got == 0 {
            return Err(StatusReply::new(StatusCode::Eof));
        }
        data.truncate(got);
        *read = true;
        Ok(Data { id, data })
    }

    async fn write(&mut self, id: u32, handle: String, offset: u64, data: Vec<u8>) -> Result<Status, Self::Error> {
        if let Some(Open::Side { data: held, unit, folder, name, .. }) = self.handles.get_mut(&handle) {
            let end = usize::try_from(offset).unwrap_or(usize::MAX).saturating_add(data.len());
            if end > files::MAX_SIDE_FILE_BYTES {
                let path = format!("/{unit}/{folder}/{name}");
                let why = files::UploadRefused::SideFile { name: name.clone(), why: "> 16 KiB".into() };
                return Err(self.refuse_store(&path, StatusCode::Failure, &why.into()));
            }
            if held.len() < end {
                held.resize(end, 0);
            }
            let start = end - data.len();
            held[start..end].copy_from_slice(&data);
            return Ok(ok(id));
        }
        let (file, name, path, refused) = match self.handles.get_mut(&handle) {
            Some(Open::Write { file, unit, folder, name, refused, .. }) => {
                (file, name.clone(), format!("/{unit}/{folder}/{name}"), refused)
            }
            Some(Open::Inbox { file, dest, refused, .. }) => {
                let name = dest.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                let path = format!("/{}/{name}", tree::INBOX);
                (file, name, path, refused)
            }
            _ => return Err(StatusReply::new(StatusCode::PermissionDenied)),
        };
        if let Some(why) = refused {
            return Err(reply(StatusCode::Failure, why.clone()));
        }
        if offset.saturating_add(data.len() as u64) > files::MAX_FILE_BYTES {
            let too_large = files::UploadRefused::TooLarge { name, limit_mb: files::MAX_FILE_BYTES >> 20 };
            // Stop storing at once: the part written so far is emptied, the handle refuses the rest.
            let _ = file.set_len(0);
            *refused = Some(say::upload_refused(&too_large));
            return Err(self.refuse_store(&path, StatusCode::Failure, &too_large.into()));
        }
        file.write_all_at(&data, offset).map_err(|e| failure(&e))?;
        Ok(ok(id))
    }

    async fn fstat(&mut self, id: u32, handle: String) -> Result<Attrs, Self::Error> {
        let meta = match self.handles.get(&handle) {
            Some(Open::Read { file, .. } | Open::Write { file, .. } | Open::Inbox { file, .. }) => {
                file.metadata().map_err(|e| failure(&e))?
            }
            Some(Open::Side { data, .. } | Open::Text { data }) => {
                return Ok(Attrs { id, attrs: file_attrs(data.len() as u64, None) });
            }
            _ => return Err(StatusReply::new(StatusCode::Failure)),
        };
        Ok(Attrs { id, attrs: file_attrs(meta.len(), modified(&meta)) })
    }

    async fn fsetstat(&mut self, id: u32, handle: String, _attrs: FileAttributes) -> Result<Status, Self::Error> {
        // A client setting the time or mode of its upload (scp -p, `WinSCP`): nothing to change, not an error.
        match self.handles.get(&handle) {
            Some(Open::Write { .. } | Open::Side { .. } | Open::Inbox { .. }) => Ok(ok(id)),
            _ => Err(StatusReply::new(StatusCode::PermissionDenied)),
        }
    }

    async fn setstat(&mut self, id: u32, path: String, _attrs: FileAttributes) -> Result<Status, Self::Error> {
        match self.resolve(&path)? {
            Node::Document(unit, folder, _) if self.store.permit_upload(&unit, &folder).is_ok() => Ok(ok(id)),
            Node::InboxFile(_) => Ok(ok(id)),
            _ => Err(reply(StatusCode::PermissionDenied, say::sftp_read_only(&path))),
        }
    }

    async fn close(&mut self, id: u32, handle: String) -> Result<Status, Self::Error> {
        match self.handles.remove(&handle) {
            Some(Open::Write { file, temp, unit, folder, name, refused }) => {
                drop(file);
                if let Some(why) = refused {
                    let _ = std::fs::remove_file(&temp);
                    return Err(reply(StatusCode::Failure, why));
                }
                if name.ends_with(PART_SUFFIX) {
                    // Kept whole until the client renames it to its real name (checked then, as any upload).
                    if let Some(old) = self.parts.insert((unit, folder, name), temp) {
                        let _ = std::fs::remove_file(old);
                    }
                    return Ok(ok(id));
                }
                let path = format!("/{unit}/{folder}/{name}");
                let waiting = self.pending.remove(&(unit.clone(), folder.clone(), name.clone()));
                if let Some(Err(_)) = waiting {
                    let _ = std::fs::remove_file(&temp);
                    let why = files::UploadRefused::SideFileRefused { name };
                    return Err(self.refuse_store(&path, StatusCode::Failure, &why.into()));
                }
                let preview = preview::first_lines(&temp, &name);
                let kept = self.store.accept_upload(&unit, &folder, &name, &temp, preview.as_deref());
                let described = kept.and_then(|document| match waiting {
                    Some(Ok(side)) => {
                        self.store.describe_file(&unit, document.id, &side.trich_yeu, &side.so, &side.ngay)
                    }
                    _ => Ok(()),
                });
                described.map(|()| ok(id)).map_err(|e| self.refuse_store(&path, StatusCode::Failure, &e))
            }
            Some(Open::Side { data, unit, folder, name, target }) => {
                self.close_side(id, &data, unit, folder, &name, target)
            }
            Some(Open::Inbox { file, temp, dest, refused }) => {
                drop(file);
                if let Some(why) = refused {
                    let _ = std::fs::remove_file(&temp);
                    return Err(reply(StatusCode::Failure, why));
                }
                std::fs::rename(&temp, &dest).map_err(|e| failure(&e))?;
                Ok(ok(id))
            }
            Some(Open::Read { taken: Some(taken), read: true, .. }) => {
                self.store
                    .record_download(&taken.unit, taken.folder.as_deref(), &taken.what)
                    .map_err(|e| failure(&e))?;
                Ok(ok(id))
            }
            Some(Open::Read { .. } | Open::Dir { .. } | Open::Text { .. }) => Ok(ok(id)),
            None => Err(StatusReply::new(StatusCode::Failure)),
        }
    }

    async fn remove(&mut self, _id: u32, filename: String) -> Result<Status, Self::Error> {
        Err(reply(StatusCode::PermissionDenied, say::sftp_read_only(&filename)))
    }

    async fn mkdir(&mut self, _id: u32, path: String, _attrs: FileAttributes) -> Result<Status, Self::Error> {
        Err(reply(StatusCode::PermissionDenied, say::sftp_read_only(&path)))
    }

    async fn rmdir(&mut self, _id: u32, path: String) -> Result<Status, Self::Error> {
        Err(reply(StatusCode::PermissionDenied, say::sftp_read_only(&path)))
    }

    async fn rename(&mut self, id: u32, oldpath: String, newpath: String) -> Result<Status, Self::Error> {
        // Only `NAME.filepart` → `NAME` in the same folder: the upload becomes the document `NAME`.
        let (Node::Document(unit, folder, part), Node::Document(to_unit, to_folder, name)) =
            (self.resolve(&oldpath)?, self.resolve(&newpath)?)
        else {
            return Err(reply(StatusCode::PermissionDenied, say::sftp_read_only(&oldpath)));
        };
        let key = (unit.clone(), folder.clone(), part.clone());
        let names_it = part.strip_suffix(PART_SUFFIX) == Some(name.as_str());
        if (to_unit, to_folder) != (unit.clone(), folder.clone()) || !names_it || !self.parts.contains_key(&key) {
            return Err(reply(StatusCode::PermissionDenied, say::sftp_read_only(&oldpath)));
        }
        let Some(temp) = self.parts.remove(&key) else {
            return Err(reply(StatusCode::NoSuchFile, say::sftp_missing(&oldpath)));
        };
        let preview = preview::first_lines(&temp, &name);
        self.store
            .accept_upload(&unit, &folder, &name, &temp, preview.as_deref())
            .map(|_| ok(id))
            .map_err(|e| self.refuse_store(&newpath, StatusCode::Failure, &e))
    }

    async fn symlink(&mut self, _id: u32, linkpath: String, _targetpath: String) -> Result<Status, Self::Error> {
        Err(reply(StatusCode::PermissionDenied, say::sftp_read_only(&linkpath)))
    }
}
