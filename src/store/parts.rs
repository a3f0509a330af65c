//! A regulation may fix each part's points (453 Điều 4.1: A 40, B 50, C 10): a write that leaves a part, or the
//! criterion others' points move to (C.1), of a unit's framework with no applicable component is refused, on
//! every path that writes `applicable`; the refusal cites the regulation's own article (`[citations]
//! part_points`) and the parts' points from the framework.

use super::Refused;
use super::error::Result;
use crate::domain::code::UnitCode;
use crate::domain::regulation::Regulation;
use std::collections::BTreeSet;

/// `check_unit` for each unit a write touched (each once).
pub(super) fn check_units<'a>(
    tx: &rusqlite::Connection,
    regulation: &Regulation,
    units: impl IntoIterator<Item = &'a UnitCode>,
) -> Result<()> {
    for unit in units.into_iter().collect::<BTreeSet<_>>() {
        check_unit(tx, regulation, unit)?;
    }
    Ok(())
}

/// Refuses a write that leaves a part of a unit's framework (or the criterion others' points move to) with no
/// applicable component (453 Điều 4.1), read inside the write's transaction after its rows are written.
pub(super) fn check_unit(tx: &rusqlite::Connection, regulation: &Regulation, unit: &UnitCode) -> Result<()> {
    if !regulation.not_applicable_allowed {
        return Ok(());
    }
    let (bloc, group): (crate::domain::code::BlocCode, Option<String>) =
        tx.query_row("SELECT bloc, unit_group FROM unit WHERE code = ?1", [unit], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let Some(framework) = regulation.framework_for(&bloc, group.as_deref()) else { return Ok(()) };
    let marked: BTreeSet<String> = {
        let mut statement = tx.prepare_cached("SELECT criterion FROM score WHERE unit = ?1 AND applicable = 0")?;
        statement.query_map([unit], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?
    };
    if marked.is_empty() {
        return Ok(());
    }
    match crate::domain::framework::wholly_not_applicable(framework, |code| marked.contains(code)) {
        Some(part) => {
            let parts = framework.contents.iter().map(|content| (content.code.clone(), content.max)).collect();
            let article = regulation.citations.part_points.clone();
            Err(Refused::WhollyNotApplicable { unit: unit.into(), part: part.to_string(), parts, article }.into())
        }
        None => Ok(()),
    }
}
