//! Resident memory of an interface session on the national demo round (10 000 units, about 372 000 component
//! scores): each role opened in a fresh process the way `thamdinh --db PATH --user NAME` opens it (the store,
//! the round, its standing, the first frame at 160×48), then `VmRSS` and `VmHWM` read from /proc.
//! `cargo bench --bench memory`; issue 6's target is 150 MB. BENCHMARKS.md records the figures.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;
use std::process::Command;
use thamdinh::store::Store;
use thamdinh::tui::app::App;
use thamdinh::tui::{snapshot, view};

const ROLES: [(&str, &str); 3] = [("tv-so-noi-vu", "member"), ("thu-ky", "secretary"), ("chu-tich", "chairman")];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, db, user] = args.as_slice()
        && flag == "--open"
    {
        return open_and_report(Path::new(db), user);
    }
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("national.db");
    let made =
        Command::new(env!("CARGO_BIN_EXE_thamdinh")).args(["demo", "--units", "10000", "--db"]).arg(&db).output()?;
    if !made.status.success() {
        return Err(format!("thamdinh demo: {}", String::from_utf8_lossy(&made.stderr)).into());
    }
    println!("resident memory after opening the national demo round (10 000 units), one fresh process each:");
    for (user, role) in ROLES {
        let measured = Command::new(std::env::current_exe()?).arg("--open").arg(&db).arg(user).output()?;
        let report = String::from_utf8_lossy(&measured.stdout);
        println!("  {role:<9} ({user}): {}", report.trim());
        if !measured.status.success() {
            return Err(String::from_utf8_lossy(&measured.stderr).into_owned().into());
        }
    }
    Ok(())
}

/// Opens the round as `user` and draws the first frame, then prints this process's resident memory.
fn open_and_report(db: &Path, user: &str) -> Result<(), Box<dyn std::error::Error>> {
    let mut store = Store::open(db)?;
    store.sign_in(user)?;
    let app = App::new(store.regulation().clone(), snapshot(&store)?, false, Some(store.actor().clone()));
    let mut terminal = Terminal::new(TestBackend::new(160, 48))?;
    terminal.draw(|frame| view::draw(frame, &app))?;
    let status = std::fs::read_to_string("/proc/self/status")?;
    let kilobytes = |field: &str| -> Option<u64> {
        let line = status.lines().find(|line| line.starts_with(field))?;
        line.split_whitespace().nth(1)?.parse().ok()
    };
    let (Some(resident), Some(peak)) = (kilobytes("VmRSS:"), kilobytes("VmHWM:")) else {
        return Err("no VmRSS in /proc/self/status".into());
    };
    println!("{} MB resident, {} MB at the peak", resident / 1024, peak / 1024);
    Ok(())
}
