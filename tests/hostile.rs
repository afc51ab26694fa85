//! Hostile and broken content: markup in every text field stays text in
//! every output, oversized and deeply nested input fails cleanly, and two
//! builds of the same input are byte-identical.

mod common;

use std::path::Path;

use common::{messages, tree, TestSite};

/// Everything that could end an attribute, a script or a line.
const HOSTILE: &str = "<script>alert(1)</script>\"'<>&</script><!-- javascript:alert(1) \r\n x";

/// A YAML double-quoted scalar holding `text` exactly.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap()
}

fn hostile_site() -> TestSite {
    let h = quoted(HOSTILE);
    let site = TestSite::new();
    site.file(
        "content/site.yaml",
        &format!(
            "title: {{zh: {h}, en: {h}}}\ndescription: {{zh: {h}, en: {h}}}\norganization: {{zh: {h}, en: {h}}}\nbase_url: https://invest.example.gov.cn/\nlanguages: [zh, en]\ncontact:\n  phone: \"+86 816 000 0000\"\n  address: {h}\n  hours: {h}\n  wechat: {h}\n"
        ),
    );
    site.file(
        "content/industries/display.md",
        &format!("---\ntitle: {h}\nsummary: {h}\nkey_companies: [{h}]\nstats:\n  - {{label: {h}, value: {h}}}\n---\n{HOSTILE}\n\n[x](javascript:alert(1)) ![y](data:text/html,alert(1))\n"),
    );
    site.file(
        "content/parks/east.md",
        &format!("---\ntitle: {h}\nsummary: {h}\naddress: {h}\nhighlights: [{h}]\nindustries: [display]\n---\n{HOSTILE}\n"),
    );
    site.file(
        "content/policies/talent.md",
        &format!("---\ntitle: {h}\nsummary: {h}\nissuer: {h}\ndocument_number: {h}\nincentives: [{h}]\neligibility: [{h}]\nhandling_office: {h}\nindustries: [display]\n---\n{HOSTILE}\n"),
    );
    site.file(
        "content/officials/wang.md",
        &format!("---\nname: {h}\nposition: {h}\norganization: {h}\nwechat: {h}\naddress: {h}\nphone: \"+86 816 000 0001\"\nindustries: [display]\nparks: [east]\naliases: [old-wang]\n---\n{HOSTILE}\n"),
    );
    site.file(
        "content/pages/about.md",
        &format!("---\ntitle: {h}\nsummary: {h}\nmenu: true\n---\n{HOSTILE}\n"),
    );
    site
}

/// The data of a search index file: `hui.index("zh","d",0,DATA);`.
fn index_data(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).unwrap();
    let inner = text
        .strip_prefix("hui.index(")
        .and_then(|t| t.strip_suffix(");\n"))
        .unwrap_or_else(|| panic!("{}: not one hui.index call", path.display()));
    let args: serde_json::Value = serde_json::from_str(&format!("[{inner}]")).unwrap();
    args[3].clone()
}

#[test]
fn markup_in_every_field_is_data_in_the_search_index() {
    let site = hostile_site();
    site.build_ok();
    let index = site.public("search");
    let files: Vec<_> = walkdir::WalkDir::new(&index)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "js"))
        .collect();
    assert!(files.len() >= 6, "{files:?}");
    let mut titles = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        // Nothing that could end a script or open a comment, even if a
        // host served the file as HTML.
        for bad in ['<', '>', '\u{2028}', '\u{2029}'] {
            assert!(!text.contains(bad), "{}: {bad:?}", path.display());
        }
        let data = index_data(path);
        if path.file_name().unwrap().to_string_lossy().starts_with('d') {
            for doc in data.as_array().unwrap() {
                titles.push(doc[1].as_str().unwrap().to_owned());
            }
        }
    }
    // The stored titles are the text as written, for the script to show as
    // text: five entries, in both languages.
    assert_eq!(titles.len(), 10, "{titles:?}");
    assert!(titles.iter().all(|t| t == HOSTILE), "{titles:?}");
}

