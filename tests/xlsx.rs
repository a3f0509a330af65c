//! Score sheets and the council's result as .xlsx: cells, formulas' cached values, merges, number formats and page
//! setup read back with calamine; round trips; every bad sheet refused with nothing imported; verify; LibreOffice.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

mod binary;
mod tools;
mod tui_support;

use binary::{ok_quiet as ok, refused};
use calamine::{Data, Dimensions, Reader, Xlsx, open_workbook};
use rust_decimal::Decimal;
use serde_json::Value as Json;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::str::FromStr;
use thamdinh::sheet::layout::{APPLICABLE_NO, Column, FIRST_TABLE_ROW, Layout, META_ROW, plan_rows};
use thamdinh::sheet::model::{Book, FormulaResult, Merge, Style, Value, a1};
use thamdinh::sheet::render::Footer;
use thamdinh::store::Store;

fn demo(dir: &Path, regulation: &str) -> String {
    let db = dir.join("round.db").display().to_string();
    ok(&["demo", "--db", &db, "--regulation", regulation]);
    db
}

fn path(dir: &Path, name: &str) -> String {
    dir.join(name).display().to_string()
}

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

/// Everything a sheet import may touch, and how many audit rows there are.
fn snapshot(db: &str) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut out = String::new();
    for query in [
        "SELECT unit, criterion, self_score, appraised_score, deduction_reason, explanation, applicable FROM score ORDER BY 1, 2",
        "SELECT unit, criterion, leader, score, deduction_reason FROM leader_score ORDER BY 1, 2, 3",
        "SELECT unit, criterion, reference, title, issued_on FROM evidence ORDER BY 1, 2, 3",
    ] {
        let mut statement = conn.prepare(query).unwrap();
        let columns = statement.column_count();
        let mut rows = statement.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            let cells: Vec<String> =
                (0..columns).map(|i| format!("{:?}", row.get::<_, rusqlite::types::Value>(i).unwrap())).collect();
            out += &cells.join("|");
            out.push('\n');
        }
    }
    out
}

fn audit_rows(db: &str) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("SELECT count(*) FROM audit", [], |row| row.get(0)).unwrap()
}

struct Export {
    workbook: Xlsx<std::io::BufReader<std::fs::File>>,
}

impl Export {
    fn open(file: &str) -> Export {
        Export { workbook: open_workbook(file).expect("calamine opens the export") }
    }

    fn range(&mut self, sheet: &str) -> calamine::Range<Data> {
        self.workbook.worksheet_range(sheet).unwrap()
    }

    fn formulas(&mut self, sheet: &str) -> calamine::Range<String> {
        self.workbook.worksheet_formula(sheet).unwrap()
    }

    fn merges(&mut self, sheet: &str) -> Vec<Dimensions> {
        self.workbook.merge_cells_by_sheet_name(sheet).unwrap()
    }
}

fn text(range: &calamine::Range<Data>, row: u32, col: u32) -> String {
    match range.get_value((row, col)) {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Float(f)) => format!("{f}"),
        _ => String::new(),
    }
}

fn number(range: &calamine::Range<Data>, row: u32, col: u32) -> Option<f64> {
    match range.get_value((row, col)) {
        Some(Data::Float(f)) => Some(*f),
        _ => None,
    }
}

/// The row of a code in the hidden code column.
fn row_of(range: &calamine::Range<Data>, code_col: u32, code: &str) -> u32 {
    (0..2000).find(|row| text(range, *row, code_col) == code).unwrap_or_else(|| panic!("no row for {code}"))
}

/// One file inside the .xlsx package (page setup, footer, hidden columns are not cell data).
fn part(file: &str, name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(file).unwrap()).unwrap();
    let mut text = String::new();
    archive.by_name(name).unwrap().read_to_string(&mut text).unwrap();
    text
}

fn rank(db: &str) -> Json {
    serde_json::from_str(&ok(&["rank", "--db", db, "--json"])).unwrap()
}

#[test]
fn a_score_sheet_has_the_appendix_layout_sums_by_formula_and_prints_on_a4_landscape() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path(), "thai-nguyen-2024");
    let file = path(dir.path(), "stc.xlsx");
    let out = ok(&["export", "sheet", "--db", &db, "--unit", "stc", "--out", &file]);
    assert!(out.contains("đã ghi 1 trang tính"), "{out}");

    let mut read = Export::open(&file);
    assert_eq!(read.workbook.sheet_names(), vec!["stc"]);
    let cells = read.range("stc");
    let formulas = read.formulas("stc");
    check_heading_and_header(&mut read, &cells);
    let (first, total) = check_sums_by_formula(&cells, &formulas);
    check_formats_and_fonts(&mut read, first, total);
    let hash = out.split("SHA-256 ").nth(1).unwrap().split(';').next().unwrap();
    check_level_evidence_and_check_block(&cells, total, hash);
    check_page_setup(&file, hash);
}

/// The title, the unit, and the table's two header rows with the grade marks under one merged heading.
fn check_heading_and_header(read: &mut Export, cells: &calamine::Range<Data>) {
    // The demo round approves no bloc: the sheet is a draft (issue 23).
    assert_eq!(text(cells, 0, 0), "BIỂU CHẤM ĐIỂM ĐÁNH GIÁ, XẾP LOẠI MỨC ĐỘ HOÀN THÀNH NHIỆM VỤ NĂM 2024 (DỰ THẢO)");
    assert!(text(cells, 2, 0).contains("Phụ lục I, Quyết định 2610/QĐ-UBND"), "{}", text(cells, 2, 0));
    assert_eq!(text(cells, 3, 0), "Cơ quan, đơn vị: Sở Tài chính");
    let headers: Vec<String> = (0..12).map(|c| text(cells, 6, c)).collect();
    assert_eq!(
        headers,
        [
            "STT",
            "Lĩnh vực/Tiêu chí/Tiêu chí thành phần",
            "Điểm tối đa",
            "Điểm tự đánh giá",
            "Điểm thẩm định",
            "Xếp loại chất lượng",
            "",
            "",
            "",
            "Cơ quan thẩm định điểm tự đánh giá",
            "Lý do trừ điểm",
            "Giải trình của cơ quan, đơn vị"
        ]
    );
    let grades: Vec<String> = (5..9).map(|c| text(cells, 7, c)).collect();
    assert_eq!(grades, ["Xuất sắc", "Tốt", "Trung bình", "Kém"]);
    let merges = read.merges("stc");
    assert!(merges.contains(&Dimensions::new((6, 5), (6, 8))), "Xếp loại chất lượng spans its four marks: {merges:?}");
    assert!(merges.contains(&Dimensions::new((6, 0), (7, 0))), "STT spans both header rows");
}

