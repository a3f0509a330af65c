//! The round's settings of the council's papers (issue 25, "the round's settings"): for each kind of paper its
//! document number, its signer's full name and its date of issue. A paper prints what is set and keeps dotted
//! lines for what is not. The secretary, the chairman or the service account sets them; audited, one transaction.

use super::Store;
use super::audit::Change;
use super::dates::parse_date;
use super::error::{Result, StoreError};
use super::papers::PaperRefusal;
use super::state::row_state;
use crate::domain::permissions::CouncilWrite;
use crate::domain::validate::{TextKind, check};
use crate::store::{AuditAction, Refused};
use rusqlite::{OptionalExtension, params};

/// The papers that carry a number and a signature (the publication page carries neither).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PaperSlot {
    /// *Báo cáo kết quả thẩm định*.
    Report,
    /// *Tờ trình*.
    Proposal,
    /// *Quyết định công nhận kết quả*.
    Decision,
    /// *Biên bản họp Hội đồng*.
    Minutes,
    /// *Thông báo kết quả* (one number for the notices to the units).
    Notice,
}

impl PaperSlot {
    /// Every numbered paper, in the desk's order.
    pub const ALL: [PaperSlot; 5] =
        [PaperSlot::Report, PaperSlot::Proposal, PaperSlot::Decision, PaperSlot::Minutes, PaperSlot::Notice];

    /// The stored text and the command line's `--kind` value.
    pub fn slug(self) -> &'static str {
        match self {
            PaperSlot::Report => "report",
            PaperSlot::Proposal => "proposal",
            PaperSlot::Decision => "decision",
            PaperSlot::Minutes => "minutes",
            PaperSlot::Notice => "notice",
        }
    }

    /// The paper a `--kind` value (or a stored text) names; None for any other word.
    pub fn from_slug(slug: &str) -> Option<PaperSlot> {
        PaperSlot::ALL.into_iter().find(|slot| slot.slug() == slug.trim())
    }
}

/// What is set for one kind of paper; None prints dotted lines.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PaperNumbering {
    /// The number before the type and the body (`125` of `125/BC-HĐTĐ`).
    pub number: Option<String>,
    /// The signer's full name, under the signature.
    pub signer: Option<String>,
    /// The date of issue (`2026-12-05`), in the place-and-date line.
    pub issued_on: Option<String>,
}

impl PaperNumbering {
    /// Nothing is set: the paper prints dotted lines for number, signer and date.
    pub fn is_empty(&self) -> bool {
        self.number.is_none() && self.signer.is_none() && self.issued_on.is_none()
    }
}

/// A change asked for one value: keep it, clear it (`-`), or set it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingChange {
    /// Leave the value as it is (nothing typed).
    Keep,
    /// Remove the value (`-` typed): the paper prints dotted lines again.
    Clear,
    /// Set the value to this text, once checked.
    Set(String),
}

impl SettingChange {
    /// What a person typed: nothing keeps, `-` clears (the marker of the CSV files), anything else sets.
    pub fn from_typed(text: Option<&str>) -> SettingChange {
        match text.map(str::trim) {
            None | Some("") => SettingChange::Keep,
            Some("-") => SettingChange::Clear,
            Some(text) => SettingChange::Set(text.to_string()),
        }
    }
}

/// The longest document number, in characters (`125`, `12a`, `1234/2026` are far below).
pub const NUMBER_LIMIT: usize = 20;

impl Store {
    /// What is set for one kind of paper.
    pub fn paper_numbering(&self, slot: PaperSlot) -> Result<PaperNumbering> {
        Ok(self
            .conn
            .query_row("SELECT number, signer, issued_on FROM paper_setting WHERE kind = ?1", [slot.slug()], |row| {
                Ok(PaperNumbering { number: row.get(0)?, signer: row.get(1)?, issued_on: row.get(2)? })
            })
            .optional()?
            .unwrap_or_default())
    }

    /// Every kind of paper with what is set for it, in `PaperSlot::ALL` order.
    pub fn paper_numberings(&self) -> Result<Vec<(PaperSlot, PaperNumbering)>> {
        PaperSlot::ALL.into_iter().map(|slot| Ok((slot, self.paper_numbering(slot)?))).collect()
    }

