//! The words of the keys (issue 27 item 2): what each binding of the one keymap table does, as the help overlay and
//! the hint bar say it, and why a key does not act here. Each binding names one of these; `Words::say` gives the
//! Vietnamese (the default) or the English (`--lang en`).

use super::Lang;

/// One sentence in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    vi: &'static str,
    en: &'static str,
    cites: Cites,
}

/// Which article of the round's regulation a sentence cites, from the regulation's data (issue 26): never a
/// province's article written here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cites {
    /// None.
    Nothing,
    /// The article of re-rating (`rerating`: 2610's *Điều 10.4*), last in the sentence's closing parenthesis.
    Rerating,
}

impl Words {
    /// Worded into a longer sentence of this file.
    pub const fn new(vi: &'static str, en: &'static str) -> Words {
        Words { vi, en, cites: Cites::Nothing }
    }

    /// A sentence whose closing parenthesis ends with the regulation's article of re-rating where it has one
    /// ("(Chủ tịch, Điều 10.4)"); written without it: `cite` puts it in.
    pub const fn citing_rerating(vi: &'static str, en: &'static str) -> Words {
        Words { vi, en, cites: Cites::Rerating }
    }

    /// The sentence in this language with the article it cites taken from the regulation (`rerating`: the
    /// regulation's article of re-rating, None where it has none: then no article at all).
    pub fn cite(self, lang: Lang, rerating: Option<&str>) -> std::borrow::Cow<'static, str> {
        let text = self.say(lang);
        let article = match self.cites {
            Cites::Nothing => String::new(),
            Cites::Rerating => super::citations::within(rerating, lang),
        };
        match text.strip_suffix(')') {
            Some(head) if !article.is_empty() => format!("{head}{article})").into(),
            _ => text.into(),
        }
    }

    /// The Vietnamese sentence (for a constant that must stay Vietnamese until its reader speaks `Lang`).
    pub const fn vi(self) -> &'static str {
        self.vi
    }

    /// The sentence in this language (a sentence citing the regulation's article says it without: see `cite`).
    pub fn say(self, lang: Lang) -> &'static str {
        lang.pick(self.vi, self.en)
    }
}

// What the keymap's bindings do, in the table's order of first use.
/// Help overlay and hint bar: `↑/k` in the picker, `↑/k` in the facts form.
pub const UP: Words = Words::new("Lên", "Up");
/// Help overlay and hint bar: `↓/j` in the picker, `↓/j` in the facts form.
pub const DOWN: Words = Words::new("Xuống", "Down");
/// Help overlay and hint bar: `Enter` in the picker.
pub const ACT_AS: Words = Words::new(
    "Làm việc với tư cách người này (chỉ dữ liệu minh họa)",
    "Work as this person (demonstration data only)",
);
/// Help overlay and hint bar: `q` in the picker, `q` in the panes.
pub const QUIT: Words = Words::new("Thoát", "Quit");
/// Help overlay and hint bar: `g/Home` in the picker, `g/Home` in the panes.
pub const LIST_TOP: Words = Words::new("Đầu danh sách", "Top of the list");
/// Help overlay and hint bar: `G/End` in the picker, `G/End` in the panes.
pub const LIST_BOTTOM: Words = Words::new("Cuối danh sách", "End of the list");
/// Help overlay and hint bar: `PgUp` in the picker, `PgUp` in the panes, `PgUp` in the desk's problem list, `PgUp` in
/// the history, `PgUp` in the help overlay.
pub const PAGE_UP: Words = Words::new("Lên một trang", "Up a page");
/// Help overlay and hint bar: `PgDn` in the picker, `PgDn` in the panes, `PgDn` in the desk's problem list, `PgDn` in
/// the history, `PgDn` in the help overlay.
pub const PAGE_DOWN: Words = Words::new("Xuống một trang", "Down a page");
/// Help overlay and hint bar: `?` in the panes, `F1` in the scoring form, `F1` in the comment form, `?` in the unit's
/// file, `F1` in the self-assessment form.
pub const HELP: Words = Words::new("Trợ giúp phím", "Key help");
/// Help overlay and hint bar: `Tab` in the panes.
pub const NEXT_PANE: Words = Words::new("Khung sau", "Next pane");
/// Help overlay and hint bar: `Enter` in the panes.
pub const OPEN_SELECTED: Words = Words::new(
    "Mở mục đang chọn: phiếu chấm (thành viên), hồ sơ đơn vị (xếp hạng, tiến độ), sắp thứ tự bằng điểm",
    "Open the selection: the scoring form (members), the unit's file (ranking, progress), ordering a tie",
);
/// Help overlay and hint bar: `a` in the panes.
pub const APPROVE: Words = Words::new("Phê duyệt kết quả của khối", "Approve the bloc's result");
/// Help overlay and hint bar: `f` in the panes.
pub const EDIT_FACTS: Words =
    Words::new("Ghi nhận sự kiện của đơn vị (kỷ luật, thành tích…)", "Record the unit's facts (discipline, awards…)");
