//! An industry's chain drawn as an SVG diagram at build time: the page
//! carries it inline, so it needs no script and no request, prints as it
//! shows, and scales with its viewBox from a phone to a desk.
//!
//! The stages run top to bottom (upstream → midstream → downstream), which
//! keeps the text large on a narrow screen; each link is a box with its
//! name, its companies and its status in words. Weak and missing links are
//! what the district is looking for (补链招商): besides their colour they
//! have a dashed or dotted, hatched border and say so in text, so the
//! diagram does not depend on colour. Screen readers get a title and a
//! description; the page adds the same links as a list.

use serde::Serialize;
use unicode_width::UnicodeWidthChar;

use super::sitemap::escape_xml;
use crate::content::values::{Chain, LinkStatus};

/// The viewBox width; everything else follows from the text.
const WIDTH: f64 = 480.0;
const PAD: f64 = 8.0;
const GAP: f64 = 10.0;
/// Inside a box.
const INSET: f64 = 10.0;
const NAME_SIZE: f64 = 15.0;
const NAME_LINE: f64 = 19.0;
const SMALL_SIZE: f64 = 12.5;
const SMALL_LINE: f64 = 16.0;
const HEAD_LINE: f64 = 26.0;
const ARROW: f64 = 26.0;

/// The words the diagram shows, in the page's language.
pub struct Labels {
    pub title: String,
    pub stages: [String; 3],
    /// Strong, weak, missing.
    pub statuses: [String; 3],
}

/// What the industry template shows: the diagram, and the same links as
/// text.
#[derive(Serialize)]
pub struct ChainView {
    pub svg: String,
    pub stages: Vec<StageView>,
    /// The weak and missing links' names (补链招商).
    pub wanted: Vec<String>,
}

#[derive(Serialize)]
pub struct StageView {
    pub label: String,
    pub links: Vec<LinkView>,
}

#[derive(Serialize)]
pub struct LinkView {
    pub name: String,
    pub status: &'static str,
    pub status_label: String,
    pub companies: Vec<String>,
}

fn status_index(s: LinkStatus) -> usize {
    match s {
        LinkStatus::Strong => 0,
        LinkStatus::Weak => 1,
        LinkStatus::Missing => 2,
    }
}

/// The view of a chain; `None` when it has no link.
pub fn view(chain: &Chain, labels: &Labels) -> Option<ChainView> {
    if chain.is_empty() {
        return None;
    }
    let stages: Vec<StageView> = chain
        .stages()
        .iter()
        .zip(&labels.stages)
        .filter(|((_, links), _)| !links.is_empty())
        .map(|((_, links), label)| StageView {
            label: label.clone(),
            links: links
                .iter()
                .map(|l| LinkView {
                    name: l.name.to_string(),
                    status: l.status.word(),
                    status_label: labels.statuses[status_index(l.status)].clone(),
                    companies: l.companies.iter().map(|c| c.to_string()).collect(),
                })
                .collect(),
        })
        .collect();
    Some(ChainView {
        svg: svg(&stages, labels),
        wanted: chain.wanted().map(|l| l.name.to_string()).collect(),
        stages,
    })
}

/// The width of `s` in ems, near enough to wrap by: CJK characters are
/// one em, Latin letters about half.
fn width(s: &str) -> f64 {
    s.chars()
        .map(|c| match c.width().unwrap_or(0) {
            2 => 1.0,
            // Generous: a wide fallback font in bold must still fit.
            _ if "mwMW".contains(c) => 0.95,
            _ if c.is_ascii_uppercase() || c.is_ascii_digit() => 0.75,
            _ if " .,;:'|!iljft()".contains(c) => 0.36,
            _ => 0.64,
        })
        .sum()
}

/// `text` in lines of at most `max` ems: between words, or between any two
/// CJK characters; a word longer than a line is cut.
fn wrap(text: &str, max: f64) -> Vec<String> {
    let mut tokens: Vec<String> = Vec::new();
    for c in text.chars() {
        let wide = c.width() == Some(2);
        match tokens.last_mut() {
            Some(t)
                if !wide
                    && !t.ends_with(' ')
                    && t.chars().last().is_some_and(|l| l.width() != Some(2)) =>
            {
                t.push(c)
            }
            _ => tokens.push(c.to_string()),
        }
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for token in tokens {
        if !line.is_empty() && width(&line) + width(token.trim_end()) > max {
            lines.push(line.trim_end().to_owned());
            line = String::new();
        }
        if line.is_empty() && width(token.trim_end()) > max {
            for c in token.chars() {
                if !line.is_empty() && width(&line) + width(&c.to_string()) > max {
                    lines.push(std::mem::take(&mut line));
                }
                line.push(c);
            }
            continue;
        }
        if !(line.is_empty() && token == " ") {
            line.push_str(&token);
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_owned());
    }
    lines
}

/// Companies as one text: `甲、乙` in Chinese, `A, B` otherwise.
fn join(companies: &[String]) -> String {
    let cjk = companies
        .iter()
        .any(|c| c.chars().any(|ch| ch.width() == Some(2)));
    companies.join(if cjk { "、" } else { ", " })
}

/// One link's box, laid out: its lines and its height.
struct Laid<'a> {
    link: &'a LinkView,
    name: Vec<String>,
    companies: Vec<String>,
    height: f64,
}

