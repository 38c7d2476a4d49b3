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
}

/// Interprets every document's claims (in parallel, order kept).
pub fn claims_of(docs: &[Document], catalog: &Catalog) -> Vec<(DocInfo, Vec<Claim>)> {
    use rayon::prelude::*;
    docs.par_iter()
        .map(|d| {
            let mentions = pipeline::extract_document(d);
            let claims = interpret::interpret_document(d, &mentions, catalog);
            let mut info = doc_info(d, claims.len());
            let (suppressions, problems) = crate::baseline::suppressions(d);
            info.suppressions = suppressions;
            info.problems = problems;
            (info, claims)
        })
        .collect()
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

/// Reconciles claims already interpreted (from documents or claim files).
pub fn build(
    per_doc: Vec<(DocInfo, Vec<Claim>)>,
    catalog: &Catalog,
    opts: &crate::checks::Options,
) -> Report {
    let mut documents = Vec::new();
    let mut claims = Vec::new();
    for (d, c) in per_doc {
        documents.push(d);
        claims.extend(c);
    }
    let sources = reconcile::sources(&claims);
    let mut findings = reconcile::reconcile(&claims, &sources);
    findings.extend(crate::checks::run(&claims, &sources, catalog, opts));
    reconcile::sort_findings(&mut findings, &claims);
    reconcile::set_fingerprints(&mut findings, &claims);
    Report {
        documents,
        claims,
        sources,
        findings,
    }
}

/// Runs the whole check over loaded documents.
pub fn check(docs: &[Document], catalog: &Catalog, opts: &crate::checks::Options) -> Report {
    build(claims_of(docs, catalog), catalog, opts)
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
        }
    }
}
