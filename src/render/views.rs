//! What templates see: small serialisable views built from the linked site.
//!
//! Templates never get the domain types; they get these views, whose fields
//! are documented in the README's theme section.

use serde::Serialize;

use crate::content::amounts::number;
use crate::content::schema::{Collection, FrontMatter};
use crate::link::{EntryId, Site};
use crate::urls::Target;

use super::Ctx;

/// An entry as shown in a list or as a related link.
#[derive(Serialize)]
pub struct Card<'a> {
    pub collection: Collection,
    pub slug: &'a str,
    pub title: &'a str,
    pub summary: Option<&'a str>,
    pub url: String,
    /// Set when the text is the default language's (no translation).
    pub lang: Option<String>,
    pub position: Option<&'a str>,
    pub organization: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub phone_dial: Option<String>,
    pub email: Option<&'a str>,
    pub initials: Option<String>,
    /// Officials: the small photo (1×, 2×) when there is one.
    pub photo: Option<String>,
    pub photo_2x: Option<String>,
    /// Officials: what the directory filter matches (names in every
    /// language, position, industries and parks), lower-cased.
    pub keywords: Option<String>,
    pub status: Option<&'static str>,
    /// Projects, carriers and events: a status or kind (its word, for the
    /// style, and its name), short facts, and the values filters compare.
    pub badge: Option<(&'static str, String)>,
    pub facts: Vec<String>,
    pub data: Vec<(&'static str, String)>,
}

/// Entries related to the current one, by collection.
#[derive(Serialize, Default)]
pub struct Related<'a> {
    pub industries: Vec<Card<'a>>,
    pub parks: Vec<Card<'a>>,
    pub policies: Vec<Card<'a>>,
    pub projects: Vec<Card<'a>>,
    pub carriers: Vec<Card<'a>>,
    pub events: Vec<Card<'a>>,
    pub officials: Vec<Card<'a>>,
}

/// The entry of an entry page: its front matter plus derived values.
#[derive(Serialize)]
pub struct EntryView<'a> {
    pub collection: Collection,
    pub slug: &'a str,
    pub title: &'a str,
    /// The front-matter fields as written (after inheritance).
    pub fields: &'a FrontMatter,
    pub status: Option<&'static str>,
    pub delivery: Option<&'static str>,
    pub phone_dial: Option<String>,
    pub mobile_dial: Option<String>,
    pub hotline_dial: Option<String>,
    pub map_url: Option<String>,
    pub initials: Option<String>,
    /// URLs of the files named in front matter, by field (`image`, `attachment`…).
    /// An official's `photo` and `wechat_qr` are not here: the card has
    /// resized copies.
    pub files: std::collections::BTreeMap<&'static str, String>,
    /// Officials only: the card's files, QR code and structured data.
    pub card: Option<super::card::CardView>,
    /// Officials only: the "ask me" box.
    pub ask: Option<super::search_view::AskView>,
    /// Values shown otherwise than written, in this language: sums,
    /// prices, areas (with 亩 for land), an event's time.
    pub shown: std::collections::BTreeMap<&'static str, String>,
    /// Industries: the chain diagram and its links as text.
    pub chain: Option<super::chain::ChainView>,
    /// Parks: the operating costs.
    pub costs: Vec<super::costs::CostView>,
}

