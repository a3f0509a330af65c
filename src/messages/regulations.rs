//! The lines of `thamdinh regulations` and `regulations show ID`, in Vietnamese and English.

use super::Lang;
use rust_decimal::Decimal;

/// After the list: how to read one regulation's frameworks.
pub fn show_hint(lang: Lang) -> &'static str {
    lang.pick(
        "Xem khung tiêu chí, mã và điểm của một quy chế: thamdinh regulations show <mã quy chế>",
        "A regulation's frameworks, codes and points: thamdinh regulations show <id>",
    )
}

/// A framework's heading: its title, where it is printed, and the blocs or groups whose units it scores.
pub fn framework_heading(lang: Lang, title: &str, source: &str, used_by: &[String]) -> String {
    let used = used_by.join(", ");
    match lang {
        Lang::Vi => format!("Khung {title} ({source}) — áp dụng cho: {used}"),
        Lang::En => format!("Framework {title} ({source}) — used by: {used}"),
    }
}

/// Points as the language writes a number (`2,5 điểm`, `2.5 points`).
pub fn points(lang: Lang, value: Decimal) -> String {
    let value = value.normalize().to_string();
    match lang {
        Lang::Vi => format!("{} điểm", value.replace('.', ",")),
        Lang::En => format!("{value} points"),
    }
}

/// Marks a criterion the leaders score, named as the regulation names them (the seeds: *Lãnh đạo UBND tỉnh*).
pub fn scored_by_leaders(lang: Lang, leaders: Option<&str>) -> String {
    match (lang, leaders) {
        (Lang::Vi, Some(name)) => format!(" ({name} chấm)"),
        (Lang::En, Some(name)) => format!(" (scored by the leaders: {name})"),
        (Lang::Vi, None) => " (Lãnh đạo UBND tỉnh chấm)".into(),
        (Lang::En, None) => " (scored by the provincial leaders)".into(),
    }
}
