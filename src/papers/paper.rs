//! A paper as the program builds it (paragraphs and tables of styled text), its content hash, and its rendering as
//! .docx laid out per Nghị định 30/2020/NĐ-CP Phụ lục I: A4 portrait, margins 20/20/30/15 mm, Times New Roman,
//! page numbers from page 2 centred in the top margin, *DỰ THẢO* in every page's header for a draft.

use docx_rs::{
    AlignmentType, Docx, Footer, Header, LineSpacing, PageMargin, PageNum, Paragraph, Run, RunFonts, Table, TableCell,
    TableRow, WidthType,
};

/// A4 in twentieths of a point (210 × 297 mm).
pub const A4_WIDTH: u32 = 11_906;
/// A4's height in twentieths of a point.
pub const A4_HEIGHT: u32 = 16_838;
/// Margins in twentieths of a point: top and bottom 20 mm, left 30 mm, right 15 mm (Phụ lục I, mục II.2).
pub const MARGIN_TOP: i32 = 1134;
/// The bottom margin (20 mm).
pub const MARGIN_BOTTOM: i32 = 1134;
/// The left margin (30 mm, for binding).
pub const MARGIN_LEFT: i32 = 1701;
/// The right margin (15 mm).
pub const MARGIN_RIGHT: i32 = 850;
/// The width between the margins.
pub const TEXT_WIDTH: usize = 9355;
/// The one font of every paper (Nghị định 30/2020/NĐ-CP Phụ lục I, mục II.1).
pub const FONT: &str = "Times New Roman";
/// The header marks every page of a draft with this.
pub const DRAFT_MARK: &str = "DỰ THẢO";

/// How a paragraph sits on its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    /// Both edges aligned: the body's paragraphs.
    #[default]
    Justified,
    /// Flush left (the recipients' list, a table's text).
    Left,
    /// Centred: titles, the national motto, signatures.
    Center,
    /// Flush right.
    Right,
}

/// A piece of text with one look.
#[derive(Debug, Clone, Default)]
pub struct Span {
    /// The text.
    pub text: String,
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
    /// Underlined (the motto, the Party's name).
    pub underline: bool,
    /// Size in points; 14 (the body's size) when None.
    pub size: Option<usize>,
}

/// One paragraph.
#[derive(Debug, Clone, Default)]
pub struct Para {
    /// Its spans, in order.
    pub spans: Vec<Span>,
    /// How it sits on its line.
    pub align: Align,
    /// The body's first-line indent (1 cm).
    pub indent: bool,
    /// Space after, in points.
    pub after: u32,
    /// Starts a new page (the decision's appendix).
    pub page_break_before: bool,
}

impl Para {
    /// The paragraph's text as read back (its spans in order).
    pub fn text(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }
}

/// A cell of a table: its paragraphs and how many grid columns it spans.
#[derive(Debug, Clone, Default)]
pub struct Cell {
    /// The cell's paragraphs.
    pub paras: Vec<Para>,
    /// How many grid columns it spans (0 and 1 both mean one).
    pub span: usize,
}

/// A table: column widths (twentieths of a point), rows of cells, lines drawn or not.
#[derive(Debug, Clone, Default)]
pub struct Grid {
    /// The columns' widths, in twentieths of a point.
    pub widths: Vec<usize>,
    /// The rows, each a list of cells.
    pub rows: Vec<Vec<Cell>>,
    /// Borders are drawn (a result table) or not (the letterhead's layout).
    pub lines: bool,
}

/// A paragraph or a table.
#[derive(Debug, Clone)]
pub enum Block {
    /// A paragraph.
    Para(Para),
    /// A table.
    Grid(Grid),
}

/// A whole paper.
#[derive(Debug, Clone, Default)]
pub struct Paper {
    /// Its paragraphs and tables, in order.
    pub blocks: Vec<Block>,
    /// Not the approved result: every page's header says *DỰ THẢO*.
    pub draft: bool,
}

/// Builders for the usual spans and paragraphs.
pub fn span(text: impl Into<String>) -> Span {
    Span { text: text.into(), ..Span::default() }
}

/// A bold span.
pub fn bold(text: impl Into<String>) -> Span {
    Span { bold: true, ..span(text) }
}

/// An italic span.
pub fn italic(text: impl Into<String>) -> Span {
    Span { italic: true, ..span(text) }
}

impl Paper {
    /// Adds a paragraph at the end.
    pub fn push(&mut self, para: Para) {
        self.blocks.push(Block::Para(para));
    }

    /// A body paragraph: justified, first line indented.
    pub fn body(&mut self, text: impl Into<String>) {
        self.push(Para { spans: vec![span(text)], indent: true, after: 6, ..Para::default() });
    }

    /// A bold heading of the body (I., 1.), flush left.
    pub fn heading(&mut self, text: impl Into<String>) {
        self.push(Para { spans: vec![bold(text)], indent: true, after: 6, ..Para::default() });
    }

    /// A line centred in the given spans.
    pub fn centered(&mut self, spans: Vec<Span>) {
        self.push(Para { spans, align: Align::Center, ..Para::default() });
    }

    /// Adds a table at the end.
    pub fn grid(&mut self, grid: Grid) {
        self.blocks.push(Block::Grid(grid));
    }

    /// Every paragraph in order (table cells row by row), the order `read` finds them in the file.
    pub fn paragraphs(&self) -> Vec<&Para> {
        let mut all = Vec::new();
        for block in &self.blocks {
            match block {
                Block::Para(para) => all.push(para),
                Block::Grid(grid) => {
                    all.extend(grid.rows.iter().flat_map(|row| row.iter().flat_map(|cell| cell.paras.iter())));
                }
            }
        }
        all
    }

