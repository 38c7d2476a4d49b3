//! Interpreted claims on disk: the records of `claimcheck claims` (the map
//! step of a sharded run), `check --from-claims` (the reduce step) and the
//! incremental cache.
//!
//! The format is JSON lines, one `document` record followed by its `claim`
//! records, and at the end of a `claimcheck claims` run one `inputs` record:
//! the documents that could not be read, the files passed over and the
//! problems met, so that a reconciliation from shards reports them as a
//! direct run does. Unlike the `check` JSON (a contract for people and tools),
//! these records are faithful: reading them back gives exactly the claims
//! that were written, so a reconciliation from shards equals a direct run.
//!
//! The incremental cache keeps the same content in a binary form ([`pack`],
//! [`unpack`]): it is read back on every warm run, where parsing JSON cost a
//! quarter of the run.

use std::io::{self, BufRead, Write};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::baseline::Suppression;
use crate::catalog::Varies;
use crate::corpus::{Problem, PublishedFrom, Severity as ProblemSeverity};
use crate::date::PartialDate;
use crate::extract::{Kind, ListItem, Qualifier, Value};
use crate::interpret::{AsOf, AsOfSource, Claim, Confidence, Interval, Key, KeySource, Modality};
use crate::report::DocInfo;

/// Version of the claim records written; a reader refuses newer versions.
/// Schema 2 added the `inputs` record (files of schema 1 have none).
pub const SCHEMA: u32 = 2;

/// The oldest version of the claim records this claimcheck reads.
const OLDEST_SCHEMA: u32 = 1;

/// A record as written. Read by [`read`] according to its `type`, each kind
/// into its own struct (not through this enum: serde buffers the fields of
/// an internally tagged enum, which both doubled the cost of reading and
/// would lose the exact text of numbers).
#[derive(Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum Record {
    Header {
        schema: u32,
        tool: String,
        version: String,
    },
    Document(DocRecord),
    Claim(Box<ClaimRecord>),
    Inputs(InputsRecord),
}

/// How the inputs of the run that wrote the file went, beyond its documents.
#[derive(Serialize, Deserialize)]
struct InputsRecord {
    /// Documents that could not be read (each also among `problems`).
    failed: usize,
    skipped: Vec<SkippedRecord>,
    problems: Vec<RunProblemRecord>,
}

/// Files passed over for one reason.
#[derive(Serialize, Deserialize)]
struct SkippedRecord {
    /// `not_an_article` (with its `extension`, if any) or `not_a_regular_file`.
    reason: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    extension: Option<String>,
    count: usize,
}

/// A problem of the run not tied to a document read (a path that could not
/// be read or walked, a FIFO with an article's name).
#[derive(Serialize, Deserialize)]
struct RunProblemRecord {
    path: String,
    #[serde(flatten)]
    problem: ProblemRecord,
}

/// What a claims file says about its run's inputs, besides its documents:
/// the counterpart of [`crate::report::Inputs`] and the run's problems.
#[derive(Debug, Clone, Default)]
pub struct RunInputs {
    /// Documents that could not be read.
    pub failed: usize,
    /// Files in walked directories that were not read, by reason.
    pub skipped: crate::corpus::Skipped,
    /// Problems met finding and reading the documents.
    pub problems: Vec<Problem>,
}

impl RunInputs {
    /// Adds another file's (or shard's) inputs to these.
    pub fn merge(&mut self, other: RunInputs) {
        self.failed += other.failed;
        for (reason, n) in other.skipped.by_reason() {
            self.skipped.add_count(reason.clone(), n);
        }
        self.problems.extend(other.problems);
    }
}

/// A claims file read back: its documents with their claims, and its run's inputs.
#[derive(Debug, Default)]
pub struct ClaimsFile {
    pub documents: Vec<(DocInfo, Vec<Claim>)>,
    pub inputs: RunInputs,
}

#[derive(Serialize, Deserialize)]
struct DocRecord {
    path: String,
    title: Option<String>,
    source: Option<String>,
    published: Option<String>,
    published_from: PublishedFrom,
    claims: usize,
    #[serde(default)]
    suppressions: Vec<SuppressionRecord>,
    #[serde(default)]
    problems: Vec<ProblemRecord>,
}

#[derive(Serialize, Deserialize)]
struct SuppressionRecord {
    line: usize,
    column: usize,
    key: String,
    reason: String,
}

#[derive(Serialize, Deserialize)]
struct ProblemRecord {
    line: Option<usize>,
    column: Option<usize>,
    error: bool,
    message: String,
}

