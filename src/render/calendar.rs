//! Events for other programs: an iCalendar file (RFC 5545) beside each
//! event's page, which phones and Outlook add to a calendar, and an Atom
//! feed (RFC 4287) of events and news per language, for feed readers and
//! the bureau's partners.
//!
//! Events are written in Beijing time, so calendar files carry the
//! Asia/Shanghai zone (fixed at +08:00, which China has kept since 1991)
//! and the feed's times carry the offset.

use std::path::Path;

use super::sitemap::escape_xml;
use crate::card::vcard::{escape, fold};
use crate::content::schema::{Collection, EventFm, FrontMatter};
use crate::content::states::{When, TIME_ZONE};
use crate::diagnostics::Diagnostics;
use crate::link::{EntryId, Site};
use crate::output::Sink;
use crate::theme::Theme;
use crate::urls::{Target, Urls};

/// The most entries a feed carries: readers keep what they have seen.
const FEED_ENTRIES: usize = 50;

/// Writes every event's `.ics` and each language's `events/atom.xml`;
/// returns the number of files written.
pub fn write(
    site: &Site,
    theme: &Theme,
    urls: &Urls,
    today: jiff::civil::Date,
    sink: &dyn Sink,
    diags: &mut Diagnostics,
) -> usize {
    let events = site.collection(Collection::Events);
    if events.is_empty() {
        return 0;
    }
    let mut written = 0;
    let mut put = |rel: String, body: String| {
        if let Err(e) = sink.write(Path::new(&rel), body.as_bytes()) {
            diags.push(crate::output::write_error(Path::new(&rel), &e));
        }
        written += 1;
    };
    for (lang_index, lang) in site.languages().iter().enumerate() {
        for &id in events {
            let entry = &site.entries[id];
            let name = format!("{}.ics", entry.slug);
            let target = Target::EntryFile(Collection::Events, &entry.slug, &name);
            put(
                urls.output_file(lang, target)
                    .to_string_lossy()
                    .into_owned(),
                ics(site, urls, id, lang_index, today),
            );
        }
        put(feed_path(urls, lang), atom(site, theme, urls, lang_index));
    }
    written
}

/// Where a language's feed is: `events/atom.xml`, `en/events/atom.xml`.
pub fn feed_path(urls: &Urls, lang: &str) -> String {
    let list = urls.output_file(lang, Target::List(Collection::Events));
    list.with_file_name("atom.xml")
        .to_string_lossy()
        .into_owned()
}

fn event(site: &Site, id: EntryId, lang_index: usize) -> &EventFm {
    match &site.entries[id].variant(lang_index).front_matter {
        FrontMatter::Event(e) => e,
        _ => unreachable!("only events are written as calendar entries"),
    }
}

/// `DTSTART;TZID=Asia/Shanghai:20260318T093000`, or for a day,
/// `DTSTART;VALUE=DATE:20260318`. An all-day end is exclusive in iCalendar:
/// the day after the last.
fn ics_time(name: &str, when: When, end: bool) -> String {
    match when.time {
        Some(t) => format!(
            "{name};TZID={TIME_ZONE}:{}T{}",
            when.date.strftime("%Y%m%d"),
            t.strftime("%H%M%S")
        ),
        None => {
            let day = if end {
                when.date.tomorrow().unwrap_or(when.date)
            } else {
                when.date
            };
            format!("{name};VALUE=DATE:{}", day.strftime("%Y%m%d"))
        }
    }
}

