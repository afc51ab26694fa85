//! Text → index terms, by the same rules as the browser's `search.js`.
//!
//! The index is only as good as the agreement between the two sides: a term
//! the build writes must be the term the browser looks up. So the rules are
//! small and explicit, written here and in `search.js` alike, and pinned by
//! one shared table of examples (`tests/search/tokens.json`) that both test
//! suites check:
//!
//! - Text is normalised first: full-width ASCII (`５Ｇ`) becomes ASCII and
//!   letters become lower case.
//! - Chinese, Japanese and Korean runs give overlapping character bigrams
//!   (`新型显示` → `新型 型显 显示`), so any part of a word matches; a run of
//!   one character is a term by itself. At build time, jieba's dictionary
//!   also gives the run's words of three or more characters (`新型显示`),
//!   which the browser finds by looking up the query's substrings.
//! - Other text splits into words at spaces and punctuation, as Unicode's
//!   word boundaries do for Latin, Greek and Cyrillic. A dot or comma between
//!   digits stays inside a number (`869.8`, `1,000` → `1000`); an apostrophe
//!   inside a word goes (`investor's` → `investor`).
//! - A hyphenated word is a term whole, joined and in parts (`tape-out` →
//!   `tape-out tapeout tape out`), so codes like `COF-IC` are found as
//!   written and `biotown` finds `Bio-Town`.
//! - Words of letters only are lightly stemmed: plurals become singular
//!   (`batteries` → `battery`, `zones` → `zone`). Words with digits (`5g`,
//!   `28nm`) are codes and stay whole.

use std::sync::OnceLock;

/// A term as the scanner hands it over. CJK bigrams, by far the most
/// numerous, come as numbers (two code points packed), so that counting them
/// allocates nothing; [`gram_text`] spells one out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Term<'a> {
    /// A bigram, or a CJK run of one character (second half zero).
    Gram(u64),
    Word(&'a str),
    /// A dictionary word of three or more CJK characters.
    Phrase(&'a str),
}

/// What the scanner hands its terms to, a kind of term per method, so
/// that counting a bigram, by far the most frequent kind, can be compiled
/// into the scanner's loop. Any `FnMut(Term)` is one.
pub trait Terms {
    fn gram(&mut self, key: u64);
    fn word(&mut self, word: &str);
    fn phrase(&mut self, phrase: &str);
}

impl<F: FnMut(Term)> Terms for F {
    fn gram(&mut self, key: u64) {
        self(Term::Gram(key))
    }
    fn word(&mut self, word: &str) {
        self(Term::Word(word))
    }
    fn phrase(&mut self, phrase: &str) {
        self(Term::Phrase(phrase))
    }
}

fn gram_key(a: char, b: Option<char>) -> u64 {
    (u64::from(a as u32) << 21) | b.map_or(0, |b| u64::from(b as u32))
}

/// The text of a bigram key.
pub fn gram_text(key: u64) -> String {
    let mut out = String::with_capacity(8);
    out.extend(char::from_u32((key >> 21) as u32));
    if key & 0x1F_FFFF != 0 {
        out.extend(char::from_u32((key & 0x1F_FFFF) as u32));
    }
    out
}

/// Han, kana and hangul: scripts written without spaces between words.
pub fn is_cjk(c: char) -> bool {
    // The unified ideographs first: nearly every character of Chinese text.
    matches!(c as u32, 0x4E00..=0x9FFF)
        || (c as u32) >= 0x1100
            && matches!(c as u32,
        0x1100..=0x11FF | 0x3005..=0x3007 | 0x3040..=0x30FF | 0x3130..=0x318F | 0x31F0..=0x31FF
        | 0x3400..=0x4DBF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF
        | 0x20000..=0x2FA1F)
}

/// Letters and digits of the scripts written with spaces. The ranges are
/// listed rather than taken from Unicode's tables so that `search.js`, which
/// must run in old browsers without `\p{L}`, can list the same ones.
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c as u32,
            0x00C0..=0x00D6 | 0x00D8..=0x00F6 | 0x00F8..=0x024F | 0x0300..=0x036F
            | 0x0370..=0x03FF | 0x0400..=0x052F | 0x1E00..=0x1EFF)
}

