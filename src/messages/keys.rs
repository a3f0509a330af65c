//! The words of the keys (issue 27 item 2): what each binding of the one keymap table does, as the help overlay and
//! the hint bar say it, and why a key does not act here. Each binding names one of these; `Words::say` gives the
//! Vietnamese (the default) or the English (`--lang en`).

use super::Lang;

/// One sentence in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    vi: &'static str,
    en: &'static str,
}

impl Words {
    pub const fn new(vi: &'static str, en: &'static str) -> Words {
        Words { vi, en }
    }

    /// The Vietnamese sentence (for a constant that must stay Vietnamese until its reader speaks `Lang`).
    pub const fn vi(self) -> &'static str {
        self.vi
    }

    /// The sentence in this language.
    pub fn say(self, lang: Lang) -> &'static str {
        lang.pick(self.vi, self.en)
    }
}

// What the keymap's bindings do, in the table's order of first use.
pub const UP: Words = Words::new("Lên", "Up");
pub const DOWN: Words = Words::new("Xuống", "Down");
pub const ACT_AS: Words = Words::new(
    "Làm việc với tư cách người này (chỉ dữ liệu minh họa)",
    "Work as this person (demonstration data only)",
);
pub const QUIT: Words = Words::new("Thoát", "Quit");
pub const LIST_TOP: Words = Words::new("Đầu danh sách", "Top of the list");
pub const LIST_BOTTOM: Words = Words::new("Cuối danh sách", "End of the list");
pub const PAGE_UP: Words = Words::new("Lên một trang", "Up a page");
pub const PAGE_DOWN: Words = Words::new("Xuống một trang", "Down a page");
pub const HELP: Words = Words::new("Trợ giúp phím", "Key help");
pub const NEXT_PANE: Words = Words::new("Khung sau", "Next pane");
pub const OPEN_SELECTED: Words = Words::new(
    "Mở mục đang chọn: phiếu chấm (thành viên), hồ sơ đơn vị (xếp hạng, tiến độ), sắp thứ tự bằng điểm",
    "Open the selection: the scoring form (members), the unit's file (ranking, progress), ordering a tie",
);
pub const APPROVE: Words = Words::new("Phê duyệt kết quả của khối", "Approve the bloc's result");
pub const EDIT_FACTS: Words =
    Words::new("Ghi nhận sự kiện của đơn vị (kỷ luật, thành tích…)", "Record the unit's facts (discipline, awards…)");
pub const VIEW_UNIT: Words = Words::new("Xem hồ sơ đơn vị (chỉ đọc)", "View the unit's file (read-only)");
pub const FILTER: Words = Words::new("Lọc", "Filter");
pub const STATUS: Words = Words::new("Trạng thái", "Status");
pub const NEXT_OPEN: Words = Words::new("Mục chưa thẩm định tiếp theo", "Next item not yet appraised");
pub const NEXT_UNIT: Words = Words::new("Đơn vị tiếp theo trong hàng chờ", "Next unit in the queue");
pub const SUBMIT_SELF: Words = Words::new(
    "Nộp bản tự đánh giá (sau khi tập thể lãnh đạo thông qua)",
    "Submit the self-assessment (once the leadership has approved it)",
);
pub const EXPORT_OWN_SHEET: Words = Words::new(
    "Xuất biểu tự chấm điểm của đơn vị (.xlsx) để ký, đóng dấu",
    "Export the unit's self-scoring sheet (.xlsx) to sign and stamp",
);
pub const HISTORY_SELECTED: Words = Words::new(
    "Lịch sử thay đổi của mục đang chọn (ai, khi nào, cũ → mới, lý do); trên bảng xếp hạng: của cả đơn vị",
    "History of the selected item (who, when, old → new, reason); on the ranking: of the whole unit",
);
pub const LINE_UP: Words = Words::new("Lên một dòng", "Up a line");
pub const LINE_DOWN: Words = Words::new("Xuống một dòng", "Down a line");
pub const PREVIOUS_BLOC: Words = Words::new("Khối trước", "Previous bloc");
pub const NEXT_BLOC: Words = Words::new("Khối sau", "Next bloc");
pub const HALF_PAGE_UP: Words = Words::new("Lên nửa trang", "Up half a page");
pub const HALF_PAGE_DOWN: Words = Words::new("Xuống nửa trang", "Down half a page");
pub const PREVIOUS_PANE: Words = Words::new("Khung trước", "Previous pane");
pub const PANE_1: Words = Words::new("Khung 1", "Pane 1");
pub const PANE_2: Words = Words::new("Khung 2", "Pane 2");
pub const PANE_3: Words = Words::new("Khung 3", "Pane 3");
pub const PANE_4: Words = Words::new("Khung 4", "Pane 4");
pub const PANE_5: Words = Words::new("Khung 5", "Pane 5");
pub const CLEAR_OR_BACK: Words = Words::new("Bỏ lọc / trở lại", "Clear the filter / go back");
pub const OVERRIDE_GRADE: Words = Words::new("Điều chỉnh xếp loại tiêu chí", "Override a criterion's grade");
pub const EXPORT_SHEET: Words =
    Words::new("Xuất biểu chấm điểm của đơn vị (.xlsx)", "Export the unit's score sheet (.xlsx)");
