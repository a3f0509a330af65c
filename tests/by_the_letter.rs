//! Issue 11: the rules as the regulations word them, one test per rule on the engine and on the binary
//! (CSV in, `rank --json` out). Each test quotes the regulation's words it checks.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

mod binary;
mod common;
mod tools;

use binary::{ok, refused};
use common::{appraise, bac_giang, level_reasons, thai_nguyen, unit_at_max};
use serde_json::Value;
use std::fmt::Write as _;
use std::path::Path;
use thamdinh::domain::classification::Level;
use thamdinh::domain::evaluate::{UnitRecord, evaluate_unit};
use thamdinh::domain::facts::{FactValue, check_facts};
use thamdinh::domain::regulation::Regulation;
use tools::file as write;

fn level(regulation: &Regulation, unit: &UnitRecord) -> Level {
    evaluate_unit(regulation, unit).expect("framework").assessment.level
}

fn outstanding(regulation: &Regulation, code: &str) -> UnitRecord {
    let mut unit = unit_at_max(regulation, code, "so-nganh", None);
    unit.facts.insert("outstanding".into(), FactValue::Bool(true));
    unit
}

/// A new round of `regulation` in `dir` with these units (`code,name,bloc,group` lines).
fn round(dir: &Path, regulation: &str, units: &str) -> String {
    let db = dir.join("round.db").display().to_string();
    ok(&["init", "--db", &db, "--regulation", regulation, "--year", "2024"]);
    import(dir, &db, "units", &format!("code,name,bloc,group\n{units}"));
    db
}

fn import(dir: &Path, db: &str, kind: &str, csv: &str) -> String {
    ok(&["import", kind, "--db", db, &write(dir, &format!("{kind}.csv"), csv)])
}

/// Every component of the unit's framework appraised at max minus `deduction` on the first component of
/// `deducted` (with a reason), each with an explanation.
fn scores_at_max(regulation: &Regulation, bloc: &str, group: Option<&str>, units: &[(&str, &str, &str)]) -> String {
    let framework = regulation.framework_for(&bloc.into(), group).expect("framework");
    let mut csv = String::from("unit,criterion,self_score,appraised_score,reason,explanation\n");
    for (unit, deducted, deduction) in units {
        for place in framework.components() {
            let max = place.component.max;
            let code = &place.component.code;
            let (appraised, reason) = if code == deducted {
                ((max - common::d(deduction)).normalize().to_string(), "trừ điểm theo kết quả thẩm định")
            } else {
                (max.normalize().to_string(), "")
            };
            // The leaders' criterion (group I of 2610) carries no self-score.
            let own = if place.criterion.scored_by_leaders { String::new() } else { max.normalize().to_string() };
            writeln!(csv, "{unit},{code},{own},{appraised},{reason},Đã thực hiện đầy đủ").unwrap();
        }
    }
    csv
}

fn rank(db: &str) -> Value {
    serde_json::from_str(&ok(&["rank", "--db", db, "--json"])).expect("json")
}

fn ranked<'a>(report: &'a Value, code: &str) -> &'a Value {
    report["blocs"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|bloc| bloc["units"].as_array().unwrap())
        .find(|u| u["unit"] == code)
        .expect("unit in the ranking")
}

fn reasons_in(report: &Value, code: &str) -> Vec<String> {
    ranked(report, code)["reasons"].as_array().unwrap().iter().map(|r| r.as_str().unwrap().to_string()).collect()
}

const SO_NGANH: &str = "snv,Sở Nội vụ,so-nganh,\nstp,Sở Tư pháp,so-nganh,\nstc,Sở Tài chính,so-nganh,\nsct,Sở Công Thương,so-nganh,\nsyt,Sở Y tế,so-nganh,\n";

