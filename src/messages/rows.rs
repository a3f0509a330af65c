//! The words for a refused value of an import row, a score sheet's cell or a unit's form (`store::RowProblem`):
//! the file, line (or sheet and cell), column, unit, criterion, value and rule, in Vietnamese; the English is
//! the problem's own `Display`. A unit's form shows its unit and component already, so there only the reason
//! is told.

use super::Lang;
use super::errors::{DATE_RULE_VI, refusal, refused, score_vi};
use crate::domain::code::UnitCode;
use crate::domain::score::display_vi;
use crate::store::{HeldScore, RowFault, RowPlace, RowProblem};

/// A refused value, as a person reads it.
pub fn row_problem(problem: &RowProblem, lang: Lang) -> String {
    if lang == Lang::En {
        return problem.to_string();
    }
    let (subject, reason) = fault_vi(&problem.fault);
    let place = match &problem.place {
        RowPlace::Form => return reason,
        RowPlace::File { file } => format!("{file}: "),
        RowPlace::Line { file, line } => format!("{file}:{line}: "),
        RowPlace::Sheet { file, sheet, cell: Some(cell) } => format!("{file}: trang {sheet:?}, ô {cell}: "),
        RowPlace::Sheet { file, sheet, cell: None } => format!("{file}: trang {sheet:?}: "),
    };
    let column = problem.column.as_ref().map(|column| format!("cột {column}: ")).unwrap_or_default();
    match subject {
        Some(subject) => format!("{place}{column}{subject}: {reason}"),
        None => format!("{place}{column}{reason}"),
    }
}

fn unit_vi(unit: &UnitCode) -> String {
    format!("đơn vị {unit}")
}

fn item_vi(unit: &UnitCode, code: &str) -> String {
    format!("đơn vị {unit}, {code}")
}

fn held_vi(scores: &[HeldScore]) -> String {
    let held: Vec<String> = scores
        .iter()
        .map(|score| match score {
            HeldScore::SelfScore(score) => format!("điểm tự đánh giá {}", score_vi(score)),
            HeldScore::Appraised(score) => format!("điểm thẩm định {}", score_vi(score)),
            HeldScore::Leader(score, leaders) => {
                format!("điểm của {} {}", super::leaders::name_vi(leaders.as_deref()), score_vi(score))
            }
        })
        .collect();
    held.join(", ")
}

