//! Imports of CSV files (units, scores, grades, facts, evidence): every row checked first, then one transaction.

use super::Store;
use super::audit::{AuditAction, AuditTrail, Change, ImportKind};
use super::council::{check_stored_facts, remove_grade_override, write_grade_override};
use super::csv_input::CsvTable;
use super::error::Result;
use super::rows::Imported;
use super::state::row_state;
use super::write::{
    CLEAR_MARKER, Cell, Merged, ScoreChange, check_merged, import_summary, merge, write_evidence_audited, write_fact,
    write_merged,
};
use crate::domain::code::{BlocCode, UnitCode};
use crate::domain::framework::{ComponentPlace, Framework};
use crate::domain::grades::Grade;
use crate::domain::permissions::{CouncilWrite, Refusal, may, may_import_appraisal};
use crate::domain::regulation::Regulation;
use crate::domain::score::parse_score;
use crate::domain::validate::code_key;
use crate::store::StoreError;
use crate::store::{Refused, RowFault, RowItem, RowPlace, Subject};
use rusqlite::params;
use rusqlite::{Connection, OptionalExtension};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::str::FromStr;

struct UnitPlace {
    bloc: BlocCode,
    group: Option<String>,
    /// Its bloc is approved: no import may change it.
    frozen: bool,
}

fn non_empty(text: &str) -> Option<String> {
    (!text.is_empty()).then(|| text.to_string())
}

