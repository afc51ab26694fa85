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

/// Prints the time since [`start`] with the name of the phase that ends,
/// and the CPU time the process has used so far where the system tells it
/// (on two cores a phase that runs in parallel uses twice its wall time),
/// and the memory it holds and has held at most: on a large site, memory
/// first touched costs system time, as each page of it faults in.
pub fn mark(phase: &str) {
    if let Some(start) = *START.lock().unwrap_or_else(|e| e.into_inner()) {
        let cpu = cpu_ms().map_or(String::new(), |ms| format!(" (CPU {ms} ms)"));
        let memory = memory_mb().map_or(String::new(), |(now, peak)| {
            format!(" [memory {now} MB, peak {peak} MB]")
        });
        eprintln!(
            "[{:>7.1} ms] {phase}{cpu}{memory}",
            start.elapsed().as_secs_f64() * 1000.0
        );
    }
}

/// Resident memory now and at its peak, in MB, from Linux's
/// `/proc/self/status`.
fn memory_mb() -> Option<(u64, u64)> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb = |key: &str| -> Option<u64> {
        let line = status.lines().find(|l| l.starts_with(key))?;
        line[key.len()..]
            .trim()
            .trim_end_matches("kB")
            .trim()
            .parse()
            .ok()
    };
    Some((kb("VmRSS:")? / 1024, kb("VmHWM:")? / 1024))
}

/// User and system time of this process in milliseconds, from Linux's
/// `/proc/self/stat` (in clock ticks, which are 10 ms on Linux).
fn cpu_ms() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The command name, in parentheses, may hold spaces: count fields from
    // its end. utime and stime are fields 14 and 15.
    let rest = &stat[stat.rfind(')')? + 2..];
    let mut fields = rest.split(' ').skip(11);
    let user: u64 = fields.next()?.parse().ok()?;
    let system: u64 = fields.next()?.parse().ok()?;
    Some((user + system) * 10)
}
