//! Officials' business cards: the files a card needs beyond its page.
//!
//! For each official this stage writes resized photos (the original never
//! ships: it is large and may carry GPS metadata), the shrunk WeChat QR
//! image, and for each language a vCard and a QR code of the card's absolute
//! URL. It runs after linking and before rendering; the render stage reads
//! the resulting [`Cards`] to link these files from the card page.

pub mod name;
pub mod photo;
pub mod qr;
pub mod vcard;

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::{Arc, Mutex};

use base64::Engine as _;
use rayon::prelude::*;

use crate::content::schema::{Collection, FrontMatter, OfficialFm};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::link::{EntryId, Site};
use crate::output::Sink;
use crate::theme::Theme;
use crate::urls::{Target, Urls};
use name::PersonName;
use qr::Qr;
use vcard::VCard;

/// The resized photo used on the card page at 1× (the others are 2× and the
/// link-preview image).
pub const PHOTO_SIZES: [u32; 3] = photo::PORTRAIT_SIZES;
/// The photo size embedded in the vCard: sharp on a phone's contact screen,
/// small enough (~15 KB) to keep the file quick to open.
const VCARD_PHOTO_SIZE: u32 = 192;
/// Below this, link previews (WeChat asks for 300 × 300) look blurry.
const MIN_PHOTO_SIDE: u32 = 300;
/// Pixels per module of the downloadable QR PNG: about 400 px, plenty for
/// chats and slides (print shops get the SVG).
const QR_PNG_SCALE: u32 = 12;

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
fn cached<T, E>(
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
            let mut maker = CardMaker {
                reuse,
                site,
                theme,
                urls,
                sink,
                sources: &sources,
                id,
                problems: Vec::new(),
                files: 0,
            };
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
                CardMaker {
                    reuse: &NoReuse,
                    site,
                    theme,
                    urls,
                    sink,
                    sources: &sources,
                    id,
                    problems: Vec::new(),
                    files: 0,
                }
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
fn content_rel(value: &str) -> String {
    format!(
        "{}/{}",
        Collection::Officials.dir(),
        value.trim_start_matches("./")
    )
}

/// Makes one official's files.
struct CardMaker<'a> {
    reuse: &'a dyn ReuseCards,
    site: &'a Site,
    theme: &'a Theme,
    urls: &'a Urls,
    sink: &'a dyn Sink,
    sources: &'a HashMap<&'a str, &'a Path>,
    id: EntryId,
    problems: Vec<Diagnostic>,
    files: usize,
}

