//! `hui serve` as an editor uses it: pages are served, an edit shows up by
//! itself, a broken file shows its error over the last good page, fixing it
//! clears the error, and nothing outside the built site can be fetched.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::TestSite;

/// The server process, stopped when the test ends however it ends.
struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn start(site: &TestSite) -> Server {
    let port = free_port();
    let child = Command::new(env!("CARGO_BIN_EXE_hui"))
        .args(["serve", "--port", &port.to_string(), "--root"])
        .arg(site.root())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let server = Server { child, port };
    wait_for(&server, "/", |status, _| status == 200);
    server
}

/// Status and body of a GET.
fn get(server: &Server, path: &str) -> (u16, String) {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", server.port)) else {
        return (0, String::new());
    };
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    let response = String::from_utf8_lossy(&response).into_owned();
    let status = response
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_owned())
        .unwrap_or_default();
    (status, body)
}

/// Polls `path` until `done` holds (the server rebuilds in the background).
fn wait_for(server: &Server, path: &str, done: impl Fn(u16, &str) -> bool) -> String {
    let start = Instant::now();
    loop {
        let (status, body) = get(server, path);
        if done(status, &body) {
            return body;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "gave up waiting on {path}: status {status}, body starts {:?}",
            body.chars().take(300).collect::<String>()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The address of the fingerprinted base.css that the home page links to
/// (`./assets/base.<hash>.css` there), as a path to ask the server for.
fn base_css_path(server: &Server) -> Option<String> {
    let (_, home) = get(server, "/");
    let start = home.find("href=\"./assets/base.")? + "href=\".".len();
    let end = start + home[start..].find('"')?;
    let path = &home[start..end];
    let file = path.strip_prefix("/assets/")?;
    common::is_fingerprinted(file, "base.css").then(|| path.to_owned())
}

/// Polls until the base.css the home page links to contains `text` (an
/// edited theme file gets a new fingerprint, so a new address).
fn wait_for_base_css(server: &Server, text: &str) {
    let start = Instant::now();
    loop {
        if let Some(path) = base_css_path(server) {
            let (status, css) = get(server, &path);
            if status == 200 && css.contains(text) {
                return;
            }
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "gave up waiting on base.css with {text}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Listens to the reload stream; sends a message for each reload.
fn listen(server: &Server) -> mpsc::Receiver<()> {
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    write!(
        stream,
        "GET /__hui/events HTTP/1.1\r\nHost: localhost\r\n\r\n"
    )
    .unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines() {
            let Ok(line) = line else { return };
            if line == "data: reload" && tx.send(()).is_err() {
                return;
            }
        }
    });
    rx
}

#[test]
fn edits_errors_and_fixes_show_up_in_the_browser() {
    let site = TestSite::complete();
    let server = start(&site);
    let (status, home) = get(&server, "/");
    assert_eq!(status, 200);
    // The reload script is a file (the pages' CSP allows no inline script).
    assert!(home.contains("测试区投资指南"));
    assert!(home.contains("<script src=\"/__hui/live.js\"></script>"));
    let (status, live) = get(&server, "/__hui/live.js");
    assert_eq!(status, 200);
    assert!(live.contains("/__hui/events"));
    let css_path = base_css_path(&server).expect("the home page links to base.<hash>.css");
    let (status, css) = get(&server, &css_path);
    assert_eq!(status, 200);
    assert!(css.contains("body"), "{css_path}");
    assert!(!css.contains("__hui"), "only HTML gets the reload script");
    let (status, _) = get(&server, "/no/such/page/");
    assert_eq!(status, 404);
    // Links work at the served address whatever base_url says.
    let card = wait_for(&server, "/card/wang-ming/", |s, _| s == 200);
    assert!(card.contains("http://127.0.0.1:"));
    assert!(
        !site.public("index.html").exists(),
        "serve never writes public/"
    );

    let reloads = listen(&server);
    std::thread::sleep(Duration::from_millis(300));
    site.file(
        "content/officials/wang-ming.md",
        "---\nname: 王明\nposition: 副局长\nindustries: [new-display]\n---\n新的简介文字\n",
    );
    wait_for(&server, "/card/wang-ming/", |_, b| {
        b.contains("新的简介文字")
    });
    reloads
        .recv_timeout(Duration::from_secs(10))
        .expect("open pages are told to reload");

    // A broken file: the error is shown over the last good page.
    site.file(
        "content/officials/wang-ming.md",
        "---\nname: 王明\nposition: [unclosed\n---\n坏了\n",
    );
    let page = wait_for(&server, "/card/wang-ming/", |_, b| b.contains("hui-errors"));
    assert!(
        page.contains("新的简介文字"),
        "the last good build stays served"
    );
    assert!(page.contains("content/officials/wang-ming.md:3"), "{page}");
    let (_, other) = get(&server, "/parks/east-zone/");
    assert!(other.contains("hui-errors"), "every page shows the error");

    // Fixing it clears the overlay.
    site.file(
        "content/officials/wang-ming.md",
        "---\nname: 王明\nposition: 副局长\n---\n修好了\n",
    );
    let page = wait_for(&server, "/card/wang-ming/", |_, b| b.contains("修好了"));
    assert!(!page.contains("hui-errors"));

    // A theme folder created while serving is picked up, and then watched.
    site.file("themes/default/static/base.css", "body{color:#123456}");
    wait_for_base_css(&server, "#123456");
    std::thread::sleep(Duration::from_millis(300));
    site.file("themes/default/static/base.css", "body{color:#654321}");
    wait_for_base_css(&server, "#654321");
}

#[test]
fn nothing_outside_the_built_site_can_be_fetched() {
    let site = TestSite::complete();
    site.file("secret.txt", "top secret");
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        site.root().join("secret.txt"),
        site.root().join("content/link.txt"),
    )
    .unwrap();
    let server = start(&site);
    for path in [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/..%5csecret.txt",
        "/assets/..%2f..%2fsecret.txt",
        "//etc/passwd",
        "/content/site.yaml",
        "/link.txt",
        "/secret.txt",
    ] {
        let (status, body) = get(&server, path);
        assert_eq!(status, 404, "{path}");
        assert!(!body.contains("top secret"), "{path}");
    }
}
