//! The words for every error the layers below return: `StoreError`, the store's `Refused`, the rules'
//! `Refusal`, a regulation's `DataError`. Each `match` names every variant (no wildcard arm), so a new
//! variant does not compile until it is worded in both languages.

use super::Lang;
use crate::domain::calendar::shown_vietnamese;
use crate::domain::error::DataError;
use crate::domain::facts::{FactKindExpected, FactValueRefused};
use crate::domain::permissions::{Act, CouncilWrite, Refusal, Role, Rule};
use crate::domain::score::display_vi;
use crate::store::error::StaleSave;
use crate::store::{CsvProblem, Refused, RowItem, RowRefused, StoreError, Subject, TextField};

/// An error of the store, as a person reads it.
pub fn store_error(error: &StoreError, lang: Lang) -> String {
    if lang == Lang::En {
        return english_store_error(error);
    }
    match error {
        StoreError::Missing { path } => format!(
            "{}: không có cơ sở dữ liệu ở đây; tạo mới bằng `thamdinh init --db {} --regulation MÃ --year NĂM`",
            path.display(),
            path.display()
        ),
        StoreError::AlreadyInitialised { path, regulation, year } => {
            format!("{}: đã chứa một kỳ đánh giá ({regulation} {year}); kỳ mới dùng một tệp mới", path.display())
        }
        StoreError::NotThamdinh { path } => format!("{}: không phải cơ sở dữ liệu của thamdinh", path.display()),
        StoreError::TooNew { path, found, supported } => format!(
            "{}: do một phiên bản thamdinh mới hơn tạo (lược đồ {found}, chương trình này biết đến {supported}); hãy cập nhật chương trình",
            path.display()
        ),
        StoreError::UnknownRegulation { id, available } => {
            format!("không có quy chế {id:?}; các quy chế có sẵn: {}", available.join(", "))
        }
        StoreError::BadYear(year) => format!("năm {year} không phải là một năm hợp lệ"),
        StoreError::Data(error) => data_error(error, lang),
        StoreError::Catalog(error) => super::catalog::catalog_error(error, lang),
        StoreError::Row(problem) => super::rows::row_problem(problem, lang),
        StoreError::Refused(why) => refused(why, lang),
        StoreError::Forbidden(why) => super::gates::forbidden(why, lang),
        StoreError::RowRefused(row) => row_refused(row),
        StoreError::Stale(stale) => stale_vi(stale),
        StoreError::UnknownUser { name } => {
            format!("cơ sở dữ liệu này không có người dùng {name:?} của Hội đồng; xem `thamdinh user list --db TỆP`")
        }
        StoreError::Terminal(error) => format!("màn hình: {}", super::cause_vi(&error.to_string())),
        StoreError::Upload(why) => super::uploads::upload_refused(why),
        StoreError::Sqlite(error) => format!("cơ sở dữ liệu: {}", super::cause_vi(&error.to_string())),
        StoreError::Migration(error) => format!("lược đồ cơ sở dữ liệu: {}", super::cause_vi(&error.to_string())),
        StoreError::Trust(why) => super::trust::trust_refused(why, lang),
        StoreError::Open(why) => super::open::open_refused(why, lang),
    }
}

/// The English wording: each error's own `Display`, with the parts the catalog words.
fn english_store_error(error: &StoreError) -> String {
    match error {
        StoreError::Refused(why) => refused(why, Lang::En),
        StoreError::Forbidden(why) => super::gates::forbidden(why, Lang::En),
        StoreError::Catalog(error) => super::catalog::catalog_error(error, Lang::En),
        StoreError::RowRefused(row) => row.to_string(),
        StoreError::Trust(why) => super::trust::trust_refused(why, Lang::En),
        StoreError::Open(why) => super::open::open_refused(why, Lang::En),
        StoreError::Missing { .. }
        | StoreError::AlreadyInitialised { .. }
        | StoreError::NotThamdinh { .. }
        | StoreError::TooNew { .. }
        | StoreError::UnknownRegulation { .. }
        | StoreError::BadYear(_)
        | StoreError::Data(_)
        | StoreError::Row(_)
        | StoreError::Stale(_)
        | StoreError::UnknownUser { .. }
        | StoreError::Terminal(_)
        | StoreError::Upload(_)
        | StoreError::Sqlite(_)
        | StoreError::Migration(_) => error.to_string(),
    }
}

fn stale_vi(stale: &StaleSave) -> String {
    let StaleSave { unit, component, current, current_reason, by, version, yours } = stale;
    let current = current.as_deref().map_or_else(|| "chưa có điểm thẩm định".to_string(), score_vi);
    let reason = if current_reason.is_empty() { String::new() } else { format!(", lý do: {current_reason}") };
    format!(
        "đơn vị {unit}, {component}: chưa lưu — {by} đã lưu trong lúc này ({current}{reason}; phiên bản {version}); giá trị {} của bạn chưa được ghi: xem giá trị của họ rồi lưu lại",
        score_vi(yours)
    )
}

/// A stored score (`3.5`) as people write it (`3,5`); any other text as it is.
pub(super) fn score_vi(text: &str) -> String {
    text.parse().map(display_vi).unwrap_or_else(|_| text.to_string())
}

/// A value of an import file its user may not write, in Vietnamese.
fn row_refused(row: &RowRefused) -> String {
    let RowRefused { file, line, column, unit, item, value, refusal: why } = row;
    let item = match item {
        RowItem::Unit => String::new(),
        RowItem::Criterion(code) => format!(", {code}"),
        RowItem::Fact(name) => format!(", sự kiện {name}"),
    };
    format!("{file}:{line}: cột {column}: đơn vị {unit}{item}: giá trị {value}: bị từ chối: {}", refusal(why, Lang::Vi))
}

/// A regulation's data file that does not hold together.
pub fn data_error(error: &DataError, lang: Lang) -> String {
    match (error, lang) {
        (DataError::Invalid { file, line, message }, Lang::Vi) => format!("{file}:{line}: {message}"),
        (DataError::Missing { file, message }, Lang::Vi) if message == "the regulation needs this file" => {
            format!("{file}: thiếu: quy chế cần có tệp này")
        }
        (DataError::Missing { file, message }, Lang::Vi) => format!("{file}: thiếu: {message}"),
        (error, Lang::En) => error.to_string(),
    }
}

fn subject(at: &Subject, lang: Lang) -> String {
    match (at, lang) {
        (Subject::Unit(unit), Lang::Vi) => format!("đơn vị {unit}"),
        (Subject::Item { unit, item }, Lang::Vi) => format!("đơn vị {unit}, {item}"),
        (Subject::Bloc(bloc), Lang::Vi) => format!("khối {bloc}"),
        (Subject::Tie, Lang::Vi) => "thứ tự bằng điểm".into(),
        (Subject::Approval, Lang::Vi) => "phê duyệt".into(),
        (Subject::User(name), Lang::Vi) => format!("người dùng {name}"),
        (at, Lang::En) => at.to_string(),
    }
}

