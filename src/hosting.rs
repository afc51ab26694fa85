//! What hosts need beside the pages: the Content-Security-Policy every page
//! meets, `_headers` and `_redirects` (Netlify, Cloudflare Pages) in the
//! site, and an nginx server block beside it.
//!
//! Hosts differ in what they let a site say about itself. Object storage
//! takes nothing but the files, so the pages carry what they can in
//! themselves (meta-refresh pages for old card addresses, fingerprinted
//! names instead of cache rules); the files here add what only a server can
//! send: real 301s, MIME types with their charset, caching, and the
//! Content-Security-Policy.

use std::fmt::Write as _;
use std::path::Path;

use crate::content::schema::Collection;
use crate::link::Site;
use crate::theme::Theme;
use crate::urls::{Target, Urls};

/// The policy every page of the default theme satisfies: nothing from
/// another host, no inline script or style (JSON-LD is data, which the
/// policy does not govern). Scripts, styles, fonts and fetches fall back to
/// `default-src`; `data:` images are allowed for themes that inline small
/// icons in CSS. It is sent as a header, not stated in each page: a `<meta>`
/// policy cannot carry `frame-ancestors`, and validators that check a page
/// without its address (vnu) report every stylesheet under `'self'` as a
/// violation.
pub const CSP: &str = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'";

/// The policy as sent: also forbids framing by other sites.
pub fn csp_header() -> String {
    format!("{CSP}; frame-ancestors 'self'")
}

/// Headers for every response.
fn security_headers() -> Vec<(&'static str, String)> {
    vec![
        ("Content-Security-Policy", csp_header()),
        ("X-Content-Type-Options", "nosniff".to_owned()),
        ("X-Frame-Options", "SAMEORIGIN".to_owned()),
        (
            "Referrer-Policy",
            "strict-origin-when-cross-origin".to_owned(),
        ),
        (
            "Permissions-Policy",
            "camera=(), microphone=(), geolocation=(), interest-cohort=()".to_owned(),
        ),
    ]
}

/// A year: files whose name changes with their contents never change.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Pages and everything else: always asked again, answered with 304 when
/// unchanged, so an edit shows at once.
const REVALIDATE: &str = "public, max-age=0, must-revalidate";

/// Types that hosts often get wrong or leave without a charset.
const TYPES: &[(&str, &str)] = &[
    ("vcf", "text/vcard; charset=utf-8"),
    ("ics", "text/calendar; charset=utf-8"),
];

/// Paths (from the site's root, `card/old/`) of every alias page, with the
/// card it leads to, in every language.
fn aliases(site: &Site, urls: &Urls) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for lang in site.languages() {
        for &id in site.collection(Collection::Officials) {
            let entry = &site.entries[id];
            let to = urls.site_relative(lang, Target::Entry(Collection::Officials, &entry.slug));
            for alias in &entry.aliases {
                let from = urls.site_relative(lang, Target::Entry(Collection::Officials, alias));
                out.push((from, to.clone()));
            }
        }
    }
    out
}

/// Files whose names carry their contents' hash, from the site's root:
/// the theme's fingerprinted files and each language's search folder.
fn immutable_paths(site: &Site, theme: &Theme) -> Vec<String> {
    let mut out: Vec<String> = theme
        .published
        .iter()
        .filter(|(name, published)| name != published)
        .map(|(name, _)| theme.asset_path(name))
        .collect();
    // The index lives in `search/<lang>/<hash>/`: a new index is a new folder.
    out.extend(site.languages().iter().map(|l| format!("search/{l}/*")));
    out
}

/// `_headers` for Netlify and Cloudflare Pages. Paths are from the
/// published folder's root. Cache-Control is set once per path: both hosts
/// join the values of every rule that matches.
pub fn headers_file(site: &Site, theme: &Theme) -> String {
    let mut out = String::from(
        "# Written by hui build: response headers for Netlify and Cloudflare Pages.\n/*\n",
    );
    for (name, value) in security_headers() {
        let _ = writeln!(out, "  {name}: {value}");
    }
    for path in immutable_paths(site, theme) {
        let _ = writeln!(out, "/{path}\n  Cache-Control: {IMMUTABLE}");
    }
    for (ext, mime) in TYPES {
        let _ = writeln!(out, "/*.{ext}\n  Content-Type: {mime}");
    }
    out
}

/// `_redirects` for Netlify and Cloudflare Pages: a 301 from every old card
/// address, with and without its final slash.
pub fn redirects_file(site: &Site, urls: &Urls) -> String {
    let mut out =
        String::from("# Written by hui build: old card addresses (aliases) → the card.\n");
    for (from, to) in aliases(site, urls) {
        let bare = from.trim_end_matches('/');
        let _ = writeln!(out, "/{from} /{to} 301");
        let _ = writeln!(out, "/{bare} /{to} 301");
    }
    out
}