pub const EXPORT_ALL_SHEETS: Words =
    Words::new("Xuất biểu chấm điểm mọi đơn vị (.xlsx)", "Export every unit's score sheet (.xlsx)");
pub const EXPORT_RANKING: Words = Words::new("Xuất kết quả xếp hạng (.xlsx)", "Export the ranking (.xlsx)");
pub const KEEP_FILTER: Words = Words::new("Giữ bộ lọc", "Keep the filter");
pub const CLEAR_FILTER: Words = Words::new("Bỏ lọc", "Clear the filter");
pub const ERASE_FILTER: Words = Words::new("Xóa bộ lọc đang gõ", "Erase the filter being typed");
pub const SAVE_AND_NEXT: Words = Words::new("Lưu và sang mục sau", "Save and go to the next item");
pub const SCORE_OR_REASON: Words = Words::new("Điểm ⇄ lý do trừ điểm", "Score ⇄ deduction reason");
pub const CLOSE_FORM: Words =
    Words::new("Đóng phiếu (bỏ thay đổi chưa lưu)", "Close the form (unsaved changes are dropped)");
pub const OFFERED_REASON: Words = Words::new(
    "Hồ sơ thiếu: điền lý do trừ điểm “không có tài liệu kiểm chứng” (có thể sửa)",
    "Incomplete file: fill the deduction reason “no supporting document” (editable)",
);
pub const WITHDRAW: Words = Words::new(
    "Rút kết quả thẩm định đã ghi (cơ quan thẩm định, khối chưa phê duyệt): nhập lý do rồi Ctrl-S",
    "Withdraw the recorded appraisal (appraising agency, bloc not approved): type a reason, then Ctrl-S",
);
pub const HISTORY_CRITERION: Words = Words::new("Lịch sử thay đổi của tiêu chí này", "History of this criterion");
pub const SEND_COMMENT: Words = Words::new("Gửi góp ý và sang mục sau", "Send the comment and go to the next item");
pub const CLOSE_COMMENT: Words = Words::new("Đóng (bỏ góp ý chưa gửi)", "Close (the unsent comment is dropped)");
pub const UNIT_ABOVE: Words = Words::new("Chọn đơn vị trên", "Select the unit above");
pub const UNIT_BELOW: Words = Words::new("Chọn đơn vị dưới", "Select the unit below");
pub const MOVE_UNIT_UP: Words = Words::new("Đưa đơn vị lên", "Move the unit up");
pub const MOVE_UNIT_DOWN: Words = Words::new("Đưa đơn vị xuống", "Move the unit down");
pub const CONFIRM_ORDER: Words = Words::new("Xác nhận thứ tự", "Confirm the order");
pub const CANCEL: Words = Words::new("Hủy", "Cancel");
pub const VIEW_SELECTED_UNIT: Words = Words::new("Xem hồ sơ đơn vị đang chọn", "View the selected unit's file");
pub const CHANGE_VALUE: Words = Words::new("Đổi giá trị", "Change the value");
pub const INCREASE: Words = Words::new("Tăng số", "Increase");
pub const DECREASE: Words = Words::new("Giảm số", "Decrease");
pub const SAVE: Words = Words::new("Lưu", "Save");
pub const CLOSE: Words = Words::new("Đóng", "Close");
pub const FACTS_OR_REASON: Words = Words::new(
    "Sự kiện ⇄ lý do xếp loại lại (khối đã phê duyệt, Điều 10.4)",
    "Facts ⇄ re-rating reason (approved bloc, Article 10.4)",
);
pub const CRITERION_ABOVE: Words = Words::new("Tiêu chí trên", "Criterion above");
pub const CRITERION_BELOW: Words = Words::new("Tiêu chí dưới", "Criterion below");
pub const CHANGE_GRADE: Words = Words::new("Đổi xếp loại", "Change the grade");
pub const SAVE_OVERRIDE: Words = Words::new("Lưu điều chỉnh", "Save the override");
pub const REMOVE_OVERRIDE: Words =
    Words::new("Bỏ điều chỉnh (về đề xuất)", "Remove the override (back to the proposed grade)");
