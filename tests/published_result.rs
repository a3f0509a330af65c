//! Issue 22 item 1: approved is approved. The approval publishes each unit's level, rank and total; a re-rating
//! changes that unit only (every other unit keeps its approved level and rank, the bloc its quota), its audit row
//! names the published level before, a tie it creates is ordered by the chairman within it; on both regulations.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

use std::fmt::Write;
use std::path::Path;
use std::process::Command;
use thamdinh::domain::published::TiePlace;
use thamdinh::messages::Lang;
use thamdinh::store::Store;
use thamdinh::store::rerate::RerateChange;

const BIN: &str = env!("CARGO_BIN_EXE_thamdinh");

/// The regulation's bloc, group, the components deducted to spread the totals, and the facts that make every unit
/// meet the excellent conditions.
struct Setting {
    regulation: &'static str,
    bloc: &'static str,
    group: &'static str,
    deducted: [&'static str; 2],
    facts: &'static [&'static str],
    /// A fact and value that make a unit not completed.
    failing: (&'static str, &'static str),
}

const TN: Setting = Setting {
    regulation: "thai-nguyen-2024",
    bloc: "so-nganh",
    group: "",
    deducted: ["I.1", "I.2"],
    facts: &["outstanding"],
    failing: ("discipline", "yes"),
};

const BG: Setting = Setting {
    regulation: "bac-giang-453",
    bloc: "tap-the",
    group: "I",
    deducted: ["A.1.1", "A.1.2"],
    facts: &["outstanding", "innovation", "reform_and_tech", "all_members_good"],
    failing: ("discipline", "yes"),
};

/// Five units a..e, all meeting the excellent conditions, totals 100, 99.5, 99, 98.5, 98: five eligible, a quota
/// of one; the chairman approves the bloc (a excellent, the others good, ranks 1..5).
fn approved_round(dir: &Path, setting: &Setting) -> Store {
    let mut store = Store::init(&dir.join("round.db"), setting.regulation, 2024).unwrap();
    let mut units = String::from("code,name,bloc,group\n");
    let mut scores = String::from("unit,criterion,self_score,appraised_score,reason,explanation\n");
    let mut facts = String::from("unit,fact,value\n");
    let framework =
        store.regulation().framework_for(&setting.bloc.into(), Some(setting.group).filter(|g| !g.is_empty()));
    let framework = framework.unwrap().clone();
    let cuts = [["0", "0"], ["0.5", "0"], ["1", "0"], ["1", "0.5"], ["1", "1"]];
    for (code, cut) in ["a", "b", "c", "d", "e"].into_iter().zip(cuts) {
        writeln!(units, "{code},Đơn vị {code},{},{}", setting.bloc, setting.group).unwrap();
        for place in framework.components() {
            let max = place.component.max;
            let at = setting.deducted.iter().position(|d| *d == place.component.code.as_str());
            let appraised = at.map_or(max, |i| max - cut[i].parse::<rust_decimal::Decimal>().unwrap());
            let reason = if appraised < max { "Thiếu tài liệu" } else { "" };
            let own = if place.criterion.scored_by_leaders { String::new() } else { max.to_string() };
            writeln!(scores, "{code},{},{own},{appraised},{reason},", place.component.code).unwrap();
        }
        for fact in setting.facts {
            writeln!(facts, "{code},{fact},true").unwrap();
        }
    }
    for (name, text) in [("units.csv", &units), ("scores.csv", &scores), ("facts.csv", &facts)] {
        std::fs::write(dir.join(name), text).unwrap();
    }
    store.import_units(&dir.join("units.csv")).unwrap();
    store.import_scores(&dir.join("scores.csv")).unwrap();
    store.import_facts(&dir.join("facts.csv")).unwrap();
    thamdinh::demo::add_demo_users(&mut store).unwrap();
    store.sign_in("chu-tich").unwrap();
    store.approve_bloc(&setting.bloc.into()).unwrap();
    store
}

