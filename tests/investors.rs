//! What investors decide on: projects, carriers (land and premises) and
//! events, built from a site written as the README describes them.

mod common;

use common::{messages, tree, TestSite};

/// The complete test site plus one entry of each new collection, all
/// cross-referenced.
fn investor_site() -> TestSite {
    let site = TestSite::complete();
    site.file(
        "content/projects/cof-ic.md",
        "---\ntitle: 覆晶薄膜项目\nsummary: 显示面板上游配套\nstatus: 已签约\ninvestment: 120亿元\ncooperation: 合资\nland_mu: 300\nindustries: [new-display]\nparks: [east-zone]\nofficials: [wang-ming]\nsigned: 2023-03-28\npartner: 示例企业\n---\n项目正文\n",
    );
    site.file(
        "content/projects/cof-ic.en.md",
        "---\ntitle: COF-IC Project\nsummary: Upstream of the panels\ncooperation: Joint venture\npartner: Sample Co.\n---\nProject text.\n",
    );
    site.file(
        "content/projects/materials.md",
        "---\ntitle: 配套材料项目\nstatus: seeking\ninvestment: USD 20 million\nindustries: [new-display]\n---\n招商中\n",
    );
    site.file(
        "content/carriers/plot-a3.md",
        "---\ntitle: A3地块\nkind: land\npark: east-zone\narea_m2: 66667\navailable_m2: 66667\nstatus: available\navailable_from: 2026-06-30\nplot_ratio: {min: 1.2, max: 2.5}\nbuilding_density: 45%\nprice: 25万元/亩\n---\n地块正文\n",
    );
    site.file(
        "content/carriers/plot-a3.en.md",
        "---\ntitle: Plot A3\n---\nPlot text.\n",
    );
    site.file(
        "content/carriers/factory-3.md",
        "---\ntitle: 标准厂房3号\nkind: 厂房\npark: east-zone\narea_m2: \"12,000 m²\"\nstatus: reserved\nrent: 18元/m²·月\n---\n厂房\n",
    );
    site.file(
        "content/events/roadshow.md",
        "---\ntitle: 新型显示推介会\nsummary: 推介配套材料项目\nkind: roadshow\ndate: 2027-03-18 09:30\nend: 2027-03-18 17:00\nlocation: 示例会展中心\nindustries: [new-display]\nofficials: [wang-ming]\nprojects: [materials]\n---\n欢迎报名\n",
    );
    site.file(
        "content/events/roadshow.en.md",
        "---\ntitle: New Display Roadshow\nsummary: Presenting the materials project\nlocation: Example Convention Centre\n---\nRegister now.\n",
    );
    site.file(
        "content/events/breakfast.md",
        "---\ntitle: 早餐汇\nkind: meeting\ndate: 2023-03-15\nparks: [east-zone]\n---\n往期活动\n",
    );
    site
}

#[test]
fn references_show_on_both_sides() {
    let site = investor_site();
    site.build_ok();
    let project = site.html("projects/cof-ic/index.html");
    assert!(project.has_link("../../industries/new-display/"));
    assert!(project.has_link("../../parks/east-zone/"));
    assert!(project.has_link("../../card/wang-ming/"));
    let sought = site.html("projects/materials/index.html");
    assert!(
        sought.has_link("../../events/roadshow/"),
        "project → its events"
    );
    let facts = project.text(".facts");
    assert!(
        facts.contains("120亿元") && facts.contains("300 亩"),
        "{facts}"
    );
    let en = site.html("en/projects/cof-ic/index.html");
    assert!(
        en.text(".facts").contains("CNY 12 billion"),
        "{}",
        en.text(".facts")
    );

    let industry = site.html("industries/new-display/index.html");
    assert!(industry.has_link("../../projects/cof-ic/"));
    assert!(industry.has_link("../../projects/materials/"));
    assert!(industry.has_link("../../events/roadshow/"));
    let park = site.html("parks/east-zone/index.html");
    assert!(park.has_link("../../carriers/plot-a3/"));
    assert!(park.has_link("../../projects/cof-ic/"));
    assert!(park.has_link("../../events/breakfast/"));
    let card = site.html("card/wang-ming/index.html");
    assert!(
        card.has_link("../../projects/cof-ic/"),
        "the card lists its projects"
    );
    let event = site.html("events/roadshow/index.html");
    assert!(event.has_link("../../projects/materials/"));
    assert!(event.has_link("../../card/wang-ming/"));
    // A carrier without named officials: those who cover its park.
    let carrier = site.html("carriers/plot-a3/index.html");
    assert!(carrier.has_link("../../card/wang-ming/"));
    assert!(carrier.has_link("../../parks/east-zone/"));
    let facts = carrier.text(".facts");
    assert!(facts.contains("66667 平方米 (100 亩)"), "{facts}");
    assert!(facts.contains("1.2 – 2.5") && facts.contains("45%") && facts.contains("25万元/亩"));
    let en = site.html("en/carriers/plot-a3/index.html");
    assert!(en.text(".facts").contains("CNY 250,000 per mu"));
}

