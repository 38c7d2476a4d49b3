//! Output of `claimcheck check`: the consistency report, per format.
//!
//! JSON field names and meanings are a contract documented in the README;
//! `SCHEMA` is bumped when they change incompatibly.

use std::fmt::Write as _;
use std::io::{self, Write};

use comfy_table::{presets::UTF8_FULL_CONDENSED, Cell, ContentArrangement, Table};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};
use serde_json::{json, Value as Json};

use super::ordered::write_in_order;
use super::{escape_for_terminal, push_escaped, write_json_line};
use crate::corpus::{SkipReason, Skipped};
use crate::extract::{JsonNumber, Kind, ListItem, Qualifier, Value};
use crate::interpret::{AsOf, AsOfSource, Claim, Confidence, KeySource, Modality};
use crate::reconcile::{
    Comparisons, Consensus, Data, Finding, FindingKind, Fingerprint, MessageText, Severity,
};
use crate::report::{DocInfo, FailOn, Report};

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
    let mut q = String::new();
    push_quote(&mut q, c);
    q
}

/// Appends [`quote`] to `out`: the sentence when it has at most 160
/// characters, else 160 characters from 70 before the claim, with `…` where
/// it was cut; escaped for the terminal.
fn push_quote(out: &mut String, c: &Claim) {
    let s: &str = &c.sentence;
    // at most 160 bytes is at most 160 characters: most sentences need no count
    if s.len() <= 160 {
        return push_escaped(out, s);
    }
    let chars = s.chars().count();
    if chars <= 160 {
        return push_escaped(out, s);
    }
    let at = s.find(&*c.text).map_or(0, |b| s[..b].chars().count());
    let from = at.saturating_sub(70);
    let to = (from + 160).min(chars);
    let byte = |k: usize| s.char_indices().nth(k).map_or(s.len(), |(b, _)| b);
    if from > 0 {
        out.push('…');
    }
    push_escaped(out, &s[byte(from)..byte(to)]);
    if to < chars {
        out.push('…');
    }
}

/// The human report: a table per finding, grouped by key, most severe first.
///
/// Findings are rendered in parallel (see [`write_in_order`]); the bytes are
/// the same as rendering them one after the other.
pub fn table<W: Write>(
    out: &mut W,
    report: &Report,
    fail_on: FailOn,
    style: Style,
) -> io::Result<()> {
    table_with_layout(out, report, fail_on, style, Layout::for_stdout())
}

fn table_with_layout<W: Write>(
    out: &mut W,
    report: &Report,
    fail_on: FailOn,
    style: Style,
    layout: Layout,
) -> io::Result<()> {
    let is_shown = |f: &Finding| style.verbose || shown_by_default(f);
    let shown = report.findings.iter().filter(|f| is_shown(f)).count();
    let hidden = report.findings.len() - shown;
    write_in_order(out, &report.findings, |_, f, buf| {
        if is_shown(f) {
            write_finding(buf, f, report, style, layout)
        } else {
            Ok(())
        }
    })?;
    writeln!(out, "{}", summary_line(report, fail_on, shown, hidden))
}

/// One finding of the human report: its verdict line, message, claim table,
/// consensus and comparisons, then a blank line.
fn write_finding(
    out: &mut Vec<u8>,
    f: &Finding,
    report: &Report,
    style: Style,
    layout: Layout,
) -> io::Result<()> {
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
        escape_for_terminal(&f.key.id)
    )?;
    writeln!(
        out,
        "  {}",
        escape_for_terminal(&f.message_text(&report.claims).to_string())
    )?;
    if !f.claims.is_empty() {
        let rows: Vec<[String; 5]> = f.claims.iter().map(|&i| claim_row(report, i)).collect();
        let drawn = match layout {
            Layout::ContentWidth => draw_claim_table(out, &rows),
            Layout::Terminal => false,
        };
        if !drawn {
            comfy_claim_table(out, rows)?;
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
    for line in f.comparisons.lines(&report.claims) {
        writeln!(out, "  · {}", escape_for_terminal(&line.to_string()))?;
    }
    writeln!(out)
}

/// The header of every claim table.
const CLAIM_COLUMNS: [&str; 5] = ["source", "value", "as of", "modality", "quote"];

/// The cells of claim `i`'s row: source, value, as of, modality, quote.
fn claim_row(report: &Report, i: usize) -> [String; 5] {
    let c = &report.claims[i];
    let copies = report.sources.copies[i];
    // `doc:line:col (×n)`, escaped: digits, `:` and ` (×n)` never need escaping
    let mut src = String::with_capacity(c.doc.len() + 16);
    push_escaped(&mut src, &c.doc);
    let _ = write!(src, ":{}:{}", c.line, c.column);
    if copies > 1 {
        let _ = write!(src, " (×{copies})");
    }
    let as_of = c
        .as_of
        .map_or("unknown".into(), |a| format!("{a} ({})", as_of_word(c)));
    let modality = match (&c.modality, &c.horizon) {
        (Modality::Target, Some(h)) => format!("target ({h})"),
        (Modality::Target, None) => "target".into(),
        _ => "fact".into(),
    };
    [src, escape_for_terminal(&c.text), as_of, modality, quote(c)]
}

/// How the claim tables of a report are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// No terminal width is known (output to a file or pipe): every column
    /// is as wide as its widest cell, and [`draw_claim_table`] draws it.
    ContentWidth,
    /// Standard output is a terminal of known width: comfy-table wraps the
    /// cells to fit it.
    Terminal,
}

