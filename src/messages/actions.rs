//! The names people read for the audit trail's actions; `audit log --json` keeps the slug.

use super::Lang;
use crate::domain::regulation::Regulation;
use crate::store::audit::{AppraisalTransition, AuditAction, ImportKind};

/// The name of an action in the history (`audit log`, the interface's history overlay).
pub fn audit_action(action: AuditAction, lang: Lang) -> &'static str {
    use AppraisalTransition as T;
    match action {
        AuditAction::Init => lang.pick("Tạo kỳ đánh giá", "Round created"),
        AuditAction::Baseline => lang.pick("Ghi nhận dữ liệu có sẵn", "Baseline"),
        AuditAction::Seed => lang.pick("Tạo dữ liệu minh họa", "Demo data"),
        AuditAction::Unit => lang.pick("Cập nhật đơn vị", "Unit"),
        AuditAction::SelfScore => lang.pick("Tự chấm điểm", "Self-score"),
        AuditAction::Explanation => lang.pick("Giải trình", "Explanation"),
        AuditAction::Applicable => lang.pick("Áp dụng tiêu chí", "Applicable"),
        AuditAction::Appraisal(T::Appraise) => lang.pick("Thẩm định", "Appraise"),
        AuditAction::Appraisal(T::Enter) => lang.pick("Nhập kết quả chờ xác nhận", "Entry awaiting confirmation"),
        AuditAction::Appraisal(T::Confirm) => lang.pick("Xác nhận kết quả thẩm định", "Confirm"),
        AuditAction::Appraisal(T::Correct) => lang.pick("Sửa kết quả thẩm định", "Correct"),
        AuditAction::LeaderScore => lang.pick("Lãnh đạo UBND tỉnh chấm điểm", "Leader score"),
        AuditAction::Withdraw => lang.pick("Rút kết quả thẩm định", "Withdraw"),
        AuditAction::Comment => lang.pick("Ý kiến góp ý", "Comment"),
        AuditAction::Evidence => lang.pick("Tài liệu kiểm chứng", "Evidence"),
        AuditAction::Fact => lang.pick("Ghi nhận sự kiện", "Fact"),
        AuditAction::OverrideGrade => lang.pick("Điều chỉnh xếp loại tiêu chí", "Override grade"),
        AuditAction::OrderTie => lang.pick("Quyết định thứ tự bằng điểm", "Order tie"),
        AuditAction::Approve => lang.pick("Phê duyệt khối", "Approve"),
        AuditAction::Rerate => lang.pick("Xếp loại lại", "Re-rate"),
        AuditAction::AddUser => lang.pick("Thêm người dùng", "Add user"),
        AuditAction::RemoveUser => lang.pick("Xóa người dùng", "Remove user"),
        AuditAction::Submit => lang.pick("Nộp hồ sơ tự đánh giá", "Submit"),
        AuditAction::Reopen => lang.pick("Mở lại hồ sơ tự đánh giá", "Reopen"),
        AuditAction::RoundSettings => lang.pick("Thiết lập kỳ đánh giá", "Round settings"),
        AuditAction::CarryOver => lang.pick("Chuyển từ kỳ trước", "Carry over"),
        AuditAction::Refused => lang.pick("Bị từ chối (cán bộ đầu mối)", "Refused (unit's focal person)"),
        AuditAction::Import(kind) => match kind {
            ImportKind::Units => lang.pick("Nhập dữ liệu: đơn vị", "Import units"),
            ImportKind::Scores => lang.pick("Nhập dữ liệu: điểm", "Import scores"),
            ImportKind::Grades => lang.pick("Nhập dữ liệu: xếp loại tiêu chí", "Import grades"),
            ImportKind::Facts => lang.pick("Nhập dữ liệu: sự kiện", "Import facts"),
            ImportKind::Evidence => lang.pick("Nhập dữ liệu: tài liệu kiểm chứng", "Import evidence"),
            ImportKind::Sheet => lang.pick("Nhập dữ liệu: biểu chấm điểm", "Import score sheet"),
        },
        AuditAction::Upload => lang.pick("Gửi tệp tài liệu", "Upload"),
        AuditAction::Download => lang.pick("Tải tệp tài liệu", "Download"),
        AuditAction::ExceedQuota => super::exceed::action_name(lang),
    }
}