/// Full-width ASCII to ASCII, then lower case (one character to one, as in
/// `search.js`: `İ` and other letters that lower-case to two are kept).
pub fn normalize_char(c: char) -> char {
    // Most characters are ASCII or CJK: answer those without the tables.
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    // CJK characters, and the punctuation written between them, have no
    // case.
    if is_cjk(c) || matches!(c as u32, 0x2000..=0x206F | 0x3001..=0x303F) {
        return c;
    }
    let c = match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        _ => c,
    };
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// Words that are never stemmed although they end in `s`.
fn keeps_s(word: &str) -> bool {
    ["us", "ss", "is"].iter().any(|end| word.ends_with(end))
}

/// Plural to singular, for words of letters only (`batteries` → `battery`,
/// `taxes` → `tax`, `zones` → `zone`, `parks` → `park`): how many bytes of
/// `word` the singular keeps and what it adds, or `None` when the word stays
/// as it is, which most words do, so that they are handed over uncopied.
fn plural_cut(word: &str) -> Option<(usize, &'static str)> {
    // Checked first, as it rules out most words at the cost of one byte.
    if !word.ends_with('s') || word.len() <= 3 || keeps_s(word) {
        return None;
    }
    let letters = if word.is_ascii() {
        word.bytes().all(|b| b.is_ascii_alphabetic())
    } else {
        word.chars().count() > 3
            && word.chars().all(|c| {
                is_word_char(c) && !c.is_ascii_digit() && !('\u{300}'..='\u{36F}').contains(&c)
            })
    };
    if !letters {
        return None;
    }
    if let Some(base) = word.strip_suffix("ies") {
        if !base.ends_with(['a', 'e']) {
            return Some((base.len(), "y"));
        }
    }
    if ["sses", "xes", "ches", "shes", "zzes"]
        .iter()
        .any(|end| word.ends_with(end))
    {
        return Some((word.len() - 2, ""));
    }
    Some((word.len() - 1, ""))
}

/// Hands over `word` made singular ([`plural_cut`]), copying it into `buf`
/// only when the singular adds a letter.
fn stemmed(word: &str, buf: &mut String, out: &mut impl Terms) {
    match plural_cut(word) {
        None => out.word(word),
        Some((keep, "")) => out.word(&word[..keep]),
        Some((keep, add)) => {
            buf.clear();
            buf.push_str(&word[..keep]);
            buf.push_str(add);
            out.word(buf);
        }
    }
}

/// Splits `text` into terms, calling `out` for each; with `phrases`, CJK
/// runs of three or more characters also give their dictionary words. The
/// buffers are the caller's, so that indexing a site reuses them.
fn scan(text: &str, phrases: bool, buf: &mut Buffers, out: &mut impl Terms) {
    // Most English text is ASCII: read its bytes in place instead of
    // copying out normalised characters first.
    if text.is_ascii() {
        return scan_ascii(text, buf, out);
    }
    // A CJK character normalises to itself and no other character
    // normalises to one, and a word never reaches across a CJK character
    // (it only looks ahead for word characters, digits and `s`). So the
    // text splits at its CJK runs, whose bigrams are handed over as the
    // characters are read, and the pieces between them are scanned as
    // texts of their own.
    let mut piece = 0;
    let mut run: Option<Run> = None;
    for (at, c) in text.char_indices() {
        match (&mut run, is_cjk(c)) {
            (Some(r), true) => {
                out.gram(gram_key(r.last, Some(c)));
                r.last = c;
                r.chars += 1;
            }
            (None, true) => {
                scan_between(&text[piece..at], buf, out);
                run = Some(Run {
                    start: at,
                    first: c,
                    last: c,
                    chars: 1,
                });
            }
            (Some(r), false) => {
                end_run(&text[r.start..at], r, phrases, out);
                run = None;
                piece = at;
            }
            (None, false) => {}
        }
    }
    match run {
        Some(r) => end_run(&text[r.start..], &r, phrases, out),
        None => scan_between(&text[piece..], buf, out),
    }
}

