//! The unit's own side of the interface (issue 16): its focal person sees only its unit, fills its
//! self-assessment (self-scores, explanations, not-applicable marks, documents), submits it once the
//! leadership collective approved it, and reads its result once the bloc is approved. Appraisals are never in
//! this user's memory before the result is published: the snapshot is made without them.

use super::*;
use crate::domain::calendar::{Date, days_to_deadline};
use crate::domain::code::UnitCode;
use crate::store::submission::Submission;
use crate::store::unit_result::UnitResult;
use std::fmt::Write;

/// What the unit's focal person reads beside its own unit.
#[derive(Debug, Clone, Default)]
pub struct UnitSide {
    /// Its submission, if it submitted (then its self-assessment is frozen).
    pub submission: Option<Submission>,
    /// The round's submission deadline and today (Vietnam's date).
    pub deadline: Option<Date>,
    /// Today in Vietnam, from the store's clock (the days left to the deadline count from it).
    pub today: Option<Date>,
    /// Its result, once its bloc is approved.
    pub result: Option<UnitResult>,
    /// The files this user sent lately that were refused, newest first (the OpenSSH clients said only *Failure*).
    pub refusals: Vec<crate::store::upload_refusals::UploadRefusal>,
}

/// The round's calendar and who has submitted, as the council reads it (issue 16.2–3).
#[derive(Debug, Clone, Default)]
pub struct Submissions {
    /// By unit; None when the round takes no submissions in the program (no unit has a focal person): then every
    /// unit's file counts as received.
    pub by_unit: Option<BTreeMap<crate::domain::code::UnitCode, Submission>>,
    /// The round's submission deadline, when the secretary set one (`round set --deadline`).
    pub deadline: Option<Date>,
    /// Điều 9.5: the appraisal period, in working days from receipt.
    pub appraisal_days: Option<u32>,
    /// Today in Vietnam, from the store's clock: the overdue and the appraisal period's end count from it.
    pub today: Option<Date>,
    /// Each paper's number, signer and date of issue, with its number as it prints (`125/BC-HĐTĐ`).
    pub papers:
        Vec<(crate::store::paper_settings::PaperSlot, crate::store::paper_settings::PaperNumbering, Option<String>)>,
    /// Whom the regulation's papers address the proposal (`addressee` of `papers.toml`); None without the file.
    pub proposal_to: Option<String>,
}

/// Which field of the self-assessment form has the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SelfField {
    /// The self-score (`điểm tự chấm`).
    Score,
    /// The unit's explanation of its self-score.
    Explanation,
    /// A document to add: its number and symbol (`số, ký hiệu`).
    DocumentReference,
    /// A document to add: its date (`ngày`).
    DocumentDate,
    /// A document to add: its title (`trích yếu`).
    DocumentTitle,
}

impl SelfField {
    fn next(self) -> SelfField {
        match self {
            SelfField::Score => SelfField::Explanation,
            SelfField::Explanation => SelfField::DocumentReference,
            SelfField::DocumentReference => SelfField::DocumentDate,
            SelfField::DocumentDate => SelfField::DocumentTitle,
            SelfField::DocumentTitle => SelfField::Score,
        }
    }
}

/// One component's self-assessment as the unit types it, and a document to add.
pub struct SelfForm {
    /// The focal person's own unit.
    pub unit: crate::domain::code::UnitCode,
    /// The component being self-assessed.
    pub component: String,
    /// The self-score as typed (decimal comma allowed); checked against the component's maximum on Enter.
    pub score: String,
    /// The explanation of the self-score, several lines.
    pub explanation: TextArea<'static>,
    /// Không áp dụng (where the regulation allows it).
    pub applicable: bool,
    /// The field the keys go to.
    pub field: SelfField,
    /// The document being added: số, ký hiệu; ngày (dd/mm/yyyy or yyyy-mm-dd); trích yếu.
    pub document: [String; 3],
    /// Why the last Enter was refused, shown under the form until the next key.
    pub error: Option<String>,
    /// Something was typed since the form opened: leaving asks first.
    pub dirty: bool,
    /// A key was typed into the score: the first one replaces the score shown from before, as in a
    /// spreadsheet cell (and as in the council's scoring form).
    pub score_typed: bool,
}

