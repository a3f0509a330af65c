//! Reading a paper back for `export verify`: the paragraphs of `word/document.xml` in order (bounded as the
//! workbooks are: the package is checked before it is unpacked), the check block, and the content hash.

use super::KIND_MARKER;
use super::paper::canonical;
use crate::sheet::layout::{AUDIT_MARKER, CHECK_MARKER};
use crate::store::papers::PaperRefusal;
use crate::store::{Refused, StoreError};
use quick_xml::events::Event;
use std::io::Read;
use std::path::Path;

/// What a paper's file says of itself, and the hash of its text now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundPaper {
    /// The content hash the paper's check block states.
    pub stated_hash: String,
    /// The audit head it states; None where it states an empty log.
    pub stated_audit_head: Option<String>,
    /// The paper's kind as its check block names it (`report`, `notice stc`).
    pub kind: String,
    /// The hash of the paper's text as it is now.
    pub actual_hash: String,
}

fn not_a_paper(path: &Path, why: &dyn std::fmt::Display) -> StoreError {
    StoreError::from(Refused::Paper(PaperRefusal::NotAPaper { file: path.display().to_string(), why: why.to_string() }))
}

/// The text of every paragraph of the document's body, in order (table cells row by row).
pub fn paragraphs(xml: &str) -> Result<Vec<String>, String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let (mut all, mut current, mut in_text) = (Vec::new(), String::new(), false);
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(tag) if tag.name().as_ref() == "w:p" => current.clear(),
            Event::Start(tag) if tag.name().as_ref() == "w:t" => in_text = true,
            Event::End(tag) if tag.name().as_ref() == "w:t" => in_text = false,
            Event::End(tag) if tag.name().as_ref() == "w:p" => all.push(std::mem::take(&mut current)),
            Event::Empty(tag) if tag.name().as_ref() == "w:p" => all.push(String::new()),
            Event::Text(text) if in_text => current.push_str(&text.xml10_content()),
            Event::GeneralRef(name) if in_text => {
                let name = AsRef::<str>::as_ref(&name).to_string();
                let resolved = match name.as_str() {
                    "amp" => "&".to_string(),
                    "lt" => "<".to_string(),
                    "gt" => ">".to_string(),
                    "quot" => "\"".to_string(),
                    "apos" => "'".to_string(),
                    other => char_ref(other).ok_or_else(|| format!("&{other};"))?.to_string(),
                };
                current.push_str(&resolved);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(all)
}

fn char_ref(name: &str) -> Option<char> {
    let code = name
        .strip_prefix("#x")
        .map(|hex| u32::from_str_radix(hex, 16))
        .or_else(|| name.strip_prefix('#').map(str::parse))?;
    char::from_u32(code.ok()?)
}

/// Reads a paper: its check block and the hash of the paragraphs above it.
pub fn read_paper(path: &Path) -> Result<FoundPaper, StoreError> {
    crate::sheet::read::check_package(path).map_err(|e| e.in_file(path))?;
    let file = std::fs::File::open(path).map_err(|e| not_a_paper(path, &e))?;
    let mut archive = zip::ZipArchive::new(std::io::BufReader::new(file)).map_err(|e| not_a_paper(path, &e))?;
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .map_err(|e| not_a_paper(path, &e))?
        .read_to_string(&mut xml)
        .map_err(|e| not_a_paper(path, &e))?;
    let paragraphs = paragraphs(&xml).map_err(|e| not_a_paper(path, &e))?;
    let at = paragraphs
        .iter()
        .position(|p| p.starts_with(CHECK_MARKER))
        .ok_or_else(|| not_a_paper(path, &CHECK_MARKER.trim()))?;
    let after =
        |marker: &str| paragraphs[at..].iter().find_map(|p| p.strip_prefix(marker)).map(|s| s.trim().to_string());
    let stated_hash = after(CHECK_MARKER).unwrap_or_default();
    let stated_audit_head = after(AUDIT_MARKER).filter(|h| h.len() == 64 && h.chars().all(|c| c.is_ascii_hexdigit()));
    let kind = after(KIND_MARKER).unwrap_or_default();
    let actual_hash = crate::sheet::model::sha256_hex(&canonical(paragraphs[..at].iter().cloned()));
    Ok(FoundPaper { stated_hash, stated_audit_head, kind, actual_hash })
}
