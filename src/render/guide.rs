//! The printed guide (`/guide/`, `/en/guide/`): the whole guide as one page
//! made for print, to hand out at fairs. A cover (title, organisation,
//! date, the QR code of the site), a table of contents, the overview from
//! the home page, then a section per collection (industries with their
//! chains, parks, policies, carriers, projects, officials' contacts).
//!
//! Entries' texts are rendered again here, with links from this page and
//! with their headings and ids made this page's own: several entries'
//! "Overview" headings share a slug, and an id must be unique in a page.

use serde::Serialize;

use super::views::{Card, EntryView};
use super::Ctx;
use crate::card::qr::Qr;
use crate::content::schema::Collection;
use crate::link::EntryId;
use crate::markdown;
use crate::urls::Target;

/// Collections whose entries the guide prints in full, in its order.
const FULL: [Collection; 3] = [
    Collection::Industries,
    Collection::Parks,
    Collection::Policies,
];
/// Collections the guide prints as a table of their facts.
const TABLES: [Collection; 3] = [
    Collection::Carriers,
    Collection::Projects,
    Collection::Events,
];
/// Above this many entries a collection is printed as a list of titles
/// and summaries: a guide of a thousand policies is not printed, and the
/// page would take as long to render as the rest of the site.
const FULL_TEXT_MAX: usize = 60;

#[derive(Serialize)]
pub struct GuideView<'a> {
    /// The build date, as the site writes dates.
    pub date: String,
    /// The absolute address of this language's home page, and its QR code,
    /// when `base_url` is set.
    pub address: Option<String>,
    pub qr: Option<QrCode>,
    pub sections: Vec<GuideSection<'a>>,
    pub officials: Vec<Card<'a>>,
}

#[derive(Serialize)]
pub struct QrCode {
    /// viewBox side, in modules.
    pub size: usize,
    pub path: String,
}

/// One collection's part of the guide.
#[derive(Serialize)]
pub struct GuideSection<'a> {
    pub collection: Collection,
    /// `full`: every entry with its text; `table`: a row of facts each;
    /// `list`: titles and summaries (a collection too long to print).
    pub layout: &'static str,
    pub entries: Vec<GuideEntry<'a>>,
}

#[derive(Serialize)]
pub struct GuideEntry<'a> {
    pub card: Card<'a>,
    /// The entry's anchor in the guide.
    pub anchor: String,
    /// In full sections: the entry's fields and derived values, its text
    /// and its chain diagram, with this page's ids.
    pub entry: Option<EntryView<'a>>,
    pub body: Option<String>,
    pub chain_svg: Option<String>,
    /// `lang` of the text, when it is another language's.
    pub content_lang: Option<String>,
    pub body_lang: Option<String>,
}

impl Ctx<'_> {
    pub fn guide_view(&self) -> GuideView<'_> {
        let address = self.urls.absolute(self.lang, Target::Home);
        let qr = address.as_deref().and_then(|a| Qr::encode(a).ok());
        let mut sections = Vec::new();
        for collection in FULL.into_iter().chain(TABLES) {
            let ids = self.site.collection(collection);
            if ids.is_empty() {
                continue;
            }
            let layout = if TABLES.contains(&collection) {
                "table"
            } else if ids.len() <= FULL_TEXT_MAX {
                "full"
            } else {
                "list"
            };
            let entries = ids
                .iter()
                .map(|&id| self.guide_entry(id, layout == "full"))
                .collect();
            sections.push(GuideSection {
                collection,
                layout,
                entries,
            });
        }
        GuideView {
            date: self.today.to_string(),
            address,
            qr: qr.map(|qr| QrCode {
                size: qr.size(),
                path: qr.svg_path(),
            }),
            sections,
            officials: self.cards(self.site.collection(Collection::Officials)),
        }
    }

    fn guide_entry(&self, id: EntryId, full: bool) -> GuideEntry<'_> {
        let entry = &self.site.entries[id];
        let anchor = format!("{}-{}", entry.collection.dir(), entry.slug);
        let mut out = GuideEntry {
            card: self.card(id),
            anchor,
            entry: None,
            body: None,
            chain_svg: None,
            content_lang: None,
            body_lang: None,
        };
        if !full {
            return out;
        }
        let variant = entry.variant(self.lang_index);
        if !variant.translated {
            out.content_lang = Some(self.html_lang_of(self.default_lang()));
        } else if variant.body_lang != variant.lang {
            out.body_lang = Some(self.html_lang_of(&variant.body_lang));
        }
        let lang = &variant.body_lang;
        // The entry page reports the text's problems; here they would be
        // said twice.
        let rendered = markdown::render(&variant.body, &|link| {
            let rooted = self.urls.resolve_body_link(lang, entry.collection, link);
            self.urls.relative(&self.here, &rooted)
        });
        let prefix = format!("{}-", out.anchor);
        out.body = Some(prefix_ids(&demote_headings(&rendered.html), &prefix));
        let view = self.entry_view(id);
        out.chain_svg = view.chain.as_ref().map(|c| prefix_ids(&c.svg, &prefix));
        out.entry = Some(view);
        out
    }
}

