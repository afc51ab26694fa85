//! Where a body link leads on the built site: another site, a page (with
//! the anchors it has), an official's old address, a file of the site, or
//! nowhere, with why and how to fix it.
//!
//! Links are resolved the way pages resolve them, so that what is checked is
//! the path the reader's browser asks for, and a link that leads nowhere
//! comes with the likeliest address the editor meant.

use crate::content::schema::Collection;
use crate::diagnostics::closest;
use crate::link::EntryId;
use crate::urls::{has_scheme, Target};

use super::links::Body;
use super::Ctx;

impl Ctx<'_> {
    /// Where `dest`, written in `body`, leads on the built site.
    pub(super) fn resolve(&self, body: &Body, dest: &str) -> Dest {
        let dest = dest.trim();
        if dest.is_empty() || dest.starts_with("//") || has_scheme(dest) {
            return Dest::Elsewhere;
        }
        if let Some(fragment) = dest.strip_prefix('#') {
            return Dest::Page {
                entry: Some(body.id),
                lang_index: body.lang_index,
                fragment: percent_decode(fragment),
            };
        }
        let lang = &self.site.languages()[body.lang_index];
        let collection = self.site.entries[body.id].collection;
        let resolved = self.urls.resolve_body_link(lang, collection, dest);
        let (path, fragment) = resolved.split_once('#').unwrap_or((&resolved, ""));
        let path = path.split_once('?').map_or(path, |(p, _)| p);
        let path = percent_decode(path);
        let Some(segments) = normalize(&path) else {
            return Dest::nowhere(
                "it leads outside the site",
                "name a file inside content/, e.g. `/files/plan.pdf` or `map.jpg` beside the entry",
            );
        };
        let is_file = path
            .rsplit('/')
            .next()
            .is_some_and(|last| last.contains('.'));
        if !dest.starts_with('/') && !is_file {
            return Dest::nowhere(
                "a relative link to a page",
                format!(
                    "write pages as site paths that start with `/`, such as `/{}/`, so hui can add the language and base path",
                    segments.join("/")
                ),
            );
        }
        let (lang_index, mut segments) = self.split_language(segments);
        // `/parks/east-zone/index.html` is the page `/parks/east-zone/`.
        if segments.last().is_some_and(|s| s == "index.html") {
            segments.pop();
            return self.page(lang_index, &segments, percent_decode(fragment));
        }
        if is_file {
            return self.file(&segments);
        }
        self.page(lang_index, &segments, percent_decode(fragment))
    }

    /// Takes a leading language (`en/…`) off a site path.
    fn split_language(&self, segments: Vec<String>) -> (usize, Vec<String>) {
        let languages = self.site.languages();
        match segments.first().and_then(|first| {
            languages
                .iter()
                .skip(1)
                .position(|l| l == first)
                .map(|i| i + 1)
        }) {
            Some(index) => (index, segments[1..].to_vec()),
            None => (0, segments),
        }
    }

    /// A file of the built site: from `content/`, or made by hui.
    fn file(&self, segments: &[String]) -> Dest {
        let rel = segments.join("/");
        let state = if self.resized.contains(&rel) {
            FileState::Resized
        } else if self.published.contains(rel.as_str()) {
            FileState::Published
        } else if self.generated(segments) {
            FileState::Generated
        } else {
            FileState::Missing
        };
        Dest::File { rel, state }
    }

    /// Files hui writes itself. The theme's files under `assets/` are not
    /// known here, so links there are taken on trust.
    fn generated(&self, segments: &[String]) -> bool {
        let parts: Vec<&str> = segments.iter().map(String::as_str).collect();
        match parts.as_slice() {
            ["sitemap.xml" | "robots.txt" | "404.html"] | ["assets", ..] => true,
            ["card", slug, name] => {
                self.entries.contains_key(&(Collection::Officials, *slug))
                    && card_files(slug).iter().any(|f| f == name)
            }
            _ => false,
        }
    }

    /// A page of the built site, in the language at `lang_index`.
    fn page(&self, lang_index: usize, segments: &[String], fragment: String) -> Dest {
        let parts: Vec<&str> = segments.iter().map(String::as_str).collect();
        match parts.as_slice() {
            [] => Dest::page(None, lang_index, fragment),
            [dir] if LIST_DIRS.contains(dir) => Dest::page(None, lang_index, fragment),
            ["card", slug] => match self.aliases.get(slug) {
                Some(&id) => Dest::Alias(id),
                None => self.entry(Collection::Officials, slug, lang_index, fragment),
            },
            ["officials", slug] => Dest::nowhere(
                "no page has this address",
                format!("an official's page is `/card/{slug}/`"),
            ),
            ["pages", slug] => Dest::nowhere(
                "no page has this address",
                format!("a free page's address is `/{slug}/`, without `pages/`"),
            ),
            [dir, slug] => match Collection::from_dir(dir) {
                Some(c @ (Collection::Industries | Collection::Parks | Collection::Policies)) => {
                    self.entry(c, slug, lang_index, fragment)
                }
                _ => Dest::nowhere("no page has this address", SITE_PATHS),
            },
            // `/parks/` mistyped as `/park/` is likelier than a free page.
            [name] => match closest(name, LIST_DIRS.iter().copied()) {
                Some(list) if !self.entries.contains_key(&(Collection::Pages, *name)) => {
                    Dest::nowhere(
                        "no page has this address",
                        format!("did you mean `/{list}/`?"),
                    )
                }
                _ => self.entry(Collection::Pages, name, lang_index, fragment),
            },
            _ => Dest::nowhere("no page has this address", SITE_PATHS),
        }
    }

    /// The page of entry `slug` of `collection`, if the site has it.
    fn entry(
        &self,
        collection: Collection,
        slug: &str,
        lang_index: usize,
        fragment: String,
    ) -> Dest {
        if let Some(&id) = self.entries.get(&(collection, slug)) {
            return Dest::page(Some(id), lang_index, fragment);
        }
        if self.errored.contains(&(collection, slug.to_owned())) {
            return Dest::page(None, lang_index, fragment);
        }
        let file = format!("content/{}/{slug}.md", collection.dir());
        if self
            .content_dir
            .join(collection.dir())
            .join(format!("{slug}.md"))
            .is_file()
        {
            return Dest::nowhere(
                format!("{file} is a draft"),
                "publish it (remove `draft: true`), or link to it once it is published",
            );
        }
        let known: Vec<&str> = self
            .site
            .collection(collection)
            .iter()
            .map(|&id| self.site.entries[id].slug.as_str())
            .collect();
        let hint = match closest(slug, known.iter().copied()) {
            Some(c) => format!("did you mean `{}`?", self.entry_path(collection, c)),
            None if known.is_empty() => format!("there is no {file}"),
            None => format!(
                "the {} are {}",
                collection_name(collection),
                known
                    .iter()
                    .map(|slug| self.entry_path(collection, slug))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        Dest::nowhere(
            format!("there is no {} `{slug}`", collection.singular()),
            hint,
        )
    }

    /// How an editor links to an entry: `/parks/east-zone/`.
    pub(super) fn entry_path(&self, collection: Collection, slug: &str) -> String {
        self.urls.path(
            self.site.config.default_language(),
            Target::Entry(collection, slug),
        )
    }
}

/// The collections with a list page: `/industries/` … `/officials/`.
const LIST_DIRS: &[&str] = &["industries", "parks", "policies", "officials"];

/// How editors link to pages, for hints.
const SITE_PATHS: &str =
    "link to pages with site paths such as /parks/east-zone/, /card/wang-ming/, /officials/ or /about/";

/// Where a body link leads on the built site.
pub(super) enum Dest {
    /// Another site, an e-mail address, a phone number: not checked.
    Elsewhere,
    /// A page of the site; `entry` when its headings are known, for anchors.
    Page {
        entry: Option<EntryId>,
        lang_index: usize,
        fragment: String,
    },
    /// An official's old slug, which redirects to the card.
    Alias(EntryId),
    /// A file of the site, by its path in the output.
    File { rel: String, state: FileState },
    /// Nothing: why, and how to fix the link.
    Nowhere { reason: String, hint: String },
}

impl Dest {
    fn page(entry: Option<EntryId>, lang_index: usize, fragment: String) -> Dest {
        Dest::Page {
            entry,
            lang_index,
            fragment,
        }
    }

    fn nowhere(reason: impl Into<String>, hint: impl Into<String>) -> Dest {
        Dest::Nowhere {
            reason: reason.into(),
            hint: hint.into(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum FileState {
    /// A file under `content/`, copied as it is.
    Published,
    /// A file hui writes: the sitemap, a card's vCard or QR code…
    Generated,
    /// An official's photo or WeChat QR code: only resized copies are published.
    Resized,
    Missing,
}

/// The files hui writes beside an official's card.
fn card_files(slug: &str) -> Vec<String> {
    use crate::card;
    let mut files = vec![
        card::vcard_file(slug),
        card::QR_SVG_FILE.to_owned(),
        card::QR_PNG_FILE.to_owned(),
        card::WECHAT_QR_FILE.to_owned(),
    ];
    files.extend(card::PHOTO_SIZES.iter().map(|&size| card::photo_file(size)));
    files
}

/// The segments of a site path with `.` and `..` applied; `None` when it
/// climbs above the site root.
fn normalize(path: &str) -> Option<Vec<String>> {
    let mut segments: Vec<String> = Vec::new();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop()?;
            }
            s => segments.push(s.to_owned()),
        }
    }
    Some(segments)
}

/// Decodes `%E6%A6%82`-style escapes; what cannot be decoded stays as it is.
fn percent_decode(s: &str) -> String {
    crate::urls::percent_decode(s).unwrap_or_else(|| s.to_owned())
}

fn collection_name(c: Collection) -> &'static str {
    match c {
        Collection::Pages => "free pages",
        Collection::Officials => "officials",
        c => c.dir(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_percent_escapes() {
        assert_eq!(percent_decode("%E6%A6%82%E5%86%B5"), "概况");
        assert_eq!(percent_decode("a%20b"), "a b");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz"), "%zz");
    }

    #[test]
    fn normalizes_site_paths() {
        assert_eq!(
            normalize("/parks/./photos/../map.jpg").unwrap(),
            ["parks", "map.jpg"]
        );
        assert_eq!(
            normalize("/parks/east-zone/").unwrap(),
            ["parks", "east-zone"]
        );
        assert!(normalize("/parks/../../x.pdf").is_none());
    }
}