/// Help overlay and hint bar: `v` in the panes.
pub const VIEW_UNIT: Words = Words::new("Xem hồ sơ đơn vị (chỉ đọc)", "View the unit's file (read-only)");
/// Help overlay and hint bar: `/` in the panes.
pub const FILTER: Words = Words::new("Lọc", "Filter");
/// Help overlay and hint bar: `s` in the panes.
pub const STATUS: Words = Words::new("Trạng thái", "Status");
/// Help overlay and hint bar: `n` in the panes.
pub const NEXT_OPEN: Words = Words::new("Mục chưa thẩm định tiếp theo", "Next item not yet appraised");
/// Help overlay and hint bar: `N` in the panes.
pub const NEXT_UNIT: Words = Words::new("Đơn vị tiếp theo trong hàng chờ", "Next unit in the queue");
/// Help overlay and hint bar: `p` in the panes.
pub const SUBMIT_SELF: Words = Words::new(
    "Nộp bản tự đánh giá (sau khi tập thể lãnh đạo thông qua)",
    "Submit the self-assessment (once the leadership has approved it)",
);
/// Help overlay and hint bar: `b` in the panes.
pub const EXPORT_OWN_SHEET: Words = Words::new(
    "Xuất biểu tự chấm điểm của đơn vị (.xlsx) để ký, đóng dấu",
    "Export the unit's self-scoring sheet (.xlsx) to sign and stamp",
);
/// Help overlay and hint bar: `F3` in the panes.
pub const HISTORY_SELECTED: Words = Words::new(
    "Lịch sử thay đổi của mục đang chọn (ai, khi nào, cũ → mới, lý do); trên bảng xếp hạng: của cả đơn vị",
    "History of the selected item (who, when, old → new, reason); on the ranking: of the whole unit",
);
/// Help overlay and hint bar: `↑/k` in the panes.
pub const LINE_UP: Words = Words::new("Lên một dòng", "Up a line");
/// Help overlay and hint bar: `↓/j` in the panes.
pub const LINE_DOWN: Words = Words::new("Xuống một dòng", "Down a line");
/// Help overlay and hint bar: `←/h` in the panes.
pub const PREVIOUS_BLOC: Words = Words::new("Khối trước", "Previous bloc");
/// Help overlay and hint bar: `→/l` in the panes.
pub const NEXT_BLOC: Words = Words::new("Khối sau", "Next bloc");
/// Help overlay and hint bar: `Ctrl-U` in the panes.
pub const HALF_PAGE_UP: Words = Words::new("Lên nửa trang", "Up half a page");
/// Help overlay and hint bar: `Ctrl-D` in the panes.
pub const HALF_PAGE_DOWN: Words = Words::new("Xuống nửa trang", "Down half a page");
/// Help overlay and hint bar: `Shift-Tab` in the panes.
pub const PREVIOUS_PANE: Words = Words::new("Khung trước", "Previous pane");
/// Help overlay and hint bar: `1` in the panes.
pub const PANE_1: Words = Words::new("Khung 1", "Pane 1");
/// Help overlay and hint bar: `2` in the panes.
pub const PANE_2: Words = Words::new("Khung 2", "Pane 2");
/// Help overlay and hint bar: `3` in the panes.
pub const PANE_3: Words = Words::new("Khung 3", "Pane 3");
/// Help overlay and hint bar: `4` in the panes.
pub const PANE_4: Words = Words::new("Khung 4", "Pane 4");
/// Help overlay and hint bar: `5` in the panes.
pub const PANE_5: Words = Words::new("Khung 5", "Pane 5");
/// Help overlay and hint bar: `Esc` in the panes.
pub const CLEAR_OR_BACK: Words = Words::new("Bỏ lọc / trở lại", "Clear the filter / go back");
/// Help overlay and hint bar: `o` in the panes.
pub const OVERRIDE_GRADE: Words = Words::new("Điều chỉnh xếp loại tiêu chí", "Override a criterion's grade");
/// Help overlay and hint bar: `x` in the panes.
pub const EXPORT_SHEET: Words =
    Words::new("Xuất biểu chấm điểm của đơn vị (.xlsx)", "Export the unit's score sheet (.xlsx)");
