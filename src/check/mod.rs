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
//!
//! The lints live beside this file by what they look at: [`links`] the links
//! and images in bodies, with [`resolve`] working out where a link leads;
//! [`translations`] the texts a translation leaves out; [`policies`] the
//! dates of policies; [`dead_ends`] the pages that leave an investor with no
//! one to contact. This file holds what they share: the [`Ctx`] built once
//! from the site.

mod dead_ends;
mod investors;
mod links;
mod policies;
mod resolve;
mod translations;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::content::schema::{Collection, FrontMatter};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::link::{EntryId, Site};
use crate::markdown::Rendered;
use crate::urls::Urls;
use crate::BuildOptions;
use dead_ends::{uncovered_parks, unreachable_officials, unreferenced_industries};
use investors::{past_events_listed_as_coming, stale_carriers, unsigned_projects};
use links::{broken_images, broken_links};
use policies::{expired_policies, policy_dates};
use translations::untranslated_fields;

/// Runs every check on the site described by `options`.
pub fn check(options: &BuildOptions) -> Diagnostics {
    let (report, site) = crate::build_into(options, &crate::output::NullSink);
    let mut diagnostics = report.diagnostics;
    if let Some(site) = site {
        let today = options.today.unwrap_or_else(crate::build_date);
        let output = options
            .output
            .clone()
            .unwrap_or_else(|| options.root.join("public"));
        let ctx = Ctx::new(&site, &options.root, output, today, &diagnostics);
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
    stale_carriers,
    unsigned_projects,
    past_events_listed_as_coming,
    unreachable_officials,
    unreferenced_industries,
    uncovered_parks,
];

/// What the lints share: the site, and what is worked out once from it.
struct Ctx<'a> {
    site: &'a Site,
    today: jiff::civil::Date,
    /// The output folder as last built, which some lints compare with.
    output: PathBuf,
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
        output: PathBuf,
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
            output,
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

#[cfg(test)]
mod tests {
    use super::*;

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
