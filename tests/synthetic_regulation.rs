//! The synthetic regulation `gia-lap-minh-son-2024` (tests/fixtures/regulations), read with
//! `THAMDINH_DATA_DIR` and driven through the CLI from CSV to approval: levels at their thresholds, each
//! condition, bonus and penalty with their caps and the 100 cap, the quota ⌈15 % × all units⌉ at several bloc
//! sizes and after adding a unit, ties by Part B then B.1, three levels of criteria, the transfer of a
//! not-applicable criterion's points to B.1 and a condition scoped to blocs III and IV. Every expected figure
//! is worked by hand in the comments from the synthetic text.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

use calamine::Reader;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod tools;

const ID: &str = "gia-lap-minh-son-2024";

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/regulations")
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_thamdinh"))
        .args(args)
        .env("THAMDINH_DATA_DIR", fixtures())
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .output()
        .expect("run thamdinh")
}

fn ok(args: &[&str]) -> String {
    let output = run(args);
    assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

fn refused(args: &[&str]) -> String {
    let output = run(args);
    assert!(!output.status.success(), "{args:?} should be refused: {}", String::from_utf8_lossy(&output.stdout));
    String::from_utf8(output.stderr).unwrap()
}

/// The leaves of Phụ lục I (khối I, II) and Phụ lục II (khối III, IV) other than A.4's, with their max.
const PART_A: [(&str, &str); 6] =
    [("A.1.1", "4"), ("A.1.2", "4"), ("A.2.1", "4"), ("A.2.2", "3"), ("A.3.1", "3"), ("A.3.2", "2")];
const B_ONE: [(&str, &str); 13] = [
    ("B.1.1", "15"),
    ("B.1.2", "15"),
    ("B.2.1.1", "4"),
    ("B.2.1.2", "2"),
    ("B.2.1.3", "2"),
    ("B.2.2.1", "4"),
    ("B.2.2.2", "3"),
    ("B.3.1", "6"),
    ("B.3.2", "4"),
    ("B.4.1", "3"),
    ("B.4.2", "2"),
    ("B.5.1", "5"),
    ("B.5.2", "5"),
];
const B_TWO: [(&str, &str); 13] = [
    ("B.1.1", "10"),
    ("B.1.2", "10"),
    ("B.2.1.1", "4"),
    ("B.2.1.2", "2"),
    ("B.2.1.3", "2"),
    ("B.2.2.1", "4"),
    ("B.2.2.2", "3"),
    ("B.3.1", "8"),
    ("B.3.2", "7"),
    ("B.4.1", "5"),
    ("B.4.2", "5"),
    ("B.5.1", "5"),
    ("B.5.2", "5"),
];

/// One unit's appraisals: every leaf at its max but those given (a value, or `n/a`).
struct Unit {
    code: &'static str,
    changes: Vec<(&'static str, &'static str)>,
    /// Each leader's A.4.1 and A.4.2.
    leaders: [(&'static str, &'static str); 2],
}

fn unit(code: &'static str, changes: &[(&'static str, &'static str)]) -> Unit {
    Unit { code, changes: changes.to_vec(), leaders: [("5", "5"), ("5", "5")] }
}

struct Round {
    _dir: tempfile::TempDir,
    dir: PathBuf,
    db: String,
}

impl Round {
    fn new() -> Round {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().to_path_buf();
        let db = path.join("round.db").to_string_lossy().into_owned();
        ok(&["init", "--db", &db, "--regulation", ID, "--year", "2024"]);
        let units = fixtures().join(ID).join("units.csv");
        ok(&["import", "units", "--db", &db, units.to_str().unwrap()]);
        for (name, role) in [("lanh-dao-1", "leader"), ("lanh-dao-2", "leader"), ("chu-tich", "chairman")] {
            ok(&["user", "add", "--db", &db, name, "--role", role, "--full-name", name]);
        }
        ok(&["user", "add", "--db", &db, "thu-ky", "--role", "secretary", "--full-name", "Thư ký"]);
        Round { _dir: dir, dir: path, db }
    }

    fn write(&self, name: &str, text: &str) -> String {
        let path = self.dir.join(name);
        std::fs::write(&path, text).unwrap();
        path.to_string_lossy().into_owned()
    }

    /// Imports every unit's appraisals (as the service account) and each leader's A.4 (as that leader).
    fn appraise(&self, units: &[Unit]) {
        let mut scores = String::from("unit,criterion,appraised_score,reason,applicable\n");
        let header = "unit,criterion,appraised_score,reason,leader\n";
        let mut leaders = [String::from(header), String::from(header)];
        for unit in units {
            let part_b: &[(&str, &str)] =
                if unit.code.starts_with("k1") || unit.code.starts_with("k2") { &B_ONE } else { &B_TWO };
            for (code, max) in PART_A.iter().chain(part_b) {
                let given = unit.changes.iter().find(|(c, _)| c == code).map(|(_, v)| *v);
                match given {
                    Some("n/a") => writeln!(scores, "{},{code},,,no", unit.code).unwrap(),
                    Some(value) => writeln!(scores, "{},{code},\"{value}\",trừ điểm,yes", unit.code).unwrap(),
                    None => writeln!(scores, "{},{code},{max},,yes", unit.code).unwrap(),
                }
            }
            for (n, (a41, a42)) in unit.leaders.iter().enumerate() {
                let leader = format!("lanh-dao-{}", n + 1);
                for (code, value) in [("A.4.1", a41), ("A.4.2", a42)] {
                    let reason = if *value == "5" { "" } else { "trừ điểm" };
                    writeln!(leaders[n], "{},{code},\"{value}\",{reason},{leader}", unit.code).unwrap();
                }
            }
        }
        let file = self.write("scores.csv", &scores);
        ok(&["import", "scores", "--db", &self.db, &file]);
        for (n, text) in leaders.iter().enumerate() {
            let file = self.write(&format!("leader-{n}.csv"), text);
            let user = format!("lanh-dao-{}", n + 1);
            ok(&["import", "scores", "--db", &self.db, "--user", &user, &file]);
        }
    }

    fn facts(&self, rows: &[(&str, &str, &str)]) {
        let mut text = String::from("unit,fact,value\n");
        for (unit, fact, value) in rows {
            writeln!(text, "{unit},{fact},{value}").unwrap();
        }
        let file = self.write("facts.csv", &text);
        ok(&["import", "facts", "--db", &self.db, "--user", "thu-ky", &file]);
    }

    fn rank(&self) -> Value {
        serde_json::from_str(&ok(&["rank", "--db", &self.db, "--json"])).unwrap()
    }

    /// `rank --json --lang en`: the same ranking, its reasons worded in English.
    fn rank_in_english(&self) -> Value {
        serde_json::from_str(&ok(&["rank", "--db", &self.db, "--json", "--lang", "en"])).unwrap()
    }
}

fn bloc<'a>(rank: &'a Value, code: &str) -> &'a Value {
    rank["blocs"].as_array().unwrap().iter().find(|b| b["bloc"] == code).unwrap_or_else(|| panic!("bloc {code}"))
}