/// Criterion, content and total rows sum by formula, each with the cached value the formula gives; returns
/// the rows of criterion I and of the total.
fn check_sums_by_formula(cells: &calamine::Range<Data>, formulas: &calamine::Range<String>) -> (u32, u32) {
    // Criterion I sums its components by formula; the cached value is what the formula gives.
    let code = 12;
    let first = row_of(cells, code, "I");
    assert_eq!(text(cells, first, 0), "I");
    assert_eq!(
        formulas.get_value((first, 3)).map(String::as_str),
        Some(format!("SUM(D{}:D{})", first + 2, first + 6).as_str())
    );
    let components: f64 = (first + 1..=first + 5).filter_map(|r| number(cells, r, 3)).sum();
    assert!((number(cells, first, 3).unwrap() - components).abs() < 1e-9);
    assert_eq!(text(cells, first + 1, 0), "1");
    assert_eq!(text(cells, first + 1, 12), "I.1");

    // The total sums the contents, and the content sums its criteria: both cached, both checkable.
    let total = row_of(cells, code, "TOTAL");
    assert_eq!(text(cells, total, 0), "TỔNG ĐIỂM");
    assert_eq!(number(cells, total, 2), Some(100.0));
    let leaves: f64 = (FIRST_TABLE_ROW..total)
        .filter(|r| text(cells, *r, code).contains('.') || ["IX", "X"].contains(&text(cells, *r, code).as_str()))
        .filter_map(|r| number(cells, r, 3))
        .sum();
    assert!((number(cells, total, 3).unwrap() - leaves).abs() < 1e-9, "self total = Σ components");
    let contents: f64 =
        ["ND-I", "ND-II", "ND-III"].iter().map(|c| number(cells, row_of(cells, code, c), 3).unwrap()).sum();
    assert!((number(cells, total, 3).unwrap() - contents).abs() < 1e-9);
    assert_eq!(
        formulas.get_value((total + 1, 4)).map(String::as_str),
        Some(format!("ROUND(E{},2)", total + 1).as_str())
    );
    (first, total)
}

/// Number formats and fonts: two decimals on sums, Times New Roman, criteria in bold.
fn check_formats_and_fonts(read: &mut Export, first: u32, total: u32) {
    let styles = read.workbook.worksheet_style("stc").unwrap();
    let format = |row: u32, col: u32| {
        styles.get((row, col)).and_then(|s| s.number_format.as_ref()).map(|f| f.format_code.clone())
    };
    assert_eq!(format(total, 3).as_deref(), Some("0.00"));
    assert_eq!(format(first, 4).as_deref(), Some("0.00"));
    let font = styles.get((first, 1)).and_then(|s| s.font.clone()).expect("font");
    assert!(font.is_bold(), "criterion rows are bold");
    assert_eq!(font.name.as_deref(), Some("Times New Roman"));
    let component_font = styles.get((first + 1, 1)).and_then(|s| s.font.clone()).expect("font");
    assert!(!component_font.is_bold());
}

/// The level, the evidence list, the signatures and the check block below the table.
fn check_level_evidence_and_check_block(cells: &calamine::Range<Data>, total: u32, hash: &str) {
    let all: Vec<String> = (total..total + 200).map(|r| text(cells, r, 0)).collect();
    assert!(all.iter().any(|t| t.starts_with("Mức xếp loại: HOÀN THÀNH")), "{all:?}");
    assert!(all.iter().any(|t| t == "DANH MỤC TÀI LIỆU KIỂM CHỨNG"));
    assert!(all.iter().any(|t| t == "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ"));
    let check = all.iter().find(|t| t.starts_with("Mã kiểm tra nội dung (SHA-256): ")).expect("check block");
    assert!(check.contains(hash), "{check}");
    // When it was exported reads as people write a time (`30/11/2026 05:29`, Vietnam's), not as stored.
    let exported = check.split(" lúc ").nth(1).expect("when it was exported");
    assert!(exported.contains("(giờ Việt Nam)") && exported.as_bytes()[2] == b'/', "{check}");
}

