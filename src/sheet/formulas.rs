//! The Excel formulas of a score sheet's sum rows (criterion, content, total), in the regulation's arithmetic,
//! with 453's not-applicable items carried as that regulation counts them.

use super::layout::{APPLICABLE_NO, PlannedRow};
use super::model::{FormulaResult, row_at};
use crate::domain::framework::{Content, Criterion, Framework};
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
    fn component_range(&self, column: &str, criterion: &Criterion) -> String {
        let first = criterion.components.first().map(|c| self.rows.row_of(&c.code)).unwrap_or(0);
        let last = criterion.components.last().map(|c| self.rows.row_of(&c.code)).unwrap_or(0);
        format!("{column}{}:{column}{}", first + 1, last + 1)
    }

    /// True (as an Excel expression) when every item of a criterion is marked not applicable.
    fn wholly_not_applicable(&self, criterion: &Criterion) -> Option<String> {
        let applicable = self.applicable.as_ref()?;
        if criterion.is_leaf {
            let row = self.rows.row_of(&criterion.code) + 1;
            return Some(format!("{applicable}{row}=\"{APPLICABLE_NO}\""));
        }
        let range = self.component_range(applicable, criterion);
        Some(format!("COUNTIF({range},\"{APPLICABLE_NO}\")=ROWS({range})"))
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
        let Some(applicable) = &self.applicable else { return format!("SUM({range})") };
        let marks = self.component_range(applicable, criterion);
        let maxes = self.component_range(&self.max, criterion);
        let row = self.rows.row_of(&criterion.code) + 1;
        let effective = self.effective_max(criterion, siblings);
        format!(
            "IF(COUNTIF({marks},\"{APPLICABLE_NO}\")=ROWS({marks}),\"\",IF(AND(COUNTIF({marks},\"{APPLICABLE_NO}\")=0,{effective}={max}{row}),SUM({range}),SUMIF({marks},\"<>{APPLICABLE_NO}\",{range})*({effective})/SUMIF({marks},\"<>{APPLICABLE_NO}\",{maxes})))",
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

pub(super) fn result_of(value: Option<Decimal>) -> FormulaResult {
    match value {
        Some(number) => FormulaResult::Number(number),
        None => FormulaResult::Text(String::new()),
    }
}
