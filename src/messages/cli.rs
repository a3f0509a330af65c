//! What the command line says: its own refusals (typed, worded here) and the lines it prints.

use super::Lang;
use crate::domain::code::{BlocCode, UnitCode};
use crate::store::StoreError;
use std::path::Path;

/// A refusal of the command line itself (its arguments, a checked file or log).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CliRefusal {
    /// A command that reads or writes a round was given no `--db PATH`.
    DbRequired,
    /// `regulations check`: the folder has problems (each printed above), or holds no data file (count 0).
    RegulationProblems {
        /// The folder checked, as the user typed it.
        folder: String,
        /// How many problems were printed (0: the folder holds no data file).
        count: usize,
    },
    /// `rerate` must change exactly one thing: a score, a grade or a fact.
    RerateOneThing,
    /// `audit verify --head`: the recorded head is not in the log.
    HeadNotInLog {
        /// The database, as shown to the user.
        db: String,
        /// The head the user gave (from a paper's or workbook's check block).
        head: String,
    },
    /// `audit verify`: values the log did not write; the first ones, as the store lists them.
    Unexplained {
        /// The database, as shown to the user.
        db: String,
        /// How many values the log does not explain.
        count: usize,
        /// The first of them, already worded.
        shown: Vec<String>,
    },
    /// `audit verify`: rows the program would not have written (each worded by `messages::trust::forged_row`).
    Forged {
        /// The database, as shown to the user.
        db: String,
        /// How many log rows are forged.
        count: usize,
        /// The first of them, already worded.
        shown: Vec<String>,
    },
    /// `audit verify`: triggers of the schema dropped or altered (each worded by `messages::trust::trigger_problem`).
    Triggers {
        /// The database, as shown to the user.
        db: String,
        /// Each trigger's problem, already worded.
        shown: Vec<String>,
    },
    /// `audit verify`: the chain breaks at this row (the store's account of how).
    ChainBroken {
        /// The database, as shown to the user.
        db: String,
        /// The log row (its id) where the hash chain first breaks.
        row: i64,
        /// What is wrong at that row.
        problem: Box<crate::store::audit::ChainBreak>,
    },
    /// `export verify`: the content differs from the file's check block.
    ExportAltered {
        /// The exported file, as shown to the user.
        file: String,
    },
    /// `export verify --db`: same audit head, other content.
    ExportLayoutChanged {
        /// The exported file, as shown to the user.
        file: String,
        /// The content hash the database gives today.
        now: String,
    },
    /// `export verify --db`: the database changed since the export.
    ExportDatabaseChanged {
        /// The exported file, as shown to the user.
        file: String,
        /// The audit head the file records (none: the log was empty then).
        head_then: Option<String>,
        /// The database's audit head today (none: the log is empty).
        head_now: Option<String>,
        /// The content hash the database gives today.
        now: String,
    },
    /// `submit` without the approval date or the minutes.
    SubmitNeeds,
    /// `demo --units N` beyond the units a demo round is made with.
    DemoUnits {
        /// The number asked for.
        units: usize,
        /// The most a demo round holds.
        limit: usize,
    },
    /// `init` names neither a regulation nor last year's round.
    RegulationOrFrom,
    /// A council round opens in the interface only as one of its users.
    NeedsUser {
        /// The database, as shown to the user.
        db: String,
    },
    /// A deployment session with no terminal and no file transfer (`ssh host` without `-t`, or a command).
    NeedsTerminal,
    /// A key still listed for a user the council removed.
    AccountRemoved {
        /// The login the key names.
        name: String,
    },
    /// `audit verify`: stored files missing or changed since they were sent.
    StoredFiles {
        /// The database, as shown to the user.
        db: String,
        /// Each missing or changed file, already worded.
        shown: Vec<String>,
    },
}

