//! The council's papers (issue 23): the .docx documents laid out per Nghị định 30 (or the Party's layout under 453),
//! drafts marked DỰ THẢO, the unit's own sheet before submission, the publication page, their check block, the
//! refusals, and each printed as a person sees it (LibreOffice → PDF → pdftotext; Chromium for the page).
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

mod tools;

use std::io::Read;
use std::path::Path;
use std::process::Command;
use tools::{approved_round, file as write, ok, part, path, refused};

/// Every header part of a .docx, joined.
fn headers(file: &str) -> String {
    let archive = zip::ZipArchive::new(std::fs::File::open(file).unwrap()).unwrap();
    let names: Vec<String> = archive
        .file_names()
        .filter_map(Result::ok)
        .filter(|n| n.starts_with("word/header"))
        .map(String::from)
        .collect();
    names.iter().map(|name| part(file, name)).collect::<Vec<_>>().join("\n")
}

const PAPERS: [&str; 4] = ["report", "proposal", "decision", "minutes"];

/// Writes every paper of the round into `dir`; returns the files, the approved unit's notice and the open one's.
fn write_papers(db: &str, dir: &Path, approved_unit: &str, open_unit: Option<&str>) -> Vec<String> {
    let mut files = Vec::new();
    for kind in PAPERS {
        let file = path(dir, &format!("{kind}.docx"));
        ok(&["export", kind, "--db", db, "--out", &file]);
        files.push(file);
    }
    for unit in std::iter::once(approved_unit).chain(open_unit) {
        let file = path(dir, &format!("notice-{unit}.docx"));
        ok(&["export", "notice", "--db", db, "--unit", unit, "--out", &file]);
        files.push(file);
    }
    files
}

