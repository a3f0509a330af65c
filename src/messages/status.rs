//! The words of the interface's state and status line (issue 27 item 2): pane titles, queue statuses, what a
//! save, an export or a decision reports, the forms' refusals and placeholders, the opening line. Vietnamese by
//! default, English with `--lang en`; codes, names and typed values stay as the data has them.

use super::Lang;
pub use super::keys::Words;
use crate::domain::code::{BlocCode, UnitCode};

/// A score as the reader's language writes it: `3,5` in Vietnamese, `3.5` in English, without trailing zeros.
pub fn score(value: rust_decimal::Decimal, lang: Lang) -> String {
    match lang {
        Lang::Vi => crate::domain::score::display_vi(value),
        Lang::En => value.normalize().to_string(),
    }
}

/// A criterion's grade, by name: the views' one word for it.
pub use super::views::grade;

// The panes' titles.
/// The panes' titles; said by `tui::app`.
pub const PANE_QUEUE: Words = Words::new("Hàng chờ thẩm định", "Appraisal queue");
/// The panes' titles; said by `tui::app`.
pub const PANE_RANKING: Words = Words::new("Xếp hạng", "Ranking");
/// The panes' titles; said by `tui::app`.
pub const PANE_PROGRESS: Words = Words::new("Tiến độ", "Progress");
/// The panes' titles; said by `tui::app`.
pub const PANE_TIES: Words = Words::new("Bằng điểm", "Ties");
/// The panes' titles; said by `tui::app`.
pub const PANE_CHARTS: Words = Words::new("Biểu đồ", "Charts");
/// The panes' titles; said by `tui::app`.
pub const PANE_SELF_ASSESSMENT: Words = Words::new("Tự đánh giá", "Self-assessment");
/// The panes' titles; said by `tui::app`.
pub const PANE_RESULT: Words = Words::new("Kết quả", "Result");

// Where an item of the queue stands.
/// Where an item of the queue stands; said by `tui::app`.
pub const STATUS_PENDING: Words = Words::new("Chưa thẩm định", "Not appraised");
/// Where an item of the queue stands; said by `tui::app`.
pub const STATUS_NEEDS_REASON: Words = Words::new("Thiếu lý do", "Reason missing");
/// Where an item of the queue stands; said by `tui::app`.
pub const STATUS_INCOMPLETE_FILE: Words = Words::new("Thiếu hồ sơ", "Incomplete file");
/// Where an item of the queue stands; said by `tui::app`.
pub const STATUS_AWAITING: Words = Words::new("Chờ xác nhận", "Awaiting confirmation");
/// Where an item of the queue stands; said by `tui::app`.
pub const STATUS_APPRAISED: Words = Words::new("Đã thẩm định", "Appraised");
/// Where an item of the queue stands; said by `tui::app`.
pub const STATUS_CO_ASSIGNED: Words = Words::new("Phối hợp — góp ý", "Co-appraising — comment");
/// Where an item of the queue stands; said by `tui::app`.
pub const STATUS_NOT_SUBMITTED: Words = Words::new("Đơn vị chưa nộp", "Unit not submitted");

/// The scoring form of an approved bloc.
pub const READ_ONLY: Words = Words::citing_rerating(
    "Khối đã phê duyệt: phiếu chỉ để xem (Chủ tịch Hội đồng xếp loại lại)",
    "Approved bloc: the form is read-only (the chairman re-rates)",
);

/// The first line drawn while the round is read.
pub fn opening(db: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(" thamdinh — đang đọc {db} …"),
        Lang::En => format!(" thamdinh — reading {db} …"),
    }
}

// Placeholders of the text boxes.
/// Placeholders of the text boxes; said by `tui::app::forms`.
pub const COMMENT_PLACEHOLDER: Words =
    Words::new("Ý kiến góp ý của cơ quan phối hợp", "The co-appraising agency's comment");
