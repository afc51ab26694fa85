//! Building small sites: pages, languages, cross-references, URLs, sitemap.

mod common;

use common::{messages, rel, resolve, TestSite};

#[test]
fn every_page_is_written_in_both_languages() {
    let site = TestSite::complete();
    site.build_ok();
    for page in [
        "index.html",
        "industries/index.html",
        "industries/new-display/index.html",
        "parks/index.html",
        "parks/east-zone/index.html",
        "policies/index.html",
        "policies/talent/index.html",
        "officials/index.html",
        "card/wang-ming/index.html",
        "about/index.html",
        "404.html",
    ] {
        assert!(site.public(page).is_file(), "missing {page}");
        assert!(
            site.public(&format!("en/{page}")).is_file(),
            "missing en/{page}"
        );
    }
    assert!(site.public("sitemap.xml").is_file());
    assert!(site
        .read("robots.txt")
        .contains("Sitemap: https://invest.example.gov.cn/sitemap.xml"));
    // Theme files are published fingerprinted, never under their own name.
    for name in [
        "base.css",
        "pages.css",
        "card.css",
        "main.js",
        "search.js",
        "search.css",
        "favicon.svg",
    ] {
        assert!(site.public(&site.asset(name)).is_file(), "{name}");
        assert!(!site.public(&format!("assets/{name}")).exists(), "{name}");
    }
}

#[test]
fn pages_declare_language_alternates_canonical_and_meta() {
    let site = TestSite::complete();
    site.build_ok();
    let zh = site.html("industries/new-display/index.html");
    assert_eq!(zh.attr("html", "lang").as_deref(), Some("zh-CN"));
    assert_eq!(
        zh.attr("link[rel=canonical]", "href").as_deref(),
        Some("https://invest.example.gov.cn/industries/new-display/")
    );
    assert_eq!(
        zh.attr("link[rel=alternate][hreflang=en]", "href")
            .as_deref(),
        Some("https://invest.example.gov.cn/en/industries/new-display/")
    );
    assert_eq!(
        zh.attr("link[rel=alternate][hreflang=x-default]", "href")
            .as_deref(),
        Some("https://invest.example.gov.cn/industries/new-display/")
    );
    assert!(zh.text("title").contains("新型显示"));
    assert_eq!(
        zh.attr("meta[name=description]", "content").as_deref(),
        Some("以惠科为龙头")
    );

    let en = site.html("en/industries/new-display/index.html");
    assert_eq!(en.attr("html", "lang").as_deref(), Some("en"));
    assert!(en.text("title").contains("New Display"));
    assert_eq!(
        en.attr("link[rel=alternate][hreflang=zh-CN]", "href")
            .as_deref(),
        Some("https://invest.example.gov.cn/industries/new-display/")
    );
}

#[test]
fn language_switcher_points_to_the_same_page() {
    let site = TestSite::complete();
    site.build_ok();
    let zh = site.html("parks/east-zone/index.html");
    assert_eq!(
        zh.attrs(".lang-switch a", "href"),
        vec!["../../en/parks/east-zone/"]
    );
    let en = site.html("en/parks/east-zone/index.html");
    assert_eq!(
        en.attrs(".lang-switch a", "href"),
        vec!["../../../parks/east-zone/"]
    );
    let home = site.html("en/index.html");
    assert_eq!(home.attrs(".lang-switch a", "href"), vec!["../"]);
    let home = site.html("index.html");
    assert_eq!(home.attrs(".lang-switch a", "href"), vec!["en/"]);
}