impl Layout {
    /// The layout comfy-table picks: it looks for the width of the terminal
    /// on standard output whatever the writer is, as it always has here.
    fn for_stdout() -> Layout {
        if Table::new().width().is_none() {
            Layout::ContentWidth
        } else {
            Layout::Terminal
        }
    }
}

/// A claim table drawn by comfy-table (indented by two spaces), as the
/// report has always drawn it.
fn comfy_claim_table(out: &mut Vec<u8>, rows: Vec<[String; 5]>) -> io::Result<()> {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(CLAIM_COLUMNS.to_vec());
    for row in rows {
        t.add_row(row.map(Cell::new_owned).to_vec());
    }
    // a location must stay on one line: copyable, clickable, greppable
    if let Some(col) = t.column_mut(0) {
        col.set_constraint(comfy_table::ColumnConstraint::ContentWidth);
    }
    for line in t.to_string().lines() {
        writeln!(out, "  {line}")?;
    }
    Ok(())
}

/// Columns wider than this are left to comfy-table, whose widths are `u16`
/// and which splits lines wider than that (never seen in a real report).
const MAX_DRAWN_WIDTH: usize = 60_000;

/// Draws a claim table byte for byte as [`comfy_claim_table`] does when no
/// terminal width is known, without its per-cell allocations (building a
/// comfy-table per finding was most of the time of the human report on a
/// large corpus). Returns `false`, having written nothing, when a column is
/// too wide to draw here ([`MAX_DRAWN_WIDTH`]).
///
/// comfy-table's layout without a width: each column is as wide as its
/// widest line (at least 1; cells are split into lines at `\n`), padded by
/// one space on each side, left-aligned; borders of the
/// `UTF8_FULL_CONDENSED` preset, a `╞═╪═╡` rule under the header and none
/// between rows. Tested against comfy-table on random cells.
fn draw_claim_table(out: &mut Vec<u8>, rows: &[[String; 5]]) -> bool {
    let mut widths = CLAIM_COLUMNS.map(text_width);
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            for line in cell.split('\n') {
                *w = (*w).max(text_width(line));
            }
        }
    }
    if widths.iter().any(|&w| w > MAX_DRAWN_WIDTH) {
        return false;
    }
    for w in &mut widths {
        *w = (*w).max(1);
    }
    let rule = |out: &mut Vec<u8>, left: &str, fill: &str, cross: &str, right: &str| {
        out.extend_from_slice(b"  ");
        out.extend_from_slice(left.as_bytes());
        for (k, &w) in widths.iter().enumerate() {
            if k > 0 {
                out.extend_from_slice(cross.as_bytes());
            }
            for _ in 0..w + 2 {
                out.extend_from_slice(fill.as_bytes());
            }
        }
        out.extend_from_slice(right.as_bytes());
        out.push(b'\n');
    };
    rule(out, "┌", "─", "┬", "┐");
    draw_row(out, &widths, &CLAIM_COLUMNS);
    rule(out, "╞", "═", "╪", "╡");
    for row in rows {
        draw_row(out, &widths, row);
    }
    rule(out, "└", "─", "┴", "┘");
    true
}

/// The lines of one table row: as many as its tallest cell, shorter cells
/// filled with blank lines.
fn draw_row<S: AsRef<str>>(out: &mut Vec<u8>, widths: &[usize; 5], cells: &[S; 5]) {
    let height = cells
        .iter()
        .map(|c| c.as_ref().split('\n').count())
        .max()
        .unwrap_or(1);
    let mut lines = cells.each_ref().map(|c| c.as_ref().split('\n'));
    for _ in 0..height {
        out.extend_from_slice("  │".as_bytes());
        for (k, (line, &w)) in lines.iter_mut().zip(widths).enumerate() {
            if k > 0 {
                out.extend_from_slice("┆".as_bytes());
            }
            let (text, pad) = match line.next() {
                Some(l) => (l, w - text_width(l)),
                None => ("", w),
            };
            out.push(b' ');
            out.extend_from_slice(text.as_bytes());
            out.resize(out.len() + pad + 1, b' ');
        }
        out.extend_from_slice("│\n".as_bytes());
    }
}

