//! The site as every page of one language sees it (`site` in templates):
//! its name, contact, filing numbers and the theme's files. Made once per
//! language and shared by all its pages.

use serde::Serialize;

use crate::content::schema::Collection;
use crate::link::Site;
use crate::urls::{Target, Urls};

#[derive(Serialize, Default)]
pub struct ContactView<'a> {
    pub phone: Option<&'a str>,
    pub phone_dial: Option<String>,
    pub email: Option<&'a str>,
    pub address: Option<&'a str>,
    pub hours: Option<&'a str>,
    pub wechat: Option<&'a str>,
    pub text: Option<&'a str>,
}

/// The filing numbers and the units that run the site, for its foot.
#[derive(Serialize, Default)]
pub struct FilingView<'a> {
    pub icp: Option<&'a str>,
    /// The MIIT's filing site, where an ICP number is checked.
    pub icp_url: &'static str,
    pub police_filing: Option<&'a str>,
    /// The public-security filing site, on this record's query when the
    /// number has the usual 14 digits.
    pub police_url: Option<String>,
    pub site_code: Option<&'a str>,
    pub sponsor: Option<&'a str>,
    pub operator: Option<&'a str>,
}

#[derive(Serialize)]
pub struct SiteView<'a> {
    pub filing: FilingView<'a>,
    pub title: &'a str,
    pub description: Option<&'a str>,
    pub organization: Option<&'a str>,
    pub contact: ContactView<'a>,
    /// Links below (`home`, `css` … `search_css`) are relative to the
    /// site's root: templates write `{{ page.root }}{{ site.css }}`.
    pub home: String,
    pub base_url: Option<String>,
    /// Styles of every page.
    pub css: String,
    /// Styles of the pages other than cards, and of the card page.
    pub pages_css: String,
    pub card_css: String,
    pub js: String,
    pub favicon: String,
    /// The search page of this language.
    pub search: String,
    pub search_js: String,
    pub search_css: String,
    pub filters_js: String,
    pub share_js: String,
    pub sheet_css: String,
    /// Styles of the printed guide.
    pub guide_css: String,
    pub qrcode_js: String,
    /// The Atom feed of events and news, when the site has events.
    pub feed: Option<String>,
}

/// The site as every page of `lang` sees it. Its links are relative to the
/// site's root: templates put `{{ page.root }}` before them.
pub fn site_view<'a>(
    site: &'a Site,
    theme: &crate::theme::Theme,
    urls: &Urls,
    lang: &str,
) -> SiteView<'a> {
    let c = &site.config;
    let default = c.default_language();
    let asset = |name: &str| urls.link_tail(lang, Target::File(&theme.asset_path(name)));
    let f = &c.filing;
    SiteView {
        filing: FilingView {
            icp: f.icp.as_deref(),
            icp_url: crate::config::ICP_SITE,
            police_filing: f.police_filing.as_deref(),
            police_url: f.police_filing.as_deref().map(|n| {
                crate::config::police_filing_url(crate::config::police_record_number(n).as_deref())
            }),
            site_code: f.site_code.as_deref(),
            sponsor: f.sponsor.get(lang, default),
            operator: f.operator.get(lang, default),
        },
        title: c.title.get(lang, default).unwrap_or_default(),
        description: c.description.get(lang, default),
        organization: c.organization.get(lang, default),
        contact: ContactView {
            phone: c.contact.phone.as_ref().map(|p| p.0.as_str()),
            phone_dial: c.contact.phone.as_ref().map(|p| p.dial()),
            email: c.contact.email.as_ref().map(|e| e.0.as_str()),
            address: c.contact.address.get(lang, default),
            hours: c.contact.hours.get(lang, default),
            wechat: c.contact.wechat.as_deref(),
            text: c.contact.text.get(lang, default),
        },
        home: urls.link_tail(lang, Target::Home),
        base_url: urls.absolute(default, Target::Home),
        css: asset("base.css"),
        pages_css: asset("pages.css"),
        card_css: asset("card.css"),
        js: asset("main.js"),
        filters_js: asset("filters.js"),
        share_js: asset("share.js"),
        sheet_css: asset("sheet.css"),
        guide_css: asset("guide.css"),
        qrcode_js: asset("qrcode.js"),
        favicon: asset("favicon.svg"),
        search: urls.link_tail(lang, Target::Search),
        feed: (!site.collection(Collection::Events).is_empty()).then(|| {
            // The list's folder: the offline copy's links name index.html.
            let list = urls.link_tail(lang, Target::List(Collection::Events));
            format!(
                "{}atom.xml",
                list.strip_suffix("index.html").unwrap_or(&list)
            )
        }),
        search_js: asset("search.js"),
        search_css: asset("search.css"),
    }
}
