//! Progress on long runs: documents and bytes, on stderr, only for a
//! person watching a terminal. Nothing of it reaches CI logs, pipes or
//! machine-readable output.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::corpus::Source;

/// A progress bar that may be hidden.
pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// No progress output.
    pub fn hidden() -> Progress {
        Progress { bar: None }
    }

    /// A bar on stderr when stderr is a terminal and not in CI (`CI` unset).
    pub fn for_terminal() -> Progress {
        let attended = std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
        if !attended {
            return Progress::hidden();
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} {pos}/{len} documents {msg} [{elapsed}, eta {eta}]",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        Progress { bar: Some(bar) }
    }

    pub(crate) fn start(&self, sources: &[Source]) {
        if let Some(b) = &self.bar {
            b.set_length(sources.len() as u64);
            let bytes: u64 = sources
                .iter()
                .filter_map(|s| std::fs::metadata(s.kind.path()?).ok().map(|m| m.len()))
                .sum();
            b.set_message(format!("({:.1} MB)", bytes as f64 / 1e6));
            // only a long run is worth a bar: draw after a moment
            b.enable_steady_tick(std::time::Duration::from_millis(250));
        }
    }

    pub(crate) fn advance(&self, _src: &Source) {
        if let Some(b) = &self.bar {
            b.inc(1);
        }
    }

    pub(crate) fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}
