//! What the units' side of the year says on the command line: `submit`, `round show`, `result`.

use super::Lang;
use crate::domain::calendar::{AppraisalPeriod, NoCalendar, WorkCalendar, shown_vietnamese};
use crate::domain::code::{BlocCode, UnitCode};
use crate::store::round_settings::SettingSource;

/// `submit --reopen`: the submission reopened.
pub fn reopened(lang: Lang, unit: &UnitCode, reason: &str) -> String {
    lang.pick(
        format!("{unit}: đã mở lại bản tự đánh giá (lý do: {reason})"),
        format!("{unit}: self-assessment reopened (reason: {reason})"),
    )
}

/// `submit`: the submission recorded (dates as stored, `2024-11-20`; Vietnamese writes `20/11/2024`).
pub fn submitted(lang: Lang, unit: &UnitCode, on: &str, approved_on: &str, minutes: &str, late: bool) -> String {
    match lang {
        Lang::Vi => format!(
            "{unit}: đã nộp bản tự đánh giá ngày {} (tập thể lãnh đạo thông qua ngày {}, biên bản {minutes}){}",
            shown_vietnamese(on),
            shown_vietnamese(approved_on),
            if late { "; nộp sau hạn (ghi nhận là nộp muộn)" } else { "" }
        ),
        Lang::En => format!(
            "{unit}: self-assessment submitted on {on} (approved by the leadership collective on {approved_on}, minutes {minutes}){}",
            if late { "; after the deadline (recorded as late)" } else { "" }
        ),
    }
}

/// Where a setting comes from.
pub fn setting_source(lang: Lang, source: &SettingSource) -> String {
    match (source, lang) {
        (SettingSource::Round, Lang::Vi) => "đặt cho kỳ này".to_string(),
        (SettingSource::Round, Lang::En) => "set for this round".to_string(),
        (SettingSource::Regulation(words), Lang::Vi) => format!("theo quy chế — {words}"),
        (SettingSource::Regulation(words), Lang::En) => format!("by the regulation — {words}"),
        (SettingSource::Unset, Lang::Vi) => "chưa đặt".to_string(),
        (SettingSource::Unset, Lang::En) => "not set".to_string(),
    }
}

/// `round show`: the deadline line (`left`: days to it, negative once past).
pub fn deadline(lang: Lang, date: &str, left: i64, source: &str) -> String {
    let when = match (left, lang) {
        (1.., Lang::Vi) => format!("còn {left} ngày"),
        (1.., Lang::En) => format!("{left} days left"),
        (0, Lang::Vi) => "hôm nay là ngày hạn: nộp từ hôm nay là nộp muộn".to_string(),
        (0, Lang::En) => "the deadline is today: a submission from today on is late".to_string(),
        (_, Lang::Vi) => format!("đã qua hạn {} ngày", -left),
        (_, Lang::En) => format!("{} days past the deadline", -left),
    };
    lang.pick(
        format!("Hạn nộp hồ sơ tự đánh giá: trước ngày {date} ({when}; {source})"),
        format!("Self-assessment deadline: before {date} ({when}; {source})"),
    )
}

/// `round show`: no deadline.
pub fn no_deadline(lang: Lang) -> &'static str {
    lang.pick(
        "Hạn nộp hồ sơ tự đánh giá: chưa đặt (thamdinh round set --deadline NGÀY)",
        "Self-assessment deadline: not set (thamdinh round set --deadline DATE)",
    )
}

/// `round show`: the appraisal period; `years`: the years the working-day calendar holds (`2024–2027`).
pub fn appraisal_period(lang: Lang, days: Option<u32>, source: &str, years: &str) -> String {
    match (days, lang) {
        (Some(days), Lang::Vi) => format!(
            "Thời gian thẩm định: tối đa {days} ngày làm việc từ ngày nhận hồ sơ ({source}); ngày làm việc là thứ Hai–thứ Sáu, trừ ngày nghỉ lễ, Tết và ngày nghỉ, hoán đổi theo thông báo hằng năm, cộng ngày làm bù (lịch các năm {years})"
        ),
        (Some(days), Lang::En) => format!(
            "Appraisal period: at most {days} working days from receipt ({source}); working days are Monday–Friday without public holidays and the announced days off, plus make-up days (calendar of {years})"
        ),
        (None, Lang::Vi) => "Thời gian thẩm định: chưa đặt".to_string(),
        (None, Lang::En) => "Appraisal period: not set".to_string(),
    }
}

/// The years a working-day calendar holds: `2024–2027`, or `2024, 2026` when one is missing; `—` for none.
pub fn calendar_years(calendar: &WorkCalendar) -> String {
    let years: Vec<i32> = calendar.years().map(|(year, _)| year).collect();
    match (years.first(), years.last()) {
        (Some(first), Some(last)) if usize::try_from(last - first + 1).ok() == Some(years.len()) && first != last => {
            format!("{first}–{last}")
        }
        (Some(_), Some(_)) => years.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "),
        _ => "—".to_string(),
    }
}

