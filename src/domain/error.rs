//! Errors of the domain: a regulation's data files that do not hold together.

/// A data file of a regulation is wrong; names the file, the line and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DataError {
    /// A value in the file is wrong at this line.
    #[error("{file}:{line}: {message}")]
    Invalid {
        /// The data file, relative to the data folder (`thai-nguyen-2024/regulation.toml`).
        file: String,
        /// The line, from 1.
        line: usize,
        /// What is wrong, for whoever writes the data.
        message: String,
    },
    /// The file, or something it must hold, is missing.
    #[error("{file}: missing: {message}")]
    Missing {
        /// The data file (or folder) expected.
        file: String,
        /// What is missing.
        message: String,
    },
}

impl DataError {
    /// A problem at this line of this data file.
    pub fn at(file: &str, line: usize, message: impl Into<String>) -> Self {
        DataError::Invalid { file: file.to_string(), line, message: message.into() }
    }
}

/// The 1-based line of a byte offset in a text.
pub fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes().iter().take(offset).filter(|&&b| b == b'\n').count() + 1
}