/// Each unit of a bloc: (rank, total, level), by unit code.
fn units(rank: &Value, code: &str) -> BTreeMap<String, Value> {
    bloc(rank, code)["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| (u["unit"].as_str().unwrap().to_string(), u.clone()))
        .collect()
}

fn reasons(unit: &Value) -> String {
    unit["reasons"].as_array().unwrap().iter().map(|r| r.as_str().unwrap()).collect::<Vec<_>>().join("\n")
}

/// Khối I (12 units, quota ⌈15 % × 12⌉ = ⌈1,8⌉ = 2) and khối II (5 units, ⌈0,75⌉ = 1).
fn bloc_one_and_two() -> Vec<Unit> {
    vec![
        // 100 + bonus min(3 × 2, 5) = 105, capped at 100,0; every Part B criterion at its max; an initiative,
        // nobody disciplined: excellent.
        unit("k1-01", &[]),
        // 99,5 (A.2.2 at 2,5) + 0 − min(3 × 0,5 + 5 × 2 + 2 = 13,5, 10) = 89,5: good (below 90).
        unit("k1-02", &[("A.2.2", "2.5")]),
        // Exactly 90: A.1.1 and A.1.2 at 0, A.2.2 at 2 (A 21), B.5.2 at 4 (B 69): excellent at the threshold.
        unit("k1-03", &[("A.1.1", "0"), ("A.1.2", "0"), ("A.2.2", "2"), ("B.5.2", "4")]),
        // B.3.1 at 3,9: B.3 = 7,9 of 10 = 79 % < 80 %: not excellent (total 97,9): good.
        unit("k1-04", &[("B.3.1", "3.9")]),
        // B.1.1 typed as 80 % of plan: 0,8 × 15 = 12; total 97,0; no initiative recognised: good.
        unit("k1-05", &[("B.1.1", "80%")]),
        // Exactly 75: A.1–A.3 at 0 (−20), the leaders' A.4 at 4 + 4 (−2), B.4 at 2 of 5 (−3; 40 % < 50 %,
        // one criterion of five = 20 % ≤ 30 %): good at the threshold.
        Unit {
            code: "k1-06",
            changes: vec![
                ("A.1.1", "0"),
                ("A.1.2", "0"),
                ("A.2.1", "0"),
                ("A.2.2", "0"),
                ("A.3.1", "0"),
                ("A.3.2", "0"),
                ("B.4.1", "2"),
                ("B.4.2", "0"),
            ],
            leaders: [("4", "4"), ("4", "4")],
        },
        // B.4 at 2 of 5 and B.5 at 4 of 10: two criteria of five below 50 % = 40 % > 30 %: total 91,0 but
        // only completed.
        unit("k1-07", &[("B.4.1", "2"), ("B.4.2", "0"), ("B.5.1", "4"), ("B.5.2", "0")]),
        // 74,9: A.1–A.3 at 0 (−20), B.1.1 at 9,9 (−5,1): completed.
        unit(
            "k1-08",
            &[
                ("A.1.1", "0"),
                ("A.1.2", "0"),
                ("A.2.1", "0"),
                ("A.2.2", "0"),
                ("A.3.1", "0"),
                ("A.3.2", "0"),
                ("B.1.1", "9.9"),
            ],
        ),
        // 49,9: A.1–A.3 at 0 (−20), B.1.1 at 0 (−15), B.1.2 at 0,9 (−14,1), B.3.1 at 5 (−1): not completed.
        unit(
            "k1-09",
            &[
                ("A.1.1", "0"),
                ("A.1.2", "0"),
                ("A.2.1", "0"),
                ("A.2.2", "0"),
                ("A.3.1", "0"),
                ("A.3.2", "0"),
                ("B.1.1", "0"),
                ("B.1.2", "0.9"),
                ("B.3.1", "5"),
            ],
        ),
        // 99,9 (B.5.2 at 4,9), a member of staff prosecuted (Điều 6.2): not completed.
        unit("k1-10", &[("B.5.2", "4.9")]),
        // 99,8, the head warned (Điều 6.1: cảnh cáo trở lên): neither excellent nor good: completed.
        unit("k1-11", &[("B.5.2", "4.8")]),
        // Leaders: A.4.1 5 and 4 (mean 4,5); B.5.2 4,7: 100 − 0,5 − 0,3 = 99,2; the head reprimanded only
        // (khiển trách, below cảnh cáo) and no initiative: good.
        Unit { code: "k1-12", changes: vec![("B.5.2", "4.7")], leaders: [("5", "5"), ("4", "5")] },
        // B.2.2.2 at 0,6 (20 % of 3) but B.2 = 4 + 2 + 2 + 4 + 0,6 = 12,6 of 15 = 84 %: a component below 80 %
        // inside a criterion at 80 % does not block: 97,6, excellent (quota 1).
        unit("k2-01", &[("B.2.2.2", "0.6")]),
        // B.4 not applicable (Điều 3.3): its 5 points go to B.1, whose components typed as 80 % of plan give
        // 12 + 12 = 24 of 30, so B.1 = 24 × 35 / 30 = 28 (80 % of 35, at the excellent line);
        // B = 28 + 15 + 10 + 10 = 63; total 93,0: meets excellent, but khối II's quota of 1 goes to k2-01.
        unit("k2-02", &[("B.4.1", "n/a"), ("B.4.2", "n/a"), ("B.1.1", "80%"), ("B.1.2", "80%")]),
        unit("k2-03", &[("B.5.2", "1")]),
        unit("k2-04", &[("B.5.2", "2")]),
        unit("k2-05", &[("B.5.2", "3")]),
    ]
}

#[test]
fn a_round_of_the_synthetic_regulation_from_csv_to_approval() {
    let round = Round::new();
    round.appraise(&bloc_one_and_two());
    round.facts(&[
        ("k1-01", "models_recognized", "3"),
        ("k1-01", "initiative_recognized", "true"),
        ("k1-02", "late_reports", "3"),
        ("k1-02", "inspection_violations", "5"),
        ("k1-02", "late_dossier", "true"),
        ("k1-03", "initiative_recognized", "true"),
        ("k1-04", "initiative_recognized", "true"),
        ("k1-07", "initiative_recognized", "true"),
        ("k1-10", "initiative_recognized", "true"),
        ("k1-10", "staff_prosecuted", "true"),
        ("k1-11", "initiative_recognized", "true"),
        ("k1-11", "leader_discipline", "warning"),
        ("k1-12", "leader_discipline", "reprimand"),
        ("k2-01", "initiative_recognized", "true"),
        ("k2-02", "initiative_recognized", "true"),
    ]);
    let rank = round.rank();
    assert_eq!(bloc(&rank, "khoi-1")["quota"], 2, "⌈15 % × 12⌉ = 2");
    assert_eq!(bloc(&rank, "khoi-2")["quota"], 1, "⌈15 % × 5⌉ = 1");
    assert_eq!(bloc(&rank, "khoi-3")["quota"], 3, "⌈15 % × 14⌉ = ⌈2,1⌉ = 3");
    assert_eq!(bloc(&rank, "khoi-4")["quota"], 1, "⌈15 % × 2⌉ = ⌈0,3⌉ = 1");
    let one = units(&rank, "khoi-1");
    let expected = [
        ("k1-01", "100.0", "excellent"),
        ("k1-02", "89.5", "good"),
        ("k1-03", "90.0", "excellent"),
        ("k1-04", "97.9", "good"),
        ("k1-05", "97.0", "good"),
        ("k1-06", "75.0", "good"),
        ("k1-07", "91.0", "completed"),
        ("k1-08", "74.9", "completed"),
        ("k1-09", "49.9", "not_completed"),
        ("k1-10", "99.9", "not_completed"),
        ("k1-11", "99.8", "completed"),
        ("k1-12", "99.2", "good"),
    ];
    for (code, total, level) in expected {
        let unit = &one[code];
        assert_eq!(
            (unit["total"].as_str().unwrap(), unit["level"].as_str().unwrap()),
            (total, level),
            "{code}: {unit}"
        );
        assert_eq!(unit["provisional"], false, "{code}");
    }
    // Bonus and penalty are the capped values, as strings.
    assert_eq!((one["k1-01"]["bonus"].as_str(), one["k1-01"]["penalty"].as_str()), (Some("5"), Some("0")));
    assert_eq!((one["k1-02"]["bonus"].as_str(), one["k1-02"]["penalty"].as_str()), (Some("0"), Some("10")));
    assert!(reasons(&one["k1-01"]).contains("điểm thưởng 5"), "{}", reasons(&one["k1-01"]));
    assert!(reasons(&one["k1-02"]).contains("điểm trừ 10"), "{}", reasons(&one["k1-02"]));
    // The conditions name what the unit shows.
    assert!(reasons(&one["k1-04"]).contains("B.3: 7,9/10"), "{}", reasons(&one["k1-04"]));
    assert!(reasons(&one["k1-07"]).contains("2/5 tiêu chí dưới 50% điểm tối đa"), "{}", reasons(&one["k1-07"]));
    assert!(reasons(&one["k1-10"]).contains("truy cứu trách nhiệm hình sự"), "{}", reasons(&one["k1-10"]));
    // Điều 6.3 is a condition of blocs III and IV only: never named for a unit of khối I.
    assert!(!reasons(&one["k1-01"]).contains("điểm nóng"), "{}", reasons(&one["k1-01"]));
    // The official total has one decimal (Điều 3.2) and no further decimal is a tie key.
    assert!(one.values().all(|u| u.get("total3").is_none()));
    // In English, the same reasons with the point (issue 22.15).
    let english = units(&round.rank_in_english(), "khoi-1");
    let said =
        |code: &str, words: &str| assert!(reasons(&english[code]).contains(words), "{}", reasons(&english[code]));
    said("k1-01", "bonus 5; penalty 0");
    said("k1-02", "penalty 10");
    said("k1-04", "B.3: 7.9/10");
    said("k1-07", "2/5 criteria below 50% of their maximum");
    said("k1-10", "Not completed: ");
    assert!(!reasons(&english["k1-02"]).contains("điểm trừ"), "{}", reasons(&english["k1-02"]));

    let two = units(&rank, "khoi-2");
    assert_eq!((two["k2-01"]["total"].as_str(), two["k2-01"]["level"].as_str()), (Some("97.6"), Some("excellent")));
    assert_eq!((two["k2-02"]["total"].as_str(), two["k2-02"]["level"].as_str()), (Some("93.0"), Some("good")));

    // Two more units in khối II: ⌈15 % × 7⌉ = ⌈1,05⌉ = 2, and k2-02 takes the second place.
    let more = round.write(
        "more.csv",
        "code,name,bloc,group\nk2-06,Đơn vị sáu (giả lập),khoi-2,\nk2-07,Đơn vị bảy (giả lập),khoi-2,\n",
    );
    ok(&["import", "units", "--db", &round.db, &more]);
    let rank = round.rank();
    assert_eq!(bloc(&rank, "khoi-2")["quota"], 2, "⌈15 % × 7⌉ = 2: adding units moves the quota");
    assert_eq!(units(&rank, "khoi-2")["k2-02"]["level"], "excellent");

    approved_then_re_rated(&round);
}

/// Khối I is whole: the chairman approves it. Then re-rated: one late report found (0,5 penalty) takes k1-06 from
/// 75,0 to 74,5, completed. The text has no article of re-rating (2610's is Điều 10.4): the reasons say it was
/// re-rated and cite none.
fn approved_then_re_rated(round: &Round) {
    ok(&["approve", "--db", &round.db, "--user", "chu-tich", "--bloc", "khoi-1"]);
    assert_eq!(units(&round.rank(), "khoi-1")["k1-03"]["level"], "excellent");
    let (db, why) = (round.db.as_str(), "Phát hiện báo cáo chậm hạn sau khi công bố");
    let fact = ["--fact", "late_reports", "--value", "1"];
    ok(&[&["rerate", "--db", db, "--user", "chu-tich", "--unit", "k1-06", "--reason", why][..], &fact].concat());
    let six = &units(&round.rank(), "khoi-1")["k1-06"];
    assert_eq!(six["level"], "completed", "{six}");
    assert!(reasons(six).contains("Kết quả sau xếp loại lại: hạng "), "{}", reasons(six));
    let six = &units(&round.rank_in_english(), "khoi-1")["k1-06"];
    assert!(reasons(six).contains("Result after re-rating: rank "), "{}", reasons(six));
    assert!(!reasons(six).contains("10.4"), "{}", reasons(six));
    // Approved is approved: approving again, or importing into the bloc, says a change is now a re-rating, and
    // cites no article the text does not have.
    let again = refused(&["approve", "--db", db, "--user", "chu-tich", "--bloc", "khoi-1"]);
    let late = round.write("late.csv", "unit,fact,value\nk1-02,late_reports,1\n");
    let frozen = refused(&["import", "facts", "--db", db, "--user", "thu-ky", &late]);
    for why in [again, frozen] {
        assert!(why.contains("xếp loại lại") && !why.contains("10.4"), "{why}");
    }
}

/// B.2 has three levels: the reasons (`rank --json` in both languages, `result`) give every level's subtotal.
#[test]
fn reasons_give_every_level_of_a_three_level_criterion() {
    let round = Round::new();
    round.appraise(&bloc_one_and_two());
    let two = units(&round.rank(), "khoi-2");
    // k2-01: B.2.2.2 at 0,6, so B.2.2 = 4 + 0,6 = 4,6 of 7 and B.2 = 8 + 4,6 = 12,6 of 15; a criterion of two
    // levels (B.3) has no such reason.
    let levels = "Điểm từng cấp của tiêu chí B.2: 12,6/15 › B.2.1 8/8 › B.2.1.1 4/4, B.2.1.2 2/2, B.2.1.3 2/2; \
                  B.2.2 4,6/7 › B.2.2.1 4/4, B.2.2.2 0,6/3";
    assert!(reasons(&two["k2-01"]).contains(levels), "{}", reasons(&two["k2-01"]));
    assert!(!reasons(&two["k2-01"]).contains("tiêu chí B.3:"), "{}", reasons(&two["k2-01"]));
    let english = units(&round.rank_in_english(), "khoi-2");
    assert!(
        reasons(&english["k2-01"]).contains("Criterion B.2 level by level: 12.6/15 › B.2.1 8/8 › B.2.1.1 4/4"),
        "{}",
        reasons(&english["k2-01"])
    );
    let result = ok(&["result", "--db", &round.db, "--user", "thu-ky", "--unit", "k2-01"]);
    assert!(result.contains(levels), "{result}");
}

#[test]
fn a_score_on_a_criterion_with_children_is_refused_and_the_fact_of_blocs_three_and_four_stays_there() {
    let round = Round::new();
    let file = round.write("b21.csv", "unit,criterion,appraised_score,reason\nk1-01,B.2.1,8,\n");
    let error = refused(&["import", "scores", "--db", &round.db, &file]);
    assert!(error.contains("B.2.1"), "{error}");
    let file = round.write("hot.csv", "unit,fact,value\nk1-01,hotspot,true\n");
    let error = refused(&["import", "facts", "--db", &round.db, &file]);
    assert!(error.contains("hotspot") && error.contains("khoi-3"), "{error}");
}

/// Khối III (14 xã, quota 3) and khối IV: ties by Part B, then B.1 (Điều 8), and Điều 6.3's hotspot.
#[test]
fn ties_go_by_part_b_then_b1_and_a_hotspot_bars_good_in_blocs_three_and_four() {
    let round = Round::new();
    round.appraise(&[
        // 95,0 with A at 25 (A.1.1 0, A.1.2 3) and B at 70.
        unit("k3-01", &[("A.1.1", "0"), ("A.1.2", "3")]),
        // 95,0 with A at 30 and B at 65 (B.3.1 at 3): equal total, lower Part B: below k3-01.
        unit("k3-02", &[("B.3.1", "3")]),
        // 90,0: A 25, B 65 with B.1 at 15 (B.1.1 at 5).
        unit("k3-03", &[("A.1.1", "0"), ("A.1.2", "3"), ("B.1.1", "5")]),
        // 90,0: A 25, B 65 with B.1 at 20 (B.3.1 at 3): equal total and Part B, higher B.1: above k3-03.
        unit("k3-04", &[("A.1.1", "0"), ("A.1.2", "3"), ("B.3.1", "3")]),
        // 100: a hotspot (Điều 6.3) bars good and above: completed.
        unit("k3-05", &[]),
        // 100 in khối IV with a hotspot too: completed; the other thị trấn at 99,0 excellent.
        unit("k4-01", &[]),
        unit("k4-02", &[("B.5.2", "4")]),
    ]);
    round.facts(&[
        ("k3-05", "hotspot", "true"),
        ("k3-05", "initiative_recognized", "true"),
        ("k4-01", "hotspot", "true"),
        ("k4-01", "initiative_recognized", "true"),
        ("k4-02", "initiative_recognized", "true"),
    ]);
    let rank = round.rank();
    let three = units(&rank, "khoi-3");
    let rank_of = |code: &str| three[code]["rank"].as_u64().unwrap();
    assert!(rank_of("k3-01") < rank_of("k3-02"));
    assert_eq!(three["k3-02"]["tie_key"], "part:B");
    assert!(reasons(&three["k3-02"]).contains("Phần B"), "{}", reasons(&three["k3-02"]));
    assert!(rank_of("k3-04") < rank_of("k3-03"));
    assert_eq!(three["k3-03"]["tie_key"], "criterion:B.1");
    assert_eq!(three["k3-05"]["level"], "completed");
    assert!(reasons(&three["k3-05"]).contains("điểm nóng"), "{}", reasons(&three["k3-05"]));
    // The tie's reason in English names the key and its numbers with the point.
    let english = units(&round.rank_in_english(), "khoi-3");
    let tie = reasons(&english["k3-02"]);
    assert!(tie.contains("Equal total 95.0 with unit k3-01; ranked below on the score of part B, lower"), "{tie}");
    assert!(!tie.contains("Bằng tổng điểm"), "{tie}");
    let four = units(&rank, "khoi-4");
    assert_eq!(four["k4-01"]["level"], "completed");
    assert_eq!((four["k4-02"]["total"].as_str(), four["k4-02"]["level"].as_str()), (Some("99.0"), Some("excellent")));
}

#[test]
fn the_synthetic_regulation_is_shown_with_every_level_of_its_criteria() {
    let shown = ok(&["regulations", "show", ID]);
    for line in [
        "    B.2 Cải cách hành chính, chuyển đổi số — 15 điểm",
        "      B.2.1 Cải cách thủ tục hành chính — 8 điểm",
        "        B.2.1.1 Tỷ lệ hồ sơ giải quyết đúng hạn — 4 điểm",
        "      B.2.2 Chuyển đổi số — 7 điểm",
        "        B.2.2.2 Cập nhật cơ sở dữ liệu chuyên ngành — 3 điểm",
    ] {
        assert!(shown.lines().any(|l| l == line), "{line:?} missing:\n{shown}");
    }
    assert!(shown.contains("(Thường trực Huyện ủy, HĐND, lãnh đạo UBND huyện chấm)"), "{shown}");
    assert!(shown.contains("[GIẢ LẬP]"));
    // Listed beside the built-in regulations, not instead of them.
    let listed = ok(&["regulations"]);
    for id in ["bac-giang-453", "thai-nguyen-2024", ID] {
        assert!(listed.lines().any(|line| line.starts_with(id)), "{id}: {listed}");
    }
}

/// A copy of the fixture in a new folder with `file` edited (every `from` replaced by `to`), checked with
/// `regulations check`: the refusal's text.
fn check_edited(file: &str, from: &str, to: &str) -> String {
    check_edits(&[(file, from, to)])
}

/// A copy of the fixture's folder under `dir`: its path.
fn copy_of_the_fixture(dir: &Path) -> PathBuf {
    let target = dir.join(ID);
    std::fs::create_dir_all(target.join("frameworks")).unwrap();
    let source = fixtures().join(ID);
    for name in ["regulation.toml", "agencies.toml", "blocs.toml", "units.csv"] {
        std::fs::copy(source.join(name), target.join(name)).unwrap();
    }
    for name in ["phan-a.toml", "phu-luc-1-phan-b.toml", "phu-luc-2-phan-b.toml"] {
        std::fs::copy(source.join("frameworks").join(name), target.join("frameworks").join(name)).unwrap();
    }
    target
}

/// `check_edited` with several edits (each file edited in turn).
fn check_edits(edits: &[(&str, &str, &str)]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let target = copy_of_the_fixture(dir.path());
    for (file, from, to) in edits {
        let path = target.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{from}");
        std::fs::write(&path, text.replace(from, to)).unwrap();
    }
    refused(&["regulations", "check", target.to_str().unwrap()])
}

#[test]
fn bad_data_is_refused_naming_file_line_and_key() {
    let target = fixtures().join(ID);
    let summary = ok(&["regulations", "check", target.to_str().unwrap()]);
    assert!(summary.contains("B.2.1"), "{summary}");
    let cases = [
        // A key the schema does not know.
        (
            "regulation.toml",
            "percent_input = true",
            "percent_input = true\npercent_inputs = true",
            "regulation.toml:8",
            "percent_inputs",
        ),
        // A ratio outside [0, 1].
        ("regulation.toml", "ratio = \"0.8\"", "ratio = \"80\"", "regulation.toml", "ratio 80"),
        // A tie key naming a part no framework has.
        ("regulation.toml", "\"part:B\"", "\"part:C\"", "regulation.toml:15", "part:C"),
        // A cap with no item earning those points.
        ("regulation.toml", "\nbonus = \"", "\n# bonus = \"", "regulation.toml", "bonus_cap"),
        // A bloc scope naming an unknown bloc.
        (
            "regulation.toml",
            "blocs = [\"khoi-3\", \"khoi-4\"]\n",
            "blocs = [\"khoi-3\", \"khoi-9\"]\n",
            "regulation.toml",
            "khoi-9",
        ),
        // A sub-criterion whose children do not sum to it (B.2.1: 4 + 2 + 2 = 8, made 9).
        ("frameworks/phu-luc-1-phan-b.toml", "max = \"8\"", "max = \"9\"", "phu-luc-1-phan-b.toml", "B.2.1"),
    ];
    for (file, from, to, place, key) in cases {
        let error = check_edited(file, from, to);
        assert!(error.contains(place) && error.contains(key), "{file}: {to:?}: {error}");
    }
}

fn args(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

/// The chairman's decision beyond the quota (Điều 7.2): only the chairman, only on a unit that meets every
/// condition of excellent but the quota, with a reason, audited; withdrawn while the bloc is open; shown as such
/// in `rank` (the bloc's quota stays the computed one) and in the unit's reasons; frozen once approved.
#[test]
fn the_chairman_rates_a_unit_excellent_beyond_the_quota_where_the_text_allows_it() {
    let round = Round::new();
    round.appraise(&bloc_one_and_two());
    round.facts(&[("k2-01", "initiative_recognized", "true"), ("k2-02", "initiative_recognized", "true")]);
    let db = round.db.as_str();
    let before = round.rank();
    assert_eq!(units(&before, "khoi-2")["k2-02"]["level"], "good", "k2-02 meets excellent but the quota is 1");
    let exceed = |user: &str, unit: &str, reason: &str| {
        vec!["exceed-quota", "--db", db, "--user", user, "--unit", unit, "--reason", reason]
            .into_iter()
            .map(str::to_string)
            .collect::<Vec<String>>()
    };
    // The secretary may not; a unit already in the quota needs no exception; one short of a condition cannot
    // have one; a reason is needed. None of these changes anything.
    let secretary = exceed("thu-ky", "k2-02", "Thành tích đặc biệt xuất sắc");
    assert!(refused(&args(&secretary)).contains("Chủ tịch"));
    let within = exceed("chu-tich", "k2-01", "Thành tích đặc biệt xuất sắc");
    assert!(refused(&args(&within)).contains("đang trong chỉ tiêu"));
    let short = exceed("chu-tich", "k2-03", "Thành tích đặc biệt xuất sắc");
    assert!(refused(&args(&short)).contains("chưa đủ mọi điều kiện"));
    let blank = exceed("chu-tich", "k2-02", "  ");
    assert!(refused(&args(&blank)).contains("cần lý do quyết định ngoài tỷ lệ"));
    assert_eq!(round.rank(), before, "a refused decision changes nothing");

    let decided = exceed("chu-tich", "k2-02", "Mô hình chuyển đổi số được tỉnh nhân rộng");
    let said = ok(&args(&decided));
    assert!(said.contains("ngoài tỷ lệ (Điều 7.2)"), "{said}");
    let rank = round.rank();
    let two = units(&rank, "khoi-2");
    assert_eq!(bloc(&rank, "khoi-2")["quota"], 1, "the quota stays the computed one");
    assert_eq!(
        (two["k2-02"]["level"].as_str(), two["k2-02"]["quota_exception"].as_bool()),
        (Some("excellent"), Some(true))
    );
    assert_eq!(two["k2-01"]["level"], "excellent", "the exception takes no place of the quota");
    assert!(two["k2-01"].get("quota_exception").is_none());
    let why = reasons(&two["k2-02"]);
    assert!(why.contains("ngoài tỷ lệ") && why.contains("Điều 7.2") && why.contains("nhân rộng"), "{why}");
    let table = ok(&["rank", "--db", db]);
    assert!(table.lines().any(|l| l.contains("k2-02") && l.contains("(ngoài tỷ lệ)")), "{table}");
    assert!(refused(&args(&decided)).contains("đã được Chủ tịch quyết định"));
    let log = ok(&["audit", "log", "--db", db, "--unit", "k2-02"]);
    assert!(log.contains("Quyết định ngoài tỷ lệ") && log.contains("nhân rộng"), "{log}");

    // Withdrawn with a reason while the bloc is open: k2-02 is good again.
    let mut undo = exceed("chu-tich", "k2-02", "Rút để xem xét lại");
    undo.push("--undo".into());
    ok(&args(&undo));
    assert_eq!(units(&round.rank(), "khoi-2")["k2-02"]["level"], "good");
    assert!(refused(&args(&undo)).contains("không có quyết định ngoài tỷ lệ"));

    // Decided again, the bloc approved: the decision stands in the published result and can no longer be withdrawn.
    ok(&args(&decided));
    ok(&["approve", "--db", db, "--user", "chu-tich", "--bloc", "khoi-2"]);
    let two = units(&round.rank(), "khoi-2");
    assert_eq!(
        (two["k2-02"]["level"].as_str(), two["k2-02"]["quota_exception"].as_bool()),
        (Some("excellent"), Some(true))
    );
    assert!(refused(&args(&undo)).contains("đã được phê duyệt"));
    let verified = ok(&["audit", "verify", "--db", db]);
    assert!(!verified.is_empty());
}

/// Neither seed's text lets the chairman decide beyond its quota (2610 Điều 6.4.b, 453 Điều 6: *không vượt
/// quá 20 %*, nothing more): the command is refused, naming the regulation.
#[test]
fn the_seeds_allow_no_decision_beyond_the_quota() {
    for regulation in ["thai-nguyen-2024", "bac-giang-453"] {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("round.db").to_string_lossy().into_owned();
        ok(&["init", "--db", &db, "--regulation", regulation, "--year", "2024"]);
        let said = refused(&["exceed-quota", "--db", &db, "--unit", "snv", "--reason", "Thành tích"]);
        assert!(said.contains(regulation) && said.contains("không cho phép"), "{said}");
    }
}

/// `regulations check` reports every problem of a folder at once, each with its file, line and key: five
/// mistakes in two files, none hiding another.
#[test]
fn regulations_check_reports_every_problem_at_once() {
    let error = check_edits(&[
        // A key the schema does not know (line 8).
        ("regulation.toml", "percent_input = true", "percent_input = true\npercent_inputs = true"),
        // The quota's rate outside [0, 1].
        ("regulation.toml", "rate = \"0.15\"", "rate = \"15\""),
        // A tie key naming a part no framework has.
        ("regulation.toml", "\"part:B\"", "\"part:C\""),
        // A fact scoped to a bloc that does not exist.
        ("regulation.toml", "blocs = [\"khoi-3\", \"khoi-4\"]\n", "blocs = [\"khoi-3\", \"khoi-9\"]\n"),
        // B.2.1's children (4 + 2 + 2) no longer sum to it.
        ("frameworks/phu-luc-1-phan-b.toml", "max = \"8\"", "max = \"9\""),
        // A condition's ratio outside [0, 1] (line 148 once a line is added above), and a condition naming a fact
        // that is not declared (line 150): checked beside the faults above, not only once they are fixed.
        ("regulation.toml", "ratio = \"0.8\"", "ratio = \"80\""),
        ("regulation.toml", "fact = \"staff_disciplined\"", "fact = \"staff_discipline\""),
    ]);
    let expected = [
        ("regulation.toml:8", "percent_inputs"),
        ("regulation.toml", "quota.rate 15"),
        ("regulation.toml", "part:C"),
        ("regulation.toml", "khoi-9"),
        ("phu-luc-1-phan-b.toml", "B.2.1"),
        ("regulation.toml:148", "key ratio: ratio 80 must be a share in [0, 1]"),
        ("regulation.toml:150", "key fact: fact staff_discipline is not declared"),
    ];
    for (place, key) in expected {
        assert!(error.lines().any(|line| line.contains(place) && line.contains(key)), "{place} {key}: {error}");
    }
    assert!(error.lines().filter(|line| line.contains(".toml:")).count() >= 7, "{error}");
}

/// The workbook with every formula's cached result taken out, so an office suite must compute each one itself.
fn without_cached_results(file: &Path, out: &Path) {
    use std::io::{Read, Write as _};
    let mut archive = zip::ZipArchive::new(std::fs::File::open(file).unwrap()).unwrap();
    let mut writer = zip::ZipWriter::new(std::fs::File::create(out).unwrap());
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).unwrap();
        let name = entry.name().unwrap().into_owned();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        if name.starts_with("xl/worksheets/") {
            let text = String::from_utf8(bytes).unwrap();
            let mut kept = String::new();
            let mut rest = text.as_str();
            while let Some(at) = rest.find("</f><v>") {
                kept.push_str(&rest[..at + "</f>".len()]);
                let after = &rest[at + "</f><v>".len()..];
                rest = &after[after.find("</v>").unwrap() + "</v>".len()..];
            }
            kept.push_str(rest);
            bytes = kept.into_bytes();
        }
        writer.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        writer.write_all(&bytes).unwrap();
    }
    writer.finish().unwrap();
}

