//! A unit's focal person in the interface (issue 16): only its own unit, self-scores with explanations and a
//! document, submission, then a member's queue holds the unit; after approval the unit reads its deductions.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on what it did not expect")]

mod tools;
mod tui_support;

use std::path::Path;
use thamdinh::store::Store;
use thamdinh::tui::app::{App, Pane, Screen, Status};
use thamdinh::tui::dispatch;
use tui_support::{app_as, fixture_store, press, screen};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/thai-nguyen");

/// A round whose units have not self-assessed yet, with the council and a focal person for snv.
fn round_before_self_assessment(dir: &Path) -> Store {
    let mut store = Store::init(&dir.join("round.db"), "thai-nguyen-2024", 2024).unwrap();
    store.import_units(&Path::new(FIXTURES).join("units.csv")).unwrap();
    thamdinh::demo::add_demo_users(&mut store).unwrap();
    store.add_unit_user("dau-moi-snv", "Nguyễn Thị Đầu Mối", &"snv".into()).unwrap();
    store
}

fn message(app: &App) -> String {
    app.message.as_ref().map(|(text, _)| text.clone()).unwrap_or_default()
}

#[test]
fn a_unit_self_assesses_submits_and_reaches_the_queue() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = round_before_self_assessment(dir.path());
    // Before the unit submits, the member's queue holds none of its items.
    let member = app_as(&mut store, "tv-so-noi-vu");
    assert!(member.queue().is_empty(), "no unit has submitted: nothing to appraise yet");
    assert!(screen(&member, 120, 30).contains("Chưa đơn vị nào nộp"), "the empty queue says why");

    let mut unit = app_as(&mut store, "dau-moi-snv");
    assert_eq!(unit.panes(), vec![Pane::SelfAssessment, Pane::Result]);
    assert_eq!(unit.round.units.len(), 1, "a unit's focal person holds its own unit only");
    let shown = screen(&unit, 100, 30);
    assert!(shown.contains("Chưa nộp") && shown.contains("Sở Nội vụ"), "{shown}");
    assert!(!shown.contains("Sở Tư pháp"), "never another unit");

    // Three self-scores with explanations; one document on the first.
    press(&mut unit, &mut store, "<Enter>");
    assert!(matches!(unit.screen, Screen::SelfAssess(_)));
    press(&mut unit, &mut store, "1<Tab>Đã ban hành kế hoạch<C-s>");
    assert!(message(&unit).contains("Đã lưu tự đánh giá"), "{}", message(&unit));
    press(&mut unit, &mut store, "<Tab>12/KH-SNV<Tab>2024-02-01<Tab>Kế hoạch cải cách hành chính");
    tui_support::dispatch_ctrl(&mut unit, &mut store, 'a');
    assert!(message(&unit).contains("Đã thêm tài liệu"), "{}", message(&unit));
    let form = screen(&unit, 100, 30);
    assert!(form.contains("12/KH-SNV") && form.contains("01/02/2024"), "the document just added is listed: {form}");
    for _ in 0..2 {
        press(&mut unit, &mut store, "<Esc>j<Enter>");
        let Screen::SelfAssess(form) = &unit.screen else { panic!("form") };
        let typed = "1".to_string();
        assert!(form.score.is_empty());
        press(&mut unit, &mut store, &format!("{typed}<Tab>Giải trình của đơn vị<C-s>"));
        assert!(message(&unit).contains("Đã lưu tự đánh giá"), "{}", message(&unit));
    }
    press(&mut unit, &mut store, "<Esc>");
    let round = store.load_round().unwrap();
    let snv = round.units.iter().find(|u| u.code == "snv").unwrap();
    assert_eq!(snv.entries.values().filter(|e| e.self_score.is_some()).count(), 3);
    assert_eq!(store.evidence_of(&"snv".into()).unwrap().len(), 1);

    // Submission: the collective's approval date and the minutes' number.
    press(&mut unit, &mut store, "p");
    assert!(matches!(unit.screen, Screen::Submit(_)));
    press(&mut unit, &mut store, "<Enter>");
    assert!(matches!(unit.screen, Screen::Submit(_)), "both fields are needed");
    // Issue 22 item 9: three of snv's components scored: refused on the form, naming how many are left.
    press(&mut unit, &mut store, "2024-11-20<Tab>05/BB-SNV<Enter>");
    assert!(unit.unit_side.submission.is_none(), "an unfinished self-assessment is not submitted");
    let Screen::Submit(form) = &unit.screen else { panic!("the form stays open on a refusal") };
    let refusal = form.error.clone().unwrap_or_default();
    assert!(refusal.contains("chưa nộp được") && refusal.contains("chưa tự chấm điểm"), "{refusal}");
    assert!(screen(&unit, 160, 48).contains("chưa nộp được"), "the refusal is on the screen");
    assert!(store.submission_of(&"snv".into()).unwrap().is_none());
    store.import_scores(&tools::fill_self_assessment(dir.path(), "snv")).unwrap();
    press(&mut unit, &mut store, "<Enter>");
    assert!(unit.unit_side.submission.is_some(), "{}", message(&unit));
    press(&mut unit, &mut store, "<Enter>");
    assert!(matches!(unit.screen, Screen::Browse { .. }), "submitted: frozen");
    assert!(message(&unit).contains("Đã nộp"), "{}", message(&unit));
    // The collective's approval date reads as the council writes a date, not as stored.
    let frozen = screen(&unit, 160, 48);
    assert!(frozen.contains("thông qua ngày 20/11/2024") && !frozen.contains("2024-11-20"), "{frozen}");

    // The member's queue now holds snv, and only snv; the others wait under their status.
    let mut member = app_as(&mut store, "tv-so-noi-vu");
    assert!(!member.queue().is_empty());
    assert!(member.queue().iter().all(|item| member.item_codes(item).is_some_and(|(unit, _)| unit == "snv")));
    while member.browse.status_filter != Some(Status::NotSubmitted) {
        press(&mut member, &mut store, "s");
    }
    assert!(member.queue().iter().all(|item| member.item_codes(item).is_some_and(|(unit, _)| unit != "snv")));
    // The secretary's progress says who has submitted.
    let mut secretary = app_as(&mut store, "thu-ky");
    press(&mut secretary, &mut store, "<Tab>");
    let progress = screen(&secretary, 160, 48);
    assert!(progress.contains("Đã nộp 1/8") && progress.contains("chưa nộp"), "{progress}");
}