/// Thái Nguyên Điều 7.2.a, excellent: "Không có tổ chức trực thuộc hoặc Lãnh đạo cơ quan, đơn vị, địa phương
/// hoặc cấp ủy viên … bị xử lý kỷ luật" — no exception at this level: one disciplined subunit of ten is enough
/// to fail it, and the quota's place passes to the next candidate.
#[test]
fn dieu_7_2_a_one_disciplined_subunit_bars_excellent() {
    let regulation = thai_nguyen();
    let mut unit = outstanding(&regulation, "snv");
    assert_eq!(level(&regulation, &unit), Level::Excellent);
    unit.facts.insert("subunits_total".into(), FactValue::Count(10));
    unit.facts.insert("subunits_disciplined".into(), FactValue::Count(1));
    assert_eq!(level(&regulation, &unit), Level::Good);
    let reasons = level_reasons(&regulation, &unit);
    assert!(
        reasons.iter().any(|r| r.starts_with(
            "Chưa đạt mức Hoàn thành xuất sắc nhiệm vụ — thiếu điều kiện: Không có tổ chức trực thuộc bị xử lý kỷ luật"
        ) && r.ends_with("(Số đơn vị trực thuộc bị kỷ luật trong năm: 1)")),
        "{reasons:?}"
    );

    // The binary: five departments at 100 and 99.5; snv (100) has one disciplined subunit, stp (99.5) none.
    let dir = tempfile::tempdir().unwrap();
    let db = round(dir.path(), "thai-nguyen-2024", SO_NGANH);
    let units =
        [("snv", "", "0"), ("stp", "V.5", "0.5"), ("stc", "V.5", "5"), ("sct", "V.5", "6"), ("syt", "V.5", "7")];
    import(dir.path(), &db, "scores", &scores_at_max(&regulation, "so-nganh", None, &units));
    import(
        dir.path(),
        &db,
        "facts",
        "unit,fact,value\nsnv,outstanding,true\nstp,outstanding,true\nsnv,subunits_total,10\nsnv,subunits_disciplined,1\n",
    );
    let report = rank(&db);
    assert_eq!(report["blocs"][0]["quota"], 1);
    assert_eq!(
        (ranked(&report, "snv")["rank"].as_u64(), ranked(&report, "snv")["level"].as_str()),
        (Some(1), Some("good"))
    );
    assert_eq!(ranked(&report, "stp")["level"], "excellent", "the quota's place passes to the next candidate");
    assert!(reasons_in(&report, "stp").iter().any(|r| {
        r.contains("Trong chỉ tiêu Hoàn thành xuất sắc của khối: đơn vị thứ 1 trong 1 đơn vị của chỉ tiêu, hạng 2")
    }));
    assert!(reasons_in(&report, "snv").iter().any(|r| r.contains("(Số đơn vị trực thuộc bị kỷ luật trong năm: 1)")));
}

/// Bắc Giang Điều 6.3, third line of "Hoàn thành nhiệm vụ": "Không có đơn vị trực thuộc hoặc thành viên của tập
/// thể lãnh đạo, quản lý bị xử lý kỷ luật (trừ trường hợp tự phát hiện và khắc phục xong hậu quả)".
/// A collective with an unremedied discipline meets no level.
#[test]
fn dieu_6_3_bac_giang_completed_needs_no_unremedied_discipline() {
    let regulation = bac_giang();
    let mut collective = unit_at_max(&regulation, "snv", "tap-the", Some("XII"));
    appraise(&mut collective, "B.1", "0"); // 94
    collective.facts.insert("discipline".into(), FactValue::Choice("remedied".into()));
    assert_eq!(level(&regulation, &collective), Level::Good);
    collective.facts.insert("discipline".into(), FactValue::Choice("yes".into()));
    assert_eq!(level(&regulation, &collective), Level::NotCompleted);
    let reasons = level_reasons(&regulation, &collective);
    assert!(
        reasons
            .iter()
            .any(|r| r.starts_with("Chưa đạt mức Hoàn thành nhiệm vụ — thiếu điều kiện: Không có đơn vị trực thuộc")
                && r.ends_with("(Kỷ luật đơn vị trực thuộc, thành viên lãnh đạo: có)")),
        "{reasons:?}"
    );

    let dir = tempfile::tempdir().unwrap();
    let db = round(dir.path(), "bac-giang-453", "snv,Ban Tổ chức Tỉnh ủy,tap-the,XII\n");
    import(dir.path(), &db, "scores", &scores_at_max(&regulation, "tap-the", Some("XII"), &[("snv", "B.1", "6")]));
    import(dir.path(), &db, "facts", "unit,fact,value\nsnv,discipline,yes\n");
    let report = rank(&db);
    assert_eq!(ranked(&report, "snv")["total"], "94.00");
    assert_eq!(ranked(&report, "snv")["level"], "not_completed");
}