/// The score sheet of the synthetic regulation shows every level on the row carrying its code (B.2 › B.2.1 ›
/// B.2.1.1), each middle level's subtotal by formula; LibreOffice, computing every formula itself, finds the
/// program's figures: B.2.2 = 4 + 0,6 = 4,6 and B.2 = 8 + 4,6 = 12,6 for k2-01; for k2-02, whose B.4 is not
/// applicable, B.1 = 24 × 35 / 30 = 28 and the total 93.
#[test]
fn the_score_sheet_shows_every_middle_level_and_an_office_suite_computes_the_programs_figures() {
    let round = Round::new();
    round.appraise(&bloc_one_and_two());
    for (unit, expected) in [
        ("k2-01", vec![("B.2.1", 8.0), ("B.2.2", 4.6), ("B.2", 12.6), ("B", 67.6)]),
        ("k2-02", vec![("B.2.1", 8.0), ("B.2.2", 7.0), ("B.1", 28.0), ("B", 63.0)]),
    ] {
        let file = round.dir.join(format!("{unit}.xlsx"));
        ok(&["export", "sheet", "--db", &round.db, "--unit", unit, "--out", file.to_str().unwrap()]);
        // The program's own figures, as cached in the file.
        let mut book: calamine::Xlsx<_> = calamine::open_workbook(&file).unwrap();
        let name = book.sheet_names()[0].clone();
        let cells = book.worksheet_range(&name).unwrap();
        let row_of = |cells: &calamine::Range<calamine::Data>, code: &str| {
            (0..cells.height()).find(|&r| {
                cells.rows().nth(r).unwrap().iter().any(|c| matches!(c, calamine::Data::String(s) if s == code))
            })
        };
        for (code, _) in &expected {
            assert!(row_of(&cells, code).is_some(), "{unit}: no row carries {code}");
        }
        // The title and the columns in the regulation's words (`[sheet]`), not the seeds' (453's *Điểm chuẩn*).
        let all: Vec<String> = cells.rows().take(10).flatten().map(ToString::to_string).collect();
        assert!(
            all.iter().any(|t| t.starts_with("BIỂU CHẤM ĐIỂM ĐÁNH GIÁ, XẾP LOẠI MỨC ĐỘ HOÀN THÀNH NHIỆM VỤ NĂM 2024")),
            "{all:?}"
        );
        for header in ["Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Điểm thẩm định"] {
            assert!(all.iter().any(|t| t == header), "{header}: {all:?}");
        }
        assert!(!all.iter().any(|t| t == "Điểm chuẩn" || t == "Tiêu chí đánh giá"), "{all:?}");
        if !thamdinh_tools_available() {
            continue;
        }
        let bare = round.dir.join(format!("{unit}-bare.xlsx"));
        without_cached_results(&file, &bare);
        let out = round.dir.join(format!("{unit}-calc"));
        let done = Command::new("soffice")
            .args(["--headless", "--convert-to", "csv", "--outdir", out.to_str().unwrap(), bare.to_str().unwrap()])
            .env("HOME", &round.dir)
            .output()
            .expect("run soffice");
        assert!(done.status.success(), "{}", String::from_utf8_lossy(&done.stderr));
        // The export's text is in the system's code page; the codes and numbers read alike in any.
        let csv = String::from_utf8_lossy(&std::fs::read(out.join(format!("{unit}-bare.csv"))).unwrap()).into_owned();
        for (code, value) in &expected {
            let fields = csv
                .lines()
                .map(csv_fields)
                .find(|fields| fields.last().map(String::as_str) == Some(code))
                .unwrap_or_else(|| panic!("{unit}: {code} not in\n{csv}"));
            let line = fields.join(" | ");
            // The appraised column is the fifth (STT, name, max, self, appraised).
            let appraised: f64 = fields[4].parse().unwrap_or(f64::NAN);
            assert!(
                (appraised - value).abs() < 1e-9,
                "{unit} {code}: LibreOffice computed {appraised}, the program {value}: {line}"
            );
        }
    }
}

