//! A PDF's exact page count (issue 24: "pages (PDF)", "a PDF with 10 000 pages is refused"), read the way a viewer
//! reads it: the catalog (`/Root`) names the page tree (`/Pages`), whose `/Count` is the document's pages; the tree
//! is walked too, and the larger of the two counts, so a tree that lies about its size still counts its leaves.
//!
//! PDF 1.5 and later (LibreOffice, Word, most scanners) keep the catalog and the page tree inside compressed object
//! streams (`/Type /ObjStm`, `/FlateDecode`): these are unpacked with `flate2`, bounded by
//! [`MAX_OBJECT_STREAM_BYTES`] over the whole file, so a stream made to unpack to gigabytes (a deflate bomb) is
//! refused after that many bytes, never expanded. Other streams (page contents, images) are not unpacked: the count
//! does not need them. Objects are found by their `N G obj` headers (not the cross-reference table, often broken in
//! scanned files); a later definition replaces an earlier one, as an incremental update does. A file whose catalog
//! cannot be read is counted as its text shows it: the largest `/Count`, or its `/Type /Page` objects.

use flate2::read::ZlibDecoder;
use std::collections::{HashMap, HashSet};
use std::io::Read;

/// The most the object streams of one PDF may unpack to, all together.
pub const MAX_OBJECT_STREAM_BYTES: usize = 32 * 1024 * 1024;
/// How deep arrays and dictionaries may nest (a hostile `[[[[…` stops here instead of exhausting the stack).
const MAX_DEPTH: usize = 64;
/// The most nodes of a page tree walked (far above any page limit).
const MAX_TREE_NODES: usize = 1_000_000;

/// An object stream unpacked past [`MAX_OBJECT_STREAM_BYTES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bomb;

/// The pages of the PDF `data`, or [`Bomb`].
pub fn pages(data: &[u8]) -> Result<u64, Bomb> {
    let file = PdfFile::read(data)?;
    if let Some(pages) = file.tree_pages() {
        return Ok(pages);
    }
    // No readable catalog: what the text shows, in the file and in its unpacked object streams.
    Ok(file.unpacked.iter().map(|stream| text_pages(&stream.data)).fold(text_pages(data), u64::max))
}

/// The largest `/Count n`, or else the number of `/Type /Page` objects, in raw text.
fn text_pages(text: &[u8]) -> u64 {
    let (mut most_counted, mut page_objects) = (0u64, 0u64);
    for at in 0..text.len() {
        let rest = &text[at..];
        if let Some(after) = rest.strip_prefix(b"/Count") {
            let digits: Vec<u8> = after
                .iter()
                .skip_while(|b| is_white(**b))
                .take_while(|b| b.is_ascii_digit())
                .take(19)
                .copied()
                .collect();
            if let Ok(count) = String::from_utf8_lossy(&digits).parse::<u64>() {
                most_counted = most_counted.max(count);
            }
        } else if let Some(after) = rest.strip_prefix(b"/Type") {
            let after: Vec<u8> = after.iter().skip_while(|b| is_white(**b)).take(6).copied().collect();
            if after.starts_with(b"/Page") && !after.starts_with(b"/Pages") {
                page_objects += 1;
            }
        }
    }
    most_counted.max(page_objects)
}

/// A PDF value, as far as counting pages needs it.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Int(i64),
    Name(Vec<u8>),
    Array(Vec<Value>),
    Dict(Vec<(Vec<u8>, Value)>),
    Ref(u32),
    /// A real, a string, a boolean, null: read and passed over.
    Other,
}

