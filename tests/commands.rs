//! `hui new` and `hui init`: what they write builds cleanly, and what they
//! refuse is explained with the command to run instead.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::{messages, TestSite};
use hui::content::schema::Collection;

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Runs the `hui` binary in `dir`.
fn hui_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hui"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn read(site: &TestSite, rel: &str) -> String {
    std::fs::read_to_string(site.root().join(rel)).unwrap()
}

/// Builds and fails the test on any diagnostic at all, warnings included.
fn assert_builds_cleanly(site: &TestSite) {
    let report = site.build();
    assert!(
        report.diagnostics.is_empty(),
        "expected a clean build:\n{}",
        messages(&report)
    );
}

#[test]
fn new_official_writes_both_languages_and_builds_cleanly() {
    let site = TestSite::complete();
    let out = site.cli(&["new", "officials", "zhang-wei"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains("Created content/officials/zhang-wei.md"),
        "{err}"
    );
    assert!(
        err.contains("Created content/officials/zhang-wei.en.md"),
        "{err}"
    );

    let zh = read(&site, "content/officials/zhang-wei.md");
    assert!(zh.contains("# 办公电话"), "Chinese comments:\n{zh}");
    assert!(
        zh.contains("# industries: [new-display]"),
        "references stay commented out, with a slug that exists:\n{zh}"
    );
    let en = read(&site, "content/officials/zhang-wei.en.md");
    assert!(en.contains("# Position."), "English comments:\n{en}");
    assert!(
        !en.contains("phone:"),
        "translations hold only texts:\n{en}"
    );

    assert_builds_cleanly(&site);
    assert!(site
        .html("officials/index.html")
        .has_link("../card/zhang-wei/"));
    assert!(site
        .html("en/officials/index.html")
        .has_link("../card/zhang-wei/"));
    assert!(site
        .html("en/card/zhang-wei/index.html")
        .text("h1")
        .contains("Zhang San"));
}

#[test]
fn new_entry_of_every_collection_builds_cleanly() {
    let site = TestSite::complete();
    for collection in Collection::ALL {
        let files = hui::scaffold::new_entry(site.root(), collection.dir(), "scaffolded").unwrap();
        assert_eq!(files.len(), 2, "{collection:?}: {files:?}");
        for file in &files {
            assert!(file.is_file(), "{}", file.display());
        }
    }
    assert_builds_cleanly(&site);
    for page in [
        "industries/scaffolded/index.html",
        "parks/scaffolded/index.html",
        "policies/scaffolded/index.html",
        "card/scaffolded/index.html",
        "scaffolded/index.html",
    ] {
        assert!(site.public(page).is_file(), "missing {page}");
        assert!(
            site.public(&format!("en/{page}")).is_file(),
            "missing en/{page}"
        );
    }
}

#[test]
fn new_entry_follows_the_sites_languages() {
    let site = TestSite::new();
    site.file(
        "content/site.yaml",
        "title: {en: Test Guide, zh: 测试指南, ja: テスト}\nbase_url: https://example.org/\nlanguages: [en, zh, ja]\n",
    );
    let files = hui::scaffold::new_entry(site.root(), "industries", "robotics").unwrap();
    let names: Vec<_> = files
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["robotics.md", "robotics.zh.md", "robotics.ja.md"]);
    let default = read(&site, "content/industries/robotics.md");
    assert!(default.contains("title: Sample Industry"), "{default}");
    assert!(read(&site, "content/industries/robotics.zh.md").contains("title: 示例产业"));
    // The content itself must be clean.
    let report = site.build();
    let content: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.path.starts_with("content"))
        .collect();
    assert!(content.is_empty(), "{}", messages(&report));
}