#[test]
fn cross_references_are_shown_on_both_sides() {
    let site = TestSite::complete();
    site.build_ok();
    let industry = site.html("industries/new-display/index.html");
    assert!(
        industry.has_link("../../parks/east-zone/"),
        "industry → park"
    );
    assert!(
        industry.has_link("../../policies/talent/"),
        "industry → policy"
    );
    assert!(
        industry.has_link("../../card/wang-ming/"),
        "industry → official"
    );

    let park = site.html("en/parks/east-zone/index.html");
    assert!(
        park.has_link("../../industries/new-display/"),
        "park → industry"
    );
    assert!(park.has_link("../../card/wang-ming/"), "park → official");
    assert!(park.text(".related").contains("New Display"));

    let policy = site.html("policies/talent/index.html");
    assert!(
        policy.has_link("../../industries/new-display/"),
        "policy → industry"
    );

    let card = site.html("en/card/wang-ming/index.html");
    assert!(
        card.has_link("../../industries/new-display/"),
        "official → industry"
    );
    assert!(card.has_link("../../parks/east-zone/"), "official → park");
}

#[test]
fn translations_inherit_fields_they_leave_out() {
    let site = TestSite::complete();
    site.build_ok();
    let card = site.html("en/card/wang-ming/index.html");
    assert!(card.text("h1").contains("Wang Ming"));
    assert!(
        card.has_link("tel:+868160000001"),
        "phone inherited from the Chinese file"
    );
    assert!(card.has_link("mailto:wang@example.gov.cn"));
    let policy = site.html("en/policies/talent/index.html");
    assert!(
        policy.text(".facts").contains("2099-12-31"),
        "dates inherited"
    );
}

#[test]
fn base_url_with_a_path_is_kept_in_absolute_urls_and_404_links_only() {
    let site = TestSite::complete();
    let report = site.build_with(|o| o.base_url = Some("https://host.example.cn/invest".into()));
    assert!(report.succeeded(), "{}", messages(&report));
    for page in [
        "index.html",
        "en/index.html",
        "en/industries/new-display/index.html",
        "parks/index.html",
        "en/parks/east-zone/index.html",
        "card/wang-ming/index.html",
        "en/search/index.html",
        "404.html",
        "en/404.html",
    ] {
        let html = site.html(page);
        let mut urls = html.attrs("a[href]", "href");
        urls.extend(html.attrs("link[href]", "href"));
        urls.extend(html.attrs("script[src]", "src"));
        urls.extend(html.attrs("img[src]", "src"));
        urls.extend(html.attrs("form[action]", "action"));
        let mut internal = 0;
        for url in urls {
            if url.starts_with("http") {
                // Maps and other sites are fine; this site's own URLs keep the path.
                assert!(
                    !url.contains("host.example.cn")
                        || url.starts_with("https://host.example.cn/invest/"),
                    "{page}: {url}"
                );
                continue;
            }
            let Some(file) = resolve(page, &url, "/invest/") else {
                continue;
            };
            internal += 1;
            if page.ends_with("404.html") {
                // Hosts show 404.html at any address: its links are rooted.
                assert!(
                    url.starts_with("/invest/"),
                    "{page}: {url} lost the base path"
                );
            } else {
                // Elsewhere links are relative, whatever the base path.
                assert!(!url.starts_with('/'), "{page}: {url}");
                assert!(!url.contains("invest"), "{page}: {url} has the base path");
            }
            assert!(
                site.public(&file).is_file(),
                "{page}: {url} leads to missing {file}"
            );
        }
        assert!(internal > 10, "{page}: {internal} internal links");
    }
    let en = site.html("en/parks/east-zone/index.html");
    assert!(en.has_link("../../industries/new-display/"));
    assert!(en.has_link("../../"), "the English home");
    assert_eq!(
        en.attr("link[rel=canonical]", "href").as_deref(),
        Some("https://host.example.cn/invest/en/parks/east-zone/")
    );
    assert_eq!(
        en.attr("link[rel=alternate][hreflang=zh-CN]", "href")
            .as_deref(),
        Some("https://host.example.cn/invest/parks/east-zone/")
    );
    let not_found = site.html("404.html");
    assert!(not_found.has_link("/invest/"));
    assert!(not_found.has_link("/invest/parks/"));
    let card = site.html("card/wang-ming/index.html");
    assert_eq!(
        card.attr("meta[property=\"og:url\"]", "content").as_deref(),
        Some("https://host.example.cn/invest/card/wang-ming/")
    );
    assert_eq!(
        card.attr(".js-share", "data-url").as_deref(),
        Some("https://host.example.cn/invest/card/wang-ming/")
    );
    assert!(site
        .read("card/wang-ming/wang-ming.vcf")
        .contains("URL:https://host.example.cn/invest/card/wang-ming/"));
    assert!(site
        .read("sitemap.xml")
        .contains("<loc>https://host.example.cn/invest/en/parks/east-zone/</loc>"));
}

