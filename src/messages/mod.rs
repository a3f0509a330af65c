//! The message catalog: every sentence a person reads, in Vietnamese (the default) and in English
//! (`--lang en`). It sits above `store`/`sheet` and below `cli`/`tui`: the layers below return typed errors
//! and actions, and this module words them; the interface always asks for Vietnamese.
//!
//! Entry points: [`store_error`], [`refused`], [`refusal`], [`row_problem`], [`data_error`], [`audit_action`],
//! [`audit_action_slug`], [`field_name`], [`cli_error`], and the CLI's own texts in [`cli`], [`year`] and [`help`].

pub mod actions;
pub mod catalog;
pub mod cli;
mod errors;
mod files;
pub mod help;
pub mod regulation;
mod rows;
pub mod year;

pub use actions::{audit_action, audit_action_slug, field_name, field_value, unvalued_detail};
pub use cli::{CliError, CliRefusal, cli_error};
pub use errors::{data_error, refusal, refused, store_error};
pub use rows::row_problem;

/// The language people read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Vietnamese with full diacritics: the council's language, the default.
    #[default]
    Vi,
    /// English: `--lang en`, or a locale (`LC_ALL`, `LC_MESSAGES`, `LANG`) that starts with `en`.
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

    /// The language of the locale, as POSIX orders it: the first set of `LC_ALL`, `LC_MESSAGES`, `LANG`;
    /// English only when it starts with `en`, Vietnamese otherwise.
    pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].into_iter().filter_map(var).find(|value| !value.is_empty());
        match locale {
            Some(value) if value.to_ascii_lowercase().starts_with("en") => Lang::En,
            _ => Lang::Vi,
        }
    }

    /// The language for a command line: `--lang CODE` or `--lang=CODE` when given (the last one wins),
    /// else the locale's.
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
        chosen.unwrap_or_else(|| Lang::from_locale(var))
    }

    /// The Vietnamese or the English text.
    pub fn pick<T>(self, vi: T, en: T) -> T {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn lang_comes_from_the_flag_then_the_locale() {
        let none = |_: &str| None;
        let english = |name: &str| (name == "LANG").then(|| "en_US.UTF-8".to_string());
        assert_eq!(Lang::choose(&args(&["thamdinh", "rank"]), none), Lang::Vi);
        assert_eq!(Lang::choose(&args(&["thamdinh", "rank"]), english), Lang::En);
        assert_eq!(Lang::choose(&args(&["thamdinh", "--lang", "en", "rank"]), none), Lang::En);
        assert_eq!(Lang::choose(&args(&["thamdinh", "rank", "--lang=vi"]), english), Lang::Vi);
        let c = |name: &str| (name == "LANG").then(|| "C.UTF-8".to_string());
        assert_eq!(Lang::choose(&args(&["thamdinh"]), c), Lang::Vi);
        let all = |name: &str| match name {
            "LC_ALL" => Some("vi_VN.UTF-8".to_string()),
            _ => Some("en_US.UTF-8".to_string()),
        };
        assert_eq!(Lang::choose(&args(&["thamdinh"]), all), Lang::Vi, "LC_ALL overrides LANG");
    }
}
