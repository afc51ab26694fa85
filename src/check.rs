//! `hui check`: everything `build` validates, without writing output, plus
//! editorial warnings about things a build lets through because the site
//! still works: texts left untranslated, body links and images that lead
//! nowhere, policies past their date, officials nobody can reach, and entries
//! that nothing refers to.
//!
//! Each lint is a small function over the linked [`Site`] that returns its
//! warnings; [`LINTS`] lists them. They run even when the build found errors,
//! so that one run reports everything, but they keep quiet about what an error
//! already explains: a link to an entry whose file does not parse is not
//! reported as broken too.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::content::fields;
use crate::content::schema::{Collection, FrontMatter};
use crate::content::SourceFile;
use crate::diagnostics::{closest, Diagnostic, Diagnostics};
use crate::link::{EntryId, Site};
use crate::markdown::{BodyLink, Rendered};
use crate::urls::{has_scheme, Target, Urls};
use crate::BuildOptions;

/// Runs every check on the site described by `options`.
pub fn check(options: &BuildOptions) -> Diagnostics {
    let (report, site) = crate::build_into(options, &crate::output::NullSink);
    let mut diagnostics = report.diagnostics;
    if let Some(site) = site {
        let today = options.today.unwrap_or_else(crate::build_date);
        let ctx = Ctx::new(&site, &options.root, today, &diagnostics);
        for lint in LINTS {
            diagnostics.extend(lint(&ctx));
        }
    }
    diagnostics.sort();
    diagnostics
}

/// One editorial check: the warnings it finds in the site.
type Lint = fn(&Ctx) -> Vec<Diagnostic>;

/// The checks `hui check` adds to the build's own.
const LINTS: &[Lint] = &[
    untranslated_fields,
    broken_links,
    broken_images,
    expired_policies,
    policy_dates,
    unreachable_officials,
    unreferenced_industries,
    uncovered_parks,
];

/// What the lints share: the site, and what is worked out once from it.
struct Ctx<'a> {
    site: &'a Site,
    today: jiff::civil::Date,
    content_dir: PathBuf,
    /// Resolves body links the way pages do, with base path `/`, so that a
    /// resolved link is the site path the reader's browser asks for.
    urls: Urls,
    /// Every entry's body rendered, by entry and language index: its links
    /// and the ids of its headings (the page's anchors).
    bodies: Vec<Vec<Rendered>>,
    entries: HashMap<(Collection, &'a str), EntryId>,
    /// Officials' old slugs, which redirect to their cards.
    aliases: HashMap<&'a str, EntryId>,
    /// Files under `content/` that are published as they are, by output path.
    published: HashSet<&'a str>,
    /// Officials' photos and WeChat QR codes: published only resized.
    resized: HashSet<String>,
    /// Entries with a file that has a build error: links to them are not
    /// reported, as the error explains what is wrong.
    errored: HashSet<(Collection, String)>,
    /// Whether the build found errors: references from files that failed to
    /// load are unknown then, so "nothing refers to this" would mislead.
    has_errors: bool,
}