fn lay(link: &LinkView, box_width: f64) -> Laid<'_> {
    let inner = box_width - 2.0 * INSET;
    let name = wrap(&link.name, inner / NAME_SIZE);
    let companies = wrap(&join(&link.companies), inner / SMALL_SIZE);
    let height = 2.0 * INSET
        + NAME_LINE * name.len() as f64
        + SMALL_LINE * (companies.len() + 1) as f64
        + 4.0;
    Laid {
        link,
        name,
        companies,
        height,
    }
}

fn text_lines(out: &mut String, x: f64, y: f64, step: f64, class: &str, lines: &[String]) {
    out.push_str(&format!("<text class=\"{class}\" x=\"{x}\" y=\"{y}\">"));
    for (i, line) in lines.iter().enumerate() {
        let dy = if i == 0 { 0.0 } else { step };
        out.push_str(&format!(
            "<tspan x=\"{x}\" dy=\"{dy}\">{}</tspan>",
            escape_xml(line)
        ));
    }
    out.push_str("</text>");
}

fn svg(stages: &[StageView], labels: &Labels) -> String {
    let mut body = String::new();
    let mut y = PAD;
    for (n, stage) in stages.iter().enumerate() {
        if n > 0 {
            let mid = WIDTH / 2.0;
            body.push_str(&format!(
                "<path class=\"chain-arrow\" d=\"M{mid} {a}V{b}M{l} {c}L{mid} {d}L{r} {c}\"/>",
                a = y + 2.0,
                b = y + ARROW - 4.0,
                l = mid - 7.0,
                r = mid + 7.0,
                c = y + ARROW - 11.0,
                d = y + ARROW - 3.0,
            ));
            y += ARROW;
        }
        body.push_str(&format!(
            "<text class=\"chain-stage\" x=\"{PAD}\" y=\"{}\">{}</text>",
            y + 17.0,
            escape_xml(&stage.label)
        ));
        y += HEAD_LINE;
        let columns = stage.links.len().clamp(1, 2);
        let box_width = (WIDTH - 2.0 * PAD - GAP * (columns - 1) as f64) / columns as f64;
        let laid: Vec<Laid> = stage.links.iter().map(|l| lay(l, box_width)).collect();
        for row in laid.chunks(columns) {
            let height = row.iter().map(|b| b.height).fold(0.0, f64::max);
            for (i, b) in row.iter().enumerate() {
                let x = PAD + i as f64 * (box_width + GAP);
                let status = b.link.status;
                body.push_str(&format!(
                    "<g class=\"chain-link chain-{status}\"><rect x=\"{x}\" y=\"{y}\" width=\"{box_width}\" height=\"{height}\" rx=\"6\"/>"
                ));
                let tx = x + INSET;
                let name_y = y + INSET + NAME_SIZE;
                text_lines(&mut body, tx, name_y, NAME_LINE, "chain-name", &b.name);
                if !b.companies.is_empty() {
                    let companies_y =
                        name_y + NAME_LINE * (b.name.len() as f64 - 1.0) + SMALL_LINE + 2.0;
                    text_lines(
                        &mut body,
                        tx,
                        companies_y,
                        SMALL_LINE,
                        "chain-companies",
                        &b.companies,
                    );
                }
                let marker = match status {
                    "strong" => "●",
                    "weak" => "◐",
                    _ => "○",
                };
                body.push_str(&format!(
                    "<text class=\"chain-status\" x=\"{tx}\" y=\"{}\">{marker} {}</text></g>",
                    y + height - INSET - 1.0,
                    escape_xml(&b.link.status_label)
                ));
            }
            y += height + GAP;
        }
        y -= GAP;
    }
    let height = y + PAD;
    let desc: Vec<String> = stages
        .iter()
        .map(|s| {
            let links: Vec<String> = s
                .links
                .iter()
                .map(|l| format!("{} ({})", l.name, l.status_label))
                .collect();
            format!("{}: {}", s.label, links.join(", "))
        })
        .collect();
    format!(
        "<svg class=\"chain-svg\" role=\"img\" aria-labelledby=\"chain-title chain-desc\" viewBox=\"0 0 {WIDTH} {height}\"><title id=\"chain-title\">{}</title><desc id=\"chain-desc\">{}</desc><defs><pattern id=\"chain-hatch\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" class=\"chain-hatch-bg\"/><path d=\"M0 0V8\" class=\"chain-hatch-line\"/></pattern></defs>{body}</svg>",
        escape_xml(&labels.title),
        escape_xml(&desc.join("; "))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_chinese_between_characters_and_english_between_words() {
        assert_eq!(wrap("显示面板与模组", 4.0), ["显示面板", "与模组"]);
        assert_eq!(
            wrap("Display panels and modules", 6.0),
            ["Display", "panels and", "modules"]
        );
        assert_eq!(wrap("", 8.0), Vec::<String>::new());
        let long = wrap("Supercalifragilistic", 5.0);
        assert!(long.len() > 1 && long.concat() == "Supercalifragilistic");
    }
}