/// (unit, rank, level) of the bloc as `rank --json` prints it, with the bloc's eligible count and quota.
fn ranked(store: &Store) -> (Vec<(String, usize, String)>, u64, u64) {
    let output =
        Command::new(BIN).args(["rank", "--json", "--db", &store.path().display().to_string()]).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let bloc = &json["blocs"][0];
    let units = bloc["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            let rank = usize::try_from(u["rank"].as_u64().unwrap()).unwrap();
            (u["unit"].as_str().unwrap().to_string(), rank, u["level"].as_str().unwrap().to_string())
        })
        .collect();
    (units, bloc["eligible"].as_u64().unwrap(), bloc["quota"].as_u64().unwrap())
}

fn approved_levels() -> Vec<(String, usize, String)> {
    [("a", 1, "excellent"), ("b", 2, "good"), ("c", 3, "good"), ("d", 4, "good"), ("e", 5, "good")]
        .into_iter()
        .map(|(u, r, l)| (u.to_string(), r, l.to_string()))
        .collect()
}

fn verify_clean(store: &Store) {
    let output =
        Command::new(BIN).args(["audit", "verify", "--db", &store.path().display().to_string()]).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
}

fn last_level_row(store: &Store) -> (Option<String>, Option<String>) {
    let log = store.audit_log(None, None).unwrap();
    let row = log.iter().rev().find(|r| r.action == "rerate" && r.field.as_deref() == Some("level")).unwrap();
    (row.old_value.clone(), row.new_value.clone())
}

/// A good unit re-rated to not completed: the quota stays 1 (not 0), the excellent unit stays excellent, every
/// other unit keeps its level and rank; the audit row says good → not completed.
fn a_good_unit_failing_moves_nobody_else(setting: &Setting) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = approved_round(dir.path(), setting);
    assert_eq!(ranked(&store), (approved_levels(), 5, 1));
    let (name, value) = setting.failing;
    let change = RerateChange::Fact { name: name.into(), value: value.into() };
    store.rerate(&"c".into(), &[change], "Phát hiện vi phạm sau khi công bố").unwrap();
    let mut expected = approved_levels();
    expected[2].2 = "not_completed".into();
    assert_eq!(ranked(&store), (expected, 5, 1), "{}", setting.regulation);
    let before_after = (Some("Hoàn thành tốt nhiệm vụ".to_string()), Some("Không hoàn thành nhiệm vụ".to_string()));
    assert_eq!(last_level_row(&store), before_after);
    // The unit's own result says the same.
    store.sign_in("chu-tich").unwrap();
    let result = store.unit_result(Some("a")).unwrap();
    assert_eq!((result.rank, result.level), (1, "excellent"));
    // The re-rated unit's reasons say so, in either language (issue 22.15), citing the regulation's own article of
    // re-rating (2610 Điều 10.4; 453 has none, so none is cited: issue 26).
    let rerated = store.unit_result(Some("c")).unwrap().reasons;
    let said = |lang, start: &str, end: &str| {
        let words = thamdinh::messages::reasons::reasons(&store.regulation().level_names, &rerated, lang);
        assert!(words.iter().any(|w| w.starts_with(start) && w.ends_with(end)), "{words:?}");
        assert!(setting.regulation == "thai-nguyen-2024" || words.iter().all(|w| !w.contains("10.4")), "{words:?}");
    };
    if setting.regulation == "thai-nguyen-2024" {
        said(Lang::Vi, "Kết quả sau xếp loại lại (Điều 10.4): hạng ", ", Không hoàn thành nhiệm vụ");
        said(Lang::En, "Result after re-rating (article 10.4): rank ", ", not completed");
    } else {
        said(Lang::Vi, "Kết quả sau xếp loại lại: hạng ", ", Không hoàn thành nhiệm vụ");
        said(Lang::En, "Result after re-rating: rank ", ", not completed");
    }
    verify_clean(&store);
}

