//! A table for people at the command line. Columns are as wide as their widest cell as a terminal shows it (a
//! Vietnamese letter with its combining marks is one column, a wide character two). Where the terminal is
//! narrower than that (its width, or `COLUMNS`), the columns that may wrap share what the others leave, each at
//! least its least width, and their cells wrap at spaces within the column; output to a pipe or a file keeps one
//! line per row, whatever its length, for scripts.

use crate::domain::text::escape_line;
use crate::tui::view::wrap;
use std::io::IsTerminal;
use unicode_width::UnicodeWidthStr;

/// The blanks between two columns; one where the table must be narrowed.
const GAP: usize = 2;
const NARROW_GAP: usize = 1;

/// One column: whether its cells may wrap (or, cut, end in "…"), and then the least width it keeps.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub wraps: bool,
    pub least: usize,
    /// A cell wider than the column is cut to it and ends in "…" (one line per row) instead of wrapping.
    pub cuts: bool,
}

impl Column {
    /// A column that never wraps (a login, a code).
    pub const WHOLE: Column = Column { wraps: false, least: 0, cuts: false };

    /// A column that shares the width as a wrapping one does, but keeps one line: a longer cell is cut, "…".
    pub fn cut(least: usize) -> Column {
        Column { wraps: true, least, cuts: true }
    }
}

/// The table's width when no column wraps (its widest cells, two blanks between columns).
pub fn natural_width(header: &[&str], rows: &[Vec<String>]) -> usize {
    let columns = header.len();
    let natural: usize = (0..columns)
        .map(|i| {
            let cells = rows.iter().map(|row| row.get(i).map_or(0, |cell| escape_line(cell).width()));
            cells.chain([header[i].width()]).max().unwrap_or(0)
        })
        .sum();
    natural + GAP * columns.saturating_sub(1)
}

/// `cell` cut to `width` columns as a terminal shows them, ending in "…" (a letter keeps its combining marks).
fn cut_to(cell: &str, width: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in cell.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

/// The width the table must fit: `COLUMNS` when set, else the terminal's when standard output is one, else none.
pub fn width_limit() -> Option<usize> {
    let columns = std::env::var("COLUMNS").ok().and_then(|value| value.trim().parse::<usize>().ok());
    if let Some(columns) = columns.filter(|columns| *columns > 0) {
        return Some(columns);
    }
    if std::io::stdout().is_terminal() {
        return ratatui::crossterm::terminal::size().ok().map(|(width, _)| usize::from(width));
    }
    None
}

/// The widths of the columns and the gap between them: each its widest cell, unless that is wider than `limit`.
fn widths(columns: &[Column], natural: &[usize], limit: Option<usize>) -> (Vec<usize>, usize) {
    let total: usize = natural.iter().sum::<usize>() + GAP * columns.len().saturating_sub(1);
    let Some(limit) = limit.filter(|limit| total > *limit) else { return (natural.to_vec(), GAP) };
    let gaps = NARROW_GAP * columns.len().saturating_sub(1);
    let whole: usize = columns.iter().zip(natural).filter(|(c, _)| !c.wraps).map(|(_, n)| n).sum();
    let mut widths: Vec<usize> =
        columns.iter().zip(natural).map(|(c, n)| if c.wraps { c.least.min(*n).max(1) } else { *n }).collect();
    let used: usize =
        whole + gaps + columns.iter().zip(&widths).filter(|(c, _)| c.wraps).map(|(_, w)| w).sum::<usize>();
    // What is left goes, a column at a time, to the wrapping column that lacks the most.
    for _ in 0..limit.saturating_sub(used) {
        let lacking = (0..columns.len())
            .filter(|i| columns[*i].wraps && widths[*i] < natural[*i])
            .max_by_key(|i| (natural[*i] - widths[*i], std::cmp::Reverse(*i)));
        let Some(i) = lacking else { break };
        widths[i] += 1;
    }
    (widths, NARROW_GAP)
}

/// The table, a header and its rows, each line ending in a newline; every cell escaped (`escape_line`) first.
pub fn render(columns: &[Column], header: &[&str], rows: &[Vec<String>], limit: Option<usize>) -> String {
    let escaped = |row: &[String]| row.iter().map(|cell| escape_line(cell).into_owned()).collect::<Vec<String>>();
    let mut all = vec![escaped(&header.iter().map(ToString::to_string).collect::<Vec<_>>())];
    all.extend(rows.iter().map(|row| escaped(row)));
    let natural: Vec<usize> = (0..columns.len())
        .map(|i| all.iter().map(|row| row.get(i).map_or(0, |c| c.width())).max().unwrap_or(0))
        .collect();
    let (widths, gap) = widths(columns, &natural, limit);
    let mut out = String::new();
    for row in &all {
        let cells: Vec<Vec<String>> = columns
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(i, (column, width))| {
                let cell = row.get(i).map_or("", String::as_str);
                if column.cuts && cell.width() > *width {
                    vec![cut_to(cell, *width)]
                } else if column.wraps && cell.width() > *width {
                    wrap::lines(cell, *width, 0, 0)
                } else {
                    vec![cell.to_string()]
                }
            })
            .collect();
        let height = cells.iter().map(Vec::len).max().unwrap_or(1);
        for at in 0..height {
            let mut line = String::new();
            for (i, (cell, width)) in cells.iter().zip(&widths).enumerate() {
                let text = cell.get(at).map_or("", String::as_str);
                if i > 0 {
                    line.push_str(&" ".repeat(gap));
                }
                line.push_str(text);
                line.push_str(&" ".repeat(width.saturating_sub(text.width())));
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
    }
    out
}