/// Help overlay and hint bar: `X` in the panes.
pub const EXPORT_ALL_SHEETS: Words =
    Words::new("Xuất biểu chấm điểm mọi đơn vị (.xlsx)", "Export every unit's score sheet (.xlsx)");
/// Help overlay and hint bar: `e` in the panes.
pub const EXPORT_RANKING: Words = Words::new("Xuất kết quả xếp hạng (.xlsx)", "Export the ranking (.xlsx)");
/// Help overlay and hint bar: `Enter` in the filter.
pub const KEEP_FILTER: Words = Words::new("Giữ bộ lọc", "Keep the filter");
/// Help overlay and hint bar: `Esc` in the filter.
pub const CLEAR_FILTER: Words = Words::new("Bỏ lọc", "Clear the filter");
/// Help overlay and hint bar: `Ctrl-U` in the filter.
pub const ERASE_FILTER: Words = Words::new("Xóa bộ lọc đang gõ", "Erase the filter being typed");
/// Help overlay and hint bar: `Ctrl-S` in the scoring form.
pub const SAVE_AND_NEXT: Words = Words::new("Lưu và sang mục sau", "Save and go to the next item");
/// Help overlay and hint bar: `Tab` in the scoring form.
pub const SCORE_OR_REASON: Words = Words::new("Điểm ⇄ lý do trừ điểm", "Score ⇄ deduction reason");
/// Help overlay and hint bar: `Esc` in the scoring form.
pub const CLOSE_FORM: Words =
    Words::new("Đóng phiếu (bỏ thay đổi chưa lưu)", "Close the form (unsaved changes are dropped)");
