//! Issue 13: every role against every write path, as the store enforces it (the interface and the command
//! line both write through it). The table below is the one printed in the README; each refusal must name the
//! user, the write and the rule ("… may not …: …").
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

mod tui_support;

use std::path::Path;
use thamdinh::domain::facts::FactValue;
use thamdinh::domain::grades::Grade;
use thamdinh::domain::permissions::Role;
use thamdinh::store::appraise::AppraisalInput;
use thamdinh::store::self_assessment::SelfAssessmentInput;
use thamdinh::store::{Cell, Store, StoreError};

type Write = fn(&mut Store, &Path) -> Result<(), StoreError>;

fn csv(dir: &Path, text: &str) -> std::path::PathBuf {
    let path = dir.join("matrix.csv");
    std::fs::write(&path, text).unwrap();
    path
}

const WRITES: &[(&str, Write)] = &[
    ("import units", |s, d| s.import_units(&csv(d, "code,name,bloc,group\nsdl,Sở Du lịch,so-nganh,\n")).map(drop)),
    ("import self-scores", |s, d| {
        s.import_scores(&csv(d, "unit,criterion,self_score,explanation\nskhcn,III.7,3,Đủ hồ sơ\n")).map(drop)
    }),
    ("import appraisals (Sở Nội vụ's)", |s, d| {
        s.import_scores(&csv(d, "unit,criterion,appraised_score,reason\nskhcn,III.7,2,Thiếu sản phẩm\n")).map(drop)
    }),
    ("import grades", |s, d| {
        s.import_grades(&csv(d, "unit,criterion,grade,reason\nstc,V,average,Xem lại\n")).map(drop)
    }),
    ("import facts", |s, d| s.import_facts(&csv(d, "unit,fact,value\nstc,outstanding,false\n")).map(drop)),
    ("import evidence", |s, d| {
        s.import_evidence(&csv(d, "unit,criterion,title,reference,date\nstc,I,Báo cáo,Số 99/BC,2024-11-20\n")).map(drop)
    }),
    ("appraise (Sở Nội vụ's)", |s, _| {
        let version = s.appraisal_version(&"skhcn".into(), "III.7")?;
        let input = AppraisalInput {
            unit: "skhcn".into(),
            component: "III.7".into(),
            appraised: rust_decimal::Decimal::from(2),
            deduction_reason: "Thiếu sản phẩm".into(),
            based_on_version: version,
        };
        s.save_appraisal(&input).map(drop)
    }),
    // V.5 is led by Sở Nội vụ; Sở TT&TT is named after it and may comment.
    ("comment on V.5 (Sở TT&TT's share)", |s, _| s.add_comment(&"stc".into(), "V.5", "Đề nghị xem lại").map(drop)),
    ("record facts", |s, _| s.save_facts(&"stc".into(), &[("outstanding".into(), FactValue::Bool(false))])),
    ("override a grade", |s, _| s.override_grade(&"stc".into(), "V", Grade::Average, "Xem lại sản phẩm")),
    ("order a tie", |s, _| s.order_tie(&"so-nganh".into(), &["stp".into(), "snv".into()])),
    ("approve a bloc", |s, _| s.approve_bloc(&"huyen".into()).map(drop)),
    ("export the result", |s, d| {
        thamdinh::sheet::export_ranking(s, &d.join("out.xlsx"), thamdinh::sheet::Existing::Refuse).map(drop)
    }),
    ("add a user", |s, _| s.add_user("moi", "Người mới", Role::Leader, None)),
    // Issue 16: the unit's focal person of Sở Công Thương (sct) writes its own unit's self-assessment.
    ("write sct's self-assessment (score, explanation, document)", |s, _| {
        let input = SelfAssessmentInput {
            unit: "sct".into(),
            component: "V.5".into(),
            self_score: Cell::Set("10".into()),
            explanation: Cell::Set("Thiếu một báo cáo quý".into()),
            applicable: Cell::Keep,
        };
        s.save_self_assessment(&input)?;
        s.add_document(&"sct".into(), "III", "Báo cáo quý IV", "Số 12/BC-SCT", "2024-11-20")
    }),
    ("submit sct's self-assessment", |s, _| s.submit(Some("sct"), "2024-11-20", "05/BB-SCT").map(drop)),
    ("reopen sct's submission", |s, d| {
        let mut admin = Store::open(&d.join("round.db"))?;
        admin.submit(Some("sct"), "2024-11-20", "05/BB-SCT")?;
        s.reopen_submission(&"sct".into(), "Thiếu tài liệu kiểm chứng")
    }),
    ("set the round's deadline", |s, _| s.set_round_settings(Some("2024-11-25"), Some(50))),
];

