//! Linking: parsed files → a validated [`Site`].
//!
//! This is the cross-link stage, kept apart from rendering (as in Zola's
//! `Library`): it pairs each default-language file with its translations and
//! applies inheritance, drops drafts, checks required fields and files named in
//! front matter, resolves references by slug through an index, and records the
//! reverse links so each side of a reference can show the other.

mod aliases;
mod files;
mod references;
mod rules;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use crate::config::SiteConfig;
use crate::content::schema::{Collection, FrontMatter};
use crate::content::{Asset, LoadedContent, SourceFile};
use crate::diagnostics::{Diagnostic, Diagnostics};
use aliases::link_aliases;
use files::check_files;
use references::{resolve, Known};

/// An entry's default-language file and its translations.
type Sources = (SourceFile, Vec<SourceFile>);

/// Index of an entry in [`Site::entries`].
pub type EntryId = usize;

/// One language version of an entry, after inheritance.
#[derive(Debug, Clone)]
pub struct Variant {
    pub lang: String,
    pub front_matter: FrontMatter,
    pub body: crate::content::Span,
    /// The language the body is written in (differs when it fell back).
    pub body_lang: String,
    /// The file the body comes from, and its first body line.
    pub body_path: PathBuf,
    pub body_first_line: usize,
    /// Whether this language has its own file; if not, everything fell back.
    pub translated: bool,
}

impl Variant {
    pub fn title(&self) -> &str {
        self.front_matter.title().unwrap_or_default()
    }
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub collection: Collection,
    pub slug: String,
    /// One per site language, in the order of `languages`.
    pub variants: Vec<Variant>,
    /// References written in this entry's front matter, by the
    /// collection they point at, each list in the order written.
    pub references: Vec<(Collection, Vec<EntryId>)>,
    /// Entries whose front matter refers to this one.
    pub referenced_by: Vec<EntryId>,
    pub weight: i64,
    /// Old slugs that redirect to this entry (officials' `aliases`).
    pub aliases: Vec<String>,
    /// The default-language source, for messages.
    pub path: PathBuf,
}

impl Entry {
    pub fn variant(&self, lang_index: usize) -> &Variant {
        &self.variants[lang_index]
    }

    pub fn default_variant(&self) -> &Variant {
        &self.variants[0]
    }

    /// The entries of `target` this entry's front matter names.
    pub fn refs(&self, target: Collection) -> &[EntryId] {
        self.references
            .iter()
            .find(|(c, _)| *c == target)
            .map_or(&[], |(_, ids)| ids.as_slice())
    }

    /// The industries this entry names.
    pub fn industries(&self) -> &[EntryId] {
        self.refs(Collection::Industries)
    }

    /// The parks this entry names.
    pub fn parks(&self) -> &[EntryId] {
        self.refs(Collection::Parks)
    }
}

/// The whole site, validated and cross-linked, ready to render.
#[derive(Debug)]
pub struct Site {
    pub config: SiteConfig,
    pub entries: Vec<Entry>,
    pub assets: Vec<Asset>,
    /// The default-language file of each entry, by [`EntryId`]: later stages
    /// point their messages at its lines.
    sources: Vec<SourceFile>,
    /// The translation files of each entry, by [`EntryId`], as written (before
    /// inheritance): `hui check` compares the fields they set with the
    /// default-language file's.
    translations: Vec<Vec<SourceFile>>,
    /// Entries of each collection, in display order (weight, then slug).
    by_collection: HashMap<Collection, Vec<EntryId>>,
}

impl Site {
    pub fn collection(&self, collection: Collection) -> &[EntryId] {
        self.by_collection
            .get(&collection)
            .map_or(&[], Vec::as_slice)
    }

    pub fn source(&self, id: EntryId) -> &SourceFile {
        &self.sources[id]
    }

    /// The translation file of entry `id` for `lang`, if there is one. It may
    /// be a draft that the build left out: see [`Variant::translated`].
    pub fn translation(&self, id: EntryId, lang: &str) -> Option<&SourceFile> {
        self.translations[id]
            .iter()
            .find(|t| t.lang.as_deref() == Some(lang))
    }

    pub fn languages(&self) -> &[String] {
        &self.config.languages
    }

    /// Entries of `collection` among those that refer to `id`.
    pub fn referrers(&self, id: EntryId, collection: Collection) -> Vec<EntryId> {
        self.entries[id]
            .referenced_by
            .iter()
            .copied()
            .filter(|r| self.entries[*r].collection == collection)
            .collect()
    }
}

#[derive(Debug, Clone, Copy, Default)]
pub struct LinkOptions {
    pub drafts: bool,
}