impl<'a> Ctx<'a> {
    fn new(
        site: &'a Site,
        root: &Path,
        today: jiff::civil::Date,
        diagnostics: &Diagnostics,
    ) -> Ctx<'a> {
        let bodies = site
            .entries
            .iter()
            .map(|e| {
                e.variants
                    .iter()
                    .map(|v| crate::markdown::render(&v.body, &|link| link.to_owned()))
                    .collect()
            })
            .collect();
        let entries = site
            .entries
            .iter()
            .enumerate()
            .map(|(id, e)| ((e.collection, e.slug.as_str()), id))
            .collect();
        let aliases = site
            .entries
            .iter()
            .enumerate()
            .flat_map(|(id, e)| e.aliases.iter().map(move |a| (a.as_str(), id)))
            .collect();
        let errored = diagnostics
            .iter()
            .filter(|d| d.is_error())
            .filter_map(|d| entry_of_path(&d.path))
            .collect();
        Ctx {
            site,
            today,
            content_dir: root.join("content"),
            urls: Urls::new(None, site.config.default_language()),
            bodies,
            entries,
            aliases,
            published: site.assets.iter().map(|a| a.rel.as_str()).collect(),
            resized: resized_files(site),
            errored,
            has_errors: diagnostics.has_errors(),
        }
    }

    /// Every Markdown body written in a file, with the file it is in. A
    /// language that shows the default-language body is left out: its links
    /// are the default body's, checked once.
    fn bodies(&self) -> Vec<Body<'_>> {
        let mut out = Vec::new();
        for (id, entry) in self.site.entries.iter().enumerate() {
            for (lang_index, variant) in entry.variants.iter().enumerate() {
                let file = if lang_index == 0 {
                    Some(self.site.source(id))
                } else {
                    self.site
                        .translation(id, &variant.lang)
                        .filter(|t| t.path == variant.body_path)
                };
                if let Some(file) = file {
                    out.push(Body {
                        id,
                        lang_index,
                        file,
                        rendered: &self.bodies[id][lang_index],
                    });
                }
            }
        }
        out
    }

    /// Where `dest`, written in `body`, leads on the built site.
    fn resolve(&self, body: &Body, dest: &str) -> Dest {
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
    fn entry_path(&self, collection: Collection, slug: &str) -> String {
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

/// A Markdown body that an editor wrote, in the file it is in.
struct Body<'a> {
    id: EntryId,
    /// The language the body is written in.
    lang_index: usize,
    file: &'a SourceFile,
    rendered: &'a Rendered,
}

impl Body<'_> {
    /// A warning about `link`, at its line and, when it can be found there, the
    /// column of its address.
    fn warning(&self, link: &BodyLink, message: String, hint: String) -> Diagnostic {
        let line = self.file.body_first_line + link.line;
        let column = self.file.text.lines().nth(line - 1).and_then(|text| {
            text.find(&link.dest)
                .map(|at| text[..at].chars().count() + 1)
        });
        let d = Diagnostic::warning(&self.file.path, message).hint(hint);
        match column {
            Some(column) => d.at(line, column),
            None => d.at_line(line),
        }
        .with_source(&self.file.text)
    }
}

/// Where a body link leads on the built site.
enum Dest {
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
enum FileState {
    /// A file under `content/`, copied as it is.
    Published,
    /// A file hui writes: the sitemap, a card's vCard or QR code…
    Generated,
    /// An official's photo or WeChat QR code: only resized copies are published.
    Resized,
    Missing,
}

/// Links in bodies to pages, anchors and files that do not exist, and links
/// to an official's old address.
fn broken_links(ctx: &Ctx) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for body in ctx.bodies() {
        for link in body.rendered.links.iter().filter(|l| !l.image) {
            let dest = &link.dest;
            let problem = match ctx.resolve(&body, dest) {
                Dest::Alias(id) => {
                    let slug = &ctx.site.entries[id].slug;
                    Some((
                        format!("link `{dest}` goes to an old address of `{slug}`'s card"),
                        format!("link to `/card/{slug}/`: the old address only redirects there"),
                    ))
                }
                Dest::Page {
                    entry: Some(id),
                    lang_index,
                    fragment,
                } => missing_anchor(ctx, id, lang_index, &fragment)
                    .map(|(reason, hint)| (format!("broken link `{dest}`: {reason}"), hint)),
                found => target_problem(ctx, found)
                    .map(|(reason, hint)| (format!("broken link `{dest}`: {reason}"), hint)),
            };
            if let Some((message, hint)) = problem {
                out.push(body.warning(link, message, hint));
            }
        }
    }
    out
}

