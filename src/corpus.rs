//! Documents: discovery, reading, front matter, datelines, and positions.
//!
//! This is the first stage of the pipeline: command-line paths become
//! [`Document`]s. Three rules shape it:
//!
//! * **Nothing is skipped silently.** Every path that cannot be read, every
//!   file that is not UTF-8 text and every malformed front matter block becomes
//!   a [`Problem`] naming the file (and the line and column when there is one),
//!   so a CI run never passes because an article quietly went missing. Files
//!   a directory walk passes over (images beside the articles) are counted
//!   by reason in [`Skipped`], for the run's summary.
//! * **Offsets are file offsets.** A document keeps its whole text, front
//!   matter and byte-order mark included, so every span the extractor reports
//!   maps straight back to `file:line:column` in the file a person opens.
//! * **Deterministic.** Sources are sorted by path and de-duplicated before
//!   they are read in parallel, so the output does not depend on directory
//!   order or thread count.

use std::collections::HashSet;
use std::fmt;
use std::fs;
use std::io::{self, Read};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use rayon::prelude::*;
use regex::Regex;
use serde::Serialize;

use crate::date::{month_from_name, weekday_from_name, DateError, PartialDate};
use crate::text::LineIndex;

/// Where a document's publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PublishedFrom {
    FrontMatter,
    Dateline,
    ReferenceDate,
    #[default]
    Unknown,
}

/// What is known about a document besides its text.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Metadata {
    pub title: Option<String>,
    pub source: Option<String>,
    pub published: Option<PartialDate>,
    pub language: Option<String>,
}

/// One article.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as given on the command line or found by walking (`-` for stdin).
    pub path: String,
    /// The whole file as UTF-8, front matter included, so offsets are file offsets.
    pub text: String,
    /// Byte offset where the article body starts (after front matter).
    pub body_start: usize,
    pub meta: Metadata,
    pub published_from: PublishedFrom,
    /// Spans that are metadata, not article claims (a dateline, a `Source:` line).
    pub metadata_spans: Vec<Range<usize>>,
    pub lines: LineIndex,
}

impl Document {
    /// 1-based (line, column) of a byte offset, columns counted in chars.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        self.lines.line_col(&self.text, offset)
    }

    /// The article text after the front matter (and after a byte-order mark).
    pub fn body(&self) -> &str {
        self.text.get(self.body_start..).unwrap_or("")
    }
}

// ---------------------------------------------------------------------------
// Problems
// ---------------------------------------------------------------------------

/// How bad a [`Problem`] is: an error means an input could not be used as
/// intended (the run should exit with status 2); a warning means it was used
/// but something looks off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// Something wrong with an input, reported instead of panicking or skipping.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub path: String,
    /// 1-based line, when the problem is at a place in the file.
    pub line: Option<usize>,
    /// 1-based column in chars, when the problem is at a place in the file.
    pub column: Option<usize>,
    pub severity: Severity,
    pub message: String,
}

impl Problem {
    pub fn error(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem::new(Severity::Error, path, message)
    }

    pub fn warning(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem::new(Severity::Warning, path, message)
    }

    fn new(severity: Severity, path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            line: None,
            column: None,
            severity,
            message: message.into(),
        }
    }

    /// The same problem placed at a 1-based line and column.
    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Problem {
    /// `path:line:column: error: message`, the form compilers use, so editors
    /// and terminals turn it into a link; line and column are left out when
    /// the problem is about the whole file.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        write!(f, ": {}: {}", self.severity, self.message)
    }
}

impl std::error::Error for Problem {}

/// Orders problems by file, then position; file-wide problems come first.
fn sort_problems(problems: &mut [Problem]) {
    // the message too: a parallel walk may meet two problems of one path
    // in either order
    problems.sort_by(|a, b| {
        (&a.path, a.line, a.column, &a.message).cmp(&(&b.path, b.line, b.column, &b.message))
    });
}

/// An I/O error in plain lower-case words, without Rust's `(os error 13)`
/// suffix: `permission denied`, `no such file or directory`.
pub(crate) fn plain_io_error(err: &io::Error) -> String {
    if err.kind() == io::ErrorKind::NotFound {
        return "no such file or directory".to_string();
    }
    let full = err.to_string();
    let words = full
        .find(" (os error ")
        .map_or(full.as_str(), |i| &full[..i]);
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => format!("{:?}", err.kind()).to_lowercase(),
    }
}

// ---------------------------------------------------------------------------
// Discovery
// ---------------------------------------------------------------------------

/// Where a document's bytes come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceKind {
    /// A path to examine before opening it (it may be a FIFO or a device).
    File(PathBuf),
    /// A path discovery already found to be a regular file: opened without
    /// another `stat`, which was a third of the path look-ups of a run over
    /// many small articles.
    Regular(PathBuf),
    Stdin,
}

impl SourceKind {
    /// The file's path (`None` for standard input).
    pub fn path(&self) -> Option<&Path> {
        match self {
            SourceKind::File(p) | SourceKind::Regular(p) => Some(p),
            SourceKind::Stdin => None,
        }
    }
}

/// A document to read, with the path it is reported under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The display path: as given for explicit files, as walked for files
    /// found in a directory, `-` for standard input.
    pub path: String,
    pub kind: SourceKind,
}

/// File name endings that mark an article when walking a directory.
const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "markdown"];

/// Whether a walked file is an article, by extension (case-insensitively,
/// so `NOTES.TXT` from a Windows export counts too).
fn is_article_name(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ARTICLE_EXTENSIONS
            .iter()
            .any(|known| e.eq_ignore_ascii_case(known))
    })
}

/// Why a file met while walking a directory was not read.
///
/// Only files the walker shows are counted: hidden files and files matched
/// by `.gitignore` or `.ignore` are filtered out inside the walker before
/// they are seen, and counting them would take a second, unfiltered walk.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SkipReason {
    /// Its name does not end in `.txt`, `.md` or `.markdown`; the extension
    /// it has, lower-cased and without the dot (`None`: no extension).
    NotAnArticle(Option<String>),
    /// A FIFO, socket or device with an article's name (also reported as a
    /// warning naming it: opening it could block).
    NotARegularFile,
}

impl SkipReason {
    /// The reason for a walked file that is not an article, by its name.
    fn not_an_article(path: &Path) -> Self {
        SkipReason::NotAnArticle(path.extension().map(|e| e.to_string_lossy().to_lowercase()))
    }
}

impl fmt::Display for SkipReason {
    /// `not an article (.png)`, `not an article (no extension)`, `not a
    /// regular file`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::NotAnArticle(Some(ext)) => write!(f, "not an article (.{ext})"),
            SkipReason::NotAnArticle(None) => f.write_str("not an article (no extension)"),
            SkipReason::NotARegularFile => f.write_str("not a regular file"),
        }
    }
}

/// Files passed over while walking directories, counted by reason (each
/// file once, however many times it was reached). Serialised as
/// `{"total": 3, "by_reason": {"not an article (.png)": 2, …}}`, reasons in
/// sorted order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Skipped {
    by_reason: std::collections::BTreeMap<SkipReason, usize>,
}

impl Skipped {
    /// How many files were skipped, for every reason.
    pub fn total(&self) -> usize {
        self.by_reason.values().sum()
    }

    pub fn is_empty(&self) -> bool {
        self.by_reason.is_empty()
    }

    /// Each reason with its count, in sorted order.
    pub fn by_reason(&self) -> impl Iterator<Item = (&SkipReason, usize)> + '_ {
        self.by_reason.iter().map(|(r, &n)| (r, n))
    }

    /// Counts one more file skipped for `reason`.
    pub fn add(&mut self, reason: SkipReason) {
        self.add_count(reason, 1);
    }

    /// Counts `n` more files skipped for `reason` (a shard's count).
    pub fn add_count(&mut self, reason: SkipReason, n: usize) {
        if n > 0 {
            *self.by_reason.entry(reason).or_insert(0) += n;
        }
    }
}

impl Serialize for Skipped {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        struct ByReason<'a>(&'a Skipped);
        impl Serialize for ByReason<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_map(self.0.by_reason().map(|(r, n)| (r.to_string(), n)))
            }
        }
        let mut s = serializer.serialize_struct("Skipped", 2)?;
        s.serialize_field("total", &self.total())?;
        s.serialize_field("by_reason", &ByReason(self))?;
        s.end()
    }
}

/// What [`discover_with_skipped`] found.
#[derive(Debug, Clone, Default)]
pub struct Discovery {
    /// The documents to read, sorted by display path, without duplicates.
    pub sources: Vec<Source>,
    /// Paths that could not be used, sorted by path.
    pub problems: Vec<Problem>,
    /// Files in walked directories that are not read, by reason.
    pub skipped: Skipped,
}

/// Expands command-line paths into the sources to read; as
/// [`discover_with_skipped`], without the count of files skipped.
pub fn discover(paths: &[String]) -> (Vec<Source>, Vec<Problem>) {
    let d = discover_with_skipped(paths);
    (d.sources, d.problems)
}

