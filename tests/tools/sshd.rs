//! A private `sshd` on a loopback port with the README's forced commands, and the OpenSSH client's options for
//! one user's key (issue 24): `tests/ssh_files.rs` and `benches/files.rs` use it. Needs root (sshd switches to
//! the key's account) and `openssh-server`.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_thamdinh");

/// A private sshd on 127.0.0.1, killed when dropped.
pub struct Sshd {
    child: Child,
    pub port: u16,
    dir: PathBuf,
}

impl Drop for Sshd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn run(program: &str, args: &[&str]) -> Output {
    Command::new(program).args(args).output().unwrap_or_else(|e| panic!("{program}: {e}"))
}

/// What a command wrote, standard output then standard error.
pub fn text(output: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

fn keygen(path: &Path) {
    let out = run("ssh-keygen", &["-q", "-t", "ed25519", "-N", "", "-f", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Starts sshd with one key per user, each forcing `thamdinh --db DB --user NAME` (the README's line); the user
/// `plain` gets a key without a forced command.
pub fn start_sshd(dir: &Path, db: &Path, users: &[&str]) -> Sshd {
    std::fs::create_dir_all("/run/sshd").unwrap();
    keygen(&dir.join("host"));
    let mut authorized = String::new();
    for user in users {
        keygen(&dir.join(user));
        let key = std::fs::read_to_string(dir.join(format!("{user}.pub"))).unwrap();
        // `plain`: no forced command (OpenSSH's own sftp-server), the benchmark's baseline.
        let line = if *user == "plain" {
            key.trim_end().to_string()
        } else {
            format!("command=\"{BIN} --db {} --user {user}\",restrict,pty {}", db.display(), key.trim_end())
        };
        authorized.push_str(&line);
        authorized.push('\n');
    }
    std::fs::write(dir.join("authorized_keys"), authorized).unwrap();
    let port = free_port();
    let config = format!(
        "Port {port}\nListenAddress 127.0.0.1\nHostKey {host}\nAuthorizedKeysFile {keys}\nStrictModes no\nUsePAM no\n\
         PidFile {pid}\nPasswordAuthentication no\nKbdInteractiveAuthentication no\nPermitRootLogin prohibit-password\n\
         Subsystem sftp /usr/lib/openssh/sftp-server\nLogLevel ERROR\n",
        host = dir.join("host").display(),
        keys = dir.join("authorized_keys").display(),
        pid = dir.join("sshd.pid").display(),
    );
    std::fs::write(dir.join("sshd_config"), config).unwrap();
    let config = dir.join("sshd_config");
    let child = Command::new("/usr/sbin/sshd")
        .args(["-D", "-e", "-f", config.to_str().unwrap()])
        .stderr(std::fs::File::create(dir.join("sshd.log")).unwrap())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(start.elapsed() < Duration::from_secs(20), "sshd never listened");
        std::thread::sleep(Duration::from_millis(50));
    }
    Sshd { child, port, dir: dir.to_path_buf() }
}

impl Sshd {
    /// The client options for `user`'s key (no user config, no known hosts, never a prompt).
    pub fn options(&self, user: &str, port_flag: &str) -> Vec<String> {
        let key = self.dir.join(user);
        vec![
            "-F".into(),
            "/dev/null".into(),
            "-i".into(),
            key.display().to_string(),
            "-o".into(),
            "IdentitiesOnly=yes".into(),
            "-o".into(),
            "StrictHostKeyChecking=no".into(),
            "-o".into(),
            "UserKnownHostsFile=/dev/null".into(),
            "-o".into(),
            "BatchMode=yes".into(),
            "-o".into(),
            "LogLevel=ERROR".into(),
            port_flag.into(),
            self.port.to_string(),
        ]
    }

    /// `sftp -b -` with `batch` as `user`.
    pub fn sftp(&self, user: &str, batch: &str, cwd: &Path) -> Output {
        use std::io::Write;
        let mut child = Command::new("sftp")
            .args(self.options(user, "-P"))
            .args(["-b", "-", "root@127.0.0.1"])
            .current_dir(cwd)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(batch.as_bytes()).unwrap();
        child.wait_with_output().unwrap()
    }

    /// `scp` (SFTP protocol since OpenSSH 9) as `user`.
    pub fn scp(&self, user: &str, from: &str, to: &str) -> Output {
        Command::new("scp").args(self.options(user, "-P")).args([from, to]).output().unwrap()
    }

    /// `ssh` without a terminal as `user`.
    pub fn ssh(&self, user: &str, extra: &[&str]) -> Output {
        Command::new("ssh")
            .args(self.options(user, "-p"))
            .arg("root@127.0.0.1")
            .args(extra)
            .stdin(Stdio::null())
            .output()
            .unwrap()
    }
}
