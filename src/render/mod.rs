//! Rendering: the linked [`Site`] → HTML pages, sitemap and assets, written
//! into a [`Sink`].
//!
//! Every page is independent, so pages are rendered and written in parallel;
//! templates are compiled once (in [`crate::theme`]) and shared.

mod calendar;
mod card;
mod chain;
mod costs;
mod guide;
mod lists;
mod page;
mod search_doc;
mod search_view;
mod sheets;
mod site_view;
mod sitemap;
pub mod views;

use std::hash::Hash;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::card::Cards;
use crate::content::schema::Collection;
use crate::content::Asset;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::link::{EntryId, Site};
use crate::output::{write_error, Sink};
use crate::search::{self, Doc, Indexed};
use crate::theme::Theme;
use crate::urls::{Here, Target, Urls};

/// The pages of a site, per language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Page {
    Home,
    List(Collection),
    Entry(EntryId),
    /// A redirect from an old slug of an official's card (`aliases`).
    Alias(EntryId, usize),
    NotFound,
    /// The search page, which reads its query from `?q=`.
    Search,
    /// Sheets of cards for the print shop: every official's, or one's.
    CardSheet(Option<EntryId>),
    /// A collection's entries side by side (`/parks/compare/`).
    Compare(Collection),
    /// The printed guide: the whole guide as one page made for print.
    Guide,
}

/// Collections with a list page, in the navigation's order (free pages
/// have none: they are in the menu). Projects, carriers and events have one
/// once the site has any.
const LISTED: [Collection; 7] = [
    Collection::Industries,
    Collection::Parks,
    Collection::Carriers,
    Collection::Projects,
    Collection::Policies,
    Collection::Events,
    Collection::Officials,
];

/// Collections with a comparison page.
const COMPARED: [Collection; 1] = [Collection::Parks];

/// The collections of `site` that have a list page.
fn listed(site: &Site) -> impl Iterator<Item = Collection> + '_ {
    LISTED
        .into_iter()
        .filter(|c| !lists::OPTIONAL.contains(c) || !site.collection(*c).is_empty())
}

/// Everything a page needs to render, for one language.
pub struct Ctx<'a> {
    pub site: &'a Site,
    pub theme: &'a Theme,
    pub urls: &'a Urls,
    pub lang: &'a str,
    pub lang_index: usize,
    pub today: jiff::civil::Date,
    pub cards: &'a Cards,
    /// `site` and `t` of this language, made once: every page has them.
    shared: &'a Shared,
    /// Where the links of the page being rendered start from.
    pub here: Here,
}

/// Template values that are the same on every page of a language. Tera's
/// values share their contents, so each page gets them without a copy.
struct Shared {
    site: tera::Value,
    t: tera::Value,
    /// Each entry's number in this language's search index.
    index_numbers: Vec<Option<usize>>,
    /// Whether pages give search documents ([`search::wanted`]).
    search: bool,
}

impl Ctx<'_> {
    pub fn default_lang(&self) -> &str {
        self.site.config.default_language()
    }

    fn t(&self, key: &str) -> String {
        self.theme
            .strings
            .get(self.lang)
            .and_then(|s| s.get(key))
            .cloned()
            .unwrap_or_else(|| key.to_owned())
    }

    /// `og:locale` of a language (`zh_CN`), from the UI strings or its `lang`.
    pub fn og_locale_of(&self, lang: &str) -> String {
        self.theme
            .strings
            .get(lang)
            .and_then(|s| s.get("og_locale"))
            .cloned()
            .unwrap_or_else(|| self.html_lang_of(lang).replace('-', "_"))
    }

    /// The value for `lang="…"`/`hreflang` of a language (`zh` → `zh-CN`).
    pub fn html_lang_of(&self, lang: &str) -> String {
        self.theme
            .strings
            .get(lang)
            .and_then(|s| s.get("html_lang"))
            .cloned()
            .unwrap_or_else(|| lang.to_owned())
    }

    fn target(&self, page: Page) -> Target<'_> {
        target_of(self.site, page)
    }

    /// The link from the current page to `target` in its language.
    pub fn href(&self, target: Target) -> String {
        self.urls.link(&self.here, self.lang, target)
    }

    /// The link from the current page to `target` in `lang`.
    pub fn href_in(&self, lang: &str, target: Target) -> String {
        self.urls.link(&self.here, lang, target)
    }
}

/// The URL target of a page.
fn target_of(site: &Site, page: Page) -> Target<'_> {
    match page {
        Page::Home => Target::Home,
        Page::List(c) => Target::List(c),
        Page::Entry(id) => {
            let e = &site.entries[id];
            Target::Entry(e.collection, &e.slug)
        }
        Page::Alias(id, n) => Target::Entry(Collection::Officials, &site.entries[id].aliases[n]),
        Page::NotFound => Target::NotFound,
        Page::Search => Target::Search,
        Page::CardSheet(id) => Target::CardSheet(id.map(|id| site.entries[id].slug.as_str())),
        Page::Compare(c) => Target::Compare(c),
        Page::Guide => Target::Guide,
    }
}