    /// Sets (or clears) a paper's number, signer and date of issue; what is `Keep` stays. The secretary, the
    /// chairman or the service account; every value that changes is one audit row, in one transaction.
    pub fn set_paper_numbering(
        &mut self,
        slot: PaperSlot,
        number: SettingChange,
        signer: SettingChange,
        issued_on: SettingChange,
    ) -> Result<PaperNumbering> {
        self.permit(CouncilWrite::PaperSettings)?;
        if [&number, &signer, &issued_on].iter().all(|change| **change == SettingChange::Keep) {
            return Err(Refused::Paper(PaperRefusal::NoPaperSetting).into());
        }
        let number = match number {
            SettingChange::Set(text) => SettingChange::Set(clean_number(&text)?),
            other => other,
        };
        let signer = match signer {
            SettingChange::Set(text) => SettingChange::Set(
                check(TextKind::Name, &text)
                    .map_err(|why| StoreError::from(Refused::Paper(PaperRefusal::SignerNotValid { why })))?,
            ),
            other => other,
        };
        let issued_on = match issued_on {
            SettingChange::Set(text) => SettingChange::Set(parse_date(&text).ok_or_else(|| {
                StoreError::from(Refused::Paper(PaperRefusal::IssuedNotADate { value: text.clone() }))
            })?),
            other => other,
        };
        let old = self.paper_numbering(slot)?;
        let apply = |change: SettingChange, old: &Option<String>| match change {
            SettingChange::Keep => old.clone(),
            SettingChange::Clear => None,
            SettingChange::Set(text) => Some(text),
        };
        let new = PaperNumbering {
            number: apply(number, &old.number),
            signer: apply(signer, &old.signer),
            issued_on: apply(issued_on, &old.issued_on),
        };
        if new == old {
            return Ok(new);
        }
        let tx = self.write_transaction()?;
        let state = tx.query_row(
            "INSERT INTO paper_setting (kind, number, signer, issued_on) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (kind) DO UPDATE SET number = excluded.number, signer = excluded.signer,
                issued_on = excluded.issued_on
             RETURNING *",
            params![slot.slug(), new.number, new.signer, new.issued_on],
            |row| row_state("paper_setting", row),
        )?;
        let mut changes = Vec::new();
        for (part, before, after) in [
            ("number", &old.number, &new.number),
            ("signer", &old.signer, &new.signer),
            ("issued_on", &old.issued_on, &new.issued_on),
        ] {
            if before != after {
                // `paper:report:signer`: the catalog names the paper and the part (`messages::field_name`).
                let field = format!("paper:{}:{part}", slot.slug());
                let detail = format!("{field} {} → {}", shown(before.as_ref()), shown(after.as_ref()));
                let change = Change::new(AuditAction::RoundSettings, detail);
                changes.push(change.value(&field, before.clone(), after.clone()));
            }
        }
        let mut trail = self.audit_trail(&tx)?;
        let last = changes.len().saturating_sub(1);
        for (n, change) in changes.into_iter().enumerate() {
            trail.record(&tx, if n == last { change.state(state.clone()) } else { change })?;
        }
        tx.commit()?;
        Ok(new)
    }
}

/// A document number as the paper prints it before `/BC-HĐTĐ`: one short line, no `/` (the paper adds the
/// type and the body itself).
fn clean_number(text: &str) -> Result<String> {
    let refused = |why| StoreError::from(Refused::Paper(PaperRefusal::NumberNotValid { value: text.to_string(), why }));
    let clean = check(TextKind::Code, text).map_err(|why| refused(NumberFault::Text(why)))?;
    if clean.chars().count() > NUMBER_LIMIT {
        return Err(refused(NumberFault::TooLong { limit: NUMBER_LIMIT }));
    }
    if clean.contains(['/', '-']) || clean.chars().any(char::is_whitespace) {
        return Err(refused(NumberFault::HasSeparator));
    }
    Ok(clean)
}

/// Why a document number was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberFault {
    /// Not acceptable as text at all (a control character, several lines …).
    Text(crate::domain::validate::TextRefusal),
    /// Longer than a document number can be.
    TooLong {
        /// The most characters a number may have.
        limit: usize,
    },
    /// `125/BC-HĐTĐ` typed whole: only `125` is asked, the paper writes the rest.
    HasSeparator,
}

fn shown(value: Option<&String>) -> &str {
    value.map_or("—", String::as_str)
}
