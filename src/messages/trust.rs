//! The words of the trust guards: files the program will not write or read, backups.

use super::Lang;
use crate::store::trust::TrustRefused;

/// A refusal of the trust guards, as a person reads it.
pub fn trust_refused(why: &TrustRefused, lang: Lang) -> String {
    if lang == Lang::En {
        return why.to_string();
    }
    match why {
        TrustRefused::NotRegularFile { file } => format!(
            "{file}: không phải một tệp thông thường (thiết bị, ống dẫn hay thư mục); chỉ ghi vào một tệp mới hoặc tệp thông thường, dù có --force hay không"
        ),
        TrustRefused::InputNotRegularFile { file } => {
            format!("{file}: không phải một tệp thông thường (thiết bị, ống dẫn hay thư mục); hãy chỉ ra một tệp")
        }
        TrustRefused::InputTooLarge { file, limit } => {
            format!("{file}: lớn hơn {} MB; tệp đầu vào chỉ được đọc đến giới hạn đó", limit >> 20)
        }
        TrustRefused::CsvQuoteOpen { file, line } => format!(
            "{file}:{line}: dấu ngoặc kép (\") mở ở dòng này mà không đóng; hãy đóng lại, nếu không các dòng sau sẽ bị đọc thành nội dung của nó"
        ),
        TrustRefused::CsvLineBreak { file, line, column } => format!(
            "{file}:{line}: cột {column}: ô có xuống dòng (dấu ngoặc kép chưa đóng?); chỉ giải trình, lý do và trích yếu được nhiều dòng"
        ),
        TrustRefused::NotALeader { file, line, leader } => format!(
            "{file}:{line}: cột leader: {leader:?} không phải lãnh đạo UBND tỉnh của kỳ này (tên hoặc họ tên của người dùng vai trò leader; xem `thamdinh user list`)"
        ),
        TrustRefused::BackupExists { file } => {
            format!("{file}: tệp đã có; bản sao lưu luôn là một tệp mới: hãy chọn tên khác")
        }
        TrustRefused::BackupNotVerified { file, why } => format!(
            "{file}: bản sao không qua được kiểm tra ({}); bản sao đã bị xóa, cơ sở dữ liệu không bị thay đổi",
            super::cause_vi(why)
        ),
    }
}

/// `backup`: the verified copy made.
pub fn backup_made(lang: Lang, made: &crate::store::backup::BackupMade) -> String {
    let file = crate::messages::cli::path(&made.path);
    let head = made.audit_head.as_deref().unwrap_or("—");
    match lang {
        Lang::Vi => format!(
            "{file}: đã sao lưu và kiểm tra (integrity_check, nhật ký {} dòng, mã nhật ký {head})",
            made.audit_rows
        ),
        Lang::En => {
            format!(
                "{file}: backed up and verified (integrity_check, audit log of {} rows, head {head})",
                made.audit_rows
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_refusal_is_worded_in_both_languages() {
        let s = |t: &str| t.to_string();
        let all = vec![
            TrustRefused::NotRegularFile { file: s("/dev/full") },
            TrustRefused::InputNotRegularFile { file: s("/dev/zero") },
            TrustRefused::InputTooLarge { file: s("a.csv"), limit: 128 << 20 },
            TrustRefused::CsvQuoteOpen { file: s("a.csv"), line: 2 },
            TrustRefused::CsvLineBreak { file: s("a.csv"), line: 2, column: s("unit") },
            TrustRefused::NotALeader { file: s("a.csv"), line: 2, leader: s("ghost") },
            TrustRefused::BackupExists { file: s("b.db") },
            TrustRefused::BackupNotVerified { file: s("b.db"), why: s("x") },
        ];
        for why in &all {
            let vi = trust_refused(why, Lang::Vi);
            let en = trust_refused(why, Lang::En);
            assert_ne!(vi, en);
            assert!(!vi.contains("not a"), "{vi}");
        }
    }
}
