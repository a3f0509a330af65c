mod tui_support;
use std::time::Instant;
#[test]
fn perf() {
    let path = std::path::Path::new("/tmp/n10k.db");
    if !path.exists() {
        thamdinh::demo::create(path, "thai-nguyen-2024", 2024, Some(10_000), 1).unwrap();
    }
    let mut store = thamdinh::store::Store::open(path).unwrap();
    let t = Instant::now();
    let round = store.load_round().unwrap();
    println!("load_round {:?}", t.elapsed());
    let t = Instant::now();
    let r = thamdinh::domain::evaluate::evaluate_round(store.regulation(), &round);
    println!("evaluate {:?} {}", t.elapsed(), r.len());
    drop(round);
    let t = Instant::now();
    let snap = thamdinh::tui::snapshot(&store).unwrap();
    println!("snapshot {:?}", t.elapsed());
    drop(snap);
    for user in ["thu-ky", "tv-so-noi-vu"] {
        let t = Instant::now();
        let mut app = tui_support::app_as(&mut store, user);
        println!("{user} app_as {:?}", t.elapsed());
        let t = Instant::now();
        let s = tui_support::screen(&app, 160, 48);
        println!("{user} first draw {:?} {}", t.elapsed(), s.len());
        let t = Instant::now();
        tui_support::press(&mut app, &mut store, "j");
        println!("{user} key j {:?}", t.elapsed());
        let t = Instant::now();
        let s = tui_support::screen(&app, 160, 48);
        println!("{user} draw {:?} {}", t.elapsed(), s.len());
        let t = Instant::now();
        tui_support::press(&mut app, &mut store, "2");
        let s = tui_support::screen(&app, 160, 48);
        println!("{user} pane2+draw {:?} {}", t.elapsed(), s.len());
    }
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    println!(
        "{}",
        status.lines().filter(|l| l.starts_with("VmHWM") || l.starts_with("VmRSS")).collect::<Vec<_>>().join(" ")
    );
}
