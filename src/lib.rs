//! hui (荟) compiles a district's Markdown and YAML into a bilingual
//! investment guide with a digital business card for every official.
//!
//! The pipeline runs in one direction, one module per stage:
//! [`content`] loads and parses files, [`link`] validates and cross-links
//! them into a [`link::Site`], [`render`] turns the site into pages through
//! the [`theme`], and [`output`] swaps the result into place. Problems from
//! every stage are collected as [`diagnostics`] and reported together.

#![forbid(unsafe_code)]
// A `Diagnostic` is the error value of every stage; it is created only on the
// cold path and carries its message, hint and snippet, so its size is fine.
#![allow(clippy::result_large_err)]

pub mod card;
pub mod check;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod hosting;
pub mod incremental;
pub mod js;
pub mod link;
pub mod markdown;
pub mod output;
pub mod render;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod theme;
pub mod timings;
pub mod urls;
pub mod yaml;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use config::BaseUrl;
use diagnostics::{Diagnostic, Diagnostics};

/// What `hui build` was asked to do.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// The folder that holds `content/`.
    pub root: PathBuf,
    /// Where the site is written; `root/public` when `None`.
    pub output: Option<PathBuf>,
    /// Overrides `base_url` from site.yaml.
    pub base_url: Option<String>,
    /// Includes entries marked `draft: true`.
    pub drafts: bool,
    /// The build date; from `SOURCE_DATE_EPOCH` or the clock when `None`.
    pub today: Option<jiff::civil::Date>,
    /// Writes the offline copy (links that name `index.html`, for
    /// `file://`) into `root/offline` unless `output` says otherwise, and
    /// packs it as one zip beside it.
    pub offline: bool,
}

/// The result of a build: what was written and every problem found.
#[derive(Debug)]
pub struct BuildReport {
    pub diagnostics: Diagnostics,
    pub output: PathBuf,
    pub pages: usize,
    pub files: usize,
    pub elapsed: Duration,
    /// Files written beside the output folder: the nginx configuration, or
    /// the offline copy's zip.
    pub beside: Vec<PathBuf>,
    /// What the build adds for its host: the nginx server block (made when
    /// the site could be rendered, written only with the output).
    host_config: Option<String>,
}

impl BuildReport {
    /// A report of nothing built yet.
    pub fn empty() -> BuildReport {
        BuildReport {
            diagnostics: Diagnostics::new(),
            output: PathBuf::new(),
            pages: 0,
            files: 0,
            elapsed: Duration::ZERO,
            beside: Vec::new(),
            host_config: None,
        }
    }

    pub fn succeeded(&self) -> bool {
        !self.diagnostics.has_errors()
    }
}

/// Builds the site at `options.root`. The output folder is replaced only if
/// the build has no errors.
pub fn build(options: &BuildOptions) -> BuildReport {
    let start = Instant::now();
    let root = &options.root;
    let output = options
        .output
        .clone()
        .unwrap_or_else(|| root.join(if options.offline { "offline" } else { "public" }));
    let fail = |d: Diagnostic| {
        let mut diagnostics = Diagnostics::new();
        diagnostics.push(d);
        BuildReport {
            diagnostics,
            output: output.clone(),
            pages: 0,
            files: 0,
            elapsed: start.elapsed(),
            beside: Vec::new(),
            host_config: None,
        }
    };
    if let Err(d) = output::check_target(root, &output) {
        return fail(d);
    }
    let staging = match output::Staging::new(&output) {
        Ok(s) => s,
        Err(d) => return fail(d),
    };
    let (mut report, site) = build_into(options, &staging);
    report.output = output;
    if !report.succeeded() {
        staging.discard();
        report.pages = 0;
        report.files = 0;
    } else if let Err(d) = staging.commit() {
        report.diagnostics.push(d);
        report.pages = 0;
        report.files = 0;
    } else {
        timings::mark("swap into place");
        write_beside(&mut report, site.as_ref(), options);
    }
    timings::mark("beside the output");
    report.elapsed = start.elapsed();
    report
}

/// After the output is in place: the nginx configuration beside it, or for
/// the offline copy, its zip.
fn write_beside(report: &mut BuildReport, site: Option<&link::Site>, options: &BuildOptions) {
    let output = report.output.clone();
    let result = if options.offline {
        let name = offline_name(site, &options.root);
        let zip = output.with_file_name(format!("{name}-offline.zip"));
        output::zip_folder(&output, &zip).map(|()| zip)
    } else if let Some(conf) = report.host_config.take() {
        let path = hosting::nginx_path(&output);
        output::write_atomically(&path, conf.as_bytes()).map(|()| path)
    } else {
        return;
    };
    match result {
        Ok(path) => report.beside.push(path),
        Err(d) => report.diagnostics.push(d),
    }
}

/// The offline zip's name: the host of `base_url`
/// (`invest.example.gov.cn-offline.zip`), else the site's folder.
fn offline_name(site: Option<&link::Site>, root: &Path) -> String {
    let host = site
        .and_then(|s| s.config.base_url.as_ref())
        .and_then(|b| b.origin.split("://").nth(1))
        .map(|h| h.replace(':', "-"));
    host.unwrap_or_else(|| {
        std::path::absolute(root)
            .ok()
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .unwrap_or_else(|| "site".to_owned())
    })
}

