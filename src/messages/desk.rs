//! The secretary's desk (issue 25): its pane, its forms and what it says of each action. The interface speaks
//! Vietnamese.

use crate::sheet::desk::FileKind;
use crate::store::preview::{ChangeCount, Item};

pub const PANE: &str = "Bàn làm việc";

/// The desk's rows, as the pane lists them.
pub const IMPORT: &str = "Nhập tệp từ thư mục /nhap (danh sách đơn vị, điểm, sự kiện, tài liệu, biểu chấm .xlsx)";
pub const USERS: &str = "Người dùng: danh sách, thêm, xóa";
pub const ROUND: &str = "Hạn nộp hồ sơ và thời gian thẩm định";
pub const PAPER: &str = "Ghi nhận hồ sơ tự đánh giá nộp bằng giấy";
pub const REOPEN: &str = "Mở lại bản tự đánh giá đã nộp";
pub const RERATE: &str = "Xếp loại lại một đơn vị đã phê duyệt (Chủ tịch, Điều 10.4)";
pub const BACKUP: &str = "Sao lưu kỳ đánh giá vào thư mục /xuat";
pub const PAPERS: &str =
    "Văn bản của Hội đồng (báo cáo, tờ trình, dự thảo quyết định, biên bản, thông báo, trang công bố) vào /xuat";
pub const PAPERS_TITLE: &str = "Văn bản xuất vào thư mục /xuat của bạn";

/// The council's papers as the desk lists them, in `DeskPaper::ALL` order.
pub fn paper(index: usize) -> &'static str {
    const PAPERS: [&str; 6] = [
        "Báo cáo kết quả thẩm định (.docx)",
        "Tờ trình Chủ tịch UBND tỉnh (.docx)",
        "Dự thảo Quyết định công nhận kết quả (.docx)",
        "Biên bản họp Hội đồng thẩm định (.docx)",
        "Thông báo kết quả cho mọi đơn vị (mỗi đơn vị một tệp .docx, trong một thư mục)",
        "Trang công bố kết quả (.html)",
    ];
    PAPERS.get(index).copied().unwrap_or_default()
}

pub fn paper_written(shown: &str) -> String {
    format!("Đã xuất: {shown}")
}

pub fn notices_written(shown: &str, count: usize) -> String {
    format!("Đã xuất {count} thông báo vào thư mục {shown}")
}

pub const INBOX_TITLE: &str = "Tệp trong thư mục /nhap của bạn";
pub const INBOX_EMPTY: &str =
    "Thư mục /nhap trống: gửi tệp .csv hoặc .xlsx vào /nhap bằng sftp, scp hoặc WinSCP rồi bấm r để đọc lại";
pub const KIND_TITLE: &str = "Tệp này là loại nào?";
pub const PREVIEW_TITLE: &str = "Xem trước (chưa ghi gì)";
pub const PREVIEW_CONFIRM: &str = "Gõ y rồi Enter để nhập thật; Esc để thôi";
pub const PREVIEW_NOTHING: &str = "Tệp không thay đổi gì trong kỳ đánh giá";
pub const PROBLEMS_TITLE: &str = "Tệp bị từ chối — không có gì được ghi";
pub const USERS_TITLE: &str = "Người dùng của Hội đồng";
pub const KEY_LINE_TITLE: &str = "Dòng khóa gửi cán bộ công nghệ thông tin";
pub const KEY_PLACEHOLDER: &str = "<KHÓA-CÔNG-KHAI-CỦA-NGƯỜI-DÙNG>";
pub const REMOVED: &str = "đã xóa";
pub const TYPE_Y: &str = "Gõ y rồi Enter để xác nhận; Esc để thôi";

/// The kind of a file, as the desk offers it.
pub fn kind(kind: FileKind) -> &'static str {
    match kind {
        FileKind::Units => "Danh sách đơn vị (code,name,bloc,group)",
        FileKind::Scores => "Điểm (unit,criterion,self_score,appraised_score,…)",
        FileKind::Grades => "Điều chỉnh xếp loại tiêu chí (unit,criterion,grade,reason)",
        FileKind::Facts => "Sự kiện của đơn vị (unit,fact,value)",
        FileKind::Evidence => "Tài liệu kiểm chứng (unit,criterion,title,reference,date)",
        FileKind::Sheet => "Biểu chấm điểm đơn vị đã điền (.xlsx)",
    }
}

fn item(item: Item) -> &'static str {
    match item {
        Item::Units => "đơn vị",
        Item::SelfScores => "điểm tự đánh giá",
        Item::Explanations => "giải trình",
        Item::NotApplicable => "tiêu chí không áp dụng",
        Item::Appraisals => "điểm thẩm định",
        Item::Reasons => "lý do trừ điểm",
        Item::LeaderScores => "điểm của lãnh đạo",
        Item::Grades => "điều chỉnh xếp loại",
        Item::Facts => "sự kiện",
        Item::Evidence => "tài liệu kiểm chứng",
    }
}

/// "12 điểm tự đánh giá mới, 3 thay đổi, 0 xóa".
pub fn change(count: &ChangeCount) -> String {
    format!("{} {} mới, {} thay đổi, {} xóa", count.new, item(count.item), count.changed, count.removed)
}

