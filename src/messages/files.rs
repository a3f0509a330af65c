//! The words for a file refused or not written (`store::FileFault`): a workbook, one of its sheets or cells, a
//! regulation's own list, a folder or an export; the place (file, sheet, cell) is worded with the row's
//! (`rows.rs`). The English is the fault's own `Display`; an OS's or a library's own text stays as it comes.

use super::errors::{DATE_RULE_VI, score_vi};
use crate::domain::code::UnitCode;
use crate::store::{FileFault, Oversize, SheetItem};

/// "Not a score sheet or result of thamdinh", which several faults end with.
const NOT_OURS: &str = "đây không phải biểu chấm điểm hay kết quả do thamdinh xuất ra";

fn item_vi(unit: &UnitCode, code: &str) -> String {
    format!("đơn vị {unit}, {code}")
}

/// Which cell of a score sheet, in Vietnamese.
fn sheet_item(what: &SheetItem) -> String {
    match what {
        SheetItem::Title => "sai khung tiêu chí (tiêu đề biểu)".into(),
        SheetItem::FrameworkTitle => "sai khung tiêu chí (tên khung tiêu chí)".into(),
        SheetItem::Header => "tiêu đề cột đã bị sửa".into(),
        SheetItem::EvidenceHeader => "danh mục tài liệu kiểm chứng: tiêu đề cột đã bị sửa".into(),
        SheetItem::Stt { unit, code } => format!("{}: dòng đã bị sửa (cột STT)", item_vi(unit, code)),
        SheetItem::Name { unit, code } => format!("{}: dòng đã bị sửa (tên tiêu chí)", item_vi(unit, code)),
        SheetItem::SelfScore { unit, code } => format!("{}: điểm tự đánh giá", item_vi(unit, code)),
        SheetItem::Applicable { unit, code } => format!("{}: ô áp dụng", item_vi(unit, code)),
        SheetItem::Explanation { unit, code } => format!("{}: giải trình", item_vi(unit, code)),
        SheetItem::Evidence { unit } => format!("đơn vị {unit}, tài liệu kiểm chứng"),
    }
}

fn oversize(what: &Oversize) -> String {
    match what {
        Oversize::File { megabytes, limit } => {
            format!("tệp nặng {megabytes} MB, vượt mức {limit} MB cho phép của một bảng tính")
        }
        Oversize::DeclaredParts { parts, limit } => format!("gói tệp khai báo {parts} phần, vượt mức {limit}"),
        Oversize::Parts { parts, limit } => format!("gói tệp chứa {parts} phần, vượt mức {limit}"),
        Oversize::Part { part, megabytes, limit } => {
            format!("phần {part:?} khi giải nén nặng {megabytes} MB, vượt mức {limit} MB cho phép của một phần")
        }
        Oversize::Unpacked { limit } => format!("gói tệp khi giải nén nặng hơn {limit} MB"),
        Oversize::Sheets { sheets, limit } => format!("bảng tính có {sheets} trang tính, vượt mức {limit}"),
        Oversize::Ratio { part, ratio, limit } => {
            format!("phần {part:?} khi giải nén lớn gấp {ratio} lần khi nén, vượt mức {limit} lần")
        }
        Oversize::SparseSheets { sheets, kilobytes, limit } => format!(
            "gói tệp có {sheets} trang tính trong {kilobytes} KB: chưa đến {limit} byte mỗi trang, quá nhỏ để là biểu chấm điểm"
        ),
        Oversize::Cells { sheet, cells, megabytes } => {
            format!("trang {sheet:?}: bảng tính chứa hơn {cells} ô hoặc hơn {megabytes} MB chữ")
        }
        Oversize::Merges { sheet, limit } => format!("trang {sheet:?}: có hơn {limit} vùng ô gộp"),
    }
}