/// One event as an iCalendar file.
fn ics(
    site: &Site,
    urls: &Urls,
    id: EntryId,
    lang_index: usize,
    today: jiff::civil::Date,
) -> String {
    let entry = &site.entries[id];
    let lang = &site.languages()[lang_index];
    let variant = entry.variant(lang_index);
    let e = event(site, id, lang_index);
    let page = urls.permalink(lang, Target::Entry(Collection::Events, &entry.slug));
    let host = urls
        .absolute(lang, Target::Home)
        .and_then(|u| {
            u.split("//")
                .nth(1)
                .map(|h| h.split('/').next().unwrap_or(h).to_owned())
        })
        .unwrap_or_else(|| "hui.invalid".to_owned());
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//hui//investment guide//EN".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        "BEGIN:VTIMEZONE".to_owned(),
        format!("TZID:{TIME_ZONE}"),
        "BEGIN:STANDARD".to_owned(),
        "DTSTART:19700101T000000".to_owned(),
        "TZOFFSETFROM:+0800".to_owned(),
        "TZOFFSETTO:+0800".to_owned(),
        "TZNAME:CST".to_owned(),
        "END:STANDARD".to_owned(),
        "END:VTIMEZONE".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}-{lang}@{host}", entry.slug),
        format!("DTSTAMP:{}T000000Z", today.strftime("%Y%m%d")),
    ];
    if let Some(start) = e.date {
        lines.push(ics_time("DTSTART", start, false));
        match e.end {
            Some(end) => lines.push(ics_time("DTEND", end, true)),
            // A day with no end is that day; a time with no end, a moment.
            None if start.time.is_none() => lines.push(ics_time("DTEND", start, true)),
            None => {}
        }
    }
    lines.push(format!("SUMMARY:{}", escape(variant.title())));
    if let Some(summary) = variant.front_matter.summary() {
        lines.push(format!(
            "DESCRIPTION:{}",
            escape(&format!("{}\n{page}", summary.trim()))
        ));
    }
    if let Some(location) = &e.location {
        lines.push(format!("LOCATION:{}", escape(location.as_str().trim())));
    }
    if page.starts_with("http") {
        lines.push(format!("URL:{page}"));
    }
    lines.push("END:VEVENT".to_owned());
    lines.push("END:VCALENDAR".to_owned());
    lines.iter().map(|l| fold(l)).collect()
}

/// An RFC 3339 time in Beijing time: `2026-03-18T09:30:00+08:00`.
fn atom_time(when: When) -> String {
    let time = when.time.unwrap_or(jiff::civil::Time::midnight());
    format!("{}T{}+08:00", when.date, time.strftime("%H:%M:%S"))
}

/// An Atom id must be an absolute IRI: the page's address, or without
/// `base_url`, a URN made from its path.
fn iri(link: &str) -> String {
    if link.starts_with("http") {
        link.to_owned()
    } else {
        format!("urn:hui:{}", link.trim_matches('/'))
    }
}

/// The Atom feed of one language: every event and piece of news, the
/// latest first.
fn atom(site: &Site, theme: &Theme, urls: &Urls, lang_index: usize) -> String {
    let lang = &site.languages()[lang_index];
    let default = site.config.default_language();
    let strings = theme.strings.get(lang.as_str());
    let t = |key: &str| {
        strings
            .and_then(|s| s.get(key))
            .cloned()
            .unwrap_or_else(|| key.to_owned())
    };
    let mut ids: Vec<EntryId> = site.collection(Collection::Events).to_vec();
    ids.sort_by_key(|&id| std::cmp::Reverse(event(site, id, lang_index).date));
    ids.truncate(FEED_ENTRIES);
    let list = urls.permalink(lang, Target::List(Collection::Events));
    let self_link = format!("{list}atom.xml");
    let title = site.config.title.get(lang, default).unwrap_or_default();
    let author = site.config.organization.get(lang, default).unwrap_or(title);
    let updated = ids
        .first()
        .and_then(|&id| event(site, id, lang_index).date)
        .map_or_else(|| "1970-01-01T00:00:00+08:00".to_owned(), atom_time);
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n<title>{} · {}</title>\n<id>{}</id>\n<updated>{updated}</updated>\n<link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n<author><name>{}</name></author>\n",
        escape_xml(&t("html_lang")),
        escape_xml(title),
        escape_xml(&t("feed_title")),
        escape_xml(&iri(&self_link)),
        escape_xml(&self_link),
        escape_xml(&list),
        escape_xml(author),
    );
    for id in ids {
        let entry = &site.entries[id];
        let variant = entry.variant(lang_index);
        let e = event(site, id, lang_index);
        let page = urls.permalink(lang, Target::Entry(Collection::Events, &entry.slug));
        let when = e.date.map_or_else(|| updated.clone(), atom_time);
        out.push_str(&format!(
            "<entry>\n<title>{}</title>\n<id>{}</id>\n<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n<published>{when}</published>\n<updated>{when}</updated>\n",
            escape_xml(variant.title()),
            escape_xml(&iri(&page)),
            escape_xml(&page),
        ));
        if let Some(kind) = e.kind {
            out.push_str(&format!(
                "<category term=\"{}\" label=\"{}\"/>\n",
                kind.word(),
                escape_xml(&t(&kind.key()))
            ));
        }
        let mut summary = variant
            .front_matter
            .summary()
            .unwrap_or_default()
            .trim()
            .to_owned();
        if let Some(location) = &e.location {
            summary = format!("{} · {summary}", location.as_str().trim());
        }
        out.push_str(&format!(
            "<summary>{}</summary>\n</entry>\n",
            escape_xml(&summary)
        ));
    }
    out.push_str("</feed>\n");
    out
}