/// Any error the command line reports.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// A refusal or failure of the store (already typed and worded in `messages::errors`).
    #[error("{0}")]
    Store(#[from] StoreError),
    /// A refusal of the command line itself.
    #[error("{}", cli_refusal(.0, Lang::En))]
    Cli(CliRefusal),
}

impl From<std::io::Error> for CliError {
    fn from(error: std::io::Error) -> CliError {
        CliError::Store(StoreError::Terminal(error))
    }
}

impl From<crate::store::Refused> for CliError {
    fn from(why: crate::store::Refused) -> CliError {
        CliError::Store(StoreError::from(why))
    }
}

impl From<CliRefusal> for CliError {
    fn from(why: CliRefusal) -> CliError {
        CliError::Cli(why)
    }
}

/// An error of the command line, as a person reads it.
pub fn cli_error(error: &CliError, lang: Lang) -> String {
    match error {
        CliError::Store(error) => super::store_error(error, lang),
        CliError::Cli(why) => cli_refusal(why, lang),
    }
}

fn none(head: Option<&str>, lang: Lang) -> String {
    head.unwrap_or_else(|| lang.pick("không có", "none")).to_string()
}

/// A refusal of the command line, as a person reads it.
pub fn cli_refusal(why: &CliRefusal, lang: Lang) -> String {
    match (why, lang) {
        (CliRefusal::DbRequired, Lang::Vi) => "cần --db TỆP (tệp cơ sở dữ liệu của kỳ đánh giá)".into(),
        (CliRefusal::DbRequired, Lang::En) => "--db PATH is required".into(),
        (CliRefusal::RegulationProblems { folder, count: 0 }, Lang::Vi) => {
            format!("{folder}: không có tệp dữ liệu nào của quy chế (regulation.toml …)")
        }
        (CliRefusal::RegulationProblems { folder, count: 0 }, Lang::En) => {
            format!("{folder}: no regulation data file here (regulation.toml …)")
        }
        (CliRefusal::RegulationProblems { folder, count }, Lang::Vi) => {
            format!("{folder}: {count} lỗi trong dữ liệu quy chế (kể trên)")
        }
        (CliRefusal::RegulationProblems { folder, count }, Lang::En) => {
            format!("{folder}: {count} problem(s) in the regulation's data (listed above)")
        }
        (CliRefusal::RerateOneThing, Lang::Vi) => "xếp loại lại thay đổi một điều: --criterion MÃ --score ĐIỂM, --criterion MÃ --grade XẾP_LOẠI, hoặc --fact TÊN --value GIÁ_TRỊ".into(),
        (CliRefusal::RerateOneThing, Lang::En) => "rerate changes one thing: --criterion C --score S, --criterion C --grade G, or --fact NAME --value V".into(),
        (CliRefusal::HeadNotInLog { db, head }, Lang::Vi) => format!("{db}: mã nhật ký đã ghi {head} không có trong nhật ký này: từ khi ghi lại, các dòng cuối của nhật ký đã bị xóa, hoặc nhật ký đã bị viết lại và tính lại mã băm"),
        (CliRefusal::HeadNotInLog { db, head }, Lang::En) => format!("{db}: the recorded head {head} is not in this audit log: since it was recorded, rows were removed from the end of the log, or the log was rewritten and its hashes recomputed"),
        (CliRefusal::Unexplained { db, count, shown }, lang) => {
            let more = if *count > shown.len() { "\n  …" } else { "" };
            let shown: Vec<String> = shown.iter().map(|line| format!("  {line}")).collect();
            match lang {
                Lang::Vi => format!("{db}: {count} giá trị đang lưu khác với giá trị nhật ký ghi lần cuối (đã bị sửa ngoài chương trình):\n{}{more}", shown.join("\n")),
                Lang::En => format!("{db}: {count} recorded values are not what the audit log last wrote (changed outside the program):\n{}{more}", shown.join("\n")),
            }
        }
        (CliRefusal::Forged { db, count, shown }, lang) => {
            let more = if *count > shown.len() { "\n  …" } else { "" };
            let shown: Vec<String> = shown.iter().map(|line| format!("  {line}")).collect();
            match lang {
                Lang::Vi => format!("{db}: {count} dòng nhật ký mà chương trình không thể đã ghi (thêm vào ngoài chương trình):\n{}{more}", shown.join("\n")),
                Lang::En => format!("{db}: {count} audit rows the program would not have written (appended outside the program):\n{}{more}", shown.join("\n")),
            }
        }
        (CliRefusal::Triggers { db, shown }, lang) => {
            let shown: Vec<String> = shown.iter().map(|line| format!("  {line}")).collect();
            match lang {
                Lang::Vi => format!("{db}: {} trigger bảo vệ dữ liệu (khóa khối đã phê duyệt, nhật ký chỉ ghi thêm) đã bị xóa hoặc sửa:\n{}", shown.len(), shown.join("\n")),
                Lang::En => format!("{db}: {} guard triggers (the freeze of approved blocs, the append-only log) were dropped or altered:\n{}", shown.len(), shown.join("\n")),
            }
        }
        (CliRefusal::ChainBroken { db, row, problem }, Lang::Vi) => format!("{db}: nhật ký BỊ PHÁ VỠ ở dòng {row}: {}", chain_break_vi(problem)),
        (CliRefusal::ChainBroken { db, row, problem }, Lang::En) => format!("{db}: audit log BROKEN at row {row}: {problem}"),
        (CliRefusal::ExportAltered { file }, Lang::Vi) => format!("{file}: nội dung khác với khối kiểm tra của biểu: tệp đã bị sửa sau khi xuất"),
        (CliRefusal::ExportAltered { file }, Lang::En) => format!("{file}: the content differs from its check block: the file was changed after export"),
        (CliRefusal::ExportLayoutChanged { file, now }, Lang::Vi) => format!("{file}: cơ sở dữ liệu có cùng mã nhật ký nhưng cho nội dung {now}: cách trình bày của chương trình đã thay đổi"),
        (CliRefusal::ExportLayoutChanged { file, now }, Lang::En) => format!("{file}: the database has the same audit head but gives content {now}: the program's layout changed"),
        (CliRefusal::ExportDatabaseChanged { file, head_then, head_now, now }, Lang::Vi) => format!("{file}: cơ sở dữ liệu đã thay đổi từ khi xuất (mã nhật ký khi đó {}, nay {}); cùng bản xuất nay có mã băm {now}", none(head_then.as_deref(), lang), none(head_now.as_deref(), lang)),
        (CliRefusal::ExportDatabaseChanged { file, head_then, head_now, now }, Lang::En) => format!("{file}: the database changed since this export (audit head then {}, now {}); the same export now hashes to {now}", none(head_then.as_deref(), lang), none(head_now.as_deref(), lang)),
        (CliRefusal::SubmitNeeds, Lang::Vi) => "nộp bản tự đánh giá cần --approved-on NGÀY (ngày tập thể lãnh đạo thông qua) và --minutes SỐ (số biên bản)".into(),
        (CliRefusal::SubmitNeeds, Lang::En) => "a submission needs --approved-on DATE (the day the leadership collective approved it) and --minutes NUMBER (the minutes' number)".into(),
        (CliRefusal::DemoUnits { units, limit }, Lang::Vi) => format!("--units {units}: số đơn vị tổng hợp phải từ 1 đến {limit}; không có gì được tạo"),
        (CliRefusal::DemoUnits { units, limit }, Lang::En) => format!("--units {units}: the number of synthetic units must be from 1 to {limit}; nothing was created"),
        (CliRefusal::RegulationOrFrom, Lang::Vi) => "cần --regulation MÃ_QUY_CHẾ hoặc --from TỆP_KỲ_TRƯỚC".into(),
        (CliRefusal::RegulationOrFrom, Lang::En) => "--regulation ID or --from OLD is required".into(),
        (CliRefusal::NeedsUser { db }, Lang::Vi) => format!("{db}: kỳ đánh giá của Hội đồng được mở dưới tên một người dùng: thamdinh --db {db} --user NAME (xem `thamdinh user list --db {db}`); màn hình chọn người dùng chỉ dành cho dữ liệu minh họa"),
        (CliRefusal::NeedsUser { db }, Lang::En) => format!("{db}: a council round opens as one of its users: thamdinh --db {db} --user NAME (see `thamdinh user list --db {db}`); the start-up picker is for the demo only"),
        (CliRefusal::NeedsTerminal, lang) => super::uploads::needs_terminal(lang).into(),
        (CliRefusal::AccountRemoved { name }, lang) => super::uploads::account_removed(name, lang),
        (CliRefusal::StoredFiles { db, shown }, lang) => super::uploads::stored_files_broken(lang, db, shown),
    }
}

