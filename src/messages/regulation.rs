//! The words of a regulation's ranking shapes: the tie-break keys and the reason a tie key gives, the quota
//! rule, and the summary `thamdinh regulations check` prints.

use super::Lang;
use crate::domain::classification::Level;
use crate::domain::ranking::RankedUnit;
use crate::domain::regulation::Regulation;
use crate::domain::score::display_vi;
use crate::domain::tie_keys::{Decider, QuotaBase, QuotaRounding, TieKey};

/// A tie key as a reader names it: "điểm Phần B", "điểm tiêu chí B.1", "tổng điểm 3 chữ số thập phân".
pub fn tie_key_label(key: &TieKey, lang: Lang) -> String {
    match (key, lang) {
        (TieKey::Decimals(n), Lang::Vi) => format!("tổng điểm {n} chữ số thập phân"),
        (TieKey::Decimals(n), Lang::En) => format!("the total at {n} decimals"),
        (TieKey::Part(code), Lang::Vi) => format!("điểm Phần {code}"),
        (TieKey::Part(code), Lang::En) => format!("the score of part {code}"),
        (TieKey::Criterion(code), Lang::Vi) => format!("điểm tiêu chí {code}"),
        (TieKey::Criterion(code), Lang::En) => format!("the score of criterion {code}"),
    }
}

/// What `rank --json` names as the key that decided a unit's place in a tie: the key's slug, or `chairman`.
pub fn decider_slug(regulation: &Regulation, decider: &Decider) -> String {
    match decider {
        Decider::Key(at) => regulation.tie_keys.get(*at).map_or_else(String::new, TieKey::slug),
        Decider::Chairman => "chairman".to_string(),
    }
}

/// Why a unit stands where it does against the unit of equal official total next to it (`neighbour`, with
/// `above`: the neighbour is ranked above it): "Bằng tổng điểm 99,0 với đơn vị b; xếp dưới vì điểm Phần B
/// thấp hơn (16 so với 17)", or the chairman's order.
pub fn tie_reason(
    regulation: &Regulation,
    unit: &RankedUnit,
    neighbour: &RankedUnit,
    above: bool,
    lang: Lang,
) -> Option<String> {
    let decider = unit.decided_by.as_ref()?;
    // The total as the ranking shows it, at the regulation's decimals (`80,00`, not `80`).
    let total = super::views::total(unit.official_total, lang);
    let other = neighbour.unit.as_str();
    let place = match (above, lang) {
        (true, Lang::Vi) => "xếp dưới",
        (false, Lang::Vi) => "xếp trên",
        (true, Lang::En) => "ranked below",
        (false, Lang::En) => "ranked above",
    };
    Some(match decider {
        Decider::Key(at) => {
            let key = regulation.tie_keys.get(*at)?;
            let mine = super::reasons::score(*unit.tie_values.get(*at)?, lang);
            let theirs = super::reasons::score(*neighbour.tie_values.get(*at)?, lang);
            match lang {
                Lang::Vi => format!(
                    "Bằng tổng điểm {total} với đơn vị {other}; {place} vì {} {} ({mine} so với {theirs}) — thứ tự bằng điểm của quy chế",
                    tie_key_label(key, lang),
                    if above { "thấp hơn" } else { "cao hơn" }
                ),
                Lang::En => format!(
                    "Equal total {total} with unit {other}; {place} on {}, {} ({mine} against {theirs}) — the regulation's tie order",
                    tie_key_label(key, lang),
                    if above { "lower" } else { "higher" }
                ),
            }
        }
        Decider::Chairman => match lang {
            Lang::Vi => format!(
                "Bằng tổng điểm {total} với đơn vị {other} ở mọi tiêu chí xét bằng điểm; thứ tự do Chủ tịch quyết định"
            ),
            Lang::En => {
                format!("Equal total {total} with unit {other} on every tie key; the chairman decides the order")
            }
        },
    })
}

/// The quota rule in words: "15 % tổng số đơn vị của khối, số lẻ làm tròn lên, tối đa 4".
pub fn quota_rule(regulation: &Regulation, lang: Lang) -> String {
    let quota = &regulation.quota;
    let rate = display_vi(quota.rate * rust_decimal::Decimal::ONE_HUNDRED);
    let (base, rounding) = match lang {
        Lang::Vi => (
            match quota.base {
                QuotaBase::Eligible => "số đơn vị đủ điều kiện (Hoàn thành tốt trở lên)",
                QuotaBase::All => "tổng số đơn vị của khối",
            },
            match quota.rounding {
                QuotaRounding::Down => "không vượt quá (làm tròn xuống)",
                QuotaRounding::Up => "số lẻ làm tròn lên",
            },
        ),
        Lang::En => (
            match quota.base {
                QuotaBase::Eligible => "the eligible units (good or better)",
                QuotaBase::All => "all units of the bloc",
            },
            match quota.rounding {
                QuotaRounding::Down => "rounded down",
                QuotaRounding::Up => "rounded up",
            },
        ),
    };
    let cap = quota.cap.map(|cap| lang.pick(format!(", tối đa {cap}"), format!(", at most {cap}")));
    format!("{rate} % × {base}, {rounding}{}", cap.unwrap_or_default())
}

