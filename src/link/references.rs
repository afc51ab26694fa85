//! References between entries: the slugs an entry's `industries` and
//! `parks` name, resolved through the index of published entries. A slug
//! that names a draft is a warning and one that names a file already
//! reported as broken is left alone, so one mistake gives one message.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use super::{Entry, EntryId};
use crate::content::schema::Collection;
use crate::content::SourceFile;
use crate::diagnostics::{closest, Diagnostics};

/// What a reference may point at.
pub(super) struct Known<'a> {
    pub(super) index: &'a HashMap<(Collection, &'a str), EntryId>,
    pub(super) drafts: &'a HashMap<(Collection, String), PathBuf>,
    pub(super) broken: &'a HashSet<(Collection, String)>,
    pub(super) entries: &'a [Entry],
}

pub(super) fn resolve(
    file: &SourceFile,
    field: &str,
    target: Collection,
    slugs: &[crate::content::values::Slug],
    known: &Known,
    diags: &mut Diagnostics,
) -> Vec<EntryId> {
    let Known {
        index,
        drafts,
        broken,
        entries,
    } = known;
    let mut ids = Vec::new();
    for slug in slugs {
        match index.get(&(target, slug.as_str())) {
            Some(&id) => {
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            // Already reported as broken: do not pile up errors.
            None if broken.contains(&(target, slug.0.clone())) => {}
            None if drafts.contains_key(&(target, slug.0.clone())) => {
                diags.push(
                    file.warning_at(
                        field,
                        Some(slug.as_str()),
                        format!("`{slug}` is a draft; the reference is left out"),
                    )
                    .hint("publish it (remove `draft: true`) or build with `--drafts` to preview"),
                );
            }
            None => {
                let known: Vec<&str> = entries
                    .iter()
                    .filter(|e| e.collection == target)
                    .map(|e| e.slug.as_str())
                    .collect();
                let hint = match closest(slug.as_str(), known.iter().copied()) {
                    Some(c) => format!(
                        "did you mean `{c}`? The known {} are: {}",
                        target.dir(),
                        known.join(", ")
                    ),
                    None if known.is_empty() => format!(
                        "there are no {} yet; add content/{}/{slug}.md",
                        target.dir(),
                        target.dir()
                    ),
                    None => format!("the known {} are: {}", target.dir(), known.join(", ")),
                };
                diags.push(
                    file.error_at(
                        field,
                        Some(slug.as_str()),
                        format!("unknown {} `{slug}` in `{field}`", target.singular()),
                    )
                    .hint(hint),
                );
            }
        }
    }
    ids
}
