//! Values written into JavaScript: JSON-LD in `<script>` elements, the
//! redirect of an alias page, and the search index's script files.

use serde::Serialize;

/// JSON that cannot end its `<script>` element or open a comment there:
/// `<`, `>` and `&` become `\u` escapes (still the same JSON), as do the
/// line separators that old JavaScript parsers reject.
pub fn script_safe(value: &impl Serialize) -> String {
    let json = serde_json::to_string(value).expect("plain data always serialises");
    escape_for_script(json)
}

/// `json` with what [`script_safe`] escapes escaped. The search index
/// writes tens of megabytes of text that seldom holds any of it: the text
/// is searched for the bytes that start an escape, and what lies between
/// two is copied whole; text without one is returned as it is.
fn escape_for_script(json: String) -> String {
    let bytes = json.as_bytes();
    let markup = |from: usize| memchr::memchr3(b'<', b'>', b'&', &bytes[from..]).map(|i| from + i);
    // U+2028 and U+2029 are E2 80 A8 and E2 80 A9. 0xE2 starts other
    // characters too (`…`, `“`), which are passed over.
    let separator = |mut from: usize| loop {
        let at = from + memchr::memchr(0xE2, &bytes[from..])?;
        if matches!(bytes.get(at + 1..at + 3), Some([0x80, 0xA8 | 0xA9])) {
            return Some(at);
        }
        from = at + 1;
    };
    // The next of each kind, searched for again only once passed, so that
    // the text is read once however the two kinds alternate.
    let (mut next_markup, mut next_separator) = (markup(0), separator(0));
    let mut out = String::new();
    let mut copied = 0;
    loop {
        let (at, escape, len) = match (next_markup, next_separator) {
            (None, None) => break,
            (Some(m), None) => (m, markup_escape(bytes[m]), 1),
            (Some(m), Some(s)) if m < s => (m, markup_escape(bytes[m]), 1),
            (_, Some(s)) if bytes[s + 2] == 0xA8 => (s, "\\u2028", 3),
            (_, Some(s)) => (s, "\\u2029", 3),
        };
        if out.is_empty() {
            out.reserve(json.len() + 16);
        }
        out.push_str(&json[copied..at]);
        out.push_str(escape);
        copied = at + len;
        if len == 1 {
            next_markup = markup(copied);
        } else {
            next_separator = separator(copied);
        }
    }
    if copied == 0 {
        return json;
    }
    out.push_str(&json[copied..]);
    out
}

fn markup_escape(byte: u8) -> &'static str {
    match byte {
        b'<' => "\\u003c",
        b'>' => "\\u003e",
        _ => "\\u0026",
    }
}

#[cfg(test)]
mod tests {
    use super::script_safe;
    use proptest::prelude::*;

    #[test]
    fn markup_and_line_separators_are_escaped_and_other_text_kept() {
        assert_eq!(
            script_safe(&"</script><!-- & \u{2028}\u{2029}"),
            r#""\u003c/script\u003e\u003c!-- \u0026 \u2028\u2029""#
        );
        // Characters that share the separators' first byte stay as they are.
        assert_eq!(script_safe(&"€ → ‘a’ 新型"), "\"€ → ‘a’ 新型\"");
    }

    proptest! {
        /// The span copy escapes what a character-by-character copy does.
        #[test]
        fn escapes_as_a_copy_character_by_character_does(
            text in "([<>&a新€…\u{2028}\u{2029}\"\\\\]|\\PC){0,40}"
        ) {
            let json = serde_json::to_string(&text).unwrap();
            let expected: String = json
                .chars()
                .map(|c| match c {
                    '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => format!("\\u{:04x}", c as u32),
                    c => c.to_string(),
                })
                .collect();
            prop_assert_eq!(script_safe(&text), expected);
        }
    }
}