/// A refused or unwritten file, in Vietnamese (the place is worded before it).
#[allow(
    clippy::too_many_lines,
    reason = "a table, one arm per fault: split, the compiler would no longer check that every fault is worded"
)]
pub(super) fn file_fault_vi(fault: &FileFault) -> String {
    match fault {
        FileFault::NotXlsx { why } => {
            format!(
                "không phải bảng tính Excel (.xlsx) đọc được ({}); hãy lưu tệp dạng Excel Workbook (.xlsx)",
                super::cause_vi(why)
            )
        }
        FileFault::TooLarge { what } => {
            format!("{}; bảng tính của thamdinh nhỏ hơn nhiều: {NOT_OURS}", oversize(what))
        }
        FileFault::NoSheets => "bảng tính không có trang tính nào".into(),
        FileFault::NoCheckBlock { marker } => {
            format!("không có khối mã kiểm tra (ô bắt đầu bằng {marker:?}); tệp này không do thamdinh xuất ra")
        }
        FileFault::SheetUnreadable { why } => format!("không đọc được trang tính: {}", super::cause_vi(why)),
        FileFault::BeyondRange { cell, last_column, rows } => format!(
            "ô {cell} nằm ngoài vùng mà bảng tính của thamdinh có thể dùng (cột A đến {last_column}, dòng 1 đến {rows}); {NOT_OURS}"
        ),
        FileFault::UnitInTwoSheets { unit, first } => format!("đơn vị {unit} đã có ở trang {first:?}"),
        FileFault::NotAScoreSheet { cell } => format!(
            "không phải biểu chấm điểm của thamdinh: ô {cell} phải ghi \"Mã đơn vị: … · Khung tiêu chí: … · Quy chế: … · Năm: …\"; hãy điền vào biểu do `thamdinh export sheet` tạo ra"
        ),
        FileFault::WrongRegulation { sheet, round } => {
            format!("sai khung tiêu chí: biểu này theo quy chế {sheet}, kỳ đánh giá này áp dụng quy chế {round}")
        }
        FileFault::WrongYear { sheet, round } => {
            format!("biểu này dành cho năm {sheet}, kỳ đánh giá này là năm {round}")
        }
        FileFault::NoFramework { unit } => {
            format!("đơn vị {unit}: khối và nhóm của đơn vị không ứng với khung tiêu chí nào")
        }
        FileFault::WrongFramework { sheet, unit, framework } => format!(
            "sai khung tiêu chí: biểu này lập theo khung {sheet}, đơn vị {unit} được chấm theo khung {framework}"
        ),
        FileFault::TextChanged { what, found, expected } => {
            format!("{}: ô ghi {found:?}, mẫu biểu ghi {expected:?}", sheet_item(what))
        }
        FileFault::SourceChanged { found, expected } => {
            format!("sai khung tiêu chí (căn cứ quy chế): ô ghi {found:?}, mẫu biểu dẫn {expected:?}")
        }
        FileFault::ExtraRow { row, code } => {
            format!("thừa dòng {row}: các dòng của phụ lục là cố định; ở đây phải là {code}")
        }
        FileFault::MissingRows { missing, found } => {
            format!("thiếu dòng: {} phải đứng trước {found}", missing.join(", "))
        }
        FileFault::ChangedRow { code, name, found } => {
            format!("dòng đã bị sửa: ở đây phải là {code} ({name}), nhưng ô ghi {found:?}")
        }
        FileFault::MaxChanged { unit, code, found, max } => format!(
            "{}: dòng đã bị sửa (điểm tối đa): ô ghi {found:?}, phụ lục quy định {}",
            item_vi(unit, code),
            score_vi(max)
        ),
        FileFault::TotalExpected { row, total } => {
            format!("thừa dòng {row}: các dòng của phụ lục là cố định, ở đây phải là dòng tổng điểm ({total})")
        }
        FileFault::RowNotInFramework { row, code } => {
            format!("thừa dòng {row}: {code} không thuộc khung tiêu chí của đơn vị ở vị trí này")
        }
        FileFault::Formula { what } => format!(
            "{}: ô đơn vị tự điền lại chứa công thức; hãy gõ chính giá trị (công thức được đọc theo giá trị tệp lưu sẵn, giá trị đó có thể không đúng)",
            sheet_item(what)
        ),
        FileFault::MergedScore { what } => {
            format!("{}: ô bị gộp ở chỗ phải ghi số; hãy bỏ gộp ô", sheet_item(what))
        }
        FileFault::TextScore { what, text } => {
            format!("{}: ô điểm ghi chữ {text:?}; hãy gõ số điểm bằng chữ số (3,5)", sheet_item(what))
        }
        FileFault::OtherScore { what, value } => {
            format!("{}: ô điểm ghi {value}; hãy gõ số điểm bằng chữ số", sheet_item(what))
        }
        FileFault::NotAScore { what, number } => {
            format!("{}: {number} không phải là một số điểm hợp lệ", sheet_item(what))
        }
        FileFault::NotApplicableScored { unit, code, yes } => format!(
            "{}: tiêu chí thành phần không áp dụng thì không có điểm; hãy xóa điểm tự đánh giá hoặc ghi {yes}",
            item_vi(unit, code)
        ),
        FileFault::MergedApplicable { unit, code, yes, no } => {
            format!("{}: ô bị gộp ở chỗ phải ghi {yes} hoặc {no}", item_vi(unit, code))
        }
        FileFault::NotAMark { unit, code, value, yes, no } => {
            format!("{}: ô áp dụng ghi {value:?}, phải là {yes} hoặc {no}", item_vi(unit, code))
        }
        FileFault::CouncilScore { unit, code, column, found, stored } => format!(
            "{}: cột {column} là của Hội đồng và không được nhập; ô ghi {found:?} nhưng cơ sở dữ liệu có {}; hãy để nguyên như khi xuất",
            item_vi(unit, code),
            stored.as_deref().map_or_else(|| "giá trị trống".to_string(), score_vi)
        ),
        FileFault::CouncilReason { unit, code, column } => format!(
            "{}: cột {column} (lý do trừ điểm) là của Hội đồng và không được nhập; hãy để nguyên như khi xuất",
            item_vi(unit, code)
        ),
        FileFault::NoEvidenceList { title } => format!("thiếu danh mục tài liệu kiểm chứng ({title}) bên dưới bảng"),
        FileFault::EvidenceText { unit, code, title, why } => format!(
            "đơn vị {unit}, tài liệu kiểm chứng {code}: {} {}",
            if *title { "trích yếu" } else { "số, ký hiệu" },
            super::text::text_refusal(why, super::Lang::Vi)
        ),
        FileFault::EvidenceCriterion { unit, code, framework } => format!(
            "đơn vị {unit}, tài liệu kiểm chứng: khung tiêu chí của đơn vị ({framework}) không có tiêu chí {code:?}"
        ),
        FileFault::EvidenceTitle { unit, code } => {
            format!("đơn vị {unit}, tài liệu kiểm chứng: {code}: tài liệu cần có trích yếu")
        }
        FileFault::EvidenceReference { unit, code } => format!(
            "đơn vị {unit}, tài liệu kiểm chứng: {code}: tài liệu cần có số, ký hiệu (số văn bản hoặc đường dẫn)"
        ),
        FileFault::EvidenceDate { unit, code, value } => {
            format!("đơn vị {unit}, tài liệu kiểm chứng: {code}: {value:?} không phải là ngày hợp lệ ({DATE_RULE_VI})")
        }
        FileFault::EvidenceTwice { unit, code, reference, first } => {
            format!("đơn vị {unit}, tài liệu kiểm chứng: {code}, số {reference}: đã có ở ô {first}")
        }
        FileFault::NotMade { why } => format!("không tạo được bảng tính: {}", super::cause_vi(why)),
        FileFault::NotWritten { why } => format!("không ghi được tệp: {}", super::cause_vi(why)),
        FileFault::NoFolder { why } => format!("không tạo được thư mục: {}", super::cause_vi(why)),
        FileFault::NoUnitList => "quy chế không có danh sách đơn vị".into(),
        FileFault::BadUnitList { why } => format!("không đọc được danh sách đơn vị: {}", super::cause_vi(why)),
    }
}

