//! The words the interface's views draw (issue 27 item 2, issue 22 items 17 and 20): titles, column headings,
//! labels and notices of every pane and form, in Vietnamese and English. A column heading or a level has a full
//! spelling and a short one: the views write the full words where the column has room, the abbreviation only
//! when it is narrow. Names of units, criteria, agencies and people stay as the data has them.

use super::Lang;
use crate::domain::classification::Level;
use crate::domain::code::{BlocCode, UnitCode};
use crate::domain::grades::Grade;
use crate::domain::permissions::Role;
use crate::domain::ranking::Outcome;

/// A fixed word or phrase of a view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    /// The demo marker at the right of the title bar.
    DemoMarker,
    /// The title bar before anyone is chosen.
    ChooseUser,
    // The panes' tabs.
    /// The panes' tabs: “Hàng chờ thẩm định”.
    PaneQueue,
    /// The panes' tabs: “Xếp hạng”.
    PaneRanking,
    /// The panes' tabs: “Tiến độ”.
    PaneProgress,
    /// The panes' tabs: “Bằng điểm”.
    PaneTies,
    /// The panes' tabs: “Biểu đồ”.
    PaneCharts,
    /// The panes' tabs: “Tự đánh giá”.
    PaneSelfAssessment,
    /// The panes' tabs: “Kết quả”.
    PaneResult,
    // The queue's statuses.
    /// The queue's statuses: “Chưa thẩm định”.
    StatusPending,
    /// The queue's statuses: “Thiếu lý do”.
    StatusNeedsReason,
    /// The queue's statuses: “Thiếu hồ sơ”.
    StatusIncompleteFile,
    /// The queue's statuses: “Chờ xác nhận”.
    StatusAwaitingConfirmation,
    /// The queue's statuses: “Đã thẩm định”.
    StatusAppraised,
    /// The queue's statuses: “Phối hợp — góp ý”.
    StatusCoAssigned,
    /// The queue's statuses: “Đơn vị chưa nộp”.
    StatusNotSubmitted,
    /// After a status: the unit's file lacks something.
    AlsoIncompleteFile,
    /// After a status: a co-appraising agency commented.
    AlsoNewComment,
    // Column headings.
    /// Column headings: “Hạng”.
    Rank,
    /// Column headings: “Mã”.
    Code,
    /// Column headings: “Đơn vị”.
    Unit,
    /// Column headings: “Tổng”.
    Total,
    /// Column headings: “Xếp loại”.
    Level,
    /// Column headings: “Mục”.
    Component,
    /// Column headings: “Tự đánh giá”.
    SelfScore,
    /// Column headings: “Thẩm định”.
    Appraised,
    /// Column headings: “Trạng thái”.
    Status,
    /// Column headings: “Cơ quan thẩm định”.
    Agency,
    /// Column headings: “Nộp”.
    Submission,
    /// Column headings: “Tiêu chí thành phần”.
    ComponentName,
    /// Column headings: “Tối đa”.
    Max,
    /// Column headings: “Tự chấm”.
    OwnScore,
    /// Column headings: “Giải trình”.
    Explanation,
    /// Column headings: “Tài liệu”.
    Documents,
    /// Column headings: “Số hiệu”.
    Reference,
    /// Column headings: “Ngày”.
    Date,
    /// Column headings: “Trích yếu”.
    Title,
    /// Column headings: “Lúc”.
    When,
    /// Column headings: “Người”.
    Who,
    /// Column headings: “Việc”.
    Action,
    /// Column headings: “Cũ → mới”.
    Change,
    /// Column headings: “Lý do”.
    Reason,
    /// Column headings: “Giá trị”.
    Value,
    /// Column headings: “Sự kiện”.
    Fact,
    /// Column headings: “Theo quy chế”.
    ByRegulation,
    /// Column headings: “Tiêu chí”.
    Criterion,
    /// Column headings: “Đề xuất”.
    Proposed,
    /// Column headings: “Áp dụng”.
    Applied,
    /// Column headings: “Lý do điều chỉnh”.
    OverrideReason,
    /// An empty list when a filter hides every row.
    NoMatch,
    /// A ranking with no unit.
    NoUnitYet,
    /// A unit's component not applicable.
    NotApplicable,
    /// Not applicable in a narrow column (*KAD*).
    NotApplicableShort,
    /// A unit explained a component (the explanation column).
    Yes,
    /// What the unit's file has not.
    NoneGiven,
    /// A total still provisional, in a wide table.
    Provisional,
    /// The approval prompt: how to go back.
    EscBack,
    /// The appraisal queue is empty.
    QueueEmpty,
    /// The appraisal queue is empty: no unit submitted yet.
    NothingSubmitted,
    /// The picker's title and note.
    WhoAreYou,
    /// The picker's title and note: “Chỉ dữ liệu minh họa; hội đồng thật đăng nhập bằng --user qua SSH”.
    PickerNote,
    /// The confirm dialog's questions and answers.
    QuitUnsaved,
    /// Closing a scoring form with unsaved changes: the question.
    CloseUnsaved,
    /// The confirm dialog's questions and answers: “y: bỏ thay đổi    n: ở lại”.
    DiscardOrStay,
    /// Below the smallest size, with unsaved work.
    TooSmallUnsaved,
    /// The history: nothing recorded yet.
    NoChangeYet,
    /// Ties: none waiting.
    NoOpenTie,
    /// The ties pane's title.
    TiesTitle,
    /// The units tied agree on every component.
    NoDifference,
    /// Ordering a tie: the reason's box, focused or not.
    TieReasonFocused,
    /// Ordering a tie: the reason's box, focused or not: “Thứ tự đã ghi, mở lại: sắp lại rồi Enter để nhập lý do”.
    TieReasonWaiting,
    /// The scoring form.
    AppraisalForm,
    /// The scoring form's title when the bloc is approved (read only).
    AppraisalFormReadOnly,
    /// The scoring form: “Phiếu góp ý”.
    CommentForm,
    /// The scoring form: “Lý do trừ điểm”.
    DeductionReason,
    /// The scoring form: “Lý do rút kết quả thẩm định”.
    WithdrawReason,
    /// The scoring form: “Ý kiến góp ý”.
    CommentBox,
    /// The scoring form: “Điểm thẩm định:”.
    ScoreLabel,
    /// The scoring form: “(3,5 hoặc 3.5)”.
    ScoreHint,
    /// The scoring form: “(3,5 · 3.5 · 80%)”.
    ScoreHintPercent,
    /// The scoring form: “Điểm của các lãnh đạo”.
    ScoredByLeaders,
    /// The preview beside the queue.
    PreviewTitle,
    /// The unit's file.
    StandingReasons,
    /// The charts' legend.
    ChartLegend,
    /// The charts' legend: “▇ tự đánh giá”.
    ChartSelf,
    /// The charts' legend: “▇ thẩm định”.
    ChartAppraised,
    /// The charts' legend: “Ngưỡng:”.
    Thresholds,
    /// The charts' legend: “Tiến độ theo cơ quan thẩm định”.
    AgencyProgress,
    /// The unit's own screens.
    NotSubmittedYet,
    /// The submission form's title.
    SubmitTitle,
    /// The unit's own screens: “Sau khi nộp, bản tự đánh giá được khóa; cần sửa thì đề nghị Thư ký Hội đồng mở lại.”
    SubmitLocked,
    /// The unit's own screens: “Số biên bản:”.
    MinutesNumber,
    /// The unit's own screens: “Giải trình”.
    ExplanationBox,
    /// The unit's own screens: “Kết quả được công bố sau khi Chủ tịch Hội đồng phê duyệt kết quả của khối.”
    ResultNotYet,
    /// The unit's approved result: the pane's title, with the keys that scroll it.
    ResultTitle,
    /// The unit's own screens: “Kết quả”.
    ResultScroll,
    /// The unit's own screens: “Biểu chấm điểm của đơn vị: thamdinh export sheet --user <tên người dùng>”.
    ResultSheet,
    /// The unit's own screens: “Nộp — Enter”.
    SubmitEnter,
    /// The grade override's reason box.
    OverrideReasonBox,
}