/// Help overlay and hint bar: `F2` in the scoring form.
pub const OFFERED_REASON: Words = Words::new(
    "Hồ sơ thiếu: điền lý do trừ điểm “không có tài liệu kiểm chứng” (có thể sửa)",
    "Incomplete file: fill the deduction reason “no supporting document” (editable)",
);
/// Help overlay and hint bar: `Ctrl-D` in the scoring form.
pub const WITHDRAW: Words = Words::new(
    "Rút kết quả thẩm định đã ghi (cơ quan thẩm định, khối chưa phê duyệt): nhập lý do rồi Ctrl-S",
    "Withdraw the recorded appraisal (appraising agency, bloc not approved): type a reason, then Ctrl-S",
);
/// Help overlay and hint bar: `F3` in the scoring form, `F3` in the comment form.
pub const HISTORY_CRITERION: Words = Words::new("Lịch sử thay đổi của tiêu chí này", "History of this criterion");
/// Help overlay and hint bar: `Ctrl-S` in the comment form.
pub const SEND_COMMENT: Words = Words::new("Gửi góp ý và sang mục sau", "Send the comment and go to the next item");
/// Help overlay and hint bar: `Esc` in the comment form.
pub const CLOSE_COMMENT: Words = Words::new("Đóng (bỏ góp ý chưa gửi)", "Close (the unsent comment is dropped)");
/// Help overlay and hint bar: `↑/k` in the tie order.
pub const UNIT_ABOVE: Words = Words::new("Chọn đơn vị trên", "Select the unit above");
/// Help overlay and hint bar: `↓/j` in the tie order.
pub const UNIT_BELOW: Words = Words::new("Chọn đơn vị dưới", "Select the unit below");
/// Help overlay and hint bar: `K` in the tie order.
pub const MOVE_UNIT_UP: Words = Words::new("Đưa đơn vị lên", "Move the unit up");
/// Help overlay and hint bar: `J` in the tie order.
pub const MOVE_UNIT_DOWN: Words = Words::new("Đưa đơn vị xuống", "Move the unit down");
/// Help overlay and hint bar: `Enter` in the tie order.
pub const CONFIRM_ORDER: Words = Words::new("Xác nhận thứ tự", "Confirm the order");
/// Help overlay and hint bar: `Esc` in the tie order.
pub const CANCEL: Words = Words::new("Hủy", "Cancel");
/// Help overlay and hint bar: `v` in the tie order.
pub const VIEW_SELECTED_UNIT: Words = Words::new("Xem hồ sơ đơn vị đang chọn", "View the selected unit's file");
/// Help overlay and hint bar: `Space` in the facts form.
pub const CHANGE_VALUE: Words = Words::new("Đổi giá trị", "Change the value");
/// Help overlay and hint bar: `+` in the facts form.
pub const INCREASE: Words = Words::new("Tăng số", "Increase");
/// Help overlay and hint bar: `-` in the facts form.
pub const DECREASE: Words = Words::new("Giảm số", "Decrease");
/// Help overlay and hint bar: `Ctrl-S` in the facts form.
pub const SAVE: Words = Words::new("Lưu", "Save");
/// Help overlay and hint bar: `Esc` in the facts form, `Esc` in the grade override, `Esc` in the export paths.
pub const CLOSE: Words = Words::new("Đóng", "Close");
/// Help overlay and hint bar: `Tab` in the facts form.
pub const FACTS_OR_REASON: Words = Words::citing_rerating(
    "Sự kiện ⇄ lý do xếp loại lại (khối đã phê duyệt)",
    "Facts ⇄ re-rating reason (approved bloc)",
);
/// Help overlay and hint bar: `↑` in the grade override.
pub const CRITERION_ABOVE: Words = Words::new("Tiêu chí trên", "Criterion above");
/// Help overlay and hint bar: `↓` in the grade override.
pub const CRITERION_BELOW: Words = Words::new("Tiêu chí dưới", "Criterion below");
/// Help overlay and hint bar: `F2` in the grade override.
pub const CHANGE_GRADE: Words = Words::new("Đổi xếp loại", "Change the grade");
/// Help overlay and hint bar: `Ctrl-S` in the grade override.
pub const SAVE_OVERRIDE: Words = Words::new("Lưu điều chỉnh", "Save the override");
/// Help overlay and hint bar: `Ctrl-D` in the grade override.
pub const REMOVE_OVERRIDE: Words =
    Words::new("Bỏ điều chỉnh (về đề xuất)", "Remove the override (back to the proposed grade)");