/// Display width of a line, as comfy-table measures it.
fn text_width(s: &str) -> usize {
    if s.bytes().all(|b| (0x20..0x7F).contains(&b)) {
        s.len()
    } else {
        unicode_width::UnicodeWidthStr::width(s)
    }
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
pub fn skipped_clause(skipped: &Skipped) -> Option<String> {
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

// JSON records.
//
// The records are written from structs that borrow from the report, field
// by field, instead of building a `serde_json::Value` per record (a map
// insertion and a string copy per field: most of the time of the JSON
// output). The bytes are those the `Value`s gave: `serde_json`'s maps are
// sorted, so every struct lists its fields in byte order of their names,
// and nested values that serialise as maps are written sorted too
// ([`SortedValue`]). The tests compare the output with the `Value`s'.

/// The `claim` record (without `type`).
pub fn claim_json(id: usize, c: &Claim, report: &Report) -> Json {
    serde_json::to_value(ClaimRecord::new(id, c, report, None)).unwrap_or(Json::Null)
}

/// The `finding` record (without `type`).
pub fn finding_json(f: &Finding, report: &Report) -> Json {
    serde_json::to_value(FindingRecord::new(f, report, None)).unwrap_or(Json::Null)
}

/// A `claim` record; `record_type` is `Some("claim")` in JSONL.
#[derive(Serialize)]
struct ClaimRecord<'a> {
    as_of: Option<Shown<AsOf>>,
    as_of_source: AsOfSource,
    column: u32,
    copy_of: Option<usize>,
    doc: &'a str,
    end: u32,
    flow: bool,
    horizon: Option<&'a str>,
    id: usize,
    interval: IntervalRecord<'a>,
    items: Option<ItemTexts<'a>>,
    key: &'a str,
    key_confidence: Confidence,
    key_source: KeySource,
    kind: Kind,
    line: u32,
    modality: &'a Modality,
    per: Option<&'static str>,
    property: &'a str,
    qualifier: Qualifier,
    sentence: &'a str,
    source_group: usize,
    start: u32,
    subject: &'a str,
    text: &'a str,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    record_type: Option<&'static str>,
    unit: Option<&'a str>,
    value: SortedValue<'a>,
}

impl<'a> ClaimRecord<'a> {
    fn new(id: usize, c: &'a Claim, report: &'a Report, record_type: Option<&'static str>) -> Self {
        let representative = report.sources.representative[id];
        ClaimRecord {
            as_of: c.as_of.map(Shown),
            as_of_source: c.as_of_source,
            column: c.column,
            copy_of: (representative != id).then_some(representative),
            doc: &c.doc,
            end: c.end,
            flow: c.flow,
            horizon: c.horizon.as_deref(),
            id,
            interval: IntervalRecord(c),
            items: c.items.as_deref().map(ItemTexts),
            key: &c.key.id,
            key_confidence: c.key.confidence,
            key_source: c.key.source,
            kind: c.kind,
            line: c.line,
            modality: &c.modality,
            per: c.per,
            property: &c.key.property,
            qualifier: c.qualifier,
            sentence: &c.sentence,
            source_group: report.sources.source[id],
            start: c.start,
            subject: &c.key.subject,
            text: &c.text,
            record_type,
            unit: c.unit.as_deref(),
            value: SortedValue(&c.value),
        }
    }
}

/// A claim as a finding lists it.
#[derive(Serialize)]
struct FindingClaimRecord<'a> {
    as_of: Option<Shown<AsOf>>,
    as_of_source: AsOfSource,
    claim: usize,
    column: u32,
    copies: usize,
    doc: &'a str,
    horizon: Option<&'a str>,
    interval: IntervalRecord<'a>,
    key_source: KeySource,
    line: u32,
    modality: &'a Modality,
    sentence: &'a str,
    text: &'a str,
    value: SortedValue<'a>,
}

/// The claims of a finding, in its order.
struct FindingClaims<'a> {
    claims: &'a [usize],
    report: &'a Report,
}

impl Serialize for FindingClaims<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.claims.iter().map(|&i| {
            let c = &self.report.claims[i];
            FindingClaimRecord {
                as_of: c.as_of.map(Shown),
                as_of_source: c.as_of_source,
                claim: i,
                column: c.column,
                copies: self.report.sources.copies[i],
                doc: &c.doc,
                horizon: c.horizon.as_deref(),
                interval: IntervalRecord(c),
                key_source: c.key.source,
                line: c.line,
                modality: &c.modality,
                sentence: &c.sentence,
                text: &c.text,
                value: SortedValue(&c.value),
            }
        }))
    }
}

#[derive(Serialize)]
struct ConsensusRecord<'a> {
    confidence: f64,
    opposition: usize,
    point: Num,
    support: usize,
    value: &'a str,
}

impl<'a> ConsensusRecord<'a> {
    fn new(k: &'a Consensus) -> Self {
        ConsensusRecord {
            confidence: k.confidence,
            opposition: k.opposition,
            point: num(k.point),
            support: k.support,
            value: &k.display,
        }
    }
}

/// The comparisons of a finding in words, written as strings straight from
/// their `Display` (no string per comparison).
struct ComparisonTexts<'a> {
    comparisons: &'a Comparisons,
    claims: &'a [Claim],
}

impl Serialize for ComparisonTexts<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.comparisons.lines(self.claims).map(Shown))
    }
}

/// A `finding` record; `record_type` is `Some("finding")` in JSONL.
#[derive(Serialize)]
struct FindingRecord<'a> {
    claims: FindingClaims<'a>,
    comparisons: ComparisonTexts<'a>,
    consensus: Option<ConsensusRecord<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    data: Option<&'a Data>,
    fingerprint: &'a Fingerprint,
    grade: Option<&'static str>,
    key: &'a str,
    key_source: KeySource,
    kind: FindingKind,
    message: Shown<MessageText<'a>>,
    property: &'a str,
    severity: Severity,
    subject: &'a str,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    record_type: Option<&'static str>,
}

