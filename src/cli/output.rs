//! Everything the command line prints goes through here: control characters escaped (`domain::text`), so a unit
//! name or an audit row can never drive the terminal, and a closed pipe (`thamdinh rank | head -1`) ends the
//! command quietly instead of panicking. A write error comes back as `StoreError::Terminal`; `run` treats a broken
//! pipe as success.

use crate::domain::text::{escape_json, escape_text};
use std::io::{self, Write};

/// Writes text to standard output as it is meant to be read: lines kept, every other control character escaped.
pub fn print(text: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(escape_text(text).as_bytes())?;
    out.flush()
}

/// Writes one line (or several, joined by newlines in `text`) and its newline.
pub fn line(text: impl AsRef<str>) -> io::Result<()> {
    let mut out = io::stdout().lock();
    writeln!(out, "{}", escape_text(text.as_ref()))?;
    out.flush()
}

/// Writes a JSON document and a newline; the controls `serde_json` leaves raw are written as `\u` escapes.
pub fn json(document: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    writeln!(out, "{}", escape_json(document))?;
    out.flush()
}

/// An error message for standard error, escaped like the rest (a closed stderr is ignored).
pub fn error(message: &str) {
    let mut err = io::stderr().lock();
    let _ = writeln!(err, "thamdinh: {}", escape_text(message));
}

/// Whether an error is only the reader of our output going away (`| head`), which is not a failure.
pub fn is_closed_pipe(error: &io::Error) -> bool {
    error.kind() == io::ErrorKind::BrokenPipe
}
