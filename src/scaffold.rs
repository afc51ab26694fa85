//! `hui new` and `hui init`: new entries and new sites, written from the
//! content schema so that every field is shown with an example.

use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;

/// Writes `<slug>.md` and its translations into `root/content/<collection>/`;
/// returns the files written.
pub fn new_entry(root: &Path, collection: &str, slug: &str) -> Result<Vec<PathBuf>, Diagnostic> {
    let _ = (root, collection, slug);
    Err(Diagnostic::error(
        "content",
        "`hui new` is not available yet",
    ))
}

/// Creates a new site in `dir`; returns the files written.
pub fn init(dir: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    let _ = dir;
    Err(Diagnostic::error(dir, "`hui init` is not available yet"))
}