impl<'a> FindingRecord<'a> {
    fn new(f: &'a Finding, report: &'a Report, record_type: Option<&'static str>) -> Self {
        FindingRecord {
            claims: FindingClaims {
                claims: &f.claims,
                report,
            },
            comparisons: ComparisonTexts {
                comparisons: &f.comparisons,
                claims: &report.claims,
            },
            consensus: f.consensus.as_deref().map(ConsensusRecord::new),
            data: (!f.data.is_empty()).then_some(&f.data),
            fingerprint: &f.fingerprint,
            grade: f.grade,
            key: &f.key.id,
            key_source: f.key.source,
            kind: f.kind,
            message: Shown(f.message_text(&report.claims)),
            property: &f.key.property,
            severity: f.severity,
            subject: &f.key.subject,
            record_type,
        }
    }
}

/// A `document` record; `record_type` is `Some("document")` in JSONL.
#[derive(Serialize)]
struct DocRecord<'a> {
    claims: usize,
    path: &'a str,
    published: Option<crate::date::PartialDate>,
    published_from: crate::corpus::PublishedFrom,
    source: Option<&'a str>,
    title: Option<&'a str>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    record_type: Option<&'static str>,
}

impl<'a> DocRecord<'a> {
    fn new(d: &'a DocInfo, record_type: Option<&'static str>) -> Self {
        DocRecord {
            claims: d.claims,
            path: &d.path,
            published: d.published,
            published_from: d.published_from,
            source: d.source.as_deref(),
            title: d.title.as_deref(),
            record_type,
        }
    }
}

/// A value written as its `Display` text (a JSON string).
struct Shown<T>(T);

impl<T: std::fmt::Display> Serialize for Shown<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

/// The texts of a list claim's items.
struct ItemTexts<'a>(&'a [ListItem]);

impl Serialize for ItemTexts<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|i| &i.text))
    }
}

/// A claim's value, with the keys of ranges in sorted order (`max`, `min`)
/// as they have always been written.
struct SortedValue<'a>(&'a Value);

impl Serialize for SortedValue<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match *self.0 {
            Value::Range { min, max } => {
                let mut m = s.serialize_map(Some(2))?;
                m.serialize_entry("max", &JsonNumber(max))?;
                m.serialize_entry("min", &JsonNumber(min))?;
                m.end()
            }
            Value::DateRange { min, max } => {
                let mut m = s.serialize_map(Some(2))?;
                m.serialize_entry("max", &max)?;
                m.serialize_entry("min", &min)?;
                m.end()
            }
            ref v => v.serialize(s),
        }
    }
}

/// A claim's interval: first and last day for dates and years (day numbers
/// are an internal detail), else bounds and whether they are open.
struct IntervalRecord<'a>(&'a Claim);

impl Serialize for IntervalRecord<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let c = self.0;
        let mut m = s.serialize_map(None)?;
        if matches!(c.kind, Kind::Date | Kind::Year) {
            m.serialize_entry("from", &c.value_from())?;
            m.serialize_entry("to", &c.value_to())?;
        } else {
            let i = &c.interval;
            m.serialize_entry("max", &num(i.hi))?;
            m.serialize_entry("max_open", &i.hi_open)?;
            m.serialize_entry("min", &num(i.lo))?;
            m.serialize_entry("min_open", &i.lo_open)?;
        }
        m.end()
    }
}

/// A number as the interval bounds and consensus point have always been
/// written: [`crate::extract::serialize_number`]'s text read back by
/// `serde_json`, then written again. For integers that is the same text;
/// for fractions the read can land on a neighbouring float (serde_json
/// parses fast, not exactly), so `99.64999999999999` is written `99.65`.
/// Serialising the `f64` directly would change those bytes.
#[derive(Debug, Clone, PartialEq)]
enum Num {
    Int(i64),
    Parsed(serde_json::Number),
    Null,
}

fn num(x: f64) -> Num {
    if !x.is_finite() {
        return Num::Null;
    }
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        return Num::Int(x as i64);
    }
    // ryu's shortest text is at most 24 bytes
    let mut text = io::Cursor::new([0u8; 32]);
    if crate::extract::serialize_number(x, &mut serde_json::Serializer::new(&mut text)).is_err() {
        return Num::Null;
    }
    let len = text.position() as usize;
    match serde_json::from_slice(&text.get_ref()[..len]) {
        Ok(Json::Number(n)) => Num::Parsed(n),
        _ => Num::Null,
    }
}

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Num::Int(i) => s.serialize_i64(*i),
            Num::Parsed(n) => n.serialize(s),
            Num::Null => s.serialize_unit(),
        }
    }
}

fn summary_json(report: &Report, fail_on: FailOn) -> Json {
    serde_json::to_value(report.summary(fail_on)).unwrap_or(Json::Null)
}

