//! Problems found in a site, and how they are shown to the editor.
//!
//! Every stage of the pipeline reports into a [`Diagnostics`] collection instead
//! of stopping at the first problem, so one run lists everything that needs
//! fixing. A [`Diagnostic`] always names the file and, where known, the line
//! and column, and carries a hint that says how to fix it: editors are not
//! programmers, and "expected a string" alone teaches nothing.

use std::fmt;
use std::path::{Path, PathBuf};

use anstyle::{AnsiColor, Style};

/// How bad a problem is: errors fail the build, warnings are reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// One problem, located in a file of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file the problem is in, relative to the site root where possible.
    pub path: PathBuf,
    /// 1-based line, if known.
    pub line: Option<usize>,
    /// 1-based column (in characters), if known.
    pub column: Option<usize>,
    pub message: String,
    pub hint: Option<String>,
    /// The offending source line, shown under the message.
    pub snippet: Option<String>,
}

impl Diagnostic {
    /// One line of JSON for `hui check --format json`: `severity` (`error` or
    /// `warning`), `file`, `line` and `column` (null when unknown),
    /// `message` and `hint`.
    pub fn to_json(&self) -> String {
        serde_json::json!({
            "severity": if self.is_error() { "error" } else { "warning" },
            "file": display_path(&self.path),
            "line": self.line,
            "column": self.column,
            "message": self.message,
            "hint": self.hint,
        })
        .to_string()
    }

    pub fn error(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.into(),
            line: None,
            column: None,
            message: message.into(),
            hint: None,
            snippet: None,
        }
    }

    pub fn warning(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(path, message)
        }
    }

    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line.max(1));
        self.column = Some(column.max(1));
        self
    }

    pub fn at_line(mut self, line: usize) -> Self {
        self.line = Some(line.max(1));
        self
    }

    /// Places the diagnostic at a position when one is known.
    pub fn at_opt(self, pos: Option<(usize, usize)>) -> Self {
        match pos {
            Some((line, column)) => self.at(line, column),
            None => self,
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn with_hint(mut self, hint: Option<String>) -> Self {
        self.hint = hint;
        self
    }

    /// Attaches the source line the diagnostic points at, taken from `source`.
    pub fn with_source(mut self, source: &str) -> Self {
        if let Some(line) = self.line {
            self.snippet = source.lines().nth(line - 1).map(str::to_owned);
        }
        self
    }

    /// `path:line:col`, the form editors and terminals turn into a jump target.
    pub fn location(&self) -> String {
        let path = display_path(&self.path);
        match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{path}:{l}:{c}"),
            (Some(l), None) => format!("{path}:{l}"),
            _ => path,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Renders the diagnostic for a terminal, with colour when `color` is set.
    pub fn render(&self, color: bool) -> String {
        let (label, style) = match self.severity {
            Severity::Error => ("error", AnsiColor::Red.on_default().bold()),
            Severity::Warning => ("warning", AnsiColor::Yellow.on_default().bold()),
        };
        let bold = Style::new().bold();
        let blue = AnsiColor::Blue.on_default().bold();
        let paint = |s: Style, text: &str| {
            if color {
                format!("{}{text}{}", s.render(), s.render_reset())
            } else {
                text.to_owned()
            }
        };
        let mut out = format!(
            "{}{} {}",
            paint(style, label),
            paint(bold, ":"),
            paint(bold, &format!("{}: {}", self.location(), self.message))
        );
        if let (Some(line), Some(full)) = (self.line, &self.snippet) {
            let (snippet, column) = window(full, self.column);
            let snippet = &snippet;
            let gutter = line.to_string();
            let pad = " ".repeat(gutter.len());
            out.push_str(&format!("\n{pad} {}", paint(blue, "|")));
            out.push_str(&format!(
                "\n{} {} {}",
                paint(blue, &gutter),
                paint(blue, "|"),
                snippet.trim_end()
            ));
            if let Some(col) = column {
                let prefix: String = snippet.chars().take(col.saturating_sub(1)).collect();
                let indent = " ".repeat(unicode_width::UnicodeWidthStr::width(prefix.as_str()));
                out.push_str(&format!(
                    "\n{pad} {} {indent}{}",
                    paint(blue, "|"),
                    paint(style, "^")
                ));
            }
        }
        if let Some(hint) = &self.hint {
            out.push_str(&format!("\n  {} {hint}", paint(blue, "= help:")));
        }
        out
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

/// Shows paths with forward slashes, the way editors and the README write them.
pub fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// All problems of one run, in the order they were found.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(other);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    /// `--strict`: every warning becomes an error.
    pub fn promote_warnings(&mut self) {
        for d in &mut self.items {
            d.severity = Severity::Error;
        }
    }

    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    /// Sorts by file and position so output does not depend on thread timing.
    pub fn sort(&mut self) {
        self.items.sort_by(|a, b| {
            (&a.path, a.line, a.column, &a.message).cmp(&(&b.path, b.line, b.column, &b.message))
        });
        self.items.dedup();
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(iter: I) -> Self {
        Diagnostics {
            items: iter.into_iter().collect(),
        }
    }
}

/// The closest known name to `unknown`, for "did you mean" hints.
pub fn closest<'a>(
    unknown: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(unknown, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// Characters of a source line shown around the column: a minified or
/// pasted line can be thousands long, and the terminal needs only where it
/// went wrong.
const SNIPPET_CHARS: usize = 100;

/// The part of `line` to show, and the column within it.
fn window(line: &str, column: Option<usize>) -> (String, Option<usize>) {
    let count = line.chars().count();
    if count <= SNIPPET_CHARS {
        return (line.to_owned(), column);
    }
    let col = column.unwrap_or(1).max(1);
    let start = col
        .saturating_sub(SNIPPET_CHARS / 2 + 1)
        .min(count - SNIPPET_CHARS);
    let mut shown: String = line.chars().skip(start).take(SNIPPET_CHARS).collect();
    let mut col_in = column.map(|c| c - start);
    if start > 0 {
        shown.insert(0, '…');
        col_in = col_in.map(|c| c + 1);
    }
    if start + SNIPPET_CHARS < count {
        shown.push('…');
    }
    (shown, col_in)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_nearest_field() {
        assert_eq!(closest("phon", ["name", "phone", "mobile"]), Some("phone"));
        assert_eq!(closest("zzzz", ["name", "phone"]), None);
    }

    #[test]
    fn renders_location_message_snippet_and_hint() {
        let d = Diagnostic::error("content/a.md", "unknown field `phon`")
            .at(3, 1)
            .hint("did you mean `phone`?")
            .with_source("---\nname: 王\nphon: 1\n---\n");
        let text = d.render(false);
        assert!(text.starts_with("error: content/a.md:3:1: unknown field `phon`"));
        assert!(text.contains("3 | phon: 1"));
        assert!(text.contains("= help: did you mean `phone`?"));
    }
}
