//! The council's papers as .docx (report, proposal, draft decision, minutes, notices to units) laid out per Nghị
//! định 30/2020/NĐ-CP or, for a Party body, Hướng dẫn 36-HD/VPTW; the published result as one HTML page. Each
//! ends with the same check as the workbooks (content SHA-256 and audit head), and `export verify` reads it back.

mod documents;
mod letterhead;
pub mod paper;
pub mod publication;
pub mod read;
pub mod settings;

use crate::domain::code::BlocCode;
use crate::domain::evaluate::{BlocResult, Round, evaluate_round};
use crate::domain::permissions::CouncilWrite;
use crate::domain::ranking::RankedUnit;
use crate::domain::reasons::unit_reasons;
use crate::domain::regulation::Regulation;
use crate::sheet::layout::{AUDIT_MARKER, CHECK_MARKER};
use crate::sheet::{Existing, Exported};
use crate::store::clock;
use crate::store::paper_settings::{PaperNumbering, PaperSlot};
use crate::store::papers::PaperRefusal;
use crate::store::{DocumentCounts, Refused, Store, StoreError};
use paper::Paper;
use rust_decimal::Decimal;
use settings::PaperSettings;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The papers `export` writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PaperKind {
    /// *Báo cáo kết quả thẩm định* (Điều 9.2.c).
    Report,
    /// *Tờ trình* to the Chairman of the People's Committee (Điều 10.2.b).
    Proposal,
    /// *Dự thảo Quyết định công nhận kết quả* with its appendix.
    Decision,
    /// *Biên bản họp Hội đồng thẩm định*.
    Minutes,
    /// *Thông báo kết quả* to one unit.
    Notice {
        /// The unit's code.
        unit: crate::domain::code::UnitCode,
    },
}

impl PaperKind {
    /// How the check block names the paper, so `export verify --db` makes the same one again.
    pub fn slug(&self) -> String {
        match self {
            PaperKind::Report => "report".into(),
            PaperKind::Proposal => "proposal".into(),
            PaperKind::Decision => "decision".into(),
            PaperKind::Minutes => "minutes".into(),
            PaperKind::Notice { unit } => format!("notice {unit}"),
        }
    }

    fn from_slug(slug: &str) -> Option<PaperKind> {
        match slug.split_once(' ') {
            Some(("notice", unit)) => Some(PaperKind::Notice { unit: unit.into() }),
            _ => match slug {
                "report" => Some(PaperKind::Report),
                "proposal" => Some(PaperKind::Proposal),
                "decision" => Some(PaperKind::Decision),
                "minutes" => Some(PaperKind::Minutes),
                _ => None,
            },
        }
    }
}

/// The line of the check block that names the paper.
pub const KIND_MARKER: &str = "Văn bản: ";

/// Everything a paper reads: the settings, the round evaluated, the approvals.
pub struct Context<'a> {
    /// The round's store, read as its actor may read it.
    pub store: &'a Store,
    /// The round's `papers.toml`: layout, letterhead, signers.
    pub settings: PaperSettings,
    /// The round's regulation.
    pub regulation: &'a Regulation,
    /// The round's year.
    pub year: i32,
    /// The round as stored.
    pub round: Round,
    /// Each bloc's ranking, evaluated now (an approved bloc's papers print its published result).
    pub results: Vec<BlocResult>,
    /// Approved blocs and when (Vietnam's time).
    pub approved: BTreeMap<crate::domain::code::BlocCode, jiff::ZonedDateTime>,
    /// How many evidence documents each unit filed, per code.
    pub documents: DocumentCounts,
    /// Each paper's number, signer and date of issue as the council set them (`round paper`).
    pub numbering: BTreeMap<PaperSlot, PaperNumbering>,
}

