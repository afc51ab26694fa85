//! Writing: the built site goes to a fresh folder beside the output, which
//! replaces the output only when the whole build succeeded.
//!
//! A failed or interrupted build therefore never leaves a half-written
//! `public/`: the previous one stays exactly as it was.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;

/// Where a build writes the site's files: a staging folder for `hui build`,
/// memory for `hui serve` (which must never touch `public/`), nothing for
/// `hui check`. Paths are relative to the site's root URL.
pub trait Sink: Sync {
    fn write(&self, rel: &Path, bytes: &[u8]) -> io::Result<()>;

    /// Copies a source file into the site.
    fn copy(&self, from: &Path, rel: &Path) -> io::Result<()> {
        self.write(rel, &fs::read(from)?)
    }

    /// Whether what is written is kept. A sink that drops it all (`hui
    /// check`) needs no search index, which is most of what a build writes
    /// that no check looks at.
    fn keeps(&self) -> bool {
        true
    }
}

/// A built site held in memory: URL path (`en/card/wang-ming/index.html`) →
/// bytes. Values are shared so that an incremental rebuild can start from
/// the previous build without copying it.
pub type Files = std::collections::HashMap<String, std::sync::Arc<Vec<u8>>>;

/// A [`Sink`] that keeps the files in memory.
#[derive(Debug, Default)]
pub struct MemorySink {
    files: std::sync::Mutex<Files>,
}

impl MemorySink {
    /// Starts from `files`, which the build then adds to or overwrites.
    pub fn with_files(files: Files) -> MemorySink {
        MemorySink {
            files: std::sync::Mutex::new(files),
        }
    }

    pub fn into_files(self) -> Files {
        self.files.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

/// Writes `bytes` to `path` through a temporary file beside it, so that the
/// file is either the old one or the new one, never half of each.
/// The message for a file of the site that could not be written into the
/// output: the same wherever it happens.
pub fn write_error(rel: &Path, e: &io::Error) -> Diagnostic {
    Diagnostic::error(rel, format!("cannot write the output file: {e}"))
        .hint("check that the output folder's disk is not full and is writable")
}

pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
    let tmp = temp_beside(path);
    fs::write(&tmp, bytes)
        .and_then(|()| fs::rename(&tmp, path))
        .map_err(|e| {
            let _ = fs::remove_file(&tmp);
            cannot_write(path, &e)
        })
}

fn temp_beside(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.hui-tmp"))
}

fn cannot_write(path: &Path, e: &dyn std::fmt::Display) -> Diagnostic {
    Diagnostic::error(
        crate::shown_path(path),
        format!("cannot write the file: {e}"),
    )
    .hint("check that the folder exists, is writable and its disk is not full")
}

/// Packs every file under `dir` into the zip `dest`, at its top level (the
/// home page's `index.html` is the start file). Files are compressed in
/// parallel, in batches that each make a small archive; the batches are then
/// joined without compressing again. Entries are in path order with a fixed
/// date, so the same site gives the same zip.
pub fn zip_folder(dir: &Path, dest: &Path) -> Result<(), Diagnostic> {
    use rayon::prelude::*;
    use std::io::{Cursor, Write};
    use zip::write::SimpleFileOptions;

    let mut files: Vec<(String, PathBuf)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let rel = e.path().strip_prefix(dir).ok()?;
            Some((file_key(rel), e.path().to_path_buf()))
        })
        .collect();
    files.sort();
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(6))
        .last_modified_time(zip::DateTime::default());
    let batches: Vec<Vec<u8>> = files
        .par_chunks(128)
        .map(|batch| -> Result<Vec<u8>, Diagnostic> {
            let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
            for (name, path) in batch {
                let bytes = fs::read(path).map_err(|e| cannot_write(dest, &e))?;
                zip.start_file(name.as_str(), options)
                    .and_then(|()| zip.write_all(&bytes).map_err(Into::into))
                    .map_err(|e| cannot_write(dest, &e))?;
            }
            zip.finish()
                .map(Cursor::into_inner)
                .map_err(|e| cannot_write(dest, &e))
        })
        .collect::<Result<_, _>>()?;
    let tmp = temp_beside(dest);
    let joined = (|| -> zip::result::ZipResult<()> {
        let file = fs::File::create(&tmp)?;
        let mut zip = zip::ZipWriter::new(io::BufWriter::new(file));
        for batch in batches {
            zip.merge_archive(zip::ZipArchive::new(Cursor::new(batch))?)?;
        }
        zip.finish()?.flush()?;
        Ok(())
    })();
    joined
        .map_err(|e| cannot_write(dest, &e))
        .and_then(|()| fs::rename(&tmp, dest).map_err(|e| cannot_write(dest, &e)))
        .inspect_err(|_| {
            let _ = fs::remove_file(&tmp);
        })
}