/// Bắc Giang Điều 4.2: "Tiêu chí nào trừ điểm, đơn vị tự chấm hoặc cơ quan thẩm định chấm cần nêu rõ lý do cụ
/// thể": the unit's own deduction without its explanation is refused, naming the unit, criterion, value and
/// article, and nothing is imported.
#[test]
fn dieu_4_2_bac_giang_a_self_deduction_needs_the_units_reason() {
    let dir = tempfile::tempdir().unwrap();
    let db = round(dir.path(), "bac-giang-453", "snv,Ban Tổ chức Tỉnh ủy,tap-the,XII\n");
    let before = rank(&db);
    for explanation in ["", "\u{200B}"] {
        let file = write(
            dir.path(),
            "self.csv",
            &format!(
                "unit,criterion,self_score,appraised_score,reason,explanation\nsnv,A.1.2,1,,,ok\nsnv,A.1.1,4,,,{explanation}\n"
            ),
        );
        let error = refused(&["import", "scores", "--db", &db, &file]);
        assert_eq!(
            error,
            "thamdinh: self.csv:3: cột explanation: đơn vị snv, A.1.1: điểm tự đánh giá 4 thấp hơn điểm tối đa 5 nên cần giải trình lý do tự trừ điểm (Điều 4.2)"
        );
        assert_eq!(rank(&db), before, "nothing imported");
    }
    let header = "unit,criterion,self_score,appraised_score,reason,explanation";
    import(dir.path(), &db, "scores", &format!("{header}\nsnv,A.1.1,4,,,Một lớp tập huấn chưa tổ chức\n"));
    // No deduction, nothing to explain.
    import(dir.path(), &db, "scores", &format!("{header}\nsnv,A.1.2,5,,,\n"));
}

/// Bắc Giang Điều 4.2: "Bằng tỷ lệ % kết quả đạt được của tiêu chí so với kế hoạch nhân với điểm chuẩn": 120 %
/// of plan is a valid result and earns the component's max; a negative percentage is refused.
#[test]
fn dieu_4_2_bac_giang_a_result_above_plan_earns_the_max() {
    let dir = tempfile::tempdir().unwrap();
    let db = round(dir.path(), "bac-giang-453", "snv,Ban Tổ chức Tỉnh ủy,tap-the,XII\n");
    import(dir.path(), &db, "scores", "unit,criterion,self_score,appraised_score,reason\nsnv,B.1,120%,150%,\n");
    let store = thamdinh::store::Store::open(Path::new(&db)).unwrap();
    let entry = store.load_round().unwrap().units[0].entries["B.1"].clone();
    assert_eq!((entry.self_score, entry.appraised_score), (Some(common::d("6")), Some(common::d("6"))));
    let error = refused(&[
        "import",
        "scores",
        "--db",
        &db,
        &write(dir.path(), "bad.csv", "unit,criterion,self_score,appraised_score,reason\nsnv,B.2,-20%,,\n"),
    ]);
    assert!(error.contains("bad.csv:2: cột self_score: đơn vị snv, B.2: điểm tự đánh giá “-20%” không phải là điểm hợp lệ: điểm không được âm"), "{error}");
}

/// Thái Nguyên facts: the subunits disciplined are some of the subunits ("có trên 20% số đơn vị trực thuộc bị
/// kỷ luật trong năm"), so more disciplined than there are is refused — in one file, and across files.
#[test]
fn subunits_disciplined_cannot_exceed_the_subunits() {
    let regulation = thai_nguyen();
    let mut facts = thamdinh::domain::facts::Facts::new();
    facts.insert("subunits_total".into(), FactValue::Count(2));
    facts.insert("subunits_disciplined".into(), FactValue::Count(3));
    let refusal = check_facts(&regulation.facts, &facts).unwrap_err().to_string();
    assert_eq!(
        refusal,
        "Số đơn vị trực thuộc bị kỷ luật trong năm (3) vượt quá Số đơn vị trực thuộc (2): sự kiện subunits_disciplined không được lớn hơn subunits_total"
    );

    let dir = tempfile::tempdir().unwrap();
    let db = round(dir.path(), "thai-nguyen-2024", SO_NGANH);
    let before = rank(&db);
    let file = write(dir.path(), "f.csv", "unit,fact,value\nsnv,subunits_total,2\nsnv,subunits_disciplined,3\n");
    let error = refused(&["import", "facts", "--db", &db, &file]);
    assert!(
        error.starts_with("thamdinh: f.csv:3: đơn vị snv: Số đơn vị trực thuộc bị kỷ luật trong năm (3) vượt quá"),
        "{error}"
    );
    assert_eq!(rank(&db), before);
    import(dir.path(), &db, "facts", "unit,fact,value\nsnv,subunits_total,5\n");
    let error = refused(&[
        "import",
        "facts",
        "--db",
        &db,
        &write(dir.path(), "g.csv", "unit,fact,value\nsnv,subunits_disciplined,6\n"),
    ]);
    assert!(error.contains("(6) vượt quá Số đơn vị trực thuộc (5)"), "{error}");
}

