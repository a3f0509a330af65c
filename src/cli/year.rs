//! The units' side of the year on the command line: `submit` (and `submit --reopen`), `round set|show`,
//! `result`.

use super::output;
use crate::domain::calendar::{appraisal_days_left, days_to_deadline};
use crate::domain::text::escape_line;
use crate::store::round_settings::SettingSource;
use crate::store::{Store, StoreError};
use std::fmt::Write as _;

/// `thamdinh submit`: a unit's submission, or (`--reopen`) the secretary's reopening of one.
pub fn submit(
    mut store: Store,
    unit: Option<&str>,
    approved_on: Option<&str>,
    minutes: Option<&str>,
    reopen: Option<&str>,
) -> Result<(), StoreError> {
    if let Some(reason) = reopen {
        let unit = unit.ok_or_else(|| StoreError::Refused("mở lại cần --unit MÃ_ĐƠN_VỊ".to_string()))?;
        store.reopen_submission(unit, reason)?;
        return output::line(format!("{unit}: đã mở lại bản tự đánh giá (lý do: {})", escape_line(reason)))
            .map_err(Into::into);
    }
    let (Some(approved_on), Some(minutes)) = (approved_on, minutes) else {
        return Err(StoreError::Refused(
            "nộp bản tự đánh giá cần --approved-on NGÀY (ngày tập thể lãnh đạo thông qua) và --minutes SỐ (số biên bản)"
                .to_string(),
        ));
    };
    let submission = store.submit(unit, approved_on, minutes)?;
    output::line(format!(
        "{}: đã nộp bản tự đánh giá ngày {} (tập thể lãnh đạo thông qua ngày {}, biên bản {}){}",
        submission.unit,
        submission.submitted_on,
        submission.approved_on,
        escape_line(&submission.minutes),
        if submission.late { "; nộp sau hạn (ghi nhận là nộp muộn)" } else { "" }
    ))?;
    Ok(())
}

fn source_words(source: &SettingSource) -> String {
    match source {
        SettingSource::Round => "đặt cho kỳ này".to_string(),
        SettingSource::Regulation(words) => format!("theo quy chế — {words}"),
        SettingSource::Unset => "chưa đặt".to_string(),
    }
}

/// `thamdinh round show`: the deadline, the days left, the appraisal period, and who has submitted.
pub fn show(store: &Store, json: bool) -> Result<(), StoreError> {
    let settings = store.round_settings()?;
    let today = store.today()?;
    let submissions = store.submissions()?;
    if json {
        let document = serde_json::json!({
            "today": today.to_string(),
            "deadline": settings.deadline.map(|d| d.to_string()),
            "days_to_deadline": settings.deadline.map(|d| days_to_deadline(today, d)),
            "appraisal_working_days": settings.appraisal_working_days,
            "units": submissions,
        });
        return output::json(&serde_json::to_string_pretty(&document).unwrap_or_default()).map_err(Into::into);
    }
    let mut out = String::new();
    match settings.deadline {
        Some(deadline) => {
            let left = days_to_deadline(today, deadline);
            let when = match left {
                1.. => format!("còn {left} ngày"),
                0 => "hôm nay là ngày hạn: nộp từ hôm nay là nộp muộn".to_string(),
                _ => format!("đã qua hạn {} ngày", -left),
            };
            let _ = writeln!(
                out,
                "Hạn nộp hồ sơ tự đánh giá: trước ngày {} ({when}; {})",
                deadline.vietnamese(),
                source_words(&settings.deadline_from)
            );
        }
        None => out.push_str("Hạn nộp hồ sơ tự đánh giá: chưa đặt (thamdinh round set --deadline NGÀY)\n"),
    }
    match settings.appraisal_working_days {
        Some(days) => {
            let _ = writeln!(
                out,
                "Thời gian thẩm định: tối đa {days} ngày làm việc từ ngày nhận hồ sơ ({}); ngày làm việc là thứ Hai–thứ Sáu, chưa trừ ngày lễ",
                source_words(&settings.appraisal_from)
            );
        }
        None => out.push_str("Thời gian thẩm định: chưa đặt\n"),
    }
    let submitted = submissions.iter().filter(|u| u.submission.is_some()).count();
    let _ = writeln!(out, "Đã nộp: {submitted}/{} đơn vị", submissions.len());
    for unit in &submissions {
        let status = match &unit.submission {
            Some(s) => {
                let period =
                    settings.appraisal_working_days.zip(crate::domain::calendar::Date::parse_iso(&s.submitted_on));
                let left = period
                    .map(|(days, received)| {
                        format!(", thẩm định còn {} ngày làm việc", appraisal_days_left(received, days, today))
                    })
                    .unwrap_or_default();
                format!(
                    "đã nộp {} (thông qua {}, biên bản {}){}{left}",
                    s.submitted_on,
                    s.approved_on,
                    s.minutes,
                    if s.late { ", nộp muộn" } else { "" }
                )
            }
            None => "chưa nộp".to_string(),
        };
        let _ = writeln!(out, "{}", escape_line(&format!("  {:<16} {status}  {}", unit.unit, unit.name)));
    }
    output::print(&out)?;
    Ok(())
}

/// `thamdinh result`: a unit's total, level, reasons and every deduction with the council's reason.
pub fn result(store: &Store, unit: Option<&str>, json: bool) -> Result<(), StoreError> {
    let result = store.unit_result(unit)?;
    if json {
        return output::json(&serde_json::to_string_pretty(&result).unwrap_or_default()).map_err(Into::into);
    }
    let mut out = String::new();
    let _ = writeln!(out, "{} — {} (năm {})", result.unit, result.name, result.year);
    let _ = writeln!(
        out,
        "Tổng điểm {}; {}{}; hạng {} trong khối {}",
        result.total.replace('.', ","),
        result.level_words,
        if result.approved { "" } else { " (chưa phê duyệt)" },
        result.rank,
        result.bloc
    );
    if let Some(previous) = &result.previous_level {
        let _ = writeln!(out, "Năm trước: {}", crate::domain::previous_year::level_words(previous));
    }
    out.push_str("Lý do:\n");
    for reason in &result.reasons {
        let _ = writeln!(out, "  - {reason}");
    }
    if result.deductions.is_empty() {
        out.push_str("Không tiêu chí nào bị trừ điểm.\n");
    } else {
        out.push_str("Các tiêu chí bị trừ điểm (điểm tối đa / tự chấm / thẩm định — lý do của Hội đồng):\n");
        for d in &result.deductions {
            let _ = writeln!(
                out,
                "  {} {}: {} / {} / {} — {}",
                d.component,
                d.name,
                d.max,
                d.self_score.as_deref().unwrap_or("—"),
                d.appraised,
                d.reason
            );
        }
    }
    let escaped: Vec<String> = out.lines().map(|line| escape_line(line).into_owned()).collect();
    output::print(&(escaped.join("\n") + "\n"))?;
    Ok(())
}