/// Headings two levels down: in the guide an entry's title is an `<h3>`
/// under its collection's `<h2>`, so its text's `##` becomes an `<h4>`.
/// Markdown's raw HTML is shown as text, so every `<h` here is a heading.
fn demote_headings(html: &str) -> String {
    let mut out = html.to_owned();
    for level in (1..=6).rev() {
        let to = (level + 2).min(6);
        out = out
            .replace(&format!("<h{level}"), &format!("<h{to}"))
            .replace(&format!("</h{level}>"), &format!("</h{to}>"));
    }
    out
}

/// Makes the ids of an entry's text (headings, footnotes, a diagram's
/// title and pattern) and the links to them its own in the guide. Text
/// that looks like an attribute is escaped in the HTML (`id=&quot;`), so
/// only real attributes change.
fn prefix_ids(html: &str, prefix: &str) -> String {
    let mut out = html
        .replace("id=\"", &format!("id=\"{prefix}"))
        .replace("href=\"#", &format!("href=\"#{prefix}"))
        .replace("url(#", &format!("url(#{prefix}"));
    // `aria-labelledby` names several ids.
    let marker = "aria-labelledby=\"";
    let mut done = String::with_capacity(out.len());
    while let Some(start) = out.find(marker) {
        let value_start = start + marker.len();
        let Some(len) = out[value_start..].find('"') else {
            break;
        };
        done.push_str(&out[..value_start]);
        let ids: Vec<String> = out[value_start..value_start + len]
            .split_whitespace()
            .map(|id| format!("{prefix}{id}"))
            .collect();
        done.push_str(&ids.join(" "));
        out = out[value_start + len..].to_owned();
    }
    done.push_str(&out);
    done
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_go_two_levels_down() {
        assert_eq!(
            demote_headings("<h2 id=\"a\">A</h2><h5>B</h5><p>x</p>"),
            "<h4 id=\"a\">A</h4><h6>B</h6><p>x</p>"
        );
    }

    #[test]
    fn ids_and_the_links_to_them_get_the_prefix() {
        let html = "<h2 id=\"a\">A</h2><a href=\"#a\">up</a><a href=\"../x/\">x</a>\
            <svg aria-labelledby=\"t d\"><title id=\"t\">T</title><rect fill=\"url(#p)\"/></svg>\
            <p>id=&quot;b&quot;</p>";
        assert_eq!(
            prefix_ids(html, "k-"),
            "<h2 id=\"k-a\">A</h2><a href=\"#k-a\">up</a><a href=\"../x/\">x</a>\
            <svg aria-labelledby=\"k-t k-d\"><title id=\"k-t\">T</title><rect fill=\"url(#k-p)\"/></svg>\
            <p>id=&quot;b&quot;</p>"
        );
    }
}
