//! What a unit sees of its result once its bloc is approved (Điều 11.1.d asks it to analyse it): its total,
//! level, the reasons, every deduction with the council's reason, last year's level. Refused to a unit's focal
//! person before approval (nothing appraised is shown before publication) and for another unit.

use super::Store;
use super::error::Result;
use crate::domain::code::{BlocCode, UnitCode};
use crate::domain::evaluate::evaluate_round;
use crate::domain::permissions::{Role, may_see_result};
use crate::domain::previous_year::{PreviousLevel, YearContext, year_flags};
use crate::domain::reasons::{previous_year_reasons, unit_reasons};
use crate::store::Refused;
use rusqlite::params;
use std::collections::BTreeMap;

/// One component the council scored below its max, with its reason.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Deduction {
    /// The component's code.
    pub component: String,
    /// The component's name, as the regulation words it.
    pub name: String,
    /// Its maximum score.
    pub max: String,
    /// The unit's own score (None where it gave none).
    pub self_score: Option<String>,
    /// The council's appraised score.
    pub appraised: String,
    /// The council's deduction reason (*lý do trừ điểm*).
    pub reason: String,
}

/// A unit's result as the unit reads it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct UnitResult {
    /// The unit's code.
    pub unit: UnitCode,
    /// The unit's name.
    pub name: String,
    /// The bloc it is ranked in.
    pub bloc: BlocCode,
    /// The round's year.
    pub year: i32,
    /// Its place in the bloc's ranking, from 1.
    pub rank: usize,
    /// 2 decimals.
    pub total: String,
    /// `excellent`, `good`, `completed`, `not_completed`, `tie_pending`.
    pub level: &'static str,
    /// The level in the regulation's words (`[level_names]`), or the pending tie's.
    pub level_words: String,
    /// Rated excellent beyond the quota by the chairman's decision (`exceed-quota`): only where it is.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub quota_exception: bool,
    /// Its bloc is approved (always so for a unit's focal person).
    pub approved: bool,
    /// Why it has its level, typed: `messages::reasons` words them (the JSON of `result` carries the words).
    #[serde(skip)]
    pub reasons: Vec<crate::domain::reasons::Reason>,
    /// Every component scored below its maximum, with the council's reason.
    pub deductions: Vec<Deduction>,
    /// The level of the round before (null without one).
    pub previous_level: Option<String>,
    /// The chairman's flags by slug (`not_completed_two_years`, Điều 11.2.d).
    pub flags: Vec<&'static str>,
}

impl Store {
    /// The levels of the round this one was started from, by unit (empty without an earlier round).
    pub fn previous_levels(&self) -> Result<BTreeMap<UnitCode, PreviousLevel>> {
        let mut statement = self.conn.prepare("SELECT unit, year, level, total, approved FROM previous_level")?;
        let rows = statement.query_map([], |row| {
            Ok((
                row.get::<_, UnitCode>(0)?,
                PreviousLevel { year: row.get(1)?, level: row.get(2)?, total: row.get(3)?, approved: row.get(4)? },
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The unit a unit's focal person acts for, or the one named (required for everyone else).
    pub(super) fn own_or_named_unit(&self, unit: Option<&str>) -> Result<UnitCode> {
        match (unit, &self.actor.unit) {
            (Some(unit), _) => Ok(unit.into()),
            (None, Some(own)) if self.actor.role == Role::Unit => Ok(own.clone()),
            (None, _) => Err(Refused::UnitNotNamed.into()),
        }
    }

    /// Refuses a unit's focal person a result (or its score sheet) of another unit, or before its bloc is approved.
    pub fn permit_result(&self, unit: &UnitCode) -> Result<()> {
        let (bloc, _) = self.unit_place(unit)?;
        Ok(may_see_result(&self.actor, unit, self.approved_blocs()?.contains(bloc.as_str()))?)
    }

    /// A unit's result: the unit's focal person's own unit (once approved), or the unit named.
    pub fn unit_result(&self, unit: Option<&str>) -> Result<UnitResult> {
        let unit = self.own_or_named_unit(unit)?;
        self.permit_result(&unit)?;
        let round = self.load_round()?;
        let record = round
            .units
            .iter()
            .find(|u| u.code == unit)
            .ok_or_else(|| Refused::UnknownUnit { unit: unit.to_string() })?;
        let ranked = evaluate_round(&self.regulation, &round)
            .into_iter()
            .filter(|result| result.bloc == record.bloc)
            .flat_map(|result| result.ranking.units)
            .find(|ranked| ranked.unit == unit)
            .ok_or_else(|| Refused::NoFramework { unit: unit.clone() })?;
        let documents = self.document_counts()?;
        let previous = self.previous_levels()?.remove(&unit);
        let mut reasons = unit_reasons(&self.regulation, record, &ranked, |code| documents.count(&unit, code));
        let context = YearContext::of(&self.regulation, &round, &record.bloc);
        reasons.extend(previous_year_reasons(&context, previous.as_ref(), ranked.outcome));
        Ok(UnitResult {
            name: record.name.clone(),
            bloc: record.bloc.clone(),
            year: self.year,
            rank: ranked.rank,
            total: ranked.official_total.to_string(),
            level: ranked.outcome.slug(),
            level_words: self.regulation.outcome_vi(ranked.outcome).to_string(),
            quota_exception: ranked.quota_exception,
            approved: self.approved_blocs()?.contains(&record.bloc),
            reasons,
            deductions: self.deductions(record)?,
            flags: year_flags(&context, previous.as_ref(), ranked.outcome)
                .into_iter()
                .map(crate::domain::previous_year::YearFlag::slug)
                .collect(),
            previous_level: previous.map(|p| p.level),
            unit,
        })
    }

    /// Every applicable component of the unit the council scored below its max.
    fn deductions(&self, record: &crate::domain::evaluate::UnitRecord) -> Result<Vec<Deduction>> {
        let Some(framework) = self.regulation.framework_for(&record.bloc, record.group.as_deref()) else {
            return Ok(Vec::new());
        };
        let mut deductions = Vec::new();
        for place in framework.components() {
            let component = place.component;
            let Some(entry) = record.entries.get(&component.code) else { continue };
            let Some(appraised) = entry.effective_appraised().filter(|a| entry.applicable && *a < component.max) else {
                continue;
            };
            let reason = if entry.leader_scores.is_empty() {
                entry.deduction_reason.clone()
            } else {
                self.leader_reasons(&record.code, &component.code)?
            };
            deductions.push(Deduction {
                component: component.code.to_string(),
                name: component.name.clone(),
                max: component.max.normalize().to_string(),
                self_score: entry.self_score.map(|s| s.normalize().to_string()),
                appraised: appraised.normalize().to_string(),
                reason,
            });
        }
        Ok(deductions)
    }

    /// The provincial leaders' deduction reasons of a component, each once.
    fn leader_reasons(&self, unit: &UnitCode, component: &str) -> Result<String> {
        let mut statement = self.conn.prepare_cached(
            "SELECT DISTINCT deduction_reason FROM leader_score WHERE unit = ?1 AND criterion = ?2 AND deduction_reason <> ''",
        )?;
        let reasons = statement.query_map(params![unit, component], |r| r.get::<_, String>(0))?;
        Ok(reasons.collect::<rusqlite::Result<Vec<_>>>()?.join("; "))
    }
}
