//! The published result (*công bố công khai*, Điều 3.2): one self-contained HTML page of the approved blocs — no
//! script, no outside file — that reads on a phone and prints on A4, with the same check line as every export.

use super::{Context, total_vi};
use crate::domain::permissions::CouncilWrite;
use crate::sheet::{Existing, Exported};
use crate::store::clock;
use crate::store::papers::PaperRefusal;
use crate::store::{Refused, Store, StoreError};
use std::fmt::Write as _;
use std::path::Path;

const STYLE: &str = "body{font-family:'Times New Roman',Times,serif;margin:0 auto;max-width:52rem;padding:1rem;\
color:#111;line-height:1.45}h1{font-size:1.35rem;text-align:center;margin:.4rem 0}h2{font-size:1.1rem;\
margin:1.4rem 0 .4rem}p.sub{text-align:center;margin:.2rem 0}table{border-collapse:collapse;width:100%}\
th,td{border:1px solid #555;padding:.35rem .5rem;text-align:left;vertical-align:top}th{background:#eee}\
td.n{text-align:right;white-space:nowrap}p.check{font-size:.75rem;color:#444;word-break:break-all;margin-top:2rem}\
@media (max-width:40rem){body{padding:.5rem}th,td{padding:.25rem .3rem;font-size:.9rem}}\
@page{size:A4 portrait;margin:20mm 15mm 20mm 30mm}@media print{body{max-width:none;padding:0}\
h2{break-after:avoid}tr{break-inside:avoid}}";

/// `<`, `>`, `&` and quotes escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The page's text (without its check line) and the content it hashes: each approved bloc's rows.
fn body(context: &Context) -> (String, String) {
    let (mut html, mut hashed) = (String::new(), String::new());
    for result in context.results.iter().filter(|r| context.is_approved(&r.bloc)) {
        let name = context.bloc_name(&result.bloc);
        let approved = context.approved.get(result.bloc.as_str()).map(clock::date_words).unwrap_or_default();
        let _ = write!(html, "<h2>{}</h2>\n<p>Phê duyệt {}.</p>\n", escape(&name), escape(&approved));
        html.push_str("<table>\n<thead><tr><th>Hạng</th><th>Cơ quan, đơn vị</th><th>Tổng điểm</th><th>Mức xếp loại</th></tr></thead>\n<tbody>\n");
        let _ = writeln!(hashed, "{name}\t{approved}");
        for unit in &result.ranking.units {
            let (unit_name, total, level) = (
                context.unit_name(&unit.unit),
                total_vi(unit.official_total),
                super::level_and_exception(context.regulation, unit),
            );
            let _ = writeln!(
                html,
                "<tr><td class=\"n\">{}</td><td>{}</td><td class=\"n\">{total}</td><td>{}</td></tr>",
                unit.rank,
                escape(&unit_name),
                escape(&level)
            );
            let _ = writeln!(hashed, "{}\t{unit_name}\t{total}\t{level}", unit.rank);
        }
        html.push_str("</tbody>\n</table>\n");
    }
    (html, hashed)
}

/// The whole page.
pub fn page(context: &Context, audit_head: Option<&str>) -> Result<(String, String), StoreError> {
    if context.approved.is_empty() {
        return Err(Refused::Paper(PaperRefusal::NothingApproved).into());
    }
    let (tables, hashed) = body(context);
    let hash = crate::sheet::model::sha256_hex(&hashed);
    let title = format!("Kết quả {} năm {}", context.settings.subject, context.year);
    let head = audit_head.unwrap_or("(nhật ký trống)");
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<p class=\"sub\">{parent}</p>\n<p class=\"sub\"><b>{body}</b></p>\n<h1>{upper}</h1>\n<p class=\"sub\"><i>Theo {regulation}</i></p>\n{tables}<p class=\"check\">SHA-256 nội dung: {hash} · Nhật ký: {head} · Xuất bởi thamdinh {version} lúc {now} (giờ Việt Nam)</p>\n</body>\n</html>\n",
        title = escape(&title),
        parent = escape(&context.settings.parent_body),
        body = escape(&context.settings.body),
        upper = escape(&title.to_uppercase()),
        regulation = escape(&context.regulation.title),
        version = env!("CARGO_PKG_VERSION"),
        now = clock::shown(&context.store.clock().now()),
    );
    Ok((html, hash))
}

/// Writes the publication page; refused while no bloc is approved.
pub fn export_publication(store: &Store, out: &Path, existing: Existing) -> Result<Exported, StoreError> {
    store.permit(CouncilWrite::Export)?;
    crate::sheet::check_destination(store.path(), out, existing)?;
    let context = Context::new(store)?;
    let audit_head = store.audit_head()?;
    let (html, content_hash) = page(&context, audit_head.as_deref())?;
    crate::sheet::check_destination(store.path(), out, existing)?;
    crate::sheet::write_file(html.as_bytes(), out, existing)?;
    Ok(Exported { path: out.to_path_buf(), sheets: 1, content_hash, audit_head })
}
