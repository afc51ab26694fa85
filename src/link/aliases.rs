//! Officials' `aliases`: old slugs kept alive after a rename, because a
//! card's QR code may already be printed. Each becomes a redirect, so each
//! is checked against every other card's slug and alias.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::{Entry, EntryId, Sources};
use crate::content::schema::Collection;
use crate::diagnostics::Diagnostics;

/// Checks officials' `aliases` and records them on their entries.
///
/// An alias becomes a redirect page at `/card/<alias>/`, so it must not be a
/// slug in use (published or draft) nor another official's alias: either
/// would make two cards claim one printed QR code.
pub(super) fn link_aliases(
    entries: &mut [Entry],
    sources: &[Sources],
    drafts: &HashMap<(Collection, String), PathBuf>,
    diags: &mut Diagnostics,
) {
    let slugs: HashMap<&str, &Path> = entries
        .iter()
        .filter(|e| e.collection == Collection::Officials)
        .map(|e| (e.slug.as_str(), e.path.as_path()))
        .chain(
            drafts
                .iter()
                .filter(|((c, _), _)| *c == Collection::Officials)
                .map(|((_, slug), path)| (slug.as_str(), path.as_path())),
        )
        .collect();
    let mut claimed: HashMap<String, PathBuf> = HashMap::new();
    let mut accepted: Vec<(EntryId, String)> = Vec::new();
    for (id, (default, _)) in sources.iter().enumerate() {
        for alias in default.front_matter.aliases() {
            let alias = alias.as_str();
            let problem = if alias == entries[id].slug {
                Some((
                    format!("the alias `{alias}` is this card's own slug"),
                    "remove it: `aliases` lists old slugs that should redirect here".to_owned(),
                ))
            } else if let Some(other) = slugs.get(alias) {
                Some((
                    format!(
                        "the alias `{alias}` is the slug of another card, {}",
                        other.display()
                    ),
                    format!("remove `{alias}` from `aliases`, or rename {} so the old link can redirect here", other.display()),
                ))
            } else if let Some(other) = claimed.get(alias) {
                if *other == default.path {
                    continue;
                }
                Some((
                    format!(
                        "the alias `{alias}` is also an alias of {}",
                        other.display()
                    ),
                    "keep the alias on one card only: an old link can redirect to one place"
                        .to_owned(),
                ))
            } else {
                None
            };
            match problem {
                Some((message, hint)) => {
                    diags.push(default.error_at("aliases", Some(alias), message).hint(hint))
                }
                None => {
                    claimed.insert(alias.to_owned(), default.path.clone());
                    accepted.push((id, alias.to_owned()));
                }
            }
        }
    }
    for (id, alias) in accepted {
        entries[id].aliases.push(alias);
    }
}