#[test]
fn sitemap_lists_every_page_with_reciprocal_alternates() {
    let site = TestSite::complete();
    site.build_ok();
    let xml = site.read("sitemap.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let urls: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("url"))
        .collect();
    // 5 entries + home + 4 lists + the parks' comparison + search, in 2
    // languages.
    assert_eq!(urls.len(), 24);
    let mut locs = Vec::new();
    for url in &urls {
        let loc = url
            .children()
            .find(|n| n.has_tag_name("loc"))
            .unwrap()
            .text()
            .unwrap();
        assert!(loc.starts_with("https://invest.example.gov.cn/"));
        let alternates: Vec<(&str, &str)> = url
            .children()
            .filter(|n| n.has_tag_name("link"))
            .map(|n| {
                (
                    n.attribute("hreflang").unwrap(),
                    n.attribute("href").unwrap(),
                )
            })
            .collect();
        let langs: Vec<&str> = alternates.iter().map(|a| a.0).collect();
        assert_eq!(langs, ["zh-CN", "en", "x-default"], "{loc}");
        assert!(
            alternates.iter().any(|a| a.1 == loc),
            "{loc} is among its alternates"
        );
        locs.push(loc.to_owned());
    }
    assert!(locs.contains(&"https://invest.example.gov.cn/en/card/wang-ming/".to_owned()));
    assert!(!xml.contains("404"));
}

#[test]
fn missing_translation_falls_back_visibly_with_a_warning() {
    let site = TestSite::complete();
    site.remove("content/parks/east-zone.en.md");
    let report = site.build_ok();
    let warning = report
        .diagnostics
        .iter()
        .find(|d| !d.is_error())
        .expect("a warning about the missing translation");
    assert!(
        warning.path.ends_with("content/parks/east-zone.md"),
        "{warning}"
    );
    assert!(warning.message.contains("`en`"), "{warning}");
    let en = site.html("en/parks/east-zone/index.html");
    assert_eq!(en.attr("html", "lang").as_deref(), Some("en"));
    assert!(
        !en.select(".notice-fallback").is_empty(),
        "a visible notice"
    );
    assert_eq!(
        en.attr("article.entry-main", "lang").as_deref(),
        Some("zh-CN")
    );
    assert!(en.text("h1").contains("东区"));
    // Lists that show the untranslated entry mark its language too.
    let list = site.html("en/parks/index.html");
    assert_eq!(list.attr(".entry-card", "lang").as_deref(), Some("zh-CN"));
}

#[test]
fn drafts_are_skipped_unless_asked_for() {
    let site = TestSite::complete();
    site.file(
        "content/industries/secret.md",
        "---\ntitle: 草稿\ndraft: true\n---\n",
    );
    site.build_ok();
    assert!(!site.public("industries/secret/index.html").exists());
    assert!(!site.read("industries/index.html").contains("草稿"));
    let report = site.build_with(|o| o.drafts = true);
    assert!(report.succeeded(), "{}", messages(&report));
    assert!(site.public("industries/secret/index.html").exists());
}

#[test]
fn chinese_emphasis_and_markdown_extensions_render() {
    let site = TestSite::complete();
    site.file(
        "content/pages/about.md",
        "---\ntitle: 关于\n---\n**注意：**正文，**“重要”**事项。`**代码**`\n\n| 项目 | 数量 |\n|---|---|\n| 签约 | 168 |\n\n~~旧~~ 脚注[^1]\n\n[^1]: 说明\n",
    );
    site.build_ok();
    let page = site.html("about/index.html");
    let strong: Vec<String> = page
        .select(".prose strong")
        .iter()
        .map(|e| e.text().collect())
        .collect();
    assert_eq!(strong, ["注意：", "“重要”"]);
    assert_eq!(page.text(".prose code"), "**代码**");
    assert_eq!(page.select(".prose table").len(), 1);
    assert_eq!(page.select(".prose del").len(), 1);
    assert!(
        !page.select(".prose .footnote-definition").is_empty()
            || page.text(".prose").contains("说明")
    );
}

#[test]
fn raw_html_in_markdown_never_reaches_the_page() {
    let site = TestSite::complete();
    site.file(
        "content/pages/about.md",
        "---\ntitle: 关于\n---\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))\n",
    );
    let report = site.build_ok();
    let page = site.html("about/index.html");
    assert!(page.select(".prose script").is_empty());
    assert!(page.select(".prose img").is_empty());
    assert!(page
        .attrs(".prose a", "href")
        .iter()
        .all(|h| !h.contains("javascript")));
    assert!(
        page.text(".prose").contains("<script>alert(1)</script>"),
        "shown as text"
    );
    let warnings: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| !d.is_error())
        .collect();
    assert!(warnings
        .iter()
        .any(|d| d.path.ends_with("content/pages/about.md") && d.line == Some(4)));
}

