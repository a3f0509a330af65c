//! `thamdinh user list` on a narrow terminal: the shorter column headings it uses there.

use super::Lang;

/// `user list`'s headings where the table is cut to one line per user (a narrow terminal): the agency or unit
/// as Vietnamese forms abbreviate it, the status with its zone only.
pub fn narrow_user_columns(lang: Lang) -> [&'static str; 5] {
    lang.pick(
        ["tên", "vai trò", "CQ/ĐV", "họ và tên", "trạng thái"],
        ["name", "role", "agency/unit", "full name", "status (UTC+7)"],
    )
}
