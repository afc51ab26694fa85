//! The card page's own view: links to the card files, the QR drawing, the
//! print sides and the `Person` JSON-LD.

use serde::Serialize;
use serde_json::{json, Value};

use crate::card::{self, name::PersonName, official};
use crate::content::schema::Collection;
use crate::link::EntryId;
use crate::urls::Target;

use super::Ctx;

/// What the card template needs beyond the entry's fields.
#[derive(Serialize)]
pub struct CardView {
    /// The URL to share: absolute when `base_url` is set.
    pub share_url: String,
    pub vcard: String,
    /// ASCII download name of the vCard.
    pub vcard_name: String,
    pub photo: Option<PhotoView>,
    pub wechat_qr: Option<String>,
    pub qr: Option<QrView>,
    pub family_name: String,
    pub given_name: String,
    /// `Person` JSON-LD, safe to place inside `<script>`.
    pub json_ld: String,
    /// The printed card: this language on the front, the next on the back.
    pub print: Vec<PrintSide>,
}

#[derive(Serialize)]
pub struct PhotoView {
    /// 96 px, for 1× screens.
    pub src: String,
    /// 192 px, for 2× screens and print.
    pub src_2x: String,
    /// 600 px: the link-preview image, absolute when `base_url` is set.
    pub share: String,
    pub share_size: u32,
}

#[derive(Serialize)]
pub struct QrView {
    /// viewBox side, in modules.
    pub size: usize,
    /// The dark modules as an SVG path.
    pub path: String,
    pub svg: String,
    pub png: String,
    pub svg_name: String,
    pub png_name: String,
}

/// One side of the printed card.
#[derive(Serialize)]
pub struct PrintSide {
    /// `lang` of the side.
    pub lang: String,
    pub name: String,
    pub position: Option<String>,
    pub organization: Option<String>,
    pub phone: Option<String>,
    pub mobile: Option<String>,
    pub email: Option<String>,
    pub wechat: Option<String>,
    pub address: Option<String>,
    /// The QR code of the card in this side's language (SVG file).
    pub qr: Option<String>,
}