/// Placeholders of the text boxes; said by `tui::app::forms`.
pub const DEDUCTION_PLACEHOLDER: Words = Words::new(
    "Lý do trừ điểm (bắt buộc khi điểm thấp hơn tối đa hoặc khác điểm tự đánh giá)",
    "Deduction reason (required when the score is below the maximum or differs from the self-score)",
);
/// Placeholders of the text boxes; said by `tui::app::unit_side`.
pub const EXPLANATION_PLACEHOLDER: Words = Words::new(
    "Giải trình của đơn vị (căn cứ, số liệu, tài liệu kiểm chứng)",
    "The unit's explanation (grounds, figures, supporting documents)",
);
/// Placeholders of the text boxes; said by `tui::app::update::appraisal`.
pub const WITHDRAW_PLACEHOLDER: Words =
    Words::new("Lý do rút kết quả thẩm định (bắt buộc)", "Reason for withdrawing the appraisal (required)");
/// Placeholders of the text boxes; said by `tui::app::update::browse`.
pub const OVERRIDE_PLACEHOLDER: Words = Words::new("Lý do điều chỉnh (bắt buộc)", "Reason for the override (required)");

// The scoring and comment forms' refusals.
/// The scoring and comment forms' refusals; said by `tui::app::forms`.
pub const NO_FORM: Words = Words::new("Không có phiếu", "No form is open");
/// The scoring and comment forms' refusals; said by `tui::app::forms`.
pub const UNIT_GONE: Words = Words::new("Đơn vị không còn trong dữ liệu", "The unit is no longer in the data");
/// The scoring and comment forms' refusals; said by `tui::app::forms`.
pub const CRITERION_GONE: Words = Words::new("Tiêu chí không có trong khung", "The criterion is not in the framework");
/// The scoring and comment forms' refusals; said by `tui::app::forms`.
pub const NO_APPRAISED_SCORE: Words = Words::new("Chưa nhập điểm thẩm định", "No appraised score typed yet");
/// The scoring and comment forms' refusals; said by `tui::app::forms`.
pub const NO_COMMENT_FORM: Words = Words::new("Không có phiếu góp ý", "No comment form is open");
/// The scoring and comment forms' refusals; said by `tui::app::forms`.
pub const NO_COMMENT: Words = Words::new("Chưa nhập ý kiến góp ý", "No comment typed yet");

/// A text of a form refused by the text rule: the field, then why.
pub fn field_refused(field: Field, why: &str, lang: Lang) -> String {
    let name = match field {
        Field::Deduction => lang.pick("Lý do trừ điểm", "Deduction reason"),
        Field::Comment => lang.pick("Ý kiến góp ý", "Comment"),
        Field::Withdrawal => lang.pick("Lý do rút kết quả", "Withdrawal reason"),
        Field::SelfScore => lang.pick("Điểm tự đánh giá", "Self-score"),
    };
    format!("{name} {why}")
}

/// The fields a refusal names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The deduction reason (*lý do trừ điểm*) of an appraisal.
    Deduction,
    /// A co-appraising agency's comment.
    Comment,
    /// The reason for withdrawing a recorded appraisal.
    Withdrawal,
    /// The unit's self-score.
    SelfScore,
}

// The queue.
/// The queue; said by `tui::app`.
pub const NOTHING_LEFT: Words = Words::new("Không còn mục nào chờ thẩm định", "No item is left to appraise");

// Withdrawing an appraisal.
/// Withdrawing an appraisal; said by `tui::app::update::appraisal`.
pub const WITHDRAWAL_NEEDS_REASON: Words =
    Words::new("Cần lý do rút kết quả thẩm định", "Withdrawing the appraisal needs a reason");
/// Withdrawing an appraisal; said by `tui::app::update::appraisal`.
pub const NOTHING_TO_OFFER: Words = Words::new(
    "Hồ sơ của tiêu chí này đủ giải trình và tài liệu kiểm chứng: không có lý do gợi ý",
    "This criterion's file has its explanation and supporting documents: no reason to offer",
);

// Decisions: ties, facts, grades.
/// Said by `tui::app::update::browse`.
pub fn tie_locked(bloc: &BlocCode, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Khối {bloc} đã phê duyệt: thứ tự bằng điểm đã ghi không mở lại được"),
        Lang::En => format!("Bloc {bloc} is approved: its recorded tie order cannot be reopened"),
    }
}
/// Said by `tui::app::update::browse`.
pub const CHOOSE_UNIT_TO_EXPORT: Words =
    Words::new("Chọn một đơn vị để xuất biểu chấm điểm", "Select a unit to export its score sheet");