/// What a build may keep of the previous build's pages (`hui serve`
/// rebuilds); [`crate::incremental`] implements it. Declared here so that
/// rendering depends on no later stage.
pub trait ReusePages: Sync {
    /// What the page gave last time (its problems, its search document),
    /// when its previous output is still right.
    fn page(&self, lang_index: usize, page: Page) -> Option<PageOutcome>;
    /// Whether the previous copy of a content file is still right.
    fn asset(&self, asset: &Asset) -> bool;
    /// A language's previous search index, when it was made from the same
    /// fingerprint (see [`crate::search::fingerprint`]).
    fn search_index(&self, _lang_index: usize, _print: u64) -> Option<crate::search::Written> {
        None
    }
}

/// Options that do not come from the site itself.
#[derive(Debug, Clone, Copy)]
pub struct RenderOptions {
    /// The build date, for policy status.
    pub today: jiff::civil::Date,
}

/// Every page of the site, in every language.
pub fn pages(site: &Site) -> Vec<(usize, Page)> {
    let mut jobs: Vec<(usize, Page)> = Vec::new();
    for lang_index in 0..site.languages().len() {
        jobs.push((lang_index, Page::Home));
        jobs.extend(listed(site).map(|c| (lang_index, Page::List(c))));
        jobs.extend(COMPARED.map(|c| (lang_index, Page::Compare(c))));
        jobs.extend((0..site.entries.len()).map(|id| (lang_index, Page::Entry(id))));
        for (id, entry) in site.entries.iter().enumerate() {
            jobs.extend((0..entry.aliases.len()).map(|n| (lang_index, Page::Alias(id, n))));
        }
        jobs.push((lang_index, Page::NotFound));
        jobs.push((lang_index, Page::Search));
        jobs.push((lang_index, Page::Guide));
        let officials = site.collection(Collection::Officials);
        if !officials.is_empty() {
            jobs.push((lang_index, Page::CardSheet(None)));
            jobs.extend(
                officials
                    .iter()
                    .map(|&id| (lang_index, Page::CardSheet(Some(id)))),
            );
        }
    }
    jobs
}

/// What rendering one page gave besides its file: what an incremental
/// rebuild must remember to keep the page.
#[derive(Debug, Clone, Default)]
pub struct PageOutcome {
    /// Problems to report again while the page is kept.
    pub problems: Vec<Diagnostic>,
    /// The page's search document, for an entry page that is searchable.
    pub doc: Option<Arc<Indexed>>,
}

/// What [`render_site`] did.
#[derive(Debug, Default)]
pub struct Rendered {
    /// Pages of the site (rendered or kept from the previous build).
    pub pages: usize,
    /// Files of the site, pages included.
    pub files: usize,
    /// Pages rendered this time, with what each gave.
    pub outcomes: Vec<((usize, Page), PageOutcome)>,
    /// The search index of each language, with the fingerprint it was
    /// made from: an incremental rebuild keeps it while that is unchanged,
    /// and drops the previous build's other index files.
    pub search: Vec<(u64, search::Written)>,
}