impl ProblemRecord {
    fn from_problem(p: &Problem) -> ProblemRecord {
        ProblemRecord {
            line: p.line,
            column: p.column,
            error: p.is_error(),
            message: p.message.clone(),
        }
    }

    fn into_problem(self, path: String) -> Problem {
        Problem {
            path,
            line: self.line,
            column: self.column,
            severity: if self.error {
                ProblemSeverity::Error
            } else {
                ProblemSeverity::Warning
            },
            message: self.message,
        }
    }
}

/// The `type` of a record, and a header's schema.
#[derive(Deserialize)]
struct Head {
    #[serde(rename = "type")]
    kind: String,
    schema: Option<u32>,
}

/// Numbers read from the exact text written. serde_json's default float
/// parser can land one ulp off (`4099999.9999999995`, `about 4.1 million`,
/// came back as `4099999.999999999`), and then the cache and claim files
/// were not the direct run. The standard library's parser is exact.
mod exact {
    use serde::{de::Error, Deserialize, Deserializer};
    use serde_json::value::RawValue;

    fn parse<E: Error>(raw: &RawValue) -> Result<f64, E> {
        raw.get()
            .parse()
            .map_err(|_| E::custom(format!("not a number: {}", raw.get())))
    }

    pub fn f64<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
        parse(&Box::<RawValue>::deserialize(d)?)
    }

    pub fn option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
        match Option::<Box<RawValue>>::deserialize(d)? {
            Some(raw) => parse(&raw).map(Some),
            None => Ok(None),
        }
    }
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum ValueRecord {
    Number(#[serde(deserialize_with = "exact::f64")] f64),
    Range(
        #[serde(deserialize_with = "exact::f64")] f64,
        #[serde(deserialize_with = "exact::f64")] f64,
    ),
    Date(String),
    DateRange(String, String),
    MonthDay(u8, u8),
}

#[derive(Serialize, Deserialize)]
struct ClaimRecord {
    doc: String,
    line: u32,
    column: u32,
    start: u32,
    end: u32,
    text: Box<str>,
    sentence: std::sync::Arc<str>,
    kind: Kind,
    value: ValueRecord,
    qualifier: String,
    unit: Option<Box<str>>,
    per: Option<String>,
    /// Bounds; `null` is unbounded.
    #[serde(deserialize_with = "exact::option")]
    lo: Option<f64>,
    #[serde(deserialize_with = "exact::option")]
    hi: Option<f64>,
    lo_open: bool,
    hi_open: bool,
    #[serde(deserialize_with = "exact::f64")]
    point: f64,
    key: String,
    subject: String,
    property: String,
    key_source: KeySource,
    key_confidence: Confidence,
    flow: bool,
    as_of: Option<(String, String)>,
    as_of_source: AsOfSource,
    modality: Modality,
    horizon: Option<Box<str>>,
    published: Option<String>,
    varies: Varies,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    items: Option<Box<[ListItem]>>,
    #[serde(default)]
    list_complete: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    weekday: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    implied_year: Option<i32>,
    #[serde(default)]
    conversion: bool,
    sentence_hash: u64,
}

/// What is wrong with a claims file.
#[derive(Debug, thiserror::Error)]
pub enum ClaimsError {
    #[error("{path}: claims file not found")]
    NotFound { path: String },
    #[error("{path}: cannot read: {}", crate::corpus::plain_io_error(.source))]
    Read { path: String, source: io::Error },
    #[error("{path}:{line}: {message}")]
    Bad {
        path: String,
        line: usize,
        message: String,
    },
}

impl ClaimsError {
    /// The error as a file diagnostic: `path:line: error: message`.
    pub fn to_problem(&self) -> Problem {
        match self {
            ClaimsError::NotFound { path } => Problem::error(path, "claims file not found"),
            ClaimsError::Read { path, source } => Problem::error(
                path,
                format!("cannot read: {}", crate::corpus::plain_io_error(source)),
            ),
            ClaimsError::Bad {
                path,
                line,
                message,
            } => Problem {
                line: Some(*line),
                ..Problem::error(path, message)
            },
        }
    }
}

/// Reads a claims file (`-` is standard input).
pub fn read_file(path: &str) -> Result<ClaimsFile, ClaimsError> {
    if path == "-" {
        return read(path, io::stdin().lock());
    }
    let file = std::fs::File::open(path).map_err(|source| {
        if source.kind() == io::ErrorKind::NotFound {
            ClaimsError::NotFound { path: path.into() }
        } else {
            ClaimsError::Read {
                path: path.into(),
                source,
            }
        }
    })?;
    read(path, io::BufReader::new(file))
}

fn date(s: &str) -> Result<PartialDate, String> {
    PartialDate::parse_iso(s).map_err(|e| e.to_string())
}

fn qualifier_name(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Nearly => "nearly",
        other => other.as_str(),
    }
}