/// How the audit chain breaks, in Vietnamese.
fn chain_break_vi(problem: &crate::store::audit::ChainBreak) -> String {
    use crate::store::audit::ChainBreak;
    match problem {
        ChainBreak::Missing { from, to } => format!("thiếu các dòng {from}–{to}: đã bị xóa khỏi nhật ký"),
        ChainBreak::OutOfOrder { row } => format!("dòng {row} không đúng thứ tự"),
        ChainBreak::Unlinked => {
            "dòng này không nối với dòng trước: một dòng trước nó đã bị sửa, xóa hoặc thay thế".into()
        }
        ChainBreak::Altered { action, actor, at, detail } => format!(
            "nội dung của dòng ({action} do {actor} lúc {}: {detail}) không khớp với mã băm: đã bị sửa sau khi ghi",
            crate::domain::vn_time::vietnam_time(at)
        ),
    }
}

pub(crate) fn path(path: &Path) -> String {
    path.display().to_string()
}

/// `demo`: the round created.
pub fn demo_created(lang: Lang, db: &Path, regulation: &str, year: i32, seed: u64) -> String {
    match lang {
        Lang::Vi => format!("{}: đã tạo kỳ đánh giá minh họa {regulation} {year} (seed {seed})", path(db)),
        Lang::En => format!("{}: demo round {regulation} {year} created (seed {seed})", path(db)),
    }
}

