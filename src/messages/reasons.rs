//! The words of a unit's reasons (`domain::reasons::Reason`): why it has its level, what the quota did, the
//! gaps of its file, last year's level. Vietnamese writes numbers with the decimal comma, English with the
//! point. A condition's label, a fact's title or choice and a regulation's article are the regulation's own
//! text: data, quoted as they are in both languages.
//!
//! This file names only `domain`: the council's papers and workbooks (which speak Vietnamese) word their
//! reasons here too, so a reason reads the same on a screen, in `result` and in a paper.

use super::Lang;
use crate::domain::classification::Level;
use crate::domain::facts::FactWords;
use crate::domain::grades::Grade;
use crate::domain::ranking::{Outcome, QuotaNote};
use crate::domain::reasons::{FactShown, LevelScore, Observation, Reason};
use crate::domain::regulation::LevelNames;
use crate::domain::self_assessment::FileGap;
use rust_decimal::Decimal;
use std::fmt::Write as _;

/// A score without trailing zeros: `3,5` in Vietnamese, `3.5` in English.
pub fn score(value: Decimal, lang: Lang) -> String {
    let text = value.normalize().to_string();
    match lang {
        Lang::Vi => text.replace('.', ","),
        Lang::En => text,
    }
}

/// A total at its decimals, trailing zeros kept: `93,50` / `93.50`.
fn total(value: Decimal, lang: Lang) -> String {
    match lang {
        Lang::Vi => value.to_string().replace('.', ","),
        Lang::En => value.to_string(),
    }
}

/// A level's name as the regulation's data writes it (`[level_names]`), else the seeds' words: *Hoàn thành tốt
/// nhiệm vụ* / `good`.
fn level(names: &LevelNames, level: Level, lang: Lang) -> String {
    match lang {
        Lang::Vi => names.vietnamese(level).to_string(),
        Lang::En => names.english(level).map_or_else(|| level_en(level).to_string(), str::to_string),
    }
}

/// A level's English name when the data gives none.
fn level_en(level: Level) -> &'static str {
    match level {
        Level::Excellent => "excellent",
        Level::Good => "good",
        Level::Completed => "completed",
        Level::NotCompleted => "not completed",
    }
}

/// A criterion's grade: *Trung bình* / `average`.
fn grade(grade: Grade, lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => grade.vietnamese(),
        Lang::En => match grade {
            Grade::Excellent => "excellent",
            Grade::Good => "good",
            Grade::Average => "average",
            Grade::Poor => "poor",
        },
    }
}

/// What one component's file lacks.
fn gap(gap: FileGap, lang: Lang) -> &'static str {
    match (lang, gap.no_explanation, gap.no_evidence) {
        (Lang::Vi, ..) => gap.vietnamese(),
        (Lang::En, true, true) => "no explanation and no evidence",
        (Lang::En, true, false) => "no explanation",
        (Lang::En, ..) => "no evidence",
    }
}

/// A stored outcome slug of an earlier round as the reader's language names it (the slug itself if unknown).
pub fn outcome_slug(names: &LevelNames, slug: &str, lang: Lang) -> String {
    [Level::Excellent, Level::Good, Level::Completed, Level::NotCompleted]
        .into_iter()
        .map(Outcome::Level)
        .chain([Outcome::TiePending])
        .find(|outcome| outcome.slug() == slug)
        .map_or_else(
            || slug.to_string(),
            |outcome| match (outcome, lang) {
                (Outcome::Level(l), _) => level(names, l, lang),
                (Outcome::TiePending, Lang::Vi) => outcome.vietnamese().to_string(),
                (Outcome::TiePending, Lang::En) => "awaiting the chairman's order".to_string(),
            },
        )
}

/// "Thành tích nổi bật: không": a fact's title (data) and its value.
fn fact(shown: &FactShown, lang: Lang) -> String {
    let value = match (&shown.value, lang) {
        (FactWords::Yes, Lang::Vi) => "có".to_string(),
        (FactWords::No, Lang::Vi) => "không".to_string(),
        (FactWords::Yes, Lang::En) => "yes".to_string(),
        (FactWords::No, Lang::En) => "no".to_string(),
        (FactWords::Count(count), _) => count.to_string(),
        (FactWords::Label(label), _) => label.clone(),
    };
    format!("{}: {value}", shown.title)
}

/// ": a, b" after a count, or nothing when none is named.
fn listed(items: &[String]) -> String {
    if items.is_empty() { String::new() } else { format!(": {}", items.join(", ")) }
}