/// A fixed word or phrase in the reader's language.
#[expect(clippy::too_many_lines, reason = "one arm per word, Vietnamese beside English: read as a table")]
pub fn word(word: Word, lang: Lang) -> &'static str {
    let (vi, en) = match word {
        Word::DemoMarker => (" DỮ LIỆU MINH HỌA ", " DEMO DATA "),
        Word::ChooseUser => ("chọn người dùng", "choose a user"),
        Word::PaneQueue => ("Hàng chờ thẩm định", "Appraisal queue"),
        Word::PaneRanking => ("Xếp hạng", "Ranking"),
        Word::PaneProgress => ("Tiến độ", "Progress"),
        Word::PaneTies => ("Bằng điểm", "Ties"),
        Word::PaneCharts => ("Biểu đồ", "Charts"),
        Word::PaneSelfAssessment => ("Tự đánh giá", "Self-assessment"),
        Word::PaneResult => ("Kết quả", "Result"),
        Word::StatusPending => ("Chưa thẩm định", "Not appraised"),
        Word::StatusNeedsReason => ("Thiếu lý do", "Reason missing"),
        Word::StatusIncompleteFile => ("Thiếu hồ sơ", "File incomplete"),
        Word::StatusAwaitingConfirmation => ("Chờ xác nhận", "Awaiting confirmation"),
        Word::StatusAppraised => ("Đã thẩm định", "Appraised"),
        Word::StatusCoAssigned => ("Phối hợp — góp ý", "Co-appraising — comment"),
        Word::StatusNotSubmitted => ("Đơn vị chưa nộp", "Unit not submitted"),
        Word::AlsoIncompleteFile => (" · thiếu hồ sơ", " · file incomplete"),
        Word::AlsoNewComment => (" · ✉ góp ý mới", " · ✉ new comment"),
        Word::Rank => ("Hạng", "Rank"),
        Word::Code => ("Mã", "Code"),
        Word::Unit => ("Đơn vị", "Unit"),
        Word::Total => ("Tổng", "Total"),
        Word::Level => ("Xếp loại", "Level"),
        Word::Component => ("Mục", "Item"),
        Word::SelfScore => ("Tự đánh giá", "Self-score"),
        Word::Appraised => ("Thẩm định", "Appraised"),
        Word::Status => ("Trạng thái", "Status"),
        Word::Agency => ("Cơ quan thẩm định", "Appraising agency"),
        Word::Submission => ("Nộp", "Submission"),
        Word::ComponentName => ("Tiêu chí thành phần", "Component"),
        Word::Max => ("Tối đa", "Max"),
        Word::OwnScore => ("Tự chấm", "Own score"),
        Word::Explanation => ("Giải trình", "Explained"),
        Word::Documents => ("Tài liệu", "Documents"),
        Word::Reference => ("Số hiệu", "Number"),
        Word::Date => ("Ngày", "Date"),
        Word::Title => ("Trích yếu", "Title"),
        Word::When => ("Lúc", "When"),
        Word::Who => ("Người", "Who"),
        Word::Action => ("Việc", "Action"),
        Word::Change => ("Cũ → mới", "Old → new"),
        Word::Reason => ("Lý do", "Reason"),
        Word::Value => ("Giá trị", "Value"),
        Word::Fact => ("Sự kiện", "Fact"),
        Word::ByRegulation => ("Theo quy chế", "In the regulation"),
        Word::Criterion => ("Tiêu chí", "Criterion"),
        Word::Proposed => ("Đề xuất", "Proposed"),
        Word::Applied => ("Áp dụng", "Applied"),
        Word::OverrideReason => ("Lý do điều chỉnh", "Reason for the change"),
        Word::NoMatch => ("không có mục nào khớp", "no item matches"),
        Word::NoUnitYet => ("Chưa có đơn vị nào.", "No unit yet."),
        Word::NotApplicable => ("không áp dụng", "not applicable"),
        Word::NotApplicableShort => ("KAD", "N/A"),
        Word::Yes => ("có", "yes"),
        Word::NoneGiven => ("(không có)", "(none)"),
        Word::Provisional => (" (tạm tính)", " (provisional)"),
        Word::EscBack => ("Esc để trở lại.", "Esc to go back."),
        Word::QueueEmpty => ("Không có mục nào của cơ quan trong hàng chờ", "The agency has no item in the queue"),
        Word::NothingSubmitted => (
            "Chưa đơn vị nào nộp bản tự đánh giá — s đến “Đơn vị chưa nộp” để xem trước",
            "No unit has submitted its self-assessment yet — s to “Unit not submitted” to look ahead",
        ),
        Word::WhoAreYou => (" Bạn là ai? ", " Who are you? "),
        Word::PickerNote => (
            " Chỉ dữ liệu minh họa; hội đồng thật đăng nhập bằng --user qua SSH ",
            " Demo data only; a real council signs in with --user over SSH ",
        ),
        Word::QuitUnsaved => ("Phiếu chưa lưu. Thoát và bỏ thay đổi?", "The form is not saved. Quit and discard it?"),
        Word::CloseUnsaved => {
            ("Phiếu chưa lưu. Đóng phiếu và bỏ thay đổi?", "The form is not saved. Close it and discard the changes?")
        }
        Word::DiscardOrStay => ("y: bỏ thay đổi    n: ở lại", "y: discard    n: stay"),
        Word::TooSmallUnsaved => (
            "Có thay đổi chưa lưu sẽ bị bỏ: y để thoát, n để ở lại",
            "Unsaved changes will be lost: y to quit, n to stay",
        ),
        Word::NoChangeYet => ("Chưa có thay đổi nào được ghi", "No change recorded yet"),
        Word::NoOpenTie => ("Không còn trường hợp bằng điểm nào chờ quyết định.", "No tie is waiting for a decision."),
        Word::TiesTitle => (" Bằng điểm ", " Ties "),
        Word::NoDifference => (
            "Các đơn vị có điểm như nhau ở mọi tiêu chí thành phần.",
            "The units have the same score on every component.",
        ),
        Word::TieReasonFocused => (
            " Lý do đổi thứ tự đã ghi (bắt buộc) — Enter lưu · Esc trở lại thứ tự ",
            " Reason for changing the recorded order (required) — Enter saves · Esc back to the order ",
        ),
        Word::TieReasonWaiting => (
            " Thứ tự đã ghi, mở lại: sắp lại rồi Enter để nhập lý do ",
            " A recorded order, reopened: reorder, then Enter to give the reason ",
        ),
        Word::AppraisalForm => ("Phiếu thẩm định", "Appraisal form"),
        Word::AppraisalFormReadOnly => {
            ("Phiếu thẩm định (chỉ xem — khối đã phê duyệt)", "Appraisal form (read only — the bloc is approved)")
        }
        Word::CommentForm => ("Phiếu góp ý", "Comment form"),
        Word::DeductionReason => (" Lý do trừ điểm ", " Reason for the deduction "),
        Word::WithdrawReason => (" Lý do rút kết quả thẩm định ", " Reason for withdrawing the appraisal "),
        Word::CommentBox => (" Ý kiến góp ý ", " Comment "),
        Word::ScoreLabel => ("Điểm thẩm định: ", "Appraised score: "),
        Word::ScoreHint => (" (3,5 hoặc 3.5)", " (3.5 or 3,5)"),
        Word::ScoreHintPercent => (" (3,5 · 3.5 · 80%)", " (3.5 · 3,5 · 80%)"),
        Word::ScoredByLeaders => ("Điểm của các lãnh đạo", "The leaders' scores"),
        Word::PreviewTitle => (" Xem nhanh — Enter để chấm ", " Preview — Enter to appraise "),
        Word::StandingReasons => ("Lý do xếp loại:", "Why this level:"),
        Word::ChartLegend => ("% điểm tối đa theo tiêu chí: ", "% of the maximum by criterion: "),
        Word::ChartSelf => ("▇ tự đánh giá", "▇ self-assessed"),
        Word::ChartAppraised => ("▇ thẩm định", "▇ appraised"),
        Word::Thresholds => ("Ngưỡng: ", "Thresholds: "),
        Word::AgencyProgress => (" Tiến độ theo cơ quan thẩm định ", " Progress by appraising agency "),
        Word::NotSubmittedYet => (
            "Chưa nộp: Enter để chấm từng tiêu chí, p để nộp khi tập thể lãnh đạo đã thông qua",
            "Not submitted: Enter to score each component, p to submit once the leadership has approved it",
        ),
        Word::SubmitTitle => {
            ("Nộp bản tự đánh giá cho Hội đồng thẩm định", "Submit the self-assessment to the council")
        }
        Word::SubmitLocked => (
            "Sau khi nộp, bản tự đánh giá được khóa; cần sửa thì đề nghị Thư ký Hội đồng mở lại.",
            "Once submitted, the self-assessment is locked; to change it, ask the council's secretary to reopen it.",
        ),
        Word::MinutesNumber => ("Số biên bản: ", "Minutes number: "),
        Word::ExplanationBox => (" Giải trình ", " Explanation "),
        Word::ResultNotYet => (
            "Kết quả được công bố sau khi Chủ tịch Hội đồng phê duyệt kết quả của khối.",
            "The result is published once the council's chairman approves the bloc's results.",
        ),
        Word::ResultTitle => {
            (" Kết quả (đã phê duyệt) — ↓/j, PgDn, G để xem tiếp ", " Result (approved) — ↓/j, PgDn, G to read on ")
        }
        Word::ResultScroll => (" Kết quả ", " Result "),
        Word::ResultSheet => (
            "Biểu chấm điểm của đơn vị: thamdinh export sheet --user <tên người dùng>",
            "The unit's score sheet: thamdinh export sheet --user <user name>",
        ),
        Word::SubmitEnter => (" Nộp — Enter ", " Submit — Enter "),
        Word::OverrideReasonBox => {
            (" Lý do điều chỉnh (hoặc bỏ điều chỉnh) ", " Reason for the change (or its removal) ")
        }
    };
    lang.pick(vi, en)
}