/// One of every file fault (the `match`es above have no wildcard arm: a new fault does not compile until it is
/// worded; the catalog's test words each at every place, in both languages).
#[cfg(test)]
#[allow(clippy::too_many_lines, reason = "a list, one example of every fault")]
pub(super) fn every_file_fault() -> Vec<FileFault> {
    use crate::domain::validate::TextRefusal;
    let s = |text: &str| text.to_string();
    let (unit, code) = (crate::domain::code::UnitCode::from("stc"), s("I.1"));
    let oversizes = [
        Oversize::File { megabytes: 300, limit: 200 },
        Oversize::DeclaredParts { parts: 70_000, limit: 60_000 },
        Oversize::Parts { parts: 70_000, limit: 60_000 },
        Oversize::Part { part: s("xl/worksheets/sheet1.xml"), megabytes: 900, limit: 512 },
        Oversize::Unpacked { limit: 2048 },
        Oversize::Sheets { sheets: 20_000, limit: 10_000 },
        Oversize::Ratio { part: s("xl/styles.xml"), ratio: 1700, limit: 300 },
        Oversize::SparseSheets { sheets: 9999, kilobytes: 155, limit: 256 },
        Oversize::Cells { sheet: s("stc"), cells: 8_000_000, megabytes: 64 },
        Oversize::Merges { sheet: s("stc"), limit: 1000 },
    ];
    let items = [
        SheetItem::Title,
        SheetItem::FrameworkTitle,
        SheetItem::Header,
        SheetItem::EvidenceHeader,
        SheetItem::Stt { unit: unit.clone(), code: code.clone() },
        SheetItem::Name { unit: unit.clone(), code: code.clone() },
        SheetItem::SelfScore { unit: unit.clone(), code: code.clone() },
        SheetItem::Applicable { unit: unit.clone(), code: code.clone() },
        SheetItem::Explanation { unit: unit.clone(), code: code.clone() },
        SheetItem::Evidence { unit: unit.clone() },
    ];
    let (yes, no) = (s("Có"), s("Không"));
    let mut all: Vec<FileFault> = oversizes.into_iter().map(|what| FileFault::TooLarge { what }).collect();
    for what in items {
        all.push(FileFault::TextChanged { what: what.clone(), found: s("x"), expected: s("Tên tiêu chí") });
        all.push(FileFault::Formula { what });
    }
    let what = || SheetItem::SelfScore { unit: unit.clone(), code: code.clone() };
    let (u, c) = (|| unit.clone(), || code.clone());
    all.extend([
        FileFault::NotXlsx { why: s("invalid Zip archive") },
        FileFault::NoSheets,
        FileFault::NoCheckBlock { marker: s("Mã kiểm tra nội dung (SHA-256): ") },
        FileFault::SheetUnreadable { why: s("x") },
        FileFault::BeyondRange { cell: s("ZZ9"), last_column: s("T"), rows: 100_000 },
        FileFault::UnitInTwoSheets { unit: u(), first: s("stc (2)") },
        FileFault::NotAScoreSheet { cell: s("A5") },
        FileFault::WrongRegulation { sheet: s("bac-giang-453"), round: s("thai-nguyen-2024") },
        FileFault::WrongYear { sheet: 2023, round: 2024 },
        FileFault::NoFramework { unit: u() },
        FileFault::WrongFramework { sheet: s("phu-luc-2"), unit: u(), framework: s("phu-luc-1") },
        FileFault::SourceChanged { found: s("x"), expected: s("Phụ lục I") },
        FileFault::ExtraRow { row: 12, code: c() },
        FileFault::MissingRows { missing: vec![c(), s("I.2")], found: s("I.3") },
        FileFault::ChangedRow { code: c(), name: s("Kế hoạch"), found: s("I.9") },
        FileFault::MaxChanged { unit: u(), code: c(), found: s("9"), max: s("2.5") },
        FileFault::TotalExpected { row: 40, total: s("TỔNG ĐIỂM") },
        FileFault::RowNotInFramework { row: 40, code: s("XI.1") },
        FileFault::MergedScore { what: what() },
        FileFault::TextScore { what: what(), text: s("ba") },
        FileFault::OtherScore { what: what(), value: s("Bool(true)") },
        FileFault::NotAScore { what: what(), number: s("inf") },
        FileFault::NotApplicableScored { unit: u(), code: c(), yes: yes.clone() },
        FileFault::MergedApplicable { unit: u(), code: c(), yes: yes.clone(), no: no.clone() },
        FileFault::NotAMark { unit: u(), code: c(), value: s("maybe"), yes, no },
        FileFault::CouncilScore { unit: u(), code: c(), column: s("E"), found: s("3"), stored: Some(s("2.5")) },
        FileFault::CouncilScore { unit: u(), code: c(), column: s("E"), found: s("3"), stored: None },
        FileFault::CouncilReason { unit: u(), code: c(), column: s("F") },
        FileFault::NoEvidenceList { title: s("DANH MỤC TÀI LIỆU KIỂM CHỨNG") },
        FileFault::EvidenceText { unit: u(), code: c(), title: true, why: TextRefusal::LineBreak },
        FileFault::EvidenceText { unit: u(), code: c(), title: false, why: TextRefusal::LineBreak },
        FileFault::EvidenceCriterion { unit: u(), code: s("XI.1"), framework: s("phu-luc-1") },
        FileFault::EvidenceTitle { unit: u(), code: c() },
        FileFault::EvidenceReference { unit: u(), code: c() },
        FileFault::EvidenceDate { unit: u(), code: c(), value: s("31/02/2024") },
        FileFault::EvidenceTwice { unit: u(), code: c(), reference: s("12/KH"), first: s("B30") },
        FileFault::NotMade { why: s("x") },
        FileFault::NotWritten { why: s("Permission denied (os error 13)") },
        FileFault::NoFolder { why: s("Permission denied (os error 13)") },
        FileFault::NoUnitList,
        FileFault::BadUnitList { why: s("CSV error: record 2 (line: 3, byte: 40): found record with 3 fields") },
    ]);
    all
}