/// Said by `tui::app::update::decisions`.
pub const TYPE_Y_FOR_ORDER: Words = Words::new(
    "Gõ y rồi Enter để ghi thứ tự này (hoặc Ctrl-S); Esc để sắp lại",
    "Type y then Enter to record this order (or Ctrl-S); Esc to reorder",
);
/// Said by `tui::app::update::decisions`.
pub const REORDER_NEEDS_REASON: Words =
    Words::new("Cần lý do đổi thứ tự bằng điểm đã ghi", "Changing a recorded tie order needs a reason");
/// Said by `tui::app::update::decisions`.
pub const NO_FACT_CHANGED: Words = Words::new("Chưa thay đổi sự kiện nào", "No fact has changed");
/// Said by `tui::app::update::decisions`.
pub fn no_override(criterion: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Tiêu chí {criterion} không có điều chỉnh: đang áp dụng xếp loại đề xuất"),
        Lang::En => format!("Criterion {criterion} has no override: the proposed grade applies"),
    }
}
/// Said by `tui::app::update::decisions`.
pub const OVERRIDE_LOCKED: Words = Words::citing_rerating(
    "Khối đã phê duyệt: không bỏ điều chỉnh (Chủ tịch xếp loại lại)",
    "Approved bloc: the override is not removed (the chairman re-rates)",
);
/// Said by `tui::app::update::decisions`.
pub const REMOVAL_NEEDS_REASON: Words =
    Words::new("Cần lý do bỏ điều chỉnh xếp loại", "Removing a grade override needs a reason");
/// Said by `tui::app::update::decisions`.
pub fn already_proposed(grade_name: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{grade_name} là xếp loại đề xuất: không lưu điều chỉnh (Ctrl-D để bỏ điều chỉnh đang có)"),
        Lang::En => format!("{grade_name} is the proposed grade: no override saved (Ctrl-D removes the one in force)"),
    }
}
/// Said by `tui::app::update::decisions`.
pub const OVERRIDE_NEEDS_REASON: Words = Words::new("Cần lý do điều chỉnh xếp loại", "A grade override needs a reason");

// The unit's self-assessment.
/// The unit's self-assessment; said by `tui::app::update::self_assessment`.
pub const NUMBER_TO_REMOVE: Words = Words::new(
    "Nhập số hiệu của tài liệu cần bỏ (ô Số hiệu) rồi Ctrl-X",
    "Type the number of the document to remove (the Number field), then Ctrl-X",
);
/// The unit's self-assessment; said by `tui::app::update::self_assessment`.
pub const DOCUMENT_NEEDS: Words = Words::new(
    "Tài liệu cần số hiệu và trích yếu (Tab tới các ô tài liệu)",
    "A document needs a number and a title (Tab to the document fields)",
);
/// The unit's self-assessment; said by `tui::app::update::self_assessment`.
/// `article`: the regulation's article asking for the collective's approval (`[citations] submission_approval`).
pub fn submission_needs(article: Option<&str>, lang: Lang) -> String {
    let cited = super::citations::cited(article, lang);
    match lang {
        Lang::Vi => format!("Cần ngày tập thể lãnh đạo thông qua và số biên bản{cited}"),
        Lang::En => format!("The leadership's approval date and the minutes number are needed{cited}"),
    }
}
/// The unit's self-assessment; said by `tui::app::unit_side`.
pub const SUBMITTED_READ_ONLY: Words = Words::new(
    "Đã nộp bản tự đánh giá: chỉ xem; cần sửa thì đề nghị Thư ký Hội đồng mở lại",
    "Self-assessment submitted: read-only; to change it, ask the council's secretary to reopen it",
);
/// Said by `tui::app::update::browse`.
pub fn submitted_at(on: &str, minutes: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Đã nộp lúc {on} (biên bản số {minutes})"),
        Lang::En => format!("Submitted on {on} (minutes no. {minutes})"),
    }
}

/// "Đã nộp 12/40 · hạn nộp trước ngày 25/11/2024 — còn 3 ngày", for the secretary.
pub fn submissions_note(done: usize, of: usize, deadline: Option<(&str, i64)>, lang: Lang) -> String {
    let head = match lang {
        Lang::Vi => format!("Đã nộp {done}/{of}"),
        Lang::En => format!("Submitted {done}/{of}"),
    };
    match (deadline, lang) {
        (None, _) => head,
        (Some((when, days @ 1..)), Lang::Vi) => format!("{head} · hạn nộp trước ngày {when} — còn {days} ngày"),
        (Some((when, _)), Lang::Vi) => format!("{head} · hạn nộp trước ngày {when} — đã quá hạn"),
        (Some((when, days @ 1..)), Lang::En) => format!("{head} · deadline before {when} — {days} days left"),
        (Some((when, _)), Lang::En) => format!("{head} · deadline before {when} — past the deadline"),
    }
}