/// Loads, links and renders the site into `sink`. Returns the report and,
/// when the content and theme could be loaded, the site (for `hui check`'s
/// lints). Nothing is written to the output folder; `report.output` is left
/// empty.
pub fn build_into(
    options: &BuildOptions,
    sink: &dyn output::Sink,
) -> (BuildReport, Option<link::Site>) {
    let start = Instant::now();
    let mut diags = Diagnostics::new();
    let report = |mut diagnostics: Diagnostics, pages, files| {
        diagnostics.sort();
        BuildReport {
            diagnostics,
            output: PathBuf::new(),
            pages,
            files,
            elapsed: start.elapsed(),
            beside: Vec::new(),
            host_config: None,
        }
    };
    timings::start();
    if search::wanted(sink) {
        search::warm_up();
    }
    let Some((site, theme)) = prepare(options, None, &mut diags) else {
        return (report(diags, 0, 0), None);
    };
    timings::mark("load, link, theme");
    if diags.has_errors() {
        return (report(diags, 0, 0), Some(site));
    }
    let today = options.today.unwrap_or_else(build_date);
    let urls = site_urls(&site, options.offline);
    let (cards, rendered) = write_site(
        &site,
        &theme,
        &urls,
        today,
        &incremental::Fresh,
        sink,
        &mut diags,
    );
    timings::mark("index, assets, sitemap");
    let (pages, files) = (rendered.pages, rendered.files + cards.files);
    drop_aside((cards, rendered));
    let mut built = report(diags, pages, files);
    if !options.offline {
        let output = options
            .output
            .clone()
            .unwrap_or_else(|| options.root.join("public"));
        let output = std::path::absolute(&output).unwrap_or(output);
        built.host_config = Some(hosting::nginx_conf(&site, &theme, &urls, &output));
    }
    (built, Some(site))
}

/// Frees what a finished build no longer needs on another thread: a large
/// site's pages and search terms are millions of small allocations, and
/// freeing them would hold up the swap into place (or, for `hui build`,
/// the exit, which frees them at once).
fn drop_aside<T: Send + 'static>(value: T) {
    std::thread::spawn(move || drop(value));
}

/// The URLs of a site: its own, or the offline copy's.
pub(crate) fn site_urls(site: &link::Site, offline: bool) -> urls::Urls {
    let urls = urls::Urls::new(site.config.base_url.clone(), site.config.default_language());
    if offline {
        urls.offline()
    } else {
        urls
    }
}

/// Writes the card files and the pages of a prepared site into `sink`,
/// keeping what `reuse` allows.
pub(crate) fn write_site(
    site: &link::Site,
    theme: &theme::Theme,
    urls: &urls::Urls,
    today: jiff::civil::Date,
    reuse: &dyn incremental::Reuse,
    sink: &dyn output::Sink,
    diags: &mut Diagnostics,
) -> (card::Cards, render::Rendered) {
    let mut cards = card::build(site, theme, urls, reuse, sink, diags);
    cards.files += card::write_directory(site, theme, urls, sink, diags);
    timings::mark("cards");
    let rendered = render::render_site(
        site,
        theme,
        urls,
        render::RenderOptions { today },
        &cards,
        reuse,
        sink,
        diags,
    );
    (cards, rendered)
}

/// Loads and links the content and loads the theme: everything before
/// rendering. `None` when the site cannot be rendered; errors are in `diags`.
pub(crate) fn prepare(
    options: &BuildOptions,
    cache: Option<&content::FileCache>,
    diags: &mut Diagnostics,
) -> Option<(link::Site, theme::Theme)> {
    let root = &options.root;
    let mut loaded = content::load_cached(root, diags, cache);
    if let (Some(config), Some(url)) = (loaded.config.as_mut(), options.base_url.as_deref()) {
        match BaseUrl::parse(url) {
            Ok(base) => config.base_url = Some(base),
            Err((message, hint)) => diags.push(Diagnostic::error("--base-url", message).hint(hint)),
        }
    }
    let theme_name = loaded.config.as_ref().map(|c| c.theme.clone())?;
    let site = link::link(
        root,
        loaded,
        link::LinkOptions {
            drafts: options.drafts,
        },
        diags,
    )?;
    let theme = theme::load(root, &theme_name, site.languages(), diags)?;
    Some((site, theme))
}

pub fn build_date() -> jiff::civil::Date {
    let timestamp = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|secs| jiff::Timestamp::from_second(secs).ok())
        .unwrap_or_else(jiff::Timestamp::now);
    timestamp.to_zoned(jiff::tz::TimeZone::UTC).date()
}

/// Shows `path` relative to the current folder when it is inside it.
pub fn shown_path(path: &Path) -> String {
    let cwd = std::env::current_dir().unwrap_or_default();
    let relative = path.strip_prefix(&cwd).unwrap_or(path);
    let relative = relative.strip_prefix(".").unwrap_or(relative);
    diagnostics::display_path(relative)
}
