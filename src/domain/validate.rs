//! The one validator of each kind of text a person sends in (reasons, explanations, comments, names, codes):
//! every path that writes one (form, CSV, sheet, re-rating) calls these, so the rules and the words agree.

use unicode_normalization::UnicodeNormalization;

/// Why a text was refused; the caller adds the file, line, unit and criterion.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextRefusal {
    /// A control character other than newline and tab (NUL, ESC, BEL, C1 …), named by its code point.
    #[error(
        "holds the control character U+{code:04X} at position {position}; only letters, digits, punctuation, line breaks and tabs"
    )]
    ControlCharacter {
        /// The character's code point.
        code: u32,
        /// Its position in the text, in characters counted from 1.
        position: usize,
    },
    /// A line break where the text must stay on one line (a name, a code).
    #[error("may not break a line")]
    LineBreak,
    /// Only characters that show nothing (zero-width, format, bidi marks, the braille blank): it reads as empty.
    #[error("shows nothing (only invisible or formatting characters)")]
    Invisible,
    /// A bidi embedding, override or isolate in a one-line text: it would reorder what the reader sees.
    #[error(
        "holds the bidi control U+{code:04X} at position {position}; not allowed in names, codes, titles, references"
    )]
    BidiControl {
        /// The character's code point.
        code: u32,
        /// Its position in the text, in characters counted from 1.
        position: usize,
    },
    /// Longer than its kind of text may be.
    #[error("is {length} characters long, over the limit of {limit}")]
    TooLong {
        /// The text's length in characters.
        length: usize,
        /// The most its kind of text may have.
        limit: usize,
    },
}

/// The longest appraisal period a round may set, in working days: a year's working days.
pub const APPRAISAL_DAYS_LIMIT: u32 = 365;

/// The kinds of text a person sends in, each with the most characters it may hold (README, "Bounds of text").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    /// A code (unit, bloc, group, criterion) or a user name.
    Code,
    /// A unit's name, a person's full name, a leader named in a row.
    Name,
    /// A document's title or reference, a minutes number: one line.
    Line,
    /// A reason, an explanation, a comment, any other cell: may span lines.
    Long,
}

/// The one table of text bounds, in characters.
pub const TEXT_LIMITS: [(TextKind, usize); 4] =
    [(TextKind::Code, 64), (TextKind::Name, 200), (TextKind::Line, 500), (TextKind::Long, 4000)];

impl TextKind {
    /// The most characters this kind of text may hold.
    pub fn limit(self) -> usize {
        TEXT_LIMITS.iter().find(|(kind, _)| *kind == self).map_or(0, |(_, limit)| *limit)
    }

    /// A CSV column's kind of text, by the column's name.
    pub fn of_column(column: &str) -> TextKind {
        match column {
            "code" | "unit" | "bloc" | "group" | "criterion" => TextKind::Code,
            "name" | "full_name" | "leader" => TextKind::Name,
            "title" | "reference" | "minutes" => TextKind::Line,
            _ => TextKind::Long,
        }
    }
}

/// A character that prints nothing a reader can see: spaces, zero-width and formatting marks, the
/// byte-order mark, bidi marks. A text made only of these is empty.
fn invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{17B4}'
                | '\u{17B5}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{2800}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
        )
}

/// A control character a text may not carry: C0 other than newline and tab, DEL, C1.
fn forbidden_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\n' | '\t')
}

/// The text as it is stored: NFC, trimmed, `\r\n` read as a newline; refused when it carries a control
/// character other than newline and tab.
pub fn clean_text(text: &str) -> Result<String, TextRefusal> {
    let text = text.replace("\r\n", "\n");
    if let Some((position, c)) = text.chars().enumerate().find(|(_, c)| forbidden_control(*c)) {
        return Err(TextRefusal::ControlCharacter { code: u32::from(c), position: position + 1 });
    }
    Ok(text.nfc().collect::<String>().trim().to_string())
}

/// As `clean_text`, on one line (a document's title or number): `check(TextKind::Line, …)`.
pub fn clean_line(text: &str) -> Result<String, TextRefusal> {
    check(TextKind::Line, text)
}