/// What a unit shows on one condition.
pub fn observation(observation: &Observation, lang: Lang) -> String {
    match observation {
        Observation::Total(value) => lang.pick("tổng điểm ", "total ").to_string() + &score(*value, lang),
        Observation::Fact(shown) => fact(shown, lang),
        Observation::Facts(first, second) => format!("{}; {}", fact(first, lang), fact(second, lang)),
        Observation::GradesBelow(below) => {
            below.iter().map(|(code, g)| format!("{code}: {}", grade(*g, lang))).collect::<Vec<_>>().join(", ")
        }
        Observation::GradedAtMost { grade: at_most, graded, low } => {
            let (count, list, at_most) = (low.len(), listed(low), grade(*at_most, lang));
            match lang {
                Lang::Vi => format!("{count}/{graded} tiêu chí xếp loại {at_most} trở xuống{list}"),
                Lang::En => format!("{count}/{graded} criteria graded {at_most} or lower{list}"),
            }
        }
        Observation::BelowRatio { percent, scored, below } => {
            let items: Vec<String> = below
                .iter()
                .map(|(code, s, max)| format!("{code}: {}/{}", score(*s, lang), score(*max, lang)))
                .collect();
            let (count, list, percent) = (below.len(), listed(&items), score(*percent, lang));
            match lang {
                Lang::Vi => format!("{count}/{scored} tiêu chí dưới {percent}% điểm tối đa{list}"),
                Lang::En => format!("{count}/{scored} criteria below {percent}% of their maximum{list}"),
            }
        }
    }
}

/// " (IX: Trung bình)": the observations of a condition, or nothing.
fn observed(observations: &[Observation], lang: Lang) -> String {
    if observations.is_empty() {
        return String::new();
    }
    let words: Vec<String> = observations.iter().map(|o| observation(o, lang)).collect();
    format!(" ({})", words.join("; "))
}

/// " (Điều 8.2.b–c)": a regulation's article (data), or nothing.
fn source(source: &str) -> String {
    if source.is_empty() { String::new() } else { format!(" ({source})") }
}

/// What the bloc's quota, its approval or a re-rating did to a unit.
pub fn quota_note(names: &LevelNames, note: &QuotaNote, lang: Lang) -> String {
    match (note, lang) {
        (QuotaNote::TiePending { quota, remaining, rank }, Lang::Vi) => format!(
            "Bằng điểm với đơn vị khác tại ranh giới chỉ tiêu Hoàn thành xuất sắc của khối ({quota} đơn vị, còn {remaining}) ở hạng {rank}; chờ Chủ tịch Hội đồng quyết định thứ tự"
        ),
        (QuotaNote::TiePending { quota, remaining, rank }, Lang::En) => format!(
            "Equal total with another unit at the line of the bloc's excellent quota ({quota} units, {remaining} left) at rank {rank}; awaiting the chairman's order"
        ),
        (QuotaNote::Within { nth, quota, rank }, Lang::Vi) => format!(
            "Trong chỉ tiêu Hoàn thành xuất sắc của khối: đơn vị thứ {nth} trong {quota} đơn vị của chỉ tiêu, hạng {rank}"
        ),
        (QuotaNote::Within { nth, quota, rank }, Lang::En) => {
            format!("Within the bloc's excellent quota: place {nth} of its {quota}, rank {rank}")
        }
        (QuotaNote::Beyond { rank, quota, fallback }, Lang::Vi) => format!(
            "Đủ điều kiện Hoàn thành xuất sắc nhưng ở hạng {rank}, ngoài chỉ tiêu của khối ({quota} đơn vị, đã hết); xếp {}",
            level(names, *fallback, lang)
        ),
        (QuotaNote::Beyond { rank, quota, fallback }, Lang::En) => format!(
            "Meets the conditions of excellent but at rank {rank}, beyond the bloc's quota ({quota} units, all taken); rated {}",
            level(names, *fallback, lang)
        ),
        (QuotaNote::Approved { rank, level: l }, Lang::Vi) => {
            format!("Kết quả đã phê duyệt: hạng {rank}, {}", level(names, *l, lang))
        }
        (QuotaNote::Approved { rank, level: l }, Lang::En) => {
            format!("Approved result: rank {rank}, {}", level(names, *l, lang))
        }
        (QuotaNote::Rerated { rank, level: l, article }, Lang::Vi) => {
            let article = super::citations::cited(article.as_deref(), lang);
            format!("Kết quả sau xếp loại lại{article}: hạng {rank}, {}", level(names, *l, lang))
        }
        (QuotaNote::Rerated { rank, level: l, article }, Lang::En) => {
            let article = super::citations::cited(article.as_deref(), lang);
            format!("Result after re-rating{article}: rank {rank}, {}", level(names, *l, lang))
        }
        (QuotaNote::ChairmanException { article, reason, rank, quota }, Lang::Vi) => format!(
            "Hoàn thành xuất sắc ngoài tỷ lệ: Chủ tịch quyết định theo {article} (lý do: {reason}); hạng {rank}, chỉ tiêu của khối {quota} đơn vị"
        ),
        (QuotaNote::ChairmanException { article, reason, rank, quota }, Lang::En) => format!(
            "Excellent beyond the quota: decided by the chairman under {article} (reason: {reason}); rank {rank}, the bloc's quota {quota} units"
        ),
        (QuotaNote::ExceptionLapsed { article }, Lang::Vi) => format!(
            "Quyết định ngoài tỷ lệ của Chủ tịch ({article}) không áp dụng: đơn vị chưa đủ điều kiện Hoàn thành xuất sắc"
        ),
        (QuotaNote::ExceptionLapsed { article }, Lang::En) => format!(
            "The chairman's decision beyond the quota ({article}) does not apply: the unit does not meet the conditions of excellent"
        ),
    }
}