    /// The text the content hash covers: every non-empty paragraph's text, one line each, escaped as in the
    /// workbooks (`\`, newline, tab, carriage return).
    pub fn canonical_text(&self) -> String {
        canonical(self.paragraphs().into_iter().map(Para::text))
    }

    /// The SHA-256 of the canonical text: what the check block states and `export verify` recomputes.
    pub fn content_hash(&self) -> String {
        crate::sheet::model::sha256_hex(&self.canonical_text())
    }
}

/// The canonical text of paragraphs' texts (the same for the model and for a file read back).
pub fn canonical(texts: impl Iterator<Item = String>) -> String {
    let mut out = String::new();
    for text in texts.filter(|t| !t.is_empty()) {
        for c in text.chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\t' => out.push_str("\\t"),
                '\r' => out.push_str("\\r"),
                c => out.push(c),
            }
        }
        out.push('\n');
    }
    out
}

fn run(span: &Span) -> Run {
    let mut run = Run::new().add_text(span.text.clone()).size(span.size.unwrap_or(14) * 2);
    if span.bold {
        run = run.bold();
    }
    if span.italic {
        run = run.italic();
    }
    if span.underline {
        run = run.underline("single");
    }
    run
}

fn paragraph(para: &Para) -> Paragraph {
    let align = match para.align {
        Align::Justified => AlignmentType::Both,
        Align::Left => AlignmentType::Left,
        Align::Center => AlignmentType::Center,
        Align::Right => AlignmentType::Right,
    };
    let mut out = Paragraph::new()
        .align(align)
        .line_spacing(LineSpacing::new().after(para.after * 20).before(0).line(276))
        .page_break_before(para.page_break_before);
    if para.indent {
        out = out.indent(None, Some(docx_rs::SpecialIndentType::FirstLine(567)), None, None);
    }
    para.spans.iter().fold(out, |out, span| out.add_run(run(span)))
}

fn table(grid: &Grid) -> Table {
    let rows = grid
        .rows
        .iter()
        .enumerate()
        .map(|(at, cells)| {
            // A ruled table's heading row keeps with the row under it: never alone at the foot of a page.
            let heading = grid.lines && at == 0;
            let mut column = 0;
            let cells = cells
                .iter()
                .map(|cell| {
                    let span = cell.span.max(1);
                    let width: usize = grid.widths.iter().skip(column).take(span).sum();
                    column += span;
                    let mut out = TableCell::new().width(width, WidthType::Dxa);
                    if span > 1 {
                        out = out.grid_span(span);
                    }
                    if !grid.lines {
                        out = out.clear_all_border();
                    }
                    let paras = if cell.paras.is_empty() { vec![Para::default()] } else { cell.paras.clone() };
                    paras.iter().fold(out, |out, para| out.add_paragraph(paragraph(para).keep_next(heading)))
                })
                .collect();
            TableRow::new(cells).cant_split()
        })
        .collect();
    let table = Table::new(rows).set_grid(grid.widths.clone()).width(grid.widths.iter().sum(), WidthType::Dxa);
    if grid.lines { table } else { table.clear_all_border() }
}

fn small(text: &str, bold_text: bool) -> Run {
    let run = Run::new().add_text(text).size(24);
    if bold_text { run.bold() } else { run }
}

/// The page headers: page number (from page 2) centred in the top margin, and the draft mark on every page.
fn headers(docx: Docx, draft: bool) -> Docx {
    let mark = |p: Paragraph| if draft { p.add_run(small(&format!("  {DRAFT_MARK}"), true)) } else { p };
    let numbered = Paragraph::new().align(AlignmentType::Center).add_page_num(PageNum::new());
    let first = Paragraph::new().align(AlignmentType::Center);
    docx.header(Header::new().add_paragraph(mark(numbered)))
        .first_header(Header::new().add_paragraph(mark(first)))
        .title_pg()
}

/// Renders the paper with its check lines (the page footer repeats the hash) as the bytes of a .docx.
pub fn to_docx(paper: &Paper, check: &[String], footer_line: &str) -> Result<Vec<u8>, String> {
    let fonts = RunFonts::new().ascii(FONT).hi_ansi(FONT).cs(FONT).east_asia(FONT);
    let margins = PageMargin::new()
        .top(MARGIN_TOP)
        .bottom(MARGIN_BOTTOM)
        .left(MARGIN_LEFT)
        .right(MARGIN_RIGHT)
        .header(567)
        .footer(454);
    let mut docx =
        Docx::new().page_size(A4_WIDTH, A4_HEIGHT).page_margin(margins).default_fonts(fonts).default_size(28);
    docx = headers(docx, paper.draft);
    let foot =
        Paragraph::new().align(AlignmentType::Center).add_run(Run::new().add_text(footer_line).size(14).italic());
    docx = docx.footer(Footer::new().add_paragraph(foot.clone())).first_footer(Footer::new().add_paragraph(foot));
    for (at, block) in paper.blocks.iter().enumerate() {
        // A paragraph that introduces a ruled table stays on the table's page.
        let introduces = matches!(paper.blocks.get(at + 1), Some(Block::Grid(grid)) if grid.lines);
        docx = match block {
            Block::Para(para) => docx.add_paragraph(paragraph(para).keep_next(introduces)),
            Block::Grid(grid) => docx.add_table(table(grid)),
        };
    }
    for line in check {
        let para =
            Paragraph::new().align(AlignmentType::Left).add_run(Run::new().add_text(line.clone()).size(16).italic());
        docx = docx.add_paragraph(para);
    }
    let mut bytes = std::io::Cursor::new(Vec::new());
    docx.pack(&mut bytes).map_err(|e| e.to_string())?;
    Ok(bytes.into_inner())
}
