//! Every URL the site links to is built here, and nowhere else.
//!
//! Pages link to each other relative to where they are (`../../en/parks/`),
//! so a built `public/` works at any path of any host without a rebuild,
//! and the offline copy (whose links also name `index.html`) works from
//! `file://`. Canonical links, hreflang, the sitemap, previews, QR codes and
//! vCards use absolute URLs when `base_url` is set: those leave the site.
//! Site paths with the base path (`/guide/en/parks/east-zone/`) remain for
//! the one page a host shows at any address, 404.html, and for `hui check`.

use std::path::PathBuf;

use crate::config::BaseUrl;
use crate::content::schema::Collection;

/// What a URL points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target<'a> {
    Home,
    /// The list page of a collection (`/industries/`, `/officials/`).
    List(Collection),
    /// One entry's page (`/parks/east-zone/`, `/card/wang-ming/`, `/about/`).
    Entry(Collection, &'a str),
    NotFound,
    /// The search page of a language (`/search/`, `/en/search/`).
    Search,
    /// Sheets of cards for the print shop: every official's
    /// (`/card/print/`), or ten of one official's (`/card/wang-ming/print/`).
    CardSheet(Option<&'a str>),
    /// The whole guide as one page made for print (`/guide/`).
    Guide,
    /// A collection's entries side by side (`/parks/compare/`); the
    /// slug `compare` is reserved in that collection.
    Compare(Collection),
    /// A file of the site, the same in every language (`assets/base.css`).
    File(&'a str),
    /// A file beside an entry's page, one per language
    /// (`en/card/wang-ming/wang-ming.vcf`).
    EntryFile(Collection, &'a str, &'a str),
    /// A file beside an entry's page, shared by every language
    /// (`card/wang-ming/photo-192.jpg`).
    SharedEntryFile(Collection, &'a str, &'a str),
}

/// Where a page's links start from: its folder, site-relative
/// (`en/card/wang-ming/`), or `None` for 404.html, which hosts show at any
/// address, so its links are site paths with the base path (`/guide/`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Here(Option<String>);

#[derive(Debug, Clone)]
pub struct Urls {
    base: Option<BaseUrl>,
    /// `/` or `/guide/`.
    base_path: String,
    default_lang: String,
    /// Links to folders name their `index.html`: for the offline copy, since
    /// `file://` shows no folder's index page.
    offline: bool,
}

impl Urls {
    pub fn new(base: Option<BaseUrl>, default_lang: &str) -> Urls {
        let base_path = base
            .as_ref()
            .map_or_else(|| "/".to_owned(), |b| b.path.clone());
        Urls {
            base,
            base_path,
            default_lang: default_lang.to_owned(),
            offline: false,
        }
    }

    /// The same URLs with links that name each folder's `index.html`.
    pub fn offline(self) -> Urls {
        Urls {
            offline: true,
            ..self
        }
    }

    pub fn is_offline(&self) -> bool {
        self.offline
    }

    pub fn has_base_url(&self) -> bool {
        self.base.is_some()
    }

    /// The site-relative part of a target's URL, without the base path:
    /// `en/parks/east-zone/`.
    pub fn site_relative(&self, lang: &str, target: Target) -> String {
        let mut out = String::new();
        self.push_relative(&mut out, lang, target);
        out
    }

    /// Appends the site-relative URL of `target` to `out`. Pages hold
    /// hundreds of links, so the URL is written into one string.
    fn push_relative(&self, out: &mut String, lang: &str, target: Target) {
        let shared = matches!(target, Target::File(_) | Target::SharedEntryFile(..));
        if lang != self.default_lang && !shared {
            out.push_str(lang);
            out.push('/');
        }
        let mut folder = |parts: &[&str]| {
            for part in parts {
                out.push_str(part);
            }
            out.push('/');
        };
        match target {
            Target::EntryFile(c, slug, name) | Target::SharedEntryFile(c, slug, name) => {
                let default = self.default_lang.clone();
                self.push_relative(out, &default, Target::Entry(c, slug));
                out.push_str(name);
            }
            Target::Home | Target::List(Collection::Pages) => {}
            Target::List(c) => folder(&[c.dir()]),
            Target::Entry(Collection::Officials, slug) => folder(&["card/", slug]),
            Target::Entry(Collection::Pages, slug) => folder(&[slug]),
            Target::Entry(c, slug) => folder(&[c.dir(), "/", slug]),
            Target::NotFound => out.push_str("404.html"),
            Target::Search => folder(&["search"]),
            Target::CardSheet(None) => folder(&["card/print"]),
            Target::CardSheet(Some(slug)) => folder(&["card/", slug, "/print"]),
            Target::Compare(c) => folder(&[c.dir(), "/compare"]),
            Target::Guide => folder(&["guide"]),
            Target::File(path) => out.push_str(path.trim_start_matches('/')),
        }
    }

    /// Where the links of the page at `target` start from.
    pub fn here(&self, lang: &str, target: Target) -> Here {
        if target == Target::NotFound && !self.offline {
            return Here(None);
        }
        let file = self.site_relative(lang, target);
        let dir = match file.rfind('/') {
            Some(i) => file[..=i].to_owned(),
            None => String::new(),
        };
        Here(Some(dir))
    }

    /// The link to a target from the page `here`: the shortest way there
    /// (`../../parks/` from `/en/card/wang-ming/` to `/en/parks/`).
    pub fn link(&self, here: &Here, lang: &str, target: Target) -> String {
        let mut rel = String::with_capacity(48);
        self.push_relative(&mut rel, lang, target);
        self.link_from(here, &rel, "")
    }

    /// The part of a link after the way to the root, for values shared by
    /// every page of a language (templates write `{{ page.root }}` first):
    /// `en/parks/`, or `en/parks/index.html` offline.
    pub fn link_tail(&self, lang: &str, target: Target) -> String {
        let mut out = String::with_capacity(48);
        self.push_relative(&mut out, lang, target);
        if self.offline && (out.is_empty() || out.ends_with('/')) {
            out.push_str("index.html");
        }
        out
    }

    /// The link from `here` to the site-relative path `rel`, then `suffix`
    /// (`?query#fragment`). Offline, a link to a folder names its index
    /// page; a link to the page's own folder is `./`.
    fn link_from(&self, here: &Here, rel: &str, suffix: &str) -> String {
        let mut out = String::with_capacity(rel.len() + 24);
        match &here.0 {
            None => {
                out.push_str(&self.base_path);
                out.push_str(rel);
            }
            Some(dir) => {
                let (target_dir, name) = match rel.rfind('/') {
                    Some(i) => (&rel[..=i], &rel[i + 1..]),
                    None => ("", rel),
                };
                let from: Vec<&str> = dir.split_terminator('/').collect();
                let to: Vec<&str> = target_dir.split_terminator('/').collect();
                let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
                for _ in common..from.len() {
                    out.push_str("../");
                }
                for part in &to[common..] {
                    out.push_str(part);
                    out.push('/');
                }
                out.push_str(name);
            }
        }
        if self.offline && (out.is_empty() || out.ends_with('/')) {
            out.push_str("index.html");
        } else if out.is_empty() {
            out.push_str("./");
        }
        out.push_str(suffix);
        out
    }

    /// Turns a site path with the base path (`/guide/parks/#map`, as
    /// [`Urls::resolve_body_link`] gives) into a link from the page `here`.
    /// Other links are left alone.
    pub fn relative(&self, here: &Here, rooted: &str) -> String {
        if rooted.starts_with("//") {
            return rooted.to_owned();
        }
        let Some(rest) = rooted.strip_prefix(self.base_path.as_str()) else {
            return rooted.to_owned();
        };
        let (path, suffix) = match rest.find(['#', '?']) {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, ""),
        };
        self.link_from(here, path, suffix)
    }

    /// The site path of a target, with the base path:
    /// `/guide/en/parks/east-zone/`. Pages link relatively (see
    /// [`Urls::link`]); this is for 404.html and for checking links.
    pub fn path(&self, lang: &str, target: Target) -> String {
        let mut out = String::with_capacity(self.base_path.len() + 48);
        out.push_str(&self.base_path);
        self.push_relative(&mut out, lang, target);
        out
    }

    /// The absolute URL of a target, when `base_url` is set.
    pub fn absolute(&self, lang: &str, target: Target) -> Option<String> {
        self.base
            .as_ref()
            .map(|b| format!("{}{}", b.origin, self.path(lang, target)))
    }

    /// The absolute URL when known, else the path: for canonical and hreflang.
    pub fn permalink(&self, lang: &str, target: Target) -> String {
        self.absolute(lang, target)
            .unwrap_or_else(|| self.path(lang, target))
    }

    /// Where the target's file is written, relative to the output folder.
    pub fn output_file(&self, lang: &str, target: Target) -> PathBuf {
        let rel = self.site_relative(lang, target);
        if rel.is_empty() || rel.ends_with('/') {
            PathBuf::from(format!("{rel}index.html"))
        } else {
            PathBuf::from(rel)
        }
    }

    /// The way from a page up to the site's root, which every link of the
    /// page starts with: `./` on the home page, `../../` on `/en/search/`.
    /// A host shows 404.html at any address, so there it is the base path
    /// (`/guide/`), except offline, where no host is in between.
    pub fn to_root(&self, lang: &str, target: Target) -> String {
        if target == Target::NotFound && !self.offline {
            return self.base_path.clone();
        }
        let file = self.output_file(lang, target);
        let depth = file.components().count().saturating_sub(1);
        if depth == 0 {
            "./".to_owned()
        } else {
            "../".repeat(depth)
        }
    }

    /// Resolves a link written in a Markdown body of `collection` in `lang`.
    ///
    /// Site paths (`/parks/east-zone/`) get the base path and the language
    /// prefix; files (`/files/plan.pdf`) only the base path; paths relative to
    /// the entry (`map.jpg`) resolve against the entry's folder, where hui
    /// copies the files that sit beside it. Other links are left alone.
    pub fn resolve_body_link(&self, lang: &str, collection: Collection, link: &str) -> String {
        if link.starts_with('#') || link.starts_with("//") || has_scheme(link) {
            return link.to_owned();
        }
        let (path, suffix) = match link.find(['#', '?']) {
            Some(i) => (&link[..i], &link[i..]),
            None => (link, ""),
        };
        if let Some(site_path) = path.strip_prefix('/') {
            let is_file = site_path
                .rsplit('/')
                .next()
                .is_some_and(|last| last.contains('.'));
            let already_localized = site_path
                .split('/')
                .next()
                .is_some_and(|first| first == lang);
            let prefix = if is_file || already_localized || lang == self.default_lang {
                String::new()
            } else {
                format!("{lang}/")
            };
            return format!("{}{prefix}{site_path}{suffix}", self.base_path);
        }
        format!(
            "{}{}/{}{suffix}",
            self.base_path,
            collection.dir(),
            path.trim_start_matches("./")
        )
    }
}

/// Decodes `%E6%A6%82`-style escapes (browsers' address bars paste them).
/// An invalid escape stays as it is; `None` when the result is not UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// Whether a link has a scheme such as `https:` or `mailto:`.
pub fn has_scheme(link: &str) -> bool {
    match link.find(':') {
        Some(i) => {
            let scheme = &link[..i];
            !scheme.is_empty()
                && scheme
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(base: &str) -> Urls {
        Urls::new(Some(BaseUrl::parse(base).unwrap()), "zh")
    }

    #[test]
    fn paths_keep_the_base_path_and_language() {
        let u = urls("https://example.gov.cn/guide");
        assert_eq!(u.path("zh", Target::Home), "/guide/");
        assert_eq!(u.path("en", Target::Home), "/guide/en/");
        assert_eq!(
            u.path("en", Target::Entry(Collection::Parks, "east")),
            "/guide/en/parks/east/"
        );
        assert_eq!(
            u.path("zh", Target::Entry(Collection::Officials, "wang")),
            "/guide/card/wang/"
        );
        assert_eq!(
            u.path("zh", Target::Entry(Collection::Pages, "about")),
            "/guide/about/"
        );
        assert_eq!(
            u.path("en", Target::List(Collection::Officials)),
            "/guide/en/officials/"
        );
        assert_eq!(
            u.path("en", Target::File("assets/base.css")),
            "/guide/assets/base.css"
        );
        assert_eq!(
            u.absolute("en", Target::Home).unwrap(),
            "https://example.gov.cn/guide/en/"
        );
        assert_eq!(
            u.output_file("en", Target::Home),
            PathBuf::from("en/index.html")
        );
        assert_eq!(
            u.output_file("zh", Target::NotFound),
            PathBuf::from("404.html")
        );
    }

    #[test]
    fn links_are_relative_to_the_page() {
        let u = urls("https://example.gov.cn/guide/");
        let park = Target::Entry(Collection::Parks, "east");
        let here = u.here("en", park);
        assert_eq!(u.to_root("en", park), "../../../");
        assert_eq!(u.link(&here, "en", Target::Home), "../../");
        assert_eq!(u.link(&here, "zh", Target::Home), "../../../");
        assert_eq!(u.link(&here, "zh", park), "../../../parks/east/");
        assert_eq!(u.link(&here, "en", park), "./");
        assert_eq!(u.link(&here, "en", Target::List(Collection::Parks)), "../");
        assert_eq!(
            u.link(&here, "en", Target::Entry(Collection::Parks, "west")),
            "../west/"
        );
        let card = Target::Entry(Collection::Officials, "wang");
        assert_eq!(
            u.link(
                &u.here("en", card),
                "en",
                Target::EntryFile(Collection::Officials, "wang", "wang.vcf")
            ),
            "wang.vcf"
        );
        assert_eq!(
            u.link(&u.here("en", card), "en", Target::File("assets/a.css")),
            "../../../assets/a.css"
        );
        let home = u.here("zh", Target::Home);
        assert_eq!(u.to_root("zh", Target::Home), "./");
        assert_eq!(u.link(&home, "zh", Target::Home), "./");
        assert_eq!(u.link(&home, "en", Target::Home), "en/");
        let not_found = u.here("zh", Target::NotFound);
        assert_eq!(u.to_root("zh", Target::NotFound), "/guide/");
        assert_eq!(u.link(&not_found, "en", park), "/guide/en/parks/east/");
        assert_eq!(
            u.relative(&here, "/guide/en/parks/west/#map"),
            "../west/#map"
        );
        assert_eq!(u.relative(&here, "https://x.cn/"), "https://x.cn/");
        assert_eq!(u.relative(&here, "#top"), "#top");
    }

    #[test]
    fn offline_links_name_index_files() {
        let u = urls("https://example.gov.cn/guide/").offline();
        let here = u.here("en", Target::Search);
        assert_eq!(u.to_root("en", Target::Search), "../../");
        assert_eq!(u.link(&here, "en", Target::Home), "../index.html");
        assert_eq!(u.link(&here, "en", Target::Search), "index.html");
        assert_eq!(
            u.link(&u.here("zh", Target::Home), "zh", Target::Home),
            "index.html"
        );
        assert_eq!(
            u.link_tail("en", Target::List(Collection::Parks)),
            "en/parks/index.html"
        );
        assert_eq!(
            u.link(&here, "zh", Target::File("assets/a.css")),
            "../../assets/a.css"
        );
        assert_eq!(u.to_root("zh", Target::NotFound), "./");
        assert_eq!(
            u.link(&u.here("zh", Target::NotFound), "en", Target::Home),
            "en/index.html"
        );
        assert_eq!(
            u.relative(&here, "/guide/parks/west/?a=1#map"),
            "../../parks/west/index.html?a=1#map"
        );
    }

    #[test]
    fn body_links() {
        let u = urls("https://example.gov.cn/guide/");
        assert_eq!(
            u.resolve_body_link("en", Collection::Industries, "/parks/east/#map"),
            "/guide/en/parks/east/#map"
        );
        assert_eq!(
            u.resolve_body_link("zh", Collection::Industries, "/parks/east/"),
            "/guide/parks/east/"
        );
        assert_eq!(
            u.resolve_body_link("en", Collection::Parks, "/files/a.pdf"),
            "/guide/files/a.pdf"
        );
        assert_eq!(
            u.resolve_body_link("en", Collection::Parks, "map.jpg"),
            "/guide/parks/map.jpg"
        );
        assert_eq!(
            u.resolve_body_link("en", Collection::Parks, "https://x.cn/"),
            "https://x.cn/"
        );
        assert_eq!(u.resolve_body_link("en", Collection::Parks, "#a"), "#a");
        assert_eq!(
            u.resolve_body_link("en", Collection::Parks, "mailto:a@b.cn"),
            "mailto:a@b.cn"
        );
    }
}
