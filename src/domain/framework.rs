//! The criteria tree of one framework: contents › criteria › components, with max points.

use super::code::ComponentCode;
use rust_decimal::Decimal;

/// A whole framework as it applies to a unit (Phụ lục I, or parts A + B of a group + C).
#[derive(Debug, Clone, PartialEq)]
pub struct Framework {
    /// Names the parts it was built from, e.g. `phu-luc-1.toml` or `phan-a.toml+phan-b-01.toml+phan-c.toml`.
    pub key: String,
    /// The framework's title (*Phụ lục I: Tiêu chí đánh giá … các sở, ban, ngành*).
    pub title: String,
    /// Where the framework is printed, e.g. `Phụ lục I, Quyết định 2610/QĐ-UBND ngày 25/10/2024 …`.
    pub source: String,
    /// Its contents (or parts) in the appendix's order.
    pub contents: Vec<Content>,
}

/// Nội dung I/II/III, or part A/B/C.
#[derive(Debug, Clone, PartialEq)]
pub struct Content {
    /// The content's code (`I`, `II`, `III`; `A`, `B`, `C` in 453).
    pub code: String,
    /// The content's name, as the appendix prints it.
    pub name: String,
    /// Its max points (453 Điều 4.1: A 40, B 50, C 10).
    pub max: Decimal,
    /// Its criteria in the appendix's order.
    pub criteria: Vec<Criterion>,
}

/// Tiêu chí: the level that carries a quality grade.
#[derive(Debug, Clone, PartialEq)]
pub struct Criterion {
    /// The criterion's code (`I` … `X` in 2610; `A.1`, `B.3` in 453).
    pub code: String,
    /// The criterion's name, as the appendix prints it.
    pub name: String,
    /// Its max points (*điểm tối đa*); a grade is the ratio of its appraised sum to this.
    pub max: Decimal,
    /// Scored by the provincial leaders; the appraised score is the mean of theirs.
    pub scored_by_leaders: bool,
    /// The appendix's note on who appraises it, where the table gives one instead of an agency.
    pub agency_note: Option<String>,
    /// When every component is not applicable, this criterion's points move to that one.
    pub transfer_to: Option<String>,
    /// The scored leaves. A criterion printed without components is its own single leaf
    /// (same code, name, max), so every score belongs to a component.
    pub components: Vec<Component>,
    /// True when the criterion had no components in the appendix and is its own leaf.
    pub is_leaf: bool,
    /// The levels between the criterion and its scored leaves (B.2.1 between B.2 and B.2.1.1), in framework
    /// order, each with the leaves it sums; empty for a criterion of two levels.
    pub subcriteria: Vec<SubCriterion>,
}

/// A sub-criterion with sub-criteria of its own (B.2.1 › B.2.1.1): its score is the sum of its leaves.
#[derive(Debug, Clone, PartialEq)]
pub struct SubCriterion {
    /// The sub-criterion's code (`B.2.1`).
    pub code: String,
    /// Its name, as the regulation prints it.
    pub name: String,
    /// Its max points: the sum of its leaves' max.
    pub max: Decimal,
    /// Depth below the criterion: 1 for B.2.1, 2 for a B.2.1.1 that has children of its own.
    pub depth: usize,
    /// The codes of the scored leaves under it.
    pub leaves: Vec<ComponentCode>,
}

/// Tiêu chí thành phần: carries max points, the self-score and the appraised score.
#[derive(Debug, Clone, PartialEq)]
pub struct Component {
    /// The component's code (`III.10`, `A.1.2`), fixed by SPEC for tests.
    pub code: ComponentCode,
    /// The component's name, as the appendix prints it.
    pub name: String,
    /// Its max points: a score lies in [0, max].
    pub max: Decimal,
    /// Appraising agencies in the order named; the first leads, the others may comment.
    pub agencies: Vec<String>,
    /// The appendix's note on who appraises it, where the table gives one.
    pub agency_note: Option<String>,
}

/// Where a component sits in its framework.
#[derive(Debug, Clone, Copy)]
pub struct ComponentPlace<'a> {
    /// The content (or part) that holds it.
    pub content: &'a Content,
    /// The criterion that holds it (the component itself when the criterion is its own leaf).
    pub criterion: &'a Criterion,
    /// The component.
    pub component: &'a Component,
}

