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
use crate::domain::reasons::{FactShown, Observation, Reason};
use crate::domain::self_assessment::FileGap;
use rust_decimal::Decimal;

/// A score without trailing zeros: `3,5` in Vietnamese, `3.5` in English.
fn score(value: Decimal, lang: Lang) -> String {
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

/// A level's name: *Hoàn thành tốt nhiệm vụ* / `good`.
fn level(level: Level, lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => level.vietnamese(),
        Lang::En => match level {
            Level::Excellent => "excellent",
            Level::Good => "good",
            Level::Completed => "completed",
            Level::NotCompleted => "not completed",
        },
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
pub fn outcome_slug(slug: &str, lang: Lang) -> String {
    [Level::Excellent, Level::Good, Level::Completed, Level::NotCompleted]
        .into_iter()
        .map(Outcome::Level)
        .chain([Outcome::TiePending])
        .find(|outcome| outcome.slug() == slug)
        .map_or_else(
            || slug.to_string(),
            |outcome| match (outcome, lang) {
                (outcome, Lang::Vi) => outcome.vietnamese().to_string(),
                (Outcome::Level(l), Lang::En) => level(l, lang).to_string(),
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
pub fn quota_note(note: &QuotaNote, lang: Lang) -> String {
    match (*note, lang) {
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
            level(fallback, lang)
        ),
        (QuotaNote::Beyond { rank, quota, fallback }, Lang::En) => format!(
            "Meets the conditions of excellent but at rank {rank}, beyond the bloc's quota ({quota} units, all taken); rated {}",
            level(fallback, lang)
        ),
        (QuotaNote::Approved { rank, level: l }, Lang::Vi) => {
            format!("Kết quả đã phê duyệt: hạng {rank}, {}", level(l, lang))
        }
        (QuotaNote::Approved { rank, level: l }, Lang::En) => {
            format!("Approved result: rank {rank}, {}", level(l, lang))
        }
        (QuotaNote::Rerated { rank, level: l }, Lang::Vi) => {
            format!("Kết quả sau xếp loại lại (Điều 10.4): hạng {rank}, {}", level(l, lang))
        }
        (QuotaNote::Rerated { rank, level: l }, Lang::En) => {
            format!("Result after re-rating (article 10.4): rank {rank}, {}", level(l, lang))
        }
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

/// One reason, in the reader's language.
pub fn reason(reason: &Reason, lang: Lang) -> String {
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
        (Reason::NotCompleted { label, observed: seen }, _) => {
            format!("{}: {label}{}", lang.pick("Không hoàn thành nhiệm vụ", "Not completed"), observed(seen, lang))
        }
        (Reason::Reached { level: l, label }, Lang::Vi) => format!("Đạt mức {}: {label}", level(*l, lang)),
        (Reason::Reached { level: l, label }, Lang::En) => format!("Meets {}: {label}", level(*l, lang)),
        (Reason::Missing { level: l, label, observed: seen }, Lang::Vi) => {
            format!("Chưa đạt mức {} — thiếu điều kiện: {label}{}", level(*l, lang), observed(seen, lang))
        }
        (Reason::Missing { level: l, label, observed: seen }, Lang::En) => {
            format!("Short of {} — condition not met: {label}{}", level(*l, lang), observed(seen, lang))
        }
        (Reason::NoHigherLevel, _) => lang
            .pick("Không đáp ứng điều kiện của mức nào cao hơn", "Meets the conditions of no higher level")
            .to_string(),
        (Reason::Quota(note), _) => quota_note(note, lang),
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
            outcome_slug(slug, lang),
            if *approved { "" } else { " (chưa phê duyệt khi chuyển sang năm mới)" }
        ),
        (Reason::PreviousYear { year, level: slug, approved }, Lang::En) => format!(
            "{year}: {}{}",
            outcome_slug(slug, lang),
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
pub fn reasons(reasons: &[Reason], lang: Lang) -> Vec<String> {
    reasons.iter().map(|r| reason(r, lang)).collect()
}