#[test]
fn after_approval_the_unit_reads_its_deductions_and_nothing_before() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    store.add_unit_user("dau-moi-h-dai-tu", "", &"h-dai-tu".into()).unwrap();
    let mut unit = app_as(&mut store, "dau-moi-h-dai-tu");
    let entry = unit.round.units[0].entries.values().find(|e| e.self_score.is_some()).unwrap();
    assert!(entry.appraised_score.is_none() && entry.deduction_reason.is_empty(), "no appraisal before publication");
    press(&mut unit, &mut store, "2");
    assert!(screen(&unit, 100, 30).contains("Kết quả được công bố sau khi"));

    let mut chairman = Store::open(&dir.path().join("round.db")).unwrap();
    chairman.sign_in("chu-tich").unwrap();
    chairman.approve_bloc(&"huyen".into()).unwrap();
    dispatch(&mut unit, &mut store, thamdinh::tui::app::Action::ExternalChange);
    let shown = screen(&unit, 160, 48);
    assert!(shown.contains("Kết quả (đã phê duyệt)") && shown.contains("Tiêu chí bị trừ điểm"), "{shown}");
    let result = unit.unit_side.result.clone().expect("published");
    assert!(!result.deductions.is_empty());
    assert!(shown.contains(&result.deductions[0].reason.chars().take(20).collect::<String>()), "{shown}");
    // The reasons speak the interface's language (issue 22.15).
    assert!(shown.contains("• Tổng điểm "), "{shown}");
    unit.lang = thamdinh::messages::Lang::En;
    let english = screen(&unit, 160, 48);
    assert!(english.contains("• Total ") && !english.contains("• Tổng điểm"), "{english}");
}

