//! The interface's sentences about re-rating a unit after its bloc's approval (issue 26): each cites the round's
//! regulation's article of re-rating from its data (`rerating`: 2610's *Điều 10.4*), and none where the
//! regulation has no such article (453, the synthetic text): never a province's article written here.

use super::Lang;
use super::citations::cited;

/// The re-rating reason's placeholder in the facts and grades forms.
pub fn placeholder(rerating: Option<&str>, lang: Lang) -> String {
    let cited = cited(rerating, lang);
    match lang {
        Lang::Vi => format!("Lý do xếp loại lại{cited}: khuyết điểm, vi phạm phát hiện sau khi phê duyệt"),
        Lang::En => format!("Re-rating reason{cited}: shortcomings, violations found after the approval"),
    }
}

/// A re-rating saved without its reason.
pub fn needs_reason(rerating: Option<&str>, lang: Lang) -> String {
    let cited = cited(rerating, lang);
    match lang {
        Lang::Vi => format!("Xếp loại lại cần lý do{cited}: Tab để nhập"),
        Lang::En => format!("Re-rating needs a reason{cited}: Tab to type it"),
    }
}

/// The title of the re-rating reason's box in the facts and grades forms.
pub fn reason_box(rerating: Option<&str>, lang: Lang) -> String {
    let cited = cited(rerating, lang);
    match lang {
        Lang::Vi => format!(" Khối đã phê duyệt — xếp loại lại{cited}: lý do (Tab) "),
        Lang::En => format!(" Bloc approved — re-rating{cited}: reason (Tab) "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_sentence_cites_the_regulations_article_or_none() {
        let article = Some("Điều 10.4");
        assert_eq!(
            placeholder(article, Lang::Vi),
            "Lý do xếp loại lại (Điều 10.4): khuyết điểm, vi phạm phát hiện sau khi phê duyệt"
        );
        assert_eq!(placeholder(None, Lang::Vi), "Lý do xếp loại lại: khuyết điểm, vi phạm phát hiện sau khi phê duyệt");
        assert_eq!(needs_reason(article, Lang::Vi), "Xếp loại lại cần lý do (Điều 10.4): Tab để nhập");
        assert_eq!(needs_reason(None, Lang::En), "Re-rating needs a reason: Tab to type it");
        assert_eq!(reason_box(article, Lang::En), " Bloc approved — re-rating (article 10.4): reason (Tab) ");
        assert_eq!(reason_box(None, Lang::Vi), " Khối đã phê duyệt — xếp loại lại: lý do (Tab) ");
        assert_eq!(
            reason_box(Some("Khoản 3 Điều 9"), Lang::Vi),
            " Khối đã phê duyệt — xếp loại lại (Khoản 3 Điều 9): lý do (Tab) "
        );
    }
}
