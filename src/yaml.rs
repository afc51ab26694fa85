//! The one place that decodes YAML.
//!
//! serde_yaml is archived; keeping every call to it here means a move to a
//! maintained fork is a one-module change. This module also owns the mapping
//! from positions inside a front-matter block to the file's own lines, and the
//! text search that finds a key's line where serde_yaml gives no position
//! (unknown fields, references checked after parsing).

use serde::de::DeserializeOwned;

/// A YAML problem, positioned in the file (not in the YAML block).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    pub message: String,
    pub hint: Option<String>,
    pub line: Option<usize>,
    pub column: Option<usize>,
}

/// A key that no field of the schema accepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownKey {
    /// Dotted path, such as `stats.0.lable`.
    pub path: String,
    /// The last segment, the key as the editor wrote it.
    pub key: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
}

/// Separates the message of a custom deserialisation error from its hint.
///
/// Our own value types (e-mail, phone, date…) report through serde, which only
/// carries a string; the hint rides along after this marker.
pub const HINT_MARKER: &str = "\u{1f}help:";

/// Builds a custom serde error whose hint survives the trip through serde_yaml.
pub fn error_with_hint<E: serde::de::Error>(message: impl std::fmt::Display, hint: &str) -> E {
    E::custom(format!("{message}{HINT_MARKER}{hint}"))
}

/// Decodes `yaml` (a block that starts on line `first_line` of its file) into
/// `T`, collecting keys that `T` does not know instead of failing on the first.
pub fn decode<T: DeserializeOwned>(
    yaml: &str,
    first_line: usize,
) -> Result<(T, Vec<UnknownKey>), YamlError> {
    let yaml = if yaml.trim().is_empty() { "{}" } else { yaml };
    let mut unknown_paths = Vec::new();
    let deserializer = serde_yaml::Deserializer::from_str(yaml);
    let value: Result<T, _> =
        serde_ignored::deserialize(deserializer, |path| unknown_paths.push(path.to_string()));
    match value {
        Ok(value) => {
            let unknown = unknown_paths
                .into_iter()
                .map(|path| {
                    let key = path.rsplit('.').next().unwrap_or(&path).to_owned();
                    let pos = locate_key_path(yaml, &path);
                    UnknownKey {
                        line: pos.map(|(l, _)| l + first_line - 1),
                        column: pos.map(|(_, c)| c),
                        path,
                        key,
                    }
                })
                .collect();
            Ok((value, unknown))
        }
        Err(err) => Err(convert_error(&err, yaml, first_line)),
    }
}

fn convert_error(err: &serde_yaml::Error, yaml: &str, first_line: usize) -> YamlError {
    let location = err.location();
    let mut message = err.to_string();
    if let Some(loc) = &location {
        let suffix = format!(" at line {} column {}", loc.line(), loc.column());
        if let Some(idx) = message.find(&suffix) {
            message.replace_range(idx..idx + suffix.len(), "");
        }
    }
    let (mut message, mut hint) = match message.split_once(HINT_MARKER) {
        Some((m, h)) => (m.to_owned(), Some(h.to_owned())),
        None => (message, None),
    };
    let mut line = location.as_ref().map(|l| l.line());
    let mut column = location.as_ref().map(|l| l.column());
    // serde_yaml prefixes errors inside a field with its path (`location: …`)
    // and, for checks made after the value was read, points at the mapping.
    if let Some((path, rest)) = message.split_once(": ") {
        let is_path = !path.is_empty()
            && path
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.' || c == '[' || c == ']');
        if is_path {
            let dotted = path.replace('[', ".").replace(']', "");
            if let Some((l, c)) = locate_key_path(yaml, &dotted) {
                if line.is_none_or(|reported| reported < l) {
                    line = Some(l);
                    column = Some(c);
                }
            }
            message = format!("`{path}`: {rest}");
        }
    }
    // Unknown keys of hand-written maps: point at the key, not the mapping.
    if let Some(field) = between(&message, "unknown field `", "`") {
        if let Some((l, c)) = find_key_from(yaml, field, line.unwrap_or(1), 1) {
            line = Some(l);
            column = Some(c);
        }
    }
    if let Some(field) = between(&message, "duplicate field `", "`") {
        let field = field.to_owned();
        // serde_yaml points at the mapping, not at the second key.
        if let Some((l, c)) = locate_nth_key(yaml, &field, 2) {
            line = Some(l);
            column = Some(c);
        }
        hint = Some(format!("`{field}` is written twice; keep one"));
    }
    if hint.is_none() {
        hint = hint_for_serde_message(&message);
    }
    if message.starts_with("invalid type") {
        message = message.replacen("invalid type", "wrong type", 1);
    }
    YamlError {
        message,
        hint,
        line: line.map(|l| l + first_line - 1),
        column,
    }
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let rest = &text[text.find(start)? + start.len()..];
    Some(&rest[..rest.find(end)?])
}