/// The name of one audit row's action: as `audit_action_slug`, but a unit's row that had no unit before (a unit
/// added by `import units`) reads *Thêm đơn vị*, not *Cập nhật đơn vị*; a leader's score names the leaders as the
/// round's regulation does (`leaders_name`).
pub fn audit_row_action(
    slug: &str,
    field: Option<&str>,
    old_value: Option<&str>,
    leaders_name: Option<&str>,
    lang: Lang,
) -> String {
    match AuditAction::from_slug(slug) {
        Some(AuditAction::Unit) if field == Some("unit") && old_value.is_none() => {
            lang.pick("Thêm đơn vị", "Unit added").to_string()
        }
        Some(AuditAction::LeaderScore) => super::leaders::score_action(lang, leaders_name),
        _ => audit_action_slug(slug, lang),
    }
}

/// The name of a stored action; a slug this program does not know is shown as stored.
pub fn audit_action_slug(slug: &str, lang: Lang) -> String {
    AuditAction::from_slug(slug).map_or_else(|| slug.to_string(), |action| audit_action(action, lang).to_string())
}

/// The name of the value an audit row changed (its `field`): a fact by its title from the regulation
/// (`staff_prosecuted` reads "Cán bộ bị truy cứu trách nhiệm hình sự"), the rest by the catalog; a field this
/// program does not know is shown as stored.
pub fn field_name(field: &str, regulation: &Regulation, lang: Lang) -> String {
    if let Some(fact) = regulation.fact(field) {
        return lang.pick(fact.title.clone(), fact.name.clone());
    }
    if let Some(leader) = field.strip_prefix("leader_score:") {
        return lang.pick(format!("điểm của Lãnh đạo {leader}"), format!("score of leader {leader}"));
    }
    if let Some(bloc) = field.strip_prefix("tie_order:") {
        return lang.pick(format!("thứ tự bằng điểm khối {bloc}"), format!("tie order of bloc {bloc}"));
    }
    if let Some((paper, part)) = field.strip_prefix("paper:").and_then(|rest| rest.split_once(':'))
        && let Some(slot) = crate::store::paper_settings::PaperSlot::from_slug(paper)
    {
        return super::desk_more::paper_part(lang, slot, part);
    }
    if let Some(reference) = field.strip_prefix("evidence:") {
        return lang.pick(format!("tài liệu kiểm chứng {reference}"), format!("evidence {reference}"));
    }
    if field == "quota_exception" {
        return super::exceed::field_name(lang).to_string();
    }
    let (vi, en) = match field {
        "appraised_score" => ("điểm thẩm định", "appraised score"),
        "self_score" => ("điểm tự đánh giá", "self-score"),
        "explanation" => ("giải trình", "explanation"),
        "applicable" => ("áp dụng", "applicable"),
        "grade" => ("xếp loại tiêu chí", "grade"),
        "level" => ("xếp loại đơn vị", "level"),
        "comment" => ("ý kiến góp ý", "comment"),
        "unit" => ("đơn vị", "unit"),
        "user" => ("người dùng", "user"),
        "file" => ("tệp", "file"),
        "approval" => ("phê duyệt", "approval"),
        "demo_seed" => ("dữ liệu minh họa", "demo data"),
        "round" => ("kỳ đánh giá (quy chế, năm)", "round (regulation, year)"),
        "submission" => ("hồ sơ tự đánh giá đã nộp (ngày thông qua, biên bản)", "submission (approved on, minutes)"),
        "submission_deadline" => ("hạn nộp hồ sơ tự đánh giá", "submission deadline"),
        "appraisal_working_days" => ("thời gian thẩm định (ngày làm việc)", "appraisal period (working days)"),
        "carried_settings" => (
            "thiết lập chuyển sang (hạn nộp, thời gian thẩm định theo ngày làm việc)",
            "settings carried over (deadline, appraisal working days)",
        ),
        "previous_levels" => {
            ("mức xếp loại kỳ trước được ghi nhận (năm, số đơn vị)", "previous levels recorded (year, units)")
        }
        other => (other, other),
    };
    lang.pick(vi, en).to_string()
}