#[test]
fn last_year_and_the_two_year_flag_are_in_front_of_the_chairman() {
    let dir = tempfile::tempdir().unwrap();
    let mut old = fixture_store(dir.path());
    // Only an approved level is carried, and the flag waits for this year's approval (issue 22 item 3).
    approve_so_nganh(&mut old, dir.path());
    let old_path = old.path().to_path_buf();
    drop(old);
    let mut store = Store::init_from(&dir.path().join("2025.db"), &old_path, 2025, None).unwrap();
    for kind in ["scores", "facts", "grades", "evidence"] {
        let file = Path::new(FIXTURES).join(format!("{kind}.csv"));
        match kind {
            "scores" => store.import_scores(&file).unwrap(),
            "facts" => store.import_facts(&file).unwrap(),
            "grades" => store.import_grades(&file).unwrap(),
            _ => store.import_evidence(&file).unwrap(),
        };
    }
    approve_so_nganh(&mut store, dir.path());
    let chairman = app_as(&mut store, "chu-tich");
    // sxd is not completed in 2024's fixture and again now (Điều 11.2.d).
    let ranked = chairman.ranked("sxd").unwrap().clone();
    let reasons = chairman.reasons_of(&ranked);
    assert!(reasons.iter().any(|r| r.starts_with("Năm 2024: Không hoàn thành")), "{reasons:?}");
    assert!(reasons.iter().any(|r| r.contains("02 năm liên tiếp")), "{reasons:?}");
    assert!(screen(&chairman, 160, 48).contains("⚑ Không hoàn thành"), "the ranking marks it");
    let snv = chairman.ranked("snv").unwrap().clone();
    assert!(!chairman.reasons_of(&snv).iter().any(|r| r.contains("02 năm liên tiếp")));
    // In English, the same reasons in English words.
    let mut chairman = chairman;
    chairman.lang = thamdinh::messages::Lang::En;
    let reasons = chairman.reasons_of(&ranked);
    assert!(reasons.iter().any(|r| r.starts_with("2024: not completed")), "{reasons:?}");
    assert!(
        reasons.iter().any(|r| r.starts_with("Not completed two years running (2024 and this year)")),
        "{reasons:?}"
    );
    assert!(!reasons.iter().any(|r| r.contains("Tổng điểm") || r.contains("Năm 2024")), "{reasons:?}");
}

/// Words of the store's English wording of a refused value that the Vietnamese one never carries.
const ENGLISH: &[&str] = &["unit ", "column", "explanation", "is not a date", "evidence", "needs ", " the ", "refused"];

/// The refusal the unit's form shows.
fn form_error(app: &App) -> String {
    let Screen::SelfAssess(form) = &app.screen else { panic!("the form stays open on a refusal") };
    form.error.clone().unwrap_or_default()
}