/// Turns serde_yaml's wording into advice an editor can act on.
fn hint_for_serde_message(message: &str) -> Option<String> {
    let hint = if message.contains("expected a string") {
        "put the value in quotes, e.g. `title: \"2023\"`"
    } else if message.contains("expected a sequence") {
        "write a list: `[a, b]` on one line, or one `- item` per line"
    } else if message.contains("expected a boolean") {
        "write `true` or `false`"
    } else if message.contains("expected i64") || message.contains("expected an integer") {
        "write a whole number without quotes, e.g. `weight: 10`"
    } else if message.contains("expected f64") || message.contains("expected a number") {
        "write a number without quotes or units, e.g. `12.5`"
    } else if message.contains("expected a map") || message.contains("expected struct") {
        "write a mapping of `key: value` pairs, indented under the key"
    } else if message.contains("mapping values are not allowed") {
        "a value that contains `: ` must be quoted, e.g. `title: \"时间: 2023\"`"
    } else if message.contains("did not find expected") || message.contains("while parsing") {
        "check the indentation (spaces, not tabs) and that every key is followed by `: `"
    } else if message.contains("found character that cannot start any token") {
        "values starting with `@`, `` ` `` or `%` must be quoted; indent with spaces, not tabs"
    } else if message.contains("repetition limit") || message.contains("recursion limit") {
        "the YAML is nested or repeated too deeply (anchors and aliases?); simplify it"
    } else {
        return None;
    };
    Some(hint.to_owned())
}

/// The line and column (1-based, within `yaml`) of a dotted key path such as
/// `contact.phone` or `stats.0.lable`. A text search, used where the parser
/// gives no position.
pub fn locate_key_path(yaml: &str, path: &str) -> Option<(usize, usize)> {
    let mut from_line = 0;
    let mut found = None;
    for segment in path.split('.') {
        if segment.parse::<usize>().is_ok() {
            continue;
        }
        let (line, col) = find_key_from(yaml, segment, from_line, 1)?;
        from_line = line;
        found = Some((line, col));
    }
    found
}

/// Line and column of the `n`-th occurrence of `key:` at any indentation.
fn locate_nth_key(yaml: &str, key: &str, n: usize) -> Option<(usize, usize)> {
    find_key_from(yaml, key, 0, n)
}

fn find_key_from(yaml: &str, key: &str, from_line: usize, n: usize) -> Option<(usize, usize)> {
    let mut seen = 0;
    for (idx, line) in yaml.lines().enumerate().skip(from_line.saturating_sub(1)) {
        let trimmed = line.trim_start_matches([' ', '-', '{', ',']);
        let indent = line.chars().count() - trimmed.chars().count();
        let rest = trimmed
            .strip_prefix(key)
            .or_else(|| trimmed.strip_prefix(&format!("\"{key}\"")))
            .or_else(|| trimmed.strip_prefix(&format!("'{key}'")));
        let is_key = rest.is_some_and(|r| r.trim_start().starts_with(':'));
        let inline = line.contains(&format!("{key}:")) || line.contains(&format!("{key} :"));
        if is_key {
            seen += 1;
            if seen == n {
                return Some((idx + 1, indent + 1));
            }
        } else if inline {
            if let Some(byte) = line.find(&format!("{key}:")) {
                seen += 1;
                if seen == n {
                    return Some((idx + 1, line[..byte].chars().count() + 1));
                }
            }
        }
    }
    None
}