/// The tie chain in words: "tổng điểm 1 chữ số thập phân, rồi điểm Phần B, rồi …, rồi Chủ tịch quyết định".
pub fn tie_chain(regulation: &Regulation, lang: Lang) -> String {
    let mut steps = vec![match lang {
        Lang::Vi => format!("tổng điểm {} chữ số thập phân", regulation.official_decimals),
        Lang::En => format!("the total at {} decimals", regulation.official_decimals),
    }];
    steps.extend(regulation.tie_keys.iter().map(|key| tie_key_label(key, lang)));
    steps.push(lang.pick("Chủ tịch quyết định", "the chairman decides").to_string());
    steps.join(lang.pick(", rồi ", ", then "))
}

/// What `thamdinh regulations check` prints of a folder that loads: blocs with their frameworks, each
/// framework's tree with points, the levels with their conditions, the quota worked on 10 and 25 units, and
/// the tie chain — to hold against the regulation's text.
pub fn summary(regulation: &Regulation, lang: Lang) -> String {
    use std::fmt::Write;
    let mut out = format!("{}: {}\n", regulation.id, regulation.title);
    let _ = writeln!(out, "{}", lang.pick("Khối:", "Blocs:"));
    for bloc in &regulation.blocs {
        let framework = bloc
            .framework
            .and_then(|i| regulation.frameworks.get(i))
            .map_or_else(|| lang.pick("theo nhóm", "by group").to_string(), |f| f.key.clone());
        let cap = bloc
            .excellent_cap
            .map(|cap| lang.pick(format!("; tối đa {cap} xuất sắc"), format!("; at most {cap} excellent")));
        let _ = writeln!(out, "  {} — {} — {framework}{}", bloc.code, bloc.name, cap.unwrap_or_default());
    }
    for group in &regulation.groups {
        let framework = regulation.frameworks.get(group.framework).map_or("", |f| f.key.as_str());
        let _ = writeln!(out, "  {} {} — {} — {framework}", lang.pick("nhóm", "group"), group.code, group.name);
    }
    for framework in &regulation.frameworks {
        let _ = writeln!(out, "{} {}: {}", lang.pick("Khung", "Framework"), framework.key, framework.title);
        for content in &framework.contents {
            let _ = writeln!(out, "  {} {} — {}", content.code, content.name, display_vi(content.max));
            for criterion in &content.criteria {
                let _ = writeln!(out, "    {} {} — {}", criterion.code, criterion.name, display_vi(criterion.max));
                for component in criterion.components.iter().filter(|_| !criterion.is_leaf) {
                    let _ =
                        writeln!(out, "      {} {} — {}", component.code, component.name, display_vi(component.max));
                }
            }
        }
    }
    let _ = writeln!(out, "{}", lang.pick("Mức xếp loại:", "Levels:"));
    for rule in &regulation.classification.levels {
        let _ = writeln!(out, "  {}:", super::levels::level(regulation, rule.level, lang));
        for condition in &rule.conditions {
            let _ = writeln!(out, "    - {}", condition.label);
        }
    }
    let not_completed = super::levels::level(regulation, Level::NotCompleted, lang);
    let any_of = lang.pick("một trong", "any of");
    let _ = writeln!(out, "  {not_completed} ({any_of}):");
    for condition in &regulation.classification.not_completed {
        let _ = writeln!(out, "    - {}", condition.label);
    }
    // Each level's short name beside its full name (a narrow column, the chart's legend: `[level_short_names]`).
    let shorts: Vec<String> = Level::ALL
        .iter()
        .rev()
        .map(|&level| {
            let full = super::levels::level(regulation, level, lang);
            format!("{full} → {}", super::levels::level_short(regulation, level, lang))
        })
        .collect();
    let _ = writeln!(out, "{} {}", lang.pick("Viết tắt:", "Short names:"), shorts.join("; "));
    let quota = &regulation.quota;
    let worked: Vec<String> = [10, 25]
        .iter()
        .map(|&n| {
            let places = crate::domain::tie_keys::quota_of(quota.rate, quota.base, quota.rounding, quota.cap, n, n);
            lang.pick(format!("{n} đơn vị → {places}"), format!("{n} units → {places}"))
        })
        .collect();
    let _ = writeln!(
        out,
        "{} {}; {}",
        lang.pick("Chỉ tiêu xuất sắc:", "Excellent quota:"),
        quota_rule(regulation, lang),
        worked.join("; ")
    );
    let _ = writeln!(out, "{} {}", lang.pick("Bằng điểm:", "Ties:"), tie_chain(regulation, lang));
    out
}