/// The first components of an incomplete file, each with what it lacks, and how many more there are.
fn gaps(count: usize, listed: &[(crate::domain::code::ComponentCode, FileGap)], lang: Lang) -> String {
    let mut items: Vec<String> = listed.iter().map(|(code, g)| format!("{code} ({})", gap(*g, lang))).collect();
    let more = count.saturating_sub(listed.len());
    if more > 0 {
        items.push(match lang {
            Lang::Vi => format!("và {more} tiêu chí thành phần khác"),
            Lang::En => format!("and {more} other components"),
        });
    }
    items.join("; ")
}

/// A criterion's levels in one line, the tree read left to right: " › " goes one level down, ", " to a
/// sibling, "; " back up: `12/15 › B.2.1 6/8 › B.2.1.1 3/4, B.2.1.2 2/2; B.2.2 6/7`.
fn levels(rows: &[LevelScore], lang: Lang) -> String {
    let value = |row: &LevelScore| match row.score {
        Some(value) => format!("{}/{}", score(value, lang), score(row.max, lang)),
        None => format!("{} ({}/{})", lang.pick("không áp dụng", "not applicable"), "—", score(row.max, lang)),
    };
    let mut line = String::new();
    let mut previous: Option<usize> = None;
    for row in rows {
        match previous {
            None => {
                line.push_str(&value(row));
                previous = Some(row.depth);
                continue;
            }
            Some(depth) if row.depth > depth => line.push_str(" › "),
            Some(depth) if row.depth == depth => line.push_str(", "),
            Some(_) => line.push_str("; "),
        }
        let _ = write!(line, "{} {}", row.code, value(row));
        previous = Some(row.depth);
    }
    line
}