/// A4 portrait, margins in Nghị định 30's ranges, Times New Roman, page numbers from page 2.
fn assert_state_layout(file: &str) {
    let document = part(file, "word/document.xml");
    assert!(document.contains(r#"w:w="11906" w:h="16838""#), "{file}: A4 portrait page size");
    assert!(!document.contains("landscape"), "{file}: portrait");
    let margins = &document[document.find("<w:pgMar").unwrap_or_else(|| panic!("{file}: margins"))..];
    let margins = &margins[..margins.find('>').unwrap()];
    let margin = |name: &str| -> i32 {
        let at = margins.find(&format!(" w:{name}=\"")).unwrap_or_else(|| panic!("{file}: margin {name}"));
        let rest = &margins[at + name.len() + 5..];
        rest[..rest.find('"').unwrap()].parse().unwrap()
    };
    // Twentieths of a point: 20–25 mm is 1134–1417, 30–35 mm 1701–1984, 15–20 mm 850–1134.
    assert!((1134..=1417).contains(&margin("top")) && (1134..=1417).contains(&margin("bottom")), "{file}");
    assert!((1701..=1984).contains(&margin("left")), "{file}: left margin");
    assert!((850..=1134).contains(&margin("right")), "{file}: right margin");
    assert!(document.contains("w:titlePg"), "{file}: no page number on the first page");
    assert!(headers(file).contains("PAGE"), "{file}: page numbers in the header");
    // A ruled table's heading row (and the line introducing it) keeps with what follows: never alone at a page's foot.
    for table in document.split("<w:tbl>").skip(1) {
        let ruled = !table.contains(r#"<w:top w:val="nil""#);
        let first_row = &table[..table.find("</w:tr>").unwrap_or(table.len())];
        assert!(!ruled || first_row.contains("<w:keepNext"), "{file}: a table's heading row keeps with the next row");
    }
    let styles = part(file, "word/styles.xml");
    assert!(styles.contains("Times New Roman"), "{file}: Times New Roman");
}

#[test]
fn thai_nguyen_papers_follow_decree_30_and_mark_the_open_bloc_as_draft() {
    let dir = tempfile::tempdir().unwrap();
    let db = approved_round(dir.path());
    let files = write_papers(&db, dir.path(), "stc", Some("h-dai-tu"));
    for file in &files {
        assert_state_layout(file);
        let document = part(file, "word/document.xml");
        assert!(document.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), "{file}");
        assert!(document.contains("Độc lập - Tự do - Hạnh phúc"), "{file}");
        assert!(document.contains("UBND TỈNH THÁI NGUYÊN") || file.contains("decision"), "{file}");
        assert!(document.contains("Thái Nguyên, ngày …… tháng …… năm ……"), "{file}: the date is left to fill in");
        assert!(!document.contains("ĐẢNG CỘNG SẢN"), "{file}");
        assert!(document.contains("Mã kiểm tra nội dung (SHA-256): "), "{file}: the check block");
    }
    let text = |name: &str| part(&path(dir.path(), name), "word/document.xml");
    // The round has an open bloc: the council's papers are drafts, on every page and in the title.
    for kind in PAPERS {
        let file = path(dir.path(), &format!("{kind}.docx"));
        assert!(headers(&file).contains("DỰ THẢO"), "{kind}: every page's header");
        assert!(text(&format!("{kind}.docx")).contains("(DỰ THẢO)"), "{kind}: the title");
        assert!(!text(&format!("{kind}.docx")).contains("TM. HỘI ĐỒNG"), "{kind}: no approved-result signature");
    }
    let report = text("report.docx");
    for words in
        ["Sở Tài chính", "UBND huyện Đại Từ", "Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ (tạm tính)"]
    {
        assert!(report.contains(words), "the report names {words}");
    }
    assert!(report.contains("99,25") && report.contains("100,00"), "totals with the decimal comma");
    assert!(report.contains("Bằng điểm: Sở Tư pháp, Sở Nội vụ; thứ tự do Chủ tịch Hội đồng quyết định"), "the tie");
    assert!(report.contains("Sở Xây dựng không đạt mức Hoàn thành nhiệm vụ"), "a unit below Hoàn thành nhiệm vụ");
    // The approved bloc's notice is final; the open bloc's is a draft by construction, never refused.
    let approved = path(dir.path(), "notice-stc.docx");
    assert!(!headers(&approved).contains("DỰ THẢO") && !text("notice-stc.docx").contains("DỰ THẢO"));
    assert!(text("notice-stc.docx").contains("TM. HỘI ĐỒNG THẨM ĐỊNH"));
    assert!(headers(&path(dir.path(), "notice-h-dai-tu.docx")).contains("DỰ THẢO"));
    let open = text("notice-h-dai-tu.docx");
    assert!(open.contains("(tạm tính)") && open.contains("Lãnh đạo UBND tỉnh đánh giá"), "reasons of deductions");
    let minutes = text("minutes.docx");
    assert!(minutes.contains("stp, snv") || minutes.contains("stp,snv"), "the tie ordered: {minutes:.300}");
}

#[test]
fn the_decision_appendix_lists_the_approved_bloc_by_level_as_rank_does() {
    let dir = tempfile::tempdir().unwrap();
    let db = approved_round(dir.path());
    let file = path(dir.path(), "decision.docx");
    ok(&["export", "decision", "--db", &db, "--out", &file]);
    let paragraphs = thamdinh::papers::read::paragraphs(&part(&file, "word/document.xml")).unwrap();
    let start = paragraphs.iter().position(|p| p == "PHỤ LỤC").unwrap();
    let end = paragraphs.iter().position(|p| p.starts_with("2. ")).unwrap();
    let names: std::collections::BTreeMap<String, String> =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/thai-nguyen/units.csv"))
            .unwrap()
            .lines()
            .skip(1)
            .map(|line| {
                let fields: Vec<&str> = line.split(',').collect();
                (fields[0].to_string(), fields[1].to_string())
            })
            .collect();
    let levels = [
        ("excellent", "Hoàn thành xuất sắc nhiệm vụ"),
        ("good", "Hoàn thành tốt nhiệm vụ"),
        ("completed", "Hoàn thành nhiệm vụ"),
        ("not_completed", "Không hoàn thành nhiệm vụ"),
    ];
    // The appendix as (level, unit name, total, rank).
    let mut found = Vec::new();
    let mut level = "";
    let section = &paragraphs[start..end];
    let mut i = 0;
    while i < section.len() {
        if let Some((slug, _)) = levels.iter().find(|(_, words)| section[i] == *words) {
            level = slug;
        } else if section[i].parse::<usize>().is_ok() && i + 3 < section.len() {
            found.push((level.to_string(), section[i + 1].clone(), section[i + 2].clone(), section[i + 3].clone()));
            i += 4;
            continue;
        }
        i += 1;
    }
    let rank: serde_json::Value = serde_json::from_str(&ok(&["rank", "--db", &db, "--json"])).unwrap();
    let bloc = rank["blocs"].as_array().unwrap().iter().find(|b| b["bloc"] == "so-nganh").unwrap();
    let mut expected = Vec::new();
    for (slug, _) in levels {
        for unit in bloc["units"].as_array().unwrap().iter().filter(|u| u["level"] == slug) {
            expected.push((
                slug.to_string(),
                names[unit["unit"].as_str().unwrap()].clone(),
                unit["total"].as_str().unwrap().replace('.', ","),
                unit["rank"].to_string(),
            ));
        }
    }
    assert_eq!(found, expected);
}

/// Appraises every open component of a 453 demo round at its self-score, orders its ties, approves its bloc.
fn approved_bac_giang_round(dir: &Path) -> String {
    let db = path(dir, "bg.db");
    ok(&["demo", "--db", &db, "--regulation", "bac-giang-453", "--units", "6", "--seed", "7"]);
    let store = thamdinh::store::Store::open(Path::new(&db)).unwrap();
    let (round, regulation) = (store.load_round().unwrap(), store.regulation().clone());
    let mut csv = String::from("unit,criterion,appraised_score,reason\n");
    for unit in &round.units {
        let framework = regulation.framework_for(&unit.bloc, unit.group.as_deref()).unwrap();
        for place in framework.components() {
            let code = &place.component.code;
            let entry = unit.entries.get(code);
            if entry.is_some_and(|e| !e.applicable || e.effective_appraised().is_some()) {
                continue;
            }
            let appraised = entry.and_then(|e| e.self_score).unwrap_or(place.component.max);
            csv += &[unit.code.as_str(), code, &appraised.to_string(), "Đối chiếu hồ sơ\n"].join(",");
        }
    }
    drop(store);
    let file = dir.join("appraise.csv");
    std::fs::write(&file, csv).unwrap();
    ok(&["import", "scores", "--db", &db, &file.display().to_string()]);
    let rank: serde_json::Value = serde_json::from_str(&ok(&["rank", "--db", &db, "--json"])).unwrap();
    let units = rank["blocs"][0]["units"].as_array().unwrap();
    let pending: Vec<&str> =
        units.iter().filter(|u| u["tie_pending"] == true).map(|u| u["unit"].as_str().unwrap()).collect();
    if !pending.is_empty() {
        ok(&["tie", "--db", &db, "--bloc", "tap-the", "--order", &pending.join(",")]);
    }
    ok(&["approve", "--db", &db, "--bloc", "tap-the"]);
    db
}

#[test]
fn bac_giang_papers_take_the_party_layout() {
    let dir = tempfile::tempdir().unwrap();
    let draft = path(dir.path(), "draft.db");
    ok(&["demo", "--db", &draft, "--regulation", "bac-giang-453", "--units", "4", "--seed", "7"]);
    let file = path(dir.path(), "draft-report.docx");
    ok(&["export", "report", "--db", &draft, "--out", &file]);
    assert!(headers(&file).contains("DỰ THẢO"), "nothing approved: a draft");
    let db = approved_bac_giang_round(dir.path());
    let files = write_papers(&db, dir.path(), "dv00001", None);
    for file in &files {
        assert_state_layout(file);
        let document = part(file, "word/document.xml");
        assert!(document.contains("ĐẢNG CỘNG SẢN VIỆT NAM"), "{file}: the Party's header");
        assert!(!document.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA"), "{file}: not the state's motto");
        assert!(document.contains("Bắc Giang, ngày"), "{file}");
        assert!(document.contains("Số ……-"), "{file}: the Party's number style");
        assert!(!headers(file).contains("DỰ THẢO"), "{file}: approved, not a draft");
        let names_units = !file.ends_with("proposal.docx") && !file.ends_with("minutes.docx");
        assert!(!names_units || document.contains("Đơn vị minh họa 00001"), "{file}: the unit's name");
    }
    let report = part(&path(dir.path(), "report.docx"), "word/document.xml");
    assert!(report.contains("TỈNH ỦY BẮC GIANG") && report.contains("Số ……-BC/HĐTĐ"));
    assert!(report.contains("Hoàn thành") && report.contains(','), "levels and totals");
}

#[test]
fn export_verify_reads_a_paper_and_finds_an_edit() {
    let dir = tempfile::tempdir().unwrap();
    let db = approved_round(dir.path());
    let file = path(dir.path(), "report.docx");
    ok(&["export", "report", "--db", &db, "--out", &file]);
    let out = ok(&["export", "verify", "--db", &db, &file]);
    assert!(out.contains("nội dung nguyên vẹn") && out.contains("khớp với cơ sở dữ liệu hiện tại"), "{out}");
    // The same file with one figure changed inside it.
    let edited = path(dir.path(), "edited.docx");
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&file).unwrap()).unwrap();
    let mut writer = zip::ZipWriter::new(std::fs::File::create(&edited).unwrap());
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).unwrap();
        let name = entry.name().unwrap().to_string();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        if name == "word/document.xml" {
            bytes = String::from_utf8(bytes).unwrap().replacen("99,25", "99,75", 1).into_bytes();
        }
        writer.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        std::io::Write::write_all(&mut writer, &bytes).unwrap();
    }
    writer.finish().unwrap();
    let error = refused(&["export", "verify", &edited]);
    assert!(error.contains("edited.docx"), "{error}");
    // A change in the database since: the paper no longer matches.
    let change = "unit,criterion,appraised_score,reason\nh-dai-tu,I.1,\"3,5\",Lãnh đạo UBND tỉnh đánh giá\n";
    ok(&["import", "scores", "--db", &db, &write(dir.path(), "s.csv", change)]);
    let error = refused(&["export", "verify", "--db", &db, &file]);
    assert!(error.contains("report.docx"), "{error}");
}