/// Help overlay and hint bar: `↑/k` in the unit's file.
pub const COMPONENT_ABOVE: Words = Words::new("Tiêu chí thành phần trên", "Component above");
/// Help overlay and hint bar: `↓/j` in the unit's file.
pub const COMPONENT_BELOW: Words = Words::new("Tiêu chí thành phần dưới", "Component below");
/// Help overlay and hint bar: `PgUp` in the unit's file.
pub const MANY_UP: Words = Words::new("Lên nhiều mục", "Up several items");
/// Help overlay and hint bar: `PgDn` in the unit's file.
pub const MANY_DOWN: Words = Words::new("Xuống nhiều mục", "Down several items");
/// Help overlay and hint bar: `g/Home` in the unit's file.
pub const FILE_TOP: Words = Words::new("Đầu hồ sơ", "Top of the file");
/// Help overlay and hint bar: `G/End` in the unit's file.
pub const FILE_BOTTOM: Words = Words::new("Cuối hồ sơ", "End of the file");
/// Help overlay and hint bar: `Esc` in the unit's file.
pub const CLOSE_FILE: Words = Words::new("Đóng hồ sơ", "Close the file");
/// Help overlay and hint bar: `F3` in the unit's file.
pub const HISTORY_ITEM: Words = Words::new("Lịch sử của mục đang chọn", "History of the selected item");
/// Help overlay and hint bar: `c` in the unit's file.
pub const CHART: Words =
    Words::new("Biểu đồ tự đánh giá / thẩm định theo tiêu chí", "Chart of self-assessment / appraisal by criterion");
/// Help overlay and hint bar: `y Enter` in the approval prompt.
pub const CONFIRM_APPROVAL: Words =
    Words::new("Gõ y rồi Enter (hoặc Ctrl-S) để phê duyệt", "Type y then Enter (or Ctrl-S) to approve");
/// Help overlay and hint bar: `Esc` in the approval prompt.
pub const CANCEL_APPROVAL: Words = Words::new("Hủy, không phê duyệt", "Cancel, do not approve");
/// Help overlay and hint bar: `Ctrl-S` in the self-assessment form.
pub const SAVE_SELF: Words = Words::new("Lưu điểm tự đánh giá và giải trình", "Save the self-score and explanation");
/// Help overlay and hint bar: `Tab` in the self-assessment form.
pub const NEXT_SELF_FIELD: Words = Words::new(
    "Ô sau: điểm, giải trình, tài liệu (số hiệu, ngày, trích yếu)",
    "Next field: score, explanation, document (number, date, title)",
);
/// Help overlay and hint bar: `Ctrl-A` in the self-assessment form.
pub const ADD_DOCUMENT: Words = Words::new("Thêm tài liệu kiểm chứng đã nhập", "Add the supporting document typed");
/// Help overlay and hint bar: `Ctrl-X` in the self-assessment form.
pub const REMOVE_DOCUMENT: Words =
    Words::new("Bỏ tài liệu có số hiệu đã nhập", "Remove the document with the number typed");
/// Help overlay and hint bar: `Ctrl-F` in the self-assessment form.
pub const DESCRIBE_FILE: Words = Words::new(
    "Ghi số hiệu, ngày, trích yếu đã nhập cho tệp đã gửi (tệp chưa có, hoặc tệp có số hiệu đó)",
    "Give the number, date and title typed to a file sent (one without them, or the one with that number)",
);
/// Help overlay and hint bar: `F4` in the self-assessment form.
pub const TOGGLE_APPLICABLE: Words =
    Words::new("Đánh dấu không áp dụng / áp dụng lại", "Mark not applicable / applicable again");
