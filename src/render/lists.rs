//! The list pages of policies, projects, carriers and events: entries in
//! groups (by status, by park, coming and past), which is how the page reads without
//! JavaScript, plus the filters the theme's script applies to the cards'
//! `data-*` values. Also the short facts each card of these collections
//! shows wherever it is listed.

use serde::Serialize;

use super::views::Card;
use super::Ctx;
use crate::content::amounts::number;
use crate::content::measures::SquareMetres;
use crate::content::schema::{Collection, FrontMatter};
use crate::content::states::{CarrierKind, ProjectStatus};
use crate::link::EntryId;

/// One group of a list page: a heading and its cards.
#[derive(Serialize)]
pub struct Group<'a> {
    pub id: String,
    pub title: String,
    /// The page's link when the group is an entry (a carrier's park).
    pub url: Option<String>,
    pub items: Vec<Card<'a>>,
}

/// A control of a list page's filter form: a choice among `options`, or
/// with `minimum`, a number the card's value must reach.
#[derive(Serialize)]
pub struct Filter {
    /// The `data-*` name on the cards the control compares with.
    pub name: &'static str,
    pub label: String,
    pub options: Vec<(String, String)>,
    pub minimum: bool,
}

/// What a list page with groups shows.
#[derive(Serialize, Default)]
pub struct Grouped<'a> {
    pub groups: Vec<Group<'a>>,
    pub filters: Vec<Filter>,
    pub total: usize,
}

/// Collections whose list page has groups and filters.
pub const GROUPED: [Collection; 4] = [
    Collection::Policies,
    Collection::Projects,
    Collection::Carriers,
    Collection::Events,
];

/// Collections a site may not have: their list page and menu entry
/// appear once it has an entry.
pub const OPTIONAL: [Collection; 3] = [
    Collection::Projects,
    Collection::Carriers,
    Collection::Events,
];