/// Page setup: A4 landscape, one page wide, header rows repeated, code column hidden, hash in the footer.
fn check_page_setup(file: &str, hash: &str) {
    let xml = part(file, "xl/worksheets/sheet1.xml");
    assert!(xml.contains(r#"paperSize="9""#) && xml.contains(r#"orientation="landscape""#), "{xml}");
    assert!(xml.contains(r#"fitToPage="1""#) && xml.contains(r#"fitToHeight="0""#));
    assert!(xml.contains(r#"hidden="1""#), "the code column is hidden");
    assert!(xml.contains(&format!("SHA-256 nội dung: {hash}")), "footer carries the hash");
    let workbook = part(file, "xl/workbook.xml");
    assert!(workbook.contains("_xlnm.Print_Titles") && workbook.contains("$7:$8"), "{workbook}");
}

#[test]
fn a_fully_appraised_unit_has_one_grade_mark_per_criterion_and_its_level() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path(), "thai-nguyen-2024");
    let report = rank(&db);
    let done = report["blocs"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|b| b["units"].as_array().unwrap().iter())
        .find(|u| u["provisional"] == false)
        .expect("the demo appraises some units fully");
    let unit = done["unit"].as_str().unwrap();
    let file = path(dir.path(), "done.xlsx");
    ok(&["export", "sheet", "--db", &db, "--unit", unit, "--out", &file]);
    let cells = Export::open(&file).range(unit);
    let regulation = Store::open(Path::new(&db)).unwrap().regulation().clone();
    let layout = Layout::for_regulation(&regulation);
    let code = u32::from(layout.col(Column::Code).unwrap());
    let criteria: Vec<u32> = (FIRST_TABLE_ROW..200)
        .filter(|r| {
            let c = text(&cells, *r, code);
            !c.is_empty() && !c.contains('.') && !c.starts_with("ND-") && !c.starts_with("TOTAL")
        })
        .collect();
    assert_eq!(criteria.len(), 10, "Phụ lục I–IV have ten criteria");
    for row in criteria {
        let marks = (5..9).filter(|c| text(&cells, row, *c) == "x").count();
        assert_eq!(marks, 1, "row {}", row + 1);
    }
    let level = (0..300).map(|r| text(&cells, r, 0)).find(|t| t.starts_with("Mức xếp loại")).unwrap();
    let vietnamese = match done["level"].as_str().unwrap() {
        "excellent" => "HOÀN THÀNH XUẤT SẮC NHIỆM VỤ",
        "good" => "HOÀN THÀNH TỐT NHIỆM VỤ",
        "completed" => "HOÀN THÀNH NHIỆM VỤ",
        _ => "KHÔNG HOÀN THÀNH NHIỆM VỤ",
    };
    // Not approved yet: the level is provisional (tạm tính).
    assert_eq!(level, format!("Mức xếp loại: {vietnamese} (tạm tính)"));
}

#[test]
fn exporting_and_importing_back_keeps_scores_reasons_and_evidence() {
    let dir = tempfile::tempdir().unwrap();
    for regulation in ["thai-nguyen-2024", "bac-giang-453"] {
        let db = demo(dir.path(), regulation);
        let before = snapshot(&db);
        let all = path(dir.path(), &format!("{regulation}.xlsx"));
        ok(&["export", "sheet", "--db", &db, "--out", &all]);
        let out = ok(&["import", "sheet", "--db", &db, &all]);
        assert!(out.contains("đã nhập 0 dòng"), "nothing changed, nothing written: {out}");
        assert_eq!(snapshot(&db), before, "{regulation}");
        std::fs::remove_file(&db).unwrap();
    }
}

/// A unit fills the sheet exported for it: the model is what the file holds, so editing it is editing the file.
fn fill(store: &Store, unit: &str, edit: impl FnOnce(&mut Book, &Layout)) -> PathBuf {
    let mut book = thamdinh::sheet::score_sheets_book(store, &[unit.into()], &mut |_, _| {}).unwrap();
    let layout = Layout::for_regulation(store.regulation());
    edit(&mut book, &layout);
    let out = store.path().with_file_name(format!("{unit}-filled.xlsx"));
    let footer = Footer { content_hash: book.content_hash(), audit_head: None };
    thamdinh::sheet::write_book(book, &footer, &out, "test").unwrap();
    out
}

fn fresh_round(dir: &Path, regulation: &str) -> String {
    let db = path(dir, "fresh.db");
    ok(&["init", "--db", &db, "--regulation", regulation, "--year", "2024"]);
    let units = Path::new(env!("CARGO_MANIFEST_DIR")).join("data").join(regulation).join("units.csv");
    ok(&["import", "units", "--db", &db, &units.display().to_string()]);
    db
}

fn row_for(book: &Book, layout: &Layout, code: &str) -> u32 {
    let col = layout.col(Column::Code).unwrap();
    book.sheets[0]
        .cells
        .iter()
        .find(|((_, c), cell)| *c == col && cell.value == Some(Value::Text(code.to_string())))
        .map(|((row, _), _)| *row)
        .unwrap_or_else(|| panic!("no row for {code}"))
}

fn set(book: &mut Book, row: u32, col: u16, value: Option<Value>) {
    let style = book.sheets[0].cells.get(&(row, col)).map(|c| c.style).unwrap_or_default();
    book.sheets[0].put(row, col, value, style);
}

fn evidence_row(book: &Book) -> u32 {
    let sheet = &book.sheets[0];
    let title = (0..500)
        .find(|r| {
            sheet.cells.get(&(*r, 0)).and_then(|c| c.value.clone())
                == Some(Value::Text("DANH MỤC TÀI LIỆU KIỂM CHỨNG".into()))
        })
        .unwrap();
    title + 2
}

#[test]
fn a_filled_sheet_brings_in_self_scores_explanations_and_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let db = fresh_round(dir.path(), "thai-nguyen-2024");
    let mut store = Store::open(Path::new(&db)).unwrap();
    let file = fill(&store, "stc", |book, layout| {
        let self_col = layout.col(Column::SelfScore).unwrap();
        let explanation = layout.col(Column::Explanation).unwrap();
        let row = row_for(book, layout, "III.2");
        set(book, row, self_col, Some(Value::Number(d("3.5"))));
        set(book, row, explanation, Some(Value::Text("Có kế hoạch và báo cáo".into())));
        let row = row_for(book, layout, "IX");
        set(book, row, self_col, Some(Value::Number(d("1"))));
        let first = evidence_row(book);
        set(book, first, 1, Some(Value::Text("Kế hoạch đổi mới sáng tạo năm 2024".into())));
        set(book, first, 2, Some(Value::Text("III.2".into())));
        set(book, first, 3, Some(Value::Text("15/01/2024".into())));
        set(book, first, 4, Some(Value::Text("12/KH-STC".into())));
    });
    let imported = thamdinh::sheet::import_sheet(&mut store, &file).unwrap();
    assert_eq!(imported.rows, 3, "two components and one document");
    let round = store.load_round().unwrap();
    let stc = round.units.iter().find(|u| u.code == "stc").unwrap();
    assert_eq!(stc.entries["III.2"].self_score, Some(d("3.5")));
    assert_eq!(&*stc.entries["III.2"].explanation, "Có kế hoạch và báo cáo");
    assert_eq!(stc.entries["IX"].self_score, Some(d("1")));
    let evidence = store.all_evidence().unwrap();
    assert_eq!(evidence.len(), 1);
    assert_eq!((evidence[0].reference.as_str(), evidence[0].issued_on.as_str()), ("12/KH-STC", "2024-01-15"));

    // The sheet exported now shows what was imported, and importing it again changes nothing.
    let again = path(dir.path(), "again.xlsx");
    ok(&["export", "sheet", "--db", &db, "--unit", "stc", "--out", &again]);
    let cells = Export::open(&again).range("stc");
    let i1 = row_of(&cells, 12, "III.2");
    assert_eq!(number(&cells, i1, 3), Some(3.5));
    assert_eq!(text(&cells, i1, 11), "Có kế hoạch và báo cáo");
    let before = snapshot(&db);
    ok(&["import", "sheet", "--db", &db, &again]);
    assert_eq!(snapshot(&db), before);
}

/// The sheet is written in the CSV imports' one transaction: a refusal met only while writing (453's whole part A
/// not applicable, seen on what the unit holds after the sheet's rows are merged) rolls back the rows already
/// written (an explanation in part B), and nothing is audited. One item of A left applicable, the same sheet goes in.
#[test]
fn a_sheet_refused_while_writing_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let db = fresh_round(dir.path(), "bac-giang-453");
    let mut store = Store::open(Path::new(&db)).unwrap();
    let framework = store.regulation().framework_for(&"tap-the".into(), Some("I")).unwrap();
    let part_a: Vec<String> =
        framework.components().filter(|p| p.content.code == "A").map(|p| p.component.code.to_string()).collect();
    let in_b = framework.components().find(|p| p.content.code == "B").unwrap().component.code.to_string();
    let sheet = |not_applicable: &[String]| {
        fill(&store, "dd-hdnd", |book, layout| {
            let (applicable, explanation) = (layout.col(Column::Applicable), layout.col(Column::Explanation));
            for code in not_applicable {
                let no = Some(Value::Text(APPLICABLE_NO.into()));
                set(book, row_for(book, layout, code), applicable.unwrap(), no);
            }
            let text = Some(Value::Text("Đã ban hành kế hoạch".into()));
            set(book, row_for(book, layout, &in_b), explanation.unwrap(), text);
        })
    };
    let whole_a = dir.path().join("whole-a.xlsx");
    std::fs::rename(sheet(&part_a), &whole_a).unwrap();
    let most_of_a = sheet(&part_a[1..]);
    let (before, audits) = (snapshot(&db), audit_rows(&db));
    let error = thamdinh::sheet::import_sheet(&mut store, &whole_a).unwrap_err();
    let vi = thamdinh::messages::store_error(&error, thamdinh::messages::Lang::Vi);
    assert!(vi.contains("mọi nội dung của A"), "{vi}");
    assert_eq!(snapshot(&db), before, "the part B explanation written before the refusal is rolled back");
    assert_eq!(audit_rows(&db), audits, "nothing is audited");

    let imported = thamdinh::sheet::import_sheet(&mut store, &most_of_a).unwrap();
    assert_eq!(imported.rows, part_a.len(), "the A items marked and the B explanation");
    let unit = store.load_unit("dd-hdnd").unwrap().unwrap();
    assert_eq!(&*unit.entries[in_b.as_str()].explanation, "Đã ban hành kế hoạch");
    assert!(audit_rows(&db) > audits);
}

#[test]
fn every_bad_sheet_is_refused_with_its_cell_and_reason_and_nothing_is_imported() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path(), "thai-nguyen-2024");
    let store = Store::open(Path::new(&db)).unwrap();
    let layout = Layout::for_regulation(store.regulation());
    let self_col = layout.col(Column::SelfScore).unwrap();
    // A component the demo has not appraised, so the unit may still change its self-score.
    let round = store.load_round().unwrap();
    let stc = round.units.iter().find(|u| u.code == "stc").unwrap();
    let open = ["III.1", "II.1", "II.4", "III.2"]
        .into_iter()
        .find(|code| stc.entries.get(code).is_none_or(|e| e.effective_appraised().is_none()))
        .expect("an unappraised component");

    let probe = thamdinh::sheet::score_sheets_book(&store, &["stc".into()], &mut |_, _| {}).unwrap();
    let open_cell = a1(row_for(&probe, &layout, open), self_col);

    let cases = bad_cell_cases(open, self_col, &open_cell).into_iter().chain(bad_layout_cases());
    drop(store);
    for (name, edit, expected) in cases {
        let store = Store::open(Path::new(&db)).unwrap();
        let file = fill(&store, "stc", |book, layout| edit(book, layout));
        drop(store);
        let before = snapshot(&db);
        let audits = audit_rows(&db);
        let file = file.display().to_string();
        let error = refused(&["import", "sheet", "--db", &db, &file]);
        assert!(error.contains("stc-filled.xlsx: trang \"stc\""), "{name}: {error}");
        let leaked: Vec<&&str> = ENGLISH.iter().filter(|word| error.contains(**word)).collect();
        assert!(leaked.is_empty(), "{name}: English {leaked:?} in {error:?}");
        let english = refused(&["import", "sheet", "--db", &db, &file, "--lang", "en"]);
        assert!(english.contains("stc-filled.xlsx: sheet \"stc\""), "{name}: {english}");
        for part in &expected {
            assert!(english.contains(part.as_str()), "{name}: {english:?} lacks {part:?}");
        }
        // The Vietnamese names the cell the English names.
        if let Some(cell) = english.split(", cell ").nth(1).and_then(|rest| rest.split(':').next()) {
            assert!(error.contains(&format!("ô {cell}:")), "{name}: {error:?} lacks cell {cell}");
        }
        assert_eq!(snapshot(&db), before, "{name} changed the database");
        assert_eq!(audit_rows(&db), audits, "{name} wrote to the audit log");
    }

    // And a workbook that is no score sheet at all: the council's result.
    let result = path(dir.path(), "result.xlsx");
    ok(&["export", "ranking", "--db", &db, "--out", &result]);
    let error = refused(&["import", "sheet", "--db", &db, &result]);
    assert!(error.contains("không phải biểu chấm điểm của thamdinh"), "{error}");
    let english = refused(&["import", "sheet", "--db", &db, &result, "--lang", "en"]);
    assert!(english.contains("not a thamdinh score sheet"), "{english}");
}