/// Renders every page and file of the site into `sink`, except what `reuse`
/// says is unchanged since the previous build.
#[allow(clippy::too_many_arguments)]
pub fn render_site(
    site: &Site,
    theme: &Theme,
    urls: &Urls,
    options: RenderOptions,
    cards: &Cards,
    reuse: &dyn ReusePages,
    sink: &dyn Sink,
    diags: &mut Diagnostics,
) -> Rendered {
    let shared: Vec<Shared> = site
        .languages()
        .iter()
        .enumerate()
        .map(|(lang_index, lang)| Shared {
            index_numbers: search_view::index_numbers(site, lang_index),
            search: search::wanted(sink),
            site: tera::Value::from_serializable(&site_view::site_view(site, theme, urls, lang)),
            t: tera::Value::from_serializable(&theme.strings.get(lang)),
        })
        .collect();
    let jobs = pages(site);
    if !urls.has_base_url() {
        diags.push(missing_base_url(site));
    }
    let mut fresh = Vec::new();
    // Every page's search document, kept or made now.
    let mut docs = std::collections::HashMap::new();
    for &(lang_index, page) in &jobs {
        match reuse.page(lang_index, page) {
            Some(kept) => {
                diags.extend(kept.problems);
                if let Some(doc) = kept.doc {
                    docs.insert((lang_index, page), doc);
                }
            }
            None => fresh.push((lang_index, page)),
        }
    }
    let rendered: Vec<((usize, Page), PageOutcome, Option<Doc>)> = fresh
        .par_iter()
        .map(|&(lang_index, page)| {
            let lang = &site.languages()[lang_index];
            let ctx = Ctx {
                site,
                theme,
                urls,
                lang,
                lang_index,
                today: options.today,
                cards,
                shared: &shared[lang_index],
                here: urls.here(lang, target_of(site, page)),
            };
            let (outcome, doc) = page::render_page(&ctx, page, sink);
            ((lang_index, page), outcome, doc)
        })
        .collect();
    crate::timings::mark("pages");
    // Terms are counted in a pass of their own rather than as each page
    // renders: interleaved with templating, the counting maps fall out of
    // the cache and the same work takes half again as long.
    let outcomes: Vec<((usize, Page), PageOutcome)> = rendered
        .into_par_iter()
        .map(|(key, mut outcome, doc)| {
            outcome.doc = doc.map(|d| Arc::new(search::prepare(&d)));
            (key, outcome)
        })
        .collect();
    crate::timings::mark("search terms");
    diags.extend(
        outcomes
            .iter()
            .flat_map(|(_, o)| o.problems.iter().cloned()),
    );
    docs.extend(
        outcomes
            .iter()
            .filter_map(|(key, o)| o.doc.as_ref().map(|d| (*key, Arc::clone(d)))),
    );
    let index = if search::wanted(sink) {
        write_index(site, theme, &jobs, &docs, reuse, sink, diags)
    } else {
        Vec::new()
    };
    let index_files: usize = index.iter().map(|(_, w)| w.files.len()).sum();
    crate::timings::mark("search index");

    let mut written = jobs.len() + index_files;
    for (name, bytes) in &theme.statics {
        if let Err(e) = sink.write(Path::new(&theme.asset_path(name)), bytes) {
            diags.push(write_error(Path::new(name), &e));
        }
        written += 1;
    }
    for asset in site
        .assets
        .iter()
        .filter(|a| !cards.replaced.contains(&a.rel))
    {
        written += 1;
        if reuse.asset(asset) {
            continue;
        }
        if let Err(e) = sink.copy(&asset.source, Path::new(&asset.rel)) {
            diags.push(
                Diagnostic::error(
                    PathBuf::from("content").join(&asset.rel),
                    format!("cannot copy the file: {e}"),
                )
                .hint("check that the file still exists and is readable"),
            );
        }
    }
    written += sitemap::write(site, theme, urls, &jobs, sink, diags);
    written += calendar::write(site, theme, urls, options.today, sink, diags);
    // The offline copy has no host to read them.
    let host_files = if urls.is_offline() {
        Vec::new()
    } else {
        vec![
            ("_headers", crate::hosting::headers_file(site, theme)),
            ("_redirects", crate::hosting::redirects_file(site, urls)),
        ]
    };
    for (name, text) in host_files {
        if let Err(e) = sink.write(Path::new(name), text.as_bytes()) {
            diags.push(write_error(Path::new(name), &e));
        }
        written += 1;
    }
    Rendered {
        pages: jobs.len(),
        files: written,
        outcomes,
        search: index,
    }
}

/// Writes each language's search index from its pages' documents, in page
/// order, unless `reuse` still has it; returns it with its fingerprint.
fn write_index(
    site: &Site,
    theme: &Theme,
    jobs: &[(usize, Page)],
    docs: &std::collections::HashMap<(usize, Page), Arc<Indexed>>,
    reuse: &dyn ReusePages,
    sink: &dyn Sink,
    diags: &mut Diagnostics,
) -> Vec<(u64, search::Written)> {
    let mut by_lang: Vec<Vec<Arc<Indexed>>> = vec![Vec::new(); site.languages().len()];
    for key in jobs {
        if let Some(doc) = docs.get(key) {
            by_lang[key.0].push(Arc::clone(doc));
        }
    }
    let ui: Vec<serde_json::Value> = site
        .languages()
        .iter()
        .map(|lang| search_view::ui_texts(theme.strings.get(lang)))
        .collect();
    let prints: Vec<u64> = by_lang
        .iter()
        .zip(&ui)
        .map(|(docs, ui)| search::fingerprint(docs, ui))
        .collect();
    let kept: Vec<Option<search::Written>> = prints
        .iter()
        .enumerate()
        .map(|(lang, print)| reuse.search_index(lang, *print))
        .collect();
    let written = search::write(site.languages(), &by_lang, &ui, &kept, sink, diags);
    prints.into_iter().zip(written).collect()
}

/// Without `base_url` the site still works, but everything that needs an
/// absolute address is missing: say what, once.
fn missing_base_url(site: &Site) -> Diagnostic {
    let cards = site.collection(Collection::Officials).len();
    let mut lost =
        String::from("sitemap.xml is not written, canonical and hreflang links are site-relative");
    if cards > 0 {
        lost.push_str(&format!(
            ", and the {cards} business card{} get no QR code",
            if cards == 1 { "" } else { "s" }
        ));
    }
    lost.push_str(", and link previews (og:url, og:image) have no absolute address");
    Diagnostic::warning("content/site.yaml", format!("no `base_url`: {lost}")).hint(
        "add the address the site will be published at, e.g. `base_url: https://invest.example.gov.cn/`, or pass `--base-url`",
    )
}
