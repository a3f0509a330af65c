#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on what it did not expect")]
//! Issue 16: next year from this one (`init --from`): units, users and settings carried over, no scores, the old
//! database only read; `rank --json` gains `previous_level`, and a unit not completed in both years is flagged
//! (Điều 11.2.d).

mod binary;

use binary::{ok, refused};
use serde_json::Value;
use std::path::Path;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/thai-nguyen");

fn old_round(dir: &Path) -> String {
    let db = dir.join("2024.db").display().to_string();
    ok(&["init", "--db", &db, "--regulation", "thai-nguyen-2024", "--year", "2024"]);
    for kind in ["units", "scores", "facts", "grades", "evidence"] {
        ok(&["import", kind, "--db", &db, &format!("{FIXTURES}/{kind}.csv")]);
    }
    ok(&["user", "add", "--db", &db, "thu-ky", "--role", "secretary"]);
    ok(&["user", "add", "--db", &db, "dau-moi-sxd", "--role", "unit", "--unit", "sxd"]);
    ok(&["user", "add", "--db", &db, "cu", "--role", "chairman"]);
    ok(&["user", "remove", "--db", &db, "cu"]);
    ok(&["round", "set", "--db", &db, "--deadline", "2024-11-20", "--appraisal-days", "40"]);
    db
}

fn unit<'a>(report: &'a Value, code: &str) -> &'a Value {
    report["blocs"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|b| b["units"].as_array().unwrap())
        .find(|u| u["unit"] == code)
        .unwrap()
}

#[test]
fn init_from_carries_units_users_and_settings_and_no_scores() {
    let dir = tempfile::tempdir().unwrap();
    let old = old_round(dir.path());
    let head_before = ok(&["audit", "verify", "--db", &old]);
    let new = dir.path().join("2025.db").display().to_string();
    ok(&["init", "--db", &new, "--from", &old, "--year", "2025"]);
    assert_eq!(ok(&["audit", "verify", "--db", &old]), head_before, "the old round is only read");

    let report: Value = serde_json::from_str(&ok(&["rank", "--db", &new, "--json"])).unwrap();
    assert_eq!((report["regulation"].as_str(), report["year"].as_i64()), (Some("thai-nguyen-2024"), Some(2025)));
    let codes: Vec<&str> = report["blocs"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|b| b["units"].as_array().unwrap())
        .map(|u| u["unit"].as_str().unwrap())
        .collect();
    assert_eq!(codes.len(), 8);
    for code in &codes {
        assert_eq!(unit(&report, code)["total"], "0.00", "{code}: no scores carried over");
    }
    let users = ok(&["user", "list", "--db", &new]);
    assert!(users.contains("thu-ky") && users.contains("dau-moi-sxd"), "{users}");
    assert!(!users.contains("\ncu "), "a removed user is not carried over: {users}");
    let show: Value = serde_json::from_str(&ok(&["round", "show", "--db", &new, "--json"])).unwrap();
    assert_eq!(show["deadline"], "2025-11-20", "the deadline moves by the years between the rounds");
    assert_eq!(show["appraisal_working_days"], 40);
    assert!(show["units"].as_array().unwrap().iter().all(|u| u["submission"].is_null()));
    let submit = ["submit", "--db", &new, "--user", "dau-moi-sxd", "--approved-on", "2025-01-05", "--minutes", "1/BB"];
    let error = refused(&submit);
    assert!(error.contains("chưa tự chấm") && error.contains("II.1"), "no self-score carried over: {error}");
    ok(&["import", "scores", "--db", &new, &format!("{FIXTURES}/scores.csv")]);
    ok(&submit);
    ok(&["audit", "verify", "--db", &new]);

    let error = refused(&[
        "init",
        "--db",
        &dir.path().join("again.db").display().to_string(),
        "--from",
        &old,
        "--year",
        "2024",
    ]);
    assert!(error.contains("2024"), "{error}");
    assert!(!dir.path().join("again.db").exists(), "a refused init leaves no file");
    // Another regulation whose blocs the units do not fit: refused naming a unit, nothing created.
    let other = dir.path().join("453.db").display().to_string();
    let error = refused(&["init", "--db", &other, "--from", &old, "--year", "2025", "--regulation", "bac-giang-453"]);
    assert!(error.contains("bac-giang-453") && error.contains("h-dai-tu"), "{error}");
    assert!(!Path::new(&other).exists());
}

