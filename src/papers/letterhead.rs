//! The top and the bottom of every paper: the issuing body and the national motto (or the Party's header), the
//! number and the place-and-date line, the document type and its summary; *Nơi nhận* and the signature block.

use super::paper::{Align, Cell, Grid, Paper, Para, Span, TEXT_WIDTH, bold, italic, span};
use super::settings::{Layout, PaperSettings};
use crate::store::paper_settings::PaperNumbering;

/// Dotted space for what the program cannot know (a number, a name, a day).
pub const DOTS: &str = "……";

fn line(spans: Vec<Span>) -> Para {
    Para { spans, align: Align::Center, ..Para::default() }
}

fn sized(mut span: Span, size: usize) -> Span {
    span.size = Some(size);
    span
}

/// What the top of a paper says.
pub struct Heading<'a> {
    /// The body above the issuer (`UBND TỈNH THÁI NGUYÊN`) and the issuer (`HỘI ĐỒNG THẨM ĐỊNH`).
    pub parent: &'a str,
    pub issuer: &'a str,
    /// The document type's abbreviation (`BC`, `TTr`, `QĐ`, `BB`, `TB`) and the issuer's (`HĐTĐ`).
    pub kind: &'a str,
    pub short: &'a str,
    /// The number and date of issue the council set for this paper (dotted where unset).
    pub numbering: &'a PaperNumbering,
}

/// `125/BC-HĐTĐ` (a state body) or `125-BC/TU` (a Party body); dots for an unset number.
pub fn number_text(layout: Layout, kind: &str, short: &str, number: Option<&str>) -> String {
    let number = number.unwrap_or(DOTS);
    match layout {
        Layout::State => format!("{number}/{kind}-{short}"),
        Layout::Party => format!("{number}-{kind}/{short}"),
    }
}

/// `ngày 05 tháng 12 năm 2026` from a stored date; dotted when unset.
pub fn date_words(issued_on: Option<&str>) -> String {
    match issued_on.and_then(crate::domain::calendar::Date::parse_iso) {
        Some(date) => format!("ngày {:02} tháng {:02} năm {}", date.day, date.month, date.year),
        None => format!("ngày {DOTS} tháng {DOTS} năm {DOTS}"),
    }
}

/// The two-column head: bodies and number at left; motto (or Party header) and place-date line at right.
pub fn head(paper: &mut Paper, settings: &PaperSettings, heading: &Heading) {
    let left_width = TEXT_WIDTH * 2 / 5;
    let mut left = vec![
        line(vec![sized(span(heading.parent.to_uppercase()), 13)]),
        line(vec![sized(bold(heading.issuer.to_uppercase()), 13)]),
    ];
    let mut right = Vec::new();
    match settings.layout {
        Layout::State => {
            left.push(line(vec![sized(span("———————"), 10)]));
            right.push(line(vec![sized(bold("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), 12)]));
            right
                .push(line(vec![Span { underline: true, ..sized(bold("Độc lập - Tự do - Hạnh phúc"), 13) }]));
        }
        Layout::Party => {
            left.push(line(vec![sized(span("*"), 13)]));
            right.push(line(vec![Span { underline: true, ..sized(bold("ĐẢNG CỘNG SẢN VIỆT NAM"), 15) }]));
        }
    }
    let number = number_text(settings.layout, heading.kind, heading.short, heading.numbering.number.as_deref());
    let number = match settings.layout {
        Layout::State => format!("Số: {number}"),
        Layout::Party => format!("Số {number}"),
    };
    left.push(line(vec![sized(span(number), 13)]));
    right.push(Para::default());
    let date = format!("{}, {}", settings.place, date_words(heading.numbering.issued_on.as_deref()));
    right.push(line(vec![sized(italic(date), 14)]));
    let cell = |paras| Cell { paras, span: 1 };
    paper.grid(Grid {
        widths: vec![left_width, TEXT_WIDTH - left_width],
        rows: vec![vec![cell(left), cell(right)]],
        lines: false,
    });
    paper.push(Para::default());
}

/// The document type and its summary, centred and bold; a draft says so in its title.
pub fn title(paper: &mut Paper, kind: &str, summary: &[String], draft: bool) {
    let kind = if draft { format!("{kind} (DỰ THẢO)") } else { kind.to_string() };
    paper.push(Para { spans: vec![sized(bold(kind), 14)], align: Align::Center, ..Para::default() });
    for text in summary {
        paper.push(Para { spans: vec![sized(bold(text.clone()), 14)], align: Align::Center, ..Para::default() });
    }
    paper.push(Para {
        spans: vec![sized(span("—————"), 10)], align: Align::Center, after: 6, ..Para::default()
    });
}

/// Who signs: `TM. HỘI ĐỒNG THẨM ĐỊNH` over `CHỦ TỊCH`, or any other pair.
pub struct Signer<'a> {
    pub on_behalf: Option<&'a str>,
    pub title: &'a str,
    /// The signer's full name as the council set it (dotted where unset).
    pub name: Option<&'a str>,
}

/// *Nơi nhận* at left and the signature at right; a draft carries no signature of an approved result.
pub fn closing(paper: &mut Paper, recipients: &[&str], signer: &Signer, draft: bool) {
    let left_width = TEXT_WIDTH * 2 / 5;
    let mut left = vec![Para { spans: vec![sized(bold("Nơi nhận:"), 12)], align: Align::Left, ..Para::default() }];
    for recipient in recipients {
        left.push(Para {
            spans: vec![sized(span(format!("- {recipient};")), 11)],
            align: Align::Left,
            ..Para::default()
        });
    }
    left.push(Para { spans: vec![sized(span("- Lưu: VT."), 11)], align: Align::Left, ..Para::default() });
    let right = if draft {
        vec![
            line(vec![sized(bold("BẢN DỰ THẢO"), 13)]),
            line(vec![sized(italic("Kết quả chưa được phê duyệt; không ký ban hành"), 13)]),
        ]
    } else {
        let mut right = Vec::new();
        if let Some(on_behalf) = signer.on_behalf {
            right.push(line(vec![sized(bold(on_behalf), 13)]));
        }
        right.push(line(vec![sized(bold(signer.title), 13)]));
        right.push(line(vec![sized(italic("(Ký, ghi rõ họ tên, đóng dấu)"), 12)]));
        right.extend(std::iter::repeat_n(Para::default(), 4));
        right.push(line(vec![sized(bold(signer.name.map_or_else(|| DOTS.repeat(5), str::to_string)), 13)]));
        right
    };
    paper.push(Para::default());
    paper.grid(Grid {
        widths: vec![left_width, TEXT_WIDTH - left_width],
        rows: vec![vec![Cell { paras: left, span: 1 }, Cell { paras: right, span: 1 }]],
        lines: false,
    });
}

/// A table with lines: a bold centred header row, then the rows (numbers right, text left).
pub fn table(paper: &mut Paper, widths: &[usize], header: &[&str], rows: Vec<Vec<String>>, numeric: &[usize]) {
    let head = header.iter().map(|text| Cell { paras: vec![line(vec![sized(bold(*text), 12)])], span: 1 }).collect();
    let mut all = vec![head];
    for row in rows {
        all.push(
            row.into_iter()
                .enumerate()
                .map(|(column, text)| {
                    let align = if numeric.contains(&column) { Align::Center } else { Align::Left };
                    Cell { paras: vec![Para { spans: vec![sized(span(text), 12)], align, ..Para::default() }], span: 1 }
                })
                .collect(),
        );
    }
    paper.grid(Grid { widths: widths.to_vec(), rows: all, lines: true });
    paper.push(Para { after: 6, ..Para::default() });
}