fn qualifier_from(s: &str) -> Result<Qualifier, String> {
    Ok(match s {
        "exact" => Qualifier::Exact,
        "approximate" => Qualifier::Approximate,
        "nearly" => Qualifier::Nearly,
        "at_least" => Qualifier::AtLeast,
        "more_than" => Qualifier::MoreThan,
        "at_most" => Qualifier::AtMost,
        "less_than" => Qualifier::LessThan,
        other => return Err(format!("unknown qualifier `{other}`")),
    })
}

fn weekday_from(s: &str) -> Result<jiff::civil::Weekday, String> {
    crate::date::weekday_from_name(s).ok_or_else(|| format!("unknown weekday `{s}`"))
}

fn period_from(s: &str) -> Result<&'static str, String> {
    crate::extract::lexicon::period(s).ok_or_else(|| format!("unknown period `{s}`"))
}

fn bound(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}

impl ClaimRecord {
    fn from_claim(c: &Claim) -> ClaimRecord {
        ClaimRecord {
            doc: c.doc.to_string(),
            line: c.line,
            column: c.column,
            start: c.start,
            end: c.end,
            text: c.text.clone(),
            sentence: c.sentence.clone(),
            kind: c.kind,
            value: match c.value {
                Value::Number(n) => ValueRecord::Number(n),
                Value::Range { min, max } => ValueRecord::Range(min, max),
                Value::Date(d) => ValueRecord::Date(d.to_string()),
                Value::DateRange { min, max } => {
                    ValueRecord::DateRange(min.to_string(), max.to_string())
                }
                Value::MonthDay { month, day } => ValueRecord::MonthDay(month, day),
            },
            qualifier: qualifier_name(c.qualifier).to_string(),
            unit: c.unit.clone(),
            per: c.per.map(str::to_string),
            lo: bound(c.interval.lo),
            hi: bound(c.interval.hi),
            lo_open: c.interval.lo_open,
            hi_open: c.interval.hi_open,
            point: c.interval.point,
            key: c.key.id.clone(),
            subject: c.key.subject.clone(),
            property: c.key.property.clone(),
            key_source: c.key.source,
            key_confidence: c.key.confidence,
            flow: c.flow,
            as_of: c.as_of.map(|a| (a.from.to_string(), a.to.to_string())),
            as_of_source: c.as_of_source,
            modality: c.modality.clone(),
            horizon: c.horizon.clone(),
            published: c.published.map(|p| p.to_string()),
            varies: c.varies,
            items: c.items.clone(),
            list_complete: c.list_complete,
            weekday: c.weekday.map(|w| format!("{w:?}")),
            implied_year: c.implied_year,
            conversion: c.conversion,
            sentence_hash: c.sentence_hash,
        }
    }

    fn into_claim(self, doc: Arc<str>) -> Result<Claim, String> {
        let value = match self.value {
            ValueRecord::Number(n) => Value::Number(n),
            ValueRecord::Range(min, max) => Value::Range { min, max },
            ValueRecord::Date(d) => Value::Date(date(&d)?),
            ValueRecord::DateRange(a, b) => Value::DateRange {
                min: date(&a)?,
                max: date(&b)?,
            },
            ValueRecord::MonthDay(month, day) => Value::MonthDay { month, day },
        };
        let as_of = match self.as_of {
            Some((a, b)) => Some(AsOf {
                from: date(&a)?,
                to: date(&b)?,
            }),
            None => None,
        };
        let per = self.per.as_deref().map(period_from).transpose()?;
        Ok(Claim {
            doc,
            line: self.line,
            column: self.column,
            start: self.start,
            end: self.end,
            text: self.text,
            sentence: self.sentence,
            kind: self.kind,
            value,
            qualifier: qualifier_from(&self.qualifier)?,
            unit: self.unit,
            per,
            interval: Interval {
                lo: self.lo.unwrap_or(f64::NEG_INFINITY),
                hi: self.hi.unwrap_or(f64::INFINITY),
                lo_open: self.lo_open,
                hi_open: self.hi_open,
                point: self.point,
            },
            key: Arc::new(Key {
                id: self.key,
                subject: self.subject,
                property: self.property,
                source: self.key_source,
                confidence: self.key_confidence,
            }),
            flow: self.flow,
            as_of,
            as_of_source: self.as_of_source,
            modality: self.modality,
            horizon: self.horizon,
            published: self.published.as_deref().map(date).transpose()?,
            varies: self.varies,
            items: self.items,
            list_complete: self.list_complete,
            weekday: self.weekday.as_deref().map(weekday_from).transpose()?,
            implied_year: self.implied_year,
            conversion: self.conversion,
            sentence_hash: self.sentence_hash,
        })
    }
}

