//! Errors of the domain: a regulation's data files that do not hold together.

/// A data file of a regulation is wrong; names the file, the line and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DataError {
    #[error("{file}:{line}: {message}")]
    Invalid { file: String, line: usize, message: String },
    #[error("{file}: missing: {message}")]
    Missing { file: String, message: String },
}

impl DataError {
    pub fn at(file: &str, line: usize, message: impl Into<String>) -> Self {
        DataError::Invalid { file: file.to_string(), line, message: message.into() }
    }
}

/// The 1-based line of a byte offset in a text.
pub fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes().iter().take(offset).filter(|&&b| b == b'\n').count() + 1
}