impl Ctx<'_> {
    pub fn card(&self, id: EntryId) -> Card<'_> {
        let entry = &self.site.entries[id];
        let variant = entry.variant(self.lang_index);
        let fm = &variant.front_matter;
        let mut card = Card {
            collection: entry.collection,
            slug: &entry.slug,
            title: variant.title(),
            summary: fm.summary(),
            url: self.href(Target::Entry(entry.collection, &entry.slug)),
            lang: (!variant.translated).then(|| self.html_lang_of(self.default_lang())),
            position: None,
            organization: None,
            phone: None,
            phone_dial: None,
            email: None,
            initials: None,
            photo: None,
            photo_2x: None,
            keywords: None,
            status: None,
            badge: None,
            facts: Vec::new(),
            data: Vec::new(),
        };
        match fm {
            FrontMatter::Official(o) => {
                card.summary = None;
                card.position = o.position.as_ref().map(|t| t.as_str());
                card.organization = o.organization.as_ref().map(|t| t.as_str());
                let phone = o.phone.as_ref().or(o.mobile.as_ref());
                card.phone = phone.map(|p| p.0.as_str());
                card.phone_dial = phone.map(|p| p.dial());
                card.email = o.email.as_ref().map(|e| e.0.as_str());
                card.initials = Some(initials(variant.title()));
                if self.cards.get(id).is_some_and(|c| c.photo) {
                    let [small, large, _] = crate::card::PHOTO_SIZES;
                    let file = |size| {
                        self.href(Target::SharedEntryFile(
                            entry.collection,
                            &entry.slug,
                            &crate::card::photo_file(size),
                        ))
                    };
                    card.photo = Some(file(small));
                    card.photo_2x = Some(file(large));
                }
            }
            FrontMatter::Policy(p) => {
                card.status = Some(self.policy_status(p));
                self.card_facts(id, &mut card);
            }
            FrontMatter::Project(_) | FrontMatter::Carrier(_) | FrontMatter::Event(_) => {
                self.card_facts(id, &mut card)
            }
            _ => {}
        }
        card
    }

    pub fn cards(&self, ids: &[EntryId]) -> Vec<Card<'_>> {
        ids.iter().map(|&id| self.card(id)).collect()
    }

    /// Officials' cards with the words the directory filter matches. Only
    /// the directory has them: they name the industries and parks of each
    /// official, which other pages do not show (so need not be rebuilt for).
    pub fn directory_cards(&self, ids: &[EntryId]) -> Vec<Card<'_>> {
        ids.iter()
            .map(|&id| Card {
                keywords: Some(self.official_keywords(id)),
                ..self.card(id)
            })
            .collect()
    }

    /// What an entry page lists besides itself: the entries it names and
    /// those that name it, by collection, and the officials to contact.
    pub fn related(&self, id: EntryId) -> Related<'_> {
        let site: &Site = self.site;
        let entry = &site.entries[id];
        let both = |c: Collection| {
            let mut ids = entry.refs(c).to_vec();
            for r in site.referrers(id, c) {
                if !ids.contains(&r) {
                    ids.push(r);
                }
            }
            self.cards(&ids)
        };
        Related {
            industries: both(Collection::Industries),
            parks: both(Collection::Parks),
            policies: both(Collection::Policies),
            projects: both(Collection::Projects),
            carriers: both(Collection::Carriers),
            events: both(Collection::Events),
            officials: self.cards(&contacts_of(self.site, id)),
        }
    }

    /// The officials' directory by industry or park: each entry with the
    /// officials who cover it, leaving out entries nobody covers.
    pub fn contact_groups(&self, by: Collection) -> Vec<(Card<'_>, Vec<Card<'_>>)> {
        self.site
            .collection(by)
            .iter()
            .map(|&id| {
                (
                    self.card(id),
                    self.directory_cards(&contacts_of(self.site, id)),
                )
            })
            .filter(|(_, officials)| !officials.is_empty())
            .collect()
    }

    fn official_keywords(&self, id: EntryId) -> String {
        let site = self.site;
        let entry = &site.entries[id];
        let mut words: Vec<&str> = entry.variants.iter().map(|v| v.title()).collect();
        let variant = entry.variant(self.lang_index);
        words.extend(variant.front_matter.summary());
        for &other in entry.industries().iter().chain(entry.parks()) {
            words.push(site.entries[other].variant(self.lang_index).title());
        }
        words.join(" ").to_lowercase()
    }

    pub fn entry_view(&self, id: EntryId) -> EntryView<'_> {
        let entry = &self.site.entries[id];
        let variant = entry.variant(self.lang_index);
        let fm = &variant.front_matter;
        let mut view = EntryView {
            collection: entry.collection,
            slug: &entry.slug,
            title: variant.title(),
            fields: fm,
            status: None,
            delivery: None,
            phone_dial: None,
            mobile_dial: None,
            hotline_dial: None,
            map_url: None,
            initials: None,
            card: self.card_view(id),
            ask: (entry.collection == Collection::Officials).then(|| self.ask_view(id)),
            shown: fm.shown(self.lang),
            chain: None,
            costs: Vec::new(),
            files: fm
                .files()
                .into_iter()
                .filter(|(field, _)| !matches!(*field, "photo" | "wechat_qr"))
                .map(|(field, path)| {
                    let rel = format!(
                        "{}/{}",
                        entry.collection.dir(),
                        path.trim_start_matches("./")
                    );
                    (field, self.href(Target::File(&rel)))
                })
                .collect(),
        };
        match fm {
            FrontMatter::Policy(p) => {
                view.status = Some(self.policy_status(p));
                view.delivery = p.delivery.map(|d| d.key());
                view.hotline_dial = p.hotline.as_ref().map(|h| h.dial());
            }
            FrontMatter::Official(o) => {
                view.phone_dial = o.phone.as_ref().map(|p| p.dial());
                view.mobile_dial = o.mobile.as_ref().map(|p| p.dial());
                view.initials = Some(initials(variant.title()));
                view.map_url = o.address.as_ref().map(|a| map_search_url(a.as_str()));
            }
            FrontMatter::Project(p) => {
                if let Some(mu) = p.land_mu {
                    view.shown
                        .insert("land", format!("{} {}", number(mu), self.t("mu")));
                }
            }
            FrontMatter::Carrier(c) => {
                let land = c.kind == Some(crate::content::states::CarrierKind::Land);
                for (field, area) in [("area", c.area_m2), ("available", c.available_m2)] {
                    if let Some(area) = area {
                        view.shown.insert(field, self.area_text(area, land));
                    }
                }
                if let Some(r) = c.plot_ratio {
                    let text = match (r.min, r.max) {
                        (Some(a), Some(b)) if a == b => number(a),
                        (Some(a), Some(b)) => format!("{} – {}", number(a), number(b)),
                        (Some(a), None) => format!("≥ {}", number(a)),
                        (None, Some(b)) => format!("≤ {}", number(b)),
                        (None, None) => String::new(),
                    };
                    view.shown.insert("plot_ratio", text);
                }
                if let Some(d) = c.building_density {
                    view.shown.insert("building_density", d.to_string());
                }
            }
            FrontMatter::Event(e) => {
                if let Some(date) = e.date {
                    view.shown.insert("when", self.when_text(date, e.end));
                }
                view.files.insert(
                    "ics",
                    self.href(Target::EntryFile(
                        Collection::Events,
                        &entry.slug,
                        &format!("{}.ics", entry.slug),
                    )),
                );
            }
            FrontMatter::Industry(i) => {
                view.chain = i
                    .chain
                    .as_ref()
                    .and_then(|c| self.chain_view(variant.title(), c));
            }
            FrontMatter::Park(p) => {
                view.costs = self.costs(p.costs.as_deref().unwrap_or_default());
                view.map_url = match (&p.location, &p.address) {
                    (Some(loc), _) => Some(format!(
                        "https://uri.amap.com/marker?position={},{}&name={}",
                        loc.lng,
                        loc.lat,
                        encode_component(variant.title())
                    )),
                    (None, Some(addr)) => Some(map_search_url(addr.as_str())),
                    _ => None,
                };
            }
            _ => {}
        }
        view
    }

    /// `in-force`, `upcoming` or `expired`, as of the build date.
    pub fn policy_status(&self, p: &crate::content::schema::PolicyFm) -> &'static str {
        let today = self.today;
        if p.expires.is_some_and(|d| d.0 < today) {
            "expired"
        } else if p.effective.is_some_and(|d| d.0 > today) {
            "upcoming"
        } else {
            "in-force"
        }
    }
}

