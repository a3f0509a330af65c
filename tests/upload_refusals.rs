//! The uploads refused over SFTP are kept for their user so the person learns why (issue 24: the OpenSSH clients
//! show only *Failure*): each user's own only, the last 20, never in the audit log; the unit's screen lists the
//! recent ones (Vietnamese, English with `--lang en`). Through a real sshd: `tests/ssh_files.rs`.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on what it did not expect")]

mod tools;
mod tui_support;

use std::path::Path;
use thamdinh::messages::Lang;
use thamdinh::store::Store;
use thamdinh::store::clock::Clock;
use tui_support::{app_as, press, screen};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/thai-nguyen");

fn round(dir: &Path) -> Store {
    let mut store = Store::init(&dir.join("round.db"), "thai-nguyen-2024", 2024).unwrap();
    store.import_units(&Path::new(FIXTURES).join("units.csv")).unwrap();
    store.add_unit_user("dau-moi-snv", "Nguyễn Thị Đầu Mối", &"snv".into()).unwrap();
    store.add_unit_user("dau-moi-stc", "Trần Văn Tài", &"stc".into()).unwrap();
    store
}

fn at(utc: &str) -> Clock {
    Clock::fixed_at(utc.parse().unwrap())
}

#[test]
fn a_refusal_is_kept_for_its_user_only_the_last_twenty_and_never_audited() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = round(dir.path());
    let audit = store.audit_last_id().unwrap();
    store.sign_in("dau-moi-snv").unwrap();
    for n in 0..25 {
        store.set_clock(at(&format!("2026-12-07T01:{n:02}:00Z")));
        store
            .record_upload_refusal(&format!("/snv/I.1/tep-{n}.pdf"), &format!("lý do {n}"), &format!("why {n}"))
            .unwrap();
    }
    let kept = store.upload_refusals().unwrap();
    assert_eq!(kept.len(), 20, "the last twenty are kept");
    assert_eq!(kept[0].path, "/snv/I.1/tep-24.pdf", "newest first");
    assert_eq!((kept[0].reason.as_str(), kept[0].reason_en.as_str()), ("lý do 24", "why 24"));
    assert_eq!(kept[19].path, "/snv/I.1/tep-5.pdf");
    assert_eq!(store.audit_last_id().unwrap(), audit, "a refusal is not in the audit log");

    store.sign_in("dau-moi-stc").unwrap();
    assert!(store.upload_refusals().unwrap().is_empty(), "another unit never reads them");

    // The screen shows a week's: eight days later, none; the note keeps them.
    store.sign_in("dau-moi-snv").unwrap();
    store.set_clock(at("2026-12-13T23:00:00Z"));
    assert_eq!(store.recent_upload_refusals().unwrap().len(), 20);
    store.set_clock(at("2026-12-15T02:00:00Z"));
    assert!(store.recent_upload_refusals().unwrap().is_empty());
    assert_eq!(store.upload_refusals().unwrap().len(), 20);

    let verify = tools::run(&["audit", "verify", "--db", dir.path().join("round.db").to_str().unwrap()]);
    assert!(verify.status.success(), "{}", String::from_utf8_lossy(&verify.stderr));
}

#[test]
fn the_units_screen_lists_its_recent_refused_uploads_with_why() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = round(dir.path());
    store.sign_in("dau-moi-snv").unwrap();
    store.set_clock(at("2026-12-07T14:48:00Z"));
    store
        .record_upload_refusal(
            "/snv/II.1/bao-cao.pdf",
            "bao-cao.pdf: tên có đuôi .pdf nhưng nội dung là image/png",
            "bao-cao.pdf: named .pdf, but its content is image/png",
        )
        .unwrap();
    let mut unit = app_as(&mut store, "dau-moi-snv");
    let shown = screen(&unit, 140, 30);
    assert!(shown.contains("Tệp gửi lên bị từ chối gần đây"), "{shown}");
    // Vietnam's time (UTC+7), the path sent, why.
    assert!(shown.contains("07/12/2026 21:48 · /snv/II.1/bao-cao.pdf"), "{shown}");
    assert!(shown.contains("tên có đuôi .pdf nhưng nội dung là image/png"), "{shown}");
    assert!(shown.contains("/TU-CHOI-TAI-LEN.txt"), "says where the full note is: {shown}");
    unit.lang = Lang::En;
    let shown = screen(&unit, 140, 30);
    assert!(shown.contains("refused") && shown.contains("named .pdf, but its content is image/png"), "{shown}");
    assert!(!shown.contains("nội dung là"), "{shown}");

    // The form of II.1, where it was sent, lists it among its documents, with why.
    press(&mut unit, &mut store, "<Enter>");
    let form = screen(&unit, 140, 40);
    assert!(form.contains("bao-cao.pdf") && form.contains("REFUSED 07/12/2026 21:48"), "{form}");
    press(&mut unit, &mut store, "<Esc>j<Enter>");
    assert!(!screen(&unit, 140, 40).contains("REFUSED"), "not in another component's form");

    // Another unit's focal person sees nothing of it.
    let other = app_as(&mut store, "dau-moi-stc");
    let shown = screen(&other, 140, 30);
    assert!(!shown.contains("bao-cao.pdf") && !shown.contains("bị từ chối"), "{shown}");
}