/// Words of the English wording of a refused sheet that the Vietnamese one never carries.
const ENGLISH: &[&str] = &[
    "column ", "unit ", "sheet ", "cell ", "refused", "already", "unknown", " is not ", "not a ", " the ", " has ",
    " needs ", " to ", "formula", "row ",
];

type Edit = Box<dyn Fn(&mut Book, &Layout)>;
/// A name, an edit of a filled score sheet, and what its refusal must name.
type BadSheet = (&'static str, Edit, Vec<String>);

fn formula(result: FormulaResult) -> Value {
    Value::Formula { formula: "=1+1".into(), result }
}

/// Bad values in the cells the unit fills: the self-score of the unappraised component `open` and its
/// explanation.
fn bad_cell_cases(open: &'static str, self_col: u16, open_cell: &str) -> Vec<BadSheet> {
    vec![
        (
            "a formula in a self-score cell, whatever it caches",
            Box::new(move |book: &mut Book, layout: &Layout| {
                let row = row_for(book, layout, open);
                set(book, row, self_col, Some(formula(FormulaResult::Number(d("0.5")))));
            }),
            vec![
                format!("cell {open_cell}: unit stc, {open}: self-score: a formula in a cell the unit fills"),
                "type the value itself".into(),
            ],
        ),
        (
            "a formula with no cached value",
            Box::new(move |book: &mut Book, layout: &Layout| {
                let row = row_for(book, layout, open);
                set(book, row, self_col, Some(formula(FormulaResult::Text(String::new()))));
            }),
            vec![format!("cell {open_cell}: unit stc, {open}: self-score: a formula in a cell the unit fills")],
        ),
        (
            "a formula in an explanation",
            Box::new(move |book: &mut Book, layout: &Layout| {
                let row = row_for(book, layout, open);
                let explanation = layout.col(Column::Explanation).unwrap();
                set(
                    book,
                    row,
                    explanation,
                    Some(Value::Formula { formula: "=\"Đủ\"".into(), result: FormulaResult::Text("Đủ".into()) }),
                );
            }),
            vec![format!("unit stc, {open}: explanation: a formula in a cell the unit fills")],
        ),
        (
            "text in a score cell",
            Box::new(move |book: &mut Book, layout: &Layout| {
                let row = row_for(book, layout, open);
                set(book, row, self_col, Some(Value::Text("ba điểm".into())));
            }),
            vec![format!("unit stc, {open}"), "text \"ba điểm\" in a score cell".into()],
        ),
        (
            "score above max",
            Box::new(move |book: &mut Book, layout: &Layout| {
                let row = row_for(book, layout, open);
                set(book, row, self_col, Some(Value::Number(d("9"))));
            }),
            vec![
                format!("unit stc, {open}: self-score \"9\" is above the maximum 1"),
                "(a score lies in [0, 1])".into(),
            ],
        ),
        (
            "merged cell where a number should be",
            Box::new(move |book: &mut Book, layout: &Layout| {
                let row = row_for(book, layout, open);
                book.sheets[0].merges.push(Merge { first: (row, self_col), last: (row, self_col + 1) });
            }),
            vec!["a merged cell where a number should be".into()],
        ),
        (
            "more decimals than the regulation counts",
            Box::new(move |book: &mut Book, layout: &Layout| {
                let row = row_for(book, layout, open);
                set(book, row, self_col, Some(Value::Number(d("0.125"))));
            }),
            vec!["has 3 decimals".into(), "nothing is rounded".into()],
        ),
    ]
}

/// Changes to what the unit may not change: the sheet's key line, the appendix's rows, the council's columns,
/// and bad evidence.
fn bad_layout_cases() -> Vec<BadSheet> {
    vec![
        (
            "a document dated in year 9999",
            Box::new(|book: &mut Book, _: &Layout| {
                let first = evidence_row(book);
                set(book, first, 1, Some(Value::Text("Báo cáo".into())));
                set(book, first, 2, Some(Value::Text("I.1".into())));
                set(book, first, 3, Some(Value::Text("31/12/9999".into())));
                set(book, first, 4, Some(Value::Text("1/BC".into())));
            }),
            vec!["is not a date".into(), "a year from 1945 to 2100".into()],
        ),
        (
            "wrong framework",
            Box::new(|book: &mut Book, _: &Layout| {
                let meta = book.sheets[0].cells.get(&(META_ROW, 0)).cloned().unwrap();
                let Some(Value::Text(line)) = meta.value else { panic!() };
                book.sheets[0].text(META_ROW, 0, line.replace("phu-luc-1.toml", "phu-luc-2.toml"), meta.style);
            }),
            vec!["cell A5".into(), "wrong framework".into(), "phu-luc-2.toml".into()],
        ),
        (
            "extra row",
            Box::new(|book: &mut Book, layout: &Layout| insert_row_before(book, layout, "II.1")),
            vec!["cell M".into(), "extra row".into()],
        ),
        (
            "a changed criterion name",
            Box::new(|book: &mut Book, layout: &Layout| {
                let row = row_for(book, layout, "III.3");
                set(book, row, layout.col(Column::Name).unwrap(), Some(Value::Text("Quy chế khác".into())));
            }),
            vec!["changed row (name)".into(), "unit stc, III.3".into()],
        ),
        (
            "the council's column changed",
            Box::new(|book: &mut Book, layout: &Layout| {
                let row = row_for(book, layout, "I.1");
                set(book, row, layout.col(Column::Appraised).unwrap(), Some(Value::Number(d("0.5"))));
            }),
            vec!["is the council's and is not imported".into()],
        ),
        (
            "evidence for a criterion not in the framework",
            Box::new(|book: &mut Book, _: &Layout| {
                let first = (evidence_row(book)..=book.sheets[0].last_row())
                    .find(|r| book.sheets[0].cells.get(&(*r, 1)).is_some_and(|c| c.value.is_none()))
                    .unwrap();
                set(book, first, 1, Some(Value::Text("Báo cáo".into())));
                set(book, first, 2, Some(Value::Text("XI.1".into())));
                set(book, first, 3, Some(Value::Text("01/02/2024".into())));
                set(book, first, 4, Some(Value::Text("1/BC".into())));
            }),
            vec!["no criterion \"XI.1\"".into()],
        ),
    ]
}

/// Moves every row from the one of `code` down by one and types a criterion of its own in the gap.
fn insert_row_before(book: &mut Book, layout: &Layout, code: &str) {
    let at = row_for(book, layout, code);
    let sheet = &mut book.sheets[0];
    let moved: Vec<_> = sheet.cells.range((at, 0)..).map(|(k, v)| (*k, v.clone())).collect();
    for (key, _) in &moved {
        sheet.cells.remove(key);
    }
    for ((row, col), cell) in moved {
        sheet.cells.insert((row + 1, col), cell);
    }
    sheet.merges = sheet
        .merges
        .iter()
        .map(|m| {
            if m.first.0 >= at {
                Merge { first: (m.first.0 + 1, m.first.1), last: (m.last.0 + 1, m.last.1) }
            } else {
                *m
            }
        })
        .collect();
    sheet.text(at, 1, "Một tiêu chí thêm", Style::default());
}

#[test]
fn bac_giang_sheets_follow_its_appendix_take_percentages_and_not_applicable_items() {
    let dir = tempfile::tempdir().unwrap();
    let db = fresh_round(dir.path(), "bac-giang-453");
    let mut store = Store::open(Path::new(&db)).unwrap();
    let round = store.load_round().unwrap();
    let unit = round.units[0].code.clone();
    let regulation = store.regulation().clone();
    let framework = regulation.framework_for(&round.units[0].bloc, round.units[0].group.as_deref()).unwrap().clone();
    // Điều 4.2: "Tiêu chí nào trừ điểm, đơn vị tự chấm … cần nêu rõ lý do cụ thể": the unit's own deduction on
    // A.1.1 comes without its explanation first, and the whole sheet is refused naming the cell and the article.
    let fill_a11 = |store: &Store, explain: bool| {
        fill(store, &unit, |book, layout| {
            let self_col = layout.col(Column::SelfScore).unwrap();
            let applicable = layout.col(Column::Applicable).unwrap();
            // Every item at its max, except: A.1.1 typed as 80 %, C.2 wholly not applicable (its points move to C.1).
            for row in plan_rows(&regulation, &framework).iter().filter(|r| r.kind.is_scored()) {
                let at = row_for(book, layout, &row.code);
                set(book, at, self_col, Some(Value::Number(row.max)));
            }
            let a11 = row_for(book, layout, "A.1.1");
            let percent = Style { number_format: Some("0%"), ..book.sheets[0].cells[&(a11, self_col)].style };
            book.sheets[0].put(a11, self_col, Some(Value::Number(d("0.8"))), percent);
            for code in ["C.2.1", "C.2.2"] {
                let at = row_for(book, layout, code);
                set(book, at, self_col, None);
                set(book, at, applicable, Some(Value::Text(APPLICABLE_NO.into())));
            }
            if explain {
                let explanation = layout.col(Column::Explanation).unwrap();
                set(book, a11, explanation, Some(Value::Text("Đạt 80% kế hoạch tuyên truyền".into())));
            }
        })
    };
    let without = fill_a11(&store, false);
    let error = thamdinh::sheet::import_sheet(&mut store, &without).unwrap_err();
    let refused = error.to_string();
    assert!(refused.contains("A.1.1: điểm tự đánh giá 4 thấp hơn điểm tối đa 5"), "{refused}");
    assert!(refused.contains("cần giải trình lý do tự trừ điểm (Điều 4.2)"), "{refused}");
    // In Vietnamese (the default), the sheet, the cell and the unit are named in Vietnamese too.
    let vi = thamdinh::messages::store_error(&error, thamdinh::messages::Lang::Vi);
    assert!(vi.contains(&format!(": trang \"{unit}\", ô ")), "{vi}");
    assert!(vi.contains(&format!(": đơn vị {unit}, A.1.1: điểm tự đánh giá 4 thấp hơn điểm tối đa 5")), "{vi}");
    assert!(!vi.contains("sheet \"") && !vi.contains("cell ") && !vi.contains("unit "), "{vi}");
    assert!(store.load_round().unwrap().units[0].entries.is_empty(), "a refused sheet writes nothing");
    let file = fill_a11(&store, true);
    thamdinh::sheet::import_sheet(&mut store, &file).unwrap();
    let round = store.load_round().unwrap();
    let entries = &round.units[0].entries;
    assert_eq!(entries["A.1.1"].self_score, Some(d("4")), "80 % of 5 points");
    assert!(!entries["C.2.1"].applicable && entries["C.2.1"].self_score.is_none());

    let out = path(dir.path(), "bg.xlsx");
    ok(&["export", "sheet", "--db", &db, "--unit", &unit, "--out", &out]);
    let mut read = Export::open(&out);
    let cells = read.range(&unit);
    let formulas = read.formulas(&unit);
    let headers: Vec<String> = (0..8).map(|c| text(&cells, 6, c)).collect();
    assert_eq!(
        headers,
        [
            "STT",
            "Tiêu chí đánh giá",
            "Điểm chuẩn",
            "Điểm tự chấm",
            "Điểm thẩm định",
            "Lý do trừ điểm",
            "Áp dụng",
            "Giải trình của tập thể lãnh đạo"
        ]
    );
    let code = 8;
    assert_eq!(text(&cells, row_of(&cells, code, "A.1.1"), 0), "-", "453 prints its items as dashes");
    // C.2 is wholly not applicable: empty; C.1 carries its 3 points (4 + 3 = 7 of 7); part C stays 10.
    let c2 = row_of(&cells, code, "C.2");
    assert_eq!(text(&cells, c2, 3), "", "{:?}", cells.get_value((c2, 3)));
    assert_eq!(number(&cells, c2, 3), None);
    assert_eq!(number(&cells, row_of(&cells, code, "C.1"), 3), Some(7.0));
    assert_eq!(number(&cells, row_of(&cells, code, "C"), 3), Some(10.0));
    assert!(
        formulas.get_value((row_of(&cells, code, "C.1"), 3)).is_some_and(|f| f.contains("SUMIF")),
        "C.1 scales by formula"
    );
    let total = row_of(&cells, code, "TOTAL");
    assert_eq!(number(&cells, total, 3), Some(99.0), "A loses 1 point (80 % of 5)");
    let json = rank(&db);
    assert_eq!(json["regulation"], "bac-giang-453");
}

#[test]
fn the_councils_result_ranks_each_bloc_lists_levels_and_agencies() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path(), "thai-nguyen-2024");
    let file = path(dir.path(), "result.xlsx");
    let out = ok(&["export", "ranking", "--db", &db, "--out", &file]);
    assert!(out.contains("đã ghi 6 trang tính"), "{out}");
    let report = rank(&db);
    let mut read = Export::open(&file);
    assert_eq!(
        read.workbook.sheet_names(),
        ["so-nganh", "huyen", "su-nghiep", "hoi", "Theo mức xếp loại", "Cơ quan thẩm định"]
    );
    let cells = read.range("so-nganh");
    assert!(
        text(&cells, 3, 0)
            .contains(&format!("chỉ tiêu Hoàn thành xuất sắc nhiệm vụ: {} đơn vị", report["blocs"][0]["quota"]))
    );
    let header: Vec<String> = (0..6).map(|c| text(&cells, 5, c)).collect();
    assert_eq!(header, ["STT", "Cơ quan, đơn vị", "Tổng điểm", "Điểm xét bằng điểm", "Xếp loại", "Ghi chú"]);
    let first = &report["blocs"][0]["units"][0];
    assert_eq!(number(&cells, 6, 0), first["rank"].as_f64());
    assert_eq!(number(&cells, 6, 2).map(|f| format!("{f:.2}")), first["total"].as_str().map(str::to_string));
    let styles = read.workbook.worksheet_style("so-nganh").unwrap();
    let format = styles.get((6, 2)).and_then(|s| s.number_format.as_ref()).map(|f| f.format_code.clone());
    assert_eq!(format.as_deref(), Some("0.00"));
    let excellent = report["blocs"]
        .as_array()
        .unwrap()
        .iter()
        .position(|b| b["units"].as_array().unwrap().iter().any(|u| u["level"] == "excellent"));
    if let Some(bloc) = excellent {
        let name = report["blocs"][bloc]["bloc"].as_str().unwrap().to_string();
        let cells = read.range(&name);
        let line = (0..200).map(|r| text(&cells, r, 0)).find(|t| t.contains("Hết chỉ tiêu Hoàn thành xuất sắc"));
        assert!(line.is_some(), "the quota line is drawn in {name}");
    }
    let levels = read.range("Theo mức xếp loại");
    let headings: Vec<String> = (0..300).map(|r| text(&levels, r, 0)).filter(|t| t.starts_with('I')).collect();
    assert!(headings.iter().any(|h| h.starts_with("I. Hoàn thành xuất sắc nhiệm vụ")), "{headings:?}");
    assert!(headings.iter().any(|h| h.starts_with("II. Hoàn thành tốt nhiệm vụ")), "{headings:?}");
    let agencies = read.range("Cơ quan thẩm định");
    let all: Vec<String> = (0..3000).map(|r| text(&agencies, r, 0)).collect();
    assert!(all.iter().any(|t| t.contains("Thanh tra tỉnh: đã thẩm định")), "per agency what it appraised");
}

