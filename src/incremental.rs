//! Incremental rebuilds for `hui serve`: the last good build is kept in
//! memory, and a rebuild renders only the pages whose inputs changed.
//!
//! Every page gets a fingerprint of what it is rendered from: the site-wide
//! inputs (settings, theme, menu, build date) and the entries it shows — in
//! full for its own entry, as a list item (front matter, references, files)
//! for the entries it links to. A page whose fingerprint is unchanged keeps
//! its previous output. Loading and linking always run in full: they are
//! what finds errors, and they are fast; rendering is the expensive part.

use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::path::Path;
use std::sync::Arc;
use std::time::{Instant, SystemTime};

use serde::Serialize;

use crate::card::{CardAssets, ImageCache, ReuseCards};
use crate::content::schema::{Collection, FrontMatter};
use crate::content::{stamp, Asset};
use crate::diagnostics::Diagnostics;
use crate::link::{EntryId, Site};
use crate::output::{Files, MemorySink};
use crate::render::{self, Page, PageOutcome, ReusePages};
use crate::theme::Theme;
use crate::{BuildOptions, BuildReport};

/// What a build may keep from the previous one instead of making it again:
/// the card stage's part and the render stage's, each declared by its stage.
/// The previous files must already be in the sink.
pub trait Reuse: ReuseCards + ReusePages {}

impl<T: ReuseCards + ReusePages> Reuse for T {}

/// Reuses nothing: a full build.
pub struct Fresh;

impl ReusePages for Fresh {
    fn page(&self, _: usize, _: Page) -> Option<PageOutcome> {
        None
    }
    fn asset(&self, _: &Asset) -> bool {
        false
    }
}

impl ReuseCards for Fresh {
    fn card(&self, _: EntryId) -> Option<CardAssets> {
        None
    }
}

/// A page, named so that it can be recognised in the next build (entry ids
/// change when entries are added).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum PageKey {
    Home,
    List(Collection),
    Entry(Collection, String),
    Alias(String),
    NotFound,
    Search,
    CardSheet(Option<String>),
    Compare(Collection),
    Guide,
}

fn key_of(site: &Site, page: Page) -> PageKey {
    match page {
        Page::Home => PageKey::Home,
        Page::List(c) => PageKey::List(c),
        Page::Entry(id) => {
            PageKey::Entry(site.entries[id].collection, site.entries[id].slug.clone())
        }
        Page::Alias(id, n) => PageKey::Alias(site.entries[id].aliases[n].clone()),
        Page::NotFound => PageKey::NotFound,
        Page::Search => PageKey::Search,
        Page::CardSheet(id) => PageKey::CardSheet(id.map(|id| site.entries[id].slug.clone())),
        Page::Compare(c) => PageKey::Compare(c),
        Page::Guide => PageKey::Guide,
    }
}

/// When and how big a file was: enough to notice an edit.
type Stamp = Option<(SystemTime, u64)>;

/// Feeds serialised values into a hasher without building strings.
struct HashWriter<'a>(&'a mut DefaultHasher);

impl std::io::Write for HashWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn hash_serialized(value: &impl Serialize) -> u64 {
    let mut hasher = DefaultHasher::new();
    // Serialising plain data into a hasher cannot fail.
    let _ = serde_json::to_writer(HashWriter(&mut hasher), value);
    hasher.finish()
}

