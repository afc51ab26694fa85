//! Making one official's card files: photos, the WeChat QR image, and per
//! language the vCard and the QR code of the card's address.

use std::collections::HashMap;
use std::path::Path;

use base64::Engine as _;

use crate::content::schema::Collection;
use crate::diagnostics::Diagnostic;
use crate::link::{EntryId, Site};
use crate::output::Sink;
use crate::theme::Theme;
use crate::urls::{Target, Urls};

use super::name::{self, PersonName};
use super::photo;
use super::qr::Qr;
use super::vcard::VCard;
use super::{
    cached, content_rel, official, photo_file, vcard_file, CardAssets, ReuseCards, QR_PNG_FILE,
    QR_SVG_FILE, WECHAT_QR_FILE,
};

/// The photo size embedded in the vCard: sharp on a phone's contact screen,
/// small enough (~15 KB) to keep the file quick to open.
const VCARD_PHOTO_SIZE: u32 = 192;
/// Below this, link previews (WeChat asks for 300 × 300) look blurry.
const MIN_PHOTO_SIDE: u32 = 300;
/// Pixels per module of the downloadable QR PNG: about 400 px, plenty for
/// chats and slides (print shops get the SVG).
const QR_PNG_SCALE: u32 = 12;

/// Makes one official's files.
pub(super) struct CardMaker<'a> {
    reuse: &'a dyn ReuseCards,
    site: &'a Site,
    theme: &'a Theme,
    urls: &'a Urls,
    sink: &'a dyn Sink,
    sources: &'a HashMap<&'a str, &'a Path>,
    id: EntryId,
    pub(super) problems: Vec<Diagnostic>,
    pub(super) files: usize,
}

impl<'a> CardMaker<'a> {
    pub(super) fn new(
        reuse: &'a dyn ReuseCards,
        site: &'a Site,
        theme: &'a Theme,
        urls: &'a Urls,
        sink: &'a dyn Sink,
        sources: &'a HashMap<&'a str, &'a Path>,
        id: EntryId,
    ) -> CardMaker<'a> {
        CardMaker {
            reuse,
            site,
            theme,
            urls,
            sink,
            sources,
            id,
            problems: Vec::new(),
            files: 0,
        }
    }
}

impl CardMaker<'_> {
    pub(super) fn make(&mut self) -> CardAssets {
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
    pub(super) fn vcard(&self, lang_index: usize, photo: Option<&[u8]>) -> String {
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
