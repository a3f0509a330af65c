//! The words of a refused submission (issue 22 item 9): a self-assessment with components still unscored, a
//! receipt date (`submit --received`) that is not a date, lies ahead, or is given by the unit itself.

use super::errors::DATE_RULE_VI;
use crate::domain::code::UnitCode;

/// Vietnamese: the unit may not submit while `missing` components have no self-score; `first` names the first few.
pub fn incomplete_vi(unit: &UnitCode, missing: usize, first: &[String]) -> String {
    let more = if missing > first.len() { ", …" } else { "" };
    format!(
        "đơn vị {unit}: chưa nộp được — còn {missing} tiêu chí thành phần chưa tự chấm điểm ({}{more}); hãy tự chấm từng tiêu chí, hoặc đánh dấu không áp dụng nếu quy chế cho phép",
        first.join(", ")
    )
}

/// Vietnamese: the receipt date is not a date.
pub fn received_not_a_date_vi(unit: &UnitCode, value: &str) -> String {
    format!("đơn vị {unit}: ngày nhận hồ sơ {value:?} không phải là ngày ({DATE_RULE_VI})")
}

/// Vietnamese: the receipt date lies after today.
pub fn received_in_future_vi(unit: &UnitCode, received: &str, today: &str) -> String {
    format!("đơn vị {unit}: ngày nhận hồ sơ {received} sau ngày hôm nay ({today}); ghi ngày hồ sơ giấy thực tế đến")
}

/// Vietnamese: a unit's focal person gave a receipt date.
pub fn received_not_for_unit_vi(unit: &UnitCode) -> String {
    format!("đơn vị {unit}: chỉ Thư ký hoặc Chủ tịch Hội đồng ghi ngày nhận hồ sơ giấy (--received)")
}
