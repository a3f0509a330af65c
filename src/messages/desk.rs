//! The secretary's desk (issue 25): its pane, its forms and what it says of each action, in Vietnamese (the
//! default) and in English (`--lang en`).

use super::Lang;
use super::keys::Words;
use crate::domain::code::UnitCode;
use crate::sheet::desk::FileKind;
use crate::store::preview::{ChangeCount, Item};

/// Said by `tui::app`, `tui::view::desk`.
pub const PANE: Words = Words::new("Bàn làm việc", "Desk");

// The desk's rows, as the pane lists them.
/// The desk's rows, as the pane lists them; said by `tui::app::desk`.
pub const IMPORT: Words = Words::new(
    "Nhập tệp từ thư mục /nhap (danh sách đơn vị, điểm, sự kiện, tài liệu, biểu chấm .xlsx)",
    "Import a file from the /nhap folder (units, scores, facts, documents, .xlsx score sheets)",
);
/// The desk's rows, as the pane lists them; said by `tui::app::desk`.
pub const USERS: Words = Words::new("Người dùng: danh sách, thêm, xóa", "Users: list, add, remove");
/// The desk's rows, as the pane lists them; said by `tui::app::desk`.
pub const ROUND: Words = Words::new("Hạn nộp hồ sơ và thời gian thẩm định", "Submission deadline and appraisal period");
/// The desk's rows, as the pane lists them; said by `tui::app::desk`.
pub const PAPER: Words =
    Words::new("Ghi nhận hồ sơ tự đánh giá nộp bằng giấy", "Record a self-assessment submitted on paper");
/// The desk's rows, as the pane lists them; said by `tui::app::desk`.
pub const REOPEN: Words = Words::new("Mở lại bản tự đánh giá đã nộp", "Reopen a submitted self-assessment");
/// The desk's rows, as the pane lists them; said by `tui::app::desk`.
pub const RERATE: Words = Words::citing_rerating(
    "Xếp loại lại một đơn vị đã phê duyệt (Chủ tịch)",
    "Re-rate a unit already approved (chairman)",
);
/// The desk's rows, as the pane lists them; said by `tui::app::desk`.
pub const BACKUP: Words =
    Words::new("Sao lưu kỳ đánh giá vào thư mục /xuat", "Back up the round into the /xuat folder");
/// The desk's rows, as the pane lists them; said by `tui::app::desk`.
pub const PAPERS: Words = Words::new(
    "Văn bản của Hội đồng (báo cáo, tờ trình, dự thảo quyết định, biên bản, thông báo, trang công bố) vào /xuat",
    "The council's papers (report, proposal, draft decision, minutes, notices, publication page) into /xuat",
);
/// The desk's rows, as the pane lists them; said by `tui::view::desk`.
pub const PAPERS_TITLE: Words =
    Words::new("Văn bản xuất vào thư mục /xuat của bạn", "Papers written into your /xuat folder");

/// The council's papers as the desk lists them, in `DeskPaper::ALL` order; `proposal_to`: whom the regulation's
/// papers address the proposal (`addressee` of `papers.toml`), None where the round has no such file.
pub fn paper(index: usize, lang: Lang, proposal_to: Option<&str>) -> std::borrow::Cow<'static, str> {
    const PAPERS: [Words; 6] = [
        Words::new("Báo cáo kết quả thẩm định (.docx)", "Appraisal report (.docx)"),
        Words::new("Tờ trình đề nghị công nhận kết quả (.docx)", "Proposal to recognise the results (.docx)"),
        Words::new("Dự thảo Quyết định công nhận kết quả (.docx)", "Draft decision recognising the results (.docx)"),
        Words::new("Biên bản họp Hội đồng thẩm định (.docx)", "Minutes of the appraisal council's meeting (.docx)"),
        Words::new(
            "Thông báo kết quả cho mọi đơn vị (mỗi đơn vị một tệp .docx, trong một thư mục)",
            "Result notices to every unit (one .docx per unit, in one folder)",
        ),
        Words::new("Trang công bố kết quả (.html)", "Results publication page (.html)"),
    ];
    match (index, proposal_to, lang) {
        (1, Some(to), Lang::Vi) => format!("Tờ trình {to} (.docx)").into(),
        (1, Some(to), Lang::En) => format!("Proposal to {to} (.docx)").into(),
        _ => PAPERS.get(index).map(|words| words.say(lang)).unwrap_or_default().into(),
    }
}

