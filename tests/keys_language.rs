//! Issue 27 item 2, the keys' part: the help overlay and the hint bar speak the language of the run. With
//! `--lang en` they hold no Vietnamese; by default no English sentence. Every role, every pane, and the
//! screens its keys open (forms, prompts, the desk, a unit's file).
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on what it did not expect")]

mod tui_support;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use thamdinh::messages::Lang;
use thamdinh::store::Store;
use thamdinh::tui::app::{Action, App, Overlay};
use thamdinh::tui::{dispatch, view};
use tui_support::{app_as, fixture_store};

const WIDTH: u16 = 160;
const HEIGHT: u16 = 48;

fn render(app: &App) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("terminal");
    terminal.draw(|frame| view::draw(frame, app)).expect("draw");
    terminal.backend().buffer().clone()
}

fn row(buffer: &Buffer, y: u16, from: u16, to: u16) -> String {
    (from..to).map(|x| buffer[(x, y)].symbol().to_string()).collect::<String>().trim_end().to_string()
}

/// The hint bar: the screen's last line.
fn hint_bar(buffer: &Buffer) -> String {
    row(buffer, HEIGHT - 1, 0, WIDTH)
}

/// The help overlay's rows inside its border (its title is the views' part), if it is open: the overlay is
/// as wide as the screen less two columns each side.
fn help_body(buffer: &Buffer) -> Option<Vec<String>> {
    let (left, right) = (2, WIDTH - 3);
    let top = (0..HEIGHT).find(|&y| buffer[(left, y)].symbol() == "┌" && buffer[(right, y)].symbol() == "┐")?;
    let bottom = (top + 1..HEIGHT).find(|&y| buffer[(left, y)].symbol() == "└")?;
    Some((top + 1..bottom).map(|y| row(buffer, y, left + 1, right)).collect())
}

fn key(app: &mut App, store: &mut Store, code: KeyCode, modifiers: KeyModifiers) {
    dispatch(app, store, Action::Key(KeyEvent::new(code, modifiers)));
}

/// A letter of Vietnamese (or any Latin letter beyond ASCII: đ, ơ, ư, ạ …).
fn vietnamese_letter(c: char) -> bool {
    c.is_alphabetic() && !c.is_ascii() && matches!(c as u32, 0xC0..=0x24F | 0x1E00..=0x1EFF)
}

/// English words no Vietnamese help or hint holds (the keys' own names, `Enter`, `Esc`, `Tab`, `PgUp`, `Home`, `End`,
/// `Ctrl-S` …, are the keyboard's and read the same in both languages).
const ENGLISH: &[&str] = &[
    "the", "and", "to", "of", "Close", "close", "Save", "Quit", "Open", "help", "pane", "Next", "next", "Previous",
    "Scroll", "more", "keys", "Back", "Cancel", "Export", "Submit", "Filter", "Stop", "Type", "then", "Record", "unit",
    "file", "Add", "Remove", "Down", "Approve", "history", "selected",
];

/// What one screen shows of the keys: the hint bar, and with the help open, its rows.
struct Seen {
    place: String,
    hints: String,
    help: Vec<String>,
}

