//! What investors decide on: an industry's chain drawn as an SVG, operating
//! costs (site-wide and per park), the site's headline figures and the page
//! that sets the parks side by side.

mod common;

use common::{tree, TestSite};

const CHAIN_ZH: &str = "chain:\n  upstream:\n    - {name: 玻璃基板, status: weak}\n    - {name: 驱动芯片, status: strong, companies: [欣盛]}\n  midstream:\n    - {name: 显示面板, status: strong, companies: [惠科, 京东方]}\n  downstream:\n    - name: \"</svg><script>alert(1)</script> & 整机\"\n      status: missing\n";

const CHAIN_EN: &str = "chain:\n  upstream:\n    - {name: Glass substrates, status: weak}\n    - {name: Driver ICs, status: strong, companies: [Xinsheng]}\n  midstream:\n    - {name: Display panels, status: strong, companies: [HKC]}\n  downstream:\n    - {name: Finished products with a rather long name that must wrap, status: missing}\n";

/// Puts `yaml` at the top of an entry's front matter.
fn with_fields(site: &TestSite, rel: &str, yaml: &str) {
    let text = site.read_source(rel);
    let text = text.replacen("---\n", &format!("---\n{yaml}"), 1);
    site.file(rel, &text);
}

fn chain_site() -> TestSite {
    let site = TestSite::complete();
    with_fields(&site, "content/industries/new-display.md", CHAIN_ZH);
    with_fields(&site, "content/industries/new-display.en.md", CHAIN_EN);
    site
}

#[test]
fn the_chain_is_an_svg_on_the_industry_page_with_every_link_and_the_wanted_ones_marked() {
    let site = chain_site();
    site.build_ok();
    let page = site.html("industries/new-display/index.html");
    let svg = page.select("svg.chain-svg[role=img]");
    assert_eq!(svg.len(), 1, "one diagram");
    assert_eq!(
        page.attr("svg.chain-svg", "aria-labelledby").as_deref(),
        Some("chain-title chain-desc")
    );
    assert!(page.text("svg.chain-svg > title").contains("新型显示"));
    let drawn = page.text("svg.chain-svg");
    for name in ["玻璃基板", "驱动芯片", "显示面板", "整机", "欣盛", "惠科"] {
        assert!(drawn.contains(name), "{name} is drawn:\n{drawn}");
    }
    // Weak and missing are told by a class (colour, dashes, hatching) and in words.
    assert_eq!(page.select("svg .chain-weak").len(), 1);
    assert_eq!(page.select("svg .chain-missing").len(), 1);
    assert_eq!(page.select("svg .chain-strong").len(), 2);
    assert!(page.text("svg .chain-weak .chain-status").contains("薄弱"));
    assert!(page
        .text("svg .chain-missing .chain-status")
        .contains("缺失"));
    assert!(page.text(".chain-legend").contains("缺失环节"));
    // The same links as text, for screen readers and for copying.
    let listed = page.text(".chain-text");
    for name in ["玻璃基板", "驱动芯片", "显示面板", "京东方"] {
        assert!(listed.contains(name), "{name} is listed:\n{listed}");
    }
    // 补链招商: the weak and missing links, and the way to the officials.
    let wanted = page.text(".chain-wanted");
    assert!(wanted.contains("补链招商"), "{wanted}");
    assert!(
        wanted.contains("玻璃基板") && wanted.contains("整机"),
        "{wanted}"
    );
    assert!(
        !wanted.contains("显示面板"),
        "strong links are not wanted: {wanted}"
    );
    assert_eq!(
        page.attr(".chain-wanted a", "href").as_deref(),
        Some("#rel-officials")
    );
    assert_eq!(page.select("#rel-officials").len(), 1);

    let en = site.html("en/industries/new-display/index.html");
    let drawn = en.text("svg.chain-svg");
    assert!(drawn.contains("Glass substrates") && drawn.contains("HKC"));
    assert!(en.text(".chain-wanted").contains("We are looking for"));
    // A long English name is cut into lines between words.
    assert!(en.select("svg .chain-missing .chain-name tspan").len() > 1);
}

#[test]
fn hostile_text_in_the_chain_stays_text() {
    let site = chain_site();
    site.build_ok();
    let raw = site.read("industries/new-display/index.html");
    assert!(!raw.contains("<script>alert"), "the name is escaped");
    assert!(raw.contains("&lt;/svg&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; 整机"));
    let page = site.html("industries/new-display/index.html");
    // Still one diagram, whole: nothing closed it early.
    assert_eq!(page.select("svg.chain-svg").len(), 1);
    assert!(page
        .text("svg.chain-svg")
        .contains("</svg><script>alert(1)</script>"));
    assert!(page
        .select("script")
        .iter()
        .all(|s| !s.inner_html().contains("alert")));
}