/// Said by `tui::effects`.
pub fn paper_written(shown: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Đã xuất: {shown}"),
        Lang::En => format!("Exported: {shown}"),
    }
}

/// Said by `tui::effects`.
pub fn notices_written(shown: &str, count: usize, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Đã xuất {count} thông báo vào thư mục {shown}"),
        Lang::En => format!("Exported {count} notices into the folder {shown}"),
    }
}

/// Said by `tui::view::desk`.
pub const INBOX_TITLE: Words = Words::new("Tệp trong thư mục /nhap của bạn", "Files in your /nhap folder");
/// Said by `tui::view::desk`.
pub const INBOX_EMPTY: Words = Words::new(
    "Thư mục /nhap trống: gửi tệp .csv hoặc .xlsx vào /nhap bằng sftp, scp hoặc WinSCP rồi bấm r để đọc lại",
    "The /nhap folder is empty: send a .csv or .xlsx file into /nhap by sftp, scp or WinSCP, then press r to read it again",
);
/// Said by `tui::view::desk`.
pub const KIND_TITLE: Words = Words::new("Tệp này là loại nào?", "What kind of file is this?");
/// Said by `tui::view::desk`.
pub const PREVIEW_TITLE: Words = Words::new("Xem trước (chưa ghi gì)", "Preview (nothing written yet)");
/// Said by `tui::app::update::desk`, `tui::view::desk`.
pub const PREVIEW_CONFIRM: Words =
    Words::new("Gõ y rồi Enter để nhập thật; Esc để thôi", "Type y then Enter to import for real; Esc to stop");
/// Said by `tui::view::desk`.
pub const PREVIEW_NOTHING: Words =
    Words::new("Tệp không thay đổi gì trong kỳ đánh giá", "The file changes nothing in the round");
/// Said by `tui::view::desk`.
pub const PROBLEMS_TITLE: Words =
    Words::new("Tệp bị từ chối — không có gì được ghi", "File refused — nothing was written");
/// Said by `tui::view::desk`.
pub const USERS_TITLE: Words = Words::new("Người dùng của Hội đồng", "The council's users");
/// Said by `tui::app::update`.
pub const KEY_LINE_TITLE: Words = Words::new("Dòng khóa gửi cán bộ công nghệ thông tin", "Key line for the IT officer");
/// Worded into a longer sentence of this file.
pub const KEY_PLACEHOLDER: &str = "<KHÓA-CÔNG-KHAI-CỦA-NGƯỜI-DÙNG>";
/// Worded into a longer sentence of this file.
pub const KEY_PLACEHOLDER_EN: &str = "<USER-PUBLIC-KEY>";
/// Said by `tui::view::desk`.
pub const REMOVED: Words = Words::new("đã xóa", "removed");
/// Said by `tui::app::update::desk`.
pub const TYPE_Y: Words =
    Words::new("Gõ y rồi Enter để xác nhận; Esc để thôi", "Type y then Enter to confirm; Esc to stop");

/// The kind of a file, as the desk offers it.
pub fn kind(kind: FileKind, lang: Lang) -> &'static str {
    let words = match kind {
        FileKind::Units => Words::new("Danh sách đơn vị (code,name,bloc,group)", "Units (code,name,bloc,group)"),
        FileKind::Scores => Words::new(
            "Điểm (unit,criterion,self_score,appraised_score,…)",
            "Scores (unit,criterion,self_score,appraised_score,…)",
        ),
        FileKind::Grades => Words::new(
            "Điều chỉnh xếp loại tiêu chí (unit,criterion,grade,reason)",
            "Criterion grade overrides (unit,criterion,grade,reason)",
        ),
        FileKind::Facts => Words::new("Sự kiện của đơn vị (unit,fact,value)", "Units' facts (unit,fact,value)"),
        FileKind::Evidence => Words::new(
            "Tài liệu kiểm chứng (unit,criterion,title,reference,date)",
            "Supporting documents (unit,criterion,title,reference,date)",
        ),
        FileKind::Sheet => Words::new("Biểu chấm điểm đơn vị đã điền (.xlsx)", "A unit's filled score sheet (.xlsx)"),
    };
    words.say(lang)
}

