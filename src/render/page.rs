//! One page: its template context (the [`PageView`] every template gets,
//! with what the page's kind adds), its template, and its HTML written
//! into the sink.

use serde::Serialize;
use tera::Context;

use super::{listed, lists, Ctx, Page, PageOutcome, COMPARED};
use crate::content::schema::Collection;
use crate::diagnostics::Diagnostic;
use crate::link::{EntryId, Site};
use crate::markdown;
use crate::output::{write_error, Sink};
use crate::search::Doc;
use crate::urls::Target;

/// A link to one language version of the current page.
#[derive(Serialize)]
pub struct Alternate {
    pub lang: String,
    pub hreflang: String,
    pub name: String,
    /// For `href` in the page: a path under the base URL.
    pub href: String,
    /// Absolute when `base_url` is set: for `<link rel=alternate>`.
    pub permalink: String,
    pub current: bool,
}

#[derive(Serialize)]
pub struct NavItem {
    /// Whether the footer repeats it: home, the officials' directory and
    /// the free pages (the header has the rest, and every byte counts on
    /// a card page).
    pub footer: bool,
    pub title: String,
    pub url: String,
    pub current: bool,
}

/// Entries of each collection on the home page (first by weight); each
/// section links to its full list.
const HOME_ITEMS: usize = 6;

/// What a page looks like to templates, beyond the entry itself.
#[derive(Serialize)]
struct PageView {
    kind: &'static str,
    title: String,
    /// For `<title>`: the page title and the site's, when short enough for
    /// search results (70 characters), else the page title alone.
    head_title: String,
    description: Option<String>,
    url: String,
    permalink: String,
    alternates: Vec<Alternate>,
    x_default: String,
    /// `lang` of the page (`zh-CN`, `en`).
    lang: String,
    /// Set when the page shows another language's text: its `lang` value.
    content_lang: Option<String>,
    body_lang: Option<String>,
    body: String,
    collection: Option<Collection>,
    noindex: bool,
    /// Open Graph: `website`, or `profile` for cards.
    og_type: &'static str,
    /// `og:url`: only when `base_url` makes it absolute.
    og_url: Option<String>,
    og_locale: String,
    og_locale_alternates: Vec<String>,
    /// `og:image`, absolute when `base_url` is set.
    image: Option<String>,
    /// The card an alias page redirects to.
    redirect: Option<Redirect>,
    /// The way up to the site's root from this page (`../../`), for the
    /// search scripts, which must also work from `file://`.
    root: String,
}

#[derive(Serialize)]
struct Redirect {
    url: String,
}

fn template_for(site: &Site, page: Page) -> &'static str {
    match page {
        Page::Home => "index.html",
        Page::List(Collection::Officials) => "officials.html",
        Page::List(c) if lists::GROUPED.contains(&c) => "grouped.html",
        Page::List(_) => "list.html",
        Page::NotFound => "404.html",
        Page::Search => "search.html",
        Page::CardSheet(_) => "card-sheet.html",
        Page::Compare(_) => "parks-compare.html",
        Page::Guide => "guide.html",
        Page::Alias(..) => "redirect.html",
        Page::Entry(id) => match site.entries[id].collection {
            Collection::Industries => "industry.html",
            Collection::Parks => "park.html",
            Collection::Policies => "policy.html",
            Collection::Officials => "official.html",
            Collection::Pages => "page.html",
            Collection::Projects => "project.html",
            Collection::Carriers => "carrier.html",
            Collection::Events => "event.html",
        },
    }
}

/// Renders and writes one page; returns what to report and, for a
/// searchable page, its search document.
pub(super) fn render_page(ctx: &Ctx, page: Page, sink: &dyn Sink) -> (PageOutcome, Option<Doc>) {
    let mut problems = Vec::new();
    let mut doc = None;
    let context = page_context(ctx, page, &mut problems, &mut doc);
    let template = template_for(ctx.site, page);
    match ctx.theme.tera.render(template, &context) {
        Ok(html) => {
            let html = tidy_whitespace(&html);
            let rel = ctx.urls.output_file(ctx.lang, ctx.target(page));
            if let Err(e) = sink.write(&rel, html.as_bytes()) {
                problems.push(write_error(&rel, &e));
            }
        }
        Err(err) => problems.push(crate::theme::template_error(&err, &ctx.theme.sources)),
    }
    (
        PageOutcome {
            problems,
            doc: None,
        },
        doc,
    )
}

/// Drops the indentation, trailing whitespace and runs of blank lines that
/// templates leave behind, except inside `<pre>` and `<textarea>`, where it
/// is content. A line break still separates what the indentation did, so
/// the page reads the same; a card page is about a kilobyte lighter.
fn tidy_whitespace(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut verbatim = 0usize;
    let mut blank_run = false;
    for line in html.lines() {
        let kept = if verbatim > 0 { line } else { line.trim() };
        let blank = kept.is_empty();
        if !(blank && blank_run && verbatim == 0) {
            out.push_str(kept);
            out.push('\n');
        }
        blank_run = blank;
        // Most lines have no `<pre` or `<textarea`: look only where a tag
        // could start with `p`/`t` or close with `/`.
        if line.contains("<pre")
            || line.contains("<textarea")
            || (verbatim > 0 && line.contains("</"))
        {
            let opens = line.matches("<pre").count() + line.matches("<textarea").count();
            let closes = line.matches("</pre>").count() + line.matches("</textarea>").count();
            verbatim = (verbatim + opens).saturating_sub(closes);
        }
    }
    out
}

