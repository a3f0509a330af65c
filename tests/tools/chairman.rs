//! The chairman's screens in a real terminal, as issue 26 checks their citations: the ranking's help, an approved
//! bloc's facts form (its re-rating reason), a unit's file (its facts), the desk (its actions, the re-rating form,
//! the list of papers) and the approval prompt of the next bloc.

use super::Tmux;

/// Drives the program open in `tmux` as the chairman, on the ranking of an approved bloc whose selected unit has
/// facts (their heading citing an article), with an open bloc after it; every screen shown on the way, in order.
pub fn screens(tmux: &Tmux) -> Vec<String> {
    let mut seen = vec![tmux.wait_for("Lý do xếp loại —")];
    let mut look = |keys: &[&str], wait: &str| {
        tmux.keys(keys);
        let screen = tmux.wait_for(wait);
        seen.push(screen.clone());
        screen
    };
    look(&["?"], "Phím tắt");
    look(&["Escape"], "Lý do xếp loại —");
    look(&["f"], "┌ Khối đã phê duyệt — xếp loại lại");
    look(&["Escape"], "Lý do xếp loại —");
    // Both regulations' data cite the facts' article: the unit's file is drawn whole once its facts show.
    look(&["v"], "Sự kiện (");
    look(&["Escape"], "Lý do xếp loại —");
    let desk = look(&["5"], "┌ Bàn làm việc");
    let rows: Vec<&str> =
        desk.lines().filter(|line| line.starts_with("│ ") && line.trim_matches(['│', ' ']).len() > 1).collect();
    let at = |words: &str| rows.iter().position(|row| row.contains(words)).unwrap_or_else(|| panic!("{words}: {desk}"));
    let (rerate, papers) = (at("Xếp loại lại một đơn vị"), at("Văn bản của Hội đồng"));
    look(&vec!["j"; rerate], "┌ Bàn làm việc");
    look(&["Enter"], "┌ Xếp loại lại một đơn vị");
    look(&["Escape"], "┌ Bàn làm việc");
    look(&vec!["j"; papers - rerate], "┌ Bàn làm việc");
    look(&["Enter"], "Văn bản xuất vào thư mục");
    look(&["Escape"], "┌ Bàn làm việc");
    look(&["1"], "Lý do xếp loại —");
    look(&["l"], "(2/");
    look(&["a"], "Phê duyệt kết quả —");
    look(&["Escape"], "Lý do xếp loại —");
    seen
}
