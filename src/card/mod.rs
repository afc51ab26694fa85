//! Officials' business cards: the files a card needs beyond its page.
//!
//! For each official this stage writes resized photos (the original never
//! ships: it is large and may carry GPS metadata), the shrunk WeChat QR
//! image, and for each language a vCard and a QR code of the card's absolute
//! URL. It runs after linking and before rendering; the render stage reads
//! the resulting [`Cards`] to link these files from the card page.

mod maker;
pub mod name;
pub mod photo;
pub mod qr;
pub mod vcard;

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::{Arc, Mutex};

use maker::CardMaker;
use qr::Qr;
use rayon::prelude::*;

use crate::content::schema::{Collection, FrontMatter, OfficialFm};
use crate::diagnostics::Diagnostics;
use crate::link::{EntryId, Site};
use crate::output::Sink;
use crate::theme::Theme;
use crate::urls::{Target, Urls};

/// The resized photo used on the card page at 1× (the others are 2× and the
/// link-preview image).
pub const PHOTO_SIZES: [u32; 3] = photo::PORTRAIT_SIZES;

pub const WECHAT_QR_FILE: &str = "wechat-qr.png";
pub const QR_SVG_FILE: &str = "qr.svg";
pub const QR_PNG_FILE: &str = "qr.png";

pub fn photo_file(size: u32) -> String {
    format!("photo-{size}.jpg")
}

/// The vCard's file name, ASCII so it survives WeChat and QQ transfers.
pub fn vcard_file(slug: &str) -> String {
    format!("{slug}.vcf")
}

/// What was made for one official.
#[derive(Debug, Default, Clone)]
pub struct CardAssets {
    pub photo: bool,
    pub wechat_qr: bool,
    /// Per language: the QR code of the card's absolute URL (none without
    /// `base_url`).
    pub qr: Vec<Option<Qr>>,
}

impl CardAssets {
    /// How many files these are: photos, the WeChat QR, and per language a
    /// vCard plus two QR files.
    fn file_count(&self) -> usize {
        let photos = if self.photo { PHOTO_SIZES.len() } else { 0 };
        let qr_files = self.qr.iter().flatten().count() * 2;
        photos + usize::from(self.wechat_qr) + self.qr.len() + qr_files
    }
}

/// Resized photos and QR images by a hash of their source bytes, kept
/// between rebuilds by `hui serve`: decoding a phone photo takes a third of
/// a second, and editing a card's text should not pay that again.
#[derive(Default)]
pub struct ImageCache {
    portraits: ByContent<photo::Portrait>,
    qr_images: ByContent<Vec<u8>>,
}

/// Values made from file contents, by [`content_key`].
type ByContent<T> = Mutex<HashMap<(u64, usize), Arc<T>>>;

fn content_key(bytes: &[u8]) -> (u64, usize) {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut hasher);
    (hasher.finish(), bytes.len())
}

/// Looks `bytes` up in one of the cache's maps, or makes and remembers it.
pub(super) fn cached<T, E>(
    cache: Option<&ByContent<T>>,
    bytes: &[u8],
    make: impl FnOnce(&[u8]) -> Result<T, E>,
) -> Result<Arc<T>, E> {
    let Some(cache) = cache else {
        return make(bytes).map(Arc::new);
    };
    let key = content_key(bytes);
    if let Some(hit) = cache.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
        return Ok(Arc::clone(hit));
    }
    let made = Arc::new(make(bytes)?);
    cache
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(key, Arc::clone(&made));
    Ok(made)
}

/// The card files of every official, for the render stage.
#[derive(Debug, Default)]
pub struct Cards {
    assets: HashMap<EntryId, CardAssets>,
    /// Content files replaced by resized copies: not copied as they are.
    pub replaced: HashSet<String>,
    /// Files written.
    pub files: usize,
}

impl Cards {
    pub fn get(&self, id: EntryId) -> Option<&CardAssets> {
        self.assets.get(&id)
    }