/// Said by `tui::app::unit_side`.
pub const NOT_SUBMITTED: Words = Words::new("chưa nộp", "not submitted");
/// Said by `tui::app::unit_side`.
pub const LATE: Words = Words::new(" muộn", " late");

/// The unit's deadline, above its list: days left, or how late it is.
pub fn deadline_note(when: &str, days: i64, lang: Lang) -> String {
    match (days, lang) {
        (1.., Lang::Vi) => format!("Hạn nộp: trước ngày {when} — còn {days} ngày"),
        (_, Lang::Vi) => format!("Hạn nộp: trước ngày {when} — đã quá hạn (vẫn nộp được, được ghi là nộp muộn)"),
        (1.., Lang::En) => format!("Deadline: before {when} — {days} days left"),
        (_, Lang::En) => format!("Deadline: before {when} — past it (you may still submit; it is recorded as late)"),
    }
}

// What a save, a decision or an export reports on the status line.

/// How a save of an appraisal ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SavedAs {
    /// A member of the lead appraising agency saved it: the score stands.
    Final,
    /// A council member confirmed a score another entered.
    Confirmed,
    /// Entered, but a council member must confirm it before it counts.
    AwaitingConfirmation,
    /// A provincial leader's score of group I (2610 Điều 6.2.b); the appraised score is the leaders' mean.
    LeaderScore,
}

/// Said by `tui::effects`.
pub fn appraisal_saved(saved: SavedAs, item: &str, shown: &str, lang: Lang) -> String {
    match (saved, lang) {
        (SavedAs::Final, Lang::Vi) => format!("Đã lưu {item}: {shown}"),
        (SavedAs::Final, Lang::En) => format!("Saved {item}: {shown}"),
        (SavedAs::Confirmed, Lang::Vi) => format!("Đã xác nhận {item}: {shown}"),
        (SavedAs::Confirmed, Lang::En) => format!("Confirmed {item}: {shown}"),
        (SavedAs::AwaitingConfirmation, Lang::Vi) => {
            format!("Đã nhập {item}: {shown} — chờ thành viên Hội đồng xác nhận")
        }
        (SavedAs::AwaitingConfirmation, Lang::En) => {
            format!("Entered {item}: {shown} — awaiting a council member's confirmation")
        }
        (SavedAs::LeaderScore, Lang::Vi) => format!("Đã ghi điểm của lãnh đạo {item}: {shown}"),
        (SavedAs::LeaderScore, Lang::En) => format!("Recorded the leadership's score {item}: {shown}"),
    }
}

/// What another session saved meanwhile: a score, a score with its reason, or nothing (cleared).
pub fn current_value(value: Option<&str>, reason: &str, lang: Lang) -> String {
    match (value, reason, lang) {
        (None, _, Lang::Vi) => "xóa điểm".to_string(),
        (None, _, Lang::En) => "a cleared score".to_string(),
        (Some(value), "", _) => value.to_string(),
        (Some(value), why, Lang::Vi) => format!("{value} (lý do: {why})"),
        (Some(value), why, Lang::En) => format!("{value} (reason: {why})"),
    }
}

/// Said by `tui::effects`.
pub fn stale_save(by: &str, current: &str, yours: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "Chưa lưu: {by} đã lưu {current} trong lúc bạn sửa. Điểm bạn nhập ({yours}) vẫn trong phiếu — xem lại, Ctrl-S lần nữa để ghi đè"
        ),
        Lang::En => format!(
            "Not saved: {by} saved {current} while you were editing. The score you typed ({yours}) is still in the form — check it, Ctrl-S again to overwrite"
        ),
    }
}

/// Said by `tui::effects`.
pub fn withdrawn(item: &str, reason: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Đã rút kết quả thẩm định {item}: {reason}"),
        Lang::En => format!("Withdrew the appraisal of {item}: {reason}"),
    }
}

