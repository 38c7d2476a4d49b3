//! The claim catalogue: tracked claims declared by the user in `claims/*.json`.
//!
//! A catalogue entry is the strongest source of a claim key: it names the
//! subject (with aliases), the cues that identify the property, the value
//! kind, whether and how the value varies over time, and a tolerance.
//! Claims nobody declared still get automatic keys (see `interpret`), but a
//! catalogue entry turns a guess into a statement the user stands behind.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use regex::{Regex, RegexBuilder};
use serde::{Deserialize, Serialize};

use crate::corpus::plain_io_error;
use crate::extract::Kind;
use crate::interpret::normalize_phrase;

/// Schema of catalogue files; files may omit it.
pub const SCHEMA: u32 = 1;

/// One tracked claim.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Stable id, e.g. `gnlc.members.total`.
    pub id: String,
    #[serde(default)]
    pub description: Option<String>,
    pub subject: Subject,
    #[serde(default)]
    pub property: Property,
    /// The value kind: count, percent, money, date, year, age, duration.
    pub kind: Kind,
    /// How the value moves over time.
    #[serde(default)]
    pub varies: Varies,
    /// How far apart two values may be and still agree.
    #[serde(default)]
    pub tolerance: Tolerance,
    /// Declared relations to other entries (checked by the consistency checks).
    #[serde(default)]
    pub relations: Vec<Relation>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Subject {
    pub name: String,
    /// Other ways articles name the subject; any of them in the sentence
    /// (case-insensitive, whole words) ties a claim to this subject.
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Property {
    /// Unit phrases that identify the property (`member cities`), compared
    /// after normalisation (lower case, singular). Empty: any unit.
    #[serde(default)]
    pub units: Vec<String>,
    /// Words of which at least one must appear in the claim's clause
    /// (`has`, `includes`; `established` for a founding year). Empty: none needed.
    #[serde(default)]
    pub cues: Vec<String>,
    /// Words that must not appear in the claim's clause (`new`, `joined`).
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Regular expressions, any of which must match the sentence. Compiled
    /// with a size limit; matching is linear time (no backtracking engine).
    #[serde(default)]
    pub patterns: Vec<String>,
    /// A flow (a change over a period: `72 new cities joined`) rather than
    /// a stock (a level at a point in time: `the network has 425 cities`).
    #[serde(default)]
    pub flow: bool,
}

/// Direction in which a value may move over time.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Varies {
    /// It never changes (a founding year, the date of an event).
    Never,
    /// It may change either way.
    #[default]
    Any,
    /// It only grows (a cumulative total).
    Increasing,
    /// It only shrinks.
    Decreasing,
}

/// Tolerance: a bare number is absolute; `{"relative": 0.01}` is a fraction.
#[derive(Debug, Clone, Copy, Default, PartialEq, Deserialize, Serialize)]
#[serde(untagged)]
pub enum Tolerance {
    #[default]
    #[serde(skip)]
    None,
    Absolute(f64),
    Relative {
        relative: f64,
    },
}

impl Tolerance {
    /// The half-width this tolerance adds around `value`.
    pub fn around(&self, value: f64) -> f64 {
        match *self {
            Tolerance::None => 0.0,
            Tolerance::Absolute(a) => a.abs(),
            Tolerance::Relative { relative } => (value * relative).abs(),
        }
    }
}

/// `total = previous(total) + added - removed`, checked by `checks::arithmetic`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    /// Human description of the relation.
    #[serde(default)]
    pub description: Option<String>,
    /// Entries whose values are added to the previous value of this entry.
    #[serde(default)]
    pub plus: Vec<String>,
    /// Entries whose values are subtracted.
    #[serde(default)]
    pub minus: Vec<String>,
}

/// A catalogue file on disk: either a bare array of entries or an object.
#[derive(Deserialize)]
#[serde(untagged)]
enum FileShape {
    List(Vec<Entry>),
    Object(CatalogFile),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogFile {
    #[serde(default)]
    schema: Option<u32>,
    claims: Vec<Entry>,
}

/// An entry with its compiled matchers.
#[derive(Debug, Clone)]
pub struct Compiled {
    pub entry: Entry,
    pub file: PathBuf,
    pub aliases: Vec<String>,
    pub units: Vec<String>,
    pub cues: Vec<String>,
    pub exclude: Vec<String>,
    pub patterns: Vec<Regex>,
}

/// All catalogue entries, in id order.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    pub entries: Vec<Compiled>,
    /// A digest of the catalogue's content (for caches and reports).
    pub digest: u64,
}