/// Images in bodies that are not files of the site, or that load from
/// another host.
fn broken_images(ctx: &Ctx) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for body in ctx.bodies() {
        for link in body.rendered.links.iter().filter(|l| l.image) {
            let dest = link.dest.trim();
            let problem = match ctx.resolve(&body, dest) {
                Dest::Elsewhere if is_remote(dest) => Some((
                    format!("image `{dest}` is loaded from another site"),
                    "pages make no requests to other hosts, which are slow or blocked in mainland China: save the image in content/ beside the entry and write `![…](name.jpg)`".to_owned(),
                )),
                Dest::Page { .. } | Dest::Alias(_) => Some((
                    format!("broken image `{dest}`: this is a page, not an image file"),
                    "name an image file, e.g. `![地图](map.jpg)` for map.jpg beside the entry".to_owned(),
                )),
                found => target_problem(ctx, found)
                    .map(|(reason, hint)| (format!("broken image `{dest}`: {reason}"), hint)),
            };
            if let Some((message, hint)) = problem {
                out.push(body.warning(link, message, hint));
            }
        }
    }
    out
}

/// Whether a link loads from another host.
fn is_remote(dest: &str) -> bool {
    let lower = dest.to_ascii_lowercase();
    ["http:", "https:", "//"]
        .iter()
        .any(|p| lower.starts_with(p))
}

/// Why a link to `dest` leads nowhere, and how to fix it; `None` for pages,
/// for existing files and for links that leave the site.
fn target_problem(ctx: &Ctx, dest: Dest) -> Option<(String, String)> {
    match dest {
        Dest::File { rel, state } => file_problem(ctx, &rel, state),
        Dest::Nowhere { reason, hint } => Some((reason, hint)),
        Dest::Elsewhere | Dest::Page { .. } | Dest::Alias(_) => None,
    }
}

/// What is wrong with a link to file `rel` of the site, if anything.
fn file_problem(ctx: &Ctx, rel: &str, state: FileState) -> Option<(String, String)> {
    match state {
        FileState::Published | FileState::Generated => None,
        FileState::Resized => Some((
            "this official's photo or WeChat QR code is not published as it is".into(),
            "hui publishes only resized copies, without the photo's metadata; put a separate image beside the entry and link to that".into(),
        )),
        FileState::Missing => Some(if let Some(page) = markdown_page(ctx, rel) {
            (
                "this is a Markdown file, which is not published".into(),
                format!("link to its page: `{page}`"),
            )
        } else if let Some(published) = rel.strip_prefix("content/") {
            (
                "file not found".into(),
                format!("write the path the file is published at, without `content/`: `/{published}`"),
            )
        } else {
            ("file not found".into(), format!("put the file at content/{rel}"))
        }),
    }
}

/// The page of a Markdown file that a link names (`parks/east-zone.md`).
fn markdown_page(ctx: &Ctx, rel: &str) -> Option<String> {
    let (dir, name) = rel.split_once('/')?;
    let collection = Collection::from_dir(dir)?;
    let slug = name.strip_suffix(".md")?.split('.').next()?;
    Some(ctx.entry_path(collection, slug))
}

