//! Publishing anywhere: the host files written with the site, the nginx
//! block beside it, the offline copy and its zip, and the filing numbers a
//! mainland government site must show.

mod common;

use common::{messages, TestSite};

/// The complete test site, with an old card address for Wang Ming.
fn site_with_alias() -> TestSite {
    let site = TestSite::complete();
    let card = site.read_source("content/officials/wang-ming.md");
    site.file(
        "content/officials/wang-ming.md",
        &card.replacen("name: 王明\n", "name: 王明\naliases: [wangming]\n", 1),
    );
    site
}

#[test]
fn netlify_and_cloudflare_get_headers_and_real_redirects() {
    let site = site_with_alias();
    site.build_ok();
    let headers = site.read("_headers");
    // The block for every path, up to the next path.
    let (_, rest) = headers.split_once("\n/*\n").expect("a block for /*");
    let all = rest.split("\n/").next().unwrap();
    assert!(
        all.contains("Content-Security-Policy: default-src 'self'")
            && all.contains("frame-ancestors 'self'")
            && !all.contains("unsafe-inline"),
        "{headers}"
    );
    assert!(all.contains("X-Content-Type-Options: nosniff"), "{headers}");
    // Each fingerprinted file is cached for a year, by its own name: a rule
    // for all of /assets/ would also cover files whose names do not change.
    let css = site.asset("base.css");
    assert!(
        headers.contains(&format!(
            "/{css}\n  Cache-Control: public, max-age=31536000, immutable\n"
        )),
        "{headers}"
    );
    assert!(!headers.contains("/assets/*"), "{headers}");
    assert!(
        headers.contains("/*.vcf\n  Content-Type: text/vcard; charset=utf-8\n"),
        "{headers}"
    );
    assert!(
        headers.contains("/*.ics\n  Content-Type: text/calendar; charset=utf-8\n"),
        "{headers}"
    );
    // Cache-Control appears once per path: the hosts join every matching value.
    assert!(!all.contains("Cache-Control"), "{headers}");

    let redirects = site.read("_redirects");
    for line in [
        "/card/wangming/ /card/wang-ming/ 301",
        "/card/wangming /card/wang-ming/ 301",
        "/en/card/wangming/ /en/card/wang-ming/ 301",
        "/en/card/wangming /en/card/wang-ming/ 301",
    ] {
        assert!(redirects.lines().any(|l| l == line), "{line}:\n{redirects}");
    }
    // The meta-refresh page stays, for hosts without redirects.
    assert!(site
        .read("card/wangming/index.html")
        .contains("http-equiv=\"refresh\""));
}

#[test]
fn the_nginx_block_is_written_beside_the_output_not_in_it() {
    let site = site_with_alias();
    site.file(
        "content/site.yaml",
        &common::SITE_YAML.replace(
            "https://invest.example.gov.cn/",
            "https://www.example.gov.cn/guide/",
        ),
    );
    let report = site.build_ok();
    let conf_path = site.root().join("public.nginx.conf");
    assert_eq!(report.beside, vec![conf_path.clone()]);
    assert!(!site.public("public.nginx.conf").exists());
    let conf = std::fs::read_to_string(&conf_path).unwrap();
    let public = std::path::absolute(site.public("")).unwrap();
    let public = public.to_string_lossy();
    for want in [
        "server_name www.example.gov.cn;".to_owned(),
        format!("alias {}/;", public.trim_end_matches('/')),
        "location /guide/ {".to_owned(),
        "error_page 404 /guide/404.html;".to_owned(),
        r"location ~ ^/guide/card/wangming(/|/index\.html)?$ { return 301 /guide/card/wang-ming/; }"
            .to_owned(),
        r"location ~ ^/guide/en/card/wangming(/|/index\.html)?$ { return 301 /guide/en/card/wang-ming/; }"
            .to_owned(),
        "text/vcard vcf;".to_owned(),
        "gzip on;".to_owned(),
        "absolute_redirect off;".to_owned(),
    ] {
        assert!(conf.contains(&want), "{want}\n{conf}");
    }
    let css = site.asset("base.css").replace('.', r"\.");
    assert!(
        conf.contains(&format!(
            "\"~^/guide/{css}\" \"public, max-age=31536000, immutable\";"
        )),
        "{conf}"
    );
}

#[test]
fn a_failed_build_writes_nothing_beside_the_output() {
    let site = TestSite::complete();
    site.file("content/parks/broken.md", "---\ntitle: [\n---\n");
    let report = site.build();
    assert!(!report.succeeded());
    assert!(report.beside.is_empty());
    assert!(!site.root().join("public.nginx.conf").exists());
    let offline = site.build_with(|o| o.offline = true);
    assert!(!offline.succeeded());
    let zips: Vec<_> = std::fs::read_dir(site.root())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".zip"))
        .collect();
    assert!(zips.is_empty(), "{zips:?}");
}

