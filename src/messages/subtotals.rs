//! The middle levels of a criterion (B.2 › B.2.1 › B.2.1.1) as the unit's screens show them: each sub-criterion
//! with its max and its subtotal (issue 26).

use super::Lang;
use crate::domain::score::display_vi;
use rust_decimal::Decimal;
use std::fmt::Write;

/// A sub-criterion's line in the unit's file: code, name, max and the subtotal of its leaves (appraised where
/// appraised, else the self-score: the provisional figure), when any leaf applies.
pub fn subtotal_line(lang: Lang, code: &str, name: &str, max: Decimal, subtotal: Option<Decimal>) -> String {
    let shown = |value: Decimal| match lang {
        Lang::Vi => display_vi(value),
        Lang::En => value.normalize().to_string(),
    };
    let mut line = match lang {
        Lang::Vi => format!("{code} {name} — tối đa {}", shown(max)),
        Lang::En => format!("{code} {name} — max {}", shown(max)),
    };
    match (subtotal, lang) {
        (Some(value), Lang::Vi) => {
            let _ = write!(line, " · điểm {}", shown(value));
        }
        (Some(value), Lang::En) => {
            let _ = write!(line, " · subtotal {}", shown(value));
        }
        (None, Lang::Vi) => line.push_str(" · không áp dụng"),
        (None, Lang::En) => line.push_str(" · not applicable"),
    }
    line
}

/// A sub-criterion in the self-assessment form's context: its code, name and the unit's own self-scores summed
/// over its leaves, of its max.
pub fn self_context(lang: Lang, code: &str, name: &str, max: Decimal, own: Decimal) -> String {
    match lang {
        Lang::Vi => format!("{code} {name} (tự chấm {}/{})", display_vi(own), display_vi(max)),
        Lang::En => format!("{code} {name} (self-scored {}/{})", own.normalize(), max.normalize()),
    }
}
