//! Issue 26 on the Thái Nguyên seed (2610): the articles the interface cites come from its data, so its chairman's
//! screens in a real terminal still cite *Điều 10.4* (re-rating), *Điều 7* (the facts) and address the proposal
//! to its papers' *Chủ tịch Ủy ban nhân dân tỉnh*, as before the citations moved to the data.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

mod tools;

#[test]
fn the_seeds_chairman_still_reads_its_own_articles() {
    if !tools::available("tmux", "-V", "tmux") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = tools::approved_round(dir.path());
    tools::ok(&["user", "add", "--db", &db, "chu-tich", "--role", "chairman", "--full-name", "Chủ tịch"]);
    let tmux = tools::Tmux::new(&format!("seed-citations-{}", std::process::id()), "seed");
    tmux.open(160, 45, &format!("{} --db {db} --user chu-tich", env!("CARGO_BIN_EXE_thamdinh")));
    let all = tools::chairman::screens(&tmux).join("\n");
    for words in [
        "Sự kiện (Điều 7):",
        "┌ Khối đã phê duyệt — xếp loại lại (Điều 10.4): lý do (Tab)",
        "Xếp loại lại một đơn vị đã phê duyệt (Chủ tịch, Điều 10.4)",
        "┌ Xếp loại lại một đơn vị đã phê duyệt (Chủ tịch, Điều 10.4)",
        "Tờ trình Chủ tịch Ủy ban nhân dân tỉnh (.docx)",
    ] {
        assert!(all.contains(words), "{words}:\n{all}");
    }
    assert!(!all.contains("Tờ trình đề nghị công nhận kết quả"), "{all}");
}