/// Thái Nguyên Điều 7.2.d: "Có dưới 50% số tiêu chí thuộc nội dung kết quả thực hiện nhiệm vụ … được xếp loại
/// chất lượng mức “kém” … (trừ trường hợp bất khả kháng)". With force majeure, the content II criteria graded
/// poor no longer fail "completed" (otherwise the exception could never change a level).
#[test]
fn dieu_7_2_d_force_majeure_lets_poor_content_two_pass_completed() {
    let regulation = thai_nguyen();
    let mut unit = outstanding(&regulation, "snv");
    appraise(&mut unit, "VI.2", "0");
    for code in ["VII.1", "VII.2", "VII.5"] {
        appraise(&mut unit, code, "0");
    }
    assert_eq!(level(&regulation, &unit), Level::NotCompleted);
    unit.facts.insert("force_majeure".into(), FactValue::Bool(true));
    assert_eq!(level(&regulation, &unit), Level::Completed);
    let reasons = level_reasons(&regulation, &unit);
    assert!(
        reasons.iter().any(|r| r.starts_with("Chưa đạt mức Hoàn thành tốt nhiệm vụ — thiếu điều kiện:")
            && r.contains("VI: Kém, VII: Kém")),
        "{reasons:?}"
    );

    let dir = tempfile::tempdir().unwrap();
    let db = round(dir.path(), "thai-nguyen-2024", "snv,Sở Nội vụ,so-nganh,\n");
    let framework = regulation.framework_for(&"so-nganh".into(), None).unwrap();
    let mut csv = String::from("unit,criterion,self_score,appraised_score,reason\n");
    for place in framework.components() {
        let code = &place.component.code;
        let max = place.component.max.normalize();
        let appraised = if ["VI.2", "VII.1", "VII.2", "VII.5"].contains(&code.as_str()) {
            "0".to_string()
        } else {
            max.to_string()
        };
        let own = if place.criterion.scored_by_leaders { String::new() } else { max.to_string() };
        writeln!(csv, "snv,{code},{own},{appraised},{}", if appraised == "0" { "không có sản phẩm" } else { "" })
            .unwrap();
    }
    import(dir.path(), &db, "scores", &csv);
    assert_eq!(ranked(&rank(&db), "snv")["level"], "not_completed");
    import(dir.path(), &db, "facts", "unit,fact,value\nsnv,force_majeure,true\n");
    assert_eq!(ranked(&rank(&db), "snv")["level"], "completed");
}