/// Slugs that the site's own pages take inside a collection: collection,
/// slug, what takes it, and a name to suggest instead.
const RESERVED_SLUGS: &[(Collection, &str, &str, &str)] = &[
    (
        Collection::Officials,
        "print",
        "the card sheets (/card/print/)",
        "print-office.md",
    ),
    (
        Collection::Parks,
        "compare",
        "the page that compares the parks (/parks/compare/)",
        "compare-park.md",
    ),
];

/// Free-page slugs that would shadow the site's own paths.
const RESERVED_PAGE_SLUGS: &[&str] = &[
    "industries",
    "parks",
    "policies",
    "officials",
    "projects",
    "carriers",
    "events",
    "card",
    "search",
    "guide",
    "assets",
    "pages",
    "404",
    "sitemap",
    "robots",
];

/// Builds the [`Site`]; returns `None` when the site cannot be rendered.
pub fn link(
    root: &Path,
    loaded: LoadedContent,
    options: LinkOptions,
    diags: &mut Diagnostics,
) -> Option<Site> {
    let config = loaded.config?;
    let mut broken = loaded.broken;
    let languages = config.languages.clone();
    let content_dir = root.join("content");

    let mut groups: BTreeMap<(Collection, String), (Option<SourceFile>, Vec<SourceFile>)> =
        BTreeMap::new();
    for file in loaded.files {
        let group = groups
            .entry((file.collection, file.slug.clone()))
            .or_default();
        match file.lang {
            None => group.0 = Some(file),
            Some(_) => group.1.push(file),
        }
    }

    // Pass 1: entries with their language variants.
    let mut entries = Vec::new();
    let mut sources: Vec<Sources> = Vec::new();
    let mut drafts: HashMap<(Collection, String), PathBuf> = HashMap::new();
    for ((collection, slug), (default, translations)) in groups {
        let Some(default) = default else {
            if broken.contains(&(collection, slug.clone())) {
                continue;
            }
            for t in &translations {
                diags.push(
                    Diagnostic::error(&t.path, format!("translation without a default-language file `{slug}.md`"))
                        .at(1, 1)
                        .hint(format!(
                            "create content/{}/{slug}.md in `{}` (the default language), which this file translates",
                            collection.dir(),
                            languages[0]
                        )),
                );
            }
            continue;
        };
        if default.front_matter.draft() && !options.drafts {
            drafts.insert((collection, slug), default.path.clone());
            continue;
        }
        check_files(&content_dir, &default, diags);
        for t in &translations {
            check_files(&content_dir, t, diags);
        }
        if collection == Collection::Pages
            && (RESERVED_PAGE_SLUGS.contains(&slug.as_str()) || languages.contains(&slug))
        {
            diags.push(
                Diagnostic::error(
                    &default.path,
                    format!("the page slug `{slug}` is taken by the site's own pages"),
                )
                .hint(format!("rename the file, e.g. to `{slug}-info.md`")),
            );
            continue;
        }
        if let Some((_, _, owner, example)) = RESERVED_SLUGS
            .iter()
            .find(|(c, reserved, _, _)| *c == collection && slug == *reserved)
        {
            diags.push(
                Diagnostic::error(
                    &default.path,
                    format!("the slug `{slug}` is taken by {owner}"),
                )
                .hint(format!("rename the file, e.g. to `{example}`")),
            );
            continue;
        }
        if default.front_matter.title().is_none() {
            let field = collection.title_field();
            diags.push(
                Diagnostic::error(&default.path, format!("missing required field `{field}`"))
                    .at(default.yaml_first_line.saturating_sub(1).max(1), 1)
                    .hint(format!("add `{field}: …` between the `---` lines"))
                    .with_source(&default.text),
            );
            broken.insert((collection, slug));
            continue;
        }
        if !rules::check(&default, diags) {
            broken.insert((collection, slug));
            continue;
        }
        let variants = languages
            .iter()
            .enumerate()
            .map(|(i, lang)| {
                make_variant(
                    i,
                    lang,
                    &languages[0],
                    &default,
                    &translations,
                    options,
                    diags,
                )
            })
            .collect();
        entries.push(Entry {
            collection,
            slug,
            variants,
            references: Vec::new(),
            referenced_by: Vec::new(),
            aliases: Vec::new(),
            weight: default.front_matter.weight(),
            path: default.path.clone(),
        });
        sources.push((default, translations));
    }

    // Display order: collection, weight, slug; sources move alongside.
    let mut paired: Vec<(Entry, Sources)> = entries.into_iter().zip(sources).collect();
    paired.sort_by(|(a, _), (b, _)| {
        (a.collection, a.weight, &a.slug).cmp(&(b.collection, b.weight, &b.slug))
    });
    let (mut entries, sources): (Vec<Entry>, Vec<Sources>) = paired.into_iter().unzip();

    let index: HashMap<(Collection, &str), EntryId> = entries
        .iter()
        .enumerate()
        .map(|(id, e)| ((e.collection, e.slug.as_str()), id))
        .collect();

    // Pass 2: references, through the index.
    let known = Known {
        index: &index,
        drafts: &drafts,
        broken: &broken,
        entries: &entries,
    };
    let resolved: Vec<Vec<(Collection, Vec<EntryId>)>> = sources
        .iter()
        .map(|(default, translations)| {
            for t in translations {
                warn_on_own_references(t, default, diags);
            }
            resolve_all(default, &known, diags)
        })
        .collect();
    for (id, references) in resolved.into_iter().enumerate() {
        for (_, targets) in &references {
            for &target in targets {
                if !entries[target].referenced_by.contains(&id) {
                    entries[target].referenced_by.push(id);
                }
            }
        }
        entries[id].references = references;
    }

    link_aliases(&mut entries, &sources, &drafts, diags);

    let mut by_collection: HashMap<Collection, Vec<EntryId>> = HashMap::new();
    for (id, e) in entries.iter().enumerate() {
        by_collection.entry(e.collection).or_default().push(id);
    }

    let (sources, translations) = sources.into_iter().unzip();
    Some(Site {
        config,
        entries,
        assets: loaded.assets,
        sources,
        translations,
        by_collection,
    })
}

