//! The units' side of the year on the command line: `submit` (and `submit --reopen`), `round set|show`,
//! `result`.

use super::output;
use crate::domain::calendar::{Date, appraisal_period, days_to_deadline};
use crate::domain::code::UnitCode;
use crate::domain::text::escape_line;
use crate::messages::{CliError, CliRefusal, Lang, year as say};
use crate::store::Refused;
use crate::store::Store;
use std::fmt::Write as _;

/// `round paper`: what is now set for every kind of paper, a line each (not the whole round).
pub fn papers(store: &Store, lang: Lang) -> Result<(), CliError> {
    let mut out = String::new();
    papers_text(store, &mut out, lang)?;
    output::print(&out)?;
    Ok(())
}

/// `thamdinh submit`: a unit's submission, or (`--reopen`) the secretary's reopening of one.
pub fn submit(
    mut store: Store,
    unit: Option<&str>,
    approved_on: Option<&str>,
    minutes: Option<&str>,
    received: Option<&str>,
    reopen: Option<&str>,
    lang: Lang,
) -> Result<(), CliError> {
    if let Some(reason) = reopen {
        let unit = &UnitCode::from(unit.ok_or(Refused::UnitNotNamed)?);
        store.reopen_submission(unit, reason)?;
        return Ok(output::line(say::reopened(lang, unit, &escape_line(reason)))?);
    }
    let (Some(approved_on), Some(minutes)) = (approved_on, minutes) else {
        return Err(CliRefusal::SubmitNeeds.into());
    };
    let submission = store.submit_received(unit, approved_on, minutes, received)?;
    output::line(say::submitted(
        lang,
        &submission.unit,
        &submission.submitted_on,
        &submission.approved_on,
        &escape_line(&submission.minutes),
        submission.late,
    ))?;
    // The signed, stamped score sheet is part of the submission (Điều 8.2.c): say whether it was sent.
    let sheet = store.signed_sheet(&submission.unit)?;
    output::line(crate::messages::uploads::signed_sheet_state(lang, &submission.unit, sheet.as_ref()))?;
    Ok(())
}

/// `thamdinh round show`: the deadline, the days left, the appraisal period, and who has submitted.
pub fn show(store: &Store, json: bool, lang: Lang) -> Result<(), CliError> {
    let settings = store.round_settings()?;
    let today = store.today()?;
    let submissions = store.submissions()?;
    let calendar = crate::store::catalog::work_calendar_or_empty();
    // Each submitted unit's appraisal period (Điều 9.5), counted on the working-day calendar.
    let periods: std::collections::BTreeMap<&str, _> = submissions
        .iter()
        .filter_map(|unit| {
            let submission = unit.submission.as_ref()?;
            let received = Date::parse_iso(&submission.submitted_on)?;
            let days = settings.appraisal_working_days?;
            Some((unit.unit.as_str(), appraisal_period(calendar, received, days, today)))
        })
        .collect();
    if json {
        let appraisal: serde_json::Map<String, serde_json::Value> = periods
            .iter()
            .map(|(unit, period)| {
                let value = match period {
                    Ok(p) => serde_json::json!({
                        "deadline": p.deadline.to_string(),
                        "working_days_left": p.days_left,
                        "provisional_years": p.provisional,
                    }),
                    Err(missing) => serde_json::json!({ "no_calendar_for": missing.year }),
                };
                ((*unit).to_string(), value)
            })
            .collect();
        let document = serde_json::json!({
            "today": today.to_string(),
            "deadline": settings.deadline.map(|d| d.to_string()),
            "days_to_deadline": settings.deadline.map(|d| days_to_deadline(today, d)),
            "appraisal_working_days": settings.appraisal_working_days,
            "units": submissions,
            "appraisal": appraisal,
            "papers": papers_json(store)?,
        });
        return Ok(output::json(&serde_json::to_string_pretty(&document).unwrap_or_default())?);
    }
    let mut out = String::new();
    match settings.deadline {
        Some(deadline) => {
            let left = days_to_deadline(today, deadline);
            let source = say::setting_source(lang, &settings.deadline_from);
            let date = lang.pick(deadline.vietnamese(), deadline.to_string());
            let _ = writeln!(out, "{}", say::deadline(lang, &date, left, &source));
        }
        None => {
            let _ = writeln!(out, "{}", say::no_deadline(lang));
        }
    }
    let source = say::setting_source(lang, &settings.appraisal_from);
    let years = say::calendar_years(calendar);
    let _ = writeln!(out, "{}", say::appraisal_period(lang, settings.appraisal_working_days, &source, &years));
    papers_text(store, &mut out, lang)?;
    let submitted = submissions.iter().filter(|u| u.submission.is_some()).count();
    let _ = writeln!(out, "{}", say::submitted_count(lang, submitted, submissions.len()));
    // Columns as wide as their longest entry, so a long unit code does not push its row out of line.
    let code_width = submissions.iter().map(|unit| unit.unit.chars().count()).max().unwrap_or(0).max(16);
    let mut rows = Vec::with_capacity(submissions.len());
    for unit in &submissions {
        let status = match &unit.submission {
            Some(s) => {
                let period = periods.get(unit.unit.as_str());
                say::unit_submitted(lang, &s.submitted_on, &s.approved_on, &s.minutes, s.late, period)
            }
            None => say::not_submitted(lang).to_string(),
        };
        rows.push((&unit.unit, status, &unit.name));
    }
    let status_width = rows.iter().map(|(_, status, _)| status.chars().count()).max().unwrap_or(0);
    for (code, status, name) in rows {
        let line = format!("  {code:<code_width$} {status:<status_width$}  {name}");
        let _ = writeln!(out, "{}", escape_line(&line));
    }
    output::print(&out)?;
    Ok(())
}