/// The fixture's scores, facts, grades and documents (and skhcn's last appraisal) in `db`, then `so-nganh`
/// approved by a chairman; `huyen` stays open.
fn score_and_approve_so_nganh(dir: &Path, db: &str) {
    for kind in ["scores", "facts", "grades", "evidence"] {
        ok(&["import", kind, "--db", db, &format!("{FIXTURES}/{kind}.csv")]);
    }
    let last = dir.join("iii7.csv");
    std::fs::write(&last, "unit,criterion,appraised_score,reason\nskhcn,III.7,\"2,5\",Thiếu một báo cáo\n").unwrap();
    ok(&["import", "scores", "--db", db, &last.display().to_string()]);
    ok(&["tie", "--db", db, "--bloc", "so-nganh", "--order", "stp,snv", "--user", "ct"]);
    ok(&["approve", "--db", db, "--bloc", "so-nganh", "--user", "ct"]);
}

fn rank(db: &str) -> Value {
    serde_json::from_str(&ok(&["rank", "--db", db, "--json"])).unwrap()
}

/// Issue 22 item 3 (SPEC, Previous year): the flag needs the year before, an approved level then (a provisional
/// one is not carried) and a final level now, and it cites the regulation's article (Điều 11.2.d).
#[test]
fn a_unit_not_completed_in_both_years_is_flagged_with_its_previous_level() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("2024.db").display().to_string();
    ok(&["init", "--db", &old, "--regulation", "thai-nguyen-2024", "--year", "2024"]);
    ok(&["import", "units", "--db", &old, &format!("{FIXTURES}/units.csv")]);
    ok(&["user", "add", "--db", &old, "ct", "--role", "chairman"]);
    score_and_approve_so_nganh(dir.path(), &old);
    let before = rank(&old);
    assert!(unit(&before, "sxd")["previous_level"].is_null());
    assert_eq!(unit(&before, "sxd")["level"], "not_completed");
    assert_eq!(unit(&before, "stc")["level"], "good");

    let new = dir.path().join("2025.db").display().to_string();
    ok(&["init", "--db", &new, "--from", &old, "--year", "2025"]);
    // Nothing scored yet in 2025: not completed, but not final: no flag yet.
    let report = rank(&new);
    let sxd = unit(&report, "sxd");
    assert_eq!((sxd["level"].as_str(), sxd["previous_level"].as_str()), (Some("not_completed"), Some("not_completed")));
    assert_eq!(sxd["flags"], serde_json::json!([]), "this year's level is not final: {sxd}");
    // huyen was never approved in 2024: its provisional level is not a previous level.
    assert!(unit(&report, "h-dai-tu")["previous_level"].is_null(), "{}", unit(&report, "h-dai-tu"));
    // Scored and approved in 2025: the flag, citing the article.
    score_and_approve_so_nganh(dir.path(), &new);
    let report = rank(&new);
    let sxd = unit(&report, "sxd");
    assert_eq!(sxd["flags"], serde_json::json!(["not_completed_two_years"]));
    assert!(
        sxd["reasons"].as_array().unwrap().iter().any(|r| {
            let r = r.as_str().unwrap();
            r.contains("02 năm liên tiếp") && r.contains("(Điều 11.2.d)")
        }),
        "{sxd}"
    );
    let stc = unit(&report, "stc");
    assert_eq!((stc["previous_level"].as_str(), stc["flags"].clone()), (Some("good"), serde_json::json!([])));
    assert!(stc["reasons"].as_array().unwrap().iter().any(|r| r.as_str().unwrap().starts_with("Năm 2024: ")), "{stc}");
    // `result --lang en` words the flag and last year's level in English, the article quoted as the regulation has it.
    let english = ok(&["result", "--db", &new, "--unit", "sxd", "--lang", "en"]);
    assert!(english.contains("  - 2024: not completed\n"), "{english}");
    assert!(
        english.contains(
            "Not completed two years running (2024 and this year): for the chairman to consider (Điều 11.2.d)"
        ),
        "{english}"
    );
    assert!(!english.contains("02 năm liên tiếp") && !english.contains("Năm 2024"), "{english}");

    // 2024 into 2026: not consecutive years, no flag even when final.
    let later = dir.path().join("2026.db").display().to_string();
    ok(&["init", "--db", &later, "--from", &old, "--year", "2026"]);
    score_and_approve_so_nganh(dir.path(), &later);
    let sxd = unit(&rank(&later), "sxd").clone();
    assert_eq!((sxd["previous_level"].as_str(), sxd["flags"].clone()), (Some("not_completed"), serde_json::json!([])));
    assert!(!sxd.to_string().contains("02 năm liên tiếp"), "{sxd}");
}
