//! `check --format sarif`: a SARIF 2.1.0 log for code-scanning tools.
//!
//! One run. `tool.driver.rules` holds one rule per finding kind that has a
//! result (id = the kind, `conflict`, `count-vs-list`, …), in the fixed
//! order of [`FindingKind::ALL`]. `results` holds:
//!
//! - every `conflict`, `stale`, `changed` and `undetermined` finding, at
//!   any severity (these are verdicts about disagreeing sources);
//! - consistency-check findings (`count-vs-list`, `arithmetic`, …) at
//!   severity warning or above; at info they are checks that passed;
//! - never `agree` or `single`: nothing to act on.
//!
//! Levels: error → `error`, warning → `warning`, info → `note`. Each result
//! has one location per claim (the article's path relative and with forward
//! slashes, the claim's region with 1-based columns counted in Unicode code
//! points, as `run.columnKind` says, `endColumn` just past the claim, and
//! the claim text as the snippet), the finding's fingerprint as
//! `partialFingerprints["claimcheck/v1"]` and the key, subject and property
//! as `properties`. `run.artifacts` lists the documents.

use std::collections::{BTreeSet, HashMap};
use std::io::{self, Write};

use serde_json::{json, Value as Json};

use crate::interpret::Claim;
use crate::reconcile::{Finding, FindingKind, Severity};
use crate::report::Report;

/// `$schema` of the log.
pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Key of the fingerprint in `partialFingerprints`.
pub const FINGERPRINT_KEY: &str = "claimcheck/v1";

/// Whether a finding becomes a SARIF result.
pub fn is_result(f: &Finding) -> bool {
    match f.kind {
        FindingKind::Agree | FindingKind::Single => false,
        FindingKind::Conflict
        | FindingKind::Stale
        | FindingKind::Changed
        | FindingKind::Undetermined => true,
        _ => f.severity >= Severity::Warning,
    }
}

/// SARIF `level` of a severity.
pub fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Rule metadata: name, short description, full description, default level.
fn rule_text(kind: FindingKind) -> (&'static str, &'static str, &'static str, &'static str) {
    match kind {
        FindingKind::Conflict => (
            "SourcesContradict",
            "Sources give incompatible values for the same thing at the same time.",
            "Two or more independent sources state values for the same key, in the same time scope, that no reading of their hedges, ranges or rounding reconciles. Gross conflicts are errors, minor ones warnings.",
            "error",
        ),
        FindingKind::Stale => (
            "StaleValue",
            "An article states as current a value already superseded.",
            "An article repeats an older value as current although another source had already reported a newer one before it was published.",
            "warning",
        ),
        FindingKind::Changed => (
            "ValueChanged",
            "A value changed over time.",
            "Values for a key that varies over time differ across ordered dates. A warning when the key is declared increasing or decreasing and the value moved the other way.",
            "note",
        ),
        FindingKind::Undetermined => (
            "Undetermined",
            "Values differ but cannot be judged.",
            "Values for the same key differ, but the time they hold at or the key itself is too uncertain to call it a conflict or a change.",
            "note",
        ),
        FindingKind::Agree => ("SourcesAgree", "Sources agree.", "Independent sources agree on the value of a key.", "none"),
        FindingKind::Single => ("SingleSource", "Stated by one source.", "A value stated by one source only, with nothing to compare it with.", "none"),
        FindingKind::CountVsList => (
            "CountVsList",
            "A count disagrees with the list that follows it.",
            "A stated count is followed by a list that names more items than counted, or by a complete list that names fewer.",
            "warning",
        ),
        FindingKind::Arithmetic => (
            "Arithmetic",
            "Stated figures do not add up.",
            "Parts add up to more than their stated total, or a declared sum of catalogue keys does not hold.",
            "warning",
        ),
        FindingKind::PercentBase => (
            "PercentBase",
            "Percentages imply different bases for the same population.",
            "A count stated with its percentage implies a base; two such bases for the same population disagree beyond what rounding allows.",
            "warning",
        ),
        FindingKind::Weekday => ("WeekdayMismatch", "A date is not on the weekday stated.", "A date is given with a weekday that the calendar contradicts.", "warning"),
        FindingKind::AgeVsYear => (
            "AgeVsYear",
            "An age implies a year that disagrees with the stated year.",
            "An age (`10-year-old`) at the publication date implies a founding year different from the year another claim states.",
            "warning",
        ),
        FindingKind::RateOutlier => (
            "RateOutlier",
            "An implied conversion rate is far from the others.",
            "A money amount with its conversion implies an exchange rate further from the median of the other rates for the same currency pair and month than the tolerance allows.",
            "warning",
        ),
        FindingKind::UnusedSuppression => (
            "UnusedSuppression",
            "A suppression suppresses nothing.",
            "A baseline entry or inline `claimcheck: ignore` comment no longer matches any finding: the finding was fixed or its values changed. Remove it so suppressions do not rot.",
            "warning",
        ),
    }
}

