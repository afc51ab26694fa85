//! Writes a synthetic site for benchmarks:
//! `cargo run --release --example gen_site -- DIR [ENTRIES] [SEED]`
//! (default 1,000 entries, seed 0).
//! Then `hui build --root DIR` or `hui serve --root DIR`.

// `entry_file` and `write_site` are for the benchmark and tests.
#[allow(dead_code)]
#[path = "../benches/support/gen.rs"]
mod gen;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: gen_site DIR [ENTRIES]");
        std::process::exit(2);
    };
    let entries = args.next().and_then(|n| n.parse().ok()).unwrap_or(1000);
    let seed = args.next().and_then(|n| n.parse().ok()).unwrap_or(0);
    let dir = std::path::PathBuf::from(dir);
    if dir.join("content").exists() {
        eprintln!("error: {} already has a content/ folder", dir.display());
        std::process::exit(1);
    }
    if let Err(e) = gen::write_site_seeded(&dir, entries, seed) {
        eprintln!("error: cannot write the site: {e}");
        std::process::exit(1);
    }
    eprintln!(
        "Wrote {entries} entries ({} pages) into {}",
        entries * 2,
        dir.display()
    );
}
