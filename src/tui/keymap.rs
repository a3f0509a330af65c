//! The one table of keys: dispatch, the help overlay and the hint bar are all read from it, so they never drift.

use super::app::Pane;
use crate::domain::permissions::CouncilWrite;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where the keyboard is: each context has its own bindings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Picker,
    List,
    Form,
    /// A co-appraising agency's comment.
    Comment,
    Filter,
    Ties,
    Facts,
    Grades,
    Help,
    /// The audit history of one component.
    History,
    ConfirmQuit,
    /// A unit's file, read-only.
    Unit,
    /// The chairman confirming the approval of a bloc.
    Approve,
    /// A unit's focal person filling one component's self-assessment.
    SelfForm,
    /// A unit's focal person submitting its self-assessment.
    Submit,
    /// The desk: the files of the person's inbox.
    DeskFiles,
    /// The desk: the kind of a file that does not say it.
    DeskKind,
    /// The desk: an import's preview, before it is confirmed.
    DeskPreview,
    /// The desk: every problem of a refused file.
    DeskProblems,
    /// The desk: the council's users.
    DeskUsers,
    /// The desk: the question before a user is removed.
    DeskRemove,
    /// The desk: a form (a user, the round's settings, a paper submission, a reopening, a re-rating).
    DeskForm,
    /// The desk: a text to copy (a new user's key line).
    DeskNotice,
    /// The desk: the council's papers to write.
    DeskPapers,
    /// Where to fetch a component's files from (sftp/scp), one to copy.
    Paths,
}

/// What a key asks for; `update` gives it meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Up,
    Down,
    Left,
    Right,
    Top,
    Bottom,
    NextPane,
    PreviousPane,
    Pane1,
    Pane2,
    Pane3,
    Pane4,
    PageUp,
    PageDown,
    HalfPageUp,
    HalfPageDown,
    /// Open the selected unit's file, read-only.
    ViewUnit,
    /// The unit's file as a chart (self-score against appraised score).
    ToggleChart,
    Open,
    Back,
    Quit,
    Help,
    Filter,
    CycleStatus,
    Save,
    NextField,
    MoveUp,
    MoveDown,
    Confirm,
    Approve,
    EditFacts,
    OverrideGrade,
    Cycle,
    Increase,
    Decrease,
    Yes,
    No,
    History,
    ExportSheet,
    ExportAllSheets,
    ExportRanking,
    /// Fill the deduction reason the council usually gives for an incomplete file.
    OfferedReason,
    /// Remove the selected criterion's grade override (the proposed grade applies again).
    RemoveOverride,
    /// Withdraw the form's appraisal, with a reason.
    Withdraw,
    /// Clear the filter being typed.
    ClearFilter,
    /// The queue's next item still waiting for this user.
    NextOpen,
    /// The queue's first item of the next unit.
    NextUnit,
    /// Submit the unit's self-assessment.
    SubmitSelfAssessment,
    /// The unit's own score sheet (.xlsx) beside the database, to sign and stamp.
    ExportOwnSheet,
    /// Mark the component not applicable (or applicable again).
    ToggleApplicable,
    AddDocument,
    RemoveDocument,
    /// Give the number, date and title typed to a file the unit sent for this component (issue 24).
    DescribeFile,
    Pane5,
    /// Read a list again (the desk's inbox).
    Reload,
    AddUser,
    RemoveUser,
    /// The selected paper's document number, signer and date of issue (`round paper`).
    PaperNumbers,
    /// The exact download path of a component's files, copied to the clipboard (OSC 52).
    DownloadPath,
}

impl Command {
    /// Moves the selection of a list (a row, a page, an end), as `update::moved` applies it.
    pub fn moves_in_list(self) -> bool {
        matches!(
            self,
            Command::Up | Command::Down | Command::Top | Command::Bottom | Command::PageUp | Command::PageDown
        )
    }
}

