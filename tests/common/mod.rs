//! A tiny site in a temporary folder, built through the library or the CLI.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use scraper::{Html, Selector};

pub const SITE_YAML: &str = "title: {zh: 测试区投资指南, en: Test District Investment Guide}\n\
description: {zh: 测试描述, en: Test description}\n\
base_url: https://invest.example.gov.cn/\n\
languages: [zh, en]\n";

pub struct TestSite {
    pub dir: tempfile::TempDir,
}

impl TestSite {
    /// An empty site with only `content/site.yaml`.
    pub fn new() -> TestSite {
        let site = TestSite {
            dir: tempfile::tempdir().unwrap(),
        };
        site.file("content/site.yaml", SITE_YAML);
        site
    }

    /// A small complete site: an industry, a park, a policy, an official and a page,
    /// each in Chinese and English, cross-referenced.
    pub fn complete() -> TestSite {
        let site = TestSite::new();
        site.file(
            "content/industries/new-display.md",
            "---\ntitle: 新型显示\nsummary: 以惠科为龙头\nweight: 1\nkey_companies: [惠科]\nstats:\n  - {label: 项目, value: 168}\n---\n## 概况\n\n**注意：**正文\n",
        );
        site.file(
            "content/industries/new-display.en.md",
            "---\ntitle: New Display\nsummary: Anchored by HKC\nkey_companies: [HKC]\nstats:\n  - {label: Projects, value: 168}\n---\n## Overview\n\nEnglish text.\n",
        );
        site.file(
            "content/parks/east-zone.md",
            "---\ntitle: 东区\naddress: 示例路1号\nlocation: {lat: 31.4, lng: 104.7}\narea_km2: 12.5\nestablished: 2008\nindustries: [new-display]\nhighlights: [标准厂房]\n---\n东区正文\n",
        );
        site.file(
            "content/parks/east-zone.en.md",
            "---\ntitle: East Zone\naddress: 1 Example Road\nhighlights: [Standard factories]\n---\nEast zone text.\n",
        );
        site.file(
            "content/policies/talent.md",
            "---\ntitle: 招才引智\nissuer: 区人才办\nissued: 2023-01-01\neffective: 2023-02-01\nexpires: 2099-12-31\nindustries: [new-display]\ndelivery: 免申即享\nhotline: \"+86 816 000 0000\"\n---\n政策正文\n",
        );
        site.file(
            "content/policies/talent.en.md",
            "---\ntitle: Talent Attraction\nissuer: District Talent Office\n---\nPolicy text.\n",
        );
        site.file(
            "content/officials/wang-ming.md",
            "---\nname: 王明\nposition: 副局长\norganization: 经合局\nphone: \"+86 816 000 0001\"\nemail: wang@example.gov.cn\nwechat: wang-demo\nindustries: [new-display]\nparks: [east-zone]\n---\n简介\n",
        );
        site.file(
            "content/officials/wang-ming.en.md",
            "---\nname: Wang Ming\nposition: Deputy Director\norganization: Economic Cooperation Bureau\n---\nBio.\n",
        );
        site.file(
            "content/pages/about.md",
            "---\ntitle: 关于\nmenu: true\n---\n关于本指南\n",
        );
        site.file(
            "content/pages/about.en.md",
            "---\ntitle: About\n---\nAbout this guide.\n",
        );
        site
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn file(&self, rel: &str, text: &str) -> &Self {
        self.bytes(rel, text.as_bytes())
    }

    pub fn bytes(&self, rel: &str, bytes: &[u8]) -> &Self {
        let path = self.dir.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
        self
    }

    /// A file of the site's sources, such as `content/parks/east-zone.md`.
    pub fn read_source(&self, rel: &str) -> String {
        std::fs::read_to_string(self.dir.path().join(rel)).unwrap()
    }

    pub fn remove(&self, rel: &str) {
        std::fs::remove_file(self.dir.path().join(rel)).unwrap();
    }

    pub fn build(&self) -> hui::BuildReport {
        self.build_with(|_| {})
    }

    pub fn build_with(&self, tweak: impl FnOnce(&mut hui::BuildOptions)) -> hui::BuildReport {
        let mut options = hui::BuildOptions {
            root: self.root().to_path_buf(),
            today: Some("2026-11-27".parse().unwrap()),
            ..Default::default()
        };
        tweak(&mut options);
        hui::build(&options)
    }

    /// Builds and fails the test with every diagnostic if the build failed.
    pub fn build_ok(&self) -> hui::BuildReport {
        let report = self.build();
        assert!(report.succeeded(), "build failed:\n{}", messages(&report));
        report
    }

    /// Runs the `hui` binary in the site folder.
    pub fn cli(&self, args: &[&str]) -> std::process::Output {
        Command::new(env!("CARGO_BIN_EXE_hui"))
            .args(args)
            .current_dir(self.root())
            .env("NO_COLOR", "1")
            .output()
            .unwrap()
    }

    pub fn public(&self, rel: &str) -> PathBuf {
        self.dir.path().join("public").join(rel)
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.public(rel))
            .unwrap_or_else(|e| panic!("cannot read public/{rel}: {e}"))
    }

