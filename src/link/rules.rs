//! Rules a single field cannot check by itself: fields every entry of a
//! collection must give (from the schema table's `required`), and values
//! that must agree with each other (an event cannot end before it starts).
//! A broken rule is an error at the field's line; the entry is left out,
//! so that one mistake gives one message.

use crate::content::schema::FrontMatter;
use crate::content::SourceFile;
use crate::diagnostics::Diagnostics;

/// Checks the default-language file of an entry; returns whether it may be
/// built.
pub(super) fn check(file: &SourceFile, diags: &mut Diagnostics) -> bool {
    let before = diags.error_count();
    for spec in file.front_matter.specs() {
        if spec.required && !file.front_matter.is_set(spec.name) {
            diags.push(
                crate::diagnostics::Diagnostic::error(
                    &file.path,
                    format!("missing required field `{}`", spec.name),
                )
                .at(file.yaml_first_line.saturating_sub(1).max(1), 1)
                .hint(format!(
                    "add `{}: {}` between the `---` lines ({})",
                    spec.name,
                    spec.example.en.trim(),
                    spec.meaning.en
                ))
                .with_source(&file.text),
            );
        }
    }
    if let FrontMatter::Event(e) = &file.front_matter {
        if let (Some(start), Some(end)) = (e.date, e.end) {
            // An all-day end (no time) ends with its day.
            let before = match (start.time, end.time) {
                (Some(_), Some(_)) => end < start,
                _ => end.date < start.date,
            };
            if before {
                diags.push(
                    file.error_at(
                        "end",
                        None,
                        format!(
                            "the event ends ({}) before it starts ({})",
                            end.written(),
                            start.written()
                        ),
                    )
                    .hint("`end` must not be earlier than `date`; check the day and the time"),
                );
            }
        }
    }
    diags.error_count() == before
}