/// Where a unit's appraisal period stands: its last day and the working days left, or why it is not counted.
pub fn appraisal_standing(lang: Lang, period: &Result<AppraisalPeriod, NoCalendar>) -> String {
    let period = match period {
        Ok(period) => period,
        Err(NoCalendar { year }) => {
            return lang.pick(
                format!("chưa có lịch ngày nghỉ lễ năm {year}: chưa tính được hạn thẩm định"),
                format!("no public-holiday calendar for {year}: the appraisal deadline is not counted"),
            );
        }
    };
    let (deadline, left) = (period.deadline, period.days_left);
    let mut words = match (left, lang) {
        (Some(left @ 0..), Lang::Vi) => format!("hạn thẩm định {}, còn {left} ngày làm việc", deadline.vietnamese()),
        (Some(left @ 0..), Lang::En) => format!("appraisal due {deadline}, {left} working days left"),
        (Some(left), Lang::Vi) => format!("hạn thẩm định {}, đã quá {} ngày làm việc", deadline.vietnamese(), -left),
        (Some(left), Lang::En) => format!("appraisal due {deadline}, {} working days overdue", -left),
        (None, Lang::Vi) => format!("hạn thẩm định {}, đã quá hạn", deadline.vietnamese()),
        (None, Lang::En) => format!("appraisal due {deadline}, overdue"),
    };
    if !period.provisional.is_empty() {
        let years: Vec<String> = period.provisional.iter().map(ToString::to_string).collect();
        words.push_str(&lang.pick(
            format!(" (lịch nghỉ năm {} tạm tính, chưa có thông báo)", years.join(", ")),
            format!(" (the {} calendar is provisional, no notice yet)", years.join(", ")),
        ));
    }
    words
}

/// The progress pane's short form: `hạn TĐ 11/02/2025 (còn 3)`, `hạn TĐ 11/02/2025 (quá 2)`, or the missing year.
pub fn appraisal_cell(lang: Lang, period: &Result<AppraisalPeriod, NoCalendar>) -> String {
    match (period, lang) {
        (Ok(p), Lang::Vi) => match p.days_left {
            Some(left @ 0..) => format!("hạn TĐ {} (còn {left})", p.deadline.vietnamese()),
            Some(left) => format!("hạn TĐ {} (quá {})", p.deadline.vietnamese(), -left),
            None => format!("hạn TĐ {} (quá hạn)", p.deadline.vietnamese()),
        },
        (Ok(p), Lang::En) => match p.days_left {
            Some(left) => format!("due {} ({left} left)", p.deadline),
            None => format!("due {} (overdue)", p.deadline),
        },
        (Err(NoCalendar { year }), Lang::Vi) => format!("chưa có lịch nghỉ năm {year}"),
        (Err(NoCalendar { year }), Lang::En) => format!("no {year} holiday calendar"),
    }
}

/// `round show`: how many units submitted.
pub fn submitted_count(lang: Lang, submitted: usize, units: usize) -> String {
    lang.pick(format!("Đã nộp: {submitted}/{units} đơn vị"), format!("Submitted: {submitted}/{units} units"))
}

/// `round show`: one unit's submission (`days_left`: of its appraisal period; dates as stored).
pub fn unit_submitted(
    lang: Lang,
    on: &str,
    approved_on: &str,
    minutes: &str,
    late: bool,
    period: Option<&Result<AppraisalPeriod, NoCalendar>>,
) -> String {
    let period = period.map(|period| format!(", {}", appraisal_standing(lang, period))).unwrap_or_default();
    match lang {
        Lang::Vi => format!(
            "đã nộp {} (thông qua {}, biên bản {minutes}){}{period}",
            shown_vietnamese(on),
            shown_vietnamese(approved_on),
            if late { ", nộp muộn" } else { "" },
        ),
        Lang::En => format!(
            "submitted {on} (approved {approved_on}, minutes {minutes}){}{period}",
            if late { ", late" } else { "" },
        ),
    }
}

/// `round show`: a unit that has not submitted.
pub fn not_submitted(lang: Lang) -> &'static str {
    lang.pick("chưa nộp", "not submitted")
}

/// `result`: the unit's heading.
pub fn result_heading(lang: Lang, unit: &UnitCode, name: &str, year: i32) -> String {
    lang.pick(format!("{unit} — {name} (năm {year})"), format!("{unit} — {name} ({year})"))
}

/// `result`: total, level, rank.
pub fn result_summary(lang: Lang, total: &str, level: &str, approved: bool, rank: usize, bloc: &BlocCode) -> String {
    match lang {
        Lang::Vi => format!(
            "Tổng điểm {}; {level}{}; hạng {rank} trong khối {bloc}",
            total.replace('.', ","),
            if approved { "" } else { " (chưa phê duyệt)" }
        ),
        Lang::En => format!(
            "Total {total}; {level}{}; rank {rank} in bloc {bloc}",
            if approved { "" } else { " (not approved yet)" }
        ),
    }
}

/// `result`: last year's level.
pub fn previous_year(lang: Lang, level: &str) -> String {
    lang.pick(format!("Năm trước: {level}"), format!("Last year: {level}"))
}

/// `result`: the headings of its lists.
pub fn reasons_heading(lang: Lang) -> &'static str {
    lang.pick("Lý do:", "Reasons:")
}

/// Said by `cli::year`.
pub fn no_deductions(lang: Lang) -> &'static str {
    lang.pick("Không tiêu chí nào bị trừ điểm.", "No criterion lost points.")
}

/// Said by `cli::year`.
pub fn deductions_heading(lang: Lang) -> &'static str {
    lang.pick(
        "Các tiêu chí bị trừ điểm (điểm tối đa / tự chấm / thẩm định — lý do của Hội đồng):",
        "Criteria that lost points (max / self-assessed / appraised — the council's reason):",
    )
}

/// `result`: one deduction, `max / self-score / appraised — reason`, each number as the language writes it
/// (`0,5` in Vietnamese, `0.5` in English).
pub fn deduction_line(lang: Lang, component: &str, name: &str, scores: [&str; 3], reason: &str) -> String {
    let number = |value: &str| match lang {
        Lang::Vi => value.replace('.', ","),
        Lang::En => value.to_string(),
    };
    let [max, self_score, appraised] = scores.map(number);
    format!("  {component} {name}: {max} / {self_score} / {appraised} — {reason}")
}