/// A value the history recorded, as people read it: a score with the decimal comma, yes and no, a grade or a
/// level by its name; anything else as recorded. English keeps what was recorded.
pub fn field_value(field: &str, value: &str, regulation: &Regulation, lang: Lang) -> String {
    use crate::domain::classification::Level;
    use crate::domain::facts::FactKind;
    use crate::domain::grades::Grade;
    if lang == Lang::En {
        return english_value(field, value);
    }
    let yes_no = |value: &str| match value {
        "true" | "yes" => Some("có"),
        "false" | "no" => Some("không"),
        _ => None,
    };
    let worded = match field {
        "appraised_score" | "self_score" => value.parse().ok().map(crate::domain::score::display_vi),
        _ if field.starts_with("leader_score:") => value.parse().ok().map(crate::domain::score::display_vi),
        "applicable" => yes_no(value).map(str::to_string),
        "user" => user_value(value, regulation.leaders_name.as_deref()),
        "submission" | "submission_deadline" | "carried_settings" => Some(dates_vi(value)),
        _ if field.starts_with("evidence:") || field.ends_with(":issued_on") => Some(dates_vi(value)),
        "grade" => value.parse::<Grade>().ok().map(|grade| grade.vietnamese().to_string()),
        "level" => [Level::Excellent, Level::Good, Level::Completed, Level::NotCompleted]
            .into_iter()
            .find(|level| level.slug() == value)
            .map(|level| regulation.level_vi(level).to_string()),
        _ => match regulation.fact(field) {
            Some(fact) if fact.kind == FactKind::Bool => yes_no(value).map(str::to_string),
            // A choice (`remedied`) by the label the regulation gives it (*đã khắc phục*).
            Some(fact) => fact.parse_value(value).ok().map(|parsed| fact.display_value(&parsed)),
            None => None,
        },
    };
    worded.unwrap_or_else(|| value.to_string())
}

/// A recorded value in English: as recorded, but a unit's focal person's unit (stored `unit, đơn vị snv`)
/// reads `unit, unit snv`.
fn english_value(field: &str, value: &str) -> String {
    use crate::domain::classification::Level;
    if field == "user" {
        return value.replace(", đơn vị ", ", unit ");
    }
    if field == "level" {
        let levels = [Level::Excellent, Level::Good, Level::Completed, Level::NotCompleted];
        if let Some(level) = levels.into_iter().find(|level| level.slug() == value || level.vietnamese() == value) {
            return super::cli::level_name(level, Lang::En).to_string();
        }
    }
    value.to_string()
}

/// What a history row that recorded no value says: the two kinds this program writes worded in Vietnamese
/// (`entry updated`, a migration's baseline); any other stored detail is history and shown as stored.
pub fn unvalued_detail(action: &str, detail: &str, lang: Lang) -> String {
    const BASELINE: (&str, &str) =
        ("baseline, taken at migration to schema 5: ", " as the database held it then (not a council decision)");
    if lang == Lang::En {
        return detail.to_string();
    }
    match AuditAction::from_slug(action) {
        Some(AuditAction::Appraisal(_)) if detail.ends_with(": entry updated") => {
            "cập nhật người nhập hoặc việc chờ xác nhận".to_string()
        }
        Some(AuditAction::Baseline) => {
            detail.strip_prefix(BASELINE.0).and_then(|rest| rest.strip_suffix(BASELINE.1)).map_or_else(
                || detail.to_string(),
                |row| format!("dữ liệu có sẵn khi nâng cấp cơ sở dữ liệu: {row} (không phải quyết định của Hội đồng)"),
            )
        }
        _ => detail.to_string(),
    }
}

/// A user as the history recorded them (`tv-snv: member, snv`), with the role by its Vietnamese name.
fn user_value(value: &str, leaders_name: Option<&str>) -> Option<String> {
    use crate::domain::permissions::Role;
    use std::str::FromStr;
    let (name, rest) = value.split_once(": ")?;
    let (role, tail) = rest.split_once(", ").map_or((rest, None), |(role, tail)| (role, Some(tail)));
    let role = super::leaders::role(Role::from_str(role).ok()?, Lang::Vi, leaders_name);
    Some(tail.map_or_else(|| format!("{name}: {role}"), |tail| format!("{name}: {role}, {tail}")))
}

