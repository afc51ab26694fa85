//! The benchmark generator's site must build cleanly, or the benchmarks
//! measure an error path.

mod common;

#[allow(dead_code)]
#[path = "../benches/support/gen.rs"]
mod gen;

#[test]
fn the_generated_benchmark_site_builds_without_problems() {
    let dir = tempfile::tempdir().unwrap();
    gen::write_site(dir.path(), 40).unwrap();
    let report = hui::build(&hui::BuildOptions {
        root: dir.path().to_path_buf(),
        ..Default::default()
    });
    assert!(report.succeeded(), "{}", common::messages(&report));
    assert_eq!(
        report.diagnostics.warning_count(),
        0,
        "{}",
        common::messages(&report)
    );
    // Per language: the entries, home, four lists, the parks' comparison,
    // 404, search and the printed guide, and the card sheets: every
    // official's and one per official (10 of the 40).
    assert_eq!(report.pages, 40 * 2 + 2 * 9 + 2 * (1 + 10));
    let card =
        std::fs::read_to_string(dir.path().join("public/card/official-00003/index.html")).unwrap();
    assert!(
        card.contains("href=\"../../industries/industry-"),
        "officials refer to industries"
    );
}