fn valid_unit_code(code: &str) -> bool {
    code.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && code.chars().count() <= crate::domain::validate::TextKind::Code.limit()
        && code.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

impl Store {
    fn unit_places(&self) -> Result<BTreeMap<UnitCode, UnitPlace>> {
        let mut statement = self.conn.prepare(
            "SELECT code, bloc, unit_group, EXISTS (SELECT 1 FROM approval a WHERE a.bloc = unit.bloc) FROM unit",
        )?;
        let rows = statement.query_map([], |row| {
            Ok((row.get::<_, UnitCode>(0)?, UnitPlace { bloc: row.get(1)?, group: row.get(2)?, frozen: row.get(3)? }))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn framework_of(&self, place: &UnitPlace) -> Option<&Framework> {
        self.regulation.framework_for(&place.bloc, place.group.as_deref())
    }

    /// The unit named in a row (its typed code), with its framework; an unknown unit is refused.
    fn row_unit<'p>(
        &self,
        table: &CsvTable,
        line: u64,
        units: &'p BTreeMap<UnitCode, UnitPlace>,
        code: &str,
    ) -> Result<(&'p UnitCode, &'p UnitPlace, &Framework)> {
        let (unit, place) = units.get_key_value(code).ok_or_else(|| {
            let key = code_key(code);
            match units.keys().find(|known| code_key(known) == key) {
                Some(known) => {
                    table.fault(line, Some("unit"), RowFault::UnitCase { code: code.to_string(), known: known.clone() })
                }
                None => table.fault(line, Some("unit"), RowFault::UnknownUnit { code: code.to_string() }),
            }
        })?;
        let framework = self
            .framework_of(place)
            .ok_or_else(|| table.at_line(line, Refused::NoFramework { unit: code.into() }.into()))?;
        if place.frozen {
            let (bloc, at, rerating) =
                (place.bloc.clone(), Subject::Unit(code.into()), self.regulation.rerating.clone());
            let frozen = Refused::Frozen { bloc, at, rerating };
            return Err(table.at_line(line, frozen.into()));
        }
        Ok((unit, place, framework))
    }

    /// Refuses a value this session's user may not write, naming the file, line, column, value and rule.
    fn permit_value(
        &self,
        table: &CsvTable,
        line: u64,
        column: &str,
        (at, value): ((&str, RowItem), &str),
        write: CouncilWrite,
    ) -> Result<()> {
        may(&self.actor, write).map_err(|refusal| table.refused(line, column, at, value, refusal))
    }

    /// Each value a score row changes, checked as if the importing user typed it (SPEC, Roles): self-scores,
    /// explanations and applicability are the secretary's import; an appraised score and its reason need the
    /// right to appraise that component; a provincial leader's score is that leader's own.
    /// The users with the leader role, by user name and full name (a `leader` cell must name one).
    fn leader_names(&self) -> Result<Vec<String>> {
        Ok(self
            .users()?
            .into_iter()
            .filter(|user| user.role == crate::domain::permissions::Role::Leader)
            .flat_map(|user| [user.name, user.full_name])
            .filter(|name| !name.trim().is_empty())
            .collect())
    }

    /// A unit's focal person writes no council column (appraised score, reason, leader): any value there is
    /// refused as it was typed, before anything stored is compared with it (a guess right or wrong reads the same).
    fn refuse_unit_council_cells(
        &self,
        table: &CsvTable,
        line: u64,
        record: &csv::StringRecord,
        place: &ComponentPlace<'_>,
        unit: &UnitCode,
    ) -> Result<()> {
        if self.actor.role != crate::domain::permissions::Role::Unit {
            return Ok(());
        }
        for column in ["appraised_score", "reason", "leader"] {
            let typed = table.cell(record, column);
            if typed.is_empty() {
                continue;
            }
            if let Err(refusal) = may_import_appraisal(&self.actor, place, unit, None) {
                let item = RowItem::Criterion(place.component.code.to_string());
                return Err(table.refused(line, column, (unit, item), typed, refusal));
            }
        }
        Ok(())
    }

    fn permit_merged(
        &self,
        table: &CsvTable,
        line: u64,
        place: &ComponentPlace<'_>,
        change: &ScoreChange,
        merged: &Merged,
    ) -> Result<()> {
        let (unit, code, after) = (&change.unit, &change.criterion, &merged.after);
        let refused = |column: &str, value: &str, refusal: Refusal| {
            table.refused(line, column, (unit, RowItem::Criterion(code.clone())), value, refusal)
        };
        // The value as the refusal names it; worked out only for a refusal.
        let value = |column: &str| match column {
            "self_score" => after.self_score.as_deref().unwrap_or(CLEAR_MARKER).to_string(),
            "applicable" => if after.applicable { "yes" } else { "no" }.to_string(),
            _ if after.explanation.is_empty() => CLEAR_MARKER.to_string(),
            _ if after.explanation.chars().count() > 40 => {
                format!("{:?}", after.explanation.chars().take(40).collect::<String>() + "…")
            }
            _ => format!("{:?}", after.explanation),
        };
        let unit_values = [
            (merged.self_score_changed(), "self_score"),
            (merged.explanation_changed(), "explanation"),
            (merged.applicable_changed(), "applicable"),
        ];
        for (_, column) in unit_values.into_iter().filter(|(changed, _)| *changed) {
            self.self_assessment_right(unit)?.map_err(|refusal| refused(column, &value(column), refusal))?;
        }
        if change.leader.is_none() && merged.appraisal_changed() {
            let value = after.appraised.as_deref().unwrap_or(CLEAR_MARKER);
            may_import_appraisal(&self.actor, place, unit, None)
                .map_err(|refusal| refused("appraised_score", value, refusal))?;
        }
        if let Some(leader) = &change.leader
            && merged.leader_changed()
        {
            let value = merged.leader_after.as_ref().map_or(CLEAR_MARKER, |l| l.score.as_str());
            may_import_appraisal(&self.actor, place, unit, Some(leader))
                .map_err(|refusal| refused("appraised_score", value, refusal))?;
        }
        Ok(())
    }

    /// `code,name,bloc,group`: adds units or replaces their name, bloc and group.
    pub fn import_units(&mut self, path: &Path) -> Result<Imported> {
        self.refuse_unit_user(CouncilWrite::Import)?;
        let table = CsvTable::read(path, &["code", "name", "bloc"], &["group"])?;
        let existing = self.unit_places()?;
        let scored: BTreeSet<String> = {
            let mut statement = self.conn.prepare("SELECT DISTINCT unit FROM score")?;
            statement.query_map([], |row| row.get(0))?.collect::<rusqlite::Result<_>>()?
        };
        let existing_keys: BTreeMap<String, &UnitCode> =
            existing.keys().map(|known| (code_key(known), known)).collect();
        let planned = table.plan(|line, record, seen: &mut BTreeMap<_, _>| {
            let code = table.cell(record, "code");
            let name = table.cell(record, "name");
            let bloc = table.cell(record, "bloc");
            let group = non_empty(table.cell(record, "group"));
            if !valid_unit_code(code) {
                return Err(table.fault(line, Some("code"), RowFault::BadUnitCode { code: code.to_string() }));
            }
            // From here on the cell is a unit code.
            let unit = UnitCode::from(code);
            if let Some((first_code, first)) = seen.insert(code_key(code), (unit.clone(), line)) {
                return Err(table.fault(line, Some("code"), RowFault::CodeTwice { code: unit, first, first_code }));
            }
            if let Some(known) = existing_keys.get(&code_key(code)).filter(|known| known.as_str() != code) {
                let known = (*known).clone();
                return Err(table.fault(line, Some("code"), RowFault::CodeOfAnother { code: unit, known }));
            }
            let fault = check_unit_name(code, name)
                .or_else(|| check_unit_place(&self.regulation, code, bloc, group.as_deref()));
            if let Some((column, fault)) = fault {
                return Err(table.fault(line, Some(column), fault));
            }
            // From here on the cell is a bloc code.
            let bloc = BlocCode::from(bloc);
            let new_place = UnitPlace { bloc: bloc.clone(), group: group.clone(), frozen: false };
            for affected in [Some(&bloc), existing.get(code).map(|old| &old.bloc)].into_iter().flatten() {
                self.check_not_frozen(affected, Subject::Unit(unit.clone())).map_err(|e| table.at_line(line, e))?;
            }
            if let Some(old) = existing.get(code) {
                let old_key = self.framework_of(old).map(|f| f.key.clone());
                let new_key = self.framework_of(&new_place).map(|f| f.key.clone());
                if scored.contains(code) && old_key != new_key {
                    let fault = RowFault::WouldOrphan { code: unit, bloc: bloc.clone(), group };
                    return Err(table.fault(line, None, fault));
                }
            }
            Ok(Some((unit, name.to_string(), bloc, group)))
        })?;
        self.write_import(ImportKind::Units, &table, planned.len(), |tx, trail| {
            for (line, (code, name, bloc, group)) in &planned {
                let old = existing.get(code).map(|_| stored_unit(tx, code)).transpose()?;
            let new = describe_unit(name, bloc, group.as_deref());
            if old.as_ref() == Some(&new) {
                continue;
            }
            self.permit_value(&table, *line, "name", ((code, RowItem::Unit), &new), CouncilWrite::Import)?;
            let state = tx.query_row(
                "INSERT INTO unit (code, name, bloc, unit_group) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (code) DO UPDATE SET name = excluded.name, bloc = excluded.bloc, unit_group = excluded.unit_group
                 RETURNING *",
                params![code, name, bloc, group],
                |row| row_state("unit", row),
            )?;
            let detail = format!("unit {code}: {} → {new}", old.as_deref().unwrap_or("—"));
            trail.record(
                tx,
                Change::new(AuditAction::Unit, detail).on(code, None).value("unit", old, Some(new)).state(state),
            )?;
        }
            Ok(())
        })
    }

    /// `unit,criterion[,self_score][,appraised_score][,reason][,applicable][,explanation][,leader]`. A row writes
    /// the cells it has: an absent column or an empty cell leaves the stored value as it is, `-` clears it. The
    /// rules (a reason for a deduction, no score on a not-applicable component) are checked on what the
    /// component holds after the row: its stored entry merged with the row.
    pub fn import_scores(&mut self, path: &Path) -> Result<Imported> {
        let table = CsvTable::read(
            path,
            &["unit", "criterion"],
            &["self_score", "appraised_score", "reason", "applicable", "explanation", "leader"],
        )?;
        let units = self.unit_places()?;
        let leaders = self.leader_names()?;
        let regulation = &self.regulation;
        let planned = table.plan(|line, record, seen: &mut BTreeMap<_, _>| {
            let unit = table.cell(record, "unit");
            let code = table.cell(record, "criterion");
            let (unit, _, framework) = self.row_unit(&table, line, &units, unit)?;
            self.check_unit_user_row(
                &|refusal| table.refused(line, "unit", (unit, RowItem::Unit), unit, refusal),
                unit,
            )?;
            let place =
                scored_component(framework, unit, code).map_err(|fault| table.fault(line, Some("criterion"), fault))?;
            self.refuse_unit_council_cells(&table, line, record, &place, unit)?;
            let max = place.component.max;
            let leader = non_empty(table.cell(record, "leader"));
            let (unit_code, component) = (UnitCode::from(unit), code.to_string());
            if let Some(first) = seen.insert((unit.to_string(), code.to_string(), leader.clone()), line) {
                return Err(table.fault(line, None, RowFault::Twice { unit: unit_code, code: component, first }));
            }
            let named = self.regulation.leaders_name.as_deref();
            check_leader_cell(&table, line, (unit, leader.as_deref()), &place, (&leaders, named))?;
            let applicable = applicable_cell(table.cell(record, "applicable")).map_err(|value| {
                let fault = RowFault::NotYesNo { unit: unit_code.clone(), code: component.clone(), value };
                table.fault(line, Some("applicable"), fault)
            })?;
            let number = |column: &str| -> Result<Cell<Decimal>> {
                let text = match Cell::of(table.cell(record, column)) {
                    Cell::Set(text) => text,
                    Cell::Keep => return Ok(Cell::Keep),
                    Cell::Clear => return Ok(Cell::Clear),
                };
                parse_score(text, &regulation.score_rule(max)).map(Cell::Set).map_err(|why| {
                    let (unit, code, self_score) = (unit_code.clone(), component.clone(), column == "self_score");
                    table.fault(line, Some(column), RowFault::BadScore { unit, code, self_score, why })
                })
            };
            let self_score = number("self_score")?;
            let appraised = number("appraised_score")?;
            if applicable == Cell::Set(false) && !regulation.not_applicable_allowed {
                let refused =
                    Refused::NotApplicableNotAllowed { unit: unit_code, component, regulation: regulation.id.clone() };
                return Err(table.fault(line, Some("applicable"), RowFault::Refused(Box::new(refused))));
            }
            let words = |column: &str| Cell::of(table.cell(record, column)).map(ToString::to_string);
            let change = ScoreChange {
                unit: unit.into(),
                criterion: code.to_string(),
                leader,
                self_score,
                appraised,
                reason: words("reason"),
                explanation: words("explanation"),
                applicable,
            };
            Ok(Some((place, change)))
        })?;
        self.write_score_rows(&table, &planned)
    }

    /// Writes the planned rows of a scores file in one transaction, each checked on what it merges into, then
    /// the parts of every unit touched (453 Điều 4.1).
    fn write_score_rows(
        &self,
        table: &CsvTable,
        planned: &[(u64, (ComponentPlace<'_>, ScoreChange))],
    ) -> Result<Imported> {
        self.write_import(ImportKind::Scores, table, planned.len(), |tx, trail| {
            for (line, (place, change)) in planned {
                let merged = merge(tx, change, &self.actor.name)?;
                let place_of = RowPlace::Line { file: table.file.clone(), line: *line };
                // The right first: a refusal of the rules may name what the component holds.
                self.permit_merged(table, *line, place, change, &merged)?;
                let by_unit = self.actor.role == crate::domain::permissions::Role::Unit;
                check_merged(&place_of, &self.regulation, place, change, &merged, by_unit)?;
                write_merged(tx, trail, change, &merged)?;
            }
            super::parts::check_units(tx, &self.regulation, planned.iter().map(|(_, (_, c))| &c.unit))
        })
    }

    /// `unit,criterion,grade,reason`: the council's override of a criterion's proposed grade. An empty grade
    /// cell leaves the stored override as it is (a reason beside it replaces the override's reason); `-`
    /// removes the override, so the proposed grade applies again.
    pub fn import_grades(&mut self, path: &Path) -> Result<Imported> {
        self.refuse_unit_user(CouncilWrite::Import)?;
        let table = CsvTable::read(path, &["unit", "criterion", "grade", "reason"], &[])?;
        if self.regulation.grades.is_none() {
            return Err(table.fault(1, None, RowFault::NoGrades { regulation: self.regulation.id.clone() }));
        }
        let units = self.unit_places()?;
        let planned = table.plan(|line, record, seen: &mut BTreeMap<_, _>| {
            let unit = table.cell(record, "unit");
            let code = table.cell(record, "criterion");
            let (unit, _, framework) = self.row_unit(&table, line, &units, unit)?;
            let (unit_code, criterion) = (UnitCode::from(unit), code.to_string());
            if framework.criterion(code).is_none() {
                let fault = RowFault::NotACriterion { unit: unit_code, code: criterion };
                return Err(table.fault(line, Some("criterion"), fault));
            }
            if let Some(first) = seen.insert((unit.to_string(), code.to_string()), line) {
                return Err(table.fault(line, None, RowFault::Twice { unit: unit_code, code: criterion, first }));
            }
            let grade = match Cell::of(table.cell(record, "grade")) {
                Cell::Keep => Cell::Keep,
                Cell::Clear => Cell::Clear,
                Cell::Set(text) => Cell::Set(Grade::from_str(text).map_err(|_| {
                    let fault =
                        RowFault::BadGrade { unit: unit_code.clone(), code: criterion.clone(), value: text.into() };
                    table.fault(line, Some("grade"), fault)
                })?),
            };
            let reason = table.cell(record, "reason");
            if reason == CLEAR_MARKER && grade != Cell::Clear {
                return Err(table.fault(
                    line,
                    Some("reason"),
                    RowFault::ReasonKept { unit: unit_code, code: criterion },
                ));
            }
            Ok(Some((unit_code, code.to_string(), grade, reason.to_string())))
        })?;
        self.write_import(ImportKind::Grades, &table, planned.len(), |tx, trail| {
            for (line, (unit, code, grade, reason)) in &planned {
                let stored: Option<(String, String)> = tx
                    .query_row(
                        "SELECT grade, reason FROM grade_override WHERE unit = ?1 AND criterion = ?2",
                        params![unit, code],
                        |r| Ok((r.get(0)?, r.get(1)?)),
                    )
                    .optional()?;
                let refuse = |column: &str, fault: RowFault| table.fault(*line, Some(column), fault);
                let write = override_write(grade, reason, stored.as_ref(), &refuse, unit, code)?;
                let Some((grade, reason)) = write else { continue };
                if let Some(grade) = grade {
                    self.check_override(unit, code, grade, reason).map_err(|e| table.at_line(*line, e))?;
                }
                let value = grade.map_or(CLEAR_MARKER, |grade| grade.slug());
                let at = (unit.as_str(), RowItem::Criterion(code.clone()));
                self.permit_value(&table, *line, "grade", (at, value), CouncilWrite::OverrideGrade)?;
                match grade {
                    Some(grade) => write_grade_override(tx, trail, unit, code, grade, reason)?,
                    None => remove_grade_override(tx, trail, unit, code, reason)?,
                }
            }
            Ok(())
        })
    }

    /// The regulation's fact `name` for a row of `unit` (in `bloc`): refused when the regulation has no such fact,
    /// or the fact is asked only in other blocs.
    fn fact_for_row(
        &self,
        table: &CsvTable,
        line: u64,
        unit: &UnitCode,
        bloc: &BlocCode,
        name: &str,
    ) -> Result<&crate::domain::facts::FactDefinition> {
        let definition = self.regulation.fact(name).ok_or_else(|| {
            let names = self.regulation.facts.iter().map(|f| f.name.clone()).collect();
            let (unit, name, regulation) = (unit.to_string(), name.to_string(), self.regulation.id.clone());
            table.fault(line, Some("fact"), RowFault::UnknownFact { unit: unit.into(), name, regulation, names })
        })?;
        if !definition.applies_to(bloc) {
            let (unit, bloc, name) = (unit.to_string(), bloc.clone(), name.to_string());
            let blocs = definition.blocs.clone();
            return Err(table.fault(
                line,
                Some("fact"),
                RowFault::FactNotInBloc { unit: unit.into(), bloc, name, blocs },
            ));
        }
        Ok(definition)
    }

    /// `unit,fact,value`: facts such as discipline or outstanding. An empty value leaves the stored fact as it
    /// is; `-` clears it back to its default (the fact is no longer recorded).
    pub fn import_facts(&mut self, path: &Path) -> Result<Imported> {
        self.refuse_unit_user(CouncilWrite::Import)?;
        let table = CsvTable::read(path, &["unit", "fact", "value"], &[])?;
        let units = self.unit_places()?;
        let planned = table.plan(|line, record, seen: &mut BTreeMap<_, _>| {
            let unit = table.cell(record, "unit");
            let name = table.cell(record, "fact");
            let (unit, place, _) = self.row_unit(&table, line, &units, unit)?;
            let definition = self.fact_for_row(&table, line, unit, &place.bloc, name)?;
            if let Some(first) = seen.insert((unit.to_string(), name.to_string()), line) {
                let (unit, name) = (unit.to_string(), name.to_string());
                return Err(table.fault(line, None, RowFault::FactTwice { unit: unit.into(), name, first }));
            }
            let value = match Cell::of(table.cell(record, "value")) {
                Cell::Keep => return Ok(None),
                Cell::Clear => None,
                Cell::Set(text) => Some(
                    definition
                        .parse_value(text)
                        .map_err(|why| {
                            let refused = Refused::BadFactValue { unit: unit.into(), why };
                            table.fault(line, Some("value"), RowFault::Refused(Box::new(refused)))
                        })?
                        .to_string(),
                ),
            };
            Ok(Some((unit.clone(), name.to_string(), value)))
        })?;
        self.write_import(ImportKind::Facts, &table, planned.len(), |tx, trail| {
            for (line, (unit, name, value)) in &planned {
                let old: Option<String> = tx
                    .query_row("SELECT value FROM fact WHERE unit = ?1 AND name = ?2", params![unit, name], |r| {
                        r.get(0)
                    })
                    .optional()?;
                if &old == value {
                    continue;
                }
                let at = (unit.as_str(), RowItem::Fact(name.clone()));
                self.permit_value(
                    &table,
                    *line,
                    "value",
                    (at, value.as_deref().unwrap_or(CLEAR_MARKER)),
                    CouncilWrite::Facts,
                )?;
                let state = write_fact(tx, unit, name, value.as_deref())?;
                let detail = match value {
                    Some(value) => format!("{unit} {name}: {} → {value}", old.as_deref().unwrap_or("—")),
                    None => {
                        format!("{unit} {name}: {} → — (cleared: its default applies)", old.as_deref().unwrap_or("—"))
                    }
                };
                trail.record(
                    tx,
                    Change::new(AuditAction::Fact, detail).on(unit, None).value(name, old, value.clone()).state(state),
                )?;
            }
            let mut touched: BTreeMap<&UnitCode, u64> = BTreeMap::new();
            for (line, (unit, _, _)) in &planned {
                touched.insert(unit, *line);
            }
            for (unit, line) in touched {
                check_stored_facts(tx, &self.regulation, unit).map_err(|why| table.at_line(line, why))?;
            }
            Ok(())
        })
    }

    /// `unit,criterion,title,reference,date`: documents backing a self-score.
    pub fn import_evidence(&mut self, path: &Path) -> Result<Imported> {
        let table = CsvTable::read(path, &["unit", "criterion", "title", "reference", "date"], &[])?;
        let units = self.unit_places()?;
        let planned = table.plan(|line, record, seen: &mut BTreeMap<_, _>| {
            let unit = table.cell(record, "unit");
            let code = table.cell(record, "criterion");
            let (unit, _, framework) = self.row_unit(&table, line, &units, unit)?;
            self.check_unit_user_row(
                &|refusal| table.refused(line, "unit", (unit, RowItem::Unit), unit, refusal),
                unit,
            )?;
            let (title, reference, date) =
                (table.cell(record, "title"), table.cell(record, "reference"), table.cell(record, "date"));
            let at = RowPlace::Line { file: table.file.clone(), line };
            let row = super::documents::check_document(&at, framework, unit, code, title, reference, date)?;
            if let Some(first) = seen.insert((unit.to_string(), code.to_string(), reference.to_string()), line) {
                let (unit, code, reference) = (unit.to_string(), code.to_string(), reference.to_string());
                return Err(table.fault(
                    line,
                    None,
                    RowFault::DocumentTwice { unit: unit.into(), code, reference, first },
                ));
            }
            Ok(Some(row))
        })?;
        self.write_import(ImportKind::Evidence, &table, planned.len(), |tx, trail| {
            for (line, row) in &planned {
                let at = (row.unit.as_str(), RowItem::Criterion(row.criterion.clone()));
                write_evidence_audited(tx, trail, row, || {
                    self.self_assessment_right(&row.unit)?
                        .map_err(|refusal| table.refused(*line, "reference", at.clone(), &row.reference, refusal))
                })?;
            }
            Ok(())
        })
    }
}

/// A unit's name and place as the audit shows them: `name | bloc | group`.
fn describe_unit(name: &str, bloc: &BlocCode, group: Option<&str>) -> String {
    match group {
        Some(group) => format!("{name} | {bloc} | {group}"),
        None => format!("{name} | {bloc}"),
    }
}

/// The unit as stored, described as the audit shows it.
fn stored_unit(tx: &rusqlite::Connection, code: &str) -> rusqlite::Result<String> {
    tx.query_row("SELECT name, bloc, unit_group FROM unit WHERE code = ?1", [code], |r| {
        Ok(describe_unit(&r.get::<_, String>(0)?, &r.get::<_, BlocCode>(1)?, r.get::<_, Option<String>>(2)?.as_deref()))
    })
}

/// A unit's name is there and is plain text: it is shown on every screen and printed by every command, so
/// nothing in it may drive a terminal. Returns the refused column and why, None when the name is fine.
fn check_unit_name(code: &str, name: &str) -> Option<(&'static str, RowFault)> {
    if name.is_empty() {
        return Some(("name", RowFault::NoName { code: code.into() }));
    }
    let (position, control) = crate::domain::text::first_control(name)?;
    Some(("name", RowFault::ControlInName { code: code.into(), position, control }))
}

/// The unit's bloc is one of the regulation's, and its group is one where the regulation has groups (and
/// none where it has not). Returns the refused column and why, None when the place is fine.
fn check_unit_place(
    regulation: &Regulation,
    code: &str,
    bloc: &str,
    group: Option<&str>,
) -> Option<(&'static str, RowFault)> {
    let (code, regulation_id) = (code.to_string(), regulation.id.clone());
    if regulation.bloc(bloc).is_none() {
        let known = regulation.blocs.iter().map(|b| b.code.to_string()).collect();
        return Some((
            "bloc",
            RowFault::UnknownBloc { code: code.into(), bloc: bloc.to_string(), regulation: regulation_id, known },
        ));
    }
    let fault = match (group, regulation.has_groups()) {
        (Some(group), true) if regulation.group(group).is_none() => {
            RowFault::UnknownGroup { code: code.into(), group: group.to_string() }
        }
        (None, true) => RowFault::GroupNeeded { code: code.into(), regulation: regulation_id },
        (Some(group), false) => {
            RowFault::NoGroups { code: code.into(), regulation: regulation_id, group: group.to_string() }
        }
        _ => return None,
    };
    Some(("group", fault))
}

/// What a grades row does to the stored override (grade, reason): nothing, remove it (no grade), or write a
/// grade with its reason. `refuse` words a refusal at the row's line, from its column on.
fn override_write<'r>(
    grade: &Cell<Grade>,
    reason: &'r str,
    stored: Option<&(String, String)>,
    refuse: &dyn Fn(&str, RowFault) -> StoreError,
    unit: &UnitCode,
    code: &str,
) -> Result<Option<(Option<Grade>, &'r str)>> {
    Ok(match grade {
        Cell::Clear if stored.is_some() => Some((None, if reason == CLEAR_MARKER { "" } else { reason })),
        Cell::Clear => None,
        Cell::Set(grade) => {
            let same_grade = stored.as_ref().is_some_and(|(old, _)| old == grade.slug());
            let same_reason = reason.is_empty() || stored.as_ref().is_some_and(|(_, old)| old == reason);
            match (same_grade && same_reason, reason.is_empty()) {
                (true, _) => None,
                (false, true) => {
                    let (unit, code) = (unit.to_string(), code.to_string());
                    return Err(refuse("reason", RowFault::OverrideNeedsReason { unit: unit.into(), code }));
                }
                (false, false) => Some((Some(*grade), reason)),
            }
        }
        Cell::Keep if reason.is_empty() => None,
        Cell::Keep => match &stored {
            Some((_, old_reason)) if old_reason == reason => None,
            Some((old, _)) => {
                Some((Some(Grade::from_str(old).map_err(|_| Refused::UnknownGrade { grade: old.clone() })?), reason))
            }
            None => {
                let (unit, code) = (unit.to_string(), code.to_string());
                return Err(refuse("grade", RowFault::NoOverrideForReason { unit: unit.into(), code }));
            }
        },
    })
}

/// A `leader` cell: only on a criterion the leaders score, and naming a user with the leader role.
fn check_leader_cell(
    table: &CsvTable,
    line: u64,
    (unit, leader): (&str, Option<&str>),
    place: &ComponentPlace<'_>,
    (leaders, leaders_name): (&[String], Option<&str>),
) -> Result<()> {
    let Some(name) = leader else { return Ok(()) };
    if !place.criterion.scored_by_leaders {
        let (unit, code, leaders) = (unit.to_string(), place.component.code.to_string(), leaders_name.map(Into::into));
        return Err(table.fault(line, Some("leader"), RowFault::NotLeaders { unit: unit.into(), code, leaders }));
    }
    if !leaders.iter().any(|l| l == name) {
        let (file, leader, leaders) = (table.file.clone(), name.to_string(), leaders_name.map(Into::into));
        return Err(super::trust::TrustRefused::NotALeader { file, line, leader, leaders }.into());
    }
    Ok(())
}

/// The component a scores row names; a criterion with components, or a code not in the framework, is refused
/// with the words saying which.
fn scored_component<'f>(
    framework: &'f crate::domain::framework::Framework,
    unit: &UnitCode,
    code: &str,
) -> std::result::Result<ComponentPlace<'f>, RowFault> {
    let (unit, code_text) = (unit.to_string(), code.to_string());
    framework.component(code).ok_or_else(|| match framework.criterion(code) {
        Some((_, criterion)) => {
            let components = criterion.components.iter().map(|c| c.code.to_string()).collect();
            RowFault::ScoredThroughComponents { unit: unit.into(), code: code_text, components }
        }
        None => RowFault::NoCriterion { unit: unit.into(), code: code_text },
    })
}

/// The `applicable` cell: empty keeps what is stored, `-` puts back yes; anything else than yes or no is
/// returned as typed, for the refusal.
fn applicable_cell(text: &str) -> std::result::Result<Cell<bool>, String> {
    match text.to_lowercase().as_str() {
        "" => Ok(Cell::Keep),
        CLEAR_MARKER | "yes" | "có" | "true" | "1" => Ok(Cell::Set(true)),
        "no" | "không" | "false" | "0" => Ok(Cell::Set(false)),
        other => Err(other.to_string()),
    }
}

impl Store {
    /// Writes an import's planned rows (`write_in_one_transaction`): `write` makes each change and records it in
    /// the trail; then the import's summary row (only when something changed). A refusal rolls it all back.
    fn write_import(
        &self,
        kind: ImportKind,
        table: &CsvTable,
        rows: usize,
        write: impl FnOnce(&Connection, &mut AuditTrail) -> Result<()>,
    ) -> Result<Imported> {
        self.write_in_one_transaction(|tx, trail| {
            write(tx, trail)?;
            let changes = trail.record_summary(tx, 0, import_summary(kind, &table.file, &format!("{rows} rows")))?;
            Ok(Imported { rows, changes })
        })
    }
}