/// Every stored date (`2024-11-20`) in a text as the council writes it (`20/11/2024`).
fn dates_vi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some((at, _)) = rest.char_indices().find(|&(at, _)| iso_date_at(rest, at)) {
        out.push_str(&rest[..at]);
        out.push_str(&crate::domain::calendar::shown_vietnamese(&rest[at..at + 10]));
        rest = &rest[at + 10..];
    }
    out.push_str(rest);
    out
}

/// Whether a `YYYY-MM-DD` date starts at byte `at` of `text` (and is not part of a longer number).
fn iso_date_at(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    let before = at.checked_sub(1).and_then(|i| bytes.get(i)).is_some_and(u8::is_ascii_digit);
    let after = bytes.get(at + 10).is_some_and(u8::is_ascii_digit);
    !before && !after && text.get(at..at + 10).and_then(crate::domain::calendar::Date::parse_iso).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_has_a_name_in_each_language() {
        let mut names = std::collections::BTreeSet::new();
        for action in AuditAction::ALL {
            let vi = audit_action(action, Lang::Vi);
            assert!(!vi.is_empty() && vi != action.slug(), "{action}");
            assert!(names.insert(vi), "{vi} names two actions");
            assert!(!audit_action(action, Lang::En).is_empty());
        }
        assert_eq!(audit_action_slug("appraise", Lang::Vi), "Thẩm định");
        assert_eq!(audit_action_slug("withdraw", Lang::Vi), "Rút kết quả thẩm định");
        assert_eq!(audit_action_slug("a newer one", Lang::Vi), "a newer one");
    }

    #[test]
    fn recorded_users_dates_and_settings_read_in_vietnamese() {
        let files = crate::store::catalog::files("thai-nguyen-2024").unwrap();
        let regulation = crate::domain::loader::load_regulation("thai-nguyen-2024", &files).unwrap();
        let vi = |field: &str, value: &str| field_value(field, value, &regulation, Lang::Vi);
        assert_eq!(vi("user", "tv-snv: member, so-noi-vu"), "tv-snv: Thành viên Hội đồng, so-noi-vu");
        assert_eq!(vi("user", "lanh-dao-1: leader"), "lanh-dao-1: Lãnh đạo UBND tỉnh");
        assert_eq!(vi("user", "dau-moi: unit, đơn vị snv"), "dau-moi: Cán bộ đầu mối của đơn vị, đơn vị snv");
        assert_eq!(vi("submission", "2024-11-20, 12/BB"), "20/11/2024, 12/BB");
        assert_eq!(vi("submission_deadline", "2024-12-01"), "01/12/2024");
        assert_eq!(vi("evidence:1/BC", "Báo cáo (2024-11-20)"), "Báo cáo (20/11/2024)");
        assert_eq!(field_value("submission", "2024-11-20, 12/BB", &regulation, Lang::En), "2024-11-20, 12/BB");
        assert_eq!(vi("carried_settings", "2025-12-01, 30"), "01/12/2025, 30");
        assert_eq!(
            unvalued_detail("appraise", "stc I.1: entry updated", Lang::Vi),
            "cập nhật người nhập hoặc việc chờ xác nhận"
        );
        let baseline = "baseline, taken at migration to schema 5: score (stc, I.1) as the database held it then (not a council decision)";
        assert_eq!(
            unvalued_detail("baseline", baseline, Lang::Vi),
            "dữ liệu có sẵn khi nâng cấp cơ sở dữ liệu: score (stc, I.1) (không phải quyết định của Hội đồng)"
        );
        assert_eq!(unvalued_detail("baseline", baseline, Lang::En), baseline);
        for field in
            ["submission", "submission_deadline", "appraisal_working_days", "carried_settings", "previous_levels"]
        {
            assert_ne!(field_name(field, &regulation, Lang::Vi), field, "{field} has no Vietnamese name");
        }
    }
}
