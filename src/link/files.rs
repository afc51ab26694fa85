//! Files named in front matter (photos, images, attachments): they must be
//! real files inside `content/`, so that a build copies only what belongs
//! to the site and a typo is caught before the page shows a broken image.

use std::path::Path;

use crate::content::SourceFile;
use crate::diagnostics::Diagnostics;

/// Files named in front matter must exist inside `content/`.
pub(super) fn check_files(content_dir: &Path, file: &SourceFile, diags: &mut Diagnostics) {
    let folder = content_dir.join(file.collection.dir());
    for (field, value) in file.front_matter.files() {
        let problem = file_problem(content_dir, &folder, value);
        if let Some((message, hint)) = problem {
            diags.push(file.error_at(field, None, message).hint(hint));
        }
    }
}

fn file_problem(content_dir: &Path, folder: &Path, value: &str) -> Option<(String, String)> {
    let relative = Path::new(value);
    let escapes = relative.is_absolute()
        || value.starts_with('/')
        || value.starts_with('\\')
        || value.contains(':')
        || relative
            .components()
            .any(|c| matches!(c, std::path::Component::ParentDir));
    if escapes {
        return Some((
            format!("`{value}` points outside the entry's folder"),
            "name a file beside the Markdown file, e.g. `photo: wang-ming.jpg`, or in a subfolder such as `photos/wang-ming.jpg`".to_owned(),
        ));
    }
    let full = folder.join(relative);
    let inside = match (full.canonicalize(), content_dir.canonicalize()) {
        (Ok(f), Ok(c)) => f.starts_with(c) && f.is_file(),
        _ => false,
    };
    if inside {
        return None;
    }
    let dir_name = folder.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if full.exists() {
        Some((
            format!("`{value}` is not a file inside the site"),
            "use a real file (not a folder or a link to elsewhere) inside content/".to_owned(),
        ))
    } else {
        Some((
            format!("file `{value}` not found"),
            format!("put the file at content/{dir_name}/{value}, next to the Markdown file"),
        ))
    }
}