/// A document path as code-scanning tools expect it: no leading `./`,
/// forward slashes.
pub fn relative_path(path: &str) -> String {
    let mut p = path.replace('\\', "/");
    while let Some(rest) = p.strip_prefix("./") {
        p = rest.trim_start_matches('/').to_string();
    }
    p
}

/// A document path as a URI reference: relative paths stay relative
/// (percent-encoded), absolute ones become `file://` URIs.
pub fn path_uri(path: &str) -> String {
    let p = relative_path(path);
    let encode = |s: &str| {
        let mut out = String::with_capacity(s.len());
        for b in s.bytes() {
            if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
                out.push(b as char);
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
        out
    };
    let bytes = p.as_bytes();
    if p.starts_with('/') {
        format!("file://{}", encode(&p))
    } else if bytes.len() >= 3
        && bytes[0].is_ascii_alphabetic()
        && bytes[1] == b':'
        && bytes[2] == b'/'
    {
        // a Windows drive path
        format!("file:///{}:{}", bytes[0] as char, encode(&p[2..]))
    } else {
        encode(&p)
    }
}

/// The region of a claim: 1-based lines and columns (code points), end
/// column exclusive.
fn region(c: &Claim) -> Json {
    let newlines = c.text.matches('\n').count();
    let end_column = match c.text.rfind('\n') {
        None => c.column as usize + c.text.chars().count(),
        Some(at) => c.text[at + 1..].chars().count() + 1,
    };
    json!({
        "startLine": c.line.max(1),
        "startColumn": c.column.max(1),
        "endLine": c.line.max(1) as usize + newlines,
        "endColumn": end_column.max(1),
        "snippet": { "text": c.text },
    })
}

/// Writes the SARIF log (pretty-printed JSON and a newline).
///
/// The results are streamed one at a time into the pretty-printed skeleton
/// of the log: the bytes are those of `serde_json::to_writer_pretty(log)`,
/// but the log of a large corpus is never held in memory as one value
/// (several GB for 100 MB of articles).
pub fn write<W: Write>(out: &mut W, report: &Report) -> io::Result<()> {
    let (skeleton, kinds, artifact_index) = parts(report);
    let mut head = serde_json::to_string_pretty(&skeleton)?;
    // the skeleton's empty `results` array is where the results go
    const HOLE: &str = "\"results\": []";
    let at = head
        .find(HOLE)
        .expect("the skeleton has an empty results array");
    let tail = head.split_off(at + HOLE.len() - 1);
    out.write_all(head.as_bytes())?;
    // results are elements of an array four levels deep (8 spaces)
    let mut first = true;
    let mut buf = Vec::new();
    for f in report.findings.iter().filter(|f| is_result(f)) {
        let r = result(report, f, &kinds, &artifact_index);
        buf.clear();
        serde_json::to_writer_pretty(&mut buf, &r)?;
        out.write_all(if first { b"\n        " } else { b",\n        " })?;
        first = false;
        // JSON strings hold no raw newlines: every newline is layout
        for (k, line) in buf.split(|&b| b == b'\n').enumerate() {
            if k > 0 {
                out.write_all(b"\n        ")?;
            }
            out.write_all(line)?;
        }
    }
    if !first {
        out.write_all(b"\n      ")?;
    }
    out.write_all(tail.as_bytes())?;
    out.write_all(b"\n")
}

/// The SARIF log as a JSON value.
pub fn log(report: &Report) -> Json {
    let (mut log, kinds, artifact_index) = parts(report);
    let results: Vec<Json> = report
        .findings
        .iter()
        .filter(|f| is_result(f))
        .map(|f| result(report, f, &kinds, &artifact_index))
        .collect();
    log["runs"][0]["results"] = Json::Array(results);
    log
}

/// The log without its results, the rule order and the artifact indices.
fn parts(report: &Report) -> (Json, Vec<FindingKind>, HashMap<&str, usize>) {
    let kinds: BTreeSet<FindingKind> = report
        .findings
        .iter()
        .filter(|f| is_result(f))
        .map(|f| f.kind)
        .collect();
    let kinds: Vec<FindingKind> = FindingKind::ALL
        .iter()
        .copied()
        .filter(|k| kinds.contains(k))
        .collect();
    let rules: Vec<Json> = kinds
        .iter()
        .map(|&k| {
            let (name, short, full, level) = rule_text(k);
            json!({
                "id": k.as_str(),
                "name": name,
                "shortDescription": { "text": short },
                "fullDescription": { "text": full },
                "defaultConfiguration": { "level": level },
            })
        })
        .collect();
    let artifact_index: HashMap<&str, usize> = report
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| (d.path.as_str(), i))
        .collect();
    let artifacts: Vec<Json> = report
        .documents
        .iter()
        .map(|d| json!({ "location": { "uri": path_uri(&d.path) }, "mimeType": "text/plain" }))
        .collect();
    let mut driver = json!({
        "name": "claimcheck",
        "version": env!("CARGO_PKG_VERSION"),
        "semanticVersion": env!("CARGO_PKG_VERSION"),
        "rules": rules,
    });
    let uri = [env!("CARGO_PKG_HOMEPAGE"), env!("CARGO_PKG_REPOSITORY")]
        .into_iter()
        .find(|u| !u.is_empty());
    if let Some(uri) = uri {
        driver["informationUri"] = json!(uri);
    }
    let log = json!({
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": driver },
            "columnKind": "unicodeCodePoints",
            "artifacts": artifacts,
            "results": [],
        }],
    });
    (log, kinds, artifact_index)
}