/// What is wrong with a catalogue file; always names the file, and the
/// line, column and field where it can.
///
/// `line` and `column` are 1-based (columns count chars, as everywhere in
/// claimcheck); both are 0 for a problem with the whole file or directory,
/// and then are not shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogError {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl std::fmt::Display for CatalogError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.path)?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
            if self.column > 0 {
                write!(f, ":{}", self.column)?;
            }
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for CatalogError {}

impl CatalogError {
    /// The error as a file diagnostic, printed `path:line:col: error:
    /// message` like every other input problem (no position for a problem
    /// with the whole file or directory).
    pub fn to_problem(&self) -> crate::corpus::Problem {
        let mut problem = crate::corpus::Problem::error(&self.path, &self.message);
        if self.line > 0 {
            problem.line = Some(self.line);
            problem.column = (self.column > 0).then_some(self.column);
        }
        problem
    }

    fn file(path: impl Into<String>, message: impl Into<String>) -> Self {
        CatalogError {
            path: path.into(),
            line: 0,
            column: 0,
            message: message.into(),
        }
    }
}

/// Upper bound on a compiled user pattern, so a catalogue cannot make a run
/// use unbounded memory; matching stays linear (the regex crate has no
/// backtracking engine).
const PATTERN_SIZE_LIMIT: usize = 1 << 20;

