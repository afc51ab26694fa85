//! What `hui new` checks before it writes: the collection and slug it was
//! given, and the site it adds to, read as `hui build` reads it.
//!
//! Every refusal names the file it concerns and the command or edit that
//! fixes it, because `hui new` is often an editor's first command.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::content::schema::Collection;
use crate::content::values::{is_slug, suggest_slug};
use crate::diagnostics::{closest, display_path, Diagnostic, Diagnostics};

pub(super) fn parse_collection(name: &str) -> Result<Collection, Diagnostic> {
    if let Some(collection) = Collection::from_dir(name) {
        return Ok(collection);
    }
    let known = Collection::ALL.map(Collection::dir);
    let list = known.join(", ");
    let hint = match closest(name, known) {
        Some(c) => format!("did you mean `{c}`? The collections are {list}"),
        None => format!("the collections are {list}"),
    };
    Err(Diagnostic::error(
        Path::new("content").join(name),
        format!("`{name}` is not a collection"),
    )
    .hint(hint))
}

/// Refuses a slug that is not one, suggesting the exact command to run
/// instead (pinyin for a Chinese name).
pub(super) fn check_new_slug(
    root: &Path,
    collection: Collection,
    slug: &str,
) -> Result<(), Diagnostic> {
    if is_slug(slug) {
        return Ok(());
    }
    let suggestion = suggest_slug(slug.strip_suffix(".md").unwrap_or(slug));
    let dir = collection.dir();
    let mut command = format!("hui new {dir} {suggestion}");
    if root != Path::new(".") {
        command.push_str(&format!(" --root {}", quoted(&display_path(root))));
    }
    let mut hint = format!("run `{command}`");
    if !slug.is_ascii() {
        let title = collection.title_field();
        hint.push_str(&format!(
            ", and write {slug} in the file's `{title}:` field"
        ));
    }
    Err(Diagnostic::error(
        Path::new("content").join(dir).join(format!("{slug}.md")),
        format!(
            "`{slug}` is not a valid slug: slugs use only lowercase ASCII letters, digits and hyphens, because the slug is the file name and the page's address"
        ),
    )
    .hint(hint))
}

/// Quotes a path for a shell command when it needs it.
fn quoted(path: &str) -> String {
    if path.contains(char::is_whitespace) {
        format!("\"{path}\"")
    } else {
        path.to_owned()
    }
}

/// What `hui new` needs to know about the site it adds to.
pub(super) struct Existing {
    pub(super) languages: Vec<String>,
    /// Published slugs per collection (default-language files, not drafts).
    pub(super) slugs: BTreeMap<Collection, Vec<String>>,
    /// Officials' old slugs and the files that claim them.
    aliases: Vec<(String, PathBuf)>,
}

impl Existing {
    /// A new official whose slug is another card's alias would break the
    /// build, and the old link that alias keeps alive.
    pub(super) fn check_alias_clash(
        &self,
        collection: Collection,
        slug: &str,
    ) -> Result<(), Diagnostic> {
        let clash = self
            .aliases
            .iter()
            .find(|(alias, _)| collection == Collection::Officials && alias == slug);
        match clash {
            None => Ok(()),
            Some((_, file)) => Err(Diagnostic::error(
                Path::new("content/officials").join(format!("{slug}.md")),
                format!(
                    "`{slug}` is an alias of {}: its old card link redirects there",
                    display_path(file)
                ),
            )
            .hint("choose another slug, or remove the alias from that file first")),
        }
    }
}

/// Reads the site through the same loader as `hui build`, so `hui new` sees
/// the languages (and the problems of site.yaml) exactly as a build does.
pub(super) fn read_site(root: &Path) -> Result<Existing, Diagnostic> {
    let mut diags = Diagnostics::new();
    let loaded = crate::content::load(root, &mut diags);
    let Some(config) = loaded.config else {
        return Err(site_problem(diags));
    };
    let mut slugs: BTreeMap<Collection, Vec<String>> = BTreeMap::new();
    let mut aliases = Vec::new();
    for file in loaded.files.iter().filter(|f| f.lang.is_none()) {
        if !file.front_matter.draft() {
            slugs
                .entry(file.collection)
                .or_default()
                .push(file.slug.clone());
        }
        for alias in file.front_matter.aliases() {
            aliases.push((alias.0.clone(), file.path.clone()));
        }
    }
    Ok(Existing {
        languages: config.languages,
        slugs,
        aliases,
    })
}

/// The first problem with `content/` or site.yaml, which explains why the
/// site's settings could not be read.
fn site_problem(diags: Diagnostics) -> Diagnostic {
    let site_yaml = Path::new("content/site.yaml");
    let found = diags
        .into_iter()
        .find(|d| d.is_error() && (d.path == site_yaml || d.path == Path::new("content/")));
    match found {
        Some(d) if d.path == site_yaml => {
            let why = "hui new needs a valid content/site.yaml to know the site's languages";
            let hint = match &d.hint {
                Some(hint) => format!("{hint}; {why}"),
                None => format!("fix it: {why}"),
            };
            d.hint(hint)
        }
        Some(d) => d,
        None => Diagnostic::error(site_yaml, "cannot read the site's settings")
            .hint("fix content/site.yaml, or start a new site with `hui init DIR`"),
    }
}
