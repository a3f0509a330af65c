//! Several processes on one database: two saves from the same version, twelve members saving at once,
//! and a process killed in the middle of an import. Workers are this test binary run again as a child.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

use rusqlite::Connection;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use thamdinh::domain::permissions::Role;
use thamdinh::store::Store;
use thamdinh::store::appraise::AppraisalInput;
use thamdinh::store::audit::ChainCheck;

const BIN: &str = env!("CARGO_BIN_EXE_thamdinh");
const WORKER: &str = "THAMDINH_TEST_WORKER";

/// Runs this binary's `worker` test in a child process with the given job.
fn spawn_worker(job: &[String]) -> std::process::Child {
    Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "worker", "--ignored", "--nocapture", "--test-threads=1"])
        .env(WORKER, job.join("\u{1f}"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// The `RESULT` lines a worker printed.
fn results(child: std::process::Child) -> Vec<String> {
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "worker failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout)
        .lines()
        // The harness may print "test worker ... " on the line before the first result.
        .filter_map(|l| l.find("RESULT ").map(|at| l[at + "RESULT ".len()..].to_string()))
        .collect()
}

/// Not a test on its own: the body of a worker process, run by `spawn_worker` (hence ignored).
#[test]
#[ignore = "the body of a worker process; the tests of this file start it"]
fn worker() {
    let Ok(job) = std::env::var(WORKER) else { return };
    let job: Vec<&str> = job.split('\u{1f}').collect();
    let mut store = Store::open(Path::new(job[1])).unwrap();
    store.sign_in(job[2]).unwrap();
    match job[0] {
        // save DB USER UNIT COMPONENT VALUE REASON START_AT_MS VERSION: one save, at a set moment.
        "save" => {
            let start_at: u128 = job[7].parse().unwrap();
            while std::time::UNIX_EPOCH.elapsed().unwrap().as_millis() < start_at {
                std::thread::sleep(Duration::from_millis(1));
            }
            let input = AppraisalInput {
                unit: job[3].into(),
                component: job[4].into(),
                appraised: job[5].parse().unwrap(),
                deduction_reason: job[6].into(),
                based_on_version: job[8].parse().unwrap(),
            };
            match store.save_appraisal(&input) {
                Ok(saved) => println!("RESULT saved {saved:?}"),
                Err(error) => println!("RESULT refused {error}"),
            }
        }
        // load DB USER COUNT REVERSED: COUNT saves over the agency's components, each from the version read just before.
        "load" => {
            let count: usize = job[3].parse().unwrap();
            let reversed = job[4] == "reversed";
            let round = store.load_round().unwrap();
            let agency = store.actor().agency.clone().unwrap();
            let mut items = Vec::new();
            for unit in &round.units {
                let framework = store.regulation().framework_for(&unit.bloc, unit.group.as_deref()).unwrap();
                for place in framework.components() {
                    if !place.criterion.scored_by_leaders && place.component.agencies.first() == Some(&agency) {
                        items.push((unit.code.clone(), place.component.code.clone(), place.component.max));
                    }
                }
            }
            if reversed {
                items.reverse();
            }
            for i in 0..count {
                let (unit, component, max) = &items[i % items.len()];
                let input = AppraisalInput {
                    unit: unit.clone(),
                    component: component.to_string(),
                    appraised: *max,
                    deduction_reason: format!("kiểm tra tải {} #{i}", job[2]),
                    based_on_version: store.appraisal_version(unit, component).unwrap(),
                };
                match store.save_appraisal(&input) {
                    Ok(_) => println!("RESULT saved {unit} {component}"),
                    Err(error) => println!("RESULT refused {unit} {component}: {error}"),
                }
            }
        }
        other => panic!("unknown job {other}"),
    }
}

fn fixture_round(dir: &Path) -> PathBuf {
    let path = dir.join("round.db");
    let mut store = Store::init(&path, "thai-nguyen-2024", 2024).unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/thai-nguyen");
    store.import_units(&fixtures.join("units.csv")).unwrap();
    store.import_scores(&fixtures.join("scores.csv")).unwrap();
    thamdinh::demo::add_demo_users(&mut store).unwrap();
    store.add_user("tv2-so-noi-vu", "Thành viên thứ hai", Role::Member, Some("so-noi-vu")).unwrap();
    path
}

#[test]
fn two_processes_saving_one_component_from_one_version_one_wins_and_one_is_told() {
    let dir = tempfile::tempdir().unwrap();
    let db = fixture_round(dir.path());
    let version = Store::open(&db).unwrap().appraisal_version(&"skhcn".into(), "III.7").unwrap();
    let start_at = (std::time::UNIX_EPOCH.elapsed().unwrap().as_millis() + 400).to_string();
    let job = |user: &str, value: &str, reason: &str| {
        let fields =
            ["save", &db.display().to_string(), user, "skhcn", "III.7", value, reason, &start_at, &version.to_string()];
        spawn_worker(&fields.map(str::to_string))
    };
    let first = job("tv-so-noi-vu", "2", "Thiếu báo cáo quý");
    let second = job("tv2-so-noi-vu", "1.5", "Thiếu hai báo cáo");
    let outcomes = [results(first), results(second)].concat();
    let saved: Vec<&String> = outcomes.iter().filter(|o| o.starts_with("saved")).collect();
    let refused: Vec<&String> = outcomes.iter().filter(|o| o.starts_with("refused")).collect();
    assert_eq!((saved.len(), refused.len()), (1, 1), "{outcomes:?}");
    // The refused one is told the winner's value and that its own was not written.
    let store = Store::open(&db).unwrap();
    let log = store.audit_log(Some("skhcn"), Some("III.7")).unwrap();
    let winner = log.last().unwrap();
    let (winning_value, losing_value) = if winner.actor == "tv-so-noi-vu" { ("2", "1.5") } else { ("1.5", "2") };
    assert_eq!(winner.new_value.as_deref(), Some(winning_value));
    assert!(refused[0].contains(&format!("saved it meanwhile ({winning_value}, reason:")), "{}", refused[0]);
    assert!(refused[0].contains(&format!("your value {losing_value} was not written")), "{}", refused[0]);
    let round = store.load_round().unwrap();
    let entry = &round.units.iter().find(|u| u.code == "skhcn").unwrap().entries["III.7"];
    assert_eq!(entry.appraised_score.unwrap().to_string(), winning_value);
    assert_eq!(entry.version, version + 1, "exactly one save landed");
    assert!(matches!(store.audit_verify().unwrap(), ChainCheck::Intact { .. }));
}

#[test]
fn twelve_members_save_at_once_and_nothing_is_lost() {
    const WORKERS_PER_AGENCY: usize = 2;
    const SAVES: usize = 500;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("load.db");
    let mut store = thamdinh::demo::create(&db, "thai-nguyen-2024", 2024, Some(60), 11).unwrap();
    let agencies: Vec<String> = store
        .regulation()
        .agencies
        .iter()
        .map(|a| a.code.clone())
        .filter(|code| store.regulation().agency_appraises_components(code))
        .collect();
    let mut users = Vec::new();
    for agency in &agencies {
        for n in 1..=WORKERS_PER_AGENCY {
            let name = format!("load-{n}-{agency}");
            store.add_user(&name, "", Role::Member, Some(agency)).unwrap();
            users.push(name);
        }
    }
    assert_eq!(users.len(), 12, "six agencies appraise components in Thái Nguyên");
    let rows_before = store.audit_log(None, None).unwrap().len();
    drop(store);

    let started = Instant::now();
    let children: Vec<_> = users
        .iter()
        .enumerate()
        .map(|(i, user)| {
            let order = if i % 2 == 0 { "forward" } else { "reversed" };
            let job = ["load", &db.display().to_string(), user, &SAVES.to_string(), order].map(str::to_string);
            (user.clone(), spawn_worker(&job))
        })
        .collect();
    let mut landed: BTreeMap<String, usize> = BTreeMap::new();
    let mut refusals = Vec::new();
    for (user, child) in children {
        let outcomes = results(child);
        assert_eq!(outcomes.len(), SAVES, "{user}: every save lands or is refused with a message");
        landed.insert(user.clone(), outcomes.iter().filter(|o| o.starts_with("saved")).count());
        refusals.extend(outcomes.into_iter().filter(|o| o.starts_with("refused")));
    }
    let elapsed = started.elapsed();
    let total: usize = landed.values().sum();
    println!(
        "THROUGHPUT: 12 processes × {SAVES} saves: {total} landed, {} refused (stale), in {:.2} s = {:.0} saves/s",
        refusals.len(),
        elapsed.as_secs_f64(),
        f64::from(u32::try_from(12 * SAVES).unwrap()) / elapsed.as_secs_f64()
    );
    for refusal in &refusals {
        assert!(refusal.contains("saved it meanwhile"), "only stale saves may be refused: {refusal}");
    }

    // Every landed save is in the log under its user; the chain holds; the database holds the last word.
    let store = Store::open(&db).unwrap();
    let log = store.audit_log(None, None).unwrap();
    assert_eq!(log.len(), rows_before + total);
    for (user, count) in &landed {
        assert_eq!(log.iter().filter(|r| &r.actor == user).count(), *count, "{user}");
    }
    let mut last_word: BTreeMap<(String, String), String> = BTreeMap::new();
    for row in &log[rows_before..] {
        last_word.insert(
            (row.unit.clone().unwrap(), row.criterion.clone().unwrap()),
            row.reason.clone().unwrap_or_default(),
        );
    }
    let round = store.load_round().unwrap();
    for ((unit, component), reason) in &last_word {
        let entry = &round.units.iter().find(|u| &u.code == unit).unwrap().entries[component];
        assert_eq!(&entry.deduction_reason, reason, "{unit} {component}");
    }
    assert!(matches!(store.audit_verify().unwrap(), ChainCheck::Intact { .. }));
    let conn = Connection::open(&db).unwrap();
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(integrity, "ok");
}

#[test]
fn a_process_killed_mid_import_leaves_the_round_as_before_or_after() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.db");
    let store = thamdinh::demo::create(&db, "thai-nguyen-2024", 2024, Some(1500), 5).unwrap();
    // Every component of every unit appraised at 0 with a reason: a large file, easy to recognise.
    let round = store.load_round().unwrap();
    let mut text = String::from("unit,criterion,self_score,appraised_score,reason\n");
    let mut rows = 0;
    for unit in &round.units {
        let framework = store.regulation().framework_for(&unit.bloc, unit.group.as_deref()).unwrap();
        for place in framework.components().filter(|p| !p.criterion.scored_by_leaders) {
            writeln!(text, "{},{},,0,crash test", unit.code, place.component.code).unwrap();
            rows += 1;
        }
    }
    let file = dir.path().join("big.csv");
    std::fs::write(&file, text).unwrap();
    let audit_before = store.audit_log(None, None).unwrap().len();
    drop(store);
    let zeroed = |conn: &Connection| -> i64 {
        conn.query_row("SELECT COUNT(*) FROM score WHERE deduction_reason = 'crash test'", [], |r| r.get(0)).unwrap()
    };

    let mut killed_mid_way = 0;
    for delay in [150, 300, 500, 800, 1200, 1800] {
        let mut child = Command::new(BIN)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .args(["import", "scores", "--db", &db.display().to_string(), &file.display().to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay));
        let finished = child.try_wait().unwrap().is_some();
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let conn = Connection::open(&db).unwrap();
        let integrity: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(integrity, "ok");
        let count = zeroed(&conn);
        assert!(count == 0 || count == rows, "after a kill at {delay} ms: {count} of {rows} rows written");
        let store = Store::open(&db).unwrap();
        assert!(matches!(store.audit_verify().unwrap(), ChainCheck::Intact { .. }));
        if count == rows {
            assert!(store.audit_log(None, None).unwrap().len() > audit_before);
            break;
        }
        assert_eq!(store.audit_log(None, None).unwrap().len(), audit_before, "nothing of a killed import is logged");
        if !finished {
            killed_mid_way += 1;
        }
    }
    assert!(killed_mid_way > 0, "no kill landed during the import; the file is too small for this machine");
}