impl SelfForm {
    pub(super) fn next_field(&mut self) {
        self.field = self.field.next();
    }

    /// The one-line field with the keys, if it is one.
    pub(super) fn line_field(&mut self) -> Option<&mut String> {
        match self.field {
            SelfField::Score => Some(&mut self.score),
            SelfField::DocumentReference => Some(&mut self.document[0]),
            SelfField::DocumentDate => Some(&mut self.document[1]),
            SelfField::DocumentTitle => Some(&mut self.document[2]),
            SelfField::Explanation => None,
        }
    }
}

/// The submission: the date the leadership collective approved the self-assessment and its minutes' number
/// (Điều 8.1.b); nothing is written until Enter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SubmitForm {
    /// The day the leadership collective approved it, as typed (dd/mm/yyyy).
    pub approved_on: String,
    /// The number of the meeting's minutes, as typed.
    pub minutes: String,
    /// Typing goes to the minutes' number (Tab switches).
    pub on_minutes: bool,
    /// Why the last Enter was refused.
    pub error: Option<String>,
}

impl App {
    /// The unit has not submitted, in a round that takes submissions: its items wait outside the queue.
    pub fn awaits_submission(&self, unit: &UnitCode) -> bool {
        self.submissions.by_unit.as_ref().is_some_and(|by_unit| !by_unit.contains_key(unit))
    }

    /// "Đã nộp 12/40 · hạn nộp trước ngày 25/11/2024 — còn 3 ngày", for the secretary.
    pub fn submissions_note(&self) -> Option<String> {
        let by_unit = self.submissions.by_unit.as_ref()?;
        let deadline = match (self.submissions.deadline, self.submissions.today) {
            (Some(deadline), Some(today)) => Some((deadline.vietnamese(), days_to_deadline(today, deadline))),
            _ => None,
        };
        let deadline = deadline.as_ref().map(|(when, days)| (when.as_str(), *days));
        Some(crate::messages::status::submissions_note(by_unit.len(), self.round.units.len(), deadline, self.lang))
    }

    /// A unit's submission as the progress pane shows it: when, late or not, and the appraisal period's working
    /// days left (Điều 9.5).
    pub fn submission_cell(&self, unit: &UnitCode) -> String {
        let Some(by_unit) = &self.submissions.by_unit else { return String::new() };
        let Some(done) = by_unit.get(unit) else { return crate::messages::status::NOT_SUBMITTED.say(self.lang).into() };
        let received = crate::domain::calendar::Date::parse_iso(&done.submitted_on);
        let mut cell = received.map_or_else(|| done.submitted_on.clone(), Date::vietnamese);
        if done.late {
            cell.push_str(crate::messages::status::LATE.say(self.lang));
        }
        if let (Some(received), Some(period), Some(today)) =
            (received, self.submissions.appraisal_days, self.submissions.today)
        {
            let calendar = crate::store::catalog::work_calendar_or_empty();
            let standing = crate::domain::calendar::appraisal_period(calendar, received, period, today);
            let _ = write!(cell, " · {}", crate::messages::year::appraisal_cell(self.lang, &standing));
        }
        cell
    }

    /// The unit of a unit's focal person.
    pub fn own_unit(&self) -> Option<&str> {
        self.user.as_ref().filter(|u| u.role == Role::Unit).and_then(|u| u.unit.as_deref())
    }

    /// The components of the focal person's unit still without a self-score, in framework order: what keeps it
    /// from submitting, by the rule the store applies (`self_assessment::unscored_components`).
    pub fn unscored(&self) -> Vec<String> {
        let Some(unit) = self.own_unit().and_then(|code| self.unit(code)) else { return Vec::new() };
        let Some(framework) = self.regulation.framework_for(&unit.bloc, unit.group.as_deref()) else {
            return Vec::new();
        };
        crate::domain::self_assessment::unscored_components(framework, &unit.entries)
            .into_iter()
            .map(ToString::to_string)
            .collect()
    }

