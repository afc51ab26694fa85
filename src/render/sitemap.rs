//! `sitemap.xml` with hreflang alternates, and `robots.txt`.

use std::path::Path;

use crate::diagnostics::Diagnostics;
use crate::link::Site;
use crate::output::Sink;
use crate::theme::Theme;
use crate::urls::{Target, Urls};

use super::Page;

/// Writes the sitemap (when `base_url` is known) and robots.txt; returns the
/// number of files written.
pub fn write(
    site: &Site,
    theme: &Theme,
    urls: &Urls,
    jobs: &[(usize, Page)],
    sink: &dyn Sink,
    diags: &mut Diagnostics,
) -> usize {
    let languages = site.languages();
    let hreflang = |lang: &str| {
        theme
            .strings
            .get(lang)
            .and_then(|s| s.get("html_lang"))
            .cloned()
            .unwrap_or_else(|| lang.to_owned())
    };
    let mut robots = String::from("User-agent: *\nAllow: /\n");
    let mut written = 1;
    if urls.has_base_url() {
        let mut xml = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
        );
        for &(lang_index, page) in jobs {
            if matches!(
                page,
                Page::NotFound | Page::Alias(..) | Page::CardSheet(_) | Page::Guide
            ) {
                continue;
            }
            let target = super::target_of(site, page);
            let loc = urls
                .absolute(&languages[lang_index], target)
                .unwrap_or_default();
            xml.push_str("  <url>\n    <loc>");
            xml.push_str(&escape_xml(&loc));
            xml.push_str("</loc>\n");
            for lang in languages {
                let href = urls.absolute(lang, target).unwrap_or_default();
                xml.push_str(&format!(
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n",
                    escape_xml(&hreflang(lang)),
                    escape_xml(&href)
                ));
            }
            let default = urls.absolute(&languages[0], target).unwrap_or_default();
            xml.push_str(&format!(
                "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>\n  </url>\n",
                escape_xml(&default)
            ));
        }
        xml.push_str("</urlset>\n");
        if let Err(e) = sink.write(Path::new("sitemap.xml"), xml.as_bytes()) {
            diags.push(super::write_error(Path::new("sitemap.xml"), &e));
        }
        let sitemap_url = urls
            .absolute(&languages[0], Target::File("sitemap.xml"))
            .unwrap_or_default();
        robots.push_str(&format!("Sitemap: {sitemap_url}\n"));
        written += 1;
    }
    if let Err(e) = sink.write(Path::new("robots.txt"), robots.as_bytes()) {
        diags.push(super::write_error(Path::new("robots.txt"), &e));
    }
    written
}

/// Escapes text for XML content and attribute values, and drops the
/// control characters XML 1.0 cannot hold (a feed reader would reject it).
pub fn escape_xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() && !matches!(c, '\n' | '\t' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}