#[test]
fn verify_finds_a_changed_file_and_a_changed_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path(), "thai-nguyen-2024");
    let file = path(dir.path(), "stc.xlsx");
    ok(&["export", "sheet", "--db", &db, "--unit", "stc", "--out", &file]);
    let out = ok(&["export", "verify", "--db", &db, &file]);
    assert!(out.contains("khớp với cơ sở dữ liệu hiện tại"), "{out}");

    // A file edited after export, keeping its old check block, no longer matches its stated hash.
    let store = Store::open(Path::new(&db)).unwrap();
    let mut book = thamdinh::sheet::score_sheets_book(&store, &["stc".into()], &mut |_, _| {}).unwrap();
    let footer = Footer { content_hash: book.content_hash(), audit_head: store.audit_head().unwrap() };
    let layout = Layout::for_regulation(store.regulation());
    let row = row_for(&book, &layout, "I.1");
    set(&mut book, row, layout.col(Column::SelfScore).unwrap(), Some(Value::Number(d("0"))));
    let forged = dir.path().join("forged.xlsx");
    thamdinh::sheet::write_book(book, &footer, &forged, "test").unwrap();
    let error = refused(&["export", "verify", &forged.display().to_string()]);
    assert!(error.contains("tệp đã bị sửa sau khi xuất"), "{error}");

    // The database moves on: the printed sheet is intact but no longer the database's state.
    let csv = dir.path().join("facts.csv");
    std::fs::write(&csv, "unit,fact,value\nstc,outstanding,true\n").unwrap();
    drop(store);
    ok(&["import", "facts", "--db", &db, &csv.display().to_string()]);
    let error = refused(&["export", "verify", "--db", &db, &file]);
    assert!(error.contains("cơ sở dữ liệu đã thay đổi từ khi xuất"), "{error}");
}