/// Where `hui build` writes the nginx server block: beside the output
/// folder, never in it, so no host serves it (`public` → `public.nginx.conf`).
pub fn nginx_path(output: &Path) -> std::path::PathBuf {
    let name = output
        .file_name()
        .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
    output.with_file_name(format!("{name}.nginx.conf"))
}

/// An nginx server block that serves `root` (the built folder) at the base
/// path of `base_url`, with the headers of [`headers_file`], `404.html`,
/// gzip and the aliases' 301s. It goes in nginx's `http` context (as files
/// in `conf.d/` do): the cache rule is a `map`, which must be outside the
/// server, so that one location serves every file and `alias` (for a base
/// path) needs no regular expressions.
pub fn nginx_conf(site: &Site, theme: &Theme, urls: &Urls, root: &Path) -> String {
    let base = urls.path(site.config.default_language(), Target::Home);
    let host = site
        .config
        .base_url
        .as_ref()
        .and_then(|b| b.origin.split("://").nth(1).map(str::to_owned))
        .unwrap_or_default();
    let server_name = host
        .split(':')
        .next()
        .filter(|h| !h.is_empty())
        .unwrap_or("_");
    let var: String = format!("hui_cache_{server_name}")
        .chars()
        .map(|ch| if ch.is_ascii_alphanumeric() { ch } else { '_' })
        .collect();
    let root = root.to_string_lossy();
    let mut c = String::new();
    c.push_str(
        "# nginx configuration for this site, written by hui build. It is not part of\n\
         # the site: copy it to /etc/nginx/conf.d/ (it belongs in the http context),\n\
         # set `root`/`alias` to where you put the built folder and `listen` and\n\
         # `server_name` to your server, then run `nginx -t` and `nginx -s reload`.\n\
         # TLS (listen 443 ssl and the certificates) is yours to add.\n\n",
    );
    let _ = writeln!(
        c,
        "# Files whose names carry their contents' hash are cached for a year."
    );
    let _ = writeln!(c, "map $uri ${var} {{");
    let _ = writeln!(c, "    default \"{REVALIDATE}\";");
    for path in immutable_paths(site, theme) {
        let pattern = regex_escape(&format!("{base}{}", path.trim_end_matches('*')));
        let _ = writeln!(c, "    \"~^{pattern}\" \"{IMMUTABLE}\";");
    }
    let _ = writeln!(c, "}}\n");
    let _ = writeln!(c, "server {{");
    let _ = writeln!(c, "    listen 80;");
    let _ = writeln!(c, "    server_name {server_name};");
    let _ = writeln!(c, "    charset utf-8;");
    let _ = writeln!(
        c,
        "    charset_types text/css application/javascript image/svg+xml text/vcard text/calendar application/xml text/plain;"
    );
    let _ = writeln!(
        c,
        "    # Redirects keep the address the visitor used, port included."
    );
    let _ = writeln!(c, "    absolute_redirect off;");
    let _ = writeln!(c, "    gzip on;");
    let _ = writeln!(c, "    gzip_vary on;");
    let _ = writeln!(c, "    gzip_min_length 512;");
    let _ = writeln!(
        c,
        "    gzip_types text/css application/javascript image/svg+xml application/json application/xml text/vcard text/calendar text/plain;"
    );
    let _ = writeln!(c, "    include mime.types;");
    let _ = writeln!(c, "    types {{");
    for (ext, mime) in TYPES {
        let mime = mime.split(';').next().unwrap_or(mime);
        let _ = writeln!(c, "        {mime} {ext};");
    }
    let _ = writeln!(c, "    }}");
    let _ = writeln!(c, "    index index.html;");
    let _ = writeln!(c, "    error_page 404 {base}404.html;\n");
    let _ = writeln!(c, "    # Old card addresses (aliases).");
    for (from, to) in aliases(site, urls) {
        let bare = format!("{base}{}", from.trim_end_matches('/'));
        let _ = writeln!(
            c,
            "    location ~ ^{}(/|/index\\.html)?$ {{ return 301 {base}{to}; }}",
            regex_escape(&bare)
        );
    }
    let _ = writeln!(c);
    let _ = writeln!(c, "    location {base} {{");
    if base == "/" {
        let _ = writeln!(c, "        root {root};");
    } else {
        let _ = writeln!(c, "        alias {root}/;");
    }
    let _ = writeln!(c, "        add_header Cache-Control ${var} always;");
    for (name, value) in security_headers() {
        let _ = writeln!(c, "        add_header {name} \"{value}\" always;");
    }
    let _ = writeln!(c, "    }}");
    let _ = writeln!(c, "}}");
    c
}

/// Escapes what a PCRE pattern would read as an operator.
fn regex_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        if "\\.+*?()|[]{}^$#".contains(ch) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}