    pub fn html(&self, rel: &str) -> Page {
        Page(Html::parse_document(&self.read(rel)))
    }

    /// The fingerprinted file a theme file such as `base.css` was published
    /// as: `assets/base.<10 hex digits>.css`, the only one of its name.
    pub fn asset(&self, name: &str) -> String {
        asset_in(&self.public(""), name)
    }
}

/// [`TestSite::asset`] in any output folder.
pub fn asset_in(public: &Path, name: &str) -> String {
    let found: Vec<String> = std::fs::read_dir(public.join("assets"))
        .unwrap_or_else(|e| panic!("{}/assets: {e}", public.display()))
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|file| is_fingerprinted(file, name))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "one fingerprinted {name} in assets/: {found:?}"
    );
    format!("assets/{}", found[0])
}

/// Whether `file` is `name` fingerprinted: `base.css` as `base.0123456789.css`.
pub fn is_fingerprinted(file: &str, name: &str) -> bool {
    let (stem, ext) = name.rsplit_once('.').unwrap();
    file.strip_prefix(stem)
        .and_then(|rest| rest.strip_prefix('.'))
        .and_then(|rest| rest.strip_suffix(ext))
        .and_then(|rest| rest.strip_suffix('.'))
        .is_some_and(|hash| {
            hash.len() == 10 && hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
        })
}

/// The way up from a built page (`en/parks/index.html`) to the site root:
/// `./` on the home page, then one `../` per folder above the page.
pub fn root_of(page: &str) -> String {
    match page.matches('/').count() {
        0 => "./".to_owned(),
        depth => "../".repeat(depth),
    }
}

/// How `page` (`en/card/wang-ming/index.html`) links to the site path
/// `path` (`/en/parks/`): the shortest way, up to the folders they share,
/// then down (`../../parks/`); `./` for the page's own folder.
pub fn rel(page: &str, path: &str) -> String {
    let from: Vec<&str> = page.split('/').collect::<Vec<_>>()[..page.matches('/').count()].to_vec();
    let path = path.trim_start_matches('/');
    let (dir, name) = path.rsplit_once('/').unwrap_or(("", path));
    let to: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut out = "../".repeat(from.len() - common);
    for part in &to[common..] {
        out.push_str(part);
        out.push('/');
    }
    out.push_str(name);
    if out.is_empty() {
        out.push_str("./");
    }
    out
}

/// The file under the output folder that a link on `page` leads to, or
/// `None` for a link out of the site (`https:`, `mailto:`, `tel:`, `#top`).
/// Relative links resolve against the page's folder; links starting with `/`
/// (404.html) must start with `base_path` (`/` or `/guide/`). A link that
/// leaves the site or misses the base path gives a path that never exists.
pub fn resolve(page: &str, href: &str, base_path: &str) -> Option<String> {
    let href = href.split(['#', '?']).next().unwrap();
    if href.is_empty() || href.split('/').next().unwrap().contains(':') {
        return None;
    }
    let mut parts: Vec<&str> = Vec::new();
    let rest = if let Some(rooted) = href.strip_prefix('/') {
        let Some(rest) = rooted.strip_prefix(base_path.trim_start_matches('/')) else {
            return Some(format!("<not under the base path {base_path}>/{rooted}"));
        };
        rest
    } else {
        parts.extend(page.split('/'));
        parts.pop();
        href
    };
    for part in rest.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Some(format!("<above the site root>/{href}"));
                }
            }
            _ => parts.push(part),
        }
    }
    if href.ends_with('/')
        || href == "."
        || href == ".."
        || href.ends_with("/.")
        || href.ends_with("/..")
    {
        parts.push("index.html");
    }
    Some(parts.join("/"))
}

pub fn messages(report: &hui::BuildReport) -> String {
    report
        .diagnostics
        .iter()
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A parsed HTML page with helpers for assertions.
pub struct Page(pub Html);

impl Page {
    pub fn select(&self, css: &str) -> Vec<scraper::ElementRef<'_>> {
        let selector = Selector::parse(css).unwrap();
        self.0.select(&selector).collect()
    }

    pub fn attr(&self, css: &str, attr: &str) -> Option<String> {
        self.select(css)
            .first()
            .and_then(|e| e.value().attr(attr))
            .map(str::to_owned)
    }

    pub fn attrs(&self, css: &str, attr: &str) -> Vec<String> {
        self.select(css)
            .iter()
            .filter_map(|e| e.value().attr(attr))
            .map(str::to_owned)
            .collect()
    }

    pub fn text(&self, css: &str) -> String {
        self.select(css)
            .iter()
            .map(|e| e.text().collect::<String>())
            .collect::<Vec<_>>()
            .join(" ")
    }

    pub fn links(&self) -> Vec<String> {
        self.attrs("a[href]", "href")
    }

    pub fn has_link(&self, href: &str) -> bool {
        self.links().iter().any(|l| l == href)
    }
}

/// Every file under `dir`, by path relative to it: to compare two outputs.
pub fn tree(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}