#[test]
fn new_refuses_to_overwrite_and_leaves_the_file_unchanged() {
    let site = TestSite::complete();
    assert!(site
        .cli(&["new", "officials", "zhang-wei"])
        .status
        .success());
    site.file(
        "content/officials/zhang-wei.md",
        "---\nname: 张伟\n---\n已编辑\n",
    );

    let out = site.cli(&["new", "officials", "zhang-wei"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("content/officials/zhang-wei.md"), "{err}");
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(
        read(&site, "content/officials/zhang-wei.md"),
        "---\nname: 张伟\n---\n已编辑\n"
    );
}

#[test]
fn new_writes_nothing_when_only_a_translation_exists() {
    let site = TestSite::complete();
    site.file(
        "content/parks/west-zone.en.md",
        "---\ntitle: West Zone\n---\n",
    );
    let out = site.cli(&["new", "parks", "west-zone"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("content/parks/west-zone.en.md"), "{err}");
    assert!(!site.root().join("content/parks/west-zone.md").exists());
}

#[test]
fn new_suggests_a_pinyin_slug_for_a_chinese_name() {
    let site = TestSite::complete();
    let out = site.cli(&["new", "officials", "张伟"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("`张伟` is not a valid slug"), "{err}");
    assert!(err.contains("hui new officials zhang-wei"), "{err}");
    assert!(!site.root().join("content/officials/张伟.md").exists());
}

#[test]
fn new_suggests_the_nearest_collection() {
    let site = TestSite::complete();
    let out = site.cli(&["new", "parkz", "x"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("did you mean `parks`?"), "{err}");
    assert!(
        err.contains("industries, parks, policies, officials, pages"),
        "{err}"
    );
    assert!(!site.root().join("content/parkz").exists());
}

#[test]
fn new_explains_a_missing_or_broken_site_yaml() {
    let site = TestSite::new();
    site.remove("content/site.yaml");
    let out = site.cli(&["new", "parks", "west-zone"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("content/site.yaml"), "{err}");
    assert!(err.contains("hui init"), "{err}");

    site.file("content/site.yaml", "title: Test\nlanguages: [zh, zh]\n");
    let out = site.cli(&["new", "parks", "west-zone"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("content/site.yaml:2"), "{err}");
    assert!(!site.root().join("content/parks").exists());
}

#[test]
fn new_refuses_a_slug_that_is_another_cards_alias() {
    let site = TestSite::complete();
    site.file(
        "content/officials/li-na.md",
        "---\nname: 李娜\naliases: [zhang-wei]\n---\n",
    );
    let err = hui::scaffold::new_entry(site.root(), "officials", "zhang-wei").unwrap_err();
    assert!(err.message.contains("alias"), "{err}");
    assert!(err.message.contains("li-na.md"), "{err}");
}

#[test]
fn init_creates_a_site_that_builds() {
    let tmp = tempfile::tempdir().unwrap();
    let out = hui_in(tmp.path(), &["init", "site"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let root = tmp.path().join("site");
    assert!(root.join("content/site.yaml").is_file());
    assert!(std::fs::read_to_string(root.join(".gitignore"))
        .unwrap()
        .contains("public/"));

    let out = hui_in(tmp.path(), &["build", "--root", "site"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for page in [
        "index.html",
        "en/index.html",
        "industries/index.html",
        "parks/index.html",
        "policies/index.html",
        "officials/index.html",
        "card/zhang-san/index.html",
        "en/card/zhang-san/index.html",
        "about/index.html",
    ] {
        assert!(root.join("public").join(page).is_file(), "missing {page}");
    }
}

#[test]
fn init_site_warns_only_about_base_url_and_is_cross_linked() {
    let site = TestSite {
        dir: tempfile::tempdir().unwrap(),
    };
    let written = hui::scaffold::init(site.root()).unwrap();
    assert_eq!(written.len(), 19, "{written:?}");
    // The GitHub Pages workflow builds the site and publishes public/.
    let workflow = site.root().join(".github/workflows/pages.yml");
    assert!(written.contains(&workflow), "{written:?}");
    let yaml: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(&workflow).unwrap()).unwrap();
    let build = &yaml["jobs"]["build"]["steps"];
    let runs: Vec<&str> = build
        .as_sequence()
        .unwrap()
        .iter()
        .filter_map(|step| step["run"].as_str())
        .collect();
    assert!(runs.iter().any(|r| r.starts_with("hui build")), "{runs:?}");
    assert!(yaml["jobs"]["deploy"]["steps"].is_sequence());
    let report = site.build();
    assert!(report.succeeded(), "{}", messages(&report));
    for d in report.diagnostics.iter() {
        assert!(d.message.contains("base_url"), "unexpected: {d}");
    }

    let industry = site.html("industries/example-industry/index.html");
    assert!(
        industry.has_link("../../parks/example-park/"),
        "industry → park"
    );
    assert!(
        industry.has_link("../../policies/example-policy/"),
        "industry → policy"
    );
    assert!(
        industry.has_link("../../card/zhang-san/"),
        "industry → official"
    );
    assert!(
        industry.has_link("../../projects/sample-project/"),
        "industry → project"
    );
    let park = site.html("parks/example-park/index.html");
    assert!(
        park.has_link("../../carriers/sample-plot/"),
        "park → carrier"
    );
    assert!(park.has_link("../../events/sample-event/"), "park → event");
    let home = site.html("en/index.html");
    assert!(home.has_link("about/"), "the page is in the menu");
}

#[test]
fn init_settings_that_are_commented_out_work_once_uncommented() {
    let site = TestSite {
        dir: tempfile::tempdir().unwrap(),
    };
    hui::scaffold::init(site.root()).unwrap();
    let path = site.root().join("content/site.yaml");
    // A setting is a commented line that starts with a key or a list item;
    // explanations are sentences.
    let uncommented: String = std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .map(|line| match line.strip_prefix("# ") {
            Some(rest) if is_setting(rest) => format!("{rest}\n"),
            _ => format!("{line}\n"),
        })
        .collect();
    std::fs::write(&path, &uncommented).unwrap();
    let report = site.build();
    assert!(report.succeeded(), "{}", messages(&report));
    let home = std::fs::read_to_string(site.public("en/index.html")).unwrap();
    assert!(home.contains("Projects signed"), "the headline figures");
    assert!(home.contains("Industrial power"), "the costs");
    assert!(home.contains("0000000000"), "the site code");
}

/// Whether a line of the scaffold's site.yaml, once `# ` is dropped, is a
/// setting (`key: value` or a list item) rather than an explanation.
fn is_setting(line: &str) -> bool {
    let key = line.trim_start().trim_start_matches("- ");
    line.starts_with("  - ")
        || key.split_once(':').is_some_and(|(k, _)| {
            !k.is_empty() && k.chars().all(|c| c.is_ascii_lowercase() || c == '_')
        })
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("notes.txt"), "mine").unwrap();
    let out = hui_in(tmp.path(), &["init", "."]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("not empty"), "{err}");
    assert!(err.contains("notes.txt"), "{err}");
    assert!(!tmp.path().join("content").exists());
}

#[test]
fn init_accepts_a_folder_with_only_hidden_files() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir(tmp.path().join(".git")).unwrap();
    std::fs::write(tmp.path().join(".gitignore"), "target/").unwrap();
    let out = hui_in(tmp.path(), &["init", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let gitignore = std::fs::read_to_string(tmp.path().join(".gitignore")).unwrap();
    assert!(gitignore.starts_with("target/\n"), "{gitignore}");
    assert!(gitignore.contains("\npublic/\n"), "{gitignore}");
}

#[test]
fn help_shows_examples() {
    let site = TestSite::new();
    let new = site.cli(&["new", "--help"]);
    assert!(new.status.success());
    assert!(String::from_utf8_lossy(&new.stdout).contains("hui new officials zhang-wei"));
    let init = site.cli(&["init", "--help"]);
    assert!(init.status.success());
    assert!(String::from_utf8_lossy(&init.stdout).contains("hui init my-guide"));
}

#[test]
fn schema_prints_the_contract_and_its_json_schema() {
    let site = TestSite::new();
    let human = site.cli(&["schema"]);
    assert!(human.status.success());
    let text = String::from_utf8(human.stdout).unwrap();
    assert!(text.contains("content/officials/"), "{text}");
    assert!(
        text.lines()
            .any(|l| l.trim_start().starts_with("industries") && l.contains("slugs")),
        "{text}"
    );
    let json = site.cli(&["schema", "--format", "json"]);
    assert!(json.status.success());
    let schema: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let officials = &schema["officials"];
    assert_eq!(
        officials["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(officials["additionalProperties"], false);
    assert_eq!(officials["properties"]["email"]["format"], "email");
    assert!(officials["properties"]["phone"]["description"]
        .as_str()
        .unwrap()
        .contains("电话"));
    assert_eq!(
        schema["parks"]["properties"]["location"]["required"],
        serde_json::json!(["lat", "lng"])
    );
    assert_eq!(
        schema["projects"]["properties"]["status"]["enum"][0],
        "seeking"
    );
    assert_eq!(
        schema["carriers"]["properties"]["park"]["pattern"],
        "^[a-z0-9]+(-[a-z0-9]+)*$"
    );
    let markdown = site.cli(&["schema", "--format", "markdown"]);
    assert!(markdown.status.success());
    let table = String::from_utf8(markdown.stdout).unwrap();
    assert!(
        table.contains("#### content/events/\n\n| field | value | meaning |"),
        "{table}"
    );
    assert!(
        table.contains("| `park` | slug of parks | The park it is in"),
        "{table}"
    );
    let bad = site.cli(&["schema", "--format", "yaml"]);
    assert_eq!(bad.status.code(), Some(2));
}