/// One record per line: documents, claims, findings, then the summary.
///
/// Records are rendered in parallel (see [`write_in_order`]); the bytes are
/// the same as rendering them one after the other.
pub fn jsonl<W: Write>(out: &mut W, report: &Report, fail_on: FailOn) -> io::Result<()> {
    write_json_line(
        out,
        &json!({"type": "header", "schema": SCHEMA, "tool": "claimcheck", "version": env!("CARGO_PKG_VERSION")}),
    )?;
    write_in_order(out, &report.documents, |_, d, buf| {
        write_json_line(buf, &DocRecord::new(d, Some("document")))
    })?;
    write_in_order(out, &report.claims, |i, c, buf| {
        write_json_line(buf, &ClaimRecord::new(i, c, report, Some("claim")))
    })?;
    write_in_order(out, &report.findings, |_, f, buf| {
        write_json_line(buf, &FindingRecord::new(f, report, Some("finding")))
    })?;
    let mut summary = summary_json(report, fail_on);
    if let Json::Object(m) = &mut summary {
        m.insert("type".into(), Json::String("summary".into()));
    }
    write_json_line(out, &summary)
}

/// One JSON document: `{"schema", "documents", "claims", "findings", "summary"}`.
///
/// Pretty-printed as `serde_json::to_writer_pretty` prints the whole
/// document, but streamed: the outer object is written here with the same
/// formatter, and the elements of the three big arrays are rendered in
/// parallel with formatters set to their depth, so the report is never held
/// as one `Value` in memory.
pub fn json<W: Write>(out: &mut W, report: &Report, fail_on: FailOn) -> io::Result<()> {
    let mut f = PrettyFormatter::new();
    f.begin_object(out)?;
    object_key(out, &mut f, "claims", true)?;
    pretty_array(out, &mut f, &report.claims, |i| {
        ClaimRecord::new(i, &report.claims[i], report, None)
    })?;
    f.end_object_value(out)?;
    object_key(out, &mut f, "documents", false)?;
    pretty_array(out, &mut f, &report.documents, |i| {
        DocRecord::new(&report.documents[i], None)
    })?;
    f.end_object_value(out)?;
    object_key(out, &mut f, "findings", false)?;
    pretty_array(out, &mut f, &report.findings, |i| {
        FindingRecord::new(&report.findings[i], report, None)
    })?;
    f.end_object_value(out)?;
    object_key(out, &mut f, "schema", false)?;
    serde_json::to_writer(&mut *out, &SCHEMA)?;
    f.end_object_value(out)?;
    object_key(out, &mut f, "summary", false)?;
    summary_json(report, fail_on).serialize(&mut serde_json::Serializer::with_formatter(
        &mut *out,
        pretty_at(1),
    ))?;
    f.end_object_value(out)?;
    object_key(out, &mut f, "tool", false)?;
    serde_json::to_writer(&mut *out, "claimcheck")?;
    f.end_object_value(out)?;
    object_key(out, &mut f, "version", false)?;
    serde_json::to_writer(&mut *out, env!("CARGO_PKG_VERSION"))?;
    f.end_object_value(out)?;
    f.end_object(out)?;
    out.write_all(b"\n")
}

/// A pretty formatter for a value nested `depth` arrays or objects deep.
fn pretty_at(depth: usize) -> PrettyFormatter<'static> {
    let mut f = PrettyFormatter::new();
    for _ in 0..depth {
        // only the indentation level changes; the `[` goes nowhere
        let _ = f.begin_array(&mut io::sink());
    }
    f
}

/// Writes `"key": ` of the outer object.
fn object_key<W: Write + ?Sized>(
    out: &mut W,
    f: &mut PrettyFormatter,
    key: &str,
    first: bool,
) -> io::Result<()> {
    f.begin_object_key(out, first)?;
    serde_json::to_writer(&mut *out, key)?;
    f.end_object_key(out)?;
    f.begin_object_value(out)
}

