//! A synthetic, reproducible round: self-scores, explanations, evidence, part of the appraisal, a few facts.

use super::rows::{EvidenceRow, ScoreRow, Seed, UnitRow};
use crate::domain::appraisal::reason_needed;
use crate::domain::regulation::Regulation;
use rust_decimal::Decimal;

/// The version of this generator, recorded with every demo round: `audit verify` regenerates a demo round's values
/// to check them, so a change to what this module generates for the same recipe must change this number.
/// 2: a criterion the leaders score (2610's group I, the synthetic A.4) gets no self-score, explanation or evidence.
pub const GENERATOR: u32 = 2;

/// splitmix64: small, fast and the same on every machine.
pub struct Sequence(u64);

impl Sequence {
    /// A sequence of its own for `text` (a unit, a component) under `seed`: the same pair always gives the same
    /// values, whatever else is generated.
    pub fn new(seed: u64, text: &str) -> Self {
        // FNV-1a of the text, mixed with the seed.
        let hash =
            text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
        Sequence(hash ^ seed.wrapping_mul(0x9E37_79B9_7F4A_7C15))
    }

    /// The next value of the sequence.
    pub fn next_value(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A whole number in 0..bound.
    pub fn below(&mut self, bound: u64) -> u64 {
        if bound == 0 { 0 } else { self.next_value() % bound }
    }

    /// An index below `len`, as `below` draws it.
    pub fn index(&mut self, len: usize) -> usize {
        usize::try_from(self.below(len as u64)).unwrap_or(0)
    }
}

const EXPLANATIONS: [&str; 4] = [
    "Đã hoàn thành đầy đủ, đúng thời hạn; có văn bản kèm theo.",
    "Thực hiện đạt kế hoạch năm; một số nội dung hoàn thành chậm so với tiến độ.",
    "Đơn vị tự đánh giá căn cứ báo cáo tổng kết năm và các văn bản chỉ đạo.",
    "Có sản phẩm cụ thể; kết quả được cấp có thẩm quyền ghi nhận.",
];

const REASONS: [&str; 4] = [
    "Tài liệu kiểm chứng chưa đầy đủ",
    "Hoàn thành chậm so với thời hạn quy định",
    "Chưa có sản phẩm cụ thể chứng minh kết quả",
    "Báo cáo chưa đúng mẫu, thiếu số liệu",
];

const DOCUMENTS: [&str; 4] = ["Báo cáo", "Kế hoạch", "Quyết định", "Công văn"];

/// Rounds down to a quarter point, the grain councils score in.
fn quarter(points: Decimal) -> Decimal {
    (points * Decimal::from(4)).floor() / Decimal::from(4)
}

/// Generates a round for the given units: `appraised_share` percent of components appraised.
/// `generator` is the version asked for (1 up to [`GENERATOR`]), so a demo round made by an earlier program is
/// generated again exactly as it was made.
pub fn generate(regulation: &Regulation, units: &[UnitRow], seed: u64, appraised_share: u64, generator: u32) -> Seed {
    let mut result = Seed { units: units.to_vec(), ..Seed::default() };
    for unit in units {
        let Some(framework) = regulation.framework_for(&unit.bloc, unit.group.as_deref()) else { continue };
        let mut rng = Sequence::new(seed, &unit.code);
        // Each unit has a strength: how close to max it scores itself.
        let strength = 80 + rng.below(21);
        // A strong unit scores (nearly) full marks and is fully appraised: it competes for excellent.
        let strong = strength >= 97;
        let largest = framework.components().map(|p| p.component.max).max().unwrap_or_default();
        let mut deduction_left = Decimal::new(i64::try_from(rng.below(9)).unwrap_or(0) * 25, 2);
        for place in framework.components() {
            let component = place.component;
            // The leaders score it (2610 Điều 6.2.b, synthetic Điều 3.4): it is no part of the unit's
            // self-assessment, so it gets no self-score, explanation or evidence. The draws are made all the same,
            // so every other component keeps the values it had.
            let by_unit = generator < 2 || !place.criterion.scored_by_leaders;
            let self_score = if strong {
                let deduction =
                    if component.max == largest { std::mem::take(&mut deduction_left) } else { Decimal::ZERO };
                component.max - deduction
            } else {
                let percent = (strength + rng.below(12)).min(100);
                quarter(component.max * Decimal::from(percent) / Decimal::ONE_HUNDRED)
            };
            let appraised = (strong || rng.below(100) < appraised_share).then(|| {
                if !strong && rng.below(4) == 0 { quarter(self_score * Decimal::new(85, 2)) } else { self_score }
            });
            let self_score = by_unit.then_some(self_score);
            let reason = match appraised.and_then(|a| reason_needed(component.max, self_score, a)) {
                Some(_) => REASONS[rng.index(REASONS.len())].to_string(),
                None => String::new(),
            };
            let explanation = EXPLANATIONS[rng.index(EXPLANATIONS.len())];
            result.scores.push(ScoreRow {
                unit: unit.code.clone().into(),
                criterion: component.code.to_string(),
                self_score,
                appraised,
                reason,
                explanation: if by_unit { explanation.to_string() } else { String::new() },
                applicable: true,
                leader: None,
            });
            for _ in 0..rng.below(3) {
                let day = 1 + rng.below(28);
                let month = 1 + rng.below(11);
                let kind = DOCUMENTS[rng.index(DOCUMENTS.len())];
                let number = 10 + rng.below(890);
                if !by_unit {
                    continue;
                }
                result.evidence.push(EvidenceRow {
                    unit: unit.code.clone().into(),
                    criterion: component.code.to_string(),
                    reference: format!("{}/{}-{}", number, kind_abbreviation(kind), unit.code.to_uppercase()),
                    title: format!("{kind} về {}", lowercase_first(&component.name)),
                    issued_on: format!("2024-{month:02}-{day:02}"),
                });
            }
        }
        if strong && (generator < 2 || regulation.fact("outstanding").is_some()) {
            result.facts.push((unit.code.clone(), "outstanding".into(), "true".into()));
        }
        if rng.below(12) == 0 && regulation.fact("discipline").is_some() {
            result.facts.push((unit.code.clone(), "discipline".into(), "remedied".into()));
        }
    }
    result
}

fn kind_abbreviation(kind: &str) -> &'static str {
    match kind {
        "Báo cáo" => "BC",
        "Kế hoạch" => "KH",
        "Quyết định" => "QĐ",
        _ => "CV",
    }
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