    /// Its self-assessment is submitted, hence read-only here.
    pub fn submitted(&self) -> bool {
        self.unit_side.submission.is_some()
    }

    /// "Hạn nộp 25/11/2024 — còn 3 ngày", or how late it is.
    pub fn deadline_note(&self) -> Option<String> {
        let (deadline, today) = (self.unit_side.deadline?, self.unit_side.today?);
        let days = days_to_deadline(today, deadline);
        Some(crate::messages::status::deadline_note(&deadline.vietnamese(), days, self.lang))
    }

    /// The recent refused uploads of a component's folders (its own, its criterion's) of this user's unit.
    pub fn refusals_for(
        &self,
        unit: &UnitCode,
        place: &ComponentPlace<'_>,
    ) -> Vec<&crate::store::upload_refusals::UploadRefusal> {
        let folders: Vec<String> =
            super::details::evidence_codes(place).map(|code| format!("/{unit}/{code}/")).collect();
        self.unit_side.refusals.iter().filter(|r| folders.iter().any(|f| r.path.starts_with(f.as_str()))).collect()
    }

    /// The unit's self-assessment form, when it is open.
    /// The file the form's typed document goes to (Ctrl-F): the current file of this component (or its
    /// criterion) that already has the typed number, else the first one without a number, date and title.
    pub fn file_to_describe(&self, form: &SelfForm) -> Option<(i64, String)> {
        let unit = self.unit(&form.unit)?;
        let place = self.place(unit, &form.component)?;
        let files = self.files_for(&form.unit, &place);
        let typed = form.document[0].trim();
        let same = files.iter().find(|f| f.document.as_ref().is_some_and(|d| d.reference == typed));
        let file = same.or_else(|| files.iter().find(|f| f.document.is_none()))?;
        Some((file.id, file.name.clone()))
    }

    /// A unit's self-assessment form, when it is the screen.
    pub fn self_form(&self) -> Option<&SelfForm> {
        let Screen::SelfAssess(form) = &self.screen else { return None };
        Some(form)
    }

    /// Why the typed self-score cannot be saved, checked as the store will (an empty score, or a component
    /// marked not applicable, clears it).
    pub(super) fn self_score_refusal(&self, form: &SelfForm) -> Option<String> {
        let typed = form.score.trim();
        if typed.is_empty() || !form.applicable {
            return None;
        }
        let unit = self.unit(&form.unit)?;
        let max = self.place(unit, &form.component)?.component.max;
        parse_score(typed, &self.regulation.score_rule(max)).err().map(|why| {
            crate::messages::status::field_refused(
                crate::messages::status::Field::SelfScore,
                &crate::messages::status::score_input(&why, self.lang),
                self.lang,
            )
        })
    }

    /// Opens the self-assessment form of a component of the unit's framework.
    pub(super) fn open_self_form(&mut self, position: usize) {
        let Some(unit) = self.own_unit().map(str::to_string) else { return };
        let Some(place) = self.self_assessed_components(&unit).get(position).map(|p| p.component.code.to_string())
        else {
            return;
        };
        if self.submitted() {
            self.message = Some((crate::messages::status::SUBMITTED_READ_ONLY.say(self.lang).into(), true));
            return;
        }
        let entry = self.unit(&unit).and_then(|u| u.entries.get(&place));
        let score = entry.and_then(|e| e.self_score).map(display_vi).unwrap_or_default();
        let text = entry.map(|e| e.explanation.to_string()).unwrap_or_default();
        let mut explanation = TextArea::new(text.lines().map(str::to_string).collect());
        explanation.set_placeholder_text(crate::messages::status::EXPLANATION_PLACEHOLDER.say(self.lang));
        self.screen = Screen::SelfAssess(SelfForm {
            unit: unit.into(),
            component: place,
            score,
            explanation,
            applicable: entry.is_none_or(|e| e.applicable),
            field: SelfField::Score,
            document: Default::default(),
            error: None,
            dirty: false,
            score_typed: false,
        });
    }
}