/// Writes an array value of the outer object (depth 1), its elements at
/// depth 2 rendered in parallel, each with the separator and indentation
/// `f` would write before it. `record(i)` is the record of `items[i]`.
fn pretty_array<W, T, R, F>(
    out: &mut W,
    f: &mut PrettyFormatter,
    items: &[T],
    record: F,
) -> io::Result<()>
where
    W: Write + ?Sized,
    T: Sync,
    R: Serialize,
    F: Fn(usize) -> R + Sync,
{
    f.begin_array(out)?;
    write_in_order(out, items, |i, _, buf| {
        let mut element = pretty_at(2);
        element.begin_array_value(buf, i == 0)?;
        record(i).serialize(&mut serde_json::Serializer::with_formatter(buf, element))?;
        Ok(())
    })?;
    if !items.is_empty() {
        // tells `f` the array has values, so it closes it on a new line
        f.end_array_value(&mut io::sink())?;
    }
    f.end_array(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The renderers as they were before records were streamed and tables
    /// drawn directly: the outputs above must stay byte for byte the same.
    mod reference {
        use super::super::*;

        pub fn table(out: &mut Vec<u8>, report: &Report, fail_on: FailOn, style: Style) {
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
                    escape_for_terminal(&f.key.id)
                )
                .unwrap();
                writeln!(
                    out,
                    "  {}",
                    escape_for_terminal(&f.message_text(&report.claims).to_string())
                )
                .unwrap();
                if !f.claims.is_empty() {
                    let mut t = Table::new();
                    // as with output to a file or a pipe
                    t.force_no_tty();
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
                            (Modality::Target, Some(h)) => format!("target ({h})"),
                            (Modality::Target, None) => "target".into(),
                            _ => "fact".into(),
                        };
                        t.add_row(vec![
                            Cell::new(escape_for_terminal(&src)),
                            Cell::new(escape_for_terminal(&c.text)),
                            Cell::new(
                                c.as_of.map_or("unknown".into(), |a| {
                                    format!("{a} ({})", as_of_word(c))
                                }),
                            ),
                            Cell::new(modality),
                            Cell::new(quote(c)),
                        ]);
                    }
                    if let Some(col) = t.column_mut(0) {
                        col.set_constraint(comfy_table::ColumnConstraint::ContentWidth);
                    }
                    for line in t.to_string().lines() {
                        writeln!(out, "  {line}").unwrap();
                    }
                }
                if let Some(k) = &f.consensus {
                    if f.kind != FindingKind::Single {
                        writeln!(
                            out,
                            "  consensus: {} (support {}, opposition {}, confidence {:.2})",
                            k.display, k.support, k.opposition, k.confidence
                        )
                        .unwrap();
                    }
                }
                for c in comparison_texts(f, report) {
                    writeln!(out, "  · {}", escape_for_terminal(&c)).unwrap();
                }
                writeln!(out).unwrap();
            }
            writeln!(out, "{}", summary_line(report, fail_on, shown, hidden)).unwrap();
        }

        pub fn quote(c: &Claim) -> String {
            let s = &c.sentence;
            let chars: Vec<char> = s.chars().collect();
            if chars.len() <= 160 {
                return escape_for_terminal(s);
            }
            let at = s.find(&*c.text).map_or(0, |b| s[..b].chars().count());
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

        pub fn num(x: f64) -> Json {
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
            if matches!(c.kind, Kind::Date | Kind::Year) {
                return json!({ "from": c.value_from(), "to": c.value_to() });
            }
            json!({ "min": num(i.lo), "max": num(i.hi), "min_open": i.lo_open, "max_open": i.hi_open })
        }

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
                "key": f.key.id,
                "subject": f.key.subject,
                "property": f.key.property,
                "key_source": f.key.source,
                "message": f.message_text(&report.claims).to_string(),
                "comparisons": comparison_texts(f, report),
                "consensus": consensus,
                "claims": claims,
            });
            if !f.data.is_empty() {
                v["data"] = Json::Object(
                    f.data
                        .iter()
                        .map(|(k, v)| (k.to_string(), v.clone()))
                        .collect(),
                );
            }
            v
        }

        /// The comparisons as the strings findings used to hold.
        fn comparison_texts(f: &Finding, report: &Report) -> Vec<String> {
            f.comparisons
                .lines(&report.claims)
                .map(|line| line.to_string())
                .collect()
        }

        fn with_type(kind: &str, mut v: Json) -> Json {
            let mut m = serde_json::Map::new();
            m.insert("type".into(), Json::String(kind.into()));
            if let Json::Object(o) = &mut v {
                m.extend(std::mem::take(o));
            }
            Json::Object(m)
        }

        pub fn jsonl(out: &mut Vec<u8>, report: &Report, fail_on: FailOn) {
            write_json_line(
                out,
                &json!({"type": "header", "schema": SCHEMA, "tool": "claimcheck", "version": env!("CARGO_PKG_VERSION")}),
            )
            .unwrap();
            for d in &report.documents {
                write_json_line(
                    out,
                    &with_type("document", serde_json::to_value(d).unwrap_or(Json::Null)),
                )
                .unwrap();
            }
            for (i, c) in report.claims.iter().enumerate() {
                write_json_line(out, &with_type("claim", claim_json(i, c, report))).unwrap();
            }
            for f in &report.findings {
                write_json_line(out, &with_type("finding", finding_json(f, report))).unwrap();
            }
            write_json_line(out, &with_type("summary", summary_json(report, fail_on))).unwrap()
        }

        pub fn json(out: &mut Vec<u8>, report: &Report, fail_on: FailOn) {
            let v = json!({
                "schema": SCHEMA,
                "tool": "claimcheck",
                "version": env!("CARGO_PKG_VERSION"),
                "documents": report.documents,
                "claims": report.claims.iter().enumerate().map(|(i, c)| claim_json(i, c, report)).collect::<Vec<_>>(),
                "findings": report.findings.iter().map(|f| finding_json(f, report)).collect::<Vec<_>>(),
                "summary": summary_json(report, fail_on),
            });
            serde_json::to_writer_pretty(&mut *out, &v).unwrap();
            out.write_all(b"\n").unwrap();
        }
    }

    fn doc(path: &str, text: &str) -> crate::corpus::Document {
        crate::corpus::document_from_text(
            path,
            text.to_string(),
            &crate::corpus::LoadOptions::default(),
        )
        .expect("document")
        .0
    }

    /// Articles with what the renderers must get right: ranges, date
    /// ranges, fractions that do not round-trip, targets with horizons,
    /// lists, copies, long sentences, wide and combining characters,
    /// controls, bidi overrides and line breaks.
    fn awkward_report() -> Report {
        let long = format!(
            "A very long sentence {}until the city says 5,400 homes were built {}.",
            "that keeps going and going with more words ".repeat(6),
            "and then continues with more clauses about nothing in particular ".repeat(4)
        );
        let docs = vec![
            doc(
                "a.txt",
                &format!(
                    "---\ntitle: \"Weird \u{202e}title\u{202c} \u{1b}[31mred\u{1b}[0m\"\npublished: 2025-03-01\n---\n\
                     The city has 425 member cities in 91 countries.\n\
                     Literacy reached 99.65% in 2024, and the target is 99.8% by 2030.\n\
                     About 1.5 million people joined, up from 1,420,907 people in 2023.\n\
                     The plan \u{200b}covers 10-20% of the area and 3–5 years of work from 2021-2030.\n\
                     From January 5 to March 7, 2025 the museum hosted 12,000 visitors.\n\
                     東京 has 14 million residents; the café served 3.14159 cups 🎉👩‍👩‍👧 to 7 guests.\n{long}\n"
                ),
            ),
            doc(
                "b \u{7}dir/b.txt",
                "---\ntitle: Second\npublished: 2025-06-10\n---\n\
                 The city has 430 member cities in 91 countries.\n\
                 Literacy reached 99.6% in 2024.\n\
                 The network now includes three cities: Hanoi, Hue and Da Nang, a total of 4 cities.\n\
                 Control \u{7}bell and tab\there and 8 tabs. Non-breaking\u{a0}55 percent and \u{85} next 6 cities.\n",
            ),
            doc(
                "c.txt",
                "---\ntitle: Copy\npublished: 2025-06-11\n---\n\
                 The city has 430 member cities in 91 countries.\n\
                 Literacy reached 99.6% in 2024.\n\
                 The fund is worth VND10 billion (about USD390,000) as of May 2025.\n\
                 On Monday, June 9, 2025 officials said 45% of 200 schools, or 95 schools, were new.\n\
                 In 2019 the population was 8.05 million; in 2020 it was 8.25 million.\n\
                 Target: 100% of schools by 2030; a medium-term target of 95%.\n",
            ),
            doc(
                "d.md",
                "The city has 425 member cities, nearly 90,000 members and more than 500 schools.\n\
                 The city has 420 schools. The rate was 0.1 and then 0.30000000000000004 percent.\n",
            ),
        ];
        crate::report::check(
            &docs,
            &crate::catalog::Catalog::default(),
            &crate::checks::Options::default(),
        )
    }

    fn bundled_report() -> Report {
        let corpus = crate::corpus::load(
            &["corpus".to_string()],
            &crate::corpus::LoadOptions::default(),
        );
        let catalog = crate::catalog::Catalog::load_dir(std::path::Path::new("claims"))
            .expect("the bundled catalogue loads");
        crate::report::check(
            &corpus.documents,
            &catalog,
            &crate::checks::Options::default(),
        )
    }

    fn fixtures_report() -> Report {
        let corpus = crate::corpus::load(
            &["tests/fixtures".to_string()],
            &crate::corpus::LoadOptions::default(),
        );
        crate::report::check(
            &corpus.documents,
            &crate::catalog::Catalog::default(),
            &crate::checks::Options::default(),
        )
    }

    fn reports() -> Vec<(&'static str, Report)> {
        vec![
            ("awkward", awkward_report()),
            ("bundled", bundled_report()),
            ("fixtures", fixtures_report()),
        ]
    }

    fn text(bytes: Vec<u8>) -> String {
        String::from_utf8(bytes).expect("UTF-8 output")
    }

    #[test]
    fn json_outputs_are_the_bytes_the_value_trees_gave() {
        for (name, report) in reports() {
            assert!(!report.findings.is_empty(), "{name}");
            for fail_on in [FailOn::Conflict, FailOn::Warning] {
                let (mut new, mut old) = (Vec::new(), Vec::new());
                jsonl(&mut new, &report, fail_on).unwrap();
                reference::jsonl(&mut old, &report, fail_on);
                assert_eq!(text(new), text(old), "{name} jsonl");
            }
            let (mut new, mut old) = (Vec::new(), Vec::new());
            json(&mut new, &report, FailOn::Conflict).unwrap();
            reference::json(&mut old, &report, FailOn::Conflict);
            assert_eq!(text(new), text(old), "{name} json");
            for (i, c) in report.claims.iter().enumerate() {
                assert_eq!(
                    claim_json(i, c, &report),
                    reference::claim_json(i, c, &report)
                );
            }
            for f in &report.findings {
                assert_eq!(
                    finding_json(f, &report),
                    reference::finding_json(f, &report)
                );
            }
        }
    }

    #[test]
    fn json_of_an_empty_report_keeps_its_empty_arrays() {
        let report = crate::report::check(
            &[],
            &crate::catalog::Catalog::default(),
            &crate::checks::Options::default(),
        );
        let (mut new, mut old) = (Vec::new(), Vec::new());
        json(&mut new, &report, FailOn::Conflict).unwrap();
        reference::json(&mut old, &report, FailOn::Conflict);
        assert_eq!(text(new), text(old));
        let (mut new, mut old) = (Vec::new(), Vec::new());
        jsonl(&mut new, &report, FailOn::Conflict).unwrap();
        reference::jsonl(&mut old, &report, FailOn::Conflict);
        assert_eq!(text(new), text(old));
    }

    #[test]
    fn tables_are_the_bytes_comfy_table_gave() {
        for (name, report) in reports() {
            for verbose in [false, true] {
                for color in [false, true] {
                    let style = Style { color, verbose };
                    let (mut new, mut old) = (Vec::new(), Vec::new());
                    table_with_layout(
                        &mut new,
                        &report,
                        FailOn::Conflict,
                        style,
                        Layout::ContentWidth,
                    )
                    .unwrap();
                    reference::table(&mut old, &report, FailOn::Conflict, style);
                    assert_eq!(text(new), text(old), "{name} {style:?}");
                }
            }
        }
    }

    #[test]
    fn quotes_are_cut_as_before() {
        for (_, report) in reports() {
            for c in &report.claims {
                assert_eq!(quote(c), reference::quote(c));
                for sentence in [
                    "é".repeat(159) + " 12",
                    "x".repeat(200) + " 12 " + &"ü".repeat(300),
                    "12 ".to_string() + &"\u{7}".repeat(170),
                    "東京".repeat(100),
                ] {
                    let mut c = c.clone();
                    c.sentence = sentence.into();
                    assert_eq!(quote(&c), reference::quote(&c));
                }
            }
        }
    }

    #[test]
    fn numbers_keep_the_text_of_the_serialise_then_parse_round_trip() {
        let xs = [
            0.0,
            -0.0,
            1.0,
            -3.0,
            99.65,
            // its neighbours
            f64::from_bits(99.65f64.to_bits() - 1),
            f64::from_bits(99.65f64.to_bits() + 1),
            0.1 + 0.2,
            2.3499999999999996,
            3.1415949999999997,
            1e-7,
            -2.5e-300,
            5e-324,
            1e15,
            8.999999999999999e15,
            9e15,
            1e16,
            1.7976931348623157e308,
            f64::MIN_POSITIVE,
            f64::NAN,
            f64::INFINITY,
        ];
        let mut rng = 0x9e37_79b9_7f4a_7c15_u64;
        let random = std::iter::from_fn(|| {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            Some(f64::from_bits(rng))
        });
        let hundredths = (0..100_000).map(|i| f64::from(i) / 100.0 + 0.005);
        let mut not_the_direct_text = 0;
        for x in xs.into_iter().chain(random.take(100_000)).chain(hundredths) {
            let old = serde_json::to_string(&reference::num(x)).unwrap();
            assert_eq!(serde_json::to_string(&num(x)).unwrap(), old, "{x:e}");
            if x.is_finite() && x.fract() != 0.0 && old != serde_json::to_string(&x).unwrap() {
                not_the_direct_text += 1;
            }
        }
        // the round trip matters: writing the f64 directly would differ
        assert!(not_the_direct_text > 0);
    }

    /// Draws `rows` with comfy-table as the report did without a terminal.
    fn comfy_drawn(rows: &[[String; 5]]) -> String {
        let mut t = Table::new();
        t.force_no_tty();
        t.load_preset(UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_header(CLAIM_COLUMNS.to_vec());
        for row in rows {
            t.add_row(row.iter().map(Cell::new).collect::<Vec<_>>());
        }
        if let Some(col) = t.column_mut(0) {
            col.set_constraint(comfy_table::ColumnConstraint::ContentWidth);
        }
        t.to_string().lines().map(|l| format!("  {l}\n")).collect()
    }

    #[test]
    fn drawn_tables_match_comfy_table_on_random_cells() {
        let pieces = [
            "",
            "a",
            "425",
            " ",
            "  ",
            "é",
            "e\u{301}",
            "東京",
            "🎉",
            "👩‍👩‍👧",
            "\u{200b}",
            "\u{7}",
            "\u{1b}[31m",
            "\t",
            "\r",
            "\n",
            "\r\n",
            "…",
            "×",
            "\u{fe0f}",
            "ﾊ",
            "\u{a0}",
            "a longer piece of text",
            "\u{85}",
            "\u{feff}",
            "\u{2028}",
            "x\ny",
        ];
        let mut rng = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move |n: usize| {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            (rng % n as u64) as usize
        };
        for _ in 0..3000 {
            let rows: Vec<[String; 5]> = (0..1 + next(4))
                .map(|_| {
                    std::array::from_fn(|_| {
                        (0..next(5)).map(|_| pieces[next(pieces.len())]).collect()
                    })
                })
                .collect();
            let mut drawn = Vec::new();
            assert!(draw_claim_table(&mut drawn, &rows));
            assert_eq!(text(drawn), comfy_drawn(&rows), "{rows:?}");
        }
    }

    #[test]
    fn very_wide_columns_are_left_to_comfy_table() {
        let row = [
            "x".repeat(MAX_DRAWN_WIDTH + 1),
            "1".into(),
            "".into(),
            "".into(),
            "".into(),
        ];
        let mut drawn = Vec::new();
        assert!(!draw_claim_table(&mut drawn, &[row]));
        assert!(drawn.is_empty());
    }

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
