//! The `claimcheck` command: parses arguments, calls the library, renders,
//! and picks the exit code (0 clean, 1 findings at or above `--fail-on`,
//! 2 usage or input error).

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use clap::{Parser, Subcommand, ValueEnum};

use claimcheck::catalog::Catalog;
use claimcheck::corpus::{self, LoadOptions, Problem};
use claimcheck::date::PartialDate;
use claimcheck::report::{self, FailOn};
use claimcheck::{pipeline, render};

#[derive(Parser)]
#[command(
    name = "claimcheck",
    version,
    about = "Fact-check numeric and dated claims across a corpus of articles",
    long_about = "claimcheck reads articles (.txt/.md, with optional --- front matter), pulls out \
every numeric and dated claim (counts, percentages, money, dates, years, ages), works out which \
claims speak of the same thing, and reports where sources agree, where a value changed over \
time, and where they contradict each other.",
    after_help = "Examples:\n  claimcheck extract corpus/ --format jsonl\n  claimcheck extract article.txt --reference-date 2025-12-05\n\nExit codes: 0 ok, 1 findings at or above --fail-on, 2 usage or input error."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List every numeric and dated mention found in the articles.
    ///
    /// Each mention carries its exact text and byte span, its kind (count,
    /// percent, money, date, year, age, duration), its normalised value, its
    /// hedge (more than, nearly, …) and the unit phrase that follows it.
    Extract {
        /// Files or directories to read (directories are walked, honouring
        /// .gitignore); `-` reads one article from standard input.
        #[arg(value_name = "PATHS", required = true)]
        paths: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExtractFormat::Table)]
        format: ExtractFormat,
        #[command(flatten)]
        load: LoadArgs,
    },
    /// Check the claims of a corpus against each other and report findings.
    ///
    /// Claims are keyed by the catalogue in `claims/` (when present) or by
    /// their context, compared with value semantics (hedges, ranges,
    /// rounding) and time scope (as-of dates, targets vs facts), and
    /// reported as conflict, stale, changed, undetermined, agree or single.
    #[command(after_help = "Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage or input error.\n\nExamples:\n  claimcheck check\n  claimcheck check corpus/ --format jsonl | jq 'select(.type==\"finding\")'\n  claimcheck check corpus/ --fail-on warning")]
    Check {
        /// Files or directories to read; default `corpus/`.
        #[arg(value_name = "PATHS")]
        paths: Vec<String>,
        /// Directory of the claim catalogue (*.json); default `claims/` when it exists.
        #[arg(long, value_name = "DIR")]
        claims: Option<std::path::PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = CheckFormat::Table)]
        format: CheckFormat,
        /// The least severe finding that makes the run exit 1.
        #[arg(long, value_enum, default_value_t = FailOn::Conflict)]
        fail_on: FailOn,
        /// Show every finding, including single claims and checks that passed.
        #[arg(long, short)]
        verbose: bool,
        /// When to colour the report.
        #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
        color: ColorChoice,
        /// How far (a fraction) an implied conversion rate may be from the
        /// median of the others for the same currency pair and month.
        #[arg(long, value_name = "FRACTION", default_value_t = 0.05, value_parser = parse_fraction)]
        rate_tolerance: f64,
        #[command(flatten)]
        load: LoadArgs,
    },
}

fn parse_fraction(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if v.is_finite() && v >= 0.0 => Ok(v),
        _ => Err(format!("`{s}` is not a non-negative fraction (0.05 means 5%)")),
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum CheckFormat {
    /// Tables grouped by claim key, for people.
    Table,
    /// One JSON object: schema, documents, claims, findings, summary.
    Json,
    /// One JSON record per line, each with a `type`.
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorChoice {
    /// Colour when stdout is a terminal and NO_COLOR is not set.
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    fn enabled(self) -> bool {
        use std::io::IsTerminal;
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && io::stdout().is_terminal(),
        }
    }
}

#[derive(clap::Args)]
struct LoadArgs {
    /// Publication date for documents that state none (YYYY, YYYY-MM or
    /// YYYY-MM-DD); resolves dates written without a year.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    reference_date: Option<PartialDate>,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExtractFormat {
    /// A table for people.
    Table,
    /// One JSON object with a `schema` field and a `mentions` array.
    Json,
    /// One JSON record per line, each with `"type":"mention"`.
    Jsonl,
}

fn parse_date(s: &str) -> Result<PartialDate, String> {
    PartialDate::parse_iso(s).map_err(|e| e.to_string())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            // a closed pipe (`| head`) is not an error worth reporting
            if e.downcast_ref::<io::Error>()
                .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            eprintln!("claimcheck: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Extract {
            paths,
            format,
            load,
        } => {
            let opts = LoadOptions {
                reference_date: load.reference_date,
            };
            let corpus = corpus::load(&paths, &opts);
            report_problems(&corpus.problems);
            let mentions = pipeline::extract_all(&corpus.documents);
            let stdout = io::stdout();
            let mut out = BufWriter::new(stdout.lock());
            match format {
                ExtractFormat::Table => render::extract::table(&mut out, &mentions),
                ExtractFormat::Json => render::extract::json(&mut out, &mentions),
                ExtractFormat::Jsonl => render::extract::jsonl(&mut out, &mentions),
            }
            .context("writing output")?;
            out.flush().context("writing output")?;
            Ok(if corpus.has_errors() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Check { paths, claims, format, fail_on, verbose, color, rate_tolerance, load } => {
            let paths = if paths.is_empty() { vec!["corpus/".to_string()] } else { paths };
            let catalog = load_catalog(claims.as_deref())?;
            let opts = LoadOptions {
                reference_date: load.reference_date,
            };
            let corpus = corpus::load(&paths, &opts);
            report_problems(&corpus.problems);
            let checks = claimcheck::checks::Options { rate_tolerance };
            let report = report::check(&corpus.documents, &catalog, &checks);
            let stdout = io::stdout();
            let mut out = BufWriter::new(stdout.lock());
            match format {
                CheckFormat::Table => {
                    let style = render::check::Style { color: color.enabled(), verbose };
                    render::check::table(&mut out, &report, fail_on, style)
                }
                CheckFormat::Json => render::check::json(&mut out, &report, fail_on),
                CheckFormat::Jsonl => render::check::jsonl(&mut out, &report, fail_on),
            }
            .context("writing output")?;
            out.flush().context("writing output")?;
            if corpus.has_errors() {
                return Ok(ExitCode::from(2));
            }
            let failing = report.findings.iter().any(|f| fail_on.trips(f));
            Ok(if failing { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
    }
}

/// The catalogue from `--claims DIR`, else `claims/` when it exists, else empty.
fn load_catalog(dir: Option<&std::path::Path>) -> Result<Catalog> {
    let dir = match dir {
        Some(d) => {
            if !d.is_dir() {
                anyhow::bail!("{}: claim catalogue directory not found", d.display());
            }
            d.to_path_buf()
        }
        None => {
            let d = std::path::PathBuf::from("claims");
            if !d.is_dir() {
                return Ok(Catalog::default());
            }
            d
        }
    };
    Catalog::load_dir(&dir).map_err(|errors| {
        let lines: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        anyhow::anyhow!("invalid claim catalogue:\n  {}", lines.join("\n  "))
    })
}

/// Problems go to stderr, one per line, `path:line:col: severity: message`.
fn report_problems(problems: &[Problem]) {
    let stderr = io::stderr();
    let mut err = stderr.lock();
    for p in problems {
        let _ = writeln!(err, "{p}");
    }
}
