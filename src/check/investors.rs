//! What goes stale in the investor collections while the site builds
//! fine: land still marked available long after its date, a signed project
//! without its signing date, and an event the published site still lists
//! as coming after it took place (the list is made at build time, so it is
//! right only until the next build).

use std::path::Path;

use crate::content::schema::{Collection, FrontMatter};
use crate::content::states::CarrierStatus;
use crate::diagnostics::Diagnostic;

use super::Ctx;

/// Carriers marked available whose `available_from` is more than a year
/// past: most likely taken, and an investor would call for nothing.
pub(super) fn stale_carriers(ctx: &Ctx) -> Vec<Diagnostic> {
    let year_ago = ctx.today.saturating_sub(jiff::Span::new().years(1));
    entries(ctx, Collection::Carriers)
        .filter_map(|(file, fm)| {
            let FrontMatter::Carrier(c) = fm else { return None };
            let since = c.available_from?.0;
            let available = c.status.is_none_or(|s| s == CarrierStatus::Available);
            (available && since < year_ago).then(|| {
                file.warning_at(
                    "available_from",
                    None,
                    format!("marked available since {since}, more than a year ago"),
                )
                .hint("check that it is still free: update `status` (reserved, taken) or `available_from`")
            })
        })
        .collect()
}

/// Signed, building or operating projects without a `signed` date.
pub(super) fn unsigned_projects(ctx: &Ctx) -> Vec<Diagnostic> {
    entries(ctx, Collection::Projects)
        .filter_map(|(file, fm)| {
            let FrontMatter::Project(p) = fm else {
                return None;
            };
            let status = p.status?;
            (status.is_signed() && p.signed.is_none()).then(|| {
                file.warning_at(
                    "status",
                    None,
                    format!(
                        "the project is `{}` but has no `signed` date",
                        status.word()
                    ),
                )
                .hint("add `signed: YYYY-MM-DD`, the day the agreement was signed")
            })
        })
        .collect()
}

/// Past events that the published site (the output folder, as last built)
/// still shows under "coming".
pub(super) fn past_events_listed_as_coming(ctx: &Ctx) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for (lang_index, lang) in ctx.site.languages().iter().enumerate() {
        let list = ctx
            .urls
            .output_file(lang, crate::urls::Target::List(Collection::Events));
        let Some(coming) = coming_section(&ctx.output.join(list)) else {
            continue;
        };
        for &id in ctx.site.collection(Collection::Events) {
            let entry = &ctx.site.entries[id];
            let FrontMatter::Event(e) = &entry.variant(lang_index).front_matter else {
                continue;
            };
            let Some(last) = e.end.or(e.date) else {
                continue;
            };
            let href = format!("href=\"{}/\"", entry.slug);
            if last.date < ctx.today && coming.contains(&href) {
                let file = ctx.site.source(id);
                found.push(
                    file.warning_at(
                        "date",
                        None,
                        format!(
                            "the event took place on {}, but the published `{lang}` events page still lists it as coming",
                            last.date
                        ),
                    )
                    .hint("rebuild and publish the site (`hui build`) and it moves to past events; a daily scheduled build keeps the list right"),
                );
            }
        }
    }
    found
}

/// The "coming" group of a built events page, when there is one.
fn coming_section(page: &Path) -> Option<String> {
    let html = std::fs::read_to_string(page).ok()?;
    let start = html.find("id=\"coming\"")?;
    let rest = &html[start..];
    let end = rest.find("id=\"past\"").unwrap_or(rest.len());
    Some(rest[..end].to_owned())
}

fn entries<'a>(
    ctx: &'a Ctx,
    collection: Collection,
) -> impl Iterator<Item = (&'a crate::content::SourceFile, &'a FrontMatter)> {
    ctx.site.collection(collection).iter().map(|&id| {
        let file = ctx.site.source(id);
        (file, &file.front_matter)
    })
}
