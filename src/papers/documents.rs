//! The five papers: the council's report (Điều 9.2.c), the proposal to the Chairman (Điều 10.2.b), the draft
//! decision with its appendix, the meeting's minutes, and the notice to one unit. What the program cannot know
//! (numbers, names, the meeting's attendance and opinions) is left as dotted lines, never invented.

use super::letterhead::{self, DOTS, Heading, Signer};
use super::paper::{Align, Paper, Para, bold, italic, span};
use super::{Context, total_vi};
use crate::domain::classification::Level;
use crate::domain::code::{BlocCode, UnitCode};
use crate::domain::evaluate::BlocResult;
use crate::domain::ranking::Outcome;
use crate::store::clock;
use crate::store::paper_settings::PaperSlot;
use crate::store::{Refused, StoreError};

const LEVELS: [Outcome; 5] = [
    Outcome::Level(Level::Excellent),
    Outcome::Level(Level::Good),
    Outcome::Level(Level::Completed),
    Outcome::Level(Level::NotCompleted),
    Outcome::TiePending,
];

fn council_heading<'a>(context: &'a Context, kind: &'a str, slot: PaperSlot) -> Heading<'a> {
    let s = &context.settings;
    Heading { parent: &s.parent_body, issuer: &s.body, kind, short: &s.body_short, numbering: context.numbering(slot) }
}

fn chairman(context: &Context) -> (String, &'static str) {
    (format!("TM. {}", context.settings.body.to_uppercase()), "CHỦ TỊCH")
}

/// The signer's name the council set for a paper.
fn signer_name<'c>(context: &'c Context, slot: PaperSlot) -> Option<&'c str> {
    context.numbering(slot).signer.as_deref()
}

/// `đã phê duyệt ngày 05 tháng 12 năm 2026` or `chưa phê duyệt: kết quả tạm tính`.
fn bloc_status(context: &Context, bloc: &BlocCode) -> String {
    match context.approved.get(bloc) {
        Some(at) => format!("Chủ tịch Hội đồng đã phê duyệt {}", clock::date_words(at)),
        None => "chưa phê duyệt: kết quả tạm tính (DỰ THẢO)".into(),
    }
}