/// One reason, in the reader's language.
pub fn reason(names: &LevelNames, reason: &Reason, lang: Lang) -> String {
    match (reason, lang) {
        (Reason::Total(value), _) => lang.pick("Tổng điểm ", "Total ").to_string() + &total(*value, lang),
        (Reason::Points { parts, bonus, penalty, source: article }, _) => {
            let parts: Vec<String> = parts
                .iter()
                .map(|(code, value)| {
                    let value = value.map_or_else(|| "—".to_string(), |v| score(v, lang));
                    format!("{} {code} {value}", lang.pick("Phần", "part"))
                })
                .collect();
            let (bonus, penalty, article) = (score(*bonus, lang), score(*penalty, lang), source(article));
            match lang {
                Lang::Vi => format!("Điểm {}; điểm thưởng {bonus}; điểm trừ {penalty}{article}", parts.join("; ")),
                Lang::En => format!("Scores: {}; bonus {bonus}; penalty {penalty}{article}", parts.join("; ")),
            }
        }
        (Reason::Subtotals(rows), _) => {
            let criterion = rows.first().map_or("", |row| row.code.as_str());
            match lang {
                Lang::Vi => format!("Điểm từng cấp của tiêu chí {criterion}: {}", levels(rows, lang)),
                Lang::En => format!("Criterion {criterion} level by level: {}", levels(rows, lang)),
            }
        }
        (Reason::NotCompleted { label, observed: seen }, _) => {
            let name = match (lang, names.english(Level::NotCompleted)) {
                (Lang::En, None) => "Not completed".to_string(),
                _ => level(names, Level::NotCompleted, lang),
            };
            format!("{name}: {label}{}", observed(seen, lang))
        }
        (Reason::Reached { level: l, label }, Lang::Vi) => format!("Đạt mức {}: {label}", level(names, *l, lang)),
        (Reason::Reached { level: l, label }, Lang::En) => format!("Meets {}: {label}", level(names, *l, lang)),
        (Reason::Missing { level: l, label, observed: seen }, Lang::Vi) => {
            format!("Chưa đạt mức {} — thiếu điều kiện: {label}{}", level(names, *l, lang), observed(seen, lang))
        }
        (Reason::Missing { level: l, label, observed: seen }, Lang::En) => {
            format!("Short of {} — condition not met: {label}{}", level(names, *l, lang), observed(seen, lang))
        }
        (Reason::NoHigherLevel, _) => lang
            .pick("Không đáp ứng điều kiện của mức nào cao hơn", "Meets the conditions of no higher level")
            .to_string(),
        (Reason::Quota(note), _) => quota_note(names, note, lang),
        (Reason::FileGaps { source: article, count, listed }, Lang::Vi) => format!(
            "Hồ sơ tự đánh giá thiếu{}: {count} tiêu chí thành phần — {}",
            source(article),
            gaps(*count, listed, lang)
        ),
        (Reason::FileGaps { source: article, count, listed }, Lang::En) => format!(
            "Self-assessment file incomplete{}: {count} components — {}",
            source(article),
            gaps(*count, listed, lang)
        ),
        (Reason::PreviousYear { year, level: slug, approved }, Lang::Vi) => format!(
            "Năm {year}: {}{}",
            outcome_slug(names, slug, lang),
            if *approved { "" } else { " (chưa phê duyệt khi chuyển sang năm mới)" }
        ),
        (Reason::PreviousYear { year, level: slug, approved }, Lang::En) => format!(
            "{year}: {}{}",
            outcome_slug(names, slug, lang),
            if *approved { "" } else { " (not approved when carried into the new year)" }
        ),
        (Reason::NotCompletedTwoYears { year, article }, Lang::Vi) => format!(
            "02 năm liên tiếp ({year} và năm nay) được xếp loại không hoàn thành nhiệm vụ: đề nghị Chủ tịch xem xét ({article})"
        ),
        (Reason::NotCompletedTwoYears { year, article }, Lang::En) => {
            format!("Not completed two years running ({year} and this year): for the chairman to consider ({article})")
        }
    }
}