/// (user, role as the README names it); `None`: the service account (no `--user`).
const ROLES: &[(Option<&str>, &str)] = &[
    (Some("tv-so-noi-vu"), "member"),
    (Some("tv-so-tttt"), "member of another agency"),
    (Some("tgv-so-noi-vu"), "assistant"),
    (Some("lanh-dao-1"), "leader"),
    (Some("thu-ky"), "secretary"),
    (Some("chu-tich"), "chairman"),
    (None, "admin"),
    (Some("dau-moi-sct"), "unit (Sở Công Thương)"),
];

/// Each write's row: ✓ allowed, ✗ refused, for the member of Sở Nội vụ, a member of Sở TT&TT, the assistant of
/// Sở Nội vụ, a leader, the secretary, the chairman, admin, and the unit's focal person of Sở Công Thương (whose
/// imports above name other units).
const EXPECTED: &[(&str, &str)] = &[
    ("import units", "✗✗✗✗✓✓✓✗"),
    ("import self-scores", "✗✗✗✗✓✓✓✗"),
    ("import appraisals (Sở Nội vụ's)", "✓✗✗✗✗✗✓✗"),
    ("import grades", "✗✗✗✗✗✓✓✗"),
    ("import facts", "✗✗✗✗✓✓✓✗"),
    ("import evidence", "✗✗✗✗✓✓✓✗"),
    ("appraise (Sở Nội vụ's)", "✓✗✓✗✗✗✓✗"),
    ("comment on V.5 (Sở TT&TT's share)", "✗✓✗✗✗✗✗✗"),
    ("record facts", "✗✗✗✗✓✓✓✗"),
    ("override a grade", "✗✗✗✗✗✓✓✗"),
    ("order a tie", "✗✗✗✗✗✓✓✗"),
    ("approve a bloc", "✗✗✗✗✗✓✓✗"),
    ("export the result", "✗✗✗✗✓✓✓✗"),
    ("add a user", "✗✗✗✗✓✗✓✗"),
    ("write sct's self-assessment (score, explanation, document)", "✗✗✗✗✓✓✓✓"),
    ("submit sct's self-assessment", "✗✗✗✗✓✓✓✓"),
    ("reopen sct's submission", "✗✗✗✗✓✓✓✗"),
    ("set the round's deadline", "✗✗✗✗✓✓✓✗"),
];

#[test]
fn every_role_against_every_write_path() {
    let mut table = Vec::new();
    for (name, write) in WRITES {
        let mut row = String::new();
        for (user, role) in ROLES {
            let dir = tempfile::tempdir().unwrap();
            let mut store = tui_support::fixture_store(dir.path());
            store.add_unit_user("dau-moi-sct", "Cán bộ đầu mối Sở Công Thương", &"sct".into()).unwrap();
            if let Some(user) = user {
                store.sign_in(user).unwrap();
            }
            match write(&mut store, dir.path()) {
                Ok(()) => row.push('✓'),
                Err(StoreError::Forbidden(refusal)) => {
                    let text = refusal.to_string();
                    assert!(
                        text.contains(" may not ") && !refusal.rule.to_string().is_empty(),
                        "{name} as {role}: {text}"
                    );
                    row.push('✗');
                }
                Err(StoreError::RowRefused(row_refused)) => {
                    assert!(row_refused.to_string().contains(" may not "), "{name} as {role}: {row_refused}");
                    row.push('✗');
                }
                Err(other) => panic!("{name} as {role}: refused for another reason than a permission: {other}"),
            }
        }
        table.push((*name, row));
    }
    let printed: Vec<String> = table.iter().map(|(name, row)| format!("(\"{name}\", \"{row}\"),")).collect();
    let expected: Vec<(&str, String)> = EXPECTED.iter().map(|(n, r)| (*n, r.to_string())).collect();
    assert_eq!(table, expected, "the matrix now reads:\n{}", printed.join("\n"));
}