/// `result --json`: the unit's result with its reasons worded in the reader's language, fields in SPEC's order.
#[derive(serde::Serialize)]
struct ResultJson<'a> {
    unit: &'a str,
    name: &'a str,
    bloc: &'a str,
    year: i32,
    rank: usize,
    total: &'a str,
    level: &'static str,
    level_words: &'a str,
    approved: bool,
    reasons: &'a [String],
    deductions: &'a [crate::store::unit_result::Deduction],
    previous_level: Option<&'a str>,
    flags: &'a [&'static str],
}

/// `thamdinh result`: a unit's total, level, reasons and every deduction with the council's reason.
pub fn result(store: &Store, unit: Option<&str>, json: bool, lang: Lang) -> Result<(), CliError> {
    let result = store.unit_result(unit)?;
    let reasons = crate::messages::reasons::reasons(&store.regulation().level_names, &result.reasons, lang);
    if json {
        let shown = ResultJson {
            unit: &result.unit,
            name: &result.name,
            bloc: &result.bloc,
            year: result.year,
            rank: result.rank,
            total: &result.total,
            level: result.level,
            level_words: lang.pick(result.level_words.as_str(), result.level),
            approved: result.approved,
            reasons: &reasons,
            deductions: &result.deductions,
            previous_level: result.previous_level.as_deref(),
            flags: &result.flags,
        };
        return Ok(output::json(&serde_json::to_string_pretty(&shown).unwrap_or_default())?);
    }
    let mut out = String::new();
    let _ = writeln!(out, "{}", say::result_heading(lang, &result.unit, &result.name, result.year));
    let level = lang.pick(result.level_words.as_str(), result.level);
    let level = if result.quota_exception {
        format!("{level} ({})", crate::messages::exceed::beyond_mark(lang))
    } else {
        level.to_string()
    };
    let level = level.as_str();
    let _ = writeln!(
        out,
        "{}",
        say::result_summary(lang, &result.total, level, result.approved, result.rank, &result.bloc)
    );
    if let Some(previous) = &result.previous_level {
        let words = crate::messages::reasons::outcome_slug(&store.regulation().level_names, previous, lang);
        let _ = writeln!(out, "{}", say::previous_year(lang, &words));
    }
    let _ = writeln!(out, "{}", say::reasons_heading(lang));
    for reason in &reasons {
        let _ = writeln!(out, "  - {reason}");
    }
    if result.deductions.is_empty() {
        let _ = writeln!(out, "{}", say::no_deductions(lang));
    } else {
        let _ = writeln!(out, "{}", say::deductions_heading(lang));
        for d in &result.deductions {
            let scores = [d.max.as_str(), d.self_score.as_deref().unwrap_or("—"), d.appraised.as_str()];
            let _ = writeln!(out, "{}", say::deduction_line(lang, &d.component, &d.name, scores, &d.reason));
        }
    }
    let escaped: Vec<String> = out.lines().map(|line| escape_line(line).into_owned()).collect();
    output::print(&(escaped.join("\n") + "\n"))?;
    Ok(())
}

/// Each paper's number, signer and date of issue, a line each, for `round show` and `round paper`.
pub(super) fn papers_text(store: &Store, out: &mut String, lang: Lang) -> Result<(), CliError> {
    let _ = writeln!(out, "{}", crate::messages::desk_more::papers_heading(lang));
    let papers = crate::papers::settings::of_round(store)?;
    for (slot, numbering) in store.paper_numberings()? {
        let number = numbering.number.as_deref().map(|n| crate::papers::document_number(&papers, slot, n));
        let line = crate::messages::desk_more::paper_line(lang, slot, &numbering, number.as_deref());
        let _ = writeln!(out, "  {}", escape_line(&line));
    }
    Ok(())
}

/// Each paper's number, signer and date of issue for `round show --json` (null where unset).
fn papers_json(store: &Store) -> Result<serde_json::Value, CliError> {
    let mut papers = serde_json::Map::new();
    for (slot, numbering) in store.paper_numberings()? {
        papers.insert(
            slot.slug().to_string(),
            serde_json::json!({
                "number": numbering.number,
                "signer": numbering.signer,
                "issued_on": numbering.issued_on,
            }),
        );
    }
    Ok(serde_json::Value::Object(papers))
}