/// The score sheet is printed, signed and stamped: LibreOffice converts it to PDF as A4 landscape pages that
/// carry the unit's name.
#[test]
fn an_exported_sheet_opens_in_an_office_suite() {
    if !tools::available("soffice", "--version", "libreoffice-calc-nogui")
        || !tools::available("pdftotext", "-v", "poppler-utils")
    {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path(), "thai-nguyen-2024");
    let file = path(dir.path(), "stc.xlsx");
    ok(&["export", "sheet", "--db", &db, "--unit", "stc", "--out", &file]);
    let output = Command::new("soffice")
        .args(["--headless", "--convert-to", "pdf", "--outdir", &dir.path().display().to_string(), &file])
        .env("HOME", dir.path())
        .output()
        .expect("run soffice");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let pdf = dir.path().join("stc.pdf");
    assert!(std::fs::read(&pdf).expect("a PDF was written").starts_with(b"%PDF"), "not a PDF");
    let info = Command::new("pdfinfo").arg(&pdf).output().expect("pdfinfo");
    let info = String::from_utf8_lossy(&info.stdout).to_string();
    let size = info.lines().find(|line| line.starts_with("Page size:")).expect("a page size");
    // "Page size:      841.89 x 595.28 pts (A4)": A4, wider than tall.
    let numbers: Vec<f64> = size.split_whitespace().filter_map(|word| word.parse().ok()).collect();
    assert!(size.contains("A4") && numbers.len() >= 2 && numbers[0] > numbers[1], "A4 landscape: {size}");
    let text = Command::new("pdftotext").arg(&pdf).arg("-").output().expect("pdftotext");
    let text = String::from_utf8_lossy(&text.stdout).to_string();
    assert!(text.contains("Sở Tài chính"), "the unit's name is in the PDF's text: {text:.400}");
    assert!(text.contains("BIỂU CHẤM ĐIỂM"), "{text:.400}");
}

