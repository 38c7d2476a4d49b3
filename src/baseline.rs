//! Accepted findings: a baseline file and inline suppressions.
//!
//! In CI, findings that editors reviewed and accepted must stay quiet while
//! new ones fail the run. The baseline (`claims/accepted.json`) lists
//! accepted findings by fingerprint — never by line number, so moving a
//! paragraph does not resurrect them — each with a `reason` for a person to
//! fill. One-off exceptions live in the article itself as
//! `<!-- claimcheck: ignore <claim key> -- reason -->`. Both are audited:
//! an entry or comment that no longer suppresses anything is reported, so
//! they do not rot.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::reconcile::{Finding, FindingKind, Fingerprint, Severity};
use crate::report::Report;

/// Version of the baseline file format.
pub const SCHEMA: u32 = 1;

/// One accepted finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Accepted {
    pub fingerprint: String,
    pub kind: String,
    pub key: String,
    /// The finding's message when it was accepted, for people reading the file.
    pub message: String,
    /// Why it is accepted; for a person to fill.
    #[serde(default)]
    pub reason: String,
}

/// The baseline file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub schema: u32,
    pub accepted: Vec<Accepted>,
}

/// What is wrong with a baseline file. Shown as `path:line:col: message`
/// (no position for a problem with the whole file); [`to_problem`] gives the
/// file diagnostic `path:line:col: error: message` the CLI prints.
///
/// [`to_problem`]: BaselineError::to_problem
#[derive(Debug)]
pub enum BaselineError {
    /// The file named does not exist.
    NotFound {
        path: String,
    },
    Read {
        path: String,
        source: std::io::Error,
    },
    /// Not JSON, or not of a baseline's shape; `line` and `column` are
    /// 1-based, the column counted in chars.
    Parse {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    Newer {
        path: String,
        found: u32,
    },
    Write {
        path: String,
        source: std::io::Error,
    },
}

impl BaselineError {
    /// The file the error is about.
    pub fn path(&self) -> &str {
        match self {
            BaselineError::NotFound { path }
            | BaselineError::Read { path, .. }
            | BaselineError::Parse { path, .. }
            | BaselineError::Newer { path, .. }
            | BaselineError::Write { path, .. } => path,
        }
    }

    /// What is wrong, without the file and position.
    pub fn message(&self) -> String {
        use crate::corpus::plain_io_error;
        match self {
            BaselineError::NotFound { .. } => "baseline file not found".to_string(),
            BaselineError::Read { source, .. } => {
                format!("cannot read baseline: {}", plain_io_error(source))
            }
            BaselineError::Parse { message, .. } => {
                format!("not a claimcheck baseline: {message}")
            }
            BaselineError::Newer { found, .. } => format!(
                "baseline schema {found} is newer than this claimcheck understands \
                 ({SCHEMA}); upgrade claimcheck or rewrite it with --write-baseline"
            ),
            BaselineError::Write { source, .. } => {
                format!("cannot write baseline: {}", plain_io_error(source))
            }
        }
    }

    /// The error as a file diagnostic: `path:line:col: error: message`.
    pub fn to_problem(&self) -> crate::corpus::Problem {
        let problem = crate::corpus::Problem::error(self.path(), self.message());
        match self {
            BaselineError::Parse { line, column, .. } => problem.at(*line, *column),
            _ => problem,
        }
    }
}

impl std::fmt::Display for BaselineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.path())?;
        if let BaselineError::Parse { line, column, .. } = self {
            write!(f, ":{line}:{column}")?;
        }
        write!(f, ": {}", self.message())
    }
}

impl std::error::Error for BaselineError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            BaselineError::Read { source, .. } | BaselineError::Write { source, .. } => {
                Some(source)
            }
            _ => None,
        }
    }
}