fn csv_problem(problem: &CsvProblem) -> String {
    match problem {
        CsvProblem::NotUtf8 => "không phải văn bản UTF-8; hãy lưu tệp dạng CSV UTF-8".into(),
        CsvProblem::Header(why) => format!("không đọc được dòng tiêu đề ({})", super::cause_vi(why)),
        CsvProblem::UnknownColumn { column, known } => {
            format!("không có cột {column:?}; các cột là {}", known.join(", "))
        }
        CsvProblem::ColumnTwice { column } => format!("cột {column} xuất hiện hai lần"),
        CsvProblem::MissingColumn { column } => format!("thiếu cột {column}"),
        CsvProblem::Unreadable(why) => format!("không đọc được dòng ({})", super::cause_vi(why)),
        CsvProblem::Cell { column, value, why } => {
            format!("cột {column}: {value:?} {}", super::text::text_refusal(why, Lang::Vi))
        }
    }
}

/// The Vietnamese name of a text a person sends in.
pub fn text_field(field: TextField, lang: Lang) -> &'static str {
    match field {
        TextField::DeductionReason => lang.pick("Lý do trừ điểm", field.english()),
        TextField::Comment => lang.pick("Ý kiến góp ý", field.english()),
        TextField::OverrideReason => lang.pick("Lý do điều chỉnh xếp loại", field.english()),
        TextField::RemoveOverrideReason => lang.pick("Lý do bỏ điều chỉnh xếp loại", field.english()),
        TextField::WithdrawReason => lang.pick("Lý do rút kết quả thẩm định", field.english()),
        TextField::TieReorderReason => lang.pick("Lý do đổi thứ tự bằng điểm", field.english()),
        TextField::RerateReason => {
            lang.pick("Lý do xếp loại lại (vi phạm hoặc khuyết điểm phát hiện)", field.english())
        }
        TextField::FullName => lang.pick("Họ và tên", field.english()),
        TextField::Explanation => lang.pick("Giải trình", field.english()),
        TextField::Minutes => lang.pick("Số biên bản", field.english()),
        TextField::ReopenReason => lang.pick("Lý do mở lại", field.english()),
        TextField::DocumentTitle => lang.pick("Trích yếu", field.english()),
        TextField::DocumentReference => lang.pick("Số, ký hiệu", field.english()),
        TextField::QuotaExceptionReason => super::exceed::reason_field(false, lang),
        TextField::QuotaExceptionUndoReason => super::exceed::reason_field(true, lang),
    }
}

fn fact_value(why: &FactValueRefused) -> String {
    let expected = match &why.expected {
        FactKindExpected::Bool => "có hoặc không".to_string(),
        FactKindExpected::Count => "một số nguyên không âm".to_string(),
        FactKindExpected::Choice(choices) => format!("một trong {}", choices.join("|")),
    };
    format!("sự kiện “{}” nhận {expected}, không nhận {:?}", why.title, why.value)
}

/// How a date is written, in Vietnamese (`store::dates::DATE_RULE` in English): the spelling of
/// [`super::DATE_SPELLING_VI`], which people know from Excel, or the ISO form a script writes.
pub(super) const DATE_RULE_VI: &str = concat!(date_spelling_vi!(), " hoặc yyyy-mm-dd, năm từ 1945 đến 2100");