/// LibreOffice is here (under `CI=true` its absence fails the test rather than skipping it).
fn thamdinh_tools_available() -> bool {
    let found = Command::new("soffice").arg("--version").output().is_ok_and(|o| o.status.success());
    assert!(found || std::env::var("CI").as_deref() != Ok("true"), "soffice is needed under CI=true");
    found
}

/// A CSV line's fields (quoted fields may hold commas).
fn csv_fields(line: &str) -> Vec<String> {
    let (mut fields, mut field, mut quoted) = (Vec::new(), String::new(), false);
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(std::mem::take(&mut field)),
            _ => field.push(c),
        }
    }
    fields.push(field);
    fields
}

/// The leaders' role is named in the regulation's words (`leaders_name`, Điều 3.4) in `user list`; the seeds
/// keep *Lãnh đạo UBND tỉnh*.
#[test]
fn the_leaders_role_is_named_as_the_regulation_names_it() {
    let round = Round::new();
    let list = ok(&["user", "list", "--db", &round.db]);
    let leader = list.lines().find(|l| l.starts_with("lanh-dao-1 ")).unwrap();
    assert!(leader.contains("Thường trực Huyện ủy, HĐND, lãnh đạo UBND huyện"), "{list}");
    assert!(!list.contains("Lãnh đạo UBND tỉnh"), "{list}");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("seed.db").to_string_lossy().into_owned();
    ok(&["init", "--db", &db, "--regulation", "thai-nguyen-2024", "--year", "2024"]);
    ok(&["user", "add", "--db", &db, "lanh-dao-1", "--role", "leader", "--full-name", "Nguyễn Văn A"]);
    let list = ok(&["user", "list", "--db", &db]);
    assert!(list.lines().any(|l| l.starts_with("lanh-dao-1 ") && l.contains(" Lãnh đạo UBND tỉnh ")), "{list}");
}