impl Value {
    fn get(&self, key: &[u8]) -> Option<&Value> {
        match self {
            Value::Dict(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    fn is_name(&self, name: &[u8]) -> bool {
        matches!(self, Value::Name(n) if n == name)
    }
}

fn is_white(byte: u8) -> bool {
    matches!(byte, 0 | b'\t' | b'\n' | 0x0c | b'\r' | b' ')
}

fn is_delimiter(byte: u8) -> bool {
    matches!(byte, b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%')
}

fn is_regular(byte: u8) -> bool {
    !is_white(byte) && !is_delimiter(byte)
}

/// Reads values from a piece of a PDF.
struct Lexer<'a> {
    data: &'a [u8],
    at: usize,
}

impl<'a> Lexer<'a> {
    fn new(data: &'a [u8], at: usize) -> Lexer<'a> {
        Lexer { data, at }
    }

    fn peek(&self) -> Option<u8> {
        self.data.get(self.at).copied()
    }

    fn skip_white(&mut self) {
        while let Some(byte) = self.peek() {
            if is_white(byte) {
                self.at += 1;
            } else if byte == b'%' {
                while self.peek().is_some_and(|b| b != b'\n' && b != b'\r') {
                    self.at += 1;
                }
            } else {
                break;
            }
        }
    }

    fn starts_with(&self, text: &[u8]) -> bool {
        self.data.get(self.at..).is_some_and(|rest| rest.starts_with(text))
    }

    /// A run of regular characters (a keyword, a number, a name's body).
    fn word(&mut self) -> &'a [u8] {
        let start = self.at;
        while self.peek().is_some_and(is_regular) {
            self.at += 1;
        }
        &self.data[start..self.at]
    }

    /// A non-negative integer, as an object number or generation is written.
    fn unsigned(&mut self) -> Option<u64> {
        self.skip_white();
        let start = self.at;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
        let digits = std::str::from_utf8(&self.data[start..self.at]).ok()?;
        if digits.is_empty() || self.peek().is_some_and(is_regular) {
            return None;
        }
        digits.parse().ok()
    }

    fn value(&mut self, depth: usize) -> Option<Value> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.skip_white();
        match self.peek()? {
            b'/' => {
                self.at += 1;
                Some(Value::Name(self.word().to_vec()))
            }
            b'<' if self.starts_with(b"<<") => {
                self.at += 2;
                let mut entries = Vec::new();
                loop {
                    self.skip_white();
                    if self.starts_with(b">>") {
                        self.at += 2;
                        return Some(Value::Dict(entries));
                    }
                    let Value::Name(key) = self.value(depth + 1)? else { return None };
                    let value = self.value(depth + 1)?;
                    entries.push((key, value));
                }
            }
            b'<' => {
                let end = self.data[self.at..].iter().position(|b| *b == b'>')?;
                self.at += end + 1;
                Some(Value::Other)
            }
            b'(' => {
                self.literal_string()?;
                Some(Value::Other)
            }
            b'[' => {
                self.at += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_white();
                    if self.peek()? == b']' {
                        self.at += 1;
                        return Some(Value::Array(items));
                    }
                    items.push(self.value(depth + 1)?);
                }
            }
            b'+' | b'-' | b'.' | b'0'..=b'9' => Some(self.number()),
            _ => match self.word() {
                b"true" | b"false" | b"null" => Some(Value::Other),
                _ => None,
            },
        }
    }

    /// `(…)` with nested parentheses and backslash escapes.
    fn literal_string(&mut self) -> Option<()> {
        let mut depth = 0usize;
        loop {
            let byte = self.peek()?;
            self.at += 1;
            match byte {
                b'\\' => self.at += 1,
                b'(' => depth += 1,
                b')' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return Some(());
                    }
                }
                _ => {}
            }
        }
    }

    /// A number, or a reference `N G R`.
    fn number(&mut self) -> Value {
        let word = self.word();
        let Some(int) = std::str::from_utf8(word).ok().and_then(|w| w.parse::<i64>().ok()) else {
            return Value::Other;
        };
        let back = self.at;
        if let (Ok(number), Some(_)) = (u32::try_from(int), self.unsigned()) {
            self.skip_white();
            if self.peek() == Some(b'R') && self.data.get(self.at + 1).is_none_or(|b| !is_regular(*b)) {
                self.at += 1;
                return Value::Ref(number);
            }
        }
        self.at = back;
        Value::Int(int)
    }
}

/// Where an object's latest definition lies: the file order decides which of two wins.
#[derive(Debug, Clone, Copy)]
enum Place {
    /// At this offset of the file (after `obj`).
    Raw(usize),
    /// In the unpacked object stream of this index, at this offset.
    Packed(usize, usize),
}

/// An unpacked object stream.
struct Unpacked {
    data: Vec<u8>,
}

/// The objects of a PDF, found by their headers and in their object streams.
struct PdfFile<'a> {
    data: &'a [u8],
    /// Object number → (where it is defined in file order, where to read it).
    objects: HashMap<u32, (usize, Place)>,
    unpacked: Vec<Unpacked>,
    /// The last `/Root` a trailer or a cross-reference stream names.
    root: Option<u32>,
    /// The last catalog object seen (when no trailer names one).
    catalog: Option<u32>,
}

