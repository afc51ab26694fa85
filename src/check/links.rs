//! The links and images in Markdown bodies that lead nowhere: pages,
//! anchors and files the site does not have, links to an official's old
//! address, and images loaded from another host. A build lets them through
//! because the page still renders; the reader finds out by clicking.
//!
//! Where a link leads is worked out in [`super::resolve`]; this module turns
//! what it finds into warnings at the link's line and column.

use crate::content::schema::Collection;
use crate::content::SourceFile;
use crate::diagnostics::{closest, Diagnostic};
use crate::link::EntryId;
use crate::markdown::{BodyLink, Rendered};

use super::resolve::{Dest, FileState};
use super::Ctx;

/// A Markdown body that an editor wrote, in the file it is in.
pub(super) struct Body<'a> {
    pub(super) id: EntryId,
    /// The language the body is written in.
    pub(super) lang_index: usize,
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

impl Ctx<'_> {
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
}

/// Links in bodies to pages, anchors and files that do not exist, and links
/// to an official's old address.
pub(super) fn broken_links(ctx: &Ctx) -> Vec<Diagnostic> {
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
pub(super) fn broken_images(ctx: &Ctx) -> Vec<Diagnostic> {
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
