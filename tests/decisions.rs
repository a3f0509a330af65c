//! Issue 15, item 2's remaining decisions through the store: a grade override removed (and one equal to the
//! proposed grade refused), an appraisal withdrawn, a recorded tie order reopened; each by role, refused on an
//! approved bloc, audited, and `audit verify` clean afterwards.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

mod tools;
mod tui_support;

use thamdinh::domain::evaluate::evaluate_unit;
use thamdinh::domain::grades::Grade;
use thamdinh::store::Store;
use tools::forge::save;
use tools::{as_user, refused_because};
use tui_support::fixture_store;

fn verify_clean(store: &Store) {
    tools::ok(&["audit", "verify", "--db", &store.path().display().to_string()]);
}

/// The fixture's one unappraised component of `so-nganh` appraised, then the bloc approved by the chairman.
fn approve_so_nganh(store: &mut Store) {
    if store.load_unit("skhcn").unwrap().unwrap().entries["III.7"].appraised_score.is_none() {
        save(store, "tv-so-noi-vu", "skhcn", "III.7", "2,5", "Thiếu một báo cáo");
    }
    as_user(store, "chu-tich");
    store.approve_bloc(&"so-nganh".into()).unwrap();
}

fn proposed(store: &Store, unit: &str, criterion: &str) -> Grade {
    let record = store.load_unit(unit).unwrap().unwrap();
    evaluate_unit(store.regulation(), &record).unwrap().score.criterion(criterion).unwrap().proposed_grade.unwrap()
}

fn other_grade(grade: Grade) -> Grade {
    if grade == Grade::Poor { Grade::Average } else { Grade::Poor }
}

#[test]
fn a_grade_override_is_removed_by_the_chairman_with_a_reason_and_one_equal_to_the_proposal_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let proposal = proposed(&store, "stc", "V");
    as_user(&mut store, "chu-tich");
    refused_because(store.override_grade(&"stc".into(), "V", proposal, "Giữ nguyên"), "is the proposed grade");
    store.override_grade(&"stc".into(), "V", other_grade(proposal), "Chưa đạt chỉ tiêu").unwrap();

    for user in ["thu-ky", "tv-so-noi-vu", "tgv-so-noi-vu", "lanh-dao-1"] {
        as_user(&mut store, user);
        assert!(store.remove_grade_override(&"stc".into(), "V", "Bỏ").is_err(), "{user} removed an override");
    }
    as_user(&mut store, "chu-tich");
    refused_because(store.remove_grade_override(&"stc".into(), "V", "  "), "reason");
    refused_because(store.remove_grade_override(&"stc".into(), "IV", "Bỏ"), "no grade override");
    store.remove_grade_override(&"stc".into(), "V", "Đã bổ sung tài liệu").unwrap();
    let record = store.load_unit("stc").unwrap().unwrap();
    assert!(!record.grade_overrides.contains_key("V"));
    let last = store.audit_log(Some("stc"), Some("V")).unwrap().pop().unwrap();
    assert_eq!(last.reason.as_deref(), Some("Đã bổ sung tài liệu"));
    assert_eq!(last.new_value, None);
    verify_clean(&store);

    // Frozen once approved.
    store.override_grade(&"stc".into(), "V", other_grade(proposal), "Chưa đạt chỉ tiêu").unwrap();
    store.order_tie(&"so-nganh".into(), &["stp".into(), "snv".into()]).unwrap();
    approve_so_nganh(&mut store);
    refused_because(store.remove_grade_override(&"stc".into(), "V", "Bỏ"), "approved");
    verify_clean(&store);
}