/// A column heading in full words and abbreviated: the abbreviation only where the column is narrow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heading {
    /// Components appraised (*Đã thẩm định* / *Đã TĐ*).
    Appraised,
    /// The unit's self-score (*Tự đánh giá* / *Tự ĐG*).
    SelfScore,
    /// Components whose file is incomplete.
    IncompleteFile,
    /// The unit's explanation given.
    Explanation,
    /// Documents filed.
    Documents,
}

/// A heading: (full words, abbreviation).
pub fn heading(heading: Heading, lang: Lang) -> (&'static str, &'static str) {
    let (vi, en) = match heading {
        Heading::Appraised => (("Đã thẩm định", "Đã TĐ"), ("Appraised", "Appr.")),
        Heading::SelfScore => (("Tự đánh giá", "Tự ĐG"), ("Self-score", "Self")),
        Heading::IncompleteFile => (("Thiếu hồ sơ", "Thiếu HS"), ("File incomplete", "Incompl.")),
        Heading::Explanation => (("Giải trình", "GT"), ("Explained", "Expl.")),
        Heading::Documents => (("Tài liệu", "TL"), ("Documents", "Docs")),
    };
    lang.pick(vi, en)
}

/// A score as the reader writes it, without trailing zeros: `7,5` in Vietnamese, `7.5` in English.
pub fn score(value: rust_decimal::Decimal, lang: Lang) -> String {
    let text = value.normalize().to_string();
    lang.pick(text.replace('.', ","), text)
}