/// The key of a file in [`Files`]: its path with `/` separators.
pub fn file_key(rel: &Path) -> String {
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

impl Sink for MemorySink {
    fn write(&self, rel: &Path, bytes: &[u8]) -> io::Result<()> {
        let mut files = self.files.lock().unwrap_or_else(|e| e.into_inner());
        files.insert(file_key(rel), std::sync::Arc::new(bytes.to_vec()));
        Ok(())
    }
}

/// A [`Sink`] that drops everything: `hui check` renders to find problems
/// but writes nothing.
#[derive(Debug, Default)]
pub struct NullSink;

impl Sink for NullSink {
    fn write(&self, _rel: &Path, _bytes: &[u8]) -> io::Result<()> {
        Ok(())
    }

    fn keeps(&self) -> bool {
        false
    }

    fn copy(&self, _from: &Path, _rel: &Path) -> io::Result<()> {
        Ok(())
    }
}

impl Staging {
    /// The path of `rel` in the staging folder, its folder created.
    fn prepare(&self, rel: &Path) -> io::Result<PathBuf> {
        let path = self.dir.join(rel);
        if let Some(parent) = path.parent() {
            let known = self
                .made
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .contains(parent);
            if !known {
                fs::create_dir_all(parent)?;
                self.made
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(parent.to_path_buf());
            }
        }
        Ok(path)
    }
}

impl Sink for Staging {
    /// Writes one file, creating its folders.
    fn write(&self, rel: &Path, bytes: &[u8]) -> io::Result<()> {
        fs::write(self.prepare(rel)?, bytes)
    }

    fn copy(&self, from: &Path, rel: &Path) -> io::Result<()> {
        fs::copy(from, self.prepare(rel)?).map(|_| ())
    }
}

/// Exchanges two folders atomically (`renameat2` with `RENAME_EXCHANGE`).
#[cfg(target_os = "linux")]
fn swap(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

/// Elsewhere the output is replaced with two renames.
#[cfg(not(target_os = "linux"))]
fn swap(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::new(
        io::ErrorKind::Unsupported,
        "no atomic exchange",
    ))
}

/// The folder a build writes into before it becomes the output.
#[derive(Debug)]
pub struct Staging {
    target: PathBuf,
    dir: PathBuf,
    /// Folders already created, so each file costs one system call, not a
    /// walk up its folders.
    made: std::sync::Mutex<std::collections::HashSet<PathBuf>>,
}

/// Prefix of the temporary folders beside the output, so a later build can
/// find and remove those a killed build left behind.
fn temp_prefix(target: &Path) -> String {
    let name = target
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("public");
    format!(".{name}.hui-")
}

impl Staging {
    /// Creates the staging folder beside `target` (same file system, so the
    /// final swap is a rename).
    pub fn new(target: &Path) -> Result<Staging, Diagnostic> {
        let parent = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        if !parent.is_dir() {
            return Err(Diagnostic::error(
                target,
                format!(
                    "cannot write the site: the folder {} does not exist",
                    parent.display()
                ),
            )
            .hint("create it first, or choose another folder with --output"));
        }
        remove_stale(&parent, target);
        let dir = parent.join(format!("{}new-{}", temp_prefix(target), std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir(&dir).map_err(|e| {
            Diagnostic::error(
                target,
                format!("cannot write the site into {}: {e}", parent.display()),
            )
            .hint("check that the folder is writable, or choose another with --output")
        })?;
        Ok(Staging {
            target: target.to_path_buf(),
            dir,
            made: Default::default(),
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Replaces the output with the staged site. Where the system can swap
    /// two folders in one step (Linux), a build killed at any moment leaves
    /// either the old site or the new one, never none.
    pub fn commit(self) -> Result<(), Diagnostic> {
        let fail = |e: io::Error| {
            Diagnostic::error(
                &self.target,
                format!("cannot replace the output folder: {e}"),
            )
            .hint("close programs that use files in it, and check its permissions")
        };
        if self.target.is_dir() && swap(&self.dir, &self.target).is_ok() {
            // The staging folder now holds the previous site.
            let _ = fs::remove_dir_all(&self.dir);
            return Ok(());
        }
        let parent = self.dir.parent().unwrap_or(Path::new("."));
        let old = parent.join(format!(
            "{}old-{}",
            temp_prefix(&self.target),
            std::process::id()
        ));
        let had_old = self.target.exists();
        if had_old {
            let _ = fs::remove_dir_all(&old);
            fs::rename(&self.target, &old).map_err(fail)?;
        }
        if let Err(e) = fs::rename(&self.dir, &self.target) {
            if had_old {
                let _ = fs::rename(&old, &self.target);
            }
            return Err(fail(e));
        }
        if had_old {
            let _ = fs::remove_dir_all(&old);
        }
        Ok(())
    }

    /// Throws the staged files away; the output is untouched.
    pub fn discard(self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// Removes staging folders left by builds that were killed, and restores an
/// output that a killed build had moved aside but not yet replaced.
fn remove_stale(parent: &Path, target: &Path) {
    let prefix = temp_prefix(target);
    let Ok(read) = fs::read_dir(parent) else {
        return;
    };
    for entry in read.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some(rest) = name.strip_prefix(&prefix) else {
            continue;
        };
        if rest.starts_with("old-") && !target.exists() {
            let _ = fs::rename(entry.path(), target);
        } else {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

/// Refuses output folders whose replacement would destroy the site itself.
pub fn check_target(root: &Path, target: &Path) -> Result<(), Diagnostic> {
    let abs = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    let (root_abs, target_abs) = (abs(root), abs(target));
    let holds_site = root_abs.starts_with(&target_abs) || target.join("content").exists();
    if holds_site {
        return Err(Diagnostic::error(
            target,
            "refusing to use this folder as output: it holds the site's content, and a build replaces the whole output folder",
        )
        .hint("choose a separate folder, such as the default `public/`"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commit_replaces_and_discard_keeps() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("old.html"), "old").unwrap();

        let s = Staging::new(&out).unwrap();
        s.write(Path::new("a/index.html"), b"new").unwrap();
        s.discard();
        assert!(out.join("old.html").exists());

        let s = Staging::new(&out).unwrap();
        s.write(Path::new("a/index.html"), b"new").unwrap();
        s.commit().unwrap();
        assert!(!out.join("old.html").exists());
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "new");
        let leftovers: Vec<_> = fs::read_dir(tmp.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1);
    }
}
