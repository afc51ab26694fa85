//! Rebuild times of `hui serve` on a synthetic site (1,000 entries by
//! default; set HUI_BENCH_ENTRIES): the first build in memory, then an edit
//! to one body, to one title, and no edit at all, each repeated and
//! reported as median and worst.
//!
//! `cargo bench --bench rebuild`

#[path = "support/gen.rs"]
mod gen;

use std::time::{Duration, Instant};

use hui::incremental::Session;

fn main() {
    let entries: usize = std::env::var("HUI_BENCH_ENTRIES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1000);
    let dir = tempfile::tempdir().expect("a temporary folder");
    gen::write_site(dir.path(), entries).expect("the generated site");
    let mut session = Session::new(hui::BuildOptions {
        root: dir.path().to_path_buf(),
        ..Default::default()
    });
    let first = Instant::now();
    let built = session.rebuild();
    assert!(built.report.succeeded(), "the generated site must build");
    println!(
        "{entries} entries, {} pages: first build in memory {:.0} ms",
        built.report.pages,
        first.elapsed().as_secs_f64() * 1000.0
    );

    let file = gen::entry_file(dir.path(), 5);
    let original = std::fs::read_to_string(&file).unwrap();
    let mut round = 0;
    let mut measure = |label: &str, edit: &mut dyn FnMut(usize)| {
        let mut times = Vec::new();
        let mut rendered = 0;
        for _ in 0..15 {
            round += 1;
            edit(round);
            let start = Instant::now();
            let rebuilt = session.rebuild();
            times.push(start.elapsed());
            assert!(rebuilt.report.succeeded());
            rendered = rebuilt.rendered;
        }
        times.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        println!(
            "{label:<28} median {:>6.1} ms   worst {:>6.1} ms   ({rendered} pages rendered)",
            ms(times[times.len() / 2]),
            ms(times[times.len() - 1])
        );
    };
    measure("edit one body:", &mut |n| {
        std::fs::write(&file, format!("{original}\n更新 {n}\n")).unwrap();
    });
    measure("edit one title:", &mut |n| {
        std::fs::write(
            &file,
            original.replacen("title: ", &format!("title: 新{n}"), 1),
        )
        .unwrap();
    });
    measure("no change:", &mut |_| {});
}
