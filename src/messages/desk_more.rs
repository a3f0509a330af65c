//! The desk's further words (issues 24, 25): the papers' numbers and signers, the download path of a document,
//! and what `round show` says of them. Vietnamese and English.

use super::Lang;
use crate::domain::calendar::shown_vietnamese;
use crate::store::paper_settings::{NumberFault, PaperNumbering, PaperSlot};

/// `round paper` (or the desk's form) with nothing typed.
pub const NO_PAPER_SETTING_VI: &str =
    "cần ít nhất một trong --number SỐ, --signer \"HỌ TÊN\", --issued NGÀY (dấu - để xóa một giá trị)";

/// Why a document number was refused.
pub fn number_refused_vi(value: &str, why: &NumberFault) -> String {
    match why {
        NumberFault::Text(why) => format!("số văn bản {value:?} bị từ chối: {why}"),
        NumberFault::TooLong { limit } => format!("số văn bản {value:?} dài quá {limit} ký tự"),
        NumberFault::HasSeparator => format!(
            "số văn bản {value:?}: chỉ ghi phần số (vd. 125); văn bản tự thêm ký hiệu /BC-HĐTĐ, không có dấu cách"
        ),
    }
}

/// A kind of paper as people name it.
pub fn paper_name(lang: Lang, slot: PaperSlot) -> &'static str {
    match (lang, slot) {
        (Lang::Vi, PaperSlot::Report) => "Báo cáo kết quả thẩm định",
        (Lang::Vi, PaperSlot::Proposal) => "Tờ trình",
        (Lang::Vi, PaperSlot::Decision) => "Quyết định công nhận kết quả",
        (Lang::Vi, PaperSlot::Minutes) => "Biên bản họp Hội đồng",
        (Lang::Vi, PaperSlot::Notice) => "Thông báo kết quả cho đơn vị",
        (Lang::En, PaperSlot::Report) => "Appraisal report",
        (Lang::En, PaperSlot::Proposal) => "Proposal",
        (Lang::En, PaperSlot::Decision) => "Decision recognising the results",
        (Lang::En, PaperSlot::Minutes) => "Minutes of the council's meeting",
        (Lang::En, PaperSlot::Notice) => "Notice of its result to a unit",
    }
}

/// One paper's settings on a line: `Báo cáo …: số 125/BC-HĐTĐ; người ký Nguyễn Văn A; ngày ban hành 05/12/2026`.
/// `number` is the document number as it prints, when set.
pub fn paper_line(lang: Lang, slot: PaperSlot, numbering: &PaperNumbering, number: Option<&str>) -> String {
    let name = paper_name(lang, slot);
    if numbering.is_empty() {
        return match lang {
            Lang::Vi => format!("{name}: chưa đặt (văn bản in dòng chấm chấm)"),
            Lang::En => format!("{name}: not set (the paper prints dotted lines)"),
        };
    }
    let number = number.unwrap_or("—");
    let signer = numbering.signer.as_deref().unwrap_or("—");
    // Dates read dd/mm/yyyy in both languages.
    let issued = numbering.issued_on.as_deref().map_or_else(|| "—".to_string(), shown_vietnamese);
    match lang {
        Lang::Vi => format!("{name}: số {number}; người ký {signer}; ngày ban hành {issued}"),
        Lang::En => format!("{name}: number {number}; signer {signer}; issued {issued}"),
    }
}

/// A part of a paper's settings as the history names it: `số văn bản của Tờ trình`.
pub fn paper_part(lang: Lang, slot: PaperSlot, part: &str) -> String {
    let part = match (lang, part) {
        (Lang::Vi, "number") => "số văn bản",
        (Lang::Vi, "signer") => "người ký",
        (Lang::Vi, "issued_on") => "ngày ban hành",
        (Lang::En, "number") => "document number",
        (Lang::En, "signer") => "signer",
        (Lang::En, "issued_on") => "date of issue",
        (_, other) => other,
    };
    match lang {
        Lang::Vi => format!("{part} của {}", paper_name(lang, slot)),
        Lang::En => format!("{part} of the {}", paper_name(lang, slot).to_lowercase()),
    }
}

