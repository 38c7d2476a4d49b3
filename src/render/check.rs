//! Output of `claimcheck check`: the consistency report, per format.
//!
//! JSON field names and meanings are a contract documented in the README;
//! `SCHEMA` is bumped when they change incompatibly.

use std::io::{self, Write};

use comfy_table::{presets::UTF8_FULL_CONDENSED, Cell, ContentArrangement, Table};
use serde_json::{json, Value as Json};

use super::{escape_for_terminal, write_json_line};
use crate::corpus::{SkipReason, Skipped};
use crate::interpret::Claim;
use crate::reconcile::{Finding, FindingKind, Severity};
use crate::report::{FailOn, Report};

/// Version of the `check` JSON and JSONL records.
pub const SCHEMA: u32 = 1;

/// Options that shape the human report.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    /// ANSI colour on severity labels.
    pub color: bool,
    /// Also show `single` findings and checks that passed.
    pub verbose: bool,
}

/// Whether a finding is shown in the human report.
pub fn shown_by_default(f: &Finding) -> bool {
    match f.kind {
        FindingKind::Single => false,
        FindingKind::Agree | FindingKind::Changed | FindingKind::Undetermined => true,
        _ => f.severity > Severity::Info,
    }
}

fn paint(s: &str, sev: Severity, color: bool) -> String {
    if !color {
        return s.to_string();
    }
    let code = match sev {
        Severity::Error => "1;31",
        Severity::Warning => "1;33",
        Severity::Info => "36",
    };
    format!("\x1b[{code}m{s}\x1b[0m")
}

/// A quote of the sentence around a claim, at most ~160 characters.
pub fn quote(c: &Claim) -> String {
    let s = &c.sentence;
    let chars: Vec<char> = s.chars().collect();
    if chars.len() <= 160 {
        return escape_for_terminal(s);
    }
    let at = s
        .find(c.text.as_str())
        .map_or(0, |b| s[..b].chars().count());
    let from = at.saturating_sub(70);
    let to = (from + 160).min(chars.len());
    let mut q: String = chars[from..to].iter().collect();
    if from > 0 {
        q.insert(0, '…');
    }
    if to < chars.len() {
        q.push('…');
    }
    escape_for_terminal(&q)
}

/// The human report: a table per finding, grouped by key, most severe first.
pub fn table<W: Write>(
    out: &mut W,
    report: &Report,
    fail_on: FailOn,
    style: Style,
) -> io::Result<()> {
    let mut shown = 0;
    let mut hidden = 0;
    for f in &report.findings {
        if !(style.verbose || shown_by_default(f)) {
            hidden += 1;
            continue;
        }
        shown += 1;
        let label = match f.grade {
            Some(g) => format!("{} ({g})", f.kind.as_str()),
            None => f.kind.as_str().to_string(),
        };
        writeln!(
            out,
            "{} {} {}",
            paint(
                &format!("{:<7}", f.severity.as_str()),
                f.severity,
                style.color
            ),
            paint(&label, f.severity, style.color),
            escape_for_terminal(&f.key)
        )?;
        writeln!(out, "  {}", escape_for_terminal(&f.message))?;
        if !f.claims.is_empty() {
            let mut t = Table::new();
            t.load_preset(UTF8_FULL_CONDENSED)
                .set_content_arrangement(ContentArrangement::Dynamic)
                .set_header(vec!["source", "value", "as of", "modality", "quote"]);
            for &i in &f.claims {
                let c = &report.claims[i];
                let copies = report.sources.copies[i];
                let src = format!(
                    "{}:{}:{}{}",
                    c.doc,
                    c.line,
                    c.column,
                    if copies > 1 {
                        format!(" (×{copies})")
                    } else {
                        String::new()
                    }
                );
                let modality = match (&c.modality, &c.horizon) {
                    (crate::interpret::Modality::Target, Some(h)) => format!("target ({h})"),
                    (crate::interpret::Modality::Target, None) => "target".into(),
                    _ => "fact".into(),
                };
                t.add_row(vec![
                    Cell::new(escape_for_terminal(&src)),
                    Cell::new(escape_for_terminal(&c.text)),
                    Cell::new(
                        c.as_of
                            .map_or("unknown".into(), |a| format!("{a} ({})", as_of_word(c))),
                    ),
                    Cell::new(modality),
                    Cell::new(quote(c)),
                ]);
            }
            // a location must stay on one line: copyable, clickable, greppable
            if let Some(col) = t.column_mut(0) {
                col.set_constraint(comfy_table::ColumnConstraint::ContentWidth);
            }
            for line in t.to_string().lines() {
                writeln!(out, "  {line}")?;
            }
        }
        if let Some(k) = &f.consensus {
            if f.kind != FindingKind::Single {
                writeln!(
                    out,
                    "  consensus: {} (support {}, opposition {}, confidence {:.2})",
                    k.display, k.support, k.opposition, k.confidence
                )?;
            }
        }
        for c in &f.comparisons {
            writeln!(out, "  · {}", escape_for_terminal(c))?;
        }
        writeln!(out)?;
    }
    writeln!(out, "{}", summary_line(report, fail_on, shown, hidden))
}

