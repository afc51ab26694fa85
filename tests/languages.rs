//! A site in four languages (`zh, en, ja, ko`): the default theme's Japanese
//! and Korean UI strings, the language switcher, hreflang, fallbacks for
//! entries that lack a translation, vCards and the search index of every
//! language.

mod common;

use std::collections::BTreeMap;

use common::{messages, TestSite};

const BASE: &str = "https://invest.example.gov.cn/";

/// The default site's entries with Japanese and Korean translations for
/// some of them: the park has no Korean file, the policy no Japanese one,
/// the official no Korean one and the free page neither.
fn four_languages() -> TestSite {
    let site = TestSite::complete();
    site.file(
        "content/site.yaml",
        "title: {zh: 测试区投资指南, en: Test District Investment Guide, ja: テスト区投資ガイド, ko: 테스트구 투자 가이드}\n\
         base_url: https://invest.example.gov.cn/\n\
         languages: [zh, en, ja, ko]\n",
    );
    site.file(
        "content/industries/new-display.ja.md",
        "---\ntitle: 新型ディスプレイ\nsummary: 恵科を中核とする\nkey_companies: [恵科]\n---\n## 概要\n\n日本語の本文。\n",
    );
    site.file(
        "content/industries/new-display.ko.md",
        "---\ntitle: 신형 디스플레이\nsummary: 후이커를 중심으로\nkey_companies: [후이커]\n---\n## 개요\n\n한국어 본문.\n",
    );
    site.file(
        "content/parks/east-zone.ja.md",
        "---\ntitle: 東区\naddress: 例示路1号\nhighlights: [標準工場]\n---\n東区の本文。\n",
    );
    site.file(
        "content/policies/talent.ko.md",
        "---\ntitle: 인재 유치\nissuer: 구 인재판공실\n---\n정책 본문.\n",
    );
    site.file(
        "content/officials/wang-ming.ja.md",
        "---\nname: 王明\nposition: 副局長\norganization: 経済協力局\n---\n紹介。\n",
    );
    site
}