/// A run of CJK characters being read.
struct Run {
    start: usize,
    first: char,
    last: char,
    chars: usize,
}

/// The terms a CJK run gives once it is read, besides its bigrams: a run
/// of one character is a term by itself, and with `phrases` a run of three
/// or more gives its dictionary words of three or more characters.
fn end_run(text: &str, run: &Run, phrases: bool, out: &mut impl Terms) {
    if run.chars == 1 {
        out.gram(gram_key(run.first, None));
    }
    if phrases && run.chars >= 3 {
        for token in jieba().cut(text, false) {
            if token.end - token.start >= 3 {
                out.phrase(token.word);
            }
        }
    }
}

/// Scans text without CJK characters: in place when it is ASCII, else
/// normalised character by character first.
fn scan_between(text: &str, buf: &mut Buffers, out: &mut impl Terms) {
    if text.is_empty() {
        return;
    }
    if text.is_ascii() {
        return scan_ascii(text, buf, out);
    }
    // Most such pieces are the punctuation between two CJK runs (`，`,
    // `。`): nothing to copy out when no character is part of a word.
    if !text.chars().any(|c| is_word_char(normalize_char(c))) {
        return;
    }
    let Buffers {
        chars, word, stem, ..
    } = buf;
    chars.clear();
    chars.extend(text.chars().map(normalize_char));
    let at = |i: usize| chars[i];
    scan_chars(chars.len(), at, word, stem, out);
}

/// [`scan`] of ASCII text. Most words are a run of letters and digits
/// ended by a space or punctuation that cannot join two words: those are
/// handed over as they stand (lower-cased only when they need it), and only
/// a word that meets `.` `,` `'` or `-` goes the general way.
fn scan_ascii(text: &str, buf: &mut Buffers, out: &mut impl Terms) {
    let Buffers { word, stem, .. } = buf;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        let mut upper = false;
        while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
            upper |= bytes[i].is_ascii_uppercase();
            i += 1;
        }
        let joins = i + 1 < bytes.len()
            && matches!(bytes[i], b'.' | b',' | b'\'' | b'-')
            && bytes[i + 1].is_ascii_alphanumeric();
        if joins {
            // The general rules decide; they read the word from its start.
            let rest = &bytes[start..];
            let at = |j: usize| char::from(rest[j].to_ascii_lowercase());
            let mut taken = 0;
            scan_word(rest.len(), &at, &mut taken, word);
            i = start + taken;
            word_terms(word, stem, out);
            continue;
        }
        let found = &text[start..i];
        // Letters and digits only: no hyphen to split at.
        if upper {
            word.clear();
            word.push_str(found);
            word.make_ascii_lowercase();
            stemmed(word, stem, out);
        } else {
            stemmed(found, stem, out);
        }
    }
}

/// [`scan`] over `len` normalised characters without CJK, the `i`-th
/// being `at(i)`.
fn scan_chars(
    len: usize,
    at: impl Fn(usize) -> char,
    word: &mut String,
    stem: &mut String,
    out: &mut impl Terms,
) {
    let mut i = 0;
    while i < len {
        if is_word_char(at(i)) {
            scan_word(len, &at, &mut i, word);
            word_terms(word, stem, out);
        } else {
            i += 1;
        }
    }
}