/// The unit's form shows only the Vietnamese reason of a refused self-score and a refused document date: no
/// English, and no "unit snv, I.1:" prefix the form shows already.
#[test]
fn the_units_form_refuses_in_vietnamese_only() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::init(&dir.path().join("453.db"), "bac-giang-453", 2024).unwrap();
    let units = dir.path().join("units.csv");
    std::fs::write(&units, "code,name,bloc,group\nbtc,Ban Tổ chức Tỉnh ủy,tap-the,I\n").unwrap();
    store.import_units(&units).unwrap();
    store.add_unit_user("dau-moi-btc", "Đầu mối Ban Tổ chức", &"btc".into()).unwrap();
    let mut unit = app_as(&mut store, "dau-moi-btc");
    press(&mut unit, &mut store, "<Enter>");
    assert!(matches!(unit.screen, Screen::SelfAssess(_)));
    // Điều 4.2 of 453: a self-score below max needs the unit's explanation.
    press(&mut unit, &mut store, "80%<C-s>");
    let refused = form_error(&unit);
    assert!(refused.starts_with("điểm tự đánh giá") && refused.contains("cần giải trình"), "{refused}");
    assert!(refused.contains("(Điều 4.2)"), "{refused}");
    let leaked: Vec<&&str> = ENGLISH.iter().filter(|word| refused.contains(**word)).collect();
    assert!(leaked.is_empty() && !refused.contains("btc"), "English {leaked:?} or a prefix in {refused:?}");
    // A score that is not one is refused by the form itself, with the reason only.
    press(&mut unit, &mut store, "<BS><BS><BS>abc<C-s>");
    let refused = form_error(&unit);
    assert!(refused.starts_with("Điểm tự đánh giá “abc” không phải là điểm hợp lệ"), "{refused}");
    assert!(!refused.contains("btc"), "no prefix: {refused}");
    press(&mut unit, &mut store, "<BS><BS><BS>");
    // A document dated in no plausible year.
    press(&mut unit, &mut store, "<Tab><Tab>12/KH-BTC<Tab>9999-01-01<Tab>Kế hoạch");
    tui_support::dispatch_ctrl(&mut unit, &mut store, 'a');
    let refused = form_error(&unit);
    assert!(refused.starts_with("ngày \"9999-01-01\" không phải là ngày hợp lệ"), "{refused}");
    assert!(refused.contains("từ 1945 đến 2100"), "{refused}");
    let leaked: Vec<&&str> = ENGLISH.iter().filter(|word| refused.contains(**word)).collect();
    assert!(leaked.is_empty() && !refused.contains("btc"), "English {leaked:?} or a prefix in {refused:?}");
    assert!(store.evidence_of(&"btc".into()).unwrap().is_empty(), "nothing written");
}

/// As in the council's scoring form, the first key typed replaces the self-score shown from before.
#[test]
fn typing_replaces_the_self_score_shown() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = round_before_self_assessment(dir.path());
    let mut unit = app_as(&mut store, "dau-moi-snv");
    press(&mut unit, &mut store, "<Enter>1<Tab>Đã ban hành kế hoạch<C-s><Esc><Enter>");
    let Screen::SelfAssess(form) = &unit.screen else { panic!("form") };
    assert_eq!(form.score, "1");
    press(&mut unit, &mut store, "2");
    let Screen::SelfAssess(form) = &unit.screen else { panic!("form") };
    assert_eq!(form.score, "2", "replaced, not 12");
}

/// skhcn's last component appraised, the tie ordered and `so-nganh` approved by the chairman.
fn approve_so_nganh(store: &mut Store, dir: &Path) {
    let file = dir.join("iii7.csv");
    std::fs::write(&file, "unit,criterion,appraised_score,reason\nskhcn,III.7,\"2,5\",Thiếu một báo cáo\n").unwrap();
    store.import_scores(&file).unwrap();
    store.sign_in("chu-tich").unwrap();
    store.order_tie(&"so-nganh".into(), &["stp".into(), "snv".into()]).unwrap();
    store.approve_bloc(&"so-nganh".into()).unwrap();
}

/// Issue 23: `b` on the unit's own pane writes its score sheet into its own folder, before it submits, and the
/// status line says where; the hint bar shows the key.
#[test]
fn the_unit_writes_its_own_sheet_with_b_and_is_told_where() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = round_before_self_assessment(dir.path());
    let mut unit = app_as(&mut store, "dau-moi-snv");
    assert!(screen(&unit, 160, 30).contains("b "), "the hint bar shows b");
    press(&mut unit, &mut store, "b");
    let said = message(&unit);
    assert!(said.contains("Đã xuất 1 biểu chấm điểm") && said.contains("round-bieu-cham-diem-snv-"), "{said}");
    // Into the unit user's own folder, which it downloads as /xuat/NAME over SFTP (issue 24).
    let exports = thamdinh::store::files::exports_dir(store.path(), "dau-moi-snv");
    let written: Vec<_> = std::fs::read_dir(&exports)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().to_string()))
        .filter(|name| name.starts_with("round-bieu-cham-diem-snv-") && name.ends_with("xlsx"))
        .collect();
    assert_eq!(written.len(), 1, "{written:?}");
}