/// The text of the `<link rel=alternate hreflang=…>` elements: hreflang → href.
fn alternates(page: &common::Page) -> BTreeMap<String, String> {
    page.select("link[rel=alternate][hreflang]")
        .iter()
        .map(|e| {
            (
                e.value().attr("hreflang").unwrap().to_owned(),
                e.value().attr("href").unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn every_language_has_the_html_lang_and_hreflang_of_all_four() {
    let site = four_languages();
    site.build_ok();
    for (dir, lang) in [("", "zh-CN"), ("en/", "en"), ("ja/", "ja"), ("ko/", "ko")] {
        let page = site.html(&format!("{dir}parks/east-zone/index.html"));
        assert_eq!(page.attr("html", "lang").as_deref(), Some(lang), "{dir}");
        let expected: BTreeMap<String, String> = [
            ("zh-CN", "parks/east-zone/"),
            ("en", "en/parks/east-zone/"),
            ("ja", "ja/parks/east-zone/"),
            ("ko", "ko/parks/east-zone/"),
            ("x-default", "parks/east-zone/"),
        ]
        .into_iter()
        .map(|(l, p)| (l.to_owned(), format!("{BASE}{p}")))
        .collect();
        assert_eq!(alternates(&page), expected, "{dir}");
        assert_eq!(
            page.attr("link[rel=canonical]", "href"),
            Some(format!("{BASE}{dir}parks/east-zone/"))
        );
    }
    // Link previews name the locale of each language.
    let ja = site.html("ja/card/wang-ming/index.html");
    assert_eq!(
        ja.attr("meta[property=\"og:locale\"]", "content")
            .as_deref(),
        Some("ja_JP")
    );
    assert_eq!(
        ja.attrs("meta[property=\"og:locale:alternate\"]", "content"),
        ["zh_CN", "en_US", "ko_KR"]
    );
    let ko = site.html("ko/index.html");
    assert_eq!(
        ko.attr("meta[property=\"og:locale\"]", "content")
            .as_deref(),
        Some("ko_KR")
    );
}

#[test]
fn the_switcher_links_the_same_page_in_all_four_languages() {
    let site = four_languages();
    site.build_ok();
    let ja = site.html("ja/policies/talent/index.html");
    assert_eq!(ja.text(".lang-switch .lang-current"), "日本語");
    assert_eq!(
        ja.attrs(".lang-switch a", "href"),
        [
            "../../../policies/talent/",
            "../../../en/policies/talent/",
            "../../../ko/policies/talent/",
        ]
    );
    assert_eq!(
        ja.attrs(".lang-switch a", "hreflang"),
        ["zh-CN", "en", "ko"]
    );
    let names: Vec<String> = ja
        .select(".lang-switch a")
        .iter()
        .map(|a| a.text().collect())
        .collect();
    assert_eq!(names, ["中文", "English", "한국어"]);
    // From the root, the other languages are one folder down.
    let home = site.html("index.html");
    assert_eq!(home.attrs(".lang-switch a", "href"), ["en/", "ja/", "ko/"]);
    // Every link of the switcher leads to a page that was built.
    for (page, href) in [
        (
            "ko/card/wang-ming/index.html",
            "../../../ja/card/wang-ming/",
        ),
        ("ko/card/wang-ming/index.html", "../../../card/wang-ming/"),
    ] {
        assert!(site.html(page).has_link(href), "{page}: {href}");
    }
    for page in ["ja/card/wang-ming/index.html", "ko/about/index.html"] {
        assert!(site.public(page).is_file(), "{page}");
    }
}

#[test]
fn japanese_and_korean_pages_use_their_own_ui_strings() {
    let site = four_languages();
    let report = site.build_ok();
    let text = messages(&report);
    assert!(!text.contains("UI strings"), "{text}");
    let nav = |page: &str| -> Vec<String> {
        site.html(page)
            .select(".main-nav a")
            .iter()
            .map(|a| a.text().collect())
            .collect()
    };
    assert_eq!(
        nav("ja/index.html")[..5],
        ["ホーム", "重点産業", "産業団地", "優遇政策", "担当窓口"]
    );
    assert_eq!(
        nav("ko/index.html")[..5],
        ["홈", "중점 산업", "산업단지", "지원 정책", "담당자"]
    );
    // And Chinese and English keep theirs.
    assert_eq!(
        nav("index.html")[..5],
        ["首页", "重点产业", "产业园区", "惠企政策", "招商联络"]
    );
    assert_eq!(
        nav("en/index.html")[..5],
        [
            "Home",
            "Industries",
            "Industrial parks",
            "Policies",
            "Contacts"
        ]
    );
    let ja_card = site.html("ja/card/wang-ming/index.html");
    assert!(ja_card.text(".bizcard").contains("連絡先に保存"));
    let ko_card = site.html("ko/card/wang-ming/index.html");
    assert!(ko_card.text(".bizcard").contains("연락처 저장"));
    let ko_search = site.html("ko/search/index.html");
    assert_eq!(ko_search.text("h1").trim(), "검색");
    let ja_policy = site.html("ja/policies/talent/index.html");
    assert!(ja_policy.text(".badge").contains("施行中"));
}

#[test]
fn a_language_without_a_translation_shows_the_default_text_with_a_notice() {
    let site = four_languages();
    let report = site.build_ok();
    let warnings: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| !d.is_error())
        .map(|d| d.to_string())
        .collect();
    let warned = |file: &str, lang: &str| {
        warnings
            .iter()
            .any(|w| w.contains(file) && w.contains(&format!("no `{lang}` translation")))
    };
    assert!(warned("content/parks/east-zone.md", "ko"), "{warnings:#?}");
    assert!(warned("content/policies/talent.md", "ja"), "{warnings:#?}");
    assert!(
        warned("content/officials/wang-ming.md", "ko"),
        "{warnings:#?}"
    );
    assert!(warned("content/pages/about.md", "ja"), "{warnings:#?}");
    assert!(warned("content/pages/about.md", "ko"), "{warnings:#?}");
    assert!(!warned("content/parks/east-zone.md", "ja"), "{warnings:#?}");
    assert!(
        !warned("content/industries/new-display.md", "ko"),
        "{warnings:#?}"
    );

    // The Korean park page: Chinese text, marked as such, with the notice
    // in Korean.
    let ko = site.html("ko/parks/east-zone/index.html");
    assert_eq!(ko.attr("html", "lang").as_deref(), Some("ko"));
    assert!(ko.text("h1").contains("东区"));
    assert_eq!(
        ko.attr("article.entry-main", "lang").as_deref(),
        Some("zh-CN")
    );
    assert!(ko
        .text(".notice-fallback")
        .contains("아직 한국어로 번역되지 않았습니다"));
    // The Japanese one has its own text and no notice.
    let ja = site.html("ja/parks/east-zone/index.html");
    assert!(ja.text("h1").contains("東区"));
    assert!(ja.select(".notice-fallback").is_empty());
    assert!(ja.text(".prose").contains("東区の本文"));
    // The Japanese policy falls back, with a Japanese notice.
    let ja = site.html("ja/policies/talent/index.html");
    assert!(ja.text("h1").contains("招才引智"));
    assert!(ja
        .text(".notice-fallback")
        .contains("まだ日本語に翻訳されていません"));
    // Lists link the translation where there is one, and mark the others.
    let list = site.html("ko/parks/index.html");
    assert_eq!(list.attr(".entry-card", "lang").as_deref(), Some("zh-CN"));
    let list = site.html("ko/industries/index.html");
    assert!(list.text(".entry-card").contains("신형 디스플레이"));
    assert_eq!(list.attr(".entry-card", "lang"), None);
}

/// The logical lines of a vCard: folding undone, CRLF line ends checked.
fn vcard_lines(text: &str) -> Vec<String> {
    assert!(text.starts_with("BEGIN:VCARD\r\nVERSION:3.0\r\n"), "{text}");
    assert!(text.ends_with("END:VCARD\r\n"), "{text}");
    assert!(!text.replace("\r\n", "").contains('\n'), "bare LF");
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

#[test]
fn every_language_has_its_own_vcard() {
    let site = four_languages();
    site.build_ok();
    let ja = vcard_lines(&site.read("ja/card/wang-ming/wang-ming.vcf"));
    assert_eq!(property(&ja, "N"), Some("王;明;;;"));
    assert_eq!(property(&ja, "FN"), Some("王明"));
    assert_eq!(property(&ja, "ORG"), Some("経済協力局"));
    assert_eq!(property(&ja, "TITLE"), Some("副局長"));
    assert_eq!(
        property(&ja, "URL").map(str::to_owned),
        Some(format!("{BASE}ja/card/wang-ming/"))
    );
    // The note names the industries and parks in Japanese, with Japanese
    // punctuation.
    let note = property(&ja, "NOTE").unwrap();
    assert!(
        note.contains("新型ディスプレイ") && note.contains("東区"),
        "{note}"
    );
    assert!(note.contains('：'), "{note}");

    // Korean has no translation of the official: the Chinese texts, the
    // Korean card address and Korean names of what the official covers.
    let ko = vcard_lines(&site.read("ko/card/wang-ming/wang-ming.vcf"));
    assert_eq!(property(&ko, "FN"), Some("王明"));
    assert_eq!(property(&ko, "ORG"), Some("经合局"));
    assert_eq!(
        property(&ko, "URL").map(str::to_owned),
        Some(format!("{BASE}ko/card/wang-ming/"))
    );
    let note = property(&ko, "NOTE").unwrap();
    assert!(note.contains("신형 디스플레이"), "{note}");
    assert_eq!(property(&ko, "TEL;TYPE=WORK,VOICE"), Some("+868160000001"));
    // The card offers the file beside it.
    let card = site.html("ko/card/wang-ming/index.html");
    assert_eq!(
        card.attr("a[download=\"wang-ming.vcf\"]", "href")
            .as_deref(),
        Some("wang-ming.vcf")
    );
}

/// The JSON a search script hands to `hui.index(lang, kind, n, …)`.
fn index_call(script: &str, lang: &str, kind: &str) -> serde_json::Value {
    let head = format!("hui.index(\"{lang}\",\"{kind}\",");
    let rest = script
        .strip_prefix(&head)
        .unwrap_or_else(|| panic!("{script:.80}"));
    let json = rest.split_once(',').unwrap().1;
    let json = json.trim_end().strip_suffix(");").unwrap();
    serde_json::from_str(json).unwrap()
}

/// The pages whose postings hold `term`: each posting is three numbers
/// (the gap to the previous page, the impact, the parts), written in
/// groups of five bits, low first; a digit from the second half of the
/// alphabet means that more groups follow.
fn pages_of(postings: &str) -> Vec<u64> {
    const DIGITS: &str = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
    let mut numbers = Vec::new();
    let (mut n, mut shift) = (0u64, 0);
    for c in postings.chars() {
        let d = DIGITS.find(c).unwrap() as u64;
        n |= (d & 31) << shift;
        shift += 5;
        if d < 32 {
            numbers.push(n);
            (n, shift) = (0, 0);
        }
    }
    let mut page = 0;
    numbers
        .chunks(3)
        .map(|p| {
            page += p[0];
            page
        })
        .collect()
}

/// What a query finds in one language's index: the addresses of the pages
/// that hold every term of `query`.
fn search(site: &TestSite, lang: &str, query: &str) -> Vec<String> {
    let manifest = index_call(&site.read(&format!("search/{lang}/index.js")), lang, "m");
    let version = manifest["version"].as_str().unwrap();
    let shards = manifest["shards"].as_u64().unwrap() as u32;
    let mut urls = Vec::new();
    for i in 0.. {
        let path = site.public(&format!("search/{lang}/{version}/d{i}.js"));
        if !path.is_file() {
            break;
        }
        let docs = index_call(&std::fs::read_to_string(path).unwrap(), lang, "d");
        urls.extend(
            docs.as_array()
                .unwrap()
                .iter()
                .map(|d| d[0].as_str().unwrap().to_owned()),
        );
    }
    let terms = hui::search::tokenize::query_terms(query);
    assert!(!terms.is_empty(), "{query}");
    let mut found: Option<Vec<u64>> = None;
    for term in terms {
        let shard = hui::search::tokenize::shard_of(&term, shards);
        let shard = index_call(
            &site.read(&format!("search/{lang}/{version}/t{shard}.js")),
            lang,
            "t",
        );
        let pages = shard[&term].as_str().map(pages_of).unwrap_or_default();
        found = Some(match found {
            None => pages,
            Some(before) => before.into_iter().filter(|p| pages.contains(p)).collect(),
        });
    }
    found
        .unwrap()
        .into_iter()
        .map(|p| urls[p as usize].clone())
        .collect()
}

#[test]
fn every_language_has_a_search_index_that_finds_the_official() {
    let site = four_languages();
    site.build_ok();
    for (lang, card) in [
        ("zh", "card/wang-ming/"),
        ("en", "en/card/wang-ming/"),
        ("ja", "ja/card/wang-ming/"),
        ("ko", "ko/card/wang-ming/"),
    ] {
        let found = search(&site, lang, "王明");
        assert!(found.iter().any(|u| u == card), "{lang}: {found:?}");
        // The search page of each language loads its own index.
        let dir = if lang == "zh" {
            String::new()
        } else {
            format!("{lang}/")
        };
        let page = site.html(&format!("{dir}search/index.html"));
        assert_eq!(
            page.attr(".search-page", "data-lang").as_deref(),
            Some(lang)
        );
    }
    // Japanese text is found by its own words, Korean by its hangul.
    assert!(search(&site, "ja", "副局長").contains(&"ja/card/wang-ming/".to_owned()));
    assert!(search(&site, "ja", "経済協力局").contains(&"ja/card/wang-ming/".to_owned()));
    assert!(search(&site, "ja", "ディスプレイ").contains(&"ja/industries/new-display/".to_owned()));
    assert!(search(&site, "ko", "디스플레이").contains(&"ko/industries/new-display/".to_owned()));
    assert!(search(&site, "ko", "인재 유치").contains(&"ko/policies/talent/".to_owned()));
    // Each index holds its own language only: the Japanese title is not in
    // the Korean index.
    assert!(search(&site, "ko", "ディスプレイ").is_empty());
    // A Korean page that falls back is found by its Chinese text.
    assert!(search(&site, "ko", "东区").contains(&"ko/parks/east-zone/".to_owned()));
}

#[test]
fn every_ui_strings_file_of_the_default_theme_has_the_keys_of_english() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/i18n");
    let load = |lang: &str| -> BTreeMap<String, String> {
        let text = std::fs::read_to_string(dir.join(format!("{lang}.yaml"))).unwrap();
        hui::yaml::decode(&text, 1).unwrap().0
    };
    let placeholders = |text: &str| -> Vec<String> {
        let mut found: Vec<String> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned()))
            .collect();
        found.sort();
        found
    };
    let en = load("en");
    let mut langs: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter_map(|f| f.strip_suffix(".yaml").map(str::to_owned))
        .collect();
    langs.sort();
    assert_eq!(langs, ["en", "ja", "ko", "zh"]);
    for lang in &langs {
        let strings = load(lang);
        assert_eq!(
            strings.keys().collect::<Vec<_>>(),
            en.keys().collect::<Vec<_>>(),
            "{lang}.yaml"
        );
        for (key, text) in &en {
            assert_eq!(
                placeholders(&strings[key]),
                placeholders(text),
                "{lang}.yaml: {key}"
            );
        }
        assert_eq!(strings["html_lang"].split('-').next(), Some(lang.as_str()));
        if lang != "en" {
            // Translated, not copied: only units (km², m², m), punctuation
            // and a few names may equal the English ones.
            let units = ["km2", "m2", "metres", "colon", "list_separator"];
            let same: Vec<&String> = en
                .keys()
                .filter(|k| strings[*k] == en[*k] && !units.contains(&k.as_str()))
                .collect();
            assert!(same.len() <= 2, "{lang}.yaml repeats English: {same:?}");
        }
    }
}
