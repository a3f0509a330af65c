//! Articles cited from the regulation's data (issue 26): a regulation's own article where its data names one,
//! and no citation where it names none, never another regulation's.

use super::Lang;

/// " (Điều 10.4)" after a sentence, from the regulation's data; in English " (article 10.4)" where the article
/// reads *Điều …*; nothing where the regulation has no such article.
pub fn cited(article: Option<&str>, lang: Lang) -> String {
    match (article.map(str::trim).filter(|a| !a.is_empty()), lang) {
        (None, _) => String::new(),
        (Some(article), Lang::Vi) => format!(" ({article})"),
        (Some(article), Lang::En) => match article.strip_prefix("Điều ") {
            Some(number) => format!(" (article {number})"),
            None => format!(" ({article})"),
        },
    }
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
}