/// Said by `tui::effects`.
pub fn stale_withdrawal(by: &str, current: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Chưa rút: {by} đã lưu {current} trong lúc bạn xem. Xem lại, Ctrl-S lần nữa để rút"),
        Lang::En => {
            format!("Not withdrawn: {by} saved {current} while you were looking. Check it, Ctrl-S again to withdraw")
        }
    }
}

/// Said by `tui::effects`.
pub fn tie_ordered(order: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Đã ghi thứ tự của Chủ tịch: {order}"),
        Lang::En => format!("Recorded the chairman's order: {order}"),
    }
}

/// Said by `tui::effects`.
pub fn tie_reordered(order: &str, reason: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Đã đổi thứ tự bằng điểm của Chủ tịch: {order} ({reason})"),
        Lang::En => format!("Changed the chairman's tie order: {order} ({reason})"),
    }
}

/// Said by `tui::effects`.
pub fn facts_saved(unit: &UnitCode, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Đã ghi nhận sự kiện của {unit}"),
        Lang::En => format!("Recorded the facts of {unit}"),
    }
}

/// Said by `tui::effects`.
pub fn grade_overridden(item: &str, grade_name: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Đã điều chỉnh xếp loại {item}: {grade_name}"),
        Lang::En => format!("Overrode the grade of {item}: {grade_name}"),
    }
}

/// Said by `tui::effects`.
pub fn override_removed(item: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Đã bỏ điều chỉnh xếp loại {item}: áp dụng xếp loại đề xuất"),
        Lang::En => format!("Removed the grade override of {item}: the proposed grade applies"),
    }
}

/// Said by `tui::effects`.
pub fn comment_sent(item: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Đã gửi góp ý cho {item}"),
        Lang::En => format!("Sent the comment on {item}"),
    }
}

/// Said by `tui::effects`.
pub fn approved(bloc: &BlocCode, head: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Đã phê duyệt kết quả khối {bloc} — Nhật ký: {head}"),
        Lang::En => format!("Approved the result of bloc {bloc} — Log: {head}"),
    }
}

/// Said by `tui::effects`.
pub fn self_assessment_saved(component: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Đã lưu tự đánh giá {component}"),
        Lang::En => format!("Saved the self-assessment of {component}"),
    }
}

/// Said by `tui::effects`.
pub fn document_added(reference: &str, component: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Đã thêm tài liệu {reference} cho {component}"),
        Lang::En => format!("Added document {reference} to {component}"),
    }
}

/// Said by `tui::effects`.
pub fn document_removed(reference: &str, component: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Đã bỏ tài liệu {reference} của {component}"),
        Lang::En => format!("Removed document {reference} from {component}"),
    }
}

/// Said by `tui::effects`.
pub fn file_described(name: &str, reference: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => super::uploads::file_described(name, reference),
        Lang::En => format!("Gave number {reference} to file {name}"),
    }
}

/// Worded into a longer sentence of this file.
pub const NO_FILE_TO_DESCRIBE_EN: &str = "This criterion has no file without a number yet (send files by sftp/scp/WinSCP; to correct one, type exactly its number)";

/// Ctrl-F with no file of this component to give the typed document to.
pub fn no_file_to_describe(lang: Lang) -> &'static str {
    lang.pick(super::uploads::no_file_to_describe(), NO_FILE_TO_DESCRIBE_EN)
}

/// Said by `tui::effects`.
pub fn submitted(minutes: &str, late: bool, lang: Lang) -> String {
    match (late, lang) {
        (false, Lang::Vi) => format!("Đã nộp bản tự đánh giá (biên bản số {minutes})"),
        (true, Lang::Vi) => {
            format!("Đã nộp bản tự đánh giá (biên bản số {minutes}) — nộp sau hạn, được ghi là nộp muộn")
        }
        (false, Lang::En) => format!("Submitted the self-assessment (minutes no. {minutes})"),
        (true, Lang::En) => {
            format!("Submitted the self-assessment (minutes no. {minutes}) — after the deadline, recorded as late")
        }
    }
}

/// Said by `tui::effects`.
pub fn sheets_exported(count: usize, shown: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Đã xuất {count} biểu chấm điểm: {shown}"),
        Lang::En if count == 1 => format!("Exported 1 score sheet: {shown}"),
        Lang::En => format!("Exported {count} score sheets: {shown}"),
    }
}

