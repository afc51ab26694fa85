//! What an entry page gives the search index: its text as the page shows
//! it, made while the page renders, so that the Markdown is parsed once.

use crate::card::name::PersonName;
use crate::content::schema::FrontMatter;
use crate::content::values::Text;
use crate::link::EntryId;
use crate::markdown::Section;
use crate::search::Doc;
use crate::urls::Target;

use super::Ctx;

impl Ctx<'_> {
    /// The page of entry `id` in this language as a search document, or
    /// `None` when its front matter says `search: false`.
    pub(super) fn search_doc(&self, id: EntryId, sections: Vec<Section>) -> Option<Doc> {
        let site = self.site;
        let entry = &site.entries[id];
        let variant = entry.variant(self.lang_index);
        let fm = &variant.front_matter;
        if !fm.searchable() {
            return None;
        }
        let texts = |list: &Option<Vec<Text>>| -> Vec<String> {
            list.iter().flatten().map(|t| t.0.clone()).collect()
        };
        let mut fields: Vec<String> = Vec::new();
        let mut codes = Vec::new();
        let mut facts: Vec<String> = Vec::new();
        let mut head = fm.summary().unwrap_or_default().to_owned();
        let mut push = |value: Option<&Text>| {
            if let Some(v) = value {
                fields.push(v.0.clone());
            }
        };
        match fm {
            FrontMatter::Industry(v) => {
                push(v.summary.as_ref());
                fields.extend(texts(&v.key_companies));
                for stat in v.stats.iter().flatten() {
                    facts.push(format!("{} {}", stat.label.0, stat.value.0));
                }
            }
            FrontMatter::Park(v) => {
                push(v.summary.as_ref());
                push(v.address.as_ref());
                facts.extend(texts(&v.highlights));
            }
            FrontMatter::Policy(v) => {
                push(v.summary.as_ref());
                push(v.issuer.as_ref());
                push(v.document_number.as_ref());
                push(v.handling_office.as_ref());
                codes.extend(v.document_number.as_ref().map(|d| d.0.clone()));
                facts.extend(texts(&v.incentives));
                facts.extend(texts(&v.eligibility));
            }
            FrontMatter::Official(v) => {
                push(v.position.as_ref());
                push(v.organization.as_ref());
                head = [v.position.as_ref(), v.organization.as_ref()]
                    .into_iter()
                    .flatten()
                    .map(|t| t.0.as_str())
                    .collect::<Vec<_>>()
                    .join(" · ");
                fields.extend(self.name_forms(id));
            }
            FrontMatter::Page(v) => push(v.summary.as_ref()),
            FrontMatter::Project(v) => {
                push(v.summary.as_ref());
                push(v.cooperation.as_ref());
                push(v.partner.as_ref());
            }
            FrontMatter::Carrier(v) => {
                push(v.summary.as_ref());
                push(v.land_use.as_ref());
            }
            FrontMatter::Event(v) => {
                push(v.summary.as_ref());
                push(v.location.as_ref());
            }
        }
        for &other in entry.references.iter().flat_map(|(_, ids)| ids) {
            fields.push(
                site.entries[other]
                    .variant(self.lang_index)
                    .title()
                    .to_owned(),
            );
        }
        let facts = facts.join("；");
        if head.is_empty() {
            head = facts.clone();
        }
        let url = self.urls.site_relative(self.lang, self.target_of_entry(id));
        Some(Doc {
            url,
            title: variant.title().to_owned(),
            collection: entry.collection,
            fields,
            codes,
            facts,
            head,
            sections,
        })
    }

    fn target_of_entry(&self, id: EntryId) -> Target<'_> {
        let e = &self.site.entries[id];
        Target::Entry(e.collection, &e.slug)
    }

    /// An official's name in every language of the site, and romanised in
    /// both orders, spaced and not (`王明`, `Wang Ming`, `ming wang`,
    /// `wangming`, `mingwang`), so that any way a visitor types it matches.
    fn name_forms(&self, id: EntryId) -> Vec<String> {
        let entry = &self.site.entries[id];
        let mut names: Vec<String> = entry
            .variants
            .iter()
            .map(|v| v.title().to_owned())
            .collect();
        let chinese = names
            .iter()
            .find(|n| n.chars().any(crate::card::name::is_han))
            .cloned();
        let person = PersonName::parse(chinese.as_deref().unwrap_or(&names[0]), chinese.as_deref())
            .romanised();
        let (family, given) = (person.family.to_lowercase(), person.given.to_lowercase());
        if !family.is_empty() && !given.is_empty() {
            names.push(format!("{family} {given} {family}{given} {given}{family}"));
        }
        names.sort();
        names.dedup();
        names
    }
}
