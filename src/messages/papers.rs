//! What the council's papers say to the person exporting them: refusals and the lines `export report|proposal|
//! decision|minutes|notice|publication` print.

use super::Lang;
use crate::store::papers::PaperRefusal;
use std::path::Path;

/// A paper refused, in Vietnamese (the English words are the refusal's own `Display`).
pub fn refusal(why: &PaperRefusal) -> String {
    match why {
        PaperRefusal::NothingApproved => "chưa có khối nào được phê duyệt: trang công bố chỉ đăng kết quả đã phê duyệt (thamdinh approve --bloc KHỐI)".into(),
        PaperRefusal::SettingsInvalid { why } => format!("tệp papers.toml của quy chế không đọc được: {why}"),
        PaperRefusal::NotAFolder { folder } => {
            format!("{folder}: không phải thư mục; --all ghi mỗi đơn vị một thông báo vào một thư mục")
        }
        PaperRefusal::NoticeOfWhom => {
            "hãy nêu đơn vị (--unit=MÃ) hoặc xuất cho mọi đơn vị (--all --out=THƯ_MỤC)".into()
        }
        PaperRefusal::NotAPaper { file, why } => {
            format!("{file}: không phải văn bản do thamdinh xuất (không có khối kiểm tra): {}", super::cause_vi(why))
        }
        PaperRefusal::NoPaperSetting => super::desk_more::NO_PAPER_SETTING_VI.into(),
        PaperRefusal::NumberNotValid { value, why } => super::desk_more::number_refused_vi(value, why),
        PaperRefusal::SignerNotValid { why } => format!("họ tên người ký bị từ chối: {why}"),
        PaperRefusal::IssuedNotADate { value } => {
            format!("ngày ban hành {value:?} không phải là ngày ({})", super::DATE_SPELLING_VI)
        }
    }
}

/// One paper written: where, its hash and audit head, and whether it is a draft.
pub fn written(lang: Lang, file: &Path, draft: bool, hash: &str, head: Option<&str>) -> String {
    let head = head.unwrap_or(lang.pick("không có", "none"));
    let shown = file.display();
    match (lang, draft) {
        (Lang::Vi, true) => {
            format!("{shown}: đã ghi (DỰ THẢO: có khối chưa phê duyệt); SHA-256 {hash}; mã nhật ký {head}")
        }
        (Lang::Vi, false) => format!("{shown}: đã ghi; SHA-256 {hash}; mã nhật ký {head}"),
        (Lang::En, true) => {
            format!("{shown}: written (DRAFT: a bloc is not approved); SHA-256 {hash}; audit head {head}")
        }
        (Lang::En, false) => format!("{shown}: written; SHA-256 {hash}; audit head {head}"),
    }
}

/// `export notice --all`: how many notices went into the folder.
pub fn notices_written(lang: Lang, folder: &Path, count: usize) -> String {
    let shown = folder.display();
    match lang {
        Lang::Vi => format!("{shown}: đã ghi {count} thông báo kết quả"),
        Lang::En => format!("{shown}: {count} notices written"),
    }
}

/// The interface's status line after the unit's own sheet was written.
pub fn unit_sheet_written(lang: Lang, file: &Path) -> String {
    match lang {
        Lang::Vi => format!("Đã xuất biểu tự chấm điểm của đơn vị: {}", file.display()),
        Lang::En => format!("The unit's score sheet was written: {}", file.display()),
    }
}