#[test]
fn body_links_to_entries_get_language_and_the_pages_root() {
    let site = TestSite::complete();
    site.file(
        "content/pages/about.en.md",
        "---\ntitle: About\n---\nSee [the park](/parks/east-zone/) and [plan](/files/plan.pdf).\n",
    );
    site.build_with(|o| o.base_url = Some("https://h.example.cn/guide/".into()));
    let page = site.html("en/about/index.html");
    assert!(page.has_link("../parks/east-zone/"));
    assert!(page.has_link("../../files/plan.pdf"));
}

#[test]
fn policy_status_follows_the_build_date() {
    let site = TestSite::complete();
    site.file(
        "content/policies/old.md",
        "---\ntitle: 旧政策\nexpires: 2024-12-31\n---\n",
    );
    site.file(
        "content/policies/future.md",
        "---\ntitle: 新政策\neffective: 2027-06-01\n---\n",
    );
    site.build_ok();
    assert!(!site
        .html("policies/old/index.html")
        .select(".badge.status-expired")
        .is_empty());
    assert!(!site
        .html("policies/future/index.html")
        .select(".badge.status-upcoming")
        .is_empty());
    assert!(!site
        .html("policies/talent/index.html")
        .select(".badge.status-in-force")
        .is_empty());
}

#[test]
fn a_site_with_only_content_builds_with_the_built_in_theme() {
    let site = TestSite::new();
    site.file("content/site.yaml", "title: 最小站点\n");
    let report = site.build();
    assert!(report.succeeded(), "{}", messages(&report));
    let home = site.html("index.html");
    assert!(home.text("h1").contains("最小站点"));
    // No base_url: links are site-relative and the missing sitemap is explained.
    assert_eq!(
        home.attr("link[rel=canonical]", "href").as_deref(),
        Some("/")
    );
    assert!(report
        .diagnostics
        .iter()
        .any(|d| d.message.contains("base_url")));
    assert!(!site.public("sitemap.xml").exists());
}