/// A refusal of the store, as a person reads it.
#[allow(
    clippy::too_many_lines,
    reason = "a table, one arm per refusal: split, the compiler would no longer check that every refusal is worded"
)]
pub fn refused(why: &Refused, lang: Lang) -> String {
    // The gates' refusals are worded in `messages::gates`, in both languages; the others' English is their own.
    if lang == Lang::En
        && !matches!(
            why,
            Refused::Approval(_)
                | Refused::Withdrawal { .. }
                | Refused::RoleGrant(_)
                | Refused::AgencyAppraisesNothing { .. }
                | Refused::NoLeaderRole { .. }
        )
    {
        return why.to_string();
    }
    match why {
        Refused::Approval(blocker) => super::gates::approval(blocker, lang),
        Refused::Withdrawal { unit, component, why, rerating, leaders } => {
            super::gates::withdrawal(unit, component, *why, rerating.as_deref(), leaders.as_deref(), lang)
        }
        Refused::QuotaException(why) => super::exceed::refusal(why, lang),
        Refused::NoUnitsYet => "kỳ đánh giá chưa có đơn vị nào; nhập danh sách bằng `thamdinh import units`".into(),
        Refused::UnknownUnit { unit } => format!("không có đơn vị {unit:?}"),
        Refused::NoFramework { unit } => {
            format!("đơn vị {unit}: khối và nhóm của đơn vị không ứng với khung tiêu chí nào")
        }
        Refused::UnknownComponent { unit, component } => {
            format!("đơn vị {unit}: khung tiêu chí của đơn vị không có tiêu chí thành phần {component:?}")
        }
        Refused::NotACriterion { unit, criterion } => {
            format!("đơn vị {unit}: {criterion:?} không phải là tiêu chí trong khung tiêu chí của đơn vị")
        }
        Refused::NotAGradedCriterion { unit, criterion } => {
            format!("đơn vị {unit}: {criterion:?} không phải là tiêu chí được xếp loại trong khung của đơn vị")
        }
        Refused::NoGrades { regulation } => format!("quy chế {regulation} không xếp loại tiêu chí"),
        Refused::UnknownFact { unit, fact } => format!("đơn vị {unit}: không có sự kiện {fact:?}"),
        Refused::BadFactValue { unit, why } => format!("đơn vị {unit}: {}", fact_value(why)),
        Refused::FactsInconsistent { unit, why } => format!("đơn vị {unit}: {why}"),
        Refused::BadScore { unit, component, why } => format!("đơn vị {unit}, {component}: điểm thẩm định {why}"),
        Refused::ScoreOutOfRange { unit, component, value, max } => format!(
            "đơn vị {unit}, {component}: điểm thẩm định {} nằm ngoài [0; {}]",
            display_vi(*value),
            display_vi(*max)
        ),
        Refused::ReasonNeeded { unit, component, why } => format!("đơn vị {unit}, {component}: {why}"),
        Refused::BadText { field, at, why } => {
            format!("{}: {} {}", subject(at, lang), text_field(*field, lang), super::text::text_refusal(why, lang))
        }
        Refused::TextNeeded { field, at } => format!(
            "{}: cần {} (đang trống, hoặc không có ký tự nhìn thấy được)",
            subject(at, lang),
            text_field(*field, lang).to_lowercase()
        ),
        Refused::Frozen { bloc, at, rerating } => format!(
            "{}: khối {bloc} đã được phê duyệt, kết quả đã khóa; thay đổi lúc này là xếp loại lại{}",
            subject(at, lang),
            super::citations::cited(rerating.as_deref(), Lang::Vi)
        ),
        Refused::NotApproved { unit, bloc } => format!(
            "đơn vị {unit}: khối {bloc} chưa được phê duyệt; hãy sửa điểm, sự kiện hoặc xếp loại theo cách thông thường"
        ),
        Refused::NothingToRerate { unit } => format!("đơn vị {unit}: xếp loại lại phải thay đổi một điều; chưa có gì"),
        Refused::WhollyNotApplicable { unit, part, parts, article } => format!(
            "đơn vị {unit}: mọi nội dung của {part} sẽ là không áp dụng; {} cố định điểm từng phần ({}) nên {part} phải còn ít nhất một nội dung được chấm",
            article.as_deref().unwrap_or("quy chế"),
            parts
                .iter()
                .map(|(code, max)| format!("{code} {} điểm", crate::domain::score::display_vi(*max)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Refused::RerateTie { unit, tied } => format!(
            "đơn vị {unit}: sau khi xếp loại lại, tổng điểm bằng đơn vị {}; Chủ tịch Hội đồng quyết định thứ tự ngay trong lần xếp loại lại này (--tie before: xếp trên, --tie after: xếp dưới)",
            tied.join(", ")
        ),
        Refused::UnknownBloc { bloc, regulation, known } => {
            format!("không có khối {bloc:?}; quy chế {regulation} có các khối {}", known.join(", "))
        }
        Refused::OrderRepeats => "--order nêu một đơn vị hai lần".into(),
        Refused::OrderTooShort => "--order cần các đơn vị của một nhóm bằng điểm, ít nhất hai đơn vị".into(),
        Refused::NotInBloc { unit, bloc, its_bloc } => {
            format!("đơn vị {unit} thuộc khối {its_bloc}, không thuộc khối {bloc}")
        }
        Refused::NoTie { unit, bloc } => {
            format!(
                "đơn vị {unit} không bằng điểm với đơn vị nào khác của khối {bloc}: không có thứ tự nào để quyết định"
            )
        }
        Refused::NotTheTieGroup { unit, group } => {
            format!("nhóm bằng điểm của {unit} gồm {}; hãy xếp thứ tự đủ và chỉ các đơn vị đó", group.join(","))
        }
        Refused::NoTieOrder { bloc, order } => {
            format!("khối {bloc}: chưa ghi nhận thứ tự nào của {}; không có gì để mở lại", order.join(","))
        }
        Refused::OverrideIsProposed { unit, criterion, grade } => format!(
            "đơn vị {unit}, {criterion}: {grade} đúng là xếp loại đề xuất; không lưu điều chỉnh trùng với nó (hãy bỏ điều chỉnh)"
        ),
        Refused::NoOverride { unit, criterion } => {
            format!("đơn vị {unit}, {criterion}: không có điều chỉnh xếp loại nào để bỏ; xếp loại đề xuất đang áp dụng")
        }
        Refused::AppraisalFinal { unit, component, value, by } => format!(
            "đơn vị {unit}, {component}: kết quả thẩm định {} đã là chính thức (do {}); Tổ giúp việc không thay được — thành viên của cơ quan sửa kết quả này",
            score_vi(value),
            by.as_deref().unwrap_or("một lần nhập tệp")
        ),
        Refused::BadUserName { name } => format!(
            "{name:?} không phải là tên người dùng: tối đa 64 chữ thường không dấu, chữ số, '-', '_', '.', bắt đầu bằng chữ hoặc số; không dùng \"admin\""
        ),
        Refused::AgencyNeeded { role, agencies } => format!(
            "vai trò {} làm việc cho một cơ quan thẩm định: thêm --agency ({})",
            role_vi(role),
            agencies.join(", ")
        ),
        Refused::NoAgencyForRole { role, agency, leaders } => {
            let role = role
                .parse::<Role>()
                .map_or_else(|_| role_vi(role), |role| super::leaders::role(role, Lang::Vi, leaders.as_deref()));
            format!("vai trò {role} làm việc cho cả Hội đồng, không cho cơ quan {agency}; bỏ --agency")
        }
        Refused::UnknownAgency { agency, regulation, agencies } => {
            format!("không có cơ quan {agency:?}; quy chế {regulation} có {}", agencies.join(", "))
        }
        Refused::AgencyAppraisesNothing { agency, leaders } => {
            super::leaders::agency_appraises_nothing(agency, leaders.as_deref(), lang)
        }
        Refused::NoLeaderRole { regulation, leaders } => {
            super::leaders::no_leader_role(regulation, leaders.as_deref(), lang)
        }
        Refused::UserExists { name } => {
            format!("người dùng {name:?} đã có (hoặc đã từng có: nhật ký còn ghi tên); hãy chọn tên khác")
        }
        Refused::UnknownRole { role } => {
            format!("không có vai trò {role:?}; các vai trò: member, assistant, leader, secretary, chairman, unit")
        }
        Refused::UnknownGrade { grade } => {
            format!("xếp loại phải là excellent|good|average|poor, không phải {grade:?}")
        }
        Refused::StoredRoleUnknown { name, role } => {
            format!("người dùng {name}: vai trò {role:?} không hợp lệ (cơ sở dữ liệu bị hỏng?)")
        }
        Refused::DemoGenerator { found, ours } => {
            format!("dữ liệu do bộ sinh dữ liệu minh họa phiên bản {found} tạo, chương trình này dùng phiên bản {ours}")
        }
        Refused::DemoRecipe { why } => format!("công thức dữ liệu minh họa: {why}"),
        Refused::ExportOverDatabase { file, database, part } => format!(
            "{file}: đây là {} ({database}); bản xuất không bao giờ ghi đè lên nó, dù có --force hay không: hãy chọn tên tệp khác",
            part.as_ref().map_or_else(
                || "cơ sở dữ liệu của kỳ đánh giá".to_string(),
                |part| format!("tệp {part} của cơ sở dữ liệu")
            )
        ),
        Refused::Csv { file, line, problem } => format!("{file}:{line}: {}", csv_problem(problem)),
        Refused::Unreadable { file, not_found: true, .. } => format!("{file}: không có tệp này"),
        Refused::Unreadable { file, not_found: false, why } => {
            format!("{file}: không đọc được tệp ({})", super::cause_vi(why))
        }
        Refused::ExportExists { file } => {
            format!("{file}: tệp đã có; hãy chọn tên khác, hoặc thêm --force để ghi đè")
        }
        Refused::AuditRecordUnfit { table, record } => {
            format!("một bản ghi của nhật ký về bảng {table:?} không khớp với bảng: {record}")
        }
        Refused::AuditRecordUnreadable { row, why } => {
            format!("dòng nhật ký {row}: không đọc được bản ghi các dòng nó đã ghi: {}", super::cause_vi(why))
        }
        Refused::UnitNeeded => "cán bộ đầu mối (--role unit) thuộc một đơn vị: thêm --unit=MÃ_ĐƠN_VỊ".into(),
        Refused::RoleGrant(why) => super::gates::role_grant(*why, lang),
        Refused::NoUnitForRole { role, unit } => format!(
            "chỉ cán bộ đầu mối (--role unit) mới gắn với đơn vị; vai trò {} làm việc cho Hội đồng, không gắn với đơn vị {unit}: bỏ --unit",
            role_vi(role)
        ),
        Refused::UnitNotNamed => "cần chỉ rõ đơn vị: --unit=MÃ_ĐƠN_VỊ".into(),
        Refused::UnitNotInRound { unit } => format!(
            "không có đơn vị {unit:?} trong kỳ đánh giá này; nhập đơn vị trước (thamdinh import units), rồi thêm cán bộ đầu mối"
        ),
        Refused::ClockNoDate { text } => format!("đồng hồ của cơ sở dữ liệu không cho ra ngày ({text:?})"),
        Refused::ApprovedOnNotADate { unit, value } => {
            format!("đơn vị {unit}: ngày tập thể lãnh đạo thông qua {value:?} không phải là ngày ({DATE_RULE_VI})")
        }
        Refused::ApprovedInFuture { unit, approved, today } => format!(
            "đơn vị {unit}: ngày thông qua {} sau ngày hôm nay ({}); ghi ngày họp tập thể lãnh đạo đã diễn ra",
            shown_vietnamese(approved),
            shown_vietnamese(today)
        ),
        Refused::ApprovedBeforeRound { unit, approved, year } => format!(
            "đơn vị {unit}: ngày thông qua {approved} trước năm đánh giá {year}; ghi ngày họp tập thể lãnh đạo đã diễn ra"
        ),
        Refused::AlreadySubmitted { unit, on, minutes } => format!(
            "đơn vị {unit} đã nộp bản tự đánh giá ngày {} (biên bản {minutes}); muốn sửa, Thư ký mở lại kèm lý do",
            shown_vietnamese(on)
        ),
        Refused::SelfAssessmentIncomplete { unit, missing, first } => {
            super::submission::incomplete_vi(unit, *missing, first)
        }
        Refused::ReceivedNotADate { unit, value } => super::submission::received_not_a_date_vi(unit, value),
        Refused::ReceivedInFuture { unit, received, today } => {
            super::submission::received_in_future_vi(unit, &shown_vietnamese(received), &shown_vietnamese(today))
        }
        Refused::ReceivedNotForUnit { unit } => super::submission::received_not_for_unit_vi(unit),
        Refused::SubmissionNotRecorded { unit } => {
            format!("đơn vị {unit}: việc nộp bản tự đánh giá chưa được ghi nhận")
        }
        Refused::NotSubmitted { unit } => {
            format!("đơn vị {unit} chưa nộp bản tự đánh giá: không có gì để mở lại")
        }
        Refused::DeadlineNotADate { value } => format!("hạn nộp {value:?} không phải là ngày ({DATE_RULE_VI})"),
        Refused::AppraisalDaysZero => "thời gian thẩm định phải có ít nhất 1 ngày làm việc".into(),
        Refused::AppraisalDaysTooMany { days, limit } => {
            format!("thời gian thẩm định {days} ngày làm việc vượt quá giới hạn {limit} ngày")
        }
        Refused::NoRoundSetting => "cần --deadline NGÀY hoặc --appraisal-days N".into(),
        Refused::YearNotAfter { from, old_year, year } => {
            format!("{from}: kỳ cũ là năm {old_year}; năm của kỳ mới phải sau đó, không phải {year}")
        }
        Refused::NoFrameworkIn { from, unit, bloc, group, regulation } => format!(
            "{from}: đơn vị {unit} (khối {bloc}, nhóm {}) không có khung tiêu chí trong quy chế {regulation}; tạo kỳ mới bằng quy chế cũ hoặc nhập đơn vị lại",
            group.as_deref().unwrap_or("—")
        ),
        Refused::AgencyGone { from, user, agency, regulation } => {
            format!("{from}: người dùng {user} thuộc cơ quan {agency}, không có trong quy chế {regulation}")
        }
        Refused::OldSchema { path, version } => format!(
            "{path}: cơ sở dữ liệu theo lược đồ cũ ({version}); lệnh đọc không nâng cấp nó: mở nó một lần bằng phiên bản này với quyền ghi (ví dụ `thamdinh backup --db {path} --out ban-sao.db`) rồi làm lại"
        ),
        Refused::NoSuchDocument { unit, component, reference } => {
            format!("đơn vị {unit}, {component}: không có tài liệu số {reference:?} để xóa")
        }
        Refused::BadSelfScore { unit, component, why } => {
            format!("đơn vị {unit}, {component}: điểm tự đánh giá {why}")
        }
        Refused::NotApplicableNotAllowed { unit, component, regulation } => format!(
            "đơn vị {unit}, {component}: quy chế {regulation} không có tiêu chí thành phần nào được đánh dấu không áp dụng"
        ),
        Refused::SheetRefused { file, sheet, unit, refusal: why } => {
            format!("{file}: trang {sheet:?}: đơn vị {unit}: {}", refusal(why, lang))
        }
        Refused::Paper(why) => super::papers::refusal(why),
    }
}

/// A role slug as people name it (the slug itself when unknown).
fn role_vi(slug: &str) -> String {
    Role::USER_ROLES
        .into_iter()
        .find(|role| role.slug() == slug)
        .map_or_else(|| slug.to_string(), |role| role.label_vi().to_string())
}

/// The act, a leader's score naming the leaders as the round's regulation does (`leaders`; None: the seeds').
fn act_vi(act: &Act, leaders: Option<&str>) -> String {
    match act {
        Act::Appraise { component, unit } => format!("thẩm định {component} của đơn vị {unit}"),
        Act::Comment { component, unit } => format!("góp ý {component} của đơn vị {unit}"),
        Act::EnterLeaderScore { leader, component, unit } => {
            super::leaders::enter_score_vi(leader, component, unit, leaders)
        }
        Act::ImportAppraisal { component, unit } => {
            format!("nhập từ tệp kết quả thẩm định {component} của đơn vị {unit}")
        }
        Act::Council(write) => match write {
            CouncilWrite::Import => "nhập dữ liệu từ tệp".into(),
            CouncilWrite::Facts => "ghi nhận sự kiện".into(),
            CouncilWrite::OrderTie => "quyết định thứ tự bằng điểm".into(),
            CouncilWrite::OverrideGrade => "điều chỉnh xếp loại tiêu chí".into(),
            CouncilWrite::Approve => "phê duyệt khối".into(),
            CouncilWrite::Rerate => "xếp loại lại đơn vị".into(),
            CouncilWrite::ManageUsers => "thêm hoặc xóa người dùng của Hội đồng".into(),
            CouncilWrite::Export => "xuất bảng tính của Hội đồng".into(),
            CouncilWrite::Reopen => "mở lại bản tự đánh giá đơn vị đã nộp".into(),
            CouncilWrite::RoundSettings => "đặt hạn nộp và thời gian thẩm định của kỳ đánh giá".into(),
            CouncilWrite::PaperSettings => "đặt số văn bản, người ký và ngày ban hành của các văn bản".into(),
            CouncilWrite::Backup => "sao lưu cơ sở dữ liệu của kỳ đánh giá".into(),
            CouncilWrite::ExceedQuota => super::exceed::write_name().into(),
        },
        Act::SelfAssess { unit } => format!("ghi bản tự đánh giá của đơn vị {unit}"),
        Act::Submit { unit } => format!("nộp bản tự đánh giá của đơn vị {unit}"),
        Act::SeeResult { unit } => format!("xem kết quả của đơn vị {unit}"),
        Act::ReadRound => "xem toàn bộ kỳ đánh giá".into(),
    }
}

/// The rule, the leaders named as the round's regulation names them (`leaders`; None: the seeds' words).
fn rule_vi(rule: &Rule, leaders: Option<&str>) -> String {
    if let Some(words) = super::leaders::rule_vi(rule, leaders) {
        return words;
    }
    match rule {
        Rule::ScoredByLeaders { criterion } => {
            format!("tiêu chí {criterion} chỉ do Lãnh đạo UBND tỉnh (vai trò leader) chấm")
        }
        Rule::LedByAnother { component, leading } => format!(
            "{component} do {leading} chủ trì thẩm định; cơ quan được nêu sau cơ quan đầu tiên chỉ góp ý"
        ),
        Rule::AssignedTo { component, agency } => format!("{component} được giao cho {agency}"),
        Rule::NoAgencyNamed { component } => format!("{component} không nêu cơ quan thẩm định nào"),
        Rule::LeadersScoreGroupI => {
            "Lãnh đạo UBND tỉnh chỉ chấm các tiêu chí do Lãnh đạo chấm (nhóm I)".into()
        }
        Rule::MembersAppraise => "kết quả thẩm định do thành viên của cơ quan được giao nhập; sau khi phê duyệt, Chủ tịch Hội đồng xếp loại lại".into(),
        Rule::CoAssignedComment { agencies } => format!(
            "chỉ thành viên của các cơ quan được nêu sau cơ quan đầu tiên ({}) góp ý tiêu chí dùng chung",
            agencies.join(", ")
        ),
        Rule::SecretaryOrChairman => "chỉ Thư ký hoặc Chủ tịch Hội đồng làm việc này".into(),
        Rule::SecretaryOrChairmanExport => "chỉ Thư ký hoặc Chủ tịch Hội đồng xuất giấy tờ của Hội đồng".into(),
        Rule::ServiceAccountManagesUsers => {
            "người dùng do Thư ký Hội đồng hoặc người giữ tệp cơ sở dữ liệu (tài khoản dịch vụ) quản lý".into()
        }
        Rule::ChairmanOnly => "chỉ Chủ tịch Hội đồng làm việc này".into(),
        Rule::LeaderOwnScore => "điểm của một Lãnh đạo UBND tỉnh chỉ do chính Lãnh đạo đó nhập".into(),
        Rule::LeaderRowNamesLeader => "điểm của Lãnh đạo UBND tỉnh là một dòng ghi tên Lãnh đạo ở cột leader".into(),
        Rule::AssistantEntriesNotImported => {
            "kết quả Tổ giúp việc nhập chờ thành viên xác nhận và được nhập trên giao diện, không nhập từ tệp".into()
        }
        Rule::UnitNeverAppraises => "đơn vị chỉ tự đánh giá; điểm thẩm định, góp ý, dữ kiện, xếp loại, thứ tự bằng điểm và phê duyệt là của Hội đồng".into(),
        Rule::OwnUnitSelfAssessment { own } => {
            format!("cán bộ đầu mối chỉ tự đánh giá cho đơn vị của mình ({own})")
        }
        Rule::Submitted { unit } => format!(
            "đơn vị {unit} đã nộp bản tự đánh giá nên bản này đã khóa; chỉ Thư ký mở lại được (thamdinh submit --reopen), kèm lý do"
        ),
        Rule::OwnUnitSubmission { own } => format!("cán bộ đầu mối chỉ nộp bản tự đánh giá của đơn vị mình ({own})"),
        Rule::FocalPersonSubmits => {
            "cán bộ đầu mối của đơn vị nộp bản tự đánh giá (Thư ký có thể ghi nhận thay đơn vị)".into()
        }
        Rule::OwnUnitResult { own } => format!("cán bộ đầu mối chỉ xem kết quả của đơn vị mình ({own})"),
        Rule::ResultAfterApproval => {
            "kết quả thẩm định chỉ được xem sau khi khối của đơn vị được phê duyệt và công bố".into()
        }
        Rule::UnitReadsOwnOnly => {
            "cán bộ đầu mối chỉ xem đơn vị của mình: thamdinh result (sau khi kết quả được phê duyệt)".into()
        }
    }
}

/// A write the rules do not allow: who, what and the rule.
pub fn refusal(why: &Refusal, lang: Lang) -> String {
    let leaders = why.who.leaders_name.as_deref();
    match lang {
        Lang::En => why.to_string(),
        Lang::Vi => {
            let role = super::leaders::role(why.who.role, Lang::Vi, leaders);
            let who = match (&why.who.agency, &why.who.unit) {
                (Some(agency), _) => format!("{} ({role}, {agency})", why.who.name),
                (None, Some(unit)) => format!("{} ({role}, đơn vị {unit})", why.who.name),
                (None, None) => format!("{} ({role})", why.who.name),
            };
            format!("{who} không được {}: {}", act_vi(&why.act, leaders), rule_vi(&why.rule, leaders))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::facts::FactsInconsistent;
    use crate::domain::gates::{ApprovalBlocker, RoleGrantRefusal, WithdrawalRefusal};
    use crate::domain::permissions::Actor;
    use crate::domain::score::ScoreInputError;
    use crate::domain::validate::TextRefusal;
    use crate::store::exceptions::QuotaRefusal;
    use crate::store::open_error::OpenRefused;
    use crate::store::{RowFault, RowPlace};
    use rust_decimal::Decimal;
    use std::path::PathBuf;

    /// The unit code the store errors below name.
    fn stc() -> crate::domain::code::UnitCode {
        "stc".into()
    }

    fn s(text: &str) -> String {
        text.to_string()
    }

    fn item() -> Subject {
        Subject::Item { unit: "stc".into(), item: s("I.1") }
    }

    /// One of each refusal of the store (the `match` in `refused` has no wildcard arm: a new variant does not
    /// compile until it is worded; this list shows each wording differs by language).
    #[allow(clippy::too_many_lines, reason = "a list, one example of every refusal")]
    fn every_refusal() -> Vec<Refused> {
        let (unit, component, bloc) =
            (crate::domain::code::UnitCode::from("stc"), s("I.1"), crate::domain::code::BlocCode::from("so-nganh"));
        let facts = FactsInconsistent {
            name: s("a"),
            title: s("A"),
            value: 3,
            limit_name: s("b"),
            limit_title: s("B"),
            limit: 2,
        };
        let fact_value = FactValueRefused {
            name: s("discipline"),
            title: s("Kỷ luật"),
            value: s("maybe"),
            expected: FactKindExpected::Choice(vec![s("none"), s("yes")]),
        };
        let reason = crate::domain::appraisal::ReasonNeeded::BelowMax { appraised: Decimal::ONE, max: Decimal::TWO };
        let mut all = vec![
            Refused::NoUnitsYet,
            Refused::QuotaException(QuotaRefusal::NotInRegulation { regulation: s("thai-nguyen-2024") }),
            Refused::QuotaException(QuotaRefusal::WithinQuota { unit: unit.clone() }),
            Refused::QuotaException(QuotaRefusal::TiePending { unit: unit.clone() }),
            Refused::QuotaException(QuotaRefusal::NotExcellent { unit: unit.clone() }),
            Refused::QuotaException(QuotaRefusal::AlreadyDecided { unit: unit.clone() }),
            Refused::QuotaException(QuotaRefusal::NoDecision { unit: unit.clone() }),
            Refused::UnknownUnit { unit: unit.to_string() },
            Refused::NoFramework { unit: unit.clone() },
            Refused::UnknownComponent { unit: unit.clone(), component: component.clone() },
            Refused::NotACriterion { unit: unit.clone(), criterion: s("I") },
            Refused::NotAGradedCriterion { unit: unit.clone(), criterion: s("I") },
            Refused::NoGrades { regulation: s("bac-giang-453") },
            Refused::UnknownFact { unit: unit.clone(), fact: s("lucky") },
            Refused::BadFactValue { unit: unit.clone(), why: fact_value },
            Refused::FactsInconsistent { unit: unit.clone(), why: facts },
            Refused::BadScore {
                unit: unit.clone(),
                component: component.clone(),
                why: ScoreInputError::NotANumber(s("x")),
            },
            Refused::ScoreOutOfRange {
                unit: unit.clone(),
                component: component.clone(),
                value: Decimal::TEN,
                max: Decimal::TWO,
            },
            Refused::ReasonNeeded { unit: unit.clone(), component: component.clone(), why: reason },
            Refused::Frozen { bloc: bloc.clone(), at: item(), rerating: Some(s("Điều 10.4")) },
            Refused::NotApproved { unit: unit.clone(), bloc: bloc.clone() },
            Refused::NothingToRerate { unit: unit.clone() },
            Refused::RerateTie { unit: unit.clone(), tied: vec![s("stp")] },
            Refused::WhollyNotApplicable {
                unit: unit.clone(),
                part: s("A"),
                parts: vec![(s("A"), Decimal::from(30)), (s("B"), Decimal::from(70))],
                article: None,
            },
            Refused::UnknownBloc { bloc: s("x"), regulation: s("r"), known: vec![bloc.to_string()] },
            Refused::Approval(ApprovalBlocker::EmptyBloc { bloc: bloc.clone() }),
            Refused::Approval(ApprovalBlocker::NotAppraised { bloc: bloc.clone(), count: 3 }),
            Refused::Approval(ApprovalBlocker::TieOpen { bloc: bloc.clone(), ties: vec![s("snv,stp")] }),
            Refused::OrderRepeats,
            Refused::OrderTooShort,
            Refused::NotInBloc { unit: unit.clone(), bloc: bloc.clone(), its_bloc: s("huyen") },
            Refused::NoTie { unit: unit.clone(), bloc: bloc.clone() },
            Refused::NotTheTieGroup { unit: unit.clone(), group: vec![s("snv"), s("stp")] },
            Refused::NoTieOrder { bloc: bloc.clone(), order: vec![s("snv")] },
            Refused::OverrideIsProposed { unit: unit.clone(), criterion: s("I"), grade: s("good") },
            Refused::NoOverride { unit: unit.clone(), criterion: s("I") },
            Refused::AppraisalFinal { unit: unit.clone(), component: component.clone(), value: s("3.5"), by: None },
            Refused::Withdrawal {
                unit: unit.clone(),
                component: component.clone(),
                why: WithdrawalRefusal::LeaderScore,
                rerating: None,
                leaders: Some(s("Thường trực Huyện ủy")),
            },
            Refused::Withdrawal {
                unit: unit.clone(),
                component: component.clone(),
                why: WithdrawalRefusal::NotOwnEntry,
                rerating: None,
                leaders: None,
            },
            Refused::BadUserName { name: s("Bad") },
            Refused::AgencyNeeded { role: s("member"), agencies: vec![s("so-noi-vu")] },
            Refused::NoAgencyForRole {
                role: s("leader"), agency: s("so-noi-vu"), leaders: Some(s("Thường trực"))
            },
            Refused::UnknownAgency { agency: s("x"), regulation: s("r"), agencies: vec![s("so-noi-vu")] },
            Refused::AgencyAppraisesNothing { agency: s("ubnd"), leaders: None },
            Refused::NoLeaderRole { regulation: s("r"), leaders: Some(s("Thường trực Huyện ủy")) },
            Refused::UserExists { name: s("an") },
            Refused::UnknownRole { role: s("king") },
            Refused::UnknownGrade { grade: s("great") },
            Refused::StoredRoleUnknown { name: s("an"), role: s("king") },
            Refused::DemoGenerator { found: s("2"), ours: s("1") },
            Refused::DemoRecipe { why: s("x") },
            Refused::AuditRecordUnfit { table: s("score"), record: s("{}") },
            Refused::AuditRecordUnreadable { row: 3, why: s("x") },
            Refused::UnitNeeded,
            Refused::RoleGrant(RoleGrantRefusal::NotForSecretary(Role::Chairman)),
            Refused::SheetRefused {
                file: s("stc.xlsx"),
                sheet: s("stc"),
                unit: "stc".into(),
                refusal: Refusal {
                    who: Actor {
                        name: s("dv"),
                        role: Role::Unit,
                        agency: None,
                        unit: Some("sct".into()),
                        leaders_name: None,
                    },
                    act: Box::new(Act::SelfAssess { unit: "stc".into() }),
                    rule: Box::new(Rule::OwnUnitSelfAssessment { own: "sct".into() }),
                },
            },
            Refused::NoUnitForRole { role: s("member"), unit: s("stc") },
            Refused::UnitNotNamed,
            Refused::UnitNotInRound { unit: s("stc") },
            Refused::ClockNoDate { text: s("x") },
            Refused::ApprovedOnNotADate { unit: "stc".into(), value: s("x") },
            Refused::ApprovedInFuture { unit: "stc".into(), approved: s("2030-01-01"), today: s("2024-01-01") },
            Refused::AlreadySubmitted { unit: "stc".into(), on: s("2024-01-01"), minutes: s("12/BB") },
            Refused::SelfAssessmentIncomplete { unit: "stc".into(), missing: 7, first: vec![s("I.1"), s("I.2")] },
            Refused::ReceivedNotADate { unit: "stc".into(), value: s("x") },
            Refused::ReceivedInFuture { unit: "stc".into(), received: s("2030-01-01"), today: s("2024-01-01") },
            Refused::ReceivedNotForUnit { unit: "stc".into() },
            Refused::SubmissionNotRecorded { unit: "stc".into() },
            Refused::NotSubmitted { unit: "stc".into() },
            Refused::DeadlineNotADate { value: s("x") },
            Refused::AppraisalDaysZero,
            Refused::AppraisalDaysTooMany { days: 400, limit: 365 },
            Refused::ApprovedBeforeRound { unit: "stc".into(), approved: s("01/05/1950"), year: 2024 },
            Refused::NoRoundSetting,
            Refused::YearNotAfter { from: s("old.db"), old_year: 2024, year: 2023 },
            Refused::NoFrameworkIn {
                from: s("old.db"),
                unit: "stc".into(),
                bloc: "b".into(),
                group: None,
                regulation: s("r"),
            },
            Refused::AgencyGone { from: s("old.db"), user: s("an"), agency: s("x"), regulation: s("r") },
            Refused::OldSchema { path: s("old.db"), version: 5 },
            Refused::NoSuchDocument { unit: "stc".into(), component: s("I.1"), reference: s("12") },
            Refused::BadSelfScore { unit: "stc".into(), component: s("I.1"), why: ScoreInputError::NotANumber(s("x")) },
            Refused::NotApplicableNotAllowed { unit: "stc".into(), component: s("I.1"), regulation: s("r") },
            Refused::ExportOverDatabase { file: s("a.db"), database: s("a.db"), part: None },
            Refused::ExportOverDatabase { file: s("a.db-wal"), database: s("a.db-wal"), part: Some(s("-wal")) },
            Refused::ExportExists { file: s("a.xlsx") },
            Refused::Paper(crate::store::papers::PaperRefusal::NothingApproved),
            Refused::Paper(crate::store::papers::PaperRefusal::SettingsInvalid { why: s("x") }),
            Refused::Paper(crate::store::papers::PaperRefusal::NotAFolder { folder: s("a") }),
            Refused::Paper(crate::store::papers::PaperRefusal::NoticeOfWhom),
            Refused::Paper(crate::store::papers::PaperRefusal::NotAPaper { file: s("a.docx"), why: s("x") }),
            Refused::Unreadable { file: s("a.csv"), not_found: true, why: s("No such file") },
            Refused::Unreadable { file: s("a.csv"), not_found: false, why: s("Permission denied") },
        ];
        let problems = [
            CsvProblem::NotUtf8,
            CsvProblem::Header(s("x")),
            CsvProblem::UnknownColumn { column: s("note"), known: vec![s("criterion")] },
            CsvProblem::ColumnTwice { column: s("criterion") },
            CsvProblem::MissingColumn { column: s("criterion") },
            CsvProblem::Unreadable(s("x")),
            CsvProblem::Cell { column: s("name"), value: s("a"), why: TextRefusal::LineBreak },
        ];
        all.extend(problems.into_iter().map(|problem| Refused::Csv { file: s("a.csv"), line: 1, problem }));
        for field in TextField::ALL {
            all.push(Refused::BadText { field, at: item(), why: TextRefusal::LineBreak });
            all.push(Refused::TextNeeded { field, at: Subject::Bloc("so-nganh".into()) });
        }
        for at in [Subject::Unit("stc".into()), Subject::Tie, Subject::Approval, Subject::User(s("an"))] {
            all.push(Refused::Frozen { bloc: "so-nganh".into(), at, rerating: Some(s("Điều 10.4")) });
        }
        all
    }

    /// Every way a database does not open.
    fn every_open_refusal() -> [StoreError; 4] {
        [
            OpenRefused::PermissionDenied { path: s("round.db") }.into(),
            OpenRefused::Locked { path: s("round.db") }.into(),
            OpenRefused::NotSqlite { path: s("round.db") }.into(),
            OpenRefused::ReadOnly { path: s("round.db") }.into(),
        ]
    }

    #[allow(clippy::too_many_lines, reason = "one error of each kind, listed: split, a kind is easier to forget")]
    fn every_store_error() -> Vec<StoreError> {
        let path = PathBuf::from("round.db");
        let actor =
            Actor { name: s("tv"), role: Role::Member, agency: Some(s("so-noi-vu")), ..Actor::service_account() };
        let mut all = vec![
            StoreError::Missing { path: path.clone() },
            StoreError::AlreadyInitialised { path: path.clone(), regulation: s("r"), year: 2024 },
            StoreError::NotThamdinh { path: path.clone() },
            StoreError::TooNew { path: path.clone(), found: 9, supported: 8 },
            StoreError::UnknownRegulation { id: s("x"), available: vec![s("r")] },
            StoreError::BadYear(20),
            StoreError::Data(DataError::Missing { file: s("regulation.toml"), message: s("x") }),
            StoreError::Catalog(crate::store::catalog::CatalogError::FolderMissing { folder: path.clone() }),
            StoreError::Catalog(crate::store::catalog::CatalogError::NoRegulation { folder: path.clone() }),
            StoreError::Catalog(crate::store::catalog::CatalogError::Duplicate { id: s("r"), folder: path.clone() }),
            StoreError::Stale(Box::new(StaleSave {
                unit: stc(),
                component: s("I.1"),
                current: Some(s("2.5")),
                current_reason: s("Chậm"),
                by: s("tv"),
                version: 2,
                yours: s("2"),
            })),
            StoreError::UnknownUser { name: s("nobody") },
            StoreError::Terminal(std::io::Error::other("x")),
            StoreError::Sqlite(rusqlite::Error::InvalidQuery),
            StoreError::RowRefused(Box::new(RowRefused {
                file: s("scores.csv"),
                line: 3,
                column: s("appraised_score"),
                unit: stc(),
                item: RowItem::Criterion(s("II.1")),
                value: s("2"),
                refusal: Refusal {
                    who: actor.clone(),
                    act: Box::new(Act::Appraise { component: s("II.1"), unit: stc() }),
                    rule: Box::new(Rule::MembersAppraise),
                },
            })),
            StoreError::Migration(rusqlite_migration::Error::MigrationDefinition(
                rusqlite_migration::MigrationDefinitionError::NoMigrationsDefined,
            )),
        ];
        for (act, rule) in [
            (Act::Council(CouncilWrite::Export), Rule::SecretaryOrChairmanExport),
            (
                Act::Appraise { component: s("I.1"), unit: stc() },
                Rule::AssignedTo { component: s("I.1"), agency: s("x") },
            ),
            (Act::Comment { component: s("I.1"), unit: stc() }, Rule::CoAssignedComment { agencies: vec![s("x")] }),
            (
                Act::EnterLeaderScore { leader: s("ld"), component: s("I.1"), unit: stc() },
                Rule::ScoredByLeaders { criterion: s("I") },
            ),
            (
                Act::ImportAppraisal { component: s("I.1"), unit: stc() },
                Rule::LedByAnother { component: s("I.1"), leading: s("x") },
            ),
        ] {
            all.push(StoreError::from(Refusal { who: actor.clone(), act: Box::new(act), rule: Box::new(rule) }));
        }
        all.extend(every_unit_refusal());
        for rule in Rule::ALL_SIMPLE.into_iter().chain([Rule::NoAgencyNamed { component: s("I.1") }]) {
            let act = Act::Council(CouncilWrite::Approve);
            all.push(StoreError::from(Refusal { who: actor.clone(), act: Box::new(act), rule: Box::new(rule) }));
        }
        all.extend(every_refusal().into_iter().map(StoreError::from));
        all.extend(every_row_error());
        all
    }

    /// Every refusal a unit's focal person meets: another unit's file, a submitted file, the council's writes.
    fn every_unit_refusal() -> Vec<StoreError> {
        let mut refusals = Vec::new();
        let focal = Actor { name: s("dv"), role: Role::Unit, agency: None, unit: Some(stc()), leaders_name: None };
        for (act, rule) in [
            (Act::SelfAssess { unit: "xyz".into() }, Rule::OwnUnitSelfAssessment { own: stc() }),
            (Act::SelfAssess { unit: stc() }, Rule::Submitted { unit: stc() }),
            (Act::Submit { unit: "xyz".into() }, Rule::OwnUnitSubmission { own: stc() }),
            (Act::SeeResult { unit: "xyz".into() }, Rule::OwnUnitResult { own: stc() }),
            (Act::ReadRound, Rule::UnitReadsOwnOnly),
            (Act::Council(CouncilWrite::Reopen), Rule::UnitNeverAppraises),
            (Act::Council(CouncilWrite::RoundSettings), Rule::UnitNeverAppraises),
            (Act::Council(CouncilWrite::PaperSettings), Rule::UnitNeverAppraises),
        ] {
            refusals.push(StoreError::from(Refusal { who: focal.clone(), act: Box::new(act), rule: Box::new(rule) }));
        }
        refusals
    }

    /// Every refused value of a row, at every place it is read: a CSV line (with and without a column), a
    /// sheet's cell, a sheet, a unit's form, and a file as a whole (the file faults among them).
    fn every_row_error() -> Vec<StoreError> {
        let mut all = Vec::new();
        for fault in super::super::rows::every_row_fault() {
            let places = [
                (RowPlace::Line { file: s("scores.csv"), line: 3 }, Some("self_score")),
                (RowPlace::Line { file: s("units.csv"), line: 2 }, None),
                (RowPlace::Sheet { file: s("stc.xlsx"), sheet: s("stc"), cell: Some(s("E14")) }, None),
                (RowPlace::Sheet { file: s("stc.xlsx"), sheet: s("stc"), cell: None }, None),
                (RowPlace::Form, Some("explanation")),
                (RowPlace::File { file: s("stc.xlsx") }, None),
            ];
            for (place, column) in places {
                all.push(fault.clone().at(place, column));
            }
        }
        all
    }

    /// Words of the English wording that a Vietnamese one never carries.
    const TELL_TALE: [&str; 6] = [" may not ", "refused", " is not ", "unknown ", " the ", "unit "];

    /// Every error has a Vietnamese and an English wording, and they differ (the Vietnamese is not the English
    /// left in place); the Vietnamese carries none of the English sentence's tell-tale words.
    #[test]
    fn every_error_is_worded_in_both_languages() {
        for error in every_store_error().into_iter().chain(every_open_refusal()) {
            let (vi, en) = (store_error(&error, Lang::Vi), store_error(&error, Lang::En));
            assert!(!vi.is_empty() && !en.is_empty(), "{error:?}");
            assert_ne!(vi, en, "{error:?}: the Vietnamese is the English");
            // SQLite's, the terminal's and a data file's own detail stay as they come.
            let external = matches!(
                error,
                StoreError::Sqlite(_) | StoreError::Migration(_) | StoreError::Terminal(_) | StoreError::Data(_)
            );
            let words: &[&str] = if external { &[] } else { &TELL_TALE };
            for word in words {
                assert!(!vi.contains(word), "{error:?}: {word:?} in {vi}");
            }
        }
        // Errors whose detail comes from outside (SQLite's, the terminal's) word the kinds people meet and
        // quote any other detail; their frame is worded.
        let io = StoreError::Terminal(std::io::Error::other("x"));
        assert_eq!(store_error(&io, Lang::Vi), "màn hình: lỗi do thư viện báo: «x»");
        let denied = StoreError::Terminal(std::io::Error::from(std::io::ErrorKind::PermissionDenied));
        assert_eq!(store_error(&denied, Lang::Vi), "màn hình: không có quyền truy cập");
        // A row's refusal keeps `file:line:` as compilers and editors read it, in both languages.
        let row =
            RowFault::NoName { code: "snv".into() }.at(RowPlace::Line { file: s("a.csv"), line: 3 }, Some("name"));
        assert_eq!(store_error(&row, Lang::Vi), "a.csv:3: cột name: đơn vị snv: chưa có tên");
        assert_eq!(store_error(&row, Lang::En), "a.csv:3: column name: unit snv has no name");
    }
    #[test]
    fn a_part_left_without_items_cites_the_regulations_article_and_its_own_points_or_none() {
        let refusal = |article: Option<&str>| {
            StoreError::from(Refused::WhollyNotApplicable {
                unit: "btc".into(),
                part: s("C"),
                parts: vec![(s("A"), Decimal::from(40)), (s("B"), Decimal::from(50)), (s("C"), Decimal::TEN)],
                article: article.map(str::to_string),
            })
        };
        assert_eq!(
            store_error(&refusal(Some("Điều 4.1")), Lang::Vi),
            "đơn vị btc: mọi nội dung của C sẽ là không áp dụng; Điều 4.1 cố định điểm từng phần (A 40 điểm, B 50 điểm, C 10 điểm) nên C phải còn ít nhất một nội dung được chấm"
        );
        let none = store_error(&refusal(None), Lang::Vi);
        assert!(none.contains("; quy chế cố định điểm từng phần (A 40 điểm") && !none.contains("Điều"), "{none}");
        let english = store_error(&refusal(Some("Điều 4.1")), Lang::En);
        assert!(english.ends_with("Article 4.1 fixes each part's points (A 40, B 50, C 10)"), "{english}");
        assert!(store_error(&refusal(None), Lang::En).contains("the regulation fixes each part's points"));
    }
}