/// Reads the word that starts at `*i` into `word` and moves `*i` past it:
/// letters and digits, with a dot or comma between digits, an apostrophe
/// inside the word and hyphens between its parts.
fn scan_word(len: usize, at: &impl Fn(usize) -> char, i: &mut usize, word: &mut String) {
    let get = |i: usize| (i < len).then(|| at(i));
    word.clear();
    while *i < len {
        let c = at(*i);
        if is_word_char(c) {
            word.push(c);
            *i += 1;
            continue;
        }
        let next = get(*i + 1);
        if matches!(c, '.' | ',')
            && word.ends_with(|p: char| p.is_ascii_digit())
            && next.is_some_and(|n| n.is_ascii_digit())
        {
            if c == '.' {
                word.push('.');
            }
        } else if matches!(c, '\'' | '’') && next.is_some_and(is_word_char) {
            // `investor's` → `investor`; `don't` → `dont`.
            if next == Some('s') && !get(*i + 2).is_some_and(is_word_char) {
                *i += 2;
                break;
            }
        } else if matches!(c, '-' | '‐' | '‑') && next.is_some_and(is_word_char) {
            word.push('-');
        } else {
            break;
        }
        *i += 1;
    }
}

/// Scratch space for [`scan`].
#[derive(Default)]
pub struct Buffers {
    chars: Vec<char>,
    word: String,
    stem: String,
}

/// The terms of a word: itself (stemmed when it is letters only), and for a
/// hyphenated word also its parts.
fn word_terms(word: &str, stem_buf: &mut String, out: &mut impl Terms) {
    if word.contains('-') {
        out.word(word);
        stem_buf.clear();
        stem_buf.extend(word.chars().filter(|c| *c != '-'));
        out.word(stem_buf);
        for part in word.split('-').filter(|p| !p.is_empty()) {
            stemmed(part, stem_buf, out);
        }
    } else {
        stemmed(word, stem_buf, out);
    }
}

/// The shared dictionary segmenter; loading it takes about 0.2 s of CPU, so
/// builds start it early on another thread ([`warm_up`]).
fn jieba() -> &'static jieba_rs::Jieba {
    static JIEBA: OnceLock<jieba_rs::Jieba> = OnceLock::new();
    JIEBA.get_or_init(jieba_rs::Jieba::new)
}

/// Loads the dictionary now, so that the first page indexed does not wait.
pub fn warm_up() {
    jieba();
}

/// The terms of a document text, in order. `phrases` adds dictionary
/// words, which cost more than everything else together: they are made for
/// titles, fields and headings, where a whole word decides most.
pub fn document_terms(text: &str, phrases: bool, buf: &mut Buffers, out: &mut impl Terms) {
    scan(text, phrases, buf, out);
}

/// The terms `search.js` makes of a query, without its dictionary lookups
/// (which depend on the index): for tests of the agreement between the two.
pub fn query_terms(text: &str) -> Vec<String> {
    terms_of(text, false)
}

/// Every term of `text` spelt out, dictionary words too with `phrases`.
fn terms_of(text: &str, phrases: bool) -> Vec<String> {
    let mut terms = Vec::new();
    scan(text, phrases, &mut Buffers::default(), &mut |t: Term| {
        terms.push(match t {
            Term::Gram(key) => gram_text(key),
            Term::Word(w) | Term::Phrase(w) => w.to_owned(),
        })
    });
    terms
}

/// A value looked up whole, such as a document number: normalised, without
/// spaces, with every kind of bracket made one (`涪府发〔2023〕9号`,
/// `涪府发[2023]9号` and `涪府发（2023）9号` are the same number).
pub fn code_term(value: &str) -> String {
    value
        .chars()
        .map(normalize_char)
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '〔' | '【' | '[' | '(' | '{' | '〖' | '［' => '(',
            '〕' | '】' | ']' | ')' | '}' | '〗' | '］' => ')',
            c => c,
        })
        .collect()
}