/// `init`: the round created.
pub fn round_created(lang: Lang, db: &Path, regulation: &str, year: i32) -> String {
    match lang {
        Lang::Vi => format!("{}: đã tạo kỳ đánh giá {regulation} {year}", path(db)),
        Lang::En => format!("{}: round {regulation} {year} created", path(db)),
    }
}

/// `import`: how many rows a file brought in, and how many values they changed (0: nothing written, no audit row).
pub fn rows_imported(lang: Lang, file: &Path, rows: usize, changes: usize) -> String {
    match lang {
        Lang::Vi => format!("{}: đã nhập {rows} dòng, {changes} thay đổi", path(file)),
        Lang::En => format!("{}: {rows} rows imported, {changes} changes", path(file)),
    }
}

/// `tie`: the order recorded.
pub fn tie_ordered(lang: Lang, bloc: &BlocCode, order: &[String]) -> String {
    match lang {
        Lang::Vi => format!("{bloc}: đã ghi thứ tự bằng điểm {}", order.join(", ")),
        Lang::En => format!("{bloc}: tie ordered {}", order.join(", ")),
    }
}

/// `approve`: the three lines printed, the audit head to record among them.
pub fn approved(lang: Lang, bloc: &BlocCode, head: &str) -> [String; 3] {
    match lang {
        Lang::Vi => [
            format!("{bloc}: đã phê duyệt và khóa kết quả"),
            format!("Nhật ký (mã cuối) kèm phê duyệt: {head}"),
            format!(
                "hãy ghi mã này ra ngoài cơ sở dữ liệu: `thamdinh audit verify --head {head}` khi đó chứng minh không có gì đến lúc phê duyệt bị sửa hay xóa"
            ),
        ],
        Lang::En => [
            format!("{bloc}: results approved and frozen"),
            format!("Audit head with the approval: {head}"),
            format!(
                "record it outside the database: `thamdinh audit verify --head {head}` then proves nothing up to the approval was changed or removed"
            ),
        ],
    }
}