/// When a binding acts, beyond its context; `App::acts` answers it, and says why not in one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Always,
    /// In these panes of the browse screen.
    Panes(&'static [Pane]),
    /// The user may make this council write (`domain::permissions::may`), in these panes.
    May(CouncilWrite, &'static [Pane]),
    /// The chairman, on the ranking, under a regulation that grades criteria.
    OverrideGrades,
    /// The user has at least this many panes.
    PaneCount(usize),
    /// The regulation lets a unit mark a component not applicable (453, Điều 4.2).
    NotApplicableAllowed,
    /// The approval prompt is open on a bloc nothing keeps from approval (no component left to appraise,
    /// no tie left to order, not approved already).
    ApprovalOpen,
}

pub struct Binding {
    pub context: Context,
    pub keys: &'static [(KeyCode, KeyModifiers)],
    /// How the key is written in the help and the hint bar.
    pub label: &'static str,
    pub command: Command,
    /// When it acts: the help and the hint bar list only what acts now.
    pub when: When,
    /// Shown in the one-line hint bar (in table order, as many as fit).
    pub hint: bool,
    /// What it does, in the council's words.
    pub description: &'static str,
}

const fn bind(
    context: Context,
    keys: &'static [(KeyCode, KeyModifiers)],
    label: &'static str,
    command: Command,
    when: When,
    hint: bool,
    description: &'static str,
) -> Binding {
    Binding { context, keys, label, command, when, hint, description }
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;

const QUEUE: &[Pane] = &[Pane::Queue];
const RANKING: &[Pane] = &[Pane::Ranking];
/// The panes that list units or items (Enter and `v` open what is selected).
const LISTS: &[Pane] = &[Pane::Queue, Pane::Ranking, Pane::Progress, Pane::Ties, Pane::SelfAssessment, Pane::Desk];
/// The panes where `v` opens a unit's file (not the unit's own self-assessment: it has no appraisal to show yet).
const UNIT_FILES: &[Pane] = &[Pane::Queue, Pane::Ranking, Pane::Progress, Pane::Ties];
/// The panes that list units one per row (`x` exports the selected one's sheet).
const UNIT_LISTS: &[Pane] = &[Pane::Ranking, Pane::Progress];
const BLOC_PANES: &[Pane] = &[Pane::Ranking, Pane::Charts];
const FILTERED: &[Pane] = &[Pane::Queue, Pane::Ranking];
const HISTORIES: &[Pane] = &[Pane::Queue, Pane::Ranking];
const ANY_PANE: &[Pane] = &[Pane::Queue, Pane::Ranking, Pane::Progress, Pane::Ties, Pane::Charts];
const SELF_ASSESSMENT: &[Pane] = &[Pane::SelfAssessment];
/// Wherever the panes are (the desk's screens keep the desk pane).
const ANY_DESK: &[Pane] = &[Pane::Desk];

use Command as C;
use Context::{
    Approve, Comment, ConfirmQuit, DeskFiles, DeskForm, DeskKind, DeskNotice, DeskPapers, DeskPreview, DeskProblems,
    DeskRemove, DeskUsers, Facts, Filter, Form, Grades, Help, History, List, Paths, Picker, SelfForm, Submit, Ties,
    Unit,
};
use CouncilWrite as W;
use KeyCode::{BackTab, Char, Delete, Down, End, Enter, Esc, F, Home, Left, PageDown, PageUp, Right, Tab, Up};
use When::{Always, ApprovalOpen, May, NotApplicableAllowed, OverrideGrades, PaneCount, Panes};

/// Every key, one line each, grouped by context; within a context the order is the hint bar's.
#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    //   context       keys                                                       label      command                when                             hint   description
    // Picker
    bind(Picker,      &[(Up, NONE), (Char('k'), NONE)],                          "↑/k",     C::Up,                 Always,                          false, "Lên"),
    bind(Picker,      &[(Down, NONE), (Char('j'), NONE)],                        "↓/j",     C::Down,               Always,                          false, "Xuống"),
    bind(Picker,      &[(Enter, NONE)],                                          "Enter",   C::Open,               Always,                          true,  "Làm việc với tư cách người này (chỉ dữ liệu minh họa)"),
    bind(Picker,      &[(Char('q'), NONE), (Esc, NONE)],                         "q",       C::Quit,               Always,                          true,  "Thoát"),
    bind(Picker,      &[(Home, NONE), (Char('g'), NONE)],                        "g/Home",  C::Top,                Always,                          false, "Đầu danh sách"),
    bind(Picker,      &[(End, NONE), (Char('G'), SHIFT), (Char('G'), NONE)],     "G/End",   C::Bottom,             Always,                          false, "Cuối danh sách"),
    bind(Picker,      &[(PageUp, NONE), (Char('u'), CTRL)],                      "PgUp",    C::PageUp,             Always,                          false, "Lên một trang"),
    bind(Picker,      &[(PageDown, NONE), (Char('d'), CTRL)],                    "PgDn",    C::PageDown,           Always,                          false, "Xuống một trang"),
    // List
    bind(List,        &[(Char('?'), NONE)],                                      "?",       C::Help,               Always,                          true,  "Trợ giúp phím"),
    bind(List,        &[(Char('q'), NONE)],                                      "q",       C::Quit,               Always,                          true,  "Thoát"),
    bind(List,        &[(Tab, NONE)],                                            "Tab",     C::NextPane,           PaneCount(2),                    true,  "Khung sau"),
    bind(List,        &[(Enter, NONE)],                                          "Enter",   C::Open,               Panes(LISTS),                    true,  "Mở mục đang chọn: phiếu chấm (thành viên), hồ sơ đơn vị (xếp hạng, tiến độ), sắp thứ tự bằng điểm"),
    bind(List,        &[(Char('a'), NONE)],                                      "a",       C::Approve,            May(W::Approve, RANKING),        true,  "Phê duyệt kết quả của khối"),
    bind(List,        &[(Char('f'), NONE)],                                      "f",       C::EditFacts,          May(W::Facts, RANKING),          true,  "Ghi nhận sự kiện của đơn vị (kỷ luật, thành tích…)"),
    bind(List,        &[(Char('v'), NONE)],                                      "v",       C::ViewUnit,           Panes(UNIT_FILES),                 true,  "Xem hồ sơ đơn vị (chỉ đọc)"),
    bind(List,        &[(Char('/'), NONE)],                                      "/",       C::Filter,             Panes(FILTERED),                 true,  "Lọc"),
    bind(List,        &[(Char('s'), NONE)],                                      "s",       C::CycleStatus,        Panes(QUEUE),                    true,  "Trạng thái"),
    bind(List,        &[(Char('n'), NONE)],                                      "n",       C::NextOpen,           Panes(QUEUE),                    true,  "Mục chưa thẩm định tiếp theo"),
    bind(List,        &[(Char('N'), SHIFT), (Char('N'), NONE)],                  "N",       C::NextUnit,           Panes(QUEUE),                    true,  "Đơn vị tiếp theo trong hàng chờ"),
    bind(List,        &[(Char('p'), NONE)],                                      "p",       C::SubmitSelfAssessment, Panes(SELF_ASSESSMENT),        true,  "Nộp bản tự đánh giá (sau khi tập thể lãnh đạo thông qua)"),
    bind(List,        &[(Char('b'), NONE)],                                      "b",       C::ExportOwnSheet,     Panes(SELF_ASSESSMENT),          true,  "Xuất biểu tự chấm điểm của đơn vị (.xlsx) để ký, đóng dấu"),
    bind(List,        &[(F(3), NONE)],                                           "F3",      C::History,            Panes(HISTORIES),                true,  "Lịch sử thay đổi của mục đang chọn (ai, khi nào, cũ → mới, lý do); trên bảng xếp hạng: của cả đơn vị"),
    bind(List,        &[(Up, NONE), (Char('k'), NONE)],                          "↑/k",     C::Up,                 Always,                          false, "Lên một dòng"),
    bind(List,        &[(Down, NONE), (Char('j'), NONE)],                        "↓/j",     C::Down,               Always,                          false, "Xuống một dòng"),
    bind(List,        &[(Left, NONE), (Char('h'), NONE)],                        "←/h",     C::Left,               Panes(BLOC_PANES),               false, "Khối trước"),
    bind(List,        &[(Right, NONE), (Char('l'), NONE)],                       "→/l",     C::Right,              Panes(BLOC_PANES),               false, "Khối sau"),
    bind(List,        &[(Home, NONE), (Char('g'), NONE)],                        "g/Home",  C::Top,                Always,                          false, "Đầu danh sách"),
    bind(List,        &[(PageUp, NONE)],                                         "PgUp",    C::PageUp,             Always,                          false, "Lên một trang"),
    bind(List,        &[(PageDown, NONE)],                                       "PgDn",    C::PageDown,           Always,                          false, "Xuống một trang"),
    bind(List,        &[(Char('u'), CTRL)],                                      "Ctrl-U",     C::HalfPageUp,         Always,                          false, "Lên nửa trang"),
    bind(List,        &[(Char('d'), CTRL)],                                      "Ctrl-D",     C::HalfPageDown,       Always,                          false, "Xuống nửa trang"),
    bind(List,        &[(End, NONE), (Char('G'), SHIFT), (Char('G'), NONE)],     "G/End",   C::Bottom,             Always,                          false, "Cuối danh sách"),
    bind(List,        &[(BackTab, SHIFT), (BackTab, NONE)],                      "Shift-Tab",   C::PreviousPane,       PaneCount(2),                    false, "Khung trước"),
    bind(List,        &[(Char('1'), NONE)],                                      "1",       C::Pane1,              PaneCount(1),                    false, "Khung 1"),
    bind(List,        &[(Char('2'), NONE)],                                      "2",       C::Pane2,              PaneCount(2),                    false, "Khung 2"),
    bind(List,        &[(Char('3'), NONE)],                                      "3",       C::Pane3,              PaneCount(3),                    false, "Khung 3"),
    bind(List,        &[(Char('4'), NONE)],                                      "4",       C::Pane4,              PaneCount(4),                    false, "Khung 4"),
    bind(List,        &[(Char('5'), NONE)],                                      "5",       C::Pane5,              PaneCount(5),                    false, "Khung 5"),
    bind(List,        &[(Esc, NONE)],                                            "Esc",     C::Back,               Always,                          false, "Bỏ lọc / trở lại"),
    bind(List,        &[(Char('o'), NONE)],                                      "o",       C::OverrideGrade,      OverrideGrades,                  true,  "Điều chỉnh xếp loại tiêu chí"),
    bind(List,        &[(Char('x'), NONE)],                                      "x",       C::ExportSheet,        May(W::Export, UNIT_LISTS),      true,  "Xuất biểu chấm điểm của đơn vị (.xlsx)"),
    bind(List,        &[(Char('X'), SHIFT), (Char('X'), NONE)],                  "X",       C::ExportAllSheets,    May(W::Export, ANY_PANE),        true,  "Xuất biểu chấm điểm mọi đơn vị (.xlsx)"),
    bind(List,        &[(Char('e'), NONE)],                                      "e",       C::ExportRanking,      May(W::Export, ANY_PANE),        true,  "Xuất kết quả xếp hạng (.xlsx)"),
    // Filter
    bind(Filter,      &[(Enter, NONE)],                                          "Enter",   C::Confirm,            Always,                          true,  "Giữ bộ lọc"),
    bind(Filter,      &[(Esc, NONE)],                                            "Esc",     C::Back,               Always,                          true,  "Bỏ lọc"),
    bind(Filter,      &[(Char('u'), CTRL)],                                      "Ctrl-U",     C::ClearFilter,        Always,                          false, "Xóa bộ lọc đang gõ"),
    // Form
    bind(Form,        &[(Char('s'), CTRL)],                                      "Ctrl-S",     C::Save,               Always,                          true,  "Lưu và sang mục sau"),
    bind(Form,        &[(Tab, NONE), (BackTab, SHIFT), (BackTab, NONE)],         "Tab",     C::NextField,          Always,                          true,  "Điểm ⇄ lý do trừ điểm"),
    bind(Form,        &[(Esc, NONE)],                                            "Esc",     C::Back,               Always,                          true,  "Đóng phiếu (bỏ thay đổi chưa lưu)"),
    bind(Form,        &[(F(1), NONE)],                                           "F1",      C::Help,               Always,                          true,  "Trợ giúp phím"),
    bind(Form,        &[(F(2), NONE)],                                           "F2",      C::OfferedReason,      Always,                          true,  "Hồ sơ thiếu: điền lý do trừ điểm “không có tài liệu kiểm chứng” (có thể sửa)"),
    bind(Form,        &[(Char('d'), CTRL)],                                      "Ctrl-D",     C::Withdraw,           Always,                          true,  "Rút kết quả thẩm định đã ghi (cơ quan thẩm định, khối chưa phê duyệt): nhập lý do rồi Ctrl-S"),
    bind(Form,        &[(F(6), NONE)],                                           "F6",      C::DownloadPath,       Always,                          false, "Đường dẫn tải về các tệp của tiêu chí này (sftp/scp); sao chép vào bộ nhớ tạm nếu terminal cho phép"),
    bind(Form,        &[(F(3), NONE)],                                           "F3",      C::History,            Always,                          true,  "Lịch sử thay đổi của tiêu chí này"),
    // Comment
    bind(Comment,     &[(Char('s'), CTRL)],                                      "Ctrl-S",     C::Save,               Always,                          true,  "Gửi góp ý và sang mục sau"),
    bind(Comment,     &[(Esc, NONE)],                                            "Esc",     C::Back,               Always,                          true,  "Đóng (bỏ góp ý chưa gửi)"),
    bind(Comment,     &[(F(1), NONE)],                                           "F1",      C::Help,               Always,                          true,  "Trợ giúp phím"),
    bind(Comment,     &[(F(3), NONE)],                                           "F3",      C::History,            Always,                          true,  "Lịch sử thay đổi của tiêu chí này"),
    // Ties
    bind(Ties,        &[(Up, NONE), (Char('k'), NONE)],                          "↑/k",     C::Up,                 Always,                          false, "Chọn đơn vị trên"),
    bind(Ties,        &[(Down, NONE), (Char('j'), NONE)],                        "↓/j",     C::Down,               Always,                          false, "Chọn đơn vị dưới"),
    bind(Ties,        &[(Char('K'), SHIFT), (Char('K'), NONE)],                  "K",       C::MoveUp,             Always,                          true,  "Đưa đơn vị lên"),
    bind(Ties,        &[(Char('J'), SHIFT), (Char('J'), NONE)],                  "J",       C::MoveDown,           Always,                          true,  "Đưa đơn vị xuống"),
    bind(Ties,        &[(Enter, NONE)],                                          "Enter",   C::Confirm,            Always,                          true,  "Xác nhận thứ tự"),
    bind(Ties,        &[(Esc, NONE)],                                            "Esc",     C::Back,               Always,                          true,  "Hủy"),
    bind(Ties,        &[(Char('v'), NONE)],                                      "v",       C::ViewUnit,           Always,                          true,  "Xem hồ sơ đơn vị đang chọn"),
    // Facts
    bind(Facts,       &[(Up, NONE), (Char('k'), NONE)],                          "↑/k",     C::Up,                 Always,                          false, "Lên"),
    bind(Facts,       &[(Down, NONE), (Char('j'), NONE)],                        "↓/j",     C::Down,               Always,                          false, "Xuống"),
    bind(Facts,       &[(Char(' '), NONE), (Enter, NONE)],                       "Space",   C::Cycle,              Always,                          true,  "Đổi giá trị"),
    bind(Facts,       &[(Char('+'), NONE), (Char('+'), SHIFT)],                  "+",       C::Increase,           Always,                          true,  "Tăng số"),
    bind(Facts,       &[(Char('-'), NONE)],                                      "-",       C::Decrease,           Always,                          true,  "Giảm số"),
    bind(Facts,       &[(Char('s'), CTRL)],                                      "Ctrl-S",     C::Save,               Always,                          true,  "Lưu"),
    bind(Facts,       &[(Esc, NONE)],                                            "Esc",     C::Back,               Always,                          true,  "Đóng"),
    bind(Facts,       &[(Tab, NONE), (BackTab, SHIFT), (BackTab, NONE)],         "Tab",     C::NextField,          Always,                          false, "Sự kiện ⇄ lý do xếp loại lại (khối đã phê duyệt, Điều 10.4)"),
    // Grades
    bind(Grades,      &[(Up, NONE)],                                             "↑",       C::Up,                 Always,                          false, "Tiêu chí trên"),
    bind(Grades,      &[(Down, NONE)],                                           "↓",       C::Down,               Always,                          false, "Tiêu chí dưới"),
    bind(Grades,      &[(F(2), NONE)],                                           "F2",      C::Cycle,              Always,                          true,  "Đổi xếp loại"),
    bind(Grades,      &[(Char('s'), CTRL)],                                      "Ctrl-S",     C::Save,               Always,                          true,  "Lưu điều chỉnh"),
    bind(Grades,      &[(Char('d'), CTRL)],                                      "Ctrl-D",     C::RemoveOverride,     Always,                          true,  "Bỏ điều chỉnh (về đề xuất)"),
    bind(Grades,      &[(Esc, NONE)],                                            "Esc",     C::Back,               Always,                          true,  "Đóng"),
    // Unit
    bind(Unit,        &[(Up, NONE), (Char('k'), NONE)],                          "↑/k",     C::Up,                 Always,                          false, "Tiêu chí thành phần trên"),
    bind(Unit,        &[(Down, NONE), (Char('j'), NONE)],                        "↓/j",     C::Down,               Always,                          false, "Tiêu chí thành phần dưới"),
    bind(Unit,        &[(PageUp, NONE), (Char('u'), CTRL)],                      "PgUp",    C::PageUp,             Always,                          false, "Lên nhiều mục"),
    bind(Unit,        &[(PageDown, NONE), (Char('d'), CTRL)],                    "PgDn",    C::PageDown,           Always,                          false, "Xuống nhiều mục"),
    bind(Unit,        &[(Home, NONE), (Char('g'), NONE)],                        "g/Home",  C::Top,                Always,                          false, "Đầu hồ sơ"),
    bind(Unit,        &[(End, NONE), (Char('G'), SHIFT), (Char('G'), NONE)],     "G/End",   C::Bottom,             Always,                          false, "Cuối hồ sơ"),
    bind(Unit,        &[(Esc, NONE), (Char('q'), NONE)],                         "Esc",     C::Back,               Always,                          true,  "Đóng hồ sơ"),
    bind(Unit,        &[(Char('y'), NONE), (F(6), NONE)],                        "y",       C::DownloadPath,       Always,                          false, "Đường dẫn tải về các tệp của mục đang chọn (sftp/scp); sao chép vào bộ nhớ tạm nếu terminal cho phép"),
    bind(Unit,        &[(F(3), NONE)],                                           "F3",      C::History,            Always,                          true,  "Lịch sử của mục đang chọn"),
    bind(Unit,        &[(Char('c'), NONE)],                                      "c",       C::ToggleChart,        Always,                          true,  "Biểu đồ tự đánh giá / thẩm định theo tiêu chí"),
    bind(Unit,        &[(Char('?'), NONE), (F(1), NONE)],                        "?",       C::Help,               Always,                          false, "Trợ giúp phím"),
    // Approve
    bind(Approve,     &[(Enter, NONE), (Char('s'), CTRL)],                       "y Enter", C::Confirm,            ApprovalOpen,                    true,   "Gõ y rồi Enter (hoặc Ctrl-S) để phê duyệt"),
    bind(Approve,     &[(Esc, NONE)],                                            "Esc",     C::Back,               Always,                          true,  "Hủy, không phê duyệt"),
    // SelfForm
    bind(SelfForm,    &[(Char('s'), CTRL)],                                      "Ctrl-S",     C::Save,               Always,                          true,  "Lưu điểm tự đánh giá và giải trình"),
    bind(SelfForm,    &[(Tab, NONE), (BackTab, SHIFT), (BackTab, NONE)],         "Tab",     C::NextField,          Always,                          true,  "Ô sau: điểm, giải trình, tài liệu (số hiệu, ngày, trích yếu)"),
    bind(SelfForm,    &[(Char('a'), CTRL)],                                      "Ctrl-A",     C::AddDocument,        Always,                          true,  "Thêm tài liệu kiểm chứng đã nhập"),
    bind(SelfForm,    &[(Char('x'), CTRL)],                                      "Ctrl-X",     C::RemoveDocument,     Always,                          true,  "Bỏ tài liệu có số hiệu đã nhập"),
    bind(SelfForm,    &[(Char('f'), CTRL)],                                      "Ctrl-F",     C::DescribeFile,       Always,                          true,  "Ghi số hiệu, ngày, trích yếu đã nhập cho tệp đã gửi (tệp chưa có, hoặc tệp có số hiệu đó)"),
    bind(SelfForm,    &[(F(4), NONE)],                                           "F4",      C::ToggleApplicable,   NotApplicableAllowed,            false, "Đánh dấu không áp dụng / áp dụng lại"),
    bind(SelfForm,    &[(Esc, NONE)],                                            "Esc",     C::Back,               Always,                          true,  "Đóng (bỏ thay đổi chưa lưu)"),
    bind(SelfForm,    &[(F(1), NONE)],                                           "F1",      C::Help,               Always,                          false, "Trợ giúp phím"),
    // Submit
    bind(Submit,      &[(Enter, NONE), (Char('s'), CTRL)],                       "Enter",   C::Confirm,            Always,                          true,  "Nộp"),
    bind(Submit,      &[(Tab, NONE), (BackTab, SHIFT), (BackTab, NONE)],         "Tab",     C::NextField,          Always,                          true,  "Ngày thông qua ⇄ số biên bản"),
    bind(Submit,      &[(Esc, NONE)],                                            "Esc",     C::Back,               Always,                          true,  "Hủy, chưa nộp"),
    // DeskFiles
    bind(DeskFiles,   &[(Up, NONE), (Char('k'), NONE)],                          "↑/k",     C::Up,                 Always,                          false, "Tệp trên"),
    bind(DeskFiles,   &[(Down, NONE), (Char('j'), NONE)],                        "↓/j",     C::Down,               Always,                          false, "Tệp dưới"),
    bind(DeskFiles,   &[(Enter, NONE)],                                          "Enter",   C::Open,               Always,                          true,  "Xem trước việc nhập tệp đang chọn (chưa ghi gì)"),
    bind(DeskFiles,   &[(Char('r'), NONE)],                                      "r",       C::Reload,             Always,                          true,  "Đọc lại thư mục /nhap"),
    bind(DeskFiles,   &[(Esc, NONE)],                                            "Esc",     C::Back,               Always,                          true,  "Về bàn làm việc"),
    // DeskKind
    bind(DeskKind,    &[(Up, NONE), (Char('k'), NONE)],                          "↑/k",     C::Up,                 Always,                          false, "Loại trên"),
    bind(DeskKind,    &[(Down, NONE), (Char('j'), NONE)],                        "↓/j",     C::Down,               Always,                          false, "Loại dưới"),
    bind(DeskKind,    &[(Enter, NONE)],                                          "Enter",   C::Open,               Always,                          true,  "Xem trước với loại này"),
    bind(DeskKind,    &[(Esc, NONE)],                                            "Esc",     C::Back,               Always,                          true,  "Về danh sách tệp"),
    // DeskPreview
    bind(DeskPreview, &[(Enter, NONE), (Char('s'), CTRL)],                       "y Enter", C::Confirm,            Always,                          true,  "Gõ y rồi Enter để nhập thật (một giao dịch, ghi nhật ký)"),
    bind(DeskPreview, &[(Esc, NONE)],                                            "Esc",     C::Back,               Always,                          true,  "Thôi, không nhập"),
    // DeskProblems
    bind(DeskProblems, &[(Up, NONE), (Char('k'), NONE)],                         "↑/k",     C::Up,                 Always,                          false, "Lỗi trên"),
    bind(DeskProblems, &[(Down, NONE), (Char('j'), NONE)],                       "↓/j",     C::Down,               Always,                          true,  "Lỗi dưới"),
    bind(DeskProblems, &[(PageUp, NONE), (Char('u'), CTRL)],                     "PgUp",    C::PageUp,             Always,                          false, "Lên một trang"),
    bind(DeskProblems, &[(PageDown, NONE), (Char('d'), CTRL)],                   "PgDn",    C::PageDown,           Always,                          false, "Xuống một trang"),
    bind(DeskProblems, &[(Esc, NONE), (Char('q'), NONE)],                        "Esc",     C::Back,               Always,                          true,  "Về danh sách tệp"),
    // DeskUsers
    bind(DeskUsers,   &[(Up, NONE), (Char('k'), NONE)],                          "↑/k",     C::Up,                 Always,                          false, "Người trên"),
    bind(DeskUsers,   &[(Down, NONE), (Char('j'), NONE)],                        "↓/j",     C::Down,               Always,                          false, "Người dưới"),
    bind(DeskUsers,   &[(Char('a'), NONE)],                                      "a",       C::AddUser,            May(W::ManageUsers, ANY_DESK),   true,  "Thêm người dùng"),
    bind(DeskUsers,   &[(Char('d'), NONE), (Delete, NONE)],                      "d",       C::RemoveUser,         May(W::ManageUsers, ANY_DESK),   true,  "Xóa người dùng đang chọn (hỏi lại)"),
    bind(DeskUsers,   &[(Esc, NONE)],                                            "Esc",     C::Back,               Always,                          true,  "Về bàn làm việc"),
    // DeskRemove
    bind(DeskRemove,  &[(Enter, NONE)],                                          "y Enter", C::Confirm,            Always,                          true,  "Gõ y rồi Enter để xóa"),
    bind(DeskRemove,  &[(Esc, NONE)],                                            "Esc",     C::Back,               Always,                          true,  "Thôi, không xóa"),
    // DeskForm
    bind(DeskForm,    &[(Char('s'), CTRL), (Enter, NONE)],                       "Enter",   C::Save,               Always,                          true,  "Ghi (Ctrl-S)"),
    bind(DeskForm,    &[(Tab, NONE), (BackTab, SHIFT), (BackTab, NONE)],         "Tab",     C::NextField,          Always,                          true,  "Ô sau"),
    bind(DeskForm,    &[(Esc, NONE)],                                            "Esc",     C::Back,               Always,                          true,  "Đóng (hỏi nếu có thay đổi chưa ghi)"),
    // DeskPapers
    bind(DeskPapers,  &[(Up, NONE), (Char('k'), NONE)],                          "↑/k",     C::Up,                 Always,                          false, "Văn bản trên"),
    bind(DeskPapers,  &[(Down, NONE), (Char('j'), NONE)],                        "↓/j",     C::Down,               Always,                          false, "Văn bản dưới"),
    bind(DeskPapers,  &[(Enter, NONE)],                                          "Enter",   C::Open,               Always,                          true,  "Xuất văn bản đang chọn vào /xuat"),
    bind(DeskPapers,  &[(Char('n'), NONE)],                                      "n",       C::PaperNumbers,       May(W::RoundSettings, ANY_DESK), true,  "Đặt số văn bản, người ký, ngày ban hành của văn bản đang chọn"),
    bind(DeskPapers,  &[(Esc, NONE)],                                            "Esc",     C::Back,               Always,                          true,  "Về bàn làm việc"),
    // DeskNotice
    bind(DeskNotice,  &[(Esc, NONE), (Enter, NONE)],                             "Esc",     C::Back,               Always,                          true,  "Đã chép, về danh sách người dùng"),
    // History
    bind(History,     &[(Esc, NONE), (Char('q'), NONE), (F(3), NONE)],           "Esc",     C::Back,               Always,                          true,  "Đóng lịch sử"),
    bind(History,     &[(Up, NONE), (Char('k'), NONE)],                          "↑/k",     C::Up,                 Always,                          true,  "Cuộn lên"),
    bind(History,     &[(Down, NONE), (Char('j'), NONE)],                        "↓/j",     C::Down,               Always,                          true,  "Cuộn xuống"),
    bind(History,     &[(PageUp, NONE), (Char('u'), CTRL)],                      "PgUp",    C::PageUp,             Always,                          false, "Lên một trang"),
    bind(History,     &[(PageDown, NONE), (Char('d'), CTRL)],                    "PgDn",    C::PageDown,           Always,                          false, "Xuống một trang"),
    bind(History,     &[(Home, NONE), (Char('g'), NONE)],                        "g/Home",  C::Top,                Always,                          false, "Đầu"),
    bind(History,     &[(End, NONE), (Char('G'), SHIFT), (Char('G'), NONE)],     "G/End",   C::Bottom,             Always,                          false, "Cuối"),
    // Help
    bind(Paths,       &[(Esc, NONE), (Char('q'), NONE), (F(6), NONE)],           "Esc",     C::Back,               Always,                          true,  "Đóng"),
    bind(Paths,       &[(Up, NONE), (Char('k'), NONE)],                          "↑/k",     C::Up,                 Always,                          true,  "Tệp trên"),
    bind(Paths,       &[(Down, NONE), (Char('j'), NONE)],                        "↓/j",     C::Down,               Always,                          true,  "Tệp dưới"),
    bind(Paths,       &[(Enter, NONE), (Char('y'), NONE)],                       "Enter",   C::DownloadPath,       Always,                          true,  "Sao chép lệnh tải tệp đang chọn vào bộ nhớ tạm (nếu terminal cho phép)"),
    bind(Help,        &[(Esc, NONE), (Char('?'), NONE), (Char('q'), NONE), (F(1), NONE)], "Esc",     C::Back,               Always,                          true,  "Đóng trợ giúp"),
    bind(Help,        &[(Up, NONE), (Char('k'), NONE)],                          "↑/k",     C::Up,                 Always,                          true,  "Cuộn lên"),
    bind(Help,        &[(Down, NONE), (Char('j'), NONE)],                        "↓/j",     C::Down,               Always,                          true,  "Cuộn xuống"),
    bind(Help,        &[(PageUp, NONE), (Char('u'), CTRL)],                      "PgUp",    C::PageUp,             Always,                          false, "Lên một trang"),
    bind(Help,        &[(PageDown, NONE), (Char('d'), CTRL)],                    "PgDn",    C::PageDown,           Always,                          false, "Xuống một trang"),
    bind(Help,        &[(Home, NONE), (Char('g'), NONE)],                        "g/Home",  C::Top,                Always,                          false, "Đầu"),
    bind(Help,        &[(End, NONE), (Char('G'), SHIFT), (Char('G'), NONE)],     "G/End",   C::Bottom,             Always,                          false, "Cuối"),
    // ConfirmQuit
    bind(ConfirmQuit, &[(Char('y'), NONE), (Char('c'), NONE)],                   "y",       C::Yes,                Always,                          true,  "Thoát, bỏ thay đổi chưa lưu"),
    bind(ConfirmQuit, &[(Char('n'), NONE), (Esc, NONE)],                         "n",       C::No,                 Always,                          true,  "Ở lại"),
];

/// The binding of a key in a context, if any (whether it acts now is `App::acts`).
pub fn binding_for(context: Context, key: KeyEvent) -> Option<&'static Binding> {
    let modifiers = key.modifiers & (KeyModifiers::SHIFT | KeyModifiers::CONTROL | KeyModifiers::ALT);
    BINDINGS
        .iter()
        .filter(|binding| binding.context == context)
        .find(|binding| binding.keys.iter().any(|(code, mods)| *code == key.code && *mods == modifiers))
}

/// The bindings of a context, in table order.
pub fn bindings(context: Context) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |binding| binding.context == context)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_means_two_things_in_one_context() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                if a.context == b.context {
                    for key in a.keys {
                        assert!(!b.keys.contains(key), "{:?} {key:?} bound to {} and {}", a.context, a.label, b.label);
                    }
                }
            }
        }
    }

    #[test]
    fn every_context_has_a_way_out() {
        for context in [
            Picker,
            List,
            Form,
            Comment,
            Filter,
            Ties,
            Facts,
            Grades,
            Help,
            History,
            Paths,
            ConfirmQuit,
            Unit,
            Approve,
            DeskFiles,
            DeskKind,
            DeskPreview,
            DeskProblems,
            DeskUsers,
            DeskRemove,
            DeskForm,
            DeskNotice,
        ] {
            assert!(
                bindings(context).any(|b| matches!(b.command, C::Back | C::Quit | C::No)),
                "{context:?} has no way out"
            );
        }
    }
}