/// What an entry looks like where other pages list or link it.
#[derive(Serialize)]
struct Listing<'a> {
    collection: Collection,
    slug: &'a str,
    weight: i64,
    aliases: &'a [String],
    references: Vec<(Collection, Vec<&'a str>)>,
    variants: Vec<(&'a str, &'a FrontMatter, bool)>,
    /// Files named in front matter (photos change cards and lists).
    files: Vec<(&'a str, Stamp)>,
}

/// Fingerprints of the site's inputs, per entry and site-wide.
struct Prints {
    global: u64,
    listing: Vec<u64>,
    full: Vec<u64>,
}

impl Prints {
    fn new(site: &Site, theme: &Theme, options: &BuildOptions, today: jiff::civil::Date) -> Prints {
        let sources: HashMap<&str, &Path> = site
            .assets
            .iter()
            .map(|a| (a.rel.as_str(), a.source.as_path()))
            .collect();
        let slugs = |ids: &[EntryId]| -> Vec<&str> {
            ids.iter().map(|&i| site.entries[i].slug.as_str()).collect()
        };
        let mut listing = Vec::with_capacity(site.entries.len());
        let mut full = Vec::with_capacity(site.entries.len());
        for entry in &site.entries {
            let front = &entry.default_variant().front_matter;
            let files = front
                .files()
                .into_iter()
                .map(|(_, value)| {
                    let rel = format!(
                        "{}/{}",
                        entry.collection.dir(),
                        value.trim_start_matches("./")
                    );
                    (value, sources.get(rel.as_str()).and_then(|p| stamp(p)))
                })
                .collect();
            let list = hash_serialized(&Listing {
                collection: entry.collection,
                slug: &entry.slug,
                weight: entry.weight,
                aliases: &entry.aliases,
                references: entry
                    .references
                    .iter()
                    .map(|(c, ids)| (*c, slugs(ids)))
                    .collect(),
                variants: entry
                    .variants
                    .iter()
                    .map(|v| (v.lang.as_str(), &v.front_matter, v.translated))
                    .collect(),
                files,
            });
            let mut hasher = DefaultHasher::new();
            list.hash(&mut hasher);
            for v in &entry.variants {
                (&v.body, &v.body_lang).hash(&mut hasher);
            }
            listing.push(list);
            full.push(hasher.finish());
        }
        let mut global = DefaultHasher::new();
        format!("{:?}", site.config).hash(&mut global);
        theme.fingerprint.hash(&mut global);
        (options.drafts, today.to_string()).hash(&mut global);
        // Menu pages are in every page's navigation.
        for &id in site.collection(Collection::Pages) {
            listing[id].hash(&mut global);
        }
        Prints {
            global: global.finish(),
            listing,
            full,
        }
    }

    fn add_listings(&self, site: &Site, ids: &[EntryId], hasher: &mut DefaultHasher) {
        for &id in ids {
            (&site.entries[id].slug, self.listing[id]).hash(hasher);
        }
    }

    /// The fingerprint of one page: site-wide inputs plus what it shows.
    fn page(&self, site: &Site, lang_index: usize, page: Page) -> u64 {
        let mut hasher = DefaultHasher::new();
        (self.global, lang_index, key_of(site, page)).hash(&mut hasher);
        match page {
            Page::Home => {
                for c in Collection::ALL {
                    self.add_listings(site, site.collection(c), &mut hasher);
                }
            }
            Page::List(c) => {
                self.add_listings(site, site.collection(c), &mut hasher);
                // The directory groups by industry and park; the grouped
                // lists name them in groups, facts and filters.
                if c != Collection::Industries && c != Collection::Parks {
                    self.add_listings(site, site.collection(Collection::Industries), &mut hasher);
                    self.add_listings(site, site.collection(Collection::Parks), &mut hasher);
                }
            }
            Page::Entry(id) => {
                self.full[id].hash(&mut hasher);
                let entry = &site.entries[id];
                for (_, ids) in &entry.references {
                    self.add_listings(site, ids, &mut hasher);
                }
                for ids in [&entry.referenced_by, &render::views::contacts_of(site, id)] {
                    self.add_listings(site, ids, &mut hasher);
                }
            }
            Page::Alias(id, _) => self.listing[id].hash(&mut hasher),
            Page::CardSheet(Some(id)) => self.full[id].hash(&mut hasher),
            Page::CardSheet(None) => {
                for &id in site.collection(Collection::Officials) {
                    (id, self.full[id]).hash(&mut hasher);
                }
            }
            Page::Compare(c) => {
                // It shows each entry's facts and costs, the industries they
                // name, and the space their carriers offer.
                for &id in site
                    .collection(c)
                    .iter()
                    .chain(site.collection(Collection::Carriers))
                {
                    self.full[id].hash(&mut hasher);
                }
                self.add_listings(site, site.collection(Collection::Industries), &mut hasher);
            }
            Page::Guide => {
                // It shows every entry but free pages, and the build date.
                for (id, entry) in site.entries.iter().enumerate() {
                    if entry.collection != Collection::Pages {
                        self.full[id].hash(&mut hasher);
                    }
                }
            }
            Page::NotFound | Page::Search => {}
        }
        hasher.finish()
    }

    /// The fingerprint of an official's card files.
    fn card(&self, site: &Site, id: EntryId) -> u64 {
        let mut hasher = DefaultHasher::new();
        (self.global, self.full[id]).hash(&mut hasher);
        let entry = &site.entries[id];
        for (_, ids) in &entry.references {
            self.add_listings(site, ids, &mut hasher);
        }
        hasher.finish()
    }
}

/// The last good build and what it was made from.
struct Last {
    files: Arc<Files>,
    pages: HashMap<(usize, PageKey), (u64, PageOutcome)>,
    cards: HashMap<String, (u64, CardAssets)>,
    assets: HashMap<String, Stamp>,
    search: Vec<(u64, crate::search::Written)>,
}

/// The reuse decisions of one rebuild.
struct Plan<'a> {
    images: &'a ImageCache,
    site: &'a Site,
    last: &'a Last,
    prints: &'a Prints,
    page_prints: HashMap<(usize, PageKey), u64>,
}

