//! Answering one HTTP request: a file of the built site, the reload event
//! stream, or 404. Only keys of the in-memory site can be answered, so no
//! request path can reach the disk.

use std::io::Write;
use std::sync::mpsc;
use std::time::Duration;

use tiny_http::{Header, Method, Request, Response};

use super::{page, Shared};

use super::page::EVENTS_PATH;

pub fn answer(request: Request, shared: &Shared) {
    let url = request.url().to_owned();
    let path = url.split(['?', '#']).next().unwrap_or("/");
    if path == EVENTS_PATH {
        return stream_events(request, shared);
    }
    let own = match path {
        page::SCRIPT_PATH => Some((
            "application/javascript; charset=utf-8",
            page::reload_script(),
        )),
        page::STYLE_PATH => Some(("text/css; charset=utf-8", page::OVERLAY_CSS.to_owned())),
        _ => None,
    };
    if let Some((content_type, body)) = own {
        let response = Response::from_string(body)
            .with_header(header("Content-Type", content_type))
            .with_header(header("Cache-Control", "no-store"));
        let _ = request.respond(response);
        return;
    }
    if !matches!(request.method(), Method::Get | Method::Head) {
        let _ = request.respond(Response::from_string("").with_status_code(405));
        return;
    }
    let (status, key, body) = lookup(path, shared);
    let content_type = content_type(&key);
    let response = Response::from_data(body)
        .with_status_code(status)
        .with_header(header("Content-Type", content_type))
        .with_header(header("Cache-Control", "no-store"));
    let _ = request.respond(response);
}

/// Finds the file for a request path; HTML gets the reload script and, after
/// a failed build, the error overlay.
fn lookup(path: &str, shared: &Shared) -> (u16, String, Vec<u8>) {
    let served = shared.served.read().unwrap_or_else(|e| e.into_inner());
    let found = file_key(path).and_then(|key| {
        let candidates = [key.clone(), format!("{key}/index.html")];
        candidates
            .into_iter()
            .find_map(|k| served.files.get(&k).map(|bytes| (k, bytes.clone())))
    });
    let (status, key, bytes) = match found {
        Some((key, bytes)) => (200, key, bytes.to_vec()),
        None => match served.files.get("404.html") {
            Some(bytes) => (404, "404.html".to_owned(), bytes.to_vec()),
            None => (404, "404.html".to_owned(), page::empty().into_bytes()),
        },
    };
    if key.ends_with(".html") {
        let html = String::from_utf8_lossy(&bytes);
        let page = page::inject(&html, served.errors.as_deref());
        return (status, key, page.into_bytes());
    }
    (status, key, bytes)
}

/// The key of the in-memory site a URL path names, or `None` for a path that
/// tries to leave the site (`..`, encoded or not, backslashes, NUL).
pub fn file_key(path: &str) -> Option<String> {
    let decoded = crate::urls::percent_decode(path)?;
    let mut parts = Vec::new();
    for part in decoded.split('/') {
        match part {
            "" | "." => {}
            ".." => return None,
            p if p.contains(['\\', '\0']) || p.contains(':') => return None,
            p => parts.push(p),
        }
    }
    let key = parts.join("/");
    if key.is_empty() || decoded.ends_with('/') {
        return Some(if key.is_empty() {
            "index.html".to_owned()
        } else {
            format!("{key}/index.html")
        });
    }
    Some(key)
}

/// Server-Sent Events: one `reload` message after each rebuild. tiny_http
/// has no streaming responses, so the response is written by hand.
fn stream_events(request: Request, shared: &Shared) {
    let (tx, rx) = mpsc::channel();
    shared
        .listeners
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(tx);
    let mut writer = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\nretry: 500\n\n";
    if writer
        .write_all(head.as_bytes())
        .and_then(|_| writer.flush())
        .is_err()
    {
        return;
    }
    loop {
        let message: &[u8] = match rx.recv_timeout(Duration::from_secs(15)) {
            Ok(()) => b"data: reload\n\n",
            // A comment keeps proxies from closing the stream and finds
            // pages that were closed.
            Err(mpsc::RecvTimeoutError::Timeout) => b": still here\n\n",
            Err(mpsc::RecvTimeoutError::Disconnected) => return,
        };
        if writer
            .write_all(message)
            .and_then(|_| writer.flush())
            .is_err()
        {
            return;
        }
    }
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("ASCII header")
}

fn content_type(key: &str) -> &'static str {
    let ext = key.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "gif" => "image/gif",
        "ico" => "image/x-icon",
        "vcf" => "text/vcard; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "json" => "application/json",
        "pdf" => "application/pdf",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_map_to_site_files() {
        assert_eq!(file_key("/").as_deref(), Some("index.html"));
        assert_eq!(file_key("/en/").as_deref(), Some("en/index.html"));
        assert_eq!(
            file_key("/card/wang-ming/").as_deref(),
            Some("card/wang-ming/index.html")
        );
        assert_eq!(
            file_key("/assets/base.css").as_deref(),
            Some("assets/base.css")
        );
        assert_eq!(file_key("/%E4%B8%AD.txt").as_deref(), Some("中.txt"));
    }

    #[test]
    fn paths_cannot_leave_the_site() {
        for path in [
            "/../Cargo.toml",
            "/assets/../../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2Fetc%2Fpasswd",
            "/..%5cetc",
            "/a%00b",
            "/C:/Windows",
            "/%ff",
        ] {
            assert_eq!(file_key(path), None, "{path}");
        }
    }
}
