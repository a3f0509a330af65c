//! `thamdinh regulations check DIR`: a folder validated without a round — every problem at once naming file,
//! line and key, or a summary to hold against the text (blocs, trees, levels, the quota on 10 and 25 units,
//! the tie chain).
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

mod binary;

use binary::thamdinh;
use std::path::Path;

/// A copy of the built-in Thái Nguyên folder under `dir`, each `(file, from, to)` replaced once.
fn copy_with(dir: &Path, changes: &[(&str, &str, &str)]) -> String {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/thai-nguyen-2024");
    let target = dir.join("thai-nguyen-2024");
    std::fs::create_dir_all(target.join("frameworks")).unwrap();
    for sub in ["", "frameworks"] {
        for entry in std::fs::read_dir(source.join(sub)).unwrap().flatten() {
            if entry.path().is_file() {
                let relative = Path::new(sub).join(entry.file_name());
                let mut text = std::fs::read_to_string(entry.path()).unwrap();
                for (file, from, to) in changes {
                    if relative == Path::new(file) {
                        assert!(text.contains(from), "{from}");
                        text = text.replacen(from, to, 1);
                    }
                }
                std::fs::write(target.join(relative), text).unwrap();
            }
        }
    }
    target.display().to_string()
}

#[test]
fn a_good_folder_prints_a_summary_to_hold_against_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let folder = copy_with(
        dir.path(),
        &[("regulation.toml", "rate = \"0.2\"", "rate = \"0.15\"\nbase = \"all\"\nrounding = \"up\"")],
    );
    let output = thamdinh(&["regulations", "check", &folder]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let summary = String::from_utf8(output.stdout).unwrap();
    for expected in [
        "so-nganh — Khối các sở, ban, ngành — phu-luc-1.toml; tối đa 4 xuất sắc",
        "  ND-I XÂY DỰNG TỔ CHỨC, XÂY DỰNG TẬP THỂ — 80",
        "      VII.3 ",
        "Hoàn thành xuất sắc nhiệm vụ:\n    - Có tổng số điểm “thẩm định” đạt được từ 90 điểm trở lên",
        "Viết tắt: Hoàn thành xuất sắc nhiệm vụ → Xuất sắc; Hoàn thành tốt nhiệm vụ → Tốt; Hoàn thành nhiệm vụ → Hoàn thành; Không hoàn thành nhiệm vụ → Không HT",
        "Chỉ tiêu xuất sắc: 15 % × tổng số đơn vị của khối, số lẻ làm tròn lên; 10 đơn vị → 2; 25 đơn vị → 4",
        "Bằng điểm: tổng điểm 2 chữ số thập phân, rồi tổng điểm 3 chữ số thập phân, rồi Chủ tịch quyết định",
    ] {
        assert!(summary.contains(expected), "{expected:?} missing from:\n{summary}");
    }
    // Nothing was created: a check makes no round.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn every_file_that_is_not_toml_is_reported_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let folder = copy_with(
        dir.path(),
        &[("agencies.toml", "[[agencies]]", "[[agencies]\n"), ("frameworks/phu-luc-2.toml", "max = \"80\"", "max = ")],
    );
    std::fs::remove_file(Path::new(&folder).join("blocs.toml")).unwrap();
    let output = thamdinh(&["regulations", "check", &folder]);
    assert!(!output.status.success());
    let errors = String::from_utf8(output.stderr).unwrap();
    assert!(errors.contains("thai-nguyen-2024/blocs.toml: thiếu"), "{errors}");
    assert!(errors.contains("thai-nguyen-2024/agencies.toml:"), "{errors}");
    assert!(errors.contains("thai-nguyen-2024/frameworks/phu-luc-2.toml:"), "{errors}");
    assert!(errors.contains("3 lỗi trong dữ liệu quy chế"), "{errors}");
}

#[test]
fn bad_keys_are_refused_naming_file_line_and_key() {
    for (file, from, to, expected) in [
        (
            "regulation.toml",
            "rate = \"0.2\"",
            "rate = \"0.2\"\nround = \"up\"",
            "regulation.toml:49: unknown field `round`",
        ),
        ("regulation.toml", "rate = \"0.2\"", "rate = \"1.2\"", "regulation.toml:48: quota.rate"),
        ("regulation.toml", "tiebreak_decimals = 3", "tie_keys = [\"part:Z\"]", "regulation.toml:9: tie_keys: part:Z"),
        ("frameworks/phu-luc-1.toml", "max = \"1.5\"", "max = \"2.5\"", "phu-luc-1.toml:"),
        (
            "regulation.toml",
            "not_completed = \"Không HT\"",
            "not_completed = \"Không hoàn thành\"",
            "regulation.toml:182: level_short_names.not_completed \"Không hoàn thành\" is 16 columns wide; a short name fits the ranking's narrow column, 12 columns",
        ),
        (
            "regulation.toml",
            "good = \"Good\"",
            "good = \"Good (above 70)\"",
            "regulation.toml:186: level_short_names_en.good",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let folder = copy_with(dir.path(), &[(file, from, to)]);
        let output = thamdinh(&["regulations", "check", &folder]);
        assert!(!output.status.success(), "{to}");
        let errors = String::from_utf8(output.stderr).unwrap();
        assert!(errors.contains(expected), "{expected:?} not in {errors}");
    }
}

/// A bad key and bad conditions in one folder are all reported at once, each on its own line naming its key:
/// the classification is checked beside everything else, not only once the rest is valid.
#[test]
fn a_bad_key_and_bad_conditions_are_reported_together() {
    let dir = tempfile::tempdir().unwrap();
    let folder = copy_with(
        dir.path(),
        &[
            ("regulation.toml", "rate = \"0.2\"", "rate = \"0.2\"\nround = \"up\""),
            ("regulation.toml", "fact = \"outstanding\"", "fact = \"outstandin\""),
            ("regulation.toml", "content = \"ND-II\" } },", "content = \"ND-II\" }, blocs = [\"khoi-9\"] },"),
            ("frameworks/phu-luc-1.toml", "max = \"1.5\"", "max = \"2.5\""),
        ],
    );
    let output = thamdinh(&["regulations", "check", &folder]);
    assert!(!output.status.success());
    let errors = String::from_utf8(output.stderr).unwrap();
    for (place, key) in [
        ("regulation.toml:49:", "unknown field `round`"),
        ("regulation.toml:117:", "key fact: fact outstandin is not declared in [[facts]]"),
        ("regulation.toml:123:", "key blocs: \"khoi-9\" is not a bloc of blocs.toml"),
        ("phu-luc-1.toml:", "components of VII sum to 10"),
    ] {
        assert!(errors.lines().any(|line| line.contains(place) && line.contains(key)), "{place} {key}: {errors}");
    }
    assert!(errors.contains("4 lỗi trong dữ liệu quy chế"), "{errors}");
}

/// `regulations check .` from inside the folder names its files by the folder's own name (its id).
#[test]
fn the_current_folder_is_checked_under_its_own_name() {
    let dir = tempfile::tempdir().unwrap();
    let folder = copy_with(dir.path(), &[("regulation.toml", "rate = \"0.2\"", "rate = \"2\"")]);
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_thamdinh"))
        .args(["regulations", "check", "."])
        .current_dir(&folder)
        .env_remove("THAMDINH_DATA_DIR")
        .env_remove("THAMDINH_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .output()
        .unwrap();
    let errors = String::from_utf8(output.stderr).unwrap();
    assert!(errors.contains("thamdinh: thai-nguyen-2024/regulation.toml:48: quota.rate"), "{errors}");
}