#[test]
fn the_unit_exports_its_own_sheet_before_submitting_without_anything_appraised() {
    let dir = tempfile::tempdir().unwrap();
    let db = approved_round(dir.path());
    ok(&["user", "add", "--db", &db, "dt", "--role", "unit", "--unit", "h-dai-tu"]);
    let file = path(dir.path(), "own.xlsx");
    ok(&["export", "sheet", "--db", &db, "--user", "dt", "--out", &file]);
    let sheet = part(&file, "xl/worksheets/sheet1.xml") + &part(&file, "xl/sharedStrings.xml");
    assert!(sheet.contains("Đã thực hiện đầy đủ"), "its explanation is there");
    for council in ["Điểm thẩm định", "Lý do trừ điểm", "Lãnh đạo UBND tỉnh đánh giá", "Mức xếp loại", "TM. HỘI ĐỒNG"]
    {
        assert!(!sheet.contains(council), "the unit's own sheet holds no {council}");
    }
    assert!(sheet.contains("THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ"), "laid out for the unit's head to sign");
    // It reads back as the unit's own file, and another unit's sheet is still refused.
    ok(&["import", "sheet", "--db", &db, "--user", "dt", &file]);
    let error = refused(&[
        "export",
        "sheet",
        "--db",
        &db,
        "--user",
        "dt",
        "--unit",
        "stc",
        "--out",
        &path(dir.path(), "x.xlsx"),
    ]);
    assert!(error.contains("chỉ xem kết quả của đơn vị mình"), "{error}");
    // The council's sheet of the open bloc is a draft; the approved bloc's is not.
    let council = path(dir.path(), "council.xlsx");
    ok(&["export", "sheet", "--db", &db, "--unit", "h-dai-tu", "--out", &council]);
    let text = part(&council, "xl/worksheets/sheet1.xml") + &part(&council, "xl/sharedStrings.xml");
    assert!(text.contains("DỰ THẢO") && text.contains("(tạm tính)") && !text.contains("TM. HỘI ĐỒNG"));
    let final_sheet = path(dir.path(), "stc.xlsx");
    ok(&["export", "sheet", "--db", &db, "--unit", "stc", "--out", &final_sheet]);
    let text = part(&final_sheet, "xl/worksheets/sheet1.xml") + &part(&final_sheet, "xl/sharedStrings.xml");
    assert!(!text.contains("DỰ THẢO") && text.contains("TM. HỘI ĐỒNG"));
    let ranking = path(dir.path(), "ranking.xlsx");
    ok(&["export", "ranking", "--db", &db, "--out", &ranking]);
    let strings = part(&ranking, "xl/sharedStrings.xml");
    assert!(strings.contains("(DỰ THẢO)") && strings.contains("(tạm tính)"), "the open bloc's sheet is a draft");
}

