//! The leaders' role in the regulation's words (issue 26): `leaders_name` where the regulation gives one
//! (*Thường trực Huyện ủy, HĐND, lãnh đạo UBND huyện*), else the seeds' *Lãnh đạo UBND tỉnh*; every other
//! role keeps its fixed name.

use super::Lang;
use crate::domain::permissions::Role;

/// A role as the title bar, the picker and the history name it, the leaders' from the regulation: in
/// Vietnamese its own words, in English "Leader" (the regulation's body is not a province's then).
pub fn role(role: Role, lang: Lang, leaders_name: Option<&str>) -> String {
    match (role, leaders_name, lang) {
        (Role::Leader, Some(name), Lang::Vi) => name.to_string(),
        (Role::Leader, Some(_), Lang::En) => "Leader".to_string(),
        _ => super::views::role(role, lang).to_string(),
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
}