/// Every reason of a unit, in the reader's language.
pub fn reasons(names: &LevelNames, reasons: &[Reason], lang: Lang) -> Vec<String> {
    reasons.iter().map(|r| reason(names, r, lang)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::code::ComponentCode;
    use std::str::FromStr;
    use std::sync::Arc;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap_or_default()
    }

    fn code(text: &str) -> ComponentCode {
        ComponentCode::new(text)
    }

    /// A regulation's label: data, quoted as it is in both languages.
    const LABEL: &str = "Có thành tích nổi bật";

    /// One reason of every kind, with the words each language gives it (the Vietnamese ones as the council has
    /// always read them).
    #[allow(clippy::too_many_lines, reason = "one table of every kind of reason and its words")]
    fn every_reason() -> Vec<(Reason, &'static str, &'static str)> {
        let label: Arc<str> = Arc::from(LABEL);
        let fact = |value| FactShown { title: "Thành tích nổi bật".into(), value };
        let gaps = (1..=13).map(|i| (code(&format!("II.{i}")), FileGap { no_explanation: i == 1, no_evidence: true }));
        vec![
            (Reason::Total(d("93.50")), "Tổng điểm 93,50", "Total 93.50"),
            (
                Reason::Points {
                    parts: vec![("A".into(), Some(d("28.5"))), ("B".into(), None)],
                    bonus: d("5"),
                    penalty: d("1.50"),
                    source: "Điều 4".into(),
                },
                "Điểm Phần A 28,5; Phần B —; điểm thưởng 5; điểm trừ 1,5 (Điều 4)",
                "Scores: part A 28.5; part B —; bonus 5; penalty 1.5 (Điều 4)",
            ),
            (
                Reason::Subtotals(vec![
                    LevelScore { depth: 0, code: "B.2".into(), score: Some(d("12.5")), max: d("15") },
                    LevelScore { depth: 1, code: "B.2.1".into(), score: Some(d("6.5")), max: d("8") },
                    LevelScore { depth: 2, code: "B.2.1.1".into(), score: Some(d("3.5")), max: d("4") },
                    LevelScore { depth: 2, code: "B.2.1.2".into(), score: None, max: d("2") },
                    LevelScore { depth: 1, code: "B.2.2".into(), score: Some(d("6")), max: d("7") },
                    LevelScore { depth: 2, code: "B.2.2.1".into(), score: Some(d("4")), max: d("4") },
                ]),
                "Điểm từng cấp của tiêu chí B.2: 12,5/15 › B.2.1 6,5/8 › B.2.1.1 3,5/4, B.2.1.2 không áp dụng (—/2); B.2.2 6/7 › B.2.2.1 4/4",
                "Criterion B.2 level by level: 12.5/15 › B.2.1 6.5/8 › B.2.1.1 3.5/4, B.2.1.2 not applicable (—/2); B.2.2 6/7 › B.2.2.1 4/4",
            ),
            (
                Reason::NotCompleted {
                    label: label.clone(),
                    observed: vec![Observation::Facts(fact(FactWords::Count(3)), fact(FactWords::Count(10)))],
                },
                "Không hoàn thành nhiệm vụ: Có thành tích nổi bật (Thành tích nổi bật: 3; Thành tích nổi bật: 10)",
                "Not completed: Có thành tích nổi bật (Thành tích nổi bật: 3; Thành tích nổi bật: 10)",
            ),
            (
                Reason::Reached { level: Level::Good, label: label.clone() },
                "Đạt mức Hoàn thành tốt nhiệm vụ: Có thành tích nổi bật",
                "Meets good: Có thành tích nổi bật",
            ),
            (
                Reason::Missing {
                    level: Level::Excellent,
                    label: label.clone(),
                    observed: vec![
                        Observation::Fact(fact(FactWords::No)),
                        Observation::GradesBelow(vec![("IX".into(), Grade::Average)]),
                        Observation::Total(d("89.50")),
                    ],
                },
                "Chưa đạt mức Hoàn thành xuất sắc nhiệm vụ — thiếu điều kiện: Có thành tích nổi bật (Thành tích nổi bật: không; IX: Trung bình; tổng điểm 89,5)",
                "Short of excellent — condition not met: Có thành tích nổi bật (Thành tích nổi bật: no; IX: average; total 89.5)",
            ),
            (
                Reason::Missing {
                    level: Level::Good,
                    label: label.clone(),
                    observed: vec![
                        Observation::GradedAtMost { grade: Grade::Poor, graded: 4, low: vec!["B.1".into()] },
                        Observation::BelowRatio {
                            percent: d("80.0"),
                            scored: 5,
                            below: vec![("B.2".into(), d("3.50"), d("5"))],
                        },
                    ],
                },
                "Chưa đạt mức Hoàn thành tốt nhiệm vụ — thiếu điều kiện: Có thành tích nổi bật (1/4 tiêu chí xếp loại Kém trở xuống: B.1; 1/5 tiêu chí dưới 80% điểm tối đa: B.2: 3,5/5)",
                "Short of good — condition not met: Có thành tích nổi bật (1/4 criteria graded poor or lower: B.1; 1/5 criteria below 80% of their maximum: B.2: 3.5/5)",
            ),
            (
                Reason::NoHigherLevel,
                "Không đáp ứng điều kiện của mức nào cao hơn",
                "Meets the conditions of no higher level",
            ),
            (
                Reason::Quota(QuotaNote::TiePending { quota: 2, remaining: 1, rank: 2 }),
                "Bằng điểm với đơn vị khác tại ranh giới chỉ tiêu Hoàn thành xuất sắc của khối (2 đơn vị, còn 1) ở hạng 2; chờ Chủ tịch Hội đồng quyết định thứ tự",
                "Equal total with another unit at the line of the bloc's excellent quota (2 units, 1 left) at rank 2; awaiting the chairman's order",
            ),
            (
                Reason::Quota(QuotaNote::Within { nth: 1, quota: 2, rank: 1 }),
                "Trong chỉ tiêu Hoàn thành xuất sắc của khối: đơn vị thứ 1 trong 2 đơn vị của chỉ tiêu, hạng 1",
                "Within the bloc's excellent quota: place 1 of its 2, rank 1",
            ),
            (
                Reason::Quota(QuotaNote::Beyond { rank: 3, quota: 2, fallback: Level::Good }),
                "Đủ điều kiện Hoàn thành xuất sắc nhưng ở hạng 3, ngoài chỉ tiêu của khối (2 đơn vị, đã hết); xếp Hoàn thành tốt nhiệm vụ",
                "Meets the conditions of excellent but at rank 3, beyond the bloc's quota (2 units, all taken); rated good",
            ),
            (
                Reason::Quota(QuotaNote::Approved { rank: 2, level: Level::Good }),
                "Kết quả đã phê duyệt: hạng 2, Hoàn thành tốt nhiệm vụ",
                "Approved result: rank 2, good",
            ),
            (
                Reason::Quota(QuotaNote::Rerated {
                    rank: 4,
                    level: Level::NotCompleted,
                    article: Some("Điều 10.4".into()),
                }),
                "Kết quả sau xếp loại lại (Điều 10.4): hạng 4, Không hoàn thành nhiệm vụ",
                "Result after re-rating (article 10.4): rank 4, not completed",
            ),
            (
                Reason::Quota(QuotaNote::Rerated { rank: 2, level: Level::Good, article: None }),
                "Kết quả sau xếp loại lại: hạng 2, Hoàn thành tốt nhiệm vụ",
                "Result after re-rating: rank 2, good",
            ),
            (
                Reason::FileGaps { source: "Điều 8.2.b–c".into(), count: 13, listed: gaps.take(2).collect() },
                "Hồ sơ tự đánh giá thiếu (Điều 8.2.b–c): 13 tiêu chí thành phần — II.1 (thiếu giải trình và tài liệu kiểm chứng); II.2 (thiếu tài liệu kiểm chứng); và 11 tiêu chí thành phần khác",
                "Self-assessment file incomplete (Điều 8.2.b–c): 13 components — II.1 (no explanation and no evidence); II.2 (no evidence); and 11 other components",
            ),
            (
                Reason::PreviousYear { year: 2024, level: "not_completed".into(), approved: false },
                "Năm 2024: Không hoàn thành nhiệm vụ (chưa phê duyệt khi chuyển sang năm mới)",
                "2024: not completed (not approved when carried into the new year)",
            ),
            (
                Reason::PreviousYear { year: 2024, level: "tie_pending".into(), approved: true },
                "Năm 2024: Chờ Chủ tịch quyết định thứ tự",
                "2024: awaiting the chairman's order",
            ),
            (
                Reason::NotCompletedTwoYears { year: 2024, article: "Điều 11.2.d".into() },
                "02 năm liên tiếp (2024 và năm nay) được xếp loại không hoàn thành nhiệm vụ: đề nghị Chủ tịch xem xét (Điều 11.2.d)",
                "Not completed two years running (2024 and this year): for the chairman to consider (Điều 11.2.d)",
            ),
        ]
    }

    #[test]
    fn every_reason_reads_in_vietnamese_as_the_council_knows_it_and_in_english() {
        for (reason, vi, en) in every_reason() {
            assert_eq!(super::reason(&LevelNames::default(), &reason, Lang::Vi), vi);
            assert_eq!(super::reason(&LevelNames::default(), &reason, Lang::En), en);
        }
    }

    /// English words a reason in English only: once the regulation's own text (labels, titles, articles) is taken
    /// out, nothing but ASCII and the dash is left.
    #[test]
    fn english_reasons_quote_only_the_regulation_in_vietnamese() {
        let data = [LABEL, "Thành tích nổi bật", "Điều 8.2.b–c", "Điều 11.2.d", "Điều 4"];
        for (reason, ..) in every_reason() {
            let mut english = super::reason(&LevelNames::default(), &reason, Lang::En);
            for phrase in data {
                english = english.replace(phrase, "");
            }
            assert!(english.chars().all(|c| c.is_ascii() || c == '—' || c == '›'), "{english}");
        }
    }

    #[test]
    fn a_score_is_written_with_the_comma_in_vietnamese_and_the_point_in_english() {
        let below =
            Observation::BelowRatio { percent: d("62.5"), scored: 1, below: vec![("C".into(), d("0.25"), d("1"))] };
        assert!(observation(&below, Lang::Vi).contains("62,5% điểm tối đa: C: 0,25/1"));
        assert!(observation(&below, Lang::En).contains("62.5% of their maximum: C: 0.25/1"));
        assert_eq!(outcome_slug(&LevelNames::default(), "excellent", Lang::En), "excellent");
        assert_eq!(outcome_slug(&LevelNames::default(), "unknown", Lang::Vi), "unknown");
    }
}