impl Baseline {
    /// Reads a baseline file.
    pub fn load(path: &Path) -> Result<Baseline, BaselineError> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| {
            if source.kind() == std::io::ErrorKind::NotFound {
                BaselineError::NotFound {
                    path: shown.clone(),
                }
            } else {
                BaselineError::Read {
                    path: shown.clone(),
                    source,
                }
            }
        })?;
        Baseline::parse(&shown, &text)
    }

    pub fn parse(path: &str, text: &str) -> Result<Baseline, BaselineError> {
        // a byte-order mark (some Windows editors write one) is not content;
        // positions are counted after it, as editors show them
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        // read the schema first, so a newer file gets the right message
        #[derive(Deserialize)]
        struct Head {
            schema: Option<u32>,
        }
        if let Ok(Head {
            schema: Some(found),
        }) = serde_json::from_str::<Head>(text)
        {
            if found > SCHEMA {
                return Err(BaselineError::Newer {
                    path: path.into(),
                    found,
                });
            }
        }
        serde_json::from_str(text).map_err(|e| {
            let m = e.to_string();
            let m = m
                .rsplit_once(" at line ")
                .map_or(m.as_str(), |(m, _)| m)
                .to_string();
            // serde_json counts columns in bytes, from 0 on an empty line:
            // people and editors count chars, from 1
            let at =
                crate::text::json_error_offset(text, e.line(), e.column()).unwrap_or(text.len());
            let (line, column) = crate::text::LineIndex::new(text).line_col(text, at);
            BaselineError::Parse {
                path: path.into(),
                line,
                column,
                message: m,
            }
        })
    }

    /// A baseline accepting every finding that could fail a run (warning
    /// or error), sorted by fingerprint. Reasons already written in
    /// `previous` are kept.
    /// `claims` is the claim list the findings index.
    pub fn from_findings(
        findings: &[Finding],
        claims: &[crate::interpret::Claim],
        previous: Option<&Baseline>,
    ) -> Baseline {
        // the reasons already written, by fingerprint: looked up per finding,
        // a search of the old list was quadratic (4 s for 52,000 entries)
        let reasons: HashMap<&str, &str> = previous
            .map(|p| {
                p.accepted
                    .iter()
                    .rev() // the first of a fingerprint written twice wins, as before
                    .map(|a| (a.fingerprint.as_str(), a.reason.as_str()))
                    .collect()
            })
            .unwrap_or_default();
        let mut accepted: Vec<Accepted> = findings
            .iter()
            .filter(|f| f.severity >= Severity::Warning && f.kind != FindingKind::UnusedSuppression)
            .map(|f| {
                let fingerprint = f.fingerprint.to_string();
                Accepted {
                    kind: f.kind.as_str().to_string(),
                    key: f.key.id.clone(),
                    message: f.message_text(claims).to_string(),
                    reason: reasons
                        .get(fingerprint.as_str())
                        .map(|r| r.to_string())
                        .unwrap_or_default(),
                    fingerprint,
                }
            })
            .collect();
        accepted.sort_by(|a, b| a.fingerprint.cmp(&b.fingerprint));
        accepted.dedup_by(|a, b| a.fingerprint == b.fingerprint);
        Baseline {
            schema: SCHEMA,
            accepted,
        }
    }

    /// Writes the baseline as pretty JSON with a trailing newline.
    pub fn write(&self, path: &Path) -> Result<(), BaselineError> {
        let shown = path.display().to_string();
        let mut text = serde_json::to_string_pretty(self).expect("baseline serialises");
        text.push('\n');
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| BaselineError::Write {
                path: shown.clone(),
                source,
            })?;
        }
        std::fs::write(path, text).map_err(|source| BaselineError::Write {
            path: shown,
            source,
        })
    }
}

/// An inline suppression comment in an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suppression {
    pub doc: String,
    pub line: usize,
    pub column: usize,
    /// The claim key it silences.
    pub key: String,
    pub reason: String,
}