/// The index shard a term lives in. The key is the term's first character
/// for CJK terms (so every dictionary word and bigram that starts where a
/// query bigram starts is in the shard that bigram loads anyway) and its
/// first two UTF-16 units otherwise (so a typed prefix finds the words that
/// continue it). FNV-1a over UTF-16 units, as `search.js` computes it.
pub fn shard_of(term: &str, shards: u32) -> u32 {
    let first = term.chars().next().unwrap_or(' ');
    let units: Vec<u16> = if is_cjk(first) {
        let mut buf = [0u16; 2];
        first.encode_utf16(&mut buf).to_vec()
    } else {
        term.encode_utf16().take(2).collect()
    };
    let mut hash: u32 = 0x811c_9dc5;
    for unit in units {
        hash ^= u32::from(unit);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash % shards.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Vec<String> {
        terms_of(text, true)
    }

    #[test]
    fn chinese_gives_bigrams_and_dictionary_words() {
        let terms = doc("新型显示产业");
        for t in ["新型", "型显", "显示", "示产", "产业"] {
            assert!(terms.contains(&t.to_owned()), "{t} in {terms:?}");
        }
        let terms = doc("新能源汽车");
        assert!(terms.contains(&"新能源".to_owned()), "{terms:?}");
        assert_eq!(doc("园"), ["园"]);
    }

    #[test]
    fn english_is_lower_cased_stemmed_and_split_at_hyphens() {
        assert_eq!(query_terms("Batteries"), ["battery"]);
        assert_eq!(query_terms("Zones taxes parks"), ["zone", "tax", "park"]);
        assert_eq!(query_terms("status analysis"), ["status", "analysis"]);
        assert_eq!(
            query_terms("tape-out"),
            ["tape-out", "tapeout", "tape", "out"]
        );
        assert_eq!(query_terms("investor's"), ["investor"]);
    }

    #[test]
    fn long_words_and_runs_of_punctuation_are_read_whole() {
        let long = "Semiconductor".repeat(12);
        let text = format!("{} {long} Parks{}x", " ".repeat(60), "-".repeat(70));
        assert_eq!(
            query_terms(&text),
            [long.to_ascii_lowercase(), "park".into(), "x".into()]
        );
    }

    #[test]
    fn codes_and_numbers_stay_whole() {
        assert_eq!(query_terms("5G"), ["5g"]);
        assert_eq!(query_terms("COF-IC"), ["cof-ic", "cofic", "cof", "ic"]);
        assert_eq!(query_terms("869.8亿元"), ["869.8", "亿元"]);
        assert_eq!(query_terms("1,000 m²"), ["1000", "m"]);
        assert_eq!(query_terms("５Ｇ"), ["5g"]);
        assert_eq!(
            code_term("涪府发〔2023〕9号"),
            code_term("涪府发[2023] 9号")
        );
    }

    /// The table `search.js` is tested against too (`tests/browser/
    /// tokens.test.mjs`): both sides must give these terms and shards.
    #[test]
    fn the_shared_table_matches() {
        let table: Vec<serde_json::Value> =
            serde_json::from_str(include_str!("../../tests/search/tokens.json")).unwrap();
        for case in &table {
            let text = case["text"].as_str().unwrap();
            let expected: Vec<String> = serde_json::from_value(case["terms"].clone())
                .unwrap_or_else(|_| panic!("{text}: no terms in the table"));
            assert_eq!(query_terms(text), expected, "{text}");
            let shards: Vec<u32> = expected.iter().map(|t| shard_of(t, 97)).collect();
            assert_eq!(case["shards97"], serde_json::json!(shards), "{text}");
            assert_eq!(case["code"], serde_json::json!(code_term(text)), "{text}");
        }
    }

    proptest::proptest! {
        /// ASCII text is read in place; it must give what the general path
        /// gives (a trailing `ü` forces the general path and one more term).
        #[test]
        fn ascii_text_gives_the_same_terms_either_way(text in "[ -~]{0,200}") {
            let mut general = query_terms(&format!("{text} ü"));
            proptest::prop_assert_eq!(general.pop(), Some("ü".to_owned()));
            proptest::prop_assert_eq!(query_terms(&text), general);
        }
    }

    #[test]
    fn shards_follow_the_first_character_for_chinese() {
        assert_eq!(shard_of("新型", 97), shard_of("新型显示", 97));
        assert_eq!(shard_of("battery", 97), shard_of("ba", 97));
    }
}
