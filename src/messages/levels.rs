//! The levels as the regulation names them (issue 26): `[level_names]` / `[level_names_en]` in its data, else
//! the seeds' words (*Hoàn thành tốt nhiệm vụ*; `good`).

use super::Lang;
use crate::domain::classification::Level;
use crate::domain::ranking::Outcome;
use crate::domain::regulation::Regulation;

/// A level in the reader's language, as the regulation names it.
pub fn level(regulation: &Regulation, level: Level, lang: Lang) -> String {
    match lang {
        Lang::Vi => regulation.level_vi(level).to_string(),
        Lang::En => regulation.level_en(level).unwrap_or_else(|| super::cli::level_name(level, lang)).to_string(),
    }
}

/// A level stored by its slug (`good`, `tie_pending`), as the regulation names it; an unknown slug as it is.
pub fn outcome_by_slug(regulation: &Regulation, slug: &str, lang: Lang) -> String {
    Level::ALL
        .into_iter()
        .map(Outcome::Level)
        .chain([Outcome::TiePending])
        .find(|candidate| candidate.slug() == slug)
        .map_or_else(|| slug.to_string(), |found| outcome(regulation, found, lang))
}

/// A unit's outcome (its level, or a tie awaiting the chairman) in the reader's language, the level as the
/// regulation names it.
pub fn outcome(regulation: &Regulation, outcome: Outcome, lang: Lang) -> String {
    match outcome {
        Outcome::Level(l) => level(regulation, l, lang),
        Outcome::TiePending => super::cli::outcome_name(outcome, lang).to_string(),
    }
}

/// A level in a narrow column or the chart's legend (*Xuất sắc*, *Không HT*), as the regulation's data
/// shortens it (`[level_short_names]`), else its own full name made short, else the seeds' short word.
pub fn level_short(regulation: &Regulation, level: Level, lang: Lang) -> String {
    let names = &regulation.level_names;
    let data = match lang {
        Lang::Vi => names.short_vietnamese(level),
        Lang::En => names.short_english(level),
    };
    data.unwrap_or_else(|| super::views::level_short(level, lang).to_string())
}

/// A unit's outcome in a narrow column: its level short, as the regulation's data shortens it, or a pending tie.
pub fn outcome_short(regulation: &Regulation, outcome: Outcome, lang: Lang) -> String {
    match outcome {
        Outcome::Level(l) => level_short(regulation, l, lang),
        Outcome::TiePending => super::views::outcome_short(outcome, lang).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::regulation::{LevelNames, SHORT_LEVEL_COLUMNS, shortened};

    fn regulation(names: LevelNames) -> Regulation {
        let files = crate::store::catalog::files("thai-nguyen-2024").unwrap();
        let mut regulation = crate::domain::loader::load_regulation("thai-nguyen-2024", &files).unwrap();
        regulation.level_names = names;
        regulation
    }

    #[test]
    fn a_short_level_name_is_the_datas_else_the_full_name_made_short_else_the_seeds() {
        let at = |level: Level| Level::ALL.iter().position(|l| *l == level).unwrap();
        let mut names = LevelNames::default();
        // The seeds' words where the data names nothing, or names a level with the seeds' own full name.
        names.vietnamese[at(Level::Good)] = Some("Hoàn thành tốt nhiệm vụ".into());
        let seeds = regulation(names.clone());
        assert_eq!(level_short(&seeds, Level::Good, Lang::Vi), "Tốt");
        assert_eq!(level_short(&seeds, Level::NotCompleted, Lang::Vi), "Không HT");
        assert_eq!(level_short(&seeds, Level::NotCompleted, Lang::En), "Not compl.");
        assert_eq!(outcome_short(&seeds, Outcome::TiePending, Lang::Vi), "Chờ Chủ tịch");
        // The data's short name first; else its own full name, whole where it fits, else its first words.
        names.short_vietnamese[at(Level::Good)] = Some("Tốt (A)".into());
        names.vietnamese[at(Level::Completed)] = Some("Đạt".into());
        names.vietnamese[at(Level::NotCompleted)] = Some("Chưa hoàn thành".into());
        names.english[at(Level::NotCompleted)] = Some("failed".into());
        let data = regulation(names);
        assert_eq!(level_short(&data, Level::Good, Lang::Vi), "Tốt (A)");
        assert_eq!(level_short(&data, Level::Completed, Lang::Vi), "Đạt");
        assert_eq!(level_short(&data, Level::NotCompleted, Lang::Vi), "Chưa hoàn…");
        assert_eq!(level_short(&data, Level::NotCompleted, Lang::En), "failed");
        assert_eq!(outcome_short(&data, Outcome::Level(Level::NotCompleted), Lang::Vi), "Chưa hoàn…");
        // A made-short name always fits the column, a long first word cut.
        for full in ["Không hoàn thành nhiệm vụ", "Xuấtsắcxuấtsắcxuấtsắc", "Hoàn thành xuất sắc nhiệm vụ"]
        {
            let short = shortened(full);
            assert!(unicode_width::UnicodeWidthStr::width(short.as_str()) <= SHORT_LEVEL_COLUMNS, "{short}");
            assert!(short.ends_with('…'), "{short}");
        }
        assert_eq!(shortened("Không hoàn thành nhiệm vụ"), "Không hoàn…");
    }
}