fn level_counts(context: &Context, result: &BlocResult) -> String {
    let tentative = if context.is_approved(&result.bloc) { "" } else { " (tạm tính)" };
    LEVELS
        .iter()
        .filter_map(|level| {
            let n = result.ranking.units.iter().filter(|u| u.outcome == *level).count();
            (n > 0).then(|| format!("{}{tentative}: {n}", context.regulation.outcome_vi(*level)))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn ranking_rows(context: &Context, result: &BlocResult) -> Vec<Vec<String>> {
    result
        .ranking
        .units
        .iter()
        .map(|u| {
            vec![
                u.rank.to_string(),
                context.unit_name(&u.unit),
                total_vi(u.official_total),
                context.level_words(&result.bloc, u),
            ]
        })
        .collect()
}

const RANK_WIDTHS: [usize; 4] = [900, 4155, 1400, 2900];
const RANK_HEADER: [&str; 4] = ["Hạng", "Cơ quan, đơn vị", "Tổng điểm", "Mức xếp loại"];

/// The quota, the ties and how the chairman ordered them, the units below *Hoàn thành nhiệm vụ*.
fn bloc_details(paper: &mut Paper, context: &Context, result: &BlocResult) {
    let ranking = &result.ranking;
    paper.body(format!(
        "Số cơ quan, đơn vị: {}; đủ điều kiện xét mức Hoàn thành xuất sắc nhiệm vụ: {}; số lượng tối đa theo tỷ lệ {}%: {}.",
        ranking.units.len(),
        ranking.eligible,
        (context.regulation.quota.rate * rust_decimal::Decimal::ONE_HUNDRED).normalize(),
        ranking.quota
    ));
    paper.body(format!("Kết quả: {}.", level_counts(context, result)));
    for group in &ranking.tie_groups {
        let names: Vec<String> = group.units.iter().map(|u| context.unit_name(u)).collect();
        paper.body(if group.resolved {
            format!("Bằng điểm: {}; thứ tự do Chủ tịch Hội đồng quyết định theo thứ tự trên.", names.join(", "))
        } else {
            format!("Bằng điểm: {}; chờ Chủ tịch Hội đồng quyết định thứ tự.", names.join(", "))
        });
    }
    for unit in ranking.units.iter().filter(|u| u.outcome == Outcome::Level(Level::NotCompleted)) {
        paper.body(format!(
            "{} không đạt mức Hoàn thành nhiệm vụ: {}.",
            context.unit_name(&unit.unit),
            context.reasons(unit).join("; ")
        ));
    }
}

fn submissions_line(context: &Context) -> Result<String, StoreError> {
    let all = context.store.submissions()?;
    let done: Vec<_> = all.iter().filter_map(|s| s.submission.as_ref()).collect();
    let late = done.iter().filter(|s| s.late).count();
    let mut days: Vec<&str> = done.iter().map(|s| s.submitted_on.as_str()).collect();
    days.sort_unstable();
    let span = match (days.first(), days.last()) {
        (Some(first), Some(last)) => format!(", từ ngày {} đến ngày {}", iso_vi(first), iso_vi(last)),
        _ => String::new(),
    };
    Ok(format!(
        "Số cơ quan, đơn vị thuộc phạm vi đánh giá: {}; đã nộp hồ sơ tự đánh giá qua phần mềm: {}{span} (nộp sau hạn: {late}).",
        all.len(),
        done.len()
    ))
}

/// `2026-11-20` → `20/11/2026`.
fn iso_vi(iso: &str) -> String {
    match (iso.get(0..4), iso.get(5..7), iso.get(8..10)) {
        (Some(y), Some(m), Some(d)) => format!("{d}/{m}/{y}"),
        _ => iso.to_string(),
    }
}

/// *Báo cáo kết quả thẩm định* (Điều 9.2.c).
pub fn report(context: &Context) -> Result<Paper, StoreError> {
    let draft = context.any_open();
    let mut paper = Paper { draft, ..Paper::default() };
    letterhead::head(&mut paper, &context.settings, &council_heading(context, "BC", PaperSlot::Report));
    let summary = format!("Kết quả thẩm định, {} năm {}", context.settings.subject, context.year);
    letterhead::title(&mut paper, "BÁO CÁO", &[summary], draft);
    paper.body(format!(
        "Thực hiện {}, {} báo cáo kết quả thẩm định năm {} như sau:",
        context.regulation.title,
        sentence_case(&context.settings.body),
        context.year
    ));
    paper.heading("I. HỒ SƠ TỰ ĐÁNH GIÁ VÀ VIỆC THẨM ĐỊNH");
    paper.body(submissions_line(context)?);
    let units: Vec<_> = context.results.iter().flat_map(|r| r.ranking.units.iter()).collect();
    let appraised = units.iter().filter(|u| !u.provisional).count();
    paper.body(format!("Số cơ quan, đơn vị đã được thẩm định đầy đủ: {appraised}/{}.", units.len()));
    paper.heading("II. KẾT QUẢ THEO KHỐI");
    for (index, result) in context.results.iter().enumerate() {
        paper.heading(format!(
            "{}. {} ({})",
            index + 1,
            context.bloc_name(&result.bloc),
            bloc_status(context, &result.bloc)
        ));
        bloc_details(&mut paper, context, result);
        letterhead::table(&mut paper, &RANK_WIDTHS, &RANK_HEADER, ranking_rows(context, result), &[0, 2]);
    }
    paper.heading("III. ĐỀ XUẤT");
    paper.body(proposal_sentence(context));
    let (on_behalf, title) = chairman(context);
    let recipients = [context.settings.addressee.as_str(), "Các thành viên Hội đồng"];
    let name = signer_name(context, PaperSlot::Report);
    letterhead::closing(&mut paper, &recipients, &Signer { on_behalf: Some(&on_behalf), title, name }, draft);
    Ok(paper)
}

fn sentence_case(text: &str) -> String {
    let lower = text.to_lowercase();
    let mut chars = lower.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

fn proposal_sentence(context: &Context) -> String {
    let approved: Vec<String> =
        context.results.iter().filter(|r| context.is_approved(&r.bloc)).map(|r| context.bloc_name(&r.bloc)).collect();
    if approved.is_empty() {
        return format!(
            "Chưa có khối nào được Chủ tịch Hội đồng phê duyệt; Hội đồng sẽ đề nghị {} công nhận kết quả sau khi phê duyệt.",
            context.settings.addressee
        );
    }
    format!(
        "{} đề nghị {} xem xét, công nhận kết quả {} năm {} của các cơ quan, đơn vị thuộc: {} (có dự thảo Quyết định kèm theo).",
        sentence_case(&context.settings.body),
        context.settings.addressee,
        context.settings.subject,
        context.year,
        approved.join("; ")
    )
}

/// *Tờ trình* to the Chairman of the People's Committee proposing the results' recognition (Điều 10.2.b).
pub fn proposal(context: &Context) -> Paper {
    let draft = context.any_open();
    let mut paper = Paper { draft, ..Paper::default() };
    letterhead::head(&mut paper, &context.settings, &council_heading(context, "TTr", PaperSlot::Proposal));
    let summary = format!("Về việc công nhận kết quả {} năm {}", context.settings.subject, context.year);
    letterhead::title(&mut paper, "TỜ TRÌNH", &[summary], draft);
    paper.centered(vec![span(format!("Kính gửi: {}.", context.settings.addressee))]);
    paper.push(Para::default());
    paper.body(format!("Căn cứ {};", context.regulation.title));
    paper.body(format!("Căn cứ kết quả thẩm định của {} năm {},", sentence_case(&context.settings.body), context.year));
    paper.body(proposal_sentence(context));
    for result in &context.results {
        paper.body(format!(
            "{} ({}): {}.",
            context.bloc_name(&result.bloc),
            bloc_status(context, &result.bloc),
            level_counts(context, result)
        ));
    }
    paper.body(format!("Kính trình {} xem xét, quyết định./.", context.settings.addressee));
    let (on_behalf, title) = chairman(context);
    let recipients = ["Như trên", context.settings.standing_body.as_str()];
    let name = signer_name(context, PaperSlot::Proposal);
    letterhead::closing(&mut paper, &recipients, &Signer { on_behalf: Some(&on_behalf), title, name }, draft);
    paper
}

/// *Dự thảo Quyết định công nhận kết quả* and its appendix: each bloc's units by level, with total and rank.
pub fn decision(context: &Context) -> Paper {
    let draft = context.any_open();
    let s = &context.settings;
    let mut paper = Paper { draft, ..Paper::default() };
    let heading = Heading {
        parent: "",
        issuer: &s.decision_body,
        kind: "QĐ",
        short: &s.decision_short,
        numbering: context.numbering(PaperSlot::Decision),
    };
    letterhead::head(&mut paper, s, &heading);
    let summary = format!("Về việc công nhận kết quả {} năm {}", s.subject, context.year);
    letterhead::title(&mut paper, "QUYẾT ĐỊNH", &[summary], draft);
    paper.centered(vec![bold(s.decision_issuer.to_uppercase())]);
    paper.push(Para::default());
    paper.body(format!("Căn cứ {};", context.regulation.title));
    let proposal = context.numbering(PaperSlot::Proposal);
    let proposal_number = letterhead::number_text(s.layout, "TTr", &s.body_short, proposal.number.as_deref());
    paper.body(format!(
        "Theo đề nghị của {} tại Tờ trình số {proposal_number} {}.",
        sentence_case(&s.body),
        letterhead::date_words(proposal.issued_on.as_deref())
    ));
    paper.centered(vec![bold("QUYẾT ĐỊNH:")]);
    let count: usize = context.results.iter().map(|r| r.ranking.units.len()).sum();
    paper.body(format!(
        "Điều 1. Công nhận kết quả {} năm {} đối với {count} cơ quan, đơn vị (có Phụ lục kèm theo).",
        s.subject, context.year
    ));
    paper.body(format!(
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký. {} tổ chức công bố kết quả theo quy định.",
        s.standing_body
    ));
    paper.body("Điều 3. Các cơ quan, đơn vị có tên tại Điều 1 và các cơ quan có liên quan chịu trách nhiệm thi hành Quyết định này./.");
    let signer = Signer { on_behalf: None, title: &s.decision_signer, name: signer_name(context, PaperSlot::Decision) };
    letterhead::closing(&mut paper, &["Như Điều 3"], &signer, draft);
    appendix(&mut paper, context);
    paper
}

fn appendix(paper: &mut Paper, context: &Context) {
    paper.push(Para {
        spans: vec![bold("PHỤ LỤC")], align: Align::Center, page_break_before: true, ..Para::default()
    });
    paper.centered(vec![bold(format!("KẾT QUẢ {} NĂM {}", context.settings.subject.to_uppercase(), context.year))]);
    let decision = context.numbering(PaperSlot::Decision);
    let s = &context.settings;
    let number = letterhead::number_text(s.layout, "QĐ", &s.decision_short, decision.number.as_deref());
    paper.centered(vec![italic(format!(
        "(Kèm theo Quyết định số {number} {} của {})",
        letterhead::date_words(decision.issued_on.as_deref()),
        s.decision_issuer
    ))]);
    paper.push(Para::default());
    for (index, result) in context.results.iter().enumerate() {
        paper.heading(format!(
            "{}. {} ({})",
            index + 1,
            context.bloc_name(&result.bloc),
            bloc_status(context, &result.bloc)
        ));
        for level in LEVELS {
            let units: Vec<_> = result.ranking.units.iter().filter(|u| u.outcome == level).collect();
            if units.is_empty() {
                continue;
            }
            let tentative = if context.is_approved(&result.bloc) { "" } else { " (tạm tính)" };
            paper.push(Para {
                spans: vec![bold(format!("{}{tentative}", context.regulation.outcome_vi(level)))],
                ..Para::default()
            });
            let rows = units
                .iter()
                .enumerate()
                .map(|(n, u)| {
                    vec![
                        (n + 1).to_string(),
                        context.unit_name(&u.unit),
                        total_vi(u.official_total),
                        u.rank.to_string(),
                    ]
                })
                .collect();
            letterhead::table(
                paper,
                &[700, 5255, 1700, 1700],
                &["STT", "Cơ quan, đơn vị", "Tổng điểm", "Xếp hạng"],
                rows,
                &[0, 2, 3],
            );
        }
    }
}

/// *Biên bản họp Hội đồng thẩm định*: what the program knows (ties ordered, approvals, re-ratings) and blank lines
/// for what it cannot (attendance, opinions).
pub fn minutes(context: &Context) -> Result<Paper, StoreError> {
    let draft = context.any_open();
    let mut paper = Paper { draft, ..Paper::default() };
    letterhead::head(&mut paper, &context.settings, &council_heading(context, "BB", PaperSlot::Minutes));
    let summary = format!(
        "Họp {} về kết quả {} năm {}",
        sentence_case(&context.settings.body),
        context.settings.subject,
        context.year
    );
    letterhead::title(&mut paper, "BIÊN BẢN", &[summary], draft);
    let chair = signer_name(context, PaperSlot::Minutes);
    for label in ["Thời gian", "Địa điểm", "Chủ trì", "Thư ký", "Thành phần tham dự"] {
        let value = if label == "Chủ trì" { chair.map(str::to_string) } else { None };
        paper.body(format!("{label}: {}", value.unwrap_or_else(|| DOTS.repeat(12))));
    }
    paper.heading("NỘI DUNG");
    let log = context.store.audit_log(None, None)?;
    let section = |paper: &mut Paper, title: &str, action: &str| {
        paper.heading(title.to_string());
        let rows: Vec<_> = log.iter().filter(|row| row.action == action).collect();
        if rows.is_empty() {
            paper.body("Không có.");
        }
        for row in rows {
            let at = clock::in_vietnam(&row.at).map(|z| clock::shown(&z)).unwrap_or_else(|| row.at.clone());
            let reason = row.reason.as_deref().map(|r| format!("; lý do: {r}")).unwrap_or_default();
            paper.body(format!("- {at}, {}: {}{reason}.", row.actor, row.detail));
        }
    };
    section(&mut paper, "1. Thứ tự các trường hợp bằng điểm do Chủ tịch Hội đồng quyết định", "order tie");
    section(&mut paper, "2. Điều chỉnh kết quả thẩm định (kèm lý do)", "rerate");
    section(&mut paper, "3. Phê duyệt kết quả của từng khối", "approve");
    for result in &context.results {
        paper.body(format!(
            "{}: {}; {}.",
            context.bloc_name(&result.bloc),
            bloc_status(context, &result.bloc),
            level_counts(context, result)
        ));
    }
    paper.heading("4. Ý kiến của các thành viên Hội đồng");
    for _ in 0..4 {
        paper.body(DOTS.repeat(30));
    }
    paper.body(format!("Cuộc họp kết thúc vào lúc {DOTS} giờ {DOTS} cùng ngày./."));
    minutes_signatures(&mut paper, chair);
    Ok(paper)
}

fn minutes_signatures(paper: &mut Paper, chair: Option<&str>) {
    use super::paper::{Cell, Grid, TEXT_WIDTH};
    let column = |title: &str, name: Option<&str>| Cell {
        paras: vec![
            Para { spans: vec![bold(title)], align: Align::Center, ..Para::default() },
            Para { spans: vec![italic("(Ký, ghi rõ họ tên)")], align: Align::Center, ..Para::default() },
            Para::default(),
            Para::default(),
            Para {
                spans: vec![span(name.map_or_else(|| DOTS.repeat(5), str::to_string))],
                align: Align::Center,
                ..Para::default()
            },
        ],
        span: 1,
    };
    paper.push(Para::default());
    paper.grid(Grid {
        widths: vec![TEXT_WIDTH / 2, TEXT_WIDTH - TEXT_WIDTH / 2],
        rows: vec![vec![column("THƯ KÝ", None), column("CHỦ TRÌ", chair)]],
        lines: false,
    });
}

/// *Thông báo kết quả* to one unit: its total, level, reasons and every deduction with the council's reason.
pub fn notice(context: &Context, unit: &UnitCode) -> Result<Paper, StoreError> {
    let record = context
        .round
        .units
        .iter()
        .find(|u| u.code == *unit)
        .ok_or_else(|| StoreError::from(Refused::UnknownUnit { unit: unit.to_string() }))?;
    let result = context.store.unit_result(Some(unit))?;
    let draft = !context.is_approved(&record.bloc);
    let mut paper = Paper { draft, ..Paper::default() };
    letterhead::head(&mut paper, &context.settings, &council_heading(context, "TB", PaperSlot::Notice));
    let summary = format!("Kết quả {} năm {} của {}", context.settings.subject, context.year, record.name);
    letterhead::title(&mut paper, "THÔNG BÁO", &[summary], draft);
    paper.centered(vec![span(format!("Kính gửi: {}.", record.name))]);
    paper.push(Para::default());
    let ranked = context
        .results
        .iter()
        .flat_map(|r| r.ranking.units.iter())
        .find(|r| r.unit == *unit)
        .ok_or_else(|| StoreError::from(Refused::NoFramework { unit: unit.into() }))?;
    paper.body(format!(
        "{} thông báo kết quả thẩm định năm {} của {} ({}; {}):",
        sentence_case(&context.settings.body),
        context.year,
        record.name,
        context.bloc_name(&record.bloc),
        bloc_status(context, &record.bloc)
    ));
    paper.body(format!("Tổng điểm: {}; xếp hạng {} trong khối.", total_vi(ranked.official_total), ranked.rank));
    paper.body(format!("Mức xếp loại: {}.", context.level_words(&record.bloc, ranked)));
    for reason in
        crate::messages::reasons::reasons(&context.regulation.level_names, &result.reasons, crate::messages::Lang::Vi)
    {
        paper.body(format!("- {reason}"));
    }
    paper.heading("Các tiêu chí bị trừ điểm và lý do của Hội đồng:");
    let rows: Vec<Vec<String>> = result
        .deductions
        .iter()
        .map(|d| {
            let self_score = d.self_score.clone().unwrap_or_default().replace('.', ",");
            vec![
                d.component.clone(),
                d.name.clone(),
                d.max.replace('.', ","),
                self_score,
                d.appraised.replace('.', ","),
                d.reason.clone(),
            ]
        })
        .collect();
    if rows.is_empty() {
        paper.body("Không có tiêu chí nào bị trừ điểm.");
    } else {
        let header = ["Mã", "Tiêu chí", "Tối đa", "Tự chấm", "Thẩm định", "Lý do trừ điểm"];
        letterhead::table(&mut paper, &[800, 3100, 900, 900, 1000, 2655], &header, rows, &[0, 2, 3, 4]);
    }
    let (on_behalf, title) = chairman(context);
    let name = signer_name(context, PaperSlot::Notice);
    letterhead::closing(&mut paper, &[&record.name], &Signer { on_behalf: Some(&on_behalf), title, name }, draft);
    Ok(paper)
}
