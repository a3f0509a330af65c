//! The chairman's order of a tie group, checked against the current ranking before it is recorded.

use super::audit::{AuditAction, Change};
use super::error::{Result, StoreError};
use super::state::{removed_row, row_state};
use super::{Store, audit_one};
use crate::domain::code::{BlocCode, UnitCode};
use crate::domain::evaluate::{Round, evaluate_round};
use crate::domain::permissions::CouncilWrite;
use crate::domain::regulation::Regulation;
use crate::store::{Refused, Subject, TextField};
use rusqlite::params;
use rusqlite::types::Value;
use std::collections::BTreeSet;

impl Store {
    /// Records the chairman's order of one tie group of a bloc. The units must be exactly one
    /// current tie group (equal totals at 2 and 3 decimals); a new order of the same units replaces the old.
    pub fn order_tie(&mut self, bloc: &BlocCode, order: &[String]) -> Result<()> {
        self.write_tie_order(bloc, order, None)
    }

    /// Reopens a recorded tie order and replaces it with `order`, for the reason given (required, audited with
    /// the rows removed and added). Refused when no order of these units is recorded, and on an approved bloc.
    pub fn reorder_tie(&mut self, bloc: &BlocCode, order: &[String], reason: &str) -> Result<()> {
        let reason = super::required(reason, TextField::TieReorderReason, &Subject::Bloc(bloc.into()))?;
        self.write_tie_order(bloc, order, Some(reason.trim()))
    }

    fn write_tie_order(&mut self, bloc: &BlocCode, order: &[String], reason: Option<&str>) -> Result<()> {
        self.permit(CouncilWrite::OrderTie)?;
        if self.regulation.bloc(bloc).is_none() {
            let blocs: Vec<&str> = self.regulation.blocs.iter().map(|b| b.code.as_str()).collect();
            return Err(StoreError::from(Refused::UnknownBloc {
                bloc: bloc.to_string(),
                regulation: self.regulation.id.clone(),
                known: blocs.iter().map(ToString::to_string).collect(),
            }));
        }
        let tx = self.write_transaction()?;
        self.check_not_frozen(bloc, Subject::Tie)?;
        let distinct: BTreeSet<&str> = order.iter().map(String::as_str).collect();
        if distinct.len() != order.len() {
            return Err(StoreError::from(Refused::OrderRepeats));
        }
        if order.len() < 2 {
            return Err(StoreError::from(Refused::OrderTooShort));
        }
        let round = self.load_round()?;
        check_tie_group(&self.regulation, &round, bloc, order)?;
        let previous: Vec<String> = round
            .tie_orders
            .get(bloc)
            .into_iter()
            .flatten()
            .filter(|earlier| earlier.iter().any(|u| distinct.contains(&u.as_str())))
            .map(|earlier| earlier.join(","))
            .collect();
        if reason.is_some() && previous.is_empty() {
            return Err(StoreError::from(Refused::NoTieOrder { bloc: bloc.clone(), order: order.to_vec() }));
        }
        let states = replace_tie_orders(&tx, bloc, order)?;
        let old = (!previous.is_empty()).then(|| previous.join("; "));
        let change = Change::new(AuditAction::OrderTie, format!("bloc {bloc}: tie ordered {}", order.join(", ")))
            .value(&format!("tie_order:{bloc}"), old, Some(order.join(",")));
        let change = match reason {
            Some(reason) => change.because(reason),
            None => change,
        };
        audit_one(&tx, &self.actor, self.clock, change.states(states))?;
        tx.commit()?;
        Ok(())
    }
}

/// The units ordered are one whole tie group of the bloc: each a unit of it, together all the units of a group
/// that shares its totals, and no other.
fn check_tie_group(regulation: &Regulation, round: &Round, bloc: &BlocCode, order: &[String]) -> Result<()> {
    for unit in order {
        match round.units.iter().find(|u| &u.code == unit) {
            None => return Err(StoreError::from(Refused::UnknownUnit { unit: unit.clone() })),
            Some(u) if u.bloc != *bloc => {
                return Err(StoreError::from(Refused::NotInBloc {
                    unit: unit.clone().into(),
                    bloc: bloc.clone(),
                    its_bloc: u.bloc.to_string(),
                }));
            }
            Some(_) => {}
        }
    }
    let results = evaluate_round(regulation, round);
    let ranking = results.iter().find(|r| r.bloc == *bloc).map(|r| &r.ranking);
    let group =
        ranking.and_then(|ranking| ranking.tie_groups.iter().find(|group| group.units.iter().any(|u| u == &order[0])));
    let Some(group) = group else {
        return Err(StoreError::from(Refused::NoTie { unit: order[0].clone().into(), bloc: bloc.clone() }));
    };
    let members: BTreeSet<&str> = group.units.iter().map(UnitCode::as_str).collect();
    if members != order.iter().map(String::as_str).collect::<BTreeSet<&str>>() {
        return Err(StoreError::from(Refused::NotTheTieGroup {
            unit: order[0].clone().into(),
            group: group.units.iter().map(UnitCode::to_string).collect(),
        }));
    }
    Ok(())
}

/// Drops the earlier orders that covered any of these units and records this one; returns the state of each
/// row removed and each written, for the log.
fn replace_tie_orders(tx: &rusqlite::Connection, bloc: &BlocCode, order: &[String]) -> Result<Vec<String>> {
    let mut states = Vec::new();
    for unit in order {
        let mut statement = tx.prepare_cached(
            "DELETE FROM tie_order WHERE bloc = ?1 AND order_id IN (SELECT order_id FROM tie_order WHERE bloc = ?1 AND unit = ?2)
             RETURNING bloc, order_id, position",
        )?;
        let removed = statement.query_map(params![bloc, unit], |row| {
            Ok(removed_row(
                "tie_order",
                &[Value::Text(row.get(0)?), Value::Integer(row.get(1)?), Value::Integer(row.get(2)?)],
            ))
        })?;
        for state in removed {
            states.push(state?);
        }
    }
    let order_id: i64 =
        tx.query_row("SELECT COALESCE(MAX(order_id), 0) + 1 FROM tie_order WHERE bloc = ?1", params![bloc], |r| {
            r.get(0)
        })?;
    for (position, unit) in (1_i64..).zip(order) {
        states.push(tx.query_row(
            "INSERT INTO tie_order (bloc, order_id, position, unit) VALUES (?1, ?2, ?3, ?4) RETURNING *",
            params![bloc, order_id, position, unit],
            |row| row_state("tie_order", row),
        )?);
    }
    Ok(states)
}
