//! Wrapping text to the width of the screen, by display width (a Vietnamese letter with its combining marks is
//! one column), at spaces only (not at hyphens: a code or an address stays whole), never inside a word: `textwrap`,
//! set once for every view.

/// `text` laid into lines of at most `width` columns: the first line begins with `first` spaces, the others with
/// `rest` (a hanging indent). Runs of blanks and line breaks count as one space; a word longer than a line has
/// a line of its own, whole (the view clips it at the edge) rather than cut.
pub fn lines(text: &str, width: usize, first: usize, rest: usize) -> Vec<String> {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let first = " ".repeat(first);
    let rest = " ".repeat(rest);
    let options = textwrap::Options::new(width)
        .initial_indent(&first)
        .subsequent_indent(&rest)
        .break_words(false)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
    let mut lines: Vec<String> = textwrap::wrap(&text, &options).into_iter().map(String::from).collect();
    // An empty text is one line holding the indent, as a blank row of the file.
    if let [only] = lines.as_mut_slice()
        && only.is_empty()
    {
        only.push_str(&first);
    }
    lines
}

/// A short notice (the "too small" screen) laid into lines of at most `width` columns at its phrases' ends (after
/// `:`, `;`, `,` or a dash) where it can: phrases share a line while they fit, a phrase starts a new line rather
/// than break, and only a phrase wider than a line is wrapped at its spaces ([`lines`]), on lines of its own.
pub fn phrases(text: &str, width: usize) -> Vec<String> {
    let mut phrases: Vec<String> = Vec::new();
    let mut open = false;
    for word in text.split_whitespace() {
        match phrases.last_mut() {
            Some(phrase) if open => {
                phrase.push(' ');
                phrase.push_str(word);
            }
            _ => phrases.push(word.to_string()),
        }
        open = !(word == "—" || word.ends_with([':', ';', ',']));
    }
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    for phrase in phrases {
        let joined = if line.is_empty() { phrase.clone() } else { format!("{line} {phrase}") };
        if unicode_width::UnicodeWidthStr::width(joined.as_str()) <= width {
            line = joined;
            continue;
        }
        if !line.is_empty() {
            out.push(std::mem::take(&mut line));
        }
        if unicode_width::UnicodeWidthStr::width(phrase.as_str()) <= width {
            line = phrase;
        } else {
            // Wrapped on lines of its own: the next phrase starts a line, not the end of this one.
            out.extend(lines(&phrase, width, 0, 0));
        }
    }
    if !line.is_empty() {
        out.push(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{lines, phrases};

    #[test]
    fn a_notice_breaks_at_its_phrases_ends_and_wraps_only_a_phrase_wider_than_the_line() {
        let text = "hiện 40×12 — hãy phóng to cửa sổ; q để thoát";
        assert_eq!(phrases(text, 40), ["hiện 40×12 — hãy phóng to cửa sổ;", "q để thoát"]);
        assert_eq!(phrases(text, 30), ["hiện 40×12 —", "hãy phóng to cửa sổ;", "q để thoát"]);
        assert_eq!(phrases(text, 60), [text]);
        // A phrase wider than the line is wrapped at its spaces; the next phrase starts after it.
        assert_eq!(phrases(text, 12), ["hiện 40×12 —", "hãy phóng to", "cửa sổ;", "q để thoát"]);
        assert_eq!(phrases(text, 16), ["hiện 40×12 —", "hãy phóng to cửa", "sổ;", "q để thoát"]);
    }
    use unicode_normalization::UnicodeNormalization;
    use unicode_width::UnicodeWidthStr;

    /// A deduction reason as a member types it, decomposed (each tone mark a combining character of width 0).
    fn reason() -> String {
        "Đơn vị chưa cung cấp đầy đủ tài liệu kiểm chứng cho tiêu chí thành phần, trừ một nửa số điểm theo hướng dẫn"
            .nfd()
            .collect()
    }

    #[test]
    fn a_long_vietnamese_reason_wraps_at_its_display_width_with_no_word_cut() {
        let text = reason();
        assert!(text.chars().count() > UnicodeWidthStr::width(text.as_str()), "the text carries combining marks");
        let wrapped = lines(&text, 30, 4, 6);
        assert!(wrapped.len() > 2, "{wrapped:?}");
        for line in &wrapped {
            assert!(UnicodeWidthStr::width(line.as_str()) <= 30, "{line:?} is wider than 30 columns");
        }
        // By display width, not by characters: a line holds more characters than columns.
        assert!(wrapped.iter().any(|line| line.chars().count() > 30), "{wrapped:?}");
        // No word cut: the words, in order, are the text's.
        let words: Vec<&str> = wrapped.iter().flat_map(|line| line.split_whitespace()).collect();
        assert_eq!(words, text.split_whitespace().collect::<Vec<_>>());
        // Indent kept: the first line at 4, every other line at 6.
        assert!(wrapped[0].starts_with("    Đ".nfd().collect::<String>().as_str()), "{:?}", wrapped[0]);
        for line in &wrapped[1..] {
            assert!(line.starts_with("      ") && !line.starts_with("       "), "{line:?}");
        }
    }

    #[test]
    fn a_word_longer_than_the_line_stays_whole_on_its_own_line() {
        let wrapped = lines("một https://stc.gov.vn/tai-lieu/quyet-dinh-so-123-ubnd hai", 20, 0, 2);
        assert_eq!(wrapped, ["một", "  https://stc.gov.vn/tai-lieu/quyet-dinh-so-123-ubnd", "  hai"]);
    }

    #[test]
    fn line_breaks_and_runs_of_blanks_are_one_space_and_an_empty_text_is_its_indent() {
        assert_eq!(lines("trừ  điểm\nvì thiếu", 80, 2, 4), ["  trừ điểm vì thiếu"]);
        assert_eq!(lines("", 80, 2, 4), ["  "]);
    }
}