#[test]
fn papers_refuse_bad_input_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let fresh = path(dir.path(), "fresh.db");
    tools::fixture_round(&fresh);
    let page = path(dir.path(), "page.html");
    let error = refused(&["export", "publication", "--db", &fresh, "--out", &page]);
    assert!(error.contains("chưa có khối nào được phê duyệt"), "{error}");
    assert!(!Path::new(&page).exists());
    let db = approved_round(dir.path());
    let error = refused(&["export", "notice", "--db", &db, "--unit", "khong-co", "--out", &path(dir.path(), "n.docx")]);
    assert!(error.contains("không có đơn vị \"khong-co\""), "{error}");
    let taken = write(dir.path(), "taken.docx", "giữ nguyên");
    let error = refused(&["export", "report", "--db", &db, "--out", &taken]);
    assert!(error.contains("tệp đã có") && error.contains("--force"), "{error}");
    assert_eq!(std::fs::read_to_string(&taken).unwrap(), "giữ nguyên");
    ok(&["export", "report", "--db", &db, "--out", &taken, "--force"]);
    for target in [db.clone(), format!("{db}-wal")] {
        let error = refused(&["export", "decision", "--db", &db, "--out", &target, "--force"]);
        assert!(error.contains("không bao giờ ghi đè"), "{error}");
    }
    let error = refused(&["export", "notice", "--db", &db, "--out", &path(dir.path(), "n.docx")]);
    assert!(error.contains("--unit"), "{error}");
    let folder = dir.path().join("notices");
    std::fs::create_dir(&folder).unwrap();
    let out = ok(&["export", "notice", "--db", &db, "--all", "--out", &folder.display().to_string()]);
    assert!(out.contains("đã ghi 8 thông báo"), "{out}");
    let names: Vec<String> =
        std::fs::read_dir(&folder).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().to_string()).collect();
    assert_eq!(names.len(), 8);
    assert!(
        names.iter().all(|n| n.starts_with("thong-bao-") && Path::new(n).extension().is_some_and(|e| e == "docx")),
        "{names:?}"
    );
}

