//! The words of the trust guards: files the program will not write or read, backups.

use super::Lang;
use crate::store::trust::TrustRefused;
use crate::store::verify::{Forged, ForgedWhy, TriggerProblem};

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
        TrustRefused::NotALeader { file, line, leader, leaders } => format!(
            "{file}:{line}: cột leader: {leader:?} không phải {} của kỳ này (tên hoặc họ tên của người dùng vai trò leader; xem `thamdinh user list`)",
            leaders.as_deref().unwrap_or("lãnh đạo UBND tỉnh")
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

/// `audit verify`: a row of the log the program would not have written, and why (a leader's score named as the
/// round's regulation names the leaders, `leaders`).
pub fn forged_row(forged: &Forged, leaders: Option<&str>, lang: Lang) -> String {
    let row = forged.row;
    let action = super::audit_row_action(&forged.action, None, None, leaders, lang);
    let actor = &forged.actor;
    let why = match (&forged.why, lang) {
        (ForgedWhy::NoSuchUser, Lang::Vi) => format!("người ghi {actor:?} không phải người dùng của kỳ này vào lúc đó"),
        (ForgedWhy::NoSuchUser, Lang::En) => format!("its actor {actor:?} was not a user of this round at that time"),
        (ForgedWhy::RemovedUser { removed_at }, Lang::Vi) => {
            format!("người ghi {actor:?} đã bị gỡ khỏi Hội đồng từ {}", super::cli::moment(lang, removed_at))
        }
        (ForgedWhy::RemovedUser { removed_at }, Lang::En) => {
            format!("its actor {actor:?} was removed from the council on {}", super::cli::moment(lang, removed_at))
        }
        (ForgedWhy::NotAllowed(refusal), Lang::Vi) => {
            format!("vai trò của người ghi lúc đó không cho phép: {}", super::refusal(refusal, lang))
        }
        (ForgedWhy::NotAllowed(refusal), Lang::En) => {
            format!("its actor's role at that time did not allow it: {}", super::refusal(refusal, lang))
        }
        (ForgedWhy::ServiceAccountOnly, Lang::Vi) => {
            format!("chỉ tài khoản dịch vụ ghi loại dòng này, không phải {actor:?}")
        }
        (ForgedWhy::ServiceAccountOnly, Lang::En) => {
            format!("only the service account writes this kind of row, not {actor:?}")
        }
        (ForgedWhy::LateBaseline, Lang::Vi) => {
            "dòng ghi nhận ban đầu (baseline) chỉ được ghi một lần, khi nâng cấp lên lược đồ 5; dòng này ở sau".into()
        }
        (ForgedWhy::LateBaseline, Lang::En) => {
            "baseline rows are written once, by the migration to schema 5; this one comes after".into()
        }
        (ForgedWhy::RoleGrant { user, why }, Lang::Vi) => {
            format!("người dùng {user}: {}", super::gates::role_grant(*why, lang))
        }
        (ForgedWhy::RoleGrant { user, why }, Lang::En) => {
            format!("user {user}: {}", super::gates::role_grant(*why, lang))
        }
        (ForgedWhy::FrozenBloc { bloc, table, key, rerating }, Lang::Vi) => {
            let cited = super::citations::cited(rerating.as_deref(), lang);
            format!("thay đổi {table} ({key}) của khối {bloc} đã phê duyệt mà không qua xếp loại lại{cited}")
        }
        (ForgedWhy::FrozenBloc { bloc, table, key, rerating }, Lang::En) => {
            let cited = super::citations::cited(rerating.as_deref(), lang);
            format!("changes {table} ({key}) of the approved bloc {bloc} outside a re-rating{cited}")
        }
    };
    match lang {
        Lang::Vi => format!("dòng #{row} ({action}, {actor}): {why}"),
        Lang::En => format!("row #{row} ({action}, {actor}): {why}"),
    }
}

/// `audit verify`: a trigger of the schema gone or altered.
pub fn trigger_problem(problem: &TriggerProblem, lang: Lang) -> String {
    let name = &problem.name;
    match (problem.missing, lang) {
        (true, Lang::Vi) => format!("trigger {name}: đã bị xóa"),
        (true, Lang::En) => format!("trigger {name}: dropped"),
        (false, Lang::Vi) => format!("trigger {name}: nội dung khác với lược đồ của chương trình (đã bị sửa)"),
        (false, Lang::En) => format!("trigger {name}: its SQL differs from the program's schema (altered)"),
    }
}

/// `backup`: the verified copy made.
pub fn backup_made(lang: Lang, made: &crate::store::backup::BackupMade) -> String {
    let file = crate::messages::cli::path(&made.path);
    let head = made.audit_head.as_deref().unwrap_or("—");
    match lang {
        Lang::Vi => format!(
            "{file}: đã sao lưu và kiểm tra (integrity_check, nhật ký {} dòng, mã nhật ký {head}; {} tệp tài liệu của đơn vị, băm lại khớp, trong {})",
            made.audit_rows,
            made.files,
            crate::messages::cli::path(&crate::store::files::files_dir(&made.path))
        ),
        Lang::En => {
            format!(
                "{file}: backed up and verified (integrity_check, audit log of {} rows, head {head}; {} unit files, rehashed, in {})",
                made.audit_rows,
                made.files,
                crate::messages::cli::path(&crate::store::files::files_dir(&made.path))
            )
        }
    }
}

/// One recorded value the audit log does not explain (`audit verify`), in the reader's language.
pub fn unexplained(value: &crate::store::verify::Unexplained, lang: Lang) -> String {
    use crate::store::verify::Logged;
    if lang == Lang::En {
        return value.to_string();
    }
    let field = if value.field == "(row)" { "(cả dòng)" } else { value.field.as_str() };
    let place = format!("bảng {} ({}) {field}", value.table, value.key);
    let show = |value: &Option<String>| match value.as_deref() {
        None => "—".to_string(),
        Some("") => "\"\" (rỗng)".to_string(),
        Some(text) => text.to_string(),
    };
    let recorded = show(&value.recorded);
    match &value.logged {
        Logged::Value(logged) => {
            format!("{place}: cơ sở dữ liệu đang giữ {recorded}, nhật ký ghi lần cuối là {}", show(logged))
        }
        Logged::Never => {
            format!("{place}: cơ sở dữ liệu đang giữ {recorded}, và không dòng nhật ký nào đã ghi giá trị này")
        }
        Logged::Gone => format!("{place}: nhật ký đã ghi dòng này, và dòng đó không còn trong cơ sở dữ liệu"),
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
            TrustRefused::NotALeader { file: s("a.csv"), line: 2, leader: s("ghost"), leaders: None },
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