/// A total with its decimals as computed (`85,50`, or `85.50` in English).
pub fn total(value: rust_decimal::Decimal, lang: Lang) -> String {
    let text = value.to_string();
    lang.pick(text.replace('.', ","), text)
}

fn level_full_en(level: Level) -> &'static str {
    match level {
        Level::Excellent => "Excellent",
        Level::Good => "Good",
        Level::Completed => "Completed",
        Level::NotCompleted => "Not completed",
    }
}

/// A level in a narrow column in the seeds' words (*Xuất sắc*, *Không HT*); a regulation's own short names are
/// `levels::outcome_short`'s.
pub fn outcome_short(outcome: Outcome, lang: Lang) -> &'static str {
    match (lang, outcome) {
        (_, Outcome::Level(level)) => level_short(level, lang),
        (Lang::Vi, Outcome::TiePending) => "Chờ Chủ tịch",
        (Lang::En, Outcome::TiePending) => "Tie pending",
    }
}

/// A level in a legend or a narrow column in the seeds' words (the default of `levels::level_short`).
pub fn level_short(level: Level, lang: Lang) -> &'static str {
    match (lang, level) {
        (Lang::Vi, Level::Excellent) => "Xuất sắc",
        (Lang::Vi, Level::Good) => "Tốt",
        (Lang::Vi, Level::Completed) => "Hoàn thành",
        (Lang::Vi, Level::NotCompleted) => "Không HT",
        (Lang::En, Level::NotCompleted) => "Not compl.",
        (Lang::En, level) => level_full_en(level),
    }
}

/// A criterion's grade by name (*Xuất sắc*, *Trung bình*).
pub fn grade(grade: Grade, lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => grade.vietnamese(),
        Lang::En => match grade {
            Grade::Excellent => "Excellent",
            Grade::Good => "Good",
            Grade::Average => "Average",
            Grade::Poor => "Poor",
        },
    }
}

/// A criterion's grade in a narrow column of the tie figures (*XS*, *TB*).
pub fn grade_letter(grade: Option<Grade>, lang: Lang) -> &'static str {
    match (grade, lang) {
        (None, _) => "—",
        (Some(Grade::Excellent), Lang::Vi) => "XS",
        (Some(Grade::Good), Lang::Vi) => "T",
        (Some(Grade::Average), Lang::Vi) => "TB",
        (Some(Grade::Poor), Lang::Vi) => "K",
        (Some(Grade::Excellent), Lang::En) => "E",
        (Some(Grade::Good), Lang::En) => "G",
        (Some(Grade::Average), Lang::En) => "A",
        (Some(Grade::Poor), Lang::En) => "P",
    }
}

/// A person's role, as the title bar and the history name it.
pub fn role(role: Role, lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => role.label_vi(),
        Lang::En => match role {
            Role::Member => "Council member",
            Role::Assistant => "Assistant team",
            Role::Leader => "Provincial leader",
            Role::Secretary => "Secretary",
            Role::Chairman => "Council chairman",
            Role::ServiceAccount => "Administrator (service account)",
            Role::Unit => "Unit's focal person",
        },
    }
}

/// A fact's value in the reader's words (*có*, *đã khắc phục*); a count as its digits.
pub fn fact_choice(choice: &str, lang: Lang) -> String {
    let (vi, en) = match choice {
        "true" | "yes" => ("có", "yes"),
        "false" | "none" => ("không", "no"),
        "remedied" => ("đã khắc phục", "remedied"),
        other => return other.to_string(),
    };
    lang.pick(vi, en).to_string()
}

/// What a file lacks (*thiếu giải trình*), as the domain's gap says it.
pub fn file_gap(no_explanation: bool, no_evidence: bool, lang: Lang) -> &'static str {
    match (no_explanation, no_evidence, lang) {
        (true, true, Lang::Vi) => "thiếu giải trình và tài liệu kiểm chứng",
        (true, false, Lang::Vi) => "thiếu giải trình",
        (_, _, Lang::Vi) => "thiếu tài liệu kiểm chứng",
        (true, true, Lang::En) => "no explanation and no supporting document",
        (true, false, Lang::En) => "no explanation",
        (_, _, Lang::En) => "no supporting document",
    }
}

/// A file's gap, as a warning line.
pub fn gap_line(gap: &str, lang: Lang) -> String {
    lang.pick(format!("⚠ Thiếu hồ sơ: {gap}"), format!("⚠ File incomplete: {gap}"))
}

/// A file's gap in the scoring form, with the reason F2 offers (the council's usual words, recorded as they are).
pub fn gap_offer(gap: &str, offered: &str, lang: Lang) -> String {
    lang.pick(
        format!("⚠ Thiếu hồ sơ: {gap} — F2 điền lý do “{offered}”"),
        format!("⚠ File incomplete: {gap} — F2 fills in the reason “{offered}”"),
    )
}

/// Below the smallest size: what is needed, and what the terminal is.
pub fn too_small(lang: Lang, need: (u16, u16), now: (u16, u16)) -> [String; 2] {
    let ((w, h), (nw, nh)) = (need, now);
    match lang {
        Lang::Vi => [
            format!("Cửa sổ quá nhỏ: cần ít nhất {w}×{h}"),
            format!("hiện {nw}×{nh} — hãy phóng to cửa sổ; q để thoát"),
        ],
        Lang::En => [
            format!("The window is too small: it needs at least {w}×{h}"),
            format!("now {nw}×{nh} — make the window larger; q to quit"),
        ],
    }
}

/// The title bar's round: the regulation and the year (`thai-nguyen-2024 · năm 2024`), or the year alone.
pub fn round_title(regulation: Option<&str>, year: i32, lang: Lang) -> String {
    let year = lang.pick(format!("năm {year}"), format!("year {year}"));
    match regulation {
        Some(id) => format!("{id} · {year}"),
        None => year,
    }
}