/// Resolves every reference field of `file`, grouped by the collection it
/// points at (two fields naming the same collection share one list).
fn resolve_all(
    file: &SourceFile,
    known: &Known,
    diags: &mut Diagnostics,
) -> Vec<(Collection, Vec<EntryId>)> {
    let mut grouped: Vec<(Collection, Vec<EntryId>)> = Vec::new();
    for (field, target, slugs) in file.front_matter.references() {
        let ids = resolve(file, field, target, slugs, known, diags);
        match grouped.iter_mut().find(|(c, _)| *c == target) {
            Some((_, list)) => {
                for id in ids {
                    if !list.contains(&id) {
                        list.push(id);
                    }
                }
            }
            None => grouped.push((target, ids)),
        }
    }
    grouped
}

/// References are facts of the entry, taken from the default-language file:
/// a translation that gives other ones is told so.
fn warn_on_own_references(t: &SourceFile, default: &SourceFile, diags: &mut Diagnostics) {
    for (field, _, theirs) in t.front_matter.references() {
        if theirs != default.front_matter.slugs(field) {
            diags.push(
                t.warning_at(field, None, format!("`{field}` differs from {}; references are taken from the default-language file", default.path.display()))
                    .hint(format!("remove `{field}` from this translation; it inherits the list")),
            );
        }
    }
}

fn make_variant(
    lang_index: usize,
    lang: &str,
    default_lang: &str,
    default: &SourceFile,
    translations: &[SourceFile],
    options: LinkOptions,
    diags: &mut Diagnostics,
) -> Variant {
    let default_lang_variant = || Variant {
        lang: lang.to_owned(),
        front_matter: default.front_matter.clone(),
        body: default.body.clone(),
        body_lang: default_lang.to_owned(),
        body_path: default.path.clone(),
        body_first_line: default.body_first_line,
        translated: lang_index == 0,
    };
    if lang_index == 0 {
        return default_lang_variant();
    }
    let translation = translations
        .iter()
        .find(|t| t.lang.as_deref() == Some(lang))
        .filter(|t| options.drafts || !t.front_matter.draft());
    let Some(t) = translation else {
        let expected = default
            .path
            .with_file_name(format!("{}.{lang}.md", default.slug));
        diags.push(
            Diagnostic::warning(
                &default.path,
                format!(
                    "no `{lang}` translation; the `{lang}` page shows the default-language text"
                ),
            )
            .hint(format!(
                "add {} with the translated fields and text",
                expected.display()
            )),
        );
        return default_lang_variant();
    };
    let front_matter = t.front_matter.clone().inherit(&default.front_matter);
    let own_body = !t.body.trim().is_empty();
    if !own_body {
        diags.push(
            Diagnostic::warning(
                &t.path,
                "the translation has no text; the page shows the default-language text",
            )
            .at(t.body_first_line.saturating_sub(1).max(1), 1)
            .hint("write the translated text below the closing `---`"),
        );
    }
    Variant {
        lang: lang.to_owned(),
        front_matter,
        body: if own_body {
            t.body.clone()
        } else {
            default.body.clone()
        },
        body_lang: if own_body { lang } else { default_lang }.to_owned(),
        body_path: if own_body {
            t.path.clone()
        } else {
            default.path.clone()
        },
        body_first_line: if own_body {
            t.body_first_line
        } else {
            default.body_first_line
        },
        translated: true,
    }
}