impl<'a> PdfFile<'a> {
    fn read(data: &'a [u8]) -> Result<PdfFile<'a>, Bomb> {
        let mut file = PdfFile { data, objects: HashMap::new(), unpacked: Vec::new(), root: None, catalog: None };
        let mut budget = MAX_OBJECT_STREAM_BYTES;
        let mut at = 0;
        while at < data.len() {
            if data[at..].starts_with(b"trailer") {
                let mut lexer = Lexer::new(data, at + 7);
                if let Some(Value::Ref(root)) = lexer.value(0).as_ref().and_then(|t| t.get(b"Root")) {
                    file.root = Some(*root);
                }
                at += 7;
                continue;
            }
            let Some((number, body)) = object_header(data, at) else {
                at += 1;
                continue;
            };
            let mut lexer = Lexer::new(data, body);
            let Some(value) = lexer.value(0) else {
                at = body;
                continue;
            };
            file.objects.insert(number, (at, Place::Raw(body)));
            file.note(number, &value);
            lexer.skip_white();
            if lexer.starts_with(b"stream") {
                let (stream, end) = stream_data(data, lexer.at + 6, &value);
                if value.get(b"Type").is_some_and(|t| t.is_name(b"ObjStm")) {
                    file.unpack(at, &value, stream, &mut budget)?;
                }
                at = end;
            } else {
                at = lexer.at;
            }
        }
        Ok(file)
    }

    /// A trailer's `/Root` in a cross-reference stream, a catalog.
    fn note(&mut self, number: u32, value: &Value) {
        if value.get(b"Type").is_some_and(|t| t.is_name(b"XRef"))
            && let Some(Value::Ref(root)) = value.get(b"Root")
        {
            self.root = Some(*root);
        }
        if value.get(b"Type").is_some_and(|t| t.is_name(b"Catalog")) {
            self.catalog = Some(number);
        }
    }

    /// Unpacks an object stream (within what is left of the budget) and records the objects it holds.
    fn unpack(&mut self, position: usize, dict: &Value, stream: &[u8], budget: &mut usize) -> Result<(), Bomb> {
        let filters = match dict.get(b"Filter") {
            None => Vec::new(),
            Some(Value::Name(name)) => vec![name.clone()],
            Some(Value::Array(items)) => {
                items.iter().filter_map(|v| if let Value::Name(n) = v { Some(n.clone()) } else { None }).collect()
            }
            Some(_) => return Ok(()),
        };
        let predictor = dict.get(b"DecodeParms").and_then(|p| p.get(b"Predictor"));
        let data = match filters.as_slice() {
            [] => stream.to_vec(),
            [flate] if flate == b"FlateDecode" && predictor.is_none_or(|p| *p == Value::Int(1)) => {
                let mut out = Vec::new();
                let limit = u64::try_from(*budget).unwrap_or(u64::MAX).saturating_add(1);
                // A broken stream keeps what was unpacked before the fault (as viewers do).
                let _ = ZlibDecoder::new(stream).take(limit).read_to_end(&mut out);
                if out.len() > *budget {
                    return Err(Bomb);
                }
                out
            }
            // A filter the count does not need to read (LZW, a predictor): the objects inside stay unknown.
            _ => return Ok(()),
        };
        *budget -= data.len().min(*budget);
        let (Some(Value::Int(count)), Some(Value::Int(first))) = (dict.get(b"N"), dict.get(b"First")) else {
            return Ok(());
        };
        let (Ok(count), Ok(first)) = (usize::try_from(*count), usize::try_from(*first)) else { return Ok(()) };
        let index = self.unpacked.len();
        let mut lexer = Lexer::new(&data, 0);
        let mut found = Vec::new();
        for _ in 0..count.min(data.len()) {
            let (Some(number), Some(offset)) = (lexer.unsigned(), lexer.unsigned()) else { break };
            let (Ok(number), Ok(offset)) = (u32::try_from(number), usize::try_from(offset)) else { break };
            found.push((number, first.saturating_add(offset)));
        }
        for (number, offset) in found {
            let later = self.objects.get(&number).is_none_or(|(before, _)| *before <= position);
            if later {
                self.objects.insert(number, (position, Place::Packed(index, offset)));
                if let Some(value) = Lexer::new(&data, offset).value(0) {
                    self.note(number, &value);
                }
            }
        }
        self.unpacked.push(Unpacked { data });
        Ok(())
    }

    /// The value of object `number`.
    fn object(&self, number: u32) -> Option<Value> {
        match self.objects.get(&number)?.1 {
            Place::Raw(at) => Lexer::new(self.data, at).value(0),
            Place::Packed(index, at) => Lexer::new(&self.unpacked.get(index)?.data, at).value(0),
        }
    }

    /// A value, through its reference if it is one.
    fn resolve(&self, value: &Value) -> Option<Value> {
        match value {
            Value::Ref(number) => self.object(*number),
            other => Some(other.clone()),
        }
    }

    /// The pages of the catalog's page tree: its `/Count`, or the leaves walked when they are more.
    fn tree_pages(&self) -> Option<u64> {
        let catalog = self.object(self.root.or(self.catalog)?)?;
        let Value::Ref(top) = catalog.get(b"Pages")? else { return None };
        let counted = match self.resolve(self.object(*top)?.get(b"Count")?)? {
            Value::Int(count) => u64::try_from(count).ok()?,
            _ => return None,
        };
        let (mut leaves, mut seen, mut waiting) = (0u64, HashSet::new(), vec![*top]);
        while let Some(node) = waiting.pop() {
            if !seen.insert(node) || seen.len() > MAX_TREE_NODES {
                continue;
            }
            let Some(value) = self.object(node) else { continue };
            match value.get(b"Kids").and_then(|kids| self.resolve(kids)) {
                Some(Value::Array(kids)) if !value.get(b"Type").is_some_and(|t| t.is_name(b"Page")) => {
                    waiting.extend(kids.iter().filter_map(|kid| if let Value::Ref(n) = kid { Some(*n) } else { None }));
                }
                _ => leaves += 1,
            }
        }
        Some(counted.max(leaves))
    }
}

/// `N G obj` starting at `at`: the object's number and where its value begins.
fn object_header(data: &[u8], at: usize) -> Option<(u32, usize)> {
    if !data.get(at)?.is_ascii_digit() || at.checked_sub(1).is_some_and(|before| is_regular(data[before])) {
        return None;
    }
    let mut lexer = Lexer::new(data, at);
    let number = u32::try_from(lexer.unsigned()?).ok()?;
    lexer.unsigned()?;
    lexer.skip_white();
    if !lexer.starts_with(b"obj") || data.get(lexer.at + 3).is_some_and(|b| is_regular(*b)) {
        return None;
    }
    Some((number, lexer.at + 3))
}

/// A stream's bytes (from just after `stream`) and where reading goes on: its direct `/Length` when `endstream`
/// follows it, else up to the next `endstream`.
fn stream_data<'a>(data: &'a [u8], after_keyword: usize, dict: &Value) -> (&'a [u8], usize) {
    let mut start = after_keyword;
    if data.get(start) == Some(&b'\r') {
        start += 1;
    }
    if data.get(start) == Some(&b'\n') {
        start += 1;
    }
    let start = start.min(data.len());
    if let Some(Value::Int(length)) = dict.get(b"Length")
        && let Ok(length) = usize::try_from(*length)
        && let Some(end) = start.checked_add(length).filter(|end| *end <= data.len())
    {
        let mut lexer = Lexer::new(data, end);
        lexer.skip_white();
        if lexer.starts_with(b"endstream") {
            return (&data[start..end], lexer.at + 9);
        }
    }
    let rest = &data[start..];
    match rest.windows(9).position(|w| w == b"endstream") {
        Some(found) => (&rest[..found], start + found + 9),
        None => (rest, data.len()),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "test code: a failed unwrap is a failed test")]
    use super::*;

    #[test]
    fn a_plain_page_tree_counts_its_count() {
        let pdf = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n\
            2 0 obj\n<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>\nendobj\n\
            3 0 obj\n<< /Type /Page /Parent 2 0 R >>\nendobj\n4 0 obj\n<< /Type /Page /Parent 2 0 R >>\nendobj\n\
            trailer\n<< /Root 1 0 R /Size 5 >>\n%%EOF\n";
        assert_eq!(pages(pdf), Ok(2));
    }

    #[test]
    fn a_tree_that_says_fewer_pages_than_it_holds_counts_its_leaves() {
        let pdf = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n\
            2 0 obj\n<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 1 >>\nendobj\n\
            3 0 obj\n<< /Type /Page >>\nendobj\n4 0 obj\n<< /Type /Page >>\nendobj\n5 0 obj\n<< /Type /Page >>\nendobj\n\
            trailer\n<< /Root 1 0 R >>\n";
        assert_eq!(pages(pdf), Ok(3));
    }

    #[test]
    fn a_nested_array_does_not_exhaust_the_stack() {
        let mut pdf = b"%PDF-1.4\n1 0 obj\n".to_vec();
        pdf.extend(std::iter::repeat_n(b'[', 100_000));
        assert_eq!(pages(&pdf), Ok(0));
    }
}
