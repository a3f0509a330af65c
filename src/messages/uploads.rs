//! The words of the files sent and taken over SSH (issue 24): a refused upload, the line a session without a
//! terminal gets, the answers the SFTP server gives, and `audit verify`'s stored files.

use super::Lang;
use crate::domain::code::UnitCode;
use crate::store::files::{DocumentFile, FileProblem, SIGNED_SHEET, UploadRefused};

/// A refused upload, in Vietnamese (the English is its own `Display`).
pub fn upload_refused(why: &UploadRefused) -> String {
    match why {
        UploadRefused::BadName { name } => format!(
            "{name:?}: tên tệp không được chứa thư mục, ký tự điều khiển hay ký tự đổi chiều chữ, không được bắt đầu bằng dấu chấm"
        ),
        UploadRefused::NoFolder { unit, folder } => {
            format!("đơn vị {unit}: không có tiêu chí {folder} để gửi tài liệu vào")
        }
        UploadRefused::TooLarge { name, limit_mb } => {
            format!("{name}: tệp lớn hơn {limit_mb} MB, mức tối đa của một tệp")
        }
        UploadRefused::UnitFull { name, total_mb, limit_mb } => {
            format!("{name}: các tệp của đơn vị sẽ lên tới {total_mb} MB, vượt mức {limit_mb} MB của một đơn vị")
        }
        UploadRefused::Empty { name } => format!("{name}: tệp rỗng"),
        UploadRefused::NotADocument { name, found } => format!(
            "{name}: nội dung là {found}, không phải tài liệu được nhận (PDF, JPEG, PNG, TIFF, Word, Excel, OpenDocument)"
        ),
        UploadRefused::NotItsName { name, extension, found } => {
            format!("{name}: tên có đuôi .{extension} nhưng nội dung là {found}")
        }
        UploadRefused::TooManyPages { name, pages, limit } => {
            format!("{name}: {pages} trang, vượt mức {limit} trang")
        }
        UploadRefused::Bomb { name, limit_mb, parts } => {
            format!("{name}: khi giải nén vượt {limit_mb} MB hoặc {parts} phần (tệp nén độc hại)")
        }
        UploadRefused::PdfBomb { name, limit_mb } => {
            format!("{name}: các luồng đối tượng nén trong tệp PDF giải nén vượt {limit_mb} MB (tệp nén độc hại)")
        }
        UploadRefused::Incomplete { name } => format!("{name}: tệp gửi lên chưa trọn vẹn"),
        UploadRefused::SideFile { name, why } => format!(
            "{name}: tệp mô tả không đọc được ({why}); tệp mô tả có đúng ba dòng: so = \"12/BC-STC\", ngay = \"15/01/2025\", trich_yeu = \"…\"; không có gì được lưu"
        ),
        UploadRefused::SideFileRefused { name } => format!(
            "{name}: tệp mô tả của nó vừa bị từ chối trong phiên này, nên tệp không được lưu; gửi lại {name}.toml cho đúng rồi gửi tệp"
        ),
        UploadRefused::NoSuchFile { unit, name } => {
            format!(
                "{name}: đơn vị {unit} không có tệp hiện hành này (bản đã bị thay thế giữ nguyên số, ngày, trích yếu)"
            )
        }
        UploadRefused::ReferenceTaken { name, reference, other } => {
            format!("{name}: số {reference} đã là của tệp khác trong tiêu chí này ({other})")
        }
    }
}

/// The one line a session without a terminal and without a file transfer gets: how to connect.
pub fn needs_terminal(lang: Lang) -> &'static str {
    lang.pick(
        "cần một màn hình (terminal): kết nối bằng `ssh -t thamdinh@MÁY-CHỦ`; tải tệp về hay gửi tệp lên bằng `sftp`, `scp` hoặc WinSCP",
        "a terminal is needed: connect with `ssh -t thamdinh@SERVER`; take or send files with `sftp`, `scp` or WinSCP",
    )
}

/// A user whose account was removed, connecting with a key still listed.
pub fn account_removed(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("tài khoản {name} đã bị xóa khỏi Hội đồng; liên hệ thư ký Hội đồng"),
        Lang::En => format!("the account {name} was removed from the council; ask the council's secretary"),
    }
}

/// An SFTP answer: a path this user may not see or write.
pub fn sftp_forbidden(path: &str) -> String {
    format!("{path}: không được phép (ngoài thư mục của bạn)")
}

/// An SFTP answer: a path that does not exist in the user's folder.
pub fn sftp_missing(path: &str) -> String {
    format!("{path}: không có")
}

/// An SFTP answer: a change the folder does not allow (remove, rename, create a folder, write here).
pub fn sftp_read_only(path: &str) -> String {
    format!("{path}: chỉ được đọc; tài liệu được gửi vào thư mục /ĐƠN-VỊ/TIÊU-CHÍ/ và không bao giờ bị ghi đè")
}