/// The demo generator leaves alone what the leaders score (A.4 here, Điều 3.4; group I of 2610, Điều 6.2.b): no
/// self-score, no explanation, no evidence there, while every other component gets all three as before.
#[test]
fn the_demo_gives_no_self_assessment_on_what_the_leaders_score() {
    use thamdinh::store::rows::UnitRow;
    let synthetic = thamdinh::store::catalog::read_folder(&fixtures().join(ID));
    let seed = thamdinh::store::catalog::files("thai-nguyen-2024").unwrap();
    for (folder, files) in [(ID, synthetic), ("thai-nguyen-2024", seed)] {
        let regulation = thamdinh::domain::loader::load_regulation(folder, &files).unwrap();
        let units: Vec<UnitRow> = (0..40)
            .map(|i| {
                let bloc = regulation.blocs[i % regulation.blocs.len()].code.clone();
                UnitRow { code: format!("dv{i:02}"), name: format!("Đơn vị {i}"), bloc, group: None }
            })
            .collect();
        let generated =
            thamdinh::store::generate::generate(&regulation, &units, 2024, 70, thamdinh::store::generate::GENERATOR);
        let by_leaders = |unit: &str, code: &str| {
            let bloc = &units.iter().find(|u| u.code == unit).unwrap().bloc;
            regulation.framework_for(bloc, None).unwrap().component(code).unwrap().criterion.scored_by_leaders
        };
        let (mut leaders, mut others) = (0, 0);
        for row in &generated.scores {
            if by_leaders(&row.unit, &row.criterion) {
                leaders += 1;
                assert_eq!((row.self_score, row.explanation.as_str()), (None, ""), "{folder}: {row:?}");
            } else {
                others += 1;
                assert!(row.self_score.is_some() && !row.explanation.is_empty(), "{folder}: {row:?}");
            }
        }
        assert!(leaders > 0 && others > 0, "{folder}: {leaders} leaders' rows, {others} others");
        assert!(generated.scores.iter().any(|r| by_leaders(&r.unit, &r.criterion) && r.appraised.is_some()));
        assert!(!generated.evidence.is_empty(), "{folder}");
        for row in &generated.evidence {
            assert!(!by_leaders(&row.unit, &row.criterion), "{folder}: evidence on {row:?}");
        }
    }
}

