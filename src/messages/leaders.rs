//! The leaders' role in the regulation's words (issue 26): `leaders_name` where the regulation gives one
//! (*Thường trực Huyện ủy, HĐND, lãnh đạo UBND huyện*), else the seeds' *Lãnh đạo UBND tỉnh*; every other
//! role keeps its fixed name.

use super::Lang;
use crate::domain::permissions::{Role, Rule};

/// A role as the title bar, the picker and the history name it, the leaders' from the regulation: in
/// Vietnamese its own words, in English "Leader" (the regulation's body is not a province's then).
pub fn role(role: Role, lang: Lang, leaders_name: Option<&str>) -> String {
    match (role, leaders_name, lang) {
        (Role::Leader, Some(name), Lang::Vi) => name.to_string(),
        (Role::Leader, Some(_), Lang::En) => "Leader".to_string(),
        _ => super::views::role(role, lang).to_string(),
    }
}

/// A rule about the leaders' scores in Vietnamese, the leaders named as the regulation names them; None where the
/// regulation keeps the seeds' words (or the rule is not about the leaders): the catalog's own sentence then.
pub fn rule_vi(rule: &Rule, leaders_name: Option<&str>) -> Option<String> {
    let name = leaders_name?;
    Some(match rule {
        Rule::ScoredByLeaders { criterion } => format!("tiêu chí {criterion} chỉ do {name} (vai trò leader) chấm"),
        Rule::LeadersScoreGroupI => format!("{name} chỉ chấm các tiêu chí quy chế giao cho mình"),
        Rule::LeaderOwnScore => format!("điểm của mỗi đồng chí ({name}) chỉ do chính đồng chí đó nhập"),
        Rule::LeaderRowNamesLeader => format!("điểm của {name} là một dòng ghi tên người chấm ở cột leader"),
        _ => return None,
    })
}

/// The audit history's name of a leader's score (*Lãnh đạo UBND tỉnh chấm điểm* in the seeds).
pub fn score_action(lang: Lang, leaders_name: Option<&str>) -> String {
    match (leaders_name, lang) {
        (Some(name), Lang::Vi) => format!("{name} chấm điểm"),
        (None, Lang::Vi) => "Lãnh đạo UBND tỉnh chấm điểm".to_string(),
        (_, Lang::En) => "Leader score".to_string(),
    }
}

/// Who scores the leaders' criteria, in a sentence's middle: the regulation's words, else the seeds'
/// *Lãnh đạo UBND tỉnh*.
pub fn name_vi(leaders_name: Option<&str>) -> &str {
    leaders_name.unwrap_or("Lãnh đạo UBND tỉnh")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_leaders_are_named_as_the_regulation_names_them_and_as_the_seeds_do_without() {
        let district = Some("Thường trực Huyện ủy, HĐND, lãnh đạo UBND huyện");
        assert_eq!(role(Role::Leader, Lang::Vi, district), "Thường trực Huyện ủy, HĐND, lãnh đạo UBND huyện");
        assert_eq!(role(Role::Leader, Lang::Vi, None), "Lãnh đạo UBND tỉnh");
        assert_eq!(role(Role::Leader, Lang::En, None), "Provincial leader");
        assert_eq!(role(Role::Leader, Lang::En, district), "Leader");
        assert_eq!(role(Role::Secretary, Lang::Vi, district), "Thư ký");
    }

    #[test]
    fn refusals_and_the_history_name_the_leaders_as_the_regulation_does() {
        let district = Some("Thường trực Huyện ủy, HĐND, lãnh đạo UBND huyện");
        let rule = Rule::ScoredByLeaders { criterion: "A.4".into() };
        assert_eq!(
            rule_vi(&rule, district).as_deref(),
            Some("tiêu chí A.4 chỉ do Thường trực Huyện ủy, HĐND, lãnh đạo UBND huyện (vai trò leader) chấm")
        );
        assert_eq!(rule_vi(&rule, None), None, "the seeds keep the catalog's sentence");
        assert_eq!(rule_vi(&Rule::ChairmanOnly, district), None);
        assert!(rule_vi(&Rule::LeadersScoreGroupI, district).is_some_and(|w| !w.contains("tỉnh")));
        assert_eq!(score_action(Lang::Vi, district), "Thường trực Huyện ủy, HĐND, lãnh đạo UBND huyện chấm điểm");
        assert_eq!(score_action(Lang::Vi, None), "Lãnh đạo UBND tỉnh chấm điểm");
    }
}
