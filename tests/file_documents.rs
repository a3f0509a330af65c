//! Issue 24, what remained: an uploaded file becomes a document with its number, date and title (a side file
//! `X.pdf.toml` sent beside it, or the unit's form), counts as evidence (*thiếu hồ sơ*, Điều 9.4.đ), its stored
//! row is frozen, and `backup` carries the files. The SFTP path runs the OpenSSH client against the program as
//! sshd's forced command would (`sftp -D`, `SSH_ORIGINAL_COMMAND` naming the subsystem); `ssh_files.rs` does the
//! same through a real sshd.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

mod tools;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use thamdinh::store::Store;
use thamdinh::store::files::FileDocument;

const BIN: &str = env!("CARGO_BIN_EXE_thamdinh");

fn round(dir: &Path) -> PathBuf {
    let db = dir.join("round.db");
    let text = db.to_str().unwrap();
    tools::fixture_round(text);
    tools::thamdinh(&["user", "add", "--db", text, "dau-moi-stc", "--role", "unit", "--unit", "stc"]);
    tools::thamdinh(&["user", "add", "--db", text, "thu-ky", "--role", "secretary"]);
    db
}

fn pdf(pages: u32) -> Vec<u8> {
    format!("%PDF-1.4\n2 0 obj << /Type /Pages /Count {pages} >> endobj\n%%EOF\n").into_bytes()
}