#[test]
fn a_site_theme_overrides_the_default_file_by_file() {
    let site = TestSite::complete();
    site.file(
        "content/site.yaml",
        &format!("{}theme: civic\n", common::SITE_YAML),
    );
    site.file("themes/civic/static/base.css", "body{color:#123456}");
    site.file(
        "themes/civic/templates/page.html",
        "{% extends \"base.html\" %}{% block content %}<p class=\"custom\">{{ page.title }}</p>{% endblock content %}",
    );
    site.build_ok();
    let css = site.asset("base.css");
    // Published compacted: one rule per line.
    assert_eq!(site.read(&css), "body{color:#123456}\n");
    let about = site.html("about/index.html");
    assert_eq!(about.text(".custom"), "关于");
    assert!(about
        .attrs("link[rel=stylesheet]", "href")
        .contains(&rel("about/index.html", &css)));
    // Templates not overridden still come from the default theme.
    assert!(!site
        .html("industries/new-display/index.html")
        .select(".page-head")
        .is_empty());
}

#[test]
fn files_beside_entries_are_copied_and_linked() {
    let site = TestSite::complete();
    site.bytes("content/policies/talent.pdf", b"%PDF-1.4");
    site.file(
        "content/policies/talent.md",
        "---\ntitle: 招才引智\nattachment: talent.pdf\n---\n",
    );
    site.build_ok();
    assert_eq!(
        std::fs::read(site.public("policies/talent.pdf")).unwrap(),
        b"%PDF-1.4"
    );
    let page = site.html("en/policies/talent/index.html");
    assert!(page.has_link("../../../policies/talent.pdf"));
}

#[test]
fn the_cli_reports_what_it_built() {
    let site = TestSite::complete();
    let out = site.cli(&["build"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    // 16 a language: 5 entries, home, 4 lists, the parks' comparison, 404,
    // search, the printed guide, 2 card sheets.
    assert!(stderr.contains("Built 32 pages"), "{stderr}");
    assert!(site.public("index.html").is_file());
}

#[test]
fn contact_may_be_details_or_a_localised_text() {
    let site = TestSite::complete();
    site.file(
        "content/site.yaml",
        &format!(
            "{}contact: {{zh: 电话 0816-1234567, en: Phone 0816-1234567}}\n",
            common::SITE_YAML
        ),
    );
    site.build_ok();
    assert!(site
        .html("en/index.html")
        .text(".footer-contact")
        .contains("Phone 0816-1234567"));
    site.file(
        "content/site.yaml",
        &format!(
            "{}contact:\n  phone: \"+86 816 000 0000\"\n  emial: a@example.gov.cn\n",
            common::SITE_YAML
        ),
    );
    let report = site.build();
    let text = messages(&report);
    assert!(text.contains("content/site.yaml:7"), "{text}");
    assert!(text.contains("did you mean `email`?"), "{text}");
}

#[test]
fn more_than_two_languages_work() {
    // French: a language the default theme has no UI strings for (Japanese
    // and Korean, which it has, are tested in tests/languages.rs).
    let site = TestSite::complete();
    site.file(
        "content/site.yaml",
        "title: {zh: 测试, en: Test, fr: Essai}\nbase_url: https://invest.example.gov.cn/\nlanguages: [zh, en, fr]\n",
    );
    site.file(
        "content/parks/east-zone.fr.md",
        "---\ntitle: Zone Est\n---\nTexte en français\n",
    );
    let report = site.build_ok();
    let fr = site.html("fr/parks/east-zone/index.html");
    assert_eq!(fr.attr("html", "lang").as_deref(), Some("fr"));
    assert!(fr.text("h1").contains("Zone Est"));
    assert_eq!(
        fr.attrs(".lang-switch a", "href"),
        vec!["../../../parks/east-zone/", "../../../en/parks/east-zone/"]
    );
    assert_eq!(fr.text(".lang-switch .lang-current"), "Français");
    assert_eq!(
        fr.attr("link[rel=alternate][hreflang=fr]", "href")
            .as_deref(),
        Some("https://invest.example.gov.cn/fr/parks/east-zone/")
    );
    assert!(fr.has_link("../../industries/new-display/"));
    // Without French UI strings the theme says so once, and uses English.
    assert_eq!(
        messages(&report).matches("no UI strings for `fr`").count(),
        1
    );
    assert!(fr.text(".main-nav").contains("Industrial parks"));
}