/// Finds `<!-- claimcheck: ignore KEY -- reason -->` comments. A comment
/// that names no key is an error: ignoring everything in an article would
/// let any contradiction through.
pub fn suppressions(
    doc: &crate::corpus::Document,
) -> (Vec<Suppression>, Vec<crate::corpus::Problem>) {
    let mut found = Vec::new();
    let mut problems = Vec::new();
    let text = &doc.text;
    let mut from = 0;
    // memmem: this runs over every byte of every article, and std's
    // substring search was 1% of a run
    while let Some(p) = memchr::memmem::find(&text.as_bytes()[from..], b"<!--") {
        let start = from + p;
        let Some(close) = memchr::memmem::find(&text.as_bytes()[start..], b"-->") else {
            break;
        };
        let end = start + close + 3;
        from = end;
        let inner = text[start + 4..end - 3].trim();
        let Some(rest) = inner.strip_prefix("claimcheck:") else {
            continue;
        };
        let rest = rest.trim();
        let (line, column) = doc.line_col(start);
        let Some(args) = rest.strip_prefix("ignore") else {
            problems.push(crate::corpus::Problem::error(doc.path.clone(), format!("unknown claimcheck directive `{}`; the only one is `ignore <claim key> -- <reason>`", rest.split_whitespace().next().unwrap_or(""))).at(line, column));
            continue;
        };
        let (key_part, reason) = match args.split_once("--") {
            Some((k, r)) => (k.trim(), r.trim()),
            None => (args.trim(), ""),
        };
        if key_part.is_empty() || key_part == "*" || key_part == "all" {
            problems.push(
                crate::corpus::Problem::error(doc.path.clone(), "`claimcheck: ignore` must name the claim key it silences (e.g. `<!-- claimcheck: ignore gnlc.members.total -- reason -->`); ignoring everything is not allowed")
                    .at(line, column),
            );
            continue;
        }
        // one key, or several separated by commas: automatic keys contain spaces
        for key in key_part.split(',').map(str::trim).filter(|k| !k.is_empty()) {
            found.push(Suppression {
                doc: doc.path.clone(),
                line,
                column,
                key: key.to_string(),
                reason: reason.to_string(),
            });
        }
    }
    (found, problems)
}

