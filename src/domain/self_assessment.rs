//! The unit's own file behind its self-scores (regulation data): which self-scores need the unit's
//! explanation, what a missing explanation or a criterion without documents does (refused, or the component
//! marked *thiếu hồ sơ*), and the gaps of one unit's file.

use super::code::ComponentCode;
use super::framework::Framework;
use super::score::display_vi;
use super::scoring::ComponentScore;
use super::validate::has_visible;
use rust_decimal::Decimal;
use serde::Deserialize;

/// Which self-scores need the unit's explanation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExplanationFor {
    /// None does (the regulation says nothing).
    #[default]
    Nothing,
    /// Every self-score (Thái Nguyên Điều 8.2.b: "giải trình chi tiết … với điểm số tự chấm").
    AnySelfScore,
    /// A self-score below the component's max: a deduction the unit made (453 Điều 4.2).
    BelowMax,
}

/// What a missing piece of the file does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WhenMissing {
    /// Nothing: the regulation does not ask for it.
    #[default]
    Nothing,
    /// The component stays appraisable but is marked incomplete wherever it is shown.
    Incomplete,
    /// The self-score is refused without it, on every path that writes one.
    Refused,
}

/// `[self_assessment]` of `regulation.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SelfAssessmentRules {
    /// Which self-scores need the unit's explanation (2610: every one; 453: those below max).
    #[serde(default)]
    pub explanation_for: ExplanationFor,
    /// What a missing explanation does: 2610 flags the component incomplete (*thiếu hồ sơ*), 453 refuses the
    /// self-score.
    #[serde(default)]
    pub missing_explanation: WhenMissing,
    /// A criterion with no document filed under it or its components.
    #[serde(default)]
    pub missing_evidence: WhenMissing,
    /// The articles these rules come from, named in refusals and reasons.
    #[serde(default)]
    pub source: String,
}

/// A self-score the regulation refuses without the unit's explanation.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("điểm tự đánh giá {} thấp hơn điểm tối đa {} nên cần giải trình lý do tự trừ điểm ({article})", display_vi(*self_score), display_vi(*max))]
pub struct ExplanationMissing {
    /// The self-score typed.
    pub self_score: Decimal,
    /// The component's max points.
    pub max: Decimal,
    /// The article requiring the explanation (453 Điều 4.2), quoted in the refusal.
    pub article: String,
}

impl SelfAssessmentRules {
    /// The self-score needs the unit's explanation.
    fn explanation_needed(&self, max: Decimal, self_score: Decimal) -> bool {
        match self.explanation_for {
            ExplanationFor::Nothing => false,
            ExplanationFor::AnySelfScore => true,
            ExplanationFor::BelowMax => self_score < max,
        }
    }

    /// Checks a self-score and its explanation as they will be stored (after merging what a row changes).
    pub fn check(
        &self,
        max: Decimal,
        self_score: Option<Decimal>,
        explanation: &str,
    ) -> Result<(), ExplanationMissing> {
        match self_score {
            Some(self_score)
                if self.missing_explanation == WhenMissing::Refused
                    && self.explanation_needed(max, self_score)
                    && !has_visible(explanation) =>
            {
                Err(ExplanationMissing { self_score, max, article: self.source.clone() })
            }
            _ => Ok(()),
        }
    }

    /// What is missing from the file behind one applicable component; None when nothing is (or the
    /// regulation marks nothing). A self-score without its explanation, or a criterion with no document
    /// (`criterion_documents`: documents filed under the criterion or its components).
    pub fn gap(&self, max: Decimal, entry: &ComponentScore, criterion_documents: u32) -> Option<FileGap> {
        if !entry.applicable {
            return None;
        }
        let gap = FileGap {
            no_explanation: self.missing_explanation != WhenMissing::Nothing
                && entry.self_score.is_some_and(|self_score| self.explanation_needed(max, self_score))
                && !entry.has_explanation(),
            no_evidence: self.missing_evidence != WhenMissing::Nothing && criterion_documents == 0,
        };
        (gap.no_explanation || gap.no_evidence).then_some(gap)
    }

    /// `gap` of a component in its place: a component of a criterion the provincial leaders score (group I of
    /// 2610, Điều 6.2.b) is not part of the unit's self-assessment and is never a gap of its file.
    pub fn gap_of(
        &self,
        place: &super::framework::ComponentPlace<'_>,
        entry: &ComponentScore,
        criterion_documents: u32,
    ) -> Option<FileGap> {
        if place.criterion.scored_by_leaders {
            return None;
        }
        self.gap(place.component.max, entry, criterion_documents)
    }

    /// Whether the regulation marks incomplete files at all.
    pub fn marks_gaps(&self) -> bool {
        self.missing_explanation != WhenMissing::Nothing || self.missing_evidence != WhenMissing::Nothing
    }
}

/// What one component's file lacks (*thiếu hồ sơ*).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileGap {
    /// The self-score has no explanation (2610 Điều 8.2.b).
    pub no_explanation: bool,
    /// Its criterion has no evidence document (2610 Điều 8.2.c, 9.4.đ).
    pub no_evidence: bool,
}

impl FileGap {
    /// What is missing, in Vietnamese (*thiếu giải trình và tài liệu kiểm chứng*), for the sheets and papers.
    pub fn vietnamese(self) -> &'static str {
        match (self.no_explanation, self.no_evidence) {
            (true, true) => "thiếu giải trình và tài liệu kiểm chứng",
            (true, false) => "thiếu giải trình",
            _ => "thiếu tài liệu kiểm chứng",
        }
    }

    /// The deduction reason the council usually records for such a gap: offered in the scoring form, never
    /// written without the member asking for it.
    pub fn offered_reason(self) -> &'static str {
        if self.no_evidence {
            "không có tài liệu kiểm chứng"
        } else {
            "không có giải trình chi tiết của đơn vị"
        }
    }
}

