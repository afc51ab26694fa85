//! What results show of a page: its address, title, collection and the
//! start of each part's text, stored in document shards that the browser
//! loads only for the results it shows.

use serde::Serialize;

use super::index::MAX_PARTS;
use super::Doc;

/// Text kept per part and per page for snippets, in characters.
const PART_TEXT: usize = 320;
const PAGE_TEXT: usize = 1400;
const MIN_PART_TEXT: usize = 120;
/// Raw size aimed at for one document shard.
const DOC_SHARD_BYTES: usize = 6 * 1024;

/// A page as the browser shows it in results: address, title, collection
/// and its parts' anchors, headings and texts, shortened for snippets.
#[derive(Debug, Serialize)]
pub(super) struct StoredDoc(String, String, usize, Vec<(String, String, String)>);

impl StoredDoc {
    pub(super) fn of(doc: &Doc, collection: usize) -> StoredDoc {
        let sections = &doc.sections[..doc.sections.len().min(MAX_PARTS - 2)];
        // Every part gets its share of the page's text, so that a late
        // section still has a snippet.
        let share = (PAGE_TEXT / (sections.len() + 1)).clamp(MIN_PART_TEXT, PART_TEXT);
        let mut parts = vec![(String::new(), String::new(), shorten(&doc.head, share))];
        for section in sections {
            parts.push((
                section.anchor.clone(),
                section.heading.clone(),
                shorten(&section.text, share),
            ));
        }
        StoredDoc(doc.url.clone(), doc.title.clone(), collection, parts)
    }
}

/// The first `take` characters of `text`, with an ellipsis when it goes on.
fn shorten(text: &str, take: usize) -> String {
    match text.char_indices().nth(take) {
        Some((cut, _)) => {
            let mut out = text[..cut].to_owned();
            out.push('…');
            out
        }
        None => text.to_owned(),
    }
}

/// Pages per document shard, so that a shard is about [`DOC_SHARD_BYTES`].
pub(super) fn per_doc_shard(docs: &[&StoredDoc]) -> usize {
    if docs.is_empty() {
        return 1;
    }
    let total: usize = docs
        .iter()
        .map(|d| {
            d.0.len()
                + d.1.len()
                + d.3
                    .iter()
                    .map(|p| p.0.len() + p.1.len() + p.2.len() + 8)
                    .sum::<usize>()
        })
        .sum();
    let average = total / docs.len();
    (DOC_SHARD_BYTES / average.max(1)).clamp(1, 64)
}
