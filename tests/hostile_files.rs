//! Hostile files a unit may send (issue 24): content not its name's type, a packed bomb, a PDF of 10 000 pages,
//! an upload past the size limit, a name with a folder or a direction character. Each is refused with its
//! reason, and leaves nothing behind: no document, no stored file, no upload under way, the audit log as before.
//! The store's check is driven directly, and the whole path through the OpenSSH client (`sftp -D` runs the program
//! as sshd's forced command would, with `SSH_ORIGINAL_COMMAND` naming the sftp subsystem).
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

mod tools;

use flate2::Compression;
use flate2::write::ZlibEncoder;
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
        store.document_files(&"stc".into()).unwrap().len(),
        count(files.join("don-vi").join("stc")),
        count(files.join("tam")),
        store.audit_last_id().unwrap(),
    )
}

fn refusal(db: &Path, temp: &Path, name: &str) -> UploadRefused {
    let mut store = Store::open(db).unwrap();
    store.sign_in("dau-moi-stc").unwrap();
    match store.accept_upload(&"stc".into(), "I.1", name, temp, None) {
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
    let kept = store.accept_upload(&"stc".into(), "I.1", "quyet-dinh.pdf", &upload, None).unwrap();
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
    std::fs::write(work.join("x\u{1b}[31m.pdf"), pdf_with("")).unwrap();
    std::fs::write(work.join("ok.pdf"), pdf_with("2 0 obj << /Type /Pages /Count 1 >> endobj")).unwrap();
    // The OpenSSH clients show only a reply's code (*Failure*); the reason is in the reply (WinSCP shows it) and on
    // the program's standard error, in Vietnamese, which `sftp -D` prints (sshd drops a subsystem's).
    for (put, words) in [
        ("put fake.pdf /stc/I.1/", "thamdinh: fake.pdf: tên có đuôi .pdf nhưng nội dung là"),
        ("put bomb.docx /stc/I.1/", "thamdinh: bomb.docx: khi giải nén vượt 256 MB"),
        ("put big.pdf /stc/I.1/", "thamdinh: big.pdf: tệp lớn hơn 64 MB"),
        ("put \u{202e}fdp.exe /stc/I.1/", "tên tệp không được chứa thư mục, ký tự điều khiển hay ký tự đổi chiều chữ"),
        ("put \"x\u{1b}[31m.pdf\" /stc/I.1/", "tên tệp không được chứa thư mục, ký tự điều khiển"),
        ("put ok.pdf /stc/I.1/../../x.pdf", "không được phép (ngoài thư mục của bạn)"),
        ("put ok.pdf /snv/I.1/", "không được phép"),
    ] {
        let out = sftp_as(&db, "dau-moi-stc", &format!("{put}\n"), &work);
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{put}: {said}");
        assert!(said.contains(words), "{put}: {said}");
        assert!(!said.contains('\u{1b}') && !said.contains('\u{202e}'), "the name is shown escaped: {said:?}");
    }
    assert_eq!(left(&db), before);
    let out = sftp_as(&db, "dau-moi-stc", "put ok.pdf /stc/I.1/\n", &work);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("thamdinh:"), "nothing said when kept");
    assert_eq!(left(&db).0, 1);
}

/// A zip of `parts` (name, content) in the order given, deflated.
fn package(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, content) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(content).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// Makes `package` say `size` bytes for its part `name` (local header and central directory), its content as is.
fn lie_about(package: &mut [u8], name: &str, size: u32) {
    for (signature, size_at, name_length_at, name_at) in [(b"PK\x03\x04", 22, 26, 30), (b"PK\x01\x02", 24, 28, 46)] {
        let mut at = 0;
        while let Some(found) = package[at..].windows(4).position(|w| w == signature) {
            let start = at + found;
            let length =
                usize::from(u16::from_le_bytes([package[start + name_length_at], package[start + name_length_at + 1]]));
            if package.get(start + name_at..start + name_at + length) == Some(name.as_bytes()) {
                package[start + size_at..start + size_at + 4].copy_from_slice(&size.to_le_bytes());
            }
            at = start + 4;
        }
    }
}

/// The parts of an office file in LibreOffice's order (its relations first, the content types last), which the
/// `infer` crate reads as a plain zip.
fn libreoffice_parts<'a>(main: &'a str, extra: &[(&'a str, &'a [u8])]) -> Vec<(&'a str, &'a [u8])> {
    let mut parts: Vec<(&str, &[u8])> = vec![
        ("_rels/.rels", b"<?xml version=\"1.0\"?><Relationships/>"),
        ("docProps/core.xml", b"<?xml version=\"1.0\"?><cp:coreProperties/>"),
        ("docProps/app.xml", b"<?xml version=\"1.0\"?><Properties/>"),
        (main, b"<?xml version=\"1.0\"?><document/>"),
    ];
    parts.extend_from_slice(extra);
    parts.push(("[Content_Types].xml", b"<?xml version=\"1.0\"?><Types/>"));
    parts
}