/// Expands command-line paths into the sources to read, and counts what
/// walking directories passed over.
///
/// Files named explicitly are always read, whatever their extension: the
/// user asked for them, and they are never counted as skipped. Directories
/// are walked recursively like `git` or `ripgrep` would (`.gitignore` and
/// `.ignore` honoured even outside a git repository, hidden files skipped,
/// symbolic links followed) and only `.txt`, `.md` and `.markdown` files
/// are kept; the other files the walk meets are counted in
/// [`Discovery::skipped`] by reason (hidden and ignored files are not: see
/// [`SkipReason`]). `-` is standard input.
///
/// The sources come back sorted by display path and with duplicates removed
/// (the same file named twice, or named and also found by walking, is read
/// once), so the report does not depend on argument or directory order.
pub fn discover_with_skipped(paths: &[String]) -> Discovery {
    // Each source carries the key it is de-duplicated by: the canonical path
    // for files (so `a.txt`, `./a.txt` and a walked `dir/../a.txt` are one
    // file), `None` for standard input.
    let mut found: Vec<(Source, Option<FileId>)> = Vec::new();
    let mut problems = Vec::new();
    // files passed over by the walk, by the same key
    let mut passed_over: Vec<(FileId, SkipReason)> = Vec::new();

    for arg in paths {
        if arg == "-" {
            let stdin = Source {
                path: "-".to_string(),
                kind: SourceKind::Stdin,
            };
            found.push((stdin, None));
            continue;
        }
        if arg.is_empty() {
            problems.push(Problem::error(
                "''",
                "an empty path was given; expected a file or directory",
            ));
            continue;
        }
        match fs::metadata(arg) {
            Ok(meta) if meta.is_dir() => {
                walk_directory(arg, &mut found, &mut passed_over, &mut problems);
            }
            // Regular files and also FIFOs or devices: reading refuses the
            // latter with a clear message instead of dropping them here.
            Ok(meta) => {
                let path = PathBuf::from(arg);
                let key = dedup_key(&path);
                let source = Source {
                    path: arg.clone(),
                    kind: if meta.is_file() {
                        SourceKind::Regular(path)
                    } else {
                        SourceKind::File(path)
                    },
                };
                found.push((source, Some(key)));
            }
            Err(err) => {
                let dangling = err.kind() == io::ErrorKind::NotFound
                    && fs::symlink_metadata(arg).is_ok_and(|m| m.file_type().is_symlink());
                let message = if dangling {
                    "broken symbolic link: its target does not exist".to_string()
                } else {
                    plain_io_error(&err)
                };
                problems.push(Problem::error(arg.clone(), message));
            }
        }
    }

    found.sort_by(|a, b| a.0.path.cmp(&b.0.path));
    let mut seen = HashSet::new();
    found.retain(|(_, key)| seen.insert(key.clone()));
    sort_problems(&mut problems);
    // a file reached twice is skipped once, and one that is also read
    // (named explicitly) is not skipped at all
    let mut skipped = Skipped::default();
    for (key, reason) in passed_over {
        if seen.insert(Some(key)) {
            skipped.add(reason);
        }
    }
    Discovery {
        sources: found.into_iter().map(|(s, _)| s).collect(),
        problems,
        skipped,
    }
}

/// The identity of a file for de-duplication, so that `a.txt`, `./a.txt`,
/// a walked `dir/../a.txt` and a symbolic link to it are one file.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum FileId {
    /// Device and inode: one `stat` per file, where resolving the canonical
    /// path costs a `readlink` per path component (a fifth of the time of a
    /// run over many small articles).
    #[cfg(unix)]
    Inode(u64, u64),
    /// Where there are no inodes, or the file cannot be examined (the read
    /// will then report why): the canonical path, or the path as given.
    Path(PathBuf),
}

fn dedup_key(path: &Path) -> FileId {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let Ok(meta) = fs::metadata(path) {
            return FileId::Inode(meta.dev(), meta.ino());
        }
    }
    FileId::Path(fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()))
}

/// `corpus/` and `corpus//` walk as `corpus`, so walked paths read
/// `corpus/a.txt` rather than `corpus//a.txt`; `/` stays `/`.
fn normalise_dir(arg: &str) -> String {
    let trimmed = arg.trim_end_matches(std::path::is_separator);
    if trimmed.is_empty() {
        arg.chars().next().map_or_else(String::new, String::from)
    } else {
        trimmed.to_string()
    }
}

fn walk_directory(
    arg: &str,
    found: &mut Vec<(Source, Option<FileId>)>,
    passed_over: &mut Vec<(FileId, SkipReason)>,
    problems: &mut Vec<Problem>,
) {
    let root = normalise_dir(arg);
    // What the walk met, gathered from its threads. Nothing depends on the
    // order of arrival: sources and problems are sorted afterwards, and
    // passed-over files are only counted.
    #[derive(Default)]
    struct Met {
        found: Vec<(Source, Option<FileId>)>,
        passed_over: Vec<(FileId, SkipReason)>,
        problems: Vec<Problem>,
    }
    let met = std::sync::Mutex::new(Met::default());
    // On as many threads as extraction: a corpus of many small articles
    // spends a tenth of a run in the walk (a `readdir` per directory, a
    // `stat` per file), which on one thread leaves the others idle. The
    // walk is not sorted: the sources are sorted once, globally.
    let walker = ignore::WalkBuilder::new(&root)
        // A corpus directory is often not a git checkout; its .gitignore
        // should still mean what it says.
        .require_git(false)
        .hidden(true)
        .follow_links(true)
        .threads(rayon::current_num_threads())
        .build_parallel();
    walker.run(|| {
        let (met, root) = (&met, &root);
        Box::new(move |entry| {
            let outcome = walk_entry(root, entry);
            // visitors do not panic (and `run` would re-raise one that
            // did), so the lock is never poisoned; were it, what was
            // gathered is still whole
            let mut met = met.lock().unwrap_or_else(|e| e.into_inner());
            match outcome {
                Walked::Nothing => {}
                Walked::Article(source, key) => met.found.push((source, Some(key))),
                Walked::PassedOver(key, reason) => met.passed_over.push((key, reason)),
                Walked::NotRegular(problem, key) => {
                    met.problems.push(problem);
                    met.passed_over.push((key, SkipReason::NotARegularFile));
                }
                Walked::Problem(problem) => met.problems.push(problem),
            }
            ignore::WalkState::Continue
        })
    });
    let met = met.into_inner().unwrap_or_else(|e| e.into_inner());
    if met.found.is_empty() {
        problems.push(Problem::error(
            root.as_str(),
            "no .txt, .md or .markdown articles found in this directory \
             (hidden and ignored files are skipped; name a file to read it anyway)",
        ));
    }
    found.extend(met.found);
    passed_over.extend(met.passed_over);
    problems.extend(met.problems);
}

/// What one entry of a directory walk is.
enum Walked {
    /// Nothing to take from it: a directory (the walker enters it itself),
    /// or an entry without a file type (only standard input has none).
    Nothing,
    Article(Source, FileId),
    PassedOver(FileId, SkipReason),
    /// A FIFO, socket or device with an article's name.
    NotRegular(Problem, FileId),
    Problem(Problem),
}

/// Classifies one entry of the walk of `root` (on a walker thread).
fn walk_entry(root: &str, entry: Result<ignore::DirEntry, ignore::Error>) -> Walked {
    let entry = match entry {
        Ok(entry) => entry,
        Err(err) => return Walked::Problem(walk_problem(root, &err)),
    };
    let path = entry.path();
    let Some(file_type) = entry.file_type() else {
        return Walked::Nothing; // standard input; never met in a walk
    };
    if file_type.is_dir() {
        return Walked::Nothing;
    }
    if !is_article_name(path) {
        return Walked::PassedOver(dedup_key(path), SkipReason::not_an_article(path));
    }
    if file_type.is_file() {
        let source = Source {
            path: path.to_string_lossy().into_owned(),
            kind: SourceKind::Regular(path.to_path_buf()),
        };
        Walked::Article(source, dedup_key(path))
    } else {
        Walked::NotRegular(
            Problem::warning(
                path.to_string_lossy(),
                "skipped: not a regular file (a FIFO, socket or device)",
            ),
            dedup_key(path),
        )
    }
}

/// Turns an error from the directory walker into a problem naming the path.
///
/// Unreadable directories and broken links to articles are errors: articles
/// may be missing from the check. A symbolic link loop is a warning: the
/// walker does not descend into it again, and everything under it was
/// already reached through the ancestor it points to. Malformed ignore files
/// are warnings: the walk goes on with the patterns that did parse.
fn walk_problem(root: &str, err: &ignore::Error) -> Problem {
    let mut path: Option<PathBuf> = None;
    let mut line: Option<u64> = None;
    let mut current = err;
    loop {
        match current {
            ignore::Error::WithPath { path: p, err } => {
                path = Some(p.clone());
                current = err;
            }
            ignore::Error::WithDepth { err, .. } => current = err,
            ignore::Error::WithLineNumber { line: l, err } => {
                line = Some(*l);
                current = err;
            }
            _ => break,
        }
    }
    let shown = |p: &Option<PathBuf>| {
        p.as_ref()
            .map_or_else(|| root.to_string(), |p| p.to_string_lossy().into_owned())
    };
    let mut problem = match current {
        ignore::Error::Loop { ancestor, child } => Problem::warning(
            child.to_string_lossy(),
            format!(
                "symbolic link loop: points back to {}; not followed again",
                ancestor.display()
            ),
        ),
        ignore::Error::Io(io_err) if io_err.kind() == io::ErrorKind::NotFound => {
            let is_article = path.as_deref().is_some_and(is_article_name);
            let message = "broken symbolic link: its target does not exist";
            if is_article {
                Problem::error(shown(&path), message)
            } else {
                Problem::warning(shown(&path), message)
            }
        }
        ignore::Error::Io(io_err) => {
            // The walker wraps the OS error in its own ("IO error for
            // operation on …"); the innermost one says what happened.
            let mut inner: &(dyn std::error::Error + 'static) = io_err;
            while let Some(source) = inner.source() {
                inner = source;
            }
            let words = match inner.downcast_ref::<io::Error>() {
                Some(e) => plain_io_error(e),
                None => plain_io_error(io_err),
            };
            let is_dir = path.as_deref().is_some_and(Path::is_dir);
            let is_article = path.as_deref().is_some_and(is_article_name);
            if is_dir || !is_article {
                Problem::error(
                    shown(&path),
                    format!("cannot read: {words}; articles under it are not checked"),
                )
            } else {
                Problem::error(shown(&path), format!("cannot read: {words}"))
            }
        }
        ignore::Error::Glob { glob, err } => Problem::warning(
            shown(&path),
            match glob {
                Some(g) => format!("invalid ignore pattern `{g}`: {err}"),
                None => format!("invalid ignore pattern: {err}"),
            },
        ),
        other => Problem::warning(shown(&path), other.to_string().replace('\n', "; ")),
    };
    if let Some(l) = line.and_then(|l| usize::try_from(l).ok()) {
        problem.line = Some(l);
    }
    problem
}

// ---------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------

/// Options that affect how documents are interpreted.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// "Today" for the run: the publication date of documents that state
    /// none, and the date after which a stated publication date is suspect.
    pub reference_date: Option<PartialDate>,
}

