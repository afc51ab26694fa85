//! Every URL the site links to is built here, and nowhere else.
//!
//! Pages link to each other with root-relative paths that keep the base path
//! of `base_url` (`/guide/en/parks/east-zone/`); canonical links, hreflang,
//! the sitemap and previews use absolute URLs when `base_url` is set. A later
//! relative-URL mode (for `file://`) only has to change this module.

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
    /// A file of the site, the same in every language (`assets/base.css`).
    File(&'a str),
    /// A file beside an entry's page, one per language
    /// (`en/card/wang-ming/wang-ming.vcf`).
    EntryFile(Collection, &'a str, &'a str),
    /// A file beside an entry's page, shared by every language
    /// (`card/wang-ming/photo-192.jpg`).
    SharedEntryFile(Collection, &'a str, &'a str),
}

#[derive(Debug, Clone)]
pub struct Urls {
    base: Option<BaseUrl>,
    /// `/` or `/guide/`.
    base_path: String,
    default_lang: String,
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
        }
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
            Target::File(path) => out.push_str(path.trim_start_matches('/')),
        }
    }

    /// The link to a target, as used in `href`: `/guide/en/parks/east-zone/`.
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

    /// The way from a page up to the site's root, for links that must work
    /// wherever the folder is opened, `file://` included: `""` on the home
    /// page, `../../` on `/en/search/`.
    pub fn to_root(&self, lang: &str, target: Target) -> String {
        let file = self.output_file(lang, target);
        let depth = file.components().count().saturating_sub(1);
        "../".repeat(depth)
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