/// One row of a criterion's tree below it: a sub-criterion (B.2.1) or a scored leaf (B.2.1.1).
#[derive(Debug, Clone, Copy)]
pub struct TreeRow<'a> {
    /// 1 directly under the criterion.
    pub depth: usize,
    /// The row's code.
    pub code: &'a str,
    /// The row's name.
    pub name: &'a str,
    /// The row's max points.
    pub max: Decimal,
    /// The sub-criterion, where the row is one.
    pub sub: Option<&'a SubCriterion>,
    /// The leaf, where the row is one.
    pub component: Option<&'a Component>,
}

impl Criterion {
    /// The rows under the criterion in the appendix's order: each sub-criterion just before its first leaf,
    /// each leaf one level below its innermost sub-criterion. Empty for a criterion that is its own leaf.
    pub fn tree(&self) -> Vec<TreeRow<'_>> {
        let mut rows = Vec::new();
        if self.is_leaf {
            return rows;
        }
        for component in &self.components {
            let mut depth = 1;
            for sub in &self.subcriteria {
                if sub.leaves.first() == Some(&component.code) {
                    rows.push(TreeRow {
                        depth: sub.depth,
                        code: &sub.code,
                        name: &sub.name,
                        max: sub.max,
                        sub: Some(sub),
                        component: None,
                    });
                }
                if sub.leaves.contains(&component.code) {
                    depth = depth.max(sub.depth + 1);
                }
            }
            rows.push(TreeRow {
                depth,
                code: &component.code,
                name: &component.name,
                max: component.max,
                sub: None,
                component: Some(component),
            });
        }
        rows
    }
}

impl Framework {
    /// The sub-criterion (B.2.1) of that code, in any criterion.
    pub fn subcriterion(&self, code: &str) -> Option<&SubCriterion> {
        self.criteria().flat_map(|(_, criterion)| &criterion.subcriteria).find(|sub| sub.code == code)
    }

    /// Every criterion with the content holding it, in the framework's order.
    pub fn criteria(&self) -> impl Iterator<Item = (&Content, &Criterion)> {
        self.contents.iter().flat_map(|content| content.criteria.iter().map(move |criterion| (content, criterion)))
    }

    /// Every scored component with its place, in the framework's order (the score sheet's rows).
    pub fn components(&self) -> impl Iterator<Item = ComponentPlace<'_>> {
        self.criteria().flat_map(|(content, criterion)| {
            criterion.components.iter().map(move |component| ComponentPlace { content, criterion, component })
        })
    }

    /// The component with this code and its place, if the framework has it.
    pub fn component(&self, code: &str) -> Option<ComponentPlace<'_>> {
        self.components().find(|place| place.component.code == code)
    }

    /// Every code a document can be filed under, each once: each criterion, then its components.
    pub fn evidence_codes(&self) -> Vec<&str> {
        let mut codes = Vec::new();
        for (_, criterion) in self.criteria() {
            codes.push(criterion.code.as_str());
            let components = criterion.components.iter().filter(|c| c.code != criterion.code);
            codes.extend(components.map(|c| c.code.as_str()));
        }
        codes
    }

    /// The component at `position` in `components()` order.
    pub fn component_at(&self, position: usize) -> Option<ComponentPlace<'_>> {
        self.components().nth(position)
    }

    /// The criterion with this code and its content, if the framework has it.
    pub fn criterion(&self, code: &str) -> Option<(&Content, &Criterion)> {
        self.criteria().find(|(_, criterion)| criterion.code == code)
    }

    /// The framework's max points: the sum of its contents' (100 in both seeds).
    pub fn max(&self) -> Decimal {
        self.contents.iter().map(|content| content.max).sum()
    }
}

/// What of a framework must keep an applicable component (453 Điều 4.1 fixes each part's points: A 40, B 50,
/// C 10): the first part (content), or criterion that others' points move to (C.1), whose components are all
/// marked not applicable; None when each keeps one. `not_applicable(code)`: whether a component is so marked.
pub fn wholly_not_applicable(framework: &Framework, not_applicable: impl Fn(&str) -> bool) -> Option<&str> {
    let none_left = |criteria: &mut dyn Iterator<Item = &Criterion>| {
        criteria.flat_map(|criterion| &criterion.components).all(|component| not_applicable(&component.code))
    };
    for content in &framework.contents {
        if !content.criteria.is_empty() && none_left(&mut content.criteria.iter()) {
            return Some(&content.code);
        }
    }
    let targets = framework.criteria().filter_map(|(_, criterion)| criterion.transfer_to.as_deref());
    for target in targets {
        if let Some((_, criterion)) = framework.criterion(target)
            && none_left(&mut std::iter::once(criterion))
        {
            return Some(&criterion.code);
        }
    }
    None
}
