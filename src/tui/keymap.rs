//! The one table of keys: dispatch, the help overlay and the hint bar are all read from it, so they never drift.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where the keyboard is: each context has its own bindings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Picker,
    List,
    Form,
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
}

pub struct Binding {
    pub context: Context,
    pub keys: &'static [(KeyCode, KeyModifiers)],
    /// How the key is written in the help and the hint bar.
    pub label: &'static str,
    pub command: Command,
    /// What it does, in the council's words.
    pub description: &'static str,
    /// Shown in the one-line hint bar.
    pub hint: bool,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;

use Command as C;
use Context::*;
use KeyCode::*;

pub static BINDINGS: &[Binding] = &[
    Binding {
        context: List,
        keys: &[(Char('a'), NONE)],
        label: "a",
        command: C::Approve,
        description: "Phê duyệt kết quả của khối (Chủ tịch)",
        hint: false,
    },
    Binding {
        context: Picker,
        keys: &[(Up, NONE), (Char('k'), NONE)],
        label: "↑/k",
        command: C::Up,
        description: "Lên",
        hint: false,
    },
    Binding {
        context: Picker,
        keys: &[(Down, NONE), (Char('j'), NONE)],
        label: "↓/j",
        command: C::Down,
        description: "Xuống",
        hint: false,
    },
    Binding {
        context: Picker,
        keys: &[(Enter, NONE)],
        label: "Enter",
        command: C::Open,
        description: "Làm việc với tư cách người này (chỉ dữ liệu minh họa)",
        hint: true,
    },
    Binding {
        context: Picker,
        keys: &[(Char('q'), NONE), (Esc, NONE)],
        label: "q",
        command: C::Quit,
        description: "Thoát",
        hint: true,
    },
    Binding {
        context: List,
        keys: &[(Char('?'), NONE)],
        label: "?",
        command: C::Help,
        description: "Trợ giúp phím",
        hint: true,
    },
    Binding {
        context: List,
        keys: &[(Char('q'), NONE)],
        label: "q",
        command: C::Quit,
        description: "Thoát",
        hint: true,
    },
    Binding {
        context: List,
        keys: &[(Up, NONE), (Char('k'), NONE)],
        label: "↑/k",
        command: C::Up,
        description: "Lên một dòng",
        hint: false,
    },
    Binding {
        context: List,
        keys: &[(Down, NONE), (Char('j'), NONE)],
        label: "↓/j",
        command: C::Down,
        description: "Xuống một dòng",
        hint: false,
    },
    Binding {
        context: List,
        keys: &[(Left, NONE), (Char('h'), NONE)],
        label: "←/h",
        command: C::Left,
        description: "Khối trước",
        hint: false,
    },
    Binding {
        context: List,
        keys: &[(Right, NONE), (Char('l'), NONE)],
        label: "→/l",
        command: C::Right,
        description: "Khối sau",
        hint: false,
    },
    Binding {
        context: List,
        keys: &[(Home, NONE), (Char('g'), NONE)],
        label: "g/Home",
        command: C::Top,
        description: "Đầu danh sách",
        hint: false,
    },
    Binding {
        context: List,
        keys: &[(PageUp, NONE)],
        label: "PgUp",
        command: C::PageUp,
        description: "Lên một trang",
        hint: false,
    },
    Binding {
        context: List,
        keys: &[(PageDown, NONE)],
        label: "PgDn",
        command: C::PageDown,
        description: "Xuống một trang",
        hint: false,
    },
    Binding {
        context: List,
        keys: &[(Char('u'), CTRL)],
        label: "C-u",
        command: C::HalfPageUp,
        description: "Lên nửa trang",
        hint: false,
    },
    Binding {
        context: List,
        keys: &[(Char('d'), CTRL)],
        label: "C-d",
        command: C::HalfPageDown,
        description: "Xuống nửa trang",
        hint: false,
    },
    Binding {
        context: List,
        keys: &[(End, NONE), (Char('G'), SHIFT), (Char('G'), NONE)],
        label: "G/End",
        command: C::Bottom,
        description: "Cuối danh sách",
        hint: false,
    },
    Binding {
        context: Picker,
        keys: &[(Home, NONE), (Char('g'), NONE)],
        label: "g/Home",
        command: C::Top,
        description: "Đầu danh sách",
        hint: false,
    },
    Binding {
        context: Picker,
        keys: &[(End, NONE), (Char('G'), SHIFT), (Char('G'), NONE)],
        label: "G/End",
        command: C::Bottom,
        description: "Cuối danh sách",
        hint: false,
    },
    Binding {
        context: Picker,
        keys: &[(PageUp, NONE), (Char('u'), CTRL)],
        label: "PgUp",
        command: C::PageUp,
        description: "Lên một trang",
        hint: false,
    },
    Binding {
        context: Picker,
        keys: &[(PageDown, NONE), (Char('d'), CTRL)],
        label: "PgDn",
        command: C::PageDown,
        description: "Xuống một trang",
        hint: false,
    },
    Binding {
        context: List,
        keys: &[(Tab, NONE)],
        label: "Tab",
        command: C::NextPane,
        description: "Khung sau",
        hint: true,
    },
    Binding {
        context: List,
        keys: &[(BackTab, SHIFT), (BackTab, NONE)],
        label: "S-Tab",
        command: C::PreviousPane,
        description: "Khung trước",
        hint: false,
    },
    Binding {
        context: List,
        keys: &[(Char('1'), NONE)],
        label: "1",
        command: C::Pane1,
        description: "Khung 1",
        hint: false,
    },
    Binding {
        context: List,
        keys: &[(Char('2'), NONE)],
        label: "2",
        command: C::Pane2,
        description: "Khung 2",
        hint: false,
    },
    Binding {
        context: List,
        keys: &[(Char('3'), NONE)],
        label: "3",
        command: C::Pane3,
        description: "Khung 3",
        hint: false,
    },
    Binding {
        context: List,
        keys: &[(Char('4'), NONE)],
        label: "4",
        command: C::Pane4,
        description: "Khung 4",
        hint: false,
    },
    Binding {
        context: List,
        keys: &[(Enter, NONE)],
        label: "Enter",
        command: C::Open,
        description: "Mở mục đang chọn: phiếu chấm (thành viên), hồ sơ đơn vị (xếp hạng, tiến độ), sắp thứ tự bằng điểm",
        hint: true,
    },
    Binding {
        context: List,
        keys: &[(Char('v'), NONE)],
        label: "v",
        command: C::ViewUnit,
        description: "Xem hồ sơ đơn vị (chỉ đọc)",
        hint: true,
    },
    Binding {
        context: List,
        keys: &[(Char('/'), NONE)],
        label: "/",
        command: C::Filter,
        description: "Lọc",
        hint: true,
    },
    Binding {
        context: List,
        keys: &[(Char('s'), NONE)],
        label: "s",
        command: C::CycleStatus,
        description: "Trạng thái",
        hint: true,
    },
    Binding {
        context: List,
        keys: &[(Esc, NONE)],
        label: "Esc",
        command: C::Back,
        description: "Bỏ lọc / trở lại",
        hint: false,
    },
    Binding {
        context: Form,
        keys: &[(Char('s'), CTRL)],
        label: "C-s",
        command: C::Save,
        description: "Lưu và sang mục sau",
        hint: true,
    },
    Binding {
        context: Form,
        keys: &[(Tab, NONE), (BackTab, SHIFT), (BackTab, NONE)],
        label: "Tab",
        command: C::NextField,
        description: "Điểm ⇄ lý do trừ điểm",
        hint: true,
    },
    Binding {
        context: Form,
        keys: &[(Esc, NONE)],
        label: "Esc",
        command: C::Back,
        description: "Đóng phiếu (bỏ thay đổi chưa lưu)",
        hint: true,
    },
    Binding {
        context: Form,
        keys: &[(F(1), NONE)],
        label: "F1",
        command: C::Help,
        description: "Trợ giúp phím",
        hint: true,
    },
    Binding {
        context: Filter,
        keys: &[(Enter, NONE)],
        label: "Enter",
        command: C::Confirm,
        description: "Giữ bộ lọc",
        hint: true,
    },
    Binding {
        context: Filter,
        keys: &[(Esc, NONE)],
        label: "Esc",
        command: C::Back,
        description: "Bỏ lọc",
        hint: true,
    },
    Binding {
        context: Ties,
        keys: &[(Up, NONE), (Char('k'), NONE)],
        label: "↑/k",
        command: C::Up,
        description: "Chọn đơn vị trên",
        hint: false,
    },
    Binding {
        context: Ties,
        keys: &[(Down, NONE), (Char('j'), NONE)],
        label: "↓/j",
        command: C::Down,
        description: "Chọn đơn vị dưới",
        hint: false,
    },
    Binding {
        context: Ties,
        keys: &[(Char('K'), SHIFT), (Char('K'), NONE)],
        label: "K",
        command: C::MoveUp,
        description: "Đưa đơn vị lên",
        hint: true,
    },
    Binding {
        context: Ties,
        keys: &[(Char('J'), SHIFT), (Char('J'), NONE)],
        label: "J",
        command: C::MoveDown,
        description: "Đưa đơn vị xuống",
        hint: true,
    },
    Binding {
        context: Ties,
        keys: &[(Enter, NONE)],
        label: "Enter",
        command: C::Confirm,
        description: "Xác nhận thứ tự",
        hint: true,
    },
    Binding { context: Ties, keys: &[(Esc, NONE)], label: "Esc", command: C::Back, description: "Hủy", hint: true },
    Binding {
        context: Ties,
        keys: &[(Char('v'), NONE)],
        label: "v",
        command: C::ViewUnit,
        description: "Xem hồ sơ đơn vị đang chọn",
        hint: true,
    },
    Binding {
        context: Unit,
        keys: &[(Up, NONE), (Char('k'), NONE)],
        label: "↑/k",
        command: C::Up,
        description: "Tiêu chí thành phần trên",
        hint: false,
    },
    Binding {
        context: Unit,
        keys: &[(Down, NONE), (Char('j'), NONE)],
        label: "↓/j",
        command: C::Down,
        description: "Tiêu chí thành phần dưới",
        hint: false,
    },
    Binding {
        context: Unit,
        keys: &[(PageUp, NONE), (Char('u'), CTRL)],
        label: "PgUp",
        command: C::PageUp,
        description: "Lên nhiều mục",
        hint: false,
    },
    Binding {
        context: Unit,
        keys: &[(PageDown, NONE), (Char('d'), CTRL)],
        label: "PgDn",
        command: C::PageDown,
        description: "Xuống nhiều mục",
        hint: false,
    },
    Binding {
        context: Unit,
        keys: &[(Home, NONE), (Char('g'), NONE)],
        label: "g/Home",
        command: C::Top,
        description: "Đầu hồ sơ",
        hint: false,
    },
    Binding {
        context: Unit,
        keys: &[(End, NONE), (Char('G'), SHIFT), (Char('G'), NONE)],
        label: "G/End",
        command: C::Bottom,
        description: "Cuối hồ sơ",
        hint: false,
    },
    Binding {
        context: Unit,
        keys: &[(Esc, NONE), (Char('q'), NONE)],
        label: "Esc",
        command: C::Back,
        description: "Đóng hồ sơ",
        hint: true,
    },
    Binding {
        context: Unit,
        keys: &[(F(3), NONE)],
        label: "F3",
        command: C::History,
        description: "Lịch sử của mục đang chọn",
        hint: true,
    },
    Binding {
        context: Unit,
        keys: &[(Char('c'), NONE)],
        label: "c",
        command: C::ToggleChart,
        description: "Biểu đồ tự đánh giá / thẩm định theo tiêu chí",
        hint: true,
    },
    Binding {
        context: Unit,
        keys: &[(Char('?'), NONE), (F(1), NONE)],
        label: "?",
        command: C::Help,
        description: "Trợ giúp phím",
        hint: false,
    },
    Binding {
        context: Approve,
        keys: &[(Enter, NONE), (Char('s'), CTRL)],
        label: "y Enter",
        command: C::Confirm,
        description: "Gõ y rồi Enter (hoặc C-s) để phê duyệt",
        hint: true,
    },
    Binding {
        context: Approve,
        keys: &[(Esc, NONE)],
        label: "Esc",
        command: C::Back,
        description: "Hủy, không phê duyệt",
        hint: true,
    },
    Binding {
        context: List,
        keys: &[(Char('f'), NONE)],
        label: "f",
        command: C::EditFacts,
        description: "Ghi nhận sự kiện của đơn vị (kỷ luật, thành tích…)",
        hint: false,
    },
    Binding {
        context: List,
        keys: &[(Char('o'), NONE)],
        label: "o",
        command: C::OverrideGrade,
        description: "Điều chỉnh xếp loại tiêu chí (Chủ tịch)",
        hint: false,
    },
    Binding {
        context: Facts,
        keys: &[(Up, NONE), (Char('k'), NONE)],
        label: "↑/k",
        command: C::Up,
        description: "Lên",
        hint: false,
    },
    Binding {
        context: Facts,
        keys: &[(Down, NONE), (Char('j'), NONE)],
        label: "↓/j",
        command: C::Down,
        description: "Xuống",
        hint: false,
    },
    Binding {
        context: Facts,
        keys: &[(Char(' '), NONE), (Enter, NONE)],
        label: "Space",
        command: C::Cycle,
        description: "Đổi giá trị",
        hint: true,
    },
    Binding {
        context: Facts,
        keys: &[(Char('+'), NONE), (Char('+'), SHIFT)],
        label: "+",
        command: C::Increase,
        description: "Tăng số",
        hint: true,
    },
    Binding {
        context: Facts,
        keys: &[(Char('-'), NONE)],
        label: "-",
        command: C::Decrease,
        description: "Giảm số",
        hint: true,
    },
    Binding {
        context: Facts,
        keys: &[(Char('s'), CTRL)],
        label: "C-s",
        command: C::Save,
        description: "Lưu",
        hint: true,
    },
    Binding { context: Facts, keys: &[(Esc, NONE)], label: "Esc", command: C::Back, description: "Đóng", hint: true },
    Binding {
        context: Facts,
        keys: &[(Tab, NONE), (BackTab, SHIFT), (BackTab, NONE)],
        label: "Tab",
        command: C::NextField,
        description: "Sự kiện ⇄ lý do xếp loại lại (khối đã phê duyệt, Điều 10.4)",
        hint: false,
    },
    Binding {
        context: Grades,
        keys: &[(Up, NONE)],
        label: "↑",
        command: C::Up,
        description: "Tiêu chí trên",
        hint: false,
    },
    Binding {
        context: Grades,
        keys: &[(Down, NONE)],
        label: "↓",
        command: C::Down,
        description: "Tiêu chí dưới",
        hint: false,
    },
    Binding {
        context: Grades,
        keys: &[(F(2), NONE)],
        label: "F2",
        command: C::Cycle,
        description: "Đổi xếp loại",
        hint: true,
    },
    Binding {
        context: Grades,
        keys: &[(Char('s'), CTRL)],
        label: "C-s",
        command: C::Save,
        description: "Lưu điều chỉnh",
        hint: true,
    },
    Binding {
        context: Grades,
        keys: &[(Char('d'), CTRL)],
        label: "C-d",
        command: C::RemoveOverride,
        description: "Bỏ điều chỉnh (về đề xuất)",
        hint: false,
    },
    Binding {
        context: Grades, keys: &[(Esc, NONE)], label: "Esc", command: C::Back, description: "Đóng", hint: true
    },
    Binding {
        context: List,
        keys: &[(F(3), NONE)],
        label: "F3",
        command: C::History,
        description: "Lịch sử thay đổi của mục đang chọn (ai, khi nào, cũ → mới, lý do); trên bảng xếp hạng: của cả đơn vị",
        hint: false,
    },
    Binding {
        context: Form,
        keys: &[(F(2), NONE)],
        label: "F2",
        command: C::OfferedReason,
        description: "Hồ sơ thiếu: điền lý do trừ điểm “không có tài liệu kiểm chứng” (có thể sửa)",
        hint: false,
    },
    Binding {
        context: Form,
        keys: &[(Char('d'), CTRL)],
        label: "C-d",
        command: C::Withdraw,
        description: "Rút kết quả thẩm định đã ghi (cơ quan thẩm định, khối chưa phê duyệt): nhập lý do rồi C-s",
        hint: false,
    },
    Binding {
        context: Form,
        keys: &[(F(3), NONE)],
        label: "F3",
        command: C::History,
        description: "Lịch sử thay đổi của tiêu chí này",
        hint: true,
    },
    Binding {
        context: History,
        keys: &[(Esc, NONE), (Char('q'), NONE), (F(3), NONE)],
        label: "Esc",
        command: C::Back,
        description: "Đóng lịch sử",
        hint: true,
    },
    Binding {
        context: List,
        keys: &[(Char('x'), NONE)],
        label: "x",
        command: C::ExportSheet,
        description: "Xuất biểu chấm điểm của đơn vị (.xlsx)",
        hint: false,
    },
    Binding {
        context: List,
        keys: &[(Char('X'), SHIFT), (Char('X'), NONE)],
        label: "X",
        command: C::ExportAllSheets,
        description: "Xuất biểu chấm điểm mọi đơn vị (.xlsx)",
        hint: false,
    },
    Binding {
        context: List,
        keys: &[(Char('e'), NONE)],
        label: "e",
        command: C::ExportRanking,
        description: "Xuất kết quả xếp hạng (.xlsx)",
        hint: false,
    },
    Binding {
        context: Help,
        keys: &[(Esc, NONE), (Char('?'), NONE), (Char('q'), NONE), (F(1), NONE)],
        label: "Esc",
        command: C::Back,
        description: "Đóng trợ giúp",
        hint: true,
    },
    Binding {
        context: ConfirmQuit,
        keys: &[(Char('y'), NONE), (Char('c'), NONE)],
        label: "y",
        command: C::Yes,
        description: "Thoát, bỏ thay đổi chưa lưu",
        hint: true,
    },
    Binding {
        context: ConfirmQuit,
        keys: &[(Char('n'), NONE), (Esc, NONE)],
        label: "n",
        command: C::No,
        description: "Ở lại",
        hint: true,
    },
];

/// The command a key means in a context, if any.
pub fn command_for(context: Context, key: KeyEvent) -> Option<Command> {
    let modifiers = key.modifiers & (KeyModifiers::SHIFT | KeyModifiers::CONTROL | KeyModifiers::ALT);
    BINDINGS
        .iter()
        .filter(|binding| binding.context == context)
        .find(|binding| binding.keys.iter().any(|(code, mods)| *code == key.code && *mods == modifiers))
        .map(|binding| binding.command)
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
        for context in [Picker, List, Form, Filter, Ties, Facts, Grades, Help, History, ConfirmQuit, Unit, Approve] {
            assert!(
                bindings(context).any(|b| matches!(b.command, C::Back | C::Quit | C::No)),
                "{context:?} has no way out"
            );
        }
    }
}