pub const COMPONENT_ABOVE: Words = Words::new("Tiêu chí thành phần trên", "Component above");
pub const COMPONENT_BELOW: Words = Words::new("Tiêu chí thành phần dưới", "Component below");
pub const MANY_UP: Words = Words::new("Lên nhiều mục", "Up several items");
pub const MANY_DOWN: Words = Words::new("Xuống nhiều mục", "Down several items");
pub const FILE_TOP: Words = Words::new("Đầu hồ sơ", "Top of the file");
pub const FILE_BOTTOM: Words = Words::new("Cuối hồ sơ", "End of the file");
pub const CLOSE_FILE: Words = Words::new("Đóng hồ sơ", "Close the file");
pub const HISTORY_ITEM: Words = Words::new("Lịch sử của mục đang chọn", "History of the selected item");
pub const CHART: Words =
    Words::new("Biểu đồ tự đánh giá / thẩm định theo tiêu chí", "Chart of self-assessment / appraisal by criterion");
pub const CONFIRM_APPROVAL: Words =
    Words::new("Gõ y rồi Enter (hoặc Ctrl-S) để phê duyệt", "Type y then Enter (or Ctrl-S) to approve");
pub const CANCEL_APPROVAL: Words = Words::new("Hủy, không phê duyệt", "Cancel, do not approve");
pub const SAVE_SELF: Words = Words::new("Lưu điểm tự đánh giá và giải trình", "Save the self-score and explanation");
pub const NEXT_SELF_FIELD: Words = Words::new(
    "Ô sau: điểm, giải trình, tài liệu (số hiệu, ngày, trích yếu)",
    "Next field: score, explanation, document (number, date, title)",
);
pub const ADD_DOCUMENT: Words = Words::new("Thêm tài liệu kiểm chứng đã nhập", "Add the supporting document typed");
pub const REMOVE_DOCUMENT: Words =
    Words::new("Bỏ tài liệu có số hiệu đã nhập", "Remove the document with the number typed");
pub const DESCRIBE_FILE: Words = Words::new(
    "Ghi số hiệu, ngày, trích yếu đã nhập cho tệp đã gửi (tệp chưa có, hoặc tệp có số hiệu đó)",
    "Give the number, date and title typed to a file sent (one without them, or the one with that number)",
);
pub const TOGGLE_APPLICABLE: Words =
    Words::new("Đánh dấu không áp dụng / áp dụng lại", "Mark not applicable / applicable again");
