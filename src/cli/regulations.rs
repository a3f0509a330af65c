//! `thamdinh regulations check DIR`: a regulation folder validated without creating a round — every problem
//! found at once, or a summary to hold against the text.

use super::output;
use crate::messages::{CliError, CliRefusal, Lang, data_error};
use std::path::Path;

/// Checks the folder `dir` (one regulation: its `regulation.toml` at the top); prints its summary, or each
/// problem on standard error and refuses.
pub fn check(dir: &Path, lang: Lang) -> Result<(), CliError> {
    let folder = dir.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
    let files = crate::store::catalog::read_folder(dir);
    if files.is_empty() {
        return Err(CliRefusal::RegulationProblems { folder: dir.display().to_string(), count: 0 }.into());
    }
    match crate::domain::check::check_folder(&folder, &files) {
        Ok(regulation) => {
            output::print(&crate::messages::regulation::summary(&regulation, lang))?;
            Ok(())
        }
        Err(problems) => {
            for problem in &problems {
                output::error(&data_error(problem, lang));
            }
            Err(CliRefusal::RegulationProblems { folder: dir.display().to_string(), count: problems.len() }.into())
        }
    }
}
