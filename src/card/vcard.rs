//! A vCard 3.0 (RFC 2426) writer.
//!
//! 3.0 rather than 4.0 because phones import it best: Android's 4.0 parser is
//! marked not for production and iOS prefers 3.0. The `vcard` crate targets
//! 4.0 and the format is small, so the writer lives here. What importers
//! trip over is exactly what this module guarantees: UTF-8 without BOM, CRLF
//! line ends, lines folded at 75 octets without splitting a character, and
//! `\ , ;` and newlines escaped in text values.

/// A vCard being written, one property per call.
#[derive(Debug)]
pub struct VCard {
    out: String,
}

impl Default for VCard {
    fn default() -> Self {
        Self::new()
    }
}

impl VCard {
    pub fn new() -> VCard {
        let mut card = VCard { out: String::new() };
        card.raw("BEGIN", "VCARD");
        card.raw("VERSION", "3.0");
        card
    }

    /// A text property (`FN`, `TITLE`, `NOTE`…): the value is trimmed
    /// (YAML block text ends with a newline) and escaped.
    pub fn text(&mut self, name: &str, value: &str) {
        self.raw(name, &escape(value.trim()));
    }

    /// A structured property (`N`, `ORG`, `ADR`): components are escaped one
    /// by one and joined with `;`.
    pub fn structured(&mut self, name: &str, components: &[&str]) {
        let value: Vec<String> = components.iter().map(|c| escape(c.trim())).collect();
        self.raw(name, &value.join(";"));
    }

    /// A property whose value is already in vCard form (a phone number, an
    /// e-mail address, base64 data).
    pub fn raw(&mut self, name: &str, value: &str) {
        self.out.push_str(&fold(&format!("{name}:{value}")));
    }

    /// The finished card: ends with `END:VCARD` and CRLF.
    pub fn finish(mut self) -> String {
        self.raw("END", "VCARD");
        self.out
    }
}

/// Escapes a text value: backslash, comma, semicolon and line breaks, which
/// would otherwise split the value. Other control characters cannot be
/// represented and are dropped.
pub fn escape(value: &str) -> String {
    let value = value.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Longest line in octets, CRLF excluded (RFC 2425 §5.8.1).
const LINE_OCTETS: usize = 75;

/// Folds one content line: at most 75 octets per line, continuation lines
/// start with a space (which counts towards their 75), and a multi-byte
/// character is never cut. Every line ends with CRLF.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 64 * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

/// Reverses [`fold`] and [`escape`] for tests: the value of each line.
#[cfg(test)]
pub fn unfold(card: &str) -> Vec<String> {
    card.replace("\r\n ", "")
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn unescape(value: &str) -> String {
        let mut out = String::new();
        let mut chars = value.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n') => out.push('\n'),
                    Some(other) => out.push(other),
                    None => out.push('\\'),
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn escapes_the_separators_of_text_values() {
        assert_eq!(escape(r"a\b,c;d"), r"a\\b\,c\;d");
        assert_eq!(escape("one\r\ntwo\nthree\rfour"), r"one\ntwo\nthree\nfour");
        assert_eq!(escape("\"<b>&</b>\""), "\"<b>&</b>\"");
        assert_eq!(escape("bell\u{7}"), "bell");
    }

    #[test]
    fn writes_a_crlf_card_without_bom() {
        let mut card = VCard::new();
        card.structured("N", &["王", "明", "", "", ""]);
        card.text("FN", "王明");
        let text = card.finish();
        assert_eq!(
            text,
            "BEGIN:VCARD\r\nVERSION:3.0\r\nN:王;明;;;\r\nFN:王明\r\nEND:VCARD\r\n"
        );
    }

    #[test]
    fn folds_chinese_text_on_character_boundaries() {
        let line = format!("NOTE:{}", "招商".repeat(40));
        let folded = fold(&line);
        for physical in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(
                physical.len() <= 75,
                "{} octets: {physical}",
                physical.len()
            );
        }
        assert_eq!(folded.replace("\r\n ", ""), format!("{line}\r\n"));
    }

    proptest! {
        #[test]
        fn folding_keeps_lines_short_and_loses_nothing(value in "\\PC{0,300}") {
            let line = format!("NOTE:{}", escape(&value));
            let folded = fold(&line);
            prop_assert!(folded.ends_with("\r\n"));
            for (i, physical) in folded.trim_end_matches("\r\n").split("\r\n").enumerate() {
                prop_assert!(physical.len() <= 75);
                prop_assert_eq!(i > 0, physical.starts_with(' '));
            }
            prop_assert_eq!(folded.replace("\r\n ", ""), format!("{line}\r\n"));
        }

        #[test]
        fn escaped_values_round_trip(value in "(\\PC|[,;\\\\\n]){0,200}") {
            let mut card = VCard::new();
            card.text("NOTE", &value);
            let text = card.finish();
            let lines = unfold(&text);
            let note = lines.iter().find_map(|l| l.strip_prefix("NOTE:")).unwrap();
            let expected: String = value.trim().chars().filter(|c| !c.is_control() || *c == '\n' || *c == '\t').collect();
            prop_assert_eq!(unescape(note), expected);
            prop_assert!(!note.contains('\n') && !note.contains('\r'));
            // An unescaped separator would split the value.
            let bare = note.replace("\\\\", "").replace("\\,", "").replace("\\;", "");
            prop_assert!(!bare.contains(',') && !bare.contains(';'));
        }
    }
}