/// Line and column (1-based, within `yaml`) of `value` written under `key`,
/// for pointing at one item of a list such as `industries: [a, b]`.
pub fn locate_value(yaml: &str, key: &str, value: &str) -> Option<(usize, usize)> {
    let (key_line, key_col) = locate_key_path(yaml, key)?;
    for (idx, line) in yaml.lines().enumerate().skip(key_line - 1) {
        let is_key_line = idx + 1 == key_line;
        if !is_key_line {
            let indent = line.chars().take_while(|c| *c == ' ').count() + 1;
            let continues = line.trim().is_empty()
                || indent > key_col
                || (indent == key_col && line.trim_start().starts_with('-'));
            if !continues {
                break;
            }
        }
        let search_from = if is_key_line {
            line.find(':').map_or(0, |i| i + 1)
        } else {
            0
        };
        if let Some(pos) = find_word(&line[search_from..], value) {
            let byte = search_from + pos;
            return Some((idx + 1, line[..byte].chars().count() + 1));
        }
    }
    Some((key_line, key_col))
}

/// Finds `word` not as part of a longer slug-like word.
fn find_word(haystack: &str, word: &str) -> Option<usize> {
    let is_slug_char = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    let mut start = 0;
    while let Some(pos) = haystack[start..].find(word) {
        let abs = start + pos;
        let before = haystack[..abs].chars().next_back();
        let after = haystack[abs + word.len()..].chars().next();
        if !before.is_some_and(is_slug_char) && !after.is_some_and(is_slug_char) {
            return Some(abs);
        }
        start = abs + word.len().max(1);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    struct Person {
        name: Option<String>,
        #[allow(dead_code)]
        weight: Option<i64>,
    }

    #[test]
    fn unknown_keys_are_collected_with_file_lines() {
        let (p, unknown) = decode::<Person>("name: 王明\nphon: 1\nemial: x\n", 2).unwrap();
        assert_eq!(p.name.as_deref(), Some("王明"));
        assert_eq!(unknown.len(), 2);
        assert_eq!(unknown[0].key, "phon");
        assert_eq!(unknown[0].line, Some(3));
        assert_eq!(unknown[1].line, Some(4));
    }

    #[test]
    fn type_errors_point_at_the_file_line() {
        let err = decode::<Person>("name: x\nweight: heavy\n", 2).unwrap_err();
        assert_eq!(err.line, Some(3));
        assert!(err.message.contains("weight"), "{}", err.message);
        assert!(err.hint.is_some());
    }

    #[test]
    fn syntax_errors_point_at_the_file_line() {
        let err = decode::<Person>("name: [x\nweight: 1\n", 5).unwrap_err();
        assert!(err.line.unwrap() >= 5, "{err:?}");
    }

    #[test]
    fn duplicate_keys_are_located() {
        let err = decode::<Person>("name: a\nweight: 1\nname: b\n", 2).unwrap_err();
        assert_eq!(err.line, Some(4), "{err:?}");
    }

    #[test]
    fn values_in_lists_are_located() {
        let yaml = "title: x\nindustries:\n  - a-b\n  - b\nparks: [b, c]\n";
        assert_eq!(locate_value(yaml, "industries", "b"), Some((4, 5)));
        assert_eq!(locate_value(yaml, "parks", "c"), Some((5, 12)));
    }
}
