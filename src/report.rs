//! A whole `check` run as data: documents, claims, findings and a summary.
//! Renderers turn a [`Report`] into text; nothing here prints.

use serde::Serialize;

use crate::catalog::Catalog;
use crate::corpus::{Document, PublishedFrom};
use crate::date::PartialDate;
use crate::interpret::{self, Claim};
use crate::pipeline;
use crate::reconcile::{self, Finding, FindingKind, Severity, Sources};

/// What is kept of a document after its claims are extracted.
#[derive(Debug, Clone, Serialize)]
pub struct DocInfo {
    pub path: String,
    pub title: Option<String>,
    pub source: Option<String>,
    pub published: Option<PartialDate>,
    pub published_from: PublishedFrom,
    pub claims: usize,
    /// Inline `claimcheck: ignore` comments found in the article.
    #[serde(skip)]
    pub suppressions: Vec<crate::baseline::Suppression>,
    /// Problems found while interpreting (a malformed ignore comment).
    #[serde(skip)]
    pub problems: Vec<crate::corpus::Problem>,
}

/// The result of `claimcheck check`.
#[derive(Debug, Clone)]
pub struct Report {
    pub documents: Vec<DocInfo>,
    pub claims: Vec<Claim>,
    pub sources: Sources,
    pub findings: Vec<Finding>,
    /// Documents read, failed and taken from the cache.
    pub inputs: Inputs,
    /// Findings accepted by the baseline or an inline ignore (not shown).
    pub suppressed: usize,
}

/// Interprets every document's claims (in parallel, order kept).
pub fn claims_of(docs: &[Document], catalog: &Catalog) -> Vec<(DocInfo, Vec<Claim>)> {
    use rayon::prelude::*;
    docs.par_iter().map(|d| claims_of_one(d, catalog)).collect()
}

/// One document's claims, and what is kept of the document: its metadata,
/// inline ignores and the problems interpreting it met.
fn claims_of_one(d: &Document, catalog: &Catalog) -> (DocInfo, Vec<Claim>) {
    let mentions = pipeline::extract_document(d);
    let claims = interpret::interpret_document(d, &mentions, catalog);
    let mut info = doc_info(d, claims.len());
    let (suppressions, problems) = crate::baseline::suppressions(d);
    info.suppressions = suppressions;
    info.problems = problems;
    (info, claims)
}

pub fn doc_info(d: &Document, claims: usize) -> DocInfo {
    DocInfo {
        path: d.path.clone(),
        title: d.meta.title.clone(),
        source: d.meta.source.clone(),
        published: d.meta.published,
        published_from: d.published_from,
        claims,
        suppressions: Vec::new(),
        problems: Vec::new(),
    }
}

/// Documents and their claims: all claims in one vector, in document
/// order, `documents[i].claims` of them for document `i`.
///
/// One vector from the start, not one per document flattened later: the
/// per-document vectors and their flattened copy were both resident at
/// the peak of a run (about 1.4 GB of the peak on a 1 GB corpus).
#[derive(Debug, Default)]
pub struct Claimed {
    pub documents: Vec<DocInfo>,
    pub claims: Vec<Claim>,
}

impl Claimed {
    /// From per-document claims in any order (claim files, shards): sorted
    /// by document path, so every source of claims gives the same report.
    pub fn from_per_doc(mut per_doc: Vec<(DocInfo, Vec<Claim>)>) -> Claimed {
        per_doc.sort_by(|a, b| a.0.path.cmp(&b.0.path));
        let mut out = Claimed {
            documents: Vec::with_capacity(per_doc.len()),
            claims: Vec::with_capacity(per_doc.iter().map(|(_, c)| c.len()).sum()),
        };
        for (d, c) in per_doc {
            out.push(d, c);
        }
        out
    }

    fn push(&mut self, mut info: DocInfo, claims: Vec<Claim>) {
        info.claims = claims.len();
        self.documents.push(info);
        self.claims.extend(claims);
    }

    /// Each document with its claims.
    pub fn per_document(&self) -> impl Iterator<Item = (&DocInfo, &[Claim])> {
        let mut at = 0;
        self.documents.iter().map(move |d| {
            let claims = &self.claims[at..at + d.claims];
            at += d.claims;
            (d, claims)
        })
    }
}