/// How much of a file is looked at for NUL bytes; as in git and grep, a NUL
/// near the start means the file is binary, not text.
const BINARY_SNIFF_LEN: usize = 8 * 1024;

/// Reads and parses one source.
///
/// `Err` means the document could not be loaded at all (unreadable, not
/// text, broken front matter); `Ok` carries the document and any warnings.
pub fn read_document(
    src: &Source,
    opts: &LoadOptions,
) -> Result<(Document, Vec<Problem>), Problem> {
    read_document_stamped(src, opts).map(|(doc, problems, _)| (doc, problems))
}

/// [`read_document`], with the metadata of the file as opened, taken before
/// its bytes were read (`None` for standard input): what the cache's file
/// index remembers it by.
pub fn read_document_stamped(
    src: &Source,
    opts: &LoadOptions,
) -> Result<(Document, Vec<Problem>, Option<fs::Metadata>), Problem> {
    let (bytes, meta) = match &src.kind {
        SourceKind::Stdin => {
            let mut buf = Vec::new();
            io::stdin().lock().read_to_end(&mut buf).map_err(|err| {
                Problem::error(
                    &src.path,
                    format!("cannot read standard input: {}", plain_io_error(&err)),
                )
            })?;
            (buf, None)
        }
        SourceKind::File(path) => read_regular_file(&src.path, path)?,
        SourceKind::Regular(path) => read_file(path).map_err(|e| {
            Problem::error(&src.path, format!("cannot read: {}", plain_io_error(&e)))
        })?,
    };
    let text = decode(&src.path, bytes)?;
    let (doc, problems) = document_from_text(&src.path, text, opts)?;
    Ok((doc, problems, meta))
}

/// Files from this size up are read in pieces on several threads.
#[cfg(unix)]
const PARALLEL_READ_MIN: u64 = 16 << 20;

/// Reads a whole file, as `fs::read` does; a large one in pieces on all
/// threads. Returns the metadata of the open file too, taken before reading.
///
/// The buffer of a large file is fresh memory, and the kernel zeroes each
/// page on first touch, inside the `read` that fills it. On a virtual
/// machine that touch can cost more than the copy (0.1 to 0.5 s for a
/// 100 MB file on the benchmark machine), and it is one thread's work
/// before extraction can start; in pieces the threads share it.
fn read_file(path: &Path) -> io::Result<(Vec<u8>, Option<fs::Metadata>)> {
    let mut file = fs::File::open(path)?;
    let meta = file.metadata()?;
    let len = meta.len();
    #[cfg(unix)]
    if len >= PARALLEL_READ_MIN && rayon::current_num_threads() >= 2 {
        return Ok((read_in_pieces(&mut file, len, READ_PIECE)?, Some(meta)));
    }
    let mut buf = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    file.read_to_end(&mut buf)?;
    Ok((buf, Some(meta)))
}

/// Bytes each thread reads at a time in [`read_in_pieces`].
#[cfg(unix)]
const READ_PIECE: usize = 4 << 20;

/// Reads a file of `len` bytes (as its metadata says) in pieces of
/// `piece` bytes on all threads, and then whatever it grew by since.
#[cfg(unix)]
fn read_in_pieces(file: &mut fs::File, len: u64, piece: usize) -> io::Result<Vec<u8>> {
    use std::os::unix::fs::FileExt;
    let len = usize::try_from(len).map_err(|_| io::Error::from(io::ErrorKind::OutOfMemory))?;
    let mut buf = vec![0u8; len];
    buf.par_chunks_mut(piece.max(1))
        .enumerate()
        .try_for_each(
            |(i, part)| match file.read_exact_at(part, (i * piece) as u64) {
                Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => {
                    Err(io::Error::other("the file shrank while it was being read"))
                }
                other => other,
            },
        )?;
    // a file that grew has more to read, as `fs::read` would
    io::Seek::seek(file, io::SeekFrom::Start(len as u64))?;
    file.read_to_end(&mut buf)?;
    Ok(buf)
}

/// Reads a file, refusing anything but a regular file *before* opening it:
/// opening a FIFO blocks until a writer appears, and a device may never end.
fn read_regular_file(
    display: &str,
    path: &Path,
) -> Result<(Vec<u8>, Option<fs::Metadata>), Problem> {
    let cannot =
        |err: &io::Error| Problem::error(display, format!("cannot read: {}", plain_io_error(err)));
    let meta = fs::metadata(path).map_err(|e| cannot(&e))?;
    let file_type = meta.file_type();
    if file_type.is_dir() {
        return Err(Problem::error(display, "is a directory, not an article"));
    }
    if !file_type.is_file() {
        return Err(Problem::error(
            display,
            format!(
                "is {}, not a regular file; to read a stream, pipe it to claimcheck and pass `-`",
                describe_special_file(&file_type)
            ),
        ));
    }
    read_file(path).map_err(|e| cannot(&e))
}

#[cfg(unix)]
fn describe_special_file(file_type: &fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if file_type.is_fifo() {
        "a FIFO (named pipe)"
    } else if file_type.is_socket() {
        "a socket"
    } else if file_type.is_char_device() || file_type.is_block_device() {
        "a device"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn describe_special_file(_file_type: &fs::FileType) -> &'static str {
    "a special file"
}

/// Checks that bytes are UTF-8 text and converts them.
///
/// The error for non-UTF-8 input points at the first bad byte and says how to
/// convert the file, because the usual cause is an article saved as Latin-1
/// or Windows-1252, and guessing an encoding would silently corrupt names.
fn decode(path: &str, bytes: Vec<u8>) -> Result<String, Problem> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Problem::error(
            path,
            "UTF-16 text, not UTF-8; convert it with iconv -f utf-16 -t utf-8",
        ));
    }
    let head = &bytes[..bytes.len().min(BINARY_SNIFF_LEN)];
    if let Some(nul) = head.iter().position(|&b| b == 0) {
        return Err(Problem::error(
            path,
            format!("binary file, not an article (NUL byte at offset {nul})"),
        ));
    }
    String::from_utf8(bytes).map_err(|err| {
        let bytes = err.as_bytes();
        let valid = err.utf8_error().valid_up_to();
        // The prefix up to `valid_up_to` is UTF-8 by definition.
        let prefix = std::str::from_utf8(&bytes[..valid]).unwrap_or("");
        let (line, column) = LineIndex::new(prefix).line_col(prefix, prefix.len());
        let bad = bytes.get(valid).copied().unwrap_or(0);
        // 0x80-0x9F are control codes in Latin-1 but curly quotes and dashes
        // in Windows-1252, which is what such files almost always are.
        let from = if (0x80..=0x9F).contains(&bad) {
            "windows-1252"
        } else {
            "latin1"
        };
        Problem::error(
            path,
            format!(
                "not valid UTF-8 (byte 0x{bad:02X}; is it Latin-1 or another encoding? \
                 convert it with iconv -f {from} -t utf-8)"
            ),
        )
        .at(line, column)
    })
}

/// The largest article `check` and `claims` take, in bytes: claims hold
/// their positions as `u32` (16 of their bytes, millions of claims on a
/// large corpus), and no article comes near it. `extract` has no limit.
pub const MAX_DOCUMENT: usize = u32::MAX as usize;

/// Refuses a document too large to make claims of (see [`MAX_DOCUMENT`]).
pub fn claimable(doc: &Document) -> Result<(), Problem> {
    if doc.text.len() > MAX_DOCUMENT {
        return Err(Problem::error(
            &doc.path,
            format!(
                "{} bytes, over the 4 GiB an article can be for check and claims; split it",
                doc.text.len()
            ),
        ));
    }
    Ok(())
}

