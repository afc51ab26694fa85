//! `hui check`: the build's own problems plus editorial warnings, each at
//! `path:line`, without writing anything; `--strict` and `--format json`.

mod common;

use common::TestSite;

/// Runs `hui check` with `args` and returns its exit code and stderr.
fn check(site: &TestSite, args: &[&str]) -> (i32, String) {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    let out = site.cli(&all);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (out.status.code().unwrap_or(-1), stderr)
}

/// Asserts that `stderr` has a warning at `location` whose text contains
/// every one of `needles`.
fn assert_warns(stderr: &str, location: &str, needles: &[&str]) {
    let block = stderr
        .split("\n\n")
        .find(|b| b.starts_with(&format!("warning: {location}")))
        .unwrap_or_else(|| panic!("expected a warning at {location}:\n{stderr}"));
    for needle in needles {
        assert!(block.contains(needle), "expected `{needle}` in:\n{block}");
    }
}

/// The number of warnings `hui check` printed.
fn warnings(stderr: &str) -> usize {
    stderr.matches("warning: ").count()
}

#[test]
fn the_complete_site_checks_clean() {
    let site = TestSite::complete();
    let (code, stderr) = check(&site, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("No problems found."), "{stderr}");
    let (code, stderr) = check(&site, &["--strict"]);
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn check_writes_nothing() {
    let site = TestSite::complete();
    let (code, stderr) = check(&site, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!site.public("").exists(), "check created public/");
    let leftovers: Vec<_> = std::fs::read_dir(site.root())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name != "content")
        .collect();
    assert!(leftovers.is_empty(), "check wrote {leftovers:?}");
}