pub const CLOSE_UNSAVED: Words = Words::new("Đóng (bỏ thay đổi chưa lưu)", "Close (unsaved changes are dropped)");
pub const SUBMIT: Words = Words::new("Nộp", "Submit");
pub const DATE_OR_MINUTES: Words = Words::new("Ngày thông qua ⇄ số biên bản", "Approval date ⇄ minutes number");
pub const CANCEL_SUBMIT: Words = Words::new("Hủy, chưa nộp", "Cancel, do not submit yet");
pub const FILE_ABOVE: Words = Words::new("Tệp trên", "File above");
pub const FILE_BELOW: Words = Words::new("Tệp dưới", "File below");
pub const PREVIEW_IMPORT: Words = Words::new(
    "Xem trước việc nhập tệp đang chọn (chưa ghi gì)",
    "Preview importing the selected file (nothing is written)",
);
pub const RELOAD_INBOX: Words = Words::new("Đọc lại thư mục /nhap", "Read the /nhap folder again");
pub const BACK_TO_DESK: Words = Words::new("Về bàn làm việc", "Back to the desk");
pub const KIND_ABOVE: Words = Words::new("Loại trên", "Kind above");
pub const KIND_BELOW: Words = Words::new("Loại dưới", "Kind below");
pub const PREVIEW_KIND: Words = Words::new("Xem trước với loại này", "Preview as this kind");
pub const BACK_TO_FILES: Words = Words::new("Về danh sách tệp", "Back to the file list");
pub const CONFIRM_IMPORT: Words = Words::new(
    "Gõ y rồi Enter để nhập thật (một giao dịch, ghi nhật ký)",
    "Type y then Enter to import for real (one transaction, logged)",
);
pub const CANCEL_IMPORT: Words = Words::new("Thôi, không nhập", "Stop, do not import");
pub const PROBLEM_ABOVE: Words = Words::new("Lỗi trên", "Problem above");
pub const PROBLEM_BELOW: Words = Words::new("Lỗi dưới", "Problem below");
pub const USER_ABOVE: Words = Words::new("Người trên", "User above");
pub const USER_BELOW: Words = Words::new("Người dưới", "User below");
pub const ADD_USER: Words = Words::new("Thêm người dùng", "Add a user");
pub const REMOVE_USER: Words =
    Words::new("Xóa người dùng đang chọn (hỏi lại)", "Remove the selected user (asks first)");
pub const CONFIRM_REMOVE: Words = Words::new("Gõ y rồi Enter để xóa", "Type y then Enter to remove");
pub const CANCEL_REMOVE: Words = Words::new("Thôi, không xóa", "Stop, do not remove");
pub const RECORD: Words = Words::new("Ghi (Ctrl-S)", "Record (Ctrl-S)");
pub const NEXT_FIELD: Words = Words::new("Ô sau", "Next field");
pub const CLOSE_ASKS: Words =
    Words::new("Đóng (hỏi nếu có thay đổi chưa ghi)", "Close (asks if changes are not recorded)");