#[test]
fn every_unit_in_one_workbook_one_sheet_each() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path(), "thai-nguyen-2024");
    let file = path(dir.path(), "all.xlsx");
    let out = ok(&["export", "sheet", "--db", &db, "--out", &file]);
    let report = rank(&db);
    let units: usize = report["blocs"].as_array().unwrap().iter().map(|b| b["units"].as_array().unwrap().len()).sum();
    assert!(out.contains(&format!("đã ghi {units} trang tính")), "{out}");
    let mut read = Export::open(&file);
    let names = read.workbook.sheet_names();
    assert_eq!(names.len(), units);
    for name in names.iter().take(3) {
        let cells = read.range(name);
        assert!(text(&cells, META_ROW, 0).starts_with(&format!("Mã đơn vị: {name} ·")));
    }
    let error = refused(&["export", "sheet", "--db", &db, "--unit", "nope", "--out", &path(dir.path(), "nope.xlsx")]);
    assert!(error.contains("không có đơn vị \"nope\""), "{error}");
}

#[test]
fn the_interface_exports_into_the_users_folder_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = tui_support::fixture_store(dir.path());
    let stamp = store.local_stamp().unwrap();
    assert_eq!(stamp.len(), "20261130-1605".len(), "{stamp}");
    // A member may not export: the interface asks the same rule as the store.
    let mut member = tui_support::app_as(&mut store, "tv-so-noi-vu");
    tui_support::press(&mut member, &mut store, "e");
    let (message, error) = member.message.clone().unwrap();
    assert!(error && message.contains("chỉ Thư ký hoặc Chủ tịch Hội đồng xuất giấy tờ của Hội đồng"), "{message}");
    let files = |dir: &Path| -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| Path::new(name).extension().is_some_and(|ext| ext == "xlsx"))
            .collect();
        names.sort();
        names
    };
    assert!(files(dir.path()).is_empty(), "nothing written for a member");

    let mut app = tui_support::app_as(&mut store, "thu-ky");
    let unit = app.selected_ranked_unit().expect("a unit is selected");
    // A council user's exports go to their own folder, which they download as /xuat/NAME over SFTP (issue 24).
    let exports = thamdinh::store::files::exports_dir(&dir.path().join("round.db"), "thu-ky");
    let written = |app: &thamdinh::tui::app::App| -> PathBuf {
        let (message, error) = app.message.clone().unwrap();
        assert!(!error, "{message}");
        let shown = message.rsplit(": ").next().unwrap();
        let name = shown.strip_prefix("/xuat/").and_then(|rest| rest.split(" (").next()).expect(&message);
        exports.join(name)
    };
    tui_support::press(&mut app, &mut store, "x");
    let sheet = written(&app);
    let name = sheet.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with(&format!("round-bieu-cham-diem-{unit}-20"))
            && sheet.extension().is_some_and(|ext| ext == "xlsx"),
        "{name}"
    );
    assert!(sheet.is_file() && sheet.parent() == Some(exports.as_path()), "{sheet:?}");
    assert_eq!(Export::open(&sheet.display().to_string()).workbook.sheet_names(), vec![unit]);

    tui_support::press(&mut app, &mut store, "X");
    assert!(written(&app).file_name().unwrap().to_string_lossy().starts_with("round-bieu-cham-diem-tat-ca-20"));
    tui_support::press(&mut app, &mut store, "e");
    let result = written(&app);
    assert!(result.file_name().unwrap().to_string_lossy().starts_with("round-xep-hang-ket-qua-20"), "{result:?}");
    let first = std::fs::read(&result).unwrap();
    // Pressed again the same minute: a new file beside it, yesterday's (or a minute ago's) left as it was.
    tui_support::press(&mut app, &mut store, "e");
    let again = written(&app);
    assert_ne!(again, result, "a second export is a second file");
    assert_eq!(std::fs::read(&result).unwrap(), first);
    assert_eq!(files(&exports).len(), 4, "{:?}", files(&exports));
    assert!(files(dir.path()).is_empty(), "nothing beside the database");
    let out = ok(&[
        "export",
        "verify",
        "--db",
        &dir.path().join("round.db").display().to_string(),
        &result.display().to_string(),
    ]);
    assert!(out.contains("khớp với cơ sở dữ liệu hiện tại"), "{out}");
}