fn html_files(dir: &Path) -> Vec<std::path::PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect()
}

#[test]
fn markup_in_every_field_stays_text_everywhere() {
    let site = hostile_site();
    let report = site.build_ok();
    assert!(
        messages(&report).contains("raw HTML"),
        "the body's HTML is reported"
    );
    let public = site.public("");
    let pages = html_files(&public);
    assert!(pages.len() > 10);
    for path in &pages {
        let html = std::fs::read_to_string(path).unwrap();
        let doc = scraper::Html::parse_document(&html);
        let all = scraper::Selector::parse("*").unwrap();
        for element in doc.select(&all) {
            let el = element.value();
            for (name, value) in el.attrs() {
                assert!(
                    !name.starts_with("on"),
                    "{}: attribute {name}",
                    path.display()
                );
                if matches!(name, "href" | "src") {
                    assert!(
                        !value
                            .trim_start()
                            .to_ascii_lowercase()
                            .starts_with("javascript:")
                            && !value.trim_start().to_ascii_lowercase().starts_with("data:"),
                        "{}: {name}={value}",
                        path.display()
                    );
                }
            }
            if el.name() == "script" {
                let kind = el.attr("type").unwrap_or("");
                let text: String = element.text().collect();
                match (el.attr("src"), kind) {
                    // Only the theme's own scripts, from the page's root.
                    (Some(src), _) => {
                        let page = path.strip_prefix(&public).unwrap().to_string_lossy();
                        let root = if page.ends_with("404.html") {
                            "/".to_owned()
                        } else {
                            common::root_of(&page)
                        };
                        let file = src.strip_prefix(root.as_str()).unwrap_or("");
                        assert!(
                            file.strip_prefix("assets/").is_some_and(|f| {
                                common::is_fingerprinted(f, "main.js")
                                    || common::is_fingerprinted(f, "search.js")
                                    || common::is_fingerprinted(f, "filters.js")
                            }),
                            "{}: script {src}",
                            path.display()
                        );
                    }
                    (None, "application/ld+json") => {
                        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
                        assert_eq!(value["name"], HOSTILE, "JSON-LD keeps the name as data");
                    }
                    // No inline scripts, not even for aliases' redirects (main.js
                    // follows their data-redirect).
                    (None, _) => panic!("{}: unexpected script {text}", path.display()),
                }
            }
        }
    }
    // The text comes back exactly where it is shown (HTML parsers turn
    // CRLF into LF).
    let shown = HOSTILE.replace("\r\n", "\n");
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let card = site.html("card/wang/index.html");
    assert_eq!(words(&card.text("h1")), words(&shown));
    // (Line-end spaces are trimmed from the HTML, even inside attributes.)
    for meta in ["meta[property=\"og:title\"]", "meta[name=\"description\"]"] {
        assert_eq!(words(&card.attr(meta, "content").unwrap()), words(&shown));
    }
    let park = site.html("parks/east/index.html");
    assert!(park.text(".prose").contains("<script>alert(1)</script>"));
    // The sitemap is well-formed XML.
    roxmltree::Document::parse(&site.read("sitemap.xml")).unwrap();
    // The vCard keeps the value on one logical line, escaped.
    let vcard = site.read("card/wang/wang.vcf");
    let unfolded = vcard.replace("\r\n ", "");
    let title = unfolded
        .split("\r\n")
        .find_map(|l| l.strip_prefix("TITLE:"))
        .unwrap();
    assert_eq!(
        title,
        "<script>alert(1)</script>\"'<>&</script><!-- javascript:alert(1) \\n x"
    );
}

