//! Officials' business cards: vCard, QR, photos, previews, print, aliases and
//! the links between cards and the rest of the site.

mod common;

use std::io::Cursor;
use std::path::Path;

use common::{messages, rel, resolve, TestSite};
use image::{ImageEncoder, Rgb, RgbImage};

/// A JPEG photo as a phone would take it (portrait, several hundred KB).
fn photo_jpeg(width: u32, height: u32) -> Vec<u8> {
    let img = RgbImage::from_fn(width, height, |x, y| {
        Rgb([(x * 255 / width) as u8, (y * 255 / height) as u8, 128])
    });
    let mut out = Cursor::new(Vec::new());
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 95)
        .write_image(img.as_raw(), width, height, image::ExtendedColorType::Rgb8)
        .unwrap();
    out.into_inner()
}

/// The logical lines of a vCard: folding undone, CRLF checked.
fn vcard_lines(text: &str) -> Vec<String> {
    assert!(!text.starts_with('\u{feff}'), "a BOM breaks iOS imports");
    assert!(text.ends_with("\r\n"));
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "bare LF line ends"
    );
    for physical in text.split("\r\n") {
        assert!(
            physical.len() <= 75,
            "{} octets: {physical}",
            physical.len()
        );
    }
    text.replace("\r\n ", "")
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

fn property<'a>(lines: &'a [String], name: &str) -> Option<&'a str> {
    lines
        .iter()
        .find_map(|l| l.strip_prefix(name).and_then(|rest| rest.strip_prefix(':')))
}

/// Decodes the QR code in a PNG file.
fn decode_qr(png: &Path) -> String {
    let img = image::open(png).unwrap().to_luma8();
    let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(
        img.width() as usize,
        img.height() as usize,
        |x, y| img.get_pixel(x as u32, y as u32).0[0],
    );
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code in {}", png.display());
    grids[0].decode().unwrap().1
}

#[test]
fn each_language_gets_a_vcard_that_phones_import() {
    let site = TestSite::complete();
    site.build_ok();
    let zh = vcard_lines(&site.read("card/wang-ming/wang-ming.vcf"));
    assert_eq!(zh[0], "BEGIN:VCARD");
    assert_eq!(zh[1], "VERSION:3.0");
    assert_eq!(zh.last().unwrap(), "END:VCARD");
    assert_eq!(property(&zh, "N"), Some("王;明;;;"));
    assert_eq!(property(&zh, "FN"), Some("王明"));
    assert_eq!(property(&zh, "X-PHONETIC-LAST-NAME"), Some("Wang"));
    assert_eq!(property(&zh, "ORG"), Some("经合局"));
    assert_eq!(property(&zh, "TITLE"), Some("副局长"));
    assert_eq!(property(&zh, "TEL;TYPE=WORK,VOICE"), Some("+868160000001"));
    assert_eq!(
        property(&zh, "EMAIL;TYPE=INTERNET,WORK"),
        Some("wang@example.gov.cn")
    );
    assert_eq!(
        property(&zh, "URL"),
        Some("https://invest.example.gov.cn/card/wang-ming/")
    );
    let note = property(&zh, "NOTE").unwrap();
    assert!(note.contains("新型显示") && note.contains("东区"), "{note}");

    let en = vcard_lines(&site.read("en/card/wang-ming/wang-ming.vcf"));
    assert_eq!(property(&en, "N"), Some("Wang;Ming;;;"));
    assert_eq!(property(&en, "FN"), Some("Wang Ming"));
    assert_eq!(
        property(&en, "URL"),
        Some("https://invest.example.gov.cn/en/card/wang-ming/")
    );
    assert!(property(&en, "NOTE").unwrap().contains("New Display"));

    let card = site.html("card/wang-ming/index.html");
    assert_eq!(
        card.attr("a[download=\"wang-ming.vcf\"]", "href")
            .as_deref(),
        // The file beside the card: its own name is the shortest link.
        Some("wang-ming.vcf")
    );
    let card = site.html("en/card/wang-ming/index.html");
    assert_eq!(
        card.attr("a[download=\"wang-ming.vcf\"]", "href")
            .as_deref(),
        Some("wang-ming.vcf")
    );
}