fn item(item: Item, lang: Lang) -> &'static str {
    let words = match item {
        Item::Units => Words::new("đơn vị", "units"),
        Item::SelfScores => Words::new("điểm tự đánh giá", "self-scores"),
        Item::Explanations => Words::new("giải trình", "explanations"),
        Item::NotApplicable => Words::new("tiêu chí không áp dụng", "components not applicable"),
        Item::Appraisals => Words::new("điểm thẩm định", "appraised scores"),
        Item::Reasons => Words::new("lý do trừ điểm", "deduction reasons"),
        Item::LeaderScores => Words::new("điểm của lãnh đạo", "leadership scores"),
        Item::Grades => Words::new("điều chỉnh xếp loại", "grade overrides"),
        Item::Facts => Words::new("sự kiện", "facts"),
        Item::Evidence => Words::new("tài liệu kiểm chứng", "supporting documents"),
    };
    words.say(lang)
}

/// "12 điểm tự đánh giá mới, 3 thay đổi, 0 xóa".
pub fn change(count: &ChangeCount, lang: Lang) -> String {
    let what = item(count.item, lang);
    match lang {
        Lang::Vi => format!("{} {what} mới, {} thay đổi, {} xóa", count.new, count.changed, count.removed),
        Lang::En => format!("{} new {what}, {} changed, {} removed", count.new, count.changed, count.removed),
    }
}

/// Said by `tui::view::desk`.
pub fn rows(file: &str, rows: usize, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{file}: {rows} dòng dữ liệu"),
        Lang::En => format!("{file}: {rows} data rows"),
    }
}

/// Said by `tui::effects`.
pub fn imported(file: &str, rows: usize, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Đã nhập {file}: {rows} dòng"),
        Lang::En => format!("Imported {file}: {rows} rows"),
    }
}

/// Said by `tui::app::update`, `tui::view::desk`.
pub fn problems(count: usize, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{count} lỗi; sửa tệp, gửi lại vào /nhap rồi nhập lại"),
        Lang::En => format!("{count} problems; fix the file, send it into /nhap again and import it again"),
    }
}

/// The line for `~/.ssh/authorized_keys` that lets a new user in as themselves (README, the deployment).
pub fn key_line(program: &str, db: &str, user: &str, lang: Lang) -> String {
    let key = lang.pick(KEY_PLACEHOLDER, KEY_PLACEHOLDER_EN);
    format!("command=\"{program} --db {db} --user {user}\",restrict,pty ssh-ed25519 {key} {user}")
}

/// Said by `tui::app::update`.
pub fn key_line_help(user: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "Đã thêm người dùng {user}. Gửi dòng dưới đây cho cán bộ CNTT: thay {KEY_PLACEHOLDER} bằng khóa công khai (ssh-ed25519 AAAA…) người đó gửi, thêm vào ~/.ssh/authorized_keys của tài khoản dịch vụ"
        ),
        Lang::En => format!(
            "Added user {user}. Send the line below to the IT officer: replace {KEY_PLACEHOLDER_EN} with the public key (ssh-ed25519 AAAA…) that person sends, and add it to the service account's ~/.ssh/authorized_keys"
        ),
    }
}

/// Said by `tui::app::update`.
pub fn user_added(user: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Đã thêm người dùng {user}"),
        Lang::En => format!("Added user {user}"),
    }
}

/// Said by `tui::effects`.
pub fn user_removed(user: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Đã xóa người dùng {user} (lịch sử vẫn giữ tên); nhớ xóa dòng khóa của họ"),
        Lang::En => format!("Removed user {user} (the history keeps the name); remember to remove their key line"),
    }
}

/// Said by `tui::view::desk`.
pub fn remove_question(user: &str, lang: Lang) -> String {
    let type_y = TYPE_Y.say(lang);
    match lang {
        Lang::Vi => format!("Xóa người dùng {user}? Phiên làm việc của họ sẽ bị từ chối. {type_y}"),
        Lang::En => format!("Remove user {user}? Their sessions will be refused. {type_y}"),
    }
}

