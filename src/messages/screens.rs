//! The words of the screens' frame (issue 22 items 17–18): the hint bar's closing key and the short names of
//! keys when the bar is narrow, the history's scroll hint, and the unit's submit prompt listing what blocks it.

use super::Lang;

/// The hint bar's last entry, after the help key: the keys the bar had no room for are in the help.
pub fn more_keys(lang: Lang) -> &'static str {
    lang.pick("thêm phím", "more keys")
}

/// A key's short name for a narrow hint bar, by the command it gives (`Command`'s name); None: the bar
/// shortens the help's description itself.
pub fn short_hint(command: &str, lang: Lang) -> Option<&'static str> {
    let (vi, en) = match command {
        "Quit" => ("Thoát", "Quit"),
        "NextPane" => ("Khung sau", "Next pane"),
        "Approve" => ("Phê duyệt", "Approve"),
        "EditFacts" => ("Sự kiện", "Facts"),
        "ViewUnit" => ("Hồ sơ", "File"),
        "Filter" => ("Lọc", "Filter"),
        "CycleStatus" => ("Trạng thái", "Status"),
        "NextOpen" => ("Mục chưa chấm", "Next open"),
        "NextUnit" => ("Đơn vị sau", "Next unit"),
        "SubmitSelfAssessment" => ("Nộp", "Submit"),
        "ExportOwnSheet" => ("Biểu của đơn vị", "Own sheet"),
        "History" => ("Lịch sử", "History"),
        "OverrideGrade" => ("Điều chỉnh xếp loại", "Override grade"),
        "ExportSheet" => ("Xuất biểu", "Export sheet"),
        "ExportAllSheets" => ("Xuất mọi biểu", "Export all sheets"),
        "ExportRanking" => ("Xuất xếp hạng", "Export ranking"),
        "Save" => ("Lưu", "Save"),
        "NextField" => ("Ô sau", "Next field"),
        "Back" => ("Đóng", "Close"),
        "OfferedReason" => ("Lý do thiếu hồ sơ", "Missing-file reason"),
        "Withdraw" => ("Rút", "Withdraw"),
        "AddDocument" => ("Thêm tài liệu", "Add document"),
        "RemoveDocument" => ("Bỏ tài liệu", "Remove document"),
        "ToggleChart" => ("Biểu đồ", "Chart"),
        _ => return None,
    };
    Some(lang.pick(vi, en))
}

/// The history overlay's title: what it shows, and the keys that scroll it when it is longer than the screen.
pub fn history_title(title: &str, shown: Option<(usize, usize, usize)>, lang: Lang) -> String {
    match (shown, lang) {
        (None, Lang::Vi) => format!(" Lịch sử — {title} (giờ Việt Nam) — Esc để đóng "),
        (None, Lang::En) => format!(" History — {title} (Vietnam time) — Esc to close "),
        (Some((first, last, total)), Lang::Vi) => format!(
            " Lịch sử — {title} (giờ Việt Nam) · dòng {first}–{last}/{total} · ↑/↓ PgUp/PgDn Home/End để cuộn · Esc để đóng "
        ),
        (Some((first, last, total)), Lang::En) => format!(
            " History — {title} (Vietnam time) · rows {first}–{last}/{total} · ↑/↓ PgUp/PgDn Home/End to scroll · Esc to close "
        ),
    }
}

/// The submit prompt, before Enter: the components still without a self-score (`first` of `missing`), or that
/// every component is scored.
pub fn submit_blockers(missing: usize, first: &[String], lang: Lang) -> String {
    let more = if missing > first.len() { ", …" } else { "" };
    match (missing, lang) {
        (0, Lang::Vi) => "Mọi tiêu chí thành phần đã tự chấm điểm.".to_string(),
        (0, Lang::En) => "Every component has a self-score.".to_string(),
        (_, Lang::Vi) => format!(
            "Chưa nộp được: còn {missing} tiêu chí thành phần chưa tự chấm điểm ({}{more}). Esc, rồi chấm từng tiêu chí.",
            first.join(", ")
        ),
        (_, Lang::En) => format!(
            "Cannot submit yet: {missing} components have no self-score ({}{more}). Esc, then score each one.",
            first.join(", ")
        ),
    }
}
