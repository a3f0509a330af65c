//! The one validator of each kind of text a person sends in (reasons, explanations, comments, names, codes):
//! every path that writes one (form, CSV, sheet, re-rating) calls these, so the rules and the words agree.

use unicode_normalization::UnicodeNormalization;

/// Why a text was refused; the caller adds the file, line, unit and criterion.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextRefusal {
    /// A control character other than newline and tab (NUL, ESC, BEL, C1 …), named by its code point.
    #[error(
        "chứa ký tự điều khiển U+{code:04X} ở vị trí {position}; chỉ được dùng chữ, số, dấu câu, xuống dòng và tab"
    )]
    ControlCharacter { code: u32, position: usize },
    /// A line break where the text must stay on one line (a name, a code).
    #[error("không được xuống dòng")]
    LineBreak,
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

/// As `clean_text`, on one line (a unit's name, a document's title or number).
pub fn clean_line(text: &str) -> Result<String, TextRefusal> {
    if text.contains(['\n', '\r']) {
        return Err(TextRefusal::LineBreak);
    }
    clean_text(text)
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
    fn codes_compare_without_case_and_form() {
        assert_eq!(code_key("DV00001"), code_key("dv00001"));
        assert_eq!(code_key("Sô\u{0301}"), code_key("SỐ"));
        assert_ne!(code_key("dv1"), code_key("dv01"));
    }
}