/// What is wrong, in Vietnamese: the unit (and criterion) it is about, when the row names one, and the reason.
#[allow(
    clippy::too_many_lines,
    reason = "a table, one arm per fault: split, the compiler would no longer check that every fault is worded"
)]
fn fault_vi(fault: &RowFault) -> (Option<String>, String) {
    match fault {
        RowFault::Refused(why) => (None, refused(why, Lang::Vi)),
        RowFault::File(fault) => (None, super::files::file_fault_vi(fault)),
        RowFault::UnitCase { code, known } => (
            None,
            format!(
                "không có đơn vị {code:?}; kỳ đánh giá có đơn vị {known} (mã đơn vị không phân biệt chữ hoa, chữ thường: hãy viết {known})"
            ),
        ),
        RowFault::UnknownUnit { code } => {
            (None, format!("không có đơn vị {code:?}; hãy nhập đơn vị trước bằng `thamdinh import units`"))
        }
        RowFault::BadUnitCode { code } => (
            None,
            format!(
                "{code:?} không phải là mã đơn vị (tối đa 64 chữ cái không dấu, chữ số, '-', '_', '.', bắt đầu bằng chữ hoặc số)"
            ),
        ),
        RowFault::CodeTwice { code, first, first_code } => (
            Some(unit_vi(code)),
            format!("đã có ở dòng {first} (viết là {first_code}; mã đơn vị không phân biệt chữ hoa, chữ thường)"),
        ),
        RowFault::CodeOfAnother { code, known } => (
            Some(unit_vi(code)),
            format!(
                "chính là đơn vị {known} của kỳ đánh giá (mã đơn vị không phân biệt chữ hoa, chữ thường); hãy viết {known}"
            ),
        ),
        RowFault::NoName { code } => (Some(unit_vi(code)), "chưa có tên".into()),
        RowFault::ControlInName { code, position, control } => (
            Some(unit_vi(code)),
            format!(
                "ký tự thứ {position} của tên là ký tự điều khiển {}; tên đơn vị chỉ gồm văn bản thường",
                crate::domain::text::describe(*control)
            ),
        ),
        RowFault::UnknownBloc { code, bloc, regulation, known } => (
            Some(unit_vi(code)),
            format!("không có khối {bloc:?}; quy chế {regulation} có các khối {}", known.join(", ")),
        ),
        RowFault::UnknownGroup { code, group } => (Some(unit_vi(code)), format!("không có nhóm {group:?}")),
        RowFault::GroupNeeded { code, regulation } => {
            (Some(unit_vi(code)), format!("quy chế {regulation} cần nhóm của đơn vị (I … XVII) để chọn phần B"))
        }
        RowFault::NoGroups { code, regulation, group } => (
            Some(unit_vi(code)),
            format!("quy chế {regulation} không chia nhóm; để trống cột này, không ghi {group:?}"),
        ),
        RowFault::WouldOrphan { code, bloc, group } => (
            Some(unit_vi(code)),
            format!(
                "đã có điểm theo khung tiêu chí hiện tại; chuyển sang khối {bloc} / nhóm {} thì các điểm đó không còn thuộc khung tiêu chí nào",
                group.as_deref().unwrap_or("-")
            ),
        ),
        RowFault::ScoredThroughComponents { unit, code, components } => {
            (Some(unit_vi(unit)), format!("{code} được chấm qua các tiêu chí thành phần {}", components.join(", ")))
        }
        RowFault::NoCriterion { unit, code } => {
            (Some(unit_vi(unit)), format!("khung tiêu chí của đơn vị không có tiêu chí {code:?}"))
        }
        RowFault::Twice { unit, code, first } => (Some(item_vi(unit, code)), format!("đã có ở dòng {first}")),
        RowFault::NotLeaders { unit, code, leaders: None } => {
            (Some(item_vi(unit, code)), "chỉ tiêu chí do Lãnh đạo UBND tỉnh chấm mới nhận điểm của Lãnh đạo".into())
        }
        RowFault::NotLeaders { unit, code, leaders: Some(name) } => {
            (Some(item_vi(unit, code)), format!("chỉ tiêu chí do {name} chấm mới nhận điểm ở cột leader"))
        }
        RowFault::NotYesNo { unit, code, value } => {
            (Some(item_vi(unit, code)), format!("{value:?} phải là có hoặc không (yes hoặc no; - là có)"))
        }
        RowFault::BadScore { unit, code, self_score, why } => {
            let what = if *self_score { "điểm tự đánh giá" } else { "điểm thẩm định" };
            (Some(item_vi(unit, code)), format!("{what} {why}"))
        }
        RowFault::NotApplicableHolds { unit, code, scores } => (
            Some(item_vi(unit, code)),
            format!(
                "tiêu chí thành phần không áp dụng thì không có điểm, nhưng nó sẽ còn {} (xóa giá trị đã lưu bằng -)",
                held_vi(scores)
            ),
        ),
        RowFault::ReasonNeeded { unit, code, why } => (Some(item_vi(unit, code)), why.to_string()),
        RowFault::ExplanationMissing { unit, code, why } => (Some(item_vi(unit, code)), why.to_string()),
        RowFault::SelfScoreByLeaders { unit, code, leaders: None } => (
            Some(item_vi(unit, code)),
            "tiêu chí thành phần này do lãnh đạo UBND tỉnh chấm, đơn vị không tự chấm điểm (bỏ trống điểm tự đánh giá)"
                .to_string(),
        ),
        RowFault::SelfScoreByLeaders { unit, code, leaders: Some(name) } => (
            Some(item_vi(unit, code)),
            format!("tiêu chí thành phần này do {name} chấm, đơn vị không tự chấm điểm (bỏ trống điểm tự đánh giá)"),
        ),
        RowFault::ExplanationText { unit, code, why } => {
            (Some(item_vi(unit, code)), format!("giải trình {}", super::text::text_refusal(why, Lang::Vi)))
        }
        RowFault::NoGrades { regulation } => {
            (None, format!("quy chế {regulation} không xếp loại tiêu chí, nên không có xếp loại nào để điều chỉnh"))
        }
        RowFault::NotACriterion { unit, code } => (
            Some(unit_vi(unit)),
            format!(
                "{code:?} không phải là tiêu chí trong khung tiêu chí của đơn vị (xếp loại dành cho các tiêu chí như I … X)"
            ),
        ),
        RowFault::BadGrade { unit, code, value } => {
            (Some(item_vi(unit, code)), format!("xếp loại phải là excellent|good|average|poor, không phải {value:?}"))
        }
        RowFault::ReasonKept { unit, code } => (
            Some(item_vi(unit, code)),
            "điều chỉnh xếp loại luôn kèm lý do; muốn bỏ điều chỉnh, ghi - ở cột grade".into(),
        ),
        RowFault::OverrideNeedsReason { unit, code } => {
            (Some(item_vi(unit, code)), "điều chỉnh xếp loại cần có lý do".into())
        }
        RowFault::NoOverrideForReason { unit, code } => {
            (Some(item_vi(unit, code)), "chưa có điều chỉnh xếp loại nào để gắn lý do này; hãy ghi xếp loại".into())
        }
        RowFault::UnknownFact { unit, name, regulation, names } => (
            Some(unit_vi(unit)),
            format!("không có sự kiện {name:?}; quy chế {regulation} ghi nhận {}", names.join(", ")),
        ),
        RowFault::FactTwice { unit, name, first } => {
            (Some(format!("đơn vị {unit}, sự kiện {name}")), format!("đã có ở dòng {first}"))
        }
        RowFault::FactNotInBloc { unit, bloc, name, blocs } => (
            Some(format!("đơn vị {unit}, sự kiện {name}")),
            format!("sự kiện chỉ ghi nhận ở khối {}; đơn vị thuộc khối {bloc}", blocs.join(", ")),
        ),
        RowFault::NoTitle { unit, code } => (Some(item_vi(unit, code)), "tài liệu kiểm chứng cần có trích yếu".into()),
        RowFault::NoReference { unit, code } => {
            (Some(item_vi(unit, code)), "tài liệu kiểm chứng cần có số, ký hiệu (số văn bản hoặc đường dẫn)".into())
        }
        RowFault::NotADate { unit, code, value } => {
            (Some(item_vi(unit, code)), format!("ngày {value:?} không phải là ngày hợp lệ ({DATE_RULE_VI})"))
        }
        RowFault::DocumentTwice { unit, code, reference, first } => {
            (Some(format!("đơn vị {unit}, {code}, tài liệu số {reference}")), format!("đã có ở dòng {first}"))
        }
        RowFault::NotApplicableAppraised { unit, code, appraised } => (
            Some(item_vi(unit, code)),
            format!(
                "được đánh dấu không áp dụng, nhưng Hội đồng đã thẩm định {}; tiêu chí thành phần không áp dụng thì không có điểm",
                display_vi(*appraised)
            ),
        ),
        RowFault::SheetValueRefused { unit, code, self_score, explanation, applicable, refusal: why } => (
            Some(item_vi(unit, code)),
            format!(
                "giá trị điểm tự đánh giá {}, giải trình {:?}, áp dụng: {}: bị từ chối: {}",
                self_score.map_or_else(|| "-".to_string(), display_vi),
                explanation.chars().take(40).collect::<String>(),
                if *applicable { "có" } else { "không" },
                refusal(why, Lang::Vi)
            ),
        ),
        RowFault::DocumentRefused { unit, code, reference, refusal: why } => {
            (Some(item_vi(unit, code)), format!("tài liệu số {reference}: bị từ chối: {}", refusal(why, Lang::Vi)))
        }
    }
}