#[test]
fn a_yaml_alias_bomb_fails_fast() {
    let site = TestSite::complete();
    let mut yaml = String::from("---\ntitle: 炸弹\nsummary: &a [x, x, x, x, x, x, x, x, x, x]\n");
    let mut previous = 'a';
    for name in 'b'..='j' {
        yaml.push_str(&format!(
            "{name}: &{name} [*{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}]\n"
        ));
        previous = name;
    }
    yaml.push_str("---\n");
    site.file("content/industries/bomb.md", &yaml);
    let out = site.cli(&["build"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("content/industries/bomb.md"), "{stderr}");
}

#[test]
fn deep_nesting_and_long_lines_are_handled() {
    let site = TestSite::complete();
    let nested = format!(
        "{}深\n\n{}浅\n\n{}\n",
        "> ".repeat(10_000),
        "- ".repeat(10_000),
        "长".repeat(300_000)
    );
    site.file(
        "content/pages/deep.md",
        &format!("---\ntitle: 深\n---\n{nested}"),
    );
    site.file(
        "content/pages/yaml.md",
        &format!(
            "---\ntitle: {}{}\n---\n",
            "[".repeat(10_000),
            "]".repeat(10_000)
        ),
    );
    let out = site.cli(&["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    // The nested YAML is an error at its file; the Markdown builds.
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("content/pages/yaml.md"), "{stderr}");
    assert!(!stderr.contains("error: content/pages/deep.md"), "{stderr}");
    assert!(
        stderr.len() < 5_000,
        "long lines are cut in messages: {}",
        stderr.len()
    );
    site.remove("content/pages/yaml.md");
    site.build_ok();
    assert!(site.read("deep/index.html").contains("长长长"));
}

#[test]
fn an_oversized_content_file_is_refused_with_a_clear_error() {
    let site = TestSite::complete();
    let body = "涪城招商。".repeat(1_000_000); // 15 MB
    site.file(
        "content/pages/huge.md",
        &format!("---\ntitle: 大\n---\n{body}"),
    );
    let out = site.cli(&["build"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("content/pages/huge.md") && stderr.contains("MB"),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_does_not_hang_the_walk() {
    let site = TestSite::complete();
    std::os::unix::fs::symlink(
        site.root().join("content"),
        site.root().join("content/parks/loop"),
    )
    .unwrap();
    let report = site.build_ok();
    assert!(
        messages(&report).contains("symbolic link"),
        "{}",
        messages(&report)
    );
}

#[test]
fn builds_are_byte_identical_whatever_the_threads_and_file_order() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().unwrap();
    let build = |threads: Option<&str>, output: &str| {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_hui"));
        cmd.args(["build", "--quiet", "--root"])
            .arg(example)
            .arg("--output")
            .arg(out.path().join(output))
            .env("SOURCE_DATE_EPOCH", "1790000000");
        if let Some(n) = threads {
            cmd.env("RAYON_NUM_THREADS", n);
        }
        assert!(cmd.status().unwrap().success());
        tree(&out.path().join(output))
    };
    let one = build(Some("1"), "one");
    let many = build(Some("4"), "many");
    let default = build(None, "default");
    assert_eq!(one.len(), many.len());
    for (path, bytes) in &one {
        assert!(
            many[path] == *bytes,
            "{path} differs between 1 and 4 threads"
        );
        assert!(
            default[path] == *bytes,
            "{path} differs with the default threads"
        );
    }

    // The same content written in the opposite order.
    let forward = TestSite::complete();
    let backward = TestSite::new();
    let mut files: Vec<_> = walkdir::WalkDir::new(forward.root().join("content"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    files.sort();
    files.reverse();
    for path in files {
        let rel = path.strip_prefix(forward.root()).unwrap();
        backward.bytes(&rel.to_string_lossy(), &std::fs::read(&path).unwrap());
    }
    let date = jiff::civil::date(2026, 11, 27);
    assert!(forward.build_with(|o| o.today = Some(date)).succeeded());
    assert!(backward.build_with(|o| o.today = Some(date)).succeeded());
    assert_eq!(tree(&forward.public("")), tree(&backward.public("")));
}
