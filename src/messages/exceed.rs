//! The words of the chairman's decision beyond the quota (`thamdinh exceed-quota`, issue 26): its refusals, its
//! name in the history and in refusals of permission, its reason fields, and what the command line prints.

use super::Lang;
use super::keys::Words;
use crate::domain::code::UnitCode;
use crate::store::exceptions::QuotaRefusal;

/// A refused decision, as a person reads it.
pub fn refusal(why: &QuotaRefusal, lang: Lang) -> String {
    if lang == Lang::En {
        return why.to_string();
    }
    match why {
        QuotaRefusal::NotInRegulation { regulation } => format!(
            "quy chế {regulation} không cho phép xếp loại Hoàn thành xuất sắc ngoài tỷ lệ; quy chế không có điều khoản nào để Chủ tịch quyết định ngoài tỷ lệ"
        ),
        QuotaRefusal::WithinQuota { unit } => {
            format!("đơn vị {unit} đang trong chỉ tiêu Hoàn thành xuất sắc của khối: không cần quyết định ngoài tỷ lệ")
        }
        QuotaRefusal::TiePending { unit } => format!(
            "đơn vị {unit} bằng điểm với đơn vị khác tại ranh giới chỉ tiêu: Chủ tịch quyết định thứ tự bằng điểm trước"
        ),
        QuotaRefusal::NotExcellent { unit } => format!(
            "đơn vị {unit} chưa đủ mọi điều kiện Hoàn thành xuất sắc (ngoài chỉ tiêu của khối): không thể quyết định ngoài tỷ lệ"
        ),
        QuotaRefusal::AlreadyDecided { unit } => {
            format!("đơn vị {unit} đã được Chủ tịch quyết định Hoàn thành xuất sắc ngoài tỷ lệ")
        }
        QuotaRefusal::NoDecision { unit } => {
            format!("đơn vị {unit} không có quyết định ngoài tỷ lệ nào để rút lại")
        }
    }
}

/// The history's name of the action.
pub fn action_name(lang: Lang) -> &'static str {
    lang.pick("Quyết định ngoài tỷ lệ Hoàn thành xuất sắc", "Excellent beyond the quota")
}

/// The name of the write in a refusal of permission ("… không được …").
pub fn write_name() -> &'static str {
    "quyết định Hoàn thành xuất sắc ngoài tỷ lệ"
}

/// Who may make the decision, as a key that does not act for this user says it.
pub fn who_may(lang: Lang) -> &'static str {
    lang.pick(
        "Chỉ Chủ tịch Hội đồng quyết định Hoàn thành xuất sắc ngoài tỷ lệ",
        "Only the chairman rates a unit excellent beyond the quota",
    )
}

/// The reason fields' names.
pub fn reason_field(undo: bool, lang: Lang) -> &'static str {
    match (undo, lang) {
        (false, Lang::Vi) => "Lý do quyết định ngoài tỷ lệ",
        (true, Lang::Vi) => "Lý do rút quyết định ngoài tỷ lệ",
        (false, Lang::En) => "the reason for rating the unit excellent beyond the quota",
        (true, Lang::En) => "the reason for withdrawing the decision beyond the quota",
    }
}

/// The history's name of the value the decision changes (`quota_exception`).
pub fn field_name(lang: Lang) -> &'static str {
    lang.pick("quyết định ngoài tỷ lệ (điều khoản)", "decision beyond the quota (article)")
}

/// What the command line prints once the decision is recorded.
pub fn decided(lang: Lang, unit: &UnitCode, article: &str, reason: &str) -> String {
    match lang {
        Lang::Vi => {
            format!("Đã ghi quyết định của Chủ tịch: {unit} Hoàn thành xuất sắc ngoài tỷ lệ ({article}): {reason}")
        }
        Lang::En => {
            format!("Recorded the chairman's decision: {unit} excellent beyond the quota ({article}): {reason}")
        }
    }
}

/// What the command line prints once the decision is withdrawn.
pub fn withdrawn(lang: Lang, unit: &UnitCode, reason: &str) -> String {
    match lang {
        Lang::Vi => format!("Đã rút quyết định ngoài tỷ lệ của đơn vị {unit}: {reason}"),
        Lang::En => format!("Withdrew the decision beyond the quota on {unit}: {reason}"),
    }
}

/// The level's mark where a unit holds excellent by the decision, beside the level's name.
pub fn beyond_mark(lang: Lang) -> &'static str {
    lang.pick("ngoài tỷ lệ", "beyond the quota")
}

/// The desk's row for the decision (the chairman's, where the regulation allows it).
pub const DESK_ACTION: Words = Words::new(
    "Quyết định Hoàn thành xuất sắc ngoài tỷ lệ, hoặc rút quyết định (Chủ tịch)",
    "Decide Excellent beyond the quota, or withdraw the decision (chairman)",
);

/// The desk form's fields: the unit, the reason, and whether to withdraw.
pub const DESK_FIELDS: [Words; 3] = [
    Words::new("Đơn vị (mã)", "Unit (code)"),
    Words::new(
        "Lý do (thành tích đặc biệt xuất sắc; hoặc lý do rút quyết định)",
        "Reason (an exceptional achievement; or why the decision is withdrawn)",
    ),
    Words::new(
        "Rút quyết định đã ghi? (để trống: ghi quyết định; gõ rút: rút lại)",
        "Withdraw the recorded decision? (empty: record it; type undo: withdraw it)",
    ),
];

/// The third field's word was not understood.
pub const DESK_UNDO_WORD: Words = Words::new(
    "Ô thứ ba: để trống để ghi quyết định, hoặc gõ rút để rút quyết định đã ghi",
    "Third field: leave it empty to record the decision, or type undo to withdraw it",
);

/// Whether the third field asks to withdraw (*rút*, *rut*, *có*, *undo*).
pub fn means_withdraw(typed: &str) -> bool {
    let typed = typed.trim().to_lowercase();
    ["rút", "rut", "có", "co", "undo"].contains(&typed.as_str())
}