/// The excellent unit re-rated down: the next unit is not promoted; the place stays free until a re-rating of its
/// own decides it (the chairman's audited decision), and then it is taken.
fn the_excellent_unit_failing_promotes_nobody(setting: &Setting) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = approved_round(dir.path(), setting);
    let (name, value) = setting.failing;
    let change = RerateChange::Fact { name: name.into(), value: value.into() };
    store.rerate(&"a".into(), &[change], "Phát hiện vi phạm sau khi công bố").unwrap();
    let mut expected = approved_levels();
    expected[0].2 = "not_completed".into();
    assert_eq!(ranked(&store), (expected.clone(), 5, 1), "{}", setting.regulation);
    assert_eq!(
        last_level_row(&store),
        (Some("Hoàn thành xuất sắc nhiệm vụ".to_string()), Some("Không hoàn thành nhiệm vụ".to_string()))
    );
    // The chairman gives the freed place by re-rating b, with his reason.
    let (component, max) = (setting.deducted[1], if setting.regulation == "bac-giang-453" { "5" } else { "4" });
    let change = RerateChange::Score { component: component.into(), appraised: max.into() };
    store.rerate(&"b".into(), &[change], "Chủ tịch quyết định chỉ tiêu còn trống").unwrap();
    expected[1].2 = "excellent".into();
    assert_eq!(ranked(&store), (expected, 5, 1));
    verify_clean(&store);
}

/// A re-rating that makes a unit's total equal another's needs the chairman's place, given within it; the other
/// units keep their ranks.
fn a_tie_the_rerating_creates_is_ordered_within_it(setting: &Setting) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = approved_round(dir.path(), setting);
    // e (98) re-scored to 99, c's total.
    let (component, max) = (setting.deducted[1], if setting.regulation == "bac-giang-453" { "5" } else { "4" });
    let change = RerateChange::Score { component: component.into(), appraised: max.into() };
    let refused = store.rerate(&"e".into(), std::slice::from_ref(&change), "Bổ sung tài liệu").unwrap_err();
    assert!(refused.to_string().contains("equals c's"), "{refused}");
    let vietnamese = thamdinh::messages::store_error(&refused, thamdinh::messages::Lang::Vi);
    assert!(vietnamese.contains("tổng điểm bằng đơn vị c"), "{vietnamese}");
    assert_eq!(ranked(&store).0, approved_levels(), "a refusal changes nothing");
    store.rerate_placed(&"e".into(), &[change], Some(TiePlace::After), "Bổ sung tài liệu").unwrap();
    let (units, ..) = ranked(&store);
    let ranks: Vec<(&str, usize)> = units.iter().map(|(u, r, _)| (u.as_str(), *r)).collect();
    assert_eq!(ranks, [("a", 1), ("b", 2), ("c", 3), ("e", 4), ("d", 4)]);
    verify_clean(&store);
}

#[test]
fn a_good_unit_failing_moves_nobody_else_on_both_regulations() {
    a_good_unit_failing_moves_nobody_else(&TN);
    a_good_unit_failing_moves_nobody_else(&BG);
}

#[test]
fn the_excellent_unit_failing_promotes_nobody_on_both_regulations() {
    the_excellent_unit_failing_promotes_nobody(&TN);
    the_excellent_unit_failing_promotes_nobody(&BG);
}

#[test]
fn a_tie_the_rerating_creates_is_ordered_within_it_on_both_regulations() {
    a_tie_the_rerating_creates_is_ordered_within_it(&TN);
    a_tie_the_rerating_creates_is_ordered_within_it(&BG);
}

/// The published result is frozen: no update, no removal, no row without its bloc's approval.
#[test]
fn the_published_result_is_frozen_by_trigger() {
    let dir = tempfile::tempdir().unwrap();
    let store = approved_round(dir.path(), &TN);
    let conn = rusqlite::Connection::open(store.path()).unwrap();
    assert!(conn.execute("UPDATE published_result SET level = 'excellent' WHERE unit = 'b'", []).is_err());
    assert!(conn.execute("DELETE FROM published_result WHERE unit = 'a'", []).is_err());
    let count: i64 = conn.query_row("SELECT count(*) FROM published_result", [], |r| r.get(0)).unwrap();
    assert_eq!(count, 5);
}
