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
/// `withdraw_appraisal` and the scoring form's Ctrl-D).
pub fn withdrawal(unit: &UnitCode, component: &str, why: WithdrawalRefusal, lang: Lang) -> String {
    let rule = match (why, lang) {
        (WithdrawalRefusal::LeaderScore, Lang::Vi) => {
            "điểm của Lãnh đạo UBND tỉnh không rút được; Lãnh đạo nhập điểm mới"
        }
        (WithdrawalRefusal::LeaderScore, Lang::En) => {
            "a provincial leader's score is not withdrawn; the leader enters a new one"
        }
        (WithdrawalRefusal::Frozen, Lang::Vi) => {
            "khối đã được phê duyệt: không rút kết quả thẩm định (Chủ tịch Hội đồng xếp loại lại, Điều 10.4)"
        }
        (WithdrawalRefusal::Frozen, Lang::En) => {
            "the bloc is approved: an appraisal is not withdrawn (the chairman re-rates, Article 10.4)"
        }
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
            assert_ne!(
                withdrawal(&"snv".into(), "II.1", why, Lang::Vi),
                withdrawal(&"snv".into(), "II.1", why, Lang::En)
            );
        }
    }
}
