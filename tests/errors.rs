//! Bad input: every problem names the file and line, says how to fix it,
//! fails the build with exit code 1, and leaves the previous output intact.

mod common;

use common::{messages, tree, TestSite};

/// Builds a site that was good once, breaks it with `breakage`, and checks the
/// failed build: it reports an error at `path:line` whose text contains
/// `expect`, and `public/` is exactly as the good build left it.
fn assert_fails(
    breakage: impl FnOnce(&TestSite),
    path: &str,
    line: usize,
    expect: &[&str],
) -> String {
    let site = TestSite::complete();
    site.build_ok();
    let before = snapshot(&site);
    breakage(&site);

    let out = site.cli(&["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(
        out.status.code(),
        Some(1),
        "exit code 1 expected:\n{stderr}"
    );
    let location = format!("{path}:{line}");
    assert!(
        stderr.contains(&location),
        "expected an error at {location}:\n{stderr}"
    );
    for needle in expect {
        assert!(stderr.contains(needle), "expected `{needle}` in:\n{stderr}");
    }
    assert_eq!(
        snapshot(&site),
        before,
        "public/ changed after a failed build"
    );
    stderr
}

/// Every file under public/ with its contents (there must be some).
fn snapshot(site: &TestSite) -> std::collections::BTreeMap<String, Vec<u8>> {
    let files = tree(&site.public(""));
    assert!(!files.is_empty());
    files
}

#[test]
fn unknown_field_suggests_the_right_one() {
    let stderr = assert_fails(
        |s| {
            s.file(
                "content/officials/wang-ming.md",
                "---\nname: 王明\nphon: \"+86 816 000 0001\"\n---\n",
            );
        },
        "content/officials/wang-ming.md",
        3,
        &["unknown field `phon`", "did you mean `phone`?"],
    );
    assert!(stderr.contains("3 | phon:"), "shows the line:\n{stderr}");
}

#[test]
fn wrong_type_is_reported_at_its_line() {
    assert_fails(
        |s| {
            s.file(
                "content/industries/new-display.md",
                "---\ntitle: 新型显示\nweight: heavy\n---\n",
            );
        },
        "content/industries/new-display.md",
        3,
        &["weight", "whole number"],
    );
}

#[test]
fn formatted_values_are_checked() {
    assert_fails(
        |s| {
            s.file(
                "content/officials/wang-ming.md",
                "---\nname: 王明\nemail: wang at example\n---\n",
            );
        },
        "content/officials/wang-ming.md",
        3,
        &["invalid e-mail address `wang at example`"],
    );
    assert_fails(
        |s| {
            s.file(
                "content/policies/talent.md",
                "---\ntitle: 政策\nissued: 2023/04/01\n---\n",
            );
        },
        "content/policies/talent.md",
        3,
        &["invalid date", "YYYY-MM-DD"],
    );
    assert_fails(
        |s| {
            s.file(
                "content/officials/wang-ming.md",
                "---\nname: 王明\nmobile: call me maybe\n---\n",
            );
        },
        "content/officials/wang-ming.md",
        3,
        &["invalid phone number"],
    );
    assert_fails(
        |s| {
            s.file(
                "content/parks/east-zone.md",
                "---\ntitle: 东区\nlocation: {lat: 131.4, lng: 104.7}\n---\n",
            );
        },
        "content/parks/east-zone.md",
        3,
        &["coordinates out of range"],
    );
    assert_fails(
        |s| {
            s.file(
                "content/site.yaml",
                "title: 站点\nbase_url: invest.example.gov.cn\n",
            );
        },
        "content/site.yaml",
        2,
        &["base_url", "https://"],
    );
}

#[test]
fn unknown_reference_lists_the_known_slugs() {
    assert_fails(
        |s| {
            s.file(
                "content/parks/east-zone.md",
                "---\ntitle: 东区\nindustries:\n  - new-displya\n---\n",
            );
        },
        "content/parks/east-zone.md",
        4,
        &[
            "unknown industry `new-displya`",
            "did you mean `new-display`?",
        ],
    );
}

#[test]
fn chinese_file_name_gets_a_pinyin_slug() {
    assert_fails(
        |s| {
            s.file("content/officials/张伟.md", "---\nname: 张伟\n---\n");
        },
        "content/officials/张伟.md",
        1,
        &["rename `张伟.md` to `zhang-wei.md`"],
    );
}

#[test]
fn gbk_file_is_recognised() {
    // "标题" in GBK.
    let gbk_title: &[u8] = &[0xB1, 0xEA, 0xCC, 0xE2];
    assert_fails(
        |s| {
            let mut bytes = b"---\ntitle: ".to_vec();
            bytes.extend_from_slice(gbk_title);
            bytes.extend_from_slice(b"\n---\n");
            s.bytes("content/industries/new-display.md", &bytes);
        },
        "content/industries/new-display.md",
        2,
        &["not UTF-8", "GBK", "UTF-8"],
    );
}

#[test]
fn missing_required_field() {
    assert_fails(
        |s| {
            s.file(
                "content/officials/wang-ming.md",
                "---\nposition: 副局长\n---\n",
            );
        },
        "content/officials/wang-ming.md",
        1,
        &["missing required field `name`"],
    );
}

#[test]
fn yaml_syntax_error_points_at_the_file_line() {
    assert_fails(
        |s| {
            s.file(
                "content/industries/new-display.md",
                "---\ntitle: 新型显示\nsummary: 时间: 2023\nweight: 1\n---\n正文\n",
            );
        },
        "content/industries/new-display.md",
        3,
        &["mapping values are not allowed", "must be quoted"],
    );
}

#[test]
fn files_named_in_front_matter_must_exist_inside_the_site() {
    assert_fails(
        |s| {
            s.file(
                "content/officials/wang-ming.md",
                "---\nname: 王明\nphoto: wang.jpg\n---\n",
            );
        },
        "content/officials/wang-ming.md",
        3,
        &["file `wang.jpg` not found", "content/officials/wang.jpg"],
    );
    assert_fails(
        |s| {
            s.file(
                "content/officials/wang-ming.md",
                "---\nname: 王明\nphoto: ../../secret.jpg\n---\n",
            );
        },
        "content/officials/wang-ming.md",
        3,
        &["outside"],
    );
    assert_fails(
        |s| {
            s.file(
                "content/officials/wang-ming.md",
                "---\nname: 王明\nphoto: /etc/passwd\n---\n",
            );
        },
        "content/officials/wang-ming.md",
        3,
        &["outside"],
    );
}

#[test]
fn translations_need_their_default_file_and_a_known_language() {
    assert_fails(
        |s| {
            s.file(
                "content/parks/west-zone.en.md",
                "---\ntitle: West Zone\n---\n",
            );
        },
        "content/parks/west-zone.en.md",
        1,
        &["without a default-language file", "west-zone.md"],
    );
    let site = TestSite::complete();
    site.file(
        "content/parks/east-zone.fr.md",
        "---\ntitle: Zone Est\n---\n",
    );
    let report = site.build();
    assert!(!report.succeeded());
    assert!(messages(&report).contains("language `fr` is not one of the site's languages"));
}

#[test]
fn all_problems_of_a_run_are_reported_together() {
    let site = TestSite::complete();
    site.file(
        "content/officials/wang-ming.md",
        "---\nname: 王明\nphon: 1\n---\n",
    );
    site.file(
        "content/parks/east-zone.md",
        "---\ntitle: 东区\nindustries: [nope]\n---\n",
    );
    site.file("content/industries/new-display.md", "---\nweight: 1\n---\n");
    let out = site.cli(&["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr.contains("content/officials/wang-ming.md:3"),
        "{stderr}"
    );
    assert!(stderr.contains("content/parks/east-zone.md:3"), "{stderr}");
    assert!(
        stderr.contains("content/industries/new-display.md:1"),
        "{stderr}"
    );
    assert!(stderr.contains("build failed with 3 errors"), "{stderr}");
    assert!(!site.public("index.html").exists(), "nothing written");
}

#[test]
fn template_errors_name_the_template_and_line() {
    let site = TestSite::complete();
    site.build_ok();
    site.file("themes/default/templates/page.html", "{% extends \"base.html\" %}\n{% block content %}\n{{ page.title \n{% endblock content %}\n");
    let out = site.cli(&["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("themes/default/templates/page.html:"),
        "{stderr}"
    );
    assert!(site.public("index.html").exists());
}

#[test]
fn output_folder_that_holds_the_site_is_refused() {
    let site = TestSite::complete();
    let out = site.cli(&["build", "--output", "."]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("refusing"));
    assert!(site.root().join("content/site.yaml").exists());
}

#[test]
fn missing_output_parent_is_a_clear_error() {
    let site = TestSite::complete();
    let out = site.cli(&["build", "--output", "no/such/dir/public"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("does not exist"));
}

#[test]
fn missing_content_folder_explains_itself() {
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_hui"))
        .args(["build", "--root"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no `content/` folder"), "{stderr}");
    assert!(stderr.contains("hui init"), "{stderr}");
}