/// The gaps of a unit's file, component by component in framework order. `documents(code)`: how many
/// documents are filed under a criterion or component code.
pub fn unit_gaps(
    rules: &SelfAssessmentRules,
    framework: &Framework,
    entries: &super::entries::Entries,
    documents: impl Fn(&str) -> u32,
) -> Vec<(ComponentCode, FileGap)> {
    if !rules.marks_gaps() {
        return Vec::new();
    }
    let mut gaps = Vec::new();
    let missing = ComponentScore::default();
    for (_, criterion) in framework.criteria().filter(|(_, criterion)| !criterion.scored_by_leaders) {
        let filed = criterion_documents(criterion, &documents);
        for component in &criterion.components {
            let entry = entries.get(&component.code).unwrap_or(&missing);
            if let Some(gap) = rules.gap(component.max, entry, filed) {
                gaps.push((component.code.clone(), gap));
            }
        }
    }
    gaps
}

/// Documents filed under a criterion or any of its components.
pub fn criterion_documents(criterion: &super::framework::Criterion, documents: impl Fn(&str) -> u32) -> u32 {
    let own = documents(&criterion.code);
    let components = criterion.components.iter().filter(|c| c.code != criterion.code);
    own + components.map(|c| documents(&c.code)).sum::<u32>()
}

/// The reason the unit's reasons carry about its file, naming its first incomplete components.
pub fn gaps_reason(rules: &SelfAssessmentRules, gaps: &[(ComponentCode, FileGap)]) -> Option<super::reasons::Reason> {
    /// How many incomplete components the reason names; the rest are counted.
    const LISTED: usize = 12;
    if gaps.is_empty() {
        return None;
    }
    Some(super::reasons::Reason::FileGaps {
        source: rules.source.clone(),
        count: gaps.len(),
        listed: gaps.iter().take(LISTED).cloned().collect(),
    })
}

/// How many of the first unscored components a refused submission names.
pub const NAMED_UNSCORED: usize = 5;

/// The components of a unit's framework still without a self-score, in framework order: the unit may not submit
/// while any is left. A component marked not applicable (453, Điều 4.2) is done; a component of a criterion the
/// provincial leaders score (group I) is not the unit's and is never missing.
pub fn unscored_components<'f>(framework: &'f Framework, entries: &super::entries::Entries) -> Vec<&'f ComponentCode> {
    framework
        .components()
        .filter(|place| !place.criterion.scored_by_leaders)
        .filter(|place| {
            entries.get(&place.component.code).is_none_or(|entry| entry.applicable && entry.self_score.is_none())
        })
        .map(|place| &place.component.code)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn thai_nguyen() -> SelfAssessmentRules {
        SelfAssessmentRules {
            explanation_for: ExplanationFor::AnySelfScore,
            missing_explanation: WhenMissing::Incomplete,
            missing_evidence: WhenMissing::Incomplete,
            source: "Điều 8.2.b–c, Điều 9.4.đ".into(),
        }
    }

    fn bac_giang() -> SelfAssessmentRules {
        SelfAssessmentRules {
            explanation_for: ExplanationFor::BelowMax,
            missing_explanation: WhenMissing::Refused,
            missing_evidence: WhenMissing::Nothing,
            source: "Điều 4.2".into(),
        }
    }

    fn entry(self_score: i64, explanation: &str) -> ComponentScore {
        ComponentScore {
            self_score: Some(Decimal::from(self_score)),
            explanation: explanation.into(),
            ..ComponentScore::default()
        }
    }

    #[test]
    fn bac_giang_refuses_a_deduction_without_its_reason() {
        let rules = bac_giang();
        let four = Decimal::from(4);
        assert!(rules.check(four, Some(Decimal::from(3)), "").is_err());
        assert!(rules.check(four, Some(Decimal::from(3)), "\u{200B} ").is_err(), "invisible text is no reason");
        assert!(rules.check(four, Some(Decimal::from(3)), "chỉ đạt 75% kế hoạch").is_ok());
        assert!(rules.check(four, Some(four), "").is_ok(), "no deduction, nothing to explain");
        assert!(thai_nguyen().check(four, Some(Decimal::from(3)), "").is_ok(), "Thái Nguyên flags, not refuses");
    }

    #[test]
    fn thai_nguyen_marks_a_self_score_without_explanation_or_documents() {
        let rules = thai_nguyen();
        let four = Decimal::from(4);
        assert_eq!(rules.gap(four, &entry(4, "đủ"), 1), None);
        assert_eq!(rules.gap(four, &entry(4, ""), 1), Some(FileGap { no_explanation: true, no_evidence: false }));
        assert_eq!(rules.gap(four, &entry(4, "đủ"), 0), Some(FileGap { no_explanation: false, no_evidence: true }));
        assert_eq!(
            rules.gap(four, &ComponentScore::default(), 0),
            Some(FileGap { no_explanation: false, no_evidence: true }),
            "no self-score: nothing to explain, but the criterion has no document"
        );
        assert_eq!(rules.gap(four, &ComponentScore::default(), 2), None);
        let not_applicable = ComponentScore { applicable: false, ..ComponentScore::default() };
        assert_eq!(rules.gap(four, &not_applicable, 0), None);
    }
}