#[test]
fn csv_self_assessments_carry_explanations_and_evidence_into_the_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let db = fresh_round(dir.path(), "thai-nguyen-2024");
    let scores = dir.path().join("scores.csv");
    std::fs::write(
        &scores,
        "unit,criterion,self_score,appraised_score,reason,explanation\nstc,III.2,\"3,5\",,,Có kế hoạch số 12/KH-STC\n",
    )
    .unwrap();
    let evidence = dir.path().join("evidence.csv");
    std::fs::write(&evidence, "unit,criterion,title,reference,date\nstc,III.2,Kế hoạch đổi mới,12/KH-STC,15/01/2024\n")
        .unwrap();
    ok(&["import", "scores", "--db", &db, &scores.display().to_string()]);
    ok(&["import", "evidence", "--db", &db, &evidence.display().to_string()]);
    let file = path(dir.path(), "stc.xlsx");
    ok(&["export", "sheet", "--db", &db, "--unit", "stc", "--out", &file]);
    let cells = Export::open(&file).range("stc");
    let row = row_of(&cells, 12, "III.2");
    assert_eq!(number(&cells, row, 3), Some(3.5));
    assert_eq!(text(&cells, row, 11), "Có kế hoạch số 12/KH-STC");
    let listed = (row..400).find(|r| text(&cells, *r, 4) == "12/KH-STC").expect("the document is listed");
    assert_eq!(text(&cells, listed, 3), "15/01/2024");
    assert_eq!(text(&cells, listed, 2), "III.2");
}

/// An export the OS cannot write is refused in a worded frame around the OS's own text, and writes nothing.
#[test]
fn an_export_into_a_missing_folder_is_refused_in_words_around_the_os_text() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path(), "thai-nguyen-2024");
    let out = dir.path().join("no-such-folder").join("stc.xlsx").display().to_string();
    let error = refused(&["export", "sheet", "--db", &db, "--unit", "stc", "--out", &out]);
    assert!(error.contains(&format!("{out}: không ghi được tệp: ")), "{error}");
    let english = refused(&["export", "sheet", "--db", &db, "--unit", "stc", "--out", &out, "--lang", "en"]);
    assert!(english.contains(&format!("{out}: ")) && !english.contains("không"), "{english}");
    assert!(!dir.path().join("no-such-folder").exists(), "nothing was written");
}
