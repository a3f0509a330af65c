//! Issue 24, "pages (PDF)" and "a PDF with 10 000 pages is refused", for the PDFs most programs write since PDF 1.5:
//! the catalog and the page tree inside compressed object streams (`/ObjStm`, `/FlateDecode`) and a
//! cross-reference stream. The fixtures are written here, object by object, with flate2; where poppler's `pdfinfo`
//! is installed it reads the same count, so the fixture is a PDF a viewer opens and the count is the viewer's.
//! A stream made to unpack to gigabytes (a deflate bomb) is refused after the limit, and leaves nothing.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

mod tools;

use flate2::Compression;
use flate2::write::ZlibEncoder;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use thamdinh::store::files::{self, UploadRefused};
use thamdinh::store::{Store, StoreError};

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

fn round(dir: &Path) -> PathBuf {
    let db = dir.join("round.db");
    let text = db.to_str().unwrap();
    tools::fixture_round(text);
    tools::thamdinh(&["user", "add", "--db", text, "dau-moi-stc", "--role", "unit", "--unit", "stc"]);
    db
}

/// Sends `bytes` as unit stc's `name` into criterion I.1.
fn send(db: &Path, dir: &Path, name: &str, bytes: &[u8]) -> Result<files::DocumentFile, StoreError> {
    let upload = dir.join("upload.part");
    std::fs::write(&upload, bytes).unwrap();
    let mut store = Store::open(db).unwrap();
    store.sign_in("dau-moi-stc").unwrap();
    store.accept_upload("stc", "I.1", name, &upload, None)
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