/// The leaders are named in the regulation's words (Điều 3.4) wherever a person reads them: the confirmation of
/// `user add`, the refusals of what they may not score and of a unit's self-score on A.4, of the leaders' agency's
/// people added as members or with an agency, and the history's actions and users. No *tỉnh* (a province)
/// anywhere in them, nor *provincial* in English.
#[test]
fn confirmations_refusals_and_the_history_name_the_leaders_as_the_regulation_does() {
    const LEADERS: &str = "Thường trực Huyện ủy, HĐND, lãnh đạo UBND huyện";
    let round = Round::new();
    let db = round.db.as_str();
    let added = ok(&["user", "add", "--db", db, "lanh-dao-3", "--role", "leader", "--full-name", "Lê Văn C"]);
    assert!(added.contains(LEADERS) && !added.contains("tỉnh"), "{added}");
    // A leader's score on a criterion the leaders do not score (the `leader` column), and a leader appraising it.
    let column =
        round.write("column.csv", "unit,criterion,appraised_score,reason,leader\nk1-01,B.1.1,15,,lanh-dao-1\n");
    let plain = round.write("plain.csv", "unit,criterion,appraised_score\nk1-01,B.1.1,15\n");
    // A unit's self-score on A.4, which the leaders score.
    let own = round.write("own.csv", "unit,criterion,self_score,explanation\nk1-01,A.4.1,5,Tự chấm\n");
    // A leader's column naming someone who is not one of them.
    let ghost = round.write("ghost.csv", "unit,criterion,appraised_score,reason,leader\nk1-01,A.4.1,5,,thu-ky\n");
    for lang in ["vi", "en"] {
        for (user, file) in [("lanh-dao-1", &column), ("lanh-dao-1", &plain), ("admin", &own), ("admin", &ghost)] {
            let mut args = vec!["--lang", lang, "import", "scores", "--db", db, file.as_str()];
            if user != "admin" {
                args.extend(["--user", user]);
            }
            let why = refused(&args);
            assert!(why.contains(LEADERS) && !why.contains("tỉnh") && !why.contains("provincial"), "{file}: {why}");
        }
        // The leaders' own agency (lanh-dao-huyen) appraises nothing itself: its people are added as leaders,
        // and a leader acts for no agency (in English the role's name: a leader).
        for role in ["member", "leader"] {
            let args = ["--lang", lang, "user", "add", "--db", db, "x", "--role", role, "--agency", "lanh-dao-huyen"];
            let why = refused(&args);
            let named = why.contains(LEADERS) || (lang, role) == ("en", "leader");
            assert!(named && !why.contains("tỉnh") && !why.contains("provincial"), "{role}: {why}");
        }
    }
    // The history: the leaders' scores and the users added, by the regulation's words.
    round.appraise(&[unit("k1-01", &[])]);
    let log = ok(&["audit", "log", "--db", db]);
    assert!(log.contains(&format!("{LEADERS} chấm điểm")), "{log}");
    assert!(log.contains(&format!("lanh-dao-3: {LEADERS}")), "{log}");
    assert!(!log.contains("Lãnh đạo UBND tỉnh"), "{log}");
}

