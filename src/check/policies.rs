//! The dates of policies: ones past their `expires` date, which the page
//! calls no longer in force, and ones that take effect after they expire.
//! Both build fine; only the calendar says something is wrong.

use crate::content::schema::{Collection, FrontMatter};
use crate::content::SourceFile;
use crate::diagnostics::Diagnostic;

use super::Ctx;

/// Policies whose `expires` date has passed: the page calls them expired.
pub(super) fn expired_policies(ctx: &Ctx) -> Vec<Diagnostic> {
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
pub(super) fn policy_dates(ctx: &Ctx) -> Vec<Diagnostic> {
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