/// Said by `tui::effects`.
pub fn round_set(deadline: Option<&str>, days: Option<u32>, lang: Lang) -> String {
    let (deadline, days) = match lang {
        Lang::Vi => (
            deadline.map_or_else(String::new, |d| format!(" hạn nộp {d};")),
            days.map_or_else(String::new, |n| format!(" thời gian thẩm định {n} ngày làm việc;")),
        ),
        Lang::En => (
            deadline.map_or_else(String::new, |d| format!(" deadline {d};")),
            days.map_or_else(String::new, |n| format!(" appraisal period {n} working days;")),
        ),
    };
    let head = lang.pick("Đã ghi:", "Recorded:");
    format!("{head}{deadline}{days}").trim_end_matches(';').to_string()
}

/// Said by `tui::effects`.
pub fn paper_recorded(unit: &UnitCode, minutes: &str, late: bool, lang: Lang) -> String {
    match (late, lang) {
        (false, Lang::Vi) => format!("Đã ghi nhận hồ sơ giấy của {unit} (biên bản số {minutes})"),
        (true, Lang::Vi) => {
            format!("Đã ghi nhận hồ sơ giấy của {unit} (biên bản số {minutes}) — nộp sau hạn, được ghi là nộp muộn")
        }
        (false, Lang::En) => format!("Recorded the paper file of {unit} (minutes no. {minutes})"),
        (true, Lang::En) => {
            format!("Recorded the paper file of {unit} (minutes no. {minutes}) — after the deadline, recorded as late")
        }
    }
}

/// Said by `tui::effects`.
pub fn reopened(unit: &UnitCode, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Đã mở lại bản tự đánh giá của {unit}"),
        Lang::En => format!("Reopened the self-assessment of {unit}"),
    }
}

/// Said by `tui::effects`; `rerating`: the regulation's article of re-rating (None: no citation).
pub fn rerated(unit: &UnitCode, reason: &str, rerating: Option<&str>, lang: Lang) -> String {
    let cited = super::citations::cited(rerating, lang);
    match lang {
        Lang::Vi => format!("Đã xếp loại lại {unit}{cited}: {reason}"),
        Lang::En => format!("Re-rated {unit}{cited}: {reason}"),
    }
}

/// Said by `tui::effects`.
pub fn backup_made(shown: &str, hash: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Đã sao lưu và kiểm tra bản sao (toàn vẹn, nhật ký): {shown} — mã nhật ký {hash}"),
        Lang::En => format!("Backed up and checked the copy (integrity, log): {shown} — log hash {hash}"),
    }
}

/// The fields of each desk form, in order.
pub const USER_FIELDS: [Words; 5] = [
    Words::new("Tên đăng nhập", "Login name"),
    Words::new(
        "Vai trò (member, assistant, leader, secretary, chairman, unit)",
        "Role (member, assistant, leader, secretary, chairman, unit)",
    ),
    Words::new("Cơ quan thẩm định (member, assistant)", "Appraising agency (member, assistant)"),
    Words::new("Đơn vị (vai trò unit)", "Unit (role unit)"),
    Words::new("Họ và tên", "Full name"),
];
/// The fields of each desk form, in order; said by `tui::app::desk`.
pub const ROUND_FIELDS: [Words; 2] = [
    Words::new("Hạn nộp (dd/mm/yyyy; để trống: giữ như cũ)", "Deadline (dd/mm/yyyy; empty: unchanged)"),
    Words::new(
        "Thời gian thẩm định (ngày làm việc; để trống: giữ như cũ)",
        "Appraisal period (working days; empty: unchanged)",
    ),
];