fn doc_record(d: &DocInfo) -> DocRecord {
    DocRecord {
        path: d.path.clone(),
        title: d.title.clone(),
        source: d.source.clone(),
        published: d.published.map(|p| p.to_string()),
        published_from: d.published_from,
        claims: d.claims,
        suppressions: d
            .suppressions
            .iter()
            .map(|s| SuppressionRecord {
                line: s.line,
                column: s.column,
                key: s.key.clone(),
                reason: s.reason.clone(),
            })
            .collect(),
        problems: d.problems.iter().map(ProblemRecord::from_problem).collect(),
    }
}

fn doc_info(r: DocRecord) -> Result<DocInfo, String> {
    let path = r.path;
    Ok(DocInfo {
        published: r.published.as_deref().map(date).transpose()?,
        suppressions: r
            .suppressions
            .into_iter()
            .map(|s| Suppression {
                doc: path.clone(),
                line: s.line,
                column: s.column,
                key: s.key,
                reason: s.reason,
            })
            .collect(),
        problems: r
            .problems
            .into_iter()
            .map(|p| p.into_problem(path.clone()))
            .collect(),
        title: r.title,
        source: r.source,
        published_from: r.published_from,
        claims: r.claims,
        path,
    })
}

/// Writes a header, then each document followed by its claims.
pub fn write<W: Write>(out: &mut W, docs: &[(DocInfo, Vec<Claim>)]) -> io::Result<()> {
    write_header(out)?;
    for (d, claims) in docs {
        write_document(out, d, claims)?;
    }
    Ok(())
}

/// Writes the header record that starts every claims file.
pub fn write_header<W: Write>(out: &mut W) -> io::Result<()> {
    let header = Record::Header {
        schema: SCHEMA,
        tool: "claimcheck".into(),
        version: env!("CARGO_PKG_VERSION").into(),
    };
    crate::render::write_json_line(out, &header)
}

/// Writes one document and its claims (no header).
pub fn write_document<W: Write>(out: &mut W, d: &DocInfo, claims: &[Claim]) -> io::Result<()> {
    crate::render::write_json_line(out, &Record::Document(doc_record(d)))?;
    for c in claims {
        crate::render::write_json_line(out, &Record::Claim(Box::new(ClaimRecord::from_claim(c))))?;
    }
    Ok(())
}

/// Writes the `inputs` record that ends the output of a `claims` run.
pub fn write_inputs<W: Write>(out: &mut W, inputs: &RunInputs) -> io::Result<()> {
    use crate::corpus::SkipReason;
    let record = InputsRecord {
        failed: inputs.failed,
        skipped: inputs
            .skipped
            .by_reason()
            .map(|(reason, count)| match reason {
                SkipReason::NotAnArticle(extension) => SkippedRecord {
                    reason: "not_an_article".into(),
                    extension: extension.clone(),
                    count,
                },
                SkipReason::NotARegularFile => SkippedRecord {
                    reason: "not_a_regular_file".into(),
                    extension: None,
                    count,
                },
            })
            .collect(),
        problems: inputs
            .problems
            .iter()
            .map(|p| RunProblemRecord {
                path: p.path.clone(),
                problem: ProblemRecord::from_problem(p),
            })
            .collect(),
    };
    crate::render::write_json_line(out, &Record::Inputs(record))
}

/// The [`RunInputs`] an `inputs` record holds.
fn run_inputs(r: InputsRecord) -> Result<RunInputs, String> {
    use crate::corpus::SkipReason;
    let mut inputs = RunInputs {
        failed: r.failed,
        ..RunInputs::default()
    };
    for s in r.skipped {
        let reason = match s.reason.as_str() {
            "not_an_article" => SkipReason::NotAnArticle(s.extension),
            "not_a_regular_file" => SkipReason::NotARegularFile,
            other => return Err(format!("unknown reason for a skipped file `{other}`")),
        };
        inputs.skipped.add_count(reason, s.count);
    }
    inputs.problems = r
        .problems
        .into_iter()
        .map(|p| p.problem.into_problem(p.path))
        .collect();
    Ok(inputs)
}

/// How a claim record written by [`write`] starts.
const CLAIM_TAG: &str = r#"{"type":"claim","#;