    pub fn iter(&self) -> impl Iterator<Item = (EntryId, &CardAssets)> {
        self.assets.iter().map(|(id, a)| (*id, a))
    }
}

/// What a build may keep of the previous build's card files (`hui serve`
/// rebuilds); [`crate::incremental`] implements it. Declared here so that
/// the card stage depends on no later stage.
pub trait ReuseCards: Sync {
    /// The official's card files, when the previous ones are still right.
    fn card(&self, id: EntryId) -> Option<CardAssets>;
    /// Images already resized, by their bytes.
    fn images(&self) -> Option<&ImageCache> {
        None
    }
}

/// Writes every official's card files into `sink`.
pub fn build(
    site: &Site,
    theme: &Theme,
    urls: &Urls,
    reuse: &dyn ReuseCards,
    sink: &dyn Sink,
    diags: &mut Diagnostics,
) -> Cards {
    let sources: HashMap<&str, &Path> = site
        .assets
        .iter()
        .map(|a| (a.rel.as_str(), a.source.as_path()))
        .collect();
    let results: Vec<_> = site
        .collection(Collection::Officials)
        .par_iter()
        .map(|&id| {
            if let Some(assets) = reuse.card(id) {
                let files = assets.file_count();
                return (id, assets, Vec::new(), files);
            }
            let mut maker = CardMaker::new(reuse, site, theme, urls, sink, &sources, id);
            let assets = maker.make();
            (id, assets, maker.problems, maker.files)
        })
        .collect();
    let mut cards = Cards::default();
    for (id, assets, found, files) in results {
        diags.extend(found);
        cards.files += files;
        cards.assets.insert(id, assets);
    }
    for &id in site.collection(Collection::Officials) {
        if let FrontMatter::Official(o) = &site.entries[id].default_variant().front_matter {
            for file in [&o.photo, &o.wechat_qr].into_iter().flatten() {
                cards.replaced.insert(content_rel(file));
            }
        }
    }
    cards
}

/// The file of every official's vCard in one language, on the directory
/// page: for an investor who met the whole delegation.
pub const DIRECTORY_VCARD: &str = "officials.vcf";

/// Writes each language's `officials/officials.vcf`: every official's
/// vCard, one after the other (which phones import as several contacts),
/// without photos, which would make the file heavy; each card's own vCard
/// keeps its photo. Returns the number of files written.
pub fn write_directory(
    site: &Site,
    theme: &Theme,
    urls: &Urls,
    sink: &dyn Sink,
    diags: &mut Diagnostics,
) -> usize {
    let officials = site.collection(Collection::Officials);
    if officials.is_empty() {
        return 0;
    }
    let sources = HashMap::new();
    let mut written = 0;
    for (lang_index, lang) in site.languages().iter().enumerate() {
        let all: String = officials
            .iter()
            .map(|&id| {
                CardMaker::new(&NoReuse, site, theme, urls, sink, &sources, id)
                    .vcard(lang_index, None)
            })
            .collect();
        let list = urls.output_file(lang, Target::List(Collection::Officials));
        let rel = list.with_file_name(DIRECTORY_VCARD);
        match sink.write(&rel, all.as_bytes()) {
            Ok(()) => written += 1,
            Err(e) => diags.push(crate::output::write_error(&rel, &e)),
        }
    }
    written
}

/// A build that keeps nothing from a previous one.
struct NoReuse;

impl ReuseCards for NoReuse {
    fn card(&self, _id: EntryId) -> Option<CardAssets> {
        None
    }
}

/// The `content/`-relative path of a file named in an official's front matter.
pub(super) fn content_rel(value: &str) -> String {
    format!(
        "{}/{}",
        Collection::Officials.dir(),
        value.trim_start_matches("./")
    )
}

/// The front matter of an entry of the officials collection.
pub fn official(fm: &FrontMatter) -> &OfficialFm {
    match fm {
        FrontMatter::Official(o) => o,
        _ => unreachable!("only officials have cards"),
    }
}
