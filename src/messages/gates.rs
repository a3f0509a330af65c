//! The words of the gates before a council write (`domain::gates`, `domain::permissions`): said once here, so
//! the refusal the interface shows before it offers a key is the store's, word for word.

use super::Lang;
use crate::domain::code::UnitCode;
use crate::domain::gates::{ApprovalBlocker, RoleGrantRefusal, WithdrawalRefusal};
use crate::domain::permissions::Refusal;

/// Why the chairman cannot approve a bloc now (the store's refusal of `approve_bloc` and the approval prompt).
pub fn approval(blocker: &ApprovalBlocker, lang: Lang) -> String {
    match (blocker, lang) {
        (ApprovalBlocker::AlreadyApproved { bloc, rerating }, Lang::Vi) => format!(
            "khối {bloc} đã được phê duyệt, kết quả đã khóa; thay đổi lúc này là xếp loại lại{}",
            super::citations::cited(rerating.as_deref(), lang)
        ),
        (ApprovalBlocker::AlreadyApproved { bloc, rerating }, Lang::En) => format!(
            "bloc {bloc} is approved and its results are frozen; a change now is a re-rating{}",
            super::citations::cited(rerating.as_deref(), lang).replace("(article", "(Article")
        ),
        (ApprovalBlocker::EmptyBloc { bloc }, Lang::Vi) => format!("khối {bloc} không có đơn vị nào để phê duyệt"),
        (ApprovalBlocker::EmptyBloc { bloc }, Lang::En) => format!("bloc {bloc} has no units to approve"),
        (ApprovalBlocker::NotAppraised { bloc, count }, Lang::Vi) => {
            format!("chưa thể phê duyệt khối {bloc}: còn {count} tiêu chí thành phần chưa được thẩm định")
        }
        (ApprovalBlocker::NotAppraised { bloc, count }, Lang::En) => {
            format!("bloc {bloc} cannot be approved: {count} components are not appraised yet")
        }
        (ApprovalBlocker::TieOpen { bloc, ties }, Lang::Vi) => format!(
            "chưa thể phê duyệt khối {bloc}: Chủ tịch Hội đồng chưa quyết định thứ tự bằng điểm {}",
            ties.join("; ")
        ),
        (ApprovalBlocker::TieOpen { bloc, ties }, Lang::En) => {
            format!("bloc {bloc} cannot be approved: the chairman has not ordered the tie {}", ties.join("; "))
        }
    }
}

/// Why this user cannot withdraw the appraisal of `unit`'s `component` (the store's refusal of
/// `withdraw_appraisal` and the scoring form's Ctrl-D); `rerating`: the regulation's article of re-rating, cited
/// when the bloc is approved (None: none); a leader's score names the leaders as the regulation does (`leaders`;
/// None: the seeds' words).
pub fn withdrawal(
    unit: &UnitCode,
    component: &str,
    why: WithdrawalRefusal,
    rerating: Option<&str>,
    leaders: Option<&str>,
    lang: Lang,
) -> String {
    let frozen = FROZEN.cite(lang, rerating);
    let leader_score;
    let rule = match (why, lang) {
        (WithdrawalRefusal::LeaderScore, _) => {
            leader_score = super::leaders::withdraw_leader_score(leaders, lang);
            leader_score.as_str()
        }
        (WithdrawalRefusal::Frozen, _) => &frozen,
        (WithdrawalRefusal::NothingToWithdraw, Lang::Vi) => "chưa có kết quả thẩm định, không có gì để rút",
        (WithdrawalRefusal::NothingToWithdraw, Lang::En) => "no appraisal recorded, nothing to withdraw",
        (WithdrawalRefusal::NotOwnEntry, Lang::Vi) => {
            "Tổ giúp việc chỉ rút kết quả do mình nhập đang chờ xác nhận; thành viên của cơ quan rút kết quả này"
        }
        (WithdrawalRefusal::NotOwnEntry, Lang::En) => {
            "an assistant withdraws only their own entry awaiting confirmation; a member of the agency withdraws this one"
        }
    };
    match lang {
        Lang::Vi => format!("đơn vị {unit}, {component}: {rule}"),
        Lang::En => format!("unit {unit}, {component}: {rule}"),
    }
}

/// An approved bloc's appraisal, not withdrawn: the chairman re-rates, under the regulation's article.
const FROZEN: super::keys::Words = super::keys::Words::citing_rerating(
    "khối đã được phê duyệt: không rút kết quả thẩm định (Chủ tịch Hội đồng xếp loại lại)",
    "the bloc is approved: an appraisal is not withdrawn (the chairman re-rates)",
);

