//! Consistency checks beyond pairwise comparison: the things a careful
//! editor catches inside one article or across several.
//!
//! Each check is its own module and yields findings of its own kind. A
//! check that ran and passed yields a record of the same kind with severity
//! `info`, so the JSON shows what was checked, not only what failed.

pub(crate) mod age_year;
mod arithmetic;
mod count_list;
mod percent_base;
mod rates;
mod weekday;

use crate::catalog::Catalog;
use crate::interpret::Claim;
use crate::reconcile::{Finding, FindingKind, Severity, Sources};

/// Settings of the checks.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// How far an implied conversion rate may be from the median of the
    /// others (a fraction: 0.05 is 5%).
    pub rate_tolerance: f64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            rate_tolerance: 0.05,
        }
    }
}

/// Runs every consistency check on the original (non-copy) claims.
pub fn run(claims: &[Claim], sources: &Sources, catalog: &Catalog, opts: &Options) -> Vec<Finding> {
    let originals: Vec<usize> = (0..claims.len())
        .filter(|&i| sources.representative[i] == i)
        .collect();
    // the checks are independent: run them side by side, keep their order
    let ids = &originals;
    let checks: [&(dyn Fn() -> Vec<Finding> + Sync); 7] = [
        &|| count_list::check(claims, ids),
        &|| arithmetic::check(claims, ids, catalog),
        &|| arithmetic::parts(claims, ids),
        &|| percent_base::check(claims, ids),
        &|| weekday::check(claims, ids),
        &|| age_year::check(claims, ids),
        &|| rates::check(claims, ids, opts.rate_tolerance),
    ];
    use rayon::prelude::*;
    checks.par_iter().flat_map_iter(|check| check()).collect()
}

/// A check's finding about `ids`, keyed by the first claim.
fn finding(
    kind: FindingKind,
    severity: Severity,
    claims: &[Claim],
    ids: Vec<usize>,
    message: impl Into<crate::reconcile::Message>,
    data: serde_json::Value,
) -> Finding {
    let first = &claims[ids[0]];
    Finding {
        kind,
        severity,
        grade: None,
        key: first.key.clone(),
        message: message.into(),
        comparisons: Default::default(),
        claims: ids,
        consensus: None,
        data: data.into(),
        fingerprint: Default::default(),
    }
}

/// `file:line:column` of a claim, for messages.
fn at(c: &Claim) -> String {
    format!("{}:{}:{}", c.doc, c.line, c.column)
}

/// The single number of a claim, if it has one.
fn number(c: &Claim) -> Option<f64> {
    match c.value {
        crate::extract::Value::Number(n) => Some(n),
        _ => None,
    }
}