pub fn rows(file: &str, rows: usize) -> String {
    format!("{file}: {rows} dòng dữ liệu")
}

pub fn imported(file: &str, rows: usize) -> String {
    format!("Đã nhập {file}: {rows} dòng")
}

pub fn problems(count: usize) -> String {
    format!("{count} lỗi; sửa tệp, gửi lại vào /nhap rồi nhập lại")
}

/// The line for `~/.ssh/authorized_keys` that lets a new user in as themselves (README, the deployment).
pub fn key_line(program: &str, db: &str, user: &str) -> String {
    format!("command=\"{program} --db {db} --user {user}\",restrict,pty ssh-ed25519 {KEY_PLACEHOLDER} {user}")
}

pub fn key_line_help(user: &str) -> String {
    format!(
        "Đã thêm người dùng {user}. Gửi dòng dưới đây cho cán bộ CNTT: thay {KEY_PLACEHOLDER} bằng khóa công khai (ssh-ed25519 AAAA…) người đó gửi, thêm vào ~/.ssh/authorized_keys của tài khoản dịch vụ"
    )
}

pub fn user_added(user: &str) -> String {
    format!("Đã thêm người dùng {user}")
}

pub fn user_removed(user: &str) -> String {
    format!("Đã xóa người dùng {user} (lịch sử vẫn giữ tên); nhớ xóa dòng khóa của họ")
}

pub fn remove_question(user: &str) -> String {
    format!("Xóa người dùng {user}? Phiên làm việc của họ sẽ bị từ chối. {TYPE_Y}")
}

pub fn round_set(deadline: Option<&str>, days: Option<u32>) -> String {
    let deadline = deadline.map_or_else(String::new, |d| format!(" hạn nộp {d};"));
    let days = days.map_or_else(String::new, |n| format!(" thời gian thẩm định {n} ngày làm việc;"));
    format!("Đã ghi:{deadline}{days}").trim_end_matches(';').to_string()
}

pub fn paper_recorded(unit: &str, minutes: &str, late: bool) -> String {
    let late = if late { " — nộp sau hạn, được ghi là nộp muộn" } else { "" };
    format!("Đã ghi nhận hồ sơ giấy của {unit} (biên bản số {minutes}){late}")
}

pub fn reopened(unit: &str) -> String {
    format!("Đã mở lại bản tự đánh giá của {unit}")
}

pub fn rerated(unit: &str, reason: &str) -> String {
    format!("Đã xếp loại lại {unit} (Điều 10.4): {reason}")
}

pub fn backup_made(shown: &str, hash: &str) -> String {
    format!("Đã sao lưu và kiểm tra bản sao (toàn vẹn, nhật ký): {shown} — mã nhật ký {hash}")
}

/// The fields of each desk form, in order.
pub const USER_FIELDS: [&str; 5] = [
    "Tên đăng nhập",
    "Vai trò (member, assistant, leader, secretary, chairman, unit)",
    "Cơ quan thẩm định (member, assistant)",
    "Đơn vị (vai trò unit)",
    "Họ và tên",
];
pub const ROUND_FIELDS: [&str; 2] =
    ["Hạn nộp (dd/mm/yyyy; để trống: giữ như cũ)", "Thời gian thẩm định (ngày làm việc; để trống: giữ như cũ)"];

/// The round's settings as they stand, shown above their form.
pub fn current_settings(deadline: Option<&str>, days: Option<u32>) -> String {
    let deadline = deadline.unwrap_or("—");
    let days = days.map_or_else(|| "—".to_string(), |n| n.to_string());
    format!("Hiện nay: hạn nộp {deadline}; thời gian thẩm định {days} ngày làm việc")
}
pub const PAPER_FIELDS: [&str; 4] = [
    "Đơn vị (mã)",
    "Ngày nhận hồ sơ (dd/mm/yyyy; để trống: hôm nay)",
    "Ngày tập thể lãnh đạo thông qua (dd/mm/yyyy)",
    "Số biên bản",
];
pub const REOPEN_FIELDS: [&str; 2] = ["Đơn vị (mã)", "Lý do mở lại"];
pub const RERATE_FIELDS: [&str; 7] = [
    "Đơn vị (mã)",
    "Lý do xếp loại lại (khuyết điểm, vi phạm phát hiện sau phê duyệt)",
    "Tiêu chí (với điểm hoặc xếp loại)",
    "Điểm thẩm định mới",
    "Xếp loại tiêu chí mới (excellent, good, average, poor)",
    "Sự kiện (vd. discipline)",
    "Giá trị sự kiện",
];

/// A rerate form names one change: a score, a grade or a fact.
pub const RERATE_ONE_THING: &str =
    "Ghi đúng một thay đổi: tiêu chí với điểm, tiêu chí với xếp loại, hoặc sự kiện với giá trị";
pub const NUMBER_NEEDED: &str = "Thời gian thẩm định là một số ngày làm việc (vd. 15)";
pub const NOTHING_TYPED: &str = "Chưa nhập gì để ghi";