/// Walks every pane of a user, and from each the keys that open a screen, and reads the hint bar and the help.
fn walk(user: &str, lang: Lang) -> Vec<Seen> {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    store.add_unit_user("dau-moi-snv", "", &"snv".into()).unwrap();
    let mut app = app_as(&mut store, user);
    app.lang = lang;
    let panes = app.panes().len();
    // Keys that open a screen from a pane (what does not act there is refused on the status line).
    let openers: &[(&str, KeyCode, KeyModifiers)] = &[
        ("nothing", KeyCode::Null, KeyModifiers::NONE),
        ("Enter", KeyCode::Enter, KeyModifiers::NONE),
        ("Enter Enter", KeyCode::Enter, KeyModifiers::NONE),
        ("a", KeyCode::Char('a'), KeyModifiers::NONE),
        ("f", KeyCode::Char('f'), KeyModifiers::NONE),
        ("o", KeyCode::Char('o'), KeyModifiers::NONE),
        ("/", KeyCode::Char('/'), KeyModifiers::NONE),
        ("v", KeyCode::Char('v'), KeyModifiers::NONE),
        ("p", KeyCode::Char('p'), KeyModifiers::NONE),
        ("F3", KeyCode::F(3), KeyModifiers::NONE),
        ("Ctrl-D", KeyCode::Char('d'), KeyModifiers::CONTROL),
    ];
    let mut seen = Vec::new();
    for pane in 1..=panes {
        for (name, code, modifiers) in openers {
            for _ in 0..4 {
                key(&mut app, &mut store, KeyCode::Esc, KeyModifiers::NONE);
            }
            let digit = char::from_digit(u32::try_from(pane).unwrap(), 10).unwrap();
            key(&mut app, &mut store, KeyCode::Char(digit), KeyModifiers::NONE);
            if *name == "Enter Enter" {
                key(&mut app, &mut store, KeyCode::Enter, KeyModifiers::NONE);
            }
            if *code != KeyCode::Null {
                key(&mut app, &mut store, *code, *modifiers);
            }
            if *name == "Ctrl-D" {
                // In a scoring form, Ctrl-D asks the withdrawal's reason: its own keys.
                key(&mut app, &mut store, KeyCode::Enter, KeyModifiers::NONE);
                key(&mut app, &mut store, KeyCode::Char('d'), KeyModifiers::CONTROL);
            }
            let hints = hint_bar(&render(&app));
            // F1 opens the help in forms (where ? is typed), ? elsewhere; one of them acts.
            key(&mut app, &mut store, KeyCode::F(1), KeyModifiers::NONE);
            let mut buffer = render(&app);
            if !matches!(app.overlay, Some(Overlay::Help)) {
                key(&mut app, &mut store, KeyCode::Char('?'), KeyModifiers::NONE);
                buffer = render(&app);
            }
            let help_open = matches!(app.overlay, Some(Overlay::Help));
            let help = if help_open { help_body(&buffer).expect("the help's border") } else { Vec::new() };
            seen.push(Seen { place: format!("{user}, pane {pane}, {name}: {:?}", app.context()), hints, help });
        }
    }
    seen
}

const USERS: [&str; 5] = ["tv-so-noi-vu", "tgv-so-noi-vu", "thu-ky", "chu-tich", "dau-moi-snv"];

#[test]
fn in_english_the_help_and_the_hint_bar_hold_no_vietnamese() {
    let mut helps = 0;
    for user in USERS {
        for seen in walk(user, Lang::En) {
            for line in std::iter::once(&seen.hints).chain(&seen.help) {
                assert!(!line.chars().any(vietnamese_letter), "{}: Vietnamese in {line:?}", seen.place);
            }
            assert!(!seen.hints.is_empty(), "{}: a hint bar", seen.place);
            helps += usize::from(!seen.help.is_empty());
        }
    }
    assert!(helps > 40, "the help was read on many screens ({helps})");
}

#[test]
fn by_default_the_help_and_the_hint_bar_hold_no_english() {
    let mut helps = 0;
    for user in USERS {
        for seen in walk(user, Lang::Vi) {
            for line in std::iter::once(&seen.hints).chain(&seen.help) {
                let words = line.split(|c: char| !c.is_alphanumeric() && c != '-');
                for word in words {
                    assert!(!ENGLISH.contains(&word), "{}: English {word:?} in {line:?}", seen.place);
                }
            }
            assert!(seen.hints.chars().any(vietnamese_letter), "{}: Vietnamese hints {:?}", seen.place, seen.hints);
            helps += usize::from(!seen.help.is_empty());
        }
    }
    assert!(helps > 40, "the help was read on many screens ({helps})");
}