#[test]
fn list_pages_group_and_carry_filter_values() {
    let site = investor_site();
    site.build_ok();
    let projects = site.html("projects/index.html");
    assert_eq!(
        projects.attrs(".list-group h2", "id"),
        ["status-seeking", "status-signed"],
        "groups by status, empty ones left out"
    );
    assert_eq!(
        projects
            .attr("li[data-status=signed]", "data-industries")
            .as_deref(),
        Some("new-display")
    );
    assert!(projects
        .attrs("select", "name")
        .contains(&"status".to_owned()));
    let carriers = site.html("carriers/index.html");
    assert_eq!(carriers.attrs(".list-group h2", "id"), ["park-east-zone"]);
    assert_eq!(
        carriers.attrs("li[data-kind]", "data-area"),
        ["12000", "66667"]
    );
    assert!(carriers.attrs("input", "name").contains(&"area".to_owned()));
    let events = site.html("events/index.html");
    assert_eq!(events.attrs(".list-group h2", "id"), ["coming", "past"]);
    let coming = events.text("#coming + ul");
    assert!(coming.contains("新型显示推介会") && !coming.contains("早餐汇"));
    let home = site.html("index.html");
    assert!(
        home.has_link("events/roadshow/"),
        "home shows what is coming"
    );
    let nav = home.attrs(".main-nav a", "href");
    for list in ["carriers/", "projects/", "events/"] {
        assert!(nav.iter().any(|h| h.ends_with(list)), "{list} in {nav:?}");
    }
}

#[test]
fn a_site_without_the_new_collections_has_none_of_their_pages() {
    let site = TestSite::complete();
    site.build_ok();
    assert!(!site.public("projects").exists());
    assert!(!site.public("events/atom.xml").exists());
    let nav = site.html("index.html").attrs(".main-nav a", "href");
    assert!(!nav
        .iter()
        .any(|h| h.contains("projects") || h.contains("events")));
}

#[test]
fn events_have_calendar_files_and_a_feed() {
    let site = investor_site();
    site.build_ok();
    let ics = site.read("events/roadshow/roadshow.ics");
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(ics.contains("TZID:Asia/Shanghai\r\n"));
    assert!(
        ics.contains("DTSTART;TZID=Asia/Shanghai:20270318T093000\r\n"),
        "{ics}"
    );
    assert!(ics.contains("DTEND;TZID=Asia/Shanghai:20270318T170000\r\n"));
    assert!(ics.contains("SUMMARY:新型显示推介会\r\n"));
    // All day: the end is the next day, exclusive.
    let day = site.read("events/breakfast/breakfast.ics");
    assert!(day.contains("DTSTART;VALUE=DATE:20230315\r\n"));
    assert!(day.contains("DTEND;VALUE=DATE:20230316\r\n"));
    let en = site.read("en/events/roadshow/roadshow.ics");
    assert!(en.contains("SUMMARY:New Display Roadshow\r\n"));
    let page = site.html("events/roadshow/index.html");
    assert_eq!(
        page.attr("a[type='text/calendar']", "href").as_deref(),
        Some("roadshow.ics")
    );
    let feed = site.read("events/atom.xml");
    assert!(feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">"));
    assert_eq!(feed.matches("<entry>").count(), 2);
    assert!(
        feed.find("新型显示推介会").unwrap() < feed.find("早餐汇").unwrap(),
        "latest first"
    );
    assert!(feed.contains("<published>2027-03-18T09:30:00+08:00</published>"));
    assert!(site
        .read("en/events/atom.xml")
        .contains("<title>New Display Roadshow</title>"));
    let home = site.html("index.html");
    assert_eq!(
        home.attr("link[type='application/atom+xml']", "href")
            .as_deref(),
        Some("./events/atom.xml")
    );
}

#[test]
fn hostile_text_in_the_new_collections_stays_inert() {
    let site = investor_site();
    site.file(
        "content/events/hostile.md",
        "---\ntitle: \"</title><script>alert(1)</script>\"\nkind: news\ndate: 2026-01-01\nlocation: \"a, b; c\\\\d\"\n---\nx\n",
    );
    site.build_ok();
    let feed = site.read("events/atom.xml");
    assert!(!feed.contains("<script>") && feed.contains("&lt;script&gt;"));
    let ics = site.read("events/hostile/hostile.ics");
    assert!(ics.contains("LOCATION:a\\, b\\; c\\\\d\r\n"), "{ics}");
    assert!(!site.read("events/index.html").contains("<script>alert"));
}

