//! Implied conversion rates: `VND10 billion (about USD390,000)` implies
//! 25,641 VND per USD. Rates are collected per currency pair per month; one
//! that is off from the median of the others by more than the tolerance
//! is flagged.

use std::collections::BTreeMap;

use serde_json::json;

use super::{at, finding, number};
use crate::extract::{fmt_number, Kind};
use crate::interpret::Claim;
use crate::reconcile::{Finding, FindingKind, Severity};

struct Rate {
    from: usize,
    to: usize,
    rate: f64,
}

pub fn check(claims: &[Claim], ids: &[usize], tolerance: f64) -> Vec<Finding> {
    let mut groups: BTreeMap<(&str, &str, String), Vec<Rate>> = BTreeMap::new();
    for (n, &k) in ids.iter().enumerate() {
        let c = &claims[k];
        if !(c.kind == Kind::Money && c.conversion) {
            continue;
        }
        let Some(&prev) = ids[..n].iter().rev().find(|&&j| {
            claims[j].kind == Kind::Money
                && claims[j].doc == c.doc
                && claims[j].sentence_hash == c.sentence_hash
        }) else {
            continue;
        };
        let p = &claims[prev];
        let (Some(a), Some(b)) = (number(p), number(c)) else {
            continue;
        };
        if b <= 0.0 || a <= 0.0 || p.per != c.per {
            continue;
        }
        let (ca, cb) = (
            p.unit.as_deref().unwrap_or_default(),
            c.unit.as_deref().unwrap_or_default(),
        );
        // quote every pair the same way round: units of the larger per one of the smaller
        let (num, den, rate, from, to) = if a >= b {
            (ca, cb, a / b, prev, k)
        } else {
            (cb, ca, b / a, k, prev)
        };
        let month = c
            .as_of
            .map(|t| t.from.to_string().chars().take(7).collect::<String>())
            .unwrap_or_else(|| "unknown".into());
        groups
            .entry((num, den, month))
            .or_default()
            .push(Rate { from, to, rate });
    }
    let mut out = Vec::new();
    for ((num, den, month), rates) in groups {
        for (i, r) in rates.iter().enumerate() {
            let mut others: Vec<f64> = rates
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, o)| o.rate)
                .collect();
            others.sort_by(f64::total_cmp);
            let median = if others.is_empty() {
                None
            } else if others.len() % 2 == 1 {
                Some(others[others.len() / 2])
            } else {
                Some((others[others.len() / 2 - 1] + others[others.len() / 2]) / 2.0)
            };
            let (a, b) = (&claims[r.from], &claims[r.to]);
            let pair = format!("{num}/{den}");
            let data = json!({ "pair": pair, "month": month, "rate": r.rate, "median_of_others": median, "tolerance": tolerance });
            let shown_rate = fmt_number(if r.rate >= 100.0 {
                r.rate.round()
            } else {
                (r.rate * 1000.0).round() / 1000.0
            });
            let (severity, message) = match median {
                Some(m) if (r.rate / m - 1.0).abs() > tolerance => (
                    Severity::Warning,
                    format!(
                        "`{}` = `{}` at {} implies {shown_rate} {num} per {den}, {:.1}% off the median {} of the other {} rate(s) for {month} (tolerance {:.0}%)",
                        a.text, b.text, at(b), (r.rate / m - 1.0) * 100.0, fmt_number(m.round()), rates.len() - 1, tolerance * 100.0
                    ),
                ),
                Some(m) => (Severity::Info, format!("`{}` = `{}` at {} implies {shown_rate} {num} per {den}, within {:.0}% of the median {} for {month}", a.text, b.text, at(b), tolerance * 100.0, fmt_number(m.round()))),
                None => (Severity::Info, format!("`{}` = `{}` at {} implies {shown_rate} {num} per {den}; no other rate for {month} to compare with", a.text, b.text, at(b))),
            };
            out.push(finding(
                FindingKind::RateOutlier,
                severity,
                claims,
                vec![r.from, r.to],
                message,
                data,
            ));
        }
    }
    out
}