/// One of every fault (the `match` in `fault_vi` has no wildcard arm: a new fault does not compile until it
/// is worded; the catalog's test words each at every place, in both languages).
#[cfg(test)]
#[allow(clippy::too_many_lines, reason = "a list, one example of every fault")]
pub(super) fn every_row_fault() -> Vec<RowFault> {
    use crate::domain::appraisal::ReasonNeeded;
    use crate::domain::permissions::{Act, Actor, Refusal, Role, Rule};
    use crate::domain::score::ScoreInputError;
    use crate::domain::self_assessment::ExplanationMissing;
    use crate::domain::validate::TextRefusal;
    use crate::store::{Refused, Subject};
    use rust_decimal::Decimal;
    let s = |text: &str| text.to_string();
    let (unit, code) = (crate::domain::code::UnitCode::from("snv"), s("I.2"));
    let item = || (unit.clone(), code.clone());
    let refusal = || {
        Box::new(Refusal {
            who: Actor { name: s("dv"), role: Role::Unit, agency: None, unit: Some("stc".into()), leaders_name: None },
            act: Box::new(Act::SelfAssess { unit: "snv".into() }),
            rule: Box::new(Rule::OwnUnitSelfAssessment { own: "stc".into() }),
        })
    };
    let (u, c) = item();
    vec![
        RowFault::Refused(Box::new(Refused::Frozen {
            bloc: "so-nganh".into(),
            at: Subject::Unit(u.clone()),
            rerating: Some(s("Điều 10.4")),
        })),
        RowFault::UnitCase { code: s("SNV"), known: "snv".into() },
        RowFault::UnknownUnit { code: s("xyz") },
        RowFault::BadUnitCode { code: s("a b") },
        RowFault::CodeTwice { code: "ABC".into(), first: 2, first_code: "abc".into() },
        RowFault::CodeOfAnother { code: "SNV".into(), known: "snv".into() },
        RowFault::NoName { code: u.clone() },
        RowFault::ControlInName { code: u.clone(), position: 4, control: '\u{7}' },
        RowFault::UnknownBloc { code: u.clone(), bloc: s("x"), regulation: s("r"), known: vec![s("so-nganh")] },
        RowFault::UnknownGroup { code: u.clone(), group: s("XX") },
        RowFault::GroupNeeded { code: u.clone(), regulation: s("bac-giang-453") },
        RowFault::NoGroups { code: u.clone(), regulation: s("thai-nguyen-2024"), group: s("XII") },
        RowFault::WouldOrphan { code: u.clone(), bloc: "huyen".into(), group: None },
        RowFault::ScoredThroughComponents { unit: u.clone(), code: s("III"), components: vec![s("III.1")] },
        RowFault::NoCriterion { unit: u.clone(), code: s("XI.1") },
        RowFault::Twice { unit: u.clone(), code: c.clone(), first: 2 },
        RowFault::NotLeaders { unit: u.clone(), code: c.clone(), leaders: None },
        RowFault::NotLeaders { unit: u.clone(), code: c.clone(), leaders: Some(s("Thường trực Huyện ủy")) },
        RowFault::NotYesNo { unit: u.clone(), code: c.clone(), value: s("maybe") },
        RowFault::BadScore {
            unit: u.clone(),
            code: c.clone(),
            self_score: true,
            why: ScoreInputError::NotANumber(s("x")),
        },
        RowFault::BadScore {
            unit: u.clone(),
            code: c.clone(),
            self_score: false,
            why: ScoreInputError::NotANumber(s("x")),
        },
        RowFault::NotApplicableHolds {
            unit: u.clone(),
            code: c.clone(),
            scores: vec![HeldScore::SelfScore(s("2")), HeldScore::Appraised(s("1.5")), HeldScore::Leader(s("3"), None)],
        },
        RowFault::ReasonNeeded {
            unit: u.clone(),
            code: c.clone(),
            why: ReasonNeeded::BelowMax { appraised: Decimal::ONE, max: Decimal::TWO },
        },
        RowFault::ExplanationMissing {
            unit: u.clone(),
            code: c.clone(),
            why: ExplanationMissing { self_score: Decimal::ONE, max: Decimal::TWO, article: s("Điều 4.2") },
        },
        RowFault::ExplanationText { unit: u.clone(), code: c.clone(), why: TextRefusal::LineBreak },
        RowFault::SelfScoreByLeaders { unit: u.clone(), code: c.clone(), leaders: None },
        RowFault::SelfScoreByLeaders {
            unit: u.clone(), code: c.clone(), leaders: Some(s("Thường trực Huyện ủy"))
        },
        RowFault::NoGrades { regulation: s("bac-giang-453") },
        RowFault::NotACriterion { unit: u.clone(), code: s("VI.1") },
        RowFault::BadGrade { unit: u.clone(), code: s("VI"), value: s("great") },
        RowFault::ReasonKept { unit: u.clone(), code: s("VI") },
        RowFault::OverrideNeedsReason { unit: u.clone(), code: s("VI") },
        RowFault::NoOverrideForReason { unit: u.clone(), code: s("VI") },
        RowFault::UnknownFact { unit: u.clone(), name: s("lucky"), regulation: s("r"), names: vec![s("discipline")] },
        RowFault::FactTwice { unit: u.clone(), name: s("discipline"), first: 2 },
        RowFault::FactNotInBloc {
            unit: u.clone(),
            bloc: "khoi-1".into(),
            name: s("hotspot"),
            blocs: vec![s("khoi-3")],
        },
        RowFault::NoTitle { unit: u.clone(), code: c.clone() },
        RowFault::NoReference { unit: u.clone(), code: c.clone() },
        RowFault::NotADate { unit: u.clone(), code: c.clone(), value: s("31/02/2024") },
        RowFault::DocumentTwice { unit: u.clone(), code: c.clone(), reference: s("12/BC"), first: 2 },
        RowFault::NotApplicableAppraised { unit: u.clone(), code: c.clone(), appraised: Decimal::ONE },
        RowFault::SheetValueRefused {
            unit: u.clone(),
            code: c.clone(),
            self_score: Some(Decimal::ONE),
            explanation: s("Chậm"),
            applicable: true,
            refusal: refusal(),
        },
        RowFault::DocumentRefused { unit: u, code: c, reference: s("12/BC"), refusal: refusal() },
    ]
    .into_iter()
    .chain(super::files::every_file_fault().into_iter().map(RowFault::from))
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::self_assessment::ExplanationMissing;
    use rust_decimal::Decimal;

    /// The interface's form words only the reason: no file, no column, no unit and component before it.
    #[test]
    fn a_form_reads_only_the_reason() {
        let why = ExplanationMissing { self_score: Decimal::ONE, max: Decimal::TWO, article: "Điều 4.2".into() };
        let fault = RowFault::ExplanationMissing { unit: "snv".into(), code: "I.2".into(), why: why.clone() };
        let form = RowProblem { place: RowPlace::Form, column: Some("explanation".into()), fault: fault.clone() };
        assert_eq!(row_problem(&form, Lang::Vi), why.to_string());
        let line = RowProblem { place: RowPlace::Line { file: "a.csv".into(), line: 3 }, ..form };
        assert_eq!(row_problem(&line, Lang::Vi), format!("a.csv:3: cột explanation: đơn vị snv, I.2: {why}"));
        assert_eq!(row_problem(&line, Lang::En), format!("a.csv:3: column explanation: unit snv, I.2: {why}"));
    }
}
