//! Files over SSH (issue 24): a 20 MB upload and download with `scp` through the program's own SFTP server (the
//! deployment's forced command) against plain `scp` to OpenSSH's `sftp-server` on the same private sshd over
//! loopback. Prints seconds and MB/s of each and the ratio (the issue asks for at least half of plain scp's speed).
//! Needs root and openssh-server; says so and stops otherwise. `cargo bench --bench files`.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "benchmark code: a failed unwrap is a failed run")]

#[path = "../tests/tools/sshd.rs"]
mod sshd;

use std::path::Path;
use std::process::Command;
use std::time::Instant;

const MB: usize = 1024 * 1024;

fn thamdinh(args: &[&str]) {
    let out = Command::new(env!("CARGO_BIN_EXE_thamdinh")).args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

/// The best of three runs of `scp from to`, in seconds.
fn best(server: &sshd::Sshd, user: &str, from: &dyn Fn(usize) -> String, to: &dyn Fn(usize) -> String) -> f64 {
    (0..3)
        .map(|run| {
            let start = Instant::now();
            let out = server.scp(user, &from(run), &to(run));
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            start.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let root = Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout == b"0\n");
    if !root || !Path::new("/usr/sbin/sshd").exists() {
        println!("files: needs root and /usr/sbin/sshd (openssh-server); skipped");
        return;
    }
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path();
    let db = dir.join("round.db");
    let db_text = db.to_str().unwrap();
    let units = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/thai-nguyen/units.csv");
    thamdinh(&["init", "--db", db_text, "--regulation", "thai-nguyen-2024", "--year", "2024"]);
    thamdinh(&["import", "units", "--db", db_text, units.to_str().unwrap()]);
    thamdinh(&["user", "add", "--db", db_text, "dau-moi-stc", "--role", "unit", "--unit", "stc"]);
    let server = sshd::start_sshd(dir, &db, &["dau-moi-stc", "plain"]);
    // A 20 MB PDF: its header, then bytes that do not compress (a scan's image data).
    let mut content = b"%PDF-1.4\n".to_vec();
    let mut state = 0x2545_u32;
    while content.len() < 20 * MB {
        state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        content.push(state.to_be_bytes()[1]);
    }
    let local = dir.join("scan.pdf");
    std::fs::write(&local, &content).unwrap();
    let plain_dir = dir.join("plain-files");
    std::fs::create_dir(&plain_dir).unwrap();
    let at = "root@127.0.0.1:";
    let local_text = local.display().to_string();
    let ours_up = best(&server, "dau-moi-stc", &|_| local_text.clone(), &|run| format!("{at}/stc/I.1/scan-{run}.pdf"));
    let ours_down = best(&server, "dau-moi-stc", &|_| format!("{at}/stc/I.1/scan-0.pdf"), &|run| {
        dir.join(format!("down-{run}.pdf")).display().to_string()
    });
    let plain = plain_dir.display();
    let plain_up = best(&server, "plain", &|_| local_text.clone(), &|run| format!("{at}{plain}/up-{run}.pdf"));
    let plain_down = best(&server, "plain", &|_| format!("{at}{plain}/up-0.pdf"), &|run| {
        dir.join(format!("plain-down-{run}.pdf")).display().to_string()
    });
    let rate = |seconds: f64| 20.0 / seconds;
    for (what, ours, plain) in [("upload", ours_up, plain_up), ("download", ours_down, plain_down)] {
        println!(
            "files: 20 MB {what}: thamdinh sftp {ours:.2} s ({:.0} MB/s), plain scp {plain:.2} s ({:.0} MB/s), ratio {:.2}",
            rate(ours),
            rate(plain),
            plain / ours
        );
    }
}
