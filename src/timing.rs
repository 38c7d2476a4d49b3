//! Phase timings for profiling: with `CLAIMCHECK_TIMINGS` set, each phase
//! of a run prints when it ended (seconds since the run started) and the
//! memory resident then, on stderr. Off by default; nothing is measured
//! then but the environment variable, once.

use std::sync::OnceLock;
use std::time::Instant;

/// When the run started, if timings are on.
fn started() -> Option<Instant> {
    static START: OnceLock<Option<Instant>> = OnceLock::new();
    *START.get_or_init(|| {
        std::env::var_os("CLAIMCHECK_TIMINGS")
            .is_some()
            .then(Instant::now)
    })
}

/// Starts the clock (the binary calls this first thing; otherwise the
/// first [`phase`] does).
pub fn start() {
    started();
}

/// Prints that `phase` is done, when timings are on.
pub fn phase(phase: &str) {
    let Some(start) = started() else {
        return;
    };
    // resident memory now and at its peak, where the system tells (Linux)
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .map(|v| v.trim().to_string())
    };
    let memory = match (field("VmRSS:"), field("VmHWM:")) {
        (Some(now), Some(peak)) => format!(" (resident {now}, peak {peak})"),
        _ => String::new(),
    };
    eprintln!(
        "claimcheck: timing: {phase} done at {:.3} s{memory}",
        start.elapsed().as_secs_f64()
    );
}