/// One finding as a SARIF result.
fn result(
    report: &Report,
    f: &Finding,
    kinds: &[FindingKind],
    artifact_index: &HashMap<&str, usize>,
) -> Json {
    let rule_index = kinds.iter().position(|&k| k == f.kind).unwrap_or(0);
    let locations: Vec<Json> = f
        .claims
        .iter()
        .filter_map(|&i| report.claims.get(i))
        .map(|c| {
            let mut artifact = json!({ "uri": path_uri(&c.doc) });
            if let Some(&i) = artifact_index.get(&*c.doc) {
                artifact["index"] = json!(i);
            }
            json!({ "physicalLocation": { "artifactLocation": artifact, "region": region(c) } })
        })
        .collect();
    let mut properties = json!({
        "key": f.key.id,
        "subject": f.key.subject,
        "property": f.key.property,
        "severity": f.severity,
    });
    if let Some(g) = f.grade {
        properties["grade"] = json!(g);
    }
    if !f.comparisons.is_empty() {
        let lines: Vec<String> = f
            .comparisons
            .lines(&report.claims)
            .map(|line| line.to_string())
            .collect();
        properties["comparisons"] = json!(lines);
    }
    json!({
        "ruleId": f.kind.as_str(),
        "ruleIndex": rule_index,
        "level": level(f.severity),
        "message": { "text": f.message_text(&report.claims).to_string() },
        "locations": locations,
        "partialFingerprints": { FINGERPRINT_KEY: f.fingerprint },
        "properties": properties,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::corpus::{document_from_text, Document, LoadOptions};

    fn doc(path: &str, text: &str) -> Document {
        document_from_text(path, text.to_string(), &LoadOptions::default())
            .expect("document")
            .0
    }

    fn garden() -> Json {
        let docs = vec![
            doc("./news/a b.md", "---\npublished: 2025-06-02\n---\nThe Riverside Botanical Garden was founded in 2013.\n"),
            doc("b.md", "---\npublished: 2025-06-04\n---\nVisitors came.\n\nThe Riverside Botanical Garden was founded in 2015.\n"),
        ];
        let report = crate::report::check(
            &docs,
            &Catalog::default(),
            &crate::checks::Options::default(),
        );
        let mut out = Vec::new();
        write(&mut out, &report).unwrap();
        serde_json::from_slice(&out).expect("valid JSON")
    }

    #[test]
    fn conflict_becomes_an_error_result() {
        let v = garden();
        assert_eq!(v["version"], "2.1.0");
        assert_eq!(v["$schema"], SCHEMA_URI);
        let run = &v["runs"][0];
        assert_eq!(run["tool"]["driver"]["name"], "claimcheck");
        assert_eq!(run["tool"]["driver"]["rules"][0]["id"], "conflict");
        assert_eq!(
            run["tool"]["driver"]["rules"][0]["defaultConfiguration"]["level"],
            "error"
        );
        let results = run["results"].as_array().unwrap();
        assert_eq!(results.len(), 1);
        let r = &results[0];
        assert_eq!(r["ruleId"], "conflict");
        assert_eq!(r["ruleIndex"], 0);
        assert_eq!(r["level"], "error");
        assert!(r["message"]["text"]
            .as_str()
            .unwrap()
            .contains("sources contradict"));
        let loc = &r["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uri"], "news/a%20b.md");
        assert_eq!(loc["artifactLocation"]["index"], 0);
        assert_eq!(
            loc["region"],
            json!({"startLine": 4, "startColumn": 47, "endLine": 4, "endColumn": 51, "snippet": {"text": "2013"}})
        );
        assert_eq!(
            r["locations"][1]["physicalLocation"]["region"]["startLine"],
            6
        );
        assert_eq!(
            r["partialFingerprints"][FINGERPRINT_KEY]
                .as_str()
                .unwrap()
                .len(),
            16
        );
        assert_eq!(r["properties"]["subject"], "Riverside Botanical Garden");
        assert_eq!(r["properties"]["grade"], "gross");
    }

    #[test]
    fn uris() {
        assert_eq!(path_uri("./corpus/a.md"), "corpus/a.md");
        assert_eq!(path_uri("corpus\\b c.md"), "corpus/b%20c.md");
        assert_eq!(path_uri("/tmp/x#1.md"), "file:///tmp/x%231.md");
        assert_eq!(path_uri("C:\\news\\é.md"), "file:///C:/news/%C3%A9.md");
    }

    #[test]
    fn no_results_when_sources_agree() {
        let docs = vec![
            doc("a.md", "---\npublished: 2025-06-02\n---\nThe Riverside Botanical Garden was founded in 2013.\n"),
            doc("b.md", "---\npublished: 2025-06-04\n---\nThe Riverside Botanical Garden, founded in 2013, grew.\n"),
        ];
        let report = crate::report::check(
            &docs,
            &Catalog::default(),
            &crate::checks::Options::default(),
        );
        let v = log(&report);
        assert_eq!(v["runs"][0]["results"], json!([]));
        assert_eq!(v["runs"][0]["tool"]["driver"]["rules"], json!([]));
    }
}