impl Ctx<'_> {
    /// The groups and filters of the list page of `collection`.
    pub fn grouped(&self, collection: Collection) -> Grouped<'_> {
        let ids = self.site.collection(collection);
        let mut grouped = match collection {
            Collection::Policies => self.policies_by_status(ids),
            Collection::Projects => self.projects_by_status(ids),
            Collection::Carriers => self.carriers_by_park(ids),
            Collection::Events => self.events_by_time(ids),
            _ => Grouped::default(),
        };
        grouped.groups.retain(|g| !g.items.is_empty());
        grouped.total = ids.len();
        grouped
    }

    fn policies_by_status(&self, ids: &[EntryId]) -> Grouped<'_> {
        let status_of = |id: EntryId| match &self.front(id) {
            FrontMatter::Policy(p) => self.policy_status(p),
            _ => "in-force",
        };
        let statuses = ["in-force", "upcoming", "expired"];
        let groups = statuses
            .iter()
            .map(|s| Group {
                id: format!("status-{s}"),
                title: self.t(&format!("status_{s}")),
                url: None,
                items: self.cards_where(ids, |id| status_of(id) == *s),
            })
            .collect();
        let types = crate::content::states::PolicyType::ALL
            .iter()
            .filter(|t| {
                ids.iter().any(|&id| {
                    matches!(self.front(id), FrontMatter::Policy(p)
                        if p.types.iter().flatten().any(|x| x == *t))
                })
            })
            .map(|t| (t.word().to_owned(), self.t(&t.key())))
            .collect();
        let deliveries = ["automatic", "fast-track", "apply"]
            .iter()
            .map(|d| {
                (
                    (*d).to_owned(),
                    self.t(&format!("delivery_{}", d.replace('-', "_"))),
                )
            })
            .collect();
        Grouped {
            groups,
            filters: vec![
                self.choice(
                    "industries",
                    "industries",
                    self.referenced(ids, Collection::Industries),
                ),
                self.choice("types", "filter_policy_type", types),
                self.choice("delivery", "delivery", deliveries),
                self.choice(
                    "status",
                    "filter_status",
                    statuses
                        .iter()
                        .map(|s| ((*s).to_owned(), self.t(&format!("status_{s}"))))
                        .collect(),
                ),
            ],
            total: 0,
        }
    }

    fn projects_by_status(&self, ids: &[EntryId]) -> Grouped<'_> {
        let status_of = |id: EntryId| match &self.front(id) {
            FrontMatter::Project(p) => p.status,
            _ => None,
        };
        let mut groups: Vec<Group> = ProjectStatus::ALL
            .iter()
            .map(|s| Group {
                id: format!("status-{}", s.word()),
                title: self.t(&s.key()),
                url: None,
                items: self.cards_where(ids, |id| status_of(id) == Some(*s)),
            })
            .collect();
        groups.push(Group {
            id: "status-other".to_owned(),
            title: self.t("other"),
            url: None,
            items: self.cards_where(ids, |id| status_of(id).is_none()),
        });
        let statuses = ProjectStatus::ALL
            .iter()
            .map(|s| (s.word().to_owned(), self.t(&s.key())))
            .collect();
        Grouped {
            groups,
            filters: vec![
                self.choice("status", "filter_status", statuses),
                self.choice(
                    "industries",
                    "industries",
                    self.referenced(ids, Collection::Industries),
                ),
            ],
            total: 0,
        }
    }

    fn carriers_by_park(&self, ids: &[EntryId]) -> Grouped<'_> {
        let parks = self.site.collection(Collection::Parks);
        let groups = parks
            .iter()
            .map(|&park| {
                let entry = &self.site.entries[park];
                Group {
                    id: format!("park-{}", entry.slug),
                    title: entry.variant(self.lang_index).title().to_owned(),
                    url: Some(
                        self.href(crate::urls::Target::Entry(Collection::Parks, &entry.slug)),
                    ),
                    items: self
                        .cards_where(ids, |id| self.site.entries[id].parks().contains(&park)),
                }
            })
            .collect();
        let words = |all: &[&str], prefix: &str| -> Vec<(String, String)> {
            all.iter()
                .map(|w| ((*w).to_owned(), self.t(&format!("{prefix}_{w}"))))
                .collect()
        };
        Grouped {
            groups,
            filters: vec![
                self.choice("park", "parks", self.referenced(ids, Collection::Parks)),
                self.choice(
                    "kind",
                    "filter_kind",
                    words(&["land", "factory", "office"], "carrier_kind"),
                ),
                self.choice(
                    "status",
                    "filter_status",
                    words(&["available", "reserved", "taken"], "carrier_status"),
                ),
                Filter {
                    name: "area",
                    label: self.t("filter_min_area"),
                    options: Vec::new(),
                    minimum: true,
                },
            ],
            total: 0,
        }
    }

    /// The events that have not ended, soonest first, and the past ones,
    /// latest first.
    fn coming_and_past(&self, ids: &[EntryId]) -> (Vec<EntryId>, Vec<EntryId>) {
        let (mut coming, mut past): (Vec<EntryId>, Vec<EntryId>) =
            ids.iter().partition(|&&id| self.is_coming(id));
        coming.sort_by_key(|&id| self.event_start(id));
        past.sort_by_key(|&id| std::cmp::Reverse(self.event_start(id)));
        (coming, past)
    }

    fn events_by_time(&self, ids: &[EntryId]) -> Grouped<'_> {
        let (coming, past) = self.coming_and_past(ids);
        let kinds = crate::content::states::EventKind::ALL
            .iter()
            .map(|k| (k.word().to_owned(), self.t(&k.key())))
            .collect();
        Grouped {
            groups: vec![
                Group {
                    id: "coming".to_owned(),
                    title: self.t("events_coming"),
                    url: None,
                    items: self.cards(&coming),
                },
                Group {
                    id: "past".to_owned(),
                    title: self.t("events_past"),
                    url: None,
                    items: self.cards(&past),
                },
            ],
            filters: vec![self.choice("kind", "filter_kind", kinds)],
            total: 0,
        }
    }

    /// Whether the event has not ended yet on the build date.
    pub fn is_coming(&self, id: EntryId) -> bool {
        match &self.front(id) {
            FrontMatter::Event(e) => e.end.or(e.date).is_some_and(|when| when.date >= self.today),
            _ => false,
        }
    }

    pub fn event_start(&self, id: EntryId) -> Option<jiff::civil::DateTime> {
        match &self.front(id) {
            FrontMatter::Event(e) => e.date.map(|d| d.datetime()),
            _ => None,
        }
    }

    /// Events for the home page: what is coming (soonest first), then the
    /// latest of the past, `n` of each.
    pub fn home_events(&self, n: usize) -> (Vec<Card<'_>>, Vec<Card<'_>>) {
        let (mut coming, mut past) = self.coming_and_past(self.site.collection(Collection::Events));
        coming.truncate(n);
        past.truncate(n);
        (self.cards(&coming), self.cards(&past))
    }

    fn front(&self, id: EntryId) -> &FrontMatter {
        &self.site.entries[id].variant(self.lang_index).front_matter
    }

    fn cards_where(&self, ids: &[EntryId], keep: impl Fn(EntryId) -> bool) -> Vec<Card<'_>> {
        let kept: Vec<EntryId> = ids.iter().copied().filter(|&id| keep(id)).collect();
        self.cards(&kept)
    }

    /// The entries of `target` that the entries `ids` refer to, as filter
    /// options (slug, title), in display order.
    fn referenced(&self, ids: &[EntryId], target: Collection) -> Vec<(String, String)> {
        self.site
            .collection(target)
            .iter()
            .filter(|t| {
                ids.iter()
                    .any(|id| self.site.entries[*id].refs(target).contains(t))
            })
            .map(|&t| {
                let entry = &self.site.entries[t];
                (
                    entry.slug.clone(),
                    entry.variant(self.lang_index).title().to_owned(),
                )
            })
            .collect()
    }

    fn choice(&self, name: &'static str, label: &str, options: Vec<(String, String)>) -> Filter {
        Filter {
            name,
            label: self.t(label),
            options,
            minimum: false,
        }
    }

    /// What a card of a project, carrier or event shows under its title,
    /// its badge, and the values the list's filters compare.
    pub fn card_facts(&self, id: EntryId, card: &mut Card<'_>) {
        let entry = &self.site.entries[id];
        let fm = self.front(id);
        let shown = fm.shown(self.lang);
        let titles = |ids: &[EntryId]| -> Vec<String> {
            ids.iter()
                .map(|&i| {
                    self.site.entries[i]
                        .variant(self.lang_index)
                        .title()
                        .to_owned()
                })
                .collect()
        };
        let slugs = |ids: &[EntryId]| -> String {
            ids.iter()
                .map(|&i| self.site.entries[i].slug.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        };
        match fm {
            FrontMatter::Policy(p) => {
                card.data.push(("status", self.policy_status(p).to_owned()));
                card.data.push(("industries", slugs(entry.industries())));
                let types: Vec<&str> = p.types.iter().flatten().map(|t| t.word()).collect();
                card.data.push(("types", types.join(" ")));
                if let Some(d) = p.delivery {
                    card.data.push(("delivery", d.word().to_owned()));
                }
            }
            FrontMatter::Project(p) => {
                if let Some(status) = p.status {
                    card.badge = Some((status.word(), self.t(&status.key())));
                    card.data.push(("status", status.word().to_owned()));
                }
                card.facts.extend(shown.get("investment").cloned());
                card.facts.extend(titles(entry.parks()));
                card.data.push(("industries", slugs(entry.industries())));
            }
            FrontMatter::Carrier(c) => {
                if let Some(status) = c.status {
                    card.badge = Some((status.word(), self.t(&status.key())));
                    card.data.push(("status", status.word().to_owned()));
                }
                if let Some(kind) = c.kind {
                    card.facts.push(self.t(&kind.key()));
                    card.data.push(("kind", kind.word().to_owned()));
                }
                if let Some(area) = c.available_m2.or(c.area_m2) {
                    card.facts
                        .push(self.area_text(area, c.kind == Some(CarrierKind::Land)));
                    card.data.push(("area", number(area.0)));
                }
                card.facts
                    .extend(shown.get("price").or(shown.get("rent")).cloned());
                card.data.push(("park", slugs(entry.parks())));
            }
            FrontMatter::Event(e) => {
                if let Some(kind) = e.kind {
                    card.badge = Some((kind.word(), self.t(&kind.key())));
                    card.data.push(("kind", kind.word().to_owned()));
                }
                card.facts.extend(e.date.map(|d| self.when_text(d, e.end)));
                card.facts.extend(e.location.as_ref().map(|l| l.0.clone()));
            }
            _ => {}
        }
    }

    /// `12000 m²`, with `(18 亩)` for land.
    pub fn area_text(&self, area: SquareMetres, land: bool) -> String {
        let m2 = format!("{} {}", number(area.0), self.t("m2"));
        if land {
            format!("{m2} ({} {})", number(area.mu()), self.t("mu"))
        } else {
            m2
        }
    }

    /// `2026-03-18 09:30 – 17:00`, `2026-03-18 – 2026-03-20`.
    pub fn when_text(
        &self,
        start: crate::content::states::When,
        end: Option<crate::content::states::When>,
    ) -> String {
        let from = start.written();
        match end {
            Some(end) if end.date == start.date => match end.time {
                Some(t) => format!("{from} – {}", t.strftime("%H:%M")),
                None => from,
            },
            Some(end) => format!("{from} – {}", end.written()),
            None => from,
        }
    }
}