/// The round's settings as they stand, shown above their form.
pub fn current_settings(deadline: Option<&str>, days: Option<u32>, lang: Lang) -> String {
    let deadline = deadline.unwrap_or("—");
    let days = days.map_or_else(|| "—".to_string(), |n| n.to_string());
    match lang {
        Lang::Vi => format!("Hiện nay: hạn nộp {deadline}; thời gian thẩm định {days} ngày làm việc"),
        Lang::En => format!("Now: deadline {deadline}; appraisal period {days} working days"),
    }
}
/// Said by `tui::app::desk`.
pub const PAPER_FIELDS: [Words; 4] = [
    Words::new("Đơn vị (mã)", "Unit (code)"),
    Words::new("Ngày nhận hồ sơ (dd/mm/yyyy; để trống: hôm nay)", "Date received (dd/mm/yyyy; empty: today)"),
    Words::new("Ngày tập thể lãnh đạo thông qua (dd/mm/yyyy)", "Date the leadership approved it (dd/mm/yyyy)"),
    Words::new("Số biên bản", "Minutes number"),
];
/// Said by `tui::app::desk`.
pub const REOPEN_FIELDS: [Words; 2] =
    [Words::new("Đơn vị (mã)", "Unit (code)"), Words::new("Lý do mở lại", "Reason for reopening")];
/// Said by `tui::app::desk`.
pub const RERATE_FIELDS: [Words; 7] = [
    Words::new("Đơn vị (mã)", "Unit (code)"),
    Words::new(
        "Lý do xếp loại lại (khuyết điểm, vi phạm phát hiện sau phê duyệt)",
        "Re-rating reason (shortcomings, violations found after the approval)",
    ),
    Words::new("Tiêu chí (với điểm hoặc xếp loại)", "Criterion (with a score or a grade)"),
    Words::new("Điểm thẩm định mới", "New appraised score"),
    Words::new(
        "Xếp loại tiêu chí mới (excellent, good, average, poor)",
        "New criterion grade (excellent, good, average, poor)",
    ),
    Words::new("Sự kiện (vd. discipline)", "Fact (e.g. discipline)"),
    Words::new("Giá trị sự kiện", "Fact value"),
];

/// A rerate form names one change: a score, a grade or a fact.
pub const RERATE_ONE_THING: Words = Words::new(
    "Ghi đúng một thay đổi: tiêu chí với điểm, tiêu chí với xếp loại, hoặc sự kiện với giá trị",
    "Give exactly one change: a criterion with a score, a criterion with a grade, or a fact with a value",
);
/// A rerate form names one change: a score, a grade or a fact; said by `tui::app::update::desk`.
pub const NUMBER_NEEDED: Words = Words::new(
    "Thời gian thẩm định là một số ngày làm việc (vd. 15)",
    "The appraisal period is a number of working days (e.g. 15)",
);
/// A rerate form names one change: a score, a grade or a fact; said by `tui::app::update::desk`.
pub const NOTHING_TYPED: Words = Words::new("Chưa nhập gì để ghi", "Nothing typed to record");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_proposal_is_addressed_as_the_regulations_papers_say_or_generically() {
        assert_eq!(paper(1, Lang::Vi, Some("Ban Thường vụ Tỉnh ủy")), "Tờ trình Ban Thường vụ Tỉnh ủy (.docx)");
        assert_eq!(paper(1, Lang::Vi, None), "Tờ trình đề nghị công nhận kết quả (.docx)");
        assert_eq!(paper(1, Lang::En, None), "Proposal to recognise the results (.docx)");
        assert_eq!(paper(0, Lang::Vi, Some("Ban Thường vụ Tỉnh ủy")), "Báo cáo kết quả thẩm định (.docx)");
    }

    #[test]
    fn a_re_rating_cites_the_regulations_article_or_none() {
        assert_eq!(
            rerated(&"stc".into(), "vi phạm", Some("Điều 10.4"), Lang::Vi),
            "Đã xếp loại lại stc (Điều 10.4): vi phạm"
        );
        assert_eq!(rerated(&"stc".into(), "vi phạm", None, Lang::Vi), "Đã xếp loại lại stc: vi phạm");
        assert_eq!(
            RERATE.cite(Lang::Vi, Some("Điều 10.4")),
            "Xếp loại lại một đơn vị đã phê duyệt (Chủ tịch, Điều 10.4)"
        );
        assert_eq!(RERATE.cite(Lang::En, None), "Re-rate a unit already approved (chairman)");
    }
}