/// The documents and claims read, the problems met, and the input counts.
pub type Collected = (Claimed, Vec<crate::corpus::Problem>, Inputs);

/// Documents read and extracted together by [`collect`]: enough to keep
/// every thread busy, few enough that their claims, held per document
/// until they join the one vector, stay a small part of memory.
const COLLECT_CHUNK: usize = 1024;

/// How the inputs of a run went: nothing is lost without a count.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Inputs {
    /// Documents read and checked.
    pub read: usize,
    /// Documents that could not be read (each reported as an error).
    pub failed: usize,
    /// Documents whose claims came from the cache.
    pub from_cache: usize,
    /// Files in walked directories that were not read (not articles), by reason.
    pub skipped: crate::corpus::Skipped,
}

/// Reads, extracts and interprets every document under `paths` in
/// parallel, one document at a time per thread: a document's text is
/// dropped as soon as its claims are made, so memory grows with claims,
/// not with bytes. Results keep the sorted document order. With a cache,
/// this is the cache's run: it is finished (compacted when due) at the end.
pub fn collect(
    paths: &[String],
    load: &crate::corpus::LoadOptions,
    catalog: &Catalog,
    cache: Option<&crate::cache::Cache>,
    progress: &crate::progress::Progress,
) -> Collected {
    // Claims of one key share one `Key` allocation from the start, not only
    // after `build`: the keys were a third of the memory held while reading.
    // Interned by whole value, so which thread interned first changes nothing.
    let keys: std::sync::Mutex<rustc_hash::FxHashSet<std::sync::Arc<crate::interpret::Key>>> =
        Default::default();
    let intern = |claims: &mut [Claim]| {
        if let Ok(mut keys) = keys.lock() {
            for c in claims {
                match keys.get(&*c.key) {
                    Some(k) => c.key = k.clone(),
                    None => {
                        keys.insert(c.key.clone());
                    }
                }
            }
        }
    };
    let mut claimed = Claimed::default();
    let (problems, inputs) = for_each_chunk(
        paths,
        load,
        catalog,
        cache,
        progress,
        &intern,
        |sources, chunk| {
            let read = claimed.documents.len();
            if read == 0 {
                claimed.documents.reserve(sources);
            }
            let incoming: usize = chunk.iter().map(|(_, c)| c.len()).sum();
            if read > 0 && claimed.claims.len() + incoming > claimed.claims.capacity() {
                // room for the rest at the rate so far, and a quarter more: one
                // reallocation, not a doubling (whose old and new copies would
                // both be resident at the end)
                let rate = (claimed.claims.len() + incoming) as f64 / (read + chunk.len()) as f64;
                let expected = (rate * sources as f64 * 1.25) as usize;
                claimed
                    .claims
                    .reserve(expected.saturating_sub(claimed.claims.len()).max(incoming));
            }
            for (info, claims) in chunk {
                claimed.push(info, claims);
            }
            std::ops::ControlFlow::Continue(())
        },
    );
    (claimed, problems, inputs)
}