#[test]
fn the_publication_lists_approved_blocs_only_and_renders_in_chromium() {
    let dir = tempfile::tempdir().unwrap();
    let db = approved_round(dir.path());
    let page = path(dir.path(), "cong-bo.html");
    ok(&["export", "publication", "--db", &db, "--out", &page]);
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains(r#"<html lang="vi">"#) && html.contains("@page{size:A4 portrait"));
    assert!(html.contains("@media (max-width:40rem)") && html.contains("name=\"viewport\""), "reads on a phone");
    for outside in ["<script", "src=", "href=", "http://", "https://", "@import", "url("] {
        assert!(!html.contains(outside), "self-contained: no {outside}");
    }
    assert!(html.contains("Sở Tài chính") && html.contains("Hoàn thành xuất sắc nhiệm vụ") && html.contains("100,00"));
    assert!(!html.contains("UBND huyện Đại Từ"), "the open bloc is not published");
    assert!(html.contains("Phê duyệt ngày") && html.contains("SHA-256 nội dung: "), "approval date and check line");
    if !tools::available("chromium", "--version", "chromium") {
        return;
    }
    let home = dir.path().display().to_string();
    let chromium = |extra: &[&str]| {
        let mut args = vec!["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"];
        args.extend_from_slice(extra);
        args.push(&page);
        Command::new("chromium").args(&args).env("HOME", &home).output().unwrap()
    };
    let dom = chromium(&["--dump-dom"]);
    let dom = String::from_utf8_lossy(&dom.stdout).to_string();
    assert!(dom.contains("Sở Tư pháp") && dom.contains("Hoàn thành tốt nhiệm vụ"), "{dom:.300}");
    let shot = path(dir.path(), "phone.png");
    chromium(&[&format!("--screenshot={shot}"), "--window-size=412,915", "--hide-scrollbars"]);
    let png = std::fs::read(&shot).unwrap();
    assert!(png.starts_with(b"\x89PNG"), "a PNG");
    let (width, height) =
        (u32::from_be_bytes(png[16..20].try_into().unwrap()), u32::from_be_bytes(png[20..24].try_into().unwrap()));
    assert_eq!((width, height), (412, 915), "the screenshot has the phone's size");
}

/// Each paper as a person sees it: LibreOffice prints it to PDF, A4 portrait, with the motto, the units, the
/// levels, and DỰ THẢO on every page of a draft.
#[test]
fn every_paper_prints_as_a4_with_its_header_and_draft_mark_on_every_page() {
    if !tools::available("soffice", "--version", "libreoffice-writer-nogui")
        || !tools::available("pdftotext", "-v", "poppler-utils")
    {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = approved_round(dir.path());
    let files = write_papers(&db, dir.path(), "stc", Some("h-dai-tu"));
    let mut args = vec!["--headless".to_string(), "--convert-to".into(), "pdf".into(), "--outdir".into()];
    args.push(dir.path().display().to_string());
    args.extend(files.iter().cloned());
    let output = Command::new("soffice").args(&args).env("HOME", dir.path()).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    for file in &files {
        let pdf = file.replace(".docx", ".pdf");
        let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
        let info = String::from_utf8_lossy(&info.stdout).to_string();
        let size = info.lines().find(|l| l.starts_with("Page size:")).unwrap();
        let numbers: Vec<f64> = size.split_whitespace().filter_map(|w| w.parse().ok()).collect();
        assert!(size.contains("A4") && numbers[0] < numbers[1], "{pdf}: A4 portrait: {size}");
        let text = Command::new("pdftotext").args(["-layout", &pdf, "-"]).output().unwrap();
        let text = String::from_utf8_lossy(&text.stdout).to_string();
        assert!(text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), "{pdf}: the motto");
        let draft = !file.ends_with("notice-stc.docx");
        let pages: Vec<&str> = text.split('\u{c}').filter(|p| !p.trim().is_empty()).collect();
        for (number, page) in pages.iter().enumerate() {
            assert_eq!(page.contains("DỰ THẢO"), draft, "{pdf}: page {} (draft {draft})", number + 1);
        }
        if file.ends_with("report.docx") || file.ends_with("decision.docx") {
            for words in
                ["Sở Tài chính", "UBND huyện Đại Từ", "Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ"]
            {
                assert!(text.contains(words), "{pdf}: {words}");
            }
        }
    }
}

#[test]
fn a_round_made_before_papers_toml_takes_the_programs_copy() {
    let dir = tempfile::tempdir().unwrap();
    let db = path(dir.path(), "old.db");
    tools::fixture_round(&db);
    let connection = rusqlite::Connection::open(&db).unwrap();
    connection.execute("DELETE FROM regulation_file WHERE path = 'papers.toml'", []).unwrap();
    drop(connection);
    let file = path(dir.path(), "report.docx");
    ok(&["export", "report", "--db", &db, "--out", &file]);
    let document = part(&file, "word/document.xml");
    assert!(document.contains("UBND TỈNH THÁI NGUYÊN") && document.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
}
