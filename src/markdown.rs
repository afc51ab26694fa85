//! Markdown bodies → safe HTML.
//!
//! pulldown-cmark does the parsing; this module adds what a government site
//! needs on top: bold and italics that work next to Chinese punctuation, no raw
//! HTML or script links from content, heading anchors, links resolved to the
//! site's URLs, and tables that scroll on a phone.

use std::borrow::Cow;
use std::collections::HashSet;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};

/// A problem in a Markdown body, at a line relative to the body's start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyWarning {
    /// 0-based line within the body.
    pub line: usize,
    pub message: String,
    pub hint: String,
}

/// A link or image address as the editor wrote it, for `hui check`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyLink {
    /// 0-based line within the body.
    pub line: usize,
    /// The address before resolution: `/parks/east-zone/#map`, `map.jpg`.
    pub dest: String,
    /// `![…](…)` rather than `[…](…)`.
    pub image: bool,
}

#[derive(Debug, Default)]
pub struct Rendered {
    pub html: String,
    pub warnings: Vec<BodyWarning>,
    /// Every link and image of the body, in order: `hui check` verifies that
    /// they lead somewhere without parsing the Markdown a second way.
    pub links: Vec<BodyLink>,
    /// The ids the body's headings get on the page, in order: the targets
    /// that `#anchor` links to this page can use.
    pub heading_ids: Vec<String>,
    /// The body as plain text, section by section, for the search index:
    /// the text before the first heading (when there is any), then each
    /// heading with the text up to the next one.
    pub sections: Vec<Section>,
}

/// A heading and the text under it, as plain text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Section {
    /// The heading's id on the page; empty for the text before the first
    /// heading.
    pub anchor: String,
    pub heading: String,
    pub text: String,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Inline tags an editor may write; they carry no attributes, so no script.
const ALLOWED_INLINE_HTML: &[&str] = &[
    "<br>", "<br/>", "<br />", "<sup>", "</sup>", "<sub>", "</sub>", "<kbd>", "</kbd>", "<mark>",
    "</mark>",
];