/// The ranking's title: the bloc, where it is among the blocs, approved or not, the eligible units and the quota
/// of excellent, in full words or (`short`) abbreviated.
pub fn ranking_title(
    bloc: &str,
    at: (usize, usize),
    approved: bool,
    counts: (usize, usize),
    short: bool,
    lang: Lang,
) -> String {
    let (eligible, quota) = counts;
    let (which, of) = at;
    let approved = if approved { lang.pick("ĐÃ PHÊ DUYỆT · ", "APPROVED · ") } else { "" };
    let counts = match (lang, short) {
        (Lang::Vi, false) => format!("đủ điều kiện {eligible} · chỉ tiêu xuất sắc {quota}"),
        (Lang::Vi, true) => format!("đủ ĐK {eligible} · chỉ tiêu XS {quota}"),
        (Lang::En, false) => format!("eligible {eligible} · quota of excellent {quota}"),
        (Lang::En, true) => format!("elig. {eligible} · quota {quota}"),
    };
    format!(" {bloc} ({which}/{of}) · {approved}{counts} · ←/→ ")
}

/// The quota line in the ranking: above it the units that may be rated excellent.
pub fn quota_line(quota: usize, lang: Lang) -> String {
    lang.pick(
        format!("── trên vạch: chỉ tiêu xuất sắc {quota} ──"),
        format!("── above the line: quota of excellent {quota} ──"),
    )
}

/// The reasons' pane of the ranking.
pub fn reasons_title(unit: &UnitCode, lang: Lang) -> String {
    lang.pick(format!(" Lý do xếp loại — {unit} "), format!(" Why this level — {unit} "))
}

/// The ties' pane: one tie group.
pub fn tie_row(bloc: &BlocCode, units: &str, total: &str, ordered: bool, lang: Lang) -> String {
    let mark = match (ordered, lang) {
        (false, _) => "",
        (true, Lang::Vi) => "  ✓ đã sắp thứ tự (Enter để mở lại, cần lý do)",
        (true, Lang::En) => "  ✓ ordered (Enter to reopen, with a reason)",
    };
    lang.pick(
        format!("{bloc}: {units} — cùng {total} điểm{mark}"),
        format!("{bloc}: {units} — all {total} points{mark}"),
    )
}

/// The ties' pane title: how many wait, how many are ordered.
pub fn ties_title(open: usize, ordered: usize, lang: Lang) -> String {
    match (ordered, lang) {
        (0, Lang::Vi) => format!(" Bằng điểm chờ Chủ tịch quyết định ({open}) — Enter để sắp thứ tự "),
        (0, Lang::En) => format!(" Ties awaiting the chairman ({open}) — Enter to order "),
        (_, Lang::Vi) => format!(" Bằng điểm: chờ quyết định ({open}), đã sắp ({ordered}) — Enter mở "),
        (_, Lang::En) => format!(" Ties: waiting ({open}), ordered ({ordered}) — Enter opens "),
    }
}

/// Ordering a tie: the components where the units differ.
pub fn differing_title(count: usize, lang: Lang) -> String {
    lang.pick(format!(" Tiêu chí thành phần khác nhau ({count}) "), format!(" Components that differ ({count}) "))
}

/// A component where tied units differ: its code, its max and each unit's score.
pub fn differing_line(code: &str, max: &str, scores: &str, lang: Lang) -> String {
    lang.pick(format!("{code} (tối đa {max}): {scores}"), format!("{code} (max {max}): {scores}"))
}

/// The question before a tie order is recorded, naming who records it.
pub fn tie_confirm_title(who: &str, lang: Lang) -> String {
    lang.pick(
        format!(" {who}: ghi thứ tự bằng điểm này? Gõ y rồi Enter (hoặc Ctrl-S) · Esc để sắp lại "),
        format!(" {who}: record this tie order? Type y then Enter (or Ctrl-S) · Esc to reorder "),
    )
}

/// The order about to be recorded.
pub fn tie_confirm_order(units: &str, lang: Lang) -> String {
    lang.pick(format!("Thứ tự: {units}"), format!("Order: {units}"))
}

/// The chairman's order table's title: the bloc, the keys, the grades' letters.
pub fn tie_figures_title(bloc: &BlocCode, lang: Lang) -> String {
    lang.pick(
        format!(" Thứ tự của Chủ tịch — khối {bloc} · J/K đổi chỗ · Enter xác nhận · v hồ sơ · xếp loại: XS T TB K "),
        format!(" The chairman's order — bloc {bloc} · J/K move · Enter confirms · v file · grades: E G A P "),
    )
}

/// The total's heading when the tie chain counts further decimals (`Tổng (3 số lẻ)`).
pub fn total_with(decimals: &str, lang: Lang) -> String {
    format!("{} ({decimals})", word(Word::Total, lang))
}

/// The unit's file: the heading of its facts, citing where the regulation's data says they come from
/// (`[citations] facts`; None: no article).
pub fn facts_heading(source: Option<&str>, lang: Lang) -> String {
    format!("{}{}:", lang.pick("Sự kiện", "Facts"), super::citations::cited(source, lang))
}

/// The approval prompt's title.
pub fn approval_title(bloc: &str, lang: Lang) -> String {
    lang.pick(format!(" Phê duyệt kết quả — {bloc} "), format!(" Approve the results — {bloc} "))
}

/// The approval prompt: the tie groups still open, the first few and how many more.
pub fn approval_open_ties(ties: &str, more: usize, lang: Lang) -> String {
    let rest = match (more, lang) {
        (0, _) => String::new(),
        (n, Lang::Vi) => format!(" và {n} nhóm nữa"),
        (n, Lang::En) => format!(" and {n} more groups"),
    };
    lang.pick(
        format!("Bằng điểm chờ Chủ tịch: {ties}{rest} (khung Bằng điểm, phím 3)"),
        format!("Ties awaiting the chairman: {ties}{rest} (the Ties pane, key 3)"),
    )
}

/// The approval prompt: what approving freezes; `rerating`: the regulation's article of re-rating (None: none
/// cited).
pub fn approval_freezes(units: usize, rerating: Option<&str>, lang: Lang) -> String {
    let article = super::citations::following(rerating, lang);
    lang.pick(
        format!("Phê duyệt sẽ KHÓA kết quả của {units} đơn vị; sau đó chỉ xếp loại lại{article}, có lý do."),
        format!("Approving LOCKS the results of {units} units; after it only a re-rating{article}, with a reason."),
    )
}