/// The template context of a page; an entry page also leaves its search
/// document in `doc`.
fn page_context(
    ctx: &Ctx,
    page: Page,
    problems: &mut Vec<Diagnostic>,
    doc: &mut Option<Doc>,
) -> Context {
    let site = ctx.site;
    let target = ctx.target(page);
    let mut context = Context::new();
    context.insert("lang", ctx.lang);
    context.insert_value("site", ctx.shared.site.clone());
    context.insert_value("t", ctx.shared.t.clone());
    context.insert("nav", &nav(ctx, page));
    let list_url: std::collections::BTreeMap<&str, String> = listed(site)
        .map(|c| (c.dir(), ctx.href(Target::List(c))))
        .collect();
    context.insert("list_url", &list_url);

    let default_lang = ctx.default_lang();
    let alternates: Vec<Alternate> = site
        .languages()
        .iter()
        .map(|l| Alternate {
            lang: l.clone(),
            hreflang: ctx.html_lang_of(l),
            name: ctx
                .theme
                .strings
                .get(l)
                .and_then(|s| s.get("language_name"))
                .cloned()
                .unwrap_or_else(|| l.to_uppercase()),
            href: ctx.href_in(l, target),
            permalink: ctx.urls.permalink(l, target),
            current: l == ctx.lang,
        })
        .collect();
    let mut view = PageView {
        kind: "",
        title: String::new(),
        head_title: String::new(),
        description: site
            .config
            .description
            .get(ctx.lang, default_lang)
            .map(str::to_owned),
        url: ctx.href(target),
        permalink: ctx.urls.permalink(ctx.lang, target),
        alternates,
        x_default: ctx.urls.permalink(default_lang, target),
        lang: ctx.html_lang_of(ctx.lang),
        content_lang: None,
        body_lang: None,
        body: String::new(),
        collection: None,
        noindex: false,
        og_type: "website",
        og_url: ctx.urls.absolute(ctx.lang, target),
        og_locale: ctx.og_locale_of(ctx.lang),
        og_locale_alternates: site
            .languages()
            .iter()
            .filter(|l| *l != ctx.lang)
            .map(|l| ctx.og_locale_of(l))
            .collect(),
        image: None,
        redirect: None,
        root: ctx.urls.to_root(ctx.lang, target),
    };
    match page {
        Page::Home => {
            view.kind = "home";
            view.title = site
                .config
                .title
                .get(ctx.lang, default_lang)
                .unwrap_or_default()
                .to_owned();
            for c in listed(site) {
                let ids = site.collection(c);
                context.insert(c.dir(), &ctx.cards(&ids[..ids.len().min(HOME_ITEMS)]));
            }
            let (coming, latest) = ctx.home_events(3);
            context.insert("events_coming", &coming);
            context.insert("events_latest", &latest);
            context.insert("stats", &ctx.site_stats());
            context.insert("costs", &ctx.site_costs());
            context.insert("guide_url", &ctx.href(Target::Guide));
            let menu: Vec<EntryId> = menu_pages(site);
            context.insert("pages", &ctx.cards(&menu));
        }
        Page::List(c) => {
            view.kind = "list";
            view.collection = Some(c);
            view.title = ctx.t(c.dir());
            if let Some(intro) = ctx
                .theme
                .strings
                .get(ctx.lang)
                .and_then(|s| s.get(&format!("{}_intro", c.dir())))
            {
                view.description = Some(intro.clone());
            }
            if lists::GROUPED.contains(&c) {
                context.insert("grouped", &ctx.grouped(c));
            } else if c == Collection::Officials {
                context.insert("items", &ctx.directory_cards(site.collection(c)));
                context.insert("by_industry", &ctx.contact_groups(Collection::Industries));
                context.insert("by_park", &ctx.contact_groups(Collection::Parks));
            } else {
                context.insert("items", &ctx.cards(site.collection(c)));
            }
            if COMPARED.contains(&c) {
                context.insert("compare_url", &ctx.href(Target::Compare(c)));
            }
        }
        Page::Entry(id) => {
            let entry = &site.entries[id];
            let variant = entry.variant(ctx.lang_index);
            view.kind = "entry";
            view.collection = Some(entry.collection);
            view.title = variant.title().to_owned();
            if let Some(summary) = variant.front_matter.summary() {
                view.description = Some(summary.to_owned());
            }
            if !variant.translated {
                view.content_lang = Some(ctx.html_lang_of(default_lang));
            } else if variant.body_lang != variant.lang {
                view.body_lang = Some(ctx.html_lang_of(&variant.body_lang));
            }
            let lang = &variant.body_lang;
            let rendered = markdown::render(&variant.body, &|link| {
                let rooted = ctx.urls.resolve_body_link(lang, entry.collection, link);
                ctx.urls.relative(&ctx.here, &rooted)
            });
            for w in rendered.warnings {
                problems.push(
                    Diagnostic::warning(&variant.body_path, w.message)
                        .at_line(variant.body_first_line + w.line)
                        .hint(w.hint),
                );
            }
            view.body = rendered.html;
            if ctx.shared.search {
                *doc = ctx.search_doc(id, rendered.sections);
            }
            let entry_view = ctx.entry_view(id);
            if let Some(card) = &entry_view.card {
                view.og_type = "profile";
                view.image = card.photo.as_ref().map(|p| p.share.clone());
            } else if let Some((_, path)) = variant
                .front_matter
                .files()
                .into_iter()
                .find(|(field, _)| *field == "image")
            {
                let rel = format!(
                    "{}/{}",
                    entry.collection.dir(),
                    path.trim_start_matches("./")
                );
                view.image = Some(ctx.urls.permalink(ctx.lang, Target::File(&rel)));
            }
            context.insert("entry", &entry_view);
            context.insert("related", &ctx.related(id));
        }
        Page::Alias(id, _) => {
            let entry = &site.entries[id];
            let card = Target::Entry(entry.collection, &entry.slug);
            view.kind = "redirect";
            view.title = entry.variant(ctx.lang_index).title().to_owned();
            view.permalink = ctx.urls.permalink(ctx.lang, card);
            view.noindex = true;
            let url = ctx.href(card);
            view.redirect = Some(Redirect { url });
        }
        Page::NotFound => {
            view.kind = "404";
            view.title = ctx.t("not_found_title");
            view.noindex = true;
        }
        Page::CardSheet(one) => {
            view.kind = "card-sheet";
            view.noindex = true;
            view.title = match one {
                Some(id) => format!(
                    "{} · {}",
                    site.entries[id].variant(ctx.lang_index).title(),
                    ctx.t("card_sheet_title")
                ),
                None => ctx.t("card_sheet_title"),
            };
            context.insert("sheets", &ctx.card_sheets(one));
        }
        Page::Compare(c) => {
            // Listed in the sitemap like a list page; like one, it has no
            // search document: the entries it shows have their own.
            view.kind = "compare";
            view.collection = Some(c);
            view.title = ctx.t(&format!("{}_compare", c.dir()));
            view.description = Some(ctx.t(&format!("{}_compare_intro", c.dir())));
            context.insert("compare", &ctx.compare_view());
        }
        Page::Guide => {
            // For print: what it shows, the entry pages have, and are
            // what search engines should send people to.
            view.kind = "guide";
            view.noindex = true;
            view.title = ctx.t("guide_title");
            context.insert("guide", &ctx.guide_view());
            context.insert("stats", &ctx.site_stats());
            context.insert("costs", &ctx.site_costs());
        }
        Page::Search => {
            // Indexable, with its canonical link (without `?q=`) standing
            // for every search: the way search engines want result pages.
            view.kind = "search";
            view.title = ctx.t("search_title");
            context.insert("search", &ctx.search_view());
        }
    }
    let site_title = site
        .config
        .title
        .get(ctx.lang, default_lang)
        .unwrap_or_default();
    let combined = format!("{} | {site_title}", view.title);
    view.head_title = if view.kind == "home" || view.title == site_title {
        site_title.to_owned()
    } else if combined.chars().count() <= 70 {
        combined
    } else {
        view.title.clone()
    };
    context.insert("page", &view);
    context
}

