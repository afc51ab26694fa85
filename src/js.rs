//! Values written into JavaScript: JSON-LD in `<script>` elements, the
//! redirect of an alias page, and the search index's script files.

use serde::Serialize;

/// JSON that cannot end its `<script>` element or open a comment there:
/// `<`, `>` and `&` become `\u` escapes (still the same JSON), as do the
/// line separators that old JavaScript parsers reject.
pub fn script_safe(value: &impl Serialize) -> String {
    let json = serde_json::to_string(value).expect("plain data always serialises");
    // The search index writes tens of megabytes of text that rarely holds
    // any of these: check before copying, by bytes (the two separators
    // start with 0xE2, which few other characters in such text do).
    if !json.bytes().any(|b| matches!(b, b'<' | b'>' | b'&' | 0xE2)) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::script_safe;

    #[test]
    fn markup_and_line_separators_are_escaped_and_other_text_kept() {
        assert_eq!(
            script_safe(&"</script><!-- & \u{2028}\u{2029}"),
            r#""\u003c/script\u003e\u003c!-- \u0026 \u2028\u2029""#
        );
        // Characters that share the separators' first byte stay as they are.
        assert_eq!(script_safe(&"€ → ‘a’ 新型"), "\"€ → ‘a’ 新型\"");
    }
}
