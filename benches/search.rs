//! Search indexing on a synthetic site (10,000 entries by default; set
//! HUI_BENCH_ENTRIES), or on the site at HUI_BENCH_SITE (such as one that
//! `scripts/bench.py` wrote): counting every page's terms (what the render
//! workers do) and merging them into each language's index, each timed on
//! its own, single-threaded and on all cores, as the fastest of nine runs.
//!
//! `cargo bench --bench search`

#[path = "support/gen.rs"]
#[allow(dead_code)]
mod gen;

use std::sync::Arc;
use std::time::{Duration, Instant};

use hui::content::schema::Collection;
use hui::search::{index, prepare, Doc};
use rayon::prelude::*;

/// The search documents of the site's Markdown files: title, summary and
/// sections as rendering makes them.
fn documents(root: &std::path::Path) -> (Vec<Doc>, Vec<Doc>) {
    let (mut zh, mut en) = (Vec::new(), Vec::new());
    for file in walkdir::WalkDir::new(root.join("content")).sort_by_file_name() {
        let file = file.expect("a readable site");
        let path = file.path();
        if path.extension().is_none_or(|e| e != "md") {
            continue;
        }
        let source = std::fs::read_to_string(path).unwrap();
        let (front, body) = source
            .strip_prefix("---\n")
            .and_then(|s| s.split_once("\n---\n"))
            .unwrap_or(("", &source));
        let field = |name: &str| {
            front
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .map(|v| v.trim().trim_matches('"').to_owned())
                .unwrap_or_default()
        };
        let rendered = hui::markdown::render(body, &|link| link.to_owned());
        let english = path.to_string_lossy().ends_with(".en.md");
        let doc = Doc {
            url: path.file_stem().unwrap().to_string_lossy().into_owned(),
            title: Some(field("title:"))
                .filter(|t| !t.is_empty())
                .unwrap_or_else(|| field("name:")),
            collection: Collection::Policies,
            fields: vec![field("summary:")],
            codes: Vec::new(),
            facts: String::new(),
            head: field("summary:"),
            sections: rendered.sections,
        };
        if english {
            en.push(doc)
        } else {
            zh.push(doc)
        }
    }
    (zh, en)
}

/// The fastest of nine runs: on a shared machine, other work only ever
/// adds time, so the fastest run is the one least disturbed.
fn fastest(mut f: impl FnMut()) -> Duration {
    (0..9)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .expect("nine runs")
}

fn main() {
    let entries: usize = std::env::var("HUI_BENCH_ENTRIES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let root = match std::env::var_os("HUI_BENCH_SITE") {
        Some(site) => std::path::PathBuf::from(site),
        None => {
            gen::write_site(dir.path(), entries).expect("the generated site");
            dir.path().to_owned()
        }
    };
    hui::search::tokenize::warm_up();
    let ui = serde_json::json!({});
    for (lang, docs) in ["zh", "en"]
        .into_iter()
        .zip(<[Vec<Doc>; 2]>::from(documents(&root)))
    {
        let one = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        let count_one =
            one.install(|| fastest(|| drop(docs.par_iter().map(prepare).collect::<Vec<_>>())));
        let count = fastest(|| drop(docs.par_iter().map(prepare).collect::<Vec<_>>()));
        let prepared: Vec<Arc<index::Indexed>> =
            docs.par_iter().map(|d| Arc::new(prepare(d))).collect();
        let merge_one =
            one.install(|| fastest(|| drop(index::build(lang, &prepared, &ui, &|_, _| {}))));
        let merge = fastest(|| drop(index::build(lang, &prepared, &ui, &|_, _| {})));
        let bytes = index::build(lang, &prepared, &ui, &|_, _| {}).bytes;
        println!(
            "{lang}: {} pages, counting {:.0} ms ({:.0} ms on one thread), merging {:.0} ms ({:.0} ms on one thread), {:.1} MB",
            docs.len(),
            count.as_secs_f64() * 1e3,
            count_one.as_secs_f64() * 1e3,
            merge.as_secs_f64() * 1e3,
            merge_one.as_secs_f64() * 1e3,
            bytes as f64 / 1e6,
        );
    }
}