#[test]
fn the_offline_copy_names_every_index_file_and_is_packed_as_one_zip() {
    let site = site_with_alias();
    let report = site.build_with(|o| o.offline = true);
    assert!(report.succeeded(), "{}", messages(&report));
    let offline = site.root().join("offline");
    assert_eq!(report.output, offline);
    assert!(!site.public("").exists(), "public/ is left alone");

    let page = std::fs::read_to_string(offline.join("en/parks/east-zone/index.html")).unwrap();
    let doc = common::Page(scraper::Html::parse_document(&page));
    let nav = doc.attrs(".main-nav a", "href");
    assert!(nav.contains(&"../../index.html".to_owned()), "{nav:?}");
    assert!(nav.contains(&"../index.html".to_owned()), "{nav:?}");
    let switch = doc.attrs(".lang-switch a", "href");
    assert_eq!(switch, vec!["../../../parks/east-zone/index.html"]);
    for link in doc.links() {
        if link.starts_with(['#']) || link.contains(':') {
            continue;
        }
        assert!(!link.ends_with('/'), "a folder link offline: {link}");
        let file = common::resolve("en/parks/east-zone/index.html", &link, "/").unwrap();
        assert!(offline.join(&file).is_file(), "{link} → {file}");
    }
    // The old card address redirects to the card's file.
    let alias = std::fs::read_to_string(offline.join("card/wangming/index.html")).unwrap();
    assert!(alias.contains("url=../wang-ming/index.html\""), "{alias}");
    // No host reads these from a disk.
    assert!(!offline.join("_headers").exists());
    assert!(!offline.join("_redirects").exists());

    let zip_path = site.root().join("invest.example.gov.cn-offline.zip");
    assert_eq!(report.beside, vec![zip_path.clone()]);
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&zip_path).unwrap()).unwrap();
    let names: Vec<String> = zip.file_names().map(|n| n.unwrap().into_owned()).collect();
    let files = common::tree(&offline);
    assert_eq!(names.len(), files.len(), "every file of the copy, once");
    assert!(
        names.contains(&"index.html".to_owned()),
        "the start file at the top"
    );
    assert!(names.contains(&"en/card/wang-ming/wang-ming.vcf".to_owned()));
    let mut home = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("index.html").unwrap(), &mut home).unwrap();
    assert_eq!(home.as_bytes(), &files["index.html"][..]);
}

#[test]
fn the_footer_shows_the_filing_numbers_linked_to_their_registries() {
    let site = TestSite::complete();
    site.file(
        "content/site.yaml",
        &format!(
            "{}sponsor: {{zh: 测试区人民政府, en: Test District Government}}\noperator: 测试区投资促进局\nsite_code: \"5100000001\"\nicp: 蜀ICP备12345678号-1\npolice_filing: 川公网安备 51070302000123号\n",
            common::SITE_YAML
        ),
    );
    let report = site.build_ok();
    assert_eq!(
        report.diagnostics.warning_count(),
        0,
        "{}",
        messages(&report)
    );
    let zh = site.html("index.html");
    let filing = zh.text(".footer-filing");
    for want in [
        "主办单位：测试区人民政府",
        "承办单位：测试区投资促进局",
        "网站标识码：5100000001",
    ] {
        assert!(filing.contains(want), "{want}: {filing}");
    }
    assert_eq!(
        zh.attr(
            ".footer-filing a[href^='https://beian.miit.gov.cn']",
            "href"
        )
        .as_deref(),
        Some("https://beian.miit.gov.cn/")
    );
    assert_eq!(
        zh.text(".footer-filing a[href^='https://beian.miit']"),
        "蜀ICP备12345678号-1"
    );
    assert_eq!(
        zh.attr(".footer-filing a[href*='mps.gov.cn']", "href")
            .as_deref(),
        Some("https://beian.mps.gov.cn/#/query/webSearch?code=51070302000123")
    );
    let en = site.html("en/parks/east-zone/index.html");
    let filing = en.text(".footer-filing");
    assert!(
        filing.contains("Sponsor: Test District Government"),
        "{filing}"
    );
    assert!(
        filing.contains("蜀ICP备12345678号-1"),
        "shown as filed: {filing}"
    );
}

#[test]
fn no_filing_numbers_no_filing_line() {
    let site = TestSite::complete();
    site.build_ok();
    assert!(site.html("index.html").select(".footer-filing").is_empty());
}

#[test]
fn a_malformed_icp_number_is_shown_with_a_warning_of_the_expected_shape() {
    let site = TestSite::complete();
    site.file(
        "content/site.yaml",
        &format!("{}icp: ICP备1234号\n", common::SITE_YAML),
    );
    let report = site.build_ok();
    let warning = report
        .diagnostics
        .iter()
        .find(|d| d.message.contains("icp"))
        .unwrap_or_else(|| panic!("no warning: {}", messages(&report)));
    assert!(!warning.is_error());
    let shown = warning.render(false);
    assert!(shown.contains("content/site.yaml:5:"), "{shown}");
    assert!(shown.contains("蜀ICP备12345678号"), "{shown}");
    assert!(site.read("index.html").contains("ICP备1234号"));
}