impl ReuseCards for Plan<'_> {
    fn card(&self, id: EntryId) -> Option<CardAssets> {
        let (before, assets) = self.last.cards.get(&self.site.entries[id].slug)?;
        (*before == self.prints.card(self.site, id)).then(|| assets.clone())
    }

    fn images(&self) -> Option<&ImageCache> {
        Some(self.images)
    }
}

impl ReusePages for Plan<'_> {
    fn page(&self, lang_index: usize, page: Page) -> Option<PageOutcome> {
        let key = (lang_index, key_of(self.site, page));
        let print = self.page_prints.get(&key)?;
        let (before, outcome) = self.last.pages.get(&key)?;
        (before == print).then(|| outcome.clone())
    }

    fn search_index(&self, lang_index: usize, print: u64) -> Option<crate::search::Written> {
        let (before, written) = self.last.search.get(lang_index)?;
        (*before == print).then(|| written.clone())
    }

    fn asset(&self, asset: &Asset) -> bool {
        self.last
            .assets
            .get(&asset.rel)
            .is_some_and(|before| *before == stamp(&asset.source))
    }
}

/// The outcome of a rebuild.
pub struct Rebuilt {
    pub report: BuildReport,
    /// The new site, when the build succeeded.
    pub files: Option<Arc<Files>>,
    /// Pages rendered this time (the others were kept).
    pub rendered: usize,
}

/// A site rebuilt in memory again and again, as `hui serve` does.
pub struct Session {
    options: BuildOptions,
    last: Option<Last>,
    images: ImageCache,
    parsed: crate::content::FileCache,
}

impl Session {
    pub fn new(options: BuildOptions) -> Session {
        Session {
            options,
            last: None,
            images: ImageCache::default(),
            parsed: crate::content::FileCache::default(),
        }
    }

    /// The last good build, if any.
    pub fn files(&self) -> Option<Arc<Files>> {
        self.last.as_ref().map(|l| Arc::clone(&l.files))
    }

