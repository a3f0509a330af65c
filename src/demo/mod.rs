//! The demo round: created and seeded on first run in the user's data directory, so the program can be tried at once.

use crate::domain::code::{BlocCode, UnitCode};
use crate::domain::permissions::Role;
use crate::domain::regulation::Regulation;
use crate::store::catalog;
use crate::store::generate;
use crate::store::rows::UnitRow;
use crate::store::seed::DemoRecipe;
use crate::store::{FileFault, Result, Store, StoreError};
use std::path::{Path, PathBuf};

/// The regulation and year the demo round uses.
pub const DEMO_REGULATION: &str = "thai-nguyen-2024";
/// The demo round's year.
pub const DEMO_YEAR: i32 = 2024;
/// The most synthetic units a demo round is made with: the largest round the program is built and measured for
/// (`benches/` use 10 000 units).
pub const MAX_UNITS: usize = 10_000;

/// A count of synthetic units the demo makes: 1 to `MAX_UNITS`.
pub fn units_in_bound(units: usize) -> bool {
    (1..=MAX_UNITS).contains(&units)
}

/// Where the demo database lives: the user's data directory, or the current directory if there is none.
pub fn demo_path() -> PathBuf {
    directories::ProjectDirs::from("vn", "thamdinh", "thamdinh")
        .map(|dirs| dirs.data_dir().join("demo-thai-nguyen-2024.db"))
        .unwrap_or_else(|| PathBuf::from("thamdinh-demo.db"))
}

/// The units a regulation names, from its `units.csv`.
pub fn named_units(regulation: &str) -> Result<Vec<UnitRow>> {
    let files = catalog::files(regulation)
        .ok_or_else(|| StoreError::UnknownRegulation { id: regulation.into(), available: catalog::available() })?;
    let list = format!("{regulation}/units.csv");
    let text = files.get("units.csv").ok_or_else(|| FileFault::NoUnitList.in_file(list.clone()))?;
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let mut units = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| FileFault::BadUnitList { why: e.to_string() }.in_file(list.clone()))?;
        let cell = |i: usize| record.get(i).unwrap_or("").trim().to_string();
        let group = cell(3);
        units.push(UnitRow {
            code: cell(0),
            name: cell(1),
            bloc: cell(2).into(),
            group: (!group.is_empty()).then_some(group),
        });
    }
    Ok(units)
}

/// `count` synthetic units spread in turn over the regulation's blocs (and groups, where it has them).
pub fn synthetic_units(regulation: &Regulation, count: usize) -> Vec<UnitRow> {
    let places: Vec<(BlocCode, Option<String>)> = if regulation.has_groups() {
        let bloc = regulation.blocs.first().map(|b| b.code.clone()).unwrap_or_default();
        regulation.groups.iter().map(|g| (bloc.clone(), Some(g.code.clone()))).collect()
    } else {
        regulation.blocs.iter().map(|b| (b.code.clone(), None)).collect()
    };
    (0..count)
        .filter_map(|i| {
            let (bloc, group) = places.get(i % places.len().max(1))?.clone();
            Some(UnitRow {
                code: format!("dv{:05}", i + 1),
                name: format!("Đơn vị minh họa {:05}", i + 1),
                bloc,
                group,
            })
        })
        .collect()
}

/// Creates a new round at `path` filled with a reproducible synthetic appraisal: the regulation's
/// named units, or `units` synthetic ones. The same seed gives the same round.
pub fn create(path: &Path, regulation: &str, year: i32, units: Option<usize>, seed: u64) -> Result<Store> {
    let mut store = Store::init(path, regulation, year)?;
    let rows = match units {
        Some(count) => synthetic_units(store.regulation(), count),
        None => named_units(regulation)?,
    };
    let recipe = DemoRecipe { generator: generate::GENERATOR, seed, appraised_share: 70 };
    store.seed_demo(&recipe, &rows, &format!("demo round, seed {seed}: synthetic scores (DỮ LIỆU MINH HỌA)"))?;
    add_demo_users(&mut store)?;
    // The units the regulation names get a focal person for the first one, so a newcomer can try the units'
    // side from the picker too (a demo round takes submissions only once one is made: the council's queues
    // stay as seeded).
    if units.is_none()
        && let Some(first) = rows.first()
    {
        store.add_unit_user(
            &format!("dau-moi-{}", first.code),
            &format!("Cán bộ đầu mối {}", first.name),
            &UnitCode::from(&first.code),
        )?;
    }
    Ok(store)
}

/// The demo's council: for each appraising agency a member (`tv-…`) and an assistant (`tgv-…`), three
/// provincial leaders where the regulation has criteria they score, a secretary and a chairman.
pub fn add_demo_users(store: &mut Store) -> Result<()> {
    let regulation = store.regulation().clone();
    let mut users: Vec<(String, String, Role, Option<String>)> = Vec::new();
    for agency in &regulation.agencies {
        if !regulation.agency_appraises_components(&agency.code) {
            continue;
        }
        let short = agency.code.chars().take(40).collect::<String>();
        users.push((
            format!("tv-{short}"),
            format!("Thành viên {}", agency.name),
            Role::Member,
            Some(agency.code.clone()),
        ));
        users.push((
            format!("tgv-{short}"),
            format!("Tổ giúp việc {}", agency.name),
            Role::Assistant,
            Some(agency.code.clone()),
        ));
    }
    if regulation.frameworks_have_leader_criteria() {
        for n in 1..=3 {
            users.push((
                format!("lanh-dao-{n}"),
                format!("{} {n}", regulation.leaders_name.as_deref().unwrap_or_else(|| Role::Leader.label_vi())),
                Role::Leader,
                None,
            ));
        }
    }
    users.push(("thu-ky".into(), "Thư ký Hội đồng".into(), Role::Secretary, None));
    users.push(("chu-tich".into(), "Chủ tịch Hội đồng".into(), Role::Chairman, None));
    let existing: Vec<String> = store.users()?.into_iter().map(|u| u.name).collect();
    for (name, full_name, role, agency) in users {
        if !existing.contains(&name) {
            store.add_user(&name, &full_name, role, agency.as_deref())?;
        }
    }
    Ok(())
}

/// Creates and seeds the demo database at `path` unless it exists.
pub fn ensure_demo(path: &Path) -> Result<Store> {
    if path.exists() {
        let mut store = Store::open(path)?;
        // A demo database made before council users existed gets its demo council.
        if store.is_demo()? && store.users()?.is_empty() {
            add_demo_users(&mut store)?;
        }
        return Ok(store);
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| FileFault::NoFolder { why: e.to_string() }.in_file(parent.display().to_string()))?;
    }
    create(path, DEMO_REGULATION, DEMO_YEAR, None, 2024)
}
