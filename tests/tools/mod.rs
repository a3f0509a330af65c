//! External programs some tests drive (tmux, LibreOffice, poppler): present, or the test says why it cannot
//! run — and under CI (`CI=true`) a missing program fails the test, so CI never passes what it did not run.
#![allow(dead_code)]

pub mod chairman;
pub mod desk;
pub mod forge;
pub mod sshd;
pub mod vietnamese;

use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// Whether `program` runs (`program version_flag` succeeds). When it does not: under `CI=true` the test
/// fails naming what `.ci/run` should have installed; elsewhere it prints a notice and the caller skips.
pub fn available(program: &str, version_flag: &str, package: &str) -> bool {
    if Command::new(program).arg(version_flag).output().is_ok_and(|output| output.status.success()) {
        return true;
    }
    let ci = std::env::var("CI").is_ok_and(|value| value == "true" || value == "1");
    assert!(!ci, "{program} is missing under CI=true: .ci/run installs it (apt-get install {package})");
    println!("NOTICE: {program} is not installed (apt-get install {package}); this test is skipped outside CI");
    false
}

/// The store, now writing as `user`.
pub fn as_user<'s>(store: &'s mut thamdinh::store::Store, user: &str) -> &'s mut thamdinh::store::Store {
    store.sign_in(user).expect("a user of the round");
    store
}

/// The store's refusal, in English, which must name `words`; its text.
pub fn refused_because(result: Result<impl std::fmt::Debug, thamdinh::store::StoreError>, words: &str) -> String {
    match result {
        Err(error) => {
            let text = thamdinh::messages::store_error(&error, thamdinh::messages::Lang::En);
            assert!(text.contains(words), "expected {words:?} in: {text}");
            text
        }
        Ok(value) => panic!("expected a refusal naming {words:?}, got {value:?}"),
    }
}

/// Whether the sshd tests can run: openssh-server is there and this is root (sshd switches to the key's account).
/// Under `CI=true` either missing fails the test; elsewhere it prints a notice and the caller skips.
pub fn sshd_ready() -> bool {
    if !available("/usr/sbin/sshd", "-V", "openssh-server") {
        return false;
    }
    let root = sshd::run("id", &["-u"]).stdout == b"0\n";
    let ci = std::env::var("CI").is_ok_and(|value| value == "true" || value == "1");
    assert!(root || !ci, "the sshd test runs as root under CI (sshd switches to the key's account)");
    if !root {
        println!("NOTICE: not root; the sshd test is skipped outside CI");
    }
    root
}

/// A private tmux server on its own socket (`tmux -L socket`) driving one session: it starts the program,
/// sends keys, types text and reads the pane. The server is killed when the driver is dropped, however the
/// test ends; the default server is never touched. Check `available("tmux", ..)` first.
pub struct Tmux {
    socket: String,
    session: String,
}

impl Tmux {
    /// A driver for `session` on the server at `socket` (make it unique: the test's name and process id).
    pub fn new(socket: &str, session: &str) -> Tmux {
        Tmux { socket: socket.to_string(), session: session.to_string() }
    }

    /// Starts `command` in the session, detached, in a terminal of `width`×`height`.
    pub fn open(&self, width: u16, height: u16, command: &str) {
        let (width, height) = (width.to_string(), height.to_string());
        self.run(&["new-session", "-d", "-s", &self.session, "-x", &width, "-y", &height, command]);
    }

    /// Runs one tmux command on this server; its standard output.
    pub fn run(&self, args: &[&str]) -> String {
        let output = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .unwrap_or_else(|error| panic!("tmux {args:?}: {error}"));
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// The pane as it shows now.
    pub fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", &self.session])
    }

    /// Sends keys by tmux's names (`Enter`, `Escape`, `C-s`, `j`); each argument is one send.
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", &self.session];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    /// Types text literally (Vietnamese included).
    pub fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-t", &self.session, "-l", text]);
    }

    /// Waits until the pane shows `text` and returns the screen; panics with the screen if it never does.
    pub fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(start.elapsed() < Duration::from_secs(20), "never showed {text:?}; screen:\n{screen}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Whether the session (the program in it) still runs.
    pub fn alive(&self) -> bool {
        Command::new("tmux")
            .args(["-L", &self.socket, "has-session", "-t", &self.session])
            .output()
            .is_ok_and(|output| output.status.success())
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux").args(["-L", &self.socket, "kill-server"]).output();
    }
}

/// Runs the program as a command line, in Vietnamese whatever the machine's locale or `THAMDINH_LANG`.
pub fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_thamdinh"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env_remove("THAMDINH_LANG")
        .env_remove("THAMDINH_DATA_DIR")
        .args(args)
        .output()
        .expect("thamdinh")
}