/// Parses an in-memory document: front matter, dateline, `Source:` line.
///
/// This is [`read_document`] without the I/O, for tests, fuzzers and callers
/// that already hold the text. `text` is kept whole so that offsets into it
/// are offsets into the file.
pub fn document_from_text(
    path: &str,
    text: String,
    opts: &LoadOptions,
) -> Result<(Document, Vec<Problem>), Problem> {
    let lines = LineIndex::new(&text);
    let ctx = Ctx {
        path,
        text: &text,
        lines: &lines,
    };
    let mut problems = Vec::new();
    let content_start = if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };

    let front = parse_front_matter(&ctx, content_start, &mut problems)?;
    let (body_start, mut meta, front_published_at) = match front {
        Some(fm) => (fm.end, fm.meta, fm.published_at),
        None => (content_start, Metadata::default(), None),
    };
    let mut published_from = if meta.published.is_some() {
        PublishedFrom::FrontMatter
    } else {
        PublishedFrom::Unknown
    };
    let mut published_at = front_published_at;

    let body = scan_body(&text, body_start);
    let mut metadata_spans = Vec::new();
    if let Some((span, date)) = body.dateline {
        match meta.published {
            None => {
                meta.published = Some(date);
                published_from = PublishedFrom::Dateline;
                published_at = Some(span.start);
            }
            Some(front_date) if front_date.strictly_cmp(&date).is_some() => {
                problems.push(ctx.warning_at(
                    span.start,
                    format!(
                        "dateline says {date} but the front matter says published: {front_date}"
                    ),
                ));
            }
            Some(_) => {}
        }
        metadata_spans.push(span);
    }
    for (span, url) in body.source_lines {
        if meta.source.is_none() {
            meta.source = Some(url);
        }
        metadata_spans.push(span);
    }
    metadata_spans.sort_by_key(|r| (r.start, r.end));

    if let (Some(published), Some(reference), Some(at)) =
        (meta.published, opts.reference_date, published_at)
    {
        if published.strictly_cmp(&reference) == Some(std::cmp::Ordering::Greater) {
            problems.push(ctx.warning_at(
                at,
                format!("published date {published} is after the reference date {reference}"),
            ));
        }
    }
    if meta.published.is_none() {
        if let Some(reference) = opts.reference_date {
            meta.published = Some(reference);
            published_from = PublishedFrom::ReferenceDate;
        }
    }

    if text[body_start..].trim().is_empty() {
        problems.push(Problem::warning(path, "no article text to check"));
    }
    sort_problems(&mut problems);

    let doc = Document {
        path: path.to_string(),
        text,
        body_start,
        meta,
        published_from,
        metadata_spans,
        lines,
    };
    Ok((doc, problems))
}

/// What a parse needs to turn byte offsets into located problems.
struct Ctx<'a> {
    path: &'a str,
    text: &'a str,
    lines: &'a LineIndex,
}

impl Ctx<'_> {
    fn at(&self, problem: Problem, offset: usize) -> Problem {
        let (line, col) = self.lines.line_col(self.text, offset);
        problem.at(line, col)
    }

    fn error_at(&self, offset: usize, message: impl Into<String>) -> Problem {
        self.at(Problem::error(self.path, message), offset)
    }

    fn warning_at(&self, offset: usize, message: impl Into<String>) -> Problem {
        self.at(Problem::warning(self.path, message), offset)
    }
}

/// One line: its content (without `\n` or `\r\n`) and where the next begins.
#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
    next: usize,
}

/// The lines of `text` from byte `from` on, CRLF-aware.
fn lines_from(text: &str, from: usize) -> impl Iterator<Item = Line> + '_ {
    let mut pos = from;
    std::iter::from_fn(move || {
        if pos >= text.len() {
            return None;
        }
        let rest = &text[pos..];
        // memchr's SIMD search: this runs over every line of every article
        let (len, next) = match memchr::memchr(b'\n', rest.as_bytes()) {
            Some(i) => (i, pos + i + 1),
            None => (rest.len(), text.len()),
        };
        let mut end = pos + len;
        if end > pos && text.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        let line = Line {
            start: pos,
            end,
            next,
        };
        pos = next;
        Some(line)
    })
}

// ---------------------------------------------------------------------------
// Front matter
// ---------------------------------------------------------------------------

/// The keys front matter may set; anything else is warned about, because a
/// misspelt `publshed:` would otherwise silently lose the date.
const FRONT_MATTER_KEYS: &[&str] = &["title", "source", "published", "language"];

struct FrontMatter {
    /// Byte offset right after the closing `---` line.
    end: usize,
    meta: Metadata,
    /// Offset of the `published` value, for later warnings about it.
    published_at: Option<usize>,
}

/// Which key the previous front matter line set, to judge indented lines.
enum LastKey {
    None,
    Known(&'static str),
    Unknown,
}

fn is_fence(line: &str) -> bool {
    line.trim_end() == "---"
}

/// Parses a `---` … `---` block of `key: value` lines at `start`, if any.
///
/// This is deliberately the flat subset of YAML that articles use rather
/// than a YAML parser: one value per key on its own line, optionally quoted.
/// Nested values under an unknown key (a `tags:` list) are ignored with the
/// key; nested values under a known key are an error, since they cannot be
/// what the user meant.
fn parse_front_matter(
    ctx: &Ctx<'_>,
    start: usize,
    problems: &mut Vec<Problem>,
) -> Result<Option<FrontMatter>, Problem> {
    let text = ctx.text;
    let mut lines = lines_from(text, start);
    let opening = match lines.next() {
        Some(l) if is_fence(&text[l.start..l.end]) => l,
        _ => return Ok(None),
    };
    // Find the closing fence first, so that an unclosed block is reported
    // as such rather than as a complaint about the first prose line.
    let mut block = Vec::new();
    let mut closing = None;
    for l in lines {
        if is_fence(&text[l.start..l.end]) {
            closing = Some(l);
            break;
        }
        block.push(l);
    }
    let Some(closing) = closing else {
        return Err(ctx.error_at(
            opening.start,
            "front matter opened with `---` is never closed; end it with a `---` line \
             (or remove the opening `---` if the file has no front matter)",
        ));
    };

    let mut meta = Metadata::default();
    let mut published_at = None;
    let mut seen: HashSet<&'static str> = HashSet::new();
    let mut last = LastKey::None;

    for l in block {
        let raw = &text[l.start..l.end];
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let indent = raw.len() - raw.trim_start().len();
        let not_key_value = || {
            ctx.error_at(
                l.start + indent,
                format!(
                    "expected `key: value` in front matter, found `{trimmed}` \
                     (a file that starts with `---` opens a front matter block)"
                ),
            )
        };
        if indent > 0 || trimmed == "-" || trimmed.starts_with("- ") {
            match last {
                LastKey::Unknown => continue,
                LastKey::Known(key) => {
                    return Err(ctx.error_at(
                        l.start + indent,
                        format!(
                            "`{key}` takes a single value on the same line as the key; \
                             nested or multi-line values are not supported"
                        ),
                    ))
                }
                LastKey::None => return Err(not_key_value()),
            }
        }
        let Some(colon) = raw.find(':') else {
            return Err(not_key_value());
        };
        let key = raw[..colon].trim_end();
        if !is_key(key) {
            return Err(not_key_value());
        }
        let after = &raw[colon + 1..];
        let value_start = l.start + colon + 1 + (after.len() - after.trim_start().len());
        let (value, quote_len) = unquote(after.trim());
        let value_at = value_start + quote_len;

        let lower = key.to_ascii_lowercase();
        let Some(&known) = FRONT_MATTER_KEYS.iter().find(|k| **k == lower) else {
            problems.push(ctx.warning_at(
                l.start,
                format!(
                    "unknown front matter key `{key}` (known keys: {}); ignored",
                    FRONT_MATTER_KEYS.join(", ")
                ),
            ));
            last = LastKey::Unknown;
            continue;
        };
        if !seen.insert(known) {
            problems.push(ctx.warning_at(
                l.start,
                format!("duplicate front matter key `{known}`; the last value is used"),
            ));
        }
        last = LastKey::Known(known);
        // An empty value (`title:`) leaves the field unset, as YAML's null.
        let value = (!value.is_empty()).then_some(value);
        match known {
            "title" => meta.title = value,
            "source" => meta.source = value,
            "language" => meta.language = value,
            "published" => match value {
                None => {
                    meta.published = None;
                    published_at = None;
                }
                Some(v) => {
                    let date = PartialDate::parse_iso(&v).map_err(|err| {
                        let message = match err {
                            DateError::NotACalendarDate(_) => {
                                format!("published: {v} is not a calendar date")
                            }
                            DateError::Format(_) => format!(
                                "published: expected YYYY, YYYY-MM or YYYY-MM-DD, found `{v}`"
                            ),
                        };
                        ctx.error_at(value_at, message)
                    })?;
                    meta.published = Some(date);
                    published_at = Some(value_at);
                }
            },
            _ => {}
        }
    }

    Ok(Some(FrontMatter {
        end: closing.next,
        meta,
        published_at,
    }))
}

/// A plausible front matter key: a word of letters, digits, `_` and `-`.
fn is_key(key: &str) -> bool {
    let mut chars = key.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// Strips one pair of matching YAML quotes, undoing their simplest escapes
/// (`''` in single quotes, `\"` in double quotes). Returns the value and the
/// number of bytes skipped at its start, so positions still point into it.
fn unquote(value: &str) -> (String, usize) {
    let quoted_with = |q: char| value.len() >= 2 && value.starts_with(q) && value.ends_with(q);
    if quoted_with('"') {
        (value[1..value.len() - 1].replace("\\\"", "\""), 1)
    } else if quoted_with('\'') {
        (value[1..value.len() - 1].replace("''", "'"), 1)
    } else {
        (value.to_string(), 0)
    }
}

// ---------------------------------------------------------------------------
// Body metadata: dateline and `Source:` line
// ---------------------------------------------------------------------------

/// A dateline is looked for only near the top: further down, a line that is
/// just a date is more likely part of the story (a timeline entry).
const DATELINE_SEARCH_LINES: usize = 5;

struct BodyMetadata {
    dateline: Option<(Range<usize>, PartialDate)>,
    source_lines: Vec<(Range<usize>, String)>,
}

/// Finds the dateline (first among the first non-empty lines) and every
/// `Source: URL` line of the body. Spans are trimmed of surrounding space.
fn scan_body(text: &str, body_start: usize) -> BodyMetadata {
    let mut out = BodyMetadata {
        dateline: None,
        source_lines: Vec::new(),
    };
    let mut non_empty = 0usize;
    for l in lines_from(text, body_start) {
        let raw = &text[l.start..l.end];
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            continue;
        }
        non_empty += 1;
        let lead = raw.len() - raw.trim_start().len();
        let span = l.start + lead..l.start + lead + trimmed.len();
        if out.dateline.is_none() && non_empty <= DATELINE_SEARCH_LINES {
            if let Some(date) = parse_dateline(trimmed) {
                out.dateline = Some((span, date));
                continue;
            }
        }
        if let Some(url) = parse_source_line(trimmed) {
            out.source_lines.push((span, url));
        }
    }
    out
}

static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?P<wd>[A-Za-z]+)\.?,?\s+)?(?P<m>[A-Za-z]+)\.?\s+(?P<d>[0-9]{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>[0-9]{4})\b(?P<rest>.*)$",
    )
    .expect("dateline regex is valid")
});