#[test]
fn the_same_key_is_described_in_each_language() {
    // The chairman's ranking: `a` approves, in the help of both languages.
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut app = app_as(&mut store, "chu-tich");
    let approve = thamdinh::tui::keymap::bindings(thamdinh::tui::keymap::Context::List)
        .find(|binding| binding.command == thamdinh::tui::keymap::Command::Approve)
        .unwrap();
    assert_eq!(app.describe_binding(approve), "Phê duyệt kết quả của khối");
    app.lang = Lang::En;
    assert_eq!(app.describe_binding(approve), "Approve the bloc's result");
    key(&mut app, &mut store, KeyCode::Char('?'), KeyModifiers::NONE);
    let help = help_body(&render(&app)).unwrap().join("\n");
    assert!(help.contains("Approve the bloc's result"), "{help}");
}

#[test]
fn a_save_and_a_refusal_speak_the_language_of_the_run() {
    for (lang, refused, saved) in
        [(Lang::En, "is not a valid score", "Saved "), (Lang::Vi, "không phải là điểm hợp lệ", "Đã lưu ")]
    {
        let dir = tempfile::tempdir().unwrap();
        let mut store = fixture_store(dir.path());
        let mut app = app_as(&mut store, "tv-so-noi-vu");
        app.lang = lang;
        key(&mut app, &mut store, KeyCode::Enter, KeyModifiers::NONE);
        for c in "-1".chars() {
            key(&mut app, &mut store, KeyCode::Char(c), KeyModifiers::NONE);
        }
        key(&mut app, &mut store, KeyCode::Char('s'), KeyModifiers::CONTROL);
        let error = app.form().and_then(|form| form.error.clone()).expect("refused inline");
        assert!(error.contains(refused), "{lang:?}: {error}");
        // The maximum is always a valid score and needs no reason where the unit scored itself the maximum.
        let max = {
            let form = app.form().unwrap();
            let unit = app.unit(&form.unit).unwrap();
            let place = app.place(unit, &form.component).unwrap();
            (place.component.max, unit.entries.get(&form.component).and_then(|e| e.self_score))
        };
        for _ in 0..4 {
            key(&mut app, &mut store, KeyCode::Backspace, KeyModifiers::NONE);
        }
        let typed = max.1.unwrap_or(max.0).to_string();
        for c in typed.chars() {
            key(&mut app, &mut store, KeyCode::Char(c), KeyModifiers::NONE);
        }
        key(&mut app, &mut store, KeyCode::Tab, KeyModifiers::NONE);
        for c in "ok".chars() {
            key(&mut app, &mut store, KeyCode::Char(c), KeyModifiers::NONE);
        }
        key(&mut app, &mut store, KeyCode::Char('s'), KeyModifiers::CONTROL);
        let (message, is_error) = app.message.clone().expect("a status line");
        assert!(!is_error && message.starts_with(saved), "{lang:?}: {message}");
    }
}

/// Every key of every context (`Context::ALL`, not a hand list: a new context is covered as soon as it exists),
/// including those the walk above does not reach, is described in both languages: English with no Vietnamese
/// letter, Vietnamese with no English word.
#[test]
fn every_key_of_every_context_is_described_in_each_language() {
    use thamdinh::tui::keymap::{Context, bindings};
    let mut described = 0;
    for &context in Context::ALL {
        for binding in bindings(context) {
            let english = binding.description.say(Lang::En);
            let vietnamese = binding.description.say(Lang::Vi);
            assert!(!english.is_empty() && !vietnamese.is_empty(), "{context:?} {}: a description", binding.label);
            assert!(
                !english.chars().any(vietnamese_letter),
                "{context:?} {}: Vietnamese in {english:?}",
                binding.label
            );
            let words = vietnamese.split(|c: char| !c.is_alphanumeric() && c != '-');
            for word in words {
                assert!(!ENGLISH.contains(&word), "{context:?} {}: English {word:?} in {vietnamese:?}", binding.label);
            }
            described += 1;
        }
    }
    assert!(described > Context::ALL.len(), "every context has keys ({described})");
}