/// The approval prompt: eligible units, the quota and how much of it is used.
pub fn approval_quota(eligible: usize, quota: usize, used: usize, lang: Lang) -> String {
    lang.pick(
        format!("Đủ điều kiện {eligible} · chỉ tiêu xuất sắc {quota} · đã dùng {used}/{quota}"),
        format!("Eligible {eligible} · quota of excellent {quota} · used {used}/{quota}"),
    )
}

/// The approval prompt's question, naming who approves.
pub fn approval_question(who: &str, typed: &str, lang: Lang) -> String {
    lang.pick(
        format!("{who}: gõ y rồi Enter (hoặc Ctrl-S) để phê duyệt, Esc để hủy:  [{typed}▏]"),
        format!("{who}: type y then Enter (or Ctrl-S) to approve, Esc to cancel:  [{typed}▏]"),
    )
}

/// The last row of a table that could not show every unit.
pub fn more_units(count: usize, lang: Lang) -> String {
    lang.pick(format!("… và {count} đơn vị nữa"), format!("… and {count} more units"))
}

/// The help overlay's title, and whether it scrolls.
pub fn help_title(scrolls: bool, lang: Lang) -> &'static str {
    match (scrolls, lang) {
        (false, Lang::Vi) => " Phím tắt — Esc để đóng ",
        (true, Lang::Vi) => " Phím tắt — Esc để đóng · ↑/↓ PgUp/PgDn để cuộn ",
        (false, Lang::En) => " Keys — Esc to close ",
        (true, Lang::En) => " Keys — Esc to close · ↑/↓ PgUp/PgDn to scroll ",
    }
}

/// The queue's title: how many items are left of how many.
pub fn queue_title(left: usize, total: usize, lang: Lang) -> String {
    lang.pick(
        format!(" Hàng chờ thẩm định — còn {left} / {total} mục "),
        format!(" Appraisal queue — {left} of {total} items left "),
    )
}

/// The preview beside the queue: max, explanation, documents, comments.
pub fn preview_max(max: &str, lang: Lang) -> String {
    lang.pick(format!("Điểm tối đa {max}"), format!("Maximum {max}"))
}

/// Said by `tui::view::form`, `tui::view::unit`.
pub fn explanation_line(text: &str, lang: Lang) -> String {
    lang.pick(format!("Giải trình của đơn vị: {text}"), format!("The unit's explanation: {text}"))
}

/// Said by `tui::view::queue`.
pub fn preview_explanation(text: &str, lang: Lang) -> String {
    lang.pick(format!("Giải trình: {text}"), format!("Explanation: {text}"))
}

/// Said by `tui::view::queue`.
pub fn documents_count(count: u32, lang: Lang) -> String {
    lang.pick(format!("Tài liệu kiểm chứng: {count}"), format!("Supporting documents: {count}"))
}

/// Said by `tui::view::queue`.
pub fn preview_comments(count: usize, new: bool, lang: Lang) -> String {
    let new = if new { lang.pick(" — có góp ý mới", " — a new comment") } else { "" };
    lang.pick(
        format!("Góp ý của cơ quan phối hợp: {count}{new}"),
        format!("Comments of co-appraising agencies: {count}{new}"),
    )
}

/// The documents' box of a form: how many documents, and files sent.
pub fn documents_title(documents: usize, files: Option<usize>, lang: Lang) -> String {
    match (documents, files, lang) {
        (0, None | Some(0), Lang::Vi) => " Tài liệu kiểm chứng: không có ".to_string(),
        (0, None | Some(0), Lang::En) => " Supporting documents: none ".to_string(),
        (n, None | Some(0), Lang::Vi) => format!(" Tài liệu kiểm chứng ({n}) "),
        (n, None | Some(0), Lang::En) => format!(" Supporting documents ({n}) "),
        (n, Some(f), Lang::Vi) => format!(" Tài liệu kiểm chứng ({n}) · tệp đã gửi ({f}) "),
        (n, Some(f), Lang::En) => format!(" Supporting documents ({n}) · files sent ({f}) "),
    }
}

/// A document line in the unit's file, or that there is none.
pub fn documents_heading(count: usize, lang: Lang) -> String {
    match (count, lang) {
        (0, Lang::Vi) => "Tài liệu kiểm chứng: không có".to_string(),
        (0, Lang::En) => "Supporting documents: none".to_string(),
        (n, Lang::Vi) => format!("Tài liệu kiểm chứng ({n}):"),
        (n, Lang::En) => format!("Supporting documents ({n}):"),
    }
}

/// The withdrawal line of the scoring form.
pub fn withdraw_line(appraised: &str, lang: Lang) -> String {
    lang.pick(
        format!("Rút kết quả thẩm định {appraised}: nhập lý do rồi Ctrl-S để rút · Esc để thôi"),
        format!("Withdraw the appraised score {appraised}: type a reason, then Ctrl-S · Esc to stop"),
    )
}

/// The comment form's line: the leading agency's score.
pub fn lead_score(appraised: &str, lang: Lang) -> String {
    lang.pick(
        format!("Điểm thẩm định (cơ quan chủ trì): {appraised} — cơ quan phối hợp chỉ góp ý"),
        format!("Appraised score (leading agency): {appraised} — a co-appraising agency only comments"),
    )
}

/// The component's scores at the top of the scoring form.
pub fn form_scores(lang: Lang) -> [&'static str; 3] {
    lang.pick(
        ["Điểm tối đa ", "   Điểm tự đánh giá ", "   Cơ quan thẩm định: "],
        ["Maximum ", "   Self-score ", "   Appraising agencies: "],
    )
}

/// Who entered the current score (see [`entered_by`], [`imported_by`]), and whether it waits for a member.
pub fn current_score(who: &str, waiting: bool, lang: Lang) -> String {
    let state = match (waiting, lang) {
        (false, _) => "",
        (true, Lang::Vi) => " — CHỜ XÁC NHẬN: Ctrl-S giữ nguyên để xác nhận, hoặc sửa điểm rồi Ctrl-S",
        (true, Lang::En) => " — AWAITING CONFIRMATION: Ctrl-S as it is to confirm, or correct the score, then Ctrl-S",
    };
    lang.pick(format!("Điểm hiện tại: {who}{state}"), format!("Current score: {who}{state}"))
}