/// Reads claim records written by [`write`]; `path` names the source in errors.
pub fn read<R: BufRead>(path: &str, input: R) -> Result<ClaimsFile, ClaimsError> {
    let mut docs: Vec<(DocInfo, Vec<Claim>)> = Vec::new();
    let mut inputs = RunInputs::default();
    let mut current: Option<Arc<str>> = None;
    for (n, line) in input.lines().enumerate() {
        let line_no = n + 1;
        let line = line.map_err(|source| ClaimsError::Read {
            path: path.into(),
            source,
        })?;
        if line.trim().is_empty() {
            continue;
        }
        let bad = |message: String| ClaimsError::Bad {
            path: path.into(),
            line: line_no,
            message,
        };
        let not_a_record =
            |e: serde_json::Error| bad(format!("not a claimcheck claim record: {e}"));
        // claim records, nearly all of them, as written: tag first
        let kind = if line.starts_with(CLAIM_TAG) {
            Head {
                kind: "claim".into(),
                schema: None,
            }
        } else {
            serde_json::from_str::<Head>(&line).map_err(not_a_record)?
        };
        match kind.kind.as_str() {
            "header" => {
                let schema = kind
                    .schema
                    .ok_or_else(|| bad("a header record without a schema".into()))?;
                if !(OLDEST_SCHEMA..=SCHEMA).contains(&schema) {
                    return Err(bad(format!(
                        "claim records of schema {schema}; this claimcheck reads schemas \
                         {OLDEST_SCHEMA} to {SCHEMA}"
                    )));
                }
            }
            "document" => {
                let d: DocRecord = serde_json::from_str(&line).map_err(not_a_record)?;
                let info = doc_info(d).map_err(bad)?;
                current = Some(Arc::from(info.path.as_str()));
                docs.push((info, Vec::new()));
            }
            "claim" => {
                let c: ClaimRecord = serde_json::from_str(&line).map_err(not_a_record)?;
                let doc = current
                    .clone()
                    .ok_or_else(|| bad("a claim record before any document record".into()))?;
                if *doc != *c.doc {
                    return Err(bad(format!("claim of `{}` under document `{doc}`", c.doc)));
                }
                let mut claim = c.into_claim(doc).map_err(bad)?;
                let claims = &mut docs.last_mut().expect("a document was read").1;
                // claims of one sentence share its quote, as when interpreted
                if let Some(prev) = claims.last() {
                    if prev.sentence == claim.sentence {
                        claim.sentence = prev.sentence.clone();
                    }
                }
                claims.push(claim);
            }
            "inputs" => {
                let r: InputsRecord = serde_json::from_str(&line).map_err(not_a_record)?;
                // files joined with `cat` hold one per run
                inputs.merge(run_inputs(r).map_err(bad)?);
            }
            other => {
                return Err(bad(format!(
                    "not a claimcheck claim record: unknown type `{other}` \
                     (expected header, document, claim or inputs)"
                )))
            }
        }
    }
    Ok(ClaimsFile {
        documents: docs,
        inputs,
    })
}

// ---------------------------------------------------------------------------
// The incremental cache's binary form

/// A document and its claims as the incremental cache stores them: the
/// content of the JSON records in postcard's binary encoding, with each
/// distinct sentence and key written once per document and numbers as
/// their bits. Reading the JSON back was a quarter of a warm run's CPU, and
/// a pack of JSON records took four times the corpus's bytes (each claim
/// repeated its sentence).
#[derive(Serialize, Deserialize)]
struct PackedDocument<'a> {
    doc: DocRecord,
    /// What reading the file said (front matter warnings): a run that
    /// knows the file unchanged without reading it reports them from here.
    read_problems: Vec<ProblemRecord>,
    #[serde(borrow)]
    sentences: Vec<&'a str>,
    keys: Vec<PackedKey>,
    #[serde(borrow)]
    claims: Vec<PackedClaim<'a>>,
}

#[derive(Serialize, Deserialize)]
struct PackedKey {
    id: String,
    subject: String,
    property: String,
    source: KeySource,
    confidence: Confidence,
}

/// A date as its parts: year, month, day.
type PackedDate = (i16, Option<u8>, Option<u8>);

fn pack_date(d: PartialDate) -> PackedDate {
    (d.year, d.month, d.day)
}

fn unpack_date((year, month, day): PackedDate) -> PartialDate {
    PartialDate { year, month, day }
}

#[derive(Serialize, Deserialize)]
enum PackedValue {
    Number(f64),
    Range(f64, f64),
    Date(PackedDate),
    DateRange(PackedDate, PackedDate),
    MonthDay(u8, u8),
}