#[test]
fn office_files_are_read_by_their_parts_and_a_package_that_lies_about_its_sizes_is_refused() {
    let temp = tempfile::tempdir().unwrap();
    let db = round(temp.path());
    let before = left(&db);
    let upload = temp.path().join("upload.part");
    let refused = |bytes: &[u8], name: &str| {
        std::fs::write(&upload, bytes).unwrap();
        refusal(&db, &upload, name)
    };
    // A LibreOffice .docx and .xlsx are what they say, though `infer` reads them as a zip.
    let docx = package(&libreoffice_parts("word/document.xml", &[]));
    assert_eq!(infer::get(&docx).unwrap().extension(), "zip", "the fixture has LibreOffice's order");
    let xlsx = package(&libreoffice_parts("xl/workbook.xml", &[]));
    // A zip of something else, or a Word package named .xlsx, is not.
    let other = package(&[("notes.txt", b"not an office file")]);
    assert!(matches!(refused(&other, "bien-ban.docx"), UploadRefused::NotItsName { .. }));
    assert!(matches!(refused(&docx, "bang-tinh.xlsx"), UploadRefused::NotItsName { .. }));
    // A part that says 1 000 bytes and unpacks to 300 MB: refused, though every declared size is small.
    let zeros = vec![0u8; 300 << 20];
    let mut lying = package(&libreoffice_parts("word/document.xml", &[("word/media/image1.png", &zeros)]));
    lie_about(&mut lying, "word/media/image1.png", 1000);
    let declared: u64 = {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&lying)).unwrap();
        (0..archive.len()).map(|i| archive.by_index_raw(i).unwrap().size()).sum()
    };
    assert!(declared < 2000, "the sizes it declares are small: {declared}");
    let said = refused(&lying, "bao-cao.docx");
    assert!(matches!(said, UploadRefused::Bomb { .. }), "{said:?}");
    assert_eq!(left(&db), before, "every refusal left nothing");

    for (bytes, name, kind) in [
        (&docx, "bien-ban.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        (&xlsx, "bang-tinh.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ] {
        std::fs::write(&upload, bytes).unwrap();
        let mut store = Store::open(&db).unwrap();
        store.sign_in("dau-moi-stc").unwrap();
        let kept = store.accept_upload(&"stc".into(), "I.1", name, &upload, None).unwrap();
        assert_eq!(kept.kind, kind);
    }
}