impl<'a> Context<'a> {
    /// Reads what every paper needs from the store and evaluates the round.
    ///
    /// # Errors
    ///
    /// The round has no unit yet, or the store cannot be read.
    pub fn new(store: &'a Store) -> Result<Context<'a>, StoreError> {
        let regulation = store.regulation();
        let round = store.load_round()?;
        let results = evaluate_round(regulation, &round);
        if results.is_empty() {
            return Err(StoreError::from(Refused::NoUnitsYet));
        }
        let approved = store
            .approvals()?
            .into_iter()
            .map(|a| (a.bloc, clock::in_vietnam(&a.approved_at).unwrap_or_else(|| store.clock().now())))
            .collect();
        Ok(Context {
            store,
            settings: settings::of_round(store)?,
            regulation,
            year: store.year(),
            round,
            results,
            approved,
            documents: store.document_counts()?,
            numbering: store.paper_numberings()?.into_iter().collect(),
        })
    }

    /// The unit's name, or its code where the round does not hold it.
    pub fn unit_name(&self, code: &str) -> String {
        self.round.units.iter().find(|u| u.code == code).map(|u| u.name.clone()).unwrap_or_else(|| code.to_string())
    }

    /// What the council set for one kind of paper (nothing set: every part dotted).
    pub fn numbering(&self, slot: PaperSlot) -> &PaperNumbering {
        static UNSET: PaperNumbering = PaperNumbering { number: None, signer: None, issued_on: None };
        self.numbering.get(&slot).unwrap_or(&UNSET)
    }

    /// The bloc's name, or its code where the regulation does not hold it.
    pub fn bloc_name(&self, code: &str) -> String {
        self.regulation.bloc(code).map(|b| b.name.clone()).unwrap_or_else(|| code.to_string())
    }

    /// The chairman has approved the bloc.
    pub fn is_approved(&self, bloc: &BlocCode) -> bool {
        self.approved.contains_key(bloc)
    }

    /// A bloc is still open: a paper showing it is a draft.
    pub fn any_open(&self) -> bool {
        self.results.iter().any(|r| !self.is_approved(&r.bloc))
    }

    /// The level as a paper writes it: *tạm tính* while its bloc is not approved.
    pub fn level_words(&self, bloc: &BlocCode, ranked: &RankedUnit) -> String {
        let words = level_and_exception(self.regulation, ranked);
        if self.is_approved(bloc) { words } else { format!("{words} (tạm tính)") }
    }

    /// Why a unit has its level (the same reasons as `result` and the workbooks).
    pub fn reasons(&self, ranked: &RankedUnit) -> Vec<String> {
        match self.round.units.iter().find(|u| u.code == ranked.unit) {
            Some(unit) => crate::messages::reasons::reasons(
                &self.regulation.level_names,
                &unit_reasons(self.regulation, unit, ranked, |code| self.documents.count(&unit.code, code)),
                crate::messages::Lang::Vi,
            ),
            None => Vec::new(),
        }
    }
}

/// A paper's document number as it prints (`125/BC-HĐTĐ`), for `round show` and the desk.
pub fn document_number(settings: &PaperSettings, slot: PaperSlot, number: &str) -> String {
    let (kind, short) = match slot {
        PaperSlot::Report => ("BC", settings.body_short.as_str()),
        PaperSlot::Proposal => ("TTr", settings.body_short.as_str()),
        PaperSlot::Decision => ("QĐ", settings.decision_short.as_str()),
        PaperSlot::Minutes => ("BB", settings.body_short.as_str()),
        PaperSlot::Notice => ("TB", settings.body_short.as_str()),
    };
    letterhead::number_text(settings.layout, kind, short, Some(number))
}

/// The level's name, marked where the chairman rated the unit excellent beyond the quota (`exceed-quota`).
pub fn level_and_exception(regulation: &Regulation, ranked: &RankedUnit) -> String {
    let words = regulation.outcome_vi(ranked.outcome);
    if ranked.quota_exception { format!("{words} (ngoài tỷ lệ)") } else { words.to_string() }
}

/// `88,75`: two decimals with the decimal comma.
pub fn total_vi(total: Decimal) -> String {
    let mut shown = total.round_dp(2);
    shown.rescale(2);
    shown.to_string().replace('.', ",")
}

/// Builds a paper from the round as it stands.
pub fn build(store: &Store, kind: &PaperKind) -> Result<Paper, StoreError> {
    let context = Context::new(store)?;
    build_in(&context, kind)
}

fn build_in(context: &Context, kind: &PaperKind) -> Result<Paper, StoreError> {
    Ok(match kind {
        PaperKind::Report => documents::report(context)?,
        PaperKind::Proposal => documents::proposal(context),
        PaperKind::Decision => documents::decision(context),
        PaperKind::Minutes => documents::minutes(context)?,
        PaperKind::Notice { unit } => documents::notice(context, unit)?,
    })
}

/// What a paper written says of itself: where, its hash and audit head, whether it is a draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// The file written, its content hash and audit head.
    pub exported: Exported,
    /// Some bloc it shows is not approved: every page says *DỰ THẢO*.
    pub draft: bool,
}

