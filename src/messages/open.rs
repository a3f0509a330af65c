//! The words for a database that did not open: permission, locked, not SQLite, read-only for a write.

use super::Lang;
use crate::store::open_error::OpenRefused;

/// Why a round's database did not open, as a person reads it.
pub fn open_refused(why: &OpenRefused, lang: Lang) -> String {
    if lang == Lang::En {
        return why.to_string();
    }
    match why {
        OpenRefused::PermissionDenied { path } => {
            format!("{path}: không có quyền: tài khoản này không được đọc tệp hoặc thư mục chứa nó")
        }
        OpenRefused::Locked { path } => {
            format!("{path}: đang bị một chương trình khác khóa; hãy thử lại khi chương trình đó xong việc")
        }
        OpenRefused::NotSqlite { path } => {
            format!("{path}: không phải tệp cơ sở dữ liệu SQLite (không phải một kỳ đánh giá của thamdinh)")
        }
        OpenRefused::ReadOnly { path } => format!(
            "{path}: chỉ đọc được (tệp hoặc thư mục chứa nó); lệnh này cần ghi: hãy chép kỳ đánh giá sang nơi ghi được"
        ),
    }
}
