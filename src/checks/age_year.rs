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
        // one finding per age: against each distinct year stated for the subject
        // (a claim per stated year would grow with the square of the archive)
        let mut years: std::collections::BTreeMap<i32, Vec<usize>> =
            std::collections::BTreeMap::new();
        for &j in &matching {
            if let Value::Date(d) = claims[j].value {
                years.entry(d.year as i32).or_default().push(j);
            }
        }
        if years.is_empty() {
            continue;
        }
        let off: Vec<(i32, usize)> = years
            .iter()
            .filter(|(y, _)| (implied - **y).abs() > 1)
            .map(|(y, v)| (*y, v[0]))
            .collect();
        let mut involved = vec![i];
        // `stated_year`: the year in question (the first that disagrees, else the one that agrees)
        let stated_year = off
            .first()
            .map(|o| o.0)
            .unwrap_or_else(|| *years.keys().next().expect("not empty"));
        let data = json!({ "age": c.value, "implied_year": implied, "stated_year": stated_year, "stated_years": years.keys().collect::<Vec<_>>() });
        let (severity, message) = if off.is_empty() {
            let (&year, v) = years.iter().next().expect("not empty");
            involved.push(v[0]);
            (
                Severity::Info,
                format!(
                    "`{}` at {} implies founding in {implied}, consistent with {year} at {}",
                    c.text,
                    at(c),
                    at(&claims[v[0]])
                ),
            )
        } else {
            involved.extend(off.iter().map(|(_, j)| *j));
            let listed: Vec<String> = off
                .iter()
                .take(5)
                .map(|(y, j)| format!("{y} at {}", at(&claims[*j])))
                .collect();
            let (y0, _) = off[0];
            (
                Severity::Warning,
                format!(
                    "`{}` at {} implies founding in {implied} (publication year − age), but the founding year is given as {}: {} years apart",
                    c.text,
                    at(c),
                    listed.join(", "),
                    (implied - y0).abs()
                ),
            )
        };
        out.push(finding(
            FindingKind::AgeVsYear,
            severity,
            claims,
            involved,
            message,
            data,
        ));
    }
    out
}
