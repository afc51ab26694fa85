//! What results show of a page: its address, title, collection and the
//! start of each part's text, stored in document shards that the browser
//! loads only for the results it shows.

use std::borrow::Cow;

use super::index::MAX_PARTS;
use super::Doc;

/// Text kept per part and per page for snippets, in characters.
const PART_TEXT: usize = 320;
const PAGE_TEXT: usize = 1400;
const MIN_PART_TEXT: usize = 120;
/// Raw size aimed at for one document shard.
const DOC_SHARD_BYTES: usize = 6 * 1024;

/// A page as the browser shows it in results, `[url, title, collection,
/// [[anchor, heading, text]…]]`, its texts shortened for snippets: kept as
/// the JSON its document shard holds, made where the page renders, so that
/// a large site holds one string per page rather than dozens, and a shard
/// is only these strings joined.
#[derive(Debug)]
pub(super) struct StoredDoc(String);

impl StoredDoc {
    pub(super) fn of(doc: &Doc, collection: usize) -> StoredDoc {
        let sections = &doc.sections[..doc.sections.len().min(MAX_PARTS - 2)];
        // Every part gets its share of the page's text, so that a late
        // section still has a snippet.
        let share = (PAGE_TEXT / (sections.len() + 1)).clamp(MIN_PART_TEXT, PART_TEXT);
        let mut parts = vec![("", "", shorten(&doc.head, share))];
        for section in sections {
            parts.push((
                section.anchor.as_str(),
                section.heading.as_str(),
                shorten(&section.text, share),
            ));
        }
        StoredDoc(crate::js::script_safe(&(
            &doc.url, &doc.title, collection, parts,
        )))
    }

    /// The page as its document shard holds it.
    pub(super) fn json(&self) -> &str {
        &self.0
    }
}

/// The first `take` characters of `text`, with an ellipsis when it goes on.
fn shorten(text: &str, take: usize) -> Cow<'_, str> {
    // A text of no more bytes than `take` has no more characters either;
    // else the cut is found by the bytes that start a character, which is
    // quicker than decoding them.
    let cut = (text.len() > take)
        .then(|| {
            text.bytes()
                .enumerate()
                .filter(|(_, b)| (*b as i8) >= -0x40)
                .nth(take)
        })
        .flatten();
    match cut {
        Some((cut, _)) => Cow::Owned(format!("{}…", &text[..cut])),
        None => Cow::Borrowed(text),
    }
}

/// Pages per document shard, so that a shard is about [`DOC_SHARD_BYTES`].
pub(super) fn per_doc_shard(docs: &[&StoredDoc]) -> usize {
    if docs.is_empty() {
        return 1;
    }
    let total: usize = docs.iter().map(|d| d.0.len()).sum();
    let average = total / docs.len();
    (DOC_SHARD_BYTES / average.max(1)).clamp(1, 64)
}

/// How many bytes [`push_doc_array`] writes.
pub(super) fn doc_array_size(docs: &[&StoredDoc]) -> usize {
    docs.iter().map(|d| d.0.len() + 1).sum::<usize>() + 1
}

/// A document shard's pages as one JSON array.
pub(super) fn push_doc_array(out: &mut String, docs: &[&StoredDoc]) {
    out.push('[');
    for (i, doc) in docs.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&doc.0);
    }
    out.push(']');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortening_counts_characters_not_bytes() {
        assert_eq!(shorten("新型显示产业", 4), "新型显示…");
        assert_eq!(shorten("新型显示", 4), "新型显示");
        assert_eq!(shorten("ab", 4), "ab");
        assert_eq!(shorten("abcdef", 4), "abcd…");
        assert_eq!(shorten("äöüß", 3), "äöü…");
    }
}
