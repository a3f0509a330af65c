//! Articles cited from the regulation's data (issue 26): a regulation's own article where its data names one,
//! and no citation where it names none, never another regulation's.

use super::Lang;

/// " (Điều 10.4)" after a sentence, from the regulation's data; in English " (article 10.4)" where the article
/// reads *Điều …*; nothing where the regulation has no such article.
pub fn cited(article: Option<&str>, lang: Lang) -> String {
    named(article, lang).map(|article| format!(" ({article})")).unwrap_or_default()
}

/// ", Điều 10.4" at the end of a parenthesis that already says something ("(Chủ tịch, Điều 10.4)"); in English
/// ", article 10.4"; nothing where the regulation has no such article.
pub fn within(article: Option<&str>, lang: Lang) -> String {
    named(article, lang).map(|article| format!(", {article}")).unwrap_or_default()
}

/// " theo Điều 10.4" in a sentence's middle ("xếp loại lại theo Điều 10.4"); in English " (article 10.4)";
/// nothing where the regulation has no such article.
pub fn following(article: Option<&str>, lang: Lang) -> String {
    match (named(article, lang), lang) {
        (None, _) => String::new(),
        (Some(article), Lang::Vi) => format!(" theo {article}"),
        (Some(article), Lang::En) => format!(" ({article})"),
    }
}

/// The article as the reader's language names it: *Điều 10.4*, or *article 10.4* in English; None where the
/// regulation's data names none.
fn named(article: Option<&str>, lang: Lang) -> Option<String> {
    let article = article.map(str::trim).filter(|a| !a.is_empty())?;
    Some(match (article.strip_prefix("Điều "), lang) {
        (Some(number), Lang::En) => format!("article {number}"),
        _ => article.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_is_cited_as_the_data_gives_it_and_nothing_is_cited_without_one() {
        assert_eq!(cited(Some("Điều 10.4"), Lang::Vi), " (Điều 10.4)");
        assert_eq!(cited(Some("Điều 10.4"), Lang::En), " (article 10.4)");
        assert_eq!(cited(Some("Khoản 3"), Lang::En), " (Khoản 3)");
        assert_eq!(cited(None, Lang::Vi), "");
        assert_eq!(cited(Some(" "), Lang::En), "");
    }

    #[test]
    fn inside_a_parenthesis_or_a_sentence_the_article_is_the_datas_or_none() {
        assert_eq!(within(Some("Điều 10.4"), Lang::Vi), ", Điều 10.4");
        assert_eq!(within(Some("Điều 10.4"), Lang::En), ", article 10.4");
        assert_eq!(within(None, Lang::Vi), "");
        assert_eq!(following(Some("Điều 10.4"), Lang::Vi), " theo Điều 10.4");
        assert_eq!(following(Some("Điều 10.4"), Lang::En), " (article 10.4)");
        assert_eq!(following(None, Lang::En), "");
    }
}
