//! What investors compare places on: operating costs (site-wide on the
//! home page, a park's on its page), the site's headline figures, and the
//! parks side by side on `/parks/compare/`.

use serde::Serialize;

use super::chain::{self, ChainView};
use super::views::Card;
use super::Ctx;
use crate::config::Localized;
use crate::content::amounts::number;
use crate::content::measures::SquareMetres;
use crate::content::schema::{Collection, FrontMatter};
use crate::content::states::{CarrierKind, CarrierStatus};
use crate::content::values::{Chain, Cost, Text};

/// One row of a costs table, in the page's language.
#[derive(Serialize, Clone)]
pub struct CostView {
    pub item: String,
    /// The number as pages show it (`0.6`, `4500`).
    pub price: String,
    pub unit: Option<String>,
    pub note: Option<String>,
}

/// A headline figure of the home page.
#[derive(Serialize)]
pub struct FigureView {
    pub label: String,
    pub value: String,
}

/// `/parks/compare/`: one row a park, one column a fact.
#[derive(Serialize)]
pub struct CompareView<'a> {
    pub rows: Vec<CompareRow<'a>>,
    /// The cost items any park gives, in the order first given: one
    /// column each, so the same item lines up across parks.
    pub cost_items: Vec<String>,
}

#[derive(Serialize)]
pub struct CompareRow<'a> {
    pub park: Card<'a>,
    pub area: Option<String>,
    pub established: Option<String>,
    pub industries: Vec<Card<'a>>,
    /// Space still to be had, summed from the park's carriers by kind
    /// (`土地 66,667 m² (100 亩) · 厂房 12,000 m²`): land and floor space
    /// are never added together. `None` when no carrier is available.
    pub available: Option<String>,
    /// This park's price of each of [`CompareView::cost_items`].
    pub costs: Vec<Option<String>>,
}

impl Ctx<'_> {
    fn cost_row(
        &self,
        item: &str,
        c: &Cost<impl Sized>,
        unit: Option<&str>,
        note: Option<&str>,
    ) -> CostView {
        CostView {
            item: item.to_owned(),
            price: number(c.price.0),
            unit: unit.map(str::to_owned),
            note: note.filter(|n| !n.trim().is_empty()).map(str::to_owned),
        }
    }

    /// A park's costs, as written in its front matter.
    pub fn costs(&self, rows: &[Cost<Text>]) -> Vec<CostView> {
        rows.iter()
            .map(|c| {
                self.cost_row(
                    c.item.as_str(),
                    c,
                    c.unit.as_ref().map(Text::as_str),
                    c.note.as_ref().map(Text::as_str),
                )
            })
            .collect()
    }

    fn local<'s>(&self, text: &'s Localized) -> &'s str {
        text.get(self.lang, self.default_lang()).unwrap_or_default()
    }

    /// The site's costs (site.yaml), in this language.
    pub fn site_costs(&self) -> Vec<CostView> {
        self.site
            .config
            .costs
            .iter()
            .map(|c| {
                self.cost_row(
                    self.local(&c.item),
                    c,
                    c.unit.as_ref().map(|u| self.local(u)),
                    c.note.as_ref().map(|n| self.local(n)),
                )
            })
            .collect()
    }

    /// The site's headline figures (site.yaml), in this language.
    pub fn site_stats(&self) -> Vec<FigureView> {
        self.site
            .config
            .stats
            .iter()
            .map(|f| FigureView {
                label: self.local(&f.label).to_owned(),
                value: self.local(&f.value).to_owned(),
            })
            .collect()
    }

    /// An industry's chain diagram, in this language.
    pub fn chain_view(&self, title: &str, chain: &Chain) -> Option<ChainView> {
        let labels = chain::Labels {
            title: format!("{title}: {}", self.t("chain_title")),
            stages: ["chain_upstream", "chain_midstream", "chain_downstream"].map(|k| self.t(k)),
            statuses: ["chain_strong", "chain_weak", "chain_missing"].map(|k| self.t(k)),
        };
        chain::view(chain, &labels)
    }

    /// What a park's carriers still offer, by kind: those marked available
    /// or not marked at all, with their available area (or, without one,
    /// their whole area).
    fn available_space(&self, park: &crate::link::Entry) -> Option<String> {
        let mut by_kind: Vec<(Option<CarrierKind>, f64)> = Vec::new();
        for &id in &park.referenced_by {
            let FrontMatter::Carrier(c) =
                &self.site.entries[id].variant(self.lang_index).front_matter
            else {
                continue;
            };
            if matches!(
                c.status,
                Some(CarrierStatus::Reserved | CarrierStatus::Taken)
            ) {
                continue;
            }
            let Some(area) = c.available_m2.or(c.area_m2) else {
                continue;
            };
            match by_kind.iter_mut().find(|(k, _)| *k == c.kind) {
                Some((_, sum)) => *sum += area.0,
                None => by_kind.push((c.kind, area.0)),
            }
        }
        by_kind.sort_by_key(|(k, _)| *k);
        let parts: Vec<String> = by_kind
            .into_iter()
            .filter(|(_, sum)| *sum > 0.0)
            .map(|(kind, sum)| {
                let area = self.area_text(SquareMetres(sum), kind == Some(CarrierKind::Land));
                match kind {
                    Some(kind) => format!("{} {area}", self.t(&kind.key())),
                    None => area,
                }
            })
            .collect();
        (!parts.is_empty()).then(|| parts.join(" · "))
    }

    /// Every park with the facts an investor compares.
    pub fn compare_view(&self) -> CompareView<'_> {
        let parks = self.site.collection(Collection::Parks);
        let costs_of =
            |id: usize| match &self.site.entries[id].variant(self.lang_index).front_matter {
                FrontMatter::Park(p) => self.costs(p.costs.as_deref().unwrap_or_default()),
                _ => Vec::new(),
            };
        let mut cost_items: Vec<String> = Vec::new();
        for &id in parks {
            for c in costs_of(id) {
                if !cost_items.contains(&c.item) {
                    cost_items.push(c.item);
                }
            }
        }
        let rows = parks
            .iter()
            .map(|&id| {
                let entry = &self.site.entries[id];
                let FrontMatter::Park(p) = &entry.variant(self.lang_index).front_matter else {
                    unreachable!("the parks collection holds parks");
                };
                let costs = costs_of(id);
                CompareRow {
                    park: self.card(id),
                    area: p
                        .area_km2
                        .map(|a| format!("{} {}", number(a), self.t("km2"))),
                    established: p.established.as_ref().map(|e| e.0.clone()),
                    industries: self.cards(entry.industries()),
                    available: self.available_space(entry),
                    costs: cost_items
                        .iter()
                        .map(|item| {
                            costs
                                .iter()
                                .find(|c| &c.item == item)
                                .map(|c| match &c.unit {
                                    Some(u) => format!("{} {u}", c.price),
                                    None => c.price.clone(),
                                })
                        })
                        .collect(),
                }
            })
            .collect();
        CompareView { rows, cost_items }
    }
}
