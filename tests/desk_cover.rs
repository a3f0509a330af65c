//! Issue 25: nothing only on the command line. Every subcommand of clap's tree is a read, a documented piece of
//! maintenance, or a write the screens do for every role the permissions allow it to.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on what it did not expect")]

mod tui_support;

use thamdinh::domain::permissions::{Role, may, may_submit};
use thamdinh::tui::app::{App, MAINTENANCE, READS, Right, SCREEN_WAYS, ScreenWay};
use thamdinh::tui::keymap::{Context, bindings};
use tui_support::{app_as, fixture_store};

/// Every runnable subcommand of the command line, as words (`import`, `user add`); a subcommand with a
/// `--reopen` flag is also its reopening (`submit --reopen`), a write of its own.
fn commands(command: &clap::Command, prefix: &str, found: &mut Vec<String>) {
    for sub in command.get_subcommands() {
        let name = sub.get_name();
        if name == "help" {
            continue;
        }
        let path = if prefix.is_empty() { name.to_string() } else { format!("{prefix} {name}") };
        if !sub.is_subcommand_required_set() {
            found.push(path.clone());
            if sub.get_arguments().any(|arg| arg.get_id() == "reopen") {
                found.push(format!("{path} --reopen"));
            }
        }
        commands(sub, &path, found);
    }
}

/// Whether `app`'s user can do the write this way.
fn acts(app: &mut App, way: ScreenWay) -> bool {
    match way {
        ScreenWay::Desk(action) => app.desk_actions().contains(&action),
        ScreenWay::Key(pane, command) => {
            if !app.panes().contains(&pane) {
                return false;
            }
            app.browse.pane = pane;
            bindings(Context::List).filter(|b| b.command == command).any(|b| app.acts(b).is_ok())
        }
    }
}

#[test]
fn every_write_of_the_command_line_has_a_screen_for_each_role_allowed_to_make_it() {
    let all = {
        let mut found = Vec::new();
        commands(&thamdinh::cli::command(thamdinh::messages::Lang::Vi), "", &mut found);
        found
    };
    assert!(all.iter().any(|c| c == "round set") && all.iter().any(|c| c == "export publication"), "{all:?}");
    let writes: Vec<&String> =
        all.iter().filter(|c| !READS.contains(&c.as_str()) && !MAINTENANCE.contains(&c.as_str())).collect();
    let unknown: Vec<&&String> =
        writes.iter().filter(|c| !SCREEN_WAYS.iter().any(|(cli, ..)| *cli == c.as_str())).collect();
    assert!(unknown.is_empty(), "writes of the command line with no action in the screens: {unknown:?}");
    for listed in READS.iter().chain(MAINTENANCE).chain(SCREEN_WAYS.iter().map(|(cli, ..)| cli)) {
        assert!(all.iter().any(|c| c == listed), "{listed} is not a subcommand any more");
    }

    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    store.add_unit_user("dau-moi-snv", "Đầu mối", &"snv".into()).unwrap();
    let people = [
        ("tv-so-noi-vu", Role::Member),
        ("thu-ky", Role::Secretary),
        ("chu-tich", Role::Chairman),
        ("dau-moi-snv", Role::Unit),
    ];
    let mut missing = Vec::new();
    for (name, role) in people {
        let mut app = app_as(&mut store, name);
        let actor = store.actor().clone();
        assert_eq!(actor.role, role);
        for command in &writes {
            let ways: Vec<_> = SCREEN_WAYS.iter().filter(|(cli, ..)| *cli == command.as_str()).collect();
            // The decision beyond the quota exists only where the regulation has it (not under this seed).
            let in_regulation =
                command.as_str() != "exceed-quota" || store.regulation().quota.chairman_exception.is_some();
            let allowed = in_regulation
                && ways.iter().any(|(_, right, _)| match right {
                    Right::Council(write) => may(&actor, *write).is_ok(),
                    Right::Submit => may_submit(&actor, actor.unit.as_ref().unwrap_or(&"snv".into())).is_ok(),
                });
            if allowed && !ways.iter().any(|(_, _, way)| acts(&mut app, *way)) {
                missing.push(format!("{command} ({role:?})"));
            }
        }
    }
    assert!(missing.is_empty(), "allowed on the command line, not in the screens: {missing:?}");
}
