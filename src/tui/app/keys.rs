//! Which keys act now: the keymap's conditions answered from the screen state and `domain::permissions`,
//! and, for a key that does not act, why, in one line.

use super::*;
use crate::domain::permissions::{CouncilWrite, may};
use crate::tui::keymap::{Binding, Command, When, bindings};

impl App {
    /// Whether a binding acts now; `Err` says why not ("Chỉ Chủ tịch Hội đồng phê duyệt khối").
    pub fn acts(&self, binding: &Binding) -> Result<(), String> {
        if binding.context == Context::Form {
            self.acts_in_form(binding.command)?;
        }
        match binding.when {
            When::Always => Ok(()),
            When::Panes(panes) => self.in_panes(binding.label, panes),
            When::May(write, panes) => {
                self.may_write(write)?;
                self.in_panes(binding.label, panes)
            }
            When::OverrideGrades => {
                self.may_write(CouncilWrite::OverrideGrade)?;
                if self.regulation.grades.is_none() {
                    return Err("Quy định này không xếp loại từng tiêu chí".into());
                }
                self.in_panes(binding.label, &[Pane::Ranking])
            }
            When::NotApplicableAllowed if self.regulation.not_applicable_allowed => Ok(()),
            When::NotApplicableAllowed => Err("Quy định này không cho đánh dấu tiêu chí không áp dụng".into()),
            When::PaneCount(count) if self.panes().len() >= count => Ok(()),
            When::PaneCount(count) => Err(format!("Không có khung {count}")),
            When::ApprovalOpen => match self.approval().map(|prompt| &prompt.blocker) {
                Some(None) => Ok(()),
                Some(Some(why)) => Err(why.clone()),
                None => Err("Không có khối nào đang chờ phê duyệt".into()),
            },
        }
    }

    /// In the scoring form: while a withdrawal is asked only Ctrl-S (withdraw), Esc and the help act; on an
    /// approved bloc nothing that writes does.
    fn acts_in_form(&self, command: Command) -> Result<(), String> {
        let reading = matches!(command, Command::Back | Command::Help | Command::History);
        if self.form().is_some_and(|form| form.withdrawing.is_some()) && !reading && command != Command::Save {
            return Err("Đang rút kết quả thẩm định: nhập lý do rồi Ctrl-S để rút, Esc để thôi".into());
        }
        if self.form_read_only() && !reading {
            return Err(READ_ONLY.into());
        }
        Ok(())
    }