    /// Rebuilds the site. After an error the last good build stays, and
    /// the next rebuild is compared with it.
    pub fn rebuild(&mut self) -> Rebuilt {
        let start = Instant::now();
        let mut diags = Diagnostics::new();
        let failed = |mut diags: Diagnostics| {
            diags.sort();
            Rebuilt {
                report: BuildReport {
                    diagnostics: diags,
                    output: std::path::PathBuf::new(),
                    pages: 0,
                    files: 0,
                    elapsed: start.elapsed(),
                    ..crate::BuildReport::empty()
                },
                files: None,
                rendered: 0,
            }
        };
        let Some((site, theme)) = crate::prepare(&self.options, Some(&self.parsed), &mut diags)
        else {
            return failed(diags);
        };
        let today = self.options.today.unwrap_or_else(crate::build_date);
        let prints = Prints::new(&site, &theme, &self.options, today);
        let all_pages = render::pages(&site);
        let page_prints: HashMap<(usize, PageKey), u64> = all_pages
            .iter()
            .map(|&(lang, page)| ((lang, key_of(&site, page)), prints.page(&site, lang, page)))
            .collect();
        // Pages or files that appeared or went away: start from nothing, so
        // that nothing stale is served.
        let same_shape = self.last.as_ref().is_some_and(|last| {
            last.pages.len() == page_prints.len()
                && page_prints.keys().all(|k| last.pages.contains_key(k))
                && last.assets.len() == site.assets.len()
                && site.assets.iter().all(|a| last.assets.contains_key(&a.rel))
        });
        let empty = Last {
            files: Arc::default(),
            pages: HashMap::new(),
            cards: HashMap::new(),
            assets: HashMap::new(),
            search: Vec::new(),
        };
        let last = match &self.last {
            Some(last) if same_shape => last,
            _ => &empty,
        };
        let sink = MemorySink::with_files((*last.files).clone());
        let plan = Plan {
            images: &self.images,
            site: &site,
            last,
            prints: &prints,
            page_prints,
        };
        let urls = crate::site_urls(&site, false);
        let (cards, rendered) =
            crate::write_site(&site, &theme, &urls, today, &plan, &sink, &mut diags);
        if diags.has_errors() {
            return failed(diags);
        }
        let mut pages: HashMap<(usize, PageKey), (u64, PageOutcome)> = HashMap::new();
        let fresh: HashSet<(usize, PageKey)> = rendered
            .outcomes
            .iter()
            .map(|((lang, page), _)| (*lang, key_of(&site, *page)))
            .collect();
        for ((lang, page), outcome) in rendered.outcomes.iter() {
            let key = (*lang, key_of(&site, *page));
            let print = plan.page_prints[&key];
            pages.insert(key, (print, outcome.clone()));
        }
        for (key, print) in &plan.page_prints {
            if !fresh.contains(key) {
                if let Some(kept) = last.pages.get(key) {
                    pages.insert(key.clone(), (*print, kept.1.clone()));
                }
            }
        }
        let card_memo = cards
            .iter()
            .map(|(id, assets)| {
                (
                    site.entries[id].slug.clone(),
                    (prints.card(&site, id), assets.clone()),
                )
            })
            .collect();
        let assets = site
            .assets
            .iter()
            .map(|a| (a.rel.clone(), stamp(&a.source)))
            .collect();
        let mut files = sink.into_files();
        let index_files: Vec<String> = rendered
            .search
            .iter()
            .flat_map(|(_, w)| w.files.iter().cloned())
            .collect();
        files.retain(|key, _| !crate::search::is_stale(key, site.languages(), &index_files));
        let files = Arc::new(files);
        diags.sort();
        let report = BuildReport {
            diagnostics: diags,
            output: std::path::PathBuf::new(),
            pages: rendered.pages,
            files: rendered.files + cards.files,
            elapsed: start.elapsed(),
            ..crate::BuildReport::empty()
        };
        self.last = Some(Last {
            files: Arc::clone(&files),
            pages,
            cards: card_memo,
            assets,
            search: rendered.search,
        });
        Rebuilt {
            report,
            files: Some(files),
            rendered: fresh.len(),
        }
    }
}
