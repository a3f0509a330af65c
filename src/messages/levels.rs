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
