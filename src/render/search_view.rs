//! What the search page and a card's "ask me" box show and hand to
//! `search.js`: UI texts, collection names, the questions a card suggests
//! and which pages its official covers.

use serde::Serialize;

use crate::content::schema::Collection;
use crate::link::{EntryId, Site};
use crate::search::COLLECTIONS;
use crate::urls::Target;

use super::Ctx;

/// The search page's data.
#[derive(Serialize)]
pub struct SearchView {
    /// The list pages, for visitors without JavaScript.
    pub lists: Vec<(String, String)>,
    pub directory: String,
}

/// A card's "ask me" box.
#[derive(Serialize)]
pub struct AskView {
    /// Questions to ask with one tap.
    pub suggestions: Vec<String>,
    /// Index numbers of the pages the official covers, space-separated.
    pub prefer: String,
    /// The card's own index number: it is not an answer to itself.
    pub own: Option<usize>,
}

/// Each entry's number in a language's search index: the index holds the
/// searchable entries in entry order (see `render_site`).
pub fn index_numbers(site: &Site, lang_index: usize) -> Vec<Option<usize>> {
    let mut next = 0;
    site.entries
        .iter()
        .map(|e| {
            e.variant(lang_index).front_matter.searchable().then(|| {
                next += 1;
                next - 1
            })
        })
        .collect()
}

/// The texts `search.js` shows in a language, and the collections' names:
/// they travel in the index's first file rather than in every page.
pub fn ui_texts(strings: Option<&crate::theme::Strings>) -> serde_json::Value {
    let t = |key: &str| -> serde_json::Value {
        strings
            .and_then(|s| s.get(key))
            .map_or_else(|| key.into(), |v| v.as_str().into())
    };
    let labels: serde_json::Map<String, serde_json::Value> = COLLECTIONS
        .iter()
        .map(|c| (c.dir().to_owned(), t(c.dir())))
        .collect();
    let mut text = serde_json::Map::new();
    for key in ["title", "loading", "failed", "none", "one", "many", "all"] {
        text.insert(key.into(), t(&format!("search_{key}")));
    }
    for key in ["loading", "none", "found", "contact"] {
        text.insert(format!("ask_{key}"), t(&format!("ask_{key}")));
    }
    serde_json::json!({ "labels": labels, "text": text })
}

impl Ctx<'_> {
    pub(super) fn search_view(&self) -> SearchView {
        let mut lists: Vec<(String, String)> = super::listed(self.site)
            .map(|c| (self.t(c.dir()), self.href(Target::List(c))))
            .collect();
        lists.insert(0, (self.t("home"), self.href(Target::Home)));
        SearchView {
            lists,
            directory: self.href(Target::List(Collection::Officials)),
        }
    }

    /// The ask box of official `id`: three questions about what the
    /// official covers, and the pages to prefer in answers (the industries
    /// and parks covered, and the policies for those industries).
    pub(super) fn ask_view(&self, id: EntryId) -> AskView {
        let site = self.site;
        let entry = &site.entries[id];
        let title = |e: EntryId| site.entries[e].variant(self.lang_index).title().to_owned();
        let ask = |key: &str, e: EntryId| self.t(key).replace("{name}", &title(e));
        let mut suggestions = Vec::new();
        if let Some(&industry) = entry.industries().first() {
            suggestions.push(ask("ask_q_policies", industry));
        }
        if let Some(&park) = entry.parks().first() {
            suggestions.push(ask("ask_q_land", park));
        }
        if let Some(&industry) = entry.industries().get(1) {
            suggestions.push(ask("ask_q_policies", industry));
        }
        if let Some(&industry) = entry.industries().first() {
            suggestions.push(ask("ask_q_companies", industry));
        }
        for key in ["ask_q_general_1", "ask_q_general_2", "ask_q_general_3"] {
            suggestions.push(self.t(key));
        }
        suggestions.truncate(3);

        let numbers = &self.shared.index_numbers;
        let policies = site
            .collection(Collection::Policies)
            .iter()
            .copied()
            .filter(|p| {
                site.entries[*p]
                    .industries()
                    .iter()
                    .any(|i| entry.industries().contains(i))
            });
        let covered: Vec<EntryId> = entry
            .industries()
            .iter()
            .chain(entry.parks())
            .copied()
            .chain(policies)
            .collect();
        let prefer = covered
            .iter()
            .filter_map(|e| numbers[*e])
            .map(|n| n.to_string())
            .collect::<Vec<_>>()
            .join(" ");
        AskView {
            suggestions,
            prefer,
            own: numbers[id],
        }
    }
}