#[test]
fn audit_verify_rehashes_every_stored_file() {
    let temp = tempfile::tempdir().unwrap();
    let db = round(temp.path());
    let upload = temp.path().join("upload.part");
    std::fs::write(&upload, pdf_with("2 0 obj << /Type /Pages /Count 1 >> endobj")).unwrap();
    let mut store = Store::open(&db).unwrap();
    store.sign_in("dau-moi-stc").unwrap();
    let kept = store.accept_upload(&"stc".into(), "I.1", "quyet-dinh.pdf", &upload, None).unwrap();
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

// PDFs as most programs write them since PDF 1.5 (issue 24, "pages (PDF)"): the catalog and the page tree inside
// compressed object streams (`/ObjStm`, `/FlateDecode`) and a cross-reference stream. The fixtures are written here,
// object by object, with flate2; where poppler's `pdfinfo` is installed it reads the same count, so the fixture is a
// PDF a viewer opens and the count is the viewer's. A stream made to unpack to gigabytes is refused after the limit.

fn deflate(data: &[u8]) -> Vec<u8> {
    let mut encoder = ZlibEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(data).unwrap();
    encoder.finish().unwrap()
}

/// How the page tree is written.
#[derive(Clone, Copy)]
enum Tree {
    /// One `/Pages` node whose `/Count` is the truth.
    Honest,
    /// The top node says one page, and holds `pages` leaves (a lie a light reading believes).
    CountSaysOne,
}

/// A PDF 1.5 of `pages` blank pages whose every object (catalog, page tree, pages) lies in object streams of
/// `per_stream` objects, with a cross-reference stream: the shape Word and scanners write. `extra` is one more
/// object stream, written as given (already packed), before the cross-reference stream.
fn packed_pdf(pages: usize, per_stream: usize, tree: Tree, extra: Option<&[u8]>) -> Vec<u8> {
    let count = match tree {
        Tree::Honest => pages,
        Tree::CountSaysOne => 1,
    };
    let kids: Vec<String> = (0..pages).map(|n| format!("{} 0 R", n + 3)).collect();
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        format!("<< /Type /Pages /Kids [{}] /Count {count} >>", kids.join(" ")),
    ];
    objects.extend((0..pages).map(|_| "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>".to_string()));
    let mut out = b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n".to_vec();
    // xref entries: (type, field 2, field 3) for objects 0.., object 0 free.
    let mut xref: Vec<(u8, u32, u16)> = vec![(0, 0, 65535); objects.len() + 1];
    let mut next = u32::try_from(objects.len()).unwrap() + 1;
    for (chunk_index, chunk) in objects.chunks(per_stream).enumerate() {
        let first_number = chunk_index * per_stream + 1;
        let (mut header, mut body) = (String::new(), String::new());
        for (i, object) in chunk.iter().enumerate() {
            let _ = write!(header, "{} {} ", first_number + i, body.len());
            xref[first_number + i] = (2, next, u16::try_from(i).unwrap());
            body.push_str(object);
            body.push('\n');
        }
        let packed = deflate(format!("{header}{body}").as_bytes());
        xref.push((1, u32::try_from(out.len()).unwrap(), 0));
        let dict = format!(
            "{next} 0 obj\n<< /Type /ObjStm /N {} /First {} /Filter /FlateDecode /Length {} >>\nstream\n",
            chunk.len(),
            header.len(),
            packed.len()
        );
        out.extend_from_slice(dict.as_bytes());
        out.extend_from_slice(&packed);
        out.extend_from_slice(b"\nendstream\nendobj\n");
        next += 1;
    }
    if let Some(extra) = extra {
        xref.push((1, u32::try_from(out.len()).unwrap(), 0));
        let dict = format!(
            "{next} 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length {} >>\nstream\n",
            extra.len()
        );
        out.extend_from_slice(dict.as_bytes());
        out.extend_from_slice(extra);
        out.extend_from_slice(b"\nendstream\nendobj\n");
        next += 1;
    }
    // The cross-reference stream itself.
    xref.push((1, u32::try_from(out.len()).unwrap(), 0));
    let mut rows = Vec::new();
    for (kind, second, third) in &xref {
        rows.push(*kind);
        rows.extend_from_slice(&second.to_be_bytes());
        rows.extend_from_slice(&third.to_be_bytes());
    }
    let packed = deflate(&rows);
    let start = out.len();
    let dict = format!(
        "{next} 0 obj\n<< /Type /XRef /Size {} /W [1 4 2] /Root 1 0 R /Filter /FlateDecode /Length {} >>\nstream\n",
        next + 1,
        packed.len()
    );
    out.extend_from_slice(dict.as_bytes());
    out.extend_from_slice(&packed);
    out.extend_from_slice(format!("\nendstream\nendobj\nstartxref\n{start}\n%%EOF\n").as_bytes());
    out
}

/// Zeros packed with deflate: a few hundred KB that unpack to `megabytes` MB.
fn deflate_bomb(megabytes: usize) -> Vec<u8> {
    let mut encoder = ZlibEncoder::new(Vec::new(), Compression::best());
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..megabytes {
        encoder.write_all(&zeros).unwrap();
    }
    encoder.finish().unwrap()
}

/// Sends `bytes` as unit stc's `name` into criterion I.1.
fn send(db: &Path, dir: &Path, name: &str, bytes: &[u8]) -> Result<files::DocumentFile, StoreError> {
    let upload = dir.join("upload.part");
    std::fs::write(&upload, bytes).unwrap();
    let mut store = Store::open(db).unwrap();
    store.sign_in("dau-moi-stc").unwrap();
    store.accept_upload(&"stc".into(), "I.1", name, &upload, None)
}