/// Runs a command that must succeed; its standard output.
pub fn ok(args: &[&str]) -> String {
    let output = run(args);
    assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Runs a command that must be refused; its standard error.
pub fn refused(args: &[&str]) -> String {
    let output = run(args);
    assert!(!output.status.success(), "{args:?} should be refused");
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Runs the program as a command line (Vietnamese whatever the machine's locale) and asserts it succeeded.
pub fn thamdinh(args: &[&str]) {
    ok(args);
}

/// A Thái Nguyên round at `db` from the CSV fixtures: units, scores, facts, grades, evidence.
pub fn fixture_round(db: &str) {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/thai-nguyen");
    thamdinh(&["init", "--db", db, "--regulation", "thai-nguyen-2024", "--year", "2024"]);
    for kind in ["units", "scores", "facts", "grades", "evidence"] {
        let file = fixtures.join(format!("{kind}.csv")).display().to_string();
        thamdinh(&["import", kind, "--db", db, &file]);
    }
}

/// `name` in `dir`, as text for the command line.
pub fn path(dir: &std::path::Path, name: &str) -> String {
    dir.join(name).display().to_string()
}

/// Writes `text` to `name` in `dir`; its path as text.
pub fn file(dir: &std::path::Path, name: &str, text: &str) -> String {
    let file = path(dir, name);
    std::fs::write(&file, text).expect("a file in the test's folder");
    file
}

/// A new Thái Nguyên round at `dir`/`name` holding the regulation's own units (data/thai-nguyen-2024/units.csv),
/// nothing scored. The database's path.
pub fn units_round(dir: &std::path::Path, name: &str) -> String {
    let db = path(dir, name);
    ok(&["init", "--db", &db, "--regulation", "thai-nguyen-2024", "--year", "2024"]);
    let units = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/thai-nguyen-2024/units.csv");
    ok(&["import", "units", "--db", &db, &units.display().to_string()]);
    db
}

/// What an older program left at `path`: the schema up to `version`, the program's id, the Thái Nguyên 2024 round
/// and its regulation's files; the connection, to add the rows of the test.
pub fn old_round(path: &std::path::Path, version: usize) -> rusqlite::Connection {
    let mut conn = rusqlite::Connection::open(path).expect("a new database");
    thamdinh::store::schema::migrations().to_version(&mut conn, version).expect("an older schema");
    conn.pragma_update(None, "application_id", thamdinh::store::schema::APPLICATION_ID).expect("the program's id");
    conn.execute("INSERT INTO round (id, regulation, year) VALUES (1, 'thai-nguyen-2024', 2024)", []).expect("round");
    let files = thamdinh::store::catalog::files("thai-nguyen-2024").expect("the regulation");
    for (file, content) in files
        .iter()
        .filter(|(f, _)| std::path::Path::new(f).extension().is_some_and(|ext| ext.eq_ignore_ascii_case("toml")))
    {
        conn.execute("INSERT INTO regulation_file (path, content) VALUES (?1, ?2)", [file, content])
            .expect("a regulation file");
    }
    conn
}

/// The Thái Nguyên fixture round at `dir`/round.db with its last open component appraised, bloc so-nganh's tie
/// ordered and the bloc approved (its notices are signed, not drafts); bloc huyen stays open. The database's path.
pub fn approved_round(dir: &std::path::Path) -> String {
    let db = path(dir, "round.db");
    fixture_round(&db);
    let last = dir.join("last.csv");
    std::fs::write(
        &last,
        "unit,criterion,self_score,appraised_score,reason\nskhcn,III.7,\"2,5\",\"2,5\",Thiếu một báo cáo\n",
    )
    .expect("last.csv");
    ok(&["import", "scores", "--db", &db, &last.display().to_string()]);
    ok(&["tie", "--db", &db, "--bloc", "so-nganh", "--order", "stp,snv"]);
    ok(&["approve", "--db", &db, "--bloc", "so-nganh"]);
    db
}

/// One part of a .docx (or .xlsx) package, as text (`word/document.xml`: a paper's body).
pub fn part(file: &str, name: &str) -> String {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::fs::File::open(file).expect(file)).expect("a zip package");
    let mut text = String::new();
    archive.by_name(name).expect(name).read_to_string(&mut text).expect("utf-8");
    text
}

/// The body of a .docx paper, as its XML text.
pub fn document(file: &str) -> String {
    part(file, "word/document.xml")
}

/// A scores file with every self-score of `unit` the fixture holds (group I, scored by the leaders, has none), each
/// with an explanation: the rest of a self-assessment the test began by hand.
pub fn fill_self_assessment(dir: &std::path::Path, unit: &str) -> std::path::PathBuf {
    let fixture = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/thai-nguyen/scores.csv"),
    )
    .unwrap();
    let mut csv = String::from("unit,criterion,self_score,explanation\n");
    for line in fixture.lines().filter(|line| line.starts_with(&format!("{unit},"))) {
        let mut fields = line.splitn(3, ',');
        let (_, code, rest) = (fields.next(), fields.next().unwrap(), fields.next().unwrap());
        let score = match rest.strip_prefix('"') {
            Some(quoted) => format!("\"{}\"", quoted.split('"').next().unwrap()),
            None => rest.split(',').next().unwrap().to_string(),
        };
        if !score.is_empty() {
            std::fmt::Write::write_fmt(&mut csv, format_args!("{unit},{code},{score},Giải trình của đơn vị\n"))
                .unwrap();
        }
    }
    let path = dir.join(format!("{unit}-tu-danh-gia.csv"));
    std::fs::write(&path, csv).unwrap();
    path
}