static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?P<wd>[A-Za-z]+)\.?,?\s+)?(?P<d>[0-9]{1,2})(?:st|nd|rd|th)?\s+(?P<m>[A-Za-z]+)\.?,?\s+(?P<y>[0-9]{4})\b(?P<rest>.*)$",
    )
    .expect("dateline regex is valid")
});

static ISO_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<y>[0-9]{4})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2})(?:T|\b)(?P<rest>.*)$")
        .expect("dateline regex is valid")
});

static SOURCE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[*_]*source[*_]*\s*:[*_]*\s*<?(?P<url>https?://[^\s<>]+)>?[*_]*$")
        .expect("source regex is valid")
});

/// Words allowed after the date on a dateline: clock and time zone words.
const TIME_WORDS: &[&str] = &[
    "am", "pm", "h", "z", "gmt", "utc", "ict", "wib", "est", "edt", "cst", "cdt", "mst", "mdt",
    "pst", "pdt", "cet", "cest", "eet", "eest", "bst", "ist", "jst", "kst", "hkt", "sgt", "aest",
    "aedt",
];

/// The date of a dateline such as `January 30, 2026 | 22:12 (GMT+7)`,
/// `December 05, 2025 10:00 AM GMT+7`, `Thursday, 4 December 2025` or
/// `2025-12-05 10:00`.
///
/// The whole line must be the date plus time, zone and separators: a body
/// sentence that merely starts with a date (`January 30, 2026 the council
/// met …`) holds claims and must not be swallowed as metadata.
fn parse_dateline(line: &str) -> Option<PartialDate> {
    // Markdown emphasis around a dateline (`*January 30, 2026*`) is common.
    let line = line.trim_matches(|c| c == '*' || c == '_').trim();
    // every dateline form has a four-digit year
    if !line.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let (caps, month) = if let Some(c) = ISO_DATE.captures(line) {
        let month = c["m"].parse::<u8>().ok()?;
        (c, month)
    } else if let Some(c) = MONTH_DAY_YEAR
        .captures(line)
        .or_else(|| DAY_MONTH_YEAR.captures(line))
    {
        if let Some(wd) = c.name("wd") {
            weekday_from_name(wd.as_str())?;
        }
        let month = month_from_name(&c["m"])?;
        (c, month)
    } else {
        return None;
    };
    let rest = caps.name("rest").map_or("", |m| m.as_str());
    if !is_time_and_zone(rest) {
        return None;
    }
    let year = caps["y"].parse::<i16>().ok()?;
    let day = caps["d"].parse::<u8>().ok()?;
    PartialDate::day(year, month, day)
}

/// Whether text is only times, zones and separators: digits, `: | + - ( ) , . /`,
/// dashes, bullets, spaces, and [`TIME_WORDS`].
fn is_time_and_zone(rest: &str) -> bool {
    let rest = rest
        .to_ascii_lowercase()
        .replace("a.m.", " am ")
        .replace("p.m.", " pm ");
    let mut word = String::new();
    for c in rest.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_alphabetic() {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            if !TIME_WORDS.contains(&word.as_str()) {
                return false;
            }
            word.clear();
        }
        let separator = c.is_ascii_digit()
            || c.is_whitespace()
            || matches!(
                c,
                ':' | '|'
                    | '+'
                    | '-'
                    | '('
                    | ')'
                    | ','
                    | '.'
                    | '/'
                    | '–'
                    | '—'
                    | '•'
                    | '·'
                    | '*'
                    | '_'
            );
        if !separator {
            return false;
        }
    }
    true
}

/// The URL of a `Source: https://…` line (any case, optional Markdown bold
/// or angle brackets), which news copies append to credit the original.
fn parse_source_line(line: &str) -> Option<String> {
    // cheap refusal first: the pattern starts with `source` after emphasis
    let head = line.trim_start_matches(['*', '_']).as_bytes();
    if head.len() < 6 || !head[..6].eq_ignore_ascii_case(b"source") {
        return None;
    }
    SOURCE_LINE.captures(line).map(|c| c["url"].to_string())
}

// ---------------------------------------------------------------------------
// The whole corpus
// ---------------------------------------------------------------------------

/// Every document that loaded, and every problem met along the way.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// In source order: sorted by path.
    pub documents: Vec<Document>,
    /// Sorted by path, then line and column.
    pub problems: Vec<Problem>,
    /// Files in walked directories that were not read, by reason.
    pub skipped: Skipped,
}

impl Corpus {
    /// Whether any input could not be used as intended (exit status 2).
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(Problem::is_error)
    }
}

