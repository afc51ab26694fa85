//! `hui serve`: builds the site into memory, serves it on loopback, rebuilds
//! when content or theme files change and reloads open pages.
//!
//! `public/` is never touched: the served site lives in memory (see
//! [`crate::incremental`]), so only files the build made can be fetched. A
//! build with errors leaves the last good site served, with the errors shown
//! over every page until a rebuild succeeds.

mod http;
mod page;

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use notify::RecursiveMode;

use crate::incremental::{Rebuilt, Session};
use crate::output::Files;
use crate::BuildOptions;

/// How to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub build: BuildOptions,
    pub bind: std::net::IpAddr,
    pub port: u16,
    pub open: bool,
}

/// What the server currently serves.
#[derive(Default)]
struct Served {
    files: Arc<Files>,
    /// The problems of the last build when it failed, shown over pages.
    errors: Option<String>,
}

/// State shared by the HTTP threads and the rebuild loop.
#[derive(Default)]
struct Shared {
    served: RwLock<Served>,
    /// One sender per open page waiting to be told to reload.
    listeners: Mutex<Vec<mpsc::Sender<()>>>,
}

impl Shared {
    fn publish(&self, rebuilt: &Rebuilt) {
        let mut served = self.served.write().unwrap_or_else(|e| e.into_inner());
        match &rebuilt.files {
            Some(files) => {
                served.files = Arc::clone(files);
                served.errors = None;
            }
            None => {
                let text: Vec<String> = rebuilt
                    .report
                    .diagnostics
                    .iter()
                    .filter(|d| d.is_error())
                    .map(|d| d.render(false))
                    .collect();
                served.errors = Some(text.join("\n\n"));
            }
        }
    }

    /// Tells every open page to reload; forgets pages that went away.
    fn reload(&self) {
        let mut listeners = self.listeners.lock().unwrap_or_else(|e| e.into_inner());
        listeners.retain(|tx| tx.send(()).is_ok());
    }
}

/// Serves until interrupted; returns an error message when it cannot start.
pub fn serve(options: ServeOptions) -> Result<(), String> {
    let root = options.build.root.clone();
    if !root.join("content").is_dir() {
        return Err(format!(
            "there is no content/ folder in {}; run hui serve in a site's folder, pass --root, or create a site with `hui init`",
            crate::shown_path(&root)
        ));
    }
    let server = tiny_http::Server::http((options.bind, options.port)).map_err(|e| {
        format!(
            "cannot listen on {}:{}: {e}; is another `hui serve` running? Choose another port with --port",
            options.bind, options.port
        )
    })?;
    let address = format!("http://{}:{}/", display_host(options.bind), options.port);
    let mut build = options.build.clone();
    build.base_url = Some(address.clone());
    let mut session = Session::new(build);
    let shared = Arc::new(Shared::default());

    let first = session.rebuild();
    report(&first, true);
    shared.publish(&first);
    eprintln!("Serving the site at {address} — the site is rebuilt when files in content/ or themes/ change. Press Ctrl+C to stop.");
    if options.open {
        open_browser(&address);
    }

    let watcher_shared = Arc::clone(&shared);
    let watch_root = root.clone();
    std::thread::spawn(move || {
        if let Err(e) = watch(&watch_root, session, &watcher_shared) {
            eprintln!("error: cannot watch for changes: {e}; restart hui serve after editing");
        }
    });
    for request in server.incoming_requests() {
        let shared = Arc::clone(&shared);
        std::thread::spawn(move || http::answer(request, &shared));
    }
    Ok(())
}

/// The host part of the served address: `0.0.0.0` is not a place to go.
fn display_host(bind: std::net::IpAddr) -> String {
    match bind {
        ip if ip.is_unspecified() => "127.0.0.1".to_owned(),
        std::net::IpAddr::V6(ip) => format!("[{ip}]"),
        ip => ip.to_string(),
    }
}

/// Rebuilds after every batch of changes until the watcher stops.
fn watch(root: &Path, mut session: Session, shared: &Shared) -> notify::Result<()> {
    let (tx, rx) = mpsc::channel();
    let mut debouncer = notify_debouncer_full::new_debouncer(Duration::from_millis(80), None, tx)?;
    // Events name absolute paths; compare them with absolute ones.
    let root = &root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let content = root.join("content");
    let themes = root.join("themes");
    debouncer.watch(&content, RecursiveMode::Recursive)?;
    // The site folder itself, shallowly, to notice a `themes/` created
    // while serving; other changes there (such as a `public/` written by
    // `hui build`) are ignored below.
    debouncer.watch(root, RecursiveMode::NonRecursive)?;
    let mut watching_themes =
        themes.is_dir() && debouncer.watch(&themes, RecursiveMode::Recursive).is_ok();
    for batch in rx {
        let Ok(events) = batch else { continue };
        if !watching_themes && themes.is_dir() {
            watching_themes = debouncer.watch(&themes, RecursiveMode::Recursive).is_ok();
        }
        // Reading files (as the build does) is reported too: only writes,
        // creations, renames and removals count.
        let changed: Vec<PathBuf> = events
            .iter()
            .filter(|e| !matches!(e.kind, notify::EventKind::Access(_)))
            .flat_map(|e| e.paths.iter().cloned())
            .filter(|p| p.starts_with(&content) || p.starts_with(&themes))
            .filter(|p| !is_editor_noise(p))
            .collect();
        if changed.is_empty() {
            continue;
        }
        let rebuilt = session.rebuild();
        report(&rebuilt, false);
        shared.publish(&rebuilt);
        shared.reload();
    }
    Ok(())
}

/// Swap, backup and lock files editors write beside the real one.
fn is_editor_noise(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    name.starts_with(".#")
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name == "4913"
}

/// Prints the outcome of a build: every problem, then one summary line.
fn report(rebuilt: &Rebuilt, first: bool) {
    let report = &rebuilt.report;
    let color = std::io::IsTerminal::is_terminal(&std::io::stderr())
        && std::env::var_os("NO_COLOR").is_none();
    for d in report.diagnostics.iter() {
        if first || d.is_error() {
            eprintln!("{}\n", d.render(color));
        }
    }
    let errors = report.diagnostics.error_count();
    let warnings = report.diagnostics.warning_count();
    if rebuilt.files.is_none() {
        eprintln!(
            "error: the build has {errors} error{}; the browser shows {}, and the last good build stays served",
            if errors == 1 { "" } else { "s" },
            if errors == 1 { "it" } else { "them" }
        );
    } else if first {
        eprintln!(
            "Built {} pages in {} ms{}",
            report.pages,
            report.elapsed.as_millis(),
            if warnings > 0 {
                format!(
                    ", {warnings} warning{}",
                    if warnings == 1 { "" } else { "s" }
                )
            } else {
                String::new()
            }
        );
    } else {
        eprintln!(
            "Rebuilt {} of {} pages in {} ms{}",
            rebuilt.rendered,
            report.pages,
            report.elapsed.as_millis(),
            if warnings > 0 {
                format!(
                    " ({warnings} warning{}; `hui check` lists them)",
                    if warnings == 1 { "" } else { "s" }
                )
            } else {
                String::new()
            }
        );
    }
}

/// Opens `url` in the desktop's browser, if there is one.
fn open_browser(url: &str) {
    let command = if cfg!(target_os = "macos") {
        ("open", vec![url])
    } else if cfg!(windows) {
        ("cmd", vec!["/C", "start", "", url])
    } else {
        ("xdg-open", vec![url])
    };
    if std::process::Command::new(command.0)
        .args(&command.1)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .is_err()
    {
        eprintln!("(could not open a browser; open {url} yourself)");
    }
}