fn menu_pages(site: &Site) -> Vec<EntryId> {
    site.collection(Collection::Pages)
        .iter()
        .copied()
        .filter(|&id| {
            matches!(&site.entries[id].default_variant().front_matter,
                crate::content::schema::FrontMatter::Page(p) if p.menu.unwrap_or(false))
        })
        .collect()
}

fn nav(ctx: &Ctx, page: Page) -> Vec<NavItem> {
    let current_collection = match page {
        Page::List(c) | Page::Compare(c) => Some(c),
        Page::Entry(id) => Some(ctx.site.entries[id].collection),
        _ => None,
    };
    let mut items = vec![NavItem {
        footer: true,
        title: ctx.t("home"),
        url: ctx.href(Target::Home),
        current: page == Page::Home,
    }];
    for c in listed(ctx.site) {
        items.push(NavItem {
            footer: c == Collection::Officials,
            title: ctx.t(c.dir()),
            url: ctx.href(Target::List(c)),
            current: current_collection == Some(c),
        });
    }
    for id in menu_pages(ctx.site) {
        let e = &ctx.site.entries[id];
        items.push(NavItem {
            footer: true,
            title: e.variant(ctx.lang_index).title().to_owned(),
            url: ctx.href(Target::Entry(e.collection, &e.slug)),
            current: page == Page::Entry(id),
        });
    }
    items
}