/// The levels' names come from the regulation's data (`[level_names]`, `[level_names_en]`, and the short ones
/// `[level_short_names]`): a copy of the fixture naming them otherwise shows its names in `rank` and
/// `regulations check`, in both languages, and its short names in the ranking's narrow column and the chart's
/// legend; the slugs of `rank --json` stay.
#[test]
fn the_levels_are_named_as_the_regulations_data_names_them() {
    let dir = tempfile::tempdir().unwrap();
    let target = copy_of_the_fixture(dir.path());
    let toml = std::fs::read_to_string(target.join("regulation.toml")).unwrap();
    let (from, to) =
        ("not_completed = \"Không hoàn thành nhiệm vụ\"", "not_completed = \"Chưa hoàn thành nhiệm vụ được giao\"");
    assert!(toml.contains(from));
    let toml = toml.replace(from, to) + "\n[level_names_en]\nnot_completed = \"failed\"\n";
    // The short names, as the narrow column and the legend show them.
    let short =
        [("good = \"Tốt\"", "good = \"HT tốt\""), ("not_completed = \"Không HT\"", "not_completed = \"Chưa HT\"")];
    assert!(short.iter().all(|(from, _)| toml.contains(from)), "the fixture writes its short names out");
    let toml = short.iter().fold(toml, |toml, (from, to)| toml.replace(from, to));
    std::fs::write(target.join("regulation.toml"), toml).unwrap();
    let run = |args: &[&str]| {
        let output = Command::new(env!("CARGO_BIN_EXE_thamdinh"))
            .args(args)
            .env("THAMDINH_DATA_DIR", dir.path())
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .output()
            .unwrap();
        assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8(output.stdout).unwrap()
    };
    let db = dir.path().join("round.db").to_string_lossy().into_owned();
    run(&["init", "--db", &db, "--regulation", ID, "--year", "2024"]);
    run(&["import", "units", "--db", &db, target.join("units.csv").to_str().unwrap()]);
    // Nothing appraised: every unit is below 50, not completed.
    let rank = run(&["rank", "--db", &db]);
    assert!(rank.contains("Chưa hoàn thành") && !rank.contains("Không hoàn thành nhiệm vụ"), "{rank}");
    let english = run(&["rank", "--db", &db, "--lang", "en"]);
    assert!(english.contains("failed") && !english.contains("not completed"), "{english}");
    let json: Value = serde_json::from_str(&run(&["rank", "--db", &db, "--json"])).unwrap();
    assert_eq!(units(&json, "khoi-1")["k1-01"]["level"], "not_completed");
    // The regulation's other levels keep the words its data gives (here the defaults, written out).
    let shown = run(&["regulations", "check", target.to_str().unwrap()]);
    assert!(shown.contains("Hoàn thành xuất sắc nhiệm vụ:") && shown.contains("Hoàn thành tốt nhiệm vụ:"), "{shown}");
    assert!(shown.contains("Chưa hoàn thành nhiệm vụ được giao (một trong):"), "{shown}");
    let short_names = "Viết tắt: Hoàn thành xuất sắc nhiệm vụ → Xuất sắc; Hoàn thành tốt nhiệm vụ → HT tốt; \
                       Hoàn thành nhiệm vụ → Hoàn thành; Chưa hoàn thành nhiệm vụ được giao → Chưa HT";
    assert!(shown.contains(short_names), "{shown}");
    // The screens name it the same way: the secretary's ranking pane, in a real terminal.
    if tools::available("tmux", "-V", "tmux") {
        run(&["user", "add", "--db", &db, "thu-ky", "--role", "secretary"]);
        let tmux = tools::Tmux::new(&format!("level-names-{}", std::process::id()), "levels");
        let data = dir.path().display();
        tmux.open(
            160,
            40,
            &format!("env THAMDINH_DATA_DIR={data} {} --db {db} --user thu-ky", env!("CARGO_BIN_EXE_thamdinh")),
        );
        let screen = tmux.wait_for("Chưa hoàn thành");
        let rows: Vec<&str> = screen.lines().filter(|l| l.contains("(giả lập)")).collect();
        assert!(!rows.is_empty() && rows.iter().all(|l| l.contains("Chưa hoàn thành")), "{screen}");
        // The reasons pane too.
        assert!(!screen.contains("Không hoàn thành nhiệm vụ"), "{screen}");
        tmux.keys(&["q"]);
        // On a narrow terminal (the full name has no room) the ranking's level column and the chart's legend use
        // the short names.
        let tmux = tools::Tmux::new(&format!("level-short-{}", std::process::id()), "short");
        tmux.open(
            80,
            24,
            &format!("env THAMDINH_DATA_DIR={data} {} --db {db} --user thu-ky", env!("CARGO_BIN_EXE_thamdinh")),
        );
        let screen = tmux.wait_for("Chưa HT");
        let rows: Vec<&str> = screen.lines().filter(|l| l.contains("(giả lập)")).collect();
        assert!(!rows.is_empty() && rows.iter().all(|l| l.contains("Chưa HT") && !l.contains("Không HT")), "{screen}");
        tmux.keys(&["3"]);
        let screen = tmux.wait_for("HT tốt ≥ 75");
        let legend = screen.lines().find(|l| l.contains("HT tốt ≥ 75")).unwrap_or_default();
        assert!(legend.contains("Chưa HT") && !legend.contains("Tốt ≥") && !legend.contains("Không HT"), "{screen}");
        tmux.keys(&["q"]);
    }
}