/// Help overlay and hint bar: `Esc` in the self-assessment form.
pub const CLOSE_UNSAVED: Words = Words::new("Đóng (bỏ thay đổi chưa lưu)", "Close (unsaved changes are dropped)");
/// Help overlay and hint bar: `Enter` in the submission form.
pub const SUBMIT: Words = Words::new("Nộp", "Submit");
/// Help overlay and hint bar: `Tab` in the submission form.
pub const DATE_OR_MINUTES: Words = Words::new("Ngày thông qua ⇄ số biên bản", "Approval date ⇄ minutes number");
/// Help overlay and hint bar: `Esc` in the submission form.
pub const CANCEL_SUBMIT: Words = Words::new("Hủy, chưa nộp", "Cancel, do not submit yet");
/// Help overlay and hint bar: `↑/k` in the desk's inbox, `↑/k` in the export paths.
pub const FILE_ABOVE: Words = Words::new("Tệp trên", "File above");
/// Help overlay and hint bar: `↓/j` in the desk's inbox, `↓/j` in the export paths.
pub const FILE_BELOW: Words = Words::new("Tệp dưới", "File below");
/// Help overlay and hint bar: `Enter` in the desk's inbox.
pub const PREVIEW_IMPORT: Words = Words::new(
    "Xem trước việc nhập tệp đang chọn (chưa ghi gì)",
    "Preview importing the selected file (nothing is written)",
);
/// Help overlay and hint bar: `r` in the desk's inbox.
pub const RELOAD_INBOX: Words = Words::new("Đọc lại thư mục /nhap", "Read the /nhap folder again");
/// Help overlay and hint bar: `Esc` in the desk's inbox, `Esc` in the desk's user list, `Esc` in the desk's papers.
pub const BACK_TO_DESK: Words = Words::new("Về bàn làm việc", "Back to the desk");
/// Help overlay and hint bar: `↑/k` in the desk's file-kind question.
pub const KIND_ABOVE: Words = Words::new("Loại trên", "Kind above");
/// Help overlay and hint bar: `↓/j` in the desk's file-kind question.
pub const KIND_BELOW: Words = Words::new("Loại dưới", "Kind below");
/// Help overlay and hint bar: `Enter` in the desk's file-kind question.
pub const PREVIEW_KIND: Words = Words::new("Xem trước với loại này", "Preview as this kind");
/// Help overlay and hint bar: `Esc` in the desk's file-kind question, `Esc` in the desk's problem list.
pub const BACK_TO_FILES: Words = Words::new("Về danh sách tệp", "Back to the file list");
/// Help overlay and hint bar: `y Enter` in the desk's import preview.
pub const CONFIRM_IMPORT: Words = Words::new(
    "Gõ y rồi Enter để nhập thật (một giao dịch, ghi nhật ký)",
    "Type y then Enter to import for real (one transaction, logged)",
);
/// Help overlay and hint bar: `Esc` in the desk's import preview.
pub const CANCEL_IMPORT: Words = Words::new("Thôi, không nhập", "Stop, do not import");
/// Help overlay and hint bar: `↑/k` in the desk's problem list.
pub const PROBLEM_ABOVE: Words = Words::new("Lỗi trên", "Problem above");
/// Help overlay and hint bar: `↓/j` in the desk's problem list.
pub const PROBLEM_BELOW: Words = Words::new("Lỗi dưới", "Problem below");
/// Help overlay and hint bar: `↑/k` in the desk's user list.
pub const USER_ABOVE: Words = Words::new("Người trên", "User above");
/// Help overlay and hint bar: `↓/j` in the desk's user list.
pub const USER_BELOW: Words = Words::new("Người dưới", "User below");
/// Help overlay and hint bar: `a` in the desk's user list.
pub const ADD_USER: Words = Words::new("Thêm người dùng", "Add a user");
/// Help overlay and hint bar: `d` in the desk's user list.
pub const REMOVE_USER: Words =
    Words::new("Xóa người dùng đang chọn (hỏi lại)", "Remove the selected user (asks first)");
