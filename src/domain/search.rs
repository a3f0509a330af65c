//! Diacritic-insensitive matching of Vietnamese text: `so noi vu` finds `Sở Nội vụ`.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds text for matching: NFD, drop combining marks, đ/Đ → d, lowercase.
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            other => other,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Every word of the query appears in the text, ignoring marks and case.
pub fn matches(text: &str, query: &str) -> bool {
    let text = fold(text);
    fold(query).split_whitespace().all(|word| text.contains(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diacritics_and_d_bar_fold() {
        assert_eq!(fold("Sở Nội vụ"), "so noi vu");
        assert_eq!(fold("Đài Phát thanh"), "dai phat thanh");
        assert!(matches("Ủy ban nhân dân huyện Định Hóa", "dinh hoa"));
        assert!(!matches("Sở Tư pháp", "noi vu"));
    }
}