/// A claim; `sentence` and `key` index the document's lists. Names of
/// closed sets (qualifier, period) are borrowed from the entry, not copied.
#[derive(Serialize, Deserialize)]
struct PackedClaim<'a> {
    line: u32,
    column: u32,
    start: u32,
    end: u32,
    text: Box<str>,
    sentence: usize,
    kind: Kind,
    value: PackedValue,
    qualifier: &'a str,
    unit: Option<Box<str>>,
    per: Option<&'a str>,
    /// The interval's bounds and point as they are, infinite or not.
    interval: (f64, f64, bool, bool, f64),
    key: usize,
    flow: bool,
    as_of: Option<(PackedDate, PackedDate)>,
    as_of_source: AsOfSource,
    modality: Modality,
    horizon: Option<Box<str>>,
    published: Option<PackedDate>,
    varies: Varies,
    items: Option<Box<[ListItem]>>,
    list_complete: bool,
    /// Monday is 0.
    weekday: Option<i8>,
    implied_year: Option<i32>,
    conversion: bool,
    sentence_hash: u64,
}

/// A document, its claims and the problems reading it met, in the cache's
/// binary form (see [`unpack`]).
pub fn pack(d: &DocInfo, claims: &[Claim], read_problems: &[Problem]) -> Vec<u8> {
    let mut sentences: Vec<&str> = Vec::new();
    let mut sentence_at: rustc_hash::FxHashMap<&str, usize> = Default::default();
    let mut keys: Vec<PackedKey> = Vec::new();
    let mut key_at: rustc_hash::FxHashMap<&Key, usize> = Default::default();
    let mut packed = Vec::with_capacity(claims.len());
    for c in claims {
        let sentence = *sentence_at.entry(&c.sentence).or_insert_with(|| {
            sentences.push(&c.sentence);
            sentences.len() - 1
        });
        let key = *key_at.entry(&c.key).or_insert_with(|| {
            keys.push(PackedKey {
                id: c.key.id.clone(),
                subject: c.key.subject.clone(),
                property: c.key.property.clone(),
                source: c.key.source,
                confidence: c.key.confidence,
            });
            keys.len() - 1
        });
        let i = &c.interval;
        packed.push(PackedClaim {
            line: c.line,
            column: c.column,
            start: c.start,
            end: c.end,
            text: c.text.clone(),
            sentence,
            kind: c.kind,
            value: match c.value {
                Value::Number(n) => PackedValue::Number(n),
                Value::Range { min, max } => PackedValue::Range(min, max),
                Value::Date(d) => PackedValue::Date(pack_date(d)),
                Value::DateRange { min, max } => {
                    PackedValue::DateRange(pack_date(min), pack_date(max))
                }
                Value::MonthDay { month, day } => PackedValue::MonthDay(month, day),
            },
            qualifier: qualifier_name(c.qualifier),
            unit: c.unit.clone(),
            per: c.per,
            interval: (i.lo, i.hi, i.lo_open, i.hi_open, i.point),
            key,
            flow: c.flow,
            as_of: c.as_of.map(|a| (pack_date(a.from), pack_date(a.to))),
            as_of_source: c.as_of_source,
            modality: c.modality.clone(),
            horizon: c.horizon.clone(),
            published: c.published.map(pack_date),
            varies: c.varies,
            items: c.items.clone(),
            list_complete: c.list_complete,
            weekday: c.weekday.map(|w| w.to_monday_zero_offset()),
            implied_year: c.implied_year,
            conversion: c.conversion,
            sentence_hash: c.sentence_hash,
        });
    }
    let document = PackedDocument {
        doc: doc_record(d),
        read_problems: read_problems
            .iter()
            .map(ProblemRecord::from_problem)
            .collect(),
        sentences,
        keys,
        claims: packed,
    };
    // encoding into a Vec fails only for types postcard cannot encode
    postcard::to_allocvec(&document).expect("claim records encode")
}

/// A document, its claims and the problems reading it met.
pub type Unpacked = (DocInfo, Vec<Claim>, Vec<Problem>);