/// What is set for a paper, short, beside its name in the desk's list: `số 125/BC-HĐTĐ · Nguyễn Văn An · 05/12/2024`.
pub fn paper_short(lang: Lang, numbering: &PaperNumbering, number: Option<&str>) -> String {
    if numbering.is_empty() {
        return lang.pick("chưa đặt số, người ký (n để đặt)", "no number nor signer yet (n to set)").to_string();
    }
    let number = number.map_or_else(|| "—".to_string(), |n| lang.pick(format!("số {n}"), format!("no. {n}")));
    let signer = numbering.signer.as_deref().unwrap_or("—");
    let issued = numbering.issued_on.as_deref().map_or_else(|| "—".to_string(), shown_vietnamese);
    format!("{number} · {signer} · {issued}")
}

/// The heading of the papers' settings in `round show`.
pub fn papers_heading(lang: Lang) -> &'static str {
    lang.pick("Số, người ký và ngày ban hành của văn bản:", "The papers' numbers, signers and dates of issue:")
}

/// The desk's row of the papers' settings.
pub fn desk_action(lang: Lang) -> &'static str {
    lang.pick(
        "Số văn bản, người ký và ngày ban hành của các văn bản",
        "The papers' document numbers, signers and dates of issue",
    )
}

/// The list of the papers, above it.
pub fn numbering_title(lang: Lang) -> &'static str {
    lang.pick(
        "Chọn văn bản rồi Enter để đặt số, người ký, ngày ban hành",
        "Choose a paper and press Enter to set its number, signer, date of issue",
    )
}

/// The fields of the form, in order.
pub const NUMBERING_FIELDS: [crate::messages::keys::Words; 3] = [
    crate::messages::keys::Words::new(
        "Số văn bản (chỉ phần số, vd. 125; để trống: văn bản in dòng chấm chấm)",
        "Document number (the number only, e.g. 125; empty: the paper prints dotted lines)",
    ),
    crate::messages::keys::Words::new(
        "Họ và tên người ký (để trống: dòng chấm chấm)",
        "Signer's full name (empty: dotted lines)",
    ),
    crate::messages::keys::Words::new(
        "Ngày ban hành (dd/mm/yyyy; để trống: dòng chấm chấm)",
        "Date of issue (dd/mm/yyyy; empty: dotted lines)",
    ),
];

/// Said once the paper's settings are written.
pub fn numbering_set(lang: Lang, line: &str) -> String {
    match lang {
        Lang::Vi => format!("Đã ghi — {line}"),
        Lang::En => format!("Saved — {line}"),
    }
}

/// `n` on the publication page, which carries no number nor signature.
pub fn no_numbering(lang: Lang) -> &'static str {
    lang.pick(
        "Trang công bố không có số văn bản và người ký; chọn một văn bản .docx",
        "The publication page has no document number nor signer; choose a .docx paper",
    )
}

/// Who and where to fetch files from, outside an SSH session (README: `ssh -t thamdinh@MÁY-CHỦ`).
pub const REMOTE_PLACEHOLDER: &str = "thamdinh@MÁY-CHỦ";

/// The command that fetches one file: `scp thamdinh@10.0.0.5:/stc/I.1/qd-1.pdf .` (sftp and `WinSCP` take the same
/// path).
pub fn download_line(remote: &str, path: &str) -> String {
    format!("scp {remote}:{path} .")
}

/// The overlay's title.
pub fn paths_title(lang: Lang) -> &'static str {
    lang.pick("Tải tệp về máy của bạn", "Fetch the files to your computer")
}

/// Under the commands: how else to fetch them, and what Enter does.
pub fn paths_note(lang: Lang) -> &'static str {
    lang.pick(
        "Cùng đường dẫn dùng được với sftp và WinSCP. Enter: sao chép lệnh đang chọn vào bộ nhớ tạm (nếu terminal cho phép); Esc: đóng",
        "The same path works with sftp and WinSCP. Enter: copy the selected command to the clipboard (where the terminal allows); Esc: close",
    )
}

/// Said once a command is sent to the clipboard.
pub fn copied(lang: Lang, text: &str) -> String {
    match lang {
        Lang::Vi => format!("Đã sao chép vào bộ nhớ tạm (nếu terminal cho phép): {text}"),
        Lang::En => format!("Copied to the clipboard (where the terminal allows): {text}"),
    }
}

/// The component has no file sent yet.
pub fn no_files(lang: Lang) -> &'static str {
    lang.pick("Mục này chưa có tệp nào được gửi lên", "No file was sent for this item yet")
}

/// Nothing typed in the form.
pub fn nothing_typed(lang: Lang) -> &'static str {
    lang.pick("Chưa nhập gì để ghi", "Nothing typed to save")
}
