//! Writing a workbook model as .xlsx (`rust_xlsxwriter`): A4 landscape, fitted to the page width, Times New Roman.

use super::model::{Align, Book, FormulaResult, Sheet, Style, Validation, Value, col_at, to_cell_number};
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DataValidationRule, DocProperties, Format, FormatAlign,
    FormatBorder, Formula, Workbook, Worksheet, XlsxError,
};

/// The font offices expect on a printed sheet.
pub const FONT: &str = "Times New Roman";

/// Excel's paper size code for A4.
const A4: u8 = 9;

/// What the printed footer of every page says besides the page number.
#[derive(Debug, Clone)]
pub struct Footer {
    /// The content hash (SHA-256) printed in the footer.
    pub content_hash: String,
    /// The audit log's head printed beside it; None for an empty log.
    pub audit_head: Option<String>,
}

impl Footer {
    /// The page footer: the content hash on the left, the audit head and the page number on the right.
    pub fn text(&self) -> String {
        let head = self.audit_head.as_deref().unwrap_or("(nhật ký trống)");
        format!(
            "&L&\"{FONT},Regular\"&7SHA-256 nội dung: {}&R&\"{FONT},Regular\"&7Nhật ký: {head}   Trang &P/&N",
            self.content_hash
        )
    }
}

fn format_of(style: &Style) -> Format {
    let mut format = Format::new().set_font_name(FONT).set_font_size(style.size).set_align(FormatAlign::VerticalCenter);
    format = match style.align {
        Align::Left => format.set_align(FormatAlign::Left),
        Align::Center => format.set_align(FormatAlign::Center),
        Align::Right => format.set_align(FormatAlign::Right),
    };
    if style.bold {
        format = format.set_bold();
    }
    if style.italic {
        format = format.set_italic();
    }
    if style.border {
        format = format.set_border(FormatBorder::Thin);
    }
    if style.wrap {
        format = format.set_text_wrap();
    }
    if let Some(code) = style.number_format {
        format = format.set_num_format(code);
    }
    if style.shaded {
        format = format.set_background_color(Color::RGB(0x00E7_E6E6));
    }
    if style.input {
        format = format.set_unlocked();
    }
    format
}

fn write_sheet(worksheet: &mut Worksheet, sheet: &Sheet, footer: &Footer) -> Result<(), XlsxError> {
    worksheet.set_name(&sheet.name)?;
    // A formula whose cached result is empty text stays empty (rust_xlsxwriter would write 0).
    worksheet.set_formula_result_default("");
    for (col, width) in sheet.widths.iter().enumerate() {
        worksheet.set_column_width(col_at(col), *width)?;
    }
    for col in &sheet.hidden_columns {
        worksheet.set_column_hidden(*col)?;
    }
    for (row, height) in &sheet.row_heights {
        worksheet.set_row_height(*row, *height)?;
    }
    for merge in &sheet.merges {
        let style = sheet.cells.get(&merge.first).map(|c| c.style).unwrap_or_default();
        worksheet.merge_range(merge.first.0, merge.first.1, merge.last.0, merge.last.1, "", &format_of(&style))?;
    }
    for ((row, col), cell) in &sheet.cells {
        let format = format_of(&cell.style);
        match &cell.value {
            None => {
                worksheet.write_blank(*row, *col, &format)?;
            }
            Some(Value::Text(text)) => {
                worksheet.write_string_with_format(*row, *col, text, &format)?;
            }
            Some(Value::Number(number)) => {
                worksheet.write_number_with_format(*row, *col, to_cell_number(*number), &format)?;
            }
            Some(Value::Formula { formula, result }) => {
                let cached = match result {
                    FormulaResult::Number(number) => number.to_string(),
                    FormulaResult::Text(text) => text.clone(),
                };
                worksheet.write_formula_with_format(*row, *col, Formula::new(formula).set_result(cached), &format)?;
            }
        }
    }
    for validation in &sheet.validations {
        match validation {
            Validation::Score { row, col, max } => {
                let rule = DataValidation::new()
                    .allow_decimal_number(DataValidationRule::Between(0.0, to_cell_number(*max)))
                    .set_error_title("Điểm không hợp lệ")?
                    .set_error_message(format!(
                        "Điểm phải là số trong khoảng [0; {}].",
                        crate::domain::score::display_vi(*max)
                    ))?
                    .set_error_style(DataValidationErrorStyle::Stop);
                worksheet.add_data_validation(*row, *col, *row, *col, &rule)?;
            }
            Validation::List { row, col, choices } => {
                let rule = DataValidation::new().allow_list_strings(choices)?;
                worksheet.add_data_validation(*row, *col, *row, *col, &rule)?;
            }
        }
    }
    worksheet.set_paper_size(A4);
    worksheet.set_landscape();
    worksheet.set_margins(0.5, 0.4, 0.6, 0.7, 0.3, 0.3);
    worksheet.set_print_fit_to_pages(1, 0);
    worksheet.set_print_center_horizontally(true);
    if let Some((first, last)) = sheet.repeat_rows {
        worksheet.set_repeat_rows(first, last)?;
    }
    let last_visible = (0..=sheet.last_column()).rev().find(|c| !sheet.hidden_columns.contains(c)).unwrap_or(0);
    worksheet.set_print_area(0, 0, sheet.last_row(), last_visible)?;
    worksheet.set_footer(footer.text());
    if sheet.draft {
        worksheet.set_header(format!("&C&\"{FONT},Bold\"&12DỰ THẢO"));
    }
    Ok(())
}

/// The .xlsx bytes of a workbook model, every sheet with the same footer.
pub fn to_xlsx(book: &Book, footer: &Footer, title: &str) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let properties = DocProperties::new()
        .set_title(title)
        .set_author("thamdinh")
        .set_comment(format!("SHA-256 nội dung: {}", footer.content_hash));
    workbook.set_properties(&properties);
    for sheet in &book.sheets {
        let worksheet = workbook.add_worksheet();
        write_sheet(worksheet, sheet, footer)?;
    }
    workbook.save_to_buffer()
}