    /// What a key does here, as the hint bar and the help say it: the keymap's words, made particular where
    /// one key does different things (Enter on each pane, Ctrl-S and Esc while a withdrawal is asked).
    pub fn describe_binding(&self, binding: &Binding) -> &'static str {
        let withdrawing = self.form().is_some_and(|form| form.withdrawing.is_some());
        match (binding.context, binding.command) {
            (Context::List, Command::Open) => match self.browse.pane {
                Pane::Queue => "Mở phiếu của mục đang chọn",
                Pane::Ranking | Pane::Progress => "Xem hồ sơ đơn vị (chỉ đọc)",
                Pane::Ties => "Sắp thứ tự nhóm bằng điểm",
                Pane::SelfAssessment => "Mở phiếu tự đánh giá",
                Pane::Desk => "Làm việc đang chọn",
                Pane::Charts | Pane::Result => binding.description,
            },
            (Context::Form, Command::Save) if withdrawing => "Rút kết quả thẩm định (cần lý do)",
            (Context::Form, Command::Back) if withdrawing => "Thôi rút, trả lại phiếu",
            _ => binding.description,
        }
    }

    /// The bindings of a context that act now, in the table's order (the help and the hint bar).
    pub fn acting(&self, context: Context) -> impl Iterator<Item = &'static Binding> + '_ {
        bindings(context).filter(move |binding| self.acts(binding).is_ok())
    }

    /// The signed-in user may make this council write (`domain::permissions::may`).
    pub fn user_may(&self, write: CouncilWrite) -> bool {
        self.user.as_ref().is_some_and(|user| may(user, write).is_ok())
    }

    fn may_write(&self, write: CouncilWrite) -> Result<(), String> {
        if self.user_may(write) { Ok(()) } else { Err(who_may(write).into()) }
    }

    fn in_panes(&self, label: &str, panes: &[Pane]) -> Result<(), String> {
        if panes.contains(&self.browse.pane) {
            return Ok(());
        }
        let mine = self.panes();
        let names: Vec<&str> = panes.iter().filter(|pane| mine.contains(pane)).map(|pane| pane.title()).collect();
        Err(match names.as_slice() {
            [] => format!("Phím {label} không dùng ở khung này"),
            names => format!("Phím {label} dùng ở khung {}", names.join(" hoặc ")),
        })
    }

    /// A form holds what was typed and not saved: Esc and quitting ask before throwing it away. Every screen
    /// is named, so a new form says here what counts as its unsaved work.
    pub fn has_unsaved_work(&self) -> bool {
        match &self.screen {
            Screen::Picker { .. }
            | Screen::Browse { .. }
            | Screen::Unit { .. }
            | Screen::Approval(_)
            | Screen::Desk(
                Desk::Files { .. }
                | Desk::Kind { .. }
                | Desk::Preview { .. }
                | Desk::Problems { .. }
                | Desk::Users { .. }
                | Desk::Papers { .. }
                | Desk::Notice { .. },
            ) => false,
            Screen::Appraisal(form) => form.dirty,
            Screen::Desk(Desk::Form(form)) => form.dirty,
            Screen::Comment(form) => form.dirty,
            Screen::SelfAssess(form) => form.dirty || form.document.iter().any(|field| !field.trim().is_empty()),
            Screen::Submit(form) => !form.approved_on.trim().is_empty() || !form.minutes.trim().is_empty(),
            Screen::TieOrder(edit) => {
                let as_listed = self
                    .open_ties
                    .iter()
                    .chain(&self.recorded_ties)
                    .any(|(bloc, units)| *bloc == edit.bloc && units.iter().eq(edit.units.iter()));
                !as_listed || edit.confirm.is_some() || edit.reason.as_ref().is_some_and(|r| !r.trim().is_empty())
            }
            Screen::Facts(form) => self.facts_changed(form) || form.rerate_reason.as_ref().is_some_and(has_text),
            Screen::Grades(form) => {
                let current = form.criteria.get(form.selected).and_then(|criterion| criterion.2);
                has_text(&form.reason) || form.chosen != current
            }
        }
    }

    /// The facts form holds a value other than the one recorded (or, never recorded, its default).
    fn facts_changed(&self, form: &FactsForm) -> bool {
        let recorded = self.unit(&form.unit).map(|unit| &unit.facts);
        form.values.iter().any(|(name, value)| {
            let default = self.regulation.fact(name).map(crate::domain::facts::FactDefinition::default_value);
            recorded.and_then(|facts| facts.get(name)).or(default.as_ref()) != Some(value)
        })
    }
}

/// A text box holds more than blanks.
fn has_text(text: &TextArea<'_>) -> bool {
    text.lines().iter().any(|line| !line.trim().is_empty())
}

/// Who makes a council write, as a key that does not act for this user says it.
fn who_may(write: CouncilWrite) -> &'static str {
    match write {
        CouncilWrite::Import => "Chỉ Thư ký và Chủ tịch Hội đồng nhập dữ liệu",
        CouncilWrite::Facts => "Chỉ Thư ký và Chủ tịch Hội đồng ghi nhận sự kiện của đơn vị",
        CouncilWrite::OrderTie => "Chỉ Chủ tịch Hội đồng quyết định thứ tự bằng điểm",
        CouncilWrite::OverrideGrade => "Chỉ Chủ tịch Hội đồng điều chỉnh xếp loại tiêu chí",
        CouncilWrite::Approve => "Chỉ Chủ tịch Hội đồng phê duyệt khối",
        CouncilWrite::Rerate => "Chỉ Chủ tịch Hội đồng xếp loại lại (Điều 10.4)",
        CouncilWrite::ManageUsers => "Chỉ Thư ký Hội đồng quản lý người dùng",
        CouncilWrite::Export => "Chỉ Thư ký và Chủ tịch Hội đồng xuất biểu",
        CouncilWrite::Reopen => "Chỉ Thư ký và Chủ tịch Hội đồng mở lại bản tự đánh giá đã nộp",
        CouncilWrite::RoundSettings => "Chỉ Thư ký và Chủ tịch Hội đồng đặt hạn nộp và thời gian thẩm định",
        CouncilWrite::Backup => "Chỉ Thư ký và Chủ tịch Hội đồng sao lưu cơ sở dữ liệu",
        CouncilWrite::ExceedQuota => crate::messages::exceed::who_may(crate::messages::Lang::Vi),
    }
}
