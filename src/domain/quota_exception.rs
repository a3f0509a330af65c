//! The chairman's decision to rate a unit excellent beyond its bloc's quota (*Chủ tịch … quyết định ngoài tỷ
//! lệ*, synthetic Điều 7.2), where the regulation's data names the article allowing it
//! (`quota.chairman_exception`). The unit must meet every condition of excellent but the quota; it then takes
//! no place of the quota (the others keep theirs), and the bloc's quota stays the computed one.
//!
//! The two notes below are the unit's reason for its level; they are worded here like the other quota notes of
//! `ranking` until reasons are typed (then: a variant of the reason enum, worded in `messages`).

use super::classification::Level;
use super::code::UnitCode;
use super::ranking::{Outcome, RankedUnit};

/// One recorded decision: the unit, and the chairman's reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotaException {
    pub unit: UnitCode,
    pub reason: String,
}

/// Whether a unit, as ranked without an exception, is one the chairman may rate beyond the quota.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExceptionFit {
    /// It meets every condition of excellent and is left out by the quota: the exception applies.
    Beyond,
    /// It already holds a place of the quota: it needs no exception.
    WithinQuota,
    /// Its tie group straddles the quota line: the chairman orders the tie first.
    TiePending,
    /// It does not meet every condition of excellent (besides the quota).
    NotExcellent,
}

/// What the quota made of `ranked`, for a decision on it.
pub fn fit(ranked: &RankedUnit) -> ExceptionFit {
    match ranked.outcome {
        _ if ranked.quota_exception => ExceptionFit::Beyond,
        Outcome::TiePending => ExceptionFit::TiePending,
        Outcome::Level(Level::Excellent) => ExceptionFit::WithinQuota,
        Outcome::Level(_) if ranked.assessment.meets(Level::Excellent) => ExceptionFit::Beyond,
        Outcome::Level(_) => ExceptionFit::NotExcellent,
    }
}

/// The reason of a unit rated excellent by the exception.
pub fn exception_note(article: &str, reason: &str, rank: usize, quota: usize) -> String {
    format!(
        "Hoàn thành xuất sắc ngoài tỷ lệ: Chủ tịch quyết định theo {article} (lý do: {reason}); hạng {rank}, chỉ tiêu của khối {quota} đơn vị"
    )
}

/// The reason of a unit the chairman rated beyond the quota that no longer meets the conditions of excellent.
pub fn lapsed_note(article: &str) -> String {
    format!(
        "Quyết định ngoài tỷ lệ của Chủ tịch ({article}) không áp dụng: đơn vị chưa đủ điều kiện Hoàn thành xuất sắc"
    )
}