/// What [`collect`] does, without holding the claims: the documents read
/// are handed to `each` in sorted order, a chunk at a time (with the number
/// of documents found), and dropped after it returns; `each` can stop the
/// run (its output is gone). `prepare` sees each document's claims first, on
/// the thread that made them. `claims` streams its records this way, so a
/// shard of any size needs the memory of one chunk.
pub fn for_each_chunk(
    paths: &[String],
    load: &crate::corpus::LoadOptions,
    catalog: &Catalog,
    cache: Option<&crate::cache::Cache>,
    progress: &crate::progress::Progress,
    prepare: &(dyn Fn(&mut [Claim]) + Sync),
    mut each: impl FnMut(usize, Vec<(DocInfo, Vec<Claim>)>) -> std::ops::ControlFlow<()>,
) -> (Vec<crate::corpus::Problem>, Inputs) {
    use rayon::prelude::*;
    let crate::corpus::Discovery {
        sources,
        mut problems,
        skipped,
    } = crate::corpus::discover_with_skipped(paths);
    progress.start(&sources);
    let one = |src: &crate::corpus::Source| {
        let r = match cache.and_then(|c| unchanged(c, src)) {
            Some((info, claims, doc_problems)) => Ok((info, claims, doc_problems, true)),
            None => crate::corpus::read_document_stamped(src, load)
                .and_then(|read| crate::corpus::claimable(&read.0).map(|()| read))
                .map(|(doc, doc_problems, file)| {
                    let make = || claims_of_one(&doc, catalog);
                    let (info, claims, hit) = match cache {
                        Some(c) => c.get_or_make(&doc, &doc_problems, file.as_ref(), make),
                        None => {
                            let (info, claims) = make();
                            (info, claims, false)
                        }
                    };
                    (info, claims, doc_problems, hit)
                }),
        };
        let r = r.map(|(info, mut claims, doc_problems, hit)| {
            prepare(&mut claims);
            (info, claims, doc_problems, hit)
        });
        progress.advance(src);
        r
    };
    let mut inputs = Inputs {
        skipped,
        ..Inputs::default()
    };
    for chunk in sources.chunks(COLLECT_CHUNK) {
        let results: Vec<_> = chunk.par_iter().map(one).collect();
        let mut read = Vec::with_capacity(results.len());
        for r in results {
            match r {
                Ok((info, claims, doc_problems, hit)) => {
                    inputs.read += 1;
                    inputs.from_cache += usize::from(hit);
                    problems.extend(doc_problems);
                    read.push((info, claims));
                }
                Err(p) => {
                    inputs.failed += 1;
                    problems.push(p);
                }
            }
        }
        if each(sources.len(), read).is_break() {
            break;
        }
    }
    progress.finish();
    if let Some(c) = cache {
        c.finish();
    }
    sort_problems(&mut problems);
    (problems, inputs)
}

/// The claims of a file the cache knows unchanged by its stamp (see
/// [`crate::cache::Cache::unchanged`]), found without reading the file.
fn unchanged(
    cache: &crate::cache::Cache,
    src: &crate::corpus::Source,
) -> Option<crate::claims_io::Unpacked> {
    if !cache.knows_files() {
        return None;
    }
    let meta = std::fs::metadata(src.kind.path()?).ok()?;
    cache.unchanged(&src.path, &meta)
}

/// Problems in the order a run reports them: by file, place and message.
pub fn sort_problems(problems: &mut [crate::corpus::Problem]) {
    problems.sort_by(|a, b| {
        (&a.path, a.line, a.column, &a.message).cmp(&(&b.path, b.line, b.column, &b.message))
    });
}

/// Reconciles claims already interpreted (from documents or claim files),
/// in document path order (as [`collect`] and [`Claimed::from_per_doc`]
/// give them).
pub fn build(claimed: Claimed, catalog: &Catalog, opts: &crate::checks::Options) -> Report {
    let Claimed {
        documents,
        mut claims,
    } = claimed;
    // one shared key per key id and confidence: claims of a key point at one
    // allocation, the first one in document order (looked up by `&str`, so
    // no key string is copied per claim)
    use crate::interpret::Key;
    use std::sync::Arc;
    let mut keys: rustc_hash::FxHashMap<String, Vec<Arc<Key>>> = Default::default();
    // claims from `collect` already share one allocation per whole key:
    // each allocation is looked up by its id once, then by its address
    // (the map holds the allocation too, so no address is reused)
    let mut by_address: rustc_hash::FxHashMap<*const Key, (Arc<Key>, Arc<Key>)> =
        Default::default();
    for claim in &mut claims {
        let address = Arc::as_ptr(&claim.key);
        let shared = match by_address.get(&address) {
            Some((_, shared)) => shared.clone(),
            None => {
                let shared = match keys.get_mut(claim.key.id.as_str()) {
                    Some(same_id) => {
                        match same_id
                            .iter()
                            .find(|k| k.confidence == claim.key.confidence)
                        {
                            Some(k) => k.clone(),
                            None => {
                                same_id.push(claim.key.clone());
                                claim.key.clone()
                            }
                        }
                    }
                    None => {
                        keys.insert(claim.key.id.clone(), vec![claim.key.clone()]);
                        claim.key.clone()
                    }
                };
                by_address.insert(address, (claim.key.clone(), shared.clone()));
                shared
            }
        };
        if !Arc::ptr_eq(&shared, &claim.key) {
            claim.key = shared;
        }
    }
    // the replaced allocations go now, not after reconciliation
    drop((by_address, keys));
    crate::timing::phase("  sharing keys");
    let sources = reconcile::sources(&claims);
    crate::timing::phase("  copy detection");
    let mut findings = reconcile::reconcile(&claims, &sources);
    crate::timing::phase("  judging keys");
    findings.extend(crate::checks::run(&claims, &sources, catalog, opts));
    crate::timing::phase("  checks");
    reconcile::sort_findings(&mut findings, &claims);
    crate::timing::phase("  sorting");
    reconcile::set_fingerprints(&mut findings, &claims);
    crate::timing::phase("  fingerprints");
    let inputs = Inputs {
        read: documents.len(),
        ..Inputs::default()
    };
    Report {
        documents,
        claims,
        sources,
        findings,
        inputs,
        suppressed: 0,
    }
}