/// Writes one paper (the secretary's, the chairman's or the service account's export).
pub fn export_paper(store: &Store, kind: &PaperKind, out: &Path, existing: Existing) -> Result<Written, StoreError> {
    store.permit(CouncilWrite::Export)?;
    crate::sheet::check_destination(store.path(), out, existing)?;
    let context = Context::new(store)?;
    write_paper(store, &context, kind, out, existing)
}

fn write_paper(
    store: &Store,
    context: &Context,
    kind: &PaperKind,
    out: &Path,
    existing: Existing,
) -> Result<Written, StoreError> {
    let paper = build_in(context, kind)?;
    let content_hash = paper.content_hash();
    let audit_head = store.audit_head()?;
    let head = audit_head.as_deref().unwrap_or("(nhật ký trống)");
    let check = vec![
        format!("{CHECK_MARKER}{content_hash}"),
        format!("{AUDIT_MARKER}{head}"),
        format!("{KIND_MARKER}{}", kind.slug()),
        format!(
            "Xuất bởi thamdinh {} lúc {} (giờ Việt Nam). Đối chiếu: thamdinh export verify --db <tệp dữ liệu> <tệp này>",
            env!("CARGO_PKG_VERSION"),
            clock::shown(&store.clock().now())
        ),
    ];
    let footer = format!("SHA-256 {content_hash} · Nhật ký {head}");
    let bytes = paper::to_docx(&paper, &check, &footer)
        .map_err(|why| crate::sheet::SheetError::workbook(crate::store::FileFault::NotMade { why }).in_file(out))?;
    crate::sheet::check_destination(store.path(), out, existing)?;
    crate::sheet::write_file(&bytes, out, existing)?;
    let exported = Exported { path: out.to_path_buf(), sheets: 1, content_hash, audit_head };
    Ok(Written { exported, draft: paper.draft })
}

/// Writes every unit's notice into a folder (`thong-bao-<code>-<stamp>.docx`, Vietnam's time), one file each.
pub fn export_notices(store: &Store, folder: &Path, existing: Existing) -> Result<Vec<Written>, StoreError> {
    store.permit(CouncilWrite::Export)?;
    if !folder.is_dir() {
        return Err(Refused::Paper(PaperRefusal::NotAFolder { folder: folder.display().to_string() }).into());
    }
    let context = Context::new(store)?;
    let stamp = clock::stamp(&store.clock().now());
    let units: Vec<String> = context.round.units.iter().map(|u| u.code.to_string()).collect();
    let mut written = Vec::new();
    for unit in units {
        let out: PathBuf = folder.join(format!("thong-bao-{unit}-{stamp}.docx"));
        crate::sheet::check_destination(store.path(), &out, existing)?;
        written.push(write_paper(store, &context, &PaperKind::Notice { unit: unit.into() }, &out, existing)?);
    }
    Ok(written)
}

/// What `export verify` found in a paper: its stated hash and audit head, the hash of its text now, and with a
/// database its audit head now and the hash of the same paper made now.
pub fn verify(path: &Path, store: Option<&Store>) -> Result<crate::sheet::Verification, StoreError> {
    let found = read::read_paper(path)?;
    let database = match store {
        None => None,
        Some(store) => {
            let kind = PaperKind::from_slug(&found.kind).ok_or_else(|| {
                StoreError::from(Refused::Paper(PaperRefusal::NotAPaper {
                    file: path.display().to_string(),
                    why: format!("{KIND_MARKER}{}", found.kind),
                }))
            })?;
            Some((store.audit_head()?, build(store, &kind)?.content_hash()))
        }
    };
    Ok(crate::sheet::Verification {
        stated_hash: found.stated_hash,
        stated_audit_head: found.stated_audit_head,
        actual_hash: found.actual_hash,
        database,
    })
}

/// Whether a file is a paper (.docx) rather than a workbook, by its name.
pub fn is_paper(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("docx"))
}