/// Discovers the sources under `paths` and reads them in parallel.
///
/// Reading is parallel, but the result keeps the sorted source order, so it
/// is the same whatever the thread count.
pub fn load(paths: &[String], opts: &LoadOptions) -> Corpus {
    let Discovery {
        sources,
        mut problems,
        skipped,
    } = discover_with_skipped(paths);
    let results: Vec<_> = sources
        .par_iter()
        .map(|source| read_document(source, opts))
        .collect();
    let mut documents = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok((doc, doc_problems)) => {
                documents.push(doc);
                problems.extend(doc_problems);
            }
            Err(problem) => problems.push(problem),
        }
    }
    sort_problems(&mut problems);
    Corpus {
        documents,
        problems,
        skipped,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_file_read_in_pieces_is_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        let text: String = (0..1000).map(|i| format!("line {i}: Hà Nội\n")).collect();
        fs::write(&path, &text).unwrap();
        let len = text.len() as u64;
        for piece in [1, 7, 4096, text.len(), text.len() + 1] {
            let mut file = fs::File::open(&path).unwrap();
            let read = read_in_pieces(&mut file, len, piece).unwrap();
            assert_eq!(read, text.as_bytes(), "pieces of {piece}");
        }
        // a file longer than its length said (it grew) is read to its end
        let mut file = fs::File::open(&path).unwrap();
        assert_eq!(
            read_in_pieces(&mut file, len - 10, 64).unwrap(),
            text.as_bytes()
        );
        // and one shorter (it shrank) is an error, not a buffer of zeros
        let mut file = fs::File::open(&path).unwrap();
        let err = read_in_pieces(&mut file, len + 10, 64).unwrap_err();
        assert!(err.to_string().contains("shrank"), "{err}");
    }

    fn opts() -> LoadOptions {
        LoadOptions::default()
    }

    fn with_reference(date: &str) -> LoadOptions {
        LoadOptions {
            reference_date: Some(PartialDate::parse_iso(date).expect("test date")),
        }
    }

    fn load_text(text: &str) -> (Document, Vec<Problem>) {
        document_from_text("a.txt", text.to_string(), &opts()).expect("document loads")
    }

    fn load_err(text: &str) -> Problem {
        match document_from_text("a.txt", text.to_string(), &opts()) {
            Ok((doc, _)) => panic!("expected an error, loaded {:?}", doc.meta),
            Err(p) => p,
        }
    }

    fn date(s: &str) -> PartialDate {
        PartialDate::parse_iso(s).expect("test date")
    }

    fn span_texts(doc: &Document) -> Vec<&str> {
        doc.metadata_spans
            .iter()
            .map(|r| &doc.text[r.clone()])
            .collect()
    }

    fn write(path: &Path, content: &[u8]) {
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("create dirs");
        }
        fs::write(path, content).expect("write file");
    }

    // --- problems ------------------------------------------------------------

    #[test]
    fn problem_display_matches_compiler_style() {
        let p = Problem::error("a.txt", "bad").at(3, 7);
        assert_eq!(p.to_string(), "a.txt:3:7: error: bad");
        assert_eq!(
            Problem::warning("b.md", "odd").to_string(),
            "b.md: warning: odd"
        );
        let mut line_only = Problem::warning("c.md", "x");
        line_only.line = Some(2);
        assert_eq!(line_only.to_string(), "c.md:2: warning: x");
    }

    #[test]
    fn io_errors_are_plain_words() {
        let denied = io::Error::from_raw_os_error(13);
        assert_eq!(plain_io_error(&denied), "permission denied");
        let missing = io::Error::from(io::ErrorKind::NotFound);
        assert_eq!(plain_io_error(&missing), "no such file or directory");
    }

    // --- front matter ----------------------------------------------------------

    #[test]
    fn front_matter_with_all_keys() {
        let text = "---\ntitle: Hanoi joins GNLC\nsource: https://example.com/a\npublished: 2025-12-05\nlanguage: en\n---\nBody text.\n";
        let (doc, problems) = load_text(text);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(doc.meta.title.as_deref(), Some("Hanoi joins GNLC"));
        assert_eq!(doc.meta.source.as_deref(), Some("https://example.com/a"));
        assert_eq!(doc.meta.published, Some(date("2025-12-05")));
        assert_eq!(doc.meta.language.as_deref(), Some("en"));
        assert_eq!(doc.published_from, PublishedFrom::FrontMatter);
        assert_eq!(doc.body(), "Body text.\n");
        assert_eq!(doc.body_start, text.find("Body").unwrap());
        assert_eq!(doc.line_col(doc.body_start), (7, 1));
    }

    #[test]
    fn quoted_values_are_unquoted() {
        let text = "---\ntitle: \"Hanoi: a \\\"Learning City\\\"\"\nlanguage: 'en'\nsource: 'It''s here'\npublished: \"2025\"\n---\nx\n";
        let (doc, problems) = load_text(text);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            doc.meta.title.as_deref(),
            Some("Hanoi: a \"Learning City\"")
        );
        assert_eq!(doc.meta.language.as_deref(), Some("en"));
        assert_eq!(doc.meta.source.as_deref(), Some("It's here"));
        assert_eq!(doc.meta.published, Some(PartialDate::year(2025)));
    }

    #[test]
    fn month_grain_published() {
        let (doc, _) =
            load_text("---\npublished: 2025-04\n---\nHanoi on April 4 set up a committee.\n");
        let published = doc.meta.published.expect("published");
        assert_eq!(published, PartialDate::month(2025, 4).unwrap());
        assert_eq!(published.grain(), crate::date::Grain::Month);
    }

    #[test]
    fn unterminated_front_matter_is_an_error_at_line_1() {
        let p = load_err("---\ntitle: x\nThe body never closes the block.\n");
        assert_eq!(p.severity, Severity::Error);
        assert_eq!((p.line, p.column), (Some(1), Some(1)));
        assert!(p.message.contains("never closed"), "{}", p.message);
    }

    #[test]
    fn unknown_key_warns_at_its_position_and_still_loads() {
        let text = "---\ntitle: T\nauthor: Lan\n---\nBody.\n";
        let (doc, problems) = load_text(text);
        assert_eq!(doc.meta.title.as_deref(), Some("T"));
        assert_eq!(problems.len(), 1, "{problems:?}");
        let p = &problems[0];
        assert_eq!(p.severity, Severity::Warning);
        assert_eq!((p.line, p.column), (Some(3), Some(1)));
        assert!(p.message.contains("`author`"), "{}", p.message);
        assert!(
            p.message.contains("title, source, published, language"),
            "{}",
            p.message
        );
        assert_eq!(p.to_string(), format!("a.txt:3:1: warning: {}", p.message));
    }

    #[test]
    fn unknown_key_with_nested_list_is_ignored_whole() {
        let (doc, problems) = load_text("---\ntags:\n  - hanoi\n  - unesco\ntitle: T\n---\nx\n");
        assert_eq!(doc.meta.title.as_deref(), Some("T"));
        assert_eq!(problems.len(), 1, "{problems:?}");
    }

    #[test]
    fn bad_published_date_points_at_the_value() {
        let p = load_err("---\ntitle: T\npublished: 2025-13-45\n---\nx\n");
        assert_eq!(p.severity, Severity::Error);
        assert_eq!((p.line, p.column), (Some(3), Some(12)));
        assert_eq!(p.message, "published: 2025-13-45 is not a calendar date");
        assert_eq!(
            p.to_string(),
            "a.txt:3:12: error: published: 2025-13-45 is not a calendar date"
        );

        let quoted = load_err("---\npublished: \"5 May 2025\"\n---\nx\n");
        assert_eq!((quoted.line, quoted.column), (Some(2), Some(13)));
        assert!(quoted.message.contains("YYYY-MM-DD"), "{}", quoted.message);
    }

    #[test]
    fn a_line_that_is_not_key_value_is_an_error() {
        let p = load_err("---\ntitle: T\njust some words\n---\nx\n");
        assert_eq!(p.severity, Severity::Error);
        assert_eq!((p.line, p.column), (Some(3), Some(1)));
        assert!(p.message.contains("key: value"), "{}", p.message);

        let nested = load_err("---\ntitle:\n  - a\n---\nx\n");
        assert_eq!((nested.line, nested.column), (Some(3), Some(3)));
    }

    #[test]
    fn crlf_front_matter() {
        let text = "---\r\ntitle: T\r\npublished: 2025-12-05\r\n---\r\nBody line.\r\n";
        let (doc, problems) = load_text(text);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(doc.meta.title.as_deref(), Some("T"));
        assert_eq!(doc.meta.published, Some(date("2025-12-05")));
        assert_eq!(doc.body(), "Body line.\r\n");

        let p = load_err("---\r\nfoo\r\n---\r\n");
        assert_eq!((p.line, p.column), (Some(2), Some(1)));
        let p = load_err("---\r\npublished: 2025-02-30\r\n---\r\n");
        assert_eq!((p.line, p.column), (Some(2), Some(12)));
    }

    #[test]
    fn bom_is_kept_in_text_and_skipped_when_parsing() {
        let text = "\u{feff}---\ntitle: T\n---\nBody 42.\n";
        let (doc, problems) = load_text(text);
        assert!(problems.is_empty(), "{problems:?}");
        assert!(doc.text.starts_with('\u{feff}'));
        assert_eq!(doc.meta.title.as_deref(), Some("T"));
        assert_eq!(doc.body(), "Body 42.\n");

        let (plain, _) = load_text("\u{feff}Body 42.\n");
        assert_eq!(plain.body_start, 3);
        let at = plain.text.find("42").unwrap();
        assert_eq!(plain.line_col(at), (1, 6));
    }

    #[test]
    fn no_front_matter_body_starts_at_zero() {
        let (doc, problems) = load_text("Just an article.\n");
        assert!(problems.is_empty());
        assert_eq!(doc.body_start, 0);
        assert_eq!(doc.published_from, PublishedFrom::Unknown);
        assert_eq!(doc.meta.published, None);
    }

    #[test]
    fn empty_document_is_loaded_with_a_warning() {
        let (doc, problems) = load_text("---\ntitle: T\n---\n");
        assert_eq!(doc.body(), "");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].severity, Severity::Warning);
    }

    #[test]
    fn published_after_reference_date_warns() {
        let text = "---\npublished: 2027-01-01\n---\nx\n";
        let (doc, problems) =
            document_from_text("a.txt", text.to_string(), &with_reference("2026-11-22")).unwrap();
        assert_eq!(doc.meta.published, Some(date("2027-01-01")));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].severity, Severity::Warning);
        assert_eq!(
            problems[0].message,
            "published date 2027-01-01 is after the reference date 2026-11-22"
        );
        assert_eq!((problems[0].line, problems[0].column), (Some(2), Some(12)));

        // The same month as the reference day is not "after" it.
        let text = "---\npublished: 2026-11\n---\nx\n";
        let (_, problems) =
            document_from_text("a.txt", text.to_string(), &with_reference("2026-11-22")).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
    }

    // --- datelines and source lines -------------------------------------------

    #[test]
    fn dateline_with_pipe_and_zone_sets_published() {
        let text = "January 30, 2026 | 22:12 (GMT+7)\nHanoi recognized as UNESCO Learning City\nPANO - On January 29, ...\n";
        let (doc, problems) = load_text(text);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(doc.meta.published, Some(date("2026-01-30")));
        assert_eq!(doc.published_from, PublishedFrom::Dateline);
        assert_eq!(span_texts(&doc), vec!["January 30, 2026 | 22:12 (GMT+7)"]);
    }

    #[test]
    fn dateline_with_am_pm_after_a_title_line() {
        let text = "Ha Noi joins UNESCO's network\r\n\r\nDecember 05, 2025 10:00 AM GMT+7\r\n\r\nBody.\r\n";
        let (doc, _) = load_text(text);
        assert_eq!(doc.meta.published, Some(date("2025-12-05")));
        assert_eq!(doc.published_from, PublishedFrom::Dateline);
        assert_eq!(span_texts(&doc), vec!["December 05, 2025 10:00 AM GMT+7"]);
        assert_eq!(doc.line_col(doc.metadata_spans[0].start), (3, 1));
    }

    #[test]
    fn day_month_year_and_iso_datelines() {
        let (doc, _) = load_text("Title\n4 December 2025\nBody.\n");
        assert_eq!(doc.meta.published, Some(date("2025-12-04")));
        let (doc, _) = load_text("Thursday, December 4, 2025 - 09:30\nBody.\n");
        assert_eq!(doc.meta.published, Some(date("2025-12-04")));
        let (doc, _) = load_text("2025-12-05 10:00\nBody.\n");
        assert_eq!(doc.meta.published, Some(date("2025-12-05")));
        let (doc, _) = load_text("2025-12-05T10:00:00+07:00\nBody.\n");
        assert_eq!(doc.meta.published, Some(date("2025-12-05")));
        let (doc, _) = load_text("*Sept. 3, 2025*\nBody.\n");
        assert_eq!(doc.meta.published, Some(date("2025-09-03")));
    }

    #[test]
    fn dateline_is_recorded_even_with_front_matter_date() {
        let text = "---\npublished: 2026-01-30\n---\nJanuary 30, 2026 | 22:12 (GMT+7)\nBody.\n";
        let (doc, problems) = load_text(text);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(doc.published_from, PublishedFrom::FrontMatter);
        assert_eq!(span_texts(&doc), vec!["January 30, 2026 | 22:12 (GMT+7)"]);
    }

    #[test]
    fn dateline_disagreeing_with_front_matter_warns() {
        let text = "---\npublished: 2026-01-31\n---\nJanuary 30, 2026\nBody.\n";
        let (doc, problems) = load_text(text);
        assert_eq!(doc.meta.published, Some(date("2026-01-31")));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!((problems[0].line, problems[0].column), (Some(4), Some(1)));
    }

    #[test]
    fn a_sentence_starting_with_a_date_is_not_a_dateline() {
        let (doc, _) = load_text("January 30, 2026 the council met.\n");
        assert_eq!(doc.meta.published, None);
        assert!(doc.metadata_spans.is_empty());
        let (doc, _) = load_text("On January 30, 2026\n");
        assert_eq!(doc.meta.published, None);
        let (doc, _) = load_text("February 30, 2026\n");
        assert_eq!(doc.meta.published, None, "not a calendar date");
        let (doc, _) = load_text("2025-12-05The council\n");
        assert_eq!(doc.meta.published, None);
    }

    #[test]
    fn dateline_is_only_searched_near_the_top() {
        let text = "one\ntwo\nthree\nfour\nfive\nJanuary 30, 2026\n";
        let (doc, _) = load_text(text);
        assert_eq!(doc.meta.published, None);
        let text = "one\n\n\ntwo\nthree\nfour\nJanuary 30, 2026\n";
        let (doc, _) = load_text(text);
        assert_eq!(doc.meta.published, Some(date("2026-01-30")));
    }

    #[test]
    fn source_line_sets_source_and_is_metadata() {
        let text = "Body with 425 cities.\n\nSource: https://example.com/article-1\n";
        let (doc, _) = load_text(text);
        assert_eq!(
            doc.meta.source.as_deref(),
            Some("https://example.com/article-1")
        );
        assert_eq!(
            span_texts(&doc),
            vec!["Source: https://example.com/article-1"]
        );

        // Front matter wins, but the line is still metadata.
        let text =
            "---\nsource: https://a.example/\n---\nBody.\nsource:  <https://b.example/x>  \n";
        let (doc, _) = load_text(text);
        assert_eq!(doc.meta.source.as_deref(), Some("https://a.example/"));
        assert_eq!(span_texts(&doc), vec!["source:  <https://b.example/x>"]);

        // Not alone on its line, or not a URL: not a source line.
        let (doc, _) = load_text("Source: VNA\nThe Source: https://x.example said so.\n");
        assert_eq!(doc.meta.source, None);
        assert!(doc.metadata_spans.is_empty());
    }

    #[test]
    fn reference_date_fallback() {
        let (doc, problems) = document_from_text(
            "a.txt",
            "No date here.\n".to_string(),
            &with_reference("2026-11-22"),
        )
        .unwrap();
        assert!(problems.is_empty());
        assert_eq!(doc.meta.published, Some(date("2026-11-22")));
        assert_eq!(doc.published_from, PublishedFrom::ReferenceDate);

        // A dateline beats the reference date.
        let (doc, _) = document_from_text(
            "a.txt",
            "January 30, 2026\nx\n".to_string(),
            &with_reference("2026-11-22"),
        )
        .unwrap();
        assert_eq!(doc.published_from, PublishedFrom::Dateline);
    }

    #[test]
    fn degenerate_inputs_do_not_panic() {
        let inputs = [
            "",
            "\u{feff}",
            "---",
            "---\n",
            "---\r",
            "---\n---",
            "\u{feff}---\r\n---",
            "---\n:\n---\n",
            "---\n\"\n---\n",
            "---\ntitle: \"\n---\n",
            "\r\n\r\n",
            "---\npublished:\n---\n",
            "Source:\n",
            "May 5, 2025 ",
            "9999-99-99",
            "Monday, 31 February 2025",
            "---\npublished: ２０２５\n---\n",
        ];
        for input in inputs {
            let result = document_from_text("x", input.to_string(), &with_reference("2026-01-01"));
            if let Ok((doc, _)) = result {
                assert!(doc.body_start <= doc.text.len());
                let _ = doc.body();
                let _ = doc.line_col(doc.text.len() + 10);
            }
        }
        let (doc, _) = load_text("---\n---");
        assert_eq!(doc.body_start, 7);
    }

    // --- bytes ------------------------------------------------------------------

    #[test]
    fn latin1_bytes_are_an_error_with_position() {
        let p = decode("a.txt", b"Title\nCaf\xe9 opens".to_vec()).unwrap_err();
        assert_eq!(p.severity, Severity::Error);
        assert_eq!((p.line, p.column), (Some(2), Some(4)));
        assert!(p.message.starts_with("not valid UTF-8"), "{}", p.message);
        assert!(p.message.contains("0xE9"), "{}", p.message);
        assert!(
            p.message.contains("iconv -f latin1 -t utf-8"),
            "{}",
            p.message
        );

        // Columns count chars, as everywhere else.
        let p = decode("a.txt", "Hà Nội \u{2014} ".bytes().chain([0x93]).collect()).unwrap_err();
        assert_eq!((p.line, p.column), (Some(1), Some(10)));
        assert!(p.message.contains("windows-1252"), "{}", p.message);
    }

    #[test]
    fn nul_byte_means_binary() {
        let p = decode("a.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec()).unwrap_err();
        assert!(
            p.message.starts_with("binary file, not an article"),
            "{}",
            p.message
        );
        let p = decode("a.txt", b"\xff\xfeH\0i\0".to_vec()).unwrap_err();
        assert!(p.message.contains("UTF-16"), "{}", p.message);
    }

    #[test]
    fn read_document_reads_files_and_reports_io_errors() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        write(&file, b"January 30, 2026\nBody.\n");
        let src = Source {
            path: "a.txt".into(),
            kind: SourceKind::File(file),
        };
        let (doc, _) = read_document(&src, &opts()).unwrap();
        assert_eq!(doc.path, "a.txt");
        assert_eq!(doc.meta.published, Some(date("2026-01-30")));

        let src = Source {
            path: "dir".into(),
            kind: SourceKind::File(dir.path().to_path_buf()),
        };
        let p = read_document(&src, &opts()).unwrap_err();
        assert_eq!(p.to_string(), "dir: error: is a directory, not an article");

        let src = Source {
            path: "gone.txt".into(),
            kind: SourceKind::File(dir.path().join("gone.txt")),
        };
        let p = read_document(&src, &opts()).unwrap_err();
        assert_eq!(
            p.to_string(),
            "gone.txt: error: cannot read: no such file or directory"
        );

        let latin = dir.path().join("latin.txt");
        write(&latin, b"Caf\xe9");
        let src = Source {
            path: "latin.txt".into(),
            kind: SourceKind::File(latin),
        };
        let p = read_document(&src, &opts()).unwrap_err();
        assert!(p
            .to_string()
            .starts_with("latin.txt:1:4: error: not valid UTF-8"));
    }

    #[cfg(unix)]
    #[test]
    fn fifo_is_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.txt");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return; // no mkfifo on this system
        }
        let src = Source {
            path: "pipe.txt".into(),
            kind: SourceKind::File(fifo),
        };
        let p = read_document(&src, &opts()).unwrap_err();
        assert!(p.message.contains("FIFO"), "{}", p.message);
    }

    // --- discovery --------------------------------------------------------------

    /// Paths relative to `base`, so assertions do not depend on the temp dir.
    fn rel(base: &Path, sources: &[Source]) -> Vec<String> {
        let base = base.to_string_lossy();
        sources
            .iter()
            .map(|s| {
                s.path
                    .strip_prefix(base.as_ref())
                    .unwrap_or(&s.path)
                    .to_string()
            })
            .collect()
    }

    #[test]
    fn discover_walks_nested_dirs_honouring_gitignore() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("corpus");
        write(&root.join("b.txt"), b"b");
        write(&root.join("a.md"), b"a");
        write(&root.join("nested/deeper/c.markdown"), b"c");
        write(&root.join("nested/d.TXT"), b"d");
        write(&root.join("draft.txt"), b"ignored");
        write(&root.join(".gitignore"), b"draft.txt\n");
        write(&root.join("photo.png"), b"\x89PNG");
        write(&root.join(".hidden/e.txt"), b"hidden");
        write(&root.join(".secret.txt"), b"hidden");

        let arg = format!("{}/", root.display());
        let Discovery {
            sources,
            problems,
            skipped,
        } = discover_with_skipped(&[arg]);
        assert!(problems.is_empty(), "{problems:?}");
        // the PNG is counted; hidden and ignored files never reach the count
        let reasons: Vec<_> = skipped
            .by_reason()
            .map(|(r, n)| (r.to_string(), n))
            .collect();
        assert_eq!(reasons, [("not an article (.png)".to_string(), 1)]);
        let base = dir.path();
        assert_eq!(
            rel(base, &sources),
            vec![
                "/corpus/a.md",
                "/corpus/b.txt",
                "/corpus/nested/d.TXT",
                "/corpus/nested/deeper/c.markdown",
            ]
        );
        assert!(sources
            .iter()
            .all(|s| matches!(&s.kind, SourceKind::Regular(p) if p.is_file())));
    }

    #[test]
    fn trailing_slash_and_duplicates_give_one_clean_path() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("corpus");
        write(&root.join("x.txt"), b"x");
        let plain = root.display().to_string();
        let slashed = format!("{plain}//");
        let explicit = root.join("x.txt").display().to_string();
        let (sources, problems) = discover(&[slashed, plain.clone(), explicit]);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(sources.len(), 1);
        assert_eq!(sources[0].path, format!("{plain}/x.txt"));
    }

    #[test]
    fn explicit_files_are_read_whatever_their_name_and_sorted() {
        let dir = tempfile::tempdir().unwrap();
        let b = dir.path().join("b.html");
        let a = dir.path().join(".hidden-a.txt");
        write(&b, b"b");
        write(&a, b"a");
        let args = vec![
            b.display().to_string(),
            "-".to_string(),
            a.display().to_string(),
            "-".to_string(),
        ];
        let (sources, problems) = discover(&args);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(sources.len(), 3);
        assert_eq!(sources[0].kind, SourceKind::Stdin);
        assert_eq!(sources[1].path, a.display().to_string());
        assert_eq!(sources[2].path, b.display().to_string());
    }

    #[test]
    fn skipped_files_are_counted_once_by_reason_and_named_files_never_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("corpus");
        write(&root.join("a.txt"), b"a");
        write(&root.join("b.PNG"), b"\x89PNG");
        write(&root.join("c.png"), b"\x89PNG");
        write(&root.join("sub/d.json"), b"{}");
        write(&root.join("sub/Makefile"), b"all:");
        write(&root.join("sub/e.png"), b"\x89PNG");
        write(&root.join("sub/f.md"), b"f");
        let root_arg = root.display().to_string();
        // the directory twice (once through a subdirectory), and a PNG by name
        let named = root.join("sub/e.png").display().to_string();
        let args = [
            root_arg.clone(),
            root.join("sub").display().to_string(),
            named.clone(),
        ];
        let d = discover_with_skipped(&args);
        assert!(d.problems.is_empty(), "{:?}", d.problems);
        let paths: Vec<&str> = d.sources.iter().map(|s| s.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                format!("{root_arg}/a.txt"),
                named,
                format!("{root_arg}/sub/f.md")
            ]
        );
        let reasons: Vec<_> = d
            .skipped
            .by_reason()
            .map(|(r, n)| (r.to_string(), n))
            .collect();
        assert_eq!(
            reasons,
            [
                ("not an article (no extension)".to_string(), 1),
                ("not an article (.json)".to_string(), 1),
                ("not an article (.png)".to_string(), 2),
            ]
        );
        assert_eq!(d.skipped.total(), 4);
        assert_eq!(
            serde_json::to_string(&d.skipped).unwrap(),
            "{\"total\":4,\"by_reason\":{\"not an article (no extension)\":1,\
             \"not an article (.json)\":1,\"not an article (.png)\":2}}"
        );
        // discover() gives the same sources and problems
        assert_eq!(discover(&args).0, d.sources);
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_with_an_article_name_is_warned_about_and_counted() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("corpus");
        write(&root.join("a.txt"), b"a");
        let made = std::process::Command::new("mkfifo")
            .arg(root.join("pipe.txt"))
            .status()
            .is_ok_and(|st| st.success());
        if !made {
            return;
        }
        let d = discover_with_skipped(&[root.display().to_string()]);
        assert_eq!(d.sources.len(), 1);
        assert_eq!(d.problems.len(), 1, "{:?}", d.problems);
        assert_eq!(d.problems[0].severity, Severity::Warning);
        let reasons: Vec<_> = d.skipped.by_reason().collect();
        assert_eq!(reasons, [(&SkipReason::NotARegularFile, 1)]);
    }

    #[test]
    fn missing_path_and_empty_directory_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        let empty = dir.path().join("empty");
        fs::create_dir(&empty).unwrap();
        write(&empty.join("notes.pdf"), b"%PDF");
        let missing = dir.path().join("missing.txt").display().to_string();
        let (sources, problems) = discover(&[missing.clone(), empty.display().to_string()]);
        assert!(sources.is_empty());
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems.iter().all(Problem::is_error));
        let by_path = |p: &str| {
            problems
                .iter()
                .find(|x| x.path == p)
                .expect("problem for path")
        };
        assert_eq!(
            by_path(&missing).to_string(),
            format!("{missing}: error: no such file or directory")
        );
        assert!(by_path(&empty.display().to_string())
            .message
            .contains("no .txt, .md or .markdown articles"));
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loop_and_broken_link_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("corpus");
        write(&root.join("sub/a.txt"), b"a");
        std::os::unix::fs::symlink(&root, root.join("sub/loop")).unwrap();
        std::os::unix::fs::symlink(root.join("nowhere.txt"), root.join("broken.txt")).unwrap();
        let (sources, problems) = discover(&[root.display().to_string()]);
        assert_eq!(sources.len(), 1);
        let looped = problems
            .iter()
            .find(|p| p.message.contains("loop"))
            .expect("loop reported");
        assert_eq!(looped.severity, Severity::Warning);
        assert!(looped.path.ends_with("sub/loop"), "{looped}");
        let broken = problems
            .iter()
            .find(|p| p.path.ends_with("broken.txt"))
            .expect("broken link reported");
        assert_eq!(broken.severity, Severity::Error);
        assert!(broken.message.contains("broken symbolic link"), "{broken}");
    }

    #[cfg(unix)]
    #[test]
    fn unreadable_directory_is_an_error() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("corpus");
        write(&root.join("a.txt"), b"a");
        write(&root.join("locked/b.txt"), b"b");
        let locked = root.join("locked");
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
        let readable_anyway = fs::read_dir(&locked).is_ok(); // running as root
        let (sources, problems) = discover(&[root.display().to_string()]);
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
        if readable_anyway {
            return;
        }
        assert_eq!(sources.len(), 1);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].is_error());
        assert!(problems[0].path.ends_with("locked"), "{}", problems[0]);
        assert!(problems[0].message.contains("permission denied"));
    }

    // --- whole corpus -----------------------------------------------------------

    #[test]
    fn load_reads_in_sorted_order_and_collects_problems() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("corpus");
        write(
            &root.join("c.txt"),
            b"---\npublished: 2025-12-05\n---\nC.\n",
        );
        write(
            &root.join("a.txt"),
            b"January 30, 2026 | 22:12 (GMT+7)\nA.\n",
        );
        write(&root.join("b.txt"), b"Caf\xe9");
        write(&root.join("d.md"), b"---\nauthor: x\n---\nD.\n");
        let missing = dir.path().join("missing").display().to_string();
        let corpus = load(&[root.display().to_string(), missing], &opts());
        let names: Vec<_> = corpus
            .documents
            .iter()
            .map(|d| d.path.rsplit('/').next().unwrap_or(""))
            .collect();
        assert_eq!(names, vec!["a.txt", "c.txt", "d.md"]);
        assert!(corpus.has_errors());
        assert_eq!(corpus.problems.len(), 3, "{:?}", corpus.problems);
        assert!(corpus.problems[0].path.ends_with("b.txt"));
        assert!(corpus.problems[1].path.ends_with("d.md"));
        assert_eq!(corpus.problems[1].severity, Severity::Warning);
        assert!(corpus.problems[2].path.ends_with("missing"));

        let clean = load(&[root.join("a.txt").display().to_string()], &opts());
        assert!(!clean.has_errors());
        assert_eq!(clean.documents[0].published_from, PublishedFrom::Dateline);
    }

    #[test]
    fn walk_errors_name_the_path() {
        let denied = ignore::Error::WithDepth {
            depth: 1,
            err: Box::new(ignore::Error::WithPath {
                path: PathBuf::from("corpus/locked"),
                err: Box::new(ignore::Error::Io(io::Error::from_raw_os_error(13))),
            }),
        };
        let p = walk_problem("corpus", &denied);
        assert_eq!(
            p.to_string(),
            "corpus/locked: error: cannot read: permission denied; articles under it are not checked"
        );
        let glob = ignore::Error::WithPath {
            path: PathBuf::from("corpus/.gitignore"),
            err: Box::new(ignore::Error::WithLineNumber {
                line: 3,
                err: Box::new(ignore::Error::Glob {
                    glob: Some("a{b".into()),
                    err: "unclosed alternate group".into(),
                }),
            }),
        };
        let p = walk_problem("corpus", &glob);
        assert_eq!(p.severity, Severity::Warning);
        assert_eq!((p.path.as_str(), p.line), ("corpus/.gitignore", Some(3)));
    }

    #[test]
    fn project_corpus_loads_cleanly() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
        if !Path::new(dir).is_dir() {
            return;
        }
        let corpus = load(&[dir.to_string()], &opts());
        assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
        // Datelines and trailing `Source:` lines are metadata, not claims.
        assert!(corpus.documents.iter().any(|d| span_texts(d)
            .iter()
            .any(|s| s.starts_with("January 30, 2026"))));
        assert!(corpus.documents.iter().any(|d| span_texts(d)
            .iter()
            .any(|s| s.starts_with("Source: https://"))));
        // Tests run from the package root: a relative `corpus/` reads `corpus/…`.
        let (sources, _) = discover(&["corpus/".to_string()]);
        assert!(sources
            .iter()
            .all(|s| s.path.starts_with("corpus/") && !s.path.starts_with("corpus//")));
        assert!(!corpus.documents.is_empty());
        assert!(corpus
            .documents
            .iter()
            .all(|d| d.published_from == PublishedFrom::FrontMatter));
    }
}