pub const PAPER_ABOVE: Words = Words::new("Văn bản trên", "Paper above");
pub const DOWNLOAD_PATHS_CRITERION: Words = Words::new(
    "Đường dẫn tải về các tệp của tiêu chí này (sftp/scp); sao chép vào bộ nhớ tạm nếu terminal cho phép",
    "Download paths of this criterion's files (sftp/scp); copied to the clipboard where the terminal allows",
);
pub const DOWNLOAD_PATHS_ITEM: Words = Words::new(
    "Đường dẫn tải về các tệp của mục đang chọn (sftp/scp); sao chép vào bộ nhớ tạm nếu terminal cho phép",
    "Download paths of the selected item's files (sftp/scp); copied to the clipboard where the terminal allows",
);
pub const COPY_DOWNLOAD: Words = Words::new(
    "Sao chép lệnh tải tệp đang chọn vào bộ nhớ tạm (nếu terminal cho phép)",
    "Copy the selected file's download command to the clipboard (where the terminal allows)",
);
pub const PAPER_NUMBERS: Words = Words::new(
    "Đặt số văn bản, người ký, ngày ban hành của văn bản đang chọn",
    "Set the chosen paper's number, signer and date of issue",
);
pub const PAPER_BELOW: Words = Words::new("Văn bản dưới", "Paper below");
pub const EXPORT_PAPER: Words = Words::new("Xuất văn bản đang chọn vào /xuat", "Export the selected paper into /xuat");
pub const COPIED: Words = Words::new("Đã chép, về danh sách người dùng", "Copied, back to the user list");
pub const CLOSE_HISTORY: Words = Words::new("Đóng lịch sử", "Close the history");
pub const SCROLL_UP: Words = Words::new("Cuộn lên", "Scroll up");
pub const SCROLL_DOWN: Words = Words::new("Cuộn xuống", "Scroll down");
pub const TOP: Words = Words::new("Đầu", "Top");
pub const BOTTOM: Words = Words::new("Cuối", "End");
pub const CLOSE_HELP: Words = Words::new("Đóng trợ giúp", "Close the help");
pub const QUIT_DROPPING: Words = Words::new("Thoát, bỏ thay đổi chưa lưu", "Quit, dropping unsaved changes");
pub const STAY: Words = Words::new("Ở lại", "Stay");

// One key, several meanings: Enter on each pane, Ctrl-S and Esc while a withdrawal is asked.
pub const OPEN_FORM: Words = Words::new("Mở phiếu của mục đang chọn", "Open the selected item's form");
pub const ORDER_TIE: Words = Words::new("Sắp thứ tự nhóm bằng điểm", "Order the tied group");
pub const OPEN_SELF_FORM: Words = Words::new("Mở phiếu tự đánh giá", "Open the self-assessment form");
pub const DO_SELECTED: Words = Words::new("Làm việc đang chọn", "Do the selected task");
pub const WITHDRAW_NOW: Words =
    Words::new("Rút kết quả thẩm định (cần lý do)", "Withdraw the appraisal (a reason is needed)");
pub const STOP_WITHDRAWING: Words = Words::new("Thôi rút, trả lại phiếu", "Stop withdrawing, back to the form");

// Why a key does not act here.
pub const NO_GRADES: Words =
    Words::new("Quy định này không xếp loại từng tiêu chí", "This regulation does not grade each criterion");
pub const NO_NOT_APPLICABLE: Words = Words::new(
    "Quy định này không cho đánh dấu tiêu chí không áp dụng",
    "This regulation does not let a component be marked not applicable",
);
pub const NOTHING_TO_APPROVE: Words =
    Words::new("Không có khối nào đang chờ phê duyệt", "No bloc is waiting for approval");
pub const WITHDRAWING: Words = Words::new(
    "Đang rút kết quả thẩm định: nhập lý do rồi Ctrl-S để rút, Esc để thôi",
    "Withdrawing the appraisal: type a reason, then Ctrl-S to withdraw, Esc to stop",
);

/// A pane number the user does not have.
pub fn no_pane(count: usize, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Không có khung {count}"),
        Lang::En => format!("There is no pane {count}"),
    }
}

/// A key of other panes: the panes (of this user) where it acts, by title; none when it acts in none of them.
pub fn other_pane(label: &str, panes: &[&str], lang: Lang) -> String {
    match (panes, lang) {
        ([], Lang::Vi) => format!("Phím {label} không dùng ở khung này"),
        ([], Lang::En) => format!("The key {label} is not used in this pane"),
        (panes, Lang::Vi) => format!("Phím {label} dùng ở khung {}", panes.join(" hoặc ")),
        (panes, Lang::En) => format!("The key {label} works in the {} pane", panes.join(" or ")),
    }
}