/// The officials to contact about an entry: those who cover it, or for a
/// policy, those who cover its industries.
pub fn contacts_of(site: &Site, id: EntryId) -> Vec<EntryId> {
    let entry = &site.entries[id];
    match entry.collection {
        Collection::Industries | Collection::Parks => site.referrers(id, Collection::Officials),
        Collection::Policies => site
            .collection(Collection::Officials)
            .iter()
            .copied()
            .filter(|o| {
                site.entries[*o]
                    .industries()
                    .iter()
                    .any(|i| entry.industries().contains(i))
            })
            .collect(),
        Collection::Projects | Collection::Carriers | Collection::Events => {
            let named = entry.refs(Collection::Officials);
            if !named.is_empty() || entry.collection == Collection::Events {
                return named.to_vec();
            }
            // No commissioner named: those who cover its park or industries.
            let covers = |o: &EntryId| {
                let official = &site.entries[*o];
                official.parks().iter().any(|p| entry.parks().contains(p))
                    || official
                        .industries()
                        .iter()
                        .any(|i| entry.industries().contains(i))
            };
            site.collection(Collection::Officials)
                .iter()
                .copied()
                .filter(covers)
                .collect()
        }
        Collection::Officials | Collection::Pages => Vec::new(),
    }
}

/// One or two letters for an avatar without a photo: the family name for
/// Chinese names (王明 → 王), initials for others (Wang Ming → WM).
pub fn initials(name: &str) -> String {
    let name = name.trim();
    match name.chars().next() {
        Some(c) if !c.is_ascii() => c.to_string(),
        _ => name
            .split_whitespace()
            .filter_map(|w| w.chars().next())
            .take(2)
            .collect::<String>()
            .to_uppercase(),
    }
}

fn map_search_url(address: &str) -> String {
    format!(
        "https://uri.amap.com/search?keyword={}",
        encode_component(address)
    )
}

/// Percent-encodes a URL query component.
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