/// A write the permissions refuse (the store's `Forbidden`, and a key that does not act for this user).
pub fn forbidden(why: &Refusal, lang: Lang) -> String {
    format!("{}: {}", lang.pick("bị từ chối", "refused"), super::refusal(why, lang))
}

/// Why this user may not add or remove a user of that role (the store's refusal of `user add|remove`, and
/// `audit verify`'s reason for a logged row that did).
pub fn role_grant(why: RoleGrantRefusal, lang: Lang) -> String {
    match (why, lang) {
        (RoleGrantRefusal::NotForSecretary(role), Lang::Vi) => format!(
            "Thư ký Hội đồng không được thêm hoặc xóa người dùng vai trò {}: chỉ tài khoản dịch vụ (người giữ tệp cơ sở dữ liệu) được làm việc này",
            role.label_vi()
        ),
        (RoleGrantRefusal::NotForSecretary(role), Lang::En) => format!(
            "the secretary may not add or remove a {role}: only the service account (the database's keeper) may"
        ),
    }
}

/// A write asked before anyone is signed in (the picker): nobody's right is known yet.
pub fn no_user(lang: Lang) -> &'static str {
    lang.pick("chưa chọn người dùng: hãy chọn người dùng trước", "no user chosen yet: choose one first")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_gate_speaks_both_languages_differently() {
        let bloc = crate::domain::code::BlocCode::from("so-nganh");
        for blocker in [
            ApprovalBlocker::AlreadyApproved { bloc: bloc.clone(), rerating: Some("Điều 10.4".into()) },
            ApprovalBlocker::EmptyBloc { bloc: bloc.clone() },
            ApprovalBlocker::NotAppraised { bloc: bloc.clone(), count: 2 },
            ApprovalBlocker::TieOpen { bloc: bloc.clone(), ties: vec!["snv,stp".into()] },
        ] {
            assert_ne!(approval(&blocker, Lang::Vi), approval(&blocker, Lang::En));
            assert!(approval(&blocker, Lang::Vi).contains(bloc.as_str()));
        }
        for why in [
            WithdrawalRefusal::LeaderScore,
            WithdrawalRefusal::Frozen,
            WithdrawalRefusal::NothingToWithdraw,
            WithdrawalRefusal::NotOwnEntry,
        ] {
            let article = Some("Điều 10.4");
            assert_ne!(
                withdrawal(&"snv".into(), "II.1", why, article, None, Lang::Vi),
                withdrawal(&"snv".into(), "II.1", why, None, None, Lang::En)
            );
        }
        let district = Some("Thường trực Huyện ủy, HĐND, lãnh đạo UBND huyện");
        let vi = withdrawal(&"ubnd-xa-a".into(), "A.4", WithdrawalRefusal::LeaderScore, None, district, Lang::Vi);
        assert!(vi.contains("điểm của Thường trực Huyện ủy, HĐND, lãnh đạo UBND huyện không rút được"), "{vi}");
        assert!(!vi.contains("tỉnh"), "{vi}");
        let en = withdrawal(&"ubnd-xa-a".into(), "A.4", WithdrawalRefusal::LeaderScore, None, district, Lang::En);
        assert!(
            en.contains("the leaders (Thường trực Huyện ủy, HĐND, lãnh đạo UBND huyện)") && !en.contains("provincial")
        );
        let seeds = withdrawal(&"snv".into(), "I.1", WithdrawalRefusal::LeaderScore, None, None, Lang::Vi);
        assert_eq!(seeds, "đơn vị snv, I.1: điểm của Lãnh đạo UBND tỉnh không rút được; Lãnh đạo nhập điểm mới");
    }

    #[test]
    fn a_frozen_withdrawal_cites_the_regulations_article_of_re_rating_or_none() {
        let frozen = |article, lang| withdrawal(&"snv".into(), "II.1", WithdrawalRefusal::Frozen, article, None, lang);
        assert_eq!(
            frozen(Some("Điều 10.4"), Lang::Vi),
            "đơn vị snv, II.1: khối đã được phê duyệt: không rút kết quả thẩm định (Chủ tịch Hội đồng xếp loại lại, Điều 10.4)"
        );
        assert_eq!(
            frozen(None, Lang::Vi),
            "đơn vị snv, II.1: khối đã được phê duyệt: không rút kết quả thẩm định (Chủ tịch Hội đồng xếp loại lại)"
        );
        assert!(frozen(Some("Điều 10.4"), Lang::En).ends_with("(the chairman re-rates, article 10.4)"));
        assert!(frozen(None, Lang::En).ends_with("(the chairman re-rates)"));
    }
}
