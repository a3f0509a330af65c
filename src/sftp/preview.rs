//! A PDF's first lines for the council's preview, read by `pdftotext` (poppler) when it is installed: without it,
//! or when it fails or takes more than a few seconds (a hostile file), the document simply has no preview.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How many lines, and how long each, the preview keeps.
const LINES: usize = 6;
const WIDTH: usize = 160;

/// The first lines of text of a file named `.pdf`, if it has a text layer and pdftotext reads it in time.
pub fn first_lines(path: &Path, name: &str) -> Option<String> {
    if !name.to_lowercase().ends_with(".pdf") {
        return None;
    }
    let mut child = Command::new("pdftotext")
        .args(["-l", "1", "-enc", "UTF-8", "-q"])
        .arg(path)
        .arg("-")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let mut stdout = child.stdout.take()?;
    // Read while it runs (a page's text may be more than a pipe holds), at most 64 KB.
    let reader = std::thread::spawn(move || {
        let mut text = Vec::new();
        let _ = (&mut stdout).take(64 * 1024).read_to_end(&mut text);
        text
    });
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if start.elapsed() < Duration::from_secs(5) => std::thread::sleep(Duration::from_millis(20)),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
        }
    };
    let text = reader.join().ok()?;
    status.filter(std::process::ExitStatus::success)?;
    let text = String::from_utf8_lossy(&text);
    let lines: Vec<String> = text
        .lines()
        .map(|line| line.chars().filter(|c| !c.is_control()).take(WIDTH).collect::<String>().trim().to_string())
        .filter(|line| !line.is_empty())
        .take(LINES)
        .collect();
    (!lines.is_empty()).then(|| lines.join("\n"))
}