/// Removes accepted findings from a report and reports what suppressed
/// nothing. Returns how many findings were suppressed.
pub fn apply(
    report: &mut Report,
    baseline: Option<&Baseline>,
    inline: &[Suppression],
    strict: bool,
) -> usize {
    let accepted: HashSet<Fingerprint> = baseline
        .map(|b| {
            b.accepted
                .iter()
                .map(|a| Fingerprint::from(a.fingerprint.as_str()))
                .collect()
        })
        .unwrap_or_default();
    let mut used_fp: HashSet<Fingerprint> = HashSet::new();
    let mut used_inline = vec![false; inline.len()];
    let mut inline_by_doc: HashMap<&str, Vec<usize>> = HashMap::new();
    for (k, s) in inline.iter().enumerate() {
        inline_by_doc.entry(s.doc.as_str()).or_default().push(k);
    }
    let claims = &report.claims;
    let before = report.findings.len();
    report.findings.retain(|f| {
        if accepted.contains(&f.fingerprint) {
            used_fp.insert(f.fingerprint.clone());
            return false;
        }
        if inline_by_doc.is_empty() {
            return true;
        }
        // the comments of the finding's documents, not every comment; each
        // document once, however many of the finding's claims it holds
        let mut docs: Vec<&str> = f.claims.iter().map(|&i| &*claims[i].doc).collect();
        docs.sort_unstable();
        docs.dedup();
        let mut silenced = false;
        for doc in docs {
            for &k in inline_by_doc.get(doc).into_iter().flatten() {
                let s = &inline[k];
                if f.key.id == s.key || f.claims.iter().any(|&j| claims[j].key.id == s.key) {
                    used_inline[k] = true;
                    silenced = true;
                }
            }
        }
        !silenced
    });
    let suppressed = before - report.findings.len();
    let severity = if strict {
        Severity::Error
    } else {
        Severity::Warning
    };
    let mk = |key: String, message: String, fingerprint: Fingerprint| Finding {
        kind: FindingKind::UnusedSuppression,
        severity,
        grade: None,
        // a key of that id, nothing more known of it
        key: std::sync::Arc::new(crate::interpret::Key {
            id: key,
            subject: String::new(),
            property: String::new(),
            source: crate::interpret::KeySource::Catalog,
            confidence: crate::interpret::Confidence::High,
        }),
        message: message.into(),
        comparisons: Default::default(),
        claims: Vec::new(),
        consensus: None,
        data: Default::default(),
        fingerprint,
    };
    if let Some(b) = baseline {
        for a in &b.accepted {
            let fingerprint = Fingerprint::from(a.fingerprint.as_str());
            if !used_fp.contains(&fingerprint) {
                report.findings.push(mk(
                    a.key.clone(),
                    format!("baseline entry {} ({} for {}) no longer matches any finding: the finding was fixed or its values changed; remove the entry or rewrite the baseline with --write-baseline", a.fingerprint, a.kind, a.key),
                    fingerprint,
                ));
            }
        }
    }
    for (k, s) in inline.iter().enumerate() {
        if !used_inline[k] {
            report.findings.push(mk(
                s.key.clone(),
                format!("{}:{}:{}: `claimcheck: ignore {}` suppresses nothing: no finding about that key involves this article", s.doc, s.line, s.column, s.key),
                Fingerprint::from(format!("inline:{}:{}", s.doc, s.key).as_str()),
            ));
        }
    }
    suppressed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{document_from_text, LoadOptions};

    #[test]
    fn inline_comment_must_name_a_key() {
        let text = "---\npublished: 2025-01-01\n---\nA line.\n<!-- claimcheck: ignore -- everything -->\n<!-- claimcheck: ignore gnlc.members.total -- reviewed -->\n".to_string();
        let (doc, _) = document_from_text("a.md", text, &LoadOptions::default()).unwrap();
        let (found, problems) = suppressions(&doc);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].key, "gnlc.members.total");
        assert_eq!(found[0].reason, "reviewed");
        assert_eq!((found[0].line, found[0].column), (6, 1));
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(5));
        assert!(problems[0].message.contains("must name the claim key"));
    }

    #[test]
    fn newer_schema_and_corrupt_files_are_named() {
        let e = Baseline::parse("claims/accepted.json", r#"{"schema": 9, "accepted": []}"#)
            .unwrap_err();
        assert!(e.to_string().contains("schema 9 is newer"), "{e}");
        let e = Baseline::parse(
            "claims/accepted.json",
            "{\n \"schema\": 1,\n \"accepted\": [ {\"fingerprint\": 3} ]\n}",
        )
        .unwrap_err();
        assert!(e.to_string().starts_with("claims/accepted.json:3:"), "{e}");
    }

    #[test]
    fn positions_are_one_based_char_columns() {
        let place = |text: &str| match Baseline::parse("b.json", text).unwrap_err() {
            BaselineError::Parse { line, column, .. } => (line, column),
            other => panic!("not a parse error: {other}"),
        };
        // an empty file: serde_json says column 0
        assert_eq!(place(""), (1, 1));
        assert_eq!(place("\n\n"), (3, 1));
        let e = Baseline::parse("b.json", "").unwrap_err();
        assert_eq!(
            e.to_problem().to_string(),
            "b.json:1:1: error: not a claimcheck baseline: EOF while parsing a value"
        );
        // a reason in Vietnamese before the problem: columns count chars
        let text = "{\"schema\": 1, \"accepted\": [{\"reason\": \"Hà Nội\", x}]}";
        assert_eq!(place(text), (1, 49));
        // a byte-order mark is read past, and not counted as a column
        assert_eq!(place(&format!("\u{feff}{text}")), (1, 49));
        let b = Baseline::parse("b.json", "\u{feff}{\"schema\": 1, \"accepted\": []}").unwrap();
        assert!(b.accepted.is_empty());
    }

    #[test]
    fn a_missing_file_is_named_in_plain_words() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gone.json");
        let e = Baseline::load(&path).unwrap_err();
        let shown = path.display();
        assert_eq!(e.to_string(), format!("{shown}: baseline file not found"));
        assert_eq!(
            e.to_problem().to_string(),
            format!("{shown}: error: baseline file not found")
        );
        // a directory is not a baseline: the OS words, without `(os error 21)`
        let e = Baseline::load(dir.path()).unwrap_err();
        assert_eq!(
            e.to_problem().to_string(),
            format!(
                "{}: error: cannot read baseline: is a directory",
                dir.path().display()
            )
        );
    }

    #[test]
    fn round_trips_and_keeps_reasons() {
        let b = Baseline {
            schema: SCHEMA,
            accepted: vec![Accepted {
                fingerprint: "ab".into(),
                kind: "conflict".into(),
                key: "k".into(),
                message: "m".into(),
                reason: "known typo in the source".into(),
            }],
        };
        let text = serde_json::to_string(&b).unwrap();
        assert_eq!(Baseline::parse("x", &text).unwrap(), b);
    }
}