/// The one-line summary that ends the human report (and the diagnostics):
/// counts per verdict, how many findings were `shown` and `hidden`, how
/// many are at or above `fail_on`, and the files skipped, by reason.
pub fn summary_line(report: &Report, fail_on: FailOn, shown: usize, hidden: usize) -> String {
    let s = report.summary(fail_on);
    let count = |k: &str| s.by_kind.get(k).copied().unwrap_or(0);
    let mut line = format!(
        "{} documents, {} claims: {} conflict, {} stale, {} changed, {} undetermined, {} agree, {} single",
        s.documents,
        s.claims,
        count("conflict"),
        count("stale"),
        count("changed"),
        count("undetermined"),
        count("agree"),
        count("single")
    );
    let checks: usize = s
        .by_kind
        .iter()
        .filter(|(k, _)| {
            !matches!(
                **k,
                "conflict" | "stale" | "changed" | "undetermined" | "agree" | "single"
            )
        })
        .map(|(_, n)| *n)
        .sum();
    if checks > 0 {
        line.push_str(&format!(", {checks} check results"));
    }
    if s.suppressed > 0 {
        line.push_str(&format!(
            ", {} accepted (baseline or ignore comments)",
            s.suppressed
        ));
    }
    if s.inputs.failed > 0 {
        line.push_str(&format!(
            ", {} document(s) could not be read",
            s.inputs.failed
        ));
    }
    if hidden > 0 {
        line.push_str(&format!(" ({hidden} not shown; --verbose shows all)"));
    }
    if shown == 0 && hidden == 0 {
        line.push_str(" — nothing to compare");
    }
    line.push_str(&format!("; {} at or above --fail-on", s.failing));
    if let Some(skipped) = skipped_clause(&s.inputs.skipped) {
        line.push_str("; ");
        line.push_str(&skipped);
    }
    line
}

/// How many extensions the summary names before counting the rest as `other`.
const SKIPPED_EXTENSIONS_SHOWN: usize = 5;

/// `3 files skipped: 2 not articles (1 .json, 1 .png), 1 not a regular
/// file`, or `None` when nothing was skipped. Extensions are listed most
/// frequent first (ties by name), at most [`SKIPPED_EXTENSIONS_SHOWN`] of
/// them, so a corpus beside thousands of images still gets one short line.
fn skipped_clause(skipped: &Skipped) -> Option<String> {
    if skipped.is_empty() {
        return None;
    }
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut extensions: Vec<(String, usize)> = Vec::new();
    let mut irregular = 0;
    for (reason, n) in skipped.by_reason() {
        match reason {
            SkipReason::NotAnArticle(Some(ext)) => {
                extensions.push((format!(".{}", escape_for_terminal(ext)), n));
            }
            SkipReason::NotAnArticle(None) => extensions.push(("no extension".into(), n)),
            SkipReason::NotARegularFile => irregular += n,
        }
    }
    extensions.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut parts = Vec::new();
    if !extensions.is_empty() {
        let articles: usize = extensions.iter().map(|e| e.1).sum();
        let mut listed: Vec<String> = extensions
            .iter()
            .take(SKIPPED_EXTENSIONS_SHOWN)
            .map(|(ext, n)| format!("{n} {ext}"))
            .collect();
        let rest: usize = extensions
            .iter()
            .skip(SKIPPED_EXTENSIONS_SHOWN)
            .map(|e| e.1)
            .sum();
        if rest > 0 {
            listed.push(format!("{rest} other"));
        }
        parts.push(format!(
            "{} ({})",
            plural(articles, "not an article", "not articles"),
            listed.join(", ")
        ));
    }
    if irregular > 0 {
        parts.push(plural(irregular, "not a regular file", "not regular files"));
    }
    Some(format!(
        "{} skipped: {}",
        plural(skipped.total(), "file", "files"),
        parts.join(", ")
    ))
}