/// `audit verify`: a stored file missing or changed.
pub fn stored_file_problem(problem: &FileProblem, lang: Lang) -> String {
    let d = &problem.document;
    match (&problem.found, lang) {
        (None, Lang::Vi) => {
            format!("tệp #{} của đơn vị {} ({}/{}): không còn trong kho tệp", d.id, d.unit, d.folder, d.name)
        }
        (Some(now), Lang::Vi) => format!(
            "tệp #{} của đơn vị {} ({}/{}): đã bị thay đổi (SHA-256 ghi nhận {}, hiện là {now})",
            d.id, d.unit, d.folder, d.name, d.sha256
        ),
        (None, Lang::En) => {
            format!("file #{} of unit {} ({}/{}): missing from the file store", d.id, d.unit, d.folder, d.name)
        }
        (Some(now), Lang::En) => format!(
            "file #{} of unit {} ({}/{}): changed (recorded SHA-256 {}, now {now})",
            d.id, d.unit, d.folder, d.name, d.sha256
        ),
    }
}

/// `submit`: whether the unit sent its signed, stamped score sheet (and where it sends it if not).
pub fn signed_sheet_state(lang: Lang, unit: &UnitCode, sheet: Option<&DocumentFile>) -> String {
    match (sheet, lang) {
        (Some(d), Lang::Vi) => {
            format!("Biểu chấm điểm đã ký, đóng dấu: đã gửi ({}, {} byte, SHA-256 {})", d.name, d.size, d.sha256)
        }
        (Some(d), Lang::En) => {
            format!("Signed, stamped score sheet: sent ({}, {} bytes, SHA-256 {})", d.name, d.size, d.sha256)
        }
        (None, Lang::Vi) => format!(
            "Biểu chấm điểm đã ký, đóng dấu: CHƯA gửi — gửi bản quét (PDF) vào /{unit}/{SIGNED_SHEET}/ bằng sftp, scp hoặc WinSCP"
        ),
        (None, Lang::En) => format!(
            "Signed, stamped score sheet: NOT sent — send its scan (PDF) into /{unit}/{SIGNED_SHEET}/ with sftp, scp or WinSCP"
        ),
    }
}

/// `audit verify`: every stored file has the hash it was sent with.
pub fn stored_files_intact(lang: Lang, count: usize) -> String {
    match lang {
        Lang::Vi => format!("{count} tệp tài liệu các đơn vị đã gửi: đúng như khi gửi (đã tính lại SHA-256)"),
        Lang::En => format!("{count} files the units sent: as they were sent (SHA-256 recomputed)"),
    }
}

/// `audit verify`: the stored files missing or changed, one per line.
pub fn stored_files_broken(lang: Lang, db: &str, shown: &[String]) -> String {
    let head = match lang {
        Lang::Vi => format!("{db}: {} tệp tài liệu không còn như khi gửi:", shown.len()),
        Lang::En => format!("{db}: {} stored files are not as they were sent:", shown.len()),
    };
    std::iter::once(head).chain(shown.iter().map(|line| format!("  {line}"))).collect::<Vec<_>>().join("\n")
}

/// A file's type as people name it, from the type read in its content.
pub fn kind_name(kind: &str) -> &str {
    match kind {
        "application/pdf" => "PDF",
        "image/jpeg" => "ảnh JPEG",
        "image/png" => "ảnh PNG",
        "image/tiff" => "ảnh TIFF",
        "application/msword" | "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => "Word",
        "application/vnd.ms-excel" | "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => "Excel",
        "application/vnd.oasis.opendocument.text" => "văn bản ODT",
        "application/vnd.oasis.opendocument.spreadsheet" => "bảng tính ODS",
        other => other,
    }
}

/// A size as people read it: `850 KB`, `12,4 MB` (decimal comma).
pub fn size_vi(bytes: u64) -> String {
    if bytes < 1024 * 1024 {
        return format!("{} KB", bytes.div_ceil(1024));
    }
    let tenths = (bytes * 10).div_ceil(1024 * 1024);
    format!("{},{} MB", tenths / 10, tenths % 10)
}

/// The exact path a file is fetched by over SFTP (`scp thamdinh@server:PATH .`).
pub fn sftp_path(file: &DocumentFile) -> String {
    format!("/{}/{}/{}", file.unit, file.folder, file.name)
}

/// One file a unit sent, as the member's form and the unit's file list it: its number and date (or that it has
/// none yet), type, size, pages, where to fetch it.
pub fn file_line(file: &DocumentFile) -> String {
    let pages = file.pages.map(|pages| format!(" · {pages} trang")).unwrap_or_default();
    let document = match &file.document {
        Some(d) => format!("số {} ngày {} · ", d.reference, crate::domain::calendar::shown_vietnamese(&d.issued_on)),
        None => "chưa có số/ngày/trích yếu · ".to_string(),
    };
    format!("{document}tệp {} · {}{pages} · tải về: {}", kind_name(&file.kind), size_vi(file.size), sftp_path(file))
}

/// The interface: a file was given its number, date and title.
pub fn file_described(name: &str, reference: &str) -> String {
    format!("Đã ghi số hiệu {reference} cho tệp {name}")
}

/// The interface: Ctrl-F with no file of this component to give the typed document to.
pub fn no_file_to_describe() -> &'static str {
    "Tiêu chí này chưa có tệp nào chưa có số hiệu (gửi tệp bằng sftp/scp/WinSCP; để sửa, nhập đúng số hiệu của tệp)"
}
