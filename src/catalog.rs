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
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}:{line}:{column}: {message}")]
pub struct CatalogError {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
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
                return Err(vec![CatalogError {
                    path: dir.display().to_string(),
                    line: 0,
                    column: 0,
                    message: format!("cannot read catalogue directory: {e}"),
                }])
            }
        };
        files.sort();
        let mut sources = Vec::new();
        let mut errors = Vec::new();
        for f in files {
            match std::fs::read_to_string(&f) {
                Ok(text) => sources.push((f, text)),
                Err(e) => errors.push(CatalogError {
                    path: f.display().to_string(),
                    line: 0,
                    column: 0,
                    message: format!("cannot read: {e}"),
                }),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Catalog::from_sources(&sources)
    }

    /// Builds a catalogue from (path, JSON text) pairs.
    pub fn from_sources(sources: &[(PathBuf, String)]) -> Result<Catalog, Vec<CatalogError>> {
        let mut errors = Vec::new();
        let mut by_id: BTreeMap<String, Compiled> = BTreeMap::new();
        let mut hasher = crate::hash::Fnv::new();
        for (path, text) in sources {
            hasher.write(path.to_string_lossy().as_bytes());
            hasher.write(text.as_bytes());
            let shown = path.display().to_string();
            let entries = match serde_json::from_str::<FileShape>(text) {
                Ok(FileShape::List(v)) => v,
                Ok(FileShape::Object(f)) => {
                    if let Some(s) = f.schema.filter(|s| *s > SCHEMA) {
                        errors.push(CatalogError {
                            path: shown.clone(),
                            line: 1,
                            column: 1,
                            message: format!("schema {s} is newer than this claimcheck understands ({SCHEMA}); upgrade claimcheck"),
                        });
                        continue;
                    }
                    f.claims
                }
                Err(e) => {
                    errors.push(shape_error(&shown, text, e));
                    continue;
                }
            };
            for entry in entries {
                let (line, column) = locate_id(text, &entry.id);
                if entry.id.trim().is_empty() {
                    errors.push(CatalogError {
                        path: shown.clone(),
                        line,
                        column,
                        message: "field `id`: must not be empty".into(),
                    });
                    continue;
                }
                if let Some(prev) = by_id.get(&entry.id) {
                    errors.push(CatalogError {
                        path: shown.clone(),
                        line,
                        column,
                        message: format!(
                            "field `id`: duplicate claim id `{}` (first declared in {})",
                            entry.id,
                            prev.file.display()
                        ),
                    });
                    continue;
                }
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
                            let (line, column) = locate_str(text, p).unwrap_or((line, column));
                            errors.push(CatalogError {
                                path: shown.clone(),
                                line,
                                column,
                                message: format!("field `property.patterns[{k}]` of `{}`: invalid regular expression: {}", entry.id, one_line(&e.to_string())),
                            });
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
        let c = crate::interpret::fold_char(c);
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
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

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn shape_error(path: &str, text: &str, e: serde_json::Error) -> CatalogError {
    let (line, column) = (e.line(), e.column());
    let msg = e.to_string();
    // serde_json appends " at line L column C"; we print them in front
    let msg = msg
        .rsplit_once(" at line ")
        .map_or(msg.as_str(), |(m, _)| m)
        .to_string();
    let message = if e.is_syntax() || e.is_eof() {
        format!("not valid JSON: {msg}")
    } else if msg.starts_with("data did not match any variant") {
        // the untagged file shape hides the inner error: retry as the object form for a precise one
        match serde_json::from_str::<CatalogFile>(text)
            .err()
            .or_else(|| serde_json::from_str::<Vec<Entry>>(text).err())
        {
            Some(inner) => {
                let m = inner.to_string();
                let m = m
                    .rsplit_once(" at line ")
                    .map_or(m.as_str(), |(m, _)| m)
                    .to_string();
                return CatalogError {
                    path: path.into(),
                    line: inner.line(),
                    column: inner.column(),
                    message: format!("wrong shape: {m} (expected an array of claims or {{\"claims\": [...]}}; see README \"Claim catalogue\")"),
                };
            }
            None => "wrong shape: expected an array of claims or {\"claims\": [...]}".to_string(),
        }
    } else {
        format!("wrong shape: {msg}")
    };
    CatalogError {
        path: path.into(),
        line,
        column,
        message,
    }
}

fn locate_str(text: &str, needle: &str) -> Option<(usize, usize)> {
    let quoted = serde_json::to_string(needle).ok()?;
    let at = text.find(&quoted)?;
    Some(line_col(text, at))
}

/// Where `"id": "<id>"` is declared (the last declaration, which is the
/// duplicate when there are two).
fn locate_id(text: &str, id: &str) -> (usize, usize) {
    let quoted = serde_json::to_string(id).unwrap_or_default();
    let mut found = None;
    for (i, _) in text.match_indices(&quoted) {
        let before = text[..i].trim_end();
        if before.ends_with(':') && before[..before.len() - 1].trim_end().ends_with("\"id\"") {
            found = Some(i);
        }
    }
    found.map_or((1, 1), |i| line_col(text, i))
}

fn line_col(text: &str, at: usize) -> (usize, usize) {
    let idx = crate::text::LineIndex::new(text);
    idx.line_col(text, at)
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
    fn tolerance_forms() {
        assert_eq!(Tolerance::Absolute(2.0).around(100.0), 2.0);
        assert_eq!(Tolerance::Relative { relative: 0.01 }.around(500.0), 5.0);
        assert_eq!(Tolerance::None.around(5.0), 0.0);
    }
}
