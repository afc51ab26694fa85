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
