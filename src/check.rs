//! `hui check`: everything `build` validates, without writing output, plus
//! editorial warnings (translations, links, images, expired policies, …).

use crate::diagnostics::Diagnostics;
use crate::BuildOptions;

/// Runs every check on the site described by `options`.
pub fn check(options: &BuildOptions) -> Diagnostics {
    let _ = options;
    Diagnostics::new()
}