/// A problem when `fragment` is not a heading id on the page of entry `id`.
fn missing_anchor(
    ctx: &Ctx,
    id: EntryId,
    lang_index: usize,
    fragment: &str,
) -> Option<(String, String)> {
    if fragment.is_empty() {
        return None;
    }
    let ids = &ctx.bodies[id][lang_index].heading_ids;
    if ids.iter().any(|h| h == fragment) {
        return None;
    }
    let own = format!("a heading can set its own: `## 标题 {{#{fragment}}}`");
    let hint = match closest(fragment, ids.iter().map(String::as_str)) {
        Some(c) => format!(
            "did you mean `#{c}`? A heading can also set its own: `## 标题 {{#{fragment}}}`"
        ),
        None if ids.is_empty() => format!("the page's text has no headings; {own}"),
        None => format!(
            "the headings' anchors there are {}; {own}",
            ids.iter()
                .map(|h| format!("`#{h}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    Some((format!("the page has no heading `#{fragment}`"), hint))
}

/// Texts a translation leaves out, so that its page shows the
/// default-language text. A missing translation file, and a translation
/// without a body, are already reported by the build.
fn untranslated_fields(ctx: &Ctx) -> Vec<Diagnostic> {
    let site = ctx.site;
    let default_lang = site.config.default_language();
    let mut out = Vec::new();
    for (id, entry) in site.entries.iter().enumerate() {
        let ours = text_fields(&site.source(id).front_matter, entry.collection);
        for variant in entry.variants.iter().skip(1).filter(|v| v.translated) {
            let Some(t) = site.translation(id, &variant.lang) else {
                continue;
            };
            let theirs = text_fields(&t.front_matter, entry.collection);
            for field in ours.iter().filter(|f| !theirs.contains(f)) {
                let line = t.body_first_line.saturating_sub(1).max(1);
                out.push(
                    Diagnostic::warning(
                        &t.path,
                        format!(
                            "`{field}` is not translated; the {} text is shown",
                            language_name(default_lang)
                        ),
                    )
                    .at(line, 1)
                    .hint(format!(
                        "add `{field}: …` with the {} text above the closing `---`; if the text is the same in every language, copy it",
                        language_name(&variant.lang)
                    ))
                    .with_source(&t.text),
                );
            }
        }
    }
    out
}

/// Policies whose `expires` date has passed: the page calls them expired.
fn expired_policies(ctx: &Ctx) -> Vec<Diagnostic> {
    policies(ctx)
        .filter_map(|(file, p)| {
            let expires = p.expires?.0;
            (expires < ctx.today).then(|| {
                file.warning_at(
                    "expires",
                    None,
                    format!("the policy expired on {expires}; its page says it is no longer in force"),
                )
                .hint("if it was extended, update `expires`; if it was withdrawn, set `draft: true` to take the page down")
            })
        })
        .collect()
}

/// Policies that take effect after they expire: one of the dates is wrong.
fn policy_dates(ctx: &Ctx) -> Vec<Diagnostic> {
    policies(ctx)
        .filter_map(|(file, p)| {
            let (effective, expires) = (p.effective?.0, p.expires?.0);
            (effective > expires).then(|| {
                file.warning_at(
                    "effective",
                    None,
                    format!(
                        "the policy takes effect on {effective}, after it expires on {expires}"
                    ),
                )
                .hint("check both dates: `effective` is the first day in force, `expires` the last")
            })
        })
        .collect()
}

/// Each policy's default-language file and its front matter.
fn policies<'a>(
    ctx: &'a Ctx,
) -> impl Iterator<Item = (&'a SourceFile, &'a crate::content::schema::PolicyFm)> {
    ctx.site
        .collection(Collection::Policies)
        .iter()
        .filter_map(|&id| {
            let file = ctx.site.source(id);
            match &file.front_matter {
                FrontMatter::Policy(p) => Some((file, p)),
                _ => None,
            }
        })
}

/// Officials whose card has no phone, mobile or e-mail address.
fn unreachable_officials(ctx: &Ctx) -> Vec<Diagnostic> {
    ctx.site
        .collection(Collection::Officials)
        .iter()
        .filter_map(|&id| {
            let file = ctx.site.source(id);
            let FrontMatter::Official(o) = &file.front_matter else {
                return None;
            };
            (o.phone.is_none() && o.mobile.is_none() && o.email.is_none()).then(|| {
                file.warning_at(
                    "name",
                    None,
                    "the card has no `phone`, `mobile` or `email`: an investor cannot reach this official",
                )
                .hint("add at least one, e.g. `phone: \"+86 816 000 0000\"` or `email: name@example.gov.cn`")
            })
        })
        .collect()
}

/// Industries that no park, policy or official lists: their pages show no
/// parks, policies or contacts.
fn unreferenced_industries(ctx: &Ctx) -> Vec<Diagnostic> {
    unreferenced(
        ctx,
        Collection::Industries,
        &[Collection::Parks, Collection::Policies, Collection::Officials],
        "no park, policy or official lists this industry; its page shows no parks, policies or contacts",
        "add `industries: [{slug}]` to the parks, policies and officials it belongs to",
    )
}

/// Parks that no official covers: their pages name no one to contact.
fn uncovered_parks(ctx: &Ctx) -> Vec<Diagnostic> {
    unreferenced(
        ctx,
        Collection::Parks,
        &[Collection::Officials],
        "no official covers this park; its page names no one to contact",
        "add `parks: [{slug}]` to the official responsible for it, in content/officials/",
    )
}

/// Entries of `collection` that no entry of `by` refers to. `{slug}` in
/// `hint` is replaced by the entry's slug.
fn unreferenced(
    ctx: &Ctx,
    collection: Collection,
    by: &[Collection],
    message: &str,
    hint: &str,
) -> Vec<Diagnostic> {
    if ctx.has_errors {
        return Vec::new();
    }
    ctx.site
        .collection(collection)
        .iter()
        .filter(|&&id| by.iter().all(|&c| ctx.site.referrers(id, c).is_empty()))
        .map(|&id| {
            let file = ctx.site.source(id);
            file.warning_at(collection.title_field(), None, message)
                .hint(hint.replace("{slug}", &ctx.site.entries[id].slug))
        })
        .collect()
}

/// The text fields that `fm` fills in: what a translation is expected to
/// translate, as the schema's table of fields says (`Kind::translated`).
/// Numbers, dates, phones, e-mail, WeChat IDs, document numbers, slugs,
/// files and switches are the same in every language, so they are written
/// once and left out here. An empty text or list is as good as left out.
fn text_fields(fm: &FrontMatter, collection: Collection) -> Vec<&'static str> {
    let values = serde_json::to_value(fm).unwrap_or_default();
    let filled = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => !s.trim().is_empty(),
        serde_json::Value::Array(items) => !items.is_empty(),
        serde_json::Value::Null => false,
        _ => true,
    };
    fields::of(collection)
        .iter()
        .filter(|f| f.kind.translated() && filled(&values[f.name]))
        .map(|f| f.name)
        .collect()
}

/// The `content/`-relative paths of officials' photos and WeChat QR codes,
/// which the card stage publishes only as resized copies.
fn resized_files(site: &Site) -> HashSet<String> {
    site.collection(Collection::Officials)
        .iter()
        .filter_map(
            |&id| match &site.entries[id].default_variant().front_matter {
                FrontMatter::Official(o) => Some([&o.photo, &o.wechat_qr]),
                _ => None,
            },
        )
        .flatten()
        .flatten()
        .map(|file| format!("officials/{}", file.trim_start_matches("./")))
        .collect()
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

/// The entry a file of `content/` belongs to: `content/parks/east-zone.en.md`
/// → (parks, east-zone).
fn entry_of_path(path: &Path) -> Option<(Collection, String)> {
    let mut parts = path.iter().filter_map(|p| p.to_str());
    if parts.next()? != "content" {
        return None;
    }
    let collection = Collection::from_dir(parts.next()?)?;
    let name = parts.next()?.strip_suffix(".md")?;
    Some((collection, name.split('.').next()?.to_owned()))
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

/// A language's English name, for messages: "the Chinese text is shown".
fn language_name(lang: &str) -> String {
    let name = match lang.split('-').next().unwrap_or(lang) {
        "zh" => "Chinese",
        "en" => "English",
        "ja" => "Japanese",
        "ko" => "Korean",
        "ru" => "Russian",
        "fr" => "French",
        "de" => "German",
        "es" => "Spanish",
        "pt" => "Portuguese",
        "ar" => "Arabic",
        "vi" => "Vietnamese",
        "th" => "Thai",
        _ => return format!("`{lang}`"),
    };
    name.to_owned()
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

    #[test]
    fn finds_the_entry_of_a_file() {
        assert_eq!(
            entry_of_path(Path::new("content/parks/east-zone.en.md")),
            Some((Collection::Parks, "east-zone".to_owned()))
        );
        assert_eq!(entry_of_path(Path::new("content/site.yaml")), None);
        assert_eq!(entry_of_path(Path::new("themes/x.html")), None);
    }
}
