//! `export report|proposal|decision|minutes|notice|publication`: the council's papers from the command line.

use super::{CliError, ExportCommand, PaperOut, existing, output};
use crate::messages::{Lang, papers as say};
use crate::papers::{PaperKind, Written};
use crate::store::papers::PaperRefusal;
use crate::store::{Refused, Store, StoreError};

fn print(written: &Written, lang: Lang) -> std::io::Result<()> {
    let e = &written.exported;
    output::line(say::written(lang, &e.path, written.draft, &e.content_hash, e.audit_head.as_deref()))
}

fn one(store: &Store, kind: &PaperKind, out: &PaperOut, lang: Lang) -> Result<(), CliError> {
    print(&crate::papers::export_paper(store, kind, &out.out, existing(out.force))?, lang)?;
    Ok(())
}

/// Writes the paper asked for and says where.
pub(super) fn export(store: &Store, what: ExportCommand, lang: Lang) -> Result<(), CliError> {
    match what {
        ExportCommand::Report(out) => one(store, &PaperKind::Report, &out, lang),
        ExportCommand::Proposal(out) => one(store, &PaperKind::Proposal, &out, lang),
        ExportCommand::Decision(out) => one(store, &PaperKind::Decision, &out, lang),
        ExportCommand::Minutes(out) => one(store, &PaperKind::Minutes, &out, lang),
        ExportCommand::Notice { unit: Some(unit), all: false, out } => {
            one(store, &PaperKind::Notice { unit: unit.into() }, &out, lang)
        }
        ExportCommand::Notice { unit: None, all: true, out } => {
            let written = crate::papers::export_notices(store, &out.out, existing(out.force))?;
            for paper in &written {
                print(paper, lang)?;
            }
            output::line(say::notices_written(lang, &out.out, written.len()))?;
            Ok(())
        }
        ExportCommand::Notice { .. } => Err(StoreError::from(Refused::Paper(PaperRefusal::NoticeOfWhom)).into()),
        ExportCommand::Publication(out) => {
            let done = crate::papers::publication::export_publication(store, &out.out, existing(out.force))?;
            output::line(say::written(lang, &done.path, false, &done.content_hash, done.audit_head.as_deref()))?;
            Ok(())
        }
        ExportCommand::Sheet { .. } | ExportCommand::Ranking { .. } | ExportCommand::Verify { .. } => Ok(()),
    }
}
