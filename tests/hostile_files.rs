//! Hostile files a unit may send (issue 24): content not its name's type, a packed bomb, a PDF of 10 000 pages,
//! an upload past the size limit, a name with a folder or a direction character. Each is refused with its
//! reason, and leaves nothing behind: no document, no stored file, no upload under way, the audit log as before.
//! The store's check is driven directly, and the whole path through the OpenSSH client (`sftp -D` runs the program
//! as sshd's forced command would, with `SSH_ORIGINAL_COMMAND` naming the sftp subsystem).
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

mod tools;

use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};
use thamdinh::store::files::{self, UploadRefused};
use thamdinh::store::{Store, StoreError};

fn round(dir: &Path) -> PathBuf {
    let db = dir.join("round.db");
    let text = db.to_str().unwrap();
    tools::fixture_round(text);
    tools::thamdinh(&["user", "add", "--db", text, "dau-moi-stc", "--role", "unit", "--unit", "stc"]);
    db
}

fn pdf_with(body: &str) -> Vec<u8> {
    format!("%PDF-1.4\n{body}\n%%EOF\n").into_bytes()
}

/// A Word file (`.docx`) whose one part unpacks to 300 MB of zeros (a few hundred KB packed).
fn docx_bomb(path: &Path) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("word/document.xml", options).unwrap();
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..300 {
        zip.write_all(&zeros).unwrap();
    }
    zip.start_file("[Content_Types].xml", options).unwrap();
    zip.write_all(b"<?xml version=\"1.0\"?><Types/>").unwrap();
    zip.finish().unwrap();
}

/// What the round holds of sent files: documents, stored files, uploads under way, audit rows.
fn left(db: &Path) -> (usize, usize, usize, i64) {
    let store = Store::open(db).unwrap();
    let count = |dir: PathBuf| std::fs::read_dir(dir).map(|d| d.flatten().count()).unwrap_or(0);
    let files = files::files_dir(db);
    (
        store.document_files("stc").unwrap().len(),
        count(files.join("don-vi").join("stc")),
        count(files.join("tam")),
        store.audit_last_id().unwrap(),
    )
}

fn refusal(db: &Path, temp: &Path, name: &str) -> UploadRefused {
    let mut store = Store::open(db).unwrap();
    store.sign_in("dau-moi-stc").unwrap();
    match store.accept_upload("stc", "I.1", name, temp, None) {
        Err(StoreError::Upload(why)) => *why,
        other => panic!("{name}: expected a refusal, got {other:?}"),
    }
}

#[test]
fn hostile_files_are_refused_and_leave_nothing() {
    let temp = tempfile::tempdir().unwrap();
    let db = round(temp.path());
    let before = left(&db);
    let upload = temp.path().join("upload.part");

    std::fs::write(&upload, b"MZ this is a program, not a PDF".repeat(10)).unwrap();
    assert!(matches!(refusal(&db, &upload, "quyet-dinh.pdf"), UploadRefused::NotItsName { .. }));
    std::fs::write(&upload, pdf_with("1 0 obj << /Type /Catalog >> endobj")).unwrap();
    assert!(matches!(refusal(&db, &upload, "quyet-dinh.exe"), UploadRefused::NotADocument { .. }));

    let mut pages = String::new();
    for n in 3..10_003 {
        let _ = writeln!(pages, "{n} 0 obj << /Type /Page /Parent 2 0 R >> endobj");
    }
    std::fs::write(&upload, pdf_with(&format!("2 0 obj << /Type /Pages /Count 10000 >> endobj\n{pages}"))).unwrap();
    let refused = refusal(&db, &upload, "bao-cao.pdf");
    assert!(matches!(refused, UploadRefused::TooManyPages { pages: 10_000, .. }), "{refused:?}");

    docx_bomb(&upload);
    let refused = refusal(&db, &upload, "ke-hoach.docx");
    assert!(matches!(refused, UploadRefused::Bomb { .. }), "{refused:?}");

    let big = std::fs::File::create(&upload).unwrap();
    big.set_len(files::MAX_FILE_BYTES + 1).unwrap();
    std::fs::OpenOptions::new().write(true).open(&upload).unwrap().write_all(b"%PDF-1.4\n").unwrap();
    assert!(matches!(refusal(&db, &upload, "lon.pdf"), UploadRefused::TooLarge { .. }));

    std::fs::write(&upload, pdf_with("")).unwrap();
    for name in ["a\u{202e}fdp.exe.pdf", "../a.pdf", "a\nb.pdf", ".an.pdf", "thu/muc.pdf"] {
        assert!(matches!(refusal(&db, &upload, name), UploadRefused::BadName { .. }), "{name:?}");
    }
    // Every refusal removed the upload, stored nothing and wrote no audit row.
    assert!(!upload.exists());
    assert_eq!(left(&db), before);
    assert_eq!(before.0, 0);

    // A file the rules accept is kept: the check above refuses for its reasons, not for every file.
    std::fs::write(&upload, pdf_with("2 0 obj << /Type /Pages /Count 3 >> endobj")).unwrap();
    let mut store = Store::open(&db).unwrap();
    store.sign_in("dau-moi-stc").unwrap();
    let kept = store.accept_upload("stc", "I.1", "quyet-dinh.pdf", &upload, None).unwrap();
    assert_eq!((kept.pages, kept.kind.as_str()), (Some(3), "application/pdf"));
}