#[test]
fn vcard_values_are_escaped_and_folded() {
    let site = TestSite::complete();
    let long =
        "负责新型显示、汽车电子、电子信息、先进制造和现代服务业等产业的招商引资与项目服务工作"
            .repeat(2);
    site.file(
        "content/officials/wang-ming.md",
        &format!(
            "---\nname: 王明\nposition: \"{long}\"\norganization: \"经合局; 招商科, \\\"一科\\\" <b>&</b>\"\naddress: |\n  示例路1号\n  3楼; 301室\nindustries: [new-display]\n---\n"
        ),
    );
    site.build_ok();
    let lines = vcard_lines(&site.read("card/wang-ming/wang-ming.vcf"));
    assert_eq!(
        property(&lines, "ORG"),
        Some(r#"经合局\; 招商科\, "一科" <b>&</b>"#)
    );
    assert_eq!(property(&lines, "TITLE"), Some(long.as_str()));
    assert_eq!(
        property(&lines, "ADR;TYPE=WORK"),
        Some(r";;示例路1号\n3楼\; 301室;;;;")
    );
}

#[test]
fn card_qr_codes_carry_the_cards_absolute_url() {
    let site = TestSite::complete();
    site.build_ok();
    for (lang, url) in [
        ("", "https://invest.example.gov.cn/card/wang-ming/"),
        ("en/", "https://invest.example.gov.cn/en/card/wang-ming/"),
    ] {
        let png = site.public(&format!("{lang}card/wang-ming/qr.png"));
        assert_eq!(decode_qr(&png), url);
        let svg = site.read(&format!("{lang}card/wang-ming/qr.svg"));
        assert!(svg.starts_with("<?xml") && svg.contains("<path"));
        let page = format!("{lang}card/wang-ming/index.html");
        let card = site.html(&page);
        assert!(card.attr("svg.qr path", "d").is_some_and(|d| d.len() > 100));
        assert_eq!(
            card.attr("a[download=\"wang-ming-qr.png\"]", "href"),
            Some(rel(&page, &format!("/{lang}card/wang-ming/qr.png")))
        );
        // Share and copy use the same URL.
        assert_eq!(card.attr(".js-share", "data-url").as_deref(), Some(url));
    }
}

#[test]
fn without_base_url_cards_have_no_qr_and_the_build_says_why() {
    let site = TestSite::complete();
    site.file(
        "content/site.yaml",
        "title: {zh: 测试, en: Test}\nlanguages: [zh, en]\n",
    );
    let report = site.build_ok();
    let text = messages(&report);
    assert!(
        text.contains("no `base_url`") && text.contains("QR code"),
        "{text}"
    );
    assert!(!site.public("card/wang-ming/qr.svg").exists());
    let card = site.html("card/wang-ming/index.html");
    assert!(card.select("svg.qr").is_empty());
    assert!(card.attr("meta[property=\"og:url\"]", "content").is_none());
    // The vCard still works, without a URL.
    let lines = vcard_lines(&site.read("card/wang-ming/wang-ming.vcf"));
    assert!(property(&lines, "URL").is_none());
}

#[test]
fn photos_are_resized_and_the_original_is_not_published() {
    let site = TestSite::complete();
    let original = photo_jpeg(1200, 1600);
    assert!(original.len() > 80_000);
    site.bytes("content/officials/photos/wang.jpg", &original);
    site.file(
        "content/officials/wang-ming.md",
        "---\nname: 王明\nphoto: photos/wang.jpg\n---\n",
    );
    site.build_ok();
    assert!(!site.public("officials/photos/wang.jpg").exists());
    for size in [96, 192, 600] {
        let path = site.public(&format!("card/wang-ming/photo-{size}.jpg"));
        let img = image::open(&path).unwrap();
        assert_eq!((img.width(), img.height()), (size, size));
        assert!(std::fs::metadata(&path).unwrap().len() < 80_000);
    }
    let card = site.html("en/card/wang-ming/index.html");
    assert_eq!(
        card.attr("img.avatar-photo", "src").as_deref(),
        Some("../../../card/wang-ming/photo-96.jpg")
    );
    assert!(card
        .attr("img.avatar-photo", "srcset")
        .unwrap()
        .contains("../../../card/wang-ming/photo-192.jpg 2x"));
    assert_eq!(
        card.attr("meta[property=\"og:image\"]", "content")
            .as_deref(),
        Some("https://invest.example.gov.cn/card/wang-ming/photo-600.jpg")
    );
    let lines = vcard_lines(&site.read("card/wang-ming/wang-ming.vcf"));
    let photo = property(&lines, "PHOTO;ENCODING=b;TYPE=JPEG").unwrap();
    assert!(
        photo.len() > 1000 && photo.len() < 40_000,
        "{}",
        photo.len()
    );
    // Lists show the small photo too.
    let list = site.html("officials/index.html");
    assert_eq!(
        list.attr(".person-card img", "src").as_deref(),
        Some("../card/wang-ming/photo-96.jpg")
    );
}

#[test]
fn a_photo_that_cannot_be_read_is_an_error_at_its_line() {
    let site = TestSite::complete();
    site.bytes(
        "content/officials/wang.heic",
        b"\0\0\0\x18ftypheic\0\0\0\0mif1heic",
    );
    site.file(
        "content/officials/wang-ming.md",
        "---\nname: 王明\nposition: 副局长\nphoto: wang.heic\n---\n",
    );
    let out = site.cli(&["build"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("content/officials/wang-ming.md:4:") && stderr.contains("HEIC"),
        "{stderr}"
    );
    assert!(stderr.contains("JPEG"), "{stderr}");
}

#[test]
fn link_previews_and_structured_data_describe_the_person() {
    let site = TestSite::complete();
    site.file(
        "content/officials/wang-ming.md",
        "---\nname: 王明\nposition: \"</script><script>alert(1)</script>\"\norganization: \"经合局\\\" onload=\\\"x\"\nphone: \"+86 816 000 0001\"\nemail: wang@example.gov.cn\n---\n",
    );
    site.build_ok();
    let card = site.html("card/wang-ming/index.html");
    let meta = |p: &str| card.attr(&format!("meta[property=\"{p}\"]"), "content");
    assert_eq!(meta("og:type").as_deref(), Some("profile"));
    assert_eq!(meta("og:title").as_deref(), Some("王明"));
    assert_eq!(
        meta("og:url").as_deref(),
        Some("https://invest.example.gov.cn/card/wang-ming/")
    );
    assert_eq!(meta("og:locale").as_deref(), Some("zh_CN"));
    assert_eq!(meta("og:locale:alternate").as_deref(), Some("en_US"));
    assert_eq!(meta("profile:last_name").as_deref(), Some("王"));

    let scripts = card.select("script");
    assert_eq!(scripts.len(), 2, "JSON-LD and main.js, nothing injected");
    let json = card.text("script[type=\"application/ld+json\"]");
    let person: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(person["@type"], "Person");
    assert_eq!(person["name"], "王明");
    assert_eq!(person["jobTitle"], "</script><script>alert(1)</script>");
    assert_eq!(person["worksFor"]["@type"], "GovernmentOrganization");
    assert_eq!(person["worksFor"]["name"], "经合局\" onload=\"x");
    assert_eq!(person["contactPoint"]["@type"], "ContactPoint");
    assert_eq!(person["contactPoint"]["telephone"], "+86 816 000 0001");
    assert_eq!(person["alternateName"][0], "Wang Ming");
    assert!(card.select("[onload]").is_empty());
}

#[test]
fn the_card_prints_chinese_front_and_english_back() {
    let site = TestSite::complete();
    site.build_ok();
    let card = site.html("card/wang-ming/index.html");
    // The print page size is in card.css: pages have no inline styles.
    assert!(card.select("style").is_empty());
    assert_eq!(card.attrs(".print-side", "lang"), ["zh-CN", "en"]);
    assert!(card
        .text(".print-side:first-child .print-name")
        .contains("王明"));
    assert!(card
        .text(".print-side:last-child .print-name")
        .contains("Wang Ming"));
    assert_eq!(
        card.attrs(".print-qr", "src"),
        ["qr.svg", "../../en/card/wang-ming/qr.svg"]
    );
    let css_file = site.asset("card.css");
    assert!(card
        .attrs("link[rel=stylesheet]", "href")
        .contains(&rel("card/wang-ming/index.html", &css_file)));
    let css = site.read(&css_file);
    assert!(css.contains("@media print") && css.contains("width:90mm;height:54mm"));
    assert!(css.contains("@page{size:90mm 54mm"), "the print page size");
}

#[test]
fn aliases_redirect_in_every_language() {
    let site = TestSite::complete();
    site.file(
        "content/officials/wang-ming.md",
        "---\nname: 王明\naliases: [wangming, old-wang]\n---\n",
    );
    site.build_ok();
    let main_js = site.asset("main.js");
    for (lang, alias) in [("", "wangming"), ("en/", "old-wang")] {
        let path = format!("{lang}card/{alias}/index.html");
        let page = site.html(&path);
        let target = rel(&path, &format!("/{lang}card/wang-ming/"));
        assert_eq!(
            page.attr("meta[http-equiv=\"refresh\"]", "content"),
            Some(format!("0; url={target}"))
        );
        assert_eq!(page.attr("html", "data-redirect"), Some(target.clone()));
        assert_eq!(
            resolve(&path, &target, "/").as_deref(),
            Some(format!("{lang}card/wang-ming/index.html").as_str())
        );
        assert_eq!(
            page.attr("link[rel=\"canonical\"]", "href"),
            Some(format!(
                "https://invest.example.gov.cn/{lang}card/wang-ming/"
            ))
        );
        // main.js does the redirect (keeping ?query and #fragment): no inline script.
        assert_eq!(page.attrs("script", "src"), [rel(&path, &main_js)]);
        assert!(page.text("script").trim().is_empty());
        assert!(page.has_link(&target));
        assert_eq!(
            page.attr("meta[name=\"robots\"]", "content").as_deref(),
            Some("noindex")
        );
    }
    let sitemap = site.read("sitemap.xml");
    assert!(!sitemap.contains("wangming") && sitemap.contains("/card/wang-ming/"));
}

#[test]
fn an_alias_that_collides_is_an_error_naming_both_files() {
    let site = TestSite::complete();
    site.file(
        "content/officials/li-na.md",
        "---\nname: 李娜\naliases: [old-li]\n---\n",
    );
    site.file(
        "content/officials/zhang-wei.md",
        "---\nname: 张伟\naliases:\n  - li-na\n  - old-li\n---\n",
    );
    let out = site.cli(&["build"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("content/officials/zhang-wei.md:4:")
            && stderr.contains("`li-na` is the slug of another card")
            && stderr.contains("content/officials/li-na.md"),
        "{stderr}"
    );
    assert!(
        stderr.contains("content/officials/zhang-wei.md:5:")
            && stderr.contains("`old-li` is also an alias of"),
        "{stderr}"
    );
    assert!(!site.public("index.html").exists());
}

#[test]
fn industry_park_and_policy_pages_show_their_contacts() {
    let site = TestSite::complete();
    site.build_ok();
    for page in [
        "industries/new-display/index.html",
        "parks/east-zone/index.html",
        "policies/talent/index.html",
        "en/policies/talent/index.html",
    ] {
        let html = site.html(page);
        let names = html.attrs(".person-card .person-name", "href");
        let expected = if page.starts_with("en/") {
            rel(page, "/en/card/wang-ming/")
        } else {
            rel(page, "/card/wang-ming/")
        };
        assert_eq!(names, [expected], "{page}");
    }
    let directory = site.html("officials/index.html");
    assert!(directory.select("#contact-filter").len() == 1);
    assert!(directory
        .text("#by-industry + .contact-group h3")
        .contains("新型显示"));
    assert!(directory
        .text("#by-park + .contact-group h3")
        .contains("东区"));
    let keywords = directory.attr(".person-card", "data-keywords").unwrap();
    assert!(
        keywords.contains("王明") && keywords.contains("wang ming") && keywords.contains("东区")
    );
}

#[test]
fn card_pages_keep_to_their_weight_budget() {
    let out = tempfile::tempdir().unwrap();
    let report = hui::build(&hui::BuildOptions {
        root: Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf(),
        output: Some(out.path().join("public")),
        ..Default::default()
    });
    assert!(report.succeeded(), "{}", messages(&report));
    let public = out.path().join("public");
    let mut checked = 0;
    for dir in ["card", "en/card"] {
        for entry in std::fs::read_dir(public.join(dir)).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            if name == "print" {
                continue; // the print shop's sheets, not a card
            }
            let rel = format!("{dir}/{name}/index.html");
            let page = public.join(&rel);
            // Links are relative to the page.
            let size = |url: &str| {
                let path = resolve(&rel, url, "/").unwrap_or_else(|| panic!("{rel}: {url}"));
                std::fs::metadata(public.join(&path))
                    .unwrap_or_else(|e| panic!("{rel}: {url} → {path}: {e}"))
                    .len()
            };
            let html = std::fs::read_to_string(&page).unwrap();
            if html.contains("http-equiv=\"refresh\"") {
                continue;
            }
            let doc = scraper::Html::parse_document(&html);
            let select = |css: &str, attr: &str| -> Vec<String> {
                doc.select(&scraper::Selector::parse(css).unwrap())
                    .filter_map(|e| e.value().attr(attr).map(str::to_owned))
                    .collect()
            };
            let css: u64 = select("link[rel=stylesheet]", "href")
                .iter()
                .map(|u| size(u))
                .sum();
            let js: u64 = select("script[src]", "src").iter().map(|u| size(u)).sum();
            let total = html.len() as u64 + css + js;
            assert!(total <= 30 * 1024, "{}: {total} bytes", page.display());
            let mut images = select("img", "src");
            for set in select("img", "srcset") {
                images.extend(
                    set.split(',')
                        .map(|c| c.split_whitespace().next().unwrap().to_owned()),
                );
            }
            for image in images {
                assert!(size(&image) <= 80 * 1024, "{image}");
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 8, "four officials in two languages");
}

#[test]
fn wechat_gets_a_hint_and_a_long_pressable_qr() {
    let site = TestSite::complete();
    site.build_ok();
    let card = site.html("card/wang-ming/index.html");
    assert!(card.text(".wechat-hint").contains("在浏览器打开"));
    assert_eq!(card.attr(".wechat-hint", "hidden").as_deref(), Some(""));
    assert_eq!(card.attr("img.qr-image", "src").as_deref(), Some("qr.png"));
    assert_eq!(
        card.attr(".js-copy", "data-copy").as_deref(),
        Some("wang-demo")
    );
    let js = site.read(&site.asset("main.js"));
    assert!(js.contains("MicroMessenger"));
}

#[test]
fn the_directory_offers_every_official_in_one_vcard_file() {
    let site = TestSite::complete();
    site.file(
        "content/officials/li-na.md",
        "---\nname: 李娜\nposition: 科长\nphone: \"+86 816 000 0002\"\n---\n简介\n",
    );
    site.build_ok();
    for (lang, names) in [("", ["王明", "李娜"]), ("en/", ["Wang Ming", "李娜"])] {
        let page = site.html(&format!("{lang}officials/index.html"));
        assert_eq!(
            page.attr("a[download='officials.vcf']", "href").as_deref(),
            Some("officials.vcf")
        );
        let all = site.read(&format!("{lang}officials/officials.vcf"));
        assert_eq!(all.matches("BEGIN:VCARD\r\n").count(), 2, "{all}");
        assert_eq!(all.matches("END:VCARD\r\n").count(), 2);
        for name in names {
            assert!(
                all.contains(&format!("\r\nFN:{name}\r\n")),
                "{name} in {all}"
            );
        }
        assert!(!all.contains("PHOTO"), "no photos in the directory's file");
    }
}

#[test]
fn card_sheets_hold_ten_cards_with_mirrored_backs() {
    let site = TestSite::complete();
    site.file(
        "content/officials/li-na.md",
        "---\nname: 李娜\nposition: 科长\n---\n简介\n",
    );
    site.build_ok();
    let one = site.html("card/wang-ming/print/index.html");
    assert_eq!(
        one.select(".sheet").len(),
        2,
        "a front page and a back page"
    );
    assert_eq!(one.select(".sheet-fronts .sheet-card[lang]").len(), 10);
    assert_eq!(one.select(".sheet-backs .sheet-card[lang='en']").len(), 10);
    let all = site.html("card/print/index.html");
    let names = |css: &str| -> Vec<String> {
        all.select(css)
            .iter()
            .map(|e| {
                e.select(&scraper::Selector::parse(".print-name").unwrap())
                    .next()
                    .map(|n| n.text().collect())
                    .unwrap_or_default()
            })
            .collect()
    };
    let fronts = names(".sheet-fronts .sheet-card");
    let backs = names(".sheet-backs .sheet-card");
    assert_eq!(fronts.len(), 10);
    assert_eq!(&fronts[..2], ["李娜", "王明"]);
    // The back of the card at the left is at the right: mirrored rows.
    assert_eq!(&backs[..2], ["Wang Ming", "李娜"]);
    assert!(all
        .attr("meta[name=robots]", "content")
        .unwrap()
        .contains("noindex"));
    assert!(!site.read("sitemap.xml").contains("/print/"));
}
