//! The words of the uploads refused over SFTP, read where the OpenSSH clients (which show only *Failure*) leave the
//! person: the note `/TU-CHOI-TAI-LEN.txt` in their folder (and in the folder where it happened), that note's line
//! in `ls -l`, and the unit's screen.

use super::Lang;
use crate::domain::vn_time::vietnam_time;
use crate::store::upload_refusals::{SHOWN_DAYS, UploadRefusal};

/// The note's file name, at the top of the user's folder and in a unit's folder where an upload was refused.
pub const NOTE_FILE: &str = "TU-CHOI-TAI-LEN.txt";

/// The reason in the reader's language.
fn reason(refusal: &UploadRefusal, lang: Lang) -> &str {
    lang.pick(&refusal.reason, &refusal.reason_en)
}

/// The note's text, newest first: when (Vietnam's time), the path sent, why. Lines end with CR LF, so Windows'
/// Notepad shows them as lines as every other editor does.
pub fn note_text(user: &str, refusals: &[UploadRefusal], lang: Lang) -> String {
    let mut lines = vec![match lang {
        Lang::Vi => format!(
            "Các tệp {user} gửi lên đã bị TỪ CHỐI (mới nhất trước). Tệp bị từ chối không được lưu; sửa rồi gửi lại."
        ),
        Lang::En => format!(
            "The files {user} sent that were REFUSED (newest first). A refused file is not kept; fix it and send it again."
        ),
    }];
    lines.push(String::new());
    if refusals.is_empty() {
        lines.push(lang.pick("Không có tệp nào bị từ chối.", "No file was refused.").to_string());
    }
    for refusal in refusals {
        lines.push(format!("{}  {}", vietnam_time(&refusal.at), refusal.path));
        lines.push(format!("    {}", reason(refusal, lang)));
    }
    lines.push(String::new());
    lines.push(
        lang.pick(
            "Ghi chú này chỉ bạn thấy; nó không phải tài liệu kiểm chứng và không nằm trong nhật ký kiểm toán.",
            "Only you see this note; it is not an evidence document and not part of the audit log.",
        )
        .to_string(),
    );
    let mut text = lines.join("\r\n");
    text.push_str("\r\n");
    text
}

/// What `ls -l` adds after the note's name: the latest refusal, so the reason shows without fetching the note.
pub fn note_listing(latest: &UploadRefusal, lang: Lang) -> String {
    let arrow = lang.pick("<- bị từ chối", "<- refused");
    format!("{arrow} {} {} — {}", vietnam_time(&latest.at), latest.path, reason(latest, lang))
}

/// An SFTP answer in English, for the note's English reason: a path this user may not see or write.
pub fn forbidden_en(path: &str) -> String {
    format!("{path}: not allowed (outside your folder)")
}

/// An SFTP answer in English: a path that does not exist in the user's folder.
pub fn missing_en(path: &str) -> String {
    format!("{path}: no such file or folder")
}

/// An SFTP answer in English: a place the folder does not let anyone write.
pub fn read_only_en(path: &str) -> String {
    format!("{path}: read only; documents are sent into /UNIT/CRITERION/ and never overwritten")
}

/// The unit's screen: the heading above its recent refused uploads.
pub fn screen_heading(count: usize, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "Tệp gửi lên bị từ chối gần đây ({count} trong {SHOWN_DAYS} ngày; không được lưu; đầy đủ trong /{NOTE_FILE}):"
        ),
        Lang::En => format!(
            "Files sent recently and refused ({count} in {SHOWN_DAYS} days; not kept; all of them in /{NOTE_FILE}):"
        ),
    }
}

/// The unit's screen: one refused upload.
pub fn screen_line(refusal: &UploadRefusal, lang: Lang) -> String {
    format!("• {} · {} — {}", vietnam_time(&refusal.at), refusal.path, reason(refusal, lang))
}

/// The unit's form of a component: a file sent into its folder and refused, in its list of documents.
pub fn form_cell(refusal: &UploadRefusal, lang: Lang) -> String {
    let refused = lang.pick("BỊ TỪ CHỐI", "REFUSED");
    format!("{refused} {} — {}", vietnam_time(&refusal.at), reason(refusal, lang))
}
