//! The printed guide, `/guide/` and `/en/guide/`: the whole guide on one
//! page made for print.

mod common;

use common::{messages, TestSite};

const SITE_YAML: &str = "title: {zh: 示例区投资指南, en: Example Guide}\norganization: {zh: 示例局, en: Example Bureau}\nbase_url: https://invest.example.gov.cn/\nlanguages: [zh, en]\nstats:\n  - {label: {zh: 签约项目, en: Projects signed}, value: {zh: 120个, en: \"120\"}}\ncosts:\n  - {item: {zh: 工业用电, en: Industrial power}, price: 0.62, unit: {zh: 元/千瓦时, en: yuan/kWh}}\n";

fn guide_site() -> TestSite {
    let site = TestSite::complete();
    site.file("content/site.yaml", SITE_YAML)
        .file(
            "content/industries/new-display.md",
            "---\ntitle: 新型显示\nsummary: 以惠科为龙头\nchain:\n  upstream:\n    - {name: 玻璃基板, status: missing}\n  midstream:\n    - {name: 显示面板, status: strong, companies: [惠科]}\n---\n## 概况\n\n正文[^1]，见[东区](/parks/east-zone/)。\n\n[^1]: 注释\n",
        )
        .file(
            "content/industries/battery.md",
            "---\ntitle: 新能源电池\n---\n## 概况\n\n电池正文\n",
        )
        .file(
            "content/carriers/plot-a3.md",
            "---\ntitle: A3地块\nkind: land\npark: east-zone\narea_m2: 66667\nstatus: available\n---\n",
        )
        .file(
            "content/projects/panel-line.md",
            "---\ntitle: 面板产线项目\nstatus: seeking\ninvestment: 120亿元\nindustries: [new-display]\n---\n",
        );
    site
}

#[test]
fn the_guide_holds_every_industry_park_policy_carrier_project_and_official() {
    let site = guide_site();
    let report = site.build();
    assert!(report.succeeded(), "{}", messages(&report));
    let zh = site.html("guide/index.html");
    let text = zh.text("main");
    for title in [
        "新型显示",
        "新能源电池",
        "东区",
        "招才引智",
        "A3地块",
        "面板产线项目",
        "王明",
    ] {
        assert!(text.contains(title), "{title} is in the guide");
    }
    // The overview: headline figures and costs from site.yaml.
    assert!(
        text.contains("签约项目") && text.contains("工业用电"),
        "{text}"
    );
    // Entries' texts, with their headings under the entry's title.
    assert!(text.contains("电池正文"));
    assert_eq!(zh.select("h2#guide-industries-h").len(), 1);
    assert_eq!(zh.select("h3#industries-new-display").len(), 1);
    assert!(
        !zh.select("#guide-industries h4").is_empty(),
        "## became h4"
    );
    // The chain is drawn, and its title belongs to this entry.
    assert_eq!(zh.select("svg.chain-svg").len(), 1);
    assert!(zh
        .attr("svg.chain-svg", "aria-labelledby")
        .unwrap()
        .starts_with("industries-new-display-chain-title"));
    // The table of contents links to every entry printed in full.
    for anchor in [
        "#industries-new-display",
        "#parks-east-zone",
        "#policies-talent",
    ] {
        assert!(zh.has_link(anchor), "contents → {anchor}");
    }

    let en = site.html("en/guide/index.html");
    let text = en.text("main");
    for title in ["New Display", "East Zone", "Talent Attraction", "Wang Ming"] {
        assert!(text.contains(title), "{title} is in the English guide");
    }
    assert!(text.contains("Projects signed"), "{text}");
}

#[test]
fn ids_are_unique_and_links_work_from_the_guide() {
    let site = guide_site();
    site.build_ok();
    let page = site.html("guide/index.html");
    let ids = page.attrs("[id]", "id");
    let mut seen = std::collections::HashSet::new();
    for id in &ids {
        assert!(seen.insert(id), "id {id} is twice in the guide");
    }
    // Footnotes and in-page links point at ids of this page.
    for href in page.links() {
        if let Some(target) = href.strip_prefix('#') {
            assert!(
                seen.contains(&target.to_owned()),
                "#{target} is on the page"
            );
        }
    }
    // A link in an entry's text is resolved from the guide's address.
    assert!(page.has_link("../parks/east-zone/"), "{:?}", page.links());
}

#[test]
fn the_cover_has_the_site_title_date_and_a_qr_code_of_the_site() {
    let site = guide_site();
    site.build_ok();
    let page = site.html("guide/index.html");
    assert_eq!(page.text("h1"), "示例区投资指南");
    assert!(page.text(".guide-cover").contains("示例局"));
    assert_eq!(page.select(".guide-qr svg path").len(), 1);
    assert!(page.has_link("https://invest.example.gov.cn/"));
    assert!(page.select(".guide-date time").len() == 1);
    let en = site.html("en/guide/index.html");
    assert!(en.has_link("https://invest.example.gov.cn/en/"));
}

#[test]
fn the_home_page_links_to_it_and_search_engines_are_sent_elsewhere() {
    let site = guide_site();
    site.build_ok();
    assert!(site.html("index.html").has_link("guide/"));
    assert!(site.html("en/index.html").has_link("guide/"));
    let page = site.read("guide/index.html");
    assert!(page.contains("<meta name=\"robots\" content=\"noindex\">"));
    let sitemap = site.read("sitemap.xml");
    assert!(!sitemap.contains("/guide/"), "{sitemap}");
    // Its styles load, and are fingerprinted like the theme's other files.
    let css = page
        .split("href=\"")
        .filter_map(|s| s.split('"').next())
        .find(|h| h.contains("guide."))
        .expect("the guide's stylesheet");
    assert!(site.public(&format!("guide/{css}")).is_file(), "{css}");
}

#[test]
fn a_long_collection_is_printed_as_a_list_of_titles() {
    let site = guide_site();
    for n in 0..61 {
        site.file(
            &format!("content/policies/p{n:02}.md"),
            &format!("---\ntitle: 政策{n:02}\nsummary: 摘要{n:02}\n---\n正文{n:02}\n"),
        );
    }
    site.build_ok();
    let page = site.html("guide/index.html");
    assert_eq!(page.select("#guide-policies .guide-list li").len(), 62);
    let text = page.text("#guide-policies");
    assert!(text.contains("政策60") && text.contains("摘要60"));
    assert!(!text.contains("正文60"), "texts are left out");
    // Industries are still printed in full.
    assert!(page.text("#guide-industries").contains("电池正文"));
}

#[test]
fn a_free_page_cannot_take_the_guides_address() {
    let site = guide_site();
    site.file("content/pages/guide.md", "---\ntitle: 指南\n---\n");
    let report = site.build();
    assert!(!report.succeeded());
    assert!(
        messages(&report).contains("the page slug `guide` is taken"),
        "{}",
        messages(&report)
    );
}

#[test]
fn hostile_titles_are_text_in_the_guide() {
    let site = guide_site();
    site.file(
        "content/industries/battery.md",
        "---\ntitle: \"<script>alert(1)</script>电池\"\n---\n<img src=x onerror=alert(1)>\n",
    );
    site.build();
    let page = site.read("guide/index.html");
    assert!(!page.contains("<script>alert"), "escaped");
    assert!(!page.contains("<img src=x"), "raw HTML is shown as text");
}