/// `pdfinfo`'s page count of a file, where poppler is installed.
fn pdfinfo_pages(path: &Path) -> Option<u64> {
    if !tools::available("pdfinfo", "-v", "poppler-utils") {
        return None;
    }
    let out = std::process::Command::new("pdfinfo").arg(path).output().unwrap();
    assert!(out.status.success(), "pdfinfo reads the fixture: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let line = text.lines().find(|line| line.starts_with("Pages:")).unwrap();
    Some(line["Pages:".len()..].trim().parse().unwrap())
}

#[test]
fn a_pdf_with_its_page_tree_in_object_streams_counts_its_pages_exactly() {
    let temp = tempfile::tempdir().unwrap();
    let db = round(temp.path());
    let pdf = packed_pdf(37, 10, Tree::Honest, None);
    // The page tree is hidden from a reading of the text: no `/Count`, no `/Type /Page` in the file's bytes.
    assert!(!pdf.windows(6).any(|w| w == b"/Count") && !pdf.windows(5).any(|w| w == b"/Page"));
    assert!(pdf.windows(7).any(|w| w == b"/ObjStm"));
    let fixture = temp.path().join("packed.pdf");
    std::fs::write(&fixture, &pdf).unwrap();
    if let Some(pages) = pdfinfo_pages(&fixture) {
        assert_eq!(pages, 37, "poppler reads the fixture as written");
    }
    let kept = send(&db, temp.path(), "bao-cao.pdf", &pdf).unwrap();
    assert_eq!(kept.pages, Some(37));
    assert_eq!(thamdinh::store::pdf::pages(&pdf), Ok(37));

    // A top node that says one page while it holds five: the leaves are counted.
    let lying = packed_pdf(5, 2, Tree::CountSaysOne, None);
    assert_eq!(thamdinh::store::pdf::pages(&lying), Ok(5));
    // An incremental update that adds a page tree later in the file: the later definition wins.
    let mut updated = packed_pdf(2, 10, Tree::Honest, None);
    let at = updated.len();
    updated.extend_from_slice(
        b"2 0 obj\n<< /Type /Pages /Kids [3 0 R 4 0 R 9 0 R] /Count 3 >>\nendobj\n\
          9 0 obj\n<< /Type /Page /Parent 2 0 R >>\nendobj\n",
    );
    updated.extend_from_slice(format!("trailer\n<< /Root 1 0 R /Size 10 >>\nstartxref\n{at}\n%%EOF\n").as_bytes());
    assert_eq!(thamdinh::store::pdf::pages(&updated), Ok(3));
}

#[test]
fn ten_thousand_pages_inside_object_streams_are_refused_and_leave_nothing() {
    let temp = tempfile::tempdir().unwrap();
    let db = round(temp.path());
    let before = left(&db);
    let pdf = packed_pdf(10_000, 200, Tree::Honest, None);
    assert!(!pdf.windows(6).any(|w| w == b"/Count"), "nothing to read without unpacking");
    let fixture = temp.path().join("many.pdf");
    std::fs::write(&fixture, &pdf).unwrap();
    if let Some(pages) = pdfinfo_pages(&fixture) {
        assert_eq!(pages, 10_000);
    }
    match send(&db, temp.path(), "ho-so.pdf", &pdf) {
        Err(StoreError::Upload(why)) => {
            assert_eq!(*why, UploadRefused::TooManyPages { name: "ho-so.pdf".into(), pages: 10_000, limit: 2_000 });
            let said = thamdinh::messages::uploads::upload_refused(&why);
            assert_eq!(said, "ho-so.pdf: 10000 trang, vượt mức 2000 trang");
        }
        other => panic!("expected the page limit, got {other:?}"),
    }
    // The same file with its tree lying about its size is refused too.
    let lying = packed_pdf(10_000, 200, Tree::CountSaysOne, None);
    assert!(matches!(
        send(&db, temp.path(), "ho-so.pdf", &lying),
        Err(StoreError::Upload(why)) if matches!(*why, UploadRefused::TooManyPages { pages: 10_000, .. })
    ));
    assert_eq!(left(&db), before, "no document, no stored file, no upload under way, no audit row");
}

#[test]
fn a_deflate_bomb_in_an_object_stream_is_refused_unexpanded_and_leaves_nothing() {
    let temp = tempfile::tempdir().unwrap();
    let db = round(temp.path());
    let before = left(&db);
    // 2 GB of zeros, about 2 MB packed: refused once the limit (32 MB) is passed.
    let bomb = deflate_bomb(2048);
    let pdf = packed_pdf(3, 10, Tree::Honest, Some(&bomb));
    assert!((pdf.len() as u64) < files::MAX_FILE_BYTES);
    let started = std::time::Instant::now();
    let refused = send(&db, temp.path(), "bom.pdf", &pdf);
    assert!(started.elapsed() < std::time::Duration::from_secs(10), "not expanded: {:?}", started.elapsed());
    match refused {
        Err(StoreError::Upload(why)) => {
            assert_eq!(*why, UploadRefused::PdfBomb { name: "bom.pdf".into(), limit_mb: 32 });
            let said = thamdinh::messages::uploads::upload_refused(&why);
            assert!(said.starts_with("bom.pdf: ") && said.contains("giải nén vượt 32 MB"), "{said}");
        }
        other => panic!("expected a refused bomb, got {other:?}"),
    }
    assert_eq!(left(&db), before);
    // Under the limit the same shape is a PDF like another.
    let small = packed_pdf(3, 10, Tree::Honest, Some(&deflate_bomb(4)));
    assert_eq!(send(&db, temp.path(), "nho.pdf", &small).unwrap().pages, Some(3));
}