/// A document and its claims from [`pack`]'s bytes: exactly the claims
/// packed, sharing one quote per sentence and one key per key, as when
/// interpreted.
pub fn unpack(bytes: &[u8]) -> Result<Unpacked, String> {
    let document: PackedDocument =
        postcard::from_bytes(bytes).map_err(|e| format!("not a packed claims entry: {e}"))?;
    let info = doc_info(document.doc)?;
    let read_problems = document
        .read_problems
        .into_iter()
        .map(|p| p.into_problem(info.path.clone()))
        .collect();
    let doc: Arc<str> = Arc::from(info.path.as_str());
    let sentences: Vec<Arc<str>> = document.sentences.into_iter().map(Arc::from).collect();
    let keys: Vec<Arc<Key>> = document
        .keys
        .into_iter()
        .map(|k| {
            Arc::new(Key {
                id: k.id,
                subject: k.subject,
                property: k.property,
                source: k.source,
                confidence: k.confidence,
            })
        })
        .collect();
    let claims = document
        .claims
        .into_iter()
        .map(|c| {
            let (lo, hi, lo_open, hi_open, point) = c.interval;
            Ok(Claim {
                doc: doc.clone(),
                line: c.line,
                column: c.column,
                start: c.start,
                end: c.end,
                text: c.text,
                sentence: sentences
                    .get(c.sentence)
                    .ok_or("a claim's sentence is out of range")?
                    .clone(),
                kind: c.kind,
                value: match c.value {
                    PackedValue::Number(n) => Value::Number(n),
                    PackedValue::Range(min, max) => Value::Range { min, max },
                    PackedValue::Date(d) => Value::Date(unpack_date(d)),
                    PackedValue::DateRange(min, max) => Value::DateRange {
                        min: unpack_date(min),
                        max: unpack_date(max),
                    },
                    PackedValue::MonthDay(month, day) => Value::MonthDay { month, day },
                },
                qualifier: qualifier_from(c.qualifier)?,
                unit: c.unit,
                per: c.per.map(period_from).transpose()?,
                interval: Interval {
                    lo,
                    hi,
                    lo_open,
                    hi_open,
                    point,
                },
                key: keys
                    .get(c.key)
                    .ok_or("a claim's key is out of range")?
                    .clone(),
                flow: c.flow,
                as_of: c.as_of.map(|(from, to)| AsOf {
                    from: unpack_date(from),
                    to: unpack_date(to),
                }),
                as_of_source: c.as_of_source,
                modality: c.modality,
                horizon: c.horizon,
                published: c.published.map(unpack_date),
                varies: c.varies,
                items: c.items,
                list_complete: c.list_complete,
                weekday: c
                    .weekday
                    .map(|n| {
                        jiff::civil::Weekday::from_monday_zero_offset(n)
                            .map_err(|_| format!("weekday {n} out of range"))
                    })
                    .transpose()?,
                implied_year: c.implied_year,
                conversion: c.conversion,
                sentence_hash: c.sentence_hash,
            })
        })
        .collect::<Result<Vec<Claim>, String>>()?;
    if claims.len() != info.claims {
        return Err(format!(
            "{} claims where the document record says {}",
            claims.len(),
            info.claims
        ));
    }
    Ok((info, claims, read_problems))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{document_from_text, LoadOptions};

    #[test]
    fn claims_round_trip_exactly() {
        let text = "---\npublished: 2025-12-05\n---\nThe network has more than 4,600 member cities. On Thursday, December 4, it admitted 72 cities, including A, B and C. Costs were VND10 billion/year (about USD390,000/year). The 949-year-old University was founded in 1076. Ovre Fai has a population of about 4.1 million.\n".to_string();
        let (doc, _) = document_from_text("a.md", text, &LoadOptions::default()).unwrap();
        let per_doc = crate::report::claims_of(&[doc], &crate::catalog::Catalog::default());
        let mut buf = Vec::new();
        write(&mut buf, &per_doc).unwrap();
        let back = read("mem", &buf[..]).unwrap().documents;
        let mut again = Vec::new();
        write(&mut again, &back).unwrap();
        assert_eq!(
            String::from_utf8(buf).unwrap(),
            String::from_utf8(again).unwrap()
        );
        assert_eq!(back[0].1.len(), per_doc[0].1.len());
    }

    #[test]
    fn packed_claims_are_the_claims_packed() {
        // every form the bundled corpus and the fixtures hold (lists, money
        // per period, ranges, dates, weekdays, ages, targets, suppressions)
        let corpus = crate::corpus::load(
            &["corpus".to_string(), "tests/fixtures".to_string()],
            &LoadOptions::default(),
        );
        let per_doc =
            crate::report::claims_of(&corpus.documents, &crate::catalog::Catalog::default());
        let total: usize = per_doc.iter().map(|(_, c)| c.len()).sum();
        assert!(total > 200, "{total} claims");
        let back: Vec<(DocInfo, Vec<Claim>)> = per_doc
            .iter()
            .map(|(d, c)| {
                let (d, c, _) = unpack(&pack(d, c, &[])).unwrap();
                (d, c)
            })
            .collect();
        // the JSON records are faithful (see claims_round_trip_exactly)
        let (mut packed, mut direct) = (Vec::new(), Vec::new());
        write(&mut packed, &back).unwrap();
        write(&mut direct, &per_doc).unwrap();
        assert_eq!(
            String::from_utf8(packed).unwrap(),
            String::from_utf8(direct).unwrap()
        );
        // claims of one sentence share its quote, as when interpreted
        for (_, claims) in &back {
            for pair in claims.windows(2) {
                if pair[0].sentence == pair[1].sentence {
                    assert!(Arc::ptr_eq(&pair[0].sentence, &pair[1].sentence));
                }
            }
        }
    }

    #[test]
    fn a_damaged_pack_is_an_error_not_a_panic() {
        let text = "The network has 425 member cities in 91 countries.\n".to_string();
        let (doc, _) = document_from_text("a.md", text, &LoadOptions::default()).unwrap();
        let per_doc = crate::report::claims_of(&[doc], &crate::catalog::Catalog::default());
        let bytes = pack(&per_doc[0].0, &per_doc[0].1, &[]);
        assert!(unpack(&bytes).is_ok());
        for cut in 0..bytes.len() {
            assert!(unpack(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        for i in 0..bytes.len() {
            let mut b = bytes.clone();
            b[i] ^= 0xff;
            let _ = unpack(&b); // an error or other claims, never a panic
        }
        assert!(unpack(b"{\"type\":\"document\"}").is_err());
    }

    #[test]
    fn a_missing_file_says_so_in_plain_words() {
        let e = read_file("no/such/shard.jsonl").unwrap_err();
        assert_eq!(
            e.to_problem().to_string(),
            "no/such/shard.jsonl: error: claims file not found"
        );
        let dir = tempfile::tempdir().unwrap();
        let e = read_file(&dir.path().display().to_string()).unwrap_err();
        assert!(!e.to_string().contains("os error"), "{e}");
    }

    #[test]
    fn inputs_round_trip_and_add_up_across_runs() {
        use crate::corpus::SkipReason;
        let mut skipped = crate::corpus::Skipped::default();
        skipped.add_count(SkipReason::NotAnArticle(Some("png".into())), 2);
        skipped.add_count(SkipReason::NotAnArticle(None), 1);
        skipped.add(SkipReason::NotARegularFile);
        let inputs = RunInputs {
            failed: 1,
            skipped,
            problems: vec![
                Problem::error("corpus/bad.md", "not valid UTF-8").at(3, 7),
                Problem::warning("corpus/pipe.md", "skipped: not a regular file"),
            ],
        };
        let mut buf = Vec::new();
        write_header(&mut buf).unwrap();
        write_inputs(&mut buf, &inputs).unwrap();
        // two runs' files joined with `cat`: each run's counts are added
        let twice = [&buf[..], &buf[..]].concat();
        let back = read("shard.jsonl", &twice[..]).unwrap();
        assert!(back.documents.is_empty());
        assert_eq!(back.inputs.failed, 2);
        let reasons: Vec<(String, usize)> = back
            .inputs
            .skipped
            .by_reason()
            .map(|(r, n)| (r.to_string(), n))
            .collect();
        assert_eq!(
            reasons,
            [
                ("not an article (no extension)".to_string(), 2),
                ("not an article (.png)".to_string(), 4),
                ("not a regular file".to_string(), 2),
            ]
        );
        assert_eq!(back.inputs.problems.len(), 4);
        assert_eq!(back.inputs.problems[0], inputs.problems[0]);
        assert_eq!(back.inputs.problems[1], inputs.problems[1]);
        // schema 1 files (before the record existed) are still read
        let old = "{\"type\":\"header\",\"schema\":1,\"tool\":\"claimcheck\",\"version\":\"0\"}\n";
        assert_eq!(read("old.jsonl", old.as_bytes()).unwrap().inputs.failed, 0);
    }

    #[test]
    fn bad_records_name_the_line() {
        let input = "{\"type\":\"header\",\"schema\":1,\"tool\":\"claimcheck\",\"version\":\"0\"}\n{\"type\":\"claim\"}\n";
        let e = read("shard-1.jsonl", input.as_bytes()).unwrap_err();
        assert!(e.to_string().starts_with("shard-1.jsonl:2:"), "{e}");
        let input =
            "{\"type\":\"header\",\"schema\":7,\"tool\":\"claimcheck\",\"version\":\"0\"}\n";
        assert!(read("s", input.as_bytes())
            .unwrap_err()
            .to_string()
            .contains("schema 7"));
    }
}
