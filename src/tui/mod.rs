//! The council's terminal interface (ratatui + crossterm), in the Elm shape: state, a pure update, effects run here.

pub mod app;
mod effects;
pub mod keymap;
pub mod view;

pub use effects::{refresh, run_effect, snapshot};

use crate::store::{Result, Store};
use app::{Action, App, Effect, update};
use ratatui::crossterm::event::{self, Event, KeyEventKind};
use std::collections::VecDeque;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// How often the database is asked whether another session wrote to it.
const POLL: Duration = Duration::from_millis(250);

/// Applies an action and every effect it leads to.
pub fn dispatch(app: &mut App, store: &mut Store, action: Action) {
    let mut effects: VecDeque<Effect> = update(app, action).into();
    while let Some(effect) = effects.pop_front() {
        // The terminal's clipboard is the terminal's, not the store's: written here, said back as copied.
        if let Effect::Clipboard { text } = &effect {
            copy_to_clipboard(text);
            effects.extend(update(app, Action::Copied(text.clone())));
            continue;
        }
        let action = run_effect(store, effect, app.lang);
        effects.extend(update(app, action));
    }
}

/// OSC 52: asks the terminal to put `text` on the person's clipboard (`ESC ] 52 ; c ; BASE64 BEL`). A terminal that
/// does not allow it ignores it; nothing is written when the output is not a terminal (tests, pipes).
fn copy_to_clipboard(text: &str) {
    use std::io::{IsTerminal, Write};
    let mut out = std::io::stdout();
    if out.is_terminal() {
        let _ = out.write_all(osc52(text).as_bytes());
        let _ = out.flush();
    }
}

/// The OSC 52 sequence that copies `text`.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

/// Standard base64 with padding (RFC 4648), as OSC 52 carries its text.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], chunk.get(1).copied().unwrap_or(0), chunk.get(2).copied().unwrap_or(0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (index, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if index <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> shift) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// `thamdinh@10.0.0.5` from the SSH session (`USER`, the server's address in `SSH_CONNECTION`), if in one.
fn remote_from_env() -> Option<String> {
    let user = std::env::var("USER").or_else(|_| std::env::var("LOGNAME")).ok()?;
    let connection = std::env::var("SSH_CONNECTION").ok()?;
    let host = connection.split_whitespace().nth(2)?;
    let host = if host.contains(':') { format!("[{host}]") } else { host.to_string() };
    Some(format!("{user}@{host}"))
}

/// Sends the interface's log to `thamdinh.log` beside the database, never to the screen.
fn start_log(store: &Store) {
    let folder = store.path().parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
    let writer = tracing_appender::rolling::never(folder, "thamdinh.log");
    let _ = tracing_subscriber::fmt().with_writer(writer).with_ansi(false).try_init();
}

/// Opens the interface on a store until the user quits or the process is told to terminate.
pub fn run(mut store: Store, demo: bool, lang: crate::messages::Lang) -> Result<()> {
    start_log(&store);
    tracing::info!(db = %store.path().display(), "interface opened");
    let user = (store.actor().role != crate::domain::permissions::Role::ServiceAccount).then(|| store.actor().clone());
    let terminate = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&terminate))?;
    }
    // Installs a panic hook that restores the terminal before the panic message.
    let mut terminal = ratatui::try_init()?;
    capture_mouse()?;
    watch_for_termination(Arc::clone(&terminate));
    let result = open_and_run(&mut terminal, &mut store, demo, user, lang, &terminate);
    restore_terminal();
    result
}

/// The wheel and clicks reach the interface (Shift-drag still selects text in most terminals); the mouse is given
/// back on every way out, a panic included.
fn capture_mouse() -> Result<()> {
    ratatui::crossterm::execute!(std::io::stdout(), ratatui::crossterm::event::EnableMouseCapture)?;
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = ratatui::crossterm::execute!(std::io::stdout(), ratatui::crossterm::event::DisableMouseCapture);
        previous(info);
    }));
    Ok(())
}

fn restore_terminal() {
    let _ = ratatui::crossterm::execute!(std::io::stdout(), ratatui::crossterm::event::DisableMouseCapture);
    ratatui::restore();
}

/// Says at once that the round is being read (a large round takes a second), reads it, then runs.
fn open_and_run(
    terminal: &mut ratatui::DefaultTerminal,
    store: &mut Store,
    demo: bool,
    user: Option<crate::domain::permissions::Actor>,
    lang: crate::messages::Lang,
    terminate: &AtomicBool,
) -> Result<()> {
    let opening = crate::messages::status::opening(&store.path().display().to_string(), lang);
    terminal.draw(|frame| frame.render_widget(ratatui::text::Line::raw(opening.as_str()), frame.area()))?;
    let mut app = App::new(store.regulation().clone(), snapshot(store)?, demo, user);
    app.lang = lang;
    if let Some(remote) = remote_from_env() {
        app.remote = remote;
    }
    terminal.draw(|frame| view::draw(frame, &app))?;
    dispatch(&mut app, store, Action::Started);
    event_loop(terminal, &mut app, store, terminate)
}

/// Ends the process on SIGTERM, a hang-up or the loss of its parent, even while crossterm is blocked reading input
/// (after a hang-up its reader spins on end-of-file and never returns to the event loop).
/// A save in progress is one SQLite transaction, so leaving mid-way loses nothing committed.
fn watch_for_termination(terminate: Arc<AtomicBool>) {
    let parent = std::os::unix::process::parent_id();
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(Duration::from_millis(100));
            // A changed parent means the terminal that started us is gone (e.g. its tmux server was killed).
            if terminate.load(Ordering::Relaxed) || std::os::unix::process::parent_id() != parent {
                tracing::info!("terminated by signal");
                restore_terminal();
                std::process::exit(0);
            }
        }
    });
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    store: &mut Store,
    terminate: &AtomicBool,
) -> Result<()> {
    let mut version = store.data_version()?;
    loop {
        terminal.draw(|frame| view::draw(frame, app))?;
        if app.should_quit || terminate.load(Ordering::Relaxed) {
            return Ok(());
        }
        if event::poll(POLL)? {
            match event::read()? {
                Event::Key(key) if key.kind == KeyEventKind::Press => dispatch(app, store, Action::Key(key)),
                Event::Mouse(mouse) => dispatch(app, store, Action::Mouse(mouse, std::time::Instant::now())),
                Event::Resize(..) => dispatch(app, store, Action::Resize),
                _ => {}
            }
        }
        // Another session committed: read the round again so the ranking moves live.
        let now = store.data_version()?;
        if now != version {
            version = now;
            dispatch(app, store, Action::ExternalChange);
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn osc52_carries_the_text_in_base64() {
        assert_eq!(super::base64(b"Ma"), "TWE=");
        assert_eq!(super::base64(b"Man"), "TWFu");
        assert_eq!(super::base64(b"M"), "TQ==");
        assert_eq!(super::osc52("/stc/I.1/a.pdf"), "\x1b]52;c;L3N0Yy9JLjEvYS5wZGY=\x07");
    }
}