/// Issue 26: the synthetic text has no article of re-rating, no papers' addressee and none of 2610's articles,
/// and the chairman's screens say so in a real terminal: the help of the panes, the desk (its actions, the
/// re-rating form, the list of papers), an approved bloc's facts form with its re-rating reason and its help,
/// and the approval prompt of a bloc still open cite no *Điều 10.4* and address no *Chủ tịch UBND tỉnh*.
#[test]
fn the_chairmans_screens_cite_only_the_texts_own_articles() {
    if !tools::available("tmux", "-V", "tmux") {
        return;
    }
    let round = Round::new();
    round.appraise(&bloc_one_and_two());
    ok(&["approve", "--db", &round.db, "--user", "chu-tich", "--bloc", "khoi-1"]);
    let tmux = tools::Tmux::new(&format!("citations-{}", std::process::id()), "citations");
    let program = env!("CARGO_BIN_EXE_thamdinh");
    let data = fixtures();
    tmux.open(
        160,
        45,
        &format!("env THAMDINH_DATA_DIR={} {program} --db {} --user chu-tich", data.display(), round.db),
    );
    let seen = tools::chairman::screens(&tmux);
    let all = seen.join("\n");
    // The text's own words where it has them: the facts' articles, a re-rating without an article, a proposal to
    // whom no papers name.
    for words in [
        "Sự kiện (Điều 4, Điều 5, Điều 6):",
        "┌ Khối đã phê duyệt — xếp loại lại: lý do (Tab)",
        "Xếp loại lại một đơn vị đã phê duyệt (Chủ tịch)",
        "Tờ trình đề nghị công nhận kết quả (.docx)",
        "sau đó chỉ xếp loại lại, có lý do.",
    ] {
        assert!(all.contains(words), "{words}:\n{all}");
    }
    for screen in &seen {
        assert!(!screen.contains("Điều 10.4"), "{screen}");
        assert!(!screen.contains("Tờ trình Chủ tịch"), "{screen}");
    }
}
