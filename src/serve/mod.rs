//! `hui serve`: builds the site into memory, serves it on loopback, rebuilds
//! when content or theme files change and reloads open pages.

use crate::BuildOptions;

/// How to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub build: BuildOptions,
    pub bind: std::net::IpAddr,
    pub port: u16,
    pub open: bool,
}

/// Serves until interrupted; returns an error message when it cannot start.
pub fn serve(options: ServeOptions) -> Result<(), String> {
    let _ = options;
    Err("`hui serve` is not available yet".to_owned())
}
