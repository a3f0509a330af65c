//! `thamdinh regulations`: the regulations a round can start with, each with its title; `regulations show ID`:
//! one regulation's frameworks as a tree of codes and points, and which blocs or groups use each; `regulations
//! check DIR`: a regulation folder validated without creating a round (every problem at once, or a summary).

use super::output;
use crate::domain::loader::load_regulation;
use crate::domain::regulation::Regulation;
use crate::messages::Lang;
use crate::messages::cli::CliError;
use crate::messages::regulations as say;
use crate::store::StoreError;
use crate::store::catalog;
use std::fmt::Write as _;

/// Loads a regulation by id from the built-in data (or `THAMDINH_DATA_DIR`).
fn regulation(id: &str) -> Result<Regulation, CliError> {
    let files = catalog::files(id)
        .ok_or_else(|| StoreError::UnknownRegulation { id: id.to_string(), available: catalog::available() })?;
    Ok(load_regulation(id, &files).map_err(StoreError::from)?)
}

/// Every regulation's id and title, one a line.
pub fn list(lang: Lang) -> Result<(), CliError> {
    let mut out = String::new();
    let ids = catalog::available();
    let width = ids.iter().map(|id| id.chars().count()).max().unwrap_or(0);
    for id in &ids {
        let title = regulation(id).map(|r| r.title).unwrap_or_default();
        let _ = writeln!(out, "{id:<width$}  {title}");
    }
    let _ = writeln!(out, "{}", say::show_hint(lang));
    output::print(&out)?;
    Ok(())
}

/// One regulation's frameworks: who uses each, then every content, criterion and component with its points.
pub fn show(id: &str, lang: Lang) -> Result<(), CliError> {
    let regulation = regulation(id)?;
    let mut out = String::new();
    let _ = writeln!(out, "{} — {}", regulation.id, regulation.title);
    for (index, framework) in regulation.frameworks.iter().enumerate() {
        let blocs: Vec<String> = regulation
            .blocs
            .iter()
            .filter(|bloc| bloc.framework == Some(index))
            .map(|bloc| format!("{} ({})", bloc.name, bloc.code))
            .chain(
                regulation
                    .groups
                    .iter()
                    .filter(|group| group.framework == index)
                    .map(|group| format!("{} ({})", group.name, group.code)),
            )
            .collect();
        let _ = writeln!(out);
        let _ = writeln!(out, "{}", say::framework_heading(lang, &framework.title, &framework.source, &blocs));
        for content in &framework.contents {
            let _ = writeln!(out, "  {} {} — {}", content.code, content.name, say::points(lang, content.max));
            for criterion in &content.criteria {
                let leaders = if criterion.scored_by_leaders {
                    say::scored_by_leaders(lang, regulation.leaders_name.as_deref())
                } else {
                    String::new()
                };
                let points = say::points(lang, criterion.max);
                let _ = writeln!(out, "    {} {} — {points}{leaders}", criterion.code, criterion.name);
                if criterion.is_leaf {
                    continue;
                }
                for row in criterion.tree() {
                    let points = say::points(lang, row.max);
                    let indent = "  ".repeat(row.depth + 2);
                    let _ = writeln!(out, "{indent}{} {} — {points}", row.code, row.name);
                }
            }
        }
    }
    let escaped: Vec<String> = out.lines().map(|line| crate::domain::text::escape_line(line).into_owned()).collect();
    output::print(&(escaped.join("\n") + "\n"))?;
    Ok(())
}

/// `regulations check DIR`: checks the folder `dir` (one regulation: its `regulation.toml` at the top); prints
/// its summary, or each problem on standard error and refuses.
pub fn check(dir: &std::path::Path, lang: Lang) -> Result<(), CliError> {
    use crate::messages::{CliRefusal, data_error};
    // `.` or `..` names no folder: the folder's own name is the regulation's id.
    let named = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let folder = named.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
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