impl CardMaker<'_> {
    fn make(&mut self) -> CardAssets {
        let entry = &self.site.entries[self.id];
        let fm = official(&entry.default_variant().front_matter);
        let vcard_photo = fm.photo.as_deref().and_then(|p| self.photo(p));
        let wechat_qr = fm.wechat_qr.as_deref().is_some_and(|p| self.wechat_qr(p));
        let mut qrs = Vec::new();
        for (lang_index, lang) in self.site.languages().iter().enumerate() {
            let card = self.vcard(lang_index, vcard_photo.as_deref());
            self.write(Some(lang), &vcard_file(&entry.slug), card.as_bytes());
            qrs.push(self.qr(lang));
        }
        CardAssets {
            photo: vcard_photo.is_some(),
            wechat_qr,
            qr: qrs,
        }
    }

    /// Writes a file beside the card page: for one language when `lang` is
    /// given, else shared by every language.
    fn write(&mut self, lang: Option<&str>, name: &str, bytes: &[u8]) {
        let site = self.site;
        let slug = site.entries[self.id].slug.as_str();
        let target = match lang {
            Some(_) => Target::EntryFile(Collection::Officials, slug, name),
            None => Target::SharedEntryFile(Collection::Officials, slug, name),
        };
        let rel = self
            .urls
            .output_file(lang.unwrap_or(site.config.default_language()), target);
        match self.sink.write(&rel, bytes) {
            Ok(()) => self.files += 1,
            Err(e) => self.problems.push(crate::output::write_error(&rel, &e)),
        }
    }

    /// Reads a file named in front matter; link already checked it exists.
    fn read(&mut self, field: &str, value: &str) -> Option<Vec<u8>> {
        let rel = content_rel(value);
        let source = self.sources.get(rel.as_str())?;
        match std::fs::read(source) {
            Ok(bytes) => Some(bytes),
            Err(e) => {
                self.problems.push(
                    self.site
                        .source(self.id)
                        .error_at(field, None, format!("cannot read `{value}`: {e}"))
                        .hint("check that the file is readable"),
                );
                None
            }
        }
    }

    /// Resizes the photo; returns the JPEG for the vCard.
    fn photo(&mut self, value: &str) -> Option<Vec<u8>> {
        let bytes = self.read("photo", value)?;
        let cache = self.reuse.images().map(|c| &c.portraits);
        let portrait = match cached(cache, &bytes, photo::portrait) {
            Ok(p) => p,
            Err(e) => {
                let d = self
                    .site
                    .source(self.id)
                    .error_at(
                        "photo",
                        None,
                        format!("cannot use `{value}` as a photo: {e}"),
                    )
                    .hint(e.hint());
                self.problems.push(d);
                return None;
            }
        };
        let side = portrait.source_width.min(portrait.source_height);
        if side < MIN_PHOTO_SIDE {
            let d = self
                .site
                .source(self.id)
                .warning_at(
                    "photo",
                    None,
                    format!(
                        "the photo `{value}` is only {} × {} pixels, so it looks blurry in link previews",
                        portrait.source_width, portrait.source_height
                    ),
                )
                .hint("use a photo at least 600 pixels on its shorter side");
            self.problems.push(d);
        }
        let mut for_vcard = None;
        for (size, jpeg) in &portrait.jpegs {
            self.write(None, &photo_file(*size), jpeg);
            if *size == VCARD_PHOTO_SIZE {
                for_vcard = Some(jpeg.clone());
            }
        }
        for_vcard
    }

    fn wechat_qr(&mut self, value: &str) -> bool {
        let Some(bytes) = self.read("wechat_qr", value) else {
            return false;
        };
        let cache = self.reuse.images().map(|c| &c.qr_images);
        match cached(cache, &bytes, photo::wechat_qr) {
            Ok(png) => {
                self.write(None, WECHAT_QR_FILE, &png);
                true
            }
            Err(e) => {
                let d = self
                    .site
                    .source(self.id)
                    .error_at(
                        "wechat_qr",
                        None,
                        format!("cannot use `{value}` as a QR image: {e}"),
                    )
                    .hint(e.hint());
                self.problems.push(d);
                false
            }
        }
    }

    /// The QR code of the card's absolute URL in `lang`, written as SVG and
    /// PNG; none without `base_url` (the build warns once about that).
    fn qr(&mut self, lang: &str) -> Option<Qr> {
        let site = self.site;
        let slug = &site.entries[self.id].slug;
        let url = self
            .urls
            .absolute(lang, Target::Entry(Collection::Officials, slug))?;
        match Qr::encode(&url) {
            Ok(qr) => {
                self.write(Some(lang), QR_SVG_FILE, qr.svg_file().as_bytes());
                self.write(Some(lang), QR_PNG_FILE, &qr.png(QR_PNG_SCALE));
                Some(qr)
            }
            Err(message) => {
                self.problems.push(
                    Diagnostic::error("site.yaml", message)
                        .hint("shorten `base_url`: a QR code holds at most 2,953 bytes"),
                );
                None
            }
        }
    }

    fn t(&self, lang: &str, key: &str) -> String {
        self.theme
            .strings
            .get(lang)
            .and_then(|s| s.get(key))
            .cloned()
            .unwrap_or_default()
    }

    /// The vCard of the card in one language.
    fn vcard(&self, lang_index: usize, photo: Option<&[u8]>) -> String {
        let site = self.site;
        let entry = &site.entries[self.id];
        let lang = &site.languages()[lang_index];
        let default_lang = site.config.default_language();
        let variant = entry.variant(lang_index);
        let fm = official(&variant.front_matter);
        let name = variant.title();
        let han_name = entry
            .variants
            .iter()
            .map(|v| v.title())
            .find(|n| n.chars().any(name::is_han));
        let person = PersonName::parse(name, han_name);

        let mut card = VCard::new();
        card.structured("N", &[&person.family, &person.given, "", "", ""]);
        card.text("FN", name);
        if name.chars().any(name::is_han) {
            // Phones sort Chinese contacts by these (Android, iOS).
            let phonetic = entry
                .variants
                .iter()
                .map(|v| v.title())
                .find(|n| !n.chars().any(name::is_han) && !n.trim().is_empty())
                .map_or_else(
                    || person.romanised(),
                    |latin| PersonName::parse(latin, han_name),
                );
            card.text("X-PHONETIC-LAST-NAME", &phonetic.family);
            if !phonetic.given.is_empty() {
                card.text("X-PHONETIC-FIRST-NAME", &phonetic.given);
            }
        }
        let organization = fm
            .organization
            .as_ref()
            .map(|t| t.as_str())
            .or_else(|| site.config.organization.get(lang, default_lang));
        if let Some(org) = organization {
            card.structured("ORG", &[org]);
        }
        if let Some(position) = &fm.position {
            card.text("TITLE", position.as_str());
        }
        if let Some(phone) = &fm.phone {
            card.text("TEL;TYPE=WORK,VOICE", &phone.dial());
        }
        if let Some(mobile) = &fm.mobile {
            card.text("TEL;TYPE=CELL,VOICE", &mobile.dial());
        }
        if let Some(email) = &fm.email {
            card.text("EMAIL;TYPE=INTERNET,WORK", &email.0);
        }
        if let Some(address) = &fm.address {
            card.structured("ADR;TYPE=WORK", &["", "", address.as_str(), "", "", "", ""]);
        }
        if let Some(url) = self
            .urls
            .absolute(lang, Target::Entry(Collection::Officials, &entry.slug))
        {
            card.text("URL", &url);
        }
        if let Some(jpeg) = photo {
            let data = base64::engine::general_purpose::STANDARD.encode(jpeg);
            card.raw("PHOTO;ENCODING=b;TYPE=JPEG", &data);
        }
        let note = self.note(lang_index);
        if !note.is_empty() {
            card.text("NOTE", &note);
        }
        card.finish()
    }

    /// What the official covers and their WeChat ID, one item per line.
    fn note(&self, lang_index: usize) -> String {
        let site = self.site;
        let entry = &site.entries[self.id];
        let lang = &site.languages()[lang_index];
        let colon = self.t(lang, "colon");
        let separator = self.t(lang, "list_separator");
        let mut lines = Vec::new();
        for (key, ids) in [("industries", entry.industries()), ("parks", entry.parks())] {
            if !ids.is_empty() {
                let titles: Vec<&str> = ids
                    .iter()
                    .map(|&id| site.entries[id].variant(lang_index).title())
                    .collect();
                lines.push(format!(
                    "{}{colon}{}",
                    self.t(lang, key),
                    titles.join(&separator)
                ));
            }
        }
        if let Some(wechat) = &official(&entry.variant(lang_index).front_matter).wechat {
            lines.push(format!(
                "{}{colon}{}",
                self.t(lang, "wechat"),
                wechat.as_str()
            ));
        }
        lines.join("\n")
    }
}

/// The front matter of an entry of the officials collection.
pub fn official(fm: &FrontMatter) -> &OfficialFm {
    match fm {
        FrontMatter::Official(o) => o,
        _ => unreachable!("only officials have cards"),
    }
}