/// A score a person entered.
pub fn entered_by(who: &str, lang: Lang) -> String {
    lang.pick(format!("{who} nhập"), format!("entered by {who}"))
}

/// Who appraised, in the unit's file.
pub fn appraised_by(who: &str, waiting: bool, lang: Lang) -> String {
    let waiting = match (waiting, lang) {
        (false, _) => "",
        (true, Lang::Vi) => " — chờ thành viên xác nhận",
        (true, Lang::En) => " — awaiting a member's confirmation",
    };
    lang.pick(format!("Người thẩm định: {who}{waiting}"), format!("Appraised by: {who}{waiting}"))
}

/// A score entered by importing a file (the service account).
pub fn imported_by(login: &str, lang: Lang) -> String {
    lang.pick(format!("nhập từ tệp ({login})"), format!("imported from a file ({login})"))
}

/// The leaders' scores and their mean.
pub fn leader_scores(scores: &str, mean: Option<&str>, lang: Lang) -> String {
    let label = word(Word::ScoredByLeaders, lang);
    match (mean, lang) {
        (None, _) => format!("{label}: {scores}"),
        (Some(mean), Lang::Vi) => format!("{label}: {scores} — trung bình {mean}"),
        (Some(mean), Lang::En) => format!("{label}: {scores} — mean {mean}"),
    }
}

/// A co-appraising agency's comment (with its time in the unit's file).
pub fn comment_line(agency: &str, at: Option<&str>, text: &str, lang: Lang) -> String {
    let at = at.map(|at| format!(" ({at})")).unwrap_or_default();
    lang.pick(format!("Góp ý của {agency}{at}: {text}"), format!("Comment of {agency}{at}: {text}"))
}

/// The deduction's reason in the unit's file.
pub fn deduction_reason(text: &str, lang: Lang) -> String {
    lang.pick(format!("Lý do trừ điểm: {text}"), format!("Reason for the deduction: {text}"))
}

/// A heading's scores: max, then the appraised score (` · thẩm định 7,5`).
pub fn max_of(max: &str, lang: Lang) -> String {
    lang.pick(format!("tối đa {max}"), format!("max {max}"))
}

/// Said by `tui::view::unit`.
pub fn appraised_of(score: &str, lang: Lang) -> String {
    lang.pick(format!(" · thẩm định {score}"), format!(" · appraised {score}"))
}

/// A component's heading in the unit's file.
pub fn component_scores(self_score: &str, appraised: &str, not_applicable: bool, lang: Lang) -> String {
    let na = if not_applicable { format!(" · {}", word(Word::NotApplicable, lang)) } else { String::new() };
    lang.pick(
        format!(" · tự đánh giá {self_score} · thẩm định {appraised}{na}"),
        format!(" · self-score {self_score} · appraised {appraised}{na}"),
    )
}

/// A criterion's proposed grade and the chairman's override.
pub fn proposed_grade(grade: &str, lang: Lang) -> String {
    lang.pick(format!(" · xếp loại đề xuất: {grade}"), format!(" · proposed grade: {grade}"))
}

/// Said by `tui::view::unit`.
pub fn grade_override(grade: &str, reason: &str, lang: Lang) -> String {
    lang.pick(
        format!(" · Chủ tịch điều chỉnh: {grade} (lý do: {reason})"),
        format!(" · changed by the chairman: {grade} (reason: {reason})"),
    )
}

/// The unit's standing: rank and total.
pub fn standing(rank: usize, lang: Lang) -> String {
    lang.pick(format!("Hạng {rank} · Tổng điểm "), format!("Rank {rank} · Total "))
}

/// The unit's file title: the unit, the component, where among them.
pub fn unit_file_title(unit: &UnitCode, component: &str, at: usize, of: usize, lang: Lang) -> String {
    lang.pick(
        format!(" Hồ sơ đơn vị {unit} (chỉ đọc) — {component} · {at}/{of} "),
        format!(" Unit file {unit} (read only) — {component} · {at}/{of} "),
    )
}

/// The charts' title of a bloc's totals.
pub fn distribution_title(bloc: &str, at: usize, of: usize, lang: Lang) -> String {
    lang.pick(
        format!(" Phân bố tổng điểm — {bloc} ({at}/{of}) · ←/→ đổi khối "),
        format!(" Totals — {bloc} ({at}/{of}) · ←/→ another bloc "),
    )
}

/// The charts' lowest band.
pub fn below_thresholds(level: &str, lang: Lang) -> String {
    lang.pick(format!("dưới: {level}"), format!("below: {level}"))
}

/// The charts' quota line: where the last unit within the quota stands, or no quota.
pub fn chart_quota(quota: usize, eligible: usize, last_total: Option<&str>, lang: Lang) -> String {
    match (last_total, lang) {
        (Some(total), Lang::Vi) => format!(
            "Chỉ tiêu xuất sắc {quota} (đủ điều kiện {eligible}): vạch ở cột ▼ (đơn vị thứ {quota}: {total} điểm)"
        ),
        (Some(total), Lang::En) => {
            format!(
                "Quota of excellent {quota} (eligible {eligible}): line at the ▼ column (unit {quota}: {total} points)"
            )
        }
        (None, Lang::Vi) => format!("Không có chỉ tiêu xuất sắc (đủ điều kiện {eligible})"),
        (None, Lang::En) => format!("No quota of excellent (eligible {eligible})"),
    }
}

/// The progress pane's title: incomplete files, and the submissions' note.
pub fn progress_title(incomplete: Option<(usize, usize)>, lang: Lang) -> String {
    let mut title = lang.pick(" Tiến độ theo đơn vị ", " Progress by unit ").to_string();
    if let Some((components, units)) = incomplete {
        title.push_str(&lang.pick(
            format!("— thiếu hồ sơ: {components} tiêu chí thành phần ở {units} đơn vị "),
            format!("— files incomplete: {components} components in {units} units "),
        ));
    }
    title
}

/// The unit's list title: the unit and how many components it scored.
pub fn self_list_title(name: &str, filled: usize, total: usize, lang: Lang) -> String {
    lang.pick(
        format!(" {name} — tự đánh giá {filled}/{total} tiêu chí thành phần "),
        format!(" {name} — self-assessed {filled}/{total} components "),
    )
}

