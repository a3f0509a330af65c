//! The Excel formulas of a score sheet's sum rows (criterion, content, total), in the regulation's arithmetic,
//! with 453's not-applicable items carried as that regulation counts them.

use super::layout::{APPLICABLE_NO, PlannedRow};
use super::model::{FormulaResult, row_at};
use crate::domain::framework::{Content, Criterion, Framework, SubCriterion};
use rust_decimal::Decimal;
use std::fmt::Write;

/// Where each planned row landed, for formulas.
pub(super) struct Rows<'p> {
    pub(super) planned: &'p [PlannedRow],
    pub(super) first: u32,
}

impl Rows<'_> {
    fn row_of(&self, code: &str) -> u32 {
        let index = self.planned.iter().position(|row| row.code == code).unwrap_or(0);
        self.first.saturating_add(row_at(index))
    }
}

/// The formulas of one score column (self or appraised), in the regulation's arithmetic.
pub(super) struct Formulas<'a> {
    pub(super) framework: &'a Framework,
    pub(super) rows: Rows<'a>,
    /// Column letters of the max and of the applicability marks (453 only).
    pub(super) max: String,
    pub(super) applicable: Option<String>,
}

impl Formulas<'_> {
    /// The rows under a criterion: from the row after it (its first component, or its first middle level) to its
    /// last component.
    fn component_range(&self, column: &str, criterion: &Criterion) -> String {
        let first = self.rows.row_of(&criterion.code) + 1;
        let last = criterion.components.last().map(|c| self.rows.row_of(&c.code)).unwrap_or(0);
        format!("{column}{}:{column}{}", first + 1, last + 1)
    }

    /// The middle levels' cells inside a range, as a sum to take away (their leaves are in the range already):
    /// `-(N(E13)+N(E17))`, or nothing.
    fn less_subs<'s>(&self, column: &str, subs: impl Iterator<Item = &'s SubCriterion>) -> String {
        let cells: Vec<String> = subs.map(|sub| format!("N({column}{})", self.rows.row_of(&sub.code) + 1)).collect();
        if cells.is_empty() { String::new() } else { format!("-({})", cells.join("+")) }
    }

    /// A middle level's subtotal: the sum of its applicable leaves (453's marks where the sheet has them), ""
    /// when none applies, as `UnitScore::subtotal` counts it.
    pub(super) fn subcriterion(&self, column: &str, criterion: &Criterion, sub: &SubCriterion) -> String {
        let own = self.rows.row_of(&sub.code) + 1;
        let last = sub.leaves.last().map_or(own, |leaf| self.rows.row_of(leaf) + 1);
        let range = |c: &str| format!("{c}{}:{c}{last}", own + 1);
        let nested: Vec<&SubCriterion> = criterion
            .subcriteria
            .iter()
            .filter(|other| {
                let at = self.rows.row_of(&other.code) + 1;
                at > own && at <= last
            })
            .collect();
        let less = self.less_subs(column, nested.iter().copied());
        let Some(applicable) = &self.applicable else { return format!("SUM({}){less}", range(column)) };
        let marks = range(applicable);
        format!(
            "IF(COUNTIF({marks},\"{APPLICABLE_NO}\")={},\"\",SUMIF({marks},\"<>{APPLICABLE_NO}\",{}){less})",
            rows(&marks, nested.len()),
            range(column)
        )
    }

    /// True (as an Excel expression) when every item of a criterion is marked not applicable.
    fn wholly_not_applicable(&self, criterion: &Criterion) -> Option<String> {
        let applicable = self.applicable.as_ref()?;
        if criterion.is_leaf {
            let row = self.rows.row_of(&criterion.code) + 1;
            return Some(format!("{applicable}{row}=\"{APPLICABLE_NO}\""));
        }
        let range = self.component_range(applicable, criterion);
        Some(format!("COUNTIF({range},\"{APPLICABLE_NO}\")={}", rows(&range, criterion.subcriteria.len())))
    }

    /// A criterion's max plus the points of wholly not-applicable siblings that move to it (453 part C).
    fn effective_max(&self, criterion: &Criterion, siblings: &[Criterion]) -> String {
        let mut expression = format!("{}{}", self.max, self.rows.row_of(&criterion.code) + 1);
        for sibling in siblings.iter().filter(|s| s.transfer_to.as_deref() == Some(criterion.code.as_str())) {
            if let Some(gone) = self.wholly_not_applicable(sibling) {
                let _ = write!(expression, "+IF({gone},{}{},0)", self.max, self.rows.row_of(&sibling.code) + 1);
            }
        }
        expression
    }

    pub(super) fn criterion(&self, column: &str, criterion: &Criterion, siblings: &[Criterion]) -> String {
        let range = self.component_range(column, criterion);
        // The middle levels' rows lie in the ranges: their subtotals (and maxes) are taken away, and not counted.
        let less = self.less_subs(column, criterion.subcriteria.iter());
        let Some(applicable) = &self.applicable else { return format!("SUM({range}){less}") };
        let less_max = self.less_subs(&self.max, criterion.subcriteria.iter());
        let marks = self.component_range(applicable, criterion);
        let maxes = self.component_range(&self.max, criterion);
        let row = self.rows.row_of(&criterion.code) + 1;
        let effective = self.effective_max(criterion, siblings);
        let all_rows = rows(&marks, criterion.subcriteria.len());
        let applicable_sum = taken(format!("SUMIF({marks},\"<>{APPLICABLE_NO}\",{range})"), &less);
        let applicable_max = taken(format!("SUMIF({marks},\"<>{APPLICABLE_NO}\",{maxes})"), &less_max);
        format!(
            "IF(COUNTIF({marks},\"{APPLICABLE_NO}\")={all_rows},\"\",IF(AND(COUNTIF({marks},\"{APPLICABLE_NO}\")=0,{effective}={max}{row}),SUM({range}){less},{applicable_sum}*({effective})/{applicable_max}))",
            max = self.max
        )
    }

    pub(super) fn content(&self, column: &str, content: &Content) -> String {
        let cells: Vec<String> =
            content.criteria.iter().map(|c| format!("{column}{}", self.rows.row_of(&c.code) + 1)).collect();
        let sum = format!("SUM({})", cells.join(","));
        if self.applicable.is_none() {
            return sum;
        }
        let denominator: Vec<String> = content
            .criteria
            .iter()
            .map(|criterion| {
                let gone = self.wholly_not_applicable(criterion).unwrap_or_else(|| "FALSE".into());
                format!("IF({gone},0,{})", self.effective_max(criterion, &content.criteria))
            })
            .collect();
        let denominator = denominator.join("+");
        let max = format!("{}{}", self.max, self.rows.row_of(&content.code) + 1);
        format!("IF(({denominator})=0,\"\",IF(({denominator})={max},{sum},{sum}*{max}/({denominator})))")
    }

    pub(super) fn total(&self, column: &str, total_row: u32) -> String {
        let cells: Vec<String> =
            self.framework.contents.iter().map(|c| format!("{column}{}", self.rows.row_of(&c.code) + 1)).collect();
        let sum = format!("SUM({})", cells.join(","));
        if self.applicable.is_none() {
            return sum;
        }
        let denominator: Vec<String> = self
            .framework
            .contents
            .iter()
            .map(|c| {
                let row = self.rows.row_of(&c.code) + 1;
                format!("IF({column}{row}=\"\",0,{}{row})", self.max)
            })
            .collect();
        let denominator = denominator.join("+");
        let max = format!("{}{}", self.max, total_row + 1);
        format!("IF(({denominator})=0,0,IF(({denominator})={max},{sum},{sum}*{max}/({denominator})))")
    }
}

/// `ROWS(range)`, less the middle levels' rows in it.
fn rows(range: &str, subs: usize) -> String {
    if subs == 0 { format!("ROWS({range})") } else { format!("(ROWS({range})-{subs})") }
}

/// A sum with the middle levels' subtotals taken away (`less`), in parentheses where there are any.
fn taken(sum: String, less: &str) -> String {
    if less.is_empty() { sum } else { format!("({sum}{less})") }
}

pub(super) fn result_of(value: Option<Decimal>) -> FormulaResult {
    match value {
        Some(number) => FormulaResult::Number(number),
        None => FormulaResult::Text(String::new()),
    }
}