/// `rerate`: done.
pub fn rerated(lang: Lang, unit: &UnitCode, reason: &str) -> String {
    match lang {
        Lang::Vi => format!("{unit}: đã xếp loại lại ({reason})"),
        Lang::En => format!("{unit}: re-rated ({reason})"),
    }
}

/// `export sheet|ranking`: the file written.
pub fn exported(lang: Lang, file: &Path, sheets: usize, hash: &str, head: Option<&str>) -> String {
    let head = head.unwrap_or(lang.pick("không có", "none"));
    match lang {
        Lang::Vi => format!("{}: đã ghi {sheets} trang tính; SHA-256 {hash}; mã nhật ký {head}", path(file)),
        Lang::En => format!("{}: {sheets} sheets written; SHA-256 {hash}; audit head {head}", path(file)),
    }
}

/// `export verify`: the lines of a check.
pub fn export_hashes(lang: Lang, file: &Path, stated: &str, actual: &str) -> [String; 2] {
    match lang {
        Lang::Vi => [
            format!("{}: SHA-256 nội dung ghi trên biểu {stated}", path(file)),
            format!("{}: SHA-256 nội dung tính lại   {actual}", path(file)),
        ],
        Lang::En => [
            format!("{}: content SHA-256 stated on the sheet {stated}", path(file)),
            format!("{}: content SHA-256 recomputed        {actual}", path(file)),
        ],
    }
}

/// Said by `cli`.
pub fn export_intact(lang: Lang, file: &Path) -> String {
    lang.pick(format!("{}: nội dung nguyên vẹn", path(file)), format!("{}: content intact", path(file)))
}

/// Said by `cli`.
pub fn export_matches_database(lang: Lang, file: &Path) -> String {
    lang.pick(
        format!("{}: khớp với cơ sở dữ liệu hiện tại", path(file)),
        format!("{}: matches the database now", path(file)),
    )
}

/// The progress bar's template of a long export.
pub fn sheets_progress(lang: Lang) -> &'static str {
    lang.pick("{bar:40} {pos}/{len} biểu chấm điểm", "{bar:40} {pos}/{len} score sheets")
}

/// `audit verify`: the chain intact.
pub fn audit_intact(lang: Lang, db: &Path, rows: i64, head: Option<&str>) -> [String; 2] {
    match lang {
        Lang::Vi => [
            format!("{}: nhật ký nguyên vẹn: {rows} dòng", path(db)),
            format!("mã cuối: {}", head.unwrap_or("(trống)")),
        ],
        Lang::En => {
            [format!("{}: audit log intact: {rows} rows", path(db)), format!("head: {}", head.unwrap_or("(empty)"))]
        }
    }
}

/// Said by `cli::audit_log`.
pub fn audit_head_found(lang: Lang, head: &str, row: i64, rows: i64) -> String {
    match lang {
        Lang::Vi => format!("mã đã ghi {head} là dòng {row}/{rows}: không có gì đến dòng đó bị sửa hay xóa từ khi ghi"),
        Lang::En => format!(
            "recorded head {head} is row {row} of {rows}: nothing up to it was changed or removed since it was recorded"
        ),
    }
}

/// Said by `cli::audit_log`.
pub fn audit_tables_match(lang: Lang) -> &'static str {
    lang.pick(
        "mọi dòng của mọi bảng đúng như nhật ký ghi lần cuối",
        "every row of every table is what the audit log last wrote",
    )
}