/// The self-assessment form's title.
pub fn self_form_title(unit: &UnitCode, component: &str, lang: Lang) -> String {
    lang.pick(format!(" Tự đánh giá — {unit} · {component} "), format!(" Self-assessment — {unit} · {component} "))
}

/// The self-score's label, with the component's max.
pub fn self_score_label(max: &str, lang: Lang) -> String {
    lang.pick(format!("Điểm tự đánh giá (tối đa {max}): "), format!("Self-score (max {max}): "))
}

/// A component not applicable in the unit's form.
pub fn not_applicable_form(lang: Lang) -> &'static str {
    lang.pick("Không áp dụng (F4 để áp dụng lại)", "Not applicable (F4 to apply again)")
}

/// The new document's fields.
pub fn add_document(lang: Lang) -> [&'static str; 3] {
    lang.pick(["Thêm tài liệu — số hiệu ", " ngày ", " trích yếu "], ["Add a document — number ", " date ", " title "])
}

/// The unit's submission, once done.
pub fn submitted(at: &str, approved_on: &str, minutes: &str, late: bool, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "Đã nộp lúc {at} · tập thể lãnh đạo thông qua ngày {approved_on} · biên bản số {minutes}{} — chỉ xem; cần sửa thì đề nghị Thư ký mở lại",
            if late { " — nộp muộn" } else { "" }
        ),
        Lang::En => format!(
            "Submitted at {at} · approved by the leadership on {approved_on} · minutes no. {minutes}{} — read only; to change it, ask the secretary to reopen it",
            if late { " — late" } else { "" }
        ),
    }
}

/// The submission prompt's date field, with the spelling a date takes.
pub fn approved_on_label(spelling: &str, lang: Lang) -> String {
    lang.pick(
        format!("Ngày tập thể lãnh đạo thông qua ({spelling}): "),
        format!("Date the leadership approved it ({spelling}): "),
    )
}

/// The unit's result: name and year, standing, last year.
pub fn result_heading(name: &str, year: i32, lang: Lang) -> String {
    lang.pick(format!("{name} — năm {year}"), format!("{name} — year {year}"))
}

/// Said by `tui::view::self_assessment`.
pub fn result_standing(rank: usize, total: &str, level: &str, lang: Lang) -> String {
    lang.pick(format!("Hạng {rank} · Tổng điểm {total} · {level}"), format!("Rank {rank} · Total {total} · {level}"))
}

/// Said by `tui::view::self_assessment`.
pub fn result_previous(level: &str, lang: Lang) -> String {
    lang.pick(format!("Năm trước: {level}"), format!("Last year: {level}"))
}

/// Said by `tui::view::self_assessment`.
pub fn result_deductions(count: usize, lang: Lang) -> String {
    lang.pick(format!("Tiêu chí bị trừ điểm ({count}):"), format!("Components with a deduction ({count}):"))
}

/// Said by `tui::view::self_assessment`.
pub fn result_deduction(what: &str, max: &str, own: &str, appraised: &str, reason: &str, lang: Lang) -> String {
    lang.pick(
        format!("• {what} — tối đa {max}, tự chấm {own}, thẩm định {appraised}: {reason}"),
        format!("• {what} — max {max}, self-score {own}, appraised {appraised}: {reason}"),
    )
}

/// The facts form's title.
pub fn facts_title(unit: &UnitCode, name: &str, lang: Lang) -> String {
    lang.pick(format!(" Sự kiện của {unit} — {name} "), format!(" Facts of {unit} — {name} "))
}

/// The grades form's title.
pub fn grades_title(unit: &UnitCode, name: &str, lang: Lang) -> String {
    lang.pick(format!(" Xếp loại tiêu chí — {unit} {name} "), format!(" Criterion grades — {unit} {name} "))
}

/// The grades form's line: the criterion, its score, the grade chosen, and what saving would do.
pub fn grade_choice(code: &str, score: &str, chosen: &str, same: bool, overridden: bool, lang: Lang) -> String {
    let note = match (same, overridden, lang) {
        (true, true, Lang::Vi) => " (= đề xuất, không lưu; Ctrl-D bỏ điều chỉnh)",
        (true, false, Lang::Vi) => " (= đề xuất, không lưu)",
        (false, true, Lang::Vi) => "  (F2 đổi · Ctrl-D bỏ điều chỉnh)",
        (false, false, Lang::Vi) => "  (F2 đổi)",
        (true, true, Lang::En) => " (= proposed, not saved; Ctrl-D removes the change)",
        (true, false, Lang::En) => " (= proposed, not saved)",
        (false, true, Lang::En) => "  (F2 another · Ctrl-D removes the change)",
        (false, false, Lang::En) => "  (F2 another)",
    };
    lang.pick(
        format!("Tiêu chí {code} ({score} điểm) → xếp loại mới: {chosen}{note}"),
        format!("Criterion {code} ({score} points) → new grade: {chosen}{note}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_words_carry_no_vietnamese_letter() {
        const VIETNAMESE: &str = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ";
        let all = [Word::DemoMarker, Word::NothingSubmitted, Word::SubmitLocked];
        for w in all {
            let english = word(w, Lang::En);
            assert!(!english.to_lowercase().chars().any(|c| VIETNAMESE.contains(c)), "{english}");
            assert_ne!(english, word(w, Lang::Vi));
        }
        assert_eq!(heading(Heading::Appraised, Lang::Vi), ("Đã thẩm định", "Đã TĐ"));
    }

    #[test]
    fn the_facts_and_the_approval_cite_the_regulations_articles_or_none() {
        assert_eq!(facts_heading(Some("Điều 7"), Lang::Vi), "Sự kiện (Điều 7):");
        assert_eq!(facts_heading(Some("Điều 7"), Lang::En), "Facts (article 7):");
        assert_eq!(facts_heading(None, Lang::Vi), "Sự kiện:");
        assert_eq!(
            approval_freezes(3, Some("Điều 10.4"), Lang::Vi),
            "Phê duyệt sẽ KHÓA kết quả của 3 đơn vị; sau đó chỉ xếp loại lại theo Điều 10.4, có lý do."
        );
        assert_eq!(
            approval_freezes(3, None, Lang::Vi),
            "Phê duyệt sẽ KHÓA kết quả của 3 đơn vị; sau đó chỉ xếp loại lại, có lý do."
        );
        assert!(!approval_freezes(3, None, Lang::En).contains("article"));
    }
}