impl Catalog {
    /// Loads every `*.json` file in `dir` except `accepted.json` (the
    /// baseline), sorted by name.
    pub fn load_dir(dir: &Path) -> Result<Catalog, Vec<CatalogError>> {
        let mut files: Vec<PathBuf> = match std::fs::read_dir(dir) {
            Ok(rd) => rd
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "json"))
                .filter(|p| p.file_name().is_some_and(|n| n != "accepted.json"))
                .collect(),
            Err(e) => {
                return Err(vec![CatalogError::file(
                    dir.display().to_string(),
                    format!("cannot read catalogue directory: {}", plain_io_error(&e)),
                )])
            }
        };
        files.sort();
        let mut sources = Vec::new();
        let mut errors = Vec::new();
        for f in files {
            match read_catalog_file(&f) {
                Ok(text) => sources.push((f, text)),
                Err(e) => errors.push(e),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Catalog::from_sources(&sources)
    }

    /// Builds a catalogue from (path, JSON text) pairs.
    ///
    /// Every error names the file and, where it can, the line and column
    /// (in chars) and the field, as a path such as `claims[2].kind`.
    pub fn from_sources(sources: &[(PathBuf, String)]) -> Result<Catalog, Vec<CatalogError>> {
        let mut errors = Vec::new();
        let mut by_id: BTreeMap<String, Compiled> = BTreeMap::new();
        // where each id was first declared, for the duplicate's message
        let mut declared: BTreeMap<String, String> = BTreeMap::new();
        let mut hasher = crate::hash::Fnv::new();
        for (path, text) in sources {
            hasher.write(path.to_string_lossy().as_bytes());
            hasher.write(text.as_bytes());
            let shown = path.display().to_string();
            let file = FileText::new(&shown, text);
            // A byte-order mark (Windows editors write one) is not JSON; its
            // length is kept in offsets so positions stay file positions.
            let json = file.json();
            let (entries, prefix) = match serde_json::from_str::<FileShape>(json) {
                Ok(FileShape::List(v)) => (v, ""),
                Ok(FileShape::Object(f)) => {
                    if let Some(s) = f.schema.filter(|s| *s > SCHEMA) {
                        errors.push(file.error_at_path(
                            "schema",
                            format!(
                                "field `schema`: schema {s} is newer than this claimcheck \
                                 understands ({SCHEMA}); upgrade claimcheck"
                            ),
                        ));
                        continue;
                    }
                    (f.claims, "claims")
                }
                Err(e) => {
                    errors.push(shape_error(&file, e));
                    continue;
                }
            };
            for (n, entry) in entries.into_iter().enumerate() {
                let entry_path = format!("{prefix}[{n}]");
                let id_path = format!("{entry_path}.id");
                if entry.id.trim().is_empty() {
                    errors.push(file.error_at_path(
                        &id_path,
                        format!("field `{id_path}`: a claim id must not be empty"),
                    ));
                    continue;
                }
                if let Some(first) = declared.get(&entry.id) {
                    errors.push(file.error_at_path(
                        &id_path,
                        format!(
                            "field `{id_path}`: duplicate claim id `{}` (first declared at {first}); \
                             ids must be unique across catalogue files",
                            entry.id,
                        ),
                    ));
                    continue;
                }
                let (line, column) = file.position_of_path(&id_path);
                declared.insert(entry.id.clone(), format!("{shown}:{line}:{column}"));
                let mut patterns = Vec::new();
                for (k, p) in entry.property.patterns.iter().enumerate() {
                    match RegexBuilder::new(p)
                        .case_insensitive(true)
                        .size_limit(PATTERN_SIZE_LIMIT)
                        .dfa_size_limit(PATTERN_SIZE_LIMIT)
                        .build()
                    {
                        Ok(r) => patterns.push(r),
                        Err(e) => {
                            let field = format!("{entry_path}.property.patterns[{k}]");
                            errors.push(file.error_at_path(
                                &field,
                                format!(
                                    "field `{field}` of `{}`: {}",
                                    entry.id,
                                    describe_regex_error(&e)
                                ),
                            ));
                        }
                    }
                }
                let mut aliases: Vec<String> = std::iter::once(&entry.subject.name)
                    .chain(&entry.subject.aliases)
                    .map(|a| normalize_words(a))
                    .filter(|a| !a.is_empty())
                    .collect();
                aliases.sort_by_key(|a| std::cmp::Reverse(a.len()));
                let compiled = Compiled {
                    file: path.clone(),
                    aliases,
                    units: entry
                        .property
                        .units
                        .iter()
                        .map(|u| normalize_phrase(u))
                        .collect(),
                    cues: entry
                        .property
                        .cues
                        .iter()
                        .map(|c| normalize_words(c))
                        .collect(),
                    exclude: entry
                        .property
                        .exclude
                        .iter()
                        .map(|c| normalize_words(c))
                        .collect(),
                    patterns,
                    entry,
                };
                by_id.insert(compiled.entry.id.clone(), compiled);
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Catalog {
            entries: by_id.into_values().collect(),
            digest: hasher.finish(),
        })
    }

    pub fn get(&self, id: &str) -> Option<&Compiled> {
        self.entries.iter().find(|e| e.entry.id == id)
    }
}

/// Lower case, diacritics folded, punctuation as spaces, single-spaced;
/// the form in which aliases and cues are searched for in sentences.
pub fn normalize_words(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push(' ');
    let mut space = true;
    for c in s.chars() {
        // ASCII (most text) without the folding and Unicode case tables
        let word_char = if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
                true
            } else {
                false
            }
        } else {
            let c = crate::interpret::fold_char(c);
            if c.is_alphanumeric() {
                out.extend(c.to_lowercase());
                true
            } else {
                false
            }
        };
        if word_char {
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    if !space {
        out.push(' ');
    }
    if out.trim().is_empty() {
        return String::new();
    }
    out
}

/// Reads one catalogue file: a regular file (a FIFO named `x.json` would
/// block forever), UTF-8 (the error points at the first bad byte).
fn read_catalog_file(path: &Path) -> Result<String, CatalogError> {
    let shown = path.display().to_string();
    let cannot = |e: &std::io::Error| {
        CatalogError::file(shown.clone(), format!("cannot read: {}", plain_io_error(e)))
    };
    let meta = std::fs::metadata(path).map_err(|e| cannot(&e))?;
    if !meta.is_file() {
        return Err(CatalogError::file(
            shown,
            "not a regular file; a catalogue file must be a JSON file",
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| cannot(&e))?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let prefix = std::str::from_utf8(&bytes[..valid]).unwrap_or("");
        let (line, column) = crate::text::LineIndex::new(prefix).line_col(prefix, prefix.len());
        CatalogError {
            path: shown,
            line,
            column,
            message: format!(
                "not valid UTF-8 (byte 0x{:02X}); JSON catalogue files must be UTF-8",
                bytes.get(valid).copied().unwrap_or(0)
            ),
        }
    })
}

/// A regex error in one line: `unclosed group at character 1 of the
/// pattern`, or for a pattern too big once compiled, what to do about it.
fn describe_regex_error(e: &regex::Error) -> String {
    match e {
        regex::Error::CompiledTooBig(limit) => format!(
            "regular expression too large: once compiled it exceeds the {} KiB limit \
             (nested or large counted repetitions such as `(a{{1000}}){{1000}}` multiply \
             its size); simplify the pattern",
            limit / 1024
        ),
        regex::Error::Syntax(text) => {
            // regex's message: the pattern, a line with `^` under the
            // problem, and `error: …`
            let lines: Vec<&str> = text.lines().collect();
            let indent = |l: &str| l.len() - l.trim_start().len();
            let caret = (1..lines.len()).find_map(|k| {
                let l = lines[k];
                let is_caret =
                    l.trim_start().starts_with('^') && l.trim().chars().all(|c| c == '^');
                // spaces under the pattern line above, one per char of it
                (is_caret && indent(l) >= indent(lines[k - 1]))
                    .then(|| indent(l) - indent(lines[k - 1]) + 1)
            });
            let what = text
                .lines()
                .find_map(|l| l.trim().strip_prefix("error: "))
                .map_or_else(|| one_line(text), str::to_string);
            match caret {
                Some(col) => {
                    format!(
                        "invalid regular expression: {what} (at character {col} of the pattern)"
                    )
                }
                None => format!("invalid regular expression: {what}"),
            }
        }
        other => format!(
            "invalid regular expression: {}",
            one_line(&other.to_string())
        ),
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A catalogue file's text with what locating errors in it needs, built
/// only when an error needs it (linear in the file, once).
struct FileText<'a> {
    path: &'a str,
    text: &'a str,
    /// Bytes of a leading byte-order mark, which is not JSON.
    bom: usize,
    lines: std::cell::OnceCell<crate::text::LineIndex>,
    nodes: std::cell::OnceCell<Vec<JsonNode>>,
}

impl<'a> FileText<'a> {
    fn new(path: &'a str, text: &'a str) -> Self {
        FileText {
            path,
            text,
            bom: if text.starts_with('\u{feff}') { 3 } else { 0 },
            lines: std::cell::OnceCell::new(),
            nodes: std::cell::OnceCell::new(),
        }
    }

    /// The JSON text, after any byte-order mark.
    fn json(&self) -> &'a str {
        &self.text[self.bom..]
    }

    /// (line, column in chars) of a byte offset into the file.
    fn line_col(&self, offset: usize) -> (usize, usize) {
        let lines = self
            .lines
            .get_or_init(|| crate::text::LineIndex::new(self.text));
        lines.line_col(self.text, offset)
    }

    /// Byte offset into the file of serde_json's (line, byte column), where
    /// the column is the last byte serde read (0: none on that line yet).
    fn serde_offset(&self, line: usize, column: usize) -> Option<usize> {
        crate::text::json_error_offset(self.json(), line, column).map(|at| self.bom + at)
    }

    fn nodes(&self) -> &[JsonNode] {
        self.nodes.get_or_init(|| json_nodes(self.json()))
    }

    /// Where the value at a path starts (after its key), else 1:1.
    fn position_of_path(&self, path: &str) -> (usize, usize) {
        match self.nodes().iter().rfind(|n| n.path == path) {
            Some(n) => self.line_col(self.bom + n.start),
            None => (1, 1),
        }
    }

    fn error_at_path(&self, path: &str, message: String) -> CatalogError {
        let (line, column) = self.position_of_path(path);
        CatalogError {
            path: self.path.to_string(),
            line,
            column,
            message,
        }
    }

    /// The claim id of the entry a path is inside, if the file parses.
    fn entry_id(&self, path: &str) -> Option<String> {
        let (entry, _) = split_entry_path(path)?;
        let value: serde_json::Value = serde_json::from_str(self.json()).ok()?;
        value
            .pointer(&entry_pointer(entry)?)
            .and_then(|e| e.get("id"))
            .and_then(|id| id.as_str())
            .map(str::to_string)
    }
}

/// A JSON value (or object key) with its path and byte span.
#[derive(Debug, Clone)]
struct JsonNode {
    /// `claims[2].property.patterns[0]`; the root is ``.
    path: String,
    start: usize,
    /// One past the last byte; the text's length when never closed.
    end: usize,
}

/// How deep [`json_nodes`] follows nested arrays and objects.
const MAX_JSON_DEPTH: usize = 256;

/// Every value and key of a JSON text with its path, in text order.
///
/// A tolerant, iterative scan (no recursion, so nesting depth cannot
/// overflow the stack): it stops at the first thing that is not JSON and
/// returns what it found up to there.
fn json_nodes(text: &str) -> Vec<JsonNode> {
    struct Open {
        node: usize,
        array: bool,
        index: usize,
        key: Option<String>,
        want_key: bool,
    }
    let b = text.as_bytes();
    let mut nodes: Vec<JsonNode> = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut i = 0;
    let child_path = |stack: &[Open], nodes: &[JsonNode]| -> String {
        match stack.last() {
            None => String::new(),
            Some(top) => {
                let parent = &nodes[top.node].path;
                if top.array {
                    format!("{parent}[{}]", top.index)
                } else {
                    let key = top.key.as_deref().unwrap_or("");
                    if parent.is_empty() {
                        key.to_string()
                    } else {
                        format!("{parent}.{key}")
                    }
                }
            }
        }
    };
    // the end of a JSON string starting at `start` (its opening quote)
    let string_end = |start: usize| -> usize {
        let mut j = start + 1;
        while j < b.len() {
            match b[j] {
                b'\\' => j += 2,
                b'"' => return j + 1,
                _ => j += 1,
            }
        }
        b.len()
    };
    loop {
        while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\r' | b'\n') {
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        let c = b[i];
        let in_object_key = stack.last().is_some_and(|t| !t.array && t.want_key);
        if in_object_key {
            match c {
                b'"' => {
                    let end = string_end(i);
                    let raw = text
                        .get(i + 1..end.saturating_sub(1).max(i + 1))
                        .unwrap_or("");
                    let top = stack.last_mut().expect("in an object");
                    top.key = Some(raw.to_string());
                    top.want_key = false;
                    let path = child_path(&stack, &nodes);
                    nodes.push(JsonNode {
                        path,
                        start: i,
                        end,
                    });
                    i = end;
                    // the colon
                    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\r' | b'\n') {
                        i += 1;
                    }
                    if i < b.len() && b[i] == b':' {
                        i += 1;
                        continue;
                    }
                    break;
                }
                b'}' => {
                    let top = stack.pop().expect("in an object");
                    nodes[top.node].end = i + 1;
                    i += 1;
                    after_value(&mut stack);
                    continue;
                }
                _ => break,
            }
        }
        match c {
            b',' => {
                if let Some(top) = stack.last_mut() {
                    if !top.array {
                        top.want_key = true;
                    }
                }
                i += 1;
            }
            b']' | b'}' => {
                let Some(top) = stack.pop() else { break };
                nodes[top.node].end = i + 1;
                i += 1;
                after_value(&mut stack);
            }
            b'{' | b'[' => {
                // deeper than serde_json goes (128): nothing to locate there,
                // and paths would grow with the depth
                if stack.len() >= MAX_JSON_DEPTH {
                    break;
                }
                let path = child_path(&stack, &nodes);
                nodes.push(JsonNode {
                    path,
                    start: i,
                    end: b.len(),
                });
                stack.push(Open {
                    node: nodes.len() - 1,
                    array: c == b'[',
                    index: 0,
                    key: None,
                    want_key: c == b'{',
                });
                i += 1;
            }
            b'"' => {
                let end = string_end(i);
                let path = child_path(&stack, &nodes);
                nodes.push(JsonNode {
                    path,
                    start: i,
                    end,
                });
                i = end;
                after_value(&mut stack);
            }
            b':' => break,
            _ => {
                // a number, `true`, `false`, `null`, or garbage
                let start = i;
                while i < b.len()
                    && !matches!(
                        b[i],
                        b',' | b']'
                            | b'}'
                            | b' '
                            | b'\t'
                            | b'\r'
                            | b'\n'
                            | b'"'
                            | b':'
                            | b'{'
                            | b'['
                    )
                {
                    i += 1;
                }
                let path = child_path(&stack, &nodes);
                nodes.push(JsonNode {
                    path,
                    start,
                    end: i,
                });
                after_value(&mut stack);
                if stack.is_empty() {
                    break;
                }
            }
        }
    }

    fn after_value(stack: &mut [Open]) {
        if let Some(top) = stack.last_mut() {
            if top.array {
                top.index += 1;
            }
        }
    }
    nodes
}