fn sftp_as(db: &Path, user: &str, batch: &str, cwd: &Path) -> Output {
    let server = format!("{BIN} --db {} --user {user}", db.display());
    let mut child = Command::new("sftp")
        .args(["-b", "-", "-D", &server])
        .env("SSH_ORIGINAL_COMMAND", "/usr/lib/openssh/sftp-server")
        .current_dir(cwd)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(batch.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn text(output: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

fn documents(db: &Path) -> Vec<(String, Option<FileDocument>)> {
    let store = Store::open(db).unwrap();
    store.document_files(&"stc".into()).unwrap().into_iter().map(|d| (d.name, d.document)).collect()
}

/// The unit's reasons in `rank --json` that name its incomplete file.
fn gap_line(db: &Path) -> String {
    let output = Command::new(BIN).args(["rank", "--db", db.to_str().unwrap(), "--json"]).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let units = json["blocs"].as_array().unwrap().iter().flat_map(|b| b["units"].as_array().unwrap().iter());
    let stc = units.into_iter().find(|u| u["unit"] == "stc").unwrap();
    let reasons = stc["reasons"].as_array().unwrap().iter().map(|r| r.as_str().unwrap().to_string());
    reasons.filter(|r| r.contains("thiếu")).collect()
}

fn sftp_ready() -> bool {
    tools::available("ssh", "-V", "openssh-client")
}

#[test]
fn a_side_file_makes_the_uploaded_file_a_document_and_it_counts_as_evidence() {
    if !sftp_ready() {
        return;
    }
    let temp = tempfile::tempdir().unwrap();
    let (dir, db) = (temp.path(), round(temp.path()));
    for name in ["bc-12.pdf", "qd-7.pdf", "sai.pdf", "truoc.pdf"] {
        std::fs::write(dir.join(name), pdf(2)).unwrap();
    }
    std::fs::write(
        dir.join("bc-12.pdf.toml"),
        "so = \"12/BC-STC\"\nngay = \"15/01/2025\"\ntrich_yeu = \"Báo cáo CCHC\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("truoc.pdf.toml"),
        "so = \"3/QĐ-STC\"\nngay = \"2025-02-01\"\ntrich_yeu = \"Quyết định\"\n",
    )
    .unwrap();
    std::fs::write(dir.join("sai.pdf.toml"), "so = \"9/BC\"\nngay = \"31/02/2025\"\ntrich_yeu = \"Ngày sai\"\n")
        .unwrap();
    assert!(gap_line(&db).contains("II.1 (thiếu giải trình và tài liệu kiểm chứng)"), "{}", gap_line(&db));

    // A file without a side file is kept, without its number, date and title: not yet evidence.
    let out = sftp_as(&db, "dau-moi-stc", "put qd-7.pdf /stc/II.1/\n", dir);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(documents(&db), [("qd-7.pdf".to_string(), None)]);
    assert!(gap_line(&db).contains("II.1 (thiếu giải trình và tài liệu kiểm chứng)"));

    // The file then its side file (as `put bc-12.pdf*` sends them); the side file before its file.
    let out = sftp_as(
        &db,
        "dau-moi-stc",
        "put bc-12.pdf* /stc/II.1/\nput truoc.pdf.toml /stc/III.1/\nput truoc.pdf /stc/III.1/\n",
        dir,
    );
    assert!(out.status.success(), "{}", text(&out));
    let store = Store::open(&db).unwrap();
    let files = store.document_files(&"stc".into()).unwrap();
    let by_name = |name: &str| files.iter().find(|d| d.name == name).unwrap().document.clone();
    let expected =
        FileDocument { reference: "12/BC-STC".into(), issued_on: "2025-01-15".into(), title: "Báo cáo CCHC".into() };
    assert_eq!(by_name("bc-12.pdf"), Some(expected));
    assert_eq!(by_name("truoc.pdf").unwrap().reference, "3/QĐ-STC");
    assert_eq!(by_name("qd-7.pdf"), None);
    assert_eq!(files.len(), 3, "a side file is not a document");
    // Backed by a described file, II.1 and III.1 lack only their explanation now.
    let gaps = gap_line(&db);
    assert!(gaps.contains("II.1 (thiếu giải trình)") && gaps.contains("III.1 (thiếu giải trình)"), "{gaps}");
    // A document backs its whole criterion (SPEC: "whose criterion has no evidence document"): II.2 too.
    assert!(gaps.contains("II.2 (thiếu giải trình)") && !gaps.contains("và tài liệu kiểm chứng); III.1"), "{gaps}");

    // A bad side file (31/02): refused with the date rule's words; its file, sent after it, is refused too.
    let audit_before = store.audit_last_id().unwrap();
    let out = sftp_as(&db, "dau-moi-stc", "-put sai.pdf.toml /stc/II.2/\n-put sai.pdf /stc/II.2/\n", dir);
    assert_eq!(text(&out).matches("close remote: Failure").count(), 2, "{}", text(&out));
    // The words the refusal carries (OpenSSH's sftp shows only "Failure"; WinSCP shows the server's message).
    let mut store = Store::open(&db).unwrap();
    store.sign_in("dau-moi-stc").unwrap();
    let why = store.check_file_document(&"stc".into(), "II.2", "Ngày sai", "9/BC", "31/02/2025").unwrap_err();
    assert!(thamdinh::messages::store_error(&why, thamdinh::messages::Lang::Vi).contains("31/02/2025"));
    let why = thamdinh::store::files::parse_side_file("qd-7.pdf.toml", b"so = 12\n").unwrap_err();
    assert!(thamdinh::messages::uploads::upload_refused(&why).contains("tệp mô tả không đọc được"));
    assert!(!documents(&db).iter().any(|(name, _)| name == "sai.pdf"));
    assert_eq!(Store::open(&db).unwrap().audit_last_id().unwrap(), audit_before);
    // A side file that is not three strings: refused, with its form.
    std::fs::write(dir.join("qd-7.pdf.toml"), "so = 12\n").unwrap();
    let out = sftp_as(&db, "dau-moi-stc", "put qd-7.pdf.toml /stc/II.1/\n", dir);
    assert!(!out.status.success());
    assert_eq!(Store::open(&db).unwrap().audit_last_id().unwrap(), audit_before);
    let verify = Command::new(BIN).args(["audit", "verify", "--db", db.to_str().unwrap()]).output().unwrap();
    assert!(verify.status.success(), "{}", text(&verify));
}

fn upload(db: &Path, folder: &str, name: &str, pages: u32) -> i64 {
    let mut store = Store::open(db).unwrap();
    store.sign_in("dau-moi-stc").unwrap();
    let temp = files_tmp(db, name);
    std::fs::write(&temp, pdf(pages)).unwrap();
    store.accept_upload(&"stc".into(), folder, name, &temp, None).unwrap().id
}

fn files_tmp(db: &Path, name: &str) -> PathBuf {
    db.with_file_name(format!("upload-{name}"))
}

#[test]
fn a_files_document_is_edited_by_the_typed_rules_and_follows_its_new_version() {
    let temp = tempfile::tempdir().unwrap();
    let db = round(temp.path());
    let first = upload(&db, "II.1", "bc.pdf", 1);
    let mut store = Store::open(&db).unwrap();
    store.sign_in("dau-moi-stc").unwrap();
    // The typed rules: an empty title, a bad date are refused, nothing written.
    let before = store.audit_last_id().unwrap();
    assert!(store.describe_file(&"stc".into(), first, "", "1/BC", "01/01/2025").is_err());
    assert!(store.describe_file(&"stc".into(), first, "Báo cáo", "1/BC", "32/01/2025").is_err());
    assert_eq!(store.audit_last_id().unwrap(), before);
    store.describe_file(&"stc".into(), first, "Báo cáo", "1/BC", "01/01/2025").unwrap();
    // A new number moves the document; the old number is gone.
    store.describe_file(&"stc".into(), first, "Báo cáo năm", "2/BC", "02/01/2025").unwrap();
    let counts = store.document_counts().unwrap();
    assert_eq!(counts.count(&"stc".into(), "II.1"), 1);
    // A second file may not take a number another file holds.
    let second = upload(&db, "II.1", "khac.pdf", 1);
    let mut store = Store::open(&db).unwrap();
    store.sign_in("dau-moi-stc").unwrap();
    let taken = store.describe_file(&"stc".into(), second, "Khác", "2/BC", "02/01/2025").unwrap_err();
    assert!(thamdinh::messages::store_error(&taken, thamdinh::messages::Lang::Vi).contains("đã là của tệp khác"));
    // A new version of bc.pdf carries the document; the old row is kept, marked replaced.
    let newer = upload(&db, "II.1", "bc.pdf", 3);
    let store = Store::open(&db).unwrap();
    let files = store.document_files(&"stc".into()).unwrap();
    let old = files.iter().find(|d| d.id == first).unwrap();
    let new = files.iter().find(|d| d.id == newer).unwrap();
    assert_eq!((old.replaced_by, old.document.as_ref()), (Some(newer), None));
    assert_eq!(new.document.as_ref().unwrap().reference, "2/BC");
    assert_eq!(store.document_counts().unwrap().count(&"stc".into(), "II.1"), 1);
    drop(store);
    tools::thamdinh(&["audit", "verify", "--db", db.to_str().unwrap()]);
}

#[test]
fn a_stored_files_row_is_never_removed_nor_changed_except_marked_replaced() {
    let temp = tempfile::tempdir().unwrap();
    let db = round(temp.path());
    let id = upload(&db, "II.1", "bc.pdf", 1);
    let raw = rusqlite::Connection::open(&db).unwrap();
    let refused = |sql: &str| raw.execute(sql, [id]).unwrap_err().to_string();
    assert!(refused("DELETE FROM document_file WHERE id = ?1").contains("never removed"));
    assert!(
        refused("UPDATE document_file SET sha256 = replace(sha256, 'a', 'b') || '' WHERE id = ?1")
            .contains("only ever marked replaced")
    );
    assert!(refused("UPDATE document_file SET name = 'khac.pdf' WHERE id = ?1").contains("only ever marked replaced"));
    raw.execute("UPDATE document_file SET replaced_by = 99 WHERE id = ?1", [id]).unwrap();
    assert!(refused("UPDATE document_file SET replaced_by = NULL WHERE id = ?1").contains("only ever marked replaced"));
    assert!(refused("UPDATE document_file SET replaced_by = 98 WHERE id = ?1").contains("only ever marked replaced"));
}

#[test]
fn backup_carries_the_stored_files_and_the_copy_verifies_them() {
    let temp = tempfile::tempdir().unwrap();
    let db = round(temp.path());
    upload(&db, "II.1", "bc.pdf", 1);
    upload(&db, "III.2", "qd.pdf", 4);
    let copy = temp.path().join("sao-luu.db");
    let output = Command::new(BIN)
        .args(["backup", "--db", db.to_str().unwrap(), "--user", "thu-ky", "--out", copy.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", text(&output));
    assert!(text(&output).contains("2 tệp tài liệu của đơn vị"), "{}", text(&output));
    let store = Store::open_read_only(&copy).unwrap();
    let copied = store.all_document_files().unwrap();
    assert_eq!(copied.len(), 2);
    for document in &copied {
        let stored = store.stored_file(document);
        assert!(stored.starts_with(thamdinh::store::files::files_dir(&copy)), "{}", stored.display());
        assert_eq!(thamdinh::store::files::hash_file(&stored).unwrap(), document.sha256);
    }
    drop(store);
    let verify = Command::new(BIN).args(["audit", "verify", "--db", copy.to_str().unwrap()]).output().unwrap();
    assert!(verify.status.success(), "{}", text(&verify));
    assert!(text(&verify).contains("2 tệp tài liệu các đơn vị đã gửi: đúng như khi gửi"), "{}", text(&verify));
    // The copy's files are its own: a changed one is named by `audit verify` on the copy.
    let stored = Store::open_read_only(&copy).unwrap().stored_file(&copied[0]);
    std::fs::write(&stored, b"changed").unwrap();
    let verify = Command::new(BIN).args(["audit", "verify", "--db", copy.to_str().unwrap()]).output().unwrap();
    assert!(!verify.status.success());
    // A second backup onto the same name is refused, its files folder untouched.
    let again = Command::new(BIN)
        .args(["backup", "--db", db.to_str().unwrap(), "--user", "thu-ky", "--out", copy.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!again.status.success());
    assert_eq!(std::fs::read(&stored).unwrap(), b"changed");
}

#[test]
fn a_focal_person_gives_an_uploaded_file_its_number_date_and_title_in_the_form() {
    if !sftp_ready() || !tools::available("tmux", "-V", "tmux") {
        return;
    }
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path();
    let db = dir.join("round.db");
    let db_text = db.to_str().unwrap();
    let units = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/thai-nguyen/units.csv");
    tools::thamdinh(&["init", "--db", db_text, "--regulation", "thai-nguyen-2024", "--year", "2024"]);
    tools::thamdinh(&["import", "units", "--db", db_text, units.to_str().unwrap()]);
    tools::thamdinh(&["user", "add", "--db", db_text, "dau-moi-snv", "--role", "unit", "--unit", "snv"]);
    std::fs::write(dir.join("bc.pdf"), pdf(2)).unwrap();
    let out = sftp_as(&db, "dau-moi-snv", "put bc.pdf /snv/II.1/\n", dir);
    assert!(out.status.success(), "{}", text(&out));

    let tmux = tools::Tmux::new(&format!("file-doc-{}", std::process::id()), "u");
    tmux.open(150, 45, &format!("{BIN} --db {db_text} --user dau-moi-snv"));
    tmux.wait_for("Chưa nộp");
    tmux.keys(&["Enter"]);
    tmux.wait_for("chưa có số/ngày/trích yếu · tệp PDF · 1 KB · 2 trang · tải về: /snv/II.1/bc.pdf");
    tmux.keys(&["Tab", "Tab"]);
    tmux.type_text("12/BC-SNV");
    tmux.keys(&["Tab"]);
    tmux.type_text("31/02/2025");
    tmux.keys(&["Tab"]);
    tmux.type_text("Báo cáo thanh tra");
    tmux.keys(&["C-f"]);
    // The typed rules: 31/02 is no date; nothing written.
    tmux.wait_for("ngày \"31/02/2025\" không phải là ngày hợp lệ");
    assert!(documents_of(&db, "snv")[0].is_none());
    // From the title round to the date: score, explanation, number, date.
    tmux.keys(&["Tab", "Tab", "Tab", "Tab"]);
    for _ in 0..10 {
        tmux.keys(&["BSpace"]);
    }
    tmux.type_text("15/01/2025");
    tmux.keys(&["C-f"]);
    tmux.wait_for("Đã ghi số hiệu 12/BC-SNV cho tệp bc.pdf");
    tmux.wait_for("số 12/BC-SNV ngày 15/01/2025 · tệp PDF");
    let document = documents_of(&db, "snv")[0].clone().unwrap();
    assert_eq!((document.reference.as_str(), document.issued_on.as_str()), ("12/BC-SNV", "2025-01-15"));
    tmux.keys(&["Escape"]);
}

fn documents_of(db: &Path, unit: &str) -> Vec<Option<FileDocument>> {
    Store::open(db).unwrap().document_files(&unit.into()).unwrap().into_iter().map(|d| d.document).collect()
}
