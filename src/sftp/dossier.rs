//! A unit's dossier as one zip: every current document and its signed sheet, under `TIÊU-CHÍ/TÊN`, with a
//! manifest (`danh-muc.csv`: document, criterion, SHA-256, size, type) the secretary files with it.

use crate::domain::code::UnitCode;
use crate::store::Store;
use crate::store::files::{self, DocumentFile};
use std::fmt::Write as _;
use std::io::Write;
use std::path::PathBuf;
use zip::write::SimpleFileOptions;

/// Writes `unit`'s dossier to a new file among the uploads under way (the caller removes it).
pub fn build(store: &Store, unit: &UnitCode) -> Result<PathBuf, Box<dyn std::error::Error>> {
    let documents: Vec<DocumentFile> =
        store.document_files(unit)?.into_iter().filter(|d| d.replaced_by.is_none()).collect();
    let dir = files::uploads_dir(store.path());
    files::private_dir(&dir)?;
    let path = dir.join(format!("ho-so-{unit}-{}.zip", std::process::id()));
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path)?);
    // The documents are PDFs and images, already compressed: stored as they are, the zip is their bytes.
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut manifest = String::from("tai_lieu,tieu_chi,sha256,kich_thuoc,loai\n");
    for document in &documents {
        zip.start_file(format!("{}/{}", document.folder, document.name), options)?;
        let mut stored = std::fs::File::open(store.stored_file(document))?;
        std::io::copy(&mut stored, &mut zip)?;
        let (name, folder) = (csv_field(&document.name), csv_field(&document.folder));
        writeln!(manifest, "{name},{folder},{},{},{}", document.sha256, document.size, document.kind)?;
    }
    zip.start_file("danh-muc.csv", options)?;
    zip.write_all(manifest.as_bytes())?;
    zip.finish()?;
    Ok(path)
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n']) { format!("\"{}\"", text.replace('"', "\"\"")) } else { text.to_string() }
}