/// `claims[2].kind` → (`claims[2]`, `.kind`); `[0]` → (`[0]`, ``).
fn split_entry_path(path: &str) -> Option<(&str, &str)> {
    let rest = path.strip_prefix("claims").unwrap_or(path);
    if !rest.starts_with('[') {
        return None;
    }
    let close = rest.find(']')?;
    let at = path.len() - rest.len() + close + 1;
    Some((&path[..at], &path[at..]))
}

/// `claims[2]` → `/claims/2` (a JSON pointer).
fn entry_pointer(entry: &str) -> Option<String> {
    let (name, index) = entry.split_once('[')?;
    let index = index.strip_suffix(']')?;
    Some(if name.is_empty() {
        format!("/{index}")
    } else {
        format!("/{name}/{index}")
    })
}

/// A serde_json error turned into a message naming the file, the line and
/// column (chars) and, for a wrong shape, the field.
fn shape_error(file: &FileText<'_>, e: serde_json::Error) -> CatalogError {
    let strip = |e: &serde_json::Error| {
        let m = e.to_string();
        m.rsplit_once(" at line ")
            .map_or(m.clone(), |(m, _)| m.to_string())
    };
    let at = |e: &serde_json::Error| file.serde_offset(e.line(), e.column()).unwrap_or(file.bom);
    if e.is_syntax() || e.is_eof() {
        let (line, column) = file.line_col(at(&e));
        return CatalogError {
            path: file.path.to_string(),
            line,
            column,
            message: format!("not valid JSON: {}", strip(&e)),
        };
    }
    // The untagged file shape hides the inner error: parse again as the
    // shape the file has (an array of entries, or an object) for a precise one.
    let json = file.json();
    let inner = if json.trim_start().starts_with('[') {
        serde_json::from_str::<Vec<Entry>>(json).err()
    } else if json.trim_start().starts_with('{') {
        serde_json::from_str::<CatalogFile>(json).err()
    } else {
        None
    };
    let Some(inner) = inner else {
        let (line, column) = file.line_col(at(&e));
        return CatalogError {
            path: file.path.to_string(),
            line,
            column,
            message: "wrong shape: expected an array of claims or {\"claims\": [...]} \
                      (see README \"Claim catalogue\")"
                .to_string(),
        };
    };
    let mut message = strip(&inner);
    if message.contains("untagged enum Tolerance") {
        message = "expected a number (an absolute tolerance) or {\"relative\": fraction}".into();
    }
    let offset = at(&inner) - file.bom;
    let nodes = file.nodes();
    // serde points at the last byte it read: the end of a bad scalar or
    // key, the `}` of a map missing a field, or, for a map or array that
    // should be something else, the byte just before it.
    let peeked =
        message.starts_with("invalid type: map") || message.starts_with("invalid type: sequence");
    // The tolerance (an untagged enum) is read whole before it is judged,
    // and serde points somewhere after it: name it through its entry.
    let tolerance = inner.to_string().contains("untagged enum Tolerance");
    let node = if tolerance {
        nodes
            .iter()
            .filter(|n| n.start <= offset && offset < n.end)
            .filter_map(|n| split_entry_path(&n.path))
            .map(|(entry, _)| format!("{entry}.tolerance"))
            .next_back()
            .and_then(|field| nodes.iter().rfind(|n| n.path == field))
    } else if peeked {
        let after = if inner.column() == 0 {
            offset
        } else {
            offset + 1
        };
        nodes.iter().find(|n| n.start >= after)
    } else {
        nodes
            .iter()
            .filter(|n| n.start <= offset && offset < n.end)
            .max_by_key(|n| n.start)
    };
    let (mut field, start) = match node {
        Some(n) => (n.path.clone(), n.start),
        None => (String::new(), offset),
    };
    if let Some(missing) = message
        .strip_prefix("missing field `")
        .and_then(|m| m.strip_suffix('`'))
    {
        field = if field.is_empty() {
            missing.to_string()
        } else {
            format!("{field}.{missing}")
        };
    }
    let (line, column) = file.line_col(file.bom + start);
    let of = file
        .entry_id(&field)
        .map(|id| format!(" of `{id}`"))
        .unwrap_or_default();
    let message = if field.is_empty() {
        format!(
            "wrong shape: {message} (expected an array of claims or {{\"claims\": [...]}}; \
             see README \"Claim catalogue\")"
        )
    } else {
        format!("field `{field}`{of}: {message} (see README \"Claim catalogue\")")
    };
    CatalogError {
        path: file.path.to_string(),
        line,
        column,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(json: &str) -> Result<Catalog, Vec<CatalogError>> {
        Catalog::from_sources(&[(PathBuf::from("claims/test.json"), json.to_string())])
    }

    #[test]
    fn loads_array_and_object_forms() {
        let one = r#"[{"id":"a.b","subject":{"name":"Alpha"},"kind":"count"}]"#;
        assert_eq!(load(one).unwrap().entries.len(), 1);
        let obj = r#"{"schema":1,"claims":[{"id":"a.b","subject":{"name":"Alpha","aliases":["the Alpha"]},"property":{"units":["member cities"],"flow":false},"kind":"count","varies":"increasing","tolerance":0}]}"#;
        let c = load(obj).unwrap();
        let e = &c.entries[0];
        assert_eq!(e.entry.varies, Varies::Increasing);
        assert_eq!(e.units, vec!["member city".to_string()]);
    }

    #[test]
    fn not_json_names_file_line_and_column() {
        let err = load("[\n  {\"id\": \"x\",,}\n]").unwrap_err();
        assert_eq!(err[0].path, "claims/test.json");
        assert_eq!(err[0].line, 2);
        assert!(
            err[0].message.starts_with("not valid JSON"),
            "{}",
            err[0].message
        );
    }

    #[test]
    fn wrong_shape_names_the_field() {
        let err = load(
            r#"{"claims":[{"id":"x","subject":{"name":"A"},"kind":"count","varies":"sideways"}]}"#,
        )
        .unwrap_err();
        assert!(err[0].message.contains("sideways"), "{}", err[0].message);
        let err = load(r#"{"claims":[{"id":"x","kind":"count"}]}"#).unwrap_err();
        assert!(err[0].message.contains("subject"), "{}", err[0].message);
    }

    #[test]
    fn duplicate_ids_point_at_the_second() {
        let json = "[\n{\"id\":\"x\",\"subject\":{\"name\":\"A\"},\"kind\":\"count\"},\n{\"id\":\"x\",\"subject\":{\"name\":\"B\"},\"kind\":\"count\"}\n]";
        let err = load(json).unwrap_err();
        assert_eq!((err[0].line, err[0].column), (3, 7));
        assert!(err[0].message.contains("duplicate claim id `x`"));
    }

    #[test]
    fn invalid_regex_is_reported_with_its_field() {
        let json = r#"[{"id":"x","subject":{"name":"A"},"kind":"count","property":{"patterns":["(unclosed"]}}]"#;
        let err = load(json).unwrap_err();
        assert!(
            err[0].message.contains("property.patterns[0]"),
            "{}",
            err[0].message
        );
    }

    #[test]
    fn oversized_regex_is_rejected_not_compiled() {
        let big = r#"[{"id":"x","subject":{"name":"A"},"kind":"count","property":{"patterns":["(\\w{1000}){1000}"]}}]"#;
        assert!(load(big).is_err());
    }

    #[test]
    fn wrong_shape_in_the_array_form_names_the_field_at_its_char_column() {
        // columns count chars: `Hà Nội Türkiye` before the bad value
        let json = "[\n {\"id\": \"x\", \"subject\": {\"name\": \"Hà Nội Türkiye\"}, \"kind\": \"sideways\"}\n]";
        let err = load(json).unwrap_err();
        assert_eq!((err[0].line, err[0].column), (2, 61), "{}", err[0]);
        assert!(
            err[0]
                .message
                .starts_with("field `[0].kind` of `x`: unknown variant `sideways`"),
            "{}",
            err[0].message
        );
    }

    #[test]
    fn wrong_shape_errors_name_the_field_path() {
        let cases = [
            (r#"{"claims": {"id": 5}}"#, "field `claims`: invalid type: map", (1, 12)),
            (
                "{\"claims\": [\r\n {\"id\": \"x\", \"subject\": {\"name\": \"A\"}, \"kind\": \"count\", \"colour\": 1}]}",
                "field `claims[0].colour` of `x`: unknown field `colour`",
                (2, 57),
            ),
            (
                r#"{"claims": [{"id": "x", "subject": {"name": "A"}}]}"#,
                "field `claims[0].kind` of `x`: missing field `kind`",
                (1, 13),
            ),
            (
                r#"[{"id": "x", "subject": {"name": "A", "aliases": "GNLC"}, "kind": "count"}]"#,
                "field `[0].subject.aliases` of `x`: invalid type: string \"GNLC\", expected a sequence",
                (1, 50),
            ),
            (
                r#"[{"id": "x", "subject": {"name": "A"}, "kind": "count", "tolerance": "lots"}]"#,
                "field `[0].tolerance` of `x`: expected a number (an absolute tolerance) or {\"relative\": fraction}",
                (1, 70),
            ),
            ("5", "wrong shape: expected an array of claims", (1, 1)),
        ];
        for (json, message, at) in cases {
            let err = load(json).unwrap_err();
            assert!(err[0].message.starts_with(message), "{json}\n{}", err[0]);
            assert_eq!((err[0].line, err[0].column), at, "{json}\n{}", err[0]);
        }
    }

    #[test]
    fn a_byte_order_mark_is_not_an_error_and_keeps_columns() {
        let ok = "\u{feff}[{\"id\":\"a\",\"subject\":{\"name\":\"A\"},\"kind\":\"count\"}]";
        assert_eq!(load(ok).unwrap().entries.len(), 1);
        let bad = "\u{feff}[{\"id\":5}]";
        let err = load(bad).unwrap_err();
        assert_eq!((err[0].line, err[0].column), (1, 8), "{}", err[0]);
        let syntax = "\u{feff}[,]";
        let err = load(syntax).unwrap_err();
        assert_eq!((err[0].line, err[0].column), (1, 2), "{}", err[0]);
    }

    #[test]
    fn newer_schema_and_duplicates_point_at_their_values() {
        let err = load("{\n  \"schema\": 7,\n  \"claims\": []\n}").unwrap_err();
        assert_eq!((err[0].line, err[0].column), (2, 13));
        assert!(err[0]
            .message
            .starts_with("field `schema`: schema 7 is newer"));

        let a = r#"[{"id":"x","subject":{"name":"A"},"kind":"count"}]"#.to_string();
        let b = "{\"claims\": [\n{\"id\":\"y\",\"subject\":{\"name\":\"B\"},\"kind\":\"count\"},\n{\"id\":\"x\",\"subject\":{\"name\":\"B\"},\"kind\":\"count\"}]}".to_string();
        let err = Catalog::from_sources(&[
            (PathBuf::from("claims/a.json"), a),
            (PathBuf::from("claims/b.json"), b),
        ])
        .unwrap_err();
        assert_eq!(err.len(), 1, "{err:?}");
        assert_eq!(
            err[0].to_string(),
            "claims/b.json:3:7: field `claims[1].id`: duplicate claim id `x` \
             (first declared at claims/a.json:1:8); ids must be unique across catalogue files"
        );
    }

    #[test]
    fn the_same_bad_pattern_twice_points_at_each_entry() {
        let json = "[\n{\"id\":\"a\",\"subject\":{\"name\":\"A\"},\"kind\":\"count\",\"property\":{\"patterns\":[\"ok\",\"(x\"]}},\n{\"id\":\"b\",\"subject\":{\"name\":\"A\"},\"kind\":\"count\",\"property\":{\"patterns\":[\"(x\"]}}\n]";
        let err = load(json).unwrap_err();
        assert_eq!(err.len(), 2, "{err:?}");
        assert_eq!((err[0].line, err[0].column), (2, 78));
        assert_eq!(
            err[0].message,
            "field `[0].property.patterns[1]` of `a`: invalid regular expression: \
             unclosed group (at character 1 of the pattern)"
        );
        assert_eq!((err[1].line, err[1].column), (3, 73));
        assert!(err[1]
            .message
            .starts_with("field `[1].property.patterns[0]` of `b`"));
    }

    #[test]
    fn huge_repetition_is_rejected_with_file_and_field_and_normal_patterns_work() {
        let big = r#"[{"id":"x","subject":{"name":"A"},"kind":"count","property":{"patterns":["(a{1000}){1000}"]}}]"#;
        let err = load(big).unwrap_err();
        assert_eq!(err[0].path, "claims/test.json");
        assert!(
            err[0].message.starts_with(
                "field `[0].property.patterns[0]` of `x`: regular expression too large"
            ),
            "{}",
            err[0]
        );
        let ok = r#"[{"id":"x","subject":{"name":"A"},"kind":"count","property":{"patterns":["member (cities|towns)"]}}]"#;
        let c = load(ok).unwrap();
        assert!(c.entries[0].patterns[0].is_match("425 Member Cities"));
    }

    #[test]
    fn file_wide_errors_show_no_zero_position() {
        let e = CatalogError::file(
            "claims",
            "cannot read catalogue directory: permission denied",
        );
        assert_eq!(
            e.to_string(),
            "claims: cannot read catalogue directory: permission denied"
        );
    }

    #[test]
    fn json_scan_survives_deep_nesting_and_garbage() {
        let deep = "[".repeat(200_000);
        assert_eq!(json_nodes(&deep).len(), MAX_JSON_DEPTH);
        assert!(load(&deep).is_err());
        for junk in [
            "", "{", "}", "]", "[,", "{\"a\"", "{\"a\":", "\"", "{\"\\", "[1,]", "\u{feff}",
        ] {
            let _ = json_nodes(junk);
            let err = load(junk).unwrap_err();
            assert!(
                err[0].line >= 1 && err[0].column >= 1,
                "{junk:?}: {}",
                err[0]
            );
        }
    }

    #[test]
    fn tolerance_forms() {
        assert_eq!(Tolerance::Absolute(2.0).around(100.0), 2.0);
        assert_eq!(Tolerance::Relative { relative: 0.01 }.around(500.0), 5.0);
        assert_eq!(Tolerance::None.around(5.0), 0.0);
    }
}
