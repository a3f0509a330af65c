//! Who issues the council's papers and how they are laid out: the regulation's `papers.toml` (the copy stored in
//! the round's database at `init`; a round made before the file existed takes the program's copy of the same
//! regulation, else plain defaults with dotted lines).

use crate::store::papers::PaperRefusal;
use crate::store::{Refused, Store, StoreError};
use serde::Deserialize;

/// Nghị định 30/2020/NĐ-CP (a state body) or Hướng dẫn 36-HD/VPTW (a Party body).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Layout {
    /// A state body's paper (Nghị định 30/2020/NĐ-CP): the national name and motto at the top right.
    #[default]
    State,
    /// A Party body's paper (Hướng dẫn 36-HD/VPTW): *ĐẢNG CỘNG SẢN VIỆT NAM* at the top right.
    Party,
}

/// The contents of `papers.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PaperSettings {
    /// Which rules the letterhead and signature follow.
    pub layout: Layout,
    /// The body above the council, top left (`UBND TỈNH THÁI NGUYÊN`, `TỈNH ỦY BẮC GIANG`).
    pub parent_body: String,
    /// The council itself (`HỘI ĐỒNG THẨM ĐỊNH`).
    pub body: String,
    /// The council's abbreviation in document numbers (`HĐTĐ`: `Số: …/BC-HĐTĐ`).
    pub body_short: String,
    /// The place in the date line (`Thái Nguyên, ngày … tháng … năm …`).
    pub place: String,
    /// Whom the proposal is addressed to (`Chủ tịch Ủy ban nhân dân tỉnh`).
    pub addressee: String,
    /// Who issues the decision, as its heading names them (`CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN`).
    pub decision_issuer: String,
    /// The issuer's body, top left of the decision (`ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN`).
    pub decision_body: String,
    /// Its abbreviation in the decision's number (`UBND`, `TU`).
    pub decision_short: String,
    /// The signature of the decision (`CHỦ TỊCH`, `TM. BAN THƯỜNG VỤ`).
    pub decision_signer: String,
    /// The standing body (`Sở Nội vụ`, `Ban Tổ chức Tỉnh ủy`).
    pub standing_body: String,
    /// What is assessed, as the papers' summary lines say it (`đánh giá, xếp loại mức độ hoàn thành nhiệm vụ …`).
    pub subject: String,
}

impl Default for PaperSettings {
    fn default() -> Self {
        PaperSettings {
            layout: Layout::State,
            parent_body: "……………………".into(),
            body: "HỘI ĐỒNG THẨM ĐỊNH".into(),
            body_short: "HĐTĐ".into(),
            place: "……………".into(),
            addressee: "……………………".into(),
            decision_issuer: "……………………".into(),
            decision_body: "……………………".into(),
            decision_short: "……".into(),
            decision_signer: "……………".into(),
            standing_body: "cơ quan thường trực Hội đồng".into(),
            subject: "đánh giá, xếp loại".into(),
        }
    }
}

impl PaperSettings {
    /// Whom the proposal is addressed to, where the regulation's `papers.toml` names it; None for the plain
    /// defaults' dotted line (a regulation without the file, as the synthetic fixture).
    pub fn known_addressee(&self) -> Option<&str> {
        let dotted = self.addressee.chars().all(|c| c == '…' || c == '.' || c.is_whitespace());
        (!dotted).then_some(self.addressee.as_str())
    }
}

/// Why `papers.toml` could not be read.
pub fn parse(text: &str) -> Result<PaperSettings, toml::de::Error> {
    toml::from_str(text)
}

/// The settings of the round's regulation: its stored `papers.toml`, else the program's copy, else defaults.
pub fn of_round(store: &Store) -> Result<PaperSettings, StoreError> {
    let stored = store.regulation_file("papers.toml")?;
    let text = stored.or_else(|| {
        crate::store::catalog::files(&store.regulation().id).and_then(|files| files.get("papers.toml").cloned())
    });
    match text {
        Some(text) => parse(&text).map_err(|e| {
            StoreError::from(Refused::Paper(PaperRefusal::SettingsInvalid { why: e.message().to_string() }))
        }),
        None => Ok(PaperSettings::default()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_regulation_names_its_issuers_and_layout() {
        let read = |id: &str| parse(&crate::store::catalog::files(id).unwrap()["papers.toml"]).unwrap();
        let thai_nguyen = read("thai-nguyen-2024");
        assert_eq!((thai_nguyen.layout, thai_nguyen.place.as_str()), (Layout::State, "Thái Nguyên"));
        let bac_giang = read("bac-giang-453");
        assert_eq!((bac_giang.layout, bac_giang.decision_short.as_str()), (Layout::Party, "TU"));
        assert!(parse("layout = \"state\"\nnew_key = 1").is_err(), "an unknown or missing key is refused");
        assert_eq!(thai_nguyen.known_addressee(), Some("Chủ tịch Ủy ban nhân dân tỉnh"));
        assert_eq!(bac_giang.known_addressee(), Some("Ban Thường vụ Tỉnh ủy"));
        assert_eq!(PaperSettings::default().known_addressee(), None, "the defaults name nobody");
    }
}
