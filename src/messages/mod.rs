//! The message catalog: every sentence a person reads, in Vietnamese (the default) and in English
//! (`--lang en`). It sits above `store`/`sheet` and below `cli`/`tui`: the layers below return typed errors
//! and actions, and this module words them; the interface always asks for Vietnamese.
//!
//! Entry points: [`store_error`], [`refused`], [`refusal`], [`row_problem`], [`data_error`], [`audit_action`],
//! [`audit_action_slug`], [`field_name`], [`cli_error`], and the CLI's own texts in [`cli`], [`year`] and [`help`].

/// How a date is spelled to a Vietnamese reader, said once: *dd/mm/yyyy*, as Excel spells it (hints, refusals
/// and help all use it).
macro_rules! date_spelling_vi {
    () => {
        "dd/mm/yyyy"
    };
}

/// How a date is spelled to a Vietnamese reader (the interface's hints, the refusals, the help).
pub const DATE_SPELLING_VI: &str = date_spelling_vi!();

pub mod actions;
pub mod catalog;
pub mod citations;
pub mod cli;
pub mod desk;
pub mod desk_more;
mod errors;
pub mod exceed;
mod files;
pub mod gates;
pub mod help;
pub mod keys;
pub mod leaders;
pub mod levels;
mod open;
pub mod papers;
pub mod reasons;
pub mod refusals;
pub mod regulation;
pub mod regulations;
pub mod rerating;
mod rows;
pub mod screens;
pub mod status;
pub mod submission;
pub mod subtotals;
pub mod text;
pub mod trust;
pub mod uploads;
pub mod users;
pub mod views;
pub mod year;

pub use actions::{audit_action, audit_action_slug, audit_row_action, field_name, field_value, unvalued_detail};
pub use cli::{CliError, CliRefusal, cli_error};
pub use errors::{data_error, refusal, refused, store_error};
pub use rows::row_problem;

/// The language people read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Vietnamese with full diacritics: the council's language, the default.
    #[default]
    Vi,
    /// English: `--lang en`, or `THAMDINH_LANG=en` (never the locale).
    En,
}

impl Lang {
    /// The language a code names (`vi`, `en`, `en_US.UTF-8` …); None for any other.
    pub fn from_code(code: &str) -> Option<Lang> {
        let code = code.trim().to_ascii_lowercase();
        if code.starts_with("en") {
            Some(Lang::En)
        } else if code.starts_with("vi") {
            Some(Lang::Vi)
        } else {
            None
        }
    }

    /// The language `THAMDINH_LANG` asks for (`vi`, `en`); Vietnamese otherwise. The locale (`LANG`, `LC_ALL`)
    /// is not read: an English server locale or a Mac's SSH forward does not turn the council's program into
    /// a half-English one.
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Lang {
        var("THAMDINH_LANG").as_deref().and_then(Lang::from_code).unwrap_or(Lang::Vi)
    }

    /// The language for a command line: `--lang CODE` or `--lang=CODE` when given (the last one wins),
    /// else `THAMDINH_LANG`'s, else Vietnamese.
    pub fn choose(args: &[String], var: impl Fn(&str) -> Option<String>) -> Lang {
        let mut chosen = None;
        let mut iter = args.iter().skip(1);
        while let Some(arg) = iter.next() {
            if arg == "--" {
                break;
            }
            let code = match arg.strip_prefix("--lang") {
                Some("") => iter.next().map(String::as_str),
                Some(rest) => rest.strip_prefix('='),
                None => None,
            };
            if let Some(lang) = code.and_then(Lang::from_code) {
                chosen = Some(lang);
            }
        }
        chosen.unwrap_or_else(|| Lang::from_env(var))
    }

    /// The Vietnamese or the English text.
    pub fn pick<T>(self, vi: T, en: T) -> T {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}

/// What a library's own account of a fault (the operating system's, zip's, calamine's, SQLite's, in English)
/// means, in Vietnamese: the kinds people meet are worded; any other is named as the library's detail, quoted.
pub(crate) fn cause_vi(detail: &str) -> String {
    const KINDS: [(&[&str], &str); 10] = [
        (
            &["EOCD", "invalid Zip archive", "Invalid zip", "InvalidArchive"],
            "không phải tệp nén zip (tệp .xlsx, .docx là một gói zip)",
        ),
        (&["os error 21", "Is a directory"], "đó là một thư mục"),
        (&["os error 2)", "No such file or directory"], "không có tệp hay thư mục này"),
        (&["os error 13", "Permission denied"], "không có quyền truy cập"),
        (&["os error 28", "No space left"], "ổ đĩa đã hết chỗ"),
        (&["os error 30", "Read-only file system"], "ổ đĩa chỉ cho đọc"),
        (&["os error 20", "Not a directory"], "một phần của đường dẫn không phải thư mục"),
        (&["Invalid column type", "InvalidColumnType"], "một giá trị lưu sai kiểu (bị sửa ngoài chương trình)"),
        (&["database is locked", "database table is locked"], "cơ sở dữ liệu đang bị chương trình khác khóa"),
        (&["UTF-8", "utf-8", "invalid utf"], "không phải văn bản UTF-8"),
    ];
    let lowered = detail.to_lowercase();
    KINDS
        .iter()
        .find(|(marks, _)| marks.iter().any(|mark| lowered.contains(&mark.to_lowercase())))
        .map_or_else(|| format!("lỗi do thư viện báo: «{detail}»"), |(_, worded)| (*worded).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn library_faults_are_worded_in_vietnamese() {
        assert_eq!(
            cause_vi("invalid Zip archive: Could not find EOCD"),
            "không phải tệp nén zip (tệp .xlsx, .docx là một gói zip)"
        );
        assert_eq!(cause_vi("Is a directory (os error 21)"), "đó là một thư mục");
        assert_eq!(
            cause_vi("Invalid column type Blob at index: 3, name: value"),
            "một giá trị lưu sai kiểu (bị sửa ngoài chương trình)"
        );
        assert_eq!(cause_vi("No such file or directory (os error 2)"), "không có tệp hay thư mục này");
        assert_eq!(cause_vi("something new"), "lỗi do thư viện báo: «something new»");
    }

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn lang_comes_from_the_flag_then_thamdinh_lang_never_the_locale() {
        let none = |_: &str| None;
        let english_locale = |name: &str| (name == "LANG" || name == "LC_ALL").then(|| "en_US.UTF-8".to_string());
        assert_eq!(Lang::choose(&args(&["thamdinh", "rank"]), none), Lang::Vi);
        assert_eq!(Lang::choose(&args(&["thamdinh", "rank"]), english_locale), Lang::Vi, "the locale is not read");
        assert_eq!(Lang::choose(&args(&["thamdinh", "--lang", "en", "rank"]), none), Lang::En);
        let asked = |name: &str| (name == "THAMDINH_LANG").then(|| "en".to_string());
        assert_eq!(Lang::choose(&args(&["thamdinh", "rank"]), asked), Lang::En);
        assert_eq!(Lang::choose(&args(&["thamdinh", "rank", "--lang=vi"]), asked), Lang::Vi, "--lang wins");
        let unknown = |name: &str| (name == "THAMDINH_LANG").then(|| "fr".to_string());
        assert_eq!(Lang::choose(&args(&["thamdinh"]), unknown), Lang::Vi);
    }
}