/// Said by `cli::audit_log`.
pub fn audit_no_rows(lang: Lang, db: &Path) -> String {
    lang.pick(format!("{}: không có dòng nhật ký nào khớp", path(db)), format!("{}: no audit rows match", path(db)))
}

/// `audit log`: `reason: …` after a row.
pub fn audit_reason(lang: Lang, reason: &str) -> String {
    lang.pick(format!("  lý do: {reason}"), format!("  reason: {reason}"))
}

/// `user add`.
/// `leaders_name`: the regulation's words for the leaders' role (None: the seeds').
pub fn user_added(
    lang: Lang,
    name: &str,
    role: crate::domain::permissions::Role,
    agency: Option<&str>,
    leaders_name: Option<&str>,
) -> String {
    let agency = agency.map(|a| format!(", {a}")).unwrap_or_default();
    match lang {
        Lang::Vi => format!("{name}: đã thêm với vai trò {}{agency}", super::leaders::role(role, lang, leaders_name)),
        Lang::En => format!("{name}: added as {role}{agency}"),
    }
}

/// `user add --role unit --unit U`.
pub fn unit_user_added(lang: Lang, name: &str, role: crate::domain::permissions::Role, unit: &UnitCode) -> String {
    match lang {
        Lang::Vi => format!("{name}: đã thêm với vai trò {}, đơn vị {unit}", role.label_vi()),
        Lang::En => format!("{name}: added as {role}, unit {unit}"),
    }
}

/// `init --from OLD`: what came over from last year's round.
pub fn carried_over(lang: Lang, db: &Path, from: &Path) -> String {
    match lang {
        Lang::Vi => format!(
            "{}: đã chuyển đơn vị, người dùng và các thiết lập từ {}; đã ghi nhận mức xếp loại của kỳ đó",
            path(db),
            path(from)
        ),
        Lang::En => format!(
            "{}: units, users and settings carried over from {}; the levels of that round recorded",
            path(db),
            path(from)
        ),
    }
}

/// `user remove`.
pub fn user_removed(lang: Lang, name: &str) -> String {
    lang.pick(
        format!("{name}: đã xóa; nhật ký vẫn giữ tên người dùng"),
        format!("{name}: removed; the audit log keeps their name"),
    )
}

/// `user list`: the header's columns.
pub fn user_columns(lang: Lang) -> [&'static str; 5] {
    lang.pick(
        ["tên", "vai trò", "cơ quan/đơn vị", "họ và tên", "trạng thái"],
        // English readers may be anywhere: the times are Vietnam's, said so (Vietnamese readers assume it).
        ["name", "role", "agency/unit", "full name", "status (Vietnam time, UTC+7)"],
    )
}

/// `user list`: added or removed, when, in Vietnam's time read the Vietnamese way (`30/11/2026 22:29`) in both
/// languages: the list is read by people (the English header names the zone).
pub fn user_status(lang: Lang, removed_at: Option<&str>, added_at: &str) -> String {
    let time = crate::domain::vn_time::vietnam_time;
    match (removed_at, lang) {
        (Some(at), Lang::Vi) => format!("đã xóa {}", time(at)),
        (Some(at), Lang::En) => format!("removed {}", time(at)),
        (None, Lang::Vi) => format!("thêm {}", time(added_at)),
        (None, Lang::En) => format!("added {}", time(added_at)),
    }
}

/// `user list`: a role by the name the screens give it, in either language.
pub fn role_name(lang: Lang, role: crate::domain::permissions::Role) -> &'static str {
    super::views::role(role, lang)
}

/// A stored UTC time as people read it: Vietnamese shows Vietnam's time (`30/11/2026 22:29`), English keeps
/// the stored ISO time.
pub fn moment(lang: Lang, stored: &str) -> String {
    match lang {
        Lang::Vi => crate::domain::vn_time::vietnam_time(stored),
        Lang::En => stored.to_string(),
    }
}

