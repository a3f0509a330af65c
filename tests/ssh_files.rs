//! Files both ways over the deployment (issue 24), for real: a private `sshd` on a loopback port with the README's
//! forced commands, reached with the OpenSSH client as a unit, a member and the secretary (`sftp -b`, `scp`,
//! `ssh`, `ssh -t` in tmux). Needs root (sshd switches to the key's account): under CI it runs as root.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

mod tools;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use tools::sshd::{start_sshd, text};
use tools::sshd_ready as ready;

const BIN: &str = env!("CARGO_BIN_EXE_thamdinh");

/// A one-page PDF whose text says `text` (a real text layer: pdftotext reads it).
fn pdf(text: &str) -> Vec<u8> {
    let stream = format!("BT /F1 18 Tf 20 100 Td ({text}) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_string(),
        format!("<< /Length {} >>\nstream\n{stream}\nendstream", stream.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ];
    let mut out = String::from("%PDF-1.4\n");
    let mut offsets = Vec::new();
    for (n, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        let _ = write!(out, "{} 0 obj\n{object}\nendobj\n", n + 1);
    }
    let xref = out.len();
    let _ = write!(out, "xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
    for offset in offsets {
        let _ = writeln!(out, "{offset:010} 00000 n ");
    }
    let _ = write!(out, "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1);
    out.into_bytes()
}

fn sha(path: &Path) -> String {
    thamdinh::store::files::hash_file(path).unwrap()
}

fn round(dir: &Path) -> PathBuf {
    let db = dir.join("round.db");
    let db_text = db.to_str().unwrap();
    tools::fixture_round(db_text);
    tools::thamdinh(&["user", "add", "--db", db_text, "thu-ky", "--role", "secretary", "--full-name", "Thư Ký"]);
    tools::thamdinh(&["user", "add", "--db", db_text, "dau-moi-stc", "--role", "unit", "--unit", "stc"]);
    tools::thamdinh(&["user", "add", "--db", db_text, "dau-moi-snv", "--role", "unit", "--unit", "snv"]);
    tools::thamdinh(&["user", "add", "--db", db_text, "nguyen-van-a", "--role", "member", "--agency", "so-noi-vu"]);
    tools::thamdinh(&["user", "add", "--db", db_text, "cu", "--role", "member", "--agency", "so-noi-vu"]);
    tools::thamdinh(&["user", "remove", "--db", db_text, "cu"]);
    db
}

#[test]
fn files_both_ways_over_a_real_sshd() {
    if !ready() {
        return;
    }
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path();
    let db = round(dir);
    let sshd = start_sshd(dir, &db, &["dau-moi-stc", "dau-moi-snv", "nguyen-van-a", "thu-ky", "cu"]);
    let work = dir.join("work");
    std::fs::create_dir(&work).unwrap();
    for (n, name) in ["qd-1.pdf", "qd-2.pdf", "bc-3.pdf", "bieu-ky.pdf"].iter().enumerate() {
        std::fs::write(work.join(name), pdf(&format!("Van ban so {n}"))).unwrap();
    }
    // bc-3.pdf's number, date and title, in a side file sent beside it.
    std::fs::write(work.join("bc-3.pdf.toml"), "so = \"3/BC-STC\"\nngay = \"15/01/2025\"\ntrich_yeu = \"Báo cáo\"\n")
        .unwrap();

    // The unit sends three documents and its signed sheet.
    let batch = "put qd-1.pdf /stc/I.1/\nput qd-2.pdf /stc/I.1/\nput bc-3.pdf /stc/II.1/bc-3.pdf\nput bc-3.pdf.toml /stc/II.1/\n\
                 put bieu-ky.pdf /stc/bieu-cham-ky/\nls -l /stc/I.1\n";
    let sent = sshd.sftp("dau-moi-stc", batch, &work);
    assert!(sent.status.success(), "{}\nsshd: {}", text(&sent), std::fs::read_to_string(dir.join("sshd.log")).unwrap());
    let store = thamdinh::store::Store::open(&db).unwrap();
    let documents = store.document_files(&"stc".into()).unwrap();
    let names: Vec<(&str, &str)> = documents.iter().map(|d| (d.folder.as_str(), d.name.as_str())).collect();
    assert_eq!(
        names,
        [("I.1", "qd-1.pdf"), ("I.1", "qd-2.pdf"), ("II.1", "bc-3.pdf"), ("bieu-cham-ky", "bieu-ky.pdf")]
    );
    assert!(documents.iter().all(|d| d.kind == "application/pdf" && d.uploaded_by == "dau-moi-stc"));
    assert_eq!(documents[0].sha256, sha(&work.join("qd-1.pdf")));
    let described = documents[2].document.as_ref().map(|d| (d.reference.as_str(), d.issued_on.as_str()));
    assert_eq!(described, Some(("3/BC-STC", "2025-01-15")));
    assert!(documents[0].document.is_none());
    assert!(store.signed_sheet(&"stc".into()).unwrap().is_some());
    // The council's preview: the PDF's first line, read from its text layer.
    if tools::available("pdftotext", "-v", "poppler-utils") {
        assert_eq!(documents[0].preview.as_deref(), Some("Van ban so 0"));
    }

    unit_reaches_nothing_else(&sshd, &work, &store);
    member_and_secretary_take(&sshd, &work, &db);
    audited_and_told(&sshd, &db);
    winscp_sends_under_a_temporary_name(&sshd, &work, &db);
    a_refused_upload_says_why(&sshd, &work, &db);
}

/// A refused upload over the real sshd: refused by `sftp` and `scp`, nothing kept, the audit log as it was. The
/// OpenSSH clients show only the reply's code (*Failure*), and sshd drops a subsystem's standard error (even a
/// forced command's): the Vietnamese reason is in the reply (`WinSCP` shows it) and in the note
/// `/TU-CHOI-TAI-LEN.txt` of the user's folder (`get` gives it; `ls -l` names the latest reason), the user's own.
fn a_refused_upload_says_why(sshd: &tools::sshd::Sshd, work: &Path, db: &Path) {
    let before = thamdinh::store::Store::open(db).unwrap().document_files(&"stc".into()).unwrap().len();
    let audit = thamdinh::store::Store::open(db).unwrap().audit_last_id().unwrap();
    // A PNG image named .pdf.
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend(std::iter::repeat_n(7u8, 500));
    std::fs::write(work.join("gia.pdf"), &png).unwrap();
    let out = sshd.sftp("dau-moi-stc", "put gia.pdf /stc/I.1/\n", work);
    assert!(!out.status.success() && text(&out).contains("Failure"), "{}", text(&out));
    assert!(!text(&out).contains("image/png"), "the OpenSSH client shows only the code: {}", text(&out));

    // Where the person learns why: the note beside the folders, and in the folder where it happened.
    let why = "gia.pdf: tên có đuôi .pdf nhưng nội dung là image/png";
    let out = sshd.sftp("dau-moi-stc", "ls -l /\nls -l /stc/I.1\nget /TU-CHOI-TAI-LEN.txt note.txt\n", work);
    assert!(out.status.success(), "{}", text(&out));
    let listed = text(&out);
    let note_lines: Vec<&str> =
        listed.lines().filter(|l| l.starts_with('-') && l.contains("TU-CHOI-TAI-LEN.txt")).collect();
    assert_eq!(note_lines.len(), 2, "{listed}");
    assert!(note_lines.iter().all(|l| l.starts_with("-r--r--r--") && l.contains("/stc/I.1/gia.pdf")), "{listed}");
    assert!(note_lines.iter().all(|l| l.contains("image/png")), "ls -l names the latest reason: {listed}");
    let note = std::fs::read_to_string(work.join("note.txt")).unwrap();
    let first = note.lines().skip(2).take(2).collect::<Vec<_>>().join("\n");
    assert!(first.ends_with(&format!("/stc/I.1/gia.pdf\n    {why}")), "newest first, with its time: {note}");
    let time = &first[..16];
    assert!(time.as_bytes()[2] == b'/' && time.as_bytes()[5] == b'/' && time.as_bytes()[13] == b':', "{note}");

    // scp is refused the same way, and its refusal is in the note too.
    let out = sshd.scp("dau-moi-stc", work.join("gia.pdf").to_str().unwrap(), "root@127.0.0.1:/stc/II.1/");
    assert!(!out.status.success(), "{}", text(&out));
    let out = sshd.scp("dau-moi-stc", "root@127.0.0.1:/TU-CHOI-TAI-LEN.txt", work.join("note.txt").to_str().unwrap());
    assert!(out.status.success(), "{}", text(&out));
    let note = std::fs::read_to_string(work.join("note.txt")).unwrap();
    assert!(note.lines().nth(2).is_some_and(|l| l.ends_with("/stc/II.1/gia.pdf")), "{note}");
    if tools::available("tmux", "-V", "tmux") {
        the_unit_reads_why_on_its_screen(sshd);
    }
    let out = sshd.sftp("dau-moi-stc", "put gia.pdf /stc/../snv/I.1/gia.pdf\n", work);
    assert!(!out.status.success(), "{}", text(&out));
    assert_eq!(thamdinh::store::Store::open(db).unwrap().document_files(&"stc".into()).unwrap().len(), before);

    // Another unit never sees it: no note in its listing, and its own note names none of it.
    let out = sshd.sftp("dau-moi-snv", "ls -l /\nget /TU-CHOI-TAI-LEN.txt other.txt\n", work);
    assert!(out.status.success(), "{}", text(&out));
    let listed = text(&out);
    assert!(!listed.lines().any(|l| l.starts_with('-')) && !listed.contains("gia.pdf"), "{listed}");
    let other = std::fs::read_to_string(work.join("other.txt")).unwrap();
    assert!(!other.contains("gia.pdf") && other.contains("Không có tệp nào bị từ chối"), "{other}");
    let out = sshd.sftp("dau-moi-snv", "get /stc/I.1/TU-CHOI-TAI-LEN.txt x.txt\n", work);
    assert!(!out.status.success() && !work.join("x.txt").exists(), "{}", text(&out));

    // The note cannot be written, and nothing of the refusals reached the audit log, which still verifies.
    let out =
        sshd.sftp("dau-moi-stc", "put gia.pdf /TU-CHOI-TAI-LEN.txt\nput gia.pdf /stc/I.1/TU-CHOI-TAI-LEN.txt\n", work);
    assert!(!out.status.success(), "{}", text(&out));
    // A name sent with a terminal control is kept escaped: the note never carries the raw character.
    let out = sshd.sftp("dau-moi-stc", "put gia.pdf \"/stc/I.1/x\x1b[31m.pdf\"\n", work);
    assert!(!out.status.success(), "{}", text(&out));
    let out = sshd.sftp("dau-moi-stc", "get /TU-CHOI-TAI-LEN.txt note.txt\n", work);
    assert!(out.status.success(), "{}", text(&out));
    let note = std::fs::read_to_string(work.join("note.txt")).unwrap();
    assert!(!note.contains('\x1b') && note.contains("/stc/I.1/x\\x1b[31m.pdf"), "{note}");
    assert_eq!(thamdinh::store::Store::open(db).unwrap().audit_last_id().unwrap(), audit, "the audit log is unchanged");
    let verify = Command::new(BIN).args(["audit", "verify", "--db", db.to_str().unwrap()]).output().unwrap();
    assert!(verify.status.success(), "{}", text(&verify));
}

/// The unit's focal person opens the screens with `ssh -t`: its recent refused uploads are listed with why.
fn the_unit_reads_why_on_its_screen(sshd: &tools::sshd::Sshd) {
    let options = sshd.options("dau-moi-stc", "-p").join(" ");
    let tmux = tools::Tmux::new(&format!("ssh-refused-{}", std::process::id()), "ssh");
    tmux.open(150, 40, &format!("ssh -t {options} root@127.0.0.1"));
    let screen = tmux.wait_for("Tệp gửi lên bị từ chối gần đây");
    assert!(screen.contains("/stc/II.1/gia.pdf — gia.pdf: tên có đuôi .pdf nhưng nội dung là image/png"), "{screen}");
    tmux.keys(&["q"]);
}

/// `WinSCP`'s default: the file goes up as `NAME.filepart`, then is renamed to `NAME`; the rename makes it the
/// document. A part is never a document, and no other rename is allowed.
fn winscp_sends_under_a_temporary_name(sshd: &tools::sshd::Sshd, work: &Path, db: &Path) {
    let batch = "put qd-1.pdf /stc/III.2/tam.pdf.filepart\nls /stc/III.2\nrename /stc/III.2/tam.pdf.filepart /stc/III.2/tam.pdf\n";
    let out = sshd.sftp("dau-moi-stc", batch, work);
    assert!(out.status.success(), "{}", text(&out));
    let store = thamdinh::store::Store::open(db).unwrap();
    let documents = store.document_files(&"stc".into()).unwrap();
    let sent: Vec<&str> = documents.iter().filter(|d| d.folder == "III.2").map(|d| d.name.as_str()).collect();
    assert_eq!(sent, ["tam.pdf"]);
    assert_eq!(documents.iter().find(|d| d.name == "tam.pdf").unwrap().sha256, sha(&work.join("qd-1.pdf")));
    assert!(std::fs::read_dir(thamdinh::store::files::uploads_dir(db)).unwrap().next().is_none(), "a part left");
    // A part never renamed is gone with the session; renaming a document is refused.
    let out = sshd.sftp("dau-moi-stc", "put qd-2.pdf /stc/III.2/bo.pdf.filepart\n", work);
    assert!(out.status.success(), "{}", text(&out));
    let out = sshd.sftp("dau-moi-stc", "rename /stc/III.2/tam.pdf /stc/III.2/khac.pdf\n", work);
    assert!(!out.status.success());
    let documents = store.document_files(&"stc".into()).unwrap();
    assert_eq!(documents.iter().filter(|d| d.folder == "III.2").count(), 1);
    assert!(std::fs::read_dir(thamdinh::store::files::uploads_dir(db)).unwrap().next().is_none(), "a part left");
}

/// The unit reaches nothing else: the database, another unit, `..`, the council's exports; writes nothing.
fn unit_reaches_nothing_else(sshd: &tools::sshd::Sshd, work: &Path, store: &thamdinh::store::Store) {
    for forbidden in [
        "get /round.db\n",
        "get ../round.db\n",
        "get /../../round.db\n",
        "ls /snv\n",
        "get /snv/I.1/x.pdf\n",
        "ls /xuat-hoi-dong\n",
        "rm /stc/I.1/qd-1.pdf\n",
        "put qd-1.pdf /snv/I.1/\n",
        "put qd-1.pdf /stc/\n",
    ] {
        let out = sshd.sftp("dau-moi-stc", forbidden, work);
        assert!(!out.status.success(), "{forbidden:?} was allowed: {}", text(&out));
    }
    assert!(!work.join("round.db").exists());
    assert_eq!(store.document_files(&"stc".into()).unwrap().len(), 4);
}

/// A member takes a document with scp: the same bytes; the secretary the dossier and an export.
fn member_and_secretary_take(sshd: &tools::sshd::Sshd, work: &Path, db: &Path) {
    let taken = work.join("member-copy.pdf");
    let out = sshd.scp("nguyen-van-a", "root@127.0.0.1:/stc/I.1/qd-2.pdf", taken.to_str().unwrap());
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(sha(&taken), sha(&work.join("qd-2.pdf")));

    // The secretary takes the unit's dossier (zip with its manifest) and a workbook from its exports folder.
    let exports = thamdinh::store::files::exports_dir(db, "thu-ky");
    std::fs::create_dir_all(&exports).unwrap();
    let ranking = exports.join("xep-hang.xlsx");
    tools::thamdinh(&[
        "export",
        "ranking",
        "--db",
        db.to_str().unwrap(),
        "--user",
        "thu-ky",
        "--out",
        ranking.to_str().unwrap(),
    ]);
    let zip_copy = work.join("ho-so.zip");
    let out = sshd.scp("thu-ky", "root@127.0.0.1:/stc/ho-so-stc.zip", zip_copy.to_str().unwrap());
    assert!(out.status.success(), "{}", text(&out));
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&zip_copy).unwrap()).unwrap();
    let mut manifest = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("danh-muc.csv").unwrap(), &mut manifest).unwrap();
    assert!(manifest.contains(&format!("qd-1.pdf,I.1,{}", sha(&work.join("qd-1.pdf")))), "{manifest}");
    assert!(archive.by_name("bieu-cham-ky/bieu-ky.pdf").is_ok());
    let workbook = work.join("xep-hang.xlsx");
    let out = sshd.scp("thu-ky", "root@127.0.0.1:/xuat/xep-hang.xlsx", workbook.to_str().unwrap());
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(sha(&workbook), sha(&ranking));
    // … which the member and the unit cannot.
    let out = sshd.scp("nguyen-van-a", "root@127.0.0.1:/xuat-hoi-dong/thu-ky/xep-hang.xlsx", "/dev/null");
    assert!(!out.status.success());
    let out = sshd.scp("dau-moi-stc", "root@127.0.0.1:/stc/ho-so-stc.zip", work.join("x.zip").to_str().unwrap());
    assert!(!out.status.success() && !work.join("x.zip").exists());
}