fn as_of_word(c: &Claim) -> &'static str {
    match c.as_of_source {
        crate::interpret::AsOfSource::Sentence => "stated",
        crate::interpret::AsOfSource::Published => "published",
        crate::interpret::AsOfSource::Unknown => "unknown",
    }
}

/// The `claim` record (without `type`).
pub fn claim_json(id: usize, c: &Claim, report: &Report) -> Json {
    json!({
        "id": id,
        "doc": c.doc,
        "line": c.line,
        "column": c.column,
        "start": c.start,
        "end": c.end,
        "text": c.text,
        "kind": c.kind,
        "value": c.value,
        "qualifier": c.qualifier,
        "unit": c.unit,
        "per": c.per,
        "interval": interval_json(c),
        "key": c.key.id,
        "subject": c.key.subject,
        "property": c.key.property,
        "key_source": c.key.source,
        "key_confidence": c.key.confidence,
        "flow": c.flow,
        "as_of": c.as_of.map(|a| a.to_string()),
        "as_of_source": c.as_of_source,
        "modality": c.modality,
        "horizon": c.horizon,
        "sentence": c.sentence,
        "source_group": report.sources.source[id],
        "copy_of": (report.sources.representative[id] != id).then_some(report.sources.representative[id]),
        "items": c.items.as_ref().map(|v| v.iter().map(|i| i.text.clone()).collect::<Vec<_>>()),
    })
}

fn num(x: f64) -> Json {
    if x.is_finite() {
        let mut buf = Vec::new();
        let mut ser = serde_json::Serializer::new(&mut buf);
        crate::extract::serialize_number(x, &mut ser).ok();
        serde_json::from_slice(&buf).unwrap_or(Json::Null)
    } else {
        Json::Null
    }
}

fn interval_json(c: &Claim) -> Json {
    let i = &c.interval;
    if matches!(
        c.kind,
        crate::extract::Kind::Date | crate::extract::Kind::Year
    ) {
        // day numbers are an internal detail: show the dates
        return json!({ "from": c.value_from(), "to": c.value_to() });
    }
    json!({ "min": num(i.lo), "max": num(i.hi), "min_open": i.lo_open, "max_open": i.hi_open })
}

/// The `finding` record (without `type`).
pub fn finding_json(f: &Finding, report: &Report) -> Json {
    let claims: Vec<Json> = f
        .claims
        .iter()
        .map(|&i| {
            let c = &report.claims[i];
            json!({
                "claim": i,
                "doc": c.doc,
                "line": c.line,
                "column": c.column,
                "text": c.text,
                "value": c.value,
                "interval": interval_json(c),
                "as_of": c.as_of.map(|a| a.to_string()),
                "as_of_source": c.as_of_source,
                "modality": c.modality,
                "horizon": c.horizon,
                "key_source": c.key.source,
                "sentence": c.sentence,
                "copies": report.sources.copies[i],
            })
        })
        .collect();
    let consensus = f.consensus.as_ref().map(|k| {
        json!({
            "value": k.display,
            "point": num(k.point),
            "support": k.support,
            "opposition": k.opposition,
            "confidence": k.confidence,
        })
    });
    let mut v = json!({
        "fingerprint": f.fingerprint,
        "kind": f.kind,
        "severity": f.severity,
        "grade": f.grade,
        "key": f.key,
        "subject": f.subject,
        "property": f.property,
        "key_source": f.key_source,
        "message": f.message,
        "comparisons": f.comparisons,
        "consensus": consensus,
        "claims": claims,
    });
    if !f.data.is_empty() {
        v["data"] = Json::Object(f.data.clone());
    }
    v
}