/// After the interface closes on the demo database.
pub fn demo_database(lang: Lang, db: &Path) -> String {
    lang.pick(format!("Cơ sở dữ liệu minh họa: {}", path(db)), format!("Demo database: {}", path(db)))
}

/// The prefix of every error line.
pub fn error_line(message: &str) -> String {
    format!("thamdinh: {message}")
}

/// `rank`: a bloc's first line.
pub fn rank_bloc(lang: Lang, name: &str, bloc: &BlocCode, eligible: usize, quota: usize) -> String {
    match lang {
        Lang::Vi => format!("{name} ({bloc}): {eligible} đủ điều kiện, chỉ tiêu xuất sắc {quota}"),
        Lang::En => format!("{name} ({bloc}): {eligible} eligible, quota of excellent {quota}"),
    }
}

/// `rank`: the table's headings (rank, code, total, the further decimals a tie key counts, level, unit); the
/// further decimals' heading is empty where no decimal is a tie key (`3 số lẻ` only where a third one is).
pub fn rank_columns(lang: Lang, further: Option<u32>) -> [String; 6] {
    let decimals = further.map_or_else(String::new, |n| further_decimals(lang, n));
    let [rank, code, total, level, unit] =
        lang.pick(["Hạng", "Mã", "Tổng", "Xếp loại", "Đơn vị"], ["Rank", "Code", "Total", "Level", "Unit"]);
    [rank.into(), code.into(), total.into(), decimals, level.into(), unit.into()]
}

/// The heading of a total at a further decimal the tie chain counts: `3 số lẻ`.
pub fn further_decimals(lang: Lang, decimals: u32) -> String {
    match lang {
        Lang::Vi => format!("{decimals} số lẻ"),
        Lang::En => format!("{decimals} dp"),
    }
}

/// `rank`: after a provisional level.
/// A person as the council reads them: the full name, the login in parentheses (`Nguyễn Văn A (tv-snv)`).
pub fn person(full_name: &str, login: &str) -> String {
    format!("{} ({login})", full_name.trim())
}

/// A unit's outcome (its level, or a tie awaiting the chairman) as the reader's language names it.
pub fn outcome_name(outcome: crate::domain::ranking::Outcome, lang: Lang) -> &'static str {
    use crate::domain::ranking::Outcome;
    match (lang, outcome) {
        (Lang::Vi, outcome) => outcome.vietnamese(),
        (Lang::En, Outcome::Level(level)) => level_name(level, lang),
        (Lang::En, Outcome::TiePending) => "awaiting the chairman's order",
    }
}

/// A level as the reader's language names it (*Hoàn thành tốt nhiệm vụ*, or `good`).
pub fn level_name(level: crate::domain::classification::Level, lang: Lang) -> &'static str {
    use crate::domain::classification::Level;
    match (lang, level) {
        (Lang::Vi, level) => level.vietnamese(),
        (Lang::En, Level::Excellent) => "excellent",
        (Lang::En, Level::Good) => "good",
        (Lang::En, Level::Completed) => "completed",
        (Lang::En, Level::NotCompleted) => "not completed",
    }
}

/// A total as the reader's language writes it: the decimal comma in Vietnamese, the point in English.
pub fn number(value: rust_decimal::Decimal, lang: Lang) -> String {
    match lang {
        Lang::Vi => value.to_string().replace('.', ","),
        Lang::En => value.to_string(),
    }
}

/// Said by `cli::rank_report`.
pub fn provisional(lang: Lang) -> &'static str {
    lang.pick(" (tạm tính)", " (provisional)")
}

/// `rank`: a tie the chairman has not ordered.
pub fn rank_open_tie(lang: Lang, units: &[String]) -> String {
    match lang {
        Lang::Vi => format!("bằng điểm, chờ Chủ tịch quyết định thứ tự: {}", units.join(", ")),
        Lang::En => format!("tied, awaiting the chairman's order: {}", units.join(", ")),
    }
}
