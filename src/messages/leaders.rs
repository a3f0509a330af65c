//! The leaders' role in the regulation's words (issue 26): `leaders_name` where the regulation gives one
//! (*Thường trực Huyện ủy, HĐND, lãnh đạo UBND huyện*), else the seeds' *Lãnh đạo UBND tỉnh*; every other
//! role keeps its fixed name.

use super::Lang;
use crate::domain::code::UnitCode;
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

/// Who scores the leaders' criteria in an English sentence's middle: *the provincial leaders* in the seeds, else
/// *the leaders* followed by the regulation's own words.
pub fn name_en(leaders_name: Option<&str>) -> String {
    crate::domain::permissions::leaders_en(leaders_name)
}

/// The act of entering one leader's score, the leaders named as the regulation names them.
pub fn enter_score_vi(leader: &str, component: &str, unit: &UnitCode, leaders_name: Option<&str>) -> String {
    match leaders_name {
        Some(name) => format!("nhập điểm của đồng chí {leader} ({name}) cho {component} của đơn vị {unit}"),
        None => format!("nhập điểm của Lãnh đạo {leader} cho {component} của đơn vị {unit}"),
    }
}

/// A member or assistant added for an agency that appraises nothing itself: its people score the leaders'
/// criteria, with the leader role.
pub fn agency_appraises_nothing(agency: &str, leaders_name: Option<&str>, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "cơ quan {agency} không tự thẩm định tiêu chí thành phần nào (chỉ các tiêu chí do {} chấm): thêm người của cơ quan với --role leader",
            name_vi(leaders_name)
        ),
        Lang::En => format!(
            "agency {agency} appraises no component itself (only criteria scored by {}): add its people with --role leader",
            name_en(leaders_name)
        ),
    }
}

/// A leader added under a regulation where the leaders score nothing.
pub fn no_leader_role(regulation: &str, leaders_name: Option<&str>, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "quy chế {regulation} không có tiêu chí do {} chấm, nên không có vai trò leader",
            name_vi(leaders_name)
        ),
        Lang::En => {
            format!("{regulation} has no criteria scored by {}, so no leader role", name_en(leaders_name))
        }
    }
}

/// Why a leader's score is not withdrawn (the scoring form's Ctrl-D and the store's refusal).
pub fn withdraw_leader_score(leaders_name: Option<&str>, lang: Lang) -> String {
    match (leaders_name, lang) {
        (None, Lang::Vi) => "điểm của Lãnh đạo UBND tỉnh không rút được; Lãnh đạo nhập điểm mới".to_string(),
        (Some(name), Lang::Vi) => {
            format!("điểm của {name} không rút được; đồng chí đã chấm nhập điểm mới")
        }
        (None, Lang::En) => "a provincial leader's score is not withdrawn; the leader enters a new one".to_string(),
        (Some(_), Lang::En) => {
            format!("a score of {} is not withdrawn; its author enters a new one", name_en(leaders_name))
        }
    }
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

    #[test]
    fn the_last_refusals_name_the_leaders_as_the_regulation_does_in_both_languages() {
        let district = Some("Thường trực Huyện ủy, HĐND, lãnh đạo UBND huyện");
        for lang in [Lang::Vi, Lang::En] {
            for words in [
                agency_appraises_nothing("lanh-dao-huyen", district, lang),
                no_leader_role("r", district, lang),
                withdraw_leader_score(district, lang),
                Rule::LeaderOwnScore.english(district),
            ] {
                assert!(words.contains("Thường trực Huyện ủy, HĐND, lãnh đạo UBND huyện"), "{words}");
                assert!(!words.contains("tỉnh") && !words.contains("provincial"), "{words}");
            }
        }
        assert!(
            enter_score_vi("ld", "A.4", &"ubnd-xa-a".into(), district)
                .contains("(Thường trực Huyện ủy, HĐND, lãnh đạo UBND huyện) cho A.4")
        );
        assert!(agency_appraises_nothing("ubnd", None, Lang::Vi).contains("do Lãnh đạo UBND tỉnh chấm"));
        assert!(no_leader_role("r", None, Lang::En).contains("scored by the provincial leaders"));
        assert_eq!(Rule::LeaderOwnScore.english(None), Rule::LeaderOwnScore.to_string(), "the seeds' own English");
    }

    #[test]
    fn a_refusal_in_english_names_the_leaders_as_the_regulation_does() {
        use crate::domain::permissions::{Act, Actor, Refusal};
        let who = Actor {
            name: "tv".into(),
            role: Role::Member,
            agency: Some("phong-noi-vu".into()),
            unit: None,
            leaders_name: None,
        }
        .in_round_of(Some("Thường trực Huyện ủy, HĐND, lãnh đạo UBND huyện"));
        let act = Box::new(Act::Appraise { component: "A.4.1".into(), unit: "k1-01".into() });
        let why = Refusal { who, act, rule: Box::new(Rule::ScoredByLeaders { criterion: "A.4".into() }) };
        let en = super::super::refusal(&why, Lang::En);
        assert!(en.ends_with("criterion A.4 is scored by the leaders (Thường trực Huyện ủy, HĐND, lãnh đạo UBND huyện) (role leader) only"), "{en}");
        let seeds = Refusal { who: why.who.clone().in_round_of(None), ..why };
        assert!(
            super::super::refusal(&seeds, Lang::En).ends_with("scored by the provincial leaders (role leader) only")
        );
    }
}