fn with_type(kind: &str, mut v: Json) -> Json {
    let mut m = serde_json::Map::new();
    m.insert("type".into(), Json::String(kind.into()));
    if let Json::Object(o) = &mut v {
        m.extend(std::mem::take(o));
    }
    Json::Object(m)
}

fn summary_json(report: &Report, fail_on: FailOn) -> Json {
    serde_json::to_value(report.summary(fail_on)).unwrap_or(Json::Null)
}

/// One record per line: documents, claims, findings, then the summary.
pub fn jsonl<W: Write>(out: &mut W, report: &Report, fail_on: FailOn) -> io::Result<()> {
    write_json_line(
        out,
        &json!({"type": "header", "schema": SCHEMA, "tool": "claimcheck", "version": env!("CARGO_PKG_VERSION")}),
    )?;
    for d in &report.documents {
        write_json_line(
            out,
            &with_type("document", serde_json::to_value(d).unwrap_or(Json::Null)),
        )?;
    }
    for (i, c) in report.claims.iter().enumerate() {
        write_json_line(out, &with_type("claim", claim_json(i, c, report)))?;
    }
    for f in &report.findings {
        write_json_line(out, &with_type("finding", finding_json(f, report)))?;
    }
    write_json_line(out, &with_type("summary", summary_json(report, fail_on)))
}

/// One JSON document: `{"schema", "documents", "claims", "findings", "summary"}`.
pub fn json<W: Write>(out: &mut W, report: &Report, fail_on: FailOn) -> io::Result<()> {
    let v = json!({
        "schema": SCHEMA,
        "tool": "claimcheck",
        "version": env!("CARGO_PKG_VERSION"),
        "documents": report.documents,
        "claims": report.claims.iter().enumerate().map(|(i, c)| claim_json(i, c, report)).collect::<Vec<_>>(),
        "findings": report.findings.iter().map(|f| finding_json(f, report)).collect::<Vec<_>>(),
        "summary": summary_json(report, fail_on),
    });
    serde_json::to_writer_pretty(&mut *out, &v)?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skipped(reasons: &[(SkipReason, usize)]) -> Skipped {
        let mut s = Skipped::default();
        for (r, n) in reasons {
            for _ in 0..*n {
                s.add(r.clone());
            }
        }
        s
    }

    fn ext(e: &str) -> SkipReason {
        SkipReason::NotAnArticle(Some(e.to_string()))
    }

    #[test]
    fn skipped_clause_groups_by_reason_and_extension() {
        assert_eq!(skipped_clause(&Skipped::default()), None);
        assert_eq!(
            skipped_clause(&skipped(&[(ext("png"), 1)])).as_deref(),
            Some("1 file skipped: 1 not an article (1 .png)")
        );
        assert_eq!(
            skipped_clause(&skipped(&[
                (ext("json"), 1),
                (ext("png"), 2),
                (SkipReason::NotAnArticle(None), 1),
                (SkipReason::NotARegularFile, 1),
            ]))
            .as_deref(),
            Some(
                "5 files skipped: 4 not articles (2 .png, 1 .json, 1 no extension), \
                 1 not a regular file"
            )
        );
    }

    #[test]
    fn skipped_clause_names_at_most_five_extensions_and_escapes_them() {
        let many = skipped(&[
            (ext("a"), 1),
            (ext("b"), 1),
            (ext("c"), 2),
            (ext("d"), 1),
            (ext("e"), 1),
            (ext("f"), 1),
            (ext("g"), 3),
            (ext("x\u{1b}[31m"), 1),
            (SkipReason::NotARegularFile, 2),
        ]);
        assert_eq!(
            skipped_clause(&many).as_deref(),
            Some(
                "13 files skipped: 11 not articles (3 .g, 2 .c, 1 .a, 1 .b, 1 .d, 3 other), \
                 2 not regular files"
            )
        );
        let hostile = skipped(&[(ext("x\u{1b}[31m"), 1)]);
        assert_eq!(
            skipped_clause(&hostile).as_deref(),
            Some("1 file skipped: 1 not an article (1 .x\\u{1b}[31m)")
        );
    }
}
