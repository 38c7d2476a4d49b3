//! The `claimcheck` command: parses arguments, calls the library, renders,
//! and picks the exit code (0 clean, 1 findings at or above `--fail-on`,
//! 2 usage or input error).

/// Many small allocations per claim and finding: mimalloc is markedly
/// faster at them than the system allocator, on every thread.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use clap::{Parser, Subcommand, ValueEnum};

use std::path::PathBuf;

use claimcheck::baseline::Baseline;
use claimcheck::cache::Cache;
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
    after_help = "Examples:\n  claimcheck check corpus/                      consistency report for people\n  claimcheck check corpus/ --format jsonl       records for jq and scripts\n  claimcheck check --fail-on warning --format github   a CI gate with annotations\n  claimcheck extract article.txt --reference-date 2025-12-05\n  claimcheck claims shard/ > shard.jsonl && claimcheck check --from-claims *.jsonl\n\nExit codes: 0 ok, 1 findings at or above --fail-on, 2 usage or input error."
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
    #[command(
        after_help = "Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage or input error.\n\nExamples:\n  claimcheck check\n  claimcheck check corpus/ --format jsonl | jq 'select(.type==\"finding\")'\n  claimcheck check corpus/ --fail-on warning"
    )]
    Check {
        /// Files or directories to read; default `corpus/`.
        #[arg(value_name = "PATHS")]
        paths: Vec<String>,
        /// Directory of the claim catalogue (*.json); default `claims/` when it exists.
        #[arg(long, value_name = "DIR")]
        claims: Option<std::path::PathBuf>,
        /// Output format [default: table; in GitHub Actions, table plus annotations].
        #[arg(long, value_enum)]
        format: Option<CheckFormat>,
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
        ci: CiArgs,
        #[command(flatten)]
        run: RunArgs,
        #[command(flatten)]
        load: LoadArgs,
    },
    /// Extract and interpret claims, and print them as claim records (the
    /// map step of a sharded run; reconcile with `check --from-claims`).
    ///
    /// Run it per shard on any engine that runs a command per shard (GNU
    /// parallel, a batch system, Spark's `pipe`), then merge:
    /// `claimcheck check --from-claims shard-*.jsonl`.
    Claims {
        /// Files or directories to read.
        #[arg(value_name = "PATHS", required = true)]
        paths: Vec<String>,
        /// Directory of the claim catalogue; default `claims/` when it exists.
        #[arg(long, value_name = "DIR")]
        claims: Option<PathBuf>,
        /// Output format (claim records are JSON lines).
        #[arg(long, value_enum, default_value_t = ClaimsFormat::Jsonl)]
        format: ClaimsFormat,
        #[command(flatten)]
        load: LoadArgs,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ClaimsFormat {
    /// A header, then each document record followed by its claim records.
    Jsonl,
}

#[derive(clap::Args)]
struct RunArgs {
    /// Do not read or write the incremental cache.
    #[arg(long)]
    no_cache: bool,
    /// Where the incremental cache lives.
    #[arg(long, value_name = "DIR", default_value = claimcheck::cache::DEFAULT_DIR)]
    cache_dir: PathBuf,
    /// Reconcile claim records written by `claimcheck claims` instead of
    /// reading articles (`-` reads standard input).
    #[arg(long, value_name = "FILE", num_args = 1.., conflicts_with = "paths")]
    from_claims: Vec<String>,
}

#[derive(clap::Args)]
struct CiArgs {
    /// Accepted findings to suppress, by fingerprint [default: accepted.json
    /// in the catalogue directory, when it exists].
    #[arg(long, value_name = "FILE", conflicts_with = "no_baseline")]
    baseline: Option<PathBuf>,
    /// Do not read any baseline.
    #[arg(long)]
    no_baseline: bool,
    /// Record every current finding of warning severity or above as accepted
    /// in FILE (keeping reasons already written there), then exit 0.
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// Fail (exit 1) when a baseline entry or an inline ignore comment
    /// suppresses nothing.
    #[arg(long)]
    strict_baseline: bool,
    /// Report only findings that involve one of these articles (the whole
    /// corpus is still read: conflicts cross documents).
    #[arg(long, value_name = "FILE", num_args = 1.., conflicts_with = "changed_since")]
    only_touching: Vec<PathBuf>,
    /// Report only findings that involve an article changed since this git
    /// ref (committed, staged, unstaged or new).
    #[arg(long, value_name = "GIT_REF")]
    changed_since: Option<String>,
}

fn parse_fraction(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if v.is_finite() && v >= 0.0 => Ok(v),
        _ => Err(format!(
            "`{s}` is not a non-negative fraction (0.05 means 5%)"
        )),
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
    /// Compiler-style diagnostics: each claim underlined in its article's
    /// source line (findings of severity warning and above; all with -v).
    Diagnostics,
    /// GitHub Actions workflow commands (`::error file=…`), one per claim
    /// of every error or warning finding, shown as annotations on the PR.
    Github,
    /// SARIF 2.1.0 JSON, for GitHub code scanning and other SARIF viewers.
    Sarif,
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
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && io::stdout().is_terminal()
            }
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
    // Claims and findings take hundreds of MB in small pieces; with 2 MiB
    // pages (transparent huge pages where the kernel allows them) the kernel
    // faults and zeroes a page per 2 MiB instead of per 4 KiB: a quarter of
    // `check`'s time on a large corpus went to that. Set before any thread
    // starts; the option only widens what mimalloc may ask the OS for.
    // SAFETY: `mi_option_set` writes one of mimalloc's option words; no other
    // thread exists yet.
    unsafe {
        libmimalloc_sys::mi_option_set(libmimalloc_sys::mi_option_large_os_pages, 1);
    }
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
            // problems with an input file read like every other file diagnostic
            if let Some(FileErrors(problems)) = e.downcast_ref::<FileErrors>() {
                report_problems(problems);
                return ExitCode::from(2);
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
            let stdout = io::stdout();
            let format = match format {
                ExtractFormat::Table => render::extract::Format::Table,
                ExtractFormat::Json => render::extract::Format::Json,
                ExtractFormat::Jsonl => render::extract::Format::Jsonl,
            };
            let mut stream = render::extract::Stream::new(BufWriter::new(stdout.lock()), format)
                .context("writing output")?;
            let (problems, inputs) = pipeline::extract_paths(
                &paths,
                &opts,
                |mentions| format.render(mentions),
                |piece, first| stream.write(piece, first),
            )
            .context("writing output")?;
            stream
                .finish()
                .context("writing output")?
                .flush()
                .context("writing output")?;
            report_problems(&problems);
            // nothing is passed over without a word (stderr: stdout is data)
            if let Some(skipped) = render::check::skipped_clause(&inputs.skipped) {
                eprintln!("claimcheck: {skipped}");
            }
            Ok(if problems.iter().any(Problem::is_error) {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Claims {
            paths,
            claims,
            format: ClaimsFormat::Jsonl,
            load,
        } => {
            let catalog = load_catalog(claims.as_deref())?;
            let opts = LoadOptions {
                reference_date: load.reference_date,
            };
            let progress = claimcheck::progress::Progress::for_terminal();
            let stdout = io::stdout();
            let mut out = BufWriter::new(stdout.lock());
            claimcheck::claims_io::write_header(&mut out).context("writing output")?;
            // streamed: each chunk of documents is written as it is done, so
            // a shard needs the memory of a chunk, not of all its claims
            let mut written = Ok(());
            let mut doc_errors = false;
            let (problems, inputs) = report::for_each_chunk(
                &paths,
                &opts,
                &catalog,
                None,
                &progress,
                &|_| {},
                |_, chunk| {
                    for (mut info, claims) in chunk {
                        info.claims = claims.len();
                        doc_errors |= info.problems.iter().any(Problem::is_error);
                        written = claimcheck::claims_io::write_document(&mut out, &info, &claims);
                        if written.is_err() {
                            // output gone (`| head`): no point reading on
                            return std::ops::ControlFlow::Break(());
                        }
                    }
                    std::ops::ControlFlow::Continue(())
                },
            );
            report_problems(&problems);
            written.context("writing output")?;
            // what the reduce step reports as a direct run would: the
            // documents that failed, the files skipped, the problems met
            let run_inputs = claimcheck::claims_io::RunInputs {
                failed: inputs.failed,
                skipped: inputs.skipped,
                problems,
            };
            claimcheck::claims_io::write_inputs(&mut out, &run_inputs).context("writing output")?;
            out.flush().context("writing output")?;
            // as extract: the records are the data, the count goes to stderr
            if let Some(skipped) = render::check::skipped_clause(&run_inputs.skipped) {
                eprintln!("claimcheck: {skipped}");
            }
            let errors = run_inputs.problems.iter().any(Problem::is_error) || doc_errors;
            Ok(if errors {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Check {
            paths,
            claims,
            format,
            fail_on,
            verbose,
            color,
            rate_tolerance,
            ci,
            run,
            load,
        } => {
            let paths = if paths.is_empty() {
                vec!["corpus/".to_string()]
            } else {
                paths
            };
            let claims_dir = claims.clone().unwrap_or_else(|| PathBuf::from("claims"));
            let catalog = load_catalog(claims.as_deref())?;
            let opts = LoadOptions {
                reference_date: load.reference_date,
            };
            let checks = claimcheck::checks::Options { rate_tolerance };
            claimcheck::timing::start();
            let (claimed, problems, inputs) = if run.from_claims.is_empty() {
                let cache = (!run.no_cache)
                    .then(|| Cache::new(&run.cache_dir, catalog.digest, opts.reference_date));
                let progress = claimcheck::progress::Progress::for_terminal();
                let collected = report::collect(&paths, &opts, &catalog, cache.as_ref(), &progress);
                for w in cache.iter().flat_map(|c| c.warnings()) {
                    eprintln!("claimcheck: warning: {w}");
                }
                collected
            } else {
                read_claim_files(&run.from_claims)?
            };
            report_problems(&problems);
            let load_errors = problems.iter().any(Problem::is_error);
            claimcheck::timing::phase("read, extract and interpret");
            // Never dropped: the process exits soon after rendering, and freeing
            // a large report (millions of small allocations: claims, their
            // strings, findings) took most of a second on a 100 MB corpus,
            // after the output was complete. The OS reclaims it at exit.
            let mut report = std::mem::ManuallyDrop::new(report::build(claimed, &catalog, &checks));
            claimcheck::timing::phase("reconcile and check");
            report.inputs.failed = inputs.failed;
            report.inputs.from_cache = inputs.from_cache;
            report.inputs.skipped = inputs.skipped;
            let doc_problems: Vec<Problem> = report
                .documents
                .iter()
                .flat_map(|d| d.problems.iter().cloned())
                .collect();
            report_problems(&doc_problems);
            let input_errors = load_errors || doc_problems.iter().any(Problem::is_error);

            // the baseline: read it (unless writing a new one), apply it and inline ignores
            let baseline_path = ci.baseline.clone().or_else(|| {
                Some(claims_dir.join("accepted.json"))
                    .filter(|p| p.is_file() && ci.baseline.is_none())
            });
            if let Some(path) = &ci.write_baseline {
                // never overwrite a baseline that cannot be read: its reasons would be lost
                let previous = if path.exists() {
                    Some(Baseline::load(path).map_err(|e| {
                        let mut problem = e.to_problem();
                        problem
                            .message
                            .push_str("; fix it (or delete it) before rewriting");
                        FileErrors(vec![problem])
                    })?)
                } else {
                    None
                };
                let b =
                    Baseline::from_findings(&report.findings, &report.claims, previous.as_ref());
                b.write(path).map_err(FileErrors::from)?;
                eprintln!(
                    "claimcheck: wrote {} accepted finding(s) to {}; fill in each `reason`",
                    b.accepted.len(),
                    path.display()
                );
                return Ok(if input_errors {
                    ExitCode::from(2)
                } else {
                    ExitCode::SUCCESS
                });
            }
            let baseline = match (&baseline_path, ci.no_baseline) {
                (Some(path), false) => Some(Baseline::load(path).map_err(FileErrors::from)?),
                _ => None,
            };
            let inline: Vec<_> = report
                .documents
                .iter()
                .flat_map(|d| d.suppressions.iter().cloned())
                .collect();
            report.suppressed = claimcheck::baseline::apply(
                &mut report,
                baseline.as_ref(),
                &inline,
                ci.strict_baseline,
            );

            // only what a pull request touched
            let touched = match &ci.changed_since {
                Some(r) => Some(
                    claimcheck::touch::changed_since(r)
                        .with_context(|| format!("finding the articles changed since {r}"))?,
                ),
                None if !ci.only_touching.is_empty() => Some(ci.only_touching.clone()),
                None => None,
            };
            if let Some(t) = &touched {
                claimcheck::touch::retain_touching(&mut report, t);
            }

            // in GitHub Actions, annotate the pull request unless a format was chosen
            let in_actions = std::env::var("GITHUB_ACTIONS").is_ok_and(|v| v == "true");
            let annotate = format.is_none() && in_actions;
            let format = format.unwrap_or(CheckFormat::Table);
            let stdout = io::stdout();
            let mut out = BufWriter::new(stdout.lock());
            if annotate {
                render::github::write(&mut out, &report).context("writing output")?;
            }
            match format {
                CheckFormat::Table => {
                    let style = render::check::Style {
                        color: color.enabled(),
                        verbose,
                    };
                    render::check::table(&mut out, &report, fail_on, style)
                }
                CheckFormat::Json => render::check::json(&mut out, &report, fail_on),
                CheckFormat::Jsonl => render::check::jsonl(&mut out, &report, fail_on),
                CheckFormat::Diagnostics => render::diagnostics::write(
                    &mut out,
                    &report,
                    &quoted_documents(&report, &opts),
                    fail_on,
                    color.enabled(),
                    verbose,
                ),
                CheckFormat::Github => render::github::write(&mut out, &report),
                CheckFormat::Sarif => render::sarif::write(&mut out, &report),
            }
            .context("writing output")?;
            out.flush().context("writing output")?;
            claimcheck::timing::phase("render");
            if input_errors {
                return Ok(ExitCode::from(2));
            }
            let failing = report
                .findings
                .iter()
                .any(|f| fail_on.trips(f) || f.severity == claimcheck::reconcile::Severity::Error);
            Ok(if failing {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
    }
}

/// Input files the run cannot go on without (the catalogue, the baseline)
/// that are broken: printed one per line as `path:line:col: error: message`,
/// without the `claimcheck: error:` prefix; the run exits 2.
#[derive(Debug)]
struct FileErrors(Vec<Problem>);

impl std::fmt::Display for FileErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let lines: Vec<String> = self.0.iter().map(Problem::to_string).collect();
        f.write_str(&lines.join("\n"))
    }
}

impl std::error::Error for FileErrors {}

impl From<claimcheck::baseline::BaselineError> for FileErrors {
    fn from(e: claimcheck::baseline::BaselineError) -> Self {
        FileErrors(vec![e.to_problem()])
    }
}

/// Claim records from `claimcheck claims` output files.
fn read_claim_files(files: &[String]) -> Result<report::Collected> {
    let mut per_doc = Vec::new();
    let mut run = claimcheck::claims_io::RunInputs::default();
    for f in files {
        let file =
            claimcheck::claims_io::read_file(f).map_err(|e| FileErrors(vec![e.to_problem()]))?;
        per_doc.extend(file.documents);
        run.merge(file.inputs);
    }
    // a document in two shards is counted once
    per_doc.sort_by(|a, b| a.0.path.cmp(&b.0.path));
    let before = per_doc.len();
    per_doc.dedup_by(|a, b| a.0.path == b.0.path);
    if per_doc.len() < before {
        eprintln!("claimcheck: warning: {} document(s) appear in more than one claims file; each is counted once", before - per_doc.len());
    }
    let inputs = report::Inputs {
        read: per_doc.len(),
        failed: run.failed,
        from_cache: 0,
        skipped: run.skipped,
    };
    // in the order a direct run sorts them; a path walked by two shards
    // is reported once
    let mut problems = run.problems;
    report::sort_problems(&mut problems);
    problems.dedup();
    Ok((report::Claimed::from_per_doc(per_doc), problems, inputs))
}

/// The documents the diagnostics quote, read again (their text was dropped
/// after extraction).
fn quoted_documents(report: &report::Report, opts: &LoadOptions) -> Vec<corpus::Document> {
    let mut paths: Vec<&str> = report
        .findings
        .iter()
        .flat_map(|f| f.claims.iter().map(|&i| &*report.claims[i].doc))
        .collect();
    paths.sort();
    paths.dedup();
    paths
        .into_iter()
        .filter(|p| *p != "-")
        .filter_map(|p| {
            corpus::read_document(
                &corpus::Source {
                    path: p.to_string(),
                    kind: corpus::SourceKind::File(PathBuf::from(p)),
                },
                opts,
            )
            .ok()
            .map(|(d, _)| d)
        })
        .collect()
}

/// The catalogue from `--claims DIR`, else `claims/` when it exists, else empty.
fn load_catalog(dir: Option<&std::path::Path>) -> Result<Catalog> {
    let dir = match dir {
        Some(d) => {
            if !d.is_dir() {
                let message = if d.exists() {
                    "not a directory; --claims takes the directory of the claim catalogue"
                } else {
                    "claim catalogue directory not found"
                };
                return Err(
                    FileErrors(vec![Problem::error(d.display().to_string(), message)]).into(),
                );
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
        FileErrors(
            errors
                .iter()
                .map(claimcheck::catalog::CatalogError::to_problem)
                .collect(),
        )
        .into()
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