#[test]
fn build_errors_fail_the_check() {
    let site = TestSite::complete();
    site.file(
        "content/officials/wang-ming.md",
        "---\nname: 王明\nphon: \"+86 816 000 0001\"\n---\n简介\n",
    );
    let (code, stderr) = check(&site, &[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("error: content/officials/wang-ming.md:3:1: unknown field `phon`"),
        "{stderr}"
    );
    assert!(stderr.contains("did you mean `phone`?"), "{stderr}");
    // The official's file did not load, so nothing is reported as not
    // covered or unreachable because of it.
    assert!(!stderr.contains("no official covers"), "{stderr}");
    assert!(!site.public("").exists());
}

#[test]
fn a_text_field_left_out_of_a_translation_warns() {
    let site = TestSite::complete();
    site.file(
        "content/parks/east-zone.md",
        "---\ntitle: 东区\nsummary: 东区简介\naddress: 示例路1号\narea_km2: 12.5\nestablished: 2008\nindustries: [new-display]\n---\n东区正文\n",
    );
    site.file(
        "content/parks/east-zone.en.md",
        "---\ntitle: East Zone\nsummary: The east zone\n---\nEast zone text.\n",
    );
    let (code, stderr) = check(&site, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_warns(
        &stderr,
        "content/parks/east-zone.en.md:4:1",
        &[
            "`address` is not translated; the Chinese text is shown",
            "English text",
        ],
    );
    // Numbers, years and references are written once: no warning for them.
    assert_eq!(warnings(&stderr), 1, "{stderr}");
}

#[test]
fn links_to_missing_pages_warn_at_their_line() {
    let site = TestSite::complete();
    site.file(
        "content/industries/new-display.md",
        "---\ntitle: 新型显示\nsummary: 以惠科为龙头\nweight: 1\nkey_companies: [惠科]\nstats:\n  - {label: 项目, value: 168}\n---\n## 概况\n\n见[东区](/parks/east-zone/)、[王明](/card/wang-ming/)、[政策](/policies/talent/)、\n[联系人](/officials/)、[关于](/about/)、[首页](/)和[English](/en/parks/east-zone/)。\n\n另见[西区](/parks/west-zon/)。\n\n联系[王明](/officials/wang-ming/)或[外链](https://example.com/)。\n\n[相对](east-zone/)\n",
    );
    let (code, stderr) = check(&site, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_warns(
        &stderr,
        "content/industries/new-display.md:14:",
        &[
            "broken link `/parks/west-zon/`: there is no park `west-zon`",
            "did you mean `/parks/east-zone/`?",
            "14 | 另见",
        ],
    );
    assert_warns(
        &stderr,
        "content/industries/new-display.md:16:",
        &["broken link `/officials/wang-ming/`", "`/card/wang-ming/`"],
    );
    assert_warns(
        &stderr,
        "content/industries/new-display.md:18:",
        &["relative link to a page", "`/industries/east-zone/`"],
    );
    assert_eq!(warnings(&stderr), 3, "{stderr}");
}

#[test]
fn a_link_to_a_draft_warns() {
    let site = TestSite::complete();
    site.file(
        "content/parks/west-zone.md",
        "---\ntitle: 西区\ndraft: true\n---\n",
    );
    site.file(
        "content/pages/about.md",
        "---\ntitle: 关于\nmenu: true\n---\n见[西区](/parks/west-zone/)\n",
    );
    let (_, stderr) = check(&site, &[]);
    assert_warns(
        &stderr,
        "content/pages/about.md:5:",
        &["content/parks/west-zone.md is a draft"],
    );
    let (code, stderr) = check(&site, &["--drafts"]);
    assert!(!stderr.contains("broken link"), "{stderr}");
    // With --drafts the park is in, and nobody covers it.
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn anchors_must_be_headings_of_the_target_page() {
    let site = TestSite::complete();
    site.file(
        "content/parks/east-zone.md",
        "---\ntitle: 东区\naddress: 示例路1号\nhighlights: [标准厂房]\nindustries: [new-display]\n---\n## 交通\n\n## 配套 {#facilities}\n",
    );
    site.file(
        "content/parks/east-zone.en.md",
        "---\ntitle: East Zone\naddress: 1 Example Road\nhighlights: [Standard factories]\n---\n## Transport\n",
    );
    site.file(
        "content/pages/about.md",
        "---\ntitle: 关于\nmenu: true\n---\n[交通](/parks/east-zone/#交通)\n[配套](/parks/east-zone/#facilities)\n[编码](/parks/east-zone/#%E4%BA%A4%E9%80%9A)\n[本页](#关于)\n\n## 关于\n\n[错](/parks/east-zone/#transport)\n",
    );
    site.file(
        "content/pages/about.en.md",
        "---\ntitle: About\n---\n[Transport](/parks/east-zone/#transport)\n[Wrong](/parks/east-zone/#交通)\n",
    );
    let (code, stderr) = check(&site, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_warns(
        &stderr,
        "content/pages/about.md:12:",
        &[
            "broken link `/parks/east-zone/#transport`: the page has no heading `#transport`",
            "`#交通`, `#facilities`",
            "{#transport}",
        ],
    );
    // An English body links to the English page, whose headings differ.
    assert_warns(
        &stderr,
        "content/pages/about.en.md:5:",
        &[
            "the page has no heading `#交通`",
            "the headings' anchors there are `#transport`",
        ],
    );
    assert_eq!(warnings(&stderr), 2, "{stderr}");
}

#[test]
fn missing_images_and_files_warn() {
    let site = TestSite::complete();
    site.bytes("content/parks/plan.png", b"png");
    site.bytes("content/files/guide.pdf", b"pdf");
    site.file(
        "content/parks/east-zone.md",
        "---\ntitle: 东区\naddress: 示例路1号\nhighlights: [标准厂房]\nindustries: [new-display]\n---\n![规划](plan.png)\n![总图](/parks/plan.png)\n[指南](/files/guide.pdf)\n\n![地图](map.jpg)\n![远程](https://cdn.example.com/a.png)\n[手册](/files/manual.pdf)\n[源文件](/parks/east-zone.md)\n",
    );
    let (code, stderr) = check(&site, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_warns(
        &stderr,
        "content/parks/east-zone.md:11:",
        &[
            "broken image `map.jpg`: file not found",
            "put the file at content/parks/map.jpg",
        ],
    );
    assert_warns(
        &stderr,
        "content/parks/east-zone.md:12:",
        &["image `https://cdn.example.com/a.png` is loaded from another site"],
    );
    assert_warns(
        &stderr,
        "content/parks/east-zone.md:13:",
        &["broken link `/files/manual.pdf`: file not found"],
    );
    assert_warns(
        &stderr,
        "content/parks/east-zone.md:14:",
        &["Markdown file", "`/parks/east-zone/`"],
    );
    assert_eq!(warnings(&stderr), 4, "{stderr}");
}

#[test]
fn expired_and_inverted_policies_warn() {
    let site = TestSite::complete();
    site.file(
        "content/policies/talent.md",
        "---\ntitle: 招才引智\nissuer: 区人才办\neffective: 2021-02-01\nexpires: 2020-12-31\nindustries: [new-display]\n---\n政策正文\n",
    );
    let (code, stderr) = check(&site, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_warns(
        &stderr,
        "content/policies/talent.md:5:1",
        &["the policy expired on 2020-12-31", "update `expires`"],
    );
    assert_warns(
        &stderr,
        "content/policies/talent.md:4:1",
        &["takes effect on 2021-02-01, after it expires on 2020-12-31"],
    );
}

#[test]
fn expiry_is_judged_on_the_given_date() {
    let site = TestSite::complete();
    let options = |today: &str| hui::BuildOptions {
        root: site.root().to_path_buf(),
        today: Some(today.parse().unwrap()),
        ..Default::default()
    };
    let expired = |today: &str| {
        hui::check::check(&options(today))
            .iter()
            .any(|d| d.message.contains("expired"))
    };
    // The complete site's policy expires on 2099-12-31.
    assert!(!expired("2099-12-31"));
    assert!(expired("2100-01-01"));
}

#[test]
fn an_official_without_contact_details_warns() {
    let site = TestSite::complete();
    site.file(
        "content/officials/wang-ming.md",
        "---\nname: 王明\nposition: 副局长\norganization: 经合局\nwechat: wang-demo\nindustries: [new-display]\nparks: [east-zone]\n---\n简介\n",
    );
    let (code, stderr) = check(&site, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_warns(
        &stderr,
        "content/officials/wang-ming.md:2:1",
        &[
            "no `phone`, `mobile` or `email`",
            "email: name@example.gov.cn",
        ],
    );
}

#[test]
fn entries_nobody_refers_to_warn() {
    let site = TestSite::complete();
    site.file(
        "content/industries/biomedicine.md",
        "---\ntitle: 生物医药\n---\n",
    );
    site.file(
        "content/industries/biomedicine.en.md",
        "---\ntitle: Biomedicine\n---\nText.\n",
    );
    site.file(
        "content/parks/west-zone.md",
        "---\ntitle: 西区\nindustries: [new-display]\n---\n",
    );
    site.file(
        "content/parks/west-zone.en.md",
        "---\ntitle: West Zone\n---\nText.\n",
    );
    let (code, stderr) = check(&site, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_warns(
        &stderr,
        "content/industries/biomedicine.md:2:1",
        &[
            "no park, policy or official lists this industry",
            "`industries: [biomedicine]`",
        ],
    );
    assert_warns(
        &stderr,
        "content/parks/west-zone.md:2:1",
        &["no official covers this park", "`parks: [west-zone]`"],
    );
    assert_eq!(warnings(&stderr), 2, "{stderr}");
}

#[test]
fn strict_turns_warnings_into_errors() {
    let site = TestSite::complete();
    site.file(
        "content/pages/about.md",
        "---\ntitle: 关于\nmenu: true\n---\n[x](/nowhere/)\n",
    );
    let (code, stderr) = check(&site, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("warning: content/pages/about.md:5:"),
        "{stderr}"
    );
    let (code, stderr) = check(&site, &["--strict"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("error: content/pages/about.md:5:"),
        "{stderr}"
    );
}

#[test]
fn json_prints_one_object_per_problem() {
    let site = TestSite::complete();
    site.file(
        "content/pages/about.md",
        "---\ntitle: 关于\nmenu: true\n---\n[x](/nowhere/)\n![y](y.png)\n",
    );
    let out = site.cli(&["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let problems: Vec<serde_json::Value> = stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(problems.len(), 2, "{stdout}");
    let first = &problems[0];
    assert_eq!(first["severity"], "warning");
    assert_eq!(first["file"], "content/pages/about.md");
    assert_eq!(first["line"], 5);
    assert_eq!(first["column"], 5);
    assert!(first["message"]
        .as_str()
        .unwrap()
        .contains("broken link `/nowhere/`"));
    assert!(first["hint"]
        .as_str()
        .unwrap()
        .contains("the free pages are /about/"));
    assert_eq!(problems[1]["line"], 6);

    let out = site.cli(&["check", "--format", "json", "--strict"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.lines().all(|l| l.contains("\"severity\":\"error\"")));
}

#[test]
fn bad_arguments_exit_with_2() {
    let site = TestSite::complete();
    let (code, _) = check(&site, &["--format", "xml"]);
    assert_eq!(code, 2);
}

#[test]
fn a_link_to_an_old_card_address_warns() {
    let site = TestSite::complete();
    site.file(
        "content/officials/wang-ming.md",
        "---\nname: 王明\nposition: 副局长\norganization: 经合局\nphone: \"+86 816 000 0001\"\nindustries: [new-display]\nparks: [east-zone]\naliases: [wang-old]\n---\n简介\n",
    );
    site.file(
        "content/pages/about.md",
        "---\ntitle: 关于\nmenu: true\n---\n[王明](/card/wang-old/)\n[名片](/card/wang-ming/wang-ming.vcf)\n",
    );
    let (code, stderr) = check(&site, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_warns(
        &stderr,
        "content/pages/about.md:5:",
        &["old address of `wang-ming`'s card", "`/card/wang-ming/`"],
    );
    // The card's vCard is a file hui writes: not reported.
    assert_eq!(warnings(&stderr), 1, "{stderr}");
}