/// One bad input: the message, where it points, and that `public/` from the
/// last good build is left as it was.
fn fails_with(site: &TestSite, file: &str, text: &str, line: usize, needles: &[&str]) {
    site.file(file, text);
    let report = site.build();
    assert!(!report.succeeded(), "{file} should not build");
    let all = messages(&report);
    let hit = report
        .diagnostics
        .iter()
        .find(|d| d.is_error() && d.path.ends_with(file.trim_start_matches("content/")))
        .unwrap_or_else(|| panic!("no error for {file}:\n{all}"));
    assert_eq!(hit.line, Some(line), "{all}");
    for needle in needles {
        assert!(all.contains(needle), "`{needle}` not in:\n{all}");
    }
}

#[test]
fn bad_values_are_errors_at_their_line_and_public_is_kept() {
    let site = investor_site();
    site.build_ok();
    let before = tree(&site.public(""));
    let project = "content/projects/cof-ic.md";
    fails_with(
        &site,
        project,
        "---\ntitle: 项目\nstatus: done\n---\n",
        3,
        &[
            "unknown project status `done`",
            "`seeking` (招商中)",
            "`operating`",
        ],
    );
    fails_with(
        &site,
        project,
        "---\ntitle: 项目\ninvestment: 很多钱\n---\n",
        3,
        &["cannot read the sum `很多钱`", "120亿元"],
    );
    fails_with(
        &site,
        project,
        "---\ntitle: 项目\nofficials: [nobody]\n---\n",
        3,
        &["unknown official `nobody`", "wang-ming"],
    );
    site.file(project, "---\ntitle: 项目\n---\n");
    let carrier = "content/carriers/plot-a3.md";
    fails_with(
        &site,
        carrier,
        "---\ntitle: 地块\nkind: land\npark: east-zone\narea_m2: big\n---\n",
        5,
        &["`big` is not an area"],
    );
    fails_with(
        &site,
        carrier,
        "---\ntitle: 地块\nkind: land\npark: east-zone\nplot_ratio: {min: 3, max: 2}\n---\n",
        5,
        &["the minimum 3 is above the maximum 2"],
    );
    fails_with(
        &site,
        carrier,
        "---\ntitle: 地块\nkind: land\nprice: cheap\n---\n",
        4,
        &["cannot read the price `cheap`"],
    );
    fails_with(
        &site,
        carrier,
        "---\ntitle: 地块\nkind: land\n---\n",
        1,
        &["missing required field `park`"],
    );
    fails_with(
        &site,
        carrier,
        "---\ntitle: 地块\nkind: warehouse\npark: east-zone\n---\n",
        3,
        &["unknown carrier kind `warehouse`", "`factory` (厂房)"],
    );
    site.file(
        carrier,
        "---\ntitle: 地块\nkind: land\npark: east-zone\n---\n",
    );
    fails_with(
        &site,
        "content/events/roadshow.md",
        "---\ntitle: 活动\ndate: 2027-03-18 09:30\nend: 2027-03-17\n---\n",
        4,
        &["the event ends (2027-03-17) before it starts (2027-03-18 09:30)"],
    );
    fails_with(
        &site,
        "content/events/roadshow.md",
        "---\ntitle: 活动\ndate: next week\n---\n",
        3,
        &["`next week` is not a date"],
    );
    assert_eq!(tree(&site.public("")), before, "public/ is left as it was");
}

/// `hui check` on a given day: its warnings, one string.
fn check_on(site: &TestSite, today: &str) -> String {
    let options = hui::BuildOptions {
        root: site.root().to_path_buf(),
        today: Some(today.parse().unwrap()),
        ..Default::default()
    };
    hui::check::check(&options)
        .iter()
        .map(|d| {
            format!(
                "{}:{} {}\n",
                d.path.display(),
                d.line.unwrap_or(0),
                d.message
            )
        })
        .collect()
}

#[test]
fn check_warns_about_what_went_stale() {
    let site = investor_site();
    site.file(
        "content/projects/materials.md",
        "---\ntitle: 配套材料项目\nstatus: building\nindustries: [new-display]\n---\n在建\n",
    );
    // Built before the roadshow: the events page lists it as coming.
    site.build_ok();
    let now = check_on(&site, "2026-11-27");
    assert!(now.contains("has no `signed` date"), "{now}");
    assert!(!now.contains("available since"), "{now}");
    assert!(!now.contains("lists it as coming"), "{now}");

    let later = check_on(&site, "2027-07-01");
    let line = later
        .lines()
        .find(|l| l.contains("lists it as coming"))
        .unwrap_or_else(|| panic!("{later}"));
    assert!(
        line.contains("events/roadshow.md:5 the event took place on 2027-03-18"),
        "{line}"
    );
    assert!(
        later.contains("carriers/plot-a3.md:8 marked available since 2026-06-30"),
        "{later}"
    );
    // After a rebuild on that day, the roadshow is a past event.
    site.build_with(|o| o.today = Some("2027-07-01".parse().unwrap()));
    assert!(!check_on(&site, "2027-07-01").contains("lists it as coming"));
}
