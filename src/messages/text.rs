//! Why a person's text was refused (`domain::validate::TextRefusal`), in both languages: the form, the CSV, the
//! sheet and the command line word it the same way.

use super::Lang;
use crate::domain::validate::TextRefusal;

/// A text refusal as a person reads it, after the name of the text ("Lý do trừ điểm …", "column title: …").
pub fn text_refusal(why: &TextRefusal, lang: Lang) -> String {
    match (why, lang) {
        (TextRefusal::ControlCharacter { code, position }, Lang::Vi) => format!(
            "chứa ký tự điều khiển U+{code:04X} ở vị trí {position}; chỉ được dùng chữ, số, dấu câu, xuống dòng và tab"
        ),
        (TextRefusal::ControlCharacter { code, position }, Lang::En) => format!(
            "holds the control character U+{code:04X} at position {position}; only letters, digits, punctuation, line breaks and tabs"
        ),
        (TextRefusal::LineBreak, Lang::Vi) => "không được xuống dòng".into(),
        (TextRefusal::LineBreak, Lang::En) => "may not break a line".into(),
        (TextRefusal::Invisible, Lang::Vi) => {
            "không có ký tự nào nhìn thấy được (chỉ có ký tự vô hình hoặc ký tự định dạng)".into()
        }
        (TextRefusal::Invisible, Lang::En) => "shows nothing (only invisible or formatting characters)".into(),
        (TextRefusal::BidiControl { code, position }, Lang::Vi) => format!(
            "chứa ký tự đổi chiều chữ U+{code:04X} ở vị trí {position}; không được dùng trong tên, mã, tiêu đề, số hiệu"
        ),
        (TextRefusal::BidiControl { code, position }, Lang::En) => format!(
            "holds the bidi control U+{code:04X} at position {position}; not allowed in names, codes, titles, references"
        ),
        (TextRefusal::TooLong { length, limit }, Lang::Vi) => {
            format!("dài {length} ký tự, quá giới hạn {limit} ký tự")
        }
        (TextRefusal::TooLong { length, limit }, Lang::En) => {
            format!("is {length} characters long, over the limit of {limit}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each refusal in each language; the English is also the refusal's own text, which the store's English
    /// errors embed, so the two never drift.
    #[test]
    fn every_text_refusal_is_worded_in_both_languages() {
        let all = [
            TextRefusal::ControlCharacter { code: 0x1B, position: 3 },
            TextRefusal::LineBreak,
            TextRefusal::Invisible,
            TextRefusal::BidiControl { code: 0x202E, position: 1 },
            TextRefusal::TooLong { length: 5000, limit: 4000 },
        ];
        let vietnamese = |text: &str| {
            text.chars().any(|c| "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹýàáèéìíòóùú".contains(c))
        };
        for why in &all {
            let (vi, en) = (text_refusal(why, Lang::Vi), text_refusal(why, Lang::En));
            assert!(vietnamese(&vi), "{vi}");
            assert!(!vietnamese(&en), "{en}");
            assert_eq!(en, why.to_string());
        }
    }
}
