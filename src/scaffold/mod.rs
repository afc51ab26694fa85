//! `hui new` and `hui init`: new entries and new sites, written from the
//! content schema so that every field is shown with an example.
//!
//! Both commands write entries from the schema's table of fields
//! ([`crate::content::fields`]): a new entry and the sample site explain
//! each field in the same words as `hui check` and the README.
//!
//! An editor is not expected to read the README before the first entry, so
//! every field carries a comment in the file's own language, and whatever
//! the scaffold leaves active builds without errors or warnings: made-up facts
//! (phones, dates), references and files stay commented out in a new entry
//! until the editor fills them in.

mod entry;
mod existing;
mod site;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::content::schema::Collection;
use crate::diagnostics::Diagnostic;

use entry::{entry_files, sample_slug, Mode};
use existing::{check_new_slug, parse_collection, read_site};
use site::{ensure_gitignore, prepare_empty_dir, PAGES_WORKFLOW, SITE_YAML};

pub use site::PAGES_WORKFLOW_PATH;

/// Writes `<slug>.md` and its translations into `root/content/<collection>/`;
/// returns the files written.
///
/// Nothing is written unless every file can be: an existing file is never
/// overwritten, and a site whose `site.yaml` cannot be read is refused,
/// because the site's languages decide which files to write.
pub fn new_entry(root: &Path, collection: &str, slug: &str) -> Result<Vec<PathBuf>, Diagnostic> {
    let collection = parse_collection(collection)?;
    check_new_slug(root, collection, slug)?;
    let site = read_site(root)?;
    site.check_alias_clash(collection, slug)?;
    let mode = Mode::Blank {
        existing: &site.slugs,
    };
    let files = entry_files(collection, slug, &site.languages, &mode);
    refuse_existing(root, &files)?;
    write_all(root, &files)
}

/// Creates a new site in `dir`; returns the files written.
///
/// The site has one sample entry per collection in Chinese and English,
/// cross-referenced, so that every kind of page and link can be seen at once
/// and replaced piece by piece. It builds as it is; the only warning is the
/// missing `base_url`, which the editor cannot know in advance.
pub fn init(dir: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    prepare_empty_dir(dir)?;
    let languages = ["zh".to_owned(), "en".to_owned()];
    let mut files = vec![
        Planned {
            rel: PathBuf::from("content/site.yaml"),
            text: SITE_YAML.to_owned(),
        },
        Planned {
            rel: PathBuf::from(PAGES_WORKFLOW_PATH),
            text: PAGES_WORKFLOW.to_owned(),
        },
    ];
    for collection in Collection::ALL {
        files.extend(entry_files(
            collection,
            sample_slug(collection),
            &languages,
            &Mode::Sample,
        ));
    }
    refuse_existing(dir, &files)?;
    let mut written = write_all(dir, &files)?;
    written.extend(ensure_gitignore(dir)?);
    Ok(written)
}

/// A file to write, relative to the site root.
#[derive(Debug)]
struct Planned {
    rel: PathBuf,
    text: String,
}

/// Refuses to write when any of the files exists, before writing any.
fn refuse_existing(root: &Path, files: &[Planned]) -> Result<(), Diagnostic> {
    let Some(existing) = files
        .iter()
        .find(|f| root.join(&f.rel).symlink_metadata().is_ok())
    else {
        return Ok(());
    };
    Err(Diagnostic::error(
        &existing.rel,
        "the file already exists; nothing was written",
    )
    .hint("edit the existing file, or choose another slug"))
}

/// Writes every file, creating folders as needed. `create_new` keeps even a
/// file that appeared since the check.
fn write_all(root: &Path, files: &[Planned]) -> Result<Vec<PathBuf>, Diagnostic> {
    let mut written = Vec::with_capacity(files.len());
    for file in files {
        let path = root.join(&file.rel);
        let result = path
            .parent()
            .map_or(Ok(()), fs::create_dir_all)
            .and_then(|()| {
                fs::OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .open(&path)
            })
            .and_then(|mut f| f.write_all(file.text.as_bytes()));
        if let Err(e) = result {
            return Err(
                Diagnostic::error(&file.rel, format!("cannot write the file: {e}"))
                    .hint("check that the folder exists and that you may write to it"),
            );
        }
        written.push(path);
    }
    Ok(written)
}