/// Help overlay and hint bar: `y Enter` in the desk's removal prompt.
pub const CONFIRM_REMOVE: Words = Words::new("Gõ y rồi Enter để xóa", "Type y then Enter to remove");
/// Help overlay and hint bar: `Esc` in the desk's removal prompt.
pub const CANCEL_REMOVE: Words = Words::new("Thôi, không xóa", "Stop, do not remove");
/// Help overlay and hint bar: `Enter` in the desk's forms.
pub const RECORD: Words = Words::new("Ghi (Ctrl-S)", "Record (Ctrl-S)");
/// Help overlay and hint bar: `Tab` in the desk's forms.
pub const NEXT_FIELD: Words = Words::new("Ô sau", "Next field");
/// Help overlay and hint bar: `Esc` in the desk's forms.
pub const CLOSE_ASKS: Words =
    Words::new("Đóng (hỏi nếu có thay đổi chưa ghi)", "Close (asks if changes are not recorded)");
/// Help overlay and hint bar: `↑/k` in the desk's papers.
pub const PAPER_ABOVE: Words = Words::new("Văn bản trên", "Paper above");
/// Help overlay and hint bar: `F6` in the scoring form.
pub const DOWNLOAD_PATHS_CRITERION: Words = Words::new(
    "Đường dẫn tải về các tệp của tiêu chí này (sftp/scp); sao chép vào bộ nhớ tạm nếu terminal cho phép",
    "Download paths of this criterion's files (sftp/scp); copied to the clipboard where the terminal allows",
);
/// Help overlay and hint bar: `y` in the unit's file.
pub const DOWNLOAD_PATHS_ITEM: Words = Words::new(
    "Đường dẫn tải về các tệp của mục đang chọn (sftp/scp); sao chép vào bộ nhớ tạm nếu terminal cho phép",
    "Download paths of the selected item's files (sftp/scp); copied to the clipboard where the terminal allows",
);
/// Help overlay and hint bar: `Enter` in the export paths.
pub const COPY_DOWNLOAD: Words = Words::new(
    "Sao chép lệnh tải tệp đang chọn vào bộ nhớ tạm (nếu terminal cho phép)",
    "Copy the selected file's download command to the clipboard (where the terminal allows)",
);
/// Help overlay and hint bar: `n` in the desk's papers.
pub const PAPER_NUMBERS: Words = Words::new(
    "Đặt số văn bản, người ký, ngày ban hành của văn bản đang chọn",
    "Set the chosen paper's number, signer and date of issue",
);
/// Help overlay and hint bar: `↓/j` in the desk's papers.
pub const PAPER_BELOW: Words = Words::new("Văn bản dưới", "Paper below");
/// Help overlay and hint bar: `Enter` in the desk's papers.
pub const EXPORT_PAPER: Words = Words::new("Xuất văn bản đang chọn vào /xuat", "Export the selected paper into /xuat");
/// Help overlay and hint bar: `Esc` in the desk's notice.
pub const COPIED: Words = Words::new("Đã chép, về danh sách người dùng", "Copied, back to the user list");
/// Help overlay and hint bar: `Esc` in the history.
pub const CLOSE_HISTORY: Words = Words::new("Đóng lịch sử", "Close the history");
/// Help overlay and hint bar: `↑/k` in the history, `↑/k` in the help overlay.
pub const SCROLL_UP: Words = Words::new("Cuộn lên", "Scroll up");
/// Help overlay and hint bar: `↓/j` in the history, `↓/j` in the help overlay.
pub const SCROLL_DOWN: Words = Words::new("Cuộn xuống", "Scroll down");
/// Help overlay and hint bar: `g/Home` in the history, `g/Home` in the help overlay.
pub const TOP: Words = Words::new("Đầu", "Top");
/// Help overlay and hint bar: `G/End` in the history, `G/End` in the help overlay.
pub const BOTTOM: Words = Words::new("Cuối", "End");
/// Help overlay and hint bar: `Esc` in the help overlay.
pub const CLOSE_HELP: Words = Words::new("Đóng trợ giúp", "Close the help");
/// Help overlay and hint bar: `y` in the unsaved-work prompt.
pub const QUIT_DROPPING: Words = Words::new("Thoát, bỏ thay đổi chưa lưu", "Quit, dropping unsaved changes");
/// Help overlay and hint bar: `n` in the unsaved-work prompt.
pub const STAY: Words = Words::new("Ở lại", "Stay");