impl Ctx<'_> {
    pub fn card_view(&self, id: EntryId) -> Option<CardView> {
        let entry = &self.site.entries[id];
        let assets = self.cards.get(id)?;
        let slug = entry.slug.as_str();
        let file = |name: &str| self.href(Target::EntryFile(Collection::Officials, slug, name));
        let shared =
            |name: &str| self.href(Target::SharedEntryFile(Collection::Officials, slug, name));
        let [small, large, share] = card::PHOTO_SIZES;
        let photo = assets.photo.then(|| PhotoView {
            src: shared(&card::photo_file(small)),
            src_2x: shared(&card::photo_file(large)),
            share: self
                .urls
                .absolute(
                    self.lang,
                    Target::SharedEntryFile(Collection::Officials, slug, &card::photo_file(share)),
                )
                .unwrap_or_else(|| shared(&card::photo_file(share))),
            share_size: share,
        });
        let qr = assets.qr[self.lang_index].as_ref().map(|qr| QrView {
            size: qr.size(),
            path: qr.svg_path(),
            svg: file(card::QR_SVG_FILE),
            png: file(card::QR_PNG_FILE),
            svg_name: format!("{slug}-qr.svg"),
            png_name: format!("{slug}-qr.png"),
        });
        let variant = entry.variant(self.lang_index);
        let han_name = entry
            .variants
            .iter()
            .map(|v| v.title())
            .find(|n| n.chars().any(card::name::is_han));
        let person = PersonName::parse(variant.title(), han_name);
        Some(CardView {
            share_url: self
                .urls
                .permalink(self.lang, Target::Entry(Collection::Officials, slug)),
            vcard: file(&card::vcard_file(slug)),
            vcard_name: card::vcard_file(slug),
            wechat_qr: assets.wechat_qr.then(|| shared(card::WECHAT_QR_FILE)),
            json_ld: crate::js::script_safe(&self.person_json_ld(id, &person, photo.as_ref())),
            photo,
            qr,
            family_name: person.family,
            given_name: person.given,
            print: self.print_sides(id, assets),
        })
    }

    /// The printed sides of official `id`'s card, for the print shop's
    /// sheets; none when the official has no card files.
    pub(super) fn card_sides(&self, id: EntryId) -> Vec<PrintSide> {
        self.cards
            .get(id)
            .map_or_else(Vec::new, |assets| self.print_sides(id, assets))
    }

    /// This language first, then the next one (wrapping), for the back.
    fn print_sides(&self, id: EntryId, assets: &card::CardAssets) -> Vec<PrintSide> {
        let languages = self.site.languages();
        let entry = &self.site.entries[id];
        let mut order = vec![self.lang_index];
        if languages.len() > 1 {
            order.push((self.lang_index + 1) % languages.len());
        }
        order
            .into_iter()
            .map(|i| {
                let variant = entry.variant(i);
                let o = official(&variant.front_matter);
                let text = |t: &Option<crate::content::values::Text>| {
                    t.as_ref().map(|t| t.as_str().to_owned())
                };
                let lang = &languages[i];
                PrintSide {
                    lang: self.html_lang_of(if variant.translated {
                        lang
                    } else {
                        self.default_lang()
                    }),
                    name: variant.title().to_owned(),
                    position: text(&o.position),
                    organization: text(&o.organization).or_else(|| {
                        self.site
                            .config
                            .organization
                            .get(lang, self.default_lang())
                            .map(str::to_owned)
                    }),
                    phone: o.phone.as_ref().map(|p| p.0.clone()),
                    mobile: o.mobile.as_ref().map(|p| p.0.clone()),
                    email: o.email.as_ref().map(|e| e.0.clone()),
                    wechat: text(&o.wechat),
                    address: text(&o.address),
                    qr: assets.qr[i].as_ref().map(|_| {
                        self.href_in(
                            lang,
                            Target::EntryFile(
                                Collection::Officials,
                                &entry.slug,
                                card::QR_SVG_FILE,
                            ),
                        )
                    }),
                }
            })
            .collect()
    }

    fn person_json_ld(&self, id: EntryId, person: &PersonName, photo: Option<&PhotoView>) -> Value {
        let site = self.site;
        let entry = &site.entries[id];
        let variant = entry.variant(self.lang_index);
        let o = official(&variant.front_matter);
        let default_lang = self.default_lang();
        let home = self.urls.permalink(self.lang, Target::Home);
        let organization = o
            .organization
            .as_ref()
            .map(|t| t.as_str())
            .or_else(|| site.config.organization.get(self.lang, default_lang))
            .unwrap_or_else(|| {
                site.config
                    .title
                    .get(self.lang, default_lang)
                    .unwrap_or_default()
            });
        let other_names: Vec<&str> = entry
            .variants
            .iter()
            .map(|v| v.title())
            .filter(|n| *n != variant.title())
            .collect();
        let telephone = o.phone.as_ref().or(o.mobile.as_ref()).map(|p| p.0.as_str());
        let email = o.email.as_ref().map(|e| e.0.as_str());
        let languages: Vec<String> = site
            .languages()
            .iter()
            .map(|l| self.html_lang_of(l))
            .collect();
        let knows_about: Vec<&str> = entry
            .industries()
            .iter()
            .map(|&i| site.entries[i].variant(self.lang_index).title())
            .collect();
        let mut person = json!({
            "@context": "https://schema.org",
            "@type": "Person",
            "name": variant.title(),
            "familyName": person.family,
            "givenName": person.given,
            "url": self.urls.permalink(self.lang, Target::Entry(Collection::Officials, &entry.slug)),
            "worksFor": {
                "@type": "GovernmentOrganization",
                "name": organization,
                "url": home,
            },
            "contactPoint": {
                "@type": "ContactPoint",
                "contactType": self.t("contact_type"),
                "availableLanguage": languages,
            },
        });
        let mut set = |key: &str, value: Value| {
            person[key] = value;
        };
        if !other_names.is_empty() {
            set("alternateName", json!(other_names));
        }
        if let Some(position) = &o.position {
            set("jobTitle", json!(position.as_str()));
        }
        if let Some(photo) = photo {
            set("image", json!(photo.share));
        }
        if let Some(phone) = telephone {
            set("telephone", json!(phone));
        }
        if let Some(email) = email {
            set("email", json!(email));
        }
        if let Some(address) = &o.address {
            set(
                "workLocation",
                json!({"@type": "Place", "address": {"@type": "PostalAddress", "streetAddress": address.as_str()}}),
            );
        }
        if !knows_about.is_empty() {
            set("knowsAbout", json!(knows_about));
        }
        let point = &mut person["contactPoint"];
        if let Some(phone) = telephone {
            point["telephone"] = json!(phone);
        }
        if let Some(email) = email {
            point["email"] = json!(email);
        }
        person
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_cannot_close_the_script_element() {
        let value = json!({"name": "</script><script>alert(1)</script><!--&"});
        let safe = crate::js::script_safe(&value);
        assert!(!safe.contains('<') && !safe.contains('>') && !safe.contains('&'));
        let back: Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, value);
    }
}