#[test]
fn an_appraisal_is_withdrawn_by_its_agency_while_the_bloc_is_open() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let version = save(&mut store, "tv-so-noi-vu", "skhcn", "III.7", "2,5", "Thiếu một báo cáo");

    // Not another agency, not the secretary or the chairman.
    for user in ["tv-so-tttt", "thu-ky", "chu-tich"] {
        as_user(&mut store, user);
        assert!(store.withdraw_appraisal(&"skhcn".into(), "III.7", "Nhầm", version).is_err(), "{user} withdrew");
    }
    as_user(&mut store, "tv-so-noi-vu");
    refused_because(store.withdraw_appraisal(&"skhcn".into(), "III.7", "", version), "reason");
    refused_because(store.withdraw_appraisal(&"skhcn".into(), "III.7", "Nhầm", version - 1), "meanwhile");
    let after = store.withdraw_appraisal(&"skhcn".into(), "III.7", "Chấm nhầm đơn vị", version).unwrap();
    assert_eq!(after, version + 1);
    let record = store.load_unit("skhcn").unwrap().unwrap();
    let entry = &record.entries["III.7"];
    assert_eq!(entry.appraised_score, None);
    assert_eq!(entry.deduction_reason, "");
    assert_eq!(entry.version, version + 1);
    let last = store.audit_log(Some("skhcn"), Some("III.7")).unwrap().pop().unwrap();
    assert_eq!(last.action, "withdraw");
    assert_eq!(last.reason.as_deref(), Some("Chấm nhầm đơn vị"));
    assert_eq!(last.old_value.as_deref(), Some("2.5"));
    refused_because(store.withdraw_appraisal(&"skhcn".into(), "III.7", "Lần nữa", after), "nothing to withdraw");
    verify_clean(&store);

    // An assistant withdraws only their own entry awaiting confirmation.
    let entered = save(&mut store, "tgv-so-noi-vu", "skhcn", "III.7", "2", "Thiếu báo cáo");
    store.withdraw_appraisal(&"skhcn".into(), "III.7", "Nhập nhầm", entered).unwrap();
    let final_version = save(&mut store, "tv-so-noi-vu", "skhcn", "III.7", "2", "Thiếu báo cáo");
    as_user(&mut store, "tgv-so-noi-vu");
    refused_because(store.withdraw_appraisal(&"skhcn".into(), "III.7", "Nhầm", final_version), "assistant");
    verify_clean(&store);

    // Frozen once approved.
    as_user(&mut store, "chu-tich");
    store.order_tie(&"so-nganh".into(), &["stp".into(), "snv".into()]).unwrap();
    approve_so_nganh(&mut store);
    as_user(&mut store, "tv-so-noi-vu");
    let version = store.appraisal_version(&"stc".into(), "III.7").unwrap();
    refused_because(store.withdraw_appraisal(&"stc".into(), "III.7", "Nhầm", version), "approved");
    verify_clean(&store);
}

#[test]
fn a_recorded_tie_order_is_reopened_and_replaced_by_the_chairman_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    as_user(&mut store, "chu-tich");
    let order: Vec<String> = vec!["snv".into(), "stp".into()];
    refused_because(store.reorder_tie(&"so-nganh".into(), &order, "Đổi"), "nothing to reopen");
    store.order_tie(&"so-nganh".into(), &["stp".into(), "snv".into()]).unwrap();
    for user in ["thu-ky", "tv-so-noi-vu"] {
        as_user(&mut store, user);
        assert!(store.reorder_tie(&"so-nganh".into(), &order, "Đổi").is_err(), "{user} reordered a tie");
    }
    as_user(&mut store, "chu-tich");
    refused_because(store.reorder_tie(&"so-nganh".into(), &order, " "), "reason");
    store.reorder_tie(&"so-nganh".into(), &order, "Xét lại thành tích năm").unwrap();
    let round = store.load_round().unwrap();
    assert_eq!(round.tie_orders["so-nganh"], vec![order.clone()]);
    let last = store.audit_log(None, None).unwrap().pop().unwrap();
    assert_eq!(last.action, "order tie");
    assert_eq!(last.reason.as_deref(), Some("Xét lại thành tích năm"));
    assert_eq!(last.old_value.as_deref(), Some("stp,snv"));
    verify_clean(&store);

    approve_so_nganh(&mut store);
    refused_because(store.reorder_tie(&"so-nganh".into(), &["stp".into(), "snv".into()], "Đổi"), "approved");
    verify_clean(&store);
}
