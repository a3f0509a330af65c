//! Quality grades of criteria (Xuất sắc / Tốt / Trung bình / Kém): proposed from the score ratio, or overridden.

use rust_decimal::Decimal;
use std::fmt;
use std::str::FromStr;

/// A criterion's quality grade (*xếp loại chất lượng tiêu chí*, 2610 Điều 6.3), ordered from poor up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    /// *Kém*: below every threshold (under 50 % of the criterion's max in 2610).
    Poor,
    /// *Trung bình* (≥ 50 % in 2610).
    Average,
    /// *Tốt* (≥ 70 % in 2610).
    Good,
    /// *Xuất sắc* (≥ 90 % in 2610).
    Excellent,
}

impl Grade {
    /// Every grade, highest first.
    pub const ALL: [Grade; 4] = [Grade::Excellent, Grade::Good, Grade::Average, Grade::Poor];

    /// The grade's slug in the data, `import grades` and `rank --json` (`excellent` … `poor`).
    pub fn slug(self) -> &'static str {
        match self {
            Grade::Excellent => "excellent",
            Grade::Good => "good",
            Grade::Average => "average",
            Grade::Poor => "poor",
        }
    }

    /// The grade as the regulation and the papers write it (*Xuất sắc*, *Tốt*, *Trung bình*, *Kém*).
    pub fn vietnamese(self) -> &'static str {
        match self {
            Grade::Excellent => "Xuất sắc",
            Grade::Good => "Tốt",
            Grade::Average => "Trung bình",
            Grade::Poor => "Kém",
        }
    }
}

impl fmt::Display for Grade {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}

impl FromStr for Grade {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Grade::ALL
            .into_iter()
            .find(|grade| grade.slug() == text.trim())
            .ok_or_else(|| format!("grade must be excellent|good|average|poor, not {text:?}"))
    }
}

/// The lowest score ratio for each grade, highest grade first; below every threshold is `poor`.
#[derive(Debug, Clone, PartialEq)]
pub struct GradeScale {
    /// Each grade with the least ratio of score to max that earns it, as a fraction (`(excellent, 0.9)`).
    pub thresholds: Vec<(Grade, Decimal)>,
}

impl GradeScale {
    /// Proposes the grade of a criterion from its score and its max.
    pub fn propose(&self, score: Decimal, max: Decimal) -> Grade {
        if max.is_zero() {
            return Grade::Poor;
        }
        // ratio ≥ threshold ⇔ score ≥ threshold × max: no division, so no rounding.
        self.thresholds
            .iter()
            .find(|(_, threshold)| score >= *threshold * max)
            .map(|(grade, _)| *grade)
            .unwrap_or(Grade::Poor)
    }
}

/// A grade the council set in place of the proposed one; it needs a reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GradeOverride {
    /// The grade the council set.
    pub grade: Grade,
    /// Why (required; audited with the override).
    pub reason: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scale() -> GradeScale {
        GradeScale {
            thresholds: vec![
                (Grade::Excellent, Decimal::new(90, 2)),
                (Grade::Good, Decimal::new(70, 2)),
                (Grade::Average, Decimal::new(50, 2)),
            ],
        }
    }

    #[test]
    fn thresholds_are_inclusive() {
        let s = scale();
        let max = Decimal::from(20);
        assert_eq!(s.propose(Decimal::from(18), max), Grade::Excellent);
        assert_eq!(s.propose(Decimal::new(1799, 2), max), Grade::Good);
        assert_eq!(s.propose(Decimal::from(14), max), Grade::Good);
        assert_eq!(s.propose(Decimal::from(10), max), Grade::Average);
        assert_eq!(s.propose(Decimal::new(999, 2), max), Grade::Poor);
        // 1.5-point criterion: 1.35 is exactly 90 %.
        assert_eq!(s.propose(Decimal::new(135, 2), Decimal::new(15, 1)), Grade::Excellent);
    }
}