#[test]
fn an_industry_without_a_chain_draws_none() {
    let site = TestSite::complete();
    site.build_ok();
    let page = site.html("industries/new-display/index.html");
    assert!(page.select(".chain, svg.chain-svg").is_empty());
}

/// Builds a good site, breaks it, and checks the failed build: an error
/// at `path:line` with each of `expect`, and `public/` as it was.
fn assert_fails(breakage: impl FnOnce(&TestSite), path: &str, line: usize, expect: &[&str]) {
    let site = TestSite::complete();
    site.build_ok();
    let before = tree(&site.public(""));
    breakage(&site);
    let out = site.cli(&["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(
        out.status.code(),
        Some(1),
        "exit code 1 expected:\n{stderr}"
    );
    assert!(
        stderr.contains(&format!("{path}:{line}")),
        "expected an error at {path}:{line}:\n{stderr}"
    );
    for needle in expect {
        assert!(stderr.contains(needle), "expected `{needle}` in:\n{stderr}");
    }
    assert_eq!(
        tree(&site.public("")),
        before,
        "public/ changed after a failed build"
    );
}

#[test]
fn an_unknown_link_status_is_an_error_at_its_line_naming_the_valid_ones() {
    assert_fails(
        |s| {
            s.file(
                "content/industries/new-display.md",
                "---\ntitle: 新型显示\nchain:\n  upstream:\n    - name: 玻璃\n      status: good\n---\n",
            );
        },
        "content/industries/new-display.md",
        6,
        &["unknown variant `good`", "strong", "weak", "missing"],
    );
}

#[test]
fn a_cost_row_needs_an_item_and_a_number() {
    let park = "content/parks/east-zone.md";
    assert_fails(
        |s| {
            with_fields(
                s,
                park,
                "costs:\n  - {item: 工业用水, price: 3.2}\n  - {price: 4, unit: 元/吨}\n",
            )
        },
        park,
        4,
        &["missing field `item`"],
    );
    assert_fails(
        |s| with_fields(s, park, "costs:\n  - item: 工业用电\n    price: 0.6元\n"),
        park,
        4,
        &["`price` must be a number", "unit"],
    );
    let yaml = format!(
        "{}costs:\n  - {{item: {{zh: 水, en: Water}}, price: 3.2}}\n  - {{price: 4}}\n",
        common::SITE_YAML
    );
    assert_fails(
        |s| {
            s.file("content/site.yaml", &yaml);
        },
        "content/site.yaml",
        7,
        &["missing field `item`"],
    );
}

fn costs_site() -> TestSite {
    let site = TestSite::complete();
    site.file(
        "content/site.yaml",
        &format!(
            "{}stats:\n  - {{label: {{zh: 签约项目, en: Projects signed}}, value: 168}}\n  - {{label: {{zh: 签约金额, en: Value signed}}, value: {{zh: 869.8亿元, en: CNY 86.98 billion}}}}\ncosts:\n  - {{item: {{zh: 工业用电, en: Industrial power}}, price: 0.62, unit: {{zh: 元/千瓦时, en: yuan/kWh}}, note: {{zh: 平段, en: Flat period}}}}\n  - {{item: {{zh: 普工工资, en: Wages}}, price: 4200, unit: {{zh: 元/月, en: yuan/month}}}}\n",
            common::SITE_YAML
        ),
    );
    with_fields(
        &site,
        "content/parks/east-zone.md",
        "costs:\n  - {item: 工业用水, price: 3.20, unit: 元/吨, note: 园区价}\n  - {item: 厂房租金, price: 12, unit: 元/平方米·月}\n",
    );
    with_fields(
        &site,
        "content/parks/east-zone.en.md",
        "costs:\n  - {item: Industrial water, price: 3.2, unit: yuan/t, note: Park rate}\n  - {item: Factory rent, price: 12, unit: yuan/m² per month}\n",
    );
    site.file(
        "content/parks/north-zone.md",
        "---\ntitle: 北区\narea_km2: 8.5\n---\n北区正文\n",
    );
    site
}

#[test]
fn costs_are_tables_on_the_home_and_park_pages_in_each_language() {
    let site = costs_site();
    site.build_ok();
    let park = site.html("parks/east-zone/index.html");
    let rows = park.select(".costs-table tbody tr");
    assert_eq!(rows.len(), 2);
    let table = park.text(".costs-table");
    for text in [
        "工业用水",
        "3.2 元/吨",
        "园区价",
        "厂房租金",
        "12 元/平方米·月",
    ] {
        assert!(table.contains(text), "{text} in {table}");
    }
    let en = site.html("en/parks/east-zone/index.html");
    assert!(en.text(".costs-table").contains("Industrial water"));
    assert!(en.text("#costs-h").contains("Operating costs"));

    let home = site.html("index.html");
    let costs = home.text(".costs-table");
    assert!(
        costs.contains("工业用电") && costs.contains("0.62 元/千瓦时") && costs.contains("平段")
    );
    assert!(costs.contains("4200 元/月"), "{costs}");
    assert!(home.text("#home-costs").contains("营商成本"));
    let en = site.html("en/index.html");
    assert!(en.text(".costs-table").contains("Industrial power"));
    assert!(en.text("#home-costs").contains("Operating costs"));
}

#[test]
fn headline_figures_are_on_the_home_page() {
    let site = costs_site();
    site.build_ok();
    let home = site.html("index.html");
    assert_eq!(home.select(".stats-big > div").len(), 2);
    let figures = home.text(".stats-big");
    assert!(figures.contains("签约项目") && figures.contains("168"));
    assert!(figures.contains("869.8亿元"));
    let en = site.html("en/index.html").text(".stats-big");
    assert!(
        en.contains("Projects signed") && en.contains("CNY 86.98 billion"),
        "{en}"
    );
    // A site without them shows no empty row.
    let plain = TestSite::complete();
    plain.build_ok();
    assert!(plain
        .html("index.html")
        .select(".stats-big, #home-costs")
        .is_empty());
}

#[test]
fn the_compare_page_lists_every_park_in_both_languages() {
    let site = costs_site();
    site.build_ok();
    let zh = site.html("parks/compare/index.html");
    let rows = zh.select(".compare-table tbody tr");
    assert_eq!(rows.len(), 2, "every park a row");
    let parks = zh.text(".compare-table tbody th");
    assert!(parks.contains("东区") && parks.contains("北区"));
    assert!(zh.has_link("../east-zone/") && zh.has_link("../north-zone/"));
    let table = zh.text(".compare-table");
    for text in [
        "12.5 平方公里",
        "2008",
        "新型显示",
        "8.5 平方公里",
        "3.2 元/吨",
        "可用空间",
    ] {
        assert!(table.contains(text), "{text} in {table}");
    }
    // The north zone gives no costs: its cells say so.
    assert!(zh
        .text(".compare-table tbody tr:nth-child(2)")
        .contains("暂无"));
    // It scrolls by itself on a phone, and a keyboard can scroll it.
    assert_eq!(zh.attr(".compare-wrap", "tabindex").as_deref(), Some("0"));

    let en = site.html("en/parks/compare/index.html");
    assert_eq!(en.select(".compare-table tbody tr").len(), 2);
    let parks = en.text(".compare-table tbody th");
    assert!(parks.contains("East Zone"), "{parks}");
    // No translation: the Chinese name, marked as Chinese.
    assert!(parks.contains("北区"));
    assert!(en.text(".compare-table").contains("Industrial water"));
    assert!(en.text("h1").contains("Compare parks"));
}

#[test]
fn the_compare_page_is_linked_listed_and_not_searched() {
    let site = costs_site();
    site.build_ok();
    assert!(site.html("parks/index.html").has_link("compare/"));
    assert!(site.html("en/parks/index.html").has_link("compare/"));
    let page = site.html("parks/compare/index.html");
    let alternates = page.attrs("link[rel=alternate][hreflang]", "href");
    assert!(alternates.contains(&"https://invest.example.gov.cn/en/parks/compare/".to_owned()));
    assert!(
        page.select("meta[name=robots]").is_empty(),
        "search engines may index it"
    );
    let sitemap = site.read("sitemap.xml");
    assert!(sitemap.contains("<loc>https://invest.example.gov.cn/parks/compare/</loc>"));
    assert!(sitemap.contains("<loc>https://invest.example.gov.cn/en/parks/compare/</loc>"));
    // The site's own search finds the parks, not this list of them.
    for (file, bytes) in tree(&site.public("search")) {
        assert!(
            !String::from_utf8_lossy(&bytes).contains("parks/compare"),
            "{file} names the compare page"
        );
    }
}

#[test]
fn a_park_cannot_take_the_slug_compare() {
    let site = TestSite::complete();
    site.file("content/parks/compare.md", "---\ntitle: 对比园\n---\n");
    let report = site.build();
    assert!(!report.succeeded());
    assert!(common::messages(&report)
        .contains("the slug `compare` is taken by the page that compares the parks"));
}
