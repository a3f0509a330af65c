//! The chairman's decision to rate a unit excellent beyond its bloc's quota (*Chủ tịch … quyết định ngoài tỷ
//! lệ*, synthetic Điều 7.2), where the regulation's data names the article allowing it
//! (`quota.chairman_exception`). The unit must meet every condition of excellent but the quota; it then takes
//! no place of the quota (the others keep theirs), and the bloc's quota stays the computed one.
//!
//! The two notes below are the unit's reason for its level: typed quota notes, worded by `messages::reasons`.

use super::classification::Level;
use super::code::UnitCode;
use super::ranking::{Outcome, QuotaNote, RankedUnit};

/// One recorded decision: the unit, and the chairman's reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotaException {
    /// The unit rated excellent beyond the quota.
    pub unit: UnitCode,
    /// The chairman's reason, as recorded (required; audited).
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
pub fn exception_note(article: &str, reason: &str, rank: usize, quota: usize) -> QuotaNote {
    QuotaNote::ChairmanException { article: article.to_string(), reason: reason.to_string(), rank, quota }
}

/// The reason of a unit the chairman rated beyond the quota that no longer meets the conditions of excellent.
pub fn lapsed_note(article: &str) -> QuotaNote {
    QuotaNote::ExceptionLapsed { article: article.to_string() }
}