/// Renders `source`, resolving every link and image address through `resolve`.
pub fn render(source: &str, resolve: &dyn Fn(&str) -> String) -> Rendered {
    let prepared = cjk::prepare(source);
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(prepared.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |offset: usize| {
        line_starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    };

    let mut warnings = Vec::new();
    let mut links = Vec::new();
    let mut heading_ids = Vec::new();
    let mut events: Vec<Event> = Vec::new();
    let mut ids = HashSet::new();
    let mut heading: Option<(usize, HeadingLevel, Option<CowStr>, Vec<CowStr>)> = None;
    let mut sections = vec![Section::default()];

    for (event, range) in Parser::new_ext(&prepared, options()).into_offset_iter() {
        let event = match event {
            Event::Text(text) => Event::Text(cjk::strip(text)),
            Event::Html(html) | Event::InlineHtml(html) => {
                let trimmed = html.trim();
                if ALLOWED_INLINE_HTML.contains(&trimmed.to_ascii_lowercase().as_str()) {
                    Event::InlineHtml(html)
                } else {
                    if !trimmed.is_empty() && !trimmed.starts_with("<!--") {
                        warnings.push(BodyWarning {
                            line: line_of(range.start),
                            message: format!("raw HTML is not allowed and is shown as text: `{}`", shorten(trimmed)),
                            hint: "use Markdown instead (`**bold**`, `[link](/parks/east-zone/)`, tables with `|`)".into(),
                        });
                    }
                    if trimmed.starts_with("<!--") {
                        continue;
                    }
                    Event::Text(html)
                }
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                links.push(BodyLink {
                    line: line_of(range.start),
                    dest: dest_url.to_string(),
                    image: false,
                });
                let dest_url = safe_url(&dest_url, resolve).unwrap_or_else(|| {
                    warnings.push(unsafe_link_warning(line_of(range.start), &dest_url));
                    "#".into()
                });
                Event::Start(Tag::Link {
                    link_type,
                    dest_url: dest_url.into(),
                    title,
                    id,
                })
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                links.push(BodyLink {
                    line: line_of(range.start),
                    dest: dest_url.to_string(),
                    image: true,
                });
                let dest_url = safe_url(&dest_url, resolve).unwrap_or_else(|| {
                    warnings.push(unsafe_link_warning(line_of(range.start), &dest_url));
                    String::new()
                });
                Event::Start(Tag::Image {
                    link_type,
                    dest_url: dest_url.into(),
                    title,
                    id,
                })
            }
            Event::Start(Tag::Heading {
                level, id, classes, ..
            }) => {
                heading = Some((events.len(), level, id, classes));
                events.push(Event::Text("".into()));
                continue;
            }
            Event::End(TagEnd::Heading(level)) => {
                if let Some((start, _, given_id, classes)) = heading.take() {
                    let text = plain_text(&events[start + 1..]);
                    let id = unique_id(
                        given_id
                            .map(|i| i.to_string())
                            .unwrap_or_else(|| slugify(&text)),
                        &mut ids,
                    );
                    heading_ids.push(id.clone());
                    sections.push(Section {
                        anchor: id.clone(),
                        heading: text.trim().to_owned(),
                        text: String::new(),
                    });
                    events[start] = Event::Start(Tag::Heading {
                        level,
                        id: Some(id.clone().into()),
                        classes,
                        attrs: Vec::new(),
                    });
                    events.push(Event::Html(
                        format!(
                            "<a class=\"anchor\" href=\"#{}\" aria-hidden=\"true\" tabindex=\"-1\">#</a>",
                            escape_attr(&id)
                        )
                        .into(),
                    ));
                }
                Event::End(TagEnd::Heading(level))
            }
            Event::Start(Tag::Table(align)) => {
                events.push(Event::Html("<div class=\"table-wrap\">".into()));
                Event::Start(Tag::Table(align))
            }
            Event::End(TagEnd::Table) => {
                events.push(Event::End(TagEnd::Table));
                Event::Html("</div>".into())
            }
            other => other,
        };
        // After the event is made safe: raw HTML shown as text is text.
        if heading.is_none() {
            collect_text(&event, &mut sections);
        }
        events.push(event);
    }
    let mut html = String::with_capacity(source.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    for section in &mut sections {
        let trimmed = section.text.trim_end();
        section.text.truncate(trimmed.len());
    }
    if sections[0].text.is_empty() {
        sections.remove(0);
    }
    Rendered {
        html,
        warnings,
        links,
        heading_ids,
        sections,
    }
}

/// Adds the text an event shows to the last section; block ends become a
/// space, so that words of two paragraphs or cells do not run together.
fn collect_text(event: &Event, sections: &mut [Section]) {
    let Some(section) = sections.last_mut() else {
        return;
    };
    let text = &mut section.text;
    match event {
        Event::Text(t) | Event::Code(t) => {
            text.extend(t.chars().filter(|c| *c != cjk::MARK));
        }
        Event::SoftBreak
        | Event::HardBreak
        | Event::End(
            TagEnd::Paragraph
            | TagEnd::Item
            | TagEnd::TableCell
            | TagEnd::BlockQuote(_)
            | TagEnd::CodeBlock,
        ) if !text.is_empty() && !text.ends_with(' ') => text.push(' '),
        _ => {}
    }
}

fn shorten(s: &str) -> String {
    let short: String = s.chars().take(40).collect();
    if short.len() < s.len() {
        format!("{short}…")
    } else {
        short
    }
}

fn unsafe_link_warning(line: usize, url: &str) -> BodyWarning {
    BodyWarning {
        line,
        message: format!("unsafe link `{}` removed", shorten(url)),
        hint: "links may use http(s), mailto, tel or site paths such as /parks/east-zone/".into(),
    }
}

/// The resolved address, or `None` for schemes that run code (`javascript:`).
fn safe_url(url: &str, resolve: &dyn Fn(&str) -> String) -> Option<String> {
    let compact: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    if crate::urls::has_scheme(&compact) {
        let allowed = ["http:", "https:", "mailto:", "tel:", "sms:"];
        if !allowed.iter().any(|s| compact.starts_with(s)) {
            return None;
        }
    }
    Some(resolve(url))
}

fn escape_attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn plain_text(events: &[Event]) -> String {
    events
        .iter()
        .filter_map(|e| match e {
            Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
            _ => None,
        })
        .collect()
}

/// A heading id that keeps Chinese text readable: `## 产业 概况` → `产业-概况`.
pub fn slugify(text: &str) -> String {
    let mut out = String::new();
    for c in text.trim().chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() {
        "section".to_owned()
    } else {
        out
    }
}

fn unique_id(id: String, seen: &mut HashSet<String>) -> String {
    let mut candidate = id.clone();
    let mut n = 1;
    while !seen.insert(candidate.clone()) {
        n += 1;
        candidate = format!("{id}-{n}");
    }
    candidate
}

/// CJK-friendly emphasis.
///
/// CommonMark decides whether `**` opens or closes emphasis from the
/// characters around it; a run between punctuation and a letter may not close
/// (`**注意：**正文`) or open (`事项**“重要”**`). That rule exists for English
/// (`a**"b"**c`) but fails for Chinese, which puts no spaces around words.
/// Following the CJK-friendly emphasis proposal, where such a run touches
/// Chinese text we insert an invisible marker between the punctuation and the
/// run, which makes the run flanking; the marker is removed from the parsed
/// text. Only text the parser saw as literal text is touched, so code spans,
/// code blocks, link addresses and HTML stay byte for byte as written.
mod cjk {
    use super::*;

    /// A noncharacter: neither punctuation nor whitespace to CommonMark, and
    /// never present in real text.
    pub const MARK: char = '\u{FDD0}';

    pub fn prepare(source: &str) -> Cow<'_, str> {
        if !source.contains(['*', '_']) || source.contains(MARK) {
            return Cow::Borrowed(source);
        }
        // A cheap scan of every run first: most bodies have none next to
        // Chinese punctuation, and then the parse below is not needed.
        let mut inserts = Vec::new();
        find_inserts(source, 0, source.len(), &mut inserts);
        if inserts.is_empty() {
            return Cow::Borrowed(source);
        }
        inserts.clear();
        for (event, range) in Parser::new_ext(source, options()).into_offset_iter() {
            match event {
                // Runs CommonMark left as literal text.
                Event::Text(text) if text.contains(['*', '_']) => {
                    find_inserts(source, range.start, range.end, &mut inserts);
                }
                // Runs it matched, possibly with the wrong partner
                // (`**注意：**正文，**“重要”**`): look at both ends.
                Event::Start(Tag::Emphasis | Tag::Strong) if range.len() >= 2 => {
                    find_inserts(source, range.start, range.start + 1, &mut inserts);
                    find_inserts(source, range.end - 1, range.end, &mut inserts);
                }
                _ => {}
            }
        }
        if inserts.is_empty() {
            return Cow::Borrowed(source);
        }
        inserts.sort_unstable();
        inserts.dedup();
        let mut out = String::with_capacity(source.len() + inserts.len() * 3);
        let mut last = 0;
        for at in inserts {
            out.push_str(&source[last..at]);
            out.push(MARK);
            last = at;
        }
        out.push_str(&source[last..]);
        Cow::Owned(out)
    }

    pub fn strip(text: CowStr<'_>) -> CowStr<'_> {
        if text.contains(MARK) {
            text.replace(MARK, "").into()
        } else {
            text
        }
    }

    /// Finds delimiter runs touching `source[start..end]` that need a marker, and
    /// records the byte offsets where to insert one.
    fn find_inserts(source: &str, start: usize, end: usize, inserts: &mut Vec<usize>) {
        let bytes = source.as_bytes();
        let mut i = start;
        while i < end {
            let b = bytes[i];
            if b != b'*' && b != b'_' {
                i += 1;
                continue;
            }
            // A run may span several text events; take all of it.
            let mut run_start = i;
            while run_start > 0 && bytes[run_start - 1] == b {
                run_start -= 1;
            }
            while i < bytes.len() && bytes[i] == b {
                i += 1;
            }
            let run_end = i;
            let before = source[..run_start].chars().next_back();
            if before == Some('\\') {
                continue;
            }
            let after = source[run_end..].chars().next();
            let (Some(before), Some(after)) = (before, after) else {
                continue;
            };
            // Closing run after punctuation, before a letter: `：**正`.
            if is_punct(before)
                && !is_space(after)
                && !is_punct(after)
                && (is_cjk(before) || is_cjk(after))
            {
                inserts.push(run_start);
            }
            // Opening run after a letter, before punctuation: `项**“`.
            if is_punct(after)
                && !is_space(before)
                && !is_punct(before)
                && (is_cjk(after) || is_cjk(before))
            {
                inserts.push(run_end);
            }
        }
    }

    fn is_space(c: char) -> bool {
        c.is_whitespace()
    }

    fn is_punct(c: char) -> bool {
        c.is_ascii_punctuation()
            || matches!(
                c.general_category_group(),
                GeneralCategoryGroup::Punctuation | GeneralCategoryGroup::Symbol
            )
    }

    /// Han, kana, hangul, and CJK punctuation and full-width forms.
    pub fn is_cjk(c: char) -> bool {
        matches!(c as u32,
            0x1100..=0x11FF | 0x2E80..=0x2FDF | 0x3000..=0x303F | 0x3040..=0x30FF | 0x3100..=0x31FF
            | 0x3200..=0x4DBF | 0x4E00..=0x9FFF | 0xA960..=0xA97F | 0xAC00..=0xD7FF
            | 0xF900..=0xFAFF | 0xFE10..=0xFE1F | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF
            | 0x20000..=0x3FFFF)
            || matches!(c, '“' | '”' | '‘' | '’' | '…' | '—')
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(md: &str) -> String {
        render(md, &|u| u.to_owned()).html
    }

    #[test]
    fn chinese_emphasis_next_to_punctuation() {
        assert_eq!(
            html("**注意：**正文"),
            "<p><strong>注意：</strong>正文</p>\n"
        );
        assert_eq!(
            html("**“重要”**事项"),
            "<p><strong>“重要”</strong>事项</p>\n"
        );
        assert_eq!(
            html("这是**“重要”**事项"),
            "<p>这是<strong>“重要”</strong>事项</p>\n"
        );
        assert_eq!(html("*注意：*正文"), "<p><em>注意：</em>正文</p>\n");
        assert_eq!(html("真**，**她"), "<p>真<strong>，</strong>她</p>\n");
        assert_eq!(
            html("**注意：**正文，**“重要”**事项"),
            "<p><strong>注意：</strong>正文，<strong>“重要”</strong>事项</p>\n"
        );
    }

    #[test]
    fn other_markdown_is_unchanged() {
        // Code spans keep their asterisks, English keeps CommonMark's rules.
        assert_eq!(
            html("`**注意：**正文`"),
            "<p><code>**注意：**正文</code></p>\n"
        );
        assert_eq!(html("a**\"b\"**c"), "<p>a**\"b\"**c</p>\n");
        assert_eq!(html("**bold** text"), "<p><strong>bold</strong> text</p>\n");
        assert_eq!(html("\\*注意：\\*正文"), "<p>*注意：*正文</p>\n");
        assert_eq!(
            html("```\n**注意：**正文\n```"),
            "<pre><code>**注意：**正文\n</code></pre>\n"
        );
        assert!(!html("**注意：**正文").contains('\u{FDD0}'));
    }

    #[test]
    fn raw_html_is_escaped_and_reported() {
        let r = render(
            "hi <script>alert(1)</script>\n\n<div onclick=x>y</div>\n",
            &|u| u.to_owned(),
        );
        assert!(!r.html.contains("<script"), "{}", r.html);
        assert!(!r.html.contains("<div onclick"), "{}", r.html);
        assert!(r.html.contains("&lt;script&gt;"));
        assert_eq!(r.warnings.len(), 3, "{:?}", r.warnings);
        assert_eq!(r.warnings[2].line, 2);
        assert!(html("a<br>b").contains("a<br>b"));
    }

    #[test]
    fn script_links_are_neutralised() {
        let r = render(
            "[x](javascript:alert(1)) [y]( JaVaScRiPt:alert(1)) ![i](data:text/html,x)",
            &|u| u.to_owned(),
        );
        assert!(!r.html.to_lowercase().contains("javascript"), "{}", r.html);
        assert!(!r.html.contains("data:"), "{}", r.html);
        assert_eq!(r.warnings.len(), 3);
    }

    #[test]
    fn headings_get_unique_anchors() {
        let out = html("## 产业 概况\n\n## 产业 概况\n\n## Intro {#custom}\n");
        assert!(out.contains("<h2 id=\"产业-概况\">"), "{out}");
        assert!(out.contains("<h2 id=\"产业-概况-2\">"), "{out}");
        assert!(out.contains("<h2 id=\"custom\">"), "{out}");
        assert!(out.contains("href=\"#custom\""));
    }

    #[test]
    fn tables_footnotes_strikethrough() {
        let out = html("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ text[^1]\n\n[^1]: note\n");
        assert!(out.contains("<div class=\"table-wrap\"><table>"), "{out}");
        assert!(out.contains("<del>old</del>"));
        assert!(out.contains("footnote"));
    }

    #[test]
    fn links_and_heading_ids_are_collected() {
        let r = render(
            "## 概况\n\nsee [park](/parks/east/#a)\nand ![map](map.jpg)\n\n## 概况\n",
            &|u| u.to_owned(),
        );
        assert_eq!(r.heading_ids, ["概况", "概况-2"]);
        let found: Vec<(usize, &str, bool)> = r
            .links
            .iter()
            .map(|l| (l.line, l.dest.as_str(), l.image))
            .collect();
        assert_eq!(found, [(2, "/parks/east/#a", false), (3, "map.jpg", true)]);
    }

    #[test]
    fn links_are_resolved() {
        let out = render("[park](/parks/east/)", &|u| format!("/base{u}")).html;
        assert!(out.contains("href=\"/base/parks/east/\""), "{out}");
    }
}