/// `sftp -D PROGRAM` as sshd would run the forced command for the sftp subsystem.
fn sftp_as(db: &Path, user: &str, batch: &str, cwd: &Path) -> std::process::Output {
    let server = format!("{} --db {} --user {user}", env!("CARGO_BIN_EXE_thamdinh"), db.display());
    let mut child = std::process::Command::new("sftp")
        .args(["-b", "-", "-D", &server])
        .env("SSH_ORIGINAL_COMMAND", "/usr/lib/openssh/sftp-server")
        .current_dir(cwd)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(batch.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn hostile_uploads_over_sftp_leave_nothing() {
    if !tools::available("ssh", "-V", "openssh-client") {
        return;
    }
    let temp = tempfile::tempdir().unwrap();
    let db = round(temp.path());
    let work = temp.path().join("work");
    std::fs::create_dir(&work).unwrap();
    let before = left(&db);
    std::fs::write(work.join("fake.pdf"), b"just text, not a PDF\n".repeat(20)).unwrap();
    docx_bomb(&work.join("bomb.docx"));
    // Past the limit of one file: the upload is cut off at the limit while it streams, not kept to the end.
    let big = std::fs::File::create(work.join("big.pdf")).unwrap();
    big.set_len(files::MAX_FILE_BYTES + (1 << 20)).unwrap();
    std::fs::write(work.join("\u{202e}fdp.exe"), pdf_with("")).unwrap();
    for put in
        ["put fake.pdf /stc/I.1/", "put bomb.docx /stc/I.1/", "put big.pdf /stc/I.1/", "put \u{202e}fdp.exe /stc/I.1/"]
    {
        let out = sftp_as(&db, "dau-moi-stc", &format!("{put}\n"), &work);
        assert!(!out.status.success(), "{put}: {}", String::from_utf8_lossy(&out.stderr));
    }
    assert_eq!(left(&db), before);
    std::fs::write(work.join("ok.pdf"), pdf_with("2 0 obj << /Type /Pages /Count 1 >> endobj")).unwrap();
    let out = sftp_as(&db, "dau-moi-stc", "put ok.pdf /stc/I.1/\n", &work);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(left(&db).0, 1);
}

#[test]
fn audit_verify_rehashes_every_stored_file() {
    let temp = tempfile::tempdir().unwrap();
    let db = round(temp.path());
    let upload = temp.path().join("upload.part");
    std::fs::write(&upload, pdf_with("2 0 obj << /Type /Pages /Count 1 >> endobj")).unwrap();
    let mut store = Store::open(&db).unwrap();
    store.sign_in("dau-moi-stc").unwrap();
    let kept = store.accept_upload("stc", "I.1", "quyet-dinh.pdf", &upload, None).unwrap();
    let verify = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_thamdinh"))
            .args(["audit", "verify", "--db", db.to_str().unwrap()])
            .output()
            .unwrap()
    };
    let out = verify();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 tệp tài liệu"));
    // The record itself is covered by the log: raw SQL renaming the document is named.
    let copy = temp.path().join("tampered.db");
    rusqlite::Connection::open(&db).unwrap().execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").unwrap();
    std::fs::copy(&db, &copy).unwrap();
    // The trigger refuses the change (migration 9); someone who drops it first is still named by the log.
    let raw = rusqlite::Connection::open(&copy).unwrap();
    assert!(raw.execute_batch("UPDATE document_file SET name = 'khac.pdf'").is_err());
    raw.execute_batch("DROP TRIGGER document_file_replace_only; UPDATE document_file SET name = 'khac.pdf'").unwrap();
    drop(raw);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_thamdinh"))
        .args(["audit", "verify", "--db", copy.to_str().unwrap()])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success() && said.contains("document_file (1) name"), "{said}");
    let stored = store.stored_file(&kept);
    std::fs::write(&stored, pdf_with("changed")).unwrap();
    let out = verify();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success() && said.contains("quyet-dinh.pdf") && said.contains("đã bị thay đổi"), "{said}");
    std::fs::remove_file(&stored).unwrap();
    let out = verify();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success() && said.contains("không còn trong kho tệp"), "{said}");
}