/// Runs the whole check over loaded documents.
pub fn check(docs: &[Document], catalog: &Catalog, opts: &crate::checks::Options) -> Report {
    build(
        Claimed::from_per_doc(claims_of(docs, catalog)),
        catalog,
        opts,
    )
}

/// When a run fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum FailOn {
    /// Any error-severity finding (gross conflicts).
    Error,
    /// Any conflict, gross or minor (the default).
    #[default]
    Conflict,
    /// Any finding of warning severity or above.
    Warning,
    /// Never: always exit 0 unless the input is broken.
    Never,
}

impl FailOn {
    pub fn trips(&self, f: &Finding) -> bool {
        match self {
            FailOn::Error => f.severity == Severity::Error,
            FailOn::Conflict => f.kind == FindingKind::Conflict || f.severity == Severity::Error,
            FailOn::Warning => f.severity >= Severity::Warning,
            FailOn::Never => false,
        }
    }
}

/// Counts for the summary line and record.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub documents: usize,
    pub claims: usize,
    pub findings: usize,
    pub by_kind: std::collections::BTreeMap<&'static str, usize>,
    pub by_severity: std::collections::BTreeMap<&'static str, usize>,
    pub failing: usize,
    /// Documents read, failed (reported as errors) and taken from the
    /// cache, and files skipped.
    pub inputs: Inputs,
    /// Findings accepted by the baseline or inline ignores.
    pub suppressed: usize,
}

impl Report {
    pub fn summary(&self, fail_on: FailOn) -> Summary {
        let mut by_kind = std::collections::BTreeMap::new();
        let mut by_severity = std::collections::BTreeMap::new();
        for f in &self.findings {
            *by_kind.entry(f.kind.as_str()).or_insert(0) += 1;
            *by_severity.entry(f.severity.as_str()).or_insert(0) += 1;
        }
        Summary {
            documents: self.documents.len(),
            claims: self.claims.len(),
            findings: self.findings.len(),
            by_kind,
            by_severity,
            failing: self.findings.iter().filter(|f| fail_on.trips(f)).count(),
            inputs: self.inputs.clone(),
            suppressed: self.suppressed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{document_from_text, LoadOptions};

    #[test]
    fn claims_from_any_order_come_back_per_document_in_path_order() {
        let docs: Vec<Document> = [
            ("b.md", "Beta has 6 member cities and 2 parks.\n"),
            ("a.md", "Alpha has 5 member cities.\n"),
            ("c.md", "No numbers here.\n"),
        ]
        .into_iter()
        .map(|(p, t)| {
            document_from_text(p, t.to_string(), &LoadOptions::default())
                .unwrap()
                .0
        })
        .collect();
        let claimed = Claimed::from_per_doc(claims_of(&docs, &Catalog::default()));
        let per_doc: Vec<(&str, Vec<&str>)> = claimed
            .per_document()
            .map(|(d, c)| (d.path.as_str(), c.iter().map(|c| &*c.text).collect()))
            .collect();
        assert_eq!(
            per_doc,
            [
                ("a.md", vec!["5"]),
                ("b.md", vec!["6", "2"]),
                ("c.md", vec![])
            ]
        );
        assert_eq!(claimed.claims.len(), 3);
    }
}