/// Every upload and download is in the audit log under its user; without a terminal, one line; removed: told.
fn audited_and_told(sshd: &tools::sshd::Sshd, db: &Path) {
    // Every upload and download is in the audit log under its user, and the log still verifies.
    let log = Command::new(BIN).args(["audit", "log", "--db", db.to_str().unwrap(), "--lang", "en"]).output().unwrap();
    let log = text(&log);
    assert_eq!(log.lines().filter(|l| l.contains("dau-moi-stc") && l.contains("Upload")).count(), 4, "{log}");
    assert!(log.lines().any(|l| l.contains("nguyen-van-a") && l.contains("Download") && l.contains("qd-2.pdf")));
    assert!(log.lines().any(|l| l.contains("thu-ky") && l.contains("Download") && l.contains("ho-so-stc.zip")));
    let verify = Command::new(BIN).args(["audit", "verify", "--db", db.to_str().unwrap()]).output().unwrap();
    assert!(verify.status.success(), "{}", text(&verify));

    // Without a terminal: one Vietnamese line saying how to connect; a removed account is told so.
    let out = sshd.ssh("nguyen-van-a", &[]);
    assert!(!out.status.success());
    assert!(text(&out).contains("cần một màn hình") && text(&out).contains("ssh -t"), "{}", text(&out));
    assert!(!text(&out).contains("No such device"));
    let out = sshd.ssh("cu", &[]);
    assert!(text(&out).contains("tài khoản cu đã bị xóa"), "{}", text(&out));
}

#[test]
fn the_screens_still_open_with_ssh_t() {
    if !ready() || !tools::available("tmux", "-V", "tmux") {
        return;
    }
    let temp = tempfile::tempdir().unwrap();
    let db = round(temp.path());
    let sshd = start_sshd(temp.path(), &db, &["nguyen-van-a"]);
    let options = sshd.options("nguyen-van-a", "-p").join(" ");
    let tmux = tools::Tmux::new(&format!("ssh-files-{}", std::process::id()), "ssh");
    tmux.open(120, 40, &format!("ssh -t {options} root@127.0.0.1"));
    let screen = tmux.wait_for("nguyen-van-a — Thành viên Hội đồng — Sở Nội vụ");
    assert!(!screen.contains("cần một màn hình"), "{screen}");
    tmux.keys(&["q"]);
}