/// The one rule of a person's text of a kind, on every path (CSV, sheet, form, command line): as `clean_text`,
/// within the kind's length; a one-line kind (all but `Long`) has no line break (U+2028 and U+2029 included) and no
/// bidi control, and, when not empty, something a reader can see. Emptiness is the caller's to refuse or allow.
pub fn check(kind: TextKind, text: &str) -> Result<String, TextRefusal> {
    let one_line = kind != TextKind::Long;
    if one_line && text.contains(['\n', '\r', '\u{2028}', '\u{2029}']) {
        return Err(TextRefusal::LineBreak);
    }
    let text = clean_text(text)?;
    if one_line && let Some((position, c)) = text.chars().enumerate().find(|(_, c)| bidi_control(*c)) {
        return Err(TextRefusal::BidiControl { code: u32::from(c), position: position + 1 });
    }
    let length = text.chars().count();
    if length > kind.limit() {
        return Err(TextRefusal::TooLong { length, limit: kind.limit() });
    }
    if one_line && !text.is_empty() && !has_visible(&text) {
        return Err(TextRefusal::Invisible);
    }
    Ok(text)
}

/// The bidi embeddings, overrides and isolates: U+202A–U+202E, U+2066–U+2069.
fn bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The text holds something a reader can see: "non-empty" for a reason, an explanation or a comment.
pub fn has_visible(text: &str) -> bool {
    text.chars().any(|c| !invisible(c) && !c.is_control())
}

/// A code as codes are compared: NFC and lowercase, so `DV00001` and `dv00001` are one code.
pub fn code_key(code: &str) -> String {
    code.nfc().flat_map(char::to_lowercase).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_nfc_and_trimmed_and_controls_are_refused() {
        let decomposed = "Tha\u{0300}nh"; // "Thành" with a combining grave accent
        assert_eq!(clean_text(&format!("  {decomposed} \r\n")).as_deref(), Ok("Thành"));
        assert_eq!(clean_text("dòng 1\r\ndòng 2\tcột").as_deref(), Ok("dòng 1\ndòng 2\tcột"));
        for (bad, code) in [("a\0b", 0), ("\u{1b}]0;x\u{7}", 0x1b), ("x\u{9b}31m", 0x9b), ("\u{7f}", 0x7f)] {
            assert!(
                matches!(clean_text(bad), Err(TextRefusal::ControlCharacter { code: c, .. }) if c == code),
                "{bad:?}"
            );
        }
        assert_eq!(clean_line("a\nb"), Err(TextRefusal::LineBreak));
    }

    #[test]
    fn only_visible_characters_make_a_text_non_empty() {
        for empty in ["", "   ", "\u{200B}", "\u{200B}\u{FEFF} \u{2060}", "\t\n", "\u{202E}\u{200F}"] {
            assert!(!has_visible(empty), "{empty:?}");
        }
        for text in ["x", " không có tài liệu kiểm chứng ", "\u{200B}a", "."] {
            assert!(has_visible(text), "{text:?}");
        }
    }

    #[test]
    fn one_rule_bounds_every_kind_of_text() {
        for (kind, limit) in TEXT_LIMITS {
            assert_eq!(check(kind, &"a".repeat(limit)).map(|t| t.len()), Ok(limit), "{kind:?}");
            assert_eq!(check(kind, &"a".repeat(limit + 1)), Err(TextRefusal::TooLong { length: limit + 1, limit }));
        }
        for kind in [TextKind::Code, TextKind::Name, TextKind::Line] {
            for nothing in ["\u{200B}", "\u{2060}\u{FEFF}", "\u{2800}", "\u{200E}\u{3164}"] {
                assert_eq!(check(kind, nothing), Err(TextRefusal::Invisible), "{kind:?} {nothing:?}");
            }
            assert!(matches!(check(kind, "\u{202E}"), Err(TextRefusal::BidiControl { code: 0x202E, position: 1 })));
            assert!(matches!(check(kind, "Sở\u{2066}x"), Err(TextRefusal::BidiControl { code: 0x2066, position: 3 })));
            for broken in ["a\nb", "a\u{2028}b", "a\u{2029}b"] {
                assert_eq!(check(kind, broken), Err(TextRefusal::LineBreak), "{kind:?} {broken:?}");
            }
            assert_eq!(check(kind, ""), Ok(String::new()));
        }
        assert_eq!(check(TextKind::Long, "dòng 1\ndòng 2").as_deref(), Ok("dòng 1\ndòng 2"));
        assert_eq!(check(TextKind::Name, " Sở Nội vụ ").as_deref(), Ok("Sở Nội vụ"));
        assert_eq!(TextKind::of_column("title"), TextKind::Line);
        assert_eq!(TextKind::of_column("full_name"), TextKind::Name);
    }

    #[test]
    fn codes_compare_without_case_and_form() {
        assert_eq!(code_key("DV00001"), code_key("dv00001"));
        assert_eq!(code_key("Sô\u{0301}"), code_key("SỐ"));
        assert_ne!(code_key("dv1"), code_key("dv01"));
    }
}
