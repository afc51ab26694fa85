//! Phase times on stderr when `HUI_TIMINGS` is set, for contributors
//! chasing a slow build: each phase of a build marks its end, and the time
//! printed is since the build started.

use std::sync::Mutex;
use std::time::Instant;

static START: Mutex<Option<Instant>> = Mutex::new(None);

/// Starts the clock of a build (again, for each rebuild of `hui serve`).
pub fn start() {
    if std::env::var_os("HUI_TIMINGS").is_some() {
        *START.lock().unwrap_or_else(|e| e.into_inner()) = Some(Instant::now());
    }
}

/// Prints the time since [`start`] with the name of the phase that ends.
pub fn mark(phase: &str) {
    if let Some(start) = *START.lock().unwrap_or_else(|e| e.into_inner()) {
        eprintln!(
            "[{:>7.1} ms] {phase}",
            start.elapsed().as_secs_f64() * 1000.0
        );
    }
}
