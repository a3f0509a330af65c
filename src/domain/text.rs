//! Text that reaches a terminal: characters that would act on it instead of being shown, written as escapes.
//!
//! A unit name, an explanation or an audit row is typed by people and read from files; printed raw, an ESC or a C1
//! CSI starts a control sequence (retitle the window, move the cursor, hide what follows), a BEL rings, a BS
//! overwrites, and a bidi override reorders what the reader sees. The command line and the interface show such a
//! character as an escape instead (`\x1b`, `\u{9b}`, `\u{202e}`), so what is on screen is what is stored.

use std::borrow::Cow;

/// Bidirectional controls: the embeddings and overrides (U+202A–U+202E), the isolates (U+2066–U+2069), and the
/// marks (U+200E, U+200F, U+061C).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
}

/// A character a terminal acts on rather than shows: C0 controls (ESC, BEL, BS …), DEL, C1 controls
/// (U+0080–U+009F, among them the one-byte CSI U+009B), and the bidi controls.
pub fn is_terminal_control(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

fn escape(c: char, out: &mut String) {
    use std::fmt::Write;
    let _ = if (c as u32) < 0x80 { write!(out, "\\x{:02x}", c as u32) } else { write!(out, "\\u{{{:x}}}", c as u32) };
}

fn escaped(text: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(|c| is_terminal_control(c) && !keep(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_terminal_control(c) && !keep(c) {
            escape(c, &mut out);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// One line of text (a name, a reason, a cell): every control character escaped, newline and tab included.
pub fn escape_line(text: &str) -> Cow<'_, str> {
    escaped(text, |_| false)
}

/// A multi-line text (a report, a message of several lines): control characters escaped except newline and tab.
pub fn escape_text(text: &str) -> Cow<'_, str> {
    escaped(text, |c| matches!(c, '\n' | '\t'))
}

/// JSON for a terminal: the controls `serde_json` leaves raw (DEL, C1, bidi) written as `\u` escapes, which
/// keeps the document valid and its strings equal. Control characters can only stand inside strings.
pub fn escape_json(json: &str) -> Cow<'_, str> {
    use std::fmt::Write;
    if !json.chars().any(|c| is_terminal_control(c) && !matches!(c, '\n' | '\t')) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 8);
    for c in json.chars() {
        if is_terminal_control(c) && !matches!(c, '\n' | '\t') {
            let _ = write!(out, "\\u{:04x}", c as u32);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The first control character of a text and its column (1-based, in characters), for refusing it on input.
pub fn first_control(text: &str) -> Option<(usize, char)> {
    text.chars().enumerate().find(|(_, c)| is_terminal_control(*c)).map(|(index, c)| (index + 1, c))
}

/// How a refused character is named in a message: `U+001B` and its escape.
pub fn describe(c: char) -> String {
    let mut shown = String::new();
    escape(c, &mut shown);
    format!("U+{:04X} ({shown})", c as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_escaped_and_plain_text_is_borrowed() {
        assert!(matches!(escape_line("Sở Tài chính"), Cow::Borrowed(_)));
        assert_eq!(escape_line("a\u{1b}]0;pwned\u{7}b"), "a\\x1b]0;pwned\\x07b");
        assert_eq!(escape_line("\u{9b}31m"), "\\u{9b}31m");
        assert_eq!(escape_line("abc\u{202e}fed"), "abc\\u{202e}fed");
        assert_eq!(escape_line("x\u{2066}y\u{200f}"), "x\\u{2066}y\\u{200f}");
        assert_eq!(escape_line("a\nb\tc\u{8}\u{7f}"), "a\\x0ab\\x09c\\x08\\x7f");
        assert_eq!(escape_text("a\nb\tc\u{1b}"), "a\nb\tc\\x1b");
    }

    #[test]
    fn json_stays_json() {
        let json = serde_json::to_string(&"a\u{1b}\u{9b}\u{202e}").unwrap();
        let safe = escape_json(&json);
        assert!(!safe.chars().any(is_terminal_control), "{safe}");
        assert_eq!(serde_json::from_str::<String>(&safe).unwrap(), "a\u{1b}\u{9b}\u{202e}");
    }

    #[test]
    fn the_first_control_is_found_with_its_column() {
        assert_eq!(first_control("Sở\u{9b}"), Some((3, '\u{9b}')));
        assert_eq!(first_control("Sở Nội vụ"), None);
        assert_eq!(describe('\u{1b}'), "U+001B (\\x1b)");
        assert_eq!(describe('\u{202e}'), "U+202E (\\u{202e})");
    }
}