// One key, several meanings: Enter on each pane, Ctrl-S and Esc while a withdrawal is asked.
/// The help's line for `Enter` on the appraisal queue (`tui::app::keys`).
pub const OPEN_FORM: Words = Words::new("Mở phiếu của mục đang chọn", "Open the selected item's form");
/// The help's line for `Enter` on the ties pane (`tui::app::keys`).
pub const ORDER_TIE: Words = Words::new("Sắp thứ tự nhóm bằng điểm", "Order the tied group");
/// The help's line for `Enter` on a unit's self-assessment pane (`tui::app::keys`).
pub const OPEN_SELF_FORM: Words = Words::new("Mở phiếu tự đánh giá", "Open the self-assessment form");
/// The help's line for `Enter` on the desk (`tui::app::keys`).
pub const DO_SELECTED: Words = Words::new("Làm việc đang chọn", "Do the selected task");
/// The help's line for `Ctrl-S` while a withdrawal's reason is asked (`tui::app::keys`).
pub const WITHDRAW_NOW: Words =
    Words::new("Rút kết quả thẩm định (cần lý do)", "Withdraw the appraisal (a reason is needed)");
/// The help's line for `Esc` while a withdrawal's reason is asked (`tui::app::keys`).
pub const STOP_WITHDRAWING: Words = Words::new("Thôi rút, trả lại phiếu", "Stop withdrawing, back to the form");

// Why a key does not act here.
/// Why a key does not act here; said by `tui::app::keys`.
pub const NO_GRADES: Words =
    Words::new("Quy định này không xếp loại từng tiêu chí", "This regulation does not grade each criterion");
/// Why a key does not act here; said by `tui::app::keys`.
pub const NO_NOT_APPLICABLE: Words = Words::new(
    "Quy định này không cho đánh dấu tiêu chí không áp dụng",
    "This regulation does not let a component be marked not applicable",
);
/// Why a key does not act here; said by `tui::app::keys`.
pub const NOTHING_TO_APPROVE: Words =
    Words::new("Không có khối nào đang chờ phê duyệt", "No bloc is waiting for approval");
/// Why a key does not act here; said by `tui::app::keys`.
pub const WITHDRAWING: Words = Words::new(
    "Đang rút kết quả thẩm định: nhập lý do rồi Ctrl-S để rút, Esc để thôi",
    "Withdrawing the appraisal: type a reason, then Ctrl-S to withdraw, Esc to stop",
);

/// Why a key does not act here; said by `tui::app::keys`: a digit pressed by a user who has one pane only.
pub const ONE_PANE: Words =
    Words::new("Chỉ có một khung, không có khung nào để chuyển", "There is one pane only, none to switch to");

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_citing_sentence_takes_the_regulations_article_or_none() {
        assert_eq!(
            FACTS_OR_REASON.cite(Lang::Vi, Some("Điều 10.4")),
            "Sự kiện ⇄ lý do xếp loại lại (khối đã phê duyệt, Điều 10.4)"
        );
        assert_eq!(FACTS_OR_REASON.cite(Lang::Vi, None), "Sự kiện ⇄ lý do xếp loại lại (khối đã phê duyệt)");
        assert_eq!(
            FACTS_OR_REASON.cite(Lang::En, Some("Điều 10.4")),
            "Facts ⇄ re-rating reason (approved bloc, article 10.4)"
        );
        assert_eq!(FACTS_OR_REASON.cite(Lang::En, None), "Facts ⇄ re-rating reason (approved bloc)");
        // A sentence that cites nothing stays as written, whatever the regulation's article.
        assert_eq!(UP.cite(Lang::Vi, Some("Điều 10.4")), "Lên");
    }
}
