//! Age vs founding year: `949-year-old` in an article of 2025 implies 1076;
//! a claim that the same subject was founded in 1070 disagrees. One year of
//! slack allows for an anniversary not yet reached.

use serde_json::json;

use super::{at, finding};
use crate::extract::{Kind, Value};
use crate::interpret::{normalize_subject, Claim};
use crate::reconcile::{Finding, FindingKind, Severity};

const FOUNDING_WORDS: &[&str] = &[
    "founded",
    "established",
    "built",
    "opened",
    "created",
    "set up",
    "launched",
    "inaugurated",
    "born",
    "formed",
];

pub fn check(claims: &[Claim], ids: &[usize]) -> Vec<Finding> {
    let mut out = Vec::new();
    let founding: Vec<usize> = ids
        .iter()
        .copied()
        .filter(|&i| {
            let c = &claims[i];
            matches!(c.kind, Kind::Year | Kind::Date)
                && FOUNDING_WORDS.iter().any(|w| {
                    c.key.property.ends_with(w)
                        || c.key.id.contains("found")
                        || c.key.id.contains("establish")
                })
        })
        .collect();
    // founding claims by normalised subject, computed once
    let mut by_subject: std::collections::BTreeMap<String, Vec<usize>> =
        std::collections::BTreeMap::new();
    for &j in &founding {
        let f = &claims[j];
        if f.key.confidence == crate::interpret::Confidence::High
            || f.key.source == crate::interpret::KeySource::Catalog
        {
            by_subject
                .entry(normalize_subject(&f.key.subject))
                .or_default()
                .push(j);
        }
    }
    for &i in ids {
        let c = &claims[i];
        let (Kind::Age, Some(implied)) = (c.kind, c.implied_year) else {
            continue;
        };
        // a round age (`thousand-year`) says nothing to the year; a subject
        // guessed from the document says nothing about which thing is meant
        if c.qualifier != crate::extract::Qualifier::Exact
            || c.key.confidence != crate::interpret::Confidence::High
                && c.key.source != crate::interpret::KeySource::Catalog
        {
            continue;
        }
        let subject = normalize_subject(&c.key.subject);
        if subject.is_empty() {
            continue;
        }
        // the same name, or one naming the other (`Central Market` in `Ben Thanh Central Market`)
        let matching: Vec<usize> = match by_subject.get(&subject) {
            Some(v) => v.clone(),
            None => by_subject
                .iter()
                .filter(|(fs, _)| fs.contains(&subject) || subject.contains(fs.as_str()))
                .flat_map(|(_, v)| v.iter().copied())
                .collect(),
        };
        for &j in &matching {
            let f = &claims[j];
            let Value::Date(d) = f.value else { continue };
            let year = d.year as i32;
            let data = json!({ "age": c.value, "implied_year": implied, "stated_year": year });
            let diff = (implied - year).abs();
            let (severity, message) = if diff <= 1 {
                (
                    Severity::Info,
                    format!(
                        "`{}` at {} implies founding in {implied}, consistent with {} at {}",
                        c.text,
                        at(c),
                        f.text,
                        at(f)
                    ),
                )
            } else {
                (Severity::Warning, format!("`{}` at {} implies founding in {implied} (publication year − age), but {} says {year}: {diff} years apart", c.text, at(c), at(f)))
            };
            out.push(finding(
                FindingKind::AgeVsYear,
                severity,
                claims,
                vec![i, j],
                message,
                data,
            ));
        }
    }
    out
}
