//! Pages that leave an investor with no one to contact and nothing to
//! follow: officials whose card has no phone, mobile or e-mail, industries
//! that no park, policy or official lists, and parks that no official
//! covers. The site builds either way; these say where it falls short.

use crate::content::schema::{Collection, FrontMatter};
use crate::diagnostics::Diagnostic;

use super::Ctx;

/// Officials whose card has no phone, mobile or e-mail address.
pub(super) fn unreachable_officials(ctx: &Ctx) -> Vec<Diagnostic> {
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
pub(super) fn unreferenced_industries(ctx: &Ctx) -> Vec<Diagnostic> {
    unreferenced(
        ctx,
        Collection::Industries,
        &[Collection::Parks, Collection::Policies, Collection::Officials],
        "no park, policy or official lists this industry; its page shows no parks, policies or contacts",
        "add `industries: [{slug}]` to the parks, policies and officials it belongs to",
    )
}

/// Parks that no official covers: their pages name no one to contact.
pub(super) fn uncovered_parks(ctx: &Ctx) -> Vec<Diagnostic> {
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
