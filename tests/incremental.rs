//! Rebuilds in memory (what `hui serve` serves): each change re-renders what
//! it must, and the served site always equals a full build.

mod common;

use std::sync::Arc;

use common::TestSite;
use hui::incremental::Session;
use hui::output::{Files, MemorySink};

fn session(site: &TestSite) -> Session {
    Session::new(hui::BuildOptions {
        root: site.root().to_path_buf(),
        ..Default::default()
    })
}

/// The site a full build makes now, to compare with the incremental one.
fn full_build(site: &TestSite) -> Files {
    let sink = MemorySink::default();
    let (report, _) = hui::build_into(
        &hui::BuildOptions {
            root: site.root().to_path_buf(),
            ..Default::default()
        },
        &sink,
    );
    assert!(report.succeeded());
    sink.into_files()
}

fn assert_same_as_full_build(site: &TestSite, files: &Arc<Files>) {
    let full = full_build(site);
    let mut keys: Vec<&String> = files.keys().collect();
    let mut full_keys: Vec<&String> = full.keys().collect();
    keys.sort();
    full_keys.sort();
    assert_eq!(keys, full_keys);
    for (key, bytes) in full.iter() {
        assert!(files[key] == *bytes, "{key} differs from a full build");
    }
}

fn page(files: &Files, key: &str) -> String {
    String::from_utf8(files[key].to_vec()).unwrap()
}

#[test]
fn each_change_rerenders_what_it_must() {
    let site = TestSite::complete();
    let mut session = session(&site);
    let first = session.rebuild();
    assert!(first.report.succeeded());
    let all = first.report.pages;
    assert_eq!(first.rendered, all);

    let nothing = session.rebuild();
    assert_eq!(nothing.rendered, 0, "no change, nothing rendered");

    // A body: only that entry's pages (one per language).
    let original = site.read_source("content/parks/east-zone.md");
    site.file(
        "content/parks/east-zone.md",
        &format!("{original}\n新的正文\n"),
    );
    let body = session.rebuild();
    assert!(body.report.succeeded());
    let files = body.files.unwrap();
    assert!(page(&files, "parks/east-zone/index.html").contains("新的正文"));
    assert!(body.rendered < all / 2, "{} of {all}", body.rendered);
    assert_same_as_full_build(&site, &files);

    // A title: also every page that lists or links the entry.
    site.file(
        "content/parks/east-zone.md",
        &format!("{original}\n新的正文\n").replace("title: 东区", "title: 东部园区"),
    );
    let title = session.rebuild();
    let files = title.files.unwrap();
    assert!(title.rendered > body.rendered);
    assert!(page(&files, "parks/index.html").contains("东部园区"));
    assert!(page(&files, "industries/new-display/index.html").contains("东部园区"));
    assert!(page(&files, "card/wang-ming/index.html").contains("东部园区"));
    assert_same_as_full_build(&site, &files);

    // site.yaml: everything.
    site.file(
        "content/site.yaml",
        &common::SITE_YAML.replace("测试区投资指南", "新名字投资指南"),
    );
    let settings = session.rebuild();
    assert_eq!(settings.rendered, all);
    assert_same_as_full_build(&site, &settings.files.unwrap());

    // A template of the site's own theme: everything.
    site.file(
        "content/site.yaml",
        &format!("{}theme: mine\n", common::SITE_YAML),
    );
    site.file(
        "themes/mine/templates/404.html",
        "{% extends \"base.html\" %}{% block content %}<p>迷路了</p>{% endblock content %}",
    );
    let theme = session.rebuild();
    let files = theme.files.unwrap();
    assert!(page(&files, "404.html").contains("迷路了"));
    assert_same_as_full_build(&site, &files);
}

#[test]
fn removed_entries_and_errors_leave_no_stale_pages() {
    let site = TestSite::complete();
    let mut session = session(&site);
    assert!(session.rebuild().report.succeeded());

    site.file("content/parks/west-zone.md", "---\ntitle: 西区\n---\n");
    let added = session.rebuild();
    assert!(added
        .files
        .unwrap()
        .contains_key("parks/west-zone/index.html"));

    // An error keeps the last good build and does not count as a build.
    site.file("content/parks/west-zone.md", "---\ntitle: [broken\n---\n");
    let broken = session.rebuild();
    assert!(broken.files.is_none());
    assert!(session
        .files()
        .unwrap()
        .contains_key("parks/west-zone/index.html"));

    site.remove("content/parks/west-zone.md");
    let removed = session.rebuild();
    let files = removed.files.unwrap();
    assert!(!files.contains_key("parks/west-zone/index.html"));
    assert!(!page(&files, "parks/index.html").contains("西区"));
    assert_same_as_full_build(&site, &files);
}