/// Thái Nguyên Điều 9.4.đ: "Chỉ thực hiện thẩm định đối với các tiêu chí có đủ tài liệu kiểm chứng … và giải
/// trình chi tiết, rõ ràng" (with Điều 8.2.b–c): a self-score without explanation, or a criterion without
/// documents, is marked incomplete and listed among the unit's reasons; it stays appraisable.
#[test]
fn dieu_9_4_d_an_incomplete_file_is_listed_among_the_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let db = round(dir.path(), "thai-nguyen-2024", "snv,Sở Nội vụ,so-nganh,\n");
    let regulation = thai_nguyen();
    let mut csv = scores_at_max(&regulation, "so-nganh", None, &[("snv", "", "0")]);
    csv = csv.replace("snv,II.2,2,2,,Đã thực hiện đầy đủ", "snv,II.2,2,2,,");
    // Issue 22 item 2: group I, which the leaders score, is never a gap of the unit's file, explained or not.
    csv = csv.replace("snv,I.1,,4,,Đã thực hiện đầy đủ", "snv,I.1,,4,,");
    import(dir.path(), &db, "scores", &csv);
    let framework = regulation.framework_for(&"so-nganh".into(), None).unwrap();
    let mut evidence = String::from("unit,criterion,title,reference,date\n");
    for (_, criterion) in framework.criteria().filter(|(_, c)| c.code != "III") {
        writeln!(evidence, "snv,{},Báo cáo {},{}/BC-SNV,2024-11-20", criterion.code, criterion.code, criterion.code)
            .unwrap();
    }
    import(dir.path(), &db, "evidence", &evidence);
    let reasons = reasons_in(&rank(&db), "snv");
    let gaps = reasons
        .iter()
        .find(|r| r.starts_with("Hồ sơ tự đánh giá thiếu (Điều 8.2.b–c, Điều 9.4.đ)"))
        .expect("gaps listed");
    assert!(gaps.contains("II.2 (thiếu giải trình)"), "{gaps}");
    assert!(
        gaps.contains("III.1 (thiếu tài liệu kiểm chứng)") && gaps.contains("III.10 (thiếu tài liệu kiểm chứng)"),
        "{gaps}"
    );
    assert!(gaps.contains(": 11 tiêu chí thành phần —"), "II.2 and the ten of III: {gaps}");
    assert!(!gaps.contains("— I.") && !gaps.contains("; I."), "group I is the leaders', never a gap: {gaps}");
}

/// Reasons name what decided: "IX: Trung bình", a fact and its value, the quota and the rank (issue 11.8),
/// worded as what is missing ("thiếu điều kiện: …").
#[test]
fn reasons_name_the_criteria_that_fell_short_and_their_grade() {
    let regulation = thai_nguyen();
    let mut unit = outstanding(&regulation, "snv");
    let max = regulation.framework_for(&"so-nganh".into(), None).unwrap().criterion("IX").unwrap().1.max;
    appraise(&mut unit, "IX", &(max * common::d("0.6")).normalize().to_string()); // 60 %: average
    let reasons = level_reasons(&regulation, &unit);
    assert!(
        reasons.iter().any(|r| r.starts_with("Chưa đạt mức Hoàn thành xuất sắc nhiệm vụ — thiếu điều kiện: Các tiêu chí đánh giá đều được xếp loại chất lượng mức “Tốt” trở lên")
            && r.ends_with("(IX: Trung bình)")),
        "{reasons:?}"
    );
    assert!(!reasons.iter().any(|r| r.starts_with("Chưa đạt mức") && !r.contains("thiếu điều kiện")), "{reasons:?}");
}

/// The interface counts a criterion's documents by position (`EvidenceCounts::criterion_totals`); the count
/// must equal the one by codes that the reasons and the form use (`criterion_documents`).
#[test]
fn documents_per_criterion_agree_by_position_and_by_code() {
    use thamdinh::domain::evaluate::Round;
    use thamdinh::domain::evidence::EvidenceCounts;
    use thamdinh::domain::self_assessment::criterion_documents;
    for (regulation, bloc, group) in [(thai_nguyen(), "so-nganh", None), (bac_giang(), "tap-the", Some("XII"))] {
        let unit = unit_at_max(&regulation, "snv", bloc, group);
        let round = Round { year: 2024, units: vec![unit], ..Round::default() };
        let mut counts = EvidenceCounts::new(&regulation, &round);
        let framework = regulation.framework_for(&bloc.into(), group).unwrap();
        for (n, code) in framework.evidence_codes().into_iter().enumerate().filter(|(n, _)| n % 3 != 1) {
            counts.add(0, code, u32::try_from(n % 4).unwrap());
        }
        let by_position = counts.criterion_totals(0, framework);
        let by_code: Vec<u32> = framework
            .criteria()
            .map(|(_, criterion)| criterion_documents(criterion, |code| counts.count(0, code)))
            .collect();
        assert_eq!(by_position, by_code, "{}", regulation.id);
        assert!(by_code.iter().any(|&n| n > 0) && by_code.contains(&0), "{by_code:?}");
    }
}