/// Said by `tui::effects`.
pub fn ranking_exported(shown: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Đã xuất kết quả xếp hạng: {shown}"),
        Lang::En => format!("Exported the ranking: {shown}"),
    }
}

/// An export as a council user fetches it over SFTP.
pub fn download(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("/xuat/{name} (tải về bằng sftp/scp/WinSCP)"),
        Lang::En => format!("/xuat/{name} (download by sftp/scp/WinSCP)"),
    }
}

/// The title of a unit's whole history.
pub fn unit_history(unit: &UnitCode, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{unit} — mọi thay đổi của đơn vị, mới nhất trước"),
        Lang::En => format!("{unit} — every change of the unit, newest first"),
    }
}

/// A typed score the rule refuses, as the scoring and self-assessment forms say it.
pub fn score_input(why: &crate::domain::score::ScoreInputError, lang: Lang) -> String {
    use crate::domain::score::ScoreInputError as E;
    match (why, lang) {
        (_, Lang::Vi) => why.to_string(),
        (E::NotANumber(value), Lang::En) => format!("“{value}” is not a valid score (for example 3.5)"),
        (E::PercentNotAllowed(value), Lang::En) => {
            format!("“{value}”: this regulation scores in points, not as a percentage of plan")
        }
        (E::Negative { value, max }, Lang::En) => {
            format!(
                "“{value}” is not a valid score: a score is never negative (scores lie in [0; {}])",
                score(*max, lang)
            )
        }
        (E::AboveMax { value, max }, Lang::En) => {
            let max = score(*max, lang);
            format!("“{value}” is above the maximum {max} (scores lie in [0; {max}])")
        }
        (E::TooManyDecimals { value, found, allowed }, Lang::En) => format!(
            "“{value}” has {found} decimals; the regulation counts {allowed} (nothing is rounded for you: type it again)"
        ),
    }
}

/// Why an appraisal needs a deduction reason, as the scoring form says it.
pub fn reason_needed(why: &crate::domain::appraisal::ReasonNeeded, lang: Lang) -> String {
    use crate::domain::appraisal::ReasonNeeded as R;
    match (why, lang) {
        (R::BelowMax { appraised, max }, Lang::Vi) => format!(
            "Cần lý do trừ điểm: điểm thẩm định {} thấp hơn điểm tối đa {}",
            score(*appraised, lang),
            score(*max, lang)
        ),
        (R::DiffersFromSelfScore { appraised, self_score }, Lang::Vi) => format!(
            "Cần lý do: điểm thẩm định {} khác điểm tự đánh giá {}",
            score(*appraised, lang),
            score(*self_score, lang)
        ),
        (R::BelowMax { appraised, max }, Lang::En) => format!(
            "A deduction reason is needed: the appraised score {} is below the maximum {}",
            score(*appraised, lang),
            score(*max, lang)
        ),
        (R::DiffersFromSelfScore { appraised, self_score }, Lang::En) => format!(
            "A reason is needed: the appraised score {} differs from the self-score {}",
            score(*appraised, lang),
            score(*self_score, lang)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_only_words_and_the_submission_cite_the_regulations_articles_or_none() {
        assert_eq!(
            submission_needs(Some("Điều 8.1.b"), Lang::Vi),
            "Cần ngày tập thể lãnh đạo thông qua và số biên bản (Điều 8.1.b)"
        );
        assert_eq!(submission_needs(None, Lang::Vi), "Cần ngày tập thể lãnh đạo thông qua và số biên bản");
        assert_eq!(
            READ_ONLY.cite(Lang::Vi, Some("Điều 10.4")),
            "Khối đã phê duyệt: phiếu chỉ để xem (Chủ tịch Hội đồng xếp loại lại, Điều 10.4)"
        );
        assert_eq!(
            READ_ONLY.cite(Lang::Vi, None),
            "Khối đã phê duyệt: phiếu chỉ để xem (Chủ tịch Hội đồng xếp loại lại)"
        );
        assert_eq!(
            OVERRIDE_LOCKED.cite(Lang::En, Some("Điều 10.4")),
            "Approved bloc: the override is not removed (the chairman re-rates, article 10.4)"
        );
        assert_eq!(
            OVERRIDE_LOCKED.cite(Lang::En, None),
            "Approved bloc: the override is not removed (the chairman re-rates)"
        );
    }
}
